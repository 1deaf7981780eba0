/*
 * fuzz_input_csv.c - the detailed budget's CSV folder reader
 * (ys_input_read_dir), then the detail rules and, when asked, the compile.
 *
 * The folder is the example budget (examples/2026-beijing-jiguan-shiwu)
 * with some of its sheets replaced by fuzz data.  Input: byte 0 selects -
 * low 4 bits: the first sheet replaced (mod 12, in the reader's order:
 * department units codes income carryover projects indicators items
 * procurement services sangong performance); 0x40: start from an empty
 * folder instead of the example; 0x80: also compile the budget when its
 * detail has no errors (ys_compile: tables rendered and read back) and
 * check the tables.  The rest is split on 0x1E: part i is the file of
 * sheet (first + i) mod 12.
 *
 * Invariants: a failed read leaves no budget and a message; every item's
 * unit and project index is in range and its codes are digits; a budget
 * that reads and passes the detail rules compiles (no parse error of the
 * compiled text).
 */
#include "fuzzutil.h"

#include "yusuan/catalog.h"
#include "yusuan/compile.h"
#include "yusuan/input.h"
#include "yusuan/render.h"
#include "yusuan/rules.h"

#define NSHEETS 12
static const char *const sheet_ids[NSHEETS] = { "department", "units",      "codes",       "income",
                                                "carryover",  "projects",   "indicators",  "items",
                                                "procurement", "services", "sangong",     "performance" };
static char *base[NSHEETS];
static size_t baselen[NSHEETS];
static ys_catalog *cat;
static char dir[512];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	for (int i = 0; i < NSHEETS; i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/examples/2026-beijing-jiguan-shiwu/%s.csv", FUZZ_ROOT, sheet_ids[i]);
		base[i] = fz_slurp(path, &baselen[i]);
	}
	cat = fz_catalog("fuzz_input_csv");
	snprintf(dir, sizeof dir, "%s/budget", fz_scratch("input-csv"));
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		perror(dir);
		abort();
	}
	return 0;
}

static void sane(const ys_budget *b)
{
	if (!b->department || b->nunits <= 0)
		die("a budget without department or units was accepted");
	for (size_t i = 0; i < b->nitems; i++) {
		const ys_item *it = &b->items[i];
		if (it->unit < 0 || it->unit >= b->nunits)
			die("item %zu: unit %d of %d", i, it->unit, b->nunits);
		if (it->project < -1 || it->project >= b->nprojects)
			die("item %zu: project %d of %d", i, it->project, b->nprojects);
		if (it->fund >= YS_NFUNDS)
			die("item %zu: fund %d", i, it->fund);
		for (const char *p = it->func; *p; p++)
			if (*p < '0' || *p > '9')
				die("item %zu: func code '%s'", i, it->func);
	}
	for (int i = 0; i < b->nprojects; i++)
		if (b->projects[i].unit < 0 || b->projects[i].unit >= b->nunits)
			die("project %d: unit %d of %d", i, b->projects[i].unit, b->nunits);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned sel = data[0];
	int first = (int)(sel & 0x0f) % NSHEETS;
	fz_part parts[NSHEETS];
	int np = fz_split(data + 1, size - 1, parts, NSHEETS);
	const uint8_t *content[NSHEETS] = { 0 };
	size_t clen[NSHEETS] = { 0 };
	int given[NSHEETS] = { 0 };
	for (int i = 0; i < np; i++) {
		int s = (first + i) % NSHEETS;
		content[s] = parts[i].p;
		clen[s] = parts[i].n;
		given[s] = 1;
	}
	for (int s = 0; s < NSHEETS; s++) {
		char path[700];
		snprintf(path, sizeof path, "%s/%s.csv", dir, sheet_ids[s]);
		if (given[s])
			fz_write(path, content[s], clen[s]);
		else if (base[s] && !(sel & 0x40))
			fz_write(path, base[s], baselen[s]);
		else
			unlink(path);
	}

	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_budget *b = (ys_budget *)1;
	ys_result r = ys_input_read_dir(&ctx, dir, &b);
	if (fz_failed("read", r, &ctx, b))
		return 0;
	sane(b);

	ys_buf out = YS_BUF_INIT;
	if (ys_render_budget_json(&ctx, NULL, b, &out) != YS_OK)
		die("render_budget_json failed: %s", ctx.msg);
	ys_buf_release(&out);

	ys_report *rep = NULL;
	ys_ctx_init(&ctx);
	if (ys_check_budget(&ctx, b, cat, &rep) == YS_OK) {
		if (!rep->count[YS_SEV_ERROR] && (sel & 0x80)) {
			ys_doc *doc = NULL;
			ys_ctx_init(&ctx);
			ys_result cr = ys_compile(&ctx, b, cat, &doc);
			if (cr == YS_OK) {
				ys_report *drep = NULL;
				ys_check_opts opts = { cat, NULL, NULL };
				if (ys_check(&ctx, doc, &opts, &drep) == YS_OK)
					ys_report_free(drep);
				ys_doc_free(doc);
			} else if (cr == YS_EPARSE) {
				/* what the reader and the detail rules let through
				 * compiles: an error is blamed on the input where it
				 * is written, never on the compiled text */
				die("a detail that passed the rules does not compile: %s", ctx.msg);
			}
		}
		ys_report_free(rep);
	}
	ys_budget_free(b);
	return 0;
}
