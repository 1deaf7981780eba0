/*
 * base.h - result codes, the error context, growable strings and arenas.
 *
 * The library never prints and never exits.  Every fallible function returns
 * a ys_result and, on failure, leaves a message on the caller's ys_ctx that
 * says what went wrong, where (file:line:column, table, row) and what was
 * expected (SQLite's sqlite3ErrorWithMsg; curl's CURLcode + error buffer).
 *
 * ys_buf is git's strbuf: never NULL, always NUL-terminated, with a sticky
 * allocation error checked once at the end.  ys_arena holds things that live
 * and die together (one per import, one per request).
 */
#ifndef YUSUAN_BASE_H
#define YUSUAN_BASE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define YS_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define YS_PRINTF(f, a)
#endif

/* Result codes.  Appended to, never renumbered. */
typedef enum ys_result {
	YS_OK = 0,
	YS_ENOMEM = 1,   /* out of memory */
	YS_EIO = 2,      /* a file could not be opened, read or written */
	YS_EPARSE = 3,   /* input is malformed: the message says where */
	YS_EINVAL = 4,   /* a caller passed a bad argument */
	YS_ERANGE = 5,   /* an amount overflowed int64 分 */
	YS_ENOTFOUND = 6,/* the thing asked for does not exist */
	YS_ESTORE = 7,   /* the database refused an operation */
	YS_ELIMIT = 8,   /* a named limit was exceeded (see limits in docs) */
	YS_EEMPTY = 9,   /* the input holds nothing to read */
	YS_EENCODING = 10,/* the input is not UTF-8 or GB18030 text */
	YS_EWRITE = 11,  /* an output file or folder could not be written */
	YS_EREFUSED = 12,  /* well-formed input refused as given: a file stored
	                      already (import without replace), last year's
	                      disclosure of another department */
	YS_ECANCELED = 13, /* the caller's callback asked to stop (batch) */
} ys_result;

/* A static Chinese name of the code ("输入格式有误"), for when a message
 * is missing. */
const char *ys_strerror(ys_result r);

#define YS_MSG_MAX 1024

typedef struct ys_ctx {
	ys_result code;
	char msg[YS_MSG_MAX];
} ys_ctx;

void ys_ctx_init(ys_ctx *ctx);

/* Record an error on ctx (may be NULL) and return code. */
ys_result ys_error(ys_ctx *ctx, ys_result code, const char *fmt, ...) YS_PRINTF(3, 4);

/* ---- growable string ---------------------------------------------------- */

typedef struct ys_buf {
	char *s;     /* never NULL; NUL-terminated */
	size_t len;
	size_t cap;  /* 0 while s points at the shared empty string */
	int oom;     /* sticky: an allocation failed, content is truncated */
} ys_buf;

#define YS_BUF_INIT { (char *)ys_buf_empty_, 0, 0, 0 }
extern const char ys_buf_empty_[1];

void ys_buf_init(ys_buf *b);
void ys_buf_release(ys_buf *b);
void ys_buf_reset(ys_buf *b);            /* len = 0, keeps memory */
/* Make room for extra more bytes (and the NUL) without changing len. */
void ys_buf_reserve(ys_buf *b, size_t extra);
void ys_buf_add(ys_buf *b, const void *p, size_t n);
void ys_buf_adds(ys_buf *b, const char *s);
void ys_buf_addc(ys_buf *b, char c);
void ys_buf_addf(ys_buf *b, const char *fmt, ...) YS_PRINTF(2, 3);
void ys_buf_vaddf(ys_buf *b, const char *fmt, va_list ap);
/* Hand the string to the caller, who frees it with free(); b is reset.
 * Returns NULL if an allocation failed along the way. */
char *ys_buf_detach(ys_buf *b, size_t *len);

/* ---- arena -------------------------------------------------------------- */

typedef struct ys_arena_chunk ys_arena_chunk;
typedef struct ys_arena {
	ys_arena_chunk *head;
	size_t used;   /* bytes handed out, for limits and statistics */
} ys_arena;

void ys_arena_init(ys_arena *a);
void ys_arena_release(ys_arena *a);
/* Zeroed, 16-byte aligned memory owned by the arena; NULL when out of memory. */
void *ys_arena_alloc(ys_arena *a, size_t n);
/* A NUL-terminated copy of s[0..n) owned by the arena. */
char *ys_arena_strndup(ys_arena *a, const char *s, size_t n);
char *ys_arena_strdup(ys_arena *a, const char *s);
char *ys_arena_printf(ys_arena *a, const char *fmt, ...) YS_PRINTF(2, 3);

/* ---- growable arrays ---------------------------------------------------- */

/* Grow *p (of *cap elements of size sz) to hold at least need elements.
 * Overflow-checked; returns 0, or -1 when out of memory. */
int ys_grow(void **p, size_t *cap, size_t need, size_t sz);

#define YS_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
