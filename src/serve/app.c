/*
 * serve/app.c - what the API and the pages both do: store and check an
 * uploaded document, a stored document's check with the review of each
 * finding, a review, a step of the workflow.  SQL written once for both
 * stores (portable, "?" parameters: ys_store_select, ys_store_exec in
 * ys_store_transact).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "serve/serve_int.h"

const char *const ys_srv_wf_states[5] = { "编制", "提交", "审核", "批复", "公开" };

/* Who may move a department's year from one state to another: editors only
 * their departments'. */
static const struct {
	const char *from, *to;
	int roles;
} wf_moves[] = {
	{ "编制", "提交", YS_ROLE_ADMIN | YS_ROLE_EDITOR },
	{ "提交", "审核", YS_ROLE_ADMIN | YS_ROLE_REVIEWER },
	{ "提交", "编制", YS_ROLE_ADMIN | YS_ROLE_REVIEWER }, /* 退回 */
	{ "审核", "批复", YS_ROLE_ADMIN | YS_ROLE_REVIEWER },
	{ "审核", "编制", YS_ROLE_ADMIN | YS_ROLE_REVIEWER }, /* 退回 */
	{ "批复", "公开", YS_ROLE_ADMIN },
};

int ys_srv_wf_can(int role, const char *from, const char *to)
{
	for (size_t i = 0; i < sizeof wf_moves / sizeof wf_moves[0]; i++)
		if (!strcmp(wf_moves[i].from, from) && !strcmp(wf_moves[i].to, to))
			return (wf_moves[i].roles & role) != 0;
	return 0;
}

static void now_iso(char *buf, size_t cap)
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void vcopy(char *dst, size_t cap, const ys_value *v)
{
	snprintf(dst, cap, "%s", v->type == YS_V_TEXT && v->s ? v->s : "");
}

/* ---- a stored document ---- */

static int meta_row(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	docmeta *m = arg;
	m->id = row[0].i;
	vcopy(m->file, sizeof m->file, &row[1]);
	vcopy(m->department, sizeof m->department, &row[2]);
	m->year = (int)row[3].i;
	vcopy(m->imported_at, sizeof m->imported_at, &row[4]);
	m->latest = row[5].i;
	vcopy(m->state, sizeof m->state, &row[6]);
	return 1;
}

int ys_srv_doc_meta(req *q, int64_t id, docmeta *m)
{
	memset(m, 0, sizeof *m);
	ys_value v = { YS_V_INT, id, NULL };
	if (ys_store_select(&q->ctx, q->st,
	                    "SELECT d.id, d.file, d.department, d.year, d.imported_at,"
	                    " (SELECT max(x.id) FROM disclosure x WHERE x.department = d.department AND x.year = d.year),"
	                    " COALESCE((SELECT w.state FROM workflow w WHERE w.department = d.department"
	                    " AND w.year = d.year), '编制') FROM disclosure d WHERE d.id = ?",
	                    &v, 1, meta_row, m)) {
		ys_srv_answer_store_error(q);
		return -1;
	}
	if (!m->id) {
		ys_srv_answer_error(q, 404, "没有编号为 %lld 的文档", (long long)id);
		return -1;
	}
	return 0;
}

int ys_srv_doc_may_see(const req *q, const docmeta *m)
{
	if (q->u.role & (YS_ROLE_ADMIN | YS_ROLE_REVIEWER))
		return 1;
	if (q->u.role & YS_ROLE_EDITOR)
		return ys_srv_user_in_dept(&q->u, m->department);
	return !strcmp(m->state, "公开");
}

/* Check doc; its report's JSON (as `yusuan check --format json`) in *out
 * and as text in *text (freed by the caller). */
static ys_result check_doc(req *q, const ys_doc *doc, ys_report **rep, json_t **out, char **text)
{
	ys_catalog *cat = NULL;
	ys_buf b = YS_BUF_INIT;
	*rep = NULL;
	*out = NULL;
	*text = NULL;
	ys_result r = ys_catalog_open(&q->ctx, q->srv->catalog, doc->year ? doc->year : 9999, &cat);
	if (!r) {
		ys_check_opts opts = { cat, NULL, NULL };
		r = ys_check(&q->ctx, doc, &opts, rep);
	}
	if (!r)
		r = ys_render_report(&q->ctx, doc, *rep, YS_REPORT_JSON, &b);
	if (!r && b.oom)
		r = ys_error(&q->ctx, YS_ENOMEM, "内存不足");
	if (!r) {
		json_error_t e;
		*out = json_loadb(b.s, b.len, 0, &e);
		if (!*out)
			r = ys_error(&q->ctx, YS_ENOMEM, "检查结果无法读回：%s", e.text);
	}
	if (!r && !(*text = ys_buf_detach(&b, NULL)))
		r = ys_error(&q->ctx, YS_ENOMEM, "内存不足");
	ys_buf_release(&b);
	ys_catalog_free(cat);
	if (r) {
		ys_report_free(*rep);
		*rep = NULL;
		json_decref(*out);
		*out = NULL;
	}
	return r;
}

typedef struct keep_arg {
	int64_t id;
	const ys_report *rep;
	const char *report;
} keep_arg;

static ys_result keep_check(ys_ctx *ctx, ys_store *st, void *arg)
{
	keep_arg *a = arg;
	const ys_report *rep = a->rep;
	char now[32];
	now_iso(now, sizeof now);
	ys_value v[8] = { { YS_V_INT, a->id, NULL },
		          { YS_V_INT, rep->count[YS_SEV_ERROR], NULL },
		          { YS_V_INT, rep->count[YS_SEV_WARNING], NULL },
		          { YS_V_INT, rep->count[YS_SEV_NOTICE], NULL },
		          { YS_V_INT, rep->cov.permille, NULL },
		          { YS_V_TEXT, 0, now },
		          { YS_V_TEXT, 0, YUSUAN_VERSION },
		          { YS_V_TEXT, 0, a->report } };
	return ys_store_exec(ctx, st,
	                     "INSERT INTO dcheck(disclosure_id, errors, warnings, notices, permille, checked_at, checked_by,"
	                     " report) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (disclosure_id) DO UPDATE SET"
	                     " errors = excluded.errors, warnings = excluded.warnings, notices = excluded.notices,"
	                     " permille = excluded.permille, checked_at = excluded.checked_at,"
	                     " checked_by = excluded.checked_by, report = excluded.report",
	                     v, 8, NULL, NULL);
}

/* A finding's key: rule|table|row|column, kept across re-checks. */
static void finding_key(json_t *f, char *key, size_t cap)
{
	const char *parts[4] = { "rule", "table", "row", "column" };
	size_t n = 0;
	key[0] = '\0';
	for (int i = 0; i < 4; i++) {
		json_t *v = json_object_get(f, parts[i]);
		const char *s = json_is_string(v) ? json_string_value(v) : "";
		n += (size_t)snprintf(key + (n < cap ? n : cap - 1), n < cap ? cap - n : 1, "%s%s", i ? "|" : "", s);
	}
}

static int review_row(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	json_t *map = arg;
	json_t *r = json_pack("{ss ss ss ss ss sI}", "state", row[1].s ? row[1].s : "", "reason", row[2].s ? row[2].s : "",
	                      "comment", row[3].s ? row[3].s : "", "user", row[4].s ? row[4].s : "", "at",
	                      row[5].s ? row[5].s : "", "document", (json_int_t)row[6].i);
	if (r && row[0].s)
		json_object_set_new(map, row[0].s, r);
	else
		json_decref(r);
	return 0;
}

static int text_row(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	if (row[0].type == YS_V_TEXT && row[0].s && row[0].s[0])
		*(json_t **)arg = json_loads(row[0].s, 0, NULL);
	return 1;
}

json_t *ys_srv_doc_check_json(req *q, const docmeta *m, ys_doc **docp, ys_report **repp)
{
	ys_doc *doc = NULL;
	ys_report *rep = NULL;
	json_t *j = NULL;
	if (!docp && !repp) { /* the kept check of this version, when there is one */
		ys_value v[2] = { { YS_V_INT, m->id, NULL }, { YS_V_TEXT, 0, YUSUAN_VERSION } };
		if (ys_store_select(&q->ctx, q->st, "SELECT report FROM dcheck WHERE disclosure_id = ? AND checked_by = ?", v,
		                    2, text_row, &j)) {
			ys_srv_answer_store_error(q);
			return NULL;
		}
	}
	if (!j) {
		char *text = NULL;
		if (ys_store_load_doc(&q->ctx, q->st, m->id, &doc) || check_doc(q, doc, &rep, &j, &text)) {
			ys_srv_answer_store_error(q);
			ys_doc_free(doc);
			return NULL;
		}
		keep_arg ka = { m->id, rep, text };
		ys_ctx scratch; /* kept for the next time: a failure here is not the request's */
		ys_ctx_init(&scratch);
		ys_store_transact(&scratch, q->st, keep_check, &ka);
		free(text);
	}
	json_t *reviews = json_object();
	ys_value v[2] = { { YS_V_TEXT, 0, m->department }, { YS_V_INT, m->year, NULL } };
	if (!reviews || ys_store_select(&q->ctx, q->st,
	                                "SELECT finding_key, state, reason, comment, user_name, reviewed_at, disclosure_id"
	                                " FROM review WHERE department = ? AND year = ?",
	                                v, 2, review_row, reviews)) {
		ys_srv_answer_store_error(q);
		json_decref(reviews);
		json_decref(j);
		ys_report_free(rep);
		ys_doc_free(doc);
		return NULL;
	}
	json_t *seen = json_object();
	json_t *fs = json_object_get(j, "findings");
	size_t i;
	json_t *f;
	json_array_foreach(fs, i, f)
	{
		char key[1024], k2[1100];
		finding_key(f, key, sizeof key);
		json_t *c = json_object_get(seen, key);
		int n = c ? (int)json_integer_value(c) + 1 : 1;
		json_object_set_new(seen, key, json_integer(n));
		if (n > 1)
			snprintf(k2, sizeof k2, "%s#%d", key, n);
		else
			snprintf(k2, sizeof k2, "%s", key);
		json_object_set_new(f, "key", json_string(k2));
		json_t *rv = json_object_get(reviews, k2);
		json_object_set(f, "review", rv ? rv : json_null());
	}
	json_decref(seen);
	json_decref(reviews);
	if (docp)
		*docp = doc;
	else
		ys_doc_free(doc);
	if (repp)
		*repp = rep;
	else
		ys_report_free(rep);
	return j;
}

/* ---- an upload ---- */

int ys_srv_clean_name(const char *in, char *out, size_t cap)
{
	const char *base = in;
	for (const char *p = in; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	size_t n = strlen(base);
	if (n == 0 || n >= cap || n > 200 || !strcmp(base, ".") || !strcmp(base, ".."))
		return -1;
	for (const char *p = base; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return -1;
	size_t bad;
	if (!ys_utf8_valid(base, n, &bad))
		return -1;
	memcpy(out, base, n + 1);
	return 0;
}

static int id_row(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	*(int64_t *)arg = row[0].i;
	return 1;
}

typedef struct up_arg {
	const ys_srv_upload *up;
	const char *who, *dept, *hash, *media;
	const ys_doc *doc;
	int64_t id;
	int stored;
	const ys_report *rep;
	const char *report;
} up_arg;

/* The document, its check and its audit row in one transaction (and the
 * caller's own writes: a job's end), so that a failure leaves none of
 * them and a document is never stored without its audit row.  The same
 * bytes stored already: that document, with its audit row. */
static ys_result upload_tx(ys_ctx *ctx, ys_store *st, void *arg)
{
	up_arg *a = arg;
	int64_t replaced = 0;
	a->id = 0;
	a->stored = 1;
	/* the file itself is kept with it: its pages are drawn again (pdfview.c) */
	ys_result r = ys_store_import_original(ctx, st, a->doc, a->hash, a->up->data, a->up->len, a->media, 0, &a->id,
	                                       &replaced);
	if (r == YS_EREFUSED) {
		ys_value v = { YS_V_TEXT, 0, a->hash };
		ys_ctx_init(ctx);
		a->stored = 0;
		r = ys_store_select(ctx, st, "SELECT max(id) FROM disclosure WHERE file_sha256 = ?", &v, 1, id_row, &a->id);
	}
	if (r)
		return r;
	keep_arg ka = { a->id, a->rep, a->report };
	r = keep_check(ctx, st, &ka);
	char obj[64], after[1024];
	snprintf(obj, sizeof obj, "文档 %lld", (long long)a->id);
	snprintf(after, sizeof after, "%s（%s %d年）：%d 个错误，%d 个警告%s", a->up->name, a->dept, a->doc->year,
	         a->rep->count[YS_SEV_ERROR], a->rep->count[YS_SEV_WARNING], a->stored ? "" : "；内容与已存的相同");
	if (!r)
		r = ys_srv_audit_add(ctx, st, a->who, "上传", obj, "", after);
	if (!r && a->up->also)
		r = a->up->also(ctx, st, a->up->also_arg, a->id, a->dept);
	return r;
}

static void progress(const ys_srv_upload *up, const char *step, int permille)
{
	if (up->progress)
		up->progress(up->progress_arg, step, permille);
}

void ys_srv_app_upload_file(req *q, const ys_srv_upload *up, json_t **out)
{
	*out = NULL;
	const char *name = up->name;
	if (!up->len) {
		ys_srv_answer_error(q, 400, "%s：文件是空的", name);
		return;
	}
	progress(up, "读取", 100);
	ys_doc *doc = NULL;
	ys_result r;
	int binary = up->len >= 4 && (!memcmp(up->data, "PK\3\4", 4) || !memcmp(up->data, "%PDF", 4));
	if (binary) {
		/* a workbook or a PDF is read by path: a file of the server's naming */
		char path[512];
		snprintf(path, sizeof path, "%s/u%lu.%s", q->srv->tmpdir,
		         (unsigned long)__atomic_add_fetch(&q->srv->seq, 1, __ATOMIC_RELAXED), up->data[0] == 'P' ? "xlsx" : "pdf");
		r = ys_file_write(&q->ctx, path, up->data, up->len);
		if (!r) {
			r = ys_doc_read_file(&q->ctx, path, &doc);
			if (doc)
				doc->file = ys_arena_strdup(&doc->arena, name);
			if (r) { /* the message names the server's file: name the client's */
				char *at = strstr(q->ctx.msg, path);
				if (at) {
					char rest[YS_MSG_MAX];
					snprintf(rest, sizeof rest, "%s%s", name, at + strlen(path));
					snprintf(at, sizeof q->ctx.msg - (size_t)(at - q->ctx.msg), "%s", rest);
				}
			}
		}
		unlink(path);
	} else {
		r = ys_doc_read_mem(&q->ctx, name, up->data, up->len, &doc);
	}
	if (r || !doc || !doc->file) {
		if (!r)
			ys_error(&q->ctx, YS_ENOMEM, "内存不足");
		q->ctx.code = q->ctx.code == YS_ENOMEM ? YS_ENOMEM : YS_EPARSE;
		ys_srv_answer_store_error(q);
		ys_doc_free(doc);
		return;
	}
	const char *dept = doc->department ? doc->department : "";
	if ((q->u.role & YS_ROLE_EDITOR) && !ys_srv_user_in_dept(&q->u, dept)) {
		ys_srv_answer_error(q, 403, "%s 是“%s”的公开文件：只能上传本部门的", name, dept);
		ys_doc_free(doc);
		return;
	}
	progress(up, "检查", 400);
	ys_report *rep = NULL;
	json_t *check = NULL;
	char *text = NULL;
	if (check_doc(q, doc, &rep, &check, &text)) {
		ys_srv_answer_store_error(q);
		ys_doc_free(doc);
		return;
	}
	progress(up, "保存", 800);
	char hash[YS_HASH_HEX];
	ys_store_hash_bytes(up->data, up->len, hash);
	const char *media = !binary                ? "text/plain"
	                    : up->data[0] == '%'   ? "application/pdf"
	                                           : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	up_arg a = { up, q->u.name, dept, hash, media, doc, 0, 1, rep, text };
	r = ys_store_transact(&q->ctx, q->st, upload_tx, &a);
	if (r) {
		ys_srv_answer_store_error(q);
	} else {
		*out = json_pack("{sI sb ss si so}", "id", (json_int_t)a.id, "stored", a.stored, "department", dept, "year",
		                 doc->year, "check", check);
		check = NULL;
		q->status = a.stored ? 201 : 200;
	}
	json_decref(check);
	free(text);
	ys_report_free(rep);
	ys_doc_free(doc);
}

void ys_srv_app_upload(req *q, json_t **out)
{
	*out = NULL;
	const char *given = ys_srv_req_arg(q, "name");
	if (!given || !*given)
		given = ys_srv_req_header(q, "X-File-Name");
	char name[256];
	if (!given || ys_srv_clean_name(given, name, sizeof name)) {
		ys_srv_answer_error(q, 400, "缺少文件名或文件名不行：在查询参数 name 或头 X-File-Name 中给出（不超过 200 字节，不含控制字符）");
		return;
	}
	ys_srv_upload up = { name, q->body.s, q->body.len, NULL, NULL, NULL, NULL };
	ys_srv_app_upload_file(q, &up, out);
}

/* ---- the workflow ---- */

typedef struct wf_row {
	char state[16];
	int64_t version;
} wf_row;

static int wf_row_fn(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	wf_row *w = arg;
	vcopy(w->state, sizeof w->state, &row[0]);
	w->version = row[1].i;
	return 1;
}

static ys_result wf_read(ys_ctx *ctx, ys_store *st, const char *dept, int year, wf_row *w)
{
	snprintf(w->state, sizeof w->state, "编制");
	w->version = 0;
	ys_value v[2] = { { YS_V_TEXT, 0, dept }, { YS_V_INT, year, NULL } };
	return ys_store_select(ctx, st, "SELECT state, version FROM workflow WHERE department = ? AND year = ?", v, 2,
	                       wf_row_fn, w);
}

typedef struct wf_arg {
	const req *q;
	const char *dept, *to;
	int year;
	int64_t version;
	int status;       /* 409, 400, 403 when refused */
	char msg[512];
	wf_row now;
} wf_arg;

static ys_result wf_tx(ys_ctx *ctx, ys_store *st, void *arg)
{
	wf_arg *a = arg;
	wf_row cur;
	ys_result r = wf_read(ctx, st, a->dept, a->year, &cur);
	if (r)
		return r;
	a->now = cur;
	if (cur.version != a->version) {
		a->status = 409;
		snprintf(a->msg, sizeof a->msg, "已被别人改过：现在是“%s”（版本 %lld），你看到的是版本 %lld", cur.state,
		         (long long)cur.version, (long long)a->version);
		return YS_EREFUSED;
	}
	int move = -1;
	for (size_t i = 0; i < sizeof wf_moves / sizeof wf_moves[0]; i++)
		if (!strcmp(wf_moves[i].from, cur.state) && !strcmp(wf_moves[i].to, a->to))
			move = (int)i;
	if (move < 0) {
		a->status = 400;
		snprintf(a->msg, sizeof a->msg, "不能从“%s”改为“%s”", cur.state, a->to);
		return YS_EREFUSED;
	}
	if (!(wf_moves[move].roles & a->q->u.role)) {
		a->status = 403;
		snprintf(a->msg, sizeof a->msg, "没有权限：%s 不能把“%s”改为“%s”", ys_role_name(a->q->u.role), cur.state, a->to);
		return YS_EREFUSED;
	}
	char now[32];
	now_iso(now, sizeof now);
	int64_t changes = 0;
	if (cur.version == 0) {
		ys_value v[5] = { { YS_V_TEXT, 0, a->dept }, { YS_V_INT, a->year, NULL }, { YS_V_TEXT, 0, a->to },
			          { YS_V_TEXT, 0, a->q->u.name }, { YS_V_TEXT, 0, now } };
		r = ys_store_exec(ctx, st,
		                  "INSERT INTO workflow(department, year, state, version, user_name, updated_at)"
		                  " VALUES (?, ?, ?, 1, ?, ?)",
		                  v, 5, &changes, NULL);
		if (r == YS_EREFUSED) /* another made the row first */
			changes = 0, r = YS_OK;
	} else {
		ys_value v[6] = { { YS_V_TEXT, 0, a->to },   { YS_V_TEXT, 0, a->q->u.name }, { YS_V_TEXT, 0, now },
			          { YS_V_TEXT, 0, a->dept }, { YS_V_INT, a->year, NULL },         { YS_V_INT, cur.version, NULL } };
		r = ys_store_exec(ctx, st,
		                  "UPDATE workflow SET state = ?, version = version + 1, user_name = ?, updated_at = ?"
		                  " WHERE department = ? AND year = ? AND version = ?",
		                  v, 6, &changes, NULL);
	}
	if (r)
		return r;
	if (changes != 1) {
		a->status = 409;
		snprintf(a->msg, sizeof a->msg, "已被别人同时改过：请重新读取");
		return YS_EREFUSED;
	}
	char obj[400], before[64], after[64];
	snprintf(obj, sizeof obj, "流程 %s %d年", a->dept, a->year);
	snprintf(before, sizeof before, "%s（版本 %lld）", cur.state, (long long)cur.version);
	snprintf(after, sizeof after, "%s（版本 %lld）", a->to, (long long)cur.version + 1);
	snprintf(a->now.state, sizeof a->now.state, "%s", a->to);
	a->now.version = cur.version + 1;
	return ys_srv_audit_add(ctx, st, a->q->u.name, "流程", obj, before, after);
}

json_t *ys_srv_app_workflow(req *q, const char *dept, int64_t year64, const char *to, int64_t version)
{
	if (!*dept || strlen(dept) > 250 || year64 < 1990 || year64 > 2200) {
		ys_srv_answer_error(q, 400, "缺少部门（department）或年度（year）");
		return NULL;
	}
	int known = 0;
	for (int i = 0; i < 5; i++)
		known |= !strcmp(ys_srv_wf_states[i], to);
	if (!known) {
		ys_srv_answer_error(q, 400, "“%s”不是流程的状态：应为 编制、提交、审核、批复 或 公开", to);
		return NULL;
	}
	if (version < 0) {
		ys_srv_answer_error(q, 400, "缺少版本（version）：改动要给出看到的版本");
		return NULL;
	}
	int year = (int)year64;
	if ((q->u.role & YS_ROLE_EDITOR) && !ys_srv_user_in_dept(&q->u, dept)) {
		ys_srv_answer_error(q, 403, "没有权限：不是本部门（%s）", dept);
		return NULL;
	}
	wf_arg a;
	memset(&a, 0, sizeof a);
	a.q = q;
	a.dept = dept;
	a.to = to;
	a.year = year;
	a.version = version;
	ys_result r = ys_store_transact(&q->ctx, q->st, wf_tx, &a);
	if (a.status) {
		if (a.status == 409 && !(q->rt->flags & RF_PAGE)) {
			wf_row cur;
			ys_ctx_init(&q->ctx);
			if (wf_read(&q->ctx, q->st, dept, year, &cur))
				cur = a.now;
			ys_srv_answer_json(q, 409, json_pack("{ss ss si ss sI}", "error", a.msg, "department", dept, "year", year,
			                              "state", cur.state, "version", (json_int_t)cur.version));
		} else {
			ys_srv_answer_error(q, a.status, "%s", a.msg);
		}
		return NULL;
	}
	if (r) {
		ys_srv_answer_store_error(q);
		return NULL;
	}
	return json_pack("{ss si ss sI}", "department", dept, "year", year, "state", a.now.state, "version",
	                 (json_int_t)a.now.version);
}

/* ---- a review ---- */

typedef struct rv_arg {
	const req *q;
	const docmeta *m;
	const char *key, *state, *reason, *comment;
	int64_t latest;
	char before[2200];
} rv_arg;

static int rv_old(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	rv_arg *a = arg;
	snprintf(a->before, sizeof a->before, "%s %s %s", row[0].s ? row[0].s : "", row[1].s ? row[1].s : "",
	         row[2].s ? row[2].s : "");
	return 1;
}

static ys_result rv_tx(ys_ctx *ctx, ys_store *st, void *arg)
{
	rv_arg *a = arg;
	ys_value k[3] = { { YS_V_TEXT, 0, a->m->department }, { YS_V_INT, a->m->year, NULL }, { YS_V_TEXT, 0, a->key } };
	ys_result r = ys_store_select(ctx, st, "SELECT max(id) FROM disclosure WHERE department = ? AND year = ?", k, 2,
	                              id_row, &a->latest);
	if (r)
		return r;
	if (a->latest != a->m->id)
		return ys_error(ctx, YS_EREFUSED, "文档已有更新的版本（编号 %lld）：请重新打开再复核", (long long)a->latest);
	if ((r = ys_store_select(ctx, st, "SELECT state, reason, comment FROM review WHERE department = ? AND year = ?"
	                                  " AND finding_key = ?", k, 3, rv_old, a)))
		return r;
	char now[32];
	now_iso(now, sizeof now);
	ys_value v[9] = { { YS_V_TEXT, 0, a->m->department }, { YS_V_INT, a->m->year, NULL }, { YS_V_TEXT, 0, a->key },
		          { YS_V_INT, a->m->id, NULL },         { YS_V_TEXT, 0, a->state },     { YS_V_TEXT, 0, a->reason },
		          { YS_V_TEXT, 0, a->comment },         { YS_V_TEXT, 0, a->q->u.name }, { YS_V_TEXT, 0, now } };
	r = ys_store_exec(ctx, st,
	                  "INSERT INTO review(department, year, finding_key, disclosure_id, state, reason, comment, user_name,"
	                  " reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (department, year, finding_key)"
	                  " DO UPDATE SET disclosure_id = excluded.disclosure_id, state = excluded.state,"
	                  " reason = excluded.reason, comment = excluded.comment, user_name = excluded.user_name,"
	                  " reviewed_at = excluded.reviewed_at",
	                  v, 9, NULL, NULL);
	if (r)
		return r;
	char obj[1400], after[2200];
	snprintf(obj, sizeof obj, "文档 %lld 发现 %s", (long long)a->m->id, a->key);
	snprintf(after, sizeof after, "%s %s %s", a->state, a->reason, a->comment);
	return ys_srv_audit_add(ctx, st, a->q->u.name, "复核", obj, a->before, after);
}

json_t *ys_srv_app_review(req *q, const docmeta *m, const char *key, const char *state, const char *reason,
                   const char *comment)
{
	if (strcmp(state, "confirmed") && strcmp(state, "dismissed") && strcmp(state, "comment")) {
		ys_srv_answer_error(q, 400, "复核的状态（state）应为 confirmed（确认）、dismissed（排除）或 comment（批注）");
		return NULL;
	}
	if (!strcmp(state, "dismissed") && !*reason) {
		ys_srv_answer_error(q, 400, "排除一条发现要写明理由（reason）");
		return NULL;
	}
	if (strlen(reason) > 2000 || strlen(comment) > 2000 || strlen(key) > 1000) {
		ys_srv_answer_error(q, 400, "理由和批注各至多 2000 字节");
		return NULL;
	}
	/* the key must be one of the document's findings now */
	json_t *j = ys_srv_doc_check_json(q, m, NULL, NULL);
	if (!j)
		return NULL;
	int found = 0;
	size_t i;
	json_t *f;
	json_array_foreach(json_object_get(j, "findings"), i, f)
	{
		found |= !strcmp(json_string_value(json_object_get(f, "key")), key);
	}
	json_decref(j);
	if (!found) {
		ys_srv_answer_error(q, 404, "文档 %lld 没有这条发现：%s", (long long)m->id, key);
		return NULL;
	}
	rv_arg a;
	memset(&a, 0, sizeof a);
	a.q = q;
	a.m = m;
	a.key = key;
	a.state = state;
	a.reason = reason;
	a.comment = comment;
	if (ys_store_transact(&q->ctx, q->st, rv_tx, &a)) {
		if (q->ctx.code == YS_EREFUSED && a.latest && a.latest != m->id)
			ys_srv_answer_json(q, 409, json_pack("{ss sI}", "error", q->ctx.msg, "latest", (json_int_t)a.latest));
		else
			ys_srv_answer_store_error(q);
		return NULL;
	}
	return json_pack("{sI ss ss ss ss ss}", "document", (json_int_t)m->id, "key", key, "state", state, "reason",
	                 reason, "comment", comment, "user", q->u.name);
}
