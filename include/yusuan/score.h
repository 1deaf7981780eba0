/*
 * score.h - a transparency score for a disclosure, item by item.
 *
 * The items and their points are data (data/score/items.txt, docs/score.md):
 * the tables of the official disclosure catalogue, each present and
 * complete; what the catalogue asks to be stated (三公 by its parts, 机关运行
 * 经费, 政府采购 by category, 绩效目标, 名词解释, the reasons for changes);
 * and the evaluations' principles (complete, machine-readable, the figures
 * agreeing: yusuan's own check and its coverage).  The code knows how to
 * look for each item; the file says which are scored and for how much.
 * Every item's points come with their evidence: the page, the table and
 * what was found, or what was looked for and not found.
 */
#ifndef YUSUAN_SCORE_H
#define YUSUAN_SCORE_H

#include <stdint.h>

#include "yusuan/base.h"
#include "yusuan/doc.h"
#include "yusuan/render.h"
#include "yusuan/rules.h"

typedef struct ys_score_item {
	const char *id;     /* table.summary, sangong.parts … */
	int points;
	const char *group;  /* 表, 内容, 原则 */
	const char *title;
	int line;           /* in the items file */
} ys_score_item;

typedef struct ys_score_items {
	ys_arena arena;
	const char *file;
	ys_score_item *v;
	int n;
	int total;          /* the sum of the points */
} ys_score_items;

/* Load the items from path (NULL: $YUSUAN_DATA/score/items.txt, else the
 * build tree's data/score/items.txt).  Errors name file:line.  *out is
 * freed with ys_score_items_free. */
ys_result ys_score_items_load(ys_ctx *ctx, const char *path, ys_score_items **out);
void ys_score_items_free(ys_score_items *items);
/* 1 when the code knows how to look for an item of this id. */
int ys_score_known(const char *id);

typedef struct ys_score_line {
	const ys_score_item *item;
	int permille;          /* how much of the item was found, 0..1000 */
	int tenths;            /* points earned, in tenths: points * permille / 100, rounded half up */
	int page;              /* where the evidence is (0: not paged, or nowhere) */
	const char *table;     /* the table it is in ("05", a title) or "" */
	const char *evidence;  /* what was found, or what was looked for (Chinese) */
} ys_score_line;

typedef struct ys_score {
	ys_arena arena;
	const char *file, *department;
	int year;
	const char *error;     /* the document could not be read: why (then no lines) */
	ys_score_line *lines;
	int n;
	int tenths;            /* the score, in tenths of a point */
	int max;               /* the points there are */
} ys_score;

/* Score doc, with rep its check (ys_check, for coverage and consistency). */
ys_result ys_score_doc(ys_ctx *ctx, const ys_doc *doc, const ys_report *rep, const ys_score_items *items,
                       ys_score **out);
/* A document that could not be read: a score of 0 that says why. */
ys_result ys_score_failed(ys_ctx *ctx, const char *file, const char *why, const ys_score_items *items,
                          ys_score **out);
void ys_score_free(ys_score *s);

/* One document: YS_REPORT_TEXT (Chinese: the score, then each item with its
 * points and evidence) or YS_REPORT_JSON. */
ys_result ys_score_render(ys_ctx *ctx, const ys_score *s, ys_report_format fmt, ys_buf *out);

/* Many documents ranked, highest first (ties by file): text (the ranking;
 * with items, then each document's items), JSON ({"items", "documents":
 * [{"rank", …, "items"}]}) or CSV (a row per document: rank, score, file,
 * department, year, then each item's points). */
ys_result ys_score_render_run(ys_ctx *ctx, ys_score *const *scores, size_t n, const ys_score_items *items,
                              ys_report_format fmt, int with_items, ys_buf *out);

#endif
