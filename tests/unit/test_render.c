/*
 * test_render.c - publishing: the XLSX workbook reads back to the 分, the
 * PDF's text holds every title and amount on the pages of its table and
 * its contents give the right pages, the HTML site holds every amount and
 * links every finding to a cell, CSV in both encodings, the JSON of the
 * budget.  (The site in a real browser: tests/cli/t0010-publish.sh.)
 */
#include <cairo.h>
#include <jansson.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "budgetgen.h"
#include "seedutil.h"

#define EXAMPLE YS_TESTDIR "/../examples/2026-beijing-jiguan-shiwu"

/* A scratch folder of this process. */
static const char *scratch(const char *name)
{
	static char path[512];
	char dir[256];
	snprintf(dir, sizeof dir, "%s/yusuan-render-%ld", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (long)getpid());
	mkdir(dir, 0777);
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return path;
}

/* Every cell of a equals the same cell of b: amounts to the 分, texts. */
static int same_amounts(const ys_doc *a, const ys_doc *b, const char *what)
{
	int amounts = 0;
	for (int k = 0; k < YS_NTABLES; k++) {
		const ys_table *x = a->tables[k], *y = b->tables[k];
		ck_assert_msg(!x == !y, "%s: table %d present in one only", what, k + 1);
		if (!x)
			continue;
		ck_assert_msg(x->nrows == y->nrows, "%s: table %s has %d rows, read back %d", what, x->def->code, x->nrows,
		              y->nrows);
		for (int r = 0; r < x->nrows; r++)
			for (int c = 0; c < x->def->ncols; c++) {
				const ys_cell *p = &x->rows[r].cells[c], *q = &y->rows[r].cells[c];
				if (x->def->cols[c].kind == YS_CK_AMOUNT) {
					ck_assert_msg(p->amt.present == q->amt.present && p->amt.fen == q->amt.fen,
					              "%s: table %s row %d column %s: %lld 分, read back %lld 分", what, x->def->code,
					              r, x->def->cols[c].label, (long long)p->amt.fen, (long long)q->amt.fen);
					amounts += p->amt.present;
				} else {
					ck_assert_msg(ys_name_eq(p->text, q->text), "%s: table %s row %d column %s: '%s', read back '%s'",
					              what, x->def->code, r, x->def->cols[c].label, p->text, q->text);
				}
			}
	}
	return amounts;
}

/* 40 random budgets (1-60 items, amounts up to 15 significant digits),
 * compiled, through a format and back: the same cells to the 分. */
static void random_round_trips(uint64_t seed, ys_doc *(*trip)(const ys_doc *, const char *), const char *name)
{
	rng = seed;
	for (int k = 0; k < 40; k += YS_SAN_STRIDE) { /* a third under SAN=1 (testutil.h) */
		ys_budget *rb = random_budget(1 + (int)(rnd() % 60));
		ys_doc *rd = compile_budget(rb);
		ys_doc *rback = trip(rd, name);
		same_amounts(rd, rback, name);
		ys_doc_free(rback);
		ys_doc_free(rd);
		ys_budget_free(rb);
	}
}

/* ---- XLSX ---- */

/* The same findings: rule, severity, table and row, one for one. */
static void same_findings(const ys_doc *a, const ys_doc *b, const ys_catalog *cat, const char *what)
{
	ys_report *x = check_with(a, cat, NULL, NULL), *y = check_with(b, cat, NULL, NULL);
	ck_assert_msg(x->nfindings == y->nfindings, "%s: %zu findings, read back %zu", what, x->nfindings, y->nfindings);
	for (size_t i = 0; i < x->nfindings; i++) {
		const ys_finding *f = &x->findings[i], *g = &y->findings[i];
		ck_assert_msg(!strcmp(f->rule, g->rule) && f->sev == g->sev && f->table == g->table && f->row == g->row,
		              "%s: finding %zu is %s (table %d row %d), read back %s (table %d row %d)", what, i, f->rule,
		              f->table, f->row, g->rule, g->table, g->row);
	}
	ck_assert_int_eq(x->identities, y->identities);
	ys_report_free(x);
	ys_report_free(y);
}


static ys_doc *xlsx_round_trip(const ys_doc *doc, const char *name)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	const char *path = scratch(name);
	ck_assert_msg(ys_render_xlsx(&ctx, doc, path) == YS_OK, "%s", ctx.msg);
	ys_doc *back;
	ck_assert_msg(ys_doc_read_xlsx(&ctx, path, &back) == YS_OK, "%s", ctx.msg);
	return back;
}

START_TEST(xlsx_reads_back_to_the_fen)
{
	ys_budget *b = read_budget(EXAMPLE);
	ys_doc *doc = compile_budget(b);
	ys_doc *back = xlsx_round_trip(doc, "example.xlsx");
	int n = same_amounts(doc, back, "example.xlsx");
	ck_assert_int_gt(n, 300); /* the example's printed (non-blank) amounts */
	/* the decimals each cell is shown with come back too: no presentation
	 * finding the source does not have */
	same_findings(doc, back, test_catalog(), "example.xlsx");
	/* and the totals are the model's: 支出总计 is every item's money */
	int64_t all = 0;
	for (size_t i = 0; i < b->nitems; i++)
		all += b->items[i].amount;
	const ys_table *t01 = back->tables[YS_T01];
	ck_assert_int_eq(t01->rows[t01->nrows - 1].cells[YS_C01_OUT_AMT].amt.fen, all);
	ys_doc_free(back);
	ys_doc_free(doc);
	ys_budget_free(b);

	/* the seed as read, and amounts with up to 15 significant digits */
	ys_doc *seed = read_seed(NULL, 0);
	back = xlsx_round_trip(seed, "seed.xlsx");
	same_amounts(seed, back, "seed.xlsx");
	ys_doc_free(back);
	ys_doc_free(seed);
	random_round_trips(0xC0FFEE1234567ULL, xlsx_round_trip, "random.xlsx");
}
END_TEST

/* ---- PDF read back ---- */

static ys_doc *pdf_round_trip(const ys_doc *doc, const char *name)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	const char *path = scratch(name);
	ck_assert_msg(ys_render_pdf(&ctx, doc, path) == YS_OK, "%s", ctx.msg);
	ys_doc *back;
	ck_assert_msg(ys_doc_read_file(&ctx, path, &back) == YS_OK, "%s: %s", name, ctx.msg);
	ck_assert_msg(back->nothers == 0, "%s: read by the general reader, not as the 13 tables", name);
	return back;
}

START_TEST(pdf_reads_back_to_the_same_cells_and_findings)
{
	ys_catalog *cat = test_catalog();
	ys_budget *b = read_budget(EXAMPLE);
	ys_doc *doc = compile_budget(b);
	ys_doc *back = pdf_round_trip(doc, "example.pdf");
	int n = same_amounts(doc, back, "example.pdf");
	ck_assert_int_gt(n, 300);
	same_findings(doc, back, cat, "example.pdf");
	ys_doc_free(back);
	ys_doc_free(doc);
	ys_budget_free(b);
	ys_doc *seed = read_seed(NULL, 0);
	back = pdf_round_trip(seed, "seed.pdf");
	same_amounts(seed, back, "seed.pdf");
	ys_doc_free(back);
	ys_doc_free(seed);
	random_round_trips(0x5EEDF00D42ULL, pdf_round_trip, "random.pdf");
	ys_catalog_free(cat);
}
END_TEST

static char *zip_entry(const char *path, const char *name)
{
	int err;
	zip_t *z = zip_open(path, ZIP_RDONLY, &err);
	ck_assert_ptr_nonnull(z);
	zip_stat_t st;
	ck_assert_msg(zip_stat(z, name, 0, &st) == 0, "%s has no %s", path, name);
	char *s = malloc(st.size + 1);
	zip_file_t *f = zip_fopen(z, name, 0);
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(zip_fread(f, s, st.size), (zip_int64_t)st.size);
	s[st.size] = 0;
	zip_fclose(f);
	zip_close(z);
	return s;
}

START_TEST(xlsx_has_the_published_layout)
{
	ys_budget *b = read_budget(EXAMPLE);
	ys_doc *doc = compile_budget(b);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	const char *path = scratch("layout.xlsx");
	ck_assert_msg(ys_render_xlsx(&ctx, doc, path) == YS_OK, "%s", ctx.msg);
	char *wb = zip_entry(path, "xl/workbook.xml");
	for (int i = 0; i < doc->ntables; i++) {
		char want[64];
		snprintf(want, sizeof want, "name=\"预算%s表\"", doc->tables[doc->order[i]]->def->code);
		ck_assert_msg(strstr(wb, want), "no sheet %s", want);
	}
	/* header rows repeated on every printed page */
	ck_assert_ptr_nonnull(strstr(wb, "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'预算01表'!$3:$4"));
	free(wb);
	/* 02: title across the 17 columns, 本年收入 over 10, 上年结转结余 over 6,
	 * 合计 down the two header rows */
	char *s2 = zip_entry(path, "xl/worksheets/sheet2.xml");
	static const char *const merges2[] = { "A1:Q1", "A3:A4", "B3:K3", "L3:Q3" };
	for (int i = 0; i < 4; i++) {
		char want[64];
		snprintf(want, sizeof want, "<mergeCell ref=\"%s\"/>", merges2[i]);
		ck_assert_msg(strstr(s2, want), "02 lacks the merge %s", merges2[i]);
	}
	ck_assert_ptr_nonnull(strstr(s2, "state=\"frozen\""));
	ck_assert_ptr_nonnull(strstr(s2, "paperSize=\"9\""));
	ck_assert_ptr_nonnull(strstr(s2, "orientation=\"landscape\""));
	ck_assert_ptr_nonnull(strstr(s2, "fitToHeight=\"0\""));
	ck_assert_ptr_nonnull(strstr(s2, "<pageSetUpPr fitToPage=\"1\"/>"));
	free(s2);
	/* 03's 其中 over its three columns; 05's 基本支出 over three; 09's car group */
	char *s3 = zip_entry(path, "xl/worksheets/sheet3.xml");
	ck_assert_msg(strstr(s3, "<mergeCell ref=\"G3:I3\"/>"), "03 lacks 其中 over G:I");
	free(s3);
	char *s5 = zip_entry(path, "xl/worksheets/sheet5.xml");
	ck_assert_msg(strstr(s5, "<mergeCell ref=\"D4:F4\"/>"), "05 lacks 基本支出 over D:F");
	free(s5);
	char *s9 = zip_entry(path, "xl/worksheets/sheet9.xml");
	ck_assert_msg(strstr(s9, "<mergeCell ref=\"D3:F3\"/>"), "09 lacks the 公务用车 group over D:F");
	free(s9);
	/* amounts are numbers with the table's decimals and thousands separators */
	char *st = zip_entry(path, "xl/styles.xml");
	ck_assert_ptr_nonnull(strstr(st, "formatCode=\"#,##0.000000\""));
	ck_assert_ptr_nonnull(strstr(st, "formatCode=\"#,##0.00\""));
	free(st);
	ys_doc_free(doc);
	ys_budget_free(b);
}
END_TEST

/* ---- PDF ---- */

typedef struct pdftext {
	int npages;
	char **page;
} pdftext;

static PopplerDocument *pdf_open(const char *path)
{
	GError *err = NULL;
	char *uri = g_filename_to_uri(path, NULL, &err);
	ck_assert_msg(uri != NULL, "%s", err ? err->message : "?");
	PopplerDocument *pd = poppler_document_new_from_file(uri, NULL, &err);
	ck_assert_msg(pd != NULL, "poppler cannot open %s: %s", path, err ? err->message : "?");
	g_free(uri);
	return pd;
}

/* The page (from 1) whose text starts with the table's title, after the
 * cover and contents. */
static int owner(const ys_doc *doc, const char *text)
{
	int best = -1;
	size_t at = (size_t)-1;
	for (int k = 0; k < YS_NTABLES; k++) {
		if (!doc->tables[k])
			continue;
		const char *p = strstr(text, doc->tables[k]->title);
		if (p && (size_t)(p - text) < at) {
			at = (size_t)(p - text);
			best = k;
		}
	}
	return best;
}

START_TEST(pdf_holds_every_title_and_amount)
{
	ys_budget *b = read_budget(EXAMPLE);
	ys_doc *doc = compile_budget(b);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	const char *path = scratch("tables.pdf");
	ck_assert_msg(ys_render_pdf(&ctx, doc, path) == YS_OK, "%s", ctx.msg);
	PopplerDocument *pd = pdf_open(path);
	int n = poppler_document_get_n_pages(pd);
	ck_assert_int_ge(n, 2 + doc->ntables);
	char **text = calloc((size_t)n, sizeof *text);
	int first[YS_NTABLES], last[YS_NTABLES];
	for (int k = 0; k < YS_NTABLES; k++)
		first[k] = last[k] = 0;
	for (int i = 0; i < n; i++) {
		PopplerPage *pg = poppler_document_get_page(pd, i);
		double w, h;
		poppler_page_get_size(pg, &w, &h);
		ck_assert_msg(w > 841 && w < 843 && h > 594 && h < 596, "page %d is %.1f x %.1f pt, not A4 landscape", i + 1, w, h);
		text[i] = poppler_page_get_text(pg);
		char num[64];
		snprintf(num, sizeof num, "第 %d 页 共 %d 页", i + 1, n);
		if (i > 0)
			ck_assert_msg(strstr(text[i], num), "page %d has no '%s'", i + 1, num);
		if (i >= 2) {
			int k = owner(doc, text[i]);
			ck_assert_msg(k >= 0, "page %d belongs to no table", i + 1);
			if (!first[k])
				first[k] = i + 1;
			last[k] = i + 1;
		}
		g_object_unref(pg);
	}
	ck_assert_ptr_nonnull(strstr(text[0], doc->department));
	ck_assert_ptr_nonnull(strstr(text[0], "2026年部门预算"));
	int amounts = 0;
	for (int k = 0; k < YS_NTABLES; k++) {
		const ys_table *t = doc->tables[k];
		if (!t)
			continue;
		ck_assert_msg(first[k], "table %s has no page", t->def->code);
		/* the contents give the page the table starts on */
		const char *c = strstr(text[1], t->title);
		ck_assert_msg(c, "contents lack '%s'", t->title);
		c += strlen(t->title);
		while (*c == ' ' || *c == '\n')
			c++;
		ck_assert_msg(atoi(c) == first[k], "contents say %s starts on page %d, it starts on %d", t->def->code,
		              atoi(c), first[k]);
		/* every amount on the table's own pages; the header on each of them */
		for (int r = 0; r < t->nrows; r++)
			for (int col = 0; col < t->def->ncols; col++) {
				const ys_cell *cell = &t->rows[r].cells[col];
				if (t->def->cols[col].kind != YS_CK_AMOUNT || ys_cell_blank(cell))
					continue;
				int found = 0;
				for (int p = first[k]; p <= last[k] && !found; p++)
					found = strstr(text[p - 1], cell->text) != NULL;
				ck_assert_msg(found, "table %s row %d column %s: '%s' is not on pages %d-%d", t->def->code, r,
				              t->def->cols[col].label, cell->text, first[k], last[k]);
				amounts++;
			}
		/* a header word (the first without spaces) on each page of the table */
		const char *head = NULL;
		for (int h = 0; h < t->nheaders && t->headers[h].before == 0 && !head; h++)
			for (int c2 = 0; c2 < t->headers[h].ncells && !head; c2++)
				if (t->headers[h].cells[c2][0] && !strchr(t->headers[h].cells[c2], ' '))
					head = t->headers[h].cells[c2];
		for (int p = first[k]; head && p <= last[k]; p++)
			ck_assert_msg(strstr(text[p - 1], head), "page %d of table %s does not repeat the header '%s'", p,
			              t->def->code, head);
	}
	ck_assert_int_gt(amounts, 300);
	ck_assert_msg(last[YS_T03] > first[YS_T03], "table 03 should run over several pages");

	/* the CJK font is embedded, not a fallback drawing boxes */
	PopplerFontInfo *fi = poppler_font_info_new(pd);
	PopplerFontsIter *it = NULL;
	int cjk = 0;
	if (poppler_font_info_scan(fi, n, &it) && it) {
		do {
			const char *name = poppler_fonts_iter_get_name(it);
			cjk += name && strstr(name, "NotoSansCJK") && poppler_fonts_iter_is_embedded(it);
		} while (poppler_fonts_iter_next(it));
		poppler_fonts_iter_free(it);
	}
	poppler_font_info_free(fi);
	ck_assert_int_ge(cjk, 1);
	for (int i = 0; i < n; i++)
		g_free(text[i]);
	free(text);
	g_object_unref(pd);
	ys_doc_free(doc);
	ys_budget_free(b);
}
END_TEST

/* Render a page to pixels: ink stays inside the margins (every table fits
 * the page width), and a table page has ink at all. */
START_TEST(pdf_pages_render_inside_the_margins)
{
	ys_budget *b = read_budget(EXAMPLE);
	ys_doc *doc = compile_budget(b);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	const char *path = scratch("pages.pdf");
	ck_assert_msg(ys_render_pdf(&ctx, doc, path) == YS_OK, "%s", ctx.msg);
	PopplerDocument *pd = pdf_open(path);
	int n = poppler_document_get_n_pages(pd);
	/* the loop below looks at every page: there are a cover, the contents
	 * and at least a page per table to look at */
	ck_assert_int_ge(n, 2 + doc->ntables);
	const double scale = 1.0; /* 1 px per point */
	const int W = 842, H = 596, margin = 30;
	for (int i = 0; i < n; i++) {
		PopplerPage *pg = poppler_document_get_page(pd, i);
		cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, W, H);
		cairo_t *cr = cairo_create(img);
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_paint(cr);
		cairo_scale(cr, scale, scale);
		poppler_page_render(pg, cr);
		cairo_destroy(cr);
		cairo_surface_flush(img);
		const unsigned char *px = cairo_image_surface_get_data(img);
		int stride = cairo_image_surface_get_stride(img), ink = 0, outside = 0;
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				uint32_t v = *(const uint32_t *)(px + y * stride + x * 4) & 0xFFFFFF;
				if (v == 0xFFFFFF)
					continue;
				ink++;
				if (x < margin || x >= W - margin)
					outside++;
			}
		ck_assert_msg(ink > 2000, "page %d is (nearly) blank: %d pixels", i + 1, ink);
		ck_assert_msg(outside == 0, "page %d: %d pixels of ink outside the side margins", i + 1, outside);
		if (i == 0 && getenv("YS_PAGE1_PNG"))
			cairo_surface_write_to_png(img, getenv("YS_PAGE1_PNG"));
		cairo_surface_destroy(img);
		g_object_unref(pg);
	}
	g_object_unref(pd);
	ys_doc_free(doc);
	ys_budget_free(b);
}
END_TEST

/* ---- HTML ---- */

static char *slurp_path(const char *dir, const char *name)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	char *text = NULL;
	size_t n;
	if (ys_file_read(&ctx, path, &text, &n) != YS_OK)
		ck_abort_msg("%s", ctx.msg);
	return text;
}

START_TEST(html_site_holds_every_amount_and_links_findings)
{
	/* the seed, whose check has findings */
	ys_doc *doc = read_seed(NULL, 0);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_check_opts opts = { test_catalog(), NULL, NULL };
	ys_report *rep;
	ck_assert_int_eq(ys_check(&ctx, doc, &opts, &rep), YS_OK);
	ck_assert_int_gt((int)rep->nfindings, 0);
	const char *dir = scratch("site");
	ck_assert_msg(ys_render_html(&ctx, doc, rep, dir) == YS_OK, "%s", ctx.msg);
	char *index = slurp_path(dir, "index.html");
	int charts = 0;
	for (const char *p = index; (p = strstr(p, "<svg class=\"chart\"")); p++)
		charts++;
	ck_assert_int_eq(charts, 5);
	ck_assert_ptr_nonnull(strstr(index, "35,495.14")); /* 支出总计 */
	ck_assert_ptr_null(strstr(index, "http://"));
	ck_assert_ptr_null(strstr(index, "https://"));
	free(index);
	for (int i = 0; i < doc->ntables; i++) {
		const ys_table *t = doc->tables[doc->order[i]];
		char name[16];
		snprintf(name, sizeof name, "%s.html", t->def->code);
		char *page = slurp_path(dir, name);
		ck_assert_ptr_nonnull(strstr(page, "<caption>"));
		ck_assert_ptr_nonnull(strstr(page, "scope=\"col"));
		ck_assert_ptr_null(strstr(page, "https://"));
		for (int r = 0; r < t->nrows; r++)
			for (int c = 0; c < t->def->ncols; c++) {
				const ys_cell *cell = &t->rows[r].cells[c];
				if (t->def->cols[c].kind != YS_CK_AMOUNT || ys_cell_blank(cell))
					continue;
				char want[128];
				snprintf(want, sizeof want, "id=\"r%d-%s\" class=\"num", r, t->def->cols[c].id);
				const char *at = strstr(page, want);
				ck_assert_msg(at, "%s: no amount cell %s", name, want);
				at = strchr(at, '>');
				ck_assert_msg(at && !strncmp(at + 1, cell->text, strlen(cell->text)), "%s row %d %s: not '%s'", name,
				              r, t->def->cols[c].id, cell->text);
			}
		free(page);
	}
	/* every finding on a cell links to an id that exists on its page */
	char *fp = slurp_path(dir, "findings.html");
	int links = 0;
	for (size_t i = 0; i < rep->nfindings; i++) {
		const ys_finding *f = &rep->findings[i];
		if (f->table < 0 || f->row < 0 || f->col < 0)
			continue;
		const ys_table *t = doc->tables[f->table];
		char href[128], id[96], name[16];
		snprintf(id, sizeof id, "r%d-%s", f->row, t->def->cols[f->col].id);
		snprintf(href, sizeof href, "href=\"%s.html#%s\"", t->def->code, id);
		ck_assert_msg(strstr(fp, href), "findings.html lacks %s", href);
		snprintf(name, sizeof name, "%s.html", t->def->code);
		char *page = slurp_path(dir, name);
		char want[128];
		snprintf(want, sizeof want, "id=\"%s\"", id);
		ck_assert_msg(strstr(page, want), "%s has no %s for finding %s", name, want, f->rule);
		free(page);
		links++;
	}
	ck_assert_int_gt(links, 0);
	free(fp);
	ys_report_free(rep);
	ys_doc_free(doc);
}
END_TEST

/* findings.html shows a finding's 差额 as its message does: found −
 * expected, with its sign. */
START_TEST(html_difference_has_the_message_sign)
{
	static const edit down[] = { { 274, "363.999200", "362.999200" } };
	ys_doc *doc = read_seed(down, 1);
	ys_report *rep = check_with(doc, test_catalog(), NULL, NULL);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	const char *dir = scratch("site-sign");
	ck_assert_msg(ys_render_html(&ctx, doc, rep, dir) == YS_OK, "%s", ctx.msg);
	char *fp = slurp_path(dir, "findings.html");
	int n = 0;
	for (size_t i = 0; i < rep->nfindings; i++) {
		const ys_finding *f = &rep->findings[i];
		if (!f->has_amounts)
			continue;
		char num[YS_MONEY_FMT_MAX], cell[128], said[128];
		ck_assert_int_ge(ys_money_format(num, f->difference, f->unit, f->dp, YS_FMT_GROUP), 0);
		snprintf(said, sizeof said, "差额 %s%s", f->difference > 0 ? "+" : "", num);
		ck_assert_msg(strstr(f->message, said), "%s: %s", said, f->message);
		snprintf(cell, sizeof cell, "<td class=\"num\">%s%s", f->difference > 0 ? "+" : "", num);
		ck_assert_msg(strstr(fp, cell), "findings.html lacks %s", cell);
		n += f->difference < 0;
	}
	ck_assert_int_gt(n, 0); /* a negative one among them */
	free(fp);
	ys_report_free(rep);
	ys_doc_free(doc);
}
END_TEST

/* Amounts near the ends of int64 分 (a table in 亿元 holds them): a chart
 * whose parts sum beyond int64 is left out rather than drawn from a
 * wrapped sum, and a share is exact where part * 1000 passes INT64_MAX
 * (signed overflow before). */
START_TEST(html_charts_of_amounts_near_int64)
{
	static const edit huge[] = {
		{ 49, "万元", "亿元" },
		/* two personnel rows of 03: 5e18 分 each, 1e19 together */
		{ 53, "867.596000\t867.596000", "500,000,000.000000\t500,000,000.000000" },
		{ 54, "607.148600\t607.148600", "500,000,000.000000\t500,000,000.000000" },
		{ 263, "万元", "亿元" },
		/* 三公: 因公出国 INT64_MAX / 1000 分, 公务接待 9e18 分 */
		{ 267, "25.400000\t\t16.000000\t9.400000\t\t9.400000",
		  "900,922,337.2036854775\t922,337.2036854775\t900,000,000.000000\t\t\t" },
	};
	ys_doc *doc = read_seed(huge, 5);
	ck_assert(doc->tables[YS_T03]->rows[0].cells[YS_C03_BASIC].amt.fen == 5000000000000000000LL);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	const char *dir = scratch("site-huge");
	ck_assert_msg(ys_render_html(&ctx, doc, NULL, dir) == YS_OK, "%s", ctx.msg);
	char *index = slurp_path(dir, "index.html");
	/* 人员经费 sums past INT64_MAX: no chart of it */
	ck_assert_ptr_null(strstr(index, "id=\"chart-basic\""));
	ck_assert_ptr_nonnull(strstr(index, "id=\"chart-kind\""));
	/* 因公出国's share of the 三公 chart, in tenths of a per cent rounded
	 * half up, computed here in 128 bits */
	int64_t part = INT64_MAX / 1000, whole = part + 9000000000000000000LL;
	__int128 t = ((__int128)part * 1000 + whole / 2) / whole;
	char want[64];
	snprintf(want, sizeof want, "因公出国（境）费 9,223,372,036.85 万元（%d.%d%%）", (int)(t / 10), (int)(t % 10));
	ck_assert_msg(strstr(index, want), "index.html lacks '%s'", want);
	free(index);
	ys_doc_free(doc);
}
END_TEST

/* ---- publish: CSV encodings, JSON ---- */

START_TEST(publish_csv_bom_and_gb18030)
{
	ys_doc *doc = read_seed(NULL, 0);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_publish_opts o = { YS_PUB_CSV, YS_ENC_UTF8_BOM, NULL, NULL, NULL, NULL, NULL, NULL };
	const char *d1 = scratch("csv-utf8");
	ck_assert_msg(ys_publish(&ctx, doc, d1, &o) == YS_OK, "%s", ctx.msg);
	char dir1[512], dir2[512];
	snprintf(dir1, sizeof dir1, "%s", d1);
	o.csv_encoding = YS_ENC_GB18030;
	snprintf(dir2, sizeof dir2, "%s", scratch("csv-gb"));
	ck_assert_msg(ys_publish(&ctx, doc, dir2, &o) == YS_OK, "%s", ctx.msg);
	for (int i = 0; i < doc->ntables; i++) {
		char name[32];
		snprintf(name, sizeof name, "csv/%s.csv", doc->tables[doc->order[i]]->def->code);
		size_t n1, n2;
		char p1[600], p2[600];
		snprintf(p1, sizeof p1, "%s/%s", dir1, name);
		snprintf(p2, sizeof p2, "%s/%s", dir2, name);
		char *u = slurp(p1, &n1), *g = slurp(p2, &n2);
		ck_assert_msg(n1 > 3 && !memcmp(u, "\xEF\xBB\xBF", 3), "%s has no UTF-8 BOM", name);
		/* the GB18030 file decodes to the same text */
		char *dec;
		size_t nd;
		ys_encoding enc;
		ck_assert_int_eq(ys_text_decode(&ctx, name, g, n2, &dec, &nd, &enc), YS_OK);
		ck_assert_int_eq(enc, YS_ENC_GB18030);
		ck_assert_uint_eq(nd, n1 - 3);
		ck_assert(!memcmp(dec, u + 3, nd));
		free(dec);
		free(u);
		free(g);
	}
	ys_doc_free(doc);
}
END_TEST

static int64_t json_fen(json_t *m)
{
	json_t *f = json_object_get(m, "fen");
	ck_assert_ptr_nonnull(f);
	/* the formatted string says the same amount */
	const char *w = json_string_value(json_object_get(m, "wanyuan"));
	ck_assert_ptr_nonnull(w);
	ys_amount a;
	ys_money_err e;
	ck_assert_int_eq(ys_money_parse(w, strlen(w), YS_UNIT_WANYUAN, &a, &e), 0);
	ck_assert_int_eq(a.fen, json_integer_value(f));
	return json_integer_value(f);
}

/* Publishing again into a folder removes the files yusuan wrote there
 * before that this run does not write (last run's xlsx beside this run's
 * text), never a file it did not write: those it names as left. */
typedef struct stale_log {
	char removed[1024], left[1024];
} stale_log;

static void on_stale(void *arg, const char *path, int removed)
{
	stale_log *l = arg;
	char *into = removed ? l->removed : l->left;
	const char *base = strrchr(path, '/');
	size_t n = strlen(into);
	snprintf(into + n, 1024 - n, "%s;", base ? base + 1 : path);
}

static int exists(const char *dir, const char *name)
{
	char path[1024];
	struct stat st;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return stat(path, &st) == 0;
}

START_TEST(publish_removes_its_own_stale_files)
{
	ys_doc *doc = read_seed(NULL, 0);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	const char *dir = scratch("stale");
	stale_log log = { "", "" };
	ys_publish_opts o = { YS_PUB_TEXT | YS_PUB_CSV | YS_PUB_JSON | YS_PUB_XLSX | YS_PUB_HTML, YS_ENC_UTF8_BOM, NULL,
		              NULL, NULL, &log, on_stale, NULL };
	ck_assert_msg(ys_publish(&ctx, doc, dir, &o) == YS_OK, "%s", ctx.msg);
	ck_assert(exists(dir, "tables.xlsx") && exists(dir, "csv/13.csv") && exists(dir, "html/09.html"));
	ck_assert_str_eq(log.removed, "");
	/* a file of the user's, and a tables.pdf yusuan did not write */
	char path[1024];
	snprintf(path, sizeof path, "%s/notes.txt", dir);
	ck_assert_int_eq(ys_file_write(&ctx, path, "mine", 4), YS_OK);
	snprintf(path, sizeof path, "%s/tables.pdf", dir);
	ck_assert_int_eq(ys_file_write(&ctx, path, "%PDF", 4), YS_OK);
	snprintf(path, sizeof path, "%s/csv/notes.csv", dir);
	ck_assert_int_eq(ys_file_write(&ctx, path, "mine", 4), YS_OK);
	o.formats = YS_PUB_TEXT;
	ck_assert_msg(ys_publish(&ctx, doc, dir, &o) == YS_OK, "%s", ctx.msg);
	ck_assert(exists(dir, "tables.txt"));
	ck_assert(!exists(dir, "tables.xlsx") && !exists(dir, "tables.json") && !exists(dir, "csv/01.csv") &&
	          !exists(dir, "html/index.html") && !exists(dir, "html"));
	ck_assert_msg(strstr(log.removed, "tables.xlsx;") && strstr(log.removed, "13.csv;") &&
	              strstr(log.removed, "findings.html;"), "%s", log.removed);
	ck_assert(exists(dir, "notes.txt") && exists(dir, "tables.pdf") && exists(dir, "csv/notes.csv"));
	ck_assert_str_eq(log.left, "tables.pdf;");
	/* again: nothing more to remove, the pdf still named */
	log.removed[0] = log.left[0] = '\0';
	ck_assert_msg(ys_publish(&ctx, doc, dir, &o) == YS_OK, "%s", ctx.msg);
	ck_assert_str_eq(log.removed, "");
	ck_assert_str_eq(log.left, "tables.pdf;");
	ys_doc_free(doc);
}
END_TEST

START_TEST(publish_json_has_the_budget_and_tables)
{
	ys_budget *b = read_budget(EXAMPLE);
	ys_doc *doc = compile_budget(b);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_buf out = YS_BUF_INIT;
	ck_assert_int_eq(ys_render_budget_json(&ctx, doc, b, &out), YS_OK);
	json_error_t err;
	json_t *root = json_loads(out.s, 0, &err);
	ck_assert_msg(root, "%s at %d", err.text, err.line);
	json_t *items = json_object_get(json_object_get(root, "budget"), "items");
	ck_assert_uint_eq(json_array_size(items), b->nitems);
	int64_t sum = 0;
	for (size_t i = 0; i < json_array_size(items); i++) {
		json_t *it = json_array_get(items, i);
		int64_t fen = json_fen(json_object_get(it, "amount"));
		ck_assert_int_eq(fen, b->items[i].amount);
		ck_assert_str_eq(json_string_value(json_object_get(it, "econ")), b->items[i].econ);
		sum += fen;
	}
	json_t *income = json_object_get(json_object_get(root, "budget"), "income");
	int64_t in = 0;
	const char *key;
	json_t *v;
	json_object_foreach(income, key, v) in += json_fen(v);
	json_t *carry = json_object_get(json_object_get(root, "budget"), "carry_over");
	json_object_foreach(carry, key, v) in += json_fen(v);
	ck_assert_int_eq(in, sum); /* income and carry-over cover the spending */
	json_t *tables = json_object_get(root, "tables");
	ck_assert_uint_eq(json_array_size(tables), (size_t)doc->ntables);
	/* 01's last row: 支出总计 = the items' sum, as an integer and as printed */
	json_t *t01 = json_array_get(tables, 0);
	json_t *rows = json_object_get(t01, "rows");
	json_t *grand = json_object_get(json_object_get(json_array_get(rows, json_array_size(rows) - 1), "cells"), "out_amount");
	if (!grand) { /* the column id is the table's; find it */
		json_t *cols = json_object_get(t01, "columns");
		const char *id = json_string_value(json_object_get(json_array_get(cols, YS_C01_OUT_AMT), "id"));
		grand = json_object_get(json_object_get(json_array_get(rows, json_array_size(rows) - 1), "cells"), id);
	}
	ck_assert_ptr_nonnull(grand);
	ck_assert_int_eq(json_integer_value(json_object_get(grand, "fen")), sum);
	json_decref(root);
	ys_buf_release(&out);
	ys_doc_free(doc);
	ys_budget_free(b);
}
END_TEST

/* ---- JSON read back ---- */

static ys_doc *json_round_trip(const ys_doc *doc, const char *name)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_buf out = YS_BUF_INIT;
	ck_assert_msg(ys_render_json(&ctx, doc, -1, &out) == YS_OK, "%s", ctx.msg);
	ys_doc *back = NULL;
	ck_assert_msg(ys_doc_read_json(&ctx, name, out.s, out.len, &back) == YS_OK, "%s: %s", name, ctx.msg);
	ys_buf_release(&out);
	return back;
}

static ys_report *check_doc(ys_doc *doc)
{
	return check_with(doc, NULL, NULL, NULL);
}

START_TEST(json_reads_back_to_the_same_tables_and_findings)
{
	/* the seed: same cells, and check finds the same things at the same
	 * source lines (the JSON keeps them), page breaks included */
	ys_doc *seed = read_seed(NULL, 0);
	ys_doc *back = json_round_trip(seed, "seed.json");
	int n = same_amounts(seed, back, "seed.json");
	ck_assert_int_gt(n, 300);
	ys_report *a = check_doc(seed), *b = check_doc(back);
	ck_assert_int_eq(a->nfindings, b->nfindings);
	ck_assert_int_gt(a->nfindings, 5);
	for (size_t i = 0; i < a->nfindings; i++) {
		const ys_finding *x = &a->findings[i], *y = &b->findings[i];
		ck_assert_str_eq(x->rule, y->rule);
		ck_assert_str_eq(x->message, y->message);
		ck_assert_int_eq(x->line, y->line);
		ck_assert_int_eq(x->column, y->column);
	}
	ys_report_free(a);
	ys_report_free(b);
	ys_doc_free(back);
	ys_doc_free(seed);
	/* compiled budgets, amounts up to 15 significant digits */
	random_round_trips(0x5EED5EED42ULL, json_round_trip, "random.json");
}
END_TEST

static ys_result read_json_text(const char *json, ys_ctx *ctx, ys_doc **doc)
{
	ys_ctx_init(ctx);
	return ys_doc_read_json(ctx, "t.json", json, strlen(json), doc);
}

START_TEST(json_by_hand_and_its_errors)
{
	ys_ctx ctx;
	ys_doc *doc = NULL;
	/* written by hand: headers, title and unit line left to the layout;
	 * an amount as 分 only is printed in the table's unit */
	const char *t09 = "{\"tables\":[{\"id\":\"09\",\"rows\":[{\"cells\":{"
	                  "\"total\":{\"fen\":1234500},\"abroad\":{\"fen\":234500},\"car\":\"1.000000\","
	                  "\"car_run\":{\"fen\":1000000}}}]}]}";
	ys_result r = read_json_text(t09, &ctx, &doc);
	ck_assert_msg(r == YS_OK, "%s", ctx.msg);
	const ys_table *t = doc->tables[YS_T09];
	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(t->nrows, 1);
	ck_assert_int_eq(t->unit, YS_UNIT_WANYUAN);
	ck_assert_int_eq(t->rows[0].cells[0].amt.fen, 1234500);
	ck_assert_str_eq(t->rows[0].cells[0].text, "1.234500");
	ck_assert_int_eq(t->rows[0].cells[3].amt.fen, 1000000);
	/* its sums hold (1.2345 = 0.2345 + 1, 1 = 1); the other 12 tables are
	 * missing, which check says about the document */
	ys_report *rep = check_doc(doc);
	int in09 = 0, missing = 0;
	for (size_t i = 0; i < rep->nfindings; i++) {
		in09 += rep->findings[i].table == YS_T09 && rep->findings[i].sev == YS_SEV_ERROR;
		missing += !strcmp(rep->findings[i].rule, "comp.tables");
	}
	ck_assert_int_eq(in09, 0);
	ck_assert_int_gt(missing, 0);
	ys_report_free(rep);
	ys_doc_free(doc);

	struct {
		const char *json, *says;
		ys_result r;
	} bad[] = {
		{ "{\"tables\":[{\"id\":\"01\",\"rows\":[{\"cells\":{\"in_amount\":{\"text\":\"1.000000\",\"fen\":1}}}]}]}",
		  "t.json：tables[0].rows[0].cells.in_amount：文字“1.000000”与 fen 1 不一致（单位 万元）", YS_EPARSE },
		{ "{\"tables\":[\n{\"id\":\"01\",]}", "t.json:2:", YS_EPARSE },
		{ "{\"tables\":[{\"id\":\"14\",\"rows\":[]}]}", "tables[0].id：应为表号 01..13，实为“14”",
		  YS_EPARSE },
		{ "{\"tables\":[{\"id\":\"13\",\"rows\":[{\"cells\":{}}]}]}", "表 13 的行需要 \"shape\"", YS_EPARSE },
		{ "{\"tables\":[{\"id\":\"03\",\"kind\":\"支出总表\",\"rows\":[]}]}", "其他版式的表",
		  YS_EPARSE },
		{ "{\"tables\":[{\"id\":\"01\",\"unit\":\"美元\",\"rows\":[]}]}", "tables[0].unit：应为 万元 或 元",
		  YS_EPARSE },
		{ "{\"tables\":[{\"id\":\"01\",\"rows\":[{\"cells\":{\"in_label\":{\"fen\":5}}}]}]}",
		  "收入项目 列不是金额列", YS_EPARSE },
		{ "[1,2]", "应为 yusuan 写出的公开文件", YS_EPARSE },
		{ "{\"tables\":[{\"id\":\"01\",\"rows\":[]},{\"id\":\"1\",\"rows\":[]}]}",
		  "tables[1]：表 01 第二次出现（第一次为 tables[0]）", YS_EPARSE },
		{ "{\"tables\":[],\"tables\":[]}", "t.json:1:", YS_EPARSE }, /* duplicate key */
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		doc = (ys_doc *)1;
		r = read_json_text(bad[i].json, &ctx, &doc);
		ck_assert_msg(r == bad[i].r, "case %zu: result %d, wanted %d (%s)", i, r, bad[i].r, ctx.msg);
		ck_assert_msg(doc == NULL, "case %zu left a document", i);
		ck_assert_msg(strstr(ctx.msg, bad[i].says), "case %zu: '%s' does not say '%s'", i, ctx.msg, bad[i].says);
	}
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("render");
	TCase *tc = tcase_create("publish");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, xlsx_reads_back_to_the_fen);
	tcase_add_test(tc, xlsx_has_the_published_layout);
	tcase_add_test(tc, pdf_holds_every_title_and_amount);
	tcase_add_test(tc, pdf_reads_back_to_the_same_cells_and_findings);
	tcase_add_test(tc, pdf_pages_render_inside_the_margins);
	tcase_add_test(tc, html_site_holds_every_amount_and_links_findings);
	tcase_add_test(tc, html_difference_has_the_message_sign);
	tcase_add_test(tc, html_charts_of_amounts_near_int64);
	tcase_add_test(tc, publish_removes_its_own_stale_files);
	tcase_add_test(tc, publish_csv_bom_and_gb18030);
	tcase_add_test(tc, publish_json_has_the_budget_and_tables);
	tcase_add_test(tc, json_reads_back_to_the_same_tables_and_findings);
	tcase_add_test(tc, json_by_hand_and_its_errors);
	suite_add_tcase(s, tc);
	return s;
}
