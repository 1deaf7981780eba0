/*
 * fuzz_catalog.c - the classification catalog loader (ys_catalog_open,
 * ys_catalog_load_file) and its lookups (find, map, name_ok).
 *
 * A scratch copy of data/catalog/2025 is made once (each file cut to its
 * first 60 lines, to keep an execution fast); the fuzz data replaces one
 * of its files.  Input: byte 0 - low 3 bits (mod 6) pick the file:
 * function, dept_econ, gov_econ, revenue, dept_gov_map, variants; 0x08:
 * open the root of year folders rather than the year folder; bits 4-6
 * (mod 6): the kind the same file is then loaded again as, through
 * ys_catalog_load_file.  The rest is the file.
 *
 * Invariants: a failed open leaves no catalog and a message; a found row
 * has the code asked for, a level of 1-3 and a known confidence; a map row
 * found for a code is that code's (or its 款's).
 */
#include "fuzzutil.h"

#include "yusuan/catalog.h"

static const char *const files[6] = { "function", "dept_econ", "gov_econ", "revenue", "dept_gov_map", "variants" };
static const char *const kinds[6] = { "function", "dept_econ", "gov_econ", "revenue", "map", "variants" };
static char *base[6];
static size_t baselen[6];
static char root[512], ydir[600];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	for (int i = 0; i < 6; i++) {
		char p[512];
		snprintf(p, sizeof p, "%s/data/catalog/2025/%s.csv", FUZZ_ROOT, files[i]);
		base[i] = fz_slurp(p, &baselen[i]);
		if (!base[i]) {
			fprintf(stderr, "fuzz_catalog: cannot read %s\n", p);
			abort();
		}
		{ /* the first 60 lines: enough to refer to, quick to load */
			size_t k = 0;
			for (int lines = 0; k < baselen[i] && lines < 60; k++)
				lines += base[i][k] == '\n';
			baselen[i] = k;
		}
	}
	snprintf(root, sizeof root, "%s/catalog", fz_scratch("catalog"));
	snprintf(ydir, sizeof ydir, "%s/2025", root);
	if (mkdir(root, 0700) || mkdir(ydir, 0700)) {
		perror(ydir);
		abort();
	}
	return 0;
}

static void lookups(const ys_catalog *cat, const uint8_t *data, size_t size)
{
	static const char *const names[] = { "事业运行", "行政运行", "其他一般公共服务支出", "工资福利支出", "" };
	size_t i = 0;
	int done = 0;
	while (i < size && done < 64) {
		while (i < size && (data[i] < '0' || data[i] > '9'))
			i++;
		size_t s = i;
		while (i < size && data[i] >= '0' && data[i] <= '9')
			i++;
		if (i == s)
			break;
		char code[16];
		size_t n = i - s < 12 ? i - s : 12;
		memcpy(code, data + s, n);
		code[n] = '\0';
		for (int k = 0; k < YS_CAT_NKINDS; k++) {
			const ys_catrow *r = ys_catalog_find(cat, (ys_catkind)k, code);
			if (!r)
				continue;
			if (strcmp(r->code, code))
				die("find(%d, '%s') gave row '%s'", k, code, r->code);
			if (r->level < 1 || r->level > 3 || (unsigned)r->conf > YS_CONF_SEEN)
				die("row '%s': level %d, confidence %d", code, r->level, r->conf);
			if (!r->name || !r->parent || !r->budget || !r->seen_in)
				die("row '%s' with a NULL string", code);
			(void)ys_catalog_name_ok(cat, (ys_catkind)k, r, names[done % 5]);
			(void)ys_catalog_name_ok(cat, (ys_catkind)k, r, r->name);
		}
		const ys_catmap *m = ys_catalog_map(cat, code);
		if (m) {
			char want[8];
			snprintf(want, sizeof want, "%.5s", code);
			if (!m->dept_code || strcmp(m->dept_code, want))
				die("map('%s') gave row '%s'", code, m->dept_code ? m->dept_code : "(null)");
			for (int t = 0; t < 3; t++)
				if (!m->gov_code[t] || !m->gov_name[t])
					die("map('%s'): NULL gov code of type %d", code, t);
		}
		done++;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	int which = (data[0] & 7) % 6, again = ((data[0] >> 4) & 7) % 6;
	for (int i = 0; i < 6; i++) {
		char p[700];
		snprintf(p, sizeof p, "%s/%s.csv", ydir, files[i]);
		if (i == which)
			fz_write(p, data + 1, size - 1);
		else
			fz_write(p, base[i], baselen[i]);
	}
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_catalog *cat = (ys_catalog *)1;
	ys_result r = ys_catalog_open(&ctx, (data[0] & 8) ? root : ydir, 2026, &cat);
	if (fz_failed("open", r, &ctx, cat))
		return 0;
	if (ys_catalog_year(cat) != 2025)
		die("catalog year %d", ys_catalog_year(cat));
	lookups(cat, data + 1, size - 1);

	char p[700];
	snprintf(p, sizeof p, "%s/%s.csv", ydir, files[which]);
	ys_ctx_init(&ctx);
	if (ys_catalog_load_file(&ctx, cat, kinds[again], p) == YS_OK)
		lookups(cat, data + 1, size - 1);
	else if (!ctx.msg[0])
		die("load_file failed without a message");
	ys_catalog_free(cat);
	return 0;
}
