/*
 * csv.c - RFC 4180 records with positions.
 */
#include "csv.h"

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

static int push_field(ys_csv *c, ys_ctx *ctx, int line, int col)
{
	if (c->nf >= YS_CSV_MAX_FIELDS) {
		ys_error(ctx, YS_ELIMIT, "%s:%d：一条记录超过 %d 个字段", c->name, line,
		         YS_CSV_MAX_FIELDS);
		return -1;
	}
	if (ys_grow((void **)&c->f, &c->capf, c->nf + 1, sizeof *c->f) ||
	    ys_grow((void **)&c->off, &c->capoff, c->nf + 1, sizeof *c->off)) {
		ys_error(ctx, YS_ENOMEM, "%s:%d：内存不足", c->name, line);
		return -1;
	}
	c->f[c->nf].line = line;
	c->f[c->nf].col = col;
	c->f[c->nf].numeric = 0;
	c->off[c->nf] = c->store.len;
	c->nf++;
	return 0;
}

int ys_csv_next(ys_csv *c, ys_ctx *ctx)
{
	if (c->p >= c->end)
		return 0;
	ys_buf_reset(&c->store);
	c->nf = 0;
	const char *linestart = c->p;
	const char *colstart = c->p; /* where col was counted to: counting goes on from there */
	int col = 1;
	for (;;) {
		if (push_field(c, ctx, c->line, col))
			return -1;
		size_t flen = 0;
		if (c->p < c->end && *c->p == '"') {
			int qline = c->line, qcol = col;
			c->p++;
			for (;;) {
				if (c->p >= c->end) {
					ys_error(ctx, YS_EPARSE, "%s:%d:%d：引号内的字段没有结束：缺少“\"”",
					         c->name, qline, qcol);
					return -1;
				}
				if (*c->p == '"') {
					if (c->p + 1 < c->end && c->p[1] == '"') {
						ys_buf_addc(&c->store, '"');
						c->p += 2;
						flen++;
						continue;
					}
					c->p++;
					break;
				}
				if (*c->p == '\n') {
					c->line++;
					linestart = colstart = c->p + 1;
					col = 1;
				}
				ys_buf_addc(&c->store, *c->p++);
				flen++;
			}
			if (c->p < c->end && *c->p != c->sep && *c->p != '\n') {
				ys_error(ctx, YS_EPARSE, "%s:%d:%d：右引号之后还有文字：应为“%c”或行尾",
				         c->name, c->line, (int)ys_utf8_count(linestart, (size_t)(c->p - linestart)) + 1,
				         c->sep);
				return -1;
			}
		} else {
			while (c->p < c->end && *c->p != c->sep && *c->p != '\n') {
				ys_buf_addc(&c->store, *c->p++);
				flen++;
			}
		}
		if (flen > YS_CSV_MAX_FIELD) {
			ys_error(ctx, YS_ELIMIT, "%s:%d：字段超过 %zu 字节", c->name, c->line,
			         YS_CSV_MAX_FIELD);
			return -1;
		}
		ys_buf_addc(&c->store, '\0');
		if (c->p < c->end && *c->p == c->sep) {
			c->p++;
			col += (int)ys_utf8_count(colstart, (size_t)(c->p - colstart));
			colstart = c->p;
			continue;
		}
		break;
	}
	if (c->store.oom) {
		ys_error(ctx, YS_ENOMEM, "%s:%d：内存不足", c->name, c->line);
		return -1;
	}
	if (c->p < c->end && *c->p == '\n') {
		c->p++;
		c->line++;
	}
	for (size_t i = 0; i < c->nf; i++) {
		c->f[i].s = c->store.s + c->off[i];
		size_t next = i + 1 < c->nf ? c->off[i + 1] : c->store.len;
		c->f[i].len = next - c->off[i] - 1;
	}
	return 1;
}
