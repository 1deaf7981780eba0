/*
 * cmd_check.c - yusuan check FILE | PATH… [--jobs N] | --db PATH [--doc ID]
 *               [--format text|json|csv] [--catalog DIR] [--explain ID]
 *
 * Check disclosures by every rule.  One document: read, check, and the library renders the report
 * (ys_render_report).  Several documents (folders, or --jobs): the files are
 * grouped into documents by name (X.text.pdf + X.tables.pdf, X.part1.pdf +
 * X.part2.pdf), checked by N threads - each document on one thread with its
 * own catalog, so no library object is shared - and summarised one row per
 * document (ys_render_run).
 */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

typedef struct check_opts {
	const char *db, *docid, *catdir, *rule, *prevfile, *explain;
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
	.exit_codes = "退出码：0 没有错误（可能列出警告和提示），1 有错误，2 用法错误，3 输入无法读取，\n"
	              "        4 数据库或输出错误。多份文档时：有一份无法读取即为 3（优先于 1），否则有一份\n"
	              "        有错误即为 1\n",
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

/* At most this many files make one document (X.part1.pdf … X.part9.pdf). */
#define DOC_FILES_MAX 9
/* Folders nested deeper than this are not entered. */
#define DEPTH_MAX 32

typedef struct file_ent {
	char *path;
	char *key;  /* documents are files with one key: folder/stem without its part suffix */
	int rank;   /* order within the document: .text 0, .partN N, .tables 1000 */
} file_ent;

typedef struct doc_job {
	const char *files[DOC_FILES_MAX];
	int nfiles;
	int toomany;
	char *name; /* the files joined by " + " */
} doc_job;

typedef struct run {
	const setup *S;
	doc_job *jobs;
	ys_docsum *sums;
	size_t njobs, next, done;
	pthread_mutex_t mu;
	int progress;
} run;

static int ends_with_ci(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n >= k && !strncasecmp(s + n - k, suffix, k);
}

static int wanted(const char *name)
{
	size_t n = strlen(name);
	return ends_with_ci(name, n, ".pdf") || ends_with_ci(name, n, ".xlsx") || ends_with_ci(name, n, ".txt") ||
	       ends_with_ci(name, n, ".json");
}

/*
 * The pairing rule: a PDF named STEM.text.pdf, STEM.tables.pdf or
 * STEM.partN.pdf is one part of the document STEM in its folder; the parts
 * are read in the order text, part1, part2 …, tables.  Any other file is a
 * document by itself.
 */
static int part_of(const char *path, char **key, int *rank)
{
	size_t n = strlen(path);
	*key = NULL;
	*rank = 0;
	if (!ends_with_ci(path, n, ".pdf"))
		return 0;
	size_t stem = n - 4;
	const char *slash = strrchr(path, '/');
	size_t base = slash ? (size_t)(slash - path) + 1 : 0;
	if (ends_with_ci(path, stem, ".text") && stem - 5 > base) {
		stem -= 5;
		*rank = 0;
	} else if (ends_with_ci(path, stem, ".tables") && stem - 7 > base) {
		stem -= 7;
		*rank = 1000;
	} else {
		size_t d = stem;
		while (d > base && path[d - 1] >= '0' && path[d - 1] <= '9')
			d--;
		if (d == stem || stem - d > 3 || !ends_with_ci(path, d, ".part") || d - 5 <= base)
			return 0;
		*rank = atoi(path + d);
		stem = d - 5;
	}
	*key = strndup(path, stem);
	return *key ? 1 : -1;
}

typedef struct flist {
	file_ent *v;
	size_t n, cap;
	int oom;
} flist;

static void add_file(flist *L, const char *path)
{
	char *p = strdup(path);
	if (!p || ys_grow((void **)&L->v, &L->cap, L->n + 1, sizeof *L->v)) {
		free(p);
		L->oom = 1;
		return;
	}
	L->v[L->n].path = p;
	L->v[L->n].key = NULL;
	L->v[L->n].rank = 0;
	L->n++;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The wanted files under dir, recursively, in name order.  Returns 0 or an
 * errno for a folder that cannot be read. */
static int walk(flist *L, const char *dir, int depth)
{
	if (depth > DEPTH_MAX)
		return 0;
	DIR *d = opendir(dir);
	if (!d)
		return errno ? errno : EIO;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char *s = strdup(e->d_name);
		if (!s || ys_grow((void **)&names, &cap, n + 1, sizeof *names)) {
			free(s);
			L->oom = 1;
			break;
		}
		names[n++] = s;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_str);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(dir) + strlen(names[i]) + 2;
		char *p = malloc(len);
		if (!p) {
			L->oom = 1;
			break;
		}
		snprintf(p, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
		struct stat st, lst;
		/* a link to a folder is not followed (no cycles); a link to a file is */
		int link = lstat(p, &lst) == 0 && S_ISLNK(lst.st_mode);
		if (stat(p, &st) == 0 && S_ISDIR(st.st_mode) && !link) {
			int r = walk(L, p, depth + 1);
			rc = rc ? rc : r;
		} else if (stat(p, &st) == 0 && S_ISREG(st.st_mode) && wanted(names[i])) {
			add_file(L, p);
		}
		free(p);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

static int cmp_ent(const void *a, const void *b)
{
	const file_ent *x = a, *y = b;
	const char *kx = x->key ? x->key : x->path, *ky = y->key ? y->key : y->path;
	int c = strcmp(kx, ky);
	if (c)
		return c;
	if (!x->key != !y->key) /* a file by itself before a document of parts named like it */
		return x->key ? 1 : -1;
	if (x->rank != y->rank)
		return x->rank - y->rank;
	return strcmp(x->path, y->path);
}

/* Group the files into documents (R->jobs). */
static int group(flist *L, run *R)
{
	for (size_t i = 0; i < L->n; i++)
		if (part_of(L->v[i].path, &L->v[i].key, &L->v[i].rank) < 0)
			return -1;
	qsort(L->v, L->n, sizeof *L->v, cmp_ent);
	R->jobs = calloc(L->n ? L->n : 1, sizeof *R->jobs);
	if (!R->jobs)
		return -1;
	for (size_t i = 0; i < L->n; i++) {
		const file_ent *f = &L->v[i];
		if (i && !strcmp(f->path, L->v[i - 1].path))
			continue; /* the same file named twice */
		doc_job *j = R->njobs ? &R->jobs[R->njobs - 1] : NULL;
		const file_ent *prev = i ? &L->v[i - 1] : NULL;
		if (!j || !f->key || !prev->key || strcmp(f->key, prev->key))
			j = &R->jobs[R->njobs++];
		if (j->nfiles < DOC_FILES_MAX)
			j->files[j->nfiles++] = f->path;
		else
			j->toomany = 1;
	}
	for (size_t i = 0; i < R->njobs; i++) {
		ys_buf b = YS_BUF_INIT;
		for (int k = 0; k < R->jobs[i].nfiles; k++)
			ys_buf_addf(&b, "%s%s", k ? " + " : "", R->jobs[i].files[k]);
		R->jobs[i].name = ys_buf_detach(&b, NULL);
		if (!R->jobs[i].name)
			return -1;
	}
	return 0;
}

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void check_one(const setup *S, const doc_job *j, ys_docsum *sum)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = NULL;
	ys_catalog *cat = NULL;
	ys_report *rep = NULL;
	if (j->toomany)
		ys_error(&ctx, YS_ELIMIT, "一份文档最多 %d 个文件", DOC_FILES_MAX);
	else if (!read_doc(&ctx, j->files, j->nfiles, &doc) && !open_catalog(&ctx, S, doc->year, &cat)) {
		ys_check_opts opts = { cat, S->rule, NULL };
		if (!ys_check(&ctx, doc, &opts, &rep))
			ys_docsum_fill(&ctx, sum, j->name, rep);
	}
	if (ctx.code)
		ys_docsum_fail(&ctx, sum, j->name, ctx.msg[0] ? ctx.msg : ys_strerror(ctx.code));
	ys_report_free(rep);
	ys_catalog_free(cat);
	ys_doc_free(doc);
}

static void *worker(void *arg)
{
	run *R = arg;
	for (;;) {
		pthread_mutex_lock(&R->mu);
		size_t i = R->next++;
		pthread_mutex_unlock(&R->mu);
		if (i >= R->njobs)
			break;
		int64_t t0 = now_ms();
		check_one(R->S, &R->jobs[i], &R->sums[i]);
		R->sums[i].ms = now_ms() - t0;
		pthread_mutex_lock(&R->mu);
		R->done++;
		if (R->progress)
			fprintf(stderr, "\r\033[K检查中 %zu/%zu  %s", R->done, R->njobs, R->jobs[i].name);
		pthread_mutex_unlock(&R->mu);
	}
	return NULL;
}

static int check_many(const setup *S, char **paths, int npaths, int jobs, ys_report_format fmt)
{
	flist L = { 0 };
	run R;
	memset(&R, 0, sizeof R);
	R.S = S;
	int rc = EXIT_OK;
	for (int i = 0; i < npaths && !L.oom; i++) {
		struct stat st;
		if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			int e = walk(&L, paths[i], 0);
			if (e) {
				fprintf(stderr, "yusuan: %s：文件夹无法读取：%s\n", paths[i], strerror(e));
				rc = EXIT_INPUT;
			}
		} else {
			add_file(&L, paths[i]); /* a file that cannot be read is a row that says so */
		}
	}
	if (!L.oom && group(&L, &R))
		L.oom = 1;
	if (L.oom) {
		fprintf(stderr, "yusuan: 内存不足\n");
		rc = EXIT_INPUT;
		goto done;
	}
	if (R.njobs == 0) {
		fprintf(stderr, "yusuan: 没有找到可检查的文件（*.pdf *.xlsx *.txt *.json）\n");
		rc = EXIT_INPUT;
		goto done;
	}
	R.sums = calloc(R.njobs, sizeof *R.sums);
	if (!R.sums) {
		fprintf(stderr, "yusuan: 内存不足\n");
		rc = EXIT_INPUT;
		goto done;
	}
	R.progress = isatty(STDERR_FILENO);
	pthread_mutex_init(&R.mu, NULL);
	if ((size_t)jobs > R.njobs)
		jobs = (int)R.njobs;
	pthread_t th[64];
	int started = 0;
	for (int k = 1; k < jobs; k++) {
		if (pthread_create(&th[started], NULL, worker, &R))
			break; /* fewer threads: the others take the work */
		started++;
	}
	worker(&R);
	for (int k = 0; k < started; k++)
		pthread_join(th[k], NULL);
	pthread_mutex_destroy(&R.mu);
	if (R.progress)
		fputs("\r\033[K", stderr);

	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_buf out = YS_BUF_INIT;
	if (ys_render_run(&ctx, R.sums, R.njobs, fmt, &out)) {
		rc = cli_fail(&ctx);
	} else {
		int w = cli_write_stdout(&out);
		int failed = 0, errors = 0;
		for (size_t i = 0; i < R.njobs; i++) {
			failed |= R.sums[i].error != NULL;
			errors |= R.sums[i].count[YS_SEV_ERROR] > 0;
		}
		/* unreadable wins: a run that could not read everything is not
		 * merely a run with findings */
		if (w)
			rc = w;
		else if (failed || rc == EXIT_INPUT)
			rc = EXIT_INPUT;
		else
			rc = errors ? EXIT_FINDINGS : EXIT_OK;
	}
	ys_buf_release(&out);
done:
	for (size_t i = 0; R.sums && i < R.njobs; i++)
		ys_docsum_release(&R.sums[i]);
	free(R.sums);
	for (size_t i = 0; R.jobs && i < R.njobs; i++)
		free(R.jobs[i].name);
	free(R.jobs);
	for (size_t i = 0; i < L.n; i++) {
		free(L.v[i].path);
		free(L.v[i].key);
	}
	free(L.v);
	return rc;
}

/* ---- one document ------------------------------------------------------------ */

static int check_one_doc(const setup *S, char **files, int nfiles, const char *db, const char *docid,
                         const char *prevfile, ys_report_format fmt)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = NULL, *prev = NULL;
	ys_catalog *cat = NULL;
	ys_report *rep = NULL;
	int rc;
	if (db ? cli_load_from_db(&ctx, db, docid, &doc) : read_doc(&ctx, (const char *const *)files, nfiles, &doc))
		return cli_fail(&ctx);
	if (open_catalog(&ctx, S, doc->year, &cat) || (prevfile && ys_doc_read_file(&ctx, prevfile, &prev))) {
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
	const check_opts *o = arg;
	const char *db = o->db, *docid = o->docid, *prevfile = o->prevfile;
	int jobs = o->jobs, npaths = argc, folder = 0, rc = -1;
	char **paths = argv;
	if (o->explain)
		return explain(o->explain);
	for (int i = 0; i < o->catfiles.n; i++)
		if (!strchr(o->catfiles.v[i], '='))
			return cli_usage_error(&cli_cmd_check, "--catalog-file 的值是 KIND=PATH，而不是“%s”", o->catfiles.v[i]);
	if (o->rule && !ys_rule_find(o->rule))
		return cli_usage_error(&cli_cmd_check, "没有规则“%s”（yusuan rules 列出规则）", o->rule);
	for (int i = 0; i < npaths; i++) {
		struct stat st;
		folder |= stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode);
	}
	int many = jobs > 0 || folder;
	if (!npaths == !db)
		rc = cli_usage_error(&cli_cmd_check, npaths ? "FILE 与 --db 只能给一个" : "没有给出文件");
	else if (docid && !db)
		rc = cli_usage_error(&cli_cmd_check, "--doc 与 --db 一起用");
	else if (many && prevfile)
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
		rc = check_one_doc(&S, paths, npaths, db, docid, prevfile, fmts[o->fmt]);
	}
	return rc;
}
