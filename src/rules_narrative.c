/*
 * rules_narrative.c - the 情况说明 checked as a reviewer reads it: every
 * figure it quotes against the tables and against the text itself, its
 * years, names, placeholders, structure and completeness (family
 * `narrative`; the text is read by read/narrative.c).
 *
 *   narrative.figure      a figure differs from the table's
 *   narrative.rounding    ... by less than its last printed digit: rounded wrong
 *   narrative.unit        ... by 10^4 (元/万元/亿元) or 10 (a digit)
 *   narrative.share       占 X% against the figures and the tables; shares over 100 %
 *   narrative.change      增加/减少 X 万元, Y % against the figures quoted
 *   narrative.direction   增加/减少/持平/等于/大于 against the figures
 *   narrative.sum         a total and its parts quoted in the text
 *   narrative.consistent  one subject quoted with two figures
 *   narrative.year        the budget year, comparisons, 截至
 *   narrative.department  the department's name
 *   narrative.placeholder XX, ××, 某某 left in the text
 *   narrative.class_name  a 类 under a name the year's catalog no longer has
 *   narrative.duplicate   a paragraph, item or sentence printed twice
 *   narrative.punct       doubled punctuation
 *   narrative.cut         a sentence cut off: 主要原因是。
 *   narrative.kind        a 单位预算 calling itself 部门预算, or the reverse
 *   narrative.empty_note  an empty table without a word on why
 *   narrative.toc         the 目录 against the tables and sections present
 *   narrative.reason      a change of 三公 (or of more than 10 %) without a reason
 *   narrative.sections    a section the disclosure catalogue requires is missing
 *
 * Precision first: a figure is compared only when its subject, its year
 * and its role are all certain; everything the rounding of the two
 * printed precisions allows is allowed, exactly (integers only).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_int.h"
#include "yusuan/narrative.h"
#include "yusuan/text.h"

/* ---- helpers ---- */

static ys_narrative *narr(ys_checker *ck)
{
	ys_narrative *n = NULL;
	if (!ck->doc || !ck->doc->nprose)
		return NULL;
	ys_result e = ys_narrative_read_doc(ck->ctx, ck->doc, &n);
	if (e == YS_ENOMEM)
		ck->oom = 1;
	return e ? NULL : n;
}

static int starts(const char *s, const char *w)
{
	return !strncmp(s, w, strlen(w));
}

static int cp_len(const char *s)
{
	unsigned char c = (unsigned char)*s;
	return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* The sentence to quote, cut around byte `at` when long. */
static const char *quote(const ys_narrative *n, int si, size_t at, char *buf, size_t cap)
{
	const char *s = n->sents[si].text;
	size_t len = strlen(s);
	size_t cps = ys_utf8_count(s, len);
	if (cps <= 70 || cap < 16) {
		snprintf(buf, cap, "%s", s);
		return buf;
	}
	/* 40 code points before at, 30 after */
	if (at > len)
		at = len;
	size_t b = at;
	for (int k = 0; k < 40 && b > 0; k++) {
		b--;
		while (b > 0 && ((unsigned char)s[b] & 0xC0) == 0x80)
			b--;
	}
	size_t e = at;
	for (int k = 0; k < 30 && e < len; k++)
		e += (size_t)cp_len(s + e);
	snprintf(buf, cap, "%s%.*s%s", b ? "…" : "", (int)(e - b), s + b, e < len ? "…" : "");
	return buf;
}

static ys_finding *nfind(ys_checker *ck, const ys_rule *rule, ys_severity sev, const ys_narrative *n, int si,
                         size_t at, const char *fmt, ...) YS_PRINTF(7, 8);
static ys_finding *nfind(ys_checker *ck, const ys_rule *rule, ys_severity sev, const ys_narrative *n, int si,
                         size_t at, const char *fmt, ...)
{
	char q[1024];
	ys_buf b = YS_BUF_INIT;
	ys_buf_addf(&b, "“%s”：", quote(n, si, at, q, sizeof q));
	va_list ap;
	va_start(ap, fmt);
	ys_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	ys_finding *f = NULL;
	if (b.oom)
		ck->oom = 1;
	else
		f = ck_finding_line(ck, rule, sev, NULL, n->sents[si].line, "%s", b.s);
	if (f)
		f->page = n->sents[si].page;
	ys_buf_release(&b);
	return f;
}

/* Does w occur in [from, to)? */
static int between(const char *from, const char *to, const char *w)
{
	size_t k = strlen(w);
	for (const char *p = from; p + k <= to; p++)
		if (!memcmp(p, w, k))
			return 1;
	return 0;
}

static int is_money(const ys_nfig *f)
{
	return (f->unit == YS_NU_WANYUAN || f->unit == YS_NU_YUAN || f->unit == YS_NU_YIYUAN) && f->exact;
}

static ys_unit money_unit(ys_nunit u)
{
	return u == YS_NU_YUAN ? YS_UNIT_YUAN : u == YS_NU_YIYUAN ? YS_UNIT_YIYUAN : YS_UNIT_WANYUAN;
}

/* 分 per unit of the figure's last printed digit.  A printed 0 is nothing
 * at all, whatever its decimals. */
static int64_t quantum(const ys_nfig *f)
{
	if (f->mant == 0)
		return 1;
	int64_t q = ys_money_quantum(money_unit(f->unit), f->dp);
	return q > 0 ? q : 1;
}

/* fen in the figure's unit, to its decimals, exact or not: "46714.513649". */
static const char *fmt_amount(int64_t fen, ys_nunit u, int dp, char *buf)
{
	ys_unit mu = money_unit(u);
	if (ys_money_format(buf, fen, mu, dp, 0) < 0)
		ys_money_format(buf, fen, mu, ys_unit_decimals(mu), 0);
	return buf;
}

static int64_t abs64(int64_t v)
{
	return v < 0 ? -v : v;
}

static int64_t pow10i(int k)
{
	int64_t v = 1;
	while (k-- > 0)
		v *= 10;
	return v;
}

/* p (at dp decimals) as text: 7775, 2 -> "77.75". */
static const char *fmt_dec(int64_t p, int dp, char *buf, size_t cap)
{
	int64_t sc = pow10i(dp);
	const char *sign = p < 0 ? "-" : "";
	p = abs64(p);
	if (dp)
		snprintf(buf, cap, "%s%lld.%0*lld", sign, (long long)(p / sc), dp, (long long)(p % sc));
	else
		snprintf(buf, cap, "%s%lld", sign, (long long)p);
	return buf;
}

/* A percentage the arithmetic can take: at most 6 decimals, below 10^12. */
static int pct_ok(const ys_nfig *f)
{
	return f->unit == YS_NU_PERCENT && f->dp <= 6 && f->mant < (int64_t)1000000000000;
}

/* round_half_up(num / den * 100 * 10^dp) for num, den >= 0, den > 0; -1 on overflow. */
static int64_t pct_round(int64_t num, int64_t den, int dp)
{
	int64_t a;
	if (ys_money_mul(num, 200 * pow10i(dp), &a) || den <= 0)
		return -1;
	int64_t q = a / den, r = a % den; /* a / den = 2 * exact */
	(void)r;
	/* round half up of a / (2 den): (a + den) / (2 den) */
	int64_t s;
	if (ys_money_add(a, den, &s))
		return -1;
	int64_t d2;
	if (ys_money_mul(den, 2, &d2))
		return -1;
	(void)q;
	return s / d2;
}

/* Is the printed percentage p (dp decimals) possible for num / den with
 * num in [nlo, nhi] and den in [dlo, dhi] (amounts, any common unit)?
 * 1 yes, 0 no, -1 cannot tell (overflow, den may be 0). */
static int pct_possible(int64_t p, int dp, int64_t nlo, int64_t nhi, int64_t dlo, int64_t dhi)
{
	if (dlo <= 0 || nhi < 0)
		return -1;
	if (nlo < 0)
		nlo = 0;
	/* the largest value p can stand for, (p + 1/2) / 10^dp percent, is at
	 * least nlo / dhi: (2p + 1) * dhi >= 200 * 10^dp * nlo */
	int64_t a, b, s = 200 * pow10i(dp);
	if (ys_money_mul(2 * p + 1, dhi, &a) || ys_money_mul(s, nlo, &b))
		return -1;
	if (a < b)
		return 0;
	/* the smallest, (p - 1/2), is at most nhi / dlo */
	if (ys_money_mul(2 * p - 1, dlo, &a) || ys_money_mul(s, nhi, &b))
		return -1;
	return a <= b;
}

/* ---- figures against the tables ---- */

static int col_id(const ys_table *t, const char *id)
{
	for (int c = 0; c < t->def->ncols; c++)
		if (!strcmp(t->def->cols[c].id, id))
			return c;
	return -1;
}

/* Does the table print its amounts to the 分 (some cell with all the unit's decimals)? */
static int table_exact(const ys_table *t)
{
	int d = ys_unit_decimals(t->unit);
	for (int r = 0; r < t->nrows; r++)
		for (int c = 0; c < t->def->ncols; c++)
			if (t->def->cols[c].kind == YS_CK_AMOUNT && t->rows[r].cells[c].amt.present &&
			    t->rows[r].cells[c].amt.dp >= d)
				return 1;
	return 0;
}

typedef struct tval {
	const ys_table *t;
	int row, col;
	int64_t fen;
	int exact;
	char what[128]; /* 预算01表 收支总表 收入总计 */
	int nparts;     /* a sum of rows: its parts (the text may add them rounded) */
	int64_t parts[12];
} tval;

static int fixed_sum(const ys_table *t, const char *const *ids, tval *v, const char *label)
{
	if (!t)
		return 0;
	v->t = t;
	v->row = -1;
	v->fen = 0;
	for (int i = 0; ids[i]; i++) {
		int r = ck_fixed_row(t, ids[i]);
		if (r < 0)
			return 0;
		int c = ck_fixed_col(t, ids[i]);
		if (v->row < 0)
			v->row = r, v->col = c;
		if (ys_money_add(v->fen, t->rows[r].cells[c].amt.fen, &v->fen))
			return 0;
		if (v->nparts < 12)
			v->parts[v->nparts++] = t->rows[r].cells[c].amt.fen;
	}
	if (v->nparts < 2)
		v->nparts = 0;
	char tn[128];
	snprintf(v->what, sizeof v->what, "%s %s", ck_table_name(t, tn, sizeof tn), label);
	v->exact = table_exact(t);
	return 1;
}

static int total_col(const ys_table *t, const char *id, tval *v, const char *label)
{
	if (!t)
		return 0;
	int r = ck_total_row(t), c = col_id(t, id);
	if (r < 0 || c < 0)
		return 0;
	v->t = t, v->row = r, v->col = c;
	v->fen = t->rows[r].cells[c].amt.fen;
	v->exact = table_exact(t);
	char tn[128];
	snprintf(v->what, sizeof v->what, "%s %s", ck_table_name(t, tn, sizeof tn), label);
	return 1;
}

/* 09's one row; an empty 09 is all zero. */
static int t09(const ys_table *t, const char *id, tval *v, const char *label)
{
	if (!t)
		return 0;
	int c = col_id(t, id);
	if (c < 0)
		return 0;
	v->t = t, v->col = c, v->row = -1, v->fen = 0;
	for (int r = 0; r < t->nrows; r++)
		if (t->rows[r].kind == YS_ROW_DATA || t->rows[r].kind == YS_ROW_TOTAL) {
			v->row = r;
			v->fen = t->rows[r].cells[c].amt.fen;
			break;
		}
	v->exact = table_exact(t) || v->row < 0;
	char tn[128];
	snprintf(v->what, sizeof v->what, "%s %s", ck_table_name(t, tn, sizeof tn), label);
	return 1;
}

/* 10's row of a category (A 货物, B 工程, C 服务); absent is zero. */
static int t10(const ys_table *t, char cat, tval *v, const char *label)
{
	if (!t)
		return 0;
	int cc = col_id(t, "category"), ac = col_id(t, "amount");
	if (cc < 0 || ac < 0)
		return 0;
	v->t = t, v->col = ac, v->row = -1, v->fen = 0;
	for (int r = 0; r < t->nrows; r++) {
		const char *s = t->rows[r].cells[cc].text;
		if (t->rows[r].kind == YS_ROW_DATA && s && (s[0] == cat || s[0] == cat + 32)) {
			if (v->row < 0)
				v->row = r;
			if (ys_money_add(v->fen, t->rows[r].cells[ac].amt.fen, &v->fen))
				return 0;
		}
	}
	v->exact = table_exact(t) || v->row < 0;
	char tn[128];
	snprintf(v->what, sizeof v->what, "%s %s", ck_table_name(t, tn, sizeof tn), label);
	return 1;
}

/* The table's figure for a subject, or 0 when the tables do not hold it
 * (机关运行经费, 人员经费 of all funds, a project, a transfer). */
static int table_value(const ys_doc *doc, const ys_nfig *f, tval *v)
{
	memset(v, 0, sizeof *v);
	const ys_table *t01 = doc->tables[YS_T01], *t03 = doc->tables[YS_T03];
	static const char *const fiscal[] = { "in.gp", "in.gf", "in.soc", NULL };
	static const char *const other[] = { "in.special", "in.shiye", "in.upper", "in.affil", "in.oper", "in.other", NULL };
#define ONE(id) ((const char *const[]){ id, NULL })
	switch (f->subj) {
	case YS_NS_INCOME:
		return fixed_sum(t01, ONE("in.grand"), v, "收入总计");
	case YS_NS_EXPEND:
		return fixed_sum(t01, ONE("out.grand"), v, "支出总计");
	case YS_NS_INCOME_CUR:
		return fixed_sum(t01, ONE("in.total"), v, "本年收入合计");
	case YS_NS_EXPEND_CUR:
		return fixed_sum(t01, ONE("out.total"), v, "本年支出合计");
	case YS_NS_FISCAL_IN:
		return fixed_sum(t01, fiscal, v, "三项财政拨款收入之和");
	case YS_NS_GP_IN:
		return fixed_sum(t01, ONE("in.gp"), v, "一般公共预算拨款收入");
	case YS_NS_GF_IN:
		return fixed_sum(t01, ONE("in.gf"), v, "政府性基金预算拨款收入");
	case YS_NS_SOC_IN:
		return fixed_sum(t01, ONE("in.soc"), v, "国有资本经营预算拨款收入");
	case YS_NS_OTHER_IN:
		return fixed_sum(t01, other, v, "非财政拨款六项收入之和");
	case YS_NS_SPECIAL_IN:
		return fixed_sum(t01, ONE("in.special"), v, "财政专户管理资金收入");
	case YS_NS_SHIYE_IN:
		return fixed_sum(t01, ONE("in.shiye"), v, "事业收入");
	case YS_NS_UPPER_IN:
		return fixed_sum(t01, ONE("in.upper"), v, "上级补助收入");
	case YS_NS_AFFIL_IN:
		return fixed_sum(t01, ONE("in.affil"), v, "附属单位上缴收入");
	case YS_NS_OPER_IN:
		return fixed_sum(t01, ONE("in.oper"), v, "事业单位经营收入");
	case YS_NS_OTHERINC_IN:
		return fixed_sum(t01, ONE("in.other"), v, "其他收入");
	case YS_NS_CARRY:
		return fixed_sum(t01, ONE("in.carry"), v, "上年结转结余");
	case YS_NS_YEAREND:
		return fixed_sum(t01, ONE("out.yearend"), v, "年终结转结余");
	case YS_NS_BASIC:
		return total_col(t03, "basic", v, "合计行 基本支出");
	case YS_NS_PROJECT:
		return total_col(t03, "project", v, "合计行 项目支出");
	case YS_NS_OPER_OUT:
		return total_col(t03, "oper", v, "合计行 事业单位经营支出");
	case YS_NS_UPPER_OUT:
		return total_col(t03, "upper", v, "合计行 上缴上级支出");
	case YS_NS_SUBSID_OUT:
		return total_col(t03, "subsid", v, "合计行 对附属单位补助支出");
	case YS_NS_GP_OUT:
		return total_col(doc->tables[YS_T05], "total", v, "合计");
	case YS_NS_GF_OUT:
		return total_col(doc->tables[YS_T07], "total", v, "合计");
	case YS_NS_SOC_OUT:
		return total_col(doc->tables[YS_T08], "total", v, "合计");
	case YS_NS_SANGONG:
		return t09(doc->tables[YS_T09], "total", v, "“三公”经费财政拨款预算总额");
	case YS_NS_ABROAD:
		return t09(doc->tables[YS_T09], "abroad", v, "因公出国（境）费用");
	case YS_NS_RECEPTION:
		return t09(doc->tables[YS_T09], "reception", v, "公务接待费");
	case YS_NS_CAR:
		return t09(doc->tables[YS_T09], "car", v, "公务用车购置及运行维护费");
	case YS_NS_CAR_BUY:
		return t09(doc->tables[YS_T09], "car_buy", v, "公务用车购置费");
	case YS_NS_CAR_RUN:
		return t09(doc->tables[YS_T09], "car_run", v, "公务用车运行维护费");
	case YS_NS_PROC:
		return total_col(doc->tables[YS_T10], "amount", v, "合计");
	case YS_NS_PROC_GOODS:
		return t10(doc->tables[YS_T10], 'A', v, "A-货物");
	case YS_NS_PROC_WORKS:
		return t10(doc->tables[YS_T10], 'B', v, "B-工程");
	case YS_NS_PROC_SERV:
		return t10(doc->tables[YS_T10], 'C', v, "C-服务");
	default:
		return 0;
	}
#undef ONE
}

/* Subjects whose money a fund named before them narrows (一般公共预算基本支出
 * is not 03's 基本支出). */
static int fund_narrows(ys_nsubj s)
{
	switch (s) {
	case YS_NS_SANGONG:
	case YS_NS_ABROAD:
	case YS_NS_RECEPTION:
	case YS_NS_CAR:
	case YS_NS_CAR_BUY:
	case YS_NS_CAR_RUN:
	case YS_NS_FISCAL_IN:
	case YS_NS_GP_IN:
	case YS_NS_GF_IN:
	case YS_NS_SOC_IN:
	case YS_NS_GP_OUT:
	case YS_NS_GF_OUT:
	case YS_NS_SOC_OUT:
		return 0;
	default:
		return 1;
	}
}

/* A figure of this year said of one subject: what the tables can be asked about. */
static int comparable(const ys_narrative *n, const ys_nfig *f)
{
	const ys_nblock *b = &n->blocks[n->sents[f->sent].block];
	if (f->role != YS_NR_VALUE || f->prior || !is_money(f) || f->subj == YS_NS_NONE)
		return 0;
	if (f->year && n->year && f->year != n->year)
		return 0;
	if (b->kind != YS_NK_TEXT && b->kind != YS_NK_HEADING)
		return 0;
	if (b->section == YS_NSEC_TERMS || b->section == YS_NSEC_TRANSFER)
		return 0;
	if (f->fund[0] && fund_narrows(f->subj))
		return 0;
	return 1;
}

/* Does the document have a 情况说明 (ten sentences of text), not only
 * tables with a cover and a 目录? */
static int has_text(const ys_narrative *n)
{
	int k = 0;
	for (int i = 0; i < n->nsents && k < 10; i++)
		k += n->blocks[n->sents[i].block].kind == YS_NK_TEXT && n->sents[i].ends;
	return k >= 10;
}

static int has_13(const ys_doc *doc)
{
	return doc->ntables > 0 && doc->tables[YS_T01];
}

/* How a quoted figure q stands to the table's value: 0 agrees; 1 rounded
 * the wrong way (within one printed unit); 2 a unit slip (x 10^4, x 10^-4);
 * 3 a digit slip (x 10, x 1/10); 4 differs. */
static int judge(int64_t q, int64_t Q, const tval *v, int64_t *expect, int64_t *factor)
{
	int64_t r;
	*factor = 1;
	*expect = v->fen;
	/* a table figure no budget reaches: nothing to say (and no overflow) */
	if (v->fen > YS_NARR_FEN_MAX || v->fen < -YS_NARR_FEN_MAX)
		return 0;
	if (v->exact) {
		if (ys_money_round(v->fen, Q, YS_ROUND_HALF_UP, &r))
			return 4;
		*expect = r;
		if (q == r)
			return 0;
		/* a subtotal the text adds from its parts as it prints them */
		if (v->nparts) {
			int64_t s = 0, pr;
			int ok = 1;
			for (int i = 0; i < v->nparts && ok; i++)
				ok = v->parts[i] <= YS_NARR_FEN_MAX && v->parts[i] >= -YS_NARR_FEN_MAX &&
				     !ys_money_round(v->parts[i], Q, YS_ROUND_HALF_UP, &pr) && !ys_money_add(s, pr, &s);
			if (ok && q == s)
				return 0;
		}
		if (abs64(q - v->fen) < Q)
			return 1;
	} else {
		*expect = v->fen;
		/* the table rounded too: allow both halves */
		int64_t tq = ys_money_quantum(v->t->unit, v->t->def->dp);
		if (tq < 0)
			tq = 0;
		if (2 * abs64(q - v->fen) <= Q + tq)
			return 0;
	}
	static const int64_t fs[] = { 10000, -10000, 10, -10 };
	for (int i = 0; i < 4; i++) {
		int64_t vv;
		if (fs[i] > 0) {
			if (ys_money_mul(v->fen, fs[i], &vv))
				continue;
		} else {
			vv = v->fen / -fs[i];
		}
		if ((vv == 0 && v->fen != 0) || vv > YS_NARR_FEN_MAX || vv < -YS_NARR_FEN_MAX)
			continue;
		if (v->fen == 0)
			continue;
		if (2 * abs64(q - vv) <= Q + (fs[i] < 0 ? -fs[i] : 0)) {
			*factor = fs[i];
			return i < 2 ? 2 : 3;
		}
	}
	return 4;
}

/* rule->arg: 0 narrative.figure, 1 narrative.rounding, 2 narrative.unit */
void rule_narr_figure(ys_checker *ck, const ys_rule *rule)
{
	const ys_doc *doc = ck->doc;
	if (!has_13(doc))
		return;
	ys_narrative *n = narr(ck);
	if (!n)
		return;
	for (int i = 0; i < n->nfigs; i++) {
		const ys_nfig *f = &n->figs[i];
		tval v;
		if (!comparable(n, f) || !table_value(doc, f, &v))
			continue;
		/* against the tables a 0 rounds like any other figure */
		int64_t Q = ys_money_quantum(money_unit(f->unit), f->dp), expect = 0, factor = 1;
		if (Q <= 0)
			Q = 1;
		int j = judge(f->fen, Q, &v, &expect, &factor);
		if (!j || (rule->arg == 0 && j != 4) || (rule->arg == 1 && j != 1) || (rule->arg == 2 && j != 2 && j != 3))
			continue;
		char a[YS_MONEY_FMT_MAX], b[YS_MONEY_FMT_MAX], c[YS_MONEY_FMT_MAX], fb[64];
		ys_finding *fd;
		const char *un = ys_nunit_name(f->unit);
		if (j == 1)
			fd = nfind(ck, rule, rule->sev, n, f->sent, f->off,
			           "%s写作 %s，%s为 %s 万元，按%d位小数四舍五入应为 %s%s", ys_nsubj_name(f->subj),
			           ys_nfig_format(f, fb, sizeof fb), v.what, ck_amount(v.t, v.fen, a), f->dp,
			           fmt_amount(expect, f->unit, f->dp, b), un);
		else if (j == 2)
			fd = nfind(ck, rule, rule->sev, n, f->sent, f->off,
			           "%s写作 %s，%s为 %s 万元：数字相差一万倍，单位%s有误（应为%s）", ys_nsubj_name(f->subj),
			           ys_nfig_format(f, fb, sizeof fb), v.what, ck_amount(v.t, v.fen, a), un,
			           factor > 0 ? (f->unit == YS_NU_WANYUAN ? "元" : f->unit == YS_NU_YIYUAN ? "万元" : "分")
			                      : (f->unit == YS_NU_YUAN ? "万元" : f->unit == YS_NU_WANYUAN ? "亿元" : "万亿元"));
		else if (j == 3)
			fd = nfind(ck, rule, rule->sev, n, f->sent, f->off, "%s写作 %s，%s为 %s 万元：相差十倍，%s一位数",
			           ys_nsubj_name(f->subj), ys_nfig_format(f, fb, sizeof fb), v.what, ck_amount(v.t, v.fen, a),
			           factor > 0 ? "多写" : "少写");
		else
			fd = nfind(ck, rule, rule->sev, n, f->sent, f->off, "%s写作 %s，%s为 %s 万元（相差 %s %s）",
			           ys_nsubj_name(f->subj), ys_nfig_format(f, fb, sizeof fb), v.what, ck_amount(v.t, v.fen, a),
			           fmt_amount(abs64(f->fen - (v.exact ? expect : v.fen)), f->unit, f->dp, c), un);
		if (fd) {
			fd->has_amounts = 1;
			fd->expected = v.fen;
			fd->found = f->fen;
			fd->difference = f->fen - v.fen;
		}
	}
	ys_narrative_free(n);
}

/* ---- the text's own arithmetic ---- */

/* The figure of a subject said of this year, the first one (-1 if none);
 * *conflict when it is quoted with another value too. */
static int value_of(const ys_narrative *n, ys_nsubj s, int *conflict)
{
	int first = -1;
	*conflict = 0;
	for (int i = 0; i < n->nfigs; i++) {
		const ys_nfig *f = &n->figs[i];
		if (f->subj != s || f->role != YS_NR_VALUE || f->prior || !is_money(f) ||
		    (f->year && n->year && f->year != n->year) || f->fund[0])
			continue;
		const ys_nblock *b = &n->blocks[n->sents[f->sent].block];
		if (b->section == YS_NSEC_TERMS || b->section == YS_NSEC_TRANSFER)
			continue;
		if (first < 0) {
			first = i;
		} else {
			const ys_nfig *g = &n->figs[first];
			if (2 * abs64(f->fen - g->fen) > quantum(f) + quantum(g))
				*conflict = 1;
		}
	}
	return first;
}

/* rule narrative.share: 占 X% */
void rule_narr_share(ys_checker *ck, const ys_rule *rule)
{
	ys_narrative *n = narr(ck);
	if (!n)
		return;
	const ys_doc *doc = ck->doc;
	char a[32], b[32];
	for (int i = 0; i < n->nfigs; i++) {
		const ys_nfig *f = &n->figs[i];
		if (f->role != YS_NR_SHARE || !pct_ok(f) || f->prior)
			continue;
		/* its value: the figure before it in the sentence */
		const ys_nfig *v = NULL;
		for (int k = i - 1; k >= 0 && n->figs[k].sent == f->sent; k--)
			if (n->figs[k].role == YS_NR_VALUE && is_money(&n->figs[k])) {
				v = &n->figs[k];
				break;
			}
		/* a figure said of nothing the reader knows (涉及财政性资金合计
		 * 183,959.16 万元，占…的比例为 98.77%) has no whole to reckon with */
		if (!v || v->subj != f->subj || v->subj == YS_NS_NONE)
			continue;
		int ok = -1;
		int64_t want = -1;
		/* against the tables: 基本/项目支出 of 本年支出 */
		if (has_13(doc) && (f->subj == YS_NS_BASIC || f->subj == YS_NS_PROJECT) && f->of == YS_NS_EXPEND_CUR &&
		    !f->fund[0]) {
			tval tv, td;
			ys_nfig den = *f;
			den.subj = YS_NS_EXPEND_CUR;
			if (table_value(doc, f, &tv) && table_value(doc, &den, &td) && td.fen > 0 && tv.fen >= 0) {
				want = pct_round(tv.fen, td.fen, f->dp);
				ok = want >= 0 && want == f->mant;
			}
		}
		/* from the figures quoted: the share of the quoted value in its whole */
		int64_t dlo = -1, dhi = -1;
		int c1, c2;
		if (f->of == YS_NS_EXPEND_CUR && (f->subj == YS_NS_BASIC || f->subj == YS_NS_PROJECT)) {
			int bi = value_of(n, YS_NS_BASIC, &c1), pi = value_of(n, YS_NS_PROJECT, &c2);
			if (bi >= 0 && pi >= 0 && !c1 && !c2) {
				int64_t s = n->figs[bi].fen + n->figs[pi].fen;
				int64_t h = (quantum(&n->figs[bi]) + quantum(&n->figs[pi])) / 2;
				dlo = s - h, dhi = s + h;
			}
		} else if (f->of != YS_NS_NONE) {
			int di = value_of(n, f->of, &c1);
			if (di >= 0 && !c1) {
				int64_t h = quantum(&n->figs[di]) / 2;
				dlo = n->figs[di].fen - h, dhi = n->figs[di].fen + h;
			}
		}
		int text_ok = -1;
		if (dlo > 0) {
			int64_t h = quantum(v) / 2;
			text_ok = pct_possible(f->mant, f->dp, v->fen - h, v->fen + h, dlo, dhi);
			if (want < 0 && text_ok == 0)
				want = pct_round(v->fen, (dlo + dhi) / 2, f->dp);
		}
		/* an error only when neither the tables nor the quoted figures give it */
		if ((ok == 0 && text_ok != 1) || (ok < 0 && text_ok == 0))
			nfind(ck, rule, want >= 0 && abs64(want - f->mant) <= 1 ? YS_SEV_WARNING : rule->sev, n, f->sent, f->off, "%s占比写作 %s%%，按%s计算应为 %s%%", ys_nsubj_name(f->subj),
			      fmt_dec(f->mant, f->dp, a, sizeof a), ok == 0 ? "表中数字" : "文中数字",
			      fmt_dec(want, f->dp, b, sizeof b));
	}
	/* shares of one whole: never over 100 %; 基本 + 项目 is all of 本年支出 */
	for (int i = 0; i < n->nfigs; i++) {
		const ys_nfig *f = &n->figs[i];
		if (f->role != YS_NR_SHARE || !pct_ok(f) || f->of == YS_NS_NONE || f->prior)
			continue;
		const ys_nblock *fb = &n->blocks[n->sents[f->sent].block];
		int first = 1;
		for (int k = 0; k < i && first; k++)
			if (n->figs[k].role == YS_NR_SHARE && n->figs[k].of == f->of &&
			    n->blocks[n->sents[n->figs[k].sent].block].section == fb->section)
				first = 0;
		if (!first)
			continue;
		int cnt = 0, last = i, dp = f->dp, basic = 0, project = 0, others = 0;
		int64_t sum = 0;
		for (int k = i; k < n->nfigs; k++) {
			const ys_nfig *g = &n->figs[k];
			if (g->role != YS_NR_SHARE || !pct_ok(g) || g->of != f->of || g->prior ||
			    n->blocks[n->sents[g->sent].block].section != fb->section)
				continue;
			if (g->dp != dp)
				goto next;
			sum += g->mant;
			cnt++;
			last = k;
			basic += g->subj == YS_NS_BASIC;
			project += g->subj == YS_NS_PROJECT;
			others += g->subj != YS_NS_BASIC && g->subj != YS_NS_PROJECT;
		}
		if (cnt >= 2) {
			int64_t hundred = 100 * pow10i(dp), tol = cnt; /* n halves of the last digit, doubled */
			int over = 2 * (sum - hundred) > tol;
			int under = basic == 1 && project == 1 && !others && 2 * (hundred - sum) > tol;
			if (over || under)
				nfind(ck, rule, rule->sev, n, n->figs[last].sent, n->figs[last].off,
				      "%d 个占%s的比例合计 %s%%，%s", cnt, ys_nsubj_name(f->of), fmt_dec(sum, dp, a, sizeof a),
				      over ? "超过 100%（各自四舍五入最多差半个末位）" : "基本支出与项目支出应合计 100%");
		}
	next:;
	}
	ys_narrative_free(n);
}

/* The whole of a change: the figures a sentence compares. */
typedef struct cmpset {
	const ys_nfig *cur, *base, *chg;
} cmpset;

static int same_subject(const ys_nfig *a, const ys_nfig *b)
{
	return a->subj == b->subj && (a->subj != YS_NS_CLASS || !strcmp(a->subj_text, b->subj_text));
}

/* Walk a sentence's figures; call fn at each change and rate with what it
 * compares.  kind: 0 change amounts, 1 rates, 2 directions. */
typedef void (*cmp_fn)(ys_checker *, const ys_rule *, const ys_narrative *, const cmpset *, const ys_nfig *);

static void walk_changes(ys_checker *ck, const ys_rule *rule, const ys_narrative *n, cmp_fn fn)
{
	for (int si = 0; si < n->nsents; si++) {
		const ys_nsent *s = &n->sents[si];
		cmpset cs = { NULL, NULL, NULL };
		for (int i = s->fig0; i < s->fig0 + s->nfig; i++) {
			const ys_nfig *f = &n->figs[i];
			/* parts listed with 、 (其中：一般公共预算拨款 324,638.50 万元、
			 * 上年结转 13,102.70 万元，较上年减少 …): the change after
			 * them is the whole's, or each one's: not recomputed */
			const ys_nfig *pf = i > s->fig0 ? f - 1 : NULL;
			if (f->role == YS_NR_VALUE && pf && (pf->role == YS_NR_VALUE || pf->role == YS_NR_BASE) &&
			    between(s->text + pf->off + pf->len, s->text + f->off, "、") &&
			    !between(s->text + pf->off + pf->len, s->text + f->off, "，") &&
			    !between(s->text + pf->off + pf->len, s->text + f->off, "；")) {
				cs.cur = NULL;
				cs.chg = NULL;
				continue;
			}
			if (f->role == YS_NR_VALUE && is_money(f)) {
				if (f->prior && (!n->year || !f->year || f->year < n->year)) {
					cs.base = f;
				} else {
					if (cs.base && !same_subject(cs.base, f) && !(f->inherited && cs.base->inherited))
						cs.base = NULL;
					cs.cur = f;
					cs.chg = NULL;
				}
			} else if (f->role == YS_NR_BASE && is_money(f)) {
				cs.base = f;
			} else if (f->role == YS_NR_CHANGE && is_money(f)) {
				cs.chg = f;
				if (cs.cur)
					fn(ck, rule, n, &cs, f);
			} else if (f->role == YS_NR_RATE && pct_ok(f)) {
				if (cs.cur)
					fn(ck, rule, n, &cs, f);
			}
		}
	}
}

static int usable(const cmpset *cs, const ys_nfig *f)
{
	if (!cs->cur || (cs->base && cs->base->unit != cs->cur->unit) || (cs->chg && cs->chg->unit != cs->cur->unit))
		return 0;
	if (cs->base && !same_subject(cs->base, cs->cur) && !(cs->base->inherited || cs->cur->inherited))
		return 0;
	(void)f;
	return 1;
}

/* Is f quoted with another value earlier in its item (narrative.consistent
 * reports that; what follows from it is not a second error)? */
static int conflicted(const ys_narrative *n, const ys_nfig *f)
{
	int blk = n->sents[f->sent].block;
	for (const ys_nfig *g = f - 1; g >= n->figs && n->sents[g->sent].block == blk; g--)
		if (g->role == YS_NR_VALUE && !g->prior && is_money(g) && same_subject(f, g) &&
		    2 * abs64(f->fen - g->fen) > quantum(f) + quantum(g))
			return 1;
	return 0;
}

static void change_check(ys_checker *ck, const ys_rule *rule, const ys_narrative *n, const cmpset *cs,
                         const ys_nfig *f)
{
	if (!usable(cs, f) || conflicted(n, cs->cur))
		return;
	const ys_nfig *c = cs->cur, *b = cs->base;
	char x[YS_MONEY_FMT_MAX], y[YS_MONEY_FMT_MAX], z[YS_MONEY_FMT_MAX], p1[32], p2[32];
	if (f->role == YS_NR_CHANGE) {
		if (!b)
			return;
		int64_t d = abs64(c->fen - b->fen);
		if (2 * abs64(d - f->fen) > quantum(c) + quantum(b) + quantum(f))
			nfind(ck, rule, rule->sev, n, f->sent, f->off, "增减额写作 %s%s，而 %s 与 %s 相差 %s%s",
			      fmt_amount(f->fen, f->unit, f->dp, x), ys_nunit_name(f->unit),
			      fmt_amount(c->fen, c->unit, c->dp, y), fmt_amount(b->fen, b->unit, b->dp, z),
			      fmt_amount(d, c->unit, c->dp > b->dp ? c->dp : b->dp, p1), ys_nunit_name(c->unit));
		return;
	}
	/* a rate: from the base quoted, else from the change */
	int64_t nlo, nhi, dlo, dhi, num, den;
	int64_t qc = quantum(c);
	if (b) {
		int64_t qb = quantum(b);
		num = abs64(c->fen - b->fen);
		den = b->fen;
		nlo = 2 * num - (qc + qb), nhi = 2 * num + (qc + qb);
		dlo = 2 * den - qb, dhi = 2 * den + qb;
	} else if (cs->chg && cs->chg->dir) {
		int64_t qd = quantum(cs->chg);
		num = cs->chg->fen;
		den = c->fen - cs->chg->dir * cs->chg->fen;
		nlo = 2 * num - qd, nhi = 2 * num + qd;
		dlo = 2 * den - (qc + qd), dhi = 2 * den + (qc + qd);
	} else {
		return;
	}
	if (den <= 0)
		return; /* from nothing: no rate */
	int ok = pct_possible(f->mant, f->dp, nlo, nhi, dlo, dhi);
	if (ok == 0) {
		int64_t want = pct_round(num, den, f->dp);
		/* off by one in the last digit: a slip of rounding, not of sense */
		ys_severity sev = want >= 0 && abs64(want - f->mant) <= 1 ? YS_SEV_WARNING : rule->sev;
		if (b)
			nfind(ck, rule, sev, n, f->sent, f->off, "增减率写作 %s%%，按文中 %s 与 %s 计算为 %s%%",
			      fmt_dec(f->mant, f->dp, p1, sizeof p1), fmt_amount(c->fen, c->unit, c->dp, x),
			      fmt_amount(b->fen, b->unit, b->dp, y), fmt_dec(want, f->dp, p2, sizeof p2));
		else
			nfind(ck, rule, sev, n, f->sent, f->off, "增减率写作 %s%%，按文中 %s 与增减额 %s 计算为 %s%%",
			      fmt_dec(f->mant, f->dp, p1, sizeof p1), fmt_amount(c->fen, c->unit, c->dp, x),
			      fmt_amount(cs->chg->fen, cs->chg->unit, cs->chg->dp, y), fmt_dec(want, f->dp, p2, sizeof p2));
	}
}

void rule_narr_change(ys_checker *ck, const ys_rule *rule)
{
	ys_narrative *n = narr(ck);
	if (!n)
		return;
	walk_changes(ck, rule, n, change_check);
	ys_narrative_free(n);
}

static void direction_check(ys_checker *ck, const ys_rule *rule, const ys_narrative *n, const cmpset *cs,
                            const ys_nfig *f)
{
	/* 减少 X 万元，增长 Y%: the two words of one change disagree */
	if (f->role == YS_NR_RATE && cs->chg && cs->chg->dir && f->dir && cs->chg->dir != f->dir &&
	    cs->chg->sent == f->sent && cs->chg->fen != 0) {
		nfind(ck, rule, rule->sev, n, f->sent, f->off, "增减额写作%s，增减率却写作%s", cs->chg->dir > 0 ? "增加" : "减少",
		      f->dir > 0 ? "增长" : "下降");
		return;
	}
	if (!usable(cs, f) || !cs->base || !f->dir)
		return;
	const ys_nfig *c = cs->cur, *b = cs->base;
	int64_t d = c->fen - b->fen, tol = quantum(c) + quantum(b);
	int real = (2 * d > tol) ? 1 : (2 * d < -tol) ? -1 : 0;
	if (real && real != f->dir) {
		char x[YS_MONEY_FMT_MAX], y[YS_MONEY_FMT_MAX];
		/* one finding per sentence: the first word that is wrong */
		for (int k = n->sents[f->sent].fig0; k < (int)(f - n->figs); k++)
			if ((n->figs[k].role == YS_NR_CHANGE || n->figs[k].role == YS_NR_RATE) && n->figs[k].dir == f->dir &&
			    n->figs[k].dir != real)
				return;
		nfind(ck, rule, rule->sev, n, f->sent, f->off, "写作%s，但 %s 比 %s %s", f->dir > 0 ? "增加（增长）" : "减少（下降）",
		      fmt_amount(c->fen, c->unit, c->dp, x), fmt_amount(b->fen, b->unit, b->dp, y), real > 0 ? "多" : "少");
	}
}

/* 持平, 等于 with figures that differ; 大于/小于 against the figures. */
static void direction_words(ys_checker *ck, const ys_rule *rule, const ys_narrative *n)
{
	for (int si = 0; si < n->nsents; si++) {
		const ys_nsent *s = &n->sents[si];
		const char *t = s->text;
		for (const char *p = strstr(t, "持平"); p; p = strstr(p + 1, "持平")) {
			size_t at = (size_t)(p - t);
			/* the clause's figures: the value before it and the base (or change) */
			const ys_nfig *cur = NULL, *base = NULL, *chg = NULL;
			size_t c0 = 0, k0 = 0;
			for (const char *q = t; q < p; q++) {
				if (starts(q, "；") || starts(q, "。"))
					c0 = (size_t)(q - t) + 3;
				if (starts(q, "，") || starts(q, "；") || starts(q, "：") || starts(q, "。"))
					k0 = (size_t)(q - t) + 3;
			}
			/* its own clause names what is level (其中：因公出国（境）费支出与
			 * 上一年度持平) without a figure: nothing to compare */
			int own = between(t + k0, p, "费") || between(t + k0, p, "支出") || between(t + k0, p, "收入"), figs_in = 0;
			for (int i = s->fig0; i < s->fig0 + s->nfig; i++)
				figs_in += n->figs[i].off >= k0 && n->figs[i].off < at;
			if (own && !figs_in)
				continue;
			/* 基本持平, 大致持平: about level, a small change is meant */
			if (between(t + k0, p, "基本") || between(t + k0, p, "大致") || between(t + k0, p, "大体") ||
			    between(t + k0, p, "总体") || between(t + k0, p, "略"))
				continue;
			for (int i = s->fig0; i < s->fig0 + s->nfig; i++) {
				const ys_nfig *f = &n->figs[i];
				if (f->off < c0 || f->off > at || !is_money(f))
					continue;
				if (f->role == YS_NR_VALUE && !(f->prior && f->year && n->year && f->year < n->year))
					cur = f;
				else if (f->role == YS_NR_BASE || (f->role == YS_NR_VALUE && f->prior))
					base = f;
				else if (f->role == YS_NR_CHANGE)
					chg = f;
			}
			char x[YS_MONEY_FMT_MAX], y[YS_MONEY_FMT_MAX];
			if (cur && base && cur->unit == base->unit && same_subject(cur, base) &&
			    2 * abs64(cur->fen - base->fen) > quantum(cur) + quantum(base))
				nfind(ck, rule, rule->sev, n, si, at, "写作持平，但 %s 与 %s 不等", fmt_amount(cur->fen, cur->unit, cur->dp, x),
				      fmt_amount(base->fen, base->unit, base->dp, y));
			else if (chg && chg->fen != 0)
				nfind(ck, rule, rule->sev, n, si, at, "写作持平，但增减额为 %s%s",
				      fmt_amount(chg->fen, chg->unit, chg->dp, x), ys_nunit_name(chg->unit));
		}
		static const struct {
			const char *w;
			int rel; /* 0 equal, 1 greater, -1 less */
		} rel[] = { { "等于", 0 }, { "大于", 1 }, { "高于", 1 }, { "多于", 1 }, { "小于", -1 }, { "低于", -1 },
			    { "少于", -1 } };
		for (size_t r = 0; r < YS_ARRAY_LEN(rel); r++)
			for (const char *p = strstr(t, rel[r].w); p; p = strstr(p + 1, rel[r].w)) {
				size_t at = (size_t)(p - t), end = at + strlen(rel[r].w);
				/* A 万元 (word) B 万元: the figure just before and just after, in one clause */
				const ys_nfig *a = NULL, *b = NULL;
				for (int i = s->fig0; i < s->fig0 + s->nfig; i++) {
					const ys_nfig *f = &n->figs[i];
					if (f->off + f->len <= at)
						a = f;
					else if (f->off >= end && !b)
						b = f;
				}
				if (!a || !b || a->unit != b->unit || !is_money(a) || !is_money(b))
					continue;
				/* nothing but the word and a subject between them, no clause break */
				const char *gap0 = t + a->off + a->len, *gap1 = t + b->off;
				int brk = 0;
				for (const char *q = gap0; q < gap1; q++)
					if ((starts(q, "，") || starts(q, "；") || starts(q, "。")) && q + 3 != p)
						brk = 1;
				if (brk || gap1 - gap0 > 60)
					continue;
				int64_t d = a->fen - b->fen, tol = quantum(a) + quantum(b);
				int real = (2 * d > tol) ? 1 : (2 * d < -tol) ? -1 : 0;
				if (real != rel[r].rel) {
					char x[YS_MONEY_FMT_MAX], y[YS_MONEY_FMT_MAX];
					nfind(ck, rule, rule->sev, n, si, at, "写作“%s”，但 %s %s %s", rel[r].w,
					      fmt_amount(a->fen, a->unit, a->dp, x), real > 0 ? "大于" : real < 0 ? "小于" : "等于",
					      fmt_amount(b->fen, b->unit, b->dp, y));
				}
			}
	}
}

void rule_narr_direction(ys_checker *ck, const ys_rule *rule)
{
	ys_narrative *n = narr(ck);
	if (!n)
		return;
	walk_changes(ck, rule, n, direction_check);
	direction_words(ck, rule, n);
	ys_narrative_free(n);
}

/* rule narrative.sum: a total and its parts quoted */
void rule_narr_sum(ys_checker *ck, const ys_rule *rule)
{
	static const struct {
		ys_nsubj total;
		ys_nsubj parts[10];
		const char *what;
	} sums[] = {
		{ YS_NS_INCOME, { YS_NS_FISCAL_IN, YS_NS_OTHER_IN, YS_NS_CARRY }, "财政拨款收入、其他资金收入与上年结转结余" },
		{ YS_NS_INCOME,
		  { YS_NS_GP_IN, YS_NS_GF_IN, YS_NS_SOC_IN, YS_NS_SPECIAL_IN, YS_NS_SHIYE_IN, YS_NS_UPPER_IN, YS_NS_AFFIL_IN,
		    YS_NS_OPER_IN, YS_NS_OTHERINC_IN, YS_NS_CARRY },
		  "各项收入与上年结转结余" },
		{ YS_NS_INCOME,
		  { YS_NS_FISCAL_IN, YS_NS_SPECIAL_IN, YS_NS_SHIYE_IN, YS_NS_UPPER_IN, YS_NS_AFFIL_IN, YS_NS_OPER_IN,
		    YS_NS_OTHERINC_IN, YS_NS_CARRY },
		  "财政拨款收入、各项其他收入与上年结转结余" },
		{ YS_NS_FISCAL_IN, { YS_NS_GP_IN, YS_NS_GF_IN, YS_NS_SOC_IN }, "三项财政拨款收入" },
		{ YS_NS_OTHER_IN,
		  { YS_NS_SPECIAL_IN, YS_NS_SHIYE_IN, YS_NS_UPPER_IN, YS_NS_AFFIL_IN, YS_NS_OPER_IN, YS_NS_OTHERINC_IN },
		  "六项其他资金收入" },
		{ YS_NS_EXPEND, { YS_NS_BASIC, YS_NS_PROJECT, YS_NS_YEAREND }, "基本支出、项目支出与年终结转结余" },
		{ YS_NS_SANGONG, { YS_NS_ABROAD, YS_NS_RECEPTION, YS_NS_CAR }, "因公出国（境）费用、公务接待费与公务用车购置及运行维护费" },
		{ YS_NS_CAR, { YS_NS_CAR_BUY, YS_NS_CAR_RUN }, "公务用车购置费与运行维护费" },
		{ YS_NS_PROC, { YS_NS_PROC_GOODS, YS_NS_PROC_WORKS, YS_NS_PROC_SERV }, "货物、工程与服务" },
	};
	ys_narrative *n = narr(ck);
	if (!n)
		return;
	int reported[YS_NS_COUNT_] = { 0 };
	for (size_t k = 0; k < YS_ARRAY_LEN(sums); k++) {
		int c, ti = value_of(n, sums[k].total, &c);
		if (ti < 0 || c || reported[sums[k].total])
			continue;
		const ys_nfig *t = &n->figs[ti];
		int64_t sum = 0, tol = quantum(t);
		int quoted = 0, all = 1, bad = 0, np = 0;
		for (int j = 0; j < 10 && sums[k].parts[j]; j++) {
			np++;
			int pc, pi = value_of(n, sums[k].parts[j], &pc);
			if (pi < 0) {
				all = 0;
				continue;
			}
			if (pc || n->figs[pi].unit != t->unit) {
				bad = 1;
				break;
			}
			sum += n->figs[pi].fen;
			tol += quantum(&n->figs[pi]);
			quoted++;
		}
		if (bad || quoted < 2)
			continue;
		/* tol: the halves of every figure's last digit, doubled */
		/* parts over the total are wrong anywhere; parts short of it only
		 * where the parts are known to be all of it (the 13 tables' layout:
		 * elsewhere 预留机动经费 and the like come on top) */
		int64_t d = sum - t->fen;
		if (2 * d > tol || (all && has_13(ck->doc) && 2 * -d > tol)) {
			char x[YS_MONEY_FMT_MAX], y[YS_MONEY_FMT_MAX];
			nfind(ck, rule, rule->sev, n, t->sent, t->off, "%s写作 %s%s，而文中%s之和为 %s%s（%d 项中引了 %d 项%s）",
			      ys_nsubj_name(t->subj), fmt_amount(t->fen, t->unit, t->dp, x), ys_nunit_name(t->unit),
			      sums[k].what, fmt_amount(sum, t->unit, t->dp, y), ys_nunit_name(t->unit), np, quoted,
			      all ? "" : "，已超过总数");
			reported[sums[k].total] = 1;
		}
	}
	ys_narrative_free(n);
}

/* rule narrative.consistent: one subject, two figures */
static int subsequence(const char *a, const char *b);

/* Said of the department's own subject: no words before it that name
 * whose (编外人员经费, a unit's 公用经费, …评审项目支出), or only the
 * department's name, as its title prints it or in a short form that ends
 * like it (省检察院 for 江苏省人民检察院: 省检察院本年支出预算合计). */
static int plain(const ys_narrative *n, const ys_nfig *f)
{
	static const char *const tails[] = { "部门预算", "单位预算", "预算", "本年度", "本年", "年度", "部门", NULL };
	static const char *const orgs[] = { "局", "院", "委", "办", "厅", "中心", "部", "会", "室", "所", "站", "处", "队", NULL };
	char q[256];
	if (!f->qual || !f->qual[0])
		return 1;
	snprintf(q, sizeof q, "%s", f->qual);
	size_t len = strlen(q);
	for (int again = 1; again;) {
		again = 0;
		for (int i = 0; tails[i]; i++) {
			size_t tl = strlen(tails[i]);
			if (len > tl && !strcmp(q + len - tl, tails[i])) {
				q[len -= tl] = '\0';
				again = 1;
			}
		}
	}
	if (strstr(n->title, q))
		return 1;
	int org = 0;
	for (int i = 0; orgs[i] && !org; i++)
		org = len > strlen(orgs[i]) && !strcmp(q + len - strlen(orgs[i]), orgs[i]);
	return org && ys_utf8_count(q, len) >= 3 && subsequence(q, n->title);
}

void rule_narr_consistent(ys_checker *ck, const ys_rule *rule)
{
	ys_narrative *n = narr(ck);
	if (!n)
		return;
	for (int i = 0; i < n->nfigs; i++) {
		const ys_nfig *f = &n->figs[i];
		if (f->role != YS_NR_VALUE || f->prior || !is_money(f) || f->subj == YS_NS_NONE ||
		    f->subj == YS_NS_TRANSFER || f->subj == YS_NS_PERF || f->subj == YS_NS_PROC_SME ||
		    (f->year && n->year && f->year != n->year) || !(f->near || f->inherited) || !plain(n, f))
			continue;
		const ys_nblock *fb = &n->blocks[n->sents[f->sent].block];
		if (fb->section == YS_NSEC_TERMS || fb->section == YS_NSEC_TRANSFER)
			continue;
		for (int k = 0; k < i; k++) {
			const ys_nfig *g = &n->figs[k];
			if (g->role != YS_NR_VALUE || g->prior || !is_money(g) || !same_subject(f, g) ||
			    strcmp(f->fund, g->fund) || (g->year && n->year && g->year != n->year) || !(g->near || g->inherited) ||
			    !plain(n, g))
				continue;
			const ys_nblock *gb = &n->blocks[n->sents[g->sent].block];
			/* a 类/款/项 within its item; other subjects within their
			 * section, and a unit's within that unit's part */
			if (f->subj == YS_NS_CLASS ? fb != gb : fb->section != gb->section || fb->part != gb->part)
				continue;
			if (2 * abs64(f->fen - g->fen) <= quantum(f) + quantum(g))
				continue;
			char x[64], y[64];
			nfind(ck, rule, rule->sev, n, f->sent, f->off, "%s写作 %s，而第 %d 页写作 %s",
			      f->subj == YS_NS_CLASS ? f->subj_text : ys_nsubj_name(f->subj), ys_nfig_format(f, x, sizeof x),
			      n->sents[g->sent].page, ys_nfig_format(g, y, sizeof y));
			break;
		}
	}
	ys_narrative_free(n);
}

/* ---- years ---- */

static int year_at(const char *p, const char *start)
{
	if ((p[0] == '1' || p[0] == '2') && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' && p[2] <= '9' && p[3] >= '0' &&
	    p[3] <= '9' && starts(p + 4, "年") && (p == start || !(p[-1] >= '0' && p[-1] <= '9'))) {
		int v = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
		return v >= 1990 && v <= 2099 ? v : 0;
	}
	return 0;
}

static int is_final(const ys_narrative *n)
{
	return n->kind == YS_ND_DEPT_FINAL || n->kind == YS_ND_UNIT_FINAL;
}

void rule_narr_year(ys_checker *ck, const ys_rule *rule)
{
	ys_narrative *n = narr(ck);
	if (!n)
		return;
	int Y = n->year;
	const ys_doc *doc = ck->doc;
	/* the title against the tables */
	int ty = 0;
	for (const char *p = n->title; *p && !ty; p++)
		ty = year_at(p, n->title);
	if (ty && doc->year && ty != doc->year) {
		for (int b = 0; b < n->nblocks; b++)
			if (n->blocks[b].kind == YS_NK_TITLE || n->blocks[b].text == n->title) {
				nfind(ck, rule, rule->sev, n, n->blocks[b].sent0, 0, "说明的标题为 %d 年，表格为 %d 年", ty, doc->year);
				break;
			}
		Y = doc->year;
	}
	if (!Y) {
		ys_narrative_free(n);
		return;
	}
	for (int si = 0; si < n->nsents; si++) {
		const ys_nsent *s = &n->sents[si];
		const ys_nblock *b = &n->blocks[s->block];
		const char *t = s->text;
		int reported = 0;
		if (b->kind == YS_NK_CELL)
			continue;
		for (const char *p = t; *p && !reported; p++) {
			int y = year_at(p, t);
			if (!y)
				continue;
			const char *after = p + 4 + strlen("年");
			if (starts(after, "度"))
				after += strlen("度");
			/* 1. the disclosure named with another year: headings, 目录, title */
			if (b->kind != YS_NK_TEXT && y != Y && !(y == Y - 1 && strstr(t, "执行")) &&
			    (starts(after, "部门预算") || starts(after, "单位预算") || starts(after, "部门决算") ||
			     starts(after, "单位决算") || starts(after, "预算情况") || starts(after, "决算情况") ||
			     starts(after, "预算报表") || starts(after, "部门") || starts(after, "预算单位") ||
			     starts(after, "区级部门") || starts(after, "“三公”经费预算") || starts(after, "预算编制说明"))) {
				nfind(ck, rule, rule->sev, n, si, (size_t)(p - t), "标题写作 %d 年，本公开为 %d 年", y, Y);
				reported = 1;
				continue;
			}
			/* 2. a comparison with the year itself or a later one (budgets) */
			int cmp = 0;
			if (p - t >= 3 && (starts(p - 3, "比") || starts(p - 3, "较") || starts(p - 3, "与")))
				cmp = 1;
			if (cmp && !is_final(n) && y >= Y) {
				nfind(ck, rule, rule->sev, n, si, (size_t)(p - t), "与 %d 年比较，本公开即为 %d 年预算，应与上年（%d 年）比较", y,
				      Y, Y - 1);
				reported = 1;
				continue;
			}
			/* 3. 截至: the year before or the year itself */
			if (p - t >= 6 && starts(p - 6, "截至") && y != Y - 1 && y != Y) {
				nfind(ck, rule, rule->sev, n, si, (size_t)(p - t), "截至 %d 年的资产数，本公开为 %d 年，应截至 %d 年", y, Y,
				      Y - 1);
				reported = 1;
			}
		}
		if (reported || b->kind != YS_NK_TEXT)
			continue;
		/* 4. the budget's own figures said of another year: "2025年度收入预算
		 * X万元" in a 2026 disclosure, when no figure of the sentence is of 2026 */
		int other = 0, own = 0, at = -1;
		for (int i = s->fig0; i < s->fig0 + s->nfig; i++) {
			const ys_nfig *f = &n->figs[i];
			if (f->role != YS_NR_VALUE || !is_money(f))
				continue;
			if (f->year == Y)
				own = 1;
			else if (f->year && f->year != Y && at < 0 && f->subj != YS_NS_NONE && f->subj != YS_NS_VEHICLES &&
			         f->subj != YS_NS_EQUIP)
				at = i;
		}
		if (at < 0 || own || is_final(n))
			continue;
		const ys_nfig *f = &n->figs[at];
		/* the clause: a statement of the budget, not of an outturn or a comparison */
		const char *c0 = t;
		for (const char *q = t; q < t + f->off; q++)
			if (starts(q, "，") || starts(q, "；"))
				c0 = q + 3;
		static const char *const past[] = { "执行", "决算", "上年", "去年", "年初", "比", "较", "与", "截至", "实际",
			                            "完成", "年底", "年末", NULL };
		for (int k = 0; past[k]; k++) {
			const char *q = strstr(c0, past[k]);
			if (q && q < t + f->off)
				other = 1;
		}
		if (!other && (strstr(c0, "预算") || strstr(c0, "安排")) && strstr(c0, "预算") < t + f->off)
			nfind(ck, rule, rule->sev, n, si, f->off, "%s写作 %d 年，本公开为 %d 年预算", ys_nsubj_name(f->subj), f->year, Y);
	}
	ys_narrative_free(n);
}

/* ---- names ---- */

/* A department's name as written: trailing 部门, 本级 dropped; "" when it
 * does not look like an organ's name (4 characters or more, ending in 局,
 * 委员会, 办公室 ...). */
static const char *norm_name(const char *in, size_t len, char *buf, size_t cap)
{
	buf[0] = '\0';
	if (len >= cap)
		return buf;
	memmove(buf, in, len);
	buf[len] = '\0';
	if (starts(buf, "附件："))
		memmove(buf, buf + strlen("附件："), strlen(buf) - strlen("附件：") + 1);
	/* 第二部分 before the name */
	char *part = strstr(buf, "部分");
	if (starts(buf, "第") && part && part - buf <= 12)
		memmove(buf, part + strlen("部分"), strlen(part + strlen("部分")) + 1);
	static const char *const tails[] = { "（部门）", "(部门)", "部门", "（本级）", "本级", NULL };
	for (int again = 1; again;) {
		again = 0;
		for (int k = 0; tails[k]; k++) {
			size_t tl = strlen(tails[k]), bl = strlen(buf);
			if (bl > tl && !strcmp(buf + bl - tl, tails[k])) {
				buf[bl - tl] = '\0';
				again = 1;
			}
		}
	}
	static const char *const org[] = { "局", "委", "委员会", "办公室", "办", "厅", "院", "部", "会", "中心", "室", "处", "所",
		                           "馆", "站", "队", "团", "社", "街道", "办事处", "法院", "检察院", "政府", NULL };
	size_t bl = strlen(buf);
	int org_end = 0;
	for (int k = 0; org[k]; k++)
		if (bl >= strlen(org[k]) && !strcmp(buf + bl - strlen(org[k]), org[k]))
			org_end = 1;
	/* a name, not a heading run into it: short, without a list's commas */
	if (ys_utf8_count(buf, bl) < 4 || ys_utf8_count(buf, bl) > 24 || !org_end || strstr(buf, "本部门") ||
	    strstr(buf, "本单位") || strstr(buf, "。") || strstr(buf, "，") || strstr(buf, "、") || strstr(buf, "情况") ||
	    strstr(buf, "说明"))
		buf[0] = '\0';
	return buf;
}

/* The name in a slot: what precedes `anchor`, back to the year or the
 * clause before it. */
static const char *name_before(const char *s, const char *anchor, char *buf, size_t cap)
{
	const char *st = s;
	for (const char *p = s; p < anchor; p++)
		if (year_at(p, s)) {
			st = p + 4 + strlen("年");
			if (starts(st, "度"))
				st += strlen("度");
		}
	for (const char *p = st; p < anchor; p++)
		if (starts(p, "，") || starts(p, "：") || starts(p, "、"))
			st = p + 3;
	if (st > anchor)
		st = anchor;
	return norm_name(st, (size_t)(anchor - st), buf, cap);
}

/* The places a name opens with (上海市 普陀区): written into out, "" if none. */
static void places(const char *s, char *out, size_t cap)
{
	static const char *const lead[] = { "中国共产党", "中共", NULL };
	static const char *const ends[] = { "自治区", "省", "市", "区", "县", "州", "旗", NULL };
	for (int k = 0; lead[k]; k++)
		if (starts(s, lead[k]))
			s += strlen(lead[k]);
	size_t o = 0;
	out[0] = '\0';
	for (int level = 0; level < 3; level++) {
		const char *p = s;
		int found = 0;
		for (int c = 0; c < 6 && *p && !found; c++) {
			for (int k = 0; ends[k] && !found; k++)
				if (c >= 1 && starts(p, ends[k])) {
					p += strlen(ends[k]);
					found = 1;
				}
			if (!found)
				p += cp_len(p);
		}
		if (!found || (size_t)(p - s) + o + 1 >= cap)
			break;
		memcpy(out + o, s, (size_t)(p - s));
		o += (size_t)(p - s);
		out[o] = '\0';
		s = p;
	}
}

/* Are a's characters b's, in order (省委办公厅 in 中国共产党江苏省委员会办公厅)? */
static int subsequence(const char *a, const char *b)
{
	for (const char *p = a; *p;) {
		int l = cp_len(p);
		const char *q = b;
		while (*q && strncmp(q, p, (size_t)l))
			q += cp_len(q);
		if (!*q)
			return 0;
		b = q + l;
		p += l;
	}
	return 1;
}

static int name_ok(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (!strcmp(a, b))
		return 1;
	/* a short form that keeps the places it names: 省检察院 for 江苏省人民
	 * 检察院; not 上海市规划和自然资源局 for 上海市普陀区规划和自然资源局 */
	char pa[128], pb[128];
	places(a, pa, sizeof pa);
	places(b, pb, sizeof pb);
	if (la < lb && subsequence(a, b) && (!pa[0] || !strcmp(pa, pb) || !strcmp(pa, "省") || !strcmp(pa, "市")))
		return 1;
	if (lb < la && subsequence(b, a) && (!pb[0] || !strcmp(pa, pb) || !strcmp(pb, "省") || !strcmp(pb, "市")))
		return 1;
	/* a short form: one ends the other (市财政局 / 北京市财政局) */
	if (la < lb && !strcmp(b + lb - la, a))
		return 1;
	if (lb < la && !strcmp(a + la - lb, b))
		return 1;
	return 0;
}

void rule_narr_department(ys_checker *ck, const ys_rule *rule)
{
	ys_narrative *n = narr(ck);
	if (!n)
		return;
	char ref[256] = "", nb[256];
	const ys_doc *doc = ck->doc;
	const char *refwhere = "表格";
	if (doc->department && doc->department[0])
		norm_name(doc->department, strlen(doc->department), ref, sizeof ref);
	/* a title that says whose it is: 预算主管部门：…, 预算单位：… */
	static const char *const owner[] = { "预算主管部门：", "预算单位：", "编制单位：", "编制部门：", NULL };
	for (int k = 0; owner[k] && !ref[0] && n->title[0]; k++) {
		const char *o = strstr(n->title, owner[k]);
		if (o) {
			o += strlen(owner[k]);
			norm_name(o, strlen(o), ref, sizeof ref);
			refwhere = "标题";
		}
	}
	if (!ref[0] && n->title[0]) {
		const char *p = n->title;
		while (*p && !year_at(p, n->title))
			p++;
		if (*p)
			name_before(n->title, p, ref, sizeof ref);
		refwhere = "标题";
	}
	if (!ref[0]) {
		ys_narrative_free(n);
		return;
	}
	static const char *const anchors[] = { "政府采购预算", "机关运行经费", "共有车辆", "公务用车保有量", "部门预算报表",
		                               "年度部门预算", "年度部门决算", "年度单位预算", "年度单位决算", "年部门预算",
		                               "年单位预算", NULL };
	for (int si = 0; si < n->nsents; si++) {
		const ys_nsent *s = &n->sents[si];
		const ys_nblock *b = &n->blocks[s->block];
		if (b->section == YS_NSEC_TERMS || b->kind == YS_NK_CELL)
			continue;
		const char *t = s->text;
		const char *hit = NULL;
		for (int k = 0; anchors[k] && !hit; k++) {
			const char *a = strstr(t, anchors[k]);
			if (!a)
				continue;
			const char *nm = a;
			if (!strcmp(anchors[k], "部门预算报表") || strstr(anchors[k], "年")) {
				/* 附件：X2026年度部门预算报表, the title: the name before the year */
				const char *y = NULL;
				for (const char *p = t; p < a; p++)
					if (year_at(p, t))
						y = p;
				if (!y)
					continue;
				nm = y;
				const char *st = t;
				for (const char *p = t; p < y; p++)
					if (starts(p, "，") || starts(p, "：") || starts(p, "。"))
						st = p + 3;
				norm_name(st, (size_t)(y - st), nb, sizeof nb);
				if (!nb[0])
					continue;
				hit = nm;
			} else {
				name_before(t, nm, nb, sizeof nb);
				if (nb[0])
					hit = nm;
			}
		}
		if (hit && !name_ok(nb, ref))
			nfind(ck, rule, rule->sev, n, si, 0, "部门名称写作“%s”，%s中为“%s”", nb, refwhere, ref);
	}
	ys_narrative_free(n);
}

void rule_narr_placeholder(ys_checker *ck, const ys_rule *rule)
{
	ys_narrative *n = narr(ck);
	if (!n)
		return;
	static const char *const ph[] = { "XX", "ＸＸ", "××", "xx", "＊＊", "**", "某某", "〇〇", "○○", "□□", "＿＿", "__", NULL };
	static const char *const cn[] = { "〇", "○", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "年", NULL };
	for (int si = 0; si < n->nsents; si++) {
		const char *t = n->sents[si].text;
		if (n->blocks[n->sents[si].block].kind == YS_NK_CELL)
			continue;
		for (int k = 0; ph[k]; k++) {
			const char *p = strstr(t, ph[k]);
			if (!p)
				continue;
			size_t l = strlen(ph[k]);
			if (ph[k][0] == 'X' || ph[k][0] == 'x') {
				/* inside a word or a code: not a placeholder */
				char b = p > t ? p[-1] : ' ', a = p[l];
				if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'W') || (b >= '0' && b <= '9') ||
				    (a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'W') || (a >= '0' && a <= '9') || a == 'Y' ||
				    a == 'Z' || b == 'Y' || b == 'Z')
					continue;
			}
			if (!strcmp(ph[k], "〇〇") || !strcmp(ph[k], "○○")) {
				/* 二〇〇八年 is a year */
				int year = 0;
				for (int c = 0; cn[c] && !year; c++)
					if ((p - t >= 3 && starts(p - 3, cn[c])) || starts(p + l, cn[c]))
						year = 1;
				if (year)
					continue;
			}
			nfind(ck, rule, rule->sev, n, si, (size_t)(p - t), "留有占位符“%s”，未填写实际内容", ph[k]);
			break;
		}
	}
	ys_narrative_free(n);
}

/* Former names of 类 and the year their new name applies from. */
static const struct {
	const char *old, *cur, *code;
	int since;
} old_classes[] = {
	{ "医疗卫生与计划生育支出", "卫生健康支出", "210", 2019 },
	{ "文化体育与传媒支出", "文化旅游体育与传媒支出", "207", 2019 },
	{ "资源勘探信息等支出", "资源勘探工业信息等支出", "215", 2019 },
	{ "国土海洋气象等支出", "自然资源海洋气象等支出", "220", 2019 },
};

void rule_narr_class_name(ys_checker *ck, const ys_rule *rule)
{
	ys_narrative *n = narr(ck);
	if (!n)
		return;
	int Y = n->year;
	for (int si = 0; si < n->nsents && Y; si++) {
		const char *t = n->sents[si].text;
		if (n->blocks[n->sents[si].block].kind == YS_NK_CELL)
			continue;
		for (size_t k = 0; k < YS_ARRAY_LEN(old_classes); k++) {
			const char *p = strstr(t, old_classes[k].old);
			if (!p || Y < old_classes[k].since)
				continue;
			const char *cur = old_classes[k].cur;
			if (ck->cat) {
				const ys_catrow *row = ys_catalog_find(ck->cat, YS_CAT_FUNC, old_classes[k].code);
				if (row && row->name[0])
					cur = row->name;
			}
			nfind(ck, rule, rule->sev, n, si, (size_t)(p - t), "类 %s 写作旧名称“%s”，%d 年起为“%s”", old_classes[k].code,
			      old_classes[k].old, old_classes[k].since, cur);
		}
	}
	ys_narrative_free(n);
}

/* ---- structure ---- */

static int cjk_chars(const char *s)
{
	int c = 0;
	for (const char *p = s; *p; p += cp_len(p))
		c += (unsigned char)*p >= 0xE0;
	return c;
}

/* The text without its item marker. */
static const char *unmarked(const ys_nblock *b)
{
	return b->text + strlen(b->marker);
}

/* The heading a block stands under: the nearest heading, or numbered item
 * of a higher level, before it; -1 at the top. */
static int parent(const ys_narrative *n, int i)
{
	int lv = n->blocks[i].level && n->blocks[i].level != 5 ? n->blocks[i].level : 9;
	for (int k = i - 1; k >= 0; k--) {
		const ys_nblock *a = &n->blocks[k];
		if (a->kind == YS_NK_HEADING || a->kind == YS_NK_TITLE || a->kind == YS_NK_TOC)
			return k;
		if (a->level == 5 || (a->level && a->level < lv))
			return k;
	}
	return -1;
}

void rule_narr_duplicate(ys_checker *ck, const ys_rule *rule)
{
	ys_narrative *n = narr(ck);
	if (!n)
		return;
	for (int i = 0; i < n->nblocks; i++) {
		const ys_nblock *b = &n->blocks[i];
		if (b->kind != YS_NK_TEXT || cjk_chars(unmarked(b)) < 12)
			continue;
		for (int k = 0; k < i; k++) {
			const ys_nblock *a = &n->blocks[k];
			/* the same words under another heading may be meant (财政拨款
			 * 基本支出 and 一般公共预算基本支出 can be the same money) */
			if (a->kind != YS_NK_TEXT || strcmp(unmarked(a), unmarked(b)) || parent(n, k) != parent(n, i))
				continue;
			nfind(ck, rule, rule->sev, n, b->sent0, 0, "这一%s与第 %d 页的重复", b->marker[0] ? "项" : "段", a->page);
			goto next_block;
		}
		/* a sentence printed twice in a row */
		for (int s = b->sent0 + 1; s < b->sent0 + b->nsent; s++)
			if (cjk_chars(n->sents[s].text) >= 8 && !strcmp(n->sents[s].text, n->sents[s - 1].text))
				nfind(ck, rule, rule->sev, n, s, 0, "这一句连续出现两次");
	next_block:;
	}
	/* an item number printed twice in one list */
	for (int i = 1; i < n->nblocks; i++) {
		const ys_nblock *b = &n->blocks[i];
		if (b->kind != YS_NK_TEXT || !b->level || b->level == 5)
			continue;
		for (int k = i - 1; k >= 0; k--) {
			const ys_nblock *a = &n->blocks[k];
			/* a heading between them (a unit's name in a table of
			 * projects left among the prose) starts another list */
			if (a->kind == YS_NK_TOC || a->kind == YS_NK_TITLE || (a->kind == YS_NK_HEADING && !a->level))
				break;
			if (!a->level || a->level > b->level)
				continue;
			if (a->level < b->level)
				break;
			if (a->number == b->number && strcmp(unmarked(a), unmarked(b)))
				nfind(ck, rule, rule->sev, n, b->sent0, 0, "编号“%s”与上一项重复", b->marker);
			break;
		}
	}
	ys_narrative_free(n);
}

void rule_narr_punct(ys_checker *ck, const ys_rule *rule)
{
	ys_narrative *n = narr(ck);
	if (!n)
		return;
	static const char *const marks[] = { "。", "，", "、", "；", "：", NULL };
	for (int si = 0; si < n->nsents; si++) {
		const ys_nblock *b = &n->blocks[n->sents[si].block];
		if (b->kind == YS_NK_TOC || b->kind == YS_NK_CELL)
			continue;
		const char *t = n->sents[si].text;
		int done = 0;
		for (int i = 0; marks[i] && !done; i++)
			for (int j = 0; marks[j] && !done; j++) {
				char pair[8];
				snprintf(pair, sizeof pair, "%s%s", marks[i], marks[j]);
				const char *p = strstr(t, pair);
				if (!p)
					continue;
				nfind(ck, rule, rule->sev, n, si, (size_t)(p - t), "标点“%s”重复或连用", pair);
				done = 1;
			}
	}
	ys_narrative_free(n);
}

void rule_narr_cut(ys_checker *ck, const ys_rule *rule)
{
	ys_narrative *n = narr(ck);
	if (!n)
		return;
	static const char *const cues[] = { "主要原因是", "主要原因为", "主要原因：", "主要原因:", "原因是", "原因：", "主要用于",
		                            "用于", "包括", "其中：", "分别为", "主要是", "具体为", NULL };
	static const char *const stops[] = { "。", "；", NULL };
	for (int si = 0; si < n->nsents; si++) {
		const ys_nblock *b = &n->blocks[n->sents[si].block];
		if (b->kind != YS_NK_TEXT)
			continue;
		const char *t = n->sents[si].text;
		int done = 0;
		for (int k = 0; cues[k] && !done; k++)
			for (const char *p = strstr(t, cues[k]); p && !done; p = strstr(p + 1, cues[k]))
				for (int j = 0; stops[j]; j++)
					if (starts(p + strlen(cues[k]), stops[j])) {
						nfind(ck, rule, rule->sev, n, si, (size_t)(p - t), "“%s”之后没有内容，句子不完整", cues[k]);
						done = 1;
						break;
					}
	}
	ys_narrative_free(n);
}

void rule_narr_kind(ys_checker *ck, const ys_rule *rule)
{
	ys_narrative *n = narr(ck);
	if (!n)
		return;
	const char *self = NULL, *other = NULL;
	switch (n->kind) {
	case YS_ND_UNIT_BUDGET:
		self = "单位预算", other = "部门预算";
		break;
	case YS_ND_DEPT_BUDGET:
		self = "部门预算", other = "单位预算";
		break;
	case YS_ND_UNIT_FINAL:
		self = "单位决算", other = "部门决算";
		break;
	case YS_ND_DEPT_FINAL:
		self = "部门决算", other = "单位决算";
		break;
	default:
		break;
	}
	int unit = n->kind == YS_ND_UNIT_BUDGET || n->kind == YS_ND_UNIT_FINAL;
	for (int si = 0; si < n->nsents && self; si++) {
		const ys_nblock *b = &n->blocks[n->sents[si].block];
		if (b->kind == YS_NK_TITLE || b->kind == YS_NK_CELL || b->section == YS_NSEC_TERMS)
			continue;
		/* a department's text may speak of its units' budgets: only its
		 * headings name the kind; a unit's text names it anywhere */
		if (!unit && b->kind == YS_NK_TEXT)
			continue;
		const char *t = n->sents[si].text;
		for (const char *p = strstr(t, other); p; p = strstr(p + 1, other)) {
			const char *a = p + strlen(other);
			/* 部门预算经济分类, 预算主管部门: names, not the kind */
			if (starts(a, "经济分类") || starts(a, "支出经济") || (p - t >= 6 && starts(p - 6, "主管")) ||
			    (p - t >= 3 && starts(p - 3, "各")))
				continue;
			nfind(ck, rule, rule->sev, n, si, (size_t)(p - t), "本公开是%s，此处写作“%s”", self, other);
			break;
		}
	}
	ys_narrative_free(n);
}

/* ---- completeness ---- */

/* Does the narrative say that the money of an empty table is nil? */
static int says_none(const ys_narrative *n, const char *const *words, ys_nsubj s1, ys_nsubj s2)
{
	for (int i = 0; i < n->nfigs; i++) {
		const ys_nfig *f = &n->figs[i];
		if ((f->subj == s1 || f->subj == s2) && f->role == YS_NR_VALUE && !f->prior && is_money(f) && f->fen == 0)
			return 1;
	}
	for (int si = 0; si < n->nsents; si++) {
		const char *t = n->sents[si].text;
		if (!strstr(t, "无") && !strstr(t, "没有") && !strstr(t, "空表") && !strstr(t, "未安排") && !strstr(t, "不涉及"))
			continue;
		for (int k = 0; words[k]; k++)
			if (strstr(t, words[k]))
				return 1;
	}
	return 0;
}

static int table_empty(const ys_table *t)
{
	for (int r = 0; r < t->nrows; r++)
		for (int c = 0; c < t->def->ncols; c++)
			if (t->def->cols[c].kind == YS_CK_AMOUNT && t->rows[r].cells[c].amt.present &&
			    t->rows[r].cells[c].amt.fen != 0)
				return 0;
	return 1;
}

void rule_narr_empty_note(ys_checker *ck, const ys_rule *rule)
{
	const ys_doc *doc = ck->doc;
	if (!has_13(doc))
		return;
	ys_narrative *n = narr(ck);
	if (!n)
		return;
	if (!has_text(n)) {
		ys_narrative_free(n);
		return;
	}
	static const char *const w07[] = { "政府性基金", NULL }, *const w08[] = { "国有资本经营", NULL },
	                         *const w09[] = { "三公", NULL }, *const w11[] = { "政府购买服务", "购买服务", NULL };
	static const struct {
		ys_tid t;
		const char *const *words;
		ys_nsubj s1, s2;
	} tabs[] = {
		{ YS_T07, w07, YS_NS_GF_IN, YS_NS_GF_OUT },
		{ YS_T08, w08, YS_NS_SOC_IN, YS_NS_SOC_OUT },
		{ YS_T09, w09, YS_NS_SANGONG, YS_NS_NONE },
		{ YS_T11, w11, YS_NS_SERVICE_BUY, YS_NS_NONE },
	};
	for (size_t k = 0; k < YS_ARRAY_LEN(tabs); k++) {
		const ys_table *t = doc->tables[tabs[k].t];
		if (!t || !table_empty(t) || (t->note && t->note[0]))
			continue;
		if (says_none(n, tabs[k].words, tabs[k].s1, tabs[k].s2))
			continue;
		char tn[128];
		ys_finding *f = ck_finding_line(ck, rule, rule->sev, t, t->line, "%s是空表，表中和说明中都没有说明原因（如“本部门无…”）",
		                                ck_table_name(t, tn, sizeof tn));
		(void)f;
	}
	ys_narrative_free(n);
}

/* A key for comparing titles: no marker, year, 部门/单位, spaces, quotes. */
static void title_key(const char *s, char *out, size_t cap)
{
	int level, number;
	(void)level, (void)number;
	ys_buf b = YS_BUF_INIT;
	ys_label_key(&b, s, strlen(s));
	const char *p = b.s;
	/* a marker: 一、 (一) 1. 第一部分 */
	static const char *const drop[] = { "部门", "单位", "预算", "“", "”", "\"", "财政拨款", "年度", "本级", NULL };
	size_t o = 0;
	while (*p && o + 8 < cap) {
		int skip = 0;
		if (year_at(p, b.s)) {
			p += 4;
			continue;
		}
		for (int k = 0; drop[k] && !skip; k++)
			if (starts(p, drop[k])) {
				p += strlen(drop[k]);
				skip = 1;
			}
		if (skip)
			continue;
		int l = cp_len(p);
		memcpy(out + o, p, (size_t)l);
		o += (size_t)l;
		p += l;
	}
	out[o] = '\0';
	ys_buf_release(&b);
}

/* A section title without the words every title has (情况, 说明 ...). */
static void section_key(const char *k, char *out, size_t cap)
{
	static const char *const drop[] = { "情况", "说明", "的", "及", "和", "。", "有关", "相关", "主要", NULL };
	size_t o = 0;
	for (const char *p = k; *p && o + 8 < cap;) {
		int skip = 0;
		for (int i = 0; drop[i] && !skip; i++)
			if (starts(p, drop[i])) {
				p += strlen(drop[i]);
				skip = 1;
			}
		if (skip)
			continue;
		int l = cp_len(p);
		memcpy(out + o, p, (size_t)l);
		o += (size_t)l;
		p += l;
	}
	out[o] = '\0';
}

/* Do most characters of the 目录's entry (6 in 10) appear in the heading,
 * and is the heading not much longer (not a paragraph)? */
static int similar(const char *entry, const char *heading)
{
	size_t ne = ys_utf8_count(entry, strlen(entry)), nh = ys_utf8_count(heading, strlen(heading));
	if (!ne || !nh || nh > 3 * ne + 6)
		return 0;
	size_t hit = 0;
	for (const char *p = entry; *p;) {
		int l = cp_len(p);
		char c[8];
		memcpy(c, p, (size_t)l);
		c[l] = '\0';
		hit += strstr(heading, c) != NULL;
		p += l;
	}
	return hit * 10 >= ne * 6;
}

/* The number of the part (第X部分) block i is in, 0 before any. */
static int part_of(const ys_narrative *n, int i)
{
	for (int k = i; k >= 0; k--)
		if (n->blocks[k].level == 5 && n->blocks[k].kind != YS_NK_TOC)
			return n->blocks[k].number;
		else if (n->blocks[k].kind == YS_NK_TOC || n->blocks[k].kind == YS_NK_TITLE)
			return 0;
	return 0;
}

/* The part a 目录 entry lists a section of. */
static int toc_part(const ys_narrative *n, int i)
{
	for (int k = i; k >= 0 && n->blocks[k].kind == YS_NK_TOC; k--)
		if (n->blocks[k].level == 5)
			return n->blocks[k].number;
	return 0;
}

static const char *skip_marker(const ys_nblock *b)
{
	const char *s = b->text + strlen(b->marker);
	/* 1. 2024年… (a number the reader did not take as a marker) */
	while ((*s >= '0' && *s <= '9') || *s == '.' || starts(s, "．") || starts(s, "、"))
		s += *s >= '0' && *s <= '9' ? 1 : *s == '.' ? 1 : 3;
	return s;
}

static int title_matches(const char *entry_key, const char *title)
{
	char k[512];
	title_key(title, k, sizeof k);
	return k[0] && entry_key[0] && (strstr(k, entry_key) || strstr(entry_key, k));
}

void rule_narr_toc(ys_checker *ck, const ys_rule *rule)
{
	const ys_doc *doc = ck->doc;
	ys_narrative *n = narr(ck);
	if (!n)
		return;
	int ntab = 0;
	for (int i = 0; i < n->nblocks; i++) {
		const ys_nblock *b = &n->blocks[i];
		if (b->kind != YS_NK_TOC)
			continue;
		const char *e = skip_marker(b);
		size_t el = strlen(e);
		char key[512];
		title_key(e, key, sizeof key);
		if (b->level == 5 || !key[0])
			continue;
		/* a note in brackets ((具体部门预算公开报表)), the set of tables
		 * (…部门综合预算公开报表): no section, no one table */
		if ((starts(e, "（") && el > 6 && !strcmp(e + el - 3, "）")) || (starts(e, "(") && e[el - 1] == ')') ||
		    (el >= 6 && !strcmp(e + el - 6, "报表")))
			continue;
		int is_table = el >= 3 && !strcmp(e + el - 3, "表");
		if (is_table) {
			ntab++;
			/* one of the 13: it must have been read */
			int std = -1;
			for (int t = 0; t < YS_NTABLES && std < 0; t++) {
				const ys_tabledef *d = ys_table_def((ys_tid)t);
				int m = title_matches(key, d->title);
				for (const char *a = d->aliases; a && *a && !m;) {
					const char *bar = strchr(a, '|');
					size_t l = bar ? (size_t)(bar - a) : strlen(a);
					char al[256];
					if (l < sizeof al) {
						memcpy(al, a, l);
						al[l] = '\0';
						m = title_matches(key, al);
					}
					a = bar ? bar + 1 : a + l;
				}
				if (m)
					std = t;
			}
			int found = 0;
			if (std >= 0 && doc->ntables)
				found = doc->tables[std] != NULL;
			for (int t = 0; t < doc->nothers && !found; t++)
				found = title_matches(key, doc->others[t]->title) ||
				        /* the same number: 十二、政府采购支出预算表 for 十二、2017年…部门政府采购预算表 */
				        (b->level == 1 && b->marker[0] && !strncmp(doc->others[t]->title, b->marker, strlen(b->marker)));
			for (int t = 0; t < doc->nunread && !found; t++)
				found = title_matches(key, doc->unread[t].title);
			/* prose that names it (a title the readers did not take as a table) */
			for (int k = 0; k < n->nblocks && !found; k++)
				if (n->blocks[k].kind == YS_NK_HEADING && k != i)
					found = title_matches(key, n->blocks[k].text);
			/* a table outside the set that no reader knows cannot be told
			 * missing from unread: say nothing */
			if (!found && (doc->ntables ? std >= 0 : doc->nothers > 0))
				nfind(ck, rule, rule->sev, n, b->sent0, 0, "目录列出“%s”，文件中没有这张表", e);
		} else {
			/* a section of the text: its heading must be there */
			int found = 0;
			char sk[512];
			section_key(key, sk, sizeof sk);
			if (!sk[0])
				snprintf(sk, sizeof sk, "%s", key);
			for (int k = 0; k < n->nblocks && !found; k++) {
				const ys_nblock *h = &n->blocks[k];
				if (h->kind == YS_NK_TOC || h->kind == YS_NK_TITLE || h->kind == YS_NK_CAPTION)
					continue;
				char hk[512], hs[512];
				/* a heading, or the first sentence of an item */
				title_key(h->kind == YS_NK_HEADING ? skip_marker(h) : n->sents[h->sent0].text + strlen(h->marker), hk,
				          sizeof hk);
				section_key(hk, hs, sizeof hs);
				if (!hs[0])
					snprintf(hs, sizeof hs, "%s", hk);
				found = strstr(hk, key) || strstr(hs, sk) || similar(sk, hs);
				/* the same number in the same part: worded otherwise (主要职能 / 主要职责) */
				if (!found && b->level && h->level == b->level && h->number == b->number &&
				    part_of(n, k) == toc_part(n, i) && h->kind == YS_NK_HEADING)
					found = 1;
			}
			if (!found)
				nfind(ck, rule, rule->sev, n, b->sent0, 0, "目录列出“%s”，正文中没有这一部分", e);
		}
	}
	/* the tables present that the 目录 (which lists tables) leaves out */
	if (ntab >= 5) {
		for (int t = 0; t < YS_NTABLES; t++) {
			const ys_table *tb = doc->tables[t];
			if (!tb)
				continue;
			int listed = 0;
			for (int i = 0; i < n->nblocks && !listed; i++) {
				if (n->blocks[i].kind != YS_NK_TOC)
					continue;
				char key[512];
				title_key(skip_marker(&n->blocks[i]), key, sizeof key);
				listed = title_matches(key, tb->title) || title_matches(key, tb->def->title);
			}
			if (!listed) {
				char tn[128];
				ck_finding_line(ck, rule, rule->sev, tb, tb->line, "%s不在目录中", ck_table_name(tb, tn, sizeof tn));
			}
		}
	}
	ys_narrative_free(n);
}

static int has_reason(const char *s)
{
	static const char *const w[] = { "原因", "由于", "因为", "主要是", "结合", "根据", "按照", "落实", "为了", "因", "需要",
		                         "要求", "调整", "用于", "用途", NULL };
	for (int k = 0; w[k]; k++)
		if (strstr(s, w[k]))
			return 1;
	return 0;
}

void rule_narr_reason(ys_checker *ck, const ys_rule *rule)
{
	ys_narrative *n = narr(ck);
	if (!n)
		return;
	for (int i = 0; i < n->nfigs; i++) {
		const ys_nfig *f = &n->figs[i];
		if ((f->role != YS_NR_CHANGE && f->role != YS_NR_RATE) || !f->dir || f->mant == 0)
			continue;
		int sangong = f->subj == YS_NS_SANGONG || f->subj == YS_NS_ABROAD || f->subj == YS_NS_RECEPTION ||
		              f->subj == YS_NS_CAR || f->subj == YS_NS_CAR_BUY || f->subj == YS_NS_CAR_RUN;
		/* other subjects: a rate of 10 % or more */
		int big = f->role == YS_NR_RATE && pct_ok(f) && f->mant >= 10 * pow10i(f->dp);
		if (!sangong && !(big && (f->subj == YS_NS_CLASS || f->subj == YS_NS_INCOME || f->subj == YS_NS_EXPEND)))
			continue;
		/* one finding per sentence */
		if (i > 0 && n->figs[i - 1].sent == f->sent &&
		    (n->figs[i - 1].role == YS_NR_CHANGE || n->figs[i - 1].role == YS_NR_RATE) && n->figs[i - 1].dir)
			continue;
		const ys_nblock *b = &n->blocks[n->sents[f->sent].block];
		int ok = 0;
		const char *after = n->sents[f->sent].text + f->off + f->len;
		ok = has_reason(after);
		for (int s = f->sent + 1; s < b->sent0 + b->nsent && !ok; s++)
			ok = has_reason(n->sents[s].text);
		/* the paragraphs and items that follow in its section may give it
		 * (the total's change explained by the part that changed) */
		for (const ys_nblock *nb = b + 1; !ok && nb < n->blocks + n->nblocks && nb->section == b->section &&
		                                  !(nb->kind == YS_NK_HEADING && nb->level && nb->level <= b->level);
		     nb++)
			ok = strstr(nb->text, "原因") || strstr(nb->text, "由于") || strstr(nb->text, "因为") ||
			     strstr(nb->text, "主要是");
		if (!ok)
			nfind(ck, rule, rule->sev, n, f->sent, f->off, "%s%s，没有说明原因", ys_nsubj_name(f->subj),
			      f->dir > 0 ? "增加" : "减少");
	}
	ys_narrative_free(n);
}

void rule_narr_sections(ys_checker *ck, const ys_rule *rule)
{
	ys_narrative *n = narr(ck);
	if (!n)
		return;
	const ys_doc *doc = ck->doc;
	if (n->nsents < 30) {
		ys_narrative_free(n);
		return;
	}
	static const struct {
		ys_nsection sec;
		const char *words[6];
		ys_tid table; /* a table that covers it, or -1 */
	} req[] = {
		{ YS_NSEC_DUTIES, { "职责", "职能", "主要任务", NULL }, (ys_tid)-1 },
		{ YS_NSEC_ORG, { "机构设置", "内设机构", "所属单位", "单位构成", "下属单位", "机构编制" }, (ys_tid)-1 },
		{ YS_NSEC_INCOME, { "收入预算", "收入决算", "收入总计", "收入合计" }, (ys_tid)-1 },
		{ YS_NSEC_EXPEND, { "支出预算", "支出决算", "支出总计", "支出合计" }, (ys_tid)-1 },
		{ YS_NSEC_FISCAL, { "财政拨款", NULL }, YS_T04 },
		{ YS_NSEC_GP, { "一般公共预算", NULL }, YS_T05 },
		{ YS_NSEC_SANGONG, { "三公", NULL }, (ys_tid)-1 },
		{ YS_NSEC_ADMIN, { "机关运行经费", NULL }, (ys_tid)-1 },
		{ YS_NSEC_PROC, { "政府采购", NULL }, (ys_tid)-1 },
		{ YS_NSEC_ASSETS, { "国有资产", "资产占用", "资产占有", "车辆" }, (ys_tid)-1 },
		{ YS_NSEC_PERF, { "绩效", NULL }, YS_T12 },
		{ YS_NSEC_TERMS, { "名词解释", NULL }, (ys_tid)-1 },
	};
	for (size_t k = 0; k < YS_ARRAY_LEN(req); k++) {
		/* 国有资产占用, 绩效目标 and 名词解释 are required of budgets from 2020 on */
		if ((req[k].sec == YS_NSEC_ASSETS || req[k].sec == YS_NSEC_PERF || req[k].sec == YS_NSEC_TERMS) &&
		    (!n->year || n->year < 2020))
			continue;
		int found = (int)req[k].table >= 0 && doc->tables[req[k].table];
		for (int b = 0; b < n->nblocks && !found; b++) {
			if (n->blocks[b].kind == YS_NK_TOC || n->blocks[b].kind == YS_NK_TITLE)
				continue;
			if (n->blocks[b].section == req[k].sec)
				found = 1;
			for (int w = 0; w < 6 && req[k].words[w] && !found; w++)
				found = strstr(n->blocks[b].text, req[k].words[w]) != NULL;
		}
		if (!found)
			nfind(ck, rule, rule->sev, n, 0, 0, "说明中没有“%s”的内容（公开目录要求的部分）", ys_nsection_name(req[k].sec));
	}
	ys_narrative_free(n);
}

/* ---- last year's figures as printed (yoy.printed, check --previous) ---- */

/* Is the comparison said of an outturn or an adjusted budget (执行数, 决算数,
 * 调整预算) between from and to?  Last year's disclosure holds neither. */
static int outturn_between(const char *from, const char *to)
{
	static const char *const w[] = { "执行", "决算", "调整", "实际", NULL };
	for (int i = 0; w[i]; i++)
		if (between(from, to, w[i]))
			return 1;
	return 0;
}

/* At each change of the text: last year's figure it prints (比 2025 年年初
 * 预算数 X 万元), or the one its change implies (本年 Y 万元，比上年减少 Z
 * 万元: Y - Z), against the same figure of last year's disclosure. */
/* A table's figure as an interval of doubled 分 (exact: one point; else
 * the table's rounding either way). */
static void tval_range(const tval *v, int64_t *lo, int64_t *hi)
{
	int64_t tq = 0;
	if (!v->exact) {
		tq = ys_money_quantum(v->t->unit, v->t->def->dp);
		if (tq < 0)
			tq = 0;
	}
	*lo = 2 * v->fen - tq;
	*hi = 2 * v->fen + tq;
}

/* The rate of change printed at f, against this year's table and last
 * year's disclosure: computed from the exact figures of both, or from the
 * figures as the text prints them (this year's, and last year's printed or
 * implied by the change), each taken as it stands. */
static void printed_rate(ys_checker *ck, const ys_rule *rule, const ys_narrative *n, const cmpset *cs,
                         const ys_nfig *f, const tval *pv)
{
	const ys_nfig *c = cs->cur, *b = cs->base, *d = cs->chg;
	tval cv;
	if (!table_value(ck->doc, c, &cv) || (cv.row < 0 && !cv.exact) || !pct_ok(f))
		return;
	if (cv.fen > YS_NARR_FEN_MAX || cv.fen < 0 || pv->fen > YS_NARR_FEN_MAX || pv->fen <= 0)
		return; /* from nothing: no rate */
	/* the text's own figures: this year's and last year's as printed */
	int64_t cp = c->fen, bp;
	if (b)
		bp = b->fen;
	else if (d && d->dir && d->unit == c->unit)
		bp = c->fen - d->dir * d->fen;
	else
		return;
	int64_t clo, chi, plo, phi;
	tval_range(&cv, &clo, &chi);
	tval_range(pv, &plo, &phi);
	/* |c - p| over p, with c and p in their intervals: the numerator's
	 * interval is that of the difference */
	int64_t nlo = clo - phi, nhi = chi - plo;
	if (nlo < 0 && nhi < 0) {
		int64_t t = -nlo;
		nlo = -nhi, nhi = t;
	} else if (nlo < 0) {
		nhi = nhi > -nlo ? nhi : -nlo;
		nlo = 0;
	}
	int exact = pct_possible(f->mant, f->dp, nlo, nhi, plo, phi);
	int printed = bp > 0 ? pct_possible(f->mant, f->dp, 2 * abs64(cp - bp), 2 * abs64(cp - bp), 2 * bp, 2 * bp) : -1;
	if (exact != 0 || printed != 0)
		return;
	/* a decrease to this year's figure goes down from last year's */
	int64_t want = pct_round(abs64(cv.fen - pv->fen), pv->fen, f->dp);
	if (want < 0)
		return;
	char x[YS_MONEY_FMT_MAX], y[YS_MONEY_FMT_MAX], p1[32], p2[32];
	ys_finding *fd = nfind(ck, rule, rule->sev, n, f->sent, f->off,
	                       "增减率写作 %s%%，按本年 %s %s 万元与上年公开的 %s %s 万元计算为 %s%%",
	                       fmt_dec(f->mant, f->dp, p1, sizeof p1), cv.what, ck_amount(cv.t, cv.fen, x), pv->what,
	                       ck_amount(pv->t, pv->fen, y), fmt_dec(want, f->dp, p2, sizeof p2));
	(void)fd;
}

/* Last year's figure the sentence prints (b) or implies (this year's c less
 * the change d), in *said: 1 when it is not v's, 0 when it is, -1 when the
 * sentence says none. */
static int last_year_differs(const ys_nfig *c, const ys_nfig *b, const ys_nfig *d, const tval *v, int64_t *said)
{
	if (v->fen > YS_NARR_FEN_MAX || v->fen < -YS_NARR_FEN_MAX)
		return -1;
	if (b) {
		int64_t Q = ys_money_quantum(money_unit(b->unit), b->dp), expect = 0, factor = 1;
		if (Q <= 0)
			Q = 1;
		*said = b->fen;
		return judge(b->fen, Q, v, &expect, &factor) != 0;
	}
	if (!d || !d->dir || d->unit != c->unit)
		return -1;
	int64_t m, lo, hi;
	if (ys_money_mul(d->fen, d->dir, &m) || ys_money_sub(c->fen, m, said))
		return -1;
	tval_range(v, &lo, &hi);
	/* within the rounding of the two printed figures */
	int64_t q = quantum(c) + quantum(d);
	return 2 * *said + q < lo || 2 * *said - q > hi;
}

static void printed_check(ys_checker *ck, const ys_rule *rule, const ys_narrative *n, const cmpset *cs,
                          const ys_nfig *f)
{
	if ((f->role != YS_NR_CHANGE && f->role != YS_NR_RATE) || !usable(cs, f) || conflicted(n, cs->cur) ||
	    !comparable(n, cs->cur))
		return;
	const ys_nfig *c = cs->cur, *b = cs->base, *d = f->role == YS_NR_CHANGE ? f : cs->chg;
	const ys_doc *prev = ck->prev;
	if (b && b->year && prev->year && b->year != prev->year)
		return; /* compared with another year than the one given */
	const char *s = n->sents[f->sent].text;
	const ys_nfig *at = b ? b : d ? d : f;
	if (at->off < c->off + c->len || outturn_between(s + c->off + c->len, s + at->off))
		return;
	tval v;
	if (!table_value(prev, c, &v) || (v.row < 0 && !v.exact))
		return;
	int64_t said = 0;
	int differs = last_year_differs(c, b, d, &v, &said);
	/* a rate: last year's figure is said at the change before it, else here */
	if (f->role == YS_NR_RATE) {
		if (differs != 1) {
			printed_rate(ck, rule, n, cs, f, &v);
			return;
		}
		if (cs->chg)
			return;
	}
	if (differs != 1)
		return;
	char x[YS_MONEY_FMT_MAX], y[YS_MONEY_FMT_MAX], z[YS_MONEY_FMT_MAX], fb[64];
	const char *un = ys_nunit_name(c->unit);
	ys_finding *fd;
	if (b)
		fd = nfind(ck, rule, rule->sev, n, f->sent, b->off, "上年的%s写作 %s，而上年公开的 %s %s为 %s 万元",
		           ys_nsubj_name(c->subj), ys_nfig_format(b, fb, sizeof fb), prev->file ? prev->file : "",
		           v.what, ck_amount(v.t, v.fen, x));
	else
		fd = nfind(ck, rule, rule->sev, n, f->sent, d->off,
		           "%s %s%s，比上年%s %s%s：上年应为 %s%s，而上年公开的 %s %s为 %s 万元",
		           ys_nsubj_name(c->subj), fmt_amount(c->fen, c->unit, c->dp, x), un, d->dir > 0 ? "增加" : "减少",
		           fmt_amount(d->fen, d->unit, d->dp, y), ys_nunit_name(d->unit),
		           fmt_amount(said, c->unit, c->dp > d->dp ? c->dp : d->dp, z), un, prev->file ? prev->file : "",
		           v.what, ck_amount(v.t, v.fen, fb));
	if (fd) {
		fd->has_amounts = 1;
		fd->expected = v.fen;
		fd->found = said;
		fd->difference = said - v.fen;
	}
}

void rule_yoy_printed(ys_checker *ck, const ys_rule *rule)
{
	if (!ck->prev || !has_13(ck->prev))
		return;
	ys_narrative *n = narr(ck);
	if (!n)
		return;
	/* last year's disclosure must be of the year before this one's */
	if (!n->year || !ck->prev->year || ck->prev->year == n->year - 1)
		walk_changes(ck, rule, n, printed_check);
	ys_narrative_free(n);
}
