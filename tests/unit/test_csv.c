/*
 * test_csv.c - the one CSV parser (src/csv.c): read as a stream it gives
 * the records it gives read whole, wherever a block ends; `batch` reads an
 * export through it, records that straddle its 1 MiB blocks included.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "seedutil.h"
#include "yusuan/batch.h"

/* Quotes, "" inside them, newlines and CRLF inside them, CRLF and LF line
 * ends, empty fields and lines, no final newline. */
static const char tricky[] = "a,b,c\r\n"
                             "\"x\"\"y\",\"line\none\",\r\n"
                             "\"\",,\"crlf\r\ninside\"\n"
                             "\n"
                             "plain,\"q\",\"\"\"\"\r\n"
                             "last,\"no newline\"";

/* The records of c, one a line: fields with their line and column. */
static void records(ys_csv *c, ys_buf *out, int more_ok)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	int k;
	while ((k = ys_csv_next(c, &ctx)) == 1) {
		for (size_t i = 0; i < c->nf; i++)
			ys_buf_addf(out, "[%d:%d %zu %s]", c->f[i].line, c->f[i].col, c->f[i].len, c->f[i].s);
		ys_buf_addc(out, '\n');
	}
	ck_assert_msg(k == 0 || (more_ok && k == YS_CSV_MORE), "ys_csv_next gave %d: %s", k, ctx.msg);
}

START_TEST(a_stream_reads_as_the_whole_text)
{
	size_t n = sizeof tricky - 1;
	ys_csv c;
	ys_buf whole = YS_BUF_INIT;
	ys_csv_init(&c, "t.csv", tricky, n, ',');
	records(&c, &whole, 0);
	ys_csv_release(&c);
	ck_assert_int_eq(c.line, 8); /* eight lines, the last without its newline */
	static const char want[] = "[1:1 1 a][1:3 1 b][1:5 1 c]\n"
	                           "[2:1 3 x\"y][2:8 8 line\none][3:6 0 ]\n"
	                           "[4:1 0 ][4:4 0 ][4:5 12 crlf\r\ninside]\n"
	                           "[6:1 0 ]\n"
	                           "[7:1 5 plain][7:7 1 q][7:11 1 \"]\n"
	                           "[8:1 4 last][8:6 10 no newline]\n";
	ck_assert_msg(!strcmp(whole.s, want), "read whole:\n%s", whole.s);
	/* every place a block can end: the records before it, then the rest */
	for (size_t k = 0; k <= n; k++) {
		ys_buf part = YS_BUF_INIT;
		ys_csv_init(&c, "t.csv", tricky, 0, ',');
		ys_csv_feed(&c, tricky, k, 1);
		records(&c, &part, 1);
		ys_csv_feed(&c, c.p, (size_t)(tricky + n - c.p), 0);
		records(&c, &part, 0);
		ck_assert_msg(!strcmp(part.s, whole.s), "a block ending at byte %zu:\n%s\nwhole:\n%s", k, part.s, whole.s);
		ys_csv_release(&c);
		ys_buf_release(&part);
	}
	ys_buf_release(&whole);
}
END_TEST

/* The errors are those of the text whole, also when a block ends inside. */
START_TEST(a_stream_fails_where_the_text_does)
{
	static const struct { const char *text, *msg; } cases[] = {
		{ "a,b\n\"x\"y,c\n", "t.csv:2:4：右引号之后还有文字" },
		{ "a,b\nc,\"open\nd,e\n", "t.csv:2:3：引号内的字段没有结束" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t n = strlen(cases[i].text);
		for (size_t k = 0; k <= n; k++) {
			ys_csv c;
			ys_ctx ctx;
			ys_ctx_init(&ctx);
			ys_csv_init(&c, "t.csv", cases[i].text, 0, ',');
			ys_csv_feed(&c, cases[i].text, k, 1);
			int r;
			while ((r = ys_csv_next(&c, &ctx)) == 1)
				;
			if (r == YS_CSV_MORE) {
				ys_csv_feed(&c, c.p, (size_t)(cases[i].text + n - c.p), 0);
				while ((r = ys_csv_next(&c, &ctx)) == 1)
					;
			}
			ck_assert_msg(r == -1 && strstr(ctx.msg, cases[i].msg), "case %zu, block ending at %zu: %d '%s'", i, k,
			              r, ctx.msg);
			ys_csv_release(&c);
		}
	}
}
END_TEST

/* ---- batch: records across its blocks ---- */

typedef struct seen {
	char units[8][64];
	int nunits;
	long items;
} seen;

static int collect(const ys_budget *b, const struct ys_report *detail, const ys_doc *doc, void *arg)
{
	(void)detail;
	(void)doc;
	seen *s = arg;
	for (int i = 0; i < b->nunits && s->nunits < 8; i++)
		snprintf(s->units[s->nunits++], sizeof s->units[0], "%s", b->units[i].name);
	s->items += (long)b->nitems;
	return 0;
}

#define BLOCK (1 << 20) /* batch.c reads the file in blocks of 1 MiB */

START_TEST(batch_reads_a_quoted_newline_across_its_blocks)
{
	static const char head[] = "部门,单位,单位类型,功能分类,经济分类,资金来源,支出类型,项目编码,金额（万元）\r\n";
	static const char item[] = "部门甲,\"单位\r\n甲\",机关,2010101,30201,一般公共预算,基本支出,,1.000000\r\n";
	char path[256];
	snprintf(path, sizeof path, "%s/yusuan-csv-%ld.csv", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (long)getpid());
	/* the quoted CRLF of the first item where the block ends, and around */
	size_t quote = strchr(item, '"') - item;
	for (int d = -12; d <= 12; d++) {
		FILE *f = fopen(path, "wb");
		ck_assert_ptr_nonnull(f);
		fputs(head, f);
		/* a comment line of pad bytes that puts the CR inside the first
		 * item's quotes (after the quote and the 6 bytes of 单位) at
		 * BLOCK + d */
		long pad = BLOCK + d - (long)(sizeof head - 1) - (long)quote - 7;
		ck_assert(pad > 2);
		fputc('#', f);
		for (long i = 1; i < pad - 2; i++)
			fputc('x', f);
		fputs("\r\n", f);
		for (int i = 0; i < 3; i++)
			fputs(item, f);
		ck_assert_int_eq(fclose(f), 0);
		ys_ctx ctx;
		ys_ctx_init(&ctx);
		seen s;
		memset(&s, 0, sizeof s);
		ys_batch_stats st;
		ck_assert_msg(ys_batch_compile(&ctx, path, 2026, test_catalog(), 1, collect, &s, &st) == YS_OK,
		              "block end %+d: %s", d, ctx.msg);
		ck_assert_int_eq(s.items, 3);
		ck_assert_int_eq(s.nunits, 1);
		ck_assert_msg(!strcmp(s.units[0], "单位\r\n甲"), "block end %+d: unit '%s'", d, s.units[0]);
		ck_assert_int_eq(st.lines, 1 + 1 + 3 * 2);
	}
	unlink(path);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("stream");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, a_stream_reads_as_the_whole_text);
	tcase_add_test(tc, a_stream_fails_where_the_text_does);
	tcase_add_test(tc, batch_reads_a_quoted_newline_across_its_blocks);
	suite_add_tcase(s, tc);
	return s;
}
