/* test_store.c - the SQLite store: round trip, one transaction per import,
 * schema versions. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "seedutil.h"

static char dbpath[64];

static void fresh_db(void)
{
	snprintf(dbpath, sizeof dbpath, "/tmp/ys_store_%d.db", (int)getpid());
	unlink(dbpath);
	char p[80];
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

static long long count(const char *table)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	char sql[128];
	long long n = -1;
	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

static void sql(const char *s)
{
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_msg(sqlite3_exec(db, s, NULL, NULL, NULL) == SQLITE_OK, "%s", sqlite3_errmsg(db));
	sqlite3_close(db);
}

START_TEST(round_trip)
{
	fresh_db();
	ys_store *st = open_store();
	ck_assert_str_eq(ys_store_backend(st), "sqlite");
	ck_assert_int_eq(ys_store_schema_version(st), YS_SCHEMA_VERSION);
	ys_doc *doc = read_seed(NULL, 0);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	int64_t id, latest;
	ck_assert_int_eq(ys_store_save_doc(&ctx, st, doc, &id), YS_OK);
	ck_assert_int_eq(ys_store_latest_doc(&ctx, st, &latest), YS_OK);
	ck_assert_int_eq(id, latest);
	ys_doc *back;
	ck_assert_msg(ys_store_load_doc(&ctx, st, id, &back) == YS_OK, "%s", ctx.msg);
	same_cells(doc, back);
	ck_assert_str_eq(back->department, doc->department);
	ck_assert_int_eq(back->year, 2026);
	/* positions survive, so findings from the store point at the file */
	ck_assert_int_eq(back->tables[YS_T03]->rows[41].cells[C03_DEPT].line,
	                 doc->tables[YS_T03]->rows[41].cells[C03_DEPT].line);
	ck_assert_int_eq(back->tables[YS_T12]->nheaders, doc->tables[YS_T12]->nheaders);
	ys_doc_free(back);
	ck_assert_int_eq(ys_store_load_doc(&ctx, st, id + 1, &back), YS_ENOTFOUND);
	ck_assert_ptr_null(back);
	ys_doc_free(doc);
	ys_store_close(st);
}
END_TEST

START_TEST(failed_import_leaves_the_database_as_it_was)
{
	fresh_db();
	ys_store *st = open_store();
	ys_doc *doc = read_seed(NULL, 0);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	int64_t id;
	ck_assert_int_eq(ys_store_save_doc(&ctx, st, doc, &id), YS_OK);
	ys_store_close(st);
	long long d0 = count("disclosure"), c0 = count("dcell"), r0 = count("drow");
	ck_assert_int_eq(d0, 1);
	/* the database refuses the 500th cell of the next import */
	sql("CREATE TRIGGER stop BEFORE INSERT ON dcell WHEN (SELECT count(*) FROM dcell) >= "
	    "(SELECT count(*) FROM dcell WHERE disclosure_id = 1) + 500 BEGIN SELECT RAISE(ABORT, 'disk full'); END");
	st = open_store();
	ck_assert_int_eq(ys_store_save_doc(&ctx, st, doc, &id), YS_ESTORE);
	ck_assert_msg(strstr(ctx.msg, "disk full"), "%s", ctx.msg);
	ys_store_close(st);
	ck_assert_int_eq(count("disclosure"), d0);
	ck_assert_int_eq(count("dcell"), c0);
	ck_assert_int_eq(count("drow"), r0);
	ck_assert_int_eq(count("dtable"), 13);
	ys_doc_free(doc);
}
END_TEST

START_TEST(schema_versions)
{
	fresh_db();
	ys_store_close(open_store());
	sql("PRAGMA user_version = 99");
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_store *st;
	ck_assert_int_eq(ys_store_open(&ctx, dbpath, &st), YS_ESTORE);
	ck_assert_msg(strstr(ctx.msg, "schema version 99 was written by a newer yusuan"), "%s", ctx.msg);
	fresh_db();
	sql("CREATE TABLE other(x)");
	ck_assert_int_eq(ys_store_open(&ctx, dbpath, &st), YS_ESTORE);
	ck_assert_msg(strstr(ctx.msg, "not a yusuan database"), "%s", ctx.msg);
	ck_assert_int_eq(ys_store_open(&ctx, "postgresql://localhost/x", &st), YS_EINVAL);
	fresh_db();
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("sqlite");
	tcase_add_test(tc, round_trip);
	tcase_add_test(tc, failed_import_leaves_the_database_as_it_was);
	tcase_add_test(tc, schema_versions);
	suite_add_tcase(s, tc);
	return s;
}
