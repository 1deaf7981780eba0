/*
 * review.h - a document's review on its printed pages: where a finding
 * was printed in the PDF it was read from, that page drawn as an image
 * with the place boxed, and the review's export (the 整改清单 workbook of
 * the confirmed findings, and the PDF with their places marked).
 *
 * A document read from a PDF keeps, for every cell and sentence, the line
 * of the PDF's text layer it was read from and its column (ys_cell.line,
 * ys_cell.col: 1 + its left edge in 6-point steps); a finding carries the
 * same (ys_finding.line, .column).  The box is found again from the PDF
 * itself, read by the same text layer (read/lines.c), so the reader keeps
 * no geometry and the store no more than the file (ys_store_load_original).
 * Positions are points from the page's top left: they place marks on a
 * page and are never amounts.
 */
#ifndef YUSUAN_REVIEW_H
#define YUSUAN_REVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "yusuan/base.h"

/* Where a finding was printed. */
typedef struct ys_place {
	/* in: what the finding names */
	int line;          /* the PDF text layer's line (ys_finding.line of a document read from a PDF) */
	int col;           /* its column (ys_finding.column); 0 for a sentence or a whole line */
	const char *text;  /* the cell's text or the sentence as quoted, or NULL: then the fragment
	                      at col, or the whole line */
	/* out */
	int page;          /* from 1; 0 when the place is not in the PDF */
	int x0, y0, x1, y1;  /* the box, tenths of a point from the page's top left (the reader's unit) */
} ys_place;

/* Find each of pl[0..n) in the PDF pdf[0..len) (name: for messages).
 * Places not found keep page 0; an unreadable PDF is YS_EPARSE. */
ys_result ys_pdf_locate(ys_ctx *ctx, const char *name, const void *pdf, size_t len, ys_place *pl, size_t n);

/* The number of pages of the PDF pdf[0..len) into *npages. */
ys_result ys_pdf_npages(ys_ctx *ctx, const void *pdf, size_t len, int *npages);

/* The largest side of a page image, in pixels. */
#define YS_PAGE_PX_MAX 2400

/* Page `page` (from 1) of the PDF drawn at scale pixels per point (the
 * image's larger side capped at YS_PAGE_PX_MAX) on white, with a red box
 * around each place of pl[0..n) on that page; the PNG appended to out.
 * A page out of range is YS_ENOTFOUND. */
ys_result ys_pdf_page_png(ys_ctx *ctx, const void *pdf, size_t len, int page, double scale, const ys_place *pl,
                          size_t n, ys_buf *out);

/* One finding of the review's export. */
typedef struct ys_review_item {
	int number;          /* 序号: the number drawn beside its box */
	const char *table;   /* as the finding names them ("03", a title), "" when none */
	const char *row;
	const char *column;
	const char *rule;
	const char *message; /* the finding's Chinese message */
	int has_amounts;     /* expected and found are meaningful */
	int64_t expected, found; /* 分 */
	const char *reviewer, *reviewed_at;
	const char *reason;  /* why it was dismissed */
	const char *comment; /* 备注 */
	ys_place place;      /* place.page 0: not placed (then no box) */
} ys_review_item;

typedef struct ys_review_export {
	const char *department;
	int year;
	const char *file;    /* the document */
	const char *date;    /* of the export, "2026-12-06" */
	const ys_review_item *confirmed; /* in 序号 order */
	size_t nconfirmed;
	const ys_review_item *dismissed;
	size_t ndismissed;
} ys_review_export;

/* The 整改清单 workbook at path (libxlsxwriter): a title row (department,
 * year, document, date), Chinese headers, a row per confirmed finding
 * (序号, 表, 行, 列, 页, 规则, 问题说明, 应为（万元）, 实为（万元）, 复核人,
 * 复核时间, 备注); a second sheet of the dismissed ones with their reasons.
 * Amounts are 万元 text made from 分 (ys_money_format), never numbers. */
ys_result ys_review_xlsx(ys_ctx *ctx, const ys_review_export *e, const char *path);

/* The PDF pdf[0..len) with the confirmed findings' places boxed in red and
 * numbered, each page drawn as printed (poppler_page_render_for_printing),
 * after a first page listing the findings (Noto Sans CJK); appended to
 * out. */
ys_result ys_review_pdf(ys_ctx *ctx, const ys_review_export *e, const void *pdf, size_t len, ys_buf *out);

#endif
