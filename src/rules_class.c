/*
 * rules_class.c - classification rules: codes and names against the
 * catalog of the year, 部门经济 ↔ 政府经济 pairing, 类 rows, and economic
 * codes booked under function items meant for other codes.
 */
#include <stdio.h>
#include <string.h>

#include "check_int.h"

#define T(id) (ck->doc->tables[id])

/* A code-bearing cell of the document. */
typedef struct codecell {
	const ys_table *t;
	int row, col;
	ys_catkind kind;
	const char *text; /* the printed cell */
	char code[16];
	const char *name; /* printed name, "" when none */
} codecell;

typedef void (*code_fn)(ys_checker *ck, const ys_rule *rule, const codecell *cc, void *arg);

/* Visit every code cell of 03, 05, 06, 07, 08 (data rows). */
static void each_code(ys_checker *ck, const ys_rule *rule, code_fn fn, void *arg)
{
	static const struct { ys_tid t; int col; int namecol; ys_catkind kind; } where[] = {
		{ YS_T03, YS_C03_FUNC, -1, YS_CAT_FUNC },   { YS_T03, YS_C03_GOV, -1, YS_CAT_GOV_ECON },
		{ YS_T03, YS_C03_DEPT, -1, YS_CAT_DEPT_ECON }, { YS_T05, YS_C05_CODE, YS_C05_NAME, YS_CAT_FUNC },
		{ YS_T06, YS_C06_GOV, -1, YS_CAT_GOV_ECON }, { YS_T06, YS_C06_DEPT, -1, YS_CAT_DEPT_ECON },
		{ YS_T07, YS_C07_CODE, YS_C07_NAME, YS_CAT_FUNC }, { YS_T08, YS_C07_CODE, YS_C07_NAME, YS_CAT_FUNC },
	};
	for (size_t w = 0; w < sizeof where / sizeof where[0]; w++) {
		const ys_table *t = T(where[w].t);
		if (!t)
			continue;
		for (int r = 0; r < t->nrows; r++) {
			if (t->rows[r].kind != YS_ROW_DATA)
				continue;
			codecell cc;
			cc.t = t;
			cc.row = r;
			cc.col = where[w].col;
			cc.kind = where[w].kind;
			cc.text = t->rows[r].cells[where[w].col].text;
			ys_ck_code(&t->rows[r].cells[where[w].col], cc.code);
			if (!cc.code[0])
				continue;
			if (where[w].namecol >= 0)
				cc.name = t->rows[r].cells[where[w].namecol].text;
			else
				ys_split_codename(cc.text, &cc.name);
			fn(ck, rule, &cc, arg);
		}
	}
}

/* Report each (kind, code[, name]) once: a small seen-set. */
typedef struct seen {
	char keys[512][96];
	int n;
} seen;

static int seen_once(seen *s, ys_catkind kind, const char *code, const char *name)
{
	char k[96];
	snprintf(k, sizeof k, "%d:%s:%s", (int)kind, code, name ? name : "");
	for (int i = 0; i < s->n; i++)
		if (strcmp(s->keys[i], k) == 0)
			return 0;
	if (s->n < 512)
		snprintf(s->keys[s->n++], sizeof s->keys[0], "%s", k);
	return 1;
}

/* The catalog row of a code; a 7-digit 部门经济 code is looked up by its 款. */
static const ys_catrow *lookup(const ys_catalog *cat, ys_catkind kind, const char *code, int *local)
{
	*local = 0;
	const ys_catrow *row = ys_catalog_find(cat, kind, code);
	if (!row && kind != YS_CAT_FUNC && strlen(code) == 7) {
		char kuan[6];
		memcpy(kuan, code, 5);
		kuan[5] = '\0';
		row = ys_catalog_find(cat, kind, kuan);
		*local = row != NULL;
	}
	return row;
}

static void known_fn(ys_checker *ck, const ys_rule *rule, const codecell *cc, void *arg)
{
	int local;
	if (lookup(ck->cat, cc->kind, cc->code, &local) || !seen_once(arg, cc->kind, cc->code, NULL))
		return;
	/* a code missing from the list is not proof of an error: a parent
	 * that exists makes it a likely local or new code */
	char parent[16];
	snprintf(parent, sizeof parent, "%.*s", strlen(cc->code) > 5 ? 5 : 3, cc->code);
	const ys_catrow *p = ys_catalog_find(ck->cat, cc->kind, parent);
	ys_ck_finding(ck, rule, p ? YS_SEV_NOTICE : rule->sev, cc->t, cc->row, cc->col,
	           "%s %s 不在 %d 年%s目录中%s%s%s", ys_catkind_name(cc->kind), cc->code, ys_catalog_year(ck->cat),
	           ys_catkind_name(cc->kind), p ? "（上级科目 " : "", p ? p->code : "", p ? " 存在）" : "");
}

void ys_rule_cls_known(ys_checker *ck, const ys_rule *rule)
{
	if (!ck->cat)
		return;
	seen s;
	s.n = 0;
	each_code(ck, rule, known_fn, &s);
}

static void name_fn(ys_checker *ck, const ys_rule *rule, const codecell *cc, void *arg)
{
	int local;
	const ys_catrow *row = lookup(ck->cat, cc->kind, cc->code, &local);
	if (!row || local || !cc->name[0])
		return; /* provinces name their 7-digit codes themselves */
	ys_conf vconf;
	ys_namematch m = ys_catalog_name_match(ck->cat, cc->kind, row, cc->name, &vconf);
	if (m == YS_NAME_EXACT || (m == YS_NAME_VARIANT && YS_CONF_FIRM(vconf)) ||
	    !seen_once(arg, cc->kind, cc->code, cc->name))
		return;
	if (m == YS_NAME_VARIANT) {
		/* printed so by one or two other documents: neither right nor wrong */
		ys_ck_finding(ck, rule, YS_SEV_NOTICE, cc->t, cc->row, cc->col,
		           "%s %s 印作“%s”，%d 年目录为“%s”；此印法已有记录但依据不足（可信度 %s），请核对",
		           ys_catkind_name(cc->kind), cc->code, cc->name, ys_catalog_year(ck->cat), row->name,
		           ys_conf_name(vconf));
		return;
	}
	ys_severity sev = YS_CONF_FIRM(row->conf) && ck->cat_firm ? rule->sev : YS_SEV_WARNING;
	ys_ck_finding(ck, rule, sev, cc->t, cc->row, cc->col, "%s %s 印作“%s”，%d 年目录为“%s”（可信度 %s）",
	           ys_catkind_name(cc->kind), cc->code, cc->name, ys_catalog_year(ck->cat), row->name,
	           ys_conf_name(row->conf));
}

void ys_rule_cls_name(ys_checker *ck, const ys_rule *rule)
{
	if (!ck->cat)
		return;
	seen s;
	s.n = 0;
	each_code(ck, rule, name_fn, &s);
}

/* 部门经济 code and its 政府经济 款 in 03 and 06 */
void ys_rule_cls_econ_pair(ys_checker *ck, const ys_rule *rule)
{
	if (!ck->cat)
		return;
	static const struct { ys_tid t; int gov, dept; } where[] = {
		{ YS_T03, YS_C03_GOV, YS_C03_DEPT },
		{ YS_T06, YS_C06_GOV, YS_C06_DEPT },
	};
	char gov[16], dept[16];
	for (size_t w = 0; w < 2; w++) {
		const ys_table *t = T(where[w].t);
		if (!t)
			continue;
		for (int r = 0; r < t->nrows; r++) {
			if (t->rows[r].kind != YS_ROW_DATA)
				continue;
			ys_ck_code(&t->rows[r].cells[where[w].gov], gov);
			ys_ck_code(&t->rows[r].cells[where[w].dept], dept);
			if (!gov[0] || !dept[0])
				continue;
			const ys_catmap *m = ys_catalog_map(ck->cat, dept);
			if (!m)
				continue;
			if (!strcmp(gov, m->gov_code[YS_UT_JIGUAN]) || !strcmp(gov, m->gov_code[YS_UT_SHIYE]))
				continue;
			/* as sure as the catalog's row: an unsure row only asks to look */
			int firm = YS_CONF_FIRM(m->conf) && ck->cat_firm;
			ys_severity sev = firm ? rule->sev : m->conf == YS_CONF_LOW ? YS_SEV_NOTICE : YS_SEV_WARNING;
			ys_ck_finding(ck, rule, sev, t, r, where[w].gov,
			           "部门经济分类 %s 应归入政府经济分类 %s %s（机关）或 %s %s（事业单位），此处为 %s%s", dept,
			           m->gov_code[YS_UT_JIGUAN], m->gov_name[YS_UT_JIGUAN], m->gov_code[YS_UT_SHIYE],
			           m->gov_name[YS_UT_SHIYE], gov,
			           firm ? "" : m->conf == YS_CONF_LOW ? "（目录的这一对应把握低，请核实）" : "（目录的这一对应未经证实）");
		}
	}
}

/* Function codes whose 类 is not one of the 26 rows of 01/04. */
static void class_fn(ys_checker *ck, const ys_rule *rule, const codecell *cc, void *arg)
{
	if (cc->kind != YS_CAT_FUNC)
		return;
	const ys_tabledef *d = ys_table_def(YS_T01);
	for (int f = 0; f < d->nfixed; f++)
		if (d->fixed[f].code && strncmp(d->fixed[f].code, cc->code, 3) == 0)
			return;
	char cls[4];
	snprintf(cls, sizeof cls, "%.3s", cc->code);
	if (!seen_once(arg, cc->kind, cls, NULL))
		return;
	ys_ck_finding(ck, rule, rule->sev, cc->t, cc->row, cc->col,
	           "功能分类 %s 所属的类 %s 不在收支总表的 26 个支出类中，无法在 01/04 表中列示", cc->code, cls);
}

void ys_rule_cls_class_rows(ys_checker *ck, const ys_rule *rule)
{
	seen s;
	s.n = 0;
	each_code(ck, rule, class_fn, &s);
}

/*
 * Function items that exist for one kind of personnel payment: a basic item
 * there with another economic code is booked in the wrong place, most of all
 * when the disclosure also uses the item meant for that code.
 */
static const struct {
	const char *func, *econ;
} dedicated[] = {
	{ "2080505", "30108" }, /* 机关事业单位基本养老保险缴费支出 ↔ 机关事业单位基本养老保险缴费 */
	{ "2080506", "30109" }, /* 机关事业单位职业年金缴费支出 ↔ 职业年金缴费 */
	{ "2101101", "30110" }, /* 行政单位医疗 ↔ 职工基本医疗保险缴费 */
	{ "2101102", "30110" }, /* 事业单位医疗 ↔ 职工基本医疗保险缴费 */
	{ "2101103", "30111" }, /* 公务员医疗补助 ↔ 公务员医疗补助缴费 */
	{ "2210201", "30113" }, /* 住房公积金 ↔ 住房公积金 */
};

void ys_rule_cls_dedicated(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *t = T(YS_T03);
	if (!t)
		return;
	char func[16], econ[16], other[16];
	for (int r = 0; r < t->nrows; r++) {
		if (t->rows[r].kind != YS_ROW_DATA)
			continue;
		ys_ck_code(&t->rows[r].cells[YS_C03_FUNC], func);
		ys_ck_code(&t->rows[r].cells[YS_C03_DEPT], econ);
		int meant_here = 0, is_dedicated = 0;
		const char *home = NULL;
		for (size_t i = 0; i < sizeof dedicated / sizeof dedicated[0]; i++) {
			if (!strcmp(dedicated[i].func, func)) {
				is_dedicated = 1;
				meant_here |= !strncmp(dedicated[i].econ, econ, 5);
			}
			if (!strncmp(dedicated[i].econ, econ, 5) && !home)
				home = dedicated[i].func;
		}
		if (!is_dedicated || meant_here || !home)
			continue;
		/* where does the disclosure use the item meant for this code? */
		int home_line = 0;
		for (int q = 0; q < t->nrows && !home_line; q++)
			if (t->rows[q].kind == YS_ROW_DATA && !strcmp(ys_ck_code(&t->rows[q].cells[YS_C03_FUNC], other), home))
				home_line = t->rows[q].line;
		const char *name;
		ys_split_codename(t->rows[r].cells[YS_C03_DEPT].text, &name);
		if (home_line)
			ys_ck_finding(ck, rule, rule->sev, t, r, YS_C03_FUNC,
			           "%s %s 列在 %s 下，而该经济科目对应的功能科目 %s 在本表第 %d 行已有使用", econ, name, func,
			           home, home_line);
		else
			ys_ck_finding(ck, rule, YS_SEV_NOTICE, t, r, YS_C03_FUNC, "%s %s 列在 %s 下，该经济科目通常列 %s", econ,
			           name, func, home);
	}
}

/* Code rows carry 项-level 功能 codes (7 digits), 款-level 经济 codes. */
static void level_fn(ys_checker *ck, const ys_rule *rule, const codecell *cc, void *arg)
{
	size_t n = strlen(cc->code);
	int ok = cc->kind == YS_CAT_FUNC ? n == 7 : cc->kind == YS_CAT_GOV_ECON ? n == 5 : n == 5 || n == 7;
	if (ok || !seen_once(arg, cc->kind, cc->code, NULL))
		return;
	ys_ck_finding(ck, rule, rule->sev, cc->t, cc->row, cc->col, "%s %s 有 %zu 位：预算表按%s列示（%s）",
	           ys_catkind_name(cc->kind), cc->code, n, cc->kind == YS_CAT_FUNC ? "功能分类项级" : "经济分类款级",
	           cc->kind == YS_CAT_FUNC ? "7 位" : cc->kind == YS_CAT_GOV_ECON ? "5 位" : "5 位，或省定 7 位");
}

void ys_rule_cls_level(ys_checker *ck, const ys_rule *rule)
{
	seen s;
	s.n = 0;
	each_code(ck, rule, level_fn, &s);
}

/* 05 lists 一般公共预算 items, 07 政府性基金, 08 国有资本经营 (the catalog's budget column). */
void ys_rule_cls_fund_table(ys_checker *ck, const ys_rule *rule)
{
	if (!ck->cat)
		return;
	static const struct { ys_tid t; const char *budget, *name; } tabs[] = {
		{ YS_T05, "GP", "一般公共预算" }, { YS_T07, "GF", "政府性基金预算" }, { YS_T08, "SOC", "国有资本经营预算" } };
	char code[16];
	for (int k = 0; k < 3; k++) {
		const ys_table *t = T(tabs[k].t);
		for (int r = 0; t && r < t->nrows; r++) {
			if (t->rows[r].kind != YS_ROW_DATA)
				continue;
			const ys_catrow *row = ys_catalog_find(ck->cat, YS_CAT_FUNC, ys_ck_code(&t->rows[r].cells[YS_C05_CODE], code));
			if (row && row->budget[0] && strcmp(row->budget, tabs[k].budget))
				ys_ck_finding(ck, rule, rule->sev, t, r, YS_C05_CODE, "功能分类 %s %s 是%s科目，不应列在%s支出表中", code,
				           row->name, !strcmp(row->budget, "GP") ? "一般公共预算" : !strcmp(row->budget, "GF")
				                                                                  ? "政府性基金预算"
				                                                                  : "国有资本经营预算",
				           tabs[k].name);
		}
	}
}

/* Each (政府经济, 部门经济) pair of 06 appears in 03. */
void ys_rule_cls_pair_06_03(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *a = T(YS_T06), *b = T(YS_T03);
	if (!a || !b)
		return;
	char g[16], d[16], g2[16], d2[16];
	for (int r = 0; r < a->nrows; r++) {
		if (a->rows[r].kind != YS_ROW_DATA)
			continue;
		ys_ck_code(&a->rows[r].cells[YS_C06_GOV], g);
		ys_ck_code(&a->rows[r].cells[YS_C06_DEPT], d);
		int found = 0;
		for (int q = 0; q < b->nrows && !found; q++)
			found = b->rows[q].kind == YS_ROW_DATA && !strcmp(ys_ck_code(&b->rows[q].cells[YS_C03_GOV], g2), g) &&
			        !strcmp(ys_ck_code(&b->rows[q].cells[YS_C03_DEPT], d2), d);
		if (!found)
			ys_ck_finding(ck, rule, rule->sev, a, r, YS_C06_GOV,
			           "06 的 %s/%s 在 03 支出总表中没有同一政府经济/部门经济组合的行", g, d);
	}
}
