/*
 * cmd_site.c - yusuan site --db PATH -o DIR [--items FILE] [--catalog DIR]
 *
 * A static web site of a whole store (site.h): rankings and trends across
 * departments and years, a page per department and per document.
 */
#include <string.h>

#include "cli.h"

static const char usage[] =
	"用法：yusuan site --db 数据库 -o 文件夹 [--items FILE] [--catalog DIR] [--no-score]\n"
	"\n"
	"把数据库中的全部公开做成一个静态网站：index.html 有排名（“三公”经费、项目支出占比、\n"
	"透明度得分）和趋势（各年度支出、各类的增减），每个部门一页（各年度的支出和“三公”经费，\n"
	"链接到它的各份公开），每份公开一页（主要数字、按类的支出、检查的结果、透明度得分及依据）。\n"
	"网页只用随附的 style.css 和页内 SVG 图表，不从别的主机取任何东西。\n"
	"  --items FILE    透明度评分项（默认 data/score/items.txt）\n"
	"  --no-score      不打透明度分\n"
	"  --catalog DIR   检查所用的分类目录（默认：随程序的 data/catalog）\n"
	"\n"
	"退出码：0 已写出，2 用法错误，3 评分项读不了或数据库中没有公开文件，4 数据库或输出出错\n";

int cmd_site(int argc, char **argv)
{
	const char *db = NULL, *outdir = NULL, *itemsfile = NULL, *catdir = NULL;
	int noscore = 0;
	for (int i = 1; i < argc; i++) {
		int missing = 0;
		const char *v;
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			fputs(usage, stdout);
			return EXIT_OK;
		} else if ((v = cli_opt_value(argc, argv, &i, "--db", &missing))) {
			db = v;
		} else if ((v = cli_opt_value(argc, argv, &i, "-o", &missing))) {
			outdir = v;
		} else if ((v = cli_opt_value(argc, argv, &i, "--items", &missing))) {
			itemsfile = v;
		} else if ((v = cli_opt_value(argc, argv, &i, "--catalog", &missing))) {
			catdir = v;
		} else if (!strcmp(argv[i], "--no-score")) {
			noscore = 1;
		} else if (missing) {
			return cli_usage_error(usage, "%s 需要一个值", argv[i]);
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage_error(usage, "未知的选项“%s”", argv[i]);
		} else {
			return cli_usage_error(usage, "多余的参数“%s”", argv[i]);
		}
	}
	if (!db || !outdir)
		return cli_usage_error(usage, "要给出 --db 数据库 和 -o 文件夹");
	if (noscore && itemsfile)
		return cli_usage_error(usage, "--items 与 --no-score 只能给一个");
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
