/*
 * diff.c - two disclosures compared (diff.h).
 *
 * Each document is reduced to facts: (section, key, name, 分).  A table of
 * codes gives a fact per code at its own level and adds each leaf row to
 * its 款 and 类 (a printed 类 or 款 row only names them: the figures are
 * the leaves', so a department that prints 类 and 款 rows and one that
 * prints 项 rows only compare alike).  The facts of both documents are
 * sorted and walked together.  Cells are compared table by table, panel
 * by panel, rows matched by label and order among equal labels.
 */
#include "yusuan/diff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yusuan/budget.h"
#include "yusuan/money.h"
#include "yusuan/text.h"

static const struct {
	const char *id, *title;
} secs[YS_DIFF_NSECS] = {
	{ "summary", "主要数字" },
	{ "func", "支出功能分类（全部资金，03表）" },
	{ "func_gp", "一般公共预算支出功能分类（05表）" },
	{ "econ", "部门支出经济分类（全部资金，03表）" },
	{ "gov", "政府支出经济分类（全部资金，03表）" },
	{ "basic", "一般公共预算基本支出经济分类（06表）" },
	{ "fund", "收入与财政拨款，按资金来源（02表、04表）" },
	{ "sangong", "财政拨款“三公”经费（09表）" },
	{ "project", "项目支出（12表）" },
	{ "procurement", "政府采购，按类别（10表）" },
};

const char *ys_diff_sec_id(int sec) { return sec >= 0 && sec < YS_DIFF_NSECS ? secs[sec].id : "?"; }
const char *ys_diff_sec_title(int sec) { return sec >= 0 && sec < YS_DIFF_NSECS ? secs[sec].title : "?"; }

const char *ys_diff_status_id(int status)
{
	static const char *const n[] = { "same", "changed", "added", "removed" };
	return status >= 0 && status < 4 ? n[status] : "?";
}

int ys_diff_pct(int64_t old, int64_t change, int64_t *out)
{
	if (old == 0)
		return -1;
	__int128 den = old < 0 ? -(__int128)old : (__int128)old;
	__int128 num = (__int128)change * 1000;
	__int128 q = (num < 0 ? -num : num) * 2 / den; /* twice the quotient, rounded down */
	q = (q + 1) / 2;                                /* half away from zero */
	if (num < 0)
		q = -q;
	if (q > INT64_MAX || q < -INT64_MAX)
		return -1;
	*out = (int64_t)q;
	return 0;
}

const char *ys_diff_pct_text(int64_t t, char *buf)
{
	uint64_t a = t < 0 ? (uint64_t)0 - (uint64_t)t : (uint64_t)t;
	snprintf(buf, 32, "%s%llu.%llu%%", t > 0 ? "+" : t < 0 ? "-" : "", (unsigned long long)(a / 10),
	         (unsigned long long)(a % 10));
	return buf;
}

size_t ys_diff_changed(const ys_diff *d, int sec)
{
	size_t n = 0;
	for (size_t i = 0; i < d->nlines; i++)
		n += d->lines[i].sec == sec && d->lines[i].status != YS_DIFF_SAME;
	return n;
}

/* ---- facts ----------------------------------------------------------------- */

typedef struct fact {
	int sec, level, ord;
	const char *key, *name;
	int64_t fen;
} fact;

typedef struct facts {
	fact *v;
	size_t n, cap;
	ys_arena *arena;
	int oom, overflow;
} facts;

static void put(facts *F, int sec, int level, int ord, const char *key, const char *name, int64_t fen)
{
	if (F->oom)
		return;
	if (ys_grow((void **)&F->v, &F->cap, F->n + 1, sizeof *F->v)) {
		F->oom = 1;
		return;
	}
	const char *k = ys_arena_strdup(F->arena, key);
	const char *nm = ys_arena_strdup(F->arena, name ? name : "");
	if (!k || !nm) {
		F->oom = 1;
		return;
	}
	F->v[F->n++] = (fact){ sec, level, ord, k, nm, fen };
}

static int cmp_fact(const void *a, const void *b)
{
	const fact *x = a, *y = b;
	if (x->sec != y->sec)
		return x->sec - y->sec;
	if (x->ord != y->ord)
		return x->ord - y->ord;
	return strcmp(x->key, y->key);
}

/* Sort and add up facts of one key. */
static void coalesce(facts *F)
{
	if (!F->n)
		return;
	qsort(F->v, F->n, sizeof *F->v, cmp_fact);
	size_t o = 0;
	for (size_t i = 1; i < F->n; i++) {
		fact *a = &F->v[o], *b = &F->v[i];
		if (a->sec == b->sec && a->ord == b->ord && !strcmp(a->key, b->key)) {
			if (ys_money_add(a->fen, b->fen, &a->fen))
				F->overflow = 1;
			if (!a->name[0])
				a->name = b->name;
			if (b->level > a->level)
				a->level = b->level;
			continue;
		}
		F->v[++o] = *b;
	}
	F->n = o + 1;
}

static int64_t fen_of(const ys_row *r, int c)
{
	return r->cells[c].amt.present ? r->cells[c].amt.fen : 0;
}

/* The first row of a table of this kind, or -1. */
static int first_row(const ys_table *t, int kind)
{
	for (int r = 0; t && r < t->nrows; r++)
		if (t->rows[r].kind == kind)
			return r;
	return -1;
}

/* A column's 合计: the total row's cell, else the sum of the data rows. */
static int64_t total_of(const ys_table *t, int col, int *overflow)
{
	int r = first_row(t, YS_ROW_TOTAL);
	if (r >= 0)
		return fen_of(&t->rows[r], col);
	int64_t s = 0;
	for (r = 0; r < t->nrows; r++)
		if (t->rows[r].kind == YS_ROW_DATA && ys_money_add(s, fen_of(&t->rows[r], col), &s))
			*overflow = 1;
	return s;
}

/* The amount of a fixed row of 01/04 (by its id) on its panel, when printed as a row. */
static int fixed_fen(const ys_table *t, const char *id, int64_t *fen)
{
	int fx = ys_table_fixed(t->def, id);
	if (fx < 0)
		return 0;
	int panel = t->def->fixed[fx].panel;
	for (int r = 0; r < t->nrows; r++)
		if (t->rows[r].fixed[panel] == fx) {
			*fen = fen_of(&t->rows[r], panel ? YS_C01_OUT_AMT : YS_C01_IN_AMT);
			return 1;
		}
	return 0;
}

/* ---- codes ---- */

typedef struct crow {
	char code[12];
	const char *name;
	int64_t fen;
} crow;

typedef struct crows {
	crow *v;
	size_t n, cap;
	int oom;
} crows;

static void crow_add(crows *C, const char *cell, const char *namecell, int64_t fen)
{
	const char *name;
	size_t k = ys_split_codename(cell, &name);
	if (!k || k >= sizeof C->v[0].code)
		return; /* no code: nothing to key it by */
	if (namecell && namecell[0])
		name = namecell;
	if (ys_grow((void **)&C->v, &C->cap, C->n + 1, sizeof *C->v)) {
		C->oom = 1;
		return;
	}
	crow *c = &C->v[C->n++];
	memcpy(c->code, cell, k);
	c->code[k] = '\0';
	c->name = name;
	c->fen = fen;
}

static int cmp_crow(const void *a, const void *b) { return strcmp(((const crow *)a)->code, ((const crow *)b)->code); }

static int code_level(size_t len) { return len <= 3 ? 1 : len <= 5 ? 2 : 3; }

/* Facts of a table of codes: each leaf at its level and in its 款 and 类;
 * a row with rows under it names its code only. */
static void add_codes(facts *F, int sec, crows *C)
{
	if (C->oom) {
		F->oom = 1;
		return;
	}
	qsort(C->v, C->n, sizeof *C->v, cmp_crow);
	for (size_t i = 0; i < C->n;) {
		size_t j = i;
		while (j < C->n && !strcmp(C->v[j].code, C->v[i].code))
			j++;
		const char *code = C->v[i].code;
		size_t len = strlen(code);
		int leaf = j == C->n || strncmp(C->v[j].code, code, len) != 0;
		for (size_t k = i; k < j; k++) {
			put(F, sec, code_level(len), 0, code, C->v[k].name, leaf ? C->v[k].fen : 0);
			if (!leaf)
				continue;
			char pre[12];
			for (size_t pl = 5; pl >= 3; pl -= 2)
				if (len > pl) {
					memcpy(pre, code, pl);
					pre[pl] = '\0';
					put(F, sec, code_level(pl), 0, pre, NULL, C->v[k].fen);
				}
		}
		i = j;
	}
	C->n = 0;
}

/* Names of codes no row printed: the catalog's, else (类 of 功能分类) 01's. */
static void name_codes(facts *F, const ys_catalog *cat)
{
	const ys_tabledef *d01 = ys_table_def(YS_T01);
	for (size_t i = 0; i < F->n; i++) {
		fact *f = &F->v[i];
		if (f->name[0] || !f->level)
			continue;
		ys_catkind kind = f->sec == YS_DIFF_FUNC || f->sec == YS_DIFF_FUNC_GP ? YS_CAT_FUNC
		                  : f->sec == YS_DIFF_GOV                             ? YS_CAT_GOV_ECON
		                                                                      : YS_CAT_DEPT_ECON;
		const ys_catrow *row = cat ? ys_catalog_find(cat, kind, f->key) : NULL;
		if (row) {
			f->name = row->name;
			continue;
		}
		if (kind == YS_CAT_FUNC && strlen(f->key) == 3)
			for (int k = 0; k < d01->nfixed; k++)
				if (d01->fixed[k].code && !strcmp(d01->fixed[k].code, f->key))
					f->name = d01->fixed[k].label;
	}
}

static int has_data(const ys_table *t) { return t && first_row(t, YS_ROW_DATA) >= 0; }

static void summary(facts *F, const ys_doc *doc)
{
	static const struct {
		int tid;
		const char *fixed; /* a fixed row of 01/04, or NULL: col of the total */
		int col;
		const char *name;
	} S[] = {
		{ YS_T01, "in.grand", 0, "收入总计" },
		{ YS_T01, "in.total", 0, "本年收入合计" },
		{ YS_T01, "in.carry", 0, "上年结转结余" },
		{ YS_T01, "out.grand", 0, "支出总计" },
		{ YS_T03, NULL, YS_C03_BASIC, "基本支出（全部资金）" },
		{ YS_T03, NULL, YS_C03_PROJECT, "项目支出（全部资金）" },
		{ YS_T04, "out.grand", 0, "财政拨款支出总计" },
		{ YS_T05, NULL, YS_C05_TOTAL, "一般公共预算支出" },
		{ YS_T05, NULL, YS_C05_PERSONNEL, "一般公共预算人员经费" },
		{ YS_T05, NULL, YS_C05_PUBLIC, "一般公共预算公用经费" },
		{ YS_T05, NULL, YS_C05_PROJECT, "一般公共预算项目支出" },
		{ YS_T07, NULL, YS_C07_TOTAL, "政府性基金预算支出" },
		{ YS_T08, NULL, YS_C07_TOTAL, "国有资本经营预算支出" },
		{ YS_T09, NULL, YS_C09_TOTAL, "财政拨款“三公”经费" },
		{ YS_T10, NULL, YS_C10_AMOUNT, "政府采购预算" },
		{ YS_T11, NULL, YS_C11_AMOUNT, "政府购买服务预算" },
	};
	for (size_t i = 0; i < YS_ARRAY_LEN(S); i++) {
		const ys_table *t = doc->tables[S[i].tid];
		int64_t fen = 0;
		if (!t)
			continue;
		if (!S[i].fixed)
			fen = total_of(t, S[i].col, &F->overflow);
		else if (!fixed_fen(t, S[i].fixed, &fen))
			continue;
		char key[32];
		snprintf(key, sizeof key, "%s.%s", ys_table_def((ys_tid)S[i].tid)->code,
		         S[i].fixed ? S[i].fixed : t->def->cols[S[i].col].id);
		put(F, YS_DIFF_SUMMARY, 0, (int)i, key, S[i].name, fen);
	}
}

static void funds(facts *F, const ys_doc *doc)
{
	const ys_table *t02 = doc->tables[YS_T02], *t01 = doc->tables[YS_T01], *t04 = doc->tables[YS_T04];
	const ys_tabledef *d02 = ys_table_def(YS_T02);
	int r = first_row(t02, YS_ROW_DATA);
	if (r >= 0) {
		for (int c = 0; c < YS_C02_NCOLS; c++) {
			char name[128];
			snprintf(name, sizeof name, "%s%s", c == YS_C02_TOTAL ? "收入" : "", d02->cols[c].label);
			put(F, YS_DIFF_FUND, 0, c, d02->cols[c].id, name, fen_of(&t02->rows[r], c));
		}
	} else if (t01) { /* 01's income rows say the same, without carry-over by source */
		for (int k = 0; k < t01->def->nfixed; k++) {
			const ys_fixedrow *fx = &t01->def->fixed[k];
			int c = fx->panel ? -1
			        : fx->role == YS_FR_ITEM  ? YS_C02_SRC0 + fx->source
			        : fx->role == YS_FR_TOTAL ? YS_C02_CUR
			        : fx->role == YS_FR_CARRY ? YS_C02_CARRY
			        : fx->role == YS_FR_GRAND ? YS_C02_TOTAL
			                                  : -1;
			int64_t fen;
			if (c >= 0 && fixed_fen(t01, fx->id, &fen))
				put(F, YS_DIFF_FUND, 0, c, d02->cols[c].id, c == YS_C02_TOTAL ? "收入合计" : d02->cols[c].label, fen);
		}
	}
	if (t04)
		for (int k = 0; k < t04->def->nfixed; k++) {
			const ys_fixedrow *fx = &t04->def->fixed[k];
			int64_t fen;
			if (fx->panel || !fixed_fen(t04, fx->id, &fen))
				continue;
			char key[48], name[160];
			snprintf(key, sizeof key, "04.%s", fx->id);
			snprintf(name, sizeof name, "财政拨款%s", fx->role == YS_FR_CARRY_ITEM ? "上年结转：" : "收入：");
			snprintf(name + strlen(name), sizeof name - strlen(name), "%s", fx->label);
			put(F, YS_DIFF_FUND, 0, 100 + k, key, name, fen);
		}
}

static void sangong(facts *F, const ys_doc *doc)
{
	const ys_table *t = doc->tables[YS_T09];
	int r = first_row(t, YS_ROW_DATA);
	if (r < 0)
		return;
	static const char *const names[YS_C09_NCOLS] = { "“三公”经费合计", "因公出国（境）费",     "公务接待费",
		                                      "公务用车购置及运行维护费", "其中：公务用车购置费", "其中：公务用车运行维护费" };
	for (int c = 0; c < YS_C09_NCOLS; c++)
		put(F, YS_DIFF_SANGONG, 0, c, t->def->cols[c].id, names[c], fen_of(&t->rows[r], c));
}

static void projects(facts *F, const ys_doc *doc)
{
	const ys_table *t = doc->tables[YS_T12];
	for (int r = 0; t && r < t->nrows; r++) {
		const ys_row *row = &t->rows[r];
		if (row->kind != YS_ROW_DATA || (row->project >= 0 && row->project != r))
			continue;
		const char *cell = row->cells[YS_C12_NAME].text, *name;
		char code[40], key[512];
		if (!cell[0])
			continue;
		if (ys_split_project(cell, code, &name)) {
			snprintf(key, sizeof key, "%s", code);
		} else {
			snprintf(key, sizeof key, "名称:%s", cell);
			name = cell;
		}
		put(F, YS_DIFF_PROJECT, 0, 0, key, name, fen_of(row, YS_C12_TOTAL));
	}
}

static void procurement(facts *F, const ys_doc *doc)
{
	const ys_table *t = doc->tables[YS_T10];
	for (int r = 0; t && r < t->nrows; r++) {
		const ys_row *row = &t->rows[r];
		const char *cell = row->cells[YS_C10_CATEGORY].text;
		if (row->kind != YS_ROW_DATA || !cell[0])
			continue;
		char key[256];
		const char *name = cell;
		if ((cell[0] == 'A' || cell[0] == 'B' || cell[0] == 'C') && (cell[1] == '-' || cell[1] == ' ' || !cell[1])) {
			snprintf(key, sizeof key, "%c", cell[0]);
			name = cell[1] ? cell + 2 : cell;
		} else {
			snprintf(key, sizeof key, "名称:%s", cell);
		}
		put(F, YS_DIFF_PROCUREMENT, 0, 0, key, name, fen_of(row, YS_C10_AMOUNT));
	}
}

/* Every fact of doc.  func03: 功能分类 from 03 (else 01's 类 rows). */
static void collect(facts *F, const ys_doc *doc, int func03, const ys_catalog *cat)
{
	crows C = { 0 };
	const ys_table *t;
	summary(F, doc);
	if (func03 && (t = doc->tables[YS_T03])) {
		for (int k = 0; k < 3; k++) {
			static const int col[3] = { YS_C03_FUNC, YS_C03_DEPT, YS_C03_GOV };
			static const int sec[3] = { YS_DIFF_FUNC, YS_DIFF_ECON, YS_DIFF_GOV };
			for (int r = 0; r < t->nrows; r++)
				if (t->rows[r].kind == YS_ROW_DATA)
					crow_add(&C, t->rows[r].cells[col[k]].text, NULL, fen_of(&t->rows[r], YS_C03_TOTAL));
			add_codes(F, sec[k], &C);
		}
	} else if ((t = doc->tables[YS_T01])) {
		for (int r = 0; r < t->nrows; r++) {
			int fx = t->rows[r].fixed[1];
			if (fx >= 0 && t->def->fixed[fx].role == YS_FR_ITEM && t->def->fixed[fx].code)
				put(F, YS_DIFF_FUNC, 1, 0, t->def->fixed[fx].code, t->def->fixed[fx].label,
				    fen_of(&t->rows[r], YS_C01_OUT_AMT));
		}
	}
	if ((t = doc->tables[YS_T05])) {
		for (int r = 0; r < t->nrows; r++)
			if (t->rows[r].kind == YS_ROW_DATA)
				crow_add(&C, t->rows[r].cells[YS_C05_CODE].text, t->rows[r].cells[YS_C05_NAME].text,
				         fen_of(&t->rows[r], YS_C05_TOTAL));
		add_codes(F, YS_DIFF_FUNC_GP, &C);
	}
	if ((t = doc->tables[YS_T06])) {
		for (int r = 0; r < t->nrows; r++)
			if (t->rows[r].kind == YS_ROW_DATA)
				crow_add(&C, t->rows[r].cells[YS_C06_DEPT].text, NULL, fen_of(&t->rows[r], YS_C06_TOTAL));
		add_codes(F, YS_DIFF_BASIC, &C);
	}
	free(C.v);
	funds(F, doc);
	sangong(F, doc);
	projects(F, doc);
	procurement(F, doc);
	coalesce(F);
	name_codes(F, cat);
}

/* ---- cells ------------------------------------------------------------------- */

typedef struct rkey {
	const char *label; /* in the diff's arena */
	int occ, row;
} rkey;

static int cmp_rkey(const void *a, const void *b)
{
	const rkey *x = a, *y = b;
	int c = strcmp(x->label, y->label);
	return c ? c : x->occ - y->occ;
}

static int cmp_rkey_label(const void *a, const void *b)
{
	const rkey *x = a, *y = b;
	int c = strcmp(x->label, y->label);
	return c ? c : x->row - y->row;
}

static int dashlike(const char *s)
{
	return !strcmp(s, "-") || !strcmp(s, "--") || !strcmp(s, "—") || !strcmp(s, "－") || !strcmp(s, "——");
}

/* A cell's text as compared: a dash in an amount column prints nothing. */
static const char *cell_text(const ys_cell *c, int amount)
{
	const char *s = c && c->text ? c->text : "";
	return amount && !c->amt.present && dashlike(s) ? "" : s;
}

static int cell_eq(const ys_cell *x, int xa, const ys_cell *y, int ya)
{
	int amount = xa && ya;
	if (amount && x->amt.present && y->amt.present)
		return x->amt.fen == y->amt.fen;
	if (amount && x->amt.present != y->amt.present)
		return 0;
	return !strcmp(cell_text(x, xa), cell_text(y, ya));
}

typedef struct cside {
	const ys_table *t;
	rkey *keys;
	size_t n;
} cside;

/* The rows of a panel that print something, keyed by label and order. */
static int key_rows(ys_diff *d, const ys_table *t, int panel, cside *s)
{
	s->t = t;
	s->keys = NULL;
	s->n = 0;
	if (!t)
		return 0;
	s->keys = calloc((size_t)t->nrows + 1, sizeof *s->keys);
	if (!s->keys)
		return -1;
	char buf[512];
	for (int r = 0; r < t->nrows; r++) {
		int any = 0;
		for (int c = 0; c < t->def->ncols && !any; c++)
			any = t->def->cols[c].panel == panel &&
			      cell_text(&t->rows[r].cells[c], t->def->cols[c].kind == YS_CK_AMOUNT)[0];
		if (!any)
			continue;
		const char *l = ys_arena_strdup(&d->arena, ys_row_label(t, r, panel, buf, sizeof buf));
		if (!l)
			return -1;
		s->keys[s->n++] = (rkey){ l, 0, r };
	}
	qsort(s->keys, s->n, sizeof *s->keys, cmp_rkey_label);
	for (size_t i = 1; i < s->n; i++)
		if (!strcmp(s->keys[i].label, s->keys[i - 1].label))
			s->keys[i].occ = s->keys[i - 1].occ + 1;
	return 0;
}

static int cell_add(ys_diff *d, ys_diff_cell *c)
{
	if (ys_grow((void **)&d->cells, &d->ccap, d->ncells + 1, sizeof *d->cells))
		return -1;
	d->cells[d->ncells++] = *c;
	return 0;
}

/* The page a row is printed on (as check's findings say it), 0 not paged. */
static int row_page(const ys_table *t, int r)
{
	return t->page ? (t->rows[r].page ? t->rows[r].page : t->page) : 0;
}

static const ys_cell blank_cell = { "", { 0, 0, 0 }, 0, 0 };

/* Compare a row of each side (either may be absent: row -1) on the columns
 * of one panel, matched by id. */
static int compare_rows(ys_diff *d, const char *tcode, int table, int panel, const cside *a, int ra, const cside *b,
                        int rb, const rkey *k)
{
	const ys_tabledef *da = a->t ? a->t->def : NULL, *db = b->t ? b->t->def : NULL;
	/* NEW's columns, then OLD's that NEW lacks */
	for (int pass = 0; pass < 2; pass++) {
		const ys_tabledef *dd = pass ? da : db, *other = pass ? db : da;
		for (int c = 0; dd && c < dd->ncols; c++) {
			const ys_coldef *cd = &dd->cols[c];
			if (cd->panel != panel)
				continue;
			int oc = other == dd ? c : other ? ys_table_col(other, cd->id) : -1;
			if (pass && oc >= 0)
				continue; /* compared in the first pass */
			int ca = pass ? c : oc, cb = pass ? -1 : c;
			int amt_a = ca >= 0 && da->cols[ca].kind == YS_CK_AMOUNT, amt_b = cb >= 0 && db->cols[cb].kind == YS_CK_AMOUNT;
			const ys_cell *x = ra >= 0 && ca >= 0 ? &a->t->rows[ra].cells[ca] : &blank_cell;
			const ys_cell *y = rb >= 0 && cb >= 0 ? &b->t->rows[rb].cells[cb] : &blank_cell;
			if (x != &blank_cell || y != &blank_cell)
				d->cells_compared++;
			int xa = ca >= 0 ? amt_a : amt_b, ya = cb >= 0 ? amt_b : amt_a;
			if (cell_eq(x, xa, y, ya))
				continue;
			ys_diff_cell dc;
			memset(&dc, 0, sizeof dc);
			dc.table = table;
			dc.tcode = tcode;
			dc.panel = panel;
			dc.row = k->label;
			dc.occurrence = k->occ;
			dc.col_id = cd->id;
			dc.col = cd->label;
			dc.column = c;
			dc.amount = xa || ya;
			dc.old_text = ys_arena_strdup(&d->arena, cell_text(x, xa));
			dc.new_text = ys_arena_strdup(&d->arena, cell_text(y, ya));
			if (!dc.old_text || !dc.new_text)
				return -1;
			dc.old_present = x->amt.present;
			dc.new_present = y->amt.present;
			dc.old_fen = x->amt.present ? x->amt.fen : 0;
			dc.new_fen = y->amt.present ? y->amt.fen : 0;
			dc.old_row = ra;
			dc.new_row = rb;
			dc.old_line = x->line;
			dc.new_line = y->line;
			dc.old_page = ra >= 0 ? row_page(a->t, ra) : 0;
			dc.new_page = rb >= 0 ? row_page(b->t, rb) : 0;
			if (cell_add(d, &dc))
				return -1;
		}
	}
	return 0;
}

static int compare_tables(ys_diff *d, const ys_table *ta, const ys_table *tb, int table, const char *tcode)
{
	const ys_table *any = tb ? tb : ta;
	int npanels = any->def->npanels > 1 ? any->def->npanels : 1;
	for (int p = 0; p < npanels; p++) {
		cside a, b;
		int rc = 0;
		if (key_rows(d, ta, p, &a) || key_rows(d, tb, p, &b)) {
			free(a.keys);
			return -1;
		}
		qsort(a.keys, a.n, sizeof *a.keys, cmp_rkey);
		qsort(b.keys, b.n, sizeof *b.keys, cmp_rkey);
		/* merge; the changes come out in NEW's row order below */
		size_t i = 0, j = 0;
		while (!rc && (i < a.n || j < b.n)) {
			int c = i == a.n ? 1 : j == b.n ? -1 : cmp_rkey(&a.keys[i], &b.keys[j]);
			if (c == 0)
				rc = compare_rows(d, tcode, table, p, &a, a.keys[i].row, &b, b.keys[j].row, &b.keys[j]), i++, j++;
			else if (c < 0)
				rc = compare_rows(d, tcode, table, p, &a, a.keys[i].row, &b, -1, &a.keys[i]), i++;
			else
				rc = compare_rows(d, tcode, table, p, &a, -1, &b, b.keys[j].row, &b.keys[j]), j++;
		}
		free(a.keys);
		free(b.keys);
		if (rc)
			return -1;
	}
	return 0;
}

static int cmp_cell(const void *x, const void *y)
{
	const ys_diff_cell *a = x, *b = y;
	if (a->table != b->table)
		return a->table - b->table;
	if (a->panel != b->panel)
		return a->panel - b->panel;
	int ra = a->new_row >= 0 ? a->new_row : a->old_row, rb = b->new_row >= 0 ? b->new_row : b->old_row;
	/* rows of NEW in its order; rows only in OLD after them */
	int ka = a->new_row < 0, kb = b->new_row < 0;
	if (ka != kb)
		return ka - kb;
	if (ra != rb)
		return ra - rb;
	return a->column - b->column;
}

/* The key of another layout's table: its title without white space. */
static char *other_key(const ys_table *t)
{
	ys_buf b = YS_BUF_INIT;
	ys_label_key(&b, t->title, strlen(t->title));
	return ys_buf_detach(&b, NULL);
}

static int compare_cells(ys_diff *d, const ys_doc *a, const ys_doc *b)
{
	for (int i = 0; i < YS_NTABLES; i++)
		if ((a->tables[i] || b->tables[i]) &&
		    compare_tables(d, a->tables[i], b->tables[i], i, ys_table_def((ys_tid)i)->code))
			return -1;
	/* the others: by title, and order among equal titles */
	int rc = 0;
	char **ka = calloc((size_t)a->nothers + 1, sizeof *ka), **kb = calloc((size_t)b->nothers + 1, sizeof *kb);
	unsigned char *used = calloc((size_t)a->nothers + 1, 1);
	if (!ka || !kb || !used)
		rc = -1;
	for (int i = 0; !rc && i < a->nothers; i++)
		rc = (ka[i] = other_key(a->others[i])) ? 0 : -1;
	for (int i = 0; !rc && i < b->nothers; i++)
		rc = (kb[i] = other_key(b->others[i])) ? 0 : -1;
	for (int j = 0; !rc && j < b->nothers; j++) {
		int m = -1;
		for (int i = 0; i < a->nothers && m < 0; i++)
			if (!used[i] && !strcmp(ka[i], kb[j]))
				m = i;
		if (m >= 0)
			used[m] = 1;
		const char *title = ys_arena_strdup(&d->arena, b->others[j]->title);
		rc = title ? compare_tables(d, m >= 0 ? a->others[m] : NULL, b->others[j], YS_NTABLES + j, title) : -1;
	}
	for (int i = 0; !rc && i < a->nothers; i++) {
		if (used[i])
			continue;
		const char *title = ys_arena_strdup(&d->arena, a->others[i]->title);
		rc = title ? compare_tables(d, a->others[i], NULL, YS_NTABLES + b->nothers + i, title) : -1;
	}
	for (int i = 0; ka && i < a->nothers; i++)
		free(ka[i]);
	for (int i = 0; kb && i < b->nothers; i++)
		free(kb[i]);
	free(ka);
	free(kb);
	free(used);
	if (!rc && d->ncells)
		qsort(d->cells, d->ncells, sizeof *d->cells, cmp_cell);
	return rc;
}

/* ---- the comparison ---------------------------------------------------------- */

static int line_add(ys_diff *d, const fact *o, const fact *n)
{
	if (ys_grow((void **)&d->lines, &d->lcap, d->nlines + 1, sizeof *d->lines))
		return -1;
	ys_diff_line *l = &d->lines[d->nlines++];
	memset(l, 0, sizeof *l);
	const fact *f = n ? n : o;
	l->sec = f->sec;
	l->level = f->level;
	l->key = f->key;
	l->name = n && n->name[0] ? n->name : o ? o->name : "";
	l->old_fen = o ? o->fen : 0;
	l->new_fen = n ? n->fen : 0;
	l->status = !o ? YS_DIFF_ADDED : !n ? YS_DIFF_REMOVED : o->fen == n->fen ? YS_DIFF_SAME : YS_DIFF_CHANGED;
	if (ys_money_sub(l->new_fen, l->old_fen, &l->change))
		return -2;
	l->has_pct = ys_diff_pct(l->old_fen, l->change, &l->pct) == 0;
	return 0;
}

static int same_department(const ys_doc *a, const ys_doc *b)
{
	const char *x = a->department ? a->department : "", *y = b->department ? b->department : "";
	return a->year == b->year && (x[0] && y[0] ? ys_name_eq(x, y) : !strcmp(x, y));
}

ys_result ys_diff_docs(ys_ctx *ctx, const ys_doc *old, const ys_doc *new_, const ys_diff_opts *opts, ys_diff **out)
{
	*out = NULL;
	ys_diff *d = calloc(1, sizeof *d);
	if (!d)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	ys_arena_init(&d->arena);
	const ys_catalog *cat = opts ? opts->catalog : NULL;
	d->old_file = ys_arena_strdup(&d->arena, old->file ? old->file : "");
	d->new_file = ys_arena_strdup(&d->arena, new_->file ? new_->file : "");
	d->old_dept = ys_arena_strdup(&d->arena, old->department ? old->department : "");
	d->new_dept = ys_arena_strdup(&d->arena, new_->department ? new_->department : "");
	d->old_year = old->year;
	d->new_year = new_->year;
	d->tables[0] = old->ntables + old->nothers;
	d->tables[1] = new_->ntables + new_->nothers;
	d->versions = same_department(old, new_);
	d->compared_cells = d->versions || (opts && opts->cells);
	ys_result r = YS_OK;
	facts A = { NULL, 0, 0, &d->arena, 0, 0 }, B = { NULL, 0, 0, &d->arena, 0, 0 };
	int func03 = has_data(old->tables[YS_T03]) && has_data(new_->tables[YS_T03]);
	if (!d->old_file || !d->new_file || !d->old_dept || !d->new_dept) {
		r = ys_error(ctx, YS_ENOMEM, "内存不足");
		goto done;
	}
	collect(&A, old, func03, cat);
	collect(&B, new_, func03, cat);
	if (A.oom || B.oom) {
		r = ys_error(ctx, YS_ENOMEM, "内存不足");
		goto done;
	}
	if (A.overflow || B.overflow) {
		r = ys_error(ctx, YS_ERANGE, "比较 %s 与 %s：金额相加超出范围", d->old_file, d->new_file);
		goto done;
	}
	size_t i = 0, j = 0;
	while (i < A.n || j < B.n) {
		int c = i == A.n ? 1 : j == B.n ? -1 : cmp_fact(&A.v[i], &B.v[j]);
		int rc = c == 0 ? line_add(d, &A.v[i++], &B.v[j++]) : c < 0 ? line_add(d, &A.v[i++], NULL)
		                                                            : line_add(d, NULL, &B.v[j++]);
		if (rc) {
			r = rc == -2 ? ys_error(ctx, YS_ERANGE, "比较 %s 与 %s：差额超出范围", d->old_file, d->new_file)
			             : ys_error(ctx, YS_ENOMEM, "内存不足");
			goto done;
		}
	}
	if (d->compared_cells && compare_cells(d, old, new_)) {
		r = ys_error(ctx, YS_ENOMEM, "内存不足");
		goto done;
	}
done:
	free(A.v);
	free(B.v);
	if (r) {
		ys_diff_free(d);
		return r;
	}
	*out = d;
	return YS_OK;
}

void ys_diff_free(ys_diff *d)
{
	if (!d)
		return;
	free(d->lines);
	free(d->cells);
	ys_arena_release(&d->arena);
	free(d);
}
