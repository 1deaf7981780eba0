/*
 * render/diff.c - a comparison of two disclosures (diff.h) written out:
 * text for people (Chinese), JSON for programs (amounts as integer 分 and as
 * printed), one self-contained HTML page with SVG charts, and a workbook.
 *
 * Amounts print in 万元 with 6 decimals, which is exact to the 分.  Chart
 * geometry is integer arithmetic on 分 as in render/html.c; the workbook
 * is the one place an amount becomes a double (fen / 10^6, at the last
 * moment, as render/xlsx.c does).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "yusuan/diff.h"
#include "yusuan/money.h"
#include "yusuan/text.h"

/* 万元, 6 decimals, grouped: exact. */
static const char *wan(char *buf, int64_t fen)
{
	if (ys_money_format(buf, fen, YS_UNIT_WANYUAN, 6, YS_FMT_GROUP) < 0)
		snprintf(buf, YS_MONEY_FMT_MAX, "?");
	return buf;
}

/* A signed change: "+1,234.000000", "-5.000000", "0". */
static const char *signed_wan(char *buf, int64_t fen)
{
	char a[YS_MONEY_FMT_MAX];
	if (fen == 0)
		return strcpy(buf, "0");
	wan(a, fen);
	snprintf(buf, YS_MONEY_FMT_MAX + 1, "%s%s", fen > 0 ? "+" : "", a);
	return buf;
}

static const char *status_zh(const ys_diff_line *l)
{
	if (l->sec == YS_DIFF_PROJECT)
		return l->status == YS_DIFF_ADDED ? "新增项目" : l->status == YS_DIFF_REMOVED ? "不再列出" : "";
	return l->status == YS_DIFF_ADDED ? "新增" : l->status == YS_DIFF_REMOVED ? "不再列出" : "";
}

static const char *pct_or_dash(const ys_diff_line *l, char *buf)
{
	if (!l->has_pct)
		return strcpy(buf, "—");
	if (l->pct == 0 && l->change) /* less than 0.05 %, but a change */
		return strcpy(buf, l->change > 0 ? "+0.0%" : "-0.0%");
	return ys_diff_pct_text(l->pct, buf);
}

/* The document as "部门 2026年（file）". */
static void who(ys_buf *o, const char *dept, int year, const char *file)
{
	ys_buf_addf(o, "%s", dept && dept[0] ? dept : "（部门未知）");
	if (year)
		ys_buf_addf(o, " %d年", year);
	ys_buf_addf(o, "（%s）", file);
}

/* ---- text ---- */

static void pad(ys_buf *o, const char *s, size_t width, int right)
{
	size_t w = ys_utf8_width(s);
	if (right)
		for (; w < width; w++)
			ys_buf_addc(o, ' ');
	ys_buf_adds(o, s);
	if (!right)
		for (; w < width; w++)
			ys_buf_addc(o, ' ');
}

static void line_label(ys_buf *b, const ys_diff_line *l)
{
	for (int k = 1; k < l->level; k++)
		ys_buf_adds(b, "  ");
	if (l->level || l->sec == YS_DIFF_PROJECT) {
		if (strncmp(l->key, "名称:", strlen("名称:")) != 0)
			ys_buf_addf(b, "%s ", l->key);
	}
	ys_buf_adds(b, l->name);
}

static void text_section(ys_buf *o, const ys_diff *d, int sec)
{
	size_t total = 0, changed = ys_diff_changed(d, sec);
	for (size_t i = 0; i < d->nlines; i++)
		total += d->lines[i].sec == sec;
	if (!total)
		return;
	ys_buf_addf(o, "\n%s：", ys_diff_sec_title(sec));
	if (!changed) {
		ys_buf_addf(o, "%zu 项，都没有变化\n", total);
		return;
	}
	ys_buf_addf(o, "%zu 项中 %zu 项有变化\n", total, changed);
	size_t lw = 8;
	for (size_t i = 0; i < d->nlines; i++) {
		const ys_diff_line *l = &d->lines[i];
		if (l->sec != sec || (l->status == YS_DIFF_SAME && sec != YS_DIFF_SUMMARY))
			continue;
		ys_buf b = YS_BUF_INIT;
		line_label(&b, l);
		size_t w = ys_utf8_width(b.s);
		if (w > lw)
			lw = w > 60 ? 60 : w;
		ys_buf_release(&b);
	}
	ys_buf_adds(o, "  ");
	pad(o, "项目", lw, 0);
	ys_buf_adds(o, "  ");
	pad(o, "旧", 20, 1);
	ys_buf_adds(o, "  ");
	pad(o, "新", 20, 1);
	ys_buf_adds(o, "  ");
	pad(o, "增减", 20, 1);
	ys_buf_adds(o, "  ");
	pad(o, "增减率", 9, 1);
	ys_buf_addc(o, '\n');
	for (size_t i = 0; i < d->nlines; i++) {
		const ys_diff_line *l = &d->lines[i];
		if (l->sec != sec || (l->status == YS_DIFF_SAME && sec != YS_DIFF_SUMMARY))
			continue;
		char a[YS_MONEY_FMT_MAX + 2], p[32];
		ys_buf b = YS_BUF_INIT;
		line_label(&b, l);
		ys_buf_adds(o, "  ");
		pad(o, b.s, lw, 0);
		ys_buf_release(&b);
		ys_buf_adds(o, "  ");
		pad(o, l->status == YS_DIFF_ADDED ? "—" : wan(a, l->old_fen), 20, 1);
		ys_buf_adds(o, "  ");
		pad(o, l->status == YS_DIFF_REMOVED ? "—" : wan(a, l->new_fen), 20, 1);
		ys_buf_adds(o, "  ");
		pad(o, signed_wan(a, l->change), 20, 1);
		ys_buf_adds(o, "  ");
		pad(o, pct_or_dash(l, p), 9, 1);
		const char *st = status_zh(l);
		if (st[0])
			ys_buf_addf(o, "  %s", st);
		ys_buf_addc(o, '\n');
	}
}

/* "03表 2010350/50501/30101（第2个同名行）· 合计" */
static void cell_place(ys_buf *o, const ys_diff_cell *c)
{
	if (c->table < YS_NTABLES)
		ys_buf_addf(o, "%s表", c->tcode);
	else
		ys_buf_addf(o, "“%s”", c->tcode);
	if (c->panel)
		ys_buf_adds(o, "（支出栏）");
	ys_buf_addf(o, " %s", c->row[0] ? c->row : "（无标签的行）");
	if (c->occurrence)
		ys_buf_addf(o, "（第%d个同名行）", c->occurrence + 1);
	ys_buf_addf(o, " · %s", c->col);
}

static void cell_where(ys_buf *o, int line, int page)
{
	if (!line)
		ys_buf_adds(o, "无");
	else if (page)
		ys_buf_addf(o, "第 %d 页第 %d 行", page, line);
	else
		ys_buf_addf(o, "第 %d 行", line);
}

static void text_cells(ys_buf *o, const ys_diff *d)
{
	if (!d->compared_cells) {
		ys_buf_adds(o, "\n两份不是同一部门同一年度的公开：只比较上面的数字（--cells 逐格比较）\n");
		return;
	}
	ys_buf_addf(o, "\n逐格比较：比较了 %lld 个单元格，%zu 个不同\n", (long long)d->cells_compared, d->ncells);
	for (size_t i = 0; i < d->ncells; i++) {
		const ys_diff_cell *c = &d->cells[i];
		ys_buf_adds(o, "  ");
		cell_place(o, c);
		ys_buf_addf(o, "：“%s” → “%s”", c->old_text[0] ? c->old_text : "", c->new_text[0] ? c->new_text : "");
		if (c->amount && c->old_present && c->new_present) {
			char a[YS_MONEY_FMT_MAX + 2];
			ys_buf_addf(o, "（%s 万元）", signed_wan(a, c->new_fen - c->old_fen));
		}
		if (c->old_row < 0)
			ys_buf_adds(o, "（新增的行）");
		else if (c->new_row < 0)
			ys_buf_adds(o, "（删去的行）");
		ys_buf_adds(o, "  [旧：");
		cell_where(o, c->old_line, c->old_page);
		ys_buf_adds(o, "；新：");
		cell_where(o, c->new_line, c->new_page);
		ys_buf_adds(o, "]\n");
	}
}

static void render_text(const ys_diff *d, ys_buf *o)
{
	ys_buf_adds(o, "旧：");
	who(o, d->old_dept, d->old_year, d->old_file);
	ys_buf_addf(o, "，%d 张表\n新：", d->tables[0]);
	who(o, d->new_dept, d->new_year, d->new_file);
	ys_buf_addf(o, "，%d 张表\n", d->tables[1]);
	if (d->versions)
		ys_buf_adds(o, "同一部门同一年度的两个版本\n");
	ys_buf_adds(o, "金额单位：万元（6 位小数，精确到分）；增减率 = 增减 ÷ 旧数\n");
	size_t n = 0;
	for (size_t i = 0; i < d->nlines; i++)
		n += d->lines[i].status != YS_DIFF_SAME;
	if (!d->nlines)
		ys_buf_adds(o, "\n两份都没有可按分类比较的表（13 张表的版式）\n");
	for (int s = 0; s < YS_DIFF_NSECS; s++)
		text_section(o, d, s);
	text_cells(o, d);
	ys_buf_addf(o, "\n共 %zu 个数字有变化", n);
	if (d->compared_cells)
		ys_buf_addf(o, "，%zu 个单元格不同", d->ncells);
	ys_buf_addc(o, '\n');
}

/* ---- JSON ---- */

static json_t *jamount(int64_t fen)
{
	char a[YS_MONEY_FMT_MAX];
	json_t *j = json_object();
	json_object_set_new(j, "fen", json_integer(fen));
	json_object_set_new(j, "wanyuan", json_string(wan(a, fen)));
	return j;
}

static json_t *jdoc(const char *file, const char *dept, int year, int tables)
{
	json_t *j = json_object();
	json_object_set_new(j, "file", json_string(file));
	json_object_set_new(j, "department", json_string(dept));
	json_object_set_new(j, "year", json_integer(year));
	json_object_set_new(j, "tables", json_integer(tables));
	return j;
}

static json_t *render_json(const ys_diff *d)
{
	json_t *root = json_object();
	json_object_set_new(root, "old", jdoc(d->old_file, d->old_dept, d->old_year, d->tables[0]));
	json_object_set_new(root, "new", jdoc(d->new_file, d->new_dept, d->new_year, d->tables[1]));
	json_object_set_new(root, "versions", json_boolean(d->versions));
	json_t *secs = json_array();
	for (int s = 0; s < YS_DIFF_NSECS; s++) {
		json_t *js = json_object(), *lines = json_array();
		json_object_set_new(js, "id", json_string(ys_diff_sec_id(s)));
		json_object_set_new(js, "title", json_string(ys_diff_sec_title(s)));
		json_object_set_new(js, "changed", json_integer((json_int_t)ys_diff_changed(d, s)));
		for (size_t i = 0; i < d->nlines; i++) {
			const ys_diff_line *l = &d->lines[i];
			if (l->sec != s)
				continue;
			json_t *jl = json_object();
			json_object_set_new(jl, "key", json_string(l->key));
			json_object_set_new(jl, "name", json_string(l->name));
			if (l->level)
				json_object_set_new(jl, "level", json_integer(l->level));
			json_object_set_new(jl, "status", json_string(ys_diff_status_id(l->status)));
			json_object_set_new(jl, "old", l->status == YS_DIFF_ADDED ? json_null() : jamount(l->old_fen));
			json_object_set_new(jl, "new", l->status == YS_DIFF_REMOVED ? json_null() : jamount(l->new_fen));
			json_object_set_new(jl, "change", jamount(l->change));
			if (l->has_pct) {
				char p[32];
				json_object_set_new(jl, "pct_tenths", json_integer(l->pct));
				json_object_set_new(jl, "pct", json_string(pct_or_dash(l, p)));
			} else {
				json_object_set_new(jl, "pct_tenths", json_null());
				json_object_set_new(jl, "pct", json_null());
			}
			json_array_append_new(lines, jl);
		}
		json_object_set_new(js, "lines", lines);
		json_array_append_new(secs, js);
	}
	json_object_set_new(root, "sections", secs);
	if (d->compared_cells) {
		json_t *jc = json_object(), *cells = json_array();
		json_object_set_new(jc, "compared", json_integer(d->cells_compared));
		for (size_t i = 0; i < d->ncells; i++) {
			const ys_diff_cell *c = &d->cells[i];
			json_t *j = json_object();
			json_object_set_new(j, "table", json_string(c->tcode));
			json_object_set_new(j, "panel", json_integer(c->panel));
			json_object_set_new(j, "row", json_string(c->row));
			json_object_set_new(j, "occurrence", json_integer(c->occurrence));
			json_object_set_new(j, "column_id", json_string(c->col_id));
			json_object_set_new(j, "column", json_string(c->col));
			json_object_set_new(j, "old", json_string(c->old_text));
			json_object_set_new(j, "new", json_string(c->new_text));
			if (c->amount) {
				json_object_set_new(j, "old_fen", c->old_present ? json_integer(c->old_fen) : json_null());
				json_object_set_new(j, "new_fen", c->new_present ? json_integer(c->new_fen) : json_null());
			}
			json_object_set_new(j, "old_line", json_integer(c->old_line));
			json_object_set_new(j, "new_line", json_integer(c->new_line));
			if (c->old_page || c->new_page) {
				json_object_set_new(j, "old_page", json_integer(c->old_page));
				json_object_set_new(j, "new_page", json_integer(c->new_page));
			}
			json_array_append_new(cells, j);
		}
		json_object_set_new(jc, "differ", cells);
		json_object_set_new(root, "cells", jc);
	}
	return root;
}

ys_result ys_diff_render(ys_ctx *ctx, const ys_diff *d, ys_diff_format fmt, ys_buf *out)
{
	if (fmt == YS_DIFF_JSON) {
		json_t *root = render_json(d);
		char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		json_decref(root);
		if (!s)
			return ys_error(ctx, YS_ENOMEM, "内存不足");
		ys_buf_adds(out, s);
		ys_buf_addc(out, '\n');
		free(s);
	} else {
		render_text(d, out);
	}
	return out->oom ? ys_error(ctx, YS_ENOMEM, "内存不足") : YS_OK;
}

/* ---- HTML ---- */

static void esc(ys_buf *o, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<': ys_buf_adds(o, "&lt;"); break;
		case '>': ys_buf_adds(o, "&gt;"); break;
		case '&': ys_buf_adds(o, "&amp;"); break;
		case '"': ys_buf_adds(o, "&quot;"); break;
		default: ys_buf_addc(o, *s);
		}
	}
}

/* 万元 with two decimals, rounded half up: for charts. */
static const char *wan2(char *buf, int64_t fen)
{
	int64_t r;
	if (ys_money_round(fen, ys_money_quantum(YS_UNIT_WANYUAN, 2), YS_ROUND_HALF_UP, &r) != 0 ||
	    ys_money_format(buf, r, YS_UNIT_WANYUAN, 2, YS_FMT_GROUP) < 0)
		snprintf(buf, YS_MONEY_FMT_MAX, "?");
	return buf;
}

/* len * value / max in integers, without overflow; at least 1 for a non-zero value. */
static int64_t scale(int64_t v, int64_t max, int len)
{
	if (v < 0)
		v = v == INT64_MIN ? INT64_MAX : -v;
	if (max <= 0 || v == 0)
		return 0;
	int64_t w = max <= INT64_MAX / len && v <= INT64_MAX / len ? v * len / max : v / (max / len ? max / len : 1);
	return w < 1 ? 1 : w > len ? len : w;
}

static const char css[] =
	"body{margin:0;color:#1d2733;font:15px/1.6 \"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\","
	"\"Microsoft YaHei\",sans-serif}\n"
	"header{background:#f5f7fa;border-bottom:1px solid #c9d1da;padding:1rem 2rem}header h1{margin:0;font-size:1.5rem}\n"
	"header p{margin:.2rem 0 0;color:#5b6672}main{padding:1rem 2rem 3rem;max-width:1400px}\n"
	"figure{margin:1rem 0;border:1px solid #c9d1da;border-radius:6px;padding:.8rem;max-width:860px}\n"
	"figcaption{font-weight:bold;margin-bottom:.4rem}svg{width:100%;height:auto;font-size:13px}\n"
	"table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0 1.5rem}\n"
	"caption{text-align:left;font-weight:bold;font-size:1.1rem;padding:.3rem 0}\n"
	"th,td{border:1px solid #c9d1da;padding:.2rem .5rem;text-align:left}thead th{background:#eef2f6}\n"
	"td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
	".up{color:#1f5f99}.down{color:#b3261e}.added{background:#eef6ee}.removed{background:#fdecea}\n"
	"footer{color:#5b6672;font-size:.8rem;padding:1rem 2rem;border-top:1px solid #c9d1da}\n"
	"@media print{body{font-size:10pt}figure,tr{break-inside:avoid}}\n";

/* Changes as bars left (decrease) and right (increase) of an axis. */
static void chart_changes(ys_buf *o, const ys_diff *d, int sec, int level, const char *id, const char *caption)
{
	enum { W = 760, LABEL = 230, HALF = 200, ROW = 24 };
	int64_t max = 0;
	int n = 0;
	for (size_t i = 0; i < d->nlines; i++) {
		const ys_diff_line *l = &d->lines[i];
		if (l->sec != sec || l->level != level || l->change == 0)
			continue;
		int64_t a = l->change < 0 ? (l->change == INT64_MIN ? INT64_MAX : -l->change) : l->change;
		if (a > max)
			max = a;
		n++;
	}
	if (!n)
		return;
	int axis = LABEL + HALF + 20;
	ys_buf_addf(o, "<figure id=\"%s\"><figcaption>", id);
	esc(o, caption);
	ys_buf_addf(o, "</figcaption><svg role=\"img\" viewBox=\"0 0 %d %d\" aria-label=\"", W, n * ROW + 12);
	esc(o, caption);
	ys_buf_adds(o, "\">\n");
	ys_buf_addf(o, "<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\" stroke=\"#5b6672\"/>\n", axis, axis, n * ROW + 12);
	int k = 0;
	for (size_t i = 0; i < d->nlines; i++) {
		const ys_diff_line *l = &d->lines[i];
		if (l->sec != sec || l->level != level || l->change == 0)
			continue;
		char a[YS_MONEY_FMT_MAX], p[32];
		int y = 6 + k++ * ROW;
		int64_t len = scale(l->change, max, HALF);
		int64_t x = l->change < 0 ? axis - len : axis;
		ys_buf_addf(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", LABEL - 8, y + 16);
		esc(o, l->key);
		ys_buf_adds(o, " ");
		esc(o, l->name);
		ys_buf_addf(o, "</text><rect x=\"%lld\" y=\"%d\" width=\"%lld\" height=\"%d\" fill=\"%s\"><title>", (long long)x,
		            y + 4, (long long)len, ROW - 8, l->change < 0 ? "#b3261e" : "#1f5f99");
		ys_buf_addf(o, "%s 万元</title></rect>", wan2(a, l->change));
		int64_t tx = l->change < 0 ? axis + 6 : axis + len + 6;
		ys_buf_addf(o, "<text x=\"%lld\" y=\"%d\">%s%s 万元", (long long)tx, y + 16, l->change > 0 ? "+" : "",
		            wan2(a, l->change));
		if (l->has_pct)
			ys_buf_addf(o, "（%s）", pct_or_dash(l, p));
		ys_buf_adds(o, "</text>\n");
	}
	ys_buf_adds(o, "</svg></figure>\n");
}

/* Old and new side by side, for a section of a few figures. */
static void chart_pairs(ys_buf *o, const ys_diff *d, int sec, const char *id, const char *caption)
{
	enum { W = 760, LABEL = 230, BAR = 380, ROW = 40 };
	int64_t max = 0;
	int n = 0;
	for (size_t i = 0; i < d->nlines; i++) {
		const ys_diff_line *l = &d->lines[i];
		if (l->sec != sec)
			continue;
		if (l->old_fen > max)
			max = l->old_fen;
		if (l->new_fen > max)
			max = l->new_fen;
		n++;
	}
	if (!n || max <= 0)
		return;
	ys_buf_addf(o, "<figure id=\"%s\"><figcaption>", id);
	esc(o, caption);
	ys_buf_addf(o, "</figcaption><svg role=\"img\" viewBox=\"0 0 %d %d\" aria-label=\"", W, n * ROW + 30);
	esc(o, caption);
	ys_buf_adds(o, "\">\n");
	ys_buf_addf(o, "<rect x=\"%d\" y=\"4\" width=\"12\" height=\"12\" fill=\"#9fb3c8\"/><text x=\"%d\" y=\"15\">旧</text>"
	               "<rect x=\"%d\" y=\"4\" width=\"12\" height=\"12\" fill=\"#1f5f99\"/><text x=\"%d\" y=\"15\">新</text>\n",
	            LABEL, LABEL + 18, LABEL + 60, LABEL + 78);
	int k = 0;
	for (size_t i = 0; i < d->nlines; i++) {
		const ys_diff_line *l = &d->lines[i];
		if (l->sec != sec)
			continue;
		char a[YS_MONEY_FMT_MAX];
		int y = 24 + k++ * ROW;
		ys_buf_addf(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", LABEL - 8, y + 20);
		esc(o, l->name);
		ys_buf_adds(o, "</text>");
		int64_t lo = l->old_fen > 0 ? scale(l->old_fen, max, BAR) : 0, ln = l->new_fen > 0 ? scale(l->new_fen, max, BAR) : 0;
		ys_buf_addf(o, "<rect x=\"%d\" y=\"%d\" width=\"%lld\" height=\"14\" fill=\"#9fb3c8\"/>", LABEL, y + 2, (long long)lo);
		ys_buf_addf(o, "<text x=\"%lld\" y=\"%d\">%s</text>", (long long)(LABEL + lo + 6), y + 14, wan2(a, l->old_fen));
		ys_buf_addf(o, "<rect x=\"%d\" y=\"%d\" width=\"%lld\" height=\"14\" fill=\"#1f5f99\"/>", LABEL, y + 18, (long long)ln);
		ys_buf_addf(o, "<text x=\"%lld\" y=\"%d\">%s</text>\n", (long long)(LABEL + ln + 6), y + 30, wan2(a, l->new_fen));
	}
	ys_buf_adds(o, "</svg></figure>\n");
}

static void html_section(ys_buf *o, const ys_diff *d, int sec)
{
	size_t total = 0, changed = ys_diff_changed(d, sec);
	for (size_t i = 0; i < d->nlines; i++)
		total += d->lines[i].sec == sec;
	if (!total)
		return;
	ys_buf_addf(o, "<table id=\"sec-%s\"><caption>", ys_diff_sec_id(sec));
	esc(o, ys_diff_sec_title(sec));
	ys_buf_addf(o, "（%zu 项中 %zu 项有变化）</caption>\n", total, changed);
	if (!changed && sec != YS_DIFF_SUMMARY) {
		ys_buf_adds(o, "</table>\n");
		return;
	}
	ys_buf_adds(o, "<thead><tr><th scope=\"col\">项目</th><th scope=\"col\">旧（万元）</th><th scope=\"col\">新（万元）</th>"
	               "<th scope=\"col\">增减（万元）</th><th scope=\"col\">增减率</th><th scope=\"col\">说明</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < d->nlines; i++) {
		const ys_diff_line *l = &d->lines[i];
		if (l->sec != sec || (l->status == YS_DIFF_SAME && sec != YS_DIFF_SUMMARY))
			continue;
		char a[YS_MONEY_FMT_MAX + 2], p[32];
		ys_buf b = YS_BUF_INIT;
		line_label(&b, l);
		ys_buf_addf(o, "<tr%s><th scope=\"row\">",
		            l->status == YS_DIFF_ADDED ? " class=\"added\"" : l->status == YS_DIFF_REMOVED ? " class=\"removed\"" : "");
		esc(o, b.s);
		ys_buf_release(&b);
		ys_buf_addf(o, "</th><td class=\"num\">%s</td>", l->status == YS_DIFF_ADDED ? "—" : wan(a, l->old_fen));
		ys_buf_addf(o, "<td class=\"num\">%s</td>", l->status == YS_DIFF_REMOVED ? "—" : wan(a, l->new_fen));
		ys_buf_addf(o, "<td class=\"num %s\">%s</td>", l->change > 0 ? "up" : l->change < 0 ? "down" : "",
		            signed_wan(a, l->change));
		ys_buf_addf(o, "<td class=\"num\">%s</td><td>%s</td></tr>\n", pct_or_dash(l, p), status_zh(l));
	}
	ys_buf_adds(o, "</tbody></table>\n");
}

ys_result ys_diff_render_html(ys_ctx *ctx, const ys_diff *d, ys_buf *o)
{
	ys_buf_adds(o, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
	               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>预算比较</title>\n<style>\n");
	ys_buf_adds(o, css);
	ys_buf_adds(o, "</style>\n</head>\n<body>\n<header><h1>预算比较</h1><p>旧：");
	ys_buf t = YS_BUF_INIT;
	who(&t, d->old_dept, d->old_year, d->old_file);
	esc(o, t.s);
	ys_buf_reset(&t);
	ys_buf_adds(o, "</p><p>新：");
	who(&t, d->new_dept, d->new_year, d->new_file);
	esc(o, t.s);
	ys_buf_release(&t);
	ys_buf_addf(o, "</p><p>%s金额单位：万元；增减率 = 增减 ÷ 旧数</p></header>\n<main>\n",
	            d->versions ? "同一部门同一年度的两个版本。" : "");
	chart_pairs(o, d, YS_DIFF_SANGONG, "chart-sangong", "财政拨款“三公”经费：旧与新");
	chart_changes(o, d, YS_DIFF_FUNC, 1, "chart-func", "支出功能分类：各类的增减");
	chart_changes(o, d, YS_DIFF_ECON, 1, "chart-econ", "部门支出经济分类：各类的增减");
	for (int s = 0; s < YS_DIFF_NSECS; s++)
		html_section(o, d, s);
	if (d->compared_cells) {
		ys_buf_addf(o, "<table id=\"cells\"><caption>逐格比较：比较了 %lld 个单元格，%zu 个不同</caption>\n",
		            (long long)d->cells_compared, d->ncells);
		if (d->ncells)
			ys_buf_adds(o, "<thead><tr><th scope=\"col\">表</th><th scope=\"col\">行</th><th scope=\"col\">列</th>"
			               "<th scope=\"col\">旧</th><th scope=\"col\">新</th><th scope=\"col\">位置（旧 / 新）</th></tr></thead>\n<tbody>\n");
		for (size_t i = 0; i < d->ncells; i++) {
			const ys_diff_cell *c = &d->cells[i];
			ys_buf_adds(o, "<tr><td>");
			esc(o, c->tcode);
			ys_buf_adds(o, "</td><td>");
			esc(o, c->row);
			if (c->occurrence)
				ys_buf_addf(o, "（第%d个同名行）", c->occurrence + 1);
			ys_buf_adds(o, "</td><td>");
			esc(o, c->col);
			ys_buf_addf(o, "</td><td class=\"%s\">", c->amount ? "num" : "");
			esc(o, c->old_text);
			ys_buf_addf(o, "</td><td class=\"%s\">", c->amount ? "num" : "");
			esc(o, c->new_text);
			ys_buf_adds(o, "</td><td>");
			ys_buf w = YS_BUF_INIT;
			cell_where(&w, c->old_line, c->old_page);
			ys_buf_adds(&w, " / ");
			cell_where(&w, c->new_line, c->new_page);
			esc(o, w.s);
			ys_buf_release(&w);
			ys_buf_adds(o, "</td></tr>\n");
		}
		if (d->ncells)
			ys_buf_adds(o, "</tbody>");
		ys_buf_adds(o, "</table>\n");
	}
	ys_buf_adds(o, "</main>\n<footer>由 yusuan 生成。金额以分为单位精确计算；图表中的金额四舍五入到 0.01 万元。</footer>\n"
	               "</body>\n</html>\n");
	return o->oom ? ys_error(ctx, YS_ENOMEM, "内存不足") : YS_OK;
}

/* ---- XLSX ---- */

/* The one conversion of an amount to a double: 万元 for the sheet. */
static double wan_double(int64_t fen) { return (double)fen / 1000000.0; }

static void xsection(lxw_workbook *wb, lxw_format *head, lxw_format *num, lxw_format *pct, const ys_diff *d, int sec)
{
	static const char *const sheet_names[YS_DIFF_NSECS] = { "主要数字", "功能分类", "一般公共预算功能分类", "部门经济分类",
		                                                "政府经济分类", "基本支出经济分类", "资金来源", "三公经费",
		                                                "项目",     "政府采购" };
	size_t total = 0;
	for (size_t i = 0; i < d->nlines; i++)
		total += d->lines[i].sec == sec;
	if (!total)
		return;
	lxw_worksheet *ws = workbook_add_worksheet(wb, sheet_names[sec]);
	if (!ws)
		return;
	static const char *const cols[] = { "编码", "名称", "层级", "状态", "旧（万元）", "新（万元）", "增减（万元）", "增减率" };
	for (int c = 0; c < 8; c++)
		worksheet_write_string(ws, 0, (lxw_col_t)c, cols[c], head);
	lxw_row_t r = 1;
	for (size_t i = 0; i < d->nlines; i++) {
		const ys_diff_line *l = &d->lines[i];
		if (l->sec != sec)
			continue;
		worksheet_write_string(ws, r, 0, strncmp(l->key, "名称:", strlen("名称:")) ? l->key : "", NULL);
		worksheet_write_string(ws, r, 1, l->name, NULL);
		if (l->level)
			worksheet_write_number(ws, r, 2, l->level, NULL);
		static const char *const st[] = { "未变", "变化", "新增", "不再列出" };
		worksheet_write_string(ws, r, 3, st[l->status], NULL);
		if (l->status != YS_DIFF_ADDED)
			worksheet_write_number(ws, r, 4, wan_double(l->old_fen), num);
		if (l->status != YS_DIFF_REMOVED)
			worksheet_write_number(ws, r, 5, wan_double(l->new_fen), num);
		worksheet_write_number(ws, r, 6, wan_double(l->change), num);
		if (l->has_pct)
			worksheet_write_number(ws, r, 7, (double)l->pct / 1000.0, pct);
		r++;
	}
	worksheet_set_column(ws, 0, 0, 22, NULL);
	worksheet_set_column(ws, 1, 1, 40, NULL);
	worksheet_set_column(ws, 4, 6, 20, NULL);
	worksheet_freeze_panes(ws, 1, 0);
	worksheet_autofilter(ws, 0, 0, r > 1 ? r - 1 : 0, 7);
}

ys_result ys_diff_render_xlsx(ys_ctx *ctx, const ys_diff *d, const char *path)
{
	lxw_workbook *wb = workbook_new(path);
	if (!wb)
		return ys_error(ctx, YS_EWRITE, "%s：无法创建工作簿", path);
	lxw_format *head = workbook_add_format(wb), *num = workbook_add_format(wb), *pct = workbook_add_format(wb);
	format_set_bold(head);
	format_set_bg_color(head, 0xEEF2F6);
	format_set_num_format(num, "#,##0.000000");
	format_set_num_format(pct, "0.0%");
	workbook_set_properties(wb, &(lxw_doc_properties){ .title = "预算比较", .author = "yusuan" });
	lxw_worksheet *ws = workbook_add_worksheet(wb, "概要");
	ys_buf t = YS_BUF_INIT;
	worksheet_write_string(ws, 0, 0, "旧", head);
	who(&t, d->old_dept, d->old_year, d->old_file);
	worksheet_write_string(ws, 0, 1, t.s, NULL);
	ys_buf_reset(&t);
	worksheet_write_string(ws, 1, 0, "新", head);
	who(&t, d->new_dept, d->new_year, d->new_file);
	worksheet_write_string(ws, 1, 1, t.s, NULL);
	ys_buf_release(&t);
	worksheet_write_string(ws, 2, 0, "金额单位", head);
	worksheet_write_string(ws, 2, 1, "万元", NULL);
	worksheet_write_string(ws, 3, 0, "版本", head);
	worksheet_write_string(ws, 3, 1, d->versions ? "同一部门同一年度的两个版本" : "不同年度或部门", NULL);
	worksheet_set_column(ws, 0, 0, 12, NULL);
	worksheet_set_column(ws, 1, 1, 80, NULL);
	for (int s = 0; s < YS_DIFF_NSECS; s++)
		xsection(wb, head, num, pct, d, s);
	if (d->compared_cells) {
		lxw_worksheet *wc = workbook_add_worksheet(wb, "单元格");
		static const char *const cols[] = { "表", "行", "同名行序号", "列", "旧", "新", "旧（分）", "新（分）", "旧行号", "新行号" };
		for (int c = 0; c < 10; c++)
			worksheet_write_string(wc, 0, (lxw_col_t)c, cols[c], head);
		for (size_t i = 0; i < d->ncells; i++) {
			const ys_diff_cell *c = &d->cells[i];
			lxw_row_t r = (lxw_row_t)(i + 1);
			worksheet_write_string(wc, r, 0, c->tcode, NULL);
			worksheet_write_string(wc, r, 1, c->row, NULL);
			worksheet_write_number(wc, r, 2, c->occurrence + 1, NULL);
			worksheet_write_string(wc, r, 3, c->col, NULL);
			worksheet_write_string(wc, r, 4, c->old_text, NULL);
			worksheet_write_string(wc, r, 5, c->new_text, NULL);
			/* 分 as text: a whole number of any size, exactly */
			char f[32];
			if (c->amount && c->old_present) {
				snprintf(f, sizeof f, "%lld", (long long)c->old_fen);
				worksheet_write_string(wc, r, 6, f, NULL);
			}
			if (c->amount && c->new_present) {
				snprintf(f, sizeof f, "%lld", (long long)c->new_fen);
				worksheet_write_string(wc, r, 7, f, NULL);
			}
			if (c->old_line)
				worksheet_write_number(wc, r, 8, c->old_line, NULL);
			if (c->new_line)
				worksheet_write_number(wc, r, 9, c->new_line, NULL);
		}
		worksheet_set_column(wc, 1, 1, 40, NULL);
		worksheet_set_column(wc, 4, 5, 24, NULL);
		worksheet_freeze_panes(wc, 1, 0);
	}
	lxw_error e = workbook_close(wb);
	if (e != LXW_NO_ERROR)
		return ys_error(ctx, YS_EWRITE, "%s：无法写入工作簿：%s", path, lxw_strerror(e));
	return YS_OK;
}
