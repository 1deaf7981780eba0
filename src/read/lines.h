/*
 * read/lines.h - a published document as positioned lines of text
 * fragments: what the general reader (general.c) reads, whether the
 * document came as a PDF (poppler's text layer, positions from the page)
 * or as tab-separated text (positions from the column index).
 *
 * Coordinates are integers in tenths of a point (PDF), or column index *
 * YS_TAB_PITCH (text).  They place text; no amount is ever one.
 */
#ifndef YS_READ_LINES_H
#define YS_READ_LINES_H

#include "yusuan/base.h"
#include "yusuan/text.h"

#define YS_TAB_PITCH 1000 /* a tab column's width in text input */
#define YS_PDF_PAGES_MAX 5000
#define YS_LINE_FRAGS_MAX YS_ROW_CELLS_MAX
#define YS_LINE_COLS_MAX 4096  /* tab columns on one line of text input (empty ones count) */
#define YS_PDF_COORD_MAX 200000 /* |coordinate| in tenths of a point: 20,000 pt, far beyond any page */

typedef struct ys_frag {
	const char *s; /* trimmed UTF-8, in the lines' arena */
	int x0, x1;    /* left and right edge */
	int col;       /* 1-based column in code points of the source line (text input), else 0 */
	/* fine fragments of a PDF: each character's centre and byte offset in
	 * s (a fragment that runs over a column's edge is cut there); NULL
	 * otherwise */
	const int *chx;
	const int *chb;
	int nch;
	int fs;        /* font size of its first character, tenths of a point (PDF), else 0 */
} ys_frag;

typedef struct ys_line {
	int page;      /* from 1 */
	int y, h;      /* top and height (PDF); source line * 100 and 100 (text) */
	int line;      /* source line (text), or the line's index in the document from 1 (PDF) */
	int fs;        /* font size in tenths of a point (PDF; 0 when not known) */
	int nf;
	ys_frag *f;    /* left to right */
	/* the same characters split wherever a gap is wider than a third of a
	 * character: text that a layout set right against its neighbour
	 * (9,616.338314一、一般公共服务支出; a goal glued to its 产出指标) comes
	 * apart here, and a reader that knows the columns joins what belongs
	 * together (seedpdf.c); tab text: the same as f */
	int nff;
	ys_frag *ff;
} ys_line;

typedef struct ys_lines {
	ys_arena arena;
	ys_line *v;
	size_t n, cap;
	int npages;
	int positioned; /* 1: x positions are real (PDF) */
} ys_lines;

void ys_lines_init(ys_lines *L);
void ys_lines_release(ys_lines *L);

/* The text layer of a PDF file, a line per visual line of each page. */
ys_result ys_lines_from_pdf(ys_ctx *ctx, const char *path, ys_lines *L);

/* The same from the file's bytes in memory (name: for messages); data
 * must outlive L's reading only. */
ys_result ys_lines_from_pdf_data(ys_ctx *ctx, const char *name, const void *data, size_t len, ys_lines *L);

/* Tab-separated text (decoded UTF-8, LF lines).  "-- page N --" lines mark
 * pages, as in text extracted from PDFs. */
ys_result ys_lines_from_text(ys_ctx *ctx, const char *name, const char *text, size_t len, ys_lines *L);

/* The lines as tab-separated text with page marks (for `show --format
 * lines` and tests); positions: each line's {top+height} and each
 * fragment's [x0-x1] in points. */
void ys_lines_render(const ys_lines *L, int positions, ys_buf *out);

#endif
