/*
 * cmd_batch.c - yusuan batch FILE --year YYYY [-o OUTDIR] [--format text|json|none]
 * Compile every department of one export, streaming.
 */
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

typedef struct batch_opts {
	const char *outdir, *catdir;
	int fmt, year, threads;
} batch_opts;

static const char *const usage[] = {
	"batch 文件 --year 年度 [-o 输出目录] [--format text|json|none] [--catalog 目录]",
	NULL,
};

static const cli_arg args[] = {
	{ "文件", "支出明细 CSV：预算系统的导出，先是“部门”列，然后是单位、单位类型和明细" },
	{ NULL, NULL },
};

static const char *const formats[] = { "text", "json", "none", NULL };

static const cli_opt options[] = {
	CLI_INT(0, "year", batch_opts, year, "年度", 1990, 2200, "预算年度（必须给出：导出文件不写年度）"),
	CLI_STRING('o', NULL, batch_opts, outdir, "输出目录",
	           "每个部门写出 输出目录/<部门>.txt（或 .json）（默认 out/batch）"),
	CLI_CHOICE(0, "format", batch_opts, fmt, "F", formats,
	           "text（公开的版式，默认）、json，或 none：只编制，不写出"),
	CLI_INT(0, "threads", batch_opts, threads, "N", 1, 8, "工作线程数（默认每个处理器一个，最多 8 个）"),
	CLI_STRING(0, "catalog", batch_opts, catdir, "目录", "分类目录（默认：随程序的 data/catalog）"),
	CLI_END,
};

static int cmd_batch(void *arg, int argc, char **argv);

static const batch_opts defaults = { .outdir = "out/batch" };

const cli_command cli_cmd_batch = {
	.name = "batch",
	.summary = "编制一个明细导出文件中的每个部门（流式处理）",
	.usage = usage,
	.description = "把一个支出明细 CSV（预算系统的导出；见 docs/batch.md）中的每个部门编成其 13 张表，\n"
	               "逐个部门进行。同一部门的行须连在一起。\n",
	.args = args,
	.opts = options,
	.exit_codes = "退出码：0 完成，1 有部门的明细有错误（该部门不编制），2 用法错误，\n"
	              "        3 输入被拒绝或读不了（文件:行:列），4 无法写出\n",
	.max_args = 1,
	.opts_size = sizeof(batch_opts),
	.defaults = &defaults,
	.run = cmd_batch,
};

typedef struct bout {
	const char *dir;
	int fmt;
} bout;

static int write_dept(const ys_budget *b, const ys_report *detail, const ys_doc *doc, void *arg)
{
	bout *o = arg;
	for (size_t i = 0; i < detail->nfindings; i++) {
		const ys_finding *f = &detail->findings[i];
		if (f->sev == YS_SEV_ERROR)
			fprintf(stderr, "  error   %s:%d  [%s] %s: %s\n", f->file ? f->file : "", f->line, f->rule, b->department,
			        f->message);
	}
	if (!doc || o->fmt == 2)
		return 0;
	/* called from the workers: everything here is local */
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_buf buf = YS_BUF_INIT;
	if ((o->fmt == 0 ? ys_render_text(&ctx, doc, -1, &buf) : ys_render_json(&ctx, doc, -1, &buf))) {
		fprintf(stderr, "yusuan: %s\n", ctx.msg);
		ys_buf_release(&buf);
		return 1;
	}
	char name[300], path[4400];
	size_t n = 0;
	for (const char *p = b->department; *p && n < sizeof name - 1; p++)
		name[n++] = *p == '/' || *p == '\\' ? '_' : *p;
	name[n] = '\0';
	snprintf(path, sizeof path, "%s/%s.%s", o->dir, name, o->fmt == 0 ? "txt" : "json");
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666), bad = fd < 0;
	for (size_t at = 0; !bad && at < buf.len;) {
		ssize_t w = write(fd, buf.s + at, buf.len - at);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			bad = 1;
		else
			at += (size_t)w;
	}
	if (fd >= 0 && close(fd) != 0)
		bad = 1;
	ys_buf_release(&buf);
	if (bad) {
		fprintf(stderr, "yusuan：%s：无法写入：%s\n", path, strerror(errno));
		return 1;
	}
	return 0;
}

static int cmd_batch(void *arg, int argc, char **argv)
{
	const batch_opts *bo = arg;
	const char *file = argc ? argv[0] : NULL, *outdir = bo->outdir, *catdir = bo->catdir;
	int fmt = bo->fmt, year = bo->year, threads = bo->threads;
	if (!file)
		return cli_usage_error(&cli_cmd_batch, "没有给出文件");
	if (!year)
		return cli_usage_error(&cli_cmd_batch, "须给出 --year 年度：导出文件不写预算年度");
	if (fmt != 2) {
		char p[4096];
		snprintf(p, sizeof p, "%s", outdir);
		for (char *s = p + 1; *s; s++)
			if (*s == '/') {
				*s = '\0';
				mkdir(p, 0777);
				*s = '/';
			}
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			fprintf(stderr, "yusuan：%s：无法创建：%s\n", outdir, strerror(errno));
			return EXIT_STORE;
		}
	}
	/* Each department's memory is freed before the next one is read: keep it
	 * in the process rather than handing it back to the kernel and faulting
	 * it in again a millisecond later. */
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_catalog *cat;
	if (ys_catalog_open(&ctx, catdir, year, &cat))
		return cli_fail(&ctx);
	bout o = { outdir, fmt };
	ys_batch_stats st;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ys_result r = ys_batch_compile(&ctx, file, year, cat, threads, write_dept, &o, &st);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ys_catalog_free(cat);
	if (r)
		return cli_fail(&ctx); /* YS_ECANCELED: a department could not be written, 4 */
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("compiled %ld of %ld departments, %ld items (%.1f MB) in %.3f s%s%s\n", st.departments - st.refused,
	       st.departments, st.items, (double)st.bytes / 1e6, secs, fmt == 2 ? "" : " into ", fmt == 2 ? "" : outdir);
	if (st.refused)
		fprintf(stderr, "yusuan: %ld department%s not compiled: errors in the detail (listed above)\n", st.refused,
		        st.refused == 1 ? "" : "s");
	return st.refused ? EXIT_FINDINGS : EXIT_OK;
}
