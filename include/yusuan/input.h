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
 */
#ifndef YUSUAN_INPUT_H
#define YUSUAN_INPUT_H

#include "yusuan/base.h"
#include "yusuan/budget.h"

/* Read the budget in dir (a folder of CSV files, see docs/input-format.md).
 * *out is freed with ys_budget_free. */
ys_result ys_input_read_dir(ys_ctx *ctx, const char *dir, ys_budget **out);

/* Read the budget from one XLSX workbook. */
ys_result ys_input_read_xlsx(ys_ctx *ctx, const char *path, ys_budget **out);

/* Read a folder or a workbook, whichever path is. */
ys_result ys_input_read(ys_ctx *ctx, const char *path, ys_budget **out);

/* Write an empty, commented template (one CSV per sheet) into dir, which
 * must not hold any of the files yet. */
ys_result ys_input_write_template(ys_ctx *ctx, const char *dir);

/* docs/input-format.md, from the description. */
void ys_input_doc(ys_buf *out);

#endif
