/*
 * fuzz_money.c - ys_money_parse, ys_money_parse_stored, ys_money_round,
 * ys_money_format, ys_unit_parse and the checked arithmetic.
 *
 * Input: byte 0 picks the unit, the rounding rule and the format flags;
 * bytes 1..8 are also read as an int64 分 value for format/round; the rest
 * (from byte 1) is the text to parse.  Invariants (abort on failure):
 *   - a parsed amount has at most the unit's decimals, and formatting it
 *     with those decimals (grouped or not) parses back to the same 分 and dp;
 *   - any int64 formats at every exact dp and parses back to itself;
 *   - a rounding is a multiple of its quantum, within one quantum of the
 *     value (half a quantum for the half rules; toward zero for DOWN), and
 *     formats at that dp;
 *   - plain ASCII decimal text ("-12.5") reads the same through
 *     ys_money_parse and ys_money_parse_stored (no rounding needed);
 *   - parse_stored's three rules agree: |DOWN| <= |HALF_EVEN| <= |HALF_UP|
 *     <= |DOWN| + 1;
 *   - add/sub/mul fail exactly when the 128-bit result does not fit.
 */
#include "fuzzutil.h"

#include "yusuan/money.h"

static int64_t abs_u(int64_t v, uint64_t *out)
{
	*out = v < 0 ? (uint64_t)(-(v + 1)) + 1 : (uint64_t)v;
	return v;
}

static void roundtrip(int64_t fen, ys_unit unit, int dp, unsigned flags, const char *why)
{
	char buf[YS_MONEY_FMT_MAX];
	int n = ys_money_format(buf, fen, unit, dp, flags & YS_FMT_GROUP);
	if (n < 0)
		die("%s: format(%lld, unit %d, dp %d) refused an exact value", why, (long long)fen, unit, dp);
	if ((size_t)n >= sizeof buf || strlen(buf) != (size_t)n)
		die("%s: format wrote %d bytes", why, n);
	ys_amount a;
	ys_money_err e;
	if (ys_money_parse(buf, (size_t)n, unit, &a, &e) != 0)
		die("%s: '%s' (format of %lld, unit %d, dp %d) does not parse: %s at %zu", why, buf, (long long)fen, unit, dp,
		    e.what, e.pos);
	if (!a.present || a.fen != fen || a.dp != dp)
		die("%s: '%s' parses to %lld dp %d present %d, formatted from %lld dp %d", why, buf, (long long)a.fen, a.dp,
		    a.present, (long long)fen, dp);
	/* blank zero: "" for 0, else the same text */
	char b2[YS_MONEY_FMT_MAX];
	int n2 = ys_money_format(b2, fen, unit, dp, (flags & YS_FMT_GROUP) | YS_FMT_BLANK_ZERO);
	if (fen == 0 ? n2 != 0 : (n2 != n || strcmp(b2, buf)))
		die("%s: BLANK_ZERO format of %lld gave '%s'", why, (long long)fen, b2);
}

static void check_round(int64_t fen, ys_unit unit, int dp, ys_round rule)
{
	int64_t q = ys_money_quantum(unit, dp), r;
	if (q <= 0)
		die("quantum(%d, %d) = %lld", unit, dp, (long long)q);
	if (ys_money_round(fen, q, rule, &r) != 0)
		return; /* overflow near INT64 limits: refused, fine */
	if (r % q != 0)
		die("round(%lld, %lld, rule %d) = %lld is not a multiple", (long long)fen, (long long)q, rule, (long long)r);
	__int128 d = (__int128)r - fen, ad = d < 0 ? -d : d;
	if (ad >= q)
		die("round(%lld, %lld, rule %d) = %lld: off by a quantum or more", (long long)fen, (long long)q, rule,
		    (long long)r);
	if (rule != YS_ROUND_DOWN && ad * 2 > q)
		die("round(%lld, %lld, rule %d) = %lld: more than half a quantum away", (long long)fen, (long long)q, rule,
		    (long long)r);
	uint64_t ar, af;
	abs_u(r, &ar);
	abs_u(fen, &af);
	if (rule == YS_ROUND_DOWN && ar > af)
		die("round down(%lld, %lld) = %lld: away from zero", (long long)fen, (long long)q, (long long)r);
	if ((fen < 0 && r > 0) || (fen > 0 && r < 0))
		die("round(%lld) = %lld changes sign", (long long)fen, (long long)r);
	roundtrip(r, unit, dp, 0, "round");
}

static int plain_ascii(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == '-'))
			return 0;
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	ys_unit unit = (ys_unit)(data[0] % 3);
	ys_round rule = (ys_round)((data[0] / 3) % 3);
	unsigned flags = (data[0] & 0x80) ? YS_FMT_GROUP : 0;
	const char *s = (const char *)data + 1;
	size_t n = size - 1;
	int maxdp = ys_unit_decimals(unit);

	ys_unit u2;
	(void)ys_unit_parse(s, n, &u2);

	/* parse, then format and parse again */
	ys_amount a;
	ys_money_err e;
	memset(&e, 0, sizeof e);
	int rc = ys_money_parse(s, n, unit, &a, &e);
	if (rc != 0) {
		if (!e.what || e.pos > n)
			die("parse failed without a reason in range (pos %zu of %zu)", e.pos, n);
	} else if (a.present) {
		if (a.dp > maxdp)
			die("parsed %d decimals in a unit of %d", a.dp, maxdp);
		roundtrip(a.fen, unit, a.dp, flags, "parse");
		roundtrip(a.fen, unit, maxdp, flags ^ YS_FMT_GROUP, "parse (all decimals)");
		for (int dp = 0; dp <= maxdp; dp++)
			check_round(a.fen, unit, dp, rule);
	} else if (a.fen != 0) {
		die("a blank amount with %lld 分", (long long)a.fen);
	}

	/* stored numbers, by each rule */
	ys_amount st[3];
	int src[3];
	const char *why[3] = { "", "", "" };
	for (int k = 0; k < 3; k++) {
		memset(&e, 0, sizeof e);
		src[k] = ys_money_parse_stored(s, n, unit, (ys_round)k, &st[k], &e);
		if (src[k] != 0 && (!e.what || e.pos > n))
			die("parse_stored failed without a reason in range");
		if (src[k] == 0 && st[k].present && st[k].dp > maxdp)
			die("parse_stored: %d decimals", st[k].dp);
		if (src[k])
			why[k] = e.what;
	}
	/* the rule may only decide whether a value at the int64 edge fits */
	for (int k = 0; k < 3; k++)
		if (src[k] != src[(k + 1) % 3] && strcmp(why[k][0] ? why[k] : why[(k + 1) % 3], "金额太大"))
			die("parse_stored: the rounding rule decides whether '%.*s' parses", (int)n, s);
	if (!src[0] && !src[1] && !src[2] && st[0].present) {
		uint64_t up, even, down;
		abs_u(st[YS_ROUND_HALF_UP].fen, &up);
		abs_u(st[YS_ROUND_HALF_EVEN].fen, &even);
		abs_u(st[YS_ROUND_DOWN].fen, &down);
		if (!(down <= even && even <= up && up - down <= 1))
			die("parse_stored '%.*s': down %llu, even %llu, up %llu", (int)n, s, (unsigned long long)down,
			    (unsigned long long)even, (unsigned long long)up);
	}
	if (rc == 0 && a.present && plain_ascii(s, n)) {
		if (src[0] != 0 || !st[0].present || st[0].fen != a.fen)
			die("'%.*s': parse gives %lld, parse_stored %s %lld", (int)n, s, (long long)a.fen,
			    src[0] ? "fails" : "gives", (long long)st[0].fen);
	}

	/* any int64 formats and parses back, at every exact dp */
	if (size >= 9) {
		int64_t v;
		memcpy(&v, data + 1, 8);
		for (int dp = 0; dp <= maxdp; dp++) {
			int64_t q = ys_money_quantum(unit, dp);
			char buf[YS_MONEY_FMT_MAX];
			int fn = ys_money_format(buf, v, unit, dp, flags);
			if ((v % q == 0) != (fn >= 0))
				die("format(%lld, dp %d): exactness says %d, format says %d", (long long)v, dp, v % q == 0, fn);
			if (fn >= 0)
				roundtrip(v, unit, dp, flags, "int64");
			check_round(v, unit, dp, rule);
		}
		/* checked arithmetic against 128 bits */
		int64_t w = (int64_t)((uint64_t)data[0] << 56 | (uint64_t)data[size - 1] << 3 | (size & 7));
		if (size >= 17)
			memcpy(&w, data + 9, 8);
		int64_t out;
		__int128 t;
		t = (__int128)v + w;
		if ((ys_money_add(v, w, &out) == 0) != (t >= INT64_MIN && t <= INT64_MAX) || (t >= INT64_MIN && t <= INT64_MAX && out != (int64_t)t))
			die("add %lld %lld", (long long)v, (long long)w);
		t = (__int128)v - w;
		if ((ys_money_sub(v, w, &out) == 0) != (t >= INT64_MIN && t <= INT64_MAX) || (t >= INT64_MIN && t <= INT64_MAX && out != (int64_t)t))
			die("sub %lld %lld", (long long)v, (long long)w);
		t = (__int128)v * w;
		if ((ys_money_mul(v, w, &out) == 0) != (t >= INT64_MIN && t <= INT64_MAX) || (t >= INT64_MIN && t <= INT64_MAX && out != (int64_t)t))
			die("mul %lld %lld", (long long)v, (long long)w);
	}
	return 0;
}
