/*
 * query.h - the store as a dataset: spending by dimensions (year,
 * department, unit, 功能分类 类/款/项, 经济分类, fund, 基本/项目), with its
 * share and its change from the year before; the common questions ranked;
 * a Fiscal Data Package.
 *
 * Everything is read through the views of docs/dataset.md with portable
 * SQL (ys_store_select), so a backend that has the views answers alike.
 * Amounts are summed in the database as integers of 分; a share or a
 * change in per cent is computed here, in integers.
 */
#ifndef YUSUAN_QUERY_H
#define YUSUAN_QUERY_H

#include <stdint.h>

#include "yusuan/base.h"
#include "yusuan/store.h"

typedef enum ys_qdim {
	YS_QD_YEAR = 0,
	YS_QD_DEPARTMENT,
	YS_QD_UNIT,       /* 单位: 05's unit blocks, named when a budget was stored with them */
	YS_QD_FUNC_CLASS, /* 功能分类 类 */
	YS_QD_FUNC_KUAN,  /* 款 */
	YS_QD_FUNC_XIANG, /* 项 */
	YS_QD_ECON_CLASS, /* 部门经济分类 类 (03's rows) */
	YS_QD_ECON_KUAN,  /* 部门经济分类 款 */
	YS_QD_GOV_CLASS,  /* 政府经济分类 类 */
	YS_QD_FUND,       /* all (every fund, 03), gp, gf, soc (05, 07, 08) */
	YS_QD_KIND,       /* basic 基本支出, project 项目支出 */
	YS_QD_NDIMS
} ys_qdim;

/* The dimension's id ("func_class") and Chinese name ("功能分类（类）");
 * ys_qdim_find: the dimension of an id, or -1. */
const char *ys_qdim_id(int d);
const char *ys_qdim_name(int d);
int ys_qdim_find(const char *id);

typedef struct ys_query {
	int dims[YS_QD_NDIMS]; /* the dimensions asked for, in order */
	int ndims;
	/* filters (NULL: any); fund NULL and not a dimension: "all" */
	const char *year, *department, *fund, *kind;
	const char *func; /* a 功能分类 code: its rows (drill-down: --func 201 with func_kuan) */
	const char *econ; /* a 部门经济分类 code */
} ys_query;

typedef struct ys_qrow {
	const char *vals[YS_QD_NDIMS]; /* by position in the query's dims; "" unknown */
	int64_t fen;
	int has_share;
	int64_t share;   /* tenths of a per cent of the whole of its year, department and fund */
	int has_prev;    /* the year before is in the result (year a dimension) */
	int64_t prev, change;
	int has_pct;
	int64_t pct;     /* change / |prev| in tenths of a per cent */
} ys_qrow;

typedef struct ys_qresult {
	ys_arena arena;
	ys_query q;
	ys_qrow *rows;
	size_t n, cap;
	int64_t total;   /* every row added up */
} ys_qresult;

/* Run q on st; *out is freed with ys_qresult_free. */
ys_result ys_query_run(ys_ctx *ctx, ys_store *st, const ys_query *q, ys_qresult **out);
void ys_qresult_free(ys_qresult *r);

typedef enum ys_qformat {
	YS_Q_TEXT = 0, /* for people: a table in 万元 */
	YS_Q_CSV = 1,  /* RFC 4180, UTF-8 with BOM: dims, fen, wanyuan, share, change, pct */
	YS_Q_JSON = 2, /* {"dimensions", "rows": [{dims…, "fen", "wanyuan", …}], "total"} */
} ys_qformat;

ys_result ys_query_render(ys_ctx *ctx, const ys_qresult *r, ys_qformat fmt, ys_buf *out);

/* A Fiscal Data Package in the folder dir (created if missing):
 * datapackage.json (a tabular data resource whose fields carry the FDP
 * columnType: date:fiscal-year, administrative-classification,
 * functional-classification …, value) and spending.csv (the rows, amounts
 * in 元 with 2 decimals and in 分, currency CNY). */
ys_result ys_query_datapackage(ys_ctx *ctx, const ys_qresult *r, const char *dir);

/* The common questions. */
typedef enum ys_rankq {
	YS_RANK_SANGONG = 0,  /* 三公 by document (department): total and each part, largest first */
	YS_RANK_CHANGE,       /* change by 功能分类 类 from the year before (all departments), largest rise first */
	YS_RANK_PROJECT,      /* share of 项目支出 in 基本 + 项目 by document, largest first */
	YS_RANK_NQ
} ys_rankq;

const char *ys_rank_id(int q); /* "sangong", "change", "project-share" */

typedef struct ys_rank_opts {
	int year;                  /* 0: the latest year stored */
	const char *department;    /* NULL: all (change) */
} ys_rank_opts;

/* Answer a question as a table: a header and rows of texts; rendered as
 * text (Chinese, with rank numbers), CSV or JSON. */
ys_result ys_rank_run(ys_ctx *ctx, ys_store *st, ys_rankq q, const ys_rank_opts *o, ys_qformat fmt, ys_buf *out);

#endif
