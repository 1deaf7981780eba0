/*
 * text.h - the text every reader sees: decoded, normalised, measured.
 *
 * Disclosures arrive as UTF-8 (with or without a BOM) or GB18030, with LF or
 * CRLF line ends.  ys_text_decode turns any of them into UTF-8 with LF, or
 * says why it cannot (binary, NUL bytes, neither encoding).  Names are
 * compared after NFKC (utf8proc): （室） equals (室), ＡＢ equals AB.  A
 * "label key" also drops white space, so 合 计 equals 合计.
 */
#ifndef YUSUAN_TEXT_H
#define YUSUAN_TEXT_H

#include <stddef.h>

#include "yusuan/base.h"

typedef enum ys_encoding {
	YS_ENC_UTF8 = 0,
	YS_ENC_UTF8_BOM = 1,
	YS_ENC_GB18030 = 2,
} ys_encoding;

const char *ys_encoding_name(ys_encoding e);

/*
 * Decode raw bytes into NUL-terminated UTF-8 with LF line ends (CRLF and lone
 * CR become LF).  Detects a UTF-8 BOM, plain UTF-8, else GB18030 (via iconv).
 * Refuses input with NUL bytes or that is neither.  name is used in
 * messages.  *out is malloc'd; the caller frees it.
 */
ys_result ys_text_decode(ys_ctx *ctx, const char *name, const char *raw, size_t n,
                         char **out, size_t *outlen, ys_encoding *enc);

/* Read a whole file (limit: YS_FILE_MAX bytes) into a malloc'd buffer. */
#define YS_FILE_MAX ((size_t)256 << 20)

/* One line of a text disclosure (any layout) or of a batch export, and the
 * cells of one printed row: beyond either the input is not a budget table
 * (docs/errors.md). */
#define YS_LINE_MAX ((size_t)1 << 20)
#define YS_ROW_CELLS_MAX 256
ys_result ys_file_read(ys_ctx *ctx, const char *path, char **out, size_t *len);

/* Write data to path whole or not at all: into a temporary file beside it,
 * then renamed over it. */
ys_result ys_file_write(ys_ctx *ctx, const char *path, const void *data, size_t len);

/* Append UTF-8 text s[0..n) to out in encoding enc: UTF-8 as is, UTF-8 with
 * BOM (the BOM first), GB18030 (iconv).  A character GB18030 cannot hold is
 * an error that says which and where. */
ys_result ys_text_encode(ys_ctx *ctx, const char *s, size_t n, ys_encoding enc, ys_buf *out);

/* Is s[0..n) valid UTF-8?  Returns 1, or 0 and the offset of the first bad
 * byte in *bad (may be NULL). */
int ys_utf8_valid(const char *s, size_t n, size_t *bad);

/* Number of code points in s[0..n) (the 1-based column of s+n is this + 1). */
size_t ys_utf8_count(const char *s, size_t n);
/* Is s[0..n) one or more ASCII digits (a code such as 2010301)? */
int ys_all_digits(const char *s, size_t n);

/* Display width in terminal columns (CJK counts 2), via utf8proc. */
size_t ys_utf8_width(const char *s);

/* NFKC of s into a malloc'd string (NULL when out of memory or invalid). */
char *ys_nfkc(const char *s);

/* Append the label key of s[0..n) to b: NFKC, then white space removed. */
void ys_label_key(ys_buf *b, const char *s, size_t n);

/* Compare two names after NFKC, ignoring white space.  1 if equal. */
int ys_name_eq(const char *a, const char *b);

/* Does s contain code points that NFKC changes (full-width forms, （）)? */
int ys_has_fullwidth(const char *s);

/* Trim ASCII white space, U+3000 and U+00A0 from both ends: adjusts *s and *n. */
void ys_trim(const char **s, size_t *n);

#endif
