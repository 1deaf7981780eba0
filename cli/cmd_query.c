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

typedef struct query_opts {
	const char *db, *by, *dp, *year, *department, *func, *econ;
	int fmt, fund, kind;
} query_opts;

static const char *const usage[] = {
	"query --db 数据库 [--by 维度,…] [筛选] [--format text|csv|json]",
	"query --db 数据库 [--by 维度,…] [筛选] --datapackage 文件夹",
	NULL,
};

static const char *const formats[] = { "text", "csv", "json", NULL };
/* --fund and --kind: the views' values; -1 when not given */
static const char *const funds[] = { "all", "gp", "gf", "soc", "fiscal", NULL };
static const char *const kinds[] = { "basic", "project", NULL };

static const cli_opt options[] = {
	CLI_STRING(0, "db", query_opts, db, "数据库", "yusuan import 存入公开文件的数据库（必须给出）"),
	CLI_STRING(0, "by", query_opts, by, "维度,…",
	           "year 年度、department 部门、unit 单位、func_class / func_kuan / func_xiang\n"
	           "功能分类类/款/项、econ_class / econ_kuan 部门经济分类类/款、gov_class\n"
	           "政府经济分类类、fund 资金（all 全部资金，gp、gf、soc）、kind 支出类型\n"
	           "（basic 基本支出，project 项目支出）；不给则只有合计"),
	CLI_STRING(0, "year", query_opts, year, "年度", "只要这个年度的"),
	CLI_STRING(0, "department", query_opts, department, "部门", "只要这个部门的"),
	CLI_CHOICE(0, "fund", query_opts, fund, NULL, funds,
	           "只要这种资金的；不给 --fund 也不按 fund 分组时，只算全部资金（03表），\n不重复计算"),
	CLI_CHOICE(0, "kind", query_opts, kind, NULL, kinds, "只要基本支出或项目支出"),
	CLI_STRING(0, "func", query_opts, func, "编码", "只要这个功能分类编码之下的（下钻：--func 201 --by func_kuan）"),
	CLI_STRING(0, "econ", query_opts, econ, "编码", "只要这个部门经济分类编码之下的"),
	CLI_CHOICE(0, "format", query_opts, fmt, "F", formats,
	           "text（默认）、csv（RFC 4180，UTF-8 带 BOM，金额以分计）、json"),
	CLI_STRING(0, "datapackage", query_opts, dp, "DIR",
	           "写出财政数据包（Fiscal Data Package）：datapackage.json 与 spending.csv"),
	CLI_END,
};

static int cmd_query(void *arg, int argc, char **argv);

static const query_opts defaults = { .fund = -1, .kind = -1 };

const cli_command cli_cmd_query = {
	.name = "query",
	.summary = "把数据库当作数据集查询：按年度、部门、分类、资金汇总支出",
	.usage = usage,
	.description =
		"把数据库中的公开表当作数据集查询（视图见 docs/dataset.md）：基本支出和项目支出按维度汇总，\n"
		"每行有金额、占比（占同一年度、部门、资金的合计），按年度分组时还有比上年的增减和增减率。\n",
	.opts = options,
	.exit_codes = "退出码：0 正常，2 用法错误，3 数据库中没有公开文件，4 数据库或输出出错\n",
	.max_args = 0,
	.opts_size = sizeof(query_opts),
	.defaults = &defaults,
	.run = cmd_query,
};

typedef struct rank_opts {
	const char *db, *department;
	int fmt, year;
} rank_opts;

static const char *const rank_usage[] = {
	"rank --db 数据库 问题 [--year 年度] [--department 部门] [--format text|csv|json]",
	NULL,
};

static const cli_arg rank_args[] = {
	{ "问题", "sangong        财政拨款“三公”经费，按部门从多到少，及其各项（09表）\n"
	          "change         支出功能分类各类比上年的增减，从增到减（全部资金；只算两年都有\n"
	          "               公开的部门，或 --department 给出的部门）\n"
	          "project-share  项目支出占基本支出与项目支出之和的比例，按部门从高到低" },
	{ NULL, NULL },
};

static const cli_opt rank_options[] = {
	CLI_STRING(0, "db", rank_opts, db, "数据库", "yusuan import 存入公开文件的数据库（必须给出）"),
	CLI_INT(0, "year", rank_opts, year, "年度", 1900, 9999, "默认：数据库中最新的年度"),
	CLI_STRING(0, "department", rank_opts, department, "部门", "change：只算这个部门"),
	CLI_CHOICE(0, "format", rank_opts, fmt, "F", formats, "text（默认）、csv、json"),
	CLI_END,
};

static int cmd_rank(void *arg, int argc, char **argv);

const cli_command cli_cmd_rank = {
	.name = "rank",
	.summary = "常见问题的排名：“三公”经费、各类的增减、项目支出占比",
	.usage = rank_usage,
	.description = "常见问题的排名（视图见 docs/dataset.md）。\n",
	.args = rank_args,
	.opts = rank_options,
	.exit_codes = "退出码：0 正常，2 用法错误，3 数据库中没有公开文件，4 数据库或输出出错\n",
	.max_args = -1, /* more than one is "一次一个问题" */
	.opts_size = sizeof(rank_opts),
	.run = cmd_rank,
};

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

static int cmd_query(void *arg, int argc, char **argv)
{
	const query_opts *o = arg;
	const char *db = o->db, *by = o->by, *dp = o->dp;
	int fmt = o->fmt;
	ys_query q;
	memset(&q, 0, sizeof q);
	(void)argc;
	(void)argv;
	q.year = o->year;
	q.department = o->department;
	q.fund = o->fund >= 0 ? funds[o->fund] : NULL;
	q.kind = o->kind >= 0 ? kinds[o->kind] : NULL;
	q.func = o->func;
	q.econ = o->econ;
	if (!db)
		return cli_usage_error(&cli_cmd_query, "没有给出 --db 数据库");
	for (const char *p = by; p && *p;) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char id[32];
		snprintf(id, sizeof id, "%.*s", (int)(n < sizeof id ? n : sizeof id - 1), p);
		int d = ys_qdim_find(id);
		if (d < 0)
			return cli_usage_error(&cli_cmd_query, "未知的维度“%s”", id);
		for (int k = 0; k < q.ndims; k++)
			if (q.dims[k] == d)
				return cli_usage_error(&cli_cmd_query, "维度“%s”给了两次", id);
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

static int cmd_rank(void *arg, int argc, char **argv)
{
	const rank_opts *ro = arg;
	const char *db = ro->db;
	int fmt = ro->fmt, question = -1;
	ys_rank_opts o = { ro->year, ro->department };
	if (argc > 1)
		return cli_usage_error(&cli_cmd_rank, "一次一个问题");
	for (int k = 0; argc && k < YS_RANK_NQ; k++)
		if (!strcmp(argv[0], ys_rank_id(k)))
			question = k;
	if (argc && question < 0)
		return cli_usage_error(&cli_cmd_rank, "未知的问题“%s”：应为 sangong、change 或 project-share", argv[0]);
	if (!db)
		return cli_usage_error(&cli_cmd_rank, "没有给出 --db 数据库");
	if (question < 0)
		return cli_usage_error(&cli_cmd_rank, "没有给出问题");
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
