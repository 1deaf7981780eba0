/* test_read.c - the published text layout: every quirk of the seed, the
 * round trip through `show`, and bad input. */
#include <stdlib.h>
#include <string.h>

#include "seedutil.h"

static const ys_row *row_at_line(const ys_table *t, int line)
{
	for (int i = 0; i < t->nrows; i++)
		if (t->rows[i].line == line)
			return &t->rows[i];
	ck_abort_msg("no row at line %d in table %s", line, t->def->code);
	return NULL;
}

/* A header row as the stores keep it: one line of tab-separated cells,
 * empty cells and all, and back. */
START_TEST(header_rows_split_and_join)
{
	static const char *const rows[] = { "项目\t\t合计\t", "", "单位：万元", "\t\t" };
	static const int ncells[] = { 4, 1, 1, 3 };
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		ys_arena a;
		ys_arena_init(&a);
		ys_hrow h = { 0 };
		ck_assert_int_eq(ys_hrow_split(&h, &a, rows[i]), 0);
		ck_assert_int_eq(h.ncells, ncells[i]);
		ys_buf b = YS_BUF_INIT;
		ys_hrow_join(&h, &b);
		ck_assert_str_eq(b.s, rows[i]);
		ys_buf_release(&b);
		ys_arena_release(&a);
	}
}
END_TEST

START_TEST(recognises_all_tables)
{
	ys_doc *doc = read_seed(NULL, 0);
	ck_assert_int_eq(doc->ntables, 13);
	for (int i = 0; i < YS_NTABLES; i++) {
		ck_assert_ptr_nonnull(doc->tables[i]);
		ck_assert_int_eq(doc->order[i], i);
	}
	ck_assert_str_eq(doc->department, "北京市机关事务管理中心");
	ck_assert_int_eq(doc->year, 2026);
	ck_assert_str_eq(doc->tables[YS_T12]->numbering, "预算表12");
	ck_assert_int_eq(doc->tables[YS_T12]->number, 12);
	ck_assert_int_eq(doc->tables[YS_T03]->number, 3);
	ck_assert_int_eq(doc->tables[YS_T03]->unit, YS_UNIT_WANYUAN);
	ck_assert_int_eq(doc->tables[YS_T03]->unit_line, 49);
	ck_assert_int_eq(doc->tables[YS_T13]->unit_line, 0); /* 13 has no 金额单位 line */
	ck_assert_str_eq(doc->tables[YS_T13]->subtitle, "(2026年度)");
	ys_doc_free(doc);
}
END_TEST

START_TEST(fixed_rows_of_01_and_04)
{
	ys_doc *doc = read_seed(NULL, 0);
	const ys_table *t = doc->tables[YS_T01];
	const ys_row *r = row_at_line(t, 9);
	ck_assert_str_eq(t->def->fixed[r->fixed[0]].id, "in.gp");
	ck_assert_str_eq(t->def->fixed[r->fixed[1]].id, "out.201");
	ck_assert_int_eq(r->cells[YS_C01_IN_AMT].amt.fen, 33149176143LL);
	r = row_at_line(t, 34);
	ck_assert_int_eq(r->fixed[0], -1);
	ck_assert_str_eq(t->def->fixed[r->fixed[1]].id, "out.234");
	/* 04's carry-over sub-row 一、一般公共预算拨款 is not its income row 一、一般公共预算资金 */
	t = doc->tables[YS_T04];
	ck_assert_str_eq(t->def->fixed[row_at_line(t, 133)->fixed[0]].id, "in.gp");
	ck_assert_str_eq(t->def->fixed[row_at_line(t, 161)->fixed[0]].id, "carry.gp");
	ck_assert_int_eq(row_at_line(t, 161)->cells[YS_C01_IN_AMT].amt.fen, 1417945232LL);
	ys_doc_free(doc);
}
END_TEST

START_TEST(rows_that_lost_a_cell_after_a_page_break)
{
	ys_doc *doc = read_seed(NULL, 0);
	const ys_table *t = doc->tables[YS_T03];
	/* line 115 has 8 cells, not 9: 合计 2.88, 基本 blank, 项目 2.88 */
	const ys_row *r = row_at_line(t, 115);
	ck_assert_str_eq(r->cells[YS_C03_FUNC].text, "2101901-托育机构");
	ck_assert_int_eq(r->cells[YS_C03_TOTAL].amt.fen, 2880000);
	ck_assert(!r->cells[YS_C03_BASIC].amt.present);
	ck_assert_int_eq(r->cells[YS_C03_PROJECT].amt.fen, 2880000);
	ck_assert_int_eq(r->cells[YS_C03_SUBSID].line, 0); /* the lost cell */
	ck_assert_int_gt(r->page, row_at_line(t, 53)->page);
	ys_doc_free(doc);
}
END_TEST

START_TEST(table12_cells_by_what_they_are)
{
	ys_doc *doc = read_seed(NULL, 0);
	const ys_table *t = doc->tables[YS_T12];
	/* line 318 lacks the empty 其他资金 cell */
	const ys_row *r = row_at_line(t, 318);
	ck_assert_int_eq(r->kind, YS_ROW_DATA);
	ck_assert_int_eq(r->cells[YS_C12_TOTAL].amt.fen, 3273300000LL);
	ck_assert_int_eq(r->cells[YS_C12_FISCAL].amt.fen, 3273300000LL);
	ck_assert(!r->cells[YS_C12_OTHER].amt.present);
	ck_assert(!strncmp(r->cells[YS_C12_GOAL].text, "为六里桥办公区", strlen("为六里桥办公区")));
	ck_assert_str_eq(r->cells[YS_C12_IND1].text, "产出指标");
	ck_assert_str_eq(r->cells[YS_C12_MUNIT].text, "个");
	/* its continuation rows have four leading empty cells, not five */
	r = row_at_line(t, 319);
	ck_assert_int_eq(r->kind, YS_ROW_CONT);
	ck_assert_str_eq(r->cells[YS_C12_IND1].text, "产出指标");
	ck_assert_str_eq(r->cells[YS_C12_IND2].text, "质量指标");
	ck_assert_str_eq(r->cells[YS_C12_OP].text, "定性");
	ck_assert_str_eq(r->cells[YS_C12_VALUE].text, "优");
	ck_assert(ys_cell_blank(&r->cells[YS_C12_GOAL]));
	ck_assert_int_eq(r->project, (short)(row_at_line(t, 318) - t->rows));
	ys_doc_free(doc);
}
END_TEST

START_TEST(project_codes_with_and_without_space)
{
	char code[40];
	const char *name;
	ck_assert(ys_split_project("11000022Y0000004247 65-各办公区互联网接入费", code, &name));
	ck_assert_str_eq(code, "11000022Y000000424765");
	ck_assert_str_eq(name, "各办公区互联网接入费");
	ck_assert(ys_split_project("11000024T000002854566-管理中心机动经费", code, &name));
	ck_assert_str_eq(code, "11000024T000002854566");
	ck_assert_str_eq(name, "管理中心机动经费");
	ck_assert(!ys_split_project("2010350-事业运行", code, &name));
	ck_assert_uint_eq(ys_split_codename("2010350-事业运行", &name), 7);
	ck_assert_str_eq(name, "事业运行");
	ck_assert_uint_eq(ys_split_codename("30213-维修(护)费", &name), 5);
	ck_assert_uint_eq(ys_split_codename("合计", &name), 0);
}
END_TEST

START_TEST(table05_unit_blocks)
{
	ys_doc *doc = read_seed(NULL, 0);
	const ys_table *t = doc->tables[YS_T05];
	int count[3] = { 0, 0, 0 };
	int64_t sum[3] = { 0, 0, 0 };
	for (int i = 0; i < t->nrows; i++) {
		const ys_row *r = &t->rows[i];
		if (r->kind != YS_ROW_DATA)
			continue;
		ck_assert_int_lt(r->block, 3);
		count[r->block]++;
		sum[r->block] += r->cells[YS_C05_TOTAL].amt.fen;
	}
	ck_assert_int_eq(count[0], 10);
	ck_assert_int_eq(count[1], 10);
	ck_assert_int_eq(count[2], 8);
	/* the figures: 管理中心 29,876.526484, 第一幼儿园 3,219.945103, 第二幼儿园 1,470.649788 */
	ck_assert_int_eq(sum[0], 29876526484LL);
	ck_assert_int_eq(sum[1], 3219945103LL);
	ck_assert_int_eq(sum[2], 1470649788LL);
	ys_doc_free(doc);
}
END_TEST

START_TEST(table13_form)
{
	ys_doc *doc = read_seed(NULL, 0);
	const ys_table *t = doc->tables[YS_T13];
	const ys_row *r = row_at_line(t, 365);
	ck_assert_int_eq(r->cells[YS_C13_TOTAL].amt.fen, 35495140000LL);
	ck_assert_int_eq(r->cells[YS_C13_TOTAL].amt.dp, 2);
	ck_assert_int_eq(r->cells[YS_C13_O_PROJECT].amt.fen, 0);
	ck_assert(r->cells[YS_C13_O_PROJECT].amt.present);
	r = row_at_line(t, 367);
	ck_assert_int_eq(r->kind, YS_ROW_FIELD);
	ck_assert_str_eq(r->cells[YS_C13_NOTES].text, "无。");
	r = row_at_line(t, 370);
	ck_assert_str_eq(r->cells[YS_C13_ACTIVITY].text, "后勤管理");
	ck_assert_str_eq(r->cells[YS_C13_INDICATOR].text, "产出指标数量指标后勤管理及服务保障面积");
	ck_assert_str_eq(r->cells[YS_C13_VALUE].text, "43.89");
	ck_assert_str_eq(r->cells[YS_C13_MUNIT].text, "万平方米");
	ys_doc_free(doc);
}
END_TEST

START_TEST(cells_keep_line_and_column)
{
	ys_doc *doc = read_seed(NULL, 0);
	const ys_row *r = row_at_line(doc->tables[YS_T03], 94);
	ck_assert_int_eq(r->cells[YS_C03_DEPT].line, 94);
	ck_assert_int_eq(r->cells[YS_C03_DEPT].col, 28);
	ck_assert_str_eq(r->cells[YS_C03_DEPT].text, "30213-维修（护）费");
	ys_doc_free(doc);
}
END_TEST

START_TEST(text_round_trip_is_exact)
{
	ys_doc *doc = read_seed(NULL, 0);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_buf out = YS_BUF_INIT;
	ck_assert_int_eq(ys_render_text(&ctx, doc, -1, &out), YS_OK);
	ys_doc *again;
	ck_assert_msg(ys_doc_read_text(&ctx, "again.txt", out.s, out.len, &again) == YS_OK, "%s", ctx.msg);
	same_cells(doc, again);
	/* and the second rendering is byte for byte the first */
	ys_buf out2 = YS_BUF_INIT;
	ck_assert_int_eq(ys_render_text(&ctx, again, -1, &out2), YS_OK);
	ck_assert_str_eq(out.s, out2.s);
	ys_buf_release(&out);
	ys_buf_release(&out2);
	ys_doc_free(again);
	ys_doc_free(doc);
}
END_TEST

START_TEST(other_encodings_read_the_same)
{
	static const char *const files[] = { FIXTURE("bad/seed-gb18030.txt"), FIXTURE("bad/seed-crlf.txt"),
	                                     FIXTURE("bad/seed-bom.txt") };
	static const ys_encoding enc[] = { YS_ENC_GB18030, YS_ENC_UTF8, YS_ENC_UTF8_BOM };
	ys_doc *seed = read_seed(NULL, 0);
	for (int i = 0; i < 3; i++) {
		ys_ctx ctx;
		ys_ctx_init(&ctx);
		ys_doc *doc;
		ck_assert_msg(ys_doc_read_text_file(&ctx, files[i], &doc) == YS_OK, "%s", ctx.msg);
		ck_assert_int_eq(doc->encoding, enc[i]);
		same_cells(seed, doc);
		ys_doc_free(doc);
	}
	ys_doc_free(seed);
}
END_TEST

/* bad input: the result code and where the message points */
static void refused(const char *file, ys_result want, const char *where)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = (ys_doc *)1;
	ys_result r = ys_doc_read_text_file(&ctx, file, &doc);
	ck_assert_msg(r == want, "%s: got %d (%s), wanted %d", file, r, ctx.msg, want);
	ck_assert_ptr_null(doc);
	ck_assert_msg(strstr(ctx.msg, where), "%s: message '%s' lacks '%s'", file, ctx.msg, where);
}

START_TEST(bad_input_is_refused_with_its_place)
{
	refused(FIXTURE("bad/empty.txt"), YS_EEMPTY, "文件是空的");
	refused(FIXTURE("bad/blank.txt"), YS_EEMPTY, "没有文字");
	refused(FIXTURE("bad/binary.bin"), YS_EENCODING, "binary.bin:1：偏移 7 处有 NUL 字节");
	refused(FIXTURE("bad/truncated-03.txt"), YS_EPARSE, "truncated-03.txt:77：预算03表 支出总表：本表没有以合计行结尾");
	refused(FIXTURE("bad/word-in-amount.txt"), YS_EPARSE,
	        "word-in-amount.txt:60:37：预算03表 支出总表：合计 列：应为以万元计的金额，实为“三百八十”");
	refused(FIXTURE("bad/seven-decimals.txt"), YS_EPARSE,
	        "seven-decimals.txt:60:47：预算03表 支出总表：合计 列：“380.5155191”不是以万元计的金额：");
	refused(FIXTURE("bad/extra-cells.txt"), YS_EPARSE, "extra-cells.txt:60:63：预算03表 支出总表：本行有 11 个单元格");
	refused(FIXTURE("bad/no-tables.txt"), YS_EPARSE, "no-tables.txt:1：没有找到表题");
	refused(FIXTURE("bad/does-not-exist.txt"), YS_EIO, "无法打开");
}
END_TEST

START_TEST(a_second_copy_of_a_table_is_refused)
{
	edit e[] = { { 127, "预算04表 财政拨款收支总表", "预算03表 支出总表" } };
	size_t len;
	char *text = seed_text(e, 1, &len);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc;
	/* 04's rows then land in a table 03 that already exists */
	ck_assert_int_eq(ys_doc_read_text(&ctx, "dup.txt", text, len, &doc), YS_EPARSE);
	ck_assert_msg(strstr(ctx.msg, "dup.txt:127：表 03 支出总表 第二次出现（第一次在第 47 行）"), "%s",
	              ctx.msg);
	free(text);
}
END_TEST

/* A title whose words differ but whose numbering names a table not yet
 * read is read as that table (check warns about the title, pres.title). */
START_TEST(renamed_title_is_read_by_its_numbering)
{
	edit e[] = { { 47, "预算03表 支出总表", "预算03表 支出预算表" } };
	ys_doc *seed = read_seed(NULL, 0), *doc = read_seed(e, 1);
	const ys_table *t = doc->tables[YS_T03];
	ck_assert_ptr_nonnull(t);
	ck_assert_str_eq(t->title, "预算03表 支出预算表");
	ck_assert_str_eq(t->numbering, "预算03表");
	ck_assert_int_eq(t->line, 47);
	ck_assert_int_eq(t->nrows, seed->tables[YS_T03]->nrows);
	ck_assert_int_eq(doc->tables[YS_T02]->nrows, seed->tables[YS_T02]->nrows);
	ck_assert_int_eq(doc->ntables, YS_NTABLES);
	ck_assert(!ys_title_known(t->def, t->title));
	ck_assert(ys_title_known(seed->tables[YS_T03]->def, seed->tables[YS_T03]->title));
	ck_assert(ys_title_known(seed->tables[YS_T12]->def, seed->tables[YS_T12]->title));
	ys_doc_free(doc);
	ys_doc_free(seed);
}
END_TEST

/* A numbered title that names no table to read is refused at its own
 * line, not blamed on the table before it. */
START_TEST(unknown_numbered_title_is_blamed_at_its_line)
{
	static const struct {
		edit e;
		const char *want;
	} cases[] = {
		{ { 47, "预算03表 支出总表", "预算14表 支出预算表" }, "t.txt:47:1：表题“预算14表 支出预算表”" },
		{ { 127, "预算04表 财政拨款收支总表", "预算03表 财政拨款收支预算表" }, "t.txt:127:1：表题“预算03表 财政拨款收支预算表”" },
		/* 续 of a table that is not the current one */
		{ { 127, "预算04表 财政拨款收支总表", "预算03表 支出总表（续）" }, "t.txt:127:1：表题“预算03表 支出总表（续）”" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t len;
		char *text = seed_text(&cases[i].e, 1, &len);
		ys_ctx ctx;
		ys_ctx_init(&ctx);
		ys_doc *doc;
		ck_assert_int_eq(ys_doc_read_text(&ctx, "t.txt", text, len, &doc), YS_EPARSE);
		ck_assert_msg(strstr(ctx.msg, cases[i].want), "%s", ctx.msg);
		free(text);
	}
}
END_TEST

/* The current table's title repeated with 续 on its next page is a page
 * break, not a row and not a second table. */
START_TEST(continued_title_is_a_page_break)
{
	edit e[] = { { 78, "", "预算03表 支出总表（续）" } }; /* the page break of 03 */
	ys_doc *seed = read_seed(NULL, 0), *doc = read_seed(e, 1);
	const ys_table *t = doc->tables[YS_T03];
	ck_assert_int_eq(t->nrows, seed->tables[YS_T03]->nrows);
	ck_assert_int_gt(t->rows[t->nrows - 1].page, 0);
	ys_doc_free(doc);
	ys_doc_free(seed);
}
END_TEST

/* A one-row table printed with its row blank (09 of a department without
 * 三公 spending) is that row of blanks, whether the row is a line of empty
 * cells or nothing before the next title; at the end of the file it is
 * still a truncation. */
START_TEST(blank_one_row_table_reads_as_blanks)
{
	static const char *const rows[] = { "\t\t\t\t\t", "" };
	for (int k = 0; k < 2; k++) {
		edit e[] = { { 267, "25.400000\t\t16.000000\t9.400000\t\t9.400000", rows[k] } };
		ys_doc *doc = read_seed(e, 1);
		const ys_table *t = doc->tables[YS_T09];
		ck_assert_int_eq(t->nrows, 1);
		ck_assert_int_eq(t->rows[0].kind, YS_ROW_DATA);
		for (int c = 0; c < t->def->ncols; c++)
			ck_assert(ys_cell_blank(&t->rows[0].cells[c]) && !t->rows[0].cells[c].amt.present);
		ck_assert_int_eq(doc->tables[YS_T10]->nrows, 3);
		ys_doc_free(doc);
	}
	/* the file ends after 09's headers: truncated */
	size_t len;
	char *text = seed_text(NULL, 0, &len);
	char *cut = strstr(text, "25.400000\t\t16.000000");
	ck_assert_ptr_nonnull(cut);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc;
	ck_assert_int_eq(ys_doc_read_text(&ctx, "cut.txt", text, (size_t)(cut - text), &doc), YS_EPARSE);
	ck_assert_msg(strstr(ctx.msg, "cut.txt:"), "%s", ctx.msg);
	free(text);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("read");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, recognises_all_tables);
	tcase_add_test(tc, header_rows_split_and_join);
	tcase_add_test(tc, fixed_rows_of_01_and_04);
	tcase_add_test(tc, rows_that_lost_a_cell_after_a_page_break);
	tcase_add_test(tc, table12_cells_by_what_they_are);
	tcase_add_test(tc, project_codes_with_and_without_space);
	tcase_add_test(tc, table05_unit_blocks);
	tcase_add_test(tc, table13_form);
	tcase_add_test(tc, cells_keep_line_and_column);
	tcase_add_test(tc, text_round_trip_is_exact);
	tcase_add_test(tc, other_encodings_read_the_same);
	tcase_add_test(tc, bad_input_is_refused_with_its_place);
	tcase_add_test(tc, a_second_copy_of_a_table_is_refused);
	tcase_add_test(tc, renamed_title_is_read_by_its_numbering);
	tcase_add_test(tc, unknown_numbered_title_is_blamed_at_its_line);
	tcase_add_test(tc, blank_one_row_table_reads_as_blanks);
	tcase_add_test(tc, continued_title_is_a_page_break);
	suite_add_tcase(s, tc);
	return s;
}
