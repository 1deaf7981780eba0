/*
 * render/xlsx.c - the tables as one workbook (libxlsxwriter): a sheet per
 * table named like the table (预算01表 …), the title merged across it, the
 * 金额单位 line, the header rows with the published table's merged groups,
 * amounts as numbers with the table's decimals and thousands separators,
 * blank zeros, frozen headers, widths that fit Chinese text, A4 landscape
 * fitted to the page width with the header rows repeated on every page.
 *
 * libxlsxwriter takes a double: this file is the one place an amount
 * becomes one, at the last moment (fen / 10^6 万元, a correctly rounded
 * division of exact integers).  Reading the workbook back gives every
 * amount to the 分 (the suite does; see render_test).
 */
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "render/grid.h"
#include "yusuan/render.h"
#include "base_int.h"

typedef struct fmts {
	lxw_format *title, *unit, *head, *text, *wrap, *amount6, *amount2, *total_text, *total6, *total2;
} fmts;

static lxw_format *fmt(lxw_workbook *wb, int bold, int border, uint8_t align, int wrap, const char *num)
{
	lxw_format *f = workbook_add_format(wb);
	format_set_font_name(f, "Noto Sans CJK SC");
	format_set_font_size(f, 10);
	if (bold)
		format_set_bold(f);
	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	if (align)
		format_set_align(f, align);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	if (wrap)
		format_set_text_wrap(f);
	if (num)
		format_set_num_format(f, num);
	return f;
}

static void header_block(lxw_worksheet *ws, const ys_table *t, int h0, int h1, int row0, int width, lxw_format *f)
{
	ys_gspan sp[16 * YS_GRID_MAX];
	int n = ys_grid_header(t, h0, h1, width, sp, 16 * YS_GRID_MAX);
	for (int i = 0; i < n; i++) {
		lxw_row_t r = (lxw_row_t)(row0 + sp[i].r);
		lxw_col_t c = (lxw_col_t)sp[i].c;
		if (sp[i].rows > 1 || sp[i].cols > 1)
			worksheet_merge_range(ws, r, c, (lxw_row_t)(r + sp[i].rows - 1), (lxw_col_t)(c + sp[i].cols - 1),
			                      sp[i].text, f);
		else if (sp[i].text[0])
			worksheet_write_string(ws, r, c, sp[i].text, f);
		else
			worksheet_write_blank(ws, r, c, f);
	}
}

/* Column width in Excel's units (about one Latin character) for a text. */
static double text_width(const char *s)
{
	return (double)ys_utf8_width(s) * 1.1 + 2;
}

/* A sheet's name for a general reader's table: its name (g01) and the
 * start of its title, at most 31 characters, none of []:*?/\\ . */
static void general_sheet_name(char *out, size_t cap, const char *tn, const char *title)
{
	size_t o = (size_t)snprintf(out, cap, "%s ", tn);
	int chars = (int)o;
	for (const char *p = title; *p && chars < 31;) {
		size_t n = 1;
		while ((p[n] & 0xC0) == 0x80)
			n++;
		if (o + n + 1 > cap)
			break;
		if (n == 1 && strchr("[]:*?/\\'", *p)) {
			out[o++] = '_';
		} else {
			memcpy(out + o, p, n);
			o += n;
		}
		p += n;
		chars++;
	}
	while (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
}

static void sheet(lxw_workbook *wb, const fmts *F, const ys_table *t, const char *name)
{
	const ys_tabledef *d = t->def;
	lxw_worksheet *ws = workbook_add_worksheet(wb, name);
	if (!ws)
		return;
	int width = ys_grid_width(t);
	ys_gcell g[YS_GRID_MAX];
	double colw[YS_GRID_MAX] = { 0 };

	lxw_row_t row = 0;
	worksheet_merge_range(ws, row, 0, row, (lxw_col_t)(width - 1), t->title, F->title);
	worksheet_set_row(ws, row, 28, NULL);
	row++;
	const char *sub = t->unit_line ? t->unit_text : t->subtitle;
	if (sub && sub[0]) {
		worksheet_merge_range(ws, row, 0, row, (lxw_col_t)(width - 1), sub, F->unit);
		row++;
	}
	lxw_row_t first_header = row, last_header = row;
	int h = 0, frozen = 0;
	for (int r = 0; r <= t->nrows; r++) {
		int h0 = h;
		while (h < t->nheaders && t->headers[h].before == r)
			h++;
		if (h > h0) {
			header_block(ws, t, h0, h, (int)row, width, F->head);
			for (int k = h0; k < h; k++)
				for (int c = 0; c < t->headers[k].ncells && c < width; c++) {
					double w = text_width(t->headers[k].cells[c]);
					if (w > colw[c])
						colw[c] = w > 24 ? 24 : w; /* longer headers wrap */
				}
			row += (lxw_row_t)(h - h0);
			if (r == 0) {
				last_header = row - 1;
				worksheet_freeze_panes(ws, row, 0);
				frozen = 1;
			}
		}
		if (r == t->nrows)
			break;
		const ys_row *rw = &t->rows[r];
		int total = rw->kind == YS_ROW_TOTAL;
		ys_grid_row(t, rw, width, g);
		for (int c = 0; c < width; c++) {
			if (!g[c].span)
				continue;
			lxw_col_t c2 = (lxw_col_t)(c + g[c].span - 1);
			if (ys_grid_amount(t, g[c].col)) {
				const ys_amount *a = &rw->cells[g[c].col].amt;
				int dp = a->dp ? a->dp : d->dp;
				lxw_format *f = dp > 2 ? (total ? F->total6 : F->amount6) : (total ? F->total2 : F->amount2);
				if (a->present) /* the one conversion to double: see the file's comment */
					worksheet_write_number(ws, row, (lxw_col_t)c,
					                       (double)a->fen / (double)ys_unit_scale(t->unit), f);
				else /* blank as published: the seed leaves zeros blank */
					worksheet_write_blank(ws, row, (lxw_col_t)c, f);
				if (colw[c] < 16)
					colw[c] = 16;
				continue;
			}
			const char *s = g[c].text;
			int kind = g[c].col >= 0 ? (int)d->cols[g[c].col].kind : -1;
			int longtext = (kind == YS_CK_TEXT || kind == YS_CK_INDTEXT || kind == YS_CK_PROJECT) &&
			               ys_utf8_width(s) > 40;
			lxw_format *f = total ? F->total_text : longtext ? F->wrap : F->text;
			if (g[c].span > 1)
				worksheet_merge_range(ws, row, (lxw_col_t)c, row, c2, s, f);
			else if (s[0])
				worksheet_write_string(ws, row, (lxw_col_t)c, s, f);
			else
				worksheet_write_blank(ws, row, (lxw_col_t)c, f);
			if (g[c].span == 1) {
				double w = longtext ? 44 : text_width(s);
				if (w > colw[c])
					colw[c] = w > 60 ? 60 : w;
			}
		}
		row++;
	}
	if (!frozen)
		worksheet_freeze_panes(ws, row > 2 ? 2 : row, 0);
	for (int c = 0; c < width; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, colw[c] > 6 ? colw[c] : 6, NULL);
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_center_horizontally(ws);
	if (t->nheaders && t->headers[0].before == 0)
		worksheet_repeat_rows(ws, first_header, last_header);
	worksheet_set_footer(ws, "&C第 &P 页，共 &N 页");
}

static ys_result render_xlsx_body(ys_ctx *ctx, const ys_doc *doc, const char *path)
{
	lxw_workbook *wb = workbook_new(path);
	if (!wb)
		return ys_error(ctx, YS_EWRITE, "%s：无法创建工作簿", path);
	fmts F;
	F.title = fmt(wb, 1, 0, LXW_ALIGN_CENTER, 0, NULL);
	format_set_font_size(F.title, 14);
	F.unit = fmt(wb, 0, 0, LXW_ALIGN_RIGHT, 0, NULL);
	F.head = fmt(wb, 1, 1, LXW_ALIGN_CENTER, 1, NULL);
	F.text = fmt(wb, 0, 1, LXW_ALIGN_LEFT, 0, NULL);
	F.wrap = fmt(wb, 0, 1, LXW_ALIGN_LEFT, 1, NULL);
	F.amount6 = fmt(wb, 0, 1, LXW_ALIGN_RIGHT, 0, "#,##0.000000");
	F.amount2 = fmt(wb, 0, 1, LXW_ALIGN_RIGHT, 0, "#,##0.00");
	F.total_text = fmt(wb, 1, 1, LXW_ALIGN_CENTER, 0, NULL);
	F.total6 = fmt(wb, 1, 1, LXW_ALIGN_RIGHT, 0, "#,##0.000000");
	F.total2 = fmt(wb, 1, 1, LXW_ALIGN_RIGHT, 0, "#,##0.00");
	workbook_set_properties(wb, &(lxw_doc_properties){ .title = "部门预算公开表", .author = "yusuan" });
	/* a sheet per table: 预算01表 …, and the general reader's as read,
	 * their columns' labels as the header (g01 收支总表 …) */
	for (int k = 0; k < ys_grid_ntables(doc); k++) {
		char tn[16], name[160];
		int tid;
		const ys_table *t = ys_grid_table(doc, k, &tid, tn);
		ys_table tmp;
		ys_hrow h;
		char *cells[YS_GRID_MAX];
		if (tid < YS_NTABLES)
			snprintf(name, sizeof name, "预算%s表", t->def->code);
		else
			general_sheet_name(name, sizeof name, tn, t->title);
		sheet(wb, &F, ys_grid_labelled(t, &tmp, &h, cells), name);
	}
	lxw_error e = workbook_close(wb);
	if (e != LXW_NO_ERROR)
		return ys_error(ctx, YS_EWRITE, "%s：无法写入工作簿：%s", path, lxw_strerror(e));
	return YS_OK;
}

ys_result ys_render_xlsx(ys_ctx *ctx, const ys_doc *doc, const char *path)
{
	unsigned long mark = ys_oom_mark();
	ys_result r = ys_oom_check(ctx, render_xlsx_body(ctx, doc, path), mark);
	return r;
}
