/*
 * cmd_check.c - yusuan check FILE | PATH… [--jobs N] | --db PATH [--doc ID]
 *               [--format text|json|csv] [--catalog DIR] [--explain ID]
 *
 * One document: read, check, and the library renders the report
 * (ys_render_report).  Several documents (folders, or --jobs): the library
 * groups the files into documents by name (X.text.pdf + X.tables.pdf,
 * X.part1.pdf + X.part2.pdf) and runs N threads (docset.h) - each document
 * on one thread with its own catalog, so no library object is shared - and
 * they are summarised one row per document (ys_render_run).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

typedef struct check_opts {
	const char *db, *docid, *catdir, *rule, *prevfile, *prevdoc, *explain;
	cli_list catfiles;
	int fmt, jobs;
} check_opts;

static const char *const usage[] = {
	"check FILE [选项]",
	"check PART1.pdf PART2.pdf [选项]     （一份文档分在几个 PDF 文件中）",
	"check PATH... --jobs N [选项]         （多份文档：文件或文件夹）",
	"check --db PATH [--doc ID] [选项]",
	"check --explain RULE",
	NULL,
};

static const cli_arg args[] = {
	{ "FILE", "公开文件：文本、XLSX、PDF 或 yusuan 的 JSON，任何版式" },
	{ "PATH...", "多份文档：文件或文件夹（见 --jobs）" },
	{ NULL, NULL },
};

static const char *const formats[] = { "text", "json", "csv", NULL };

static const cli_opt options[] = {
	CLI_CHOICE(0, "format", check_opts, fmt, "F", formats,
	           "text（按表分组，默认）、json、csv（每条发现一行；RFC 4180，UTF-8 带 BOM）"),
	CLI_STRING(0, "catalog", check_opts, catdir, "DIR", "分类目录文件夹（默认：随程序的 data/catalog）"),
	CLI_LIST(0, "catalog-file", check_opts, catfiles, "K=P",
	         "替换目录中的一个文件（K：function、dept_econ、gov_econ、revenue、map、variants）；\n可给多次"),
	CLI_STRING(0, "rule", check_opts, rule, "ID", "只运行这一条规则"),
	CLI_STRING(0, "previous", check_opts, prevfile, "FILE", "上年的公开文件：加上同比规则（yoy.*）"),
	CLI_STRING(0, "previous-doc", check_opts, prevdoc, "ID", "与 --db 一起：上年的公开文件是库中编号为 ID 的文档"),
	CLI_STRING(0, "db", check_opts, db, "PATH", "检查 'yusuan import' 存入的文档（最新的，或 --doc ID）"),
	CLI_STRING(0, "doc", check_opts, docid, "ID", "与 --db 一起：检查编号为 ID 的文档（yusuan import --list）"),
	CLI_INT(0, "jobs", check_opts, jobs, "N", 1, 64,
	        "多份文档：N 个线程同时检查（默认 1）；给出文件夹时也按多份文档检查。\n"
	        "文件夹递归读取 *.pdf *.xlsx *.txt *.json；同一文件夹中 X.text.pdf 与\n"
	        "X.tables.pdf、X.part1.pdf 与 X.part2.pdf … 合为一份文档。每份文档一行：\n"
	        "表数、覆盖率、等式、错误、警告、秒数；--format json|csv 给出整次运行"),
	CLI_STRING(0, "explain", check_opts, explain, "ID", "说明一条规则检查什么，然后退出"),
	CLI_END,
};

static int cmd_check(void *arg, int argc, char **argv);

const cli_command cli_cmd_check = {
	.name = "check",
	.summary = "按全部规则检查公开文件（或已存的公开文件）",
	.usage = usage,
	.description = "按全部规则检查公开的预算（yusuan rules 列出规则），并说明读到了什么：每张表的行数、\n"
	               "读到的金额格、无法读取的金额格和核对的等式数；覆盖率 = 读到的 /（读到的 + 无法读取的）。\n",
	.args = args,
	.opts = options,
	.exit_codes = "退出码：0 没有错误（可能列出警告和提示），1 有错误，2 用法错误，3 输入被拒绝或读不了\n"
	              "        （也包括：--previous 是另一部门的公开表），4 数据库或输出错误。多份文档时：有一份\n"
	              "        无法读取即为 3（优先于 1），否则有一份有错误即为 1\n",
	.max_args = -1,
	.opts_size = sizeof(check_opts),
	.run = cmd_check,
};

static const ys_rule *find_any_rule(const char *id)
{
	const ys_rule *r = ys_rule_find(id);
	size_t n;
	const ys_rule *d = ys_detail_rules(&n);
	for (size_t i = 0; !r && i < n; i++)
		if (!strcmp(d[i].id, id))
			r = &d[i];
	return r;
}

static int explain(const char *id)
{
	const ys_rule *r = find_any_rule(id);
	if (!r) {
		fprintf(stderr, "yusuan: 没有规则“%s”（yusuan rules 列出规则）\n", id);
		return EXIT_USAGE;
	}
	printf("%s  [%s, %s]  tables: %s\n%s\n\n%s\n", r->id, ys_severity_name(r->sev), r->family, r->scope, r->title,
	       r->explain);
	return EXIT_OK;
}

/* What every document of a run is checked with. */
typedef struct setup {
	const char *catdir;        /* resolved once: the default root is a static buffer */
	const char *const *catfiles;
	int ncatfiles;
	const char *rule;
} setup;

/* Open the catalog for a document's year, with --catalog-file replacements. */
static ys_result open_catalog(ys_ctx *ctx, const setup *S, int year, ys_catalog **cat)
{
	if (ys_catalog_open(ctx, S->catdir, year ? year : 9999, cat))
		return ctx->code;
	for (int i = 0; i < S->ncatfiles; i++) {
		char kind[32];
		const char *eq = strchr(S->catfiles[i], '=');
		snprintf(kind, sizeof kind, "%.*s", (int)(eq - S->catfiles[i]), S->catfiles[i]);
		if (ys_catalog_load_file(ctx, *cat, kind, eq + 1)) {
			ys_catalog_free(*cat);
			*cat = NULL;
			return ctx->code;
		}
	}
	return YS_OK;
}

/* Read one document from its files: one of any kind, or several PDFs. */
static ys_result read_doc(ys_ctx *ctx, const char *const *files, int n, ys_doc **doc)
{
	return n == 1 ? ys_doc_read_file(ctx, files[0], doc) : ys_doc_read_pdfs(ctx, files, n, doc);
}

/* ---- many documents ------------------------------------------------------- */

/* The documents come from the library's set (docset.h): folders walked,
 * parts paired, a run on N threads; score reads a corpus the same way. */
#define DOC_FILES_MAX YS_DOC_FILES_MAX

typedef struct run {
	const setup *S;
	ys_docsum *sums;
	int progress;
	int unreadable_dir;
} run;

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void check_one(size_t i, const ys_docjob *j, void *arg)
{
	run *R = arg;
	ys_docsum *sum = &R->sums[i];
	int64_t t0 = now_ms();
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = NULL;
	ys_catalog *cat = NULL;
	ys_report *rep = NULL;
	if (!ys_docjob_read(&ctx, j, &doc) && !open_catalog(&ctx, R->S, doc->year, &cat)) {
		ys_check_opts opts = { cat, R->S->rule, NULL };
		if (!ys_check(&ctx, doc, &opts, &rep))
			ys_docsum_fill(&ctx, sum, j->name, rep);
	}
	if (ctx.code)
		ys_docsum_fail(&ctx, sum, j->name, ctx.msg[0] ? ctx.msg : ys_strerror(ctx.code));
	ys_report_free(rep);
	ys_catalog_free(cat);
	ys_doc_free(doc);
	sum->ms = now_ms() - t0;
}

static void progress(size_t done, size_t total, const ys_docjob *j, void *arg)
{
	run *R = arg;
	if (R->progress)
		fprintf(stderr, "\r\033[K检查中 %zu/%zu  %s", done, total, j->name);
}

static void bad_dir(void *arg, const char *path, int err)
{
	run *R = arg;
	fprintf(stderr, "yusuan: %s：文件夹无法读取：%s\n", path, strerror(err));
	R->unreadable_dir = 1;
}

static int check_many(const setup *S, char **paths, int npaths, int jobs, ys_report_format fmt)
{
	run R;
	memset(&R, 0, sizeof R);
	R.S = S;
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_docset *set = NULL;
	int rc = EXIT_OK;
	if (ys_docset_collect(&ctx, (const char *const *)paths, npaths, bad_dir, &R, &set))
		return cli_fail(&ctx);
	size_t n = ys_docset_count(set);
	if (n == 0) {
		fprintf(stderr, "yusuan: 没有找到可检查的文件（*.pdf *.xlsx *.txt *.json）\n");
		ys_docset_free(set);
		return EXIT_INPUT;
	}
	R.sums = calloc(n, sizeof *R.sums);
	if (!R.sums) {
		fprintf(stderr, "yusuan: 内存不足\n");
		ys_docset_free(set);
		return EXIT_INPUT;
	}
	R.progress = isatty(STDERR_FILENO);
	ys_docset_run(set, jobs, check_one, progress, &R);
	if (R.progress)
		fputs("\r\033[K", stderr);

	ys_buf out = YS_BUF_INIT;
	if (ys_render_run(&ctx, R.sums, n, fmt, &out)) {
		rc = cli_fail(&ctx);
	} else {
		int w = cli_write_stdout(&out);
		int failed = 0, errors = 0;
		for (size_t i = 0; i < n; i++) {
			failed |= R.sums[i].error != NULL;
			errors |= R.sums[i].count[YS_SEV_ERROR] > 0;
		}
		/* unreadable wins: a run that could not read everything is not
		 * merely a run with findings */
		if (w)
			rc = w;
		else if (failed || R.unreadable_dir)
			rc = EXIT_INPUT;
		else
			rc = errors ? EXIT_FINDINGS : EXIT_OK;
	}
	ys_buf_release(&out);
	for (size_t i = 0; i < n; i++)
		ys_docsum_release(&R.sums[i]);
	free(R.sums);
	ys_docset_free(set);
	return rc;
}

/* ---- one document ------------------------------------------------------------ */

static int check_one_doc(const setup *S, char **files, int nfiles, const char *db, const char *docid,
                         const char *prevfile, const char *prevdoc, ys_report_format fmt)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = NULL, *prev = NULL;
	ys_catalog *cat = NULL;
	ys_report *rep = NULL;
	int rc;
	if (db ? cli_load_from_db(&ctx, db, docid, &doc) : read_doc(&ctx, (const char *const *)files, nfiles, &doc))
		return cli_fail(&ctx);
	if (open_catalog(&ctx, S, doc->year, &cat) || (prevfile && ys_doc_read_file(&ctx, prevfile, &prev)) ||
	    (prevdoc && cli_load_from_db(&ctx, db, prevdoc, &prev))) {
		rc = cli_fail(&ctx);
		goto done;
	}
	ys_check_opts opts = { cat, S->rule, prev };
	if (ys_check(&ctx, doc, &opts, &rep)) {
		rc = cli_fail(&ctx);
		goto done;
	}
	ys_buf out = YS_BUF_INIT;
	if (ys_render_report(&ctx, doc, rep, fmt, &out))
		rc = cli_fail(&ctx);
	else if (!(rc = cli_write_stdout(&out)))
		rc = rep->count[YS_SEV_ERROR] ? EXIT_FINDINGS : EXIT_OK;
	ys_buf_release(&out);
done:
	ys_report_free(rep);
	ys_catalog_free(cat);
	ys_doc_free(doc);
	ys_doc_free(prev);
	return rc;
}

static int cmd_check(void *arg, int argc, char **argv)
{
	static const ys_report_format fmts[] = { YS_REPORT_TEXT, YS_REPORT_JSON, YS_REPORT_CSV };
	static const char *const kinds[] = { "function", "dept_econ", "gov_econ", "revenue", "map", "variants", NULL };
	const check_opts *o = arg;
	const char *db = o->db, *docid = o->docid, *prevfile = o->prevfile, *prevdoc = o->prevdoc;
	int jobs = o->jobs, npaths = argc, folder = 0, rc = -1;
	char **paths = argv;
	if (o->explain)
		return explain(o->explain);
	for (int i = 0; i < o->catfiles.n; i++) {
		const char *v = o->catfiles.v[i], *eq = strchr(v, '=');
		int known = 0;
		for (int k = 0; eq && kinds[k] && !known; k++)
			known = strlen(kinds[k]) == (size_t)(eq - v) && !strncmp(v, kinds[k], (size_t)(eq - v));
		if (!eq)
			return cli_usage_error(&cli_cmd_check, "--catalog-file 的值是 KIND=PATH，而不是“%s”", v);
		if (!known)
			return cli_usage_error(&cli_cmd_check,
			                       "--catalog-file 的 KIND“%.*s”：应为 function、dept_econ、gov_econ、revenue、map 或 variants",
			                       (int)(eq - v), v);
	}
	if (o->rule && !ys_rule_find(o->rule))
		return cli_usage_error(&cli_cmd_check, "没有规则“%s”（yusuan rules 列出规则）", o->rule);
	if (docid) {
		char *end;
		long long id = strtoll(docid, &end, 10);
		if (*end || id <= 0)
			return cli_usage_error(&cli_cmd_check, "--doc“%s”：应为公开文件编号（见 yusuan import --list）", docid);
	}
	if (prevdoc) {
		char *end;
		long long id = strtoll(prevdoc, &end, 10);
		if (*end || id <= 0)
			return cli_usage_error(&cli_cmd_check, "--previous-doc“%s”：应为公开文件编号（见 yusuan import --list）",
			                       prevdoc);
	}
	for (int i = 0; i < npaths; i++) {
		struct stat st;
		folder |= stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode);
	}
	int many = jobs > 0 || folder;
	if (!npaths == !db)
		rc = cli_usage_error(&cli_cmd_check, npaths ? "FILE 与 --db 只能给一个" : "没有给出文件");
	else if (docid && !db)
		rc = cli_usage_error(&cli_cmd_check, "--doc 与 --db 一起用");
	else if (prevdoc && !db)
		rc = cli_usage_error(&cli_cmd_check, "--previous-doc 与 --db 一起用");
	else if (prevdoc && prevfile)
		rc = cli_usage_error(&cli_cmd_check, "--previous 与 --previous-doc 只用一个");
	else if (many && (prevfile || prevdoc))
		rc = cli_usage_error(&cli_cmd_check, "--previous 只用于一份文档");
	else if (!many && npaths > DOC_FILES_MAX)
		rc = cli_usage_error(&cli_cmd_check, "一份文档最多 %d 个文件（多份文档用 --jobs N）", DOC_FILES_MAX);
	if (rc >= 0)
		return rc;

	/* the catalog folder is resolved here, once, for every thread */
	char root[4096];
	if (o->catdir)
		snprintf(root, sizeof root, "%s", o->catdir);
	else
		ys_catalog_default_root(root, sizeof root);
	setup S = { root, o->catfiles.v, o->catfiles.n, o->rule };
	if (many) {
		ys_ctx ctx;
		ys_ctx_init(&ctx);
		ys_catalog *cat = NULL;
		if (open_catalog(&ctx, &S, 0, &cat)) /* a bad --catalog is said once, not per document */
			rc = cli_fail(&ctx);
		else
			rc = check_many(&S, paths, npaths, jobs ? jobs : 1, fmts[o->fmt]);
		ys_catalog_free(cat);
	} else {
		rc = check_one_doc(&S, paths, npaths, db, docid, prevfile, prevdoc, fmts[o->fmt]);
	}
	return rc;
}
