/*
 * seedutil.h - the seed disclosure, read as is or with edits, for tests.
 * An edit replaces `from` with `to` on one line; an edit that does not
 * match fails the test, so fixtures cannot silently go stale.
 */
#ifndef YS_SEEDUTIL_H
#define YS_SEEDUTIL_H

#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "yusuan/yusuan.h"

typedef struct edit {
	int line;
	const char *from, *to;
} edit;

static inline char *slurp(const char *path, size_t *n)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	char *s;
	ck_assert_msg(ys_file_read(&ctx, path, &s, n) == YS_OK, "%s", ctx.msg);
	return s;
}

/* A file's text with edits applied (malloc'd). */
static inline char *file_text(const char *path, const edit *e, int ne, size_t *len)
{
	size_t n;
	char *s = slurp(path, &n);
	ys_buf out = YS_BUF_INIT;
	int line = 1;
	char *p = s;
	while (p < s + n) {
		char *nl = memchr(p, '\n', (size_t)(s + n - p));
		size_t l = nl ? (size_t)(nl - p) : (size_t)(s + n - p);
		ys_buf cur = YS_BUF_INIT;
		ys_buf_add(&cur, p, l);
		for (int i = 0; i < ne; i++) {
			if (e[i].line != line)
				continue;
			char *hit = strstr(cur.s, e[i].from);
			ck_assert_msg(hit != NULL, "edit of line %d: '%s' not found in '%s'", line, e[i].from, cur.s);
			ys_buf nb = YS_BUF_INIT;
			ys_buf_add(&nb, cur.s, (size_t)(hit - cur.s));
			ys_buf_adds(&nb, e[i].to);
			ys_buf_adds(&nb, hit + strlen(e[i].from));
			ys_buf_release(&cur);
			cur = nb;
		}
		ys_buf_add(&out, cur.s, cur.len);
		ys_buf_release(&cur);
		if (nl)
			ys_buf_addc(&out, '\n');
		p = nl ? nl + 1 : s + n;
		line++;
	}
	free(s);
	return ys_buf_detach(&out, len);
}

/* The seed's text with edits applied (malloc'd). */
static inline char *seed_text(const edit *e, int ne, size_t *len)
{
	return file_text(SEED, e, ne, len);
}

static inline ys_doc *read_seed(const edit *e, int ne)
{
	size_t len;
	char *text = seed_text(e, ne, &len);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = NULL;
	ys_result r = ys_doc_read_text(&ctx, "seed.txt", text, len, &doc);
	free(text);
	ck_assert_msg(r == YS_OK, "reading the seed: %s", ctx.msg);
	return doc;
}

static inline ys_catalog *shipped_catalog(void)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_catalog *cat;
	ck_assert_msg(ys_catalog_open(&ctx, YS_DATADIR "/catalog", 2026, &cat) == YS_OK, "%s", ctx.msg);
	return cat;
}

/* The shipped catalog, opened once per test process. */
static inline ys_catalog *test_catalog(void)
{
	static ys_catalog *cat;
	if (!cat)
		cat = shipped_catalog();
	return cat;
}

/* A detailed budget (CSV folder or workbook), compiled into its tables with
 * the shipped catalog, and a document checked: each must succeed. */
static inline ys_budget *read_budget(const char *dir)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_budget *b;
	ck_assert_msg(ys_input_read(&ctx, dir, &b) == YS_OK, "%s", ctx.msg);
	return b;
}

static inline ys_doc *compile_budget(const ys_budget *b)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc;
	ck_assert_msg(ys_compile(&ctx, b, test_catalog(), &doc) == YS_OK, "%s", ctx.msg);
	return doc;
}

/* cat NULL: the rules that need no catalog; only NULL: every rule */
static inline ys_report *check_with(const ys_doc *doc, const ys_catalog *cat, const char *only, const ys_doc *prev)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_check_opts opts = { cat, only, prev };
	ys_report *rep = NULL;
	ck_assert_msg(ys_check(&ctx, doc, &opts, &rep) == YS_OK, "%s", ctx.msg);
	return rep;
}

/* every cell of a and b, compared by text and amount */
static inline void same_cells(const ys_doc *a, const ys_doc *b)
{
	ck_assert_int_eq(a->ntables, b->ntables);
	for (int k = 0; k < YS_NTABLES; k++) {
		const ys_table *x = a->tables[k], *y = b->tables[k];
		ck_assert_int_eq(!x, !y);
		if (!x)
			continue;
		ck_assert_int_eq(x->nrows, y->nrows);
		ck_assert_str_eq(x->title, y->title);
		for (int r = 0; r < x->nrows; r++) {
			ck_assert_int_eq(x->rows[r].kind, y->rows[r].kind);
			ck_assert_int_eq(x->rows[r].block, y->rows[r].block);
			for (int c = 0; c < x->def->ncols; c++) {
				ck_assert_str_eq(x->rows[r].cells[c].text, y->rows[r].cells[c].text);
				ck_assert_int_eq(x->rows[r].cells[c].amt.fen, y->rows[r].cells[c].amt.fen);
				ck_assert_int_eq(x->rows[r].cells[c].amt.present, y->rows[r].cells[c].amt.present);
			}
		}
	}
}

#endif
