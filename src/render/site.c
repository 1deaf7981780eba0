/*
 * render/site.c - the static site of a whole store (site.h): an index with
 * rankings and trends, a page per department, a page per document with its
 * figures, findings and score.
 *
 * Figures are read through the dataset views (docs/dataset.md); each
 * document is loaded and checked (and scored) one at a time, its page
 * written and the document freed, so the store's size does not bound
 * memory by its documents.  Chart geometry is integer arithmetic on 分.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "yusuan/catalog.h"
#include "yusuan/diff.h"
#include "yusuan/site.h"
#include "yusuan/text.h"

typedef struct sdoc {
	int64_t id;
	char *dept, *file, *layout;
	int year, tables, dept_idx;
	int64_t basic, project;
	int has_spend;
	int64_t sg[6];
	int has_sg;
	int checked, err, warn, note, identities, permille;
	char *why; /* could not be loaded or checked */
	int scored, score;
} sdoc;

typedef struct site {
	ys_ctx *ctx;
	ys_store *st;
	const char *dir;
	const ys_site_opts *o;
	sdoc *d;
	size_t n, cap;
	int ndepts, oom;
	int pages;
} site;

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

static const char *wan2(char *buf, int64_t fen)
{
	int64_t r;
	if (ys_money_round(fen, ys_money_quantum(YS_UNIT_WANYUAN, 2), YS_ROUND_HALF_UP, &r) != 0 ||
	    ys_money_format(buf, r, YS_UNIT_WANYUAN, 2, YS_FMT_GROUP) < 0)
		snprintf(buf, YS_MONEY_FMT_MAX, "?");
	return buf;
}

static const char *tenths(char *buf, int64_t t, const char *unit)
{
	uint64_t a = t < 0 ? (uint64_t)0 - (uint64_t)t : (uint64_t)t;
	snprintf(buf, 48, "%s%llu.%llu%s", t < 0 ? "-" : "", (unsigned long long)(a / 10), (unsigned long long)(a % 10),
	         unit);
	return buf;
}

static const char *dept_name(const sdoc *d) { return d->dept[0] ? d->dept : d->file; }

static const char css[] =
	"*{box-sizing:border-box}body{margin:0;color:#1d2733;font:15px/1.6 \"Noto Sans CJK SC\",\"Source Han Sans SC\","
	"\"PingFang SC\",\"Microsoft YaHei\",sans-serif}\n"
	"header{background:#f5f7fa;border-bottom:1px solid #c9d1da;padding:1rem 2rem}header h1{margin:0;font-size:1.5rem}\n"
	"header p{margin:.2rem 0 0;color:#5b6672}nav{padding:.5rem 2rem;border-bottom:1px solid #c9d1da;font-size:.9rem}\n"
	"nav a{margin-right:1rem}main{padding:1rem 2rem 3rem;max-width:1400px}a{color:#1f5f99}\n"
	"dl.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.8rem}\n"
	"dl.figures div{border:1px solid #c9d1da;border-radius:6px;padding:.6rem .9rem}dl.figures dt{color:#5b6672;"
	"font-size:.85rem}dl.figures dd{margin:0;font-size:1.3rem;font-variant-numeric:tabular-nums}\n"
	".charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(30rem,1fr));gap:1.2rem}\n"
	"figure{margin:0;border:1px solid #c9d1da;border-radius:6px;padding:.8rem}figcaption{font-weight:bold}\n"
	"svg.chart{width:100%;height:auto;font-size:13px;font-variant-numeric:tabular-nums}\n"
	"table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0 1.5rem}caption{text-align:left;font-weight:bold;"
	"font-size:1.1rem;padding:.3rem 0}th,td{border:1px solid #c9d1da;padding:.2rem .5rem;text-align:left;"
	"vertical-align:top}thead th{background:#eef2f6}td.num{text-align:right;white-space:nowrap;"
	"font-variant-numeric:tabular-nums}\n"
	".sev-error{color:#b3261e;font-weight:bold}.sev-warning{color:#b26b00}.sev-notice{color:#43698f}\n"
	"footer{color:#5b6672;font-size:.8rem;padding:1rem 2rem;border-top:1px solid #c9d1da}\n"
	"@media print{nav,footer{display:none}main{padding:0}figure,tr{break-inside:avoid}"
	".charts{grid-template-columns:1fr 1fr}}\n";

static void page_open(ys_buf *o, const char *title, const char *sub)
{
	ys_buf_adds(o, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
	               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	esc(o, title);
	ys_buf_adds(o, "</title>\n<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n<body>\n<header><h1>");
	esc(o, title);
	ys_buf_adds(o, "</h1><p>");
	esc(o, sub);
	ys_buf_adds(o, "</p></header>\n<nav aria-label=\"页面\"><a href=\"index.html\">总览</a><a href=\"index.html#departments\">"
	               "部门</a><a href=\"index.html#documents\">文件</a></nav>\n<main>\n");
}

static void page_close(ys_buf *o)
{
	ys_buf_adds(o, "</main>\n<footer>由 yusuan 生成。金额以分为单位精确计算；图表和表中的金额四舍五入到 0.01 万元。</footer>\n"
	               "</body>\n</html>\n");
}

static ys_result page_write(site *S, const char *name, ys_buf *o)
{
	if (o->oom)
		return ys_error(S->ctx, YS_ENOMEM, "内存不足");
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", S->dir, name);
	ys_result r = ys_file_write(S->ctx, path, o->s, o->len);
	if (!r) {
		S->pages++;
		if (S->o && S->o->wrote)
			S->o->wrote(S->o->arg, path);
	}
	return r;
}

/* ---- charts ---- */

typedef struct bar {
	const char *label;
	int64_t v;
	char text[128];
	char href[48];
} bar;

static int64_t scale(int64_t v, int64_t max, int len)
{
	if (v <= 0 || max <= 0)
		return 0;
	int64_t w = max <= INT64_MAX / len ? v * len / max : v / (max / len ? max / len : 1);
	return w < 1 ? 1 : w > len ? len : w;
}

static void chart_open(ys_buf *o, const char *id, const char *caption, int w, int h)
{
	ys_buf_addf(o, "<figure id=\"%s\"><figcaption>", id);
	esc(o, caption);
	ys_buf_addf(o, "</figcaption>\n<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" aria-label=\"", w, h);
	esc(o, caption);
	ys_buf_adds(o, "\"><title>");
	esc(o, caption);
	ys_buf_adds(o, "</title>\n");
}

/* Horizontal bars, in the order given; each label may link. */
static void hbars(ys_buf *o, const char *id, const char *caption, const bar *b, int n)
{
	enum { W = 720, LABEL = 260, BAR = 300, ROW = 24 };
	int64_t max = 0;
	for (int i = 0; i < n; i++)
		if (b[i].v > max)
			max = b[i].v;
	chart_open(o, id, caption, W, n * ROW + 8);
	for (int i = 0; i < n; i++) {
		int y = 4 + i * ROW;
		int64_t len = scale(b[i].v, max, BAR);
		if (b[i].href[0])
			ys_buf_addf(o, "<a href=\"%s\">", b[i].href);
		ys_buf_addf(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", LABEL - 8, y + 16);
		esc(o, b[i].label);
		ys_buf_adds(o, "</text>");
		if (b[i].href[0])
			ys_buf_adds(o, "</a>");
		ys_buf_addf(o, "<rect x=\"%d\" y=\"%d\" width=\"%lld\" height=\"%d\" fill=\"#1f5f99\"/>", LABEL, y + 4,
		            (long long)len, ROW - 8);
		ys_buf_addf(o, "<text x=\"%lld\" y=\"%d\">", (long long)(LABEL + len + 6), y + 16);
		esc(o, b[i].text);
		ys_buf_adds(o, "</text>\n");
	}
	ys_buf_adds(o, "</svg></figure>\n");
}

/* Columns by year, each split in two (基本 below, 项目 above). */
static void vbars2(ys_buf *o, const char *id, const char *caption, const int *years, const int64_t *a,
                   const int64_t *b, int n, const char *la, const char *lb)
{
	enum { W = 640, H = 260, TOP = 30, BASE = 220, COL = 60 };
	int64_t max = 0;
	for (int i = 0; i < n; i++) {
		int64_t s = a[i] + (b ? b[i] : 0);
		if (s > max)
			max = s;
	}
	chart_open(o, id, caption, W, H);
	ys_buf_addf(o, "<rect x=\"20\" y=\"6\" width=\"12\" height=\"12\" fill=\"#1f5f99\"/><text x=\"38\" y=\"17\">");
	esc(o, la);
	ys_buf_adds(o, "</text>");
	if (b) {
		ys_buf_addf(o, "<rect x=\"160\" y=\"6\" width=\"12\" height=\"12\" fill=\"#e07b39\"/><text x=\"178\" y=\"17\">");
		esc(o, lb);
		ys_buf_adds(o, "</text>");
	}
	ys_buf_addf(o, "<line x1=\"20\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#5b6672\"/>\n", BASE, W - 10, BASE);
	for (int i = 0; i < n; i++) {
		int x = 40 + i * (COL + 30);
		int64_t ha = scale(a[i], max, BASE - TOP), hb = b ? scale(b[i], max, BASE - TOP) : 0;
		char t[YS_MONEY_FMT_MAX];
		ys_buf_addf(o, "<rect x=\"%d\" y=\"%lld\" width=\"%d\" height=\"%lld\" fill=\"#1f5f99\"/>", x,
		            (long long)(BASE - ha), COL, (long long)ha);
		if (b)
			ys_buf_addf(o, "<rect x=\"%d\" y=\"%lld\" width=\"%d\" height=\"%lld\" fill=\"#e07b39\"/>", x,
			            (long long)(BASE - ha - hb), COL, (long long)hb);
		ys_buf_addf(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text>", x + COL / 2, BASE + 16, years[i]);
		ys_buf_addf(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x + COL / 2, BASE + 32,
		            wan2(t, a[i] + (b ? b[i] : 0)));
	}
	ys_buf_adds(o, "</svg></figure>\n");
}

/* Changes either side of an axis. */
static void diverging(ys_buf *o, const char *id, const char *caption, const bar *b, int n)
{
	enum { W = 720, LABEL = 240, HALF = 180, ROW = 24 };
	int64_t max = 0;
	for (int i = 0; i < n; i++) {
		int64_t a = b[i].v < 0 ? -b[i].v : b[i].v;
		if (a > max)
			max = a;
	}
	int axis = LABEL + HALF + 10;
	chart_open(o, id, caption, W, n * ROW + 8);
	ys_buf_addf(o, "<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\" stroke=\"#5b6672\"/>\n", axis, axis, n * ROW + 8);
	for (int i = 0; i < n; i++) {
		int y = 4 + i * ROW;
		int64_t a = b[i].v < 0 ? -b[i].v : b[i].v, len = scale(a, max, HALF);
		ys_buf_addf(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", LABEL - 8, y + 16);
		esc(o, b[i].label);
		ys_buf_addf(o, "</text><rect x=\"%lld\" y=\"%d\" width=\"%lld\" height=\"%d\" fill=\"%s\"/>",
		            (long long)(b[i].v < 0 ? axis - len : axis), y + 4, (long long)len, ROW - 8,
		            b[i].v < 0 ? "#b3261e" : "#1f5f99");
		ys_buf_addf(o, "<text x=\"%lld\" y=\"%d\">", (long long)(b[i].v < 0 ? axis + 6 : axis + len + 6), y + 16);
		esc(o, b[i].text);
		ys_buf_adds(o, "</text>\n");
	}
	ys_buf_adds(o, "</svg></figure>\n");
}

/* ---- reading the store ---- */

static int64_t int_of(const ys_value *v)
{
	if (v->type == YS_V_INT)
		return v->i;
	if (v->type == YS_V_TEXT && v->s)
		return strtoll(v->s, NULL, 10);
	return 0;
}

static char *dup_text(const ys_value *v)
{
	char num[32];
	const char *s = v->type == YS_V_TEXT ? v->s : "";
	if (v->type == YS_V_INT) {
		snprintf(num, sizeof num, "%lld", (long long)v->i);
		s = num;
	}
	return strdup(s ? s : "");
}

static int take_doc(const ys_value *v, int n, void *arg)
{
	site *S = arg;
	(void)n;
	if (ys_grow((void **)&S->d, &S->cap, S->n + 1, sizeof *S->d)) {
		S->oom = 1;
		return 1;
	}
	sdoc *d = &S->d[S->n];
	memset(d, 0, sizeof *d);
	d->id = int_of(&v[0]);
	d->dept = dup_text(&v[1]);
	d->year = (int)int_of(&v[2]);
	d->file = dup_text(&v[3]);
	d->layout = dup_text(&v[4]);
	d->tables = (int)int_of(&v[5]);
	S->n++;
	if (!d->dept || !d->file || !d->layout)
		S->oom = 1;
	return S->oom;
}

static sdoc *doc_by_id(site *S, int64_t id)
{
	for (size_t i = 0; i < S->n; i++)
		if (S->d[i].id == id)
			return &S->d[i];
	return NULL;
}

static int take_spend(const ys_value *v, int n, void *arg)
{
	(void)n;
	sdoc *d = doc_by_id(arg, int_of(&v[0]));
	if (d) {
		d->has_spend = 1;
		if (v[1].type == YS_V_TEXT && !strcmp(v[1].s, "project"))
			d->project = int_of(&v[2]);
		else
			d->basic = int_of(&v[2]);
	}
	return 0;
}

static int take_sg(const ys_value *v, int n, void *arg)
{
	(void)n;
	sdoc *d = doc_by_id(arg, int_of(&v[0]));
	if (d) {
		d->has_sg = 1;
		for (int k = 0; k < 6; k++)
			d->sg[k] = int_of(&v[1 + k]);
	}
	return 0;
}

static int cmp_doc(const void *a, const void *b)
{
	const sdoc *x = a, *y = b;
	int c = strcmp(dept_name(x), dept_name(y));
	if (c)
		return c;
	if (x->year != y->year)
		return x->year - y->year;
	return (x->id > y->id) - (x->id < y->id);
}

/* ---- a document's page ---- */

typedef struct classes {
	bar b[40];
	char names[40][160];
	int n;
} classes;

static int take_class(const ys_value *v, int n, void *arg)
{
	(void)n;
	classes *C = arg;
	if (C->n >= 40)
		return 1;
	bar *b = &C->b[C->n];
	memset(b, 0, sizeof *b);
	snprintf(C->names[C->n], sizeof C->names[0], "%s %s", v[0].type == YS_V_TEXT ? v[0].s : "",
	         v[1].type == YS_V_TEXT ? v[1].s : "");
	b->label = C->names[C->n++];
	b->v = int_of(&v[2]);
	wan2(b->text, b->v);
	strcat(b->text, " 万元");
	return 0;
}

static void findings_table(ys_buf *o, const ys_doc *doc, const ys_report *rep)
{
	static const char *const zh[3] = { "提示", "警告", "错误" };
	ys_buf_addf(o, "<table id=\"findings\"><caption>检查结果：%d 个错误，%d 个警告，%d 个提示（核对 %d 个等式）</caption>\n",
	            rep->count[YS_SEV_ERROR], rep->count[YS_SEV_WARNING], rep->count[YS_SEV_NOTICE], rep->identities);
	if (!rep->nfindings) {
		ys_buf_adds(o, "</table>\n");
		return;
	}
	ys_buf_adds(o, "<thead><tr><th scope=\"col\">级别</th><th scope=\"col\">位置</th><th scope=\"col\">规则</th>"
	               "<th scope=\"col\">说明</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < rep->nfindings; i++) {
		const ys_finding *f = &rep->findings[i];
		const ys_table *t = ys_doc_table_at(doc, f->table);
		ys_buf_addf(o, "<tr><td class=\"sev-%s\">%s</td><td>", ys_severity_name(f->sev), zh[f->sev]);
		if (f->page)
			ys_buf_addf(o, "第 %d 页 ", f->page);
		if (t)
			esc(o, t->kind ? t->title : t->def->code);
		if (t && !t->kind)
			ys_buf_adds(o, "表");
		if (f->row_label && f->row_label[0]) {
			ys_buf_adds(o, " ");
			esc(o, f->row_label);
		}
		if (f->col_label && f->col_label[0]) {
			ys_buf_adds(o, " · ");
			esc(o, f->col_label);
		}
		ys_buf_adds(o, "</td><td><code>");
		esc(o, f->rule);
		ys_buf_adds(o, "</code></td><td>");
		esc(o, f->message);
		ys_buf_adds(o, "</td></tr>\n");
	}
	ys_buf_adds(o, "</tbody></table>\n");
}

static void score_table(ys_buf *o, const ys_score *s)
{
	char a[48];
	ys_buf_addf(o, "<table id=\"score\"><caption>透明度得分：%s / %d（docs/score.md）</caption>\n", tenths(a, s->tenths, ""),
	            s->max);
	ys_buf_adds(o, "<thead><tr><th scope=\"col\">评分项</th><th scope=\"col\">分值</th><th scope=\"col\">得分</th>"
	               "<th scope=\"col\">依据</th></tr></thead>\n<tbody>\n");
	for (int k = 0; k < s->n; k++) {
		const ys_score_line *l = &s->lines[k];
		ys_buf_adds(o, "<tr><td>");
		esc(o, l->item->title);
		ys_buf_addf(o, "</td><td class=\"num\">%d</td><td class=\"num\">%s</td><td>", l->item->points,
		            tenths(a, l->tenths, ""));
		if (l->page)
			ys_buf_addf(o, "第 %d 页 ", l->page);
		esc(o, l->evidence);
		ys_buf_adds(o, "</td></tr>\n");
	}
	ys_buf_adds(o, "</tbody></table>\n");
}

static void figure(ys_buf *o, const char *label, const char *value)
{
	ys_buf_adds(o, "<div><dt>");
	esc(o, label);
	ys_buf_adds(o, "</dt><dd>");
	esc(o, value);
	ys_buf_adds(o, "</dd></div>\n");
}

static ys_result doc_page(site *S, sdoc *d)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = NULL;
	ys_catalog *cat = NULL;
	ys_report *rep = NULL;
	ys_score *sc = NULL;
	char root[4096];
	const char *catdir = S->o && S->o->catdir ? S->o->catdir : ys_catalog_default_root(root, sizeof root);
	if (!ys_store_load_doc(&ctx, S->st, d->id, &doc)) {
		if (ys_catalog_open(&ctx, catdir, doc->year ? doc->year : 9999, &cat))
			cat = NULL;
		ys_check_opts opts = { cat, NULL, NULL };
		if (!ys_check(&ctx, doc, &opts, &rep)) {
			d->checked = 1;
			d->err = rep->count[YS_SEV_ERROR];
			d->warn = rep->count[YS_SEV_WARNING];
			d->note = rep->count[YS_SEV_NOTICE];
			d->identities = rep->identities;
			d->permille = rep->cov.permille;
			if (S->o && S->o->items && !ys_score_doc(&ctx, doc, rep, S->o->items, &sc)) {
				d->scored = 1;
				d->score = sc->tenths;
			}
		}
	}
	if (ctx.code && !(d->why = strdup(ctx.msg[0] ? ctx.msg : ys_strerror(ctx.code))))
		S->oom = 1;
	ys_buf o = YS_BUF_INIT, t = YS_BUF_INIT;
	char a[64], name[48];
	ys_buf_addf(&t, "%s", dept_name(d));
	if (d->year)
		ys_buf_addf(&t, " %d年", d->year);
	ys_buf sub = YS_BUF_INIT;
	ys_buf_addf(&sub, "公开文件 %lld：%s · %d 张表 · %s", (long long)d->id, d->file, d->tables,
	            !strcmp(d->layout, "tables13") ? "13 张表的编号版式" : "其他版式");
	page_open(&o, t.s, sub.s);
	ys_buf_release(&sub);
	ys_buf_addf(&o, "<p><a href=\"dept-%d.html\">", d->dept_idx);
	esc(&o, dept_name(d));
	ys_buf_adds(&o, "的全部公开</a></p>\n<h2>主要数字</h2>\n<dl class=\"figures\">\n");
	if (d->has_spend) {
		figure(&o, "基本支出（万元）", wan2(a, d->basic));
		figure(&o, "项目支出（万元）", wan2(a, d->project));
		figure(&o, "合计（万元）", wan2(a, d->basic + d->project));
	}
	if (d->has_sg)
		figure(&o, "“三公”经费（万元）", wan2(a, d->sg[0]));
	if (d->checked) {
		char pc[16];
		snprintf(a, sizeof a, "%s %%", ys_coverage_percent(d->permille, pc));
		figure(&o, "金额读取覆盖率", a);
	}
	if (d->scored)
		figure(&o, "透明度得分", tenths(a, d->score, " / 100"));
	ys_buf_adds(&o, "</dl>\n");
	classes C = { .n = 0 };
	ys_value p = { YS_V_INT, d->id, NULL };
	ys_result r = ys_store_select(S->ctx, S->st,
	                              "SELECT s.func_class, (SELECT max(f.label) FROM ys_dfixed f WHERE f.tid = 0"
	                              " AND f.func_code = s.func_class), sum(s.fen) FROM ys_spending s"
	                              " WHERE s.fund = 'all' AND s.disclosure_id = ? GROUP BY s.func_class"
	                              " ORDER BY sum(s.fen) DESC, s.func_class",
	                              &p, 1, take_class, &C);
	if (!r && C.n) {
		ys_buf_adds(&o, "<section class=\"charts\" aria-label=\"图表\">\n");
		hbars(&o, "chart-classes", "支出功能分类（按类，全部资金）", C.b, C.n);
		ys_buf_adds(&o, "</section>\n");
	}
	if (d->why) {
		ys_buf_adds(&o, "<p>无法检查：");
		esc(&o, d->why);
		ys_buf_adds(&o, "</p>\n");
	}
	if (rep)
		findings_table(&o, doc, rep);
	if (sc)
		score_table(&o, sc);
	page_close(&o);
	snprintf(name, sizeof name, "doc-%lld.html", (long long)d->id);
	if (!r)
		r = page_write(S, name, &o);
	ys_buf_release(&o);
	ys_buf_release(&t);
	ys_score_free(sc);
	ys_report_free(rep);
	ys_catalog_free(cat);
	ys_doc_free(doc);
	return r;
}

/* ---- a department's page ---- */

static void docs_table(ys_buf *o, const sdoc *v, size_t n, int with_dept, const char *id)
{
	char a[64], pc[16];
	ys_buf_addf(o, "<table id=\"%s\"><caption>公开文件</caption>\n<thead><tr><th scope=\"col\">编号</th>", id);
	if (with_dept)
		ys_buf_adds(o, "<th scope=\"col\">部门</th>");
	ys_buf_adds(o, "<th scope=\"col\">年度</th><th scope=\"col\">版式</th><th scope=\"col\">表</th>"
	               "<th scope=\"col\">支出合计（万元）</th><th scope=\"col\">覆盖率</th><th scope=\"col\">错误</th>"
	               "<th scope=\"col\">警告</th><th scope=\"col\">透明度得分</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const sdoc *d = &v[i];
		ys_buf_addf(o, "<tr><td><a href=\"doc-%lld.html\">%lld</a></td>", (long long)d->id, (long long)d->id);
		if (with_dept) {
			ys_buf_addf(o, "<td><a href=\"dept-%d.html\">", d->dept_idx);
			esc(o, dept_name(d));
			ys_buf_adds(o, "</a></td>");
		}
		ys_buf_addf(o, "<td>%d</td><td>%s</td><td class=\"num\">%d</td><td class=\"num\">%s</td>", d->year,
		            !strcmp(d->layout, "tables13") ? "13 张表" : "其他", d->tables,
		            d->has_spend ? wan2(a, d->basic + d->project) : "");
		ys_buf_addf(o, "<td class=\"num\">%s</td><td class=\"num\">%d</td><td class=\"num\">%d</td>",
		            d->checked ? ys_coverage_percent(d->permille, pc) : "—", d->err, d->warn);
		ys_buf_addf(o, "<td class=\"num\">%s</td></tr>\n", d->scored ? tenths(a, d->score, "") : "—");
	}
	ys_buf_adds(o, "</tbody></table>\n");
}

static ys_result dept_page(site *S, size_t first, size_t last)
{
	const sdoc *d0 = &S->d[first];
	ys_buf o = YS_BUF_INIT;
	char sub[128], name[48];
	snprintf(sub, sizeof sub, "%zu 份公开，%d—%d年", last - first, d0->year, S->d[last - 1].year);
	page_open(&o, dept_name(d0), sub);
	/* spending and 三公 by year (documents of a year added up) */
	int years[32], ny = 0;
	int64_t basic[32], project[32], sg[32];
	int any_spend = 0, any_sg = 0;
	for (size_t i = first; i < last; i++) {
		const sdoc *d = &S->d[i];
		if (!ny || years[ny - 1] != d->year) {
			if (ny == 32)
				break;
			years[ny] = d->year;
			basic[ny] = project[ny] = sg[ny] = 0;
			ny++;
		}
		basic[ny - 1] += d->basic;
		project[ny - 1] += d->project;
		sg[ny - 1] += d->has_sg ? d->sg[0] : 0;
		any_spend |= d->has_spend;
		any_sg |= d->has_sg;
	}
	ys_buf_adds(&o, "<section class=\"charts\" aria-label=\"图表\">\n");
	if (any_spend)
		vbars2(&o, "chart-years", "各年度支出：基本支出与项目支出（全部资金）", years, basic, project, ny, "基本支出", "项目支出");
	if (any_sg)
		vbars2(&o, "chart-sangong", "各年度财政拨款“三公”经费", years, sg, NULL, ny, "“三公”经费", NULL);
	ys_buf_adds(&o, "</section>\n");
	docs_table(&o, &S->d[first], last - first, 0, "documents");
	page_close(&o);
	snprintf(name, sizeof name, "dept-%d.html", d0->dept_idx);
	ys_result r = page_write(S, name, &o);
	ys_buf_release(&o);
	return r;
}

/* ---- the index ---- */

typedef struct change {
	char code[8];
	char name[96];
	int64_t v[2];
} change;

typedef struct changes {
	change c[40];
	int n;
	int year;
} changes;

static int take_change(const ys_value *v, int n, void *arg)
{
	(void)n;
	changes *C = arg;
	if (C->n >= 40)
		return 1;
	change *c = &C->c[C->n++];
	snprintf(c->code, sizeof c->code, "%s", v[0].type == YS_V_TEXT ? v[0].s : "");
	snprintf(c->name, sizeof c->name, "%s", v[1].type == YS_V_TEXT ? v[1].s : "");
	c->v[0] = int_of(&v[2]);
	c->v[1] = int_of(&v[3]);
	return 0;
}

static int cmp_bar(const void *a, const void *b)
{
	const bar *x = a, *y = b;
	return x->v < y->v ? 1 : x->v > y->v ? -1 : strcmp(x->label, y->label);
}

static ys_result index_page(site *S)
{
	ys_buf o = YS_BUF_INIT;
	char sub[160], a[64];
	int years = 0, lastyear = 0;
	for (size_t i = 0; i < S->n; i++) {
		int seen = 0;
		for (size_t k = 0; k < i && !seen; k++)
			seen = S->d[k].year == S->d[i].year;
		years += !seen;
		if (S->d[i].year > lastyear)
			lastyear = S->d[i].year;
	}
	snprintf(sub, sizeof sub, "%zu 份公开 · %d 个部门 · %d 个年度 · 金额单位：万元", S->n, S->ndepts, years);
	page_open(&o, "部门预算公开", sub);
	ys_buf_adds(&o, "<h2>排名与趋势</h2>\n<section class=\"charts\" aria-label=\"图表\">\n");
	bar *b = calloc(S->n + 41, sizeof *b); /* a bar per document, or per 类 (at most 40) */
	int nb = 0;
	if (!b) {
		ys_buf_release(&o);
		return ys_error(S->ctx, YS_ENOMEM, "内存不足");
	}
	char cap[160];
	/* 三公 of the latest year, by document */
	for (size_t i = 0; i < S->n; i++)
		if (S->d[i].year == lastyear && S->d[i].has_sg) {
			b[nb].label = dept_name(&S->d[i]);
			b[nb].v = S->d[i].sg[0];
			snprintf(b[nb].text, sizeof b[nb].text, "%s 万元", wan2(a, b[nb].v));
			snprintf(b[nb].href, sizeof b[nb].href, "doc-%lld.html", (long long)S->d[i].id);
			nb++;
		}
	qsort(b, (size_t)nb, sizeof *b, cmp_bar);
	snprintf(cap, sizeof cap, "%d年财政拨款“三公”经费，按部门", lastyear);
	if (nb)
		hbars(&o, "chart-sangong", cap, b, nb > 30 ? 30 : nb);
	/* share of 项目支出, latest year */
	nb = 0;
	for (size_t i = 0; i < S->n; i++) {
		int64_t pct;
		if (S->d[i].year != lastyear || !S->d[i].has_spend ||
		    ys_diff_pct(S->d[i].basic + S->d[i].project, S->d[i].project, &pct))
			continue;
		b[nb].label = dept_name(&S->d[i]);
		b[nb].v = pct;
		tenths(b[nb].text, pct, "%");
		snprintf(b[nb].href, sizeof b[nb].href, "doc-%lld.html", (long long)S->d[i].id);
		nb++;
	}
	qsort(b, (size_t)nb, sizeof *b, cmp_bar);
	snprintf(cap, sizeof cap, "%d年项目支出占基本支出与项目支出之和的比例", lastyear);
	if (nb)
		hbars(&o, "chart-project", cap, b, nb > 30 ? 30 : nb);
	/* transparency scores */
	nb = 0;
	for (size_t i = 0; i < S->n; i++) {
		if (!S->d[i].scored)
			continue;
		b[nb].label = dept_name(&S->d[i]);
		b[nb].v = S->d[i].score;
		snprintf(b[nb].text, sizeof b[nb].text, "%s（%d）", tenths(a, S->d[i].score, ""), S->d[i].year);
		snprintf(b[nb].href, sizeof b[nb].href, "doc-%lld.html", (long long)S->d[i].id);
		nb++;
	}
	qsort(b, (size_t)nb, sizeof *b, cmp_bar);
	if (nb)
		hbars(&o, "chart-score", "透明度得分（满分 100）", b, nb > 30 ? 30 : nb);
	/* spending by year, every document */
	int yv[32], ny = 0;
	int64_t ba[32], pr[32];
	for (size_t i = 0; i < S->n; i++) {
		if (!S->d[i].has_spend)
			continue;
		int k = 0;
		while (k < ny && yv[k] != S->d[i].year)
			k++;
		if (k == ny) {
			if (ny == 32)
				continue;
			yv[ny] = S->d[i].year;
			ba[ny] = pr[ny] = 0;
			ny++;
		}
		ba[k] += S->d[i].basic;
		pr[k] += S->d[i].project;
	}
	for (int i = 1; i < ny; i++) /* by year */
		for (int k = i; k > 0 && yv[k - 1] > yv[k]; k--) {
			int ty = yv[k];
			yv[k] = yv[k - 1];
			yv[k - 1] = ty;
			int64_t t = ba[k];
			ba[k] = ba[k - 1];
			ba[k - 1] = t;
			t = pr[k];
			pr[k] = pr[k - 1];
			pr[k - 1] = t;
		}
	if (ny)
		vbars2(&o, "chart-years", "各年度支出合计（全部部门，全部资金）", yv, ba, pr, ny, "基本支出", "项目支出");
	/* change by 类 from the year before, departments with both years */
	changes C = { .n = 0, .year = lastyear };
	ys_value p[4] = { { YS_V_INT, lastyear - 1, NULL }, { YS_V_INT, lastyear, NULL }, { YS_V_INT, lastyear - 1, NULL },
		          { YS_V_INT, lastyear, NULL } };
	ys_result r = ys_store_select(
		S->ctx, S->st,
		"SELECT s.func_class, (SELECT max(f.label) FROM ys_dfixed f WHERE f.tid = 0 AND f.func_code = s.func_class),"
		" sum(CASE WHEN s.year = ? THEN s.fen ELSE 0 END), sum(CASE WHEN s.year = ? THEN s.fen ELSE 0 END)"
		" FROM ys_spending s WHERE s.fund = 'all'"
		" AND s.department IN (SELECT department FROM ys_document WHERE year = ? AND department <> '')"
		" AND s.department IN (SELECT department FROM ys_document WHERE year = ?)"
		" GROUP BY s.func_class ORDER BY s.func_class",
		p, 4, take_change, &C);
	nb = 0;
	char labels[40][112];
	for (int i = 0; !r && i < C.n; i++) {
		int64_t ch = C.c[i].v[1] - C.c[i].v[0];
		if (!ch)
			continue;
		snprintf(labels[nb], sizeof labels[0], "%s %s", C.c[i].code, C.c[i].name);
		b[nb].label = labels[nb];
		b[nb].v = ch;
		snprintf(b[nb].text, sizeof b[nb].text, "%s%s 万元", ch > 0 ? "+" : "", wan2(a, ch));
		b[nb].href[0] = '\0';
		nb++;
	}
	snprintf(cap, sizeof cap, "支出功能分类各类的增减：%d年比%d年（两年都有公开的部门）", lastyear, lastyear - 1);
	if (nb)
		diverging(&o, "chart-change", cap, b, nb);
	ys_buf_adds(&o, "</section>\n");
	free(b);
	/* departments, documents */
	ys_buf_adds(&o, "<h2 id=\"departments\">部门</h2>\n<table><caption>部门</caption>\n<thead><tr><th scope=\"col\">部门</th>"
	               "<th scope=\"col\">年度</th><th scope=\"col\">公开文件</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < S->n;) {
		size_t j = i;
		while (j < S->n && S->d[j].dept_idx == S->d[i].dept_idx)
			j++;
		ys_buf_addf(&o, "<tr><td><a href=\"dept-%d.html\">", S->d[i].dept_idx);
		esc(&o, dept_name(&S->d[i]));
		ys_buf_adds(&o, "</a></td><td>");
		for (size_t k = i; k < j; k++)
			if (k == i || S->d[k].year != S->d[k - 1].year)
				ys_buf_addf(&o, "%s%d", k == i ? "" : "、", S->d[k].year);
		ys_buf_addf(&o, "</td><td class=\"num\">%zu</td></tr>\n", j - i);
		i = j;
	}
	ys_buf_adds(&o, "</tbody></table>\n<h2>公开文件</h2>\n");
	docs_table(&o, S->d, S->n, 1, "documents");
	page_close(&o);
	if (!r)
		r = page_write(S, "index.html", &o);
	ys_buf_release(&o);
	return r;
}

ys_result ys_site_render(ys_ctx *ctx, ys_store *st, const char *dir, const ys_site_opts *o, ys_site_stats *stats)
{
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		return ys_error(ctx, YS_EWRITE, "%s：无法创建文件夹：%s", dir, strerror(errno));
	site S;
	memset(&S, 0, sizeof S);
	S.ctx = ctx;
	S.st = st;
	S.dir = dir;
	S.o = o;
	ys_result r = ys_store_select(ctx, st,
	                              "SELECT disclosure_id, department, year, file, layout, tables FROM ys_document"
	                              " ORDER BY disclosure_id",
	                              NULL, 0, take_doc, &S);
	if (!r)
		r = ys_store_select(ctx, st,
		                    "SELECT disclosure_id, kind, sum(fen) FROM ys_spending WHERE fund = 'all'"
		                    " GROUP BY disclosure_id, kind",
		                    NULL, 0, take_spend, &S);
	if (!r)
		r = ys_store_select(ctx, st,
		                    "SELECT disclosure_id, total, abroad, reception, car, car_buy, car_run FROM ys_sangong", NULL,
		                    0, take_sg, &S);
	if (!r && S.oom)
		r = ys_error(ctx, YS_ENOMEM, "内存不足");
	if (!r && !S.n)
		r = ys_error(ctx, YS_ENOTFOUND, "数据库中没有公开文件（yusuan import FILE --db …）");
	if (!r) {
		qsort(S.d, S.n, sizeof *S.d, cmp_doc);
		for (size_t i = 0; i < S.n; i++) {
			if (i && strcmp(dept_name(&S.d[i]), dept_name(&S.d[i - 1])))
				S.ndepts++;
			S.d[i].dept_idx = S.ndepts + 1;
		}
		S.ndepts = S.n ? S.ndepts + 1 : 0;
		char path[4096];
		snprintf(path, sizeof path, "%s/style.css", dir);
		r = ys_file_write(ctx, path, css, sizeof css - 1);
		if (!r && o && o->wrote)
			o->wrote(o->arg, path);
	}
	for (size_t i = 0; !r && i < S.n; i++)
		r = doc_page(&S, &S.d[i]);
	for (size_t i = 0; !r && i < S.n;) {
		size_t j = i;
		while (j < S.n && S.d[j].dept_idx == S.d[i].dept_idx)
			j++;
		r = dept_page(&S, i, j);
		i = j;
	}
	if (!r)
		r = index_page(&S);
	if (!r && S.oom)
		r = ys_error(ctx, YS_ENOMEM, "内存不足");
	if (!r && stats) {
		stats->documents = (int)S.n;
		stats->departments = S.ndepts;
		stats->pages = S.pages;
		stats->years = 0;
		for (size_t i = 0; i < S.n; i++) {
			int seen = 0;
			for (size_t k = 0; k < i && !seen; k++)
				seen = S.d[k].year == S.d[i].year;
			stats->years += !seen;
		}
	}
	for (size_t i = 0; i < S.n; i++) {
		free(S.d[i].dept);
		free(S.d[i].file);
		free(S.d[i].layout);
		free(S.d[i].why);
	}
	free(S.d);
	return r;
}
