/*
 * rules_perf.c - performance targets (tables 12 and 13) and year over year
 * (--previous).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_int.h"

#define T(id) (ck->doc->tables[id])

/* An indicator as printed: table 12's columns, or table 13's. */
typedef struct ind {
	const ys_table *t;
	int row;
	const char *l1, *l2, *l3, *op, *value, *unit;
	int c3, cvalue; /* columns for findings */
} ind;

static const char *key(const char *s, char *buf, size_t cap)
{
	ys_buf b = YS_BUF_INIT;
	ys_label_key(&b, s, strlen(s));
	snprintf(buf, cap, "%s", b.s);
	ys_buf_release(&b);
	return buf;
}

/* Visit the indicators of 12 (and of 13 when with13). */
static void each_ind(ys_checker *ck, int with13, void (*fn)(ys_checker *, const ys_rule *, const ind *),
                     const ys_rule *rule)
{
	const ys_table *t = T(YS_T12);
	for (int r = 0; t && r < t->nrows; r++) {
		const ys_cell *c = t->rows[r].cells;
		if (ys_cell_blank(&c[YS_C12_IND1]) && ys_cell_blank(&c[YS_C12_IND3]))
			continue;
		ind i = { t, r, c[YS_C12_IND1].text, c[YS_C12_IND2].text, c[YS_C12_IND3].text, c[YS_C12_OP].text, c[YS_C12_VALUE].text,
			  c[YS_C12_MUNIT].text, YS_C12_IND3, YS_C12_VALUE };
		fn(ck, rule, &i);
	}
	t = T(YS_T13);
	for (int r = 0; with13 && t && r < t->nrows; r++) {
		const ys_cell *c = t->rows[r].cells;
		if (ys_cell_blank(&c[YS_C13_INDICATOR]))
			continue;
		ind i = { t, r, "", "", c[YS_C13_INDICATOR].text, c[YS_C13_OP].text, c[YS_C13_VALUE].text, c[YS_C13_MUNIT].text,
			  YS_C13_INDICATOR, YS_C13_VALUE };
		fn(ck, rule, &i);
	}
}

/* The value as 分-free integer arithmetic: parse a plain decimal into
 * units of 10^-6; returns 0 and sets *v, or -1 when not a number. */
static int number(const char *s, int64_t *v)
{
	ys_amount a;
	size_t n = strlen(s);
	if (!n || ys_money_parse(s, n, YS_UNIT_WANYUAN, &a, NULL) || !a.present)
		return -1;
	*v = a.fen; /* micro-units: 万元 decimals are 6 */
	return 0;
}

static const char *const ops_numeric[] = { "=", "≥", "≤", ">", "<", "≧", "≦", ">=", "<=", NULL };

static int in(const char *k, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(k, *list))
			return 1;
	return 0;
}

static void percent_fn(ys_checker *ck, const ys_rule *rule, const ind *i)
{
	char u[64], l3[512];
	int64_t v;
	if (strcmp(key(i->unit, u, sizeof u), "%") || number(i->value, &v))
		return;
	key(i->l3, l3, sizeof l3);
	if (strstr(l3, "增长") || strstr(l3, "增加") || strstr(l3, "提高") || strstr(l3, "比上年") || strstr(l3, "倍"))
		return; /* a growth rate may pass 100 % */
	if (v > 100 * 1000000LL)
		ys_ck_finding(ck, rule, rule->sev, i->t, i->row, i->cvalue, "“%s”的指标值 %s%% 超过 100%%", i->l3, i->value);
}

void ys_rule_perf_percent(ys_checker *ck, const ys_rule *rule)
{
	each_ind(ck, 1, percent_fn, rule);
}

static void months_fn(ys_checker *ck, const ys_rule *rule, const ind *i)
{
	char u[64];
	int64_t v;
	if (strcmp(key(i->unit, u, sizeof u), "月") || number(i->value, &v))
		return;
	if (v > 12 * 1000000LL || v < 0)
		ys_ck_finding(ck, rule, rule->sev, i->t, i->row, i->cvalue, "“%s”的指标值 %s 个月不在一年的 1–12 月之内", i->l3,
		           i->value);
}

void ys_rule_perf_months(ys_checker *ck, const ys_rule *rule)
{
	each_ind(ck, 1, months_fn, rule);
}

/* A 定性 indicator is judged, not counted: its value is a grade (优, 良 …),
 * or words (年底前完成, 优，…).  A bare number there - 定性 95 - was meant as
 * 定量 with = or ≥: the 性质 is wrong, or the value is. */
static void qualitative_fn(ys_checker *ck, const ys_rule *rule, const ind *i)
{
	char o[64];
	int64_t v;
	if (strcmp(key(i->op, o, sizeof o), "定性"))
		return;
	if (!number(i->value, &v))
		ys_ck_finding(ck, rule, rule->sev, i->t, i->row, i->cvalue,
		           "定性指标“%s”的值“%s%s”是一个数：定性指标以等级或文字为值，数值目标应标 =、≥ 或 ≤", i->l3, i->value,
		           i->unit ? i->unit : "");
}

void ys_rule_perf_qualitative(ys_checker *ck, const ys_rule *rule)
{
	each_ind(ck, 1, qualitative_fn, rule);
}

static void numeric_fn(ys_checker *ck, const ys_rule *rule, const ind *i)
{
	char o[64];
	int64_t v;
	if (!in(key(i->op, o, sizeof o), ops_numeric))
		return;
	if (number(i->value, &v))
		ys_ck_finding(ck, rule, rule->sev, i->t, i->row, i->cvalue, "定量指标“%s %s”的值“%s”不是数字", i->l3, i->op,
		           i->value);
}

void ys_rule_perf_numeric(ys_checker *ck, const ys_rule *rule)
{
	each_ind(ck, 1, numeric_fn, rule);
}

/* The standard levels: each 一级指标 with its 二级指标. */
static const struct { const char *l1; const char *l2[5]; } std[] = {
	{ "产出指标", { "数量指标", "质量指标", "时效指标", "成本指标", NULL } },
	{ "效益指标", { "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", NULL } },
	{ "满意度指标", { "服务对象满意度指标", NULL } },
	{ "成本指标", { "经济成本指标", "社会成本指标", "生态环境成本指标", NULL } },
};

const char *ys_perf_level(int l1, int l2)
{
	if (l1 < 0 || l1 >= (int)(sizeof std / sizeof std[0]))
		return NULL;
	if (l2 < 0)
		return std[l1].l1;
	for (int j = 0; j <= l2; j++)
		if (j >= 5 || !std[l1].l2[j])
			return NULL;
	return std[l1].l2[l2];
}

const char *ys_perf_op(int k)
{
	/* the forms a template offers; the rules also take >, <, >=, ≧ … (ops_numeric) */
	static const char *const shown[] = { "=", "≥", "≤", "定性" };
	return k >= 0 && k < (int)(sizeof shown / sizeof shown[0]) ? shown[k] : NULL;
}

static void levels_fn(ys_checker *ck, const ys_rule *rule, const ind *i)
{
	if (!i->l1[0])
		return;
	char a[64], b[64];
	key(i->l1, a, sizeof a);
	key(i->l2, b, sizeof b);
	for (size_t k = 0; k < sizeof std / sizeof std[0]; k++)
		if (!strcmp(a, std[k].l1)) {
			if (!in(b, std[k].l2))
				ys_ck_finding(ck, rule, rule->sev, i->t, i->row, YS_C12_IND2, "二级指标“%s”不属于一级指标“%s”", i->l2, i->l1);
			return;
		}
	ys_ck_finding(ck, rule, rule->sev, i->t, i->row, YS_C12_IND1, "一级指标“%s”不是产出、效益、满意度、成本指标之一", i->l1);
}

void ys_rule_perf_levels(ys_checker *ck, const ys_rule *rule)
{
	each_ind(ck, 0, levels_fn, rule);
}

/* ---- per project ---- */

void ys_rule_perf_categories(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *t = T(YS_T12);
	static const char *const l1[4] = { "产出指标", "效益指标", "满意度指标", "成本指标" };
	for (int p = 0; t && p < t->nrows; p++) {
		if (t->rows[p].kind != YS_ROW_DATA)
			continue;
		int has[4] = { 0 };
		for (int r = p; r < t->nrows && t->rows[r].project == p; r++)
			for (int k = 0; k < 4; k++)
				has[k] |= ys_name_eq(t->rows[r].cells[YS_C12_IND1].text, l1[k]);
		/* 产出 and 效益 every project has; 满意度 and 成本 many leave out
		 * (a project with no one served, one whose cost is its budget):
		 * a notice, for a reviewer to weigh */
		for (int k = 0; k < 4; k++)
			if (!has[k])
				ys_ck_finding(ck, rule, k < 2 ? rule->sev : YS_SEV_NOTICE, t, p, YS_C12_NAME, "项目“%s”的绩效指标没有%s",
				           t->rows[p].cells[YS_C12_NAME].text, l1[k]);
	}
}

void ys_rule_perf_cost(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *t = T(YS_T12);
	char u[64], a[YS_MONEY_FMT_MAX];
	for (int r = 0; t && r < t->nrows; r++) {
		const ys_cell *c = t->rows[r].cells;
		int64_t v;
		if (!ys_name_eq(c[YS_C12_IND1].text, "成本指标") || strcmp(key(c[YS_C12_MUNIT].text, u, sizeof u), "万元") ||
		    number(c[YS_C12_VALUE].text, &v))
			continue;
		int p = t->rows[r].project;
		int64_t total = p >= 0 ? t->rows[p].cells[YS_C12_TOTAL].amt.fen : 0;
		/* the value is 万元 to 6 decimals: micro-units are 分 */
		if (v > total)
			ys_ck_finding(ck, rule, rule->sev, t, r, YS_C12_VALUE, "成本指标“%s”%s 万元超过项目总额 %s 万元", c[YS_C12_IND3].text,
			           c[YS_C12_VALUE].text, ys_ck_amount(t, total, a));
	}
}

void ys_rule_perf_duplicate(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *t = T(YS_T12);
	for (int r = 0; t && r < t->nrows; r++)
		for (int q = t->rows[r].project; q >= 0 && q < r; q++)
			if (t->rows[q].project == t->rows[r].project && !ys_cell_blank(&t->rows[r].cells[YS_C12_IND3]) &&
			    ys_name_eq(t->rows[q].cells[YS_C12_IND3].text, t->rows[r].cells[YS_C12_IND3].text) &&
			    ys_name_eq(t->rows[q].cells[YS_C12_IND2].text, t->rows[r].cells[YS_C12_IND2].text)) {
				ys_ck_finding(ck, rule, rule->sev, t, r, YS_C12_IND3, "指标“%s”在同一项目中重复（第 %d 行）",
				           t->rows[r].cells[YS_C12_IND3].text, t->rows[q].line);
				break;
			}
}

void ys_rule_perf_goal(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *t = T(YS_T12);
	for (int r = 0; t && r < t->nrows; r++)
		if (t->rows[r].kind == YS_ROW_DATA && ys_cell_blank(&t->rows[r].cells[YS_C12_GOAL]))
			ys_ck_finding(ck, rule, rule->sev, t, r, YS_C12_GOAL, "项目“%s”没有绩效目标", t->rows[r].cells[YS_C12_NAME].text);
}

void ys_rule_perf_unit_wide(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *t = T(YS_T13);
	if (!t)
		return;
	int goal = 0, inds = 0;
	for (int r = 0; r < t->nrows; r++) {
		goal |= !ys_cell_blank(&t->rows[r].cells[YS_C13_GOAL]);
		inds += !ys_cell_blank(&t->rows[r].cells[YS_C13_INDICATOR]);
	}
	if (!goal)
		ys_ck_finding_line(ck, rule, rule->sev, t, t->line, "单位整体支出绩效目标表没有整体绩效目标");
	if (!inds)
		ys_ck_finding_line(ck, rule, rule->sev, t, t->line, "单位整体支出绩效目标表没有绩效指标");
}

/* ---- year over year ---- */

/* |x| of a 128-bit integer: amounts and their differences are computed in
 * 128 bits here, where no sum or product of int64 分 can overflow. */
static __int128 abs128(__int128 x)
{
	return x < 0 ? -x : x;
}

/* Change from a to b as a percentage with one decimal, in integers. */
static const char *change(int64_t a, int64_t b, char *buf, size_t cap)
{
	if (a == 0) {
		snprintf(buf, cap, "上年为零");
		return buf;
	}
	/* per mille: |b - a| < 2^64, times 1000 < 2^74 */
	__int128 d = ((__int128)b - a) * 1000 / abs128(a), m = abs128(d);
	char digits[48];
	int n = 0;
	do {
		digits[n++] = (char)('0' + (int)(m % 10));
		m /= 10;
	} while (m);
	if (n == 1)
		digits[n++] = '0'; /* 0.5 %: the whole part */
	int o = snprintf(buf, cap, "%s", d < 0 ? "-" : "+");
	for (int k = n - 1; k >= 1 && o >= 0 && (size_t)o < cap; k--)
		o += snprintf(buf + o, cap - (size_t)o, "%c", digits[k]);
	if (o >= 0 && (size_t)o < cap)
		snprintf(buf + o, cap - (size_t)o, ".%c%%", digits[0]);
	return buf;
}

static int64_t fixed_value(const ys_table *t, const char *fid)
{
	int r = ys_ck_fixed_row(t, fid);
	return r >= 0 ? t->rows[r].cells[ys_ck_fixed_col(t, fid)].amt.fen : 0;
}

void ys_rule_yoy_sangong(ys_checker *ck, const ys_rule *rule)
{
	if (!ck->prev)
		return;
	const ys_table *t = T(YS_T09), *p = ck->prev->tables[YS_T09];
	if (!t || !p || !t->nrows || !p->nrows)
		return;
	int r = 0, q = 0;
	while (r < t->nrows && t->rows[r].kind != YS_ROW_DATA)
		r++;
	while (q < p->nrows && p->rows[q].kind != YS_ROW_DATA)
		q++;
	if (r == t->nrows || q == p->nrows)
		return;
	char a[YS_MONEY_FMT_MAX], b[YS_MONEY_FMT_MAX], ch[48];
	for (int c = 0; c < t->def->ncols; c++) {
		int64_t cur = t->rows[r].cells[c].amt.fen, was = p->rows[q].cells[c].amt.fen;
		if (cur <= was)
			continue;
		ys_ck_finding(ck, rule, c == YS_C09_TOTAL ? rule->sev : YS_SEV_NOTICE, t, r, c, "%s 比上年增加：%s → %s（%s）",
		           t->def->cols[c].label, ys_ck_amount(p, was, a), ys_ck_amount(t, cur, b), change(was, cur, ch, sizeof ch));
	}
}

void ys_rule_yoy_class(ys_checker *ck, const ys_rule *rule)
{
	if (!ck->prev)
		return;
	const ys_table *t = T(YS_T01), *p = ck->prev->tables[YS_T01];
	if (!t || !p)
		return;
	char a[YS_MONEY_FMT_MAX], b[YS_MONEY_FMT_MAX], ch[48];
	for (int f = 0; f < t->def->nfixed; f++) {
		const ys_fixedrow *fr = &t->def->fixed[f];
		if (fr->panel != 1 || fr->role != YS_FR_ITEM)
			continue;
		int64_t cur = fixed_value(t, fr->id), was = fixed_value(p, fr->id);
		__int128 d = abs128((__int128)cur - was);
		/* more than 30 % and more than 100 万元 */
		if (d > 100 * 1000000LL && (was == 0 || d * 10 > abs128(was) * 3))
			ys_ck_finding(ck, rule, rule->sev, t, ys_ck_fixed_row(t, fr->id), YS_C01_OUT_AMT, "%s 比上年变化 %s：%s → %s",
			           fr->label, change(was, cur, ch, sizeof ch), ys_ck_amount(p, was, a), ys_ck_amount(t, cur, b));
	}
}

void ys_rule_yoy_total(ys_checker *ck, const ys_rule *rule)
{
	if (!ck->prev)
		return;
	const ys_table *t = T(YS_T01), *p = ck->prev->tables[YS_T01];
	if (!t || !p)
		return;
	int64_t cur = fixed_value(t, "out.grand"), was = fixed_value(p, "out.grand");
	char a[YS_MONEY_FMT_MAX], b[YS_MONEY_FMT_MAX], ch[48];
	if (abs128((__int128)cur - was) * 5 > abs128(was))
		ys_ck_finding(ck, rule, rule->sev, t, ys_ck_fixed_row(t, "out.grand"), YS_C01_OUT_AMT, "支出总计比上年变化 %s：%s → %s",
		           change(was, cur, ch, sizeof ch), ys_ck_amount(p, was, a), ys_ck_amount(t, cur, b));
}

void ys_rule_yoy_projects(ys_checker *ck, const ys_rule *rule)
{
	if (!ck->prev)
		return;
	const ys_table *t = T(YS_T12), *p = ck->prev->tables[YS_T12];
	if (!p)
		return;
	for (int q = 0; q < p->nrows; q++) {
		if (p->rows[q].kind != YS_ROW_DATA)
			continue;
		char code[40], code2[40];
		const char *name, *name2;
		if (!ys_split_project(p->rows[q].cells[YS_C12_NAME].text, code, &name))
			continue;
		int found = 0;
		for (int r = 0; t && r < t->nrows && !found; r++)
			found = t->rows[r].kind == YS_ROW_DATA && ys_split_project(t->rows[r].cells[YS_C12_NAME].text, code2, &name2) &&
			        (!strcmp(code, code2) || ys_name_eq(name, name2));
		if (!found)
			ys_ck_finding_line(ck, rule, rule->sev, t, t ? t->line : 0, "上年公开的项目 %s-%s 今年没有公开（上年第 %d 行）",
			                code, name, p->rows[q].line);
	}
}

void ys_rule_yoy_tables(ys_checker *ck, const ys_rule *rule)
{
	if (!ck->prev)
		return;
	for (int k = 0; k < YS_NTABLES; k++)
		if (ck->prev->tables[k] && !T(k))
			ys_ck_finding_line(ck, rule, rule->sev, NULL, 0, "上年公开了 %s表 %s，今年没有", ys_table_def((ys_tid)k)->code,
			                ys_table_def((ys_tid)k)->title);
}
