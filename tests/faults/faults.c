/*
 * faults.c - allocation failure along the main paths (SQLite's malloc
 * tests): every allocation the library makes can fail, and each run must
 * either succeed with the same output as a run without failures or fail
 * with YS_ENOMEM, a message, and nothing half-written.
 *
 * How allocations fail.  The binary is linked with
 * -Wl,--wrap=malloc,--wrap=calloc,... (tests/faults/faults.mk): every call
 * to those functions from an object linked statically - libyusuan.a and
 * this file - goes to __wrap_malloc here, which counts it and fails the Nth
 * one (errno ENOMEM).  The library is not changed or rebuilt for it, and
 * nothing it calls can slip past the wrapper the way a forgotten call
 * would past a hand-written ys_malloc.  Three libraries take an allocator
 * through their own interface, and get this one while the test runs:
 * SQLite (sqlite3_config(SQLITE_CONFIG_MALLOC)), jansson
 * (json_set_alloc_funcs) and expat (xlsx.c creates its parsers with
 * malloc/realloc/free, which the wrap catches).  The others allocate in
 * their shared objects, out of reach: libzip, libxlsxwriter, libutf8proc,
 * iconv, cairo, pango and glib (which aborts on failure by design),
 * fontconfig and poppler.  Their failures are not tested.
 *
 * A scenario is one main path: read the seed disclosure, check it, compile
 * the example budget (folder and workbook), publish each format, import
 * into SQLite, store a budget.  For each, a run without failures gives the
 * reference output and the count K of allocations; then for N = 1, 2, ...
 * the Nth allocation fails (with --persist, every one from the Nth on),
 * until a run makes fewer than N allocations.  A run that succeeds must
 * give the reference output; one that fails must return YS_ENOMEM with a
 * message, return no object, and leave no file that differs from the
 * reference (no temporary files either) and the database as it was.
 *
 *   faults                 a sample of N per scenario (make test)
 *   faults --all           every N (make faults)
 *   faults --persist       fail every allocation from the Nth on
 *   faults -n N SCENARIO   one run, for a failure to look at
 *   faults --where ...     also say where the failed allocation was when
 *                          the run passes
 *   faults SCENARIO...     only these (names: faults --list; "general" runs
 *                          only when named)
 *
 * Leaks on the failure paths are found by LeakSanitizer (make faults
 * SAN=1): the runs are in one process, so a leak is reported at its exit
 * with the allocation's stack; -n N narrows it to one run.
 */
#define _GNU_SOURCE 1
#include <dirent.h>
#include <errno.h>
#include <execinfo.h>
#include <ftw.h>
#include <jansson.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>

#include "yusuan/yusuan.h"

#ifndef YS_ROOT
#define YS_ROOT "."
#endif
#define SEED YS_ROOT "/tests/fixtures/seed/000_c2fdc67ddbce1acd.txt"
#define EXAMPLE YS_ROOT "/examples/2026-beijing-jiguan-shiwu"
#define EXAMPLE_XLSX YS_ROOT "/tests/fixtures/xlsx/example.xlsx"
#define CATALOG YS_ROOT "/data/catalog"

/* ---- the failing allocator ---------------------------------------------- */

static long f_count;    /* allocations counted since the run began */
static long f_at;       /* fail this one (1-based); 0: none */
static int f_persist;   /* and every one after it */
static int f_armed;     /* counting: only while the library runs */
static long f_failed;   /* allocations failed in this run */
static void *f_trace[32]; /* where the first one failed */
static int f_ntrace;
static int f_where;     /* --where: say where the failed allocation was, always */

static int fail_now(void)
{
	if (!__atomic_load_n(&f_armed, __ATOMIC_RELAXED))
		return 0;
	long n = __atomic_add_fetch(&f_count, 1, __ATOMIC_RELAXED);
	if (f_at && (n == f_at || (f_persist && n > f_at))) {
		if (__atomic_add_fetch(&f_failed, 1, __ATOMIC_RELAXED) == 1)
			f_ntrace = backtrace(f_trace, 32);
		errno = ENOMEM;
		return 1;
	}
	return 0;
}

void *__real_malloc(size_t n);
void *__real_calloc(size_t k, size_t n);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
char *__real_realpath(const char *path, char *resolved);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t k, size_t n);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);
char *__wrap_realpath(const char *path, char *resolved);

void *__wrap_malloc(size_t n)
{
	return fail_now() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t k, size_t n)
{
	return fail_now() ? NULL : __real_calloc(k, n);
}

void *__wrap_realloc(void *p, size_t n)
{
	return fail_now() ? NULL : __real_realloc(p, n);
}

char *__wrap_strdup(const char *s)
{
	return fail_now() ? NULL : __real_strdup(s);
}

char *__wrap_strndup(const char *s, size_t n)
{
	return fail_now() ? NULL : __real_strndup(s, n);
}

char *__wrap_realpath(const char *path, char *resolved)
{
	/* only realpath(p, NULL) allocates */
	return !resolved && fail_now() ? NULL : __real_realpath(path, resolved);
}

/* jansson's allocator */
static void *json_fail_malloc(size_t n)
{
	return fail_now() ? NULL : __real_malloc(n);
}

/* SQLite's: its allocations need their size, kept in front (8 bytes keeps
 * SQLite's alignment) */
static void *sq_malloc(int n)
{
	if (n <= 0 || fail_now())
		return NULL;
	int64_t *p = __real_malloc((size_t)n + 8);
	if (!p)
		return NULL;
	p[0] = n;
	return p + 1;
}

static void sq_free(void *p)
{
	if (p)
		free((int64_t *)p - 1);
}

static void *sq_realloc(void *p, int n)
{
	if (n <= 0 || fail_now())
		return NULL;
	int64_t *q = __real_realloc(p ? (int64_t *)p - 1 : NULL, (size_t)n + 8);
	if (!q)
		return NULL;
	q[0] = n;
	return q + 1;
}

static int sq_size(void *p)
{
	return p ? (int)((int64_t *)p)[-1] : 0;
}

static int sq_roundup(int n)
{
	return (n + 7) & ~7;
}

static int sq_init(void *a)
{
	(void)a;
	return SQLITE_OK;
}

static void sq_shutdown(void *a)
{
	(void)a;
}

static void arm(long at)
{
	f_count = 0;
	f_failed = 0;
	f_at = at;
	__atomic_store_n(&f_armed, 1, __ATOMIC_SEQ_CST);
}

static void disarm(void)
{
	__atomic_store_n(&f_armed, 0, __ATOMIC_SEQ_CST);
}

/* ---- what a run leaves: files, in memory --------------------------------- */

typedef struct file {
	char *name;
	char *data;
	size_t len;
} file;

typedef struct snap {
	file *f;
	int n, cap;
} snap;

static void snap_add(snap *s, const char *name, const char *data, size_t len)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->f = realloc(s->f, (size_t)s->cap * sizeof *s->f);
		if (!s->f)
			abort();
	}
	file *f = &s->f[s->n++];
	f->name = strdup(name);
	f->data = malloc(len + 1);
	if (!f->name || !f->data)
		abort();
	memcpy(f->data, data, len);
	f->data[len] = 0;
	f->len = len;
}

static void snap_free(snap *s)
{
	for (int i = 0; i < s->n; i++) {
		free(s->f[i].name);
		free(s->f[i].data);
	}
	free(s->f);
	memset(s, 0, sizeof *s);
}

static const file *snap_find(const snap *s, const char *name)
{
	for (int i = 0; i < s->n; i++)
		if (!strcmp(s->f[i].name, name))
			return &s->f[i];
	return NULL;
}

static int cmp_file(const void *a, const void *b)
{
	return strcmp(((const file *)a)->name, ((const file *)b)->name);
}

/* The dates cairo writes into a PDF (D:20261206131833Z): zeros.  Same
 * length, so the offsets of the cross-reference table stay. */
static void pdf_dates(char *s, size_t n)
{
	static const char *const keys[] = { "/CreationDate (D:", "/ModDate (D:" };
	for (int k = 0; k < 2; k++) {
		char *p = memmem(s, n, keys[k], strlen(keys[k]));
		if (!p)
			continue;
		for (p += strlen(keys[k]); p < s + n && *p >= '0' && *p <= '9'; p++)
			*p = '0';
	}
}

/* An XLSX as its parts (a zip's own dates and order say nothing), without
 * docProps/core.xml (the time it was made). */
static void add_xlsx(snap *s, const char *name, const char *data, size_t len)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
	zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
	if (!z) {
		/* not a workbook: compared as bytes, so that it differs */
		if (src)
			zip_source_free(src);
		zip_error_fini(&ze);
		snap_add(s, name, data, len);
		return;
	}
	zip_int64_t n = zip_get_num_entries(z, 0);
	for (zip_int64_t i = 0; i < n; i++) {
		zip_stat_t st;
		const char *e = zip_get_name(z, (zip_uint64_t)i, 0);
		if (!e || !strcmp(e, "docProps/core.xml") || zip_stat_index(z, (zip_uint64_t)i, 0, &st))
			continue;
		char *buf = malloc(st.size + 1);
		zip_file_t *zf = zip_fopen_index(z, (zip_uint64_t)i, 0);
		zip_int64_t got = zf ? zip_fread(zf, buf, st.size) : -1;
		if (zf)
			zip_fclose(zf);
		char part[8400];
		snprintf(part, sizeof part, "%s#%s", name, e);
		snap_add(s, part, buf, got < 0 ? 0 : (size_t)got);
		free(buf);
	}
	zip_discard(z);
	zip_error_fini(&ze);
}

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	size_t len = 0, cap = 0, got;
	do {
		if (cap - len < 65536) {
			cap = cap ? 2 * cap : 131072;
			buf = realloc(buf, cap);
			if (!buf)
				abort();
		}
		got = fread(buf + len, 1, cap - len, f);
		len += got;
	} while (got);
	fclose(f);
	*n = len;
	return buf;
}

/* Every file under dir (names relative to top) into s. */
static void snap_dir_rec(snap *s, const char *top, const char *rel)
{
	char path[4096];
	snprintf(path, sizeof path, "%s%s%s", top, rel[0] ? "/" : "", rel);
	DIR *d = opendir(path);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char r[4096], p[8200];
		snprintf(r, sizeof r, "%s%s%s", rel, rel[0] ? "/" : "", e->d_name);
		snprintf(p, sizeof p, "%s/%s", top, r);
		struct stat st;
		if (lstat(p, &st))
			continue;
		if (S_ISDIR(st.st_mode)) {
			snap_dir_rec(s, top, r);
			continue;
		}
		size_t n;
		char *data = slurp(p, &n);
		if (!data) {
			snap_add(s, r, "(unreadable)", 12);
			continue;
		}
		size_t l = strlen(r);
		if (l > 4 && !strcmp(r + l - 4, ".pdf"))
			pdf_dates(data, n);
		if (l > 5 && !strcmp(r + l - 5, ".xlsx"))
			add_xlsx(s, r, data, n);
		else
			snap_add(s, r, data, n);
		free(data);
	}
	closedir(d);
}

static void snap_dir(snap *s, const char *dir)
{
	snap_dir_rec(s, dir, "");
	if (s->n)
		qsort(s->f, (size_t)s->n, sizeof *s->f, cmp_file);
}

/* A database as text: every table's rows in rowid order; the time of an
 * import is not compared. */
static void snap_db(snap *s, const char *path)
{
	sqlite3 *db;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		snap_add(s, "db", "(cannot open)", 13);
		sqlite3_close(db);
		return;
	}
	sqlite3_stmt *t;
	sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", -1, &t, NULL);
	while (sqlite3_step(t) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(t, 0);
		char sql[512];
		snprintf(sql, sizeof sql, "SELECT * FROM \"%s\" ORDER BY rowid", name);
		sqlite3_stmt *q;
		if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
			snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", name), sqlite3_prepare_v2(db, sql, -1, &q, NULL);
		ys_buf b = YS_BUF_INIT;
		while (sqlite3_step(q) == SQLITE_ROW) {
			for (int c = 0; c < sqlite3_column_count(q); c++) {
				const char *col = sqlite3_column_name(q, c);
				const char *v = (const char *)sqlite3_column_text(q, c);
				ys_buf_addf(&b, "%s%s", c ? "|" : "", !strcmp(col, "imported_at") ? "T" : v ? v : "NULL");
			}
			ys_buf_addc(&b, '\n');
		}
		sqlite3_finalize(q);
		snap_add(s, name, b.s, b.len);
		ys_buf_release(&b);
	}
	sqlite3_finalize(t);
	sqlite3_close(db);
}

/* ---- scratch ------------------------------------------------------------- */

static char scratch[256];

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

static void rm_tree(const char *path)
{
	nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void cleanup(void)
{
	if (scratch[0])
		rm_tree(scratch);
}

static const char *in_scratch(const char *name, char *buf, size_t cap)
{
	snprintf(buf, cap, "%s/%s", scratch, name);
	return buf;
}

static void copy_file(const char *from, const char *to)
{
	size_t n;
	char *d = slurp(from, &n);
	FILE *f = fopen(to, "wb");
	if (!d || !f || fwrite(d, 1, n, f) != n || fclose(f)) {
		fprintf(stderr, "faults: cannot copy %s to %s\n", from, to);
		exit(2);
	}
	free(d);
}

/* ---- what the scenarios share, made once without failures ------------- */

static ys_doc *seed;       /* the seed, read */
static char seed_hash[YS_HASH_HEX];
static ys_budget *budget;  /* the example, read */
static ys_catalog *catalog;
static ys_doc *compiled;   /* the example, compiled */
static ys_report *compiled_rep;
static char empty_db[4200];

static void need(ys_result r, const ys_ctx *ctx, const char *what)
{
	if (r) {
		fprintf(stderr, "faults: %s: %s\n", what, ctx->msg);
		exit(2);
	}
}

static void setup(void)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	need(ys_doc_read_file(&ctx, SEED, &seed), &ctx, "reading the seed");
	need(ys_store_hash_file(&ctx, SEED, seed_hash), &ctx, "hashing the seed");
	need(ys_input_read(&ctx, EXAMPLE, &budget), &ctx, "reading the example");
	need(ys_catalog_open(&ctx, CATALOG, budget->year, &catalog), &ctx, "opening the catalog");
	need(ys_compile(&ctx, budget, catalog, &compiled), &ctx, "compiling the example");
	ys_check_opts o = { catalog, NULL, NULL };
	need(ys_check(&ctx, compiled, &o, &compiled_rep), &ctx, "checking the compiled example");
	ys_store *st;
	in_scratch("empty.db", empty_db, sizeof empty_db);
	need(ys_store_open(&ctx, empty_db, &st), &ctx, "making an empty database");
	ys_store_close(st);
}

/* ---- the scenarios ------------------------------------------------------- */

typedef struct run {
	ys_ctx ctx;
	snap out;         /* what it made, for comparing */
	char dir[4200];   /* its output folder or database */
	char why[512];    /* a broken rule of the library's contract */
} run;

static void broke(run *R, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void broke(run *R, const char *fmt, ...)
{
	if (R->why[0])
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(R->why, sizeof R->why, fmt, ap);
	va_end(ap);
}

/* After a library call with an out-parameter: a failure returns nothing. */
static void none_on_failure(run *R, ys_result r, const void *out, const char *what)
{
	if (r && out)
		broke(R, "%s failed (%s) but returned an object", what, ys_strerror(r));
}

static void add_buf(run *R, const char *name, ys_result r, ys_buf *b)
{
	if (r)
		broke(R, "rendering %s after the run failed: %s", name, R->ctx.msg);
	snap_add(&R->out, name, b->s, b->len);
	ys_buf_release(b);
}

/* The document as JSON and text (rendered without failures). */
static void add_doc(run *R, const char *name, const ys_doc *doc)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_buf b = YS_BUF_INIT;
	char n[64];
	snprintf(n, sizeof n, "%s.json", name);
	add_buf(R, n, ys_render_json(&ctx, doc, -1, &b), &b);
	snprintf(n, sizeof n, "%s.txt", name);
	add_buf(R, n, ys_render_text(&ctx, doc, -1, &b), &b);
}

static void add_report(run *R, const char *name, const ys_doc *doc, const ys_report *rep)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_buf b = YS_BUF_INIT;
	add_buf(R, name, ys_render_report(&ctx, doc, rep, YS_REPORT_JSON, &b), &b);
}

/* read the seed: the reader picks its layout, reads and recognises */
static ys_result sc_seed(run *R)
{
	ys_doc *doc = NULL;
	ys_result r = ys_doc_read_file(&R->ctx, SEED, &doc);
	disarm();
	none_on_failure(R, r, doc, "ys_doc_read_file");
	if (!r)
		add_doc(R, "seed", doc);
	ys_doc_free(doc);
	return r;
}

/* check it: open the catalog, every rule, the report as text and JSON */
static ys_result sc_check(run *R)
{
	ys_catalog *cat = NULL;
	ys_report *rep = NULL;
	ys_buf text = YS_BUF_INIT, json = YS_BUF_INIT;
	ys_result r = ys_catalog_open(&R->ctx, CATALOG, seed->year, &cat);
	none_on_failure(R, r, cat, "ys_catalog_open");
	if (!r) {
		ys_check_opts o = { cat, NULL, NULL };
		r = ys_check(&R->ctx, seed, &o, &rep);
		none_on_failure(R, r, rep, "ys_check");
	}
	if (!r)
		r = ys_render_report(&R->ctx, seed, rep, YS_REPORT_TEXT, &text);
	if (!r)
		r = ys_render_report(&R->ctx, seed, rep, YS_REPORT_JSON, &json);
	disarm();
	if (!r) {
		snap_add(&R->out, "report.txt", text.s, text.len);
		snap_add(&R->out, "report.json", json.s, json.len);
	}
	ys_buf_release(&text);
	ys_buf_release(&json);
	ys_report_free(rep);
	ys_catalog_free(cat);
	return r;
}

/* compile the example: read the detail, its rules, compile, check */
static ys_result compile_from(run *R, const char *path)
{
	ys_diags dl;
	ys_diags_init(&dl);
	ys_budget *b = NULL;
	ys_catalog *cat = NULL;
	ys_report *drep = NULL, *rep = NULL;
	ys_doc *doc = NULL;
	ys_result r = ys_input_read_all(&R->ctx, path, &dl, &b);
	none_on_failure(R, r, b, "ys_input_read_all");
	if (!r) {
		r = ys_catalog_open(&R->ctx, CATALOG, b->year, &cat);
		none_on_failure(R, r, cat, "ys_catalog_open");
	}
	if (!r) {
		r = ys_check_budget(&R->ctx, b, cat, &drep);
		none_on_failure(R, r, drep, "ys_check_budget");
	}
	if (!r) {
		r = ys_compile(&R->ctx, b, cat, &doc);
		none_on_failure(R, r, doc, "ys_compile");
	}
	if (!r) {
		ys_check_opts o = { cat, NULL, NULL };
		r = ys_check(&R->ctx, doc, &o, &rep);
		none_on_failure(R, r, rep, "ys_check");
	}
	disarm();
	if (r && dl.n && r != YS_ENOMEM)
		broke(R, "input errors reported (%s: %s) where the input has none", dl.d[0].place, dl.d[0].msg);
	if (!r) {
		add_doc(R, "compiled", doc);
		add_report(R, "detail.json", doc, drep);
		add_report(R, "check.json", doc, rep);
		ys_ctx ctx;
		ys_ctx_init(&ctx);
		ys_buf bj = YS_BUF_INIT;
		add_buf(R, "budget.json", ys_render_budget_json(&ctx, NULL, b, &bj), &bj);
	}
	ys_report_free(rep);
	ys_report_free(drep);
	ys_doc_free(doc);
	ys_catalog_free(cat);
	ys_budget_free(b);
	ys_diags_release(&dl);
	return r;
}

static ys_result sc_compile(run *R)
{
	return compile_from(R, EXAMPLE);
}

static ys_result sc_compile_xlsx(run *R)
{
	return compile_from(R, EXAMPLE_XLSX);
}

/* read a published workbook back (the disclosure reader of XLSX) */
static char published_xlsx[4200];

static ys_result sc_read_xlsx(run *R)
{
	ys_doc *doc = NULL;
	ys_result r = ys_doc_read_file(&R->ctx, published_xlsx, &doc);
	disarm();
	none_on_failure(R, r, doc, "ys_doc_read_file");
	if (!r)
		add_doc(R, "xlsx", doc);
	ys_doc_free(doc);
	return r;
}

/* read a disclosure of another layout (the general reader) and check it */
#define GENERAL YS_ROOT "/tests/fixtures/general/district.txt"

static ys_result sc_general(run *R)
{
	ys_doc *doc = NULL;
	ys_report *rep = NULL;
	ys_result r = ys_doc_read_file(&R->ctx, GENERAL, &doc);
	none_on_failure(R, r, doc, "ys_doc_read_file");
	if (!r) {
		ys_check_opts o = { catalog, NULL, NULL };
		r = ys_check(&R->ctx, doc, &o, &rep);
		none_on_failure(R, r, rep, "ys_check");
	}
	disarm();
	if (!r) {
		add_doc(R, "general", doc);
		add_report(R, "check.json", doc, rep);
	}
	ys_report_free(rep);
	ys_doc_free(doc);
	return r;
}

static ys_result publish(run *R, unsigned fmt)
{
	in_scratch("out", R->dir, sizeof R->dir);
	ys_publish_opts o = { .formats = fmt, .csv_encoding = YS_ENC_UTF8_BOM, .budget = budget, .report = compiled_rep };
	ys_result r = ys_publish(&R->ctx, compiled, R->dir, &o);
	disarm();
	snap_dir(&R->out, R->dir);
	return r;
}

static ys_result sc_text(run *R) { return publish(R, YS_PUB_TEXT); }
static ys_result sc_csv(run *R) { return publish(R, YS_PUB_CSV); }
static ys_result sc_json(run *R) { return publish(R, YS_PUB_JSON); }
static ys_result sc_xlsx(run *R) { return publish(R, YS_PUB_XLSX); }
static ys_result sc_pdf(run *R) { return publish(R, YS_PUB_PDF); }
static ys_result sc_html(run *R) { return publish(R, YS_PUB_HTML); }

/* import the seed into a database that holds the schema */
static ys_result sc_import(run *R)
{
	in_scratch("run.db", R->dir, sizeof R->dir);
	char hash[YS_HASH_HEX];
	ys_store *st = NULL;
	int64_t id = 0, replaced = 0;
	ys_result r = ys_store_hash_file(&R->ctx, SEED, hash);
	if (!r && strcmp(hash, seed_hash))
		broke(R, "the seed's hash came out as %s, not %s", hash, seed_hash);
	if (!r)
		r = ys_store_open(&R->ctx, R->dir, &st);
	if (!r)
		r = ys_store_import_doc(&R->ctx, st, seed, hash, 0, &id, &replaced);
	if (st)
		ys_store_close(st);
	disarm();
	snap_db(&R->out, R->dir);
	return r;
}

/* store the example budget and its tables (build --db) */
static ys_result sc_store(run *R)
{
	in_scratch("run.db", R->dir, sizeof R->dir);
	ys_store *st = NULL;
	int64_t id = 0;
	ys_result r = ys_store_open(&R->ctx, R->dir, &st);
	if (!r)
		r = ys_store_save_budget(&R->ctx, st, budget, EXAMPLE, compiled, &id);
	if (st)
		ys_store_close(st);
	disarm();
	snap_db(&R->out, R->dir);
	return r;
}

enum { OUT_NONE, OUT_DIR, OUT_DB };

typedef struct scenario {
	const char *name;
	ys_result (*fn)(run *);
	int kind;       /* what a failed run may leave */
	int sample;     /* runs in the sample: the first ones, then spread */
	const char *what;
	int optional;   /* run only when named */
} scenario;

static const scenario scenarios[] = {
	{ "seed", sc_seed, OUT_NONE, 60, "read the seed disclosure (text layout)", 0 },
	{ "check", sc_check, OUT_NONE, 60, "open the catalog, check the seed, render the report", 0 },
	{ "compile", sc_compile, OUT_NONE, 60, "read the example's CSV folder, detail rules, compile, check", 0 },
	{ "compile-xlsx", sc_compile_xlsx, OUT_NONE, 40, "the same from the example's workbook", 0 },
	{ "read-xlsx", sc_read_xlsx, OUT_NONE, 30, "read a published workbook back", 0 },
	{ "text", sc_text, OUT_DIR, 20, "publish tables.txt", 0 },
	{ "csv", sc_csv, OUT_DIR, 20, "publish csv/NN.csv", 0 },
	{ "json", sc_json, OUT_DIR, 30, "publish tables.json (budget and tables)", 0 },
	{ "xlsx", sc_xlsx, OUT_DIR, 20, "publish tables.xlsx", 0 },
	{ "pdf", sc_pdf, OUT_DIR, 8, "publish tables.pdf", 0 },
	{ "html", sc_html, OUT_DIR, 30, "publish html/", 0 },
	{ "import", sc_import, OUT_DB, 40, "import the seed into SQLite", 0 },
	{ "store", sc_store, OUT_DB, 30, "store the example budget and its tables", 0 },
	/* src/read/general.c and src/rules_general.c are being rewritten: they
	 * join the sweep when they pass it */
	{ "general", sc_general, OUT_NONE, 40, "read and check a disclosure of another layout (general.c)", 1 },
};
#define NSCEN (int)(sizeof scenarios / sizeof scenarios[0])

/* Ready the ground for one run: an empty output folder, a fresh copy of
 * the database with only the schema. */
static void prepare(const scenario *s)
{
	char path[4200];
	if (s->kind == OUT_DIR)
		rm_tree(in_scratch("out", path, sizeof path));
	if (s->kind == OUT_DB) {
		static const char *const files[] = { "run.db-wal", "run.db-shm", "run.db-journal", "run.db" };
		for (int i = 0; i < 4; i++)
			remove(in_scratch(files[i], path, sizeof path));
		copy_file(empty_db, path);
	}
}

/* Where the failed allocation was made: function, file:line per frame
 * (addr2line on the offsets backtrace gives; FAULTS_TRACE=0: none). */
static void trace(void)
{
	const char *env = getenv("FAULTS_TRACE");
	if (env && !strcmp(env, "0"))
		return;
	char **sym = backtrace_symbols(f_trace, f_ntrace);
	if (!sym)
		return;
	/* frames of this binary through addr2line; of a shared library (SQLite,
	 * jansson, expat) as backtrace names them */
	fflush(stdout);
	for (int i = 2; i < f_ntrace && i < 14; i++) {
		const char *plus = strstr(sym[i], "(+"), *so = strstr(sym[i], ".so");
		if (!plus || (so && so < plus)) {
			printf("    %s\n", sym[i]);
			continue;
		}
		char cmd[512], line[512];
		snprintf(cmd, sizeof cmd, "addr2line -f -p -s -e /proc/%ld/exe %.*s", (long)getpid(),
		         (int)strcspn(plus + 2, ")"), plus + 2);
		FILE *p = popen(cmd, "r");
		while (p && fgets(line, sizeof line, p))
			printf("    %s", line);
		if (p)
			pclose(p);
	}
	free(sym);
}

/* One run with the Nth allocation failing (0: none); returns 0, or 1 with
 * the broken rule printed. */
static int one(const scenario *s, long n, const snap *ref, const snap *before, long *count, long *failed)
{
	run R;
	memset(&R, 0, sizeof R);
	ys_ctx_init(&R.ctx);
	prepare(s);
	arm(n);
	ys_result r = s->fn(&R);
	disarm();
	*count = f_count;
	*failed = f_failed;
	if (!R.why[0] && r == YS_OK && ref) {
		if (R.out.n != ref->n)
			broke(&R, "succeeded with %d outputs where the reference has %d", R.out.n, ref->n);
		for (int i = 0; i < R.out.n && !R.why[0]; i++) {
			const file *f = &R.out.f[i], *g = snap_find(ref, f->name);
			if (!g)
				broke(&R, "succeeded with %s, which the reference has not", f->name);
			else if (f->len != g->len || memcmp(f->data, g->data, f->len))
				broke(&R, "succeeded, but %s differs from the reference (%zu bytes, reference %zu)", f->name,
				      f->len, g->len);
		}
	} else if (!R.why[0] && r != YS_OK) {
		if (r != YS_ENOMEM)
			broke(&R, "failed with %s, not out of memory: %s", ys_strerror(r), R.ctx.msg);
		else if (!R.ctx.msg[0])
			broke(&R, "failed without a message");
		else if (R.ctx.code != r)
			broke(&R, "returned %s but the message is for %s", ys_strerror(r), ys_strerror(R.ctx.code));
		if (s->kind == OUT_DB && R.out.n != before->n)
			broke(&R, "failed and left the database with %d tables, it had %d", R.out.n, before->n);
		for (int i = 0; i < R.out.n && !R.why[0]; i++) {
			const file *f = &R.out.f[i];
			const file *g = snap_find(s->kind == OUT_DB ? before : ref, f->name);
			if (s->kind == OUT_DIR && !strcmp(f->name, YS_PUBLISH_MANIFEST))
				continue; /* the list of what was written, for the next run to tidy */
			if (!g)
				broke(&R, "failed and left %s, which a whole run does not write", f->name);
			else if (f->len != g->len || memcmp(f->data, g->data, f->len))
				broke(&R, s->kind == OUT_DB ? "failed and changed the database: table %s"
				                            : "failed and left %s half-written",
				      f->name);
		}
	}
	if (R.why[0]) {
		printf("FAIL %s N=%ld%s: %s\n", s->name, n, f_persist ? " (persistent)" : "", R.why);
		if (*failed)
			trace();
	} else if (f_where && *failed) {
		printf("%s N=%ld: %s\n", s->name, n, r ? "failed with YS_ENOMEM" : "succeeded, the same output");
		trace();
	}
	snap_free(&R.out);
	return R.why[0] != 0;
}

/* The runs of one scenario: N = 1.. until a run needs fewer allocations;
 * with sample, the first `sample` of them and then spread evenly over the
 * allocations the reference run made. */
static int sweep(const scenario *s, int sample, long only, long *runs, double *secs)
{
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	*runs = 0;
	*secs = 0;
	long count, failed;
	snap ref = { 0 }, before = { 0 };
	run R;
	/* twice without failures: the second is the reference (caches warm),
	 * and the two must agree, or no comparison means anything */
	for (int k = 0; k < 2; k++) {
		memset(&R, 0, sizeof R);
		ys_ctx_init(&R.ctx);
		prepare(s);
		if (s->kind == OUT_DB && k == 1)
			snap_db(&before, empty_db);
		arm(0);
		ys_result r = s->fn(&R);
		disarm();
		count = f_count;
		if (r || R.why[0]) {
			printf("FAIL %s: the run without failures fails: %s%s\n", s->name, R.ctx.msg, R.why);
			snap_free(&R.out);
			return 1;
		}
		if (k == 1) {
			int same = R.out.n == ref.n;
			for (int i = 0; same && i < ref.n; i++)
				same = !strcmp(ref.f[i].name, R.out.f[i].name) && ref.f[i].len == R.out.f[i].len &&
				       !memcmp(ref.f[i].data, R.out.f[i].data, ref.f[i].len);
			if (!same) {
				printf("FAIL %s: two runs without failures differ: the test cannot compare\n", s->name);
				snap_free(&R.out);
				snap_free(&ref);
				return 1;
			}
			snap_free(&ref);
		}
		ref = R.out;
	}
	long total = count;
	int bad = 0;
	if (only) {
		bad = one(s, only, &ref, &before, &count, &failed);
		*runs = 1;
	} else {
		long stride = sample && total > sample ? (total + sample - 1) / sample : 1;
		for (long n = 1;; n += n < sample ? 1 : stride) {
			bad += one(s, n, &ref, &before, &count, &failed);
			++*runs;
			if (!failed)
				break; /* the run needed fewer than n allocations: done */
			if (bad >= 10) {
				printf("FAIL %s: stopping after 10 failures\n", s->name);
				break;
			}
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	*secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("%-13s %6ld allocations, %6ld runs, %7.1f s%s  %s\n", s->name, total, *runs, *secs,
	       bad ? "  FAILED" : "", s->what);
	fflush(stdout);
	snap_free(&ref);
	snap_free(&before);
	return bad != 0;
}

int main(int argc, char **argv)
{
	static const sqlite3_mem_methods mem = { sq_malloc, sq_free,     sq_realloc, sq_size,
		                                 sq_roundup, sq_init, sq_shutdown, NULL };
	if (sqlite3_config(SQLITE_CONFIG_MALLOC, &mem) != SQLITE_OK) {
		fprintf(stderr, "faults: cannot give SQLite the test's allocator\n");
		return 2;
	}
	json_set_alloc_funcs(json_fail_malloc, free);

	int all = 0;
	long only = 0;
	const char *pick[NSCEN];
	int npick = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--all")) {
			all = 1;
		} else if (!strcmp(argv[i], "--persist")) {
			f_persist = 1;
		} else if (!strcmp(argv[i], "--where")) {
			f_where = 1;
		} else if (!strcmp(argv[i], "-n") && i + 1 < argc) {
			only = atol(argv[++i]);
		} else if (!strcmp(argv[i], "--list")) {
			for (int k = 0; k < NSCEN; k++)
				printf("%-13s %s%s\n", scenarios[k].name, scenarios[k].what,
				       scenarios[k].optional ? " (only when named)" : "");
			return 0;
		} else if (argv[i][0] != '-' && npick < NSCEN) {
			pick[npick++] = argv[i];
		} else {
			fprintf(stderr, "usage: faults [--all] [--persist] [--where] [-n N] [SCENARIO...]\n");
			return 2;
		}
	}
	const char *tmp = getenv("TMPDIR");
	snprintf(scratch, sizeof scratch, "%s/ysfaults-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(scratch)) {
		perror(scratch);
		return 2;
	}
	atexit(cleanup);
	setup();
	{
		/* a workbook to read back: published once, without failures */
		ys_ctx ctx;
		ys_ctx_init(&ctx);
		in_scratch("book.xlsx", published_xlsx, sizeof published_xlsx);
		need(ys_render_xlsx(&ctx, seed, published_xlsx), &ctx, "writing a workbook");
	}
	int bad = 0;
	long runs = 0;
	double secs = 0;
	printf("faults: %s%s\n", only ? "one run" : all ? "every N" : "a sample of N",
	       f_persist ? ", every allocation failing from the Nth on" : ", the Nth allocation failing");
	for (int k = 0; k < NSCEN; k++) {
		int want = !npick && !scenarios[k].optional;
		for (int j = 0; j < npick; j++)
			want |= !strcmp(pick[j], scenarios[k].name);
		if (!want)
			continue;
		long r;
		double t;
		bad += sweep(&scenarios[k], all ? 0 : scenarios[k].sample, only, &r, &t);
		runs += r;
		secs += t;
	}
	printf("faults: %ld runs in %.1f s: %s\n", runs, secs, bad ? "FAILED" : "all passed");
	ys_report_free(compiled_rep);
	ys_doc_free(compiled);
	ys_catalog_free(catalog);
	ys_budget_free(budget);
	ys_doc_free(seed);
	return bad ? 1 : 0;
}
