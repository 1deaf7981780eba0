/*
 * test_review.c - review.h: where a finding was printed (ys_pdf_locate)
 * against poppler's own search for the same text on the page, a page drawn
 * as PNG with its box, the marked PDF and the 整改清单 workbook, and the
 * store keeping the file a document was read from.  The server's routes
 * around them: t0038-pdfview.sh.
 */
#include <cairo.h>
#include <math.h>
#include <poppler.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "seedutil.h"
#include "yusuan/review.h"

static char pdf_path[64];
static char *pdf;
static size_t pdf_len;

/* The seed drawn as a PDF by the library (render/pdf.c), once. */
static void make_pdf(void)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	snprintf(pdf_path, sizeof pdf_path, "/tmp/ys-review-%d.pdf", (int)getpid());
	ys_doc *doc = read_seed(NULL, 0);
	if (ys_render_pdf(&ctx, doc, pdf_path) != YS_OK) {
		fprintf(stderr, "%s\n", ctx.msg);
		abort();
	}
	ys_doc_free(doc);
	pdf = slurp(pdf_path, &pdf_len);
}

static void drop_pdf(void)
{
	unlink(pdf_path);
	free(pdf);
}

/* Does poppler's search for text on page find it at the box (within 0.5
 * point on each side)?  Its rectangles are in PDF space (y up). */
static int poppler_finds(PopplerDocument *pd, int page, const char *text, const ys_place *p)
{
	PopplerPage *pg = poppler_document_get_page(pd, page - 1);
	double w, h;
	poppler_page_get_size(pg, &w, &h);
	GList *hits = poppler_page_find_text(pg, text);
	int found = 0;
	for (GList *l = hits; l; l = l->next) {
		PopplerRectangle *r = l->data;
		double y0 = h - r->y2, y1 = h - r->y1;
		if (fabs(r->x1 - (p->x0 / 10.0)) < 0.5 && fabs(r->x2 - (p->x1 / 10.0)) < 0.5 && fabs(y0 - (p->y0 / 10.0)) < 0.5 &&
		    fabs(y1 - (p->y1 / 10.0)) < 0.5)
			found = 1;
		poppler_rectangle_free(r);
	}
	g_list_free(hits);
	g_object_unref(pg);
	return found;
}

START_TEST(every_amount_of_a_table_is_boxed_where_the_pdf_prints_it)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = NULL;
	ck_assert_msg(ys_doc_read_file(&ctx, pdf_path, &doc) == YS_OK, "%s", ctx.msg);
	ck_assert(doc->paged);
	const ys_table *t = doc->tables[YS_T03];
	ck_assert_ptr_nonnull(t);
	/* the places of its amount cells, as a finding names them */
	ys_place *pl = calloc((size_t)t->nrows * (size_t)t->def->ncols, sizeof *pl);
	int *page = calloc((size_t)t->nrows * (size_t)t->def->ncols, sizeof *page);
	size_t n = 0;
	for (int r = 0; r < t->nrows; r++)
		for (int c = 0; c < t->def->ncols; c++) {
			const ys_cell *cell = &t->rows[r].cells[c];
			if (t->def->cols[c].kind != YS_CK_AMOUNT || ys_cell_blank(cell) || !cell->line)
				continue;
			pl[n] = (ys_place){ cell->line, cell->col, cell->text, 0, 0, 0, 0, 0 };
			page[n++] = t->rows[r].page ? t->rows[r].page : t->page;
		}
	ck_assert_int_gt(n, 100);
	ck_assert_msg(ys_pdf_locate(&ctx, "seed.pdf", pdf, pdf_len, pl, n) == YS_OK, "%s", ctx.msg);
	GBytes *b = g_bytes_new_static(pdf, pdf_len);
	PopplerDocument *pd = poppler_document_new_from_bytes(b, NULL, NULL);
	ck_assert_ptr_nonnull(pd);
	for (size_t i = 0; i < n; i++) {
		ck_assert_msg(pl[i].page == page[i], "%s (line %d): page %d, read on %d", pl[i].text, pl[i].line, pl[i].page,
		              page[i]);
		ck_assert_msg(poppler_finds(pd, pl[i].page, pl[i].text, &pl[i]),
		              "%s (line %d) boxed at %.1f,%.1f-%.1f,%.1f on page %d, not where poppler finds it", pl[i].text,
		              pl[i].line, (pl[i].x0 / 10.0), (pl[i].y0 / 10.0), (pl[i].x1 / 10.0), (pl[i].y1 / 10.0), pl[i].page);
	}
	/* a line the PDF does not have, and line 0, are not placed */
	ys_place none[2] = { { 1000000, 5, NULL, 0, 0, 0, 0, 0 }, { 0, 0, NULL, 0, 0, 0, 0, 0 } };
	ck_assert_int_eq(ys_pdf_locate(&ctx, "seed.pdf", pdf, pdf_len, none, 2), YS_OK);
	ck_assert_int_eq(none[0].page, 0);
	ck_assert_int_eq(none[1].page, 0);
	ck_assert_int_eq(ys_pdf_locate(&ctx, "x.pdf", "%PDF-1.4 no", 11, none, 1), YS_EPARSE);
	g_object_unref(pd);
	g_bytes_unref(b);
	free(pl);
	free(page);
	ys_doc_free(doc);
}
END_TEST

START_TEST(a_sentence_is_boxed_from_where_it_starts)
{
	/* 2023_shpt_wanlijiedao.pdf: narrative.change quotes this sentence,
	 * which starts on line 72 after the 。 that ends the one before it */
	size_t len;
	char *f = slurp(FIXTURE("corpus/2023_shpt_wanlijiedao.pdf"), &len);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	const char *s = "2022年当年预算执行数为11.67万元，2023年预算安排45.41万元，比2022年预算执行数增加314.82%。";
	/* the third: a start whose first characters (202) come earlier on the
	 * line too, in 2022年当年 */
	ys_place p[3] = { { 72, 0, s, 0, 0, 0, 0, 0 },
		          { 72, 0, NULL, 0, 0, 0, 0, 0 },
		          { 72, 0, "2023年预算安排45.41万元，比2022年预算执行数增加314.82%。", 0, 0, 0, 0, 0 } };
	ck_assert_msg(ys_pdf_locate(&ctx, "w.pdf", f, len, p, 3) == YS_OK, "%s", ctx.msg);
	ck_assert_int_eq(p[0].page, 6);
	GBytes *b = g_bytes_new_static(f, len);
	PopplerDocument *pd = poppler_document_new_from_bytes(b, NULL, NULL);
	PopplerPage *pg = poppler_document_get_page(pd, 5);
	double w, h;
	poppler_page_get_size(pg, &w, &h);
	/* its start and its end lie in the box; the 。 before it does not */
	GList *hits = poppler_page_find_text(pg, "2022年当年预算执行数为11.67");
	ck_assert_int_eq(g_list_length(hits), 1);
	PopplerRectangle *r = hits->data;
	ck_assert(r->x1 >= (p[0].x0 / 10.0) - 1 && r->x2 <= (p[0].x1 / 10.0) + 1 && h - r->y2 >= (p[0].y0 / 10.0) - 1 && h - r->y1 <= (p[0].y1 / 10.0) + 1);
	ck_assert_msg(r->x1 - (p[0].x0 / 10.0) < 8, "the box starts %.1f points before the sentence", r->x1 - (p[0].x0 / 10.0));
	g_list_free_full(hits, (GDestroyNotify)poppler_rectangle_free);
	hits = poppler_page_find_text(pg, "增加314.82%");
	ck_assert_int_eq(g_list_length(hits), 1);
	r = hits->data;
	ck_assert(r->x2 <= (p[0].x1 / 10.0) + 1 && r->x2 > (p[0].x1 / 10.0) - 12);
	g_list_free_full(hits, (GDestroyNotify)poppler_rectangle_free);
	hits = poppler_page_find_text(pg, "2023年预算安排45.41");
	ck_assert_int_eq(g_list_length(hits), 1);
	r = hits->data;
	ck_assert_msg(fabs(r->x1 - (p[2].x0 / 10.0)) < 8 && fabs((p[2].x1 / 10.0) - (p[0].x1 / 10.0)) < 1, "%.1f-%.1f for %.1f", (p[2].x0 / 10.0), (p[2].x1 / 10.0), r->x1);
	g_list_free_full(hits, (GDestroyNotify)poppler_rectangle_free);
	/* without its text: the whole line, wider than the sentence */
	ck_assert_int_eq(p[1].page, 6);
	ck_assert((p[1].x0 / 10.0) < (p[0].x0 / 10.0) - 5 && (p[1].x1 / 10.0) > (p[0].x1 / 10.0) + 5);
	g_object_unref(pg);
	g_object_unref(pd);
	g_bytes_unref(b);
	free(f);
}
END_TEST

typedef struct rd {
	const char *s;
	size_t n, at;
} rd;

static cairo_status_t read_png(void *closure, unsigned char *data, unsigned int length)
{
	rd *r = closure;
	if (r->at + length > r->n)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, r->s + r->at, length);
	r->at += length;
	return CAIRO_STATUS_SUCCESS;
}

static uint32_t pixel(cairo_surface_t *s, int x, int y)
{
	const unsigned char *d = cairo_image_surface_get_data(s);
	return *(const uint32_t *)(d + (size_t)y * (size_t)cairo_image_surface_get_stride(s) + (size_t)x * 4) & 0xffffff;
}

START_TEST(a_page_is_drawn_with_its_box_in_red)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = NULL;
	ck_assert_msg(ys_doc_read_file(&ctx, pdf_path, &doc) == YS_OK, "%s", ctx.msg);
	const ys_table *t = doc->tables[YS_T01];
	const ys_cell *cell = &t->rows[0].cells[1];
	ck_assert(!ys_cell_blank(cell));
	ys_place p = { cell->line, cell->col, cell->text, 0, 0, 0, 0, 0 };
	ck_assert_int_eq(ys_pdf_locate(&ctx, "seed.pdf", pdf, pdf_len, &p, 1), YS_OK);
	ck_assert_int_gt(p.page, 0);
	ys_buf png = YS_BUF_INIT;
	ck_assert_msg(ys_pdf_page_png(&ctx, pdf, pdf_len, p.page, 1.5, &p, 1, &png) == YS_OK, "%s", ctx.msg);
	rd r = { png.s, png.len, 0 };
	cairo_surface_t *s = cairo_image_surface_create_from_png_stream(read_png, &r);
	ck_assert_int_eq(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
	/* A4 landscape (841.89 × 595.28 points) at 1.5 pixels a point */
	ck_assert_int_eq(cairo_image_surface_get_width(s), (int)ceil(841.89 * 1.5));
	ck_assert_int_eq(cairo_image_surface_get_height(s), (int)ceil(595.28 * 1.5));
	/* the box's left and bottom edges, 2 points outside the place, are red;
	 * the page beside it is not */
	int ym = (int)(((p.y0 / 10.0) + (p.y1 / 10.0)) / 2 * 1.5), xl = (int)lround(((p.x0 / 10.0) - 2) * 1.5);
	ck_assert_uint_eq(pixel(s, xl, ym), 0xff0000);
	ck_assert_uint_eq(pixel(s, (int)(((p.x0 / 10.0) + (p.x1 / 10.0)) / 2 * 1.5), (int)lround(((p.y1 / 10.0) + 2) * 1.5)), 0xff0000);
	ck_assert_uint_ne(pixel(s, xl - 8, ym), 0xff0000);
	cairo_surface_destroy(s);
	/* no place: no red anywhere */
	ys_buf_reset(&png);
	ck_assert_int_eq(ys_pdf_page_png(&ctx, pdf, pdf_len, p.page, 1.5, NULL, 0, &png), YS_OK);
	r = (rd){ png.s, png.len, 0 };
	s = cairo_image_surface_create_from_png_stream(read_png, &r);
	int red = 0;
	for (int y = 0; y < cairo_image_surface_get_height(s); y += 2)
		for (int x = 0; x < cairo_image_surface_get_width(s); x += 2)
			red += pixel(s, x, y) == 0xff0000;
	ck_assert_int_eq(red, 0);
	cairo_surface_destroy(s);
	int np;
	ck_assert_int_eq(ys_pdf_npages(&ctx, pdf, pdf_len, &np), YS_OK);
	ck_assert_int_eq(ys_pdf_page_png(&ctx, pdf, pdf_len, np + 1, 1.5, NULL, 0, &png), YS_ENOTFOUND);
	ck_assert_int_eq(ys_pdf_page_png(&ctx, pdf, pdf_len, 0, 1.5, NULL, 0, &png), YS_ENOTFOUND);
	ys_buf_release(&png);
	ys_doc_free(doc);
}
END_TEST

static const ys_review_item item1 = {
	1, "03", "2050201/50501/30101", "基本支出", "sum.row", "合计 = 基本支出 + 项目支出 不成立", 1, 393779040, 393779041,
	"审核", "2026-12-06T10:00:00Z", "", "请核对", { 0, 0, NULL, 6, 100, 100, 150, 110 }
};

START_TEST(the_workbook_lists_the_confirmed_and_the_dismissed)
{
	ys_review_item dis = item1;
	dis.rule = "pres.numbering";
	dis.message = "表题编号不一致";
	dis.has_amounts = 0;
	dis.reason = "写法不影响";
	ys_review_export e = { "某部门", 2026, "tables.pdf", "2026-12-06", &item1, 1, &dis, 1 };
	char path[64];
	snprintf(path, sizeof path, "/tmp/ys-review-%d.xlsx", (int)getpid());
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ck_assert_msg(ys_review_xlsx(&ctx, &e, path) == YS_OK, "%s", ctx.msg);
	int err;
	zip_t *z = zip_open(path, ZIP_RDONLY, &err);
	ck_assert_ptr_nonnull(z);
	zip_stat_t st;
	ck_assert_int_eq(zip_stat(z, "xl/sharedStrings.xml", 0, &st), 0);
	char *x = calloc(1, st.size + 1);
	zip_file_t *zf = zip_fopen(z, "xl/sharedStrings.xml", 0);
	ck_assert_int_eq(zip_fread(zf, x, st.size), (zip_int64_t)st.size);
	zip_fclose(zf);
	zip_close(z);
	unlink(path);
	/* amounts as 万元 text from 分, the headers, the title, both sheets */
	ck_assert_ptr_nonnull(strstr(x, "<t>393.779040</t>"));
	ck_assert_ptr_nonnull(strstr(x, "<t>393.779041</t>"));
	ck_assert_ptr_nonnull(strstr(x, "<t>应为（万元）</t>"));
	ck_assert_ptr_nonnull(strstr(x, "整改清单：某部门 2026年 · tables.pdf · 导出于 2026-12-06"));
	ck_assert_ptr_nonnull(strstr(x, "<t>写法不影响</t>"));
	ck_assert_ptr_nonnull(strstr(x, "<t>排除理由</t>"));
	free(x);
}
END_TEST

START_TEST(the_marked_pdf_has_a_list_page_before_the_pages)
{
	ys_place p = item1.place;
	ys_review_item it = item1;
	it.place = p;
	ys_review_export e = { "某部门", 2026, "tables.pdf", "2026-12-06", &it, 1, NULL, 0 };
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_buf out = YS_BUF_INIT;
	ck_assert_msg(ys_review_pdf(&ctx, &e, pdf, pdf_len, &out) == YS_OK, "%s", ctx.msg);
	int np, mp;
	ck_assert_int_eq(ys_pdf_npages(&ctx, pdf, pdf_len, &np), YS_OK);
	ck_assert_int_eq(ys_pdf_npages(&ctx, out.s, out.len, &mp), YS_OK);
	ck_assert_int_eq(mp, np + 1);
	GBytes *b = g_bytes_new_static(out.s, out.len);
	PopplerDocument *pd = poppler_document_new_from_bytes(b, NULL, NULL);
	PopplerPage *pg = poppler_document_get_page(pd, 0);
	char *text = poppler_page_get_text(pg);
	ck_assert_ptr_nonnull(strstr(text, "整改清单：某部门 2026年"));
	ck_assert_ptr_nonnull(strstr(text, "应为 393.779040 万元，实为 393.779041 万元"));
	g_free(text);
	g_object_unref(pg);
	g_object_unref(pd);
	g_bytes_unref(b);
	ck_assert_int_eq(ys_review_pdf(&ctx, &e, "not a pdf", 9, &out), YS_EPARSE);
	ys_buf_release(&out);
}
END_TEST

START_TEST(the_store_keeps_the_file_a_document_was_read_from)
{
	char db[64];
	snprintf(db, sizeof db, "/tmp/ys-review-%d.db", (int)getpid());
	unlink(db);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_store *st = NULL;
	ck_assert_msg(ys_store_open(&ctx, db, &st) == YS_OK, "%s", ctx.msg);
	ys_doc *doc = read_seed(NULL, 0);
	char hash[YS_HASH_HEX];
	ys_store_hash_bytes(pdf, pdf_len, hash);
	int64_t id = 0, replaced = 0, plain = 0;
	ck_assert_msg(ys_store_import_original(&ctx, st, doc, hash, pdf, pdf_len, "application/pdf", 0, &id, &replaced) ==
	                      YS_OK,
	              "%s", ctx.msg);
	ck_assert_int_eq(ys_store_save_doc(&ctx, st, doc, &plain), YS_OK);
	ys_buf b = YS_BUF_INIT;
	char media[64];
	ck_assert_int_eq(ys_store_load_original(&ctx, st, id, &b, media), YS_OK);
	ck_assert_str_eq(media, "application/pdf");
	ck_assert_uint_eq(b.len, pdf_len);
	ck_assert(!memcmp(b.s, pdf, pdf_len));
	ys_buf_reset(&b);
	ck_assert_int_eq(ys_store_load_original(&ctx, st, plain, &b, media), YS_ENOTFOUND);
	/* the same file again is refused, and nothing of it kept */
	int64_t again = 0;
	ck_assert_int_eq(ys_store_import_original(&ctx, st, doc, hash, pdf, pdf_len, "application/pdf", 0, &again, &replaced),
	                 YS_EREFUSED);
	ck_assert_int_eq(ys_store_load_original(&ctx, st, id + 2, &b, media), YS_ENOTFOUND);
	ys_buf_release(&b);
	ys_doc_free(doc);
	ys_store_close(st);
	unlink(db);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("review");
	TCase *tc = tcase_create("review");
	tcase_add_unchecked_fixture(tc, make_pdf, drop_pdf);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, every_amount_of_a_table_is_boxed_where_the_pdf_prints_it);
	tcase_add_test(tc, a_sentence_is_boxed_from_where_it_starts);
	tcase_add_test(tc, a_page_is_drawn_with_its_box_in_red);
	tcase_add_test(tc, the_workbook_lists_the_confirmed_and_the_dismissed);
	tcase_add_test(tc, the_marked_pdf_has_a_list_page_before_the_pages);
	tcase_add_test(tc, the_store_keeps_the_file_a_document_was_read_from);
	suite_add_tcase(s, tc);
	return s;
}
