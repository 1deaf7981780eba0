/*
 * read/text.c - the published tab-separated text layout (the seed's).
 *
 * A title line starts a table (recognised by the table descriptions' title
 * aliases, whatever the numbering), a 金额单位 line gives its unit, header
 * rows are recognised by their words, and every other row is aligned to the
 * table's columns by what each cell is: a row that lost an empty cell after
 * a page break, or a table-12 row without its 其他资金 cell, still lands
 * every value in its column.  Blank lines are page breaks.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "yusuan/doc.h"
#include "base_int.h"

#define MAX_CELLS YS_ROW_CELLS_MAX
#define MAX_LINE YS_LINE_MAX

typedef struct rawcell {
	const char *s; /* trimmed, NUL-terminated (points into the line copy) */
	size_t n;
	int col;
} rawcell;

typedef struct rd {
	ys_ctx *ctx;
	ys_doc *doc;
	const char *name;
	ys_table *t;      /* current table */
	size_t rowcap;
	size_t hdrcap;
	int page;
	int after_rows;   /* a blank line was seen after rows: next row is a new page */
	int after_carry[2]; /* 01/04: the current table's panel p has had its 结转 row */
	int blank_row;    /* a one-row table's line of empty cells, before any row */
	ys_buf key;       /* scratch */
} rd;

/* ---- cell classification --------------------------------------------- */

enum { NEG = -1000 };

/* A printed amount by its shape, before the table's unit is known: 亿元
 * takes the most decimals but overflows first (922,337,203 亿元 is
 * INT64_MAX 分), so a figure too large for it is tried in 万元 and 元. */
static int amount_like(const char *s, size_t n)
{
	static const ys_unit units[] = { YS_UNIT_YIYUAN, YS_UNIT_WANYUAN, YS_UNIT_YUAN };
	ys_amount a;
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (n > 0 && ys_money_parse(s, n, units[i], &a, NULL) == 0 && a.present)
			return 1;
	return 0;
}

static int all_digits(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static const char *key_of(rd *r, const char *s, size_t n)
{
	ys_buf_reset(&r->key);
	ys_label_key(&r->key, s, n);
	return r->key.s;
}

static int in_list(const char *key, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(key, *list) == 0)
			return 1;
	return 0;
}

static const char *const ind1_words[] = { "产出指标", "效益指标", "满意度指标", "成本指标", NULL };
static const char *const op_words[] = { "=", "≥", "≤", ">", "<", "≧", "≦", ">=", "<=", "定性", "定量", NULL };
static const char *const qual_values[] = { "优", "良", "中", "差", "优秀", "良好", "合格", "好", "是", "否", NULL };

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Score of cell c in a slot (column kind, or -1 filler, -2 lead). */
static int score(rd *r, const rawcell *c, int slot, const ys_tabledef *def)
{
	if (c->n == 0)
		return slot == -2 ? NEG : 0;
	if (slot == -1)
		return NEG;
	if (slot == -2)
		return 2;
	ys_colkind k = def->cols[slot].kind;
	int amt = amount_like(c->s, c->n);
	char code[40];
	const char *nm;
	switch (k) {
	case YS_CK_AMOUNT:
		return amt ? 2 : NEG;
	case YS_CK_CODE:
		if (all_digits(c->s, c->n) && c->n >= 3 && c->n <= 9)
			return 2;
		return amt ? NEG : 1;
	case YS_CK_CODENAME:
		if (ys_split_codename(c->s, &nm) >= 3)
			return 2;
		return amt ? NEG : 1;
	case YS_CK_PROJECT:
		if (ys_split_project(c->s, code, &nm))
			return 2;
		return amt ? NEG : 1;
	case YS_CK_IND1:
		return in_list(key_of(r, c->s, c->n), ind1_words) ? 2 : NEG;
	case YS_CK_IND2:
		return ends_with(key_of(r, c->s, c->n), "指标") ? 2 : NEG;
	case YS_CK_OP:
		return in_list(key_of(r, c->s, c->n), op_words) ? 2 : NEG;
	case YS_CK_VALUE:
		if (amt || in_list(key_of(r, c->s, c->n), qual_values))
			return 2;
		return 1;
	case YS_CK_CATEGORY:
		if (c->n >= 2 && c->s[0] >= 'A' && c->s[0] <= 'C' && c->s[1] == '-')
			return 2;
		return amt ? NEG : 1;
	case YS_CK_TEXT:
	case YS_CK_LABEL:
	case YS_CK_NAME:
	case YS_CK_INDTEXT:
	case YS_CK_MUNIT:
		return amt ? NEG : 1;
	}
	return NEG;
}

/*
 * Align cells c[0..m) to slots[0..n) (m <= n): every cell goes to a slot, in
 * order; the total score is the highest possible and, among equals, cells go
 * to the earliest slots.  place[i] receives the slot index of cell i.
 * Returns the score, or NEG when no alignment exists.
 */
static int align(rd *r, const ys_tabledef *def, const rawcell *c, int m, const signed char *slots, int n,
                 int *place)
{
	/* best[i][j] for i in 0..m, j in 0..n */
	int stride = n + 1;
	int *best = malloc(sizeof(int) * (size_t)(m + 1) * (size_t)stride);
	int *sc = malloc(sizeof(int) * (size_t)(m ? m : 1) * (size_t)(n ? n : 1));
	if (!best || !sc) {
		free(best);
		free(sc);
		ys_oom_note(); /* the reading fails with YS_ENOMEM */
		return NEG;
	}
	for (int i = 0; i < m; i++)
		for (int j = 0; j < n; j++)
			sc[i * n + j] = score(r, &c[i], slots[j], def);
	for (int j = 0; j <= n; j++)
		best[m * stride + j] = 0;
	for (int i = m - 1; i >= 0; i--) {
		for (int j = n; j >= 0; j--) {
			int v = NEG;
			if (n - j >= m - i && j < n) {
				int skip = best[i * stride + j + 1];
				int s = sc[i * n + j];
				int take = (s == NEG || best[(i + 1) * stride + j + 1] == NEG) ? NEG
				           : s + best[(i + 1) * stride + j + 1];
				v = take > skip ? take : skip;
			}
			best[i * stride + j] = v;
		}
	}
	int total = best[0];
	if (total != NEG) {
		int i = 0, j = 0;
		while (i < m) {
			int s = sc[i * n + j];
			if (s != NEG && best[(i + 1) * stride + j + 1] != NEG &&
			    s + best[(i + 1) * stride + j + 1] == best[i * stride + j]) {
				place[i++] = j++;
			} else {
				j++;
			}
		}
	}
	free(best);
	free(sc);
	return total;
}

/* ---- titles, units ---------------------------------------------------- */

static void strip_quotes(ys_buf *b)
{
	static const char *const q[] = { "“", "”", "\"", "‘", "’", "'", "「", "」", NULL };
	size_t o = 0;
	for (size_t i = 0; i < b->len;) {
		int skip = 0;
		for (int k = 0; q[k]; k++) {
			size_t ql = strlen(q[k]);
			if (b->len - i >= ql && memcmp(b->s + i, q[k], ql) == 0) {
				i += ql;
				skip = 1;
				break;
			}
		}
		if (!skip)
			b->s[o++] = b->s[i++];
	}
	b->len = o;
	if (b->cap)
		b->s[o] = '\0';
}

/* Does alias key a (quotes stripped) appear at the end of line key k? */
static size_t alias_match(const char *k, const char *alias, ys_buf *tmp)
{
	ys_buf_reset(tmp);
	ys_label_key(tmp, alias, strlen(alias));
	strip_quotes(tmp);
	size_t kl = strlen(k);
	if (tmp->len == 0 || tmp->len > kl)
		return 0;
	if (strcmp(k + kl - tmp->len, tmp->s) == 0)
		return tmp->len;
	return 0;
}

/* Recognise a title line; returns the def and sets *prefix_len (bytes of
 * the key before the matched alias). */
static const ys_tabledef *match_title(rd *r, const char *s, size_t n, ys_buf *numbering)
{
	ys_buf k = YS_BUF_INIT, tmp = YS_BUF_INIT;
	ys_label_key(&k, s, n);
	strip_quotes(&k);
	const ys_tabledef *best = NULL;
	size_t bestlen = 0;
	for (int t = 0; t < YS_NTABLES; t++) {
		const ys_tabledef *d = ys_table_def((ys_tid)t);
		size_t l = alias_match(k.s, d->title, &tmp);
		if (l > bestlen) {
			bestlen = l;
			best = d;
		}
		const char *a = d->aliases;
		while (a && *a) {
			const char *bar = strchr(a, '|');
			size_t al = bar ? (size_t)(bar - a) : strlen(a);
			char one[256];
			if (al < sizeof one) {
				memcpy(one, a, al);
				one[al] = '\0';
				l = alias_match(k.s, one, &tmp);
				if (l > bestlen) {
					bestlen = l;
					best = d;
				}
			}
			a = bar ? bar + 1 : NULL;
		}
	}
	/* A title is short: the alias plus a numbering such as 预算01表 or a
	 * year; a sentence that mentions a table is not a title. */
	if (best && k.len - bestlen <= 30) {
		ys_buf_add(numbering, k.s, k.len - bestlen);
	} else {
		best = NULL;
	}
	(void)r;
	ys_buf_release(&k);
	ys_buf_release(&tmp);
	return best;
}

int ys_title_known(const ys_tabledef *def, const char *title)
{
	ys_buf k = YS_BUF_INIT, tmp = YS_BUF_INIT;
	ys_label_key(&k, title, strlen(title));
	strip_quotes(&k);
	int known = alias_match(k.s, def->title, &tmp) > 0;
	for (const char *a = def->aliases; !known && a && *a;) {
		const char *bar = strchr(a, '|');
		size_t al = bar ? (size_t)(bar - a) : strlen(a);
		char one[256];
		if (al < sizeof one) {
			memcpy(one, a, al);
			one[al] = '\0';
			known = alias_match(k.s, one, &tmp) > 0;
		}
		a = bar ? bar + 1 : NULL;
	}
	ys_buf_release(&k);
	ys_buf_release(&tmp);
	return known;
}

/* A line that starts as the seed's titles do - 预算03表 or 预算表12, after
 * a year such as 2026年 - followed by a short title that no description
 * knows (预算03表 支出预算表): the number, with the numbering's length in
 * *numlen; 0 when the line is not such a title.  k is a label key. */
static int numbered_title(const char *k, size_t *numlen)
{
	const char *p = k;
	if (p[0] == '2' && p[1] == '0' && p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9' &&
	    !strncmp(p + 4, "年", strlen("年")))
		p += 4 + strlen("年");
	if (strncmp(p, "预算", strlen("预算")))
		return 0;
	p += strlen("预算");
	int table_first = !strncmp(p, "表", strlen("表"));
	if (table_first)
		p += strlen("表");
	int v = 0, nd = 0;
	while (*p >= '0' && *p <= '9' && nd < 3) {
		v = v * 10 + (*p++ - '0');
		nd++;
	}
	if (!nd || (*p >= '0' && *p <= '9'))
		return 0;
	if (!table_first) {
		if (strncmp(p, "表", strlen("表")))
			return 0;
		p += strlen("表");
	}
	/* a title after it: short, words not figures (the alias rule's length) */
	size_t rest = strlen(p);
	if (rest == 0 || rest > 30 || amount_like(p, rest) || strchr(p, ':'))
		return 0;
	*numlen = (size_t)(p - k);
	return v;
}

/* The number in a numbering such as 预算01表 or 预算表12 (a 4-digit year
 * followed by 年 is skipped). */
static int numbering_number(const char *s)
{
	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			int v = 0, len = 0;
			const char *q = p;
			while (*q >= '0' && *q <= '9' && len < 9) {
				v = v * 10 + (*q - '0');
				q++;
				len++;
			}
			if (len == 4 && strncmp(q, "年", strlen("年")) == 0) {
				p = q - 1;
				continue;
			}
			return v;
		}
	}
	return 0;
}

static int year_in(const char *s)
{
	for (const char *p = s; *p; p++) {
		if (p[0] == '2' && p[1] == '0' && p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9' &&
		    strncmp(p + 4, "年", strlen("年")) == 0 && (p == s || p[-1] < '0' || p[-1] > '9'))
			return atoi(p) > 0 ? (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0') : 0;
	}
	return 0;
}

/* A 金额单位 line: 金额单位：万元, 单位：元.  Returns 1 and sets *u. */
static int match_unit_line(rd *r, const char *s, size_t n, ys_unit *u)
{
	const char *k = key_of(r, s, n);
	const char *p = NULL;
	if (strncmp(k, "金额单位:", strlen("金额单位:")) == 0)
		p = k + strlen("金额单位:");
	else if (strncmp(k, "单位:", strlen("单位:")) == 0)
		p = k + strlen("单位:");
	if (!p)
		return 0;
	return ys_unit_parse(p, strlen(p), u) == 0;
}

/* ---- header words ----------------------------------------------------- */

static int word_in_list(const char *key, const char *list)
{
	size_t kl = strlen(key);
	while (list && *list) {
		const char *bar = strchr(list, '|');
		size_t l = bar ? (size_t)(bar - list) : strlen(list);
		if (l == kl && memcmp(list, key, l) == 0)
			return 1;
		list = bar ? bar + 1 : NULL;
	}
	return 0;
}

/* Is key one of def's header words: a cell of its layout rows, a column
 * label, or a word of def->headwords? */
static int is_header_word(rd *r, const ys_tabledef *def, const char *key)
{
	(void)r;
	char k[512];
	size_t kl = strlen(key);
	if (kl >= sizeof k)
		return 0;
	memcpy(k, key, kl + 1);
	if (kl && k[kl - 1] == ':')
		k[--kl] = '\0';
	if (word_in_list(k, def->headwords))
		return 1;
	ys_buf b = YS_BUF_INIT;
	int found = 0;
	for (int c = 0; c < def->ncols && !found; c++) {
		ys_buf_reset(&b);
		ys_label_key(&b, def->cols[c].label, strlen(def->cols[c].label));
		found = strcmp(b.s, k) == 0;
	}
	for (const char *const *row = def->layout; row && *row && !found; row++) {
		const char *p = *row;
		while (!found) {
			const char *tab = strchr(p, '\t');
			size_t l = tab ? (size_t)(tab - p) : strlen(p);
			ys_buf_reset(&b);
			ys_label_key(&b, p, l);
			if (b.len && b.s[b.len - 1] == ':')
				b.s[--b.len] = '\0';
			found = b.len && strcmp(b.s, k) == 0;
			if (!tab)
				break;
			p = tab + 1;
		}
	}
	ys_buf_release(&b);
	return found;
}

/* ---- rows ------------------------------------------------------------- */

static ys_result err_at(rd *r, int line, int col, const char *fmt, const char *a, const char *b2)
{
	char msg[YS_MSG_MAX];
	snprintf(msg, sizeof msg, fmt, a ? a : "", b2 ? b2 : "");
	if (col > 0)
		return ys_error(r->ctx, YS_EPARSE, "%s:%d:%d：%s", r->name, line, col, msg);
	return ys_error(r->ctx, YS_EPARSE, "%s:%d：%s", r->name, line, msg);
}

static const char *table_name(const ys_table *t, char *buf, size_t cap)
{
	snprintf(buf, cap, "%s%s%s", t->numbering[0] ? t->numbering : "", t->numbering[0] ? " " : "", t->def->title);
	return buf;
}

static ys_result add_header(rd *r, const rawcell *c, int nc, int line)
{
	ys_table *t = r->t;
	if (ys_grow((void **)&t->headers, &r->hdrcap, (size_t)t->nheaders + 1, sizeof *t->headers))
		return ys_error(r->ctx, YS_ENOMEM, "%s：内存不足", r->name);
	ys_hrow *h = &t->headers[t->nheaders++];
	h->cells = ys_arena_alloc(&r->doc->arena, sizeof(char *) * (size_t)(nc ? nc : 1));
	if (!h->cells)
		return ys_error(r->ctx, YS_ENOMEM, "%s：内存不足", r->name);
	for (int i = 0; i < nc; i++)
		h->cells[i] = ys_arena_strndup(&r->doc->arena, c[i].s, c[i].n);
	h->ncells = nc;
	h->line = line;
	h->before = t->nrows;
	return YS_OK;
}

/* Strip an ordinal prefix (一、 （一） 1. 1、) from a label key. */
static const char *strip_ordinal(const char *k)
{
	static const char *const digits[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL };
	const char *p = k;
	if (strncmp(p, "(", 1) == 0)
		p++;
	int any = 0;
	for (;;) {
		int hit = 0;
		for (int i = 0; digits[i]; i++) {
			size_t l = strlen(digits[i]);
			if (strncmp(p, digits[i], l) == 0) {
				p += l;
				hit = any = 1;
				break;
			}
		}
		if (!hit && *p >= '0' && *p <= '9') {
			p++;
			hit = any = 1;
		}
		if (!hit)
			break;
	}
	if (!any)
		return k;
	if (strncmp(p, "、", strlen("、")) == 0)
		return p + strlen("、");
	if (*p == ')' || *p == '.')
		return p + 1;
	return k;
}

static int fixed_match(const ys_fixedrow *f, const char *key)
{
	ys_buf b = YS_BUF_INIT;
	ys_label_key(&b, f->label, strlen(f->label));
	int hit = strcmp(b.s, key) == 0;
	const char *a = f->aliases;
	while (!hit && a && *a) {
		const char *bar = strchr(a, '|');
		size_t l = bar ? (size_t)(bar - a) : strlen(a);
		ys_buf_reset(&b);
		ys_label_key(&b, a, l);
		hit = strcmp(b.s, key) == 0;
		a = bar ? bar + 1 : NULL;
	}
	ys_buf_release(&b);
	return hit;
}

/* Match a fixed-row label of panel; carry sub-rows are preferred once the
 * panel's 上年结转结余 row has been seen. */
static int match_fixed(rd *r, const ys_tabledef *def, int panel, const char *label, int after_carry)
{
	const char *k = strip_ordinal(key_of(r, label, strlen(label)));
	char key[512];
	snprintf(key, sizeof key, "%s", k);
	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; i < def->nfixed; i++) {
			const ys_fixedrow *f = &def->fixed[i];
			if (f->panel != panel)
				continue;
			int sub = f->role == YS_FR_CARRY_ITEM;
			if ((pass == 0) != (sub == after_carry))
				continue;
			if (fixed_match(f, key))
				return i;
		}
	}
	return -1;
}

static ys_result add_row(rd *r, rawcell *c, int nc, int line)
{
	ys_table *t = r->t;
	const ys_tabledef *def = t->def;
	char tn[128];

	/* every column given, blank ones too (a row put back from a PDF) */
	int full = nc == def->ncols;
	/* trailing empty cells carry nothing */
	while (nc > 0 && c[nc - 1].n == 0)
		nc--;
	int first = 0;
	while (first < nc && c[first].n == 0)
		first++;
	if (first == nc)
		return YS_OK;

	/* choose the row's shape */
	signed char allcols[YS_SHAPE_MAX];
	const signed char *slots = allcols;
	int nslots = def->ncols, shape = -1;
	for (int i = 0; i < def->ncols && i < YS_SHAPE_MAX; i++)
		allcols[i] = (signed char)i;
	int place[MAX_CELLS];
	int sc = NEG;
	if (def->nshapes) {
		const char *lead = key_of(r, c[first].s, c[first].n);
		char leadk[256];
		snprintf(leadk, sizeof leadk, "%s", lead);
		for (int s = 0; s < def->nshapes; s++) {
			const ys_shape *sh = &def->shapes[s];
			if (sh->lead && strcmp(sh->lead, leadk) == 0 && nc <= sh->nslots) {
				sc = align(r, def, c, nc, sh->slots, sh->nslots, place);
				if (sc != NEG) {
					shape = s;
					break;
				}
			}
		}
		if (shape < 0) {
			int bestsc = NEG, tmp[MAX_CELLS];
			for (int s = 0; s < def->nshapes; s++) {
				const ys_shape *sh = &def->shapes[s];
				if (sh->lead || nc > sh->nslots)
					continue;
				int v = align(r, def, c, nc, sh->slots, sh->nslots, tmp);
				if (v > bestsc) {
					bestsc = v;
					shape = s;
					memcpy(place, tmp, sizeof(int) * (size_t)nc);
				}
			}
			sc = bestsc;
		}
		if (shape >= 0) {
			slots = def->shapes[shape].slots;
			nslots = def->shapes[shape].nslots;
		}
	} else {
		if (nc > nslots) {
			char m[64];
			snprintf(m, sizeof m, "%d 个单元格，而本表只有 %d 列", nc, nslots);
			return err_at(r, line, c[nslots].col, "%s：本行有 %s", table_name(t, tn, sizeof tn), m);
		}
		sc = align(r, def, c, nc, slots, nslots, place);
	}
	if (sc == NEG && !def->nshapes && full) {
		/* every column given (a row put back from a PDF's positions):
		 * read it by position; a word of the wrong kind stays as printed
		 * for the rules to see, only an amount column must hold amounts */
		int ok = 1;
		for (int i = 0; i < nc && ok; i++)
			ok = !c[i].n || def->cols[i].kind != YS_CK_AMOUNT || amount_like(c[i].s, c[i].n);
		if (ok) {
			for (int i = 0; i < nc; i++)
				place[i] = i;
			sc = 0;
		}
	}
	if (sc == NEG) {
		/* Say which cell does not fit: the first amount column with text. */
		for (int i = 0; i < nc; i++) {
			if (c[i].n && !amount_like(c[i].s, c[i].n) && i < nslots && slots[i] >= 0 &&
			    def->cols[slots[i]].kind == YS_CK_AMOUNT) {
				char m[512];
				snprintf(m, sizeof m, "%s 列：应为以%s计的金额，实为“%.*s”",
				         def->cols[slots[i]].label, ys_unit_name(t->unit), (int)(c[i].n > 200 ? 200 : c[i].n),
				         c[i].s);
				return err_at(r, line, c[i].col, "%s：%s", table_name(t, tn, sizeof tn), m);
			}
		}
		return err_at(r, line, c[first].col, "%s：本行的单元格与本表的列对不上（表 %s）",
		              table_name(t, tn, sizeof tn), def->code);
	}

	if (t->nrows >= YS_TABLE_ROWS_MAX)
		return ys_error(r->ctx, YS_ELIMIT, "%s:%d：%s：一张表超过 %d 行", r->name, line,
		                table_name(t, tn, sizeof tn), YS_TABLE_ROWS_MAX);
	if (ys_grow((void **)&t->rows, &r->rowcap, (size_t)t->nrows + 1, sizeof *t->rows))
		return ys_error(r->ctx, YS_ENOMEM, "%s：内存不足", r->name);
	ys_row *row = &t->rows[t->nrows];
	memset(row, 0, sizeof *row);
	row->cells = ys_arena_alloc(&r->doc->arena, sizeof(ys_cell) * (size_t)def->ncols);
	if (!row->cells)
		return ys_error(r->ctx, YS_ENOMEM, "%s：内存不足", r->name);
	for (int i = 0; i < def->ncols; i++)
		row->cells[i].text = "";
	row->line = line;
	row->shape = (signed char)shape;
	row->fixed[0] = row->fixed[1] = -1;
	row->project = -1;
	row->page = (short)r->page;
	row->kind = shape >= 0 && def->shapes[shape].lead ? YS_ROW_FIELD : YS_ROW_DATA;

	for (int i = 0; i < nc; i++) {
		int sl = slots[place[i]];
		if (sl < 0)
			continue;
		ys_cell *cell = &row->cells[sl];
		cell->text = ys_arena_strndup(&r->doc->arena, c[i].s, c[i].n);
		if (!cell->text)
			return ys_error(r->ctx, YS_ENOMEM, "%s：内存不足", r->name);
		cell->line = line;
		cell->col = c[i].col;
		if (def->cols[sl].kind == YS_CK_AMOUNT) {
			ys_money_err e;
			if (ys_money_parse(c[i].s, c[i].n, t->unit, &cell->amt, &e)) {
				char m[512];
				snprintf(m, sizeof m, "%s 列：“%.*s”不是以%s计的金额：%s", def->cols[sl].label,
				         (int)(c[i].n > 200 ? 200 : c[i].n), c[i].s, ys_unit_name(t->unit), e.what);
				return err_at(r, line, c[i].col + (int)ys_utf8_count(c[i].s, e.pos), "%s：%s",
				              table_name(t, tn, sizeof tn), m);
			}
		}
	}

	/* total rows: the first non-empty text cell says 合计 */
	for (int i = 0; i < def->ncols; i++) {
		if (def->cols[i].kind == YS_CK_AMOUNT || ys_cell_blank(&row->cells[i]))
			continue;
		if (ys_is_total_label(row->cells[i].text) && def->rowkey != YS_RK_FIXED)
			row->kind = YS_ROW_TOTAL;
		break;
	}

	/* fixed rows of 01/04, per panel */
	if (def->rowkey == YS_RK_FIXED) {
		for (int p = 0; p < def->npanels; p++) {
			const ys_cell *lab = &row->cells[p ? C01_OUT_LABEL : C01_IN_LABEL];
			if (ys_cell_blank(lab))
				continue;
			int f = match_fixed(r, def, p, lab->text, r->after_carry[p]);
			row->fixed[p] = (short)f;
			if (f >= 0 && def->fixed[f].role == YS_FR_CARRY)
				r->after_carry[p] = 1;
		}
	}

	/* projects and their indicator rows (12) */
	if (def->flags & YS_TF_INDICATORS) {
		if (ys_cell_blank(&row->cells[C12_NAME])) {
			int prev = t->nrows - 1;
			if (prev < 0)
				return err_at(r, line, c[first].col, "%s：在任何项目行之前出现了指标行%s",
				              table_name(t, tn, sizeof tn), NULL);
			row->kind = YS_ROW_CONT;
			row->project = t->rows[prev].project;
		} else {
			row->project = (short)t->nrows;
		}
	}
	t->nrows++;
	return YS_OK;
}

/* ---- driver ----------------------------------------------------------- */

static ys_result start_table(rd *r, const ys_tabledef *def, const char *title, size_t tn, const char *numbering,
                             int line)
{
	ys_doc *doc = r->doc;
	if (doc->tables[def->id]) {
		return ys_error(r->ctx, YS_EPARSE, "%s:%d：表 %s %s 第二次出现（第一次在第 %d 行）", r->name,
		                line, def->code, def->title, doc->tables[def->id]->line);
	}
	ys_table *t = ys_arena_alloc(&doc->arena, sizeof *t);
	if (!t)
		return ys_error(r->ctx, YS_ENOMEM, "%s：内存不足", r->name);
	t->def = def;
	t->title = ys_arena_strndup(&doc->arena, title, tn);
	t->numbering = ys_arena_strdup(&doc->arena, numbering);
	t->number = numbering_number(numbering);
	t->line = line;
	t->unit = YS_UNIT_WANYUAN; /* until a 金额单位 line says otherwise */
	t->unit_text = "";
	t->subtitle = "";
	doc->tables[def->id] = t;
	doc->order[doc->ntables++] = def->id;
	r->t = t;
	r->rowcap = r->hdrcap = 0;
	r->after_carry[0] = r->after_carry[1] = 0;
	r->page = 0;
	r->after_rows = 0;
	r->blank_row = 0;
	int y = year_in(numbering);
	if (y && !doc->year)
		doc->year = y;
	return YS_OK;
}

/* A one-row table printed with its row blank (09 without 三公 spending:
 * zero cells are blank): that row, every cell blank, at line. */
static ys_result add_blank_row(rd *r, int line)
{
	ys_table *t = r->t;
	if (ys_grow((void **)&t->rows, &r->rowcap, 1, sizeof *t->rows))
		return ys_error(r->ctx, YS_ENOMEM, "%s：内存不足", r->name);
	ys_row *row = &t->rows[0];
	memset(row, 0, sizeof *row);
	row->cells = ys_arena_alloc(&r->doc->arena, sizeof(ys_cell) * (size_t)t->def->ncols);
	if (!row->cells)
		return ys_error(r->ctx, YS_ENOMEM, "%s：内存不足", r->name);
	memset(row->cells, 0, sizeof(ys_cell) * (size_t)t->def->ncols);
	for (int i = 0; i < t->def->ncols; i++)
		row->cells[i].text = "";
	row->line = line;
	row->shape = -1;
	row->fixed[0] = row->fixed[1] = -1;
	row->project = -1;
	row->kind = YS_ROW_DATA;
	t->nrows = 1;
	return YS_OK;
}

/* Close the current table; more: another table's title follows (the file
 * did not end here). */
static ys_result finish_table(rd *r, int endline, int more)
{
	ys_table *t = r->t;
	if (!t)
		return YS_OK;
	const ys_tabledef *def = t->def;
	char tn[128];
	t->end_line = endline;
	/* a one-row table whose row is blank prints its headers and then a line
	 * of empty cells, or nothing before the next title; at the end of the
	 * file nothing is a truncation */
	if (t->nrows == 0 && def->rowkey == YS_RK_SINGLE && t->nheaders > 0 && (r->blank_row || more)) {
		ys_result res = add_blank_row(r, r->blank_row ? r->blank_row : endline);
		if (res)
			return res;
	}
	/* a table of projects may be empty; every other table prints at least
	 * its 合计 row or its one row of amounts */
	int may_be_empty = def->rowkey == YS_RK_PROJECT;
	if (t->nrows == 0 && !may_be_empty)
		return err_at(r, endline, 0, "%s：本表没有任何行：文件被截断了？%s", table_name(t, tn, sizeof tn), NULL);
	/* the 合计 row ends the table, or heads it (as Beijing's 11 prints it) */
	if ((def->flags & YS_TF_TOTAL_ROW) && t->rows[t->nrows - 1].kind != YS_ROW_TOTAL &&
	    t->rows[0].kind != YS_ROW_TOTAL)
		return err_at(r, t->rows[t->nrows - 1].line, 0, "%s：本表没有以合计行结尾：文件被截断了？%s",
		              table_name(t, tn, sizeof tn), NULL);
	if (def->rowkey == YS_RK_FIXED) {
		for (int p = 0; p < def->npanels; p++) {
			int grand = 0;
			for (int i = 0; i < t->nrows; i++)
				if (t->rows[i].fixed[p] >= 0 && def->fixed[t->rows[i].fixed[p]].role == YS_FR_GRAND)
					grand = 1;
			if (!grand)
				return err_at(r, t->rows[t->nrows - 1].line, 0, "%s：没有%s行：文件被截断了？",
				              table_name(t, tn, sizeof tn), p ? "支出总计" : "收入总计");
		}
	}
	if (def->rowkey == YS_RK_SINGLE) {
		int data = 0;
		for (int i = 0; i < t->nrows; i++)
			data += t->rows[i].kind == YS_ROW_DATA;
		if (data != 1) {
			char m[64];
			snprintf(m, sizeof m, "%d", data);
			return err_at(r, t->line, 0, "%s：应有一行金额，实有 %s 行", table_name(t, tn, sizeof tn), m);
		}
	}
	if (def->flags & YS_TF_BLOCKS) {
		/* 05: codes rise within a unit's block; a code that does not rise
		 * starts the next unit's block. */
		int block = 0;
		const char *prev = NULL;
		for (int i = 0; i < t->nrows; i++) {
			ys_row *row = &t->rows[i];
			if (row->kind != YS_ROW_DATA)
				continue;
			const char *code = row->cells[C05_CODE].text;
			if (prev && strcmp(code, prev) <= 0)
				block++;
			row->block = (short)block;
			prev = code;
		}
	}
	if (def->flags & YS_TF_FORM) {
		int amounts = 0;
		for (int i = 0; i < t->nrows; i++)
			amounts |= t->rows[i].shape >= 0 && strcmp(def->shapes[t->rows[i].shape].id, "amounts") == 0;
		if (!amounts)
			return err_at(r, t->line, 0, "%s：没有金额行（总体资金情况）%s", table_name(t, tn, sizeof tn), NULL);
		for (int i = 0; i < t->nrows; i++) {
			const ys_cell *u = &t->rows[i].cells[C13_UNIT];
			if (!ys_cell_blank(u) && !r->doc->department[0])
				r->doc->department = u->text;
		}
		int y = year_in(t->subtitle);
		if (y)
			r->doc->year = y;
	}
	r->t = NULL;
	return YS_OK;
}

#define PAGE_BREAK -1

static ys_result doc_read_text_body(ys_ctx *ctx, const char *name, const char *data, size_t len, ys_doc **out)
{
	*out = NULL;
	char *text;
	size_t tl;
	ys_encoding enc;
	ys_result res = ys_text_decode(ctx, name, data, len, &text, &tl, &enc);
	if (res)
		return res;
	ys_doc *doc = ys_doc_new(name);
	if (!doc) {
		free(text);
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	}
	doc->encoding = enc;
	rd r;
	memset(&r, 0, sizeof r);
	r.ctx = ctx;
	r.doc = doc;
	r.name = name;
	ys_buf_init(&r.key);

	rawcell *cells = malloc(sizeof *cells * MAX_CELLS);
	if (!cells) {
		res = ys_error(ctx, YS_ENOMEM, "内存不足");
		goto fail;
	}
	int line = 0, any_nonblank = 0, last_line = 0;
	char *p = text, *end = text + tl;
	while (p < end) {
		line++;
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *le = nl ? nl : end;
		if ((size_t)(le - p) > MAX_LINE) {
			res = ys_error(ctx, YS_ELIMIT, "%s:%d：一行超过 %zu 字节", name, line, MAX_LINE);
			goto fail;
		}
		*le = '\0';
		/* split into cells */
		int nc = 0, nonempty = 0;
		char *cs = p;
		for (;;) {
			char *tab = strchr(cs, '\t');
			char *ce = tab ? tab : le;
			if (nc == MAX_CELLS) {
				res = ys_error(ctx, YS_ELIMIT, "%s:%d：一行超过 %d 个单元格", name, line, MAX_CELLS);
				goto fail;
			}
			const char *ts = cs;
			size_t tn = (size_t)(ce - cs);
			int col = (int)ys_utf8_count(p, (size_t)(cs - p)) + 1;
			ys_trim(&ts, &tn);
			((char *)ts)[tn] = '\0'; /* safe: ts+tn <= ce, which is a tab or the line end */
			cells[nc].s = ts;
			cells[nc].n = tn;
			cells[nc].col = col + (int)ys_utf8_count(cs, (size_t)(ts - cs));
			nonempty += tn > 0;
			nc++;
			if (!tab)
				break;
			cs = tab + 1;
		}
		p = nl ? nl + 1 : end;

		if (nonempty == 0) {
			if (r.t && r.t->nrows > 0)
				r.after_rows = 1;
			else if (r.t && nc > 1 && r.t->def->rowkey == YS_RK_SINGLE && r.t->nheaders > 0 && !r.blank_row)
				r.blank_row = line;
			continue;
		}
		any_nonblank = 1;
		int first = 0;
		while (cells[first].n == 0)
			first++;

		if (nonempty == 1) {
			ys_buf numbering = YS_BUF_INIT;
			const ys_tabledef *def = match_title(&r, cells[first].s, cells[first].n, &numbering);
			if (def) {
				res = finish_table(&r, last_line, 1);
				if (!res)
					res = start_table(&r, def, cells[first].s, cells[first].n, numbering.s, line);
				ys_buf_release(&numbering);
				if (res)
					goto fail;
				last_line = line;
				continue;
			}
			ys_buf_release(&numbering);
			/* a numbered title whose words name no table: its numbering
			 * does (check's pres.title says so), or the line is refused
			 * here rather than read as a row of the table before it */
			ys_buf tk = YS_BUF_INIT;
			ys_label_key(&tk, cells[first].s, cells[first].n);
			strip_quotes(&tk);
			size_t numlen = 0;
			int num = tk.oom ? 0 : numbered_title(tk.s, &numlen);
			if (num) {
				if (num >= 1 && num <= YS_NTABLES && !doc->tables[num - 1]) {
					tk.s[numlen] = '\0';
					res = finish_table(&r, last_line, 1);
					if (!res)
						res = start_table(&r, ys_table_def((ys_tid)(num - 1)), cells[first].s, cells[first].n,
						                  tk.s, line);
					ys_buf_release(&tk);
					if (res)
						goto fail;
					last_line = line;
					continue;
				}
				const ys_table *seen = num >= 1 && num <= YS_NTABLES ? doc->tables[num - 1] : NULL;
				/* ... unless the table has ended (its 合计 row printed) */
				int cont = seen && seen == r.t && strstr(tk.s + numlen, "续") &&
				           !((r.t->def->flags & YS_TF_TOTAL_ROW) && r.t->nrows &&
				             r.t->rows[r.t->nrows - 1].kind == YS_ROW_TOTAL);
				ys_buf_release(&tk);
				if (cont) {
					/* the current table's title repeated on its next page
					 * (预算05表 …（续）): a page break */
					if (r.t->nrows > 0)
						r.after_rows = 1;
					last_line = line;
					continue;
				}
				if (seen)
					res = ys_error(ctx, YS_EPARSE,
					               "%s:%d:%d：表题“%s”不是已知的表名，其编号对应的 %s表 %s 已在第 %d 行读过", name, line,
					               cells[first].col, cells[first].s, seen->def->code, seen->def->title, seen->line);
				else
					res = ys_error(ctx, YS_EPARSE,
					               "%s:%d:%d：表题“%s”不是已知的表名，编号 %d 也不在 01–%02d 之内（表名见 docs/tables.md）",
					               name, line, cells[first].col, cells[first].s, num, YS_NTABLES);
				goto fail;
			}
			ys_buf_release(&tk);
			ys_unit u;
			if (r.t && match_unit_line(&r, cells[first].s, cells[first].n, &u)) {
				r.t->unit = u;
				r.t->unit_line = line;
				r.t->unit_text = ys_arena_strndup(&doc->arena, cells[first].s, cells[first].n);
				last_line = line;
				continue;
			}
			if (r.t && r.t->nrows == 0 && r.t->nheaders == 0 && !r.t->unit_line &&
			    year_in(cells[first].s)) {
				r.t->subtitle = ys_arena_strndup(&doc->arena, cells[first].s, cells[first].n);
				last_line = line;
				continue;
			}
			if (!r.t)
				continue; /* text outside any table */
			if (!ys_is_total_label(cells[first].s) && r.t->nrows == 0 &&
			    !amount_like(cells[first].s, cells[first].n) &&
			    !is_header_word(&r, r.t->def, key_of(&r, cells[first].s, cells[first].n))) {
				/* a note under the title such as 本表为空表 */
				last_line = line;
				continue;
			}
		}
		if (!r.t)
			continue;
		last_line = line;

		/* header row: every non-empty cell is a header word (a lone 合计
		 * is a total row, not a header) */
		int header = !(nonempty == 1 && ys_is_total_label(cells[first].s));
		for (int i = 0; i < nc && header; i++) {
			if (cells[i].n == 0)
				continue;
			char k[512];
			snprintf(k, sizeof k, "%s", key_of(&r, cells[i].s, cells[i].n));
			header = is_header_word(&r, r.t->def, k);
		}
		if (header) {
			if ((res = add_header(&r, cells, nc, line)))
				goto fail;
			continue;
		}
		if (r.after_rows) {
			r.page++;
			r.after_rows = 0;
		}
		if ((res = add_row(&r, cells, nc, line)))
			goto fail;
	}
	if (!any_nonblank) {
		res = ys_error(ctx, YS_EEMPTY, "%s：没有文字：应为部门预算公开的各表", name);
		goto fail;
	}
	if ((res = finish_table(&r, last_line, 0)))
		goto fail;
	if (doc->ntables == 0) {
		res = ys_error(ctx, YS_EPARSE,
		               "%s:1：没有找到表题：应有“预算01表 收支总表”这样的表题（见 docs/tables.md）",
		               name);
		goto fail;
	}
	free(cells);
	free(text);
	ys_buf_release(&r.key);
	*out = doc;
	return YS_OK;
fail:
	free(cells);
	free(text);
	ys_buf_release(&r.key);
	ys_doc_free(doc);
	return res;
}

ys_result ys_doc_read_text(ys_ctx *ctx, const char *name, const char *data, size_t len, ys_doc **out)
{
	unsigned long mark = ys_oom_mark();
	ys_result r = ys_oom_check(ctx, doc_read_text_body(ctx, name, data, len, out), mark);
	if (r && *out) {
		ys_doc_free(*out);
		*out = NULL;
	}
	return r;
}

ys_result ys_doc_read_text_file(ys_ctx *ctx, const char *path, ys_doc **out)
{
	char *raw;
	size_t n;
	*out = NULL;
	ys_result r = ys_file_read(ctx, path, &raw, &n);
	if (r)
		return r;
	r = ys_doc_read_text(ctx, path, raw, n, out);
	free(raw);
	return r;
}

static const char *find_bytes(const char *p, size_t n, const char *w, size_t wl)
{
	for (size_t i = 0; i + wl <= n; i++)
		if (p[i] == w[0] && !memcmp(p + i, w, wl))
			return p + i;
	return NULL;
}

/* Does the text number its tables as the seed does (预算01表, 预算表12)?
 * Looked for in UTF-8 and in GB18030 bytes. */
static int seed_layout(const char *raw, size_t n)
{
	static const char *const marks[] = { "预算", "\xD4\xA4\xCB\xE3" }; /* UTF-8, GB18030 */
	static const char *const tables[] = { "表", "\xB1\xED" };
	for (int e = 0; e < 2; e++) {
		size_t ml = strlen(marks[e]), tl = strlen(tables[e]);
		for (const char *p = raw; p + ml + 2 + tl <= raw + n;) {
			const char *q = find_bytes(p, (size_t)(raw + n - p), marks[e], ml);
			if (!q)
				break;
			const char *d = q + ml;
			if (d + 2 + tl <= raw + n && d[0] >= '0' && d[0] <= '9' && d[1] >= '0' && d[1] <= '9' &&
			    !memcmp(d + 2, tables[e], tl))
				return 1;
			if (d + tl + 2 <= raw + n && !memcmp(d, tables[e], tl) && d[tl] >= '0' && d[tl] <= '9' &&
			    d[tl + 1] >= '0' && d[tl + 1] <= '9')
				return 1;
			p = q + 1;
		}
	}
	return 0;
}

/* Text or JSON in memory, by its content (ys_doc_read_file's choice). */
static ys_result read_mem_body(ys_ctx *ctx, const char *name, const char *raw, size_t len, ys_doc **out)
{
	/* JSON: the tables as yusuan writes them */
	size_t bom = len >= 3 && !memcmp(raw, "\xEF\xBB\xBF", 3) ? 3 : 0, k = bom;
	while (k < len && (raw[k] == ' ' || raw[k] == '\t' || raw[k] == '\n' || raw[k] == '\r'))
		k++;
	if (k < len && raw[k] == '{')
		return ys_doc_read_json(ctx, name, raw + bom, len - bom, out);
	/* the seed's layout numbers its tables 预算01表 (or 预算表12); any other
	 * layout goes to the general reader */
	return seed_layout(raw, len) ? ys_doc_read_text(ctx, name, raw, len, out)
	                             : ys_doc_read_general(ctx, name, raw, len, out);
}

static ys_result doc_read_file_body(ys_ctx *ctx, const char *path, ys_doc **out)
{
	*out = NULL;
	FILE *f = fopen(path, "rb");
	if (!f)
		return ys_error(ctx, YS_EIO, "%s：无法打开：%s", path, strerror(errno));
	struct stat st;
	int regular = fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode);
	unsigned char magic[4] = { 0 };
	size_t n = regular ? fread(magic, 1, 4, f) : 0;
	fclose(f);
	/* a workbook or a PDF is read by its path; a pipe cannot be sniffed
	 * and read again, so it is read whole first, below */
	if (n == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4)
		return ys_doc_read_xlsx(ctx, path, out);
	if (n == 4 && !memcmp(magic, "%PDF", 4))
		return ys_doc_read_pdf(ctx, path, out);
	char *raw;
	size_t len;
	ys_result r = ys_file_read(ctx, path, &raw, &len);
	if (r)
		return r;
	if (!regular && len >= 4 && (!memcmp(raw, "PK\3\4", 4) || !memcmp(raw, "%PDF", 4))) {
		const char *what = raw[0] == 'P' ? "工作簿（XLSX）" : " PDF";
		free(raw);
		return ys_error(ctx, YS_EPARSE, "%s：从管道读入的是%s：请改为给出其文件名", path, what);
	}
	r = read_mem_body(ctx, path, raw, len, out);
	free(raw);
	return r;
}

ys_result ys_doc_read_file(ys_ctx *ctx, const char *path, ys_doc **out)
{
	unsigned long mark = ys_oom_mark();
	ys_result r = ys_oom_check(ctx, doc_read_file_body(ctx, path, out), mark);
	if (r && *out) {
		ys_doc_free(*out);
		*out = NULL;
	}
	return r;
}

ys_result ys_doc_read_mem(ys_ctx *ctx, const char *name, const char *data, size_t len, ys_doc **out)
{
	*out = NULL;
	if (len >= 4 && (!memcmp(data, "PK\3\4", 4) || !memcmp(data, "%PDF", 4)))
		return ys_error(ctx, YS_EPARSE, "%s：工作簿（XLSX）和 PDF 只能从文件读入", name);
	unsigned long mark = ys_oom_mark();
	ys_result r = ys_oom_check(ctx, read_mem_body(ctx, name, data, len, out), mark);
	if (r && *out) {
		ys_doc_free(*out);
		*out = NULL;
	}
	return r;
}
