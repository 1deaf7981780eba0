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
 * must not hold any of the files yet. */
ys_result ys_input_write_template(ys_ctx *ctx, const char *dir);

/* docs/input-format.md, from the description. */
void ys_input_doc(ys_buf *out);

#endif
