/* test_catalog.c - the shipped catalogs by year, lookups, NFKC names and variants, mappings, bad files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "seedutil.h"

static ys_catalog *open_year(int year)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_catalog *cat;
	ck_assert_msg(ys_catalog_open(&ctx, YS_DATADIR "/catalog", year, &cat) == YS_OK, "%s", ctx.msg);
	return cat;
}

START_TEST(shipped_catalog_loads)
{
	ys_catalog *cat = shipped_catalog();
	ck_assert_int_eq(ys_catalog_year(cat), 2026);
	/* the 2025 lists, 112 + 1 + 2 additions and 2013814 (see data/catalog/README.md) */
	ck_assert_uint_eq(ys_catalog_count(cat, YS_CAT_FUNC), 1157 + 112 + 1);
	ck_assert_uint_eq(ys_catalog_count(cat, YS_CAT_DEPT_ECON), 110 + 1);
	ck_assert_uint_eq(ys_catalog_count(cat, YS_CAT_GOV_ECON), 79 + 2);
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
	cat = open_year(2025);
	ck_assert_int_eq(ys_catalog_year(cat), 2025);
	ck_assert_uint_eq(ys_catalog_count(cat, YS_CAT_FUNC), 1157);
	ck_assert_uint_eq(ys_catalog_count(cat, YS_CAT_DEPT_ECON), 110);
	ys_catalog_free(cat);
}
END_TEST

START_TEST(additions_known_from_2026)
{
	static const struct { ys_catkind kind; const char *code, *name, *seen_in; } add[] = {
		{ YS_CAT_FUNC, "2129801", "城乡社区公共设施", "1" },
		{ YS_CAT_FUNC, "20141", "数据事务", "1" },
		{ YS_CAT_FUNC, "2014102", "一般行政管理事务", "2" },
		{ YS_CAT_DEPT_ECON, "31206", "其他资本性补助", "12" },
		{ YS_CAT_GOV_ECON, "50899", "其他对企业资本性支出", "1" },
	};
	ys_catalog *c26 = open_year(2026), *c25 = open_year(2025);
	for (size_t i = 0; i < sizeof add / sizeof add[0]; i++) {
		const ys_catrow *r = ys_catalog_find(c26, add[i].kind, add[i].code);
		ck_assert_msg(r != NULL, "%s not in 2026", add[i].code);
		ck_assert_str_eq(r->name, add[i].name);
		ck_assert_int_eq(r->conf, YS_CONF_SEEN);
		ck_assert_str_eq(r->seen_in, add[i].seen_in); /* the column before the ignored note */
		ck_assert_msg(ys_catalog_find(c25, add[i].kind, add[i].code) == NULL, "%s in 2025", add[i].code);
	}
	/* 超长期特别国债 items are 政府性基金 (printed in 07 by Beijing) */
	ck_assert_str_eq(ys_catalog_find(c26, YS_CAT_FUNC, "21598")->budget, "GF");
	/* the names 2026 documents print where the 2025 list looks wrong */
	ck_assert_str_eq(ys_catalog_find(c26, YS_CAT_FUNC, "2013808")->name, "信息化建设");
	ck_assert_str_eq(ys_catalog_find(c25, YS_CAT_FUNC, "2013808")->name, "质量基础");
	ck_assert_str_eq(ys_catalog_find(c26, YS_CAT_GOV_ECON, "50405")->name, "大型修缮");
	ck_assert_str_eq(ys_catalog_map(c26, "30906")->gov_code[YS_UT_JIGUAN], "50405");
	ck_assert_str_eq(ys_catalog_map(c25, "30906")->gov_code[YS_UT_JIGUAN], "50406");
	ys_catalog_free(c26);
	ys_catalog_free(c25);
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

START_TEST(variants_carry_their_confidence)
{
	ys_catalog *c26 = open_year(2026), *c25 = open_year(2025);
	ys_conf conf = YS_CONF_LOW;
	const ys_catrow *r = ys_catalog_find(c26, YS_CAT_GOV_ECON, "50999");
	ck_assert_int_eq(ys_catalog_name_match(c26, YS_CAT_GOV_ECON, r, "其他对个人和家庭的补助", &conf), YS_NAME_VARIANT);
	ck_assert_int_eq(conf, YS_CONF_SEEN); /* printed by 56 documents */
	ck_assert_int_eq(ys_catalog_name_match(c26, YS_CAT_GOV_ECON, r, "其他对个人和家庭补助", &conf), YS_NAME_EXACT);
	ck_assert_int_eq(conf, r->conf);
	/* a variant belongs to its kind and code */
	ck_assert_int_eq(ys_catalog_name_match(c26, YS_CAT_FUNC, r, "其他对个人和家庭的补助", &conf), YS_NAME_NONE);
	r = ys_catalog_find(c26, YS_CAT_GOV_ECON, "50901");
	ck_assert_int_eq(ys_catalog_name_match(c26, YS_CAT_GOV_ECON, r, "其他对个人和家庭的补助", &conf), YS_NAME_NONE);
	r = ys_catalog_find(c26, YS_CAT_FUNC, "2080713");
	ck_assert_int_eq(ys_catalog_name_match(c26, YS_CAT_FUNC, r, "求职和创业补贴", &conf), YS_NAME_VARIANT);
	ck_assert_int_eq(conf, YS_CONF_LOW); /* one document */
	r = ys_catalog_find(c25, YS_CAT_GOV_ECON, "50999");
	ck_assert_int_eq(ys_catalog_name_match(c25, YS_CAT_GOV_ECON, r, "其他对个人和家庭的补助", &conf), YS_NAME_NONE);
	ys_catalog_free(c26);
	ys_catalog_free(c25);
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

START_TEST(user_variants_and_extra_columns)
{
	ys_catalog *cat = shipped_catalog();
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	/* extra columns, quoted with commas, are ignored */
	char *p = write_tmp("code,name,level,parent,budget,path,confidence,seen_in,note,another\n"
	                    "201,一般公共服务支出,类,,GP,x,seen,,\"a, b\",1\n"
	                    "20101,人大事务,款,201,GP,x,high,3,,\n");
	ck_assert_int_eq(ys_catalog_load_file(&ctx, cat, "function", p), YS_OK);
	unlink(p);
	ck_assert_str_eq(ys_catalog_find(cat, YS_CAT_FUNC, "201")->seen_in, "");
	ck_assert_str_eq(ys_catalog_find(cat, YS_CAT_FUNC, "20101")->seen_in, "3");
	/* without a confidence column a variant counts as high */
	p = write_tmp("kind,code,name\nfunction,20101,人大事务支出\n");
	ck_assert_int_eq(ys_catalog_load_file(&ctx, cat, "variants", p), YS_OK);
	unlink(p);
	const ys_catrow *r = ys_catalog_find(cat, YS_CAT_FUNC, "20101");
	ys_conf conf = YS_CONF_LOW;
	ck_assert_int_eq(ys_catalog_name_match(cat, YS_CAT_FUNC, r, "人大事务支出", &conf), YS_NAME_VARIANT);
	ck_assert_int_eq(conf, YS_CONF_HIGH);
	/* the same name twice: the surer row counts */
	p = write_tmp("kind,code,name,confidence,note\nfunction,20101,人大事务支出,low,x\nfunction,20101,人大 事务支出,medium,\n");
	ck_assert_int_eq(ys_catalog_load_file(&ctx, cat, "variants", p), YS_OK);
	unlink(p);
	ck_assert_int_eq(ys_catalog_name_match(cat, YS_CAT_FUNC, r, "人大事务支出", &conf), YS_NAME_VARIANT);
	ck_assert_int_eq(conf, YS_CONF_MEDIUM);
	/* the shipped variants were replaced */
	r = ys_catalog_find(cat, YS_CAT_GOV_ECON, "50999");
	ck_assert(!ys_catalog_name_ok(cat, YS_CAT_GOV_ECON, r, "其他对个人和家庭的补助"));
	p = write_tmp("kind,code,name,confidence\ngov_econ,50999,x,sure\n");
	ck_assert_int_eq(ys_catalog_load_file(&ctx, cat, "variants", p), YS_EPARSE);
	ck_assert_msg(strstr(ctx.msg, ":2：可信度“sure”"), "%s", ctx.msg);
	unlink(p);
	p = write_tmp("kind,code,name\ngov_econ,5o999,x\n");
	ck_assert_int_eq(ys_catalog_load_file(&ctx, cat, "variants", p), YS_EPARSE);
	ck_assert_msg(strstr(ctx.msg, ":2：编码“5o999”"), "%s", ctx.msg);
	unlink(p);
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
	ck_assert_msg(strstr(ctx.msg, ":3：编码 201 列了两次（另一次在第 2 行）"), "%s", ctx.msg);
	unlink(p);
	p = write_tmp("code,name,confidence\n201,a,sure\n");
	ck_assert_int_eq(ys_catalog_load_file(&ctx, cat, "function", p), YS_EPARSE);
	ck_assert_msg(strstr(ctx.msg, ":2：可信度“sure”"), "%s", ctx.msg);
	unlink(p);
	p = write_tmp("code,name,confidence\n20A,a,seen\n");
	ck_assert_int_eq(ys_catalog_load_file(&ctx, cat, "function", p), YS_EPARSE);
	ck_assert_msg(strstr(ctx.msg, ":2:1：编码“20A”"), "%s", ctx.msg);
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
	/* the newest folder <= the document's year; a 2019 document gets the oldest */
	static const int want[][2] = { { 2019, 2025 }, { 2025, 2025 }, { 2026, 2026 }, { 2031, 2026 } };
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		ck_assert_int_eq(ys_catalog_open(&ctx, YS_DATADIR "/catalog", want[i][0], &cat), YS_OK);
		ck_assert_int_eq(ys_catalog_year(cat), want[i][1]);
		ck_assert_str_eq(ys_catalog_dir(cat), want[i][1] == 2025 ? YS_DATADIR "/catalog/2025" : YS_DATADIR "/catalog/2026");
		ys_catalog_free(cat);
	}
	/* a year folder given itself is that year, whatever the document's */
	ck_assert_int_eq(ys_catalog_open(&ctx, YS_DATADIR "/catalog/2025", 2026, &cat), YS_OK);
	ck_assert_int_eq(ys_catalog_year(cat), 2025);
	ys_catalog_free(cat);
	ck_assert_int_eq(ys_catalog_open(&ctx, "/nonexistent", 2026, &cat), YS_EIO);
}
END_TEST

START_TEST(default_root_in_callers_buffer)
{
	char a[4096], b[4096], small[8];
	setenv("YUSUAN_DATA", YS_DATADIR, 1);
	ck_assert_ptr_eq(ys_catalog_default_root(a, sizeof a), a);
	setenv("YUSUAN_DATA", "/elsewhere", 1);
	ck_assert_ptr_eq(ys_catalog_default_root(b, sizeof b), b);
	/* each caller keeps its own answer (was one static buffer for all) */
	ck_assert_str_eq(a, YS_DATADIR "/catalog");
	ck_assert_str_eq(b, "/elsewhere/catalog");
	ck_assert_ptr_null(ys_catalog_default_root(small, sizeof small));
	/* ys_catalog_open(NULL) opens the default root */
	setenv("YUSUAN_DATA", YS_DATADIR, 1);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_catalog *cat;
	ck_assert_int_eq(ys_catalog_open(&ctx, NULL, 2025, &cat), YS_OK);
	ck_assert_str_eq(ys_catalog_dir(cat), YS_DATADIR "/catalog/2025");
	ys_catalog_free(cat);
	unsetenv("YUSUAN_DATA");
}
END_TEST

/* the seed with edits, checked for cls.name against the catalog of year */
static int name_findings(int year, const edit *e, int ne, ys_severity *sev)
{
	ys_doc *doc = read_seed(e, ne);
	ck_assert_int_eq(doc->year, 2026);
	ys_catalog *cat = open_year(year);
	ys_report *rep = check_with(doc, cat, "cls.name", NULL);
	int n = (int)rep->nfindings;
	if (n)
		*sev = rep->findings[0].sev;
	ys_report_free(rep);
	ys_catalog_free(cat);
	ys_doc_free(doc);
	return n;
}

START_TEST(check_names_by_year)
{
	ys_severity sev = YS_SEV_NOTICE;
	/* 50602 printed 资本性支出（基本建设） (11 documents): an error by 2025's list, none by 2026's */
	edit variant[] = { { 103, "50601-资本性支出", "50602-资本性支出（基本建设）" } };
	ck_assert_int_eq(name_findings(2025, variant, 1, &sev), 1);
	ck_assert_int_eq(sev, YS_SEV_ERROR);
	ck_assert_int_eq(name_findings(2026, variant, 1, &sev), 0);
	/* a variant printed by one document: a notice only */
	edit weak[] = { { 53, "2010350-事业运行", "2080713-求职和创业补贴" } };
	ck_assert_int_eq(name_findings(2025, weak, 1, &sev), 1);
	ck_assert_int_eq(sev, YS_SEV_ERROR);
	ck_assert_int_eq(name_findings(2026, weak, 1, &sev), 1);
	ck_assert_int_eq(sev, YS_SEV_NOTICE);
	/* a wrong name on a sure row is still an error, also one that is a variant of another code */
	edit wrong[] = { { 53, "50501-工资福利支出", "50501-其他对个人和家庭的补助" } };
	ck_assert_int_eq(name_findings(2026, wrong, 1, &sev), 1);
	ck_assert_int_eq(sev, YS_SEV_ERROR);
	edit wrong2[] = { { 53, "30101-基本工资", "30101-基本薪酬" } };
	ck_assert_int_eq(name_findings(2026, wrong2, 1, &sev), 1);
	ck_assert_int_eq(sev, YS_SEV_ERROR);
	/* the seed as printed has no cls.name finding in either year */
	ck_assert_int_eq(name_findings(2025, NULL, 0, &sev), 0);
	ck_assert_int_eq(name_findings(2026, NULL, 0, &sev), 0);
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
	tcase_add_test(tc, additions_known_from_2026);
	tcase_add_test(tc, names_by_nfkc_and_variants);
	tcase_add_test(tc, variants_carry_their_confidence);
	tcase_add_test(tc, mapping_by_unit_type);
	tcase_add_test(tc, user_file_replaces_a_kind);
	tcase_add_test(tc, user_variants_and_extra_columns);
	tcase_add_test(tc, bad_catalog_files_say_where);
	tcase_add_test(tc, year_folders);
	tcase_add_test(tc, default_root_in_callers_buffer);
	tcase_add_test(tc, check_names_by_year);
	tcase_add_test(tc, budget_model_derivations);
	tcase_add_test(tc, code_keys_sort_like_code_strings);
	suite_add_tcase(s, tc);
	return s;
}
