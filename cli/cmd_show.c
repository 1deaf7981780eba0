/*
 * cmd_show.c - yusuan show FILE [--table NN] [--format text|csv|json]
 *              yusuan show FILE -o OUTDIR [--format F,..] [--encoding E]
 */
#include <string.h>

#include "cli.h"

static const char usage[] =
	"用法：yusuan show 文件 [--table NN] [--format text|csv|json|lines]\n"
	"      yusuan show 文件 -o 输出目录 [--format F[,F..]|all] [--encoding E] [--catalog 目录]\n"
	"\n"
	"读入一份公开文件（编号版式或其他版式的文本、XLSX、yusuan 的 JSON 或 PDF，与\n"
	"yusuan check 读法相同），写出读到的各表。没有 -o 时写到标准输出：\n"
	"  --table NN     只写表 NN（01..13）\n"
	"  --format F     text（公开的制表符分隔版式；默认），\n"
	"                 csv（一张表：按列；全部表：每个单元格一行），\n"
	"                 json（每张表、每行、每个单元格及其行号；金额以分计），\n"
	"                 lines（PDF 的文字层，通用读取器看到的样子：每个可见行一行，\n"
	"                 单元格以制表符分隔；见 docs/layouts.md）\n"
	"有 -o 输出目录时，像 yusuan build 那样发布：--format text、csv、json、xlsx、pdf、\n"
	"html 或 all（默认 all）；网页列出检查的发现，每条链接到其单元格。其他版式的\n"
	"表（通用读取器读到的）按读到的列发布，每张表一个文件：csv/g01.csv、工作表 g01、\n"
	"html/g01.html……\n"
	"--encoding utf-8|gb18030 为 CSV 文件的编码。\n"
	"\n"
	"退出码：0 已写出，2 用法错误，3 输入被拒绝或读不了，4 无法写出\n";

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

int cmd_show(int argc, char **argv)
{
	static const char *const formats[] = { "text", "csv", "json", "lines", NULL };
	const char *file = NULL, *outdir = NULL, *fmtarg = NULL, *catdir = NULL;
	int tid = -1, has_enc = 0;
	ys_encoding enc = YS_ENC_UTF8_BOM;
	for (int i = 1; i < argc; i++) {
		int missing = 0;
		const char *v;
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			fputs(usage, stdout);
			return EXIT_OK;
		} else if ((v = cli_opt_value(argc, argv, &i, "--format", &missing))) {
			fmtarg = v;
		} else if ((v = cli_opt_value(argc, argv, &i, "-o", &missing))) {
			outdir = v;
		} else if ((v = cli_opt_value(argc, argv, &i, "--catalog", &missing))) {
			catdir = v;
		} else if ((v = cli_opt_value(argc, argv, &i, "--encoding", &missing))) {
			if (cli_encoding(v, &enc))
				return cli_usage_error(usage, "未知编码“%s”：应为 utf-8 或 gb18030", v);
			has_enc = 1;
		} else if ((v = cli_opt_value(argc, argv, &i, "--table", &missing))) {
			const ys_tabledef *d = ys_table_def_by_code(v);
			if (!d)
				return cli_usage_error(usage, "--table '%s': expected 01..13", v);
			tid = (int)d->id;
		} else if (missing) {
			return cli_usage_error(usage, "%s 需要一个值", argv[i]);
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage_error(usage, "未知选项“%s”", argv[i]);
		} else if (!file) {
			file = argv[i];
		} else {
			return cli_usage_error(usage, "一次一个文件");
		}
	}
	if (!file)
		return cli_usage_error(usage, "没有给出文件");
	int fmt = 0;
	unsigned bits = YS_PUB_ALL;
	if (outdir) {
		if (tid >= 0)
			return cli_usage_error(usage, "--table writes to standard output: leave out -o");
		if (fmtarg && ys_publish_formats(fmtarg, &bits))
			return cli_usage_error(usage, "未知格式“%s”", fmtarg);
	} else {
		if (fmtarg && cli_format(fmtarg, formats, &fmt))
			return cli_usage_error(usage, "未知格式“%s”（xlsx、pdf 和 html 需要 -o 输出目录）", fmtarg);
		if (has_enc)
			return cli_usage_error(usage, "--encoding is for the CSV files written with -o");
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
