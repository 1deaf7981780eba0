/*
 * serve/ledger.c - the ledger of what is due (docs/api.md): the departments
 * the bureau expects to disclose a year, each with its due date, and for
 * each what came: 已提交 (its first document stored on or before the due
 * date), 逾期提交 (stored after it), 未提交 (none yet, the date not passed),
 * 逾期未提交 (none, the date passed); with its workflow state and its newest
 * document's check.  Departments that uploaded a year without being
 * expected are listed apart.
 *
 * Dates are the store's clock (UTC, as disclosure.imported_at is written),
 * not the server process's: several servers on one PostgreSQL agree.  A
 * department is matched by its name exactly, as the rest of the server
 * matches it (ys_srv_user_in_dept, workflow, review).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "serve/serve_int.h"

#define LEDGER_MAX_ROWS 5000 /* one import */

static const char *const st_names[4] = { "已提交", "逾期提交", "未提交", "逾期未提交" };
static const char *const st_keys[4] = { "on_time", "late", "pending", "missing" };

/* ---- checking what a client gave ---- */

/* YYYY-MM-DD, a real date */
static int date_ok(const char *s)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
	static const int days[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1990 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return 0;
	return !(m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

static int dept_ok(const char *s)
{
	size_t n = strlen(s), bad;
	if (n == 0 || n > 250 || s[0] == ' ' || s[n - 1] == ' ' || !ys_utf8_valid(s, n, &bad))
		return 0;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

/* "" when dept, year and due make an entry, else what is wrong (Chinese) */
static const char *entry_problem(const char *dept, int64_t year, const char *due)
{
	if (!dept_ok(dept))
		return "部门（department）应为 1 到 250 字节的名称，不含控制字符，首尾不含空格";
	if (year < 1990 || year > 2200)
		return "年度（year）应为 1990 到 2200 之间的整数";
	if (!date_ok(due))
		return "截止日期（due）应为 YYYY-MM-DD 形式的日期，如 2026-02-15";
	return "";
}

/* ---- writing: one entry or many, each change with its audit row ---- */

typedef struct entry {
	const char *dept, *due;
	int year;
} entry;

typedef struct set_arg {
	const char *who;
	const entry *e;
	int n;
	int added, changed, same;
} set_arg;

static int due_row(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	snprintf(arg, 16, "%s", row[0].type == YS_V_TEXT && row[0].s ? row[0].s : "");
	return 1;
}

static ys_result set_tx(ys_ctx *ctx, ys_store *st, void *arg)
{
	set_arg *a = arg;
	a->added = a->changed = a->same = 0;
	for (int i = 0; i < a->n; i++) {
		const entry *e = &a->e[i];
		char old[16] = "";
		ys_value k[2] = { { YS_V_TEXT, 0, e->dept }, { YS_V_INT, e->year, NULL } };
		ys_result r = ys_store_select(ctx, st, "SELECT due FROM ledger WHERE department = ? AND year = ?", k, 2,
		                              due_row, old);
		if (r)
			return r;
		if (!strcmp(old, e->due)) {
			a->same++;
			continue;
		}
		ys_value v[4] = { { YS_V_TEXT, 0, e->dept }, { YS_V_INT, e->year, NULL }, { YS_V_TEXT, 0, e->due },
			          { YS_V_TEXT, 0, a->who } };
		r = ys_store_exec(ctx, st,
		                  "INSERT INTO ledger(department, year, due, user_name) VALUES (?, ?, ?, ?)"
		                  " ON CONFLICT (department, year) DO UPDATE SET due = excluded.due,"
		                  " user_name = excluded.user_name, updated_at = excluded.updated_at",
		                  v, 4, NULL, NULL);
		if (r)
			return r;
		char obj[400], before[64], after[64];
		snprintf(obj, sizeof obj, "应交 %s %d年", e->dept, e->year);
		if (old[0])
			snprintf(before, sizeof before, "截止 %s", old);
		else
			before[0] = '\0';
		snprintf(after, sizeof after, "截止 %s", e->due);
		if ((r = ys_srv_audit_add(ctx, st, a->who, old[0] ? "改应交" : "登记应交", obj, before, after)))
			return r;
		if (old[0])
			a->changed++;
		else
			a->added++;
	}
	return YS_OK;
}

/* Store n entries in one transaction; answered on failure. */
static int set_entries(req *q, const entry *e, int n, set_arg *a)
{
	memset(a, 0, sizeof *a);
	a->who = q->u.name;
	a->e = e;
	a->n = n;
	if (ys_store_transact(&q->ctx, q->st, set_tx, a)) {
		ys_srv_answer_store_error(q);
		return -1;
	}
	return 0;
}

/* The list "部门,年度,截止日期" (a first row of those titles is skipped,
 * and a UTF-8 BOM) as entries; their text lives in *keep (freed by the
 * caller).  Returns the count, or -1 answered (400 with the line). */
static int parse_csv(req *q, const char *name, const char *text, size_t len, entry **out, char **keep)
{
	*out = NULL;
	*keep = NULL;
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		text += 3, len -= 3;
	ys_buf b = YS_BUF_INIT;
	entry *e = NULL;
	int n = 0, cap = 0, k;
	size_t *offs = NULL;
	ys_csv c;
	ys_csv_init(&c, name, text, len, ',');
	char msg[YS_MSG_MAX] = "";
	while ((k = ys_csv_next(&c, &q->ctx)) == 1) {
		if (c.nf == 1 && !c.f[0].len)
			continue; /* a blank line */
		const char *d = c.f[0].s, *y = c.nf > 1 ? c.f[1].s : "", *due = c.nf > 2 ? c.f[2].s : "";
		if (n == 0 && !b.len && !strcmp(d, "部门"))
			continue;
		char *end;
		long long year = strtoll(y, &end, 10);
		if (!*y || *end)
			year = 0;
		const char *why = c.nf != 3 ? "每行应为三栏：部门,年度,截止日期" : entry_problem(d, year, due);
		if (*why) {
			snprintf(msg, sizeof msg, "%s:%d:%d：%s", name, c.f[0].line, c.f[0].col, why);
			break;
		}
		if (n == LEDGER_MAX_ROWS) {
			snprintf(msg, sizeof msg, "%s:%d：至多 %d 行", name, c.f[0].line, LEDGER_MAX_ROWS);
			break;
		}
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			entry *ne = realloc(e, sizeof *e * (size_t)cap);
			size_t *no = realloc(offs, sizeof *offs * 2 * (size_t)cap);
			if (ne)
				e = ne;
			if (no)
				offs = no;
			if (!ne || !no) {
				snprintf(msg, sizeof msg, "内存不足");
				break;
			}
		}
		/* the text moves as b grows: offsets now, pointers at the end */
		offs[2 * n] = b.len;
		ys_buf_add(&b, d, strlen(d) + 1);
		offs[2 * n + 1] = b.len;
		ys_buf_add(&b, due, strlen(due) + 1);
		e[n].year = (int)year;
		n++;
	}
	ys_csv_release(&c);
	if (!msg[0] && k < 0)
		snprintf(msg, sizeof msg, "%s", q->ctx.msg);
	if (!msg[0] && b.oom)
		snprintf(msg, sizeof msg, "内存不足");
	if (!msg[0] && !n)
		snprintf(msg, sizeof msg, "%s：没有一行应交（每行：部门,年度,截止日期）", name);
	if (msg[0]) {
		free(e);
		free(offs);
		ys_buf_release(&b);
		ys_srv_answer_error(q, 400, "%s", msg);
		return -1;
	}
	*keep = ys_buf_detach(&b, NULL);
	for (int i = 0; i < n; i++) {
		e[i].dept = *keep + offs[2 * i];
		e[i].due = *keep + offs[2 * i + 1];
	}
	free(offs);
	*out = e;
	return n;
}

/* ---- reading: the year's ledger ---- */

static int text_row(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	snprintf(arg, 32, "%s", row[0].type == YS_V_TEXT && row[0].s ? row[0].s : "");
	return 1;
}

static int int_row(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	if (row[0].type == YS_V_INT)
		*(int64_t *)arg = row[0].i;
	return 1;
}

/* Today in the store's clock (UTC), YYYY-MM-DD into day (16 bytes). */
static ys_result store_today(req *q, char *day)
{
	day[0] = '\0';
	const char *sql = !strcmp(ys_store_backend(q->st), "postgresql")
	                          ? "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
	                          : "SELECT strftime('%Y-%m-%d', 'now')";
	char buf[32];
	ys_result r = ys_store_select(&q->ctx, q->st, sql, NULL, 0, text_row, buf);
	if (!r && strlen(buf) != 10)
		r = ys_error(&q->ctx, YS_ESTORE, "数据库的日期读不出来：“%s”", buf);
	if (!r)
		snprintf(day, 16, "%s", buf);
	return r;
}

/* The year asked for (?year=), else the newest year of the ledger, else
 * the store's this year; 0 answered (400). */
static int year_of(req *q, const char *today)
{
	const char *y = ys_srv_req_arg(q, "year");
	if (y && *y) {
		char *end;
		long long v = strtoll(y, &end, 10);
		if (*end || v < 1990 || v > 2200) {
			ys_srv_answer_error(q, 400, "年度（year）应为 1990 到 2200 之间的整数：“%s”", y);
			return 0;
		}
		return (int)v;
	}
	int64_t newest = 0;
	if (ys_store_select(&q->ctx, q->st, "SELECT max(year) FROM ledger", NULL, 0, int_row, &newest)) {
		ys_srv_answer_store_error(q);
		return 0;
	}
	return newest ? (int)newest : atoi(today); /* atoi of "2026-12-06": its year */
}

typedef struct lrow {
	const char *dept;
	const char *due;       /* NULL: not expected */
	const char *first_at;  /* the first document's imported_at, NULL: none */
	int64_t doc;           /* the newest document, 0: none */
	const char *wf;
	int64_t wf_version;
	int checked;
	int64_t errors, warnings, notices, permille;
	int state;             /* 0..3: st_names */
} lrow;

typedef struct lview {
	req *q;
	const char *today;
	int year;
	void (*emit)(struct lview *v, const lrow *r);
	json_t *a;             /* the JSON's rows */
	ys_buf *o;             /* the page */
	int count[4], n;
	int unexpected;        /* the rows now are those not expected */
} lview;

static int state_of(const char *due, const char *first_at, const char *today)
{
	if (first_at && *first_at)
		return strncmp(first_at, due, 10) <= 0 ? 0 : 1;
	return strcmp(today, due) <= 0 ? 2 : 3;
}

static int ledger_row(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	lview *v = arg;
	req *q = v->q;
	lrow r;
	memset(&r, 0, sizeof r);
	r.dept = row[0].s ? row[0].s : "";
	if ((q->u.role & YS_ROLE_EDITOR) && !ys_srv_user_in_dept(&q->u, r.dept))
		return 0;
	r.due = v->unexpected ? NULL : row[1].s ? row[1].s : "";
	r.first_at = row[2].type == YS_V_TEXT ? row[2].s : NULL;
	r.doc = row[3].type == YS_V_INT ? row[3].i : 0;
	r.wf = row[4].s ? row[4].s : "编制";
	r.wf_version = row[5].i;
	if (row[6].type == YS_V_INT) {
		r.checked = 1;
		r.errors = row[6].i;
		r.warnings = row[7].i;
		r.notices = row[8].i;
		r.permille = row[9].i;
	}
	if (r.due) {
		r.state = state_of(r.due, r.first_at, v->today);
		v->count[r.state]++;
	}
	v->n++;
	v->emit(v, &r);
	return 0;
}

/* The expected departments of the year, then the others that uploaded:
 * department, due, first upload, newest document, workflow state and
 * version, the newest document's check. */
#define LEDGER_COLS \
	" COALESCE(w.state, '编制'), COALESCE(w.version, 0), c.errors, c.warnings, c.notices, c.permille" \
	" FROM %s LEFT JOIN workflow w ON w.department = k.department AND w.year = k.year" \
	" LEFT JOIN (SELECT department, year, min(imported_at) AS first_at, max(id) AS id FROM disclosure" \
	" GROUP BY department, year) d ON d.department = k.department AND d.year = k.year" \
	" LEFT JOIN dcheck c ON c.disclosure_id = d.id WHERE k.year = ?%s ORDER BY k.department"

static ys_result ledger_walk(req *q, lview *v, void (*between)(lview *v))
{
	ys_value y = { YS_V_INT, v->year, NULL };
	ys_value y2[2] = { y, y };
	char sql[1600];
	snprintf(sql, sizeof sql, "SELECT k.department, k.due, d.first_at, d.id," LEDGER_COLS, "ledger k", "");
	v->unexpected = 0;
	ys_result r = ys_store_select(&q->ctx, q->st, sql, &y, 1, ledger_row, v);
	if (r)
		return r;
	if (between)
		between(v);
	snprintf(sql, sizeof sql, "SELECT k.department, '', d.first_at, d.id," LEDGER_COLS,
	         "(SELECT DISTINCT department, year FROM disclosure) k",
	         " AND NOT EXISTS (SELECT 1 FROM ledger l WHERE l.department = k.department AND l.year = ?)");
	v->unexpected = 1;
	return ys_store_select(&q->ctx, q->st, sql, y2, 2, ledger_row, v);
}

/* ---- the API ---- */

static void emit_json(lview *v, const lrow *r)
{
	json_t *o = json_pack("{ss si ss ss}", "department", r->dept, "year", v->year, "workflow", r->wf, "first_upload",
	                      r->first_at ? r->first_at : "");
	if (!o)
		return;
	json_object_set_new(o, "workflow_version", json_integer(r->wf_version));
	if (r->due) {
		json_object_set_new(o, "due", json_string(r->due));
		json_object_set_new(o, "state", json_string(st_names[r->state]));
		json_object_set_new(o, "state_key", json_string(st_keys[r->state]));
	}
	json_object_set_new(o, "document", r->doc ? json_integer(r->doc) : json_null());
	json_object_set_new(o, "findings", r->checked ? json_pack("{sI sI sI sI}", "errors", (json_int_t)r->errors, "warnings",
	                                                          (json_int_t)r->warnings, "notices", (json_int_t)r->notices,
	                                                          "coverage_permille", (json_int_t)r->permille)
	                                              : json_null());
	json_array_append_new(v->unexpected ? json_array_get(v->a, 1) : json_array_get(v->a, 0), o);
}

void ys_srv_api_ledger(req *q)
{
	char today[16];
	if (store_today(q, today)) {
		ys_srv_answer_store_error(q);
		return;
	}
	lview v;
	memset(&v, 0, sizeof v);
	v.q = q;
	v.today = today;
	if (!(v.year = year_of(q, today)))
		return;
	v.emit = emit_json;
	v.a = json_pack("[[][]]");
	if (!v.a || ledger_walk(q, &v, NULL)) {
		json_decref(v.a);
		ys_srv_answer_store_error(q);
		return;
	}
	json_t *counts = json_object();
	for (int i = 0; i < 4; i++)
		json_object_set_new(counts, st_keys[i], json_integer(v.count[i]));
	ys_srv_answer_json(q, 200, json_pack("{si ss so sO sO}", "year", v.year, "today", today, "counts", counts,
	                                     "ledger", json_array_get(v.a, 0), "unexpected", json_array_get(v.a, 1)));
	json_decref(v.a);
}

void ys_srv_api_ledger_add(req *q)
{
	const char *dept = ys_srv_req_field(q, "department"), *due = ys_srv_req_field(q, "due");
	int64_t year = ys_srv_req_field_int(q, "year", 0);
	const char *why = entry_problem(dept, year, due);
	if (*why) {
		ys_srv_answer_error(q, 400, "%s", why);
		return;
	}
	entry e = { dept, due, (int)year };
	set_arg a;
	if (set_entries(q, &e, 1, &a))
		return;
	ys_srv_answer_json(q, a.added ? 201 : 200, json_pack("{ss si ss sb sb}", "department", dept, "year", (int)year, "due",
	                                                     due, "added", a.added, "changed", a.changed));
}

void ys_srv_api_ledger_import(req *q)
{
	const char *given = ys_srv_req_arg(q, "name");
	entry *e;
	char *keep;
	int n = parse_csv(q, given && *given ? given : "应交清单.csv", q->body.s ? q->body.s : "", q->body.len, &e, &keep);
	if (n < 0)
		return;
	set_arg a;
	if (!set_entries(q, e, n, &a))
		ys_srv_answer_json(q, 200, json_pack("{si si si}", "added", a.added, "changed", a.changed, "unchanged", a.same));
	free(e);
	free(keep);
}

/* ---- the page ---- */

static void emit_html(lview *v, const lrow *r)
{
	ys_buf *o = v->o;
	ys_buf_addf(o, "<tr class=\"ledger-row\" data-state=\"%s\"><td class=\"ledger-dept\">",
	            r->due ? st_keys[r->state] : "unexpected");
	ys_srv_html_esc(o, r->dept);
	ys_buf_adds(o, "</td>");
	if (r->due) {
		ys_buf_adds(o, "<td>");
		ys_srv_html_esc(o, r->due);
		ys_buf_addf(o, "</td><td class=\"ledger-state state\">%s</td>", st_names[r->state]);
	}
	ys_buf_adds(o, "<td>");
	ys_srv_html_esc(o, r->first_at ? r->first_at : "—");
	ys_buf_adds(o, "</td><td>");
	if (r->doc)
		ys_buf_addf(o, "<a href=\"/documents/%lld\">文档 %lld</a>", (long long)r->doc, (long long)r->doc);
	else
		ys_buf_adds(o, "—");
	ys_buf_adds(o, "</td><td>");
	ys_srv_html_esc(o, r->wf);
	ys_buf_adds(o, "</td><td class=\"num\">");
	if (r->checked)
		ys_buf_addf(o, "%lld / %lld / %lld", (long long)r->errors, (long long)r->warnings, (long long)r->notices);
	else
		ys_buf_adds(o, "—");
	ys_buf_adds(o, "</td></tr>\n");
}

static const char thead[] = "<th>第一次上传</th><th>最新文档</th><th>流程</th><th>错误 / 警告 / 提示</th></tr></thead>\n<tbody>\n";

/* after the expected rows: the table of the others opens */
static void html_between(lview *v)
{
	ys_buf *o = v->o;
	ys_buf_adds(o, "</tbody></table>\n");
	if (!v->n)
		ys_buf_adds(o, "<p id=\"ledger-empty\">这一年还没有登记应交的部门。</p>\n");
	ys_buf_adds(o, "<h3>未列入清单却已上传的部门</h3>\n<table class=\"list\" id=\"ledger-unexpected\"><thead>"
	               "<tr><th>部门</th>");
	ys_buf_adds(o, thead);
}

void ys_srv_page_ledger(req *q)
{
	char today[16];
	if (store_today(q, today)) {
		ys_srv_answer_store_error(q);
		return;
	}
	lview v;
	memset(&v, 0, sizeof v);
	v.q = q;
	v.today = today;
	if (!(v.year = year_of(q, today)))
		return;
	ys_buf o = YS_BUF_INIT, rest = YS_BUF_INIT;
	char title[64];
	snprintf(title, sizeof title, "%d年应交清单", v.year);
	ys_srv_page_open(q, &o, title);
	ys_buf_addf(&o, "<form id=\"ledger-year-form\" method=\"get\" action=\"/ledger\"><label>年度 "
	                "<input id=\"ledger-year\" name=\"year\" value=\"%d\" inputmode=\"numeric\" size=\"6\"></label> "
	                "<button id=\"ledger-year-submit\">查看</button></form>\n", v.year);
	/* the rows first (into rest), as the counts go before them */
	ys_buf_adds(&rest, "<table class=\"list\" id=\"ledger-table\"><thead><tr><th>部门</th><th>截止日期</th><th>状态</th>");
	ys_buf_adds(&rest, thead);
	v.emit = emit_html;
	v.o = &rest;
	ys_result r = ledger_walk(q, &v, html_between);
	ys_buf_adds(&rest, "</tbody></table>\n");
	if (r) {
		ys_buf_release(&o);
		ys_buf_release(&rest);
		ys_srv_answer_store_error(q);
		return;
	}
	ys_buf_addf(&o, "<p id=\"ledger-summary\">今天（数据库时钟，UTC）%s：", today);
	for (int i = 0; i < 4; i++)
		ys_buf_addf(&o, "%s<span id=\"ledger-count-%s\">%s %d</span>", i ? "，" : "", st_keys[i], st_names[i],
		            v.count[i]);
	ys_buf_adds(&o, "</p>\n");
	ys_buf_add(&o, rest.s, rest.len);
	ys_buf_release(&rest);
	if (q->u.role & YS_ROLE_ADMIN) {
		ys_buf_adds(&o, "<h3>登记应交</h3>\n<form id=\"ledger-add\" class=\"stack\" method=\"post\" action=\"/ledger\">");
		ys_srv_csrf_field(q, &o);
		ys_buf_addf(&o, "<label>部门 <input id=\"ledger-department\" name=\"department\" required></label>"
		                "<label>年度 <input id=\"ledger-add-year\" name=\"year\" value=\"%d\" required></label>"
		                "<label>截止日期 <input id=\"ledger-due\" name=\"due\" type=\"date\" required></label>"
		                "<button id=\"ledger-add-submit\">登记</button></form>\n",
		            v.year);
		ys_buf_adds(&o, "<h3>导入清单</h3>\n<form id=\"ledger-import\" class=\"stack\" method=\"post\" "
		                "action=\"/ledger/import\">");
		ys_srv_csrf_field(q, &o);
		ys_buf_adds(&o, "<label>每行一个部门：部门,年度,截止日期（CSV，第一行可为表头）"
		                "<textarea id=\"ledger-csv\" name=\"csv\" rows=\"6\"></textarea></label>"
		                "<button id=\"ledger-import-submit\">导入</button></form>\n");
	}
	ys_srv_page_close(q, &o, 200);
}

static void redirect_year(req *q, int64_t year)
{
	char to[64];
	snprintf(to, sizeof to, "/ledger?year=%lld", (long long)year);
	ys_srv_answer_redirect(q, to);
}

void ys_srv_page_ledger_add(req *q)
{
	const char *dept = ys_srv_req_field(q, "department"), *due = ys_srv_req_field(q, "due");
	int64_t year = ys_srv_req_field_int(q, "year", 0);
	const char *why = entry_problem(dept, year, due);
	if (*why) {
		ys_srv_answer_error(q, 400, "%s", why);
		return;
	}
	entry e = { dept, due, (int)year };
	set_arg a;
	if (!set_entries(q, &e, 1, &a))
		redirect_year(q, year);
}

void ys_srv_page_ledger_import(req *q)
{
	const char *text = ys_srv_req_field(q, "csv");
	entry *e;
	char *keep;
	int n = parse_csv(q, "导入的清单", text, strlen(text), &e, &keep);
	if (n < 0)
		return;
	set_arg a;
	if (!set_entries(q, e, n, &a))
		redirect_year(q, e[0].year);
	free(e);
	free(keep);
}

