/*
 * test_bedit.c - a stored detailed budget edited row by row (bedit.h) on
 * SQLite: a change from the version seen and its audit row, a stale version
 * refused with the row as it is, fields refused as given writing nothing,
 * the rules' findings at their rows, the build refused with errors and
 * compiled without.  Through the server and on PostgreSQL: t0039-edit.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "yusuan/yusuan.h"

#define EXAMPLE YS_TESTDIR "/../examples/2026-beijing-jiguan-shiwu"

static ys_store *st;
static char path[] = "/tmp/ys-bedit-XXXXXX";
static int64_t bid;

static void setup(void)
{
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	unlink(path);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_diags dl;
	ys_diags_init(&dl);
	ys_budget *b = NULL;
	ck_assert_int_eq(ys_input_read_all(&ctx, EXAMPLE, &dl, &b), YS_OK);
	ys_diags_release(&dl);
	ck_assert_int_eq(ys_store_open(&ctx, path, &st), YS_OK);
	ck_assert_int_eq(ys_store_save_budget(&ctx, st, b, EXAMPLE, NULL, &bid), YS_OK);
	ys_budget_free(b);
}

static void teardown(void)
{
	ys_store_close(st);
	unlink(path);
	strcpy(path, "/tmp/ys-bedit-XXXXXX");
}

static int count_audit(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	*(int64_t *)arg = row[0].i;
	return 1;
}

static int64_t audit_rows(void)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	int64_t n = -1;
	ck_assert_int_eq(ys_store_select(&ctx, st, "SELECT count(*) FROM audit WHERE action = '修改预算'", NULL, 0,
	                                 count_audit, &n),
	                 YS_OK);
	return n;
}

static int64_t item_amount(int n)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_budget *b = NULL;
	ck_assert_int_eq(ys_store_load_budget(&ctx, st, bid, &b), YS_OK);
	int64_t a = b->items[n].amount;
	ys_budget_free(b);
	return a;
}

START_TEST(a_row_changes_from_the_version_seen)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	int64_t before = item_amount(1);
	ys_bedit_field f[] = { { "amount", "1.500000" } };
	ys_bedit_result r;
	ck_assert_int_eq(ys_bedit_change(&ctx, st, bid, YS_BEDIT_ITEM, 1, 0, f, 1, "甲", &r), YS_OK);
	ck_assert_int_eq(r.stale, 0);
	ck_assert_int_eq(r.version, 1);
	ck_assert_int_eq(r.budget_version, 1);
	ck_assert_ptr_nonnull(strstr(r.after, "\"amount_fen\":1500000"));
	char want[64];
	snprintf(want, sizeof want, "\"amount_fen\":%lld", (long long)before);
	ck_assert_ptr_nonnull(strstr(r.before, want));
	ys_bedit_result_release(&r);
	ck_assert_int_eq(item_amount(1), 1500000);
	ck_assert_int_eq(audit_rows(), 1);
	/* a second editor who saw version 0: refused, shown the first's change */
	ys_bedit_field g[] = { { "amount", "2.000000" } };
	ck_assert_int_eq(ys_bedit_change(&ctx, st, bid, YS_BEDIT_ITEM, 1, 0, g, 1, "乙", &r), YS_EREFUSED);
	ck_assert_int_eq(r.stale, 1);
	ck_assert_int_eq(r.version, 1);
	ck_assert_ptr_nonnull(strstr(r.after, "\"amount\":\"1.500000\""));
	ck_assert_ptr_null(r.before);
	ys_bedit_result_release(&r);
	ck_assert_int_eq(item_amount(1), 1500000);
	ck_assert_int_eq(audit_rows(), 1);
	/* from version 1 it is taken; the budget counts both changes */
	ck_assert_int_eq(ys_bedit_change(&ctx, st, bid, YS_BEDIT_ITEM, 1, 1, g, 1, "乙", &r), YS_OK);
	ck_assert_int_eq(r.version, 2);
	ck_assert_int_eq(r.budget_version, 2);
	ys_bedit_result_release(&r);
	ys_bedit_info bi;
	ck_assert_int_eq(ys_bedit_info_get(&ctx, st, bid, &bi), YS_OK);
	ck_assert_int_eq(bi.version, 2);
	ck_assert_str_eq(bi.changed_by, "乙");
	ck_assert_int_eq(audit_rows(), 2);
}
END_TEST

START_TEST(refused_fields_write_nothing)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	int64_t before = item_amount(1);
	static const ys_bedit_field bad[][1] = {
		{ { "amount", "1.0000001" } }, { { "amount", "" } },      { { "amount", "1e3" } },
		{ { "func", "201035" } },      { { "econ", "3010x" } },   { { "name", "x" } },
	};
	ys_bedit_result r;
	for (size_t i = 0; i < YS_ARRAY_LEN(bad); i++) {
		ck_assert_int_eq(ys_bedit_change(&ctx, st, bid, YS_BEDIT_ITEM, 1, 0, bad[i], 1, "甲", &r), YS_EINVAL);
		ck_assert_int_eq(r.stale, 0);
		ys_bedit_result_release(&r);
	}
	ys_bedit_field op[] = { { "op", "约等于" } };
	ck_assert_int_eq(ys_bedit_change(&ctx, st, bid, YS_BEDIT_INDICATOR, 0, 0, op, 1, "甲", &r), YS_EINVAL);
	ys_bedit_result_release(&r);
	ys_bedit_field ctl[] = { { "goal", "a\nb" } };
	ck_assert_int_eq(ys_bedit_change(&ctx, st, bid, YS_BEDIT_PROJECT, 0, 0, ctl, 1, "甲", &r), YS_EINVAL);
	ys_bedit_result_release(&r);
	ys_bedit_field ok[] = { { "amount", "1.000000" } };
	ck_assert_int_eq(ys_bedit_change(&ctx, st, bid, YS_BEDIT_ITEM, 1000, 0, ok, 1, "甲", &r), YS_ENOTFOUND);
	ys_bedit_result_release(&r);
	ck_assert_int_eq(ys_bedit_change(&ctx, st, bid, YS_BEDIT_INCOME, 9, 0, ok, 1, "甲", &r), YS_ENOTFOUND);
	ys_bedit_result_release(&r);
	ck_assert_int_eq(ys_bedit_change(&ctx, st, bid + 1, YS_BEDIT_ITEM, 1, 0, ok, 1, "甲", &r), YS_ENOTFOUND);
	ys_bedit_result_release(&r);
	ck_assert_int_eq(ys_bedit_change(&ctx, st, bid, YS_BEDIT_ITEM, 1, -1, ok, 1, "甲", &r), YS_EINVAL);
	ys_bedit_result_release(&r);
	ck_assert_int_eq(item_amount(1), before);
	ck_assert_int_eq(audit_rows(), 0);
	ys_bedit_info bi;
	ck_assert_int_eq(ys_bedit_info_get(&ctx, st, bid, &bi), YS_OK);
	ck_assert_int_eq(bi.version, 0);
}
END_TEST

static int has_rule_at(const ys_budget *b, const ys_report *rep, const char *rule, ys_bedit_kind kind, int64_t n)
{
	for (size_t i = 0; i < rep->nfindings; i++) {
		ys_bedit_kind k;
		int64_t m;
		if (!strcmp(rep->findings[i].rule, rule) && !ys_bedit_finding_row(b, &rep->findings[i], &k, &m) && k == kind &&
		    m == n)
			return 1;
	}
	return 0;
}

START_TEST(rules_run_and_the_build_waits_for_them)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_budget *b = NULL;
	ys_report *rep = NULL;
	ck_assert_int_eq(ys_bedit_check(&ctx, st, bid, NULL, &b, &rep), YS_OK);
	ck_assert_int_eq(rep->count[YS_SEV_ERROR], 0);
	int64_t item = b->items[3].amount, income = b->income[YS_FS_GP];
	ck_assert_int_eq(b->items[3].fund, YS_FS_GP);
	ck_assert_int_eq(b->items[3].carry, 0);
	ys_budget_free(b);
	ys_report_free(rep);
	/* a negative amount: saved, and detail.negative at the item, the
	 * income no longer balancing at the income's row */
	ys_bedit_field f[] = { { "amount", "-5.000000" } };
	ys_bedit_result r;
	ck_assert_int_eq(ys_bedit_change(&ctx, st, bid, YS_BEDIT_ITEM, 3, 0, f, 1, "甲", &r), YS_OK);
	ys_bedit_result_release(&r);
	ck_assert_int_eq(ys_bedit_check(&ctx, st, bid, NULL, &b, &rep), YS_OK);
	ck_assert(has_rule_at(b, rep, "detail.negative", YS_BEDIT_ITEM, 3));
	ck_assert(has_rule_at(b, rep, "detail.balance", YS_BEDIT_INCOME, 0));
	ys_budget_free(b);
	ys_report_free(rep);
	int64_t doc = -1;
	ck_assert_int_eq(ys_bedit_build(&ctx, st, bid, NULL, "甲", &doc, &rep), YS_EREFUSED);
	ck_assert_int_eq(doc, 0);
	ck_assert_int_gt(rep->count[YS_SEV_ERROR], 0);
	ys_report_free(rep);
	/* back, and the income moved by what the item did: it builds */
	char amt[YS_MONEY_FMT_MAX], inc[YS_MONEY_FMT_MAX];
	ck_assert_int_ge(ys_money_format(amt, item + 1000000, YS_UNIT_WANYUAN, 6, 0), 0);
	ck_assert_int_ge(ys_money_format(inc, income + 1000000, YS_UNIT_WANYUAN, 6, 0), 0);
	ys_bedit_field g[] = { { "amount", amt } }, h[] = { { "amount", inc } };
	ck_assert_int_eq(ys_bedit_change(&ctx, st, bid, YS_BEDIT_ITEM, 3, 1, g, 1, "甲", &r), YS_OK);
	ys_bedit_result_release(&r);
	ck_assert_int_eq(ys_bedit_change(&ctx, st, bid, YS_BEDIT_INCOME, 0, 0, h, 1, "甲", &r), YS_OK);
	ys_bedit_result_release(&r);
	ck_assert_int_eq(ys_bedit_build(&ctx, st, bid, NULL, "甲", &doc, &rep), YS_OK);
	ck_assert_int_eq(rep->count[YS_SEV_ERROR], 0);
	ys_report_free(rep);
	ck_assert_int_gt(doc, 0);
	ys_bedit_info bi;
	ck_assert_int_eq(ys_bedit_info_get(&ctx, st, bid, &bi), YS_OK);
	ck_assert_int_eq(bi.disclosure, doc);
	ys_doc *d = NULL;
	ck_assert_int_eq(ys_store_load_doc(&ctx, st, doc, &d), YS_OK);
	ck_assert_int_eq(d->ntables, 13);
	/* 01's 一般公共预算拨款收入: the income as changed */
	const ys_table *t = d->tables[YS_T01];
	int seen = 0;
	for (int i = 0; i < t->nrows; i++)
		if (t->rows[i].cells[YS_C01_IN_AMT].amt.fen == income + 1000000)
			seen = 1;
	ck_assert(seen);
	ys_doc_free(d);
}
END_TEST

static int count_versions(ys_bedit_kind kind, int64_t n, int64_t version, void *arg)
{
	int *c = arg;
	c[kind] += (int)(n * 100 + version);
	return 0;
}

START_TEST(rows_are_numbered_as_listed)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_budget *b = NULL;
	ck_assert_int_eq(ys_bedit_check(&ctx, st, bid, NULL, &b, NULL), YS_OK);
	/* the unit-wide indicators first, then each project's */
	int project = 0;
	ck_assert_ptr_eq(ys_bedit_indicator_at(b, 0, &project), &b->perf[0]);
	ck_assert_int_eq(project, -1);
	ck_assert_ptr_eq(ys_bedit_indicator_at(b, b->nperf, &project), &b->projects[0].ind[0]);
	ck_assert_int_eq(project, 0);
	ck_assert_ptr_null(ys_bedit_indicator_at(b, -1, &project));
	int64_t n = b->nperf + 1;
	const char *l3 = ys_bedit_indicator_at(b, n, &project)->l3;
	char *want = strdup(l3);
	ys_budget_free(b);
	ys_bedit_field f[] = { { "l3", "改过的三级指标" }, { "value", "99" } };
	ys_bedit_result r;
	ck_assert_int_eq(ys_bedit_change(&ctx, st, bid, YS_BEDIT_INDICATOR, n, 0, f, 2, "甲", &r), YS_OK);
	ck_assert_ptr_nonnull(strstr(r.before, want));
	free(want);
	ys_bedit_result_release(&r);
	ck_assert_int_eq(ys_bedit_check(&ctx, st, bid, NULL, &b, NULL), YS_OK);
	ck_assert_str_eq(ys_bedit_indicator_at(b, n, &project)->l3, "改过的三级指标");
	ck_assert_str_eq(ys_bedit_indicator_at(b, n, &project)->value, "99");
	ys_budget_free(b);
	int c[YS_BEDIT_NKINDS] = { 0 };
	ck_assert_int_eq(ys_bedit_versions(&ctx, st, bid, count_versions, c), YS_OK);
	ck_assert_int_eq(c[YS_BEDIT_INDICATOR], (int)(n * 100 + 1));
	ck_assert_int_eq(c[YS_BEDIT_ITEM], 0);
	ck_assert_int_eq(ys_bedit_kind_parse_plural("indicators"), YS_BEDIT_INDICATOR);
	ck_assert_int_eq(ys_bedit_kind_parse_plural("indicator"), -1);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("bedit");
	TCase *tc = tcase_create("sqlite");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, a_row_changes_from_the_version_seen);
	tcase_add_test(tc, refused_fields_write_nothing);
	tcase_add_test(tc, rules_run_and_the_build_waits_for_them);
	tcase_add_test(tc, rows_are_numbered_as_listed);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}
