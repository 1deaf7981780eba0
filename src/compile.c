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
#include "base_int.h"

typedef struct cc {
	ys_ctx *ctx;
	const ys_budget *b;
	const ys_catalog *cat;
	ys_doc *doc;
	ys_table *t;
	size_t rowcap, hdrcap;
	char (*gov)[6];   /* per item: its 政府经济 款 */
	uint16_t *mask;   /* per item: the (fund, spend) kinds it counts in, as bits */
	struct intern *func, *econ, *govs; /* the department's distinct codes, ranked */
	int bf, be, bg, bu, keybits;       /* bits a rank of each needs; bits of a whole key */
	short *cls;       /* per 功能 rank: its 类 row of 01/04, or -1 */
	int err;          /* out of memory or overflow */
	ys_row sink;      /* the row row_new gives when out of memory: written, */
	ys_cell sinkcells[48]; /* never part of a table (the compile fails) */
} cc;

/*
 * A department's distinct codes of one kind, ranked in code order, so that
 * items sort as packed integers (rank fields and the item index) and each
 * code's name and 类 are looked up once, not once per item or row.
 */
typedef struct intern {
	int n;
	uint64_t *key;        /* by rank: ys_code_key */
	const char **code;    /* by rank: the code */
	const char **cn;      /* by rank: "code-name", made when first printed */
	uint32_t *rank;       /* by item */
	uint64_t *mkey;       /* hash map key -> rank (open addressing) */
	uint32_t *mval;
	size_t mcap;
} intern;

static void intern_free(intern *t)
{
	if (!t)
		return;
	free(t->key);
	free(t->code);
	free(t->cn);
	free(t->rank);
	free(t->mkey);
	free(t->mval);
	free(t);
}

static size_t slot_of(const intern *t, uint64_t key)
{
	size_t i = (size_t)(key * 0x9E3779B97F4A7C15ULL >> 17) & (t->mcap - 1);
	while (t->mkey[i] && t->mkey[i] != key)
		i = (i + 1) & (t->mcap - 1);
	return i;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* Rank the codes get(i) of n items. */
static intern *intern_new(size_t n, const char *(*get)(const void *, size_t), const void *arg)
{
	intern *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->mcap = 64;
	while (t->mcap < n * 2)
		t->mcap *= 2;
	t->mkey = calloc(t->mcap, sizeof *t->mkey);
	t->mval = calloc(t->mcap, sizeof *t->mval);
	t->rank = malloc(sizeof *t->rank * (n ? n : 1));
	t->key = malloc(sizeof *t->key * (n ? n : 1));
	t->code = malloc(sizeof *t->code * (n ? n : 1));
	if (!t->mkey || !t->mval || !t->rank || !t->key || !t->code) {
		intern_free(t);
		return NULL;
	}
	/* the distinct keys, with a code of each; t->rank holds the slot first */
	for (size_t i = 0; i < n; i++) {
		const char *code = get(arg, i);
		uint64_t k = ys_code_key(code) | 1ULL << 63; /* never 0: "" is a code too */
		size_t sl = slot_of(t, k);
		t->rank[i] = (uint32_t)sl;
		if (!t->mkey[sl]) {
			t->mkey[sl] = k;
			t->mval[sl] = (uint32_t)t->n;
			t->key[t->n] = k;
			t->code[t->n++] = code;
		}
	}
	/* in code order */
	uint64_t *sorted = malloc(sizeof *sorted * (size_t)(t->n ? t->n : 1));
	const char **codes = malloc(sizeof *codes * (size_t)(t->n ? t->n : 1));
	t->cn = calloc((size_t)(t->n ? t->n : 1), sizeof *t->cn);
	if (!sorted || !codes || !t->cn) {
		free(sorted);
		free(codes);
		intern_free(t);
		return NULL;
	}
	memcpy(sorted, t->key, sizeof *sorted * (size_t)t->n);
	qsort(sorted, (size_t)t->n, sizeof *sorted, cmp_u64);
	for (int r = 0; r < t->n; r++) {
		size_t sl = slot_of(t, sorted[r]);
		codes[r] = t->code[t->mval[sl]];
		t->mval[sl] = (uint32_t)r;
	}
	memcpy(t->key, sorted, sizeof *sorted * (size_t)t->n);
	memcpy(t->code, codes, sizeof *codes * (size_t)t->n);
	free(sorted);
	free(codes);
	for (size_t i = 0; i < n; i++)
		t->rank[i] = t->mval[t->rank[i]];
	return t;
}

/* Sort packed keys of `bits` significant bits: least-significant-digit
 * radix sort, 11 bits a pass, passes whose digit is the same everywhere
 * skipped. */
static int sort_u64(uint64_t *a, size_t n, int bits)
{
	if (n < 2)
		return 0;
	uint64_t *tmp = malloc(sizeof *tmp * n);
	if (!tmp)
		return -1;
	size_t count[2048];
	for (int shift = 0; shift < bits; shift += 11) {
		memset(count, 0, sizeof count);
		for (size_t i = 0; i < n; i++)
			count[(a[i] >> shift) & 2047]++;
		if (count[(a[0] >> shift) & 2047] == n)
			continue; /* one digit everywhere */
		size_t sum = 0;
		for (int d = 0; d < 2048; d++) {
			size_t c = count[d];
			count[d] = sum;
			sum += c;
		}
		for (size_t i = 0; i < n; i++)
			tmp[count[(a[i] >> shift) & 2047]++] = a[i];
		memcpy(a, tmp, sizeof *a * n);
	}
	free(tmp);
	return 0;
}

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
	if (ys_hrow_split(h, &c->doc->arena, layout_row)) {
		oom(c);
		return;
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

/* A new row of the table being made; never NULL: when memory runs out it
 * is c->sink, which the callers fill like any row and no table holds. */
static ys_row *row_new(cc *c)
{
	ys_table *t = c->t;
	ys_row *r;
	if (ys_grow((void **)&t->rows, &c->rowcap, (size_t)t->nrows + 1, sizeof *t->rows)) {
		oom(c);
		r = &c->sink;
		memset(r, 0, sizeof *r);
	} else {
		r = &t->rows[t->nrows];
		memset(r, 0, sizeof *r);
		r->cells = ys_arena_alloc(&c->doc->arena, sizeof(ys_cell) * (size_t)t->def->ncols);
		if (r->cells)
			t->nrows++;
		else
			oom(c);
	}
	if (!r->cells) {
		_Static_assert(YS_C02_NCOLS <= 48 && YS_C12_NCOLS <= 48 && YS_C13_NCOLS <= 48, "the sink row holds every table's cells");
		memset(c->sinkcells, 0, sizeof c->sinkcells);
		r->cells = c->sinkcells;
	}
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
	char *buf = ys_arena_alloc(&c->doc->arena, YS_MONEY_FMT_MAX);
	int dp = c->t->def->dp;
	if (!buf || ys_money_format(buf, fen, YS_UNIT_WANYUAN, dp, YS_FMT_GROUP) < 0) {
		c->err = 1; /* callers round before: an inexact figure is a bug */
		return;
	}
	r->cells[col].text = buf;
	r->cells[col].amt.fen = fen;
	r->cells[col].amt.present = 1;
	r->cells[col].amt.dp = (unsigned char)dp;
}

static void add(cc *c, int64_t *acc, int64_t v)
{
	if (ys_money_add(*acc, v, acc))
		c->err = 2;
}

/* "code-name" in the document's arena */
static const char *code_name(cc *c, ys_catkind kind, const char *code)
{
	const char *name = ys_budget_code_name(c->b, c->cat, kind, code);
	size_t cl = strlen(code), nl = name ? strlen(name) : 0;
	char *s = ys_arena_alloc(&c->doc->arena, cl + nl + 2);
	if (!s)
		return oom(c);
	memcpy(s, code, cl);
	s[cl] = '-';
	memcpy(s + cl + 1, name ? name : "", nl);
	s[cl + 1 + nl] = '\0';
	return s;
}

/* A cell's text that already lives in the document's arena. */
static void put_owned(ys_row *r, int col, const char *s)
{
	if (r && s)
		r->cells[col].text = s;
}

/* ---- item views --------------------------------------------------------- */

/* Which money an item is, as bits: ys_fund f is bit f, ys_spend s is bit
 * 7 + s.  A column that sums (fund, spend) money (tables.h) takes the items
 * that have both its bits.  This is where 人员/公用 (301, 303), 基本建设
 * (309) and 财政拨款 are decided for every table. */
static uint16_t item_mask(const ys_item *it)
{
	int fiscal = ys_fund_fiscal((ys_fundsrc)it->fund);
	uint16_t m = (uint16_t)(1u << YS_FUND_ALL | 1u << (fiscal ? YS_FUND_FISCAL : YS_FUND_NONFISCAL) |
	                        1u << (7 + YS_SPEND_ALL));
	if (it->fund == YS_FS_GP)
		m |= 1u << YS_FUND_GP;
	else if (it->fund == YS_FS_GF)
		m |= 1u << YS_FUND_GF;
	else if (it->fund == YS_FS_SOC)
		m |= 1u << YS_FUND_SOC;
	if (it->kind == YS_BASIC)
		m |= 1u << (7 + YS_SPEND_BASIC) |
		     1u << (7 + (ys_econ_personnel(it->econ) ? YS_SPEND_PERSONNEL : YS_SPEND_PUBLIC));
	else
		m |= 1u << (7 + YS_SPEND_PROJECT) | (ys_econ_capital(it->econ) ? 0 : 1u << (7 + YS_SPEND_NOCAP));
	if (it->flags & YS_ITEM_OPER)
		m |= 1u << (7 + YS_SPEND_OPER);
	if (it->flags & YS_ITEM_UPPER)
		m |= 1u << (7 + YS_SPEND_UPPER);
	if (it->flags & YS_ITEM_SUBSID)
		m |= 1u << (7 + YS_SPEND_SUBSID);
	return m;
}

static uint16_t col_mask(const ys_coldef *col)
{
	return (uint16_t)(1u << col->fund | 1u << (7 + col->spend));
}

/* Add the item to every amount column of the row that it counts in, as the
 * columns' descriptions say (fund and spend). */
static void add_to_columns(cc *c, int64_t *sums, const uint16_t *want, int ncols, size_t item)
{
	uint16_t m = c->mask[item];
	int64_t amount = c->b->items[item].amount;
	for (int k = 0; k < ncols; k++)
		if (want[k] && (m & want[k]) == want[k])
			add(c, &sums[k], amount);
}

/* A group key: rank fields packed above the item index (24 bits). */
#define IDX_BITS 24
#define IDX_MASK ((1ULL << IDX_BITS) - 1)

/* The packed keys of the items of fund f (basic only if asked), sorted. */
static uint64_t *group(cc *c, ys_fund f, int basic_only, uint64_t (*key)(const cc *, size_t), size_t *n)
{
	const ys_budget *b = c->b;
	uint64_t *k = malloc(sizeof *k * (b->nitems ? b->nitems : 1));
	if (!k)
		return oom(c);
	size_t m = 0;
	uint16_t want = (uint16_t)(1u << f | (basic_only ? 1u << (7 + YS_SPEND_BASIC) : 0));
	for (size_t i = 0; i < b->nitems; i++) {
		if ((c->mask[i] & want) != want || b->items[i].amount == 0)
			continue;
		k[m++] = key(c, i) << IDX_BITS | i;
	}
	if (sort_u64(k, m, c->keybits)) {
		free(k);
		return oom(c);
	}
	*n = m;
	return k;
}

/* ranks packed in as few bits as the department needs (c->bf, bg, be, bu) */
static uint64_t key_func_econ(const cc *c, size_t i)
{
	return ((uint64_t)c->func->rank[i] << c->bg | c->govs->rank[i]) << c->be | c->econ->rank[i];
}

static uint64_t key_unit_func(const cc *c, size_t i)
{
	return (uint64_t)(uint32_t)c->b->items[i].unit << c->bf | c->func->rank[i];
}

static uint64_t key_econ(const cc *c, size_t i)
{
	return (uint64_t)c->govs->rank[i] << c->be | c->econ->rank[i];
}

static uint64_t key_func(const cc *c, size_t i)
{
	return c->func->rank[i];
}

/* One row per group of items; fill(row, first item) writes the key cells. */
static void rows_by_group(cc *c, ys_fund f, int basic_only, uint64_t (*key)(const cc *, size_t),
                          void (*fill)(cc *, ys_row *, const ys_item *, size_t), int64_t *totals)
{
	size_t n;
	uint64_t *k = group(c, f, basic_only, key, &n);
	if (!k)
		return;
	const ys_tabledef *d = c->t->def;
	uint16_t want[32];
	for (int col = 0; col < d->ncols; col++)
		want[col] = d->cols[col].kind == YS_CK_AMOUNT ? col_mask(&d->cols[col]) : 0;
	for (size_t i = 0; i < n;) {
		int64_t sums[32] = { 0 };
		size_t j = i;
		while (j < n && k[j] >> IDX_BITS == k[i] >> IDX_BITS)
			add_to_columns(c, sums, want, d->ncols, k[j++] & IDX_MASK);
		int any = 0;
		for (int col = 0; col < d->ncols; col++)
			any |= sums[col] != 0;
		if (any) {
			ys_row *r = row_new(c);
			fill(c, r, &c->b->items[k[i] & IDX_MASK], k[i] & IDX_MASK);
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
	int64_t income[YS_NSOURCES], carry[YS_NCSOURCES];
	int64_t income_total, carry_total, fiscal_income, fiscal_carry;
	int64_t all, fiscal;   /* spending */
} sums;

/* "code-name" of an item's code, made once per code */
static const char *ranked_name(cc *c, intern *t, ys_catkind kind, size_t item)
{
	uint32_t r = t->rank[item];
	if (!t->cn[r])
		t->cn[r] = code_name(c, kind, t->code[r]);
	return t->cn[r];
}

static void fill_03(cc *c, ys_row *r, const ys_item *it, size_t i)
{
	(void)it;
	put_owned(r, YS_C03_FUNC, ranked_name(c, c->func, YS_CAT_FUNC, i));
	put_owned(r, YS_C03_GOV, ranked_name(c, c->govs, YS_CAT_GOV_ECON, i));
	put_owned(r, YS_C03_DEPT, ranked_name(c, c->econ, YS_CAT_DEPT_ECON, i));
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
	(void)it;
	put_owned(r, YS_C06_GOV, ranked_name(c, c->govs, YS_CAT_GOV_ECON, i));
	put_owned(r, YS_C06_DEPT, ranked_name(c, c->econ, YS_CAT_DEPT_ECON, i));
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
		int k = c->cls[c->func->rank[i]];
		if (k >= 0)
			add(c, &by_class[k], it->amount);
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
			put_text(c, r, p ? YS_C01_OUT_LABEL : YS_C01_IN_LABEL, label);
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
			put_amount(c, r, p ? YS_C01_OUT_AMT : YS_C01_IN_AMT, v, 0);
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
	put_amount(c, r, YS_C02_TOTAL, total, 0);
	put_amount(c, r, YS_C02_CUR, s->income_total, 0);
	for (int i = 0; i < YS_NSOURCES; i++)
		put_amount(c, r, YS_C02_SRC0 + i, s->income[i], 0);
	put_amount(c, r, YS_C02_CARRY, s->carry_total, 0);
	for (int i = 0; i < YS_NCSOURCES; i++)
		put_amount(c, r, YS_C02_CSRC0 + i, s->carry[i], 0);
}

static void table_05(cc *c)
{
	table_new(c, YS_T05, 1);
	int64_t totals[32] = { 0 };
	rows_by_group(c, YS_FUND_GP, 0, key_unit_func, fill_func, totals);
	total_row(c, YS_C05_NAME, totals);
}

/* 财政拨款 money on the economic codes that start with prefix (or prefix2) */
static int64_t econ_sum(cc *c, const char *prefix, const char *prefix2)
{
	char *hit = calloc((size_t)(c->econ->n ? c->econ->n : 1), 1);
	if (!hit) {
		c->err = 1;
		return 0;
	}
	for (int r = 0; r < c->econ->n; r++)
		hit[r] = !strncmp(c->econ->code[r], prefix, 5) || (prefix2 && !strncmp(c->econ->code[r], prefix2, 5));
	int64_t v = 0;
	for (size_t i = 0; i < c->b->nitems; i++) {
		const ys_item *it = &c->b->items[i];
		if (hit[c->econ->rank[i]] && ys_fund_fiscal((ys_fundsrc)it->fund))
			add(c, &v, it->amount);
	}
	free(hit);
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
	put_amount(c, r, YS_C09_TOTAL, total, 0); /* zero cells are blank, the total too (docs/tables.md) */
	put_amount(c, r, YS_C09_ABROAD, abroad, 0);
	put_amount(c, r, YS_C09_RECEPTION, recep, 0);
	put_amount(c, r, YS_C09_CAR, car, 0);
	put_amount(c, r, YS_C09_CAR_BUY, buy, 0);
	put_amount(c, r, YS_C09_CAR_RUN, run, 0);
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
			put_text(c, r, YS_C10_CATEGORY, names[k]);
			put_amount(c, r, YS_C10_AMOUNT, by[k], 0);
		}
	ys_row *r = row_new(c);
	put_text(c, r, YS_C10_CATEGORY, "合计");
	put_amount(c, r, YS_C10_AMOUNT, total, 0);
}

/* A row of table 11: where its 一级, its 二级 (within the 一级) and its
 * 三级 first appear in services.csv, and its money. */
typedef struct svrow {
	int first[3];
	int64_t v;
} svrow;

static int cmp_svrow(const void *a, const void *b)
{
	const svrow *x = a, *y = b;
	for (int k = 0; k < 3; k++)
		if (x->first[k] != y->first[k])
			return x->first[k] < y->first[k] ? -1 : 1;
	return 0;
}

/* One row per directory entry (一级, 二级, 三级), grouped so that each 一级,
 * and each 二级 within it, is printed in one place; groups and rows keep the
 * order in which they first appear in services.csv (the 指导性目录 has no
 * codes to sort by, and the department's order is the one it wrote). */
static void table_11(cc *c)
{
	table_new(c, YS_T11, 1);
	const ys_budget *b = c->b;
	int n = b->nservices;
	svrow *rows = calloc((size_t)(n ? n : 1), sizeof *rows);
	int *rowof = calloc((size_t)(n ? n : 1), sizeof *rowof);
	if (!rows || !rowof) {
		free(rows);
		free(rowof);
		oom(c);
		return;
	}
	int nr = 0;
	for (int i = 0; i < n; i++) {
		const ys_service *s = &b->services[i];
		int f[3] = { i, i, i };
		for (int j = 0; j < i && f[2] == i; j++) {
			const ys_service *o = &b->services[j];
			if (!ys_name_eq(s->l1, o->l1))
				continue;
			if (f[0] == i)
				f[0] = j;
			if (!ys_name_eq(s->l2, o->l2))
				continue;
			if (f[1] == i)
				f[1] = j;
			if (ys_name_eq(s->l3, o->l3))
				f[2] = j;
		}
		if (f[2] != i) { /* the same entry again: one row, the money added */
			add(c, &rows[rowof[f[2]]].v, s->amount);
			continue;
		}
		rowof[i] = nr;
		memcpy(rows[nr].first, f, sizeof f);
		rows[nr++].v = s->amount;
	}
	qsort(rows, (size_t)nr, sizeof *rows, cmp_svrow);
	int64_t total = 0;
	for (int k = 0; k < nr; k++) {
		const ys_service *s = &b->services[rows[k].first[2]];
		ys_row *r = row_new(c);
		put_text(c, r, YS_C11_L1, s->l1);
		put_text(c, r, YS_C11_L2, s->l2);
		put_text(c, r, YS_C11_L3, s->l3);
		put_amount(c, r, YS_C11_AMOUNT, rows[k].v, 0);
		add(c, &total, rows[k].v);
	}
	free(rows);
	free(rowof);
	ys_row *r = row_new(c);
	put_text(c, r, YS_C11_L1, "合计");
	put_amount(c, r, YS_C11_AMOUNT, total, 0);
}

static void put_indicator(cc *c, ys_row *r, const ys_indicator *in)
{
	put_text(c, r, YS_C12_IND1, in->l1);
	put_text(c, r, YS_C12_IND2, in->l2);
	put_text(c, r, YS_C12_IND3, in->l3);
	put_text(c, r, YS_C12_OP, in->op);
	put_text(c, r, YS_C12_VALUE, in->value);
	put_text(c, r, YS_C12_MUNIT, in->unit);
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
		put_text(c, r, YS_C12_NAME, cn);
		put_amount(c, r, YS_C12_TOTAL, total, 0);
		put_amount(c, r, YS_C12_FISCAL, fiscal, 0);
		put_amount(c, r, YS_C12_OTHER, other, 0);
		put_text(c, r, YS_C12_GOAL, pr->goal);
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
	put_text(c, r, YS_C13_UNIT, b->perf_unit);
	add_header(c, d->layout[0], 1);
	add_header(c, d->layout[1], 1);
	r = row_new(c);
	r->shape = (signed char)shape_of(d, "amounts");
	put_amount(c, r, YS_C13_TOTAL, rounded(c, all), 1);
	put_amount(c, r, YS_C13_F_TOTAL, rounded(c, fiscal), 1);
	put_amount(c, r, YS_C13_F_BASIC, rounded(c, fbasic), 1);
	put_amount(c, r, YS_C13_F_PROJECT, rounded(c, fproj), 1);
	put_amount(c, r, YS_C13_O_TOTAL, rounded(c, all - fiscal), 1);
	put_amount(c, r, YS_C13_O_BASIC, rounded(c, abasic - fbasic), 1);
	put_amount(c, r, YS_C13_O_PROJECT, rounded(c, aproj - fproj), 1);
	r = row_new(c);
	r->shape = (signed char)shape_of(d, "goal");
	put_text(c, r, YS_C13_GOAL, b->perf_goal);
	r = row_new(c);
	r->shape = (signed char)shape_of(d, "notes");
	put_text(c, r, YS_C13_NOTES, b->perf_notes);
	add_header(c, d->layout[2], 4);
	for (int i = 0; i < b->nperf; i++) {
		const ys_indicator *in = &b->perf[i];
		r = row_new(c);
		r->shape = (signed char)shape_of(d, "indicator");
		put_text(c, r, YS_C13_ACTIVITY, in->activity);
		char *ind = ys_arena_printf(&c->doc->arena, "%s%s%s", in->l1, in->l2, in->l3);
		put_text(c, r, YS_C13_INDICATOR, ind);
		put_text(c, r, YS_C13_OP, in->op);
		put_text(c, r, YS_C13_VALUE, in->value);
		put_text(c, r, YS_C13_MUNIT, in->unit);
	}
}

/* ---- driver ------------------------------------------------------------- */

static const char *item_func(const void *b, size_t i) { return ((const ys_budget *)b)->items[i].func; }
static const char *item_econ(const void *b, size_t i) { return ((const ys_budget *)b)->items[i].econ; }
static const char *item_gov(const void *g, size_t i) { return ((const char (*)[6])g)[i]; }

static ys_result compile_tables_body(ys_ctx *ctx, const ys_budget *b, const ys_catalog *cat, ys_doc **out)
{
	*out = NULL;
	cc c;
	memset(&c, 0, sizeof c);
	c.ctx = ctx;
	c.b = b;
	c.cat = cat;
	c.doc = ys_doc_new("compiled");
	size_t ni = b->nitems ? b->nitems : 1;
	ys_result r = YS_OK;
	char (*govcache)[3][6] = NULL;
	c.gov = malloc(sizeof *c.gov * ni);
	c.mask = malloc(sizeof *c.mask * ni);
	if (!c.doc || !c.gov || !c.mask) {
		r = ys_error(ctx, YS_ENOMEM, "内存不足");
		goto fail;
	}
	if (b->nitems > IDX_MASK) {
		r = ys_error(ctx, YS_ELIMIT, "%s：一个部门的明细超过 %llu 条", b->department,
		             (unsigned long long)IDX_MASK);
		goto fail;
	}
	c.func = intern_new(b->nitems, item_func, b);
	c.econ = intern_new(b->nitems, item_econ, b);
	if (!c.func || !c.econ || c.func->n >= 1 << 14 || c.econ->n >= 1 << 14) {
		r = c.func && c.econ ? ys_error(ctx, YS_ELIMIT, "%s：不同的编码超过 16383 个", b->department)
		                     : ys_error(ctx, YS_ENOMEM, "内存不足");
		goto fail;
	}
	/* 政府经济: as given, else from the 部门经济 code and the unit's type,
	 * looked up once per (code, type) */
	govcache = calloc((size_t)c.econ->n + 1, sizeof *govcache);
	if (!govcache) {
		r = ys_error(ctx, YS_ENOMEM, "内存不足");
		goto fail;
	}
	for (size_t i = 0; i < b->nitems; i++) {
		const ys_item *it = &b->items[i];
		c.mask[i] = item_mask(it);
		if (it->gov[0]) {
			memcpy(c.gov[i], it->gov, sizeof c.gov[i]);
			continue;
		}
		unsigned t = (unsigned)b->units[it->unit].type;
		char *g = govcache[c.econ->rank[i]][t < 3 ? t : 0];
		if (!g[0] && ys_item_gov(b, cat, it, g)) {
			r = ys_error(ctx, YS_EPARSE,
			             "%s:%d：部门经济分类 %s 对%s推不出政府经济分类：请在“政府经济分类”列中写明",
			             it->pos.file ? it->pos.file : "items", it->pos.line, it->econ,
			             ys_unittype_name(b->units[it->unit].type));
			goto fail;
		}
		memcpy(c.gov[i], g, sizeof c.gov[i]);
	}
	c.govs = intern_new(b->nitems, item_gov, c.gov);
	c.cls = malloc(sizeof *c.cls * (size_t)(c.func->n ? c.func->n : 1));
	if (!c.govs || !c.cls || c.govs->n >= 1 << 12) {
		r = c.govs && c.cls ? ys_error(ctx, YS_ELIMIT, "%s：不同的政府经济分类编码超过 4095 个", b->department)
		                    : ys_error(ctx, YS_ENOMEM, "内存不足");
		goto fail;
	}
	/* the bits each rank needs, and a whole key (ranks above the item index) */
	{
		int *w[4] = { &c.bf, &c.be, &c.bg, &c.bu };
		int n[4] = { c.func->n, c.econ->n, c.govs->n, b->nunits };
		for (int k = 0; k < 4; k++) {
			*w[k] = 1;
			while ((1 << *w[k]) < n[k])
				(*w[k])++;
		}
		int idx = 1;
		while ((size_t)1 << idx < b->nitems)
			idx++;
		int widest = c.bf + c.bg + c.be;
		if (c.bu + c.bf > widest)
			widest = c.bu + c.bf;
		c.keybits = widest + IDX_BITS;
		(void)idx;
	}
	/* each 功能 code's 类 row of 01/04 (the same rows in both) */
	{
		const ys_tabledef *d01 = ys_table_def(YS_T01);
		for (int k = 0; k < c.func->n; k++) {
			c.cls[k] = -1;
			for (int f = 0, n = 0; f < d01->nfixed; f++) {
				const ys_fixedrow *fr = &d01->fixed[f];
				if (fr->panel != 1 || fr->role != YS_FR_ITEM)
					continue;
				if (!strncmp(fr->code, c.func->code[k], 3))
					c.cls[k] = (short)n;
				n++;
			}
		}
	}
	c.doc->department = ys_arena_strdup(&c.doc->arena, b->department);
	c.doc->year = b->year;

	sums s;
	memset(&s, 0, sizeof s);
	for (int i = 0; i < YS_NSOURCES; i++) {
		s.income[i] = b->income[i];
		add(&c, &s.income_total, b->income[i]);
		if (ys_fund_fiscal((ys_fundsrc)i))
			add(&c, &s.fiscal_income, b->income[i]);
	}
	for (int i = 0; i < YS_NCSOURCES; i++) {
		s.carry[i] = b->carry[i];
		add(&c, &s.carry_total, b->carry[i]);
		if (ys_fund_fiscal(ys_csource_fund(i)))
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
	total_row(&c, YS_C03_FUNC, totals);
	summary_table(&c, YS_T04, &s);
	table_05(&c);
	table_new(&c, YS_T06, 1);
	memset(totals, 0, sizeof totals);
	rows_by_group(&c, YS_FUND_GP, 1, key_econ, fill_06, totals);
	total_row(&c, YS_C06_DEPT, totals);
	table_new(&c, YS_T07, 1);
	memset(totals, 0, sizeof totals);
	rows_by_group(&c, YS_FUND_GF, 0, key_func, fill_func, totals);
	total_row(&c, YS_C07_NAME, totals);
	table_new(&c, YS_T08, 1);
	memset(totals, 0, sizeof totals);
	rows_by_group(&c, YS_FUND_SOC, 0, key_func, fill_func, totals);
	total_row(&c, YS_C07_NAME, totals);
	table_09(&c);
	table_10(&c);
	table_11(&c);
	table_12(&c);
	table_13(&c, &s);
	if (c.err)
		r = c.err == 2 ? ys_error(ctx, YS_ERANGE, "%s：金额之和超出可表示范围（int64 分）", b->department)
		               : ys_error(ctx, YS_ENOMEM, "编制时内存不足");
fail:
	free(c.gov);
	free(c.mask);
	free(govcache);
	free(c.cls);
	intern_free(c.func);
	intern_free(c.econ);
	intern_free(c.govs);
	if (r) {
		ys_doc_free(c.doc);
		return r;
	}
	*out = c.doc;
	return YS_OK;
}

ys_result ys_compile_tables(ys_ctx *ctx, const ys_budget *b, const ys_catalog *cat, ys_doc **out)
{
	unsigned long mark = ys_oom_mark();
	ys_result r = ys_oom_check(ctx, compile_tables_body(ctx, b, cat, out), mark);
	if (r && *out) {
		ys_doc_free(*out);
		*out = NULL;
	}
	return r;
}

static ys_result compile_body(ys_ctx *ctx, const ys_budget *b, const ys_catalog *cat, ys_doc **out)
{
	ys_doc *built;
	*out = NULL;
	ys_result r = ys_compile_tables(ctx, b, cat, &built);
	if (r)
		return r;
	/* write the published layout and read it back */
	ys_buf text = YS_BUF_INIT;
	r = ys_render_text(ctx, built, -1, &text);
	ys_doc_free(built);
	if (!r) {
		char name[512];
		snprintf(name, sizeof name, "%s %d (compiled)", b->department, b->year);
		r = ys_doc_read_text(ctx, name, text.s, text.len, out);
	}
	ys_buf_release(&text);
	return r;
}

ys_result ys_compile(ys_ctx *ctx, const ys_budget *b, const ys_catalog *cat, ys_doc **out)
{
	unsigned long mark = ys_oom_mark();
	ys_result r = ys_oom_check(ctx, compile_body(ctx, b, cat, out), mark);
	if (r && *out) {
		ys_doc_free(*out);
		*out = NULL;
	}
	return r;
}
