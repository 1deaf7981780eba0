/*
 * cmd_ledger.c - yusuan ledger add 部门 --year Y --due YYYY-MM-DD --db DB
 *                yusuan ledger import FILE.csv --db DB
 *                yusuan ledger list [--year Y] --db DB
 *
 * The ledger of what is due (serve.h, docs/api.md): the library keeps it
 * and says each department's state; this reads the command line and prints.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "yusuan/serve.h"

typedef struct ledger_opts {
	const char *db, *due;
	int year;
} ledger_opts;

static const char *const usage[] = {
	"ledger add 部门 --year 年度 --due 截止日期 --db 数据库",
	"ledger import 清单.csv --db 数据库",
	"ledger list [--year 年度] --db 数据库",
	NULL,
};

static const cli_arg args[] = {
	{ "add|import|list", "登记一个部门、导入清单或列出一年的应交情况" },
	{ "部门|清单.csv", "add 的部门；import 的 CSV 文件（部门,年度,截止日期，第一行可为表头）" },
	{ NULL, NULL },
};

static const cli_opt options[] = {
	CLI_STRING(0, "db", ledger_opts, db, "数据库", "文件路径、sqlite:路径或 postgresql://…（必须给出）"),
	CLI_INT(0, "year", ledger_opts, year, "年度", 1990, 2200, "add 的年度（必须给出）；list 的年度（默认清单中最新的一年）"),
	CLI_STRING(0, "due", ledger_opts, due, "YYYY-MM-DD", "add 的截止日期（必须给出），按数据库的时钟（UTC）比较"),
	CLI_END,
};

static int cmd_ledger(void *arg, int argc, char **argv);

const cli_command cli_cmd_ledger = {
	.name = "ledger",
	.summary = "应交清单：哪些部门某年该公开、截止日期，已提交、逾期提交、未提交、逾期未提交",
	.usage = usage,
	.description = "应交清单（docs/api.md）：登记某年应公开预算的部门和截止日期，列出每个部门的状态——\n"
	               "已提交（第一次上传在截止日期当天或之前）、逾期提交、未提交（截止日期未到）、逾期未提交，\n"
	               "以及上传了却不在清单中的部门。登记和改动都记入审计日志。\n",
	.args = args,
	.opts = options,
	.exit_codes = "退出码：0 正常，2 用法错误，3 输入被拒绝（日期、年度或部门名不对，清单有错行），4 数据库出错\n",
	.max_args = 2,
	.opts_size = sizeof(ledger_opts),
	.run = cmd_ledger,
};

static int print_row(const ys_ledger_row *r, void *arg)
{
	(void)arg;
	printf("%s\t%d\t%s\t%s\t%s\t", r->department, r->year, r->due[0] ? r->due : "—", ys_ledger_state_name(r->state),
	       r->first_upload[0] ? r->first_upload : "—");
	if (r->document)
		printf("文档 %lld", (long long)r->document);
	else
		printf("—");
	printf("\t%s\n", r->workflow);
	return 0;
}

static int cmd_ledger(void *arg, int argc, char **argv)
{
	const ledger_opts *o = arg;
	const cli_command *c = &cli_cmd_ledger;
	if (argc < 1)
		return cli_usage_error(c, "缺少子命令：add、import 或 list");
	const char *sub = argv[0], *what = argc > 1 ? argv[1] : NULL;
	int add = !strcmp(sub, "add"), imp = !strcmp(sub, "import"), list = !strcmp(sub, "list");
	if (!add && !imp && !list)
		return cli_usage_error(c, "“%s”不是子命令：应为 add、import 或 list", sub);
	if (!o->db)
		return cli_usage_error(c, "缺少 --db");
	if (add && !what)
		return cli_usage_error(c, "缺少部门");
	if (imp && !what)
		return cli_usage_error(c, "缺少清单文件");
	if (list && what)
		return cli_usage_error(c, "多余的参数 %s", what);
	if (add && (!o->year || !o->due))
		return cli_usage_error(c, "add 要给出 --year 和 --due");
	if (!add && o->due)
		return cli_usage_error(c, "--due 只用于 add");
	if (imp && o->year)
		return cli_usage_error(c, "--year 不用于 import（年度在清单中）");
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	char *text = NULL;
	size_t len = 0;
	if (imp && ys_file_read(&ctx, what, &text, &len))
		return cli_fail(&ctx);
	ys_store *st = NULL;
	if (ys_store_open(&ctx, o->db, &st)) {
		free(text);
		return cli_fail(&ctx);
	}
	int rc = EXIT_OK, change, n[3];
	if (add) {
		if (ys_ledger_set(&ctx, st, what, o->year, o->due, "（命令行）", &change))
			rc = cli_fail(&ctx);
		else
			printf("%s %d年：截止 %s（%s）\n", what, o->year, o->due,
			       change == 1 ? "新登记" : change == 2 ? "改了截止日期" : "与已登记的相同");
	} else if (imp) {
		if (ys_ledger_import(&ctx, st, what, text, len, "（命令行）", n))
			rc = cli_fail(&ctx);
		else
			printf("导入了 %s：新登记 %d 个，改了 %d 个，%d 个与已登记的相同\n", what, n[0], n[1], n[2]);
	} else {
		char today[16];
		int year = o->year;
		if (ys_ledger_today(&ctx, st, today) || (!year && ys_ledger_year(&ctx, st, today, &year)) ||
		    ys_ledger_list(&ctx, st, year, today, print_row, NULL))
			rc = cli_fail(&ctx);
	}
	free(text);
	ys_store_close(st);
	return rc;
}
