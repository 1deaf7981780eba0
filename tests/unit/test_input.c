/*
 * test_input.c - the detailed budget's reader: errors collected like a
 * compiler's, each at its place (file:line:column, or a workbook's
 * sheet!A1), codes and the names written after them, the forms of 采购类别,
 * one rule for decimals in CSV and XLSX, indicator words checked when read,
 * and the file a balance error blames.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "seedutil.h"
#include "read/input_int.h"

#define EXAMPLE YS_TESTDIR "/../examples/2026-beijing-jiguan-shiwu"

/* An edit of one line of one file of the example: from -> to; to NULL
 * blanks the line (from is all of it); line 0 drops the file. */
typedef struct fedit {
	const char *file;
	int line;
	const char *from, *to;
} fedit;

static char dir[64];

static void rm_dir(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		char p[512];
		if (e->d_name[0] == '.')
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		unlink(p);
	}
	if (d)
		closedir(d);
	rmdir(dir);
}

/* The example's CSV files in a fresh folder, edited. */
static const char *example_with(const fedit *e, int ne)
{
	snprintf(dir, sizeof dir, "/tmp/ys_in_%d", (int)getpid());
	rm_dir();
	ck_assert_int_eq(mkdir(dir, 0777), 0);
	DIR *d = opendir(EXAMPLE);
	ck_assert_ptr_nonnull(d);
	struct dirent *de;
	int used[32] = { 0 };
	while ((de = readdir(d))) {
		size_t n = strlen(de->d_name);
		if (n < 5 || strcmp(de->d_name + n - 4, ".csv"))
			continue;
		int drop = 0;
		edit le[8];
		int nle = 0;
		for (int i = 0; i < ne; i++) {
			if (strcmp(e[i].file, de->d_name))
				continue;
			used[i] = 1;
			if (e[i].line == 0)
				drop = 1;
			else if (e[i].to)
				le[nle++] = (edit){ e[i].line, e[i].from, e[i].to };
			else /* the line's text (from) dropped: a blank line, which the reader skips */
				le[nle++] = (edit){ e[i].line, e[i].from, "" };
		}
		if (drop)
			continue;
		char src[512], dst[512];
		snprintf(src, sizeof src, "%s/%s", EXAMPLE, de->d_name);
		snprintf(dst, sizeof dst, "%s/%s", dir, de->d_name);
		size_t len;
		char *text = file_text(src, le, nle, &len);
		FILE *f = fopen(dst, "w");
		ck_assert_ptr_nonnull(f);
		fwrite(text, 1, len, f);
		fclose(f);
		free(text);
	}
	closedir(d);
	for (int i = 0; i < ne; i++)
		ck_assert_msg(used[i], "no file %s in the example", e[i].file);
	return dir;
}

/* Read path collecting every error; returns the result. */
static ys_result read_all(const char *path, ys_diags *dl, ys_budget **b, ys_ctx *ctx)
{
	ys_ctx_init(ctx);
	ys_diags_init(dl);
	return ys_input_read_all(ctx, path, dl, b);
}

/* The diagnostic whose place ends with place and whose message holds msg. */
static const ys_diag *diag_at(const ys_diags *dl, const char *place, const char *msg)
{
	for (size_t i = 0; i < dl->n; i++) {
		size_t n = strlen(dl->d[i].place), k = strlen(place);
		if (n >= k && !strcmp(dl->d[i].place + n - k, place) && strstr(dl->d[i].msg, msg))
			return &dl->d[i];
	}
	return NULL;
}

static void dump(const ys_diags *dl)
{
	for (size_t i = 0; i < dl->n; i++)
		fprintf(stderr, "  [%zu] %s: %s\n", i, dl->d[i].place, dl->d[i].msg);
}

#define ASSERT_DIAG(dl, place, msg)                                                                                   \
	do {                                                                                                           \
		if (!diag_at(dl, place, msg)) {                                                                        \
			dump(dl);                                                                                      \
			ck_abort_msg("no error at %s saying '%s'", place, msg);                                       \
		}                                                                                                      \
	} while (0)

/* ---- errors collected like a compiler's ---- */

START_TEST(every_error_of_a_run_at_its_place)
{
	/* two typos in items.csv (the issue: two typos, two runs), one in units.csv */
	static const fedit e[] = {
		{ "items.csv", 3, ",200.000000", ",二百" },
		{ "items.csv", 5, ",607.148600", ",607.1486x" },
		{ "units.csv", 3, ",事业单位", ",企业" },
	};
	ys_diags dl;
	ys_budget *b = (ys_budget *)1;
	ys_ctx ctx;
	ck_assert_int_eq(read_all(example_with(e, 3), &dl, &b, &ctx), YS_EPARSE);
	ck_assert_ptr_null(b);
	ck_assert_uint_eq(dl.n, 3);
	ck_assert_int_eq(dl.stopped, 0);
	/* in reading order: units before items; columns count characters */
	ASSERT_DIAG(&dl, "/units.csv:3:15", "单位类型“企业”");
	ASSERT_DIAG(&dl, "/items.csv:3:42", "金额“二百”不是以万元为单位的金额");
	ASSERT_DIAG(&dl, "/items.csv:5:51", "金额“607.1486x”"); /* at the x */
	ck_assert_ptr_eq(diag_at(&dl, "/units.csv:3:15", ""), &dl.d[0]);
	/* ctx says the first, as before */
	ck_assert_msg(strstr(ctx.msg, "units.csv:3:15: 单位类型“企业”"), "%s", ctx.msg);
	ys_diags_release(&dl);
	rm_dir();
}
END_TEST

START_TEST(every_bad_cell_of_a_row)
{
	static const fedit e[] = { { "items.csv", 4, ",2010350,30101,一般公共预算,,基本支出,,667.596000",
		                     ",201035X,30101,一般公共预算,,基础,,667.5960001" } };
	ys_diags dl;
	ys_budget *b;
	ys_ctx ctx;
	ck_assert_int_eq(read_all(example_with(e, 1), &dl, &b, &ctx), YS_EPARSE);
	if (dl.n != 3)
		dump(&dl);
	ck_assert_uint_eq(dl.n, 3);
	ASSERT_DIAG(&dl, "/items.csv:4:21", "功能分类“201035X”：编码 201035 后面的“X”不是名称");
	ASSERT_DIAG(&dl, "/items.csv:4:37", "支出类型“基础”不是可选的值");
	ASSERT_DIAG(&dl, "/items.csv:4:51", "小数位数超过单位所允许的");
	ys_diags_release(&dl);
	rm_dir();
}
END_TEST

START_TEST(at_most_the_limit_then_it_stops)
{
	/* 60 bad rows: 50 reported, then reading stops */
	ys_buf rows = YS_BUF_INIT;
	ys_buf_adds(&rows, ",200.000000");
	for (int i = 0; i < 60; i++)
		ys_buf_addf(&rows, "\n北京市机关事务管理中心本级,2010350,30101,单位资金,是,基本支出,,x%d", i);
	fedit e[] = { { "items.csv", 3, ",200.000000", rows.s } };
	ys_diags dl;
	ys_budget *b;
	ys_ctx ctx;
	ck_assert_int_eq(read_all(example_with(e, 1), &dl, &b, &ctx), YS_EPARSE);
	ck_assert_uint_eq(dl.n, YS_INPUT_ERRORS_MAX);
	ck_assert_int_eq(dl.stopped, 1);
	ASSERT_DIAG(&dl, "/items.csv:4:42", "“x0”");
	ASSERT_DIAG(&dl, "/items.csv:53:42", "“x49”");
	ck_assert_ptr_null(diag_at(&dl, "/items.csv:54:42", ""));
	ys_diags_release(&dl);
	ys_buf_release(&rows);
	rm_dir();
}
END_TEST

START_TEST(a_bad_header_is_said_once)
{
	/* units.csv's 单位类型 misspelt: the header's two errors, and the items,
	 * projects that name its units are not reported again */
	static const fedit e[] = { { "units.csv", 2, "单位类型", "单位类形" } };
	ys_diags dl;
	ys_budget *b;
	ys_ctx ctx;
	ck_assert_int_eq(read_all(example_with(e, 1), &dl, &b, &ctx), YS_EPARSE);
	ck_assert_uint_eq(dl.n, 2);
	ASSERT_DIAG(&dl, "/units.csv:2:6", "单位表没有“单位类形”这一列");
	ASSERT_DIAG(&dl, "/units.csv:2", "单位表缺少“单位类型”列（type）");
	ys_diags_release(&dl);
	rm_dir();
}
END_TEST

START_TEST(a_file_that_cannot_be_read_leaves_the_others)
{
	static const fedit e[] = {
		{ "income.csv", 0, NULL, NULL },                    /* a required file missing */
		{ "projects.csv", 3, "11000022Y0000004247 65,", "\"11000022Y0000004247 65," }, /* an open quote */
		{ "items.csv", 3, ",200.000000", ",二百" },
	};
	ys_diags dl;
	ys_budget *b;
	ys_ctx ctx;
	ys_result r = read_all(example_with(e, 3), &dl, &b, &ctx);
	ck_assert_int_eq(r, YS_EIO); /* the first error's code */
	ck_assert_uint_eq(dl.n, 3);
	ck_assert_int_eq(dl.d[0].code, YS_EIO);
	ASSERT_DIAG(&dl, dir, "没有 income.csv（收入）：此表必填");
	ck_assert_msg(strstr(dl.d[1].msg, "projects.csv:"), "%s", dl.d[1].msg); /* the CSV reader's own place */
	ASSERT_DIAG(&dl, "/items.csv:3:42", "二百");
	/* the projects the unreadable file held are not blamed on the items */
	ck_assert_ptr_null(diag_at(&dl, "", "不在项目表"));
	ys_diags_release(&dl);
	rm_dir();
}
END_TEST

START_TEST(without_a_list_ctx_has_the_first)
{
	static const fedit e[] = {
		{ "items.csv", 3, ",200.000000", ",二百" },
		{ "items.csv", 4, ",667.596000", ",x" },
	};
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_budget *b = (ys_budget *)1;
	ck_assert_int_eq(ys_input_read(&ctx, example_with(e, 2), &b), YS_EPARSE);
	ck_assert_ptr_null(b);
	ck_assert_msg(strstr(ctx.msg, "items.csv:3:42: 金额“二百”"), "%s", ctx.msg);
	rm_dir();
}
END_TEST

/* ---- codes and the names after them ---- */

START_TEST(codes_with_names_and_junk)
{
	static const struct { const char *written; const char *code, *name, *err; } cases[] = {
		{ "30101", "30101", NULL, NULL },
		{ "30101-基本工资", "30101", "基本工资", NULL },
		{ "30101 基本工资", "30101", "基本工资", NULL },
		{ "30101基本工资", "30101", "基本工资", NULL },
		{ "30101—基本工资", "30101", "基本工资", NULL },
		{ "３０１０１－基本工资", "30101", "基本工资", NULL }, /* full width, NFKC */
		{ "30101　基本工资", "30101", "基本工资", NULL },     /* U+3000 */
		{ " 30101 ", "30101", NULL, NULL },
		{ " 30101X", NULL, NULL, "items.csv:3:29: 经济分类“ 30101X”：编码 30101 后面的“X”" }, /* the column counts the space */
		{ "30101X", NULL, NULL, "items.csv:3:28: 经济分类“30101X”：编码 30101 后面的“X”不是名称" },
		{ "301019", NULL, NULL, "items.csv:3:" }, /* 6 digits: not a 款 nor a local code */
		{ "30101-", NULL, NULL, "items.csv:3:28: 经济分类“30101-”：编码 30101 后只有分隔符，没有名称" },
		{ "X30101", NULL, NULL, "items.csv:3:23: 经济分类“X30101”不是科目编码" },
		{ "3010112345", NULL, NULL, "编码有 10 位，太长" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char to[128];
		snprintf(to, sizeof to, ",2010350,%s,", cases[i].written);
		fedit e[] = { { "items.csv", 3, ",2010350,30101,", to } };
		ys_diags dl;
		ys_budget *b = NULL;
		ys_ctx ctx;
		ys_result r = read_all(example_with(e, 1), &dl, &b, &ctx);
		if (cases[i].err) {
			ck_assert_msg(r == YS_EPARSE && dl.n == 1, "'%s' read (%zu errors)", cases[i].written, dl.n);
			ck_assert_msg(strstr(ctx.msg, cases[i].err), "'%s': %s", cases[i].written, ctx.msg);
		} else {
			ck_assert_msg(r == YS_OK, "'%s': %s", cases[i].written, ctx.msg);
			ck_assert_str_eq(b->items[0].econ, cases[i].code);
			if (cases[i].name)
				ck_assert_str_eq(b->items[0].named[1], cases[i].name);
			else
				ck_assert_ptr_null(b->items[0].named[1]);
			ys_budget_free(b);
		}
		ys_diags_release(&dl);
		rm_dir();
	}
}
END_TEST

/* The findings of one rule on the example with edits. */
static ys_report *check_example(const fedit *e, int ne)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_budget *b;
	ck_assert_msg(ys_input_read(&ctx, example_with(e, ne), &b) == YS_OK, "%s", ctx.msg);
	ys_report *rep;
	ck_assert_int_eq(ys_check_budget(&ctx, b, test_catalog(), &rep), YS_OK);
	ys_budget_free(b);
	rm_dir();
	return rep;
}

static const ys_finding *finding_of(const ys_report *rep, const char *rule, int nth)
{
	for (size_t i = 0; i < rep->nfindings; i++)
		if (!strcmp(rep->findings[i].rule, rule) && nth-- == 0)
			return &rep->findings[i];
	return NULL;
}

START_TEST(a_name_that_is_not_the_codes)
{
	/* the 2011301-事业运行 and 30211-办公费: the catalog's rows are
	 * seen, so an error naming both names */
	static const fedit e[] = {
		{ "items.csv", 3, ",2010350,30101,", ",2011301-事业运行,30101," },
		{ "items.csv", 4, ",2010350,30101,", ",2010350-事业运行,30211-办公费," },
		{ "items.csv", 5, ",2010350,30102,", ",2010350 事业运行,30102-津贴补贴," }, /* right: nothing */
	};
	ys_report *rep = check_example(e, 3);
	const ys_finding *f = finding_of(rep, "detail.code_names", 0), *g = finding_of(rep, "detail.code_names", 1);
	ck_assert_ptr_nonnull(f);
	ck_assert_ptr_nonnull(g);
	ck_assert_ptr_null(finding_of(rep, "detail.code_names", 2));
	ck_assert_int_eq(f->sev, YS_SEV_ERROR);
	ck_assert_int_eq(f->line, 3);
	ck_assert_str_eq(f->message, "支出功能分类 2011301 写作“事业运行”，2026 年分类目录中是“行政运行”：请改正编码或名称");
	ck_assert_int_eq(g->sev, YS_SEV_ERROR);
	ck_assert_int_eq(g->line, 4);
	ck_assert(strstr(g->message, "30211 写作“办公费”，2026 年分类目录中是“差旅费”"));
	ys_report_free(rep);
}
END_TEST

START_TEST(a_name_against_an_unsure_row_or_the_codes_sheet_warns)
{
	static const fedit e[] = {
		/* 39999 其他支出 is a medium row of the catalog */
		{ "items.csv", 3, ",2010350,30101,", ",2010350,39999-其它," },
		/* 3021101 is named 差旅费 by the codes sheet */
		{ "items.csv", 15, ",3021101,", ",3021101-旅费," },
	};
	ys_report *rep = check_example(e, 2);
	const ys_finding *f = finding_of(rep, "detail.code_names", 0), *g = finding_of(rep, "detail.code_names", 1);
	ck_assert_ptr_nonnull(f);
	ck_assert_ptr_nonnull(g);
	ck_assert_int_eq(f->sev, YS_SEV_WARNING);
	ck_assert(strstr(f->message, "39999 写作“其它”，2026 年分类目录中是“其他支出”（目录这一行的可信度为 medium"));
	ck_assert_int_eq(g->sev, YS_SEV_WARNING);
	ck_assert_int_eq(g->line, 15);
	ck_assert_msg(strstr(g->message, "3021101 写作“旅费”，科目名称表（") && strstr(g->message, "codes.csv:4）中是“差旅费”"),
	              "%s", g->message);
	ys_report_free(rep);
}
END_TEST

/* ---- funds: one list of spellings for income, carryover and items ---- */

START_TEST(every_fund_word_on_every_sheet)
{
	/* words the income sheet took that items and carryover once refused */
	static const struct { const char *file; int line; const char *from, *to; } ok[] = {
		{ "items.csv", 4, ",一般公共预算,", ",一般公共预算拨款收入," },
		{ "carryover.csv", 3, "一般公共预算,", "一般公共预算拨款收入," },
		{ "income.csv", 3, "一般公共预算,", "一般公共预算拨款收入," },
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		fedit e[] = { { ok[i].file, ok[i].line, ok[i].from, ok[i].to } };
		ys_ctx ctx;
		ys_ctx_init(&ctx);
		ys_budget *b;
		ck_assert_msg(ys_input_read(&ctx, example_with(e, 1), &b) == YS_OK, "%s: %s", ok[i].file, ctx.msg);
		ys_budget_free(b);
		rm_dir();
	}
	/* every spelling of every income or carry-over source is a fund's */
	static const char *const words[] = { "一般公共预算拨款收入", "财政专户管理资金收入", "政府性基金", "经营收入",
		                             "上级补助", "附属单位上缴", "单位资金" };
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		int v;
		ck_assert_msg(ys_input_enum_value("fund", words[i], strlen(words[i]), &v) == 0, "%s", words[i]);
	}
	/* a fund the sheet does not take is still refused there */
	fedit e[] = { { "carryover.csv", 3, "一般公共预算,", "事业收入," } };
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_budget *b;
	ck_assert_int_eq(ys_input_read(&ctx, example_with(e, 1), &b), YS_EPARSE);
	ck_assert_msg(strstr(ctx.msg, "“事业收入”不是可选的值"), "%s", ctx.msg);
	rm_dir();
}
END_TEST

/* ---- 采购类别 ---- */

START_TEST(every_procurement_category_form)
{
	static const struct { const char *written; char cat; } ok[] = {
		{ "A", 'A' }, { "a", 'A' }, { "A-货物", 'A' }, { "A 货物", 'A' }, { "A货物", 'A' }, { "货物", 'A' },
		{ "Ａ－货物", 'A' }, { "Ａ　货物", 'A' }, { "A—货物", 'A' }, { "A类货物", 'A' }, { "A、货物", 'A' },
		{ "goods", 'A' }, { "B 工程", 'B' }, { "工程", 'B' }, { "C-服务", 'C' }, { "Ｃ服务", 'C' }, { "C", 'C' },
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		char to[64];
		snprintf(to, sizeof to, "%s,", ok[i].written);
		fedit e[] = { { "procurement.csv", 3, "A,", to } };
		ys_ctx ctx;
		ys_ctx_init(&ctx);
		ys_budget *b;
		ck_assert_msg(ys_input_read(&ctx, example_with(e, 1), &b) == YS_OK, "'%s': %s", ok[i].written, ctx.msg);
		ck_assert_msg(b->procurement[0].category == ok[i].cat, "'%s' read as %c", ok[i].written,
		              b->procurement[0].category);
		ys_budget_free(b);
		rm_dir();
	}
	static const struct { const char *written, *err; } bad[] = {
		{ "A 服务", "procurement.csv:3:1: 采购类别“A 服务”：字母和名称不一致" },
		{ "D", "procurement.csv:3:1: 采购类别“D”：应为 A、B、C，或 货物、工程、服务" },
		{ "AB", "采购类别“AB”" },
		{ "货", "采购类别“货”" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char to[64];
		snprintf(to, sizeof to, "%s,", bad[i].written);
		fedit e[] = { { "procurement.csv", 3, "A,", to } };
		ys_ctx ctx;
		ys_ctx_init(&ctx);
		ys_budget *b;
		ck_assert_int_eq(ys_input_read(&ctx, example_with(e, 1), &b), YS_EPARSE);
		ck_assert_msg(strstr(ctx.msg, bad[i].err), "'%s': %s", bad[i].written, ctx.msg);
		rm_dir();
	}
}
END_TEST

/* ---- indicators: the words the compiled tables are read back by ---- */

START_TEST(indicator_words_checked_where_written)
{
	static const fedit e[] = {
		{ "indicators.csv", 3, ",成本指标,", ",成本指木," },
		{ "indicators.csv", 4, ",时效指标,", ",时效," },
		{ "indicators.csv", 5, ",≤,", ",约," },
		{ "performance.csv", 3, ",产出指标,", ",产出," },
	};
	ys_diags dl;
	ys_budget *b;
	ys_ctx ctx;
	ck_assert_int_eq(read_all(example_with(e, 4), &dl, &b, &ctx), YS_EPARSE);
	ck_assert_uint_eq(dl.n, 4);
	ASSERT_DIAG(&dl, "/indicators.csv:3:24", "一级指标“成本指木”：应为 产出指标、效益指标、满意度指标 或 成本指标");
	ASSERT_DIAG(&dl, "/indicators.csv:4:29", "二级指标“时效”：应为以“指标”结尾的名称");
	ASSERT_DIAG(&dl, "/indicators.csv:5:41", "指标性质“约”");
	ASSERT_DIAG(&dl, "/performance.csv:3:6", "一级指标“产出”");
	ys_diags_release(&dl);
	rm_dir();
}
END_TEST

/* Every 指标性质 and 一级指标 the reader accepts compiles: the words it
 * checks are the words the compiled tables are read back by. */
START_TEST(accepted_indicator_words_compile)
{
	static const char *const ops[] = { "=", "≥", "≤", ">", "<", ">=", "<=", "定性", "定量", "＝", "＞＝" };
	static const char *const l1[] = { "产出指标", "效益指标", "满意度指标", "成本指标" };
	for (size_t i = 0; i < sizeof ops / sizeof ops[0] + sizeof l1 / sizeof l1[0]; i++) {
		int is_op = i < sizeof ops / sizeof ops[0];
		const char *word = is_op ? ops[i] : l1[i - sizeof ops / sizeof ops[0]];
		char a[32], b12[32];
		fedit e[2];
		if (is_op) {
			snprintf(a, sizeof a, ",%s,100,", word);
			snprintf(b12, sizeof b12, ",%s,7,", word);
			e[0] = (fedit){ "indicators.csv", 3, ",=,100,", a };
			e[1] = (fedit){ "performance.csv", 3, ",≥,7,", b12 };
		} else {
			snprintf(a, sizeof a, ",%s,", word);
			snprintf(b12, sizeof b12, "后勤管理,%s,", word);
			e[0] = (fedit){ "indicators.csv", 3, ",成本指标,", a };
			e[1] = (fedit){ "performance.csv", 3, "后勤管理,产出指标,", b12 };
		}
		ys_ctx ctx;
		ys_ctx_init(&ctx);
		ys_budget *b;
		ck_assert_msg(ys_input_read(&ctx, example_with(e, 2), &b) == YS_OK, "%s: %s", word, ctx.msg);
		ys_doc *doc;
		ck_assert_msg(ys_compile(&ctx, b, test_catalog(), &doc) == YS_OK, "%s: %s", word, ctx.msg);
		ys_doc_free(doc);
		ys_budget_free(b);
		rm_dir();
	}
}
END_TEST

/* Text the tables print where a number would be read back as an amount
 * (an indicator, a 度量单位, an activity) is refused as a number where it is
 * written; as text it compiles. */
START_TEST(labels_that_are_numbers)
{
	static const struct { fedit e; const char *err, *fixed; } cases[] = {
		{ { "indicators.csv", 3, ",光线接入成本与计划标准的一致性,", ",100," }, "indicators.csv:3:36: 三级指标“100”是一个数",
		  ",100项," },
		{ { "indicators.csv", 3, ",=,100,%", ",=,100,100" }, "indicators.csv:3:58: 度量单位“100”是一个数", ",=,100,元" },
		{ { "performance.csv", 3, "后勤管理,", "2026," }, "performance.csv:3:1: 活动“2026”是一个数", "2026年," },
		{ { "performance.csv", 3, ",7,个", ",7,\"1,000\"" }, "performance.csv:3:33: 度量单位“1,000”是一个数", ",7,千个" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ys_ctx ctx;
		ys_ctx_init(&ctx);
		ys_budget *b;
		fedit e = cases[i].e;
		ck_assert_int_eq(ys_input_read(&ctx, example_with(&e, 1), &b), YS_EPARSE);
		ck_assert_msg(strstr(ctx.msg, cases[i].err), "%s", ctx.msg);
		rm_dir();
		e.to = cases[i].fixed;
		ck_assert_msg(ys_input_read(&ctx, example_with(&e, 1), &b) == YS_OK, "%s", ctx.msg);
		ys_doc *doc;
		ck_assert_msg(ys_compile(&ctx, b, test_catalog(), &doc) == YS_OK, "%s: %s", cases[i].fixed, ctx.msg);
		ys_doc_free(doc);
		ys_budget_free(b);
		rm_dir();
	}
	/* a directory level of the purchased services */
	static const fedit svc[] = { { "procurement.csv", 3, "A,", "A," } };
	const char *d = example_with(svc, 1);
	char p[256];
	snprintf(p, sizeof p, "%s/services.csv", d);
	FILE *f = fopen(p, "w");
	ck_assert_ptr_nonnull(f);
	fputs("一级目录,二级目录,三级目录,金额（万元）\n物业管理服务,100,,10.000000\n", f);
	fclose(f);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_budget *b;
	ck_assert_int_eq(ys_input_read(&ctx, d, &b), YS_EPARSE);
	ck_assert_msg(strstr(ctx.msg, "services.csv:2:8: 二级目录“100”是一个数"), "%s", ctx.msg);
	rm_dir();
}
END_TEST

/* ---- the file a balance error blames ---- */

START_TEST(a_missing_income_row_is_blamed_on_income_csv)
{
	static const fedit e[] = { { "income.csv", 4, "事业收入,60.020000", NULL } };
	ys_report *rep = check_example(e, 1);
	const ys_finding *f = finding_of(rep, "detail.balance", 0);
	ck_assert_ptr_nonnull(f);
	ck_assert_ptr_null(finding_of(rep, "detail.balance", 1));
	ck_assert_msg(f->file && strstr(f->file, "/income.csv") && f->line == 2, "%s:%d", f->file, f->line);
	ck_assert_msg(strstr(f->message, "收入表没有 事业收入 一行（即为 0），但支出明细花了其中 60.020000 万元（第一笔在 ") &&
	                  strstr(f->message, "/items.csv:49）"),
	              "%s", f->message);
	ys_report_free(rep);
}
END_TEST

START_TEST(a_missing_carryover_sheet_is_blamed_on_the_first_item)
{
	static const fedit e[] = { { "carryover.csv", 0, NULL, NULL } };
	ys_report *rep = check_example(e, 1);
	const ys_finding *f = finding_of(rep, "detail.balance", 0);
	ck_assert_ptr_nonnull(f);
	/* 单位资金 is sorted after 一般公共预算 by file and line: items.csv:3
	 * spends 单位资金 first */
	int seen3 = 0;
	for (int k = 0; (f = finding_of(rep, "detail.balance", k)); k++) {
		ck_assert_msg(f->file && strstr(f->file, "/items.csv"), "%s", f->file);
		ck_assert(strstr(f->message, "上年结转表（carryover）没有"));
		seen3 |= f->line == 3;
	}
	ck_assert(seen3);
	ys_report_free(rep);
}
END_TEST

/* ---- XLSX: one rule for decimals, sheet!A1 places ---- */

typedef struct xedit {
	const char *sheet; /* sheet id */
	int row, col;      /* 1-based, as the sheet shows them */
	const char *text;  /* a string cell, or NULL */
	double num;        /* else a number cell */
} xedit;

static const struct { const char *id, *name; } xsheets[] = {
	{ "department", "部门" }, { "units", "单位" }, { "codes", "科目名称" }, { "income", "收入" },
	{ "carryover", "上年结转" }, { "projects", "项目" }, { "indicators", "项目绩效指标" },
	{ "items", "支出 明细" }, /* a name a reference quotes */
	{ "procurement", "政府采购" }, { "performance", "整体绩效指标" },
};

static int amount_text(const char *s)
{
	int dot = 0, dig = 0;
	for (; *s; s++) {
		if (*s == '.' && !dot)
			dot = 1;
		else if (*s >= '0' && *s <= '9')
			dig = 1;
		else
			return 0;
	}
	return dig;
}

/* The next CSV record of *p (quoted fields, "" escapes, newlines in
 * quotes) into f[0..*nf), each NUL-terminated; 0 at the end. */
static int csv_record(const char **p, const char *end, ys_buf *f, int cap, int *nf)
{
	if (*p >= end)
		return 0;
	*nf = 0;
	ys_buf_reset(&f[0]);
	int q = 0;
	for (; *p < end; (*p)++) {
		char c = **p;
		if (q && c == '"' && *p + 1 < end && (*p)[1] == '"') {
			ys_buf_addc(&f[*nf], '"');
			(*p)++;
		} else if (c == '"') {
			q = !q;
		} else if (!q && c == ',' && *nf + 1 < cap) {
			ys_buf_reset(&f[++*nf]);
		} else if (!q && c == '\n') {
			(*p)++;
			break;
		} else {
			ys_buf_addc(&f[*nf], c);
		}
	}
	(*nf)++;
	return 1;
}

/* The example as a workbook (amounts as number cells), edited. */
static const char *example_book(const xedit *e, int ne)
{
	static char path[96];
	snprintf(path, sizeof path, "/tmp/ys_in_%d.xlsx", (int)getpid());
	lxw_workbook *wb = workbook_new(path);
	ck_assert_ptr_nonnull(wb);
	for (size_t s = 0; s < sizeof xsheets / sizeof xsheets[0]; s++) {
		lxw_worksheet *ws = workbook_add_worksheet(wb, xsheets[s].name);
		char src[512];
		snprintf(src, sizeof src, "%s/%s.csv", EXAMPLE, xsheets[s].id);
		size_t len;
		char *text = slurp(src, &len);
		const char *p = text;
		ys_buf f[64];
		for (int k = 0; k < 64; k++)
			ys_buf_init(&f[k]);
		int row = 0, nf, amount_col[64] = { 0 };
		while (csv_record(&p, text + len, f, 64, &nf)) {
			if (f[0].s[0] == '#')
				continue;
			for (int k = 0; k < nf; k++) {
				if (row == 0)
					amount_col[k] = strstr(f[k].s, "金额") != NULL;
				if (amount_col[k] && row && amount_text(f[k].s))
					worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)k, strtod(f[k].s, NULL), NULL);
				else if (f[k].len)
					worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)k, f[k].s, NULL);
			}
			row++;
		}
		for (int k = 0; k < 64; k++)
			ys_buf_release(&f[k]);
		free(text);
		for (int i = 0; i < ne; i++) {
			if (strcmp(e[i].sheet, xsheets[s].id))
				continue;
			if (e[i].text)
				worksheet_write_string(ws, (lxw_row_t)(e[i].row - 1), (lxw_col_t)(e[i].col - 1), e[i].text, NULL);
			else
				worksheet_write_number(ws, (lxw_row_t)(e[i].row - 1), (lxw_col_t)(e[i].col - 1), e[i].num, NULL);
		}
	}
	ck_assert_int_eq(workbook_close(wb), LXW_NO_ERROR);
	return path;
}

START_TEST(xlsx_reads_like_the_folder)
{
	const char *book = example_book(NULL, 0);
	ys_budget *csv = read_budget(EXAMPLE), *xl = read_budget(book);
	ck_assert_uint_eq(csv->nitems, xl->nitems);
	for (size_t i = 0; i < csv->nitems; i++)
		ck_assert_int_eq(csv->items[i].amount, xl->items[i].amount);
	/* a record of a workbook is its sheet and row: people read its first cell */
	char at[256], want[256];
	snprintf(want, sizeof want, "%s: '支出 明细'!A2", book);
	ck_assert_str_eq(ys_input_place(xl->items[0].pos, at, sizeof at), want);
	snprintf(want, sizeof want, "%s/items.csv:3", EXAMPLE);
	ck_assert_str_eq(ys_input_place(csv->items[0].pos, at, sizeof at), want);
	/* and so do the detail rules' findings */
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_report *rep;
	ck_assert_int_eq(ys_check_budget(&ctx, xl, test_catalog(), &rep), YS_OK);
	ck_assert_uint_eq(rep->nfindings, 1);
	snprintf(want, sizeof want, "%s: 项目!A3", book);
	ck_assert_str_eq(rep->findings[0].file, want);
	ck_assert_int_eq(rep->findings[0].line, 0);
	ys_report_free(rep);
	ys_budget_free(csv);
	ys_budget_free(xl);
	unlink(book);
}
END_TEST

START_TEST(xlsx_errors_at_their_cells)
{
	static const xedit e[] = {
		{ "items", 2, 8, NULL, 10.1234567 },   /* H2: 7 decimals of 万元 */
		{ "items", 3, 3, "30299X", 0 },        /* C3 */
		{ "items", 4, 8, "  ", 0 },            /* H4: the amount blank (white space) */
		{ "indicators", 2, 2, "成本指木", 0 }, /* B2 */
		{ "procurement", 2, 1, "A 货物", 0 },  /* as the docs show it: read */
	};
	ys_diags dl;
	ys_budget *b;
	ys_ctx ctx;
	const char *book = example_book(e, 5);
	ck_assert_int_eq(read_all(book, &dl, &b, &ctx), YS_EPARSE);
	if (dl.n != 4)
		dump(&dl);
	ck_assert_uint_eq(dl.n, 4);
	ASSERT_DIAG(&dl, ": '支出 明细'!H2", "金额 10.1234567 有 7 位小数：以万元为单位最多 6 位");
	ASSERT_DIAG(&dl, ": '支出 明细'!C3", "经济分类“30299X”：编码 30299 后面的“X”不是名称");
	ASSERT_DIAG(&dl, ": '支出 明细'!H4", "“金额”为空");
	ASSERT_DIAG(&dl, ": 项目绩效指标!B2", "一级指标“成本指木”");
	char want[256];
	snprintf(want, sizeof want, "%s: 项目绩效指标!B2", book);
	ck_assert_ptr_nonnull(diag_at(&dl, want, ""));
	ys_diags_release(&dl);
	unlink(book);
}
END_TEST

START_TEST(one_rule_for_decimals)
{
	/* 6 decimals of 万元 read in both; a 7th refused in both */
	static const xedit six[] = { { "items", 2, 8, NULL, 10.123456 } };
	const char *book = example_book(six, 1);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_budget *b;
	ck_assert_msg(ys_input_read(&ctx, book, &b) == YS_OK, "%s", ctx.msg);
	ck_assert_int_eq(b->items[0].amount, 10123456);
	ys_budget_free(b);
	static const xedit seven[] = { { "items", 2, 8, NULL, 10.1234567 } };
	book = example_book(seven, 1);
	ck_assert_int_eq(ys_input_read(&ctx, book, &b), YS_EPARSE);
	unlink(book);
	static const fedit e[] = { { "items.csv", 3, ",200.000000", ",10.1234567" } };
	ck_assert_int_eq(ys_input_read(&ctx, example_with(e, 1), &b), YS_EPARSE);
	ck_assert_msg(strstr(ctx.msg, "items.csv:3:51: 金额“10.1234567”不是以万元为单位的金额：小数位数超过"), "%s",
	              ctx.msg);
	rm_dir();
}
END_TEST

START_TEST(xlsx_missing_sheet_and_bad_header)
{
	/* the units sheet's 单位类型 renamed: its header cell; items not blamed */
	static const xedit e[] = { { "units", 1, 2, "类型名", 0 } };
	ys_diags dl;
	ys_budget *b;
	ys_ctx ctx;
	const char *book = example_book(e, 1);
	ck_assert_int_eq(read_all(book, &dl, &b, &ctx), YS_EPARSE);
	ck_assert_uint_eq(dl.n, 2);
	ASSERT_DIAG(&dl, ": 单位!B1", "单位表没有“类型名”这一列");
	ASSERT_DIAG(&dl, ": 单位!A1", "单位表缺少“单位类型”列");
	ys_diags_release(&dl);
	unlink(book);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("input");
	TCase *tc = tcase_create("errors");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, every_error_of_a_run_at_its_place);
	tcase_add_test(tc, every_bad_cell_of_a_row);
	tcase_add_test(tc, at_most_the_limit_then_it_stops);
	tcase_add_test(tc, a_bad_header_is_said_once);
	tcase_add_test(tc, a_file_that_cannot_be_read_leaves_the_others);
	tcase_add_test(tc, without_a_list_ctx_has_the_first);
	suite_add_tcase(s, tc);
	TCase *tk = tcase_create("checks");
	tcase_set_timeout(tk, 120);
	tcase_add_test(tk, codes_with_names_and_junk);
	tcase_add_test(tk, a_name_that_is_not_the_codes);
	tcase_add_test(tk, a_name_against_an_unsure_row_or_the_codes_sheet_warns);
	tcase_add_test(tk, every_procurement_category_form);
	tcase_add_test(tk, every_fund_word_on_every_sheet);
	tcase_add_test(tk, indicator_words_checked_where_written);
	tcase_add_test(tk, accepted_indicator_words_compile);
	tcase_add_test(tk, labels_that_are_numbers);
	tcase_add_test(tk, a_missing_income_row_is_blamed_on_income_csv);
	tcase_add_test(tk, a_missing_carryover_sheet_is_blamed_on_the_first_item);
	suite_add_tcase(s, tk);
	TCase *tx = tcase_create("xlsx");
	tcase_set_timeout(tx, 120);
	tcase_add_test(tx, xlsx_reads_like_the_folder);
	tcase_add_test(tx, xlsx_errors_at_their_cells);
	tcase_add_test(tx, one_rule_for_decimals);
	tcase_add_test(tx, xlsx_missing_sheet_and_bad_header);
	suite_add_tcase(s, tx);
	return s;
}
