/* test_score.c - the transparency score: items as data, each item found
 * where it is (a table, the text) and not where it is not, with evidence. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "seedutil.h"

static ys_score_items *shipped_items(void)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_score_items *it;
	ck_assert_msg(ys_score_items_load(&ctx, YS_DATADIR "/score/items.txt", &it) == YS_OK, "%s", ctx.msg);
	return it;
}

static ys_score *score_of(const ys_doc *doc, const ys_score_items *it)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_report *rep;
	ys_check_opts o = { test_catalog(), NULL, NULL };
	ck_assert_msg(ys_check(&ctx, doc, &o, &rep) == YS_OK, "%s", ctx.msg);
	ys_score *s;
	ck_assert_msg(ys_score_doc(&ctx, doc, rep, it, &s) == YS_OK, "%s", ctx.msg);
	ys_report_free(rep);
	return s;
}

static const ys_score_line *line_of(const ys_score *s, const char *id)
{
	for (int k = 0; k < s->n; k++)
		if (!strcmp(s->lines[k].item->id, id))
			return &s->lines[k];
	ck_abort_msg("no item %s", id);
	return NULL;
}

static int sum_of(const ys_score *s)
{
	int t = 0;
	for (int k = 0; k < s->n; k++)
		t += s->lines[k].tenths;
	return t;
}

START_TEST(items_are_data)
{
	ys_score_items *it = shipped_items();
	int total = 0;
	for (int k = 0; k < it->n; k++) {
		ck_assert(ys_score_known(it->v[k].id));
		total += it->v[k].points;
	}
	ck_assert_int_eq(it->total, total);
	ck_assert_int_eq(it->total, 100);
	ys_score_items_free(it);
	/* an item file of one's own: other points, an unknown id refused where it is */
	char path[64];
	snprintf(path, sizeof path, "/tmp/ys_items_%d.txt", (int)getpid());
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	const char *mine = "# mine\ncoverage 30 原则 覆盖率\nglossary 70 内容 名词解释\n";
	ck_assert_int_eq(ys_file_write(&ctx, path, mine, strlen(mine)), YS_OK);
	ck_assert_int_eq(ys_score_items_load(&ctx, path, &it), YS_OK);
	ck_assert_int_eq(it->n, 2);
	ck_assert_int_eq(it->total, 100);
	ys_doc *doc = read_seed(NULL, 0);
	ys_score *s = score_of(doc, it);
	ck_assert_int_eq(s->n, 2);
	ck_assert_int_eq(s->tenths, 300); /* coverage whole, no 名词解释 in the seed */
	ys_score_free(s);
	ys_doc_free(doc);
	ys_score_items_free(it);
	const char *bad = "coverage 30 原则 覆盖率\nsunshine 5 原则 阳光\n";
	ck_assert_int_eq(ys_file_write(&ctx, path, bad, strlen(bad)), YS_OK);
	ck_assert_int_eq(ys_score_items_load(&ctx, path, &it), YS_EPARSE);
	ck_assert_msg(strstr(ctx.msg, ":2: 不认识的评分项“sunshine”"), "%s", ctx.msg);
	const char *twice = "coverage 30 原则 覆盖率\ncoverage 5 原则 覆盖率\n";
	ck_assert_int_eq(ys_file_write(&ctx, path, twice, strlen(twice)), YS_OK);
	ck_assert_int_eq(ys_score_items_load(&ctx, path, &it), YS_EPARSE);
	ck_assert_msg(strstr(ctx.msg, "已在第 1 行"), "%s", ctx.msg);
	const char *nopoints = "coverage ten 原则 覆盖率\n";
	ck_assert_int_eq(ys_file_write(&ctx, path, nopoints, strlen(nopoints)), YS_OK);
	ck_assert_int_eq(ys_score_items_load(&ctx, path, &it), YS_EPARSE);
	unlink(path);
}
END_TEST

/* The seed: every table present and read, 三公 by its parts; no text, so
 * nothing the text would say. */
START_TEST(seed_tables_found_text_items_not)
{
	ys_score_items *it = shipped_items();
	ys_doc *doc = read_seed(NULL, 0);
	ys_score *s = score_of(doc, it);
	for (int k = 0; k < s->n; k++) {
		const ys_score_line *l = &s->lines[k];
		if (!strncmp(l->item->id, "table.", 6)) {
			ck_assert_msg(l->permille == 1000, "%s: %s", l->item->id, l->evidence);
			ck_assert_int_eq(l->tenths, l->item->points * 10);
			ck_assert_int_eq(strlen(l->table), 2);
		}
	}
	ck_assert_int_eq(line_of(s, "sangong.parts")->permille, 1000);
	ck_assert_str_eq(line_of(s, "sangong.parts")->table, "09");
	ck_assert_int_eq(line_of(s, "procurement.categories")->permille, 1000);
	ck_assert_int_eq(line_of(s, "glossary")->permille, 0);
	ck_assert_int_eq(line_of(s, "operation")->permille, 0);
	ck_assert_ptr_nonnull(strstr(line_of(s, "operation")->evidence, "没有找到“机关运行经费”"));
	ck_assert_int_eq(line_of(s, "consistent")->permille, 1000);
	ck_assert_int_eq(line_of(s, "coverage")->permille, 1000);
	ck_assert_int_eq(s->tenths, sum_of(s));
	ck_assert_int_eq(s->max, 100);
	ys_buf out = YS_BUF_INIT;
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ck_assert_int_eq(ys_score_render(&ctx, s, YS_REPORT_JSON, &out), YS_OK);
	ck_assert_ptr_nonnull(strstr(out.s, "\"evidence\": \"预算09表 财政拨款“三公”经费支出表 列出"));
	ys_buf_release(&out);
	ys_score_free(s);
	ys_doc_free(doc);
	ys_score_items_free(it);
}
END_TEST

/* The seed without table 09: its item and the 三公 parts earn nothing, and
 * the set is incomplete. */
START_TEST(missing_table_loses_its_points)
{
	size_t len;
	char *text = seed_text(NULL, 0, &len);
	char *a = strstr(text, "预算09表"), *b = strstr(text, "预算10表");
	ck_assert(a && b && a < b);
	memmove(a, b, strlen(b) + 1);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc;
	ck_assert_msg(ys_doc_read_text(&ctx, "no09.txt", text, strlen(text), &doc) == YS_OK, "%s", ctx.msg);
	free(text);
	ys_score_items *it = shipped_items();
	ys_score *s = score_of(doc, it);
	ck_assert_int_eq(line_of(s, "table.sangong")->tenths, 0);
	ck_assert_ptr_nonnull(strstr(line_of(s, "table.sangong")->evidence, "没有找到这张表"));
	ck_assert_int_eq(line_of(s, "sangong.parts")->tenths, 0);
	ck_assert_int_eq(line_of(s, "complete")->tenths, 0);
	ck_assert_int_eq(line_of(s, "table.summary")->tenths, 40);
	ys_score_free(s);
	ys_doc_free(doc);
	ys_score_items_free(it);
}
END_TEST

/* What the text says: each item found on its line and page, the figures
 * it needs; a heading without figures is not enough. */
START_TEST(text_items_with_their_page)
{
	ys_doc *doc = read_seed(NULL, 0);
	static const char *const lines[] = {
		"目录",
		"六、名词解释",
		"（二）机关运行经费说明",
		"2026年机关运行经费预算为120.50万元，比上年减少3.2万元。",
		"政府采购预算2,403.83万元，其中：货物类364.00万元，",
		"工程类0万元，服务类2,039.83万元。",
		"授予中小企业合同金额占政府采购项目预算总额的比例为100%。",
		"截至2025年底，国有资产占用情况：车辆2台。",
		"支出预算比上年增加50万元，主要原因是新增物业服务。",
		"六、名词解释",
		"1.基本支出：指为保障机构正常运转的支出。",
	};
	int n = (int)YS_ARRAY_LEN(lines);
	doc->prose = calloc((size_t)n, sizeof *doc->prose);
	for (int i = 0; i < n; i++)
		doc->prose[i] = (ys_textline){ lines[i], 100 + i, i + 1 };
	doc->nprose = n;
	ys_score_items *it = shipped_items();
	ys_score *s = score_of(doc, it);
	const ys_score_line *l = line_of(s, "operation");
	ck_assert_int_eq(l->permille, 1000);
	ck_assert_int_eq(l->page, 3); /* the heading, and the figures on the next line */
	l = line_of(s, "glossary");
	ck_assert_int_eq(l->page, 10); /* the section, not the contents */
	ck_assert_int_eq(line_of(s, "procurement.sme")->page, 7);
	ck_assert_int_eq(line_of(s, "assets")->page, 8);
	l = line_of(s, "explain.changes");
	ck_assert_int_eq(l->page, 9); /* 减少 on page 4 gives no reason */
	ck_assert_ptr_nonnull(strstr(l->evidence, "共 1 处"));
	ys_score_free(s);
	/* a heading alone, without a figure near it, is not a statement */
	doc->prose[3].text = "机关运行经费的说明见附件。";
	doc->nprose = 4;
	doc->prose[2].text = "（二）机关运行经费说明";
	s = score_of(doc, it);
	ck_assert_int_eq(line_of(s, "operation")->permille, 0);
	ck_assert_int_eq(line_of(s, "glossary")->page, 2);
	ys_score_free(s);
	ys_doc_free(doc);
	ys_score_items_free(it);
}
END_TEST

/* An error of arithmetic costs the consistency item its share. */
START_TEST(errors_cost_consistency)
{
	static const edit e[] = { { 53, "867.596000\t867.596000", "870.000000\t870.000000" } };
	ys_doc *doc = read_seed(e, 1);
	ys_score_items *it = shipped_items();
	ys_score *s = score_of(doc, it);
	const ys_score_line *l = line_of(s, "consistent");
	ck_assert_int_lt(l->permille, 1000);
	ck_assert_int_gt(l->permille, 900);
	ck_assert_ptr_nonnull(strstr(l->evidence, "个错误"));
	ys_score_free(s);
	ys_doc_free(doc);
	ys_score_items_free(it);
}
END_TEST

/* A run: ranked by score, unreadable last; CSV has every item. */
START_TEST(run_ranks)
{
	ys_score_items *it = shipped_items();
	ys_doc *a = read_seed(NULL, 0);
	static const edit e[] = { { 53, "867.596000\t867.596000", "870.000000\t870.000000" } };
	ys_doc *b = read_seed(e, 1);
	ys_score *v[3];
	v[0] = score_of(b, it);
	v[1] = NULL;
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ck_assert_int_eq(ys_score_failed(&ctx, "bad.pdf", "读不了", it, &v[1]), YS_OK);
	v[2] = score_of(a, it);
	ys_buf out = YS_BUF_INIT;
	ck_assert_int_eq(ys_score_render_run(&ctx, v, 3, it, YS_REPORT_CSV, 0, &out), YS_OK);
	char *l1 = strstr(out.s, "\r\n1,"), *l2 = strstr(out.s, "\r\n2,"), *l3 = strstr(out.s, "\r\n3,");
	ck_assert(l1 && l2 && l3);
	char want[64];
	snprintf(want, sizeof want, "\r\n1,%d.%d,seed.txt", v[2]->tenths / 10, v[2]->tenths % 10);
	ck_assert_ptr_nonnull(strstr(out.s, want));
	ck_assert_ptr_nonnull(strstr(l3, "bad.pdf"));
	ck_assert_ptr_nonnull(strstr(out.s, ",explain.changes,"));
	ys_buf_release(&out);
	for (int i = 0; i < 3; i++)
		ys_score_free(v[i]);
	ys_doc_free(a);
	ys_doc_free(b);
	ys_score_items_free(it);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("score");
	TCase *tc = tcase_create("score");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, items_are_data);
	tcase_add_test(tc, seed_tables_found_text_items_not);
	tcase_add_test(tc, missing_table_loses_its_points);
	tcase_add_test(tc, text_items_with_their_page);
	tcase_add_test(tc, errors_cost_consistency);
	tcase_add_test(tc, run_ranks);
	suite_add_tcase(s, tc);
	return s;
}
