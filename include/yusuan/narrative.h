/*
 * narrative.h - the 情况说明 as read: the document's text outside its
 * tables, in blocks (paragraphs, numbered items, headings), sentences and
 * the figures they quote, each with the page and line it starts on.
 *
 * A PDF's text layer breaks lines in mid-sentence and pages in
 * mid-paragraph; the reader joins them again (a line that runs to the
 * page's width goes on, a short one ends its paragraph, a numbered item
 * starts one) and drops page numbers ("- 3 -", 第3页) and running heads.
 * Each figure is kept as printed, with its unit (元, 万元, 亿元, %), the
 * year and the subject it is said of (收入预算, 基本支出, 三公 and each
 * part, 政府采购 and 货物/工程/服务, a 类/款/项 ...) and its role in the
 * sentence (the value itself, the figure it is compared with, the change,
 * the rate of change, a share).  Amounts are int64_t 分, percentages an
 * integer with their printed decimals: no float ever holds either.
 *
 * The rules of the `narrative` family (rules_narrative.c) read a
 * document's narrative through this module; so can the HTML site and the
 * server, which show the text with the findings on it.
 */
#ifndef YUSUAN_NARRATIVE_H
#define YUSUAN_NARRATIVE_H

#include <stddef.h>
#include <stdint.h>

#include "yusuan/base.h"
#include "yusuan/doc.h"

/* Limits: a narrative longer than this is not a 情况说明. */
#define YS_NARR_LINES_MAX 200000
#define YS_NARR_BLOCK_MAX ((size_t)1 << 16) /* bytes of one paragraph */
/* A money figure above this (10 万亿元, in 分) is kept as printed but not
 * exact: no rule reckons with it. */
#define YS_NARR_FEN_MAX ((int64_t)1000000000000000)

typedef enum ys_nunit {
	YS_NU_NONE = 0,
	YS_NU_YUAN,     /* 元 */
	YS_NU_WANYUAN,  /* 万元 */
	YS_NU_YIYUAN,   /* 亿元 */
	YS_NU_PERCENT,  /* % ％ */
	YS_NU_POINT,    /* 个百分点 */
	YS_NU_COUNT,    /* 台, 辆, 个, 家, 人 ... (see ys_nfig.count_word) */
} ys_nunit;

/* What a figure is said of.  Stable: appended to, never renumbered. */
typedef enum ys_nsubj {
	YS_NS_NONE = 0,
	YS_NS_INCOME,       /* 收入预算, 收入总计 (01 收入总计) */
	YS_NS_EXPEND,       /* 支出预算, 支出总计 (01 支出总计) */
	YS_NS_INCOME_CUR,   /* 本年收入 (01 本年收入合计) */
	YS_NS_EXPEND_CUR,   /* 本年支出 (01 本年支出合计) */
	YS_NS_FISCAL_IN,    /* 财政拨款收入 */
	YS_NS_GP_IN,        /* 一般公共预算拨款收入 */
	YS_NS_GF_IN,        /* 政府性基金预算拨款收入 */
	YS_NS_SOC_IN,       /* 国有资本经营预算拨款收入 */
	YS_NS_OTHER_IN,     /* 其他资金收入 (the non-fiscal sources together) */
	YS_NS_SPECIAL_IN,   /* 财政专户管理资金收入 */
	YS_NS_SHIYE_IN,     /* 事业收入 */
	YS_NS_UPPER_IN,     /* 上级补助收入 */
	YS_NS_AFFIL_IN,     /* 附属单位上缴收入 */
	YS_NS_OPER_IN,      /* 事业单位经营收入 */
	YS_NS_OTHERINC_IN,  /* 其他收入 */
	YS_NS_CARRY,        /* 上年结转结余 */
	YS_NS_BASIC,        /* 基本支出 */
	YS_NS_PROJECT,      /* 项目支出 */
	YS_NS_OPER_OUT,     /* 事业单位经营支出 */
	YS_NS_UPPER_OUT,    /* 上缴上级支出 */
	YS_NS_SUBSID_OUT,   /* 对附属单位补助支出 */
	YS_NS_YEAREND,      /* 年终结转结余 */
	YS_NS_FISCAL_OUT,   /* 财政拨款支出 */
	YS_NS_GP_OUT,       /* 一般公共预算（拨款）支出 */
	YS_NS_GF_OUT,       /* 政府性基金（预算拨款）支出 */
	YS_NS_SOC_OUT,      /* 国有资本经营预算（拨款）支出 */
	YS_NS_PERSONNEL,    /* 人员经费 */
	YS_NS_PUBLIC,       /* 公用经费 */
	YS_NS_SANGONG,      /* “三公”经费 */
	YS_NS_ABROAD,       /* 因公出国（境）费 */
	YS_NS_RECEPTION,    /* 公务接待费 */
	YS_NS_CAR,          /* 公务用车购置及运行（维护）费 */
	YS_NS_CAR_BUY,      /* 公务用车购置费 */
	YS_NS_CAR_RUN,      /* 公务用车运行（维护）费 */
	YS_NS_ADMIN,        /* 机关运行经费 */
	YS_NS_PROC,         /* 政府采购 */
	YS_NS_PROC_GOODS,   /* 政府采购货物 */
	YS_NS_PROC_WORKS,   /* 政府采购工程 */
	YS_NS_PROC_SERV,    /* 政府采购服务 */
	YS_NS_PROC_SME,     /* 面向中小企业预留 */
	YS_NS_SERVICE_BUY,  /* 政府购买服务 */
	YS_NS_VEHICLES,     /* 车辆 (a count) */
	YS_NS_EQUIP,        /* 单位价值 100 万元以上设备 (a count) */
	YS_NS_PERF,         /* 绩效目标: the projects' money */
	YS_NS_CLASS,        /* a 类/款/项 by name or code: ys_nfig.subj_text */
	YS_NS_TRANSFER,     /* 转移支付 (not in the 13 tables) */
	YS_NS_COUNT_
} ys_nsubj;

/* The figure's part in its sentence. */
typedef enum ys_nrole {
	YS_NR_VALUE = 0,  /* the value of its subject: 基本支出预算 7485.22 万元 */
	YS_NR_BASE,       /* what it is compared with: 比 2025 年年初预算数 9819.98 万元 */
	YS_NR_CHANGE,     /* the change: 减少 193.20 万元 */
	YS_NR_RATE,       /* the rate of change: 下降 1.97% */
	YS_NR_SHARE,      /* a share: 占本年支出预算 77.75% */
} ys_nrole;

typedef struct ys_nfig {
	const char *text;     /* the number and its unit as printed: "9,626.78万元" */
	size_t off, len;      /* where, in its sentence's text (bytes) */
	int page, line;       /* where it was printed (the line it starts on) */
	int64_t mant;         /* the number as printed is mant / 10^dp */
	int dp;
	ys_nunit unit;
	int64_t fen;          /* money: the amount in 分 ... */
	int exact;            /* ... when it is exact (at most 2/6/10 decimals) */
	const char *count_word; /* YS_NU_COUNT: 台, 辆, 个 ... */
	ys_nsubj subj;
	const char *subj_text; /* the words it is said of ("一般公共预算拨款收入",
	                          a class "住房保障支出（类）…住房公积金（项）"); "" */
	int inherited;        /* the subject comes from its item's heading */
	int near;             /* its subject's words stand right before it (at
	                         most 4 characters between: 基本支出预算 7485.22) */
	const char *fund;     /* a fund named before the subject in its clause
	                         (一般公共预算, 财政拨款, 政府性基金 ...), "" */
	ys_nsubj of;          /* YS_NR_SHARE: what it is a share of (本年支出) */
	int year;             /* the year said of it, 0 when none */
	int prior;            /* said of another year than the budget's, or of
	                         an outturn (执行数, 上年, 决算数) */
	ys_nrole role;
	int dir;              /* CHANGE/RATE: +1 增加 增长, -1 减少 下降, 0 持平 */
	int sent;             /* its sentence */
	const char *qual;     /* whose it is: the words before its subject in its
	                         clause beyond a year, 本年, 本部门, a fund, 其中
	                         (编外 for 编外人员经费, a unit's name, the
	                         department's), a cost named after the subject
	                         (政府采购管理费用), or the name of the figure
	                         before it in its sentence when it is that
	                         thing's (对事业单位经常性补助（505）… 其中：人员
	                         经费); for a figure of no subject, the words
	                         that name it; "" when plain */
} ys_nfig;

/* What a block is. */
typedef enum ys_nkind {
	YS_NK_TEXT = 0,  /* a paragraph or a numbered item */
	YS_NK_HEADING,   /* a heading: short, no sentence end */
	YS_NK_TITLE,     /* the document's title (before the 目录) */
	YS_NK_TOC,       /* an entry of the 目录 */
	YS_NK_CAPTION,   /* 图1：收入预算 */
	YS_NK_CELL,      /* a table left among the prose: its rows, header and
	                    cells (no part of the 情况说明, no figures) */
} ys_nkind;

/* The sections a 情况说明 is expected to have (the disclosure catalogue). */
typedef enum ys_nsection {
	YS_NSEC_NONE = 0,
	YS_NSEC_DUTIES,    /* 部门职责 */
	YS_NSEC_ORG,       /* 机构设置 */
	YS_NSEC_INCOME,    /* 收入预算 */
	YS_NSEC_EXPEND,    /* 支出预算 */
	YS_NSEC_FISCAL,    /* 财政拨款收支 */
	YS_NSEC_GP,        /* 一般公共预算 */
	YS_NSEC_SANGONG,   /* “三公”经费 */
	YS_NSEC_ADMIN,     /* 机关运行经费 */
	YS_NSEC_PROC,      /* 政府采购 */
	YS_NSEC_ASSETS,    /* 国有资产占用 */
	YS_NSEC_PERF,      /* 绩效目标 */
	YS_NSEC_TERMS,     /* 名词解释 */
	YS_NSEC_TRANSFER,  /* 转移支付, 重点项目: figures not in the tables */
	YS_NSEC_COUNT_
} ys_nsection;

typedef struct ys_nblock {
	const char *text;     /* joined, white space between CJK removed */
	int page, line;       /* where it starts */
	int end_page, end_line;
	ys_nkind kind;
	const char *marker;   /* "一、" "（一）" "1." "（1）" "第一部分", or "" */
	int level;            /* 0 none, 1 一、, 2 （一）, 3 1., 4 （1）; 5 第X部分 */
	int number;           /* the marker's number (一 = 1), 0 */
	ys_nsection section;  /* the section it is under */
	int sent0, nsent;     /* its sentences */
	int part;             /* the unit it is under: 0 the department, k the
	                         k-th heading that names one of its units
	                         (二、深圳市劳动人事争议仲裁院) up to the next
	                         heading of that rank */
} ys_nblock;

/* Where a printed line of a sentence starts: byte offset in its text. */
typedef struct ys_nbreak {
	int off;
	int page, line;
} ys_nbreak;

typedef struct ys_nsent {
	const char *text;
	int page, line;       /* where it starts */
	const ys_nbreak *breaks; /* its printed lines (breaks[0].off == 0) */
	int nbreaks;
	int block;
	int fig0, nfig;       /* its figures */
	int ends;             /* 1 when it ends with 。！？ (0: the block ended) */
} ys_nsent;

/* What the document says it is. */
typedef enum ys_ndockind {
	YS_ND_UNKNOWN = 0,
	YS_ND_DEPT_BUDGET,   /* 部门预算 */
	YS_ND_UNIT_BUDGET,   /* 单位预算 */
	YS_ND_DEPT_FINAL,    /* 部门决算 */
	YS_ND_UNIT_FINAL,    /* 单位决算 */
} ys_ndockind;

typedef struct ys_narrative {
	ys_arena arena;
	const char *name;
	int year;             /* the year its title states (0 if none) */
	ys_ndockind kind;
	const char *title;    /* the title as joined, "" */
	int title_page, title_line;
	ys_nblock *blocks;
	int nblocks;
	ys_nsent *sents;
	int nsents;
	ys_nfig *figs;
	int nfigs;
	int toc_block;        /* the block "目录", -1 */
} ys_narrative;

/* One line of input: from doc->prose, a text file or a DOCX paragraph.
 * An empty text ends a paragraph. */
typedef struct ys_nline {
	const char *text;
	int line, page;
} ys_nline;

/* Read the narrative from lines.  year: the budget year when known from
 * elsewhere (the tables), else 0.  *out is freed with ys_narrative_free. */
ys_result ys_narrative_read_lines(ys_ctx *ctx, const char *name, const ys_nline *lines, int n, int year,
                                  ys_narrative **out);

/* From a document's prose (doc->prose: its lines outside the tables). */
ys_result ys_narrative_read_doc(ys_ctx *ctx, const ys_doc *doc, ys_narrative **out);

/* From text: pdftotext's output (a form feed between pages) or yusuan's
 * lines (show --format lines: "-- page N --" marks a page, tabs between
 * fragments). */
ys_result ys_narrative_read_text(ys_ctx *ctx, const char *name, const char *data, size_t len, int year,
                                 ys_narrative **out);

/* From a DOCX file (word/document.xml): a paragraph per line; paragraphs
 * in tables are left out; pages counted by the page breaks Word rendered. */
ys_result ys_narrative_read_docx(ys_ctx *ctx, const char *path, int year, ys_narrative **out);

/* Append a DOCX's paragraphs to doc->prose (an empty line after each), so
 * that a narrative published as a DOCX is checked with its tables. */
ys_result ys_doc_add_docx_prose(ys_ctx *ctx, ys_doc *doc, const char *path);

/* Append the lines of a narrative given as text (as ys_narrative_read_text
 * reads it) to doc->prose, with their page and their line in the text, so
 * that a narrative kept as text is checked with its tables. */
ys_result ys_doc_add_prose_text(ys_ctx *ctx, ys_doc *doc, const char *name, const char *data, size_t len);

void ys_narrative_free(ys_narrative *n);

/* Names for messages and JSON. */
const char *ys_nsubj_name(ys_nsubj s);        /* "基本支出" */
const char *ys_nunit_name(ys_nunit u);        /* "万元", "%" */
const char *ys_nsection_name(ys_nsection s);  /* "机关运行经费" */

/* The figure's value as printed, with its unit, into buf (>= 48 bytes):
 * "46714.52万元", "77.75%". */
const char *ys_nfig_format(const ys_nfig *f, char *buf, size_t cap);

#endif
