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
#include "layouts_int.h"

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

/* A general table's amount column id is its groups, outer first, then
 * its role and number: "fiscal-3/gp4" is the 一般公共预算 under the 财政拨款
 * header that starts at column 3 (read/general.c).  Its role: */
static const char *leaf(const ys_table *t, int c)
{
	const char *id = t->def->cols[c].id, *slash = strrchr(id, '/');
	return slash ? slash + 1 : id;
}

/* Is column c's own role `role` (its id's last part, without the number)? */
static int id_is(const ys_table *t, int c, const char *role)
{
	const char *l = leaf(t, c);
	size_t n = strlen(role);
	if (strncmp(l, role, n))
		return 0;
	for (l += n; *l; l++)
		if (*l < '0' || *l > '9')
			return 0;
	return 1;
}

/* The groups over column c: the length of its id's path ("fiscal-3/"). */
static size_t path_len(const ys_table *t, int c)
{
	const char *id = t->def->cols[c].id, *slash = strrchr(id, '/');
	return slash ? (size_t)(slash - id + 1) : 0;
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

void ys_rule_gen_hierarchy(ys_checker *ck, const ys_rule *rule)
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
				ident *id = ys_ck_ident(ck, rule, OP_EQ,
				                     ys_arena_printf(&ck->rep->arena, "%s %s = 其下级科目之和", code,
				                                     t->def->cols[c].label));
				if (!id)
					return;
				ys_ck_term(ck, id, t, p, c, 1);
				ys_ck_primary(id);
				for (int k = 0; k < nk; k++)
					ys_ck_term(ck, id, t, kids[k], c, -1);
			}
		}
	}
}

void ys_rule_gen_total(ys_checker *ck, const ys_rule *rule)
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
		/* the highest level printed: each code no other printed code
		 * begins (a 类; a 款 printed without its 类, 21298 beside 201 …) */
		char code[16], other[16], first[10] = { 0 };
		size_t shortest = 0;
		for (int r = 0; r < t->nrows; r++) {
			size_t l = strlen(row_code(t, r, cc, code));
			if (l >= 3 && (!shortest || l < shortest)) {
				shortest = l;
				memset(first, 0, sizeof first);
			}
			if (l >= 3 && l == shortest)
				first[code[0] - '0'] = 1;
		}
		int rows[MAXKIDS], n = 0, dup = 0;
		for (int r = 0; r < t->nrows && n < MAXKIDS; r++) {
			size_t l = strlen(row_code(t, r, cc, code));
			/* of the classification the 类 are of (2… 功能, 3… 经济): not a
			 * code misprinted (7 | 11 | 02 for 210 | 11 | 02) */
			if (l < 3 || !first[code[0] - '0'])
				continue;
			int under = 0;
			for (int q = 0; q < t->nrows && !under; q++) {
				size_t ql = strlen(row_code(t, q, cc, other));
				under = ql >= 3 && ql < l && !strncmp(code, other, ql);
			}
			if (under)
				continue;
			/* a code on several rows (a list by project, not by code) */
			for (int k = 0; k < n && !dup; k++)
				dup = !strcmp(row_code(t, rows[k], cc, other), code);
			rows[n++] = r;
		}
		if (!n || dup)
			continue;
		for (int c = 0; c < t->def->ncols; c++) {
			/* a 合计 printed blank claims no sum (规格型号, 数量 beside the amounts) */
			if (!is_amount(t, c) || !t->rows[tot].cells[c].amt.present)
				continue;
			ident *id = ys_ck_ident(ck, rule, OP_EQ,
			                     ys_arena_printf(&ck->rep->arena, "合计 %s = 各类（最高一级科目）之和",
			                                     t->def->cols[c].label));
			if (!id)
				return;
			ys_ck_term(ck, id, t, tot, c, 1);
			ys_ck_primary(id);
			for (int k = 0; k < n; k++)
				ys_ck_term(ck, id, t, rows[k], c, -1);
		}
	}
}

/* ---- gen.columns ---- */

/* The first amount column of role `role`: one of its own outside any
 * group, else the 小计 of a group of that role (基本支出 over 小计 | 人员经费
 * | 公用经费). */
static int col_role(const ys_table *t, const char *role)
{
	for (int c = 0; c < t->def->ncols; c++)
		if (is_amount(t, c) && !path_len(t, c) && id_is(t, c, role))
			return c;
	size_t rl = strlen(role);
	for (int c = 0; c < t->def->ncols; c++) {
		if (!is_amount(t, c) || !path_len(t, c) || !id_is(t, c, "total"))
			continue;
		/* the innermost group's role */
		const char *id = t->def->cols[c].id, *end = strrchr(id, '/'), *g = end;
		while (g > id && g[-1] != '/')
			g--;
		if ((size_t)(end - g) > rl && !strncmp(g, role, rl) && g[rl] == '-')
			return c;
	}
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
		ident *id = ys_ck_ident(ck, rule, OP_EQ, what);
		if (!id)
			return;
		ys_ck_term(ck, id, t, r, lhs, 1);
		ys_ck_primary(id);
		for (int k = 0; k < n; k++)
			ys_ck_term(ck, id, t, r, rhs[k], -1);
	}
}

enum { MAXITEMS = 48 };

/* One column beside others under a header: its role and the column that
 * holds its figures. */
typedef struct item {
	char role[32];
	int col;
	int memo; /* printed under 其中 */
} item;

static void role_copy(char *dst, const char *s, size_t n)
{
	if (n >= 32)
		n = 31;
	memcpy(dst, s, n);
	dst[n] = 0;
	/* a leaf's number, a group's "-N" */
	while (n && ((dst[n - 1] >= '0' && dst[n - 1] <= '9') || dst[n - 1] == '-'))
		dst[--n] = 0;
}

/* Does any row print an amount in column c? */
static int column_printed(const ys_table *t, int c)
{
	for (int r = 0; r < t->nrows; r++)
		if (t->rows[r].cells[c].amt.present)
			return 1;
	return 0;
}

/* The leaf label of column c (its printed header without the groups'). */
static const char *leaf_label(const ys_table *t, int c)
{
	const char *l = t->def->cols[c].label, *dot;
	while ((dot = strstr(l, "·")) != NULL)
		l = dot + strlen("·");
	return l;
}

/* The columns right under the header whose id path is path[0..plen):
 * its own (a column of its own, or a group by its 小计, or, a group without
 * one, the group's own) in order; *total its 合计/小计 column or -1;
 * *totals how many such. */
static int items_under(const ys_table *t, const char *path, size_t plen, item *it, int max, int *total, int *totals)
{
	int n = 0;
	*total = -1;
	*totals = 0;
	const char *seen[MAXITEMS];
	size_t seenl[MAXITEMS];
	int nseen = 0;
	for (int c = 0; c < t->def->ncols && n < max; c++) {
		if (!is_amount(t, c))
			continue;
		const char *id = t->def->cols[c].id;
		size_t pl = path_len(t, c);
		if (pl < plen || strncmp(id, path, plen))
			continue;
		if (pl == plen) {
			if (id_is(t, c, "total")) {
				(*totals)++;
				if (*total < 0) {
					*total = c;
					continue;
				}
			}
			const char *l = leaf(t, c);
			role_copy(it[n].role, l, strlen(l));
			it[n].col = c;
			it[n].memo = !strncmp(leaf_label(t, c), "其中", strlen("其中"));
			n++;
			continue;
		}
		/* a group under this header: once, where its first column is */
		const char *g = id + plen, *gend = strchr(g, '/');
		size_t gl = (size_t)(gend - g);
		int dup = 0;
		for (int k = 0; k < nseen && !dup; k++)
			dup = seenl[k] == gl && !strncmp(seen[k], g, gl);
		if (dup || nseen == MAXITEMS)
			continue;
		seen[nseen] = g;
		seenl[nseen++] = gl;
		int gt, gts;
		item sub[MAXITEMS];
		int ns = items_under(t, id, plen + gl + 1, sub, MAXITEMS, &gt, &gts);
		if (gt >= 0) {
			role_copy(it[n].role, g, gl);
			it[n].col = gt;
			it[n].memo = 0;
			n++;
		} else {
			for (int k = 0; k < ns && n < max; k++)
				it[n++] = sub[k];
		}
	}
	return n;
}

static int in_parts(const ys_lsum *s, const char *role)
{
	for (int k = 0; k < s->nparts; k++)
		if (!strcmp(s->parts[k], role))
			return 1;
	return 0;
}

/* The identities of the columns right under one header (the table's
 * own row of headers: path ""), then of the groups under it. */
static void columns_under(ys_checker *ck, const ys_rule *rule, const ys_table *t, const char *path, size_t plen,
                          const char *grole)
{
	const ys_layouts *lay = ys_layouts_builtin(NULL);
	item it[MAXITEMS];
	int total, totals;
	int n = items_under(t, path, plen, it, MAXITEMS, &total, &totals);
	if (!lay || total < 0 || totals > 1)
		goto groups; /* no 合计 here, or several (side by side) */
	/* drop columns that say nothing: 其中/政府采购 beside the parts, and
	 * columns printed blank in every row */
	int m = 0;
	for (int k = 0; k < n; k++)
		if (strcmp(it[k].role, "memo") && column_printed(t, it[k].col))
			it[m++] = it[k];
	n = m;
	/* a part printed beside its own parts (财政拨款 | 一般公共预算 | 政府性基金):
	 * it is their sum, and they are inside it */
	int inside[MAXITEMS] = { 0 };
	for (int k = 0; k < n; k++)
		for (int s = 0; s < lay->nsums; s++) {
			const ys_lsum *sm = &lay->sums[s];
			if (strcmp(sm->lhs, it[k].role) || !strcmp(sm->lhs, "total"))
				continue;
			int e = k + 1;
			while (e < n && in_parts(sm, it[e].role))
				e++;
			if (e - k - 1 < 2)
				continue;
			int rhs[MAXITEMS], nr = 0;
			for (int q = k + 1; q < e; q++) {
				rhs[nr++] = it[q].col;
				inside[q] = 1;
			}
			ys_buf w = YS_BUF_INIT;
			ys_buf_addf(&w, "%s =", leaf_label(t, it[k].col));
			for (int q = 0; q < nr; q++)
				ys_buf_addf(&w, "%s %s", q ? " +" : "", leaf_label(t, rhs[q]));
			const char *what = ys_arena_strndup(&ck->rep->arena, w.s ? w.s : "", w.len);
			ys_buf_release(&w);
			if (what)
				row_identity(ck, rule, t, it[k].col, rhs, nr, what);
			break;
		}
	/* the 合计: a sum statement whose parts hold every column beside it
	 * (a part under 其中 that none holds is not one of them) */
	for (int s = 0; s < lay->nsums; s++) {
		const ys_lsum *sm = &lay->sums[s];
		if (strcmp(sm->lhs, "total") && !(grole && !strcmp(sm->lhs, grole)))
			continue;
		int rhs[MAXITEMS], nr = 0, fits = 1;
		const char *rr[MAXITEMS];
		for (int k = 0; k < n && fits; k++) {
			if (inside[k])
				continue;
			if (in_parts(sm, it[k].role)) {
				rr[nr] = it[k].role;
				rhs[nr++] = it[k].col;
			} else if (!it[k].memo) {
				fits = 0;
			}
		}
		/* a part printed right before one of its own parts (财政拨款 |
		 * 一般公共预算): the second may be inside the first, counted twice */
		for (int a = 0; a + 1 < nr && fits; a++)
			for (int q = 0; q < lay->nsums && fits; q++) {
				const ys_lsum *sub = &lay->sums[q];
				if (!strcmp(sub->lhs, rr[a]) && in_parts(sub, rr[a + 1]))
					fits = 0;
			}
		if (!fits || nr < 2)
			continue;
		ys_buf w = YS_BUF_INIT;
		ys_buf_addf(&w, "%s =", leaf_label(t, total));
		for (int k = 0; k < nr; k++)
			ys_buf_addf(&w, "%s %s", k ? " +" : "", leaf_label(t, rhs[k]));
		const char *what = ys_arena_strndup(&ck->rep->arena, w.s ? w.s : "", w.len);
		ys_buf_release(&w);
		if (what)
			row_identity(ck, rule, t, total, rhs, nr, what);
		break;
	}
groups:
	/* the groups right under this header */
	for (int c = 0; c < t->def->ncols; c++) {
		if (!is_amount(t, c) || path_len(t, c) <= plen || strncmp(t->def->cols[c].id, path, plen))
			continue;
		const char *g = t->def->cols[c].id + plen, *gend = strchr(g, '/');
		/* once per group: at its first column */
		int first = 1;
		for (int d = 0; d < c && first; d++)
			first = !(is_amount(t, d) && path_len(t, d) > plen &&
			          !strncmp(t->def->cols[d].id, t->def->cols[c].id, (size_t)(gend - t->def->cols[c].id) + 1));
		if (!first)
			continue;
		char role[32];
		role_copy(role, g, (size_t)(gend - g));
		columns_under(ck, rule, t, t->def->cols[c].id, (size_t)(gend - t->def->cols[c].id) + 1, role);
	}
}

void ys_rule_gen_columns(ys_checker *ck, const ys_rule *rule)
{
	for (int i = 0; i < ck->doc->nothers; i++) {
		const ys_table *t = ck->doc->others[i];
		/* side by side blocks of labels and figures (收支总表) and the 三公
		 * table's groups are not one row of parts */
		if (!t->kind || !strcmp(t->kind, "summary") || !strcmp(t->kind, "fiscal_summary") ||
		    !strcmp(t->kind, "sangong"))
			continue;
		columns_under(ck, rule, t, "", 0, NULL);
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

void ys_rule_gen_balance(ys_checker *ck, const ys_rule *rule)
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
			ident *id = ys_ck_ident(ck, rule, OP_EQ, pass ? "收入合计 = 支出合计" : "收入总计 = 支出总计");
			if (!id)
				return;
			ys_ck_term(ck, id, t, r2, c2, 1);
			ys_ck_primary(id);
			ys_ck_term(ck, id, t, r1, c1, -1);
		}
	}
}

/* ---- gen.empty, gen.cell, gen.unread ---- */

void ys_rule_gen_empty(ys_checker *ck, const ys_rule *rule)
{
	char a[YS_MONEY_FMT_MAX];
	for (int i = 0; i < ck->doc->nothers; i++) {
		const ys_table *t = ck->doc->others[i];
		if (!t->note)
			continue;
		for (int r = 0; r < t->nrows; r++)
			for (int c = 0; c < t->def->ncols; c++)
				if (is_amount(t, c) && t->rows[r].cells[c].amt.present && t->rows[r].cells[c].amt.fen) {
					ys_ck_finding(ck, rule, rule->sev, t, r, c, "表中注明“%s”，但 %s 列有金额 %s", t->note,
					           t->def->cols[c].label, ys_ck_amount(t, t->rows[r].cells[c].amt.fen, a));
					goto next;
				}
	next:;
	}
}

void ys_rule_gen_cell(ys_checker *ck, const ys_rule *rule)
{
	for (int i = 0; i < ck->doc->nothers; i++) {
		const ys_table *t = ck->doc->others[i];
		for (int r = 0; r < t->nrows; r++)
			for (int c = 0; c < t->def->ncols; c++) {
				const ys_cell *cell = &t->rows[r].cells[c];
				if (is_amount(t, c) && cell->text[0] && !cell->amt.present && strcmp(cell->text, "-") &&
				    strcmp(cell->text, "—") && strcmp(cell->text, "－") && strcmp(cell->text, "--"))
					ys_ck_finding(ck, rule, rule->sev, t, r, c, "金额列“%s”中是文字“%s”，未参与核对",
					           t->def->cols[c].label, cell->text);
			}
	}
}

void ys_rule_gen_unread(ys_checker *ck, const ys_rule *rule)
{
	for (int i = 0; i < ck->doc->nunread; i++) {
		ys_finding *f = ys_ck_finding_line(ck, rule, rule->sev, NULL, ck->doc->unread[i].line, "表“%s”未能读取：%s",
		                                ck->doc->unread[i].title, ck->doc->unread[i].why);
		if (f)
			f->page = ck->doc->unread[i].page;
	}
}

/* ---- gen.department ---- */

/* The department named before "2024年度部门预算/决算" in a heading line,
 * into buf; "" when the line names none. */
static const char *heading_department(const char *s, char *buf, size_t cap)
{
	buf[0] = 0;
	static const char *const marks[] = { "年度部门决算", "年度部门预算", "年部门决算", "年部门预算", NULL };
	/* headings only: short, without a sentence's punctuation */
	if (ys_utf8_count(s, strlen(s)) > 40 || strstr(s, "，") || strstr(s, "。") || strstr(s, "、") || strstr(s, "（"))
		return buf;
	for (int m = 0; marks[m]; m++) {
		const char *p = strstr(s, marks[m]);
		if (!p || p - s < 4)
			continue;
		const char *y = p - 4; /* the year's four digits */
		if (!(y[0] == '2' && y[1] == '0' && y[2] >= '0' && y[2] <= '9' && y[3] >= '0' && y[3] <= '9'))
			continue;
		const char *a = s;
		const char *part = strstr(s, "部分");
		if (part && part < y)
			a = part + strlen("部分");
		if (!strncmp(a, "纳入", 6))
			a += 6;
		size_t n = (size_t)(y - a);
		if (n < 12 || n >= cap) /* four characters at least */
			return buf;
		/* the heading ends there (…部门决算表, …部门预算编制说明): not a sentence
		 * that mentions a budget (财政厅关于编制省级2017年部门预算的通知) */
		const char *rest = p + strlen(marks[m]);
		if (ys_utf8_count(rest, strlen(rest)) > 5 || strstr(s, "关于"))
			return buf;
		memcpy(buf, a, n);
		buf[n] = 0;
		return buf;
	}
	return buf;
}

void ys_rule_gen_department(ys_checker *ck, const ys_rule *rule)
{
	const ys_doc *doc = ck->doc;
	enum { MAXN = 64 };
	char names[MAXN][128];
	int count[MAXN], first[MAXN], nn = 0;
	char buf[128];
	for (int i = 0; i < doc->nprose; i++) {
		if (!heading_department(doc->prose[i].text, buf, sizeof buf)[0])
			continue;
		int k;
		for (k = 0; k < nn && strcmp(names[k], buf); k++)
			;
		if (k == nn && nn < MAXN) {
			snprintf(names[nn], sizeof names[nn], "%s", buf);
			count[nn] = 0;
			first[nn] = i;
			nn++;
		}
		if (k < nn)
			count[k]++;
	}
	if (nn < 2)
		return;
	int best = 0;
	for (int k = 1; k < nn; k++)
		if (count[k] > count[best])
			best = k;
	for (int k = 0; k < nn; k++) {
		if (k == best)
			continue;
		/* a short form (省检察院 for 江苏省人民检察院) is the same department;
		 * one that leaves out the district or county (上海市规划和自然资源局
		 * for 上海市普陀区规划和自然资源局) names another government's */
		if (strlen(names[k]) != strlen(names[best])) {
			const char *lng = strlen(names[k]) > strlen(names[best]) ? names[k] : names[best];
			const char *shrt = lng == names[k] ? names[best] : names[k];
			const char *lvl = NULL;
			for (const char *p = lng; *p && !lvl; p++)
				if ((!strncmp(p, "区", 3) || !strncmp(p, "县", 3)) && p > lng)
					lvl = p;
			if (!lvl)
				continue;
			/* the district's name: the characters before 区/县 back to 市/省 */
			const char *st = lvl;
			while (st > lng && strncmp(st - 3, "市", 3) && strncmp(st - 3, "省", 3))
				st -= 3;
			char dist[64];
			size_t dl = (size_t)(lvl + 3 - st);
			if (dl >= sizeof dist || strstr(shrt, (memcpy(dist, st, dl), dist[dl] = 0, dist)))
				continue;
		}
		const ys_textline *l = &doc->prose[first[k]];
		ys_finding *f = ys_ck_finding_line(ck, rule, rule->sev, NULL, l->line,
		                                "部门名称“%s”与文中其他 %d 处的“%s”不一致", names[k], count[best],
		                                names[best]);
		if (f)
			f->page = l->page;
	}
}

/* ---- gen.narrative ---- */

/* The figure a phrase of the narrative names, from the tables; 1 and its
 * cell when found. */
static int figure_for(const ys_doc *doc, const char *clause, const ys_table **tt, int *row, int *col)
{
	static const char *const in_all[] = { "收入总计", NULL }, *const in_sum[] = { "收入合计", NULL };
	static const char *const out_all[] = { "支出总计", NULL }, *const out_sum[] = { "支出合计", NULL };
	static const char *const basic[] = { "一、基本支出", "基本支出", NULL }, *const project[] = { "二、项目支出",
		                                                                                     "项目支出", NULL };
	for (int i = 0; i < doc->nothers; i++) {
		const ys_table *t = doc->others[i];
		int tot = -1;
		for (int r = 0; r < t->nrows && tot < 0; r++)
			if (t->rows[r].kind == YS_ROW_TOTAL)
				tot = r;
		int summary = !strcmp(t->kind, "summary");
		*tt = t;
		/* a part of the total (1.财政拨款收入…, 其他资金…) is not the total */
		static const char *const parts[] = { "财政拨款", "其他", "财政专户", "事业", "上级", "附属", "经营",
			                             "一般公共", "政府性基金", "国有资本", "结转", NULL };
		const char *d = clause;
		while (*d >= '0' && *d <= '9')
			d++;
		int part = d > clause && (*d == '.' || !strncmp(d, "、", 3) || !strncmp(d, "．", 3)); /* 1.财政拨款… */
		for (int k = 0; parts[k] && !part; k++)
			part = strstr(clause, parts[k]) != NULL;
		if (part)
			summary = 0;
		if (summary && (strstr(clause, "收入预算总计") || strstr(clause, "收入总计") || strstr(clause, "收入总预算")) &&
		    (labelled_amount(t, in_all, row, col) || labelled_amount(t, in_sum, row, col)))
			return 1;
		if (summary && (strstr(clause, "支出预算总计") || strstr(clause, "支出总计") || strstr(clause, "支出总预算")) &&
		    (labelled_amount(t, out_all, row, col) || labelled_amount(t, out_sum, row, col)))
			return 1;
		if (!strcmp(t->kind, "expend") && tot >= 0) {
			int b = col_role(t, "basic"), p = col_role(t, "project");
			if (strstr(clause, "基本支出") && !strstr(clause, "项目支出") && b >= 0 && !strstr(clause, "一般公共预算")) {
				*row = tot, *col = b;
				return 1;
			}
			if (strstr(clause, "项目支出") && !strstr(clause, "基本支出") && p >= 0 && !strstr(clause, "一般公共预算")) {
				*row = tot, *col = p;
				return 1;
			}
		}
		if (summary && strstr(clause, "基本支出") && !strstr(clause, "项目支出") && !strstr(clause, "一般公共预算") &&
		    labelled_amount(t, basic, row, col))
			return 1;
		if (summary && strstr(clause, "项目支出") && !strstr(clause, "基本支出") && !strstr(clause, "一般公共预算") &&
		    labelled_amount(t, project, row, col))
			return 1;
		if (!strcmp(t->kind, "sangong") && strstr(clause, "三公") && t->nrows > 0 && !strstr(clause, "公务") &&
		    !strstr(clause, "出国") && !strstr(clause, "接待")) {
			/* the 合计 under the 三公 header (beside it: 机关运行经费), else
			 * the first 合计 */
			int c = -1;
			for (int k = 0; k < t->def->ncols && c < 0; k++)
				if (is_amount(t, k) && id_is(t, k, "total") && strstr(t->def->cols[k].label, "三公"))
					c = k;
			for (int k = 0; k < t->def->ncols && c < 0; k++)
				if (is_amount(t, k) && id_is(t, k, "total"))
					c = k;
			/* its row: the only one, or the one of the document's year
			 * (2025年 | 2026年 | 增减变化) */
			int r = t->nrows == 1 ? 0 : -1;
			char year[16];
			snprintf(year, sizeof year, "%d年", doc->year);
			for (int q = 0; q < t->nrows && r < 0 && doc->year; q++)
				for (int k = 0; k < t->def->ncols && r < 0; k++)
					if (!is_amount(t, k) && strstr(t->rows[q].cells[k].text, year))
						r = q;
			if (c >= 0 && r >= 0 && t->rows[r].cells[c].amt.present) {
				*row = r, *col = c;
				return 1;
			}
		}
	}
	return 0;
}

void ys_rule_gen_narrative(ys_checker *ck, const ys_rule *rule)
{
	const ys_doc *doc = ck->doc;
	static const char *const skip[] = { "比", "上年", "增加", "减少", "增长", "下降", "较", "同比", "执行", "其中",
		                            "占", "人均", NULL };
	char a[YS_MONEY_FMT_MAX], b[YS_MONEY_FMT_MAX];
	for (int i = 0; i < doc->nprose; i++) {
		const char *s = doc->prose[i].text;
		for (const char *p = strstr(s, "万元"); p; p = strstr(p + 1, "万元")) {
			/* the number before 万元 */
			const char *e = p, *q = p;
			while (q > s && ((q[-1] >= '0' && q[-1] <= '9') || q[-1] == ',' || q[-1] == '.'))
				q--;
			if (q == e || !(q[0] >= '0' && q[0] <= '9'))
				continue;
			ys_amount quoted;
			ys_money_err me;
			if (ys_money_parse(q, (size_t)(e - q), YS_UNIT_WANYUAN, &quoted, &me) != 0)
				continue;
			/* its clause: back to the last 。；，： */
			const char *c0 = s;
			static const char *const stops[] = { "。", "；", "，", "：", "、", NULL };
			for (int k = 0; stops[k]; k++)
				for (const char *x = strstr(s, stops[k]); x && x < q; x = strstr(x + 1, stops[k]))
					if (x + strlen(stops[k]) > c0)
						c0 = x + strlen(stops[k]);
			char clause[512];
			size_t cl = (size_t)(q - c0) < sizeof clause - 1 ? (size_t)(q - c0) : sizeof clause - 1;
			memcpy(clause, c0, cl);
			clause[cl] = 0;
			int bad = 0;
			for (int k = 0; skip[k] && !bad; k++)
				bad = strstr(clause, skip[k]) != NULL;
			/* a year other than the document's: last year's figure */
			for (const char *y = clause; *y && !bad; y++)
				if (y[0] == '2' && y[1] == '0' && y[2] >= '0' && y[2] <= '9' && y[3] >= '0' && y[3] <= '9' &&
				    doc->year && (y[2] - '0') * 10 + (y[3] - '0') + 2000 != doc->year)
					bad = 1;
			const ys_table *t;
			int row, col;
			if (bad || !figure_for(doc, clause, &t, &row, &col))
				continue;
			const ys_amount *v = &t->rows[row].cells[col].amt;
			int64_t tol = ys_money_quantum(YS_UNIT_WANYUAN, quoted.dp) / 2;
			if (v->dp < ys_unit_decimals(t->unit))
				tol += ys_money_quantum(t->unit, v->dp) / 2;
			int64_t d = quoted.fen - v->fen;
			if (d <= tol && d >= -tol)
				continue;
			char tn[256];
			ys_finding *f = ys_ck_finding_line(ck, rule, rule->sev, NULL, doc->prose[i].line,
			                                "说明中“%s%.*s万元”与%s中的 %s %s 不符（相差 %s 万元）", clause,
			                                (int)(e - q), q, ys_ck_table_name(t, tn, sizeof tn),
			                                ys_ck_amount(t, v->fen, a), ys_unit_name(t->unit),
			                                (ys_money_format(b, d < 0 ? -d : d, YS_UNIT_WANYUAN, 6, YS_FMT_GROUP), b));
			if (f) {
				f->page = doc->prose[i].page;
				f->has_amounts = 1;
				f->expected = v->fen;
				f->found = quoted.fen;
				f->difference = d;
			}
		}
	}
}
