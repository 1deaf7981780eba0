/*
 * base.c - result names, error context, ys_buf, ys_arena, ys_grow.
 */
#include "yusuan/base.h"

#include "base_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char ys_buf_empty_[1] = "";

/* ---- allocation failures (base_int.h) ----------------------------------- */

static _Thread_local unsigned long oom_count;

unsigned long ys_oom_mark(void)
{
	return oom_count;
}

void ys_oom_note(void)
{
	oom_count++;
}

ys_result ys_oom_check(ys_ctx *ctx, ys_result r, unsigned long mark)
{
	if (oom_count == mark)
		return r;
	return ys_error(ctx, YS_ENOMEM, "内存不足");
}

const char *ys_strerror(ys_result r)
{
	switch (r) {
	case YS_OK: return "成功";
	case YS_ENOMEM: return "内存不足";
	case YS_EIO: return "无法打开或读取";
	case YS_EPARSE: return "输入格式有误";
	case YS_EINVAL: return "参数无效";
	case YS_ERANGE: return "金额超出可表示的范围";
	case YS_ENOTFOUND: return "没有找到";
	case YS_ESTORE: return "数据库出错";
	case YS_ELIMIT: return "超出限制";
	case YS_EEMPTY: return "输入是空的";
	case YS_EENCODING: return "不支持的文本编码";
	case YS_EWRITE: return "无法写出";
	case YS_EREFUSED: return "输入被拒绝";
	case YS_ECANCELED: return "已被调用者停止";
	}
	return "未知错误";
}

void ys_ctx_init(ys_ctx *ctx)
{
	ctx->code = YS_OK;
	ctx->msg[0] = '\0';
}

ys_result ys_error(ys_ctx *ctx, ys_result code, const char *fmt, ...)
{
	if (ctx) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(ctx->msg, sizeof ctx->msg, fmt, ap);
		va_end(ap);
		ctx->code = code;
	}
	return code;
}

/* ---- ys_buf ------------------------------------------------------------- */

void ys_buf_init(ys_buf *b)
{
	b->s = (char *)ys_buf_empty_;
	b->len = b->cap = 0;
	b->oom = 0;
}

void ys_buf_release(ys_buf *b)
{
	if (b->cap)
		free(b->s);
	ys_buf_init(b);
}

void ys_buf_reset(ys_buf *b)
{
	b->len = 0;
	if (b->cap)
		b->s[0] = '\0';
	b->oom = 0;
}

static int buf_reserve(ys_buf *b, size_t extra)
{
	size_t need;
	if (b->oom)
		return -1;
	if (__builtin_add_overflow(b->len, extra, &need) ||
	    __builtin_add_overflow(need, 1, &need)) {
		b->oom = 1;
		oom_count++;
		return -1;
	}
	if (need <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need) {
		if (__builtin_mul_overflow(cap, 2, &cap)) {
			cap = need;
			break;
		}
	}
	char *s = realloc(b->cap ? b->s : NULL, cap);
	if (!s) {
		b->oom = 1;
		oom_count++;
		return -1;
	}
	if (!b->cap)
		s[0] = '\0';
	b->s = s;
	b->cap = cap;
	return 0;
}

void ys_buf_reserve(ys_buf *b, size_t extra)
{
	buf_reserve(b, extra);
}

void ys_buf_add(ys_buf *b, const void *p, size_t n)
{
	if (n == 0 || buf_reserve(b, n))
		return;
	memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void ys_buf_adds(ys_buf *b, const char *s)
{
	ys_buf_add(b, s, strlen(s));
}

void ys_buf_addc(ys_buf *b, char c)
{
	ys_buf_add(b, &c, 1);
}

void ys_buf_vaddf(ys_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	char small[256];
	int n = vsnprintf(small, sizeof small, fmt, cp);
	va_end(cp);
	if (n < 0) {
		b->oom = 1;
		oom_count++;
		return;
	}
	if ((size_t)n < sizeof small) {
		ys_buf_add(b, small, (size_t)n);
		return;
	}
	if (buf_reserve(b, (size_t)n))
		return;
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void ys_buf_addf(ys_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ys_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

char *ys_buf_detach(ys_buf *b, size_t *len)
{
	char *s;
	if (b->oom) {
		ys_buf_release(b);
		return NULL;
	}
	if (b->cap)
		s = b->s;
	else if (!(s = calloc(1, 1)))
		oom_count++;
	if (len)
		*len = b->len;
	ys_buf_init(b);
	return s;
}

/* ---- ys_arena ----------------------------------------------------------- */

struct ys_arena_chunk {
	ys_arena_chunk *next;
	size_t size, used;
	_Alignas(16) unsigned char data[];
};

#define ARENA_CHUNK 65536u

void ys_arena_init(ys_arena *a)
{
	a->head = NULL;
	a->used = 0;
}

void ys_arena_release(ys_arena *a)
{
	ys_arena_chunk *c = a->head;
	while (c) {
		ys_arena_chunk *n = c->next;
		free(c);
		c = n;
	}
	ys_arena_init(a);
}

void *ys_arena_alloc(ys_arena *a, size_t n)
{
	size_t rounded;
	if (__builtin_add_overflow(n, 15u, &rounded)) {
		oom_count++;
		return NULL;
	}
	rounded &= ~(size_t)15;
	if (rounded == 0)
		rounded = 16;
	ys_arena_chunk *c = a->head;
	if (!c || c->size - c->used < rounded) {
		size_t size = rounded > ARENA_CHUNK ? rounded : ARENA_CHUNK, total;
		if (__builtin_add_overflow(size, sizeof *c, &total)) {
			oom_count++;
			return NULL;
		}
		c = malloc(total);
		if (!c) {
			oom_count++;
			return NULL;
		}
		c->size = size;
		c->used = 0;
		/* A big one-off block goes behind the current chunk so that
		 * the current chunk's free space is not wasted. */
		if (a->head && rounded > ARENA_CHUNK / 4) {
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
	}
	void *p = c->data + c->used;
	c->used += rounded;
	a->used += rounded;
	memset(p, 0, rounded);
	return p;
}

char *ys_arena_strndup(ys_arena *a, const char *s, size_t n)
{
	size_t total;
	if (__builtin_add_overflow(n, 1, &total)) {
		oom_count++;
		return NULL;
	}
	char *p = ys_arena_alloc(a, total);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *ys_arena_strdup(ys_arena *a, const char *s)
{
	return ys_arena_strndup(a, s, strlen(s));
}

char *ys_arena_printf(ys_arena *a, const char *fmt, ...)
{
	ys_buf b = YS_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	ys_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	char *r = b.oom ? NULL : ys_arena_strndup(a, b.s, b.len);
	ys_buf_release(&b);
	return r;
}

int ys_grow(void **p, size_t *cap, size_t need, size_t sz)
{
	if (need <= *cap)
		return 0;
	size_t ncap = *cap ? *cap : 8, bytes;
	while (ncap < need)
		if (__builtin_mul_overflow(ncap, 2, &ncap)) {
			oom_count++;
			return -1;
		}
	if (__builtin_mul_overflow(ncap, sz, &bytes)) {
		oom_count++;
		return -1;
	}
	void *np = realloc(*p, bytes);
	if (!np) {
		oom_count++;
		return -1;
	}
	*p = np;
	*cap = ncap;
	return 0;
}
