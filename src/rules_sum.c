/*
 * rules_sum.c - the arithmetic rules: identities within and across tables.
 *
 * Each rule only states identities (ys_ck_ident/ys_ck_term); the engine evaluates
 * them exactly and reports the failures.
 */
#include <string.h>

#include "check_int.h"

#define T(id) (ck->doc->tables[id])

static int is_data(const ys_table *t, int r) { return t->rows[r].kind == YS_ROW_DATA; }

/* Add the amount cell of fixed row fid. */
static void fixed_term(ys_checker *ck, ident *id, const ys_table *t, const char *fid, int coef)
{
	ys_ck_term(ck, id, t, ys_ck_fixed_row(t, fid), ys_ck_fixed_col(t, fid), coef);
}

void ys_rule_row_sums(ys_checker *ck, const ys_rule *rule)
{
	for (int k = 0; k < YS_NTABLES; k++) {
		const ys_table *t = T(k);
		if (!t)
			continue;
		const ys_tabledef *d = t->def;
		for (int s = 0; s < d->nrowsums; s++) {
			const ys_rowsum *rs = &d->rowsums[s];
			for (int r = 0; r < t->nrows; r++) {
				const ys_row *row = &t->rows[r];
				int printed = row->cells[rs->lhs].line != 0, n = 1;
				for (int j = 0; j < 4 && rs->rhs[j] >= 0; j++, n++)
					printed |= row->cells[rs->rhs[j]].line != 0;
				if (!printed)
					continue;
				ident *id = ys_ck_ident(ck, rule, OP_EQ, rs->what);
				ys_ck_term(ck, id, t, r, rs->lhs, 1);
				ys_ck_primary(id);
				for (int j = 0; j < 4 && rs->rhs[j] >= 0; j++)
					ys_ck_term(ck, id, t, r, rs->rhs[j], -1);
				(void)n;
			}
		}
	}
}

void ys_rule_col_totals(ys_checker *ck, const ys_rule *rule)
{
	for (int k = 0; k < YS_NTABLES; k++) {
		const ys_table *t = T(k);
		if (!t || !(t->def->flags & YS_TF_TOTAL_ROW))
			continue;
		int tr = ys_ck_total_row(t);
		if (tr < 0)
			continue;
		for (int c = 0; c < t->def->ncols; c++) {
			if (t->def->cols[c].kind != YS_CK_AMOUNT)
				continue;
			ident *id = ys_ck_ident(ck, rule, OP_EQ, "合计行 = 各行之和");
			ys_ck_term(ck, id, t, tr, c, 1);
			ys_ck_primary(id);
			for (int r = 0; r < t->nrows; r++)
				if (is_data(t, r))
					ys_ck_term(ck, id, t, r, c, -1);
		}
	}
}

/* ---- 01 and 04 ---- */

static void sum_role(ys_checker *ck, ident *id, const ys_table *t, int panel, int role, int coef)
{
	const ys_tabledef *d = t->def;
	for (int f = 0; f < d->nfixed; f++)
		if (d->fixed[f].panel == panel && d->fixed[f].role == role)
			fixed_term(ck, id, t, d->fixed[f].id, coef);
}

/*
 * The identities of 01 and 04, as data: lhs = sum of terms.  A term names a
 * fixed row, or (role) every fixed row of a panel with that role.
 */
typedef struct sterm {
	const char *fid; /* a fixed row, or NULL for the role below */
	int panel, role, coef;
} sterm;

typedef struct summary_ident {
	const char *what;
	const char *lhs;
	sterm terms[3];
} summary_ident;

static const summary_ident summary_idents[] = {
	[YS_SUM_INCOME] = { "本年收入合计 = 各项收入之和", "in.total", { { NULL, 0, YS_FR_ITEM, -1 } } },
	[YS_SUM_EXPEND] = { "本年支出合计 = 各类支出之和", "out.total", { { NULL, 1, YS_FR_ITEM, -1 } } },
	[YS_SUM_GRAND_IN] = { "收入总计 = 本年收入合计 + 上年结转结余", "in.grand",
	                      { { "in.total", 0, 0, -1 }, { "in.carry", 0, 0, -1 } } },
	[YS_SUM_GRAND_OUT] = { "支出总计 = 本年支出合计 + 年终结转结余", "out.grand",
	                       { { "out.total", 0, 0, -1 }, { "out.yearend", 0, 0, -1 } } },
	[YS_SUM_BALANCE] = { "收入总计 = 支出总计", "in.grand", { { "out.grand", 0, 0, -1 } } },
	[YS_SUM_CARRY] = { "上年结转结余 = 一般公共预算 + 政府性基金 + 国有资本经营预算拨款结转", "in.carry",
	                   { { NULL, 0, YS_FR_CARRY_ITEM, -1 } } },
};

/* rule->arg: table id * 16 + summary identity */
void ys_rule_summary(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *t = T(rule->arg / 16);
	const summary_ident *si = &summary_idents[rule->arg % 16];
	if (!t)
		return;
	ident *id = ys_ck_ident(ck, rule, OP_EQ, si->what);
	fixed_term(ck, id, t, si->lhs, 1);
	ys_ck_primary(id);
	for (int i = 0; i < 3 && si->terms[i].coef; i++) {
		if (si->terms[i].fid)
			fixed_term(ck, id, t, si->terms[i].fid, si->terms[i].coef);
		else
			sum_role(ck, id, t, si->terms[i].panel, si->terms[i].role, si->terms[i].coef);
	}
}

/* ---- 02 ---- */

static int single_row(const ys_table *t)
{
	if (!t)
		return -1;
	for (int r = 0; r < t->nrows; r++)
		if (is_data(t, r))
			return r;
	return -1;
}

void ys_rule_t02_current(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *t = T(YS_T02);
	int r = single_row(t);
	if (r < 0)
		return;
	ident *id = ys_ck_ident(ck, rule, OP_EQ, "本年收入小计 = 各来源本年收入之和");
	ys_ck_term(ck, id, t, r, YS_C02_CUR, 1);
	ys_ck_primary(id);
	for (int s = 0; s < YS_NSOURCES; s++)
		ys_ck_term(ck, id, t, r, YS_C02_SRC0 + s, -1);
}

void ys_rule_t02_carry(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *t = T(YS_T02);
	int r = single_row(t);
	if (r < 0)
		return;
	ident *id = ys_ck_ident(ck, rule, OP_EQ, "上年结转结余小计 = 各来源结转结余之和");
	ys_ck_term(ck, id, t, r, YS_C02_CARRY, 1);
	ys_ck_primary(id);
	for (int s = 0; s < YS_NCSOURCES; s++)
		ys_ck_term(ck, id, t, r, YS_C02_CSRC0 + s, -1);
}

/* ---- 01/04 against 02 ---- */

void ys_rule_x01_02(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *a = T(YS_T01), *b = T(YS_T02);
	int r = single_row(b);
	if (!a || r < 0)
		return;
	const ys_tabledef *d = a->def;
	for (int f = 0; f < d->nfixed; f++) {
		const ys_fixedrow *fr = &d->fixed[f];
		int col = -1;
		if (fr->panel != 0)
			continue;
		if (fr->role == YS_FR_ITEM && fr->source >= 0)
			col = YS_C02_SRC0 + fr->source;
		else if (fr->role == YS_FR_TOTAL)
			col = YS_C02_CUR;
		else if (fr->role == YS_FR_CARRY)
			col = YS_C02_CARRY;
		else if (fr->role == YS_FR_GRAND)
			col = YS_C02_TOTAL;
		if (col < 0)
			continue;
		ident *id = ys_ck_ident(ck, rule, OP_EQ, "01 收支总表的收入 = 02 收入总表的同一来源");
		fixed_term(ck, id, a, fr->id, 1);
		ys_ck_primary(id);
		ys_ck_term(ck, id, b, r, col, -1);
	}
}

void ys_rule_x04_02(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *a = T(YS_T04), *b = T(YS_T02);
	int r = single_row(b);
	if (!a || r < 0)
		return;
	static const struct { const char *fid; int cols[3]; } pairs[] = {
		{ "in.gp", { YS_C02_SRC0 + YS_FS_GP, -1, -1 } },
		{ "in.gf", { YS_C02_SRC0 + YS_FS_GF, -1, -1 } },
		{ "in.soc", { YS_C02_SRC0 + YS_FS_SOC, -1, -1 } },
		{ "carry.gp", { YS_C02_CSRC0 + YS_CSRC_GP, -1, -1 } },
		{ "carry.gf", { YS_C02_CSRC0 + YS_CSRC_GF, -1, -1 } },
		{ "carry.soc", { YS_C02_CSRC0 + YS_CSRC_SOC, -1, -1 } },
		{ "in.total", { YS_C02_SRC0 + YS_FS_GP, YS_C02_SRC0 + YS_FS_GF, YS_C02_SRC0 + YS_FS_SOC } },
		{ "in.carry", { YS_C02_CSRC0 + YS_CSRC_GP, YS_C02_CSRC0 + YS_CSRC_GF, YS_C02_CSRC0 + YS_CSRC_SOC } },
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		ident *id = ys_ck_ident(ck, rule, OP_EQ, "04 财政拨款收入 = 02 收入总表的财政拨款来源");
		fixed_term(ck, id, a, pairs[i].fid, 1);
		ys_ck_primary(id);
		for (int j = 0; j < 3 && pairs[i].cols[j] >= 0; j++)
			ys_ck_term(ck, id, b, r, pairs[i].cols[j], -1);
	}
}

/* ---- by 类: 01 with 03, 04 with 05/07/08 ---- */

/* Add -coef * column col of every data row of t whose code (in codecol)
 * starts with prefix. */
static void sum_prefix(ys_checker *ck, ident *id, const ys_table *t, int codecol, const char *prefix, int col,
                       int coef)
{
	if (!t)
		return;
	size_t pl = strlen(prefix);
	char code[16];
	for (int r = 0; r < t->nrows; r++) {
		if (!is_data(t, r))
			continue;
		ys_ck_code(&t->rows[r].cells[codecol], code);
		if (strncmp(code, prefix, pl) == 0)
			ys_ck_term(ck, id, t, r, col, coef);
	}
}

void ys_rule_x03_01(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *a = T(YS_T01), *b = T(YS_T03);
	if (!a || !b)
		return;
	const ys_tabledef *d = a->def;
	for (int f = 0; f < d->nfixed; f++) {
		const ys_fixedrow *fr = &d->fixed[f];
		if (fr->panel != 1 || fr->role != YS_FR_ITEM || !fr->code)
			continue;
		ident *id = ys_ck_ident(ck, rule, OP_EQ, "01 收支总表的类级支出 = 03 支出总表中该类各行合计之和");
		fixed_term(ck, id, a, fr->id, 1);
		ys_ck_primary(id);
		sum_prefix(ck, id, b, YS_C03_FUNC, fr->code, YS_C03_TOTAL, -1);
	}
	ident *id = ys_ck_ident(ck, rule, OP_EQ, "01 本年支出合计 = 03 支出总表合计");
	fixed_term(ck, id, a, "out.total", 1);
	ys_ck_primary(id);
	ys_ck_term(ck, id, b, ys_ck_total_row(b), YS_C03_TOTAL, -1);
}

void ys_rule_x04_05(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *a = T(YS_T04), *b = T(YS_T05), *g = T(YS_T07), *s = T(YS_T08);
	if (!a || !b)
		return;
	const ys_tabledef *d = a->def;
	for (int f = 0; f < d->nfixed; f++) {
		const ys_fixedrow *fr = &d->fixed[f];
		if (fr->panel != 1 || fr->role != YS_FR_ITEM || !fr->code)
			continue;
		ident *id = ys_ck_ident(ck, rule, OP_EQ, "04 财政拨款类级支出 = 05 + 07 + 08 中该类各行合计之和");
		fixed_term(ck, id, a, fr->id, 1);
		ys_ck_primary(id);
		sum_prefix(ck, id, b, YS_C05_CODE, fr->code, YS_C05_TOTAL, -1);
		sum_prefix(ck, id, g, YS_C07_CODE, fr->code, YS_C07_TOTAL, -1);
		sum_prefix(ck, id, s, YS_C07_CODE, fr->code, YS_C07_TOTAL, -1);
	}
	ident *id = ys_ck_ident(ck, rule, OP_EQ, "04 本年支出合计 = 05 + 07 + 08 的合计");
	fixed_term(ck, id, a, "out.total", 1);
	ys_ck_primary(id);
	ys_ck_term(ck, id, b, ys_ck_total_row(b), YS_C05_TOTAL, -1);
	ys_ck_term(ck, id, g, ys_ck_total_row(g), YS_C07_TOTAL, -1);
	ys_ck_term(ck, id, s, ys_ck_total_row(s), YS_C07_TOTAL, -1);
}

void ys_rule_x05_06(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *a = T(YS_T06), *b = T(YS_T05);
	int ra = ys_ck_total_row(a), rb = ys_ck_total_row(b);
	if (ra < 0 || rb < 0)
		return;
	static const struct { int c06, c05; const char *what; } pairs[] = {
		{ YS_C06_TOTAL, YS_C05_BASIC, "06 基本支出合计 = 05 基本支出小计合计" },
		{ YS_C06_PERSONNEL, YS_C05_PERSONNEL, "06 人员经费合计 = 05 人员经费合计" },
		{ YS_C06_PUBLIC, YS_C05_PUBLIC, "06 公用经费合计 = 05 公用经费合计" },
	};
	for (size_t i = 0; i < 3; i++) {
		ident *id = ys_ck_ident(ck, rule, OP_EQ, pairs[i].what);
		ys_ck_term(ck, id, a, ra, pairs[i].c06, 1);
		ys_ck_primary(id);
		ys_ck_term(ck, id, b, rb, pairs[i].c05, -1);
	}
}

/* ---- 01 - 04 = non-fiscal money ---- */

static void nonfiscal_terms(ys_checker *ck, ident *id, const ys_table *b, int r, int coef)
{
	for (int s = 0; s < YS_NSOURCES; s++)
		if (!ys_fund_fiscal((ys_fundsrc)s))
			ys_ck_term(ck, id, b, r, YS_C02_SRC0 + s, coef);
	ys_ck_term(ck, id, b, r, YS_C02_CSRC0 + YS_CSRC_SPECIAL, coef);
	ys_ck_term(ck, id, b, r, YS_C02_CSRC0 + YS_CSRC_UNIT, coef);
}

void ys_rule_x01_04_nonfiscal(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *a = T(YS_T01), *f = T(YS_T04), *b = T(YS_T02);
	int r = single_row(b);
	if (!a || !f || r < 0)
		return;
	static const char *const grands[] = { "in.grand", "out.grand" };
	for (int i = 0; i < 2; i++) {
		ident *id = ys_ck_ident(ck, rule, OP_EQ, i ? "01 支出总计 - 04 支出总计 = 02 的非财政拨款资金"
		                                        : "01 收入总计 - 04 收入总计 = 02 的非财政拨款资金");
		fixed_term(ck, id, a, grands[i], 1);
		ys_ck_primary(id);
		fixed_term(ck, id, f, grands[i], -1);
		nonfiscal_terms(ck, id, b, r, -1);
	}
}

void ys_rule_x01_04_class(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *a = T(YS_T01), *f = T(YS_T04);
	if (!a || !f)
		return;
	const ys_tabledef *d = f->def;
	for (int i = 0; i < d->nfixed; i++) {
		const ys_fixedrow *fr = &d->fixed[i];
		if (fr->panel != 1 || fr->role != YS_FR_ITEM)
			continue;
		ident *id = ys_ck_ident(ck, rule, OP_LE, "04 财政拨款类级支出 ≤ 01 全部资金类级支出");
		fixed_term(ck, id, f, fr->id, 1);
		ys_ck_primary(id);
		fixed_term(ck, id, a, fr->id, -1);
	}
}

/* ---- never more fiscal money than money: 05 <= 03 per 功能, 06 <= 03 per 经济 ---- */

/* Is 功能 code c (03 prints 项) the code k or under it (a table that prints
 * a 款 such as 20598 超长期特别国债安排的支出 sums its 项)? */
static int under(const char *c, const char *k)
{
	size_t n = strlen(k);
	return n && !strncmp(c, k, n);
}

void ys_rule_x03_05_code(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *a = T(YS_T05), *b = T(YS_T03);
	if (!a || !b)
		return;
	static const struct { int c05, c03; const char *what; } cols[] = {
		{ YS_C05_TOTAL, YS_C03_TOTAL, "05 一般公共预算（该功能科目各单位之和）≤ 03 全部资金：合计" },
		{ YS_C05_BASIC, YS_C03_BASIC, "05 一般公共预算（该功能科目各单位之和）≤ 03 全部资金：基本支出" },
		{ YS_C05_PROJECT, YS_C03_PROJECT, "05 一般公共预算（该功能科目各单位之和）≤ 03 全部资金：项目支出" },
	};
	char code[16], other[16];
	for (int r = 0; r < a->nrows; r++) {
		if (!is_data(a, r))
			continue;
		ys_ck_code(&a->rows[r].cells[YS_C05_CODE], code);
		int first = 1;
		for (int q = 0; q < r && first; q++)
			if (is_data(a, q) && strcmp(ys_ck_code(&a->rows[q].cells[YS_C05_CODE], other), code) == 0)
				first = 0;
		if (!first || !code[0])
			continue;
		for (int k = 0; k < 3; k++) {
			ident *id = ys_ck_ident(ck, rule, OP_LE, cols[k].what);
			ys_ck_term(ck, id, a, r, cols[k].c05, 1);
			ys_ck_primary(id);
			for (int q = r + 1; q < a->nrows; q++)
				if (is_data(a, q) && strcmp(ys_ck_code(&a->rows[q].cells[YS_C05_CODE], other), code) == 0)
					ys_ck_term(ck, id, a, q, cols[k].c05, 1);
			for (int q = 0; q < b->nrows; q++)
				if (is_data(b, q) && under(ys_ck_code(&b->rows[q].cells[YS_C03_FUNC], other), code))
					ys_ck_term(ck, id, b, q, cols[k].c03, -1);
		}
	}
}

void ys_rule_x03_06_econ(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *a = T(YS_T06), *b = T(YS_T03);
	if (!a || !b)
		return;
	char code[16], other[16];
	for (int r = 0; r < a->nrows; r++) {
		if (!is_data(a, r))
			continue;
		ys_ck_code(&a->rows[r].cells[YS_C06_DEPT], code);
		if (!code[0])
			continue;
		ident *id = ys_ck_ident(ck, rule, OP_LE, "06 一般公共预算基本支出（该经济科目）≤ 03 全部资金基本支出");
		ys_ck_term(ck, id, a, r, YS_C06_TOTAL, 1);
		ys_ck_primary(id);
		for (int q = 0; q < b->nrows; q++)
			if (is_data(b, q) && strcmp(ys_ck_code(&b->rows[q].cells[YS_C03_DEPT], other), code) == 0)
				ys_ck_term(ck, id, b, q, YS_C03_BASIC, -1);
	}
}

/* ---- fiscal income = fiscal spending when nothing is carried forward ---- */

void ys_rule_x04_fund_balance(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *a = T(YS_T04);
	if (!a)
		return;
	int ye = ys_ck_fixed_row(a, "out.yearend");
	if (ye >= 0 && a->rows[ye].cells[YS_C01_OUT_AMT].amt.fen != 0)
		return; /* money carried to next year: the funds need not balance */
	static const struct { const char *in, *carry; ys_tid t; const char *what; } funds[] = {
		{ "in.gp", "carry.gp", YS_T05, "04 一般公共预算收入 + 结转 = 05 一般公共预算支出合计" },
		{ "in.gf", "carry.gf", YS_T07, "04 政府性基金收入 + 结转 = 07 政府性基金预算支出合计" },
		{ "in.soc", "carry.soc", YS_T08, "04 国有资本经营收入 + 结转 = 08 国有资本经营预算支出合计" },
	};
	for (int i = 0; i < 3; i++) {
		const ys_table *s = T(funds[i].t);
		if (!s)
			continue;
		ident *id = ys_ck_ident(ck, rule, OP_EQ, funds[i].what);
		ys_ck_term(ck, id, s, ys_ck_total_row(s), YS_C05_TOTAL, 1);
		ys_ck_primary(id);
		fixed_term(ck, id, a, funds[i].in, -1);
		fixed_term(ck, id, a, funds[i].carry, -1);
	}
}

/* ---- within 05, 06, 03 ---- */

void ys_rule_t05_nocap(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *a = T(YS_T05), *b = T(YS_T03);
	if (!a)
		return;
	char code[16], other[16], dept[16];
	for (int r = 0; r < a->nrows; r++) {
		if (a->rows[r].kind == YS_ROW_CONT)
			continue;
		ident *id = ys_ck_ident(ck, rule, OP_LE, "扣除基建项目后预算数 ≤ 项目支出总数");
		ys_ck_term(ck, id, a, r, YS_C05_NOCAP, 1);
		ys_ck_primary(id);
		ys_ck_term(ck, id, a, r, YS_C05_PROJECT, -1);
		if (!b || !is_data(a, r))
			continue;
		/* 项目 - 扣除基建 is 基本建设 money, which 03 books on 309 codes */
		ys_ck_code(&a->rows[r].cells[YS_C05_CODE], code);
		id = ys_ck_ident(ck, rule, OP_LE, "项目支出总数 - 扣除基建项目后预算数 ≤ 03 中该科目 309 基本建设项目支出");
		ys_ck_term(ck, id, a, r, YS_C05_PROJECT, 1);
		ys_ck_term(ck, id, a, r, YS_C05_NOCAP, -1);
		ys_ck_primary(id);
		for (int q = 0; q < b->nrows; q++)
			if (is_data(b, q) && strcmp(ys_ck_code(&b->rows[q].cells[YS_C03_FUNC], other), code) == 0 &&
			    strncmp(ys_ck_code(&b->rows[q].cells[YS_C03_DEPT], dept), "309", 3) == 0)
				ys_ck_term(ck, id, b, q, YS_C03_PROJECT, -1);
	}
}

static int personnel_code(const char *code)
{
	return strncmp(code, "301", 3) == 0 || strncmp(code, "303", 3) == 0;
}

void ys_rule_t06_personnel(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *a = T(YS_T06);
	if (!a)
		return;
	char code[16];
	for (int r = 0; r < a->nrows; r++) {
		if (!is_data(a, r))
			continue;
		ys_ck_code(&a->rows[r].cells[YS_C06_DEPT], code);
		if (!code[0])
			continue;
		int pers = personnel_code(code);
		ident *id = ys_ck_ident(ck, rule, OP_EQ, pers ? "301/303 科目没有公用经费" : "人员经费只列 301/303 科目");
		ys_ck_term(ck, id, a, r, pers ? YS_C06_PUBLIC : YS_C06_PERSONNEL, 1);
		ys_ck_primary(id);
	}
}

void ys_rule_t03_parts(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *a = T(YS_T03);
	if (!a)
		return;
	for (int r = 0; r < a->nrows; r++) {
		if (a->rows[r].cells[YS_C03_OPER].line == 0 && a->rows[r].cells[YS_C03_UPPER].line == 0 &&
		    a->rows[r].cells[YS_C03_SUBSID].line == 0)
			continue;
		ident *id = ys_ck_ident(ck, rule, OP_LE, "其中各列之和 ≤ 合计");
		ys_ck_term(ck, id, a, r, YS_C03_OPER, 1);
		ys_ck_primary(id);
		ys_ck_term(ck, id, a, r, YS_C03_UPPER, 1);
		ys_ck_term(ck, id, a, r, YS_C03_SUBSID, 1);
		ys_ck_term(ck, id, a, r, YS_C03_TOTAL, -1);
	}
}

/* ---- 三公 against the economic codes ---- */

void ys_rule_x09_codes(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *a = T(YS_T09), *b = T(YS_T03), *c = T(YS_T06);
	int r = single_row(a);
	if (r < 0)
		return;
	static const struct { int col; const char *codes[3]; const char *low, *high; } items[] = {
		{ YS_C09_ABROAD, { "30212", NULL, NULL }, "06 中 30212 一般公共预算基本支出 ≤ 因公出国（境）费用",
		  "因公出国（境）费用 ≤ 03 中 30212 全部支出" },
		{ YS_C09_RECEPTION, { "30217", NULL, NULL }, "06 中 30217 一般公共预算基本支出 ≤ 公务接待费",
		  "公务接待费 ≤ 03 中 30217 全部支出" },
		{ YS_C09_CAR_RUN, { "30231", NULL, NULL }, "06 中 30231 一般公共预算基本支出 ≤ 公务用车运行维护费",
		  "公务用车运行维护费 ≤ 03 中 30231 全部支出" },
		{ YS_C09_CAR_BUY, { "31013", "30913", NULL }, "06 中 31013 一般公共预算基本支出 ≤ 公务用车购置费",
		  "公务用车购置费 ≤ 03 中 31013、30913 全部支出" },
	};
	char code[16];
	for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
		if (c) {
			ident *id = ys_ck_ident(ck, rule, OP_LE, items[i].low);
			ys_ck_term(ck, id, a, r, items[i].col, -1);
			ys_ck_primary(id);
			/* only the 款 itself: a province's 7-digit codes under it may be
			 * outside 三公 (Beijing's 3021203 科研类出国（境）费用) */
			for (int q = 0; q < c->nrows; q++)
				if (is_data(c, q) && strcmp(ys_ck_code(&c->rows[q].cells[YS_C06_DEPT], code), items[i].codes[0]) == 0)
					ys_ck_term(ck, id, c, q, YS_C06_TOTAL, 1);
		}
		if (b) {
			ident *id = ys_ck_ident(ck, rule, OP_LE, items[i].high);
			ys_ck_term(ck, id, a, r, items[i].col, 1);
			ys_ck_primary(id);
			for (int q = 0; q < b->nrows; q++) {
				if (!is_data(b, q))
					continue;
				ys_ck_code(&b->rows[q].cells[YS_C03_DEPT], code);
				for (int k = 0; k < 3 && items[i].codes[k]; k++)
					if (strncmp(code, items[i].codes[k], 5) == 0)
						ys_ck_term(ck, id, b, q, YS_C03_TOTAL, -1);
			}
		}
	}
}

/* ---- 12 against the project money ---- */

void ys_rule_x12_projects(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *p = T(YS_T12), *a = T(YS_T05), *g = T(YS_T07), *s = T(YS_T08), *b = T(YS_T03);
	if (!p)
		return;
	if (a) {
		ident *id = ys_ck_ident(ck, rule, OP_LE, "12 公开项目的财政资金之和 ≤ 05 + 07 + 08 项目支出合计");
		ys_ck_term(ck, id, a, ys_ck_total_row(a), YS_C05_PROJECT, -1);
		ys_ck_primary(id);
		ys_ck_term(ck, id, g, ys_ck_total_row(g), YS_C07_PROJECT, -1);
		ys_ck_term(ck, id, s, ys_ck_total_row(s), YS_C07_PROJECT, -1);
		for (int r = 0; r < p->nrows; r++)
			if (is_data(p, r))
				ys_ck_term(ck, id, p, r, YS_C12_FISCAL, 1);
	}
	if (b) {
		ident *id = ys_ck_ident(ck, rule, OP_LE, "12 公开项目的项目总额之和 ≤ 03 项目支出合计");
		ys_ck_term(ck, id, b, ys_ck_total_row(b), YS_C03_PROJECT, -1);
		ys_ck_primary(id);
		for (int r = 0; r < p->nrows; r++)
			if (is_data(p, r))
				ys_ck_term(ck, id, p, r, YS_C12_TOTAL, 1);
	}
}

/* ---- 13: the exact figures of 01/04/05, rounded ---- */

void ys_rule_x13_round(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *m = T(YS_T13), *t01 = T(YS_T01), *t04 = T(YS_T04), *t05 = T(YS_T05), *t07 = T(YS_T07),
	               *t08 = T(YS_T08), *t03 = T(YS_T03);
	if (!m)
		return;
	int r = -1, dp = 0;
	for (int i = 0; i < m->nrows; i++)
		if (m->rows[i].shape >= 0 && strcmp(m->def->shapes[m->rows[i].shape].id, "amounts") == 0)
			r = i;
	if (r < 0)
		return;
	for (int c = YS_C13_TOTAL; c <= YS_C13_O_PROJECT; c++)
		if (m->rows[r].cells[c].amt.dp > dp)
			dp = m->rows[r].cells[c].amt.dp;
	int64_t q = ys_money_quantum(m->unit, dp);
	if (q < 1)
		return;
	/* 预算支出总额 is this year's spending: 本年支出合计 (支出总计 less 年终
	 * 结转结余, which is money kept, not spent) */
	int r01g = ys_ck_fixed_row(t01, "out.total"), r04g = ys_ck_fixed_row(t04, "out.total");
	int r05 = ys_ck_total_row(t05), r07 = ys_ck_total_row(t07), r08 = ys_ck_total_row(t08), r03 = ys_ck_total_row(t03);
	/* fiscal basic/project: 05 + 07 + 08; other: 03 - fiscal */
	static const struct { int col; const char *what; } cells[] = {
		{ YS_C13_TOTAL, "13 预算支出总额 = 01 本年支出合计（四舍五入）" },
		{ YS_C13_F_TOTAL, "13 财政拨款合计 = 04 本年支出合计（四舍五入）" },
		{ YS_C13_F_BASIC, "13 财政拨款基本支出 = 05 + 07 + 08 基本支出（四舍五入）" },
		{ YS_C13_F_PROJECT, "13 财政拨款项目支出 = 05 + 07 + 08 项目支出（四舍五入）" },
		{ YS_C13_O_TOTAL, "13 其他资金合计 = 01 本年支出合计 - 04 本年支出合计（四舍五入）" },
		{ YS_C13_O_BASIC, "13 其他资金基本支出 = 03 基本支出 - 财政拨款基本支出（四舍五入）" },
		{ YS_C13_O_PROJECT, "13 其他资金项目支出 = 03 项目支出 - 财政拨款项目支出（四舍五入）" },
	};
	for (int i = 0; i < 7; i++) {
		int col = cells[i].col;
		ident *id = ys_ck_ident(ck, rule, OP_ROUND, cells[i].what);
		if (!id)
			return;
		id->quantum = q;
		ys_ck_term(ck, id, m, r, col, 1);
		ys_ck_primary(id);
		int basic = col == YS_C13_F_BASIC || col == YS_C13_O_BASIC;
		int sign = col == YS_C13_O_BASIC || col == YS_C13_O_PROJECT ? -1 : 1;
		switch (col) {
		case YS_C13_TOTAL:
			ys_ck_term(ck, id, t01, r01g, YS_C01_OUT_AMT, 1);
			break;
		case YS_C13_F_TOTAL:
			ys_ck_term(ck, id, t04, r04g, YS_C01_OUT_AMT, 1);
			break;
		case YS_C13_O_TOTAL:
			ys_ck_term(ck, id, t01, r01g, YS_C01_OUT_AMT, 1);
			ys_ck_term(ck, id, t04, r04g, YS_C01_OUT_AMT, -1);
			break;
		default:
			ys_ck_term(ck, id, t05, r05, basic ? YS_C05_BASIC : YS_C05_PROJECT, sign);
			ys_ck_term(ck, id, t07, r07, basic ? YS_C07_BASIC : YS_C07_PROJECT, sign);
			ys_ck_term(ck, id, t08, r08, basic ? YS_C07_BASIC : YS_C07_PROJECT, sign);
			if (sign < 0)
				ys_ck_term(ck, id, t03, r03, basic ? YS_C03_BASIC : YS_C03_PROJECT, 1);
		}
	}
}

/* ---- negative amounts ---- */

void ys_rule_negative(ys_checker *ck, const ys_rule *rule)
{
	char tn[128], a[YS_MONEY_FMT_MAX];
	for (int k = 0; k < YS_NTABLES; k++) {
		const ys_table *t = T(k);
		if (!t)
			continue;
		for (int r = 0; r < t->nrows; r++)
			for (int c = 0; c < t->def->ncols; c++) {
				const ys_cell *cell = &t->rows[r].cells[c];
				if (t->def->cols[c].kind == YS_CK_AMOUNT && cell->amt.fen < 0)
					ys_ck_finding(ck, rule, rule->sev, t, r, c, "%s %s 为负数 %s：预算金额不应为负",
					           ys_ck_table_name(t, tn, sizeof tn), t->def->cols[c].label,
					           ys_ck_amount(t, cell->amt.fen, a));
			}
	}
}

/* ---- fiscal money per 功能 code, procurement, services, 13 against 02 ---- */

void ys_rule_x03_fiscal_code(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *b = T(YS_T03);
	const ys_table *fis[3] = { T(YS_T05), T(YS_T07), T(YS_T08) };
	if (!b)
		return;
	char code[16], other[16];
	/* each distinct 功能 code of 05, 07 and 08, once */
	for (int k = 0; k < 3; k++) {
		const ys_table *a = fis[k];
		for (int r = 0; a && r < a->nrows; r++) {
			if (!is_data(a, r))
				continue;
			ys_ck_code(&a->rows[r].cells[YS_C05_CODE], code);
			int first = code[0] != 0;
			for (int kk = 0; kk <= k && first; kk++)
				for (int q = 0; fis[kk] && q < (kk == k ? r : fis[kk]->nrows) && first; q++)
					first = !(is_data(fis[kk], q) &&
					          !strcmp(ys_ck_code(&fis[kk]->rows[q].cells[YS_C05_CODE], other), code));
			if (!first)
				continue;
			ident *id = ys_ck_ident(ck, rule, OP_LE, "财政拨款（05 + 07 + 08，该功能科目）≤ 03 全部资金");
			ys_ck_term(ck, id, a, r, YS_C05_TOTAL, 1);
			ys_ck_primary(id);
			for (int kk = 0; kk < 3; kk++)
				for (int q = 0; fis[kk] && q < fis[kk]->nrows; q++)
					if ((kk != k || q != r) && is_data(fis[kk], q) &&
					    !strcmp(ys_ck_code(&fis[kk]->rows[q].cells[YS_C05_CODE], other), code))
						ys_ck_term(ck, id, fis[kk], q, YS_C05_TOTAL, 1);
			for (int q = 0; q < b->nrows; q++)
				if (is_data(b, q) && under(ys_ck_code(&b->rows[q].cells[YS_C03_FUNC], other), code))
					ys_ck_term(ck, id, b, q, YS_C03_TOTAL, -1);
		}
	}
}

void ys_rule_x10_total(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *p = T(YS_T10), *b = T(YS_T03);
	int pr = ys_ck_total_row(p), br = ys_ck_total_row(b);
	if (pr < 0 || br < 0)
		return;
	ident *id = ys_ck_ident(ck, rule, OP_LE, "10 政府采购合计 ≤ 03 支出合计");
	ys_ck_term(ck, id, p, pr, YS_C10_AMOUNT, 1);
	ys_ck_primary(id);
	ys_ck_term(ck, id, b, br, YS_C03_TOTAL, -1);
}

void ys_rule_x11_fiscal(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *s = T(YS_T11), *f = T(YS_T04);
	int sr = ys_ck_total_row(s);
	if (sr < 0 || !f)
		return;
	ident *id = ys_ck_ident(ck, rule, OP_LE, "11 财政拨款购买服务合计 ≤ 04 财政拨款支出总计");
	ys_ck_term(ck, id, s, sr, YS_C11_AMOUNT, 1);
	ys_ck_primary(id);
	fixed_term(ck, id, f, "out.grand", -1);
}

void ys_rule_x13_other(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *m = T(YS_T13), *b = T(YS_T02);
	int r = -1, rb = single_row(b);
	for (int i = 0; m && i < m->nrows; i++)
		if (m->rows[i].shape >= 0 && strcmp(m->def->shapes[m->rows[i].shape].id, "amounts") == 0)
			r = i;
	if (r < 0 || rb < 0)
		return;
	int dp = m->rows[r].cells[YS_C13_O_TOTAL].amt.dp;
	int64_t q = ys_money_quantum(m->unit, dp);
	if (q < 1)
		return;
	ident *id = ys_ck_ident(ck, rule, OP_ROUND,
	                     "13 其他资金合计 = 02 非财政拨款资金（本年与结转）- 非财政拨款年终结转结余，四舍五入");
	if (!id)
		return;
	id->quantum = q;
	ys_ck_term(ck, id, m, r, YS_C13_O_TOTAL, 1);
	ys_ck_primary(id);
	nonfiscal_terms(ck, id, b, rb, 1);
	/* less the money kept to next year that is not 财政拨款: 01's 年终结转结余
	 * beyond 04's */
	const ys_table *t01 = T(YS_T01), *t04 = T(YS_T04);
	if (t01 && ys_ck_fixed_row(t01, "out.yearend") >= 0)
		fixed_term(ck, id, t01, "out.yearend", -1);
	if (t04 && ys_ck_fixed_row(t04, "out.yearend") >= 0)
		fixed_term(ck, id, t04, "out.yearend", 1);
}
