/*
 * fuzz_text_decode.c - ys_text_decode (UTF-8, UTF-8 with BOM, GB18030 via
 * iconv; CRLF/CR to LF), ys_text_encode back, and the text helpers every
 * reader leans on: ys_utf8_valid/count/width, ys_nfkc, ys_label_key,
 * ys_name_eq, ys_has_fullwidth, ys_trim, ys_split_codename,
 * ys_split_project, ys_is_total_label.
 *
 * Invariants: decoded text is valid UTF-8, NUL-terminated at outlen, holds
 * no NUL and no CR; decoding a NUL-free input fails only with an encoding
 * or empty error; encoding the text again in the detected encoding and
 * decoding that gives the same text when it is detected the same way; a
 * trim stays inside its string; a code split is a prefix of digits.
 */
#include "fuzzutil.h"

#include "yusuan/doc.h"
#include "yusuan/text.h"

static void helpers(const char *s, size_t n)
{
	size_t bad;
	if (!ys_utf8_valid(s, n, &bad))
		die("decoded text is not UTF-8 (byte %zu)", bad);
	if (ys_utf8_count(s, n) > n)
		die("more code points than bytes");
	(void)ys_utf8_width(s);
	char *k = ys_nfkc(s);
	if (k) {
		size_t kl = strlen(k);
		if (!ys_utf8_valid(k, kl, NULL))
			die("NFKC gave invalid UTF-8");
		free(k);
	}
	ys_buf b = YS_BUF_INIT;
	ys_label_key(&b, s, n);
	if (!b.oom && !ys_utf8_valid(b.s, b.len, NULL))
		die("label key is not UTF-8");
	ys_buf_release(&b);
	(void)ys_has_fullwidth(s);
	(void)ys_is_total_label(s);

	const char *t = s;
	size_t tn = n;
	ys_trim(&t, &tn);
	if (t < s || t + tn > s + n)
		die("trim left the string");

	/* each line as a cell */
	const char *p = s, *end = s + n;
	int lines = 0;
	while (p < end && lines < 64) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t ln = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *cell = strndup(p, ln);
		if (!cell)
			abort();
		const char *name = NULL;
		size_t cl = ys_split_codename(cell, &name);
		if (cl > ln)
			die("codename length past the cell");
		for (size_t i = 0; i < cl; i++)
			if (cell[i] < '0' || cell[i] > '9')
				die("codename code '%.*s' is not digits", (int)cl, cell);
		if (cl && (!name || name < cell || name > cell + ln))
			die("codename name outside the cell");
		char code[64];
		memset(code, 0x5a, sizeof code);
		if (ys_split_project(cell, code, &name)) {
			if (!memchr(code, '\0', 40))
				die("project code not terminated within 40 bytes");
			if (!name || name < cell || name > cell + ln)
				die("project name outside the cell");
		}
		(void)ys_is_total_label(cell);
		(void)ys_name_eq(cell, s);
		free(cell);
		p = nl ? nl + 1 : end;
		lines++;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	char *text;
	size_t tl;
	ys_encoding enc;
	ys_result r = ys_text_decode(&ctx, "fuzz", (const char *)data, size, &text, &tl, &enc);
	if (r) {
		if (text)
			die("failed decode left output");
		if (r != YS_EEMPTY && r != YS_EENCODING && r != YS_ENOMEM)
			die("decode failed with %s: %s", ys_strerror(r), ctx.msg);
		if (!ctx.msg[0])
			die("decode failed without a message");
		return 0;
	}
	if (!text || text[tl] != '\0')
		die("decoded text is not NUL-terminated at its length");
	if (memchr(text, '\0', tl))
		die("decoded text holds a NUL");
	if (memchr(text, '\r', tl))
		die("decoded text holds a CR");
	helpers(text, tl);

	/* encode in the detected encoding and decode again */
	ys_buf out = YS_BUF_INIT;
	ys_ctx_init(&ctx);
	if (ys_text_encode(&ctx, text, tl, enc, &out) == YS_OK && !out.oom && out.len) {
		char *again;
		size_t al;
		ys_encoding enc2;
		if (ys_text_decode(&ctx, "again", out.s, out.len, &again, &al, &enc2) != YS_OK)
			die("re-encoded text (%s) does not decode: %s", ys_encoding_name(enc), ctx.msg);
		if (enc2 == enc && (al != tl || memcmp(again, text, tl)))
			die("text changed through encode/decode in %s", ys_encoding_name(enc));
		free(again);
	}
	ys_buf_release(&out);
	free(text);
	return 0;
}
