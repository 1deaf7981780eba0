/*
 * write/figures.c - a year's figures as the 13 tables print them: the cells
 * the 情况说明 quotes (the places narrative.figure compares them with), the
 * 一般公共预算 by 类/款/项 of table 05, and what only the detail knows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_int.h"
#include "yusuan/money.h"
#include "yusuan/text.h"
#include "yusuan/write.h"

static int col_of(const ys_table *t, const char *id)
{
	return t ? ys_table_col(t->def, id) : -1;
}

/* The sum of fixed rows of a 01/04 table; 0 when the table lacks one. */
static int fixed(const ys_table *t, const char *const *ids, int64_t *out)
{
	*out = 0;
	if (!t)
		return 0;
	for (int i = 0; ids[i]; i++) {
		int r = ys_ck_fixed_row(t, ids[i]);
		if (r < 0)
			return 0;
		if (ys_money_add(*out, t->rows[r].cells[ys_ck_fixed_col(t, ids[i])].amt.fen, out))
			return 0;
	}
	return 1;
}

/* Column id of the 合计 row; an empty table (no total row) is 0. */
static int total(const ys_table *t, const char *id, int64_t *out)
{
	*out = 0;
	int c = col_of(t, id);
	if (c < 0)
		return 0;
	int r = ys_ck_total_row(t);
	if (r >= 0)
		*out = t->rows[r].cells[c].amt.fen;
	return 1;
}

/* Table 09's one row (an empty 09 is all zero). */
static int row09(const ys_table *t, const char *id, int64_t *out)
{
	*out = 0;
	int c = col_of(t, id);
	if (c < 0)
		return 0;
	for (int r = 0; r < t->nrows; r++)
		if (t->rows[r].kind == YS_ROW_DATA || t->rows[r].kind == YS_ROW_TOTAL) {
			*out = t->rows[r].cells[c].amt.fen;
			break;
		}
	return 1;
}

/* Table 10's rows of a category (A 货物, B 工程, C 服务). */
static int row10(const ys_table *t, char cat, int64_t *out)
{
	*out = 0;
	int cc = col_of(t, "category"), ac = col_of(t, "amount");
	if (cc < 0 || ac < 0)
		return 0;
	for (int r = 0; r < t->nrows; r++) {
		const char *s = t->rows[r].cells[cc].text;
		if (t->rows[r].kind == YS_ROW_DATA && s && (s[0] == cat || s[0] == cat + 32) &&
		    ys_money_add(*out, t->rows[r].cells[ac].amt.fen, out))
			return 0;
	}
	return 1;
}

int64_t ys_budget_admin(const ys_budget *b)
{
	if (b->admin >= 0)
		return b->admin;
	int64_t s = 0;
	for (size_t i = 0; i < b->nitems; i++) {
		const ys_item *it = &b->items[i];
		if (it->kind != YS_BASIC || !ys_fund_fiscal((ys_fundsrc)it->fund) || ys_econ_personnel(it->econ) ||
		    it->unit < 0 || it->unit >= b->nunits || b->units[it->unit].type != YS_UT_JIGUAN)
			continue;
		if (ys_money_add(s, it->amount, &s))
			return -1;
	}
	return s;
}

/* ---- 一般公共预算 by 类/款/项 ---- */

typedef struct acc {
	ys_figclass *v;
	size_t n, cap;
} acc;

static ys_figclass *acc_get(acc *a, const char *code, int level)
{
	for (size_t i = 0; i < a->n; i++)
		if (!strcmp(a->v[i].code, code))
			return &a->v[i];
	if (ys_grow((void **)&a->v, &a->cap, a->n + 1, sizeof *a->v))
		return NULL;
	ys_figclass *c = &a->v[a->n++];
	memset(c, 0, sizeof *c);
	snprintf(c->code, sizeof c->code, "%s", code);
	c->level = level;
	return c;
}

static int cmp_class(const void *x, const void *y)
{
	const ys_figclass *a = x, *b = y;
	uint64_t ka = ys_code_key(a->code), kb = ys_code_key(b->code);
	return ka < kb ? -1 : ka > kb;
}

/* The 类 name table 01 prints for code, or NULL. */
static const char *class_label(const char *code)
{
	const ys_tabledef *d = ys_table_def(YS_T01);
	for (int f = 0; f < d->nfixed; f++)
		if (d->fixed[f].code && !strcmp(d->fixed[f].code, code))
			return d->fixed[f].label;
	return NULL;
}

static ys_result classes(ys_ctx *ctx, ys_figures *F, const ys_doc *doc, const ys_budget *b, const ys_catalog *cat)
{
	const ys_table *t = doc->tables[YS_T05];
	if (!t)
		return YS_OK;
	acc a = { NULL, 0, 0 };
	/* the longest codes the table prints (项; a table of 类 and 款 rows only: those) */
	size_t want = 0;
	char code[16];
	for (int r = 0; r < t->nrows; r++)
		if (t->rows[r].kind == YS_ROW_DATA) {
			size_t l = strlen(ys_ck_code(&t->rows[r].cells[YS_C05_CODE], code));
			if (l == 3 || l == 5 || l == 7)
				want = l > want ? l : want;
		}
	for (int r = 0; r < t->nrows && want; r++) {
		const ys_row *row = &t->rows[r];
		if (row->kind != YS_ROW_DATA || strlen(ys_ck_code(&row->cells[YS_C05_CODE], code)) != want)
			continue;
		for (size_t l = 3; l <= want; l += 2) {
			char pre[8];
			snprintf(pre, sizeof pre, "%.*s", (int)l, code);
			ys_figclass *c = acc_get(&a, pre, (int)(l - 1) / 2);
			if (!c) {
				free(a.v);
				return ys_error(ctx, YS_ENOMEM, "内存不足");
			}
			if (l == want && !c->name && row->cells[YS_C05_NAME].text[0])
				c->name = ys_arena_strdup(&F->arena, row->cells[YS_C05_NAME].text);
			if (ys_money_add(c->amount, row->cells[YS_C05_TOTAL].amt.fen, &c->amount) ||
			    ys_money_add(c->basic, row->cells[YS_C05_BASIC].amt.fen, &c->basic) ||
			    ys_money_add(c->project, row->cells[YS_C05_PROJECT].amt.fen, &c->project)) {
				free(a.v);
				return ys_error(ctx, YS_ERANGE, "预算05表 科目 %s 的合计超出范围", pre);
			}
		}
	}
	for (size_t i = 0; i < a.n; i++) {
		ys_figclass *c = &a.v[i];
		if (c->name)
			continue;
		const char *nm = c->level == 1 ? class_label(c->code) : NULL;
		if (!nm && b && cat)
			nm = ys_budget_code_name(b, cat, YS_CAT_FUNC, c->code);
		if (!nm && cat) {
			const ys_catrow *row = ys_catalog_find(cat, YS_CAT_FUNC, c->code);
			nm = row ? row->name : NULL;
		}
		c->name = nm ? nm : "";
	}
	if (a.n)
		qsort(a.v, a.n, sizeof *a.v, cmp_class);
	F->cls = ys_arena_alloc(&F->arena, (a.n ? a.n : 1) * sizeof *F->cls);
	if (!F->cls) {
		free(a.v);
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	}
	if (a.n)
		memcpy(F->cls, a.v, a.n * sizeof *a.v);
	F->ncls = (int)a.n;
	free(a.v);
	return YS_OK;
}

ys_result ys_figures_make(ys_ctx *ctx, const ys_doc *doc, const ys_budget *b, const ys_catalog *cat, ys_figures **out)
{
	*out = NULL;
	ys_figures *F = calloc(1, sizeof *F);
	if (!F)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	ys_arena_init(&F->arena);
	F->department = ys_arena_strdup(&F->arena, b && b->department[0] ? b->department
	                                          : doc->department ? doc->department : "");
	F->year = b && b->year ? b->year : doc->year;
	F->vehicles = F->equip = F->equip_new = -1;
	F->njiguan = -1;
	const ys_table *t01 = doc->tables[YS_T01], *t03 = doc->tables[YS_T03], *t09 = doc->tables[YS_T09],
	               *t10 = doc->tables[YS_T10];
#define ONE(id) ((const char *const[]){ id, NULL })
	static const char *const fiscal[] = { "in.gp", "in.gf", "in.soc", NULL };
	static const char *const other[] = { "in.special", "in.shiye", "in.upper", "in.affil", "in.oper", "in.other", NULL };
	int64_t *v = F->v;
	unsigned char *h = F->has;
	h[YS_FIG_INCOME] = (unsigned char)fixed(t01, ONE("in.grand"), &v[YS_FIG_INCOME]);
	h[YS_FIG_INCOME_CUR] = (unsigned char)fixed(t01, ONE("in.total"), &v[YS_FIG_INCOME_CUR]);
	h[YS_FIG_FISCAL_IN] = (unsigned char)fixed(t01, fiscal, &v[YS_FIG_FISCAL_IN]);
	h[YS_FIG_GP_IN] = (unsigned char)fixed(t01, ONE("in.gp"), &v[YS_FIG_GP_IN]);
	h[YS_FIG_GF_IN] = (unsigned char)fixed(t01, ONE("in.gf"), &v[YS_FIG_GF_IN]);
	h[YS_FIG_SOC_IN] = (unsigned char)fixed(t01, ONE("in.soc"), &v[YS_FIG_SOC_IN]);
	h[YS_FIG_OTHER_IN] = (unsigned char)fixed(t01, other, &v[YS_FIG_OTHER_IN]);
	h[YS_FIG_SPECIAL_IN] = (unsigned char)fixed(t01, ONE("in.special"), &v[YS_FIG_SPECIAL_IN]);
	h[YS_FIG_SHIYE_IN] = (unsigned char)fixed(t01, ONE("in.shiye"), &v[YS_FIG_SHIYE_IN]);
	h[YS_FIG_UPPER_IN] = (unsigned char)fixed(t01, ONE("in.upper"), &v[YS_FIG_UPPER_IN]);
	h[YS_FIG_AFFIL_IN] = (unsigned char)fixed(t01, ONE("in.affil"), &v[YS_FIG_AFFIL_IN]);
	h[YS_FIG_OPER_IN] = (unsigned char)fixed(t01, ONE("in.oper"), &v[YS_FIG_OPER_IN]);
	h[YS_FIG_OTHERINC_IN] = (unsigned char)fixed(t01, ONE("in.other"), &v[YS_FIG_OTHERINC_IN]);
	h[YS_FIG_CARRY] = (unsigned char)fixed(t01, ONE("in.carry"), &v[YS_FIG_CARRY]);
	h[YS_FIG_EXPEND] = (unsigned char)fixed(t01, ONE("out.grand"), &v[YS_FIG_EXPEND]);
	h[YS_FIG_EXPEND_CUR] = (unsigned char)fixed(t01, ONE("out.total"), &v[YS_FIG_EXPEND_CUR]);
	h[YS_FIG_YEAREND] = (unsigned char)fixed(t01, ONE("out.yearend"), &v[YS_FIG_YEAREND]);
	h[YS_FIG_BASIC] = (unsigned char)total(t03, "basic", &v[YS_FIG_BASIC]);
	h[YS_FIG_PROJECT] = (unsigned char)total(t03, "project", &v[YS_FIG_PROJECT]);
	h[YS_FIG_OPER_OUT] = (unsigned char)total(t03, "oper", &v[YS_FIG_OPER_OUT]);
	h[YS_FIG_UPPER_OUT] = (unsigned char)total(t03, "upper", &v[YS_FIG_UPPER_OUT]);
	h[YS_FIG_SUBSID_OUT] = (unsigned char)total(t03, "subsid", &v[YS_FIG_SUBSID_OUT]);
	h[YS_FIG_FISCAL_OUT] = (unsigned char)fixed(doc->tables[YS_T04], ONE("out.total"), &v[YS_FIG_FISCAL_OUT]);
	h[YS_FIG_GP_OUT] = (unsigned char)total(doc->tables[YS_T05], "total", &v[YS_FIG_GP_OUT]);
	h[YS_FIG_GF_OUT] = (unsigned char)total(doc->tables[YS_T07], "total", &v[YS_FIG_GF_OUT]);
	h[YS_FIG_SOC_OUT] = (unsigned char)total(doc->tables[YS_T08], "total", &v[YS_FIG_SOC_OUT]);
	h[YS_FIG_PERSONNEL] = (unsigned char)total(doc->tables[YS_T05], "personnel", &v[YS_FIG_PERSONNEL]);
	h[YS_FIG_PUBLIC] = (unsigned char)total(doc->tables[YS_T05], "public", &v[YS_FIG_PUBLIC]);
	h[YS_FIG_SANGONG] = (unsigned char)row09(t09, "total", &v[YS_FIG_SANGONG]);
	h[YS_FIG_ABROAD] = (unsigned char)row09(t09, "abroad", &v[YS_FIG_ABROAD]);
	h[YS_FIG_RECEPTION] = (unsigned char)row09(t09, "reception", &v[YS_FIG_RECEPTION]);
	h[YS_FIG_CAR] = (unsigned char)row09(t09, "car", &v[YS_FIG_CAR]);
	h[YS_FIG_CAR_BUY] = (unsigned char)row09(t09, "car_buy", &v[YS_FIG_CAR_BUY]);
	h[YS_FIG_CAR_RUN] = (unsigned char)row09(t09, "car_run", &v[YS_FIG_CAR_RUN]);
	h[YS_FIG_PROC] = (unsigned char)total(t10, "amount", &v[YS_FIG_PROC]);
	h[YS_FIG_PROC_GOODS] = (unsigned char)row10(t10, 'A', &v[YS_FIG_PROC_GOODS]);
	h[YS_FIG_PROC_WORKS] = (unsigned char)row10(t10, 'B', &v[YS_FIG_PROC_WORKS]);
	h[YS_FIG_PROC_SERV] = (unsigned char)row10(t10, 'C', &v[YS_FIG_PROC_SERV]);
	h[YS_FIG_SERVICES] = (unsigned char)total(doc->tables[YS_T11], "amount", &v[YS_FIG_SERVICES]);
#undef ONE
	/* 12: the projects and their money (a project's first row) */
	const ys_table *t12 = doc->tables[YS_T12];
	if (t12) {
		h[YS_FIG_PERF] = 1;
		for (int r = 0; r < t12->nrows; r++)
			if (t12->rows[r].kind == YS_ROW_DATA && t12->rows[r].cells[YS_C12_NAME].text[0]) {
				F->nprojects++;
				if (ys_money_add(v[YS_FIG_PERF], t12->rows[r].cells[YS_C12_TOTAL].amt.fen, &v[YS_FIG_PERF]))
					h[YS_FIG_PERF] = 0;
			}
	}
	if (b) {
		int64_t a = ys_budget_admin(b);
		if (a >= 0) {
			v[YS_FIG_ADMIN] = a;
			h[YS_FIG_ADMIN] = 1;
		}
		F->nunits = b->nunits;
		F->units = ys_arena_alloc(&F->arena, sizeof *F->units * (size_t)(b->nunits ? b->nunits : 1));
		if (!F->units) {
			ys_figures_free(F);
			return ys_error(ctx, YS_ENOMEM, "内存不足");
		}
		F->njiguan = 0;
		for (int u = 0; u < b->nunits; u++) {
			F->units[u] = b->units[u].name;
			F->njiguan += b->units[u].type == YS_UT_JIGUAN;
		}
		F->vehicles = b->vehicles;
		F->equip = b->equip;
		F->equip_new = b->equip_new;
	} else if (doc->tables[YS_T05]) {
		int blocks = 0;
		for (int r = 0; r < doc->tables[YS_T05]->nrows; r++)
			if (doc->tables[YS_T05]->rows[r].block + 1 > blocks)
				blocks = doc->tables[YS_T05]->rows[r].block + 1;
		F->nunits = blocks;
	}
	ys_result res = classes(ctx, F, doc, b, cat);
	if (res || !F->department) {
		ys_figures_free(F);
		return res ? res : ys_error(ctx, YS_ENOMEM, "内存不足");
	}
	*out = F;
	return YS_OK;
}

void ys_figures_free(ys_figures *f)
{
	if (!f)
		return;
	ys_arena_release(&f->arena);
	free(f);
}
