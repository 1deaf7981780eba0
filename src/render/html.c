/*
 * render/html.c - the disclosure as a static web site: an index with the
 * department's totals and charts, a page per table, and the check's
 * findings, each linked to the cell it is about.
 *
 * Pages use semantic tables (<caption>, <th scope>), amounts right-aligned
 * in tabular figures, a print stylesheet, and nothing from any other host:
 * the stylesheet is written beside the pages and the charts are SVG drawn
 * here.  Chart geometry is integer arithmetic on 分 (a bar's length is
 * amount * width / largest), so no amount passes through a double.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "render/grid.h"
#include "yusuan/budget.h"
#include "yusuan/render.h"
#include "base_int.h"

/* ---- text ---- */

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

/* 万元 with two decimals, rounded half up, grouped: for charts and figures
 * (the tables print every amount as published). */
static const char *wan2(char *buf, int64_t fen)
{
	int64_t r;
	if (ys_money_round(fen, ys_money_quantum(YS_UNIT_WANYUAN, 2), YS_ROUND_HALF_UP, &r) != 0 ||
	    ys_money_format(buf, r, YS_UNIT_WANYUAN, 2, YS_FMT_GROUP) < 0)
		snprintf(buf, YS_MONEY_FMT_MAX, "?");
	return buf;
}

/* part of whole in tenths of a per cent, rounded half up: "78.1%" */
static const char *percent(char *buf, size_t cap, int64_t part, int64_t whole)
{
	if (whole <= 0 || part < 0 || part > INT64_MAX / 1000) {
		snprintf(buf, cap, "–");
		return buf;
	}
	/* in 128 bits: part * 1000 + whole / 2 may pass INT64_MAX, the quotient
	 * does not */
	int64_t t = (int64_t)(((__int128)part * 1000 + whole / 2) / whole);
	snprintf(buf, cap, "%lld.%lld%%", (long long)(t / 10), (long long)(t % 10));
	return buf;
}

/* ---- pages ---- */

static const char css[] =
	":root{--ink:#1d2733;--muted:#5b6672;--line:#c9d1da;--head:#eef2f6;--accent:#1f5f99;"
	"--err:#b3261e;--warn:#b26b00;--note:#43698f}\n"
	"*{box-sizing:border-box}\n"
	"body{margin:0;color:var(--ink);background:#fff;font:15px/1.6 \"Noto Sans CJK SC\",\"Source Han Sans SC\","
	"\"PingFang SC\",\"Microsoft YaHei\",sans-serif}\n"
	"header.site{background:#f5f7fa;border-bottom:1px solid var(--line);padding:1rem 2rem}\n"
	"header.site h1{margin:0;font-size:1.5rem}\nheader.site p{margin:.2rem 0 0;color:var(--muted)}\n"
	"nav.site{padding:.5rem 2rem;border-bottom:1px solid var(--line);font-size:.9rem}\n"
	"nav.site a{margin-right:1rem}\n"
	"main{padding:1rem 2rem 3rem;max-width:1400px}\n"
	"a{color:var(--accent)}\n"
	"dl.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.8rem;margin:1rem 0}\n"
	"dl.figures div{border:1px solid var(--line);border-radius:6px;padding:.6rem .9rem}\n"
	"dl.figures dt{color:var(--muted);font-size:.85rem}\n"
	"dl.figures dd{margin:0;font-size:1.3rem;font-variant-numeric:tabular-nums}\n"
	".charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(30rem,1fr));gap:1.2rem}\n"
	"figure{margin:0;border:1px solid var(--line);border-radius:6px;padding:.8rem}\n"
	"figure figcaption{font-weight:bold;margin-bottom:.4rem}\n"
	"svg.chart{width:100%;height:auto;font-size:13px;font-variant-numeric:tabular-nums}\n"
	"svg.chart text{fill:var(--ink)}\n"
	"table.budget{border-collapse:collapse;font-size:.85rem;margin:1rem 0}\n"
	"table.budget caption{text-align:left;font-size:1.2rem;font-weight:bold;padding:.3rem 0}\n"
	"table.budget caption span{display:block;font-size:.85rem;font-weight:normal;color:var(--muted);text-align:right}\n"
	"table.budget th,table.budget td{border:1px solid var(--line);padding:.2rem .45rem;vertical-align:middle}\n"
	"table.budget thead th,table.budget tr.subhead th{background:var(--head);text-align:center}\n"
	"table.budget tbody th{text-align:left;font-weight:normal}\n"
	"table.budget td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
	"table.budget td.long{min-width:16rem}\n"
	"table.budget tr.total th,table.budget tr.total td{font-weight:bold}\n"
	"table.budget tbody tr:hover{background:#f8fafc}\n"
	"table.budget .error{outline:2px solid var(--err);background:#fdecea}\n"
	"table.budget .warning{outline:2px solid var(--warn);background:#fff4e0}\n"
	"table.budget .notice{outline:1px dashed var(--note)}\n"
	":target{outline:3px solid var(--accent)!important}\n"
	"table.findings{border-collapse:collapse;width:100%}\n"
	"table.findings th,table.findings td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;"
	"vertical-align:top}\n"
	"table.findings td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
	"table.findings th,table.findings td:first-child{white-space:nowrap}\n"
	".sev-error{color:var(--err);font-weight:bold}.sev-warning{color:var(--warn)}.sev-notice{color:var(--note)}\n"
	"ol.tables li{margin:.2rem 0}\n"
	"footer{color:var(--muted);font-size:.8rem;padding:1rem 2rem;border-top:1px solid var(--line)}\n"
	"@media print{@page{size:A4 landscape;margin:12mm}body{font-size:10pt}nav.site,footer{display:none}"
	"header.site{background:none;padding:0 0 .5rem}main{padding:0;max-width:none}"
	"table.budget{font-size:8pt;width:100%}table.budget thead{display:table-header-group}"
	"table.budget tr{break-inside:avoid}figure{break-inside:avoid}"
	".charts{grid-template-columns:1fr 1fr}a{color:inherit;text-decoration:none}}\n";

typedef struct site {
	ys_ctx *ctx;
	const ys_doc *doc;
	const ys_report *rep;
	const char *dir;
	unsigned long mark; /* allocation failures before the site (base_int.h) */
	char title[256]; /* 北京市机关事务管理中心 2026年部门预算 */
} site;

static void page_open(site *S, ys_buf *o, const char *title)
{
	ys_buf_adds(o, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
	               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	esc(o, title);
	ys_buf_adds(o, "</title>\n<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n<body>\n<header class=\"site\"><h1>");
	esc(o, S->doc->department && S->doc->department[0] ? S->doc->department : "部门预算");
	ys_buf_adds(o, "</h1><p>");
	if (S->doc->year)
		ys_buf_addf(o, "%d年部门预算", S->doc->year);
	else
		ys_buf_adds(o, "部门预算");
	ys_buf_adds(o, !S->doc->ntables && S->doc->unit == YS_UNIT_YUAN ? " · 金额单位：元" : " · 金额单位：万元");
	ys_buf_adds(o, "</p></header>\n<nav class=\"site\" aria-label=\"页面\"><a href=\"index.html\">概览</a>");
	for (int i = 0; i < S->doc->ntables; i++) {
		const ys_table *t = S->doc->tables[S->doc->order[i]];
		ys_buf_addf(o, "<a href=\"%s.html\">%s表</a>", t->def->code, t->def->code);
	}
	ys_buf_adds(o, "<a href=\"findings.html\">检查结果</a></nav>\n<main>\n");
}

static void page_close(ys_buf *o)
{
	ys_buf_adds(o, "</main>\n<footer>由 yusuan 生成。金额以分为单位精确计算；图表中的金额四舍五入到 0.01 万元。</footer>\n"
	               "</body>\n</html>\n");
}

static ys_result page_write(site *S, const char *name, ys_buf *o)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", S->dir, name);
	/* a page made while memory ran out may lack a part: never written */
	if (o->oom || ys_oom_check(S->ctx, YS_OK, S->mark))
		return ys_error(S->ctx, YS_ENOMEM, "%s：内存不足", path);
	return ys_file_write(S->ctx, path, o->s, o->len);
}

/* ---- findings on cells ---- */

static int finding_on(const ys_report *rep, int tid, int row, int col)
{
	int sev = -1;
	for (size_t i = 0; rep && i < rep->nfindings; i++) {
		const ys_finding *f = &rep->findings[i];
		if (f->table == tid && f->row == row && f->col == col && (int)f->sev > sev)
			sev = (int)f->sev;
	}
	return sev;
}

static void cell_id(ys_buf *o, int row, const char *colid)
{
	ys_buf_addf(o, " id=\"r%d-", row);
	esc(o, colid);
	ys_buf_addc(o, '"');
}

/* ---- a table page ---- */

static void header_rows(ys_buf *o, const ys_table *t, int h0, int h1, int width, int sub)
{
	enum { MAXSP = 16 * YS_GRID_MAX };
	ys_gspan *sp = malloc(sizeof *sp * MAXSP);
	if (!sp) {
		o->oom = 1;
		ys_oom_note();
		return;
	}
	int n = ys_grid_header(t, h0, h1, width, sp, MAXSP);
	for (int r = 0; r < h1 - h0 && r < 16; r++) {
		ys_buf_adds(o, sub ? "<tr class=\"subhead\">" : "<tr>");
		for (int i = 0; i < n; i++) {
			if (sp[i].r != r)
				continue;
			if (!sp[i].text[0]) {
				ys_buf_adds(o, sub ? "<th scope=\"col\"></th>" : "<td></td>");
				continue;
			}
			ys_buf_addf(o, "<th scope=\"%s\"", sp[i].cols > 1 ? "colgroup" : "col");
			if (sp[i].cols > 1)
				ys_buf_addf(o, " colspan=\"%d\"", sp[i].cols);
			if (sp[i].rows > 1)
				ys_buf_addf(o, " rowspan=\"%d\"", sp[i].rows);
			ys_buf_addc(o, '>');
			esc(o, sp[i].text);
			ys_buf_adds(o, "</th>");
		}
		ys_buf_adds(o, "</tr>\n");
	}
	free(sp);
}

/* The <table> of t, its cells with rep's findings marked: tid is its
 * index as findings name it, name its anchor's (01, g01). */
static void table_elem(const ys_report *rep, const ys_table *t, int tid, const char *name, ys_buf *o)
{
	const ys_tabledef *d = t->def;
	int width = ys_grid_width(t);
	ys_gcell g[YS_GRID_MAX];
	ys_buf_adds(o, "<table class=\"budget\" id=\"t");
	ys_buf_adds(o, name);
	ys_buf_adds(o, "\">\n<caption>");
	esc(o, t->title);
	const char *sub = t->unit_line ? t->unit_text : t->subtitle;
	if (sub && sub[0]) {
		ys_buf_adds(o, "<span>");
		esc(o, sub);
		ys_buf_adds(o, "</span>");
	}
	ys_buf_adds(o, "</caption>\n");
	int h = 0;
	while (h < t->nheaders && t->headers[h].before == 0)
		h++;
	if (h) {
		ys_buf_adds(o, "<thead>\n");
		header_rows(o, t, 0, h, width, 0);
		ys_buf_adds(o, "</thead>\n");
	}
	ys_buf_adds(o, "<tbody>\n");
	for (int r = 0; r < t->nrows; r++) {
		const ys_row *row = &t->rows[r];
		int h0 = h;
		while (h < t->nheaders && t->headers[h].before == r)
			h++;
		if (h > h0)
			header_rows(o, t, h0, h, width, 1);
		ys_grid_row(t, row, width, g);
		ys_buf_addf(o, "<tr id=\"r%d\"%s>", r, row->kind == YS_ROW_TOTAL ? " class=\"total\"" : "");
		for (int c = 0; c < width; c++) {
			if (!g[c].span)
				continue;
			int col = g[c].col, amt = ys_grid_amount(t, col);
			int head = c == 0 && !amt && g[c].text[0];
			const char *tag = head ? "th" : "td";
			ys_buf_addf(o, "<%s", tag);
			if (head)
				ys_buf_adds(o, " scope=\"row\"");
			if (col >= 0)
				cell_id(o, r, d->cols[col].id);
			int sev = col >= 0 ? finding_on(rep, tid, r, col) : -1;
			const char *cls = amt ? "num" : (d->cols[col < 0 ? 0 : col].kind == YS_CK_TEXT && ys_utf8_width(g[c].text) > 40)
			                                    ? "long"
			                                    : NULL;
			if (cls || sev >= 0) {
				ys_buf_adds(o, " class=\"");
				if (cls)
					ys_buf_adds(o, cls);
				if (sev >= 0)
					ys_buf_addf(o, "%s%s", cls ? " " : "", ys_severity_name((ys_severity)sev));
				ys_buf_addc(o, '"');
			}
			if (g[c].span > 1)
				ys_buf_addf(o, " colspan=\"%d\"", g[c].span);
			ys_buf_addc(o, '>');
			esc(o, g[c].text);
			ys_buf_addf(o, "</%s>", tag);
		}
		ys_buf_adds(o, "</tr>\n");
	}
	ys_buf_adds(o, "</tbody>\n</table>\n");
}

/* The page of the k-th table (ys_grid_table). */
static void table_page(site *S, const ys_table *t, int k, int tid, const char *name, ys_buf *o)
{
	char tn[16];
	int other;
	page_open(S, o, t->title);
	ys_buf_adds(o, "<p class=\"pager\">");
	if (k > 0) {
		ys_grid_table(S->doc, k - 1, &other, tn);
		ys_buf_addf(o, "<a href=\"%s.html\" rel=\"prev\">← 上一表</a> ", tn);
	}
	if (k + 1 < ys_grid_ntables(S->doc)) {
		ys_grid_table(S->doc, k + 1, &other, tn);
		ys_buf_addf(o, "<a href=\"%s.html\" rel=\"next\">下一表 →</a>", tn);
	}
	ys_buf_adds(o, "</p>\n");
	table_elem(S->rep, t, tid, name, o);
	page_close(o);
}

/* ---- charts ---- */

typedef struct part {
	const char *label;
	int64_t fen;
} part;

static const char *const palette[] = { "#1f5f99", "#e07b39", "#3a9d5d", "#b54a7d", "#7a5bb5", "#c4a000",
	                               "#2b9bb0", "#8c564b", "#6b7c8f" };

static int64_t sum_parts(const part *p, int n)
{
	int64_t s = 0;
	for (int i = 0; i < n; i++)
		if (p[i].fen > 0 && ys_money_add(s, p[i].fen, &s) != 0)
			return 0;
	return s;
}

static void chart_open(ys_buf *o, const char *id, const char *caption, const part *p, int n, int w, int hgt)
{
	char a[YS_MONEY_FMT_MAX], pc[48];
	int64_t total = sum_parts(p, n);
	ys_buf_addf(o, "<figure id=\"%s\"><figcaption>", id);
	esc(o, caption);
	ys_buf_addf(o, "</figcaption>\n<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" aria-label=\"", w, hgt);
	esc(o, caption);
	ys_buf_adds(o, "：");
	for (int i = 0; i < n; i++) {
		ys_buf_addf(o, "%s", i ? "；" : "");
		esc(o, p[i].label);
		ys_buf_addf(o, " %s 万元（%s）", wan2(a, p[i].fen), percent(pc, sizeof pc, p[i].fen, total));
	}
	ys_buf_adds(o, "\"><title>");
	esc(o, caption);
	ys_buf_adds(o, "</title>\n");
}

/* Horizontal bars, largest first as given. */
static void hbars(ys_buf *o, const char *id, const char *caption, const part *p, int n)
{
	enum { W = 640, LABEL = 190, BAR = 270, ROW = 26 };
	char a[YS_MONEY_FMT_MAX], pc[48];
	int64_t max = 0, total = sum_parts(p, n);
	for (int i = 0; i < n; i++)
		if (p[i].fen > max)
			max = p[i].fen;
	chart_open(o, id, caption, p, n, W, n * ROW + 8);
	for (int i = 0; i < n; i++) {
		int y = 4 + i * ROW;
		int64_t len = 0; /* amount * BAR / max, without overflow */
		if (max > 0 && p[i].fen > 0)
			len = max <= INT64_MAX / BAR ? p[i].fen * BAR / max : p[i].fen / (max / BAR);
		if (p[i].fen > 0 && len < 1)
			len = 1;
		ys_buf_addf(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", LABEL - 8, y + 17);
		esc(o, p[i].label);
		ys_buf_addf(o, "</text><rect x=\"%d\" y=\"%d\" width=\"%lld\" height=\"%d\" fill=\"%s\"/>", LABEL, y + 4,
		            (long long)len, ROW - 8, palette[0]);
		ys_buf_addf(o, "<text x=\"%lld\" y=\"%d\">%s（%s）</text>\n", (long long)(LABEL + len + 6), y + 17,
		            wan2(a, p[i].fen), percent(pc, sizeof pc, p[i].fen, total));
	}
	ys_buf_adds(o, "</svg></figure>\n");
}

/* One bar split into its parts, with a legend. */
static void split(ys_buf *o, const char *id, const char *caption, const part *p, int n)
{
	enum { W = 640, BAR = 600, X = 20, ROW = 24 };
	char a[YS_MONEY_FMT_MAX], pc[48];
	int64_t total = sum_parts(p, n);
	chart_open(o, id, caption, p, n, W, 56 + n * ROW);
	int64_t x = X, acc = 0;
	for (int i = 0; i < n; i++) {
		if (p[i].fen <= 0 || total <= 0)
			continue;
		acc += p[i].fen;
		/* each segment ends where the running sum says: the bar is exactly BAR wide */
		int64_t end = X + (total <= INT64_MAX / BAR ? acc * BAR / total : acc / (total / BAR));
		ys_buf_addf(o, "<rect x=\"%lld\" y=\"8\" width=\"%lld\" height=\"30\" fill=\"%s\"/>", (long long)x,
		            (long long)(end - x), palette[i % 9]);
		x = end;
	}
	for (int i = 0; i < n; i++) {
		int y = 50 + i * ROW;
		ys_buf_addf(o, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">", X,
		            y, palette[i % 9], X + 22, y + 12);
		esc(o, p[i].label);
		ys_buf_addf(o, " %s 万元（%s）</text>\n", wan2(a, p[i].fen), percent(pc, sizeof pc, p[i].fen, total));
	}
	ys_buf_adds(o, "</svg></figure>\n");
}

static int64_t cell_fen(const ys_table *t, int r, int c)
{
	return t && r >= 0 && r < t->nrows && t->rows[r].cells[c].amt.present ? t->rows[r].cells[c].amt.fen : 0;
}

static int total_row(const ys_table *t)
{
	for (int r = 0; t && r < t->nrows; r++)
		if (t->rows[r].kind == YS_ROW_TOTAL)
			return r;
	return -1;
}

/* The fixed row of a role on a panel of 01/04, or -1. */
static int fixed_row(const ys_table *t, int panel, int role)
{
	for (int r = 0; t && r < t->nrows; r++) {
		int fx = t->rows[r].fixed[panel];
		if (fx >= 0 && t->def->fixed[fx].role == role)
			return r;
	}
	return -1;
}

static int cmp_part(const void *a, const void *b)
{
	const part *x = a, *y = b;
	return x->fen < y->fen ? 1 : x->fen > y->fen ? -1 : 0;
}

static int charts(ys_buf *o, const ys_doc *doc)
{
	part p[32];
	int n, drawn = 0;
	const ys_table *t01 = doc->tables[YS_T01], *t02 = doc->tables[YS_T02], *t03 = doc->tables[YS_T03],
		       *t09 = doc->tables[YS_T09];
	ys_buf_adds(o, "<section class=\"charts\" aria-label=\"图表\">\n");
	if (t01) { /* spending by 类 */
		n = 0;
		for (int r = 0; r < t01->nrows && n < 32; r++) {
			int fx = t01->rows[r].fixed[1];
			if (fx < 0 || t01->def->fixed[fx].role != YS_FR_ITEM || cell_fen(t01, r, YS_C01_OUT_AMT) <= 0)
				continue;
			p[n++] = (part){ t01->def->fixed[fx].label, cell_fen(t01, r, YS_C01_OUT_AMT) };
		}
		qsort(p, (size_t)n, sizeof *p, cmp_part);
		if (n) {
			hbars(o, "chart-func", "支出功能分类（按类）", p, n);
			drawn++;
		}
	}
	if (t03) { /* basic vs project; personnel vs public */
		int tr = total_row(t03);
		int64_t basic = 0, project = 0, pers = 0, pub = 0;
		int kind_ovf = 0, basic_ovf = 0; /* a sum beyond int64 分: that chart is not drawn */
		for (int r = 0; r < t03->nrows; r++) {
			if (t03->rows[r].kind != YS_ROW_DATA)
				continue;
			int64_t b = cell_fen(t03, r, YS_C03_BASIC);
			const char *name;
			char code[16];
			size_t k = ys_split_codename(t03->rows[r].cells[YS_C03_DEPT].text, &name);
			if (k && k < sizeof code) {
				memcpy(code, t03->rows[r].cells[YS_C03_DEPT].text, k);
				code[k] = 0;
				if (ys_econ_personnel(code))
					basic_ovf |= ys_money_add(pers, b, &pers) != 0;
				else
					basic_ovf |= ys_money_add(pub, b, &pub) != 0;
			}
			if (tr < 0) {
				kind_ovf |= ys_money_add(basic, b, &basic) != 0;
				kind_ovf |= ys_money_add(project, cell_fen(t03, r, YS_C03_PROJECT), &project) != 0;
			}
		}
		if (tr >= 0) {
			basic = cell_fen(t03, tr, YS_C03_BASIC);
			project = cell_fen(t03, tr, YS_C03_PROJECT);
			kind_ovf = 0;
		}
		if (!kind_ovf) {
			p[0] = (part){ "基本支出", basic };
			p[1] = (part){ "项目支出", project };
			split(o, "chart-kind", "基本支出与项目支出", p, 2);
			drawn++;
		}
		if (!basic_ovf) {
			p[0] = (part){ "人员经费", pers };
			p[1] = (part){ "公用经费", pub };
			split(o, "chart-basic", "基本支出：人员经费与公用经费", p, 2);
			drawn++;
		}
	}
	if (t09 && t09->nrows > 0) {
		p[0] = (part){ "因公出国（境）费", cell_fen(t09, 0, YS_C09_ABROAD) };
		p[1] = (part){ "公务接待费", cell_fen(t09, 0, YS_C09_RECEPTION) };
		p[2] = (part){ "公务用车购置费", cell_fen(t09, 0, YS_C09_CAR_BUY) };
		p[3] = (part){ "公务用车运行维护费", cell_fen(t09, 0, YS_C09_CAR_RUN) };
		hbars(o, "chart-sangong", "财政拨款“三公”经费", p, 4);
		drawn++;
	}
	if (t02 && t02->nrows > 0) { /* income by source */
		n = 0;
		for (int s = 0; s < YS_NSOURCES; s++)
			if (cell_fen(t02, 0, YS_C02_SRC0 + s) > 0)
				p[n++] = (part){ ys_fund_name((ys_fundsrc)s), cell_fen(t02, 0, YS_C02_SRC0 + s) };
		if (cell_fen(t02, 0, YS_C02_CARRY) > 0)
			p[n++] = (part){ "上年结转结余", cell_fen(t02, 0, YS_C02_CARRY) };
		qsort(p, (size_t)n, sizeof *p, cmp_part);
		if (n) {
			hbars(o, "chart-income", "收入来源", p, n);
			drawn++;
		}
	}
	ys_buf_adds(o, "</section>\n");
	return drawn;
}

/* ---- index ---- */

static void figure(ys_buf *o, const char *label, int64_t fen, const char *href)
{
	char a[YS_MONEY_FMT_MAX];
	ys_buf_adds(o, "<div><dt>");
	esc(o, label);
	ys_buf_adds(o, "</dt><dd>");
	if (href)
		ys_buf_addf(o, "<a href=\"%s\">", href);
	ys_buf_addf(o, "%s", wan2(a, fen));
	if (href)
		ys_buf_adds(o, "</a>");
	ys_buf_adds(o, " 万元</dd></div>\n");
}

static void index_page(site *S, ys_buf *o)
{
	const ys_doc *doc = S->doc;
	const ys_table *t01 = doc->tables[YS_T01], *t03 = doc->tables[YS_T03], *t04 = doc->tables[YS_T04],
		       *t09 = doc->tables[YS_T09];
	page_open(S, o, S->title);
	ys_buf_adds(o, "<h2>主要数字</h2>\n<dl class=\"figures\">\n");
	int r;
	if ((r = fixed_row(t01, 0, YS_FR_GRAND)) >= 0)
		figure(o, "收入总计", cell_fen(t01, r, YS_C01_IN_AMT), "01.html");
	if ((r = fixed_row(t01, 1, YS_FR_GRAND)) >= 0)
		figure(o, "支出总计", cell_fen(t01, r, YS_C01_OUT_AMT), "01.html");
	if ((r = fixed_row(t04, 1, YS_FR_GRAND)) >= 0)
		figure(o, "财政拨款支出总计", cell_fen(t04, r, YS_C01_OUT_AMT), "04.html");
	if ((r = total_row(t03)) >= 0) {
		figure(o, "基本支出", cell_fen(t03, r, YS_C03_BASIC), "03.html");
		figure(o, "项目支出", cell_fen(t03, r, YS_C03_PROJECT), "03.html");
	}
	if (t09 && t09->nrows)
		figure(o, "“三公”经费", cell_fen(t09, 0, YS_C09_TOTAL), "09.html");
	ys_buf_adds(o, "</dl>\n<h2>图表</h2>\n");
	charts(o, doc);
	ys_buf_adds(o, "<h2>公开表</h2>\n<ol class=\"tables\">\n");
	for (int k = 0; k < ys_grid_ntables(doc); k++) {
		char tn[16];
		int tid;
		const ys_table *t = ys_grid_table(doc, k, &tid, tn);
		ys_buf_addf(o, "<li><a href=\"%s.html\">", tn);
		esc(o, t->title);
		ys_buf_addf(o, "</a>（%d 行）</li>\n", t->nrows);
	}
	ys_buf_adds(o, "</ol>\n<h2>检查</h2>\n<p>");
	if (S->rep)
		ys_buf_addf(o, "按 yusuan 的规则检查：%d 个错误，%d 个警告，%d 个提示（核对 %d 个等式）。",
		            S->rep->count[YS_SEV_ERROR], S->rep->count[YS_SEV_WARNING], S->rep->count[YS_SEV_NOTICE],
		            S->rep->identities);
	else
		ys_buf_adds(o, "未检查。");
	ys_buf_adds(o, " <a href=\"findings.html\">检查结果</a></p>\n");
	page_close(o);
}

/* ---- findings ---- */

static void findings_page(site *S, ys_buf *o)
{
	static const char *const sevzh[3] = { "提示", "警告", "错误" };
	char a[YS_MONEY_FMT_MAX];
	page_open(S, o, "检查结果");
	ys_buf_adds(o, "<h2>检查结果</h2>\n");
	if (!S->rep || !S->rep->nfindings) {
		ys_buf_adds(o, S->rep ? "<p>没有发现问题。</p>\n" : "<p>未检查。</p>\n");
		page_close(o);
		return;
	}
	ys_buf_addf(o, "<p>%d 个错误，%d 个警告，%d 个提示。每条结果链接到它所指的单元格。</p>\n",
	            S->rep->count[YS_SEV_ERROR], S->rep->count[YS_SEV_WARNING], S->rep->count[YS_SEV_NOTICE]);
	ys_buf_adds(o, "<table class=\"findings\">\n<thead><tr><th scope=\"col\">级别</th><th scope=\"col\">位置</th>"
	               "<th scope=\"col\">规则</th><th scope=\"col\">说明</th><th scope=\"col\">差额（填报数 − 应为数）</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < S->rep->nfindings; i++) {
		const ys_finding *f = &S->rep->findings[i];
		const ys_table *t = ys_doc_table_at(S->doc, f->table);
		char tn[16];
		if (t && f->table < YS_NTABLES)
			snprintf(tn, sizeof tn, "%s", t->def->code);
		else if (t)
			snprintf(tn, sizeof tn, "g%02d", f->table - YS_NTABLES + 1);
		ys_buf_addf(o, "<tr><td class=\"sev-%s\">%s</td><td>", ys_severity_name(f->sev), sevzh[f->sev]);
		if (t) {
			ys_buf_addf(o, "<a href=\"%s.html", tn);
			if (f->row >= 0 && f->row < t->nrows && f->col >= 0 && f->col < t->def->ncols)
				ys_buf_addf(o, "#r%d-%s", f->row, t->def->cols[f->col].id);
			else if (f->row >= 0 && f->row < t->nrows)
				ys_buf_addf(o, "#r%d", f->row);
			if (f->table < YS_NTABLES) {
				ys_buf_addf(o, "\">%s表", t->def->code);
			} else {
				ys_buf_adds(o, "\">");
				esc(o, t->title);
			}
			if (f->row_label && f->row_label[0]) {
				ys_buf_adds(o, " ");
				esc(o, f->row_label);
			}
			if (f->col_label && f->col_label[0]) {
				ys_buf_adds(o, " · ");
				esc(o, f->col_label);
			}
			ys_buf_adds(o, "</a>");
		} else if (f->file) {
			esc(o, f->file);
		}
		if (f->line)
			ys_buf_addf(o, "<br><small>第 %d 行</small>", f->line);
		ys_buf_adds(o, "</td><td><code>");
		esc(o, f->rule);
		ys_buf_adds(o, "</code></td><td>");
		esc(o, f->message);
		ys_buf_adds(o, "</td><td class=\"num\">");
		if (f->has_amounts) {
			/* signed as in the message: found − expected (rules.h) */
			if (ys_money_format(a, f->difference, f->unit, f->dp, YS_FMT_GROUP) < 0)
				ys_money_format(a, f->difference, f->unit, ys_unit_decimals(f->unit), YS_FMT_GROUP);
			if (f->difference > 0)
				ys_buf_addc(o, '+');
			esc(o, a);
			ys_buf_addf(o, " %s", ys_unit_name(f->unit));
		}
		ys_buf_adds(o, "</td></tr>\n");
	}
	ys_buf_adds(o, "</tbody>\n</table>\n");
	page_close(o);
}

static ys_result render_html_body(ys_ctx *ctx, const ys_doc *doc, const ys_report *rep, const char *dir)
{
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		return ys_error(ctx, YS_EWRITE, "%s：无法创建文件夹：%s", dir, strerror(errno));
	site S = { ctx, doc, rep, dir, ys_oom_mark(), { 0 } };
	if (doc->year)
		snprintf(S.title, sizeof S.title, "%s %d年部门预算", doc->department ? doc->department : "", doc->year);
	else
		snprintf(S.title, sizeof S.title, "%s 部门预算", doc->department ? doc->department : "");
	ys_buf o = YS_BUF_INIT;
	ys_result r = YS_OK;
	char path[4096];
	snprintf(path, sizeof path, "%s/style.css", dir);
	r = ys_file_write(ctx, path, css, sizeof css - 1);
	if (!r) {
		index_page(&S, &o);
		r = page_write(&S, "index.html", &o);
	}
	/* a page per table: 01.html …, and the general reader's g01.html …
	 * with their columns' labels as read for a header */
	for (int k = 0; !r && k < ys_grid_ntables(doc); k++) {
		char name[32], tn[16];
		int tid;
		const ys_table *t = ys_grid_table(doc, k, &tid, tn);
		ys_table tmp;
		ys_hrow h;
		char *cells[YS_GRID_MAX];
		ys_buf_reset(&o);
		table_page(&S, ys_grid_labelled(t, &tmp, &h, cells), k, tid, tn, &o);
		snprintf(name, sizeof name, "%s.html", tn);
		r = page_write(&S, name, &o);
	}
	if (!r) {
		ys_buf_reset(&o);
		findings_page(&S, &o);
		r = page_write(&S, "findings.html", &o);
	}
	ys_buf_release(&o);
	return r;
}

ys_result ys_render_html_table(ys_ctx *ctx, const ys_doc *doc, const ys_report *rep, int tid, ys_buf *out)
{
	const ys_table *t = ys_doc_table_at(doc, tid);
	if (!t)
		return ys_error(ctx, YS_ENOTFOUND, "没有第 %d 张表", tid + 1);
	unsigned long mark = ys_oom_mark();
	if (tid < YS_NTABLES) {
		table_elem(rep, t, tid, t->def->code, out);
	} else { /* the general reader's: as show -o DIR draws g01.html … */
		char name[16];
		ys_table tmp;
		ys_hrow h;
		char *cells[YS_GRID_MAX];
		snprintf(name, sizeof name, "g%02d", tid - YS_NTABLES + 1);
		table_elem(rep, ys_grid_labelled(t, &tmp, &h, cells), tid, name, out);
	}
	return ys_oom_check(ctx, out->oom ? ys_error(ctx, YS_ENOMEM, "内存不足") : YS_OK, mark);
}

const char *ys_render_html_css(void)
{
	return css;
}

ys_result ys_render_html(ys_ctx *ctx, const ys_doc *doc, const ys_report *rep, const char *dir)
{
	unsigned long mark = ys_oom_mark();
	ys_result r = ys_oom_check(ctx, render_html_body(ctx, doc, rep, dir), mark);
	return r;
}
