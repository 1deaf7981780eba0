/*
 * layouts_int.h - the layout descriptions of the general reader
 * (data/layouts/general.txt, compiled in; docs/layouts.md): which titles
 * are which tables, what header words make a column's role, which row
 * labels mean 合计, which notes say a table is empty, and which columns
 * add up to which.
 *
 * Layout knowledge is data: the reader (read/general.c) and the rules
 * (rules_general.c) both walk this one parsed description, so neither
 * names a province.  A line the parser does not understand is an error
 * that names the line, never skipped.
 */
#ifndef YS_LAYOUTS_INT_H
#define YS_LAYOUTS_INT_H

#include <stddef.h>

#include "yusuan/base.h"

#define YS_LAYOUT_WORDS 12 /* words (and !words) of one table statement */
#define YS_LAYOUT_ALTS 32  /* alternatives of one column, label or empty statement */
#define YS_LAYOUT_PARTS 24 /* parts of one sum statement */

/* A `table` statement: a title with every req word and no not word. */
typedef struct ys_lkind {
	const char *id, *name, *beijing; /* beijing: the seed table it is like, or NULL */
	const char *req[YS_LAYOUT_WORDS], *not[YS_LAYOUT_WORDS];
	int nreq, nnot;
} ys_lkind;

/* A `column`, `label` or `empty` statement: words (label keys) with a role. */
typedef struct ys_lwords {
	const char *role;
	const char *w[YS_LAYOUT_ALTS];
	int n;
} ys_lwords;

/* A `sum` statement: a column of role lhs is the sum of the columns of
 * these roles printed beside it. */
typedef struct ys_lsum {
	const char *lhs;
	const char *parts[YS_LAYOUT_PARTS];
	int nparts;
} ys_lsum;

typedef struct ys_layouts {
	ys_arena arena;
	ys_lkind kinds[96];
	int nkinds;
	ys_lwords cols[64];
	int ncols;
	ys_lwords labels[16];
	int nlabels;
	ys_lwords empty;
	ys_lsum sums[32];
	int nsums;
} ys_layouts;

/* Parse description text (name is used in messages, with line numbers)
 * into *out, which the caller releases with ys_layouts_release even on
 * failure.  YS_EPARSE for a line that is not a statement the format
 * knows, or a sum over a role no column statement gives. */
ys_result ys_layouts_parse(ys_ctx *ctx, const char *name, const char *text, ys_layouts *out);
void ys_layouts_release(ys_layouts *l);

/* The compiled-in descriptions, parsed once (thread-safe); NULL, with
 * the parser's message on ctx (may be NULL), when they do not parse. */
const ys_layouts *ys_layouts_builtin(ys_ctx *ctx);

/* The role of the word key k holds (the longest such word of the set;
 * exact: k is the word), or NULL; *wlen (may be NULL) the word's length. */
const char *ys_layouts_role(const ys_lwords *set, int n, const char *k, int exact, size_t *wlen);

/* Is role a part of some sum statement, or the lhs of one? */
int ys_layouts_summed(const ys_layouts *l, const char *role);

#endif
