/* test_catalog.c - the shipped catalog, lookups, NFKC names, mappings, bad files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "seedutil.h"

START_TEST(shipped_catalog_loads)
{
	ys_catalog *cat = shipped_catalog();
	ck_assert_int_eq(ys_catalog_year(cat), 2025);
	ck_assert_uint_eq(ys_catalog_count(cat, YS_CAT_FUNC), 1157);
	ck_assert_uint_eq(ys_catalog_count(cat, YS_CAT_DEPT_ECON), 110);
	const ys_catrow *r = ys_catalog_find(cat, YS_CAT_FUNC, "2010350");
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(r->name, "事业运行");
	ck_assert_int_eq(r->level, 3);
	ck_assert_str_eq(r->parent, "20103");
	ck_assert_int_eq(r->conf, YS_CONF_SEEN);
	ck_assert_ptr_null(ys_catalog_find(cat, YS_CAT_FUNC, "2010398"));
	r = ys_catalog_find(cat, YS_CAT_FUNC, "21019");
	ck_assert_int_eq(r->conf, YS_CONF_LOW);
	ck_assert(!YS_CONF_FIRM(r->conf));
	ys_catalog_free(cat);
}
END_TEST

START_TEST(names_by_nfkc_and_variants)
{
	ys_catalog *cat = shipped_catalog();
	const ys_catrow *r = ys_catalog_find(cat, YS_CAT_FUNC, "2010399");
	ck_assert(ys_catalog_name_ok(cat, YS_CAT_FUNC, r, "其他政府办公厅(室)及相关机构事务支出"));
	ck_assert(ys_catalog_name_ok(cat, YS_CAT_FUNC, r, "其他政府办公厅（室）及相关机构事务支出"));
	ck_assert(!ys_catalog_name_ok(cat, YS_CAT_FUNC, r, "其他政府办公厅及相关机构事务支出"));
	r = ys_catalog_find(cat, YS_CAT_GOV_ECON, "50601");
	ck_assert(ys_catalog_name_ok(cat, YS_CAT_GOV_ECON, r, "资本性支出")); /* recorded variant */
	ck_assert(ys_catalog_name_ok(cat, YS_CAT_GOV_ECON, r, "资本性支出（一）"));
	ys_catalog_free(cat);
}
END_TEST

START_TEST(mapping_by_unit_type)
{
	ys_catalog *cat = shipped_catalog();
	const ys_catmap *m = ys_catalog_map(cat, "30101");
	ck_assert_ptr_nonnull(m);
	ck_assert_str_eq(m->gov_code[YS_UT_JIGUAN], "50101");
	ck_assert_str_eq(m->gov_code[YS_UT_SHIYE], "50501");
	m = ys_catalog_map(cat, "3021101"); /* a provincial 7-digit code maps by its 款 */
	ck_assert_ptr_nonnull(m);
	ck_assert_str_eq(m->dept_code, "30211");
	ck_assert_str_eq(m->gov_code[YS_UT_SHIYE], "50502");
	m = ys_catalog_map(cat, "31002");
	ck_assert_str_eq(m->gov_code[YS_UT_SHIYE], "50601");
	ck_assert_str_eq(m->gov_code[YS_UT_JIGUAN], "50306");
	ys_catalog_free(cat);
}
END_TEST

static char *write_tmp(const char *content)
{
	static char path[64];
	snprintf(path, sizeof path, "/tmp/ys_cat_XXXXXX");
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, content, strlen(content)), (ssize_t)strlen(content));
	close(fd);
	return path;
}

START_TEST(user_file_replaces_a_kind)
{
	ys_catalog *cat = shipped_catalog();
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	char *p = write_tmp("code,name,level,parent,budget,path,confidence,seen_in\n"
	                    "201,一般公共服务支出,类,,GP,x,seen,\n"
	                    "2019901,本地特有项目,项,20199,GP,x,high,\n");
	ck_assert_int_eq(ys_catalog_load_file(&ctx, cat, "function", p), YS_OK);
	unlink(p);
	ck_assert_uint_eq(ys_catalog_count(cat, YS_CAT_FUNC), 2);
	ck_assert_ptr_nonnull(ys_catalog_find(cat, YS_CAT_FUNC, "2019901"));
	ck_assert_ptr_null(ys_catalog_find(cat, YS_CAT_FUNC, "2010350"));
	ys_catalog_free(cat);
}
END_TEST

START_TEST(bad_catalog_files_say_where)
{
	ys_catalog *cat = shipped_catalog();
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	char *p = write_tmp("code,name,confidence\n201,a,seen\n201,b,seen\n");
	ck_assert_int_eq(ys_catalog_load_file(&ctx, cat, "function", p), YS_EPARSE);
	ck_assert_msg(strstr(ctx.msg, ":3: code 201 is listed twice (also line 2)"), "%s", ctx.msg);
	unlink(p);
	p = write_tmp("code,name,confidence\n201,a,sure\n");
	ck_assert_int_eq(ys_catalog_load_file(&ctx, cat, "function", p), YS_EPARSE);
	ck_assert_msg(strstr(ctx.msg, ":2: confidence 'sure'"), "%s", ctx.msg);
	unlink(p);
	p = write_tmp("code,name,confidence\n20A,a,seen\n");
	ck_assert_int_eq(ys_catalog_load_file(&ctx, cat, "function", p), YS_EPARSE);
	ck_assert_msg(strstr(ctx.msg, ":2:1: code '20A'"), "%s", ctx.msg);
	unlink(p);
	ck_assert_int_eq(ys_catalog_load_file(&ctx, cat, "nonsense", "/dev/null"), YS_EINVAL);
	/* the failed loads left the shipped rows in place */
	ck_assert_ptr_nonnull(ys_catalog_find(cat, YS_CAT_FUNC, "2010350"));
	ys_catalog_free(cat);
}
END_TEST

START_TEST(year_folders)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_catalog *cat;
	/* a 2019 document still gets the only (2025) catalog */
	ck_assert_int_eq(ys_catalog_open(&ctx, YS_DATADIR "/catalog", 2019, &cat), YS_OK);
	ck_assert_int_eq(ys_catalog_year(cat), 2025);
	ys_catalog_free(cat);
	ck_assert_int_eq(ys_catalog_open(&ctx, "/nonexistent", 2026, &cat), YS_EIO);
}
END_TEST

START_TEST(budget_model_derivations)
{
	ys_catalog *cat = shipped_catalog();
	ys_budget *b = ys_budget_new("测试部门", 2026);
	ck_assert_ptr_nonnull(b);
	ys_bunit units[2] = { { "机关本级", YS_UT_JIGUAN, { "units.csv", 2 } }, { "幼儿园", YS_UT_SHIYE, { "units.csv", 3 } } };
	b->units = malloc(sizeof units);
	memcpy(b->units, units, sizeof units);
	b->nunits = 2;
	ys_item it;
	memset(&it, 0, sizeof it);
	strcpy(it.econ, "30101");
	char gov[6];
	it.unit = 0; /* 机关: 30101 -> 50101 */
	ck_assert_int_eq(ys_item_gov(b, cat, &it, gov), 0);
	ck_assert_str_eq(gov, "50101");
	it.unit = 1; /* 事业单位: 30101 -> 50501 */
	ck_assert_int_eq(ys_item_gov(b, cat, &it, gov), 0);
	ck_assert_str_eq(gov, "50501");
	strcpy(it.econ, "3021101"); /* a local code maps by its 款 */
	ck_assert_int_eq(ys_item_gov(b, cat, &it, gov), 0);
	ck_assert_str_eq(gov, "50502");
	strcpy(it.gov, "50299"); /* given explicitly: kept */
	ck_assert_int_eq(ys_item_gov(b, cat, &it, gov), 0);
	ck_assert_str_eq(gov, "50299");
	ck_assert(ys_econ_personnel("30113"));
	ck_assert(ys_econ_personnel("30302"));
	ck_assert(!ys_econ_personnel("30201"));
	ck_assert(ys_fund_fiscal(YS_FS_SOC));
	ck_assert(!ys_fund_fiscal(YS_FS_SPECIAL));
	ck_assert_str_eq(ys_fund_name(YS_FS_UNIT), "单位资金");
	ys_budget_free(b);
	ys_catalog_free(cat);
}
END_TEST

START_TEST(code_keys_sort_like_code_strings)
{
	/* every pair: the keys compare as the strings do, and are equal only for equal strings */
	static const char *const codes[] = { "", "2", "201", "2010", "20103", "2010301", "2010350", "201036", "30211",
		                             "3021100", "3021101", "302110", "30212", "3", "999999999", "0", "00" };
	size_t n = sizeof codes / sizeof codes[0];
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			int s = strcmp(codes[i], codes[j]);
			uint64_t a = ys_code_key(codes[i]), b = ys_code_key(codes[j]);
			int k = a < b ? -1 : a > b;
			ck_assert_msg((s < 0) == (k < 0) && (s == 0) == (k == 0), "'%s' vs '%s': strcmp %d, keys %d", codes[i],
			              codes[j], s, k);
		}
	ck_assert_uint_eq(ys_code_key(""), 0);
	ck_assert_uint_eq(ys_code_key("30211"), 302110000ULL * 16 + 5);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("catalog");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, shipped_catalog_loads);
	tcase_add_test(tc, names_by_nfkc_and_variants);
	tcase_add_test(tc, mapping_by_unit_type);
	tcase_add_test(tc, user_file_replaces_a_kind);
	tcase_add_test(tc, bad_catalog_files_say_where);
	tcase_add_test(tc, year_folders);
	tcase_add_test(tc, budget_model_derivations);
	tcase_add_test(tc, code_keys_sort_like_code_strings);
	suite_add_tcase(s, tc);
	return s;
}
