/*
 * opts.h - a command described once (git's parse-options.h): its usage
 * lines, what it does, its arguments and a table of its options.  One
 * parser reads a command line by that table into the command's own struct
 * of options, and the same description prints `yusuan CMD -h` and the
 * man page (`yusuan help --man`), so the three cannot disagree.
 *
 * The tables are static data: an option names a field of the command's
 * struct by its offset (checked against the field's type at compile time),
 * not a variable of a running function - which is what lets the man page
 * walk every command's options without running any.
 *
 * A new command (cmd_<verb>.c; cmd_site.c is a small one to copy):
 *
 *	typedef struct serve_opts {          -- the parsed options
 *		const char *db;
 *		int port, quiet;
 *	} serve_opts;
 *	static const char *const usage[] = { "serve --db 数据库 [--port N]", NULL };
 *	static const cli_opt options[] = {
 *		CLI_STRING(0, "db", serve_opts, db, "数据库", "…（必须给出）"),
 *		CLI_INT('p', "port", serve_opts, port, "N", 1, 65535, "监听的端口（默认 8080）"),
 *		CLI_FLAG(0, "quiet", serve_opts, quiet, "不显示请求"),
 *		CLI_END,
 *	};
 *	static int cmd_serve(void *arg, int argc, char **argv);
 *	static const serve_opts defaults = { .port = 8080 };
 *	const cli_command cli_cmd_serve = {
 *		.name = "serve", .summary = "…", .usage = usage,
 *		.description = "…\n", .opts = options,
 *		.exit_codes = "退出码：0 …，2 用法错误，…\n",
 *		.max_args = 0, .opts_size = sizeof(serve_opts),
 *		.defaults = &defaults, .run = cmd_serve,
 *	};
 *
 * then `extern const cli_command cli_cmd_serve;` in cli.h and &cli_cmd_serve
 * in main.c's commands[]: `yusuan serve -h`, `yusuan help serve` and the man
 * page follow.  cmd_serve gets the struct (defaults, then what was given)
 * and the positional arguments; what the table cannot say (an option
 * needing another, a value's form) it checks itself and reports with
 * cli_usage_error(&cli_cmd_serve, "…") - exit 2, the usage lines after the
 * message.  Every text a user reads is Chinese; option names stay English.
 * The parser handles -h/--help, "--", --opt=value, unknown options, missing
 * or empty values, ranges and choices, and too many arguments.
 */
#ifndef YS_CLI_OPTS_H
#define YS_CLI_OPTS_H

#include <stddef.h>
#include <stdio.h>

#include "yusuan/base.h"

typedef enum cli_opt_type {
	CLI_OPT_END = 0, /* ends a table */
	CLI_OPT_FLAG,    /* int: 1 when given, takes no value */
	CLI_OPT_STRING,  /* const char *: the value (never ""); given twice, the last one */
	CLI_OPT_INT,     /* int: a whole number in [min, max]; the last one */
	CLI_OPT_CHOICE,  /* int: the index of the value in choices; the last one */
	CLI_OPT_LIST,    /* cli_list: every value given (never ""), in order */
} cli_opt_type;

/* How many times a list option may be given. */
#define CLI_LIST_MAX 16

typedef struct cli_list {
	int n;
	const char *v[CLI_LIST_MAX];
	/* how many arguments came before v[i] on the command line: where the
	 * option stood among them, for a command whose options and arguments
	 * name things in one order (diff OLD --doc NEW) */
	int at[CLI_LIST_MAX];
} cli_list;

typedef struct cli_opt {
	cli_opt_type type;
	char short_name;         /* 'o' for -o, or 0 */
	const char *long_name;   /* "format" for --format, or NULL */
	size_t offset;           /* of the field in the command's struct */
	const char *argh;        /* the value's name in help ("目录"); NULL for a flag */
	const char *help;        /* Chinese; '\n' starts a further line */
	int min, max;            /* CLI_OPT_INT */
	const char *const *choices; /* CLI_OPT_CHOICE, NULL-terminated */
} cli_opt;

/* A positional argument, for help and the man page. */
typedef struct cli_arg {
	const char *name; /* "文件夹", "FILE" */
	const char *help;
} cli_arg;

typedef struct cli_command {
	const char *name;            /* "build" */
	const char *summary;         /* one line, for `yusuan -h` */
	const char *const *usage;    /* synopsis lines after "yusuan ", NULL-terminated */
	const char *description;     /* what it does (lines end in '\n') */
	const cli_arg *args;         /* ended by { NULL }; may be NULL */
	const cli_opt *opts;         /* ended by CLI_END */
	const char *notes;           /* after the options, or NULL */
	const char *exit_codes;      /* the "退出码：" lines */
	int max_args;                /* positional arguments at most; -1: any */
	size_t opts_size;            /* sizeof the struct the table describes */
	const void *defaults;        /* its initial value, or NULL for zeroes */
	/* Run with the parsed options and the positional arguments. */
	int (*run)(void *opts, int argc, char **argv);
} cli_command;

/* The field's offset, and a compile-time complaint ("distinct pointer
 * types") when the field is not of the option's type. */
#define CLI_FIELD_(T, f, type) (offsetof(T, f) + 0 * sizeof(&((T *)0)->f == (type *)0))

#define CLI_FLAG(s, l, T, f, help) \
	{ CLI_OPT_FLAG, s, l, CLI_FIELD_(T, f, int), NULL, help, 0, 0, NULL }
#define CLI_STRING(s, l, T, f, argh, help) \
	{ CLI_OPT_STRING, s, l, CLI_FIELD_(T, f, const char *), argh, help, 0, 0, NULL }
#define CLI_INT(s, l, T, f, argh, lo, hi, help) \
	{ CLI_OPT_INT, s, l, CLI_FIELD_(T, f, int), argh, help, lo, hi, NULL }
#define CLI_CHOICE(s, l, T, f, argh, choices, help) \
	{ CLI_OPT_CHOICE, s, l, CLI_FIELD_(T, f, int), argh, help, 0, 0, choices }
#define CLI_LIST(s, l, T, f, argh, help) \
	{ CLI_OPT_LIST, s, l, CLI_FIELD_(T, f, cli_list), argh, help, 0, 0, NULL }
#define CLI_END \
	{ CLI_OPT_END, 0, NULL, 0, NULL, NULL, 0, 0, NULL }

/* What cli_parse returns when the command should run. */
#define CLI_RUN (-1)

/*
 * Read argv (argv[0] the command's name) by c's table into opts, which the
 * caller has set to the defaults.  Long options as --name VALUE or
 * --name=VALUE, short ones as -o VALUE, -oVALUE or -o=VALUE; "--" ends the
 * options; "-" alone is an argument.  On CLI_RUN the positional arguments
 * are argv[0..*argc-1] (argv is reordered in place) and argv[*argc] is NULL.
 * Otherwise returns the exit code: 0 after printing -h/--help, 2 after a
 * usage error (said in Chinese, with the usage lines, on stderr).
 */
int cli_parse(const cli_command *c, int *argc, char **argv, void *opts);

/* Parse and run c: the command table's one entry point. */
int cli_run(const cli_command *c, int argc, char **argv);

/* Print "yusuan: <msg>", c's usage lines and where to find -h on stderr;
 * returns EXIT_USAGE. */
int cli_usage_error(const cli_command *c, const char *fmt, ...) YS_PRINTF(2, 3);

/* The option as help and the man page write it: "-o OUTDIR",
 * "--format text|json", "-h, --help". */
void cli_opt_words(const cli_opt *o, char *buf, size_t cap);

/* The help of `yusuan CMD -h`, generated from c. */
void cli_help(FILE *f, const cli_command *c);

/* The man page yusuan(1) in troff (man macros) for the commands, in order. */
void cli_man(FILE *f, const cli_command *const *cmds, size_t n);

#endif
