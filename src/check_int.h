/*
 * check_int.h - the checker's internals, shared by the engine (check.c)
 * and the rule files (rules_*.c).
 */
#ifndef YS_CHECK_INT_H
#define YS_CHECK_INT_H

#include "yusuan/rules.h"

/* A reference to one cell of the document. */
typedef struct cref {
	const ys_table *t;
	int row, col;
} cref;

typedef enum { OP_EQ = 0, OP_LE = 1, OP_ROUND = 2 } ident_op;

typedef struct term {
	cref c;
	int coef;  /* +1 or -1 */
	int exact; /* its table prints amounts to the 分: a figure shown with
	              fewer decimals is still exact */
} term;

/* A linear identity over cells: sum(coef * value) == 0 (OP_EQ), <= 0
 * (OP_LE); OP_ROUND: terms[0] == round_half_up(sum of the others). */
typedef struct ident {
	const ys_rule *rule;
	ident_op op;
	int64_t quantum;   /* OP_ROUND: 分 per printed unit */
	int64_t tol;       /* OP_EQ: differences up to tol are rounding (a notice) */
	term *terms;
	int nterms, cap;
	int primary;       /* term that locates a failure, or -1 */
	cref loc;          /* location when there are no terms */
	const char *what;  /* the identity in words */
	int64_t resid;
	int overflow;
	int fails;         /* 1 error, 2 within rounding tolerance */
	int ncand;         /* blame could not choose between these terms */
	int cand[3];
	cref swap;         /* swap.t: the reported term and this cell of its row
	                      look exchanged (blame's swap search) */
} ident;

struct ys_checker {
	ys_ctx *ctx;
	const ys_doc *doc;        /* checking a disclosure */
	const struct ys_budget *budget; /* checking detail (rules_detail.c) */
	const struct ys_changes *changes; /* the detail's changes from last year (detail.reasons), or NULL */
	const ys_catalog *cat;
	const ys_doc *prev;/* last year's disclosure, or NULL */
	int cat_firm;      /* the catalog applies to the document's year */
	ys_report *rep;
	const char *only_rule; /* check --rule: the one rule run, or NULL */
	ident *ids;
	size_t nids, capids;
	int oom;
	/* per table (0..12, then the general reader's others): does it print
	 * its amounts to the 分?  -1 not yet known */
	signed char *exact;
	int nexact;
};

/* ---- building identities ---- */
ident *ck_ident(ys_checker *ck, const ys_rule *rule, ident_op op, const char *what);
/* Add a term for a cell; an absent table or row (<0) adds nothing. */
void ck_term(ys_checker *ck, ident *id, const ys_table *t, int row, int col, int coef);
/* Make the last term added the identity's primary location. */
void ck_primary(ident *id);

/* ---- findings ---- */
ys_finding *ck_finding(ys_checker *ck, const ys_rule *rule, ys_severity sev, const ys_table *t, int row, int col,
                       const char *fmt, ...) YS_PRINTF(7, 8);
/* A finding at a file line that belongs to no cell. */
ys_finding *ck_finding_line(ys_checker *ck, const ys_rule *rule, ys_severity sev, const ys_table *t, int line,
                            const char *fmt, ...) YS_PRINTF(6, 7);

/* A new finding on rep (NULL when out of memory); messages live in rep's arena. */
ys_finding *ys_report_add(ys_report *rep, const char *rule, ys_severity sev);

/* ---- helpers for rules ---- */
const ys_cell *ck_cell(cref c);
int64_t ck_value(cref c); /* 0 when blank */
/* Row index of fixed row `fid` of a 01/04 table, or -1. */
int ck_fixed_row(const ys_table *t, const char *fid);
/* Amount column of a fixed row (its panel's). */
int ck_fixed_col(const ys_table *t, const char *fid);
/* Index of the (last) 合计 row, or -1. */
int ck_total_row(const ys_table *t);
/* The leading code of a code cell ("2010350-事业运行" -> "2010350");
 * writes into buf (>= 16 bytes), "" when none. */
const char *ck_code(const ys_cell *c, char *buf);
/* The table's name for messages: 预算03表 支出总表. */
const char *ck_table_name(const ys_table *t, char *buf, size_t cap);
/* Format an amount in the table's unit and decimals (ys_money_format, or
 * the exact 分 figure when not representable). */
const char *ck_amount(const ys_table *t, int64_t fen, char *buf);

/* Rule functions (rules_*.c). */
void rule_row_sums(ys_checker *, const ys_rule *);
void rule_col_totals(ys_checker *, const ys_rule *);
/* rule_summary's identities (rule->arg = table * 16 + one of these) */
enum { YS_SUM_INCOME, YS_SUM_EXPEND, YS_SUM_GRAND_IN, YS_SUM_GRAND_OUT, YS_SUM_BALANCE, YS_SUM_CARRY };
void rule_summary(ys_checker *, const ys_rule *);
void rule_t02_current(ys_checker *, const ys_rule *);
void rule_t02_carry(ys_checker *, const ys_rule *);
void rule_x01_02(ys_checker *, const ys_rule *);
void rule_x04_02(ys_checker *, const ys_rule *);
void rule_x03_01(ys_checker *, const ys_rule *);
void rule_x04_05(ys_checker *, const ys_rule *);
void rule_x05_06(ys_checker *, const ys_rule *);
void rule_x01_04_nonfiscal(ys_checker *, const ys_rule *);
void rule_x01_04_class(ys_checker *, const ys_rule *);
void rule_x03_05_code(ys_checker *, const ys_rule *);
void rule_x03_06_econ(ys_checker *, const ys_rule *);
void rule_x04_fund_balance(ys_checker *, const ys_rule *);
void rule_t05_nocap(ys_checker *, const ys_rule *);
void rule_t06_personnel(ys_checker *, const ys_rule *);
void rule_t03_parts(ys_checker *, const ys_rule *);
void rule_x09_codes(ys_checker *, const ys_rule *);
void rule_x12_projects(ys_checker *, const ys_rule *);
void rule_x13_round(ys_checker *, const ys_rule *);
void rule_negative(ys_checker *, const ys_rule *);

void rule_gen_hierarchy(ys_checker *, const ys_rule *);
void rule_gen_total(ys_checker *, const ys_rule *);
void rule_gen_columns(ys_checker *, const ys_rule *);
void rule_gen_balance(ys_checker *, const ys_rule *);
void rule_gen_empty(ys_checker *, const ys_rule *);
void rule_gen_cell(ys_checker *, const ys_rule *);
void rule_gen_unread(ys_checker *, const ys_rule *);
void rule_gen_department(ys_checker *, const ys_rule *);
void rule_gen_narrative(ys_checker *, const ys_rule *);

void rule_cls_known(ys_checker *, const ys_rule *);
void rule_cls_name(ys_checker *, const ys_rule *);
void rule_cls_nesting(ys_checker *, const ys_rule *);
void rule_cls_econ_pair(ys_checker *, const ys_rule *);
void rule_cls_class_rows(ys_checker *, const ys_rule *);
void rule_cls_dedicated(ys_checker *, const ys_rule *);

void rule_comp_tables(ys_checker *, const ys_rule *);
void rule_comp_labels(ys_checker *, const ys_rule *);
void rule_pres_numbering(ys_checker *, const ys_rule *);
void rule_pres_name_variants(ys_checker *, const ys_rule *);
void rule_pres_unit(ys_checker *, const ys_rule *);
void rule_perf_misplaced(ys_checker *, const ys_rule *);

void rule_x03_fiscal_code(ys_checker *, const ys_rule *);
void rule_x10_total(ys_checker *, const ys_rule *);
void rule_x11_fiscal(ys_checker *, const ys_rule *);
void rule_x13_other(ys_checker *, const ys_rule *);
void rule_cls_level(ys_checker *, const ys_rule *);
void rule_cls_fund_table(ys_checker *, const ys_rule *);
void rule_cls_pair_06_03(ys_checker *, const ys_rule *);
void rule_comp_year(ys_checker *, const ys_rule *);
void rule_comp_department(ys_checker *, const ys_rule *);
void rule_comp_order(ys_checker *, const ys_rule *);
void rule_comp_project_total(ys_checker *, const ys_rule *);
void rule_comp_indicator_blank(ys_checker *, const ys_rule *);
void rule_comp_basic_capital(ys_checker *, const ys_rule *);
void rule_comp_procurement_class(ys_checker *, const ys_rule *);
void rule_pres_spaced(ys_checker *, const ys_rule *);
void rule_pres_decimals(ys_checker *, const ys_rule *);
void rule_pres_title_number(ys_checker *, const ys_rule *);
void rule_pres_title(ys_checker *, const ys_rule *);
void rule_pres_ordinals(ys_checker *, const ys_rule *);
void rule_pres_zero_printed(ys_checker *, const ys_rule *);
void rule_pres_units_mixed(ys_checker *, const ys_rule *);
void rule_pres_fullwidth_digits(ys_checker *, const ys_rule *);
void rule_perf_percent(ys_checker *, const ys_rule *);
void rule_perf_months(ys_checker *, const ys_rule *);
void rule_perf_qualitative(ys_checker *, const ys_rule *);
void rule_perf_numeric(ys_checker *, const ys_rule *);
void rule_perf_levels(ys_checker *, const ys_rule *);
void rule_perf_categories(ys_checker *, const ys_rule *);
void rule_perf_cost(ys_checker *, const ys_rule *);
void rule_perf_duplicate(ys_checker *, const ys_rule *);
void rule_perf_goal(ys_checker *, const ys_rule *);
void rule_perf_unit_wide(ys_checker *, const ys_rule *);
void rule_yoy_sangong(ys_checker *, const ys_rule *);
void rule_yoy_class(ys_checker *, const ys_rule *);
void rule_yoy_total(ys_checker *, const ys_rule *);
void rule_yoy_projects(ys_checker *, const ys_rule *);
void rule_yoy_tables(ys_checker *, const ys_rule *);
void rule_yoy_same(ys_checker *, const ys_rule *); /* check.c */
void rule_yoy_printed(ys_checker *, const ys_rule *); /* rules_narrative.c */
void rule_comp_coverage(ys_checker *, const ys_rule *);

/* rules_narrative.c: the 情况说明 */
void rule_narr_figure(ys_checker *, const ys_rule *);
void rule_narr_share(ys_checker *, const ys_rule *);
void rule_narr_change(ys_checker *, const ys_rule *);
void rule_narr_direction(ys_checker *, const ys_rule *);
void rule_narr_sum(ys_checker *, const ys_rule *);
void rule_narr_consistent(ys_checker *, const ys_rule *);
void rule_narr_year(ys_checker *, const ys_rule *);
void rule_narr_department(ys_checker *, const ys_rule *);
void rule_narr_placeholder(ys_checker *, const ys_rule *);
void rule_narr_class_name(ys_checker *, const ys_rule *);
void rule_narr_duplicate(ys_checker *, const ys_rule *);
void rule_narr_punct(ys_checker *, const ys_rule *);
void rule_narr_cut(ys_checker *, const ys_rule *);
void rule_narr_kind(ys_checker *, const ys_rule *);
void rule_narr_empty_note(ys_checker *, const ys_rule *);
void rule_narr_toc(ys_checker *, const ys_rule *);
void rule_narr_reason(ys_checker *, const ys_rule *);
void rule_narr_sections(ys_checker *, const ys_rule *);

#endif
