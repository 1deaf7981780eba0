/*
 * batch.h - many departments at once: one CSV of line items, as a budget
 * system exports them, compiled department by department.
 *
 * The file has a 部门 column and, per row, the unit, its type and the item
 * (docs/batch.md).  Rows of one department are contiguous; the file is read
 * as a stream and only one department is held in memory, so the size of the
 * file does not bound the size of the run.  Each department's income is what
 * its items spend (a budget system's export balances by construction); its
 * projects are the codes its items name.
 */
#ifndef YUSUAN_BATCH_H
#define YUSUAN_BATCH_H

#include "yusuan/base.h"
#include "yusuan/budget.h"
#include "yusuan/catalog.h"
#include "yusuan/doc.h"
#include "yusuan/rules.h"

/* Called for each department with its budget, the findings of the detail
 * rules and its compiled tables (NULL when the detail has errors and was not
 * compiled); return non-zero to stop (the run then fails with YS_ECANCELED). */
typedef int (*ys_batch_fn)(const ys_budget *b, const struct ys_report *detail, const ys_doc *doc, void *arg);

typedef struct ys_batch_stats {
	long departments;
	long refused;         /* departments whose detail had errors */
	long items;
	long lines;
	uint64_t bytes;
} ys_batch_stats;

/* Compile every department of path, as budgets of `year`, with `threads`
 * workers (0: one per processor, at most 8; 1: in the calling thread).  With
 * more than one, fn is called from the workers, one department at a time
 * each, in no particular order: it must be safe to call concurrently.
 * Errors name file:line:column. */
ys_result ys_batch_compile(ys_ctx *ctx, const char *path, int year, const ys_catalog *cat, int threads,
                           ys_batch_fn fn, void *arg, ys_batch_stats *stats);

#endif
