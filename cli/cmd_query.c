/*
 * cmd_query.c - yusuan query --db PATH [--by DIM,…] [filters] [--format F]
 *               yusuan query --db PATH … --datapackage DIR
 *               yusuan rank --db PATH sangong|change|project-share [--year Y]
 *
 * The store as a dataset (docs/dataset.md): the library runs the query
 * over the views (ys_query_run, ys_rank_run) and renders it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char usage[] =
	"用法：yusuan query --db 数据库 [--by 维度,…] [筛选] [--format text|csv|json]\n"
	"      yusuan query --db 数据库 [--by 维度,…] [筛选] --datapackage 文件夹\n"
	"\n"
	"把数据库中的公开表当作数据集查询（视图见 docs/dataset.md）：基本支出和项目支出按维度汇总，\n"
	"每行有金额、占比（占同一年度、部门、资金的合计），按年度分组时还有比上年的增减和增减率。\n"
	"  --by 维度,…        year 年度、department 部门、unit 单位、func_class / func_kuan / func_xiang\n"
	"                     功能分类类/款/项、econ_class / econ_kuan 部门经济分类类/款、gov_class\n"
	"                     政府经济分类类、fund 资金（all 全部资金，gp、gf、soc）、kind 支出类型\n"
	"                     （basic 基本支出，project 项目支出）；不给则只有合计\n"
	"  --year 年度 --department 部门 --fund all|gp|gf|soc --kind basic|project\n"
	"  --func 编码        只要这个功能分类编码之下的（下钻：--func 201 --by func_kuan）\n"
	"  --econ 编码        只要这个部门经济分类编码之下的\n"
	"  不给 --fund 也不按 fund 分组时，只算全部资金（03表），不重复计算\n"
	"  --format F         text（默认）、csv（RFC 4180，UTF-8 带 BOM，金额以分计）、json\n"
	"  --datapackage DIR  写出财政数据包（Fiscal Data Package）：datapackage.json 与 spending.csv\n"
	"\n"
	"退出码：0 正常，2 用法错误，3 数据库中没有公开文件，4 数据库或输出出错\n";

static const char rank_usage[] =
	"用法：yusuan rank --db 数据库 问题 [--year 年度] [--department 部门] [--format text|csv|json]\n"
	"\n"
	"常见问题的排名（视图见 docs/dataset.md）：\n"
	"  sangong        财政拨款“三公”经费，按部门从多到少，及其各项（09表）\n"
	"  change         支出功能分类各类比上年的增减，从增到减（全部资金；只算两年都有公开的部门，\n"
	"                 或 --department 给出的部门）\n"
	"  project-share  项目支出占基本支出与项目支出之和的比例，按部门从高到低\n"
	"  --year 年度    默认：数据库中最新的年度\n"
	"\n"
	"退出码：0 正常，2 用法错误，3 数据库中没有公开文件，4 数据库或输出出错\n";

ys_result cli_open_existing(ys_ctx *ctx, const char *db, ys_store **st)
{
	struct stat sb;
	const char *path = !strncmp(db, "sqlite:", 7) ? db + 7 : db;
	*st = NULL;
	if (stat(path, &sb) != 0)
		return ys_error(ctx, YS_ESTORE, "%s：没有这个数据库：%s", path, strerror(errno));
	return ys_store_open(ctx, db, st);
}

static int open_db(const char *db, ys_store **st)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	if (cli_open_existing(&ctx, db, st))
		return cli_fail(&ctx);
	return 0;
}

int cmd_query(int argc, char **argv)
{
	static const char *const formats[] = { "text", "csv", "json", NULL };
	const char *db = NULL, *by = NULL, *dp = NULL;
	ys_query q;
	memset(&q, 0, sizeof q);
	int fmt = 0;
	for (int i = 1; i < argc; i++) {
		int missing = 0;
		const char *v;
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			fputs(usage, stdout);
			return EXIT_OK;
		} else if ((v = cli_opt_value(argc, argv, &i, "--format", &missing))) {
			if (cli_format(v, formats, &fmt))
				return cli_usage_error(usage, "未知的格式“%s”", v);
		} else if ((v = cli_opt_value(argc, argv, &i, "--db", &missing))) {
			db = v;
		} else if ((v = cli_opt_value(argc, argv, &i, "--by", &missing))) {
			by = v;
		} else if ((v = cli_opt_value(argc, argv, &i, "--datapackage", &missing))) {
			dp = v;
		} else if ((v = cli_opt_value(argc, argv, &i, "--year", &missing))) {
			q.year = v;
		} else if ((v = cli_opt_value(argc, argv, &i, "--department", &missing))) {
			q.department = v;
		} else if ((v = cli_opt_value(argc, argv, &i, "--fund", &missing))) {
			if (strcmp(v, "all") && strcmp(v, "gp") && strcmp(v, "gf") && strcmp(v, "soc") && strcmp(v, "fiscal"))
				return cli_usage_error(usage, "--fund 的值是 all、gp、gf、soc 或 fiscal，而不是“%s”", v);
			q.fund = v;
		} else if ((v = cli_opt_value(argc, argv, &i, "--kind", &missing))) {
			if (strcmp(v, "basic") && strcmp(v, "project"))
				return cli_usage_error(usage, "--kind 的值是 basic 或 project，而不是“%s”", v);
			q.kind = v;
		} else if ((v = cli_opt_value(argc, argv, &i, "--func", &missing))) {
			q.func = v;
		} else if ((v = cli_opt_value(argc, argv, &i, "--econ", &missing))) {
			q.econ = v;
		} else if (missing) {
			return cli_usage_error(usage, "%s 需要一个值", argv[i]);
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage_error(usage, "未知的选项“%s”", argv[i]);
		} else {
			return cli_usage_error(usage, "多余的参数“%s”", argv[i]);
		}
	}
	if (!db)
		return cli_usage_error(usage, "没有给出 --db 数据库");
	for (const char *p = by; p && *p;) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char id[32];
		snprintf(id, sizeof id, "%.*s", (int)(n < sizeof id ? n : sizeof id - 1), p);
		int d = ys_qdim_find(id);
		if (d < 0)
			return cli_usage_error(usage, "未知的维度“%s”", id);
		for (int k = 0; k < q.ndims; k++)
			if (q.dims[k] == d)
				return cli_usage_error(usage, "维度“%s”给了两次", id);
		q.dims[q.ndims++] = d;
		p = e ? e + 1 : p + n;
	}
	ys_store *st;
	int rc = open_db(db, &st);
	if (rc)
		return rc;
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_qresult *r = NULL;
	ys_buf out = YS_BUF_INIT;
	if (ys_query_run(&ctx, st, &q, &r))
		rc = cli_fail(&ctx);
	else if (dp) {
		if (ys_query_datapackage(&ctx, r, dp))
			rc = cli_fail(&ctx);
		else
			printf("已写出 %s/datapackage.json 与 %s/spending.csv：%zu 行\n", dp, dp, r->n);
	} else if (ys_query_render(&ctx, r, fmt == 1 ? YS_Q_CSV : fmt == 2 ? YS_Q_JSON : YS_Q_TEXT, &out))
		rc = cli_fail(&ctx);
	else
		rc = cli_write_stdout(&out);
	ys_buf_release(&out);
	ys_qresult_free(r);
	ys_store_close(st);
	return rc;
}

int cmd_rank(int argc, char **argv)
{
	static const char *const formats[] = { "text", "csv", "json", NULL };
	const char *db = NULL;
	int fmt = 0, question = -1;
	ys_rank_opts o = { 0, NULL };
	for (int i = 1; i < argc; i++) {
		int missing = 0;
		const char *v;
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			fputs(rank_usage, stdout);
			return EXIT_OK;
		} else if ((v = cli_opt_value(argc, argv, &i, "--format", &missing))) {
			if (cli_format(v, formats, &fmt))
				return cli_usage_error(rank_usage, "未知的格式“%s”", v);
		} else if ((v = cli_opt_value(argc, argv, &i, "--db", &missing))) {
			db = v;
		} else if ((v = cli_opt_value(argc, argv, &i, "--year", &missing))) {
			char *end;
			long y = strtol(v, &end, 10);
			if (*end || y < 1900 || y > 9999)
				return cli_usage_error(rank_usage, "--year 的值是四位的年度，而不是“%s”", v);
			o.year = (int)y;
		} else if ((v = cli_opt_value(argc, argv, &i, "--department", &missing))) {
			o.department = v;
		} else if (missing) {
			return cli_usage_error(rank_usage, "%s 需要一个值", argv[i]);
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage_error(rank_usage, "未知的选项“%s”", argv[i]);
		} else if (question >= 0) {
			return cli_usage_error(rank_usage, "一次一个问题");
		} else {
			for (int k = 0; k < YS_RANK_NQ; k++)
				if (!strcmp(argv[i], ys_rank_id(k)))
					question = k;
			if (question < 0)
				return cli_usage_error(rank_usage, "未知的问题“%s”：应为 sangong、change 或 project-share", argv[i]);
		}
	}
	if (!db)
		return cli_usage_error(rank_usage, "没有给出 --db 数据库");
	if (question < 0)
		return cli_usage_error(rank_usage, "没有给出问题");
	ys_store *st;
	int rc = open_db(db, &st);
	if (rc)
		return rc;
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_buf out = YS_BUF_INIT;
	if (ys_rank_run(&ctx, st, (ys_rankq)question, &o, fmt == 1 ? YS_Q_CSV : fmt == 2 ? YS_Q_JSON : YS_Q_TEXT, &out))
		rc = cli_fail(&ctx);
	else
		rc = cli_write_stdout(&out);
	ys_buf_release(&out);
	ys_store_close(st);
	return rc;
}
