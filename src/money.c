/*
 * money.c - parse, format, round and add amounts held as int64_t 分.
 */
#include "yusuan/money.h"

#include <string.h>

static const int64_t scales[] = { 100, 1000000, 10000000000LL };
static const int decimals[] = { 2, 6, 10 };
static const char *const names[] = { "元", "万元", "亿元" };

int64_t ys_unit_scale(ys_unit u) { return scales[u]; }
int ys_unit_decimals(ys_unit u) { return decimals[u]; }
const char *ys_unit_name(ys_unit u) { return names[u]; }

/* Skip one white-space character (ASCII space/tab, U+3000, U+00A0) at p;
 * returns its length or 0. */
static size_t space_len(const unsigned char *p, const unsigned char *end)
{
	if (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		return 1;
	if (end - p >= 3 && p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
		return 3; /* U+3000 ideographic space */
	if (end - p >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
		return 2; /* U+00A0 */
	return 0;
}

int ys_unit_parse(const char *s, size_t n, ys_unit *u)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	size_t k;
	while ((k = space_len(p, end)))
		p += k;
	while (end > p) {
		if (end[-1] == ' ' || end[-1] == '\t')
			end--;
		else if (end - p >= 3 && end[-3] == 0xE3 && end[-2] == 0x80 && end[-1] == 0x80)
			end -= 3;
		else
			break;
	}
	size_t len = (size_t)(end - p);
	for (int i = 2; i >= 0; i--) {
		if (len == strlen(names[i]) && memcmp(p, names[i], len) == 0) {
			*u = (ys_unit)i;
			return 0;
		}
	}
	return -1;
}

/* Classify the character at p: a digit (returns its value 0..9 and sets
 * *len), or one of the punctuation classes below.  Full-width forms count
 * as their ASCII equivalents. */
enum { CH_OTHER = -1, CH_COMMA = -2, CH_DOT = -3, CH_MINUS = -4, CH_END = -5 };

static int classify(const unsigned char *p, const unsigned char *end, size_t *len)
{
	if (p >= end) {
		*len = 0;
		return CH_END;
	}
	*len = 1;
	if (*p >= '0' && *p <= '9')
		return *p - '0';
	if (*p == ',')
		return CH_COMMA;
	if (*p == '.')
		return CH_DOT;
	if (*p == '-')
		return CH_MINUS;
	if (end - p >= 3 && p[0] == 0xEF && p[1] == 0xBC) {
		*len = 3;
		if (p[2] >= 0x90 && p[2] <= 0x99)
			return p[2] - 0x90; /* ０..９ */
		if (p[2] == 0x8C)
			return CH_COMMA;    /* ， */
		if (p[2] == 0x8E)
			return CH_DOT;      /* ． */
		if (p[2] == 0x8D)
			return CH_MINUS;    /* － */
	}
	if (end - p >= 3 && p[0] == 0xE2 && p[1] == 0x88 && p[2] == 0x92) {
		*len = 3;
		return CH_MINUS;            /* − U+2212 */
	}
	*len = 1;
	return CH_OTHER;
}

static int fail(ys_money_err *err, const unsigned char *start, const unsigned char *p, const char *what)
{
	if (err) {
		err->pos = (size_t)(p - start);
		err->what = what;
	}
	return -1;
}

/* Is [p,end) one of the nil markers: "-", "--", "—", "——", "－"? */
static int is_nil_marker(const unsigned char *p, const unsigned char *end)
{
	static const char *const nil[] = { "-", "--", "—", "——", "－", "/" };
	size_t n = (size_t)(end - p);
	for (size_t i = 0; i < sizeof nil / sizeof nil[0]; i++)
		if (n == strlen(nil[i]) && memcmp(p, nil[i], n) == 0)
			return 1;
	return 0;
}

int ys_money_parse(const char *s, size_t n, ys_unit unit, ys_amount *out, ys_money_err *err)
{
	const unsigned char *start = (const unsigned char *)s, *p = start, *end = start + n;
	size_t k;

	out->fen = 0;
	out->present = 0;
	out->dp = 0;

	while ((k = space_len(p, end)))
		p += k;
	/* trim trailing white space */
	for (;;) {
		const unsigned char *q = end;
		if (q > p && (q[-1] == ' ' || q[-1] == '\t' || q[-1] == '\r' || q[-1] == '\n'))
			end--;
		else if (q - p >= 3 && q[-3] == 0xE3 && q[-2] == 0x80 && q[-1] == 0x80)
			end -= 3;
		else if (q - p >= 2 && q[-2] == 0xC2 && q[-1] == 0xA0)
			end -= 2;
		else
			break;
	}
	if (p == end || is_nil_marker(p, end))
		return 0;

	int neg = 0, c;
	if (classify(p, end, &k) == CH_MINUS) {
		neg = 1;
		p += k;
	}

	/* Integer part: digits with optional thousands separators.  Accumulate
	 * as a negative number so that INT64_MIN is reachable. */
	uint64_t ip = 0;            /* integer part, magnitude */
	int ndig = 0, group = 0, grouped = 0;
	const unsigned char *last_comma = NULL;
	for (;;) {
		c = classify(p, end, &k);
		if (c >= 0) {
			if (ip > (UINT64_MAX - (uint64_t)c) / 10)
				return fail(err, start, p, "金额太大");
			ip = ip * 10 + (uint64_t)c;
			ndig++;
			group++;
			p += k;
		} else if (c == CH_COMMA) {
			if (ndig == 0)
				return fail(err, start, p, "千位分隔符前没有数字");
			if ((grouped && group != 3) || (!grouped && group > 3))
				return fail(err, start, p, "千位分隔符不在三位数字之后");
			grouped = 1;
			group = 0;
			last_comma = p;
			p += k;
		} else {
			break;
		}
	}
	if (grouped && group != 3)
		return fail(err, start, last_comma, "千位分隔符后不是三位数字");
	if (ndig == 0 && c != CH_DOT)
		return fail(err, start, p, "应为数字");

	uint64_t frac = 0;
	int dp = 0;
	if (c == CH_DOT) {
		p += k;
		int maxdp = ys_unit_decimals(unit);
		for (;;) {
			c = classify(p, end, &k);
			if (c >= 0) {
				if (dp == maxdp)
					return fail(err, start, p, YS_MONEY_WHY_DECIMALS);
				frac = frac * 10 + (uint64_t)c;
				dp++;
				p += k;
			} else {
				break;
			}
		}
		if (dp == 0 && ndig == 0)
			return fail(err, start, p, "应为数字");
		if (c == CH_DOT)
			return fail(err, start, p, "有第二个小数点");
		if (c == CH_COMMA)
			return fail(err, start, p, "小数点后有千位分隔符");
	}
	if (c != CH_END)
		return fail(err, start, p, "金额中有不该有的字符");

	/* value = ip * scale + frac * 10^(maxdp - dp), checked */
	int64_t scale = ys_unit_scale(unit);
	uint64_t mag, fpart = frac;
	for (int i = dp; i < ys_unit_decimals(unit); i++)
		fpart *= 10;
	if (__builtin_mul_overflow(ip, (uint64_t)scale, &mag) ||
	    __builtin_add_overflow(mag, fpart, &mag))
		return fail(err, start, start, "金额太大");
	if (neg) {
		if (mag > (uint64_t)INT64_MAX + 1)
			return fail(err, start, start, "金额太大");
		out->fen = mag == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)mag;
	} else {
		if (mag > (uint64_t)INT64_MAX)
			return fail(err, start, start, "金额太大");
		out->fen = (int64_t)mag;
	}
	out->present = 1;
	out->dp = (unsigned char)dp;
	return 0;
}

int ys_money_add(int64_t a, int64_t b, int64_t *out)
{
	int64_t r;
	if (__builtin_add_overflow(a, b, &r))
		return -1;
	*out = r;
	return 0;
}

int ys_money_sub(int64_t a, int64_t b, int64_t *out)
{
	int64_t r;
	if (__builtin_sub_overflow(a, b, &r))
		return -1;
	*out = r;
	return 0;
}

int ys_money_mul(int64_t a, int64_t k, int64_t *out)
{
	int64_t r;
	if (__builtin_mul_overflow(a, k, &r))
		return -1;
	*out = r;
	return 0;
}

const char *ys_round_name(ys_round r)
{
	switch (r) {
	case YS_ROUND_HALF_UP: return "四舍五入 (half away from zero)";
	case YS_ROUND_HALF_EVEN: return "银行家舍入 (half to even)";
	case YS_ROUND_DOWN: return "截断 (toward zero)";
	}
	return "?";
}

int ys_money_round(int64_t fen, int64_t quantum, ys_round rule, int64_t *out)
{
	if (quantum <= 0)
		return -1;
	int64_t q = fen / quantum, r = fen % quantum; /* C: truncates toward zero */
	if (r == 0) {
		*out = fen;
		return 0;
	}
	/* |r| compared with quantum/2 without overflow: 2|r| vs quantum */
	uint64_t ar = r < 0 ? (uint64_t)(-(r + 1)) + 1 : (uint64_t)r;
	uint64_t twice = ar * 2; /* ar < quantum <= INT64_MAX: fits */
	int away;
	switch (rule) {
	case YS_ROUND_HALF_UP:
		away = twice >= (uint64_t)quantum;
		break;
	case YS_ROUND_HALF_EVEN:
		away = twice > (uint64_t)quantum || (twice == (uint64_t)quantum && (q % 2 != 0));
		break;
	case YS_ROUND_DOWN:
		away = 0;
		break;
	default:
		return -1;
	}
	if (away) {
		if (__builtin_add_overflow(q, fen < 0 ? -1 : 1, &q))
			return -1;
	}
	return ys_money_mul(q, quantum, out);
}

int64_t ys_money_quantum(ys_unit unit, int dp)
{
	int maxdp = ys_unit_decimals(unit);
	if (dp < 0 || dp > maxdp)
		return -1;
	int64_t q = 1;
	for (int i = dp; i < maxdp; i++)
		q *= 10;
	return q;
}

int ys_money_format(char *buf, int64_t fen, ys_unit unit, int dp, unsigned flags)
{
	int64_t quantum = ys_money_quantum(unit, dp);
	if (quantum < 0 || fen % quantum != 0)
		return -1;
	if (fen == 0 && (flags & YS_FMT_BLANK_ZERO)) {
		buf[0] = '\0';
		return 0;
	}
	uint64_t mag = fen < 0 ? (uint64_t)(-(fen + 1)) + 1 : (uint64_t)fen;
	uint64_t scale = (uint64_t)ys_unit_scale(unit);
	uint64_t ip = mag / scale, fp = (mag % scale) / (uint64_t)quantum;

	char tmp[YS_MONEY_FMT_MAX];
	int t = 0;
	/* fraction digits, reversed */
	for (int i = 0; i < dp; i++) {
		tmp[t++] = (char)('0' + fp % 10);
		fp /= 10;
	}
	if (dp > 0)
		tmp[t++] = '.';
	int digits = 0;
	do {
		if (digits && digits % 3 == 0 && (flags & YS_FMT_GROUP))
			tmp[t++] = ',';
		tmp[t++] = (char)('0' + ip % 10);
		ip /= 10;
		digits++;
	} while (ip);
	if (fen < 0)
		tmp[t++] = '-';
	for (int i = 0; i < t; i++)
		buf[i] = tmp[t - 1 - i];
	buf[t] = '\0';
	return t;
}

int ys_money_parse_stored(const char *s, size_t n, ys_unit unit, ys_round rule, ys_amount *out, ys_money_err *err)
{
	/* digits of the mantissa, and the power of ten of its last digit */
	char dig[64];
	int nd = 0, exp10 = 0, seen_dot = 0, neg = 0;
	size_t i = 0;
	out->fen = 0;
	out->present = 0;
	out->dp = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (i == n)
		return 0;
	if (s[i] == '-' || s[i] == '+')
		neg = s[i++] == '-';
	size_t start = i;
	for (; i < n && s[i] != 'e' && s[i] != 'E'; i++) {
		if (s[i] == '.') {
			if (seen_dot) {
				if (err)
					err->pos = i, err->what = "有第二个小数点";
				return -1;
			}
			seen_dot = 1;
		} else if (s[i] >= '0' && s[i] <= '9') {
			if (nd == 0 && s[i] == '0') {
				if (seen_dot)
					exp10--;
				continue; /* leading zeros */
			}
			if (nd == (int)sizeof dig) {
				if (err)
					err->pos = i, err->what = "数字位数太多";
				return -1;
			}
			dig[nd++] = s[i];
			if (seen_dot)
				exp10--;
		} else {
			if (err)
				err->pos = i, err->what = "存储的数中有不该有的字符";
			return -1;
		}
	}
	if (i == start || (i == start + 1 && seen_dot)) {
		if (err)
			err->pos = i, err->what = "应为数字";
		return -1;
	}
	if (i < n) { /* exponent */
		i++;
		int eneg = 0, e = 0, any = 0;
		if (i < n && (s[i] == '-' || s[i] == '+'))
			eneg = s[i++] == '-';
		for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, any = 1)
			if (e < 1000)
				e = e * 10 + (s[i] - '0');
		if (!any || i != n) {
			if (err)
				err->pos = i, err->what = "指数有误";
			return -1;
		}
		exp10 += eneg ? -e : e;
	}
	/* value = digits * 10^exp10; in 分: digits * 10^(exp10 + decimals) */
	int shift = exp10 + ys_unit_decimals(unit);
	uint64_t v = 0;
	int keep = nd + (shift < 0 ? shift : 0); /* digits that stay left of the cut */
	if (keep < 0)
		keep = 0;
	for (int k = 0; k < keep; k++) {
		if (v > (UINT64_MAX - 9) / 10)
			goto too_large;
		v = v * 10 + (uint64_t)(dig[k] - '0');
	}
	for (int k = 0; k < shift; k++) {
		if (v > UINT64_MAX / 10)
			goto too_large;
		v *= 10;
	}
	if (keep < nd) { /* digits cut off: round by the rule */
		int first = dig[keep] - '0', rest = 0;
		for (int k = keep + 1; k < nd; k++)
			rest |= dig[k] != '0';
		/* any cut digits before dig[keep] (keep < 0 case) mean the value is below half a unit */
		int below = nd + shift < 0;
		int up = 0;
		if (!below) {
			if (rule == YS_ROUND_HALF_UP)
				up = first >= 5;
			else if (rule == YS_ROUND_HALF_EVEN)
				up = first > 5 || (first == 5 && (rest || (v & 1)));
		}
		if (up)
			v++;
	}
	if (v > (uint64_t)INT64_MAX + (neg ? 1u : 0u))
		goto too_large;
	out->fen = neg ? (v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v) : (int64_t)v;
	out->present = 1;
	out->dp = (unsigned char)(exp10 < 0 ? (-exp10 > ys_unit_decimals(unit) ? ys_unit_decimals(unit) : -exp10) : 0);
	return 0;
too_large:
	if (err)
		err->pos = 0, err->what = "金额太大";
	return -1;
}
