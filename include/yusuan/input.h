/*
 * input.h - reading a department's detailed budget: a folder of CSV files,
 * or one XLSX workbook with a sheet per file.
 *
 * The input format is described once, as data (sheets, their columns with
 * Chinese headers and English aliases, what each holds): the readers, the
 * `yusuan init` templates and docs/input-format.md all walk that
 * description.  Files are UTF-8 (with or without BOM) or GB18030; amounts
 * are in 元 or 万元 as the column header (金额（万元）) or a line 金额单位：万元
 * above it says.  Every record keeps its file and line.
 *
 * Errors in the input are collected like a compiler's: the reader goes on
 * after a bad cell, row, header or file and records each error at its place
 * (file:line:column for CSV, `book.xlsx: 支出明细!L5` for a workbook), up to
 * YS_INPUT_ERRORS_MAX, into a ys_diags the caller owns; nothing is built
 * when there is one.  The library never prints: the caller shows the list.
 */
#ifndef YUSUAN_INPUT_H
#define YUSUAN_INPUT_H

#include "yusuan/base.h"
#include "yusuan/budget.h"
#include "yusuan/catalog.h"

/* The errors one reading reports at most; then it stops. */
#define YS_INPUT_ERRORS_MAX 50

typedef struct ys_diag {
	ys_result code;      /* YS_EPARSE, YS_EIO, YS_EENCODING, YS_EEMPTY, YS_ELIMIT */
	const char *place;   /* "dir/items.csv:3:42", "book.xlsx: 支出明细!L5", a file; "" when msg says */
	const char *msg;     /* Chinese: what is wrong and what was expected */
} ys_diag;

typedef struct ys_diags {
	ys_arena arena;      /* places and messages */
	ys_diag *d;
	size_t n, cap;
	int stopped;         /* YS_INPUT_ERRORS_MAX reached: the rest was not read */
} ys_diags;

void ys_diags_init(ys_diags *dl);
void ys_diags_release(ys_diags *dl);

/* Read a folder or a workbook, whichever path is, collecting every input
 * error into dl (NULL: only ctx says, with the first).  On an input error
 * the result is the first error's code, ctx holds that error and dl all of
 * them, and *out is NULL.  *out is freed with ys_budget_free. */
ys_result ys_input_read_all(ys_ctx *ctx, const char *path, ys_diags *dl, ys_budget **out);

/* The same, without the list. */
ys_result ys_input_read(ys_ctx *ctx, const char *path, ys_budget **out);
/* Read the budget in dir (a folder of CSV files, see docs/input-format.md). */
ys_result ys_input_read_dir(ys_ctx *ctx, const char *dir, ys_budget **out);
/* Read the budget from one XLSX workbook. */
ys_result ys_input_read_xlsx(ys_ctx *ctx, const char *path, ys_budget **out);

/* Where a record is, as people read it: "dir/items.csv:3", or for a row of
 * a workbook (ys_pos.file "book.xlsx: 支出明细!") its first cell,
 * "book.xlsx: 支出明细!A3".  Writes into buf and returns it. */
const char *ys_input_place(ys_pos pos, char *buf, size_t cap);

/* Write an empty, commented template (one CSV per sheet) into dir, which
 * must be new or empty (render/template.c). */
ys_result ys_input_write_template(ys_ctx *ctx, const char *dir);
/* The same, filled with fill's records (NULL: empty): a budget converted
 * to a CSV folder, which builds the same tables. */
ys_result ys_input_write_folder(ys_ctx *ctx, const char *dir, const ys_budget *fill);

/* docs/input-format.md, from the description. */
void ys_input_doc(ys_buf *out);

/* ---- the description, for templates -------------------------------------
 *
 * The sheets and their columns as the reader knows them, so that a template
 * writer walks the same description the reader parses with: sheets in
 * reading order, each column with its header, what it holds and where a
 * template finds the values to offer.
 */

/* How the reader parses a column. */
typedef enum ys_input_kind {
	YS_IN_TEXT = 0,
	YS_IN_CODE,   /* a classification code, "2010350" or "2010350-事业运行" */
	YS_IN_AMOUNT, /* an amount in the unit its header names */
	YS_IN_ENUM,   /* one of the listed values */
	YS_IN_BOOL,   /* 是/否 */
	YS_IN_YEAR,
	YS_IN_COUNT,  /* a whole number of things: 27 (台) */
} ys_input_kind;

/* What a template offers in a column (a drop-down list). */
typedef enum ys_input_list {
	YS_LIST_NONE = 0,
	YS_LIST_VALUES,    /* the column's own values: ys_input_column_value */
	YS_LIST_FUNC,      /* 支出功能分类 项 of the catalog */
	YS_LIST_DEPT_ECON, /* 部门经济分类 款 of the catalog */
	YS_LIST_GOV_ECON,  /* 政府经济分类 款 of the catalog */
	YS_LIST_REF,       /* what column ref_col of sheet ref_sheet holds (a unit, a project) */
	YS_LIST_IND1,      /* 一级指标: ys_perf_level */
	YS_LIST_IND2,      /* 二级指标 */
	YS_LIST_OP,        /* 指标性质: ys_perf_op */
} ys_input_list;

typedef struct ys_input_sheet {
	const char *id;  /* the file's name: items(.csv) */
	const char *zh;  /* the Chinese name, also a file's or worksheet's name: 支出明细 */
	const char *doc; /* what it holds */
	int required;
	int ncolumns;
} ys_input_sheet;

typedef struct ys_input_column {
	const char *id;  /* English alias: amount */
	const char *zh;  /* the header: 金额 (an amount's header adds its unit: 金额（万元）) */
	const char *doc;
	ys_input_kind kind;
	int required;
	ys_input_list list;
	int strict;             /* a value not on the list is refused (by the reader, or by table 12
	                           it is compiled into); else a template only warns */
	int ref_sheet, ref_col; /* YS_LIST_REF: the column whose values it takes; else -1 */
} ys_input_column;

/* Sheet `sheet` (0, 1 ... in reading order) into *out: 0, or -1 past the last. */
int ys_input_sheet_get(int sheet, ys_input_sheet *out);
/* Column col of sheet into *out: 0, or -1 when there is none. */
int ys_input_column_get(int sheet, int col, ys_input_column *out);
/* The k-th value (0, 1 ...) a YS_LIST_VALUES column accepts, as a person
 * writes it (its first Chinese spelling: 一般公共预算, A-货物, 是) into buf,
 * and the value the reader gives it (ys_fundsrc, 'A', 1 ...) in *value:
 * 0, or -1 past the last. */
int ys_input_column_value(int sheet, int col, int k, char *buf, size_t cap, int *value);

/*
 * Write a workbook template of the detailed budget to path (render/template.c):
 * a 说明 sheet, one sheet per input sheet with its header row, a note on each
 * header and drop-down lists, and a 代码表 sheet with the lists: the codes of
 * cat (功能分类 项, 部门经济分类 款, 政府经济分类 款; none when cat is NULL),
 * the values of each enumerated column and the standard indicator levels.
 * fill: NULL for an empty template, else a budget whose records fill the
 * sheets (a CSV folder converted).  Refuses when path exists.
 */
ys_result ys_input_write_workbook(ys_ctx *ctx, const char *path, const ys_catalog *cat, const ys_budget *fill);

/* The workbook template's section of docs/input-format.md. */
void ys_input_template_doc(ys_buf *out);

#endif
