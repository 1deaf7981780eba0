/*
 * serve/pages.c - the server's pages: Chinese, rendered here, no script,
 * nothing from another host (the stylesheet is the published site's, from
 * /style.css).  Every text from the store or a client goes through
 * ys_srv_html_esc; every form carries the session's CSRF token.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve/serve_int.h"

static const char extra_css[] =
	"form.inline{display:inline;margin:0 .2rem}\n"
	"form.stack label{display:block;margin:.4rem 0}\n"
	"nav.site form{display:inline}nav.site button{background:none;border:0;color:inherit;cursor:pointer;font:inherit}\n"
	".msg{padding:.6rem 1rem;background:#fdecea;border:1px solid #e0b4b4}\n"
	"table.list{border-collapse:collapse;width:100%}table.list th,table.list td{border-bottom:1px solid #ddd;"
	"padding:.3rem .5rem;text-align:left;vertical-align:top}\n"
	".state{font-weight:bold}.review{color:#555;font-size:.9rem}\n"
	"img.pdfpage{max-width:100%;height:auto;border:1px solid #ccc}\n";

void ys_srv_page_open_head(req *q, ys_buf *o, const char *title, const char *head)
{
	ys_buf_adds(o, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
	               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
	if (head)
		ys_buf_adds(o, head);
	ys_buf_adds(o, "<title>");
	ys_srv_html_esc(o, title);
	ys_buf_adds(o, " · yusuan</title>\n<link rel=\"stylesheet\" href=\"/style.css\">\n</head>\n<body>\n"
	               "<header class=\"site\"><h1>yusuan 部门预算审核</h1>");
	if (q->authed) {
		ys_buf_adds(o, "<p>");
		ys_srv_html_esc(o, q->u.name);
		ys_buf_addf(o, "（%s）</p>", ys_role_name(q->u.role));
	}
	ys_buf_adds(o, "</header>\n");
	if (q->authed) {
		ys_buf_adds(o, "<nav class=\"site\" aria-label=\"页面\"><a href=\"/worklist\">工作清单</a>");
		if (q->u.role & (YS_ROLE_ADMIN | YS_ROLE_EDITOR))
			ys_buf_adds(o, "<a id=\"nav-upload\" href=\"/upload\">上传</a>");
		if (q->u.role & (YS_ROLE_ADMIN | YS_ROLE_EDITOR | YS_ROLE_REVIEWER))
			ys_buf_adds(o, "<a id=\"nav-jobs\" href=\"/jobs\">任务</a>");
		if (q->u.role & (YS_ROLE_ADMIN | YS_ROLE_REVIEWER | YS_ROLE_EDITOR))
			ys_buf_adds(o, "<a href=\"/budgets\" id=\"nav-budgets\">预算明细</a>"
			               "<a href=\"/ledger\" id=\"nav-ledger\">应交清单</a>");
		if (q->u.role & (YS_ROLE_ADMIN | YS_ROLE_REVIEWER))
			ys_buf_adds(o, "<a href=\"/audit\">审计日志</a>");
		if (q->u.role & YS_ROLE_ADMIN)
			ys_buf_adds(o, "<a href=\"/users\">用户</a>");
		ys_buf_adds(o, "<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"csrf\" value=\"");
		ys_srv_html_esc(o, q->csrf);
		ys_buf_adds(o, "\"><button>退出</button></form></nav>\n");
	}
	ys_buf_adds(o, "<main>\n<h2>");
	ys_srv_html_esc(o, title);
	ys_buf_adds(o, "</h2>\n");
}

static void page_open(req *q, ys_buf *o, const char *title)
{
	ys_srv_page_open_head(q, o, title, NULL);
}

void ys_srv_page_close(req *q, ys_buf *o, int status)
{
	ys_buf_adds(o, "</main>\n<footer>yusuan · 金额以分为单位精确计算</footer>\n</body>\n</html>\n");
	ys_srv_answer_html(q, status, o);
	ys_buf_release(o);
}

void ys_srv_csrf_field(req *q, ys_buf *o)
{
	ys_buf_adds(o, "<input type=\"hidden\" name=\"csrf\" value=\"");
	ys_srv_html_esc(o, q->csrf);
	ys_buf_adds(o, "\">");
}

static void hidden(ys_buf *o, const char *name, const char *value)
{
	ys_buf_addf(o, "<input type=\"hidden\" name=\"%s\" value=\"", name);
	ys_srv_html_esc(o, value);
	ys_buf_adds(o, "\">");
}

void ys_srv_page_error(req *q, int status, const char *msg)
{
	ys_buf o = YS_BUF_INIT;
	page_open(q, &o, status == 404 ? "没有这个页面" : status == 403 ? "没有权限" : "出错了");
	ys_buf_adds(&o, "<p class=\"msg\">");
	ys_srv_html_esc(&o, msg);
	ys_buf_adds(&o, "</p>\n<p><a href=\"/worklist\">回到工作清单</a></p>\n");
	ys_srv_page_close(q, &o, status);
}

void ys_srv_page_style(req *q)
{
	ys_buf o = YS_BUF_INIT;
	ys_buf_adds(&o, ys_render_html_css());
	ys_buf_adds(&o, extra_css);
	q->status = 200;
	ys_srv_answer_html(q, 200, &o);
	q->ctype = "text/css; charset=utf-8";
	ys_buf_release(&o);
}

void ys_srv_page_root(req *q)
{
	ys_srv_answer_redirect(q, q->authed ? "/worklist" : "/login");
}

void ys_srv_page_login(req *q)
{
	ys_buf o = YS_BUF_INIT;
	page_open(q, &o, "登录");
	ys_buf_adds(&o, "<form class=\"stack\" method=\"post\" action=\"/login\">");
	if (q->authed) /* logging in again by cookie writes too */
		ys_srv_csrf_field(q, &o);
	ys_buf_adds(&o, "<label>用户名 <input name=\"name\" autocomplete=\"username\" required></label>"
	                "<label>口令 <input name=\"password\" type=\"password\" autocomplete=\"current-password\" required></label>"
	                "<button>登录</button></form>\n");
	ys_srv_page_close(q, &o, 200);
}

void ys_srv_page_login_post(req *q)
{
	char token[65], csrf[65];
	if (ys_srv_auth_login(q, ys_srv_req_field(q, "name"), ys_srv_req_field(q, "password"), 1, token, csrf))
		return;
	const char *proto = ys_srv_req_header(q, "X-Forwarded-Proto");
	snprintf(q->set_cookie, sizeof q->set_cookie, "ys_session=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d%s", token,
	         SESSION_SECONDS, proto && !strcmp(proto, "https") ? "; Secure" : "");
	ys_srv_answer_redirect(q, "/worklist");
}

void ys_srv_page_logout(req *q)
{
	ys_srv_auth_logout(q);
	snprintf(q->set_cookie, sizeof q->set_cookie, "ys_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
	ys_srv_answer_redirect(q, "/login");
}

/* ---- the worklist ---- */

typedef struct wl {
	req *q;
	ys_buf *o;
	int n;
} wl;

static int wl_row(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	wl *w = arg;
	req *q = w->q;
	ys_buf *o = w->o;
	const char *dept = row[0].s ? row[0].s : "", *state = row[2].s ? row[2].s : "";
	if ((q->u.role & YS_ROLE_EDITOR) && !ys_srv_user_in_dept(&q->u, dept))
		return 0;
	if ((q->u.role & YS_ROLE_VIEWER) && strcmp(state, "公开"))
		return 0;
	w->n++;
	ys_buf_adds(o, "<tr><td>");
	ys_srv_html_esc(o, dept);
	ys_buf_addf(o, "</td><td>%lld</td><td class=\"state\">", (long long)row[1].i);
	ys_srv_html_esc(o, state);
	ys_buf_addf(o, "（版本 %lld）</td><td>", (long long)row[3].i);
	if (row[4].type == YS_V_INT)
		ys_buf_addf(o, "<a href=\"/documents/%lld\">文档 %lld</a>", (long long)row[4].i, (long long)row[4].i);
	else
		ys_buf_adds(o, "未上传");
	ys_buf_adds(o, "</td><td class=\"num\">");
	if (row[5].type == YS_V_INT) {
		char pct[16];
		ys_buf_addf(o, "%s %%</td><td class=\"num\">%lld / %lld / %lld", ys_coverage_percent((int)row[8].i, pct),
		            (long long)row[5].i, (long long)row[6].i, (long long)row[7].i);
	} else {
		ys_buf_adds(o, "—</td><td class=\"num\">—");
	}
	ys_buf_adds(o, "</td><td>");
	for (int i = 0; i < 5; i++) {
		if (!ys_srv_wf_can(q->u.role, state, ys_srv_wf_states[i]))
			continue;
		if ((q->u.role & YS_ROLE_EDITOR) && !ys_srv_user_in_dept(&q->u, dept))
			continue;
		char ver[24], year[24];
		snprintf(ver, sizeof ver, "%lld", (long long)row[3].i);
		snprintf(year, sizeof year, "%lld", (long long)row[1].i);
		ys_buf_adds(o, "<form class=\"inline\" method=\"post\" action=\"/workflow\">");
		ys_srv_csrf_field(q, o);
		hidden(o, "department", dept);
		hidden(o, "year", year);
		hidden(o, "version", ver);
		hidden(o, "to", ys_srv_wf_states[i]);
		ys_buf_addf(o, "<button>改为%s</button></form>", ys_srv_wf_states[i]);
	}
	ys_buf_adds(o, "</td></tr>\n");
	return 0;
}

void ys_srv_page_worklist(req *q)
{
	ys_buf o = YS_BUF_INIT;
	page_open(q, &o, "工作清单");
	ys_buf_adds(&o, "<table class=\"list\"><thead><tr><th>部门</th><th>年度</th><th>状态</th><th>文档</th>"
	                "<th>覆盖率</th><th>错误 / 警告 / 提示</th><th>流程</th></tr></thead>\n<tbody>\n");
	wl w = { q, &o, 0 };
	if (ys_store_select(&q->ctx, q->st, ys_srv_worklist_sql, NULL, 0, wl_row, &w)) {
		ys_buf_release(&o);
		ys_srv_answer_store_error(q);
		return;
	}
	ys_buf_adds(&o, "</tbody></table>\n");
	if (!w.n)
		ys_buf_adds(&o, "<p>还没有可以看的部门预算。</p>\n");
	if (q->u.role & (YS_ROLE_ADMIN | YS_ROLE_EDITOR))
		ys_buf_adds(&o, "<p><a href=\"/upload\">上传公开文件</a>（一次可以几个）；程序用 <code>curl -H 'Authorization: Bearer 令牌' "
		                "--data-binary @文件 '/api/v1/documents?name=文件名'</code>（docs/api.md）</p>\n");
	ys_srv_page_close(q, &o, 200);
}

/* ---- a document ---- */

static const char *state_zh(const char *s)
{
	return !strcmp(s, "confirmed") ? "已确认" : !strcmp(s, "dismissed") ? "已排除" : !strcmp(s, "comment") ? "批注" : s;
}

static const char *jstr(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	return json_is_string(v) ? json_string_value(v) : "";
}

void ys_srv_page_document(req *q)
{
	docmeta m;
	if (ys_srv_doc_meta(q, q->id, &m))
		return;
	if (!ys_srv_doc_may_see(q, &m)) {
		ys_srv_answer_error(q, 403, "没有权限查看文档 %lld", (long long)m.id);
		return;
	}
	/* the tables with the findings' cells marked: drawn once per thread
	 * and document (they never change), the findings and reviews each time */
	const char *tables = ys_srv_tcache_get(q, m.id);
	if (!tables) {
		ys_doc *doc = NULL;
		ys_report *rep = NULL;
		json_t *full = ys_srv_doc_check_json(q, &m, &doc, &rep);
		if (!full)
			return;
		json_decref(full);
		ys_buf t = YS_BUF_INIT;
		for (int i = 0; i < doc->ntables; i++)
			if (ys_render_html_table(&q->ctx, doc, rep, doc->order[i], &t))
				break;
		for (int i = 0; i < doc->nothers && !q->ctx.code; i++)
			if (ys_render_html_table(&q->ctx, doc, rep, YS_NTABLES + i, &t))
				break;
		ys_report_free(rep);
		ys_doc_free(doc);
		if (t.oom || q->ctx.code) {
			ys_buf_release(&t);
			if (!q->ctx.code)
				ys_error(&q->ctx, YS_ENOMEM, "内存不足");
			ys_srv_answer_store_error(q);
			return;
		}
		ys_srv_tcache_put(q, m.id, ys_buf_detach(&t, NULL));
		tables = ys_srv_tcache_get(q, m.id);
	}
	json_t *j = ys_srv_doc_check_json(q, &m, NULL, NULL);
	if (!j)
		return;
	char title[600];
	snprintf(title, sizeof title, "%s %d年 · 文档 %lld", m.department, m.year, (long long)m.id);
	ys_buf o = YS_BUF_INIT;
	page_open(q, &o, title);
	ys_buf_adds(&o, "<p>文件：");
	ys_srv_html_esc(&o, m.file);
	ys_buf_adds(&o, "；上传于 ");
	ys_srv_html_esc(&o, m.imported_at);
	ys_buf_adds(&o, "；流程：<span class=\"state\">");
	ys_srv_html_esc(&o, m.state);
	ys_buf_adds(&o, "</span></p>\n");
	if (m.latest != m.id)
		ys_buf_addf(&o, "<p class=\"msg\">这不是最新的版本：<a href=\"/documents/%lld\">文档 %lld</a></p>\n",
		            (long long)m.latest, (long long)m.latest);
	json_t *sum = json_object_get(j, "summary"), *cov = json_object_get(j, "coverage");
	ys_buf_addf(&o, "<p>核对了 %lld 个等式，覆盖率 %s %%；%lld 个错误，%lld 个警告，%lld 个提示</p>\n",
	            (long long)json_integer_value(json_object_get(sum, "identities")), jstr(cov, "percent"),
	            (long long)json_integer_value(json_object_get(sum, "errors")),
	            (long long)json_integer_value(json_object_get(sum, "warnings")),
	            (long long)json_integer_value(json_object_get(sum, "notices")));
	/* the review's export, and each finding's page of the PDF (pdfview.c, export.c) */
	int pdf = ys_srv_doc_has_pdf(q, m.id);
	ys_buf_addf(&o, "<p>导出复核结果：<a id=\"export-xlsx\" href=\"/documents/%lld/review.xlsx\">整改清单（XLSX）</a>",
	            (long long)m.id);
	if (pdf)
		ys_buf_addf(&o, " · <a id=\"export-pdf\" href=\"/documents/%lld/review.pdf\">标注问题位置的 PDF</a>",
		            (long long)m.id);
	ys_buf_adds(&o, "</p>\n");
	ys_buf_adds(&o, "<h3>检查结果</h3>\n<table class=\"list\"><thead><tr><th>表</th><th>行</th><th>列</th><th>规则</th>"
	                "<th>说明</th><th>原文</th><th>复核</th></tr></thead>\n<tbody>\n");
	size_t i;
	json_t *f;
	int staff = (q->u.role & (YS_ROLE_ADMIN | YS_ROLE_REVIEWER)) && m.latest == m.id;
	json_array_foreach(json_object_get(j, "findings"), i, f)
	{
		ys_buf_addf(&o, "<tr id=\"f%zu\" class=\"sev-%s\"><td>", i, jstr(f, "severity"));
		ys_srv_html_esc(&o, jstr(f, "table"));
		ys_buf_adds(&o, "</td><td>");
		ys_srv_html_esc(&o, jstr(f, "row"));
		ys_buf_adds(&o, "</td><td>");
		ys_srv_html_esc(&o, jstr(f, "column"));
		ys_buf_adds(&o, "</td><td>");
		ys_srv_html_esc(&o, jstr(f, "rule"));
		ys_buf_adds(&o, "</td><td>");
		ys_srv_html_esc(&o, jstr(f, "message"));
		ys_buf_adds(&o, "</td><td>");
		if (json_is_integer(json_object_get(f, "page")))
			ys_buf_addf(&o, "<a id=\"fp%zu\" href=\"/documents/%lld/findings/%zu\">%s第 %lld 页</a>", i,
			            (long long)m.id, i, pdf ? "看" : "",
			            (long long)json_integer_value(json_object_get(f, "page")));
		ys_buf_adds(&o, "</td><td>");
		json_t *rv = json_object_get(f, "review");
		if (json_is_object(rv)) {
			ys_buf_adds(&o, "<div class=\"review\">");
			ys_srv_html_esc(&o, state_zh(jstr(rv, "state")));
			ys_buf_adds(&o, "：");
			ys_srv_html_esc(&o, jstr(rv, "reason"));
			if (*jstr(rv, "comment")) {
				ys_buf_adds(&o, "；");
				ys_srv_html_esc(&o, jstr(rv, "comment"));
			}
			ys_buf_adds(&o, "（");
			ys_srv_html_esc(&o, jstr(rv, "user"));
			ys_buf_adds(&o, "，");
			ys_srv_html_esc(&o, jstr(rv, "at"));
			ys_buf_adds(&o, "）</div>");
		}
		if (staff) {
			ys_buf_addf(&o, "<form method=\"post\" action=\"/documents/%lld/review\">", (long long)m.id);
			ys_srv_csrf_field(q, &o);
			hidden(&o, "key", jstr(f, "key"));
			ys_buf_addf(&o, "<input type=\"hidden\" name=\"at\" value=\"%zu\">", i);
			ys_buf_adds(&o, "<select name=\"state\"><option value=\"confirmed\">确认</option>"
			                "<option value=\"dismissed\">排除</option><option value=\"comment\">批注</option></select> "
			                "<input name=\"reason\" placeholder=\"理由\"> <input name=\"comment\" placeholder=\"批注\"> "
			                "<button>保存</button></form>");
		}
		ys_buf_adds(&o, "</td></tr>\n");
	}
	ys_buf_adds(&o, "</tbody></table>\n");
	/* the tables, drawn as the published site draws them */
	ys_buf_adds(&o, "<h3>表格</h3>\n");
	ys_buf_adds(&o, tables ? tables : "");
	json_decref(j);
	ys_srv_page_close(q, &o, 200);
}

void ys_srv_page_review(req *q)
{
	docmeta m;
	if (ys_srv_doc_meta(q, q->id, &m))
		return;
	json_t *o = ys_srv_app_review(q, &m, ys_srv_req_field(q, "key"), ys_srv_req_field(q, "state"), ys_srv_req_field(q, "reason"),
	                       ys_srv_req_field(q, "comment"));
	if (!o)
		return;
	json_decref(o);
	char to[64];
	snprintf(to, sizeof to, "/documents/%lld#f%lld", (long long)m.id, (long long)ys_srv_req_field_int(q, "at", 0));
	ys_srv_answer_redirect(q, to);
}

void ys_srv_page_workflow(req *q)
{
	json_t *o = ys_srv_app_workflow(q, ys_srv_req_field(q, "department"), ys_srv_req_field_int(q, "year", 0), ys_srv_req_field(q, "to"),
	                         ys_srv_req_field_int(q, "version", -1));
	if (!o)
		return;
	json_decref(o);
	ys_srv_answer_redirect(q, "/worklist");
}

/* ---- the audit log ---- */

static int audit_row(const ys_value *row, int ncols, void *arg)
{
	ys_buf *o = arg;
	ys_buf_addf(o, "<tr><td>%lld</td>", (long long)row[0].i);
	for (int c = 1; c < ncols; c++) {
		ys_buf_adds(o, "<td>");
		ys_srv_html_esc(o, row[c].s);
		ys_buf_adds(o, "</td>");
	}
	ys_buf_adds(o, "</tr>\n");
	return 0;
}

void ys_srv_page_audit(req *q)
{
	ys_buf o = YS_BUF_INIT;
	page_open(q, &o, "审计日志");
	ys_buf_adds(&o, "<table class=\"list\"><thead><tr><th>序号</th><th>时间</th><th>谁</th><th>做了什么</th><th>对象</th>"
	                "<th>之前</th><th>之后</th></tr></thead>\n<tbody>\n");
	if (ys_store_select(&q->ctx, q->st,
	                    "SELECT id, at_time, user_name, action, object, before, after FROM audit ORDER BY id DESC LIMIT 500",
	                    NULL, 0, audit_row, &o)) {
		ys_buf_release(&o);
		ys_srv_answer_store_error(q);
		return;
	}
	ys_buf_adds(&o, "</tbody></table>\n");
	ys_srv_page_close(q, &o, 200);
}

/* ---- users ---- */

typedef struct ul {
	req *q;
	ys_buf *o;
} ul;

static int user_row(const ys_user *u, void *arg)
{
	ul *l = arg;
	ys_buf *o = l->o;
	ys_buf_adds(o, "<tr><td>");
	ys_srv_html_esc(o, u->name);
	ys_buf_addf(o, "</td><td>%s</td><td>", ys_role_name(u->role) ? ys_role_name(u->role) : "");
	for (int i = 0; i < u->ndepts; i++) {
		if (i)
			ys_buf_adds(o, "、");
		ys_srv_html_esc(o, u->depts[i]);
	}
	ys_buf_adds(o, "</td><td>");
	ys_srv_html_esc(o, u->created_at);
	ys_buf_adds(o, "</td><td>");
	if (u->id != l->q->u.id) {
		ys_buf_addf(o, "<form class=\"inline\" method=\"post\" action=\"/users/%lld/delete\">", (long long)u->id);
		ys_srv_csrf_field(l->q, o);
		ys_buf_adds(o, "<button>删除</button></form>");
	}
	ys_buf_adds(o, "</td></tr>\n");
	return 0;
}

void ys_srv_page_users(req *q)
{
	ys_buf o = YS_BUF_INIT;
	page_open(q, &o, "用户");
	ys_buf_adds(&o, "<table class=\"list\"><thead><tr><th>用户名</th><th>角色</th><th>部门</th><th>添加于</th><th></th>"
	                "</tr></thead>\n<tbody>\n");
	ul l = { q, &o };
	if (ys_user_list(&q->ctx, q->st, user_row, &l)) {
		ys_buf_release(&o);
		ys_srv_answer_store_error(q);
		return;
	}
	ys_buf_adds(&o, "</tbody></table>\n<h3>添加用户</h3>\n<form class=\"stack\" method=\"post\" action=\"/users\">");
	ys_srv_csrf_field(q, &o);
	ys_buf_adds(&o, "<label>用户名 <input name=\"name\" required></label>"
	                "<label>角色 <select name=\"role\"><option value=\"viewer\">viewer（只看已公开的）</option>"
	                "<option value=\"editor\">editor（本部门编制、上传、提交）</option>"
	                "<option value=\"reviewer\">reviewer（审核、复核）</option>"
	                "<option value=\"admin\">admin（管理）</option></select></label>"
	                "<label>部门（每行一个）<textarea name=\"departments\" rows=\"3\"></textarea></label>"
	                "<label>口令（至少 8 个字节）<input name=\"password\" type=\"password\" autocomplete=\"new-password\" "
	                "required></label><button>添加</button></form>\n");
	ys_srv_page_close(q, &o, 200);
}

void ys_srv_page_users_add(req *q)
{
	char buf[8192];
	snprintf(buf, sizeof buf, "%s", ys_srv_req_field(q, "departments"));
	const char *depts[YS_USER_DEPTS_MAX];
	int n = 0;
	for (char *save = NULL, *d = strtok_r(buf, "\r\n", &save); d; d = strtok_r(NULL, "\r\n", &save)) {
		while (*d == ' ')
			d++;
		if (!*d)
			continue;
		if (n == YS_USER_DEPTS_MAX) {
			ys_srv_answer_error(q, 400, "部门最多 %d 个", YS_USER_DEPTS_MAX);
			return;
		}
		depts[n++] = d;
	}
	int role = ys_role_parse(ys_srv_req_field(q, "role"));
	if (!role) {
		ys_srv_answer_error(q, 400, "角色应为 admin、reviewer、editor 或 viewer");
		return;
	}
	if (ys_user_add(&q->ctx, q->st, ys_srv_req_field(q, "name"), role, depts, n, ys_srv_req_field(q, "password"), q->u.name)) {
		ys_srv_answer_store_error(q);
		return;
	}
	ys_srv_answer_redirect(q, "/users");
}

static int by_id(const ys_user *u, void *arg)
{
	ys_user *want = arg;
	if (u->id != want->id)
		return 0;
	*want = *u;
	return 1;
}

void ys_srv_page_users_del(req *q)
{
	ys_user u;
	memset(&u, 0, sizeof u);
	u.id = q->id;
	if (ys_user_list(&q->ctx, q->st, by_id, &u)) {
		ys_srv_answer_store_error(q);
		return;
	}
	if (!u.name[0]) {
		ys_srv_answer_error(q, 404, "没有这个用户");
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
	ys_srv_answer_redirect(q, "/users");
}

/* ---- the frame for pages drawn in other files (edit.c, ledger.c; jobs.c uses ys_srv_page_open_head) ---- */

void ys_srv_page_open(req *q, ys_buf *o, const char *title) { page_open(q, o, title); }
