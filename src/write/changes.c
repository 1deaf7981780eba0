/*
 * write/changes.c - what changed from last year, subject by subject: the
 * subjects as data (which figure, what the text and the reasons sheet call
 * it, from what change on a reason is needed), the classes matched through
 * both years' catalogs, and the reasons of the detail matched to them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "yusuan/compile.h"
#include "yusuan/input.h"
#include "yusuan/money.h"
#include "yusuan/text.h"
#include "yusuan/write.h"

/*
 * The subjects.  threshold is in 0.01 % of last year's figure: 1000 is
 * 10 %, the change from which a department explains a line (财政部's
 * 部门预算公开 guidance, and what narrative.reason asks of a 类, the income
 * and the spending); "三公" explains any change (narrative.reason: every
 * increase or decrease of 三公 has its reason).  zero: a figure that
 * appears (from 0) or disappears (to 0) always needs one.  -1: compared,
 * never asked for a reason (the default template does not state it).
 */
static const ys_subject subjects[] = {
	{ "income", "收入预算", "收入总计|收入|本年收入", YS_FIG_INCOME, 0, 1000, 1 },
	{ "expend", "支出预算", "支出总计|支出|本年支出", YS_FIG_EXPEND, 0, 1000, 1 },
	{ "fiscal_in", "财政拨款收入", "本年财政拨款收入|财政拨款", YS_FIG_FISCAL_IN, 0, -1, 0 },
	{ "other_in", "其他资金收入", "本年其他资金收入", YS_FIG_OTHER_IN, 0, -1, 0 },
	{ "carry", "上年结转结余", "上年结转", YS_FIG_CARRY, 0, -1, 0 },
	{ "basic", "基本支出", NULL, YS_FIG_BASIC, 0, -1, 0 },
	{ "project", "项目支出", NULL, YS_FIG_PROJECT, 0, -1, 0 },
	{ "gp_out", "一般公共预算财政拨款支出", "一般公共预算支出|一般公共预算", YS_FIG_GP_OUT, 0, -1, 0 },
	{ "sangong", "“三公”经费", "三公经费|三公|财政拨款“三公”经费", YS_FIG_SANGONG, 0, 0, 1 },
	{ "sangong.abroad", "因公出国（境）费用", "因公出国（境）费|因公出国费用|出国", YS_FIG_ABROAD, 0, 1000, 1 },
	{ "sangong.reception", "公务接待费", "接待", YS_FIG_RECEPTION, 0, 1000, 1 },
	{ "sangong.car", "公务用车购置和运行维护费", "公务用车购置及运行维护费|公务用车", YS_FIG_CAR, 0, 1000, 1 },
	{ "sangong.car_buy", "公务用车购置费", "购置", YS_FIG_CAR_BUY, 0, -1, 0 },
	{ "sangong.car_run", "公务用车运行维护费", "公务用车运行费|运行维护", YS_FIG_CAR_RUN, 0, -1, 0 },
	{ "admin", "机关运行经费", NULL, YS_FIG_ADMIN, 0, 1000, 1 },
	{ "proc", "政府采购", "政府采购预算", YS_FIG_PROC, 0, 1000, 1 },
	{ "class", "一般公共预算的类", NULL, -1, 1, 1000, 1 },
	{ "kuan", "一般公共预算的款", NULL, -1, 2, -1, 0 },
	{ "xiang", "一般公共预算的项", NULL, -1, 3, -1, 0 },
};
#define NSUBJECTS ((int)(sizeof subjects / sizeof subjects[0]))

const ys_subject *ys_subject_get(int i)
{
	return i >= 0 && i < NSUBJECTS ? &subjects[i] : NULL;
}

/* ---- numbers ---- */

const char *ys_write_money(int64_t fen, char *buf)
{
	int64_t r;
	if (fen == 0) {
		strcpy(buf, "0");
		return buf;
	}
	if (ys_money_round(fen, 10000, YS_ROUND_HALF_UP, &r) || ys_money_format(buf, r, YS_UNIT_WANYUAN, 2, 0) < 0)
		ys_money_format(buf, fen, YS_UNIT_WANYUAN, 6, 0);
	return buf;
}

const char *ys_write_percent(int64_t p, char *buf)
{
	const char *sign = p < 0 ? "-" : "";
	if (p < 0)
		p = -p;
	snprintf(buf, 32, "%s%lld.%02lld", sign, (long long)(p / 100), (long long)(p % 100));
	return buf;
}

int64_t ys_write_share(int64_t num, int64_t den)
{
	/* round_half_up(num * 10000 / den) = (2 * num * 10000 + den) / (2 * den) */
	int64_t a, s, d2;
	if (num < 0 || den <= 0 || ys_money_mul(num, 20000, &a) || ys_money_add(a, den, &s) || ys_money_mul(den, 2, &d2))
		return -1;
	return s / d2;
}

/* Is |diff| at least threshold (0.01 %) of prev?  Exact: |diff| * 10000 >= t * prev. */
static int over(int64_t diff, int64_t prev, int threshold)
{
	int64_t a, b;
	if (diff < 0)
		diff = -diff;
	if (threshold == 0)
		return diff != 0;
	if (ys_money_mul(diff, 10000, &a) || ys_money_mul(prev, threshold, &b))
		return 1;
	return a >= b;
}

/* ---- matching names ---- */

/* The key a subject is compared by: NFKC, no white space, no quotes. */
static void subject_key(ys_buf *k, const char *s)
{
	ys_buf_reset(k);
	ys_buf tmp = YS_BUF_INIT;
	ys_label_key(&tmp, s, strlen(s));
	static const char *const quotes[] = { "“", "”", "\"", "「", "」", "‘", "’", "'" };
	for (const char *p = tmp.s; *p;) {
		size_t q = 0;
		for (size_t i = 0; i < sizeof quotes / sizeof quotes[0] && !q; i++)
			if (!strncmp(p, quotes[i], strlen(quotes[i])))
				q = strlen(quotes[i]);
		if (q) {
			p += q;
			continue;
		}
		ys_buf_addc(k, *p++);
	}
	ys_buf_release(&tmp);
}

static int key_is(const char *written, const char *name)
{
	ys_buf a = YS_BUF_INIT, b = YS_BUF_INIT;
	subject_key(&a, written);
	subject_key(&b, name);
	int eq = a.len && !strcmp(a.s, b.s);
	ys_buf_release(&a);
	ys_buf_release(&b);
	return eq;
}

int ys_change_named(const ys_change *c, const char *written)
{
	if (!c || !written)
		return 0;
	const ys_subject *s = c->subj;
	if (s->fig >= 0) {
		if (key_is(written, s->zh) || !strcmp(written, s->id))
			return 1;
		for (const char *p = s->aliases; p && *p;) {
			size_t n = strcspn(p, "|");
			char one[128];
			snprintf(one, sizeof one, "%.*s", (int)n, p);
			if (key_is(written, one))
				return 1;
			p += n + (p[n] == '|');
		}
		return 0;
	}
	/* a class: its code (this year's or last year's), alone or with a name */
	const char *w = written;
	while (*w == ' ')
		w++;
	size_t d = 0;
	while (w[d] >= '0' && w[d] <= '9')
		d++;
	if (d)
		return (d == strlen(c->code) && !strncmp(w, c->code, d)) ||
		       (c->prev_code[0] && d == strlen(c->prev_code) && !strncmp(w, c->prev_code, d));
	return c->name && key_is(written, c->name);
}

/* ---- classes matched through the catalogs ---- */

/* This year's code for last year's class (code, name): *how says how. */
static void match_class(const ys_catalog *cat, const ys_catalog *prevcat, const char *code, const char *name,
                        char *out, ys_matchhow *how)
{
	strcpy(out, code);
	*how = YS_MATCH_SAME;
	if (!cat)
		return;
	const ys_catrow *now = ys_catalog_find(cat, YS_CAT_FUNC, code);
	/* the name last year's catalog gives the code, else the one printed */
	const ys_catrow *then = prevcat ? ys_catalog_find(prevcat, YS_CAT_FUNC, code) : NULL;
	const char *pname = then ? then->name : name;
	if (!pname || !pname[0])
		return;
	if (now && (ys_catalog_name_ok(cat, YS_CAT_FUNC, now, pname) || (name && ys_catalog_name_ok(cat, YS_CAT_FUNC, now, name))))
		return;
	/* the name moved to another code of the same 类 and level */
	size_t n = ys_catalog_count(cat, YS_CAT_FUNC), len = strlen(code);
	for (size_t i = 0; i < n; i++) {
		const ys_catrow *r = ys_catalog_row(cat, YS_CAT_FUNC, i);
		if (strlen(r->code) != len || strncmp(r->code, code, 3) || !strcmp(r->code, code))
			continue;
		if (ys_catalog_name_ok(cat, YS_CAT_FUNC, r, pname)) {
			strcpy(out, r->code);
			*how = YS_MATCH_MOVED;
			return;
		}
	}
	if (now)
		*how = YS_MATCH_RENAMED;
}

typedef struct cl {
	char code[8], prev_code[8];
	const char *name, *prev_name;
	int level;
	int64_t cur, prev;
	int has_cur, has_prev;
	ys_matchhow how;
} cl;

typedef struct cls {
	cl *v;
	size_t n, cap;
} cls;

static cl *cls_get(cls *a, const char *code, int level)
{
	for (size_t i = 0; i < a->n; i++)
		if (!strcmp(a->v[i].code, code))
			return &a->v[i];
	if (ys_grow((void **)&a->v, &a->cap, a->n + 1, sizeof *a->v))
		return NULL;
	cl *c = &a->v[a->n++];
	memset(c, 0, sizeof *c);
	snprintf(c->code, sizeof c->code, "%s", code);
	c->level = level;
	return c;
}

static int cmp_cl(const void *x, const void *y)
{
	uint64_t a = ys_code_key(((const cl *)x)->code), b = ys_code_key(((const cl *)y)->code);
	return a < b ? -1 : a > b;
}

/* The finest level a year's classes hold (项, or 款/类 for a table without). */
static int finest(const ys_figures *f)
{
	int l = 0;
	for (int i = 0; i < f->ncls; i++)
		l = f->cls[i].level > l ? f->cls[i].level : l;
	return l;
}

static const char *class_name(const ys_figures *f, const char *code)
{
	for (int i = 0; i < f->ncls; i++)
		if (!strcmp(f->cls[i].code, code))
			return f->cls[i].name;
	return NULL;
}

static ys_result match_classes(ys_ctx *ctx, cls *a, const ys_figures *cur, const ys_figures *prev,
                               const ys_catalog *cat, const ys_catalog *prevcat)
{
	for (int i = 0; i < cur->ncls; i++) {
		cl *c = cls_get(a, cur->cls[i].code, cur->cls[i].level);
		if (!c)
			return ys_error(ctx, YS_ENOMEM, "内存不足");
		c->cur = cur->cls[i].amount;
		c->has_cur = 1;
		c->name = cur->cls[i].name;
	}
	/* last year's finest rows, each to this year's code; the levels above
	 * add up from them along this year's codes */
	int fl = finest(prev);
	for (int i = 0; i < prev->ncls; i++) {
		const ys_figclass *p = &prev->cls[i];
		if (p->level != fl)
			continue;
		char to[8];
		ys_matchhow how;
		match_class(cat, prevcat, p->code, p->name, to, &how);
		for (size_t l = 3; l <= strlen(to); l += 2) {
			char pre[8], ppre[8];
			snprintf(pre, sizeof pre, "%.*s", (int)l, to);
			snprintf(ppre, sizeof ppre, "%.*s", (int)l, p->code);
			cl *c = cls_get(a, pre, (int)(l - 1) / 2);
			if (!c)
				return ys_error(ctx, YS_ENOMEM, "内存不足");
			if (ys_money_add(c->prev, p->amount, &c->prev))
				return ys_error(ctx, YS_ERANGE, "上年 %s 的合计超出范围", pre);
			c->has_prev = 1;
			if (!c->prev_code[0] || strcmp(c->prev_code, ppre)) {
				if (c->prev_code[0] && strcmp(c->prev_code, ppre))
					c->how = YS_MATCH_MOVED; /* two of last year's codes in one */
				else
					snprintf(c->prev_code, sizeof c->prev_code, "%s", ppre);
			}
			if (!c->prev_name)
				c->prev_name = class_name(prev, ppre);
			if (l == strlen(to) && how != YS_MATCH_SAME)
				c->how = how;
			if (!c->name)
				c->name = class_name(prev, ppre);
		}
	}
	for (size_t i = 0; i < a->n; i++) {
		cl *c = &a->v[i];
		if (!c->has_prev)
			c->how = YS_MATCH_NEW;
		else if (!c->has_cur)
			c->how = YS_MATCH_GONE;
		else if (c->how == YS_MATCH_SAME && c->prev_name && c->name && !ys_name_eq(c->prev_name, c->name) &&
		         !strcmp(c->code, c->prev_code))
			c->how = YS_MATCH_RENAMED;
		if (!c->name)
			c->name = "";
	}
	if (a->n)
		qsort(a->v, a->n, sizeof *a->v, cmp_cl);
	return YS_OK;
}

/* ---- the changes ---- */

static void fill(ys_change *c, int64_t cur, int64_t prev)
{
	c->cur = cur;
	c->prev = prev;
	c->diff = cur - prev; /* both below 2^62: the tables' sums are overflow-checked */
	c->dir = c->diff > 0 ? 1 : c->diff < 0 ? -1 : 0;
	c->rate = prev > 0 ? ys_write_share(c->diff < 0 ? -c->diff : c->diff, prev) : -1;
	const ys_subject *s = c->subj;
	if (s->threshold < 0)
		c->needs_reason = 0;
	else if (prev == 0 || cur == 0)
		c->needs_reason = s->zero && cur != prev;
	else
		c->needs_reason = over(c->diff, prev, s->threshold);
}

static const ys_subject *class_subject(int level)
{
	for (int i = 0; i < NSUBJECTS; i++)
		if (subjects[i].fig < 0 && subjects[i].level == level)
			return &subjects[i];
	return NULL;
}

ys_result ys_changes_make(ys_ctx *ctx, const ys_figures *cur, const ys_figures *prev, const ys_catalog *cat,
                          const ys_catalog *prevcat, const ys_budget *b, const ys_budget *pb, ys_changes **out)
{
	*out = NULL;
	ys_changes *C = calloc(1, sizeof *C);
	if (!C)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	ys_arena_init(&C->arena);
	C->year = cur->year;
	C->prev_year = prev->year;
	cls a = { NULL, 0, 0 };
	ys_result res = match_classes(ctx, &a, cur, prev, cat, prevcat);
	size_t cap = (size_t)NSUBJECTS + a.n;
	C->v = ys_arena_alloc(&C->arena, cap * sizeof *C->v);
	if (!res && !C->v)
		res = ys_error(ctx, YS_ENOMEM, "内存不足");
	for (int i = 0; !res && i < NSUBJECTS; i++) {
		const ys_subject *s = &subjects[i];
		if (s->fig < 0 || !cur->has[s->fig] || !prev->has[s->fig])
			continue;
		ys_change *c = &C->v[C->n++];
		c->subj = s;
		c->name = s->zh;
		c->how = YS_MATCH_SAME;
		fill(c, cur->v[s->fig], prev->v[s->fig]);
	}
	for (size_t i = 0; !res && i < a.n; i++) {
		ys_change *c = &C->v[C->n++];
		const cl *k = &a.v[i];
		c->subj = class_subject(k->level);
		if (!c->subj) {
			C->n--;
			continue;
		}
		memcpy(c->code, k->code, sizeof c->code);
		memcpy(c->prev_code, k->prev_code, sizeof c->prev_code);
		c->name = ys_arena_strdup(&C->arena, k->name);
		c->prev_name = k->prev_name ? ys_arena_strdup(&C->arena, k->prev_name) : NULL;
		c->how = k->how;
		fill(c, k->cur, k->prev);
	}
	free(a.v);
	/* the reasons: each to the subject it names */
	if (!res && b && b->nreasons) {
		C->unmatched = ys_arena_alloc(&C->arena, sizeof *C->unmatched * (size_t)b->nreasons);
		if (!C->unmatched)
			res = ys_error(ctx, YS_ENOMEM, "内存不足");
		for (int r = 0; !res && r < b->nreasons; r++) {
			int hit = 0;
			for (int i = 0; i < C->n; i++)
				if (!C->v[i].reason && ys_change_named(&C->v[i], b->reasons[r].subject)) {
					C->v[i].reason = &b->reasons[r];
					hit = 1;
					break;
				}
			if (!hit)
				C->unmatched[C->nunmatched++] = &b->reasons[r];
		}
	}
	/* last year's reasons, where the subject is the same */
	for (int r = 0; !res && pb && r < pb->nreasons; r++)
		for (int i = 0; i < C->n; i++) {
			ys_change *c = &C->v[i];
			if (c->last || !pb->reasons[r].text[0])
				continue;
			int same = c->subj->fig >= 0 ? ys_change_named(c, pb->reasons[r].subject)
			                             : c->how == YS_MATCH_SAME && ys_change_named(c, pb->reasons[r].subject);
			if (same) {
				c->last = pb->reasons[r].text;
				break;
			}
		}
	if (!res && C->n && !C->v)
		res = ys_error(ctx, YS_ENOMEM, "内存不足");
	if (res) {
		ys_changes_free(C);
		return res;
	}
	*out = C;
	return YS_OK;
}

void ys_changes_free(ys_changes *c)
{
	if (!c)
		return;
	ys_arena_release(&c->arena);
	free(c);
}

const ys_change *ys_changes_find(const ys_changes *c, const char *id)
{
	if (!c)
		return NULL;
	for (int i = 0; i < c->n; i++) {
		const ys_change *x = &c->v[i];
		if (x->subj->fig >= 0 ? !strcmp(x->subj->id, id) : !strcmp(x->code, id))
			return x;
	}
	return NULL;
}

void ys_change_describe(const ys_change *c, int year, int prev_year, ys_buf *out)
{
	char a[YS_MONEY_FMT_MAX], b[YS_MONEY_FMT_MAX], d[YS_MONEY_FMT_MAX], p[32];
	ys_buf_addf(out, "%d 年 %s 万元，%d 年 %s 万元，", prev_year, ys_write_money(c->prev, a), year,
	            ys_write_money(c->cur, b));
	if (!c->dir)
		ys_buf_adds(out, "持平");
	else if (c->rate < 0)
		ys_buf_addf(out, "增加 %s 万元（上年为 0）", ys_write_money(c->diff, d));
	else
		ys_buf_addf(out, "%s %s 万元（%s%%）", c->dir > 0 ? "增加" : "减少",
		            ys_write_money(c->diff < 0 ? -c->diff : c->diff, d), ys_write_percent(c->rate, p));
	if (c->how == YS_MATCH_MOVED && c->prev_code[0] && strcmp(c->prev_code, c->code))
		ys_buf_addf(out, "；上年编码 %s", c->prev_code);
	else if (c->how == YS_MATCH_RENAMED && c->prev_name)
		ys_buf_addf(out, "；上年名称 %s", c->prev_name);
}

/* ---- last year's figures ---- */

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

ys_result ys_previous_read(ys_ctx *ctx, const char *path, const char *catroot, ys_figures **figs, ys_catalog **cat,
                           ys_budget **pb)
{
	*figs = NULL;
	*cat = NULL;
	*pb = NULL;
	size_t n = strlen(path);
	int xlsx = n > 5 && !strcmp(path + n - 5, ".xlsx");
	ys_budget *b = NULL;
	ys_doc *doc = NULL;
	ys_result res = YS_OK;
	if (is_dir(path)) {
		res = ys_input_read(ctx, path, &b);
	} else if (xlsx) {
		/* a detail workbook, else a disclosure's */
		ys_ctx quiet;
		ys_ctx_init(&quiet);
		if (ys_input_read(&quiet, path, &b))
			b = NULL;
		if (!b)
			res = ys_doc_read_file(ctx, path, &doc);
	} else {
		res = ys_doc_read_file(ctx, path, &doc);
	}
	if (res) {
		ys_budget_free(b);
		return ys_error(ctx, res, "上年（--previous）%s", ctx->msg);
	}
	if (!b) {
		res = ys_previous_of_doc(ctx, doc, path, catroot, figs, cat);
		ys_doc_free(doc);
		return res;
	}
	if ((res = ys_catalog_open(ctx, catroot, b->year, cat)))
		goto fail;
	if ((res = ys_compile(ctx, b, *cat, &doc)))
		goto fail;
	if ((res = ys_figures_make(ctx, doc, b, *cat, figs)))
		goto fail;
	ys_doc_free(doc);
	*pb = b;
	return YS_OK;
fail:
	ys_doc_free(doc);
	ys_budget_free(b);
	ys_catalog_free(*cat);
	*cat = NULL;
	return res;
}

ys_result ys_previous_of_doc(ys_ctx *ctx, const ys_doc *doc, const char *what, const char *catroot,
                             ys_figures **figs, ys_catalog **cat)
{
	*figs = NULL;
	*cat = NULL;
	if (!doc->tables[YS_T01])
		return ys_error(ctx, YS_EPARSE, "上年（--previous）%s：没有读到收支总表（预算01表）：要用 13 张表的公开文件或预算明细",
		                what);
	ys_result res = ys_catalog_open(ctx, catroot, doc->year, cat);
	if (!res && (res = ys_figures_make(ctx, doc, NULL, *cat, figs))) {
		ys_catalog_free(*cat);
		*cat = NULL;
	}
	return res;
}

/* ---- the reasons sheet ---- */

const char *ys_change_subject(const ys_change *c, char *buf, size_t cap)
{
	if (c->subj->fig >= 0)
		snprintf(buf, cap, "%s", c->name);
	else
		snprintf(buf, cap, "%s %s", c->code, c->name);
	return buf;
}

ys_result ys_reasons_fill(ys_ctx *ctx, ys_budget *b, const ys_changes *C)
{
	ys_buf d = YS_BUF_INIT;
	size_t cap = (size_t)b->nreasons;
	for (int i = 0; i < C->n; i++) {
		const ys_change *c = &C->v[i];
		ys_reason *r = NULL;
		for (int k = 0; k < b->nreasons && !r; k++)
			if (ys_change_named(c, b->reasons[k].subject))
				r = &b->reasons[k];
		if (!r && !c->needs_reason)
			continue;
		ys_buf_reset(&d);
		ys_change_describe(c, C->year, C->prev_year, &d);
		if (!r) {
			if (ys_grow((void **)&b->reasons, &cap, (size_t)b->nreasons + 1, sizeof *b->reasons))
				goto oom;
			r = &b->reasons[b->nreasons++];
			memset(r, 0, sizeof *r);
			char subj[256];
			r->subject = ys_arena_strdup(&b->arena, ys_change_subject(c, subj, sizeof subj));
			r->text = "";
			r->last = "";
		}
		if (!(r->change = ys_arena_strndup(&b->arena, d.s, d.len)) || !r->subject)
			goto oom;
		if ((!r->last || !r->last[0]) && c->last && !(r->last = ys_arena_strdup(&b->arena, c->last)))
			goto oom;
	}
	if (d.oom)
		goto oom;
	ys_buf_release(&d);
	return YS_OK;
oom:
	ys_buf_release(&d);
	return ys_error(ctx, YS_ENOMEM, "内存不足");
}
