/*
 * render.h - writing a disclosure out: the published text layout, CSV, JSON,
 * XLSX, PDF and a static HTML site.
 *
 * Renderers walk the table descriptions; they write into a ys_buf and never
 * print.  `tid` selects one table, or -1 for every table in document order.
 */
#ifndef YUSUAN_RENDER_H
#define YUSUAN_RENDER_H

#include "yusuan/base.h"
#include "yusuan/budget.h"
#include "yusuan/doc.h"
#include "yusuan/rules.h"

/* The seed's tab-separated layout: title, 金额单位, header rows, rows.
 * Reading the output again gives the same cells. */
ys_result ys_render_text(ys_ctx *ctx, const ys_doc *doc, int tid, ys_buf *out);

/* CSV.  One table: a header line of column labels, then a line per row.
 * All tables: one line per cell (table, title, row, kind, line, column id,
 * column label, text, amount in 分). */
ys_result ys_render_csv(ys_ctx *ctx, const ys_doc *doc, int tid, ys_buf *out);

/* JSON: the document, its tables, columns and rows; amounts as integer 分
 * and as printed. */
ys_result ys_render_json(ys_ctx *ctx, const ys_doc *doc, int tid, ys_buf *out);

/* XLSX (libxlsxwriter): one workbook at path, a sheet per table (预算01表 …)
 * in the published layout.  Every amount reads back to the 分. */
ys_result ys_render_xlsx(ys_ctx *ctx, const ys_doc *doc, const char *path);

/* PDF (cairo + pango, Noto Sans CJK): a cover, contents with page numbers,
 * every table on A4 landscape with its header repeated on each page. */
ys_result ys_render_pdf(ys_ctx *ctx, const ys_doc *doc, const char *path);

/* A static web site in the folder dir (created if missing): index.html with
 * the totals and SVG charts, NN.html per table, findings.html listing rep's
 * findings (rep may be NULL) each linked to its cell, style.css.  Nothing is
 * fetched from another host. */
ys_result ys_render_html(ys_ctx *ctx, const ys_doc *doc, const ys_report *rep, const char *dir);

/* Append s to out as one CSV field (quoted when needed). */
void ys_csv_field(ys_buf *out, const char *s);

#endif
