/*
 * cmd_site.c - yusuan site --db PATH -o DIR [--items FILE] [--catalog DIR]
 *
 * A static web site of a whole store (site.h): rankings and trends across
 * departments and years, a page per department and per document.
 */
#include <string.h>

#include "cli.h"

typedef struct site_opts {
	const char *db, *outdir, *itemsfile, *catdir;
	int noscore;
} site_opts;

static const char *const usage[] = {
	"site --db 数据库 -o 文件夹 [--items FILE] [--catalog DIR] [--no-score]",
	NULL,
};

static const cli_opt options[] = {
	CLI_STRING(0, "db", site_opts, db, "数据库", "yusuan import 存入公开文件的数据库（必须给出）"),
	CLI_STRING('o', NULL, site_opts, outdir, "文件夹", "网站写入的文件夹（必须给出）"),
	CLI_STRING(0, "items", site_opts, itemsfile, "FILE", "透明度评分项（默认 data/score/items.txt）"),
	CLI_FLAG(0, "no-score", site_opts, noscore, "不打透明度分"),
	CLI_STRING(0, "catalog", site_opts, catdir, "DIR", "检查所用的分类目录（默认：随程序的 data/catalog）"),
	CLI_END,
};

static int cmd_site(void *arg, int argc, char **argv);

const cli_command cli_cmd_site = {
	.name = "site",
	.summary = "把数据库中的全部公开做成静态网站：排名、趋势、每个部门和每份公开一页",
	.usage = usage,
	.description =
		"把数据库中的全部公开做成一个静态网站：index.html 有排名（“三公”经费、项目支出占比、\n"
		"透明度得分）和趋势（各年度支出、各类的增减），每个部门一页（各年度的支出和“三公”经费，\n"
		"链接到它的各份公开），每份公开一页（主要数字、按类的支出、检查的结果、透明度得分及依据）。\n"
		"网页只用随附的 style.css 和页内 SVG 图表，不从别的主机取任何东西。\n",
	.opts = options,
	.exit_codes = "退出码：0 已写出，2 用法错误，3 评分项读不了或数据库中没有公开文件，4 数据库或输出出错\n",
	.max_args = 0,
	.opts_size = sizeof(site_opts),
	.run = cmd_site,
};

static int cmd_site(void *arg, int argc, char **argv)
{
	const site_opts *so = arg;
	const char *db = so->db, *outdir = so->outdir, *itemsfile = so->itemsfile, *catdir = so->catdir;
	int noscore = so->noscore;
	(void)argc;
	(void)argv;
	if (!db || !outdir)
		return cli_usage_error(&cli_cmd_site, "要给出 --db 数据库 和 -o 文件夹");
	if (noscore && itemsfile)
		return cli_usage_error(&cli_cmd_site, "--items 与 --no-score 只能给一个");
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_score_items *items = NULL;
	if (!noscore && ys_score_items_load(&ctx, itemsfile, &items))
		return cli_fail(&ctx);
	ys_store *st;
	if (cli_open_existing(&ctx, db, &st)) {
		ys_score_items_free(items);
		return cli_fail(&ctx);
	}
	ys_site_opts o = { catdir, items, NULL, NULL };
	ys_site_stats stats;
	int rc = EXIT_OK;
	if (ys_site_render(&ctx, st, outdir, &o, &stats))
		rc = cli_fail(&ctx);
	else
		printf("已写出 %s/：%d 份公开，%d 个部门，%d 个年度，%d 个网页\n", outdir, stats.documents, stats.departments,
		       stats.years, stats.pages);
	ys_store_close(st);
	ys_score_items_free(items);
	return rc;
}
