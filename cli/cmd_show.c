/*
 * cmd_show.c - yusuan show FILE [--table NN] [--format text|csv|json]
 */
#include <string.h>

#include "cli.h"

static const char usage[] =
	"usage: yusuan show FILE [--table NN] [--format text|csv|json]\n"
	"\n"
	"Read a published disclosure and write its tables.\n"
	"  --table NN     only table NN (01..13)\n"
	"  --format F     text (the published tab-separated layout; default),\n"
	"                 csv (one table: its columns; all tables: a line per cell),\n"
	"                 json (every table, row and cell with its line; amounts in 分)\n";

int cmd_show(int argc, char **argv)
{
	static const char *const formats[] = { "text", "csv", "json", NULL };
	const char *file = NULL;
	int fmt = 0, tid = -1;
	for (int i = 1; i < argc; i++) {
		int missing = 0;
		const char *v;
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			fputs(usage, stdout);
			return EXIT_OK;
		} else if ((v = cli_opt_value(argc, argv, &i, "--format", &missing))) {
			if (cli_format(v, formats, &fmt))
				return cli_usage_error(usage, "unknown format '%s'", v);
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

	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc;
	if (ys_doc_read_file(&ctx, file, &doc))
		return cli_fail(&ctx);
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
