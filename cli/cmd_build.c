/*
 * cmd_build.c - yusuan build DIR [--db PATH] [-o OUTDIR] [--format F,..] [--encoding E] [--previous LAST]
 *               yusuan build --db PATH [...]
 * Compile a detailed budget into the 13 tables, check and publish them.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

typedef struct build_opts {
	const char *db, *outdir, *catdir, *format, *encoding, *previous, *previous_doc, *template;
	int quiet;
} build_opts;

static const char *const usage[] = {
	"build DIR|BOOK.xlsx [--db PATH] [-o OUTDIR] [--format F[,F..]] [--encoding E] [--previous LAST | --previous-doc ID]",
	"build --db PATH [-o OUTDIR] [--format ...]",
	NULL,
};

static const cli_arg args[] = {
	{ "DIR|BOOK.xlsx", "部门的预算明细：CSV 文件夹或 XLSX 工作簿（yusuan init 写出其模板）" },
	{ NULL, NULL },
};

static const cli_opt options[] = {
	CLI_STRING('o', NULL, build_opts, outdir, "OUTDIR", "写入的文件夹（默认：out）"),
	CLI_STRING(0, "format", build_opts, format, "F",
	           "一种或几种（逗号分隔），或 all：\n"
	           "text  tables.txt，公开的版式（默认）\n"
	           "csv   csv/01.csv ..，每张表一个文件（UTF-8 带 BOM）\n"
	           "json  tables.json，预算明细和各表\n"
	           "xlsx  tables.xlsx，每张表一个工作表（预算01表 ..）\n"
	           "pdf   tables.pdf，A4 横向，可直接打印\n"
	           "html  html/index.html，带图表的静态网站\n"
	           "report  report.pdf、report.html、report.docx、report.txt：\n"
	           "      情况说明和 13 张表，一份文件（不在 all 中；docs/report.md）"),
	CLI_STRING(0, "encoding", build_opts, encoding, "E", "CSV 的编码：utf-8（带 BOM；默认）或 gb18030"),
	CLI_STRING(0, "db", build_opts, db, "PATH",
	           "SQLite 数据库：明细和编好的表在一个事务中存入；不给预算时，\n重新编制库中最新的预算"),
	CLI_STRING(0, "catalog", build_opts, catdir, "DIR", "分类目录（默认：随程序的 data/catalog）"),
	CLI_STRING(0, "previous", build_opts, previous, "LAST",
	           "上年的预算：明细（文件夹或工作簿）或公开文件（文本、XLSX、PDF、JSON）；\n"
	           "情况说明与上年比较，大幅变化要在变化原因表写明原因（detail.reasons）"),
	CLI_STRING(0, "previous-doc", build_opts, previous_doc, "ID",
	           "上年的公开文件是 --db 数据库中已存的这一份（编号见 yusuan import --list）"),
	CLI_STRING(0, "template", build_opts, template, "DIR", "情况说明的模板文件夹（默认：随程序的 data/templates/beijing）"),
	CLI_FLAG(0, "quiet", build_opts, quiet,
	         "不显示进度（写了哪些文件、汇总表），只显示发现和最后一行；\n发现从不隐藏"),
	CLI_END,
};

static int cmd_build(void *arg, int argc, char **argv);

static const build_opts defaults = { .outdir = "out" };

const cli_command cli_cmd_build = {
	.name = "build",
	.summary = "把部门预算明细编成 13 张表，检查、存储并发布",
	.usage = usage,
	.description =
		"把一个部门的预算明细（一个 CSV 文件夹，或一个 XLSX 工作簿；见 docs/input-format.md）\n"
		"编制成公开的 13 张表。先检查明细：有错误就不编制，警告列出。编好的表再按 check 的全部\n"
		"规则检查，发现像 check 一样列出（标准错误输出）。用 --db 时明细和编好的表在一个事务中\n"
		"存入数据库；'yusuan build --db PATH' 不用文件夹，重新编制库中最新的预算。\n",
	.args = args,
	.opts = options,
	.exit_codes = "退出码：0 已编制，表没有错误（可能有警告）\n"
	              "        1 有错误：明细有错误时什么也不写；明细无误而编好的表有错误时，表照常写出\n"
	              "          （可以查看，html/findings.html 列出发现），但不应公开\n"
	              "        2 用法错误，3 输入被拒绝或读不了，4 数据库或输出错误\n",
	.max_args = 1,
	.opts_size = sizeof(build_opts),
	.defaults = &defaults,
	.run = cmd_build,
};

/* Last year's figures and the changes from them (--previous).  This
 * year's figures are those of the compiled tables: *doc is compiled here
 * (left NULL when the detail does not compile: its rules say why). */
static int previous(ys_ctx *ctx, const char *path, const char *db, const char *docid, const char *catdir,
                    const ys_budget *b, const ys_catalog *cat, ys_doc **doc, ys_changes **chg)
{
	ys_figures *pf = NULL, *cf = NULL;
	ys_catalog *pcat = NULL;
	ys_budget *pb = NULL;
	if (docid) {
		/* a stored disclosure (--previous-doc) */
		ys_doc *pdoc = NULL;
		char what[256];
		snprintf(what, sizeof what, "%s 中的公开文件 %s", db, docid);
		ys_result r = cli_load_from_db(ctx, db, docid, &pdoc);
		if (r)
			ys_error(ctx, r, "上年（--previous-doc）%s", ctx->msg);
		else
			r = ys_previous_of_doc(ctx, pdoc, what, catdir, &pf, &pcat);
		ys_doc_free(pdoc);
		if (r)
			return cli_fail(ctx);
	} else if (ys_previous_read(ctx, path, catdir, &pf, &pcat, &pb)) {
		return cli_fail(ctx);
	}
	int rc = EXIT_OK;
	ys_ctx quiet;
	ys_ctx_init(&quiet);
	if (!ys_compile(&quiet, b, cat, doc) &&
	    (ys_figures_make(ctx, *doc, b, cat, &cf) || ys_changes_make(ctx, cf, pf, cat, pcat, b, pb, chg)))
		rc = cli_fail(ctx);
	ys_figures_free(cf);
	ys_figures_free(pf);
	ys_catalog_free(pcat);
	ys_budget_free(pb);
	return rc;
}

static void wrote(void *arg, const char *path)
{
	if (!*(int *)arg)
		printf("  写出 %s\n", path);
}

static void stale(void *arg, const char *path, int removed)
{
	if (!*(int *)arg)
		printf(removed ? "  删除 %s（上次运行所写，本次未输出）\n" : "  保留 %s（不是 yusuan 写的，不属于本次输出）\n", path);
}

/* The detail's findings: every one, --quiet or not. */
static void print_findings(const ys_report *rep)
{
	for (size_t i = 0; i < rep->nfindings; i++) {
		const ys_finding *f = &rep->findings[i];
		/* line 0: file is the whole place (a workbook's "book.xlsx: 支出明细!A5") */
		fprintf(stderr, "  %s  %s%s%.0d  [%s] %s\n", ys_severity_label(f->sev), f->file ? f->file : rep->file,
		        f->line ? ":" : "", f->line, f->rule, f->message);
	}
}

static const char *wan(int64_t fen, char *buf)
{
	ys_money_format(buf, fen, YS_UNIT_WANYUAN, 6, YS_FMT_GROUP);
	return buf;
}

/* Totals by 类 (table 01), basic/project and personnel/public, fiscal and
 * other money. */
static void print_summary(const ys_budget *b, const ys_doc *doc)
{
	char a[YS_MONEY_FMT_MAX], f[YS_MONEY_FMT_MAX];
	const ys_table *t01 = doc->tables[YS_T01], *t04 = doc->tables[YS_T04];
	printf("\n%s %d 部门预算 (万元)\n\n", b->department, b->year);
	static const char *const head[3] = { "支出功能分类（类）", "全部资金", "其中财政拨款" };
	printf("  %-*s %*s %*s\n", 28 + (int)(strlen(head[0]) - ys_utf8_width(head[0])), head[0],
	       18 + (int)(strlen(head[1]) - ys_utf8_width(head[1])), head[1],
	       18 + (int)(strlen(head[2]) - ys_utf8_width(head[2])), head[2]);
	for (int r = 0; r < t01->nrows; r++) {
		int fx = t01->rows[r].fixed[1];
		const ys_fixedrow *fr = fx >= 0 ? &t01->def->fixed[fx] : NULL;
		if (!fr || fr->role != YS_FR_ITEM || !t01->rows[r].cells[C01_OUT_AMT].amt.present)
			continue;
		int64_t fiscal = 0;
		for (int q = 0; q < t04->nrows; q++)
			if (t04->rows[q].fixed[1] >= 0 && !strcmp(t04->def->fixed[t04->rows[q].fixed[1]].id, fr->id))
				fiscal = t04->rows[q].cells[C01_OUT_AMT].amt.fen;
		char label[96];
		snprintf(label, sizeof label, "%s %s", fr->code, fr->label);
		printf("  %-*s %18s %18s\n", 28 + (int)(strlen(label) - ys_utf8_width(label)), label,
		       wan(t01->rows[r].cells[C01_OUT_AMT].amt.fen, a), wan(fiscal, f));
	}
	int64_t v[2][4] = { { 0 } }; /* [fiscal?][personnel, public, project, all] */
	for (size_t i = 0; i < b->nitems; i++) {
		const ys_item *it = &b->items[i];
		int k = it->kind == YS_PROJECT ? 2 : ys_econ_personnel(it->econ) ? 0 : 1;
		for (int fis = 0; fis < 2; fis++)
			if (!fis || ys_fund_fiscal((ys_fundsrc)it->fund)) {
				v[fis][k] += it->amount;
				v[fis][3] += it->amount;
			}
	}
	static const char *const names[4] = { "基本支出 · 人员经费", "基本支出 · 公用经费", "项目支出", "合计" };
	printf("\n");
	for (int k = 0; k < 4; k++)
		printf("  %-*s %18s %18s\n", 28 + (int)(strlen(names[k]) - ys_utf8_width(names[k])), names[k],
		       wan(v[0][k], a), wan(v[1][k], f));
	printf("\n");
}

static int cmd_build(void *arg, int argc, char **argv)
{
	const build_opts *o = arg;
	const char *dir = argc ? argv[0] : NULL, *db = o->db, *outdir = o->outdir, *catdir = o->catdir;
	const char *fmtname = o->format ? o->format : "text", *prev = o->previous, *tpl = o->template;
	unsigned fmt = YS_PUB_TEXT;
	int quiet = o->quiet;
	ys_encoding enc = YS_ENC_UTF8_BOM;
	if (o->format && ys_publish_formats(o->format, &fmt))
		return cli_usage_error(&cli_cmd_build, "未知格式“%s”", o->format);
	if (o->encoding && cli_encoding(o->encoding, &enc))
		return cli_usage_error(&cli_cmd_build, "未知编码“%s”：应为 utf-8 或 gb18030", o->encoding);
	if (!dir && !db)
		return cli_usage_error(&cli_cmd_build, "请给出预算文件夹（或用 --db 数据库 重编已存的预算）");
	const char *prevdoc = o->previous_doc;
	if (prevdoc) {
		char *end;
		if (strtoll(prevdoc, &end, 10) <= 0 || *end)
			return cli_usage_error(&cli_cmd_build, "--previous-doc “%s”：应为公开文件编号（见 yusuan import --list）",
			                       prevdoc);
		if (!db)
			return cli_usage_error(&cli_cmd_build, "--previous-doc 与 --db 一起用");
		if (prev)
			return cli_usage_error(&cli_cmd_build, "--previous 与 --previous-doc 只用一个");
	}

	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_budget *b = NULL;
	if (dir) {
		ys_diags dl;
		ys_diags_init(&dl);
		int bad = ys_input_read_all(&ctx, dir, &dl, &b) ? cli_print_diags(&ctx, &dl, dir) : 0;
		ys_diags_release(&dl);
		if (bad)
			return bad;
	} else if (cli_load_budget(&ctx, db, &b)) {
		return cli_fail(&ctx);
	}
	ys_catalog *cat = NULL;
	if (ys_catalog_open(&ctx, catdir, b->year, &cat)) {
		ys_budget_free(b);
		return cli_fail(&ctx);
	}
	int rc = EXIT_OK;
	ys_report *drep = NULL, *rep = NULL;
	ys_doc *doc = NULL;
	ys_changes *chg = NULL;
	ys_story *story = NULL;
	if ((prev || prevdoc) && (rc = previous(&ctx, prev, db, prevdoc, catdir, b, cat, &doc, &chg)))
		goto done;
	if (ys_check_budget_prev(&ctx, b, cat, chg, &drep)) {
		rc = cli_fail(&ctx);
		goto done;
	}
	print_findings(drep);
	if (drep->count[YS_SEV_ERROR]) {
		fprintf(stderr, "yusuan: %s %d：明细有 %d 个错误，没有编制，什么也没有写\n", b->department, b->year,
		        drep->count[YS_SEV_ERROR]);
		rc = EXIT_FINDINGS;
		goto done;
	}
	if (!doc && ys_compile(&ctx, b, cat, &doc)) {
		rc = cli_fail(&ctx);
		goto done;
	}
	if (dir && db && cli_store_budget(&ctx, db, dir, b, doc)) {
		rc = cli_fail(&ctx);
		goto done;
	}
	ys_check_opts opts = { cat, NULL, NULL };
	if (ys_check(&ctx, doc, &opts, &rep)) {
		rc = cli_fail(&ctx);
		goto done;
	}
	ys_story_opts so = { tpl, b, chg, cat };
	if ((fmt & YS_PUB_REPORT) && ys_story_make(&ctx, doc, &so, &story)) {
		rc = cli_fail(&ctx);
		goto done;
	}
	ys_publish_opts po = { fmt, enc, b, rep, wrote, &quiet, stale, story };
	if (ys_publish(&ctx, doc, outdir, &po)) {
		rc = cli_fail(&ctx);
		goto done;
	}
	/* the compiled tables' findings, as check shows them: never hidden;
	 * their lines are those of tables.txt when it was written */
	if (fmt & YS_PUB_TEXT) {
		const char *txt = ys_arena_printf(&rep->arena, "%s/tables.txt", outdir);
		if (txt)
			rep->file = txt;
	}
	ys_buf fb = YS_BUF_INIT;
	if (ys_render_report(&ctx, doc, rep, YS_REPORT_FINDINGS, &fb)) {
		ys_buf_release(&fb);
		rc = cli_fail(&ctx);
		goto done;
	}
	fflush(stdout);
	fputs(fb.s, stderr);
	ys_buf_release(&fb);
	if (!quiet)
		print_summary(b, doc);
	printf("已编制 %s %d：%zu 条明细，%d 张表，写入 %s/（%s）；检查：核对了 %d 个等式，%d 个错误，%d 个警告，%d 个提示\n",
	       b->department, b->year, b->nitems, doc->ntables, outdir, fmtname, rep->identities,
	       rep->count[YS_SEV_ERROR], rep->count[YS_SEV_WARNING], rep->count[YS_SEV_NOTICE]);
	if (rep->count[YS_SEV_ERROR]) {
		/* the detail passed its rules, yet the tables fail check's: the
		 * inputs disagree (sangong.csv and the items) - written to be
		 * looked at, not to be published */
		fprintf(stderr, "yusuan: 编好的表有 %d 个错误（见上）：表已写入 %s/，修正明细前不要公开\n",
		        rep->count[YS_SEV_ERROR], outdir);
		rc = EXIT_FINDINGS;
	}
done:
	ys_story_free(story);
	ys_changes_free(chg);
	ys_report_free(rep);
	ys_report_free(drep);
	ys_doc_free(doc);
	ys_catalog_free(cat);
	ys_budget_free(b);
	return rc;
}
