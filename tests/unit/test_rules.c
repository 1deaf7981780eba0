/*
 * test_rules.c - every rule with a fixture that triggers it and one that
 * does not; the seed's exact findings; and the property that any single
 * changed amount of the seed is reported as an error at its own row.
 */
#include <stdlib.h>
#include <string.h>

#include "seedutil.h"

static ys_report *run(const ys_doc *doc, const char *only)
{
	static ys_catalog *cat;
	if (!cat)
		cat = shipped_catalog();
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_check_opts opts = { cat, only };
	ys_report *rep;
	ck_assert_msg(ys_check(&ctx, doc, &opts, &rep) == YS_OK, "%s", ctx.msg);
	return rep;
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
} rcase;

#define E1(l, a, b) { { l, a, b } }, 1
static const rcase cases[] = {
	{ "sum.row", E1(53, "867.596000\t867.596000", "867.596000\t867.596001"), 53, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "sum.total", E1(125, "35,495.141375\t24", "35,495.141376\t24"), 125, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "t01.income", E1(35, "33,209.196143", "33,209.196144"), 35, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "t01.expend", E1(35, "35,495.141375", "35,495.141376"), 35, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "t01.grand_in", E1(37, "收入总计\t35,495.141375", "收入总计\t35,495.141376"), 37, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "t01.grand_out", E1(36, "年终结转结余\t", "年终结转结余\t1.000000"), 36, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "t01.balance", E1(37, "支出总计\t35,495.141375", "支出总计\t35,495.141376"), 37, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "t02.current", E1(45, "33,209.196143", "33,209.196144"), 45, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "t02.carry", E1(45, "2,285.945232", "2,285.945233"), 45, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "t04.income", E1(159, "本年收入合计\t33,149.176143", "本年收入合计\t33,149.176144"), 159, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "t04.expend", E1(159, "34,567.121375", "34,567.121376"), 159, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "t04.grand_in", E1(164, "收入总计\t34,567.121375", "收入总计\t34,567.121376"), 164, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "t04.grand_out", E1(164, "支出总计\t34,567.121375", "支出总计\t34,567.121376"), 164, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "t04.balance", E1(164, "支出总计\t34,567.121375", "支出总计\t34,567.121376"), 164, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "t04.carry", E1(161, "1,417.945232", "1,417.945233"), 161, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "t03.parts", E1(53, "867.596000\t867.596000\t\t\t\t", "867.596000\t867.596000\t\t900.000000\t\t"), 53,
	  YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "t05.nocap", E1(173, "55.860000\t55.860000", "55.860000\t56.000000"), 173, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "t06.personnel", E1(209, "1,061.375040\t1,061.375040\t", "1,061.375040\t1,061.375040\t1.000000"), 209, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "amount.negative", E1(53, "867.596000\t867.596000", "-867.596000\t-867.596000"), 53, YS_SEV_WARNING, { { 0 } }, 0, NULL },
	{ "x01_02.sources", E1(13, "60.020000", "60.020001"), 13, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "x04_02.fiscal", E1(133, "33,149.176143", "33,149.176144"), 133, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "x03_01.class", E1(9, "27,724.538052", "27,724.538053"), 9, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "x04_05.class", E1(133, "26,874.538052", "26,874.538053"), 133, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "x05_06.basic", E1(243, "23,342.469955\t7", "23,342.469956\t7"), 243, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "x01_04.nonfiscal", E1(45, "60.020000", "60.020001"), 45, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "x01_04.class", E1(133, "26,874.538052", "27,724.538053"), 133, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "x03_05.code", E1(173, "18,252.308052", "99,252.308052"), 173, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "x03_06.econ", E1(209, "1,061.375040\t1,061.375040", "9,061.375040\t1,061.375040"), 209, YS_SEV_ERROR, { { 0 } },
	  0, NULL },
	{ "x04.fund_balance", E1(133, "33,149.176143", "33,149.176144"), 133, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "x09.codes", E1(267, "16.000000", "17.000000"), 267, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "x12.projects", E1(292, "333.880000\t333.880000", "99,333.880000\t99,333.880000"), -1, YS_SEV_ERROR, { { 0 } }, 0,
	  NULL },
	{ "x13.round", E1(365, "35,495.14", "35,495.15"), 365, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "cls.known", E1(53, "2010350-事业运行", "2019898-事业运行"), 53, YS_SEV_WARNING, { { 0 } }, 0, NULL },
	{ "cls.name", E1(53, "30101-基本工资", "30101-基本薪酬"), 53, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "cls.econ_pair", E1(53, "50501-工资福利支出\t30101", "50502-商品和服务支出\t30101"), 53, YS_SEV_ERROR, { { 0 } }, 0,
	  NULL },
	{ "cls.class_rows", E1(53, "2010350-事业运行", "2270101-事业运行"), 53, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "cls.dedicated", { { 0 } }, 0, 108, YS_SEV_WARNING, { { 108, "30109-职业年金缴费", "30108-机关事业单位基本养老保险缴费" } },
	  1, NULL },
	{ "comp.tables", { { 0 } }, 0, 0, YS_SEV_ERROR, { { 0 } }, 0, FIXTURE("bad/truncated-12.txt") },
	{ "comp.labels", E1(13, "五、事业收入", "五、事业性收入"), 13, YS_SEV_WARNING, { { 0 } }, 0, NULL },
	{ "comp.labels", E1(18, "\t\t十、节能环保支出", "\t5.000000\t十、节能环保支出"), 18, YS_SEV_ERROR, { { 0 } }, 0, NULL },
	{ "pres.numbering", { { 0 } }, 0, 286, YS_SEV_WARNING, { { 286, "预算表12", "预算12表" } }, 1, NULL },
	{ "pres.name_variants", { { 0 } }, 0, 79, YS_SEV_WARNING,
	  { { 79, "（室）", "(室)" }, { 94, "维修（护）费", "维修(护)费" }, { 174, "（室）", "(室)" } }, 3, NULL },
	{ "pres.unit", E1(49, "金额单位：万元", ""), 47, YS_SEV_WARNING, { { 0 } }, 0, NULL },
	{ "perf.misplaced", { { 0 } }, 0, 314, YS_SEV_WARNING, { { 313, "成本指标\t经济成本指标", "产出指标\t数量指标" } }, 1,
	  NULL },
};

START_TEST(rule_triggers)
{
	const rcase *c = &cases[_i];
	ck_assert_msg(ys_rule_find(c->rule) != NULL, "no rule %s", c->rule);
	ys_doc *doc;
	if (c->file) {
		ys_ctx ctx;
		ys_ctx_init(&ctx);
		ck_assert_msg(ys_doc_read_text_file(&ctx, c->file, &doc) == YS_OK, "%s", ctx.msg);
	} else {
		doc = read_seed(c->trig, c->ntrig);
	}
	ys_report *rep = run(doc, c->rule);
	ck_assert_msg(has(rep, c->rule, c->line, c->sev), "%s: no %s finding at line %d (%zu findings)", c->rule,
	              ys_severity_name(c->sev), c->line, rep->nfindings);
	ys_report_free(rep);
	ys_doc_free(doc);
}
END_TEST

START_TEST(rule_passes)
{
	const rcase *c = &cases[_i];
	ys_doc *doc = read_seed(c->pass, c->npass);
	ys_report *rep = run(doc, c->rule);
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
		int found = 0;
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
	static const struct { const char *rule; int line; } want[] = {
		{ "pres.name_variants", 79 }, { "pres.name_variants", 94 }, { "cls.dedicated", 108 },
		{ "pres.numbering", 286 },    { "perf.misplaced", 314 },    { "perf.misplaced", 315 },
		{ "perf.misplaced", 316 },
	};
	ck_assert_int_eq(rep->count[YS_SEV_ERROR], 0);
	ck_assert_int_eq(rep->count[YS_SEV_NOTICE], 0);
	ck_assert_uint_eq(rep->nfindings, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		ck_assert_str_eq(rep->findings[i].rule, want[i].rule);
		ck_assert_int_eq(rep->findings[i].line, want[i].line);
		ck_assert_int_eq(rep->findings[i].sev, YS_SEV_WARNING);
	}
	ck_assert_int_gt(rep->identities, 500);
	/* the misplaced rows are said to belong to the next project */
	ck_assert(strstr(rep->findings[4].message, "各办公区后勤服务保障"));
	ck_assert(strstr(rep->findings[4].message, "管理中心机动经费"));
	ys_report_free(rep);
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

static Suite *make_suite(void)
{
	Suite *s = suite_create("rules");
	TCase *tc = tcase_create("fixtures");
	tcase_add_loop_test(tc, rule_triggers, 0, (int)(sizeof cases / sizeof cases[0]));
	tcase_add_loop_test(tc, rule_passes, 0, (int)(sizeof cases / sizeof cases[0]));
	tcase_add_test(tc, every_rule_has_a_case);
	tcase_add_test(tc, seed_findings);
	suite_add_tcase(s, tc);
	TCase *tp = tcase_create("property");
	tcase_set_timeout(tp, 600);
	tcase_add_test(tp, any_changed_amount_is_caught_at_its_row);
	suite_add_tcase(s, tp);
	return s;
}
