/*
 * csv.c - RFC 4180 records with positions, from text whole or as a stream
 * (csv.h).  Fields are copied a run of bytes at a time (up to the next
 * separator, newline or quote), not byte by byte.
 */
#include "csv.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "yusuan/text.h"

void ys_csv_init(ys_csv *c, const char *name, const char *text, size_t len, char sep)
{
	memset(c, 0, sizeof *c);
	c->name = name;
	c->p = text;
	c->end = text + len;
	c->line = 1;
	c->sep = sep;
	ys_buf_init(&c->store);
}

void ys_csv_release(ys_csv *c)
{
	ys_buf_release(&c->store);
	free(c->f);
	free(c->off);
	c->f = NULL;
	c->off = NULL;
}

/* A field of the record starts at store offset off. */
static int push_field(ys_csv *c, ys_ctx *ctx, int line, int col, size_t off)
{
	if (c->nf >= YS_CSV_MAX_FIELDS) {
		ys_error(ctx, YS_ELIMIT, "%s:%d：一条记录超过 %d 个字段", c->name, line,
		         YS_CSV_MAX_FIELDS);
		return -1;
	}
	if ((c->nf >= c->capf && ys_grow((void **)&c->f, &c->capf, c->nf + 1, sizeof *c->f)) ||
	    (c->nf >= c->capoff && ys_grow((void **)&c->off, &c->capoff, c->nf + 1, sizeof *c->off))) {
		ys_error(ctx, YS_ENOMEM, "%s:%d：内存不足", c->name, line);
		return -1;
	}
	c->f[c->nf].line = line;
	c->f[c->nf].col = col;
	c->f[c->nf].numeric = 0;
	c->off[c->nf] = off;
	c->nf++;
	return 0;
}

void ys_csv_feed(ys_csv *c, const char *text, size_t len, int more)
{
	c->p = text;
	c->end = text + len;
	c->more = more;
}

/* The end of an unquoted field at q: the first sep or newline before end;
 * *cont counts the UTF-8 continuation bytes before it (the field's
 * characters are its bytes less those).  Eight bytes at a time where the
 * byte order allows (the zero-byte test of "Bit Twiddling Hacks"): fields
 * of a batch export are most of what it reads. */
static const unsigned char *field_end(const unsigned char *q, const unsigned char *end, unsigned char sep,
                                      size_t *cont)
{
	size_t k = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
	const uint64_t s = ones * sep, nl = ones * '\n';
	while (end - q >= 8) {
		uint64_t v, a, b;
		memcpy(&v, q, 8);
		a = v ^ s;
		b = v ^ nl;
		uint64_t z = (((a - ones) & ~a) | ((b - ones) & ~b)) & highs;
		uint64_t c = (v & ~(v << 1) & highs) >> 7; /* 1 in each byte 10xxxxxx */
		if (z) {
			int i = __builtin_ctzll(z) >> 3; /* the first such byte */
			if (i)
				k += (size_t)(((c & ((1ULL << (8 * i)) - 1)) * ones) >> 56); /* the bytes' sum */
			*cont = k;
			return q + i;
		}
		k += (size_t)((c * ones) >> 56);
		q += 8;
	}
#endif
	for (; q < end && *q != sep && *q != '\n'; q++)
		k += (*q & 0xC0) == 0x80;
	*cont = k;
	return q;
}

/* Append s[0..n) and a NUL to b: one reservation, one copy. */
static void put(ys_buf *b, const char *s, size_t n)
{
	if (b->cap - b->len <= n + 1) { /* room for s, its NUL and the buffer's */
		ys_buf_reserve(b, n + 1);
		if (b->oom)
			return;
	}
	memcpy(b->s + b->len, s, n);
	b->s[b->len + n] = '\0';
	b->len += n + 1;
	b->s[b->len] = '\0';
}

/* The fields' pointers and lengths, once the record is in store. */
static int done(ys_csv *c, ys_ctx *ctx)
{
	if (c->store.oom) {
		ys_error(ctx, YS_ENOMEM, "%s:%d：内存不足", c->name, c->line);
		return -1;
	}
	for (size_t i = 0; i < c->nf; i++) {
		c->f[i].s = c->store.s + c->off[i];
		size_t next = i + 1 < c->nf ? c->off[i + 1] : c->store.len;
		c->f[i].len = next - c->off[i] - 1;
	}
	return 1;
}

/* A record with no quote before its end e (its newline, or the end of the
 * text): its fields are the runs between separators - exactly what the
 * general path below reads from it too - copied in one piece, the
 * separators turned into the fields' NULs. */
static int plain_record(ys_csv *c, ys_ctx *ctx, const char *e)
{
	size_t n = (size_t)(e - c->p);
	if (n && e[-1] == '\r')
		n--; /* CRLF, or a CR that ends the text */
	ys_buf_reset(&c->store);
	c->nf = 0;
	put(&c->store, c->p, n);
	if (c->store.oom) {
		ys_error(ctx, YS_ENOMEM, "%s:%d：内存不足", c->name, c->line);
		return -1;
	}
	char *s = c->store.s;
	size_t at = 0;
	int col = c->nocol ? 0 : 1;
	for (;;) {
		if (c->nf >= c->capf || c->nf >= c->capoff || c->nf >= YS_CSV_MAX_FIELDS) {
			if (push_field(c, ctx, c->line, col, at))
				return -1;
		} else {
			c->f[c->nf].line = c->line;
			c->f[c->nf].col = col;
			c->f[c->nf].numeric = 0;
			c->off[c->nf++] = at;
		}
		size_t fe, cont;
		if (c->nocol) {
			const char *q = memchr(s + at, c->sep, n - at);
			fe = q ? (size_t)(q - s) : n;
		} else {
			fe = (size_t)((const char *)field_end((const unsigned char *)s + at, (const unsigned char *)s + n,
			                                      (unsigned char)c->sep, &cont) -
			              s);
			col += (int)(fe - at - cont) + 1;
		}
		if (fe - at > YS_CSV_MAX_FIELD) {
			ys_error(ctx, YS_ELIMIT, "%s:%d：字段超过 %zu 字节", c->name, c->line, YS_CSV_MAX_FIELD);
			return -1;
		}
		/* the store is not written again: the field can point into it */
		s[fe] = '\0';
		c->f[c->nf - 1].s = s + at;
		c->f[c->nf - 1].len = fe - at;
		if (fe == n)
			break;
		at = fe + 1;
	}
	if (e < c->end) {
		c->p = e + 1;
		c->line++;
	} else {
		c->p = e;
	}
	return 1;
}

int ys_csv_next(ys_csv *c, ys_ctx *ctx)
{
	if (c->p >= c->end)
		return c->more ? YS_CSV_MORE : 0;
	const char *nl = memchr(c->p, '\n', (size_t)(c->end - c->p)), *e = nl ? nl : c->end;
	if (!nl && c->more)
		return YS_CSV_MORE; /* the record goes on after the text */
	if (!memchr(c->p, '"', (size_t)(e - c->p)))
		return plain_record(c, ctx, e);
	const char *start = c->p;
	int line0 = c->line;
	ys_buf_reset(&c->store);
	c->nf = 0;
	const char *linestart = c->p;
	const char *colstart = c->p; /* where col was counted to: counting goes on from there */
	int col = 1;
	for (;;) {
		if (push_field(c, ctx, c->line, col, c->store.len))
			return -1;
		size_t flen = 0;
		if (c->p < c->end && *c->p == '"') {
			int qline = c->line, qcol = col;
			c->p++;
			for (;;) {
				/* up to the next quote, as one piece; its newlines are lines */
				const char *q = memchr(c->p, '"', (size_t)(c->end - c->p)), *stop = q ? q : c->end;
				for (const char *q2 = c->p; (q2 = memchr(q2, '\n', (size_t)(stop - q2))) != NULL; q2++) {
					c->line++;
					linestart = colstart = q2 + 1;
					col = 1;
				}
				ys_buf_add(&c->store, c->p, (size_t)(stop - c->p));
				flen += (size_t)(stop - c->p);
				c->p = stop;
				if (!q) {
					if (c->more)
						goto more;
					ys_error(ctx, YS_EPARSE, "%s:%d:%d：引号内的字段没有结束：缺少“\"”", c->name, qline, qcol);
					return -1;
				}
				if (q + 1 >= c->end && c->more)
					goto more; /* "" or the closing quote: the next byte says */
				if (q + 1 < c->end && q[1] == '"') {
					ys_buf_addc(&c->store, '"');
					c->p = q + 2;
					flen++;
					continue;
				}
				c->p = q + 1;
				break;
			}
			if (c->p < c->end && *c->p == '\r') { /* CRLF, or a CR that ends the text */
				if (c->p + 1 < c->end ? c->p[1] == '\n' : !c->more)
					c->p++;
				else if (c->p + 1 >= c->end)
					goto more;
			}
			if (c->p >= c->end && c->more)
				goto more;
			if (c->p < c->end && *c->p != c->sep && *c->p != '\n') {
				ys_error(ctx, YS_EPARSE, "%s:%d:%d：右引号之后还有文字：应为“%c”或行尾",
				         c->name, c->line, (int)ys_utf8_count(linestart, (size_t)(c->p - linestart)) + 1,
				         c->sep);
				return -1;
			}
			ys_buf_addc(&c->store, '\0');
		} else {
			/* the common field: one pass finds its end and counts its
			 * characters, one copy keeps it with its NUL */
			const unsigned char *f = (const unsigned char *)c->p;
			size_t cont;
			const unsigned char *q = field_end(f, (const unsigned char *)c->end, (unsigned char)c->sep, &cont);
			size_t chars = (size_t)(q - f) - cont;
			c->p = (const char *)q;
			if (c->p >= c->end && c->more)
				goto more;
			size_t n = (size_t)(q - f);
			if (n && f[n - 1] == '\r' && (c->p >= c->end || *c->p == '\n'))
				n--; /* CRLF, or a CR that ends the text */
			put(&c->store, (const char *)f, n);
			flen = n;
			if (colstart == (const char *)f) {
				col += (int)chars; /* colstart moves on past the field */
				colstart = c->p;
			}
		}
		if (flen > YS_CSV_MAX_FIELD) {
			ys_error(ctx, YS_ELIMIT, "%s:%d：字段超过 %zu 字节", c->name, c->line,
			         YS_CSV_MAX_FIELD);
			return -1;
		}
		if (c->p < c->end && *c->p == c->sep) {
			c->p++;
			col += colstart == c->p - 1 ? 1 : (int)ys_utf8_count(colstart, (size_t)(c->p - colstart));
			colstart = c->p;
			continue;
		}
		break;
	}
	if (c->p < c->end && *c->p == '\n') {
		c->p++;
		c->line++;
	}
	return done(c, ctx);
more:
	c->p = start;
	c->line = line0;
	return YS_CSV_MORE;
}
