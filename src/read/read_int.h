/*
 * read/read_int.h - the readers' halves that read/open.c joins.
 *
 * A reader only reads: none calls another.  Where one format is read by
 * turning it into another (a workbook, yusuan's JSON or a seed-layout PDF
 * into the published text layout; a PDF's or a text's lines into the
 * general reader), the reader makes the text or the lines and open.c hands
 * them to the next one (docs/internals.md, "Readers").
 */
#ifndef YS_READ_INT_H
#define YS_READ_INT_H

#include "read/lines.h"
#include "yusuan/doc.h"

/* read/json.c: the published text layout of yusuan's JSON into *text
 * (initialised here; the caller releases it) and, in *keep, what
 * ys_json_keep needs afterwards (freed with ys_json_keep_free; NULL on
 * failure). */
ys_result ys_json_text(ys_ctx *ctx, const char *name, const char *data, size_t len, ys_buf *text, void **keep);
/* The text reader's doc of that text: the JSON's own lines and columns. */
void ys_json_keep(ys_doc *doc, void *keep);
void ys_json_keep_free(void *keep);

/* read/xlsx.c: a published disclosure's workbook as the text layout in
 * *text (initialised here; the caller releases it). */
ys_result ys_xlsx_text(ys_ctx *ctx, const char *path, ys_buf *text);

/* read/general.c: L as any layout the descriptions know. */
ys_result ys_general_read_lines(ys_ctx *ctx, const char *name, ys_lines *L, ys_doc **out);

/* The general reader (general.c) on the lines L->v[from..to) of a
 * document read otherwise: their tables are added to doc->others, titles it
 * saw but could not read to doc->unread, the lines outside its tables to
 * doc->prose; *nread is the number of tables read.  When none is read,
 * doc is left as it was. */
ys_result ys_general_read_range(ys_ctx *ctx, ys_doc *doc, const ys_lines *L, size_t from, size_t to, int *nread);

#endif
