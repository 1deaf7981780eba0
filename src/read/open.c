/*
 * read/open.c - which reader a file is for, in one place above the readers.
 *
 * The readers (text.c, json.c, xlsx.c, general.c, seedpdf.c, narrative.c,
 * csvdir.c) only read; none calls another.  Here a file is sniffed (a zip
 * is a workbook, %PDF a PDF, '{' yusuan's JSON, 预算01表 the seed's
 * layout, anything else the general reader's) and where one format is read
 * through another, the halves are joined: a workbook's, a JSON's or a
 * seed-layout PDF's tables become the published text and the text reader
 * reads it.  Below the readers are lines.c (positioned lines) and detail.c
 * (the detailed budget's sheets); tests/cli/t0040-layers.sh keeps it so.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "input_int.h"
#include "read/lines.h"
#include "read/read_int.h"
#include "read/seedpdf.h"
#include "yusuan/doc.h"
#include "yusuan/input.h"
#include "base_int.h"

/* Each entry point fails with YS_ENOMEM when an allocation failed while it
 * ran (base_int.h) and leaves nothing in *out on failure. */
static ys_result doc_done(ys_ctx *ctx, ys_result r, unsigned long mark, ys_doc **out)
{
	r = ys_oom_check(ctx, r, mark);
	if (r && *out) {
		ys_doc_free(*out);
		*out = NULL;
	}
	return r;
}

static ys_result budget_done(ys_ctx *ctx, ys_result r, unsigned long mark, ys_budget **out)
{
	r = ys_oom_check(ctx, r, mark);
	if (r && *out) {
		ys_budget_free(*out);
		*out = NULL;
	}
	return r;
}

/* ---- through the text reader ------------------------------------------- */

ys_result ys_doc_read_json(ys_ctx *ctx, const char *name, const char *data, size_t len, ys_doc **out)
{
	unsigned long mark = ys_oom_mark();
	*out = NULL;
	ys_buf text = YS_BUF_INIT;
	void *keep;
	ys_result r = ys_json_text(ctx, name, data, len, &text, &keep);
	if (!r)
		r = ys_doc_read_text(ctx, name, text.s, text.len, out);
	if (!r)
		ys_json_keep(*out, keep);
	ys_json_keep_free(keep);
	ys_buf_release(&text);
	return doc_done(ctx, r, mark, out);
}

ys_result ys_doc_read_xlsx(ys_ctx *ctx, const char *path, ys_doc **out)
{
	unsigned long mark = ys_oom_mark();
	*out = NULL;
	ys_buf text = YS_BUF_INIT;
	ys_result r = ys_xlsx_text(ctx, path, &text);
	if (!r)
		r = ys_doc_read_text(ctx, path, text.s, text.len, out);
	ys_buf_release(&text);
	return doc_done(ctx, r, mark, out);
}

/* L (a PDF's lines) in the seed's layout: the made text read by the text
 * reader, then pointed back at the PDF.  A table numbered beyond the 13
 * (预算14表 专项转移支付绩效目标表) is the general reader's, as the layout
 * descriptions say, into doc->others; one it cannot read either stays
 * listed as unread. */
static ys_result read_seed_lines(ys_ctx *ctx, const char *name, const ys_lines *L, ys_doc **out)
{
	*out = NULL;
	ys_buf text = YS_BUF_INIT;
	ys_seedmap map;
	int *readk = NULL;
	ys_result e = ys_seed_text(ctx, L, &text, &map);
	if (!e)
		e = ys_doc_read_text(ctx, name, text.s, text.len, out);
	if (!e && map.nskipped && !(readk = calloc((size_t)map.nskipped, sizeof *readk)))
		e = ys_error(ctx, YS_ENOMEM, "内存不足");
	if (!e)
		ys_seed_remap(*out, &map);
	for (int k = 0; k < map.nskipped && !e; k++)
		e = ys_general_read_range(ctx, *out, L, map.skipped[k].from, map.skipped[k].to, &readk[k]);
	if (!e)
		e = ys_seed_finish(ctx, *out, L, &map, readk);
	free(readk);
	if (e && *out) {
		ys_doc_free(*out);
		*out = NULL;
	}
	ys_seedmap_release(&map);
	ys_buf_release(&text);
	return e;
}

/* ---- PDF: the seed's layout or the general reader ----------------------- */

ys_result ys_doc_read_pdfs(ys_ctx *ctx, const char *const *paths, int n, ys_doc **out)
{
	*out = NULL;
	ys_lines L;
	ys_lines_init(&L);
	ys_result e = YS_OK;
	int *first = n > 0 ? calloc((size_t)n, sizeof *first) : NULL;
	if (n > 0 && !first)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	for (int i = 0; i < n && !e; i++) {
		first[i] = L.npages + 1;
		e = ys_lines_from_pdf(ctx, paths[i], &L);
	}
	/* the seed's own layout (预算01表 …) goes into the 13-table model; a
	 * layout that only numbers its tables alike (单位预算01表 …) and that
	 * model cannot read is read as any other */
	if (!e && ys_seed_layout_lines(&L)) {
		e = read_seed_lines(ctx, paths[0], &L, out);
		if (e == YS_EPARSE) {
			ys_ctx seed = *ctx;
			ys_ctx_init(ctx);
			e = ys_general_read_lines(ctx, paths[0], &L, out);
			/* read: no error is left on ctx; not read: the seed's error,
			 * which says what a 预算NN表 document lacks */
			if (e)
				*ctx = seed;
			e = e ? seed.code : YS_OK;
		}
	} else if (!e) {
		e = ys_general_read_lines(ctx, paths[0], &L, out);
	}
	ys_lines_release(&L);
	/* findings name the file a page is in, and the page in it */
	if (!e && (e = ys_doc_set_parts(ctx, *out, paths, first, n))) {
		ys_doc_free(*out);
		*out = NULL;
	}
	free(first);
	return e;
}

ys_result ys_doc_read_pdf(ys_ctx *ctx, const char *path, ys_doc **out)
{
	return ys_doc_read_pdfs(ctx, &path, 1, out);
}

/* ---- any file, by what it is -------------------------------------------- */

static const char *find_bytes(const char *p, size_t n, const char *w, size_t wl)
{
	for (size_t i = 0; i + wl <= n; i++)
		if (p[i] == w[0] && !memcmp(p + i, w, wl))
			return p + i;
	return NULL;
}

/* Does the text number its tables as the seed does (预算01表, 预算表12)?
 * Looked for in UTF-8 and in GB18030 bytes. */
static int seed_layout(const char *raw, size_t n)
{
	static const char *const marks[] = { "预算", "\xD4\xA4\xCB\xE3" }; /* UTF-8, GB18030 */
	static const char *const tables[] = { "表", "\xB1\xED" };
	for (int e = 0; e < 2; e++) {
		size_t ml = strlen(marks[e]), tl = strlen(tables[e]);
		for (const char *p = raw; p + ml + 2 + tl <= raw + n;) {
			const char *q = find_bytes(p, (size_t)(raw + n - p), marks[e], ml);
			if (!q)
				break;
			const char *d = q + ml;
			if (d + 2 + tl <= raw + n && d[0] >= '0' && d[0] <= '9' && d[1] >= '0' && d[1] <= '9' &&
			    !memcmp(d + 2, tables[e], tl))
				return 1;
			if (d + tl + 2 <= raw + n && !memcmp(d, tables[e], tl) && d[tl] >= '0' && d[tl] <= '9' &&
			    d[tl + 1] >= '0' && d[tl + 1] <= '9')
				return 1;
			p = q + 1;
		}
	}
	return 0;
}

/* Text or JSON in memory, by its content (ys_doc_read_file's choice). */
static ys_result read_mem_body(ys_ctx *ctx, const char *name, const char *raw, size_t len, ys_doc **out)
{
	/* JSON: the tables as yusuan writes them */
	size_t bom = len >= 3 && !memcmp(raw, "\xEF\xBB\xBF", 3) ? 3 : 0, k = bom;
	while (k < len && (raw[k] == ' ' || raw[k] == '\t' || raw[k] == '\n' || raw[k] == '\r'))
		k++;
	if (k < len && raw[k] == '{')
		return ys_doc_read_json(ctx, name, raw + bom, len - bom, out);
	/* the seed's layout numbers its tables 预算01表 (or 预算表12); any other
	 * layout goes to the general reader */
	return seed_layout(raw, len) ? ys_doc_read_text(ctx, name, raw, len, out)
	                             : ys_doc_read_general(ctx, name, raw, len, out);
}

static ys_result doc_read_file_body(ys_ctx *ctx, const char *path, ys_doc **out)
{
	*out = NULL;
	FILE *f = fopen(path, "rb");
	if (!f)
		return ys_error(ctx, YS_EIO, "%s：无法打开：%s", path, strerror(errno));
	struct stat st;
	int regular = fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode);
	unsigned char magic[4] = { 0 };
	size_t n = regular ? fread(magic, 1, 4, f) : 0;
	fclose(f);
	/* a workbook or a PDF is read by its path; a pipe cannot be sniffed
	 * and read again, so it is read whole first, below */
	if (n == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4)
		return ys_doc_read_xlsx(ctx, path, out);
	if (n == 4 && !memcmp(magic, "%PDF", 4))
		return ys_doc_read_pdf(ctx, path, out);
	char *raw;
	size_t len;
	ys_result r = ys_file_read(ctx, path, &raw, &len);
	if (r)
		return r;
	if (!regular && len >= 4 && (!memcmp(raw, "PK\3\4", 4) || !memcmp(raw, "%PDF", 4))) {
		const char *what = raw[0] == 'P' ? "工作簿（XLSX）" : " PDF";
		free(raw);
		return ys_error(ctx, YS_EPARSE, "%s：从管道读入的是%s：请改为给出其文件名", path, what);
	}
	r = read_mem_body(ctx, path, raw, len, out);
	free(raw);
	return r;
}

ys_result ys_doc_read_file(ys_ctx *ctx, const char *path, ys_doc **out)
{
	unsigned long mark = ys_oom_mark();
	ys_result r = ys_oom_check(ctx, doc_read_file_body(ctx, path, out), mark);
	if (r && *out) {
		ys_doc_free(*out);
		*out = NULL;
	}
	return r;
}

ys_result ys_doc_read_mem(ys_ctx *ctx, const char *name, const char *data, size_t len, ys_doc **out)
{
	*out = NULL;
	if (len >= 4 && (!memcmp(data, "PK\3\4", 4) || !memcmp(data, "%PDF", 4)))
		return ys_error(ctx, YS_EPARSE, "%s：工作簿（XLSX）和 PDF 只能从文件读入", name);
	unsigned long mark = ys_oom_mark();
	ys_result r = ys_oom_check(ctx, read_mem_body(ctx, name, data, len, out), mark);
	if (r && *out) {
		ys_doc_free(*out);
		*out = NULL;
	}
	return r;
}

/* ---- the detailed budget: a folder of CSV files or a workbook ----------- */

ys_result ys_input_read_dir(ys_ctx *ctx, const char *dir, ys_budget **out)
{
	unsigned long mark = ys_oom_mark();
	return budget_done(ctx, ys_input_csvdir_read(ctx, dir, NULL, out), mark, out);
}

ys_result ys_input_read_xlsx(ys_ctx *ctx, const char *path, ys_budget **out)
{
	return ys_input_xlsx_read(ctx, path, NULL, out);
}

static ys_result input_read_all_body(ys_ctx *ctx, const char *path, ys_diags *dl, ys_budget **out)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return ys_input_csvdir_read(ctx, path, dl, out);
	size_t n = strlen(path);
	if (n > 5 && !strcmp(path + n - 5, ".xlsx"))
		return ys_input_xlsx_read(ctx, path, dl, out);
	*out = NULL;
	return ys_error(ctx, YS_EIO, "%s: 应为 CSV 文件的文件夹或 .xlsx 工作簿", path);
}

ys_result ys_input_read_all(ys_ctx *ctx, const char *path, ys_diags *dl, ys_budget **out)
{
	unsigned long mark = ys_oom_mark();
	return budget_done(ctx, input_read_all_body(ctx, path, dl, out), mark, out);
}

ys_result ys_input_read(ys_ctx *ctx, const char *path, ys_budget **out)
{
	return ys_input_read_all(ctx, path, NULL, out);
}
