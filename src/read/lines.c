/*
 * read/lines.c - documents as positioned lines (see lines.h).
 *
 * PDF: poppler gives each character of a page's text layer with its box.
 * Characters are grouped into visual lines by their vertical centre, and a
 * line into fragments where the gap between two characters is wider than a
 * character: the gutters between table columns.  Letter-spaced labels
 * (当 年 收 入) are joined again.  Whitespace is dropped.
 */
#include <errno.h>
#include <poppler.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "read/lines.h"
#include "yusuan/review.h"
#include "yusuan/text.h"
#include "base_int.h"

void ys_lines_init(ys_lines *L)
{
	memset(L, 0, sizeof *L);
	ys_arena_init(&L->arena);
}

void ys_lines_release(ys_lines *L)
{
	free(L->v);
	ys_arena_release(&L->arena);
	memset(L, 0, sizeof *L);
}

static ys_line *add_line(ys_lines *L)
{
	if (ys_grow((void **)&L->v, &L->cap, L->n + 1, sizeof *L->v))
		return NULL;
	ys_line *l = &L->v[L->n++];
	memset(l, 0, sizeof *l);
	return l;
}

/* ---- text ---- */

static int page_mark(const char *s, size_t n, int *page)
{
	/* "-- page 12 --" */
	if (n < 11 || strncmp(s, "-- page ", 8) != 0)
		return 0;
	int v = 0;
	size_t i = 8;
	while (i < n && s[i] >= '0' && s[i] <= '9' && v < 1000000)
		v = v * 10 + (s[i++] - '0');
	if (i == 8 || i + 3 > n || strncmp(s + i, " --", 3) != 0)
		return 0;
	*page = v;
	return 1;
}

ys_result ys_lines_from_text(ys_ctx *ctx, const char *name, const char *text, size_t len, ys_lines *L)
{
	const char *p = text, *end = text + len;
	int lineno = 0, page = 1;
	ys_frag tmp[YS_LINE_FRAGS_MAX];
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		lineno++;
		if ((size_t)(le - p) > YS_LINE_MAX)
			return ys_error(ctx, YS_ELIMIT, "%s:%d：一行超过 %zu 字节", name, lineno,
			                YS_LINE_MAX);
		int pg;
		if (page_mark(p, (size_t)(le - p), &pg)) {
			page = pg;
			if (pg > L->npages)
				L->npages = pg;
		} else if (!strncmp(p, "==== part ", 10)) {
			/* a second file of the same document: pages go on */
		} else {
			int nf = 0, col = 0, cp = 1;
			const char *c = p;
			while (c <= le) {
				const char *t = c;
				while (t < le && *t != '\t')
					t++;
				const char *s = c;
				size_t n = (size_t)(t - c);
				int lead = 0;
				while (n && (*s == ' ')) {
					s++, n--, lead++;
				}
				/* full-width spaces too */
				while (n >= 3 && !memcmp(s, "\xE3\x80\x80", 3)) {
					s += 3, n -= 3, lead++;
				}
				while (n && s[n - 1] == ' ')
					n--;
				if (n) {
					if (nf == YS_LINE_FRAGS_MAX)
						return ys_error(ctx, YS_ELIMIT, "%s:%d：一行超过 %d 个单元格", name,
						                lineno, YS_LINE_FRAGS_MAX);
					tmp[nf].s = ys_arena_strndup(&L->arena, s, n);
					if (!tmp[nf].s)
						return ys_error(ctx, YS_ENOMEM, "%s：内存不足", name);
					tmp[nf].x0 = col * YS_TAB_PITCH;
					tmp[nf].x1 = col * YS_TAB_PITCH + YS_TAB_PITCH - 1;
					tmp[nf].col = cp + lead;
					tmp[nf].chx = tmp[nf].chb = NULL;
					tmp[nf].nch = 0;
					tmp[nf].fs = 0;
					nf++;
				}
				cp += (int)ys_utf8_count(c, (size_t)(t - c)) + 1;
				if (++col > YS_LINE_COLS_MAX)
					return ys_error(ctx, YS_ELIMIT, "%s:%d：超过 %d 个以制表符分隔的列", name,
					                lineno, YS_LINE_COLS_MAX);
				c = t + 1;
			}
			if (nf) {
				ys_line *l = add_line(L);
				if (!l)
					return ys_error(ctx, YS_ENOMEM, "内存不足");
				l->page = page;
				l->line = lineno;
				l->y = lineno * 100;
				l->h = 100;
				l->nf = nf;
				l->f = ys_arena_alloc(&L->arena, sizeof *l->f * (size_t)nf);
				if (!l->f)
					return ys_error(ctx, YS_ENOMEM, "内存不足");
				memcpy(l->f, tmp, sizeof *l->f * (size_t)nf);
				l->ff = l->f;
				l->nff = nf;
			}
		}
		p = nl ? nl + 1 : end;
	}
	if (L->npages < 1)
		L->npages = 1;
	return YS_OK;
}

/* ---- PDF ---- */

typedef struct pchar {
	int x0, x1, y0, y1; /* tenths of a point */
	unsigned cp;        /* code point */
	const char *s;      /* its UTF-8 in the page text */
	int len;
	int fs;             /* font size, tenths of a point (0: unknown) */
} pchar;

/* A character box edge (poppler gives PopplerRectangle's doubles: a position
 * on the page, never an amount) in integer tenths of a point, clamped: a
 * hostile PDF can put text anywhere (or at NaN), and the int arithmetic
 * below must not overflow. */
static int coord(double v)
{
	if (!(v > -YS_PDF_COORD_MAX / 10.0)) /* NaN too */
		return -YS_PDF_COORD_MAX;
	if (v > YS_PDF_COORD_MAX / 10.0)
		return YS_PDF_COORD_MAX;
	return (int)(v * 10);
}

static int cmp_y(const void *a, const void *b)
{
	const pchar *x = a, *y = b;
	int cx = x->y0 + x->y1, cy = y->y0 + y->y1;
	if (cx != cy)
		return cx < cy ? -1 : 1;
	return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static int cmp_fs(const void *a, const void *b)
{
	const pchar *x = a, *y = b;
	if (x->fs != y->fs)
		return x->fs > y->fs ? -1 : 1;
	return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static int same_size(const pchar *a, const pchar *b)
{
	return (a->fs - b->fs) * 100 <= a->fs * 8;
}

/* Characters [a, b) sorted by size: do two sizes share the same stretch of
 * the line (a title drawn over a body line), rather than sit side by side
 * (a bold 合计 beside its figures)? */
static int overlaid(const pchar *c, int a, int b)
{
	int runs[16][2], n = 0;
	for (int u = a; u < b && n < 16;) {
		int v = u + 1, x0 = c[u].x0, x1 = c[u].x1;
		while (v < b && same_size(&c[v - 1], &c[v])) {
			if (c[v].x0 < x0)
				x0 = c[v].x0;
			if (c[v].x1 > x1)
				x1 = c[v].x1;
			v++;
		}
		runs[n][0] = x0;
		runs[n][1] = x1;
		n++;
		u = v;
	}
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++)
			if (runs[i][0] < runs[j][1] && runs[j][0] < runs[i][1])
				return 1;
	return 0;
}

static int cmp_x(const void *a, const void *b)
{
	const pchar *x = a, *y = b;
	return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static int is_space(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 || cp == 0xA0;
}

static int is_cjk(unsigned cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

/* Characters [starts[k], starts[k+1]) of c as fragment k, for k < nf;
 * keep[k] 0 joins fragment k to the one before it.  Returns the array. */
static ys_frag *frags(ys_lines *L, const pchar *c, const int *starts, const int *keep, int nf, int *nout, int chars)
{
	int n = 0;
	for (int k = 0; k < nf; k++)
		n += keep[k];
	ys_frag *v = ys_arena_alloc(&L->arena, sizeof *v * (size_t)(n ? n : 1));
	if (!v)
		return NULL;
	ys_buf s = YS_BUF_INIT;
	int k = 0, m = 0;
	while (k < nf) {
		int e = k + 1;
		while (e < nf && !keep[e])
			e++;
		ys_buf_reset(&s);
		for (int i = starts[k]; i < starts[e]; i++)
			ys_buf_add(&s, c[i].s, (size_t)c[i].len);
		ys_frag *f = &v[m++];
		f->s = ys_arena_strndup(&L->arena, s.s, s.len);
		f->x0 = c[starts[k]].x0;
		f->x1 = c[starts[e] - 1].x1;
		f->col = 0;
		f->chx = f->chb = NULL;
		f->nch = 0;
		f->fs = c[starts[k]].fs;
		if (chars) {
			int nc = starts[e] - starts[k], off = 0;
			int *x = ys_arena_alloc(&L->arena, sizeof *x * (size_t)nc * 2);
			if (!x) {
				ys_buf_release(&s);
				return NULL;
			}
			for (int i = 0; i < nc; i++) {
				const pchar *ch = &c[starts[k] + i];
				x[i] = (ch->x0 + ch->x1) / 2;
				x[nc + i] = off;
				off += ch->len;
			}
			f->chx = x;
			f->chb = x + nc;
			f->nch = nc;
		}
		if (!f->s || s.oom) {
			ys_buf_release(&s);
			return NULL;
		}
		k = e;
	}
	ys_buf_release(&s);
	*nout = n;
	return v;
}

/* Does a figure printed to the 分 (441,986.276316) end before c[i], a
 * word set right against it (五、教育支出), the fragment having begun at
 * c[from]? */
static int figure_ends(const pchar *c, int from, int i)
{
	if (!is_cjk(c[i].cp) || c[i - 1].cp < '0' || c[i - 1].cp > '9')
		return 0;
	int k = i - 1, decimals = 0;
	while (k >= from && c[k].cp >= '0' && c[k].cp <= '9') {
		k--;
		decimals++;
	}
	if (k >= from && c[k].cp == ',' && decimals == 3) {
		/* a whole figure grouped by threes (上海's 1,200,000一、一般公共服务支出),
		 * not a quantity with its unit (1,200万元, 3,000人) */
		static const unsigned units[] = { 0x4E07, 0x5143, 0x4EBF, 0x5343, 0x767E, 0x4E2A, 0x4EBA, 0x6B21, 0x5E74,
			                          0x6708, 0x65E5, 0x5E73, 0x7C73, 0x5428, 0x53F0, 0x8F86, 0x5957, 0x4EF6,
			                          0x6237, 0x540D, 0x6240, 0x5EA7, 0x5904, 0x6761, 0x5F20, 0x4EFD, 0x9879,
			                          0x4F59, 0x591A, 0x5BB6, 0x5929, 0x5C0F, 0x518C, 0x7BC7, 0x5E2D };
		for (size_t u = 0; u < sizeof units / sizeof units[0]; u++)
			if ((unsigned)c[i].cp == units[u])
				return 0;
		for (;;) {
			int g = 0;
			for (k--; k >= from && c[k].cp >= '0' && c[k].cp <= '9'; k--)
				g++;
			if (g < 1 || g > 3)
				return 0;
			if (k < from || c[k].cp == '-')
				return k < from || k == from;
			if (c[k].cp != ',' || g != 3)
				return 0;
		}
	}
	if (k < from || c[k].cp != '.' || decimals < 2)
		return 0;
	for (k--; k >= from; k--)
		if (!((c[k].cp >= '0' && c[k].cp <= '9') || c[k].cp == ',' || c[k].cp == '-'))
			return 0;
	return 1;
}

/* One visual line: characters [a, b) sorted by x, into fragments. */
static ys_result page_line(ys_ctx *ctx, ys_lines *L, pchar *c, int a, int b, int page)
{
	qsort(c + a, (size_t)(b - a), sizeof *c, cmp_x);
	int top = c[a].y0, bot = c[a].y1;
	for (int i = a; i < b; i++) {
		if (c[i].y0 < top)
			top = c[i].y0;
		if (c[i].y1 > bot)
			bot = c[i].y1;
	}
	int h = bot - top > 10 ? bot - top : 10;
	/* fragment boundaries: a gap wider than most of a character; fine
	 * ones: wider than a third of one */
	int starts[YS_LINE_FRAGS_MAX + 1], nf = 0;
	int fstarts[YS_LINE_FRAGS_MAX + 1], nff = 0;
	for (int i = a; i < b && nf < YS_LINE_FRAGS_MAX && nff < YS_LINE_FRAGS_MAX; i++) {
		int ch = c[i].y1 - c[i].y0 > 10 ? c[i].y1 - c[i].y0 : h;
		int gap = i == a ? 0 : c[i].x0 - c[i - 1].x1;
		if (i == a || gap > ch * 6 / 10)
			starts[nf++] = i;
		if (i == a || gap > ch * 3 / 10 || figure_ends(c, fstarts[nff - 1], i))
			fstarts[nff++] = i;
	}
	starts[nf] = b;
	fstarts[nff] = b;
	/* letter-spaced words: single CJK characters a similar gap apart join
	 * their neighbours (当 年 收 入) */
	int keep[YS_LINE_FRAGS_MAX + 1], fkeep[YS_LINE_FRAGS_MAX + 1];
	for (int k = 0; k < nf; k++)
		keep[k] = 1;
	for (int k = 0; k < nff; k++)
		fkeep[k] = 1;
	for (int k = 1; k < nf; k++) {
		int i = starts[k], pi = starts[k] - 1;
		int gap = c[i].x0 - c[pi].x1;
		int single_l = starts[k] - starts[k - 1] == 1 && is_cjk(c[starts[k - 1]].cp);
		int single_r = starts[k + 1] - starts[k] == 1 && is_cjk(c[i].cp);
		int ch = c[i].y1 - c[i].y0 > 10 ? c[i].y1 - c[i].y0 : h;
		if ((single_l || single_r) && is_cjk(c[i].cp) && is_cjk(c[pi].cp) && gap < ch * 16 / 10)
			keep[k] = 0;
	}
	ys_line *l = add_line(L);
	if (!l)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	l->page = page;
	l->y = top;
	l->h = h;
	l->line = (int)L->n;
	l->fs = c[a].fs;
	l->f = frags(L, c, starts, keep, nf, &l->nf, 0);
	l->ff = l->f ? frags(L, c, fstarts, fkeep, nff, &l->nff, 1) : NULL;
	if (!l->f || !l->ff)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	return YS_OK;
}

static ys_result lines_of(ys_ctx *ctx, const char *path, PopplerDocument *pd, ys_lines *L);

ys_result ys_lines_from_pdf(ys_ctx *ctx, const char *path, ys_lines *L)
{
	GError *err = NULL;
	struct stat st;
	if (stat(path, &st) != 0)
		return ys_error(ctx, YS_EIO, "%s：无法打开：%s", path, strerror(errno));
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > YS_FILE_MAX)
		return ys_error(ctx, YS_ELIMIT, "%s：超过单个文件 %zu MiB 的上限", path, YS_FILE_MAX >> 20);
	char *full = realpath(path, NULL);
	if (!full)
		return ys_error(ctx, YS_EIO, "%s：无法打开：文件不存在", path);
	char *uri = g_filename_to_uri(full, NULL, &err);
	free(full);
	if (!uri) {
		ys_result r = ys_error(ctx, YS_EIO, "%s: %s", path, err ? err->message : "文件名无效");
		g_clear_error(&err);
		return r;
	}
	PopplerDocument *pd = poppler_document_new_from_file(uri, NULL, &err);
	g_free(uri);
	if (!pd) {
		ys_result r = ys_error(ctx, YS_EPARSE, "%s：不是可读取的 PDF：%s", path, err ? err->message : "?");
		g_clear_error(&err);
		return r;
	}
	ys_result r = lines_of(ctx, path, pd, L);
	g_object_unref(pd);
	return r;
}

ys_result ys_lines_from_pdf_data(ys_ctx *ctx, const char *name, const void *data, size_t len, ys_lines *L)
{
	if (len > YS_FILE_MAX)
		return ys_error(ctx, YS_ELIMIT, "%s：超过单个文件 %zu MiB 的上限", name, YS_FILE_MAX >> 20);
	GError *err = NULL;
	GBytes *bytes = g_bytes_new_static(data, len);
	PopplerDocument *pd = poppler_document_new_from_bytes(bytes, NULL, &err);
	g_bytes_unref(bytes);
	if (!pd) {
		ys_result r = ys_error(ctx, YS_EPARSE, "%s：不是可读取的 PDF：%s", name, err ? err->message : "?");
		g_clear_error(&err);
		return r;
	}
	ys_result r = lines_of(ctx, name, pd, L);
	g_object_unref(pd);
	return r;
}

/* The text layer of the open document pd (named path in messages) into L. */
static ys_result lines_of(ys_ctx *ctx, const char *path, PopplerDocument *pd, ys_lines *L)
{
	int np = poppler_document_get_n_pages(pd);
	if (np > YS_PDF_PAGES_MAX || L->npages + np > YS_PDF_PAGES_MAX) {
		return ys_error(ctx, YS_ELIMIT, "%s：%d 页，超过一份公开文件可有的 %d 页", path, np,
		                YS_PDF_PAGES_MAX);
	}
	L->positioned = 1;
	int base = L->npages; /* a second file of the same document goes on from the first's pages */
	L->npages += np;
	ys_result r = YS_OK;
	pchar *c = NULL;
	size_t cap = 0;
	for (int pg = 0; pg < np && r == YS_OK; pg++) {
		PopplerPage *page = poppler_document_get_page(pd, pg);
		if (!page)
			continue;
		char *text = poppler_page_get_text(page);
		PopplerRectangle *rects = NULL;
		guint nrects = 0;
		if (text && poppler_page_get_text_layout(page, &rects, &nrects)) {
			int n = 0;
			/* each character's font size, from the text's attributes */
			int nfs = 0;
			int *fsz = calloc(nrects ? nrects : 1, sizeof *fsz);
			if (!fsz)
				ys_oom_note(); /* read without the sizes, the lines would differ: the reading fails */
			if (fsz) {
				nfs = (int)nrects;
				GList *attrs = poppler_page_get_text_attributes(page);
				for (GList *a = attrs; a; a = a->next) {
					const PopplerTextAttributes *ta = a->data;
					int v = ta->font_size > 0 && ta->font_size < 10000 ? (int)(ta->font_size * 10 + 0.5) : 0;
					for (int k = ta->start_index < 0 ? 0 : ta->start_index; k <= ta->end_index && k < nfs; k++)
						fsz[k] = v;
				}
				poppler_page_free_text_attributes(attrs);
			}
			const char *s = text;
			for (guint i = 0; i < nrects && *s; i++) {
				const char *next = g_utf8_next_char(s);
				unsigned cp = (unsigned)g_utf8_get_char(s);
				if (!is_space(cp)) {
					if (ys_grow((void **)&c, &cap, (size_t)n + 1, sizeof *c)) {
						r = ys_error(ctx, YS_ENOMEM, "内存不足");
						break;
					}
					c[n] = (pchar){ coord(rects[i].x1), coord(rects[i].x2), coord(rects[i].y1),
						        coord(rects[i].y2), cp, s, (int)(next - s), (int)i < nfs ? fsz[i] : 0 };
					n++;
				}
				s = next;
			}
			free(fsz);
			if (r == YS_OK && n > 0) {
				qsort(c, (size_t)n, sizeof *c, cmp_y);
				int a = 0;
				while (a < n && r == YS_OK) {
					int mid = c[a].y0 + c[a].y1, hh = c[a].y1 - c[a].y0;
					int b = a + 1;
					while (b < n && abs((c[b].y0 + c[b].y1) - mid) < (hh > 20 ? hh : 20) * 8 / 10)
						b++;
					/* text of another size at the same height is another
					 * line: a title or a header printed over a table's
					 * body (a report tool that draws them on top) */
					qsort(c + a, (size_t)(b - a), sizeof *c, cmp_fs);
					if (!overlaid(c, a, b)) {
						r = page_line(ctx, L, c, a, b, base + pg + 1);
					} else {
						for (int u = a; u < b && r == YS_OK;) {
							int v = u + 1;
							while (v < b && same_size(&c[v - 1], &c[v]))
								v++;
							r = page_line(ctx, L, c, u, v, base + pg + 1);
							u = v;
						}
					}
					a = b;
				}
			}
		}
		g_free(rects);
		g_free(text);
		g_object_unref(page);
	}
	free(c);
	return r;
}

void ys_lines_render(const ys_lines *L, int positions, ys_buf *out)
{
	int page = 0;
	for (size_t i = 0; i < L->n; i++) {
		const ys_line *l = &L->v[i];
		if (l->page != page) {
			page = l->page;
			ys_buf_addf(out, "-- page %d --\n", page);
		}
		if (positions && L->positioned)
			ys_buf_addf(out, "{%d+%d} ", l->y / 10, l->h / 10);
		const ys_frag *fv = positions == 2 ? l->ff : l->f;
		int nf = positions == 2 ? l->nff : l->nf;
		for (int k = 0; k < nf; k++) {
			if (k)
				ys_buf_addc(out, '\t');
			if (positions && L->positioned)
				ys_buf_addf(out, "[%d-%d]", fv[k].x0 / 10, fv[k].x1 / 10);
			ys_buf_adds(out, fv[k].s);
		}
		ys_buf_addc(out, '\n');
	}
}

/* ---- where a finding was printed (review.h) ---- */

/* s without its whitespace, into out (cap bytes); its length. */
static size_t squeeze(const char *s, char *out, size_t cap)
{
	size_t n = 0;
	while (*s && n + 4 < cap) {
		const char *next = g_utf8_next_char(s);
		if (!is_space((unsigned)g_utf8_get_char(s))) {
			memcpy(out + n, s, (size_t)(next - s));
			n += (size_t)(next - s);
		}
		s = next;
	}
	out[n] = '\0';
	return n;
}

static void box_add(ys_place *p, int *any, int x0, int y0, int x1, int y1)
{
	if (!*any || x0 < p->x0)
		p->x0 = x0;
	if (!*any || y0 < p->y0)
		p->y0 = y0;
	if (!*any || x1 > p->x1)
		p->x1 = x1;
	if (!*any || y1 > p->y1)
		p->y1 = y1;
	*any = 1;
}

/* A cell: the fine fragment starting at its column (1 + x0 / 6 pt, as the
 * PDF readers give it; else the nearest within 12 points), and those after
 * it that the cell's text goes on into. */
static void place_cell(const ys_line *l, ys_place *p)
{
	int k = -1, best = INT32_MAX;
	for (int i = 0; i < l->nff && k < 0; i++)
		if (l->ff[i].x0 >= 0 && 1 + l->ff[i].x0 / 60 == p->col)
			k = i;
	for (int i = 0; i < l->nff && best; i++) {
		int d = abs(l->ff[i].x0 - (p->col - 1) * 60);
		if (k < 0 && d < best && d < 120) {
			best = d;
			k = i;
		}
	}
	if (k < 0)
		return;
	int any = 0;
	box_add(p, &any, l->ff[k].x0, l->y, l->ff[k].x1, l->y + l->h);
	if (p->text) {
		char want[1024], got[1024];
		squeeze(p->text, want, sizeof want);
		size_t n = squeeze(l->ff[k].s, got, sizeof got);
		for (int i = k + 1; i < l->nff && n < strlen(want) && !strncmp(want, got, n); i++) {
			size_t m = strlen(l->ff[i].s);
			if (n + m >= sizeof got || strncmp(want + n, l->ff[i].s, m))
				break;
			memcpy(got + n, l->ff[i].s, m + 1);
			n += m;
			box_add(p, &any, l->ff[i].x0, l->y, l->ff[i].x1, l->y + l->h);
		}
	}
	p->page = l->page;
}

typedef struct lchar {
	const char *s;
	int len, x, line; /* its bytes, its centre, its line's index in L */
} lchar;

/* A sentence: its characters from where it starts on line li (the start
 * that matches most of it), on that line and the next ones of the page;
 * the whole line when its text is not found there. */
static void place_sentence(const ys_lines *L, size_t li, ys_place *p)
{
	const ys_line *l = &L->v[li];
	int any = 0;
	lchar *c = NULL;
	size_t nc = 0, cap = 0, n1 = 0;
	char want[4096];
	size_t wn = p->text ? squeeze(p->text, want, sizeof want) : 0;
	for (size_t j = li; wn && j < L->n && j < li + 80 && L->v[j].page == l->page; j++) {
		const ys_line *m = &L->v[j];
		for (int f = 0; f < m->nff; f++) {
			const ys_frag *fr = &m->ff[f];
			for (int k = 0; k < fr->nch; k++) {
				if (ys_grow((void **)&c, &cap, nc + 1, sizeof *c)) {
					nc = 0;
					goto whole;
				}
				int end = k + 1 < fr->nch ? fr->chb[k + 1] : (int)strlen(fr->s);
				c[nc++] = (lchar){ fr->s + fr->chb[k], end - fr->chb[k], fr->chx[k], (int)j };
			}
		}
		if (j == li)
			n1 = nc;
	}
	size_t best = 0, best_bytes = 0, best_n = 0;
	for (size_t st = 0; st < n1 && best_bytes < wn; st++) {
		size_t pos = 0, k = st;
		while (k < nc && pos + (size_t)c[k].len <= wn && !memcmp(want + pos, c[k].s, (size_t)c[k].len))
			pos += (size_t)c[k++].len;
		if (pos > best_bytes) {
			best = st;
			best_bytes = pos;
			best_n = k - st;
		}
	}
	/* at least four characters of it (or all of a shorter one) */
	if (best_bytes && (best_bytes == wn || best_n >= 4))
		for (size_t k = best; k < best + best_n; k++) {
			const ys_line *m = &L->v[c[k].line];
			box_add(p, &any, c[k].x - m->h / 2, m->y, c[k].x + m->h / 2, m->y + m->h);
		}
whole:
	free(c);
	if (!any)
		for (int f = 0; f < l->nf; f++)
			box_add(p, &any, l->f[f].x0, l->y, l->f[f].x1, l->y + l->h);
	if (any)
		p->page = l->page;
}

ys_result ys_pdf_locate(ys_ctx *ctx, const char *name, const void *pdf, size_t len, ys_place *pl, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		pl[i].page = 0;
		pl[i].x0 = pl[i].y0 = pl[i].x1 = pl[i].y1 = 0;
	}
	unsigned long mark = ys_oom_mark();
	ys_lines L;
	ys_lines_init(&L);
	ys_result r = ys_lines_from_pdf_data(ctx, name, pdf, len, &L);
	for (size_t i = 0; i < n && !r; i++) {
		ys_place *p = &pl[i];
		/* a line's number is its index from 1 (page_line) */
		if (p->line < 1 || (size_t)p->line > L.n || L.v[p->line - 1].line != p->line)
			continue;
		if (p->col > 0)
			place_cell(&L.v[p->line - 1], p);
		else
			place_sentence(&L, (size_t)p->line - 1, p);
	}
	ys_lines_release(&L);
	return ys_oom_check(ctx, r, mark);
}
