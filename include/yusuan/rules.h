/*
 * rules.h - `check`: every rule a reviewer applies to a disclosure, and the
 * findings it reports.
 *
 * Rules are rows of one table (id, severity, scope, title, explanation, the
 * function): docs/rules.md is generated from it (git's commands[], GnuCash
 * Scrub).  Arithmetic rules state linear identities over cells - "合计 =
 * 基本支出 + 项目支出", "01's 类 row = the sum of 03's rows of that 类" - and
 * the engine evaluates them exactly, in 分.  When one cell explains every
 * failed identity it takes part in, the findings point at that cell, so a
 * changed amount is reported where it was changed.
 */
#ifndef YUSUAN_RULES_H
#define YUSUAN_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "yusuan/base.h"
#include "yusuan/catalog.h"
#include "yusuan/doc.h"

typedef enum ys_severity {
	YS_SEV_NOTICE = 0,
	YS_SEV_WARNING = 1,
	YS_SEV_ERROR = 2,
} ys_severity;

const char *ys_severity_name(ys_severity s); /* "notice", "warning", "error" (ids, JSON) */
const char *ys_severity_label(ys_severity s); /* "提示", "警告", "错误" (for people) */

typedef struct ys_finding {
	const char *rule;     /* rule id */
	ys_severity sev;
	int table;            /* ys_tid; YS_NTABLES + i for the general reader's others[i]
	                         (ys_doc_table_at); -1 for the document */
	int page;             /* page of a document read from a PDF, else 0 */
	int row;              /* row index in the table, or -1 */
	int col;              /* column index, or -1 */
	const char *row_label;/* "2010350/50501/30101", "" */
	const char *col_label;/* "合计", "" */
	int line, column;     /* where in the file; 0 when unknown */
	const char *message;  /* Chinese, one line */
	int has_amounts;      /* expected/found/difference are meaningful */
	int64_t expected, found, difference; /* 分; difference = found - expected */
	ys_unit unit;         /* how the table prints amounts */
	int dp;
	int order;            /* position of its table in the document (sorting) */
	const char *file;     /* the file of line, when not the report's (detail rules) */
} ys_finding;

/* What check read of one table: the figures behind "coverage", counted
 * from the document itself, so every reader's tables are measured alike. */
typedef struct ys_tablecov {
	int table;            /* as ys_finding.table: a ys_tid, or YS_NTABLES + i */
	int rows;             /* rows read */
	int amounts;          /* amount cells read: a number was printed and parsed */
	int unreadable;       /* amount cells with text that is not an amount (not
	                         blank, not a dash): printed, but not read */
	int identities;       /* identities that read at least one of its cells */
} ys_tablecov;

typedef struct ys_coverage {
	ys_tablecov *tables;  /* every table read, in document order (rep's arena) */
	int ntables;
	int unrecognised;     /* titles that looked like a table's but were not read */
	int missing;          /* tables of a known numbered set not found (comp.coverage) */
	int64_t amounts, unreadable; /* sums over the tables */
	int permille;         /* amounts * 1000 / (amounts + unreadable), rounded
	                         down (100.0 % only when every amount was read);
	                         -1 when no amount cell was found */
} ys_coverage;

typedef struct ys_report {
	ys_arena arena;       /* messages and labels */
	const char *file;
	ys_finding *findings;
	size_t nfindings, cap;
	int count[3];         /* by severity */
	int identities;       /* identities checked: those that read at least one cell */
	int tables[YS_NTABLES]; /* 1 when recognised */
	ys_coverage cov;      /* what was read (filled by ys_check; zero for ys_check_budget) */
} ys_report;

/* Coverage in per mille of read / (read + unreadable), in integers, rounded
 * down; -1 when both are 0 (no amount cell: nothing to cover).
 * ys_coverage_percent writes it as "99.5" ("-" for -1) into buf (>= 16
 * bytes) and returns buf. */
int ys_coverage_permille(int64_t read, int64_t unreadable);
const char *ys_coverage_percent(int permille, char *buf);

typedef struct ys_check_opts {
	const ys_catalog *catalog; /* NULL: classification rules are skipped */
	const char *only_rule;     /* run one rule, or NULL */
	const ys_doc *previous;    /* last year's disclosure for the yoy.* rules, or NULL */
} ys_check_opts;

/* Check doc; *out is freed with ys_report_free.  Findings are sorted by
 * table, line and rule.  A previous of another department is refused
 * (YS_EREFUSED) before any rule runs. */
ys_result ys_check(ys_ctx *ctx, const ys_doc *doc, const ys_check_opts *opts, ys_report **out);
void ys_report_free(ys_report *rep);

typedef struct ys_checker ys_checker;
typedef struct ys_rule ys_rule;
struct ys_rule {
	const char *id;       /* stable: "sum.row", "x03_01.class" */
	ys_severity sev;
	const char *scope;    /* tables it reads: "01 02", "all" (the 13-table set), "any"
	                         (another layout), "every" (either, after the others) */
	const char *family;   /* identity, classification, completeness, presentation, performance */
	const char *title;    /* one line, Chinese */
	const char *explain;  /* what it checks and why, in Chinese */
	void (*fn)(ys_checker *ck, const ys_rule *rule);
	int arg;              /* a parameter some functions take (a table id) */
};

/* The rule table. */
const ys_rule *ys_rules(size_t *n);
const ys_rule *ys_rule_find(const char *id);

/* The standard 绩效指标 levels the rules check against (perf.levels): the
 * 一级指标 l1 (0..3) when l2 < 0, else its 二级指标 l2; NULL past the last. */
const char *ys_perf_level(int l1, int l2);
/* The k-th 指标性质 a form offers (=, ≥, ≤, 定性); NULL past the last. */
const char *ys_perf_op(int k);

#endif
