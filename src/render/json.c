/*
 * render/json.c - the document as JSON (jansson: exact 64-bit integers).
 */
#include <jansson.h>
#include <stdlib.h>

#include "yusuan/render.h"

static const char *kind_name(int k)
{
	static const char *const n[] = { "data", "total", "indicator", "field" };
	return k >= 0 && k < 4 ? n[k] : "?";
}

static json_t *table_json(const ys_table *t)
{
	const ys_tabledef *d = t->def;
	json_t *jt = json_object();
	json_object_set_new(jt, "id", json_string(d->code));
	json_object_set_new(jt, "name", json_string(d->title));
	json_object_set_new(jt, "title", json_string(t->title));
	json_object_set_new(jt, "numbering", json_string(t->numbering));
	json_object_set_new(jt, "line", json_integer(t->line));
	json_object_set_new(jt, "unit", json_string(ys_unit_name(t->unit)));
	json_t *cols = json_array();
	for (int c = 0; c < d->ncols; c++) {
		json_t *jc = json_object();
		json_object_set_new(jc, "id", json_string(d->cols[c].id));
		json_object_set_new(jc, "label", json_string(d->cols[c].label));
		json_object_set_new(jc, "amount", json_boolean(d->cols[c].kind == YS_CK_AMOUNT));
		json_array_append_new(cols, jc);
	}
	json_object_set_new(jt, "columns", cols);
	json_t *rows = json_array();
	char label[256];
	for (int r = 0; r < t->nrows; r++) {
		const ys_row *row = &t->rows[r];
		json_t *jr = json_object();
		json_object_set_new(jr, "line", json_integer(row->line));
		json_object_set_new(jr, "kind", json_string(kind_name(row->kind)));
		json_object_set_new(jr, "label", json_string(ys_row_label(t, r, 0, label, sizeof label)));
		if (d->flags & YS_TF_BLOCKS)
			json_object_set_new(jr, "block", json_integer(row->block));
		json_t *cells = json_object();
		for (int c = 0; c < d->ncols; c++) {
			const ys_cell *cell = &row->cells[c];
			if (ys_cell_blank(cell))
				continue;
			json_t *jc = json_object();
			json_object_set_new(jc, "text", json_string(cell->text));
			if (d->cols[c].kind == YS_CK_AMOUNT && cell->amt.present)
				json_object_set_new(jc, "fen", json_integer(cell->amt.fen));
			json_object_set_new(jc, "line", json_integer(cell->line));
			json_object_set_new(jc, "col", json_integer(cell->col));
			json_object_set_new(cells, d->cols[c].id, jc);
		}
		json_object_set_new(jr, "cells", cells);
		json_array_append_new(rows, jr);
	}
	json_object_set_new(jt, "rows", rows);
	return jt;
}

ys_result ys_render_json(ys_ctx *ctx, const ys_doc *doc, int tid, ys_buf *out)
{
	json_t *root = json_object();
	json_object_set_new(root, "file", json_string(doc->file));
	json_object_set_new(root, "department", json_string(doc->department));
	json_object_set_new(root, "year", json_integer(doc->year));
	json_object_set_new(root, "encoding", json_string(ys_encoding_name(doc->encoding)));
	json_t *tables = json_array();
	for (int i = 0; i < doc->ntables; i++) {
		const ys_table *t = doc->tables[doc->order[i]];
		if (tid >= 0 && (int)t->def->id != tid)
			continue;
		json_array_append_new(tables, table_json(t));
	}
	json_object_set_new(root, "tables", tables);
	char *s = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (!s)
		return ys_error(ctx, YS_ENOMEM, "out of memory rendering JSON");
	ys_buf_adds(out, s);
	ys_buf_addc(out, '\n');
	free(s);
	return out->oom ? ys_error(ctx, YS_ENOMEM, "out of memory rendering JSON") : YS_OK;
}
