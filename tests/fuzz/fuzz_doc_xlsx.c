/*
 * fuzz_doc_xlsx.c - a published disclosure read from an XLSX workbook
 * (ys_doc_read_xlsx: each sheet's rows become lines of the text layout,
 * which the text reader reads), then ys_check with no catalog and the text
 * renderer.
 *
 * Input: as fuzz_input_xlsx - zip bytes as they are, or 0x1E-separated
 * "name\n" + bytes parts packed stored.  Seeds: the example disclosure as
 * yusuan publishes it (tables.xlsx) and the workbooks of tests/fixtures/xlsx/.
 */
#include "fuzzutil.h"
#include "fuzzdoc.h"

#include "yusuan/doc.h"
#include "yusuan/render.h"
#include "yusuan/rules.h"

static char path[512];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	snprintf(path, sizeof path, "%s/tables.xlsx", fz_scratch("doc-xlsx"));
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (fz_make_xlsx(path, data, size))
		return 0;
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = (ys_doc *)1;
	ys_result r = ys_doc_read_xlsx(&ctx, path, &doc);
	if (fz_failed("read", r, &ctx, doc))
		return 0;
	fz_check_doc(doc);
	ys_buf out = YS_BUF_INIT;
	if (ys_render_text(&ctx, doc, -1, &out) != YS_OK)
		die("render_text failed: %s", ctx.msg);
	ys_buf_release(&out);
	ys_doc_free(doc);
	return 0;
}
