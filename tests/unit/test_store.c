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

extern const char ys_store_schema_sql[];

/* sqlite_master of the database, one "type name sql" per line, sorted */
static char *schema_of(void)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	ys_buf b = YS_BUF_INIT;
	ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT type, name, sql FROM sqlite_master ORDER BY type, name", -1, &st,
	                                    NULL),
	                 SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		ys_buf_addf(&b, "%s %s %s\n", sqlite3_column_text(st, 0), sqlite3_column_text(st, 1),
		            sqlite3_column_text(st, 2) ? (const char *)sqlite3_column_text(st, 2) : "");
	sqlite3_finalize(st);
	sqlite3_close(db);
	return ys_buf_detach(&b, NULL);
}

/* A database of every older version (the schema up to the part the next
 * version added, with a disclosure in it) migrates to exactly the schema a
 * fresh database has, keeping what it held. */
START_TEST(older_databases_migrate_to_the_current_schema)
{
	/* a fresh database */
	fresh_db();
	ys_store_close(open_store());
	char *fresh = schema_of();
	int from = _i + 1;
	fresh_db();
	char mark[32];
	snprintf(mark, sizeof mark, "-- @@v%d", from + 1);
	const char *next = strstr(ys_store_schema_sql, mark);
	ck_assert_ptr_nonnull(next);
	ys_buf old = YS_BUF_INIT;
	ys_buf_add(&old, ys_store_schema_sql, (size_t)(next - ys_store_schema_sql));
	ys_buf_addf(&old, "INSERT INTO meta(key, value) VALUES ('created_by', 'yusuan'); PRAGMA user_version = %d;", from);
	sql(old.s);
	ys_buf_release(&old);
	sql("INSERT INTO disclosure(file, department, year, encoding) VALUES ('old.txt', '旧部门', 2025, 'UTF-8')");
	ys_store *st = open_store(); /* migrates */
	ck_assert_int_eq(ys_store_schema_version(st), YS_SCHEMA_VERSION);
	ys_store_close(st);
	char *migrated = schema_of();
	ck_assert_str_eq(fresh, migrated);
	ck_assert_int_eq(count("disclosure"), 1); /* what was there stays */
	ck_assert_int_eq(count("budget"), 0);
	free(fresh);
	free(migrated);
	fresh_db();
}
END_TEST

/* SHA-256 against the FIPS 180-4 examples. */
START_TEST(sha256_of_known_inputs)
{
	char hex[YS_HASH_HEX];
	ys_store_hash_bytes("", 0, hex);
	ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	ys_store_hash_bytes("abc", 3, hex);
	ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"; /* 56 bytes: two blocks */
	ys_store_hash_bytes(two, strlen(two), hex);
	ck_assert_str_eq(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	/* a file hashes as its bytes: the seed, read whole and streamed */
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	char *text;
	size_t n;
	ck_assert_int_eq(ys_file_read(&ctx, SEED, &text, &n), YS_OK);
	char whole[YS_HASH_HEX], streamed[YS_HASH_HEX];
	ys_store_hash_bytes(text, n, whole);
	free(text);
	ck_assert_int_eq(ys_store_hash_file(&ctx, SEED, streamed), YS_OK);
	ck_assert_str_eq(whole, streamed);
	ck_assert_int_eq(ys_store_hash_file(&ctx, "/nonexistent/file", streamed), YS_EIO);
}
END_TEST

static int first_hash(const ys_doc_info *d, void *arg)
{
	snprintf(arg, YS_HASH_HEX, "%s", d->hash);
	return 1;
}

/* The same file imported twice is refused, unless replace: then the
 * stored one goes and the new one takes its place, in one transaction. */
START_TEST(the_same_file_is_imported_once)
{
	fresh_db();
	ys_store *st = open_store();
	ys_doc *doc = read_seed(NULL, 0);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	char h[YS_HASH_HEX];
	ck_assert_int_eq(ys_store_hash_file(&ctx, SEED, h), YS_OK);
	int64_t id1, id2, replaced = -1;
	ck_assert_msg(ys_store_import_doc(&ctx, st, doc, h, 0, &id1, &replaced) == YS_OK, "%s", ctx.msg);
	ck_assert_int_eq(replaced, 0);
	char listed[YS_HASH_HEX] = "";
	ck_assert_int_eq(ys_store_list_docs(&ctx, st, first_hash, listed), YS_OK);
	ck_assert_str_eq(listed, h);
	long long cells = count("dcell");
	ck_assert_int_eq(ys_store_import_doc(&ctx, st, doc, h, 0, &id2, &replaced), YS_EREFUSED);
	char want[64];
	snprintf(want, sizeof want, "已导入的公开表 %lld", (long long)id1);
	ck_assert_msg(strstr(ctx.msg, want) && strstr(ctx.msg, "--replace"), "%s", ctx.msg);
	ck_assert_int_eq(count("disclosure"), 1);
	ck_assert_msg(ys_store_import_doc(&ctx, st, doc, h, 1, &id2, &replaced) == YS_OK, "%s", ctx.msg);
	ck_assert_int_eq(replaced, id1);
	ck_assert_int_eq(count("disclosure"), 1);
	ck_assert_int_eq(count("dcell"), cells); /* the old cells went with it */
	/* another file is another disclosure; saving without a hash checks nothing */
	ys_store_hash_bytes("other", 5, h);
	ck_assert_int_eq(ys_store_import_doc(&ctx, st, doc, h, 0, &id1, &replaced), YS_OK);
	ck_assert_int_eq(ys_store_save_doc(&ctx, st, doc, &id1), YS_OK);
	ck_assert_int_eq(ys_store_save_doc(&ctx, st, doc, &id1), YS_OK);
	ck_assert_int_eq(count("disclosure"), 4);
	ys_store_close(st);
	ys_doc_free(doc);
	fresh_db();
}
END_TEST

START_TEST(budget_round_trip)
{
	fresh_db();
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_budget *b;
	ck_assert_msg(ys_input_read(&ctx, YS_TESTDIR "/../examples/2026-beijing-jiguan-shiwu", &b) == YS_OK, "%s", ctx.msg);
	ys_catalog *cat = shipped_catalog();
	ys_doc *doc;
	ck_assert_int_eq(ys_compile(&ctx, b, cat, &doc), YS_OK);
	ys_store *st = open_store();
	int64_t id, latest;
	ck_assert_msg(ys_store_save_budget(&ctx, st, b, "example", doc, &id) == YS_OK, "%s", ctx.msg);
	ck_assert_int_eq(ys_store_latest_budget(&ctx, st, &latest), YS_OK);
	ck_assert_int_eq(id, latest);
	ys_budget *back;
	ck_assert_msg(ys_store_load_budget(&ctx, st, id, &back) == YS_OK, "%s", ctx.msg);
	ck_assert_uint_eq(back->nitems, b->nitems);
	ck_assert_int_eq(back->nprojects, b->nprojects);
	ck_assert_int_eq(back->nperf, b->nperf);
	ck_assert_int_eq(back->nnames, b->nnames);
	for (size_t i = 0; i < b->nitems; i++) {
		ck_assert_int_eq(back->items[i].amount, b->items[i].amount);
		ck_assert_str_eq(back->items[i].econ, b->items[i].econ);
		ck_assert_int_eq(back->items[i].pos.line, b->items[i].pos.line);
		ck_assert_str_eq(back->items[i].pos.file, b->items[i].pos.file);
	}
	/* the stored detail compiles to the same tables */
	ys_doc *doc2;
	ck_assert_int_eq(ys_compile(&ctx, back, cat, &doc2), YS_OK);
	ys_buf t1 = YS_BUF_INIT, t2 = YS_BUF_INIT;
	ys_render_text(&ctx, doc, -1, &t1);
	ys_render_text(&ctx, doc2, -1, &t2);
	ck_assert_str_eq(t1.s, t2.s);
	ys_buf_release(&t1);
	ys_buf_release(&t2);
	/* and the compiled disclosure was stored with it */
	ck_assert_int_eq(count("disclosure"), 1);
	ys_budget_free(b);
	ck_assert_int_eq(ys_store_load_budget(&ctx, st, id + 1, &b), YS_ENOTFOUND);
	ck_assert_ptr_null(b);
	ys_store_close(st);
	ys_doc_free(doc);
	ys_doc_free(doc2);
	ys_budget_free(back);
	ys_catalog_free(cat);
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
	tcase_add_loop_test(tc, older_databases_migrate_to_the_current_schema, 0, YS_SCHEMA_VERSION - 1);
	tcase_add_test(tc, sha256_of_known_inputs);
	tcase_add_test(tc, the_same_file_is_imported_once);
	tcase_add_test(tc, budget_round_trip);
	suite_add_tcase(s, tc);
	return s;
}
