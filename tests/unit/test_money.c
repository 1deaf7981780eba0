/* test_money.c - parsing, formatting, checked arithmetic and rounding of 分. */
#include <stdint.h>
#include <string.h>

#include "testutil.h"
#include "yusuan/money.h"

static int64_t parse_ok(const char *s, ys_unit u)
{
	ys_amount a;
	ys_money_err e = { 0, NULL };
	int r = ys_money_parse(s, strlen(s), u, &a, &e);
	ck_assert_msg(r == 0, "'%s' rejected: %s at %zu", s, e.what ? e.what : "", e.pos);
	ck_assert_msg(a.present, "'%s' parsed as blank", s);
	return a.fen;
}

static size_t parse_fail(const char *s, ys_unit u)
{
	ys_amount a;
	ys_money_err e = { 0, NULL };
	ck_assert_msg(ys_money_parse(s, strlen(s), u, &a, &e) == -1, "'%s' accepted", s);
	ck_assert_ptr_nonnull(e.what);
	return e.pos;
}

static int is_blank(const char *s)
{
	ys_amount a;
	ck_assert_int_eq(ys_money_parse(s, strlen(s), YS_UNIT_WANYUAN, &a, NULL), 0);
	return !a.present && a.fen == 0;
}

START_TEST(parse_wanyuan_six_decimals)
{
	ck_assert_int_eq(parse_ok("33,149.176143", YS_UNIT_WANYUAN), 33149176143LL);
	ck_assert_int_eq(parse_ok("60.020000", YS_UNIT_WANYUAN), 60020000);
	ck_assert_int_eq(parse_ok("0.000001", YS_UNIT_WANYUAN), 1);
	ck_assert_int_eq(parse_ok("35,495.14", YS_UNIT_WANYUAN), 35495140000LL);
	ck_assert_int_eq(parse_ok("7", YS_UNIT_WANYUAN), 7000000);
}
END_TEST

START_TEST(parse_yuan)
{
	ck_assert_int_eq(parse_ok("1,234.56", YS_UNIT_YUAN), 123456);
	ck_assert_int_eq(parse_ok("0.01", YS_UNIT_YUAN), 1);
	ck_assert_int_eq(parse_ok("0.00", YS_UNIT_YUAN), 0);
	ck_assert_int_eq(parse_ok("15621110.00", YS_UNIT_YUAN), 1562111000);
}
END_TEST

START_TEST(parse_blank_and_nil)
{
	ck_assert(is_blank(""));
	ck_assert(is_blank("   "));
	ck_assert(is_blank("-"));
	ck_assert(is_blank("—"));
	ck_assert(is_blank("\xE3\x80\x80"));
	/* "0.00" is a printed zero, not a blank */
	ys_amount a;
	ck_assert_int_eq(ys_money_parse("0.00", 4, YS_UNIT_WANYUAN, &a, NULL), 0);
	ck_assert(a.present);
	ck_assert_int_eq(a.fen, 0);
	ck_assert_int_eq(a.dp, 2);
}
END_TEST

START_TEST(parse_fullwidth_and_spaces)
{
	ck_assert_int_eq(parse_ok("３３，１４９．１７６１４３", YS_UNIT_WANYUAN), 33149176143LL);
	ck_assert_int_eq(parse_ok(" 12.5 ", YS_UNIT_YUAN), 1250);
	ck_assert_int_eq(parse_ok("－5.00", YS_UNIT_YUAN), -500);
	ck_assert_int_eq(parse_ok("-0.000001", YS_UNIT_WANYUAN), -1);
}
END_TEST

START_TEST(parse_rejects_with_position)
{
	ck_assert_uint_eq(parse_fail("1.2.3", YS_UNIT_WANYUAN), 3);
	ck_assert_uint_eq(parse_fail("12,34.5", YS_UNIT_WANYUAN), 2);
	ck_assert_uint_eq(parse_fail("1,2345", YS_UNIT_WANYUAN), 1);
	ck_assert_uint_eq(parse_fail("1.2345678", YS_UNIT_WANYUAN), 8);
	ck_assert_uint_eq(parse_fail("1.234", YS_UNIT_YUAN), 4);
	ck_assert_uint_eq(parse_fail("12a", YS_UNIT_YUAN), 2);
	ck_assert_uint_eq(parse_fail("abc", YS_UNIT_YUAN), 0);
	ck_assert_uint_eq(parse_fail(",123", YS_UNIT_YUAN), 0);
	ck_assert_uint_eq(parse_fail("1.5,000", YS_UNIT_YUAN), 3);
	ck_assert_uint_eq(parse_fail("- 5", YS_UNIT_YUAN), 1);
}
END_TEST

START_TEST(parse_boundaries)
{
	/* INT64_MAX 分 = 92,233,720,368,547,758.07 元 */
	ck_assert_int_eq(parse_ok("92233720368547758.07", YS_UNIT_YUAN), INT64_MAX);
	ck_assert_int_eq(parse_ok("-92233720368547758.08", YS_UNIT_YUAN), INT64_MIN);
	parse_fail("92233720368547758.08", YS_UNIT_YUAN);
	parse_fail("-92233720368547758.09", YS_UNIT_YUAN);
	parse_fail("99999999999999999999999", YS_UNIT_YUAN);
	ck_assert_int_eq(parse_ok("9,223,372,036,854.775807", YS_UNIT_WANYUAN), INT64_MAX);
	parse_fail("9,223,372,036,854.775808", YS_UNIT_WANYUAN);
}
END_TEST

static const char *fmt(int64_t fen, ys_unit u, int dp, unsigned flags)
{
	static char buf[YS_MONEY_FMT_MAX];
	ck_assert_int_ge(ys_money_format(buf, fen, u, dp, flags), 0);
	return buf;
}

START_TEST(format_units)
{
	ck_assert_str_eq(fmt(33149176143LL, YS_UNIT_WANYUAN, 6, YS_FMT_GROUP), "33,149.176143");
	ck_assert_str_eq(fmt(33149176143LL, YS_UNIT_WANYUAN, 6, 0), "33149.176143");
	ck_assert_str_eq(fmt(123456, YS_UNIT_YUAN, 2, YS_FMT_GROUP), "1,234.56");
	ck_assert_str_eq(fmt(1, YS_UNIT_WANYUAN, 6, YS_FMT_GROUP), "0.000001");
	ck_assert_str_eq(fmt(-1, YS_UNIT_YUAN, 2, 0), "-0.01");
	ck_assert_str_eq(fmt(0, YS_UNIT_WANYUAN, 2, 0), "0.00");
	ck_assert_str_eq(fmt(0, YS_UNIT_WANYUAN, 6, YS_FMT_BLANK_ZERO), "");
	ck_assert_str_eq(fmt(INT64_MAX, YS_UNIT_YUAN, 2, YS_FMT_GROUP), "92,233,720,368,547,758.07");
	ck_assert_str_eq(fmt(INT64_MIN, YS_UNIT_YUAN, 2, YS_FMT_GROUP), "-92,233,720,368,547,758.08");
	ck_assert_str_eq(fmt(999000000, YS_UNIT_WANYUAN, 6, YS_FMT_GROUP), "999.000000");
	ck_assert_str_eq(fmt(1000000000, YS_UNIT_WANYUAN, 6, YS_FMT_GROUP), "1,000.000000");
}
END_TEST

START_TEST(format_refuses_inexact)
{
	char buf[YS_MONEY_FMT_MAX];
	/* 35,495.141375 万元 cannot print at 2 decimals without a named rounding */
	ck_assert_int_eq(ys_money_format(buf, 35495141375LL, YS_UNIT_WANYUAN, 2, 0), -1);
	ck_assert_int_eq(ys_money_format(buf, 1, YS_UNIT_YUAN, 3, 0), -1);
}
END_TEST

START_TEST(checked_arithmetic)
{
	int64_t r = 42;
	ck_assert_int_eq(ys_money_add(INT64_MAX - 1, 1, &r), 0);
	ck_assert_int_eq(r, INT64_MAX);
	ck_assert_int_eq(ys_money_add(INT64_MAX, 1, &r), -1);
	ck_assert_int_eq(r, INT64_MAX); /* untouched on failure */
	ck_assert_int_eq(ys_money_sub(INT64_MIN, 1, &r), -1);
	ck_assert_int_eq(ys_money_sub(0, INT64_MIN, &r), -1);
	ck_assert_int_eq(ys_money_sub(5, 7, &r), 0);
	ck_assert_int_eq(r, -2);
	ck_assert_int_eq(ys_money_mul(INT64_MAX / 2, 3, &r), -1);
	ck_assert_int_eq(ys_money_mul(-4, 25, &r), 0);
	ck_assert_int_eq(r, -100);
}
END_TEST

START_TEST(round_half_up_table13)
{
	int64_t q = ys_money_quantum(YS_UNIT_WANYUAN, 2), r;
	ck_assert_int_eq(q, 10000);
	/* the seed's table 13 figures, from the exact figures of 01/04/05 */
	ck_assert_int_eq(ys_money_round(35495141375LL, q, YS_ROUND_HALF_UP, &r), 0);
	ck_assert_int_eq(r, 35495140000LL);
	ck_assert_int_eq(ys_money_round(23342469955LL, q, YS_ROUND_HALF_UP, &r), 0);
	ck_assert_int_eq(r, 23342470000LL);
	ck_assert_int_eq(ys_money_round(11224651420LL, q, YS_ROUND_HALF_UP, &r), 0);
	ck_assert_int_eq(r, 11224650000LL);
	/* exactly half: away from zero, both signs */
	ck_assert_int_eq(ys_money_round(5000, q, YS_ROUND_HALF_UP, &r), 0);
	ck_assert_int_eq(r, 10000);
	ck_assert_int_eq(ys_money_round(-5000, q, YS_ROUND_HALF_UP, &r), 0);
	ck_assert_int_eq(r, -10000);
	ck_assert_int_eq(ys_money_round(4999, q, YS_ROUND_HALF_UP, &r), 0);
	ck_assert_int_eq(r, 0);
	ck_assert_int_eq(ys_money_round(0, q, YS_ROUND_HALF_UP, &r), 0);
	ck_assert_int_eq(r, 0);
}
END_TEST

START_TEST(round_other_rules_and_limits)
{
	int64_t r;
	ck_assert_int_eq(ys_money_round(15000, 10000, YS_ROUND_HALF_EVEN, &r), 0);
	ck_assert_int_eq(r, 20000);
	ck_assert_int_eq(ys_money_round(25000, 10000, YS_ROUND_HALF_EVEN, &r), 0);
	ck_assert_int_eq(r, 20000);
	ck_assert_int_eq(ys_money_round(-19999, 10000, YS_ROUND_DOWN, &r), 0);
	ck_assert_int_eq(r, -10000);
	ck_assert_int_eq(ys_money_round(INT64_MAX, 10, YS_ROUND_HALF_UP, &r), -1);
	ck_assert_int_eq(ys_money_round(INT64_MIN, 10, YS_ROUND_HALF_UP, &r), -1);
	ck_assert_int_eq(ys_money_round(1, 0, YS_ROUND_HALF_UP, &r), -1);
}
END_TEST

START_TEST(units)
{
	ys_unit u;
	ck_assert_int_eq(ys_unit_parse("万元", strlen("万元"), &u), 0);
	ck_assert_int_eq(u, YS_UNIT_WANYUAN);
	ck_assert_int_eq(ys_unit_parse(" 元 ", strlen(" 元 "), &u), 0);
	ck_assert_int_eq(u, YS_UNIT_YUAN);
	ck_assert_int_eq(ys_unit_parse("美元", strlen("美元"), &u), -1);
	ck_assert_int_eq(ys_unit_scale(YS_UNIT_WANYUAN), 1000000);
}
END_TEST

static int64_t stored(const char *s, ys_unit u)
{
	ys_amount a;
	ys_money_err e = { 0, NULL };
	ck_assert_msg(ys_money_parse_stored(s, strlen(s), u, YS_ROUND_HALF_UP, &a, &e) == 0, "'%s': %s", s,
	              e.what ? e.what : "");
	return a.fen;
}

START_TEST(parse_stored_spreadsheet_numbers)
{
	/* the 17-digit text of a double is rounded half up to 1 分, exactly */
	ck_assert_int_eq(stored("33149.176142999998", YS_UNIT_WANYUAN), 33149176143LL);
	ck_assert_int_eq(stored("33149.176143", YS_UNIT_WANYUAN), 33149176143LL);
	ck_assert_int_eq(stored("0.10000000000000001", YS_UNIT_YUAN), 10);
	ck_assert_int_eq(stored("1234.5649999999", YS_UNIT_YUAN), 123456);
	ck_assert_int_eq(stored("1234.565", YS_UNIT_YUAN), 123457);   /* half up */
	ck_assert_int_eq(stored("-1234.565", YS_UNIT_YUAN), -123457); /* away from zero */
	ck_assert_int_eq(stored("1.5E-3", YS_UNIT_WANYUAN), 1500);
	ck_assert_int_eq(stored("2E3", YS_UNIT_YUAN), 200000);
	ck_assert_int_eq(stored("0.004", YS_UNIT_YUAN), 0);
	ck_assert_int_eq(stored("0.005", YS_UNIT_YUAN), 1);
	ck_assert_int_eq(stored("4E-10", YS_UNIT_YUAN), 0);
	ck_assert_int_eq(stored("0", YS_UNIT_YUAN), 0);
	ys_amount a;
	ys_money_err e;
	ck_assert_int_eq(ys_money_parse_stored("1e999", 5, YS_UNIT_YUAN, YS_ROUND_HALF_UP, &a, &e), -1);
	ck_assert_int_eq(ys_money_parse_stored("1.2.3", 5, YS_UNIT_YUAN, YS_ROUND_HALF_UP, &a, &e), -1);
	ck_assert_int_eq(ys_money_parse_stored("12x", 3, YS_UNIT_YUAN, YS_ROUND_HALF_UP, &a, &e), -1);
	ck_assert_int_eq(ys_money_parse_stored("1E", 2, YS_UNIT_YUAN, YS_ROUND_HALF_UP, &a, &e), -1);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("money");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, parse_wanyuan_six_decimals);
	tcase_add_test(tc, parse_yuan);
	tcase_add_test(tc, parse_blank_and_nil);
	tcase_add_test(tc, parse_fullwidth_and_spaces);
	tcase_add_test(tc, parse_rejects_with_position);
	tcase_add_test(tc, parse_boundaries);
	tcase_add_test(tc, format_units);
	tcase_add_test(tc, format_refuses_inexact);
	tcase_add_test(tc, checked_arithmetic);
	tcase_add_test(tc, round_half_up_table13);
	tcase_add_test(tc, round_other_rules_and_limits);
	tcase_add_test(tc, units);
	tcase_add_test(tc, parse_stored_spreadsheet_numbers);
	suite_add_tcase(s, tc);
	return s;
}
