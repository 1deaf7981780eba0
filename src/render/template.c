/*
 * render/template.c - `yusuan init`: the detailed budget's input sheets as a
 * template to fill in, walked from the reader's own description (input.h),
 * so that a template has exactly the sheets and columns the reader takes.
 *
 * Two forms: a folder of CSV files (one per sheet, `#` lines saying what each
 * column holds, then the header), or one workbook (libxlsxwriter) with a 说明
 * sheet, a sheet per input sheet - its header row with a note on each header
 * and a drop-down list (data validation) on every column whose values come
 * from a list - and a 代码表 sheet holding those lists: the catalog's codes
 * with their names, each enumerated column's values, the standard indicator
 * levels.  The reader skips 说明 and 代码表: no input sheet has their names.
 *
 * Filled from a budget, the workbook is that budget converted (init --from).
 * libxlsxwriter takes a double: an amount becomes one here at the last
 * moment, fen / 10^6 万元, as in render/xlsx.c; the reader reads it back to
 * the 分.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "yusuan/input.h"
#include "yusuan/render.h"
#include "yusuan/money.h"
#include "yusuan/rules.h"
#include "yusuan/text.h"

#define README_SHEET "说明"
#define LOOKUP_SHEET "代码表"
#define TPL_ROWS 10000 /* rows below the header (and below a filled budget's) that the lists cover */
#define TPL_MAX_SHEETS 32
#define TPL_MAX_COLS 32
#define XLSX_MAX_ROWS 1048576 /* Excel's own limit, the header row included */
#define XLSX_CELL_CHARS 32767 /* characters in one cell: Excel's own limit */

/* ---- what a column holds, for a person ----------------------------------- */

static int columns(int s, ys_input_sheet *sh, ys_input_column *cols)
{
	if (ys_input_sheet_get(s, sh) || sh->ncolumns > TPL_MAX_COLS)
		return -1;
	for (int c = 0; c < sh->ncolumns; c++)
		if (ys_input_column_get(s, c, &cols[c]))
			return -1;
	return 0;
}

/* The values of a list column, joined by sep. */
static void list_values(ys_buf *b, int s, int c, const ys_input_column *col, const char *sep)
{
	char v[128];
	int val, n = 0;
	switch (col->list) {
	case YS_LIST_VALUES:
		for (int k = 0; !ys_input_column_value(s, c, k, v, sizeof v, &val); k++)
			ys_buf_addf(b, "%s%s", n++ ? sep : "", v);
		break;
	case YS_LIST_IND1:
		for (int i = 0; ys_perf_level(i, -1); i++)
			ys_buf_addf(b, "%s%s", n++ ? sep : "", ys_perf_level(i, -1));
		break;
	case YS_LIST_OP:
		for (int k = 0; ys_perf_op(k); k++)
			ys_buf_addf(b, "%s%s", n++ ? sep : "", ys_perf_op(k));
		break;
	default:
		break;
	}
}

/* The note on a column's header: required or not, what it holds, what to
 * write in it.  The same in the CSV template's # lines and on the
 * workbook's headers, which also say where the drop-down's list is. */
static void column_note(ys_buf *b, int s, int c, const ys_input_column *col, int workbook)
{
	ys_buf_addf(b, "%s（%s）：%s。%s。", col->zh, col->id, col->required ? "必填" : "选填", col->doc);
	switch (col->list) {
	case YS_LIST_VALUES:
	case YS_LIST_IND1:
	case YS_LIST_OP:
		ys_buf_adds(b, "可填：");
		list_values(b, s, c, col, "、");
		ys_buf_adds(b, "。");
		break;
	case YS_LIST_IND2:
		ys_buf_adds(b, "按一级指标可填：");
		for (int i = 0; ys_perf_level(i, -1); i++) {
			ys_buf_addf(b, "%s%s——", i ? "；" : "", ys_perf_level(i, -1));
			for (int j = 0; ys_perf_level(i, j); j++)
				ys_buf_addf(b, "%s%s", j ? "、" : "", ys_perf_level(i, j));
		}
		ys_buf_adds(b, "。");
		break;
	case YS_LIST_FUNC:
	case YS_LIST_DEPT_ECON:
	case YS_LIST_GOV_ECON:
		ys_buf_adds(b, workbook ? "从下拉列表选“编码-名称”（列表在" LOOKUP_SHEET "），也可以只写编码。"
		                        : "写作“编码-名称”，也可以只写编码。");
		if (col->list == YS_LIST_DEPT_ECON)
			ys_buf_adds(b, "目录中没有的省级 7 位编码也可以用，请在科目名称表写明它的名称。");
		break;
	case YS_LIST_REF: {
		ys_input_sheet rs;
		ys_input_column rc;
		if (!ys_input_sheet_get(col->ref_sheet, &rs) && !ys_input_column_get(col->ref_sheet, col->ref_col, &rc))
			ys_buf_addf(b, "须是%s表里的一个%s。", rs.zh, rc.zh);
		break;
	}
	case YS_LIST_NONE:
		break;
	}
	if (col->kind == YS_IN_AMOUNT)
		ys_buf_adds(b, "表头写明单位：金额（万元）最多 6 位小数，金额（元）最多 2 位。");
}

/* ---- the CSV folder -------------------------------------------------------- */

/* Why a file could not be made, in the user's words where we know them. */
static const char *why(int e)
{
	switch (e) {
	case ENOENT: return "所在的文件夹不存在";
	case EACCES:
	case EPERM: return "没有写权限";
	case ENOSPC: return "磁盘已满";
	case EROFS: return "文件系统只读";
	default: return strerror(e);
	}
}

/* A folder that is new (made here) or empty: 0, or the error. */
static ys_result new_folder(ys_ctx *ctx, const char *dir)
{
	struct stat st;
	if (mkdir(dir, 0777) == 0)
		return YS_OK;
	if (errno != EEXIST)
		return ys_error(ctx, YS_EWRITE, "%s：无法建立文件夹：%s", dir, why(errno));
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return ys_error(ctx, YS_EIO, "%s：已存在，且不是文件夹：init 不覆盖已有的文件", dir);
	DIR *d = opendir(dir);
	if (!d)
		return ys_error(ctx, YS_EIO, "%s：无法打开文件夹：%s", dir, why(errno));
	struct dirent *e;
	int empty = 1;
	while (empty && (e = readdir(d)))
		empty = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
	closedir(d);
	if (!empty)
		return ys_error(ctx, YS_EIO, "%s：文件夹里已有文件：init 不覆盖，也不与已有的文件混在一起，请换一个新的或空的文件夹",
		                dir);
	return YS_OK;
}

static void csv_records(ys_buf *b, int s, const ys_input_sheet *sh, const ys_input_column *cols, const ys_budget *fill);

ys_result ys_input_write_folder(ys_ctx *ctx, const char *dir, const ys_budget *fill)
{
	ys_result res = new_folder(ctx, dir);
	ys_input_sheet sh;
	ys_input_column cols[TPL_MAX_COLS];
	for (int s = 0; !res && ys_input_sheet_get(s, &sh) == 0; s++) {
		if (columns(s, &sh, cols))
			return ys_error(ctx, YS_ELIMIT, "%s：表 %s 的列多于 %d", dir, sh.zh, TPL_MAX_COLS);
		ys_buf b = YS_BUF_INIT;
		ys_buf_addf(&b, "# %s（%s）：%s。%s\n", sh.zh, sh.id, sh.required ? "必填的表" : "选填的表", sh.doc);
		for (int c = 0; c < sh.ncolumns; c++) {
			ys_buf_adds(&b, "#   ");
			column_note(&b, s, c, &cols[c], 0);
			ys_buf_addc(&b, '\n');
		}
		ys_buf_adds(&b, "# 以 # 开头的行不读；下一行是表头，从它下面一行起每行一条记录。\n");
		for (int c = 0; c < sh.ncolumns; c++)
			ys_buf_addf(&b, "%s%s%s", c ? "," : "", cols[c].zh, cols[c].kind == YS_IN_AMOUNT ? "（万元）" : "");
		ys_buf_addc(&b, '\n');
		if (fill)
			csv_records(&b, s, &sh, cols, fill);
		char path[4096];
		snprintf(path, sizeof path, "%s/%s.csv", dir, sh.id);
		FILE *f = b.oom ? NULL : fopen(path, "wx"); /* x: never over a file that appeared meanwhile */
		int bad = !f || fwrite(b.s, 1, b.len, f) != b.len;
		if (f && fclose(f) != 0)
			bad = 1;
		int oom = b.oom;
		ys_buf_release(&b);
		if (oom)
			res = ys_error(ctx, YS_ENOMEM, "内存不足");
		else if (bad)
			res = ys_error(ctx, errno == EEXIST ? YS_EIO : YS_EWRITE, "%s：无法写出：%s", path, why(errno));
	}
	return res;
}

ys_result ys_input_write_template(ys_ctx *ctx, const char *dir)
{
	return ys_input_write_folder(ctx, dir, NULL);
}

/* ---- the workbook: formats and the lists ----------------------------------- */

typedef struct fmts {
	lxw_format *head_req, *head_opt, *text, *amount, *year, *title, *bold, *para, *th, *td, *lhead;
} fmts;

static lxw_format *fmt(lxw_workbook *wb, int bold, uint32_t fill, int border, int wrap, const char *num)
{
	lxw_format *f = workbook_add_format(wb);
	format_set_font_name(f, "Noto Sans CJK SC");
	format_set_font_size(f, 10);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	if (bold)
		format_set_bold(f);
	if (fill) {
		format_set_pattern(f, LXW_PATTERN_SOLID);
		format_set_bg_color(f, fill);
	}
	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	if (wrap)
		format_set_text_wrap(f);
	if (num)
		format_set_num_format(f, num);
	return f;
}

static void make_fmts(lxw_workbook *wb, fmts *F)
{
	F->head_req = fmt(wb, 1, 0xF8CBAD, 1, 1, NULL); /* orange: required */
	F->head_opt = fmt(wb, 1, 0xDDEBF7, 1, 1, NULL); /* blue: optional */
	F->lhead = fmt(wb, 1, 0xE7E6E6, 1, 1, NULL);
	F->text = fmt(wb, 0, 0, 0, 0, "@");
	F->amount = fmt(wb, 0, 0, 0, 0, "#,##0.000000");
	F->year = fmt(wb, 0, 0, 0, 0, "0");
	F->title = fmt(wb, 1, 0, 0, 0, NULL);
	format_set_font_size(F->title, 16);
	F->bold = fmt(wb, 1, 0, 0, 0, NULL);
	F->para = fmt(wb, 0, 0, 0, 0, NULL);
	F->th = fmt(wb, 1, 0xE7E6E6, 1, 1, NULL);
	F->td = fmt(wb, 0, 0, 1, 1, NULL);
	format_set_align(F->td, LXW_ALIGN_LEFT);
}

/* One list on the 代码表 sheet: its column there and its length. */
typedef struct tlist {
	int col, n;
} tlist;

typedef struct book {
	const char *path;
	lxw_workbook *wb;
	fmts F;
	lxw_worksheet *lookup;
	int nlookup;                                 /* columns used on 代码表 */
	tlist lists[TPL_MAX_SHEETS][TPL_MAX_COLS];   /* by sheet and column; col -1: none */
	int nsheets;
	ys_input_sheet sheets[TPL_MAX_SHEETS];
	ys_input_column cols[TPL_MAX_SHEETS][TPL_MAX_COLS];
	int rows[TPL_MAX_SHEETS];                    /* rows the lists cover below the header */
	lxw_error err;                               /* the first libxlsxwriter error */
	char msg[YS_MSG_MAX];                        /* what went wrong, when it is ours to say */
} book;

static void lxw_check(book *bk, lxw_error e)
{
	if (e && !bk->err)
		bk->err = e;
}

static double text_width(const char *s)
{
	return (double)ys_utf8_width(s) * 1.1 + 2;
}

/* Start a list on 代码表: its header; returns its column. */
static int lookup_start(book *bk, const char *title)
{
	int c = bk->nlookup++;
	lxw_check(bk, worksheet_write_string(bk->lookup, 0, (lxw_col_t)c, title, bk->F.lhead));
	double w = text_width(title);
	lxw_check(bk, worksheet_set_column(bk->lookup, (lxw_col_t)c, (lxw_col_t)c, w < 14 ? 14 : w, NULL));
	return c;
}

/* The catalog's codes of one kind and level as 编码-名称. */
static tlist lookup_codes(book *bk, const ys_catalog *cat, ys_catkind kind, int level, const char *title)
{
	tlist l = { lookup_start(bk, title), 0 };
	double w = 14;
	const ys_catrow *r;
	for (size_t i = 0; (r = ys_catalog_row(cat, kind, i)); i++) {
		if (r->level != level)
			continue;
		char v[512];
		snprintf(v, sizeof v, "%s-%s", r->code, r->name);
		lxw_check(bk, worksheet_write_string(bk->lookup, (lxw_row_t)(1 + l.n++), (lxw_col_t)l.col, v, NULL));
		if (text_width(v) > w)
			w = text_width(v);
	}
	lxw_check(bk, worksheet_set_column(bk->lookup, (lxw_col_t)l.col, (lxw_col_t)l.col, w, NULL));
	return l;
}

/* Lists of values already on 代码表: their values (joined by '\n'), their
 * titles and where they are. */
typedef struct seenlists {
	ys_buf values[TPL_MAX_SHEETS * 2], titles[TPL_MAX_SHEETS * 2];
	tlist at[TPL_MAX_SHEETS * 2];
	int n;
} seenlists;

/* A list of values (joined by '\n') on 代码表, or the one already there
 * with the same values, whose title then names this column too. */
static tlist lookup_values(book *bk, seenlists *seen, const char *title, const char *joined)
{
	for (int i = 0; i < seen->n; i++)
		if (!strcmp(seen->values[i].s, joined)) {
			ys_buf_addf(&seen->titles[i], "、%s", title);
			lxw_check(bk, worksheet_write_string(bk->lookup, 0, (lxw_col_t)seen->at[i].col, seen->titles[i].s,
			                                     bk->F.lhead));
			return seen->at[i];
		}
	tlist l = { lookup_start(bk, title), 0 };
	for (const char *p = joined; *p;) {
		size_t n = strcspn(p, "\n");
		char v[256];
		snprintf(v, sizeof v, "%.*s", (int)n, p);
		lxw_check(bk, worksheet_write_string(bk->lookup, (lxw_row_t)(1 + l.n++), (lxw_col_t)l.col, v, NULL));
		p += n + (p[n] == '\n');
	}
	if (seen->n < TPL_MAX_SHEETS * 2) {
		ys_buf_adds(&seen->values[seen->n], joined);
		ys_buf_adds(&seen->titles[seen->n], title);
		seen->at[seen->n++] = l;
	}
	return l;
}

/* Write 代码表 and note, for every column with a list, where its list is. */
static void write_lookup(book *bk, const ys_catalog *cat)
{
	tlist func = { -1, 0 }, econ = { -1, 0 }, gov = { -1, 0 }, ind1 = { -1, 0 }, ind2 = { -1, 0 }, op = { -1, 0 };
	if (cat) {
		func = lookup_codes(bk, cat, YS_CAT_FUNC, 3, "支出功能分类（项）");
		econ = lookup_codes(bk, cat, YS_CAT_DEPT_ECON, 2, "部门经济分类（款）");
		gov = lookup_codes(bk, cat, YS_CAT_GOV_ECON, 2, "政府经济分类（款）");
	}
	seenlists *seen = calloc(1, sizeof *seen);
	if (!seen) {
		lxw_check(bk, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	for (int i = 0; i < TPL_MAX_SHEETS * 2; i++) {
		ys_buf_init(&seen->values[i]);
		ys_buf_init(&seen->titles[i]);
	}
	ys_buf v = YS_BUF_INIT, title = YS_BUF_INIT;
	for (int s = 0; s < bk->nsheets; s++)
		for (int c = 0; c < bk->sheets[s].ncolumns; c++) {
			const ys_input_column *col = &bk->cols[s][c];
			tlist *l = &bk->lists[s][c];
			*l = (tlist){ -1, 0 };
			switch (col->list) {
			case YS_LIST_FUNC: *l = func; break;
			case YS_LIST_DEPT_ECON: *l = econ; break;
			case YS_LIST_GOV_ECON: *l = gov; break;
			case YS_LIST_VALUES:
				ys_buf_reset(&v);
				ys_buf_reset(&title);
				list_values(&v, s, c, col, "\n");
				ys_buf_addf(&title, "%s·%s", bk->sheets[s].zh, col->zh);
				*l = lookup_values(bk, seen, title.s, v.s);
				break;
			case YS_LIST_IND1:
				if (ind1.col < 0) {
					ys_buf_reset(&v);
					list_values(&v, s, c, col, "\n");
					ind1 = lookup_values(bk, seen, "一级指标", v.s);
				}
				*l = ind1;
				break;
			case YS_LIST_IND2:
				if (ind2.col < 0) {
					/* every 一级's 二级, once (成本指标 is under 产出指标 and a 一级 too) */
					ys_buf_reset(&v);
					ys_buf_addc(&v, '\n');
					for (int i = 0; ys_perf_level(i, -1); i++)
						for (int j = 0; ys_perf_level(i, j); j++) {
							char key[128];
							snprintf(key, sizeof key, "\n%s\n", ys_perf_level(i, j));
							if (!strstr(v.s, key))
								ys_buf_adds(&v, key + 1);
						}
					ind2 = lookup_values(bk, seen, "二级指标", v.s + 1);
				}
				*l = ind2;
				break;
			case YS_LIST_OP:
				if (op.col < 0) {
					ys_buf_reset(&v);
					list_values(&v, s, c, col, "\n");
					op = lookup_values(bk, seen, "指标性质", v.s);
				}
				*l = op;
				break;
			case YS_LIST_REF:
			case YS_LIST_NONE:
				break;
			}
		}
	for (int i = 0; i < TPL_MAX_SHEETS * 2; i++) {
		ys_buf_release(&seen->values[i]);
		ys_buf_release(&seen->titles[i]);
	}
	free(seen);
	ys_buf_release(&v);
	ys_buf_release(&title);
	worksheet_freeze_panes(bk->lookup, 1, 0);
}

static const char *list_what(const ys_input_column *col)
{
	switch (col->list) {
	case YS_LIST_FUNC: return "支出功能分类（项）";
	case YS_LIST_DEPT_ECON: return "部门经济分类（款）";
	case YS_LIST_GOV_ECON: return "政府经济分类（款）";
	case YS_LIST_IND1: return "标准的一级指标";
	case YS_LIST_IND2: return "标准的二级指标";
	case YS_LIST_OP: return "常用的指标性质";
	default: return "列表";
	}
}

/* The drop-down of column c of sheet s (its sheet is ws), rows 1..rows. */
static void validate(book *bk, lxw_worksheet *ws, int s, int c)
{
	const ys_input_column *col = &bk->cols[s][c];
	const tlist *l = &bk->lists[s][c];
	char formula[256], msg[256];
	if (col->list == YS_LIST_REF) {
		if (col->ref_sheet < 0 || col->ref_sheet >= bk->nsheets)
			return;
		const ys_input_sheet *rs = &bk->sheets[col->ref_sheet];
		lxw_rowcol_to_formula_abs(formula, rs->zh, 1, (lxw_col_t)col->ref_col, (lxw_row_t)bk->rows[col->ref_sheet],
		                          (lxw_col_t)col->ref_col);
		snprintf(msg, sizeof msg, "%s表里没有这个%s：请先在%s表填上它。", rs->zh,
		         bk->cols[col->ref_sheet][col->ref_col].zh, rs->zh);
	} else {
		if (l->col < 0 || l->n == 0)
			return;
		lxw_rowcol_to_formula_abs(formula, LOOKUP_SHEET, 1, (lxw_col_t)l->col, (lxw_row_t)l->n, (lxw_col_t)l->col);
		if (col->strict)
			snprintf(msg, sizeof msg, "%s只能从下拉列表中选择。", col->zh);
		else if (col->list == YS_LIST_DEPT_ECON)
			snprintf(msg, sizeof msg, "%s中没有这个“编码-名称”。只写编码、或用省级 7 位编码（在科目名称表写明名称）都可以。",
			         LOOKUP_SHEET);
		else if (col->list == YS_LIST_FUNC || col->list == YS_LIST_GOV_ECON)
			snprintf(msg, sizeof msg, "%s中没有这个“编码-名称”。只写编码也可以。", LOOKUP_SHEET);
		else
			snprintf(msg, sizeof msg, "这不是%s，请核对。", list_what(col));
	}
	lxw_data_validation dv;
	memset(&dv, 0, sizeof dv);
	dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
	dv.value_formula = formula;
	dv.error_type = col->strict ? LXW_VALIDATION_ERROR_TYPE_STOP : LXW_VALIDATION_ERROR_TYPE_WARNING;
	dv.error_title = (char *)col->zh;
	dv.error_message = msg;
	lxw_check(bk, worksheet_data_validation_range(ws, 1, (lxw_col_t)c, (lxw_row_t)bk->rows[s], (lxw_col_t)c, &dv));
}

/* ---- filling from a budget -------------------------------------------------- */

typedef struct cellv {
	enum { CV_BLANK, CV_TEXT, CV_AMOUNT, CV_NUMBER } t;
	const char *s;
	int64_t n; /* CV_AMOUNT: 分; CV_NUMBER: the number */
	char buf[128];
} cellv;

typedef struct rowv {
	int s;
	const ys_input_sheet *sh;
	const ys_input_column *cols;
	cellv *cell;
	int project;     /* indicators: the project of the last record, */
	size_t first;    /* and the number of its first indicator */
} rowv;

static cellv *at(rowv *r, const char *id)
{
	for (int c = 0; c < r->sh->ncolumns; c++)
		if (!strcmp(r->cols[c].id, id))
			return &r->cell[c];
	return NULL;
}

static void put_text(rowv *r, const char *id, const char *s)
{
	cellv *v = at(r, id);
	if (v && s && s[0]) {
		v->t = CV_TEXT;
		v->s = s;
	}
}

static void put_amount(rowv *r, const char *id, int64_t fen)
{
	cellv *v = at(r, id);
	if (v) {
		v->t = CV_AMOUNT;
		v->n = fen;
	}
}

static void put_count(rowv *r, const char *id, int n)
{
	cellv *v = at(r, id);
	if (v && n >= 0) {
		v->t = CV_NUMBER;
		v->n = n;
	}
}

/* An enumerated column's value, as the template's list writes it. */
static void put_value(rowv *r, const char *id, int value)
{
	cellv *v = at(r, id);
	if (!v)
		return;
	int c = (int)(v - r->cell), got;
	for (int k = 0; !ys_input_column_value(r->s, c, k, v->buf, sizeof v->buf, &got); k++)
		if (got == value) {
			v->t = CV_TEXT;
			v->s = v->buf;
			return;
		}
}

/* Record i of the sheet in b into r's cells: 1, or 0 past the last.  The
 * reader's apply_row (read/detail.c) backwards: a sheet or column this does
 * not know stays blank, and the conversion tests (test_template, t0015)
 * then fail. */
static int record(const ys_budget *b, rowv *r, size_t i)
{
	const char *id = r->sh->id;
	for (int c = 0; c < r->sh->ncolumns; c++)
		r->cell[c].t = CV_BLANK;
	if (!strcmp(id, "department")) {
		if (i > 0 || !b->department[0])
			return 0;
		put_text(r, "name", b->department);
		cellv *y = at(r, "year");
		if (y) {
			y->t = CV_NUMBER;
			y->n = b->year;
		}
		put_text(r, "unit", b->perf_unit);
		put_text(r, "goal", b->perf_goal);
		put_text(r, "notes", b->perf_notes);
		if (b->admin >= 0)
			put_amount(r, "admin", b->admin);
		put_count(r, "vehicles", b->vehicles);
		put_count(r, "equip", b->equip);
		put_count(r, "equip_new", b->equip_new);
		return 1;
	}
	if (!strcmp(id, "reasons")) {
		if (i >= (size_t)b->nreasons)
			return 0;
		put_text(r, "subject", b->reasons[i].subject);
		put_text(r, "reason", b->reasons[i].text);
		put_text(r, "last", b->reasons[i].last);
		put_text(r, "change", b->reasons[i].change);
		return 1;
	}
	if (!strcmp(id, "texts")) {
		if (i >= (size_t)b->ntexts)
			return 0;
		put_text(r, "name", b->texts[i].name);
		put_text(r, "text", b->texts[i].text);
		return 1;
	}
	if (!strcmp(id, "units")) {
		if (i >= (size_t)b->nunits)
			return 0;
		put_text(r, "name", b->units[i].name);
		put_value(r, "type", b->units[i].type);
		return 1;
	}
	if (!strcmp(id, "codes")) {
		if (i >= (size_t)b->nnames)
			return 0;
		put_value(r, "kind", b->names[i].kind);
		put_text(r, "code", b->names[i].code);
		put_text(r, "name", b->names[i].name);
		return 1;
	}
	if (!strcmp(id, "income") || !strcmp(id, "carryover")) {
		int carry = id[0] == 'c', n = carry ? 5 : 9;
		const ys_pos *pos = carry ? b->carry_pos : b->income_pos;
		for (int k = 0; k < n; k++)
			if (pos[k].line && i-- == 0) {
				put_value(r, "source", carry && k == 4 ? YS_FS_UNIT : k);
				put_amount(r, "amount", carry ? b->carry[k] : b->income[k]);
				return 1;
			}
		return 0;
	}
	if (!strcmp(id, "projects")) {
		if (i >= (size_t)b->nprojects)
			return 0;
		const ys_project *p = &b->projects[i];
		put_text(r, "code", p->code);
		put_text(r, "name", p->name);
		put_text(r, "unit", b->units[p->unit].name);
		put_value(r, "disclosed", p->disclosed ? 1 : 0);
		put_text(r, "goal", p->goal);
		return 1;
	}
	if (!strcmp(id, "indicators") || !strcmp(id, "performance")) {
		const ys_indicator *ind = NULL;
		const char *project = NULL;
		if (id[0] == 'p') {
			ind = i < (size_t)b->nperf ? &b->perf[i] : NULL;
		} else {
			if (i < r->first) /* records are asked for in order: start over only when not */
				r->project = 0, r->first = 0;
			while (r->project < b->nprojects && i - r->first >= (size_t)b->projects[r->project].nind)
				r->first += (size_t)b->projects[r->project++].nind;
			if (r->project < b->nprojects) {
				ind = &b->projects[r->project].ind[i - r->first];
				project = b->projects[r->project].code;
			}
		}
		if (!ind)
			return 0;
		put_text(r, "project", project);
		put_text(r, "activity", ind->activity);
		put_text(r, "l1", ind->l1);
		put_text(r, "l2", ind->l2);
		put_text(r, "l3", ind->l3);
		put_text(r, "op", ind->op);
		put_text(r, "value", ind->value);
		put_text(r, "unit", ind->unit);
		return 1;
	}
	if (!strcmp(id, "items")) {
		if (i >= b->nitems)
			return 0;
		const ys_item *it = &b->items[i];
		put_text(r, "unit", b->units[it->unit].name);
		put_text(r, "func", it->func);
		put_text(r, "econ", it->econ);
		put_text(r, "gov", it->gov);
		put_value(r, "fund", it->fund);
		if (it->carry)
			put_value(r, "carry", 1);
		put_value(r, "kind", it->kind);
		if (it->cls)
			put_value(r, "class", it->cls);
		if (it->project >= 0)
			put_text(r, "project", b->projects[it->project].code);
		if (it->flags)
			put_value(r, "flags", it->flags);
		put_amount(r, "amount", it->amount);
		return 1;
	}
	if (!strcmp(id, "procurement")) {
		if (i >= (size_t)b->nprocurement)
			return 0;
		put_value(r, "category", b->procurement[i].category);
		put_text(r, "name", b->procurement[i].name);
		put_amount(r, "amount", b->procurement[i].amount);
		return 1;
	}
	if (!strcmp(id, "services")) {
		if (i >= (size_t)b->nservices)
			return 0;
		put_text(r, "l1", b->services[i].l1);
		put_text(r, "l2", b->services[i].l2);
		put_text(r, "l3", b->services[i].l3);
		put_amount(r, "amount", b->services[i].amount);
		return 1;
	}
	if (!strcmp(id, "sangong")) {
		const int64_t v[4] = { b->sangong_abroad, b->sangong_reception, b->sangong_car_buy, b->sangong_car_run };
		for (int k = 0; k < 4; k++)
			if (v[k] >= 0 && i-- == 0) {
				put_value(r, "item", k);
				put_amount(r, "amount", v[k]);
				return 1;
			}
		return 0;
	}
	return 0;
}

static size_t count_records(const ys_budget *b, book *bk, int s)
{
	cellv cell[TPL_MAX_COLS];
	rowv r = { s, &bk->sheets[s], bk->cols[s], cell, 0, 0 };
	size_t n = 0;
	while (b && n < XLSX_MAX_ROWS && record(b, &r, n))
		n++;
	return n;
}

/* The budget's records of sheet s as CSV lines (amounts in 万元, exact). */
static void csv_records(ys_buf *b, int s, const ys_input_sheet *sh, const ys_input_column *cols, const ys_budget *fill)
{
	cellv cell[TPL_MAX_COLS];
	rowv r = { s, sh, cols, cell, 0, 0 };
	char a[YS_MONEY_FMT_MAX];
	for (size_t i = 0; record(fill, &r, i); i++) {
		for (int c = 0; c < sh->ncolumns; c++) {
			if (c)
				ys_buf_addc(b, ',');
			switch (cell[c].t) {
			case CV_TEXT: ys_csv_quote(b, cell[c].s); break;
			case CV_AMOUNT:
				if (ys_money_format(a, cell[c].n, YS_UNIT_WANYUAN, 6, 0) > 0)
					ys_buf_adds(b, a);
				break;
			case CV_NUMBER: ys_buf_addf(b, "%lld", (long long)cell[c].n); break;
			case CV_BLANK: break;
			}
		}
		ys_buf_addc(b, '\n');
	}
}

/* The budget's records of sheet s on ws from row 1 (bk->rows[s] says they fit). */
static void fill_sheet(book *bk, lxw_worksheet *ws, int s, const ys_budget *b)
{
	cellv cell[TPL_MAX_COLS];
	rowv r = { s, &bk->sheets[s], bk->cols[s], cell, 0, 0 };
	double scale = (double)ys_unit_scale(YS_UNIT_WANYUAN);
	for (size_t i = 0; !bk->err && record(b, &r, i); i++)
		for (int c = 0; c < r.sh->ncolumns; c++) {
			lxw_row_t row = (lxw_row_t)(i + 1);
			switch (cell[c].t) {
			case CV_TEXT:
				if (ys_utf8_count(cell[c].s, strlen(cell[c].s)) > XLSX_CELL_CHARS) {
					char ref[16];
					lxw_rowcol_to_cell(ref, row, (lxw_col_t)c);
					snprintf(bk->msg, sizeof bk->msg, "%s!%s：%s 多于 %d 个字符，一个单元格放不下", r.sh->zh, ref,
					         r.cols[c].zh, XLSX_CELL_CHARS);
					lxw_check(bk, LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED);
					break;
				}
				lxw_check(bk, worksheet_write_string(ws, row, (lxw_col_t)c, cell[c].s, bk->F.text));
				break;
			case CV_AMOUNT: /* the one conversion to double: see the file's comment */
				lxw_check(bk, worksheet_write_number(ws, row, (lxw_col_t)c, (double)cell[c].n / scale, bk->F.amount));
				break;
			case CV_NUMBER:
				lxw_check(bk, worksheet_write_number(ws, row, (lxw_col_t)c, (double)cell[c].n, bk->F.year));
				break;
			case CV_BLANK:
				break;
			}
		}
}

/* ---- the workbook's sheets --------------------------------------------------- */

static double column_width(int s, int c, const ys_input_column *col, const char *head)
{
	double w = text_width(head);
	double want = 20;
	switch (col->kind) {
	case YS_IN_AMOUNT: want = 18; break;
	case YS_IN_YEAR:
	case YS_IN_COUNT: want = 8; break;
	case YS_IN_CODE: want = col->list == YS_LIST_NONE ? 12 : 28; break;
	case YS_IN_ENUM:
	case YS_IN_BOOL: {
		ys_buf v = YS_BUF_INIT;
		list_values(&v, s, c, col, "\n");
		want = 6;
		for (const char *p = v.s; *p;) {
			size_t n = strcspn(p, "\n");
			char one[256];
			snprintf(one, sizeof one, "%.*s", (int)n, p);
			if (text_width(one) + 3 > want)
				want = text_width(one) + 3;
			p += n + (p[n] == '\n');
		}
		ys_buf_release(&v);
		break;
	}
	case YS_IN_TEXT: want = col->list == YS_LIST_REF ? 28 : 20; break;
	}
	return w > want ? w : want;
}

static void write_input_sheet(book *bk, lxw_worksheet *ws, int s, const ys_budget *fill)
{
	const ys_input_sheet *sh = &bk->sheets[s];
	ys_buf note = YS_BUF_INIT, head = YS_BUF_INIT;
	lxw_check(bk, worksheet_set_row(ws, 0, 30, NULL));
	for (int c = 0; c < sh->ncolumns; c++) {
		const ys_input_column *col = &bk->cols[s][c];
		ys_buf_reset(&head);
		ys_buf_addf(&head, "%s%s", col->zh, col->kind == YS_IN_AMOUNT ? "（万元）" : "");
		lxw_format *cf = col->kind == YS_IN_AMOUNT                               ? bk->F.amount
		                 : col->kind == YS_IN_YEAR || col->kind == YS_IN_COUNT ? bk->F.year
		                                                                       : bk->F.text;
		lxw_check(bk, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, column_width(s, c, col, head.s), cf));
		lxw_check(bk, worksheet_write_string(ws, 0, (lxw_col_t)c, head.s, col->required ? bk->F.head_req : bk->F.head_opt));
		ys_buf_reset(&note);
		column_note(&note, s, c, col, 1);
		lxw_comment_options o;
		memset(&o, 0, sizeof o);
		o.author = "yusuan";
		o.width = 360;
		o.height = 150;
		o.font_size = 10;
		lxw_check(bk, worksheet_write_comment_opt(ws, 0, (lxw_col_t)c, note.s, &o));
		if (col->list != YS_LIST_NONE)
			validate(bk, ws, s, c);
	}
	ys_buf_release(&note);
	ys_buf_release(&head);
	worksheet_freeze_panes(ws, 1, 0);
	if (fill)
		fill_sheet(bk, ws, s, fill);
}

static lxw_row_t para(book *bk, lxw_worksheet *ws, lxw_row_t row, const char *text)
{
	lxw_check(bk, worksheet_write_string(ws, row, 0, text, bk->F.para));
	return row + 1;
}

/* 说明: how to fill the workbook in, then every sheet and column. */
static void write_readme(book *bk, lxw_worksheet *ws, const ys_catalog *cat)
{
	const char *base = strrchr(bk->path, '/');
	base = base ? base + 1 : bk->path;
	ys_buf t = YS_BUF_INIT, req = YS_BUF_INIT;
	for (int s = 0, n = 0; s < bk->nsheets; s++)
		if (bk->sheets[s].required)
			ys_buf_addf(&req, "%s%s", n++ ? "、" : "", bk->sheets[s].zh);
	lxw_row_t r = 0;
	lxw_check(bk, worksheet_write_string(ws, r++, 0, "部门预算明细填报模板", bk->F.title));
	ys_buf_addf(&t, "由 yusuan init 生成。填好后运行 yusuan build %s，即编出 13 张部门预算公开表。", base);
	r = para(bk, ws, r, t.s);
	r++;
	lxw_check(bk, worksheet_write_string(ws, r++, 0, "填写方法", bk->F.bold));
	r = para(bk, ws, r, "1. 每张输入表一个工作表，第 1 行是表头，从第 2 行起每行一条记录。表头的文字不要改，列也不要挪动"
	                    "（下拉列表按列的位置设置）；用不到的选填列空着即可。");
	r = para(bk, ws, r, "2. 橙色表头的列必填，蓝色表头的列选填。鼠标停在表头上，可以看到这一列填什么。");
	r = para(bk, ws, r, "3. 金额以万元为单位，最多 6 位小数；按元填写时，把表头改成“金额（元）”，最多 2 位小数。");
	ys_buf_reset(&t);
	if (cat)
		ys_buf_addf(&t,
		            "4. 带下拉箭头的列从列表中选择，列表在“%s”工作表。编码列的列表是 %d 年政府收支分类科目的支出功能分类项、"
		            "部门经济分类款和政府经济分类款，写作“编码-名称”；也可以只写编码。目录中没有的省级 7 位经济分类编码"
		            "也可以用，请在“科目名称”表写明它的名称。",
		            LOOKUP_SHEET, ys_catalog_year(cat));
	else
		ys_buf_addf(&t, "4. 带下拉箭头的列从列表中选择，列表在“%s”工作表。编码写作“编码-名称”，也可以只写编码。",
		            LOOKUP_SHEET);
	r = para(bk, ws, r, t.s);
	r = para(bk, ws, r, "5. 单位、项目编码等列的下拉列表取自“单位”“项目”两表已经填好的内容，所以先填这两张表。");
	ys_buf_reset(&t);
	ys_buf_addf(&t, "6. 必填的表：%s。其余的表没有内容时留空即可。", req.s);
	r = para(bk, ws, r, t.s);
	ys_buf_reset(&t);
	ys_buf_addf(&t, "7. 下拉列表和格式覆盖每张表已填的行和再往下的 %d 行；行数更多时，把最后一行向下复制。", TPL_ROWS);
	r = para(bk, ws, r, t.s);
	ys_buf_reset(&t);
	ys_buf_addf(&t, "8. “%s”和“%s”两个工作表不会被读取。", README_SHEET, LOOKUP_SHEET);
	r = para(bk, ws, r, t.s);
	r++;
	lxw_check(bk, worksheet_write_string(ws, r++, 0, "各表各列", bk->F.bold));
	static const char *const th[4] = { "工作表", "列", "必填", "填什么" };
	for (int c = 0; c < 4; c++)
		lxw_check(bk, worksheet_write_string(ws, r, (lxw_col_t)c, th[c], bk->F.th));
	r++;
	for (int s = 0; s < bk->nsheets; s++) {
		const ys_input_sheet *sh = &bk->sheets[s];
		lxw_check(bk, worksheet_write_string(ws, r, 0, sh->zh, bk->F.th));
		lxw_check(bk, worksheet_write_blank(ws, r, 1, bk->F.td));
		lxw_check(bk, worksheet_write_string(ws, r, 2, sh->required ? "是" : "否", bk->F.td));
		lxw_check(bk, worksheet_write_string(ws, r++, 3, sh->doc, bk->F.td));
		for (int c = 0; c < sh->ncolumns; c++) {
			const ys_input_column *col = &bk->cols[s][c];
			ys_buf_reset(&t);
			column_note(&t, s, c, col, 1);
			lxw_check(bk, worksheet_write_string(ws, r, 0, sh->zh, bk->F.td));
			lxw_check(bk, worksheet_write_string(ws, r, 1, col->zh, bk->F.td));
			lxw_check(bk, worksheet_write_string(ws, r, 2, col->required ? "是" : "否", bk->F.td));
			lxw_check(bk, worksheet_write_string(ws, r++, 3, t.s, bk->F.td));
		}
	}
	lxw_check(bk, worksheet_set_column(ws, 0, 0, 16, NULL));
	lxw_check(bk, worksheet_set_column(ws, 1, 1, 16, NULL));
	lxw_check(bk, worksheet_set_column(ws, 2, 2, 6, NULL));
	lxw_check(bk, worksheet_set_column(ws, 3, 3, 90, NULL));
	ys_buf_release(&t);
	ys_buf_release(&req);
}

/* Move the finished temporary file to path, never over a file that appeared meanwhile. */
static ys_result publish(ys_ctx *ctx, const char *tmp, const char *path)
{
	if (link(tmp, path) == 0) {
		unlink(tmp);
		return YS_OK;
	}
	int e = errno;
	if (e != EEXIST && rename(tmp, path) == 0) /* a file system without hard links */
		return YS_OK;
	unlink(tmp);
	if (e == EEXIST)
		return ys_error(ctx, YS_EIO, "%s：已存在：init 不覆盖已有的文件或文件夹", path);
	return ys_error(ctx, YS_EWRITE, "%s：无法写出：%s", path, why(e));
}

ys_result ys_input_write_workbook(ys_ctx *ctx, const char *path, const ys_catalog *cat, const ys_budget *fill)
{
	struct stat st;
	if (lstat(path, &st) == 0)
		return ys_error(ctx, YS_EIO, "%s：已存在：init 不覆盖已有的文件或文件夹，请换一个新的文件名", path);
	book *bk = calloc(1, sizeof *bk);
	if (!bk)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	bk->path = path;
	ys_result res = YS_OK;
	ys_input_sheet sh;
	for (int s = 0; !res && ys_input_sheet_get(s, &sh) == 0; s++) {
		if (s >= TPL_MAX_SHEETS || columns(s, &bk->sheets[s], bk->cols[s]))
			res = ys_error(ctx, YS_ELIMIT, "输入表多于 %d 张，或表 %s 的列多于 %d", TPL_MAX_SHEETS, sh.zh, TPL_MAX_COLS);
		bk->nsheets = s + 1;
	}
	for (int s = 0; !res && s < bk->nsheets; s++) {
		size_t n = count_records(fill, bk, s);
		if (n + 1 >= XLSX_MAX_ROWS)
			res = ys_error(ctx, YS_ELIMIT, "%s表有 %zu 条记录，一个工作表放不下（最多 %d 行）", bk->sheets[s].zh, n,
			               XLSX_MAX_ROWS - 1);
		bk->rows[s] = (int)(n + TPL_ROWS < XLSX_MAX_ROWS - 1 ? n + TPL_ROWS : XLSX_MAX_ROWS - 1);
	}
	char tmp[4096];
	if (!res && (size_t)snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid()) >= sizeof tmp)
		res = ys_error(ctx, YS_EINVAL, "%.100s…：文件名太长", path);
	/* made here first, so that a folder that cannot be written is said in
	 * our words (libxlsxwriter would print its own) */
	int fd = res ? -1 : open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0666);
	if (!res && fd < 0)
		res = ys_error(ctx, YS_EWRITE, "%s：无法建立文件：%s", path, why(errno));
	if (fd >= 0)
		close(fd);
	if (!res && !(bk->wb = workbook_new(tmp))) {
		unlink(tmp);
		res = ys_error(ctx, YS_EWRITE, "%s：无法建立工作簿", path);
	}
	if (res) {
		free(bk);
		return res;
	}
	make_fmts(bk->wb, &bk->F);
	lxw_worksheet *readme = workbook_add_worksheet(bk->wb, README_SHEET);
	lxw_worksheet *ws[TPL_MAX_SHEETS];
	for (int s = 0; s < bk->nsheets; s++)
		if (!(ws[s] = workbook_add_worksheet(bk->wb, bk->sheets[s].zh)))
			lxw_check(bk, LXW_ERROR_MEMORY_MALLOC_FAILED);
	bk->lookup = workbook_add_worksheet(bk->wb, LOOKUP_SHEET);
	if (!readme || !bk->lookup)
		lxw_check(bk, LXW_ERROR_MEMORY_MALLOC_FAILED);
	if (!bk->err) {
		write_lookup(bk, cat);
		for (int s = 0; s < bk->nsheets; s++)
			write_input_sheet(bk, ws[s], s, fill);
		write_readme(bk, readme, cat);
	}
	lxw_error closed = workbook_close(bk->wb);
	lxw_error e = bk->err ? bk->err : closed;
	if (e) {
		unlink(tmp);
		if (bk->msg[0])
			res = ys_error(ctx, YS_EWRITE, "%s：无法写出工作簿：%s", path, bk->msg);
		else if (e == LXW_ERROR_CREATING_XLSX_FILE)
			res = ys_error(ctx, YS_EWRITE, "%s：无法建立文件：文件夹不存在或没有写权限", path);
		else if (e == LXW_ERROR_CREATING_TMPFILE)
			res = ys_error(ctx, YS_EWRITE, "%s：无法建立临时文件：临时文件夹不能写", path);
		else
			res = ys_error(ctx, YS_EWRITE, "%s：无法写出工作簿（libxlsxwriter：%s）", path, lxw_strerror(e));
	}
	free(bk);
	return res ? res : publish(ctx, tmp, path);
}

/* ---- docs/input-format.md ---------------------------------------------------- */

void ys_input_template_doc(ys_buf *out)
{
	ys_buf_addf(out,
	            "## The workbook template — `yusuan init BOOK.xlsx`\n\n"
	            "`yusuan init BOOK.xlsx` (or `yusuan init --xlsx BOOK.xlsx`) writes the sheets above as one workbook that\n"
	            "`yusuan build BOOK.xlsx` reads, for people who fill a budget in in Excel or WPS. Its texts are in\n"
	            "Chinese:\n\n"
	            "- `%s` first: how to fill the workbook in, then every sheet and column with what it holds.\n"
	            "- a sheet per input sheet, named by its Chinese name, in the order above: the header row (an\n"
	            "  amount as `金额（万元）`), frozen, orange for a required column and blue for an optional one, each\n"
	            "  header with a note saying what the column holds (the line of the CSV template); codes and texts\n"
	            "  formatted as text, amounts as numbers with 6 decimals.\n"
	            "- `%s` last: the lists the drop-downs take their values from — the catalog's 支出功能分类 项,\n"
	            "  部门经济分类 款 and 政府经济分类 款 as `编码-名称` (`2010101-行政运行`), each enumerated column's\n"
	            "  values, the standard 一级/二级指标 (those of rule `perf.levels`) and the usual 指标性质.\n\n"
	            "The reader skips `%s` and `%s`. The drop-down lists (data validation) cover the %d rows below\n"
	            "the header (below a filled budget's rows). A value not on a list is refused where the reader\n"
	            "refuses it, and only warned about where the reader takes it:\n\n"
	            "| sheet | column | drop-down | a value not on it |\n|---|---|---|---|\n",
	            README_SHEET, LOOKUP_SHEET, README_SHEET, LOOKUP_SHEET, TPL_ROWS);
	ys_input_sheet sh;
	ys_input_column cols[TPL_MAX_COLS];
	for (int s = 0; ys_input_sheet_get(s, &sh) == 0; s++) {
		if (columns(s, &sh, cols))
			continue;
		for (int c = 0; c < sh.ncolumns; c++) {
			const ys_input_column *col = &cols[c];
			if (col->list == YS_LIST_NONE)
				continue;
			ys_buf_addf(out, "| %s | %s | ", sh.zh, col->zh);
			switch (col->list) {
			case YS_LIST_VALUES:
			case YS_LIST_IND1:
			case YS_LIST_OP:
				list_values(out, s, c, col, ", ");
				break;
			case YS_LIST_FUNC: ys_buf_adds(out, "the catalog's 支出功能分类 项"); break;
			case YS_LIST_DEPT_ECON: ys_buf_adds(out, "the catalog's 部门经济分类 款"); break;
			case YS_LIST_GOV_ECON: ys_buf_adds(out, "the catalog's 政府经济分类 款"); break;
			case YS_LIST_IND2: ys_buf_adds(out, "the standard 二级指标"); break;
			case YS_LIST_REF: {
				ys_input_sheet rs;
				ys_input_column rc;
				if (!ys_input_sheet_get(col->ref_sheet, &rs) && !ys_input_column_get(col->ref_sheet, col->ref_col, &rc))
					ys_buf_addf(out, "the %s column of the %s sheet", rc.zh, rs.zh);
				break;
			}
			case YS_LIST_NONE:
				break;
			}
			ys_buf_addf(out, " | %s |\n",
			            col->strict ? "refused"
			            : col->list == YS_LIST_IND1 ? "warned: table 13 takes a province's own 一级指标"
			            : col->list == YS_LIST_DEPT_ECON
			                ? "warned: a bare code is read too, and a provincial 7-digit code named on the 科目名称 sheet"
			            : col->list == YS_LIST_FUNC || col->list == YS_LIST_GOV_ECON ? "warned: a bare code is read too"
			            : col->list == YS_LIST_REF ? "warned: the list covers rows not filled in yet"
			            : col->list == YS_LIST_OP ? "warned: >, <, ≧, 定量 … are read too"
			                                      : "warned (rule `perf.levels`)");
		}
	}
	ys_buf_adds(out,
	            "\nThe code lists come from the catalog `--catalog DIR` names (default: the shipped `data/catalog`),\n"
	            "its newest year, or the budget's year with `--from`. `yusuan init --xlsx BOOK.xlsx --from DIR`\n"
	            "fills the template with the budget read from DIR (a folder of CSV files or a workbook): the\n"
	            "budget converted, which builds the same tables. `init` never overwrites: a workbook's name must\n"
	            "be new, a folder new or empty.\n");
}
