/*
 * fuzzdoc.h - what the disclosure harnesses share: two documents hold the
 * same tables, rows and cells (a round trip through a renderer).
 */
#ifndef YS_FUZZDOC_H
#define YS_FUZZDOC_H

#include "yusuan/doc.h"
#include "yusuan/rules.h"

static inline void same_cells(const ys_doc *a, const ys_doc *b)
{
	if (a->ntables != b->ntables)
		die("round trip: %d tables, then %d", a->ntables, b->ntables);
	for (int k = 0; k < YS_NTABLES; k++) {
		const ys_table *x = a->tables[k], *y = b->tables[k];
		if (!x != !y)
			die("round trip: table %02d %s", k + 1, x ? "lost" : "appeared");
		if (!x)
			continue;
		if (x->nrows != y->nrows)
			die("round trip: table %02d has %d rows, then %d", k + 1, x->nrows, y->nrows);
		if (strcmp(x->title, y->title))
			die("round trip: table %02d title '%s', then '%s'", k + 1, x->title, y->title);
		for (int r = 0; r < x->nrows; r++) {
			const ys_row *p = &x->rows[r], *q = &y->rows[r];
			if (p->kind != q->kind || p->block != q->block)
				die("round trip: table %02d row %d (line %d): kind %d block %d, then kind %d block %d (line %d)", k + 1,
				    r, p->line, p->kind, p->block, q->kind, q->block, q->line);
			for (int c = 0; c < x->def->ncols; c++) {
				const ys_cell *u = &p->cells[c], *v = &q->cells[c];
				if (strcmp(u->text, v->text) || u->amt.fen != v->amt.fen || u->amt.present != v->amt.present)
					die("round trip: table %02d row %d (line %d) column %s: '%s' (%lld, %d), then '%s' (%lld, %d) "
					    "at line %d",
					    k + 1, r, p->line, x->def->cols[c].id, u->text, (long long)u->amt.fen, u->amt.present,
					    v->text, (long long)v->amt.fen, v->amt.present, q->line);
			}
		}
	}
}

/* Check the document with every rule (no catalog): the report's counts add
 * up and every finding names its rule and says something. */
static inline void fz_check_doc(ys_doc *doc)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_report *rep = NULL;
	ys_check_opts opts = { NULL, NULL, NULL };
	if (ys_check(&ctx, doc, &opts, &rep) != YS_OK)
		return;
	int sum = rep->count[0] + rep->count[1] + rep->count[2];
	if ((size_t)sum != rep->nfindings)
		die("report counts %d findings, holds %zu", sum, rep->nfindings);
	for (size_t i = 0; i < rep->nfindings; i++)
		if (!rep->findings[i].rule || !rep->findings[i].message)
			die("finding %zu without rule or message", i);
	ys_report_free(rep);
}

#endif
