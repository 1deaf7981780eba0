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
	if (t->kind) {
		json_object_set_new(jt, "kind", json_string(t->kind));
		if (t->page)
			json_object_set_new(jt, "page", json_integer(t->page));
		if (t->note)
			json_object_set_new(jt, "note", json_string(t->note));
	}
	json_object_set_new(jt, "unit", json_string(ys_unit_name(t->unit)));
	if (!t->kind) {
		/* what the text layout prints besides the rows: the JSON reads
		 * back to the same tables (read/json.c) */
		if (t->subtitle && t->subtitle[0])
			json_object_set_new(jt, "subtitle", json_string(t->subtitle));
		/* "" when the table printed no 金额单位 line */
		json_object_set_new(jt, "unit_text", json_string(t->unit_line && t->unit_text ? t->unit_text : ""));
		json_t *hs = json_array();
		for (int h = 0; h < t->nheaders; h++) {
			json_t *jh = json_object(), *hc = json_array();
			json_object_set_new(jh, "before", json_integer(t->headers[h].before));
			for (int i = 0; i < t->headers[h].ncells; i++)
				json_array_append_new(hc, json_string(t->headers[h].cells[i]));
			json_object_set_new(jh, "cells", hc);
			json_array_append_new(hs, jh);
		}
		json_object_set_new(jt, "headers", hs);
	}
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
		if (t->page || row->page)
			json_object_set_new(jr, "page", json_integer(row->page));
		json_object_set_new(jr, "kind", json_string(kind_name(row->kind)));
		json_object_set_new(jr, "label", json_string(ys_row_label(t, r, 0, label, sizeof label)));
		if (d->flags & YS_TF_BLOCKS)
			json_object_set_new(jr, "block", json_integer(row->block));
		if (row->shape >= 0 && d->shapes)
			json_object_set_new(jr, "shape", json_string(d->shapes[row->shape].id));
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

/* An amount both ways: integer 分 and as 万元 printed to the 分. */
static json_t *money(int64_t fen)
{
	char buf[YS_MONEY_FMT_MAX];
	json_t *m = json_object();
	json_object_set_new(m, "fen", json_integer(fen));
	if (ys_money_format(buf, fen, YS_UNIT_WANYUAN, 6, YS_FMT_GROUP) >= 0)
		json_object_set_new(m, "wanyuan", json_string(buf));
	return m;
}

static json_t *pos_json(json_t *o, ys_pos pos)
{
	if (pos.file)
		json_object_set_new(o, "file", json_string(pos.file));
	if (pos.line)
		json_object_set_new(o, "line", json_integer(pos.line));
	return o;
}

static json_t *indicators(const ys_indicator *ind, int n)
{
	json_t *a = json_array();
	for (int i = 0; i < n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "level1", json_string(ind[i].l1 ? ind[i].l1 : ""));
		json_object_set_new(o, "level2", json_string(ind[i].l2 ? ind[i].l2 : ""));
		json_object_set_new(o, "level3", json_string(ind[i].l3 ? ind[i].l3 : ""));
		json_object_set_new(o, "op", json_string(ind[i].op ? ind[i].op : ""));
		json_object_set_new(o, "value", json_string(ind[i].value ? ind[i].value : ""));
		json_object_set_new(o, "unit", json_string(ind[i].unit ? ind[i].unit : ""));
		if (ind[i].activity)
			json_object_set_new(o, "activity", json_string(ind[i].activity));
		json_array_append_new(a, pos_json(o, ind[i].pos));
	}
	return a;
}

static json_t *budget_json(const ys_budget *b)
{
	json_t *o = json_object();
	json_object_set_new(o, "department", json_string(b->department ? b->department : ""));
	json_object_set_new(o, "year", json_integer(b->year));
	json_t *units = json_array();
	for (int i = 0; i < b->nunits; i++) {
		json_t *u = json_object();
		json_object_set_new(u, "name", json_string(b->units[i].name));
		json_object_set_new(u, "type", json_string(ys_unittype_name(b->units[i].type)));
		json_array_append_new(units, pos_json(u, b->units[i].pos));
	}
	json_object_set_new(o, "units", units);
	json_t *inc = json_object(), *car = json_object();
	for (int s = 0; s < YS_NSOURCES; s++)
		json_object_set_new(inc, ys_source_name(s), money(b->income[s]));
	for (int s = 0; s < YS_NCSOURCES; s++)
		json_object_set_new(car, ys_csource_name(s), money(b->carry[s]));
	json_object_set_new(o, "income", inc);
	json_object_set_new(o, "carry_over", car);
	json_t *items = json_array();
	for (size_t i = 0; i < b->nitems; i++) {
		const ys_item *it = &b->items[i];
		json_t *j = json_object();
		json_object_set_new(j, "unit", json_string(b->units[it->unit].name));
		json_object_set_new(j, "func", json_string(it->func));
		json_object_set_new(j, "econ", json_string(it->econ));
		if (it->gov[0])
			json_object_set_new(j, "gov", json_string(it->gov));
		json_object_set_new(j, "fund", json_string(ys_fund_name((ys_fundsrc)it->fund)));
		json_object_set_new(j, "carry_over", json_boolean(it->carry));
		json_object_set_new(j, "kind", json_string(it->kind == YS_PROJECT ? "project" : "basic"));
		if (it->project >= 0)
			json_object_set_new(j, "project", json_string(b->projects[it->project].code));
		if (it->flags & YS_ITEM_OPER)
			json_object_set_new(j, "oper", json_true());
		if (it->flags & YS_ITEM_UPPER)
			json_object_set_new(j, "upper", json_true());
		if (it->flags & YS_ITEM_SUBSID)
			json_object_set_new(j, "subsid", json_true());
		json_object_set_new(j, "amount", money(it->amount));
		json_array_append_new(items, pos_json(j, it->pos));
	}
	json_object_set_new(o, "items", items);
	json_t *projects = json_array();
	for (int i = 0; i < b->nprojects; i++) {
		const ys_project *pr = &b->projects[i];
		json_t *j = json_object();
		json_object_set_new(j, "code", json_string(pr->code));
		json_object_set_new(j, "name", json_string(pr->name ? pr->name : ""));
		json_object_set_new(j, "unit", json_string(b->units[pr->unit].name));
		json_object_set_new(j, "disclosed", json_boolean(pr->disclosed));
		json_object_set_new(j, "goal", json_string(pr->goal ? pr->goal : ""));
		json_object_set_new(j, "indicators", indicators(pr->ind, pr->nind));
		json_array_append_new(projects, pos_json(j, pr->pos));
	}
	json_object_set_new(o, "projects", projects);
	json_t *proc = json_array();
	for (int i = 0; i < b->nprocurement; i++) {
		json_t *j = json_object();
		char cat[2] = { b->procurement[i].category, 0 };
		json_object_set_new(j, "category", json_string(cat));
		json_object_set_new(j, "name", json_string(b->procurement[i].name ? b->procurement[i].name : ""));
		json_object_set_new(j, "amount", money(b->procurement[i].amount));
		json_array_append_new(proc, pos_json(j, b->procurement[i].pos));
	}
	json_object_set_new(o, "procurement", proc);
	json_t *svc = json_array();
	for (int i = 0; i < b->nservices; i++) {
		json_t *j = json_object();
		json_object_set_new(j, "level1", json_string(b->services[i].l1 ? b->services[i].l1 : ""));
		json_object_set_new(j, "level2", json_string(b->services[i].l2 ? b->services[i].l2 : ""));
		json_object_set_new(j, "level3", json_string(b->services[i].l3 ? b->services[i].l3 : ""));
		json_object_set_new(j, "amount", money(b->services[i].amount));
		json_array_append_new(svc, pos_json(j, b->services[i].pos));
	}
	json_object_set_new(o, "services", svc);
	json_t *sg = json_object();
	const int64_t v[4] = { b->sangong_abroad, b->sangong_reception, b->sangong_car_buy, b->sangong_car_run };
	static const char *const k[4] = { "abroad", "reception", "car_purchase", "car_running" };
	for (int i = 0; i < 4; i++)
		json_object_set_new(sg, k[i], v[i] >= 0 ? money(v[i]) : json_string("derived"));
	json_object_set_new(o, "sangong", sg);
	json_t *perf = json_object();
	json_object_set_new(perf, "unit", json_string(b->perf_unit ? b->perf_unit : ""));
	json_object_set_new(perf, "goal", json_string(b->perf_goal ? b->perf_goal : ""));
	json_object_set_new(perf, "notes", json_string(b->perf_notes ? b->perf_notes : ""));
	json_object_set_new(perf, "indicators", indicators(b->perf, b->nperf));
	json_object_set_new(o, "performance", perf);
	return o;
}

static ys_result dump(ys_ctx *ctx, json_t *root, ys_buf *out)
{
	char *s = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (!s)
		return ys_error(ctx, YS_ENOMEM, "生成 JSON 时内存不足");
	ys_buf_adds(out, s);
	ys_buf_addc(out, '\n');
	free(s);
	return out->oom ? ys_error(ctx, YS_ENOMEM, "生成 JSON 时内存不足") : YS_OK;
}

static json_t *doc_json(const ys_doc *doc, int tid)
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
	for (int i = 0; i < doc->nothers && tid < 0; i++)
		json_array_append_new(tables, table_json(doc->others[i]));
	json_object_set_new(root, "tables", tables);
	if (doc->nunread) {
		json_t *un = json_array();
		for (int i = 0; i < doc->nunread; i++) {
			json_t *u = json_object();
			json_object_set_new(u, "title", json_string(doc->unread[i].title));
			json_object_set_new(u, "line", json_integer(doc->unread[i].line));
			if (doc->unread[i].page)
				json_object_set_new(u, "page", json_integer(doc->unread[i].page));
			json_object_set_new(u, "why", json_string(doc->unread[i].why));
			json_array_append_new(un, u);
		}
		json_object_set_new(root, "unrecognised", un);
	}
	return root;
}

ys_result ys_render_json(ys_ctx *ctx, const ys_doc *doc, int tid, ys_buf *out)
{
	return dump(ctx, doc_json(doc, tid), out);
}

ys_result ys_render_budget_json(ys_ctx *ctx, const ys_doc *doc, const ys_budget *b, ys_buf *out)
{
	json_t *root = doc ? doc_json(doc, -1) : json_object();
	if (b) {
		/* the detail first, then the tables compiled from it */
		json_t *tables = json_incref(json_object_get(root, "tables"));
		if (tables)
			json_object_del(root, "tables");
		json_object_set_new(root, "budget", budget_json(b));
		if (tables)
			json_object_set_new(root, "tables", tables);
	}
	return dump(ctx, root, out);
}
