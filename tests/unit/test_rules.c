/*
 * test_rules.c - every rule with a fixture that triggers it and one that
 * does not; the seed's exact findings; and the property that any single
 * changed amount of the seed is reported as an error at its own row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "seedutil.h"

static ys_report *run_prev(const ys_doc *doc, const char *only, const ys_doc *prev)
{
	return check_with(doc, test_catalog(), only, prev);
}

static ys_report *run(const ys_doc *doc, const char *only)
{
	return run_prev(doc, only, NULL);
}

static int has(const ys_report *rep, const char *rule, int line, ys_severity sev)
{
	for (size_t i = 0; i < rep->nfindings; i++) {
		const ys_finding *f = &rep->findings[i];
		if (!strcmp(f->rule, rule) && f->sev == sev && (line < 0 || f->line == line))
			return 1;
	}
	return 0;
}

static int count_rule(const ys_report *rep, const char *rule)
{
	int n = 0;
	for (size_t i = 0; i < rep->nfindings; i++)
		n += !strcmp(rep->findings[i].rule, rule);
	return n;
}

typedef struct rcase {
	const char *rule;
	edit trig[2];
	int ntrig;
	int line;        /* a finding is expected at this line (-1: any) */
	ys_severity sev;
	edit pass[3];    /* applied to the seed for the passing fixture */
	int npass;
	const char *file;/* trigger with this file instead of edits */
	edit prev[1];    /* yoy.*: last year is the seed with these edits ... */
	int with_prev;   /* ... when set (the passing fixture compares the seed with itself) */
	const char *general; /* gen.*: this file in another layout instead of the seed, for both fixtures */
} rcase;

#define GENERAL FIXTURE("general/district.txt")
/* a gen.* case: the general fixture with one edit triggers the rule, as is it passes */
#define G(rule, l, a, b, sev) { rule, { { l, a, b } }, 1, -1, sev, .general = GENERAL }

static ys_doc *read_general(const char *path, const edit *e, int ne)
{
	size_t len;
	char *text = file_text(path, e, ne, &len);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = NULL;
	ys_result r = ys_doc_read_general(&ctx, "district.txt", text, len, &doc);
	free(text);
	ck_assert_msg(r == YS_OK, "reading the general fixture: %s", ctx.msg);
	return doc;
}

#define E1(l, a, b) { { l, a, b } }, 1
static const rcase cases[] = {
	{ "sum.row", E1(53, "867.596000\t867.596000", "867.596000\t867.596001"), 53, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "sum.total", E1(125, "35,495.141375\t24", "35,495.141376\t24"), 125, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "t01.income", E1(35, "33,209.196143", "33,209.196144"), 35, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "t01.expend", E1(35, "35,495.141375", "35,495.141376"), 35, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "t01.grand_in", E1(37, "收入总计\t35,495.141375", "收入总计\t35,495.141376"), 37, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "t01.grand_out", E1(36, "年终结转结余\t", "年终结转结余\t1.000000"), 36, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "t01.balance", E1(37, "支出总计\t35,495.141375", "支出总计\t35,495.141376"), 37, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "t02.current", E1(45, "33,209.196143", "33,209.196144"), 45, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "t02.carry", E1(45, "2,285.945232", "2,285.945233"), 45, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "t04.income", E1(159, "本年收入合计\t33,149.176143", "本年收入合计\t33,149.176144"), 159, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "t04.expend", E1(159, "34,567.121375", "34,567.121376"), 159, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "t04.grand_in", E1(164, "收入总计\t34,567.121375", "收入总计\t34,567.121376"), 164, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "t04.grand_out", E1(164, "支出总计\t34,567.121375", "支出总计\t34,567.121376"), 164, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "t04.balance", E1(164, "支出总计\t34,567.121375", "支出总计\t34,567.121376"), 164, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "t04.carry", E1(161, "1,417.945232", "1,417.945233"), 161, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "t03.parts", E1(53, "867.596000\t867.596000\t\t\t\t", "867.596000\t867.596000\t\t900.000000\t\t"), 53,
	  YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "t05.nocap", E1(173, "55.860000\t55.860000", "55.860000\t56.000000"), 173, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "t06.personnel", E1(209, "1,061.375040\t1,061.375040\t", "1,061.375040\t1,061.375040\t1.000000"), 209, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "amount.negative", E1(53, "867.596000\t867.596000", "-867.596000\t-867.596000"), 53, YS_SEV_WARNING, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "x01_02.sources", E1(13, "60.020000", "60.020001"), 13, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "x04_02.fiscal", E1(133, "33,149.176143", "33,149.176144"), 133, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "x03_01.class", E1(9, "27,724.538052", "27,724.538053"), 9, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "x04_05.class", E1(133, "26,874.538052", "26,874.538053"), 133, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "x05_06.basic", E1(243, "23,342.469955\t7", "23,342.469956\t7"), 243, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "x01_04.nonfiscal", E1(45, "60.020000", "60.020001"), 45, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "x01_04.class", E1(133, "26,874.538052", "27,724.538053"), 133, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "x03_05.code", E1(173, "18,252.308052", "99,252.308052"), 173, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "x03_06.econ", E1(209, "1,061.375040\t1,061.375040", "9,061.375040\t1,061.375040"), 209, YS_SEV_ERROR, { { 0 } },
	  0, NULL, { { 0 } }, 0, NULL },
	{ "x04.fund_balance", E1(133, "33,149.176143", "33,149.176144"), 133, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "x09.codes", E1(267, "16.000000", "17.000000"), 267, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "x12.projects", E1(292, "333.880000\t333.880000", "99,333.880000\t99,333.880000"), -1, YS_SEV_ERROR, { { 0 } }, 0,
	  NULL, { { 0 } }, 0, NULL },
	{ "x13.round", E1(365, "35,495.14", "35,495.15"), 365, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "cls.known", E1(53, "2010350-事业运行", "2019898-事业运行"), 53, YS_SEV_WARNING, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "cls.name", E1(53, "30101-基本工资", "30101-基本薪酬"), 53, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "cls.econ_pair", E1(53, "50501-工资福利支出\t30101", "50502-商品和服务支出\t30101"), 53, YS_SEV_ERROR, { { 0 } }, 0,
	  NULL, { { 0 } }, 0, NULL },
	/* as sure as the catalog's row: 30228 → 50201/50502 is seen in 2026 budgets, 30229 → 50299/50502 low */
	{ "cls.econ_pair", E1(70, "50502-商品和服务支出\t30228", "50101-工资奖金津补贴\t30228"), 70, YS_SEV_ERROR, { { 0 } }, 0,
	  NULL, { { 0 } }, 0, NULL },
	{ "cls.econ_pair", E1(70, "50502-商品和服务支出\t30228-工会经费", "50201-办公经费\t30229-福利费"), 70, YS_SEV_NOTICE,
	  { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "cls.class_rows", E1(53, "2010350-事业运行", "2270101-事业运行"), 53, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "cls.dedicated", { { 0 } }, 0, 108, YS_SEV_WARNING, { { 108, "30109-职业年金缴费", "30108-机关事业单位基本养老保险缴费" } },
	  1, NULL, { { 0 } }, 0, NULL },
	{ "comp.tables", { { 0 } }, 0, 0, YS_SEV_ERROR, { { 0 } }, 0, FIXTURE("bad/truncated-12.txt"), { { 0 } }, 0, NULL },
	{ "comp.labels", E1(13, "五、事业收入", "五、事业性收入"), 13, YS_SEV_WARNING, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "comp.labels", E1(18, "\t\t十、节能环保支出", "\t5.000000\t十、节能环保支出"), 18, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "pres.numbering", { { 0 } }, 0, 286, YS_SEV_WARNING, { { 286, "预算表12", "预算12表" } }, 1, NULL, { { 0 } }, 0, NULL },
	{ "pres.name_variants", { { 0 } }, 0, 79, YS_SEV_WARNING,
	  { { 79, "（室）", "(室)" }, { 94, "维修（护）费", "维修(护)费" }, { 174, "（室）", "(室)" } }, 3, NULL, { { 0 } }, 0, NULL },
	{ "pres.unit", E1(49, "金额单位：万元", ""), 47, YS_SEV_WARNING, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "perf.misplaced", { { 0 } }, 0, 314, YS_SEV_WARNING, { { 313, "成本指标\t经济成本指标", "产出指标\t数量指标" } }, 1,
	  NULL, { { 0 } }, 0, NULL },
	{ "x03_fiscal.code", E1(173, "18,252.308052", "99,252.308052"), 173, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "x10.total", E1(276, "合计\t2,403.831057", "合计\t99,999.000000"), 276, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "x11.fiscal", E1(284, "合 计\t\t\t", "合 计\t\t\t99,999.000000"), 284, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "x13.other", E1(365, "928.02\t928.02\t0.00", "928.03\t928.02\t0.00"), 365, YS_SEV_ERROR, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "cls.level", E1(53, "2010350-事业运行", "20103-事业运行"), 53, YS_SEV_WARNING, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "cls.fund_table", E1(173, "2010350\t事业运行", "2120801\t征地和拆迁补偿支出"), 173, YS_SEV_WARNING, { { 0 } }, 0, NULL,
	  { { 0 } }, 0, NULL },
	{ "cls.pair_06_03", E1(209, "50501-工资福利支出\t30101", "50101-工资奖金津补贴\t30101"), 209, YS_SEV_WARNING, { { 0 } }, 0,
	  NULL, { { 0 } }, 0, NULL },
	{ "comp.year", E1(360, "(2026年度)", "()"), -1, YS_SEV_WARNING, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "comp.department", E1(362, "北京市机关事务管理中心", ""), -1, YS_SEV_WARNING, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "comp.order", { { 0 } }, 0, 118, YS_SEV_NOTICE, { { 0 } }, 0, FIXTURE("bad/reordered.txt"), { { 0 } }, 0, NULL },
	{ "comp.project_total", E1(292, "65-各办公区互联网接入费\t333.880000", "65-各办公区互联网接入费\t0.000000"), 292,
	  YS_SEV_WARNING, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "comp.indicator_blank", E1(293, "时效指标\t故障处理到达现场时间\t", "时效指标\t\t"), 293, YS_SEV_WARNING, { { 0 } }, 0,
	  NULL, { { 0 } }, 0, NULL },
	{ "comp.basic_capital", E1(103, "31002-办公设备购置", "30901-房屋建筑物购建"), 103, YS_SEV_ERROR, { { 0 } }, 0, NULL,
	  { { 0 } }, 0, NULL },
	{ "comp.procurement_class", E1(274, "A-货物\t363.999200", "A-货物\t99,999.000000"), 274, YS_SEV_WARNING, { { 0 } }, 0,
	  NULL, { { 0 } }, 0, NULL },
	{ "pres.spaced", { { 0 } }, 0, 243, YS_SEV_NOTICE,
	  { { 243, "合 计", "合计" }, { 251, "合 计", "合计" }, { 259, "合 计", "合计" } }, 3, NULL, { { 0 } }, 0, NULL },
	{ "pres.decimals", E1(54, "607.148600\t607.148600", "607.1486\t607.148600"), 54, YS_SEV_WARNING, { { 0 } }, 0, NULL,
	  { { 0 } }, 0, NULL },
	{ "pres.title_number", E1(203, "预算06表", "预算05表"), 203, YS_SEV_WARNING, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "pres.title", E1(47, "预算03表 支出总表", "预算03表 支出预算表"), 47, YS_SEV_WARNING, { { 0 } }, 0, NULL, { { 0 } }, 0,
	  NULL },
	{ "pres.ordinals", E1(13, "五、事业收入", "六、事业收入"), 13, YS_SEV_WARNING, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "pres.zero_printed", E1(10, "二、政府性基金预算拨款收入\t\t", "二、政府性基金预算拨款收入\t0.000000\t"), 10, YS_SEV_NOTICE,
	  { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "pres.units_mixed", E1(247, "金额单位：万元", "金额单位：元"), 247, YS_SEV_NOTICE, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "pres.fullwidth_digits", E1(267, "25.400000", "２５.400000"), 267, YS_SEV_NOTICE, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	/* the seed's 管理中心机动经费 has no 满意度指标: a notice (产出 or 效益 missing: a warning) */
	{ "perf.categories", { { 0 } }, 0, 308, YS_SEV_NOTICE,
	  { { 314, "产出指标\t数量指标\t提供清洁", "满意度指标\t服务对象满意度指标\t提供清洁" } }, 1, NULL, { { 0 } }, 0, NULL },
	{ "perf.levels", E1(293, "产出指标\t时效指标", "产出指标\t社会效益指标"), 293, YS_SEV_WARNING, { { 0 } }, 0, NULL,
	  { { 0 } }, 0, NULL },
	{ "perf.percent", E1(303, "≥\t99.9\t%", "≥\t199.9\t%"), 303, YS_SEV_WARNING, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "perf.months", E1(310, "≤\t11\t月", "≤\t13\t月"), 310, YS_SEV_WARNING, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	/* passes with words as Beijing writes them (优，达到预期目标; 年底前完成) */
	{ "perf.qualitative", E1(306, "定性\t优", "定性\t95"), 306, YS_SEV_WARNING,
	  { { 306, "定性\t优", "定性\t优，达到预期目标" } }, 1, NULL, { { 0 } }, 0, NULL },
	{ "perf.numeric", E1(294, "≤\t60\t分钟", "≤\t六十\t分钟"), 294, YS_SEV_WARNING, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "perf.cost", E1(333, "≤\t282.74\t万元", "≤\t382.74\t万元"), 333, YS_SEV_WARNING, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "perf.duplicate", E1(294, "故障响应时间", "故障处理到达现场时间"), 294, YS_SEV_WARNING, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "perf.goal",
	  E1(308, "\t保障北京市机关事务管理中心计划外的临时性支出，按要求完成新增、临时、紧急项目以及财政政策确定的新增任务。\t", "\t\t"),
	  308, YS_SEV_WARNING, { { 0 } }, 0, NULL, { { 0 } }, 0, NULL },
	{ "perf.unit_wide", E1(366, "\t结合市机关事务管理中心", "\t\t结合市机关事务管理中心"), 358, YS_SEV_WARNING, { { 0 } }, 0,
	  NULL, { { 0 } }, 0, NULL },
	{ "yoy.sangong", { { 0 } }, 0, 267, YS_SEV_WARNING, { { 0 } }, 0, NULL,
	  { { 267, "25.400000\t\t16.000000", "20.000000\t\t10.600000" } }, 1, NULL },
	{ "yoy.class", { { 0 } }, 0, 9, YS_SEV_NOTICE, { { 0 } }, 0, NULL, { { 9, "27,724.538052", "17,724.538052" } }, 1, NULL },
	{ "yoy.total", { { 0 } }, 0, 37, YS_SEV_NOTICE, { { 0 } }, 0, NULL,
	  { { 37, "支出总计\t35,495.141375", "支出总计\t25,495.141375" } }, 1, NULL },
	{ "yoy.projects", { { 0 } }, 0, 286, YS_SEV_NOTICE, { { 0 } }, 0, NULL,
	  { { 292, "11000022Y0000004247 65-各办公区互联网接入费", "11000022Y0000009999 65-已取消的项目" } }, 1, NULL },
	{ "yoy.tables", { { 0 } }, 0, -1, YS_SEV_WARNING, { { 0 } }, 0, FIXTURE("bad/truncated-12.txt"), { { 0 } }, 1, NULL },
	/* last year's file is this year's: triggers with the seed as both, passes when this year differs */
	{ "yoy.same", { { 0 } }, 0, -1, YS_SEV_WARNING, { { 267, "25.400000\t\t16.000000", "24.400000\t\t15.000000" } }, 1,
	  NULL, { { 0 } }, 1, NULL },
	/* any layout: the general fixture (tests/fixtures/general/district.txt) */
	G("gen.hierarchy", 21, "8,000,000\t8,000,000\t0", "8,000,100\t8,000,000\t0", YS_SEV_ERROR),
	G("gen.total", 26, "12,345,600\t10,345,600", "12,345,700\t10,345,600", YS_SEV_ERROR),
	G("gen.columns", 35, "1,345,600\t0\t1,345,600", "1,345,600\t0\t1,345,500", YS_SEV_ERROR),
	G("gen.balance", 13, "支出总计\t12,345,600", "支出总计\t12,345,700", YS_SEV_ERROR),
	G("gen.empty", 41, "注：", "合计\t\t500\n注：", YS_SEV_WARNING),
	G("gen.cell", 12, "二、事业收入\t\t二、", "二、事业收入\t另计\t二、", YS_SEV_NOTICE),
	G("gen.unread", 42, "-- page 6 --", "2024年部门预算项目明细表\n编制部门：某某\t\t\t单位：元\n-- page 6 --",
	  YS_SEV_WARNING),
	G("gen.department", 6, "上海市普陀区某某街道办事处2024年度部门预算表", "上海市某某街道办事处2024年度部门预算表",
	  YS_SEV_WARNING),
	G("gen.narrative", 3, "收入预算总计1,234.56万元", "收入预算总计1,234.66万元", YS_SEV_WARNING),
	/* a table whose amounts are mostly words: printed, not read */
	{ "comp.coverage",
	  { { 11, "12,345,600\t一、一般公共服务支出\t10,000,000", "见附表\t一、一般公共服务支出\t见附表" },
	    { 13, "收入总计\t12,345,600\t支出总计\t12,345,600", "收入总计\t另计\t支出总计\t另计" } },
	  2, -1, YS_SEV_WARNING, .general = GENERAL },
};


START_TEST(rule_triggers)
{
	const rcase *c = &cases[_i];
	ck_assert_msg(ys_rule_find(c->rule) != NULL, "no rule %s", c->rule);
	ys_doc *doc;
	if (c->general) {
		doc = read_general(c->general, c->trig, c->ntrig);
	} else if (c->file) {
		ys_ctx ctx;
		ys_ctx_init(&ctx);
		ck_assert_msg(ys_doc_read_text_file(&ctx, c->file, &doc) == YS_OK, "%s", ctx.msg);
	} else {
		doc = read_seed(c->trig, c->ntrig);
	}
	ys_doc *prev = c->with_prev ? read_seed(c->prev, c->prev[0].line ? 1 : 0) : NULL;
	ys_report *rep = run_prev(doc, c->rule, prev);
	ck_assert_msg(has(rep, c->rule, c->line, c->sev), "%s: no %s finding at line %d (%zu findings)", c->rule,
	              ys_severity_name(c->sev), c->line, rep->nfindings);
	ys_report_free(rep);
	ys_doc_free(prev);
	ys_doc_free(doc);
}
END_TEST

START_TEST(rule_passes)
{
	const rcase *c = &cases[_i];
	ys_doc *doc = c->general ? read_general(c->general, c->pass, c->npass) : read_seed(c->pass, c->npass);
	ys_doc *prev = c->with_prev ? read_seed(NULL, 0) : NULL; /* last year the same as this year */
	ys_report *rep = run_prev(doc, c->rule, prev);
	ys_doc_free(prev);
	ck_assert_msg(count_rule(rep, c->rule) == 0, "%s: %d findings on its passing fixture, first: %s", c->rule,
	              count_rule(rep, c->rule), rep->nfindings ? rep->findings[0].message : "");
	ys_report_free(rep);
	ys_doc_free(doc);
}
END_TEST

START_TEST(every_rule_has_a_case)
{
	size_t n;
	const ys_rule *r = ys_rules(&n);
	for (size_t i = 0; i < n; i++) {
		/* the 情况说明's rules have their cases, planted into real text, in
		 * test_narrative.c (which asserts each has one) */
		int found = !strncmp(r[i].id, "narrative.", 10);
		/* yoy.printed reads the 情况说明 too: test_write.c, on the report */
		found |= !strcmp(r[i].id, "yoy.printed");
		for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
			found |= !strcmp(cases[k].rule, r[i].id);
		ck_assert_msg(found, "rule %s has no test case", r[i].id);
		for (size_t j = 0; j < i; j++)
			ck_assert_msg(strcmp(r[i].id, r[j].id), "rule id %s twice", r[i].id);
	}
}
END_TEST

/* The seed: no errors, and exactly the known anomalies, at their lines. */
START_TEST(seed_findings)
{
	ys_doc *doc = read_seed(NULL, 0);
	ys_report *rep = run(doc, NULL);
	static const struct { const char *rule; int line; ys_severity sev; } want[] = {
		{ "pres.name_variants", 79, YS_SEV_WARNING }, { "pres.name_variants", 94, YS_SEV_WARNING },
		{ "cls.dedicated", 108, YS_SEV_WARNING },     { "pres.spaced", 243, YS_SEV_NOTICE },
		{ "pres.spaced", 251, YS_SEV_NOTICE },        { "pres.spaced", 259, YS_SEV_NOTICE },
		{ "pres.numbering", 286, YS_SEV_WARNING },    { "perf.categories", 308, YS_SEV_NOTICE },
		{ "perf.misplaced", 314, YS_SEV_WARNING },    { "perf.misplaced", 315, YS_SEV_WARNING },
		{ "perf.misplaced", 316, YS_SEV_WARNING },
	};
	ck_assert_int_eq(rep->count[YS_SEV_ERROR], 0);
	ck_assert_uint_eq(rep->nfindings, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		ck_assert_msg(!strcmp(rep->findings[i].rule, want[i].rule) && rep->findings[i].line == want[i].line,
		              "finding %zu: %s at %d, wanted %s at %d", i, rep->findings[i].rule, rep->findings[i].line,
		              want[i].rule, want[i].line);
		ck_assert_int_eq(rep->findings[i].sev, want[i].sev);
	}
	ck_assert_int_gt(rep->identities, 500);
	/* the misplaced rows are said to belong to the next project; 机动经费 lacks 满意度 */
	ck_assert(strstr(rep->findings[8].message, "各办公区后勤服务保障"));
	ck_assert(strstr(rep->findings[8].message, "管理中心机动经费"));
	ck_assert(strstr(rep->findings[7].message, "满意度指标"));
	ys_report_free(rep);
	ys_doc_free(doc);
}
END_TEST

/* A disclosure printed in 0.01 万元: sums differ by rounding, which is a
 * notice that says so; a real change is still an error. */
START_TEST(rounded_document_differences_are_notices)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc;
	ck_assert_msg(ys_doc_read_text_file(&ctx, FIXTURE("bad/seed-2dp.txt"), &doc) == YS_OK, "%s", ctx.msg);
	ys_report *rep = run(doc, NULL);
	int rounding = 0;
	for (size_t i = 0; i < rep->nfindings; i++) {
		ck_assert_msg(rep->findings[i].sev != YS_SEV_ERROR, "%s: %s", rep->findings[i].rule, rep->findings[i].message);
		rounding += rep->findings[i].sev == YS_SEV_NOTICE && strstr(rep->findings[i].message, "四舍五入的误差之内");
	}
	ck_assert_int_ge(rounding, 10);
	ys_report_free(rep);
	/* 03's first row off by 0.05 万元: beyond what rounding explains */
	ys_cell *c = &doc->tables[YS_T03]->rows[0].cells[C03_BASIC];
	c->amt.fen += 50000;
	rep = run(doc, NULL);
	ck_assert_int_gt(rep->count[YS_SEV_ERROR], 0);
	ys_report_free(rep);
	ys_doc_free(doc);
}
END_TEST

/* A table printed to the 分 (万元 with 6 decimals) that shows one figure
 * without decimals: the figure is exact all the same, so a gap beside it is
 * an error, not rounding (issue: 86,959,408.34 = 22,118,861 + 64,840,547.00
 * with 0.34 元 missing was a notice). */
START_TEST(a_figure_without_decimals_in_an_exact_table_is_exact)
{
	/* 03's first row: 867.596000 printed as 868 in 合计 (off by 0.404 万元,
	 * within half of a whole 万元) */
	edit e[] = { { 53, "30101-基本工资\t867.596000", "30101-基本工资\t868" } };
	ys_doc *doc = read_seed(e, 1);
	ck_assert_int_eq(doc->tables[YS_T03]->rows[0].cells[C03_TOTAL].amt.dp, 0);
	ys_report *rep = run(doc, NULL);
	int at_row = 0;
	for (size_t i = 0; i < rep->nfindings; i++) {
		const ys_finding *f = &rep->findings[i];
		if (f->table == YS_T03 && f->row == 0 && f->has_amounts) {
			ck_assert_msg(f->sev == YS_SEV_ERROR, "%s is a %s: %s", f->rule, ys_severity_name(f->sev), f->message);
			at_row++;
		}
	}
	ck_assert_int_gt(at_row, 0);
	ys_report_free(rep);
	ys_doc_free(doc);
}
END_TEST

/* Swapping 人员经费 and 公用经费 in one row of 05 keeps the row's own
 * identity (基本 = 人员 + 公用) but breaks both column sums: the findings
 * name the swapped cells of that row, not the 合计 row. */
START_TEST(swapped_cells_are_blamed_at_their_row)
{
	static const edit swap[] = { { 173, "3,123.265000\t15,073.183052", "15,073.183052\t3,123.265000" } };
	ys_doc *doc = read_seed(swap, 1);
	ys_report *rep = run(doc, NULL);
	int total = doc->tables[YS_T05]->nrows - 1, at_row = 0; /* the 合计 row */
	for (size_t i = 0; i < rep->nfindings; i++) {
		const ys_finding *f = &rep->findings[i];
		if (f->sev != YS_SEV_ERROR)
			continue;
		ck_assert_msg(f->table == YS_T05 && f->row != total, "%s at table %d row %d: %s", f->rule, f->table, f->row,
		              f->message);
		ck_assert_int_eq(f->line, 173);
		ck_assert_msg(strstr(f->message, "对调"), "%s", f->message);
		at_row++;
	}
	ck_assert_int_eq(at_row, 2); /* the 人员经费 sum and the 公用经费 sum */
	ys_report_free(rep);
	ys_doc_free(doc);
}
END_TEST

/* The cells named as "one of these is wrong" are each named once: three
 * cells of one row are one row with three columns, not the row three times. */
START_TEST(candidates_are_named_once)
{
	static const edit e09[] = { { 267, "25.400000\t", "26.400000\t" } };
	static const edit e10[] = { { 274, "363.999200", "364.999200" } };
	const edit *edits[] = { e09, e10 };
	for (int k = 0; k < 2; k++) {
		ys_doc *doc = read_seed(edits[k], 1);
		ys_report *rep = run(doc, NULL);
		int lists = 0;
		for (size_t i = 0; i < rep->nfindings; i++) {
			const char *m = rep->findings[i].message, *end = strstr(m, " 中哪一项有误");
			if (!end)
				continue;
			const char *start = strstr(m, "；");
			ck_assert_ptr_nonnull(start);
			start += strlen("；");
			/* no item of the list (split at 、) twice */
			char list[1024];
			snprintf(list, sizeof list, "%.*s", (int)(end - start), start);
			char *items[16];
			int n = 0;
			for (char *p = list, *q; p && n < 16; p = q) {
				q = strstr(p, "、");
				if (q) {
					*q = '\0';
					q += strlen("、");
				}
				items[n++] = p;
			}
			for (int a = 0; a < n; a++)
				for (int b = 0; b < a; b++)
					ck_assert_msg(strcmp(items[a], items[b]), "'%s' twice in: %s", items[a], m);
			ck_assert_int_ge(n, 2);
			lists++;
		}
		ck_assert_int_gt(lists, 0);
		ys_report_free(rep);
		ys_doc_free(doc);
	}
}
END_TEST

/* 差额 is found − expected (rules.h), in the message as in the finding's
 * figure: signed, "+" when the printed figure is too large. */
START_TEST(difference_is_found_minus_expected)
{
	static const edit up[] = { { 276, "合计\t2,403.831057", "合计\t2,404.831057" } };
	static const edit down[] = { { 173, "55.860000\t55.860000", "54.860000\t55.860000" } };
	const edit *edits[] = { up, down };
	int checked = 0;
	for (int k = 0; k < 2; k++) {
		ys_doc *doc = read_seed(edits[k], 1);
		ys_report *rep = run(doc, NULL);
		for (size_t i = 0; i < rep->nfindings; i++) {
			const ys_finding *f = &rep->findings[i];
			if (!f->has_amounts || !strstr(f->message, "差额"))
				continue;
			ck_assert(f->difference == f->found - f->expected);
			char want[64], num[YS_MONEY_FMT_MAX];
			ck_assert_int_ge(ys_money_format(num, f->difference, f->unit, f->dp, YS_FMT_GROUP), 0);
			snprintf(want, sizeof want, "差额 %s%s", f->difference > 0 ? "+" : "", num);
			ck_assert_msg(strstr(f->message, want), "no '%s' in: %s", want, f->message);
			checked++;
		}
		ys_report_free(rep);
		ys_doc_free(doc);
	}
	ck_assert_int_ge(checked, 2);
}
END_TEST

/* --previous is last year's disclosure of the same department: another
 * department's is refused before any rule runs (its figures compare with
 * nothing here); a name that one of the two shortens is the same one. */
START_TEST(previous_of_another_department_is_refused)
{
	static const struct {
		const char *dept;
		ys_result want;
	} depts[] = { { "上海市某某区教育局", YS_EREFUSED }, { "机关事务管理中心", YS_OK }, { "", YS_OK } };
	ys_doc *doc = read_seed(NULL, 0);
	for (size_t i = 0; i < sizeof depts / sizeof depts[0]; i++) {
		edit e[] = { { 362, "北京市机关事务管理中心", depts[i].dept } };
		ys_doc *prev = read_seed(e, 1);
		ys_ctx ctx;
		ys_ctx_init(&ctx);
		ys_check_opts opts = { test_catalog(), NULL, prev };
		ys_report *rep = NULL;
		ck_assert_int_eq(ys_check(&ctx, doc, &opts, &rep), depts[i].want);
		if (depts[i].want) {
			ck_assert_ptr_null(rep);
			ck_assert_msg(strstr(ctx.msg, "上海市某某区教育局") && strstr(ctx.msg, "北京市机关事务管理中心") &&
			                  strstr(ctx.msg, "--previous"),
			              "%s", ctx.msg);
		}
		ys_report_free(rep);
		ys_doc_free(prev);
	}
	ys_doc_free(doc);
}
END_TEST

/* Year over year at the ends of int64 分 (01 in 亿元 holds them): last
 * year's 支出总计 INT64_MIN, this year's 9e17 分.  The change and its
 * size were signed overflow (UBSan: "900000000000000000 -
 * -9223372036854775808 cannot be represented") and came out as -109.7 %;
 * it is the growth computed here in 128 bits. */
START_TEST(year_over_year_near_int64)
{
	static const edit now[] = { { 5, "万元", "亿元" },
		                    { 9, "27,724.538052", "90,000,000.000000" },
		                    { 37, "支出总计\t35,495.141375", "支出总计\t90,000,000.000000" } };
	static const edit then[] = { { 5, "万元", "亿元" },
		                     { 9, "27,724.538052", "-922,337,203.6854775808" },
		                     { 37, "支出总计\t35,495.141375", "支出总计\t-922,337,203.6854775808" } };
	ys_doc *doc = read_seed(now, 3), *prev = read_seed(then, 3);
	ys_report *rep = run_prev(doc, NULL, prev);
	int64_t cur = 900000000000000000LL, was = INT64_MIN;
	__int128 pm = ((__int128)cur - was) * 1000 / -(__int128)was;
	char want[32];
	snprintf(want, sizeof want, "比上年变化 +%d.%d%%", (int)(pm / 10), (int)(pm % 10));
	int total = 0, cls = 0;
	for (size_t i = 0; i < rep->nfindings; i++) {
		const ys_finding *f = &rep->findings[i];
		total |= !strcmp(f->rule, "yoy.total") && f->line == 37 && strstr(f->message, want);
		cls |= !strcmp(f->rule, "yoy.class") && f->line == 9 && strstr(f->message, want);
	}
	ck_assert_msg(total, "no yoy.total finding at line 37 saying '%s'", want);
	ck_assert_msg(cls, "no yoy.class finding at line 9 saying '%s'", want);
	ys_report_free(rep);
	ys_doc_free(prev);
	ys_doc_free(doc);
}
END_TEST

/* Is there an error finding at (table, row)? */
static int error_at(const ys_report *rep, int table, int row)
{
	for (size_t i = 0; i < rep->nfindings; i++)
		if (rep->findings[i].sev == YS_SEV_ERROR && rep->findings[i].table == table && rep->findings[i].row == row)
			return 1;
	return 0;
}

/*
 * Property: change any one amount cell of the seed (up or down by the
 * smallest printed unit, or fill a blank one) and check reports an error
 * that names that table and row.
 */
START_TEST(any_changed_amount_is_caught_at_its_row)
{
	ys_doc *doc = read_seed(NULL, 0);
	int tried = 0;
	static const int64_t deltas[] = { 1, -1, 123456789 };
	for (int k = 0; k < YS_NTABLES; k++) {
		ys_table *t = doc->tables[k];
		for (int r = 0; r < t->nrows; r++) {
			for (int c = 0; c < t->def->ncols; c++) {
				if (t->def->cols[c].kind != YS_CK_AMOUNT || t->rows[r].kind == YS_ROW_CONT)
					continue;
				if (k == YS_T13 && t->rows[r].cells[C13_TOTAL].line == 0)
					continue; /* 13's amounts are on its amounts row only */
				ys_cell *cell = &t->rows[r].cells[c];
				ys_amount saved = cell->amt;
				int64_t unit = k == YS_T13 ? 10000 : 1;
				for (int d = 0; d < 3; d++) {
					if (!saved.present && d != 2)
						continue; /* a blank cell is filled, not nudged */
					cell->amt.fen = saved.fen + deltas[d] * unit;
					cell->amt.present = 1;
					ys_report *rep = run(doc, NULL);
					ck_assert_msg(error_at(rep, k, r), "table %s line %d column %s %+lld: no error at that row",
					              t->def->code, t->rows[r].line, t->def->cols[c].label, (long long)deltas[d]);
					ys_report_free(rep);
					tried++;
				}
				cell->amt = saved;
			}
		}
	}
	ck_assert_int_gt(tried, 1000);
	ys_doc_free(doc);
}
END_TEST

/* ---- coverage ---- */

static const ys_tablecov *cov_of(const ys_report *rep, const char *kind, const ys_doc *doc)
{
	for (int i = 0; i < rep->cov.ntables; i++) {
		const ys_table *t = ys_doc_table_at(doc, rep->cov.tables[i].table);
		if (t && t->kind && !strcmp(t->kind, kind))
			return &rep->cov.tables[i];
	}
	ck_abort_msg("no coverage entry for %s", kind);
	return NULL;
}

static int count_msg(const ys_report *rep, const char *rule, const char *text)
{
	int n = 0;
	for (size_t i = 0; i < rep->nfindings; i++)
		n += !strcmp(rep->findings[i].rule, rule) && strstr(rep->findings[i].message, text) != NULL;
	return n;
}

START_TEST(coverage_permille_in_integers)
{
	char b[16];
	ck_assert_int_eq(ys_coverage_permille(0, 0), -1);
	ck_assert_str_eq(ys_coverage_percent(-1, b), "-");
	ck_assert_int_eq(ys_coverage_permille(1, 0), 1000);
	ck_assert_str_eq(ys_coverage_percent(1000, b), "100.0");
	ck_assert_int_eq(ys_coverage_permille(0, 1), 0);
	ck_assert_str_eq(ys_coverage_percent(0, b), "0.0");
	/* rounded down: 100.0 % only when every amount was read */
	ck_assert_int_eq(ys_coverage_permille(1999, 1), 999);
	ck_assert_int_eq(ys_coverage_permille(2, 1), 666);
	ck_assert_str_eq(ys_coverage_percent(666, b), "66.6");
	ck_assert_int_eq(ys_coverage_permille(INT64_MAX - 1, 1), 999);
	ck_assert_int_eq(ys_coverage_permille(INT64_MAX, 1), 0); /* the sum overflows: nothing claimed */
}
END_TEST

/* Coverage is counted from the document: a cell turned into a word moves
 * from read to unreadable, and the percentage follows. */
START_TEST(coverage_counts_what_was_read)
{
	ys_doc *doc = read_general(GENERAL, NULL, 0);
	ys_report *rep = run(doc, NULL);
	ck_assert_int_eq(rep->cov.ntables, doc->nothers);
	ck_assert_int_eq(rep->cov.unreadable, 0);
	ck_assert_int_eq(rep->cov.permille, 1000);
	const ys_tablecov *e = cov_of(rep, "expend", doc);
	const ys_table *t = ys_doc_table_at(doc, e->table);
	int amounts = 0;
	for (int r = 0; r < t->nrows; r++)
		for (int c = 0; c < t->def->ncols; c++)
			amounts += t->def->cols[c].kind == YS_CK_AMOUNT && t->rows[r].cells[c].amt.present;
	ck_assert_int_eq(e->amounts, amounts);
	ck_assert_int_eq(e->rows, t->nrows);
	ck_assert_int_gt(e->identities, 0);
	int sum = 0;
	for (int i = 0; i < rep->cov.ntables; i++)
		sum += rep->cov.tables[i].identities;
	ck_assert_int_ge(sum, rep->identities); /* one across tables counts for each */
	ck_assert_int_eq(count_rule(rep, "comp.coverage"), 0);
	int64_t read = rep->cov.amounts;
	ys_report_free(rep);
	ys_doc_free(doc);

	edit word = { 21, "8,000,000\t8,000,000\t0", "八百万\t8,000,000\t0" };
	doc = read_general(GENERAL, &word, 1);
	rep = run(doc, NULL);
	ck_assert_int_eq(rep->cov.amounts, read - 1);
	ck_assert_int_eq(rep->cov.unreadable, 1);
	ck_assert_int_eq(cov_of(rep, "expend", doc)->unreadable, 1);
	ck_assert_int_eq(rep->cov.permille, (int)((read - 1) * 1000 / read));
	ck_assert_int_lt(rep->cov.permille, 1000);
	/* one word among many numbers is gen.cell's notice, not a coverage warning */
	ck_assert_int_eq(count_rule(rep, "comp.coverage"), 0);
	ys_report_free(rep);
	ys_doc_free(doc);
}
END_TEST

/* A document whose tables no rule can check says so: no bare "0 errors". */
START_TEST(coverage_warns_when_no_identity_was_checked)
{
	static const char text[] = "部门“三公”经费预算表\n"
	                           "编制部门：某某\t\t\t单位:万元\n"
	                           "合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\n"
	                           "12.00\t0\t2.00\t10.00\n";
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = NULL;
	ck_assert_msg(ys_doc_read_general(&ctx, "one.txt", text, sizeof text - 1, &doc) == YS_OK, "%s", ctx.msg);
	ys_report *rep = run(doc, NULL);
	ck_assert_int_eq(rep->identities, 0);
	ck_assert_int_eq(rep->cov.amounts, 4);
	ck_assert_int_eq(count_msg(rep, "comp.coverage", "未核对任何等式"), 1);
	ck_assert(has(rep, "comp.coverage", -1, YS_SEV_WARNING));
	ys_report_free(rep);
	/* with --rule the count is that rule's, and says nothing of the document */
	rep = run(doc, "comp.coverage");
	ck_assert_int_eq(count_rule(rep, "comp.coverage"), 0);
	ys_report_free(rep);
	ys_doc_free(doc);
	/* a document with identities does not get it */
	doc = read_general(GENERAL, NULL, 0);
	rep = run(doc, NULL);
	ck_assert_int_gt(rep->identities, 0);
	ck_assert_int_eq(count_msg(rep, "comp.coverage", "未核对任何等式"), 0);
	ys_report_free(rep);
	ys_doc_free(doc);
}
END_TEST

/* A title under which nothing was read while figures are printed there;
 * an empty table (nothing printed under it) is no warning. */
START_TEST(coverage_warns_of_a_title_with_figures_not_read)
{
	static const char *const text[2] = {
		"2024年部门政府性基金预算支出功能分类预算表\n编制部门：某某\t\t\t单位：元\n"
		"功能分类科目编码\t功能分类科目名称\t合计\n\n说明：政府性基金支出 1,234.50 元见附表。\n-- page 2 --\n",
		"2024年部门政府性基金预算支出功能分类预算表\n编制部门：某某\t\t\t单位：元\n"
		"功能分类科目编码\t功能分类科目名称\t合计\n\n说明：政府性基金支出见附表（2024年）。\n-- page 2 --\n",
	};
	for (int k = 0; k < 2; k++) {
		ys_ctx ctx;
		ys_ctx_init(&ctx);
		ys_doc *doc = NULL;
		ck_assert_msg(ys_doc_read_general(&ctx, "t.txt", text[k], strlen(text[k]), &doc) == YS_OK, "%s", ctx.msg);
		ck_assert_int_eq(doc->nothers, 1);
		ck_assert_int_eq(doc->others[0]->nrows, 0);
		ys_report *rep = run(doc, "comp.coverage");
		ck_assert_int_eq(count_msg(rep, "comp.coverage", "只读到表题"), k == 0);
		if (k == 0)
			ck_assert(has(rep, "comp.coverage", 5, YS_SEV_WARNING));
		ys_report_free(rep);
		ys_doc_free(doc);
	}
}
END_TEST

/* A numbered set (表1 … 表N) with a number skipped: that table was not read. */
START_TEST(coverage_warns_of_a_missing_numbered_table)
{
	ys_doc *doc = read_general(GENERAL, NULL, 0);
	ck_assert_int_ge(doc->nothers, 4);
	for (int i = 0; i < doc->nothers; i++)
		doc->others[i]->number = i + 1;
	ys_report *rep = run(doc, NULL);
	ck_assert_int_eq(rep->cov.missing, 0);
	ck_assert_int_eq(count_rule(rep, "comp.coverage"), 0);
	ys_report_free(rep);
	doc->others[1]->number = 0; /* 表2 not read: 1, 3, 4 … remain */
	rep = run(doc, NULL);
	ck_assert_int_eq(rep->cov.missing, 1);
	ck_assert_int_eq(count_msg(rep, "comp.coverage", "未读到第 2 张表"), 1);
	ys_report_free(rep);
	ys_doc_free(doc);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("rules");
	TCase *tc = tcase_create("fixtures");
	tcase_add_loop_test(tc, rule_triggers, 0, (int)(sizeof cases / sizeof cases[0]));
	tcase_add_loop_test(tc, rule_passes, 0, (int)(sizeof cases / sizeof cases[0]));
	tcase_add_test(tc, every_rule_has_a_case);
	tcase_add_test(tc, seed_findings);
	tcase_add_test(tc, rounded_document_differences_are_notices);
	tcase_add_test(tc, a_figure_without_decimals_in_an_exact_table_is_exact);
	tcase_add_test(tc, swapped_cells_are_blamed_at_their_row);
	tcase_add_test(tc, candidates_are_named_once);
	tcase_add_test(tc, difference_is_found_minus_expected);
	tcase_add_test(tc, previous_of_another_department_is_refused);
	tcase_add_test(tc, year_over_year_near_int64);
	tcase_add_test(tc, coverage_permille_in_integers);
	tcase_add_test(tc, coverage_counts_what_was_read);
	tcase_add_test(tc, coverage_warns_when_no_identity_was_checked);
	tcase_add_test(tc, coverage_warns_of_a_missing_numbered_table);
	tcase_add_test(tc, coverage_warns_of_a_title_with_figures_not_read);
	suite_add_tcase(s, tc);
	TCase *tp = tcase_create("property");
	tcase_set_timeout(tp, 600);
	tcase_add_test(tp, any_changed_amount_is_caught_at_its_row);
	suite_add_tcase(s, tp);
	return s;
}
