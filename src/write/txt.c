/*
 * write/txt.c - report.txt: the title, the 目录, the 情况说明 a paragraph
 * per line with its marker in front and an empty line after it (so that a
 * reader never runs one paragraph into the next), then the 13 tables in the
 * published text layout (render/text.c), which reads back to the same cells.
 */
#include <stdio.h>
#include <string.h>

#include "write/write_int.h"
#include "yusuan/render.h"

static const char *cn(int k, char *buf, size_t cap)
{
	static const char *const d[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
	if (k < 10)
		snprintf(buf, cap, "%s", d[k]);
	else if (k < 20)
		snprintf(buf, cap, "十%s", d[k % 10]);
	else
		snprintf(buf, cap, "%s十%s", d[k / 10 % 10], d[k % 10]);
	return buf;
}

void ys_story_table_entry(const ys_doc *doc, int k, char *buf, size_t cap)
{
	const ys_table *t = doc->tables[doc->order[k]];
	char num[32];
	snprintf(buf, cap, "%s、%s", cn(k + 1, num, sizeof num), t->def->title);
}

ys_result ys_story_write_text(ys_ctx *ctx, const ys_story *s, const ys_doc *doc, ys_buf *out)
{
	ys_buf_adds(out, s->title);
	ys_buf_adds(out, "\n\n目录\n\n");
	for (int i = 0; i < s->n; i++) {
		const ys_block *b = &s->b[i];
		if (ys_story_in_toc(b))
			ys_buf_addf(out, "%s%s%s\n", b->kind == YS_B_PART ? "" : "  ", b->marker, b->text);
		if (i == s->tables_part)
			for (int k = 0; k < doc->ntables; k++) {
				char e[256];
				ys_story_table_entry(doc, k, e, sizeof e);
				ys_buf_addf(out, "  %s\n", e);
			}
	}
	ys_buf_adds(out, "\n");
	for (int i = 0; i < s->n; i++) {
		const ys_block *b = &s->b[i];
		ys_buf_addf(out, "%s%s%s\n\n", b->kind == YS_B_PARA ? "　　" : "", b->marker, b->text);
	}
	ys_result r = ys_render_text(ctx, doc, -1, out);
	if (!r && out->oom)
		r = ys_error(ctx, YS_ENOMEM, "内存不足");
	return r;
}
