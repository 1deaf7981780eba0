/*
 * cmd_import.c - yusuan import FILE --db PATH; yusuan import --list --db PATH
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char usage[] =
	"usage: yusuan import FILE --db PATH [--replace]\n"
	"       yusuan import --list --db PATH\n"
	"\n"
	"Read a published disclosure and store it in a SQLite database, in one\n"
	"transaction: on any error nothing is written.  The database is created\n"
	"when it does not exist.  --list shows what is stored.\n"
	"A file stored before (the same bytes: its SHA-256 is kept) is refused;\n"
	"  --replace       store it again in place of the stored one\n"
	"\n"
	"exit: 0 stored, 2 usage (also: the file is stored already, without --replace),\n"
	"      3 unreadable input, 4 database error\n";

ys_result cli_load_from_db(ys_ctx *ctx, const char *db, const char *docid, ys_doc **out)
{
	struct stat sb;
	*out = NULL;
	const char *path = !strncmp(db, "sqlite:", 7) ? db + 7 : db;
	if (stat(path, &sb) != 0)
		return ys_error(ctx, YS_ESTORE, "%s: no such database: %s", path, strerror(errno));
	ys_store *st;
	ys_result r = ys_store_open(ctx, db, &st);
	if (r)
		return r;
	int64_t id = 0;
	if (docid) {
		char *end;
		id = strtoll(docid, &end, 10);
		if (*end || id <= 0) {
			ys_store_close(st);
			return ys_error(ctx, YS_EINVAL, "--doc '%s': expected a disclosure id (yusuan import --list)", docid);
		}
	} else if ((r = ys_store_latest_doc(ctx, st, &id))) {
		ys_store_close(st);
		return r;
	}
	r = ys_store_load_doc(ctx, st, id, out);
	ys_store_close(st);
	return r;
}

static int print_info(const ys_doc_info *d, void *arg)
{
	(void)arg;
	printf("%lld\t%s\t%d\t%d tables\t%s\t%s\n", (long long)d->id, d->imported_at, d->year, d->ntables, d->department,
	       d->file);
	return 0;
}

int cmd_import(int argc, char **argv)
{
	const char *file = NULL, *db = NULL;
	int list = 0, replace = 0;
	for (int i = 1; i < argc; i++) {
		int missing = 0;
		const char *v;
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			fputs(usage, stdout);
			return EXIT_OK;
		} else if (!strcmp(argv[i], "--list")) {
			list = 1;
		} else if (!strcmp(argv[i], "--replace")) {
			replace = 1;
		} else if ((v = cli_opt_value(argc, argv, &i, "--db", &missing))) {
			db = v;
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
	if (!db)
		return cli_usage_error(usage, "--db PATH is required");
	if (!file && !list)
		return cli_usage_error(usage, "no file given");

	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = NULL;
	/* read everything before touching the database */
	char hash[YS_HASH_HEX];
	if (file && (ys_doc_read_file(&ctx, file, &doc) || ys_store_hash_file(&ctx, file, hash))) {
		ys_doc_free(doc);
		return cli_fail(&ctx);
	}
	ys_store *st;
	if (ys_store_open(&ctx, db, &st)) {
		ys_doc_free(doc);
		return cli_fail(&ctx);
	}
	int rc = EXIT_OK;
	if (doc) {
		int64_t id, replaced;
		if (ys_store_import_doc(&ctx, st, doc, hash, replace, &id, &replaced)) {
			rc = cli_fail(&ctx);
		} else {
			if (replaced)
				printf("替换了内容相同的公开表 %lld\n", (long long)replaced);
			int rows = 0;
			for (int i = 0; i < YS_NTABLES; i++)
				rows += doc->tables[i] ? doc->tables[i]->nrows : 0;
			printf("imported %s as disclosure %lld: %d tables, %d rows, %s %d\n", file, (long long)id,
			       doc->ntables, rows, doc->department[0] ? doc->department : "(department not stated)", doc->year);
		}
	}
	if (rc == EXIT_OK && list && ys_store_list_docs(&ctx, st, print_info, NULL))
		rc = cli_fail(&ctx);
	ys_store_close(st);
	ys_doc_free(doc);
	return rc;
}

ys_result cli_store_budget(ys_ctx *ctx, const char *db, const char *source, const ys_budget *b, const ys_doc *doc)
{
	ys_store *st;
	ys_result r = ys_store_open(ctx, db, &st);
	if (r)
		return r;
	int64_t id;
	r = ys_store_save_budget(ctx, st, b, source, doc, &id);
	ys_store_close(st);
	return r;
}

ys_result cli_load_budget(ys_ctx *ctx, const char *db, ys_budget **out)
{
	struct stat sb;
	*out = NULL;
	const char *path = !strncmp(db, "sqlite:", 7) ? db + 7 : db;
	if (stat(path, &sb) != 0)
		return ys_error(ctx, YS_ESTORE, "%s: no such database: %s", path, strerror(errno));
	ys_store *st;
	ys_result r = ys_store_open(ctx, db, &st);
	if (r)
		return r;
	int64_t id;
	if (!(r = ys_store_latest_budget(ctx, st, &id)))
		r = ys_store_load_budget(ctx, st, id, out);
	ys_store_close(st);
	return r;
}
