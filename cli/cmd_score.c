/*
 * cmd_score.c - yusuan score FILE… | PATH… --jobs N [--format F] [--items FILE]
 *
 * A transparency score per disclosure (score.h): each document is read and
 * checked as `check` does, then scored item by item.  Many documents are
 * the library's document set (docset.h), as for `check --jobs`, and are
 * ranked.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

typedef struct score_opts {
	const char *itemsfile, *catdir;
	int fmt, jobs, ranking;
} score_opts;

static const char *const usage[] = {
	"score FILE [PART2.pdf …] [选项]      （一份文档）",
	"score PATH… [--jobs N] [选项]          （多份文档：文件或文件夹，排名）",
	NULL,
};

static const cli_arg args[] = {
	{ "FILE", "公开文件：文本、XLSX、PDF 或 yusuan 的 JSON；一份文档分在几个 PDF 文件中时给出每个" },
	{ "PATH…", "多份文档：文件或文件夹（见 --jobs）" },
	{ NULL, NULL },
};

static const char *const formats[] = { "text", "json", "csv", NULL };

static const cli_opt options[] = {
	CLI_CHOICE(0, "format", score_opts, fmt, "F", formats,
	           "text（默认）、json（每项的得分与依据）、csv（多份文档：每份一行）"),
	CLI_STRING(0, "items", score_opts, itemsfile, "FILE", "另一份评分项文件"),
	CLI_INT(0, "jobs", score_opts, jobs, "N", 1, 64,
	        "多份文档：N 个线程（默认 1）；给出文件夹时也按多份文档排名。文档的\n"
	        "分组同 yusuan check（X.text.pdf 与 X.tables.pdf 为一份）"),
	CLI_FLAG(0, "ranking", score_opts, ranking, "多份文档：只列排名，不列各项"),
	CLI_STRING(0, "catalog", score_opts, catdir, "DIR", "分类目录文件夹（检查所用；默认：随程序的 data/catalog）"),
	CLI_END,
};

static int cmd_score(void *arg, int argc, char **argv);

const cli_command cli_cmd_score = {
	.name = "score",
	.summary = "透明度评分：逐项给分并说明依据；多份文档时排名",
	.usage = usage,
	.description =
		"按公开目录和评估原则给每份公开打透明度分，逐项给出得分和依据（页、表、找到了什么）：\n"
		"目录中的每张表是否公开且完整；“三公”经费是否分项、公务用车是否分购置和运行；机关运行\n"
		"经费；政府采购是否按货物、工程、服务；中小企业份额；国有资产占用；项目和整体绩效目标；\n"
		"名词解释；增减变化的原因；以及可机读（有文字层）、覆盖率、数字一致（yusuan 的检查）、\n"
		"公开完整。评分项和分值是数据：data/score/items.txt（docs/score.md）。\n",
	.args = args,
	.opts = options,
	.exit_codes = "退出码：0 已评分，2 用法错误，3 有文档读不了（多份文档时它排在最后，得 0 分），\n"
	              "        4 无法写出\n",
	.max_args = -1,
	.opts_size = sizeof(score_opts),
	.run = cmd_score,
};

typedef struct run {
	const char *catdir;
	const ys_score_items *items;
	ys_score **scores;
	int progress, unreadable_dir;
} run;

/* Read, check and score one document; the score (or why it could not be read). */
static ys_result score_one(ys_ctx *ctx, const char *catdir, const ys_score_items *items, const ys_docjob *j,
                           ys_score **out)
{
	ys_doc *doc = NULL;
	ys_catalog *cat = NULL;
	ys_report *rep = NULL;
	ys_result r = ys_docjob_read(ctx, j, &doc);
	if (!r && ys_catalog_open(ctx, catdir, doc->year ? doc->year : 9999, &cat))
		cat = NULL; /* the classification rules are left out, as check does without a catalog */
	if (!r) {
		ys_check_opts opts = { cat, NULL, NULL };
		r = ys_check(ctx, doc, &opts, &rep);
	}
	if (!r)
		r = ys_score_doc(ctx, doc, rep, items, out);
	ys_report_free(rep);
	ys_catalog_free(cat);
	ys_doc_free(doc);
	return r;
}

static void one(size_t i, const ys_docjob *j, void *arg)
{
	run *R = arg;
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	if (score_one(&ctx, R->catdir, R->items, j, &R->scores[i])) {
		ys_ctx c2;
		ys_ctx_init(&c2);
		ys_score_failed(&c2, j->name, ctx.msg[0] ? ctx.msg : ys_strerror(ctx.code), R->items, &R->scores[i]);
	} else if (j->nfiles > 1) { /* named by all its files, as check names it */
		const char *name = ys_arena_strdup(&R->scores[i]->arena, j->name);
		if (name)
			R->scores[i]->file = name;
	}
}

static void progress(size_t done, size_t total, const ys_docjob *j, void *arg)
{
	run *R = arg;
	if (R->progress)
		fprintf(stderr, "\r\033[K评分中 %zu/%zu  %s", done, total, j->name);
}

static void bad_dir(void *arg, const char *path, int err)
{
	run *R = arg;
	fprintf(stderr, "yusuan: %s：文件夹无法读取：%s\n", path, strerror(err));
	R->unreadable_dir = 1;
}

static int cmd_score(void *arg, int argc, char **argv)
{
	static const ys_report_format fmts[] = { YS_REPORT_TEXT, YS_REPORT_JSON, YS_REPORT_CSV };
	const score_opts *o = arg;
	const char *itemsfile = o->itemsfile, *catdir = o->catdir;
	int fmt = o->fmt, jobs = o->jobs, npaths = argc, folder = 0, ranking = o->ranking, rc = -1;
	char **paths = argv;
	for (int i = 0; i < npaths; i++) {
		struct stat st;
		folder |= stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode);
	}
	int many = jobs > 0 || folder;
	if (!npaths)
		return cli_usage_error(&cli_cmd_score, "没有给出文件");
	if (!many && npaths > YS_DOC_FILES_MAX)
		return cli_usage_error(&cli_cmd_score, "一份文档最多 %d 个文件（多份文档用 --jobs N）", YS_DOC_FILES_MAX);
	if (!many && fmt == 2)
		return cli_usage_error(&cli_cmd_score, "--format csv 用于多份文档（--jobs N 或文件夹）");
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_score_items *items = NULL;
	if (ys_score_items_load(&ctx, itemsfile, &items))
		return cli_fail(&ctx);
	char root[4096];
	if (catdir)
		snprintf(root, sizeof root, "%s", catdir);
	else
		ys_catalog_default_root(root, sizeof root);
	ys_buf out = YS_BUF_INIT;
	if (!many) {
		ys_docjob j;
		memset(&j, 0, sizeof j);
		for (int i = 0; i < npaths; i++)
			j.files[j.nfiles++] = paths[i];
		j.name = paths[0];
		ys_score *s = NULL;
		ys_buf name = YS_BUF_INIT;
		for (int i = 0; i < npaths; i++)
			ys_buf_addf(&name, "%s%s", i ? " + " : "", paths[i]);
		if (score_one(&ctx, root, items, &j, &s))
			rc = cli_fail(&ctx);
		else if (npaths > 1 && !name.oom && !(s->file = ys_arena_strdup(&s->arena, name.s)))
			rc = EXIT_INPUT;
		else if (ys_score_render(&ctx, s, fmts[fmt], &out))
			rc = cli_fail(&ctx);
		else
			rc = cli_write_stdout(&out);
		ys_score_free(s);
		ys_buf_release(&name);
	} else {
		run R = { root, items, NULL, isatty(STDERR_FILENO), 0 };
		ys_docset *set = NULL;
		if (ys_docset_collect(&ctx, (const char *const *)paths, npaths, bad_dir, &R, &set)) {
			rc = cli_fail(&ctx);
		} else if (!ys_docset_count(set)) {
			fprintf(stderr, "yusuan: 没有找到可评分的文件（*.pdf *.xlsx *.txt *.json）\n");
			rc = EXIT_INPUT;
		} else if (!(R.scores = calloc(ys_docset_count(set), sizeof *R.scores))) {
			fprintf(stderr, "yusuan: 内存不足\n");
			rc = EXIT_INPUT;
		} else {
			size_t n = ys_docset_count(set);
			ys_docset_run(set, jobs ? jobs : 1, one, progress, &R);
			if (R.progress)
				fputs("\r\033[K", stderr);
			int failed = R.unreadable_dir;
			for (size_t i = 0; i < n; i++)
				failed |= !R.scores[i] || R.scores[i]->error != NULL;
			int oom = 0;
			for (size_t i = 0; i < n; i++)
				oom |= !R.scores[i];
			if (oom) {
				fprintf(stderr, "yusuan: 内存不足\n");
				rc = EXIT_INPUT;
			} else if (ys_score_render_run(&ctx, R.scores, n, items, fmts[fmt], !ranking, &out)) {
				rc = cli_fail(&ctx);
			} else {
				rc = cli_write_stdout(&out);
				if (!rc && failed)
					rc = EXIT_INPUT;
			}
			for (size_t i = 0; i < n; i++)
				ys_score_free(R.scores[i]);
			free(R.scores);
		}
		ys_docset_free(set);
	}
	ys_buf_release(&out);
	ys_score_items_free(items);
	return rc;
}
