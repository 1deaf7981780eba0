/*
 * read/seedpdf.h - a disclosure in the seed's layout (预算01表 … 预算13表)
 * printed as a PDF, put back into the seed's tab-separated text so that
 * the one text reader (text.c) reads it into the 13-table model.
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

/* Read L (a PDF's lines) as a disclosure in the seed's layout: the made
 * text read by the text reader, remapped to the PDF; lines outside the
 * tables are the document's prose.  A table numbered beyond the 13
 * (预算14表 专项转移支付绩效目标表) is read by the general reader as its
 * layout descriptions say, into doc->others; tables that could not be put
 * back or read are listed in doc->unread. */
ys_result ys_doc_read_seed_lines(ys_ctx *ctx, const char *name, const ys_lines *L, ys_doc **out);

/* The general reader (general.c) on the lines L->v[from..to) of a
 * document read otherwise: their tables are added to doc->others, titles it
 * saw but could not read to doc->unread, the lines outside its tables to
 * doc->prose; *nread is the number of tables read.  When none is read,
 * doc is left as it was. */
ys_result ys_general_read_range(ys_ctx *ctx, ys_doc *doc, const ys_lines *L, size_t from, size_t to, int *nread);

#endif
