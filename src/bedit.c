/*
 * bedit.c - a stored detailed budget edited row by row (bedit.h): the
 * kinds of rows and their fields as data, the change with its version
 * check and audit row in one transaction, the detail rules and the build of
 * a stored budget.  SQL written once for both stores (ys_store_select and
 * ys_store_exec, "?" parameters).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "yusuan/bedit.h"
#include "yusuan/catalog.h"
#include "yusuan/compile.h"
#include "yusuan/money.h"
#include "yusuan/text.h"

typedef enum ftype {
	F_AMOUNT, /* 分 in the store, 万元 text in and out */
	F_FUNC,   /* 功能分类 项: 7 digits */
	F_ECON,   /* 部门经济分类: 5 or 7 digits */
	F_NAME,   /* a text that may not be empty */
	F_TEXT,   /* a text, may be empty */
	F_BOOL,   /* 是/否, 1/0, true/false */
	F_OP,     /* 指标性质 */
} ftype;

typedef struct fdef {
	const char *name; /* the field's name, and its column */
	ftype type;
} fdef;

#define NF_MAX 4
#define TEXT_MAX 4000 /* bytes of a text field */

typedef struct kdef {
	const char *name, *plural, *label, *table;
	fdef f[NF_MAX];
	int nf;
} kdef;

static const kdef kinds[YS_BEDIT_NKINDS] = {
	{ "item", "items", "明细", "bitem", { { "amount", F_AMOUNT }, { "func", F_FUNC }, { "econ", F_ECON } }, 3 },
	{ "project", "projects", "项目", "bproject", { { "name", F_NAME }, { "goal", F_TEXT }, { "disclosed", F_BOOL } }, 3 },
	{ "indicator", "indicators", "绩效指标", "bindicator",
	  { { "l3", F_NAME }, { "op", F_OP }, { "value", F_TEXT }, { "unit", F_TEXT } }, 4 },
	{ "income", "incomes", "收入", "bincome", { { "amount", F_AMOUNT } }, 1 },
};

/* The 指标性质 the reader takes (read/detail.c), so that the compiled
 * tables read back. */
static const char *const ops[] = { "=", "≥", "≤", ">", "<", "定性", "定量" };

const char *ys_bedit_kind_name(ys_bedit_kind k)
{
	return (unsigned)k < YS_BEDIT_NKINDS ? kinds[k].name : "?";
}

const char *ys_bedit_kind_label(ys_bedit_kind k)
{
	return (unsigned)k < YS_BEDIT_NKINDS ? kinds[k].label : "?";
}

int ys_bedit_kind_parse_plural(const char *s)
{
	for (int k = 0; k < YS_BEDIT_NKINDS; k++)
		if (s && !strcmp(s, kinds[k].plural))
			return k;
	return -1;
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

/* ---- budgets as listed ---- */

#define INFO_SQL                                                                                                   \
	"SELECT b.id, b.department, b.year, b.source, b.imported_at, COALESCE(v.version, 0), COALESCE(v.user_name, ''),"  \
	" COALESCE(v.changed_at, ''), COALESCE(b.disclosure_id, 0) FROM budget b LEFT JOIN bversion v"                   \
	" ON v.budget_id = b.id AND v.kind = 'budget' AND v.n = 0"

static void info_of(const ys_value *row, ys_bedit_info *b)
{
	memset(b, 0, sizeof *b);
	b->id = row[0].i;
	vcopy(b->department, sizeof b->department, &row[1]);
	b->year = (int)row[2].i;
	vcopy(b->source, sizeof b->source, &row[3]);
	vcopy(b->imported_at, sizeof b->imported_at, &row[4]);
	b->version = row[5].i;
	vcopy(b->changed_by, sizeof b->changed_by, &row[6]);
	vcopy(b->changed_at, sizeof b->changed_at, &row[7]);
	b->disclosure = row[8].i;
}

static int info_row(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	info_of(row, arg);
	return 1;
}

ys_result ys_bedit_info_get(ys_ctx *ctx, ys_store *st, int64_t id, ys_bedit_info *out)
{
	memset(out, 0, sizeof *out);
	ys_value v = { YS_V_INT, id, NULL };
	ys_result r = ys_store_select(ctx, st, INFO_SQL " WHERE b.id = ?", &v, 1, info_row, out);
	if (!r && !out->id)
		r = ys_error(ctx, YS_ENOTFOUND, "没有编号为 %lld 的预算", (long long)id);
	return r;
}

typedef struct list_arg {
	int (*fn)(const ys_bedit_info *, void *);
	void *arg;
} list_arg;

static int list_row(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	list_arg *l = arg;
	ys_bedit_info b;
	info_of(row, &b);
	return l->fn(&b, l->arg);
}

ys_result ys_bedit_list(ys_ctx *ctx, ys_store *st, int (*fn)(const ys_bedit_info *b, void *arg), void *arg)
{
	list_arg l = { fn, arg };
	return ys_store_select(ctx, st, INFO_SQL " ORDER BY b.id DESC", NULL, 0, list_row, &l);
}

typedef struct ver_arg {
	int (*fn)(ys_bedit_kind, int64_t, int64_t, void *);
	void *arg;
} ver_arg;

static int ver_row(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	ver_arg *a = arg;
	for (int k = 0; k < YS_BEDIT_NKINDS; k++)
		if (row[0].s && !strcmp(row[0].s, kinds[k].name))
			return a->fn((ys_bedit_kind)k, row[1].i, row[2].i, a->arg);
	return 0;
}

ys_result ys_bedit_versions(ys_ctx *ctx, ys_store *st, int64_t id,
                            int (*fn)(ys_bedit_kind kind, int64_t n, int64_t version, void *arg), void *arg)
{
	ver_arg a = { fn, arg };
	ys_value v = { YS_V_INT, id, NULL };
	return ys_store_select(ctx, st, "SELECT kind, n, version FROM bversion WHERE budget_id = ? AND kind <> 'budget'",
	                       &v, 1, ver_row, &a);
}

const ys_indicator *ys_bedit_indicator_at(const ys_budget *b, int64_t n, int *project)
{
	if (n < 0)
		return NULL;
	if (n < b->nperf) {
		*project = -1;
		return &b->perf[n];
	}
	n -= b->nperf;
	for (int p = 0; p < b->nprojects; p++) {
		if (n < b->projects[p].nind) {
			*project = p;
			return &b->projects[p].ind[n];
		}
		n -= b->projects[p].nind;
	}
	return NULL;
}

/* ---- a row's fields ---- */

typedef struct rowvals {
	int found;
	int64_t key[2];       /* the row's key columns' values */
	int64_t i[NF_MAX];    /* amounts and flags */
	char *s[NF_MAX];      /* texts (malloc'd) */
} rowvals;

static void rowvals_release(rowvals *v)
{
	for (int i = 0; i < NF_MAX; i++) {
		free(v->s[i]);
		v->s[i] = NULL;
	}
}

/* The key columns of kind: two of them for indicators and income. */
static const char *key_where(ys_bedit_kind k)
{
	switch (k) {
	case YS_BEDIT_INDICATOR: return "project = ? AND idx = ?";
	case YS_BEDIT_INCOME: return "carry = ? AND source = ?";
	default: return "idx = ? AND 0 = ?";
	}
}

typedef struct read_arg {
	const kdef *k;
	rowvals *v;
	int oom;
} read_arg;

static int read_row(const ys_value *row, int ncols, void *arg)
{
	read_arg *a = arg;
	if (ncols < a->k->nf)
		return 1;
	a->v->found = 1;
	for (int f = 0; f < a->k->nf; f++) {
		if (row[f].type == YS_V_INT) {
			a->v->i[f] = row[f].i;
		} else {
			free(a->v->s[f]);
			if (!(a->v->s[f] = strdup(row[f].s ? row[f].s : "")))
				a->oom = 1;
		}
	}
	return 1;
}

static int key_row(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	rowvals *v = arg;
	v->key[0] = row[0].i;
	v->key[1] = row[1].i;
	v->found = 1;
	return 1;
}

/* Row n of kind k of budget id into *v (v->found 0: none). */
static ys_result read_vals(ys_ctx *ctx, ys_store *st, int64_t id, ys_bedit_kind k, int64_t n, rowvals *v)
{
	const kdef *kd = &kinds[k];
	ys_result r;
	memset(v, 0, sizeof *v);
	if (k == YS_BEDIT_INDICATOR) {
		ys_value p[2] = { { YS_V_INT, id, NULL }, { YS_V_INT, n, NULL } };
		if ((r = ys_store_select(ctx, st,
		                         "SELECT project, idx FROM bindicator WHERE budget_id = ? ORDER BY project, idx"
		                         " LIMIT 1 OFFSET ?",
		                         p, 2, key_row, v)))
			return r;
		if (!v->found)
			return YS_OK;
		v->found = 0;
	} else if (k == YS_BEDIT_INCOME) {
		int carry = (int)(n / 10), src = (int)(n % 10);
		if (n < 0 || carry > 1 || src >= (carry ? YS_NCSOURCES : YS_NSOURCES))
			return YS_OK;
		v->key[0] = carry;
		v->key[1] = src;
	} else {
		v->key[0] = n;
		v->key[1] = 0;
	}
	char sql[512];
	int len = snprintf(sql, sizeof sql, "SELECT ");
	for (int f = 0; f < kd->nf; f++)
		len += snprintf(sql + len, sizeof sql - (size_t)len, "%s%s", f ? ", " : "", kd->f[f].name);
	snprintf(sql + len, sizeof sql - (size_t)len, " FROM %s WHERE budget_id = ? AND %s", kd->table, key_where(k));
	ys_value p[3] = { { YS_V_INT, id, NULL }, { YS_V_INT, v->key[0], NULL }, { YS_V_INT, v->key[1], NULL } };
	read_arg a = { kd, v, 0 };
	if ((r = ys_store_select(ctx, st, sql, p, 3, read_row, &a)))
		return r;
	if (a.oom)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	return YS_OK;
}

/* The row as a JSON object (text, malloc'd; NULL when out of memory). */
static char *vals_json(const kdef *kd, const rowvals *v)
{
	json_t *o = json_object();
	for (int f = 0; o && f < kd->nf; f++) {
		const fdef *fd = &kd->f[f];
		if (fd->type == F_AMOUNT) {
			char w[YS_MONEY_FMT_MAX];
			if (ys_money_format(w, v->i[f], YS_UNIT_WANYUAN, 6, 0) < 0)
				snprintf(w, sizeof w, "?");
			json_object_set_new(o, fd->name, json_string(w));
			char key[32];
			snprintf(key, sizeof key, "%s_fen", fd->name);
			json_object_set_new(o, key, json_integer(v->i[f]));
		} else if (fd->type == F_BOOL) {
			json_object_set_new(o, fd->name, json_boolean(v->i[f]));
		} else {
			json_object_set_new(o, fd->name, json_string(v->s[f] ? v->s[f] : ""));
		}
	}
	char *s = o ? json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	json_decref(o);
	return s;
}

static int all_digits(const char *s, size_t n)
{
	if (strlen(s) != n)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/* Field fd of kind kd set from text s into slot f of v; YS_EINVAL when the
 * text is not what the field holds. */
static ys_result set_field(ys_ctx *ctx, const kdef *kd, const fdef *fd, int f, const char *s, rowvals *v)
{
	size_t n = strlen(s), bad;
	switch (fd->type) {
	case F_AMOUNT: {
		ys_amount a;
		ys_money_err e;
		if (ys_money_parse(s, n, YS_UNIT_WANYUAN, &a, &e))
			return ys_error(ctx, YS_EINVAL, "%s的金额“%.40s”：%s（第 %zu 个字节处）；应为万元，至多 6 位小数",
			                kd->label, s, e.what, e.pos + 1);
		if (!a.present)
			return ys_error(ctx, YS_EINVAL, "%s的金额是空的：应为万元，如 12.500000", kd->label);
		v->i[f] = a.fen;
		return YS_OK;
	}
	case F_BOOL:
		if (!strcmp(s, "是") || !strcmp(s, "1") || !strcmp(s, "true"))
			v->i[f] = 1;
		else if (!strcmp(s, "否") || !strcmp(s, "0") || !strcmp(s, "false"))
			v->i[f] = 0;
		else
			return ys_error(ctx, YS_EINVAL, "%s的 %s“%.40s”：应为 是 或 否", kd->label, fd->name, s);
		return YS_OK;
	case F_FUNC:
		if (!all_digits(s, 7))
			return ys_error(ctx, YS_EINVAL, "功能分类“%.40s”：应为 7 位数字的项，如 2010350", s);
		break;
	case F_ECON:
		if (!all_digits(s, 5) && !all_digits(s, 7))
			return ys_error(ctx, YS_EINVAL, "经济分类“%.40s”：应为 5 位数字（或 7 位的本地编码），如 30101", s);
		break;
	case F_OP: {
		int ok = 0;
		for (size_t i = 0; i < YS_ARRAY_LEN(ops); i++)
			ok |= !strcmp(s, ops[i]);
		if (!ok)
			return ys_error(ctx, YS_EINVAL, "指标性质“%.40s”：应为 =、≥、≤、>、<、定性 或 定量", s);
		break;
	}
	case F_NAME:
	case F_TEXT:
		if (fd->type == F_NAME && !n)
			return ys_error(ctx, YS_EINVAL, "%s的 %s 是空的：应有文字", kd->label, fd->name);
		if (n > TEXT_MAX || !ys_utf8_valid(s, n, &bad))
			return ys_error(ctx, YS_EINVAL, "%s的 %s 不行：应为至多 %d 字节的 UTF-8 文字", kd->label, fd->name, TEXT_MAX);
		for (const char *p = s; *p; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f)
				return ys_error(ctx, YS_EINVAL, "%s的 %s 有控制字符（第 %td 个字节）：应为一行文字", kd->label,
				                fd->name, p - s + 1);
		break;
	}
	char *c = strdup(s);
	if (!c)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	free(v->s[f]);
	v->s[f] = c;
	return YS_OK;
}

/* ---- a change ---- */

typedef struct chg_arg {
	int64_t id, n, seen;
	ys_bedit_kind kind;
	const ys_bedit_field *fields;
	int nfields;
	const char *who;
	ys_bedit_result *out;
} chg_arg;

static int int_row(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	*(int64_t *)arg = row[0].i;
	return 1;
}

static int text_row(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	vcopy(arg, 32, &row[0]);
	return 1;
}

static ys_result version_of(ys_ctx *ctx, ys_store *st, int64_t id, const char *kind, int64_t n, int64_t *ver)
{
	*ver = 0;
	ys_value p[3] = { { YS_V_INT, id, NULL }, { YS_V_TEXT, 0, kind }, { YS_V_INT, n, NULL } };
	return ys_store_select(ctx, st, "SELECT version FROM bversion WHERE budget_id = ? AND kind = ? AND n = ?", p, 3,
	                       int_row, ver);
}

static ys_result change_tx(ys_ctx *ctx, ys_store *st, void *arg)
{
	chg_arg *a = arg;
	const kdef *kd = &kinds[a->kind];
	ys_bedit_result *out = a->out;
	/* an aborted try (PostgreSQL retries) keeps nothing */
	free(out->before);
	free(out->after);
	out->before = out->after = NULL;
	out->stale = 0;
	ys_bedit_info bi;
	ys_result r = ys_bedit_info_get(ctx, st, a->id, &bi);
	if (r)
		return r;
	/* a budget submitted (提交) or further is the reviewers': changed again
	 * only when sent back to 编制 */
	char state[32] = "编制";
	ys_value w[2] = { { YS_V_TEXT, 0, bi.department }, { YS_V_INT, bi.year, NULL } };
	if ((r = ys_store_select(ctx, st, "SELECT state FROM workflow WHERE department = ? AND year = ?", w, 2, text_row,
	                         state)))
		return r;
	if (strcmp(state, "编制"))
		return ys_error(ctx, YS_EREFUSED, "%s %d年的预算已%s：退回编制后才能修改", bi.department, bi.year, state);
	rowvals v;
	if ((r = read_vals(ctx, st, a->id, a->kind, a->n, &v)))
		goto done;
	if (!v.found) {
		r = ys_error(ctx, YS_ENOTFOUND, "预算 %lld 没有第 %lld 条%s", (long long)a->id, (long long)a->n, kd->label);
		goto done;
	}
	if (!(out->before = vals_json(kd, &v))) {
		r = ys_error(ctx, YS_ENOMEM, "内存不足");
		goto done;
	}
	int64_t cur;
	if ((r = version_of(ctx, st, a->id, kd->name, a->n, &cur)))
		goto done;
	out->version = cur;
	if (cur != a->seen) {
		out->stale = 1;
		out->after = out->before;
		out->before = NULL;
		r = ys_error(ctx, YS_EREFUSED, "预算 %lld 的第 %lld 条%s已被别人改过：现在是版本 %lld，你看到的是版本 %lld",
		             (long long)a->id, (long long)a->n, kd->label, (long long)cur, (long long)a->seen);
		goto done;
	}
	/* the new version: made (0 → 1) or moved on from the one seen, by a
	 * statement that does nothing when another got there first */
	char now[32];
	now_iso(now, sizeof now);
	int64_t changes = 0;
	ys_value p[6] = { { YS_V_INT, a->id, NULL }, { YS_V_TEXT, 0, kd->name }, { YS_V_INT, a->n, NULL },
		          { YS_V_TEXT, 0, a->who }, { YS_V_TEXT, 0, now }, { YS_V_INT, a->seen, NULL } };
	if (a->seen == 0)
		r = ys_store_exec(ctx, st,
		                  "INSERT INTO bversion(budget_id, kind, n, version, user_name, changed_at) VALUES (?, ?, ?, 1, ?, ?)"
		                  " ON CONFLICT (budget_id, kind, n) DO NOTHING",
		                  p, 5, &changes, NULL);
	else {
		ys_value u[6] = { p[3], p[4], p[0], p[1], p[2], p[5] };
		r = ys_store_exec(ctx, st,
		                  "UPDATE bversion SET version = version + 1, user_name = ?, changed_at = ?"
		                  " WHERE budget_id = ? AND kind = ? AND n = ? AND version = ?",
		                  u, 6, &changes, NULL);
	}
	if (r)
		goto done;
	if (changes != 1) {
		out->stale = 1;
		r = ys_error(ctx, YS_EREFUSED, "预算 %lld 的第 %lld 条%s已被别人同时改过：请看现在的内容再改", (long long)a->id,
		             (long long)a->n, kd->label);
		goto done;
	}
	out->version = a->seen + 1;
	/* the fields given, the others as they were */
	for (int i = 0; i < a->nfields; i++) {
		int f = 0;
		while (f < kd->nf && strcmp(kd->f[f].name, a->fields[i].name))
			f++;
		if (f == kd->nf) {
			r = ys_error(ctx, YS_EINVAL, "%s没有字段“%.40s”", kd->label, a->fields[i].name);
			goto done;
		}
		if ((r = set_field(ctx, kd, &kd->f[f], f, a->fields[i].value, &v)))
			goto done;
	}
	char sql[512];
	int len = snprintf(sql, sizeof sql, "UPDATE %s SET ", kd->table);
	ys_value q[NF_MAX + 3];
	for (int f = 0; f < kd->nf; f++) {
		len += snprintf(sql + len, sizeof sql - (size_t)len, "%s%s = ?", f ? ", " : "", kd->f[f].name);
		q[f] = kd->f[f].type == F_AMOUNT || kd->f[f].type == F_BOOL ? (ys_value){ YS_V_INT, v.i[f], NULL }
		                                                               : (ys_value){ YS_V_TEXT, 0, v.s[f] };
	}
	snprintf(sql + len, sizeof sql - (size_t)len, " WHERE budget_id = ? AND %s", key_where(a->kind));
	q[kd->nf] = (ys_value){ YS_V_INT, a->id, NULL };
	q[kd->nf + 1] = (ys_value){ YS_V_INT, v.key[0], NULL };
	q[kd->nf + 2] = (ys_value){ YS_V_INT, v.key[1], NULL };
	if ((r = ys_store_exec(ctx, st, sql, q, kd->nf + 3, &changes, NULL)))
		goto done;
	if (!(out->after = vals_json(kd, &v))) {
		r = ys_error(ctx, YS_ENOMEM, "内存不足");
		goto done;
	}
	/* the budget's count of changes, with who and when */
	ys_value b[3] = { { YS_V_INT, a->id, NULL }, { YS_V_TEXT, 0, a->who }, { YS_V_TEXT, 0, now } };
	if ((r = ys_store_exec(ctx, st,
	                       "INSERT INTO bversion(budget_id, kind, n, version, user_name, changed_at)"
	                       " VALUES (?, 'budget', 0, 1, ?, ?) ON CONFLICT (budget_id, kind, n) DO UPDATE"
	                       " SET version = bversion.version + 1, user_name = excluded.user_name,"
	                       " changed_at = excluded.changed_at",
	                       b, 3, NULL, NULL)) ||
	    (r = version_of(ctx, st, a->id, "budget", 0, &out->budget_version)))
		goto done;
	char obj[128];
	snprintf(obj, sizeof obj, "预算 %lld %s %lld", (long long)a->id, kd->label, (long long)a->n);
	ys_value au[5] = { { YS_V_TEXT, 0, a->who }, { YS_V_TEXT, 0, "修改预算" }, { YS_V_TEXT, 0, obj },
		           { YS_V_TEXT, 0, out->before }, { YS_V_TEXT, 0, out->after } };
	r = ys_store_exec(ctx, st, "INSERT INTO audit(user_name, action, object, before, after) VALUES (?, ?, ?, ?, ?)",
	                  au, 5, NULL, NULL);
done:
	rowvals_release(&v);
	return r;
}

void ys_bedit_result_release(ys_bedit_result *r)
{
	free(r->before);
	free(r->after);
	r->before = r->after = NULL;
}

ys_result ys_bedit_change(ys_ctx *ctx, ys_store *st, int64_t id, ys_bedit_kind kind, int64_t n, int64_t seen,
                          const ys_bedit_field *fields, int nfields, const char *who, ys_bedit_result *out)
{
	memset(out, 0, sizeof *out);
	if ((unsigned)kind >= YS_BEDIT_NKINDS)
		return ys_error(ctx, YS_EINVAL, "没有这种预算内容");
	if (seen < 0)
		return ys_error(ctx, YS_EINVAL, "缺少版本（version）：改动要给出看到的版本");
	if (!nfields)
		return ys_error(ctx, YS_EINVAL, "没有要改的字段");
	chg_arg a = { id, n, seen, kind, fields, nfields, who, out };
	ys_result r = ys_store_transact(ctx, st, change_tx, &a);
	if (r && out->stale && !out->after) {
		/* another's change came between: the row as it is now */
		ys_ctx c;
		ys_ctx_init(&c);
		rowvals v;
		if (!read_vals(&c, st, id, kind, n, &v) && v.found &&
		    !version_of(&c, st, id, kinds[kind].name, n, &out->version))
			out->after = vals_json(&kinds[kind], &v);
		rowvals_release(&v);
	}
	if (r) {
		free(out->before);
		out->before = NULL;
	}
	return r;
}

/* ---- the rules and the build ---- */

ys_result ys_bedit_check(ys_ctx *ctx, ys_store *st, int64_t id, const char *catroot, ys_budget **bp, ys_report **rep)
{
	ys_budget *b = NULL;
	ys_catalog *cat = NULL;
	ys_report *rp = NULL;
	if (bp)
		*bp = NULL;
	if (rep)
		*rep = NULL;
	ys_result r = ys_store_load_budget(ctx, st, id, &b);
	if (!r)
		r = ys_catalog_open(ctx, catroot, b->year, &cat);
	if (!r && rep)
		r = ys_check_budget(ctx, b, cat, &rp);
	ys_catalog_free(cat);
	if (r) {
		ys_budget_free(b);
		return r;
	}
	if (rep)
		*rep = rp;
	if (bp)
		*bp = b;
	else
		ys_budget_free(b);
	return YS_OK;
}

typedef struct build_arg {
	int64_t id, doc;
	const char *who, *after;
} build_arg;

static ys_result build_tx(ys_ctx *ctx, ys_store *st, void *arg)
{
	build_arg *a = arg;
	ys_value p[2] = { { YS_V_INT, a->doc, NULL }, { YS_V_INT, a->id, NULL } };
	ys_result r = ys_store_exec(ctx, st, "UPDATE budget SET disclosure_id = ? WHERE id = ?", p, 2, NULL, NULL);
	char obj[64];
	snprintf(obj, sizeof obj, "预算 %lld", (long long)a->id);
	ys_value au[4] = { { YS_V_TEXT, 0, a->who }, { YS_V_TEXT, 0, "编制" }, { YS_V_TEXT, 0, obj }, { YS_V_TEXT, 0, a->after } };
	if (!r)
		r = ys_store_exec(ctx, st, "INSERT INTO audit(user_name, action, object, before, after) VALUES (?, ?, ?, '', ?)",
		                  au, 4, NULL, NULL);
	return r;
}

ys_result ys_bedit_build(ys_ctx *ctx, ys_store *st, int64_t id, const char *catroot, const char *who, int64_t *docid,
                         ys_report **repp)
{
	ys_budget *b = NULL;
	ys_report *rep = NULL;
	ys_catalog *cat = NULL;
	ys_doc *doc = NULL;
	*docid = 0;
	if (repp)
		*repp = NULL;
	ys_result r = ys_bedit_check(ctx, st, id, catroot, &b, &rep);
	if (r)
		return r;
	if (rep->count[YS_SEV_ERROR]) {
		r = ys_error(ctx, YS_EREFUSED, "%s %d 的明细有 %d 个错误，没有编制：先改正明细", b->department, b->year,
		             rep->count[YS_SEV_ERROR]);
		goto done;
	}
	if ((r = ys_catalog_open(ctx, catroot, b->year, &cat)) || (r = ys_compile(ctx, b, cat, &doc)))
		goto done;
	const char *name = ys_arena_printf(&doc->arena, "预算%lld.txt", (long long)id);
	if (!name) {
		r = ys_error(ctx, YS_ENOMEM, "内存不足");
		goto done;
	}
	doc->file = name;
	if ((r = ys_store_save_doc(ctx, st, doc, docid)))
		goto done;
	char after[512];
	snprintf(after, sizeof after, "文档 %lld（%s %d年，%zu 条明细，%d 张表）", (long long)*docid, b->department,
	         b->year, b->nitems, doc->ntables);
	build_arg a = { id, *docid, who, after };
	r = ys_store_transact(ctx, st, build_tx, &a);
done:
	if (repp)
		*repp = rep;
	else
		ys_report_free(rep);
	ys_doc_free(doc);
	ys_catalog_free(cat);
	ys_budget_free(b);
	return r;
}

static int same_pos(ys_pos p, const ys_finding *f)
{
	return p.line && p.line == f->line && p.file && f->file && !strcmp(p.file, f->file);
}

int ys_bedit_finding_row(const ys_budget *b, const ys_finding *f, ys_bedit_kind *kind, int64_t *n)
{
	if (!f->line)
		return -1;
	for (size_t i = 0; i < b->nitems; i++)
		if (same_pos(b->items[i].pos, f)) {
			*kind = YS_BEDIT_ITEM;
			*n = (int64_t)i;
			return 0;
		}
	for (int i = 0; i < b->nprojects; i++)
		if (same_pos(b->projects[i].pos, f)) {
			*kind = YS_BEDIT_PROJECT;
			*n = i;
			return 0;
		}
	int project;
	const ys_indicator *in;
	for (int64_t i = 0; (in = ys_bedit_indicator_at(b, i, &project)); i++)
		if (same_pos(in->pos, f)) {
			*kind = YS_BEDIT_INDICATOR;
			*n = i;
			return 0;
		}
	for (int c = 0; c < 2; c++)
		for (int k = 0; k < (c ? YS_NCSOURCES : YS_NSOURCES); k++)
			if (same_pos(c ? b->carry_pos[k] : b->income_pos[k], f)) {
				*kind = YS_BEDIT_INCOME;
				*n = c * 10 + k;
				return 0;
			}
	return -1;
}
