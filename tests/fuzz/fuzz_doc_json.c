/*
 * fuzz_doc_json.c - the JSON disclosure reader (ys_doc_read_json: jansson,
 * then the text layout it makes, read by the text reader), then ys_check
 * with no catalog and the JSON renderer.
 *
 * Invariants: a failed read leaves no document and a message; JSON
 * round-trips - what ys_render_json writes reads back to the same tables,
 * rows (kind, block) and cells (text, 分, present), and rendering that
 * again gives the same bytes.
 */
#include "fuzzutil.h"
#include "fuzzdoc.h"

#include "yusuan/render.h"
#include "yusuan/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = (ys_doc *)1;
	ys_result r = ys_doc_read_json(&ctx, "fuzz.json", (const char *)data, size, &doc);
	if (fz_failed("read", r, &ctx, doc))
		return 0;

	fz_check_doc(doc);

	ys_buf out = YS_BUF_INIT, out2 = YS_BUF_INIT;
	if (ys_render_json(&ctx, doc, -1, &out) != YS_OK)
		die("render_json failed: %s", ctx.msg);
	ys_doc *again = NULL;
	if (ys_doc_read_json(&ctx, "fuzz.json", out.s, out.len, &again) != YS_OK)
		die("the rendered JSON does not read back: %s", ctx.msg);
	same_cells(doc, again);
	if (ys_render_json(&ctx, again, -1, &out2) != YS_OK)
		die("render_json (again) failed: %s", ctx.msg);
	if (out.len != out2.len || memcmp(out.s, out2.s, out.len))
		die("rendering the re-read document gives other bytes");
	ys_doc_free(again);
	ys_buf_release(&out);
	ys_buf_release(&out2);
	ys_doc_free(doc);
	return 0;
}
