/*
 * cmd_diff.c - yusuan diff OLD NEW [--format text|json|html|xlsx] [-o FILE]
 *              yusuan diff --db PATH --doc ID --doc ID …
 *
 * Two disclosures, each a file of any kind yusuan reads or a stored one
 * (--db PATH --doc ID), in the order given; the library compares them
 * (ys_diff_docs) and renders the comparison.
 */
#include <string.h>

#include "cli.h"

typedef struct diff_opts {
	const char *db, *outfile, *catdir;
	cli_list docs;
	int fmt, cells;
} diff_opts;

static const char *const usage[] = {
	"diff 旧文件 新文件 [选项]",
	"diff --db 数据库 --doc 旧编号 --doc 新编号 [选项]",
	"diff --db 数据库 --doc 旧编号 新文件 [选项]",
	NULL,
};

static const cli_arg args[] = {
	{ "旧文件 新文件", "yusuan 能读的文件（文本、XLSX、PDF、yusuan 的 JSON），先旧后新；\n"
	                   "一份也可以是数据库中的（--doc），按命令行上的顺序" },
	{ NULL, NULL },
};

static const char *const formats[] = { "text", "json", "html", "xlsx", NULL };

static const cli_opt options[] = {
	CLI_CHOICE(0, "format", diff_opts, fmt, "F", formats,
	           "text（默认）、json（金额以分计，并附万元写法）、html（一个自带图表的\n"
	           "网页）、xlsx（工作簿，需要 -o）"),
	CLI_STRING('o', NULL, diff_opts, outfile, "文件", "写到文件（默认标准输出）"),
	CLI_FLAG(0, "cells", diff_opts, cells, "不是同一部门同一年度时也逐格比较"),
	CLI_STRING(0, "db", diff_opts, db, "数据库", "--doc 所在的数据库"),
	CLI_LIST(0, "doc", diff_opts, docs, "编号", "数据库中的一份公开文件（可给两次；编号见 yusuan import --list）"),
	CLI_STRING(0, "catalog", diff_opts, catdir, "目录",
	           "分类目录文件夹，用于表中没有印出的类、款名称（默认：随程序的 data/catalog）"),
	CLI_END,
};

static int cmd_diff(void *arg, int argc, char **argv);

const cli_command cli_cmd_diff = {
	.name = "diff",
	.summary = "比较两份公开：两个年度，或同一年度的两个版本",
	.usage = usage,
	.description =
		"比较两份公开：两个年度的同一部门，或同一年度公开的两个版本。两份按给出的顺序：\n"
		"先旧后新；每份是 yusuan 能读的文件（文本、XLSX、PDF、yusuan 的 JSON），或数据库中\n"
		"已存的公开文件（--db 数据库 --doc 编号；编号见 yusuan import --list）。\n"
		"按 13 张表比较：支出功能分类 类/款/项（03表，05表）、经济分类（03表，06表）、资金来源\n"
		"（02表，04表）、“三公”经费及其各项（09表）、项目的增减（12表：按项目编码，没有编码按\n"
		"名称）、政府采购（10表），各有增减额和增减率。同一部门同一年度的两个版本还逐格比较：\n"
		"每个不同的单元格列出表、行、列、旧值和新值。\n",
	.args = args,
	.opts = options,
	.exit_codes = "退出码：0 没有不同，1 有不同，2 用法错误，3 读不了输入，4 数据库或输出出错\n",
	.max_args = -1, /* two sides in all, files and --doc: said below */
	.opts_size = sizeof(diff_opts),
	.run = cmd_diff,
};

typedef struct side {
	const char *file;  /* a file, or NULL */
	const char *docid; /* a stored document */
} side;

static ys_result load(ys_ctx *ctx, const char *db, const side *s, ys_doc **out)
{
	return s->file ? ys_doc_read_file(ctx, s->file, out) : cli_load_from_db(ctx, db, s->docid, out);
}

static int cmd_diff(void *arg, int argc, char **argv)
{
	const diff_opts *o = arg;
	const char *db = o->db, *outfile = o->outfile, *catdir = o->catdir;
	int fmt = o->fmt, cells = o->cells;
	if (argc + o->docs.n > 2)
		return cli_usage_error(&cli_cmd_diff, "只比较两份公开");
	if (argc + o->docs.n < 2)
		return cli_usage_error(&cli_cmd_diff, "要给出两份公开（旧的和新的）");
	if (o->docs.n && !db)
		return cli_usage_error(&cli_cmd_diff, "--doc 与 --db 一起用");
	if (fmt == 3 && !outfile)
		return cli_usage_error(&cli_cmd_diff, "--format xlsx 需要 -o 文件");
	/* the two in the order of the command line: a --doc before the file
	 * it stood before */
	side sides[2];
	int nsides = 0, di = 0;
	for (int k = 0; k <= argc; k++) {
		for (; di < o->docs.n && o->docs.at[di] == k; di++)
			sides[nsides++] = (side){ NULL, o->docs.v[di] };
		if (k < argc)
			sides[nsides++] = (side){ argv[k], NULL };
	}

	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *a = NULL, *b = NULL;
	ys_diff *d = NULL;
	ys_catalog *cat = NULL;
	int rc;
	if (load(&ctx, db, &sides[0], &a) || load(&ctx, db, &sides[1], &b)) {
		rc = cli_fail(&ctx);
		goto done;
	}
	char root[4096];
	if (catdir)
		snprintf(root, sizeof root, "%s", catdir);
	else
		ys_catalog_default_root(root, sizeof root);
	if (ys_catalog_open(&ctx, root, b->year ? b->year : 9999, &cat)) {
		if (catdir) { /* asked for: a bad one is an error; the default is only names */
			rc = cli_fail(&ctx);
			goto done;
		}
		cat = NULL;
	}
	ys_diff_opts opts = { cat, cells };
	if (ys_diff_docs(&ctx, a, b, &opts, &d)) {
		rc = cli_fail(&ctx);
		goto done;
	}
	ys_buf out = YS_BUF_INIT;
	ys_result r = fmt == 3 ? ys_diff_render_xlsx(&ctx, d, outfile)
	              : fmt == 2 ? ys_diff_render_html(&ctx, d, &out)
	                         : ys_diff_render(&ctx, d, fmt == 1 ? YS_DIFF_JSON : YS_DIFF_TEXT, &out);
	if (r)
		rc = cli_fail(&ctx);
	else if (fmt == 3)
		rc = 0;
	else if (outfile)
		rc = ys_file_write(&ctx, outfile, out.s, out.len) ? cli_fail(&ctx) : 0;
	else
		rc = cli_write_stdout(&out);
	ys_buf_release(&out);
	if (!rc) {
		int differ = d->ncells > 0;
		for (size_t i = 0; i < d->nlines && !differ; i++)
			differ = d->lines[i].status != YS_DIFF_SAME;
		rc = differ ? EXIT_FINDINGS : EXIT_OK;
	}
done:
	ys_diff_free(d);
	ys_catalog_free(cat);
	ys_doc_free(a);
	ys_doc_free(b);
	return rc;
}
