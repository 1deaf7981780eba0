/*
 * render/pdf.c - the tables as one print-ready PDF (cairo + pango, Noto Sans
 * CJK): a cover, a contents page with page numbers and links, each table on
 * A4 landscape with its header rows repeated on every page it runs over,
 * long texts wrapped inside their cells, and page numbers.
 *
 * The document is laid out twice with the same code: the first pass writes
 * nowhere and learns the page each table starts on and the page count, the
 * second draws them into the contents and the footers.  Amounts are drawn
 * as the text the table holds: no amount passes through a double here.
 */
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/grid.h"
#include "write/write_int.h"
#include "yusuan/render.h"
#include "base_int.h"

#define PAGE_W 841.89 /* A4 landscape, in points */
#define PAGE_H 595.28
#define MARGIN 36.0
#define BOTTOM (PAGE_H - MARGIN - 14.0) /* the footer lives below */
#define PAD 2.0
#define LEADING 0.88 /* line spacing: CJK fonts' own is 1.45 em */
#define FONT "Noto Sans CJK SC"
#define FS_BASE 8.5 /* table text, points */
#define FS_MIN 5.0
#define HEADER_MAX (16 * YS_GRID_MAX)

typedef struct pdf {
	cairo_surface_t *surf;
	cairo_t *cr;
	PangoLayout *lay;
	PangoAttrList *tnum; /* tabular figures for amounts */
	const ys_doc *doc;
	int final;              /* the drawing pass: page numbers are known */
	int page;               /* the page being drawn, from 1 */
	int npages;             /* from the first pass */
	int start[YS_NTABLES + 256]; /* page each table starts on, in ys_grid_table's order */
	double y;
	double size; /* of the text set last */
	int oom;     /* an allocation failed: the PDF would lack a part */
	char foot[256];
	/* the report (ys_story_write_pdf): the 情况说明 before the tables */
	const ys_story *story;
	int *bpage;             /* page each block starts on (first pass) */
} pdf;

/* ---- text ---- */

static void text_set(pdf *p, const char *s, double size, int bold, double width, PangoAlignment al, int tabular)
{
	PangoFontDescription *fd = pango_font_description_from_string(FONT);
	p->size = size;
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(p->lay, fd);
	pango_font_description_free(fd);
	pango_layout_set_attributes(p->lay, tabular ? p->tnum : NULL);
	pango_layout_set_text(p->lay, s ? s : "", -1);
	pango_layout_set_width(p->lay, width > 0 ? (int)(width * PANGO_SCALE) : -1);
	pango_layout_set_wrap(p->lay, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(p->lay, al);
	pango_layout_set_line_spacing(p->lay, (float)LEADING);
}

static void text_extent(pdf *p, double *w, double *h)
{
	PangoRectangle log;
	pango_layout_get_extents(p->lay, NULL, &log);
	if (w)
		*w = log.width / (double)PANGO_SCALE;
	if (h)
		*h = log.height / (double)PANGO_SCALE;
}

/* The height a cell gives its text: pango's, less the part of the CJK
 * font's tall line box that no glyph reaches. */
static double text_height(pdf *p)
{
	double h;
	text_extent(p, NULL, &h);
	return h - 0.15 * p->size;
}

static void text_draw(pdf *p, double x, double y)
{
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, p->lay);
}

/* One line of text at y, aligned within the margins; returns its height. */
static double line(pdf *p, const char *s, double size, int bold, PangoAlignment al)
{
	double h;
	text_set(p, s, size, bold, PAGE_W - 2 * MARGIN, al, 0);
	text_extent(p, NULL, &h);
	text_draw(p, MARGIN, p->y);
	return h;
}

/* ---- pages ---- */

static void footer(pdf *p)
{
	char num[64];
	if (p->final)
		snprintf(num, sizeof num, "第 %d 页 共 %d 页", p->page, p->npages);
	else
		snprintf(num, sizeof num, "第 %d 页", p->page);
	cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
	double y = p->y;
	p->y = PAGE_H - MARGIN;
	line(p, p->foot, 8, 0, PANGO_ALIGN_LEFT);
	line(p, num, 8, 0, PANGO_ALIGN_RIGHT);
	p->y = y;
	cairo_set_source_rgb(p->cr, 0, 0, 0);
}

static void next_page(pdf *p, int numbered)
{
	if (numbered)
		footer(p);
	cairo_show_page(p->cr);
	p->page++;
	p->y = MARGIN;
}

/* ---- a table ---- */

typedef struct tlay {
	const ys_table *t;
	int width;
	double fs;
	double colw[YS_GRID_MAX];
	double x0;
	ys_gspan head[HEADER_MAX]; /* the first header group, repeated on each page */
	ys_gspan scratch[HEADER_MAX]; /* any other header group */
	int nhead;
	double headh[16];
	int headrows;
} tlay;

static int is_wrapping(const ys_table *t, int col)
{
	return col < 0 || t->def->cols[col].kind != YS_CK_AMOUNT;
}

/* Column widths: each column's natural width, shrunk (wrapping columns
 * first, then the font) to fit the page, or stretched to fill it. */
static void columns(pdf *p, tlay *L, double fs0)
{
	const ys_table *t = L->t;
	const double avail = PAGE_W - 2 * MARGIN;
	ys_gcell g[YS_GRID_MAX];
	L->fs = fs0;
	for (int iter = 0; iter < 4; iter++) {
		double nat[YS_GRID_MAX] = { 0 }, fixed[YS_GRID_MAX] = { 0 }, head[YS_GRID_MAX] = { 0 };
		int amount[YS_GRID_MAX] = { 0 };
		double w, fs = L->fs;
		for (int r = 0; r < t->nrows; r++) {
			ys_grid_row(t, &t->rows[r], L->width, g);
			for (int c = 0; c < L->width; c++) {
				if (g[c].span != 1 || !g[c].text[0])
					continue;
				int amt = !is_wrapping(t, g[c].col);
				text_set(p, g[c].text, fs, t->rows[r].kind == YS_ROW_TOTAL, -1, PANGO_ALIGN_LEFT, amt);
				text_extent(p, &w, NULL);
				if (amt) {
					amount[c] = 1;
					if (w > fixed[c])
						fixed[c] = w;
				} else if (w > nat[c]) {
					nat[c] = w > 40 * fs ? 40 * fs : w;
				}
			}
		}
		for (int h0 = 0, h1; h0 < t->nheaders; h0 = h1) {
			ys_gspan *sp = L->scratch;
			for (h1 = h0 + 1; h1 < t->nheaders && t->headers[h1].before == t->headers[h0].before; h1++)
				;
			int n = ys_grid_header(t, h0, h1, L->width, sp, HEADER_MAX);
			for (int i = 0; i < n; i++) {
				if (sp[i].cols != 1 || !sp[i].text[0])
					continue; /* a group over several columns fits them */
				/* a header wraps: it asks for its length up to four characters */
				text_set(p, sp[i].text, fs, 1, -1, PANGO_ALIGN_LEFT, 0);
				text_extent(p, &w, NULL);
				if (w > 4 * fs)
					w = 4 * fs;
				if (w > head[sp[i].c])
					head[sp[i].c] = w;
			}
		}
		double natsum = 0, minsum = 0, minw[YS_GRID_MAX], natw[YS_GRID_MAX];
		for (int c = 0; c < L->width; c++) {
			double need = (amount[c] ? fixed[c] : nat[c]);
			if (head[c] > need)
				need = head[c];
			natw[c] = need + 2 * PAD + 1;
			if (amount[c])
				minw[c] = natw[c];
			else
				minw[c] = natw[c] < 6 * fs + 2 * PAD ? natw[c] : 6 * fs + 2 * PAD;
			natsum += natw[c];
			minsum += minw[c];
		}
		if (natsum <= avail) {
			for (int c = 0; c < L->width; c++)
				L->colw[c] = natw[c] * avail / natsum;
			break;
		}
		if (minsum <= avail) {
			/* the widest wrapping columns give way first: find the cap
			 * that makes the widths add up to the page */
			double lo = 0, hi = 0;
			for (int c = 0; c < L->width; c++)
				if (natw[c] > hi)
					hi = natw[c];
			for (int k = 0; k < 50; k++) {
				double mid = (lo + hi) / 2, sum = 0;
				for (int c = 0; c < L->width; c++)
					sum += natw[c] <= mid || minw[c] == natw[c] ? natw[c] : mid > minw[c] ? mid : minw[c];
				if (sum > avail)
					hi = mid;
				else
					lo = mid;
			}
			double sum = 0;
			for (int c = 0; c < L->width; c++) {
				double cw = natw[c];
				if (cw > lo && minw[c] != natw[c])
					cw = lo > minw[c] ? lo : minw[c];
				L->colw[c] = cw;
				sum += cw;
			}
			for (int c = 0; c < L->width; c++)
				L->colw[c] *= avail / sum;
			break;
		}
		for (int c = 0; c < L->width; c++)
			L->colw[c] = minw[c] * avail / minsum;
		double fs2 = L->fs * avail / minsum * 0.98;
		if (fs2 < FS_MIN)
			fs2 = FS_MIN;
		if (fs2 >= L->fs)
			break;
		L->fs = fs2;
	}
	L->x0 = MARGIN;
}

static double span_width(const tlay *L, int c, int n)
{
	double w = 0;
	for (int i = c; i < c + n && i < L->width; i++)
		w += L->colw[i];
	return w;
}

static double span_x(const tlay *L, int c)
{
	return L->x0 + span_width(L, 0, c);
}

static double cell_height(pdf *p, const tlay *L, const char *s, int c, int n, int bold, int amt)
{
	double h;
	text_set(p, s, L->fs, bold, span_width(L, c, n) - 2 * PAD, PANGO_ALIGN_LEFT, amt);
	h = text_height(p);
	return h + 2 * PAD;
}

/* A cell: its box and its text, centred in the box, or at its top (body
 * rows: the lines of a wrapped cell follow the line its row is read by). */
static void cell_draw(pdf *p, double x, double y, double w, double h, const char *s, double fs, int bold,
                      PangoAlignment al, int amt, int shade, int top)
{
	cairo_rectangle(p->cr, x, y, w, h);
	if (shade) {
		cairo_set_source_rgb(p->cr, 0.93, 0.93, 0.93);
		cairo_fill_preserve(p->cr);
		cairo_set_source_rgb(p->cr, 0, 0, 0);
	}
	cairo_set_line_width(p->cr, 0.5);
	cairo_stroke(p->cr);
	if (!s || !s[0])
		return;
	double lh;
	text_set(p, s, fs, bold, w - 2 * PAD, al, amt);
	text_extent(p, NULL, &lh);
	cairo_save(p->cr);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_clip(p->cr);
	text_draw(p, x + PAD, top ? y + PAD : y + (h - lh) / 2);
	cairo_restore(p->cr);
}

/* Header rows [h0, h1) as spans with their row heights. */
static int header_layout(pdf *p, const tlay *L, int h0, int h1, ys_gspan *sp, double *rowh)
{
	int n = ys_grid_header(L->t, h0, h1, L->width, sp, HEADER_MAX), rows = h1 - h0;
	if (rows > 16)
		rows = 16;
	for (int r = 0; r < rows; r++)
		rowh[r] = L->fs * 1.3 + 2 * PAD;
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < n; i++) {
			if ((sp[i].rows > 1) != pass || sp[i].r >= rows)
				continue;
			double h = cell_height(p, L, sp[i].text, sp[i].c, sp[i].cols, 1, 0), have = 0;
			int last = sp[i].r + sp[i].rows - 1 < rows ? sp[i].r + sp[i].rows - 1 : rows - 1;
			for (int r = sp[i].r; r <= last; r++)
				have += rowh[r];
			if (h > have)
				rowh[last] += h - have;
		}
	return n;
}

static double header_height(const double *rowh, int rows)
{
	double h = 0;
	for (int r = 0; r < rows && r < 16; r++)
		h += rowh[r];
	return h;
}

static void header_draw(pdf *p, const tlay *L, const ys_gspan *sp, int n, const double *rowh, int rows)
{
	for (int i = 0; i < n; i++) {
		double y = p->y, h = 0;
		for (int r = 0; r < sp[i].r; r++)
			y += rowh[r];
		for (int r = sp[i].r; r < sp[i].r + sp[i].rows && r < rows; r++)
			h += rowh[r];
		cell_draw(p, span_x(L, sp[i].c), y, span_width(L, sp[i].c, sp[i].cols), h, sp[i].text, L->fs, 1,
		          PANGO_ALIGN_CENTER, 0, 1, 0);
	}
	p->y += header_height(rowh, rows);
}

static double row_height(pdf *p, const tlay *L, const ys_row *row, ys_gcell *g)
{
	double rh = L->fs * 1.3 + 2 * PAD;
	ys_grid_row(L->t, row, L->width, g);
	for (int c = 0; c < L->width; c++) {
		if (!g[c].span || !g[c].text[0])
			continue;
		double h = cell_height(p, L, g[c].text, c, g[c].span, row->kind == YS_ROW_TOTAL,
		                       !is_wrapping(L->t, g[c].col));
		if (h > rh)
			rh = h;
	}
	return rh;
}

/* The height of the whole table as it would be drawn on one page. */
static double table_height(pdf *p, const tlay *L, ys_gcell *g)
{
	const ys_table *t = L->t;
	double need = 0;
	for (int k = 0; k < t->nheaders; k++)
		need += L->fs * 1.3 + 2 * PAD;
	for (int r = 0; r < t->nrows; r++)
		need += row_height(p, L, &t->rows[r], g);
	return need;
}

static void row_draw(pdf *p, const tlay *L, const ys_row *row, const ys_gcell *g, double rh)
{
	int total = row->kind == YS_ROW_TOTAL;
	for (int c = 0; c < L->width; c++) {
		if (!g[c].span)
			continue;
		int amt = !is_wrapping(L->t, g[c].col);
		PangoAlignment al = amt ? PANGO_ALIGN_RIGHT
		                    : total && ys_is_total_label(g[c].text) ? PANGO_ALIGN_CENTER
		                                                             : PANGO_ALIGN_LEFT;
		cell_draw(p, span_x(L, c), p->y, span_width(L, c, g[c].span), rh, g[c].text, L->fs, total, al, amt,
		          g[c].col == -2, 1);
	}
	p->y += rh;
}

static void continued(pdf *p, const tlay *L)
{
	char s[512];
	snprintf(s, sizeof s, "%s（续）", L->t->title);
	p->y += line(p, s, 10, 1, PANGO_ALIGN_CENTER) + 4;
	if (L->nhead)
		header_draw(p, L, L->head, L->nhead, L->headh, L->headrows);
}

/* Table 12's project cells (code-name, 项目总额, 财政资金, 其他资金, 绩效目标)
 * merge over the project's indicator rows, the text centred on them, as
 * Beijing prints them; a project cut by a page break prints its cells in
 * the part on the first page, which is made tall enough for them. */
static int project_col(int c)
{
	return c == YS_C12_NAME || c == YS_C12_TOTAL || c == YS_C12_FISCAL || c == YS_C12_OTHER || c == YS_C12_GOAL;
}

static void project_cells(pdf *p, const tlay *L, const ys_row *first, double y, double h)
{
	for (int c = 0; c < L->t->def->ncols && c < L->width; c++) {
		if (!project_col(c))
			continue;
		int amt = ys_grid_amount(L->t, c);
		cell_draw(p, span_x(L, c), y, span_width(L, c, 1), h, first ? first->cells[c].text : "", L->fs, 0,
		          amt ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT, amt, 0, 0);
	}
}

static void indicator_row(pdf *p, const tlay *L, const ys_row *row, double rh)
{
	for (int c = 0; c < L->t->def->ncols && c < L->width; c++) {
		if (project_col(c))
			continue;
		int amt = !is_wrapping(L->t, c);
		cell_draw(p, span_x(L, c), p->y, span_width(L, c, 1), rh, row->cells[c].text, L->fs, 0,
		          amt ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT, amt, 0, 1);
	}
	p->y += rh;
}

static void table12_rows(pdf *p, tlay *L)
{
	const ys_table *t = L->t;
	int n = t->nrows;
	double *rh = calloc((size_t)(n ? n : 1), sizeof *rh);
	if (!rh) {
		p->oom = 1;
		return;
	}
	for (int r = 0; r < n; r++) {
		const ys_row *row = &t->rows[r];
		rh[r] = L->fs * 1.3 + 2 * PAD;
		for (int c = 0; c < t->def->ncols && c < L->width; c++) {
			if (project_col(c) || !row->cells[c].text[0])
				continue;
			double h = cell_height(p, L, row->cells[c].text, c, 1, 0, !is_wrapping(t, c));
			if (h > rh[r])
				rh[r] = h;
		}
	}
	for (int r0 = 0; r0 < n;) {
		int r1 = r0 + 1;
		while (r1 < n && t->rows[r1].kind == YS_ROW_CONT)
			r1++;
		const ys_row *first = &t->rows[r0];
		/* the project cells' height */
		double need = 0, sum = 0;
		for (int c = 0; c < t->def->ncols && c < L->width; c++)
			if (project_col(c) && first->cells[c].text[0]) {
				double h = cell_height(p, L, first->cells[c].text, c, 1, 0, ys_grid_amount(t, c));
				if (h > need)
					need = h;
			}
		for (int r = r0; r < r1; r++)
			sum += rh[r];
		if (sum < need)
			for (int r = r0; r < r1; r++)
				rh[r] += (need - sum) / (r1 - r0);
		sum = need > sum ? need : sum;
		/* whole on a new page when it fits one; else its first part must
		 * hold the project cells */
		double page = BOTTOM - (MARGIN + 60);
		if ((p->y + sum > BOTTOM && sum <= page) || p->y + (need > rh[r0] ? need : rh[r0]) > BOTTOM) {
			next_page(p, 1);
			continued(p, L);
		}
		double seg0 = p->y;
		int drawn = 0;
		for (int r = r0; r < r1; r++) {
			if (p->y + rh[r] > BOTTOM && p->y > seg0) {
				project_cells(p, L, drawn ? NULL : first, seg0, p->y - seg0);
				drawn = 1;
				next_page(p, 1);
				continued(p, L);
				seg0 = p->y;
			}
			indicator_row(p, L, &t->rows[r], rh[r]);
		}
		project_cells(p, L, drawn ? NULL : first, seg0, p->y - seg0);
		r0 = r1;
	}
	free(rh);
}

/* The idx-th table (ys_grid_table), its anchor t<tn> (t01, tg01). */
static void table(pdf *p, tlay *L, const ys_table *t, int idx, const char *tn)
{
	char name[32];
	ys_gcell g[YS_GRID_MAX];
	memset(L, 0, sizeof *L);
	L->t = t;
	L->width = ys_grid_width(t);
	if (idx < (int)(sizeof p->start / sizeof p->start[0]))
		p->start[idx] = p->page;
	snprintf(name, sizeof name, "t%s", tn);
	char attr[64];
	snprintf(attr, sizeof attr, "name='%s'", name);
	cairo_tag_begin(p->cr, CAIRO_TAG_DEST, attr);
	p->y += line(p, t->title, 15, 1, PANGO_ALIGN_CENTER) + 6;
	cairo_tag_end(p->cr, CAIRO_TAG_DEST);
	snprintf(attr, sizeof attr, "page=%d", p->page);
	cairo_pdf_surface_add_outline(p->surf, CAIRO_PDF_OUTLINE_ROOT, t->title, attr, 0);
	const char *sub = t->unit_line ? t->unit_text : t->subtitle;
	if (sub && sub[0])
		p->y += line(p, sub, 9, 0, PANGO_ALIGN_RIGHT) + 3;
	columns(p, L, FS_BASE);
	/* a table a few rows longer than its page is set a little smaller
	 * rather than left with a page of its own for them */
	double room = BOTTOM - p->y, need = table_height(p, L, g);
	if (need > room && need < room * 1.2)
		for (int k = 0; k < 4 && need > room; k++) {
			columns(p, L, L->fs * room / need * 0.99);
			need = table_height(p, L, g);
		}

	int h = 0;
	while (h < t->nheaders && t->headers[h].before == 0)
		h++;
	if (h > 0) {
		L->headrows = h > 16 ? 16 : h;
		L->nhead = header_layout(p, L, 0, h, L->head, L->headh);
		header_draw(p, L, L->head, L->nhead, L->headh, L->headrows);
	}
	if ((t->def->flags & YS_TF_INDICATORS) && h == t->nheaders) {
		table12_rows(p, L);
		next_page(p, 1);
		return;
	}
	for (int r = 0; r < t->nrows; r++) {
		const ys_row *row = &t->rows[r];
		int h0 = h;
		while (h < t->nheaders && t->headers[h].before == r)
			h++;
		double rh = row_height(p, L, row, g);
		if (h > h0) { /* a header group inside the table stays with its first row */
			ys_gspan *sp = L->scratch;
			double hh[16];
			int n = header_layout(p, L, h0, h, sp, hh), rows = h - h0 > 16 ? 16 : h - h0;
			if (p->y + header_height(hh, rows) + rh > BOTTOM) {
				next_page(p, 1);
				continued(p, L);
			}
			header_draw(p, L, sp, n, hh, rows);
			ys_grid_row(t, row, L->width, g);
		}
		if (p->y + rh > BOTTOM && p->y > MARGIN + 60) {
			next_page(p, 1);
			continued(p, L);
			ys_grid_row(t, row, L->width, g);
		}
		row_draw(p, L, row, g, rh);
	}
	next_page(p, 1);
}

/* ---- cover and contents ---- */

static void cover(pdf *p)
{
	char s[256];
	const char *dept = p->doc->department && p->doc->department[0] ? p->doc->department : "部门预算";
	p->y = 170;
	p->y += line(p, dept, 28, 1, PANGO_ALIGN_CENTER) + 18;
	if (p->doc->year)
		snprintf(s, sizeof s, "%d年部门预算", p->doc->year);
	else
		snprintf(s, sizeof s, "部门预算");
	p->y += line(p, s, 24, 1, PANGO_ALIGN_CENTER) + 40;
	snprintf(s, sizeof s, "部门预算公开表（%d 张）", ys_grid_ntables(p->doc));
	p->y += line(p, s, 14, 0, PANGO_ALIGN_CENTER) + 8;
	/* a document of another layout in 元 (the general reader's) says so */
	line(p, !p->doc->ntables && p->doc->unit == YS_UNIT_YUAN ? "金额单位：元" : "金额单位：万元", 11, 0,
	     PANGO_ALIGN_CENTER);
	next_page(p, 0);
}

static void contents(pdf *p)
{
	p->y = MARGIN + 20;
	p->y += line(p, "目  录", 18, 1, PANGO_ALIGN_CENTER) + 24;
	for (int i = 0; i < ys_grid_ntables(p->doc) && i < (int)(sizeof p->start / sizeof p->start[0]); i++) {
		char num[16], link[64], tn[16];
		int tid;
		const ys_table *t = ys_grid_table(p->doc, i, &tid, tn);
		snprintf(num, sizeof num, "%d", p->final ? p->start[i] : 0);
		snprintf(link, sizeof link, "dest='t%s'", tn);
		cairo_tag_begin(p->cr, CAIRO_TAG_LINK, link);
		double x0 = MARGIN + 120, x1 = PAGE_W - MARGIN - 120, w, h;
		text_set(p, t->title, 12, 0, -1, PANGO_ALIGN_LEFT, 0);
		text_extent(p, &w, &h);
		text_draw(p, x0, p->y);
		double nw;
		text_set(p, num, 12, 0, -1, PANGO_ALIGN_LEFT, 1);
		text_extent(p, &nw, NULL);
		text_draw(p, x1 - nw, p->y);
		cairo_tag_end(p->cr, CAIRO_TAG_LINK);
		/* leader dots */
		cairo_set_source_rgb(p->cr, 0.6, 0.6, 0.6);
		for (double x = x0 + w + 8; x < x1 - nw - 8; x += 6) {
			cairo_arc(p->cr, x, p->y + h * 0.7, 0.6, 0, 6.2832);
			cairo_fill(p->cr);
		}
		cairo_set_source_rgb(p->cr, 0, 0, 0);
		p->y += h + 12;
	}
	next_page(p, 1);
}

/* ---- the report: cover, 目录 and the 情况说明 on A4 portrait ---- */

#define PORT_W PAGE_H
#define PORT_H PAGE_W
#define PMARGIN 68.0
#define PBOTTOM (PORT_H - PMARGIN)
#define BODY_FS 14.0

/* A centred line on a portrait page; returns its height. */
static double pline(pdf *p, const char *s, double size, int bold)
{
	double h;
	text_set(p, s, size, bold, PORT_W - 2 * PMARGIN, PANGO_ALIGN_CENTER, 0);
	pango_layout_set_line_spacing(p->lay, 0);
	text_extent(p, NULL, &h);
	text_draw(p, PMARGIN, p->y);
	return h;
}

/* The page number of a text page, "- 3 -", as Beijing prints it. */
static void pfooter(pdf *p)
{
	char num[32];
	snprintf(num, sizeof num, "- %d -", p->page);
	double y = p->y;
	p->y = PORT_H - PMARGIN + 18;
	cairo_set_source_rgb(p->cr, 0.3, 0.3, 0.3);
	pline(p, num, 10, 0);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	p->y = y;
}

static void pnext(pdf *p, int numbered)
{
	if (numbered)
		pfooter(p);
	cairo_show_page(p->cr);
	p->page++;
	p->y = PMARGIN;
}

static void rcover(pdf *p)
{
	p->y = 230;
	for (const char *t = p->story->title; *t;) {
		size_t n = strcspn(t, "\n");
		char one[512];
		snprintf(one, sizeof one, "%.*s", (int)n, t);
		p->y += pline(p, one, 24, 1) + 16;
		t += n + (t[n] == '\n');
	}
	pnext(p, 0);
}

/* An entry of the 目录: its text, dot leaders, its page. */
static void toc_entry(pdf *p, const char *text, int page, double indent, int bold, const char *dest)
{
	char num[16], link[96];
	snprintf(num, sizeof num, "%d", p->final ? page : 0);
	double x0 = PMARGIN + indent, x1 = PORT_W - PMARGIN, w, h, nw;
	if (p->y + 24 > PBOTTOM)
		pnext(p, 0);
	snprintf(link, sizeof link, "dest='%s'", dest);
	cairo_tag_begin(p->cr, CAIRO_TAG_LINK, link);
	text_set(p, text, 12, bold, -1, PANGO_ALIGN_LEFT, 0);
	text_extent(p, &w, &h);
	text_draw(p, x0, p->y);
	text_set(p, num, 12, 0, -1, PANGO_ALIGN_LEFT, 1);
	text_extent(p, &nw, NULL);
	text_draw(p, x1 - nw, p->y);
	cairo_tag_end(p->cr, CAIRO_TAG_LINK);
	cairo_set_source_rgb(p->cr, 0.6, 0.6, 0.6);
	for (double x = x0 + w + 6; x < x1 - nw - 6; x += 5) {
		cairo_arc(p->cr, x, p->y + h * 0.7, 0.5, 0, 6.2832);
		cairo_fill(p->cr);
	}
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	p->y += h + 8;
}

static void rcontents(pdf *p)
{
	const ys_story *s = p->story;
	p->y = PMARGIN + 10;
	p->y += pline(p, "目  录", 18, 1) + 20;
	for (int i = 0; i < s->n; i++) {
		const ys_block *b = &s->b[i];
		char dest[32], text[1024];
		if (ys_story_in_toc(b)) {
			snprintf(dest, sizeof dest, "b%d", i);
			snprintf(text, sizeof text, "%s%s", b->marker, b->text);
			toc_entry(p, text, p->bpage[i], b->kind == YS_B_PART ? 0 : 24, b->kind == YS_B_PART, dest);
		}
		if (i == s->tables_part)
			for (int k = 0; k < p->doc->ntables; k++) {
				const ys_table *t = p->doc->tables[p->doc->order[k]];
				ys_story_table_entry(p->doc, k, text, sizeof text);
				snprintf(dest, sizeof dest, "t%s", t->def->code);
				toc_entry(p, text, p->start[k], 24, 0, dest);
			}
	}
	pnext(p, 0);
}

/* A block of the 情况说明, broken over pages line by line. */
static void rblock(pdf *p, int i)
{
	const ys_block *b = &p->story->b[i];
	double size = BODY_FS, gap = 4, indent = 2 * BODY_FS;
	int bold = 0;
	PangoAlignment al = PANGO_ALIGN_LEFT;
	if (b->kind == YS_B_PART) {
		size = 18, bold = 1, al = PANGO_ALIGN_CENTER, indent = 0, gap = 14;
		if (i)
			pnext(p, 1);
		else
			p->y += 10;
	} else if (b->kind == YS_B_HEADING) {
		bold = b->level == 1;
		size = b->level == 1 ? 15 : BODY_FS;
		gap = 6;
	}
	char text[8192];
	snprintf(text, sizeof text, "%s%s", b->marker, b->text);
	/* a layout of its own: a footer drawn between its lines uses p->lay */
	PangoLayout *saved = p->lay, *lay = pango_cairo_create_layout(p->cr);
	p->lay = lay;
	text_set(p, text, size, bold, PORT_W - 2 * PMARGIN, al, 0);
	pango_layout_set_line_spacing(lay, 1.35f);
	pango_layout_set_indent(lay, (int)(indent * PANGO_SCALE));
	p->lay = saved;
	p->bpage[i] = p->page;
	char attr[64];
	snprintf(attr, sizeof attr, "name='b%d'", i);
	int n = pango_layout_get_line_count(lay);
	PangoLayoutIter *it = pango_layout_get_iter(lay);
	double top0 = -1;
	for (int k = 0; k < n; k++) {
		PangoRectangle log;
		pango_layout_iter_get_line_extents(it, NULL, &log);
		double top = log.y / (double)PANGO_SCALE, h = log.height / (double)PANGO_SCALE;
		if (top0 < 0)
			top0 = top;
		if (p->y + h > PBOTTOM || (k == 0 && b->kind == YS_B_HEADING && p->y + 3 * h > PBOTTOM)) {
			pnext(p, 1);
			if (k == 0)
				p->bpage[i] = p->page;
		}
		if (k == 0) {
			cairo_tag_begin(p->cr, CAIRO_TAG_DEST, attr);
			cairo_tag_end(p->cr, CAIRO_TAG_DEST);
		}
		int base = pango_layout_iter_get_baseline(it);
		cairo_move_to(p->cr, PMARGIN + log.x / (double)PANGO_SCALE, p->y + (base / (double)PANGO_SCALE - top));
		pango_cairo_show_layout_line(p->cr, pango_layout_iter_get_line_readonly(it));
		p->y += h;
		pango_layout_iter_next_line(it);
	}
	pango_layout_iter_free(it);
	g_object_unref(lay);
	p->y += gap;
	if (b->kind == YS_B_PART || (b->kind == YS_B_HEADING && b->level == 1)) {
		char o[64];
		snprintf(o, sizeof o, "page=%d", p->bpage[i]);
		cairo_pdf_surface_add_outline(p->surf, CAIRO_PDF_OUTLINE_ROOT, text, o, 0);
	}
}

static void rstory(pdf *p)
{
	p->y = PMARGIN;
	for (int i = 0; i < p->story->n; i++)
		rblock(p, i);
	pnext(p, 1);
}

static cairo_status_t discard(void *closure, const unsigned char *data, unsigned int length)
{
	(void)closure;
	(void)data;
	(void)length;
	return CAIRO_STATUS_SUCCESS;
}

/* One pass over the document; returns the cairo status of the surface. */
static cairo_status_t run(pdf *p, const char *path)
{
	double w = p->story ? PORT_W : PAGE_W, h = p->story ? PORT_H : PAGE_H;
	p->surf = path ? cairo_pdf_surface_create(path, w, h) : cairo_pdf_surface_create_for_stream(discard, NULL, w, h);
	cairo_status_t st = cairo_surface_status(p->surf);
	if (st != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(p->surf);
		return st;
	}
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_TITLE, p->foot);
	if (p->doc->department && p->doc->department[0])
		cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_AUTHOR, p->doc->department);
	cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_CREATOR, "yusuan");
	p->cr = cairo_create(p->surf);
	p->lay = pango_cairo_create_layout(p->cr);
	p->page = 1;
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	if (p->story) {
		rcover(p);
		rcontents(p);
		rstory(p);
		cairo_pdf_surface_set_size(p->surf, PAGE_W, PAGE_H);
	} else {
		cover(p);
		contents(p);
	}
	/* without it no table is drawn: the whole PDF fails, never a PDF of
	 * only its cover and contents */
	tlay *L = malloc(sizeof *L);
	p->oom |= !L;
	/* the 13-table model's, then the general reader's with their columns'
	 * labels as read for a header */
	for (int i = 0; L && i < ys_grid_ntables(p->doc); i++) {
		char tn[16], *cells[YS_GRID_MAX];
		int tid;
		ys_table tmp;
		ys_hrow hr;
		const ys_table *t = ys_grid_table(p->doc, i, &tid, tn);
		table(p, L, ys_grid_labelled(t, &tmp, &hr, cells), i, tn);
	}
	free(L);
	p->npages = p->page - 1;
	g_object_unref(p->lay);
	cairo_destroy(p->cr);
	cairo_surface_finish(p->surf);
	st = cairo_surface_status(p->surf);
	cairo_surface_destroy(p->surf);
	return st == CAIRO_STATUS_SUCCESS && p->oom ? CAIRO_STATUS_NO_MEMORY : st;
}

/* Is the CJK font there?  Without it pango draws boxes. */
static int have_font(void)
{
	PangoFontMap *fm = pango_cairo_font_map_get_default();
	PangoContext *pc = pango_font_map_create_context(fm);
	PangoFontDescription *fd = pango_font_description_from_string(FONT);
	PangoFont *f = pango_font_map_load_font(fm, pc, fd);
	int ok = 0;
	if (f) {
		PangoFontDescription *got = pango_font_describe(f);
		const char *fam = pango_font_description_get_family(got);
		ok = fam && strstr(fam, "Noto Sans CJK") != NULL;
		pango_font_description_free(got);
		g_object_unref(f);
	}
	pango_font_description_free(fd);
	g_object_unref(pc);
	return ok;
}

static ys_result render_pdf_body(ys_ctx *ctx, const ys_doc *doc, const char *path)
{
	if (!have_font())
		return ys_error(ctx, YS_EWRITE, "没有安装字体“%s”（Debian：fonts-noto-cjk）", FONT);
	pdf p;
	memset(&p, 0, sizeof p);
	p.doc = doc;
	p.tnum = pango_attr_list_new();
	pango_attr_list_insert(p.tnum, pango_attr_font_features_new("tnum=1"));
	if (doc->year)
		snprintf(p.foot, sizeof p.foot, "%s %d年部门预算", doc->department ? doc->department : "", doc->year);
	else
		snprintf(p.foot, sizeof p.foot, "%s 部门预算", doc->department ? doc->department : "");
	cairo_status_t st = run(&p, NULL);
	if (st == CAIRO_STATUS_SUCCESS) {
		p.final = 1;
		st = run(&p, path);
	}
	pango_attr_list_unref(p.tnum);
	if (st != CAIRO_STATUS_SUCCESS && p.final)
		remove(path); /* what the drawing pass wrote is not a whole PDF */
	if (st == CAIRO_STATUS_NO_MEMORY)
		return ys_error(ctx, YS_ENOMEM, "%s：写 PDF 时内存不足", path);
	if (st != CAIRO_STATUS_SUCCESS)
		return ys_error(ctx, YS_EWRITE, "%s：无法写入 PDF：%s", path, cairo_status_to_string(st));
	return YS_OK;
}

ys_result ys_render_pdf(ys_ctx *ctx, const ys_doc *doc, const char *path)
{
	unsigned long mark = ys_oom_mark();
	ys_result r = ys_oom_check(ctx, render_pdf_body(ctx, doc, path), mark);
	return r;
}

ys_result ys_story_write_pdf(ys_ctx *ctx, const ys_story *s, const ys_doc *doc, const char *path)
{
	if (!have_font())
		return ys_error(ctx, YS_EWRITE, "没有安装字体“%s”（Debian：fonts-noto-cjk）", FONT);
	pdf p;
	memset(&p, 0, sizeof p);
	p.doc = doc;
	p.story = s;
	p.bpage = calloc((size_t)(s->n ? s->n : 1), sizeof *p.bpage);
	if (!p.bpage)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	p.tnum = pango_attr_list_new();
	pango_attr_list_insert(p.tnum, pango_attr_font_features_new("tnum=1"));
	snprintf(p.foot, sizeof p.foot, "%s %d年部门预算", s->department, s->year);
	cairo_status_t st = run(&p, NULL);
	if (st == CAIRO_STATUS_SUCCESS) {
		p.final = 1;
		st = run(&p, path);
	}
	pango_attr_list_unref(p.tnum);
	free(p.bpage);
	if (p.oom)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	if (st != CAIRO_STATUS_SUCCESS)
		return ys_error(ctx, YS_EWRITE, "%s：无法写入 PDF：%s", path, cairo_status_to_string(st));
	return YS_OK;
}
