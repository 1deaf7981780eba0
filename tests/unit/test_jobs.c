/*
 * test_jobs.c - the server's multipart/form-data parser (serve/jobs.c), on
 * which the upload of several files rests: parts as bytes, and every
 * malformed body refused (no boundary, any truncation, a part without its
 * disposition, too many parts).  The jobs themselves: t0037-jobs.sh.
 */
#include <stdio.h>
#include <string.h>

#include "serve/serve_int.h"
#include "testutil.h"

#define CT "multipart/form-data; boundary=XB"

/* A field, a text file whose bytes look like a delimiter but are not one,
 * and a binary file with NULs and CRLFs, as a browser sends them. */
static const char good[] = "--XB\r\n"
                           "Content-Disposition: form-data; name=\"csrf\"\r\n"
                           "\r\n"
                           "abc123\r\n"
                           "--XB\r\n"
                           "Content-Disposition: form-data; name=\"files\"; filename=\"预算.txt\"\r\n"
                           "Content-Type: text/plain\r\n"
                           "\r\n"
                           "line 1\r\n-XB\r\n--X\r\n"
                           "--XB\r\n"
                           "content-disposition: Form-Data; filename=\"b\\\"x.pdf\"; name=files\r\n"
                           "\r\n"
                           "%PDF\0\r\n\0end\r\n"
                           "--XB--";

static int parse(const char *ct, const char *body, size_t n, ys_srv_part *p, int max, int *np, char *err)
{
	return ys_srv_multipart_parse(ct, body, n, p, max, np, err, 256);
}

START_TEST(parts_are_the_bytes_sent)
{
	ys_srv_part p[8];
	int n = -1;
	char err[256] = "";
	ck_assert_int_eq(parse(CT, good, sizeof good - 1, p, 8, &n, err), 0);
	ck_assert_int_eq(n, 3);
	ck_assert_str_eq(p[0].name, "csrf");
	ck_assert(!p[0].has_filename);
	ck_assert_uint_eq(p[0].len, 6);
	ck_assert(!memcmp(p[0].data, "abc123", 6));
	ck_assert_str_eq(p[1].name, "files");
	ck_assert(p[1].has_filename);
	ck_assert_str_eq(p[1].filename, "预算.txt");
	ck_assert_uint_eq(p[1].len, strlen("line 1\r\n-XB\r\n--X"));
	ck_assert(!memcmp(p[1].data, "line 1\r\n-XB\r\n--X", p[1].len));
	/* header names and form-data in any case, parameters in any order, an
	 * escaped quote, bytes with NULs */
	ck_assert_str_eq(p[2].name, "files");
	ck_assert_str_eq(p[2].filename, "b\"x.pdf");
	ck_assert_uint_eq(p[2].len, 11);
	ck_assert(!memcmp(p[2].data, "%PDF\0\r\n\0end", 11));
	/* with a final CRLF, an epilogue, a preamble, a quoted boundary */
	char buf[sizeof good + 64];
	int len = snprintf(buf, sizeof buf, "preamble\r\n");
	memcpy(buf + len, good, sizeof good - 1);
	len += (int)sizeof good - 1;
	memcpy(buf + len, "\r\nepilogue", 10);
	len += 10;
	ck_assert_int_eq(parse("Multipart/Form-Data; charset=utf-8; boundary=\"XB\"", buf, (size_t)len, p, 8, &n, err), 0);
	ck_assert_int_eq(n, 3);
	ck_assert_uint_eq(p[2].len, 11);
}
END_TEST

START_TEST(no_boundary_is_refused)
{
	ys_srv_part p[8];
	int n;
	char err[256];
	const char *bad[] = { "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"XB",
		              "multipart/form-data; boundary=" /* 71 */
		              "12345678901234567890123456789012345678901234567890123456789012345678901",
		              "multipart/mixed; boundary=XB", "application/x-www-form-urlencoded", NULL };
	for (int i = 0; i < 7; i++) {
		err[0] = '\0';
		ck_assert_msg(parse(bad[i], good, sizeof good - 1, p, 8, &n, err) == -1, "%s", bad[i] ? bad[i] : "NULL");
		ck_assert_msg(err[0], "no reason for %s", bad[i] ? bad[i] : "NULL");
	}
	ck_assert_ptr_nonnull(strstr(err, "multipart/form-data"));
	/* 70 is the most */
	char ct[200], body[300];
	const char *b70 = "1234567890123456789012345678901234567890123456789012345678901234567890";
	snprintf(ct, sizeof ct, "multipart/form-data; boundary=%s", b70);
	int len = snprintf(body, sizeof body, "--%s\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n\r\nx\r\n--%s--",
	                   b70, b70);
	ck_assert_int_eq(parse(ct, body, (size_t)len, p, 8, &n, err), 0);
	ck_assert_int_eq(n, 1);
	/* the body does not use the boundary given */
	ck_assert_int_eq(parse("multipart/form-data; boundary=XC", good, sizeof good - 1, p, 8, &n, err), -1);
}
END_TEST

START_TEST(every_truncation_is_refused)
{
	ys_srv_part p[8];
	int n;
	char err[256];
	/* cut anywhere before the close delimiter's "--" is complete */
	for (size_t cut = 0; cut < sizeof good - 1; cut++) {
		err[0] = '\0';
		ck_assert_msg(parse(CT, good, cut, p, 8, &n, err) == -1, "cut at %zu parsed", cut);
		ck_assert_msg(err[0], "cut at %zu: no reason", cut);
	}
}
END_TEST

START_TEST(malformed_parts_are_refused)
{
	ys_srv_part p[8];
	int n;
	char err[256];
	struct {
		const char *body, *why;
	} bad[] = {
		{ "--XB\r\n\r\nx\r\n--XB--", "缺少 Content-Disposition" },
		{ "--XB\r\nContent-Type: text/plain\r\n\r\nx\r\n--XB--", "缺少 Content-Disposition" },
		{ "--XB\r\nContent-Disposition: attachment; name=\"f\"\r\n\r\nx\r\n--XB--", "不是 form-data" },
		{ "--XB\r\nContent-Disposition: form-data; filename=\"a\"\r\n\r\nx\r\n--XB--", "缺少 name" },
		{ "--XB\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\r\n\r\nx\r\n--XB--", "写得不对" },
		{ "--XB\r\nno colon here\r\n\r\nx\r\n--XB--", "不是“名称: 值”" },
		{ "--XB--", "一个部分也没有" },
		{ "--XBx\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n--XB--", "截断" },
		{ "no delimiter at all", "没有 boundary 分隔行" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err[0] = '\0';
		ck_assert_msg(parse(CT, bad[i].body, strlen(bad[i].body), p, 8, &n, err) == -1, "%s", bad[i].body);
		ck_assert_msg(strstr(err, bad[i].why), "%s: %s", bad[i].body, err);
	}
	/* more parts than allowed */
	ck_assert_int_eq(parse(CT, good, sizeof good - 1, p, 2, &n, err), -1);
	ck_assert_ptr_nonnull(strstr(err, "至多上传 2 个"));
	ck_assert_int_eq(parse(CT, good, sizeof good - 1, p, 3, &n, err), 0);
	/* a part's headers have a limit */
	static char big[12000];
	int len = snprintf(big, sizeof big, "--XB\r\nContent-Disposition: form-data; name=\"f\"\r\nX-Pad: ");
	memset(big + len, 'a', 9000);
	len += 9000;
	len += snprintf(big + len, sizeof big - (size_t)len, "\r\n\r\nx\r\n--XB--");
	ck_assert_int_eq(parse(CT, big, (size_t)len, p, 8, &n, err), -1);
	ck_assert_ptr_nonnull(strstr(err, "太长"));
}
END_TEST

START_TEST(client_names_are_cleaned)
{
	char out[256];
	ck_assert_int_eq(ys_srv_clean_name("C:\\Users\\a\\预算.pdf", out, sizeof out), 0);
	ck_assert_str_eq(out, "预算.pdf");
	ck_assert_int_eq(ys_srv_clean_name("../../etc/passwd", out, sizeof out), 0);
	ck_assert_str_eq(out, "passwd");
	ck_assert_int_eq(ys_srv_clean_name("", out, sizeof out), -1);
	ck_assert_int_eq(ys_srv_clean_name("a/..", out, sizeof out), -1);
	ck_assert_int_eq(ys_srv_clean_name("a\nb.txt", out, sizeof out), -1);
	ck_assert_int_eq(ys_srv_clean_name("a\377.txt", out, sizeof out), -1);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("jobs");
	TCase *tc = tcase_create("multipart");
	tcase_add_test(tc, parts_are_the_bytes_sent);
	tcase_add_test(tc, no_boundary_is_refused);
	tcase_add_test(tc, every_truncation_is_refused);
	tcase_add_test(tc, malformed_parts_are_refused);
	tcase_add_test(tc, client_names_are_cleaned);
	suite_add_tcase(s, tc);
	return s;
}
