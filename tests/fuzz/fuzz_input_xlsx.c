/*
 * fuzz_input_xlsx.c - the detailed budget's XLSX reader
 * (ys_input_read_xlsx: libzip, expat, shared strings, number cells read
 * exactly), then the detail rules.
 *
 * Input: zip bytes ("PK" first) are written as they are; anything else is
 * a list of parts separated by 0x1E, each "name\n" then its bytes, packed
 * stored (not deflated) so that mutations reach the XML (see fuzzutil.h).
 * The seeds are the workbooks of tests/fixtures/xlsx/ in both forms.
 */
#include "fuzzutil.h"

#include "yusuan/catalog.h"
#include "yusuan/compile.h"
#include "yusuan/input.h"
#include "yusuan/rules.h"

#ifndef FUZZ_ROOT
#define FUZZ_ROOT "."
#endif

static ys_catalog *cat;
static char path[512];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	if (ys_catalog_open(&ctx, FUZZ_ROOT "/data/catalog", 2026, &cat) != YS_OK) {
		fprintf(stderr, "fuzz_input_xlsx: catalog: %s\n", ctx.msg);
		abort();
	}
	snprintf(path, sizeof path, "%s/budget.xlsx", fz_scratch("input-xlsx"));
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (fz_make_xlsx(path, data, size))
		return 0;
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_budget *b = (ys_budget *)1;
	ys_result r = ys_input_read_xlsx(&ctx, path, &b);
	if (r) {
		fz_note("read", ctx.msg);
		if (b)
			die("failed read left a budget");
		if (!ctx.msg[0])
			die("read failed (%s) without a message", ys_strerror(r));
		return 0;
	}
	for (size_t i = 0; i < b->nitems; i++)
		if (b->items[i].unit < 0 || b->items[i].unit >= b->nunits || b->items[i].project >= b->nprojects)
			die("item %zu refers outside the budget", i);
	ys_report *rep = NULL;
	if (ys_check_budget(&ctx, b, cat, &rep) == YS_OK)
		ys_report_free(rep);
	ys_budget_free(b);
	return 0;
}
