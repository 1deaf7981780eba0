/*
 * read/json.c - a disclosure from the JSON yusuan writes (`show --format
 * json`, tables.json of `build -o`; docs/reading.md).
 *
 * The JSON holds every printed cell (text, and 分 for amounts), the header
 * rows, the unit line and each form row's shape, so it is turned back into
 * the published text layout - title, subtitle, 金额单位, header rows, rows -
 * and read by the text reader (read/open.c hands it over): one classifier
 * for every format, as for XLSX.  A cell given only as 分 is printed in the table's unit; a cell
 * given both ways must agree to the 分.  Hand-written JSON may leave out
 * the headers (the layout's own are used) and everything but the cells.
 *
 * Errors in the JSON itself say where by path: tables[2].rows[5].cells.total.
 */
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "yusuan/doc.h"
#include "yusuan/money.h"
#include "base_int.h"
#include "read/read_int.h"

typedef struct jr {
	ys_ctx *ctx;
	const char *name;
	ys_buf text;
	int seen[YS_NTABLES + 1]; /* tables[i] + 1 of each table id, 0: not yet */
} jr;

/* A cell's text on one line of the layout: tabs and line ends would split it. */
static void put_text(ys_buf *b, const char *s)
{
	for (; *s; s++)
		ys_buf_addc(b, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

static const char *str_of(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* One cell: its text, checked against its 分 when both are given. */
static ys_result put_cell(jr *r, const ys_tabledef *d, ys_unit unit, int c, json_t *cells, int ti, int ri)
{
	json_t *jc = json_object_get(cells, d->cols[c].id);
	if (!jc || json_is_null(jc))
		return YS_OK;
	if (json_is_string(jc)) { /* "total": "1,234.000000" */
		put_text(&r->text, json_string_value(jc));
		return YS_OK;
	}
	if (!json_is_object(jc))
		return ys_error(r->ctx, YS_EPARSE, "%s：tables[%d].rows[%d].cells.%s：应为对象 {\"text\", \"fen\"} 或字符串",
		                r->name, ti, ri, d->cols[c].id);
	const char *text = str_of(jc, "text");
	json_t *fen = json_object_get(jc, "fen");
	if (fen && !json_is_integer(fen))
		return ys_error(r->ctx, YS_EPARSE, "%s：tables[%d].rows[%d].cells.%s.fen：应为以分计的整数",
		                r->name, ti, ri, d->cols[c].id);
	if (fen && d->cols[c].kind != YS_CK_AMOUNT)
		return ys_error(r->ctx, YS_EPARSE, "%s：tables[%d].rows[%d].cells.%s：%s 列不是金额列，却给出了 fen",
		                r->name, ti, ri, d->cols[c].id, d->cols[c].label);
	if (fen) {
		int64_t f = (int64_t)json_integer_value(fen);
		if (text) {
			ys_amount a;
			ys_money_err e;
			if (ys_money_parse(text, strlen(text), unit, &a, &e) || !a.present || a.fen != f)
				return ys_error(r->ctx, YS_EPARSE,
				                "%s：tables[%d].rows[%d].cells.%s：文字“%.64s”与 fen %lld 不一致（单位 %s）",
				                r->name, ti, ri, d->cols[c].id, text, (long long)f, ys_unit_name(unit));
		} else {
			char buf[YS_MONEY_FMT_MAX];
			if (ys_money_format(buf, f, unit, ys_unit_decimals(unit), YS_FMT_GROUP) < 0)
				return ys_error(r->ctx, YS_EPARSE, "%s：tables[%d].rows[%d].cells.%s：fen %lld 无法以 %s 印出",
				                r->name, ti, ri, d->cols[c].id, (long long)f, ys_unit_name(unit));
			put_text(&r->text, buf);
			return YS_OK;
		}
	}
	if (text)
		put_text(&r->text, text);
	return YS_OK;
}

static ys_result put_row(jr *r, const ys_tabledef *d, ys_unit unit, json_t *row, int ti, int ri)
{
	json_t *cells = json_object_get(row, "cells");
	if (!json_is_object(cells))
		return ys_error(r->ctx, YS_EPARSE, "%s：tables[%d].rows[%d]：应为含 \"cells\" 的对象", r->name, ti,
		                ri);
	const char *sid = str_of(row, "shape");
	const ys_shape *sh = NULL;
	if (sid) {
		for (int k = 0; k < d->nshapes && !sh; k++)
			if (!strcmp(d->shapes[k].id, sid))
				sh = &d->shapes[k];
		if (!sh)
			return ys_error(r->ctx, YS_EPARSE, "%s：tables[%d].rows[%d].shape：表 %s 没有行式“%s”", r->name,
			                ti, ri, d->code, sid);
	} else if (d->nshapes) {
		return ys_error(r->ctx, YS_EPARSE, "%s：tables[%d].rows[%d]：表 %s 的行需要 \"shape\"（所属的表单行）",
		                r->name, ti, ri, d->code);
	}
	ys_result e = YS_OK;
	if (sh) {
		for (int i = 0; i < sh->nslots && !e; i++) {
			if (i)
				ys_buf_addc(&r->text, '\t');
			if (sh->slots[i] == -2)
				ys_buf_adds(&r->text, sh->lead);
			else if (sh->slots[i] >= 0)
				e = put_cell(r, d, unit, sh->slots[i], cells, ti, ri);
		}
	} else {
		for (int c = 0; c < d->ncols && !e; c++) {
			if (c)
				ys_buf_addc(&r->text, '\t');
			e = put_cell(r, d, unit, c, cells, ti, ri);
		}
	}
	ys_buf_addc(&r->text, '\n');
	return e;
}

/* The header rows printed before row `before`: the next ones of hs from
 * *at (headers come in the order of the rows they precede).  Without
 * headers in the JSON, the layout's own before the first row. */
static void put_headers(jr *r, json_t *hs, size_t *at, int before, const ys_tabledef *d)
{
	if (!json_is_array(hs)) {
		for (const char *const *l = d->layout; before == 0 && l && *l; l++) {
			ys_buf_adds(&r->text, *l);
			ys_buf_addc(&r->text, '\n');
		}
		return;
	}
	for (; *at < json_array_size(hs); ++*at) {
		json_t *h = json_array_get(hs, *at), *b = json_object_get(h, "before"), *cells = json_object_get(h, "cells");
		if ((json_is_integer(b) ? json_integer_value(b) : 0) > before)
			break;
		size_t k;
		json_t *c;
		json_array_foreach(cells, k, c) {
			if (k)
				ys_buf_addc(&r->text, '\t');
			if (json_is_string(c))
				put_text(&r->text, json_string_value(c));
		}
		ys_buf_addc(&r->text, '\n');
	}
}

static ys_result put_table(jr *r, json_t *t, int ti)
{
	if (!json_is_object(t))
		return ys_error(r->ctx, YS_EPARSE, "%s：tables[%d]：应为对象", r->name, ti);
	if (json_object_get(t, "kind"))
		return ys_error(r->ctx, YS_EPARSE,
		                "%s：tables[%d]：其他版式的表（\"kind\"）：请读取其原始文件",
		                r->name, ti);
	const char *id = str_of(t, "id");
	const ys_tabledef *d = id ? ys_table_def_by_code(id) : NULL;
	if (!d)
		return ys_error(r->ctx, YS_EPARSE, "%s：tables[%d].id：应为表号 01..13，实为“%s”", r->name, ti,
		                id ? id : "(none)");
	if (r->seen[d->id])
		return ys_error(r->ctx, YS_EPARSE, "%s：tables[%d]：表 %s 第二次出现（第一次为 tables[%d]）",
		                r->name, ti, d->code, r->seen[d->id] - 1);
	r->seen[d->id] = ti + 1;
	const char *us = str_of(t, "unit");
	ys_unit unit = YS_UNIT_WANYUAN;
	if (us && ys_unit_parse(us, strlen(us), &unit) != 0)
		return ys_error(r->ctx, YS_EPARSE, "%s：tables[%d].unit：应为 万元 或 元，实为“%s”", r->name, ti, us);
	const char *title = str_of(t, "title");
	if (title) {
		put_text(&r->text, title);
	} else {
		ys_buf_addf(&r->text, "预算%s表 %s", d->code, d->title);
	}
	ys_buf_adds(&r->text, "\n\n");
	const char *sub = str_of(t, "subtitle");
	if (sub) {
		put_text(&r->text, sub);
		ys_buf_adds(&r->text, "\n\n");
	}
	/* the 金额单位 line as printed ("": none); when not given, the unit's */
	const char *ut = str_of(t, "unit_text");
	if (ut && ut[0]) {
		put_text(&r->text, ut);
		ys_buf_adds(&r->text, "\n\n");
	} else if (!ut && !(d->flags & YS_TF_FORM)) {
		ys_buf_addf(&r->text, "金额单位：%s\n\n", ys_unit_name(unit));
	}
	json_t *hs = json_object_get(t, "headers");
	json_t *rows = json_object_get(t, "rows");
	if (!json_is_array(rows))
		return ys_error(r->ctx, YS_EPARSE, "%s：tables[%d].rows：应为数组", r->name, ti);
	size_t n = json_array_size(rows);
	if (n > YS_TABLE_ROWS_MAX)
		return ys_error(r->ctx, YS_ELIMIT, "%s：tables[%d]：一张表超过 %d 行", r->name, ti,
		                YS_TABLE_ROWS_MAX);
	ys_result e = YS_OK;
	json_int_t page = 0;
	size_t hat = 0;
	for (size_t i = 0; i <= n && !e; i++) {
		json_t *pg = i < n ? json_object_get(json_array_get(rows, i), "page") : NULL;
		if (json_is_integer(pg) && json_integer_value(pg) > page) {
			ys_buf_addc(&r->text, '\n'); /* a page break: a blank line, as printed */
			page = json_integer_value(pg);
		}
		put_headers(r, hs, &hat, (int)i, d);
		if (i < n)
			e = put_row(r, d, unit, json_array_get(rows, i), ti, (int)i);
	}
	ys_buf_addc(&r->text, '\n');
	return e;
}

static int int_of(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	json_int_t x = json_is_integer(v) ? json_integer_value(v) : 0;
	return x > 0 && x < INT_MAX ? (int)x : 0;
}

/* The lines the JSON records (the source document's) replace the lines of
 * the text made here, so that findings point where the tables came from.
 * Only when every table read has as many rows as the JSON gave. */
static void keep_lines(ys_doc *doc, json_t *tables)
{
	size_t i;
	json_t *t;
	json_array_foreach(tables, i, t) {
		const char *id = str_of(t, "id");
		const ys_tabledef *d = id ? ys_table_def_by_code(id) : NULL;
		ys_table *tb = d ? doc->tables[d->id] : NULL;
		json_t *rows = json_object_get(t, "rows");
		if (!tb || json_array_size(rows) != (size_t)tb->nrows)
			continue;
		if (int_of(t, "line"))
			tb->line = int_of(t, "line");
		for (int k = 0; k < tb->nrows; k++) {
			json_t *jrow = json_array_get(rows, (size_t)k), *cells = json_object_get(jrow, "cells");
			ys_row *row = &tb->rows[k];
			if (!int_of(jrow, "line"))
				continue;
			row->line = int_of(jrow, "line");
			for (int c = 0; c < d->ncols; c++) {
				json_t *jc = json_object_get(cells, d->cols[c].id);
				if (!row->cells[c].line)
					continue;
				row->cells[c].line = int_of(jc, "line") ? int_of(jc, "line") : row->line;
				row->cells[c].col = int_of(jc, "col");
			}
		}
	}
}

ys_result ys_json_text(ys_ctx *ctx, const char *name, const char *data, size_t len, ys_buf *text, void **keep)
{
	*keep = NULL;
	json_error_t err;
	json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &err);
	if (!root)
		return ys_error(ctx, YS_EPARSE, "%s:%d:%d：JSON 格式有误：%s", name, err.line, err.column, err.text);
	ys_result e = YS_OK;
	json_t *tables = json_object_get(root, "tables");
	if (!json_is_object(root) || !json_is_array(tables) || json_array_size(tables) == 0) {
		json_decref(root);
		return ys_error(ctx, YS_EPARSE, "%s：应为 yusuan 写出的公开文件：含 \"tables\" 的对象", name);
	}
	jr r = { ctx, name, YS_BUF_INIT, { 0 } };
	size_t i;
	json_t *t;
	json_array_foreach(tables, i, t) {
		if ((e = put_table(&r, t, (int)i)) != YS_OK)
			break;
	}
	if (!e && r.text.oom)
		e = ys_error(ctx, YS_ENOMEM, "%s：内存不足", name);
	if (!e && r.text.len > YS_FILE_MAX)
		e = ys_error(ctx, YS_ELIMIT, "%s：各表的文字超过 %zu MiB", name, YS_FILE_MAX >> 20);
	if (e) {
		json_decref(root);
		ys_buf_release(&r.text);
		return e;
	}
	*text = r.text;
	*keep = root;
	return YS_OK;
}

void ys_json_keep(ys_doc *doc, void *keep)
{
	keep_lines(doc, json_object_get(keep, "tables"));
	doc->encoding = YS_ENC_UTF8; /* JSON is UTF-8; a BOM in a title is not the file's */
}

void ys_json_keep_free(void *keep)
{
	json_decref(keep);
}
