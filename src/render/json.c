/*
 * render/json.c - the document as JSON (jansson: exact 64-bit integers).
 */
#include <jansson.h>
#include <stdlib.h>

#include "yusuan/render.h"
#include "base_int.h"

/* jansson's setters fail (a NULL value, no memory for the slot) by
 * returning -1, which a tree built in one expression cannot look at: a
 * failure is counted instead, and the renderer fails with YS_ENOMEM
 * (base_int.h). */
static void jset(json_t *o, const char *key, json_t *v)
{
	if (json_object_set_new(o, key, v))
		ys_oom_note();
}

static void jpush(json_t *a, json_t *v)
{
	if (json_array_append_new(a, v))
		ys_oom_note();
}

static const char *kind_name(int k)
{
	static const char *const n[] = { "data", "total", "indicator", "field" };
	return k >= 0 && k < 4 ? n[k] : "?";
}

static json_t *table_json(const ys_table *t)
{
	const ys_tabledef *d = t->def;
	json_t *jt = json_object();
	jset(jt, "id", json_string(d->code));
	jset(jt, "name", json_string(d->title));
	jset(jt, "title", json_string(t->title));
	jset(jt, "numbering", json_string(t->numbering));
	jset(jt, "line", json_integer(t->line));
	if (t->kind) {
		jset(jt, "kind", json_string(t->kind));
		if (t->page)
			jset(jt, "page", json_integer(t->page));
		if (t->note)
			jset(jt, "note", json_string(t->note));
	}
	jset(jt, "unit", json_string(ys_unit_name(t->unit)));
	if (!t->kind) {
		/* what the text layout prints besides the rows: the JSON reads
		 * back to the same tables (read/json.c) */
		if (t->subtitle && t->subtitle[0])
			jset(jt, "subtitle", json_string(t->subtitle));
		/* "" when the table printed no 金额单位 line */
		jset(jt, "unit_text", json_string(t->unit_line && t->unit_text ? t->unit_text : ""));
		json_t *hs = json_array();
		for (int h = 0; h < t->nheaders; h++) {
			json_t *jh = json_object(), *hc = json_array();
			jset(jh, "before", json_integer(t->headers[h].before));
			for (int i = 0; i < t->headers[h].ncells; i++)
				jpush(hc, json_string(t->headers[h].cells[i]));
			jset(jh, "cells", hc);
			jpush(hs, jh);
		}
		jset(jt, "headers", hs);
	}
	json_t *cols = json_array();
	for (int c = 0; c < d->ncols; c++) {
		json_t *jc = json_object();
		jset(jc, "id", json_string(d->cols[c].id));
		jset(jc, "label", json_string(d->cols[c].label));
		jset(jc, "amount", json_boolean(d->cols[c].kind == YS_CK_AMOUNT));
		jpush(cols, jc);
	}
	jset(jt, "columns", cols);
	json_t *rows = json_array();
	char label[256];
	for (int r = 0; r < t->nrows; r++) {
		const ys_row *row = &t->rows[r];
		json_t *jr = json_object();
		jset(jr, "line", json_integer(row->line));
		if (t->page || row->page)
			jset(jr, "page", json_integer(row->page));
		jset(jr, "kind", json_string(kind_name(row->kind)));
		jset(jr, "label", json_string(ys_row_label(t, r, 0, label, sizeof label)));
		if (d->flags & YS_TF_BLOCKS)
			jset(jr, "block", json_integer(row->block));
		if (row->shape >= 0 && d->shapes)
			jset(jr, "shape", json_string(d->shapes[row->shape].id));
		json_t *cells = json_object();
		for (int c = 0; c < d->ncols; c++) {
			const ys_cell *cell = &row->cells[c];
			if (ys_cell_blank(cell))
				continue;
			json_t *jc = json_object();
			jset(jc, "text", json_string(cell->text));
			if (d->cols[c].kind == YS_CK_AMOUNT && cell->amt.present)
				jset(jc, "fen", json_integer(cell->amt.fen));
			jset(jc, "line", json_integer(cell->line));
			jset(jc, "col", json_integer(cell->col));
			jset(cells, d->cols[c].id, jc);
		}
		jset(jr, "cells", cells);
		jpush(rows, jr);
	}
	jset(jt, "rows", rows);
	return jt;
}

/* An amount both ways: integer 分 and as 万元 printed to the 分. */
static json_t *money(int64_t fen)
{
	char buf[YS_MONEY_FMT_MAX];
	json_t *m = json_object();
	jset(m, "fen", json_integer(fen));
	if (ys_money_format(buf, fen, YS_UNIT_WANYUAN, 6, YS_FMT_GROUP) >= 0)
		jset(m, "wanyuan", json_string(buf));
	return m;
}

static json_t *pos_json(json_t *o, ys_pos pos)
{
	if (pos.file)
		jset(o, "file", json_string(pos.file));
	if (pos.line)
		jset(o, "line", json_integer(pos.line));
	return o;
}

static json_t *indicators(const ys_indicator *ind, int n)
{
	json_t *a = json_array();
	for (int i = 0; i < n; i++) {
		json_t *o = json_object();
		jset(o, "level1", json_string(ind[i].l1 ? ind[i].l1 : ""));
		jset(o, "level2", json_string(ind[i].l2 ? ind[i].l2 : ""));
		jset(o, "level3", json_string(ind[i].l3 ? ind[i].l3 : ""));
		jset(o, "op", json_string(ind[i].op ? ind[i].op : ""));
		jset(o, "value", json_string(ind[i].value ? ind[i].value : ""));
		jset(o, "unit", json_string(ind[i].unit ? ind[i].unit : ""));
		if (ind[i].activity)
			jset(o, "activity", json_string(ind[i].activity));
		jpush(a, pos_json(o, ind[i].pos));
	}
	return a;
}

static json_t *budget_json(const ys_budget *b)
{
	json_t *o = json_object();
	jset(o, "department", json_string(b->department ? b->department : ""));
	jset(o, "year", json_integer(b->year));
	json_t *units = json_array();
	for (int i = 0; i < b->nunits; i++) {
		json_t *u = json_object();
		jset(u, "name", json_string(b->units[i].name));
		jset(u, "type", json_string(ys_unittype_name(b->units[i].type)));
		jpush(units, pos_json(u, b->units[i].pos));
	}
	jset(o, "units", units);
	json_t *inc = json_object(), *car = json_object();
	for (int s = 0; s < YS_NSOURCES; s++)
		jset(inc, ys_fund_name((ys_fundsrc)s), money(b->income[s]));
	for (int s = 0; s < YS_NCSOURCES; s++)
		jset(car, ys_fund_name(ys_csource_fund(s)), money(b->carry[s]));
	jset(o, "income", inc);
	jset(o, "carry_over", car);
	json_t *items = json_array();
	for (size_t i = 0; i < b->nitems; i++) {
		const ys_item *it = &b->items[i];
		json_t *j = json_object();
		jset(j, "unit", json_string(b->units[it->unit].name));
		jset(j, "func", json_string(it->func));
		jset(j, "econ", json_string(it->econ));
		if (it->gov[0])
			jset(j, "gov", json_string(it->gov));
		jset(j, "fund", json_string(ys_fund_name((ys_fundsrc)it->fund)));
		jset(j, "carry_over", json_boolean(it->carry));
		jset(j, "kind", json_string(it->kind == YS_PROJECT ? "project" : "basic"));
		if (it->project >= 0)
			jset(j, "project", json_string(b->projects[it->project].code));
		if (it->flags & YS_ITEM_OPER)
			jset(j, "oper", json_true());
		if (it->flags & YS_ITEM_UPPER)
			jset(j, "upper", json_true());
		if (it->flags & YS_ITEM_SUBSID)
			jset(j, "subsid", json_true());
		jset(j, "amount", money(it->amount));
		jpush(items, pos_json(j, it->pos));
	}
	jset(o, "items", items);
	json_t *projects = json_array();
	for (int i = 0; i < b->nprojects; i++) {
		const ys_project *pr = &b->projects[i];
		json_t *j = json_object();
		jset(j, "code", json_string(pr->code));
		jset(j, "name", json_string(pr->name ? pr->name : ""));
		jset(j, "unit", json_string(b->units[pr->unit].name));
		jset(j, "disclosed", json_boolean(pr->disclosed));
		jset(j, "goal", json_string(pr->goal ? pr->goal : ""));
		jset(j, "indicators", indicators(pr->ind, pr->nind));
		jpush(projects, pos_json(j, pr->pos));
	}
	jset(o, "projects", projects);
	json_t *proc = json_array();
	for (int i = 0; i < b->nprocurement; i++) {
		json_t *j = json_object();
		char cat[2] = { b->procurement[i].category, 0 };
		jset(j, "category", json_string(cat));
		jset(j, "name", json_string(b->procurement[i].name ? b->procurement[i].name : ""));
		jset(j, "amount", money(b->procurement[i].amount));
		jpush(proc, pos_json(j, b->procurement[i].pos));
	}
	jset(o, "procurement", proc);
	json_t *svc = json_array();
	for (int i = 0; i < b->nservices; i++) {
		json_t *j = json_object();
		jset(j, "level1", json_string(b->services[i].l1 ? b->services[i].l1 : ""));
		jset(j, "level2", json_string(b->services[i].l2 ? b->services[i].l2 : ""));
		jset(j, "level3", json_string(b->services[i].l3 ? b->services[i].l3 : ""));
		jset(j, "amount", money(b->services[i].amount));
		jpush(svc, pos_json(j, b->services[i].pos));
	}
	jset(o, "services", svc);
	json_t *sg = json_object();
	const int64_t v[4] = { b->sangong_abroad, b->sangong_reception, b->sangong_car_buy, b->sangong_car_run };
	static const char *const k[4] = { "abroad", "reception", "car_purchase", "car_running" };
	for (int i = 0; i < 4; i++)
		jset(sg, k[i], v[i] >= 0 ? money(v[i]) : json_string("derived"));
	jset(o, "sangong", sg);
	json_t *perf = json_object();
	jset(perf, "unit", json_string(b->perf_unit ? b->perf_unit : ""));
	jset(perf, "goal", json_string(b->perf_goal ? b->perf_goal : ""));
	jset(perf, "notes", json_string(b->perf_notes ? b->perf_notes : ""));
	jset(perf, "indicators", indicators(b->perf, b->nperf));
	jset(o, "performance", perf);
	return o;
}

/* jansson writes into out; a failed append stops everything after it (the
 * buffer's flag is sticky), so no part can go missing unnoticed - jansson
 * 2.14 ignores a failure to write an object's key. */
static int dump_cb(const char *s, size_t n, void *data)
{
	ys_buf *out = data;
	ys_buf_add(out, s, n);
	return out->oom ? -1 : 0;
}

static ys_result dump(ys_ctx *ctx, json_t *root, ys_buf *out)
{
	int bad = !root || json_dump_callback(root, dump_cb, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER) != 0;
	json_decref(root);
	ys_buf_addc(out, '\n');
	return bad || out->oom ? ys_error(ctx, YS_ENOMEM, "生成 JSON 时内存不足") : YS_OK;
}

static json_t *doc_json(const ys_doc *doc, int tid)
{
	json_t *root = json_object();
	jset(root, "file", json_string(doc->file));
	jset(root, "department", json_string(doc->department));
	jset(root, "year", json_integer(doc->year));
	jset(root, "encoding", json_string(ys_encoding_name(doc->encoding)));
	json_t *tables = json_array();
	for (int i = 0; i < doc->ntables; i++) {
		const ys_table *t = doc->tables[doc->order[i]];
		if (tid >= 0 && (int)t->def->id != tid)
			continue;
		jpush(tables, table_json(t));
	}
	for (int i = 0; i < doc->nothers && tid < 0; i++)
		jpush(tables, table_json(doc->others[i]));
	jset(root, "tables", tables);
	if (doc->nunread) {
		json_t *un = json_array();
		for (int i = 0; i < doc->nunread; i++) {
			json_t *u = json_object();
			jset(u, "title", json_string(doc->unread[i].title));
			jset(u, "line", json_integer(doc->unread[i].line));
			if (doc->unread[i].page)
				jset(u, "page", json_integer(doc->unread[i].page));
			jset(u, "why", json_string(doc->unread[i].why));
			jpush(un, u);
		}
		jset(root, "unrecognised", un);
	}
	return root;
}

static ys_result render_json_body(ys_ctx *ctx, const ys_doc *doc, int tid, ys_buf *out)
{
	return dump(ctx, doc_json(doc, tid), out);
}

ys_result ys_render_json(ys_ctx *ctx, const ys_doc *doc, int tid, ys_buf *out)
{
	unsigned long mark = ys_oom_mark();
	ys_result r = ys_oom_check(ctx, render_json_body(ctx, doc, tid, out), mark);
	return r;
}

static ys_result render_budget_json_body(ys_ctx *ctx, const ys_doc *doc, const ys_budget *b, ys_buf *out)
{
	json_t *root = doc ? doc_json(doc, -1) : json_object();
	if (b) {
		/* the detail first, then the tables compiled from it */
		json_t *tables = json_incref(json_object_get(root, "tables"));
		if (tables)
			json_object_del(root, "tables");
		jset(root, "budget", budget_json(b));
		if (tables)
			jset(root, "tables", tables);
	}
	return dump(ctx, root, out);
}

ys_result ys_render_budget_json(ys_ctx *ctx, const ys_doc *doc, const ys_budget *b, ys_buf *out)
{
	unsigned long mark = ys_oom_mark();
	ys_result r = ys_oom_check(ctx, render_budget_json_body(ctx, doc, b, out), mark);
	return r;
}
