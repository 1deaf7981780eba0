/*
 * render/text.c - the published tab-separated text layout.
 */
#include <string.h>

#include "yusuan/render.h"
#include "base_int.h"

static void put_header(ys_buf *out, const ys_hrow *h)
{
	for (int i = 0; i < h->ncells; i++) {
		if (i)
			ys_buf_addc(out, '\t');
		ys_buf_adds(out, h->cells[i]);
	}
	ys_buf_addc(out, '\n');
}

static void put_row(ys_buf *out, const ys_table *t, const ys_row *row)
{
	const ys_tabledef *d = t->def;
	if (row->shape >= 0) {
		const ys_shape *sh = &d->shapes[row->shape];
		for (int i = 0; i < sh->nslots; i++) {
			if (i)
				ys_buf_addc(out, '\t');
			if (sh->slots[i] == -2)
				ys_buf_adds(out, sh->lead);
			else if (sh->slots[i] >= 0)
				ys_buf_adds(out, row->cells[sh->slots[i]].text);
		}
	} else {
		/* one reservation for the row: rows are most of a table's bytes */
		size_t len[64], total = (size_t)d->ncols;
		int n = d->ncols < 64 ? d->ncols : 64;
		for (int c = 0; c < n; c++)
			total += len[c] = strlen(row->cells[c].text);
		ys_buf_reserve(out, total);
		if (out->oom)
			return;
		char *p = out->s + out->len;
		for (int c = 0; c < n; c++) {
			if (c)
				*p++ = '\t';
			memcpy(p, row->cells[c].text, len[c]);
			p += len[c];
		}
		out->len = (size_t)(p - out->s);
		out->s[out->len] = '\0';
		for (int c = n; c < d->ncols; c++) {
			ys_buf_addc(out, '\t');
			ys_buf_adds(out, row->cells[c].text);
		}
	}
	ys_buf_addc(out, '\n');
}

static void put_table(ys_buf *out, const ys_table *t)
{
	ys_buf_adds(out, t->title);
	ys_buf_adds(out, "\n\n");
	if (t->subtitle[0]) {
		ys_buf_adds(out, t->subtitle);
		ys_buf_adds(out, "\n\n");
	}
	if (t->unit_line) {
		ys_buf_adds(out, t->unit_text);
		ys_buf_adds(out, "\n\n");
	}
	int h = 0;
	for (int r = 0; r <= t->nrows; r++) {
		while (h < t->nheaders && t->headers[h].before == r)
			put_header(out, &t->headers[h++]);
		if (r < t->nrows)
			put_row(out, t, &t->rows[r]);
	}
	ys_buf_addc(out, '\n');
}

/* A table of another layout, as the general reader aligned it: title,
 * unit, a line of column labels, a line per row (tab-separated). */
static void put_general(ys_buf *out, const ys_doc *doc, const ys_table *t)
{
	char pl[600];
	const ys_tabledef *d = t->def;
	ys_buf_addf(out, "%s\n\n", t->title);
	if (t->page)
		ys_buf_addf(out, "（%s）", ys_doc_page_label(doc, t->page, pl, sizeof pl));
	ys_buf_addf(out, "单位：%s\n\n", ys_unit_name(t->unit));
	for (int c = 0; c < d->ncols; c++)
		ys_buf_addf(out, "%s%s", c ? "\t" : "", d->cols[c].label ? d->cols[c].label : "");
	ys_buf_addc(out, '\n');
	for (int r = 0; r < t->nrows; r++) {
		for (int c = 0; c < d->ncols; c++)
			ys_buf_addf(out, "%s%s", c ? "\t" : "", t->rows[r].cells[c].text);
		ys_buf_addc(out, '\n');
	}
	if (t->note)
		ys_buf_addf(out, "%s\n", t->note);
	ys_buf_addc(out, '\n');
}

static ys_result render_text_body(ys_ctx *ctx, const ys_doc *doc, int tid, ys_buf *out)
{
	for (int i = 0; i < doc->ntables; i++) {
		const ys_table *t = doc->tables[doc->order[i]];
		if (tid >= 0 && (int)t->def->id != tid)
			continue;
		put_table(out, t);
	}
	for (int i = 0; i < doc->nothers && tid < 0; i++)
		put_general(out, doc, doc->others[i]);
	return out->oom ? ys_error(ctx, YS_ENOMEM, "生成文本时内存不足") : YS_OK;
}

ys_result ys_render_text(ys_ctx *ctx, const ys_doc *doc, int tid, ys_buf *out)
{
	unsigned long mark = ys_oom_mark();
	ys_result r = ys_oom_check(ctx, render_text_body(ctx, doc, tid, out), mark);
	return r;
}
