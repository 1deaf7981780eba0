/*
 * test_general.c - the general reader on real disclosures of other layouts
 * (tests/fixtures/corpus: Jiangsu 公开01–12表, Shanghai 预算 9 tables, a
 * unit's 单位预算, 部门决算), read from their PDFs: every table the set
 * publishes is recognised as what it is, the known errors are reported,
 * and nothing else is reported as an error.  Plus the reader's parts: the
 * text layer's lines, wrapped labels, split codes, empty-table notes.
 */
#include <stdlib.h>
#include <string.h>

#include "seedutil.h"

#define CORPUS(name) FIXTURE("corpus/" name)

/* The tables each layout's set publishes (the corpus notes list them). */
static const char *const jiangsu[] = { "summary",    "income",    "expend",   "fiscal_summary", "fiscal_expend",
	                               "fiscal_basic", "gp_expend", "gp_basic", "sangong",        "gf_expend",
	                               "operation",  "procurement", NULL };
static const char *const shanghai[] = { "summary",   "income",     "expend",   "fiscal_summary", "gp_expend",
	                                "gf_expend", "soc_expend", "gp_basic", "sangong",        NULL };

typedef struct known {
	const char *rule;
	int page;
} known;

typedef struct corpus_doc {
	const char *file, *part2;
	const char *const *kinds; /* each recognised, and no more tables than these */
	int ntables;
	known errors[2];          /* the document's known errors (rule, page) */
} corpus_doc;

static const corpus_doc docs[] = {
	{ CORPUS("2017_js_gaoyuan.pdf"), NULL, jiangsu, 12, { { 0 } } },
	/* the narrative says 基本支出预算数为12323.46万元, and 12323.48万元 a few
	 * lines below, as the 收支预算总表 prints */
	{ CORPUS("2017_js_jianchayuan.pdf"), NULL, jiangsu, 12, { { "gen.narrative", 19 } } },
	{ CORPUS("2017_js_renda.pdf"), NULL, jiangsu, 12, { { 0 } } },
	{ CORPUS("2017_js_shengweibangongting.part1.pdf"), CORPUS("2017_js_shengweibangongting.part2.pdf"), jiangsu, 12,
	  { { 0 } } },
	{ CORPUS("2017_js_zhengxie.part1.pdf"), CORPUS("2017_js_zhengxie.part2.pdf"), jiangsu, 12, { { 0 } } },
	{ CORPUS("2018_js_jianchayuan.pdf"), NULL, jiangsu, 12, { { 0 } } },
	{ CORPUS("2018_js_renda.pdf"), NULL, jiangsu, 12, { { 0 } } },
	{ CORPUS("2018_js_shengweibangongting.part1.pdf"), CORPUS("2018_js_shengweibangongting.part2.pdf"), jiangsu, 12,
	  { { 0 } } },
	{ CORPUS("2018_js_zhengxie.part1.pdf"), CORPUS("2018_js_zhengxie.part2.pdf"), jiangsu, 12, { { 0 } } },
	/* 2023: the 9 tables and the 财政项目支出绩效目标填报表 that follows them (a form a page) */
	{ CORPUS("2023_shpt_wanlijiedao.pdf"), NULL, shanghai, 10, { { 0 } } },
	/* the table part's heading names 上海市规划和自然资源局, not the 普陀区 bureau */
	{ CORPUS("2024_shpt_guihuaziyuanju_juesuan.pdf"), NULL, shanghai, 9, { { "gen.department", 7 } } },
	{ CORPUS("2024_shpt_shegongbu_juesuan.pdf"), NULL, shanghai, 9, { { 0 } } },
	{ CORPUS("2024_shpt_shehuifuliyuan_unit.pdf"), NULL, shanghai, 9, { { 0 } } },
	/* the 三公 table prints 47.91 万元 under a note that says the table is empty */
	{ CORPUS("2024_shpt_wanlijiedao.pdf"), NULL, shanghai, 9, { { "gen.empty", 31 } } },
};

static ys_doc *read_doc(const corpus_doc *c)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	const char *paths[2] = { c->file, c->part2 };
	ys_doc *doc = NULL;
	ck_assert_msg(ys_doc_read_pdfs(&ctx, paths, c->part2 ? 2 : 1, &doc) == YS_OK, "%s: %s", c->file, ctx.msg);
	return doc;
}

static ys_report *check(const ys_doc *doc)
{
	return check_with(doc, test_catalog(), NULL, NULL);
}

START_TEST(corpus_reads_with_every_table_and_its_known_errors)
{
	const corpus_doc *c = &docs[_i];
	ys_doc *doc = read_doc(c);
	ck_assert_msg(doc->paged, "%s: not read as a PDF", c->file);
	ck_assert_msg(doc->ntables == 0, "%s: read as the seed layout", c->file);
	for (int k = 0; c->kinds[k]; k++) {
		int found = 0;
		for (int i = 0; i < doc->nothers; i++)
			found |= !strcmp(doc->others[i]->kind, c->kinds[k]);
		ck_assert_msg(found, "%s: no %s table recognised", c->file, c->kinds[k]);
	}
	ck_assert_msg(doc->nothers == c->ntables, "%s: %d tables recognised, the document has %d", c->file,
	              doc->nothers, c->ntables);
	ck_assert_msg(doc->nunread == 0, "%s: a title not recognised: %s", c->file,
	              doc->nunread ? doc->unread[0].title : "");
	/* every table but an empty one has rows; amounts in a known unit */
	for (int i = 0; i < doc->nothers; i++) {
		const ys_table *t = doc->others[i];
		ck_assert_msg(t->nrows > 0 || t->note || !strcmp(t->kind, "gf_expend") || !strcmp(t->kind, "soc_expend") ||
		                      !strcmp(t->kind, "sangong"),
		              "%s: %s (page %d) has no rows and no note", c->file, t->title, t->page);
		ck_assert(t->unit == YS_UNIT_YUAN || t->unit == YS_UNIT_WANYUAN);
	}
	ys_report *rep = check(doc);
	ck_assert_msg(rep->identities > 10, "%s: only %d identities checked", c->file, rep->identities);
	for (size_t i = 0; i < rep->nfindings; i++) {
		const ys_finding *f = &rep->findings[i];
		if (f->sev == YS_SEV_NOTICE)
			continue;
		int expected = 0;
		for (int k = 0; k < 2 && c->errors[k].rule; k++)
			expected |= !strcmp(f->rule, c->errors[k].rule) && f->page == c->errors[k].page;
		ck_assert_msg(expected, "%s: unexpected %s %s on page %d: %s", c->file, ys_severity_name(f->sev), f->rule,
		              f->page, f->message);
	}
	for (int k = 0; k < 2 && c->errors[k].rule; k++) {
		int found = 0;
		for (size_t i = 0; i < rep->nfindings; i++)
			found |= !strcmp(rep->findings[i].rule, c->errors[k].rule) && rep->findings[i].page == c->errors[k].page;
		ck_assert_msg(found, "%s: the known error %s on page %d is not reported", c->file, c->errors[k].rule,
		              c->errors[k].page);
	}
	ys_report_free(rep);
	ys_doc_free(doc);
}
END_TEST

static const ys_table *table_of(const ys_doc *doc, const char *kind)
{
	for (int i = 0; i < doc->nothers; i++)
		if (!strcmp(doc->others[i]->kind, kind))
			return doc->others[i];
	return NULL;
}

static const ys_row *row_with(const ys_table *t, const char *text)
{
	for (int r = 0; r < t->nrows; r++)
		for (int c = 0; c < t->def->ncols; c++)
			if (!strcmp(t->rows[r].cells[c].text, text))
				return &t->rows[r];
	return NULL;
}

static int64_t amount_in(const ys_table *t, const ys_row *row, const char *colid)
{
	int c = ys_table_col(t->def, colid);
	ck_assert_msg(c >= 0, "%s has no column %s", t->title, colid);
	ck_assert_msg(row->cells[c].amt.present, "%s: no amount in %s", t->title, colid);
	return row->cells[c].amt.fen;
}

/* What the PDF's layout asks of the reader, on figures read off the pages. */
START_TEST(pdf_layout_cases)
{
	ys_doc *doc = read_doc(&docs[2]); /* 2017 江苏省人大 */
	/* wrapped labels: 一、财政 / 拨款 with its figures centred between */
	const ys_table *s = table_of(doc, "summary");
	const ys_row *r = row_with(s, "一、财政拨款");
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(amount_in(s, r, "total1"), 1364907 * 10000LL); /* 13,649.07 万元 */
	ck_assert_ptr_nonnull(row_with(s, "三、单位预留机动经费"));
	ck_assert_ptr_nonnull(row_with(s, "十八、住房保障支出"));
	/* codes and names in their columns, the 合计 row marked */
	const ys_table *g = table_of(doc, "gp_expend");
	r = row_with(g, "2010101");
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(amount_in(g, r, "total1"), 454594 * 10000LL);
	int totals = 0;
	for (int i = 0; i < g->nrows; i++)
		totals += g->rows[i].kind == YS_ROW_TOTAL;
	ck_assert_int_eq(totals, 1);
	/* an empty table read with its note */
	const ys_table *gf = NULL;
	for (int i = 0; i < doc->nothers; i++)
		if (strstr(doc->others[i]->title, "政府性基金"))
			gf = doc->others[i];
	ck_assert_ptr_nonnull(gf);
	ck_assert_int_eq(gf->nrows, 0);
	ck_assert_ptr_nonnull(gf->note);
	ys_doc_free(doc);

	/* Shanghai: 类 | 款 | 项 in three columns joined into one code; amounts in 元 */
	doc = read_doc(&docs[13]);
	const ys_table *e = table_of(doc, "expend");
	ck_assert_int_eq(e->unit, YS_UNIT_YUAN);
	r = row_with(e, "2010507");
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(amount_in(e, r, "total1"), 257700 * 100LL);
	/* a 款 printed without its leading zero (301 | 2) is 30102 */
	const ys_table *b = table_of(doc, "gp_basic");
	ck_assert_ptr_nonnull(row_with(b, "30102"));
	/* the 三公 table is in 万元 inside a document in 元 */
	ck_assert_int_eq(table_of(doc, "sangong")->unit, YS_UNIT_WANYUAN);
	ck_assert_str_eq(doc->department, "上海市普陀区人民政府万里街道办事处");
	ck_assert_int_eq(doc->year, 2024);
	ys_doc_free(doc);
}
END_TEST

/* A title no description knows is listed with the reason; a text without
 * any table is refused with a message that says so. */
START_TEST(unknown_titles_and_no_tables)
{
	static const char text[] = "某某局2024年度部门预算\n"
	                           "2024年部门预算项目明细表\n"
	                           "编制部门：某某局\t\t单位：元\n"
	                           "项目\t金额\n"
	                           "甲项目\t1,000\n";
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = NULL;
	ck_assert_int_eq(ys_doc_read_general(&ctx, "t.txt", text, sizeof text - 1, &doc), YS_EPARSE);
	ck_assert_ptr_nonnull(strstr(ctx.msg, "no table recognised"));
	ck_assert_ptr_nonnull(strstr(ctx.msg, "--format json"));
	static const char prose[] = "这是一段说明。\n没有任何表格。\n";
	ck_assert_int_eq(ys_doc_read_general(&ctx, "p.txt", prose, sizeof prose - 1, &doc), YS_EPARSE);
	ck_assert_ptr_null(doc);
}
END_TEST

/* The text layer as lines: pages, positions, letter-spaced words joined. */
START_TEST(pdf_text_lines)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_buf b = YS_BUF_INIT;
	ck_assert_int_eq(ys_pdf_text(&ctx, CORPUS("2017_js_renda.pdf"), 0, &b), YS_OK);
	ck_assert_ptr_nonnull(strstr(b.s, "-- page 30 --")); /* the last page with text (31 is blank) */
	ck_assert_ptr_nonnull(strstr(b.s, "收支预算总表\n"));
	ck_assert_ptr_nonnull(strstr(b.s, "2010101\t行政运行\t4,545.94"));
	ys_buf_release(&b);
	ck_assert_int_eq(ys_pdf_text(&ctx, FIXTURE("seed/000_c2fdc67ddbce1acd.txt"), 0, &b), YS_EPARSE);
	ck_assert_ptr_nonnull(strstr(ctx.msg, "not a readable PDF"));
	ys_buf_release(&b);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("general");
	TCase *tc = tcase_create("corpus");
	tcase_set_timeout(tc, 300);
	tcase_add_loop_test(tc, corpus_reads_with_every_table_and_its_known_errors, 0, (int)(sizeof docs / sizeof docs[0]));
	tcase_add_test(tc, pdf_layout_cases);
	tcase_add_test(tc, unknown_titles_and_no_tables);
	tcase_add_test(tc, pdf_text_lines);
	suite_add_tcase(s, tc);
	return s;
}
