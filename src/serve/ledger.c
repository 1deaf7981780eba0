/*
 * serve/ledger.c - the ledger of what is due (serve.h, docs/api.md): the
 * departments the bureau expects to disclose a year, each with its due
 * date, and for each what came: 已提交 (its first document stored on or
 * before the due date), 逾期提交 (stored after it), 未提交 (none yet, the
 * date not passed), 逾期未提交 (none, the date passed); with its workflow
 * state and its newest document's check.  Departments that uploaded a year
 * without being expected are listed apart.  Then the API and the page.
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

static const char *const st_names[5] = { "已提交", "逾期提交", "未提交", "逾期未提交", "未列入" };
static const char *const st_keys[5] = { "on_time", "late", "pending", "missing", "unexpected" };

const char *ys_ledger_state_name(ys_ledger_state s)
{
	return (unsigned)s < 5 ? st_names[s] : "";
}

const char *ys_ledger_state_key(ys_ledger_state s)
{
	return (unsigned)s < 5 ? st_keys[s] : "";
}

/* ---- what an entry must be ---- */

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

/* "" when dept, year and due make an entry, else what is wrong */
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

/* ---- writing: entries in one transaction, each change with its audit row ---- */

typedef struct entry {
	const char *dept, *due;
	int year;
} entry;

typedef struct set_arg {
	const char *who;
	const entry *e;
	int n;
	int count[3]; /* added, changed, unchanged */
	int last;     /* the last entry's change: 0 none, 1 added, 2 changed */
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
	memset(a->count, 0, sizeof a->count);
	for (int i = 0; i < a->n; i++) {
		const entry *e = &a->e[i];
		char old[16] = "";
		ys_value k[2] = { { YS_V_TEXT, 0, e->dept }, { YS_V_INT, e->year, NULL } };
		ys_result r = ys_store_select(ctx, st, "SELECT due FROM ledger WHERE department = ? AND year = ?", k, 2,
		                              due_row, old);
		if (r)
			return r;
		if (!strcmp(old, e->due)) {
			a->count[2]++;
			a->last = 0;
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
		a->last = old[0] ? 2 : 1;
		a->count[a->last - 1]++;
	}
	return YS_OK;
}

ys_result ys_ledger_set(ys_ctx *ctx, ys_store *st, const char *dept, int year, const char *due, const char *by,
                        int *change)
{
	const char *why = entry_problem(dept ? dept : "", year, due ? due : "");
	if (*why)
		return ys_error(ctx, YS_EINVAL, "%s", why);
	entry e = { dept, due, year };
	set_arg a;
	memset(&a, 0, sizeof a);
	a.who = by;
	a.e = &e;
	a.n = 1;
	ys_result r = ys_store_transact(ctx, st, set_tx, &a);
	if (change)
		*change = r ? 0 : a.last;
	return r;
}

/* The list "部门,年度,截止日期" as entries (their text in *keep, freed by
 * the caller with *out).  Returns the count, or -1 with ctx's message. */
static int parse_csv(ys_ctx *ctx, const char *name, const char *text, size_t len, entry **out, char **keep)
{
	*out = NULL;
	*keep = NULL;
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		text += 3, len -= 3;
	ys_buf b = YS_BUF_INIT;
	entry *e = NULL;
	size_t *offs = NULL;
	int n = 0, cap = 0, k, bad = 0, rows = 0;
	ys_csv c;
	ys_csv_init(&c, name, text, len, ',');
	while (!bad && (k = ys_csv_next(&c, ctx)) == 1) {
		if (c.nf == 1 && !c.f[0].len)
			continue; /* a blank line */
		const char *d = c.f[0].s, *y = c.nf > 1 ? c.f[1].s : "", *due = c.nf > 2 ? c.f[2].s : "";
		if (!rows++ && !strcmp(d, "部门"))
			continue; /* the titles */
		char *end;
		long long year = strtoll(y, &end, 10);
		if (!*y || *end)
			year = 0;
		const char *why = c.nf != 3 ? "每行应为三栏：部门,年度,截止日期" : entry_problem(d, year, due);
		if (*why) {
			ys_error(ctx, YS_EPARSE, "%s:%d:%d：%s", name, c.f[0].line, c.f[0].col, why);
			bad = 1;
		} else if (n == LEDGER_MAX_ROWS) {
			ys_error(ctx, YS_ELIMIT, "%s:%d：至多 %d 行", name, c.f[0].line, LEDGER_MAX_ROWS);
			bad = 1;
		} else {
			if (n == cap) {
				cap = cap ? 2 * cap : 64;
				entry *ne = realloc(e, sizeof *e * (size_t)cap);
				if (ne)
					e = ne;
				size_t *no = realloc(offs, sizeof *offs * 2 * (size_t)cap);
				if (no)
					offs = no;
				if (!ne || !no) {
					ys_error(ctx, YS_ENOMEM, "内存不足");
					bad = 1;
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
	}
	ys_csv_release(&c);
	if (!bad && k < 0)
		bad = 1; /* the reader's message is on ctx */
	if (!bad && b.oom)
		bad = 1, ys_error(ctx, YS_ENOMEM, "内存不足");
	if (!bad && !n)
		bad = 1, ys_error(ctx, YS_EEMPTY, "%s：没有一行应交（每行：部门,年度,截止日期）", name);
	if (bad) {
		free(e);
		free(offs);
		ys_buf_release(&b);
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

ys_result ys_ledger_import(ys_ctx *ctx, ys_store *st, const char *name, const char *text, size_t len, const char *by,
                           int counts[3])
{
	entry *e;
	char *keep;
	memset(counts, 0, 3 * sizeof *counts);
	int n = parse_csv(ctx, name, text, len, &e, &keep);
	if (n < 0)
		return ctx->code;
	set_arg a;
	memset(&a, 0, sizeof a);
	a.who = by;
	a.e = e;
	a.n = n;
	ys_result r = ys_store_transact(ctx, st, set_tx, &a);
	if (!r)
		memcpy(counts, a.count, sizeof a.count);
	free(e);
	free(keep);
	return r;
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

ys_result ys_ledger_today(ys_ctx *ctx, ys_store *st, char *day)
{
	day[0] = '\0';
	const char *sql = !strcmp(ys_store_backend(st), "postgresql")
	                          ? "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
	                          : "SELECT strftime('%Y-%m-%d', 'now')";
	char buf[32] = "";
	ys_result r = ys_store_select(ctx, st, sql, NULL, 0, text_row, buf);
	if (!r && !date_ok(buf))
		r = ys_error(ctx, YS_ESTORE, "数据库的日期读不出来：“%s”", buf);
	if (!r)
		memcpy(day, buf, 11); /* date_ok: 10 bytes and the NUL */
	return r;
}

ys_result ys_ledger_year(ys_ctx *ctx, ys_store *st, const char *today, int *year)
{
	int64_t newest = 0;
	ys_result r = ys_store_select(ctx, st, "SELECT max(year) FROM ledger", NULL, 0, int_row, &newest);
	*year = newest ? (int)newest : atoi(today); /* atoi of "2026-12-06": its year */
	return r;
}

typedef struct walk {
	int year;
	const char *today;
	int unexpected; /* the rows now are those not expected */
	int (*fn)(const ys_ledger_row *r, void *arg);
	void *arg;
} walk;

static int ledger_row(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	walk *w = arg;
	ys_ledger_row r;
	memset(&r, 0, sizeof r);
	r.department = row[0].s ? row[0].s : "";
	r.year = w->year;
	r.due = w->unexpected || !row[1].s ? "" : row[1].s;
	r.first_upload = row[2].type == YS_V_TEXT && row[2].s ? row[2].s : "";
	r.document = row[3].type == YS_V_INT ? row[3].i : 0;
	r.workflow = row[4].s ? row[4].s : "编制";
	r.workflow_version = row[5].i;
	if (row[6].type == YS_V_INT) {
		r.checked = 1;
		r.errors = row[6].i;
		r.warnings = row[7].i;
		r.notices = row[8].i;
		r.permille = row[9].i;
	}
	if (w->unexpected)
		r.state = YS_LEDGER_UNEXPECTED;
	else if (r.first_upload[0])
		r.state = strncmp(r.first_upload, r.due, 10) <= 0 ? YS_LEDGER_ON_TIME : YS_LEDGER_LATE;
	else
		r.state = strcmp(w->today, r.due) <= 0 ? YS_LEDGER_PENDING : YS_LEDGER_MISSING;
	return w->fn(&r, w->arg);
}

/* department, due, first upload, newest document, workflow state and
 * version, the newest document's check */
#define LEDGER_SQL(keys, due, more) \
	"SELECT k.department, " due ", d.first_at, d.id, COALESCE(w.state, '编制'), COALESCE(w.version, 0)," \
	" c.errors, c.warnings, c.notices, c.permille" \
	" FROM " keys " LEFT JOIN workflow w ON w.department = k.department AND w.year = k.year" \
	" LEFT JOIN (SELECT department, year, min(imported_at) AS first_at, max(id) AS id FROM disclosure" \
	" GROUP BY department, year) d ON d.department = k.department AND d.year = k.year" \
	" LEFT JOIN dcheck c ON c.disclosure_id = d.id WHERE k.year = ?" more " ORDER BY k.department"

ys_result ys_ledger_list(ys_ctx *ctx, ys_store *st, int year, const char *today,
                         int (*fn)(const ys_ledger_row *r, void *arg), void *arg)
{
	walk w = { year, today, 0, fn, arg };
	ys_value y[2] = { { YS_V_INT, year, NULL }, { YS_V_INT, year, NULL } };
	ys_result r = ys_store_select(ctx, st, LEDGER_SQL("ledger k", "k.due", ""), y, 1, ledger_row, &w);
	if (r)
		return r;
	w.unexpected = 1;
	return ys_store_select(ctx, st,
	                       LEDGER_SQL("(SELECT DISTINCT department, year FROM disclosure) k", "''",
	                                  " AND NOT EXISTS (SELECT 1 FROM ledger l WHERE l.department = k.department"
	                                  " AND l.year = ?)"),
	                       y, 2, ledger_row, &w);
}

/* ---- the server: what a request asks and may see ---- */

typedef struct view {
	req *q;
	char today[16];
	int year;
	int count[4];
	json_t *rows, *others; /* the API's */
	ys_buf *o, *o2;        /* the page's: expected rows, the others */
} view;

/* Today, the year asked for (?year=, else ys_ledger_year); -1 answered. */
static int view_open(req *q, view *v)
{
	memset(v, 0, sizeof *v);
	v->q = q;
	if (ys_ledger_today(&q->ctx, q->st, v->today)) {
		ys_srv_answer_store_error(q);
		return -1;
	}
	const char *y = ys_srv_req_arg(q, "year");
	if (y && *y) {
		char *end;
		long long n = strtoll(y, &end, 10);
		if (*end || n < 1990 || n > 2200) {
			ys_srv_answer_error(q, 400, "年度（year）应为 1990 到 2200 之间的整数：“%s”", y);
			return -1;
		}
		v->year = (int)n;
	} else if (ys_ledger_year(&q->ctx, q->st, v->today, &v->year)) {
		ys_srv_answer_store_error(q);
		return -1;
	}
	return 0;
}

/* editors see their departments only */
static int visible(view *v, const ys_ledger_row *r)
{
	if ((v->q->u.role & YS_ROLE_EDITOR) && !ys_srv_user_in_dept(&v->q->u, r->department))
		return 0;
	if (r->state < 4)
		v->count[r->state]++;
	return 1;
}

/* ---- the API ---- */

static int json_row(const ys_ledger_row *r, void *arg)
{
	view *v = arg;
	if (!visible(v, r))
		return 0;
	json_t *o = json_pack("{ss si ss sI ss}", "department", r->department, "year", r->year, "workflow", r->workflow,
	                      "workflow_version", (json_int_t)r->workflow_version, "first_upload", r->first_upload);
	if (!o)
		return 0;
	if (r->state != YS_LEDGER_UNEXPECTED) {
		json_object_set_new(o, "due", json_string(r->due));
		json_object_set_new(o, "state", json_string(st_names[r->state]));
		json_object_set_new(o, "state_key", json_string(st_keys[r->state]));
	}
	json_object_set_new(o, "document", r->document ? json_integer(r->document) : json_null());
	json_object_set_new(o, "findings", r->checked ? json_pack("{sI sI sI sI}", "errors", (json_int_t)r->errors, "warnings",
	                                                          (json_int_t)r->warnings, "notices", (json_int_t)r->notices,
	                                                          "coverage_permille", (json_int_t)r->permille)
	                                              : json_null());
	json_array_append_new(r->state == YS_LEDGER_UNEXPECTED ? v->others : v->rows, o);
	return 0;
}

void ys_srv_api_ledger(req *q)
{
	view v;
	if (view_open(q, &v))
		return;
	v.rows = json_array();
	v.others = json_array();
	if (ys_ledger_list(&q->ctx, q->st, v.year, v.today, json_row, &v)) {
		json_decref(v.rows);
		json_decref(v.others);
		ys_srv_answer_store_error(q);
		return;
	}
	json_t *counts = json_object();
	for (int i = 0; i < 4; i++)
		json_object_set_new(counts, st_keys[i], json_integer(v.count[i]));
	ys_srv_answer_json(q, 200, json_pack("{si ss so so so}", "year", v.year, "today", v.today, "counts", counts, "ledger",
	                                     v.rows, "unexpected", v.others));
}

void ys_srv_api_ledger_add(req *q)
{
	const char *dept = ys_srv_req_field(q, "department"), *due = ys_srv_req_field(q, "due");
	int64_t year = ys_srv_req_field_int(q, "year", 0);
	int change = 0;
	if (year < 1990 || year > 2200) { /* before it is an int */
		ys_srv_answer_error(q, 400, "年度（year）应为 1990 到 2200 之间的整数");
		return;
	}
	if (ys_ledger_set(&q->ctx, q->st, dept, (int)year, due, q->u.name, &change)) {
		ys_srv_answer_store_error(q);
		return;
	}
	ys_srv_answer_json(q, change == 1 ? 201 : 200, json_pack("{ss si ss sb sb}", "department", dept, "year", (int)year,
	                                                         "due", due, "added", change == 1, "changed", change == 2));
}

void ys_srv_api_ledger_import(req *q)
{
	const char *given = ys_srv_req_arg(q, "name");
	int n[3];
	if (ys_ledger_import(&q->ctx, q->st, given && *given ? given : "应交清单.csv", q->body.s ? q->body.s : "",
	                     q->body.len, q->u.name, n)) {
		ys_srv_answer_store_error(q);
		return;
	}
	ys_srv_answer_json(q, 200, json_pack("{si si si}", "added", n[0], "changed", n[1], "unchanged", n[2]));
}

/* ---- the page ---- */

static int html_row(const ys_ledger_row *r, void *arg)
{
	view *v = arg;
	if (!visible(v, r))
		return 0;
	int others = r->state == YS_LEDGER_UNEXPECTED;
	ys_buf *o = others ? v->o2 : v->o;
	ys_buf_addf(o, "<tr class=\"ledger-row\" data-state=\"%s\"><td class=\"ledger-dept\">", st_keys[r->state]);
	ys_srv_html_esc(o, r->department);
	ys_buf_adds(o, "</td>");
	if (!others) {
		ys_buf_adds(o, "<td>");
		ys_srv_html_esc(o, r->due);
		ys_buf_addf(o, "</td><td class=\"ledger-state state\">%s</td>", st_names[r->state]);
	}
	ys_buf_adds(o, "<td>");
	ys_srv_html_esc(o, r->first_upload[0] ? r->first_upload : "—");
	ys_buf_adds(o, "</td><td>");
	if (r->document)
		ys_buf_addf(o, "<a href=\"/documents/%lld\">文档 %lld</a>", (long long)r->document, (long long)r->document);
	else
		ys_buf_adds(o, "—");
	ys_buf_adds(o, "</td><td>");
	ys_srv_html_esc(o, r->workflow);
	ys_buf_adds(o, "</td><td class=\"num\">");
	if (r->checked)
		ys_buf_addf(o, "%lld / %lld / %lld", (long long)r->errors, (long long)r->warnings, (long long)r->notices);
	else
		ys_buf_adds(o, "—");
	ys_buf_adds(o, "</td></tr>\n");
	return 0;
}

static const char thead[] =
	"<th>第一次上传</th><th>最新文档</th><th>流程</th><th>错误 / 警告 / 提示</th></tr></thead>\n<tbody>\n";

void ys_srv_page_ledger(req *q)
{
	view v;
	if (view_open(q, &v))
		return;
	ys_buf rows = YS_BUF_INIT, others = YS_BUF_INIT;
	v.o = &rows;
	v.o2 = &others;
	if (ys_ledger_list(&q->ctx, q->st, v.year, v.today, html_row, &v)) {
		ys_buf_release(&rows);
		ys_buf_release(&others);
		ys_srv_answer_store_error(q);
		return;
	}
	ys_buf o = YS_BUF_INIT;
	char title[64];
	snprintf(title, sizeof title, "%d年应交清单", v.year);
	ys_srv_page_open(q, &o, title);
	ys_buf_addf(&o, "<form id=\"ledger-year-form\" method=\"get\" action=\"/ledger\"><label>年度 "
	                "<input id=\"ledger-year\" name=\"year\" value=\"%d\" inputmode=\"numeric\" size=\"6\"></label> "
	                "<button id=\"ledger-year-submit\">查看</button></form>\n",
	            v.year);
	ys_buf_addf(&o, "<p id=\"ledger-summary\">今天（数据库时钟，UTC）%s：", v.today);
	for (int i = 0; i < 4; i++)
		ys_buf_addf(&o, "%s<span id=\"ledger-count-%s\">%s %d</span>", i ? "，" : "", st_keys[i], st_names[i],
		            v.count[i]);
	ys_buf_adds(&o, "</p>\n<table class=\"list\" id=\"ledger-table\"><thead><tr><th>部门</th><th>截止日期</th>"
	                "<th>状态</th>");
	ys_buf_adds(&o, thead);
	ys_buf_add(&o, rows.s, rows.len);
	ys_buf_adds(&o, "</tbody></table>\n");
	if (!rows.len)
		ys_buf_adds(&o, "<p id=\"ledger-empty\">这一年还没有登记应交的部门。</p>\n");
	ys_buf_adds(&o, "<h3>未列入清单却已上传的部门</h3>\n<table class=\"list\" id=\"ledger-unexpected\"><thead>"
	                "<tr><th>部门</th>");
	ys_buf_adds(&o, thead);
	ys_buf_add(&o, others.s, others.len);
	ys_buf_adds(&o, "</tbody></table>\n");
	if (rows.oom || others.oom)
		o.oom = 1;
	ys_buf_release(&rows);
	ys_buf_release(&others);
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
	int64_t year = ys_srv_req_field_int(q, "year", 0);
	if (year < 1990 || year > 2200) {
		ys_srv_answer_error(q, 400, "年度（year）应为 1990 到 2200 之间的整数");
		return;
	}
	if (ys_ledger_set(&q->ctx, q->st, ys_srv_req_field(q, "department"), (int)year, ys_srv_req_field(q, "due"),
	                  q->u.name, NULL))
		ys_srv_answer_store_error(q);
	else
		redirect_year(q, year);
}

void ys_srv_page_ledger_import(req *q)
{
	const char *text = ys_srv_req_field(q, "csv");
	int n[3];
	if (ys_ledger_import(&q->ctx, q->st, "导入的清单", text, strlen(text), q->u.name, n)) {
		ys_srv_answer_store_error(q);
		return;
	}
	ys_srv_answer_redirect(q, "/ledger");
}
