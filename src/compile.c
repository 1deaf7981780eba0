/*
 * compile.c - derive the 13 tables from the detailed budget.
 *
 * Each table is built through its description: cells go into the columns
 * the description names, amounts are formatted in the table's decimals with
 * blank zeros, 01/04 pair their two panels as the published layout does, 13
 * rounds by the named rule.  The result is rendered as the published text
 * layout and read back, so the compiled disclosure has lines to point at
 * and is held to the same reader as any published one.
 */
#include "yusuan/compile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yusuan/render.h"

typedef struct cc {
	ys_ctx *ctx;
	const ys_budget *b;
	const ys_catalog *cat;
	ys_doc *doc;
	ys_table *t;
	size_t rowcap, hdrcap;
	char (*gov)[6];   /* per item: its 政府经济 款 */
	int err;          /* out of memory or overflow */
} cc;

/* ---- building ----------------------------------------------------------- */

static void *oom(cc *c)
{
	c->err = 1;
	return NULL;
}

static void add_header(cc *c, const char *layout_row, int before)
{
	ys_table *t = c->t;
	if (ys_grow((void **)&t->headers, &c->hdrcap, (size_t)t->nheaders + 1, sizeof *t->headers)) {
		oom(c);
		return;
	}
	ys_hrow *h = &t->headers[t->nheaders++];
	int n = 1;
	for (const char *p = layout_row; *p; p++)
		n += *p == '\t';
	h->cells = ys_arena_alloc(&c->doc->arena, sizeof(char *) * (size_t)n);
	char *copy = ys_arena_strdup(&c->doc->arena, layout_row);
	if (!h->cells || !copy) {
		oom(c);
		return;
	}
	h->ncells = 0;
	for (char *p = copy;;) {
		char *tab = strchr(p, '\t');
		if (tab)
			*tab = '\0';
		h->cells[h->ncells++] = p;
		if (!tab)
			break;
		p = tab + 1;
	}
	h->line = 0;
	h->before = before;
}

static ys_table *table_new(cc *c, ys_tid id, int with_layout)
{
	const ys_tabledef *d = ys_table_def(id);
	ys_table *t = ys_arena_alloc(&c->doc->arena, sizeof *t);
	if (!t)
		return oom(c);
	t->def = d;
	t->numbering = ys_arena_printf(&c->doc->arena, "预算%s表", d->code);
	t->title = ys_arena_printf(&c->doc->arena, "%s %s", t->numbering, d->title);
	t->number = (int)id + 1;
	t->unit = YS_UNIT_WANYUAN;
	t->unit_line = d->flags & YS_TF_FORM ? 0 : 1;
	t->unit_text = "金额单位：万元";
	t->subtitle = d->flags & YS_TF_FORM ? ys_arena_printf(&c->doc->arena, "(%d年度)", c->b->year) : "";
	c->doc->tables[id] = t;
	c->doc->order[c->doc->ntables++] = (int)id;
	c->t = t;
	c->rowcap = c->hdrcap = 0;
	if (with_layout)
		for (const char *const *l = d->layout; *l; l++)
			add_header(c, *l, 0);
	return t;
}

static ys_row *row_new(cc *c)
{
	ys_table *t = c->t;
	if (ys_grow((void **)&t->rows, &c->rowcap, (size_t)t->nrows + 1, sizeof *t->rows))
		return oom(c);
	ys_row *r = &t->rows[t->nrows++];
	memset(r, 0, sizeof *r);
	r->cells = ys_arena_alloc(&c->doc->arena, sizeof(ys_cell) * (size_t)t->def->ncols);
	if (!r->cells)
		return oom(c);
	for (int i = 0; i < t->def->ncols; i++)
		r->cells[i].text = "";
	r->shape = -1;
	r->fixed[0] = r->fixed[1] = -1;
	r->project = -1;
	return r;
}

static void put_text(cc *c, ys_row *r, int col, const char *s)
{
	if (!r)
		return;
	r->cells[col].text = ys_arena_strdup(&c->doc->arena, s ? s : "");
	if (!r->cells[col].text)
		oom(c);
}

/* An amount in the table's decimals; zero is blank unless show_zero. */
static void put_amount(cc *c, ys_row *r, int col, int64_t fen, int show_zero)
{
	if (!r || (fen == 0 && !show_zero))
		return;
	char buf[YS_MONEY_FMT_MAX];
	int dp = c->t->def->dp;
	if (ys_money_format(buf, fen, YS_UNIT_WANYUAN, dp, YS_FMT_GROUP) < 0) {
		c->err = 1; /* callers round before: an inexact figure is a bug */
		return;
	}
	put_text(c, r, col, buf);
	r->cells[col].amt.fen = fen;
	r->cells[col].amt.present = 1;
	r->cells[col].amt.dp = (unsigned char)dp;
}

static void add(cc *c, int64_t *acc, int64_t v)
{
	if (ys_money_add(*acc, v, acc))
		c->err = 2;
}

static const char *code_name(cc *c, ys_catkind kind, const char *code, char *buf, size_t cap)
{
	const char *name = ys_budget_code_name(c->b, c->cat, kind, code);
	snprintf(buf, cap, "%s-%s", code, name ? name : "");
	return buf;
}

/* ---- item views --------------------------------------------------------- */

typedef int (*item_pred)(const cc *c, const ys_item *it);

static int fund_is(const ys_item *it, ys_fund f)
{
	switch (f) {
	case YS_FUND_ALL: return 1;
	case YS_FUND_FISCAL: return ys_fund_fiscal((ys_fundsrc)it->fund);
	case YS_FUND_GP: return it->fund == YS_FS_GP;
	case YS_FUND_GF: return it->fund == YS_FS_GF;
	case YS_FUND_SOC: return it->fund == YS_FS_SOC;
	case YS_FUND_NONFISCAL: return !ys_fund_fiscal((ys_fundsrc)it->fund);
	}
	return 0;
}

/* Does the item count in a column that sums `spend` money? */
static int spend_is(const ys_item *it, ys_spend s)
{
	switch (s) {
	case YS_SPEND_ALL: return 1;
	case YS_SPEND_BASIC: return it->kind == YS_BASIC;
	case YS_SPEND_PROJECT: return it->kind == YS_PROJECT;
	case YS_SPEND_PERSONNEL: return it->kind == YS_BASIC && ys_econ_personnel(it->econ);
	case YS_SPEND_PUBLIC: return it->kind == YS_BASIC && !ys_econ_personnel(it->econ);
	case YS_SPEND_NOCAP: return it->kind == YS_PROJECT && !ys_econ_capital(it->econ);
	case YS_SPEND_OPER: return (it->flags & YS_ITEM_OPER) != 0;
	case YS_SPEND_UPPER: return (it->flags & YS_ITEM_UPPER) != 0;
	case YS_SPEND_SUBSID: return (it->flags & YS_ITEM_SUBSID) != 0;
	}
	return 0;
}

/* Add the item to every amount column of the row that it counts in, as the
 * columns' descriptions say (fund and spend). */
static void add_to_columns(cc *c, int64_t *sums, const ys_tabledef *d, const ys_item *it)
{
	for (int k = 0; k < d->ncols; k++)
		if (d->cols[k].kind == YS_CK_AMOUNT && fund_is(it, (ys_fund)d->cols[k].fund) &&
		    spend_is(it, (ys_spend)d->cols[k].spend))
			add(c, &sums[k], it->amount);
}

/* Items sorted by a key; a group is a run of equal keys. */
typedef struct keyed {
	char key[32];
	size_t item;
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
	int r = strcmp(((const keyed *)a)->key, ((const keyed *)b)->key);
	if (r)
		return r;
	return ((const keyed *)a)->item < ((const keyed *)b)->item ? -1 : 1;
}

/* Group the items of fund f by key(it), sorted; returns the array (n in *n). */
static keyed *group(cc *c, ys_fund f, int basic_only, void (*key)(const cc *, size_t, char *), size_t *n)
{
	const ys_budget *b = c->b;
	keyed *k = malloc(sizeof *k * (b->nitems ? b->nitems : 1));
	if (!k)
		return oom(c);
	size_t m = 0;
	for (size_t i = 0; i < b->nitems; i++) {
		const ys_item *it = &b->items[i];
		if (!fund_is(it, f) || (basic_only && it->kind != YS_BASIC) || it->amount == 0)
			continue;
		key(c, i, k[m].key);
		k[m++].item = i;
	}
	qsort(k, m, sizeof *k, cmp_keyed);
	*n = m;
	return k;
}

static void key_func_econ(const cc *c, size_t i, char *k)
{
	const ys_item *it = &c->b->items[i];
	snprintf(k, 32, "%s|%s|%s", it->func, c->gov[i], it->econ);
}

static void key_unit_func(const cc *c, size_t i, char *k)
{
	const ys_item *it = &c->b->items[i];
	snprintf(k, 32, "%06d|%s", it->unit, it->func);
}

static void key_econ(const cc *c, size_t i, char *k)
{
	snprintf(k, 32, "%s|%s", c->gov[i], c->b->items[i].econ);
}

static void key_func(const cc *c, size_t i, char *k)
{
	snprintf(k, 32, "%s", c->b->items[i].func);
}

/* One row per group of items; fill(row, first item) writes the key cells. */
static void rows_by_group(cc *c, ys_fund f, int basic_only, void (*key)(const cc *, size_t, char *),
                          void (*fill)(cc *, ys_row *, const ys_item *, size_t), int64_t *totals)
{
	size_t n;
	keyed *k = group(c, f, basic_only, key, &n);
	if (!k)
		return;
	const ys_tabledef *d = c->t->def;
	for (size_t i = 0; i < n;) {
		int64_t sums[32] = { 0 };
		size_t j = i;
		while (j < n && !strcmp(k[j].key, k[i].key))
			add_to_columns(c, sums, d, &c->b->items[k[j++].item]);
		int any = 0;
		for (int col = 0; col < d->ncols; col++)
			any |= sums[col] != 0;
		if (any) {
			ys_row *r = row_new(c);
			fill(c, r, &c->b->items[k[i].item], k[i].item);
			for (int col = 0; col < d->ncols; col++)
				if (d->cols[col].kind == YS_CK_AMOUNT) {
					put_amount(c, r, col, sums[col], 0);
					add(c, &totals[col], sums[col]);
				}
		}
		i = j;
	}
	free(k);
}

static void total_row(cc *c, int labelcol, const int64_t *totals)
{
	ys_row *r = row_new(c);
	put_text(c, r, labelcol, "合计");
	for (int col = 0; col < c->t->def->ncols; col++)
		if (c->t->def->cols[col].kind == YS_CK_AMOUNT)
			put_amount(c, r, col, totals[col], 0);
}

/* ---- the tables --------------------------------------------------------- */

typedef struct sums {
	int64_t income[9], carry[5];
	int64_t income_total, carry_total, fiscal_income, fiscal_carry;
	int64_t all, fiscal;   /* spending */
} sums;

static void fill_03(cc *c, ys_row *r, const ys_item *it, size_t i)
{
	char buf[256];
	put_text(c, r, C03_FUNC, code_name(c, YS_CAT_FUNC, it->func, buf, sizeof buf));
	put_text(c, r, C03_GOV, code_name(c, YS_CAT_GOV_ECON, c->gov[i], buf, sizeof buf));
	put_text(c, r, C03_DEPT, code_name(c, YS_CAT_DEPT_ECON, it->econ, buf, sizeof buf));
}

static void fill_func(cc *c, ys_row *r, const ys_item *it, size_t i)
{
	(void)i;
	const char *name = ys_budget_code_name(c->b, c->cat, YS_CAT_FUNC, it->func);
	put_text(c, r, 0, it->func);
	put_text(c, r, 1, name ? name : "");
}

static void fill_06(cc *c, ys_row *r, const ys_item *it, size_t i)
{
	char buf[256];
	put_text(c, r, C06_GOV, code_name(c, YS_CAT_GOV_ECON, c->gov[i], buf, sizeof buf));
	put_text(c, r, C06_DEPT, code_name(c, YS_CAT_DEPT_ECON, it->econ, buf, sizeof buf));
}

/* 01 and 04: two panels of fixed rows, items side by side, then the totals
 * with the two 总计 rows on the last line. */
static void summary_table(cc *c, ys_tid id, const sums *s)
{
	table_new(c, id, 1);
	const ys_tabledef *d = c->t->def;
	int fiscal = id == YS_T04;
	int64_t by_class[YS_NCLASSES + 1] = { 0 };
	int64_t in_total = fiscal ? s->fiscal_income : s->income_total;
	int64_t carry = fiscal ? s->fiscal_carry : s->carry_total;
	int64_t in_grand = 0, out_total = fiscal ? s->fiscal : s->all;
	add(c, &in_grand, in_total);
	add(c, &in_grand, carry);
	int64_t yearend = in_grand > out_total ? in_grand - out_total : 0;
	int64_t out_grand = 0;
	add(c, &out_grand, out_total);
	add(c, &out_grand, yearend);

	/* spending by 类 */
	int cls[YS_NCLASSES], ncls = 0;
	for (int f = 0; f < d->nfixed; f++)
		if (d->fixed[f].panel == 1 && d->fixed[f].role == YS_FR_ITEM)
			cls[ncls++] = f;
	for (size_t i = 0; i < c->b->nitems; i++) {
		const ys_item *it = &c->b->items[i];
		if (fiscal && !ys_fund_fiscal((ys_fundsrc)it->fund))
			continue;
		for (int k = 0; k < ncls; k++)
			if (!strncmp(d->fixed[cls[k]].code, it->func, 3)) {
				add(c, &by_class[k], it->amount);
				break;
			}
	}

	/* the two panels: items, then the tail with 总计 last */
	int left[32], right[32], nl = 0, nr = 0, lt[16], rt[16], nlt = 0, nrt = 0;
	for (int f = 0; f < d->nfixed; f++) {
		const ys_fixedrow *fr = &d->fixed[f];
		if (fr->role == YS_FR_ITEM) {
			if (fr->panel)
				right[nr++] = f;
			else
				left[nl++] = f;
		} else if (fr->panel) {
			rt[nrt++] = f;
		} else {
			lt[nlt++] = f;
		}
	}
	int items = nl > nr ? nl : nr, tail = nlt > nrt ? nlt : nrt;
	for (int i = 0; i < items + tail; i++) {
		ys_row *r = row_new(c);
		for (int p = 0; p < 2; p++) {
			int f = -1;
			if (i < items) {
				int k = i;
				if (p == 0 && k < nl)
					f = left[k];
				if (p == 1 && k < nr)
					f = right[k];
			} else {
				int k = i - items, n = p ? nrt : nlt, *tl = p ? rt : lt;
				if (k == tail - 1)
					f = tl[n - 1];       /* 总计 on the last line */
				else if (k < n - 1)
					f = tl[k];
			}
			if (f < 0)
				continue;
			const ys_fixedrow *fr = &d->fixed[f];
			char label[128];
			if (fr->ordinal && (fr->role == YS_FR_ITEM || fr->role == YS_FR_CARRY_ITEM))
				snprintf(label, sizeof label, "%s、%s", fr->ordinal, fr->label);
			else
				snprintf(label, sizeof label, "%s", fr->label);
			put_text(c, r, p ? C01_OUT_LABEL : C01_IN_LABEL, label);
			int64_t v = 0;
			switch (fr->role) {
			case YS_FR_ITEM:
				if (p == 0)
					v = s->income[fr->source];
				else
					for (int k = 0; k < ncls; k++)
						if (cls[k] == f)
							v = by_class[k];
				break;
			case YS_FR_TOTAL: v = p ? out_total : in_total; break;
			case YS_FR_CARRY: v = carry; break;
			case YS_FR_CARRY_ITEM: v = s->carry[fr->source]; break;
			case YS_FR_YEAREND: v = yearend; break;
			case YS_FR_GRAND: v = p ? out_grand : in_grand; break;
			}
			put_amount(c, r, p ? C01_OUT_AMT : C01_IN_AMT, v, 0);
		}
	}
}

static void table_02(cc *c, const sums *s)
{
	table_new(c, YS_T02, 1);
	ys_row *r = row_new(c);
	int64_t total = 0;
	add(c, &total, s->income_total);
	add(c, &total, s->carry_total);
	put_amount(c, r, C02_TOTAL, total, 0);
	put_amount(c, r, C02_CUR, s->income_total, 0);
	for (int i = 0; i < 9; i++)
		put_amount(c, r, C02_SRC0 + i, s->income[i], 0);
	put_amount(c, r, C02_CARRY, s->carry_total, 0);
	for (int i = 0; i < 5; i++)
		put_amount(c, r, C02_CSRC0 + i, s->carry[i], 0);
}

static void table_05(cc *c)
{
	table_new(c, YS_T05, 1);
	int64_t totals[32] = { 0 };
	rows_by_group(c, YS_FUND_GP, 0, key_unit_func, fill_func, totals);
	total_row(c, C05_NAME, totals);
}

static int64_t econ_sum(cc *c, const char *prefix, const char *prefix2)
{
	int64_t v = 0;
	for (size_t i = 0; i < c->b->nitems; i++) {
		const ys_item *it = &c->b->items[i];
		if (!ys_fund_fiscal((ys_fundsrc)it->fund))
			continue;
		if (!strncmp(it->econ, prefix, 5) || (prefix2 && !strncmp(it->econ, prefix2, 5)))
			add(c, &v, it->amount);
	}
	return v;
}

static void table_09(cc *c)
{
	table_new(c, YS_T09, 1);
	const ys_budget *b = c->b;
	int64_t abroad = b->sangong_abroad >= 0 ? b->sangong_abroad : econ_sum(c, "30212", NULL);
	int64_t recep = b->sangong_reception >= 0 ? b->sangong_reception : econ_sum(c, "30217", NULL);
	int64_t buy = b->sangong_car_buy >= 0 ? b->sangong_car_buy : econ_sum(c, "31013", "30913");
	int64_t run = b->sangong_car_run >= 0 ? b->sangong_car_run : econ_sum(c, "30231", NULL);
	int64_t car = 0, total = 0;
	add(c, &car, buy);
	add(c, &car, run);
	add(c, &total, abroad);
	add(c, &total, recep);
	add(c, &total, car);
	ys_row *r = row_new(c);
	put_amount(c, r, C09_TOTAL, total, 1); /* a one-row table prints its total even when zero */
	put_amount(c, r, C09_ABROAD, abroad, 0);
	put_amount(c, r, C09_RECEPTION, recep, 0);
	put_amount(c, r, C09_CAR, car, 0);
	put_amount(c, r, C09_CAR_BUY, buy, 0);
	put_amount(c, r, C09_CAR_RUN, run, 0);
}

static void table_10(cc *c)
{
	table_new(c, YS_T10, 1);
	static const char *const names[] = { "A-货物", "B-工程", "C-服务" };
	int64_t by[3] = { 0 }, total = 0;
	for (int i = 0; i < c->b->nprocurement; i++) {
		const ys_procurement *p = &c->b->procurement[i];
		add(c, &by[p->category - 'A'], p->amount);
		add(c, &total, p->amount);
	}
	for (int k = 0; k < 3; k++)
		if (by[k]) {
			ys_row *r = row_new(c);
			put_text(c, r, C10_CATEGORY, names[k]);
			put_amount(c, r, C10_AMOUNT, by[k], 0);
		}
	ys_row *r = row_new(c);
	put_text(c, r, C10_CATEGORY, "合计");
	put_amount(c, r, C10_AMOUNT, total, 0);
}

static void table_11(cc *c)
{
	table_new(c, YS_T11, 1);
	const ys_budget *b = c->b;
	int64_t total = 0;
	for (int i = 0; i < b->nservices; i++) {
		const ys_service *s = &b->services[i];
		int first = 1;
		for (int j = 0; j < i && first; j++)
			first = !(ys_name_eq(s->l1, b->services[j].l1) && ys_name_eq(s->l2, b->services[j].l2) &&
			          ys_name_eq(s->l3, b->services[j].l3));
		if (!first)
			continue;
		int64_t v = 0;
		for (int j = i; j < b->nservices; j++)
			if (ys_name_eq(s->l1, b->services[j].l1) && ys_name_eq(s->l2, b->services[j].l2) &&
			    ys_name_eq(s->l3, b->services[j].l3))
				add(c, &v, b->services[j].amount);
		ys_row *r = row_new(c);
		put_text(c, r, C11_L1, s->l1);
		put_text(c, r, C11_L2, s->l2);
		put_text(c, r, C11_L3, s->l3);
		put_amount(c, r, C11_AMOUNT, v, 0);
		add(c, &total, v);
	}
	ys_row *r = row_new(c);
	put_text(c, r, C11_L1, "合计");
	put_amount(c, r, C11_AMOUNT, total, 0);
}

static void put_indicator(cc *c, ys_row *r, const ys_indicator *in)
{
	put_text(c, r, C12_IND1, in->l1);
	put_text(c, r, C12_IND2, in->l2);
	put_text(c, r, C12_IND3, in->l3);
	put_text(c, r, C12_OP, in->op);
	put_text(c, r, C12_VALUE, in->value);
	put_text(c, r, C12_MUNIT, in->unit);
}

static void table_12(cc *c)
{
	table_new(c, YS_T12, 1);
	const ys_budget *b = c->b;
	for (int p = 0; p < b->nprojects; p++) {
		const ys_project *pr = &b->projects[p];
		if (!pr->disclosed)
			continue;
		int64_t total = 0, fiscal = 0, other = 0;
		for (size_t i = 0; i < b->nitems; i++) {
			const ys_item *it = &b->items[i];
			if (it->project != p)
				continue;
			add(c, &total, it->amount);
			add(c, ys_fund_fiscal((ys_fundsrc)it->fund) ? &fiscal : &other, it->amount);
		}
		ys_row *r = row_new(c);
		char *cn = ys_arena_printf(&c->doc->arena, "%s-%s", pr->code, pr->name);
		put_text(c, r, C12_NAME, cn);
		put_amount(c, r, C12_TOTAL, total, 0);
		put_amount(c, r, C12_FISCAL, fiscal, 0);
		put_amount(c, r, C12_OTHER, other, 0);
		put_text(c, r, C12_GOAL, pr->goal);
		if (pr->nind)
			put_indicator(c, r, &pr->ind[0]);
		for (int k = 1; k < pr->nind; k++)
			put_indicator(c, row_new(c), &pr->ind[k]);
	}
}

static int shape_of(const ys_tabledef *d, const char *id)
{
	for (int s = 0; s < d->nshapes; s++)
		if (!strcmp(d->shapes[s].id, id))
			return s;
	return -1;
}

static int64_t rounded(cc *c, int64_t v)
{
	int64_t r;
	if (ys_money_round(v, ys_money_quantum(YS_UNIT_WANYUAN, 2), YS_ROUND_HALF_UP, &r)) {
		c->err = 2;
		return 0;
	}
	return r;
}

static void table_13(cc *c, const sums *s)
{
	table_new(c, YS_T13, 0);
	const ys_tabledef *d = c->t->def;
	const ys_budget *b = c->b;
	int64_t fbasic = 0, fproj = 0, abasic = 0, aproj = 0;
	for (size_t i = 0; i < b->nitems; i++) {
		const ys_item *it = &b->items[i];
		int basic = it->kind == YS_BASIC;
		add(c, basic ? &abasic : &aproj, it->amount);
		if (ys_fund_fiscal((ys_fundsrc)it->fund))
			add(c, basic ? &fbasic : &fproj, it->amount);
	}
	/* 01 and 04 支出总计 (with any 年终结转结余), as their tables print them */
	int64_t all = s->income_total, fiscal = s->fiscal_income;
	add(c, &all, s->carry_total);
	add(c, &fiscal, s->fiscal_carry);
	if (all < s->all)
		all = s->all;
	if (fiscal < s->fiscal)
		fiscal = s->fiscal;

	ys_row *r = row_new(c);
	r->shape = (signed char)shape_of(d, "unit");
	r->kind = YS_ROW_FIELD;
	put_text(c, r, C13_UNIT, b->perf_unit);
	add_header(c, d->layout[0], 1);
	add_header(c, d->layout[1], 1);
	r = row_new(c);
	r->shape = (signed char)shape_of(d, "amounts");
	put_amount(c, r, C13_TOTAL, rounded(c, all), 1);
	put_amount(c, r, C13_F_TOTAL, rounded(c, fiscal), 1);
	put_amount(c, r, C13_F_BASIC, rounded(c, fbasic), 1);
	put_amount(c, r, C13_F_PROJECT, rounded(c, fproj), 1);
	put_amount(c, r, C13_O_TOTAL, rounded(c, all - fiscal), 1);
	put_amount(c, r, C13_O_BASIC, rounded(c, abasic - fbasic), 1);
	put_amount(c, r, C13_O_PROJECT, rounded(c, aproj - fproj), 1);
	r = row_new(c);
	r->shape = (signed char)shape_of(d, "goal");
	put_text(c, r, C13_GOAL, b->perf_goal);
	r = row_new(c);
	r->shape = (signed char)shape_of(d, "notes");
	put_text(c, r, C13_NOTES, b->perf_notes);
	add_header(c, d->layout[2], 4);
	for (int i = 0; i < b->nperf; i++) {
		const ys_indicator *in = &b->perf[i];
		r = row_new(c);
		r->shape = (signed char)shape_of(d, "indicator");
		put_text(c, r, C13_ACTIVITY, in->activity);
		char *ind = ys_arena_printf(&c->doc->arena, "%s%s%s", in->l1, in->l2, in->l3);
		put_text(c, r, C13_INDICATOR, ind);
		put_text(c, r, C13_OP, in->op);
		put_text(c, r, C13_VALUE, in->value);
		put_text(c, r, C13_MUNIT, in->unit);
	}
}

/* ---- driver ------------------------------------------------------------- */

ys_result ys_compile(ys_ctx *ctx, const ys_budget *b, const ys_catalog *cat, ys_doc **out)
{
	*out = NULL;
	cc c;
	memset(&c, 0, sizeof c);
	c.ctx = ctx;
	c.b = b;
	c.cat = cat;
	c.doc = ys_doc_new("compiled");
	c.gov = malloc(sizeof *c.gov * (b->nitems ? b->nitems : 1));
	if (!c.doc || !c.gov) {
		ys_doc_free(c.doc);
		free(c.gov);
		return ys_error(ctx, YS_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < b->nitems; i++) {
		if (ys_item_gov(b, cat, &b->items[i], c.gov[i])) {
			const ys_item *it = &b->items[i];
			ys_result r = ys_error(ctx, YS_EPARSE,
			                       "%s:%d: 政府经济分类 of %s cannot be derived for a unit of type %s: give it in the "
			                       "政府经济分类 column",
			                       it->pos.file ? it->pos.file : "items", it->pos.line, it->econ,
			                       ys_unittype_name(b->units[it->unit].type));
			ys_doc_free(c.doc);
			free(c.gov);
			return r;
		}
	}
	c.doc->department = ys_arena_strdup(&c.doc->arena, b->department);
	c.doc->year = b->year;

	sums s;
	memset(&s, 0, sizeof s);
	for (int i = 0; i < 9; i++) {
		s.income[i] = b->income[i];
		add(&c, &s.income_total, b->income[i]);
		if (ys_fund_fiscal((ys_fundsrc)i))
			add(&c, &s.fiscal_income, b->income[i]);
	}
	for (int i = 0; i < 5; i++) {
		s.carry[i] = b->carry[i];
		add(&c, &s.carry_total, b->carry[i]);
		if (i < 3)
			add(&c, &s.fiscal_carry, b->carry[i]);
	}
	for (size_t i = 0; i < b->nitems; i++) {
		add(&c, &s.all, b->items[i].amount);
		if (ys_fund_fiscal((ys_fundsrc)b->items[i].fund))
			add(&c, &s.fiscal, b->items[i].amount);
	}

	int64_t totals[32];
	summary_table(&c, YS_T01, &s);
	table_02(&c, &s);
	table_new(&c, YS_T03, 1);
	memset(totals, 0, sizeof totals);
	rows_by_group(&c, YS_FUND_ALL, 0, key_func_econ, fill_03, totals);
	total_row(&c, C03_FUNC, totals);
	summary_table(&c, YS_T04, &s);
	table_05(&c);
	table_new(&c, YS_T06, 1);
	memset(totals, 0, sizeof totals);
	rows_by_group(&c, YS_FUND_GP, 1, key_econ, fill_06, totals);
	total_row(&c, C06_DEPT, totals);
	table_new(&c, YS_T07, 1);
	memset(totals, 0, sizeof totals);
	rows_by_group(&c, YS_FUND_GF, 0, key_func, fill_func, totals);
	total_row(&c, C07_NAME, totals);
	table_new(&c, YS_T08, 1);
	memset(totals, 0, sizeof totals);
	rows_by_group(&c, YS_FUND_SOC, 0, key_func, fill_func, totals);
	total_row(&c, C07_NAME, totals);
	table_09(&c);
	table_10(&c);
	table_11(&c);
	table_12(&c);
	table_13(&c, &s);
	free(c.gov);

	if (c.err) {
		ys_doc_free(c.doc);
		return c.err == 2 ? ys_error(ctx, YS_ERANGE, "a sum of amounts overflows int64 分")
		                  : ys_error(ctx, YS_ENOMEM, "out of memory compiling");
	}
	/* write the published layout and read it back */
	ys_buf text = YS_BUF_INIT;
	ys_result r = ys_render_text(ctx, c.doc, -1, &text);
	ys_doc_free(c.doc);
	if (!r) {
		char name[512];
		snprintf(name, sizeof name, "%s %d (compiled)", b->department, b->year);
		r = ys_doc_read_text(ctx, name, text.s, text.len, out);
	}
	ys_buf_release(&text);
	return r;
}
