/*
 * render/csv.c - tables as CSV (RFC 4180, UTF-8).
 */
#include <inttypes.h>
#include <string.h>

#include "render/grid.h"
#include "yusuan/render.h"
#include "base_int.h"

static const char *kind_name(int k)
{
	static const char *const n[] = { "data", "total", "indicator", "field" };
	return k >= 0 && k < 4 ? n[k] : "?";
}

static void one_table(ys_buf *out, const ys_table *t)
{
	const ys_tabledef *d = t->def;
	ys_buf_adds(out, "line");
	for (int c = 0; c < d->ncols; c++) {
		ys_buf_addc(out, ',');
		ys_csv_quote(out, d->cols[c].label);
	}
	ys_buf_addc(out, '\n');
	for (int r = 0; r < t->nrows; r++) {
		const ys_row *row = &t->rows[r];
		ys_buf_addf(out, "%d", row->line);
		for (int c = 0; c < d->ncols; c++) {
			ys_buf_addc(out, ',');
			ys_csv_quote(out, row->cells[c].text);
		}
		ys_buf_addc(out, '\n');
	}
}

/* name and title: the seed's table code and name, or a general reader's
 * table's name (g01) and printed title */
static void long_table(ys_buf *out, const ys_table *t, const char *name, const char *title)
{
	const ys_tabledef *d = t->def;
	char label[256];
	for (int r = 0; r < t->nrows; r++) {
		const ys_row *row = &t->rows[r];
		for (int c = 0; c < d->ncols; c++) {
			const ys_cell *cell = &row->cells[c];
			if (ys_cell_blank(cell))
				continue;
			int panel = d->cols[c].panel;
			ys_csv_quote(out, name);
			ys_buf_addc(out, ',');
			ys_csv_quote(out, title);
			ys_buf_addc(out, ',');
			ys_csv_quote(out, ys_row_label(t, r, panel, label, sizeof label));
			ys_buf_addf(out, ",%s,%d,%d,%s,", kind_name(row->kind), cell->line, cell->col, d->cols[c].id);
			ys_csv_quote(out, d->cols[c].label);
			ys_buf_addc(out, ',');
			ys_csv_quote(out, cell->text);
			if (d->cols[c].kind == YS_CK_AMOUNT && cell->amt.present)
				ys_buf_addf(out, ",%" PRId64 "\n", cell->amt.fen);
			else
				ys_buf_adds(out, ",\n");
		}
	}
}

static ys_result render_csv_body(ys_ctx *ctx, const ys_doc *doc, int tid, ys_buf *out)
{
	if (tid >= 0) {
		const ys_table *t = ys_doc_table_at(doc, tid);
		if (t)
			one_table(out, t);
	} else {
		ys_buf_adds(out, "table,title,row,kind,line,col,column_id,column,text,fen\n");
		for (int k = 0; k < ys_grid_ntables(doc); k++) {
			char name[16];
			int id;
			const ys_table *t = ys_grid_table(doc, k, &id, name);
			long_table(out, t, name, id < YS_NTABLES ? t->def->title : t->title);
		}
	}
	return out->oom ? ys_error(ctx, YS_ENOMEM, "生成 CSV 时内存不足") : YS_OK;
}

ys_result ys_render_csv(ys_ctx *ctx, const ys_doc *doc, int tid, ys_buf *out)
{
	unsigned long mark = ys_oom_mark();
	ys_result r = ys_oom_check(ctx, render_csv_body(ctx, doc, tid, out), mark);
	return r;
}
