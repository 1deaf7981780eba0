/*
 * cmd_show.c - yusuan show FILE [--table NN] [--format text|csv|json]
 *              yusuan show FILE -o OUTDIR [--format F,..] [--encoding E]
 */
#include <string.h>

#include "cli.h"

static const char usage[] =
	"usage: yusuan show FILE [--table NN] [--format text|csv|json]\n"
	"       yusuan show FILE -o OUTDIR [--format F[,F..]|all] [--encoding E] [--catalog DIR]\n"
	"\n"
	"Read a published disclosure (text in the numbered layout or another, XLSX,\n"
	"yusuan's JSON, or PDF: as 'yusuan check' reads it) and write its tables.\n"
	"Without -o, to standard output:\n"
	"  --table NN     only table NN (01..13)\n"
	"  --format F     text (the published tab-separated layout; default),\n"
	"                 csv (one table: its columns; all tables: a line per cell),\n"
	"                 json (every table, row and cell with its line; amounts in 分),\n"
	"                 lines (a PDF's text layer as the general reader sees it, a line\n"
	"                 per visual line, cells tab-separated; see docs/layouts.md)\n"
	"With -o OUTDIR, publish it as 'yusuan build' does: --format text, csv, json,\n"
	"xlsx, pdf, html or all (default all); the HTML site lists the check's findings,\n"
	"each linked to its cell.  --encoding utf-8|gb18030 for the CSV files.\n"
	"\n"
	"exit: 0 written, 2 usage, 3 unreadable input, 4 output error\n";

static void wrote(void *arg, const char *path)
{
	(void)arg;
	printf("  wrote %s\n", path);
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
		fprintf(stderr, "yusuan: %s (classification rules skipped)\n", ctx.msg);
		cat = NULL;
	}
	ys_check_opts opts = { cat, NULL, NULL };
	if (ys_check(&ctx, doc, &opts, &rep)) {
		rc = cli_fail(&ctx);
		goto done;
	}
	ys_publish_opts po = { fmt, enc, NULL, rep, wrote, NULL, stale };
	if (ys_publish(&ctx, doc, outdir, &po)) {
		rc = cli_fail(&ctx);
		goto done;
	}
	printf("published %s: %d tables into %s/; check: %d errors, %d warnings, %d notices\n", file, doc->ntables,
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
				return cli_usage_error(usage, "unknown encoding '%s': expected utf-8 or gb18030", v);
			has_enc = 1;
		} else if ((v = cli_opt_value(argc, argv, &i, "--table", &missing))) {
			const ys_tabledef *d = ys_table_def_by_code(v);
			if (!d)
				return cli_usage_error(usage, "--table '%s': expected 01..13", v);
			tid = (int)d->id;
		} else if (missing) {
			return cli_usage_error(usage, "%s needs a value", argv[i]);
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage_error(usage, "unknown option '%s'", argv[i]);
		} else if (!file) {
			file = argv[i];
		} else {
			return cli_usage_error(usage, "one file at a time");
		}
	}
	if (!file)
		return cli_usage_error(usage, "no file given");
	int fmt = 0;
	unsigned bits = YS_PUB_ALL;
	if (outdir) {
		if (tid >= 0)
			return cli_usage_error(usage, "--table writes to standard output: leave out -o");
		if (fmtarg && ys_publish_formats(fmtarg, &bits))
			return cli_usage_error(usage, "unknown format '%s'", fmtarg);
	} else {
		if (fmtarg && cli_format(fmtarg, formats, &fmt))
			return cli_usage_error(usage, "unknown format '%s' (xlsx, pdf and html need -o OUTDIR)", fmtarg);
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
		fprintf(stderr, "yusuan: %s has no table %s\n", file, ys_table_def((ys_tid)tid)->code);
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
