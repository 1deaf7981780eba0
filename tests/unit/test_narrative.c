/*
 * test_narrative.c - the 情况说明: read from real narratives (the ten
 * Beijing 2026 departments' text layers with their tables, the older
 * corpus' PDFs), every rule of the `narrative` family with a case that
 * fires and one that does not, errors planted one at a time into real
 * text and each caught at its sentence, and the unplanted documents giving
 * no finding that the corpus ledger (tests/corpus/expected.tsv) does not
 * justify.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>
#include <zip.h>

#include "seedutil.h"
#include "yusuan/narrative.h"

#define NARR(name) FIXTURE("narrative/" name)
#define CORPUS(name) FIXTURE("corpus/" name)
#define LEDGER YS_TESTDIR "/corpus/expected.tsv"

static const char *const bj[] = { "caizhengju", "fagaiwei",  "gonganju", "jiaoguanju", "jiaowei",
	                          "qixiangju",  "shangwuju", "tongjiju", "wenlvju",    "xinfangban" };
#define NBJ ((int)(sizeof bj / sizeof bj[0]))

/* ---- building documents ---- */

static char *bj_file(const char *dept, const char *what, size_t *len)
{
	char path[512];
	snprintf(path, sizeof path, "%s/fixtures/narrative/2026_bj_%s.%s.txt", YS_TESTDIR, dept, what);
	return slurp(path, len);
}

/* Replace the document's prose with text's lines. */
static void set_prose(ys_doc *doc, const char *text, size_t len)
{
	free(doc->prose);
	doc->prose = NULL;
	doc->nprose = 0;
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ck_assert_msg(ys_doc_add_prose_text(&ctx, doc, "说明", text, len) == YS_OK, "%s", ctx.msg);
}

/* A Beijing department: its 13 tables (NULL: none) and a narrative text. */
static ys_doc *make_doc(const char *tables, size_t tlen, const char *text, size_t len)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = NULL;
	if (tables)
		ck_assert_msg(ys_doc_read_text(&ctx, "tables.txt", tables, tlen, &doc) == YS_OK, "%s", ctx.msg);
	else
		ck_assert_ptr_nonnull(doc = ys_doc_new("text.txt"));
	set_prose(doc, text, len);
	return doc;
}

static ys_narrative *read_narr(const char *text, size_t len, int year)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_narrative *n = NULL;
	ck_assert_msg(ys_narrative_read_text(&ctx, "说明", text, len, year, &n) == YS_OK, "%s", ctx.msg);
	return n;
}

/* The narrative findings of a check, each with its rule, page and line. */
typedef struct nf {
	char rule[48];
	int page, line, table;
	ys_severity sev;
	char msg[1024];
} nf;

static int narrative_findings(const ys_doc *doc, nf *out, int cap)
{
	ys_report *rep = check_with(doc, test_catalog(), NULL, NULL);
	int n = 0;
	for (size_t i = 0; i < rep->nfindings; i++) {
		const ys_finding *f = &rep->findings[i];
		if (strncmp(f->rule, "narrative.", 10))
			continue;
		if (n < cap) {
			snprintf(out[n].rule, sizeof out[n].rule, "%s", f->rule);
			out[n].page = f->page;
			out[n].line = f->line;
			out[n].table = f->table;
			out[n].sev = f->sev;
			snprintf(out[n].msg, sizeof out[n].msg, "%s", f->message);
		}
		n++;
	}
	ys_report_free(rep);
	return n < cap ? n : cap;
}

/* ---- planting ---- */

typedef enum { P_REPLACE, P_DUPLINES, P_DELLINES } pkind;

typedef struct plant {
	const char *doc;  /* a Beijing department, or "shpt2024" / "fuliyuan" (older corpus) */
	pkind kind;
	const char *find; /* REPLACE: the text; DUP/DEL: the first line's text */
	const char *repl; /* REPLACE: the new text; DUP/DEL: the last line's text */
	int nth;          /* REPLACE: which occurrence (1 = first) */
	const char *rule; /* caught by */
	int tables;       /* plant into the tables' text instead of the narrative */
	int at_table;     /* the finding is on a table, not at the sentence */
	const char *expect_at; /* the finding is at the sentence holding this
	                          text's first occurrence (the 目录's entry, the
	                          title), not at the plant's */
} plant;

/* Where a text occurs (the nth time): its byte offset, or -1. */
static long find_nth(const char *s, const char *w, int nth)
{
	const char *p = s;
	for (int k = 1;; k++) {
		p = strstr(p, w);
		if (!p)
			return -1;
		if (k == nth)
			return p - s;
		p += strlen(w);
	}
}

/* The line (1-based) of byte offset off. */
static int line_of(const char *s, long off)
{
	int l = 1;
	for (long i = 0; i < off; i++)
		l += s[i] == '\n';
	return l;
}

static long line_start(const char *s, long off)
{
	while (off > 0 && s[off - 1] != '\n')
		off--;
	return off;
}

static long line_end(const char *s, long off)
{
	while (s[off] && s[off] != '\n')
		off++;
	return s[off] ? off + 1 : off;
}

/* The text with one plant applied (malloc'd); *line: the line planted. */
static char *apply(const char *s, const plant *p, int *line)
{
	ys_buf b = YS_BUF_INIT;
	long at = find_nth(s, p->find, p->nth ? p->nth : 1);
	ck_assert_msg(at >= 0, "plant: '%s' not found", p->find);
	*line = line_of(s, at);
	if (p->kind == P_REPLACE) {
		ys_buf_add(&b, s, (size_t)at);
		ys_buf_adds(&b, p->repl);
		ys_buf_adds(&b, s + at + (long)strlen(p->find));
	} else {
		long a = line_start(s, at);
		long z = find_nth(s + at, p->repl, 1);
		ck_assert_msg(z >= 0, "plant: '%s' not found", p->repl);
		z = line_end(s, at + z);
		ys_buf_add(&b, s, (size_t)(p->kind == P_DUPLINES ? z : a));
		if (p->kind == P_DUPLINES) {
			ys_buf_add(&b, s + a, (size_t)(z - a));
			*line = line_of(s, z) ;
		}
		ys_buf_adds(&b, s + z);
	}
	ck_assert(!b.oom);
	return ys_buf_detach(&b, NULL);
}

/* The start line of the sentence of text that holds `needle` printed on
 * line `line` (tabs in the needle ignored), else the last sentence that
 * starts at or before the line. */
static int sentence_line(const char *text, int line, const char *needle)
{
	char nd[512];
	size_t k = 0;
	for (const char *p = needle ? needle : ""; *p && k + 1 < sizeof nd; p++)
		if (*p != '\t' && *p != '\n')
			nd[k++] = *p;
	nd[k] = '\0';
	ys_narrative *n = read_narr(text, strlen(text), 0);
	int best = 0;
	for (int i = 0; i < n->nsents && !best; i++) {
		int on = 0;
		for (int b = 0; b < n->sents[i].nbreaks; b++)
			on |= n->sents[i].breaks[b].line == line;
		if (on && nd[0] && strstr(n->sents[i].text, nd))
			best = n->sents[i].line;
	}
	/* else the last sentence that starts at or before the line */
	if (!best)
		for (int i = 0; i < n->nsents; i++)
			if (n->sents[i].line <= line)
				best = n->sents[i].line;
	ys_narrative_free(n);
	return best;
}

/* ---- the older corpus: its prose as text ---- */

typedef struct olddoc {
	const char *key, *file, *part2;
} olddoc;

static const olddoc olds[] = {
	{ "2017_js_gaoyuan", "2017_js_gaoyuan.pdf", NULL },
	{ "2017_js_jianchayuan", "2017_js_jianchayuan.pdf", NULL },
	{ "2017_js_renda", "2017_js_renda.pdf", NULL },
	{ "2017_js_shengweibangongting", "2017_js_shengweibangongting.part1.pdf", "2017_js_shengweibangongting.part2.pdf" },
	{ "2017_js_zhengxie", "2017_js_zhengxie.part1.pdf", "2017_js_zhengxie.part2.pdf" },
	{ "2018_js_jianchayuan", "2018_js_jianchayuan.pdf", NULL },
	{ "2018_js_renda", "2018_js_renda.pdf", NULL },
	{ "2018_js_shengweibangongting", "2018_js_shengweibangongting.part1.pdf", "2018_js_shengweibangongting.part2.pdf" },
	{ "2018_js_zhengxie", "2018_js_zhengxie.part1.pdf", "2018_js_zhengxie.part2.pdf" },
	{ "2023_shpt_wanlijiedao", "2023_shpt_wanlijiedao.pdf", NULL },
	{ "2024_shpt_guihuaziyuanju_juesuan", "2024_shpt_guihuaziyuanju_juesuan.pdf", NULL },
	{ "2024_shpt_shegongbu_juesuan", "2024_shpt_shegongbu_juesuan.pdf", NULL },
	{ "2024_shpt_shehuifuliyuan_unit", "2024_shpt_shehuifuliyuan_unit.pdf", NULL },
	{ "2024_shpt_wanlijiedao", "2024_shpt_wanlijiedao.pdf", NULL },
};
#define NOLD ((int)(sizeof olds / sizeof olds[0]))

/* The prose the general reader leaves outside the tables, as text with
 * page marks (malloc'd). */
static char *old_prose(const olddoc *o)
{
	char p1[512], p2[512];
	snprintf(p1, sizeof p1, "%s/fixtures/corpus/%s", YS_TESTDIR, o->file);
	snprintf(p2, sizeof p2, "%s/fixtures/corpus/%s", YS_TESTDIR, o->part2 ? o->part2 : "");
	const char *paths[2] = { p1, p2 };
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = NULL;
	ck_assert_msg(ys_doc_read_pdfs(&ctx, paths, o->part2 ? 2 : 1, &doc) == YS_OK, "%s", ctx.msg);
	ys_buf b = YS_BUF_INIT;
	int page = 0;
	for (int i = 0; i < doc->nprose; i++) {
		if (doc->prose[i].page != page) {
			page = doc->prose[i].page;
			ys_buf_addf(&b, "-- page %d --\n", page);
		}
		ys_buf_addf(&b, "%s\n", doc->prose[i].text);
	}
	ys_doc_free(doc);
	return ys_buf_detach(&b, NULL);
}

static const olddoc *old_by_key(const char *key)
{
	for (int i = 0; i < NOLD; i++)
		if (!strcmp(olds[i].key, key))
			return &olds[i];
	return NULL;
}

/* ---- the reader ---- */

START_TEST(reads_sentences_across_lines_and_pages)
{
	size_t len;
	char *text = bj_file("xinfangban", "text", &len);
	ys_narrative *n = read_narr(text, len, 0);
	ck_assert_int_eq(n->year, 2026);
	ck_assert_int_eq(n->kind, YS_ND_DEPT_BUDGET);
	ck_assert_str_eq(n->title, "北京市信访办公室部门2026年度部门预算信息公开");
	/* a sentence that runs over a page break, without the page number */
	const ys_nsent *s = NULL;
	for (int i = 0; i < n->nsents; i++)
		if (strstr(n->sents[i].text, "基本支出预算7485.22万元"))
			s = &n->sents[i];
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s->text, "基本支出预算7485.22万元，占本年支出预算77.75%。");
	ck_assert_int_eq(s->page, 4);
	ck_assert_int_eq(s->nbreaks, 2);
	ck_assert_int_eq(s->breaks[1].page, 5);
	/* its figures: the amount in 分 and the share as an integer */
	ck_assert_int_eq(s->nfig, 2);
	const ys_nfig *f = &n->figs[s->fig0], *g = &n->figs[s->fig0 + 1];
	ck_assert_int_eq(f->unit, YS_NU_WANYUAN);
	ck_assert_int_eq(f->fen, 7485220000LL);
	ck_assert_int_eq(f->dp, 2);
	ck_assert_int_eq(f->subj, YS_NS_BASIC);
	ck_assert_int_eq(f->role, YS_NR_VALUE);
	ck_assert_int_eq(g->unit, YS_NU_PERCENT);
	ck_assert_int_eq(g->mant, 7775);
	ck_assert_int_eq(g->dp, 2);
	ck_assert_int_eq(g->role, YS_NR_SHARE);
	ck_assert_int_eq(g->of, YS_NS_EXPEND_CUR);
	ck_assert_int_eq(g->page, 5); /* printed on the next page */
	/* no page number is text */
	for (int i = 0; i < n->nsents; i++)
		ck_assert_msg(!strstr(n->sents[i].text, "-3-") && !strstr(n->sents[i].text, "-4-"), "%s",
		              n->sents[i].text);
	/* the 目录 and its entries */
	int toc = 0;
	for (int i = 0; i < n->nblocks; i++)
		toc += n->blocks[i].kind == YS_NK_TOC;
	ck_assert_int_eq(toc, 21);
	ys_narrative_free(n);
	free(text);
}
END_TEST

START_TEST(figures_roles_and_subjects)
{
	size_t len;
	char *text = bj_file("xinfangban", "text", &len);
	ys_narrative *n = read_narr(text, len, 0);
	struct {
		const char *sent;
		int idx;
		ys_nsubj subj;
		ys_nrole role;
		int dir, year, inherited;
		int64_t value; /* 分, or the percentage as printed */
	} want[] = {
		{ "2026年度收入预算9626.78万元", 0, YS_NS_INCOME, YS_NR_VALUE, 0, 2026, 0, 9626780000LL },
		{ "2026年度收入预算9626.78万元", 1, YS_NS_INCOME, YS_NR_BASE, 0, 2025, 0, 9819980000LL },
		{ "2026年度收入预算9626.78万元", 2, YS_NS_INCOME, YS_NR_CHANGE, -1, 0, 0, 193200000LL },
		{ "2026年度收入预算9626.78万元", 3, YS_NS_INCOME, YS_NR_RATE, -1, 0, 0, 197 },
		{ "2026年预算数14.85万元", 0, YS_NS_ABROAD, YS_NR_VALUE, 0, 2026, 1, 14850000LL },
		{ "包括公务用车购置费预算0万元", 0, YS_NS_CAR, YS_NR_VALUE, 0, 2026, 1, 0 },
		{ "包括公务用车购置费预算0万元", 1, YS_NS_CAR_BUY, YS_NR_VALUE, 0, 0, 0, 0 },
		{ "包括公务用车购置费预算0万元", 2, YS_NS_CAR_RUN, YS_NR_VALUE, 0, 0, 0, 0 },
		{ "政府采购预算总额1240.07万元", 1, YS_NS_PROC_GOODS, YS_NR_VALUE, 0, 0, 0, 12500000LL },
		{ "2026年财政拨款“三公”经费预算17.70万元", 0, YS_NS_SANGONG, YS_NR_VALUE, 0, 2026, 0, 17700000LL },
	};
	for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
		const ys_nsent *s = NULL;
		for (int i = 0; i < n->nsents && !s; i++)
			if (strstr(n->sents[i].text, want[k].sent))
				s = &n->sents[i];
		ck_assert_msg(s != NULL, "%s", want[k].sent);
		ck_assert_int_gt(s->nfig, want[k].idx);
		const ys_nfig *f = &n->figs[s->fig0 + want[k].idx];
		ck_assert_msg(f->subj == want[k].subj && f->role == want[k].role && f->dir == want[k].dir &&
		                  (!want[k].year || f->year == want[k].year) && f->inherited == want[k].inherited,
		              "%s #%d: subj %d role %d dir %d year %d inherited %d", want[k].sent, want[k].idx, f->subj,
		              f->role, f->dir, f->year, f->inherited);
		ck_assert_int_eq(f->unit == YS_NU_PERCENT ? f->mant : f->fen, want[k].value);
	}
	/* 100万元以上的设备: a threshold, said of nothing; the counts */
	for (int i = 0; i < n->nfigs; i++)
		if (!strcmp(n->figs[i].text, "100万元"))
			ck_assert_int_eq(n->figs[i].subj, YS_NS_NONE);
	ys_narrative_free(n);
	free(text);
}
END_TEST

START_TEST(reader_limits_and_odd_input)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_narrative *n = NULL;
	/* empty text: an empty narrative */
	ck_assert_int_eq(ys_narrative_read_text(&ctx, "e", "", 0, 2026, &n), YS_OK);
	ck_assert_int_eq(n->nblocks, 0);
	ys_narrative_free(n);
	/* pdftotext's form feed starts a page; numbers of any shape */
	const char *t = "一、收入预算情况说明\n2026年度收入预算1,234.5万元，占１００％。\n\f- 2 -\n第2页共3页\n"
	                "99999999999999999999万元是太长的数字。\n";
	ck_assert_int_eq(ys_narrative_read_text(&ctx, "t", t, strlen(t), 2026, &n), YS_OK);
	ck_assert_int_eq(n->nfigs, 2);
	ck_assert_int_eq(n->figs[0].fen, 1234500000LL);
	ck_assert_int_eq(n->figs[0].dp, 1);
	ck_assert_int_eq(n->figs[1].mant, 100); /* full-width digits */
	ck_assert_int_eq(n->figs[1].unit, YS_NU_PERCENT);
	for (int i = 0; i < n->nsents; i++)
		ck_assert_msg(!strstr(n->sents[i].text, "第2页"), "%s", n->sents[i].text);
	ys_narrative_free(n);
	/* not text */
	ck_assert_int_ne(ys_narrative_read_text(&ctx, "b", "a\0b", 3, 0, &n), YS_OK);
	ck_assert_ptr_null(n);
}
END_TEST

/* A DOCX written here: paragraphs, a table whose cells are not the
 * narrative, a page break. */
static void write_docx(const char *path)
{
	static const char xml[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
		"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
		"<w:p><w:r><w:t>北京市信访办公室2026年度部门预算</w:t></w:r></w:p>"
		"<w:p><w:r><w:t>二、收入预算情况说明</w:t></w:r></w:p>"
		"<w:p><w:r><w:t xml:space=\"preserve\">2026年度收入预算9626.78万元，</w:t></w:r>"
		"<w:r><w:t>比2025年年初预算数9819.98万元减少193.20万元，下降1.97%。</w:t></w:r></w:p>"
		"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>收入总计 9626.78万元</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
		"<w:p><w:r><w:br w:type=\"page\"/><w:t>（一）基本支出。基本支出预算7485.22万元，占本年支出预算77.75%。</w:t></w:r></w:p>"
		"</w:body></w:document>";
	int err = 0;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	ck_assert_ptr_nonnull(z);
	zip_source_t *src = zip_source_buffer(z, xml, sizeof xml - 1, 0);
	ck_assert_ptr_nonnull(src);
	ck_assert_int_ge(zip_file_add(z, "word/document.xml", src, ZIP_FL_ENC_UTF_8), 0);
	ck_assert_int_eq(zip_close(z), 0);
}

START_TEST(reads_a_docx)
{
	char path[] = "/tmp/ys_narr_XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	write_docx(path);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_narrative *n = NULL;
	ck_assert_msg(ys_narrative_read_docx(&ctx, path, 0, &n) == YS_OK, "%s", ctx.msg);
	ck_assert_int_eq(n->year, 2026);
	int figs_in_table = 0, page2 = 0;
	for (int i = 0; i < n->nsents; i++) {
		figs_in_table += strstr(n->sents[i].text, "收入总计") != NULL;
		if (strstr(n->sents[i].text, "基本支出预算"))
			page2 = n->sents[i].page;
	}
	ck_assert_int_eq(figs_in_table, 0);
	ck_assert_int_eq(page2, 2);
	/* the two runs of one paragraph are one sentence */
	int found = 0;
	for (int i = 0; i < n->nsents; i++)
		found += !strcmp(n->sents[i].text, "2026年度收入预算9626.78万元，比2025年年初预算数9819.98万元减少193.20万元，下降1.97%。");
	ck_assert_int_eq(found, 1);
	ys_narrative_free(n);
	/* and checked with a document: the rate is recomputed */
	ys_doc *doc = ys_doc_new("x.docx");
	ck_assert_int_eq(ys_doc_add_docx_prose(&ctx, doc, path), YS_OK);
	ck_assert_int_gt(doc->nprose, 0);
	ys_doc_free(doc);
	/* not a DOCX */
	ck_assert_int_ne(ys_narrative_read_docx(&ctx, SEED, 0, &n), YS_OK);
	ck_assert_ptr_null(n);
	unlink(path);
}
END_TEST

/* ---- rules: planted into real text, one at a time ---- */

static const plant plants[] = {
	/* a figure against the tables */
	{ "xinfangban", P_REPLACE, "项目支出预算2141.55万元", "项目支出预算2141.65万元", 1, "narrative.figure", 0, 0, NULL },
	{ "xinfangban", P_REPLACE, "1.一般公共预算拨款收入9616.34万元", "1.一般公共预算拨款收入9617.34万元", 1,
	  "narrative.figure", 0, 0, NULL },
	{ "xinfangban", P_REPLACE, "2026年预算数14.85万", "2026年预算数14.58万", 1, "narrative.figure", 0, 0, NULL },
	{ "xinfangban", P_REPLACE, "政府采购货物预算12.50万元", "政府采购货物预算21.50万元", 1, "narrative.figure", 0, 0, NULL },
	/* rounded the wrong way (2,141.553017) */
	{ "xinfangban", P_REPLACE, "项目支出预算2141.55万元", "项目支出预算2141.56万元", 1, "narrative.rounding", 0, 0, NULL },
	/* 元 for 万元, a digit too many */
	{ "xinfangban", P_REPLACE, "2026年预算数2.85万元", "2026年预算数28500万元", 1, "narrative.unit", 0, 0, NULL },
	{ "xinfangban", P_REPLACE, "2026年预算数14.85万", "2026年预算数148.5万", 1, "narrative.unit", 0, 0, NULL },
	/* a share */
	{ "xinfangban", P_REPLACE, "支出预算77.75%", "支出预算75.75%", 1, "narrative.share", 0, 0, NULL },
	{ "fagaiwei", P_REPLACE, "支出预算51.83%", "支出预算52.83%", 1, "narrative.share", 0, 0, NULL },
	/* a change and its rate */
	{ "xinfangban", P_REPLACE, "减少193.20万元", "减少183.20万元", 1, "narrative.change", 0, 0, NULL },
	{ "xinfangban", P_REPLACE, "下降1.97%", "下降2.97%", 1, "narrative.change", 0, 0, NULL },
	{ "xinfangban", P_REPLACE, "下降8.53%", "下降9.53%", 1, "narrative.change", 0, 0, NULL },
	{ "2024_shpt_wanlijiedao", P_REPLACE, "增加46.19%", "增加64.19%", 1, "narrative.change", 0, 0, NULL },
	/* a direction word */
	{ "xinfangban", P_REPLACE, "9819.98万元减少193.20万元，下降1.97%", "9819.98万元增加193.20万元，增长1.97%", 1,
	  "narrative.direction", 0, 0, NULL },
	{ "xinfangban", P_REPLACE, "9819.98万元减少193.20万元，下降1.97%", "9819.98万元持平", 1, "narrative.direction", 0, 0, NULL },
	{ "xinfangban", P_REPLACE, "（三）年终结转结余资金0万元。", "（三）年终结转结余资金0万元，大于上年结转结余10.44万元。", 1,
	  "narrative.direction", 0, 0, NULL },
	{ "2024_shpt_wanlijiedao", P_REPLACE, "2024年预算安排10.00万元，比2023年预算执行数持平",
	  "2024年预算安排12.00万元，比2023年预算执行数持平", 1, "narrative.direction", 0, 0, NULL },
	/* a total and its parts */
	{ "xinfangban", P_REPLACE, "政府采购服务预算1227.57万元", "政府采购服务预算1127.57万元", 1, "narrative.sum", 0, 0, NULL },
	{ "2024_shpt_shehuifuliyuan_unit", P_REPLACE, "262.00万元；事业单位经营收入", "362.00万元；事业单位经营收入", 1,
	  "narrative.sum", 0, 0, "2024年，上海市普陀区社会福利院收入预算" },
	/* one subject, two figures */
	{ "xinfangban", P_REPLACE, "10.上年结转结余10.44万元", "10.上年结转结余10.54万元", 1, "narrative.consistent", 0, 0, NULL },
	{ "2024_shpt_shehuifuliyuan_unit", P_REPLACE, "2024年预算安排76.76万元", "2024年预算安排67.76万元", 1,
	  "narrative.consistent", 0, 0, NULL },
	/* years */
	{ "xinfangban", P_REPLACE, "2026年度收入预算9626.78万元", "2025年度收入预算9626.78万元", 1, "narrative.year", 0, 0, NULL },
	{ "xinfangban", P_REPLACE, "第一部分\t2026年度部门预算情况说明", "第一部分\t2023年度部门预算情况说明", 1,
	  "narrative.year", 0, 0, NULL },
	{ "xinfangban", P_REPLACE, "截至2025年底", "截至2023年底", 1, "narrative.year", 0, 0, NULL },
	{ "xinfangban", P_REPLACE, "比2025年年初预算", "比2026年年初预算", 1, "narrative.year", 0, 0, NULL },
	{ "2024_shpt_shehuifuliyuan_unit", P_REPLACE, "2024年“三公”经费预算数为6.40万元", "2023年“三公”经费预算数为6.40万元", 1,
	  "narrative.year", 0, 0, NULL },
	/* the department's name */
	{ "xinfangban", P_REPLACE, "2026年北京市信访办公室部门政府采购", "2026年北京市财政局政府采购", 1, "narrative.department", 0, 0, NULL },
	{ "2024_shpt_wanlijiedao", P_REPLACE, "上海市普陀区人民政府万里街道办事处（部门）共有车辆",
	  "上海市人民政府万里街道办事处（部门）共有车辆", 1, "narrative.department", 0, 0, NULL },
	/* placeholders */
	{ "xinfangban", P_REPLACE, "北京市信访办公室内设机构12个", "北京市XX办公室内设机构12个", 1, "narrative.placeholder", 0, 0, NULL },
	{ "2024_shpt_wanlijiedao", P_REPLACE, "人民政府万里街道办事处是普陀区政府的派出机关", "人民政府某某街道办事处是普陀区政府的派出机关", 1,
	  "narrative.placeholder", 0, 0, NULL },
	{ "2024_shpt_shehuifuliyuan_unit", P_REPLACE, "负责区社会福利院", "负责××社会福利院", 1, "narrative.placeholder", 0, 0, NULL },
	/* a 类 under its former name */
	{ "2024_shpt_wanlijiedao", P_REPLACE, "“卫生健康支出（类）计划生育事务（款）", "“医疗卫生与计划生育支出（类）计划生育事务（款）", 1,
	  "narrative.class_name", 0, 0, NULL },
	/* a paragraph or an item printed twice */
	{ "xinfangban", P_DUPLINES, "（二）公务接待费。", "于各单位接待支出等方面。", 1, "narrative.duplicate", 0, 0, NULL },
	{ "2024_shpt_wanlijiedao", P_DUPLINES, "7.“公共安全支出（类）司法（款）", "主要原因是：公共法律服务经费增加。", 1,
	  "narrative.duplicate", 0, 0, NULL },
	/* punctuation */
	{ "xinfangban", P_REPLACE, "同比去年减少一次性项目。", "同比去年减少一次性项目。。", 1, "narrative.punct", 0, 0, NULL },
	{ "fagaiwei", P_REPLACE, "严格控制", "严格控制，，", 1, "narrative.punct", 0, 0, NULL },
	/* a sentence cut off */
	{ "xinfangban", P_REPLACE, "主要原因是\n同比去年减少一次性项目。", "主要原因是。\n", 1, "narrative.cut", 0, 0, NULL },
	{ "tongjiju", P_REPLACE, "主要用\n于统计业务工作交流等方面。", "主要用于。\n", 1, "narrative.cut", 0, 0, NULL },
	/* 单位预算 and 部门预算 */
	{ "xinfangban", P_REPLACE, "第一部分\t2026年度部门预算情况说明", "第一部分\t2026年度单位预算情况说明", 1,
	  "narrative.kind", 0, 0, NULL },
	{ "2024_shpt_shehuifuliyuan_unit", P_REPLACE, "2024年单位预算编制说明", "2024年部门预算编制说明", 1, "narrative.kind", 0, 0, NULL },
	/* an empty table whose note (here: the narrative's 0) is deleted */
	{ "xinfangban", P_DELLINES, "2.政府性基金预算拨款收入0万元。", "2.政府性基金预算拨款收入0万元。", 1,
	  "narrative.empty_note", 0, 1, NULL },
	{ "xinfangban", P_DELLINES, "3.国有资本经营预算拨款收入0万元。", "3.国有资本经营预算拨款收入0万元。", 1,
	  "narrative.empty_note", 0, 1, NULL },
	/* the 目录 against the tables and the sections */
	{ "xinfangban", P_DELLINES, "预算10表政府采购预算明细表", "合计\t1,240.073480", 1, "narrative.toc", 1, 0,
	  "十、政府采购预算明细表" },
	{ "xinfangban", P_DELLINES, "六、名词解释", "管理和强化预算约束的有效措施。", 2, "narrative.toc", 0, 0, "六、名词解释" },
	/* a change of 三公 without its reason */
	{ "xinfangban", P_REPLACE, "下降8.53%，\n主要原因：落实市委市政府关于过紧日子的要求，压减一般\n性支出和非紧急非必需支出。其中：",
	  "下降8.53%。其中：", 1, "narrative.reason", 0, 0, "2026年财政拨款“三公”经费预算17.70万元" },
	/* a section the catalogue requires */
	{ "xinfangban", P_DELLINES, "（二）机关运行经费说明", "预算1698.15万元。", 1, "narrative.sections", 0, 0,
	  "北京市信访办公室部门2026年度部门预算" },
	{ "xinfangban", P_DELLINES, "（三）国有资产占用情况说明", "置单位价值100万元以上的设备0台（套）。", 1, "narrative.sections",
	  0, 0, "北京市信访办公室部门2026年度部门预算" },
};
#define NPLANTS ((int)(sizeof plants / sizeof plants[0]))

/* The document of a plant: its narrative text (planted, or as is) and tables. */
static ys_doc *plant_doc(const plant *p, int planted, int *line, char **textout)
{
	size_t tlen = 0, len = 0;
	char *tables = NULL, *text = NULL;
	const olddoc *o = old_by_key(p->doc);
	if (o) {
		text = old_prose(o);
		len = strlen(text);
	} else {
		tables = bj_file(p->doc, "tables", &tlen);
		text = bj_file(p->doc, "text", &len);
	}
	*line = 0;
	if (planted && p->tables) {
		int l;
		char *t2 = apply(tables, p, &l);
		free(tables);
		tables = t2;
		tlen = strlen(t2);
	} else if (planted) {
		char *t2 = apply(text, p, line);
		free(text);
		text = t2;
		len = strlen(t2);
	}
	ys_doc *doc = make_doc(tables, tlen, text, len);
	free(tables);
	*textout = text;
	return doc;
}

START_TEST(each_rule_fires_on_its_plant_and_not_on_the_real_text)
{
	const plant *p = &plants[_i];
	int line;
	char *text;
	nf f[256];
	/* the real text: no finding of this rule where the plant goes */
	ys_doc *doc = plant_doc(p, 0, &line, &text);
	int n0 = narrative_findings(doc, f, 256);
	ys_doc_free(doc);
	long at = find_nth(text, p->find, p->nth ? p->nth : 1);
	int where = p->tables ? 0 : line_of(text, at);
	int sline = p->tables ? 0 : sentence_line(text, where, p->find);
	for (int i = 0; i < n0; i++)
		ck_assert_msg(strcmp(f[i].rule, p->rule) || (!p->at_table && f[i].line != sline), "%s: unplanted %s: %s", p->doc,
		              f[i].rule, f[i].msg);
	free(text);
	/* planted: caught at its sentence (or on its table) */
	doc = plant_doc(p, 1, &line, &text);
	int n1 = narrative_findings(doc, f, 256);
	int expect = 0;
	if (p->expect_at)
		expect = sentence_line(text, line_of(text, find_nth(text, p->expect_at, 1)), p->expect_at);
	else if (!p->at_table && !p->tables)
		expect = sentence_line(text, line, p->kind == P_REPLACE ? p->repl : NULL);
	int caught = 0;
	for (int i = 0; i < n1 && !caught; i++) {
		if (strcmp(f[i].rule, p->rule))
			continue;
		if (p->at_table)
			caught = f[i].table >= 0;
		else
			caught = f[i].line == expect;
	}
	if (!caught)
		for (int i = 0; i < n1; i++)
			fprintf(stderr, "  %s line %d: %s\n", f[i].rule, f[i].line, f[i].msg);
	ck_assert_msg(caught, "%s: planted '%s' -> '%s' not caught by %s at line %d", p->doc, p->find, p->repl, p->rule,
	              expect);
	ys_doc_free(doc);
	free(text);
}
END_TEST

/* ---- the sweep: every figure, percentage, direction word and year of the
 * Beijing narratives changed, one at a time ---- */

static int checkable(const ys_nfig *f)
{
	switch (f->subj) {
	case YS_NS_INCOME:
	case YS_NS_EXPEND:
	case YS_NS_FISCAL_IN:
	case YS_NS_GP_IN:
	case YS_NS_GF_IN:
	case YS_NS_SOC_IN:
	case YS_NS_OTHER_IN:
	case YS_NS_SPECIAL_IN:
	case YS_NS_SHIYE_IN:
	case YS_NS_UPPER_IN:
	case YS_NS_AFFIL_IN:
	case YS_NS_OPER_IN:
	case YS_NS_OTHERINC_IN:
	case YS_NS_CARRY:
	case YS_NS_BASIC:
	case YS_NS_PROJECT:
	case YS_NS_OPER_OUT:
	case YS_NS_UPPER_OUT:
	case YS_NS_SUBSID_OUT:
	case YS_NS_YEAREND:
	case YS_NS_SANGONG:
	case YS_NS_ABROAD:
	case YS_NS_RECEPTION:
	case YS_NS_CAR:
	case YS_NS_CAR_BUY:
	case YS_NS_CAR_RUN:
	case YS_NS_PROC:
	case YS_NS_PROC_GOODS:
	case YS_NS_PROC_WORKS:
	case YS_NS_PROC_SERV:
		return f->unit == YS_NU_WANYUAN || f->unit == YS_NU_PERCENT;
	default:
		return 0;
	}
}

/* The number of a figure as printed, without its unit. */
static void number_text(const ys_nfig *f, char *buf, size_t cap)
{
	size_t l = f->len - strlen(f->unit == YS_NU_PERCENT ? (strstr(f->text, "％") ? "％" : "%") : "万元");
	if (l >= cap)
		l = cap - 1;
	memcpy(buf, f->text, l);
	buf[l] = '\0';
}

/* Where the k-th occurrence (0-based) of number `num` on line `line` of
 * text starts (tabs in the text ignored), and *end where it ends; -1. */
static long number_at_line(const char *text, int line, const char *num, int k, long *end)
{
	long a = 0;
	for (int l = 1; l < line && text[a]; a++)
		l += text[a] == '\n';
	long z = line_end(text, a);
	size_t nl = strlen(num);
	int seen = 0;
	for (long i = a; i < z; i++) {
		long j = i;
		size_t m = 0;
		while (j < z && m < nl) {
			if (text[j] == '\t') {
				j++;
				continue;
			}
			if (text[j] != num[m])
				break;
			j++, m++;
		}
		if (m < nl)
			continue;
		int before = i > a ? (unsigned char)text[i - 1] : ' ';
		int after = (unsigned char)text[j];
		/* a whole number, not the 5 of the marker 5. */
		if ((before >= '0' && before <= '9') || before == '.' || before == ',' || (after >= '0' && after <= '9') ||
		    after == '.' || after == ',')
			continue;
		if (seen++ < k)
			continue;
		*end = j;
		return i;
	}
	return -1;
}

/* Change the units digit of that number: a new text (malloc'd), or NULL. */
static char *change_digit(const char *text, int line, const char *num, int k)
{
	long j, i = number_at_line(text, line, num, k, &j);
	if (i < 0)
		return NULL;
	/* the units digit: the last digit before the decimal point */
	long u = -1;
	for (long q = i; q < j; q++) {
		if (text[q] == '.')
			break;
		if (text[q] >= '0' && text[q] <= '9')
			u = q;
	}
	if (u < 0)
		return NULL;
	char *s = strdup(text);
	s[u] = (char)('0' + (s[u] - '0' + 2) % 10);
	return s;
}

/* The k for a figure: how many figures before it on its line print the
 * same number. */
static int same_before(const ys_narrative *n, int i, const char *num)
{
	int k = 0;
	for (int j = 0; j < i; j++)
		if (n->figs[j].line == n->figs[i].line && n->figs[j].page == n->figs[i].page) {
			char nj[64];
			size_t l = n->figs[j].len - strlen(n->figs[j].unit == YS_NU_PERCENT
			                                        ? (strstr(n->figs[j].text, "％") ? "％" : "%")
			                                        : n->figs[j].unit == YS_NU_WANYUAN ? "万元" : "");
			if (l >= sizeof nj)
				continue;
			memcpy(nj, n->figs[j].text, l);
			nj[l] = '\0';
			k += !strcmp(nj, num);
		}
	return k;
}

typedef struct sweep {
	int planted, caught, uncheckable;
	char missed[2048];
} sweep;

/* Plant text2 into the document and look for a narrative finding at the
 * sentence starting at line sline. */
static int caught_at(ys_doc *doc, const char *text2, int sline)
{
	nf f[256];
	set_prose(doc, text2, strlen(text2));
	int n = narrative_findings(doc, f, 256);
	for (int i = 0; i < n; i++)
		if (f[i].line == sline)
			return 1;
	return 0;
}

static void note_miss(sweep *sw, const char *dept, const char *what, int line)
{
	size_t l = strlen(sw->missed);
	snprintf(sw->missed + l, sizeof sw->missed - l, "%s: %s (line %d); ", dept, what, line);
}

/* Can the text alone recompute this rate (its sentence quotes the value
 * and what it is compared with, or the change)? */
static int recomputable(const ys_narrative *n, const ys_nfig *f)
{
	int cur = 0, base = 0, chg = 0;
	for (int k = n->sents[f->sent].fig0; k < (int)(f - n->figs); k++) {
		const ys_nfig *g = &n->figs[k];
		if (g->unit != f->unit && g->unit != YS_NU_WANYUAN)
			continue;
		cur |= g->role == YS_NR_VALUE && !g->prior;
		base |= g->role == YS_NR_BASE || (g->role == YS_NR_VALUE && g->prior);
		chg |= g->role == YS_NR_CHANGE;
	}
	return cur && (base || chg);
}

/* Plant every figure, direction word and year of a narrative, one at a
 * time, and count those caught at their sentence.  tables: the Beijing
 * department's, or NULL (the older corpus: only what the text itself
 * lets be recomputed is planted). */
static void sweep_text(const char *dept, const char *tables, size_t tlen, const char *text, size_t len)
{
	ys_doc *doc = make_doc(tables, tlen, text, len);
	nf base[256];
	int nbase = narrative_findings(doc, base, 256);
	ys_narrative *n = read_narr(text, len, 0);
	sweep sw;
	memset(&sw, 0, sizeof sw);
	for (int i = 0; i < n->nfigs; i++) {
		const ys_nfig *f = &n->figs[i];
		const ys_nblock *b = &n->blocks[n->sents[f->sent].block];
		if (f->unit != YS_NU_WANYUAN && f->unit != YS_NU_PERCENT)
			continue;
		if (!checkable(f) || b->section == YS_NSEC_TERMS || b->section == YS_NSEC_TRANSFER) {
			sw.uncheckable++;
			continue;
		}
		/* without tables, the rates the text lets be recomputed */
		if (!tables && !(f->role == YS_NR_RATE && f->unit == YS_NU_PERCENT && recomputable(n, f)))
			continue;
		/* a finding already there (the ledger's) is not a catch */
		int sline = n->sents[f->sent].line, already = 0;
		for (int k = 0; k < nbase; k++)
			already |= base[k].line == sline;
		if (already)
			continue;
		char num[64];
		number_text(f, num, sizeof num);
		int k = same_before(n, i, num);
		char *t2 = change_digit(text, f->line, num, k);
		ck_assert_msg(t2 != NULL, "%s: cannot find %s on line %d", dept, num, f->line);
		sw.planted++;
		if (caught_at(doc, t2, sline))
			sw.caught++;
		else
			note_miss(&sw, dept, f->text, f->line);
		free(t2);
	}
	/* direction words: 增加 <-> 减少, 增长 <-> 下降 */
	static const char *const swaps[][2] = { { "减少", "增加" }, { "增加", "减少" }, { "下降", "增长" }, { "增长", "下降" } };
	for (int i = 0; i < n->nfigs; i++) {
		const ys_nfig *f = &n->figs[i];
		if ((f->role != YS_NR_CHANGE && f->role != YS_NR_RATE) || !f->dir || f->mant == 0)
			continue;
		if (!tables && !recomputable(n, f))
			continue;
		int already = 0;
		for (int k = 0; k < nbase; k++)
			already |= base[k].line == n->sents[f->sent].line;
		if (already)
			continue;
		/* the sentence's first change: swap its word (the line it is on) */
		const char *w = NULL, *to = NULL;
		const char *s = n->sents[f->sent].text;
		for (size_t k = 0; k < 4 && !w; k++) {
			const char *hit = strstr(s, swaps[k][0]);
			if (hit && hit < s + f->off && (size_t)(s + f->off - hit) <= strlen(swaps[k][0]) + 3)
				w = swaps[k][0], to = swaps[k][1];
		}
		if (!w)
			continue;
		/* the word just before the figure, maybe at the end of the line before */
		char num[64];
		number_text(f, num, sizeof num);
		long fe, fp = number_at_line(text, f->line, num, same_before(n, i, num), &fe);
		ck_assert_msg(fp >= 0, "%s: %s not on line %d", dept, num, f->line);
		/* a word of two characters, maybe broken over two lines (增\n长) */
		long at = -1, nl = 0;
		for (long q = fp - (long)strlen(w); q >= 0 && q >= fp - 40 && at < 0; q--) {
			if (!strncmp(text + q, w, strlen(w)))
				at = q, nl = 0;
			else if (!strncmp(text + q, w, 3) && text[q + 3] == '\n' && !strncmp(text + q + 4, w + 3, 3))
				at = q, nl = 1;
		}
		ck_assert_msg(at >= 0, "%s: %s not before %s on line %d", dept, w, num, f->line);
		ys_buf nb = YS_BUF_INIT;
		ys_buf_add(&nb, text, (size_t)at);
		ys_buf_add(&nb, to, 3);
		if (nl)
			ys_buf_adds(&nb, "\n");
		ys_buf_adds(&nb, to + 3);
		ys_buf_adds(&nb, text + at + (long)strlen(w) + nl);
		sw.planted++;
		if (caught_at(doc, nb.s, n->sents[f->sent].line))
			sw.caught++;
		else
			note_miss(&sw, dept, w, f->line);
		ys_buf_release(&nb);
	}
	/* the year of each statement of the budget: 2026年预算数 -> 2025年预算数 */
	for (int si = 0; si < n->nsents && tables; si++) {
		const ys_nsent *s = &n->sents[si];
		const ys_nblock *b = &n->blocks[s->block];
		const char *y = strstr(s->text, "2026年");
		if (!y || b->kind != YS_NK_TEXT || b->section == YS_NSEC_TRANSFER || !s->nfig)
			continue;
		int own = 0;
		for (int k = s->fig0; k < s->fig0 + s->nfig; k++)
			own |= n->figs[k].year == 2026 && checkable(&n->figs[k]) && n->figs[k].role == YS_NR_VALUE;
		if (!own)
			continue;
		/* the first 2026年 at or after the sentence's line */
		long a = 0;
		for (int c = 1; c < s->line && text[a]; a++)
			c += text[a] == '\n';
		const char *hit = strstr(text + a, "2026年");
		ck_assert_ptr_nonnull(hit);
		char *t2 = strdup(text);
		t2[hit - text + 3] = '5';
		sw.planted++;
		if (caught_at(doc, t2, s->line))
			sw.caught++;
		else
			note_miss(&sw, dept, "2026年", s->line);
		free(t2);
	}
	fprintf(stderr, "narrative sweep %-32s planted %3d, caught %3d, not in the tables %2d\n", dept, sw.planted,
	        sw.caught, sw.uncheckable);
	ck_assert_msg(sw.caught == sw.planted, "missed: %s", sw.missed);
	ck_assert_int_gt(sw.planted, 0);
	ys_narrative_free(n);
	ys_doc_free(doc);
}

START_TEST(sweep_catches_every_planted_figure_word_and_year)
{
	SAN_SAMPLE(_i);
	size_t tlen, len;
	char *tables = bj_file(bj[_i], "tables", &tlen), *text = bj_file(bj[_i], "text", &len);
	sweep_text(bj[_i], tables, tlen, text, len);
	free(tables);
	free(text);
}
END_TEST

/* The older corpus: its rates and direction words (the tables are not the
 * 13-table model, so its figures are not compared with them). */
START_TEST(sweep_older_rates_and_words)
{
	SAN_SAMPLE(_i);
	const olddoc *o = &olds[_i];
	char *text = old_prose(o);
	size_t len = strlen(text);
	ys_narrative *n = read_narr(text, len, 0);
	int any = 0;
	for (int i = 0; i < n->nfigs && !any; i++)
		any = n->figs[i].role == YS_NR_RATE && recomputable(n, &n->figs[i]);
	ys_narrative_free(n);
	if (any)
		sweep_text(o->key, NULL, 0, text, len);
	free(text);
}
END_TEST

/* ---- unplanted: every finding in the ledger, every ledger row found ---- */

typedef struct lrow {
	char file[128], rule[48];
	int page, table;
	int seen;
} lrow;

static int read_ledger(lrow *rows, int cap)
{
	size_t len;
	char *s = slurp(LEDGER, &len);
	int n = 0;
	for (char *line = strtok(s, "\n"); line; line = strtok(NULL, "\n")) {
		if (line[0] == '#' || !strncmp(line, "file\t", 5))
			continue;
		char *f[7] = { 0 };
		int k = 0;
		for (char *p = line; k < 7 && p; k++) {
			f[k] = p;
			p = strchr(p, '\t');
			if (p)
				*p++ = '\0';
		}
		if (k < 4 || strncmp(f[2], "narrative.", 10) || n >= cap)
			continue;
		snprintf(rows[n].file, sizeof rows[n].file, "%s", f[0]);
		snprintf(rows[n].rule, sizeof rows[n].rule, "%s", f[2]);
		rows[n].page = atoi(f[1]);
		rows[n].table = f[3][0] ? atoi(f[3]) - 1 : -1;
		rows[n].seen = 0;
		n++;
	}
	free(s);
	return n;
}

/* The same document: X.text.pdf and X.tables.pdf are one (the ledger names
 * the file the finding's page is in) */
static int same_doc(const char *a, const char *b)
{
	size_t la = strcspn(a, "."), lb = strcspn(b, ".");
	return la == lb && !strncmp(a, b, la);
}

static void against_ledger(const char *file, const nf *f, int n)
{
	lrow rows[256];
	int nr = read_ledger(rows, 256);
	for (int i = 0; i < n; i++) {
		int ok = 0;
		/* a row not matched yet first: two findings, two rows */
		for (int pass = 0; pass < 2 && !ok; pass++)
			for (int k = 0; k < nr && !ok; k++)
				if (same_doc(rows[k].file, file) && !strcmp(rows[k].rule, f[i].rule) && (pass || !rows[k].seen) &&
				    (f[i].table >= 0 ? rows[k].table == f[i].table : rows[k].page == f[i].page))
					ok = rows[k].seen = 1;
		ck_assert_msg(ok, "%s page %d: %s not in the ledger: %s", file, f[i].page, f[i].rule, f[i].msg);
	}
	for (int k = 0; k < nr; k++)
		ck_assert_msg(!same_doc(rows[k].file, file) || rows[k].seen, "%s page %d: the ledger's %s was not found", file,
		              rows[k].page, rows[k].rule);
}

START_TEST(beijing_findings_are_the_ledgers)
{
	const char *dept = bj[_i];
	size_t tlen, len;
	char *tables = bj_file(dept, "tables", &tlen), *text = bj_file(dept, "text", &len);
	ys_doc *doc = make_doc(tables, tlen, text, len);
	nf f[256];
	int n = narrative_findings(doc, f, 256);
	char file[128];
	snprintf(file, sizeof file, "2026_bj_%s.text.pdf", dept);
	against_ledger(file, f, n);
	ys_doc_free(doc);
	free(tables);
	free(text);
}
END_TEST

/* The older documents as `yusuan check` reads them: their tables by the
 * general reader, their prose by the narrative's. */
START_TEST(older_findings_are_the_ledgers)
{
	const olddoc *o = &olds[_i];
	char p1[512], p2[512];
	snprintf(p1, sizeof p1, "%s/fixtures/corpus/%s", YS_TESTDIR, o->file);
	snprintf(p2, sizeof p2, "%s/fixtures/corpus/%s", YS_TESTDIR, o->part2 ? o->part2 : "");
	const char *paths[2] = { p1, p2 };
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = NULL;
	ck_assert_msg(ys_doc_read_pdfs(&ctx, paths, o->part2 ? 2 : 1, &doc) == YS_OK, "%s", ctx.msg);
	ck_assert_msg(doc->ntables == 0 && doc->nothers > 0, "%s: not read by the general reader", o->file);
	nf f[256];
	int n = narrative_findings(doc, f, 256);
	against_ledger(o->file, f, n);
	ys_doc_free(doc);
}
END_TEST

/* ---- the other layouts (Shenzhen, Xi'an, Guangzhou, Suzhou, Shanghai,
 * Fuzhou): pages of their text layers (tests/fixtures/narrative/2026_*.X.txt,
 * made by make-layouts.sh).  Each case is a finding that a reading accident
 * gave before (the rule fired on the real text) and must not give now, or a
 * real one (proven on its page, in the ledger) that must stay ---- */

static char *layout_text(const char *name, size_t *len)
{
	char path[512];
	snprintf(path, sizeof path, "%s/fixtures/narrative/%s.txt", YS_TESTDIR, name);
	return slurp(path, len);
}

typedef struct lcase {
	const char *fixture;
	const char *rule;
	int count;         /* its findings there; -1: not counted */
	const char *holds; /* a finding's message holds this (count > 0) */
	const char *never; /* no finding's message holds this */
} lcase;

static const lcase lcases[] = {
	/* each unit's 人员经费, 公用经费, 项目支出 in its own part (二、深圳市…
	 * 管理中心), a heading printed as an item or run into its paragraph too */
	{ "2026_sz_31.parts", "narrative.consistent", 0, NULL, NULL },
	{ "2026_sz_15.units", "narrative.consistent", 0, NULL, NULL },
	/* real: 十六、 twice (深圳鹏城技师学院, …数据管理中心), then 十八、 */
	{ "2026_sz_15.units", "narrative.duplicate", 1, "编号“十六、”", NULL },
	/* whose: 应急交通设备管养经费, 办公设备采购, …评审项目支出 */
	{ "2026_sz_01.names", "narrative.consistent", 0, NULL, NULL },
	/* 西安市社会科学院日常公用经费, 西安地区科技交流中心公用经费预算 */
	{ "2026_xa_17.units", "narrative.consistent", 0, NULL, NULL },
	/* 对事业单位经常性补助（505）2945.22万元，其中：人员经费… */
	{ "2026_xa_21.parts", "narrative.consistent", 0, NULL, NULL },
	/* 项目 | 预算数（单位：万元） | 绩效目标: each target's own 1. 2. … */
	{ "2026_gz_21.form", "narrative.duplicate", 0, NULL, NULL },
	{ "2026_gz_05.form", "narrative.duplicate", 0, NULL, NULL },
	/* 比上年减少1.29万元，下降0.2%，主要原因是与上年基本持平 */
	{ "2026_gz_17.level", "narrative.direction", 0, NULL, NULL },
	/* 其中：一般公共预算拨款…、上年结转…、其他收入3,444.00万元，较上年减少129,422.00万元 */
	{ "2026_xa_09.list", "narrative.change", 0, NULL, NULL },
	/* ，； set a little below their line in the text layer */
	{ "2026_xa_07.punct", "narrative.punct", 0, NULL, NULL },
	/* real: 贡献商务力量。。围绕上述任务 */
	{ "2026_fz_01.punct", "narrative.punct", 1, "。。", NULL },
	/* the 三公 total's change explained by the items after it (主要是…) */
	{ "2026_sz_03.reason", "narrative.reason", 0, NULL, NULL },
	/* 涉及财政性资金合计183,959.16万元，占…的比例为98.77% */
	{ "2026_suz_01.share", "narrative.share", 0, NULL, NULL },
	/* the 目录's note in brackets is no section */
	{ "2026_xa_03.toc", "narrative.toc", -1, NULL, "具体部门预算公开报表" },
};
#define NLCASES ((int)(sizeof lcases / sizeof lcases[0]))

START_TEST(other_layouts_findings_are_real)
{
	const lcase *c = &lcases[_i];
	size_t len;
	char *text = layout_text(c->fixture, &len);
	ys_doc *doc = make_doc(NULL, 0, text, len);
	nf f[256];
	int n = narrative_findings(doc, f, 256), cnt = 0, holds = 0;
	for (int i = 0; i < n; i++) {
		if (strcmp(f[i].rule, c->rule))
			continue;
		cnt++;
		holds |= c->holds && strstr(f[i].msg, c->holds) != NULL;
		ck_assert_msg(!c->never || !strstr(f[i].msg, c->never), "%s: %s page %d: %s", c->fixture, c->rule, f[i].page,
		              f[i].msg);
		if (c->count == 0)
			ck_assert_msg(0, "%s: %s page %d: %s", c->fixture, c->rule, f[i].page, f[i].msg);
	}
	if (c->count >= 0)
		ck_assert_msg(cnt == c->count, "%s: %d findings of %s, %d expected", c->fixture, cnt, c->rule, c->count);
	ck_assert_msg(!c->holds || holds, "%s: no %s finding holds %s", c->fixture, c->rule, c->holds);
	ys_doc_free(doc);
	free(text);
}
END_TEST

/* The text with every occurrence of w replaced by r (malloc'd). */
static char *replace_all(const char *s, const char *w, const char *r)
{
	ys_buf b = YS_BUF_INIT;
	for (const char *p = s;;) {
		const char *q = strstr(p, w);
		if (!q) {
			ys_buf_adds(&b, p);
			break;
		}
		ys_buf_add(&b, p, (size_t)(q - p));
		ys_buf_adds(&b, r);
		p = q + strlen(w);
	}
	ck_assert(!b.oom);
	return ys_buf_detach(&b, NULL);
}

static int count_rule(const char *text, const char *rule)
{
	ys_doc *doc = make_doc(NULL, 0, text, strlen(text));
	nf f[256];
	int n = narrative_findings(doc, f, 256), cnt = 0;
	for (int i = 0; i < n; i++)
		cnt += !strcmp(f[i].rule, rule);
	ys_doc_free(doc);
	return cnt;
}

/* What the narrowing keeps: 持平 said outright with a change, a change of
 * 三公 whose items give no reason. */
START_TEST(other_layouts_still_catch)
{
	size_t len;
	char *text = layout_text("2026_gz_17.level", &len);
	char *t2 = replace_all(text, "基本持平", "持平");
	ck_assert_int_ge(count_rule(t2, "narrative.direction"), 3);
	free(t2);
	free(text);
	text = layout_text("2026_sz_03.reason", &len);
	t2 = replace_all(text, "主要是", "");
	ck_assert_int_eq(count_rule(t2, "narrative.reason"), 1);
	free(t2);
	free(text);
}
END_TEST

/* What the reader makes of these layouts. */
START_TEST(other_layouts_read)
{
	size_t len;
	/* each unit its part: 本级 and the 深圳河湾 centre (its heading wider
	 * than a heading) */
	char *text = layout_text("2026_sz_31.parts", &len);
	ys_narrative *n = read_narr(text, len, 0);
	int p1 = -1, p2 = -1, p3 = -1;
	for (int b = 0; b < n->nblocks; b++) {
		if (strstr(n->blocks[b].text, "（二）公用经费937.48万元"))
			p1 = n->blocks[b].part;
		if (strstr(n->blocks[b].text, "（二）公用经费365.84万元"))
			p2 = n->blocks[b].part;
		if (strstr(n->blocks[b].text, "（二）公用经费82.87万元"))
			p3 = n->blocks[b].part;
	}
	ck_assert_msg(p1 > 0 && p2 > 0 && p3 > 0 && p1 != p2 && p2 != p3, "parts %d %d %d", p1, p2, p3);
	ys_narrative_free(n);
	free(text);
	/* whose: a part of a figure of no subject is that thing's */
	text = layout_text("2026_xa_21.parts", &len);
	n = read_narr(text, len, 0);
	int seen = 0;
	for (int i = 0; i < n->nfigs; i++)
		if (!strcmp(n->figs[i].text, "1903.54万元")) {
			seen = 1;
			ck_assert_int_eq(n->figs[i].subj, YS_NS_PERSONNEL);
			ck_assert_msg(strstr(n->figs[i].qual, "对事业单位经常性补助"), "qual: %s", n->figs[i].qual);
		}
	ck_assert(seen);
	ys_narrative_free(n);
	free(text);
	/* a table of one figure a row: its cells are no text */
	text = layout_text("2026_gz_21.form", &len);
	n = read_narr(text, len, 0);
	seen = 0;
	for (int b = 0; b < n->nblocks; b++)
		if (strstr(n->blocks[b].text, "1.工程完工率100%")) {
			seen = 1;
			ck_assert_int_eq(n->blocks[b].kind, YS_NK_CELL);
		}
	ck_assert(seen);
	ys_narrative_free(n);
	free(text);
	/* punctuation alone on a line is dropped */
	text = layout_text("2026_xa_07.punct", &len);
	n = read_narr(text, len, 0);
	for (int i = 0; i < n->nsents; i++)
		ck_assert_msg(!strstr(n->sents[i].text, "，；"), "%s", n->sents[i].text);
	ys_narrative_free(n);
	free(text);
	/* 机构编制 is the 机构设置 section */
	static const char sz[] = "二、机构编制\n本单位无下属单位，单位预算为本级预算。\n";
	n = read_narr(sz, strlen(sz), 0);
	ck_assert_int_eq(n->blocks[n->nblocks - 1].section, YS_NSEC_ORG);
	ys_narrative_free(n);
}
END_TEST

/* The rules list the family. */
START_TEST(rules_list_the_family)
{
	size_t n;
	const ys_rule *r = ys_rules(&n);
	int fam = 0;
	for (size_t i = 0; i < n; i++)
		if (!strncmp(r[i].id, "narrative.", 10)) {
			fam++;
			ck_assert_str_eq(r[i].family, "narrative");
			ck_assert_msg(strstr(r[i].explain, "例"), "%s explains no case", r[i].id);
		}
	ck_assert_int_ge(fam, 20);
	/* each planted kind has its rule, and each rule of the family its plant
	 * (its case that fires; the real text is its case that does not) */
	for (int k = 0; k < NPLANTS; k++)
		ck_assert_ptr_nonnull(ys_rule_find(plants[k].rule));
	for (size_t i = 0; i < n; i++) {
		if (strncmp(r[i].id, "narrative.", 10))
			continue;
		int planted = 0;
		for (int k = 0; k < NPLANTS; k++)
			planted |= !strcmp(plants[k].rule, r[i].id);
		ck_assert_msg(planted, "%s has no planted case", r[i].id);
	}
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("narrative");
	TCase *tc = tcase_create("narrative");
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, reads_sentences_across_lines_and_pages);
	tcase_add_test(tc, figures_roles_and_subjects);
	tcase_add_test(tc, reader_limits_and_odd_input);
	tcase_add_test(tc, reads_a_docx);
	tcase_add_loop_test(tc, each_rule_fires_on_its_plant_and_not_on_the_real_text, 0, NPLANTS);
	tcase_add_loop_test(tc, sweep_catches_every_planted_figure_word_and_year, 0, NBJ);
	tcase_add_loop_test(tc, sweep_older_rates_and_words, 0, NOLD);
	tcase_add_loop_test(tc, beijing_findings_are_the_ledgers, 0, NBJ);
	tcase_add_loop_test(tc, older_findings_are_the_ledgers, 0, NOLD);
	tcase_add_test(tc, rules_list_the_family);
	tcase_add_loop_test(tc, other_layouts_findings_are_real, 0, NLCASES);
	tcase_add_test(tc, other_layouts_still_catch);
	tcase_add_test(tc, other_layouts_read);
	suite_add_tcase(s, tc);
	return s;
}
