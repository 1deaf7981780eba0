/*
 * cmd_show.c - yusuan show FILE [--table NN] [--format text|csv|json]
 *              yusuan show FILE -o OUTDIR [--format F,..] [--encoding E]
 * The tables of a disclosure as read, or published.
 */
#include <string.h>

#include "cli.h"

typedef struct show_opts {
	const char *outdir, *format, *catdir, *encoding, *table;
} show_opts;

static const char *const usage[] = {
	"show 文件 [--table NN] [--format text|csv|json|lines]",
	"show 文件 -o 输出目录 [--format F[,F..]|all] [--encoding E] [--catalog 目录]",
	NULL,
};

static const cli_arg args[] = {
	{ "文件", "公开文件：编号版式或其他版式的文本、XLSX、yusuan 的 JSON 或 PDF" },
	{ NULL, NULL },
};

static const cli_opt options[] = {
	CLI_STRING(0, "table", show_opts, table, "NN", "只写表 NN（01..13）"),
	CLI_STRING(0, "format", show_opts, format, "F",
	           "没有 -o 时：text（公开的制表符分隔版式；默认），\n"
	           "csv（一张表：按列；全部表：每个单元格一行），\n"
	           "json（每张表、每行、每个单元格及其行号；金额以分计），\n"
	           "lines（PDF 的文字层，通用读取器看到的样子：每个可见行一行，\n"
	           "单元格以制表符分隔；见 docs/layouts.md）。\n"
	           "有 -o 时：text、csv、json、xlsx、pdf、html 中的一种或几种（逗号分隔），\n"
	           "或 all（默认 all）"),
	CLI_STRING('o', NULL, show_opts, outdir, "输出目录",
	           "像 yusuan build 那样发布到这个文件夹；网页列出检查的发现，\n每条链接到其单元格。"
	           "其他版式的表（通用读取器读到的）按读到的列发布，\n"
	           "每张表一个文件：csv/g01.csv、工作表 g01、html/g01.html……"),
	CLI_STRING(0, "encoding", show_opts, encoding, "E", "有 -o 时 CSV 文件的编码：utf-8（带 BOM；默认）或 gb18030"),
	CLI_STRING(0, "catalog", show_opts, catdir, "目录", "有 -o 时检查所用的分类目录（默认：随程序的 data/catalog）"),
	CLI_END,
};

static int cmd_show(void *arg, int argc, char **argv);

const cli_command cli_cmd_show = {
	.name = "show",
	.summary = "读入公开文件，以文本、CSV、JSON 写出或发布其各表",
	.usage = usage,
	.description = "读入一份公开文件（编号版式或其他版式的文本、XLSX、yusuan 的 JSON 或 PDF，与\n"
	               "yusuan check 读法相同），写出读到的各表：没有 -o 时写到标准输出，有 -o 时发布。\n",
	.args = args,
	.opts = options,
	.exit_codes = "退出码：0 已写出，2 用法错误，3 输入被拒绝或读不了，4 无法写出\n",
	.max_args = 1,
	.opts_size = sizeof(show_opts),
	.run = cmd_show,
};

static void wrote(void *arg, const char *path)
{
	(void)arg;
	printf("  写出 %s\n", path);
}

static void stale(void *arg, const char *path, int removed)
{
	(void)arg;
	printf(removed ? "  删除 %s（上次运行所写，本次未输出）\n" : "  保留 %s（不是 yusuan 写的，不属于本次输出）\n", path);
}

static int publish(const char *file, ys_doc *doc, const char *outdir, unsigned fmt, ys_encoding enc,
                   const char *catdir)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_catalog *cat = NULL;
	ys_report *rep = NULL;
	int rc = EXIT_OK;
	if (ys_catalog_open(&ctx, catdir, doc->year ? doc->year : 2026, &cat)) {
		fprintf(stderr, "yusuan：%s（跳过分类规则）\n", ctx.msg);
		cat = NULL;
	}
	ys_check_opts opts = { cat, NULL, NULL };
	if (ys_check(&ctx, doc, &opts, &rep)) {
		rc = cli_fail(&ctx);
		goto done;
	}
	ys_publish_opts po = { fmt, enc, NULL, rep, wrote, NULL, stale, NULL };
	if (ys_publish(&ctx, doc, outdir, &po)) {
		rc = cli_fail(&ctx);
		goto done;
	}
	printf("已发布 %s：%d 张表，写入 %s/；检查：%d 个错误，%d 个警告，%d 个提示\n", file, doc->ntables + doc->nothers,
	       outdir, rep->count[YS_SEV_ERROR], rep->count[YS_SEV_WARNING], rep->count[YS_SEV_NOTICE]);
done:
	ys_report_free(rep);
	ys_catalog_free(cat);
	return rc;
}

static int cmd_show(void *arg, int argc, char **argv)
{
	static const char *const formats[] = { "text", "csv", "json", "lines", NULL };
	const show_opts *o = arg;
	const char *file = argc ? argv[0] : NULL, *outdir = o->outdir, *fmtarg = o->format, *catdir = o->catdir;
	int tid = -1, has_enc = o->encoding != NULL;
	ys_encoding enc = YS_ENC_UTF8_BOM;
	if (o->encoding && cli_encoding(o->encoding, &enc))
		return cli_usage_error(&cli_cmd_show, "未知编码“%s”：应为 utf-8 或 gb18030", o->encoding);
	if (o->table) {
		const ys_tabledef *d = ys_table_def_by_code(o->table);
		if (!d)
			return cli_usage_error(&cli_cmd_show, "--table “%s”：应为 01 到 13", o->table);
		tid = (int)d->id;
	}
	if (!file)
		return cli_usage_error(&cli_cmd_show, "没有给出文件");
	int fmt = 0;
	unsigned bits = YS_PUB_ALL;
	if (outdir) {
		if (tid >= 0)
			return cli_usage_error(&cli_cmd_show, "--table 写到标准输出：不要同时给 -o");
		if (fmtarg && ys_publish_formats(fmtarg, &bits))
			return cli_usage_error(&cli_cmd_show, "未知格式“%s”", fmtarg);
	} else {
		if (fmtarg && cli_format(fmtarg, formats, &fmt))
			return cli_usage_error(&cli_cmd_show, "未知格式“%s”（xlsx、pdf 和 html 需要 -o 输出目录）", fmtarg);
		if (has_enc)
			return cli_usage_error(&cli_cmd_show, "--encoding 用于 -o 写出的 CSV 文件");
	}

	ys_ctx ctx;
	ys_ctx_init(&ctx);
	if (fmt == 3) { /* lines */
		ys_buf out = YS_BUF_INIT;
		int rc = ys_pdf_text(&ctx, file, 0, &out) ? cli_fail(&ctx) : cli_write_stdout(&out);
		ys_buf_release(&out);
		return rc;
	}
	ys_doc *doc;
	if (ys_doc_read_file(&ctx, file, &doc))
		return cli_fail(&ctx);
	if (outdir) {
		int rc = publish(file, doc, outdir, bits, enc, catdir);
		ys_doc_free(doc);
		return rc;
	}
	if (tid >= 0 && !doc->tables[tid]) {
		fprintf(stderr, "yusuan：%s 没有表 %s\n", file, ys_table_def((ys_tid)tid)->code);
		ys_doc_free(doc);
		return EXIT_INPUT;
	}
	ys_buf out = YS_BUF_INIT;
	ys_result r = fmt == 0 ? ys_render_text(&ctx, doc, tid, &out)
	              : fmt == 1 ? ys_render_csv(&ctx, doc, tid, &out)
	                         : ys_render_json(&ctx, doc, tid, &out);
	int rc = r ? cli_fail(&ctx) : cli_write_stdout(&out);
	ys_buf_release(&out);
	ys_doc_free(doc);
	return rc;
}
