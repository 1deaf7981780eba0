/*
 * main.c - the yusuan command: a table of subcommands (git's commands[]),
 * each described by its options table (opts.h); `yusuan help --man` writes
 * the man page from the same tables.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"

static const cli_command *const commands[] = {
	&cli_cmd_build, &cli_cmd_batch, &cli_cmd_init, &cli_cmd_check, &cli_cmd_show, &cli_cmd_import,
	&cli_cmd_rules, &cli_cmd_diff, &cli_cmd_query, &cli_cmd_score, &cli_cmd_site, &cli_cmd_rank,
	&cli_cmd_serve, &cli_cmd_user, &cli_cmd_ledger,
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *f)
{
	fprintf(f, "用法：yusuan <命令> [选项] [参数]\n"
	           "      yusuan help [<命令>|--man]\n"
	           "      yusuan --version | --data-dir\n\n命令：\n");
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-8s %s\n", commands[i]->name, commands[i]->summary);
	fprintf(f, "\n“yusuan <命令> -h”显示该命令的选项；“yusuan help --man”写出手册页 yusuan(1)；\n"
	           "“yusuan --data-dir”显示所用的数据文件夹（分类目录在其中的 catalog/）。\n"
	           "退出码：0 正常，1 检查发现错误，2 用法错误，3 输入被拒绝或读不了，4 数据库或输出出错\n");
}

static const cli_command *find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (!strcmp(commands[i]->name, name))
			return commands[i];
	return NULL;
}

/* yusuan help [CMD | --man] */
static int help(int argc, char **argv)
{
	if (argc < 2) {
		usage(stdout);
		return EXIT_OK;
	}
	if (argc == 2 && !strcmp(argv[1], "--man")) {
		cli_man(stdout, commands, NCOMMANDS);
		return fflush(stdout) || ferror(stdout) ? EXIT_STORE : EXIT_OK;
	}
	const cli_command *c = argc == 2 ? find_command(argv[1]) : NULL;
	if (!c) {
		fprintf(stderr, "yusuan: help 后面是一个命令或 --man，而不是“%s”\n", argv[1]);
		usage(stderr);
		return EXIT_USAGE;
	}
	cli_help(stdout, c);
	return EXIT_OK;
}

/* A library result as an exit code.  Usage (2) is not among them: the CLI
 * finds every usage error itself (cli_usage_error), so a YS_EINVAL from the
 * library is a value it passed on and the library refused - input refused,
 * as are data it cannot load and input it refuses as given (YS_EREFUSED). */
int cli_exit_for(ys_result r)
{
	switch (r) {
	case YS_OK:
		return EXIT_OK;
	case YS_ESTORE:
	case YS_EWRITE:
	case YS_ECANCELED: /* the CLI's callbacks stop a run only when they cannot write its output */
		return EXIT_STORE;
	case YS_ENOMEM:
	case YS_EIO:
	case YS_EPARSE:
	case YS_EINVAL:
	case YS_ERANGE:
	case YS_ENOTFOUND:
	case YS_ELIMIT:
	case YS_EEMPTY:
	case YS_EENCODING:
	case YS_EREFUSED:
		return EXIT_INPUT;
	}
	return EXIT_INPUT;
}

int cli_fail(const ys_ctx *ctx)
{
	fprintf(stderr, "yusuan: %s\n", ctx->msg[0] ? ctx->msg : ys_strerror(ctx->code));
	return cli_exit_for(ctx->code);
}

int cli_write_stdout(const ys_buf *b)
{
	if (fwrite(b->s, 1, b->len, stdout) != b->len || fflush(stdout) != 0) {
		fprintf(stderr, "yusuan：无法写出输出\n");
		return EXIT_STORE;
	}
	return 0;
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
	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help")) {
		usage(stdout);
		return EXIT_OK;
	}
	if (!strcmp(cmd, "help"))
		return help(argc - 1, argv + 1);
	if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
		printf("yusuan %s\n", YUSUAN_VERSION);
		return EXIT_OK;
	}
	if (!strcmp(cmd, "--data-dir")) {
		/* the folder the library takes catalogs from: "<data>/catalog" */
		char root[4096];
		if (!ys_catalog_default_root(root, sizeof root)) {
			fprintf(stderr, "yusuan: 数据文件夹的路径太长\n");
			return EXIT_USAGE;
		}
		root[strlen(root) - strlen("/catalog")] = '\0';
		printf("%s\n", root);
		return EXIT_OK;
	}
	const cli_command *c = find_command(cmd);
	if (c)
		return cli_run(c, argc - 1, argv + 1);
	fprintf(stderr, "yusuan：“%s”不是命令\n", cmd);
	usage(stderr);
	return EXIT_USAGE;
}
