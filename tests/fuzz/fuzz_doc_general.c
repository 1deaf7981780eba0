/*
 * fuzz_doc_general.c - the general reader on tab-separated text
 * (ys_doc_read_general: decode, positioned lines with "-- page N --"
 * marks, tables found by the layout descriptions' titles, rows assembled,
 * columns clustered and typed), then ys_check with no catalog and the
 * JSON and CSV renderers, which list the general tables.
 *
 * Input: the text as it is.  Seeds: text layers of real disclosures from
 * other provinces (../shared/corpus), cut to a few pages.  Invariants: a
 * failed read leaves no document and a message; a document read holds at
 * least one table, every table reachable by ys_doc_table_at with rows of
 * its def's columns.
 */
#include "fuzzutil.h"
#include "fuzzdoc.h"

#include "yusuan/doc.h"
#include "yusuan/render.h"
#include "yusuan/rules.h"

static void walk(const ys_doc *doc)
{
	if (doc->nothers <= 0 && doc->ntables <= 0)
		die("a document without tables was accepted");
	for (int i = 0; i < YS_NTABLES + doc->nothers; i++) {
		const ys_table *t = ys_doc_table_at(doc, i);
		if (!t)
			continue;
		if (!t->def || t->def->ncols < 0 || t->nrows < 0)
			die("table %d without a description", i);
		for (int r = 0; r < t->nrows; r++) {
			if (!t->rows[r].cells && t->def->ncols)
				die("table %d row %d without cells", i, r);
			for (int c = 0; c < t->def->ncols; c++)
				if (!t->rows[r].cells[c].text)
					die("table %d row %d column %d: NULL text", i, r, c);
		}
	}
	for (int i = 0; i < doc->nunread; i++)
		if (!doc->unread[i].title || !doc->unread[i].why)
			die("unread title %d without title or reason", i);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = (ys_doc *)1;
	ys_result r = ys_doc_read_general(&ctx, "fuzz.txt", (const char *)data, size, &doc);
	if (fz_failed("read", r, &ctx, doc))
		return 0;
	walk(doc);
	fz_check_doc(doc);
	ys_buf out = YS_BUF_INIT;
	if (ys_render_json(&ctx, doc, -1, &out) != YS_OK)
		die("render_json failed: %s", ctx.msg);
	ys_buf_reset(&out);
	if (ys_render_csv(&ctx, doc, -1, &out) != YS_OK)
		die("render_csv failed: %s", ctx.msg);
	ys_buf_reset(&out);
	if (ys_render_text(&ctx, doc, -1, &out) != YS_OK)
		die("render_text failed: %s", ctx.msg);
	ys_buf_release(&out);
	ys_doc_free(doc);
	return 0;
}
