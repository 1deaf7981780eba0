/*
 * render/grid.c - the printed grid of a table (see grid.h).
 */
#include <stdio.h>
#include <string.h>

#include "render/grid.h"

const ys_table *ys_grid_table(const ys_doc *doc, int k, int *tid, char *name)
{
	if (k < doc->ntables) {
		*tid = doc->order[k];
		const ys_table *t = doc->tables[*tid];
		snprintf(name, 16, "%s", t->def->code);
		return t;
	}
	int i = k - doc->ntables;
	*tid = YS_NTABLES + i;
	snprintf(name, 16, "g%02d", i + 1);
	return doc->others[i];
}

const ys_table *ys_grid_labelled(const ys_table *t, ys_table *tmp, ys_hrow *h, char **cells)
{
	if (t->nheaders || !t->kind)
		return t;
	int n = t->def->ncols < YS_GRID_MAX ? t->def->ncols : YS_GRID_MAX;
	for (int c = 0; c < n; c++)
		cells[c] = (char *)(t->def->cols[c].label ? t->def->cols[c].label : "");
	*h = (ys_hrow){ cells, n, t->line, 0 };
	*tmp = *t;
	tmp->headers = h;
	tmp->nheaders = 1;
	/* its unit, under the title */
	if (!t->unit_line && (!t->subtitle || !t->subtitle[0]))
		tmp->subtitle = t->unit == YS_UNIT_YUAN ? "金额单位：元" : "金额单位：万元";
	return tmp;
}

static int row_cells(const ys_table *t, const ys_row *row, int max, ys_gcell *out)
{
	const ys_tabledef *d = t->def;
	int n = 0;
	if (row->shape >= 0) {
		const ys_shape *sh = &d->shapes[row->shape];
		for (int i = 0; i < sh->nslots && n < max; i++, n++) {
			int s = sh->slots[i];
			out[n].col = s;
			out[n].text = s == -2 ? sh->lead : s >= 0 ? row->cells[s].text : "";
			out[n].span = 1;
		}
	} else {
		for (int c = 0; c < d->ncols && n < max; c++, n++) {
			out[n].col = c;
			out[n].text = row->cells[c].text;
			out[n].span = 1;
		}
	}
	return n;
}

int ys_grid_width(const ys_table *t)
{
	ys_gcell tmp[YS_GRID_MAX];
	int width = 1;
	for (int h = 0; h < t->nheaders; h++)
		if (t->headers[h].ncells > width)
			width = t->headers[h].ncells;
	for (int r = 0; r < t->nrows; r++) {
		int n = row_cells(t, &t->rows[r], YS_GRID_MAX, tmp);
		if (n > width)
			width = n;
	}
	return width > YS_GRID_MAX ? YS_GRID_MAX : width;
}

void ys_grid_row(const ys_table *t, const ys_row *row, int width, ys_gcell *out)
{
	int n = row_cells(t, row, width, out);
	for (int c = n; c < width; c++) {
		out[c].col = -1;
		out[c].text = "";
		out[c].span = 1;
	}
	if (row->shape < 0)
		return;
	/* a shaped row: a cell takes in the structurally empty slots after it */
	for (int c = 0; c < width; c++) {
		if (out[c].col == -1 || !out[c].span)
			continue;
		int e = c + 1;
		while (e < width && out[e].col == -1) {
			out[e].span = 0;
			e++;
		}
		out[c].span = e - c;
	}
}

static const char *hcell(const ys_table *t, int h, int c)
{
	const ys_hrow *hr = &t->headers[h];
	return c < hr->ncells && hr->cells[c] ? hr->cells[c] : "";
}

int ys_grid_header(const ys_table *t, int h0, int h1, int width, ys_gspan *out, int max)
{
	enum { MAXR = 16 };
	unsigned char used[MAXR][YS_GRID_MAX];
	int nrows = h1 - h0, n = 0;
	if (nrows > MAXR)
		nrows = MAXR;
	if (width > YS_GRID_MAX)
		width = YS_GRID_MAX;
	memset(used, 0, sizeof used);
	for (int r = 0; r < nrows; r++) {
		for (int c = 0; c < width; c++) {
			if (used[r][c])
				continue;
			const char *s = hcell(t, h0 + r, c);
			int c2 = c, r2 = r;
			if (s[0]) {
				while (c2 + 1 < width && !used[r][c2 + 1] && !hcell(t, h0 + r, c2 + 1)[0])
					c2++;
				for (;;) { /* down while the cells below are empty all along */
					if (r2 + 1 >= nrows)
						break;
					int empty = 1;
					for (int k = c; k <= c2 && empty; k++)
						empty = !hcell(t, h0 + r2 + 1, k)[0] && !used[r2 + 1][k];
					if (!empty)
						break;
					r2++;
				}
			}
			for (int rr = r; rr <= r2; rr++)
				memset(&used[rr][c], 1, (size_t)(c2 - c + 1));
			if (n < max)
				out[n++] = (ys_gspan){ r, c, r2 - r + 1, c2 - c + 1, s };
		}
	}
	return n;
}
