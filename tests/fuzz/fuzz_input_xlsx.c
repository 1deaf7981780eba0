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

static ys_catalog *cat;
static char path[512];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	cat = fz_catalog("fuzz_input_xlsx");
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
	if (fz_failed("read", r, &ctx, b))
		return 0;
	for (size_t i = 0; i < b->nitems; i++)
		if (b->items[i].unit < 0 || b->items[i].unit >= b->nunits || b->items[i].project >= b->nprojects)
			die("item %zu refers outside the budget", i);
	ys_report *rep = NULL;
	if (ys_check_budget(&ctx, b, cat, &rep) == YS_OK)
		ys_report_free(rep);
	ys_budget_free(b);
	return 0;
}
