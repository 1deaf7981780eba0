/*
 * diff.h - two disclosures compared: what changed between two years of one
 * department, or between two versions of one year's disclosure.
 *
 * A disclosure is first reduced to figures by dimension (sections): 功能分类
 * 类/款/项, 部门经济 and 政府经济分类, income by fund, 三公 and each part,
 * projects, procurement; each figure is keyed by its code (or a fixed id,
 * or a project's code, else its name), so two disclosures compare key by
 * key and a figure present in one only is added or removed.  Versions of
 * one disclosure (same year, same department) are also compared cell by
 * cell: rows are matched by their label (ys_row_label) and, among rows with
 * the same label, by their order; every cell whose value differs is named.
 *
 * Amounts are 分; a change in per cent is computed in integers (tenths of
 * a per cent, rounded half away from zero).  The figures come from the
 * 13-table model (tables 01..13); a document of another layout (the general
 * reader's tables) is compared cell by cell only.
 */
#ifndef YUSUAN_DIFF_H
#define YUSUAN_DIFF_H

#include <stdint.h>

#include "yusuan/base.h"
#include "yusuan/catalog.h"
#include "yusuan/doc.h"

typedef enum ys_diff_sec {
	YS_DIFF_SUMMARY = 0, /* 主要数字: 收入总计, 支出总计, 基本支出, 项目支出, 人员经费 … (01 03 04 05 07 08 09 10 11) */
	YS_DIFF_FUNC,        /* 支出功能分类 类/款/项, all funds (03; 01's 类 rows when 03 is missing) */
	YS_DIFF_FUNC_GP,     /* 一般公共预算支出 by 功能分类 类/款/项 (05) */
	YS_DIFF_ECON,        /* 部门支出经济分类 类/款, all funds (03) */
	YS_DIFF_GOV,         /* 政府支出经济分类 类/款, all funds (03) */
	YS_DIFF_BASIC,       /* 一般公共预算基本支出 by 部门经济分类 类/款 (06) */
	YS_DIFF_FUND,        /* income by fund (02, else 01); 财政拨款 by fund (04) */
	YS_DIFF_SANGONG,     /* 三公 and each part, 购置 and 运行 (09) */
	YS_DIFF_PROJECT,     /* projects' 项目总额 (12): by code, else by name */
	YS_DIFF_PROCUREMENT, /* 政府采购 by category (10) */
	YS_DIFF_NSECS
} ys_diff_sec;

/* The section's id ("func") and its Chinese title ("支出功能分类（全部资金）"). */
const char *ys_diff_sec_id(int sec);
const char *ys_diff_sec_title(int sec);

typedef enum ys_diff_status {
	YS_DIFF_SAME = 0,
	YS_DIFF_CHANGED,
	YS_DIFF_ADDED,   /* in NEW only */
	YS_DIFF_REMOVED, /* in OLD only */
} ys_diff_status;

const char *ys_diff_status_id(int status); /* "same", "changed", "added", "removed" */

/* One figure of both disclosures. */
typedef struct ys_diff_line {
	int sec;            /* ys_diff_sec */
	int level;          /* codes: 1 类, 2 款, 3 项 (or a 7-digit 部门经济 code); else 0 */
	const char *key;    /* its code, fixed id (in.grand) or project code; "名称:" + name when it has no code */
	const char *name;   /* as printed (NEW's, else OLD's), else the catalog's; "" unknown */
	int status;         /* ys_diff_status */
	int64_t old_fen, new_fen; /* 0 when absent */
	int64_t change;     /* new_fen - old_fen */
	int has_pct;        /* old_fen != 0: pct is meaningful */
	int64_t pct;        /* change / |old_fen| in tenths of a per cent, rounded half away from zero */
} ys_diff_line;

/* One cell that differs between two versions of a disclosure. */
typedef struct ys_diff_cell {
	int table;          /* ys_tid, or YS_NTABLES + i for NEW's others[i] (OLD's when NEW lacks it) */
	const char *tcode;  /* "03", or an other layout's table title */
	int panel;          /* side-by-side block of 01/04: 0 收入, 1 支出 */
	const char *row;    /* the row's label in its panel (ys_row_label) */
	int occurrence;     /* 0: the first row with that label, 1 the second … */
	const char *col_id; /* "total" */
	const char *col;    /* the column's label: 合计 */
	int column;         /* its index in NEW's table description (OLD's when NEW lacks it) */
	int amount;         /* an amount column */
	const char *old_text, *new_text; /* as printed; "" when blank or the row is absent */
	int old_present, new_present;    /* amount printed */
	int64_t old_fen, new_fen;
	int old_row, new_row;            /* row index, -1 absent */
	int old_line, new_line;          /* line printed (PDF: of its text layer), 0 absent */
	int old_page, new_page;          /* page, 0 not paged */
} ys_diff_cell;

typedef struct ys_diff {
	ys_arena arena;
	const char *old_file, *new_file;
	const char *old_dept, *new_dept;
	int old_year, new_year;
	int versions;       /* same year and department: two versions, compared cell by cell */
	int compared_cells; /* cells were compared (versions, or asked for) */
	int tables[2];      /* tables read in OLD and NEW */
	ys_diff_line *lines; /* by section, then key */
	size_t nlines, lcap;
	ys_diff_cell *cells; /* by table, then row */
	size_t ncells, ccap;
	int64_t cells_compared; /* non-blank cells looked at */
} ys_diff;

typedef struct ys_diff_opts {
	const ys_catalog *catalog; /* names of 类 and 款 the tables do not print; NULL: none */
	int cells;                 /* 1: compare cell by cell even when not versions of one disclosure */
} ys_diff_opts;

/* Compare old with new; *out is freed with ys_diff_free.  opts may be NULL. */
ys_result ys_diff_docs(ys_ctx *ctx, const ys_doc *old, const ys_doc *new_, const ys_diff_opts *opts, ys_diff **out);
void ys_diff_free(ys_diff *d);

/* change / |old| in tenths of a per cent, rounded half away from zero, into
 * *out; -1 when old is 0 (no per cent of nothing). */
int ys_diff_pct(int64_t old, int64_t change, int64_t *out);
/* A per cent in tenths as "+12.3%" / "-0.5%" / "0.0%" into buf (>= 32 bytes). */
const char *ys_diff_pct_text(int64_t tenths, char *buf);

/* Lines of a section with a status other than SAME. */
size_t ys_diff_changed(const ys_diff *d, int sec);

typedef enum ys_diff_format {
	YS_DIFF_TEXT = 0, /* for people, Chinese: the changed figures by section, then the cells */
	YS_DIFF_JSON = 1, /* {"old", "new", "versions", "sections": [{"id", "title", "lines"}], "cells"} */
} ys_diff_format;

/* Render d in fmt into out. */
ys_result ys_diff_render(ys_ctx *ctx, const ys_diff *d, ys_diff_format fmt, ys_buf *out);
/* One self-contained HTML page (inline style, SVG charts, nothing from
 * another host) into out. */
ys_result ys_diff_render_html(ys_ctx *ctx, const ys_diff *d, ys_buf *out);
/* A workbook at path: 概要, a sheet per section, 单元格. */
ys_result ys_diff_render_xlsx(ys_ctx *ctx, const ys_diff *d, const char *path);

#endif
