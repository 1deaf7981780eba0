/*
 * fuzzutil.h - what the harnesses share: a per-process scratch folder under
 * /tmp (removed at exit), writing files into it, splitting an input into
 * parts, and packing parts into an XLSX (zip) file.
 *
 * Harnesses use only the public headers (include/yusuan/); readers that
 * take a path get the fuzz data written to a file in the scratch folder.
 * An invariant that fails calls die(), which prints what and aborts, so
 * libFuzzer keeps the input as a crash.
 */
#ifndef YS_FUZZUTIL_H
#define YS_FUZZUTIL_H

#define _GNU_SOURCE 1
#include <errno.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zip.h>

#include "yusuan/base.h"
#include "yusuan/catalog.h"

#ifndef FUZZ_ROOT
#define FUZZ_ROOT "."
#endif

__attribute__((noreturn, format(printf, 1, 2))) static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("fuzz invariant failed: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	abort();
}

/* FUZZ_VERBOSE=1 in the environment: say why an input was refused (for
 * checking that a seed reaches what it should; not while fuzzing). */
static inline void fz_note(const char *what, const char *msg)
{
	static int verbose = -1;
	if (verbose < 0)
		verbose = getenv("FUZZ_VERBOSE") != NULL;
	if (verbose)
		fprintf(stderr, "fuzz: %s: %s\n", what, msg);
}

/* After a reader or loader ran: 1 when it failed - having left nothing
 * (out is what it returned through its out-parameter) and said why -
 * 0 when it succeeded, with something to walk. */
static inline int fz_failed(const char *what, ys_result r, const ys_ctx *ctx, const void *out)
{
	if (r) {
		fz_note(what, ctx->msg);
		if (out)
			die("a failed %s left its result", what);
		if (!ctx->msg[0])
			die("%s failed (%s) without a message", what, ys_strerror(r));
		return 1;
	}
	if (!out)
		die("%s succeeded without a result", what);
	return 0;
}

/* The shipped catalog (data/catalog, year 2026 falls back to 2025), once. */
static inline ys_catalog *fz_catalog(const char *who)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_catalog *cat;
	if (ys_catalog_open(&ctx, FUZZ_ROOT "/data/catalog", 2026, &cat) != YS_OK) {
		fprintf(stderr, "%s: catalog: %s\n", who, ctx.msg);
		abort();
	}
	return cat;
}

static char fz_dir[256];

static inline int fz_rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

static inline void fz_rm_tree(const char *path)
{
	nftw(path, fz_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static inline void fz_cleanup(void)
{
	if (fz_dir[0])
		fz_rm_tree(fz_dir);
}

/* The scratch folder /tmp/ysfuzz-NAME-XXXXXX, made once per process. */
static inline const char *fz_scratch(const char *name)
{
	if (!fz_dir[0]) {
		const char *tmp = getenv("TMPDIR");
		snprintf(fz_dir, sizeof fz_dir, "%s/ysfuzz-%s-XXXXXX", tmp && *tmp ? tmp : "/tmp", name);
		if (!mkdtemp(fz_dir)) {
			perror(fz_dir);
			abort();
		}
		atexit(fz_cleanup);
	}
	return fz_dir;
}

/* Write data to path (whole), aborting on an I/O error: a harness that
 * cannot write its input is broken, not the library.  The old file is
 * unlinked first: ext4 flushes a file truncated over on close, which would
 * cost more than the run itself. */
static inline void fz_write(const char *path, const void *data, size_t n)
{
	unlink(path);
	FILE *f = fopen(path, "wb");
	if (!f || (n && fwrite(data, 1, n, f) != n) || fclose(f) != 0) {
		perror(path);
		abort();
	}
}

/* Read a whole file into a malloc'd buffer (NUL-terminated); NULL if absent. */
static inline char *fz_slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, len = 0;
	char *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + len, 1, cap - len - 1, f)) > 0) {
		len += got;
		if (cap - len - 1 == 0) {
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
			cap *= 2;
		}
	}
	fclose(f);
	if (!buf)
		abort();
	buf[len] = '\0';
	*n = len;
	return buf;
}

/* Parts of an input, split on a separator byte (the ASCII record
 * separator 0x1E by default: rare in real files, easy for a mutator). */
#define FZ_SEP '\x1e'
#define FZ_MAXPARTS 64
typedef struct fz_part {
	const uint8_t *p;
	size_t n;
} fz_part;

static inline int fz_split(const uint8_t *data, size_t size, fz_part *parts, int max)
{
	int n = 0;
	size_t start = 0;
	for (size_t i = 0; i <= size && n < max; i++) {
		if (i == size || data[i] == FZ_SEP) {
			parts[n].p = data + start;
			parts[n].n = i - start;
			n++;
			start = i + 1;
		}
	}
	return n;
}

/*
 * An XLSX built from parts: each part is "name\n" then its bytes, and the
 * parts are stored (not deflated) so that the mutator works on the XML
 * itself.  Returns 0, or -1 when libzip refused (a bad name, say): the
 * input is then not interesting.
 */
static inline int fz_pack_zip(const char *path, const fz_part *parts, int nparts)
{
	int zerr;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
	if (!z)
		return -1;
	int ok = 0;
	for (int i = 0; i < nparts; i++) {
		const uint8_t *nl = memchr(parts[i].p, '\n', parts[i].n);
		if (!nl)
			continue;
		size_t nlen = (size_t)(nl - parts[i].p);
		if (nlen == 0 || nlen > 200)
			continue;
		char name[256];
		memcpy(name, parts[i].p, nlen);
		name[nlen] = '\0';
		if (memchr(name, '\0', nlen))
			continue;
		size_t blen = parts[i].n - nlen - 1;
		zip_source_t *src = zip_source_buffer(z, nl + 1, blen, 0);
		if (!src)
			continue;
		zip_int64_t idx = zip_file_add(z, name, src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
		if (idx < 0) {
			zip_source_free(src);
			continue;
		}
		zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
		ok++;
	}
	if (zip_close(z) != 0) {
		zip_discard(z);
		return -1;
	}
	return ok ? 0 : -1;
}

/* Raw zip bytes ("PK" first) are written as they are, to exercise the zip
 * layer too; anything else is a list of parts for fz_pack_zip. */
static inline int fz_make_xlsx(const char *path, const uint8_t *data, size_t size)
{
	if (size >= 2 && data[0] == 'P' && data[1] == 'K') {
		fz_write(path, data, size);
		return 0;
	}
	fz_part parts[FZ_MAXPARTS];
	int n = fz_split(data, size, parts, FZ_MAXPARTS);
	unlink(path);
	return fz_pack_zip(path, parts, n);
}

#endif
