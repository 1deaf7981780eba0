/*
 * money.h - exact amounts: int64_t counts of 分.
 *
 * Published tables print 万元 with 6 decimals (1 分 exactly), 万元 with 2
 * decimals (table 13, rounded) or 元 with 2 decimals.  No float or double ever
 * holds an amount.  Parsing is strict and reports where it stopped (Redis
 * string2ll); add/sub/mul are overflow-checked (SQLite's sqlite3AddInt64) and
 * rounding happens only through ys_money_round, which names its rule
 * (GnuCash: no silent rounding).
 */
#ifndef YUSUAN_MONEY_H
#define YUSUAN_MONEY_H

#include <stddef.h>
#include <stdint.h>

typedef enum ys_unit {
	YS_UNIT_YUAN = 0,    /* 元: 100 分, 2 decimals exact */
	YS_UNIT_WANYUAN = 1, /* 万元: 1,000,000 分, 6 decimals exact */
	YS_UNIT_YIYUAN = 2,  /* 亿元: 10^10 分, 10 decimals exact */
} ys_unit;

/* 分 per one unit (100, 1000000, 10000000000). */
int64_t ys_unit_scale(ys_unit u);
/* Decimals that are still exact to 1 分 (2, 6, 10). */
int ys_unit_decimals(ys_unit u);
/* "元", "万元", "亿元". */
const char *ys_unit_name(ys_unit u);
/* Recognise a unit name ("万元", "元", "亿元", after NFKC and trimming);
 * returns 0 and sets *u, or -1. */
int ys_unit_parse(const char *s, size_t n, ys_unit *u);

/* Rounding rules, by name.  Every rounding in yusuan goes through one. */
typedef enum ys_round {
	/* 四舍五入: to the nearest multiple, halves away from zero.  The rule
	 * the 2-decimal 万元 figures of table 13 follow. */
	YS_ROUND_HALF_UP = 0,
	/* Banker's rounding: halves to the even multiple. */
	YS_ROUND_HALF_EVEN = 1,
	/* Toward zero (truncation). */
	YS_ROUND_DOWN = 2,
} ys_round;

/* A parsed amount cell. */
typedef struct ys_amount {
	int64_t fen;           /* value in 分; 0 when blank */
	unsigned char present; /* 0: blank or "-"; 1: a number was printed */
	unsigned char dp;      /* decimals printed (0..10) */
} ys_amount;

/* Why a parse failed: pos is the byte offset into the input where the
 * problem was seen, what a static Chinese phrase for a message ("应为数字",
 * YS_MONEY_WHY_DECIMALS ...). */
#define YS_MONEY_WHY_DECIMALS "小数位数超过单位所允许的（元 2 位，万元 6 位）"
typedef struct ys_money_err {
	size_t pos;
	const char *what;
} ys_money_err;

/*
 * Parse s[0..n) as an amount in unit.  Accepts: surrounding white space
 * (ASCII, U+3000, U+00A0), a leading '-' (or '－', '−'), digits (ASCII or
 * full-width), thousands separators ',' or '，' in groups of exactly three,
 * one decimal point ('.' or '．') followed by at most ys_unit_decimals(unit)
 * digits.  Blank and a lone "-" (or "—", "--") parse as not present.
 * Returns 0, or -1 with *err filled (err may be NULL).
 */
int ys_money_parse(const char *s, size_t n, ys_unit unit, ys_amount *out, ys_money_err *err);

/*
 * Parse a number that a spreadsheet stored as binary floating point and
 * wrote as decimal text ("33149.176142999998", "1.5E-3"): the digits are
 * taken exactly (never through a double), the exponent applied, and the
 * value rounded to the unit's exact decimals by `rule`.  No thousands
 * separators.  Returns 0, or -1 with *err.
 */
int ys_money_parse_stored(const char *s, size_t n, ys_unit unit, ys_round rule, ys_amount *out, ys_money_err *err);

/* Overflow-checked arithmetic: return 0, or -1 (and leave *out alone). */
int ys_money_add(int64_t a, int64_t b, int64_t *out);
int ys_money_sub(int64_t a, int64_t b, int64_t *out);
int ys_money_mul(int64_t a, int64_t k, int64_t *out);

const char *ys_round_name(ys_round r);

/* Round fen to a multiple of quantum (> 0) by rule.  Returns 0, or -1 on
 * overflow or a bad quantum. */
int ys_money_round(int64_t fen, int64_t quantum, ys_round rule, int64_t *out);

/* The 分 quantum of dp decimals in unit (万元, 2 -> 10000). -1 if dp exceeds
 * the unit's exact decimals. */
int64_t ys_money_quantum(ys_unit unit, int dp);

enum {
	YS_FMT_GROUP = 1, /* thousands separators: 33,149.176143 */
	YS_FMT_BLANK_ZERO = 2, /* zero formats as the empty string */
};

/* Longest string ys_money_format writes, with its NUL. */
#define YS_MONEY_FMT_MAX 40

/*
 * Format fen in unit with dp decimals into buf (at least YS_MONEY_FMT_MAX
 * bytes).  The value must be exact at dp decimals: round first with
 * ys_money_round.  Returns the length written, or -1 when not exact or dp is
 * out of range.
 */
int ys_money_format(char *buf, int64_t fen, ys_unit unit, int dp, unsigned flags);

#endif
