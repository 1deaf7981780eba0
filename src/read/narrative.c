/*
 * read/narrative.c - the 情况说明 from its lines (a PDF's text layer, a
 * text file, a DOCX's paragraphs) into blocks, sentences and figures
 * (narrative.h).
 *
 * Lines are cleaned first: the white space a PDF sets between Chinese
 * characters (justified lines, "2026 年 北 京 市") goes, page numbers and
 * running heads are dropped.  A line as wide as the text ("full") goes on
 * into the next, across a page break too; a shorter one ends its
 * paragraph; a numbered item (一、 （一） 1. （1）), a caption (图1：) or
 * an empty line starts a new one.  Sentences end at 。！？.  A figure's
 * subject is the last subject word between it and the figure before it
 * (longest match wins: 公务用车购置和运行维护费 is not 运行维护费), else the
 * subject of its item's heading (（一）因公出国（境）费用。2026年预算数…).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>
#include <zip.h>

#include "yusuan/narrative.h"
#include "yusuan/text.h"

/* ---- small text helpers ---- */

static int starts(const char *s, const char *w)
{
	return !strncmp(s, w, strlen(w));
}

static int ends_with(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	return n >= k && !memcmp(s + n - k, w, k);
}

/* Decode one code point at s (valid or not: a bad byte is itself). */
static int cp_at(const char *s, int *len)
{
	const unsigned char *p = (const unsigned char *)s;
	if (p[0] < 0x80) {
		*len = p[0] ? 1 : 0;
		return p[0];
	}
	if ((p[0] & 0xE0) == 0xC0 && (p[1] & 0xC0) == 0x80) {
		*len = 2;
		return ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
	}
	if ((p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
		*len = 3;
		return ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
	}
	if ((p[0] & 0xF8) == 0xF0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 && (p[3] & 0xC0) == 0x80) {
		*len = 4;
		return ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
	}
	*len = 1;
	return p[0];
}

/* The code point before s (s > start). */
static int cp_before(const char *start, const char *s, int *len)
{
	const char *p = s - 1;
	while (p > start && ((unsigned char)*p & 0xC0) == 0x80 && s - p < 4)
		p--;
	return cp_at(p, len);
}

static int is_space_cp(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000 || c == 0xA0 || c == '\f';
}

static int is_alnum_ascii(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A digit, ASCII or full-width: its value, else -1. */
static int digit_at(const char *s, int *len)
{
	if (*s >= '0' && *s <= '9') {
		*len = 1;
		return *s - '0';
	}
	if ((unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBC && (unsigned char)s[2] >= 0x90 &&
	    (unsigned char)s[2] <= 0x99) {
		*len = 3;
		return (unsigned char)s[2] - 0x90;
	}
	*len = 0;
	return -1;
}

/* Width as printed: a Chinese character counts 2, ASCII 1. */
static int width_of(const char *s)
{
	int w = 0, k;
	for (const char *p = s; *p; p += k) {
		int c = cp_at(p, &k);
		w += c < 0x80 ? 1 : (c >= 0xFF61 && c <= 0xFFDC) ? 1 : 2;
	}
	return w;
}

/* Chinese numerals up to 99: 一 … 十 … 九十九.  Returns the value and the
 * bytes taken, 0 when none. */
static int cnum(const char *s, int *bytes)
{
	static const char *const d[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
	int v = 0, cur = -1, ten = 0;
	const char *p = s;
	for (;;) {
		int hit = 0;
		for (int i = 1; i <= 9 && !hit; i++)
			if (starts(p, d[i])) {
				if (cur >= 0)
					return *bytes = 0, 0; /* 二三 is not a number */
				cur = i;
				p += strlen(d[i]);
				hit = 1;
			}
		if (!hit && starts(p, "十")) {
			if (ten)
				return *bytes = 0, 0;
			ten = 1;
			v = (cur < 0 ? 1 : cur) * 10;
			cur = -1;
			p += strlen("十");
			hit = 1;
		}
		if (!hit)
			break;
	}
	if (p == s)
		return *bytes = 0, 0;
	v += cur < 0 ? 0 : cur;
	*bytes = (int)(p - s);
	return v;
}

/* ---- the reader's state ---- */

typedef struct cline {
	const char *text; /* cleaned */
	int line, page;
	int width;
	int blank;        /* an empty input line: ends a paragraph */
	int drop;         /* page furniture */
	int row;          /* a table's row: three amounts without a unit */
	int cell;         /* in a table left among the prose (its rows, header, cells) */
} cline;

typedef struct lmark {
	size_t off;
	int page, line;
} lmark;

typedef struct rd {
	ys_ctx *ctx;
	ys_narrative *n;
	int oom;
	size_t capb, caps, capf;
	/* the block being built */
	ys_buf b;
	lmark *lm;
	size_t nlm, caplm;
} rd;

static const char *adup(rd *r, const char *s, size_t n)
{
	const char *d = ys_arena_strndup(&r->n->arena, s, n);
	if (!d) {
		r->oom = 1;
		return "";
	}
	return d;
}

/* Clean one line: white space next to a Chinese character or at either
 * end goes; between two ASCII letters or digits one space stays. */
static const char *clean(rd *r, const char *s)
{
	ys_buf b = YS_BUF_INIT;
	int prev = 0, pend = 0, k;
	for (const char *p = s; *p; p += k) {
		int c = cp_at(p, &k);
		if (!k)
			break;
		if (is_space_cp(c)) {
			pend = 1;
			continue;
		}
		if (pend && is_alnum_ascii(prev) && is_alnum_ascii(c))
			ys_buf_addc(&b, ' ');
		pend = 0;
		ys_buf_add(&b, p, (size_t)k);
		prev = c;
	}
	const char *d = b.oom ? (r->oom = 1, "") : adup(r, b.s, b.len);
	ys_buf_release(&b);
	return d;
}

/* Page furniture: - 3 -, —3—, 3, 第3页, 第 3 页 共 9 页, 3/9. */
static int page_number(const char *s)
{
	const char *p = s;
	int k, digits = 0;
	while (starts(p, "-") || starts(p, "—") || starts(p, "－") || starts(p, "–"))
		p += starts(p, "-") ? 1 : 3;
	if (starts(p, "第"))
		p += strlen("第");
	while (digit_at(p, &k) >= 0)
		p += k, digits++;
	if (!digits)
		return 0;
	if (starts(p, "页"))
		p += strlen("页");
	if (starts(p, "共")) {
		p += strlen("共");
		while (digit_at(p, &k) >= 0)
			p += k;
		if (starts(p, "页"))
			p += strlen("页");
	}
	if (*p == '/') {
		p++;
		while (digit_at(p, &k) >= 0)
			p += k;
	}
	while (starts(p, "-") || starts(p, "—") || starts(p, "－") || starts(p, "–"))
		p += starts(p, "-") ? 1 : 3;
	return *p == '\0' && digits <= 4;
}

/* A numbered item's marker at the start of s: its length in bytes, level
 * (1 一、 2 （一） 3 1. 4 （1） 5 第一部分) and number; 0 when none. */
static int marker(const char *s, int *level, int *number)
{
	int b, k;
	const char *p = s;
	if (starts(p, "第")) {
		int v = cnum(p + strlen("第"), &b);
		if (v && starts(p + strlen("第") + b, "部分")) {
			*level = 5, *number = v;
			return (int)(strlen("第") + (size_t)b + strlen("部分"));
		}
	}
	int v = cnum(p, &b);
	if (v && (starts(p + b, "、") || starts(p + b, "．") || p[b] == '.')) {
		*level = 1, *number = v;
		return b + (p[b] == '.' ? 1 : 3);
	}
	int open = starts(p, "（") ? 3 : *p == '(' ? 1 : 0;
	if (open) {
		v = cnum(p + open, &b);
		int lv = 2;
		if (!v) {
			int d, n = 0, nd = 0;
			const char *q = p + open;
			while ((d = digit_at(q, &k)) >= 0 && nd < 3)
				n = n * 10 + d, q += k, nd++;
			if (nd && nd < 3) {
				v = n;
				b = (int)(q - (p + open));
				lv = 4;
			}
		}
		if (v) {
			const char *q = p + open + b;
			int close = starts(q, "）") ? 3 : *q == ')' ? 1 : 0;
			if (close) {
				*level = lv, *number = v;
				return open + b + close;
			}
		}
		return 0;
	}
	int d, n = 0, nd = 0;
	const char *q = p;
	while ((d = digit_at(q, &k)) >= 0 && nd < 3)
		n = n * 10 + d, q += k, nd++;
	if (nd && nd < 3) {
		int sep = *q == '.' ? 1 : starts(q, "．") || starts(q, "、") ? 3 : 0;
		if (sep && digit_at(q + sep, &k) < 0 && q[sep] != '\0') {
			*level = 3, *number = n;
			return (int)(q - p) + sep;
		}
	}
	return 0;
}

static int caption(const char *s)
{
	int k;
	if (!starts(s, "图"))
		return 0;
	const char *p = s + strlen("图");
	if (digit_at(p, &k) < 0)
		return 0;
	while (digit_at(p, &k) >= 0)
		p += k;
	return starts(p, "：") || *p == ':' || *p == ' ' || starts(p, "、") || *p == '-';
}

/* The 目录 entry without its dot leaders and the page number after them
 * (or after white space in the line as printed, raw). */
static const char *toc_entry(rd *r, const char *s, const char *raw)
{
	size_t n = strlen(s), m = n, q;
	int k;
	while (m && s[m - 1] >= '0' && s[m - 1] <= '9')
		m--;
	/* 预算01表收支总表3: the page number set after the title (the PDF's
	 * gap is gone once fragments are joined) */
	if (m < n && m > 0 && (unsigned char)s[m - 1] >= 0x80 && n - m <= 3)
		return adup(r, s, m);
	if (m < n && raw) {
		/* 预算01表 收支总表	3: digits set apart at the end of the line */
		size_t rl = strlen(raw);
		while (rl && (raw[rl - 1] == ' ' || raw[rl - 1] == '\t'))
			rl--;
		size_t dg = rl;
		while (dg && raw[dg - 1] >= '0' && raw[dg - 1] <= '9')
			dg--;
		if (dg < rl && dg && (raw[dg - 1] == ' ' || raw[dg - 1] == '\t'))
			return adup(r, s, m);
	}
	for (q = m; q > 0;) {
		int c = cp_before(s, s + q, &k);
		if (c == '.' || c == 0x2026 || c == 0xB7 || c == 0x2022 || c == 0xFF0E || c == 0x22EF || c == 0x2014 ||
		    c == '-')
			q -= (size_t)k;
		else
			break;
	}
	if (q < m)
		n = q;
	return adup(r, s, n);
}

/* ---- blocks ---- */

static ys_result add_block(rd *r, ys_nkind kind, const char *text, size_t len, int page, int line, int end_page,
                           int end_line)
{
	ys_narrative *n = r->n;
	if (ys_grow((void **)&n->blocks, &r->capb, (size_t)n->nblocks + 1, sizeof *n->blocks))
		return ys_error(r->ctx, YS_ENOMEM, "内存不足");
	ys_nblock *b = &n->blocks[n->nblocks++];
	memset(b, 0, sizeof *b);
	b->text = adup(r, text, len);
	b->page = page, b->line = line, b->end_page = end_page, b->end_line = end_line;
	b->kind = kind;
	b->marker = "";
	b->sent0 = n->nsents;
	int level = 0, number = 0;
	int m = kind == YS_NK_TEXT || kind == YS_NK_HEADING || kind == YS_NK_TOC ? marker(b->text, &level, &number) : 0;
	if (m) {
		b->marker = adup(r, b->text, (size_t)m);
		b->level = level;
		b->number = number;
	}
	return r->oom ? ys_error(r->ctx, YS_ENOMEM, "内存不足") : YS_OK;
}

static ys_result add_sent(rd *r, int block, const char *text, size_t len, int page, int line, int ends)
{
	ys_narrative *n = r->n;
	if (ys_grow((void **)&n->sents, &r->caps, (size_t)n->nsents + 1, sizeof *n->sents))
		return ys_error(r->ctx, YS_ENOMEM, "内存不足");
	ys_nsent *s = &n->sents[n->nsents++];
	memset(s, 0, sizeof *s);
	s->text = adup(r, text, len);
	s->page = page, s->line = line;
	ys_nbreak *br = ys_arena_alloc(&n->arena, sizeof *br);
	if (!br)
		r->oom = 1;
	else
		*br = (ys_nbreak){ 0, page, line };
	s->breaks = br;
	s->nbreaks = 1;
	s->block = block;
	s->fig0 = n->nfigs;
	s->ends = ends;
	n->blocks[block].nsent++;
	return r->oom ? ys_error(r->ctx, YS_ENOMEM, "内存不足") : YS_OK;
}

/* Where offset off of the block being built was printed. */
static void where(const rd *r, size_t off, int *page, int *line)
{
	*page = r->nlm ? r->lm[0].page : 0;
	*line = r->nlm ? r->lm[0].line : 0;
	for (size_t i = 0; i < r->nlm && r->lm[i].off <= off; i++)
		*page = r->lm[i].page, *line = r->lm[i].line;
}

/* Close the block being built: record it and split it into sentences. */
static ys_result close_block(rd *r, ys_nkind kind)
{
	if (!r->b.len)
		return YS_OK;
	if (r->b.oom)
		return ys_error(r->ctx, YS_ENOMEM, "内存不足");
	int page, line, ep, el;
	where(r, 0, &page, &line);
	where(r, r->b.len ? r->b.len - 1 : 0, &ep, &el);
	if (kind == YS_NK_TEXT && !strstr(r->b.s, "。") && width_of(r->b.s) <= 60 && r->nlm == 1)
		kind = YS_NK_HEADING;
	ys_result e = add_block(r, kind, r->b.s, r->b.len, page, line, ep, el);
	int bi = r->n->nblocks - 1;
	const char *s = r->b.s;
	size_t n = r->b.len, st = 0;
	while (!e && st < n) {
		size_t i = st, end = n;
		int ends = 0;
		if (kind == YS_NK_TEXT)
			for (int k; i < n; i += (size_t)k) {
				int c = cp_at(s + i, &k);
				if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F) { /* 。！？ */
					end = i + (size_t)k;
					/* closing quotes and brackets stay with it; so does a doubled 。 */
					for (int k2;;) {
						int c2 = cp_at(s + end, &k2);
						if (c2 == 0x201D || c2 == 0x2019 || c2 == 0xFF09 || c2 == ')' || c2 == 0x300D ||
						    c2 == 0x300F || c2 == 0x3002)
							end += (size_t)k2;
						else
							break;
					}
					ends = 1;
					break;
				}
			}
		int p, l;
		where(r, st, &p, &l);
		e = add_sent(r, bi, s + st, end - st, p, l, ends);
		/* the printed lines it spans */
		int nb = 1;
		for (size_t k = 0; k < r->nlm; k++)
			nb += r->lm[k].off > st && r->lm[k].off < end;
		ys_nbreak *br = e ? NULL : ys_arena_alloc(&r->n->arena, sizeof *br * (size_t)nb);
		if (!e && !br)
			e = ys_error(r->ctx, YS_ENOMEM, "内存不足");
		if (!e) {
			int j = 0;
			br[j++] = (ys_nbreak){ 0, p, l };
			for (size_t k = 0; k < r->nlm; k++)
				if (r->lm[k].off > st && r->lm[k].off < end)
					br[j++] = (ys_nbreak){ (int)(r->lm[k].off - st), r->lm[k].page, r->lm[k].line };
			ys_nsent *sp = &r->n->sents[r->n->nsents - 1];
			sp->breaks = br;
			sp->nbreaks = nb;
		}
		st = end;
	}
	ys_buf_reset(&r->b);
	r->nlm = 0;
	return e;
}

static ys_result block_add_line(rd *r, const cline *l)
{
	if (ys_grow((void **)&r->lm, &r->caplm, r->nlm + 1, sizeof *r->lm))
		return ys_error(r->ctx, YS_ENOMEM, "内存不足");
	r->lm[r->nlm++] = (lmark){ r->b.len, l->page, l->line };
	ys_buf_adds(&r->b, l->text);
	if (r->b.len > YS_NARR_BLOCK_MAX)
		return ys_error(r->ctx, YS_ELIMIT, "%s:%d: 一段文字超过 %zu 字节，不像情况说明", r->n->name, l->line,
		                (size_t)YS_NARR_BLOCK_MAX);
	return YS_OK;
}

/* ---- figures ---- */

typedef struct kw {
	const char *w;
	ys_nsubj subj;
} kw;

/* Subject words.  At each place the longest word wins. */
static const kw kws[] = {
	{ "收入预算总计", YS_NS_INCOME }, { "收入预算总额", YS_NS_INCOME }, { "收入预算", YS_NS_INCOME },
	{ "收入总计", YS_NS_INCOME }, { "收入总预算", YS_NS_INCOME }, { "收入总额", YS_NS_INCOME },
	{ "支出预算总计", YS_NS_EXPEND }, { "支出预算总额", YS_NS_EXPEND }, { "支出预算", YS_NS_EXPEND },
	{ "支出总计", YS_NS_EXPEND }, { "支出总预算", YS_NS_EXPEND }, { "支出总额", YS_NS_EXPEND },
	{ "本年收入合计", YS_NS_INCOME_CUR }, { "本年收入", YS_NS_INCOME_CUR },
	{ "本年支出合计", YS_NS_EXPEND_CUR }, { "本年支出", YS_NS_EXPEND_CUR },
	{ "本年财政拨款收入", YS_NS_FISCAL_IN }, { "财政拨款收入", YS_NS_FISCAL_IN },
	{ "一般公共预算拨款收入", YS_NS_GP_IN }, { "一般公共预算财政拨款收入", YS_NS_GP_IN },
	{ "政府性基金预算拨款收入", YS_NS_GF_IN }, { "政府性基金拨款收入", YS_NS_GF_IN },
	{ "政府性基金预算财政拨款收入", YS_NS_GF_IN },
	{ "国有资本经营预算拨款收入", YS_NS_SOC_IN }, { "国有资本经营预算财政拨款收入", YS_NS_SOC_IN },
	{ "本年其他资金收入", YS_NS_OTHER_IN }, { "其他资金收入", YS_NS_OTHER_IN },
	{ "财政专户管理资金收入", YS_NS_SPECIAL_IN }, { "财政专户管理资金", YS_NS_SPECIAL_IN },
	{ "事业收入", YS_NS_SHIYE_IN }, { "上级补助收入", YS_NS_UPPER_IN }, { "附属单位上缴收入", YS_NS_AFFIL_IN },
	{ "事业单位经营收入", YS_NS_OPER_IN }, { "其他收入", YS_NS_OTHERINC_IN },
	{ "上年结转结余", YS_NS_CARRY }, { "上年结转", YS_NS_CARRY }, { "上年结余", YS_NS_CARRY },
	{ "基本支出", YS_NS_BASIC }, { "项目支出", YS_NS_PROJECT },
	{ "事业单位经营支出", YS_NS_OPER_OUT }, { "上缴上级支出", YS_NS_UPPER_OUT },
	{ "对附属单位补助支出", YS_NS_SUBSID_OUT },
	{ "年终结转结余", YS_NS_YEAREND }, { "年终结转", YS_NS_YEAREND }, { "结转下年", YS_NS_YEAREND },
	{ "财政拨款支出", YS_NS_FISCAL_OUT }, { "财政拨款支出预算", YS_NS_FISCAL_OUT },
	{ "一般公共预算拨款支出", YS_NS_GP_OUT }, { "一般公共预算支出", YS_NS_GP_OUT },
	{ "一般公共预算财政拨款支出", YS_NS_GP_OUT },
	{ "政府性基金拨款支出", YS_NS_GF_OUT }, { "政府性基金预算拨款支出", YS_NS_GF_OUT },
	{ "政府性基金预算支出", YS_NS_GF_OUT },
	{ "国有资本经营预算拨款支出", YS_NS_SOC_OUT }, { "国有资本经营预算支出", YS_NS_SOC_OUT },
	{ "人员经费", YS_NS_PERSONNEL }, { "公用经费", YS_NS_PUBLIC }, { "日常公用经费", YS_NS_PUBLIC },
	{ "“三公”经费", YS_NS_SANGONG }, { "三公经费", YS_NS_SANGONG }, { "“三公经费”", YS_NS_SANGONG },
	{ "\"三公\"经费", YS_NS_SANGONG }, { "‘三公’经费", YS_NS_SANGONG },
	{ "因公出国（境）费用", YS_NS_ABROAD }, { "因公出国（境）费", YS_NS_ABROAD },
	{ "因公出国(境)费用", YS_NS_ABROAD }, { "因公出国(境)费", YS_NS_ABROAD }, { "因公出国（境）经费", YS_NS_ABROAD },
	{ "公务接待费", YS_NS_RECEPTION },
	{ "公务用车购置和运行维护费", YS_NS_CAR }, { "公务用车购置及运行维护费", YS_NS_CAR },
	{ "公务用车购置及运行费", YS_NS_CAR }, { "公务用车购置和运行费", YS_NS_CAR },
	{ "公务用车购置费", YS_NS_CAR_BUY }, { "公务用车运行维护费", YS_NS_CAR_RUN }, { "公务用车运行费", YS_NS_CAR_RUN },
	{ "机关运行经费", YS_NS_ADMIN },
	{ "政府采购预算总额", YS_NS_PROC }, { "政府采购预算", YS_NS_PROC }, { "政府采购", YS_NS_PROC },
	{ "政府采购货物预算", YS_NS_PROC_GOODS }, { "政府采购货物", YS_NS_PROC_GOODS },
	{ "政府采购工程预算", YS_NS_PROC_WORKS }, { "政府采购工程", YS_NS_PROC_WORKS },
	{ "政府采购服务预算", YS_NS_PROC_SERV }, { "政府采购服务", YS_NS_PROC_SERV },
	{ "货物类政府采购", YS_NS_PROC_GOODS }, { "工程类政府采购", YS_NS_PROC_WORKS }, { "服务类政府采购", YS_NS_PROC_SERV },
	{ "中小企业", YS_NS_PROC_SME }, { "小型和微型企业", YS_NS_PROC_SME }, { "小微企业", YS_NS_PROC_SME },
	{ "政府购买服务", YS_NS_SERVICE_BUY },
	{ "车辆", YS_NS_VEHICLES }, { "公务用车保有量", YS_NS_VEHICLES }, { "设备", YS_NS_EQUIP },
	{ "项目预算资金", YS_NS_PERF }, { "绩效目标", YS_NS_PERF },
	{ "转移支付", YS_NS_TRANSFER }, { "转移支付资金", YS_NS_TRANSFER }, { "专项转移支付资金", YS_NS_TRANSFER },
	/* the 26 类, current and former names (a class is said of by name) */
	{ "一般公共服务支出", YS_NS_CLASS }, { "外交支出", YS_NS_CLASS }, { "国防支出", YS_NS_CLASS },
	{ "公共安全支出", YS_NS_CLASS }, { "教育支出", YS_NS_CLASS }, { "科学技术支出", YS_NS_CLASS },
	{ "文化旅游体育与传媒支出", YS_NS_CLASS }, { "文化体育与传媒支出", YS_NS_CLASS },
	{ "社会保障和就业支出", YS_NS_CLASS }, { "卫生健康支出", YS_NS_CLASS }, { "医疗卫生与计划生育支出", YS_NS_CLASS },
	{ "节能环保支出", YS_NS_CLASS }, { "城乡社区支出", YS_NS_CLASS }, { "农林水支出", YS_NS_CLASS },
	{ "交通运输支出", YS_NS_CLASS }, { "资源勘探工业信息等支出", YS_NS_CLASS }, { "资源勘探信息等支出", YS_NS_CLASS },
	{ "商业服务业等支出", YS_NS_CLASS }, { "金融支出", YS_NS_CLASS }, { "援助其他地区支出", YS_NS_CLASS },
	{ "自然资源海洋气象等支出", YS_NS_CLASS }, { "国土海洋气象等支出", YS_NS_CLASS }, { "住房保障支出", YS_NS_CLASS },
	{ "粮油物资储备支出", YS_NS_CLASS }, { "灾害防治及应急管理支出", YS_NS_CLASS }, { "债务付息支出", YS_NS_CLASS },
	{ "债务发行费用支出", YS_NS_CLASS },
};

/* The longest subject word at s, or NULL. */
static const kw *kw_at(const char *s)
{
	const kw *best = NULL;
	for (size_t i = 0; i < YS_ARRAY_LEN(kws); i++)
		if (starts(s, kws[i].w) && (!best || strlen(kws[i].w) > strlen(best->w)))
			best = &kws[i];
	return best;
}

/* A class named with its levels: “…（类）…（款）…（项）” or the same
 * unquoted.  Returns the words and their end in [s, e), else NULL. */
static const char *class_at(rd *r, const char *s, const char *e, const char **at, const char **end)
{
	static const char *const lv[] = { "（类）", "（款）", "（项）", "(类)", "(款)", "(项)" };
	const char *last = NULL;
	for (int i = 0; i < 6; i++)
		for (const char *p = strstr(s, lv[i]); p && p < e; p = strstr(p + 1, lv[i]))
			if (!last || p > last)
				last = p;
	if (!last)
		return NULL;
	/* from the opening quote before it, else from the last punctuation */
	const char *q = last, *from = s;
	while (q > s) {
		int k;
		int c = cp_before(s, q, &k);
		if (c == 0x201C || c == '"') {
			from = q;
			break;
		}
		if (c == 0xFF0C || c == 0x3001 || c == 0xFF1B || c == 0xFF1A || c == 0x3002 || c == 0x201D)
			break;
		q -= k;
		from = q;
	}
	const char *to = last + (starts(last, "（") ? strlen("（类）") : strlen("(类)"));
	/* the levels that follow it up to the closing quote */
	*at = from;
	*end = starts(to, "”") ? to + strlen("”") : *to == '"' ? to + 1 : to;
	return adup(r, from, (size_t)(to - from));
}

typedef struct num {
	int64_t mant;
	int dp;
	size_t len; /* bytes of the number */
	int digits;
} num;

/* A number at s: digits with thousands separators, one decimal point. */
static int number_at(const char *s, num *out)
{
	int k, d;
	const char *p = s;
	int64_t m = 0;
	int digits = 0, dp = -1, group = -1;
	for (;;) {
		if ((d = digit_at(p, &k)) >= 0) {
			if (digits >= 18)
				return 0;
			m = m * 10 + d;
			digits++;
			if (dp >= 0)
				dp++;
			else if (group >= 0)
				group++;
			p += k;
			continue;
		}
		if (*p == ',' && dp < 0 && digits && (group < 0 || group == 3)) {
			int ahead = 0, k2;
			const char *q = p + 1;
			while (digit_at(q, &k2) >= 0)
				ahead++, q += k2;
			if (ahead < 3 || (ahead > 3 && *q != '.' && !starts(q, "．")))
				break;
			if (ahead > 3)
				break;
			group = 0;
			p++;
			continue;
		}
		if ((*p == '.' || starts(p, "．")) && dp < 0 && digits && digit_at(p + (*p == '.' ? 1 : 3), &k) >= 0) {
			if (group >= 0 && group != 3)
				return 0;
			dp = 0;
			p += *p == '.' ? 1 : 3;
			continue;
		}
		break;
	}
	if (!digits || (group >= 0 && dp < 0 && group != 3))
		return 0;
	out->mant = m;
	out->dp = dp < 0 ? 0 : dp;
	out->len = (size_t)(p - s);
	out->digits = digits;
	return 1;
}

static int64_t pow10i(int k)
{
	int64_t v = 1;
	while (k-- > 0)
		v *= 10;
	return v;
}

/* The unit after a number: its bytes (with white space before it). */
static ys_nunit unit_at(const char *s, size_t *len, const char **count_word)
{
	static const char *const counts[] = { "台（套）", "台(套)", "台", "辆", "个", "家", "人", "名", "套", "所", "项", NULL };
	const char *p = s;
	if (starts(p, "万元")) {
		*len = strlen("万元");
		return YS_NU_WANYUAN;
	}
	if (starts(p, "亿元")) {
		*len = strlen("亿元");
		return YS_NU_YIYUAN;
	}
	if (starts(p, "元")) {
		*len = strlen("元");
		return YS_NU_YUAN;
	}
	if (*p == '%') {
		*len = 1;
		return YS_NU_PERCENT;
	}
	if (starts(p, "％")) {
		*len = strlen("％");
		return YS_NU_PERCENT;
	}
	if (starts(p, "个百分点")) {
		*len = strlen("个百分点");
		return YS_NU_POINT;
	}
	for (int i = 0; counts[i]; i++)
		if (starts(p, counts[i])) {
			*len = strlen(counts[i]);
			*count_word = counts[i];
			return YS_NU_COUNT;
		}
	return YS_NU_NONE;
}

static int year_before(const char *from, const char *to, int *lastyear)
{
	int y = 0;
	for (const char *p = from; p + 4 < to; p++) {
		if (p[0] >= '1' && p[0] <= '2' && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' && p[2] <= '9' && p[3] >= '0' &&
		    p[3] <= '9' && (p == from || !(p[-1] >= '0' && p[-1] <= '9')) && starts(p + 4, "年")) {
			int v = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
			if (v >= 1990 && v <= 2099)
				y = v;
		}
	}
	*lastyear = y;
	return y != 0;
}

static int has_in(const char *from, const char *to, const char *w)
{
	size_t k = strlen(w);
	for (const char *p = from; p + k <= to; p++)
		if (!memcmp(p, w, k))
			return 1;
	return 0;
}

static const char *const up_words[] = { "增加", "增长", "上升", "提高", "上涨", "增幅", "增加了", "增长了", "多", NULL };
static const char *const down_words[] = { "减少", "下降", "降低", "压减", "缩减", "减幅", "减少了", "下降了", "少", "节约",
	                                  NULL };

/* Direction word just before `to` (allowing 了, 约, 为 between). */
static int dir_before(const char *from, const char *to)
{
	const char *e = to;
	static const char *const fill[] = { "了", "约", "为", "达", NULL };
	for (int again = 1; again;) {
		again = 0;
		for (int i = 0; fill[i]; i++)
			if ((size_t)(e - from) >= strlen(fill[i]) && ends_with(from, (size_t)(e - from), fill[i])) {
				e -= strlen(fill[i]);
				again = 1;
			}
	}
	size_t n = (size_t)(e - from);
	for (int i = 0; up_words[i]; i++)
		if (ends_with(from, n, up_words[i]))
			return 1;
	for (int i = 0; down_words[i]; i++)
		if (ends_with(from, n, down_words[i]))
			return -1;
	return 0;
}

static ys_result add_fig(rd *r, const ys_nfig *f)
{
	ys_narrative *n = r->n;
	if (ys_grow((void **)&n->figs, &r->capf, (size_t)n->nfigs + 1, sizeof *n->figs))
		return ys_error(r->ctx, YS_ENOMEM, "内存不足");
	n->figs[n->nfigs++] = *f;
	n->sents[f->sent].nfig++;
	return YS_OK;
}

/* The subject words of a block's heading (its first sentence when it is a
 * title: "（一）因公出国（境）费用。"), and the class it names. */
static ys_nsubj block_topic(rd *r, int bi, const char **text)
{
	const ys_narrative *n = r->n;
	const ys_nblock *b = &n->blocks[bi];
	*text = "";
	if (!b->marker[0] || !b->nsent)
		return YS_NS_NONE;
	const ys_nsent *s = &n->sents[b->sent0];
	if (s->nfig) {
		/* an item that opens with its subject's figure: “…（项）”53.84万元 */
		const ys_nfig *f = &n->figs[s->fig0];
		if (f->role == YS_NR_VALUE && f->subj != YS_NS_NONE && !f->inherited) {
			*text = f->subj_text;
			return f->subj;
		}
		return YS_NS_NONE;
	}
	if (width_of(s->text) > 60)
		return YS_NS_NONE;
	ys_nsubj last = YS_NS_NONE;
	for (const char *p = s->text; *p;) {
		const kw *k = kw_at(p);
		if (k) {
			last = k->subj;
			*text = k->w;
			p += strlen(k->w);
		} else {
			p++;
		}
	}
	return last;
}

static int is_prior_word(const char *from, const char *to)
{
	static const char *const w[] = { "上年", "去年", "上一年", "执行数", "决算数", "年初预算", NULL };
	for (int i = 0; w[i]; i++)
		for (const char *p = strstr(from, w[i]); p && p < to; p = strstr(p + strlen(w[i]), w[i])) {
			/* 上年结转 is a subject, not the year before */
			if (!strcmp(w[i], "上年") && (starts(p, "上年结转") || starts(p, "上年结余")))
				continue;
			return 1;
		}
	return 0;
}

/* The words before a subject in its clause that say whose it is, once the
 * words any statement of the budget has are taken away (a year, 本年, 本部门,
 * a fund, 其中, 安排 …): "" for the department's own (2026年财政拨款“三公”经费),
 * else a copy of them (编外 for 编外人员经费, 深圳市劳动人事争议仲裁院 for its
 * 公用经费, 评审 for …评审项目支出).  The department's name is such a word
 * too: the rules know the title and let it pass. */
static const char *qualifier(rd *r, const char *from, const char *to)
{
	static const char *const plain[] = { "本年度", "本年", "今年", "全年", "当年", "年度", "年初", "本部门", "部门",
		                             "本单位", "单位", "本级", "其中", "安排", "预算数", "预算", "财政拨款",
		                             "一般公共预算", "政府性基金预算", "政府性基金", "国有资本经营预算",
		                             "财政专户", "合计", "总计", "共计", "共", "的", "为", "是", "“", "”",
		                             "\"", "此外", "另外", "同时", "全部", "及", "和", NULL };
	const char *p = from;
	int lv, no, ml = marker(p, &lv, &no); /* an item's number: （三）, 10. */
	if (ml > 0 && p + ml <= to)
		p += ml;
	/* a heading run into its paragraph: （二）机关运行经费说明2026年… */
	for (const char *q = p; q + strlen("说明") <= to; q++)
		if (starts(q, "说明"))
			p = q + strlen("说明");
	for (int again = 1; again && p < to;) {
		again = 0;
		int k;
		while (p < to && (*p == ' ' || *p == '\t'))
			p++, again = 1;
		/* a year: 2026年, 2026年度 */
		if (to - p >= 7 && digit_at(p, &k) >= 0 && p[0] >= '1' && p[0] <= '2' && p[1] >= '0' && p[1] <= '9' &&
		    p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9' && starts(p + 4, "年")) {
			p += 4 + strlen("年");
			if (starts(p, "度"))
				p += strlen("度");
			again = 1;
			continue;
		}
		for (int i = 0; plain[i]; i++)
			if ((size_t)(to - p) >= strlen(plain[i]) && starts(p, plain[i])) {
				p += strlen(plain[i]);
				again = 1;
				break;
			}
	}
	return p < to ? adup(r, p, (size_t)(to - p)) : "";
}

/* Find the figures of sentence si. */
static ys_result scan_figures(rd *r, int si)
{
	ys_narrative *n = r->n;
	const char *s = n->sents[si].text;
	int bi = n->sents[si].block;
	const ys_nblock *blk = &n->blocks[bi];
	n->sents[si].fig0 = n->nfigs;
	n->sents[si].nfig = 0;
	if (blk->kind == YS_NK_TOC || blk->kind == YS_NK_CAPTION || blk->kind == YS_NK_CELL)
		return YS_OK;
	const char *topic_text = "";
	ys_nsubj topic = YS_NS_NONE;
	int topic_done = 0;
	const char *win = s; /* the window of the next figure starts here */
	int k;
	ys_nsubj last_subj = YS_NS_NONE;
	const char *last_subj_text = "";
	int last_year = 0, last_prior = 0, last_inherited = 0;
	int whole = -1; /* the sentence's last figure of a value of this year */
	for (const char *p = s; *p;) {
		int d = digit_at(p, &k);
		if (d < 0) {
			cp_at(p, &k);
			p += k ? k : 1;
			continue;
		}
		/* not inside a word or another number */
		if (p > s) {
			int pk, pc = cp_before(s, p, &pk);
			if (is_alnum_ascii(pc) || pc == '.' || pc == '-' || pc == '/' || pc == 0xFF0E) {
				while (digit_at(p, &k) >= 0 || *p == '.' || *p == ',')
					p += k ? k : 1;
				continue;
			}
		}
		num v;
		if (!number_at(p, &v)) {
			p += k;
			continue;
		}
		const char *after = p + v.len;
		size_t ul = 0;
		const char *cw = NULL;
		ys_nunit u = unit_at(after, &ul, &cw);
		/* years, dates, codes and ordinals are not figures */
		if (u == YS_NU_NONE || (u == YS_NU_COUNT && (starts(after, "个百分点")))) {
			p = after;
			continue;
		}
		ys_nfig f;
		memset(&f, 0, sizeof f);
		f.sent = si;
		f.off = (size_t)(p - s);
		f.len = v.len + ul;
		f.text = adup(r, p, f.len);
		f.mant = v.mant;
		f.dp = v.dp;
		f.unit = u;
		f.count_word = cw ? cw : "";
		f.subj_text = "";
		f.page = n->sents[si].page;
		f.line = n->sents[si].line;
		for (int bk = 0; bk < n->sents[si].nbreaks; bk++)
			if ((size_t)n->sents[si].breaks[bk].off <= f.off)
				f.page = n->sents[si].breaks[bk].page, f.line = n->sents[si].breaks[bk].line;
		if (u == YS_NU_WANYUAN || u == YS_NU_YIYUAN || u == YS_NU_YUAN) {
			int exd = u == YS_NU_WANYUAN ? 6 : u == YS_NU_YIYUAN ? 10 : 2;
			if (v.dp <= exd) {
				int64_t sc = pow10i(exd - v.dp), fen;
				/* beyond 10 万亿元 no budget goes: not a figure to reckon with
				 * (and twice it still fits an int64) */
				if (!ys_money_mul(v.mant, sc, &fen) && fen <= YS_NARR_FEN_MAX) {
					f.fen = fen;
					f.exact = 1;
				}
			}
		}
		/* the window: from the end of the figure before */
		const char *w0 = win;
		ys_nsubj subj = YS_NS_NONE;
		const char *stext = "";
		/* the figure's clause: its subject is said there */
		const char *cl0 = w0;
		for (const char *q = w0; q < p; q++)
			if (starts(q, "，") || starts(q, "；") || starts(q, "：") || starts(q, "、") || starts(q, "。"))
				cl0 = q + 3;
			else if ((*q == ',' || *q == ';' || *q == ':') && !(q > s && q[-1] >= '0' && q[-1] <= '9' && q[1] >= '0' &&
			                                                     q[1] <= '9'))
				cl0 = q + 1;
		const char *subj_end = cl0, *subj_start = cl0;
		for (const char *q = cl0; q < p;) {
			const kw *kk = kw_at(q);
			/* 收入预算, 支出预算 after a subject are its suffix (货物类政府采购支出预算) */
			int weak = kk && subj != YS_NS_NONE &&
			           (kk->subj == YS_NS_INCOME || kk->subj == YS_NS_EXPEND || kk->subj == YS_NS_INCOME_CUR ||
			            kk->subj == YS_NS_EXPEND_CUR);
			if (kk && weak && q + strlen(kk->w) <= p) {
				q += strlen(kk->w);
				subj_end = q;
				continue;
			}
			if (kk && q + strlen(kk->w) <= p) {
				subj = kk->subj;
				stext = kk->w;
				subj_start = q;
				q += strlen(kk->w);
				subj_end = q;
				continue;
			}
			q++;
		}
		{
			const char *ca, *ce;
			const char *ct = class_at(r, w0, p, &ca, &ce);
			if (ct && ce >= subj_end && ce + 12 >= p) {
				subj = YS_NS_CLASS;
				stext = ct;
				subj_start = ca;
				subj_end = ce;
			}
		}
		/* money set aside for small firms is not the procurement total */
		if ((subj == YS_NS_PROC || subj == YS_NS_PROC_GOODS || subj == YS_NS_PROC_WORKS || subj == YS_NS_PROC_SERV) &&
		    (has_in(cl0, p, "中小企业") || has_in(cl0, p, "小微") || has_in(cl0, p, "小型和微型")))
			subj = YS_NS_PROC_SME, stext = "中小企业";
		/* a clause that names some other cost or income does not speak of
		 * its item's subject */
		int own_noun = has_in(cl0, p, "费") || has_in(cl0, p, "支出") || has_in(cl0, p, "收入") || has_in(cl0, p, "资金") ||
		               has_in(cl0, p, "经费") || has_in(cl0, p, "金额");
		f.near = subj != YS_NS_NONE && ys_utf8_count(subj_end, (size_t)(p - subj_end)) <= 4;
		/* whose it is: the words before the subject in its clause; a cost
		 * named after it (政府采购管理费用) is another thing's; a part
		 * (其中, 包括) of a figure said of no subject of the department
		 * (对事业单位经常性补助 2945.22 万元，其中：人员经费 …) is that
		 * thing's, and so is a figure that follows one in its sentence
		 * (…物业管理服务 2,520.00 万元，上年结转 122.31 万元) */
		f.qual = "";
		if (subj == YS_NS_NONE) {
			f.qual = qualifier(r, cl0, p); /* the name of what it is said of */
		} else if (subj != YS_NS_CLASS) {
			f.qual = qualifier(r, cl0, subj_start);
			if (!f.qual[0] && has_in(subj_end, p, "费"))
				f.qual = adup(r, subj_end, (size_t)(p - subj_end));
			if (!f.qual[0] && whole >= 0 && n->figs[whole].subj == YS_NS_NONE)
				f.qual = n->figs[whole].qual;
		}
		if (r->oom)
			return ys_error(r->ctx, YS_ENOMEM, "内存不足");
		/* a fund named before the subject, in its clause */
		f.fund = "";
		if (subj != YS_NS_NONE) {
			static const char *const funds[] = { "一般公共预算", "财政拨款", "政府性基金", "国有资本经营", "财政专户", NULL };
			const char *k0 = w0;
			for (const char *q = w0; q < subj_start; q++)
				if (starts(q, "，") || starts(q, "；") || starts(q, "：") || starts(q, "。"))
					k0 = q + 3;
			for (int i = 0; funds[i]; i++)
				if (has_in(k0, subj_start, funds[i]))
					f.fund = funds[i];
		}
		/* the year said of it: in its own clause */
		int year = 0;
		const char *c0 = w0;
		for (const char *q = w0; q < p; q++)
			if (starts(q, "，") || starts(q, "；") || starts(q, "：") || starts(q, "、"))
				c0 = q + 3;
		if (c0 > subj_end && subj != YS_NS_NONE) {
			/* the subject is in an earlier clause: its clause starts before it */
			const char *k0 = w0;
			for (const char *q = w0; q < subj_end - 1; q++)
				if (starts(q, "，") || starts(q, "；") || starts(q, "：") || starts(q, "、"))
					k0 = q + 3;
			c0 = k0;
		}
		year_before(c0, p, &year);
		f.dir = dir_before(w0, p);
		int cmp = has_in(subj_end, p, "比") || has_in(subj_end, p, "较") || has_in(subj_end, p, "同比") ||
		          has_in(subj_end, p, "与");
		if (u == YS_NU_PERCENT || u == YS_NU_POINT) {
			if (f.dir)
				f.role = YS_NR_RATE;
			else if (has_in(w0, p, "占"))
				f.role = YS_NR_SHARE;
			else
				f.role = YS_NR_VALUE;
		} else if (f.dir && (u == YS_NU_WANYUAN || u == YS_NU_YIYUAN || u == YS_NU_YUAN || u == YS_NU_COUNT)) {
			f.role = YS_NR_CHANGE;
		} else if (cmp) {
			f.role = YS_NR_BASE;
		} else {
			f.role = YS_NR_VALUE;
		}
		/* a threshold (100万元以上) is said of nothing */
		const char *tail = after + ul;
		int threshold = starts(tail, "以上") || starts(tail, "以下") || starts(tail, "（含）") || starts(tail, "(含)");
		if (f.role == YS_NR_SHARE) {
			f.of = subj;
			f.subj = last_subj;
			f.subj_text = last_subj_text;
			f.year = last_year;
			f.prior = last_prior;
			f.inherited = last_inherited;
		} else if (f.role != YS_NR_VALUE && subj == YS_NS_NONE) {
			f.subj = last_subj;
			f.subj_text = last_subj_text;
			f.year = year ? year : last_year;
			f.inherited = last_inherited;
		} else if (threshold) {
			f.subj = YS_NS_NONE;
		} else {
			f.subj = subj;
			f.subj_text = stext;
			f.year = year;
			if (subj == YS_NS_NONE) {
				if (!topic_done) {
					topic = block_topic(r, bi, &topic_text);
					topic_done = 1;
				}
				/* only the item's own figures: not when the sentence has
				 * said of what it speaks already */
				if (topic != YS_NS_NONE && (last_subj == YS_NS_NONE || last_inherited) && !own_noun &&
				    !(si == blk->sent0 && n->sents[si].nfig == 0 && topic == YS_NS_CLASS)) {
					f.subj = topic;
					f.subj_text = topic_text;
					f.inherited = 1;
				}
			}
		}
		if (!f.year && f.role == YS_NR_VALUE && last_year && subj == YS_NS_NONE)
			f.year = last_year;
		if (f.role == YS_NR_BASE)
			f.prior = 1;
		else if (f.role == YS_NR_VALUE)
			f.prior = is_prior_word(subj_end, p) || (year && n->year && year != n->year);
		/* in final accounts a budget figure is the comparison, not the outturn */
		if (f.role == YS_NR_VALUE && (n->kind == YS_ND_DEPT_FINAL || n->kind == YS_ND_UNIT_FINAL) &&
		    !has_in(cl0, p, "决算"))
			for (const char *q = strstr(cl0, "预算"); q && q < p; q = strstr(q + 1, "预算"))
				if (!(q - s >= 6 && !strncmp(q - 6, "公共", 6)))
					f.prior = 1;
		if (f.role == YS_NR_VALUE && f.subj != YS_NS_NONE) {
			last_subj = f.subj;
			last_subj_text = f.subj_text;
			last_year = f.year;
			last_prior = f.prior;
			last_inherited = f.inherited;
		}
		if (r->oom)
			return ys_error(r->ctx, YS_ENOMEM, "内存不足");
		ys_result e = add_fig(r, &f);
		if (e)
			return e;
		if (f.role == YS_NR_VALUE && !f.prior && u != YS_NU_PERCENT && u != YS_NU_POINT && u != YS_NU_COUNT)
			whole = n->nfigs - 1;
		p = after + ul;
		win = p;
	}
	return YS_OK;
}

/* ---- sections ---- */

static ys_nsection classify(const char *s)
{
	static const struct {
		const char *w;
		ys_nsection sec;
	} m[] = {
		{ "名词解释", YS_NSEC_TERMS }, { "三公", YS_NSEC_SANGONG }, { "机关运行经费", YS_NSEC_ADMIN },
		{ "政府采购", YS_NSEC_PROC }, { "国有资产", YS_NSEC_ASSETS }, { "资产占用", YS_NSEC_ASSETS },
		{ "资产占有", YS_NSEC_ASSETS }, { "绩效", YS_NSEC_PERF }, { "转移支付", YS_NSEC_TRANSFER },
		{ "重点支出", YS_NSEC_TRANSFER }, { "重大投资", YS_NSEC_TRANSFER }, { "项目经费情况", YS_NSEC_TRANSFER },
		{ "项目概况", YS_NSEC_TRANSFER }, { "职责", YS_NSEC_DUTIES }, { "职能", YS_NSEC_DUTIES },
		{ "主要工作任务", YS_NSEC_DUTIES }, { "机构设置", YS_NSEC_ORG }, { "机构编制", YS_NSEC_ORG }, { "单位构成", YS_NSEC_ORG },
		{ "机构情况", YS_NSEC_ORG }, { "所属单位", YS_NSEC_ORG }, { "财政拨款收支", YS_NSEC_FISCAL },
		{ "财政拨款预算", YS_NSEC_FISCAL }, { "财政拨款支出", YS_NSEC_FISCAL }, { "一般公共预算", YS_NSEC_GP },
		{ "收入预算", YS_NSEC_INCOME }, { "收入决算", YS_NSEC_INCOME }, { "收入情况", YS_NSEC_INCOME },
		{ "支出预算", YS_NSEC_EXPEND }, { "支出决算", YS_NSEC_EXPEND }, { "支出情况", YS_NSEC_EXPEND },
		{ "收支", YS_NSEC_INCOME }, { "预算编制说明", YS_NSEC_INCOME }, { "决算情况说明", YS_NSEC_INCOME },
	};
	for (size_t i = 0; i < YS_ARRAY_LEN(m); i++)
		if (strstr(s, m[i].w))
			return m[i].sec;
	return YS_NSEC_NONE;
}

/* The heading text of a block: a heading block's text, or an item's
 * first sentence when it is a title ("（一）政府采购预算说明"). */
static const char *heading_text(const ys_narrative *n, const ys_nblock *b)
{
	if (b->kind == YS_NK_HEADING)
		return b->text;
	if (b->kind == YS_NK_TEXT && b->marker[0] && b->nsent) {
		const ys_nsent *s = &n->sents[b->sent0];
		if (!s->nfig && width_of(s->text) <= 50)
			return s->text;
	}
	return NULL;
}

/* A heading that names a unit of the department (一、深圳市水务局（本级）,
 * 二、深圳市劳动人事争议仲裁院, 十五、深圳城市职业学院（深圳技师学院）):
 * what follows, up to the next heading of its rank, is that unit's. */
static int unit_heading(const char *h)
{
	static const char *const orgs[] = { "本级", "局", "委员会", "委", "办公室", "办", "中心", "站", "处", "院", "所",
		                            "室", "队", "馆", "学校", "校", "厅", "署", "台", "场", "社", "会", "公司",
		                            "街道", NULL };
	static const char *const not[] = { "预算", "决算", "情况", "说明", "支出", "收入", "经费", "资金", "目标", "任务",
		                           "项目", "解释", "职责", "职能", "设置", "概况", "编制", NULL };
	int level, number;
	h += marker(h, &level, &number);
	size_t len = strlen(h);
	if (len && h[len - 1] == ':')
		len--;
	if (ends_with(h, len, "。") || ends_with(h, len, "："))
		len -= 3;
	/* a name given after it: （深圳技师学院）, but （本级） is the unit itself */
	if ((ends_with(h, len, "）") || ends_with(h, len, ")")) && !ends_with(h, len, "（本级）")) {
		size_t k = len;
		while (k > 0 && !(k >= 3 && !strncmp(h + k - 3, "（", 3)) && h[k - 1] != '(')
			k--;
		len = k > 0 ? k - (h[k - 1] == '(' ? 1 : 3) : 0;
	}
	if (len < 6 || len > 120 || classify(h) != YS_NSEC_NONE)
		return 0;
	for (int i = 0; not[i]; i++)
		if (has_in(h, h + len, not[i]))
			return 0;
	for (const char *p = h; p < h + len; p++)
		if (*p >= '0' && *p <= '9')
			return 0;
	size_t l2 = ends_with(h, len, "（本级）") ? len - strlen("（本级）") + strlen("本级") : len;
	char buf[128];
	if (l2 >= sizeof buf)
		return 0;
	memcpy(buf, h, l2);
	if (l2 != len)
		memcpy(buf + l2 - strlen("本级"), "本级", strlen("本级"));
	for (int i = 0; orgs[i]; i++)
		if (ends_with(buf, l2, orgs[i]))
			return 1;
	return 0;
}

/* A unit's heading run into its paragraph, which starts with its name
 * again: 十、深圳市深圳河湾流域管理中心（深圳市治理深圳河办公室）深圳市深圳
 * 河湾流域管理中心（…）预算 237,632.33 万元，… */
static int run_in_unit(const char *s)
{
	int level, number;
	size_t ml = (size_t)marker(s, &level, &number);
	const char *h = s + ml;
	char buf[256];
	size_t hl = strlen(h);
	for (size_t len = 12; len < 200 && 2 * len <= hl; len++) {
		if (((unsigned char)h[len] & 0xC0) == 0x80 || strncmp(h + len, h, len))
			continue;
		if (ml + len >= sizeof buf)
			return 0;
		memcpy(buf, s, ml + len);
		buf[ml + len] = '\0';
		return unit_heading(buf);
	}
	return 0;
}

static void assign_sections(ys_narrative *n)
{
	ys_nsection stack[7] = { 0 };
	int part = 0, part_rank = 0, parts = 0;
	for (int i = 0; i < n->nblocks; i++) {
		ys_nblock *b = &n->blocks[i];
		const char *h = heading_text(n, b);
		if (h && b->kind != YS_NK_TOC && b->kind != YS_NK_TITLE) {
			/* rank: 第X部分 0, a heading without a number 1, 一、 1, （一） 2 ... */
			int rank = b->level == 5 ? 0 : b->level == 0 ? 1 : b->level;
			stack[rank] = classify(h);
			for (int k = rank + 1; k < 7; k++)
				stack[k] = YS_NSEC_NONE;
			if (b->marker[0] && unit_heading(h)) {
				part = ++parts;
				part_rank = rank;
			} else if (part && rank <= part_rank) {
				part = 0;
			}
		} else if (b->kind == YS_NK_TEXT && b->marker[0] && b->level >= 1 && b->level <= 2 &&
		           ((b->nsent == 1 && !n->sents[b->sent0].nfig && unit_heading(b->text)) || run_in_unit(b->text))) {
			part = ++parts;
			part_rank = b->level;
		}
		b->part = part;
		b->section = YS_NSEC_NONE;
		for (int k = 6; k >= 0; k--)
			if (stack[k] != YS_NSEC_NONE) {
				b->section = stack[k];
				break;
			}
	}
}

/* ---- the document ---- */

/* A footer or header that ends with its page number: 北京市…2026年部门预算 第2页共21页. */
static int ends_with_page(const char *s)
{
	const char *p = strstr(s, "第");
	for (const char *q = p; q; q = strstr(q + 1, "第"))
		p = q;
	if (!p || p == s)
		return 0;
	return page_number(p) && width_of(s) <= 80;
}

/* Lines that repeat at the top or bottom of three or more pages (page
 * numbers in them aside). */
static void running_heads(cline *L, int n)
{
	for (int i = 0; i < n; i++) {
		if (L[i].drop || L[i].blank || L[i].width > 80 || !L[i].text[0])
			continue;
		int first = (i == 0 || L[i - 1].page != L[i].page);
		int last = (i == n - 1 || L[i + 1].page != L[i].page);
		if (!first && !last)
			continue;
		int pages = 0, lastpage = -1;
		for (int j = 0; j < n; j++) {
			if (L[j].page == lastpage || strcmp(L[j].text, L[i].text))
				continue;
			int fj = (j == 0 || L[j - 1].page != L[j].page), lj = (j == n - 1 || L[j + 1].page != L[j].page);
			if (fj || lj) {
				pages++;
				lastpage = L[j].page;
			}
		}
		if (pages >= 3)
			for (int j = 0; j < n; j++)
				if (!strcmp(L[j].text, L[i].text))
					L[j].drop = 1;
	}
}

/* The width a full line has: the most common width of the lines that
 * carry sentence punctuation. */
static int full_width(const cline *L, int n)
{
	int hist[512] = { 0 };
	for (int i = 0; i < n; i++)
		if (!L[i].drop && !L[i].blank && !L[i].cell && L[i].width >= 20 && L[i].width < 512 &&
		    (strstr(L[i].text, "，") || strstr(L[i].text, "。") || strstr(L[i].text, "、")))
			hist[L[i].width]++;
	int best = 0, bw = 0;
	for (int w = 20; w < 510; w++) {
		int c = hist[w - 1] + hist[w] + hist[w + 1];
		if (c > best || (c == best && c && w > bw)) {
			best = c;
			bw = w;
		}
	}
	/* the widest of that cluster */
	int mw = bw;
	for (int w = bw; w < 510 && w <= bw + 4; w++)
		if (hist[w])
			mw = w;
	return best ? mw : 0;
}

static int is_toc_line(const char *s)
{
	int level, number;
	return marker(s, &level, &number) || strstr(s, "……") || strstr(s, "....") || strstr(s, "···");
}

static int doc_kind(const char *s)
{
	if (strstr(s, "单位预算"))
		return YS_ND_UNIT_BUDGET;
	if (strstr(s, "部门预算"))
		return YS_ND_DEPT_BUDGET;
	if (strstr(s, "单位决算"))
		return YS_ND_UNIT_FINAL;
	if (strstr(s, "部门决算"))
		return YS_ND_DEPT_FINAL;
	return YS_ND_UNKNOWN;
}

static int first_year(const char *s)
{
	for (const char *p = s; *p; p++)
		if ((p[0] == '1' || p[0] == '2') && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' && p[2] <= '9' &&
		    p[3] >= '0' && p[3] <= '9' && starts(p + 4, "年") && (p == s || !(p[-1] >= '0' && p[-1] <= '9'))) {
			int v = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
			if (v >= 1990 && v <= 2099)
				return v;
		}
	return 0;
}

/* ---- tables left among the prose ---- */

/* A table's row: three amounts or more printed without a unit
 * (购置经费78.7578.7578.750.000.00…, 合计93,664.77 60,634.18 33,030.59);
 * a sentence gives its figures a unit. */
static int row_line(const char *s)
{
	int k, n = 0;
	for (const char *p = s; *p; p++) {
		if (*p != '.' || p == s || !(p[-1] >= '0' && p[-1] <= '9') || digit_at(p + 1, &k) < 0)
			continue;
		const char *q = p + 1;
		while (digit_at(q, &k) >= 0)
			q += k;
		if (!starts(q, "万") && !starts(q, "元") && !starts(q, "亿") && *q != '%' && !starts(q, "％"))
			n++;
	}
	return n >= 3;
}

/* A table's 单位 line: 金额单位：万元, 单位：元, 单位名称：… */
static int table_unit_line(const char *s)
{
	return starts(s, "金额单位") || starts(s, "单位：") || starts(s, "单位:") || starts(s, "单位名称") ||
	       strstr(s, "单位：万元") || strstr(s, "单位：元") || strstr(s, "单位:万元") || strstr(s, "单位:元");
}

/* The header of a table of one figure a row: its columns and its unit
 * (项目预算数（单位：万元）绩效目标), no sentence. */
static int form_header(const cline *l)
{
	const char *s = l->text;
	return !l->drop && !l->blank && l->width <= 60 && !strstr(s, "。") && !strstr(s, "，") &&
	       (strstr(s, "单位：万元") || strstr(s, "单位:万元") || strstr(s, "单位：元") || strstr(s, "单位:元")) &&
	       !starts(s, "单位") && !starts(s, "金额单位") &&
	       (strstr(s, "项目") || strstr(s, "科目") || strstr(s, "名称") || strstr(s, "绩效目标"));
}

static int cmp_line_text(const void *a, const void *b)
{
	const cline *x = *(const cline *const *)a, *y = *(const cline *const *)b;
	int c = strcmp(x->text, y->text);
	return c ? c : (x->page > y->page) - (x->page < y->page);
}

/* A table the readers did not take is left among the prose: its rows
 * (amounts without a unit), the header repeated on each of its pages, and
 * the text of its cells (绩效目标, 主要原因).  A page with two rows or more
 * is a table's from its header (or 单位 line, or first row) to its last
 * row and the cells after it, up to a numbered item (the text going on); a
 * row alone elsewhere is one line of a table.  These lines are no part of
 * the 情况说明: they become blocks of kind YS_NK_CELL. */
static ys_result table_residue(cline *L, int n)
{
	for (int i = 0; i < n; i++)
		L[i].row = !L[i].drop && !L[i].blank && row_line(L[i].text);
	/* the pages of tables: two rows or more */
	size_t cnt = n > 0 ? (size_t)n : 1;
	int *tpage = calloc(cnt, sizeof *tpage); /* per line: its page has rows */
	const cline **v = malloc(sizeof *v * cnt);
	if (!tpage || !v) {
		free(tpage);
		free((void *)v);
		return YS_ENOMEM;
	}
	for (int a = 0; a < n;) {
		int b = a, rows = 0;
		while (b < n && L[b].page == L[a].page)
			rows += L[b++].row;
		for (int i = a; i < b; i++)
			tpage[i] = rows >= 2;
		a = b;
	}
	/* a header: a line printed again on another table's page */
	int nv = 0;
	for (int i = 0; i < n; i++)
		if (tpage[i] && !L[i].drop && !L[i].blank && !L[i].row && !strstr(L[i].text, "。"))
			v[nv++] = &L[i];
	qsort((void *)v, (size_t)nv, sizeof *v, cmp_line_text);
	int *header = tpage; /* reused: 2 marks a header line */
	for (int a = 0; a < nv;) {
		int b = a + 1, pages = 1;
		while (b < nv && !strcmp(v[b]->text, v[a]->text)) {
			pages += v[b]->page != v[b - 1]->page;
			b++;
		}
		if (pages >= 2)
			for (int k = a; k < b; k++)
				header[v[k] - L] = 2;
		a = b;
	}
	for (int a = 0; a < n;) {
		int b = a, first = -1, last = -1;
		while (b < n && L[b].page == L[a].page)
			b++;
		if (tpage[a]) {
			for (int i = a; i < b; i++) {
				if (L[i].drop || L[i].blank)
					continue;
				if (first < 0 && (L[i].row || header[i] == 2 || table_unit_line(L[i].text)))
					first = i;
				if (L[i].row)
					last = i;
			}
			/* the cells after the last row, up to the text going on */
			int level, number;
			while (last >= 0 && last + 1 < b && (L[last + 1].drop || L[last + 1].blank || !marker(L[last + 1].text, &level, &number)))
				last++;
			for (int i = first; first >= 0 && i <= last; i++)
				L[i].cell = !L[i].drop && !L[i].blank;
		} else {
			for (int i = a; i < b; i++)
				L[i].cell = L[i].row;
		}
		a = b;
	}
	/* a table of one figure a row (项目 | 预算数（单位：万元） | 绩效目标):
	 * its header, with its unit, printed on each of its pages; from it to
	 * the page's end all is cells (the targets' own 1. 2. …), up to a
	 * chapter's heading (八、其他重要事项说明) */
	nv = 0;
	for (int i = 0; i < n; i++)
		if (form_header(&L[i]))
			v[nv++] = &L[i];
	qsort((void *)v, (size_t)nv, sizeof *v, cmp_line_text);
	for (int a = 0; a < nv;) {
		int b = a + 1, pages = 1;
		while (b < nv && !strcmp(v[b]->text, v[a]->text)) {
			pages += v[b]->page != v[b - 1]->page;
			b++;
		}
		for (int k = a; k < b && pages >= 2; k++) {
			int h = (int)(v[k] - L);
			for (int i = h; i < n && L[i].page == L[h].page; i++) {
				int level, number;
				if (i > h && !L[i].drop && !L[i].blank && marker(L[i].text, &level, &number) &&
				    (level == 1 || level == 2 || level == 5) && L[i].width < 30 && !row_line(L[i].text))
					break;
				L[i].cell = !L[i].drop && !L[i].blank;
			}
		}
		a = b;
	}
	free(tpage);
	free((void *)v);
	return YS_OK;
}

/* A line of punctuation alone (，；): marks the text layer set a little
 * below their line; no printed line starts with them, so they are dropped
 * rather than doubled with the marks of the line before. */
static int punct_only(const char *s)
{
	static const char *const marks[] = { "，", "。", "；", "：", "、", "！", "？", ",", ";", ":", NULL };
	int any = 0;
	for (const char *p = s; *p;) {
		int hit = 0;
		for (int i = 0; marks[i] && !hit; i++)
			if (starts(p, marks[i])) {
				p += strlen(marks[i]);
				hit = any = 1;
			}
		if (!hit && (*p == ' ' || *p == '\t'))
			p++, hit = 1;
		if (!hit)
			return 0;
	}
	return any;
}

static ys_result read_all(rd *r, const ys_nline *in, int nin)
{
	ys_narrative *n = r->n;
	if (nin > YS_NARR_LINES_MAX)
		return ys_error(r->ctx, YS_ELIMIT, "%s: 说明文字超过 %d 行", n->name, YS_NARR_LINES_MAX);
	cline *L = calloc((size_t)(nin ? nin : 1), sizeof *L);
	if (!L)
		return ys_error(r->ctx, YS_ENOMEM, "内存不足");
	for (int i = 0; i < nin; i++) {
		L[i].text = clean(r, in[i].text ? in[i].text : "");
		L[i].line = in[i].line;
		L[i].page = in[i].page;
		L[i].width = width_of(L[i].text);
		L[i].blank = !L[i].text[0];
		L[i].drop = !L[i].blank && (page_number(L[i].text) || ends_with_page(L[i].text) || punct_only(L[i].text));
	}
	ys_result e = r->oom ? ys_error(r->ctx, YS_ENOMEM, "内存不足") : YS_OK;
	if (!e && table_residue(L, nin))
		e = ys_error(r->ctx, YS_ENOMEM, "内存不足");
	running_heads(L, nin);
	int W = full_width(L, nin);
	int full = W ? W * 3 / 4 : INT_MAX;

	/* the title and the 目录 */
	int toc = -1;
	for (int i = 0; i < nin && i < 200; i++) {
		if (L[i].drop || L[i].blank)
			continue;
		if (!strcmp(L[i].text, "目录") || !strcmp(L[i].text, "目次")) {
			toc = i;
			break;
		}
	}
	n->toc_block = -1;
	int i = 0;
	if (toc >= 0) {
		ys_buf t = YS_BUF_INIT;
		int tp = 0, tl = 0;
		for (int j = 0; j < toc; j++)
			if (!L[j].drop && !L[j].blank) {
				if (!t.len)
					tp = L[j].page, tl = L[j].line;
				ys_buf_adds(&t, L[j].text);
			}
		if (t.len) {
			e = e ? e : add_block(r, YS_NK_TITLE, t.s, t.len, tp, tl, L[toc].page, L[toc].line);
			if (!e)
				e = add_sent(r, n->nblocks - 1, t.s, t.len, tp, tl, 0);
		}
		ys_buf_release(&t);
		if (!e)
			e = add_block(r, YS_NK_HEADING, L[toc].text, strlen(L[toc].text), L[toc].page, L[toc].line,
			              L[toc].page, L[toc].line);
		if (!e) {
			n->toc_block = n->nblocks - 1;
			e = add_sent(r, n->nblocks - 1, L[toc].text, strlen(L[toc].text), L[toc].page, L[toc].line, 0);
		}
		const char *first = NULL;
		int entries = 0;
		ys_buf ent = YS_BUF_INIT;
		int ep = 0, el = 0;
		for (i = toc + 1; i < nin && !e; i++) {
			if (L[i].drop || L[i].blank)
				continue;
			const char *t2 = toc_entry(r, L[i].text, in[i].text);
			size_t tn = strlen(t2);
			int punct = strstr(t2, "，") || strstr(t2, "；") || (strstr(t2, "。") && !ends_with(t2, tn, "。"));
			int newpage = L[i].page != L[i - 1].page;
			if (punct || (first && !strcmp(t2, first) && entries >= 2) || (newpage && !is_toc_line(L[i].text)) ||
			    entries > 80 || L[i].width > (W ? W + 20 : 200))
				break;
			int level, number;
			/* an entry wrapped onto a second line (… 培训费支出预算 / 表) */
			if (ent.len && !newpage && !marker(t2, &level, &number) && width_of(t2) < 16 && !caption(t2)) {
				ys_buf_adds(&ent, t2);
				continue;
			}
			if (ent.len) {
				e = add_block(r, YS_NK_TOC, ent.s, ent.len, ep, el, ep, el);
				if (!e)
					e = add_sent(r, n->nblocks - 1, ent.s, ent.len, ep, el, 0);
				ys_buf_reset(&ent);
			}
			if (!first)
				first = t2;
			entries++;
			ys_buf_adds(&ent, t2);
			ep = L[i].page, el = L[i].line;
		}
		if (!e && ent.len) {
			e = add_block(r, YS_NK_TOC, ent.s, ent.len, ep, el, ep, el);
			if (!e)
				e = add_sent(r, n->nblocks - 1, ent.s, ent.len, ep, el, 0);
		}
		if (!e && ent.oom)
			e = ys_error(r->ctx, YS_ENOMEM, "内存不足");
		ys_buf_release(&ent);
	}

	/* the body */
	int incell = 0;
	for (; i < nin && !e; i++) {
		const cline *l = &L[i];
		if (l->drop)
			continue;
		if (l->blank) {
			e = close_block(r, incell ? YS_NK_CELL : YS_NK_TEXT);
			incell = 0;
			continue;
		}
		/* a table's lines: one block of their own */
		if (l->cell != incell) {
			e = close_block(r, incell ? YS_NK_CELL : YS_NK_TEXT);
			incell = l->cell;
		}
		if (incell) {
			if (!e)
				e = block_add_line(r, l);
			continue;
		}
		int level, number;
		if (caption(l->text)) {
			e = close_block(r, YS_NK_TEXT);
			if (!e)
				e = block_add_line(r, l);
			if (!e)
				e = close_block(r, YS_NK_CAPTION);
			continue;
		}
		if (r->b.len && (marker(l->text, &level, &number) || starts(l->text, "附件") || starts(l->text, "注：")))
			e = close_block(r, YS_NK_TEXT);
		if (!e)
			e = block_add_line(r, l);
		/* does the paragraph go on? */
		int next = i + 1;
		while (next < nin && L[next].drop)
			next++;
		int goes_on = l->width >= full && next < nin && !L[next].blank;
		/* a sentence that ends at the margin, then a short line without
		 * punctuation: that line is a heading */
		if (goes_on && (ends_with(l->text, strlen(l->text), "。") || ends_with(l->text, strlen(l->text), "：")) &&
		    L[next].width < full && !strstr(L[next].text, "，") && !strstr(L[next].text, "。") &&
		    !strstr(L[next].text, "、") && !strstr(L[next].text, "；"))
			goes_on = 0;
		/* a line that ends a sentence exactly at the margin may end its
		 * paragraph too: a heading-like next line says so */
		if (!e && !goes_on)
			e = close_block(r, YS_NK_TEXT);
	}
	if (!e)
		e = close_block(r, incell ? YS_NK_CELL : YS_NK_TEXT);
	free(L);

	/* the title when there is no 目录: the first heading that names a year */
	int tb = -1;
	for (int b = 0; b < n->nblocks; b++)
		if (n->blocks[b].kind == YS_NK_TITLE)
			tb = b;
	if (tb < 0)
		for (int b = 0; b < n->nblocks && b < 6; b++)
			if (n->blocks[b].kind == YS_NK_HEADING && first_year(n->blocks[b].text) &&
			    (strstr(n->blocks[b].text, "预算") || strstr(n->blocks[b].text, "决算"))) {
				tb = b;
				break;
			}
	n->title = tb >= 0 ? n->blocks[tb].text : "";
	if (tb >= 0) {
		n->title_page = n->blocks[tb].page;
		n->title_line = n->blocks[tb].line;
	}
	if (!n->year)
		n->year = first_year(n->title);
	n->kind = doc_kind(n->title);
	for (int b = 0; b < n->nblocks && !n->kind && b < 40; b++)
		if (n->blocks[b].kind != YS_NK_TEXT)
			n->kind = doc_kind(n->blocks[b].text);

	assign_sections(n);
	for (int s = 0; s < n->nsents && !e; s++)
		e = scan_figures(r, s);
	return e;
}

static ys_narrative *narrative_new(const char *name, int year)
{
	ys_narrative *n = calloc(1, sizeof *n);
	if (!n)
		return NULL;
	ys_arena_init(&n->arena);
	n->name = ys_arena_strdup(&n->arena, name ? name : "");
	if (!n->name) {
		ys_arena_release(&n->arena);
		free(n);
		return NULL;
	}
	n->year = year;
	n->toc_block = -1;
	n->title = "";
	return n;
}

void ys_narrative_free(ys_narrative *n)
{
	if (!n)
		return;
	free(n->blocks);
	free(n->sents);
	free(n->figs);
	ys_arena_release(&n->arena);
	free(n);
}

ys_result ys_narrative_read_lines(ys_ctx *ctx, const char *name, const ys_nline *lines, int nlines, int year,
                                  ys_narrative **out)
{
	*out = NULL;
	ys_narrative *n = narrative_new(name, year);
	if (!n)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	rd r;
	memset(&r, 0, sizeof r);
	r.ctx = ctx;
	r.n = n;
	ys_buf_init(&r.b);
	ys_result e = read_all(&r, lines, nlines);
	ys_buf_release(&r.b);
	free(r.lm);
	if (e) {
		ys_narrative_free(n);
		return e;
	}
	*out = n;
	return YS_OK;
}

ys_result ys_narrative_read_doc(ys_ctx *ctx, const ys_doc *doc, ys_narrative **out)
{
	*out = NULL;
	ys_nline *v = malloc(sizeof *v * (size_t)(doc->nprose ? doc->nprose : 1));
	if (!v)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	for (int i = 0; i < doc->nprose; i++)
		v[i] = (ys_nline){ doc->prose[i].text, doc->prose[i].line, doc->prose[i].page };
	ys_result e = ys_narrative_read_lines(ctx, doc->file, v, doc->nprose, doc->year, out);
	free(v);
	return e;
}

/* The lines of a narrative given as text: "-- page N --" marks and form
 * feeds start pages, tabs go (fragments join as the PDF readers join
 * them).  The strings live in arena. */
static ys_result text_lines(ys_ctx *ctx, const char *name, const char *data, size_t len, ys_arena *arena,
                            ys_nline **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	char *text = NULL;
	size_t tlen = 0;
	ys_encoding enc;
	ys_result e = ys_text_decode(ctx, name, data, len, &text, &tlen, &enc);
	if (e)
		return e;
	ys_nline *v = NULL;
	size_t nv = 0, cap = 0;
	int page = 1, line = 0;
	for (char *p = text; p && *p && !e;) {
		char *nl = strchr(p, '\n');
		size_t ll = nl ? (size_t)(nl - p) : strlen(p);
		line++;
		if (ll > YS_LINE_MAX) {
			e = ys_error(ctx, YS_ELIMIT, "%s:%d: 一行超过 %zu 字节", name, line, (size_t)YS_LINE_MAX);
			break;
		}
		p[ll] = '\0';
		int pg;
		char tail;
		if (sscanf(p, "-- page %d -%c", &pg, &tail) == 2) {
			page = pg;
		} else {
			/* pdftotext: a form feed starts a page */
			while (*p == '\f') {
				page++;
				p++;
			}
			char *w = p;
			for (char *t = p; *t; t++)
				if (*t != '\t')
					*w++ = *t;
			*w = '\0';
			const char *s = ys_arena_strdup(arena, p);
			if (!s || ys_grow((void **)&v, &cap, nv + 1, sizeof *v)) {
				e = ys_error(ctx, YS_ENOMEM, "内存不足");
				break;
			}
			v[nv++] = (ys_nline){ s, line, page };
		}
		p = nl ? nl + 1 : NULL;
	}
	free(text);
	if (!e && nv > (size_t)YS_NARR_LINES_MAX)
		e = ys_error(ctx, YS_ELIMIT, "%s: 说明文字超过 %d 行", name, YS_NARR_LINES_MAX);
	if (e) {
		free(v);
		return e;
	}
	*out = v;
	*nout = nv;
	return YS_OK;
}

ys_result ys_narrative_read_text(ys_ctx *ctx, const char *name, const char *data, size_t len, int year,
                                 ys_narrative **out)
{
	*out = NULL;
	if (!len)
		return ys_narrative_read_lines(ctx, name, NULL, 0, year, out);
	ys_arena a;
	ys_arena_init(&a);
	ys_nline *v;
	size_t nv;
	ys_result e = text_lines(ctx, name, data, len, &a, &v, &nv);
	if (!e)
		e = ys_narrative_read_lines(ctx, name, v, (int)nv, year, out);
	free(v);
	ys_arena_release(&a);
	return e;
}

static ys_result add_prose(ys_ctx *ctx, ys_doc *doc, const ys_nline *v, size_t nv, const char *name)
{
	if ((size_t)doc->nprose + nv > (size_t)YS_NARR_LINES_MAX)
		return ys_error(ctx, YS_ELIMIT, "%s: 说明文字超过 %d 行", name, YS_NARR_LINES_MAX);
	/* doc->prose grows in steps of 256 (the readers' habit) */
	size_t need = ((size_t)doc->nprose + nv + 255) / 256 * 256;
	ys_textline *p = realloc(doc->prose, sizeof *p * (need ? need : 256));
	if (!p)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	doc->prose = p;
	for (size_t i = 0; i < nv; i++)
		doc->prose[doc->nprose++] = (ys_textline){ v[i].text, v[i].line, v[i].page };
	return YS_OK;
}

ys_result ys_doc_add_prose_text(ys_ctx *ctx, ys_doc *doc, const char *name, const char *data, size_t len)
{
	ys_nline *v;
	size_t nv;
	ys_result e = text_lines(ctx, name, data, len, &doc->arena, &v, &nv);
	if (e)
		return e;
	e = add_prose(ctx, doc, v, nv, name);
	free(v);
	return e;
}

/* ---- DOCX ---- */

#define YS_DOCX_XML_MAX ((zip_uint64_t)64 << 20)

typedef struct dx {
	ys_arena *arena;
	ys_nline *v;
	size_t nv, cap;
	ys_buf para;
	int in_t, tbl, page, para_page, npara, oom, depth;
} dx;

static const char *xlocal(const char *name)
{
	const char *c = strrchr(name, ':');
	return c ? c + 1 : name;
}

static void dx_emit(dx *d, const char *s, size_t n, int page, int line)
{
	if (ys_grow((void **)&d->v, &d->cap, d->nv + 1, sizeof *d->v)) {
		d->oom = 1;
		return;
	}
	const char *t = ys_arena_strndup(d->arena, s, n);
	if (!t) {
		d->oom = 1;
		return;
	}
	d->v[d->nv++] = (ys_nline){ t, line, page };
}

static void XMLCALL dx_start(void *ud, const char *name, const char **atts)
{
	dx *d = ud;
	const char *l = xlocal(name);
	if (++d->depth > 256)
		d->oom = 1;
	if (!strcmp(l, "tbl"))
		d->tbl++;
	else if (!strcmp(l, "p")) {
		ys_buf_reset(&d->para);
		d->para_page = d->page;
	} else if (!strcmp(l, "t"))
		d->in_t = 1;
	else if (!strcmp(l, "tab"))
		ys_buf_addc(&d->para, ' ');
	else if (!strcmp(l, "lastRenderedPageBreak") || !strcmp(l, "br")) {
		int page = !strcmp(l, "lastRenderedPageBreak");
		for (int i = 0; atts[i] && !page; i += 2)
			page = !strcmp(xlocal(atts[i]), "type") && !strcmp(atts[i + 1], "page");
		if (page) {
			d->page++;
			/* a paragraph that opens with the break is on the new page */
			if (!d->para.len)
				d->para_page = d->page;
		}
	}
}

static void XMLCALL dx_end(void *ud, const char *name)
{
	dx *d = ud;
	const char *l = xlocal(name);
	d->depth--;
	if (!strcmp(l, "tbl") && d->tbl)
		d->tbl--;
	else if (!strcmp(l, "t"))
		d->in_t = 0;
	else if (!strcmp(l, "p") && !d->tbl) {
		d->npara++;
		if (d->para.len) {
			dx_emit(d, d->para.s, d->para.len, d->para_page, d->npara);
			dx_emit(d, "", 0, d->para_page, d->npara);
		}
	}
}

static void XMLCALL dx_text(void *ud, const char *s, int len)
{
	dx *d = ud;
	if (d->in_t && !d->tbl && len > 0) {
		ys_buf_add(&d->para, s, (size_t)len);
		if (d->para.len > YS_NARR_BLOCK_MAX)
			d->oom = 1;
	}
}

/* The paragraphs of a DOCX outside its tables, an empty line after each. */
static ys_result docx_lines(ys_ctx *ctx, const char *path, ys_arena *arena, ys_nline **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	int zerr = 0;
	zip_t *z = zip_open(path, ZIP_RDONLY, &zerr);
	if (!z)
		return ys_error(ctx, zerr == ZIP_ER_NOENT || zerr == ZIP_ER_OPEN ? YS_EIO : YS_EPARSE,
		                "%s: 不是 DOCX 文件（无法作为 zip 打开）", path);
	zip_stat_t st;
	zip_stat_init(&st);
	ys_result e = YS_OK;
	char *xml = NULL;
	if (zip_stat(z, "word/document.xml", 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
		e = ys_error(ctx, YS_EPARSE, "%s: 没有 word/document.xml，不是 DOCX 文件", path);
	} else if (st.size > YS_DOCX_XML_MAX) {
		e = ys_error(ctx, YS_ELIMIT, "%s: word/document.xml 解压后超过 %llu MiB，拒绝读取", path,
		             (unsigned long long)(YS_DOCX_XML_MAX >> 20));
	} else {
		zip_file_t *f = zip_fopen(z, "word/document.xml", 0);
		xml = f ? malloc((size_t)st.size + 1) : NULL;
		zip_int64_t got = 0, k;
		while (f && xml && (zip_uint64_t)got < st.size && (k = zip_fread(f, xml + got, st.size - (zip_uint64_t)got)) > 0)
			got += k;
		if (f)
			zip_fclose(f);
		if (!xml || (zip_uint64_t)got != st.size)
			e = ys_error(ctx, xml ? YS_EPARSE : YS_ENOMEM, "%s: 无法读取 word/document.xml", path);
	}
	zip_close(z);
	if (e) {
		free(xml);
		return e;
	}
	dx d;
	memset(&d, 0, sizeof d);
	d.arena = arena;
	d.page = 1;
	ys_buf_init(&d.para);
	XML_Parser p = XML_ParserCreate("UTF-8");
	if (!p) {
		free(xml);
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	}
	XML_SetUserData(p, &d);
	XML_SetElementHandler(p, dx_start, dx_end);
	XML_SetCharacterDataHandler(p, dx_text);
	if (XML_Parse(p, xml, (int)st.size, 1) != XML_STATUS_OK)
		e = ys_error(ctx, YS_EPARSE, "%s: word/document.xml:%lu:%lu: XML 格式错误：%s", path,
		             (unsigned long)XML_GetCurrentLineNumber(p), (unsigned long)XML_GetCurrentColumnNumber(p),
		             XML_ErrorString(XML_GetErrorCode(p)));
	else if (d.oom || d.para.oom)
		e = ys_error(ctx, YS_ENOMEM, "%s: 内存不足或段落过长", path);
	XML_ParserFree(p);
	ys_buf_release(&d.para);
	free(xml);
	if (e) {
		free(d.v);
		return e;
	}
	*out = d.v;
	*nout = d.nv;
	return YS_OK;
}

ys_result ys_narrative_read_docx(ys_ctx *ctx, const char *path, int year, ys_narrative **out)
{
	*out = NULL;
	ys_arena a;
	ys_arena_init(&a);
	ys_nline *v;
	size_t nv;
	ys_result e = docx_lines(ctx, path, &a, &v, &nv);
	if (!e && nv > (size_t)YS_NARR_LINES_MAX)
		e = ys_error(ctx, YS_ELIMIT, "%s: 说明文字超过 %d 段", path, YS_NARR_LINES_MAX);
	if (!e)
		e = ys_narrative_read_lines(ctx, path, v, (int)nv, year, out);
	if (!e && !nv)
		ys_narrative_free(*out), *out = NULL, e = ys_error(ctx, YS_EEMPTY, "%s: DOCX 中没有正文段落", path);
	free(v);
	ys_arena_release(&a);
	return e;
}

ys_result ys_doc_add_docx_prose(ys_ctx *ctx, ys_doc *doc, const char *path)
{
	ys_nline *v;
	size_t nv;
	ys_result e = docx_lines(ctx, path, &doc->arena, &v, &nv);
	if (e)
		return e;
	e = add_prose(ctx, doc, v, nv, path);
	free(v);
	return e;
}

/* ---- names ---- */

const char *ys_nsubj_name(ys_nsubj s)
{
	static const char *const names[YS_NS_COUNT_] = {
		[YS_NS_NONE] = "",
		[YS_NS_INCOME] = "收入预算",
		[YS_NS_EXPEND] = "支出预算",
		[YS_NS_INCOME_CUR] = "本年收入",
		[YS_NS_EXPEND_CUR] = "本年支出",
		[YS_NS_FISCAL_IN] = "财政拨款收入",
		[YS_NS_GP_IN] = "一般公共预算拨款收入",
		[YS_NS_GF_IN] = "政府性基金预算拨款收入",
		[YS_NS_SOC_IN] = "国有资本经营预算拨款收入",
		[YS_NS_OTHER_IN] = "其他资金收入",
		[YS_NS_SPECIAL_IN] = "财政专户管理资金收入",
		[YS_NS_SHIYE_IN] = "事业收入",
		[YS_NS_UPPER_IN] = "上级补助收入",
		[YS_NS_AFFIL_IN] = "附属单位上缴收入",
		[YS_NS_OPER_IN] = "事业单位经营收入",
		[YS_NS_OTHERINC_IN] = "其他收入",
		[YS_NS_CARRY] = "上年结转结余",
		[YS_NS_BASIC] = "基本支出",
		[YS_NS_PROJECT] = "项目支出",
		[YS_NS_OPER_OUT] = "事业单位经营支出",
		[YS_NS_UPPER_OUT] = "上缴上级支出",
		[YS_NS_SUBSID_OUT] = "对附属单位补助支出",
		[YS_NS_YEAREND] = "年终结转结余",
		[YS_NS_FISCAL_OUT] = "财政拨款支出",
		[YS_NS_GP_OUT] = "一般公共预算支出",
		[YS_NS_GF_OUT] = "政府性基金预算支出",
		[YS_NS_SOC_OUT] = "国有资本经营预算支出",
		[YS_NS_PERSONNEL] = "人员经费",
		[YS_NS_PUBLIC] = "公用经费",
		[YS_NS_SANGONG] = "“三公”经费",
		[YS_NS_ABROAD] = "因公出国（境）费用",
		[YS_NS_RECEPTION] = "公务接待费",
		[YS_NS_CAR] = "公务用车购置及运行维护费",
		[YS_NS_CAR_BUY] = "公务用车购置费",
		[YS_NS_CAR_RUN] = "公务用车运行维护费",
		[YS_NS_ADMIN] = "机关运行经费",
		[YS_NS_PROC] = "政府采购预算",
		[YS_NS_PROC_GOODS] = "政府采购货物预算",
		[YS_NS_PROC_WORKS] = "政府采购工程预算",
		[YS_NS_PROC_SERV] = "政府采购服务预算",
		[YS_NS_PROC_SME] = "面向中小企业预留",
		[YS_NS_SERVICE_BUY] = "政府购买服务",
		[YS_NS_VEHICLES] = "车辆",
		[YS_NS_EQUIP] = "设备",
		[YS_NS_PERF] = "绩效目标项目资金",
		[YS_NS_CLASS] = "科目",
		[YS_NS_TRANSFER] = "转移支付",
	};
	return s >= 0 && s < YS_NS_COUNT_ && names[s] ? names[s] : "";
}

const char *ys_nunit_name(ys_nunit u)
{
	switch (u) {
	case YS_NU_YUAN:
		return "元";
	case YS_NU_WANYUAN:
		return "万元";
	case YS_NU_YIYUAN:
		return "亿元";
	case YS_NU_PERCENT:
		return "%";
	case YS_NU_POINT:
		return "个百分点";
	default:
		return "";
	}
}

const char *ys_nsection_name(ys_nsection s)
{
	static const char *const names[YS_NSEC_COUNT_] = {
		[YS_NSEC_NONE] = "",
		[YS_NSEC_DUTIES] = "部门职责",
		[YS_NSEC_ORG] = "机构设置",
		[YS_NSEC_INCOME] = "收入预算",
		[YS_NSEC_EXPEND] = "支出预算",
		[YS_NSEC_FISCAL] = "财政拨款收支",
		[YS_NSEC_GP] = "一般公共预算",
		[YS_NSEC_SANGONG] = "“三公”经费",
		[YS_NSEC_ADMIN] = "机关运行经费",
		[YS_NSEC_PROC] = "政府采购",
		[YS_NSEC_ASSETS] = "国有资产占用",
		[YS_NSEC_PERF] = "绩效目标",
		[YS_NSEC_TERMS] = "名词解释",
		[YS_NSEC_TRANSFER] = "转移支付与重点项目",
	};
	return s >= 0 && s < YS_NSEC_COUNT_ && names[s] ? names[s] : "";
}

const char *ys_nfig_format(const ys_nfig *f, char *buf, size_t cap)
{
	char d[32];
	int64_t sc = pow10i(f->dp);
	if (f->dp)
		snprintf(d, sizeof d, "%lld.%0*lld", (long long)(f->mant / sc), f->dp, (long long)(f->mant % sc));
	else
		snprintf(d, sizeof d, "%lld", (long long)f->mant);
	snprintf(buf, cap, "%s%s", d, f->unit == YS_NU_COUNT ? f->count_word : ys_nunit_name(f->unit));
	return buf;
}
