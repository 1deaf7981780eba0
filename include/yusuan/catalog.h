/*
 * catalog.h - 政府收支分类科目: the code lists codes and names are checked
 * against, loaded from CSV with a year.
 *
 * Kinds: 支出功能分类 (类 3 digits / 款 5 / 项 7), 部门经济分类 (类 3 / 款 5;
 * provinces add 7-digit codes under a valid 款), 政府经济分类, 收入分类, and
 * the 部门→政府 mapping by unit type (机关 → 501–504, 事业单位 → 505/506).
 * Every row carries a confidence; only `seen` and `high` rows back an error,
 * a mismatch on a `medium` or `low` row is a warning.  Names compare after
 * NFKC with white space removed, and against the printed variants of
 * variants.csv, each with its own confidence (a name printed by many
 * documents is accepted, one printed by one or two only softens the finding).
 * Columns are found by their header, so extra columns (a `note`) are
 * ignored.  The catalog is data, never compiled in: a user points yusuan at
 * another folder or file.
 */
#ifndef YUSUAN_CATALOG_H
#define YUSUAN_CATALOG_H

#include "yusuan/base.h"

typedef enum ys_catkind {
	YS_CAT_FUNC = 0,      /* 支出功能分类 */
	YS_CAT_DEPT_ECON = 1, /* 部门预算支出经济分类 */
	YS_CAT_GOV_ECON = 2,  /* 政府预算支出经济分类 */
	YS_CAT_REVENUE = 3,   /* 收入分类 */
	YS_CAT_NKINDS = 4
} ys_catkind;

typedef enum ys_conf {
	YS_CONF_LOW = 0,
	YS_CONF_MEDIUM = 1,
	YS_CONF_HIGH = 2,
	YS_CONF_SEEN = 3,
} ys_conf;

/* Whether a mismatch against a row of this confidence may be an error. */
#define YS_CONF_FIRM(c) ((c) >= YS_CONF_HIGH)

typedef enum ys_unittype {
	YS_UT_UNKNOWN = 0,
	YS_UT_JIGUAN = 1, /* 机关: 行政单位和参公单位 */
	YS_UT_SHIYE = 2,  /* 事业单位 */
} ys_unittype;

typedef struct ys_catrow {
	const char *code;
	const char *name;
	const char *parent;   /* "" for a 类 */
	const char *budget;   /* function rows: GP, GF or SOC; else "" */
	const char *seen_in;
	int level;            /* 1 类, 2 款, 3 项 */
	ys_conf conf;
	int line;             /* line in its CSV file */
} ys_catrow;

typedef struct ys_catmap {
	const char *dept_code, *dept_name;
	const char *gov_code[3], *gov_name[3]; /* indexed by ys_unittype (1, 2) */
	ys_conf conf;
	int line;
} ys_catmap;

typedef struct ys_catalog ys_catalog;

/* Write yusuan's data folder (catalog/, score/, templates/) into buf and
 * return buf, or NULL when it does not fit in cap: $YUSUAN_DATA, else
 * share/yusuan beside the running program's bin/ (an installed tree:
 * PREFIX/bin/yusuan, PREFIX/share/yusuan), else the build tree's data/.
 * Safe to call from several threads at once. */
const char *ys_data_dir(char *buf, size_t cap);

/* The directory yusuan's catalogs live in: the catalog/ of ys_data_dir. */
const char *ys_catalog_default_root(char *buf, size_t cap);

/*
 * Open the catalog for budget year `year` from dir: either a year folder
 * (holding function.csv) or a root of year folders, of which the newest
 * year <= `year` is taken (the oldest when none is).  *out is freed with
 * ys_catalog_free.
 */
ys_result ys_catalog_open(ys_ctx *ctx, const char *dir, int year, ys_catalog **out);

/* Replace one kind's rows with those of path ("function", "dept_econ",
 * "gov_econ", "revenue", "map" or "variants" names the kind in kindname). */
ys_result ys_catalog_load_file(ys_ctx *ctx, ys_catalog *cat, const char *kindname, const char *path);

void ys_catalog_free(ys_catalog *cat);

int ys_catalog_year(const ys_catalog *cat);
const char *ys_catalog_dir(const ys_catalog *cat);
size_t ys_catalog_count(const ys_catalog *cat, ys_catkind kind);

/* Row i (0 .. ys_catalog_count - 1) of a kind, in code order; NULL past the last. */
const ys_catrow *ys_catalog_row(const ys_catalog *cat, ys_catkind kind, size_t i);

/* The row for code, or NULL. */
const ys_catrow *ys_catalog_find(const ys_catalog *cat, ys_catkind kind, const char *code);

/* The mapping row for a 部门经济 code (a 7-digit code maps by its 款). */
const ys_catmap *ys_catalog_map(const ys_catalog *cat, const char *dept_code);

/* How a printed name matches a catalog row. */
typedef enum ys_namematch {
	YS_NAME_NONE = 0,    /* neither its name nor a variant */
	YS_NAME_EXACT = 1,   /* the row's own name */
	YS_NAME_VARIANT = 2, /* a name variants.csv records for the code */
} ys_namematch;

/*
 * Compare printed with row's name and its recorded variants (NFKC, no
 * spaces).  *conf is set to the confidence of what matched: the row's for
 * its own name, the variant's (the highest, if listed twice) for a variant;
 * untouched for YS_NAME_NONE.  A variant of medium or low confidence is a
 * name seen printed, too rarely to be taken as right.
 */
ys_namematch ys_catalog_name_match(const ys_catalog *cat, ys_catkind kind, const ys_catrow *row, const char *printed,
                                   ys_conf *conf);

/* Does printed equal row's name or a recorded variant of any confidence? */
int ys_catalog_name_ok(const ys_catalog *cat, ys_catkind kind, const ys_catrow *row, const char *printed);

const char *ys_catkind_name(ys_catkind kind); /* "功能分类" ... */
const char *ys_conf_name(ys_conf c);          /* "seen" ... */
const char *ys_unittype_name(ys_unittype t);  /* "机关", "事业单位" */

#endif
