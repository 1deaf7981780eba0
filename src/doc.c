/*
 * doc.c - the disclosure document: allocation and the small parsers every
 * reader, rule and renderer shares (code-name cells, project codes, labels).
 */
#include "yusuan/doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ys_hrow_join(const ys_hrow *h, ys_buf *out)
{
	for (int c = 0; c < h->ncells; c++) {
		if (c)
			ys_buf_addc(out, '\t');
		ys_buf_adds(out, h->cells[c]);
	}
}

int ys_hrow_split(ys_hrow *h, ys_arena *arena, const char *tabbed)
{
	char *copy = ys_arena_strdup(arena, tabbed ? tabbed : "");
	int n = 1;
	for (const char *p = copy; p && *p; p++)
		n += *p == '\t';
	char **cells = copy ? ys_arena_alloc(arena, sizeof(char *) * (size_t)n) : NULL;
	if (!cells)
		return -1;
	h->cells = cells;
	h->ncells = 0;
	for (char *p = copy;;) {
		char *tab = strchr(p, '\t');
		if (tab)
			*tab = '\0';
		h->cells[h->ncells++] = p;
		if (!tab)
			break;
		p = tab + 1;
	}
	return 0;
}

ys_doc *ys_doc_new(const char *file)
{
	ys_doc *doc = calloc(1, sizeof *doc);
	if (!doc)
		return NULL;
	ys_arena_init(&doc->arena);
	doc->file = ys_arena_strdup(&doc->arena, file ? file : "");
	doc->department = "";
	if (!doc->file) {
		ys_arena_release(&doc->arena);
		free(doc);
		return NULL;
	}
	return doc;
}

void ys_doc_free(ys_doc *doc)
{
	if (!doc)
		return;
	/* rows and header arrays grow with realloc; everything else is in the arena */
	for (int i = 0; i < YS_NTABLES; i++)
		if (doc->tables[i]) {
			free(doc->tables[i]->rows);
			free(doc->tables[i]->headers);
		}
	for (int i = 0; i < doc->nothers; i++) {
		free(doc->others[i]->rows);
		free(doc->others[i]->headers);
	}
	free(doc->others);
	free(doc->unread);
	free(doc->prose);
	ys_arena_release(&doc->arena);
	free(doc);
}

int ys_doc_page_where(const ys_doc *doc, int page, const char **file)
{
	*file = doc->file;
	if (page <= 0)
		return 0;
	for (int i = doc->nparts - 1; i >= 0; i--)
		if (page >= doc->parts[i].first_page) {
			*file = doc->parts[i].file;
			return page - doc->parts[i].first_page + 1;
		}
	return page;
}

const char *ys_doc_page_label(const ys_doc *doc, int page, char *buf, size_t cap)
{
	const char *file;
	int p = ys_doc_page_where(doc, page, &file);
	const char *base = strrchr(file, '/');
	if (doc->nparts)
		snprintf(buf, cap, "%s 第 %d 页", base ? base + 1 : file, p);
	else
		snprintf(buf, cap, "第 %d 页", p);
	return buf;
}

ys_result ys_doc_set_parts(ys_ctx *ctx, ys_doc *doc, const char *const *files, const int *first, int n)
{
	doc->parts = NULL;
	doc->nparts = 0;
	if (n < 2)
		return YS_OK;
	ys_docpart *p = ys_arena_alloc(&doc->arena, (size_t)n * sizeof *p);
	if (!p)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	for (int i = 0; i < n; i++) {
		p[i].file = ys_arena_strdup(&doc->arena, files[i]);
		p[i].first_page = first[i];
		if (!p[i].file)
			return ys_error(ctx, YS_ENOMEM, "内存不足");
	}
	doc->parts = p;
	doc->nparts = n;
	return YS_OK;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

size_t ys_split_codename(const char *s, const char **name)
{
	size_t n = 0;
	while (is_digit(s[n]))
		n++;
	if (n == 0 || n > 9) {
		*name = s;
		return 0;
	}
	const char *p = s + n;
	/* separators: '-', '－' (U+FF0D), '—', a space, or nothing */
	if (*p == '-' || *p == ' ')
		p++;
	else if (strncmp(p, "－", strlen("－")) == 0)
		p += strlen("－");
	else if (strncmp(p, "—", strlen("—")) == 0)
		p += strlen("—");
	while (*p == ' ')
		p++;
	*name = p;
	return n;
}

int ys_split_project(const char *s, char *code, const char **name)
{
	/* 8 digits (agency), a letter, 10 digits, then an optional space and a
	 * serial of digits, then '-' and the name. */
	size_t i = 0, o = 0;
	for (; i < 8; i++) {
		if (!is_digit(s[i]))
			return 0;
		code[o++] = s[i];
	}
	if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')))
		return 0;
	code[o++] = s[i++];
	size_t digits = 0;
	while ((is_digit(s[i]) || s[i] == ' ') && o < 39) {
		if (s[i] != ' ') {
			code[o++] = s[i];
			digits++;
		}
		i++;
	}
	if (digits < 10)
		return 0;
	code[o] = '\0';
	if (s[i] == '-')
		i++;
	else if (strncmp(s + i, "－", strlen("－")) == 0)
		i += strlen("－");
	*name = s + i;
	return 1;
}

int ys_is_total_label(const char *s)
{
	ys_buf b = YS_BUF_INIT;
	ys_label_key(&b, s, strlen(s));
	int r = strcmp(b.s, "合计") == 0 || strcmp(b.s, "总计") == 0 || strcmp(b.s, "合计数") == 0;
	ys_buf_release(&b);
	return r;
}

static void add_code(char *buf, size_t cap, size_t *o, const char *s)
{
	const char *name;
	size_t n = ys_split_codename(s, &name);
	if (*o && *o + 1 < cap)
		buf[(*o)++] = '/';
	if (n == 0)
		n = strlen(s);
	if (n > cap - *o - 1)
		n = cap - *o - 1;
	memcpy(buf + *o, s, n);
	*o += n;
	buf[*o] = '\0';
}

/* A label cut at cap bytes ends on a whole character: a UTF-8 sequence
 * cut short is dropped (JSON and XML take only whole ones). */
static void utf8_whole(char *buf)
{
	size_t n = strlen(buf), k = n;
	while (k > 0 && ((unsigned char)buf[k - 1] & 0xC0) == 0x80)
		k--;
	if (k == 0)
		return;
	unsigned char lead = (unsigned char)buf[k - 1];
	size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	if (n - (k - 1) < need)
		buf[k - 1] = '\0';
}

static const char *row_label(const ys_table *t, int row, int panel, char *buf, size_t cap);

const char *ys_row_label(const ys_table *t, int row, int panel, char *buf, size_t cap)
{
	row_label(t, row, panel, buf, cap);
	utf8_whole(buf);
	return buf;
}

static const char *row_label(const ys_table *t, int row, int panel, char *buf, size_t cap)
{
	const ys_row *r = &t->rows[row];
	const ys_tabledef *d = t->def;
	size_t o = 0;
	buf[0] = '\0';
	if (r->kind == YS_ROW_TOTAL) {
		snprintf(buf, cap, "合计");
		return buf;
	}
	if (r->fixed[panel] >= 0) {
		snprintf(buf, cap, "%s", d->fixed[r->fixed[panel]].label);
		return buf;
	}
	switch (d->rowkey) {
	case YS_RK_GENERAL: /* its code and name, or its first label */
		for (int c = 0; c < d->ncols && o + 2 < cap; c++) {
			if (d->cols[c].kind == YS_CK_AMOUNT || !r->cells[c].text[0])
				continue;
			int n = snprintf(buf + o, cap - o, "%s%s", o ? " " : "", r->cells[c].text);
			o = n > 0 && (size_t)n < cap - o ? o + (size_t)n : cap - 1;
			if (d->cols[c].kind != YS_CK_CODE)
				break;
		}
		break;
	case YS_RK_FUNC_ECON:
		add_code(buf, cap, &o, r->cells[YS_C03_FUNC].text);
		add_code(buf, cap, &o, r->cells[YS_C03_GOV].text);
		add_code(buf, cap, &o, r->cells[YS_C03_DEPT].text);
		break;
	case YS_RK_ECON:
		add_code(buf, cap, &o, r->cells[YS_C06_GOV].text);
		add_code(buf, cap, &o, r->cells[YS_C06_DEPT].text);
		break;
	case YS_RK_UNIT_FUNC:
		snprintf(buf, cap, "第%d块 %s %s", r->block + 1, r->cells[YS_C05_CODE].text, r->cells[YS_C05_NAME].text);
		break;
	case YS_RK_FUNC:
		snprintf(buf, cap, "%s %s", r->cells[YS_C07_CODE].text, r->cells[YS_C07_NAME].text);
		break;
	case YS_RK_PROJECT: {
		char code[40];
		const char *name;
		const ys_row *pr = &t->rows[r->project >= 0 ? r->project : row];
		if (ys_split_project(pr->cells[YS_C12_NAME].text, code, &name))
			snprintf(buf, cap, "%s-%s%s", code, name, r->kind == YS_ROW_CONT ? " 指标" : "");
		else
			snprintf(buf, cap, "%s", pr->cells[YS_C12_NAME].text);
		break;
	}
	case YS_RK_FIXED:
		snprintf(buf, cap, "%s", r->cells[panel ? YS_C01_OUT_LABEL : YS_C01_IN_LABEL].text);
		break;
	default:
		for (int c = 0; c < d->ncols; c++)
			if (d->cols[c].kind != YS_CK_AMOUNT && !ys_cell_blank(&r->cells[c])) {
				snprintf(buf, cap, "%s", r->cells[c].text);
				break;
			}
		if (!buf[0])
			snprintf(buf, cap, "第%d行", row + 1);
	}
	return buf;
}
