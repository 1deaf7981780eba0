/*
 * text.c - decoding (UTF-8, BOM, GB18030 via glibc iconv), NFKC via utf8proc,
 * label keys, widths.
 */
#include "yusuan/text.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

const char *ys_encoding_name(ys_encoding e)
{
	switch (e) {
	case YS_ENC_UTF8: return "UTF-8";
	case YS_ENC_UTF8_BOM: return "UTF-8 with BOM";
	case YS_ENC_GB18030: return "GB18030";
	}
	return "?";
}

int ys_utf8_valid(const char *s, size_t n, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	while (p < end) {
		unsigned c = *p;
		size_t k;
		uint32_t cp, min;
		if (c < 0x80) {
			p++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			k = 2; cp = c & 0x1F; min = 0x80;
		} else if ((c & 0xF0) == 0xE0) {
			k = 3; cp = c & 0x0F; min = 0x800;
		} else if ((c & 0xF8) == 0xF0) {
			k = 4; cp = c & 0x07; min = 0x10000;
		} else {
			goto invalid;
		}
		if ((size_t)(end - p) < k)
			goto invalid;
		for (size_t i = 1; i < k; i++) {
			if ((p[i] & 0xC0) != 0x80)
				goto invalid;
			cp = (cp << 6) | (p[i] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			goto invalid;
		p += k;
	}
	return 1;
invalid:
	if (bad)
		*bad = (size_t)(p - (const unsigned char *)s);
	return 0;
}

int ys_all_digits(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

size_t ys_utf8_count(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

size_t ys_utf8_width(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t w = 0;
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	while (*p && (k = utf8proc_iterate(p, -1, &cp)) > 0) {
		int cw = utf8proc_charwidth(cp);
		w += cw > 0 ? (size_t)cw : 0;
		p += k;
	}
	return w;
}

char *ys_nfkc(const char *s)
{
	return (char *)utf8proc_NFKC((const utf8proc_uint8_t *)s);
}

static int is_space_cp(utf8proc_int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == 0x3000 || cp == 0xA0;
}

void ys_label_key(ys_buf *b, const char *s, size_t n)
{
	utf8proc_uint8_t *norm = NULL;
	utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &norm,
	                                  UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
	if (r < 0) {
		/* Not valid UTF-8: fall back to the raw bytes so that the caller
		 * still gets a deterministic key. */
		ys_buf_add(b, s, n);
		return;
	}
	const utf8proc_uint8_t *p = norm;
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	while (*p && (k = utf8proc_iterate(p, -1, &cp)) > 0) {
		if (!is_space_cp(cp))
			ys_buf_add(b, p, (size_t)k);
		p += k;
	}
	free(norm);
}

int ys_name_eq(const char *a, const char *b)
{
	ys_buf ka = YS_BUF_INIT, kb = YS_BUF_INIT;
	ys_label_key(&ka, a, strlen(a));
	ys_label_key(&kb, b, strlen(b));
	int eq = !ka.oom && !kb.oom && ka.len == kb.len && memcmp(ka.s, kb.s, ka.len) == 0;
	ys_buf_release(&ka);
	ys_buf_release(&kb);
	return eq;
}

int ys_has_fullwidth(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	while (*p && (k = utf8proc_iterate(p, -1, &cp)) > 0) {
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			return 1;
		p += k;
	}
	return 0;
}

void ys_trim(const char **sp, size_t *np)
{
	const unsigned char *p = (const unsigned char *)*sp, *end = p + *np;
	for (;;) {
		if (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
			p++;
		else if (end - p >= 3 && p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
			p += 3;
		else if (end - p >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
			p += 2;
		else
			break;
	}
	for (;;) {
		if (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' || end[-1] == '\n'))
			end--;
		else if (end - p >= 3 && end[-3] == 0xE3 && end[-2] == 0x80 && end[-1] == 0x80)
			end -= 3;
		else if (end - p >= 2 && end[-2] == 0xC2 && end[-1] == 0xA0)
			end -= 2;
		else
			break;
	}
	*sp = (const char *)p;
	*np = (size_t)(end - p);
}

/* Line number (1-based) of byte offset off in s. */
static size_t line_of(const char *s, size_t off)
{
	size_t line = 1;
	for (size_t i = 0; i < off; i++)
		if (s[i] == '\n')
			line++;
	return line;
}

/* Convert GB18030 to UTF-8; returns malloc'd text or NULL (errno EILSEQ on
 * bad input, ENOMEM). */
static char *from_gb18030(const char *raw, size_t n, size_t *outlen, size_t *badoff)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1)
		return NULL;
	size_t cap, left;
	/* UTF-8 takes at most 3 bytes for GB18030's 2 (and 4 for 4, 1 for 1) */
	if (__builtin_add_overflow(n, n / 2 + 16, &cap)) {
		iconv_close(cd);
		errno = ENOMEM;
		return NULL;
	}
	char *out = malloc(cap);
	if (!out) {
		iconv_close(cd);
		return NULL;
	}
	char *in = (char *)raw, *o = out;
	size_t inleft = n;
	left = cap - 1;
	while (inleft > 0) {
		size_t r = iconv(cd, &in, &inleft, &o, &left);
		if (r == (size_t)-1) {
			if (errno == E2BIG) {
				size_t used = (size_t)(o - out), ncap;
				if (__builtin_mul_overflow(cap, 2, &ncap)) {
					free(out);
					iconv_close(cd);
					errno = ENOMEM;
					return NULL;
				}
				char *no = realloc(out, ncap);
				if (!no) {
					free(out);
					iconv_close(cd);
					return NULL;
				}
				out = no;
				o = out + used;
				left = ncap - 1 - used;
				cap = ncap;
				continue;
			}
			*badoff = (size_t)(in - raw);
			free(out);
			iconv_close(cd);
			errno = EILSEQ;
			return NULL;
		}
	}
	iconv_close(cd);
	*o = '\0';
	*outlen = (size_t)(o - out);
	return out;
}

ys_result ys_text_decode(ys_ctx *ctx, const char *name, const char *raw, size_t n,
                         char **out, size_t *outlen, ys_encoding *enc)
{
	*out = NULL;
	*outlen = 0;
	if (n == 0)
		return ys_error(ctx, YS_EEMPTY, "%s：文件是空的", name);
	const char *nul = memchr(raw, '\0', n);
	if (nul)
		return ys_error(ctx, YS_EENCODING, "%s:%zu：偏移 %zu 处有 NUL 字节：这是二进制文件，不是文本格式的公开文件",
		                name, line_of(raw, (size_t)(nul - raw)), (size_t)(nul - raw));

	const char *src = raw;
	size_t srclen = n;
	char *conv = NULL;
	size_t bad = 0;
	*enc = YS_ENC_UTF8;
	if (n >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0) {
		*enc = YS_ENC_UTF8_BOM;
		src += 3;
		srclen -= 3;
		if (!ys_utf8_valid(src, srclen, &bad))
			return ys_error(ctx, YS_EENCODING, "%s:%zu：文件以 UTF-8 BOM 开头，但第 %zu 字节不是有效的 UTF-8",
			                name, line_of(src, bad), bad + 3);
	} else if (!ys_utf8_valid(src, srclen, &bad)) {
		size_t gbbad = 0, clen = 0;
		conv = from_gb18030(raw, n, &clen, &gbbad);
		if (!conv) {
			if (errno == ENOMEM)
				return ys_error(ctx, YS_ENOMEM, "%s：从 GB18030 转换时内存不足", name);
			/* where the reading got furthest: a GB18030 file fails as
			 * UTF-8 at its first Chinese character, a UTF-8 file as
			 * GB18030 wherever its bytes stop pairing up */
			size_t at = gbbad > bad ? gbbad : bad;
			return ys_error(ctx, YS_EENCODING,
			                "%s:%zu：第 %zu 字节既不是 UTF-8 也不是 GB18030：应为文本格式的公开文件",
			                name, line_of(raw, at), at);
		}
		*enc = YS_ENC_GB18030;
		src = conv;
		srclen = clen;
	}

	/* Copy, turning CRLF and lone CR into LF (in place when the text is
	 * already a converted copy: a large file is not held three times). */
	char *dst = conv ? conv : malloc(srclen + 1);
	if (!dst)
		return ys_error(ctx, YS_ENOMEM, "%s：内存不足", name);
	size_t j = 0;
	for (size_t i = 0; i < srclen; i++) {
		if (src[i] == '\r') {
			dst[j++] = '\n';
			if (i + 1 < srclen && src[i + 1] == '\n')
				i++;
		} else {
			dst[j++] = src[i];
		}
	}
	dst[j] = '\0';
	*out = dst;
	*outlen = j;
	return YS_OK;
}

ys_result ys_file_read(ys_ctx *ctx, const char *path, char **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return ys_error(ctx, YS_EIO, "%s：无法打开：%s", path, strerror(errno));
	struct stat st;
	int stok = fstat(fileno(f), &st) == 0;
	if (stok && S_ISDIR(st.st_mode)) {
		fclose(f);
		return ys_error(ctx, YS_EIO, "%s：是目录，应为文件", path);
	}
	if (stok && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > YS_FILE_MAX) {
		fclose(f);
		return ys_error(ctx, YS_ELIMIT, "%s：超过单个文件 %zu MiB 的上限", path, YS_FILE_MAX >> 20);
	}
	ys_buf b = YS_BUF_INIT;
	char chunk[65536];
	size_t r;
	while ((r = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b.len + r > YS_FILE_MAX) {
			fclose(f);
			ys_buf_release(&b);
			return ys_error(ctx, YS_ELIMIT, "%s：超过单个文件 %zu MiB 的上限", path,
			                YS_FILE_MAX >> 20);
		}
		ys_buf_add(&b, chunk, r);
	}
	int rerr = ferror(f);
	fclose(f);
	if (rerr) {
		ys_buf_release(&b);
		return ys_error(ctx, YS_EIO, "%s：读取出错", path);
	}
	if (b.oom) {
		ys_buf_release(&b);
		return ys_error(ctx, YS_ENOMEM, "%s：读取文件时内存不足", path);
	}
	*out = ys_buf_detach(&b, len);
	return *out ? YS_OK : ys_error(ctx, YS_ENOMEM, "%s：内存不足", path);
}

ys_result ys_file_write(ys_ctx *ctx, const char *path, const void *data, size_t len)
{
	size_t n = strlen(path) + 16;
	char *tmp = malloc(n);
	if (!tmp)
		return ys_error(ctx, YS_ENOMEM, "%s：内存不足", path);
	snprintf(tmp, n, "%s.tmp%ld", path, (long)getpid());
	FILE *f = fopen(tmp, "wb");
	if (!f) {
		ys_result r = ys_error(ctx, YS_EWRITE, "%s：无法创建：%s", tmp, strerror(errno));
		free(tmp);
		return r;
	}
	int bad = len && fwrite(data, 1, len, f) != len;
	bad |= fflush(f) != 0;
	int err = errno;
	bad |= fclose(f) != 0;
	if (!bad && rename(tmp, path) != 0) {
		err = errno;
		bad = 1;
	}
	if (bad) {
		remove(tmp);
		free(tmp);
		return ys_error(ctx, YS_EWRITE, "%s：无法写入：%s", path, strerror(err ? err : EIO));
	}
	free(tmp);
	return YS_OK;
}

ys_result ys_text_encode(ys_ctx *ctx, const char *s, size_t n, ys_encoding enc, ys_buf *out)
{
	if (enc == YS_ENC_UTF8_BOM)
		ys_buf_add(out, "\xEF\xBB\xBF", 3);
	if (enc != YS_ENC_GB18030) {
		ys_buf_add(out, s, n);
		return out->oom ? ys_error(ctx, YS_ENOMEM, "编码文本时内存不足") : YS_OK;
	}
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	if (cd == (iconv_t)-1)
		return ys_error(ctx, YS_EENCODING, "本系统的 iconv 不能写 GB18030");
	char *in = (char *)s;
	size_t inleft = n;
	while (inleft > 0) {
		ys_buf_reserve(out, inleft * 2 + 16);
		if (out->oom) {
			iconv_close(cd);
			return ys_error(ctx, YS_ENOMEM, "编码文本时内存不足");
		}
		char *o = out->s + out->len;
		size_t room = out->cap - out->len - 1, left = room;
		size_t r = iconv(cd, &in, &inleft, &o, &left);
		out->len += room - left;
		out->s[out->len] = 0;
		if (r == (size_t)-1 && errno != E2BIG) {
			size_t off = (size_t)(in - s), line = 1;
			for (size_t i = 0; i < off; i++)
				line += s[i] == '\n';
			iconv_close(cd);
			return ys_error(ctx, YS_EENCODING, "第 %zu 行第 %zu 字节：GB18030 无法表示的字符", line, off);
		}
	}
	iconv_close(cd);
	return YS_OK;
}
