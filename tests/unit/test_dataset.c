/* test_dataset.c - the store as a dataset: the views of schema 5 agree with
 * the tables they read, the descriptions with src/tabledefs.c, and query
 * adds up, shares and compares years as the documents say. */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "seedutil.h"

static char dbpath[64];

static void fresh_db(void)
{
	snprintf(dbpath, sizeof dbpath, "/tmp/ys_dataset_%d.db", (int)getpid());
	char p[80];
	unlink(dbpath);
	snprintf(p, sizeof p, "%s-wal", dbpath);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", dbpath);
	unlink(p);
}

static ys_store *open_store(void)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_store *st;
	ck_assert_msg(ys_store_open(&ctx, dbpath, &st) == YS_OK, "%s", ctx.msg);
	return st;
}

static int64_t save(ys_store *st, const ys_doc *doc)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	int64_t id;
	ck_assert_msg(ys_store_save_doc(&ctx, st, doc, &id) == YS_OK, "%s", ctx.msg);
	return id;
}

/* One integer from a query (0 for no row or NULL). */
static int one_int(const ys_value *v, int n, void *arg)
{
	(void)n;
	*(int64_t *)arg = v[0].type == YS_V_INT ? v[0].i : 0;
	return 1;
}

static int64_t q_int(ys_store *st, const char *sql)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	int64_t v = -1;
	ck_assert_msg(ys_store_select(&ctx, st, sql, NULL, 0, one_int, &v) == YS_OK, "%s: %s", sql, ctx.msg);
	return v;
}

static int64_t cell(const ys_table *t, int r, int c)
{
	return t->rows[r].cells[c].amt.present ? t->rows[r].cells[c].amt.fen : 0;
}

/* A column added up over the data rows. */
static int64_t col_sum(const ys_table *t, int c)
{
	int64_t s = 0;
	for (int r = 0; r < t->nrows; r++)
		if (t->rows[r].kind == YS_ROW_DATA)
			s += cell(t, r, c);
	return s;
}

static int total_row(const ys_table *t)
{
	for (int r = 0; r < t->nrows; r++)
		if (t->rows[r].kind == YS_ROW_TOTAL)
			return r;
	return -1;
}

/* ys_dtable, ys_dcolumn and ys_dfixed say what src/tabledefs.c says. */
typedef struct colcheck {
	int rows, bad;
	char msg[256];
} colcheck;

static const char *const fund_names[] = { "all", "fiscal", "gp", "gf", "soc", "nonfiscal" };
static const char *const spend_names[] = { "all", "basic", "project", "personnel", "public", "nocap", "oper", "upper", "subsid" };

static int check_col(const ys_value *v, int n, void *arg)
{
	colcheck *C = arg;
	ck_assert_int_eq(n, 8);
	C->rows++;
	const ys_tabledef *d = ys_table_def((ys_tid)v[0].i);
	ck_assert_ptr_nonnull(d);
	ck_assert_int_lt(v[1].i, d->ncols);
	const ys_coldef *c = &d->cols[v[1].i];
	ck_assert_str_eq(v[2].s, c->id);
	ck_assert_str_eq(v[3].s, c->label);
	ck_assert_int_eq(!strcmp(v[4].s, "amount"), c->kind == YS_CK_AMOUNT);
	ck_assert_int_eq(v[5].i, c->panel);
	ck_assert_str_eq(v[7].s, spend_names[c->spend]);
	/* fund: the column's, but 02's columns name their source and all of 04 is 财政拨款 */
	const char *want = fund_names[c->fund];
	if (d->id == YS_T02 && !strncmp(c->id, "src.", 4))
		want = c->id + 4;
	else if (d->id == YS_T02 && !strncmp(c->id, "carry.", 6))
		want = c->id + 6;
	else if (d->id == YS_T04 && c->kind == YS_CK_AMOUNT)
		want = "fiscal";
	ck_assert_str_eq(v[6].s, want);
	return 0;
}

static int check_fixed(const ys_value *v, int n, void *arg)
{
	colcheck *C = arg;
	ck_assert_int_eq(n, 8);
	C->rows++;
	const ys_tabledef *d = ys_table_def((ys_tid)v[0].i);
	ck_assert_int_lt(v[1].i, d->nfixed);
	const ys_fixedrow *f = &d->fixed[v[1].i];
	ck_assert_str_eq(v[2].s, f->id);
	ck_assert_str_eq(v[3].s, f->label);
	ck_assert_int_eq(v[4].i, f->panel);
	if (f->code)
		ck_assert_str_eq(v[6].s, f->code);
	else
		ck_assert_int_eq(v[6].type, YS_V_NULL);
	return 0;
}

static int check_dtable(const ys_value *v, int n, void *arg)
{
	colcheck *C = arg;
	ck_assert_int_eq(n, 4);
	C->rows++;
	const ys_tabledef *d = ys_table_def((ys_tid)v[0].i);
	ck_assert_str_eq(v[1].s, d->code);
	ck_assert_str_eq(v[3].s, d->title);
	return 0;
}

START_TEST(descriptions_are_the_tables)
{
	fresh_db();
	ys_store *st = open_store();
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	colcheck C = { 0, 0, "" };
	ck_assert_int_eq(ys_store_select(&ctx, st, "SELECT * FROM ys_dcolumn", NULL, 0, check_col, &C), YS_OK);
	int ncols = 0, nfixed = 0;
	for (int t = 0; t < YS_NTABLES; t++) {
		ncols += ys_table_def((ys_tid)t)->ncols;
		nfixed += ys_table_def((ys_tid)t)->nfixed;
	}
	ck_assert_int_eq(C.rows, ncols);
	C.rows = 0;
	ck_assert_int_eq(ys_store_select(&ctx, st, "SELECT * FROM ys_dfixed", NULL, 0, check_fixed, &C), YS_OK);
	ck_assert_int_eq(C.rows, nfixed);
	C.rows = 0;
	ck_assert_int_eq(ys_store_select(&ctx, st, "SELECT * FROM ys_dtable", NULL, 0, check_dtable, &C), YS_OK);
	ck_assert_int_eq(C.rows, YS_NTABLES);
	ys_store_close(st);
	fresh_db();
}
END_TEST

/* Every printed amount is in ys_amount once; ys_spending adds up to 03's
 * and 05's 合计 row; by 类 to 01's 类 rows. */
START_TEST(views_add_up_as_the_tables_do)
{
	fresh_db();
	ys_store *st = open_store();
	ys_doc *doc = read_seed(NULL, 0);
	save(st, doc);
	int64_t amounts = 0;
	for (int i = 0; i < YS_NTABLES; i++) {
		const ys_table *t = doc->tables[i];
		for (int r = 0; t && r < t->nrows; r++)
			for (int c = 0; c < t->def->ncols; c++)
				amounts += t->rows[r].cells[c].amt.present;
	}
	ck_assert_int_eq(q_int(st, "SELECT count(*) FROM ys_amount"), amounts);
	const ys_table *t03 = doc->tables[YS_T03], *t05 = doc->tables[YS_T05], *t01 = doc->tables[YS_T01];
	int r03 = total_row(t03), r05 = total_row(t05);
	ck_assert_int_eq(q_int(st, "SELECT sum(fen) FROM ys_spending WHERE fund = 'all' AND kind = 'basic'"),
	                 cell(t03, r03, YS_C03_BASIC));
	ck_assert_int_eq(q_int(st, "SELECT sum(fen) FROM ys_spending WHERE fund = 'all' AND kind = 'project'"),
	                 cell(t03, r03, YS_C03_PROJECT));
	ck_assert_int_eq(q_int(st, "SELECT sum(fen) FROM ys_spending WHERE fund = 'gp'"), cell(t05, r05, YS_C05_TOTAL));
	/* by 类: 01's 类 rows */
	int classes = 0;
	for (int r = 0; r < t01->nrows; r++) {
		int fx = t01->rows[r].fixed[1];
		if (fx < 0 || !t01->def->fixed[fx].code || !cell(t01, r, YS_C01_OUT_AMT))
			continue;
		char sql[160];
		snprintf(sql, sizeof sql, "SELECT sum(fen) FROM ys_spending WHERE fund = 'all' AND func_class = '%s'",
		         t01->def->fixed[fx].code);
		ck_assert_int_eq(q_int(st, sql), cell(t01, r, YS_C01_OUT_AMT));
		/* and ys_amount knows 01's row as that 类 */
		snprintf(sql, sizeof sql,
		         "SELECT sum(fen) FROM ys_amount WHERE table_code = '01' AND func_class = '%s' AND flow = 'spending'",
		         t01->def->fixed[fx].code);
		ck_assert_int_eq(q_int(st, sql), cell(t01, r, YS_C01_OUT_AMT));
		classes++;
	}
	ck_assert_int_eq(classes, 6);
	/* 三公 as 09 prints it */
	const ys_table *t09 = doc->tables[YS_T09];
	ck_assert_int_eq(q_int(st, "SELECT reception FROM ys_sangong"), cell(t09, 0, YS_C09_RECEPTION));
	ck_assert_int_eq(q_int(st, "SELECT total FROM ys_sangong"), cell(t09, 0, YS_C09_TOTAL));
	/* 部门经济 class 301 of 03 */
	int64_t e301 = 0;
	for (int r = 0; r < t03->nrows; r++)
		if (t03->rows[r].kind == YS_ROW_DATA && !strncmp(t03->rows[r].cells[YS_C03_DEPT].text, "301", 3))
			e301 += cell(t03, r, YS_C03_TOTAL);
	ck_assert_int_eq(q_int(st, "SELECT sum(fen) FROM ys_spending WHERE fund = 'all' AND econ_class = '301'"), e301);
	ck_assert_int_eq(q_int(st, "SELECT count(*) FROM ys_project"), 6);
	ys_doc_free(doc);
	ys_store_close(st);
	fresh_db();
}
END_TEST

/* 05's unit blocks carry the names of the budget they were compiled from. */
START_TEST(units_named_from_the_budget)
{
	fresh_db();
	ys_store *st = open_store();
	ys_budget *b = read_budget(YS_DATADIR "/../examples/2026-beijing-jiguan-shiwu");
	ys_doc *doc = compile_budget(b);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	int64_t id;
	ck_assert_msg(ys_store_save_budget(&ctx, st, b, "example", doc, &id) == YS_OK, "%s", ctx.msg);
	ck_assert_int_ge(b->nunits, 2);
	for (int u = 0; u < b->nunits; u++) {
		const ys_table *t05 = doc->tables[YS_T05];
		int64_t want = 0;
		for (int r = 0; r < t05->nrows; r++)
			if (t05->rows[r].kind == YS_ROW_DATA && t05->rows[r].block == u)
				want += cell(t05, r, YS_C05_TOTAL);
		char sql[512];
		snprintf(sql, sizeof sql, "SELECT sum(fen) FROM ys_amount WHERE table_code = '05' AND column_id = 'total'"
		                          " AND row_kind = 'data' AND unit_name = '%s'",
		         b->units[u].name);
		ck_assert_int_eq(q_int(st, sql), want);
	}
	ys_doc_free(doc);
	ys_budget_free(b);
	ys_store_close(st);
	fresh_db();
}
END_TEST

static int count_rows(const ys_value *v, int n, void *arg)
{
	(void)v;
	(void)n;
	++*(int *)arg;
	return 0;
}

START_TEST(select_runs_one_query_only)
{
	fresh_db();
	ys_store *st = open_store();
	ys_doc *doc = read_seed(NULL, 0);
	save(st, doc);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	int n = 0;
	ck_assert_int_eq(ys_store_select(&ctx, st, "DELETE FROM disclosure", NULL, 0, count_rows, &n), YS_EINVAL);
	ck_assert_int_eq(ys_store_select(&ctx, st, "SELECT 1; DELETE FROM disclosure", NULL, 0, count_rows, &n), YS_EINVAL);
	ck_assert_int_eq(ys_store_select(&ctx, st, "SELECT nothing FROM nowhere", NULL, 0, count_rows, &n), YS_ESTORE);
	ck_assert_int_eq(q_int(st, "SELECT count(*) FROM disclosure"), 1);
	ys_value p[2] = { { YS_V_TEXT, 0, "201" }, { YS_V_INT, 2026, NULL } };
	ck_assert_int_eq(ys_store_select(&ctx, st, "SELECT * FROM ys_spending WHERE func_class = ? AND year = ?", p, 2,
	                                 count_rows, &n),
	                 YS_OK);
	ck_assert_int_gt(n, 10);
	ys_doc_free(doc);
	ys_store_close(st);
	fresh_db();
}
END_TEST

/* query: shares of one whole add up; the change from the year before is
 * the difference of the two documents' 03 totals. */
START_TEST(query_shares_and_change)
{
	fresh_db();
	ys_store *st = open_store();
	ys_doc *a = read_seed(NULL, 0);
	static const edit e[] = { { 360, "2026", "2025" }, { 53, "867.596000\t867.596000", "800.000000\t800.000000" } };
	ys_doc *b = read_seed(e, 2);
	save(st, a);
	save(st, b);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_query q;
	memset(&q, 0, sizeof q);
	q.dims[q.ndims++] = YS_QD_YEAR;
	q.dims[q.ndims++] = YS_QD_KIND;
	ys_qresult *r;
	ck_assert_msg(ys_query_run(&ctx, st, &q, &r) == YS_OK, "%s", ctx.msg);
	ck_assert_uint_eq(r->n, 4);
	const ys_table *ta = a->tables[YS_T03], *tb = b->tables[YS_T03];
	int64_t basic_a = col_sum(ta, YS_C03_BASIC), basic_b = col_sum(tb, YS_C03_BASIC), total_a = col_sum(ta, YS_C03_TOTAL);
	ck_assert_int_ne(basic_a, basic_b); /* the edit changed a 基本支出 row */
	int found = 0;
	for (size_t i = 0; i < r->n; i++) {
		const ys_qrow *row = &r->rows[i];
		if (strcmp(row->vals[0], "2026") || strcmp(row->vals[1], "basic"))
			continue;
		found = 1;
		ck_assert_int_eq(row->fen, basic_a);
		ck_assert(row->has_prev);
		ck_assert_int_eq(row->prev, basic_b);
		ck_assert_int_eq(row->change, basic_a - basic_b);
		int64_t pct;
		ck_assert_int_eq(ys_diff_pct(row->prev, row->change, &pct), 0);
		ck_assert_int_eq(row->pct, pct);
		/* the share of 基本 in the year's 基本 + 项目 */
		ck_assert_int_eq(ys_diff_pct(total_a, basic_a, &pct), 0);
		ck_assert_int_eq(row->share, pct);
	}
	ck_assert(found);
	ys_qresult_free(r);
	/* drill-down: 201's 款 only */
	memset(&q, 0, sizeof q);
	q.dims[q.ndims++] = YS_QD_FUNC_KUAN;
	q.func = "201";
	q.year = "2026";
	ck_assert_msg(ys_query_run(&ctx, st, &q, &r) == YS_OK, "%s", ctx.msg);
	ck_assert_uint_eq(r->n, 1);
	ck_assert_str_eq(r->rows[0].vals[0], "20103");
	ck_assert_int_eq(r->rows[0].share, 1000);
	ys_qresult_free(r);
	ys_doc_free(a);
	ys_doc_free(b);
	ys_store_close(st);
	fresh_db();
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("dataset");
	TCase *tc = tcase_create("dataset");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, descriptions_are_the_tables);
	tcase_add_test(tc, views_add_up_as_the_tables_do);
	tcase_add_test(tc, units_named_from_the_budget);
	tcase_add_test(tc, select_runs_one_query_only);
	tcase_add_test(tc, query_shares_and_change);
	suite_add_tcase(s, tc);
	return s;
}
