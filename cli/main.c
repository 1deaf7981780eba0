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
	{ "build", cmd_build, "把部门预算明细编成 13 张表，检查、存储并发布" },
	{ "batch", cmd_batch, "编制一个明细导出文件中的每个部门（流式处理）" },
	{ "init", cmd_init, "写出空白、带说明的预算明细模板（CSV 文件夹或工作簿）" },
	{ "check", cmd_check, "按全部规则检查公开文件（或已存的公开文件）" },
	{ "show", cmd_show, "读入公开文件，以文本、CSV、JSON 写出或发布其各表" },
	{ "import", cmd_import, "把公开文件存入 SQLite 数据库（一个事务）" },
	{ "rules", cmd_rules, "列出检查所用的规则" },
	{ "diff", cmd_diff, "比较两份公开：两个年度，或同一年度的两个版本" },
	{ "query", cmd_query, "把数据库当作数据集查询：按年度、部门、分类、资金汇总支出" },
	{ "score", cmd_score, "透明度评分：逐项给分并说明依据；多份文档时排名" },
	{ "site", cmd_site, "把数据库中的全部公开做成静态网站：排名、趋势、每个部门和每份公开一页" },
	{ "rank", cmd_rank, "常见问题的排名：“三公”经费、各类的增减、项目支出占比" },
};

static void usage(FILE *f)
{
	fprintf(f, "用法：yusuan <命令> [选项] [参数]\n\n命令：\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\n“yusuan <命令> -h”显示该命令的选项。\n"
	           "退出码：0 正常，1 检查发现错误，2 用法错误，3 输入被拒绝或读不了，4 数据库或输出出错\n");
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
		fprintf(stderr, "yusuan：无法写出输出\n");
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
	fprintf(stderr, "yusuan：“%s”不是命令\n", cmd);
	usage(stderr);
	return EXIT_USAGE;
}
