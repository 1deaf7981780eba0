/*
 * cmd_init.c - yusuan init DIR; yusuan init --doc
 */
#include <string.h>

#include "cli.h"

static const char usage[] =
	"usage: yusuan init DIR\n"
	"       yusuan init --doc\n"
	"\n"
	"Write an empty, commented template of a department's detailed budget into DIR:\n"
	"one CSV file per sheet (department, units, income, items, projects ...), each\n"
	"with its columns and what they hold.  Existing files are never overwritten.\n"
	"--doc prints the input format as Markdown (docs/input-format.md).\n";

int cmd_init(int argc, char **argv)
{
	const char *dir = NULL;
	int doc = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			fputs(usage, stdout);
			return EXIT_OK;
		} else if (!strcmp(argv[i], "--doc")) {
			doc = 1;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage_error(usage, "unknown option '%s'", argv[i]);
		} else if (!dir) {
			dir = argv[i];
		} else {
			return cli_usage_error(usage, "one folder at a time");
		}
	}
	if (doc) {
		ys_buf out = YS_BUF_INIT;
		ys_input_doc(&out);
		int rc = cli_write_stdout(&out);
		ys_buf_release(&out);
		return rc;
	}
	if (!dir)
		return cli_usage_error(usage, "no folder given");
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	if (ys_input_write_template(&ctx, dir))
		return cli_fail(&ctx);
	printf("wrote an empty budget template into %s: fill in the CSV files, then run yusuan build %s\n", dir, dir);
	return EXIT_OK;
}
