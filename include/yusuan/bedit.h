/*
 * bedit.h - a stored detailed budget edited row by row (yusuan serve's
 * editor, docs/api.md): an item's amount and codes, a project's name, goal
 * and disclosure, an indicator's name and value, an income's amount.
 *
 * Design: optimistic locking by row.  Every row has a version (0 until it
 * is first changed online; kept in the store's bversion table, beside the
 * budget's own count of changes); a change names the version it was made
 * on, and a row changed meanwhile refuses it (stale) and gives its current
 * values.  By row, not by budget: fifty people keying fifty different
 * items of one department's budget must not refuse each other; two keying
 * the same item must.  The change, the version and its audit row (who,
 * when, before, after) are one transaction.
 *
 * A change is written even when it breaks a detail rule: a budget being
 * drawn up goes through states that do not balance (money moved from one
 * item to another takes two saves), so the rules' findings are shown after
 * each save, and it is the build that refuses a detail with errors, as
 * `yusuan build` does.
 */
#ifndef YUSUAN_BEDIT_H
#define YUSUAN_BEDIT_H

#include <stdint.h>

#include "yusuan/base.h"
#include "yusuan/budget.h"
#include "yusuan/rules.h"
#include "yusuan/store.h"

typedef enum ys_bedit_kind {
	YS_BEDIT_ITEM = 0,   /* n: the item's index (items.csv's order) */
	YS_BEDIT_PROJECT,    /* n: the project's index */
	YS_BEDIT_INDICATOR,  /* n: the position among the unit-wide indicators (table 13) first, then each
	                        project's in project order (ys_bedit_indicator_at) */
	YS_BEDIT_INCOME,     /* n: 0..8 本年收入 by ys_fundsrc, 10..14 上年结转 by YS_CSRC_ + 10 */
	YS_BEDIT_NKINDS
} ys_bedit_kind;

/* "item", "project", "indicator", "income" (ids, JSON keys); the path
 * segment "items" … back to its kind (-1 for none); "明细", "项目",
 * "绩效指标", "收入" for people. */
const char *ys_bedit_kind_name(ys_bedit_kind k);
int ys_bedit_kind_parse_plural(const char *s);
const char *ys_bedit_kind_label(ys_bedit_kind k);

/* A stored budget as listed. */
typedef struct ys_bedit_info {
	int64_t id;
	char department[256];
	int year;
	char source[512];       /* the folder or workbook it was read from */
	char imported_at[32];
	int64_t version;        /* changes made online (0: none) */
	char changed_by[128];   /* the last change's: "" when none */
	char changed_at[32];
	int64_t disclosure;     /* the tables last compiled from it; 0 none */
} ys_bedit_info;

/* Budget id's info; YS_ENOTFOUND when there is none. */
ys_result ys_bedit_info_get(ys_ctx *ctx, ys_store *st, int64_t id, ys_bedit_info *out);
/* Every stored budget, newest first: fn until it returns non-zero. */
ys_result ys_bedit_list(ys_ctx *ctx, ys_store *st, int (*fn)(const ys_bedit_info *b, void *arg), void *arg);
/* The version of every row of budget id changed online (others are 0). */
ys_result ys_bedit_versions(ys_ctx *ctx, ys_store *st, int64_t id,
                            int (*fn)(ys_bedit_kind kind, int64_t n, int64_t version, void *arg), void *arg);

/* The indicator numbered n (YS_BEDIT_INDICATOR) of b, or NULL; *project
 * receives its project's index (-1: unit-wide). */
const ys_indicator *ys_bedit_indicator_at(const ys_budget *b, int64_t n, int *project);

/* A field to change: its name ("amount", "func", "econ"; "name", "goal",
 * "disclosed"; "l3", "op", "value", "unit") and its new text (an amount in
 * 万元, as the input's CSV writes it). */
typedef struct ys_bedit_field {
	const char *name;
	const char *value;
} ys_bedit_field;

typedef struct ys_bedit_result {
	int stale;              /* refused: the row's version is not the one seen */
	int64_t version;        /* the row's version now (the other's change when stale) */
	int64_t budget_version; /* the budget's count of changes after this one */
	char *before;           /* the row's fields as a JSON object before the change (malloc'd) */
	char *after;            /* after it; when stale, the row as it is now */
} ys_bedit_result;
void ys_bedit_result_release(ys_bedit_result *r);

/* Change row n of kind of budget id from version seen: the fields given,
 * the others as they are.  One transaction with the row's new version, the
 * budget's, and an audit row by who.  A field that is not the kind's or
 * whose text is not what it holds is YS_EINVAL (nothing written); no such
 * budget or row YS_ENOTFOUND; a stale version YS_EREFUSED with out->stale
 * and the current row in out->after; a budget whose department's year is
 * past 编制 in the workflow (submitted: the reviewers' now) YS_EREFUSED.
 * out is released by the caller. */
ys_result ys_bedit_change(ys_ctx *ctx, ys_store *st, int64_t id, ys_bedit_kind kind, int64_t n, int64_t seen,
                          const ys_bedit_field *fields, int nfields, const char *who, ys_bedit_result *out);

/* Load budget id and run the detail rules on it (catalog root catroot,
 * NULL: the default).  *b and *rep are freed by the caller (either may be
 * NULL when not wanted). */
ys_result ys_bedit_check(ys_ctx *ctx, ys_store *st, int64_t id, const char *catroot, ys_budget **b,
                         ys_report **rep);

/* Compile budget id into the 13 tables as `yusuan build` does, store them
 * as a disclosure (its file named "预算N.txt") and link the budget to it,
 * with an audit row by who; *doc receives the disclosure's id.  A detail
 * with errors is not compiled: YS_EREFUSED, with the findings in *rep (when
 * rep is not NULL; freed by the caller, also on success). */
ys_result ys_bedit_build(ys_ctx *ctx, ys_store *st, int64_t id, const char *catroot, const char *who, int64_t *doc,
                         ys_report **rep);

/* The row a detail finding points at (by its file and line), or -1. */
int ys_bedit_finding_row(const ys_budget *b, const ys_finding *f, ys_bedit_kind *kind, int64_t *n);

#endif
