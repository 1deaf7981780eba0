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

#include "layouts_int.h"
#include "seedutil.h"

#define CORPUS(name) FIXTURE("corpus/" name)
#define C26(name) FIXTURE("corpus2026/" name)

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
		/* the 情况说明's findings are test_narrative's, against the ledger */
		if (f->sev == YS_SEV_NOTICE || !strncmp(f->rule, "narrative.", 10))
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
	ck_assert_ptr_nonnull(strstr(ctx.msg, "没有读到任何表：没有一个表题与版式描述相符"));
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
	ck_assert_ptr_nonnull(strstr(ctx.msg, "不是可读取的 PDF"));
	ys_buf_release(&b);
}
END_TEST

/* ---- the 2026 cities: a few pages of each layout family ---- */

typedef struct c26 {
	const char *file;
	const char *kinds[12]; /* the tables read, in order */
	int identities;        /* at least */
	known errors[8];       /* every error and warning, (rule, page), a page's repeats listed */
} c26;

/* The pages kept of each document and what they print are noted in
 * tests/fixtures/corpus2026/README.md; every error listed here is one the
 * printed page bears out (tests/corpus/expected.tsv says why). */
static const c26 docs26[] = {
	{ C26("sz_03.pdf"), { "summary", "income", "expend", "basic_total", "sangong" }, 100, { { 0 } } },
	{ C26("sz_01.pdf"), { "project_total" }, 8, { { 0 } } },
	{ C26("xa_01.pdf"), { "summary", "income", "gp_expend" }, 60, { { 0 } } },
	{ C26("xa_07.pdf"), { "income", "expend" }, 30, { { 0 } } },
	/* the units' 合计 leave out their 上年结转 (60.37 + 3.82 + 26.38 = 90.57),
	 * the 合计 row does not */
	{ C26("xa_21.pdf"),
	  { "income", "expend" },
	  30,
	  { { "gen.total", 1 },
	    { "gen.columns", 1 },
	    { "gen.columns", 1 },
	    { "gen.columns", 1 },
	    { "gen.total", 2 },
	    { "gen.columns", 2 },
	    { "gen.columns", 2 },
	    { "gen.columns", 2 } } },
	{ C26("xa_11.pdf"), { "project_total" }, 1, { { 0 } } },
	/* a 政府采购 table alone checks no identity: comp.coverage says so */
	{ C26("xa_13.pdf"), { "procurement" }, 0, { { "comp.coverage", 0 } } },
	{ C26("suz_01.pdf"), { "summary", "income", "expend", "fiscal_summary", "fiscal_expend", "soc_expend" }, 100,
	  { { 0 } } },
	/* the 三公 table alone: compared with the narrative, no identity checked */
	{ C26("sh_07.pdf"), { "sangong" }, 0, { { "comp.coverage", 0 } } },
	{ C26("sh_09.pdf"), { "income" }, 30, { { 0 } } },
	{ C26("sh_23.pdf"), { "summary", "income" }, 5, { { 0 } } },
	{ C26("fz_01.pdf"), { "summary", "income", "expend", "soc_expend", "gp_econ", "project_perf" }, 20, { { 0 } } },
	/* 20402 公安 7,927.40 over 2040201 6,556.70 + 2040299 1,051.46 (319.24
	 * short, in 项目支出), in both tables */
	{ C26("fz_11.pdf"),
	  { "expend", "gp_expend" },
	  40,
	  { { "gen.hierarchy", 1 }, { "gen.hierarchy", 1 }, { "gen.hierarchy", 2 }, { "gen.hierarchy", 2 } } },
	{ C26("gz_03.pdf"), { "summary", "income", "expend", "fiscal_summary", "gp_expend", "sangong", "project_total" },
	  150, { { 0 } } },
	{ C26("gz_07.pdf"), { "project_total" }, 20, { { 0 } } },
};

static ys_doc *read26(const char *file)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = NULL;
	ck_assert_msg(ys_doc_read_pdfs(&ctx, &file, 1, &doc) == YS_OK, "%s: %s", file, ctx.msg);
	return doc;
}

START_TEST(cities_2026_read_with_their_tables_and_only_their_errors)
{
	const c26 *c = &docs26[_i];
	ys_doc *doc = read26(c->file);
	ck_assert_msg(doc->ntables == 0, "%s: read as the seed layout", c->file);
	int nk = 0;
	while (nk < 12 && c->kinds[nk])
		nk++;
	ck_assert_msg(doc->nothers == nk, "%s: %d tables read, %d expected", c->file, doc->nothers, nk);
	for (int i = 0; i < nk; i++)
		ck_assert_msg(!strcmp(doc->others[i]->kind, c->kinds[i]), "%s: table %d is %s, expected %s", c->file, i,
		              doc->others[i]->kind, c->kinds[i]);
	ck_assert_msg(doc->nunread == 0, "%s: a title not recognised: %s", c->file,
	              doc->nunread ? doc->unread[0].title : "");
	ys_report *rep = check(doc);
	ck_assert_msg(rep->identities >= c->identities, "%s: %d identities checked, at least %d expected", c->file,
	              rep->identities, c->identities);
	/* the errors and warnings: exactly the listed ones */
	int used[8] = { 0 };
	for (size_t i = 0; i < rep->nfindings; i++) {
		const ys_finding *f = &rep->findings[i];
		if (f->sev == YS_SEV_NOTICE)
			continue;
		int k = 0;
		while (k < 8 && c->errors[k].rule && (used[k] || strcmp(f->rule, c->errors[k].rule) || f->page != c->errors[k].page))
			k++;
		ck_assert_msg(k < 8 && c->errors[k].rule, "%s: unexpected %s %s on page %d: %s", c->file,
		              ys_severity_name(f->sev), f->rule, f->page, f->message);
		used[k] = 1;
	}
	for (int k = 0; k < 8 && c->errors[k].rule; k++)
		ck_assert_msg(used[k], "%s: the known error %s on page %d is not reported", c->file, c->errors[k].rule,
		              c->errors[k].page);
	ys_report_free(rep);
	ys_doc_free(doc);
}
END_TEST

/* Fuzhou: a project's 绩效目标表 (a form of sentences) ends where the next
 * chapter's heading starts (八、其他重要事项说明 at the top of the next page):
 * what follows is prose again (政府采购, 国有资产), not the form's rows. */
START_TEST(a_form_ends_at_a_chapter_heading)
{
	ys_doc *doc = read26(C26("fz_01_39.pdf"));
	ck_assert_int_eq(doc->nothers, 1);
	ck_assert_str_eq(doc->others[0]->kind, "project_perf");
	int heading = 0, proc = 0;
	for (int i = 0; i < doc->nprose; i++) {
		heading |= strstr(doc->prose[i].text, "其他重要事项说明") != NULL;
		proc |= strstr(doc->prose[i].text, "政府采购预算总额") != NULL;
	}
	ck_assert_msg(heading && proc, "the page after the form is not prose (heading %d, 政府采购 %d)", heading, proc);
	ys_doc_free(doc);
}
END_TEST

/* The row whose code column holds code, or NULL. */
static const ys_row *row_coded(const ys_table *t, const char *code)
{
	int c = ys_table_col(t->def, "code");
	ck_assert_msg(c >= 0, "%s has no code column", t->title);
	for (int r = 0; r < t->nrows; r++)
		if (!strcmp(t->rows[r].cells[c].text, code))
			return &t->rows[r];
	return NULL;
}

static const char *cell_text(const ys_table *t, const ys_row *row, const char *colid)
{
	int c = ys_table_col(t->def, colid);
	ck_assert_msg(c >= 0, "%s has no column %s", t->title, colid);
	return row->cells[c].text;
}

/* The first amount column whose id ends with role+number under the given
 * groups' prefix ("" for none), or -1. */
static int col_like(const ys_table *t, const char *prefix, const char *role)
{
	for (int c = 0; c < t->def->ncols; c++) {
		const char *id = t->def->cols[c].id;
		const char *leafp = strrchr(id, '/');
		leafp = leafp ? leafp + 1 : id;
		if (t->def->cols[c].kind == YS_CK_AMOUNT && !strncmp(id, prefix, strlen(prefix)) &&
		    !strncmp(leafp, role, strlen(role)) && leafp[strlen(role)] >= '0' && leafp[strlen(role)] <= '9')
			return c;
	}
	return -1;
}

/* Shenzhen: tables printed over pages with 表N and the title again on
 * each; names wrapped around their centred figures; groups over columns. */
START_TEST(shenzhen_layout)
{
	ys_doc *doc = read26(C26("sz_03.pdf"));
	const ys_table *e = table_of(doc, "expend");
	/* one 支出总表 over three pages: 208 on its first, 2210203 on its last */
	ck_assert_ptr_nonnull(row_coded(e, "208"));
	const ys_row *r = row_coded(e, "2210203");
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(r->page - e->page, 2);
	/* 机关事业单位基本养老 / 2080505 646.37 … / 保险缴费支出 */
	r = row_coded(e, "2080505");
	ck_assert_str_eq(cell_text(e, r, "name1"), "机关事业单位基本养老保险缴费支出");
	ck_assert_int_eq(amount_in(e, r, "total1"), 64637 * 10000LL); /* 646.37 万元 */
	/* 基本支出总表: 财政拨款 over 小计 | 一般公共预算 | …, 单位资金 over its sources */
	const ys_table *b = table_of(doc, "basic_total");
	int sub = col_like(b, "fiscal-", "total");
	ck_assert_int_ge(sub, 0);
	ck_assert_int_ge(col_like(b, "fiscal-", "gp"), 0);
	ck_assert_int_ge(col_like(b, "unit-", "career"), 0);
	/* its first row: 总计 11,012.04 = 财政拨款 11,012.04 + … */
	ck_assert_int_eq(b->rows[0].cells[sub].amt.fen, 1101204 * 10000LL);
	ys_doc_free(doc);

	/* a figure wrapped in its narrow column: 376,936.6 / 0 */
	doc = read26(C26("sz_01.pdf"));
	const ys_table *p = table_of(doc, "project_total");
	ck_assert_int_eq(amount_in(p, &p->rows[0], "total1"), 37693660 * 10000LL); /* 376,936.60 万元 */
	ys_doc_free(doc);
}
END_TEST

/* Xi'an: blanks for zero, 专项业务经费 for 项目支出, unit codes, a code set
 * against its name or printed under its row's figures, 表10 at a page's
 * foot, a repeated title wrapped over two lines. */
START_TEST(xian_layout)
{
	ys_doc *doc = read26(C26("xa_01.pdf"));
	const ys_table *g = table_of(doc, "gp_expend");
	ck_assert_int_ge(col_like(g, "", "project"), 0); /* 专项业务经费支出 */
	/* the header printed again on the next page, without the title */
	const ys_row *r = row_coded(g, "2210201");
	ck_assert_ptr_nonnull(r);
	ck_assert_int_gt(r->page, g->page);
	/* 2010602 prints 合计 and 专项业务经费 only: the blanks stay blank */
	r = row_coded(g, "2010602");
	int pers = col_like(g, "", "personnel");
	ck_assert_int_ge(pers, 0);
	ck_assert(!r->cells[pers].amt.present);
	ck_assert_int_eq(amount_in(g, r, "project4"), 2245093600LL); /* 22,450,936.00 元 */
	ys_doc_free(doc);

	doc = read26(C26("xa_07.pdf"));
	const ys_table *in = table_of(doc, "income");
	r = row_coded(in, "201001"); /* printed under the row's figures */
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(amount_in(in, r, "total1"), 25519728429LL);
	const ys_table *ex = table_of(doc, "expend");
	r = row_coded(ex, "201002"); /* 201002理论讲师 */
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(cell_text(ex, r, "name1"), "中共西安市委理论讲师团");
	ys_doc_free(doc);

	/* a name that holds 无 ((监理处)…无人机排查) is not a note that the table is empty */
	doc = read26(C26("xa_11.pdf"));
	const ys_table *p = table_of(doc, "project_total");
	ck_assert_ptr_nonnull(row_with(p, "（监理处）生态环境保护综合执法无人机"));
	ck_assert_ptr_nonnull(row_coded(p, "252054")); /* the last unit, seven pages on */
	ck_assert_ptr_null(p->note);
	ys_doc_free(doc);
}
END_TEST

/* Suzhou: the page heading on every page, 栏次 rows, blank columns. */
START_TEST(suzhou_layout)
{
	ys_doc *doc = read26(C26("suz_01.pdf"));
	const ys_table *e = table_of(doc, "expend");
	/* continued on the next page without a header, under its heading line */
	const ys_row *r = row_coded(e, "2080505");
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(cell_text(e, r, "name1"), "机关事业单位基本养老保险缴费支出");
	/* 收入总表: 本年收入 over 小计 | 一般公共预算 | …; the blank ones are columns too */
	const ys_table *in = table_of(doc, "income");
	ck_assert_int_ge(col_like(in, "current-", "total"), 0);
	ck_assert_int_ge(col_like(in, "current-", "career"), 0);
	ck_assert_int_ge(col_like(in, "carried-", "unit"), 0);
	/* the 栏次 1 2 3 row is not a row of figures */
	const ys_table *s = table_of(doc, "soc_expend");
	for (int i = 0; i < s->nrows; i++)
		for (int c = 0; c < s->def->ncols; c++)
			ck_assert(!s->rows[i].cells[c].amt.present || s->rows[i].cells[c].amt.fen == 0);
	ys_doc_free(doc);
}
END_TEST

/* Shanghai 单位预算 and Fuzhou, Guangzhou: what each family asks. */
START_TEST(shanghai_fuzhou_guangzhou_layouts)
{
	/* 三公: “三公”经费预算数 over 合计 … 运行费, beside 机关运行经费 */
	ys_doc *doc = read26(C26("sh_07.pdf"));
	const ys_table *sg = table_of(doc, "sangong");
	int c = -1;
	for (int k = 0; k < sg->def->ncols && c < 0; k++)
		if (strstr(sg->def->cols[k].label, "三公") && strstr(sg->def->cols[k].label, "合计"))
			c = k;
	ck_assert_int_ge(c, 0);
	ck_assert_int_eq(sg->rows[0].cells[c].amt.fen, 1630 * 10000LL); /* 16.30 万元 */
	ys_doc_free(doc);

	/* 125360,898: the millions' separator left out */
	doc = read26(C26("sh_09.pdf"));
	const ys_table *in = table_of(doc, "income");
	ck_assert_int_eq(amount_in(in, &in->rows[0], "total1"), 12536089800LL);
	ys_doc_free(doc);

	/* numbered 单位预算01表: not the seed's layout */
	doc = read26(C26("sh_23.pdf"));
	ck_assert_int_eq(doc->ntables, 0);
	ck_assert_int_eq(doc->nothers, 2);
	ys_doc_free(doc);

	/* Fuzhou: 一、收支预算总表 above 2026年度收支预算总表 is a heading */
	doc = read26(C26("fz_01.pdf"));
	ck_assert_str_eq(doc->others[0]->title, "2026年度收支预算总表");
	ck_assert_ptr_nonnull(table_of(doc, "soc_expend")->note);
	ys_doc_free(doc);

	/* Guangzhou: [206]科学技术支出 is a code and a name */
	doc = read26(C26("gz_03.pdf"));
	const ys_table *g = table_of(doc, "gp_expend");
	const ys_row *r = row_coded(g, "2060503");
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(cell_text(g, r, "name1"), "科技条件专项");
	ck_assert_int_eq(amount_in(g, r, "total1"), 5344 * 10000LL); /* 53.44 万元 */
	ys_doc_free(doc);
}
END_TEST

/* Layout descriptions: a line the parser does not understand is an
 * error that names it; =WORD is a whole header. */
START_TEST(layout_descriptions_parse_strictly)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_layouts l;
	ck_assert_int_eq(ys_layouts_parse(&ctx, "t.txt", "table summary 收支总表 01 收支 总表\nbogus 1 2\n", &l),
	                 YS_EPARSE);
	ck_assert_ptr_nonnull(strstr(ctx.msg, "t.txt:2:"));
	ck_assert_ptr_nonnull(strstr(ctx.msg, "bogus"));
	ys_layouts_release(&l);
	ck_assert_int_eq(ys_layouts_parse(&ctx, "t.txt", "table summary 收支总表 01 收支\ncolumn total 合计\n"
	                                                  "sum total = basic + project\n", &l),
	                 YS_EPARSE); /* basic and project: no column says them */
	ck_assert_ptr_nonnull(strstr(ctx.msg, "t.txt:3:"));
	ys_layouts_release(&l);
	ck_assert_int_eq(ys_layouts_parse(&ctx, "t.txt", "table x 收支总表 1 收支\n", &l), YS_EPARSE);
	ck_assert_ptr_nonnull(strstr(ctx.msg, "t.txt:1:"));
	ys_layouts_release(&l);
	ck_assert_int_eq(ys_layouts_parse(&ctx, "t.txt", "table x 收支总表 - 收支\ncolumn total 合计|=预算\n", &l), YS_OK);
	size_t wl;
	ck_assert_str_eq(ys_layouts_role(l.cols, l.ncols, "预算", 0, &wl), "total");
	ck_assert_ptr_null(ys_layouts_role(l.cols, l.ncols, "一般公共预算", 0, &wl));
	ys_layouts_release(&l);
	/* the compiled-in ones parse */
	ck_assert_ptr_nonnull(ys_layouts_builtin(&ctx));
}
END_TEST

/* Text input: a 款 printed without its 类 is of the highest level; a 元
 * figure beyond 922,337,203 is read; a column-number row is not a row;
 * figures printed against each other in a PDF are split. */
START_TEST(text_cases)
{
	static const char text[] = "某局2026年部门预算\n"
	                           "支出总表\n"
	                           "单位：元\n"
	                           "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
	                           "栏次\t\t1\t2\t3\n"
	                           "201\t一般公共服务支出\t1,922,337,203.55\t922,337,203.55\t1,000,000,000.00\n"
	                           "20101\t人大事务\t1,922,337,203.55\t922,337,203.55\t1,000,000,000.00\n"
	                           "21298\t超长期特别国债安排的支出\t100.00\t\t100.00\n"
	                           "合计\t\t1,922,337,303.55\t922,337,203.55\t1,000,000,100.00\n";
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = NULL;
	ck_assert_msg(ys_doc_read_general(&ctx, "t.txt", text, sizeof text - 1, &doc) == YS_OK, "%s", ctx.msg);
	const ys_table *t = table_of(doc, "expend");
	ck_assert_int_eq(t->nrows, 4); /* not the 栏次 row */
	ck_assert_int_eq(amount_in(t, row_with(t, "201"), "total1"), 192233720355LL);
	ys_report *rep = check(doc);
	for (size_t i = 0; i < rep->nfindings; i++)
		ck_assert_msg(rep->findings[i].sev == YS_SEV_NOTICE, "%s: %s", rep->findings[i].rule, rep->findings[i].message);
	ck_assert_int_ge(rep->identities, 4);
	ys_report_free(rep);
	ys_doc_free(doc);
}
END_TEST

/* The seed layout's reader takes a figure by its shape before it knows
 * the unit: one beyond 922,337,203 (亿元's limit in 分) is a figure too. */
START_TEST(seed_reader_takes_large_figures)
{
	static const edit e[] = { { 9, "33,149.176143", "1,922,337,203.176143" } };
	size_t len;
	char *text = seed_text(e, 1, &len);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = NULL;
	ck_assert_msg(ys_doc_read_text(&ctx, "seed.txt", text, len, &doc) == YS_OK, "%s", ctx.msg);
	free(text);
	ys_doc_free(doc);
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
	TCase *t26 = tcase_create("cities2026");
	tcase_set_timeout(t26, 300);
	tcase_add_loop_test(t26, cities_2026_read_with_their_tables_and_only_their_errors, 0,
	                    (int)(sizeof docs26 / sizeof docs26[0]));
	tcase_add_test(t26, shenzhen_layout);
	tcase_add_test(t26, xian_layout);
	tcase_add_test(t26, suzhou_layout);
	tcase_add_test(t26, shanghai_fuzhou_guangzhou_layouts);
	tcase_add_test(t26, layout_descriptions_parse_strictly);
	tcase_add_test(t26, text_cases);
	tcase_add_test(t26, a_form_ends_at_a_chapter_heading);
	tcase_add_test(t26, seed_reader_takes_large_figures);
	suite_add_tcase(s, t26);
	return s;
}
