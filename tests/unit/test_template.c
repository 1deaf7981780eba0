/*
 * test_template.c - `yusuan init`'s templates: the CSV folder and the
 * workbook walk the reader's description; every value a drop-down offers
 * reads back; a budget converted into the workbook builds the same tables;
 * an empty template says what is missing; nothing is overwritten.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "seedutil.h"

#define EXAMPLE YS_TESTDIR "/../examples/2026-beijing-jiguan-shiwu"

static char scratch[128];

/* A fresh scratch path for this test process. */
static const char *scratch_path(const char *name)
{
	snprintf(scratch, sizeof scratch, "/tmp/ys_tpl_%d_%s", (int)getpid(), name);
	return scratch;
}

static void rm_rf(const char *path)
{
	char cmd[512];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
	ck_assert_int_eq(system(cmd), 0);
}

static int sheet_by_id(const char *id)
{
	ys_input_sheet sh;
	for (int s = 0; ys_input_sheet_get(s, &sh) == 0; s++)
		if (!strcmp(sh.id, id))
			return s;
	ck_abort_msg("no sheet %s", id);
	return -1;
}

static int column_by_id(int s, const char *id)
{
	ys_input_column col;
	for (int c = 0; ys_input_column_get(s, c, &col) == 0; c++)
		if (!strcmp(col.id, id))
			return c;
	ck_abort_msg("no column %s", id);
	return -1;
}

/* The k-th value the template offers for sheet.column, or NULL. */
static const char *offered(const char *sheet, const char *column, int k, int *value, char *buf, size_t cap)
{
	int s = sheet_by_id(sheet);
	return ys_input_column_value(s, column_by_id(s, column), k, buf, cap, value) ? NULL : buf;
}

static char *zip_part(const char *book, const char *name)
{
	int err;
	zip_t *z = zip_open(book, ZIP_RDONLY, &err);
	ck_assert_ptr_nonnull(z);
	zip_stat_t st;
	ck_assert_msg(zip_stat(z, name, 0, &st) == 0, "%s: no part %s", book, name);
	zip_file_t *f = zip_fopen(z, name, 0);
	ck_assert_ptr_nonnull(f);
	char *buf = malloc((size_t)st.size + 1);
	ck_assert_int_eq(zip_fread(f, buf, st.size), (zip_int64_t)st.size);
	buf[st.size] = '\0';
	zip_fclose(f);
	zip_close(z);
	return buf;
}

/* The data validation of a sheet's XML whose error title is title. */
static char *validation(const char *xml, const char *title)
{
	char key[128];
	snprintf(key, sizeof key, "errorTitle=\"%s\"", title);
	const char *hit = strstr(xml, key);
	ck_assert_msg(hit != NULL, "no list on %s", title);
	const char *start = hit;
	while (start > xml && strncmp(start, "<dataValidation ", 16))
		start--;
	const char *end = strstr(hit, "</dataValidation>");
	ck_assert_ptr_nonnull(end);
	return strndup(start, (size_t)(end - start));
}

/* ---- the description ---- */

START_TEST(every_list_column_has_its_values)
{
	ys_input_sheet sh;
	int nsheets = 0, nlists = 0;
	for (int s = 0; ys_input_sheet_get(s, &sh) == 0; s++, nsheets++) {
		ck_assert_int_gt(sh.ncolumns, 0);
		ys_input_column col;
		int c;
		for (c = 0; ys_input_column_get(s, c, &col) == 0; c++) {
			char v[128];
			int val, n = 0;
			while (!ys_input_column_value(s, c, n, v, sizeof v, &val))
				n++;
			/* an enumerated column offers its values, and only it */
			if (col.kind == YS_IN_ENUM || col.kind == YS_IN_BOOL) {
				ck_assert_msg(col.list == YS_LIST_VALUES && col.strict, "%s.%s has no list", sh.id, col.id);
				ck_assert_msg(n >= 2, "%s.%s offers %d values", sh.id, col.id, n);
			} else {
				ck_assert_int_eq(n, 0);
			}
			if (col.list == YS_LIST_REF) {
				ys_input_column ref;
				ck_assert_int_eq(ys_input_column_get(col.ref_sheet, col.ref_col, &ref), 0);
				ck_assert_int_lt(col.ref_sheet, s); /* read before the sheet that refers to it */
			}
			nlists += col.list != YS_LIST_NONE;
		}
		ck_assert_int_eq(c, sh.ncolumns);
	}
	ck_assert_int_eq(ys_input_sheet_get(nsheets, &sh), -1);
	ck_assert_int_eq(ys_input_sheet_get(-1, &sh), -1);
	/* the lists the issue asks for */
	int items = sheet_by_id("items"), ind = sheet_by_id("indicators");
	ys_input_column col;
	ys_input_column_get(items, column_by_id(items, "func"), &col);
	ck_assert_int_eq(col.list, YS_LIST_FUNC);
	ys_input_column_get(items, column_by_id(items, "econ"), &col);
	ck_assert_int_eq(col.list, YS_LIST_DEPT_ECON);
	ys_input_column_get(ind, column_by_id(ind, "l1"), &col);
	ck_assert_int_eq(col.list, YS_LIST_IND1);
	ck_assert(col.strict); /* table 12 refuses another 一级指标 */
	int perf = sheet_by_id("performance");
	ys_input_column_get(perf, column_by_id(perf, "l1"), &col);
	ck_assert_int_eq(col.list, YS_LIST_IND1);
	ck_assert(!col.strict); /* table 13 takes a province's own */
	ys_input_column_get(ind, column_by_id(ind, "l2"), &col);
	ck_assert_int_eq(col.list, YS_LIST_IND2);
	ys_input_column_get(ind, column_by_id(ind, "op"), &col);
	ck_assert_int_eq(col.list, YS_LIST_OP);
	ck_assert_int_ge(nlists, 20);
	/* the procurement category as a person writes it, not the bare letter */
	char v[64];
	int val;
	ck_assert_str_eq(offered("procurement", "category", 0, &val, v, sizeof v), "A-货物");
	ck_assert_int_eq(val, 'A');
	ck_assert_ptr_null(offered("procurement", "category", 3, &val, v, sizeof v));
}
END_TEST

START_TEST(indicator_levels_are_the_rules_own)
{
	ck_assert_str_eq(ys_perf_level(0, -1), "产出指标");
	ck_assert_str_eq(ys_perf_level(2, 0), "服务对象满意度指标");
	ck_assert_ptr_null(ys_perf_level(2, 1));
	ck_assert_ptr_null(ys_perf_level(4, -1));
	ck_assert_ptr_null(ys_perf_level(-1, -1));
	ck_assert_str_eq(ys_perf_op(3), "定性");
	ck_assert_ptr_null(ys_perf_op(4));
}
END_TEST

/* ---- every offered value, read by the CSV reader and converted ---- */

static void put(const char *dir, const char *file, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, file);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

/* A folder that writes each value every list offers, as the template offers it. */
static void every_value_folder(const char *dir)
{
	ck_assert_int_eq(mkdir(dir, 0777), 0);
	char v[128], w[128];
	int val, k;
	ys_buf b = YS_BUF_INIT;
	put(dir, "department.csv", "部门名称,年度\n测试部门,2026\n");
	ys_buf_adds(&b, "单位名称,单位类型\n");
	for (k = 0; offered("units", "type", k, &val, v, sizeof v); k++)
		ys_buf_addf(&b, "单位%d,%s\n", k, v);
	put(dir, "units.csv", b.s);
	ys_buf_reset(&b);
	ys_buf_adds(&b, "分类,编码,名称\n");
	for (k = 0; offered("codes", "kind", k, &val, v, sizeof v); k++)
		ys_buf_addf(&b, "%s,302110%d,名称%d\n", v, k, k);
	put(dir, "codes.csv", b.s);
	ys_buf_reset(&b);
	ys_buf_adds(&b, "收入来源,金额（元）\n");
	for (k = 0; offered("income", "source", k, &val, v, sizeof v); k++)
		ys_buf_addf(&b, "%s,%d.%02d\n", v, k + 1, k);
	put(dir, "income.csv", b.s);
	ys_buf_reset(&b);
	ys_buf_adds(&b, "结转来源,金额（万元）\n");
	for (k = 0; offered("carryover", "source", k, &val, v, sizeof v); k++)
		ys_buf_addf(&b, "%s,%d.00000%d\n", v, k + 1, k);
	put(dir, "carryover.csv", b.s);
	ys_buf_reset(&b);
	ys_buf_adds(&b, "项目编码,项目名称,单位,是否公开\n");
	for (k = 0; offered("projects", "disclosed", k, &val, v, sizeof v); k++)
		ys_buf_addf(&b, "P%d,项目%d,单位0,%s\n", k, k, v);
	put(dir, "projects.csv", b.s);
	ys_buf_reset(&b);
	ys_buf_adds(&b, "单位,功能分类,经济分类,资金来源,上年结转,支出类型,经费类型,项目编码,其中,金额（万元）\n");
	const char *unitfund = NULL;
	for (k = 0; offered("items", "fund", k, &val, v, sizeof v); k++) {
		ys_buf_addf(&b, "单位0,2010101,30201,%s,%s,基本支出,,,,%d.123456\n", v, val == YS_FS_UNIT ? "是" : "", k);
		if (val == YS_FS_GP)
			unitfund = offered("items", "fund", k, &val, w, sizeof w);
	}
	ck_assert_ptr_nonnull(unitfund);
	for (k = 0; offered("items", "carry", k, &val, v, sizeof v); k++)
		ys_buf_addf(&b, "单位1,2010102,30201,%s,%s,基本支出,,,,1.%d\n", unitfund, v, k);
	for (k = 0; offered("items", "kind", k, &val, v, sizeof v); k++)
		ys_buf_addf(&b, "单位0,2010102,30202,%s,,%s,,%s,,2.%d\n", unitfund, v, val == YS_PROJECT ? "P0" : "", k);
	for (k = 0; offered("items", "class", k, &val, v, sizeof v); k++)
		ys_buf_addf(&b, "单位0,2010102,%s,%s,,基本支出,%s,,,3.%d\n", val == 1 ? "30101" : "30201", unitfund, v, k);
	for (k = 0; offered("items", "flags", k, &val, v, sizeof v); k++)
		ys_buf_addf(&b, "单位1,2010103,30201,%s,,基本支出,,,%s,4.%d\n", unitfund, v, k);
	put(dir, "items.csv", b.s);
	ys_buf_reset(&b);
	ys_buf_adds(&b, "采购类别,采购项目,金额（元）\n");
	for (k = 0; offered("procurement", "category", k, &val, v, sizeof v); k++)
		ys_buf_addf(&b, "%s,采购%d,%d.00\n", v, k, k + 5);
	put(dir, "procurement.csv", b.s);
	ys_buf_reset(&b);
	ys_buf_adds(&b, "项目,金额（元）\n");
	for (k = 0; offered("sangong", "item", k, &val, v, sizeof v); k++)
		ys_buf_addf(&b, "%s,%d.00\n", v, k + 7);
	put(dir, "sangong.csv", b.s);
	ys_buf_release(&b);
}

static void same_budget(const ys_budget *a, const ys_budget *b)
{
	ck_assert_str_eq(a->department, b->department);
	ck_assert_int_eq(a->year, b->year);
	ck_assert_str_eq(a->perf_unit, b->perf_unit);
	ck_assert_str_eq(a->perf_notes, b->perf_notes);
	ck_assert_int_eq(a->nunits, b->nunits);
	for (int i = 0; i < a->nunits; i++) {
		ck_assert_str_eq(a->units[i].name, b->units[i].name);
		ck_assert_int_eq(a->units[i].type, b->units[i].type);
	}
	ck_assert_int_eq(a->nnames, b->nnames);
	for (int i = 0; i < a->nnames; i++) {
		ck_assert_int_eq(a->names[i].kind, b->names[i].kind);
		ck_assert_str_eq(a->names[i].code, b->names[i].code);
		ck_assert_str_eq(a->names[i].name, b->names[i].name);
	}
	for (int k = 0; k < 9; k++) {
		ck_assert_int_eq(a->income[k], b->income[k]);
		ck_assert_int_eq(!a->income_pos[k].line, !b->income_pos[k].line);
	}
	for (int k = 0; k < 5; k++) {
		ck_assert_int_eq(a->carry[k], b->carry[k]);
		ck_assert_int_eq(!a->carry_pos[k].line, !b->carry_pos[k].line);
	}
	ck_assert_int_eq(a->nprojects, b->nprojects);
	for (int i = 0; i < a->nprojects; i++) {
		ck_assert_str_eq(a->projects[i].code, b->projects[i].code);
		ck_assert_int_eq(a->projects[i].disclosed, b->projects[i].disclosed);
		ck_assert_int_eq(a->projects[i].unit, b->projects[i].unit);
		ck_assert_int_eq(a->projects[i].nind, b->projects[i].nind);
	}
	ck_assert_uint_eq(a->nitems, b->nitems);
	for (size_t i = 0; i < a->nitems; i++) {
		const ys_item *x = &a->items[i], *y = &b->items[i];
		ck_assert_int_eq(x->unit, y->unit);
		ck_assert_str_eq(x->func, y->func);
		ck_assert_str_eq(x->econ, y->econ);
		ck_assert_str_eq(x->gov, y->gov);
		ck_assert_int_eq(x->fund, y->fund);
		ck_assert_int_eq(x->carry, y->carry);
		ck_assert_int_eq(x->kind, y->kind);
		ck_assert_int_eq(x->cls, y->cls);
		ck_assert_int_eq(x->flags, y->flags);
		ck_assert_int_eq(x->project, y->project);
		ck_assert_int_eq(x->amount, y->amount);
	}
	ck_assert_int_eq(a->nprocurement, b->nprocurement);
	for (int i = 0; i < a->nprocurement; i++) {
		ck_assert_int_eq(a->procurement[i].category, b->procurement[i].category);
		ck_assert_int_eq(a->procurement[i].amount, b->procurement[i].amount);
	}
	ck_assert_int_eq(a->sangong_abroad, b->sangong_abroad);
	ck_assert_int_eq(a->sangong_reception, b->sangong_reception);
	ck_assert_int_eq(a->sangong_car_buy, b->sangong_car_buy);
	ck_assert_int_eq(a->sangong_car_run, b->sangong_car_run);
	ck_assert_int_eq(a->nperf, b->nperf);
}

START_TEST(every_offered_value_reads_back)
{
	char dir[128], book[160];
	snprintf(dir, sizeof dir, "%s", scratch_path("values"));
	snprintf(book, sizeof book, "%s.xlsx", dir);
	rm_rf(dir);
	unlink(book);
	every_value_folder(dir);
	ys_budget *a = read_budget(dir);
	/* each value written once: they are all there, distinct */
	int cats = 0, types = 0;
	for (int i = 0; i < a->nprocurement; i++)
		cats |= 1 << (a->procurement[i].category - 'A');
	ck_assert_int_eq(cats, 7);
	for (int i = 0; i < a->nunits; i++)
		types |= 1 << a->units[i].type;
	ck_assert_int_eq(types, (1 << YS_UT_JIGUAN) | (1 << YS_UT_SHIYE));
	ck_assert_int_ge(a->sangong_car_run, 0);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ck_assert_msg(ys_input_write_workbook(&ctx, book, test_catalog(), a) == YS_OK, "%s", ctx.msg);
	ys_budget *b = read_budget(book);
	same_budget(a, b);
	ys_budget_free(a);
	ys_budget_free(b);
	rm_rf(dir);
	unlink(book);
}
END_TEST

/* ---- the example, converted ---- */

START_TEST(example_converted_builds_the_same_tables)
{
	const char *book = scratch_path("example.xlsx");
	unlink(book);
	ys_budget *a = read_budget(EXAMPLE);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ck_assert_msg(ys_input_write_workbook(&ctx, book, test_catalog(), a) == YS_OK, "%s", ctx.msg);
	ys_budget *b = read_budget(book);
	same_budget(a, b);
	/* a record of the workbook says its sheet */
	ck_assert_ptr_nonnull(strstr(b->items[0].pos.file, "支出明细!"));
	ck_assert_int_eq(b->items[0].pos.line, 2);
	ys_doc *da = compile_budget(a), *db = compile_budget(b);
	same_cells(da, db);
	ys_buf ta = YS_BUF_INIT, tb = YS_BUF_INIT;
	ck_assert_int_eq(ys_render_text(&ctx, da, -1, &ta), YS_OK);
	ck_assert_int_eq(ys_render_text(&ctx, db, -1, &tb), YS_OK);
	ck_assert_str_eq(ta.s, tb.s);
	ys_buf_release(&ta);
	ys_buf_release(&tb);
	ys_doc_free(da);
	ys_doc_free(db);
	ys_budget_free(a);
	ys_budget_free(b);
	unlink(book);
}
END_TEST

/* ---- the workbook's parts ---- */

static char *sheet_part(const char *book, int index) /* 0: 说明 */
{
	char name[64];
	snprintf(name, sizeof name, "xl/worksheets/sheet%d.xml", index + 1);
	return zip_part(book, name);
}

START_TEST(workbook_has_its_sheets_notes_and_lists)
{
	const char *book = scratch_path("empty.xlsx");
	unlink(book);
	const ys_catalog *cat = test_catalog();
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ck_assert_msg(ys_input_write_workbook(&ctx, book, cat, NULL) == YS_OK, "%s", ctx.msg);
	/* 说明, the input sheets in reading order, 代码表 */
	char *wb = zip_part(book, "xl/workbook.xml");
	const char *p = strstr(wb, "<sheet name=\"说明\"");
	ck_assert_ptr_nonnull(p);
	ys_input_sheet sh;
	int nsheets = 0;
	for (int s = 0; ys_input_sheet_get(s, &sh) == 0; s++, nsheets++) {
		char want[128];
		snprintf(want, sizeof want, "<sheet name=\"%s\"", sh.zh);
		const char *q = strstr(wb, want);
		ck_assert_msg(q && q > p, "sheet %s missing or out of order", sh.zh);
		p = q;
	}
	ck_assert_ptr_nonnull(strstr(p, "<sheet name=\"代码表\""));
	free(wb);

	/* 支出明细: the 功能分类 column's list is the catalog's 项 on 代码表, a
	 * warning (a bare code is read too); 资金来源's a stop, as long as its values */
	int items = sheet_by_id("items");
	char *xml = sheet_part(book, 1 + items);
	int nfunc = 0;
	const ys_catrow *r, *first = NULL;
	for (size_t i = 0; (r = ys_catalog_row(cat, YS_CAT_FUNC, i)); i++)
		if (r->level == 3) {
			first = first ? first : r;
			nfunc++;
		}
	ck_assert_int_gt(nfunc, 100);
	char want[256];
	char col = (char)('A' + column_by_id(items, "func"));
	char *func = validation(xml, "功能分类");
	ck_assert_ptr_nonnull(strstr(func, "errorStyle=\"warning\""));
	snprintf(want, sizeof want, "sqref=\"%c2:%c", col, col);
	ck_assert_msg(strstr(func, want) != NULL, "%s", func);
	snprintf(want, sizeof want, "<formula1>'代码表'!$A$2:$A$%d</formula1>", nfunc + 1);
	ck_assert_msg(strstr(func, want) != NULL, "%s", want);
	free(func);
	int nfund = 0, val;
	char v[64];
	while (offered("items", "fund", nfund, &val, v, sizeof v))
		nfund++;
	char *fund = validation(xml, "资金来源");
	ck_assert_ptr_null(strstr(fund, "errorStyle")); /* a stop */
	const char *f1 = strstr(fund, "<formula1>'代码表'!$");
	ck_assert_ptr_nonnull(f1);
	const char *rows = strstr(f1, "$2:$");
	ck_assert_ptr_nonnull(rows);
	ck_assert_int_eq(atoi(strchr(rows + 4, '$') + 1), nfund + 1);
	free(fund);
	/* 单位 points at the units sheet's names */
	ck_assert_ptr_nonnull(strstr(xml, "<formula1>'单位'!$A$2:$A$"));
	/* the header row: the amount with its unit */
	free(xml);

	/* 代码表 holds 编码-名称 of the catalog; notes say what a column holds */
	char *sst = zip_part(book, "xl/sharedStrings.xml");
	snprintf(want, sizeof want, "%s-%s", first->code, first->name);
	ck_assert_msg(strstr(sst, want) != NULL, "%s", want);
	ck_assert_ptr_nonnull(strstr(sst, "金额（万元）"));
	ck_assert_ptr_nonnull(strstr(sst, "部门预算明细填报模板"));
	free(sst);
	char comments[64];
	snprintf(comments, sizeof comments, "xl/comments%d.xml", 1 + items);
	char *cm = zip_part(book, comments);
	ck_assert_ptr_nonnull(strstr(cm, "资金来源（fund）：必填。"));
	ck_assert_ptr_nonnull(strstr(cm, "可填：一般公共预算、政府性基金预算"));
	free(cm);
	unlink(book);
}
END_TEST

/* ---- empty templates and overwriting ---- */

START_TEST(empty_workbook_says_what_is_missing)
{
	const char *book = scratch_path("blank.xlsx");
	unlink(book);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ck_assert_msg(ys_input_write_workbook(&ctx, book, NULL, NULL) == YS_OK, "%s", ctx.msg);
	ys_budget *b = (ys_budget *)1;
	ck_assert_int_eq(ys_input_read(&ctx, book, &b), YS_EPARSE);
	ck_assert_ptr_null(b);
	ck_assert_msg(strstr(ctx.msg, "没有部门和年度"), "%s", ctx.msg);
	/* never over a file */
	struct stat before, after;
	ck_assert_int_eq(stat(book, &before), 0);
	ck_assert_int_eq(ys_input_write_workbook(&ctx, book, NULL, NULL), YS_EIO);
	ck_assert_msg(strstr(ctx.msg, "已存在"), "%s", ctx.msg);
	ck_assert_int_eq(stat(book, &after), 0);
	ck_assert_int_eq(before.st_size, after.st_size);
	ck_assert_int_eq(before.st_mtime, after.st_mtime);
	unlink(book);
	/* nor over a folder */
	const char *dir = scratch_path("adir.xlsx");
	rm_rf(dir);
	ck_assert_int_eq(mkdir(dir, 0777), 0);
	ck_assert_int_eq(ys_input_write_workbook(&ctx, dir, NULL, NULL), YS_EIO);
	rm_rf(dir);
}
END_TEST

START_TEST(csv_template_is_commented_and_never_mixed_in)
{
	char dir[128];
	snprintf(dir, sizeof dir, "%s", scratch_path("csv"));
	rm_rf(dir);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ck_assert_msg(ys_input_write_template(&ctx, dir) == YS_OK, "%s", ctx.msg);
	char path[256];
	snprintf(path, sizeof path, "%s/items.csv", dir);
	size_t n;
	char *text = slurp(path, &n);
	ck_assert_msg(!strncmp(text, "# 支出明细（items）：必填的表。", strlen("# 支出明细（items）：必填的表。")), "%s", text);
	/* the header: the description's columns, the amount with its unit */
	int items = sheet_by_id("items");
	ys_buf head = YS_BUF_INIT;
	ys_input_column col;
	for (int c = 0; ys_input_column_get(items, c, &col) == 0; c++)
		ys_buf_addf(&head, "%s%s%s", c ? "," : "\n", col.zh, col.kind == YS_IN_AMOUNT ? "（万元）" : "");
	ys_buf_addc(&head, '\n');
	ck_assert_msg(strstr(text, head.s) != NULL, "%s", text);
	ys_buf_release(&head);
	free(text);
	ys_budget *b;
	ck_assert_int_eq(ys_input_read(&ctx, dir, &b), YS_EPARSE);
	ck_assert_msg(strstr(ctx.msg, "没有部门和年度"), "%s", ctx.msg);
	/* a second time, the folder is no longer empty */
	ck_assert_int_eq(ys_input_write_template(&ctx, dir), YS_EIO);
	ck_assert_msg(strstr(ctx.msg, "已有文件"), "%s", ctx.msg);
	rm_rf(dir);
	/* an empty folder is fine; a file is not a folder */
	ck_assert_int_eq(mkdir(dir, 0777), 0);
	ck_assert_msg(ys_input_write_template(&ctx, dir) == YS_OK, "%s", ctx.msg);
	rm_rf(dir);
	FILE *f = fopen(dir, "w");
	ck_assert_ptr_nonnull(f);
	fclose(f);
	ck_assert_int_eq(ys_input_write_template(&ctx, dir), YS_EIO);
	ck_assert_msg(strstr(ctx.msg, "不是文件夹"), "%s", ctx.msg);
	unlink(dir);
}
END_TEST

START_TEST(a_text_longer_than_a_cell_is_refused_with_its_place)
{
	char dir[128], book[160], tmp[192];
	snprintf(dir, sizeof dir, "%s", scratch_path("long"));
	snprintf(book, sizeof book, "%s.xlsx", dir);
	snprintf(tmp, sizeof tmp, "%s.tmp%d", book, (int)getpid());
	rm_rf(dir);
	unlink(book);
	ck_assert_int_eq(mkdir(dir, 0777), 0);
	ys_buf t = YS_BUF_INIT;
	ys_buf_adds(&t, "部门名称,年度,整体绩效目标\n测试部门,2026,");
	for (int i = 0; i < 32768; i++) /* one character more than a cell holds */
		ys_buf_adds(&t, "字");
	ys_buf_adds(&t, "\n");
	put(dir, "department.csv", t.s);
	ys_buf_release(&t);
	put(dir, "units.csv", "单位名称,单位类型\n单位,机关\n");
	put(dir, "income.csv", "收入来源,金额（元）\n");
	put(dir, "items.csv", "单位,功能分类,经济分类,资金来源,支出类型,金额（元）\n");
	ys_budget *b = read_budget(dir);
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ck_assert_int_eq(ys_input_write_workbook(&ctx, book, NULL, b), YS_EWRITE);
	int goal = column_by_id(sheet_by_id("department"), "goal");
	char want[64];
	snprintf(want, sizeof want, "部门!%c2：整体绩效目标 多于 32767 个字符", 'A' + goal);
	ck_assert_msg(strstr(ctx.msg, want), "%s", ctx.msg);
	struct stat st;
	ck_assert_int_ne(stat(book, &st), 0); /* nothing left behind */
	ck_assert_int_ne(stat(tmp, &st), 0);
	ys_budget_free(b);
	rm_rf(dir);
}
END_TEST

START_TEST(template_doc_lists_every_drop_down)
{
	ys_buf out = YS_BUF_INIT;
	ys_input_template_doc(&out);
	ys_input_sheet sh;
	for (int s = 0; ys_input_sheet_get(s, &sh) == 0; s++) {
		ys_input_column col;
		for (int c = 0; ys_input_column_get(s, c, &col) == 0; c++) {
			char row[128];
			snprintf(row, sizeof row, "| %s | %s | ", sh.zh, col.zh);
			ck_assert_msg(!strstr(out.s, row) == (col.list == YS_LIST_NONE), "%s", row);
		}
	}
	ys_buf_release(&out);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("template");
	TCase *tc = tcase_create("template");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, every_list_column_has_its_values);
	tcase_add_test(tc, indicator_levels_are_the_rules_own);
	tcase_add_test(tc, every_offered_value_reads_back);
	tcase_add_test(tc, example_converted_builds_the_same_tables);
	tcase_add_test(tc, workbook_has_its_sheets_notes_and_lists);
	tcase_add_test(tc, empty_workbook_says_what_is_missing);
	tcase_add_test(tc, csv_template_is_commented_and_never_mixed_in);
	tcase_add_test(tc, a_text_longer_than_a_cell_is_refused_with_its_place);
	tcase_add_test(tc, template_doc_lists_every_drop_down);
	suite_add_tcase(s, tc);
	return s;
}
