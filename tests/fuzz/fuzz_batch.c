/*
 * fuzz_batch.c - the batch export reader (ys_batch_compile on a file, one
 * thread): its block reader and record splitter, the column memos, then
 * the detail rules and the compile of each department read.
 *
 * Input: the export file as it is.  Invariants: a failed run leaves a
 * message; each department handed over has units, its items refer inside
 * it, and a department is compiled exactly when its detail has no errors;
 * the statistics add up.
 */
#include "fuzzutil.h"

#include "yusuan/batch.h"

static ys_catalog *cat;
static char path[512];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	cat = fz_catalog("fuzz_batch");
	snprintf(path, sizeof path, "%s/export.csv", fz_scratch("batch"));
	return 0;
}

static int one(const ys_budget *b, const struct ys_report *detail, const ys_doc *doc, void *arg)
{
	long *n = arg;
	(*n)++;
	if (!b || !detail)
		die("department without budget or detail report");
	if (b->nunits <= 0 || !b->department || !b->department[0])
		die("department without name or units");
	for (size_t i = 0; i < b->nitems; i++)
		if (b->items[i].unit < 0 || b->items[i].unit >= b->nunits || b->items[i].project >= b->nprojects)
			die("item %zu refers outside its department", i);
	if ((doc != NULL) != (detail->count[YS_SEV_ERROR] == 0))
		die("department %s: %d detail errors but %s", b->department, detail->count[YS_SEV_ERROR],
		    doc ? "compiled" : "not compiled");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_write(path, data, size);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_batch_stats st;
	long calls = 0;
	ys_result r = ys_batch_compile(&ctx, path, 2026, cat, 1, one, &calls, &st);
	if (r) {
		fz_note("batch", ctx.msg);
		if (!ctx.msg[0])
			die("batch failed (%s) without a message", ys_strerror(r));
		return 0;
	}
	if (st.departments != calls || st.refused > st.departments || st.bytes > size)
		die("stats: %ld departments, %ld refused, %ld calls, %llu bytes of %zu", st.departments, st.refused, calls,
		    (unsigned long long)st.bytes, size);
	return 0;
}
