/*
 * catalog.c - loading and looking up the classification catalogs.
 */
#include "yusuan/catalog.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv.h"
#include "yusuan/text.h"
#include "base_int.h"

#ifndef YS_DATADIR
#define YS_DATADIR "data"
#endif

/* A row with its precomputed label key (pub first: the public pointer is
 * also a pointer to this). */
typedef struct row_int {
	ys_catrow pub;
	const char *key;
} row_int;

typedef struct variant {
	ys_catkind kind;
	ys_conf conf;
	const char *code, *key;
} variant;

struct ys_catalog {
	int year;
	char *dir;
	ys_arena arena;
	row_int *rows[YS_CAT_NKINDS];
	size_t nrows[YS_CAT_NKINDS];
	ys_catmap *maps;
	size_t nmaps;
	variant *variants;
	size_t nvariants;
};

static const char *const kind_files[YS_CAT_NKINDS] = {
	"function", "dept_econ", "gov_econ", "revenue",
};

const char *ys_catkind_name(ys_catkind kind)
{
	static const char *const n[] = { "支出功能分类", "部门支出经济分类", "政府支出经济分类", "收入分类" };
	return kind < YS_CAT_NKINDS ? n[kind] : "?";
}

const char *ys_conf_name(ys_conf c)
{
	static const char *const n[] = { "low", "medium", "high", "seen" };
	return (unsigned)c <= YS_CONF_SEEN ? n[c] : "?";
}

const char *ys_unittype_name(ys_unittype t)
{
	switch (t) {
	case YS_UT_JIGUAN: return "机关";
	case YS_UT_SHIYE: return "事业单位";
	default: return "未知";
	}
}

/*
 * The data folder: $YUSUAN_DATA; else share/yusuan beside the running
 * program's bin/ (PREFIX/bin/yusuan finds PREFIX/share/yusuan, wherever the
 * installed tree was copied); else the data folder of the build tree this
 * was compiled in (YS_DATADIR).  Written into buf; -1 when it does not fit.
 */
static int data_dir(char *buf, size_t cap)
{
	const char *env = getenv("YUSUAN_DATA");
	int n;
	if (env && *env) {
		n = snprintf(buf, cap, "%s", env);
		return n >= 0 && (size_t)n < cap ? 0 : -1;
	}
	char exe[4096], cat[4096 + 32];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (len > 0 && (size_t)len < sizeof exe - 1) {
		exe[len] = '\0';
		char *slash = strrchr(exe, '/'); /* the program's name */
		if (slash) {
			*slash = '\0';
			slash = strrchr(exe, '/'); /* its folder, bin */
		}
		struct stat st;
		if (slash) {
			*slash = '\0';
			n = snprintf(cat, sizeof cat, "%s/share/yusuan/catalog", exe);
			if (n >= 0 && (size_t)n < sizeof cat && stat(cat, &st) == 0 && S_ISDIR(st.st_mode)) {
				n = snprintf(buf, cap, "%s/share/yusuan", exe);
				return n >= 0 && (size_t)n < cap ? 0 : -1;
			}
		}
	}
	n = snprintf(buf, cap, "%s", YS_DATADIR);
	return n >= 0 && (size_t)n < cap ? 0 : -1;
}

const char *ys_data_dir(char *buf, size_t cap)
{
	return data_dir(buf, cap) ? NULL : buf;
}

const char *ys_catalog_default_root(char *buf, size_t cap)
{
	char dir[4096];
	if (data_dir(dir, sizeof dir))
		return NULL;
	int n = snprintf(buf, cap, "%s/catalog", dir);
	return n >= 0 && (size_t)n < cap ? buf : NULL;
}

static int parse_conf(const char *s, ys_conf *c)
{
	static const char *const n[] = { "low", "medium", "high", "seen" };
	for (int i = 0; i < 4; i++)
		if (strcmp(s, n[i]) == 0) {
			*c = (ys_conf)i;
			return 0;
		}
	return -1;
}

static int parse_level(const char *s)
{
	if (strcmp(s, "类") == 0) return 1;
	if (strcmp(s, "款") == 0) return 2;
	if (strcmp(s, "项") == 0) return 3;
	return 0;
}

static int all_digits(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* Column index of header name h in the header record, or -1. */
static int col_of(const ys_csv *c, const char *h)
{
	for (size_t i = 0; i < c->nf; i++)
		if (strcmp(c->f[i].s, h) == 0)
			return (int)i;
	return -1;
}

static const char *field(ys_csv *c, int idx)
{
	return idx >= 0 && (size_t)idx < c->nf ? c->f[idx].s : "";
}

static char *key_of(ys_arena *a, const char *s)
{
	ys_buf b = YS_BUF_INIT;
	ys_label_key(&b, s, strlen(s));
	char *k = b.oom ? NULL : ys_arena_strndup(a, b.s, b.len);
	ys_buf_release(&b);
	return k;
}

static int cmp_row(const void *a, const void *b)
{
	return strcmp(((const row_int *)a)->pub.code, ((const row_int *)b)->pub.code);
}

static int cmp_map(const void *a, const void *b)
{
	return strcmp(((const ys_catmap *)a)->dept_code, ((const ys_catmap *)b)->dept_code);
}

/* Open path, decode it and start a CSV reader whose first record (the
 * header) has been read.  *text must be freed by the caller. */
static ys_result open_csv(ys_ctx *ctx, const char *path, ys_csv *c, char **text)
{
	char *raw;
	size_t n, tl;
	ys_encoding enc;
	ys_result r = ys_file_read(ctx, path, &raw, &n);
	if (r)
		return r;
	r = ys_text_decode(ctx, path, raw, n, text, &tl, &enc);
	free(raw);
	if (r)
		return r;
	ys_csv_init(c, path, *text, tl, ',');
	int k = ys_csv_next(c, ctx);
	if (k <= 0) {
		ys_csv_release(c);
		free(*text);
		*text = NULL;
		return k < 0 ? ctx->code : ys_error(ctx, YS_EEMPTY, "%s: no header row", path);
	}
	return YS_OK;
}

static ys_result load_rows(ys_ctx *ctx, ys_catalog *cat, ys_catkind kind, const char *path)
{
	ys_csv c;
	char *text;
	ys_result r = open_csv(ctx, path, &c, &text);
	if (r)
		return r;
	int ic = col_of(&c, "code"), in = col_of(&c, "name"), il = col_of(&c, "level"),
	    ip = col_of(&c, "parent"), ib = col_of(&c, "budget"), iconf = col_of(&c, "confidence"),
	    is = col_of(&c, "seen_in");
	if (ic < 0 || in < 0 || iconf < 0) {
		r = ys_error(ctx, YS_EPARSE, "%s:1: header must name the columns code, name and confidence", path);
		goto out;
	}
	row_int *rows = NULL;
	size_t nrows = 0, cap = 0;
	int k;
	while ((k = ys_csv_next(&c, ctx)) > 0) {
		if (c.nf == 1 && c.f[0].len == 0)
			continue; /* blank line */
		const char *code = field(&c, ic), *conf = field(&c, iconf);
		int line = c.f[0].line;
		if (!all_digits(code, strlen(code)) || strlen(code) > 9) {
			r = ys_error(ctx, YS_EPARSE, "%s:%d:%d: code '%s' is not a classification code: expected digits",
			             path, line, c.f[ic].col, code);
			free(rows);
			goto out;
		}
		ys_conf cf;
		if (parse_conf(conf, &cf)) {
			r = ys_error(ctx, YS_EPARSE, "%s:%d: confidence '%s': expected seen, high, medium or low",
			             path, line, conf);
			free(rows);
			goto out;
		}
		if (ys_grow((void **)&rows, &cap, nrows + 1, sizeof *rows)) {
			r = ys_error(ctx, YS_ENOMEM, "%s: out of memory", path);
			free(rows);
			goto out;
		}
		row_int *ri = &rows[nrows++];
		memset(ri, 0, sizeof *ri);
		ys_arena *a = &cat->arena;
		ri->pub.code = ys_arena_strdup(a, code);
		ri->pub.name = ys_arena_strdup(a, field(&c, in));
		ri->pub.parent = ys_arena_strdup(a, field(&c, ip));
		ri->pub.budget = ys_arena_strdup(a, field(&c, ib));
		ri->pub.seen_in = ys_arena_strdup(a, field(&c, is));
		ri->pub.level = il >= 0 ? parse_level(field(&c, il)) : 0;
		if (!ri->pub.level) {
			size_t len = strlen(code);
			ri->pub.level = len <= 3 ? 1 : len <= 5 ? 2 : 3;
		}
		ri->pub.conf = cf;
		ri->pub.line = line;
		ri->key = ri->pub.name ? key_of(a, ri->pub.name) : NULL;
		if (!ri->pub.code || !ri->pub.name || !ri->pub.parent || !ri->pub.budget || !ri->pub.seen_in || !ri->key) {
			r = ys_error(ctx, YS_ENOMEM, "%s: out of memory", path);
			free(rows);
			goto out;
		}
	}
	if (k < 0) {
		r = ctx->code;
		free(rows);
		goto out;
	}
	if (nrows)
		qsort(rows, nrows, sizeof *rows, cmp_row);
	for (size_t i = 1; i < nrows; i++) {
		if (strcmp(rows[i].pub.code, rows[i - 1].pub.code) == 0) {
			r = ys_error(ctx, YS_EPARSE, "%s:%d: code %s is listed twice (also line %d)", path,
			             rows[i].pub.line, rows[i].pub.code, rows[i - 1].pub.line);
			free(rows);
			goto out;
		}
	}
	free(cat->rows[kind]);
	cat->rows[kind] = rows;
	cat->nrows[kind] = nrows;
out:
	ys_csv_release(&c);
	free(text);
	return r;
}

static ys_result load_map(ys_ctx *ctx, ys_catalog *cat, const char *path)
{
	ys_csv c;
	char *text;
	ys_result r = open_csv(ctx, path, &c, &text);
	if (r)
		return r;
	int id = col_of(&c, "dept_code"), idn = col_of(&c, "dept_name"),
	    ij = col_of(&c, "gov_code_jiguan"), ijn = col_of(&c, "gov_name_jiguan"),
	    is = col_of(&c, "gov_code_shiye"), isn = col_of(&c, "gov_name_shiye"),
	    iconf = col_of(&c, "confidence");
	if (id < 0 || ij < 0 || is < 0 || iconf < 0) {
		r = ys_error(ctx, YS_EPARSE,
		             "%s:1: header must name dept_code, gov_code_jiguan, gov_code_shiye and confidence", path);
		goto out;
	}
	ys_catmap *maps = NULL;
	size_t n = 0, cap = 0;
	int k;
	while ((k = ys_csv_next(&c, ctx)) > 0) {
		if (c.nf == 1 && c.f[0].len == 0)
			continue;
		int line = c.f[0].line;
		ys_conf cf;
		const char *dc = field(&c, id);
		if (!all_digits(dc, strlen(dc)) || parse_conf(field(&c, iconf), &cf)) {
			r = ys_error(ctx, YS_EPARSE, "%s:%d: expected a 部门经济 code and a confidence", path, line);
			free(maps);
			goto out;
		}
		if (ys_grow((void **)&maps, &cap, n + 1, sizeof *maps)) {
			r = ys_error(ctx, YS_ENOMEM, "%s: out of memory", path);
			free(maps);
			goto out;
		}
		ys_catmap *m = &maps[n++];
		memset(m, 0, sizeof *m);
		ys_arena *a = &cat->arena;
		m->dept_code = ys_arena_strdup(a, dc);
		m->dept_name = ys_arena_strdup(a, field(&c, idn));
		m->gov_code[YS_UT_JIGUAN] = ys_arena_strdup(a, field(&c, ij));
		m->gov_name[YS_UT_JIGUAN] = ys_arena_strdup(a, field(&c, ijn));
		m->gov_code[YS_UT_SHIYE] = ys_arena_strdup(a, field(&c, is));
		m->gov_name[YS_UT_SHIYE] = ys_arena_strdup(a, field(&c, isn));
		m->gov_code[0] = m->gov_name[0] = "";
		m->conf = cf;
		m->line = line;
	}
	if (k < 0) {
		r = ctx->code;
		free(maps);
		goto out;
	}
	if (n)
		qsort(maps, n, sizeof *maps, cmp_map);
	free(cat->maps);
	cat->maps = maps;
	cat->nmaps = n;
out:
	ys_csv_release(&c);
	free(text);
	return r;
}

static int kind_of(const char *s, ys_catkind *k)
{
	for (int i = 0; i < YS_CAT_NKINDS; i++)
		if (strcmp(s, kind_files[i]) == 0) {
			*k = (ys_catkind)i;
			return 0;
		}
	return -1;
}

static ys_result load_variants(ys_ctx *ctx, ys_catalog *cat, const char *path)
{
	ys_csv c;
	char *text;
	ys_result r = open_csv(ctx, path, &c, &text);
	if (r)
		return r;
	int ik = col_of(&c, "kind"), ic = col_of(&c, "code"), in = col_of(&c, "name"),
	    iconf = col_of(&c, "confidence");
	if (ik < 0 || ic < 0 || in < 0) {
		r = ys_error(ctx, YS_EPARSE, "%s:1: header must name kind, code and name", path);
		goto out;
	}
	variant *v = NULL;
	size_t n = 0, cap = 0;
	int k;
	while ((k = ys_csv_next(&c, ctx)) > 0) {
		if (c.nf == 1 && c.f[0].len == 0)
			continue;
		ys_catkind kind;
		if (kind_of(field(&c, ik), &kind)) {
			r = ys_error(ctx, YS_EPARSE, "%s:%d: kind '%s': expected function, dept_econ, gov_econ or revenue",
			             path, c.f[0].line, field(&c, ik));
			free(v);
			goto out;
		}
		const char *code = field(&c, ic);
		if (!all_digits(code, strlen(code)) || strlen(code) > 9) {
			r = ys_error(ctx, YS_EPARSE, "%s:%d: code '%s' is not a classification code: expected digits", path,
			             c.f[0].line, code);
			free(v);
			goto out;
		}
		/* without a confidence column a variant is as sure as a high row */
		ys_conf cf = YS_CONF_HIGH;
		if (iconf >= 0 && parse_conf(field(&c, iconf), &cf)) {
			r = ys_error(ctx, YS_EPARSE, "%s:%d: confidence '%s': expected seen, high, medium or low", path,
			             c.f[0].line, field(&c, iconf));
			free(v);
			goto out;
		}
		if (ys_grow((void **)&v, &cap, n + 1, sizeof *v)) {
			r = ys_error(ctx, YS_ENOMEM, "%s: out of memory", path);
			free(v);
			goto out;
		}
		v[n].kind = kind;
		v[n].conf = cf;
		v[n].code = ys_arena_strdup(&cat->arena, code);
		v[n].key = key_of(&cat->arena, field(&c, in));
		if (!v[n].code || !v[n].key) {
			r = ys_error(ctx, YS_ENOMEM, "%s: out of memory", path);
			free(v);
			goto out;
		}
		n++;
	}
	if (k < 0) {
		r = ctx->code;
		free(v);
		goto out;
	}
	free(cat->variants);
	cat->variants = v;
	cat->nvariants = n;
out:
	ys_csv_release(&c);
	free(text);
	return r;
}

static ys_result catalog_load_file_body(ys_ctx *ctx, ys_catalog *cat, const char *kindname, const char *path)
{
	ys_catkind k;
	if (strcmp(kindname, "map") == 0)
		return load_map(ctx, cat, path);
	if (strcmp(kindname, "variants") == 0)
		return load_variants(ctx, cat, path);
	if (kind_of(kindname, &k))
		return ys_error(ctx, YS_EINVAL,
		                "catalog kind '%s': expected function, dept_econ, gov_econ, revenue, map or variants",
		                kindname);
	return load_rows(ctx, cat, k, path);
}

ys_result ys_catalog_load_file(ys_ctx *ctx, ys_catalog *cat, const char *kindname, const char *path)
{
	unsigned long mark = ys_oom_mark();
	ys_result r = ys_oom_check(ctx, catalog_load_file_body(ctx, cat, kindname, path), mark);
	return r;
}

/* out = a "/" b; returns 0, or -1 when it does not fit in PATH_CAP. */
#define PATH_CAP 4096
static int join(char *out, const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la + 1 + lb + 1 > PATH_CAP)
		return -1;
	memcpy(out, a, la);
	out[la] = '/';
	memcpy(out + la + 1, b, lb + 1);
	return 0;
}

static int is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Pick the year folder of root for `year`: newest <= year, else oldest. */
static int pick_year(const char *root, int year)
{
	DIR *d = opendir(root);
	if (!d)
		return -1;
	int best = -1, oldest = -1;
	struct dirent *e;
	while ((e = readdir(d))) {
		const char *s = e->d_name;
		if (strlen(s) != 4 || !all_digits(s, 4))
			continue;
		int y = atoi(s);
		if (y <= year && y > best)
			best = y;
		if (oldest < 0 || y < oldest)
			oldest = y;
	}
	closedir(d);
	return best >= 0 ? best : oldest;
}

static ys_result catalog_open_body(ys_ctx *ctx, const char *dir, int year, ys_catalog **out)
{
	char path[PATH_CAP], ydir[PATH_CAP], root[PATH_CAP];
	*out = NULL;
	if (!dir && !(dir = ys_catalog_default_root(root, sizeof root)))
		return ys_error(ctx, YS_EINVAL, "catalog folder name too long: '%.100s...'",
		                getenv("YUSUAN_DATA") ? getenv("YUSUAN_DATA") : YS_DATADIR);
	if (join(path, dir, "function.csv"))
		return ys_error(ctx, YS_EINVAL, "catalog folder name too long: '%.100s...'", dir);
	int cyear = year;
	if (is_file(path)) {
		memcpy(ydir, dir, strlen(dir) + 1);
		const char *base = strrchr(dir, '/');
		base = base ? base + 1 : dir;
		if (strlen(base) == 4 && all_digits(base, 4))
			cyear = atoi(base);
	} else {
		char y[16];
		cyear = pick_year(dir, year);
		if (cyear < 0)
			return ys_error(ctx, YS_EIO,
			                "%s: no catalog here: expected function.csv or year folders such as 2025/", dir);
		snprintf(y, sizeof y, "%04d", cyear);
		if (join(ydir, dir, y))
			return ys_error(ctx, YS_EINVAL, "catalog folder name too long");
	}
	ys_catalog *cat = calloc(1, sizeof *cat);
	if (!cat)
		return ys_error(ctx, YS_ENOMEM, "out of memory");
	ys_arena_init(&cat->arena);
	cat->year = cyear;
	cat->dir = strdup(ydir);
	ys_result r = cat->dir ? YS_OK : ys_error(ctx, YS_ENOMEM, "out of memory");
	for (int k = 0; k < YS_CAT_NKINDS && !r; k++) {
		char file[32];
		snprintf(file, sizeof file, "%s.csv", kind_files[k]);
		if (join(path, ydir, file))
			r = ys_error(ctx, YS_EINVAL, "catalog folder name too long");
		else if (k == YS_CAT_FUNC || is_file(path))
			r = load_rows(ctx, cat, (ys_catkind)k, path);
	}
	if (!r && !join(path, ydir, "dept_gov_map.csv") && is_file(path))
		r = load_map(ctx, cat, path);
	if (!r && !join(path, ydir, "variants.csv") && is_file(path))
		r = load_variants(ctx, cat, path);
	if (r) {
		ys_catalog_free(cat);
		return r;
	}
	*out = cat;
	return YS_OK;
}

ys_result ys_catalog_open(ys_ctx *ctx, const char *dir, int year, ys_catalog **out)
{
	unsigned long mark = ys_oom_mark();
	ys_result r = ys_oom_check(ctx, catalog_open_body(ctx, dir, year, out), mark);
	if (r && *out) {
		ys_catalog_free(*out);
		*out = NULL;
	}
	return r;
}

void ys_catalog_free(ys_catalog *cat)
{
	if (!cat)
		return;
	for (int k = 0; k < YS_CAT_NKINDS; k++)
		free(cat->rows[k]);
	free(cat->maps);
	free(cat->variants);
	free(cat->dir);
	ys_arena_release(&cat->arena);
	free(cat);
}

int ys_catalog_year(const ys_catalog *cat) { return cat->year; }
const char *ys_catalog_dir(const ys_catalog *cat) { return cat->dir; }
size_t ys_catalog_count(const ys_catalog *cat, ys_catkind kind) { return cat->nrows[kind]; }

const ys_catrow *ys_catalog_row(const ys_catalog *cat, ys_catkind kind, size_t i)
{
	if (!cat || kind >= YS_CAT_NKINDS || i >= cat->nrows[kind])
		return NULL;
	return &cat->rows[kind][i].pub;
}

const ys_catrow *ys_catalog_find(const ys_catalog *cat, ys_catkind kind, const char *code)
{
	if (!cat || kind >= YS_CAT_NKINDS || !cat->rows[kind])
		return NULL;
	row_int key;
	key.pub.code = code;
	row_int *r = bsearch(&key, cat->rows[kind], cat->nrows[kind], sizeof key, cmp_row);
	return r ? &r->pub : NULL;
}

const ys_catmap *ys_catalog_map(const ys_catalog *cat, const char *dept_code)
{
	if (!cat || !cat->maps)
		return NULL;
	char kuan[6];
	size_t n = strlen(dept_code);
	ys_catmap key;
	if (n > 5) {
		memcpy(kuan, dept_code, 5);
		kuan[5] = '\0';
		key.dept_code = kuan;
	} else {
		key.dept_code = dept_code;
	}
	return bsearch(&key, cat->maps, cat->nmaps, sizeof key, cmp_map);
}

ys_namematch ys_catalog_name_match(const ys_catalog *cat, ys_catkind kind, const ys_catrow *row, const char *printed,
                                   ys_conf *conf)
{
	const row_int *ri = (const row_int *)row;
	ys_buf b = YS_BUF_INIT;
	ys_label_key(&b, printed, strlen(printed));
	ys_namematch m = strcmp(b.s, ri->key) == 0 ? YS_NAME_EXACT : YS_NAME_NONE;
	for (size_t i = 0; m != YS_NAME_EXACT && i < cat->nvariants; i++) {
		const variant *v = &cat->variants[i];
		if (v->kind != kind || strcmp(v->code, row->code) || strcmp(v->key, b.s))
			continue;
		/* the same name listed twice: the surer row counts */
		if (m == YS_NAME_NONE || v->conf > *conf)
			*conf = v->conf;
		m = YS_NAME_VARIANT;
	}
	if (m == YS_NAME_EXACT)
		*conf = row->conf;
	ys_buf_release(&b);
	return m;
}

int ys_catalog_name_ok(const ys_catalog *cat, ys_catkind kind, const ys_catrow *row, const char *printed)
{
	ys_conf c;
	return ys_catalog_name_match(cat, kind, row, printed, &c) != YS_NAME_NONE;
}
