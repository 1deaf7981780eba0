/*
 * rules_general.c - the rules that apply to tables read by the general
 * reader, whatever their layout: what their codes, their header words and
 * their labels say, not where a province prints them.
 *
 *   gen.hierarchy  a 类 (款) row equals the sum of its 款 (项) rows
 *   gen.total      the 合计 row equals the sum of the top-level code rows
 *   gen.columns    合计 = 基本支出 + 项目支出 (+ 预留机动经费, 结转),
 *                  合计 = 人员经费 + 公用经费, 合计 = its sources
 *   gen.balance    收入总计 = 支出总计 (收入合计 = 支出合计)
 *   gen.empty      a table whose note says it is empty holds amounts
 *   gen.cell       text where a table prints amounts
 *   gen.unread     a title that looked like a table's was not read
 *
 * The amounts were printed rounded (0.01 万元, 1 元): the identity engine
 * allows half a printed unit per rounded figure and reports a difference
 * within it as a notice.
 */
#include <stdio.h>
#include <string.h>

#include "check_int.h"

/* The code column of block b (tables may print blocks side by side:
 * 人员经费 | 公用经费), or -1; *lo, *hi: the columns of the block. */
static int code_col(const ys_table *t, int b, int *lo, int *hi)
{
	int k = 0;
	for (int c = 0; c < t->def->ncols; c++)
		if (t->def->cols[c].kind == YS_CK_CODE && k++ == b) {
			*lo = c;
			*hi = t->def->ncols;
			for (int d = c + 1; d < t->def->ncols; d++)
				if (t->def->cols[d].kind == YS_CK_CODE) {
					*hi = d;
					break;
				}
			return c;
		}
	return -1;
}

/* The digits of a row's code ("201 05 07" was joined already), or "". */
static const char *row_code(const ys_table *t, int r, int cc, char *buf)
{
	buf[0] = 0;
	if (cc < 0)
		return buf;
	const char *s = t->rows[r].cells[cc].text;
	size_t n = 0;
	while (s[n] >= '0' && s[n] <= '9' && n < 15)
		n++;
	if (s[n] && !(s[n] == ' '))
		return buf; /* not a clean code */
	memcpy(buf, s, n);
	buf[n] = 0;
	return buf;
}

static int is_amount(const ys_table *t, int c)
{
	return t->def->cols[c].kind == YS_CK_AMOUNT;
}

static int id_is(const ys_table *t, int c, const char *role)
{
	return !strncmp(t->def->cols[c].id, role, strlen(role));
}

/* Does any of the cells hold an amount? */
static int any_present(const ys_table *t, const int *rows, int n, int col)
{
	for (int i = 0; i < n; i++)
		if (t->rows[rows[i]].cells[col].amt.present)
			return 1;
	return 0;
}

/* ---- gen.hierarchy, gen.total ---- */

enum { MAXKIDS = 512 };

void rule_gen_hierarchy(ys_checker *ck, const ys_rule *rule)
{
	for (int i = 0; i < ck->doc->nothers; i++)
		for (int b = 0, lo, hi, cc; (cc = code_col(ck->doc->others[i], b, &lo, &hi)) >= 0; b++) {
		const ys_table *t = ck->doc->others[i];
		char code[16], other[16];
		for (int p = 0; p < t->nrows; p++) {
			row_code(t, p, cc, code);
			size_t pl = strlen(code);
			if (pl != 3 && pl != 5)
				continue;
			/* a code printed twice (two units' blocks) has no single parent row */
			int dup = 0;
			for (int q = 0; q < t->nrows && !dup; q++)
				dup = q != p && !strcmp(row_code(t, q, cc, other), code);
			if (dup)
				continue;
			/* its children: the rows under it of the next level printed */
			size_t next = 0;
			for (int q = 0; q < t->nrows; q++) {
				size_t ql = strlen(row_code(t, q, cc, other));
				if (ql > pl && !strncmp(other, code, pl) && (!next || ql < next))
					next = ql;
			}
			if (!next)
				continue;
			int kids[MAXKIDS], nk = 0;
			for (int q = 0; q < t->nrows && nk < MAXKIDS; q++)
				if (strlen(row_code(t, q, cc, other)) == next && !strncmp(other, code, pl))
					kids[nk++] = q;
			for (int c = lo; c < hi; c++) {
				if (!is_amount(t, c) || (!t->rows[p].cells[c].amt.present && !any_present(t, kids, nk, c)))
					continue;
				ident *id = ck_ident(ck, rule, OP_EQ,
				                     ys_arena_printf(&ck->rep->arena, "%s %s = 其下级科目之和", code,
				                                     t->def->cols[c].label));
				if (!id)
					return;
				ck_term(ck, id, t, p, c, 1);
				ck_primary(id);
				for (int k = 0; k < nk; k++)
					ck_term(ck, id, t, kids[k], c, -1);
			}
		}
	}
}

void rule_gen_total(ys_checker *ck, const ys_rule *rule)
{
	for (int i = 0; i < ck->doc->nothers; i++) {
		const ys_table *t = ck->doc->others[i];
		int lo, hi, cc = code_col(t, 0, &lo, &hi), tot = -1, lo2, hi2;
		if (cc >= 0 && code_col(t, 1, &lo2, &hi2) >= 0)
			continue; /* blocks side by side: no one 合计 row for them */
		for (int r = 0; r < t->nrows; r++)
			if (t->rows[r].kind == YS_ROW_TOTAL && tot < 0)
				tot = r;
		if (cc < 0 || tot < 0)
			continue;
		char code[16];
		size_t top = 0;
		for (int r = 0; r < t->nrows; r++) {
			size_t l = strlen(row_code(t, r, cc, code));
			if (l >= 3 && (!top || l < top))
				top = l;
		}
		if (!top)
			continue;
		int rows[MAXKIDS], n = 0;
		for (int r = 0; r < t->nrows && n < MAXKIDS; r++)
			if (strlen(row_code(t, r, cc, code)) == top)
				rows[n++] = r;
		for (int c = 0; c < t->def->ncols; c++) {
			if (!is_amount(t, c) || (!t->rows[tot].cells[c].amt.present && !any_present(t, rows, n, c)))
				continue;
			ident *id = ck_ident(ck, rule, OP_EQ,
			                     ys_arena_printf(&ck->rep->arena, "合计 %s = 各类（最高一级科目）之和",
			                                     t->def->cols[c].label));
			if (!id)
				return;
			ck_term(ck, id, t, tot, c, 1);
			ck_primary(id);
			for (int k = 0; k < n; k++)
				ck_term(ck, id, t, rows[k], c, -1);
		}
	}
}

/* ---- gen.columns ---- */

static int col_role(const ys_table *t, const char *role)
{
	for (int c = 0; c < t->def->ncols; c++)
		if (is_amount(t, c) && id_is(t, c, role))
			return c;
	return -1;
}

static void row_identity(ys_checker *ck, const ys_rule *rule, const ys_table *t, int lhs, const int *rhs, int n,
                         const char *what)
{
	for (int r = 0; r < t->nrows; r++) {
		int any = t->rows[r].cells[lhs].amt.present;
		for (int k = 0; k < n && !any; k++)
			any = t->rows[r].cells[rhs[k]].amt.present;
		if (!any)
			continue;
		ident *id = ck_ident(ck, rule, OP_EQ, what);
		if (!id)
			return;
		ck_term(ck, id, t, r, lhs, 1);
		ck_primary(id);
		for (int k = 0; k < n; k++)
			ck_term(ck, id, t, r, rhs[k], -1);
	}
}

void rule_gen_columns(ys_checker *ck, const ys_rule *rule)
{
	for (int i = 0; i < ck->doc->nothers; i++) {
		const ys_table *t = ck->doc->others[i];
		int total = col_role(t, "total");
		/* side by side blocks of labels and figures (收支总表) and the 三公
		 * table's groups are not one row of parts */
		if (total < 0 || !t->kind || !strcmp(t->kind, "summary") || !strcmp(t->kind, "fiscal_summary") ||
		    !strcmp(t->kind, "sangong"))
			continue;
		int basic = col_role(t, "basic"), project = col_role(t, "project");
		int pers = col_role(t, "personnel"), pub = col_role(t, "public");
		int rhs[8], n = 0;
		if (basic >= 0 && project >= 0) {
			/* spending: 合计 = 基本 + 项目 (+ 预留机动经费 + 结转下年) */
			rhs[n++] = basic;
			rhs[n++] = project;
			for (int c = 0; c < t->def->ncols && n < 8; c++)
				if (is_amount(t, c) && (id_is(t, c, "reserve") || id_is(t, c, "carry")))
					rhs[n++] = c;
			row_identity(ck, rule, t, total, rhs, n,
			             n > 2 ? "合计 = 基本支出 + 项目支出 + 其他用途" : "合计 = 基本支出 + 项目支出");
			if (pers >= 0 && pub >= 0) {
				int b2[2] = { pers, pub };
				row_identity(ck, rule, t, basic, b2, 2, "基本支出 = 人员经费 + 公用经费");
			}
		} else if (pers >= 0 && pub >= 0) {
			int b2[2] = { pers, pub };
			row_identity(ck, rule, t, total, b2, 2, "合计 = 人员经费 + 公用经费");
		} else if (t->kind && !strcmp(t->kind, "income")) {
			/* income by source: 合计 = the sources printed after it */
			for (int c = total + 1; c < t->def->ncols && n < 8; c++)
				if (is_amount(t, c) && !id_is(t, c, "total") && !id_is(t, c, "part") &&
				    !strstr(t->def->cols[c].label, "其中"))
					rhs[n++] = c;
			if (n >= 2)
				row_identity(ck, rule, t, total, rhs, n, "合计 = 各项收入之和");
		}
	}
}

/* ---- gen.balance ---- */

/* The amount printed right of a label cell whose text holds one of the
 * words; returns 1 with its cell. */
static int labelled_amount(const ys_table *t, const char *const *words, int *row, int *col)
{
	for (int r = 0; r < t->nrows; r++)
		for (int c = 0; c < t->def->ncols; c++) {
			if (!t->rows[r].cells[c].text[0] || t->rows[r].cells[c].amt.present)
				continue;
			ys_buf k = YS_BUF_INIT;
			ys_label_key(&k, t->rows[r].cells[c].text, strlen(t->rows[r].cells[c].text));
			int hit = 0;
			for (int w = 0; words[w] && !hit; w++)
				hit = !strcmp(k.s, words[w]);
			ys_buf_release(&k);
			if (!hit)
				continue;
			for (int a = c + 1; a < t->def->ncols; a++) {
				if (t->rows[r].cells[a].amt.present) {
					*row = r;
					*col = a;
					return 1;
				}
				if (!is_amount(t, a) && t->rows[r].cells[a].text[0])
					break;
			}
		}
	return 0;
}

void rule_gen_balance(ys_checker *ck, const ys_rule *rule)
{
	static const char *const in_all[] = { "收入总计", NULL }, *const out_all[] = { "支出总计", NULL };
	static const char *const in_sum[] = { "收入合计", "收入预算合计", NULL },
			 *const out_sum[] = { "支出合计", "支出预算合计", NULL };
	for (int i = 0; i < ck->doc->nothers; i++) {
		const ys_table *t = ck->doc->others[i];
		if (!t->kind || (strcmp(t->kind, "summary") && strcmp(t->kind, "fiscal_summary")))
			continue;
		int r1, c1, r2, c2;
		for (int pass = 0; pass < 2; pass++) {
			const char *const *a = pass ? in_sum : in_all, *const *b = pass ? out_sum : out_all;
			if (!labelled_amount(t, a, &r1, &c1) || !labelled_amount(t, b, &r2, &c2))
				continue;
			ident *id = ck_ident(ck, rule, OP_EQ, pass ? "收入合计 = 支出合计" : "收入总计 = 支出总计");
			if (!id)
				return;
			ck_term(ck, id, t, r2, c2, 1);
			ck_primary(id);
			ck_term(ck, id, t, r1, c1, -1);
		}
	}
}

/* ---- gen.empty, gen.cell, gen.unread ---- */

void rule_gen_empty(ys_checker *ck, const ys_rule *rule)
{
	char a[YS_MONEY_FMT_MAX];
	for (int i = 0; i < ck->doc->nothers; i++) {
		const ys_table *t = ck->doc->others[i];
		if (!t->note)
			continue;
		for (int r = 0; r < t->nrows; r++)
			for (int c = 0; c < t->def->ncols; c++)
				if (is_amount(t, c) && t->rows[r].cells[c].amt.present && t->rows[r].cells[c].amt.fen) {
					ck_finding(ck, rule, rule->sev, t, r, c, "表中注明“%s”，但 %s 列有金额 %s", t->note,
					           t->def->cols[c].label, ck_amount(t, t->rows[r].cells[c].amt.fen, a));
					goto next;
				}
	next:;
	}
}

void rule_gen_cell(ys_checker *ck, const ys_rule *rule)
{
	for (int i = 0; i < ck->doc->nothers; i++) {
		const ys_table *t = ck->doc->others[i];
		for (int r = 0; r < t->nrows; r++)
			for (int c = 0; c < t->def->ncols; c++) {
				const ys_cell *cell = &t->rows[r].cells[c];
				if (is_amount(t, c) && cell->text[0] && !cell->amt.present && strcmp(cell->text, "-") &&
				    strcmp(cell->text, "—") && strcmp(cell->text, "－") && strcmp(cell->text, "--"))
					ck_finding(ck, rule, rule->sev, t, r, c, "金额列“%s”中是文字“%s”，未参与核对",
					           t->def->cols[c].label, cell->text);
			}
	}
}

void rule_gen_unread(ys_checker *ck, const ys_rule *rule)
{
	for (int i = 0; i < ck->doc->nunread; i++) {
		ys_finding *f = ck_finding_line(ck, rule, rule->sev, NULL, ck->doc->unread[i].line, "表“%s”未能读取：%s",
		                                ck->doc->unread[i].title, ck->doc->unread[i].why);
		if (f)
			f->page = ck->doc->unread[i].page;
	}
}
