/*
 * serve/export.c - the review of a document exported (docs/api.md):
 * review.xlsx, the 整改清单 workbook of its confirmed findings (and a sheet
 * of the dismissed ones with their reasons), and review.pdf, the PDF it
 * was read from with the confirmed findings' places boxed and numbered
 * after a page that lists them.  The drawing is the library's
 * (render/review.c); here the check, its reviews and the file are gathered.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "serve/serve_int.h"

static const char *jstr(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	return json_is_string(v) ? json_string_value(v) : "";
}

typedef struct gathered {
	docmeta m;
	json_t *check;
	ys_buf pdf;           /* the PDF when kept, else empty */
	ys_review_item *items; /* confirmed first, then dismissed */
	char (*sentence)[1024];
	size_t nconfirmed, ndismissed;
	ys_review_export e;
	char date[16];
} gathered;

static void gathered_release(gathered *g)
{
	json_decref(g->check);
	ys_buf_release(&g->pdf);
	free(g->items);
	free(g->sentence);
}

/* The check of the path's document with its reviews, its PDF when kept
 * (need_pdf: answered 404 when it is not), and the items; answered and -1
 * on failure. */
static int gather(req *q, gathered *g, int need_pdf)
{
	memset(g, 0, sizeof *g);
	ys_buf_init(&g->pdf);
	if (ys_srv_doc_meta(q, q->id, &g->m))
		return -1;
	if (!ys_srv_doc_may_see(q, &g->m)) {
		ys_srv_answer_error(q, 403, "没有权限查看文档 %lld", (long long)g->m.id);
		return -1;
	}
	if (!(g->check = ys_srv_doc_check_json(q, &g->m, NULL, NULL)))
		return -1;
	char media[YS_MEDIA_MAX];
	ys_result r = ys_store_load_original(&q->ctx, q->st, g->m.id, &g->pdf, media);
	if (!r && strcmp(media, "application/pdf"))
		ys_buf_reset(&g->pdf), r = YS_ENOTFOUND;
	if (r && r != YS_ENOTFOUND) {
		ys_srv_answer_store_error(q);
		return -1;
	}
	if (r && need_pdf) {
		ys_srv_answer_error(q, 404, "文档 %lld（%s）不是从 PDF 读取的，或没有保存原文件：没有可标注的 PDF",
		                    (long long)g->m.id, g->m.file);
		return -1;
	}
	ys_ctx_init(&q->ctx);
	json_t *fs = json_object_get(g->check, "findings");
	size_t nf = json_array_size(fs);
	g->items = calloc(nf ? nf : 1, sizeof *g->items);
	g->sentence = calloc(nf ? nf : 1, sizeof *g->sentence);
	if (!g->items || !g->sentence) {
		ys_srv_answer_error(q, 500, "内存不足");
		return -1;
	}
	/* confirmed, then dismissed, each in the document's order */
	size_t k = 0;
	for (int pass = 0; pass < 2; pass++) {
		const char *want = pass ? "dismissed" : "confirmed";
		size_t i, number = 0;
		json_t *f;
		json_array_foreach(fs, i, f)
		{
			json_t *rv = json_object_get(f, "review");
			if (!json_is_object(rv) || strcmp(jstr(rv, "state"), want))
				continue;
			ys_review_item *it = &g->items[k];
			it->number = (int)++number;
			it->table = jstr(f, "table");
			it->row = jstr(f, "row");
			it->column = jstr(f, "column");
			it->rule = jstr(f, "rule");
			it->message = jstr(f, "message");
			json_t *ex = json_object_get(f, "expected_fen"), *fo = json_object_get(f, "found_fen");
			if (json_is_integer(ex) && json_is_integer(fo)) {
				it->has_amounts = 1;
				it->expected = json_integer_value(ex);
				it->found = json_integer_value(fo);
			}
			it->reviewer = jstr(rv, "user");
			it->reviewed_at = jstr(rv, "at");
			it->reason = jstr(rv, "reason");
			it->comment = jstr(rv, "comment");
			ys_srv_finding_place(f, &it->place, g->sentence[k], sizeof g->sentence[k]);
			/* until the PDF says where: the page the finding names */
			it->place.page = (int)json_integer_value(json_object_get(f, "page"));
			k++;
		}
		if (pass)
			g->ndismissed = number;
		else
			g->nconfirmed = number;
	}
	if (g->pdf.len && k) {
		ys_place *pl = malloc(k * sizeof *pl);
		if (!pl) {
			ys_srv_answer_error(q, 500, "内存不足");
			return -1;
		}
		for (size_t i = 0; i < k; i++)
			pl[i] = g->items[i].place;
		if (ys_pdf_locate(&q->ctx, g->m.file, g->pdf.s, g->pdf.len, pl, k)) {
			free(pl);
			ys_srv_answer_store_error(q);
			return -1;
		}
		for (size_t i = 0; i < k; i++)
			if (pl[i].page) /* else no box, and the page the finding names */
				g->items[i].place = pl[i];
		free(pl);
	}
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(g->date, sizeof g->date, "%Y-%m-%d", &tm);
	g->e.department = g->m.department;
	g->e.year = g->m.year;
	g->e.file = g->m.file;
	g->e.date = g->date;
	g->e.confirmed = g->items;
	g->e.nconfirmed = g->nconfirmed;
	g->e.dismissed = g->items + g->nconfirmed;
	g->e.ndismissed = g->ndismissed;
	return 0;
}

static void answer_file(req *q, ys_buf *b, const char *ctype, const char *name)
{
	ys_buf_release(&q->out);
	q->out = *b;
	ys_buf_init(b);
	q->status = 200;
	q->ctype = ctype;
	snprintf(q->disposition, sizeof q->disposition, "attachment; filename=\"%s\"", name);
}

void ys_srv_review_xlsx(req *q)
{
	gathered g;
	if (gather(q, &g, 0)) {
		gathered_release(&g);
		return;
	}
	/* libxlsxwriter writes a file: one of the server's naming, read back */
	char path[512], name[64];
	snprintf(path, sizeof path, "%s/r%lu.xlsx", q->srv->tmpdir,
	         (unsigned long)__atomic_add_fetch(&q->srv->seq, 1, __ATOMIC_RELAXED));
	ys_result r = ys_review_xlsx(&q->ctx, &g.e, path);
	char *data = NULL;
	size_t len = 0;
	if (!r)
		r = ys_file_read(&q->ctx, path, &data, &len);
	unlink(path);
	if (r) {
		ys_srv_answer_store_error(q);
	} else {
		ys_buf b = YS_BUF_INIT;
		ys_buf_add(&b, data, len);
		snprintf(name, sizeof name, "review-%lld.xlsx", (long long)g.m.id);
		answer_file(q, &b, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
		ys_buf_release(&b);
	}
	free(data);
	gathered_release(&g);
}

void ys_srv_review_pdf(req *q)
{
	gathered g;
	if (gather(q, &g, 1)) {
		gathered_release(&g);
		return;
	}
	ys_buf b = YS_BUF_INIT;
	if (ys_review_pdf(&q->ctx, &g.e, g.pdf.s, g.pdf.len, &b)) {
		ys_srv_answer_store_error(q);
	} else {
		char name[64];
		snprintf(name, sizeof name, "review-%lld.pdf", (long long)g.m.id);
		answer_file(q, &b, "application/pdf", name);
	}
	ys_buf_release(&b);
	gathered_release(&g);
}
