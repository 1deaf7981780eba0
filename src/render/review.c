/*
 * render/review.c - a review on the document's own pages (review.h): a
 * page of the PDF drawn as a PNG with the findings' places boxed, the PDF
 * again with the confirmed findings boxed and numbered after a page that
 * lists them, and the 整改清单 workbook.
 *
 * Pages are drawn by poppler into cairo; the list page is set with pango in
 * Noto Sans CJK as render/pdf.c sets its tables.  Box positions are points
 * (doubles place marks, never amounts); amounts reach the workbook and the
 * list page as 万元 text made from 分 by ys_money_format.
 */
#include <cairo-pdf.h>
#include <cairo.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "yusuan/money.h"
#include "yusuan/review.h"
#include "base_int.h"

#define FONT "Noto Sans CJK SC"
#define BOX_PAD 2.0   /* points between a place and its box */
#define BOX_LINE 2.0  /* the box's line, points */
#define LIST_W 595.28 /* the list page: A4 portrait, points */
#define LIST_H 841.89
#define LIST_MARGIN 48.0

static PopplerDocument *open_pdf(ys_ctx *ctx, const void *pdf, size_t len)
{
	if (!pdf || !len)
		return ys_error(ctx, YS_EPARSE, "没有 PDF"), NULL;
	GError *err = NULL;
	GBytes *b = g_bytes_new_static(pdf, len);
	PopplerDocument *pd = poppler_document_new_from_bytes(b, NULL, &err);
	g_bytes_unref(b);
	if (!pd) {
		ys_error(ctx, YS_EPARSE, "不是可读取的 PDF：%s", err ? err->message : "?");
		g_clear_error(&err);
	}
	return pd;
}

ys_result ys_pdf_npages(ys_ctx *ctx, const void *pdf, size_t len, int *npages)
{
	*npages = 0;
	PopplerDocument *pd = open_pdf(ctx, pdf, len);
	if (!pd)
		return ctx->code;
	*npages = poppler_document_get_n_pages(pd);
	g_object_unref(pd);
	return YS_OK;
}

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int length)
{
	ys_buf *b = closure;
	ys_buf_add(b, data, length);
	return b->oom ? CAIRO_STATUS_NO_MEMORY : CAIRO_STATUS_SUCCESS;
}

/* The boxes of the places on page (from 1), in the page's points; numbered
 * (with its number drawn above its top left corner) when numbers is given. */
static void boxes(cairo_t *cr, PangoLayout *lay, int page, const ys_place *pl, size_t n, const int *numbers)
{
	cairo_save(cr);
	cairo_set_source_rgb(cr, 1, 0, 0);
	cairo_set_line_width(cr, BOX_LINE);
	for (size_t i = 0; i < n; i++) {
		const ys_place *p = &pl[i];
		if (p->page != page || !(p->x1 > p->x0)) /* a page named, no place found */
			continue;
		double x0 = p->x0 / 10.0, y0 = p->y0 / 10.0, x1 = p->x1 / 10.0, y1 = p->y1 / 10.0; /* points */
		cairo_rectangle(cr, x0 - BOX_PAD, y0 - BOX_PAD, x1 - x0 + 2 * BOX_PAD,
		                y1 - y0 + 2 * BOX_PAD);
		cairo_stroke(cr);
		if (numbers && lay) {
			char num[16];
			snprintf(num, sizeof num, "%d", numbers[i]);
			pango_layout_set_text(lay, num, -1);
			PangoRectangle lg;
			pango_layout_get_extents(lay, NULL, &lg);
			double w = lg.width / (double)PANGO_SCALE, h = lg.height / (double)PANGO_SCALE;
			double x = x0 - BOX_PAD - w - 2, y = y0 - BOX_PAD - h;
			if (x < 0)
				x = 0;
			if (y < 0)
				y = 0;
			cairo_rectangle(cr, x, y, w + 2, h);
			cairo_fill(cr);
			cairo_set_source_rgb(cr, 1, 1, 1);
			cairo_move_to(cr, x + 1, y);
			pango_cairo_show_layout(cr, lay);
			cairo_set_source_rgb(cr, 1, 0, 0);
		}
	}
	cairo_restore(cr);
}

ys_result ys_pdf_page_png(ys_ctx *ctx, const void *pdf, size_t len, int page, double scale, const ys_place *pl,
                          size_t n, ys_buf *out)
{
	PopplerDocument *pd = open_pdf(ctx, pdf, len);
	if (!pd)
		return ctx->code;
	int np = poppler_document_get_n_pages(pd);
	if (page < 1 || page > np) {
		g_object_unref(pd);
		return ys_error(ctx, YS_ENOTFOUND, "没有第 %d 页：文件共 %d 页", page, np);
	}
	PopplerPage *pg = poppler_document_get_page(pd, page - 1);
	if (!pg) {
		g_object_unref(pd);
		return ys_error(ctx, YS_EPARSE, "第 %d 页无法读取", page);
	}
	double w, h;
	poppler_page_get_size(pg, &w, &h);
	if (!(w >= 1 && h >= 1 && w < 20000 && h < 20000)) {
		g_object_unref(pg);
		g_object_unref(pd);
		return ys_error(ctx, YS_EPARSE, "第 %d 页的大小不对", page);
	}
	if (!(scale > 0) || scale > 8)
		scale = 1.5;
	double big = w > h ? w : h;
	if (big * scale > YS_PAGE_PX_MAX)
		scale = YS_PAGE_PX_MAX / big;
	int pw = (int)ceil(w * scale), ph = (int)ceil(h * scale);
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, scale, scale);
	poppler_page_render(pg, cr);
	boxes(cr, NULL, page, pl, n, NULL);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	size_t before = out->len;
	cairo_status_t st = cairo_surface_status(s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_write_to_png_stream(s, to_buf, out);
	cairo_surface_destroy(s);
	g_object_unref(pg);
	g_object_unref(pd);
	if (st != CAIRO_STATUS_SUCCESS || out->oom) {
		out->len = before;
		return out->oom || st == CAIRO_STATUS_NO_MEMORY ? ys_error(ctx, YS_ENOMEM, "内存不足")
		                                                : ys_error(ctx, YS_EWRITE, "画第 %d 页：%s", page,
		                                                           cairo_status_to_string(st));
	}
	return YS_OK;
}

/* ---- the list page and the marked PDF ---- */

/* "应为 1,234.000000 万元，实为 …" for an item with amounts, else "". */
static void amounts_text(const ys_review_item *it, char *buf, size_t cap)
{
	char a[YS_MONEY_FMT_MAX], b[YS_MONEY_FMT_MAX];
	buf[0] = '\0';
	if (it->has_amounts && ys_money_format(a, it->expected, YS_UNIT_WANYUAN, 6, YS_FMT_GROUP) >= 0 &&
	    ys_money_format(b, it->found, YS_UNIT_WANYUAN, 6, YS_FMT_GROUP) >= 0)
		snprintf(buf, cap, "应为 %s 万元，实为 %s 万元", a, b);
}

typedef struct lister {
	cairo_surface_t *surf;
	cairo_t *cr;
	PangoLayout *lay;
	double y;
	int pages;
} lister;

static void set_font(PangoLayout *lay, double size, int bold)
{
	PangoFontDescription *fd = pango_font_description_from_string(FONT);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(lay, fd);
	pango_font_description_free(fd);
}

/* A paragraph of the list, on a new list page when it does not fit. */
static void para(lister *L, const char *s, double size, int bold, double gap)
{
	set_font(L->lay, size, bold);
	pango_layout_set_width(L->lay, (int)((LIST_W - 2 * LIST_MARGIN) * PANGO_SCALE));
	pango_layout_set_wrap(L->lay, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(L->lay, s, -1);
	PangoRectangle lg;
	pango_layout_get_extents(L->lay, NULL, &lg);
	double h = lg.height / (double)PANGO_SCALE;
	if (L->y + h > LIST_H - LIST_MARGIN && L->y > LIST_MARGIN) {
		cairo_show_page(L->cr);
		L->pages++;
		L->y = LIST_MARGIN;
	}
	cairo_move_to(L->cr, LIST_MARGIN, L->y);
	pango_cairo_show_layout(L->cr, L->lay);
	L->y += h + gap;
}

static void list_page(lister *L, const ys_review_export *e)
{
	char line[4096];
	cairo_set_source_rgb(L->cr, 0, 0, 0);
	L->y = LIST_MARGIN;
	L->pages = 1;
	snprintf(line, sizeof line, "整改清单：%s %d年", e->department ? e->department : "", e->year);
	para(L, line, 16, 1, 6);
	snprintf(line, sizeof line, "文件：%s；导出于 %s；已确认的问题 %zu 条（在原文中以红框和序号标出）",
	         e->file ? e->file : "", e->date ? e->date : "", e->nconfirmed);
	para(L, line, 9.5, 0, 14);
	if (!e->nconfirmed)
		para(L, "没有已确认的问题。", 10, 0, 8);
	for (size_t i = 0; i < e->nconfirmed; i++) {
		const ys_review_item *it = &e->confirmed[i];
		char where[600], am[200], pg[32];
		pg[0] = '\0';
		if (it->place.page)
			snprintf(pg, sizeof pg, "第 %d 页 ", it->place.page);
		snprintf(where, sizeof where, "%s%s%s%s%s%s%s", pg, *it->table ? "表 " : "", it->table,
		         *it->row ? " 行 " : "", it->row, *it->column ? " 列 " : "", it->column);
		amounts_text(it, am, sizeof am);
		snprintf(line, sizeof line, "%d. %s［%s］", it->number, where, it->rule);
		para(L, line, 10, 1, 2);
		snprintf(line, sizeof line, "%s%s%s%s%s", it->message, *am ? "；" : "", am,
		         it->comment && *it->comment ? "；备注：" : "", it->comment ? it->comment : "");
		para(L, line, 9.5, 0, 3);
		snprintf(line, sizeof line, "复核：%s %s", it->reviewer ? it->reviewer : "", it->reviewed_at ? it->reviewed_at : "");
		cairo_set_source_rgb(L->cr, 0.35, 0.35, 0.35);
		para(L, line, 8, 0, 10);
		cairo_set_source_rgb(L->cr, 0, 0, 0);
	}
	cairo_show_page(L->cr);
}

ys_result ys_review_pdf(ys_ctx *ctx, const ys_review_export *e, const void *pdf, size_t len, ys_buf *out)
{
	PopplerDocument *pd = open_pdf(ctx, pdf, len);
	if (!pd)
		return ctx->code;
	size_t n = e->nconfirmed;
	ys_place *pl = calloc(n ? n : 1, sizeof *pl);
	int *num = calloc(n ? n : 1, sizeof *num);
	if (!pl || !num) {
		free(pl);
		free(num);
		g_object_unref(pd);
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	}
	for (size_t i = 0; i < n; i++) {
		pl[i] = e->confirmed[i].place;
		num[i] = e->confirmed[i].number;
	}
	size_t before = out->len;
	lister L = { 0 };
	L.surf = cairo_pdf_surface_create_for_stream(to_buf, out, LIST_W, LIST_H);
	cairo_status_t st = cairo_surface_status(L.surf);
	if (st == CAIRO_STATUS_SUCCESS) {
		char title[600];
		snprintf(title, sizeof title, "整改清单：%s %d年", e->department ? e->department : "", e->year);
		cairo_pdf_surface_set_metadata(L.surf, CAIRO_PDF_METADATA_TITLE, title);
		cairo_pdf_surface_set_metadata(L.surf, CAIRO_PDF_METADATA_CREATOR, "yusuan");
		L.cr = cairo_create(L.surf);
		L.lay = pango_cairo_create_layout(L.cr);
		list_page(&L, e);
		PangoLayout *numlay = pango_cairo_create_layout(L.cr);
		set_font(numlay, 8, 1);
		int np = poppler_document_get_n_pages(pd);
		for (int p = 1; p <= np; p++) {
			PopplerPage *pg = poppler_document_get_page(pd, p - 1);
			double w = LIST_W, h = LIST_H;
			if (pg)
				poppler_page_get_size(pg, &w, &h);
			if (!(w >= 1 && h >= 1 && w < 20000 && h < 20000))
				w = LIST_W, h = LIST_H;
			cairo_pdf_surface_set_size(L.surf, w, h);
			if (pg) {
				cairo_save(L.cr);
				poppler_page_render_for_printing(pg, L.cr);
				cairo_restore(L.cr);
				g_object_unref(pg);
			}
			boxes(L.cr, numlay, p, pl, n, num);
			cairo_show_page(L.cr);
		}
		g_object_unref(numlay);
		g_object_unref(L.lay);
		cairo_destroy(L.cr);
		cairo_surface_finish(L.surf);
		st = cairo_surface_status(L.surf);
	}
	cairo_surface_destroy(L.surf);
	free(pl);
	free(num);
	g_object_unref(pd);
	if (st != CAIRO_STATUS_SUCCESS || out->oom) {
		out->len = before;
		return out->oom || st == CAIRO_STATUS_NO_MEMORY ? ys_error(ctx, YS_ENOMEM, "内存不足")
		                                                : ys_error(ctx, YS_EWRITE, "写出标注的 PDF：%s",
		                                                           cairo_status_to_string(st));
	}
	return YS_OK;
}

/* ---- the 整改清单 workbook ---- */

static const char *const confirmed_head[] = { "序号", "表", "行", "列", "页", "规则", "问题说明", "应为（万元）",
	                                      "实为（万元）", "复核人", "复核时间", "备注" };
static const double confirmed_width[] = { 6, 12, 22, 16, 6, 18, 60, 18, 18, 10, 20, 30 };
static const char *const dismissed_head[] = { "序号", "表", "行", "列", "页", "规则", "问题说明", "排除理由",
	                                      "复核人", "复核时间", "备注" };
static const double dismissed_width[] = { 6, 12, 22, 16, 6, 18, 60, 30, 10, 20, 30 };

static void sheet(lxw_workbook *wb, const char *name, const ys_review_export *e, const ys_review_item *items,
                  size_t n, int dismissed, lxw_format *title, lxw_format *head, lxw_format *text,
                  lxw_format *num)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, name);
	const char *const *hd = dismissed ? dismissed_head : confirmed_head;
	const double *wd = dismissed ? dismissed_width : confirmed_width;
	int nc = dismissed ? (int)(sizeof dismissed_head / sizeof *hd) : (int)(sizeof confirmed_head / sizeof *hd);
	char t[1400];
	snprintf(t, sizeof t, "%s：%s %d年 · %s · 导出于 %s", name, e->department ? e->department : "", e->year,
	         e->file ? e->file : "", e->date ? e->date : "");
	worksheet_merge_range(ws, 0, 0, 0, (lxw_col_t)(nc - 1), t, title);
	worksheet_set_row(ws, 0, 24, NULL);
	for (int c = 0; c < nc; c++) {
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, wd[c], NULL);
		worksheet_write_string(ws, 1, (lxw_col_t)c, hd[c], head);
	}
	worksheet_freeze_panes(ws, 2, 0);
	for (size_t i = 0; i < n; i++) {
		const ys_review_item *it = &items[i];
		lxw_row_t r = (lxw_row_t)(2 + i);
		int c = 0;
		worksheet_write_number(ws, r, (lxw_col_t)c++, it->number, num); /* a count, not an amount */
		worksheet_write_string(ws, r, (lxw_col_t)c++, it->table ? it->table : "", text);
		worksheet_write_string(ws, r, (lxw_col_t)c++, it->row ? it->row : "", text);
		worksheet_write_string(ws, r, (lxw_col_t)c++, it->column ? it->column : "", text);
		if (it->place.page)
			worksheet_write_number(ws, r, (lxw_col_t)c++, it->place.page, num);
		else
			worksheet_write_blank(ws, r, (lxw_col_t)c++, text);
		worksheet_write_string(ws, r, (lxw_col_t)c++, it->rule ? it->rule : "", text);
		worksheet_write_string(ws, r, (lxw_col_t)c++, it->message ? it->message : "", text);
		if (dismissed) {
			worksheet_write_string(ws, r, (lxw_col_t)c++, it->reason ? it->reason : "", text);
		} else {
			char a[YS_MONEY_FMT_MAX] = "", b[YS_MONEY_FMT_MAX] = "";
			if (it->has_amounts) {
				if (ys_money_format(a, it->expected, YS_UNIT_WANYUAN, 6, YS_FMT_GROUP) < 0)
					a[0] = '\0';
				if (ys_money_format(b, it->found, YS_UNIT_WANYUAN, 6, YS_FMT_GROUP) < 0)
					b[0] = '\0';
			}
			worksheet_write_string(ws, r, (lxw_col_t)c++, a, text);
			worksheet_write_string(ws, r, (lxw_col_t)c++, b, text);
		}
		worksheet_write_string(ws, r, (lxw_col_t)c++, it->reviewer ? it->reviewer : "", text);
		worksheet_write_string(ws, r, (lxw_col_t)c++, it->reviewed_at ? it->reviewed_at : "", text);
		worksheet_write_string(ws, r, (lxw_col_t)c++, it->comment ? it->comment : "", text);
	}
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_repeat_rows(ws, 1, 1);
}

static lxw_format *fmt(lxw_workbook *wb, int bold, int size, int border, int wrap)
{
	lxw_format *f = workbook_add_format(wb);
	format_set_font_name(f, FONT);
	format_set_font_size(f, size);
	if (bold)
		format_set_bold(f);
	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	if (wrap)
		format_set_text_wrap(f);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	return f;
}

ys_result ys_review_xlsx(ys_ctx *ctx, const ys_review_export *e, const char *path)
{
	lxw_workbook *wb = workbook_new(path);
	if (!wb)
		return ys_error(ctx, YS_EWRITE, "%s：无法写出", path);
	lxw_format *title = fmt(wb, 1, 14, 0, 0), *head = fmt(wb, 1, 10, 1, 1), *text = fmt(wb, 0, 10, 1, 1),
	           *num = fmt(wb, 0, 10, 1, 0);
	sheet(wb, "整改清单", e, e->confirmed, e->nconfirmed, 0, title, head, text, num);
	sheet(wb, "已排除", e, e->dismissed, e->ndismissed, 1, title, head, text, num);
	lxw_error err = workbook_close(wb);
	if (err != LXW_NO_ERROR)
		return ys_error(ctx, err == LXW_ERROR_MEMORY_MALLOC_FAILED ? YS_ENOMEM : YS_EWRITE, "%s：写出失败：%s", path,
		                lxw_strerror(err));
	return YS_OK;
}
