/*
 * write.h - the 情况说明 written from the budget: the whole disclosure, text
 * and tables, consistent by construction.
 *
 * Four steps, each a module of src/write/:
 *   figures.c  a year's figures as the 13 tables print them (this year's
 *              compiled tables, or last year's disclosure or detail), with
 *              what only the detail knows (机关运行经费, assets);
 *   changes.c  the changes between two years' figures by subject (收入,
 *              支出, 三公 and each part, 机关运行经费, 政府采购, 一般公共预算
 *              by 类/款/项, codes matched through both years' catalogs),
 *              which need a reason (thresholds as data), and the reasons;
 *   tpl.c      a small template language (docs/report.md): text with named
 *              slots, conditionals and lists, no general scripting;
 *   story.c    the sections of a template folder (data/templates/beijing),
 *              a department's own wording put in, evaluated into blocks:
 *              headings, numbered paragraphs, paragraphs;
 * and the writers (txt.c, html.c, docx.c here; the PDF in render/pdf.c).
 *
 * Design: every figure the text prints comes from the cells of the tables
 * it is published with, formatted from 分 by one named rule (2 decimals of
 * 万元, half up: the rounding the tables' own 2-decimal figures use), so the
 * text and the tables cannot disagree; no float ever holds an amount.
 */
#ifndef YUSUAN_WRITE_H
#define YUSUAN_WRITE_H

#include <stdint.h>

#include "yusuan/base.h"
#include "yusuan/budget.h"
#include "yusuan/catalog.h"
#include "yusuan/doc.h"

/* ---- a year's figures ------------------------------------------------------ */

/* The figures the 情况说明 quotes, each from one place of the tables. */
typedef enum ys_figid {
	YS_FIG_INCOME = 0,   /* 01 收入总计 */
	YS_FIG_INCOME_CUR,   /* 01 本年收入合计 */
	YS_FIG_FISCAL_IN,    /* 01 一般公共预算 + 政府性基金 + 国有资本经营 拨款收入 */
	YS_FIG_GP_IN,        /* 01 一般公共预算拨款收入 */
	YS_FIG_GF_IN,
	YS_FIG_SOC_IN,
	YS_FIG_OTHER_IN,     /* 01 the six other sources */
	YS_FIG_SPECIAL_IN,
	YS_FIG_SHIYE_IN,
	YS_FIG_UPPER_IN,
	YS_FIG_AFFIL_IN,
	YS_FIG_OPER_IN,
	YS_FIG_OTHERINC_IN,
	YS_FIG_CARRY,        /* 01 上年结转结余 */
	YS_FIG_EXPEND,       /* 01 支出总计 */
	YS_FIG_EXPEND_CUR,   /* 01 本年支出合计 */
	YS_FIG_BASIC,        /* 03 合计行 基本支出 */
	YS_FIG_PROJECT,      /* 03 合计行 项目支出 */
	YS_FIG_OPER_OUT,     /* 03 合计行 事业单位经营支出 */
	YS_FIG_UPPER_OUT,
	YS_FIG_SUBSID_OUT,
	YS_FIG_YEAREND,      /* 01 年终结转结余 */
	YS_FIG_FISCAL_OUT,   /* 04 本年支出合计 */
	YS_FIG_GP_OUT,       /* 05 合计 */
	YS_FIG_GF_OUT,       /* 07 合计 */
	YS_FIG_SOC_OUT,      /* 08 合计 */
	YS_FIG_PERSONNEL,    /* 05 合计 人员经费 (一般公共预算) */
	YS_FIG_PUBLIC,       /* 05 合计 公用经费 */
	YS_FIG_SANGONG,      /* 09 */
	YS_FIG_ABROAD,
	YS_FIG_RECEPTION,
	YS_FIG_CAR,
	YS_FIG_CAR_BUY,
	YS_FIG_CAR_RUN,
	YS_FIG_ADMIN,        /* 机关运行经费: the detail's (stated, or derived), or the text's */
	YS_FIG_PROC,         /* 10 合计 */
	YS_FIG_PROC_GOODS,
	YS_FIG_PROC_WORKS,
	YS_FIG_PROC_SERV,
	YS_FIG_SERVICES,     /* 11 合计 */
	YS_FIG_PERF,         /* 12: the disclosed projects' 项目总额 */
	YS_FIG_COUNT
} ys_figid;

/* One 类, 款 or 项 of 一般公共预算 spending (table 05, summed over units). */
typedef struct ys_figclass {
	char code[8];
	const char *name;   /* as the tables print it (项), else the catalog's */
	int level;          /* 1 类, 2 款, 3 项 */
	int64_t amount, basic, project;
} ys_figclass;

typedef struct ys_figures {
	ys_arena arena;
	const char *department;
	int year;
	int64_t v[YS_FIG_COUNT];    /* 分 */
	unsigned char has[YS_FIG_COUNT]; /* the tables (or the detail) hold it */
	ys_figclass *cls;           /* by code: 类, its 款, their 项 */
	int ncls;
	int nprojects;              /* projects disclosed in 12 */
	int nunits;                 /* budget units (the detail's, else 05's blocks) */
	const char **units;         /* their names (the detail's; NULL from a disclosure) */
	int njiguan;                /* of which 机关 (the detail's; -1 unknown) */
	int vehicles, equip, equip_new; /* the detail's; -1 unknown */
} ys_figures;

/* The figures of doc (13 tables, compiled or read).  b: the detail behind
 * them (NULL for a disclosure): 机关运行经费 (stated, else 机关 units'
 * 财政拨款 基本支出 公用经费), units, assets.  cat names 类 and 款 (may be
 * NULL).  *out is freed with ys_figures_free. */
ys_result ys_figures_make(ys_ctx *ctx, const ys_doc *doc, const ys_budget *b, const ys_catalog *cat,
                          ys_figures **out);
void ys_figures_free(ys_figures *f);

/* 机关运行经费 of a budget: b->admin when stated, else the 财政拨款 (本年
 * and 结转) 基本支出 公用经费 of its 机关 units. */
int64_t ys_budget_admin(const ys_budget *b);

/* ---- the changes ----------------------------------------------------------- */

/* A subject the 情况说明 may compare with last year: one figure, or the
 * classes of one level.  The table of subjects is data (changes.c): its
 * thresholds decide which changes need a reason. */
typedef struct ys_subject {
	const char *id;      /* the template's name: "sangong.abroad"; "class", "kuan", "xiang" */
	const char *zh;      /* 因公出国（境）费用 */
	const char *aliases; /* '|'-separated other names a reasons sheet may use */
	int fig;             /* ys_figid, or -1 for the classes */
	int level;           /* classes: 1 类, 2 款, 3 项; else 0 */
	int threshold;       /* a change of this many 0.01 % of last year or more needs a
	                        reason; 0: any change; -1: never */
	int zero;            /* a change from or to zero needs a reason */
} ys_subject;

/* Subject i (0, 1 ...), or NULL past the last. */
const ys_subject *ys_subject_get(int i);

typedef enum ys_matchhow {
	YS_MATCH_SAME = 0,   /* the same code (and name) both years */
	YS_MATCH_RENAMED,    /* the same code, this year's catalog names it otherwise */
	YS_MATCH_MOVED,      /* last year's code is this year's `code` (the name, in both catalogs) */
	YS_MATCH_NEW,        /* nothing last year */
	YS_MATCH_GONE,       /* nothing this year */
} ys_matchhow;

typedef struct ys_change {
	const ys_subject *subj;
	char code[8];        /* a class: this year's code (last year's when gone) */
	char prev_code[8];   /* a class: last year's code(s) it was matched with, "" */
	const char *name;    /* as the text writes it: 收入预算, 一般公共服务支出 */
	const char *prev_name; /* a class: last year's name */
	ys_matchhow how;
	int64_t cur, prev, diff; /* 分; diff = cur - prev */
	int64_t rate;        /* |diff| / prev in 0.01 %, half up; -1 when prev is 0 */
	int dir;             /* +1 增加, -1 减少, 0 持平 */
	int needs_reason;    /* over the subject's threshold */
	const ys_reason *reason; /* the budget's for this subject, or NULL */
	const char *last;    /* last year's reason for the same subject (its detail's), or NULL */
} ys_change;

typedef struct ys_changes {
	ys_arena arena;
	int year, prev_year;
	ys_change *v;
	int n;
	const ys_reason **unmatched; /* reasons of the budget for no subject compared */
	int nunmatched;
} ys_changes;

/* The changes from prev to cur: every subject both years hold, every class
 * of either year (a code of last year matched to this year's through the
 * two catalogs, either may be NULL: by code only).  b: this year's detail,
 * whose reasons are matched to the subjects (NULL: none); pb: last year's
 * detail, whose reasons are offered as `last` (NULL: none).  *out is freed
 * with ys_changes_free. */
ys_result ys_changes_make(ys_ctx *ctx, const ys_figures *cur, const ys_figures *prev, const ys_catalog *cat,
                          const ys_catalog *prevcat, const ys_budget *b, const ys_budget *pb, ys_changes **out);
void ys_changes_free(ys_changes *c);

/* The change of a subject ("sangong", "income") or a class ("201", "20101"), or NULL. */
const ys_change *ys_changes_find(const ys_changes *c, const char *id);

/* Does a reasons sheet's subject (as written: “三公”经费, 201, 201 一般公共服务支出)
 * name this change? */
int ys_change_named(const ys_change *c, const char *written);

/* The change for the reasons sheet's 变化 column, into out:
 * "2025 年 19.35 万元，2026 年 17.70 万元，减少 1.65 万元（8.53%）". */
void ys_change_describe(const ys_change *c, int year, int prev_year, ys_buf *out);

/* Put the lines a reasons sheet must have into b (init --previous): every
 * change that needs a reason gets a line (subject as people write it, the
 * change described, last year's reason offered), where b has none yet; a
 * line b has gets the change described.  Strings go to b's arena. */
ys_result ys_reasons_fill(ys_ctx *ctx, ys_budget *b, const ys_changes *c);

/* What a change's subject is called on a reasons sheet: "“三公”经费",
 * "201 一般公共服务支出". */
const char *ys_change_subject(const ys_change *c, char *buf, size_t cap);

/* Format an amount for the text: 万元 to 2 decimals, half up (ys_money_round,
 * YS_ROUND_HALF_UP), without separators, 0 as "0".  buf >= YS_MONEY_FMT_MAX. */
const char *ys_write_money(int64_t fen, char *buf);
/* A percentage p in 0.01 % as "8.53". buf >= 32. */
const char *ys_write_percent(int64_t p, char *buf);
/* round_half_up(num / den) in 0.01 %, num >= 0, den > 0; -1 on overflow. */
int64_t ys_write_share(int64_t num, int64_t den);

/* ---- last year's figures, from whatever it is ------------------------------ */

/* Last year's budget as given to --previous: a detail (a CSV folder or a
 * detail workbook) or a disclosure (text, XLSX, PDF, JSON).  Compiled with
 * the catalog of its year (catroot: a root of year folders or one year's;
 * NULL: the shipped data/catalog).  *figs, *cat (its year's catalog) and
 * *pb (the detail, NULL for a disclosure) are the caller's to free. */
ys_result ys_previous_read(ys_ctx *ctx, const char *path, const char *catroot, ys_figures **figs, ys_catalog **cat,
                           ys_budget **pb);

/* The same of a disclosure at hand (a stored one: build --previous-doc);
 * what names it in messages.  doc stays the caller's. */
ys_result ys_previous_of_doc(ys_ctx *ctx, const ys_doc *doc, const char *what, const char *catroot,
                             ys_figures **figs, ys_catalog **cat);

/* ---- the template language (docs/report.md) -------------------------------- */

typedef struct ys_tpl ys_tpl;

/* Parse a section's template text; name says where in messages ("income.txt").
 * A syntax error says name:line:column and what was expected. */
ys_result ys_tpl_parse(ys_ctx *ctx, const char *name, const char *text, ys_tpl **out);
void ys_tpl_free(ys_tpl *t);

/* The values a template reads: names to money, percentages, counts, texts
 * and lists of records (ys_story builds them from the figures and the
 * changes). */
typedef struct ys_vals ys_vals;

ys_vals *ys_vals_new(void);
void ys_vals_free(ys_vals *v);
/* Set a value (a copy of name and text is kept); the last set wins. */
void ys_vals_money(ys_vals *v, const char *name, int64_t fen);
void ys_vals_percent(ys_vals *v, const char *name, int64_t p); /* 0.01 % */
void ys_vals_int(ys_vals *v, const char *name, int64_t n);
void ys_vals_text(ys_vals *v, const char *name, const char *s);
/* A list: ys_vals_list_add appends a record (a ys_vals the list owns) and
 * returns it to be filled; NULL when out of memory. */
ys_vals *ys_vals_list_add(ys_vals *v, const char *name);
/* The names v holds, as Markdown rows "| `name` | kind | value |" (a
 * list: its records' names once, as `list[].name`). */
void ys_vals_doc(const ys_vals *v, ys_buf *out);
/* Is v short of memory (a set failed)? */
int ys_vals_oom(const ys_vals *v);

/* Evaluate t with vals into out (text with its line structure kept; the
 * story splits it into blocks).  A name no value has is an error that says
 * the template's name, line and column. */
ys_result ys_tpl_eval(ys_ctx *ctx, const ys_tpl *t, const ys_vals *vals, ys_buf *out);

/* ---- the story: the 情况说明 as blocks -------------------------------------- */

typedef enum ys_bkind {
	YS_B_PART = 0, /* 第一部分 …: a part of the document */
	YS_B_HEADING,  /* a numbered heading: 一、 （一） 1. */
	YS_B_ITEM,     /* a numbered paragraph: （一）基本支出。基本支出预算 … */
	YS_B_PARA,     /* a paragraph */
} ys_bkind;

typedef struct ys_block {
	ys_bkind kind;
	int level;          /* HEADING, ITEM: 1 一、 2 （一） 3 1. */
	const char *marker; /* "一、" "（一）" "1."; "" */
	const char *text;   /* without the marker */
	const char *section;/* the section it came from */
} ys_block;

typedef struct ys_story {
	ys_arena arena;
	const char *department;
	int year;
	const char *title;  /* 北京市…2026年度部门预算信息公开 */
	ys_block *b;
	int n;
	int tables_part;    /* index of the part the 13 tables follow (第二部分), -1 */
} ys_story;

typedef struct ys_story_opts {
	const char *tpldir;          /* a template folder; NULL: data/templates/beijing */
	const ys_budget *budget;     /* this year's detail (texts, reasons, units), or NULL */
	const ys_changes *changes;   /* the changes from last year, or NULL */
	const ys_catalog *cat;
} ys_story_opts;

/* The folder templates live in ($YUSUAN_DATA/templates, else the build
 * tree's data/templates) into buf; NULL when it does not fit. */
const char *ys_templates_default_root(char *buf, size_t cap);

/* Write the 情况说明 of doc (its compiled tables) by the template folder's
 * sections, in their file order; a section the budget's texts sheet names
 * is replaced by the department's wording (an empty text leaves it out).
 * *out is freed with ys_story_free. */
ys_result ys_story_make(ys_ctx *ctx, const ys_doc *doc, const ys_story_opts *o, ys_story **out);
void ys_story_free(ys_story *s);

/* The names a section of the default template reads, for docs and for a
 * department writing its own wording: written into out as Markdown rows. */
ys_result ys_story_names_doc(ys_ctx *ctx, const ys_doc *doc, const ys_story_opts *o, ys_buf *out);

/* ---- the writers ----------------------------------------------------------- */

/* report.txt: the story as plain text (a line per paragraph, markers in
 * front), then the 13 tables in the published text layout. */
ys_result ys_story_write_text(ys_ctx *ctx, const ys_story *s, const ys_doc *doc, ys_buf *out);
/* report.html: one page, the story with real headings, then the tables. */
ys_result ys_story_write_html(ys_ctx *ctx, const ys_story *s, const ys_doc *doc, ys_buf *out);
/* report.docx: Word's own heading styles (标题 1-3) and real tables
 * (libzip + an XML writer); editable in Word and WPS. */
ys_result ys_story_write_docx(ys_ctx *ctx, const ys_story *s, const ys_doc *doc, const char *path);
/* report.pdf (render/pdf.c): a cover, the 目录 with page numbers, the
 * story, then the 13 tables. */
ys_result ys_story_write_pdf(ys_ctx *ctx, const ys_story *s, const ys_doc *doc, const char *path);

#endif
