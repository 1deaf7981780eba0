/*
 * serve/pdfview.c - a document's printed pages: a page of the PDF it was
 * read from as a PNG, with a finding's place boxed in red
 * (/documents/{id}/pages/{n}.png?finding=KEY), and a finding's own page
 * that shows it (/documents/{id}/findings/{n}; its JSON under /api/v1/).
 *
 * Nothing is kept between requests: the page is drawn from the file the
 * store keeps (ys_store_load_original), the place found again in its text
 * layer (ys_pdf_locate), so any serve process answers alike.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve/serve_int.h"

#define PAGE_SCALE 1.5 /* pixels per point: 1263 × 893 for an A4 landscape page */

static int media_row(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	*(int *)arg = row[0].type == YS_V_TEXT && row[0].s && !strcmp(row[0].s, "application/pdf");
	return 1;
}

int ys_srv_doc_has_pdf(req *q, int64_t id)
{
	int pdf = 0;
	ys_value v = { YS_V_INT, id, NULL };
	ys_ctx scratch; /* a page without the links is still the page */
	ys_ctx_init(&scratch);
	ys_store_select(&scratch, q->st, "SELECT media FROM doc_original WHERE disclosure_id = ?", &v, 1, media_row, &pdf);
	return pdf;
}

/* The PDF of document m into *pdf; answered (404, 500) when there is none. */
static int load_pdf(req *q, const docmeta *m, ys_buf *pdf)
{
	char media[YS_MEDIA_MAX];
	ys_result r = ys_store_load_original(&q->ctx, q->st, m->id, pdf, media);
	if (r == YS_ENOTFOUND || (!r && strcmp(media, "application/pdf"))) {
		ys_srv_answer_error(q, 404, "文档 %lld（%s）不是从 PDF 读取的，或没有保存原文件：没有页面可画", (long long)m->id,
		                    m->file);
		return -1;
	}
	if (r) {
		ys_srv_answer_store_error(q);
		return -1;
	}
	return 0;
}

int ys_srv_finding_place(json_t *f, ys_place *p, char *sentence, size_t cap)
{
	memset(p, 0, sizeof *p);
	json_t *line = json_object_get(f, "line"), *col = json_object_get(f, "col"), *page = json_object_get(f, "page");
	if (!json_is_integer(line) || !json_is_integer(page) || json_integer_value(line) < 1 ||
	    json_integer_value(line) > 10000000)
		return 0;
	p->line = (int)json_integer_value(line);
	p->col = json_is_integer(col) && json_integer_value(col) > 0 && json_integer_value(col) < 100000
	         ? (int)json_integer_value(col)
	         : 0;
	/* a sentence's finding quotes it: “…”：the rest */
	const char *msg = json_string_value(json_object_get(f, "message"));
	sentence[0] = '\0';
	if (!p->col && msg && !strncmp(msg, "“", 3)) {
		const char *end = strstr(msg + 3, "”：");
		size_t n = end ? (size_t)(end - msg - 3) : 0;
		if (n && n < cap) {
			memcpy(sentence, msg + 3, n);
			sentence[n] = '\0';
			p->text = sentence;
		}
	}
	return 1;
}

/* The finding of m's check whose key is key, or NULL;
 * *j holds the check (the caller frees it).  Answered when NULL. */
static json_t *finding_by_key(req *q, const docmeta *m, const char *key, json_t **j)
{
	*j = ys_srv_doc_check_json(q, m, NULL, NULL);
	if (!*j)
		return NULL;
	size_t i;
	json_t *f;
	json_array_foreach(json_object_get(*j, "findings"), i, f)
	{
		if (!strcmp(json_string_value(json_object_get(f, "key")), key))
			return f;
	}
	ys_srv_answer_error(q, 404, "文档 %lld 没有这条发现：%s", (long long)m->id, key);
	return NULL;
}

/* The document of the path's {id}, when q may see it; answered if not. */
static int doc_of(req *q, docmeta *m)
{
	if (ys_srv_doc_meta(q, q->id, m))
		return -1;
	if (!ys_srv_doc_may_see(q, m)) {
		ys_srv_answer_error(q, 403, "没有权限查看文档 %lld", (long long)m->id);
		return -1;
	}
	return 0;
}

void ys_srv_page_png(req *q)
{
	docmeta m;
	if (doc_of(q, &m))
		return;
	int64_t n = ys_srv_path_n(q);
	ys_buf pdf = YS_BUF_INIT, png = YS_BUF_INIT;
	json_t *j = NULL;
	ys_place pl;
	char sentence[4096];
	size_t npl = 0;
	if (load_pdf(q, &m, &pdf))
		goto done;
	const char *key = ys_srv_req_arg(q, "finding");
	if (key && *key) {
		json_t *f = finding_by_key(q, &m, key, &j);
		if (!f)
			goto done;
		if (ys_srv_finding_place(f, &pl, sentence, sizeof sentence)) {
			if (ys_pdf_locate(&q->ctx, m.file, pdf.s, pdf.len, &pl, 1)) {
				ys_srv_answer_store_error(q);
				goto done;
			}
			npl = 1;
		}
	}
	if (n < 1 || n > 100000) {
		ys_srv_answer_error(q, 404, "文档 %lld 没有第 %lld 页", (long long)m.id, (long long)n);
		goto done;
	}
	ys_result r = ys_pdf_page_png(&q->ctx, pdf.s, pdf.len, (int)n, PAGE_SCALE, &pl, npl, &png);
	if (r == YS_ENOTFOUND) {
		ys_srv_answer_error(q, 404, "文档 %lld：%s", (long long)m.id, q->ctx.msg);
	} else if (r) {
		ys_srv_answer_store_error(q);
	} else {
		ys_buf_release(&q->out);
		q->out = png;
		ys_buf_init(&png);
		q->status = 200;
		q->ctype = "image/png";
	}
done:
	json_decref(j);
	ys_buf_release(&pdf);
	ys_buf_release(&png);
}

/* Finding n (from 0, as the document page numbers them) of m's check, with
 * its place on the page when the PDF is kept: the finding's JSON with
 * "index", "place" ({page, x0, y0, x1, y1} in points, or null) and "image"
 * (the page's URL with its box, or null).  Answered when NULL. */
static json_t *finding_json(req *q, const docmeta *m, int64_t n, json_t **check)
{
	*check = ys_srv_doc_check_json(q, m, NULL, NULL);
	if (!*check)
		return NULL;
	json_t *fs = json_object_get(*check, "findings");
	if (n < 0 || (size_t)n >= json_array_size(fs)) {
		ys_srv_answer_error(q, 404, "文档 %lld 没有第 %lld 条发现（共 %zu 条）", (long long)m->id, (long long)n,
		                    json_array_size(fs));
		return NULL;
	}
	json_t *f = json_array_get(fs, (size_t)n);
	json_object_set_new(f, "index", json_integer(n));
	json_object_set_new(f, "place", json_null());
	json_object_set_new(f, "image", json_null());
	ys_place pl;
	char sentence[4096];
	if (!ys_srv_finding_place(f, &pl, sentence, sizeof sentence) || !ys_srv_doc_has_pdf(q, m->id))
		return f;
	ys_buf pdf = YS_BUF_INIT;
	if (load_pdf(q, m, &pdf))
		return NULL;
	ys_result r = ys_pdf_locate(&q->ctx, m->file, pdf.s, pdf.len, &pl, 1);
	ys_buf_release(&pdf);
	if (r) {
		ys_srv_answer_store_error(q);
		return NULL;
	}
	if (!pl.page)
		return f;
	json_object_set_new(f, "place", json_pack("{si sf sf sf sf}", "page", pl.page, "x0", pl.x0 / 10.0, "y0", pl.y0 / 10.0, "x1",
	                                          pl.x1 / 10.0, "y1", pl.y1 / 10.0)); /* points */
	/* the key in a URL: every byte but the unreserved ones escaped */
	ys_buf u = YS_BUF_INIT;
	ys_buf_addf(&u, "/documents/%lld/pages/%d.png?finding=", (long long)m->id, pl.page);
	for (const unsigned char *k = (const unsigned char *)json_string_value(json_object_get(f, "key")); k && *k; k++) {
		if ((*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z') || (*k >= '0' && *k <= '9') || strchr("-._~", *k))
			ys_buf_addc(&u, (char)*k);
		else
			ys_buf_addf(&u, "%%%02X", *k);
	}
	if (!u.oom)
		json_object_set_new(f, "image", json_string(u.s));
	ys_buf_release(&u);
	return f;
}

void ys_srv_api_finding(req *q)
{
	docmeta m;
	json_t *check = NULL;
	if (doc_of(q, &m))
		return;
	json_t *f = finding_json(q, &m, ys_srv_path_n(q), &check);
	if (f)
		ys_srv_answer_json(q, 200, json_incref(f));
	json_decref(check);
}

static const char *jstr(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	return json_is_string(v) ? json_string_value(v) : "";
}

void ys_srv_page_finding(req *q)
{
	docmeta m;
	json_t *check = NULL;
	if (doc_of(q, &m))
		return;
	int64_t n = ys_srv_path_n(q);
	json_t *f = finding_json(q, &m, n, &check);
	if (!f) {
		json_decref(check);
		return;
	}
	char title[700];
	snprintf(title, sizeof title, "%s %d年 · 文档 %lld · 第 %lld 条发现", m.department, m.year, (long long)m.id,
	         (long long)n + 1);
	ys_buf o = YS_BUF_INIT;
	ys_srv_page_open(q, &o, title);
	ys_buf_addf(&o, "<p><a id=\"finding-back\" href=\"/documents/%lld#f%lld\">回到文档</a>", (long long)m.id,
	            (long long)n);
	size_t nf = json_array_size(json_object_get(check, "findings"));
	if (n > 0)
		ys_buf_addf(&o, " · <a id=\"finding-prev\" href=\"/documents/%lld/findings/%lld\">上一条</a>", (long long)m.id,
		            (long long)n - 1);
	if ((size_t)n + 1 < nf)
		ys_buf_addf(&o, " · <a id=\"finding-next\" href=\"/documents/%lld/findings/%lld\">下一条</a>", (long long)m.id,
		            (long long)n + 1);
	ys_buf_adds(&o, "</p>\n<table class=\"list\" id=\"finding\">\n");
	static const char *const rows[][2] = { { "规则", "rule" }, { "级别", "severity" }, { "表", "table" },
		                               { "行", "row" },    { "列", "column" },     { "说明", "message" } };
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		ys_buf_adds(&o, "<tr><th>");
		ys_buf_adds(&o, rows[i][0]);
		ys_buf_addf(&o, "</th><td id=\"finding-%s\">", rows[i][1]);
		ys_srv_html_esc(&o, jstr(f, rows[i][1]));
		ys_buf_adds(&o, "</td></tr>\n");
	}
	json_t *rv = json_object_get(f, "review");
	if (json_is_object(rv)) {
		const char *st = jstr(rv, "state");
		ys_buf_adds(&o, "<tr><th>复核</th><td id=\"finding-review\">");
		ys_srv_html_esc(&o, !strcmp(st, "confirmed")   ? "已确认"
		                    : !strcmp(st, "dismissed") ? "已排除"
		                    : !strcmp(st, "comment")   ? "批注"
		                                               : st);
		ys_buf_adds(&o, " ");
		ys_srv_html_esc(&o, jstr(rv, "reason"));
		ys_buf_adds(&o, " ");
		ys_srv_html_esc(&o, jstr(rv, "comment"));
		ys_buf_adds(&o, "（");
		ys_srv_html_esc(&o, jstr(rv, "user"));
		ys_buf_adds(&o, "，");
		ys_srv_html_esc(&o, jstr(rv, "at"));
		ys_buf_adds(&o, "）</td></tr>\n");
	}
	ys_buf_adds(&o, "</table>\n");
	json_t *place = json_object_get(f, "place");
	const char *img = jstr(f, "image");
	if (json_is_object(place) && *img) {
		int pg = (int)json_integer_value(json_object_get(place, "page"));
		ys_buf_addf(&o, "<h3>原文第 %d 页</h3>\n<p><a id=\"finding-page-link\" href=\"", pg);
		ys_srv_html_esc(&o, img);
		ys_buf_adds(&o, "\">原尺寸图片</a></p>\n<p><img id=\"finding-page\" src=\"");
		ys_srv_html_esc(&o, img);
		ys_buf_addf(&o, "\" alt=\"原文第 %d 页，红框为这条发现的位置\" class=\"pdfpage\"></p>\n",
		            pg);
	} else {
		ys_buf_adds(&o, "<p id=\"finding-noplace\">这条发现没有原文页面上的位置（不是从 PDF 读取的文档，或发现针对整份文档）。</p>\n");
	}
	json_decref(check);
	ys_srv_page_close(q, &o, 200);
}
