/*
 * serve/edit.c - the detailed budget edited online (docs/api.md, "预算明细"):
 * the stored budgets, one budget's income, items, projects and indicators
 * with a form per row, a change of a row from the version its editor saw
 * (include/yusuan/bedit.h: 409 with the other's values when it moved on),
 * the detail rules' findings after each change, and the build of the 13
 * tables as a stored document.  Pages and their JSON twins under /api/v1.
 *
 * Editors see and change their departments' budgets, admins every one;
 * reviewers see them all and change none; viewers none.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve/serve_int.h"
#include "yusuan/bedit.h"

/* ---- who may ---- */

static int may_see(const req *q, const ys_bedit_info *bi)
{
	if (q->u.role & (YS_ROLE_ADMIN | YS_ROLE_REVIEWER))
		return 1;
	return (q->u.role & YS_ROLE_EDITOR) && ys_srv_user_in_dept(&q->u, bi->department);
}

static int may_edit(const req *q, const ys_bedit_info *bi)
{
	if (q->u.role & YS_ROLE_ADMIN)
		return 1;
	return (q->u.role & YS_ROLE_EDITOR) && ys_srv_user_in_dept(&q->u, bi->department);
}

/* The budget of the path, when q may see it (and change it: edit); else
 * answered (404, 403) and -1. */
static int budget_of(req *q, ys_bedit_info *bi, int edit)
{
	if (ys_bedit_info_get(&q->ctx, q->st, q->id, bi)) {
		ys_srv_answer_store_error(q);
		return -1;
	}
	if (!may_see(q, bi) || (edit && !may_edit(q, bi))) {
		ys_srv_answer_error(q, 403, "没有权限：预算 %lld 是“%s”的%s", (long long)bi->id, bi->department,
		                    edit && may_see(q, bi) ? "，你只能查看" : "");
		return -1;
	}
	return 0;
}

/* The kind and number of "/…/budgets/ID/KIND/N" (the route matched it). */
static int path_row(req *q, ys_bedit_kind *kind, int64_t *n)
{
	const char *last = strrchr(q->path, '/');
	if (!last || last == q->path)
		return -1;
	const char *prev = last - 1;
	while (prev > q->path && *prev != '/')
		prev--;
	char seg[16];
	size_t len = (size_t)(last - prev - 1);
	if (len >= sizeof seg)
		return -1;
	memcpy(seg, prev + 1, len);
	seg[len] = '\0';
	int k = ys_bedit_kind_parse_plural(seg);
	if (k < 0)
		return -1;
	*kind = (ys_bedit_kind)k;
	*n = ys_srv_path_n(q);
	return 0;
}

/* ---- JSON ---- */

static const char *base_name(const char *path)
{
	const char *s = path ? strrchr(path, '/') : NULL;
	return s ? s + 1 : path ? path : "";
}

static json_t *info_json(const ys_bedit_info *bi)
{
	json_t *o = json_pack("{sI ss si ss ss sI ss ss}", "id", (json_int_t)bi->id, "department", bi->department, "year",
	                      bi->year, "source", base_name(bi->source), "imported_at", bi->imported_at, "version",
	                      (json_int_t)bi->version, "changed_by", bi->changed_by, "changed_at", bi->changed_at);
	if (o)
		json_object_set_new(o, "document", bi->disclosure ? json_integer(bi->disclosure) : json_null());
	return o;
}

static json_t *findings_json(const ys_budget *b, const ys_report *rep)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < rep->nfindings; i++) {
		const ys_finding *f = &rep->findings[i];
		json_t *o = json_pack("{ss ss ss ss si}", "rule", f->rule, "severity", ys_severity_name(f->sev), "message",
		                      f->message ? f->message : "", "file", base_name(f->file), "line", f->line);
		ys_bedit_kind k;
		int64_t n;
		if (o && b && !ys_bedit_finding_row(b, f, &k, &n))
			json_object_set_new(o, "row", json_pack("{ss sI}", "kind", ys_bedit_kind_name(k), "n", (json_int_t)n));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *summary_json(const ys_report *rep)
{
	return json_pack("{si si si}", "errors", rep->count[YS_SEV_ERROR], "warnings", rep->count[YS_SEV_WARNING],
	                 "notices", rep->count[YS_SEV_NOTICE]);
}

/* versions[kind][n] of the rows changed online */
typedef struct versions {
	int64_t *v[YS_BEDIT_NKINDS];
	size_t n[YS_BEDIT_NKINDS];
} versions;

static int ver_fn(ys_bedit_kind kind, int64_t n, int64_t version, void *arg)
{
	versions *vs = arg;
	if (n >= 0 && (size_t)n < vs->n[kind])
		vs->v[kind][n] = version;
	return 0;
}

static void versions_release(versions *vs)
{
	for (int k = 0; k < YS_BEDIT_NKINDS; k++)
		free(vs->v[k]);
}

static size_t nindicators(const ys_budget *b)
{
	size_t n = (size_t)b->nperf;
	for (int p = 0; p < b->nprojects; p++)
		n += (size_t)b->projects[p].nind;
	return n;
}

static ys_result versions_load(req *q, const ys_budget *b, versions *vs)
{
	memset(vs, 0, sizeof *vs);
	vs->n[YS_BEDIT_ITEM] = b->nitems;
	vs->n[YS_BEDIT_PROJECT] = (size_t)b->nprojects;
	vs->n[YS_BEDIT_INDICATOR] = nindicators(b);
	vs->n[YS_BEDIT_INCOME] = 20;
	for (int k = 0; k < YS_BEDIT_NKINDS; k++)
		if (!(vs->v[k] = calloc(vs->n[k] + 1, sizeof *vs->v[k]))) {
			versions_release(vs);
			memset(vs, 0, sizeof *vs);
			return ys_error(&q->ctx, YS_ENOMEM, "内存不足");
		}
	return ys_bedit_versions(&q->ctx, q->st, q->id, ver_fn, vs);
}

static const char *wan(int64_t fen, char *buf)
{
	if (ys_money_format(buf, fen, YS_UNIT_WANYUAN, 6, 0) < 0)
		snprintf(buf, YS_MONEY_FMT_MAX, "?");
	return buf;
}

static json_t *budget_json(const ys_budget *b, const versions *vs)
{
	char w[YS_MONEY_FMT_MAX];
	json_t *inc = json_array(), *items = json_array(), *projects = json_array(), *inds = json_array();
	for (int c = 0; c < 2; c++)
		for (int k = 0; k < (c ? YS_NCSOURCES : YS_NSOURCES); k++) {
			int64_t v = c ? b->carry[k] : b->income[k];
			if (!v && !(c ? b->carry_pos[k] : b->income_pos[k]).line)
				continue;
			int n = c * 10 + k;
			json_array_append_new(inc, json_pack("{si sI sb ss ss sI}", "n", n, "version", (json_int_t)vs->v[YS_BEDIT_INCOME][n],
			                                     "carry", c, "fund", ys_fund_name(c ? ys_csource_fund(k) : (ys_fundsrc)k),
			                                     "amount", wan(v, w), "amount_fen", (json_int_t)v));
		}
	for (size_t i = 0; i < b->nitems; i++) {
		const ys_item *it = &b->items[i];
		json_array_append_new(
			items, json_pack("{sI sI ss ss ss ss sb ss ss ss sI}", "n", (json_int_t)i, "version",
		                         (json_int_t)vs->v[YS_BEDIT_ITEM][i], "unit", b->units[it->unit].name, "func", it->func,
		                         "econ", it->econ, "fund", ys_fund_name((ys_fundsrc)it->fund), "carry", it->carry,
		                         "kind", it->kind == YS_PROJECT ? "项目支出" : "基本支出", "project",
		                         it->project >= 0 ? b->projects[it->project].code : "", "amount", wan(it->amount, w),
		                         "amount_fen", (json_int_t)it->amount));
	}
	for (int p = 0; p < b->nprojects; p++) {
		const ys_project *pr = &b->projects[p];
		json_array_append_new(projects, json_pack("{si sI ss ss ss sb ss}", "n", p, "version",
		                                          (json_int_t)vs->v[YS_BEDIT_PROJECT][p], "code", pr->code, "name",
		                                          pr->name, "unit", b->units[pr->unit].name, "disclosed", pr->disclosed,
		                                          "goal", pr->goal ? pr->goal : ""));
	}
	int project;
	const ys_indicator *in;
	for (int64_t i = 0; (in = ys_bedit_indicator_at(b, i, &project)); i++)
		json_array_append_new(inds, json_pack("{sI sI ss ss ss ss ss ss ss}", "n", (json_int_t)i, "version",
		                                      (json_int_t)vs->v[YS_BEDIT_INDICATOR][i], "project",
		                                      project >= 0 ? b->projects[project].code : "", "l1", in->l1, "l2",
		                                      in->l2, "l3", in->l3, "op", in->op, "value", in->value, "unit", in->unit));
	return json_pack("{so so so so}", "income", inc, "items", items, "projects", projects, "indicators", inds);
}

/* ---- the API ---- */

typedef struct list_arg {
	req *q;
	json_t *a;
	ys_buf *o;
	int n;
} list_arg;

static int list_json(const ys_bedit_info *bi, void *arg)
{
	list_arg *l = arg;
	if (may_see(l->q, bi))
		json_array_append_new(l->a, info_json(bi));
	return 0;
}

void ys_srv_api_budgets(req *q)
{
	list_arg l = { q, json_array(), NULL, 0 };
	if (ys_bedit_list(&q->ctx, q->st, list_json, &l)) {
		json_decref(l.a);
		ys_srv_answer_store_error(q);
		return;
	}
	ys_srv_answer_json(q, 200, json_pack("{so}", "budgets", l.a));
}

void ys_srv_api_budget(req *q)
{
	ys_bedit_info bi;
	if (budget_of(q, &bi, 0))
		return;
	ys_budget *b = NULL;
	ys_report *rep = NULL;
	versions vs;
	if (ys_bedit_check(&q->ctx, q->st, q->id, q->srv->catalog, &b, &rep) || versions_load(q, b, &vs)) {
		ys_srv_answer_store_error(q);
		ys_budget_free(b);
		ys_report_free(rep);
		return;
	}
	json_t *o = info_json(&bi);
	json_object_update_missing_new(o, budget_json(b, &vs));
	json_object_set_new(o, "findings", findings_json(b, rep));
	json_object_set_new(o, "summary", summary_json(rep));
	versions_release(&vs);
	ys_budget_free(b);
	ys_report_free(rep);
	ys_srv_answer_json(q, 200, o);
}

/* The change the request asks for: its fields (every member but version
 * and csrf) into f (at most max), the version seen into *seen. */
static int change_fields(req *q, ys_bedit_field *f, int max, char (*num)[32], int64_t *seen)
{
	int nf = 0;
	const char *key;
	json_t *v;
	*seen = ys_srv_req_field_int(q, "version", -1);
	json_object_foreach(q->form, key, v)
	{
		if (!strcmp(key, "version") || !strcmp(key, "csrf"))
			continue;
		if (nf == max)
			return -1;
		const char *s;
		if (json_is_string(v))
			s = json_string_value(v);
		else if (json_is_boolean(v))
			s = json_is_true(v) ? "true" : "false";
		else if (json_is_integer(v)) {
			snprintf(num[nf], sizeof num[nf], "%lld", (long long)json_integer_value(v));
			s = num[nf];
		} else
			return -1;
		f[nf].name = key;
		f[nf].value = s;
		nf++;
	}
	return nf;
}

/* Run the change of the path; answered on failure but a stale version (1:
 * res holds the row as it is); 0 done. */
static int change(req *q, ys_bedit_info *bi, ys_bedit_kind *kind, int64_t *n, ys_bedit_result *res)
{
	memset(res, 0, sizeof *res);
	if (budget_of(q, bi, 1))
		return -1;
	if (path_row(q, kind, n)) {
		ys_srv_answer_error(q, 404, "没有这个地址");
		return -1;
	}
	ys_bedit_field f[8];
	char num[8][32];
	int64_t seen;
	int nf = change_fields(q, f, 8, num, &seen);
	if (nf < 0) {
		ys_srv_answer_error(q, 400, "改动应为字段名和文字（至多 8 个），及看到的版本（version）");
		return -1;
	}
	if (!ys_bedit_change(&q->ctx, q->st, q->id, *kind, *n, seen, f, nf, q->u.name, res))
		return 0;
	if (res->stale)
		return 1;
	ys_srv_answer_store_error(q);
	return -1;
}

void ys_srv_api_budget_change(req *q)
{
	ys_bedit_info bi;
	ys_bedit_kind kind;
	int64_t n;
	ys_bedit_result res;
	int rc = change(q, &bi, &kind, &n, &res);
	if (rc < 0) {
		ys_bedit_result_release(&res);
		return;
	}
	json_t *now = res.after ? json_loads(res.after, 0, NULL) : NULL;
	if (rc == 1) {
		ys_srv_answer_json(q, 409, json_pack("{ss ss sI sI so}", "error", q->ctx.msg, "kind", ys_bedit_kind_name(kind),
		                                     "n", (json_int_t)n, "version", (json_int_t)res.version, "current",
		                                     now ? now : json_null()));
		ys_bedit_result_release(&res);
		return;
	}
	json_t *before = res.before ? json_loads(res.before, 0, NULL) : NULL;
	json_t *o = json_pack("{sI ss sI sI sI so so}", "budget", (json_int_t)q->id, "kind", ys_bedit_kind_name(kind), "n",
	                      (json_int_t)n, "version", (json_int_t)res.version, "budget_version",
	                      (json_int_t)res.budget_version, "before", before ? before : json_null(), "after",
	                      now ? now : json_null());
	ys_bedit_result_release(&res);
	/* the detail rules on the budget as it is now */
	ys_budget *b = NULL;
	ys_report *rep = NULL;
	if (ys_bedit_check(&q->ctx, q->st, q->id, q->srv->catalog, &b, &rep)) {
		/* saved all the same: say so, and why there are no findings */
		json_object_set_new(o, "findings", json_null());
		json_object_set_new(o, "check_error", json_string(q->ctx.msg));
	} else {
		json_object_set_new(o, "findings", findings_json(b, rep));
		json_object_set_new(o, "summary", summary_json(rep));
	}
	ys_budget_free(b);
	ys_report_free(rep);
	ys_srv_answer_json(q, 200, o);
}

/* Build: 0 and *doc, or answered; a detail with errors is 422 with its
 * findings (JSON) or the page's message. */
static int build(req *q, ys_bedit_info *bi, int64_t *doc, ys_report **rep)
{
	*rep = NULL;
	if (budget_of(q, bi, 1))
		return -1;
	if (!ys_bedit_build(&q->ctx, q->st, q->id, q->srv->catalog, q->u.name, doc, rep))
		return 0;
	if (q->ctx.code == YS_EREFUSED && *rep)
		return 1;
	ys_srv_answer_store_error(q);
	return -1;
}

void ys_srv_api_budget_build(req *q)
{
	ys_bedit_info bi;
	int64_t doc = 0;
	ys_report *rep = NULL;
	int rc = build(q, &bi, &doc, &rep);
	if (rc == 0)
		ys_srv_answer_json(q, 201, json_pack("{sI sI so so}", "budget", (json_int_t)q->id, "document", (json_int_t)doc,
		                                     "findings", findings_json(NULL, rep), "summary", summary_json(rep)));
	else if (rc == 1)
		ys_srv_answer_json(q, 422, json_pack("{ss so so}", "error", q->ctx.msg, "findings", findings_json(NULL, rep),
		                                     "summary", summary_json(rep)));
	ys_report_free(rep);
}

/* ---- pages ---- */

static int list_page_row(const ys_bedit_info *bi, void *arg)
{
	list_arg *l = arg;
	if (!may_see(l->q, bi))
		return 0;
	ys_buf *o = l->o;
	l->n++;
	ys_buf_addf(o, "<tr><td><a id=\"budget-%lld\" href=\"/budgets/%lld\">预算 %lld</a></td><td>", (long long)bi->id,
	            (long long)bi->id, (long long)bi->id);
	ys_srv_html_esc(o, bi->department);
	ys_buf_addf(o, "</td><td>%d</td><td class=\"num\">%lld</td><td>", bi->year, (long long)bi->version);
	if (bi->changed_at[0]) {
		ys_srv_html_esc(o, bi->changed_at);
		ys_buf_adds(o, "（");
		ys_srv_html_esc(o, bi->changed_by);
		ys_buf_adds(o, "）");
	} else {
		ys_buf_adds(o, "未改过（存入于 ");
		ys_srv_html_esc(o, bi->imported_at);
		ys_buf_adds(o, "）");
	}
	ys_buf_adds(o, "</td><td>");
	if (bi->disclosure)
		ys_buf_addf(o, "<a href=\"/documents/%lld\">文档 %lld</a>", (long long)bi->disclosure, (long long)bi->disclosure);
	else
		ys_buf_adds(o, "—");
	ys_buf_adds(o, "</td></tr>\n");
	return 0;
}

void ys_srv_page_budgets(req *q)
{
	ys_buf o = YS_BUF_INIT;
	ys_srv_page_open(q, &o, "预算明细");
	ys_buf_adds(&o, "<p>部门的预算明细（收入、支出明细、项目、绩效指标）。存入：<code>yusuan build 明细文件夹 --db 数据库</code>。</p>\n"
	                "<table class=\"list\" id=\"budgets\"><thead><tr><th>预算</th><th>部门</th><th>年度</th>"
	                "<th>改动次数</th><th>最后修改</th><th>编好的表</th></tr></thead>\n<tbody>\n");
	list_arg l = { q, NULL, &o, 0 };
	if (ys_bedit_list(&q->ctx, q->st, list_page_row, &l)) {
		ys_buf_release(&o);
		ys_srv_answer_store_error(q);
		return;
	}
	ys_buf_adds(&o, "</tbody></table>\n");
	if (!l.n)
		ys_buf_adds(&o, "<p id=\"no-budgets\">还没有可以看的预算明细。</p>\n");
	ys_srv_page_close(q, &o, 200);
}

static const struct {
	const char *name, *label;
} field_labels[] = {
	{ "amount", "金额（万元）" }, { "func", "功能分类" }, { "econ", "经济分类" }, { "name", "名称" },
	{ "goal", "绩效目标" },       { "disclosed", "公开" }, { "l3", "三级指标" },   { "op", "指标性质" },
	{ "value", "指标值" },        { "unit", "度量单位" },
};

/* A row's fields (JSON text) for people: 金额（万元） 12.000000；… */
static void fields_text(ys_buf *o, const char *js)
{
	json_t *j = js ? json_loads(js, 0, NULL) : NULL;
	int first = 1;
	for (size_t i = 0; j && i < YS_ARRAY_LEN(field_labels); i++) {
		json_t *v = json_object_get(j, field_labels[i].name);
		if (!v)
			continue;
		ys_buf_adds(o, first ? "" : "；");
		first = 0;
		ys_buf_addf(o, "%s ", field_labels[i].label);
		if (json_is_boolean(v))
			ys_buf_adds(o, json_is_true(v) ? "是" : "否");
		else
			ys_srv_html_esc(o, json_string_value(v));
	}
	json_decref(j);
}

/* the form of row kind-n: its id, its action, the version; the inputs
 * name it with form="f-KIND-N" from their cells */
static void row_form(req *q, ys_buf *o, const char *kind, int64_t n, int64_t version)
{
	ys_buf_addf(o, "<td><form id=\"f-%s-%lld\" class=\"inline\" method=\"post\" action=\"/budgets/%lld/%ss/%lld\">", kind,
	            (long long)n, (long long)q->id, kind, (long long)n);
	ys_srv_csrf_field(q, o);
	ys_buf_addf(o, "<input type=\"hidden\" name=\"version\" value=\"%lld\">"
	               "<button id=\"%s-%lld-save\">保存</button></form> <span class=\"review\">版本 %lld</span></td>",
	            (long long)version, kind, (long long)n, (long long)version);
}

static void input(ys_buf *o, int edit, const char *kind, int64_t n, const char *field, const char *value, int size)
{
	if (!edit) {
		ys_srv_html_esc(o, value);
		return;
	}
	ys_buf_addf(o, "<input id=\"%s-%lld-%s\" form=\"f-%s-%lld\" name=\"%s\" size=\"%d\" value=\"", kind, (long long)n,
	            field, kind, (long long)n, field, size);
	ys_srv_html_esc(o, value);
	ys_buf_adds(o, "\">");
}

/* the findings at row kind-n */
static void row_findings(ys_buf *o, const ys_budget *b, const ys_report *rep, ys_bedit_kind kind, int64_t n)
{
	for (size_t i = 0; i < rep->nfindings; i++) {
		ys_bedit_kind k;
		int64_t m;
		const ys_finding *f = &rep->findings[i];
		if (ys_bedit_finding_row(b, f, &k, &m) || k != kind || m != n)
			continue;
		ys_buf_addf(o, "<div class=\"finding %s\">[%s] ", ys_severity_name(f->sev), f->rule);
		ys_srv_html_esc(o, f->message);
		ys_buf_adds(o, "</div>");
	}
}

/* The end of row kind-n: its findings, and its save form when version is
 * not NULL (the version the form sends) */
static void row_end(req *q, ys_buf *o, const ys_budget *b, const ys_report *rep, ys_bedit_kind kind,
                    const char *name, int64_t n, const int64_t *version)
{
	row_findings(o, b, rep, kind, n);
	ys_buf_adds(o, "</td>");
	if (version)
		row_form(q, o, name, n, *version);
	ys_buf_adds(o, "</tr>\n");
}

static void budget_page(req *q, const ys_bedit_info *bi, int status, const char *msg, int64_t built)
{
	ys_budget *b = NULL;
	ys_report *rep = NULL;
	versions vs;
	if (ys_bedit_check(&q->ctx, q->st, q->id, q->srv->catalog, &b, &rep) || versions_load(q, b, &vs)) {
		ys_srv_answer_store_error(q);
		ys_budget_free(b);
		ys_report_free(rep);
		return;
	}
	int edit = may_edit(q, bi);
	char title[400], w[YS_MONEY_FMT_MAX];
	snprintf(title, sizeof title, "%s %d年 · 预算 %lld", bi->department, bi->year, (long long)bi->id);
	ys_buf o = YS_BUF_INIT;
	ys_srv_page_open(q, &o, title);
	ys_buf_adds(&o, "<p>明细来自 ");
	ys_srv_html_esc(&o, base_name(bi->source));
	ys_buf_addf(&o, "；改动 <span id=\"budget-version\">%lld</span> 次", (long long)bi->version);
	if (bi->changed_at[0]) {
		ys_buf_adds(&o, "，最后一次 ");
		ys_srv_html_esc(&o, bi->changed_at);
		ys_buf_adds(&o, "（");
		ys_srv_html_esc(&o, bi->changed_by);
		ys_buf_adds(&o, "）");
	}
	if (bi->disclosure)
		ys_buf_addf(&o, "；编好的表：<a id=\"doc-link\" href=\"/documents/%lld\">文档 %lld</a>", (long long)bi->disclosure,
		            (long long)bi->disclosure);
	ys_buf_adds(&o, "</p>\n");
	if (msg || built) {
		ys_buf_addf(&o, "<p id=\"msg\" class=\"%s\">", status >= 400 ? "msg" : "ok");
		if (msg)
			ys_buf_adds(&o, msg); /* escaped by the caller */
		if (built)
			ys_buf_addf(&o, "已编制 13 张表：<a id=\"built-doc\" href=\"/documents/%lld\">文档 %lld</a>",
			            (long long)built, (long long)built);
		ys_buf_adds(&o, "</p>\n");
	}
	if (edit) {
		ys_buf_addf(&o, "<form method=\"post\" action=\"/budgets/%lld/build\">", (long long)q->id);
		ys_srv_csrf_field(q, &o);
		ys_buf_adds(&o, "<button id=\"build\">编制 13 张表</button></form>\n");
	}
	/* the detail rules' findings */
	ys_buf_addf(&o, "<section id=\"findings\"><h3>明细检查：<span id=\"findings-summary\">%d 个错误，%d 个警告，%d 个提示</span></h3>\n<ul>",
	            rep->count[YS_SEV_ERROR], rep->count[YS_SEV_WARNING], rep->count[YS_SEV_NOTICE]);
	for (size_t i = 0; i < rep->nfindings; i++) {
		const ys_finding *f = &rep->findings[i];
		ys_bedit_kind k;
		int64_t n;
		ys_buf_addf(&o, "<li class=\"finding %s\" data-rule=\"%s\">%s [%s] ", ys_severity_name(f->sev), f->rule,
		            ys_severity_label(f->sev), f->rule);
		ys_srv_html_esc(&o, f->message);
		if (f->line) {
			ys_buf_adds(&o, "（");
			ys_srv_html_esc(&o, base_name(f->file));
			ys_buf_addf(&o, ":%d）", f->line);
		}
		if (!ys_bedit_finding_row(b, f, &k, &n))
			ys_buf_addf(&o, " <a href=\"#%s-%lld\">%s %lld</a>", ys_bedit_kind_name(k), (long long)n,
			            ys_bedit_kind_label(k), (long long)n);
		ys_buf_adds(&o, "</li>\n");
	}
	ys_buf_adds(&o, "</ul></section>\n");

	/* income */
	ys_buf_adds(&o, "<h3>收入</h3>\n<table class=\"list\" id=\"income\"><thead><tr><th>#</th><th>来源</th>"
	                "<th>金额（万元）</th><th></th></tr></thead><tbody>\n");
	for (int c = 0; c < 2; c++)
		for (int k = 0; k < (c ? YS_NCSOURCES : YS_NSOURCES); k++) {
			int64_t v = c ? b->carry[k] : b->income[k];
			if (!v && !(c ? b->carry_pos[k] : b->income_pos[k]).line)
				continue;
			int n = c * 10 + k;
			ys_buf_addf(&o, "<tr id=\"income-%d\"><td>%d</td><td>%s%s</td><td class=\"num\">", n, n, c ? "上年结转 " : "",
			            ys_fund_name(c ? ys_csource_fund(k) : (ys_fundsrc)k));
			input(&o, edit, "income", n, "amount", wan(v, w), 16);
			row_end(q, &o, b, rep, YS_BEDIT_INCOME, "income", n, edit ? &vs.v[YS_BEDIT_INCOME][n] : NULL);
		}
	ys_buf_adds(&o, "</tbody></table>\n");

	/* items */
	ys_buf_adds(&o, "<h3>支出明细</h3>\n<table class=\"list\" id=\"items\"><thead><tr><th>#</th><th>单位</th><th>功能分类</th>"
	                "<th>经济分类</th><th>资金来源</th><th>类型</th><th>金额（万元）</th><th></th></tr></thead><tbody>\n");
	for (size_t i = 0; i < b->nitems; i++) {
		const ys_item *it = &b->items[i];
		ys_buf_addf(&o, "<tr id=\"item-%zu\"><td>%zu</td><td>", i, i);
		ys_srv_html_esc(&o, b->units[it->unit].name);
		ys_buf_adds(&o, "</td><td>");
		input(&o, edit, "item", (int64_t)i, "func", it->func, 8);
		ys_buf_adds(&o, "</td><td>");
		input(&o, edit, "item", (int64_t)i, "econ", it->econ, 8);
		ys_buf_addf(&o, "</td><td>%s%s</td><td>%s", ys_fund_name((ys_fundsrc)it->fund), it->carry ? "（上年结转）" : "",
		            it->kind == YS_PROJECT ? "项目 " : "基本");
		if (it->project >= 0)
			ys_srv_html_esc(&o, b->projects[it->project].code);
		ys_buf_adds(&o, "</td><td class=\"num\">");
		input(&o, edit, "item", (int64_t)i, "amount", wan(it->amount, w), 16);
		row_end(q, &o, b, rep, YS_BEDIT_ITEM, "item", (int64_t)i, edit ? &vs.v[YS_BEDIT_ITEM][i] : NULL);
	}
	ys_buf_adds(&o, "</tbody></table>\n");

	/* projects */
	ys_buf_adds(&o, "<h3>项目</h3>\n<table class=\"list\" id=\"projects\"><thead><tr><th>#</th><th>编码</th><th>名称</th>"
	                "<th>公开</th><th>绩效目标</th><th></th></tr></thead><tbody>\n");
	for (int p = 0; p < b->nprojects; p++) {
		const ys_project *pr = &b->projects[p];
		ys_buf_addf(&o, "<tr id=\"project-%d\"><td>%d</td><td>", p, p);
		ys_srv_html_esc(&o, pr->code);
		ys_buf_adds(&o, "</td><td>");
		input(&o, edit, "project", p, "name", pr->name, 24);
		ys_buf_adds(&o, "</td><td>");
		input(&o, edit, "project", p, "disclosed", pr->disclosed ? "是" : "否", 2);
		ys_buf_adds(&o, "</td><td>");
		input(&o, edit, "project", p, "goal", pr->goal ? pr->goal : "", 40);
		row_end(q, &o, b, rep, YS_BEDIT_PROJECT, "project", p, edit ? &vs.v[YS_BEDIT_PROJECT][p] : NULL);
	}
	ys_buf_adds(&o, "</tbody></table>\n");

	/* indicators */
	ys_buf_adds(&o, "<h3>绩效指标</h3>\n<table class=\"list\" id=\"indicators\"><thead><tr><th>#</th><th>项目</th>"
	                "<th>一级 / 二级指标</th><th>三级指标</th><th>性质</th><th>指标值</th><th>度量单位</th><th></th></tr></thead><tbody>\n");
	int project;
	const ys_indicator *in;
	for (int64_t i = 0; (in = ys_bedit_indicator_at(b, i, &project)); i++) {
		ys_buf_addf(&o, "<tr id=\"indicator-%lld\"><td>%lld</td><td>", (long long)i, (long long)i);
		ys_srv_html_esc(&o, project >= 0 ? b->projects[project].code : "单位整体");
		ys_buf_adds(&o, "</td><td>");
		ys_srv_html_esc(&o, in->l1);
		ys_buf_adds(&o, " / ");
		ys_srv_html_esc(&o, in->l2);
		ys_buf_adds(&o, "</td><td>");
		input(&o, edit, "indicator", i, "l3", in->l3, 24);
		ys_buf_adds(&o, "</td><td>");
		input(&o, edit, "indicator", i, "op", in->op, 3);
		ys_buf_adds(&o, "</td><td>");
		input(&o, edit, "indicator", i, "value", in->value, 8);
		ys_buf_adds(&o, "</td><td>");
		input(&o, edit, "indicator", i, "unit", in->unit, 6);
		row_end(q, &o, b, rep, YS_BEDIT_INDICATOR, "indicator", i, edit ? &vs.v[YS_BEDIT_INDICATOR][i] : NULL);
	}
	ys_buf_adds(&o, "</tbody></table>\n");
	versions_release(&vs);
	ys_budget_free(b);
	ys_report_free(rep);
	ys_srv_page_close(q, &o, status);
}

void ys_srv_page_budget(req *q)
{
	ys_bedit_info bi;
	if (budget_of(q, &bi, 0))
		return;
	/* after a save or a build (303 here): what was done */
	const char *saved = ys_srv_req_arg(q, "saved"), *built = ys_srv_req_arg(q, "built");
	ys_buf m = YS_BUF_INIT;
	if (saved && *saved) {
		/* item-7: 明细 7 */
		const char *dash = strchr(saved, '-');
		int k = -1;
		for (int i = 0; dash && i < YS_BEDIT_NKINDS && k < 0; i++)
			if (strlen(ys_bedit_kind_name((ys_bedit_kind)i)) == (size_t)(dash - saved) &&
			    !strncmp(saved, ys_bedit_kind_name((ys_bedit_kind)i), (size_t)(dash - saved)))
				k = i;
		ys_buf_adds(&m, "已保存：");
		ys_buf_adds(&m, k >= 0 ? ys_bedit_kind_label((ys_bedit_kind)k) : "");
		ys_buf_adds(&m, " ");
		ys_srv_html_esc(&m, dash ? dash + 1 : saved);
		ys_buf_adds(&m, "；明细检查的结果见下。");
	}
	budget_page(q, &bi, 200, m.len ? m.s : NULL, built ? strtoll(built, NULL, 10) : 0);
	ys_buf_release(&m);
}

void ys_srv_page_budget_change(req *q)
{
	ys_bedit_info bi;
	ys_bedit_kind kind;
	int64_t n;
	ys_bedit_result res;
	int rc = change(q, &bi, &kind, &n, &res);
	if (rc == 0) {
		char to[128];
		snprintf(to, sizeof to, "/budgets/%lld?saved=%s-%lld#%s-%lld", (long long)q->id, ys_bedit_kind_name(kind),
		         (long long)n, ys_bedit_kind_name(kind), (long long)n);
		ys_srv_answer_redirect(q, to);
	} else if (rc == 1) {
		/* the other's change stands: the page as it is now, and what they wrote */
		ys_buf m = YS_BUF_INIT;
		ys_buf_addf(&m, "<span id=\"conflict\">没有保存：%s %lld 已被别人改过（现在是版本 %lld），现在的内容是：",
		            ys_bedit_kind_label(kind), (long long)n, (long long)res.version);
		fields_text(&m, res.after);
		ys_buf_adds(&m, "。请在下面看过后再改。</span>");
		ys_ctx_init(&q->ctx);
		budget_page(q, &bi, 409, m.s, 0);
		ys_buf_release(&m);
	}
	ys_bedit_result_release(&res);
}

void ys_srv_page_budget_build(req *q)
{
	ys_bedit_info bi;
	int64_t doc = 0;
	ys_report *rep = NULL;
	int rc = build(q, &bi, &doc, &rep);
	if (rc == 0) {
		char to[128];
		snprintf(to, sizeof to, "/budgets/%lld?built=%lld", (long long)q->id, (long long)doc);
		ys_srv_answer_redirect(q, to);
	} else if (rc == 1) {
		ys_buf m = YS_BUF_INIT;
		ys_buf_adds(&m, "<span id=\"build-refused\">");
		ys_srv_html_esc(&m, q->ctx.msg);
		ys_buf_adds(&m, "（错误见下面的明细检查）</span>");
		ys_ctx_init(&q->ctx);
		budget_page(q, &bi, 422, m.s, 0);
		ys_buf_release(&m);
	}
	ys_report_free(rep);
}
