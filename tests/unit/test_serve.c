/*
 * test_serve.c - the server's pieces that need no network: the route table
 * and its matching, forms, roles, passwords, users in a store, the ys_doc
 * read from memory an upload is read as.  The server itself: t0036-serve.sh.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "serve/serve_int.h"
#include "testutil.h"

START_TEST(paths_match_their_patterns)
{
	int64_t id = -1;
	ck_assert(ys_srv_route_match("/api/v1/documents", "/api/v1/documents", &id));
	ck_assert(!ys_srv_route_match("/api/v1/documents", "/api/v1/documents/", &id));
	ck_assert(!ys_srv_route_match("/api/v1/documents", "/api/v1/document", &id));
	ck_assert(ys_srv_route_match("/api/v1/documents/{id}", "/api/v1/documents/42", &id));
	ck_assert_int_eq(id, 42);
	ck_assert(ys_srv_route_match("/api/v1/documents/{id}/reviews", "/api/v1/documents/7/reviews", &id));
	ck_assert_int_eq(id, 7);
	/* only digits, at least one, at most 18 */
	ck_assert(!ys_srv_route_match("/api/v1/documents/{id}", "/api/v1/documents/", &id));
	ck_assert(!ys_srv_route_match("/api/v1/documents/{id}", "/api/v1/documents/4x", &id));
	ck_assert(!ys_srv_route_match("/api/v1/documents/{id}", "/api/v1/documents/-1", &id));
	ck_assert(!ys_srv_route_match("/api/v1/documents/{id}", "/api/v1/documents/1/../../etc/passwd", &id));
	ck_assert(!ys_srv_route_match("/api/v1/documents/{id}", "/api/v1/documents/1234567890123456789", &id));
	ck_assert(ys_srv_route_match("/api/v1/documents/{id}", "/api/v1/documents/123456789012345678", &id));
	ck_assert_int_eq(id, 123456789012345678LL);
	/* {n}: a second number, digits only, which the handler reads */
	ck_assert(ys_srv_route_match("/documents/{id}/pages/{n}.png", "/documents/12/pages/3.png", &id));
	ck_assert_int_eq(id, 12);
	ck_assert(!ys_srv_route_match("/documents/{id}/pages/{n}.png", "/documents/12/pages/.png", &id));
	ck_assert(!ys_srv_route_match("/documents/{id}/pages/{n}.png", "/documents/12/pages/-3.png", &id));
	ck_assert(!ys_srv_route_match("/documents/{id}/pages/{n}.png", "/documents/12/pages/3.png/x", &id));
	ck_assert(!ys_srv_route_match("/documents/{id}/pages/{n}.png", "/documents/12/pages/1234567890.png", &id));
	int other;
	req q;
	memset(&q, 0, sizeof q);
	q.path = "/documents/12/pages/345.png";
	q.rt = ys_srv_find_route("GET", q.path, &id, &other);
	ck_assert_ptr_nonnull(q.rt);
	ck_assert_int_eq(ys_srv_path_n(&q), 345);
	ck_assert(ys_srv_route_match("/api/v1/budgets/{id}/items/{n}", "/api/v1/budgets/3/items/17", &id));
	ck_assert_int_eq(id, 3);
	ck_assert(!ys_srv_route_match("/api/v1/budgets/{id}/items/{n}", "/api/v1/budgets/3/items/", &id));
	ck_assert(!ys_srv_route_match("/api/v1/budgets/{id}/items/{n}", "/api/v1/budgets/3/items/1x", &id));
	ck_assert(!ys_srv_route_match("/api/v1/budgets/{id}/items/{n}", "/api/v1/budgets/3/items/../1", &id));
}
END_TEST

START_TEST(the_route_table_is_sound)
{
	int other = 0;
	int64_t id;
	for (size_t i = 0; i < ys_nroutes; i++) {
		const route *r = &ys_routes[i];
		ck_assert_msg(r->roles != 0, "%s %s allows nobody", r->method, r->pattern);
		ck_assert_msg(r->fn != NULL, "%s %s", r->method, r->pattern);
		/* the API answers JSON, pages HTML; page forms are forms */
		int api = !strncmp(r->pattern, "/api/", 5) || !strcmp(r->pattern, "/healthz");
		ck_assert_msg(api == !(r->flags & RF_PAGE), "%s %s", r->method, r->pattern);
		if (!api && !strcmp(r->method, "POST"))
			ck_assert_msg(r->flags & (RF_FORM | RF_MULTIPART), "%s %s", r->method, r->pattern);
		/* only uploads take large bodies (a document, several as jobs, the
		 * ledger's CSV list), and only admins and editors upload */
		if (r->flags & RF_UPLOAD) {
			ck_assert_msg(!strcmp(r->pattern, "/api/v1/documents") || !strcmp(r->pattern, "/api/v1/jobs") ||
			                      !strcmp(r->pattern, "/upload") || !strcmp(r->pattern, "/api/v1/ledger/import"),
			              "%s %s", r->method, r->pattern);
			ck_assert_msg(!(r->roles & ~(YS_ROLE_ADMIN | YS_ROLE_EDITOR)), "%s", r->pattern);
		}
		/* a multipart body is an upload's */
		if (r->flags & RF_MULTIPART)
			ck_assert_msg((r->flags & RF_UPLOAD) && !(r->flags & RF_FORM), "%s", r->pattern);
		/* each method and path once: the first is the one found */
		char path[128];
		snprintf(path, sizeof path, "%s", r->pattern);
		char *b = strstr(path, "{id}");
		if (b)
			memcpy(b, "1234", 4);
		if ((b = strstr(path, "{n}")))
			memcpy(b, "567", 3);
		ck_assert_ptr_eq(ys_srv_find_route(r->method, path, &id, &other), r);
		/* writing needs a login, except logging in */
		if (strcmp(r->method, "GET") && (r->roles & R_ANON))
			ck_assert_msg(strstr(r->pattern, "login") != NULL, "%s %s", r->method, r->pattern);
	}
	ck_assert_ptr_null(ys_srv_find_route("PUT", "/api/v1/users", &id, &other));
	ck_assert_int_eq(other, 1);
	ck_assert_ptr_null(ys_srv_find_route("GET", "/etc/passwd", &id, &other));
	ck_assert_int_eq(other, 0);
	/* the admin's routes are the admin's only */
	const route *u = ys_srv_find_route("GET", "/api/v1/users", &id, &other);
	ck_assert_int_eq(u->roles, YS_ROLE_ADMIN);
	u = ys_srv_find_route("GET", "/api/v1/audit", &id, &other);
	ck_assert_int_eq(u->roles, YS_ROLE_ADMIN | YS_ROLE_REVIEWER);
}
END_TEST

START_TEST(forms_are_decoded)
{
	const char *f = "name=%E5%AE%A1%E6%A0%B8&password=a+b%26c%3D&empty=&flag&=x&%zz=1";
	json_t *o = ys_srv_parse_form(f, strlen(f));
	ck_assert_ptr_nonnull(o);
	ck_assert_str_eq(json_string_value(json_object_get(o, "name")), "审核");
	ck_assert_str_eq(json_string_value(json_object_get(o, "password")), "a b&c=");
	ck_assert_str_eq(json_string_value(json_object_get(o, "empty")), "");
	ck_assert_str_eq(json_string_value(json_object_get(o, "flag")), "");
	ck_assert_str_eq(json_string_value(json_object_get(o, "%zz")), "1");
	json_decref(o);
	/* a NUL or a byte that is not UTF-8 in a field: refused */
	ck_assert_ptr_null(ys_srv_parse_form("a=%00b", 6));
	ck_assert_ptr_null(ys_srv_parse_form("a=%FF", 5));
	/* a truncated escape is kept as it is */
	o = ys_srv_parse_form("a=%4", 4);
	ck_assert_str_eq(json_string_value(json_object_get(o, "a")), "%4");
	json_decref(o);
}
END_TEST

START_TEST(roles_and_passwords)
{
	ck_assert_int_eq(ys_role_parse("admin"), YS_ROLE_ADMIN);
	ck_assert_int_eq(ys_role_parse("viewer"), YS_ROLE_VIEWER);
	ck_assert_int_eq(ys_role_parse("root"), 0);
	ck_assert_int_eq(ys_role_parse(NULL), 0);
	ck_assert_str_eq(ys_role_name(YS_ROLE_REVIEWER), "reviewer");
	ck_assert_ptr_null(ys_role_name(YS_ROLE_ADMIN | YS_ROLE_EDITOR));
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	char h1[256], h2[256];
	ck_assert_int_eq(ys_password_hash(&ctx, "正确的口令", h1, sizeof h1), YS_OK);
	ck_assert_int_eq(ys_password_hash(&ctx, "正确的口令", h2, sizeof h2), YS_OK);
	ck_assert(!strncmp(h1, "$argon2id$v=19$m=19456,t=2,p=1$", 31));
	ck_assert_str_ne(h1, h2); /* salted */
	ck_assert(ys_password_check(h1, "正确的口令"));
	ck_assert(!ys_password_check(h1, "正确的口令 "));
	ck_assert(!ys_password_check("not a hash", "x"));
	char tok[65];
	ys_srv_random_hex(tok, 32);
	ck_assert_int_eq(strlen(tok), 64);
	ck_assert_int_eq(strspn(tok, "0123456789abcdef"), 64);
}
END_TEST

static int count_users(const ys_user *u, void *arg)
{
	int *n = arg;
	if (!strcmp(u->name, "编辑")) {
		ck_assert_int_eq(u->role, YS_ROLE_EDITOR);
		ck_assert_int_eq(u->ndepts, 2);
		/* in the order of their bytes (乙 E4 B9 99 before 甲 E7 94 B2) */
		ck_assert_str_eq(u->depts[0], "乙部门");
		ck_assert_str_eq(u->depts[1], "甲部门");
	}
	++*n;
	return 0;
}

START_TEST(users_in_the_store)
{
	char path[] = "/tmp/ys-serve-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	unlink(path);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_store *st = NULL;
	ck_assert_int_eq(ys_store_open(&ctx, path, &st), YS_OK);
	const char *d[] = { "乙部门", "甲部门" };
	ck_assert_int_eq(ys_user_add(&ctx, st, "编辑", YS_ROLE_EDITOR, d, 2, "12345678", "测试"), YS_OK);
	ck_assert_int_eq(ys_user_add(&ctx, st, "编辑", YS_ROLE_VIEWER, NULL, 0, "12345678", "测试"), YS_EREFUSED);
	ck_assert_int_eq(ys_user_add(&ctx, st, "短", YS_ROLE_VIEWER, NULL, 0, "1234567", "测试"), YS_EINVAL);
	ck_assert_int_eq(ys_user_add(&ctx, st, " 空格", YS_ROLE_VIEWER, NULL, 0, "12345678", "测试"), YS_EINVAL);
	ck_assert_int_eq(ys_user_add(&ctx, st, "x", 3, NULL, 0, "12345678", "测试"), YS_EINVAL);
	const char *twice[] = { "甲部门", "甲部门" };
	ck_assert_int_eq(ys_user_add(&ctx, st, "两次", YS_ROLE_EDITOR, twice, 2, "12345678", "测试"), YS_EREFUSED);
	ck_assert_int_eq(ys_user_add(&ctx, st, "读者", YS_ROLE_VIEWER, NULL, 0, "12345678", "测试"), YS_OK);
	int n = 0;
	ck_assert_int_eq(ys_user_list(&ctx, st, count_users, &n), YS_OK);
	ck_assert_int_eq(n, 2); /* the refused ones left nothing */
	ck_assert_int_eq(ys_user_del(&ctx, st, "读者", "测试"), YS_OK);
	ck_assert_int_eq(ys_user_del(&ctx, st, "读者", "测试"), YS_ENOTFOUND);
	n = 0;
	ck_assert_int_eq(ys_user_list(&ctx, st, count_users, &n), YS_OK);
	ck_assert_int_eq(n, 1);
	ys_store_close(st);
	unlink(path);
	char wal[64];
	snprintf(wal, sizeof wal, "%s-wal", path);
	unlink(wal);
	snprintf(wal, sizeof wal, "%s-shm", path);
	unlink(wal);
}
END_TEST

/* An upload is read from memory as the file would be read from disk. */
START_TEST(documents_read_from_memory)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *a = NULL, *b = NULL;
	char *raw;
	size_t len;
	ck_assert_int_eq(ys_file_read(&ctx, SEED, &raw, &len), YS_OK);
	ck_assert_int_eq(ys_doc_read_file(&ctx, SEED, &a), YS_OK);
	ck_assert_int_eq(ys_doc_read_mem(&ctx, SEED, raw, len, &b), YS_OK);
	ck_assert_str_eq(b->file, SEED);
	ck_assert_int_eq(a->ntables, b->ntables);
	ck_assert_str_eq(a->department, b->department);
	ys_buf x = YS_BUF_INIT, y = YS_BUF_INIT;
	ck_assert_int_eq(ys_render_json(&ctx, a, -1, &x), YS_OK);
	ck_assert_int_eq(ys_render_json(&ctx, b, -1, &y), YS_OK);
	ck_assert_int_eq(x.len, y.len);
	ck_assert(x.len > 1000 && !strcmp(x.s, y.s));
	ys_buf_release(&x);
	ys_buf_release(&y);
	ys_doc_free(a);
	ys_doc_free(b);
	free(raw);
	ys_doc *c = NULL;
	ck_assert_int_eq(ys_doc_read_mem(&ctx, "x.pdf", "%PDF-1.7\n", 9, &c), YS_EPARSE);
	ck_assert_ptr_null(c);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("serve");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, paths_match_their_patterns);
	tcase_add_test(tc, the_route_table_is_sound);
	tcase_add_test(tc, forms_are_decoded);
	tcase_add_test(tc, roles_and_passwords);
	tcase_add_test(tc, users_in_the_store);
	tcase_add_test(tc, documents_read_from_memory);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}
