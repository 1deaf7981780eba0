/*
 * check.c - the checking engine: runs the rule table, evaluates the linear
 * identities the rules state, finds the cell that explains failures, and
 * collects findings.
 *
 * Blame: a changed cell breaks every equality it takes part in, and only
 * those.  So when a failed equality holds a cell whose equalities all fail,
 * and all by the same difference, that cell is the likeliest culprit and
 * the findings point at it (with the value that would satisfy them all).
 * Two cells of one row printed in each other's columns break no identity
 * of their row (基本 = 人员 + 公用 still holds) but both column sums: when
 * exchanging two cells of a row satisfies every equality either takes part
 * in, the findings point at them and say so.  Inequalities and rounded
 * equalities locate at their primary cell.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_int.h"
#include "base_int.h"

const char *ys_severity_name(ys_severity s)
{
	switch (s) {
	case YS_SEV_NOTICE: return "notice";
	case YS_SEV_WARNING: return "warning";
	case YS_SEV_ERROR: return "error";
	}
	return "?";
}

const char *ys_severity_label(ys_severity s)
{
	switch (s) {
	case YS_SEV_ERROR: return "错误";
	case YS_SEV_WARNING: return "警告";
	case YS_SEV_NOTICE: return "提示";
	}
	return "?";
}

/* ---- helpers ------------------------------------------------------------ */

const ys_cell *ck_cell(cref c)
{
	return &c.t->rows[c.row].cells[c.col];
}

int64_t ck_value(cref c)
{
	const ys_cell *cell = ck_cell(c);
	return cell->amt.present ? cell->amt.fen : 0;
}

int ck_fixed_row(const ys_table *t, const char *fid)
{
	if (!t)
		return -1;
	int f = ys_table_fixed(t->def, fid);
	if (f < 0)
		return -1;
	int panel = t->def->fixed[f].panel;
	for (int i = 0; i < t->nrows; i++)
		if (t->rows[i].fixed[panel] == f)
			return i;
	return -1;
}

int ck_fixed_col(const ys_table *t, const char *fid)
{
	int f = ys_table_fixed(t->def, fid);
	return f >= 0 && t->def->fixed[f].panel ? C01_OUT_AMT : C01_IN_AMT;
}

int ck_total_row(const ys_table *t)
{
	if (!t)
		return -1;
	for (int i = t->nrows - 1; i >= 0; i--)
		if (t->rows[i].kind == YS_ROW_TOTAL)
			return i;
	return -1;
}

const char *ck_code(const ys_cell *c, char *buf)
{
	const char *name;
	size_t n = ys_split_codename(c->text, &name);
	if (n > 15)
		n = 0;
	memcpy(buf, c->text, n);
	buf[n] = '\0';
	return buf;
}

const char *ck_table_name(const ys_table *t, char *buf, size_t cap)
{
	if (!t) {
		snprintf(buf, cap, "文档");
		return buf;
	}
	if (t->kind)
		snprintf(buf, cap, "%s", t->title);
	else if (t->numbering[0])
		snprintf(buf, cap, "%s %s", t->numbering, t->def->title);
	else
		snprintf(buf, cap, "%s表 %s", t->def->code, t->def->title);
	return buf;
}

const char *ck_amount(const ys_table *t, int64_t fen, char *buf)
{
	int dp = t ? t->def->dp : 6;
	ys_unit u = t ? t->unit : YS_UNIT_WANYUAN;
	if (u == YS_UNIT_YUAN && dp > 2)
		dp = 2;
	if (ys_money_format(buf, fen, u, dp, YS_FMT_GROUP) < 0)
		ys_money_format(buf, fen, u, ys_unit_decimals(u), YS_FMT_GROUP);
	return buf;
}

/* ---- identities --------------------------------------------------------- */

ident *ck_ident(ys_checker *ck, const ys_rule *rule, ident_op op, const char *what)
{
	if (ys_grow((void **)&ck->ids, &ck->capids, ck->nids + 1, sizeof *ck->ids)) {
		ck->oom = 1;
		return NULL;
	}
	ident *id = &ck->ids[ck->nids++];
	memset(id, 0, sizeof *id);
	id->rule = rule;
	id->op = op;
	id->primary = -1;
	id->loc.row = -1;
	id->what = what;
	return id;
}

/* Does t print its amounts to the 分 (元 with 2 decimals, 万元 with 6) -
 * most of its figures so?  Then a figure printed without decimals
 * (22,118,861 beside 86,959,408.34) is exact too, and a gap is an error,
 * not rounding. */
static int table_exact(ys_checker *ck, const ys_table *t)
{
	int k = t->def->id < YS_NTABLES ? (int)t->def->id : -1;
	for (int i = 0; k < 0 && i < ck->doc->nothers; i++)
		if (ck->doc->others[i] == t)
			k = YS_NTABLES + i;
	if (k >= 0 && k < ck->nexact && ck->exact[k] >= 0)
		return ck->exact[k];
	int full = ys_unit_decimals(t->unit), exact = 0, coarse = 0;
	for (int r = 0; r < t->nrows; r++)
		for (int c = 0; c < t->def->ncols; c++) {
			const ys_cell *cell = &t->rows[r].cells[c];
			if (t->def->cols[c].kind != YS_CK_AMOUNT || !cell->amt.present || cell->amt.fen == 0)
				continue;
			if (cell->amt.dp >= full)
				exact++;
			else
				coarse++;
		}
	int v = exact > 0 && exact >= coarse;
	if (k >= 0 && k < ck->nexact)
		ck->exact[k] = (signed char)v;
	return v;
}

void ck_term(ys_checker *ck, ident *id, const ys_table *t, int row, int col, int coef)
{
	if (!id || !t || row < 0 || col < 0)
		return;
	if (id->nterms == id->cap) {
		int ncap = id->cap ? id->cap * 2 : 4;
		term *nt = realloc(id->terms, sizeof *nt * (size_t)ncap);
		if (!nt) {
			ck->oom = 1;
			return;
		}
		id->terms = nt;
		id->cap = ncap;
	}
	id->terms[id->nterms].c.t = t;
	id->terms[id->nterms].c.row = row;
	id->terms[id->nterms].c.col = col;
	id->terms[id->nterms].coef = coef;
	id->terms[id->nterms].exact = table_exact(ck, t);
	id->nterms++;
	if (id->loc.row < 0) {
		id->loc.t = t;
		id->loc.row = row;
		id->loc.col = col;
	}
}

void ck_primary(ident *id)
{
	if (id && id->nterms)
		id->primary = id->nterms - 1;
}

/* Half a printed unit for every rounded figure of the identity: a figure
 * printed with fewer decimals than its unit holds exactly (0.01 万元, 1 元 in
 * a 元 table with no decimals) is off by up to half its last digit. */
static int64_t rounding_tol(const ident *id)
{
	int64_t tol = 0;
	/* a rounded identity's first term is the rounded figure itself */
	for (int i = id->op == OP_ROUND ? 1 : 0; i < id->nterms; i++) {
		cref c = id->terms[i].c;
		const ys_cell *cell = ck_cell(c);
		if (!cell->amt.present || cell->amt.dp >= ys_unit_decimals(c.t->unit) || id->terms[i].exact)
			continue;
		int64_t q = ys_money_quantum(c.t->unit, cell->amt.dp);
		if (q > 1 && !__builtin_add_overflow(tol, q / 2, &tol))
			continue;
	}
	return tol;
}

static void eval(ident *id)
{
	int64_t s = 0, v;
	id->overflow = 0;
	if (id->op != OP_ROUND)
		id->tol = rounding_tol(id);
	int first = id->op == OP_ROUND ? 1 : 0;
	for (int i = first; i < id->nterms; i++) {
		v = ck_value(id->terms[i].c);
		if (id->terms[i].coef < 0) {
			if (ys_money_sub(s, v, &s))
				id->overflow = 1;
		} else if (ys_money_add(s, v, &s)) {
			id->overflow = 1;
		}
	}
	if (id->overflow) {
		id->fails = 1;
		id->resid = 0;
		return;
	}
	if (id->op == OP_ROUND) {
		int64_t r = 0, x = id->nterms ? ck_value(id->terms[0].c) : 0;
		if (ys_money_round(s, id->quantum, YS_ROUND_HALF_UP, &r) || ys_money_sub(x, r, &id->resid)) {
			id->overflow = 1;
			id->fails = 1;
			return;
		}
		/* when the figures rounded from are rounded themselves, their sum is
		 * off by up to half a unit each: within that, a notice */
		int64_t tol = rounding_tol(id);
		if (tol)
			tol += id->quantum / 2;
		id->tol = tol;
		id->fails = id->resid == 0 ? 0 : (id->resid <= tol && id->resid >= -tol) ? 2 : 1;
		return;
	}
	id->resid = s;
	if (id->op == OP_EQ) {
		if (s == 0)
			id->fails = 0;
		else if (id->tol > 0 && s <= id->tol && s >= -id->tol)
			id->fails = 2;
		else
			id->fails = 1;
	} else {
		id->fails = s <= 0 ? 0 : s <= id->tol ? 2 : 1;
	}
}

/* Cell -> equalities it takes part in, as sorted (key, ident) pairs. */
typedef struct occ {
	uint64_t key;
	size_t id;
	int term; /* index of the cell's term in the identity */
	int coef;
} occ;

static uint64_t cell_key(cref c)
{
	return ((uint64_t)c.t->def->id << 48) | ((uint64_t)(unsigned)c.row << 16) | (uint64_t)(unsigned)c.col;
}

static int cmp_occ(const void *a, const void *b)
{
	const occ *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static size_t occ_lower(const occ *o, size_t n, uint64_t key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (o[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Would adding da to cell a and db to cell b leave every equality either
 * takes part in satisfied (exactly, or within its rounding)?  The occ
 * ranges [a0,a1) and [b0,b1) list them, each sorted by identity. */
static int fixes_all(const ys_checker *ck, const occ *o, size_t a0, size_t a1, size_t b0, size_t b1, int64_t da,
                     int64_t db)
{
	size_t i = a0, j = b0;
	while (i < a1 || j < b1) {
		size_t id = i < a1 && (j >= b1 || o[i].id <= o[j].id) ? o[i].id : o[j].id;
		const ident *g = &ck->ids[id];
		if (g->overflow)
			return 0;
		int64_t r = g->resid, d;
		/* every occurrence of either cell in g: coef * change */
		for (; i < a1 && o[i].id == id; i++)
			if (__builtin_mul_overflow(da, o[i].coef, &d) || ys_money_add(r, d, &r))
				return 0;
		for (; j < b1 && o[j].id == id; j++)
			if (__builtin_mul_overflow(db, o[j].coef, &d) || ys_money_add(r, d, &r))
				return 0;
		if (r != 0 && (r > g->tol || r < -g->tol))
			return 0;
	}
	return 1;
}

/* Failed equality f has no single cell to blame: is there one term whose
 * value, exchanged with another cell of its row, satisfies every equality
 * either cell takes part in?  Returns the term (and sets *partner) when
 * exactly one such exchange exists, else -1. */
static int find_swap(const ys_checker *ck, const occ *o, size_t n, const ident *f, cref *partner)
{
	int found = -1, nfound = 0;
	for (int j = 0; j < f->nterms && nfound < 2; j++) {
		cref a = f->terms[j].c;
		uint64_t ka = cell_key(a);
		int seen = 0;
		for (int e = 0; e < j && !seen; e++)
			seen = cell_key(f->terms[e].c) == ka;
		if (seen)
			continue;
		/* the change of a that satisfies f (none beyond int64: -INT64_MIN) */
		int64_t need = f->resid, va = ck_value(a);
		if (f->terms[j].coef > 0 && ys_money_sub(0, f->resid, &need))
			continue;
		size_t a0 = occ_lower(o, n, ka), a1 = a0;
		while (a1 < n && o[a1].key == ka)
			a1++;
		/* the row's cells in identities are one run of keys: same table, same row */
		uint64_t rowkey = ka & ~(uint64_t)0xffff;
		for (size_t b0 = occ_lower(o, n, rowkey); b0 < n && (o[b0].key & ~(uint64_t)0xffff) == rowkey;) {
			size_t b1 = b0;
			while (b1 < n && o[b1].key == o[b0].key)
				b1++;
			if (o[b0].key != ka) {
				cref b = ck->ids[o[b0].id].terms[o[b0].term].c;
				int64_t vb = ck_value(b), d;
				if (!ys_money_sub(vb, va, &d) && d == need && d != INT64_MIN &&
				    fixes_all(ck, o, a0, a1, b0, b1, d, -d)) {
					nfound++;
					found = j;
					*partner = b;
				}
			}
			b0 = b1;
		}
	}
	return nfound == 1 ? found : -1;
}

/* For each failed equality, the term index it should be reported at. */
static void blame(ys_checker *ck, int *at)
{
	size_t n = 0;
	for (size_t i = 0; i < ck->nids; i++) {
		at[i] = ck->ids[i].primary >= 0 ? ck->ids[i].primary : 0;
		if (ck->ids[i].op == OP_EQ)
			n += (size_t)ck->ids[i].nterms;
	}
	occ *o = malloc(sizeof *o * (n ? n : 1));
	if (!o) {
		ck->oom = 1;
		return;
	}
	size_t k = 0;
	for (size_t i = 0; i < ck->nids; i++) {
		if (ck->ids[i].op != OP_EQ)
			continue;
		for (int j = 0; j < ck->ids[i].nterms; j++) {
			o[k].key = cell_key(ck->ids[i].terms[j].c);
			o[k].id = i;
			o[k].term = j;
			o[k].coef = ck->ids[i].terms[j].coef;
			k++;
		}
	}
	qsort(o, n, sizeof *o, cmp_occ);

	for (size_t i = 0; i < ck->nids; i++) {
		ident *f = &ck->ids[i];
		if (f->op != OP_EQ || f->fails != 1 || f->overflow)
			continue;
		int best = -1, bestscore = 0, bestnonneg = 0, ntied = 0, tied[3];
		for (int j = 0; j < f->nterms; j++) {
			uint64_t key = cell_key(f->terms[j].c);
			/* a cell the identity holds twice is one candidate */
			int seen = 0;
			for (int e = 0; e < j && !seen; e++)
				seen = cell_key(f->terms[e].c) == key;
			if (seen)
				continue;
			size_t a = occ_lower(o, n, key), b = a;
			int ok = 1, score = 0;
			int64_t delta = 0;
			int have = 0;
			while (b < n && o[b].key == key) {
				const ident *g = &ck->ids[o[b].id];
				if (g->fails != 1 || g->overflow) {
					ok = 0;
					break;
				}
				/* value change that satisfies g: -coef * resid */
				int64_t d = g->resid;
				if ((o[b].coef > 0 && ys_money_sub(0, g->resid, &d)) || (have && d != delta)) {
					ok = 0;
					break;
				}
				delta = d;
				have = 1;
				score++;
				b++;
			}
			if (!ok || !have)
				continue;
			int64_t expected;
			int nonneg = ys_money_add(ck_value(f->terms[j].c), delta, &expected) == 0 && expected >= 0;
			if (score > bestscore || (score == bestscore && nonneg && !bestnonneg)) {
				best = j;
				bestscore = score;
				bestnonneg = nonneg;
				ntied = 0;
				tied[ntied++] = j;
			} else if (score == bestscore && nonneg == bestnonneg) {
				if (ntied < 3)
					tied[ntied] = j;
				ntied++;
			}
		}
		if (best >= 0 && ntied == 1) {
			at[i] = best;
		} else if (ntied > 1 && ntied <= 3) {
			/* undecidable from the tables (a + b = total printed once):
			 * every candidate gets the finding */
			f->ncand = ntied;
			memcpy(f->cand, tied, sizeof tied);
		} else if (best < 0) {
			cref partner;
			int j = find_swap(ck, o, n, f, &partner);
			if (j >= 0) {
				at[i] = j;
				f->swap = partner;
			}
		}
	}
	free(o);
}

/* A difference (found − expected) with its sign: "+1.000000", "-0.500000". */
static const char *signed_amount(const ys_table *t, int64_t fen, char *buf, size_t cap)
{
	char num[YS_MONEY_FMT_MAX];
	snprintf(buf, cap, "%s%s", fen > 0 ? "+" : "", ck_amount(t, fen, num));
	return buf;
}

/* The cells blame could not choose between, each named once; cells of one
 * row are that row with their columns: "第1行 总额、公务接待费（第 267 行）". */
static void name_candidates(const ident *id, ys_buf *out)
{
	int done[3] = { 0 }, samecol = 1;
	for (int k = 1; k < id->ncand; k++)
		samecol &= id->terms[id->cand[k]].c.col == id->terms[id->cand[0]].c.col;
	for (int k = 0; k < id->ncand; k++) {
		if (done[k])
			continue;
		cref o = id->terms[id->cand[k]].c;
		char ol[256];
		ys_buf_addf(out, "%s%s", out->len ? "、" : "", ys_row_label(o.t, o.row, o.t->def->cols[o.col].panel, ol, sizeof ol));
		int ncols = 0;
		for (int m = k; m < id->ncand; m++) {
			cref p = id->terms[id->cand[m]].c;
			if (p.t != o.t || p.row != o.row)
				continue;
			done[m] = 1;
			if (!samecol)
				ys_buf_addf(out, "%s%s", ncols++ ? "、" : " ", p.t->def->cols[p.col].label);
		}
		ys_buf_addf(out, "（第 %d 行）", o.t->rows[o.row].line);
	}
}

static void report_ident(ys_checker *ck, ident *id, int at)
{
	char found[YS_MONEY_FMT_MAX], exp[YS_MONEY_FMT_MAX], diff[YS_MONEY_FMT_MAX + 1], tn[128], rl[256];
	char tolbuf[YS_MONEY_FMT_MAX], over[YS_MONEY_FMT_MAX];
	cref c = id->nterms ? id->terms[at].c : id->loc;
	if (!c.t || c.row < 0)
		return;
	int coef = id->nterms ? id->terms[at].coef : 1;
	int64_t x = ck_value(c), expected = x, d;
	ys_severity sev = id->fails == 2 ? YS_SEV_NOTICE : id->rule->sev;
	const ys_tabledef *def = c.t->def;
	ys_row_label(c.t, c.row, def->cols[c.col].panel, rl, sizeof rl);
	ck_table_name(c.t, tn, sizeof tn);

	if (id->overflow) {
		ck_finding(ck, id->rule, YS_SEV_ERROR, c.t, c.row, c.col, "%s：金额之和超出可表示范围（溢出）", id->what);
		return;
	}
	if (id->op == OP_ROUND) {
		expected = x - id->resid;
	} else {
		/* change of x that satisfies the identity: -coef * resid */
		if (coef > 0 ? ys_money_sub(x, id->resid, &expected) : ys_money_add(x, id->resid, &expected))
			expected = x;
	}
	/* the one sign convention of findings (rules.h): found − expected */
	if (ys_money_sub(x, expected, &d))
		d = 0;
	ck_amount(c.t, x, found);
	ck_amount(c.t, expected, exp);
	signed_amount(c.t, d, diff, sizeof diff);
	ys_finding *f;
	if (id->fails == 2) {
		f = ck_finding(ck, id->rule, sev, c.t, c.row, c.col,
		               "%s：%s %s %s 为 %s，按等式应为 %s，差额 %s，在四舍五入的误差之内（容差 %s）", id->what, tn, rl,
		               def->cols[c.col].label, found, exp, diff, ck_amount(c.t, id->tol, tolbuf));
	} else if (id->op == OP_LE) {
		f = ck_finding(ck, id->rule, sev, c.t, c.row, c.col, "%s 不成立：%s %s %s 为 %s，应%s %s，超出 %s", id->what,
		               tn, rl, def->cols[c.col].label, found, coef > 0 ? "不大于" : "不小于", exp,
		               ck_amount(c.t, d < 0 ? -d : d, over));
	} else if (id->op == OP_ROUND) {
		f = ck_finding(ck, id->rule, sev, c.t, c.row, c.col, "%s 不成立：%s %s %s 为 %s，按四舍五入应为 %s", id->what,
		               tn, rl, def->cols[c.col].label, found, exp);
	} else if (id->ncand > 1) {
		ys_buf others = YS_BUF_INIT;
		name_candidates(id, &others);
		f = ck_finding(ck, id->rule, sev, c.t, c.row, c.col,
		               "%s 不成立：%s %s %s 为 %s，若其余各项无误应为 %s，差额 %s；%s 中哪一项有误无法从表内判断",
		               id->what, tn, rl, def->cols[c.col].label, found, exp, diff, others.s);
		ys_buf_release(&others);
	} else if (id->swap.t) {
		char other[YS_MONEY_FMT_MAX];
		f = ck_finding(ck, id->rule, sev, c.t, c.row, c.col,
		               "%s 不成立：%s %s %s 为 %s，应为 %s，差额 %s；与本行%s（%s）对调后各等式均成立，疑为两列填反",
		               id->what, tn, rl, def->cols[c.col].label, found, exp, diff, def->cols[id->swap.col].label,
		               ck_amount(id->swap.t, ck_value(id->swap), other));
	} else {
		f = ck_finding(ck, id->rule, sev, c.t, c.row, c.col, "%s 不成立：%s %s %s 为 %s，应为 %s，差额 %s", id->what,
		               tn, rl, def->cols[c.col].label, found, exp, diff);
	}
	if (f) {
		f->has_amounts = 1;
		f->found = x;
		f->expected = expected;
		f->difference = d;
	}
}

/* ---- findings ----------------------------------------------------------- */

ys_finding *ys_report_add(ys_report *rep, const char *rule, ys_severity sev)
{
	if (ys_grow((void **)&rep->findings, &rep->cap, rep->nfindings + 1, sizeof *rep->findings))
		return NULL;
	ys_finding *f = &rep->findings[rep->nfindings++];
	memset(f, 0, sizeof *f);
	f->rule = rule;
	f->sev = sev;
	f->table = -1;
	f->row = f->col = -1;
	f->row_label = f->col_label = "";
	f->unit = YS_UNIT_WANYUAN;
	f->dp = 6;
	rep->count[sev]++;
	return f;
}

static ys_finding *new_finding(ys_checker *ck, const ys_rule *rule, ys_severity sev, const ys_table *t)
{
	ys_finding *f = ys_report_add(ck->rep, rule->id, sev);
	if (!f) {
		ck->oom = 1;
		return NULL;
	}
	f->table = t ? (int)t->def->id : -1;
	if (t && t->def->id >= YS_NTABLES)
		for (int i = 0; i < ck->doc->nothers; i++)
			if (ck->doc->others[i] == t)
				f->table = YS_NTABLES + i;
	if (t && t->page)
		f->page = t->page;
	f->unit = t ? t->unit : YS_UNIT_WANYUAN;
	f->dp = t ? (t->unit == YS_UNIT_YUAN && t->def->dp > 2 ? 2 : t->def->dp) : 6;
	return f;
}

static const char *vfmt(ys_checker *ck, const char *fmt, va_list ap)
{
	ys_buf b = YS_BUF_INIT;
	ys_buf_vaddf(&b, fmt, ap);
	const char *s = b.oom ? NULL : ys_arena_strndup(&ck->rep->arena, b.s, b.len);
	ys_buf_release(&b);
	if (!s)
		ck->oom = 1;
	return s ? s : "";
}

ys_finding *ck_finding(ys_checker *ck, const ys_rule *rule, ys_severity sev, const ys_table *t, int row, int col,
                       const char *fmt, ...)
{
	ys_finding *f = new_finding(ck, rule, sev, t);
	if (!f)
		return NULL;
	va_list ap;
	va_start(ap, fmt);
	f->message = vfmt(ck, fmt, ap);
	va_end(ap);
	if (t && row >= 0 && row < t->nrows) {
		char rl[256];
		const ys_row *r = &t->rows[row];
		int panel = col >= 0 ? t->def->cols[col].panel : 0;
		f->row = row;
		f->row_label = ys_arena_strdup(&ck->rep->arena, ys_row_label(t, row, panel, rl, sizeof rl));
		f->line = r->line;
		if (t->page && r->page)
			f->page = r->page;
		if (col >= 0) {
			f->col = col;
			f->col_label = t->def->cols[col].label;
			if (r->cells[col].line)
				f->column = r->cells[col].col;
		}
	}
	return f;
}

ys_finding *ck_finding_line(ys_checker *ck, const ys_rule *rule, ys_severity sev, const ys_table *t, int line,
                            const char *fmt, ...)
{
	ys_finding *f = new_finding(ck, rule, sev, t);
	if (!f)
		return NULL;
	va_list ap;
	va_start(ap, fmt);
	f->message = vfmt(ck, fmt, ap);
	va_end(ap);
	f->line = line;
	return f;
}

/* ---- coverage ----------------------------------------------------------- */

int ys_coverage_permille(int64_t read, int64_t unreadable)
{
	int64_t all;
	if (read < 0 || unreadable < 0 || __builtin_add_overflow(read, unreadable, &all))
		return 0;
	if (all == 0)
		return -1;
	/* floor(read * 1000 / all) by binary long division: every step stays
	 * below 2 * all < 2^64, so no product can overflow */
	uint64_t a = (uint64_t)all, r = (uint64_t)read, q = 0, rem = 0;
	for (int bit = 9; bit >= 0; bit--) {
		q *= 2;
		rem *= 2;
		if (rem >= a) {
			rem -= a;
			q++;
		}
		if ((1000 >> bit) & 1) {
			rem += r;
			if (rem >= a) {
				rem -= a;
				q++;
			}
		}
	}
	return (int)q;
}

const char *ys_coverage_percent(int permille, char *buf)
{
	if (permille < 0)
		snprintf(buf, 16, "-");
	else
		snprintf(buf, 16, "%d.%d", permille / 10, permille % 10);
	return buf;
}

/* A dash is how a table prints "nothing here"; it is read as blank. */
static int is_dash(const char *s)
{
	return !strcmp(s, "-") || !strcmp(s, "—") || !strcmp(s, "－") || !strcmp(s, "--") || !strcmp(s, "——");
}

typedef struct tabidx {
	const ys_table *t;
	int idx; /* into cov.tables */
} tabidx;

static int cmp_tabidx(const void *a, const void *b)
{
	const tabidx *x = a, *y = b;
	return x->t < y->t ? -1 : x->t > y->t;
}

static int find_tabidx(const tabidx *v, int n, const ys_table *t)
{
	int lo = 0, hi = n;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (v[mid].t < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo].t == t ? v[lo].idx : -1;
}

/* Count what was read - rows, amount cells read and unreadable per table -
 * and the identities that read each table (an identity across tables
 * counts for each table it reads). */
static void count_coverage(ys_checker *ck)
{
	const ys_doc *doc = ck->doc;
	ys_report *rep = ck->rep;
	ys_coverage *cov = &rep->cov;
	int n = doc->ntables + doc->nothers;
	cov->unrecognised = doc->nunread;
	cov->permille = -1;
	if (n == 0)
		return;
	cov->tables = ys_arena_alloc(&rep->arena, sizeof *cov->tables * (size_t)n);
	tabidx *ix = malloc(sizeof *ix * (size_t)n);
	if (!cov->tables || !ix) {
		free(ix);
		ck->oom = 1;
		return;
	}
	for (int i = 0; i < n; i++) {
		int tb = i < doc->ntables ? doc->order[i] : YS_NTABLES + (i - doc->ntables);
		const ys_table *t = ys_doc_table_at(doc, tb);
		ys_tablecov *c = &cov->tables[i];
		c->table = tb;
		ix[i].t = t;
		ix[i].idx = i;
		if (!t)
			continue;
		c->rows = t->nrows;
		for (int r = 0; r < t->nrows; r++)
			for (int k = 0; k < t->def->ncols; k++) {
				if (t->def->cols[k].kind != YS_CK_AMOUNT)
					continue;
				const ys_cell *cell = &t->rows[r].cells[k];
				if (cell->amt.present)
					c->amounts++;
				else if (!ys_cell_blank(cell) && !is_dash(cell->text))
					c->unreadable++;
			}
		cov->amounts += c->amounts;
		cov->unreadable += c->unreadable;
	}
	cov->ntables = n;
	qsort(ix, (size_t)n, sizeof *ix, cmp_tabidx);
	/* stamp[k] = i + 1 once identity i has counted for table k */
	size_t *stamp = calloc((size_t)n, sizeof *stamp);
	if (!stamp) {
		free(ix);
		ck->oom = 1;
		return;
	}
	for (size_t i = 0; i < ck->nids; i++) {
		const ident *id = &ck->ids[i];
		for (int j = 0; j < id->nterms; j++) {
			int k = find_tabidx(ix, n, id->terms[j].c.t);
			if (k < 0 || stamp[k] == i + 1)
				continue;
			stamp[k] = i + 1;
			cov->tables[k].identities++;
		}
	}
	free(stamp);
	free(ix);
	cov->permille = ys_coverage_permille(cov->amounts, cov->unreadable);
}

/* Does s print a figure: digits with a decimal point or thousands
 * separators (1,029.15, 0.00)?  Page numbers and years are not figures. */
static int has_figure(const char *s)
{
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9' || (p > s && p[-1] >= '0' && p[-1] <= '9'))
			continue;
		const char *q = p;
		int sep = 0;
		while ((*q >= '0' && *q <= '9') || ((*q == ',' || *q == '.') && q[1] >= '0' && q[1] <= '9'))
			sep |= *q++ == ',' || q[-1] == '.';
		if (sep)
			return 1;
		p = q - 1;
	}
	return 0;
}

/* A line taken for t's header, or outside every table on t's page between
 * its title and the next title, that prints a figure: the table's rows are
 * there, not read.  Its line number, or 0. */
static int unread_figures(const ys_doc *doc, const ys_table *t)
{
	for (int h = 0; h < t->nheaders; h++)
		for (int k = 0; k < t->headers[h].ncells; k++)
			if (has_figure(t->headers[h].cells[k]))
				return t->headers[h].line;
	int next = 0;
	for (int i = 0; i < doc->nothers; i++) {
		int l = doc->others[i]->line;
		if (l > t->line && (!next || l < next))
			next = l;
	}
	for (int i = 0; i < doc->nunread; i++) {
		int l = doc->unread[i].line;
		if (l > t->line && (!next || l < next))
			next = l;
	}
	for (int i = 0; i < doc->nprose; i++) {
		const ys_textline *x = &doc->prose[i];
		if (x->line > t->line && (!next || x->line < next) && x->page == t->page && has_figure(x->text))
			return x->line;
	}
	return 0;
}

/* comp.coverage: what was not read is said, never passed over as "no
 * errors".  It runs after every other rule (scope "every"): it reads the
 * identities they stated. */
void rule_comp_coverage(ys_checker *ck, const ys_rule *rule)
{
	const ys_doc *doc = ck->doc;
	const ys_coverage *cov = &ck->rep->cov;
	char tn[256];
	int line;
	for (int i = 0; i < cov->ntables; i++) {
		const ys_tablecov *c = &cov->tables[i];
		const ys_table *t = ys_doc_table_at(doc, c->table);
		if (!t)
			continue;
		int64_t all = (int64_t)c->amounts + c->unreadable;
		if (c->unreadable > 0 && c->unreadable >= c->amounts)
			ck_finding_line(ck, rule, rule->sev, t, t->line,
			                "表“%s”的金额大多未能读取：%" PRId64 " 个金额格中 %d 个不是金额，未参与核对",
			                ck_table_name(t, tn, sizeof tn), all, c->unreadable);
		else if (t->kind && t->nrows == 0 && !t->note && (line = unread_figures(doc, t)) > 0)
			ck_finding_line(ck, rule, rule->sev, t, line,
			                "表“%s”只读到表题，没有读到任何行，而其下第 %d 行印有金额：未能读取，未参与核对",
			                ck_table_name(t, tn, sizeof tn), line);
	}
	/* a numbered set (表1 … 表N, 公开01表 …) with a number skipped */
	int maxno = 0;
	unsigned char have[100] = { 0 };
	for (int i = 0; i < doc->nothers; i++) {
		int no = doc->others[i]->number;
		if (no > 0 && no < 100) {
			have[no] = 1;
			maxno = no > maxno ? no : maxno;
		}
	}
	for (int no = 1; no < maxno; no++)
		if (!have[no]) {
			ck->rep->cov.missing++;
			ck_finding_line(ck, rule, rule->sev, NULL, 0, "表的编号到 %d，未读到第 %d 张表：其金额未参与核对",
			                maxno, no);
		}
	/* with --rule, only that rule's identities were stated: the count says
	 * nothing about the document */
	if (!ck->only_rule && ck->rep->identities == 0)
		ck_finding_line(ck, rule, rule->sev, NULL, 0,
		                "未核对任何等式：读到 %d 张表、%" PRId64 " 个金额，没有一条规则能核对它们", cov->ntables,
		                cov->amounts);
}

/* ---- driver ------------------------------------------------------------- */

static int cmp_finding(const void *a, const void *b)
{
	const ys_finding *x = a, *y = b;
	if (x->order != y->order)
		return x->order - y->order;
	if (x->line != y->line)
		return x->line - y->line;
	if (x->column != y->column)
		return x->column - y->column;
	return strcmp(x->rule, y->rule);
}

/* ---- last year's disclosure (--previous) -------------------------------- */

/* The same department: the names are equal, or one shortens the other
 * (机关事务管理中心 for 北京市机关事务管理中心), after NFKC and without
 * white space. */
static int same_department(const char *a, const char *b)
{
	ys_buf x = YS_BUF_INIT, y = YS_BUF_INIT;
	ys_label_key(&x, a, strlen(a));
	ys_label_key(&y, b, strlen(b));
	int same = x.oom || y.oom || strstr(x.s, y.s) || strstr(y.s, x.s);
	ys_buf_release(&x);
	ys_buf_release(&y);
	return same;
}

/* Another department's disclosure as last year's makes every year-over-year
 * rule compare unrelated figures: refused before any rule runs.  A side
 * that does not state its department cannot be compared and is taken. */
static ys_result previous_fits(ys_ctx *ctx, const ys_doc *doc, const ys_doc *prev)
{
	const char *a = doc->department, *b = prev->department;
	if (!a || !*a || !b || !*b || same_department(a, b))
		return YS_OK;
	return ys_error(ctx, YS_EREFUSED, "--previous %s 是“%s”的公开表，而 %s 是“%s”的：上年公开表应为同一部门的", prev->file,
	                b, doc->file, a);
}

static int same_table(const ys_table *x, const ys_table *y)
{
	if (x->nrows != y->nrows || x->def->ncols != y->def->ncols || !ys_name_eq(x->title, y->title))
		return 0;
	for (int r = 0; r < x->nrows; r++)
		for (int c = 0; c < x->def->ncols; c++) {
			const ys_cell *p = &x->rows[r].cells[c], *q = &y->rows[r].cells[c];
			if (x->def->cols[c].kind == YS_CK_AMOUNT ? p->amt.present != q->amt.present || p->amt.fen != q->amt.fen
			                                         : !ys_name_eq(p->text, q->text))
				return 0;
		}
	return 1;
}

/* yoy.same: last year's disclosure has this one's content, cell for cell
 * (the same file given twice, or this year's in another format). */
void rule_yoy_same(ys_checker *ck, const ys_rule *rule)
{
	const ys_doc *d = ck->doc, *p = ck->prev;
	if (!p || d->ntables != p->ntables || d->nothers != p->nothers || d->ntables + d->nothers == 0)
		return;
	for (int k = 0; k < YS_NTABLES; k++)
		if (!d->tables[k] != !p->tables[k] || (d->tables[k] && !same_table(d->tables[k], p->tables[k])))
			return;
	for (int i = 0; i < d->nothers; i++)
		if (!same_table(d->others[i], p->others[i]))
			return;
	ck_finding_line(ck, rule, rule->sev, NULL, 0,
	                "--previous %s 与本公开表内容相同（%d 张表的每个单元格都一样）：它不是上一年度的公开表，同比规则没有可比的数",
	                p->file, d->ntables + d->nothers);
}

static ys_result check_body(ys_ctx *ctx, const ys_doc *doc, const ys_check_opts *opts, ys_report **out)
{
	*out = NULL;
	if (opts && opts->previous) {
		ys_result pr = previous_fits(ctx, doc, opts->previous);
		if (pr)
			return pr;
	}
	ys_report *rep = calloc(1, sizeof *rep);
	if (!rep)
		return ys_error(ctx, YS_ENOMEM, "out of memory");
	ys_arena_init(&rep->arena);
	if (doc->nparts) { /* a document of several files is named by them all */
		ys_buf nb = YS_BUF_INIT;
		for (int i = 0; i < doc->nparts; i++)
			ys_buf_addf(&nb, "%s%s", i ? " + " : "", doc->parts[i].file);
		rep->file = nb.oom ? NULL : ys_arena_strndup(&rep->arena, nb.s, nb.len);
		ys_buf_release(&nb);
	} else
		rep->file = ys_arena_strdup(&rep->arena, doc->file);
	if (!rep->file) {
		ys_report_free(rep);
		return ys_error(ctx, YS_ENOMEM, "out of memory");
	}
	for (int i = 0; i < YS_NTABLES; i++)
		rep->tables[i] = doc->tables[i] != NULL;

	ys_checker ck;
	memset(&ck, 0, sizeof ck);
	ck.ctx = ctx;
	ck.doc = doc;
	ck.cat = opts ? opts->catalog : NULL;
	ck.prev = opts ? opts->previous : NULL;
	ck.cat_firm = ck.cat && (!doc->year || ys_catalog_year(ck.cat) <= doc->year + 1) &&
	              (!doc->year || ys_catalog_year(ck.cat) >= doc->year - 1);
	ck.rep = rep;
	ck.nexact = YS_NTABLES + doc->nothers;
	ck.exact = malloc((size_t)ck.nexact);
	if (ck.exact)
		memset(ck.exact, -1, (size_t)ck.nexact);
	else
		ck.nexact = 0;

	size_t nrules;
	const ys_rule *rules = ys_rules(&nrules);
	/* a document in another layout (the general reader's) gets the rules
	 * for any layout; the seed layout's rules know its 13 tables; rules of
	 * scope "every" run for both, last, on what the others stated */
	int general = doc->ntables == 0 && doc->nothers > 0;
	ck.only_rule = opts ? opts->only_rule : NULL;
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1) {
			for (size_t i = 0; i < ck.nids; i++)
				rep->identities += ck.ids[i].nterms > 0;
			count_coverage(&ck);
		}
		for (size_t i = 0; i < nrules; i++) {
			if (ck.only_rule && strcmp(ck.only_rule, rules[i].id) != 0)
				continue;
			int every = !strcmp(rules[i].scope, "every");
			/* rules of the text (scope "text …") read the 情况说明 in any
			 * layout; those that need the 13 tables say so themselves */
			int text = !strncmp(rules[i].scope, "text", 4);
			if (every != (pass == 1) || (!every && !text && general != !strcmp(rules[i].scope, "any")))
				continue;
			rules[i].fn(&ck, &rules[i]);
		}
	}

	for (size_t i = 0; i < ck.nids; i++)
		eval(&ck.ids[i]);
	int *at = calloc(ck.nids ? ck.nids : 1, sizeof *at);
	if (!at)
		ck.oom = 1;
	else
		blame(&ck, at);
	for (size_t i = 0; i < ck.nids && at; i++) {
		if (!ck.ids[i].fails)
			continue;
		if (ck.ids[i].ncand > 1)
			for (int k = 0; k < ck.ids[i].ncand; k++)
				report_ident(&ck, &ck.ids[i], ck.ids[i].cand[k]);
		else
			report_ident(&ck, &ck.ids[i], at[i]);
	}
	free(at);
	for (size_t i = 0; i < ck.nids; i++)
		free(ck.ids[i].terms);
	free(ck.ids);
	free(ck.exact);

	if (ck.oom) {
		ys_report_free(rep);
		return ys_error(ctx, YS_ENOMEM, "out of memory while checking");
	}
	int pos[YS_NTABLES];
	for (int i = 0; i < YS_NTABLES; i++)
		pos[i] = YS_NTABLES;
	for (int i = 0; i < doc->ntables; i++)
		pos[doc->order[i]] = i;
	for (size_t i = 0; i < rep->nfindings; i++) {
		ys_finding *f = &rep->findings[i];
		int tb = f->table;
		f->order = tb < 0 ? -1 : tb < YS_NTABLES ? pos[tb] : tb;
		/* a document of several files: the page's file, and the page in it */
		if (doc->nparts && f->page && !f->file) {
			const char *file;
			f->page = ys_doc_page_where(doc, f->page, &file);
			if (strcmp(file, doc->file) && !(f->file = ys_arena_strdup(&rep->arena, file)))
				ck.oom = 1;
		}
	}
	if (ck.oom) {
		ys_report_free(rep);
		return ys_error(ctx, YS_ENOMEM, "out of memory while checking");
	}
	if (rep->nfindings)
		qsort(rep->findings, rep->nfindings, sizeof *rep->findings, cmp_finding);
	*out = rep;
	return YS_OK;
}

ys_result ys_check(ys_ctx *ctx, const ys_doc *doc, const ys_check_opts *opts, ys_report **out)
{
	unsigned long mark = ys_oom_mark();
	ys_result r = ys_oom_check(ctx, check_body(ctx, doc, opts, out), mark);
	if (r && *out) {
		ys_report_free(*out);
		*out = NULL;
	}
	return r;
}

void ys_report_free(ys_report *rep)
{
	if (!rep)
		return;
	free(rep->findings);
	ys_arena_release(&rep->arena);
	free(rep);
}
