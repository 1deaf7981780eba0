/*
 * tables.h - the 13 tables of a 部门预算公开, described once, as data.
 *
 * Every reader, renderer and rule walks these descriptions: a table is
 * recognised by its title aliases, its header rows by their words, a data
 * row is aligned to the table's columns by what each cell is (an amount, a
 * "code-name", a 一级指标 ...), fixed rows (the 9 income sources, the 26
 * 类) by their labels, and each column says which money it sums, so that
 * every cell is a function of the detailed budget.  Adding a layout or a
 * table is adding an entry here, not a parser.
 */
#ifndef YUSUAN_TABLES_H
#define YUSUAN_TABLES_H

#include <stdint.h>

#include "yusuan/budget.h"

typedef enum ys_tid {
	YS_T01 = 0, /* 收支总表 */
	YS_T02,     /* 收入总表 */
	YS_T03,     /* 支出总表 */
	YS_T04,     /* 财政拨款收支总表 */
	YS_T05,     /* 一般公共预算支出表 */
	YS_T06,     /* 一般公共预算基本支出表 */
	YS_T07,     /* 政府性基金预算支出表 */
	YS_T08,     /* 国有资本经营预算支出表 */
	YS_T09,     /* 财政拨款"三公"经费支出表 */
	YS_T10,     /* 政府采购预算明细表 */
	YS_T11,     /* 财政拨款政府购买服务明细表 */
	YS_T12,     /* 项目支出绩效目标表 */
	YS_T13,     /* 单位整体支出绩效目标表 */
	YS_NTABLES
} ys_tid;

/* What a cell holds; the reader aligns cells to columns by this. */
typedef enum ys_colkind {
	YS_CK_TEXT = 0,  /* free text: a goal, a note, a name */
	YS_CK_LABEL,     /* a row label: 一、一般公共预算拨款收入, 合计 */
	YS_CK_CODE,      /* a bare classification code: 2010350 */
	YS_CK_NAME,      /* a classification name: 事业运行 */
	YS_CK_CODENAME,  /* "code-name" in one cell: 2010350-事业运行 */
	YS_CK_PROJECT,   /* project code-name: 11000024T000002854566-管理中心机动经费 */
	YS_CK_AMOUNT,    /* money in the table's unit */
	YS_CK_IND1,      /* 一级指标: 产出指标 效益指标 满意度指标 成本指标 */
	YS_CK_IND2,      /* 二级指标: 数量指标 ... */
	YS_CK_INDTEXT,   /* 三级指标, or levels run together (table 13) */
	YS_CK_OP,        /* 绩效指标性质: = ≥ ≤ 定性 */
	YS_CK_VALUE,     /* 指标值: 100, 优 */
	YS_CK_MUNIT,     /* 度量单位: %, 名, 万元 */
	YS_CK_CATEGORY,  /* 采购类别: A-货物 */
} ys_colkind;

/* Which money a column or a fixed row sums (the compile direction): a
 * selection of the funds of budget.h (ys_fundsrc), not a fund itself. */
typedef enum ys_fund {
	YS_FUND_ALL = 0,     /* every source */
	YS_FUND_FISCAL,      /* 财政拨款: 一般公共预算 + 政府性基金 + 国有资本经营 */
	YS_FUND_GP,          /* 一般公共预算 */
	YS_FUND_GF,          /* 政府性基金预算 */
	YS_FUND_SOC,         /* 国有资本经营预算 */
	YS_FUND_NONFISCAL,   /* everything that is not 财政拨款 */
} ys_fund;

typedef enum ys_spend {
	YS_SPEND_ALL = 0,
	YS_SPEND_BASIC,      /* 基本支出 */
	YS_SPEND_PROJECT,    /* 项目支出 */
	YS_SPEND_PERSONNEL,  /* 基本支出 · 人员经费 (301, 303) */
	YS_SPEND_PUBLIC,     /* 基本支出 · 公用经费 (the rest) */
	YS_SPEND_NOCAP,      /* 项目支出 less 基本建设 */
	YS_SPEND_OPER,       /* 其中: 事业单位经营支出 */
	YS_SPEND_UPPER,      /* 其中: 上缴上级支出 */
	YS_SPEND_SUBSID,     /* 其中: 对附属单位补助支出 */
} ys_spend;

typedef struct ys_coldef {
	const char *id;      /* stable: "total", "basic" ... */
	const char *label;   /* printed header: 合计 */
	ys_colkind kind;
	unsigned char panel; /* side-by-side block (01/04: 0 收入, 1 支出) */
	unsigned char fund;  /* ys_fund the column sums */
	unsigned char spend; /* ys_spend the column sums */
} ys_coldef;

/* Roles of fixed rows. */
typedef enum ys_frole {
	YS_FR_ITEM = 0,   /* a source or a 类 */
	YS_FR_TOTAL,      /* 本年收入合计 / 本年支出合计 */
	YS_FR_CARRY,      /* 上年结转结余 */
	YS_FR_CARRY_ITEM, /* 04: 一、一般公共预算拨款 under 上年结转结余 */
	YS_FR_YEAREND,    /* 年终结转结余 */
	YS_FR_GRAND,      /* 收入总计 / 支出总计 */
} ys_frole;

/* Income sources are the funds of budget.h (table 02's columns, table 01's
 * income rows: ys_fundsrc YS_FS_GP .. YS_FS_OTHER, named by ys_fund_name);
 * carry-over sources its YS_CSRC_ columns. */

typedef struct ys_fixedrow {
	const char *id;      /* stable: "in.gp", "out.201", "in.total" */
	const char *label;   /* printed, without the ordinal: 一般公共预算拨款收入 */
	const char *aliases; /* '|'-separated other printings */
	unsigned char panel;
	unsigned char role;  /* ys_frole */
	const char *code;    /* 类 code of an expenditure row, else NULL */
	signed char source;  /* ys_fundsrc of an income row, YS_CSRC_ of a carry row, -1 */
	const char *ordinal; /* 一、二、... as printed in the seed layout, or NULL */
} ys_fixedrow;

/* A row shape: which column each printed cell of such a row holds.
 * lead selects the shape by the label of the row's first non-empty cell
 * (NULL: a data row without a lead label).  slots[i] is a column index or
 * -1 for a cell that holds nothing. */
#define YS_SHAPE_MAX 24
typedef struct ys_shape {
	const char *id;
	const char *lead;
	int nslots;
	signed char slots[YS_SHAPE_MAX];
} ys_shape;

/* A per-row identity: column lhs = sum of the rhs columns. */
typedef struct ys_rowsum {
	signed char lhs;
	signed char rhs[4]; /* -1 terminated */
	const char *what;   /* 合计 = 基本支出 + 项目支出 */
} ys_rowsum;

/* How the rows of a table are keyed (and grouped when compiled). */
typedef enum ys_rowkey {
	YS_RK_FIXED = 0,   /* fixed rows only (01, 04) */
	YS_RK_SINGLE,      /* one row (02, 09) */
	YS_RK_FUNC_ECON,   /* 功能 项 × 政府经济 × 部门经济 (03) */
	YS_RK_UNIT_FUNC,   /* unit block × 功能 项 (05) */
	YS_RK_ECON,        /* 政府经济 × 部门经济 (06) */
	YS_RK_FUNC,        /* 功能 项 (07, 08) */
	YS_RK_CATEGORY,    /* 采购类别 (10) */
	YS_RK_SERVICE,     /* 指导性目录 一级/二级/三级 (11) */
	YS_RK_PROJECT,     /* project, then its indicator rows (12) */
	YS_RK_FORM,        /* a form (13) */
	YS_RK_GENERAL,     /* a table the general reader made from a layout description */
} ys_rowkey;

enum {
	YS_TF_TOTAL_ROW = 1,  /* ends with a 合计 row */
	YS_TF_BLOCKS = 2,     /* rows come in unit blocks without labels (05) */
	YS_TF_INDICATORS = 4, /* indicator rows continue a project (12) */
	YS_TF_FORM = 8,       /* labelled form rows (13) */
};

typedef struct ys_tabledef {
	ys_tid id;
	const char *code;        /* "01" */
	const char *title;       /* 收支总表 */
	const char *aliases;     /* '|'-separated other titles */
	const char *headwords;   /* '|'-separated words header rows are made of */
	const char *const *layout; /* the seed layout's header rows, cells TAB-separated, NULL-terminated */
	int ncols;
	const ys_coldef *cols;
	int npanels;
	int nfixed;
	const ys_fixedrow *fixed;
	int nshapes;             /* 0: one shape, every column in order */
	const ys_shape *shapes;
	int nrowsums;
	const ys_rowsum *rowsums;
	ys_rowkey rowkey;
	unsigned flags;
	int dp;                  /* decimals printed in 万元 (6; 13: 2) */
	const char *derive;      /* how each cell follows from the detail */
} ys_tabledef;

const ys_tabledef *ys_table_def(ys_tid id);
/* Find a table by its two-digit code ("01".."13", "1".."13"), or NULL. */
const ys_tabledef *ys_table_def_by_code(const char *code);
/* Column index of id in def, or -1. */
int ys_table_col(const ys_tabledef *def, const char *id);
/* Fixed row index of id in def, or -1. */
int ys_table_fixed(const ys_tabledef *def, const char *id);

/* Column indices used by rules and renderers (they index def->cols; each
 * YS_Cnn_NCOLS is tied to its array by a _Static_assert in tabledefs.c). */
enum { YS_C01_IN_LABEL, YS_C01_IN_AMT, YS_C01_OUT_LABEL, YS_C01_OUT_AMT, YS_C01_NCOLS };
enum {
	YS_C02_TOTAL, YS_C02_CUR, YS_C02_SRC0, YS_C02_CARRY = YS_C02_SRC0 + YS_NSOURCES, YS_C02_CSRC0,
	YS_C02_NCOLS = YS_C02_CSRC0 + YS_NCSOURCES
};
enum {
	YS_C03_FUNC, YS_C03_GOV, YS_C03_DEPT, YS_C03_TOTAL, YS_C03_BASIC, YS_C03_PROJECT, YS_C03_OPER, YS_C03_UPPER,
	YS_C03_SUBSID, YS_C03_NCOLS
};
enum {
	YS_C05_CODE, YS_C05_NAME, YS_C05_TOTAL, YS_C05_BASIC, YS_C05_PERSONNEL, YS_C05_PUBLIC, YS_C05_PROJECT,
	YS_C05_NOCAP, YS_C05_NCOLS
};
enum { YS_C06_GOV, YS_C06_DEPT, YS_C06_TOTAL, YS_C06_PERSONNEL, YS_C06_PUBLIC, YS_C06_NCOLS };
enum { YS_C07_CODE, YS_C07_NAME, YS_C07_TOTAL, YS_C07_BASIC, YS_C07_PROJECT, YS_C07_NCOLS };
enum { YS_C09_TOTAL, YS_C09_ABROAD, YS_C09_RECEPTION, YS_C09_CAR, YS_C09_CAR_BUY, YS_C09_CAR_RUN, YS_C09_NCOLS };
enum { YS_C10_CATEGORY, YS_C10_AMOUNT, YS_C10_NCOLS };
enum { YS_C11_L1, YS_C11_L2, YS_C11_L3, YS_C11_AMOUNT, YS_C11_NCOLS };
enum {
	YS_C12_NAME, YS_C12_TOTAL, YS_C12_FISCAL, YS_C12_OTHER, YS_C12_GOAL, YS_C12_IND1, YS_C12_IND2, YS_C12_IND3,
	YS_C12_OP, YS_C12_VALUE, YS_C12_MUNIT, YS_C12_NCOLS
};
enum {
	YS_C13_UNIT, YS_C13_TOTAL, YS_C13_F_TOTAL, YS_C13_F_BASIC, YS_C13_F_PROJECT, YS_C13_O_TOTAL, YS_C13_O_BASIC,
	YS_C13_O_PROJECT, YS_C13_GOAL, YS_C13_NOTES, YS_C13_ACTIVITY, YS_C13_INDICATOR, YS_C13_OP, YS_C13_VALUE,
	YS_C13_MUNIT, YS_C13_NCOLS
};

/* The 26 类 of tables 01 and 04, in their fixed order. */
#define YS_NCLASSES 26

#endif
