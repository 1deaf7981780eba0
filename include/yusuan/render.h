/*
 * render.h - writing a disclosure out: the published text layout, CSV, JSON,
 * XLSX, PDF and a static HTML site; and the check report itself (text,
 * JSON, CSV), so that the CLI and the server render it alike.
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

/* CSV.  One table (tid as ys_doc_table_at counts: 0..12 the 13-table
 * model's, YS_NTABLES + i the general reader's others[i]): a header line of
 * column labels as read, then a line per row.  All tables (tid -1): one
 * line per cell (table, title, row, kind, line, column id, column label,
 * text, amount in 分); a general reader's table is named g01, g02 … with
 * its printed title. */
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
/* One of those pages' tables as a <table> element appended to out (the
 * server's document page), and their stylesheet.  tid is the index findings
 * use (ys_doc_table_at): 0..12 the seed layout's tables (id "t01" …),
 * YS_NTABLES + i the general reader's others[i] (id "tg01" …, as g01.html
 * draws it). */
ys_result ys_render_html_table(ys_ctx *ctx, const ys_doc *doc, const ys_report *rep, int tid, ys_buf *out);
const char *ys_render_html_css(void);

/* JSON of the whole budget and its tables: {"department", "year", "budget":
 * units, income, carry_over, items, projects with indicators, procurement,
 * services, sangong, performance; "tables": as ys_render_json}.  Every amount
 * as {"fen": integer, "wanyuan": "33,149.176143"}.  doc or b may be NULL. */
ys_result ys_render_budget_json(ys_ctx *ctx, const ys_doc *doc, const ys_budget *b, ys_buf *out);

/* Publishing: every chosen format into one folder. */
enum {
	YS_PUB_TEXT = 1,  /* tables.txt: the published text layout */
	YS_PUB_CSV = 2,   /* csv/01.csv ..: a file per table, UTF-8 with BOM or GB18030 */
	YS_PUB_JSON = 4,  /* tables.json: the budget (when there is one) and the tables */
	YS_PUB_XLSX = 8,  /* tables.xlsx */
	YS_PUB_PDF = 16,  /* tables.pdf */
	YS_PUB_HTML = 32, /* html/: index.html, 01.html .., findings.html */
	YS_PUB_ALL = 63,
	YS_PUB_REPORT = 64, /* report.pdf, report.html, report.docx, report.txt: the 情况说明
	                       and the tables as one document (write.h; not in "all") */
};

struct ys_story;

typedef struct ys_publish_opts {
	unsigned formats;         /* YS_PUB_* */
	ys_encoding csv_encoding; /* YS_ENC_GB18030, else UTF-8 with BOM */
	const ys_budget *budget;  /* the detail behind the tables, or NULL */
	const ys_report *report;  /* the check's findings for the HTML site, or NULL */
	void (*wrote)(void *arg, const char *path); /* told of each file written */
	void *arg;
	/* told of each file of an earlier run that this run did not write:
	 * removed (1) when an earlier yusuan run wrote it (the folder's
	 * .yusuan-files says so), else left (0) - a file with one of yusuan's
	 * names that yusuan did not write, now not from this run */
	void (*stale)(void *arg, const char *path, int removed);
	const struct ys_story *story; /* the 情况说明 for YS_PUB_REPORT (write.h), or NULL */
} ys_publish_opts;

/* The list of the files a run wrote, kept in the output folder so that
 * the next run can remove its own stale files and nothing else. */
#define YS_PUBLISH_MANIFEST ".yusuan-files"

/* Write doc into the folder dir (created if missing) in o->formats.  Each
 * file is written whole or not at all; on an error the files written before
 * it stay.  When all are written, the files an earlier run wrote that this
 * one did not (tables.pdf of a run with --format all, then one with text)
 * are removed - only names yusuan writes, and only those YS_PUBLISH_MANIFEST
 * lists - and the csv/ and html/ folders when that leaves them empty. */
ys_result ys_publish(ys_ctx *ctx, const ys_doc *doc, const char *dir, const ys_publish_opts *o);

/* Parse a format list ("xlsx", "pdf,html", "all") into YS_PUB_* bits;
 * 0, or -1 for an unknown name. */
int ys_publish_formats(const char *list, unsigned *bits);

/* Append s to out as one CSV field, quoted when it holds , " CR or LF
 * (RFC 4180); NULL appends nothing. */
void ys_csv_quote(ys_buf *out, const char *s);

/* ---- the check report ---------------------------------------------------- */

typedef enum ys_report_format {
	YS_REPORT_TEXT = 0,     /* for people (Chinese): what was read, table by table
	                           (rows, amount cells read and unreadable, identities),
	                           the findings grouped by table, and a summary line
	                           "核对了 N 个等式，覆盖率 X %；…" */
	YS_REPORT_JSON = 1,     /* {"file", "findings", "tables", "unrecognised",
	                           "coverage", "summary"} (docs/check.md) */
	YS_REPORT_CSV = 2,      /* RFC 4180, UTF-8 with BOM, CRLF: a row per finding,
	                           amounts as plain numbers; then rule "coverage" rows,
	                           one per table and one for the document */
	YS_REPORT_FINDINGS = 3, /* text: the findings only, grouped by table */
} ys_report_format;

/* Render rep, the check of doc, in fmt. */
ys_result ys_render_report(ys_ctx *ctx, const ys_doc *doc, const ys_report *rep, ys_report_format fmt,
                           ys_buf *out);

/* One document of a run over many (yusuan check PATH… --jobs N): what was
 * read and found, kept after the document and its report are freed. */
typedef struct ys_rulecount {
	const char *rule;  /* the rule's id: points into the rule table */
	int count[3];      /* findings by severity */
} ys_rulecount;

typedef struct ys_docsum {
	char *file;        /* its file, or its files joined by " + " */
	char *error;       /* why it could not be read; NULL when it was */
	int tables, unrecognised, missing, rows, identities;
	int64_t amounts, unreadable;
	int permille;      /* coverage, as ys_coverage */
	int count[3];      /* findings by severity */
	ys_rulecount *rules; /* findings by rule, sorted by id */
	int nrules;
	int64_t ms;        /* reading and checking it, wall clock (set by the caller) */
} ys_docsum;

void ys_docsum_init(ys_docsum *s);
void ys_docsum_release(ys_docsum *s);
/* Fill s from a document's report (which may be freed afterwards); file is copied. */
ys_result ys_docsum_fill(ys_ctx *ctx, ys_docsum *s, const char *file, const ys_report *rep);
/* Mark s unreadable, with why (the reader's message); file is copied. */
ys_result ys_docsum_fail(ys_ctx *ctx, ys_docsum *s, const char *file, const char *why);

/* A run: text (a row per document: tables, coverage, identities, errors,
 * warnings, seconds, file; then the totals), JSON ({"documents": […, with
 * findings by rule], "summary"}) or CSV (a row per document). */
ys_result ys_render_run(ys_ctx *ctx, const ys_docsum *docs, size_t n, ys_report_format fmt, ys_buf *out);

#endif
