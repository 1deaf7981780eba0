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
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layouts_int.h"
#include "read/lines.h"
#include "read/seedpdf.h"
#include "yusuan/doc.h"
#include "yusuan/text.h"

/* The layout descriptions (parsed once; read_doc has checked they parse). */
static const ys_layouts *lay(void)
{
	return ys_layouts_builtin(NULL);
}

static const char *role_of(const ys_lwords *set, int n, const char *k, int exact)
{
	return ys_layouts_role(set, n, k, exact, NULL);
}

/* ---- fragments ---- */

/* What a line is to the tables (rd.flag). */
enum {
	LF_SKIP = 1, /* a table's title, number or header printed again: not a row */
	LF_FURN = 2, /* page furniture: a page number, the heading printed on every page */
};

typedef struct rd {
	ys_ctx *ctx;
	ys_doc *doc;
	ys_lines *L;
	ys_buf tmp;
	const char **text;   /* per line: its fragments joined */
	const char **key;    /* per line: the label key of text */
	unsigned char *flag; /* per line: LF_* */
	int left, width;     /* where the document's lines begin, and the width they take (positioned) */
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

static int starts_label(const char *s);

/* Does the line print a figure (a code alone at its start is not one)? */
static int line_has_figures(const ys_line *l)
{
	for (int k = 0; k < l->nf; k++) {
		const char *s = l->f[k].s;
		size_t n = strlen(s);
		/* a code: alone, or before a name (301 工资福利支出) */
		int code = digits_only(s) && n >= 3 && n <= 9 &&
		           (k + 1 == l->nf ? l->nf == 1 : !amount_like(l->f[k + 1].s));
		/* a number that begins a sentence (7000多个卫生机构…) */
		int h = l->h > 0 ? l->h : 100;
		int word = digits_only(s) && k + 1 < l->nf && !amount_like(l->f[k + 1].s) &&
		           l->f[k + 1].x0 - l->f[k].x1 < h && !starts_label(l->f[k + 1].s);
		if ((is_digit(s[0]) || s[0] == '-') && amount_like(s) && !code && !(word && !is_digit(l->f[k + 1].s[0])))
			return 1;
	}
	return 0;
}

/* Does a label start a row of its own (一、 1. （一） 合计 …)? */
/* The row of column numbers under a header (栏次 1 2 3 …, ** ** 1 2 …):
 * its figures are 1, 2, 3 … in order, or ** placeholders. */
static int column_numbers(const ys_line *l)
{
	int next = 0, seen = 0;
	for (int k = 0; k < l->nf; k++) {
		const char *s = l->f[k].s;
		if (!strcmp(s, "**") || !strcmp(s, "*"))
			continue;
		if (!digits_only(s)) {
			if (amount_like(s))
				return 0;
			continue; /* 栏次, 行次, 合计 */
		}
		int v = 0;
		for (const char *p = s; *p && v < 1000; p++)
			v = v * 10 + (*p - '0');
		if (next && v != next)
			return 0;
		next = v + 1;
		seen++;
	}
	return seen >= 3;
}

static int starts_label(const char *s)
{
	static const char *const ord[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL };
	if (is_digit(s[0])) {
		/* 1. 1、 (1 a code 301 工资福利支出, 2080505机关事业…; not a
		 * number that begins a sentence: 7000多个卫生机构… */
		size_t d = 0;
		while (is_digit(s[d]))
			d++;
		const char *p = s + d;
		return !*p || *p == '.' || *p == ')' || !strncmp(p, "、", 3) || !strncmp(p, "．", 3) ||
		       !strncmp(p, "）", 3) || (d != 4 && d >= 3 && d <= 9 && (unsigned char)*p >= 0xE4);
	}
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

static const char *const cjk_digits[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL };

/* The length of a table's number at p: one or two digits (表12026年 is
 * 表1 before a year), or Chinese numerals. */
static size_t numeral(const char *p)
{
	size_t n = 0;
	while (is_digit(p[n]))
		n++;
	if (n > 2) {
		/* a year right after the number: 表1 2026年, 表12 2026年 */
		size_t d = n >= 5 ? n - 4 : 0;
		return d >= 1 && d <= 2 && p[d] == '2' && p[d + 1] == '0' && !strncmp(p + n, "年", 3) ? d : 0;
	}
	if (n)
		return n;
	for (int hit = 1; hit;) {
		hit = 0;
		for (int i = 0; cjk_digits[i] && !hit; i++)
			if (!strncmp(p + n, cjk_digits[i], 3)) {
				n += 3;
				hit = 1;
			}
	}
	return n;
}

/* The length in bytes of a table's numbering at the start of key k (NFKC,
 * without spaces), with the separator after it: 表3 表14-1 表3: 附表2 表六
 * 公开01表 预算01表 单位预算09表 单位预算表10; 0 when k starts with none. */
static size_t numbering_len(const char *k)
{
	static const char *const pre[] = { "单位预算", "部门预算", "部门公开", "公开", "预算", "附", "", NULL };
	for (int i = 0; pre[i]; i++) {
		size_t pl = strlen(pre[i]), n;
		const char *p = k + pl;
		if (strncmp(k, pre[i], pl))
			continue;
		if (!strncmp(p, "表", 3) && (n = numeral(p + 3)) > 0) {
			p += 3 + n; /* 表3, 单位预算表10 */
			if ((*p == '-' || *p == '_' || !strncmp(p, "—", 3)) && (n = numeral(p + (*p == '-' || *p == '_' ? 1 : 3))))
				p += (*p == '-' || *p == '_' ? 1 : 3) + n; /* 表14-1 */
		} else if (pl && (n = numeral(p)) > 0 && !strncmp(p + n, "表", 3)) {
			p += n + 3; /* 公开01表 */
		} else {
			continue;
		}
		if (*p == ':' || *p == '.')
			p++;
		else if (!strncmp(p, "、", 3))
			p += 3;
		return (size_t)(p - k);
	}
	return 0;
}

/* Is the key a table's number alone (表六, 表12, 公开01表, 表14-1)? */
static int number_only(const char *k)
{
	size_t n = numbering_len(k);
	return n && !k[n];
}

static const char *join_frags(ys_arena *a, const ys_frag *f, int nf)
{
	ys_buf b = YS_BUF_INIT;
	for (int k = 0; k < nf; k++)
		ys_buf_adds(&b, f[k].s);
	const char *s = ys_arena_strndup(a, b.s ? b.s : "", b.len);
	ys_buf_release(&b);
	return s ? s : "";
}

/* The line's fragments joined (computed once per line in read_doc). */
static const char *joined(rd *r, const ys_line *l)
{
	return r->text[l - r->L->v];
}

/* ---- titles ---- */

static int has_any(const char *k, const char *const *w)
{
	for (int i = 0; w[i]; i++)
		if (strstr(k, w[i]))
			return 1;
	return 0;
}

/* Past a leading ordinal in key k: 一、 (一) 1. 1、 */
static const char *past_ordinal(const char *k)
{
	const char *p = k;
	if (*p == '(') {
		size_t n = numeral(p + 1);
		return n && p[1 + n] == ')' ? p + n + 2 : k;
	}
	size_t n = numeral(p);
	if (!n)
		return k;
	p += n;
	if (*p == '.' && !is_digit(p[1]))
		return p + 1;
	if (!strncmp(p, "、", 3))
		return p + 3;
	return k;
}

/* Does key k end as a title does: …表, …表(按功能分类), …表(续)? */
static int ends_as_title(const char *k)
{
	size_t n = strlen(k);
	for (int guard = 0; guard < 3 && n > 0 && k[n - 1] == ')'; guard++) {
		/* drop a parenthetical at the end */
		size_t o = n - 1;
		while (o > 0 && k[o] != '(')
			o--;
		if (k[o] != '(')
			return 0;
		n = o;
	}
	if (n >= 3 && !strncmp(k + n - 3, "续", 3))
		n -= 3;
	return n >= 3 && !strncmp(k + n - 3, "表", 3);
}

/* The key that says two title lines name the same table (a title printed
 * again on each page): without numbering, ordinal, year and 续. */
static const char *title_same_key(rd *r, const char *k)
{
	k += numbering_len(k);
	k = past_ordinal(k);
	ys_buf b = YS_BUF_INIT;
	for (const char *p = k; *p;) {
		if (p[0] == '2' && p[1] == '0' && is_digit(p[2]) && is_digit(p[3]) && !strncmp(p + 4, "年", 3)) {
			p += 7;
			if (!strncmp(p, "度", 3))
				p += 3;
			continue;
		}
		if (!strncmp(p, "(续)", 5)) {
			p += 5;
			continue;
		}
		if (!strncmp(p, "续", 3)) {
			p += 3;
			continue;
		}
		ys_buf_addc(&b, *p++);
	}
	const char *s = ys_arena_strndup(&r->doc->arena, b.s ? b.s : "", b.len);
	ys_buf_release(&b);
	return s ? s : "";
}

/* Is this line (its key) a table title?  Returns the kind, or -1; *cont
 * when it says the table goes on (（续）), *looks when it looks like a
 * table's title that no description knows. */
static int title_kind(const char *k, int *cont, int *looks)
{
	/* sentences, contents lines (with leaders), section headings that name a
	 * table (一、收支预算总表情况说明) are not titles */
	static const char *const prose[] = { ",", "。", ";", "...", ":", "《", "》", "说明", "本表", "反映", NULL };
	*cont = 0;
	*looks = 0;
	k += numbering_len(k);
	size_t n = ys_utf8_count(k, strlen(k));
	if (n < 3 || n > 64 || has_any(k, prose) || !ends_as_title(k))
		return -1;
	size_t kl = strlen(k);
	/* the heading of the tables' part (江苏省人大2017年度部门预算表) */
	if ((kl >= 15 && !strcmp(k + kl - 15, "部门预算表")) || (kl >= 15 && !strcmp(k + kl - 15, "部门决算表")) ||
	    (kl >= 15 && !strcmp(k + kl - 15, "单位预算表")))
		return -1;
	if (strstr(k, "续"))
		*cont = 1;
	*looks = strstr(k, "预算") || strstr(k, "决算") || strstr(k, "支出") || strstr(k, "收入");
	for (int i = 0; i < lay()->nkinds; i++) {
		const ys_lkind *g = &lay()->kinds[i];
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
	int line, page, y, h;
	int ylast;    /* the top of its last line */
	int figures;  /* it has a figure */
	int labelled; /* its first line starts a label (一、 1. …) */
	ys_frag *f;   /* its fragments in reading order: by line, then left to right */
	int *fy;      /* the top of each fragment's line */
	int nf;
	size_t cap, capy;
} grow;

static int overlap(int a0, int a1, int b0, int b1)
{
	int lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
	return hi - lo;
}

#define ROW_FRAGS_MAX (YS_LINE_FRAGS_MAX * 16) /* a row's lines' fragments, before its cells are joined */

static ys_result row_add(rd *r, grow *g, const ys_frag *f, int y)
{
	if (g->nf >= ROW_FRAGS_MAX)
		return ys_error(r->ctx, YS_ELIMIT, "%s: 第 %d 行起的一行表格超过 %d 段文字", r->doc->file, g->line,
		                ROW_FRAGS_MAX);
	if (ys_grow((void **)&g->f, &g->cap, (size_t)g->nf + 1, sizeof *g->f) ||
	    ys_grow((void **)&g->fy, &g->capy, (size_t)g->nf + 1, sizeof *g->fy))
		return ys_error(r->ctx, YS_ENOMEM, "out of memory");
	int at = g->nf;
	while (at > 0 && (g->fy[at - 1] > y || (g->fy[at - 1] == y && g->f[at - 1].x0 > f->x0)))
		at--;
	memmove(&g->f[at + 1], &g->f[at], sizeof *g->f * (size_t)(g->nf - at));
	memmove(&g->fy[at + 1], &g->fy[at], sizeof *g->fy * (size_t)(g->nf - at));
	g->f[at] = *f;
	g->fy[at] = y;
	g->nf++;
	return YS_OK;
}

/* Words in the same place on several lines of a row are one cell: each
 * joined, in reading order, to the first above it. */
static ys_result row_join(rd *r, grow *g)
{
	int n = 0;
	for (int i = 0; i < g->nf; i++) {
		const ys_frag *f = &g->f[i];
		int into = -1;
		for (int j = 0; j < n && into < 0 && !amount_like(f->s); j++)
			if (g->fy[j] != g->fy[i] && overlap(f->x0, f->x1, g->f[j].x0, g->f[j].x1) > 0 && !amount_like(g->f[j].s))
				into = j;
		if (into < 0) {
			g->f[n] = *f;
			g->fy[n++] = g->fy[i];
			continue;
		}
		ys_frag *t = &g->f[into];
		const char *s = ys_arena_printf(&r->doc->arena, "%s%s", t->s, f->s);
		if (!s)
			return ys_error(r->ctx, YS_ENOMEM, "out of memory");
		t->s = s;
		if (f->x0 < t->x0)
			t->x0 = f->x0;
		if (f->x1 > t->x1)
			t->x1 = f->x1;
		t->chx = t->chb = NULL;
		t->nch = 0;
		g->fy[into] = g->fy[i]; /* the words below join it next */
	}
	g->nf = n;
	return YS_OK;
}

/* The length of a code at the start of s that its name follows
 * without a gap (201002理论讲师, [206]科学技术支出), or 0; *skip the
 * brackets' bytes. */
static size_t code_prefix(const char *s, size_t *lead)
{
	static const char *const units[] = { "年", "月", "日", "万", "元", "个", "人", "次", "家", "天", "亿", "吨", "台",
		                             "辆", "套", "件", "户", "名", "所", "座", "处", "条", "张", "份", "号", "期",
		                             "批", "项", "类", "款", "级", "%", "％", NULL };
	const char *p = s;
	*lead = 0;
	if (*p == '[' || !strncmp(p, "［", 3) || !strncmp(p, "【", 3)) {
		*lead = *p == '[' ? 1 : 3;
		p += *lead;
	}
	size_t d = 0;
	while (is_digit(p[d]))
		d++;
	if (d < 3 || d > 9)
		return 0;
	const char *q = p + d;
	if (*lead) {
		if (*q == ']')
			q++;
		else if (!strncmp(q, "］", 3) || !strncmp(q, "】", 3))
			q += 3;
		else
			return 0;
		return *q ? (size_t)(q - s) : 0;
	}
	/* a name in Chinese follows, not a unit (2026年, 100万元) */
	if ((unsigned char)*q < 0xE4 || (unsigned char)*q > 0xE9)
		return 0;
	for (int i = 0; units[i]; i++)
		if (!strncmp(q, units[i], strlen(units[i])))
			return 0;
	return (size_t)(q - s);
}

/* The x where byte offset off of fragment f begins, from the line's fine
 * fragments (each character's place), or -1. */
static int x_at(const ys_line *l, const ys_frag *f, size_t off)
{
	for (int k = 0; k < l->nff; k++) {
		const ys_frag *ff = &l->ff[k];
		if (ff->x1 < f->x0 || ff->x0 > f->x1 || !ff->chx)
			continue;
		/* the fine fragment's bytes within f */
		const char *at = strstr(f->s, ff->s);
		if (!at)
			continue;
		size_t base = (size_t)(at - f->s);
		for (int i = 0; i < ff->nch; i++)
			if (base + (size_t)ff->chb[i] == off)
				return i > 0 ? (ff->chx[i - 1] + ff->chx[i]) / 2 : ff->x0;
	}
	return -1;
}

/* Figures printed against each other (57,232,550.0039,358,500.00): the
 * byte lengths of the figures, each with `dec` decimals and its thousands
 * grouped by threes, into len[]; their number (at least 2), or 0. */
static int glued_figures(const char *s, int dec, size_t *len, int max)
{
	int n = 0;
	const char *p = s;
	while (*p && n < max) {
		const char *a = p;
		if (*p == '-')
			p++;
		size_t g = 0;
		while (is_digit(p[g]))
			g++;
		if (!g)
			return 0;
		int commas = 0;
		p += g;
		while (*p == ',') {
			if (g > 3 || !is_digit(p[1]) || !is_digit(p[2]) || !is_digit(p[3]))
				return 0;
			p += 4;
			commas = 1;
		}
		(void)commas;
		if (*p != '.')
			return 0;
		p++;
		for (int d = 0; d < dec; d++)
			if (!is_digit(*p++))
				return 0;
		len[n++] = (size_t)(p - a);
	}
	return *p ? 0 : n;
}

/* A line's fragments into a row: from a PDF the fine ones (a figure set
 * against the words after it, 0.00之上…, comes apart; the row's cells
 * join words again). */
static ys_result row_add_line(rd *r, grow *g, const ys_line *l)
{
	ys_result e = YS_OK;
	int fine = r->L->positioned && line_has_figures(l); /* words alone stay as printed (7000多个…) */
	const ys_frag *fv = fine ? l->ff : l->f;
	int nf = fine ? l->nff : l->nf;
	for (int k = 0; k < nf && !e; k++) {
		const ys_frag *f = &fv[k];
		/* only a code at the start of the line, on the left of the page */
		size_t lead = 0, n = r->L->positioned && k == 0 && (f->x0 - r->left) * 10 < r->width * 4
		                             ? code_prefix(f->s, &lead)
		                             : 0;
		/* figures against each other: each where its characters are */
		size_t gl[16];
		int ng = 0;
		if (f->chx && f->nch == (int)ys_utf8_count(f->s, strlen(f->s)) && strchr(f->s, '.') &&
		    strchr(strchr(f->s, '.') + 1, '.'))
			for (int dec = 2; dec <= 6 && ng < 2; dec += 2)
				ng = glued_figures(f->s, dec, gl, 16);
		if (ng >= 2) {
			size_t off = 0;
			for (int q = 0; q < ng && !e; q++) {
				ys_frag piece = *f;
				piece.s = ys_arena_strndup(&r->doc->arena, f->s + off, gl[q]);
				if (!piece.s)
					return ys_error(r->ctx, YS_ENOMEM, "out of memory");
				/* the characters are one byte each: digits, , . - */
				int c0 = (int)off, c1 = (int)(off + gl[q]) - 1;
				int half = f->nch > 1 ? (f->chx[1] - f->chx[0]) / 2 : 0;
				piece.x0 = q ? f->chx[c0] - half : f->x0;
				piece.x1 = q + 1 < ng ? f->chx[c1] + half : f->x1;
				piece.chx = piece.chb = NULL;
				piece.nch = 0;
				e = row_add(r, g, &piece, l->y);
				off += gl[q];
			}
			continue;
		}
		/* a bracketed code ([206]科学技术支出) stays with its name: the
		 * names are indented by level, so the code ends at varying places
		 * (the cells split it) */
		int x = n && !lead ? x_at(l, f, n) : -1;
		if (x > f->x0 && x < f->x1) {
			/* a code and its name printed together: two cells */
			size_t digits = lead ? strspn(f->s + lead, "0123456789") : n;
			ys_frag a = *f, b = *f;
			a.s = ys_arena_strndup(&r->doc->arena, f->s + lead, digits);
			b.s = ys_arena_strdup(&r->doc->arena, f->s + n);
			if (!a.s || !b.s)
				return ys_error(r->ctx, YS_ENOMEM, "out of memory");
			a.x1 = x - 1;
			b.x0 = x;
			a.chx = a.chb = b.chx = b.chb = NULL;
			a.nch = b.nch = 0;
			e = row_add(r, g, &a, l->y);
			if (!e)
				e = row_add(r, g, &b, l->y);
			continue;
		}
		e = row_add(r, g, f, l->y);
	}
	return e;
}

/* May line l's figures belong to row g's lines above: each is where g
 * has nothing, or the last digits of a figure of g wrapped below it? */
static int wraps_figures(const grow *g, const ys_line *l)
{
	for (int k = 0; k < l->nf; k++) {
		const ys_frag *f = &l->f[k];
		for (int j = 0; j < g->nf; j++) {
			if (overlap(f->x0, f->x1, g->f[j].x0, g->f[j].x1) <= 0)
				continue;
			size_t n = strlen(f->s);
			int fa = amount_like(f->s), ga = amount_like(g->f[j].s);
			if (!fa && !ga)
				continue; /* a name wrapped below */
			if (!(digits_only(f->s) && n <= 3 && ga && strchr(g->f[j].s, '.') &&
			      f->x1 >= g->f[j].x1 - (l->h > 0 ? l->h : 100)))
				return 0;
		}
	}
	return 1;
}

/* Do the fragments of a line sit where the row has anything? */
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
	int x0, x1;   /* where its figures and words are printed */
	int n, amounts, digits, texts;
	int type; /* 0 text, 1 code, 2 amount */
	int def;  /* def column it becomes */
	char label[256];
	char group[256]; /* the headers over it and its neighbours, outer first (·) */
	int hx0, hx1;    /* with its header words */
	int ytop;        /* the top of its header words (INT_MAX: none) */
	int ngrp;
	int grp[4];      /* the groups over it (hgrp), outer first */
	int coded;       /* its fragments that begin with a code ([206]科学技术支出) */
	int codename;    /* a column of codes and names printed together: two def columns */
} gcol;

#define MAXCOLS 48

/* Cluster the rows' fragments into columns by where they are printed:
 * a fragment joins the column it overlaps most (by 40 % of the narrower),
 * figures with figures and words with words (a long description begun
 * where another page prints the last column's figures is not that
 * column); columns that grew into each other are one. */
static int cluster(grow *rows, int nrows, gcol *c, int maxc)
{
	int nc = 0;
	int *fig = calloc((size_t)maxc, sizeof *fig), *txt = calloc((size_t)maxc, sizeof *txt);
	if (!fig || !txt) {
		free(fig);
		free(txt);
		return 0;
	}
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < nrows; i++)
			for (int k = 0; k < rows[i].nf; k++) {
				const ys_frag *f = &rows[i].f[k];
				int isfig = amount_like(f->s);
				if (isfig != (pass == 0))
					continue; /* figures first: they make the columns */
				int best = -1, bo = 0;
				for (int j = 0; j < nc; j++) {
					int o = overlap(f->x0, f->x1, c[j].x0, c[j].x1);
					int w = f->x1 - f->x0 < c[j].x1 - c[j].x0 ? f->x1 - f->x0 : c[j].x1 - c[j].x0;
					/* words over a column of figures only where they sit well in it */
					int other = isfig ? fig[j] == 0 && txt[j] > 0 : txt[j] == 0 && fig[j] > 0;
					if (other && o * 10 < (f->x1 - f->x0) * 8)
						continue;
					if (o > bo && o * 10 >= (w > 0 ? w : 1) * 4) {
						bo = o;
						best = j;
					}
				}
				if (best < 0 && nc < maxc) {
					c[nc] = (gcol){ f->x0, f->x1, 0, 0, 0, 0, 0, 0, "", "", f->x0, f->x1, INT_MAX, 0, { 0 }, 0, 0 };
					fig[nc] = txt[nc] = 0;
					best = nc++;
				} else if (best < 0) {
					continue;
				}
				if (isfig)
					fig[best]++;
				else
					txt[best]++;
				/* words reaching over from a column of words do not widen a column
				 * of figures */
				if (!isfig && fig[best] > txt[best])
					continue;
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
				/* words and figures: only words lying within the figures'
				 * column (a label reaching over), not a column of words that
				 * begins where the figures end */
				int mixed = (fig[a] > txt[a]) != (fig[b] > txt[b]);
				if (mixed) {
					/* or a number or two inside a column of words (广州市市场监督
					 * 管理局 / 12315投诉举报中心) */
					int fa = fig[a] > txt[a], nfig = fa ? fig[a] : fig[b];
					int wf = fa ? c[a].x1 - c[a].x0 : c[b].x1 - c[b].x0;
					w = fa ? c[b].x1 - c[b].x0 : c[a].x1 - c[a].x0;
					if (nfig <= 2 && o * 10 >= wf * 8)
						w = wf;
				}
				if (o * 10 >= (w > 0 ? w : 1) * (mixed ? 8 : 4)) {
					if (c[b].x0 < c[a].x0)
						c[a].x0 = c[b].x0;
					if (c[b].x1 > c[a].x1)
						c[a].x1 = c[b].x1;
					fig[a] += fig[b];
					txt[a] += txt[b];
					c[b] = c[--nc];
					fig[b] = fig[nc];
					txt[b] = txt[nc];
					again = 1;
				}
			}
	}
	free(fig);
	free(txt);
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

static int is_empty_note(rd *r, const char *text)
{
	const char *k = kkey(r, text);
	/* 注：无。 says there is nothing to note */
	if (!strcmp(k, "注:无。") || !strcmp(k, "注:无") || !strcmp(k, "备注:无。") || !strcmp(k, "备注:无"))
		return 0;
	/* a note (注 说明 本表 本部门 本单位 …), not a row's name that holds
	 * 无 ((监理处)…无人机排查) */
	return (strstr(k, "注") || strstr(k, "说明") || strstr(k, "本表") || strstr(k, "本部门") || strstr(k, "本单位") ||
	        (k[0] == '(' && k[strlen(k) - 1] == ')' && ys_utf8_count(k, strlen(k)) <= 16)) &&
	       role_of(&lay()->empty, 1, k, 0) != NULL;
}

/* Does key k start a note under a table (注：… 备注：… 说明：…)? */
static int note_start(const char *k)
{
	const char *p = k;
	if (!strncmp(p, "备注", 6) || !strncmp(p, "说明", 6))
		p += 6;
	else if (!strncmp(p, "注", 3))
		p += 3;
	else
		return 0;
	while (is_digit(*p))
		p++;
	return *p == ':' || !strncmp(p, "、", 3);
}

/* Are column j's figures the rows' numbers, 1, 2, 3 … down the table? */
static int sequence(grow *rows, int nrows, const gcol *c, int nc, int j)
{
	int next = 1, seen = 0;
	for (int i = 0; i < nrows; i++)
		for (int k = 0; k < rows[i].nf; k++) {
			if (col_of(c, nc, &rows[i].f[k]) != j)
				continue;
			const char *s = rows[i].f[k].s;
			int v = 0;
			for (; *s && v < 100000; s++)
				v = v * 10 + (*s - '0');
			if (v != next)
				return 0;
			next++;
			seen++;
		}
	return seen >= 3;
}

/* ---- headers ---- */

/* A header word as printed, and the stack of words (a column's label,
 * wrapped over several lines) it belongs to. */
typedef struct hpiece {
	int x0, x1, y, h;
	const char *s;
	int stack; /* -1: a group's */
} hpiece;

typedef struct hstack {
	int x0, x1, ytop;
	char key[256]; /* its words so far, top to bottom */
} hstack;

/* A header over several columns (财政拨款 over 小计 | 一般公共预算 | …). */
typedef struct hgrp {
	int x0, x1, y;
	int a, b; /* the columns under it */
	const char *label;
	const char *role;
} hgrp;

#define MAXPIECES 512
#define MAXSTACKS 96
#define MAXGROUPS 32

/* Is role the lhs of a sum statement (a header over its parts)? */
static int group_role(const char *role)
{
	if (!role || !strcmp(role, "total"))
		return 0;
	if (!strcmp(role, "memo"))
		return 1;
	for (int i = 0; i < lay()->nsums; i++)
		if (!strcmp(lay()->sums[i].lhs, role))
			return 1;
	return 0;
}

/* May a column of role `member` stand under a header of role `group`? */
static int member_of(const char *group, const char *member)
{
	if (!group || !strcmp(group, "memo"))
		return 1;
	if (!member)
		return 0;
	for (int i = 0; i < lay()->nsums; i++) {
		const ys_lsum *sm = &lay()->sums[i];
		if (strcmp(sm->lhs, group))
			continue;
		for (int k = 0; k < sm->nparts; k++)
			if (!strcmp(sm->parts[k], member))
				return 1;
	}
	return 0;
}

static const char *col_role(rd *r, const char *label, size_t *wlen);

/* May a column labelled `label` stand under a header of role `group`
 * (NULL: a header no description knows), first of its columns or not? */
static int fits_under(rd *r, const char *group, const char *label, int first)
{
	if (!group)
		return 1;
	const char *m = col_role(r, label, NULL);
	if (m && !strcmp(m, "total"))
		return first;
	if (member_of(group, m) || (m && !strcmp(m, "memo")))
		return 1;
	ys_buf_reset(&r->tmp);
	ys_label_key(&r->tmp, label, strlen(label));
	if (r->tmp.s && !strncmp(r->tmp.s, "其中", strlen("其中")))
		return 1; /* a part of it named under 其中 */
	/* a header whose parts no sum names: columns of no other role */
	for (int i = 0; i < lay()->nsums; i++)
		if (!strcmp(lay()->sums[i].lhs, group))
			return 0;
	return !m;
}

static const char *col_role(rd *r, const char *label, size_t *wlen)
{
	ys_buf_reset(&r->tmp);
	ys_label_key(&r->tmp, label, strlen(label));
	const char *k = r->tmp.s ? r->tmp.s : "";
	/* 其中：项目支出 is a 项目支出 */
	if (!strncmp(k, "其中:", 7) && k[7])
		k += 7;
	const char *role = ys_layouts_role(lay()->cols, lay()->ncols, k, 0, wlen);
	return role;
}

/* Does header word p, over a column whose words so far are S's, head a
 * group rather than begin S's label: its words name a group's role
 * (财政拨款, 单位资金, 本年收入, 基本支出) and S's another, and they make no
 * longer word together? */
static int heads_group(rd *r, const char *p, const hstack *S, int gap)
{
	size_t wp, ws, wc;
	char both[512];
	const char *rp = col_role(r, p, &wp);
	/* a group's role, or another column's role a line or more above */
	if (!(group_role(rp) || (gap && rp && strcmp(rp, "total") && strcmp(rp, "code") && strcmp(rp, "name"))) ||
	    !S->key[0])
		return 0;
	const char *rs = col_role(r, S->key, &ws);
	if (!rs || !strcmp(rs, rp))
		return 0;
	snprintf(both, sizeof both, "%s%s", p, S->key);
	col_role(r, both, &wc);
	return wc <= (wp > ws ? wp : ws);
}

static void key_prepend(char *dst, size_t cap, const char *s)
{
	char tmp[256];
	snprintf(tmp, sizeof tmp, "%s%s", s, dst);
	snprintf(dst, cap, "%s", tmp);
}

/* Give each column its label and the groups over it from the header
 * lines [from, to): words stacked over a column (bottom up, each joining
 * the stack it overlaps) are its label; a word over several stacks, or
 * one that names a group's role over a stack of another role, heads the
 * columns it is centred over.  A stack over no column of figures is a
 * column printed empty (a table whose cells are blank), inserted in
 * place.  Returns the number of columns (may grow). */
static int headers(rd *r, int from, int to, gcol *c, int nc, hgrp *g, int *ng)
{
	const ys_lines *L = r->L;
	hpiece *pc = calloc(MAXPIECES, sizeof *pc);
	hstack *st = calloc(MAXSTACKS, sizeof *st);
	int np = 0, ns = 0;
	*ng = 0;
	if (!pc || !st) {
		free(pc);
		free(st);
		return nc;
	}
	/* the header's words, bottom line first */
	for (int i = to - 1; i >= from; i--) {
		const ys_line *l = &L->v[i];
		ys_unit u;
		if (r->flag[i] || unit_line(r, l, &u, NULL) || note_start(r->key[i]) || is_empty_note(r, r->text[i]))
			continue;
		const ys_frag *fv = L->positioned ? l->ff : l->f;
		int nf = L->positioned ? l->nff : l->nf;
		for (int k = 0; k < nf && np < MAXPIECES; k++)
			pc[np++] = (hpiece){ fv[k].x0, fv[k].x1, l->y, l->h, fv[k].s, -1 };
	}
	/* stacks, bottom up */
	for (int p = 0; p < np; p++) {
		hpiece *h = &pc[p];
		int hit[MAXSTACKS], nh = 0, touch = 0;
		for (int j = 0; j < ns; j++) {
			int o = overlap(h->x0, h->x1, st[j].x0, st[j].x1);
			int w = h->x1 - h->x0 < st[j].x1 - st[j].x0 ? h->x1 - h->x0 : st[j].x1 - st[j].x0;
			if (o > 0 && o * 10 >= (w > 0 ? w : 1) * 3)
				hit[nh++] = j;
			touch += o > 0 && st[j].ytop > h->y;
		}
		if (nh == 0 && touch >= 2)
			continue; /* over the gutter between two columns: a group's */
		int wide = 0;
		if (nh == 1 && L->positioned) {
			/* wider than the room between its neighbours: over several
			 * columns (公务用车购置及运行费 over 小计 | 购置费 | 运行费) */
			const hstack *S = &st[hit[0]];
			int left = INT_MIN, right = INT_MAX;
			for (int j = 0; j < ns; j++) {
				if (j == hit[0])
					continue;
				if (st[j].x1 <= S->x0 && (st[j].x1 + S->x0) / 2 > left)
					left = (st[j].x1 + S->x0) / 2;
				if (st[j].x0 >= S->x1 && (S->x1 + st[j].x0) / 2 < right)
					right = (S->x1 + st[j].x0) / 2;
			}
			/* and a line or more above the stack's words */
			wide = left > INT_MIN && right < INT_MAX && h->x1 - h->x0 > right - left &&
			       S->ytop - (h->y + h->h) >= h->h * 8 / 10;
		}
		if (nh == 1 && L->positioned && !wide) {
			/* a centred header's words are centred over its column: words
			 * reaching far out on one side only are over other columns too
			 * (“三公”经费预算数 over 合计 … 运行费) */
			const hstack *S = &st[hit[0]];
			int out_l = S->x0 - h->x0, out_r = h->x1 - S->x1;
			int wmax = h->x1 - h->x0 > S->x1 - S->x0 ? h->x1 - h->x0 : S->x1 - S->x0;
			wide = abs(out_l - out_r) * 2 > wmax && S->ytop - (h->y + h->h) >= h->h * 8 / 10;
		}
		int gap = nh == 1 && st[hit[0]].ytop - (h->y + h->h) >= h->h * 8 / 10;
		if (nh == 1 && !wide && !(st[hit[0]].ytop > h->y && heads_group(r, h->s, &st[hit[0]], gap))) {
			hstack *S = &st[hit[0]];
			h->stack = hit[0];
			if (h->x0 < S->x0)
				S->x0 = h->x0;
			if (h->x1 > S->x1)
				S->x1 = h->x1;
			if (h->y < S->ytop) {
				key_prepend(S->key, sizeof S->key, h->s);
				S->ytop = h->y;
			} else {
				size_t used = strlen(S->key);
				snprintf(S->key + used, sizeof S->key - used, "%s", h->s);
			}
		} else if (nh == 0 && ns < MAXSTACKS) {
			st[ns] = (hstack){ h->x0, h->x1, h->y, "" };
			snprintf(st[ns].key, sizeof st[ns].key, "%s", h->s);
			h->stack = ns++;
		}
	}
	/* the stacks left to right; each column of figures or words is under
	 * the stack whose room (to the midpoints with its neighbours) holds
	 * its middle */
	for (int a = 1; a < ns; a++)
		for (int b = a; b > 0 && st[b].x0 + st[b].x1 < st[b - 1].x0 + st[b - 1].x1; b--) {
			hstack t = st[b];
			st[b] = st[b - 1];
			st[b - 1] = t;
			for (int p = 0; p < np; p++)
				pc[p].stack = pc[p].stack == b ? b - 1 : pc[p].stack == b - 1 ? b : pc[p].stack;
		}
	int *under = calloc((size_t)(nc + ns + 1), sizeof *under); /* per column: its stack, or -1 */
	if (!under) {
		free(pc);
		free(st);
		return nc;
	}
	/* figures sit where their layout puts them in the cell (right, or a
	 * little right of the header's middle): the median offset of the
	 * columns of figures from the nearest header is taken off */
	int shift = 0;
	if (L->positioned && ns > 1) {
		int d[MAXCOLS], nd = 0;
		for (int k = 0; k < nc; k++) {
			if (c[k].type != 2)
				continue;
			int cx = (c[k].x0 + c[k].x1) / 2, best = INT_MAX;
			for (int j = 0; j < ns; j++) {
				int dj = cx - (st[j].x0 + st[j].x1) / 2;
				if (abs(dj) < abs(best))
					best = dj;
			}
			int at = nd++;
			while (at > 0 && d[at - 1] > best) {
				d[at] = d[at - 1];
				at--;
			}
			d[at] = best;
		}
		if (nd >= 3) {
			int gap = INT_MAX;
			for (int j = 1; j < ns; j++)
				if ((st[j].x0 + st[j].x1) / 2 - (st[j - 1].x0 + st[j - 1].x1) / 2 < gap)
					gap = (st[j].x0 + st[j].x1) / 2 - (st[j - 1].x0 + st[j - 1].x1) / 2;
			shift = d[nd / 2];
			if (abs(shift) * 2 > gap)
				shift = 0;
		}
	}
	for (int k = 0; k < nc; k++) {
		int cx = (c[k].x0 + c[k].x1) / 2 - (c[k].type == 2 ? shift : 0);
		under[k] = -1;
		for (int j = 0; j < ns && under[k] < 0; j++) {
			int left = j > 0 ? (st[j - 1].x1 + st[j].x0) / 2 : INT_MIN;
			int right = j + 1 < ns ? (st[j].x1 + st[j + 1].x0) / 2 : INT_MAX;
			if (j > 0 && st[j - 1].x1 > st[j].x0)
				left = (st[j - 1].x0 + st[j - 1].x1 + st[j].x0 + st[j].x1) / 4;
			if (j + 1 < ns && st[j].x1 > st[j + 1].x0)
				right = (st[j].x0 + st[j].x1 + st[j + 1].x0 + st[j + 1].x1) / 4;
			/* text input: a cell is its column */
			if (!L->positioned)
				left = st[j].x0, right = st[j].x1;
			if (cx >= left && cx <= right)
				under[k] = j;
		}
	}
	/* a stack over no column: a column printed empty (a table whose cells
	 * are blank), in its place among the figures */
	for (int j = 0; j < ns; j++) {
		int over = 0;
		for (int k = 0; k < nc && !over; k++)
			over = under[k] == j;
		if (over || nc >= MAXCOLS)
			continue;
		int at = 0;
		while (at < nc && c[at].x0 + c[at].x1 < st[j].x0 + st[j].x1)
			at++;
		/* only among the figures: not a header over words or codes */
		size_t wl;
		const char *role = col_role(r, st[j].key, &wl);
		int amountish = role && strcmp(role, "code") && strcmp(role, "name");
		if (at == 0 || !(c[at - 1].type == 2 || (amountish && at < nc && c[at].type == 2)))
			continue;
		memmove(&c[at + 1], &c[at], sizeof *c * (size_t)(nc - at));
		memmove(&under[at + 1], &under[at], sizeof *under * (size_t)(nc - at));
		c[at] = (gcol){ st[j].x0, st[j].x1, 0, 0, 0, 0, 2, 0, "", "", st[j].x0, st[j].x1, INT_MAX, 0, { 0 }, 0, 0 };
		under[at] = j;
		nc++;
	}
	/* reading order: top line first, left to right */
	int *ord = calloc((size_t)(np ? np : 1), sizeof *ord);
	if (!ord) {
		free(under);
		free(pc);
		free(st);
		return nc;
	}
	for (int p = 0; p < np; p++) {
		int at = p;
		while (at > 0 && (pc[ord[at - 1]].y > pc[p].y || (pc[ord[at - 1]].y == pc[p].y && pc[ord[at - 1]].x0 > pc[p].x0))) {
			ord[at] = ord[at - 1];
			at--;
		}
		ord[at] = p;
	}
	for (int q = 0; q < np; q++) {
		const hpiece *h = &pc[ord[q]];
		if (h->stack < 0)
			continue;
		/* a stack over several columns (科目编码 over 类 | 款 | 项): every one's */
		for (int k = 0; k < nc; k++) {
			if (under[k] != h->stack)
				continue;
			size_t used = strlen(c[k].label);
			snprintf(c[k].label + used, sizeof c[k].label - used, "%s", h->s);
			if (h->x0 < c[k].hx0)
				c[k].hx0 = h->x0;
			if (h->x1 > c[k].hx1)
				c[k].hx1 = h->x1;
			if (h->y < c[k].ytop)
				c[k].ytop = h->y;
		}
	}
	/* groups, outer (higher) first */
	int namt = 0;
	for (int k = 0; k < nc; k++)
		namt += c[k].type == 2;
	for (int q = 0; q < np && *ng < MAXGROUPS; q++) {
		const hpiece *h = &pc[ord[q]];
		if (h->stack >= 0)
			continue;
		int cx = (h->x0 + h->x1) / 2, o0 = -1, o1 = -1;
		for (int k = 0; k < nc; k++)
			if (overlap(h->x0, h->x1, c[k].hx0, c[k].hx1) > 0) {
				if (o0 < 0)
					o0 = k;
				o1 = k;
			}
		if (o0 < 0) {
			int bd = INT_MAX;
			for (int k = 0; k < nc; k++) {
				int d = abs((c[k].hx0 + c[k].hx1) / 2 - cx);
				if (d < bd) {
					bd = d;
					o0 = o1 = k;
				}
			}
		}
		if (o0 < 0)
			continue;
		const char *role = col_role(r, h->s, NULL);
		if (role && (!strcmp(role, "total") || !strcmp(role, "code") || !strcmp(role, "name")))
			role = NULL;
		/* the columns that may stand under it, around those it is over */
#define UNDER(k) (c[k].type == 2 && c[k].ytop > h->y)
#define FITS(k, first) fits_under(r, role, c[k].label, first)
		int ok = 1;
		for (int k = o0; k <= o1 && ok; k++)
			ok = UNDER(k) && FITS(k, k == o0);
		if (!ok) {
			/* over words or other headers: keep only the figures under it */
			while (o0 <= o1 && !(UNDER(o0) && FITS(o0, 1)))
				o0++;
			while (o1 >= o0 && !(UNDER(o1) && FITS(o1, 0)))
				o1--;
			if (o0 > o1)
				continue;
		}
		int m0 = o0, m1 = o1;
		while (m1 + 1 < nc && UNDER(m1 + 1) && FITS(m1 + 1, 0))
			m1++;
		while (m0 - 1 >= 0 && UNDER(m0 - 1) && FITS(m0 - 1, 1) && FITS(m0, 0))
			m0--;
		int a = o0, b = o1;
		if (L->positioned) {
			/* centred: the widest run it is centred over, else the best
			 * centred run */
			int tol = (h->x1 - h->x0) / 4 + 60, best = INT_MAX;
			for (int x = m0; x <= o0; x++)
				for (int y = m1; y >= o1; y--) {
					int left = x > 0 ? (c[x - 1].hx1 + c[x].hx0) / 2 : c[x].hx0;
					int right = y + 1 < nc ? (c[y].hx1 + c[y + 1].hx0) / 2 : c[y].hx1;
					int d = abs((left + right) / 2 - cx);
					int size = y - x, bsize = b - a;
					if ((d <= tol && (best > tol || size > bsize)) || (best > tol && d < best)) {
						best = d;
						a = x;
						b = y;
					}
				}
		} else {
			/* text: a merged cell's words sit in its first column */
			a = o0;
			b = m1;
		}
#undef UNDER
#undef FITS
		int span = 0;
		for (int k = a; k <= b; k++)
			span += c[k].type == 2;
		if (span >= namt || span == 0)
			continue; /* over every column of figures: says nothing */
		hgrp *G = &g[(*ng)++];
		*G = (hgrp){ h->x0, h->x1, h->y, a, b, h->s, role };
		for (int k = a; k <= b; k++)
			if (c[k].ngrp < 4) {
				c[k].grp[c[k].ngrp++] = *ng - 1;
				size_t used = strlen(c[k].group);
				snprintf(c[k].group + used, sizeof c[k].group - used, "%s%s", used ? "·" : "", h->s);
			}
	}
	free(ord);
	free(under);
	free(pc);
	free(st);
	return nc;
}

/* A figure whose thousands separators a layout dropped in front
 * (125360,898: every group after the first of three digits): the same
 * digits without them.  0, or -1 when s is not such a figure. */
static int parse_loose(const char *s, ys_unit unit, ys_amount *out)
{
	char buf[64];
	size_t n = 0;
	const char *p = s;
	if (*p == '-')
		buf[n++] = *p++;
	size_t lead = 0;
	while (is_digit(p[lead]))
		lead++;
	if (lead <= 3 || p[lead] != ',')
		return -1;
	for (; *p && n < sizeof buf - 1; p++) {
		if (*p == ',') {
			size_t d = 0;
			while (is_digit(p[1 + d]))
				d++;
			if (d != 3)
				return -1;
			continue;
		}
		if (*p == '.')
			break;
		buf[n++] = *p;
	}
	for (; *p && n < sizeof buf - 1; p++)
		buf[n++] = *p;
	if (*p)
		return -1;
	buf[n] = 0;
	ys_money_err me;
	return ys_money_parse(buf, n, unit, out, &me) ? -1 : 0;
}

/* ---- building a table ---- */

typedef struct tbl {
	int kind;
	int title_line, page, first, end; /* lines [first, end) after the title */
	const char *title;
	ys_unit unit;
	int has_unit;
	const char *same;   /* title_same_key of its title */
	const char *number; /* the key of its numbering (表3), or "" */
	int tpage;          /* page where its title was last printed */
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
	const ys_lkind *g = &lay()->kinds[T->kind];
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
		if (r->flag[i])
			continue;
		if (is_empty_note(r, text)) {
			note = text;
			continue;
		}
		if (note_start(r->key[i])) {
			/* a note before any row: text (说明：… 1,234.50 元见附表) */
			e = add_prose(r, l, text);
			if (e)
				return e;
			continue;
		}
		if (line_has_figures(l))
			first_data = i;
	}
	/* a label printed above its vertically centred figures starts the
	 * rows; so does a name wrapped around them (社会保障和就 / 208 … /
	 * 业支出): a line just above, without header words */
	if (first_data > T->first) {
		const ys_line *a = &L->v[first_data - 1], *b = &L->v[first_data];
		if (a->nf && starts_label(a->f[0].s) && !is_digit(a->f[0].s[0]) && a->page == b->page &&
		    (b->y - a->y) * 10 <= a->h * (L->positioned ? 22 : 10))
			first_data--;
		else if (L->positioned && a->nf && a->page == b->page && (b->y - a->y) * 10 <= a->h * 12 &&
		         !role_of(lay()->cols, lay()->ncols, r->key[first_data - 1], 0) && !r->flag[first_data - 1])
			first_data--;
	}
	/* the header lines, which tables running over pages print again */
	const char **heads = NULL;
	int nheads = 0;
	if (first_data > T->first) {
		heads = calloc((size_t)(first_data - T->first), sizeof *heads);
		for (int i = T->first; heads && i < first_data; i++)
			if (!r->flag[i])
				heads[nheads++] = joined(r, &L->v[i]);
	}
	ys_buf headkey = YS_BUF_INIT; /* the header's words, joined */
	for (int h = 0; h < nheads; h++) {
		const char *hk = kkey(r, heads[h]);
		ys_buf_adds(&headkey, hk);
	}
	int top_page = first_data >= 0 ? L->v[first_data].page : 0, at_top = 0;
	/* the body's lines: anchors (a line with figures) start rows, a label
	 * line (一、 (一) 1. a code, 合计) starts one too or joins the figures
	 * centred under it, and a line of wrapped words belongs to the nearer
	 * of the rows above and below it (a name wrapped around its centred
	 * figures, a label wrapped mid-word) */
	enum { BL_WRAP, BL_LABEL, BL_ANCHOR };
	int *bl = calloc((size_t)(T->end - T->first + 1), sizeof *bl), nbl = 0;
	unsigned char *blk = calloc((size_t)(T->end - T->first + 1), 1);
	if ((!bl || !blk) && !e)
		e = ys_error(r->ctx, YS_ENOMEM, "out of memory");
	for (int i = first_data; first_data >= 0 && bl && blk && i < T->end && !e; i++) {
		const ys_line *l = &L->v[i];
		const char *text = joined(r, l);
		ys_unit u;
		if (r->flag[i] || (i > first_data && unit_line(r, l, &u, NULL)))
			continue;
		if (note_start(r->key[i]) && !is_empty_note(r, text)) {
			/* a note under the table, and the lines it wraps onto: text, not
			 * rows (kept with the prose, for the rules that read it) */
			e = add_prose(r, l, text);
			while (!e && i + 1 < T->end && L->v[i + 1].page == l->page && !line_has_figures(&L->v[i + 1]) &&
			       !r->flag[i + 1] && L->v[i + 1].y - L->v[i].y <= L->v[i].h * 2 && !starts_label(L->v[i + 1].f[0].s)) {
				i++;
				e = add_prose(r, &L->v[i], r->text[i]);
			}
			continue;
		}
		if (is_empty_note(r, text)) {
			/* after the rows, a note that names neither this table (本表) nor
			 * its subject belongs to a table the reader did not know: it ends
			 * this one */
			if (nbl) {
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
		/* the header printed again at the top of a page, its words on
		 * lines cut otherwise: each of the line's words is one of the
		 * header's */
		if (l->page != top_page) {
			top_page = l->page;
			at_top = 1;
		}
		if (at_top && !repeated && headkey.len && !line_has_figures(l)) {
			/* nine in ten of its characters are the header's */
			const char *lk = r->key[i];
			int n = 0, in = 0;
			for (const char *q = lk; *q;) {
				char ch[8];
				size_t cl = 1;
				while (cl < 4 && (q[cl] & 0xC0) == 0x80)
					cl++;
				memcpy(ch, q, cl);
				ch[cl] = 0;
				n++;
				in += strstr(headkey.s, ch) != NULL;
				q += cl;
			}
			repeated = n > 0 && in * 10 >= n * 9;
		}
		if (line_has_figures(l))
			at_top = 0;
		if (repeated)
			continue; /* the header again on a new page */
		if (column_numbers(l))
			continue; /* not a row: the columns' numbers */
		int total = l->nf && role_of(lay()->labels, lay()->nlabels, kkey(r, l->f[0].s), 1) != NULL;
		blk[nbl] = line_has_figures(l) ? BL_ANCHOR : l->nf && (starts_label(l->f[0].s) || total) ? BL_LABEL : BL_WRAP;
		bl[nbl++] = i;
	}
	grow *rows = NULL;
	int nrows = 0, capr = 0;
	int hline = L->positioned ? 22 : 10; /* a line this close (in tenths of its height) is the same cell */
	int *rowof = calloc((size_t)(nbl ? nbl : 1), sizeof *rowof);
	if (!rowof && !e)
		e = ys_error(r->ctx, YS_ENOMEM, "out of memory");
	for (int b = 0; b < nbl && !e; b++) {
		const ys_line *l = &L->v[bl[b]];
		rowof[b] = -1;
		if (blk[b] == BL_WRAP)
			continue;
		grow *prev = nrows ? &rows[nrows - 1] : NULL;
		const ys_line *pl = b > 0 ? &L->v[bl[b - 1]] : NULL;
		if (blk[b] == BL_LABEL && prev && prev->figures && prev->page == l->page &&
		    (l->y - prev->y) * 10 <= prev->h * hline && !collides(prev, l)) {
			/* a code or label printed under the middle of its row's figures,
			 * unless the figures below are nearer */
			const ys_line *nl = b + 1 < nbl && blk[b + 1] == BL_ANCHOR ? &L->v[bl[b + 1]] : NULL;
			int below = nl && nl->page == l->page && (nl->y - l->y) * 10 <= l->h * hline;
			if (!below || l->y - prev->y < nl->y - l->y) {
				e = row_add_line(r, prev, l);
				rowof[b] = nrows - 1;
				continue;
			}
		}
		if (blk[b] == BL_ANCHOR && prev && prev->figures && prev->page == l->page &&
		    (l->y - prev->ylast) * 10 <= l->h * 9 && wraps_figures(prev, l)) {
			/* figures of one row on lines closer than rows are: a cell's
			 * figure wrapped in a narrow column (376,936.6 / 0) */
			e = row_add_line(r, prev, l);
			prev->ylast = l->y;
			rowof[b] = nrows - 1;
			continue;
		}
		if (blk[b] == BL_ANCHOR && prev && b > 0 && blk[b - 1] == BL_LABEL && !prev->figures && pl->page == l->page &&
		    (l->y - pl->y) * 10 <= pl->h * hline && !collides(prev, l)) {
			/* figures centred under a label printed above them */
			e = row_add_line(r, prev, l);
			prev->figures = 1;
			prev->y = l->y;
			prev->ylast = l->y;
			rowof[b] = nrows - 1;
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
		g->h = l->h;
		g->figures = blk[b] == BL_ANCHOR;
		g->labelled = blk[b] == BL_LABEL;
		g->ylast = l->y;
		rowof[b] = nrows - 1;
		e = row_add_line(r, g, l);
	}
	/* wrapped words: each to the nearer row on its page, the one above
	 * when as near (a label wrapped after its first line) */
	for (int b = 0; b < nbl && !e; b++) {
		if (blk[b] != BL_WRAP)
			continue;
		const ys_line *l = &L->v[bl[b]];
		int up = -1, down = -1;
		for (int a = b - 1; a >= 0 && up < 0; a--)
			up = rowof[a];
		for (int a = b + 1; a < nbl && down < 0; a++)
			down = rowof[a];
		if (down >= 0 && rows[down].page != l->page)
			down = -1;
		int du = up >= 0 ? abs(l->y - rows[up].y) : 1 << 30, dd = down >= 0 ? abs(rows[down].y - l->y) : 1 << 30;
		if (up >= 0 && rows[up].page != l->page)
			du = down >= 0 ? 1 << 29 : 0; /* over a page break only when nothing follows */
		int far = (l->h > 0 ? l->h : 100) * (L->positioned ? 3 : 1);
		for (int k = 0; k < l->nf && !e; k++) {
			const ys_frag *f = &l->f[k];
			int to = dd < du ? down : up;
			if (to < 0 || (to == down ? dd : du) > far) {
				if (!nrows)
					continue;
				to = to >= 0 ? to : up >= 0 ? up : down;
				if (to < 0)
					continue;
			}
			e = row_add(r, &rows[to], f, l->y);
		}
	}
	ys_buf_release(&headkey);
	for (int i = 0; i < nrows && !e; i++)
		e = row_join(r, &rows[i]);
	free(bl);
	free(blk);
	free(rowof);
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
			size_t lead;
			if (code_prefix(rows[i].f[k].s, &lead))
				c[j].coded++;
			if (digits_only(rows[i].f[k].s) && strlen(rows[i].f[k].s) <= 9)
				c[j].digits++;
			else if (amount_like(rows[i].f[k].s))
				c[j].amounts++;
			else if (role_of(lay()->labels, lay()->nlabels, kkey(r, rows[i].f[k].s), 1))
				c[j].n--; /* 合计 in the column of codes says nothing of it */
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
		else if (c[j].n && c[j].digits == c[j].n && sequence(rows, nrows, c, nc, j))
			c[j].type = 0; /* 序号: the rows' numbers 1, 2, 3 … */
		else if ((c[j].amounts + c[j].digits) * 2 >= c[j].texts && c[j].amounts + c[j].digits > 0)
			c[j].type = 2; /* texts in it are labels of merged cells reaching over */
		else
			c[j].type = 0;
	}
	/* a performance table is a form of labels and sentences (its figures
	 * sit in the sentences: 资金总额745.00, ≥90%): words, not amounts */
	size_t kl = strlen(lay()->kinds[T->kind].id);
	if (kl > 5 && !strcmp(lay()->kinds[T->kind].id + kl - 5, "_perf"))
		for (int j = 0; j < nc; j++)
			if (c[j].type == 2)
				c[j].type = 0;
	/* header labels: the lines above the first row */
	hgrp grps[MAXGROUPS];
	int ngrps = 0;
	if (!e && first_data >= 0)
		nc = headers(r, T->first, first_data, c, nc, grps, &ngrps);
	/* def columns: the code columns become one; two amount columns that
	 * never hold figures in the same row, one of them without a header of
	 * its own, are one column printed at two positions (a layout that
	 * sets the lower levels' figures apart) */
	int ncodes = 0;
	for (int j = 0; j < nc; j++)
		ncodes += c[j].type == 1;
	/* codes printed with their names in one column: most of its cells
	 * begin with a code, and the table has no column of codes */
	for (int j = 0; j < nc && !ncodes; j++)
		if (c[j].type == 0 && c[j].coded >= 3 && c[j].coded * 10 >= c[j].texts * 6) {
			c[j].codename = 1;
			ncodes++;
		}
	int ndef = 0;
	for (int j = 0; j < nc; j++) {
		c[j].def = -1;
		if (c[j].codename) {
			c[j].def = ndef;
			ndef += 2; /* its codes, then its names */
			continue;
		}
		if (c[j].type == 1 && ncodes > 1 && j > 0 && c[j - 1].type == 1)
			c[j].def = c[j - 1].def;
		int named_a = c[j - (j > 0)].label[0] || c[j - (j > 0)].group[0], named_b = c[j].label[0] || c[j].group[0];
		int one_header = j > 0 && named_a && !strcmp(c[j - 1].label, c[j].label) && !strcmp(c[j - 1].group, c[j].group);
		if (c[j].type == 2 && j > 0 && c[j - 1].type == 2 && (!(named_a && named_b) || one_header)) {
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
		int namt = 0, ntext = 0, named = 0;
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
			if (c[j].codename) {
				cd->kind = YS_CK_CODE;
				cd->id = "code";
				cd->label = "科目编码";
				cd = &cols[c[j].def + 1];
			}
			const char *role = c[j].label[0] ? col_role(r, c[j].label, NULL) : NULL;
			if (!role && !c[j].label[0] && c[j].ngrp)
				role = grps[c[j].grp[c[j].ngrp - 1]].role;
			if (role && (!strcmp(role, "code") || !strcmp(role, "name")))
				role = NULL;
			if (c[j].type == 2) {
				/* its id: the groups over it (role-first column/), then its role:
				 * fiscal-3/gp4 is the 一般公共预算 under the 财政拨款 that starts
				 * at column 3 (rules_general.c reads it) */
				char path[128] = "";
				for (int k = 0; k < c[j].ngrp; k++) {
					const hgrp *G = &grps[c[j].grp[k]];
					size_t used = strlen(path);
					snprintf(path + used, sizeof path - used, "%s-%d/", G->role ? G->role : "g", G->a + 1);
				}
				cd->kind = YS_CK_AMOUNT;
				namt++;
				cd->id = ys_arena_printf(&r->doc->arena, "%s%s%d", path, role ? role : "amount", namt);
			} else {
				/* the names: the column of words right after the codes */
				int name = !named && ncodes && (c[j].codename || (j > 0 && c[j - 1].type == 1));
				cd->kind = name ? YS_CK_NAME : YS_CK_LABEL;
				ntext += !name;
				named |= name;
				cd->id = name ? "name1" : ys_arena_printf(&r->doc->arena, "label%d", ntext);
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
				ys_cell *cell = &row->cells[c[j].def + c[j].codename];
				size_t lead, cl;
				if (c[j].codename && !cell->text[0] && !row->cells[c[j].def].text[0] &&
				    (cl = code_prefix(f->s, &lead)) > 0) {
					/* [206]科学技术支出: the code to the code column */
					ys_cell *cc = &row->cells[c[j].def];
					cc->text = ys_arena_strndup(&r->doc->arena, f->s + lead, strspn(f->s + lead, "0123456789"));
					cc->line = rows[i].line;
					cc->col = 1 + f->x0 / (L->positioned ? 60 : YS_TAB_PITCH);
					cell->text = ys_arena_strdup(&r->doc->arena, f->s + cl);
					cell->line = rows[i].line;
					cell->col = cc->col;
					if (!cc->text || !cell->text) {
						e = ys_error(r->ctx, YS_ENOMEM, "out of memory");
						break;
					}
					nonblank++;
					continue;
				}
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
				if (ys_money_parse(cell->text, strlen(cell->text), t->unit, &cell->amt, &me) != 0 &&
				    parse_loose(cell->text, t->unit, &cell->amt) != 0)
					memset(&cell->amt, 0, sizeof cell->amt);
			}
			/* a 合计 row */
			for (int d = 0; d < ndef; d++) {
				const char *role;
				if (t->def->cols[d].kind == YS_CK_AMOUNT || !row->cells[d].text[0])
					continue;
				role = role_of(lay()->labels, lay()->nlabels, kkey(r, row->cells[d].text), 1);
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
	for (int i = 0; i < nrows; i++) {
		free(rows[i].f);
		free(rows[i].fy);
	}
	free(rows);
	free(c);
	free(heads);
	return e;
}

/* ---- the document ---- */

/* Is key k a page number (-3-, 3, 第3页, 第3页共20页, 3/20)? */
static int page_number(const char *k)
{
	const char *p = k;
	if (*p == '-')
		p++;
	if (!strncmp(p, "第", 3))
		p += 3;
	size_t d = 0;
	while (is_digit(p[d]))
		d++;
	if (!d || d > 4)
		return 0;
	p += d;
	if (!strncmp(p, "页", 3))
		p += 3;
	if (*p == '-' && k[0] == '-')
		p++;
	if (*p == '/' || !strncmp(p, "共", 3)) {
		p += *p == '/' ? 1 : 3;
		for (d = 0; is_digit(p[d]); d++)
			;
		if (!d)
			return 0;
		p += d;
		if (!strncmp(p, "页", 3))
			p += 3;
	}
	return !*p;
}

static int title_at(rd *r, size_t i, int *span, const char **number, int *cont, int *looks);

/* Page furniture: page numbers at the top or foot of a page, and a
 * heading printed at the top of many pages (江苏省…2026年度单位预算公开). */
static void mark_furniture(rd *r)
{
	const ys_lines *L = r->L;
	for (size_t i = 0; i < L->n; i++) {
		int first = i == 0 || L->v[i - 1].page != L->v[i].page;
		int last = i + 1 == L->n || L->v[i + 1].page != L->v[i].page;
		int second = !first && (i < 2 || L->v[i - 2].page != L->v[i].page);
		int before_last = !last && (i + 2 >= L->n || L->v[i + 2].page != L->v[i].page);
		if ((first || last || second || before_last) && L->v[i].nf <= 2 && page_number(r->key[i]))
			r->flag[i] |= LF_FURN;
	}
	for (size_t i = 0; i < L->n; i++) {
		if (!(i == 0 || L->v[i - 1].page != L->v[i].page) || r->flag[i] || number_only(r->key[i]))
			continue;
		int c, sp;
		const char *num;
		if (title_kind(r->key[i], &c, &c) >= 0 || ys_utf8_count(r->key[i], strlen(r->key[i])) < 4 ||
		    title_at(r, i, &sp, &num, &c, &c) >= 0)
			continue; /* a title printed again, maybe wrapped */
		int pages = 0;
		for (size_t j = i; j < L->n; j++)
			if ((j == 0 || L->v[j - 1].page != L->v[j].page) && !strcmp(r->key[j], r->key[i]))
				pages++;
		if (pages >= 3)
			for (size_t j = i; j < L->n; j++)
				if ((j == 0 || L->v[j - 1].page != L->v[j].page) && !strcmp(r->key[j], r->key[i]))
					r->flag[j] |= LF_FURN;
	}
}

/* The next line after i that is not page furniture, or L->n. */
static size_t next_line(const rd *r, size_t i)
{
	for (i++; i < r->L->n && (r->flag[i] & LF_FURN); i++)
		;
	return i;
}

/* A table title at line i: its kind (-1: none), how many lines it takes
 * (a title wrapped onto a second line), its numbering's key (printed
 * before it on the line) and whether it says the table goes on. */
static int title_at(rd *r, size_t i, int *span, const char **number, int *cont, int *looks)
{
	const ys_lines *L = r->L;
	const ys_line *l = &L->v[i];
	const char *k = r->key[i];
	*span = 1;
	*number = "";
	/* a numbering in a fragment of its own (表1 | 2026年…收支总表) */
	if (l->nf > 1) {
		const char *k0 = kkey(r, l->f[0].s);
		if (number_only(k0)) {
			*number = ys_arena_strdup(&r->doc->arena, k0);
			k = kkey(r, join_frags(&r->doc->arena, l->f + 1, l->nf - 1));
			k = ys_arena_strdup(&r->doc->arena, k);
		}
	}
	if (!**number && numbering_len(k)) {
		*number = ys_arena_strndup(&r->doc->arena, k, numbering_len(k));
	}
	if (!*number || !k)
		return -1;
	int kind = title_kind(k, cont, looks);
	size_t nx = next_line(r, i);
	if (kind < 0 && nx < L->n && L->v[nx].nf == 1 && l->nf <= 2 && !ends_as_title(k)) {
		/* a title wrapped onto a second line (… 培训费 / 支出预算表) */
		const char *k2 = r->key[nx];
		size_t n2 = ys_utf8_count(k2, strlen(k2));
		int titleish = strstr(k, "预算") || strstr(k, "决算") || strstr(k, "经费") || strstr(k, "收支");
		if (n2 >= 1 && n2 <= 24 && titleish && ends_as_title(k2)) {
			const char *t2 = ys_arena_printf(&r->doc->arena, "%s%s", k, k2);
			int c2, l2;
			int k2kind = t2 ? title_kind(t2, &c2, &l2) : -1;
			if (k2kind >= 0) {
				kind = k2kind;
				*cont = c2;
				*looks = l2;
				*span = (int)(nx - i) + 1;
			}
		}
	}
	if (kind < 0)
		return -1;
	*looks = 0; /* known, whether confirmed or not */
	/* a title is followed by its 单位 line or header words soon */
	int confirmed = 0, seen = 0;
	for (size_t j = next_line(r, i + (size_t)*span - 1); j < L->n && seen < 5 && !confirmed; j = next_line(r, j)) {
		ys_unit u;
		int jc, jl;
		seen++;
		if (title_kind(r->key[j] + numbering_len(r->key[j]), &jc, &jl) >= 0 || number_only(r->key[j]))
			break;
		int words = 0, form = 0;
		for (int q = 0; q < L->v[j].nf && L->v[j].nf >= 2; q++) {
			const char *fk = kkey(r, L->v[j].f[q].s);
			words += role_of(lay()->cols, lay()->ncols, fk, 0) != NULL;
			const char *lr = role_of(lay()->labels, lay()->nlabels, fk, 1);
			form |= lr && !strcmp(lr, "form");
		}
		/* a performance table is a form: its labels say so */
		size_t il = strlen(lay()->kinds[kind].id);
		int perf = il > 5 && !strcmp(lay()->kinds[kind].id + il - 5, "_perf");
		confirmed = unit_line(r, &L->v[j], &u, NULL) || words >= 2 || (perf && form);
	}
	return confirmed ? kind : -1;
}

static int cmp_prose(const void *a, const void *b)
{
	const ys_textline *x = a, *y = b;
	return x->line < y->line ? -1 : x->line > y->line;
}

static ys_result read_lines(rd *r)
{
	ys_lines *L = r->L;
	ys_doc *doc = r->doc;
	tbl cur = { -1, 0, 0, 0, 0, NULL, YS_UNIT_WANYUAN, 0, "", "", 0 };
	ys_unit docunit = YS_UNIT_WANYUAN;
	int have_docunit = 0;
	ys_result e = YS_OK;
	const char *pend = NULL; /* a number line just before: the next title's */
	size_t pend_at = 0;
	for (size_t i = 0; i <= L->n && !e; i++) {
		int kind = -1, cont = 0, looks = 0, span = 1;
		const char *text = NULL, *number = "";
		if (i < L->n && (r->flag[i] & LF_FURN)) {
			if (cur.kind < 0)
				e = add_prose(r, &L->v[i], r->text[i]);
			continue;
		}
		if (i < L->n) {
			text = r->text[i];
			if (number_only(r->key[i])) {
				/* a table's number on a line of its own: the next line's title's,
				 * or the current table's again on a new page */
				size_t nx = next_line(r, i);
				int s2, c2, l2;
				const char *n2;
				if (nx < L->n && title_at(r, nx, &s2, &n2, &c2, &l2) >= 0) {
					pend = r->key[i];
					pend_at = i;
					continue;
				}
				if (cur.kind >= 0 && !strcmp(r->key[i], cur.number)) {
					r->flag[i] |= LF_SKIP;
					continue;
				}
			}
			kind = title_at(r, i, &span, &number, &cont, &looks);
			if (kind < 0 && looks && L->v[i].nf <= 2 && !line_has_figures(&L->v[i])) {
				/* a table-like title no description knows: say so */
				int unitnext = 0, s2, c2, l2;
				const char *n2;
				for (size_t j = i + 1; j < L->n && j < i + 4 && !unitnext; j++) {
					ys_unit u;
					unitnext = unit_line(r, &L->v[j], &u, NULL);
				}
				/* a heading that names the table titled on the next line
				 * (一、收支预算总表 / 2026年度收支预算总表) is not one */
				size_t nx = next_line(r, i);
				if (unitnext && nx < L->n && title_at(r, nx, &s2, &n2, &c2, &l2) >= 0)
					unitnext = 0;
				if (unitnext)
					e = add_unread(r, text, L->v[i].line, L->v[i].page,
					               "no layout description matches this title (data/layouts/general.txt)");
			}
			if (kind < 0 && looks == 0 && !line_has_figures(&L->v[i])) {
				/* a heading that names the table titled on the next line
				 * (三、支出预算总表 / 2026年度支出预算总表): it ends the table before */
				int s2, c2, l2, c3, l3;
				const char *n2;
				size_t nx = next_line(r, i);
				if (title_kind(r->key[i] + numbering_len(r->key[i]), &c3, &l3) >= 0 && nx < L->n &&
				    title_at(r, nx, &s2, &n2, &c2, &l2) >= 0 && cur.kind >= 0) {
					cur.end = (int)i;
					e = build(r, &cur);
					cur.kind = -1;
				}
			}
			if (kind >= 0 && pend && pend_at + 3 >= i && !*number)
				number = pend;
			if (kind >= 0 && span > 1)
				text = ys_arena_printf(&doc->arena, "%s%s", text, r->text[i + (size_t)span - 1]);
		}
		/* the title again on a new page (its number the same, or none): the
		 * table goes on */
		if (kind >= 0 && kind == cur.kind && L->v[i].page != cur.tpage &&
		    (cont || !strcmp(title_same_key(r, r->key[i]), cur.same) ||
		     (span > 1 && !strcmp(title_same_key(r, kkey(r, text)), cur.same))) &&
		    (!*number || !*cur.number || !strcmp(number, cur.number))) {
			for (size_t j = pend && pend_at + 3 >= i ? pend_at : i; j < i + (size_t)span; j++)
				r->flag[j] |= LF_SKIP;
			cur.tpage = L->v[i].page;
			pend = NULL;
			i += (size_t)span - 1;
			continue;
		}
		int ends = i == L->n || kind >= 0 || number_only(r->key[i]);
		if (!ends && cur.kind >= 0) {
			size_t il = strlen(lay()->kinds[cur.kind].id);
			int form = il > 5 && !strcmp(lay()->kinds[cur.kind].id + il - 5, "_perf");
			const ys_line *l = &L->v[i];
			size_t n = ys_utf8_count(text, strlen(text));
			/* prose after a table ends it: a sentence across the page, not in
			 * a column (not in a performance table, a form of sentences) */
			int across = !L->positioned || (l->nf == 1 && (l->f[0].x1 - l->f[0].x0) * 10 >= r->width * 6);
			if (!form && across && n > 34 && (strstr(text, "。") || strstr(text, "，")) && !line_has_figures(l))
				ends = 1;
			/* a form ends at a chapter's heading: 八、其他重要事项说明 (a
			 * numeral in 一 … 十, no figures) */
			size_t nl = numeral(text);
			if (form && nl && !is_digit(text[0]) && !strncmp(text + nl, "、", 3) && n < 30 &&
			    !line_has_figures(l) && !strstr(text, "。") && !strstr(text, "，"))
				ends = 1;
			/* the next part of the document: 第三部分 …, …情况说明 */
			size_t tl = strlen(r->key[i]);
			if ((!strncmp(text, "第", 3) && strstr(text, "部分") && n < 40) ||
			    (!form && l->nf <= 2 && tl >= 6 && !strcmp(r->key[i] + tl - 6, "说明") && n < 30 &&
			     !line_has_figures(l)))
				ends = 1;
		}
		if (ends && cur.kind >= 0) {
			cur.end = (int)(kind >= 0 && pend && pend_at + 3 >= i ? pend_at : i);
			e = build(r, &cur);
			cur.kind = -1;
		}
		if (e || i == L->n)
			break;
		if (cur.kind < 0 || kind >= 0) {
			if (kind >= 0 && pend && pend_at + 3 >= i)
				e = add_prose(r, &L->v[pend_at], r->text[pend_at]);
			if (!e)
				e = add_prose(r, &L->v[i], text);
		}
		if (kind >= 0) {
			cur = (tbl){ kind, L->v[i].line, L->v[i].page, (int)i + span, (int)L->n, text, docunit, 0,
				     title_same_key(r, kkey(r, text)), number, L->v[i].page };
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
		if (kind >= 0 || !number_only(r->key[i]))
			pend = NULL;
	}
	doc->unit = docunit;
	/* the prose in the document's order (notes under tables were added as
	 * their tables were read) */
	if (!e && doc->nprose > 1)
		qsort(doc->prose, (size_t)doc->nprose, sizeof *doc->prose, cmp_prose);
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
	if (!ys_layouts_builtin(ctx))
		return ctx->code; /* a description the parser does not understand */
	ys_doc *doc = ys_doc_new(name);
	if (!doc)
		return ys_error(ctx, YS_ENOMEM, "out of memory");
	doc->paged = L->positioned;
	doc->year = year_of(L);
	rd r = { ctx, doc, L, YS_BUF_INIT, NULL, NULL, NULL, 0, 0 };
	ys_result e = YS_OK;
	r.text = calloc(L->n ? L->n : 1, sizeof *r.text);
	r.key = calloc(L->n ? L->n : 1, sizeof *r.key);
	r.flag = calloc(L->n ? L->n : 1, 1);
	if (!r.text || !r.key || !r.flag)
		e = ys_error(ctx, YS_ENOMEM, "out of memory");
	for (size_t i = 0; i < L->n && !e; i++) {
		r.text[i] = join_frags(&doc->arena, L->v[i].f, L->v[i].nf);
		r.key[i] = ys_arena_strdup(&doc->arena, kkey(&r, r.text[i]));
		if (!r.key[i])
			e = ys_error(ctx, YS_ENOMEM, "out of memory");
	}
	/* the text's width: from the leftmost to the rightmost edge most lines reach */
	int lo = INT_MAX, hi = INT_MIN;
	for (size_t i = 0; i < L->n; i++)
		if (L->v[i].nf) {
			if (L->v[i].f[0].x0 < lo)
				lo = L->v[i].f[0].x0;
			if (L->v[i].f[L->v[i].nf - 1].x1 > hi)
				hi = L->v[i].f[L->v[i].nf - 1].x1;
		}
	r.width = hi > lo ? hi - lo : 1;
	r.left = lo < hi ? lo : 0;
	if (!e) {
		mark_furniture(&r);
		e = read_lines(&r);
	}
	free(r.text);
	free(r.key);
	free(r.flag);
	ys_buf_release(&r.tmp);
	if (!e && doc->nothers == 0)
		e = ys_error(ctx, YS_EPARSE,
		             "%s：没有读到任何表：没有一个表题与版式描述相符（见 docs/layouts.md）%s", name,
		             doc->nunread ? "；看到而不认识的表题用 --format json 列出" : "");
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
	/* the seed's own layout (预算01表 …) goes into the 13-table model; a
	 * layout that only numbers its tables alike (单位预算01表 …) and that
	 * model cannot read is read as any other */
	if (!e && ys_seed_layout_lines(&L)) {
		e = ys_doc_read_seed_lines(ctx, paths[0], &L, out);
		if (e == YS_EPARSE) {
			ys_ctx seed = *ctx;
			e = read_doc(ctx, paths[0], &L, out);
			if (e)
				*ctx = seed;
			e = e ? seed.code : YS_OK;
		}
	} else if (!e) {
		e = read_doc(ctx, paths[0], &L, out);
	}
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
