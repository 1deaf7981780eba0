/*
 * cmd_import.c - yusuan import FILE --db PATH; yusuan import --list --db PATH
 * Store a disclosure in SQLite; the loading helpers of check and build.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

typedef struct import_opts {
	const char *db;
	int list, replace;
} import_opts;

static const char *const usage[] = {
	"import 文件 --db 数据库 [--replace]",
	"import --list --db 数据库",
	NULL,
};

static const cli_arg args[] = {
	{ "文件", "公开文件：文本、XLSX、PDF 或 yusuan 的 JSON，任何版式" },
	{ NULL, NULL },
};

static const cli_opt options[] = {
	CLI_STRING(0, "db", import_opts, db, "数据库", "数据库：SQLite 文件（不存在时创建）或 postgresql://…（必须给出）"),
	CLI_FLAG(0, "list", import_opts, list, "列出已存的公开文件"),
	CLI_FLAG(0, "replace", import_opts, replace, "同一文件已存过时，用它替换已存的那一份"),
	CLI_END,
};

static int cmd_import(void *arg, int argc, char **argv);

const cli_command cli_cmd_import = {
	.name = "import",
	.summary = "把公开文件存入数据库（SQLite 或 PostgreSQL；一个事务）",
	.usage = usage,
	.description = "读入一份公开文件（任何版式：文本、XLSX、PDF、yusuan 的 JSON），在一个事务中存入数据库\n"
	               "（SQLite 文件，或 postgresql://… 的 PostgreSQL）：读到的各表（其他版式的表连同其各列）、\n"
	               "表外的文字（情况说明）和未能读取的表题；出错则什么也不写。SQLite 文件不存在时创建。\n"
	               "--list 列出已存的公开文件。\n"
	               "同一文件（字节相同：保存其 SHA-256）再次导入会被拒绝，除非给出 --replace。\n",
	.args = args,
	.opts = options,
	.exit_codes = "退出码：0 已存入，2 用法错误，3 输入被拒绝或读不了（也包括：文件已存过而没有 --replace），\n"
	              "        4 数据库出错\n",
	.max_args = 1,
	.opts_size = sizeof(import_opts),
	.run = cmd_import,
};

/* A SQLite file that must be there already (reading must not create an
 * empty one); a PostgreSQL database is the server's to know. */
static ys_result existing_db(ys_ctx *ctx, const char *db)
{
	struct stat sb;
	if (!strncmp(db, "postgresql://", 13) || !strncmp(db, "postgres://", 11))
		return YS_OK;
	const char *path = !strncmp(db, "sqlite:", 7) ? db + 7 : db;
	if (stat(path, &sb) != 0)
		return ys_error(ctx, YS_ESTORE, "%s：没有这个数据库：%s", path, strerror(errno));
	return YS_OK;
}

ys_result cli_load_from_db(ys_ctx *ctx, const char *db, const char *docid, ys_doc **out)
{
	*out = NULL;
	if (existing_db(ctx, db))
		return ctx->code;
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
			return ys_error(ctx, YS_EINVAL, "--doc “%s”：应为公开文件编号（见 yusuan import --list）", docid);
		}
	} else if ((r = ys_store_latest_doc(ctx, st, &id))) {
		ys_store_close(st);
		return r;
	}
	r = ys_store_load_doc(ctx, st, id, out);
	ys_store_close(st);
	return r;
}

/* The folder a SQLite database file is to be created in, made when missing
 * (out/budget.db in a fresh clone), as -o makes its folder. */
static void db_folder(const char *db)
{
	if (strstr(db, "://"))
		return;
	const char *path = !strncmp(db, "sqlite:", 7) ? db + 7 : db;
	char dir[4096];
	snprintf(dir, sizeof dir, "%s", path);
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = 0;
		mkdir(dir, 0777); /* an existing folder is fine; a failure shows when the database is opened */
		*p = '/';
	}
}

static int print_info(const ys_doc_info *d, void *arg)
{
	(void)arg;
	printf("%lld\t%s\t%d\t%d 张表\t%s\t%s\n", (long long)d->id, d->imported_at, d->year, d->ntables, d->department,
	       d->file);
	return 0;
}

static int cmd_import(void *arg, int argc, char **argv)
{
	const import_opts *o = arg;
	const char *file = argc ? argv[0] : NULL, *db = o->db;
	int list = o->list, replace = o->replace;
	if (!db)
		return cli_usage_error(&cli_cmd_import, "须给出 --db 数据库");
	if (!file && !list)
		return cli_usage_error(&cli_cmd_import, "没有给出文件");

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
	if (file)
		db_folder(db);
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
			for (int i = 0; i < doc->nothers; i++)
				rows += doc->others[i]->nrows;
			printf("已导入 %s，公开文件编号 %lld：%d 张表，%d 行，%d 行表外文字；%s %d\n", file, (long long)id,
			       doc->ntables + doc->nothers, rows, doc->nprose,
			       doc->department[0] ? doc->department : "（未写明部门）", doc->year);
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
	db_folder(db);
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
	*out = NULL;
	if (existing_db(ctx, db))
		return ctx->code;
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
