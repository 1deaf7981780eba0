/*
 * rules_present.c - completeness, presentation and performance-target rules.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base_int.h"
#include "check_int.h"

#define T(id) (ck->doc->tables[id])

/* ---- completeness ---- */

void ys_rule_comp_tables(ys_checker *ck, const ys_rule *rule)
{
	/* 财预〔2016〕143号 makes 01–07 and 09 statutory; the layout this
	 * description set reads publishes all 13, empty tables included, so a
	 * missing one means an incomplete (or truncated) disclosure */
	static const int statutory[YS_NTABLES] = { 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0 };
	for (int k = 0; k < YS_NTABLES; k++) {
		if (T(k))
			continue;
		const ys_tabledef *d = ys_table_def((ys_tid)k);
		ys_ck_finding_line(ck, rule, rule->sev, NULL, 0, "缺少 %s表 %s%s", d->code, d->title,
		                statutory[k] ? "（法定公开表）" : "（本套 13 张公开表之一，空表也应公开）");
	}
}

void ys_rule_comp_labels(ys_checker *ck, const ys_rule *rule)
{
	static const ys_tid tabs[] = { YS_T01, YS_T04 };
	char tn[128];
	for (int i = 0; i < 2; i++) {
		const ys_table *t = T(tabs[i]);
		if (!t)
			continue;
		for (int r = 0; r < t->nrows; r++)
			for (int p = 0; p < 2; p++) {
				int lc = p ? YS_C01_OUT_LABEL : YS_C01_IN_LABEL, ac = p ? YS_C01_OUT_AMT : YS_C01_IN_AMT;
				const ys_cell *lab = &t->rows[r].cells[lc], *amt = &t->rows[r].cells[ac];
				if (t->rows[r].fixed[p] >= 0)
					continue;
				if (!ys_cell_blank(lab))
					ys_ck_finding(ck, rule, rule->sev, t, r, lc, "%s 的行“%s”不是该表的标准行，其金额未参与核对",
					           ys_ck_table_name(t, tn, sizeof tn), lab->text);
				else if (amt->amt.present && amt->amt.fen != 0)
					ys_ck_finding(ck, rule, YS_SEV_ERROR, t, r, ac, "%s 第 %d 行的%s列有金额 %s 却没有项目名称",
					           ys_ck_table_name(t, tn, sizeof tn), t->rows[r].line, p ? "支出" : "收入", amt->text);
			}
	}
}

/* ---- presentation ---- */

/* 预算01表 -> 预算NN表 */
static void pattern_of(const char *s, char *out, size_t cap)
{
	size_t o = 0;
	int in_digits = 0;
	for (; *s && o + 3 < cap; s++) {
		if (*s >= '0' && *s <= '9') {
			if (!in_digits) {
				out[o++] = 'N';
				out[o++] = 'N';
			}
			in_digits = 1;
		} else {
			out[o++] = *s;
			in_digits = 0;
		}
	}
	out[o] = '\0';
}

void ys_rule_pres_numbering(ys_checker *ck, const ys_rule *rule)
{
	char pat[YS_NTABLES][64];
	int n = 0, idx[YS_NTABLES];
	for (int i = 0; i < ck->doc->ntables; i++) {
		const ys_table *t = T(ck->doc->order[i]);
		if (!t->numbering[0])
			continue;
		pattern_of(t->numbering, pat[n], sizeof pat[n]);
		idx[n++] = ck->doc->order[i];
	}
	/* the majority pattern */
	int best = -1, bestc = 0;
	for (int i = 0; i < n; i++) {
		int c = 0;
		for (int j = 0; j < n; j++)
			c += !strcmp(pat[i], pat[j]);
		if (c > bestc) {
			bestc = c;
			best = i;
		}
	}
	if (best < 0 || bestc * 2 <= n)
		return;
	for (int i = 0; i < n; i++) {
		if (!strcmp(pat[i], pat[best]))
			continue;
		const ys_table *t = T(idx[i]);
		ys_ck_finding_line(ck, rule, rule->sev, t, t->line, "表题编号“%s”与其他 %d 张表的“%s”格式不一致", t->numbering,
		                bestc, pat[best]);
	}
}

/* The same code printed with names that differ only in width or brackets
 * (（室） and (室)), or with different names. */
typedef struct variant {
	const char *code;  /* code as printed */
	const char *name;  /* name as printed */
	const ys_table *t;
	int row, col, count;
} variant;

static void add_variant(variant **v, size_t *n, size_t *cap, const ys_table *t, int row, int col, const char *code,
                        size_t codelen, const char *name)
{
	for (size_t i = 0; i < *n; i++)
		if (strlen((*v)[i].code) == codelen && !strncmp((*v)[i].code, code, codelen) && !strcmp((*v)[i].name, name)) {
			(*v)[i].count++;
			return;
		}
	char *c = strndup(code, codelen);
	if (!c || ys_grow((void **)v, cap, *n + 1, sizeof **v)) {
		free(c);
		ys_oom_note(); /* the check fails with YS_ENOMEM */
		return;
	}
	variant *x = &(*v)[(*n)++];
	x->code = c;
	x->name = name;
	x->t = t;
	x->row = row;
	x->col = col;
	x->count = 1;
}

void ys_rule_pres_name_variants(ys_checker *ck, const ys_rule *rule)
{
	static const struct { ys_tid t; int col, namecol; } where[] = {
		{ YS_T03, YS_C03_FUNC, -1 }, { YS_T03, YS_C03_GOV, -1 }, { YS_T03, YS_C03_DEPT, -1 }, { YS_T05, YS_C05_CODE, YS_C05_NAME },
		{ YS_T06, YS_C06_GOV, -1 },  { YS_T06, YS_C06_DEPT, -1 }, { YS_T07, YS_C07_CODE, YS_C07_NAME }, { YS_T08, YS_C07_CODE, YS_C07_NAME },
	};
	variant *v = NULL;
	size_t n = 0, cap = 0;
	for (size_t w = 0; w < sizeof where / sizeof where[0]; w++) {
		const ys_table *t = T(where[w].t);
		if (!t)
			continue;
		for (int r = 0; r < t->nrows; r++) {
			if (t->rows[r].kind != YS_ROW_DATA)
				continue;
			const char *text = t->rows[r].cells[where[w].col].text, *name;
			size_t cl = ys_split_codename(text, &name);
			if (!cl)
				continue;
			if (where[w].namecol >= 0)
				name = t->rows[r].cells[where[w].namecol].text;
			if (!name[0])
				continue;
			add_variant(&v, &n, &cap, t, r, where[w].col, text, cl, name);
		}
	}
	/* for each code with more than one printed name, report every name but
	 * the most common one, at its first place */
	for (size_t i = 0; i < n; i++) {
		int top = 1;
		for (size_t j = 0; j < n; j++)
			if (j != i && !strcmp(v[i].code, v[j].code) &&
			    (v[j].count > v[i].count || (v[j].count == v[i].count && j < i)))
				top = 0;
		if (top)
			continue;
		size_t main = i;
		for (size_t j = 0; j < n; j++)
			if (!strcmp(v[i].code, v[j].code) &&
			    (main == i || v[j].count > v[main].count || (v[j].count == v[main].count && j < main)))
				if (j != i)
					main = j;
		int same = ys_name_eq(v[i].name, v[main].name);
		char tn[128];
		ys_ck_table_name(v[main].t, tn, sizeof tn);
		ys_ck_finding(ck, rule, rule->sev, v[i].t, v[i].row, v[i].col,
		           same ? "科目 %s 的名称“%s”与%s第 %d 行的“%s”写法不一（全角/半角）"
		                : "科目 %s 的名称“%s”与%s第 %d 行的“%s”不同",
		           v[i].code, v[i].name, tn, v[main].t->rows[v[main].row].line, v[main].name);
	}
	for (size_t i = 0; i < n; i++)
		free((char *)v[i].code);
	free(v);
}

void ys_rule_pres_unit(ys_checker *ck, const ys_rule *rule)
{
	char tn[128];
	for (int k = 0; k < YS_NTABLES; k++) {
		const ys_table *t = T(k);
		if (!t || t->unit_line)
			continue;
		int stated = 0;
		for (int h = 0; h < t->nheaders && !stated; h++)
			for (int c = 0; c < t->headers[h].ncells && !stated; c++)
				stated = strstr(t->headers[h].cells[c], "元") != NULL;
		if (!stated)
			ys_ck_finding_line(ck, rule, rule->sev, t, t->line, "%s 没有标明金额单位", ys_ck_table_name(t, tn, sizeof tn));
	}
}

/* ---- performance targets ---- */

/* Character bigrams of the CJK text of s, as 6-byte strings. */
typedef struct bigrams {
	char (*b)[7];
	size_t n, cap;
} bigrams;

static int is_cjk3(const unsigned char *p)
{
	/* U+4E00..U+9FFF encode as E4 B8 80 .. E9 BF BF */
	return p[0] >= 0xE4 && p[0] <= 0xE9 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80;
}

static void add_bigrams(bigrams *g, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s);
	for (size_t i = 0; i + 6 <= len;) {
		if (is_cjk3(p + i) && is_cjk3(p + i + 3)) {
			int dup = 0;
			for (size_t k = 0; k < g->n && !dup; k++)
				dup = !memcmp(g->b[k], p + i, 6);
			if (!dup && !ys_grow((void **)&g->b, &g->cap, g->n + 1, sizeof *g->b)) {
				memcpy(g->b[g->n], p + i, 6);
				g->b[g->n++][6] = '\0';
			}
			i += 3;
		} else {
			/* advance one UTF-8 character */
			i++;
			while (i < len && (p[i] & 0xC0) == 0x80)
				i++;
		}
	}
}

static size_t shared(const bigrams *a, const bigrams *b)
{
	size_t c = 0;
	for (size_t i = 0; i < a->n; i++)
		for (size_t j = 0; j < b->n; j++)
			if (!memcmp(a->b[i], b->b[j], 6)) {
				c++;
				break;
			}
	return c;
}

/* Bigrams of project p's name, goal and indicators, rows [from, to) left out. */
static void project_bigrams(const ys_table *t, int p, int from, int to, bigrams *g)
{
	const char *name;
	char code[40];
	if (ys_split_project(t->rows[p].cells[YS_C12_NAME].text, code, &name))
		add_bigrams(g, name);
	else
		add_bigrams(g, t->rows[p].cells[YS_C12_NAME].text);
	add_bigrams(g, t->rows[p].cells[YS_C12_GOAL].text);
	for (int r = p; r < t->nrows && t->rows[r].project == p; r++)
		if (r < from || r >= to)
			add_bigrams(g, t->rows[r].cells[YS_C12_IND3].text);
}

/*
 * Indicator rows that end up under the wrong project at a page break: a
 * project's last rows reopen a 一级指标 group it had already closed, the
 * next project starts on the next page, and the rows' words belong to the
 * next project rather than their own.
 */
void ys_rule_perf_misplaced(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *t = T(YS_T12);
	if (!t)
		return;
	for (int p = 0; p < t->nrows; p++) {
		if (t->rows[p].kind != YS_ROW_DATA)
			continue;
		int end = p + 1;
		while (end < t->nrows && t->rows[end].project == p)
			end++;
		if (end >= t->nrows || t->rows[end].page == t->rows[end - 1].page)
			continue;
		/* the trailing run of one 一级指标 */
		const char *g = t->rows[end - 1].cells[YS_C12_IND1].text;
		int from = end - 1;
		while (from > p && !strcmp(t->rows[from - 1].cells[YS_C12_IND1].text, g))
			from--;
		int reopened = 0;
		for (int r = p; r < from - 1; r++)
			reopened |= !strcmp(t->rows[r].cells[YS_C12_IND1].text, g);
		if (from == p || !reopened)
			continue;
		bigrams run = { 0 }, own = { 0 }, next = { 0 };
		for (int r = from; r < end; r++)
			add_bigrams(&run, t->rows[r].cells[YS_C12_IND3].text);
		project_bigrams(t, p, from, end, &own);
		project_bigrams(t, end, end, end, &next);
		size_t so = shared(&run, &own), sn = shared(&run, &next);
		if (sn > so && run.n) {
			char code[40];
			const char *own_name, *next_name;
			if (!ys_split_project(t->rows[p].cells[YS_C12_NAME].text, code, &own_name))
				own_name = t->rows[p].cells[YS_C12_NAME].text;
			if (!ys_split_project(t->rows[end].cells[YS_C12_NAME].text, code, &next_name))
				next_name = t->rows[end].cells[YS_C12_NAME].text;
			for (int r = from; r < end; r++)
				ys_ck_finding(ck, rule, rule->sev, t, r, YS_C12_IND3,
				           "指标“%s %s %s”列在项目“%s”下，但按内容应属于分页后的下一项目“%s”（与其文字重合 %zu/%zu，与本项目 %zu/%zu）",
				           t->rows[r].cells[YS_C12_IND3].text, t->rows[r].cells[YS_C12_OP].text,
				           t->rows[r].cells[YS_C12_VALUE].text, own_name, next_name, sn, run.n, so, run.n);
		}
		free(run.b);
		free(own.b);
		free(next.b);
	}
}

/* ---- more completeness ---- */

void ys_rule_comp_year(ys_checker *ck, const ys_rule *rule)
{
	if (!ck->doc->year)
		ys_ck_finding_line(ck, rule, rule->sev, NULL, 0,
		                "没有找到预算年度：表题、表 13 的（YYYY年度）都没有写明年份");
}

void ys_rule_comp_department(ys_checker *ck, const ys_rule *rule)
{
	if (!ck->doc->department || !ck->doc->department[0])
		ys_ck_finding_line(ck, rule, rule->sev, NULL, 0, "没有找到部门（单位）名称：表 13 的单位名称为空或没有表 13");
}

void ys_rule_comp_order(ys_checker *ck, const ys_rule *rule)
{
	for (int i = 1; i < ck->doc->ntables; i++)
		if (ck->doc->order[i] < ck->doc->order[i - 1]) {
			const ys_table *t = T(ck->doc->order[i]);
			ys_ck_finding_line(ck, rule, rule->sev, t, t->line, "%s表 排在 %s表 之后：公开表应按 01–13 的顺序",
			                t->def->code, ys_table_def((ys_tid)ck->doc->order[i - 1])->code);
		}
}

void ys_rule_comp_project_total(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *t = T(YS_T12);
	for (int r = 0; t && r < t->nrows; r++)
		if (t->rows[r].kind == YS_ROW_DATA && t->rows[r].cells[YS_C12_TOTAL].amt.fen <= 0)
			ys_ck_finding(ck, rule, rule->sev, t, r, YS_C12_TOTAL, "公开项目“%s”的项目总额为空或为零",
			           t->rows[r].cells[YS_C12_NAME].text);
}

void ys_rule_comp_indicator_blank(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *t = T(YS_T12);
	static const int need[] = { YS_C12_IND1, YS_C12_IND2, YS_C12_IND3, YS_C12_OP, YS_C12_VALUE };
	for (int r = 0; t && r < t->nrows; r++) {
		const ys_row *row = &t->rows[r];
		int any = 0;
		for (int k = YS_C12_IND1; k <= YS_C12_MUNIT; k++)
			any |= !ys_cell_blank(&row->cells[k]);
		if (!any && row->kind == YS_ROW_DATA)
			continue; /* no indicators at all: detail of the project rule */
		for (size_t k = 0; k < sizeof need / sizeof need[0]; k++)
			if (ys_cell_blank(&row->cells[need[k]])) {
				ys_ck_finding(ck, rule, rule->sev, t, r, need[k], "绩效指标缺少%s", t->def->cols[need[k]].label);
				break;
			}
	}
}

/* ---- composition ---- */

/* 基本建设 (309) is project money: never 基本支出. */
void ys_rule_comp_basic_capital(ys_checker *ck, const ys_rule *rule)
{
	char code[16];
	const ys_table *t = T(YS_T03);
	for (int r = 0; t && r < t->nrows; r++)
		if (t->rows[r].kind == YS_ROW_DATA && !strncmp(ys_ck_code(&t->rows[r].cells[YS_C03_DEPT], code), "309", 3) &&
		    t->rows[r].cells[YS_C03_BASIC].amt.fen != 0)
			ys_ck_finding(ck, rule, rule->sev, t, r, YS_C03_BASIC, "%s 是资本性支出（基本建设），只能是项目支出，不应列基本支出",
			           code);
	t = T(YS_T06);
	for (int r = 0; t && r < t->nrows; r++)
		if (t->rows[r].kind == YS_ROW_DATA && !strncmp(ys_ck_code(&t->rows[r].cells[YS_C06_DEPT], code), "309", 3))
			ys_ck_finding(ck, rule, rule->sev, t, r, YS_C06_DEPT, "基本支出表不应有 309 资本性支出（基本建设）%s", code);
}

/* What each procurement category can be paid from (03's economic codes). */
void ys_rule_comp_procurement_class(ys_checker *ck, const ys_rule *rule)
{
	const ys_table *p = T(YS_T10), *b = T(YS_T03);
	if (!p || !b)
		return;
	static const struct { char cat; const char *prefixes[6]; const char *what; } from[] = {
		{ 'A', { "302", "309", "310", NULL }, "302 商品和服务、309/310 资本性支出" },
		{ 'B', { "309", "31005", "31006", "30213", NULL }, "309 基本建设、31005 基础设施、31006 大型修缮、30213 维修（护）" },
		{ 'C', { "302", "30305", "309", "310", NULL }, "302 商品和服务及资本性支出" },
	};
	char code[16], a[YS_MONEY_FMT_MAX], c[YS_MONEY_FMT_MAX];
	for (int r = 0; r < p->nrows; r++) {
		if (p->rows[r].kind != YS_ROW_DATA)
			continue;
		const char *cat = p->rows[r].cells[YS_C10_CATEGORY].text;
		for (size_t k = 0; k < sizeof from / sizeof from[0]; k++) {
			if (cat[0] != from[k].cat)
				continue;
			int64_t avail = 0;
			int ovf = 0; /* 03's cells sum beyond int64 分: nothing to compare with */
			for (int q = 0; q < b->nrows; q++) {
				if (b->rows[q].kind != YS_ROW_DATA)
					continue;
				ys_ck_code(&b->rows[q].cells[YS_C03_DEPT], code);
				for (int j = 0; from[k].prefixes[j]; j++)
					if (!strncmp(code, from[k].prefixes[j], strlen(from[k].prefixes[j]))) {
						ovf |= ys_money_add(avail, b->rows[q].cells[YS_C03_TOTAL].amt.fen, &avail) != 0;
						break;
					}
			}
			int64_t v = p->rows[r].cells[YS_C10_AMOUNT].amt.fen;
			if (!ovf && v > avail)
				ys_ck_finding(ck, rule, rule->sev, p, r, YS_C10_AMOUNT, "%s %s 超过 03 中可用于该类采购的支出（%s）%s", cat,
				           ys_ck_amount(p, v, a), from[k].what, ys_ck_amount(b, avail, c));
		}
	}
}

/* ---- more presentation ---- */

static int spaced(const char *s)
{
	/* two CJK characters separated by white space: 合 计 */
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	for (size_t i = 0; i + 7 <= n; i++)
		if (p[i] >= 0xE4 && p[i] <= 0xE9 && p[i + 3] == ' ' && p[i + 4] >= 0xE4 && p[i + 4] <= 0xE9)
			return 1;
	return 0;
}

void ys_rule_pres_spaced(ys_checker *ck, const ys_rule *rule)
{
	for (int k = 0; k < YS_NTABLES; k++) {
		const ys_table *t = T(k);
		for (int r = 0; t && r < t->nrows; r++)
			for (int c = 0; c < t->def->ncols; c++) {
				const char *s = t->rows[r].cells[c].text;
				if (t->def->cols[c].kind != YS_CK_AMOUNT && strlen(s) <= 12 && spaced(s) &&
				    t->def->cols[c].kind != YS_CK_TEXT && t->def->cols[c].kind != YS_CK_INDTEXT)
					ys_ck_finding(ck, rule, rule->sev, t, r, c, "标签“%s”中间有空格（排版用的空格，检索和比对时会被当作不同的词）",
					           s);
			}
	}
}

void ys_rule_pres_decimals(ys_checker *ck, const ys_rule *rule)
{
	for (int k = 0; k < YS_NTABLES; k++) {
		const ys_table *t = T(k);
		if (!t)
			continue;
		int seen[11] = { 0 }, first_r = -1, first_c = -1, main_dp = -1, most = 0;
		for (int r = 0; r < t->nrows; r++)
			for (int c = 0; c < t->def->ncols; c++) {
				const ys_amount *a = &t->rows[r].cells[c].amt;
				if (t->def->cols[c].kind == YS_CK_AMOUNT && a->present && a->dp <= 10)
					seen[a->dp]++;
			}
		for (int d = 0; d <= 10; d++)
			if (seen[d] > most) {
				most = seen[d];
				main_dp = d;
			}
		for (int r = 0; r < t->nrows && first_r < 0; r++)
			for (int c = 0; c < t->def->ncols && first_r < 0; c++) {
				const ys_amount *a = &t->rows[r].cells[c].amt;
				if (t->def->cols[c].kind == YS_CK_AMOUNT && a->present && a->dp != main_dp) {
					first_r = r;
					first_c = c;
				}
			}
		if (first_r >= 0)
			ys_ck_finding(ck, rule, rule->sev, t, first_r, first_c, "金额“%s”有 %d 位小数，本表其他 %d 个金额为 %d 位",
			           t->rows[first_r].cells[first_c].text, t->rows[first_r].cells[first_c].amt.dp, most, main_dp);
	}
}

void ys_rule_pres_title_number(ys_checker *ck, const ys_rule *rule)
{
	for (int i = 0; i < ck->doc->ntables; i++) {
		const ys_table *t = T(ck->doc->order[i]);
		if (t->number && t->number != (int)t->def->id + 1 && t->numbering[0])
			ys_ck_finding_line(ck, rule, rule->sev, t, t->line, "表题编号“%s”是第 %d 表，而“%s”是本套公开表的第 %s 表",
			                t->numbering, t->number, t->def->title, t->def->code);
	}
}

void ys_rule_pres_title(ys_checker *ck, const ys_rule *rule)
{
	for (int i = 0; i < ck->doc->ntables; i++) {
		const ys_table *t = T(ck->doc->order[i]);
		if (!t->kind && !ys_title_known(t->def, t->title))
			ys_ck_finding_line(ck, rule, rule->sev, t, t->line, "表题“%s”不是本表的标准名称，按编号“%s”读作 %s表 %s",
			                t->title, t->numbering, t->def->code, t->def->title);
	}
}

void ys_rule_pres_ordinals(ys_checker *ck, const ys_rule *rule)
{
	static const ys_tid tabs[] = { YS_T01, YS_T04 };
	for (int i = 0; i < 2; i++) {
		const ys_table *t = T(tabs[i]);
		for (int r = 0; t && r < t->nrows; r++)
			for (int p = 0; p < 2; p++) {
				int f = t->rows[r].fixed[p];
				if (f < 0 || !t->def->fixed[f].ordinal)
					continue;
				const char *lab = t->rows[r].cells[p ? YS_C01_OUT_LABEL : YS_C01_IN_LABEL].text;
				const char *ord = t->def->fixed[f].ordinal;
				const char *dun = strstr(lab, "、");
				if (dun && ((size_t)(dun - lab) != strlen(ord) || strncmp(lab, ord, strlen(ord))))
					ys_ck_finding(ck, rule, rule->sev, t, r, p ? YS_C01_OUT_LABEL : YS_C01_IN_LABEL,
					           "序号“%.*s”与该行在表中的位置（%s）不符", (int)(dun - lab), lab, ord);
			}
	}
}

void ys_rule_pres_zero_printed(ys_checker *ck, const ys_rule *rule)
{
	for (int k = 0; k < YS_NTABLES; k++) {
		const ys_table *t = T(k);
		if (!t || (t->def->flags & YS_TF_FORM))
			continue; /* table 13 prints its zeros (0.00) */
		int blanks = 0, zero_r = -1, zero_c = -1;
		for (int r = 0; r < t->nrows; r++)
			for (int c = 0; c < t->def->ncols; c++) {
				const ys_cell *cell = &t->rows[r].cells[c];
				if (t->def->cols[c].kind != YS_CK_AMOUNT)
					continue;
				if (!cell->amt.present)
					blanks++;
				else if (cell->amt.fen == 0 && zero_r < 0) {
					zero_r = r;
					zero_c = c;
				}
			}
		if (blanks && zero_r >= 0)
			ys_ck_finding(ck, rule, rule->sev, t, zero_r, zero_c, "零印作“%s”，本表其他 %d 个零为空白",
			           t->rows[zero_r].cells[zero_c].text, blanks);
	}
}

void ys_rule_pres_units_mixed(ys_checker *ck, const ys_rule *rule)
{
	int first = -1;
	for (int i = 0; i < ck->doc->ntables; i++) {
		const ys_table *t = T(ck->doc->order[i]);
		if (!t->unit_line)
			continue;
		if (first < 0)
			first = (int)t->unit;
		else if ((int)t->unit != first)
			ys_ck_finding_line(ck, rule, rule->sev, t, t->unit_line, "本表金额单位为%s，前面的表为%s", ys_unit_name(t->unit),
			                ys_unit_name((ys_unit)first));
	}
}

void ys_rule_pres_fullwidth_digits(ys_checker *ck, const ys_rule *rule)
{
	for (int k = 0; k < YS_NTABLES; k++) {
		const ys_table *t = T(k);
		for (int r = 0; t && r < t->nrows; r++)
			for (int c = 0; c < t->def->ncols; c++)
				if (t->def->cols[c].kind == YS_CK_AMOUNT && ys_has_fullwidth(t->rows[r].cells[c].text)) {
					ys_ck_finding(ck, rule, rule->sev, t, r, c, "金额“%s”用了全角字符", t->rows[r].cells[c].text);
					return;
				}
	}
}
