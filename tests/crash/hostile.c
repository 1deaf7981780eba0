/*
 * hostile.c - make hostile inputs on the fly for tests/cli/t0012-limits.sh
 * (nothing big is committed).
 *
 *     hostile part IN.xlsx OUT.xlsx PART KIND N   IN with PART replaced by KIND
 *     hostile lie IN.xlsx OUT.xlsx SIZE           every entry claims SIZE bytes inflated
 *     hostile pdf OUT N                           a PDF of N pages
 *     hostile gb OUT N                            N bytes of GB18030 text, one line
 *
 * KINDs of part (N is the size):
 *   rowgap   a sheet: a title in row 1, a cell in row N
 *   wide     N rows, each one cell in column XFD (16384)
 *   colref   a cell whose reference has N letters (AAA..A1)
 *   rowref   cells in rows 2147483647, -2147483648 and N
 *   nested   N nested elements inside sheetData
 *   laughs   a sheet whose cell text is "billion laughs": N levels of 10
 *   sst      shared strings: N empty <si/>
 *   rows     a sheet of N rows of two cells
 *   dept     the 部门 sheet of a budget whose 整体绩效目标 is N bytes
 * Large parts are deflated at level 1.  Built with libzip.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

typedef struct buf {
	char *s;
	size_t len, cap;
} buf;

static void add(buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t c = b->cap ? b->cap : 4096;
		while (c < b->len + n + 1)
			c *= 2;
		b->s = realloc(b->s, c);
		if (!b->s) {
			perror("hostile");
			exit(2);
		}
		b->cap = c;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = 0;
}

static void adds(buf *b, const char *s) { add(b, s, strlen(s)); }

static void addf(buf *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	add(b, tmp, (size_t)n);
}

static void addrep(buf *b, const char *s, long n)
{
	size_t k = strlen(s);
	for (long i = 0; i < n; i++)
		add(b, s, k);
}

#define WS "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" \
	"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
#define WE "</sheetData></worksheet>"

static void istr(buf *b, const char *ref, const char *text)
{
	addf(b, "<c r=\"%s\" t=\"inlineStr\"><is><t>", ref);
	adds(b, text);
	adds(b, "</t></is></c>");
}

static int make(buf *b, const char *kind, long n)
{
	if (!strcmp(kind, "rowgap")) {
		adds(b, WS "<row r=\"1\">");
		istr(b, "A1", "预算01表 收支总表");
		addf(b, "</row><row r=\"%ld\">", n);
		istr(b, "A1", "x");
		adds(b, "</row>" WE);
	} else if (!strcmp(kind, "wide")) {
		adds(b, WS);
		for (long i = 1; i <= n; i++) {
			char ref[32];
			snprintf(ref, sizeof ref, "XFD%ld", i);
			addf(b, "<row r=\"%ld\">", i);
			istr(b, ref, "x");
			adds(b, "</row>");
		}
		adds(b, WE);
	} else if (!strcmp(kind, "colref")) {
		adds(b, WS "<row r=\"1\"><c r=\"");
		addrep(b, "A", n);
		adds(b, "1\" t=\"inlineStr\"><is><t>x</t></is></c></row>" WE);
	} else if (!strcmp(kind, "rowref")) {
		adds(b, WS);
		const char *rows[3] = { "2147483647", "-2147483648", NULL };
		char last[32];
		snprintf(last, sizeof last, "%ld", n);
		rows[2] = last;
		for (int i = 0; i < 3; i++) {
			addf(b, "<row r=\"%s\">", rows[i]);
			istr(b, "A1", "x");
			adds(b, "</row>");
		}
		adds(b, WE);
	} else if (!strcmp(kind, "nested")) {
		adds(b, WS);
		addrep(b, "<a>", n);
		addrep(b, "</a>", n);
		adds(b, WE);
	} else if (!strcmp(kind, "laughs")) {
		adds(b, "<?xml version=\"1.0\"?>\n<!DOCTYPE worksheet [\n<!ENTITY l0 \"lol\">\n");
		for (long i = 1; i <= n; i++) {
			addf(b, "<!ENTITY l%ld \"", i);
			for (int k = 0; k < 10; k++)
				addf(b, "&l%ld;", i - 1);
			adds(b, "\">\n");
		}
		addf(b, "]>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
		        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&l%ld;</t></is></c></row>" WE, n);
	} else if (!strcmp(kind, "sst")) {
		adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
		        "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
		addrep(b, "<si/>", n);
		adds(b, "</sst>");
	} else if (!strcmp(kind, "rows")) {
		adds(b, WS);
		for (long i = 1; i <= n; i++) {
			char ref[32];
			addf(b, "<row r=\"%ld\">", i);
			snprintf(ref, sizeof ref, "A%ld", i);
			istr(b, ref, "x");
			snprintf(ref, sizeof ref, "B%ld", i);
			addf(b, "<c r=\"%s\"><v>%ld</v></c></row>", ref, i);
		}
		adds(b, WE);
	} else if (!strcmp(kind, "dept")) {
		static const char *const head[5] = { "部门名称", "年度", "单位名称", "整体绩效目标", "其他说明" };
		adds(b, WS "<row r=\"1\">");
		for (int k = 0; k < 5; k++) {
			char ref[8] = { (char)('A' + k), '1', 0 };
			istr(b, ref, head[k]);
		}
		adds(b, "</row><row r=\"2\">");
		istr(b, "A2", "北京市机关事务管理中心");
		adds(b, "<c r=\"B2\"><v>2026</v></c>");
		istr(b, "C2", "北京市机关事务管理中心");
		adds(b, "<c r=\"D2\" t=\"inlineStr\"><is><t>");
		addrep(b, "a", n);
		adds(b, "</t></is></c>");
		istr(b, "E2", "无。");
		adds(b, "</row>" WE);
	} else {
		return -1;
	}
	return 0;
}

static int copy(const char *from, const char *to)
{
	FILE *a = fopen(from, "rb"), *b = fopen(to, "wb");
	if (!a || !b) {
		perror(a ? to : from);
		return -1;
	}
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, a)) > 0)
		fwrite(chunk, 1, n, b);
	fclose(a);
	return fclose(b);
}

static int part(const char *in, const char *out, const char *name, const char *kind, long n)
{
	buf b = { 0 };
	if (make(&b, kind, n)) {
		fprintf(stderr, "hostile: unknown kind '%s'\n", kind);
		return 2;
	}
	if (copy(in, out))
		return 2;
	int err;
	zip_t *z = zip_open(out, 0, &err);
	zip_source_t *src = z ? zip_source_buffer(z, b.s, b.len, 0) : NULL;
	zip_int64_t idx = src ? zip_file_add(z, name, src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) : -1;
	if (idx < 0 || zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 1) != 0 || zip_close(z) != 0) {
		fprintf(stderr, "hostile: %s: %s\n", out, z ? zip_strerror(z) : "cannot open");
		return 2;
	}
	free(b.s);
	return 0;
}

static void put32(unsigned char *p, unsigned long v)
{
	p[0] = v & 255;
	p[1] = (v >> 8) & 255;
	p[2] = (v >> 16) & 255;
	p[3] = (v >> 24) & 255;
}

/* Patch the uncompressed size in every local and central header. */
static int lie(const char *in, const char *out, unsigned long size)
{
	FILE *f = fopen(in, "rb");
	if (!f) {
		perror(in);
		return 2;
	}
	buf b = { 0 };
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		add(&b, chunk, n);
	fclose(f);
	unsigned char *p = (unsigned char *)b.s;
	int patched = 0;
	for (size_t i = 0; i + 46 <= b.len; i++) {
		if (p[i] == 'P' && p[i + 1] == 'K' && p[i + 2] == 3 && p[i + 3] == 4) {
			put32(p + i + 22, size);
			patched++;
		} else if (p[i] == 'P' && p[i + 1] == 'K' && p[i + 2] == 1 && p[i + 3] == 2) {
			put32(p + i + 24, size);
			patched++;
		}
	}
	f = fopen(out, "wb");
	if (!f || fwrite(b.s, 1, b.len, f) != b.len || fclose(f) != 0 || !patched) {
		fprintf(stderr, "hostile: %s: cannot write (%d headers)\n", out, patched);
		return 2;
	}
	free(b.s);
	return 0;
}

static int pdf(const char *out, long n)
{
	FILE *f = fopen(out, "wb");
	if (!f) {
		perror(out);
		return 2;
	}
	long *off = calloc((size_t)(2 * n + 4), sizeof *off);
	fputs("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", f);
	off[1] = ftell(f);
	fputs("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n", f);
	off[2] = ftell(f);
	fprintf(f, "2 0 obj << /Type /Pages /Count %ld /Kids [", n);
	for (long i = 0; i < n; i++)
		fprintf(f, " %ld 0 R", 4 + 2 * i);
	fputs(" ] >> endobj\n", f);
	off[3] = ftell(f);
	fputs("3 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n", f);
	for (long i = 0; i < n; i++) {
		char text[64];
		int k = snprintf(text, sizeof text, "BT /F1 12 Tf 72 720 Td (page %ld) Tj ET", i + 1);
		off[4 + 2 * i] = ftell(f);
		fprintf(f, "%ld 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %ld 0 R "
		           "/Resources << /Font << /F1 3 0 R >> >> >> endobj\n", 4 + 2 * i, 5 + 2 * i);
		off[5 + 2 * i] = ftell(f);
		fprintf(f, "%ld 0 obj << /Length %d >> stream\n%s\nendstream endobj\n", 5 + 2 * i, k, text);
	}
	long xref = ftell(f), nobj = 4 + 2 * n;
	fprintf(f, "xref\n0 %ld\n0000000000 65535 f \n", nobj);
	for (long i = 1; i < nobj; i++)
		fprintf(f, "%010ld 00000 n \n", off[i]);
	fprintf(f, "trailer << /Size %ld /Root 1 0 R >>\nstartxref\n%ld\n%%%%EOF\n", nobj, xref);
	free(off);
	return fclose(f) ? 2 : 0;
}

/* N bytes of two-byte GB18030 characters (not UTF-8), no line end. */
static int gb(const char *out, long n)
{
	FILE *f = fopen(out, "wb");
	if (!f) {
		perror(out);
		return 2;
	}
	unsigned x = 12345;
	char chunk[65536];
	for (long done = 0; done < n;) {
		size_t k = 0;
		while (k + 2 <= sizeof chunk && done + (long)k + 2 <= n) {
			x = x * 1103515245u + 12345u;
			chunk[k++] = (char)(0xB0 + (x >> 16) % 0x28);     /* 0xB0..0xD7: GB2312 汉字 rows */
			chunk[k++] = (char)(0xA1 + (x >> 24) % 0x5E);     /* 0xA1..0xFE */
		}
		if (!k)
			break;
		fwrite(chunk, 1, k, f);
		done += (long)k;
	}
	return fclose(f) ? 2 : 0;
}

int main(int argc, char **argv)
{
	if (argc == 7 && !strcmp(argv[1], "part"))
		return part(argv[2], argv[3], argv[4], argv[5], atol(argv[6]));
	if (argc == 5 && !strcmp(argv[1], "lie"))
		return lie(argv[2], argv[3], strtoul(argv[4], NULL, 10));
	if (argc == 4 && !strcmp(argv[1], "pdf"))
		return pdf(argv[2], atol(argv[3]));
	if (argc == 4 && !strcmp(argv[1], "gb"))
		return gb(argv[2], atol(argv[3]));
	fprintf(stderr, "usage: hostile part IN OUT PART KIND N | lie IN OUT SIZE | pdf OUT N | gb OUT N\n");
	return 2;
}
