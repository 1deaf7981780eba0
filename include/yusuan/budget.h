/*
 * budget.h - a department's detailed budget: the model every published table
 * is a pure function of.
 *
 * A budget is one department and one year: its units (in the order table 05
 * prints their blocks), income by the 9 current sources and carry-over by
 * the 5 sources of table 02, line items (unit × 功能分类 项 × 部门经济 code ×
 * fund source × current/carry-over × basic/project), projects with their
 * performance targets, procurement, purchased services, the 三公 figures that
 * cannot be derived from economic codes, and unit-wide performance.
 *
 * Design: everything a table shows is derived (tables.h says, per column,
 * which money it sums): 人员/公用 from the economic code, 政府经济 from the
 * 部门经济 code and the unit's type, 类/款 from the 项 code, fiscal from the
 * fund source.  Nothing derivable is stored twice, so the 13 tables agree
 * by construction.  Every record remembers where it came from (file, line)
 * so that a rule on the detail can say where.
 */
#ifndef YUSUAN_BUDGET_H
#define YUSUAN_BUDGET_H

#include <stdint.h>

#include "yusuan/base.h"
#include "yusuan/catalog.h"

/* Where a record came from: a file and its line, or for a row of a
 * workbook the sheet (file "book.xlsx: 支出明细!") and its row;
 * ys_input_place (input.h) writes either as people read it. */
typedef struct ys_pos {
	const char *file;
	int line;
} ys_pos;

/* The fund an item's money comes from.  Current money uses the 9 sources of
 * table 02's 本年收入; carry-over money the 5 of its 上年结转结余 (where
 * 单位资金 stands for every non-fiscal carry-over except 财政专户). */
typedef enum ys_fundsrc {
	YS_FS_GP = 0,     /* 一般公共预算 */
	YS_FS_GF,         /* 政府性基金预算 */
	YS_FS_SOC,        /* 国有资本经营预算 */
	YS_FS_SPECIAL,    /* 财政专户管理资金 */
	YS_FS_SHIYE,      /* 事业收入 */
	YS_FS_OPER,       /* 事业单位经营收入 */
	YS_FS_UPPER,      /* 上级补助收入 */
	YS_FS_AFFIL,      /* 附属单位上缴收入 */
	YS_FS_OTHER,      /* 其他收入 */
	YS_FS_UNIT,       /* 单位资金 (carry-over only) */
	YS_NFUNDS
} ys_fundsrc;

/* 本年收入 has the first YS_NSOURCES funds (YS_FS_GP .. YS_FS_OTHER); 上年结转
 * 结余 YS_NCSOURCES: the first four funds and 单位资金 (table 02's columns,
 * ys_budget.carry). */
enum { YS_NSOURCES = YS_FS_UNIT, YS_NCSOURCES = 5 };
enum { YS_CSRC_GP = YS_FS_GP, YS_CSRC_GF = YS_FS_GF, YS_CSRC_SOC = YS_FS_SOC, YS_CSRC_SPECIAL = YS_FS_SPECIAL,
       YS_CSRC_UNIT };

/* 一般公共预算, 政府性基金, 国有资本经营: 财政拨款. */
static inline int ys_fund_fiscal(ys_fundsrc f) { return f <= YS_FS_SOC; }
/* "一般公共预算" ... "单位资金"; "?" for no fund. */
const char *ys_fund_name(ys_fundsrc f);
/* The fund of carry-over source c (YS_CSRC_UNIT: YS_FS_UNIT), or YS_NFUNDS. */
ys_fundsrc ys_csource_fund(int c);

typedef enum ys_spendkind {
	YS_BASIC = 0,   /* 基本支出 */
	YS_PROJECT = 1, /* 项目支出 */
} ys_spendkind;

/* Flags of an item: the 其中 columns of table 03.  (基本建设 money, which
 * 05's 扣除基建项目后预算数 leaves out, is told by its 309 economic code.) */
enum {
	YS_ITEM_OPER = 1,    /* 事业单位经营支出 */
	YS_ITEM_UPPER = 2,   /* 上缴上级支出 */
	YS_ITEM_SUBSID = 4,  /* 对附属单位补助支出 */
};

/* 资本性支出（基本建设）: 309 codes. */
static inline int ys_econ_capital(const char *econ) { return econ[0] == '3' && econ[1] == '0' && econ[2] == '9'; }

/* A printed name for a code (the department's own printing, or a local
 * code the catalog does not know). */
typedef struct ys_codename {
	int kind;            /* ys_catkind */
	char code[10];
	const char *name;
	ys_pos pos;
} ys_codename;

typedef struct ys_bunit {
	const char *name;
	ys_unittype type;    /* decides the 政府经济 款 of each 部门经济 code */
	ys_pos pos;
} ys_bunit;

typedef struct ys_item {
	int unit;            /* index into units */
	char func[8];        /* 功能分类 项, 7 digits */
	char econ[8];        /* 部门经济分类, 5 digits or a 7-digit local code */
	char gov[6];         /* 政府经济分类 款; "" = derive from econ and unit type */
	unsigned char fund;  /* ys_fundsrc */
	unsigned char carry; /* 1: 上年结转 money, 0: 本年 */
	unsigned char kind;  /* ys_spendkind */
	unsigned char flags; /* YS_ITEM_* */
	unsigned char cls;   /* as the input says: 0 not said, 1 人员经费, 2 公用经费 */
	int project;         /* index into projects, -1 for basic items */
	int64_t amount;      /* 分 */
	const char *named[3];/* the names written after func, econ, gov ("2010350-事业运行"), or NULL;
	                        checked against the catalog (detail.code_names) */
	ys_pos pos;
} ys_item;

/* A code as a number that sorts exactly like the code's string: the digits
 * padded with zeros to 9, times 16, plus the length ("30211" < "3021100" <
 * "3021101"); "" is 0.  Equal keys are equal codes. */
uint64_t ys_code_key(const char *code);

/* Personnel (人员经费: 301, 303) or public (公用经费) - basic items only. */
int ys_econ_personnel(const char *econ);

typedef struct ys_indicator {
	const char *l1, *l2, *l3; /* 一级 (产出/效益/满意度/成本指标), 二级, 三级 */
	const char *op;           /* =, ≥, ≤, 定性 */
	const char *value;        /* 100, 优 */
	const char *unit;         /* %, 名, 万元 */
	const char *activity;     /* unit-wide performance: 后勤管理 ... */
	ys_pos pos;
} ys_indicator;

typedef struct ys_project {
	const char *code;    /* 19-character code + serial, no space */
	const char *name;
	int unit;
	int disclosed;       /* printed in table 12 */
	const char *goal;    /* 绩效目标 */
	ys_indicator *ind;
	int nind;
	ys_pos pos;
} ys_project;

typedef struct ys_procurement {
	char category;       /* 'A' 货物, 'B' 工程, 'C' 服务 */
	const char *name;
	int64_t amount;
	ys_pos pos;
} ys_procurement;

typedef struct ys_service {
	const char *l1, *l2, *l3; /* 政府购买服务指导性目录 */
	int64_t amount;
	ys_pos pos;
} ys_service;

/* A line of the reasons sheet: why a figure changed from last year, which
 * the 情况说明 says after the change (write/changes.c matches the subject). */
typedef struct ys_reason {
	const char *subject; /* as written: 收入预算, “三公”经费, 201, 201 一般公共服务支出 */
	const char *text;    /* the reason; "" while it is still to be written */
	const char *last;    /* last year's reason, offered by `init --previous`; not printed */
	const char *change;  /* the change as `init --previous` describes it; not read back */
	ys_pos pos;
} ys_reason;

/* A named text of the texts sheet: the department's own wording of a
 * section of the 情况说明 (by the section's name), or a text the sections
 * quote (部门职责, 机构设置, a 三公 item's use ...). */
typedef struct ys_text {
	const char *name;
	const char *text;
	ys_pos pos;
} ys_text;

typedef struct ys_budget {
	ys_arena arena;
	const char *department;
	int year;
	ys_bunit *units;
	int nunits;
	int64_t income[YS_NSOURCES]; /* 本年收入 by ys_fundsrc YS_FS_GP..YS_FS_OTHER */
	int64_t carry[YS_NCSOURCES]; /* 上年结转结余 by YS_CSRC_: GP, GF, SOC, 财政专户, 单位资金 */
	ys_pos income_pos[9], carry_pos[5]; /* where each was stated (line 0: not stated) */
	ys_pos income_head, carry_head;     /* the header row of each sheet (line 0: not read) */
	ys_item *items;
	size_t nitems;
	ys_project *projects;
	int nprojects;
	ys_procurement *procurement;
	int nprocurement;
	ys_service *services;
	int nservices;
	/* 三公 where the economic codes do not say it (a 30217 item is 公务接待,
	 * but a vehicle bought on 31099 is not visible); -1 = derive */
	int64_t sangong_abroad, sangong_reception, sangong_car_buy, sangong_car_run;
	/* unit-wide performance (table 13) */
	const char *perf_unit, *perf_goal, *perf_notes;
	ys_indicator *perf;
	int nperf;
	ys_codename *names;
	int nnames;
	ys_pos dept_pos;
	/* the 情况说明 (write/): what the tables do not hold */
	int64_t admin;       /* 机关运行经费 as stated; -1 = derive (机关 units' 财政拨款 基本支出 公用经费) */
	int vehicles, equip, equip_new; /* 公务用车, 单位价值 100 万元以上设备 held, bought this year; -1 not stated */
	ys_reason *reasons;
	int nreasons;
	ys_pos reasons_head; /* the header row of the reasons sheet (line 0: not read) */
	ys_text *texts;
	int ntexts;
} ys_budget;

ys_budget *ys_budget_new(const char *department, int year);
void ys_budget_free(ys_budget *b);

/* The 政府经济 款 of an item: as given, else from the catalog's mapping of
 * its 部门经济 code for its unit's type.  Writes into gov (>= 6 bytes);
 * returns 0, or -1 when it cannot be derived. */
int ys_item_gov(const ys_budget *b, const ys_catalog *cat, const ys_item *it, char *gov);

/* The name to print for a code: the budget's own (codes sheet), else the
 * catalog's; NULL when neither knows it. */
const char *ys_budget_code_name(const ys_budget *b, const ys_catalog *cat, ys_catkind kind, const char *code);

#endif
