/*
 * read/xlsx.c - a detailed budget from one XLSX workbook (libzip + expat).
 *
 * The sheets are found through xl/workbook.xml and its relationships
 * (xl/_rels/workbook.xml.rels), named like the CSV files (items, 支出明细
 * ...).  Cells are shared strings, inline strings, or numbers - stored as
 * numbers (a double written as decimal text, read exactly and rounded half
 * up to 1 分 by the sheet reader) or as text.  Each sheet becomes records
 * for the same sheet reader as the CSV files, with the row number as the
 * line and the column number as the column.
 *
 * Limits: a part of the workbook larger than YS_XLSX_PART_MAX when
 * uncompressed is refused before it is inflated (a zip bomb), as are more
 * than YS_XLSX_MAX_CELLS cells in a row.
 */
#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <zip.h>

#include "input_int.h"
#include "yusuan/doc.h"
#include "yusuan/input.h"
#include "base_int.h"
#include "read/read_int.h"

#define YS_XLSX_PART_MAX ((zip_uint64_t)256 << 20)
#define YS_XLSX_MAX_CELLS 16384   /* columns in a row: Excel's own limit (XFD) */
#define YS_XLSX_MAX_ROWS 1048576  /* rows in a sheet: Excel's own limit */
#define YS_DOC_XLSX_COLS YS_ROW_CELLS_MAX /* a disclosure sheet's columns: the text reader's cells in a row */
#define YS_XML_DEPTH_MAX 128      /* element nesting; a worksheet needs 7 */
#define YS_XML_TEXT_MAX 1048576 /* one cell's or shared string's text: 1 MiB, as a CSV field */
#define YS_XLSX_MAX_STRINGS 4000000 /* shared strings (each costs memory even when empty) */
#define STR_(x) #x
#define STR(x) STR_(x)

/* Read one part of the archive, NUL-terminated.  Returns NULL when it is
 * missing (ctx untouched) or on error (ctx set, *failed = 1). */
static char *read_part(ys_ctx *ctx, zip_t *z, const char *book, const char *name, size_t *len, int *failed)
{
	zip_stat_t st;
	*failed = 0;
	zip_stat_init(&st);
	if (zip_stat(z, name, 0, &st) != 0)
		return NULL;
	if (!(st.valid & ZIP_STAT_SIZE) || st.size > YS_XLSX_PART_MAX) {
		*failed = 1;
		ys_error(ctx, YS_ELIMIT, "%s：部件 %s 解压后将超过 %llu MiB：拒绝读取", book, name,
		         (unsigned long long)(YS_XLSX_PART_MAX >> 20));
		return NULL;
	}
	zip_file_t *f = zip_fopen(z, name, 0);
	char *buf = f ? malloc((size_t)st.size + 1) : NULL;
	if (!f || !buf) {
		if (f)
			zip_fclose(f);
		*failed = 1;
		ys_error(ctx, f ? YS_ENOMEM : YS_EPARSE, "%s：无法读取部件 %s", book, name);
		return NULL;
	}
	zip_int64_t got = 0, r;
	while ((zip_uint64_t)got < st.size && (r = zip_fread(f, buf + got, st.size - (zip_uint64_t)got)) > 0)
		got += r;
	zip_fclose(f);
	if ((zip_uint64_t)got != st.size) {
		free(buf);
		*failed = 1;
		ys_error(ctx, YS_EPARSE, "%s：部件 %s 已损坏", book, name);
		return NULL;
	}
	buf[got] = '\0';
	*len = (size_t)got;
	return buf;
}

/* The local name of an element ("x:sheet" -> "sheet"). */
static const char *local(const char *name)
{
	const char *c = strrchr(name, ':');
	return c ? c + 1 : name;
}

static const char *attr(const char **atts, const char *name)
{
	for (int i = 0; atts[i]; i += 2)
		if (!strcmp(local(atts[i]), name))
			return atts[i + 1];
	return NULL;
}

/*
 * Every handler's user data starts with an xmlud: a handler that finds a
 * limit passed sets `limit` (a message), and the parse stops there.  The
 * guard also bounds what expat itself does not: element nesting and the
 * length of one run of text.
 */
typedef struct xmlud {
	const char *limit;
} xmlud;

typedef struct xmlguard {
	XML_Parser p;
	xmlud *ud;
	XML_StartElementHandler start;
	XML_EndElementHandler end;
	XML_CharacterDataHandler text;
	int depth;
	size_t run; /* text bytes since the last tag */
	char msg[128];
} xmlguard;

static void guard_stop(xmlguard *g, const char *msg)
{
	if (!g->msg[0])
		snprintf(g->msg, sizeof g->msg, "%s", msg);
	XML_StopParser(g->p, XML_FALSE);
}

static void guard_start(void *ud, const char *el, const char **atts)
{
	xmlguard *g = ud;
	g->run = 0;
	if (++g->depth > YS_XML_DEPTH_MAX) {
		char m[96];
		snprintf(m, sizeof m, "元素嵌套超过 %d 层", YS_XML_DEPTH_MAX);
		guard_stop(g, m);
		return;
	}
	g->start(g->ud, el, atts);
	if (g->ud->limit)
		guard_stop(g, g->ud->limit);
}

static void guard_end(void *ud, const char *el)
{
	xmlguard *g = ud;
	g->run = 0;
	g->depth--;
	g->end(g->ud, el);
	if (g->ud->limit)
		guard_stop(g, g->ud->limit);
}

static void guard_text(void *ud, const char *s, int len)
{
	xmlguard *g = ud;
	g->run += (size_t)len;
	if (g->run > YS_XML_TEXT_MAX) {
		char m[96];
		snprintf(m, sizeof m, "一段文字超过 %d 字节", YS_XML_TEXT_MAX);
		guard_stop(g, m);
		return;
	}
	if (g->text) {
		g->text(g->ud, s, len);
		if (g->ud->limit)
			guard_stop(g, g->ud->limit);
	}
}

/* Parse one part; ud starts with an xmlud.  Returns 0, or -1 with ctx set
 * (malformed XML: EPARSE; a limit: ELIMIT; both say part:line:column). */
static int parse_xml(ys_ctx *ctx, const char *book, const char *part, const char *xml, size_t len, xmlud *ud,
                     XML_StartElementHandler start, XML_EndElementHandler end, XML_CharacterDataHandler text)
{
	if (len > (size_t)INT_MAX) {
		ys_error(ctx, YS_ELIMIT, "%s：部件 %s 大于 2 GiB", book, part);
		return -1;
	}
	/* expat allocates through these: the library's own malloc, which the
	 * allocation-failure tests can fail (tests/faults) */
	static const XML_Memory_Handling_Suite mem = { malloc, realloc, free };
	XML_Parser p = XML_ParserCreate_MM("UTF-8", &mem, NULL);
	if (!p) {
		ys_error(ctx, YS_ENOMEM, "内存不足");
		return -1;
	}
	xmlguard g = { p, ud, start, end, text, 0, 0, "" };
	XML_SetUserData(p, &g);
	XML_SetElementHandler(p, guard_start, guard_end);
	XML_SetCharacterDataHandler(p, guard_text);
	int ok = XML_Parse(p, xml, (int)len, 1) == XML_STATUS_OK;
	if (!ok && XML_GetErrorCode(p) == XML_ERROR_NO_MEMORY)
		ys_error(ctx, YS_ENOMEM, "%s：读 %s 时内存不足", book, part);
	else if (!ok && g.msg[0])
		ys_error(ctx, YS_ELIMIT, "%s：%s:%lu:%lu：%s", book, part, (unsigned long)XML_GetCurrentLineNumber(p),
		         (unsigned long)XML_GetCurrentColumnNumber(p), g.msg);
	else if (!ok)
		ys_error(ctx, YS_EPARSE, "%s：%s:%lu:%lu：XML 格式有误：%s", book, part,
		         (unsigned long)XML_GetCurrentLineNumber(p), (unsigned long)XML_GetCurrentColumnNumber(p),
		         XML_ErrorString(XML_GetErrorCode(p)));
	XML_ParserFree(p);
	return ok ? 0 : -1;
}

/* ---- workbook: sheet names and their parts ---- */

typedef struct wsheet {
	char *name, *rid, *target;
} wsheet;

typedef struct wbook {
	xmlud x;
	wsheet s[64];
	int n;
	int oom;
} wbook;

static void wb_start(void *ud, const char *el, const char **atts)
{
	wbook *w = ud;
	if (!strcmp(local(el), "sheet") && w->n < 64) {
		const char *name = attr(atts, "name"), *rid = attr(atts, "id");
		if (name && rid) {
			w->s[w->n].name = strdup(name);
			w->s[w->n].rid = strdup(rid);
			w->oom |= !w->s[w->n].name || !w->s[w->n].rid;
			w->n++;
		}
	} else if (!strcmp(local(el), "Relationship")) {
		const char *id = attr(atts, "Id"), *target = attr(atts, "Target");
		for (int i = 0; id && target && i < w->n; i++)
			if (w->s[i].rid && !strcmp(w->s[i].rid, id)) {
				char path[512];
				if (target[0] == '/')
					snprintf(path, sizeof path, "%s", target + 1);
				else
					snprintf(path, sizeof path, "xl/%s", target);
				free(w->s[i].target);
				w->s[i].target = strdup(path);
				w->oom |= !w->s[i].target;
			}
	}
}

static void noop_end(void *ud, const char *el)
{
	(void)ud;
	(void)el;
}

/* ---- shared strings ---- */

typedef struct sst {
	xmlud x;
	char **s;
	size_t n, cap;
	ys_buf cur;
	int in_si, in_t, in_rph;
	int oom;
} sst;

static void sst_start(void *ud, const char *el, const char **atts)
{
	(void)atts;
	sst *x = ud;
	const char *l = local(el);
	if (!strcmp(l, "si")) {
		x->in_si = 1;
		ys_buf_reset(&x->cur);
	} else if (!strcmp(l, "t") && x->in_si && !x->in_rph) {
		x->in_t = 1;
	} else if (!strcmp(l, "rPh")) {
		x->in_rph = 1; /* phonetic guide: not part of the text */
	}
}

static void sst_end(void *ud, const char *el)
{
	sst *x = ud;
	const char *l = local(el);
	if (!strcmp(l, "t")) {
		x->in_t = 0;
	} else if (!strcmp(l, "rPh")) {
		x->in_rph = 0;
	} else if (!strcmp(l, "si")) {
		x->in_si = 0;
		if (x->n >= YS_XLSX_MAX_STRINGS) {
			x->x.limit = "共享字符串超过 " STR(YS_XLSX_MAX_STRINGS) " 个";
			return;
		}
		if (ys_grow((void **)&x->s, &x->cap, x->n + 1, sizeof *x->s)) {
			x->oom = 1;
			return;
		}
		x->s[x->n] = strdup(x->cur.s);
		if (!x->s[x->n])
			x->oom = 1;
		x->n++;
	}
}

static void sst_text(void *ud, const char *s, int len)
{
	sst *x = ud;
	if (x->in_t) {
		ys_buf_add(&x->cur, s, (size_t)len);
		if (x->cur.len > YS_XML_TEXT_MAX)
			x->x.limit = "一个共享字符串超过 " STR(YS_XML_TEXT_MAX) " 字节";
	}
}

/* ---- styles: the decimals each cell format shows ---- */

#define YS_XLSX_MAX_FMTS 4096 /* cell formats and number formats of one workbook */

typedef struct styles {
	xmlud x;
	int fmt_id[YS_XLSX_MAX_FMTS];     /* custom number formats: their ids */
	signed char fmt_dp[YS_XLSX_MAX_FMTS];
	int nfmt;
	signed char *xf_dp;               /* per cell format (xf): decimals shown, -1 unknown */
	size_t nxf, cap;
	int in_xfs, oom;
} styles;

/* The decimals a number format shows: the digit places after its point
 * ("#,##0.000000" 6, "0" 0); -1 for a format that is not a plain number
 * (General, a date, a percent). */
static int format_dp(const char *code)
{
	if (!code || strchr(code, '%') || strchr(code, 'y') || strchr(code, 'd') || strchr(code, 'h'))
		return -1;
	int dp = 0, after = 0, any = 0;
	for (const char *p = code; *p && *p != ';'; p++) {
		if (*p == '"') { /* literal text */
			for (p++; *p && *p != '"'; p++)
				;
			if (!*p)
				break;
			continue;
		}
		if (*p == '.')
			after = 1;
		else if (*p == '0' || *p == '#') {
			any = 1;
			dp += after;
		}
	}
	return any ? dp : -1;
}

/* Excel's built-in number formats that show a fixed number of decimals. */
static int builtin_dp(int id)
{
	switch (id) {
	case 1: case 3: case 37: case 38: return 0; /* 0, #,##0 */
	case 2: case 4: case 39: case 40: return 2; /* 0.00, #,##0.00 */
	default: return -1;
	}
}

static void st_start(void *ud, const char *el, const char **atts)
{
	styles *st = ud;
	const char *l = local(el);
	if (!strcmp(l, "numFmt") && st->nfmt < YS_XLSX_MAX_FMTS) {
		const char *id = attr(atts, "numFmtId"), *code = attr(atts, "formatCode");
		if (id) {
			st->fmt_id[st->nfmt] = atoi(id);
			st->fmt_dp[st->nfmt] = (signed char)format_dp(code);
			st->nfmt++;
		}
	} else if (!strcmp(l, "cellXfs")) {
		st->in_xfs = 1;
	} else if (!strcmp(l, "xf") && st->in_xfs) {
		if (st->nxf >= YS_XLSX_MAX_FMTS) {
			st->x.limit = "单元格格式超过 " STR(YS_XLSX_MAX_FMTS) " 种";
			return;
		}
		if (ys_grow((void **)&st->xf_dp, &st->cap, st->nxf + 1, 1)) {
			st->oom = 1;
			return;
		}
		const char *id = attr(atts, "numFmtId");
		int n = id ? atoi(id) : 0, dp = builtin_dp(n);
		for (int i = 0; i < st->nfmt; i++)
			if (st->fmt_id[i] == n)
				dp = st->fmt_dp[i];
		st->xf_dp[st->nxf++] = (signed char)dp;
	}
}

static void st_end(void *ud, const char *el)
{
	styles *st = ud;
	if (!strcmp(local(el), "cellXfs"))
		st->in_xfs = 0;
}

/* ---- a worksheet, as records ---- */

/*
 * The decimal text of a number cell as Excel shows it: 15 significant digits
 * (Excel's precision), rounded half up, in plain notation without trailing
 * zeros - "0.10000000000000001" is 0.1, "1.5E-3" is 0.0015.  Exact: the
 * digits are handled as text, never as a double.  NULL when v is not a
 * number (the caller keeps v).
 */
static char *excel_number(const char *v)
{
	char dig[40];
	int nd = 0, exp10 = 0, dot = 0, neg = 0;
	const char *p = v;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	for (; *p && *p != 'e' && *p != 'E'; p++) {
		if (*p == '.') {
			if (dot)
				return NULL;
			dot = 1;
		} else if (*p >= '0' && *p <= '9') {
			if (nd == 0 && *p == '0') {
				exp10 -= dot; /* a leading zero after the point */
				continue;
			}
			if (nd < (int)sizeof dig) {
				dig[nd++] = *p;
				exp10 -= dot;
			} else if (!dot) {
				exp10++; /* an integer digit beyond the buffer still scales */
			}
		} else {
			return NULL;
		}
	}
	if (*p) {
		char *end;
		long e = strtol(p + 1, &end, 10);
		if (*end || e > 400 || e < -400)
			return NULL;
		exp10 += (int)e;
	}
	char *r;
	if (nd == 0) {
		if (!(r = strdup("0")))
			ys_oom_note(); /* not "not a number": the reading fails */
		return r;
	}
	/* round to 15 significant digits, half up */
	if (nd > 15) {
		int up = dig[15] >= '5';
		exp10 += nd - 15;
		nd = 15;
		for (int k = nd - 1; up && k >= 0; k--) {
			if (dig[k] == '9') {
				dig[k] = '0';
			} else {
				dig[k]++;
				up = 0;
			}
		}
		if (up) { /* 999... rounded to 1000... */
			memmove(dig + 1, dig, (size_t)nd - 1);
			dig[0] = '1';
			exp10++;
		}
	}
	while (nd > 1 && dig[nd - 1] == '0') { /* trailing zeros of the mantissa */
		nd--;
		exp10++;
	}
	/* value = dig * 10^exp10, written plainly */
	char out[512];
	int o = 0;
	if (neg)
		out[o++] = '-';
	if (exp10 >= 0) {
		for (int k = 0; k < nd; k++)
			out[o++] = dig[k];
		for (int k = 0; k < exp10 && o < 400; k++)
			out[o++] = '0';
	} else if (-exp10 >= nd) {
		out[o++] = '0';
		out[o++] = '.';
		for (int k = 0; k < -exp10 - nd && o < 400; k++)
			out[o++] = '0';
		for (int k = 0; k < nd; k++)
			out[o++] = dig[k];
	} else {
		int ip = nd + exp10;
		for (int k = 0; k < nd; k++) {
			if (k == ip)
				out[o++] = '.';
			out[o++] = dig[k];
		}
	}
	out[o] = '\0';
	if (!(r = strdup(out)))
		ys_oom_note();
	return r;
}

typedef struct wcell {
	int row, col;
	char *text;
	int numeric;
} wcell;

typedef struct wsheetdata {
	xmlud x;
	const sst *strings;
	wcell *cells;
	size_t n, cap;
	int row, col;            /* current */
	int dp;                  /* the current cell's format's decimals, -1 unknown */
	const styles *st;
	char type[16];
	ys_buf v;
	int in_v, in_is_t;
	int oom, bad_index, too_wide, bad_row;
} wsheetdata;

/* "AB12" -> column 28 (1-based); 0 when there are no letters; beyond
 * YS_XLSX_MAX_CELLS it stops counting at YS_XLSX_MAX_CELLS + 1 */
static int col_of_ref(const char *r)
{
	int c = 0;
	for (; *r >= 'A' && *r <= 'Z'; r++) {
		c = c * 26 + (*r - 'A' + 1);
		if (c > YS_XLSX_MAX_CELLS)
			return YS_XLSX_MAX_CELLS + 1;
	}
	return c;
}

/* A row number "1".."1048576"; 0 when it is not one */
static int row_number(const char *r)
{
	int v = 0;
	if (!*r)
		return 0;
	for (; *r; r++) {
		if (*r < '0' || *r > '9')
			return 0;
		v = v * 10 + (*r - '0');
		if (v > YS_XLSX_MAX_ROWS)
			return 0;
	}
	return v;
}

/* A number as its cell format shows it: padded with zeros to the format's
 * decimals (33149.176143 shown with 6 is "33149.176143", 60.02 is
 * "60.020000"): the precision the table was printed to.  Digits beyond
 * them are kept: nothing is rounded here.  Takes and returns malloc'd
 * text (NULL when out of memory). */
static char *shown_decimals(char *num, int dp)
{
	const char *dot = strchr(num, '.');
	int have = dot ? (int)strlen(dot + 1) : 0;
	if (have >= dp)
		return num;
	size_t n = strlen(num);
	char *v = realloc(num, n + (size_t)(dp - have) + 2);
	if (!v) {
		free(num);
		ys_oom_note();
		return NULL;
	}
	if (!dot)
		v[n++] = '.';
	for (int k = have; k < dp; k++)
		v[n++] = '0';
	v[n] = 0;
	return v;
}

static void ws_start(void *ud, const char *el, const char **atts)
{
	wsheetdata *w = ud;
	const char *l = local(el);
	if (!strcmp(l, "row")) {
		const char *r = attr(atts, "r");
		w->row = r ? row_number(r) : w->row + 1;
		if (w->row < 1 || w->row > YS_XLSX_MAX_ROWS) {
			w->bad_row = 1;
			w->row = 1;
		}
		w->col = 0;
	} else if (!strcmp(l, "c")) {
		const char *r = attr(atts, "r"), *t = attr(atts, "t");
		int c = r ? col_of_ref(r) : 0;
		w->col = c > 0 ? c : w->col < YS_XLSX_MAX_CELLS ? w->col + 1 : YS_XLSX_MAX_CELLS + 1;
		snprintf(w->type, sizeof w->type, "%s", t ? t : "n");
		const char *sx = attr(atts, "s");
		size_t xi = sx ? (size_t)strtoul(sx, NULL, 10) : 0;
		w->dp = w->st && xi < w->st->nxf ? w->st->xf_dp[xi] : -1;
		ys_buf_reset(&w->v);
	} else if (!strcmp(l, "v")) {
		w->in_v = 1;
	} else if (!strcmp(l, "t")) {
		w->in_is_t = 1; /* inline string text */
	}
}

static void ws_end(void *ud, const char *el)
{
	wsheetdata *w = ud;
	const char *l = local(el);
	if (!strcmp(l, "v")) {
		w->in_v = 0;
	} else if (!strcmp(l, "t")) {
		w->in_is_t = 0;
	} else if (!strcmp(l, "c")) {
		const char *text = w->v.s;
		int numeric = 0;
		if (!strcmp(w->type, "s")) {
			char *end;
			unsigned long k = strtoul(w->v.s, &end, 10);
			if (*end || k >= w->strings->n) {
				w->bad_index = 1;
				return;
			}
			text = w->strings->s[k];
		} else if (!strcmp(w->type, "n")) {
			numeric = w->v.len > 0;
		} else if (!strcmp(w->type, "b")) {
			text = strcmp(w->v.s, "1") ? "否" : "是";
		}
		if (w->col > YS_XLSX_MAX_CELLS) {
			w->too_wide = 1;
			return;
		}
		if (!text[0])
			return;
		if (ys_grow((void **)&w->cells, &w->cap, w->n + 1, sizeof *w->cells)) {
			w->oom = 1;
			return;
		}
		wcell *c = &w->cells[w->n++];
		c->row = w->row;
		c->col = w->col;
		c->text = numeric ? excel_number(text) : NULL;
		if (c->text && w->dp > 0)
			c->text = shown_decimals(c->text, w->dp);
		if (!c->text)
			c->text = strdup(text);
		c->numeric = numeric;
		if (!c->text)
			w->oom = 1;
	}
}

static void ws_text(void *ud, const char *s, int len)
{
	wsheetdata *w = ud;
	if (w->in_v || w->in_is_t)
		ys_buf_add(&w->v, s, (size_t)len);
}

typedef struct xsrc {
	ys_recsrc base;
	wsheetdata *w;
	size_t at;            /* next cell */
	ys_csv_field *f;
	size_t cap;
} xsrc;

static int xsrc_next(ys_recsrc *s, ys_ctx *ctx)
{
	xsrc *x = (xsrc *)s;
	wsheetdata *w = x->w;
	if (x->at >= w->n)
		return 0;
	int row = w->cells[x->at].row, maxcol = 0;
	size_t end = x->at;
	while (end < w->n && w->cells[end].row == row) {
		if (w->cells[end].col > maxcol)
			maxcol = w->cells[end].col;
		end++;
	}
	if (ys_grow((void **)&x->f, &x->cap, (size_t)maxcol, sizeof *x->f)) {
		ys_error(ctx, YS_ENOMEM, "内存不足");
		return -1;
	}
	for (int c = 0; c < maxcol; c++) {
		x->f[c].s = "";
		x->f[c].len = 0;
		x->f[c].line = row;
		x->f[c].col = c + 1;
		x->f[c].numeric = 0;
	}
	for (size_t k = x->at; k < end; k++) {
		ys_csv_field *f = &x->f[w->cells[k].col - 1];
		f->s = w->cells[k].text;
		f->len = strlen(f->s);
		f->numeric = w->cells[k].numeric;
	}
	x->at = end;
	s->f = x->f;
	s->nf = (size_t)maxcol;
	return 1;
}

static int cmp_cell(const void *a, const void *b)
{
	const wcell *x = a, *y = b;
	if (x->row != y->row)
		return x->row - y->row;
	return x->col - y->col;
}

/* ---- a workbook: its sheets in order, each as sorted cells ---- */

typedef struct book {
	zip_t *z;
	const char *path;
	wbook wb;
	sst strings;
	styles st;
} book;

static void book_close(book *bk)
{
	for (int i = 0; i < bk->wb.n; i++) {
		free(bk->wb.s[i].name);
		free(bk->wb.s[i].rid);
		free(bk->wb.s[i].target);
	}
	for (size_t i = 0; i < bk->strings.n; i++)
		free(bk->strings.s[i]);
	free(bk->strings.s);
	ys_buf_release(&bk->strings.cur);
	free(bk->st.xf_dp);
	if (bk->z)
		zip_discard(bk->z);
}

static ys_result book_open(ys_ctx *ctx, const char *path, book *bk)
{
	memset(bk, 0, sizeof *bk);
	ys_buf_init(&bk->strings.cur);
	bk->path = path;
	int zerr = 0;
	bk->z = zip_open(path, ZIP_RDONLY, &zerr);
	if (!bk->z) {
		zip_error_t ze;
		zip_error_init_with_code(&ze, zerr);
		ys_result r = ys_error(ctx, zerr == ZIP_ER_NOENT || zerr == ZIP_ER_OPEN ? YS_EIO : YS_EPARSE,
		                       "%s：不是 XLSX 工作簿：%s", path, zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return r;
	}
	size_t len;
	int failed;
	static const char *const parts[2] = { "xl/workbook.xml", "xl/_rels/workbook.xml.rels" };
	for (int k = 0; k < 2; k++) {
		char *xml = read_part(ctx, bk->z, path, parts[k], &len, &failed);
		if (!xml) {
			ys_result r = failed ? ctx->code
			                     : ys_error(ctx, YS_EPARSE, "%s：没有 %s：不是 XLSX 工作簿", path, parts[k]);
			book_close(bk);
			return r;
		}
		int bad = parse_xml(ctx, path, parts[k], xml, len, &bk->wb.x, wb_start, noop_end, NULL);
		free(xml);
		if (bad || bk->wb.oom) {
			ys_result r = bad ? ctx->code : ys_error(ctx, YS_ENOMEM, "%s：读工作簿时内存不足", path);
			book_close(bk);
			return r;
		}
	}
	/* the cell formats, for the decimals a number is shown with */
	char *xml = read_part(ctx, bk->z, path, "xl/styles.xml", &len, &failed);
	if (failed) {
		book_close(bk);
		return ctx->code;
	}
	if (xml) {
		int bad = parse_xml(ctx, path, "xl/styles.xml", xml, len, &bk->st.x, st_start, st_end, NULL);
		free(xml);
		if (bad || bk->st.oom) {
			ys_result r = bad ? ctx->code : ys_error(ctx, YS_ENOMEM, "内存不足");
			book_close(bk);
			return r;
		}
	}
	xml = read_part(ctx, bk->z, path, "xl/sharedStrings.xml", &len, &failed);
	if (failed) {
		book_close(bk);
		return ctx->code;
	}
	if (xml) {
		int bad = parse_xml(ctx, path, "xl/sharedStrings.xml", xml, len, &bk->strings.x, sst_start, sst_end, sst_text);
		free(xml);
		if (bad || bk->strings.oom) {
			ys_result r = bad ? ctx->code : ys_error(ctx, YS_ENOMEM, "内存不足");
			book_close(bk);
			return r;
		}
	}
	return YS_OK;
}

/* Read sheet i's cells (sorted by row, column) into *w. */
static ys_result book_sheet(ys_ctx *ctx, book *bk, int i, wsheetdata *w)
{
	memset(w, 0, sizeof *w);
	w->strings = &bk->strings;
	w->st = &bk->st;
	ys_buf_init(&w->v);
	if (!bk->wb.s[i].target)
		return ys_error(ctx, YS_EPARSE, "%s：工作表“%s”在 workbook.xml.rels 中没有部件", bk->path, bk->wb.s[i].name);
	size_t len;
	int failed;
	char *xml = read_part(ctx, bk->z, bk->path, bk->wb.s[i].target, &len, &failed);
	if (!xml)
		return failed ? ctx->code
		              : ys_error(ctx, YS_EPARSE, "%s：部件 %s（工作表“%s”）缺失", bk->path, bk->wb.s[i].target,
		                         bk->wb.s[i].name);
	char part[600];
	snprintf(part, sizeof part, "工作表“%s”（%s）", bk->wb.s[i].name, bk->wb.s[i].target);
	int bad = parse_xml(ctx, bk->path, part, xml, len, &w->x, ws_start, ws_end, ws_text);
	free(xml);
	if (bad)
		return ctx->code;
	if (w->oom)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	if (w->bad_index)
		return ys_error(ctx, YS_EPARSE, "%s：工作表“%s”引用了不存在的共享字符串", bk->path,
		                bk->wb.s[i].name);
	if (w->bad_row)
		return ys_error(ctx, YS_EPARSE, "%s：工作表“%s”有一行的行号不在 1..%d 之内", bk->path,
		                bk->wb.s[i].name, YS_XLSX_MAX_ROWS);
	if (w->too_wide)
		return ys_error(ctx, YS_ELIMIT, "%s：工作表“%s”有一行超过 %d 个单元格", bk->path, bk->wb.s[i].name,
		                YS_XLSX_MAX_CELLS);
	if (w->n)
		qsort(w->cells, w->n, sizeof *w->cells, cmp_cell);
	return YS_OK;
}

static void sheet_free(wsheetdata *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->cells[i].text);
	free(w->cells);
	ys_buf_release(&w->v);
}

/* The detailed budget from a workbook: each input sheet, in the reader's
 * order.  A sheet that cannot be read is an error at the sheet; the others
 * are still read. */
static ys_result input_xlsx_read_body(ys_ctx *ctx, const char *path, ys_diags *dl, ys_budget **out)
{
	*out = NULL;
	book bk;
	ys_result res = book_open(ctx, path, &bk);
	if (res)
		return res;
	ys_budget *b = ys_budget_new("", 0);
	void *state = ys_input_state_new(dl);
	if (!b || !state) {
		ys_budget_free(b);
		ys_input_state_free(state);
		book_close(&bk);
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	}
	for (int sh = 0; sh < ys_input_nsheets() && !res; sh++) {
		int found = -1;
		for (int i = 0; i < bk.wb.n && found < 0; i++)
			if (ys_input_sheet_find(bk.wb.s[i].name) == sh)
				found = i;
		if (found < 0) {
			if (ys_input_sheet_required(sh))
				res = ys_input_note(state, ctx, sh, YS_EPARSE, path, "没有 %s 工作表（%s）：此表必填",
				                    ys_input_sheet_zh(sh), ys_input_sheet_id(sh));
			continue;
		}
		wsheetdata w;
		if (book_sheet(ctx, &bk, found, &w)) {
			res = ctx->code == YS_ENOMEM ? YS_ENOMEM : ys_input_note_ctx(state, ctx, sh);
		} else {
			xsrc x;
			memset(&x, 0, sizeof x);
			x.base.name = path;
			x.base.sheet = bk.wb.s[found].name;
			x.base.next = xsrc_next;
			x.w = &w;
			res = ys_input_read_sheet(ctx, b, sh, &x.base, state);
			free(x.f);
		}
		sheet_free(&w);
	}
	res = ys_input_finish(ctx, b, path, state, res);
	ys_input_state_free(state);
	book_close(&bk);
	if (res) {
		ys_budget_free(b);
		return res;
	}
	*out = b;
	return YS_OK;
}

ys_result ys_input_xlsx_read(ys_ctx *ctx, const char *path, ys_diags *dl, ys_budget **out)
{
	unsigned long mark = ys_oom_mark();
	ys_result r = ys_oom_check(ctx, input_xlsx_read_body(ctx, path, dl, out), mark);
	if (r && *out) {
		ys_budget_free(*out);
		*out = NULL;
	}
	return r;
}

/*
 * A published disclosure as a workbook: each sheet, in order, becomes the
 * rows of the text layout (cells joined by tabs), sheets separated by a
 * blank line, and the text reader reads them (read/open.c) - the same recognition of
 * titles, headers and cells as for any published text.  Lines in messages
 * and findings count the rows of that text; each sheet's first line is its
 * title row.
 */
ys_result ys_xlsx_text(ys_ctx *ctx, const char *path, ys_buf *text_out)
{
	book bk;
	ys_result res = book_open(ctx, path, &bk);
	if (res)
		return res;
	ys_buf text = YS_BUF_INIT;
	for (int i = 0; i < bk.wb.n && !res; i++) {
		wsheetdata w;
		res = book_sheet(ctx, &bk, i, &w);
		int row = 0, col = 0;
		for (size_t k = 0; !res && k < w.n; k++) {
			const wcell *c = &w.cells[k];
			if (c->col > YS_DOC_XLSX_COLS) {
				res = ys_error(ctx, YS_ELIMIT, "%s：工作表“%s”第 %d 行第 %d 列有单元格：公开的表格至多 %d 列",
				               path, bk.wb.s[i].name, c->row, c->col, YS_DOC_XLSX_COLS);
				break;
			}
			if (c->row != row) {
				if (row)
					ys_buf_addc(&text, '\n');
				/* keep the sheet's blank rows: they are page breaks (one
				 * blank line is one, however many rows the gap) */
				if (row && c->row > row + 1)
					ys_buf_addc(&text, '\n');
				row = c->row;
				col = 1;
			}
			for (; col < c->col; col++)
				ys_buf_addc(&text, '\t');
			/* a cell's own tabs and newlines would split it */
			for (const char *p = c->text; *p; p++)
				ys_buf_addc(&text, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
		}
		ys_buf_adds(&text, "\n\n");
		sheet_free(&w);
		if (!res && text.len > YS_FILE_MAX)
			res = ys_error(ctx, YS_ELIMIT, "%s：工作簿各表的文字超过 %zu MiB", path,
			               YS_FILE_MAX >> 20);
	}
	book_close(&bk);
	if (!res && text.oom)
		res = ys_error(ctx, YS_ENOMEM, "内存不足");
	if (res)
		ys_buf_release(&text);
	else
		*text_out = text;
	return res;
}
