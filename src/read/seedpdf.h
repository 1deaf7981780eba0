/*
 * read/seedpdf.h - a disclosure in the seed's layout (预算01表 … 预算13表)
 * printed as a PDF, put back into the seed's tab-separated text so that
 * the one text reader (text.c) reads it into the 13-table model (read/open.c
 * hands the text over).
 *
 * A PDF has no cells, only characters at positions.  Each table's header
 * words are matched, in order, to its description's columns (tables.h:
 * the lowest header cell of each column); the gutters between the columns
 * are found where no printed figure or word crosses; every fragment of a
 * body line falls into one column, and the lines of a printed row (a label
 * wrapped above and below its centred figures) join into one row.  Table
 * 12's project cells, merged over the project's indicator rows and
 * centred on them, go to the run of rows they are centred on; table 13's
 * form is read by its labels.
 *
 * The text keeps a map from each of its lines and cells back to the PDF's
 * line, page and position, so that a finding points at the printed page.
 */
#ifndef YS_READ_SEEDPDF_H
#define YS_READ_SEEDPDF_H

#include "read/lines.h"
#include "yusuan/doc.h"

/* Where a cell of the made text was printed. */
typedef struct ys_seedcell {
	int tcol;  /* 1-based code-point column of the cell in the text line */
	int line;  /* the PDF line (ys_line.line) */
	int x0;    /* its left edge, tenths of a point */
} ys_seedcell;

typedef struct ys_seedline {
	int line, page;   /* the PDF line and page the text line stands for; 0: none */
	size_t cell0;     /* its cells: map->cells[cell0 .. cell0 + ncells) */
	int ncells;
} ys_seedline;

typedef struct ys_seedmap {
	ys_seedline *lines; /* index: text line - 1 */
	size_t nlines, capl;
	ys_seedcell *cells;
	size_t ncells, capc;
	unsigned char *used; /* per PDF line (index line - 1): 1 when a table took it */
	size_t nused;
	/* tables the seed layout names that could not be put back, and why */
	struct ys_seedskip {
		const char *title;
		int line, page;
		const char *why;
		size_t from, to; /* its lines in L: [from, to); from == to when not known */
	} *skipped;
	int nskipped;
	ys_arena arena;
} ys_seedmap;

void ys_seedmap_release(ys_seedmap *m);

/* Does L print tables numbered as the seed's (at least two distinct
 * 预算NN表 titles of the 13, each followed by its unit line or header)? */
int ys_seed_layout_lines(const ys_lines *L);

/* Write the seed text of L's tables into out and the map back to L into
 * *map (initialised here; release with ys_seedmap_release). */
ys_result ys_seed_text(ys_ctx *ctx, const ys_lines *L, ys_buf *out, ys_seedmap *map);

/* After text.c has read the made text into doc: point every table, row
 * and cell at the PDF's lines and pages. */
void ys_seed_remap(ys_doc *doc, const ys_seedmap *map);

/* After text.c has read the made text into doc and ys_seed_remap has
 * pointed it at the PDF (read/open.c, which also gives a table numbered
 * beyond the 13 to the general reader): the lines outside the tables become
 * the document's prose, in the document's order; tables that could not be
 * put back, and those beyond the 13 that were not read (read[k] == 0 for
 * map->skipped[k]; read may be NULL), are listed in doc->unread. */
ys_result ys_seed_finish(ys_ctx *ctx, ys_doc *doc, const ys_lines *L, const ys_seedmap *map, const int *read);


#endif
