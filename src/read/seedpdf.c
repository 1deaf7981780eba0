/*
 * read/seedpdf.c - the seed's layout from a PDF's positioned lines back
 * into the seed's text (see seedpdf.h for the design).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/seedpdf.h"
#include "yusuan/text.h"

#define MAXC 24 /* columns of one table (the widest, 02, has 17) */

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* 1,234.56  -12.00  0.5: what a printed amount looks like.  By shape only:
 * the table's unit is not known here. */
static int amount_like(const char *s)
{
	const char *p = s;
	if (*p == '-' || *p == '+')
		p++;
	if (!is_digit(*p))
		return 0;
	int dot = 0, digits = 0;
	for (; *p; p++) {
		if (*p == '.') {
			if (dot++)
				return 0;
		} else if (*p == ',') {
			if (dot)
				return 0;
		} else if (is_digit(*p)) {
			digits++;
		} else {
			return 0;
		}
	}
	return digits > 0;
}

static void key(ys_buf *b, const char *s)
{
	static const char *const q[] = { "“", "”", "\"", "‘", "’", "'", NULL };
	ys_buf_reset(b);
	ys_label_key(b, s, strlen(s));
	/* quotes and a trailing colon say nothing about which column it is */
	size_t o = 0;
	for (size_t i = 0; i < b->len;) {
		int skip = 0;
		for (int k = 0; q[k] && !skip; k++) {
			size_t ql = strlen(q[k]);
			if (b->len - i >= ql && !memcmp(b->s + i, q[k], ql)) {
				i += ql;
				skip = 1;
			}
		}
		if (!skip)
			b->s[o++] = b->s[i++];
	}
	while (o && b->s[o - 1] == ':')
		o--;
	b->len = o;
	if (b->cap)
		b->s[o] = '\0';
}

/* The numbering 预算NN表 or 预算表NN in s: its number, and *at the byte
 * offset where it starts; 0 when there is none. */
static int numbering(const char *s, size_t *at)
{
	for (const char *p = strstr(s, "预算"); p; p = strstr(p + 1, "预算")) {
		const char *d = p + strlen("预算");
		int tb = 0;
		if (!strncmp(d, "表", strlen("表"))) {
			d += strlen("表");
			tb = 1;
		}
		int n = 0, nd = 0;
		while (is_digit(d[nd]) && nd < 3)
			n = n * 10 + (d[nd++] - '0');
		if (nd < 1 || nd > 2 || is_digit(d[nd]))
			continue;
		if (!tb && strncmp(d + nd, "表", strlen("表")))
			continue;
		*at = (size_t)(p - s);
		return n;
	}
	return 0;
}

typedef struct sp {
	ys_ctx *ctx;
	const ys_lines *L;
	ys_buf *out;
	ys_seedmap *map;
	ys_buf k1, k2;
	int tline; /* lines written so far */
	/* the table being read: its header's words and type sizes, the body's
	 * size (a header printed again over the body is dropped) */
	const struct vocab *tv;
	int hfs[8], nhfs, bfs;
} sp;

static const char *joined(sp *r, const ys_line *l, ys_buf *b)
{
	(void)r;
	ys_buf_reset(b);
	for (int k = 0; k < l->nf; k++)
		ys_buf_adds(b, l->f[k].s);
	return b->s;
}

/* Page furniture: 第2页共20页, a lone page number, - 3 -. */
static int furniture(const ys_lines *L, size_t i)
{
	const ys_line *l = &L->v[i];
	for (int k = 0; k < l->nf; k++) {
		const char *s = l->f[k].s;
		const char *p = strstr(s, "第");
		if (p) {
			p += strlen("第");
			int d = 0;
			while (is_digit(p[d]))
				d++;
			if (d && !strncmp(p + d, "页", strlen("页")))
				return 1;
		}
		p = strstr(s, "共");
		if (p) {
			p += strlen("共");
			int d = 0;
			while (is_digit(p[d]))
				d++;
			if (d && !strncmp(p + d, "页", strlen("页")))
				return 1;
		}
	}
	if (l->nf == 1) {
		const char *s = l->f[0].s;
		size_t n = strlen(s);
		int edge = i + 1 >= L->n || L->v[i + 1].page != l->page || i == 0 || L->v[i - 1].page != l->page;
		size_t d = 0;
		const char *p = s;
		if (*p == '-')
			p++;
		while (is_digit(p[d]))
			d++;
		if (edge && d && d <= 4 && (p[d] == 0 || (p[d] == '-' && p[d + 1] == 0)) && n <= 8)
			return 1;
	}
	return 0;
}

static int header_word(sp *r, const struct vocab *v, const char *s);

/* A 金额单位, or a header word in the header's type, printed inside a
 * body line (the tool drew the page's top over the body). */
static int noise(sp *r, const ys_frag *f)
{
	if (strstr(f->s, "单位：") || strstr(f->s, "单位:"))
		return 1;
	if (!r->tv || !f->fs || f->fs == r->bfs)
		return 0;
	int in = 0;
	for (int k = 0; k < r->nhfs; k++)
		in |= r->hfs[k] == f->fs;
	return in && header_word(r, r->tv, f->s);
}

/* ---- header vocabulary ---------------------------------------------------- */

typedef struct vocab {
	char *w[96];
	int n;
} vocab;

static void vocab_add(vocab *v, ys_buf *b, const char *s, size_t n)
{
	char tmp[512];
	if (n >= sizeof tmp || v->n >= 96)
		return;
	memcpy(tmp, s, n);
	tmp[n] = 0;
	key(b, tmp);
	if (!b->len)
		return;
	for (int i = 0; i < v->n; i++)
		if (!strcmp(v->w[i], b->s))
			return;
	v->w[v->n] = strdup(b->s);
	if (v->w[v->n])
		v->n++;
}

static void vocab_make(vocab *v, const ys_tabledef *def, ys_buf *b)
{
	v->n = 0;
	for (int c = 0; c < def->ncols; c++)
		vocab_add(v, b, def->cols[c].label, strlen(def->cols[c].label));
	for (const char *const *row = def->layout; row && *row; row++)
		for (const char *p = *row;;) {
			const char *tab = strchr(p, '\t');
			size_t l = tab ? (size_t)(tab - p) : strlen(p);
			vocab_add(v, b, p, l);
			if (!tab)
				break;
			p = tab + 1;
		}
	for (const char *p = def->headwords; p && *p;) {
		const char *bar = strchr(p, '|');
		size_t l = bar ? (size_t)(bar - p) : strlen(p);
		vocab_add(v, b, p, l);
		p = bar ? bar + 1 : p + l;
	}
	static const char *const extra[] = { "其中", "单位名称", "部门名称", "项目", NULL };
	for (int i = 0; extra[i]; i++)
		vocab_add(v, b, extra[i], strlen(extra[i]));
}

static void vocab_free(vocab *v)
{
	for (int i = 0; i < v->n; i++)
		free(v->w[i]);
	v->n = 0;
}

/* Is s part of a header word of the table? */
static int header_word(sp *r, const vocab *v, const char *s)
{
	key(&r->k1, s);
	if (!r->k1.len)
		return 0;
	for (int i = 0; i < v->n; i++)
		if (strstr(v->w[i], r->k1.s))
			return 1;
	return 0;
}

/* Is every fragment of l part of a header word of the table (a header
 * printed in pieces: 政府性基金预 / 算资金)? */
static int header_line(sp *r, const ys_tabledef *def, const vocab *v, const ys_line *l)
{
	if (!l->nff)
		return 0;
	/* a lone 合计 is the total row of an empty table */
	if (l->nff <= 2 && (def->flags & YS_TF_TOTAL_ROW)) {
		ys_buf_reset(&r->k2);
		for (int k = 0; k < l->nff; k++)
			ys_buf_adds(&r->k2, l->ff[k].s);
		if (ys_is_total_label(r->k2.s))
			return 0;
	}
	for (int k = 0; k < l->nff; k++) {
		if (amount_like(l->ff[k].s))
			return 0;
		key(&r->k1, l->ff[k].s);
		if (!r->k1.len)
			continue;
		int hit = 0;
		for (int i = 0; i < v->n && !hit; i++)
			hit = strstr(v->w[i], r->k1.s) != NULL;
		if (!hit)
			return 0;
	}
	return 1;
}

/* ---- the map ------------------------------------------------------------- */

typedef struct pcell {
	const char *s; /* "" when blank */
	int line, x0;
} pcell;

/* Write one text line of n cells; line/page say what it stands for. */
static ys_result emit(sp *r, const pcell *c, int n, int line, int page)
{
	ys_seedmap *m = r->map;
	if (ys_grow((void **)&m->lines, &m->capl, m->nlines + 1, sizeof *m->lines) ||
	    ys_grow((void **)&m->cells, &m->capc, m->ncells + (size_t)n, sizeof *m->cells))
		return ys_error(r->ctx, YS_ENOMEM, "内存不足");
	ys_seedline *sl = &m->lines[m->nlines++];
	sl->line = line;
	sl->page = page;
	sl->cell0 = m->ncells;
	sl->ncells = n;
	int tcol = 1;
	for (int i = 0; i < n; i++) {
		if (i) {
			ys_buf_addc(r->out, '\t');
			tcol++;
		}
		const char *s = c[i].s ? c[i].s : "";
		/* a tab or line end inside a cell would make other cells */
		for (const char *p = s; *p; p++)
			ys_buf_addc(r->out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
		m->cells[m->ncells++] = (ys_seedcell){ tcol, c[i].line, c[i].x0 };
		tcol += (int)ys_utf8_count(s, strlen(s));
	}
	ys_buf_addc(r->out, '\n');
	r->tline++;
	return r->out->oom ? ys_error(r->ctx, YS_ENOMEM, "内存不足") : YS_OK;
}

static ys_result emit_text(sp *r, const char *s, int line, int page)
{
	pcell c = { s, line, 0 };
	return emit(r, &c, 1, line, page);
}

/* The layout's header rows as the text reader knows them. */
static ys_result emit_layout(sp *r, const ys_tabledef *def, int line, int page)
{
	ys_result e = YS_OK;
	for (const char *const *row = def->layout; row && *row && !e; row++) {
		pcell c[MAXC];
		int n = 0;
		char buf[1024];
		snprintf(buf, sizeof buf, "%s", *row);
		for (char *p = buf; n < MAXC;) {
			char *tab = strchr(p, '\t');
			if (tab)
				*tab = 0;
			c[n++] = (pcell){ p, line, 0 };
			if (!tab)
				break;
			p = tab + 1;
		}
		/* the cells point into buf: emit copies them */
		e = emit(r, c, n, line, page);
	}
	return e;
}

void ys_seedmap_release(ys_seedmap *m)
{
	free(m->lines);
	free(m->cells);
	free(m->used);
	free(m->skipped);
	ys_arena_release(&m->arena);
	memset(m, 0, sizeof *m);
}

static ys_result skip_table(sp *r, const char *title, int line, int page, const char *why, size_t from, size_t to)
{
	ys_seedmap *m = r->map;
	void *v = realloc(m->skipped, sizeof *m->skipped * (size_t)(m->nskipped + 1));
	if (!v)
		return ys_error(r->ctx, YS_ENOMEM, "内存不足");
	m->skipped = v;
	const char *t = ys_arena_strdup(&m->arena, title);
	if (!t)
		return ys_error(r->ctx, YS_ENOMEM, "内存不足");
	m->skipped[m->nskipped++] = (struct ys_seedskip){ t, line, page, why, from, to };
	return YS_OK;
}

/* ---- columns --------------------------------------------------------------- */

/* A header cell: fragments stacked in one column (wrapped words, and a
 * group's word printed over one of its columns). */
typedef struct stack {
	int x0, x1, bx0, bx1; /* extent; extent of its lowest fragment */
	int lastline;
	char text[256];
} stack;

#define MAXSTACKS 96

static int overlap(int a0, int a1, int b0, int b1)
{
	int lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
	return hi - lo;
}

static int stacks_make(const ys_lines *L, const size_t *hl, int nhl, stack *s)
{
	int n = 0;
	for (int h = 0; h < nhl; h++) {
		const ys_line *l = &L->v[hl[h]];
		for (int k = 0; k < l->nff; k++) {
			const ys_frag *f = &l->ff[k];
			int best = -1, bo = 0;
			for (int j = 0; j < n; j++) {
				if (s[j].lastline == (int)hl[h])
					continue;
				int o = overlap(f->x0, f->x1, s[j].bx0, s[j].bx1);
				int w = f->x1 - f->x0 < s[j].bx1 - s[j].bx0 ? f->x1 - f->x0 : s[j].bx1 - s[j].bx0;
				if (o > bo && o * 2 >= (w > 0 ? w : 1)) {
					bo = o;
					best = j;
				}
			}
			if (best < 0) {
				if (n == MAXSTACKS)
					continue;
				best = n++;
				memset(&s[best], 0, sizeof s[best]);
				s[best].x0 = f->x0;
				s[best].x1 = f->x1;
			}
			stack *t = &s[best];
			size_t used = strlen(t->text);
			snprintf(t->text + used, sizeof t->text - used, "%s", f->s);
			if (f->x0 < t->x0)
				t->x0 = f->x0;
			if (f->x1 > t->x1)
				t->x1 = f->x1;
			t->bx0 = f->x0;
			t->bx1 = f->x1;
			t->lastline = (int)hl[h];
		}
	}
	/* left to right by centre */
	for (int a = 1; a < n; a++)
		for (int b = a; b > 0 && s[b].x0 + s[b].x1 < s[b - 1].x0 + s[b - 1].x1; b--) {
			stack t = s[b];
			s[b] = s[b - 1];
			s[b - 1] = t;
		}
	return n;
}

/* The lowest header cell printed over each of def's columns in the seed
 * layout, or the column's label. */
static void leaf_labels(const ys_tabledef *def, char leaf[][128])
{
	for (int c = 0; c < def->ncols; c++)
		snprintf(leaf[c], 128, "%s", def->cols[c].label);
	for (const char *const *row = def->layout; row && *row; row++) {
		const char *p = *row;
		for (int c = 0; c < def->ncols; c++) {
			const char *tab = strchr(p, '\t');
			size_t l = tab ? (size_t)(tab - p) : strlen(p);
			if (l && l < 128) {
				memcpy(leaf[c], p, l);
				leaf[c][l] = 0;
			}
			if (!tab)
				break;
			p = tab + 1;
		}
	}
}

/* Bigram similarity of two keys, 0..100. */
static int similar(const char *a, const char *b)
{
	/* code points as byte ranges */
	int ia[128], ib[128], na = 0, nb = 0;
	for (int i = 0; a[i] && na < 128; i++)
		if (((unsigned char)a[i] & 0xC0) != 0x80)
			ia[na++] = i;
	for (int i = 0; b[i] && nb < 128; i++)
		if (((unsigned char)b[i] & 0xC0) != 0x80)
			ib[nb++] = i;
	if (na < 2 || nb < 2)
		return 0;
	int hit = 0;
	for (int i = 0; i + 1 < na; i++) {
		int la = (i + 2 < na ? ia[i + 2] : (int)strlen(a)) - ia[i];
		for (int j = 0; j + 1 < nb; j++) {
			int lb = (j + 2 < nb ? ib[j + 2] : (int)strlen(b)) - ib[j];
			if (la == lb && !memcmp(a + ia[i], b + ib[j], (size_t)la)) {
				hit++;
				break;
			}
		}
	}
	return 200 * hit / (na - 1 + nb - 1);
}

/*
 * Match def's columns, left to right, to runs of up to three stacks (a
 * letter-spaced 项 目 is two): a run whose words hold the column's leaf
 * label scores best.  Stacks between matched runs are group headings.
 * Sets x0/x1 of each matched column (-1: none).  Returns the number matched.
 */
static int match_columns(sp *r, const ys_tabledef *def, const stack *s, int ns, int *x0, int *x1)
{
	char leaf[MAXC][128];
	leaf_labels(def, leaf);
	int n = def->ncols;
	char lk[MAXC][128];
	for (int c = 0; c < n; c++) {
		key(&r->k1, leaf[c]);
		size_t l = r->k1.len < sizeof lk[c] - 1 ? r->k1.len : sizeof lk[c] - 1;
		memcpy(lk[c], r->k1.s, l);
		lk[c][l] = 0;
	}
	/* sc[c][j][k]: score of column c on stacks j-k+1 .. j */
	enum { RUN = 3 };
	int *best = malloc(sizeof(int) * (size_t)(n + 1) * (size_t)(ns + 1));
	int *from = malloc(sizeof(int) * (size_t)(n + 1) * (size_t)(ns + 1));
	if (!best || !from) {
		free(best);
		free(from);
		return -1;
	}
#define B(c, j) best[(c) * (ns + 1) + (j)]
#define F(c, j) from[(c) * (ns + 1) + (j)]
	for (int j = 0; j <= ns; j++)
		B(0, j) = 0, F(0, j) = 0;
	for (int c = 1; c <= n; c++) {
		B(c, 0) = B(c - 1, 0);
		F(c, 0) = 0; /* column c-1 unmatched */
		for (int j = 1; j <= ns; j++) {
			/* column c-1 unmatched here, or stack j-1 skipped */
			int v = B(c - 1, j), f = 0;
			if (B(c, j - 1) > v) {
				v = B(c, j - 1);
				f = -1;
			}
			/* the run's words, the leftmost stack first */
			char run[RUN * sizeof s[0].text + 1];
			for (int k = 1; k <= RUN && j - k >= 0; k++) {
				size_t off = 0;
				for (int q = j - k; q < j; q++) {
					size_t l = strlen(s[q].text);
					memcpy(run + off, s[q].text, l);
					off += l;
				}
				run[off] = 0;
				key(&r->k2, run);
				int q = 0;
				if (!strcmp(r->k2.s, lk[c - 1]))
					q = 6;
				else if (r->k2.len >= strlen(lk[c - 1]) && strstr(r->k2.s, lk[c - 1]))
					q = 5;
				else if (similar(r->k2.s, lk[c - 1]) >= 60)
					q = 2;
				if (q && B(c - 1, j - k) + q > v) {
					v = B(c - 1, j - k) + q;
					f = k;
				}
			}
			B(c, j) = v;
			F(c, j) = f;
		}
	}
	int matched = 0;
	for (int c = 0; c < n; c++)
		x0[c] = x1[c] = -1;
	for (int c = n, j = ns; c > 0;) {
		int f = F(c, j);
		if (j == 0 || f == 0) {
			c--;
		} else if (f < 0) {
			j--;
		} else {
			/* the lowest words: a group's word printed over the column
			 * is wider than it */
			x0[c - 1] = s[j - f].bx0;
			x1[c - 1] = s[j - 1].bx1;
			for (int k = j - f; k < j; k++) {
				if (s[k].bx0 < x0[c - 1])
					x0[c - 1] = s[k].bx0;
				if (s[k].bx1 > x1[c - 1])
					x1[c - 1] = s[k].bx1;
			}
			matched++;
			c--;
			j -= f;
		}
	}
#undef B
#undef F
	free(best);
	free(from);
	return matched;
}

static int code_start(const char *s);

/* 绩效指标性质: = ≥ ≤ 定性 (as printed: ＝ too) */
static int is_op(const char *s)
{
	static const char *const ops[] = { "=", "≥", "≤", ">", "<", "≧", "≦", ">=", "<=", "＝", "＞", "＜", "定性",
		                           "定量", NULL };
	for (int i = 0; ops[i]; i++)
		if (!strcmp(s, ops[i]))
			return 1;
	return 0;
}

/* Would a fragment of text s sit well in a column of kind k? */
static int fits(ys_colkind k, const char *s)
{
	int amt = amount_like(s);
	switch (k) {
	case YS_CK_AMOUNT:
		return amt;
	case YS_CK_CODE: {
		int d = 0;
		while (is_digit(s[d]))
			d++;
		return d >= 3 && !s[d];
	}
	case YS_CK_CODENAME:
	case YS_CK_PROJECT:
		return code_start(s);
	case YS_CK_OP:
		return is_op(s);
	case YS_CK_VALUE: {
		/* a figure, a grade, or words (优，持续保障单位车辆使用); not a unit */
		static const char *const grades[] = { "优", "良", "中", "差", "优秀", "良好", "合格", "好", "是", "否",
			                              "有", "无", "达标", NULL };
		for (int i = 0; grades[i]; i++)
			if (!strcmp(s, grades[i]))
				return 1;
		for (const char *p = s; *p; p++)
			if (is_digit(*p))
				return 1;
		return ys_utf8_count(s, strlen(s)) >= 5;
	}
	case YS_CK_MUNIT: {
		for (const char *p = s; *p; p++)
			if (is_digit(*p))
				return 0;
		return !is_op(s) && ys_utf8_count(s, strlen(s)) <= 6;
	}
	default:
		return !amt && !is_op(s);
	}
}

/*
 * Column boundaries.  Between two neighbouring columns' headers (their
 * lowest words; the centres when a header is missing), the positions that
 * the fewest body fragments cross are gutters; of those, the one that puts
 * the most fragments in a column of their kind (figures under 预算数, words
 * under 项目), then the widest, is the boundary.
 */
static void gutters(sp *r, const ys_lines *L, const size_t *bl, int nbl, const ys_colkind *kind, const int *cx,
                    const int *hx0, const int *hx1, int n, int *bound)
{
	enum { STEP = 5 };
	for (int c = 0; c + 1 < n; c++) {
		int lo = cx[c], hi = cx[c + 1];
		if (hx1 && hx1[c] >= 0 && hx0[c + 1] >= 0 && hx1[c] < hx0[c + 1]) {
			lo = hx1[c] > lo ? hx1[c] : lo;
			hi = hx0[c + 1] < hi ? hx0[c + 1] : hi;
		}
		if (hi <= lo) {
			bound[c] = (cx[c] + cx[c + 1]) / 2;
			continue;
		}
		int steps = (hi - lo) / STEP + 1;
		int *cov = calloc((size_t)steps, sizeof *cov);
		if (!cov) {
			bound[c] = (lo + hi) / 2;
			continue;
		}
		for (int i = 0; i < nbl; i++) {
			const ys_line *l = &L->v[bl[i]];
			for (int k = 0; k < l->nff; k++) {
				int a = l->ff[k].x0, b = l->ff[k].x1;
				if (b < lo || a > hi || noise(r, &l->ff[k]))
					continue;
				int s0 = a <= lo ? 0 : (a - lo) / STEP, s1 = b >= hi ? steps - 1 : (b - lo) / STEP;
				for (int s = s0; s <= s1; s++)
					cov[s]++;
			}
		}
		int min = INT_MAX;
		for (int s = 0; s < steps; s++)
			if (cov[s] < min)
				min = cov[s];
		int best = (lo + hi) / 2, bscore = INT_MIN, blen = 0;
		for (int s = 0; s < steps;) {
			if (cov[s] != min) {
				s++;
				continue;
			}
			int e = s;
			while (e < steps && cov[e] == min)
				e++;
			int x = lo + (s + e) * STEP / 2;
			int score = 0;
			for (int i = 0; i < nbl && kind; i++) {
				const ys_line *l = &L->v[bl[i]];
				for (int k = 0; k < l->nff; k++) {
					int a = l->ff[k].x0, b = l->ff[k].x1;
					if (b < cx[c] - 2000 || a > cx[c + 1] + 2000)
						continue;
					int mid = (a + b) / 2;
					if (mid < cx[c] || mid > cx[c + 1])
						continue; /* it is not between the two */
					score += fits(mid < x ? kind[c] : kind[c + 1], l->ff[k].s) ? 1 : -1;
				}
			}
			if (score > bscore || (score == bscore && e - s > blen)) {
				bscore = score;
				blen = e - s;
				best = x;
			}
			s = e;
		}
		bound[c] = best;
		free(cov);
	}
}

static int col_at(const int *bound, int n, int x0, int x1)
{
	int cx = (x0 + x1) / 2;
	int c = 0;
	while (c + 1 < n && cx >= bound[c])
		c++;
	return c;
}

/* ---- rows ------------------------------------------------------------------- */

/* One printed row: its cells by column, from one or more lines. */
typedef struct prow {
	char *text[MAXC];
	int line[MAXC], x0[MAXC];
	int top, bot;    /* its lines' extent */
	int first, last; /* first and last PDF line (ys_line.line) */
	int page;
	int anchor;      /* the line with most cells */
	int anchor_n;
} prow;

typedef struct rows {
	prow *v;
	int n, cap;
} rows;

static void rows_free(rows *R)
{
	for (int i = 0; i < R->n; i++)
		for (int c = 0; c < MAXC; c++)
			free(R->v[i].text[c]);
	free(R->v);
	memset(R, 0, sizeof *R);
}

static int starts_ordinal(const char *s)
{
	static const char *const ord[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL };
	const char *p = s;
	int any = 0;
	for (;;) {
		int hit = 0;
		for (int i = 0; ord[i]; i++)
			if (!strncmp(p, ord[i], strlen(ord[i]))) {
				p += strlen(ord[i]);
				hit = any = 1;
			}
		if (!hit)
			break;
	}
	return any && (!strncmp(p, "、", strlen("、")) || *p == '.' || !strncmp(p, "．", strlen("．")));
}

static int code_start(const char *s)
{
	int d = 0;
	while (is_digit(s[d]))
		d++;
	return d >= 2 && !amount_like(s);
}

static int is_ind1(sp *r, const char *s)
{
	static const char *const ind1[] = { "产出指标", "效益指标", "满意度指标", "成本指标", NULL };
	key(&r->k1, s);
	for (int i = 0; ind1[i]; i++)
		if (!strcmp(r->k1.s, ind1[i]))
			return 1;
	return 0;
}

static int ends_with(const char *s, const char *suf)
{
	size_t n = strlen(s), k = strlen(suf);
	return n >= k && !strcmp(s + n - k, suf);
}

/* Does text s, in a column of kind k where the row has text have already,
 * begin another row's cell there (rather than continue a wrapped one)? */
static int starts_cell(sp *r, ys_colkind k, const char *have, const char *s)
{
	switch (k) {
	case YS_CK_AMOUNT:
		return amount_like(s);
	case YS_CK_CODE:
	case YS_CK_CODENAME:
	case YS_CK_PROJECT:
		return code_start(s);
	case YS_CK_CATEGORY:
		return (s[0] >= 'A' && s[0] <= 'C' && (s[1] == '-' || s[1] == 0)) || code_start(s);
	case YS_CK_LABEL:
		key(&r->k1, s);
		return starts_ordinal(s) || ys_is_total_label(s) || strstr(r->k1.s, "合计") || strstr(r->k1.s, "总计") ||
		       strstr(r->k1.s, "结转");
	case YS_CK_IND1:
		return is_ind1(r, have) || is_ind1(r, s);
	case YS_CK_IND2:
		key(&r->k1, have);
		return ends_with(r->k1.s, "指标");
	case YS_CK_VALUE:
		/* a figure is whole; a word value may wrap (优，持续保障单位车 / 辆使用) */
		return amount_like(have) || amount_like(s) || is_op(s);
	case YS_CK_OP:
	case YS_CK_MUNIT:
		return 1; /* short: they do not wrap */
	case YS_CK_TEXT:
		return code_start(s) && strchr(s, '-');
	default:
		return 0;
	}
}

static int cat(char **dst, const char *s)
{
	size_t a = *dst ? strlen(*dst) : 0, b = strlen(s);
	char *v = realloc(*dst, a + b + 1);
	if (!v)
		return -1;
	memcpy(v + a, s, b + 1);
	*dst = v;
	return 0;
}

/* Does text s in a column of kind k show that its line carries a row
 * (a figure, a code, a 一级指标 ...), rather than the wrapped rest of a
 * cell whose row is printed on another line? */
static int anchor_cell(sp *r, ys_colkind k, const char *s)
{
	if (ys_is_total_label(s))
		return 1;
	switch (k) {
	case YS_CK_NAME:
		return 0;
	case YS_CK_INDTEXT:
		/* table 13 runs the levels together: a row's starts with its 一级 */
		key(&r->k1, s);
		return !strncmp(r->k1.s, "产出指标", strlen("产出指标")) || !strncmp(r->k1.s, "效益指标", strlen("效益指标")) ||
		       !strncmp(r->k1.s, "满意度指标", strlen("满意度指标")) || !strncmp(r->k1.s, "成本指标", strlen("成本指标"));
	case YS_CK_IND2:
		key(&r->k1, s);
		return ends_with(r->k1.s, "指标") && ys_utf8_count(r->k1.s, r->k1.len) >= 4;
	case YS_CK_TEXT:
		return code_start(s) && strchr(s, '-');
	case YS_CK_VALUE:
		/* a figure or a grade; a value in words wraps like any text */
		return fits(k, s) && ys_utf8_count(s, strlen(s)) < 5;
	case YS_CK_MUNIT:
		return fits(k, s);
	case YS_CK_LABEL:
		return 1;
	default:
		return starts_cell(r, k, "", s);
	}
}

/* One body line cut into def's columns. */
typedef struct pline {
	char *cell[MAXC];
	int x0[MAXC];
	int ncells, anchor;
	int row; /* the row it joins */
} pline;

static void pline_free(pline *pl, int n)
{
	for (int i = 0; i < n; i++)
		for (int c = 0; c < MAXC; c++)
			free(pl[i].cell[c]);
	free(pl);
}

/*
 * The body lines bl[] of one page, as rows of def's columns (only the
 * columns with use[c] set take part).  Lines that carry a row (anchors:
 * a figure, a code, a 一级指标 ...) make rows; a line close below an anchor
 * without a cell that starts anew where the row has one joins it (a code
 * printed above its centred figures).  Lines with only the wrapped rest of
 * a cell go to the nearest row: a label wrapped over three lines around
 * its row's figures sits both above and below them.
 */
static ys_result page_rows(sp *r, const ys_tabledef *def, const size_t *bl, int nbl, const int *bound,
                           const unsigned char *use, rows *R)
{
	const ys_lines *L = r->L;
	int n = def->ncols;
	pline *pl = calloc((size_t)(nbl ? nbl : 1), sizeof *pl);
	if (!pl)
		return ys_error(r->ctx, YS_ENOMEM, "内存不足");
	ys_result e = YS_OK;
	/* the lines' cells */
	for (int i = 0; i < nbl && !e; i++) {
		const ys_line *l = &L->v[bl[i]];
		pline *q = &pl[i];
		q->row = -1;
		for (int k = 0; k < l->nff && !e; k++) {
			const ys_frag *f = &l->ff[k];
			if (noise(r, f))
				continue;
			/* a fragment that runs over a column's edge (text printed past
			 * its cell) is cut there, character by character */
			int from = 0;
			/* a figure or a code is never cut: it goes where its middle is */
			int whole = !f->nch || amount_like(f->s) || code_start(f->s);
			while (from < (whole ? 1 : f->nch) && !e) {
				int c, to;
				if (whole) {
					c = col_at(bound, n, f->x0, f->x1);
					to = 1;
				} else {
					c = col_at(bound, n, f->chx[from], f->chx[from]);
					to = from + 1;
					while (to < f->nch && col_at(bound, n, f->chx[to], f->chx[to]) == c)
						to++;
				}
				size_t b0 = !whole ? (size_t)f->chb[from] : 0;
				size_t b1 = !whole && to < f->nch ? (size_t)f->chb[to] : strlen(f->s);
				int px0 = !whole && from ? f->chx[from] : f->x0;
				from = to;
				if (!use[c])
					continue;
				if (!q->cell[c]) {
					q->x0[c] = px0;
					q->ncells++;
				}
				char piece[1024];
				size_t len = b1 - b0 < sizeof piece - 1 ? b1 - b0 : sizeof piece - 1;
				memcpy(piece, f->s + b0, len);
				piece[len] = 0;
				if (cat(&q->cell[c], piece))
					e = ys_error(r->ctx, YS_ENOMEM, "内存不足");
			}
		}
		for (int c = 0; c < n && !q->anchor; c++)
			q->anchor = q->cell[c] && anchor_cell(r, def->cols[c].kind, q->cell[c]);
	}
	/* rows from the anchors */
	int first = R->n, last_anchor = -1;
	for (int i = 0; i < nbl && !e; i++) {
		pline *q = &pl[i];
		if (!q->ncells || !q->anchor)
			continue;
		const ys_line *l = &L->v[bl[i]];
		int join = 0;
		if (last_anchor >= 0) {
			/* the row so far: its cells from its anchor lines */
			const ys_line *pl2 = &L->v[bl[last_anchor]];
			int rowi = pl[last_anchor].row;
			join = (l->y - pl2->y) * 10 <= l->h * 11;
			for (int c = 0; c < n && join; c++) {
				const char *have = NULL;
				for (int j = 0; j < i && !have; j++)
					if (pl[j].row == rowi && pl[j].cell[c])
						have = pl[j].cell[c];
				if (q->cell[c] && have && starts_cell(r, def->cols[c].kind, have, q->cell[c]))
					join = 0;
			}
		}
		if (!join) {
			if (R->n == R->cap) {
				int cap = R->cap ? R->cap * 2 : 64;
				prow *v = realloc(R->v, sizeof *v * (size_t)cap);
				if (!v) {
					e = ys_error(r->ctx, YS_ENOMEM, "内存不足");
					break;
				}
				R->v = v;
				R->cap = cap;
			}
			prow *p = &R->v[R->n];
			memset(p, 0, sizeof *p);
			p->top = l->y;
			p->bot = l->y + l->h;
			p->first = p->last = l->line;
			p->page = l->page;
			p->anchor = l->line;
			q->row = R->n++;
		} else {
			q->row = pl[last_anchor].row;
		}
		last_anchor = i;
	}
	/* the wrapped rests: to the nearest row on the page */
	for (int i = 0; i < nbl && !e && R->n > first; i++) {
		pline *q = &pl[i];
		if (!q->ncells || q->row >= 0)
			continue;
		const ys_line *l = &L->v[bl[i]];
		/* the anchors above and below */
		int ja = -1, jb = -1;
		for (int j = i - 1; j >= 0 && ja < 0; j--)
			if (pl[j].anchor && pl[j].row >= 0)
				ja = j;
		for (int j = i + 1; j < nbl && jb < 0; j++)
			if (pl[j].anchor && pl[j].row >= 0)
				jb = j;
		int to_above = jb < 0;
		if (ja >= 0 && jb >= 0) {
			/* nothing goes before a cell that starts with its code or its
			 * ordinal, or is a figure or a word whole in itself
			 * (2080506-机关事业单位职业年金 / 缴费支出 continues the row
			 * above, even when the next row is nearer; so does the last
			 * line of a value in words above the next row's 30) */
			int before_code = 0;
			for (int c = 0; c < n && !before_code; c++)
				before_code = q->cell[c] && pl[jb].cell[c] &&
				              (code_start(pl[jb].cell[c]) || starts_ordinal(pl[jb].cell[c]) ||
				               amount_like(pl[jb].cell[c]) || is_op(pl[jb].cell[c]) || is_ind1(r, pl[jb].cell[c]));
			/* else the nearer: the row above by its lowest line so far (a
			 * cell wrapped over several lines below its anchor), the row
			 * below by its anchor */
			int low = ja;
			for (int j = ja + 1; j < i; j++)
				if (pl[j].row == pl[ja].row)
					low = j;
			long da = labs((long)L->v[bl[low]].y - l->y), db = labs((long)L->v[bl[jb]].y - l->y);
			to_above = before_code || da <= db;
		}
		q->row = to_above ? (ja >= 0 ? pl[ja].row : -1) : pl[jb].row;
	}
	/* the rows' cells: their lines' cells in order */
	for (int i = 0; i < nbl && !e; i++) {
		pline *q = &pl[i];
		if (q->row < 0)
			continue;
		const ys_line *l = &L->v[bl[i]];
		prow *p = &R->v[q->row];
		for (int c = 0; c < n && !e; c++) {
			if (!q->cell[c])
				continue;
			if (!p->text[c]) {
				p->text[c] = q->cell[c];
				p->line[c] = l->line;
				p->x0[c] = q->x0[c];
				q->cell[c] = NULL;
			} else if (cat(&p->text[c], q->cell[c])) {
				e = ys_error(r->ctx, YS_ENOMEM, "内存不足");
			}
		}
		if (q->anchor && q->ncells > p->anchor_n) {
			p->anchor_n = q->ncells;
			p->anchor = l->line;
		}
		if (l->y < p->top)
			p->top = l->y;
		if (l->y + l->h > p->bot)
			p->bot = l->y + l->h;
		if (l->line < p->first)
			p->first = l->line;
		if (l->line > p->last)
			p->last = l->line;
	}
	pline_free(pl, nbl);
	return e;
}

/* ---- one table ---------------------------------------------------------------- */

typedef struct tpage {
	int page;
	size_t *bl; /* body lines */
	int nbl;
} tpage;

/* Table 12: the project cells (code-name, 项目总额, 财政资金, 其他资金, 绩效
 * 目标) are merged over the project's indicator rows and printed centred on
 * them; each project's run of rows is the one its name is centred on. */
typedef struct proj {
	char *text[MAXC];
	int line[MAXC], x0[MAXC];
	int page, top, bot; /* its name's extent */
	int r0, r1;         /* its rows [r0, r1) in the table's rows */
} proj;

static int is_pcol(int c) { return c == YS_C12_NAME || c == YS_C12_TOTAL || c == YS_C12_FISCAL || c == YS_C12_OTHER || c == YS_C12_GOAL; }

static ys_result projects(sp *r, const ys_tabledef *def, tpage *pg, int npg, const int *bound, rows *R, proj **out,
                          int *nout)
{
	const ys_lines *L = r->L;
	proj *P = NULL;
	int np = 0, cap = 0;
	ys_result e = YS_OK;
	/* goal text: (page, y, text) pieces, given to projects afterwards */
	typedef struct piece {
		int page, y, line, x0;
		char *s;
	} piece;
	piece *G = NULL;
	int ng = 0, gcap = 0;
	int prev_end = 0; /* rows of earlier pages all belong */
	for (int p = 0; p < npg && !e; p++) {
		/* the names on this page: a name starts with a project code; the
		 * lines that follow it in the name column continue it */
		int p0 = np;
		for (int i = 0; i < pg[p].nbl && !e; i++) {
			const ys_line *l = &L->v[pg[p].bl[i]];
			for (int k = 0; k < l->nff && !e; k++) {
				int c = col_at(bound, def->ncols, l->ff[k].x0, l->ff[k].x1);
				if (!is_pcol(c) || noise(r, &l->ff[k]))
					continue;
				const char *s = l->ff[k].s;
				if (c == YS_C12_GOAL) {
					if (ng == gcap) {
						gcap = gcap ? gcap * 2 : 64;
						piece *v = realloc(G, sizeof *v * (size_t)gcap);
						if (!v) {
							e = ys_error(r->ctx, YS_ENOMEM, "内存不足");
							break;
						}
						G = v;
					}
					G[ng] = (piece){ l->page, l->y + l->h / 2, l->line, l->ff[k].x0, strdup(s) };
					if (!G[ng].s)
						e = ys_error(r->ctx, YS_ENOMEM, "内存不足");
					ng++;
					continue;
				}
				proj *q = np > p0 ? &P[np - 1] : NULL;
				/* a project code starts a name, unless the name above is still
				 * printing its code (11000021Y000000 / 390848-公务用车购置项目) */
				int fresh = c == YS_C12_NAME && code_start(s) &&
				            !(q && q->text[YS_C12_NAME] && !strchr(q->text[YS_C12_NAME], '-') &&
				              q->bot + l->h * 2 >= l->y);
				/* an amount or a name piece continues the nearest name above
				 * on this page, unless it starts a new one */
				if (!fresh && q && (c != YS_C12_NAME || q->bot + l->h * 2 >= l->y)) {
					if (!q->text[c]) {
						q->line[c] = l->line;
						q->x0[c] = l->ff[k].x0;
					}
					if (c != YS_C12_NAME && q->text[c])
						continue; /* one figure per project */
					if (cat(&q->text[c], s))
						e = ys_error(r->ctx, YS_ENOMEM, "内存不足");
					if (c == YS_C12_NAME && l->y + l->h > q->bot)
						q->bot = l->y + l->h;
					continue;
				}
				if (!fresh && c != YS_C12_NAME)
					continue; /* a figure before any name on the page: no place for it */
				if (np == cap) {
					cap = cap ? cap * 2 : 32;
					proj *v = realloc(P, sizeof *v * (size_t)cap);
					if (!v) {
						e = ys_error(r->ctx, YS_ENOMEM, "内存不足");
						break;
					}
					P = v;
				}
				q = &P[np++];
				memset(q, 0, sizeof *q);
				q->page = l->page;
				q->top = l->y;
				q->bot = l->y + l->h;
				q->line[c] = l->line;
				q->x0[c] = l->ff[k].x0;
				q->text[c] = strdup(s);
				if (!q->text[c])
					e = ys_error(r->ctx, YS_ENOMEM, "内存不足");
			}
		}
		if (e)
			break;
		/* amounts printed beside the name's middle line were taken by the
		 * name above only when they follow it; an amount line that comes
		 * first (centred above a 3-line name) is fine too: handled above */
		/* rows of this page */
		int ra = prev_end, rb = ra;
		while (rb < R->n && R->v[rb].page == pg[p].page)
			rb++;
		prev_end = rb;
		int k = np - p0;
		if (k == 0)
			continue; /* every row continues the project before */
		/* dp over the page's rows: project j takes rows [s, t); rows
		 * before the first are the previous page's project's, rows after
		 * the last the next page's */
		int m = rb - ra;
		long *D = malloc(sizeof(long) * (size_t)(k + 1) * (size_t)(m + 1));
		int *W = malloc(sizeof(int) * (size_t)(k + 1) * (size_t)(m + 1));
		if (!D || !W) {
			free(D);
			free(W);
			e = ys_error(r->ctx, YS_ENOMEM, "内存不足");
			break;
		}
		const long INF = LONG_MAX / 4;
#define DD(j, t) D[(j) * (m + 1) + (t)]
#define WW(j, t) W[(j) * (m + 1) + (t)]
		int first_page = p == 0, last_page = p == npg - 1;
		for (int t = 0; t <= m; t++) {
			DD(0, t) = first_page && t > 0 ? INF : 0; /* rows [0, t) before the first project */
			WW(0, t) = 0;
		}
		/* the page's last name printed below every row: its merged cell
		 * runs on over the page break, the text centred on the whole cell,
		 * so its part here is every row from where it starts */
		int spills = 0;
		if (!last_page && m > 0) {
			const proj *q = &P[p0 + k - 1];
			const prow *lr = &R->v[ra + m - 1];
			spills = q->top > (lr->top + lr->bot) / 2;
		}
		for (int j = 1; j <= k; j++) {
			const proj *q = &P[p0 + j - 1];
			int c2 = q->top + q->bot; /* twice the name's centre */
			for (int t = 0; t <= m; t++) {
				if (spills && j == k && t < m) {
					DD(j, t) = INF;
					WW(j, t) = 0;
					continue;
				}
				DD(j, t) = INF;
				WW(j, t) = 0;
				for (int s = 0; s <= t; s++) {
					if (DD(j - 1, s) >= INF)
						continue;
					long cost;
					if (s == t) {
						cost = 10000; /* a project without indicators */
					} else if (spills && j == k) {
						cost = R->v[ra + s].top > q->top + 20 ? 100000 : 0;
					} else {
						int top = R->v[ra + s].top, bot = R->v[ra + t - 1].bot;
						cost = labs((long)(top + bot) - c2);
						if (top > q->top + 20 || bot < q->bot - 20)
							cost += 100000; /* the name outside its rows */
					}
					if (DD(j - 1, s) + cost < DD(j, t)) {
						DD(j, t) = DD(j - 1, s) + cost;
						WW(j, t) = s;
					}
				}
			}
		}
		long bestv = INF;
		int bt = m;
		for (int t = 0; t <= m; t++) {
			long v = DD(k, t) + (last_page && t < m ? INF / 2 : 0);
			if (v < bestv) {
				bestv = v;
				bt = t;
			}
		}
		for (int j = k, t = bt; j >= 1; j--) {
			int s = WW(j, t);
			P[p0 + j - 1].r0 = ra + s;
			P[p0 + j - 1].r1 = ra + t;
			t = s;
		}
#undef DD
#undef WW
		free(D);
		free(W);
	}
	/* rows between projects' runs (continued across pages) join the
	 * project before them, or the first project */
	for (int j = 0; j < np && !e; j++) {
		int next = j + 1 < np ? P[j + 1].r0 : R->n;
		if (P[j].r1 < next && P[j].r1 >= P[j].r0 && (j + 1 == np || P[j + 1].page != P[j].page))
			P[j].r1 = next;
		if (j == 0 && P[0].r0 > 0)
			P[0].r0 = 0;
		if (j + 1 < np && P[j + 1].page != P[j].page && P[j + 1].r0 > P[j].r1)
			P[j].r1 = P[j + 1].r0;
	}
	/* rows before a page's first project that the DP left to the project
	 * of an earlier page */
	for (int j = 1; j < np; j++)
		if (P[j - 1].r1 < P[j].r0)
			P[j - 1].r1 = P[j].r0;
	/* goal pieces: to the project whose rows' extent holds them, else the
	 * nearest on the page */
	for (int g = 0; g < ng && !e; g++) {
		int best = -1;
		long bd = LONG_MAX;
		for (int j = 0; j < np; j++) {
			int top = INT_MAX, bot = INT_MIN, on = 0;
			for (int i = P[j].r0; i < P[j].r1; i++)
				if (R->v[i].page == G[g].page) {
					on = 1;
					if (R->v[i].top < top)
						top = R->v[i].top;
					if (R->v[i].bot > bot)
						bot = R->v[i].bot;
				}
			if (P[j].page == G[g].page) {
				on = 1;
				if (P[j].top < top)
					top = P[j].top;
				if (P[j].bot > bot)
					bot = P[j].bot;
			}
			if (!on)
				continue;
			long d = G[g].y < top ? top - G[g].y : G[g].y > bot ? G[g].y - bot : 0;
			if (d < bd) {
				bd = d;
				best = j;
			}
		}
		if (best < 0)
			best = np - 1;
		if (best >= 0) {
			proj *q = &P[best];
			if (!q->text[YS_C12_GOAL]) {
				q->line[YS_C12_GOAL] = G[g].line;
				q->x0[YS_C12_GOAL] = G[g].x0;
			}
			if (cat(&q->text[YS_C12_GOAL], G[g].s))
				e = ys_error(r->ctx, YS_ENOMEM, "内存不足");
		}
	}
	for (int g = 0; g < ng; g++)
		free(G[g].s);
	free(G);
	/* a project printed again on the next page (its merged cells split at
	 * the page break, each part with the name) is one project */
	for (int j = 1; j < np && !e;) {
		proj *a = &P[j - 1], *b = &P[j];
		char ca[64], cb[64];
		const char *na, *nb;
		if (b->page == a->page || !a->text[YS_C12_NAME] || !b->text[YS_C12_NAME] ||
		    !ys_split_project(a->text[YS_C12_NAME], ca, &na) || !ys_split_project(b->text[YS_C12_NAME], cb, &nb) ||
		    strcmp(ca, cb)) {
			j++;
			continue;
		}
		if (b->r1 > a->r1)
			a->r1 = b->r1;
		/* the goal goes on in the second part, unless it is printed again */
		const char *gb = b->text[YS_C12_GOAL];
		if (gb && (!a->text[YS_C12_GOAL] || strncmp(a->text[YS_C12_GOAL], gb, strlen(gb) < 30 ? strlen(gb) : 30)))
			if (cat(&a->text[YS_C12_GOAL], gb))
				e = ys_error(r->ctx, YS_ENOMEM, "内存不足");
		for (int c = 0; c < MAXC; c++)
			free(b->text[c]);
		memmove(b, b + 1, sizeof *b * (size_t)(np - j - 1));
		np--;
	}
	*out = P;
	*nout = np;
	return e;
}

static void projs_free(proj *P, int np)
{
	for (int j = 0; j < np; j++)
		for (int c = 0; c < MAXC; c++)
			free(P[j].text[c]);
	free(P);
}

static ys_result emit_row(sp *r, const ys_tabledef *def, const prow *p, const proj *q)
{
	pcell c[MAXC];
	for (int i = 0; i < def->ncols; i++) {
		const char *s = p ? p->text[i] : NULL;
		int line = p ? p->line[i] : 0, x0 = p ? p->x0[i] : 0;
		if (q && is_pcol(i)) {
			s = q->text[i];
			line = q->line[i];
			x0 = q->x0[i];
		}
		c[i] = (pcell){ s ? s : "", line ? line : (p ? p->anchor : 0), x0 };
	}
	return emit(r, c, def->ncols, p ? p->anchor : q->line[YS_C12_NAME], p ? p->page : q->page);
}

/* Table 13, a form: 单位名称, the amounts under their headings, 整体绩效目标
 * and 其他说明 (each label centred on its text), then the indicators. */
static ys_result form13(sp *r, const ys_tabledef *def, tpage *pg, int npg)
{
	const ys_lines *L = r->L;
	ys_result e = YS_OK;
	/* all lines of the form in order */
	size_t *v = NULL;
	int n = 0;
	for (int p = 0; p < npg; p++)
		n += pg[p].nbl;
	v = malloc(sizeof *v * (size_t)(n ? n : 1));
	if (!v)
		return ys_error(r->ctx, YS_ENOMEM, "内存不足");
	n = 0;
	for (int p = 0; p < npg; p++)
		for (int i = 0; i < pg[p].nbl; i++)
			v[n++] = pg[p].bl[i];
	/* the indicators' header, the amounts line and the labels */
	int ihead = -1, amt = -1, unitl = -1, goal_l = -1, notes_l = -1;
	for (int i = 0; i < n; i++) {
		const ys_line *l = &L->v[v[i]];
		int acts = 0, ops = 0, amounts = 0;
		for (int k = 0; k < l->nff; k++) {
			key(&r->k1, l->ff[k].s);
			const char *s = r->k1.s;
			acts += !strcmp(s, "活动") || !strcmp(s, "指标性质") || !strcmp(s, "指标值") || !strcmp(s, "度量单位") ||
			        !strcmp(s, "绩效指标");
			ops += !strcmp(s, "指标性质");
			amounts += amount_like(l->ff[k].s);
			if ((strstr(s, "单位名称") || strstr(s, "部门名称")) && unitl < 0)
				unitl = i;
			if (strstr(s, "整体绩效目标") && goal_l < 0 && ihead < 0)
				goal_l = i;
			if (strstr(s, "其他说明") && notes_l < 0)
				notes_l = i;
		}
		if (acts >= 3 && ops && ihead < 0)
			ihead = i;
		if (amounts >= 1 && amt < 0 && ihead < 0)
			amt = i;
	}
	const char *unitname = "";
	int unitline = 0, unitx = 0;
	if (unitl >= 0) {
		const ys_line *l = &L->v[v[unitl]];
		for (int k = 0; k < l->nf; k++) {
			key(&r->k1, l->f[k].s);
			if (strstr(r->k1.s, "单位名称") || strstr(r->k1.s, "部门名称")) {
				const char *rest = strstr(l->f[k].s, "名称") + strlen("名称");
				if (*rest == ':' || !strncmp(rest, "：", strlen("：")))
					rest += *rest == ':' ? 1 : strlen("：");
				if (*rest) {
					unitname = rest;
					unitline = l->line;
					unitx = l->f[k].x0;
				} else if (k + 1 < l->nf) {
					unitname = l->f[k + 1].s;
					unitline = l->line;
					unitx = l->f[k + 1].x0;
				}
				break;
			}
		}
	}
	int page0 = npg ? pg[0].page : 0;
	pcell c[8];
	for (int i = 0; i < 8; i++)
		c[i] = (pcell){ "", unitline, 0 };
	c[0].s = "单位名称";
	c[2] = (pcell){ unitname, unitline, unitx };
	e = emit(r, c, 8, unitline, page0);
	/* the amounts: columns from their headings (the lines above them) */
	if (!e && amt >= 0) {
		static const char *const leaves[7] = { "预算支出总额", "合计", "基本支出", "项目支出", "合计", "基本支出", "项目支出" };
		size_t hl[16];
		int nhl = 0;
		for (int i = amt - 1; i >= 0 && nhl < 16 && i > unitl; i--)
			hl[nhl++] = v[i];
		/* top to bottom */
		for (int a = 0, b = nhl - 1; a < b; a++, b--) {
			size_t t = hl[a];
			hl[a] = hl[b];
			hl[b] = t;
		}
		stack st[MAXSTACKS];
		int ns = stacks_make(L, hl, nhl, st);
		int x0[7], x1[7], cx[7];
		/* a def with just these seven leaves */
		ys_coldef cols[7];
		for (int i = 0; i < 7; i++)
			cols[i] = (ys_coldef){ "a", leaves[i], YS_CK_AMOUNT, 0, 0, 0 };
		ys_tabledef d7 = *def;
		d7.ncols = 7;
		d7.cols = cols;
		d7.layout = NULL;
		int got = match_columns(r, &d7, st, ns, x0, x1);
		const ys_line *l = &L->v[v[amt]];
		for (int i = 0; i < 8; i++)
			c[i] = (pcell){ "", l->line, 0 };
		if (got >= 4) {
			for (int i = 0; i < 7; i++)
				cx[i] = x0[i] >= 0 ? (x0[i] + x1[i]) / 2 : -1;
			/* unmatched: between their neighbours */
			for (int i = 0; i < 7; i++)
				if (cx[i] < 0) {
					int a = i - 1, b = i + 1;
					while (b < 7 && cx[b] < 0)
						b++;
					cx[i] = a >= 0 && b < 7 ? cx[a] + (cx[b] - cx[a]) / (b - a) : a >= 0 ? cx[a] + 400 : cx[b] - 400;
				}
			int bound[7];
			size_t one = v[amt];
			ys_colkind k7[7];
			for (int i = 0; i < 7; i++)
				k7[i] = YS_CK_AMOUNT;
			gutters(r, L, &one, 1, k7, cx, x0, x1, 7, bound);
			for (int k = 0; k < l->nff; k++)
				if (amount_like(l->ff[k].s)) {
					int col = col_at(bound, 7, l->ff[k].x0, l->ff[k].x1);
					c[1 + col] = (pcell){ l->ff[k].s, l->line, l->ff[k].x0 };
				}
		} else {
			/* in order, as printed */
			int col = 1;
			for (int k = 0; k < l->nff && col < 8; k++)
				if (amount_like(l->ff[k].s))
					c[col++] = (pcell){ l->ff[k].s, l->line, l->ff[k].x0 };
		}
		e = emit_layout(r, def, l->line, l->page);
		/* emit_layout wrote all three layout rows; the text reader takes
		 * the indicator heading there as a header too */
		if (!e)
			e = emit(r, c, 8, l->line, l->page);
	}
	/* 整体绩效目标 and 其他说明: the text right of the labels between the
	 * amounts and the indicators, each line to the label nearest it */
	int end = ihead >= 0 ? ihead : n;
	int labx = INT_MAX; /* where the text starts: right of the labels */
	for (int i = amt + 1; i < end; i++) {
		const ys_line *l = &L->v[v[i]];
		for (int k = 0; k < l->nf; k++) {
			key(&r->k1, l->f[k].s);
			if (strstr(r->k1.s, "整体绩效目标") || strstr(r->k1.s, "其他说明"))
				if (l->f[k].x1 < labx || labx == INT_MAX)
					labx = l->f[k].x1;
		}
	}
	char *goal = NULL, *notes = NULL;
	int gline = 0, nline = 0, gx = 0, nx = 0;
	int gy = goal_l >= 0 && goal_l < end ? L->v[v[goal_l]].y : INT_MIN / 2;
	int ny = notes_l >= 0 && notes_l < end ? L->v[v[notes_l]].y : INT_MAX / 2;
	/* the text lines fall into blocks (a gap wider than 1.3 times
	 * their pitch parts them); a block goes to the label its middle is
	 * nearest */
	int ty[256], nt = 0, pitch = INT_MAX;
	for (int i = amt + 1; i < end && nt < 256; i++) {
		const ys_line *l = &L->v[v[i]];
		int text = 0;
		for (int k = 0; k < l->nf && !text; k++) {
			key(&r->k1, l->f[k].s);
			text = !(labx != INT_MAX && l->f[k].x1 <= labx) && !strstr(r->k1.s, "整体绩效目标") &&
			       !strstr(r->k1.s, "其他说明");
		}
		if (!text)
			continue;
		if (nt && l->y - ty[nt - 1] > 0 && l->y - ty[nt - 1] < pitch)
			pitch = l->y - ty[nt - 1];
		ty[nt++] = l->y;
	}
	int bmid[256]; /* each text line's block middle */
	for (int t0 = 0; t0 < nt;) {
		int t1 = t0 + 1;
		while (t1 < nt && (ty[t1] - ty[t1 - 1]) * 10 <= pitch * 13)
			t1++;
		for (int t = t0; t < t1; t++)
			bmid[t] = (ty[t0] + ty[t1 - 1]) / 2;
		t0 = t1;
	}
	for (int i = amt + 1; i < end && !e; i++) {
		const ys_line *l = &L->v[v[i]];
		for (int k = 0; k < l->nf && !e; k++) {
			if (labx != INT_MAX && l->f[k].x1 <= labx)
				continue;
			key(&r->k1, l->f[k].s);
			if (strstr(r->k1.s, "整体绩效目标") || strstr(r->k1.s, "其他说明"))
				continue;
			int mid = l->y;
			for (int t = 0; t < nt; t++)
				if (ty[t] == l->y)
					mid = bmid[t];
			int to_notes = abs(mid - ny) < abs(mid - gy);
			/* text beside its label, on the label's line, is that label's */
			for (int k2 = 0; k2 < l->nf; k2++) {
				key(&r->k2, l->f[k2].s);
				if (strstr(r->k2.s, "其他说明"))
					to_notes = 1;
				else if (strstr(r->k2.s, "整体绩效目标"))
					to_notes = 0;
			}
			char **dst = to_notes ? &notes : &goal;
			if (!*dst) {
				*(to_notes ? &nline : &gline) = l->line;
				*(to_notes ? &nx : &gx) = l->f[k].x0;
			}
			if (cat(dst, l->f[k].s))
				e = ys_error(r->ctx, YS_ENOMEM, "内存不足");
		}
	}
	if (!e) {
		for (int i = 0; i < 8; i++)
			c[i] = (pcell){ "", gline, 0 };
		c[0].s = "整体绩效目标";
		c[1] = (pcell){ goal ? goal : "", gline, gx };
		e = emit(r, c, 8, gline, page0);
	}
	if (!e) {
		for (int i = 0; i < 8; i++)
			c[i] = (pcell){ "", nline, 0 };
		c[0].s = "其他说明";
		c[1] = (pcell){ notes ? notes : "", nline, nx };
		e = emit(r, c, 8, nline, page0);
	}
	free(goal);
	free(notes);
	/* the indicators: activity, the levels run together, 性质, 值, 单位 */
	if (!e && ihead >= 0) {
		static const char *const leaves[5] = { "活动", "绩效指标", "指标性质", "指标值", "度量单位" };
		static const int slot[5] = { 1, 2, 4, 5, 6 };
		static const ys_colkind kinds[5] = { YS_CK_TEXT, YS_CK_INDTEXT, YS_CK_OP, YS_CK_VALUE, YS_CK_MUNIT };
		size_t hl = v[ihead];
		stack st[MAXSTACKS];
		int ns = stacks_make(L, &hl, 1, st);
		ys_coldef cols[5];
		for (int i = 0; i < 5; i++)
			cols[i] = (ys_coldef){ "i", leaves[i], kinds[i], 0, 0, 0 };
		ys_tabledef d5 = *def;
		d5.ncols = 5;
		d5.cols = cols;
		d5.layout = NULL;
		int x0[5], x1[5], cx[5], bound[5];
		int got = match_columns(r, &d5, st, ns, x0, x1);
		if (got >= 4) {
			for (int i = 0; i < 5; i++)
				cx[i] = x0[i] >= 0 ? (x0[i] + x1[i]) / 2 : (i ? cx[i - 1] + 400 : 0);
			/* the body: lines after the heading, without the left label
			 * column (整体绩效目标 printed over the indicators) */
			size_t *bl = v + ihead + 1;
			int nbl = n - ihead - 1;
			gutters(r, L, bl, nbl, kinds, cx, x0, x1, 5, bound);
			/* the label column left of 活动 (整体绩效目标 printed over the
			 * indicators) holds nothing of a row */
			int leftmost = INT_MIN / 2;
			for (int i = 0; i < nbl; i++) {
				const ys_line *bl1 = &L->v[bl[i]];
				for (int k = 0; k < bl1->nff; k++) {
					key(&r->k1, bl1->ff[k].s);
					if (r->k1.len >= 6 && strstr("整体绩效目标", r->k1.s) && bl1->ff[k].x1 < cx[0] &&
					    bl1->ff[k].x1 + 30 > leftmost)
						leftmost = bl1->ff[k].x1 + 30;
				}
			}
			unsigned char use[MAXC];
			memset(use, 1, sizeof use);
			/* rows by page, with the labels on the left dropped */
			rows R = { 0 };
			for (int p = 0; p < npg && !e; p++) {
				size_t *pl = malloc(sizeof *pl * (size_t)(nbl ? nbl : 1));
				int np2 = 0;
				if (!pl) {
					e = ys_error(r->ctx, YS_ENOMEM, "内存不足");
					break;
				}
				for (int i = 0; i < nbl; i++)
					if (L->v[bl[i]].page == pg[p].page)
						pl[np2++] = bl[i];
				/* a def of the five indicator columns, and an ignored
				 * column left of them */
				ys_coldef c6[6];
				c6[0] = (ys_coldef){ "x", "", YS_CK_TEXT, 0, 0, 0 };
				memcpy(c6 + 1, cols, sizeof cols);
				ys_tabledef d6 = d5;
				d6.ncols = 6;
				d6.cols = c6;
				int b6[6];
				b6[0] = leftmost;
				memcpy(b6 + 1, bound, sizeof(int) * 4);
				unsigned char u6[MAXC];
				memset(u6, 1, sizeof u6);
				u6[0] = 0;
				e = page_rows(r, &d6, pl, np2, b6, u6, &R);
				free(pl);
			}
			for (int i = 0; i < R.n && !e; i++) {
				for (int k = 0; k < 8; k++)
					c[k] = (pcell){ "", R.v[i].anchor, 0 };
				for (int k = 0; k < 5; k++)
					if (R.v[i].text[k + 1])
						c[slot[k]] = (pcell){ R.v[i].text[k + 1], R.v[i].line[k + 1], R.v[i].x0[k + 1] };
				if (i && R.v[i].page != R.v[i - 1].page)
					e = emit_text(r, "", 0, 0);
				if (!e)
					e = emit(r, c, 8, R.v[i].anchor, R.v[i].page);
			}
			rows_free(&R);
		}
	}
	free(v);
	return e;
}

/* One table of the seed's layout: def, its title line ti, and its lines
 * [ti + 1, te) (other pages' repeated titles and headers included). */
static ys_result table(sp *r, const ys_tabledef *def, size_t ti, size_t te, const char *title)
{
	size_t at0;
	int tnum = numbering(title, &at0);
	const ys_lines *L = r->L;
	ys_seedmap *m = r->map;
	vocab V;
	vocab_make(&V, def, &r->k1);
	ys_result e = YS_OK;
	/* pages: header lines (first page), body lines */
	tpage pg[512];
	int npg = 0;
	size_t hl[32];
	int nhl = 0;
	const char *unit = NULL, *subtitle = NULL;
	int unit_line = 0;
	int page = -1, body_started = 0;
	int hfs[8] = { 0 }, nhfs = 0, bfs = -1; /* font sizes of the header, of the body */
	ys_buf jb = YS_BUF_INIT;
	for (size_t i = ti + 1; i < te && !e; i++) {
		const ys_line *l = &L->v[i];
		const char *jt = joined(r, l, &jb);
		if (l->page != page) {
			if (npg == (int)YS_ARRAY_LEN(pg))
				break;
			page = l->page;
			pg[npg].page = page;
			pg[npg].nbl = 0;
			pg[npg].bl = malloc(sizeof(size_t) * (te - i));
			if (!pg[npg].bl) {
				e = ys_error(r->ctx, YS_ENOMEM, "内存不足");
				break;
			}
			npg++;
			body_started = 0;
		}
		m->used[i] = 1;
		if (furniture(L, i))
			continue;
		size_t at;
		int num = numbering(jt, &at);
		if (num && num == tnum && (!body_started || l->nf <= 2))
			continue; /* the title again on a new page (some tools print it over the body) */
		if (strstr(jt, "单位：") || strstr(jt, "单位:")) {
			if (!unit) {
				unit = ys_arena_strdup(&m->arena, strstr(jt, "金额单位") ? strstr(jt, "金额单位") : strstr(jt, "单位"));
				unit_line = l->line;
			}
			if (!body_started)
				continue;
		}
		if (!body_started && l->nf == 1 && strstr(jt, "年度") && (jt[0] == '(' || !strncmp(jt, "（", 3))) {
			if (!subtitle)
				subtitle = ys_arena_strdup(&m->arena, jt);
			continue;
		}
		if (!body_started && def->id != YS_T13 && header_line(r, def, &V, l)) {
			if (npg == 1 && nhl < 32)
				hl[nhl++] = i;
			if (npg == 1 && nhfs < 8 && l->fs)
				hfs[nhfs++] = l->fs;
			continue;
		}
		/* a header printed over the body, in the header's type */
		int in_hfs = 0;
		for (int k = 0; k < nhfs; k++)
			in_hfs |= hfs[k] == l->fs;
		if (body_started && in_hfs && l->fs != bfs && def->id != YS_T13 && header_line(r, def, &V, l))
			continue;
		if (bfs < 0)
			bfs = l->fs;
		body_started = 1;
		pg[npg - 1].bl[pg[npg - 1].nbl++] = i;
	}
	ys_buf_release(&jb);
	r->tv = &V;
	memcpy(r->hfs, hfs, sizeof hfs);
	r->nhfs = nhfs;
	r->bfs = bfs;
	int nbody = 0;
	for (int p = 0; p < npg; p++)
		nbody += pg[p].nbl;
	int tpage0 = L->v[ti].page;
	if (!e)
		e = emit_text(r, title, L->v[ti].line, tpage0);
	if (!e && unit)
		e = emit_text(r, unit, unit_line, tpage0);
	if (!e && subtitle)
		e = emit_text(r, subtitle, L->v[ti].line, tpage0);
	if (e)
		goto out;
	if (def->id == YS_T13) {
		e = form13(r, def, pg, npg);
		goto out;
	}
	/* the columns */
	stack st[MAXSTACKS];
	int ns = stacks_make(L, hl, nhl, st);
	int x0[MAXC], x1[MAXC], cx[MAXC], bound[MAXC];
	int n = def->ncols;
	int got = match_columns(r, def, st, ns, x0, x1);
	if (got < 0) {
		e = ys_error(r->ctx, YS_ENOMEM, "内存不足");
		goto out;
	}
	e = emit_layout(r, def, nhl ? L->v[hl[0]].line : L->v[ti].line, tpage0);
	if (e)
		goto out;
	if (nbody && got * 2 < n + 1) {
		e = skip_table(r, title, L->v[ti].line, tpage0, "表头与本表的栏目对不上，未能读出各列", 0, 0);
		goto out;
	}
	for (int c = 0; c < n; c++)
		cx[c] = x0[c] >= 0 ? (x0[c] + x1[c]) / 2 : -1;
	for (int c = 0; c < n; c++)
		if (cx[c] < 0) {
			int a = c - 1, b = c + 1;
			while (b < n && cx[b] < 0)
				b++;
			cx[c] = a >= 0 && b < n ? cx[a] + (cx[b] - cx[a]) / (b - a) : a >= 0 ? cx[a] + 300 : b < n ? cx[b] - 300 * (b - c) : 0;
		}
	size_t *all = malloc(sizeof *all * (size_t)(nbody ? nbody : 1));
	if (!all) {
		e = ys_error(r->ctx, YS_ENOMEM, "内存不足");
		goto out;
	}
	int na = 0;
	for (int p = 0; p < npg; p++)
		for (int i = 0; i < pg[p].nbl; i++)
			all[na++] = pg[p].bl[i];
	ys_colkind kinds[MAXC];
	for (int c = 0; c < n; c++)
		kinds[c] = def->cols[c].kind;
	gutters(r, L, all, na, kinds, cx, x0, x1, n, bound);
	free(all);
	unsigned char use[MAXC];
	for (int c = 0; c < MAXC; c++)
		use[c] = c < n && !(def->id == YS_T12 && is_pcol(c));
	rows R = { 0 };
	for (int p = 0; p < npg && !e; p++)
		e = page_rows(r, def, pg[p].bl, pg[p].nbl, bound, use, &R);
	if (!e && def->id == YS_T12) {
		proj *P = NULL;
		int np = 0;
		e = projects(r, def, pg, npg, bound, &R, &P, &np);
		int lastpage = -1;
		for (int j = 0; j < np && !e; j++) {
			if (P[j].r1 <= P[j].r0) {
				e = emit_row(r, def, NULL, &P[j]);
				continue;
			}
			for (int i = P[j].r0; i < P[j].r1 && !e; i++) {
				if (lastpage >= 0 && R.v[i].page != lastpage)
					e = emit_text(r, "", 0, 0);
				lastpage = R.v[i].page;
				if (!e)
					e = emit_row(r, def, &R.v[i], i == P[j].r0 ? &P[j] : NULL);
			}
		}
		/* rows no project took (a table that starts mid-project) */
		if (!e && np == 0)
			for (int i = 0; i < R.n && !e; i++)
				e = emit_row(r, def, &R.v[i], NULL);
		projs_free(P, np);
	} else {
		for (int i = 0; i < R.n && !e; i++) {
			if (i && R.v[i].page != R.v[i - 1].page)
				e = emit_text(r, "", 0, 0);
			if (!e)
				e = emit_row(r, def, &R.v[i], NULL);
		}
	}
	rows_free(&R);
out:
	r->tv = NULL;
	r->nhfs = 0;
	vocab_free(&V);
	for (int p = 0; p < npg; p++)
		free(pg[p].bl);
	if (!e)
		e = emit_text(r, "", 0, 0);
	return e;
}

/* ---- the document ----------------------------------------------------------- */

/* The table a title names: by its words (a department that leaves a table
 * out numbers the rest on: 公安局's 预算12表 单位整体支出绩效目标表 is the
 * seed's 13), else by its number; NULL for numbers beyond the 13. */
static const ys_tabledef *title_def(sp *r, int num, const char *title)
{
	key(&r->k2, title);
	const char *k = r->k2.s;
	size_t kl = r->k2.len;
	const ys_tabledef *best = NULL;
	size_t blen = 0;
	ys_buf a = YS_BUF_INIT;
	for (int t = 0; t < YS_NTABLES; t++) {
		const ys_tabledef *d = ys_table_def((ys_tid)t);
		const char *p = d->title;
		for (int first = 1; p && *p; first = 0) {
			const char *bar = first ? NULL : strchr(p, '|');
			size_t l = first ? strlen(p) : bar ? (size_t)(bar - p) : strlen(p);
			char one[256];
			if (l < sizeof one) {
				memcpy(one, p, l);
				one[l] = 0;
				key(&a, one);
				if (a.len && a.len <= kl && !strcmp(k + kl - a.len, a.s) && a.len > blen) {
					blen = a.len;
					best = d;
				}
			}
			p = first ? d->aliases : bar ? bar + 1 : NULL;
		}
	}
	ys_buf_release(&a);
	if (best)
		return best;
	return num >= 1 && num <= YS_NTABLES ? ys_table_def((ys_tid)(num - 1)) : NULL;
}

/* Is line i the title of one of the seed's tables?  Returns its number (1..
 * 13; more for tables the seed does not have: 预算14表) and the title
 * text from the numbering on. */
static int title_at(sp *r, size_t i, ys_buf *jb, const char **title)
{
	const ys_lines *L = r->L;
	const ys_line *l = &L->v[i];
	const char *jt = joined(r, l, jb);
	size_t at;
	int num = numbering(jt, &at);
	if (!num)
		return 0;
	const char *t = jt + at;
	size_t tl = strlen(t);
	if (ys_utf8_count(t, tl) > 40 || strstr(t, "，") || strstr(t, "。") || strstr(t, "……") || strstr(t, "..."))
		return 0;
	/* a contents line ends in a page number */
	const ys_frag *last = &l->f[l->nf - 1];
	if (l->nf > 1 && amount_like(last->s) && !strchr(last->s, '.'))
		return 0;
	/* a title is followed soon by its unit line, its year or its header */
	int confirmed = 0;
	ys_buf b = YS_BUF_INIT;
	const ys_tabledef *def = num <= YS_NTABLES ? ys_table_def((ys_tid)(num - 1)) : NULL;
	vocab V = { .n = 0 };
	if (def)
		vocab_make(&V, def, &r->k1);
	for (size_t j = i + 1; j < L->n && j < i + 5 && !confirmed && L->v[j].page == l->page; j++) {
		const char *s = joined(r, &L->v[j], &b);
		confirmed = strstr(s, "单位：") || strstr(s, "单位:") || strstr(s, "年度") ||
		            (def && header_line(r, def, &V, &L->v[j]));
	}
	vocab_free(&V);
	ys_buf_release(&b);
	if (!confirmed)
		return 0;
	*title = t;
	return num;
}

int ys_seed_layout_lines(const ys_lines *L)
{
	sp r;
	memset(&r, 0, sizeof r);
	r.L = L;
	ys_buf jb = YS_BUF_INIT;
	unsigned seen = 0;
	int distinct = 0;
	for (size_t i = 0; i < L->n; i++) {
		const char *t;
		int num = title_at(&r, i, &jb, &t);
		if (num >= 1 && num <= YS_NTABLES && !(seen & (1u << num))) {
			seen |= 1u << num;
			distinct++;
		}
	}
	ys_buf_release(&jb);
	ys_buf_release(&r.k1);
	ys_buf_release(&r.k2);
	return distinct >= 2;
}

ys_result ys_seed_text(ys_ctx *ctx, const ys_lines *L, ys_buf *out, ys_seedmap *map)
{
	memset(map, 0, sizeof *map);
	ys_arena_init(&map->arena);
	map->used = calloc(L->n ? L->n : 1, 1);
	map->nused = L->n;
	if (!map->used)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	sp r;
	memset(&r, 0, sizeof r);
	r.ctx = ctx;
	r.L = L;
	r.out = out;
	r.map = map;
	ys_buf jb = YS_BUF_INIT;
	ys_result e = YS_OK;
	/* the tables' title lines */
	size_t i = 0;
	while (i < L->n && !e) {
		const char *t;
		int num = title_at(&r, i, &jb, &t);
		if (!num) {
			i++;
			continue;
		}
		char *title = strdup(t);
		if (!title) {
			e = ys_error(ctx, YS_ENOMEM, "内存不足");
			break;
		}
		/* the table runs to the next title of another table */
		size_t j = i + 1;
		for (; j < L->n; j++) {
			const char *t2;
			int n2 = title_at(&r, j, &jb, &t2);
			if (n2 && n2 != num)
				break;
		}
		map->used[i] = 1;
		const ys_tabledef *def = title_def(&r, num, title);
		if (!def) {
			e = skip_table(&r, title, L->v[i].line, L->v[i].page, "不是部门预算公开的 13 张表之一", i, j);
			for (size_t k = i + 1; k < j; k++)
				map->used[k] = 1;
		} else {
			e = table(&r, def, i, j, title);
		}
		free(title);
		i = j;
	}
	ys_buf_release(&jb);
	ys_buf_release(&r.k1);
	ys_buf_release(&r.k2);
	return e;
}

void ys_seed_remap(ys_doc *doc, const ys_seedmap *map)
{
	doc->paged = 1;
	for (int t = 0; t < YS_NTABLES; t++) {
		ys_table *tb = doc->tables[t];
		if (!tb)
			continue;
		const ys_seedline *tl = tb->line >= 1 && (size_t)tb->line <= map->nlines ? &map->lines[tb->line - 1] : NULL;
		tb->page = tl && tl->page ? tl->page : 1;
		if (tl)
			tb->line = tl->line;
		if (tb->unit_line >= 1 && (size_t)tb->unit_line <= map->nlines)
			tb->unit_line = map->lines[tb->unit_line - 1].line;
		for (int h = 0; h < tb->nheaders; h++)
			if (tb->headers[h].line >= 1 && (size_t)tb->headers[h].line <= map->nlines)
				tb->headers[h].line = map->lines[tb->headers[h].line - 1].line;
		for (int i = 0; i < tb->nrows; i++) {
			ys_row *row = &tb->rows[i];
			if (row->line < 1 || (size_t)row->line > map->nlines)
				continue;
			const ys_seedline *sl = &map->lines[row->line - 1];
			for (int c = 0; c < tb->def->ncols; c++) {
				ys_cell *cell = &row->cells[c];
				if (!cell->line)
					continue;
				/* the made cell that starts at the cell's column */
				for (int k = 0; k < sl->ncells; k++) {
					const ys_seedcell *mc = &map->cells[sl->cell0 + (size_t)k];
					int nextcol = k + 1 < sl->ncells ? map->cells[sl->cell0 + (size_t)k + 1].tcol : INT_MAX;
					if (cell->col >= mc->tcol && cell->col < nextcol) {
						cell->line = mc->line ? mc->line : sl->line;
						cell->col = 1 + mc->x0 / 60;
						break;
					}
				}
			}
			row->line = sl->line;
			row->page = (short)(sl->page ? sl->page : tb->page);
		}
		tb->end_line = tb->nrows ? tb->rows[tb->nrows - 1].line : tb->line;
	}
}

static int cmp_prose(const void *a, const void *b)
{
	const ys_textline *x = a, *y = b;
	return x->line < y->line ? -1 : x->line > y->line;
}

ys_result ys_seed_finish(ys_ctx *ctx, ys_doc *doc, const ys_lines *L, const ys_seedmap *m, const int *read)
{
	ys_result e = YS_OK;
	/* the lines no table took: the narrative, the cover, the contents */
	for (size_t i = 0; i < L->n && !e; i++) {
		if (m->used[i])
			continue;
		ys_buf b = YS_BUF_INIT;
		for (int k = 0; k < L->v[i].nf; k++)
			ys_buf_adds(&b, L->v[i].f[k].s);
		const char *s = ys_arena_strndup(&doc->arena, b.s, b.len);
		ys_buf_release(&b);
		if (!s) {
			e = ys_error(ctx, YS_ENOMEM, "内存不足");
			break;
		}
		if (doc->nprose % 256 == 0) {
			ys_textline *v = realloc(doc->prose, sizeof *v * (size_t)(doc->nprose + 256));
			if (!v) {
				e = ys_error(ctx, YS_ENOMEM, "内存不足");
				break;
			}
			doc->prose = v;
		}
		doc->prose[doc->nprose++] = (ys_textline){ s, L->v[i].line, L->v[i].page };
	}
	/* in the document's order (the general reader's were added first) */
	if (!e && doc->nprose > 1)
		qsort(doc->prose, (size_t)doc->nprose, sizeof *doc->prose, cmp_prose);
	for (int k = 0; k < m->nskipped && !e; k++) {
		if (read && read[k])
			continue;
		ys_unread *v = realloc(doc->unread, sizeof *v * (size_t)(doc->nunread + 1));
		if (!v) {
			e = ys_error(ctx, YS_ENOMEM, "内存不足");
			break;
		}
		doc->unread = v;
		const char *t = ys_arena_strdup(&doc->arena, m->skipped[k].title);
		v[doc->nunread++] = (ys_unread){ t ? t : "", m->skipped[k].line, m->skipped[k].page, m->skipped[k].why };
	}
	return e;
}
