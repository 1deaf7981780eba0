/*
 * test_write.c - the 情况说明 written from the budget: the template
 * language, a year's figures, the changes (thresholds, codes matched through
 * two catalogs, reasons), the reasons rule and the reasons sheet, the story
 * (sections, the department's wording, numbering), the writers, and the
 * round trip: reports of random budgets with random previous years read
 * back by check with no error and no narrative finding.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "budgetgen.h"
#include "seedutil.h"
#include "yusuan/narrative.h"

#define EXAMPLE YS_DATADIR "/../examples/2026-beijing-jiguan-shiwu"
#define EXAMPLE_PREV EXAMPLE "/previous-2025"

/* ---- the template language ---- */

static char *eval(const char *tpl, const ys_vals *v)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_tpl *t = NULL;
	ck_assert_msg(ys_tpl_parse(&ctx, "t.txt", tpl, &t) == YS_OK, "%s", ctx.msg);
	ys_buf out = YS_BUF_INIT;
	ck_assert_msg(ys_tpl_eval(&ctx, t, v, &out) == YS_OK, "%s", ctx.msg);
	ys_tpl_free(t);
	return ys_buf_detach(&out, NULL);
}

/* The error a template gives, parsing or evaluating (malloc'd). */
static char *tpl_error(const char *tpl, const ys_vals *v)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_tpl *t = NULL;
	ys_result r = ys_tpl_parse(&ctx, "t.txt", tpl, &t);
	if (!r) {
		ys_buf out = YS_BUF_INIT;
		r = ys_tpl_eval(&ctx, t, v, &out);
		ys_buf_release(&out);
	}
	ys_tpl_free(t);
	ck_assert_msg(r != YS_OK, "'%s' was accepted", tpl);
	return strdup(ctx.msg);
}

static ys_vals *sample_vals(void)
{
	ys_vals *v = ys_vals_new();
	ys_vals_text(v, "dept", "北京市某局");
	ys_vals_int(v, "year", 2026);
	ys_vals_money(v, "income", 962678000000LL / 100);   /* 9626.78 万元 */
	ys_vals_money(v, "sangong", 17700000);               /* 17.70 */
	ys_vals_money(v, "sangong.diff", -1650000);
	ys_vals_money(v, "sangong.change", 1650000);
	ys_vals_percent(v, "sangong.rate", 853);
	ys_vals_money(v, "zero", 0);
	ys_vals_text(v, "empty", "");
	for (int i = 0; i < 3; i++) {
		ys_vals *r = ys_vals_list_add(v, "units");
		char name[32];
		snprintf(name, sizeof name, "单位%d", i + 1);
		ys_vals_text(r, "name", name);
		ys_vals_int(r, "n", i);
	}
	ck_assert(!ys_vals_oom(v));
	return v;
}

START_TEST(template_values_and_words)
{
	ys_vals *v = sample_vals();
	char *s = eval("{dept}{year}年收入预算{income}万元", v);
	ck_assert_str_eq(s, "北京市某局2026年收入预算9626.78万元");
	free(s);
	s = eval("“三公”{choose sangong.diff|增加|减少|持平}{sangong.change}万元，{choose sangong.diff|增长|下降|持平}"
	         "{sangong.rate}%；{choose zero|多|少|不变}",
	         v);
	ck_assert_str_eq(s, "“三公”减少1.65万元，下降8.53%；不变");
	free(s);
	/* braces doubled print themselves; %% lines are comments */
	s = eval("%% 注释\n{{year}} = {year}}}\n", v);
	ck_assert_str_eq(s, "{year} = 2026}\n");
	free(s);
	ys_vals_free(v);
}
END_TEST

START_TEST(template_conditionals)
{
	ys_vals *v = sample_vals();
	static const struct {
		const char *tpl, *want;
	} cases[] = {
		{ "{if sangong.diff < 0}减{elif sangong.diff > 0}增{else}平{end}", "减" },
		{ "{if zero}有{else}无{end}", "无" },
		{ "{if not zero}无{end}", "无" },
		{ "{if missing}有{else}没有这个名称{end}", "没有这个名称" },
		{ "{if missing >= 0}有{else}缺{end}", "缺" },
		{ "{if zero >= 0}零也算{end}", "零也算" },
		/* money literals are 万元, exact to the 分; percentages in % */
		{ "{if sangong = 17.70}等于{end}", "等于" },
		{ "{if sangong > 17.699999}大于{end}", "大于" },
		{ "{if sangong.rate >= 8.53 and sangong.rate < 8.54}8.53%{end}", "8.53%" },
		{ "{if zero or sangong}其一{end}", "其一" },
		{ "{if zero and sangong}两者{else}不是两者{end}", "不是两者" },
		{ "{if zero or sangong and empty}x{else}and 先于 or{end}", "and 先于 or" },
		{ "{if empty}有{else}空{end}{if dept = 北京市某局}同名{end}", "空同名" },
		{ "{if units}{units}个{end}{if units = 3}三个{end}", "3个三个" },
		{ "{if year > 2025}今年{end}", "今年" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = eval(cases[i].tpl, v);
		ck_assert_msg(!strcmp(s, cases[i].want), "%s: got '%s', wanted '%s'", cases[i].tpl, s, cases[i].want);
		free(s);
	}
	ys_vals_free(v);
}
END_TEST

START_TEST(template_lists_and_standalone_lines)
{
	ys_vals *v = sample_vals();
	char *s = eval("分别为{each units}{name}{sep}、{end}。", v);
	ck_assert_str_eq(s, "分别为单位1、单位2、单位3。");
	free(s);
	/* a tag alone on its line goes with its line end; the outer names are seen inside */
	s = eval("甲\n{if year}\n  {each units}\n{dept}{name}{n}\n  {end}\n{end}\n乙\n", v);
	ck_assert_str_eq(s, "甲\n北京市某局单位10\n北京市某局单位21\n北京市某局单位32\n乙\n");
	free(s);
	/* a tag with text beside it keeps its line */
	s = eval("a{if year}\nb{end}c\n", v);
	ck_assert_str_eq(s, "a\nbc\n");
	free(s);
	ys_vals_free(v);
}
END_TEST

START_TEST(template_errors_say_where)
{
	ys_vals *v = sample_vals();
	static const struct {
		const char *tpl, *want;
	} cases[] = {
		{ "第一行\n  {nosuch}万元", "t.txt:2:3: 没有“nosuch”这个名称" },
		{ "{if year}", "{if} 没有配对的 {end}" },
		{ "{end}", "{end} 前面没有 {if} 或 {each}" },
		{ "{if year}a{else}b{elif year}c{end}", "{elif} 不在这里" },
		{ "abc {year", "t.txt:1:5: “{”没有配对的“}”" },
		{ "a}b", "t.txt:1:2: 多出的“}”" },
		{ "{if year >}x{end}", "后面缺少比较的数或名称" },
		{ "{if year = abc}x{end}", "既不是名称，也不是可与 year 比较的数" },
		{ "{if year and}x{end}", "后面缺少一个条件" },
		{ "{if year foo}x{end}", "条件之间用 and 或 or 连接" },
		{ "{choose year|a|b}", "{choose 名称|大于零时|小于零时|等于零时}" },
		{ "{choose dept|a|b|c}", "要按一个数的正负选词" },
		{ "{each dept}x{end}", "“dept”不是列表" },
		{ "{a b}", "应为一个名称" },
		{ "{each units}{sep}{sep}{end}", "{sep} 不在这里" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *m = tpl_error(cases[i].tpl, v);
		ck_assert_msg(strstr(m, cases[i].want) != NULL, "%s: '%s' lacks '%s'", cases[i].tpl, m, cases[i].want);
		free(m);
	}
	/* nesting is bounded */
	ys_buf deep = YS_BUF_INIT;
	for (int i = 0; i < 40; i++)
		ys_buf_adds(&deep, "{if year}");
	char *m = tpl_error(deep.s, v);
	ck_assert_msg(strstr(m, "嵌套超过") != NULL, "%s", m);
	free(m);
	ys_buf_release(&deep);
	ys_vals_free(v);
}
END_TEST

/* ---- numbers ---- */

START_TEST(money_and_percent_formats)
{
	char b[YS_MONEY_FMT_MAX];
	ck_assert_str_eq(ys_write_money(0, b), "0");
	ck_assert_str_eq(ys_write_money(1, b), "0.00");          /* 1 分: below half a 0.01 万元 */
	ck_assert_str_eq(ys_write_money(4999, b), "0.00");
	ck_assert_str_eq(ys_write_money(5000, b), "0.01");       /* half up */
	ck_assert_str_eq(ys_write_money(-5000, b), "-0.01");     /* away from zero */
	ck_assert_str_eq(ys_write_money(46714513649LL, b), "46714.51");
	ck_assert_str_eq(ys_write_money(1000000, b), "1.00");
	/* too large to round: the exact figure rather than a wrong one */
	ck_assert_str_eq(ys_write_money(INT64_MAX, b), "9223372036854.775807");
	char p[32];
	ck_assert_str_eq(ys_write_percent(853, p), "8.53");
	ck_assert_str_eq(ys_write_percent(5, p), "0.05");
	ck_assert_int_eq(ys_write_share(7485220000, 9626780000), 7775); /* Beijing 信访办's 77.75 % */
	ck_assert_int_eq(ys_write_share(1, 3), 3333);
	ck_assert_int_eq(ys_write_share(1, 20000), 1);   /* 0.005 %: half up */
	ck_assert_int_eq(ys_write_share(1, 20001), 0);
	ck_assert_int_eq(ys_write_share(5, 0), -1);
	ck_assert_int_eq(ys_write_share(INT64_MAX, 1), -1);
}
END_TEST

/* ---- figures and changes ---- */

static ys_catalog *catalog_of(int year)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_catalog *cat;
	ck_assert_msg(ys_catalog_open(&ctx, YS_DATADIR "/catalog", year, &cat) == YS_OK, "%s", ctx.msg);
	return cat;
}

static ys_figures *figures_of(const ys_doc *doc, const ys_budget *b, const ys_catalog *cat)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_figures *f;
	ck_assert_msg(ys_figures_make(&ctx, doc, b, cat, &f) == YS_OK, "%s", ctx.msg);
	return f;
}

START_TEST(figures_are_the_tables_cells)
{
	ys_budget *b = read_budget(EXAMPLE);
	ys_doc *doc = compile_budget(b);
	ys_figures *f = figures_of(doc, b, test_catalog());
	/* the example's published figures */
	ck_assert_int_eq(f->v[YS_FIG_INCOME], 35495141375LL);
	ck_assert_int_eq(f->v[YS_FIG_GP_IN], 33149176143LL);
	ck_assert_int_eq(f->v[YS_FIG_SANGONG], 25400000);
	ck_assert_int_eq(f->v[YS_FIG_RECEPTION], 16000000);
	ck_assert_int_eq(f->v[YS_FIG_CAR_RUN], 9400000);
	ck_assert_int_eq(f->v[YS_FIG_PROC], 2403831057LL);
	ck_assert_int_eq(f->v[YS_FIG_PROC_GOODS] + f->v[YS_FIG_PROC_SERV], f->v[YS_FIG_PROC]);
	ck_assert_int_eq(f->v[YS_FIG_BASIC] + f->v[YS_FIG_PROJECT], f->v[YS_FIG_EXPEND_CUR]);
	ck_assert_int_eq(f->v[YS_FIG_GP_OUT], 34567121375LL);
	ck_assert(f->has[YS_FIG_ADMIN] && f->v[YS_FIG_ADMIN] == 0); /* only 事业单位 */
	ck_assert_int_eq(f->nunits, 3);
	ck_assert_int_eq(f->njiguan, 0);
	/* 05 by 类 adds up to its 合计; 201 is 05's 2010350 + 2010399 */
	int64_t classes = 0;
	const ys_figclass *c201 = NULL;
	for (int i = 0; i < f->ncls; i++) {
		if (f->cls[i].level == 1)
			classes += f->cls[i].amount;
		if (!strcmp(f->cls[i].code, "201"))
			c201 = &f->cls[i];
	}
	ck_assert_int_eq(classes, f->v[YS_FIG_GP_OUT]);
	ck_assert_ptr_nonnull(c201);
	ck_assert_str_eq(c201->name, "一般公共服务支出");
	ck_assert_int_eq(c201->amount, 18252308052LL + 8622230000LL);
	ys_figures_free(f);
	ys_doc_free(doc);
	ys_budget_free(b);
}
END_TEST

START_TEST(admin_of_jiguan_units)
{
	ys_budget *b = ys_budget_new("部门", 2026);
	b->nunits = 2;
	b->units = calloc(2, sizeof *b->units);
	b->units[0] = (ys_bunit){ "机关", YS_UT_JIGUAN, { NULL, 0 } };
	b->units[1] = (ys_bunit){ "事业", YS_UT_SHIYE, { NULL, 0 } };
	b->nitems = 5;
	b->items = calloc(5, sizeof *b->items);
	const struct {
		int unit;
		const char *econ;
		int fund, kind;
		int64_t amt;
	} it[5] = {
		{ 0, "30201", YS_FS_GP, YS_BASIC, 100 },   /* counts */
		{ 0, "30101", YS_FS_GP, YS_BASIC, 1000 },  /* 人员经费: no */
		{ 0, "30201", YS_FS_SHIYE, YS_BASIC, 10 }, /* not 财政拨款: no */
		{ 0, "30201", YS_FS_GP, YS_PROJECT, 20 },  /* 项目: no */
		{ 1, "30201", YS_FS_GP, YS_BASIC, 5 },     /* 事业单位: no */
	};
	for (int i = 0; i < 5; i++) {
		b->items[i].unit = it[i].unit;
		strcpy(b->items[i].econ, it[i].econ);
		b->items[i].fund = (unsigned char)it[i].fund;
		b->items[i].kind = (unsigned char)it[i].kind;
		b->items[i].amount = it[i].amt;
	}
	ck_assert_int_eq(ys_budget_admin(b), 100);
	b->admin = 7;
	ck_assert_int_eq(ys_budget_admin(b), 7);
	ys_budget_free(b);
}
END_TEST

/* Figures by hand: classes (code, amount) of a year and a few figures. */
static ys_figures *hand_figures(int year, const char *const *codes, const int64_t *amts, int n, int64_t sangong,
                                int64_t reception)
{
	ys_figures *f = calloc(1, sizeof *f);
	ys_arena_init(&f->arena);
	f->year = year;
	f->department = "部门";
	f->cls = ys_arena_alloc(&f->arena, sizeof *f->cls * (size_t)(n ? n : 1));
	for (int i = 0; i < n; i++) {
		snprintf(f->cls[i].code, sizeof f->cls[i].code, "%s", codes[i]);
		f->cls[i].level = (int)(strlen(codes[i]) - 1) / 2;
		f->cls[i].amount = amts[i];
		f->cls[i].name = "";
	}
	f->ncls = n;
	f->v[YS_FIG_SANGONG] = sangong;
	f->v[YS_FIG_RECEPTION] = reception;
	f->has[YS_FIG_SANGONG] = f->has[YS_FIG_RECEPTION] = 1;
	return f;
}

static ys_changes *changes_of(const ys_figures *cur, const ys_figures *prev, const ys_catalog *cat,
                              const ys_catalog *pcat, const ys_budget *b)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_changes *c;
	ck_assert_msg(ys_changes_make(&ctx, cur, prev, cat, pcat, b, NULL, &c) == YS_OK, "%s", ctx.msg);
	return c;
}

START_TEST(codes_moved_between_catalogs_are_matched)
{
	ys_catalog *c25 = catalog_of(2025), *c26 = catalog_of(2026);
	/* 2025's 2013808 质量基础 is 2026's 2013810 (the 2026 list added 2013808 信息化建设);
	 * 2025's 2013810 药品事务 is 2026's 2013812; 2150501 stays under 21505, renamed
	 * 工业和信息产业 */
	static const char *const pc[] = { "201", "20138", "2013808", "2013810", "215", "21505", "2150501" };
	static const int64_t pa[] = { 300, 300, 100, 200, 50, 50, 50 };
	static const char *const cc[] = { "201", "20138", "2013808", "2013810", "2013812", "215", "21505", "2150501" };
	static const int64_t ca[] = { 400, 400, 40, 110, 250, 55, 55, 55 };
	ys_figures *prev = hand_figures(2025, pc, pa, 7, 0, 0), *cur = hand_figures(2026, cc, ca, 8, 0, 0);
	ys_changes *c = changes_of(cur, prev, c26, c25, NULL);
	const ys_change *x = ys_changes_find(c, "2013810");
	ck_assert_ptr_nonnull(x);
	ck_assert_int_eq(x->how, YS_MATCH_MOVED);
	ck_assert_str_eq(x->prev_code, "2013808");
	ck_assert_int_eq(x->prev, 100); /* 2025's 质量基础 */
	ck_assert_int_eq(x->cur, 110);
	ck_assert_int_eq(x->rate, 1000); /* 10.00 % */
	ck_assert(x->subj->threshold < 0 && !x->needs_reason); /* a 项: no reason asked by default */
	x = ys_changes_find(c, "2013812");
	ck_assert_int_eq(x->prev, 200);
	ck_assert_str_eq(x->prev_code, "2013810");
	x = ys_changes_find(c, "2013808"); /* 信息化建设: new in 2026 */
	ck_assert_int_eq(x->how, YS_MATCH_NEW);
	ck_assert_int_eq(x->prev, 0);
	x = ys_changes_find(c, "2150501");
	ck_assert_int_eq(x->how, YS_MATCH_SAME);
	ck_assert_int_eq(x->prev, 50);
	/* the levels above add up along this year's codes */
	x = ys_changes_find(c, "20138");
	ck_assert_int_eq(x->prev, 300);
	ck_assert_int_eq(x->cur, 400);
	x = ys_changes_find(c, "201");
	ck_assert_int_eq(x->diff, 100);
	ck_assert_int_eq(x->rate, 3333);
	ck_assert(x->needs_reason); /* a 类 over 10 % */
	ys_changes_free(c);
	/* without catalogs: by code only */
	c = changes_of(cur, prev, NULL, NULL, NULL);
	x = ys_changes_find(c, "2013810");
	ck_assert_int_eq(x->how, YS_MATCH_SAME);
	ck_assert_int_eq(x->prev, 200);
	ys_changes_free(c);
	ys_figures_free(prev);
	ys_figures_free(cur);
	ys_catalog_free(c25);
	ys_catalog_free(c26);
}
END_TEST

START_TEST(thresholds_are_data)
{
	/* 类 201: 10 % exactly needs a reason, a 分 less does not; from and to zero do */
	static const char *const codes[] = { "201", "205", "208", "210" };
	static const int64_t p[] = { 1000000, 1000000, 0, 500 };
	static const int64_t c1[] = { 1100000, 1099999, 1 };
	/* 210 is not printed this year */
	ys_figures *prev = hand_figures(2025, codes, p, 4, 100, 1000), *cur = hand_figures(2026, codes, c1, 3, 100, 1100);
	ys_changes *c = changes_of(cur, prev, NULL, NULL, NULL);
	ck_assert(ys_changes_find(c, "201")->needs_reason);
	ck_assert(!ys_changes_find(c, "205")->needs_reason);
	ck_assert(ys_changes_find(c, "208")->needs_reason);
	ck_assert_int_eq(ys_changes_find(c, "208")->rate, -1);
	ck_assert(ys_changes_find(c, "210")->needs_reason);
	ck_assert_int_eq(ys_changes_find(c, "210")->how, YS_MATCH_GONE);
	/* 三公 unchanged: none; 公务接待费 +10 %: one */
	ck_assert(!ys_changes_find(c, "sangong")->needs_reason);
	ck_assert(ys_changes_find(c, "sangong.reception")->needs_reason);
	ys_changes_free(c);
	ys_figures_free(cur);
	/* 三公: any change at all */
	cur = hand_figures(2026, codes, c1, 3, 101, 1000);
	c = changes_of(cur, prev, NULL, NULL, NULL);
	ck_assert(ys_changes_find(c, "sangong")->needs_reason);
	ck_assert(!ys_changes_find(c, "sangong.reception")->needs_reason);
	ys_changes_free(c);
	ys_figures_free(cur);
	ys_figures_free(prev);
	/* the table: every subject has a name, a threshold of -1, 0 or more */
	int n = 0;
	for (const ys_subject *s; (s = ys_subject_get(n)); n++)
		ck_assert(s->id[0] && s->zh[0] && s->threshold >= -1);
	ck_assert_int_gt(n, 10);
	ck_assert_ptr_null(ys_subject_get(-1));
}
END_TEST

START_TEST(reasons_name_their_subjects)
{
	static const char *const codes[] = { "201", "20101", "2010101" };
	static const int64_t p[] = { 100, 100, 100 }, cu[] = { 200, 200, 200 };
	ys_figures *prev = hand_figures(2025, codes, p, 3, 10, 10), *cur = hand_figures(2026, codes, cu, 3, 20, 20);
	ys_budget *b = ys_budget_new("部门", 2026);
	static const char *const subj[] = { "三公经费", "201 一般公共服务支出", "公务接待费。", "2010101", "不存在的事项" };
	b->nreasons = 5;
	b->reasons = calloc(5, sizeof *b->reasons);
	for (int i = 0; i < 5; i++)
		b->reasons[i] = (ys_reason){ subj[i], "原因", "", "", { "reasons.csv", i + 3 } };
	ys_changes *c = changes_of(cur, prev, NULL, NULL, b);
	ck_assert_ptr_eq(ys_changes_find(c, "sangong")->reason, &b->reasons[0]);
	ck_assert_ptr_eq(ys_changes_find(c, "201")->reason, &b->reasons[1]);
	ck_assert_ptr_null(ys_changes_find(c, "sangong.reception")->reason); /* 。 is not part of a name */
	ck_assert_ptr_eq(ys_changes_find(c, "2010101")->reason, &b->reasons[3]);
	ck_assert_int_eq(c->nunmatched, 2);
	ck_assert_str_eq(c->unmatched[1]->subject, "不存在的事项");
	/* the spellings of a subject */
	const ys_change *sg = ys_changes_find(c, "sangong");
	ck_assert(ys_change_named(sg, "“三公”经费") && ys_change_named(sg, "三公 经费") && ys_change_named(sg, "sangong"));
	ck_assert(!ys_change_named(sg, "三公经费支出"));
	ck_assert(ys_change_named(ys_changes_find(c, "201"), "一般公共服务支出") == 0); /* hand figures have no names */
	ys_changes_free(c);
	ys_budget_free(b);
	ys_figures_free(prev);
	ys_figures_free(cur);
}
END_TEST

/* ---- the example against its previous year ---- */

typedef struct yrs {
	ys_budget *b, *pb;
	ys_catalog *cat, *pcat;
	ys_doc *doc;
	ys_figures *cur, *prev;
	ys_changes *chg;
} yrs;

static void years(yrs *y, const char *dir, const char *prev)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	memset(y, 0, sizeof *y);
	y->b = read_budget(dir);
	y->cat = catalog_of(y->b->year);
	ck_assert_msg(ys_compile(&ctx, y->b, y->cat, &y->doc) == YS_OK, "%s", ctx.msg);
	y->cur = figures_of(y->doc, y->b, y->cat);
	ck_assert_msg(ys_previous_read(&ctx, prev, YS_DATADIR "/catalog", &y->prev, &y->pcat, &y->pb) == YS_OK, "%s",
	              ctx.msg);
	ck_assert_msg(ys_changes_make(&ctx, y->cur, y->prev, y->cat, y->pcat, y->b, y->pb, &y->chg) == YS_OK, "%s",
	              ctx.msg);
}

static void years_free(yrs *y)
{
	ys_changes_free(y->chg);
	ys_figures_free(y->cur);
	ys_figures_free(y->prev);
	ys_doc_free(y->doc);
	ys_catalog_free(y->cat);
	ys_catalog_free(y->pcat);
	ys_budget_free(y->b);
	ys_budget_free(y->pb);
}

START_TEST(previous_from_a_detail_or_a_disclosure)
{
	yrs y;
	years(&y, EXAMPLE, EXAMPLE_PREV);
	ck_assert_int_eq(y.prev->year, 2025);
	ck_assert_int_eq(ys_catalog_year(y.pcat), 2025);
	const ys_change *c = ys_changes_find(y.chg, "sangong.reception");
	ck_assert_int_eq(c->prev, 18000000);
	ck_assert_int_eq(c->diff, -2000000);
	ck_assert(c->needs_reason && c->reason && !strcmp(c->last, "落实过紧日子要求，从严控制公务接待"));
	ck_assert(ys_changes_find(y.chg, "229")->needs_reason);
	ck_assert(!ys_changes_find(y.chg, "201")->needs_reason); /* +7.5 % */
	/* last year's tables as published (text) give the same figures, but no reasons */
	char dir[] = "/tmp/yusuan-write-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *pdoc;
	ck_assert(ys_compile(&ctx, y.pb, y.pcat, &pdoc) == YS_OK);
	ys_buf t = YS_BUF_INIT;
	ck_assert(ys_render_text(&ctx, pdoc, -1, &t) == YS_OK);
	char path[512];
	snprintf(path, sizeof path, "%s/2025.txt", dir);
	ck_assert(ys_file_write(&ctx, path, t.s, t.len) == YS_OK);
	ys_figures *pf;
	ys_catalog *pc;
	ys_budget *pb;
	ck_assert_msg(ys_previous_read(&ctx, path, NULL, &pf, &pc, &pb) == YS_OK, "%s", ctx.msg);
	ck_assert_ptr_null(pb);
	for (int k = 0; k < YS_FIG_COUNT; k++)
		if (k != YS_FIG_ADMIN)
			ck_assert_msg(pf->v[k] == y.prev->v[k] && pf->has[k] == y.prev->has[k], "figure %d", k);
	ck_assert(!pf->has[YS_FIG_ADMIN]); /* not in the tables */
	ck_assert_int_eq(pf->ncls, y.prev->ncls);
	ys_figures_free(pf);
	ys_catalog_free(pc);
	/* not a budget at all */
	snprintf(path, sizeof path, "%s/none.txt", dir);
	ck_assert(ys_file_write(&ctx, path, "没有表\n", strlen("没有表\n")) == YS_OK);
	ck_assert(ys_previous_read(&ctx, path, NULL, &pf, &pc, &pb) != YS_OK);
	ck_assert_msg(strstr(ctx.msg, "上年（--previous）") != NULL, "%s", ctx.msg);
	ck_assert_ptr_null(pf);
	ck_assert_ptr_null(pc);
	ys_buf_release(&t);
	ys_doc_free(pdoc);
	years_free(&y);
	unlink(path);
	snprintf(path, sizeof path, "%s/2025.txt", dir);
	unlink(path);
	rmdir(dir);
}
END_TEST

static int count_rule(const ys_report *rep, const char *rule, ys_severity sev, const char *file, int line)
{
	int n = 0;
	for (size_t i = 0; i < rep->nfindings; i++) {
		const ys_finding *f = &rep->findings[i];
		n += !strcmp(f->rule, rule) && f->sev == sev && (!file || (f->file && strstr(f->file, file))) &&
		     (line < 0 || f->line == line);
	}
	return n;
}

START_TEST(reasons_rule_points_at_the_line_to_fill)
{
	yrs y;
	years(&y, EXAMPLE, EXAMPLE_PREV);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_report *rep;
	/* the example has every reason */
	ck_assert(ys_check_budget_prev(&ctx, y.b, y.cat, y.chg, &rep) == YS_OK);
	ck_assert_int_eq(count_rule(rep, "detail.reasons", YS_SEV_WARNING, NULL, -1), 0);
	ys_report_free(rep);
	/* an empty reason: at its line; a missing line: at the header */
	ys_reason *r = NULL;
	for (int i = 0; i < y.b->nreasons; i++)
		if (!strcmp(y.b->reasons[i].subject, "205 教育支出"))
			r = &y.b->reasons[i];
	ck_assert_ptr_nonnull(r);
	r->text = "";
	int line205 = r->pos.line;
	y.b->reasons[y.b->nreasons - 1].subject = "其他的事项"; /* 229's line, renamed */
	ys_changes_free(y.chg);
	ck_assert(ys_changes_make(&ctx, y.cur, y.prev, y.cat, y.pcat, y.b, y.pb, &y.chg) == YS_OK);
	ck_assert(ys_check_budget_prev(&ctx, y.b, y.cat, y.chg, &rep) == YS_OK);
	ck_assert_int_eq(count_rule(rep, "detail.reasons", YS_SEV_WARNING, "reasons.csv", line205), 1);
	ck_assert_int_eq(count_rule(rep, "detail.reasons", YS_SEV_WARNING, "reasons.csv", y.b->reasons_head.line), 1);
	ck_assert_int_eq(count_rule(rep, "detail.reasons", YS_SEV_NOTICE, "reasons.csv", -1), 1);
	ck_assert_int_eq(count_rule(rep, "detail.reasons", YS_SEV_WARNING, NULL, -1), 2);
	ys_report_free(rep);
	/* no reasons sheet: at the department's line */
	y.b->nreasons = 0;
	y.b->reasons_head.line = 0;
	ys_changes_free(y.chg);
	ck_assert(ys_changes_make(&ctx, y.cur, y.prev, y.cat, y.pcat, y.b, y.pb, &y.chg) == YS_OK);
	ck_assert(ys_check_budget_prev(&ctx, y.b, y.cat, y.chg, &rep) == YS_OK);
	int need = 0;
	for (int i = 0; i < y.chg->n; i++)
		need += y.chg->v[i].needs_reason;
	ck_assert_int_eq(need, 4);
	ck_assert_int_eq(count_rule(rep, "detail.reasons", YS_SEV_WARNING, "department.csv", y.b->dept_pos.line), need);
	ys_report_free(rep);
	/* without last year: the rule says nothing */
	ck_assert(ys_check_budget(&ctx, y.b, y.cat, &rep) == YS_OK);
	ck_assert_int_eq(count_rule(rep, "detail.reasons", YS_SEV_WARNING, NULL, -1), 0);
	ys_report_free(rep);
	/* the lines init --previous writes: one per change to explain, last year's reason offered */
	ck_assert(ys_reasons_fill(&ctx, y.b, y.chg) == YS_OK);
	ck_assert_int_eq(y.b->nreasons, need);
	int offered = 0;
	for (int i = 0; i < y.b->nreasons; i++) {
		ck_assert_str_eq(y.b->reasons[i].text, "");
		ck_assert(strstr(y.b->reasons[i].change, "2025 年") != NULL);
		offered += y.b->reasons[i].last[0] != 0;
	}
	ck_assert_int_eq(offered, 2); /* “三公”经费 and 公务接待费 */
	years_free(&y);
}
END_TEST

/* ---- the story ---- */

static ys_story *story_of(const ys_doc *doc, const ys_budget *b, const ys_changes *c, const char *tpldir)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_story_opts o = { tpldir, b, c, test_catalog() };
	ys_story *s;
	ck_assert_msg(ys_story_make(&ctx, doc, &o, &s) == YS_OK, "%s", ctx.msg);
	return s;
}

static const ys_block *find_block(const ys_story *s, const char *text)
{
	for (int i = 0; i < s->n; i++)
		if (strstr(s->b[i].text, text))
			return &s->b[i];
	return NULL;
}

START_TEST(story_numbers_like_beijing)
{
	yrs y;
	years(&y, EXAMPLE, EXAMPLE_PREV);
	ys_story *s = story_of(y.doc, y.b, y.chg, NULL);
	ck_assert_str_eq(s->title, "北京市机关事务管理中心\n2026年度部门预算信息公开");
	const ys_block *b = find_block(s, "部门情况说明");
	ck_assert(b->kind == YS_B_HEADING && b->level == 1 && !strcmp(b->marker, "一、"));
	b = find_block(s, "名词解释");
	ck_assert_str_eq(b->marker, "六、");
	/* 1–10 across （一）（二）（三） of 收入 */
	b = find_block(s, "财政专户管理资金收入");
	ck_assert_str_eq(b->marker, "4.");
	b = find_block(s, "上年结转结余2285.95万元。");
	ck_assert_str_eq(b->marker, "10.");
	/* and from 1 again in 支出 */
	b = find_block(s, "事业单位经营支出0万元");
	ck_assert_str_eq(b->marker, "1.");
	b = find_block(s, "基本支出预算24270.49万元");
	ck_assert(b->kind == YS_B_ITEM && !strcmp(b->marker, "（一）"));
	ck_assert(strstr(b->text, "占本年支出预算68.38%") != NULL);
	b = find_block(s, "2026年度收入预算35495.14万元");
	ck_assert_str_eq(b->text, "2026年度收入预算35495.14万元，比2025年年初预算数32474.47万元增加3020.67万元，增长9.30%。"
	                          "主要原因是一般公共预算拨款增加，并安排使用上年结转资金。");
	b = find_block(s, "教育支出（类）");
	ck_assert(strstr(b->text, "下降10.71%，主要原因是所属幼儿园") != NULL);
	b = find_block(s, "2026年财政拨款“三公”经费预算25.40万元");
	ck_assert(strstr(b->text, "减少1.34万元，下降5.02%，主要原因：落实过紧日子要求") != NULL);
	ck_assert_int_eq(s->b[s->tables_part].kind, YS_B_PART);
	ck_assert(strstr(s->b[s->tables_part].text, "第二部分") != NULL);
	/* every block's text is its own; nothing unevaluated is left */
	for (int i = 0; i < s->n; i++)
		ck_assert_msg(!strchr(s->b[i].text, '{') && !strchr(s->b[i].text, '}'), "%s", s->b[i].text);
	ys_story_free(s);
	/* without last year: no comparison, no “比2025年” anywhere */
	s = story_of(y.doc, y.b, NULL, NULL);
	for (int i = 0; i < s->n; i++)
		ck_assert_msg(!strstr(s->b[i].text, "比2025年"), "%s", s->b[i].text);
	ck_assert_str_eq(find_block(s, "2026年度收入预算")->text, "2026年度收入预算35495.14万元。");
	ys_story_free(s);
	years_free(&y);
}
END_TEST

START_TEST(department_wording_replaces_a_section)
{
	yrs y;
	years(&y, EXAMPLE, EXAMPLE_PREV);
	ys_budget *b = y.b;
	ys_text *t = realloc(b->texts, sizeof *t * (size_t)(b->ntexts + 3));
	b->texts = t;
	t[b->ntexts++] = (ys_text){ "terms", "", { "texts.csv", 9 } }; /* left out */
	t[b->ntexts++] = (ys_text){ "sangong", "# 三公经费\n本部门{year}年“三公”经费{sangong}万元。\n+++ 其中一项。",
		                    { "texts.csv", 10 } };
	t[b->ntexts++] = (ys_text){ "title", "{dept}\n{year}年部门预算", { "texts.csv", 11 } };
	ys_story *s = story_of(y.doc, b, y.chg, NULL);
	ck_assert_ptr_null(find_block(s, "名词解释"));
	ck_assert_str_eq(find_block(s, "三公经费")->marker, "四、");
	ck_assert_str_eq(find_block(s, "本部门2026年“三公”经费25.40万元。")->marker, "");
	ck_assert_str_eq(find_block(s, "其中一项。")->marker, "1.");
	ck_assert_str_eq(find_block(s, "其他情况说明")->marker, "五、");
	ck_assert_str_eq(s->title, "北京市机关事务管理中心\n2026年部门预算");
	ys_story_free(s);
	/* the department's wording is checked like a template, and says where it is */
	b->texts[b->ntexts - 2].text = "{nosuch}";
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_story_opts o = { NULL, b, y.chg, y.cat };
	ck_assert(ys_story_make(&ctx, y.doc, &o, &s) != YS_OK);
	ck_assert_msg(strstr(ctx.msg, "texts.csv:10（内容）:1:1: 没有“nosuch”这个名称") != NULL, "%s", ctx.msg);
	/* a template folder of one's own */
	char dir[] = "/tmp/yusuan-tpl-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char path[512];
	snprintf(path, sizeof path, "%s/10-only.txt", dir);
	FILE *f = fopen(path, "w");
	fputs("= 说明\n# 收入\n{dept}收入{income}万元\n接着一行。\n\n另一段。\n", f);
	fclose(f);
	b->ntexts = 0;
	s = story_of(y.doc, b, NULL, dir);
	ck_assert_int_eq(s->n, 4);
	ck_assert_str_eq(s->b[2].text, "北京市机关事务管理中心收入35495.14万元接着一行。");
	ck_assert_str_eq(s->b[3].text, "另一段。");
	ck_assert_str_eq(s->title, "北京市机关事务管理中心\n2026年度部门预算信息公开"); /* no title.txt */
	ys_story_free(s);
	unlink(path);
	o.tpldir = dir;
	ck_assert(ys_story_make(&ctx, y.doc, &o, &s) != YS_OK); /* no section at all */
	rmdir(dir);
	years_free(&y);
}
END_TEST

/* ---- the writers ---- */

static char *zip_entry(const char *path, const char *name)
{
	int err;
	zip_t *z = zip_open(path, ZIP_RDONLY, &err);
	ck_assert_ptr_nonnull(z);
	zip_stat_t st;
	ck_assert_msg(zip_stat(z, name, 0, &st) == 0, "%s lacks %s", path, name);
	char *buf = calloc(1, st.size + 1);
	zip_file_t *f = zip_fopen(z, name, 0);
	ck_assert(zip_fread(f, buf, st.size) == (zip_int64_t)st.size);
	zip_fclose(f);
	zip_close(z);
	return buf;
}

static int count_of(const char *s, const char *w)
{
	int n = 0;
	for (const char *p = s; (p = strstr(p, w)); p += strlen(w))
		n++;
	return n;
}

START_TEST(writers_hold_the_story_and_the_tables)
{
	yrs y;
	years(&y, EXAMPLE, EXAMPLE_PREV);
	ys_story *s = story_of(y.doc, y.b, y.chg, NULL);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_buf t = YS_BUF_INIT, h = YS_BUF_INIT;
	ck_assert(ys_story_write_text(&ctx, s, y.doc, &t) == YS_OK);
	ck_assert(ys_story_write_html(&ctx, s, y.doc, &h) == YS_OK);
	char dir[] = "/tmp/yusuan-docx-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char path[512];
	snprintf(path, sizeof path, "%s/r.docx", dir);
	ck_assert_msg(ys_story_write_docx(&ctx, s, y.doc, path) == YS_OK, "%s", ctx.msg);
	char *xml = zip_entry(path, "word/document.xml"), *sty = zip_entry(path, "word/styles.xml");
	/* every block in each, with its marker */
	for (int i = 0; i < s->n; i++) {
		char line[8192];
		snprintf(line, sizeof line, "%s%s", s->b[i].marker, s->b[i].text);
		ck_assert_msg(strstr(t.s, line) != NULL, "report.txt lacks %s", line);
		ck_assert_msg(strstr(xml, line) != NULL, "document.xml lacks %s", line);
	}
	/* the tables: the text layout in report.txt, real tables in the others */
	ys_buf tt = YS_BUF_INIT;
	ck_assert(ys_render_text(&ctx, y.doc, -1, &tt) == YS_OK);
	ck_assert(strstr(t.s, tt.s) != NULL);
	ck_assert_int_eq(count_of(xml, "<w:tbl>"), y.doc->ntables);
	ck_assert_int_eq(count_of(h.s, "<table class=\"budget\" id=\"t"), y.doc->ntables);
	/* headings with Word's own styles, one per heading */
	int heads = 0;
	for (int i = 0; i < s->n; i++)
		heads += s->b[i].kind != YS_B_PARA && s->b[i].kind != YS_B_ITEM;
	ck_assert_int_eq(count_of(xml, "<w:pStyle w:val=\"Heading"), heads);
	ck_assert(strstr(sty, "<w:name w:val=\"heading 1\"/>") && strstr(sty, "<w:outlineLvl w:val=\"0\"/>"));
	ck_assert(strstr(xml, "<w:tblHeader/>") && strstr(xml, "w:orient=\"landscape\""));
	/* merged header cells of 02: 本年收入 over its 小计 and 9 sources */
	ck_assert(strstr(xml, "<w:gridSpan w:val=\"10\"/>") != NULL);
	ck_assert(strstr(xml, "<w:vMerge w:val=\"restart\"/>") && strstr(xml, "<w:vMerge/>"));
	free(xml);
	free(sty);
	char *ct = zip_entry(path, "[Content_Types].xml");
	ck_assert(strstr(ct, "wordprocessingml.document.main+xml") != NULL);
	free(ct);
	unlink(path);
	rmdir(dir);
	ys_buf_release(&tt);
	ys_buf_release(&t);
	ys_buf_release(&h);
	ys_story_free(s);
	years_free(&y);
}
END_TEST

/* ---- the round trip ---- */

/* The report of b (against pb, when given) as a PDF, read back and checked:
 * the count of errors and of narrative findings (any severity), the
 * findings written into why. */
static void round_trip(const ys_budget *b, const ys_budget *pb, const ys_catalog *pcat, int *errors, int *narrative,
                       ys_buf *why)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc, *pdoc = NULL;
	ck_assert_msg(ys_compile(&ctx, b, test_catalog(), &doc) == YS_OK, "%s", ctx.msg);
	ys_figures *cf = figures_of(doc, b, test_catalog()), *pf = NULL;
	ys_changes *chg = NULL;
	if (pb) {
		ck_assert_msg(ys_compile(&ctx, pb, pcat, &pdoc) == YS_OK, "%s", ctx.msg);
		pf = figures_of(pdoc, pb, pcat);
		chg = changes_of(cf, pf, test_catalog(), pcat, b);
	}
	ys_story *s = story_of(doc, b, chg, NULL);
	char dir[] = "/tmp/yusuan-trip-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char path[512];
	snprintf(path, sizeof path, "%s/report.pdf", dir);
	ck_assert_msg(ys_story_write_pdf(&ctx, s, doc, path) == YS_OK, "%s", ctx.msg);
	ys_doc *back;
	ck_assert_msg(ys_doc_read_file(&ctx, path, &back) == YS_OK, "%s", ctx.msg);
	ck_assert_int_eq(back->ntables, doc->ntables);
	ys_report *rep = check_with(back, test_catalog(), NULL, NULL);
	*errors = rep->count[YS_SEV_ERROR];
	*narrative = 0;
	for (size_t i = 0; i < rep->nfindings; i++) {
		const ys_finding *f = &rep->findings[i];
		int narr = !strncmp(f->rule, "narrative.", 10);
		*narrative += narr;
		if (narr || f->sev == YS_SEV_ERROR)
			ys_buf_addf(why, "[%s] p%d %s\n", f->rule, f->page, f->message);
	}
	ys_report_free(rep);
	/* last year's figures the text prints or implies are last year's
	 * disclosure's (yoy.printed): counted with the narrative's */
	if (pdoc) {
		rep = check_with(back, test_catalog(), "yoy.printed", pdoc);
		*narrative += (int)rep->nfindings;
		for (size_t i = 0; i < rep->nfindings; i++)
			ys_buf_addf(why, "[%s] p%d %s\n", rep->findings[i].rule, rep->findings[i].page, rep->findings[i].message);
		ys_report_free(rep);
	}
	ys_doc_free(back);
	unlink(path);
	rmdir(dir);
	ys_story_free(s);
	ys_changes_free(chg);
	ys_figures_free(cf);
	ys_figures_free(pf);
	ys_doc_free(pdoc);
	ys_doc_free(doc);
}

START_TEST(example_report_reads_back_clean)
{
	yrs y;
	years(&y, EXAMPLE, EXAMPLE_PREV);
	int errors, narrative;
	ys_buf why = YS_BUF_INIT;
	round_trip(y.b, y.pb, y.pcat, &errors, &narrative, &why);
	ck_assert_msg(errors == 0 && narrative == 0, "%s", why.s);
	ys_buf_release(&why);
	years_free(&y);
}
END_TEST

/* yoy.printed on the example's report: last year's disclosure as compiled
 * agrees with every figure of last year the text prints or implies; with
 * its 三公 total and 公务接待费 changed, the two sentences that say them are
 * found (the one implies last year's total from this year's and the change,
 * the other prints it). */
static int cell_of(const ys_table *t, const char *id)
{
	for (int c = 0; c < t->def->ncols; c++)
		if (!strcmp(t->def->cols[c].id, id))
			return c;
	return -1;
}

START_TEST(last_years_figures_against_last_years_disclosure)
{
	yrs y;
	years(&y, EXAMPLE, EXAMPLE_PREV);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *pdoc;
	ck_assert_msg(ys_compile(&ctx, y.pb, y.pcat, &pdoc) == YS_OK, "%s", ctx.msg);
	ys_story *s = story_of(y.doc, y.b, y.chg, NULL);
	char dir[] = "/tmp/yusuan-yoy-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char path[512];
	snprintf(path, sizeof path, "%s/report.pdf", dir);
	ck_assert_msg(ys_story_write_pdf(&ctx, s, y.doc, path) == YS_OK, "%s", ctx.msg);
	ys_doc *back;
	ck_assert_msg(ys_doc_read_file(&ctx, path, &back) == YS_OK, "%s", ctx.msg);
	ys_report *rep = check_with(back, test_catalog(), "yoy.printed", pdoc);
	ck_assert_msg(rep->nfindings == 0, "%s", rep->nfindings ? rep->findings[0].message : "");
	ys_report_free(rep);
	/* without last year's disclosure nothing is compared */
	rep = check_with(back, test_catalog(), "yoy.printed", NULL);
	ck_assert_int_eq(rep->nfindings, 0);
	ys_report_free(rep);

	ys_table *t = pdoc->tables[YS_T09];
	int r = 0;
	while (r < t->nrows && t->rows[r].kind != YS_ROW_DATA)
		r++;
	ck_assert_int_lt(r, t->nrows);
	int ct = cell_of(t, "total"), cr = cell_of(t, "reception");
	ck_assert(ct >= 0 && cr >= 0);
	t->rows[r].cells[ct].amt.fen += 200000; /* 0.20 万元 more */
	t->rows[r].cells[cr].amt.fen += 200000;
	rep = check_with(back, test_catalog(), "yoy.printed", pdoc);
	int total = 0, reception = 0;
	for (size_t i = 0; i < rep->nfindings; i++) {
		const char *m = rep->findings[i].message;
		total += strstr(m, "比上年减少 1.34万元：上年应为 26.74万元") && strstr(m, "“三公”经费财政拨款预算总额为 26.942000 万元");
		reception += strstr(m, "上年的公务接待费写作 18.00万元") && strstr(m, "公务接待费为 18.200000 万元");
		ck_assert_int_eq(rep->findings[i].sev, YS_SEV_WARNING);
	}
	ck_assert_msg(total == 1 && reception == 1 && rep->nfindings == 2, "%zu findings, first: %s", rep->nfindings,
	              rep->nfindings ? rep->findings[0].message : "");
	ys_report_free(rep);
	ys_doc_free(back);
	unlink(path);
	rmdir(dir);
	ys_story_free(s);
	ys_doc_free(pdoc);
	years_free(&y);
}
END_TEST

/* Reasons for every change that needs one, as a department fills them in. */
static void give_reasons(ys_budget *b, const ys_budget *pb, const ys_catalog *pcat)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc, *pdoc;
	ck_assert(ys_compile(&ctx, b, test_catalog(), &doc) == YS_OK);
	ck_assert(ys_compile(&ctx, pb, pcat, &pdoc) == YS_OK);
	ys_figures *cf = figures_of(doc, b, test_catalog()), *pf = figures_of(pdoc, pb, pcat);
	ys_changes *chg = changes_of(cf, pf, test_catalog(), pcat, b);
	ck_assert(ys_reasons_fill(&ctx, b, chg) == YS_OK);
	for (int i = 0; i < b->nreasons; i++)
		b->reasons[i].text = "工作任务调整";
	ys_changes_free(chg);
	ys_figures_free(cf);
	ys_figures_free(pf);
	ys_doc_free(pdoc);
	ys_doc_free(doc);
}

START_TEST(random_budgets_round_trip)
{
	SAN_SAMPLE(_i);
	rng = 0x9E3779B97F4A7C15ULL ^ (uint64_t)(_i + 1) * 0x2545F4914F6CDD1DULL;
	ys_budget *b = random_budget(5 + (int)(rnd() % 40));
	ys_budget *pb = random_budget(5 + (int)(rnd() % 40));
	pb->year = 2025;
	b->admin = rnd() % 3 ? -1 : (int64_t)(rnd() % 100000000);
	pb->admin = rnd() % 2 ? -1 : (int64_t)(rnd() % 100000000);
	if (rnd() % 2) {
		b->vehicles = (int)(rnd() % 50);
		b->equip = (int)(rnd() % 5);
		b->equip_new = (int)(rnd() % 3);
	}
	ys_catalog *pcat = catalog_of(2025);
	give_reasons(b, pb, pcat);
	int errors, narrative;
	ys_buf why = YS_BUF_INIT;
	round_trip(b, pb, pcat, &errors, &narrative, &why);
	ck_assert_msg(errors == 0 && narrative == 0, "budget %d: %s", _i, why.s);
	ys_buf_release(&why);
	ys_catalog_free(pcat);
	ys_budget_free(pb);
	ys_budget_free(b);
}
END_TEST


/* ---- planted errors: issue 13's sweep on a generated report ----
 *
 * As tests/unit/test_narrative.c plants errors into the Beijing narratives
 * (sweep_text): every figure the tables hold has a digit changed, every
 * change has its direction word swapped, every statement of the budget has
 * its year put back a year, one at a time, in report.txt's text; each must
 * be caught by a narrative rule at its sentence (or, for the random
 * reports, checked with last year's disclosure, by yoy.printed). */

static int sweep_checkable(const ys_nfig *f)
{
	switch (f->subj) {
	case YS_NS_INCOME: case YS_NS_EXPEND: case YS_NS_FISCAL_IN: case YS_NS_GP_IN: case YS_NS_GF_IN:
	case YS_NS_SOC_IN: case YS_NS_OTHER_IN: case YS_NS_SPECIAL_IN: case YS_NS_SHIYE_IN: case YS_NS_UPPER_IN:
	case YS_NS_AFFIL_IN: case YS_NS_OPER_IN: case YS_NS_OTHERINC_IN: case YS_NS_CARRY: case YS_NS_BASIC:
	case YS_NS_PROJECT: case YS_NS_OPER_OUT: case YS_NS_UPPER_OUT: case YS_NS_SUBSID_OUT: case YS_NS_YEAREND:
	case YS_NS_SANGONG: case YS_NS_ABROAD: case YS_NS_RECEPTION: case YS_NS_CAR: case YS_NS_CAR_BUY:
	case YS_NS_CAR_RUN: case YS_NS_PROC: case YS_NS_PROC_GOODS: case YS_NS_PROC_WORKS: case YS_NS_PROC_SERV:
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

/* Where the k-th whole occurrence of number num on line `line` starts, and
 * *end where it ends; -1. */
static long number_at_line(const char *text, int line, const char *num, int k, long *end)
{
	long a = 0;
	for (int l = 1; l < line && text[a]; a++)
		l += text[a] == '\n';
	long z = a;
	while (text[z] && text[z] != '\n')
		z++;
	size_t nl = strlen(num);
	int seen = 0;
	for (long i = a; i + (long)nl <= z; i++) {
		if (strncmp(text + i, num, nl))
			continue;
		long j = i + (long)nl;
		int before = i > a ? (unsigned char)text[i - 1] : ' ', after = (unsigned char)text[j];
		if ((before >= '0' && before <= '9') || before == '.' || (after >= '0' && after <= '9') || after == '.')
			continue;
		if (seen++ < k)
			continue;
		*end = j;
		return i;
	}
	return -1;
}

/* How many figures before figure i on its line print the same number. */
static int same_before(const ys_narrative *n, int i, const char *num)
{
	int k = 0;
	for (int j = 0; j < i; j++)
		if (n->figs[j].line == n->figs[i].line && (n->figs[j].unit == YS_NU_WANYUAN || n->figs[j].unit == YS_NU_PERCENT)) {
			char nj[64];
			number_text(&n->figs[j], nj, sizeof nj);
			k += !strcmp(nj, num);
		}
	return k;
}

static void set_prose(ys_doc *doc, const char *text)
{
	free(doc->prose);
	doc->prose = NULL;
	doc->nprose = 0;
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ck_assert_msg(ys_doc_add_prose_text(&ctx, doc, "report.txt", text, strlen(text)) == YS_OK, "%s", ctx.msg);
}

/* Narrative findings of doc with text as its prose (and yoy.printed's,
 * with last year's disclosure prev): all, and at line sline. */
static int narrative_at(ys_doc *doc, const ys_doc *prev, const char *text, int sline, int *all, ys_buf *why)
{
	set_prose(doc, text);
	ys_report *rep = check_with(doc, test_catalog(), NULL, prev);
	int at = 0;
	*all = 0;
	for (size_t i = 0; i < rep->nfindings; i++) {
		const ys_finding *f = &rep->findings[i];
		if (strncmp(f->rule, "narrative.", 10) && strcmp(f->rule, "yoy.printed"))
			continue;
		(*all)++;
		at += f->line == sline;
		if (why)
			ys_buf_addf(why, "[%s] %d %s\n", f->rule, f->line, f->message);
	}
	ys_report_free(rep);
	return at;
}

typedef struct sweep {
	int planted, caught;
	ys_buf missed;
	const ys_doc *prev; /* last year's disclosure, or NULL */
} sweep;

static void plant(sweep *sw, ys_doc *doc, char *text2, int sline, const char *what)
{
	int all;
	sw->planted++;
	if (narrative_at(doc, sw->prev, text2, sline, &all, NULL))
		sw->caught++;
	else
		ys_buf_addf(&sw->missed, "%s (line %d); ", what, sline);
	free(text2);
}

/* The report's text (report.txt up to its tables) and its tables, planted. */
static void sweep_report(const ys_story *s, const ys_doc *cdoc, sweep *sw)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_buf all = YS_BUF_INIT, tables = YS_BUF_INIT;
	ck_assert(ys_story_write_text(&ctx, s, cdoc, &all) == YS_OK);
	ck_assert(ys_render_text(&ctx, cdoc, -1, &tables) == YS_OK);
	ck_assert(all.len > tables.len && !strcmp(all.s + all.len - tables.len, tables.s));
	char *text = strndup(all.s, all.len - tables.len);
	ys_doc *doc;
	ck_assert(ys_doc_read_text(&ctx, "report.txt", tables.s, tables.len, &doc) == YS_OK);
	int n0;
	ys_buf why = YS_BUF_INIT;
	narrative_at(doc, sw->prev, text, -1, &n0, &why);
	ck_assert_msg(n0 == 0, "the unplanted report has narrative findings: %s", why.s);
	ys_buf_release(&why);
	ys_narrative *n;
	ck_assert(ys_narrative_read_text(&ctx, "report.txt", text, strlen(text), 0, &n) == YS_OK);
	int year = s->year;
	for (int i = 0; i < n->nfigs; i++) {
		const ys_nfig *f = &n->figs[i];
		const ys_nblock *b = &n->blocks[n->sents[f->sent].block];
		if (!sweep_checkable(f) || b->section == YS_NSEC_TERMS || b->section == YS_NSEC_TRANSFER)
			continue;
		char num[64];
		number_text(f, num, sizeof num);
		long j, at = number_at_line(text, f->line, num, same_before(n, i, num), &j);
		ck_assert_msg(at >= 0, "%s not on line %d", num, f->line);
		long u = -1; /* the units digit */
		for (long q = at; q < j && text[q] != '.'; q++)
			if (text[q] >= '0' && text[q] <= '9')
				u = q;
		char *t2 = strdup(text);
		t2[u] = (char)('0' + (t2[u] - '0' + 2) % 10);
		plant(sw, doc, t2, n->sents[f->sent].line, f->text);
	}
	/* direction words: 增加 <-> 减少, 增长 <-> 下降 */
	static const char *const swaps[][2] = { { "减少", "增加" }, { "增加", "减少" }, { "下降", "增长" }, { "增长", "下降" } };
	for (int i = 0; i < n->nfigs; i++) {
		const ys_nfig *f = &n->figs[i];
		if ((f->role != YS_NR_CHANGE && f->role != YS_NR_RATE) || !f->dir || f->mant == 0)
			continue;
		char num[64];
		number_text(f, num, sizeof num);
		long fe, fp = number_at_line(text, f->line, num, same_before(n, i, num), &fe);
		ck_assert(fp >= 0);
		for (size_t k = 0; k < 4; k++) {
			size_t wl = strlen(swaps[k][0]);
			if (fp >= (long)wl && !strncmp(text + fp - wl, swaps[k][0], wl)) {
				ys_buf nb = YS_BUF_INIT;
				ys_buf_add(&nb, text, (size_t)(fp - (long)wl));
				ys_buf_adds(&nb, swaps[k][1]);
				ys_buf_adds(&nb, text + fp);
				plant(sw, doc, ys_buf_detach(&nb, NULL), n->sents[f->sent].line, swaps[k][0]);
				break;
			}
		}
	}
	/* the year of each statement of the budget's own figures */
	char y4[16], y3[16];
	snprintf(y4, sizeof y4, "%d年", year);
	snprintf(y3, sizeof y3, "%d年", year - 1);
	for (int si = 0; si < n->nsents; si++) {
		const ys_nsent *st = &n->sents[si];
		const ys_nblock *b = &n->blocks[st->block];
		if (b->kind != YS_NK_TEXT || !strstr(st->text, y4) || !st->nfig)
			continue;
		int own = 0;
		for (int k = st->fig0; k < st->fig0 + st->nfig; k++)
			own |= n->figs[k].year == year && sweep_checkable(&n->figs[k]) && n->figs[k].role == YS_NR_VALUE;
		if (!own)
			continue;
		long a = 0;
		for (int c = 1; c < st->line && text[a]; a++)
			c += text[a] == '\n';
		char *hit = strstr(text + a, y4);
		ck_assert_ptr_nonnull(hit);
		char *t2 = strdup(text);
		memcpy(t2 + (hit - text), y3, strlen(y3));
		plant(sw, doc, t2, st->line, y4);
	}
	ys_narrative_free(n);
	ys_doc_free(doc);
	free(text);
	ys_buf_release(&all);
	ys_buf_release(&tables);
}

START_TEST(planted_errors_in_a_generated_report_are_caught)
{
	yrs y;
	years(&y, EXAMPLE, EXAMPLE_PREV);
	ys_story *s = story_of(y.doc, y.b, y.chg, NULL);
	sweep sw = { 0, 0, YS_BUF_INIT, NULL };
	sweep_report(s, y.doc, &sw);
	fprintf(stderr, "report sweep (example): planted %d, caught %d\n", sw.planted, sw.caught);
	ck_assert_msg(sw.caught == sw.planted, "missed: %s", sw.missed.s);
	ck_assert_int_gt(sw.planted, 40);
	ys_buf_release(&sw.missed);
	ys_story_free(s);
	years_free(&y);
}
END_TEST

START_TEST(planted_errors_in_random_reports_are_caught)
{
	SAN_SAMPLE(_i);
	rng = 0x5851F42D4C957F2DULL ^ (uint64_t)(_i + 1) * 0x9E3779B97F4A7C15ULL;
	ys_budget *b = random_budget(5 + (int)(rnd() % 30)), *pb = random_budget(5 + (int)(rnd() % 30));
	pb->year = 2025;
	ys_catalog *pcat = catalog_of(2025);
	give_reasons(b, pb, pcat);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc, *pdoc;
	ck_assert(ys_compile(&ctx, b, test_catalog(), &doc) == YS_OK);
	ck_assert(ys_compile(&ctx, pb, pcat, &pdoc) == YS_OK);
	ys_figures *cf = figures_of(doc, b, test_catalog()), *pf = figures_of(pdoc, pb, pcat);
	ys_changes *chg = changes_of(cf, pf, test_catalog(), pcat, b);
	ys_story *s = story_of(doc, b, chg, NULL);
	/* the text alone cannot tell last year's figures (a change of 2.02
	 * 万元 printed for 0.02, a rate of 102 % for 100 % from a last year of
	 * 0.06 万元): last year's disclosure, which the report was written
	 * against, is given to check (yoy.printed) */
	sweep sw = { 0, 0, YS_BUF_INIT, pdoc };
	sweep_report(s, doc, &sw);
	ck_assert_msg(sw.caught == sw.planted, "budget %d missed: %s", _i, sw.missed.s);
	ck_assert_int_gt(sw.planted, 20);
	ys_buf_release(&sw.missed);
	ys_story_free(s);
	ys_changes_free(chg);
	ys_figures_free(cf);
	ys_figures_free(pf);
	ys_doc_free(pdoc);
	ys_doc_free(doc);
	ys_catalog_free(pcat);
	ys_budget_free(pb);
	ys_budget_free(b);
}
END_TEST

/* ---- docs ---- */

START_TEST(docs_say_the_subjects_and_names)
{
	size_t n;
	char *doc = slurp(YS_DATADIR "/../docs/report.md", &n);
	for (int i = 0; ys_subject_get(i); i++) {
		const ys_subject *s = ys_subject_get(i);
		char row[256];
		snprintf(row, sizeof row, "| `%s` | %s |", s->id, s->zh);
		ck_assert_msg(strstr(doc, row) != NULL, "docs/report.md lacks the row %s", row);
	}
	/* every name the default template can read */
	yrs y;
	years(&y, EXAMPLE, EXAMPLE_PREV);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_story_opts o = { NULL, y.b, y.chg, y.cat };
	ys_buf names = YS_BUF_INIT;
	ck_assert(ys_story_names_doc(&ctx, y.doc, &o, &names) == YS_OK);
	for (const char *p = names.s; (p = strstr(p, "| `"));) {
		p += 3;
		const char *e = strchr(p, '`');
		char name[256];
		snprintf(name, sizeof name, "`%.*s`", (int)(e - p), p);
		/* a change's fields are documented once, as `X.prev` …; a text as `text.NAME` */
		static const char *const fields[] = { "has_prev`", "prev`", "diff`", "change`", "dir`", "rate`",
			                              "needs_reason`", "new`", "gone`", "reason`" };
		int generic = strncmp(name, "`text.", 6) == 0;
		for (int i = 0; ys_subject_get(i) && !generic; i++) {
			char pre[128];
			snprintf(pre, sizeof pre, "`%s.", ys_subject_get(i)->id);
			for (size_t k = 0; k < sizeof fields / sizeof fields[0] && !generic; k++)
				generic = !strncmp(name, pre, strlen(pre)) && !strcmp(name + strlen(pre), fields[k]);
		}
		/* a list's field: the list and the field, each named */
		const char *br = strstr(name, "[].");
		if (br) {
			char list[128], field[128];
			snprintf(list, sizeof list, "%.*s`", (int)(br - name), name);
			snprintf(field, sizeof field, "`%s", br + 3);
			ck_assert_msg(strstr(doc, list) && strstr(doc, field), "docs/report.md lacks %s or %s", list, field);
			generic = 1;
		}
		ck_assert_msg(generic || strstr(doc, name) != NULL, "docs/report.md lacks the name %s", name);
		p = e;
	}
	ys_buf_release(&names);
	years_free(&y);
	free(doc);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("write");
	TCase *tc = tcase_create("write");
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, template_values_and_words);
	tcase_add_test(tc, template_conditionals);
	tcase_add_test(tc, template_lists_and_standalone_lines);
	tcase_add_test(tc, template_errors_say_where);
	tcase_add_test(tc, money_and_percent_formats);
	tcase_add_test(tc, figures_are_the_tables_cells);
	tcase_add_test(tc, admin_of_jiguan_units);
	tcase_add_test(tc, codes_moved_between_catalogs_are_matched);
	tcase_add_test(tc, thresholds_are_data);
	tcase_add_test(tc, reasons_name_their_subjects);
	tcase_add_test(tc, previous_from_a_detail_or_a_disclosure);
	tcase_add_test(tc, reasons_rule_points_at_the_line_to_fill);
	tcase_add_test(tc, story_numbers_like_beijing);
	tcase_add_test(tc, department_wording_replaces_a_section);
	tcase_add_test(tc, writers_hold_the_story_and_the_tables);
	tcase_add_test(tc, example_report_reads_back_clean);
	tcase_add_test(tc, last_years_figures_against_last_years_disclosure);
	tcase_add_test(tc, planted_errors_in_a_generated_report_are_caught);
	tcase_add_loop_test(tc, planted_errors_in_random_reports_are_caught, 0, 8);
	tcase_add_loop_test(tc, random_budgets_round_trip, 0, 40);
	tcase_add_test(tc, docs_say_the_subjects_and_names);
	suite_add_tcase(s, tc);
	return s;
}
