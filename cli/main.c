/*
 * main.c - the yusuan command: a table of subcommands (git's commands[]).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"

static const cli_cmd commands[] = {
	{ "build", cmd_build, "compile a detailed budget into the 13 tables, check and store them" },
	{ "batch", cmd_batch, "compile every department of one line-item export (streaming)" },
	{ "init", cmd_init, "write an empty, commented template of a detailed budget" },
	{ "check", cmd_check, "check a published disclosure (or a stored one) against every rule" },
	{ "show", cmd_show, "read a disclosure and write its tables as text, CSV or JSON" },
	{ "import", cmd_import, "store a disclosure in a SQLite database (one transaction)" },
	{ "rules", cmd_rules, "list the rules check applies" },
};

static void usage(FILE *f)
{
	fprintf(f, "usage: yusuan <command> [options] [args]\n\ncommands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\n'yusuan <command> -h' shows a command's options.\n"
	           "exit codes: 0 ok, 1 check found errors, 2 usage, 3 unreadable input, 4 database/output error\n");
}

int cli_exit_for(ys_result r)
{
	switch (r) {
	case YS_OK: return EXIT_OK;
	case YS_EINVAL: return EXIT_USAGE;
	case YS_ESTORE: return EXIT_STORE;
	case YS_EWRITE: return EXIT_STORE;
	default: return EXIT_INPUT;
	}
}

int cli_fail(const ys_ctx *ctx)
{
	fprintf(stderr, "yusuan: %s\n", ctx->msg[0] ? ctx->msg : ys_strerror(ctx->code));
	return cli_exit_for(ctx->code);
}

int cli_usage_error(const char *u, const char *fmt, ...)
{
	va_list ap;
	fputs("yusuan: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n%s", u);
	return EXIT_USAGE;
}

int cli_write_stdout(const ys_buf *b)
{
	if (fwrite(b->s, 1, b->len, stdout) != b->len || fflush(stdout) != 0) {
		fprintf(stderr, "yusuan: cannot write the output\n");
		return EXIT_STORE;
	}
	return 0;
}

const char *cli_opt_value(int argc, char **argv, int *i, const char *name, int *missing)
{
	size_t n = strlen(name);
	const char *a = argv[*i];
	if (strncmp(a, name, n) != 0)
		return NULL;
	if (a[n] == '=')
		return a + n + 1;
	if (a[n] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		*missing = 1;
		return NULL;
	}
	return argv[++*i];
}

int cli_format(const char *value, const char *const *names, int *fmt)
{
	for (int k = 0; names[k]; k++)
		if (strcmp(value, names[k]) == 0) {
			*fmt = k;
			return 0;
		}
	return -1;
}

int cli_encoding(const char *value, ys_encoding *enc)
{
	if (!strcasecmp(value, "utf-8") || !strcasecmp(value, "utf8")) {
		*enc = YS_ENC_UTF8_BOM;
		return 0;
	}
	if (!strcasecmp(value, "gb18030")) {
		*enc = YS_ENC_GB18030;
		return 0;
	}
	return -1;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
		usage(stdout);
		return EXIT_OK;
	}
	if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
		printf("yusuan %s\n", YUSUAN_VERSION);
		return EXIT_OK;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(commands[i].name, cmd))
			return commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "yusuan: '%s' is not a command\n", cmd);
	usage(stderr);
	return EXIT_USAGE;
}
