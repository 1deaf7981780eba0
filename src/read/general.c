/*
 * read/general.c - the general reader: disclosures in layouts other than
 * the seed's, from a PDF's text layer or from tab-separated text.
 *
 * It works on positioned lines (lines.h) and knows tables only through the
 * layout descriptions (data/layouts/general.txt, compiled in; see
 * docs/layouts.md):
 *
 *   1. a table starts at a title line that a `table` description matches,
 *      followed within a few lines by a 单位 line or header words;
 *   2. its lines up to the next title (or prose) are assembled into rows:
 *      a line without figures continues the row above when it does not
 *      start a label of its own (labels wrapped mid-word), and a label
 *      printed above its vertically centred figures joins them;
 *   3. columns are the clusters of the rows' fragments by position (the
 *      gutters between them), typed by what they hold: digits left of the
 *      first text column are codes (split 类 | 款 | 项 codes are joined),
 *      figures are amounts, the rest text;
 *   4. the header lines above the first row give each column its label
 *      and, through `column` descriptions, its role (total, basic ...);
 *   5. a table whose note says it is empty (本表为空表) is read as empty.
 *
 * Tables go to doc->others with a def made at run time; titles that could
 * not be read go to doc->unread with the reason.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/lines.h"
#include "read/seedpdf.h"
#include "yusuan/doc.h"
#include "yusuan/text.h"

extern const char ys_layouts_general[];

/* ---- layout descriptions ---- */

#define MAXW 12
typedef struct gkind {
	const char *id, *name, *beijing;
	const char *req[MAXW], *not[MAXW];
	int nreq, nnot;
} gkind;

typedef struct gwords {
	const char *role;
	const char *w[24];
	int n;
} gwords;

static struct {
	ys_arena arena;
	gkind kinds[64];
	int nkinds;
	gwords cols[32], labels[16], empty;
	int ncols, nlabels;
	int ok;
} D;
static pthread_once_t d_once = PTHREAD_ONCE_INIT;

static const char *key(ys_arena *a, const char *s)
{
	ys_buf b = YS_BUF_INIT;
	ys_label_key(&b, s, strlen(s));
	const char *k = ys_arena_strndup(a, b.s, b.len);
	ys_buf_release(&b);
	return k;
}

static void split_words(gwords *g, char *list)
{
	for (char *w = strtok(list, "|"); w && g->n < 24; w = strtok(NULL, "|"))
		g->w[g->n++] = key(&D.arena, w);
}

static void load_descriptions(void)
{
	ys_arena_init(&D.arena);
	char *text = ys_arena_strdup(&D.arena, ys_layouts_general);
	if (!text)
		return;
	char *save = NULL;
	for (char *ln = strtok_r(text, "\n", &save); ln; ln = strtok_r(NULL, "\n", &save)) {
		char *hash = strchr(ln, '#');
		if (hash)
			*hash = 0;
		char *f[2 + MAXW * 2 + 4];
		int nf = 0;
		for (char *sp, *w = strtok_r(ln, " \t", &sp); w && nf < (int)(sizeof f / sizeof f[0]);
		     w = strtok_r(NULL, " \t", &sp))
			f[nf++] = w;
		if (nf == 0)
			continue;
		if (!strcmp(f[0], "table") && nf >= 5 && D.nkinds < 64) {
			gkind *k = &D.kinds[D.nkinds++];
			k->id = ys_arena_strdup(&D.arena, f[1]);
			k->name = ys_arena_strdup(&D.arena, f[2]);
			k->beijing = strcmp(f[3], "-") ? ys_arena_strdup(&D.arena, f[3]) : NULL;
			for (int i = 4; i < nf; i++) {
				if (f[i][0] == '!' && k->nnot < MAXW)
					k->not[k->nnot++] = key(&D.arena, f[i] + 1);
				else if (f[i][0] != '!' && k->nreq < MAXW)
					k->req[k->nreq++] = key(&D.arena, f[i]);
			}
		} else if (!strcmp(f[0], "column") && nf >= 3 && D.ncols < 32) {
			gwords *g = &D.cols[D.ncols++];
			g->role = ys_arena_strdup(&D.arena, f[1]);
			split_words(g, f[2]);
		} else if (!strcmp(f[0], "label") && nf >= 3 && D.nlabels < 16) {
			gwords *g = &D.labels[D.nlabels++];
			g->role = ys_arena_strdup(&D.arena, f[1]);
			split_words(g, f[2]);
		} else if (!strcmp(f[0], "empty") && nf >= 2) {
			D.empty.role = "empty";
			split_words(&D.empty, f[1]);
		}
	}
	D.ok = D.nkinds > 0;
}

static int descriptions(void)
{
	pthread_once(&d_once, load_descriptions);
	return D.ok;
}

/* The role whose word the key holds (the longest such word), or NULL. */
static const char *role_of(const gwords *set, int n, const char *k, int exact)
{
	const char *best = NULL;
	size_t blen = 0;
	for (int i = 0; i < n; i++)
		for (int j = 0; j < set[i].n; j++) {
			size_t wl = strlen(set[i].w[j]);
			int hit = exact ? !strcmp(k, set[i].w[j]) : strstr(k, set[i].w[j]) != NULL;
			if (hit && wl > blen) {
				best = set[i].role;
				blen = wl;
			}
		}
	return best;
}

/* ---- fragments ---- */

typedef struct rd {
	ys_ctx *ctx;
	ys_doc *doc;
	ys_lines *L;
	ys_buf tmp;
} rd;

static const char *kkey(rd *r, const char *s)
{
	ys_buf_reset(&r->tmp);
	ys_label_key(&r->tmp, s, strlen(s));
	return r->tmp.s;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* 1,234.56  -12.00  0  (and a dash for nothing) */
static int amount_like(const char *s)
{
	const char *p = s;
	if (*p == '-' || *p == '+')
		p++;
	if (!is_digit(*p))
		return !strcmp(s, "-") || !strcmp(s, "—") || !strcmp(s, "－") || !strcmp(s, "--");
	int dot = 0;
	for (; *p; p++) {
		if (*p == '.') {
			if (dot++)
				return 0;
		} else if (*p != ',' && !is_digit(*p)) {
			return 0;
		}
	}
	return 1;
}

static int digits_only(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!is_digit(*s))
			return 0;
	return 1;
}

static int line_has_figures(const ys_line *l)
{
	for (int k = 0; k < l->nf; k++)
		if ((is_digit(l->f[k].s[0]) || l->f[k].s[0] == '-') && amount_like(l->f[k].s))
			return 1;
	return 0;
}

/* Does a label start a row of its own (一、 1. （一） 合计 …)? */
static int starts_label(const char *s)
{
	static const char *const ord[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL };
	if (is_digit(s[0]))
		return 1;
	if (!strncmp(s, "（", 3) || s[0] == '(')
		return 1;
	for (int i = 0; ord[i]; i++)
		if (!strncmp(s, ord[i], strlen(ord[i]))) {
			const char *p = s + strlen(ord[i]);
			while (!strncmp(p, "十", 3) || !strncmp(p, "一", 3) || !strncmp(p, "二", 3) || !strncmp(p, "三", 3) ||
			       !strncmp(p, "四", 3) || !strncmp(p, "五", 3) || !strncmp(p, "六", 3) || !strncmp(p, "七", 3) ||
			       !strncmp(p, "八", 3) || !strncmp(p, "九", 3))
				p += 3;
			if (!strncmp(p, "、", 3) || *p == '.' || !strncmp(p, "．", 3))
				return 1;
		}
	return 0;
}

/* A table's number printed on a line of its own above its title: 表六,
 * 表12, 公开01表, 附表3. */
static int number_line(const char *s)
{
	static const char *const digits[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL };
	const char *p = s;
	if (!strncmp(p, "附", 3))
		p += 3;
	if (!strncmp(p, "公开", 6))
		p += 6;
	int tb = 0;
	if (!strncmp(p, "表", 3)) {
		p += 3;
		tb = 1;
	}
	int n = 0;
	for (;;) {
		int hit = 0;
		if (is_digit(*p)) {
			p++;
			hit = 1;
		}
		for (int i = 0; digits[i] && !hit; i++)
			if (!strncmp(p, digits[i], 3)) {
				p += 3;
				hit = 1;
			}
		if (!hit)
			break;
		n++;
	}
	if (n && !tb && !strncmp(p, "表", 3)) {
		p += 3;
		tb = 1;
	}
	return tb && n && !*p;
}

static const char *joined(rd *r, const ys_line *l)
{
	ys_buf b = YS_BUF_INIT;
	for (int k = 0; k < l->nf; k++)
		ys_buf_adds(&b, l->f[k].s);
	const char *s = ys_arena_strndup(&r->doc->arena, b.s, b.len);
	ys_buf_release(&b);
	return s ? s : "";
}

/* ---- titles ---- */

static int has_any(const char *k, const char *const *w)
{
	for (int i = 0; w[i]; i++)
		if (strstr(k, w[i]))
			return 1;
	return 0;
}

/* Is this line a table title?  Returns the kind, or -1; *cont when it says
 * the table goes on (（续）). */
static int title_kind(rd *r, const char *text, int *cont, int *looks)
{
	/* sentences, contents lines (with leaders), section headings that name a
	 * table (一、收支预算总表情况说明) are not titles */
	static const char *const prose[] = { "，", "。", "；", "……", "...", "：", ":", "《", "》", "说明", "情况",
		                             "本表", "反映", NULL };
	*cont = 0;
	*looks = 0;
	/* a numbering before a colon: 公开01表：收支预算总表, 表3: … */
	const char *colon = strstr(text, "：") ? strstr(text, "：") : strchr(text, ':');
	if (colon && colon - text <= 18 && (colon - text >= 3 && !strncmp(colon - 3, "表", 3)))
		text = colon + (*colon == ':' ? 1 : 3);
	size_t n = ys_utf8_count(text, strlen(text));
	if (n < 3 || n > 60 || has_any(text, prose))
		return -1;
	const char *k = kkey(r, text);
	size_t kl = strlen(k);
	if (!strstr(k, "表"))
		return -1;
	/* the heading of the tables' part (江苏省人大2017年度部门预算表) */
	if ((kl >= 15 && !strcmp(k + kl - 15, "部门预算表")) || (kl >= 15 && !strcmp(k + kl - 15, "部门决算表")))
		return -1;
	if (strstr(k, "续"))
		*cont = 1;
	*looks = strstr(k, "预算") || strstr(k, "决算") || strstr(k, "支出") || strstr(k, "收入");
	for (int i = 0; i < D.nkinds; i++) {
		const gkind *g = &D.kinds[i];
		int ok = 1;
		for (int j = 0; j < g->nreq && ok; j++)
			ok = strstr(k, g->req[j]) != NULL;
		for (int j = 0; j < g->nnot && ok; j++)
			ok = strstr(k, g->not[j]) == NULL;
		if (ok)
			return i;
	}
	return -1;
}

/* A 单位 line: "单位：万元", "金额单位：元", "单位:元"; sets *u. */
static int unit_line(rd *r, const ys_line *l, ys_unit *u, const char **dept)
{
	int found = 0;
	for (int k = 0; k < l->nf; k++) {
		const char *s = l->f[k].s;
		const char *p = strstr(s, "单位");
		if (p && (strstr(p, "：") || strchr(p, ':'))) {
			const char *v = strstr(p, "：") ? strstr(p, "：") + 3 : strchr(p, ':') + 1;
			if (!*v && k + 1 < l->nf)
				v = l->f[k + 1].s;
			while (*v == ' ')
				v++;
			if (!strncmp(v, "万元", 6)) {
				*u = YS_UNIT_WANYUAN;
				found = 1;
			} else if (!strncmp(v, "元", 3)) {
				*u = YS_UNIT_YUAN;
				found = 1;
			}
		}
		const char *d = strstr(s, "部门：");
		if (!d)
			d = strstr(s, "部门:");
		if (d && dept) {
			const char *v = d + (strstr(s, "部门：") ? strlen("部门：") : 1 + strlen("部门"));
			if (!*v && k + 1 < l->nf)
				v = l->f[k + 1].s;
			if (*v && !strstr(v, "单位"))
				*dept = ys_arena_strdup(&r->doc->arena, v);
		}
	}
	(void)r;
	return found;
}

/* ---- rows ---- */

typedef struct grow {
	int line, page, y;
	int figures;  /* it has a figure */
	int labelled; /* its first line starts a label (一、 1. …) */
	ys_frag *f;
	int nf;
	size_t cap;
} grow;

static int overlap(int a0, int a1, int b0, int b1)
{
	int lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
	return hi - lo;
}

static ys_result row_add(rd *r, grow *g, const ys_frag *f)
{
	if (g->nf >= YS_LINE_FRAGS_MAX)
		return ys_error(r->ctx, YS_ELIMIT, "%s: line %d: more than %d cells", r->doc->file, g->line,
		                YS_LINE_FRAGS_MAX);
	if (ys_grow((void **)&g->f, &g->cap, (size_t)g->nf + 1, sizeof *g->f))
		return ys_error(r->ctx, YS_ENOMEM, "out of memory");
	int at = g->nf;
	while (at > 0 && g->f[at - 1].x0 > f->x0)
		at--;
	memmove(&g->f[at + 1], &g->f[at], sizeof *g->f * (size_t)(g->nf - at));
	g->f[at] = *f;
	g->nf++;
	return YS_OK;
}

/* The text fragment of row g that fragment f continues: most overlap,
 * else the nearest within a few characters (a centred first line is
 * narrower than the second); -1 when none. */
static int above(const grow *g, const ys_frag *f, int h)
{
	int best = -1, bo = -3 * (h > 0 ? h : 100);
	for (int j = 0; j < g->nf; j++) {
		int o = overlap(f->x0, f->x1, g->f[j].x0, g->f[j].x1);
		if (o > bo && !amount_like(g->f[j].s) && !digits_only(g->f[j].s)) {
			bo = o;
			best = j;
		}
	}
	return best;
}

/* Append the fragments of a continuation line to the rows above: each to
 * the nearest text above it in its column (the last three rows are
 * looked at: side-by-side blocks wrap independently), or to the last row
 * as a fragment of its own. */
static ys_result row_continue(rd *r, grow *rows, int nrows, const ys_line *l)
{
	for (int k = 0; k < l->nf; k++) {
		const ys_frag *f = &l->f[k];
		grow *g = &rows[nrows - 1];
		int best = -1;
		for (int back = 0; back < 3 && back < nrows && best < 0; back++) {
			/* a row in between with anything in this column stops the search */
			grow *cand = &rows[nrows - 1 - back];
			best = above(cand, f, l->h);
			if (best >= 0)
				g = cand;
			else {
				int blocked = 0;
				for (int j = 0; j < cand->nf && !blocked; j++)
					blocked = overlap(f->x0, f->x1, cand->f[j].x0, cand->f[j].x1) > 0;
				if (blocked)
					break;
			}
		}
		if (best >= 0) {
			const char *s = ys_arena_printf(&r->doc->arena, "%s%s", g->f[best].s, f->s);
			if (!s)
				return ys_error(r->ctx, YS_ENOMEM, "out of memory");
			g->f[best].s = s;
			if (f->x0 < g->f[best].x0)
				g->f[best].x0 = f->x0;
			if (f->x1 > g->f[best].x1)
				g->f[best].x1 = f->x1;
		} else {
			ys_result e = row_add(r, &rows[nrows - 1], f);
			if (e)
				return e;
		}
	}
	return YS_OK;
}

/* Do the text fragments of a line sit where the row has text? */
static int collides(const grow *g, const ys_line *l)
{
	for (int k = 0; k < l->nf; k++)
		for (int j = 0; j < g->nf; j++)
			if (overlap(l->f[k].x0, l->f[k].x1, g->f[j].x0, g->f[j].x1) > 0)
				return 1;
	return 0;
}

/* ---- columns ---- */

typedef struct gcol {
	int x0, x1;
	int n, amounts, digits, texts;
	int type; /* 0 text, 1 code, 2 amount */
	int def;  /* def column it becomes */
	char label[256];
	char group[256];
} gcol;

#define MAXCOLS 48

static int cluster(grow *rows, int nrows, gcol *c, int maxc)
{
	int nc = 0;
	for (int i = 0; i < nrows; i++)
		for (int k = 0; k < rows[i].nf; k++) {
			const ys_frag *f = &rows[i].f[k];
			int best = -1, bo = 0;
			for (int j = 0; j < nc; j++) {
				int o = overlap(f->x0, f->x1, c[j].x0, c[j].x1);
				int w = f->x1 - f->x0 < c[j].x1 - c[j].x0 ? f->x1 - f->x0 : c[j].x1 - c[j].x0;
				if (o > bo && o * 10 >= (w > 0 ? w : 1) * 4) {
					bo = o;
					best = j;
				}
			}
			if (best < 0 && nc < maxc) {
				c[nc] = (gcol){ f->x0, f->x1, 0, 0, 0, 0, 0, 0, "", "" };
				best = nc++;
			} else if (best < 0) {
				continue;
			}
			if (f->x0 < c[best].x0)
				c[best].x0 = f->x0;
			if (f->x1 > c[best].x1)
				c[best].x1 = f->x1;
		}
	/* clusters that grew into each other */
	for (int again = 1; again;) {
		again = 0;
		for (int a = 0; a < nc && !again; a++)
			for (int b = a + 1; b < nc && !again; b++) {
				int o = overlap(c[a].x0, c[a].x1, c[b].x0, c[b].x1);
				int w = c[a].x1 - c[a].x0 < c[b].x1 - c[b].x0 ? c[a].x1 - c[a].x0 : c[b].x1 - c[b].x0;
				if (o * 10 >= (w > 0 ? w : 1) * 4) {
					if (c[b].x0 < c[a].x0)
						c[a].x0 = c[b].x0;
					if (c[b].x1 > c[a].x1)
						c[a].x1 = c[b].x1;
					c[b] = c[--nc];
					again = 1;
				}
			}
	}
	/* left to right */
	for (int a = 1; a < nc; a++)
		for (int b = a; b > 0 && c[b].x0 < c[b - 1].x0; b--) {
			gcol t = c[b];
			c[b] = c[b - 1];
			c[b - 1] = t;
		}
	return nc;
}

/* The column a fragment falls in: most overlap, else the nearest. */
static int col_of(const gcol *c, int nc, const ys_frag *f)
{
	int best = -1, bo = 0, bd = 1 << 30;
	for (int j = 0; j < nc; j++) {
		int o = overlap(f->x0, f->x1, c[j].x0, c[j].x1);
		if (o > bo) {
			bo = o;
			best = j;
		}
	}
	if (best >= 0)
		return best;
	for (int j = 0; j < nc; j++) {
		int d = f->x1 < c[j].x0 ? c[j].x0 - f->x1 : f->x0 - c[j].x1;
		if (d < bd) {
			bd = d;
			best = j;
		}
	}
	return best;
}

/* ---- building a table ---- */

typedef struct tbl {
	int kind;
	int title_line, page, first, end; /* lines [first, end) after the title */
	const char *title;
	ys_unit unit;
	int has_unit;
} tbl;

static ys_table *new_table(rd *r, const tbl *T, int ncols)
{
	ys_doc *doc = r->doc;
	ys_tabledef *def = ys_arena_alloc(&doc->arena, sizeof *def);
	ys_coldef *cols = ys_arena_alloc(&doc->arena, sizeof *cols * (size_t)(ncols ? ncols : 1));
	ys_table *t = ys_arena_alloc(&doc->arena, sizeof *t);
	if (!def || !cols || !t)
		return NULL;
	memset(def, 0, sizeof *def);
	memset(cols, 0, sizeof *cols * (size_t)(ncols ? ncols : 1));
	memset(t, 0, sizeof *t);
	const gkind *g = &D.kinds[T->kind];
	def->id = YS_NTABLES;
	def->code = g->beijing ? g->beijing : "";
	def->title = g->name;
	def->aliases = "";
	def->headwords = "";
	def->ncols = ncols;
	def->cols = cols;
	def->npanels = 1;
	def->rowkey = YS_RK_GENERAL;
	def->dp = T->unit == YS_UNIT_YUAN ? 2 : 2;
	def->derive = g->id;
	t->def = def;
	t->title = T->title;
	t->numbering = "";
	t->line = T->title_line;
	t->unit = T->unit;
	t->unit_text = "";
	t->subtitle = "";
	t->kind = g->id;
	t->page = T->page;
	return t;
}

static ys_result add_other(rd *r, ys_table *t)
{
	ys_doc *doc = r->doc;
	if (doc->nothers >= 256)
		return ys_error(r->ctx, YS_ELIMIT, "%s: more than 256 tables", doc->file);
	ys_table **v = realloc(doc->others, sizeof *v * (size_t)(doc->nothers + 1));
	if (!v)
		return ys_error(r->ctx, YS_ENOMEM, "out of memory");
	doc->others = v;
	v[doc->nothers++] = t;
	return YS_OK;
}

static ys_result add_unread(rd *r, const char *title, int line, int page, const char *why)
{
	ys_doc *doc = r->doc;
	ys_unread *v = realloc(doc->unread, sizeof *v * (size_t)(doc->nunread + 1));
	if (!v)
		return ys_error(r->ctx, YS_ENOMEM, "out of memory");
	doc->unread = v;
	v[doc->nunread++] = (ys_unread){ title, line, page, why };
	return YS_OK;
}

static ys_result add_prose(rd *r, const ys_line *l, const char *text)
{
	ys_doc *doc = r->doc;
	if (doc->nprose % 256 == 0) {
		ys_textline *v = realloc(doc->prose, sizeof *v * (size_t)(doc->nprose + 256));
		if (!v)
			return ys_error(r->ctx, YS_ENOMEM, "out of memory");
		doc->prose = v;
	}
	doc->prose[doc->nprose++] = (ys_textline){ text, l->line, l->page };
	return YS_OK;
}

static int is_empty_note(rd *r, const char *text)
{
	const char *k = kkey(r, text);
	return (strstr(k, "注") || strstr(k, "说明") || strstr(k, "本表") || strstr(k, "本部门") || k[0] == '(' ||
	        !strncmp(k, "（", 3)) &&
	       role_of(&D.empty, 1, k, 0) != NULL;
}

static ys_result build(rd *r, const tbl *T)
{
	ys_lines *L = r->L;
	ys_result e = YS_OK;
	const char *note = NULL;
	/* the first row: a line with figures (or a 合计 line) after the header */
	int first_data = -1;
	for (int i = T->first; i < T->end && first_data < 0; i++) {
		const ys_line *l = &L->v[i];
		const char *text = joined(r, l);
		if (is_empty_note(r, text)) {
			note = text;
			continue;
		}
		if (line_has_figures(l))
			first_data = i;
	}
	/* a label printed above its vertically centred figures starts the rows */
	if (first_data > T->first) {
		const ys_line *a = &L->v[first_data - 1], *b = &L->v[first_data];
		if (a->nf && starts_label(a->f[0].s) && !is_digit(a->f[0].s[0]) && a->page == b->page &&
		    (b->y - a->y) * 10 <= a->h * (L->positioned ? 22 : 10))
			first_data--;
	}
	/* the header lines, which tables running over pages print again */
	const char **heads = NULL;
	int nheads = 0;
	if (first_data > T->first) {
		heads = calloc((size_t)(first_data - T->first), sizeof *heads);
		for (int i = T->first; heads && i < first_data; i++)
			heads[nheads++] = joined(r, &L->v[i]);
	}
	/* rows */
	grow *rows = NULL;
	int nrows = 0, capr = 0;
	int hline = L->positioned ? 22 : 10; /* a line this close (in tenths of its height) is the same cell */
	for (int i = first_data; first_data >= 0 && i < T->end && !e; i++) {
		const ys_line *l = &L->v[i];
		const char *text = joined(r, l);
		if (is_empty_note(r, text)) {
			/* after the rows, a note that names neither this table (本表) nor
			 * its subject belongs to a table the reader did not know: it ends
			 * this one */
			if (nrows) {
				static const char *const subj[] = { "本表", "三公", "政府性基金", "国有资本", "政府采购", "机关运行",
					                            "购买服务", NULL };
				int ours = 0;
				for (int k = 0; subj[k] && !ours; k++)
					ours = strstr(text, subj[k]) && (k == 0 || strstr(T->title, subj[k]));
				if (!ours)
					break;
			}
			note = text;
			continue;
		}
		int repeated = 0;
		for (int h = 0; h < nheads && !repeated; h++)
			repeated = !strcmp(heads[h], text);
		/* a page number: a lone small number, the last line of its page */
		if (l->nf == 1 && (i + 1 >= (int)L->n || L->v[i + 1].page != l->page) && strlen(l->f[0].s) <= 4 &&
		    (digits_only(l->f[0].s) || (l->f[0].s[0] == '-' && digits_only(l->f[0].s + 1))))
			continue;
		if (repeated || (l->page != L->v[i - 1].page && title_kind(r, text, &(int){ 0 }, &(int){ 0 }) >= 0))
			continue; /* the header (or title) again on a new page */
		int figures = line_has_figures(l);
		int labelled = l->nf && starts_label(l->f[0].s);
		int total = l->nf && role_of(D.labels, D.nlabels, kkey(r, l->f[0].s), 1) != NULL;
		grow *prev = nrows ? &rows[nrows - 1] : NULL;
		const ys_line *pl = i > T->first ? &L->v[i - 1] : NULL;
		int close = prev && pl && (l->page != pl->page || (l->y - pl->y) * 10 <= pl->h * hline);
		/* a wrapped label may sit further down when its neighbours are
		 * centred in a tall row; a lone 小计 under 当年收入 is one too */
		int near = prev && pl && (l->page != pl->page || (l->y - pl->y) * 10 <= pl->h * (L->positioned ? 45 : 10));
		if (prev && near && !figures && !labelled && (!total || l->nf == 1)) {
			/* a wrapped label: the rest of the cell above */
			e = row_continue(r, rows, nrows, l);
			continue;
		}
		if (prev && close && figures && !prev->figures && prev->labelled && !collides(prev, l)) {
			/* figures centred under a label printed above them */
			for (int k = 0; k < l->nf && !e; k++)
				e = row_add(r, prev, &l->f[k]);
			prev->figures = 1;
			continue;
		}
		if (nrows >= YS_TABLE_ROWS_MAX) {
			e = ys_error(r->ctx, YS_ELIMIT, "%s:%d: more than %d rows in one table", r->doc->file, l->line,
			             YS_TABLE_ROWS_MAX);
			break;
		}
		if (nrows == capr) {
			capr = capr ? capr * 2 : 64;
			grow *v = realloc(rows, sizeof *v * (size_t)capr);
			if (!v) {
				e = ys_error(r->ctx, YS_ENOMEM, "out of memory");
				break;
			}
			rows = v;
		}
		grow *g = &rows[nrows++];
		memset(g, 0, sizeof *g);
		g->line = l->line;
		g->page = l->page;
		g->y = l->y;
		g->figures = figures;
		g->labelled = labelled;
		for (int k = 0; k < l->nf && !e; k++)
			e = row_add(r, g, &l->f[k]);
	}
	/* columns */
	gcol *c = calloc(MAXCOLS, sizeof *c);
	int nc = e || !c ? 0 : cluster(rows, nrows, c, MAXCOLS);
	if (!c && !e)
		e = ys_error(r->ctx, YS_ENOMEM, "out of memory");
	for (int i = 0; i < nrows; i++)
		for (int k = 0; k < rows[i].nf; k++) {
			int j = col_of(c, nc, &rows[i].f[k]);
			if (j < 0)
				continue;
			c[j].n++;
			if (digits_only(rows[i].f[k].s) && strlen(rows[i].f[k].s) <= 9)
				c[j].digits++;
			else if (amount_like(rows[i].f[k].s))
				c[j].amounts++;
			else
				c[j].texts++;
		}
	/* codes: columns of bare digits just left of a text column (or of
	 * another code column: 类 | 款 | 项); a table may have several such
	 * blocks side by side (人员经费 | 公用经费) */
	for (int j = nc - 1; j >= 0; j--) {
		int next_text = j + 1 < nc && c[j + 1].texts * 2 > c[j + 1].n;
		int next_code = j + 1 < nc && c[j + 1].type == 1;
		if (c[j].n && c[j].digits * 10 >= c[j].n * 8 && (next_text || next_code))
			c[j].type = 1;
		else if ((c[j].amounts + c[j].digits) * 2 >= c[j].texts && c[j].amounts + c[j].digits > 0)
			c[j].type = 2; /* texts in it are labels of merged cells reaching over */
		else
			c[j].type = 0;
	}
	/* header labels: the lines above the first row */
	for (int i = T->first; first_data >= 0 && i < first_data; i++) {
		const ys_line *l = &L->v[i];
		ys_unit u;
		if (unit_line(r, l, &u, NULL))
			continue;
		for (int k = 0; k < l->nf; k++) {
			const ys_frag *f = &l->f[k];
			int hit[MAXCOLS], nh = 0;
			for (int j = 0; j < nc; j++) {
				int o = overlap(f->x0, f->x1, c[j].x0, c[j].x1);
				int w = c[j].x1 - c[j].x0;
				if (o > 0 && (o * 2 >= w || o * 2 >= f->x1 - f->x0))
					hit[nh++] = j;
			}
			/* much wider than the one column it reaches: a group over it and
			 * its neighbours' gutters (一般公共预算基本支出 over 人员经费) */
			int group = nh > 1 || (nh == 1 && f->x1 - f->x0 > (c[hit[0]].x1 - c[hit[0]].x0) * 3 / 2 + 40 &&
			                       c[hit[0]].type == 2);
			if (nh == 0) {
				int j = col_of(c, nc, f);
				if (j >= 0)
					hit[nh++] = j;
			}
			for (int h = 0; h < nh; h++) {
				char *dst = group ? c[hit[h]].group : c[hit[h]].label;
				size_t used = strlen(dst);
				snprintf(dst + used, 256 - used, "%s", f->s);
			}
		}
	}
	/* def columns: the code columns become one; two amount columns that
	 * never hold figures in the same row, one of them without a header of
	 * its own, are one column printed at two positions (a layout that
	 * sets the lower levels' figures apart) */
	int ncodes = 0;
	for (int j = 0; j < nc; j++)
		ncodes += c[j].type == 1;
	int ndef = 0;
	for (int j = 0; j < nc; j++) {
		c[j].def = -1;
		if (c[j].type == 1 && ncodes > 1 && j > 0 && c[j - 1].type == 1)
			c[j].def = c[j - 1].def;
		int named_a = c[j - (j > 0)].label[0] || c[j - (j > 0)].group[0], named_b = c[j].label[0] || c[j].group[0];
		if (c[j].type == 2 && j > 0 && c[j - 1].type == 2 && !(named_a && named_b)) {
			int both = 0;
			for (int i = 0; i < nrows && !both; i++) {
				int in_a = 0, in_b = 0;
				for (int k = 0; k < rows[i].nf; k++) {
					int cj = col_of(c, nc, &rows[i].f[k]);
					in_a |= cj == j - 1;
					in_b |= cj == j;
				}
				both = in_a && in_b;
			}
			if (!both) {
				c[j].def = c[j - 1].def;
				if (!named_a) {
					memcpy(c[j - 1].label, c[j].label, sizeof c[j].label);
					memcpy(c[j - 1].group, c[j].group, sizeof c[j].group);
				}
				c[j].label[0] = c[j].group[0] = 0;
			}
		}
		if (c[j].def < 0)
			c[j].def = ndef++;
	}
	ys_table *t = e ? NULL : new_table(r, T, ndef);
	if (!t && !e)
		e = ys_error(r->ctx, YS_ENOMEM, "out of memory");
	if (!e) {
		ys_coldef *cols = (ys_coldef *)t->def->cols;
		int namt = 0, ntext = 0;
		for (int j = 0; j < nc; j++) {
			ys_coldef *cd = &cols[c[j].def];
			const char *lab = c[j].label[0] ? c[j].label : c[j].group;
			if (c[j].type == 2 && j > 0 && c[j].def == c[j - 1].def)
				continue; /* the same column printed at a second position */
			if (c[j].type == 1) {
				cd->kind = YS_CK_CODE;
				cd->id = "code";
				if (!cd->label || !cd->label[0])
					cd->label = ys_arena_strdup(&r->doc->arena, lab[0] ? lab : "科目编码");
				continue;
			}
			const char *role = c[j].label[0] ? role_of(D.cols, D.ncols, kkey(r, c[j].label), 0) : NULL;
			if (!role && c[j].group[0])
				role = role_of(D.cols, D.ncols, kkey(r, c[j].group), 0);
			if (c[j].type == 2) {
				cd->kind = YS_CK_AMOUNT;
				namt++;
				cd->id = ys_arena_printf(&r->doc->arena, "%s%d", role && strcmp(role, "code") && strcmp(role, "name")
				                                                   ? role : "amount", namt);
			} else {
				cd->kind = ntext == 0 && ncodes ? YS_CK_NAME : YS_CK_LABEL;
				ntext++;
				cd->id = ys_arena_printf(&r->doc->arena, "%s%d", ntext == 1 && ncodes ? "name" : "label", ntext);
			}
			cd->label = c[j].group[0] && c[j].label[0]
			                    ? ys_arena_printf(&r->doc->arena, "%s·%s", c[j].group, c[j].label)
			                    : ys_arena_strdup(&r->doc->arena, lab);
			if (!cd->label)
				cd->label = "";
		}
		t->note = note;
		/* the rows' cells */
		t->rows = calloc((size_t)(nrows ? nrows : 1), sizeof *t->rows);
		if (!t->rows)
			e = ys_error(r->ctx, YS_ENOMEM, "out of memory");
		for (int i = 0; i < nrows && !e; i++) {
			ys_row *row = &t->rows[t->nrows];
			row->cells = ys_arena_alloc(&r->doc->arena, sizeof *row->cells * (size_t)(ndef ? ndef : 1));
			if (!row->cells) {
				e = ys_error(r->ctx, YS_ENOMEM, "out of memory");
				break;
			}
			for (int d = 0; d < ndef; d++)
				row->cells[d] = (ys_cell){ "", { 0 }, 0, 0 };
			row->line = rows[i].line;
			row->page = (short)rows[i].page;
			row->shape = -1;
			row->fixed[0] = row->fixed[1] = -1;
			row->project = -1;
			int nonblank = 0;
			for (int k = 0; k < rows[i].nf; k++) {
				const ys_frag *f = &rows[i].f[k];
				int j = col_of(c, nc, f);
				if (j < 0)
					continue;
				ys_cell *cell = &row->cells[c[j].def];
				/* split codes: 类 | 款 | 项, the 款 and 项 two digits (a lost
				 * leading zero is put back: 301 | 2 is 30102) */
				int pad = c[j].type == 1 && cell->text[0] && strlen(f->s) == 1;
				const char *s = cell->text[0] ? ys_arena_printf(&r->doc->arena, "%s%s%s", cell->text, pad ? "0" : "", f->s)
				                              : ys_arena_strdup(&r->doc->arena, f->s);
				if (!s) {
					e = ys_error(r->ctx, YS_ENOMEM, "out of memory");
					break;
				}
				cell->text = s;
				if (!cell->line) {
					cell->line = rows[i].line;
					cell->col = f->col ? f->col : 1 + f->x0 / (L->positioned ? 60 : YS_TAB_PITCH);
				}
				nonblank++;
			}
			if (!nonblank)
				continue;
			for (int d = 0; d < ndef && !e; d++) {
				ys_cell *cell = &row->cells[d];
				if (t->def->cols[d].kind != YS_CK_AMOUNT || !cell->text[0])
					continue;
				if (!strcmp(cell->text, "-") || !strcmp(cell->text, "—") || !strcmp(cell->text, "－") ||
				    !strcmp(cell->text, "--"))
					continue; /* printed as nothing */
				/* text where figures stand (a label the layout put there) stays
				 * text: the rule gen.cell reports it */
				ys_money_err me;
				if (ys_money_parse(cell->text, strlen(cell->text), t->unit, &cell->amt, &me) != 0)
					memset(&cell->amt, 0, sizeof cell->amt);
			}
			/* a 合计 row */
			for (int d = 0; d < ndef; d++) {
				const char *role;
				if (t->def->cols[d].kind == YS_CK_AMOUNT || !row->cells[d].text[0])
					continue;
				role = role_of(D.labels, D.nlabels, kkey(r, row->cells[d].text), 1);
				if (role && !strcmp(role, "total"))
					row->kind = YS_ROW_TOTAL;
				break;
			}
			t->nrows++;
		}
		t->end_line = T->end > T->first ? L->v[T->end - 1].line : T->title_line;
		if (!e)
			e = add_other(r, t);
	}
	for (int i = 0; i < nrows; i++)
		free(rows[i].f);
	free(rows);
	free(c);
	free(heads);
	return e;
}

/* ---- the document ---- */

static ys_result read_lines(rd *r)
{
	ys_lines *L = r->L;
	ys_doc *doc = r->doc;
	tbl cur = { -1, 0, 0, 0, 0, NULL, YS_UNIT_WANYUAN, 0 };
	ys_unit docunit = YS_UNIT_WANYUAN;
	int have_docunit = 0;
	ys_result e = YS_OK;
	for (size_t i = 0; i <= L->n && !e; i++) {
		int kind = -1, cont = 0, looks = 0, span = 1;
		const char *text = NULL;
		if (i < L->n) {
			text = joined(r, &L->v[i]);
			kind = title_kind(r, text, &cont, &looks);
			const char *nx = i + 1 < L->n && L->v[i + 1].nf == 1 ? L->v[i + 1].f[0].s : "";
			size_t nxl = strlen(nx);
			size_t tl = strlen(text);
			int titleish = strstr(text, "预算") || strstr(text, "决算") || strstr(text, "经费") || strstr(text, "收支");
			if (kind < 0 && nxl >= 3 && nxl <= 24 && !strcmp(nx + nxl - 3, "表") && L->v[i].nf <= 2 && titleish &&
			    !(tl >= 3 && !strcmp(text + tl - 3, "表"))) {
				/* a title wrapped onto a second line (… 培训费 / 支出预算表) */
				const char *t2 = ys_arena_printf(&doc->arena, "%s%s", text, nx);
				if (t2 && (kind = title_kind(r, t2, &cont, &looks)) >= 0) {
					text = t2;
					span = 2;
				}
			}
			if (kind >= 0) {
				/* a title is followed by its 单位 line or header words soon */
				int confirmed = 0;
				for (size_t j = i + (size_t)span; j < L->n && j < i + (size_t)span + 5 && !confirmed; j++) {
					ys_unit u;
					const char *jt = joined(r, &L->v[j]);
					int jc, jl;
					if (title_kind(r, jt, &jc, &jl) >= 0)
						break;
					confirmed = unit_line(r, &L->v[j], &u, NULL) ||
					            (L->v[j].nf >= 2 && role_of(D.cols, D.ncols, kkey(r, jt), 0) != NULL);
				}
				if (!confirmed)
					kind = -1;
			} else if (looks && L->v[i].nf <= 2 && !line_has_figures(&L->v[i])) {
				/* a table-like title no description knows: say so */
				int unitnext = 0;
				for (size_t j = i + 1; j < L->n && j < i + 4 && !unitnext; j++) {
					ys_unit u;
					unitnext = unit_line(r, &L->v[j], &u, NULL);
				}
				if (unitnext)
					e = add_unread(r, text, L->v[i].line, L->v[i].page,
					               "no layout description matches this title (data/layouts/general.txt)");
			}
		}
		/* the title again on the next page: the table goes on */
		if (kind >= 0 && kind == cur.kind && cur.title && !strcmp(text, cur.title) && L->v[i].page != cur.page)
			kind = -1;
		int ends = i == L->n || kind >= 0 || (L->v[i].nf == 1 && number_line(text));
		if (!ends && cur.kind >= 0 && D.kinds[cur.kind].id[0] != 'p' && D.kinds[cur.kind].id[0] != 'u') {
			/* prose after a table ends it (not in the performance tables, whose cells are prose) */
			size_t n = ys_utf8_count(text, strlen(text));
			if (n > 34 && (strstr(text, "。") || strstr(text, "，")) && !line_has_figures(&L->v[i]))
				ends = 1;
			/* the next part of the document: 第三部分 …, …情况说明 */
			if ((!strncmp(text, "第", 3) && strstr(text, "部分") && n < 40) || (strstr(text, "说明") && n < 30 &&
			                                                                    !line_has_figures(&L->v[i])))
				ends = 1;
		}
		if (ends && cur.kind >= 0) {
			cur.end = (int)i;
			e = build(r, &cur);
			cur.kind = -1;
		}
		if (e || i == L->n)
			break;
		if (cur.kind < 0 || kind >= 0)
			e = add_prose(r, &L->v[i], text);
		if (kind >= 0) {
			cur = (tbl){ kind, L->v[i].line, L->v[i].page, (int)i + span, (int)L->n, text, docunit, 0 };
			/* its unit */
			for (size_t j = i + (size_t)span; j < L->n && j < i + (size_t)span + 5; j++) {
				ys_unit u;
				const char *dept = NULL;
				if (unit_line(r, &L->v[j], &u, &dept)) {
					cur.unit = u;
					cur.has_unit = 1;
					if (!have_docunit) {
						docunit = u;
						have_docunit = 1;
					}
					if (dept && !doc->department[0])
						doc->department = dept;
					break;
				}
			}
			i += (size_t)span - 1;
		}
	}
	doc->unit = docunit;
	return e;
}

static int year_of(const ys_lines *L)
{
	/* the first 20xx年 in the document's first lines */
	for (size_t i = 0; i < L->n && i < 60; i++)
		for (int k = 0; k < L->v[i].nf; k++) {
			const char *s = L->v[i].f[k].s;
			for (const char *p = s; *p; p++)
				if (p[0] == '2' && p[1] == '0' && is_digit(p[2]) && is_digit(p[3]) && !strncmp(p + 4, "年", 3) &&
				    (p == s || !is_digit(p[-1])))
					return (p[2] - '0') * 10 + (p[3] - '0') + 2000;
		}
	return 0;
}

static ys_result read_doc(ys_ctx *ctx, const char *name, ys_lines *L, ys_doc **out)
{
	*out = NULL;
	if (!descriptions())
		return ys_error(ctx, YS_EINVAL, "the layout descriptions could not be loaded");
	ys_doc *doc = ys_doc_new(name);
	if (!doc)
		return ys_error(ctx, YS_ENOMEM, "out of memory");
	doc->paged = L->positioned;
	doc->year = year_of(L);
	rd r = { ctx, doc, L, YS_BUF_INIT };
	ys_result e = read_lines(&r);
	ys_buf_release(&r.tmp);
	if (!e && doc->nothers == 0)
		e = ys_error(ctx, YS_EPARSE,
		             "%s: no table recognised: no title matched a layout description (see docs/layouts.md)%s", name,
		             doc->nunread ? "; titles seen but not known are listed by --format json" : "");
	if (e) {
		ys_doc_free(doc);
		return e;
	}
	*out = doc;
	return YS_OK;
}

ys_result ys_doc_read_pdfs(ys_ctx *ctx, const char *const *paths, int n, ys_doc **out)
{
	*out = NULL;
	ys_lines L;
	ys_lines_init(&L);
	ys_result e = YS_OK;
	int *first = n > 0 ? calloc((size_t)n, sizeof *first) : NULL;
	if (n > 0 && !first)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	for (int i = 0; i < n && !e; i++) {
		first[i] = L.npages + 1;
		e = ys_lines_from_pdf(ctx, paths[i], &L);
	}
	/* the seed's own layout (预算01表 …) goes into the 13-table model */
	if (!e && ys_seed_layout_lines(&L))
		e = ys_doc_read_seed_lines(ctx, paths[0], &L, out);
	else if (!e)
		e = read_doc(ctx, paths[0], &L, out);
	ys_lines_release(&L);
	/* findings name the file a page is in, and the page in it */
	if (!e && (e = ys_doc_set_parts(ctx, *out, paths, first, n))) {
		ys_doc_free(*out);
		*out = NULL;
	}
	free(first);
	return e;
}

ys_result ys_doc_read_pdf(ys_ctx *ctx, const char *path, ys_doc **out)
{
	return ys_doc_read_pdfs(ctx, &path, 1, out);
}

ys_result ys_doc_read_general(ys_ctx *ctx, const char *name, const char *data, size_t len, ys_doc **out)
{
	*out = NULL;
	char *text;
	size_t tl;
	ys_encoding enc;
	ys_result e = ys_text_decode(ctx, name, data, len, &text, &tl, &enc);
	if (e)
		return e;
	ys_lines L;
	ys_lines_init(&L);
	e = ys_lines_from_text(ctx, name, text, tl, &L);
	if (!e)
		e = read_doc(ctx, name, &L, out);
	if (!e)
		(*out)->encoding = enc;
	ys_lines_release(&L);
	free(text);
	return e;
}

ys_result ys_pdf_text(ys_ctx *ctx, const char *path, int positions, ys_buf *out)
{
	ys_lines L;
	ys_lines_init(&L);
	ys_result e = ys_lines_from_pdf(ctx, path, &L);
	if (!e)
		ys_lines_render(&L, positions, out);
	ys_lines_release(&L);
	return e;
}
