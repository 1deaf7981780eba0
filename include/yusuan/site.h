/*
 * site.h - a static web site of a whole store: every department across
 * years, rankings and trends, each document with its figures, the
 * findings of its check and its transparency score.
 *
 * The figures come from the dataset views (docs/dataset.md) through
 * ys_store_select; each stored document is loaded, checked and scored as
 * `check` and `score` do.  Pages are plain HTML with one stylesheet and SVG
 * charts drawn here with integer geometry; nothing is fetched from another
 * host.
 */
#ifndef YUSUAN_SITE_H
#define YUSUAN_SITE_H

#include "yusuan/base.h"
#include "yusuan/score.h"
#include "yusuan/store.h"

typedef struct ys_site_opts {
	const char *catdir;          /* catalogs for the check (a root of year folders); NULL: the default */
	const ys_score_items *items; /* the score's items; NULL: no scores */
	void (*wrote)(void *arg, const char *path); /* told of each file written, or NULL */
	void *arg;
} ys_site_opts;

typedef struct ys_site_stats {
	int documents, departments, years, pages;
} ys_site_stats;

/* Write the site of st into dir (created if missing): index.html (the
 * documents, rankings, trends), dept-N.html per department, doc-ID.html
 * per stored document, style.css.  stats may be NULL. */
ys_result ys_site_render(ys_ctx *ctx, ys_store *st, const char *dir, const ys_site_opts *o, ys_site_stats *stats);

#endif
