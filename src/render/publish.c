/*
 * render/publish.c - every output format into one folder, each file whole
 * or not at all (written beside its name, then renamed).
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <dirent.h>
#include <signal.h>
#include "yusuan/render.h"

static const struct {
	const char *name;
	unsigned bit;
} names[] = {
	{ "text", YS_PUB_TEXT }, { "csv", YS_PUB_CSV }, { "json", YS_PUB_JSON }, { "xlsx", YS_PUB_XLSX },
	{ "pdf", YS_PUB_PDF },   { "html", YS_PUB_HTML }, { "all", YS_PUB_ALL },
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
} pub;

static void path_of(const pub *P, char *path, size_t cap, const char *name)
{
	snprintf(path, cap, "%s/%s", P->dir, name);
}

static ys_result made(pub *P, const char *path)
{
	if (P->o->wrote)
		P->o->wrote(P->o->arg, path);
	return YS_OK;
}

static ys_result mkdir_one(ys_ctx *ctx, const char *dir)
{
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		return ys_error(ctx, YS_EWRITE, "%s: cannot create the folder: %s", dir, strerror(errno));
	struct stat st;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return ys_error(ctx, YS_EWRITE, "%s: exists and is not a folder", dir);
	return YS_OK;
}

static ys_result put(pub *P, const char *name, const ys_buf *b)
{
	char path[4096];
	path_of(P, path, sizeof path, name);
	if (b->oom)
		return ys_error(P->ctx, YS_ENOMEM, "out of memory writing %s", path);
	ys_result r = ys_file_write(P->ctx, path, b->s, b->len);
	return r ? r : made(P, path);
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
		r = ys_error(P->ctx, YS_EWRITE, "%s: cannot write: %s", path, strerror(errno));
	if (r != YS_OK) {
		remove(tmp);
		return r;
	}
	return made(P, path);
}

static ys_result csv_files(pub *P, const ys_doc *doc)
{
	char sub[4096];
	path_of(P, sub, sizeof sub, "csv");
	ys_result r = mkdir_one(P->ctx, sub);
	ys_buf b = YS_BUF_INIT, enc = YS_BUF_INIT;
	ys_encoding e = P->o->csv_encoding == YS_ENC_GB18030 ? YS_ENC_GB18030 : YS_ENC_UTF8_BOM;
	for (int i = 0; !r && i < doc->ntables; i++) {
		char name[32];
		ys_buf_reset(&b);
		ys_buf_reset(&enc);
		snprintf(name, sizeof name, "csv/%s.csv", ys_table_def((ys_tid)doc->order[i])->code);
		r = ys_render_csv(P->ctx, doc, doc->order[i], &b);
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

ys_result ys_publish(ys_ctx *ctx, const ys_doc *doc, const char *dir, const ys_publish_opts *o)
{
	pub P = { ctx, o, dir };
	ys_result r = mkdir_one(ctx, dir);
	if (!r)
		sweep(dir);
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
		if (!r) {
			char index[4200];
			snprintf(index, sizeof index, "%s/index.html", sub);
			made(&P, index);
		}
	}
	return r;
}
