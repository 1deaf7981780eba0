/*
 * grid.h - a table as the published layout draws it: how many columns wide,
 * which header cells merge over which, and the printed cells of each row.
 * The XLSX, PDF and HTML renderers all draw from this, so a merged group
 * (02's 本年收入 / 上年结转结余, 05's 基本支出 / 项目支出 ...) is worked out
 * once.
 */
#ifndef YS_RENDER_GRID_H
#define YS_RENDER_GRID_H

#include "yusuan/doc.h"

#define YS_GRID_MAX 64 /* widest printed table; 02 is 17 */

typedef struct ys_gcell {
	const char *text; /* as printed; "" for a blank cell */
	int col;          /* the def column it holds, -1 none, -2 the row's lead label */
	int span;         /* columns it covers (>= 1); 0 for a cell covered by one to its left */
} ys_gcell;

/* A header cell placed on the grid: rows and columns it covers. */
typedef struct ys_gspan {
	int r, c, rows, cols;
	const char *text;
} ys_gspan;

/* Columns the table is printed over (at least 1, at most YS_GRID_MAX). */
int ys_grid_width(const ys_table *t);

/* The printed cells of row (width of them, into out).  A cell of a labelled
 * row spans the structurally empty cells to its right (13's 单位名称 row). */
void ys_grid_row(const ys_table *t, const ys_row *row, int width, ys_gcell *out);

/* The header rows [h0, h1) as merged groups: a cell spans the empty cells
 * to its right and the empty cells below it; an empty cell nobody covers
 * is a 1x1 span with text "".  Returns the number of spans (<= max). */
int ys_grid_header(const ys_table *t, int h0, int h1, int width, ys_gspan *out, int max);

/* The tables of a document as published, in order: the 13-table model's
 * (doc->order), then the general reader's (doc->others). */
static inline int ys_grid_ntables(const ys_doc *doc) { return doc->ntables + doc->nothers; }

/* The k-th of them (0 <= k < ys_grid_ntables), with *tid its index as
 * findings name it (ys_doc_table_at) and name its name in file names and
 * anchors: the table's code ("01"), or "g01", "g02" … for the general
 * reader's (name: at least 16 bytes). */
const ys_table *ys_grid_table(const ys_doc *doc, int k, int *tid, char *name);

/* A table of the general reader has no header rows: its columns' labels
 * as read are its one header row, and its unit (金额单位：元) its subtitle.
 * Returns t when it has header rows, else *tmp: t with that row (h and
 * cells, YS_GRID_MAX of them, hold it). */
const ys_table *ys_grid_labelled(const ys_table *t, ys_table *tmp, ys_hrow *h, char **cells);

/* 1 when column col of the def is an amount column. */
static inline int ys_grid_amount(const ys_table *t, int col)
{
	return col >= 0 && t->def->cols[col].kind == YS_CK_AMOUNT;
}

#endif
