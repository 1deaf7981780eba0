/*
 * cmd_init.c - yusuan init DIR | BOOK.xlsx | --xlsx BOOK.xlsx [--from BUDGET [--previous LAST]] [--catalog DIR];
 *              yusuan init --doc
 * Write the template of a detailed budget (filled from one, with --from).
 */
#include <limits.h>
#include <string.h>

#include "cli.h"

typedef struct init_opts {
	const char *xlsx, *from, *catdir, *previous;
	int doc;
} init_opts;

static const char *const usage[] = {
	"init 文件夹 [--from 预算 [--previous 上年]]",
	"init 工作簿.xlsx [--from 预算 [--previous 上年]] [--catalog 目录]",
	"init --doc",
	NULL,
};

static const cli_arg args[] = {
	{ "文件夹", "每张输入表一个 CSV 文件（部门、单位、收入、支出明细……），\n文件开头的 # 行说明各列填什么" },
	{ "工作簿.xlsx", "一个工作簿，每张输入表一个工作表：表头带说明；资金来源、\n"
	                 "支出类型、采购类别、绩效指标等列有下拉列表；功能分类、\n"
	                 "经济分类的编码列表在“代码表”工作表（政府收支分类科目）" },
	{ NULL, NULL },
};

static const cli_opt options[] = {
	CLI_STRING(0, "xlsx", init_opts, xlsx, "工作簿", "同上：写工作簿（名字须以 .xlsx 结尾，build 凭它认出工作簿）"),
	CLI_STRING(0, "from", init_opts, from, "预算", "把已有的预算（CSV 文件夹或工作簿）填进模板，即格式转换"),
	CLI_STRING(0, "previous", init_opts, previous, "上年",
	           "上年的预算明细或公开文件（见 build --previous）：变化原因表写出\n"
	           "每个要写原因的变化一行（变化的数目在“变化”列，上年同一事项的\n"
	           "原因在“上年原因”列），“原因”留给部门填写"),
	CLI_STRING(0, "catalog", init_opts, catdir, "目录",
	           "代码表所用的分类目录（默认：自带的 data/catalog 中最新的\n年度；有 --from 时取预算的年度）"),
	CLI_FLAG(0, "doc", init_opts, doc, "以 Markdown 打印输入格式（docs/input-format.md）"),
	CLI_END,
};

static int cmd_init(void *arg, int argc, char **argv);

const cli_command cli_cmd_init = {
	.name = "init",
	.summary = "写出空白、带说明的预算明细模板（CSV 文件夹或工作簿）",
	.usage = usage,
	.description = "写出一份空白的部门预算明细模板，填好后交给 yusuan build。\n",
	.args = args,
	.opts = options,
	.notes = "不覆盖已有的文件或文件夹：工作簿的名字须是新的，文件夹须是新的或空的。\n",
	.exit_codes = "退出码：0 已写出，2 用法错误，3 已存在或读不了 --from 的预算，4 无法写出\n",
	.max_args = -1, /* more than one is "一次只写一个模板" */
	.opts_size = sizeof(init_opts),
	.run = cmd_init,
};

/* The lines the reasons sheet needs, against last year (--previous). */
static int reasons(ys_ctx *ctx, const char *prev, const char *catdir, ys_budget *b, const ys_catalog *cat)
{
	ys_figures *pf = NULL, *cf = NULL;
	ys_catalog *pcat = NULL;
	ys_budget *pb = NULL;
	ys_doc *doc = NULL;
	ys_changes *chg = NULL;
	if (ys_previous_read(ctx, prev, catdir, &pf, &pcat, &pb))
		return cli_fail(ctx);
	int rc = EXIT_OK;
	if (ys_compile(ctx, b, cat, &doc) || ys_figures_make(ctx, doc, b, cat, &cf) ||
	    ys_changes_make(ctx, cf, pf, cat, pcat, b, pb, &chg) || ys_reasons_fill(ctx, b, chg))
		rc = cli_fail(ctx);
	ys_changes_free(chg);
	ys_doc_free(doc);
	ys_figures_free(cf);
	ys_figures_free(pf);
	ys_catalog_free(pcat);
	ys_budget_free(pb);
	return rc;
}

static int is_xlsx_name(const char *p)
{
	size_t n = strlen(p);
	return n > 5 && !strcmp(p + n - 5, ".xlsx");
}

static int cmd_init(void *arg, int argc, char **argv)
{
	const init_opts *o = arg;
	const char *dir = NULL, *book = o->xlsx, *from = o->from, *catdir = o->catdir, *prev = o->previous;
	int doc = o->doc;
	if (book && !is_xlsx_name(book))
		return cli_usage_error(&cli_cmd_init, "工作簿“%s”的名字须以 .xlsx 结尾：yusuan build 凭这个结尾认出工作簿", book);
	if (argc > 1 || (argc && book))
		return cli_usage_error(&cli_cmd_init, "一次只写一个模板");
	if (argc && is_xlsx_name(argv[0]))
		book = argv[0];
	else if (argc)
		dir = argv[0];
	if (doc) {
		if (dir || book)
			return cli_usage_error(&cli_cmd_init, "--doc 不与模板一起写");
		ys_buf out = YS_BUF_INIT;
		ys_input_doc(&out);
		ys_input_template_doc(&out);
		int rc = cli_write_stdout(&out);
		ys_buf_release(&out);
		return rc;
	}
	if (!dir && !book)
		return cli_usage_error(&cli_cmd_init, "没有给出文件夹或工作簿");
	if (dir && catdir && !prev)
		return cli_usage_error(&cli_cmd_init, "--catalog 只用于工作簿（--xlsx 或以 .xlsx 结尾的名字）或 --previous");
	if (prev && !from)
		return cli_usage_error(&cli_cmd_init, "--previous 要与 --from 一起用：变化原因表是这份预算与上年相比的");
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	if (dir && !from) {
		if (ys_input_write_template(&ctx, dir))
			return cli_fail(&ctx);
		printf("已在 %s 写出空白的预算明细模板：填好其中的 CSV 文件，再运行 yusuan build %s\n", dir, dir);
		return EXIT_OK;
	}
	ys_budget *b = NULL;
	ys_catalog *cat = NULL;
	if (from && ys_input_read(&ctx, from, &b))
		return cli_fail(&ctx);
	/* the catalog of the budget's year, or the newest one */
	if (ys_catalog_open(&ctx, catdir, b ? b->year : INT_MAX, &cat)) {
		ys_budget_free(b);
		return cli_fail(&ctx);
	}
	int lines = 0;
	if (prev) {
		int before = b->nreasons;
		int rc = reasons(&ctx, prev, catdir, b, cat);
		if (rc) {
			ys_catalog_free(cat);
			ys_budget_free(b);
			return rc;
		}
		lines = b->nreasons - before;
	}
	ys_result r = dir ? ys_input_write_folder(&ctx, dir, b) : ys_input_write_workbook(&ctx, book, cat, b);
	ys_catalog_free(cat);
	int filled = b != NULL;
	ys_budget_free(b);
	if (r)
		return cli_fail(&ctx);
	if (prev)
		printf("已把 %s 的预算写进 %s，变化原因表添了 %d 行要填原因的变化：填好后运行 yusuan build %s --previous %s\n",
		       from, dir ? dir : book, lines, dir ? dir : book, prev);
	else if (filled)
		printf("已把 %s 的预算写进%s %s：可以运行 yusuan build %s\n", from, dir ? "文件夹" : "工作簿", dir ? dir : book,
		       dir ? dir : book);
	else
		printf("已写出空白的预算明细工作簿 %s：填好后运行 yusuan build %s\n", book, book);
	return EXIT_OK;
}
