/*
 * write/html.c - report.html: the 情况说明 and the 13 tables on one page,
 * headings as <h1>-<h4>, the tables as the published site draws them
 * (ys_render_html_table), a print stylesheet; nothing from another host.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yusuan/render.h"
#include "write/write_int.h"
#include "yusuan/text.h"

static void esc(ys_buf *o, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<': ys_buf_adds(o, "&lt;"); break;
		case '>': ys_buf_adds(o, "&gt;"); break;
		case '&': ys_buf_adds(o, "&amp;"); break;
		case '"': ys_buf_adds(o, "&quot;"); break;
		default: ys_buf_addc(o, *s);
		}
	}
}

static const char css[] =
	"body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"Microsoft YaHei\",sans-serif;max-width:60em;"
	"margin:2em auto;padding:0 1em;line-height:1.8;color:#222}\n"
	"header.cover{text-align:center;margin:4em 0}header.cover p{font-size:1.6em;font-weight:bold;margin:.3em}\n"
	"nav ol{list-style:none;padding-left:0}nav li.h{padding-left:2em}\n"
	"h1{font-size:1.4em;text-align:center}h2{font-size:1.2em}h3,h4{font-size:1em}\n"
	"p.body{text-indent:2em}p.item{text-indent:2em}\n"
	"table{border-collapse:collapse;margin:1em 0 2em;font-size:.85em;width:100%}\n"
	"caption{font-weight:bold;font-size:1.1em;padding:.5em}caption span{display:block;text-align:right;"
	"font-weight:normal;font-size:.85em}\n"
	"th,td{border:1px solid #888;padding:.2em .4em}th{background:#eee}td.num{text-align:right;"
	"font-variant-numeric:tabular-nums;white-space:nowrap}tr.total td{font-weight:bold}\n"
	"@media print{body{max-width:none}section.tables table{page-break-inside:auto}h2.table{page-break-before:always}}\n";

ys_result ys_story_write_html(ys_ctx *ctx, const ys_story *s, const ys_doc *doc, ys_buf *o)
{
	ys_buf_adds(o, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
	for (const char *p = s->title; *p; p++)
		if (*p == '\n')
			ys_buf_addc(o, ' ');
		else
			ys_buf_addc(o, *p);
	ys_buf_addf(o, "</title>\n<meta name=\"viewport\" content=\"width=device-width\">\n<style>\n%s</style>\n</head>\n<body>\n"
	               "<header class=\"cover\">\n",
	            css);
	for (const char *p = s->title; *p;) {
		size_t n = strcspn(p, "\n");
		char line[1024];
		snprintf(line, sizeof line, "%.*s", (int)n, p);
		ys_buf_adds(o, "<p>");
		esc(o, line);
		ys_buf_adds(o, "</p>\n");
		p += n + (p[n] == '\n');
	}
	ys_buf_adds(o, "</header>\n<nav>\n<h1>目录</h1>\n<ol>\n");
	for (int i = 0; i < s->n; i++) {
		const ys_block *b = &s->b[i];
		if (ys_story_in_toc(b)) {
			ys_buf_addf(o, "<li%s><a href=\"#b%d\">", b->kind == YS_B_PART ? "" : " class=\"h\"", i);
			esc(o, b->marker);
			esc(o, b->text);
			ys_buf_adds(o, "</a></li>\n");
		}
		if (i == s->tables_part)
			for (int k = 0; k < doc->ntables; k++) {
				char e[256];
				ys_story_table_entry(doc, k, e, sizeof e);
				ys_buf_addf(o, "<li class=\"h\"><a href=\"#t%s\">", doc->tables[doc->order[k]]->def->code);
				esc(o, e);
				ys_buf_adds(o, "</a></li>\n");
			}
	}
	ys_buf_adds(o, "</ol>\n</nav>\n<main>\n");
	for (int i = 0; i < s->n; i++) {
		const ys_block *b = &s->b[i];
		switch (b->kind) {
		case YS_B_PART:
			ys_buf_addf(o, "<h1 id=\"b%d\">", i);
			esc(o, b->text);
			ys_buf_adds(o, "</h1>\n");
			break;
		case YS_B_HEADING:
			ys_buf_addf(o, "<h%d id=\"b%d\">", b->level + 1, i);
			esc(o, b->marker);
			esc(o, b->text);
			ys_buf_addf(o, "</h%d>\n", b->level + 1);
			break;
		case YS_B_ITEM:
		case YS_B_PARA:
			ys_buf_addf(o, "<p class=\"%s\">", b->kind == YS_B_ITEM ? "item" : "body");
			esc(o, b->marker);
			esc(o, b->text);
			ys_buf_adds(o, "</p>\n");
			break;
		}
	}
	ys_buf_adds(o, "<section class=\"tables\">\n");
	/* the published site's tables (render/html.c), without findings */
	for (int k = 0; k < doc->ntables; k++) {
		ys_result r = ys_render_html_table(ctx, doc, NULL, doc->order[k], o);
		if (r)
			return r;
	}
	ys_buf_adds(o, "</section>\n</main>\n</body>\n</html>\n");
	if (o->oom)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	return YS_OK;
}
