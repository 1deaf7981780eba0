/*
 * serve/api.c - the JSON API under /api/v1/ (docs/api.md) and the route
 * table: every route with its method, path, the roles allowed and its
 * handler, pages (pages.c) included.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve/serve_int.h"


static json_t *user_json(const ys_user *u)
{
	json_t *d = json_array();
	for (int i = 0; i < u->ndepts; i++)
		json_array_append_new(d, json_string(u->depts[i]));
	return json_pack("{sI ss ss so ss}", "id", (json_int_t)u->id, "name", u->name, "role",
	                 ys_role_name(u->role) ? ys_role_name(u->role) : "", "departments", d, "created_at", u->created_at);
}

static int no_row(const ys_value *row, int ncols, void *arg)
{
	(void)row;
	(void)ncols;
	(void)arg;
	return 1;
}

static void api_health(req *q)
{
	ys_result r = ys_store_select(&q->ctx, q->st, "SELECT 1", NULL, 0, no_row, NULL);
	if (r)
		ys_srv_answer_error(q, 503, "数据库不可用：%s", q->ctx.msg);
	else
		ys_srv_answer_json(q, 200, json_pack("{sb ss}", "ok", 1, "store", ys_store_backend(q->st)));
}

static void api_login(req *q)
{
	char token[65], csrf[65];
	if (ys_srv_auth_login(q, ys_srv_req_field(q, "name"), ys_srv_req_field(q, "password"), 0, token, csrf))
		return;
	ys_srv_answer_json(q, 200, json_pack("{ss so}", "token", token, "user", user_json(&q->u)));
}

static void api_logout(req *q)
{
	ys_srv_auth_logout(q);
	ys_srv_answer_json(q, 200, json_pack("{sb}", "ok", 1));
}

static void api_me(req *q)
{
	ys_srv_answer_json(q, 200, user_json(&q->u));
}

/* ---- documents ---- */

typedef struct list_arg {
	req *q;
	json_t *a;
} list_arg;

static int doc_row(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	list_arg *l = arg;
	docmeta m;
	memset(&m, 0, sizeof m);
	snprintf(m.department, sizeof m.department, "%s", row[2].s ? row[2].s : "");
	snprintf(m.state, sizeof m.state, "%s", row[6].s ? row[6].s : "");
	if (!ys_srv_doc_may_see(l->q, &m))
		return 0;
	json_t *o = json_pack("{sI ss ss sI ss ss sb}", "id", (json_int_t)row[0].i, "file", row[1].s ? row[1].s : "",
	                      "department", m.department, "year", (json_int_t)row[3].i, "imported_at",
	                      row[4].s ? row[4].s : "", "state", m.state, "latest", row[5].i == row[0].i);
	if (o && row[7].type == YS_V_INT)
		json_object_set_new(o, "findings", json_pack("{sI sI sI sI}", "errors", (json_int_t)row[7].i, "warnings",
		                                             (json_int_t)row[8].i, "notices", (json_int_t)row[9].i,
		                                             "coverage_permille", (json_int_t)row[10].i));
	json_array_append_new(l->a, o);
	return 0;
}

static void api_documents(req *q)
{
	list_arg l = { q, json_array() };
	if (ys_store_select(&q->ctx, q->st,
	                    "SELECT d.id, d.file, d.department, d.year, d.imported_at,"
	                    " (SELECT max(x.id) FROM disclosure x WHERE x.department = d.department AND x.year = d.year),"
	                    " COALESCE(w.state, '编制'), c.errors, c.warnings, c.notices, c.permille"
	                    " FROM disclosure d LEFT JOIN workflow w ON w.department = d.department AND w.year = d.year"
	                    " LEFT JOIN dcheck c ON c.disclosure_id = d.id ORDER BY d.id DESC",
	                    NULL, 0, doc_row, &l)) {
		json_decref(l.a);
		ys_srv_answer_store_error(q);
		return;
	}
	ys_srv_answer_json(q, 200, json_pack("{so}", "documents", l.a));
}

static void api_upload(req *q)
{
	json_t *out = NULL;
	ys_srv_app_upload(q, &out);
	if (out)
		ys_srv_answer_json(q, q->status, out);
}

static void api_document(req *q)
{
	docmeta m;
	if (ys_srv_doc_meta(q, q->id, &m))
		return;
	if (!ys_srv_doc_may_see(q, &m)) {
		ys_srv_answer_error(q, 403, "没有权限查看文档 %lld", (long long)m.id);
		return;
	}
	/* the tables only when asked for: without them the kept check answers */
	const char *t = ys_srv_req_arg(q, "tables");
	int with_tables = t && !strcmp(t, "1");
	ys_doc *doc = NULL;
	json_t *j = ys_srv_doc_check_json(q, &m, with_tables ? &doc : NULL, NULL);
	if (!j)
		return;
	json_t *tables = NULL;
	if (with_tables) {
		ys_buf b = YS_BUF_INIT;
		if (!ys_render_json(&q->ctx, doc, -1, &b))
			tables = json_loadb(b.s, b.len, 0, NULL);
		ys_buf_release(&b);
		ys_doc_free(doc);
	}
	json_t *o = json_pack("{sI ss ss si ss ss sb sO sO sO so}", "id", (json_int_t)m.id, "file", m.file, "department",
	                      m.department, "year", m.year, "imported_at", m.imported_at, "state", m.state, "latest",
	                      m.latest == m.id, "findings", json_object_get(j, "findings"), "coverage",
	                      json_object_get(j, "coverage"), "summary", json_object_get(j, "summary"), "document",
	                      tables ? tables : json_null());
	json_decref(j);
	ys_srv_answer_json(q, 200, o);
}

static void api_review(req *q)
{
	docmeta m;
	if (ys_srv_doc_meta(q, q->id, &m))
		return;
	json_t *o = ys_srv_app_review(q, &m, ys_srv_req_field(q, "key"), ys_srv_req_field(q, "state"), ys_srv_req_field(q, "reason"),
	                       ys_srv_req_field(q, "comment"));
	if (o)
		ys_srv_answer_json(q, 200, o);
}

/* ---- the workflow ---- */

static int wf_list_row(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	list_arg *l = arg;
	req *q = l->q;
	const char *dept = row[0].s ? row[0].s : "";
	const char *state = row[2].s ? row[2].s : "";
	if ((q->u.role & YS_ROLE_EDITOR) && !ys_srv_user_in_dept(&q->u, dept))
		return 0;
	if ((q->u.role & YS_ROLE_VIEWER) && strcmp(state, "公开"))
		return 0;
	json_t *o = json_pack("{ss sI ss sI}", "department", dept, "year", (json_int_t)row[1].i, "state", state, "version",
	                      (json_int_t)row[3].i);
	if (o && row[4].type == YS_V_INT)
		json_object_set_new(o, "document", json_integer(row[4].i));
	if (o && row[5].type == YS_V_INT)
		json_object_set_new(o, "findings", json_pack("{sI sI sI sI}", "errors", (json_int_t)row[5].i, "warnings",
		                                             (json_int_t)row[6].i, "notices", (json_int_t)row[7].i,
		                                             "coverage_permille", (json_int_t)row[8].i));
	json_array_append_new(l->a, o);
	return 0;
}

/* Every department's year known (a document or a workflow row) with its
 * state, newest document and that document's check figures. */
const char ys_srv_worklist_sql[] =
	"SELECT k.department, k.year, COALESCE(w.state, '编制'), COALESCE(w.version, 0), d.id,"
	" c.errors, c.warnings, c.notices, c.permille"
	" FROM (SELECT department, year FROM disclosure UNION SELECT department, year FROM workflow) k"
	" LEFT JOIN workflow w ON w.department = k.department AND w.year = k.year"
	" LEFT JOIN (SELECT department, year, max(id) AS id FROM disclosure GROUP BY department, year) d"
	" ON d.department = k.department AND d.year = k.year"
	" LEFT JOIN dcheck c ON c.disclosure_id = d.id ORDER BY k.department, k.year";

static void api_workflow_list(req *q)
{
	list_arg l = { q, json_array() };
	if (ys_store_select(&q->ctx, q->st, ys_srv_worklist_sql, NULL, 0, wf_list_row, &l)) {
		json_decref(l.a);
		ys_srv_answer_store_error(q);
		return;
	}
	ys_srv_answer_json(q, 200, json_pack("{so}", "workflow", l.a));
}

static void api_workflow(req *q)
{
	json_t *o = ys_srv_app_workflow(q, ys_srv_req_field(q, "department"), ys_srv_req_field_int(q, "year", 0), ys_srv_req_field(q, "to"),
	                         ys_srv_req_field_int(q, "version", -1));
	if (o)
		ys_srv_answer_json(q, 200, o);
}

/* ---- the audit log ---- */

static int audit_row(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	json_array_append_new(arg, json_pack("{sI ss ss ss ss ss ss}", "id", (json_int_t)row[0].i, "at", row[1].s, "user",
	                                     row[2].s, "action", row[3].s, "object", row[4].s, "before", row[5].s,
	                                     "after", row[6].s));
	return 0;
}

static void api_audit(req *q)
{
	const char *lim = ys_srv_req_arg(q, "limit");
	int64_t n = lim ? strtoll(lim, NULL, 10) : 200;
	if (n < 1 || n > 10000)
		n = 200;
	json_t *a = json_array();
	ys_value v = { YS_V_INT, n, NULL };
	if (ys_store_select(&q->ctx, q->st,
	                    "SELECT id, at_time, user_name, action, object, before, after FROM audit ORDER BY id DESC LIMIT ?",
	                    &v, 1, audit_row, a)) {
		json_decref(a);
		ys_srv_answer_store_error(q);
		return;
	}
	ys_srv_answer_json(q, 200, json_pack("{so}", "audit", a));
}

/* ---- users ---- */

static int user_item(const ys_user *u, void *arg)
{
	json_array_append_new(arg, user_json(u));
	return 0;
}

static void api_users(req *q)
{
	json_t *a = json_array();
	if (ys_user_list(&q->ctx, q->st, user_item, a)) {
		json_decref(a);
		ys_srv_answer_store_error(q);
		return;
	}
	ys_srv_answer_json(q, 200, json_pack("{so}", "users", a));
}

static void api_user_add(req *q)
{
	const char *depts[YS_USER_DEPTS_MAX];
	int n = 0;
	json_t *d = q->form ? json_object_get(q->form, "departments") : NULL;
	size_t i;
	json_t *v;
	json_array_foreach(d, i, v)
	{
		if (n == YS_USER_DEPTS_MAX || !json_is_string(v)) {
			ys_srv_answer_error(q, 400, "departments 应为至多 %d 个部门名", YS_USER_DEPTS_MAX);
			return;
		}
		depts[n++] = json_string_value(v);
	}
	int role = ys_role_parse(ys_srv_req_field(q, "role"));
	if (!role) {
		ys_srv_answer_error(q, 400, "角色（role）应为 admin、reviewer、editor 或 viewer");
		return;
	}
	if (ys_user_add(&q->ctx, q->st, ys_srv_req_field(q, "name"), role, depts, n, ys_srv_req_field(q, "password"), q->u.name)) {
		ys_srv_answer_store_error(q);
		return;
	}
	ys_srv_answer_json(q, 201, json_pack("{ss ss}", "name", ys_srv_req_field(q, "name"), "role", ys_role_name(role)));
}

static int find_id(const ys_user *u, void *arg)
{
	ys_user *want = arg;
	if (u->id != want->id)
		return 0;
	*want = *u;
	return 1;
}

static void api_user_del(req *q)
{
	ys_user u;
	memset(&u, 0, sizeof u);
	u.id = q->id;
	if (ys_user_list(&q->ctx, q->st, find_id, &u)) {
		ys_srv_answer_store_error(q);
		return;
	}
	if (!u.name[0]) {
		ys_srv_answer_error(q, 404, "没有编号为 %lld 的用户", (long long)q->id);
		return;
	}
	if (u.id == q->u.id) {
		ys_srv_answer_error(q, 400, "不能删除自己");
		return;
	}
	if (ys_user_del(&q->ctx, q->st, u.name, q->u.name)) {
		ys_srv_answer_store_error(q);
		return;
	}
	ys_srv_answer_json(q, 200, json_pack("{sb}", "ok", 1));
}

#define ALL (R_ANY)
#define STAFF (YS_ROLE_ADMIN | YS_ROLE_REVIEWER)

const route ys_routes[] = {
	{ "GET", "/healthz", R_ANON, 0, api_health },
	{ "POST", "/api/v1/login", R_ANON, 0, api_login },
	{ "POST", "/api/v1/logout", ALL, 0, api_logout },
	{ "GET", "/api/v1/me", ALL, 0, api_me },
	{ "GET", "/api/v1/documents", ALL, 0, api_documents },
	{ "POST", "/api/v1/documents", YS_ROLE_ADMIN | YS_ROLE_EDITOR, RF_UPLOAD, api_upload },
	{ "GET", "/api/v1/documents/{id}", ALL, 0, api_document },
	{ "POST", "/api/v1/documents/{id}/reviews", STAFF, 0, api_review },
	{ "GET", "/api/v1/documents/{id}/findings/{n}", ALL, 0, ys_srv_api_finding },
	{ "GET", "/api/v1/documents/{id}/pages/{n}.png", ALL, 0, ys_srv_page_png },
	{ "GET", "/api/v1/documents/{id}/review.xlsx", ALL, 0, ys_srv_review_xlsx },
	{ "GET", "/api/v1/documents/{id}/review.pdf", ALL, 0, ys_srv_review_pdf },
	{ "GET", "/api/v1/workflow", ALL, 0, api_workflow_list },
	{ "POST", "/api/v1/workflow", YS_ROLE_ADMIN | YS_ROLE_REVIEWER | YS_ROLE_EDITOR, 0, api_workflow },
	{ "GET", "/api/v1/audit", STAFF, 0, api_audit },
	{ "GET", "/api/v1/users", YS_ROLE_ADMIN, 0, api_users },
	{ "POST", "/api/v1/users", YS_ROLE_ADMIN, 0, api_user_add },
	{ "DELETE", "/api/v1/users/{id}", YS_ROLE_ADMIN, 0, api_user_del },
	/* the detailed budget edited online (edit.c) */
	{ "GET", "/api/v1/budgets", STAFF | YS_ROLE_EDITOR, 0, ys_srv_api_budgets },
	{ "GET", "/api/v1/budgets/{id}", STAFF | YS_ROLE_EDITOR, 0, ys_srv_api_budget },
	{ "POST", "/api/v1/budgets/{id}/items/{n}", YS_ROLE_ADMIN | YS_ROLE_EDITOR, 0, ys_srv_api_budget_change },
	{ "POST", "/api/v1/budgets/{id}/projects/{n}", YS_ROLE_ADMIN | YS_ROLE_EDITOR, 0, ys_srv_api_budget_change },
	{ "POST", "/api/v1/budgets/{id}/indicators/{n}", YS_ROLE_ADMIN | YS_ROLE_EDITOR, 0, ys_srv_api_budget_change },
	{ "POST", "/api/v1/budgets/{id}/incomes/{n}", YS_ROLE_ADMIN | YS_ROLE_EDITOR, 0, ys_srv_api_budget_change },
	{ "POST", "/api/v1/budgets/{id}/build", YS_ROLE_ADMIN | YS_ROLE_EDITOR, 0, ys_srv_api_budget_build },
	{ "POST", "/api/v1/jobs", YS_ROLE_ADMIN | YS_ROLE_EDITOR, RF_UPLOAD | RF_MULTIPART, ys_srv_api_jobs_post },
	{ "GET", "/api/v1/jobs", YS_ROLE_ADMIN | YS_ROLE_REVIEWER | YS_ROLE_EDITOR, 0, ys_srv_api_jobs },
	{ "GET", "/api/v1/jobs/{id}", YS_ROLE_ADMIN | YS_ROLE_REVIEWER | YS_ROLE_EDITOR, 0, ys_srv_api_job },
	{ "GET", "/api/v1/ledger", YS_ROLE_ADMIN | YS_ROLE_REVIEWER | YS_ROLE_EDITOR, 0, ys_srv_api_ledger },
	{ "POST", "/api/v1/ledger", YS_ROLE_ADMIN, 0, ys_srv_api_ledger_add },
	{ "POST", "/api/v1/ledger/import", YS_ROLE_ADMIN, RF_UPLOAD, ys_srv_api_ledger_import },
	/* pages */
	{ "GET", "/", R_ANON, RF_PAGE, ys_srv_page_root },
	{ "GET", "/style.css", R_ANON, RF_PAGE, ys_srv_page_style },
	{ "GET", "/login", R_ANON, RF_PAGE, ys_srv_page_login },
	{ "POST", "/login", R_ANON, RF_PAGE | RF_FORM, ys_srv_page_login_post },
	{ "POST", "/logout", ALL, RF_PAGE | RF_FORM, ys_srv_page_logout },
	{ "GET", "/worklist", ALL, RF_PAGE, ys_srv_page_worklist },
	{ "GET", "/documents/{id}", ALL, RF_PAGE, ys_srv_page_document },
	{ "POST", "/documents/{id}/review", STAFF, RF_PAGE | RF_FORM, ys_srv_page_review },
	{ "GET", "/documents/{id}/findings/{n}", ALL, RF_PAGE, ys_srv_page_finding },
	{ "GET", "/documents/{id}/pages/{n}.png", ALL, RF_PAGE, ys_srv_page_png },
	{ "GET", "/documents/{id}/review.xlsx", ALL, RF_PAGE, ys_srv_review_xlsx },
	{ "GET", "/documents/{id}/review.pdf", ALL, RF_PAGE, ys_srv_review_pdf },
	{ "POST", "/workflow", YS_ROLE_ADMIN | YS_ROLE_REVIEWER | YS_ROLE_EDITOR, RF_PAGE | RF_FORM, ys_srv_page_workflow },
	{ "GET", "/audit", STAFF, RF_PAGE, ys_srv_page_audit },
	{ "GET", "/users", YS_ROLE_ADMIN, RF_PAGE, ys_srv_page_users },
	{ "POST", "/users", YS_ROLE_ADMIN, RF_PAGE | RF_FORM, ys_srv_page_users_add },
	{ "POST", "/users/{id}/delete", YS_ROLE_ADMIN, RF_PAGE | RF_FORM, ys_srv_page_users_del },
	{ "GET", "/budgets", STAFF | YS_ROLE_EDITOR, RF_PAGE, ys_srv_page_budgets },
	{ "GET", "/budgets/{id}", STAFF | YS_ROLE_EDITOR, RF_PAGE, ys_srv_page_budget },
	{ "POST", "/budgets/{id}/items/{n}", YS_ROLE_ADMIN | YS_ROLE_EDITOR, RF_PAGE | RF_FORM, ys_srv_page_budget_change },
	{ "POST", "/budgets/{id}/projects/{n}", YS_ROLE_ADMIN | YS_ROLE_EDITOR, RF_PAGE | RF_FORM, ys_srv_page_budget_change },
	{ "POST", "/budgets/{id}/indicators/{n}", YS_ROLE_ADMIN | YS_ROLE_EDITOR, RF_PAGE | RF_FORM, ys_srv_page_budget_change },
	{ "POST", "/budgets/{id}/incomes/{n}", YS_ROLE_ADMIN | YS_ROLE_EDITOR, RF_PAGE | RF_FORM, ys_srv_page_budget_change },
	{ "POST", "/budgets/{id}/build", YS_ROLE_ADMIN | YS_ROLE_EDITOR, RF_PAGE | RF_FORM, ys_srv_page_budget_build },
	{ "GET", "/upload", YS_ROLE_ADMIN | YS_ROLE_EDITOR, RF_PAGE, ys_srv_page_upload },
	{ "POST", "/upload", YS_ROLE_ADMIN | YS_ROLE_EDITOR, RF_PAGE | RF_UPLOAD | RF_MULTIPART, ys_srv_page_upload_post },
	{ "GET", "/jobs", YS_ROLE_ADMIN | YS_ROLE_REVIEWER | YS_ROLE_EDITOR, RF_PAGE, ys_srv_page_jobs },
	{ "GET", "/jobs/{id}", YS_ROLE_ADMIN | YS_ROLE_REVIEWER | YS_ROLE_EDITOR, RF_PAGE, ys_srv_page_job },
	{ "GET", "/ledger", YS_ROLE_ADMIN | YS_ROLE_REVIEWER | YS_ROLE_EDITOR, RF_PAGE, ys_srv_page_ledger },
	{ "POST", "/ledger", YS_ROLE_ADMIN, RF_PAGE | RF_FORM, ys_srv_page_ledger_add },
	{ "POST", "/ledger/import", YS_ROLE_ADMIN, RF_PAGE | RF_FORM, ys_srv_page_ledger_import },
};
const size_t ys_nroutes = sizeof ys_routes / sizeof ys_routes[0];
