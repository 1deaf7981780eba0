/* test_text.c - decoding, NFKC names, label keys, trimming. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "yusuan/text.h"

static char *decode(const char *raw, size_t n, ys_encoding *enc, ys_result want)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	char *out = NULL;
	size_t len;
	ys_result r = ys_text_decode(&ctx, "x.txt", raw, n, &out, &len, enc);
	ck_assert_msg(r == want, "got %d (%s), wanted %d", r, ctx.msg, want);
	return out;
}

START_TEST(decode_utf8_bom_crlf)
{
	ys_encoding e;
	char *s = decode("\xEF\xBB\xBF" "a\r\nb\rc\n", 10, &e, YS_OK);
	ck_assert_str_eq(s, "a\nb\nc\n");
	ck_assert_int_eq(e, YS_ENC_UTF8_BOM);
	free(s);
}
END_TEST

START_TEST(decode_gb18030)
{
	/* 合计 in GB18030 is BA CF BC C6 */
	ys_encoding e;
	char *s = decode("\xBA\xCF\xBC\xC6\t1.00\n", 10, &e, YS_OK);
	ck_assert_str_eq(s, "合计\t1.00\n");
	ck_assert_int_eq(e, YS_ENC_GB18030);
	free(s);
}
END_TEST

START_TEST(decode_refuses_binary_and_empty)
{
	ys_encoding e;
	ck_assert_ptr_null(decode("ab\0cd", 5, &e, YS_EENCODING));
	ck_assert_ptr_null(decode("", 0, &e, YS_EEMPTY));
	/* 0xFF 0xFF is neither UTF-8 nor GB18030 */
	ck_assert_ptr_null(decode("\xFF\xFF\xFF", 3, &e, YS_EENCODING));
}
END_TEST

START_TEST(names_compare_after_nfkc)
{
	ck_assert(ys_name_eq("其他政府办公厅(室)及相关机构事务支出", "其他政府办公厅（室）及相关机构事务支出"));
	ck_assert(ys_name_eq("合 计", "合计"));
	ck_assert(ys_name_eq("ＡＢＣ１２", "ABC12"));
	ck_assert(!ys_name_eq("维修(护)费", "维修费"));
	ck_assert(ys_has_fullwidth("维修（护）费"));
	ck_assert(!ys_has_fullwidth("维修(护)费"));
}
END_TEST

START_TEST(label_key_and_trim)
{
	ys_buf b = YS_BUF_INIT;
	ys_label_key(&b, "总体资金情况 (万元)", strlen("总体资金情况 (万元)"));
	ck_assert_str_eq(b.s, "总体资金情况(万元)");
	ys_buf_release(&b);
	const char *s = "\xE3\x80\x80 x y \t";
	size_t n = strlen(s);
	ys_trim(&s, &n);
	ck_assert_uint_eq(n, 3);
	ck_assert(!strncmp(s, "x y", 3));
}
END_TEST

START_TEST(utf8_helpers)
{
	size_t bad = 0;
	ck_assert(ys_utf8_valid("合计", strlen("合计"), NULL));
	ck_assert(!ys_utf8_valid("a\xE5\x90", 3, &bad));
	ck_assert_uint_eq(bad, 1);
	ck_assert_uint_eq(ys_utf8_count("合计ab", strlen("合计ab")), 4);
	ck_assert_uint_eq(ys_utf8_width("合计ab"), 6);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, decode_utf8_bom_crlf);
	tcase_add_test(tc, decode_gb18030);
	tcase_add_test(tc, decode_refuses_binary_and_empty);
	tcase_add_test(tc, names_compare_after_nfkc);
	tcase_add_test(tc, label_key_and_trim);
	tcase_add_test(tc, utf8_helpers);
	suite_add_tcase(s, tc);
	return s;
}
