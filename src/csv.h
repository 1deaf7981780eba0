/*
 * csv.h - a strict RFC 4180 CSV reader (private).
 *
 * Reads UTF-8 text one record at a time: quoted fields with "" escapes and
 * embedded newlines, a separator of ',' or '\t', records ended by LF or
 * CRLF.  Every field remembers its line and column for messages.  The one
 * CSV parser of the library: the detail sheets and catalogs (decoded text,
 * whole) and `batch` (an export read as a stream of blocks, ys_csv_feed)
 * split records with it alike.
 */
#ifndef YS_CSV_H
#define YS_CSV_H

#include <stddef.h>

#include "yusuan/base.h"

#define YS_CSV_MAX_FIELDS 4096
#define YS_CSV_MAX_FIELD ((size_t)1 << 20)

typedef struct ys_csv_field {
	const char *s; /* NUL-terminated, owned by the reader until the next call */
	size_t len;
	int line, col; /* 1-based; col counts code points (see nocol) */
	int numeric;   /* XLSX: a number cell (decimal text of a stored double) */
} ys_csv_field;

typedef struct ys_csv {
	const char *name;   /* file name for messages */
	const char *p, *end;
	int line;
	char sep;
	int more;           /* the text goes on after end (ys_csv_feed) */
	int nocol;          /* set by a caller that names cells by number: the
	                       columns of fields outside quotes are not counted */
	ys_buf store;       /* field bytes of the current record */
	ys_csv_field *f;
	size_t nf, capf;
	size_t *off;        /* offsets into store while the record is built */
	size_t capoff;
} ys_csv;

void ys_csv_init(ys_csv *c, const char *name, const char *text, size_t len, char sep);
void ys_csv_release(ys_csv *c);

/* Read the next record: returns 1 and fills c->f/c->nf, 0 at end of input,
 * or -1 with a message on ctx.  A stream (ys_csv_feed with more) also
 * returns YS_CSV_MORE when the record at c->p does not end before the
 * text does: nothing is consumed, and the caller feeds the text again
 * from c->p with more bytes after it. */
int ys_csv_next(ys_csv *c, ys_ctx *ctx);
#define YS_CSV_MORE 2

/* Read on in text[0..len) (the same stream: lines go on counting); more:
 * the stream goes on after it. */
void ys_csv_feed(ys_csv *c, const char *text, size_t len, int more);

#endif
