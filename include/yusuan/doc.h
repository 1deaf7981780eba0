/*
 * doc.h - a published disclosure as read: its tables, rows and cells, every
 * cell with the line and column it came from.
 *
 * A ys_doc is what readers produce (text, and later XLSX and PDF), what the
 * store saves and loads, what renderers write and what `check` examines.
 * Rows are aligned to their table description's columns (tables.h), so a
 * rule asks for "column 合计 of row 2010350/50501/30101" and never for "the
 * fourth cell".  All memory belongs to the doc's arena.
 */
#ifndef YUSUAN_DOC_H
#define YUSUAN_DOC_H

#include "yusuan/base.h"
#include "yusuan/money.h"
#include "yusuan/tables.h"
#include "yusuan/text.h"

/* Rows in one table of a disclosure.  A department's longest table (05,
 * every 项 of every unit) has a few thousand; a file with more is not a
 * budget disclosure, and refusing it keeps memory bounded (docs/errors.md). */
#define YS_TABLE_ROWS_MAX 100000

typedef struct ys_cell {
	const char *text;  /* as printed, trimmed; "" when blank or absent */
	ys_amount amt;     /* amount columns: the parsed value */
	int line;          /* 1-based; 0 when the printed row had no such cell */
	int col;           /* 1-based column in code points of the cell's start */
} ys_cell;

typedef enum ys_rowkind {
	YS_ROW_DATA = 0,  /* a code row, a fixed row, a category, a project's first row */
	YS_ROW_TOTAL,     /* 合计 */
	YS_ROW_CONT,      /* a further indicator of the project above (12) */
	YS_ROW_FIELD,     /* a labelled form row (13) */
} ys_rowkind;

typedef struct ys_row {
	ys_cell *cells;     /* def->ncols cells */
	int line;
	unsigned char kind; /* ys_rowkind */
	signed char shape;  /* index into def->shapes, or -1 */
	short block;        /* 05: the unit block, from 0 */
	short fixed[2];     /* per panel: index into def->fixed, or -1 */
	short page;         /* page segment of the table, from 0 */
	short project;      /* 12: index of the project row this row belongs to */
} ys_row;

/* A header row as printed, kept for rendering it back. */
typedef struct ys_hrow {
	char **cells;
	int ncells;
	int line;
	int before;  /* number of data rows printed before it */
} ys_hrow;

typedef struct ys_table {
	const ys_tabledef *def;
	const char *title;     /* the title line as printed */
	const char *numbering; /* 预算01表, 预算表12, or "" */
	int number;            /* the number printed in it, or 0 */
	int line;              /* line of the title */
	ys_unit unit;          /* 金额单位 */
	int unit_line;         /* line of the 金额单位 line, 0 if none */
	const char *unit_text; /* 金额单位 line as printed */
	const char *subtitle;  /* (2026年度) */
	ys_hrow *headers;
	int nheaders;
	ys_row *rows;
	int nrows;
	int end_line;          /* last line of the table */
	/* read by the general reader (a layout other than the seed's): */
	const char *kind;      /* the layout description's kind ("summary", "gp_expend"), else NULL */
	int page;              /* page of the title, from 1 (0: not paged) */
	const char *note;      /* a note printed in the table ("本表为空表"), or NULL */
} ys_table;

/* A line of the document outside its tables (the general reader keeps
 * them: the narrative that quotes the tables' figures, headings). */
typedef struct ys_textline {
	const char *text;
	int line, page;
} ys_textline;

/* A title that looked like a table's but was not read as one, and why. */
typedef struct ys_unread {
	const char *title;
	int line, page;
	const char *why;
} ys_unread;

/* One file of a document published as several (its text and its tables):
 * pages first_page.. of the document are the file's pages 1.. */
typedef struct ys_docpart {
	const char *file;
	int first_page;
} ys_docpart;

typedef struct ys_doc {
	ys_arena arena;
	const char *file;      /* as given by the caller */
	ys_encoding encoding;
	const char *department;
	int year;
	ys_table *tables[YS_NTABLES]; /* NULL when the document lacks it */
	int order[YS_NTABLES];        /* tables in document order */
	int ntables;
	/* the general reader's tables (layouts other than the seed's), in
	 * document order; their defs are made from the layout descriptions */
	ys_table **others;
	int nothers;
	ys_unread *unread;
	int nunread;
	ys_textline *prose;    /* the lines outside tables, in order */
	int nprose;
	int paged;             /* read from a PDF: cells' lines index its text layer, rows carry pages */
	ys_unit unit;          /* the document's amount unit (general reader) */
	ys_docpart *parts;     /* the files of a document read from several, in order (in the arena); */
	int nparts;            /* 0 for a document of one file */
} ys_doc;

/* An empty document; free with ys_doc_free. */
ys_doc *ys_doc_new(const char *file);
void ys_doc_free(ys_doc *doc);

/* Read the published tab-separated text layout (the seed's) from a file or
 * from memory.  On failure *out is NULL and ctx says file:line:column,
 * table and row, and what was expected. */
ys_result ys_doc_read_text_file(ys_ctx *ctx, const char *path, ys_doc **out);
ys_result ys_doc_read_text(ys_ctx *ctx, const char *name, const char *data, size_t len, ys_doc **out);

/* 1 when title (a title line as printed) ends with def's title or one of
 * its aliases, as the text reader recognises titles; 0 for a table read by
 * its numbering alone (预算03表 支出预算表). */
int ys_title_known(const ys_tabledef *def, const char *title);

/* Read a published disclosure from an XLSX workbook (a sheet per table, as
 * yusuan publishes them and as departments do). */
ys_result ys_doc_read_xlsx(ys_ctx *ctx, const char *path, ys_doc **out);

/* Read a disclosure from the JSON yusuan writes (show --format json,
 * tables.json): the same tables as the text it was written from.  data
 * is the file's bytes. */
ys_result ys_doc_read_json(ys_ctx *ctx, const char *name, const char *data, size_t len, ys_doc **out);

/* Read a disclosure in any layout with the general reader, which finds
 * tables by their titles and columns by their header words as the layout
 * descriptions (data/layouts/general.txt, docs/layouts.md) say.  From a
 * PDF's text layer (positions give the columns) or from tab-separated
 * text.  Tables go to doc->others; titles it could not read to
 * doc->unread. */
ys_result ys_doc_read_pdf(ys_ctx *ctx, const char *path, ys_doc **out);
/* A document published as several PDF files (its text and its tables):
 * read as one, pages numbered on from file to file. */
ys_result ys_doc_read_pdfs(ys_ctx *ctx, const char *const *paths, int n, ys_doc **out);
ys_result ys_doc_read_general(ys_ctx *ctx, const char *name, const char *data, size_t len, ys_doc **out);

/* The lines of a PDF's text layer as tab-separated text with page marks
 * (what the general reader sees; `yusuan show FILE.pdf --format lines`);
 * positions adds each line's {top+height} and fragment's [x0-x1] in points. */
ys_result ys_pdf_text(ys_ctx *ctx, const char *path, int positions, ys_buf *out);

/* Read a disclosure of any supported kind, by the file's content: PDF,
 * XLSX (a zip), else text: the seed's layout (预算01表 …) with the text
 * reader, any other with the general reader. */
ys_result ys_doc_read_file(ys_ctx *ctx, const char *path, ys_doc **out);
/* The same for a text or JSON document in memory (name: for messages and
 * doc->file); a workbook or a PDF is refused (YS_EPARSE): read them by path. */
ys_result ys_doc_read_mem(ys_ctx *ctx, const char *name, const char *data, size_t len, ys_doc **out);

/* A table by the index findings use: 0..12 the seed layout's tables,
 * YS_NTABLES + i the general reader's others[i]; NULL when absent. */
static inline const ys_table *ys_doc_table_at(const ys_doc *doc, int idx)
{
	if (idx >= 0 && idx < YS_NTABLES)
		return doc->tables[idx];
	if (idx >= YS_NTABLES && idx - YS_NTABLES < doc->nothers)
		return doc->others[idx - YS_NTABLES];
	return NULL;
}

/* Where page (of the whole document, from 1) was printed: its file
 * (doc->file for a document of one file) in *file, and the page in that
 * file returned.  0 for 0. */
int ys_doc_page_where(const ys_doc *doc, int page, const char **file);

/* "第 7 页", or "X.tables.pdf 第 7 页" (the file's base name) for a
 * document of several files: a page for people.  Returns buf. */
const char *ys_doc_page_label(const ys_doc *doc, int page, char *buf, size_t cap);

/* Record that doc was read from files[0..n-1] whose pages begin at
 * first[0..n-1] (the first is 1); nothing for n < 2. */
ys_result ys_doc_set_parts(ys_ctx *ctx, ys_doc *doc, const char *const *files, const int *first, int n);

/* A table of the document, or NULL. */
static inline ys_table *ys_doc_table(const ys_doc *doc, ys_tid id) { return doc->tables[id]; }

/* Parse "2010350-事业运行" (or "2010350 事业运行", "2010350") into its code
 * and name.  Returns the code length (0 when the cell does not start with
 * digits); *name points into s. */
size_t ys_split_codename(const char *s, const char **name);

/* Project cells: "11000022Y0000004247 65-各办公区互联网接入费" and
 * "11000024T000002854566-管理中心机动经费".  Writes the code without the
 * space into code (>= 40 bytes) and returns 1, or returns 0. */
int ys_split_project(const char *s, char *code, const char **name);

/* The row's key for messages: "2010350/50501/30101", "一般公共预算拨款收入",
 * "11000024T000002854566".  Written into buf (>= 128 bytes). */
const char *ys_row_label(const ys_table *t, int row, int panel, char *buf, size_t cap);

/* 1 when the label key of s is a total label (合计, 总计). */
int ys_is_total_label(const char *s);

/* Is the cell blank (no text)? */
static inline int ys_cell_blank(const ys_cell *c) { return !c->text || !c->text[0]; }

#endif
