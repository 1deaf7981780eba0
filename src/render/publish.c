/*
 * render/publish.c - every output format into one folder, each file whole
 * or not at all (written beside its name, then renamed).
 *
 * A folder published into again holds only this run's files: the run lists
 * what it wrote in YS_PUBLISH_MANIFEST, and the next run removes what that
 * list names and it did not write itself.  A file is removed only when the
 * list names it and the name is one yusuan writes, so a user's file is
 * never touched, even with a hand-edited list.
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "render/grid.h"
#include "yusuan/render.h"
#include "base_int.h"
#include "yusuan/write.h"

static const struct {
	const char *name;
	unsigned bit;
} names[] = {
	{ "text", YS_PUB_TEXT }, { "csv", YS_PUB_CSV }, { "json", YS_PUB_JSON }, { "xlsx", YS_PUB_XLSX },
	{ "pdf", YS_PUB_PDF },   { "html", YS_PUB_HTML }, { "all", YS_PUB_ALL }, { "report", YS_PUB_REPORT },
};

int ys_publish_formats(const char *list, unsigned *bits)
{
	*bits = 0;
	const char *p = list;
	while (*p) {
		size_t n = strcspn(p, ",");
		size_t i;
		for (i = 0; i < sizeof names / sizeof names[0]; i++)
			if (strlen(names[i].name) == n && !strncmp(p, names[i].name, n))
				break;
		if (i == sizeof names / sizeof names[0])
			return -1;
		*bits |= names[i].bit;
		p += n;
		if (*p == ',')
			p++;
	}
	return *bits ? 0 : -1;
}

typedef struct pub {
	ys_ctx *ctx;
	const ys_publish_opts *o;
	const char *dir;
	ys_buf wrote; /* names (relative to dir) written by this run, one a line */
} pub;

static void path_of(const pub *P, char *path, size_t cap, const char *name)
{
	snprintf(path, cap, "%s/%s", P->dir, name);
}

/* File name (relative to dir) was written. */
static ys_result made(pub *P, const char *name, int tell)
{
	ys_buf_addf(&P->wrote, "%s\n", name);
	if (tell && P->o->wrote) {
		char path[4200];
		path_of(P, path, sizeof path, name);
		P->o->wrote(P->o->arg, path);
	}
	return YS_OK;
}

static int two_digits(const char *s, const char *suffix)
{
	return s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' && !strcmp(s + 2, suffix);
}

/* A general reader's table's name: g01 … g256 (ys_grid_table), then suffix. */
static int general_name(const char *s, const char *suffix)
{
	return s[0] == 'g' && (two_digits(s + 1, suffix) || (s[1] >= '1' && s[1] <= '9' && two_digits(s + 2, suffix)));
}

/* The names ys_publish writes besides csv/NN.csv and html/NN.html. */
static const char *const fixed_names[] = { "tables.txt",     "tables.json",     "tables.xlsx",        "tables.pdf",
	                                   "html/style.css", "html/index.html", "html/findings.html", "report.txt",
	                                   "report.html",    "report.docx",     "report.pdf" };
#define NFIXED (int)(sizeof fixed_names / sizeof fixed_names[0])

/* Is name (relative to the folder) one that ys_publish writes? */
static int own_name(const char *name)
{
	for (int i = 0; i < NFIXED; i++)
		if (!strcmp(name, fixed_names[i]))
			return 1;
	if (!strncmp(name, "csv/", 4))
		return two_digits(name + 4, ".csv") || general_name(name + 4, ".csv");
	if (!strncmp(name, "html/", 5))
		return two_digits(name + 5, ".html") || general_name(name + 5, ".html");
	return 0;
}

/* Is name a line of list (names one a line)? */
static int listed(const ys_buf *list, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = list->s; *p;) {
		const char *nl = strchr(p, '\n');
		size_t l = nl ? (size_t)(nl - p) : strlen(p);
		if (l == n && !memcmp(p, name, n))
			return 1;
		p = nl ? nl + 1 : p + l;
	}
	return 0;
}

static ys_result mkdir_one(ys_ctx *ctx, const char *dir)
{
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		return ys_error(ctx, YS_EWRITE, "%s：无法创建文件夹：%s", dir, strerror(errno));
	struct stat st;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return ys_error(ctx, YS_EWRITE, "%s：已存在，但不是文件夹", dir);
	return YS_OK;
}

static ys_result put(pub *P, const char *name, const ys_buf *b)
{
	char path[4096];
	path_of(P, path, sizeof path, name);
	if (b->oom)
		return ys_error(P->ctx, YS_ENOMEM, "写出 %s 时内存不足", path);
	ys_result r = ys_file_write(P->ctx, path, b->s, b->len);
	return r ? r : made(P, name, 1);
}

/* A renderer that writes its own file: into a temporary name, renamed when
 * it succeeded. */
static ys_result by_file(pub *P, const ys_doc *doc, const char *name,
                         ys_result (*fn)(ys_ctx *, const ys_doc *, const char *))
{
	char path[4096], tmp[4200];
	path_of(P, path, sizeof path, name);
	snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid());
	ys_result r = fn(P->ctx, doc, tmp);
	if (r == YS_OK && rename(tmp, path) != 0)
		r = ys_error(P->ctx, YS_EWRITE, "%s：无法写出：%s", path, strerror(errno));
	if (r != YS_OK) {
		remove(tmp);
		return r;
	}
	return made(P, name, 1);
}

/* The report: the 情况说明 and the tables, in four forms. */
static ys_result report_files(pub *P, const ys_doc *doc)
{
	const ys_story *s = P->o->story;
	if (!s)
		return ys_error(P->ctx, YS_EINVAL, "report 格式需要情况说明（build 写出它；show 读到的文件也行）");
	ys_buf b = YS_BUF_INIT;
	ys_result r = ys_story_write_text(P->ctx, s, doc, &b);
	if (!r)
		r = put(P, "report.txt", &b);
	ys_buf_reset(&b);
	if (!r && !(r = ys_story_write_html(P->ctx, s, doc, &b)))
		r = put(P, "report.html", &b);
	ys_buf_release(&b);
	static const char *const files[2] = { "report.docx", "report.pdf" };
	for (int k = 0; !r && k < 2; k++) {
		char path[4096], tmp[4200];
		path_of(P, path, sizeof path, files[k]);
		snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid());
		r = k ? ys_story_write_pdf(P->ctx, s, doc, tmp) : ys_story_write_docx(P->ctx, s, doc, tmp);
		if (r == YS_OK && rename(tmp, path) != 0)
			r = ys_error(P->ctx, YS_EWRITE, "%s：无法写出：%s", path, strerror(errno));
		if (r != YS_OK)
			remove(tmp);
		else
			made(P, files[k], 1);
	}
	return r;
}

static ys_result csv_files(pub *P, const ys_doc *doc)
{
	char sub[4096];
	path_of(P, sub, sizeof sub, "csv");
	ys_result r = mkdir_one(P->ctx, sub);
	ys_buf b = YS_BUF_INIT, enc = YS_BUF_INIT;
	ys_encoding e = P->o->csv_encoding == YS_ENC_GB18030 ? YS_ENC_GB18030 : YS_ENC_UTF8_BOM;
	/* a file per table: csv/01.csv …, and the general reader's csv/g01.csv … */
	for (int k = 0; !r && k < ys_grid_ntables(doc); k++) {
		char name[32], tn[16];
		int tid;
		ys_grid_table(doc, k, &tid, tn);
		ys_buf_reset(&b);
		ys_buf_reset(&enc);
		snprintf(name, sizeof name, "csv/%s.csv", tn);
		r = ys_render_csv(P->ctx, doc, tid, &b);
		if (!r)
			r = ys_text_encode(P->ctx, b.s, b.len, e, &enc);
		if (!r)
			r = put(P, name, &enc);
	}
	ys_buf_release(&b);
	ys_buf_release(&enc);
	return r;
}

/* Temporary files a killed run left ("NAME.tmpPID" of a process that is
 * gone) in dir and its csv/ and html/: removed before writing again. */
static void sweep_one(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		const char *t = strstr(e->d_name, ".tmp");
		if (!t || !t[4])
			continue;
		char *end;
		long pid = strtol(t + 4, &end, 10);
		if (*end || pid <= 0 || pid == (long)getpid())
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue; /* its writer is still running (or not ours to ask) */
		char path[4600];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		remove(path);
	}
	closedir(d);
}

static void sweep(const char *dir)
{
	char sub[4200];
	sweep_one(dir);
	snprintf(sub, sizeof sub, "%s/csv", dir);
	sweep_one(sub);
	snprintf(sub, sizeof sub, "%s/html", dir);
	sweep_one(sub);
}

/* The files html.c writes for doc, as made() records them. */
static void html_names(pub *P, const ys_doc *doc)
{
	made(P, "html/style.css", 0);
	made(P, "html/index.html", 1);
	for (int k = 0; k < ys_grid_ntables(doc); k++) {
		char name[32], tn[16];
		int tid;
		ys_grid_table(doc, k, &tid, tn);
		snprintf(name, sizeof name, "html/%s.html", tn);
		made(P, name, 0);
	}
	made(P, "html/findings.html", 0);
}

/* After a run: remove what the earlier run's list names and this run did
 * not write (in the list's order); then name, in a fixed order, the files
 * with yusuan's names that neither run wrote. */
static void tidy(pub *P, const ys_buf *before)
{
	char path[4200];
	for (const char *p = before->s; *p;) {
		const char *nl = strchr(p, '\n');
		size_t l = nl ? (size_t)(nl - p) : strlen(p);
		char name[64];
		if (l < sizeof name) {
			memcpy(name, p, l);
			name[l] = '\0';
			path_of(P, path, sizeof path, name);
			if (own_name(name) && !listed(&P->wrote, name) && remove(path) == 0 && P->o->stale)
				P->o->stale(P->o->arg, path, 1);
		}
		p = nl ? nl + 1 : p + l;
	}
	for (int k = 0; k < NFIXED + 200; k++) {
		char name[64];
		int nn = k - NFIXED;
		if (nn < 0)
			snprintf(name, sizeof name, "%s", fixed_names[k]);
		else
			snprintf(name, sizeof name, nn < 100 ? "csv/%02d.csv" : "html/%02d.html", nn % 100);
		struct stat st;
		path_of(P, path, sizeof path, name);
		if (!listed(&P->wrote, name) && !listed(before, name) && stat(path, &st) == 0 && P->o->stale)
			P->o->stale(P->o->arg, path, 0);
	}
	/* the csv/ and html/ folders go when that left them empty; a folder
	 * holding a file of the user's stays */
	path_of(P, path, sizeof path, "csv");
	rmdir(path);
	path_of(P, path, sizeof path, "html");
	rmdir(path);
}

static ys_result publish_body(ys_ctx *ctx, const ys_doc *doc, const char *dir, const ys_publish_opts *o)
{
	pub P = { ctx, o, dir, YS_BUF_INIT };
	ys_buf before = YS_BUF_INIT;
	char list[4200];
	path_of(&P, list, sizeof list, YS_PUBLISH_MANIFEST);
	ys_result r = mkdir_one(ctx, dir);
	if (!r) {
		sweep(dir);
		/* the earlier run's list; none (or unreadable) removes nothing */
		char *old;
		size_t n;
		ys_ctx quiet;
		ys_ctx_init(&quiet);
		if (ys_file_read(&quiet, list, &old, &n) == YS_OK) {
			ys_buf_add(&before, old, n);
			free(old);
		}
	}
	ys_buf b = YS_BUF_INIT;
	if (!r && (o->formats & YS_PUB_TEXT)) {
		r = ys_render_text(ctx, doc, -1, &b);
		if (!r)
			r = put(&P, "tables.txt", &b);
	}
	if (!r && (o->formats & YS_PUB_CSV))
		r = csv_files(&P, doc);
	if (!r && (o->formats & YS_PUB_JSON)) {
		ys_buf_reset(&b);
		r = o->budget ? ys_render_budget_json(ctx, doc, o->budget, &b) : ys_render_json(ctx, doc, -1, &b);
		if (!r)
			r = put(&P, "tables.json", &b);
	}
	ys_buf_release(&b);
	if (!r && (o->formats & YS_PUB_XLSX))
		r = by_file(&P, doc, "tables.xlsx", ys_render_xlsx);
	if (!r && (o->formats & YS_PUB_PDF))
		r = by_file(&P, doc, "tables.pdf", ys_render_pdf);
	if (!r && (o->formats & YS_PUB_HTML)) {
		char sub[4096];
		path_of(&P, sub, sizeof sub, "html");
		r = ys_render_html(ctx, doc, o->report, sub);
		if (!r)
			html_names(&P, doc);
	}
	if (!r && (o->formats & YS_PUB_REPORT))
		r = report_files(&P, doc);
	if (!r && P.wrote.oom)
		r = ys_error(ctx, YS_ENOMEM, "发布到 %s 时内存不足", dir);
	if (!r) {
		tidy(&P, &before);
		r = ys_file_write(ctx, list, P.wrote.s, P.wrote.len);
	} else if (P.wrote.len && !P.wrote.oom) {
		/* a run that stopped: its files and the earlier run's are the
		 * next run's to tidy */
		ys_buf_add(&P.wrote, before.s, before.len);
		ys_ctx quiet;
		ys_ctx_init(&quiet);
		ys_file_write(&quiet, list, P.wrote.s, P.wrote.len);
	}
	ys_buf_release(&before);
	ys_buf_release(&P.wrote);
	return r;
}

ys_result ys_publish(ys_ctx *ctx, const ys_doc *doc, const char *dir, const ys_publish_opts *o)
{
	unsigned long mark = ys_oom_mark();
	ys_result r = ys_oom_check(ctx, publish_body(ctx, doc, dir, o), mark);
	return r;
}
