/*
 * cli.h - what the subcommands share: exit codes, the commands' descriptions
 * (each a table of options, opts.h), value helpers and output.  Only cli/
 * talks to people.
 */
#ifndef YS_CLI_H
#define YS_CLI_H

#include <stdio.h>

#include "yusuan/yusuan.h"
#include "opts.h"

/* Exit codes (docs/errors.md): */
enum {
	EXIT_OK = 0,       /* done; for check: no errors */
	EXIT_FINDINGS = 1, /* check found errors */
	EXIT_USAGE = 2,    /* bad command line: found by the CLI (cli_usage_error) */
	EXIT_INPUT = 3,    /* input refused, unreadable or malformed */
	EXIT_STORE = 4,    /* database or output could not be written */
};

/* The commands (cmd_<verb>.c), each described by its table (opts.h). */
extern const cli_command cli_cmd_build;
extern const cli_command cli_cmd_batch;
extern const cli_command cli_cmd_init;
extern const cli_command cli_cmd_check;
extern const cli_command cli_cmd_show;
extern const cli_command cli_cmd_import;
extern const cli_command cli_cmd_rules;
extern const cli_command cli_cmd_diff;
extern const cli_command cli_cmd_query;
extern const cli_command cli_cmd_rank;
extern const cli_command cli_cmd_score;
extern const cli_command cli_cmd_site;
extern const cli_command cli_cmd_serve;
extern const cli_command cli_cmd_user;
extern const cli_command cli_cmd_ledger;

/* Map a library result to an exit code. */
int cli_exit_for(ys_result r);
/* Print "yusuan: <msg>" for a failed result and return its exit code. */
int cli_fail(const ys_ctx *ctx);
/* Print every input error of dl (cli/diag.c) and a count, or ctx's error
 * when dl is empty; returns the exit code (EXIT_INPUT). */
int cli_print_diags(const ys_ctx *ctx, const ys_diags *dl, const char *what);
/* Write a buffer to stdout; returns 0 or EXIT_STORE. */
int cli_write_stdout(const ys_buf *b);
/* Load a stored disclosure (the newest, or the one with id docid). */
ys_result cli_load_from_db(ys_ctx *ctx, const char *db, const char *docid, ys_doc **out);
/* Open a database that exists (a missing one is not created): YS_ESTORE. */
ys_result cli_open_existing(ys_ctx *ctx, const char *db, ys_store **st);
/* Store a budget and its compiled tables (one transaction); load the newest. */
ys_result cli_store_budget(ys_ctx *ctx, const char *db, const char *source, const ys_budget *b, const ys_doc *doc);
ys_result cli_load_budget(ys_ctx *ctx, const char *db, ys_budget **out);
/* Parse --format: returns 0 and sets *fmt to the index in names, or -1. */
int cli_format(const char *value, const char *const *names, int *fmt);
/* Parse --encoding (utf-8, utf8, gb18030): 0, or -1. */
int cli_encoding(const char *value, ys_encoding *enc);

#endif
