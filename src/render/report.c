/*
 * render/report.c - the check report: what was read (coverage) and what was
 * found, as text for people, JSON for programs and CSV for spreadsheets;
 * and the summary of a run over many documents (yusuan check PATH…).
 *
 * It lives in the library so that the CLI, a library user and the server
 * render one report alike: the caller only chooses the format.  The CSV is
 * RFC 4180 (CRLF, fields with , " CR LF quoted), UTF-8 with a BOM, amounts
 * as plain numbers in the table's unit (1416.945232): what Excel and WPS
 * open as it is.
 */
#include <inttypes.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

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

/* s padded with spaces to width terminal columns (CJK counts 2); right
 * aligned when right. */
static void pad(ys_buf *out, const char *s, size_t width, int right)
{
	size_t w = ys_utf8_width(s);
	if (!right)
		ys_buf_adds(out, s);
	for (; w < width; w++)
		ys_buf_addc(out, ' ');
	if (right)
		ys_buf_adds(out, s);
}

/* An amount in the finding's unit and decimals; grouped (33,149.176143)
 * for people, plain (33149.176143) for CSV. */
static const char *amount(const ys_finding *f, int64_t fen, unsigned flags, char *buf)
{
	if (ys_money_format(buf, fen, f->unit, f->dp, flags) < 0)
		ys_money_format(buf, fen, f->unit, ys_unit_decimals(f->unit), flags);
	return buf;
}

/* The table's name for people: 预算01表 收支总表, or the title as printed. */
static const char *table_name(const ys_table *t, char *buf, size_t cap)
{
	if (!t)
		snprintf(buf, cap, "文档");
	else if (t->kind)
		snprintf(buf, cap, "%s", t->title);
	else if (t->numbering && t->numbering[0])
		snprintf(buf, cap, "%s %s", t->numbering, t->def->title);
	else
		snprintf(buf, cap, "%s表 %s", t->def->code, t->def->title);
	return buf;
}

/* The table's key in JSON and CSV: its code ("01") in the 13-table set,
 * else its title as printed. */
static const char *table_key(const ys_table *t)
{
	return !t ? "" : t->kind ? t->title : t->def->code;
}

static const char *finding_file(const ys_report *rep, const ys_finding *f)
{
	return f->file ? f->file : rep->file;
}

/* ---- text ----------------------------------------------------------------- */

static void text_coverage(ys_buf *out, const ys_doc *doc, const ys_report *rep)
{
	const ys_coverage *cov = &rep->cov;
	char name[512], pl[600];
	ys_buf_addf(out, "%s：读到 %d 张表", rep->file, cov->ntables);
	if (doc->ntables && doc->nothers)
		ys_buf_addf(out, "（13 张一套中的 %d 张，另有 %d 张通用读取）", doc->ntables, doc->nothers);
	else if (doc->ntables)
		ys_buf_adds(out, "（13 张一套）");
	else if (doc->nothers)
		ys_buf_addf(out, "（通用读取，%s）", doc->paged ? "PDF" : "文本");
	if (cov->unrecognised)
		ys_buf_addf(out, "，%d 个表题未能识别", cov->unrecognised);
	ys_buf_addc(out, '\n');
	if (cov->ntables) {
		static const char *const head[] = { "行数", "读到金额", "无法读取", "等式" };
		static const size_t width[] = { 6, 10, 10, 7 };
		ys_buf_adds(out, "  ");
		for (int k = 0; k < 4; k++)
			pad(out, head[k], width[k], 1);
		ys_buf_adds(out, "  表\n");
	}
	for (int i = 0; i < cov->ntables; i++) {
		const ys_tablecov *c = &cov->tables[i];
		const ys_table *t = ys_doc_table_at(doc, c->table);
		ys_buf_addf(out, "  %6d%10d%10d%7d  %s", c->rows, c->amounts, c->unreadable, c->identities,
		            table_name(t, name, sizeof name));
		if (t && t->kind) {
			ys_buf_addf(out, "（%s", t->kind);
			if (t->page)
				ys_buf_addf(out, "，%s", ys_doc_page_label(doc, t->page, pl, sizeof pl));
			if (t->note)
				ys_buf_addf(out, "；%s%s", strncmp(t->note, "注", 3) ? "注：" : "", t->note);
			ys_buf_adds(out, "）");
		}
		ys_buf_addc(out, '\n');
	}
	for (int i = 0; i < doc->nunread; i++) {
		ys_buf_addf(out, "  未能识别：%s", doc->unread[i].title);
		if (doc->unread[i].page)
			ys_buf_addf(out, "（%s）", ys_doc_page_label(doc, doc->unread[i].page, pl, sizeof pl));
		ys_buf_addf(out, "：%s\n", doc->unread[i].why);
	}
}

static void text_findings(ys_buf *out, const ys_doc *doc, const ys_report *rep)
{
	char name[512], pl[600];
	int cur = -2;
	for (size_t i = 0; i < rep->nfindings; i++) {
		const ys_finding *f = &rep->findings[i];
		if (f->table != cur) {
			cur = f->table;
			const ys_table *t = ys_doc_table_at(doc, cur);
			if (cur < 0 || !t)
				ys_buf_adds(out, "\n文档\n");
			else if (t->page)
				ys_buf_addf(out, "\n%s（%s）\n", table_name(t, name, sizeof name),
				            ys_doc_page_label(doc, t->page, pl, sizeof pl));
			else
				ys_buf_addf(out, "\n%s（第 %d 行）\n", table_name(t, name, sizeof name), t->line);
		}
		ys_buf_adds(out, "  ");
		pad(out, ys_severity_label(f->sev), 6, 0);
		if (f->page)
			ys_buf_addf(out, "%s 第 %d 页", finding_file(rep, f), f->page);
		else if (f->line)
			ys_buf_addf(out, "%s:%d", finding_file(rep, f), f->line);
		else
			ys_buf_adds(out, finding_file(rep, f));
		if (f->column && !f->page && f->line)
			ys_buf_addf(out, ":%d", f->column);
		ys_buf_addf(out, "  [%s] %s\n", f->rule, f->message);
	}
}

static void text_summary(ys_buf *out, const ys_report *rep)
{
	char pct[16];
	ys_buf_addf(out, "\n小结：核对了 %d 个等式，", rep->identities);
	if (rep->cov.permille < 0)
		ys_buf_adds(out, "覆盖率 -（没有读到金额）");
	else
		ys_buf_addf(out, "覆盖率 %s %%", ys_coverage_percent(rep->cov.permille, pct));
	ys_buf_addf(out, "；%d 个错误，%d 个警告，%d 个提示\n", rep->count[YS_SEV_ERROR], rep->count[YS_SEV_WARNING],
	            rep->count[YS_SEV_NOTICE]);
}

/* ---- JSON ----------------------------------------------------------------- */

static json_t *jstr(const char *s)
{
	return json_string(s ? s : "");
}

/* "99.5", or null when there was no amount cell */
static json_t *percent_json(int permille)
{
	char pct[16];
	return permille < 0 ? json_null() : jstr(ys_coverage_percent(permille, pct));
}

/* "page" of o: the page in its file, and "file" too for a document of
 * several files */
static void json_page(json_t *o, const ys_doc *doc, int page)
{
	const char *file;
	int p = ys_doc_page_where(doc, page, &file);
	jset(o, "page", p ? json_integer(p) : json_null());
	if (p && doc->nparts)
		jset(o, "file", jstr(file));
}

static json_t *coverage_json(const ys_doc *doc, const ys_report *rep)
{
	const ys_coverage *cov = &rep->cov;
	json_t *o = json_object(), *arr = json_array();
	int rows = 0;
	for (int i = 0; i < cov->ntables; i++) {
		const ys_tablecov *c = &cov->tables[i];
		const ys_table *t = ys_doc_table_at(doc, c->table);
		json_t *e = json_object();
		jset(e, "table", jstr(table_key(t)));
		json_page(e, doc, t ? t->page : 0);
		jset(e, "line", json_integer(t ? t->line : 0));
		jset(e, "rows", json_integer(c->rows));
		jset(e, "amounts_read", json_integer(c->amounts));
		jset(e, "amounts_unreadable", json_integer(c->unreadable));
		jset(e, "identities", json_integer(c->identities));
		jset(e, "percent", percent_json(ys_coverage_permille(c->amounts, c->unreadable)));
		jpush(arr, e);
		rows += c->rows;
	}
	jset(o, "percent", percent_json(cov->permille));
	jset(o, "permille", cov->permille < 0 ? json_null() : json_integer(cov->permille));
	jset(o, "tables_read", json_integer(cov->ntables));
	jset(o, "unrecognised", json_integer(cov->unrecognised));
	jset(o, "missing", json_integer(cov->missing));
	jset(o, "rows", json_integer(rows));
	jset(o, "amounts_read", json_integer(cov->amounts));
	jset(o, "amounts_unreadable", json_integer(cov->unreadable));
	jset(o, "identities", json_integer(rep->identities));
	jset(o, "tables", arr);
	return o;
}

static json_t *report_json(const ys_doc *doc, const ys_report *rep)
{
	json_t *root = json_object(), *arr = json_array();
	char a[YS_MONEY_FMT_MAX];
	jset(root, "file", jstr(rep->file));
	for (size_t i = 0; i < rep->nfindings; i++) {
		const ys_finding *f = &rep->findings[i];
		json_t *o = json_object();
		jset(o, "rule", jstr(f->rule));
		jset(o, "severity", jstr(ys_severity_name(f->sev)));
		const ys_table *ft = ys_doc_table_at(doc, f->table);
		jset(o, "table", ft ? jstr(table_key(ft)) : json_null());
		if (f->file) /* not the report's: a detail input's, or one file of several */
			jset(o, "file", jstr(f->file));
		if (f->page)
			jset(o, "page", json_integer(f->page));
		jset(o, "row", f->row >= 0 ? jstr(f->row_label) : json_null());
		jset(o, "column", f->col >= 0 ? jstr(f->col_label) : json_null());
		jset(o, "line", f->line ? json_integer(f->line) : json_null());
		jset(o, "col", f->column ? json_integer(f->column) : json_null());
		jset(o, "message", jstr(f->message));
		if (f->has_amounts) {
			jset(o, "expected", jstr(amount(f, f->expected, YS_FMT_GROUP, a)));
			jset(o, "found", jstr(amount(f, f->found, YS_FMT_GROUP, a)));
			jset(o, "difference", jstr(amount(f, f->difference, YS_FMT_GROUP, a)));
			jset(o, "expected_fen", json_integer(f->expected));
			jset(o, "found_fen", json_integer(f->found));
			jset(o, "difference_fen", json_integer(f->difference));
		} else {
			jset(o, "expected", json_null());
			jset(o, "found", json_null());
			jset(o, "difference", json_null());
		}
		jpush(arr, o);
	}
	jset(root, "findings", arr);
	json_t *tabs = json_array();
	for (int i = 0; i < doc->ntables; i++)
		jpush(tabs, jstr(ys_table_def((ys_tid)doc->order[i])->code));
	for (int i = 0; i < doc->nothers; i++) {
		/* another layout: what was recognised, as what, where */
		const ys_table *t = doc->others[i];
		json_t *o = json_object();
		jset(o, "title", jstr(t->title));
		jset(o, "kind", jstr(t->kind));
		jset(o, "as", jstr(t->def->title));
		if (t->def->code[0])
			jset(o, "like", jstr(t->def->code));
		json_page(o, doc, t->page);
		jset(o, "line", json_integer(t->line));
		jset(o, "rows", json_integer(t->nrows));
		jset(o, "unit", jstr(ys_unit_name(t->unit)));
		if (t->note)
			jset(o, "note", jstr(t->note));
		jpush(tabs, o);
	}
	jset(root, "tables", tabs);
	json_t *un = json_array();
	for (int i = 0; i < doc->nunread; i++) {
		json_t *o = json_object();
		jset(o, "title", jstr(doc->unread[i].title));
		json_page(o, doc, doc->unread[i].page);
		jset(o, "line", json_integer(doc->unread[i].line));
		jset(o, "why", jstr(doc->unread[i].why));
		jpush(un, o);
	}
	jset(root, "unrecognised", un);
	jset(root, "coverage", coverage_json(doc, rep));
	json_t *sum = json_object();
	jset(sum, "errors", json_integer(rep->count[YS_SEV_ERROR]));
	jset(sum, "warnings", json_integer(rep->count[YS_SEV_WARNING]));
	jset(sum, "notices", json_integer(rep->count[YS_SEV_NOTICE]));
	jset(sum, "identities", json_integer(rep->identities));
	jset(root, "summary", sum);
	return root;
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

/* Append a JSON value (consumed) to out; 0, or -1 when out of memory. */
static int put_json(ys_buf *out, json_t *v)
{
	int bad = !v || json_dump_callback(v, dump_cb, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER) != 0;
	json_decref(v);
	ys_buf_addc(out, '\n');
	return bad || out->oom ? -1 : 0;
}

/* ---- CSV ------------------------------------------------------------------ */

#define CRLF "\r\n"
#define BOM "\xEF\xBB\xBF"

void ys_csv_quote(ys_buf *out, const char *s)
{
	if (!s)
		return;
	if (!strpbrk(s, ",\"\n\r")) {
		ys_buf_adds(out, s);
		return;
	}
	ys_buf_addc(out, '"');
	for (; *s; s++) {
		if (*s == '"')
			ys_buf_addc(out, '"');
		ys_buf_addc(out, *s);
	}
	ys_buf_addc(out, '"');
}

/* fields, each quoted as needed, then CRLF */
static void csv_row(ys_buf *out, const char *const *fields, int n)
{
	for (int i = 0; i < n; i++) {
		if (i)
			ys_buf_addc(out, ',');
		ys_csv_quote(out, fields[i]);
	}
	ys_buf_adds(out, CRLF);
}

enum {
	RC_RULE, RC_SEV, RC_TABLE, RC_ROW, RC_COLUMN, RC_FOUND, RC_EXPECTED, RC_DIFF, RC_LINE, RC_COL, RC_MESSAGE,
	RC_ROWS, RC_AMOUNTS, RC_UNREADABLE, RC_IDENTITIES, RC_N
};
static const char *const report_csv_head[RC_N] = {
	"rule", "severity", "table", "row", "column", "found", "expected", "difference", "line", "col", "message",
	"rows", "amounts_read", "amounts_unreadable", "identities",
};

static void report_csv(ys_buf *out, const ys_doc *doc, const ys_report *rep)
{
	char fa[YS_MONEY_FMT_MAX], ea[YS_MONEY_FMT_MAX], da[YS_MONEY_FMT_MAX], ln[16], cl[16], name[512];
	char n1[24], n2[24], n3[24], n4[24], msg[128], pct[16];
	ys_buf_adds(out, BOM);
	csv_row(out, report_csv_head, RC_N);
	for (size_t i = 0; i < rep->nfindings; i++) {
		const ys_finding *f = &rep->findings[i];
		const ys_table *ft = ys_doc_table_at(doc, f->table);
		const char *v[RC_N] = { 0 };
		v[RC_RULE] = f->rule;
		v[RC_SEV] = ys_severity_name(f->sev);
		v[RC_TABLE] = ft ? table_name(ft, name, sizeof name) : "";
		v[RC_ROW] = f->row_label;
		v[RC_COLUMN] = f->col_label;
		if (f->has_amounts) {
			v[RC_FOUND] = amount(f, f->found, 0, fa);
			v[RC_EXPECTED] = amount(f, f->expected, 0, ea);
			v[RC_DIFF] = amount(f, f->difference, 0, da);
		}
		if (f->line) {
			snprintf(ln, sizeof ln, "%d", f->line);
			v[RC_LINE] = ln;
		}
		if (f->column) {
			snprintf(cl, sizeof cl, "%d", f->column);
			v[RC_COL] = cl;
		}
		v[RC_MESSAGE] = f->message;
		csv_row(out, v, RC_N);
	}
	/* coverage: a row per table read, then the document's, rule "coverage" */
	const ys_coverage *cov = &rep->cov;
	int rows = 0;
	for (int i = 0; i < cov->ntables; i++) {
		const ys_tablecov *c = &cov->tables[i];
		const ys_table *t = ys_doc_table_at(doc, c->table);
		const char *v[RC_N] = { 0 };
		v[RC_RULE] = "coverage";
		v[RC_TABLE] = table_name(t, name, sizeof name);
		if (t && t->line) {
			snprintf(ln, sizeof ln, "%d", t->line);
			v[RC_LINE] = ln;
		}
		int pm = ys_coverage_permille(c->amounts, c->unreadable);
		if (pm < 0)
			snprintf(msg, sizeof msg, "没有金额");
		else
			snprintf(msg, sizeof msg, "覆盖率 %s %%", ys_coverage_percent(pm, pct));
		v[RC_MESSAGE] = msg;
		snprintf(n1, sizeof n1, "%d", c->rows);
		snprintf(n2, sizeof n2, "%d", c->amounts);
		snprintf(n3, sizeof n3, "%d", c->unreadable);
		snprintf(n4, sizeof n4, "%d", c->identities);
		v[RC_ROWS] = n1;
		v[RC_AMOUNTS] = n2;
		v[RC_UNREADABLE] = n3;
		v[RC_IDENTITIES] = n4;
		csv_row(out, v, RC_N);
		rows += c->rows;
	}
	const char *v[RC_N] = { 0 };
	v[RC_RULE] = "coverage";
	if (cov->permille < 0)
		snprintf(msg, sizeof msg, "核对了 %d 个等式，没有读到金额", rep->identities);
	else
		snprintf(msg, sizeof msg, "核对了 %d 个等式，覆盖率 %s %%", rep->identities,
		         ys_coverage_percent(cov->permille, pct));
	v[RC_MESSAGE] = msg;
	snprintf(n1, sizeof n1, "%d", rows);
	snprintf(n2, sizeof n2, "%" PRId64, cov->amounts);
	snprintf(n3, sizeof n3, "%" PRId64, cov->unreadable);
	snprintf(n4, sizeof n4, "%d", rep->identities);
	v[RC_ROWS] = n1;
	v[RC_AMOUNTS] = n2;
	v[RC_UNREADABLE] = n3;
	v[RC_IDENTITIES] = n4;
	csv_row(out, v, RC_N);
}

static ys_result render_report_body(ys_ctx *ctx, const ys_doc *doc, const ys_report *rep, ys_report_format fmt, ys_buf *out)
{
	switch (fmt) {
	case YS_REPORT_TEXT:
		text_coverage(out, doc, rep);
		text_findings(out, doc, rep);
		text_summary(out, rep);
		break;
	case YS_REPORT_FINDINGS:
		text_findings(out, doc, rep);
		break;
	case YS_REPORT_JSON:
		if (put_json(out, report_json(doc, rep)))
			out->oom = 1;
		break;
	case YS_REPORT_CSV:
		report_csv(out, doc, rep);
		break;
	default:
		return ys_error(ctx, YS_EINVAL, "未知的报告格式 %d", (int)fmt);
	}
	return out->oom ? ys_error(ctx, YS_ENOMEM, "内存不足") : YS_OK;
}

ys_result ys_render_report(ys_ctx *ctx, const ys_doc *doc, const ys_report *rep, ys_report_format fmt, ys_buf *out)
{
	unsigned long mark = ys_oom_mark();
	ys_result r = ys_oom_check(ctx, render_report_body(ctx, doc, rep, fmt, out), mark);
	return r;
}

/* ---- a run over many documents ------------------------------------------- */

void ys_docsum_init(ys_docsum *s)
{
	memset(s, 0, sizeof *s);
}

void ys_docsum_release(ys_docsum *s)
{
	free(s->file);
	free(s->error);
	free(s->rules);
	memset(s, 0, sizeof *s);
}

static int cmp_rulecount(const void *a, const void *b)
{
	return strcmp(((const ys_rulecount *)a)->rule, ((const ys_rulecount *)b)->rule);
}

static ys_result docsum_fill_body(ys_ctx *ctx, ys_docsum *s, const char *file, const ys_report *rep)
{
	free(s->file);
	s->file = strdup(file);
	if (!s->file)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	const ys_coverage *cov = &rep->cov;
	s->tables = cov->ntables;
	s->unrecognised = cov->unrecognised;
	s->missing = cov->missing;
	s->rows = 0;
	for (int i = 0; i < cov->ntables; i++)
		s->rows += cov->tables[i].rows;
	s->amounts = cov->amounts;
	s->unreadable = cov->unreadable;
	s->permille = cov->permille;
	s->identities = rep->identities;
	memcpy(s->count, rep->count, sizeof s->count);
	/* findings by rule: sorted by id, one entry per rule */
	free(s->rules);
	s->rules = NULL;
	s->nrules = 0;
	if (!rep->nfindings)
		return YS_OK;
	s->rules = calloc(rep->nfindings, sizeof *s->rules);
	if (!s->rules)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	for (size_t i = 0; i < rep->nfindings; i++) {
		const ys_finding *f = &rep->findings[i];
		int k = 0;
		while (k < s->nrules && strcmp(s->rules[k].rule, f->rule))
			k++;
		if (k == s->nrules)
			s->rules[s->nrules++].rule = f->rule;
		s->rules[k].count[f->sev]++;
	}
	qsort(s->rules, (size_t)s->nrules, sizeof *s->rules, cmp_rulecount);
	return YS_OK;
}

ys_result ys_docsum_fill(ys_ctx *ctx, ys_docsum *s, const char *file, const ys_report *rep)
{
	unsigned long mark = ys_oom_mark();
	ys_result r = ys_oom_check(ctx, docsum_fill_body(ctx, s, file, rep), mark);
	return r;
}

ys_result ys_docsum_fail(ys_ctx *ctx, ys_docsum *s, const char *file, const char *why)
{
	ys_docsum_release(s);
	s->file = strdup(file);
	s->error = strdup(why && *why ? why : "无法读取");
	if (!s->file || !s->error)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	return YS_OK;
}

/* Totals of a run. */
typedef struct runsum {
	int docs, failed, tables, unrecognised, missing, rows, identities, count[3];
	int64_t amounts, unreadable, ms;
} runsum;

static void run_totals(const ys_docsum *d, size_t n, runsum *t)
{
	memset(t, 0, sizeof *t);
	for (size_t i = 0; i < n; i++) {
		t->docs++;
		t->ms += d[i].ms;
		if (d[i].error) {
			t->failed++;
			continue;
		}
		t->tables += d[i].tables;
		t->unrecognised += d[i].unrecognised;
		t->missing += d[i].missing;
		t->rows += d[i].rows;
		t->identities += d[i].identities;
		t->amounts += d[i].amounts;
		t->unreadable += d[i].unreadable;
		for (int k = 0; k < 3; k++)
			t->count[k] += d[i].count[k];
	}
}

static const char *seconds(int64_t ms, char *buf)
{
	snprintf(buf, 24, "%" PRId64 ".%03" PRId64, ms / 1000, ms % 1000);
	return buf;
}

static void run_text(ys_buf *out, const ys_docsum *d, size_t n)
{
	static const char *const head[] = { "表", "覆盖率", "等式", "错误", "警告", "秒" };
	static const size_t width[] = { 5, 9, 8, 7, 7, 9 };
	char pct[16], sec[24];
	for (int k = 0; k < 6; k++)
		pad(out, head[k], width[k], 1);
	ys_buf_adds(out, "  文件\n");
	for (size_t i = 0; i < n; i++) {
		if (d[i].error) {
			ys_buf_addf(out, "%5s%9s%8s%7s%7s%9s  %s：无法读取：%s\n", "-", "-", "-", "-", "-", seconds(d[i].ms, sec),
			            d[i].file, d[i].error);
			continue;
		}
		ys_buf_addf(out, "%5d%7s %s%8d%7d%7d%9s  %s\n", d[i].tables, ys_coverage_percent(d[i].permille, pct),
		            d[i].permille < 0 ? " " : "%", d[i].identities, d[i].count[YS_SEV_ERROR],
		            d[i].count[YS_SEV_WARNING], seconds(d[i].ms, sec), d[i].file);
	}
	runsum t;
	run_totals(d, n, &t);
	ys_buf_addf(out, "\n小结：%d 份文档", t.docs);
	if (t.failed)
		ys_buf_addf(out, "（%d 份无法读取）", t.failed);
	int pm = ys_coverage_permille(t.amounts, t.unreadable);
	ys_buf_addf(out, "，读到 %d 张表，核对了 %d 个等式，覆盖率 %s%s；%d 个错误，%d 个警告，%d 个提示；各文档用时合计 %s 秒\n",
	            t.tables, t.identities, ys_coverage_percent(pm, pct), pm < 0 ? "" : " %", t.count[YS_SEV_ERROR],
	            t.count[YS_SEV_WARNING], t.count[YS_SEV_NOTICE], seconds(t.ms, sec));
}

static json_t *run_json(const ys_docsum *d, size_t n)
{
	json_t *root = json_object(), *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		jset(o, "file", jstr(d[i].file));
		jset(o, "status", jstr(d[i].error ? "unreadable" : "read"));
		if (d[i].error) {
			jset(o, "error", jstr(d[i].error));
		} else {
			jset(o, "tables", json_integer(d[i].tables));
			jset(o, "unrecognised", json_integer(d[i].unrecognised));
			jset(o, "missing", json_integer(d[i].missing));
			jset(o, "rows", json_integer(d[i].rows));
			jset(o, "amounts_read", json_integer(d[i].amounts));
			jset(o, "amounts_unreadable", json_integer(d[i].unreadable));
			jset(o, "coverage", percent_json(d[i].permille));
			jset(o, "identities", json_integer(d[i].identities));
			jset(o, "errors", json_integer(d[i].count[YS_SEV_ERROR]));
			jset(o, "warnings", json_integer(d[i].count[YS_SEV_WARNING]));
			jset(o, "notices", json_integer(d[i].count[YS_SEV_NOTICE]));
			json_t *rules = json_object();
			for (int k = 0; k < d[i].nrules; k++) {
				json_t *c = json_object();
				jset(c, "errors", json_integer(d[i].rules[k].count[YS_SEV_ERROR]));
				jset(c, "warnings", json_integer(d[i].rules[k].count[YS_SEV_WARNING]));
				jset(c, "notices", json_integer(d[i].rules[k].count[YS_SEV_NOTICE]));
				jset(rules, d[i].rules[k].rule, c);
			}
			jset(o, "rules", rules);
		}
		jset(o, "ms", json_integer(d[i].ms));
		jpush(arr, o);
	}
	jset(root, "documents", arr);
	runsum t;
	run_totals(d, n, &t);
	json_t *s = json_object();
	jset(s, "documents", json_integer(t.docs));
	jset(s, "unreadable", json_integer(t.failed));
	jset(s, "tables", json_integer(t.tables));
	jset(s, "unrecognised", json_integer(t.unrecognised));
	jset(s, "rows", json_integer(t.rows));
	jset(s, "amounts_read", json_integer(t.amounts));
	jset(s, "amounts_unreadable", json_integer(t.unreadable));
	jset(s, "coverage", percent_json(ys_coverage_permille(t.amounts, t.unreadable)));
	jset(s, "identities", json_integer(t.identities));
	jset(s, "errors", json_integer(t.count[YS_SEV_ERROR]));
	jset(s, "warnings", json_integer(t.count[YS_SEV_WARNING]));
	jset(s, "notices", json_integer(t.count[YS_SEV_NOTICE]));
	jset(s, "ms", json_integer(t.ms));
	jset(root, "summary", s);
	return root;
}

enum {
	DC_FILE, DC_STATUS, DC_TABLES, DC_UNRECOGNISED, DC_ROWS, DC_AMOUNTS, DC_UNREADABLE, DC_COVERAGE, DC_IDENTITIES,
	DC_ERRORS, DC_WARNINGS, DC_NOTICES, DC_SECONDS, DC_MESSAGE, DC_N
};
static const char *const run_csv_head[DC_N] = {
	"file", "status", "tables", "unrecognised", "rows", "amounts_read", "amounts_unreadable", "coverage",
	"identities", "errors", "warnings", "notices", "seconds", "message",
};

static void run_csv(ys_buf *out, const ys_docsum *d, size_t n)
{
	char num[DC_N][24];
	ys_buf_adds(out, BOM);
	csv_row(out, run_csv_head, DC_N);
	for (size_t i = 0; i < n; i++) {
		const char *v[DC_N] = { 0 };
		v[DC_FILE] = d[i].file;
		v[DC_STATUS] = d[i].error ? "unreadable" : "read";
		seconds(d[i].ms, num[DC_SECONDS]);
		v[DC_SECONDS] = num[DC_SECONDS];
		if (d[i].error) {
			v[DC_MESSAGE] = d[i].error;
		} else {
			const int64_t val[] = { d[i].tables, d[i].unrecognised, d[i].rows, d[i].amounts, d[i].unreadable };
			for (int k = DC_TABLES; k <= DC_UNREADABLE; k++) {
				snprintf(num[k], sizeof num[k], "%" PRId64, val[k - DC_TABLES]);
				v[k] = num[k];
			}
			v[DC_COVERAGE] = d[i].permille < 0 ? "" : ys_coverage_percent(d[i].permille, num[DC_COVERAGE]);
			const int cnt[] = { d[i].identities, d[i].count[YS_SEV_ERROR], d[i].count[YS_SEV_WARNING],
				            d[i].count[YS_SEV_NOTICE] };
			for (int k = DC_IDENTITIES; k <= DC_NOTICES; k++) {
				snprintf(num[k], sizeof num[k], "%d", cnt[k - DC_IDENTITIES]);
				v[k] = num[k];
			}
		}
		csv_row(out, v, DC_N);
	}
}

static ys_result render_run_body(ys_ctx *ctx, const ys_docsum *docs, size_t n, ys_report_format fmt, ys_buf *out)
{
	switch (fmt) {
	case YS_REPORT_TEXT:
		run_text(out, docs, n);
		break;
	case YS_REPORT_JSON:
		if (put_json(out, run_json(docs, n)))
			out->oom = 1;
		break;
	case YS_REPORT_CSV:
		run_csv(out, docs, n);
		break;
	default:
		return ys_error(ctx, YS_EINVAL, "未知的报告格式 %d", (int)fmt);
	}
	return out->oom ? ys_error(ctx, YS_ENOMEM, "内存不足") : YS_OK;
}

ys_result ys_render_run(ys_ctx *ctx, const ys_docsum *docs, size_t n, ys_report_format fmt, ys_buf *out)
{
	unsigned long mark = ys_oom_mark();
	ys_result r = ys_oom_check(ctx, render_run_body(ctx, docs, n, fmt, out), mark);
	return r;
}
