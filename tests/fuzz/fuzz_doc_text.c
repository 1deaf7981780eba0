/*
 * fuzz_doc_text.c - the disclosure text reader, from memory
 * (ys_doc_read_text), then everything that walks what it read: ys_check
 * with no catalog, ys_row_label, and the text, CSV and JSON renderers.
 *
 * Invariants: a failed read leaves no document and a message; the text
 * layout round-trips - what ys_render_text writes reads back to the same
 * tables, rows (kind, block) and cells (text, 分, present), and rendering
 * that again gives the same bytes; check's counts add up.
 *
 * A form feed (\f) splits the input: the document before it, last year's
 * after it.  Then the document is also checked against last year's (the
 * yoy.* rules) and its HTML site written (the charts' sums) - only then,
 * as writing the site costs more than the rest.
 */
#include "fuzzutil.h"
#include "fuzzdoc.h"

#include "yusuan/doc.h"
#include "yusuan/render.h"
#include "yusuan/rules.h"

static void walk(const ys_doc *doc)
{
	char buf[128];
	for (int k = 0; k < YS_NTABLES; k++) {
		const ys_table *t = doc->tables[k];
		if (!t)
			continue;
		if (t->def->id != (ys_tid)k)
			die("table %d holds the description of %d", k, t->def->id);
		for (int r = 0; r < t->nrows; r++)
			for (int p = 0; p < t->def->npanels; p++) {
				const char *l = ys_row_label(t, r, p, buf, sizeof buf);
				if (!l || strnlen(l, sizeof buf) >= sizeof buf)
					die("row label of table %02d row %d not terminated", k + 1, r);
			}
	}
}

/* The document checked against last year's (when that reads), and its
 * HTML site with the findings. */
static void with_last_year(const ys_doc *doc, const uint8_t *data, size_t size)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *prev = NULL;
	if (ys_doc_read_text(&ctx, "last-year.txt", (const char *)data, size, &prev) != YS_OK)
		prev = NULL;
	ys_report *rep = NULL;
	ys_check_opts opts = { NULL, NULL, prev };
	if (ys_check(&ctx, doc, &opts, &rep) != YS_OK)
		rep = NULL;
	char dir[512];
	snprintf(dir, sizeof dir, "%s/html", fz_scratch("doc_text"));
	ys_ctx_init(&ctx);
	if (ys_render_html(&ctx, doc, rep, dir) != YS_OK)
		die("render_html failed: %s", ctx.msg);
	ys_report_free(rep);
	ys_doc_free(prev);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	const uint8_t *ff = memchr(data, '\f', size);
	size_t len = ff ? (size_t)(ff - data) : size;
	ys_doc *doc = (ys_doc *)1;
	ys_result r = ys_doc_read_text(&ctx, "fuzz.txt", (const char *)data, len, &doc);
	if (fz_failed("read", r, &ctx, doc))
		return 0;
	walk(doc);

	fz_check_doc(doc);
	if (ff)
		with_last_year(doc, ff + 1, size - len - 1);

	ys_buf out = YS_BUF_INIT, out2 = YS_BUF_INIT;
	ys_ctx_init(&ctx);
	if (ys_render_text(&ctx, doc, -1, &out) != YS_OK)
		die("render_text failed: %s", ctx.msg);
	ys_doc *again = NULL;
	if (ys_doc_read_text(&ctx, "again.txt", out.s, out.len, &again) != YS_OK)
		die("the rendered text does not read back: %s", ctx.msg);
	same_cells(doc, again);
	if (ys_render_text(&ctx, again, -1, &out2) != YS_OK)
		die("render_text (again) failed: %s", ctx.msg);
	if (out.len != out2.len || memcmp(out.s, out2.s, out.len))
		die("rendering the re-read document gives other bytes");
	ys_doc_free(again);
	ys_buf_release(&out);
	ys_buf_release(&out2);

	ys_buf_init(&out);
	if (ys_render_csv(&ctx, doc, -1, &out) != YS_OK)
		die("render_csv failed: %s", ctx.msg);
	ys_buf_reset(&out);
	if (doc->ntables && ys_render_csv(&ctx, doc, doc->order[0], &out) != YS_OK)
		die("render_csv of one table failed: %s", ctx.msg);
	ys_buf_reset(&out);
	if (ys_render_json(&ctx, doc, -1, &out) != YS_OK)
		die("render_json failed: %s", ctx.msg);
	ys_buf_release(&out);

	ys_doc_free(doc);
	return 0;
}
