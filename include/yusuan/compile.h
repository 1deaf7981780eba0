/*
 * compile.h - the detailed budget in, the 13 published tables out.
 *
 * Every cell is a function of the model (budget.h) as each table's
 * description says (tables.h): the tables agree by construction.  Before
 * compiling, the rules on the detail say what cannot be right (a code not
 * in the catalog, a 部门经济/政府经济 pair wrong for the unit's type, income
 * that does not equal spending ...), each with its file and line.
 */
#ifndef YUSUAN_COMPILE_H
#define YUSUAN_COMPILE_H

#include "yusuan/base.h"
#include "yusuan/budget.h"
#include "yusuan/catalog.h"
#include "yusuan/doc.h"
#include "yusuan/rules.h"

/* Compile b into the 13 tables.  The tables are laid out as the published
 * text layout, written and read back, so *out carries the lines of that
 * text (ys_render_text writes it again).  *out is freed with ys_doc_free. */
ys_result ys_compile(ys_ctx *ctx, const ys_budget *b, const ys_catalog *cat, ys_doc **out);

/* The tables as built, without the round trip through the text layout: no
 * line numbers, for writing out only (yusuan batch).  Same cells as
 * ys_compile. */
ys_result ys_compile_tables(ys_ctx *ctx, const ys_budget *b, const ys_catalog *cat, ys_doc **out);

/* The rules on the detail: findings carry the input file and line.  The
 * budget can be compiled when rep->count[YS_SEV_ERROR] is 0. */
ys_result ys_check_budget(ys_ctx *ctx, const ys_budget *b, const ys_catalog *cat, ys_report **out);

/* The same, with the changes from last year (write.h; NULL: none), which
 * detail.reasons checks against the reasons sheet. */
struct ys_changes;
ys_result ys_check_budget_prev(ys_ctx *ctx, const ys_budget *b, const ys_catalog *cat, const struct ys_changes *changes,
                               ys_report **out);

/* The detail rules, for `yusuan rules` and docs/rules.md. */
const ys_rule *ys_detail_rules(size_t *n);

#endif
