/*
 * score.c - the transparency score (score.h).
 *
 * Each item the items file may name has a function here that looks at the
 * document (its tables of either layout, and the text outside the tables)
 * and at its check (coverage, identities, errors), and says how much of
 * the item it found (per mille) and where.  Points are integers; what a
 * document earns is kept in tenths of a point.
 */
#include "yusuan/score.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yusuan/catalog.h"
#include "yusuan/text.h"

/* ---- the items file ---- */

void ys_score_items_free(ys_score_items *it)
{
	if (!it)
		return;
	free(it->v);
	ys_arena_release(&it->arena);
	free(it);
}

/* The next white-space separated word of *p, or NULL. */
static char *word(char **p)
{
	char *s = *p;
	while (*s == ' ' || *s == '\t')
		s++;
	if (!*s)
		return NULL;
	char *w = s;
	while (*s && *s != ' ' && *s != '\t')
		s++;
	if (*s)
		*s++ = '\0';
	*p = s;
	return w;
}

ys_result ys_score_items_load(ys_ctx *ctx, const char *path, ys_score_items **out)
{
	*out = NULL;
	char def[4096 + 32], dir[4096];
	if (!path) {
		if (!ys_data_dir(dir, sizeof dir))
			return ys_error(ctx, YS_ELIMIT, "数据文件夹的路径太长");
		snprintf(def, sizeof def, "%s/score/items.txt", dir);
		path = def;
	}
	char *text;
	size_t len;
	ys_result r = ys_file_read(ctx, path, &text, &len);
	if (r)
		return r;
	ys_score_items *it = calloc(1, sizeof *it);
	if (!it) {
		free(text);
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	}
	ys_arena_init(&it->arena);
	it->file = ys_arena_strdup(&it->arena, path);
	size_t cap = 0;
	int lineno = 0;
	for (char *line = text; line && *line && !r;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		lineno++;
		char *hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		char *p = line, *id = word(&p);
		if (id) {
			char *pts = word(&p), *grp = word(&p);
			while (*p == ' ' || *p == '\t')
				p++;
			size_t tl = strlen(p);
			while (tl && (p[tl - 1] == ' ' || p[tl - 1] == '\t' || p[tl - 1] == '\r'))
				p[--tl] = '\0';
			char *end = NULL;
			long n = pts ? strtol(pts, &end, 10) : -1;
			if (!pts || !grp || !*p)
				r = ys_error(ctx, YS_EPARSE, "%s:%d: 应为“编号 分值 组 名称”", path, lineno);
			else if (!end || *end || n < 0 || n > 1000)
				r = ys_error(ctx, YS_EPARSE, "%s:%d: 分值“%s”应为 0 到 1000 的整数", path, lineno, pts);
			else if (!ys_score_known(id))
				r = ys_error(ctx, YS_EPARSE, "%s:%d: 不认识的评分项“%s”（docs/score.md 列出各项）", path, lineno, id);
			for (int k = 0; !r && k < it->n; k++)
				if (!strcmp(it->v[k].id, id))
					r = ys_error(ctx, YS_EPARSE, "%s:%d: 评分项“%s”已在第 %d 行", path, lineno, id, it->v[k].line);
			if (!r && ys_grow((void **)&it->v, &cap, (size_t)it->n + 1, sizeof *it->v))
				r = ys_error(ctx, YS_ENOMEM, "内存不足");
			if (!r) {
				ys_score_item *x = &it->v[it->n++];
				x->id = ys_arena_strdup(&it->arena, id);
				x->points = (int)n;
				x->group = ys_arena_strdup(&it->arena, grp);
				x->title = ys_arena_strdup(&it->arena, p);
				x->line = lineno;
				it->total += (int)n;
				if (!x->id || !x->group || !x->title)
					r = ys_error(ctx, YS_ENOMEM, "内存不足");
			}
		}
		line = nl ? nl + 1 : NULL;
	}
	free(text);
	if (!r && !it->n)
		r = ys_error(ctx, YS_EPARSE, "%s: 没有评分项", path);
	if (r) {
		ys_score_items_free(it);
		return r;
	}
	*out = it;
	return YS_OK;
}

/* ---- looking ---- */

typedef struct look {
	const ys_doc *doc;
	const ys_report *rep;
	ys_arena *arena;
	/* the item's result */
	int permille, page;
	const char *table;
	ys_buf ev;
} look;

/* The kinds the general reader gives the 13 tables (data/layouts/general.txt). */
static const char *const kinds[YS_NTABLES] = { "summary",   "income",     "expend",      "fiscal_summary", "gp_expend",
	                                       "gp_basic",  "gf_expend",  "soc_expend",  "sangong",        "procurement",
	                                       "services",  "project_perf", "unit_perf" };

static const ys_tablecov *cov_of(const ys_report *rep, int idx)
{
	for (int i = 0; rep && i < rep->cov.ntables; i++)
		if (rep->cov.tables[i].table == idx)
			return &rep->cov.tables[i];
	return NULL;
}

/* Up to n code points of s, with "…" when cut. */
static void quote(ys_buf *b, const char *s, int n)
{
	const char *p = s;
	int k = 0;
	while (*p && k < n) {
		p++;
		while ((*p & 0xC0) == 0x80)
			p++;
		k++;
	}
	ys_buf_adds(b, "“");
	ys_buf_add(b, s, (size_t)(p - s));
	ys_buf_adds(b, *p ? "…”" : "”");
}

/* A table of the 13, or another layout's of that kind (or an alias kind). */
static void table_item(look *L, int tid)
{
	const ys_doc *doc = L->doc;
	int idx[64], n = 0;
	if (doc->tables[tid])
		idx[n++] = tid;
	for (int i = 0; i < doc->nothers && n < 64; i++) {
		const char *k = doc->others[i]->kind ? doc->others[i]->kind : "";
		if (!strcmp(k, kinds[tid]) || (tid == YS_T05 && !strcmp(k, "fiscal_expend")) ||
		    (tid == YS_T06 && !strcmp(k, "fiscal_basic")))
			idx[n++] = YS_NTABLES + i;
	}
	if (!n) {
		L->permille = 0;
		ys_buf_addf(&L->ev, "没有找到这张表（%s表 %s）", ys_table_def((ys_tid)tid)->code, ys_table_def((ys_tid)tid)->title);
		return;
	}
	int rows = 0, note = 0;
	int64_t amounts = 0, unread = 0;
	for (int k = 0; k < n; k++) {
		const ys_table *t = ys_doc_table_at(doc, idx[k]);
		const ys_tablecov *c = cov_of(L->rep, idx[k]);
		rows += t->nrows;
		note |= t->note != NULL;
		if (c) {
			amounts += c->amounts;
			unread += c->unreadable;
		}
	}
	const ys_table *t0 = ys_doc_table_at(doc, idx[0]);
	L->page = t0->page;
	L->table = idx[0] < YS_NTABLES ? ys_table_def((ys_tid)tid)->code : t0->title;
	ys_buf_addf(&L->ev, "%s", t0->title);
	if (n > 1)
		ys_buf_addf(&L->ev, " 等 %d 张", n);
	if (!rows && !note) {
		L->permille = 500;
		ys_buf_adds(&L->ev, "：有表题，没有读出行");
		return;
	}
	if (!rows) {
		L->permille = 1000;
		ys_buf_addf(&L->ev, "：注明为空表（%s）", t0->note ? t0->note : "");
		return;
	}
	L->permille = unread ? ys_coverage_permille(amounts, unread) : 1000;
	if (L->permille < 0)
		L->permille = 1000;
	ys_buf_addf(&L->ev, "：%d 行，读出金额格 %lld 个", rows, (long long)amounts);
	if (unread)
		ys_buf_addf(&L->ev, "，%lld 个读不出", (long long)unread);
}

/* The first line of the text outside tables (from line from on) holding
 * every one of the words (NULL ends them); -1 none. */
static int prose_find(const ys_doc *doc, int from, const char *const *words)
{
	for (int i = from; i < doc->nprose; i++) {
		const char *s = doc->prose[i].text;
		int all = 1;
		for (int k = 0; words[k] && all; k++)
			all = strstr(s, words[k]) != NULL;
		if (all)
			return i;
	}
	return -1;
}

static int has_digit(const char *s)
{
	for (; *s; s++)
		if (*s >= '0' && *s <= '9')
			return 1;
	return 0;
}

static void prose_evidence(look *L, int i)
{
	L->page = L->doc->prose[i].page;
	L->table = "";
	ys_buf_adds(&L->ev, "文字说明：");
	quote(&L->ev, L->doc->prose[i].text, 60);
}

/* Does any label of the table (header cells, non-amount cells, column
 * labels) hold s? */
static int table_says(const ys_table *t, const char *s)
{
	for (int c = 0; c < t->def->ncols; c++)
		if (t->def->cols[c].label && strstr(t->def->cols[c].label, s))
			return 1;
	for (int h = 0; h < t->nheaders; h++)
		for (int k = 0; k < t->headers[h].ncells; k++)
			if (strstr(t->headers[h].cells[k], s))
				return 1;
	for (int r = 0; r < t->nrows; r++)
		for (int c = 0; c < t->def->ncols; c++)
			if (t->def->cols[c].kind != YS_CK_AMOUNT && strstr(t->rows[r].cells[c].text, s))
				return 1;
	return 0;
}

/* A 三公 table: the 13's 09, or another layout's. */
static const ys_table *sangong_table(const ys_doc *doc)
{
	if (doc->tables[YS_T09])
		return doc->tables[YS_T09];
	for (int i = 0; i < doc->nothers; i++)
		if (doc->others[i]->kind && !strcmp(doc->others[i]->kind, "sangong"))
			return doc->others[i];
	return NULL;
}

/* Words each found in a 三公 table or in one line of the text. */
static void words_item(look *L, const char *const *parts, int nparts, const char *what)
{
	const ys_table *t = sangong_table(L->doc);
	int found = 0;
	if (t) {
		for (int k = 0; k < nparts; k++)
			found += table_says(t, parts[k]);
		if (found) {
			L->page = t->page;
			L->table = t == L->doc->tables[YS_T09] ? "09" : t->title;
			L->permille = found * 1000 / nparts;
			ys_buf_addf(&L->ev, "%s 列出%s %d 项中的 %d 项", t->title, what, nparts, found);
			return;
		}
	}
	/* in the text: a line naming them all (or most) */
	int best = -1, bestn = 0;
	for (int i = 0; i < L->doc->nprose; i++) {
		int n = 0;
		for (int k = 0; k < nparts; k++)
			n += strstr(L->doc->prose[i].text, parts[k]) != NULL;
		if (n > bestn && has_digit(L->doc->prose[i].text)) {
			bestn = n;
			best = i;
		}
	}
	if (best >= 0) {
		L->permille = bestn * 1000 / nparts;
		prose_evidence(L, best);
		ys_buf_addf(&L->ev, "（%s %d 项中的 %d 项）", what, nparts, bestn);
		return;
	}
	ys_buf_addf(&L->ev, "表中和文字中都没有找到%s", what);
}

static void item_sangong_parts(look *L)
{
	static const char *const parts[] = { "出国", "接待", "公务用车" };
	words_item(L, parts, 3, "因公出国（境）、公务接待、公务用车");
}

static void item_sangong_car(look *L)
{
	static const char *const parts[] = { "购置", "运行" };
	words_item(L, parts, 2, "公务用车购置、运行维护");
}

/* A line of the text with all the words and a figure (or a statement that
 * there is none). */
static int prose_item(look *L, const char *const *words, const char *what)
{
	for (int from = 0;;) {
		int i = prose_find(L->doc, from, words);
		if (i < 0)
			break;
		const char *s = L->doc->prose[i].text;
		if (has_digit(s) || strstr(s, "无") || strstr(s, "没有") || strstr(s, "不涉及") ||
		    (i + 1 < L->doc->nprose && has_digit(L->doc->prose[i + 1].text))) {
			L->permille = 1000;
			prose_evidence(L, i);
			return 1;
		}
		from = i + 1;
	}
	ys_buf_addf(&L->ev, "文字说明中没有找到%s", what);
	return 0;
}

static void item_operation(look *L)
{
	for (int i = 0; i < L->doc->nothers; i++)
		if (L->doc->others[i]->kind && !strcmp(L->doc->others[i]->kind, "operation")) {
			L->permille = 1000;
			L->page = L->doc->others[i]->page;
			L->table = L->doc->others[i]->title;
			ys_buf_addf(&L->ev, "%s", L->doc->others[i]->title);
			return;
		}
	static const char *const w[] = { "机关运行经费", NULL };
	const ys_table *t = sangong_table(L->doc);
	if (!prose_item(L, w, "“机关运行经费”") && t && table_says(t, "机关运行经费")) {
		ys_buf_reset(&L->ev);
		L->permille = 1000;
		L->page = t->page;
		L->table = t->title;
		ys_buf_addf(&L->ev, "%s 列出机关运行经费", t->title);
	}
}

static void item_procurement_categories(look *L)
{
	static const char *const cats[3] = { "货物", "工程", "服务" };
	const ys_table *t = L->doc->tables[YS_T10];
	for (int i = 0; !t && i < L->doc->nothers; i++)
		if (L->doc->others[i]->kind && !strcmp(L->doc->others[i]->kind, "procurement"))
			t = L->doc->others[i];
	if (t && t->nrows) {
		int found = 0;
		for (int k = 0; k < 3; k++)
			found += table_says(t, cats[k]);
		if (found) {
			/* a table by category lists those it has money for */
			L->permille = 1000;
			L->page = t->page;
			L->table = t == L->doc->tables[YS_T10] ? "10" : t->title;
			ys_buf_addf(&L->ev, "%s 按类别列出 %d 类", t->title, found);
			return;
		}
	}
	/* the text: the lines about 政府采购 and the two after each */
	int best = -1, bestn = 0;
	for (int i = 0; i < L->doc->nprose; i++) {
		if (!strstr(L->doc->prose[i].text, "政府采购"))
			continue;
		int n = 0;
		for (int k = 0; k < 3; k++)
			for (int j = i; j < i + 3 && j < L->doc->nprose; j++)
				if (strstr(L->doc->prose[j].text, cats[k])) {
					n++;
					break;
				}
		if (n > bestn) {
			bestn = n;
			best = i;
		}
	}
	if (best >= 0) {
		L->permille = bestn >= 2 ? 1000 : 500;
		prose_evidence(L, best);
		ys_buf_addf(&L->ev, "（货物、工程、服务中提到 %d 类）", bestn);
		return;
	}
	ys_buf_adds(&L->ev, "没有按货物、工程、服务列出的政府采购");
}

static void item_sme(look *L)
{
	static const char *const w[] = { "中小企业", NULL };
	prose_item(L, w, "面向中小企业的政府采购份额");
}

static void item_assets(look *L)
{
	static const char *const w1[] = { "国有资产", NULL };
	static const char *const w2[] = { "资产占用", NULL };
	if (!prose_item(L, w1, "国有资产占用情况")) {
		ys_buf_reset(&L->ev);
		prose_item(L, w2, "国有资产占用情况");
	}
}

static void perf_item(look *L, int tid, const char *word)
{
	table_item(L, tid);
	if (L->permille > 0)
		return;
	ys_buf_reset(&L->ev);
	const char *const w[] = { word, NULL };
	int i = prose_find(L->doc, 0, w);
	if (i >= 0) {
		L->permille = 500;
		prose_evidence(L, i);
		ys_buf_adds(&L->ev, "（只在文字中，没有表）");
		return;
	}
	ys_buf_addf(&L->ev, "没有%s表，文字中也没有“%s”", ys_table_def((ys_tid)tid)->code, word);
}

static void item_perf_projects(look *L) { perf_item(L, YS_T12, "绩效目标"); }
static void item_perf_unit(look *L) { perf_item(L, YS_T13, "整体绩效"); }

static void item_glossary(look *L)
{
	static const char *const w[] = { "名词解释", NULL };
	/* the last: the first is often the contents */
	int i = -1;
	for (int k = prose_find(L->doc, 0, w); k >= 0; k = prose_find(L->doc, k + 1, w))
		i = k;
	if (i >= 0) {
		L->permille = 1000;
		prose_evidence(L, i);
		return;
	}
	ys_buf_adds(&L->ev, "文字说明中没有“名词解释”");
}

static void item_changes(look *L)
{
	static const char *const moves[] = { "增加", "减少", "增长", "下降", "持平" };
	static const char *const why[] = { "原因", "主要是", "主要用于", "主要由于", "因为" };
	int first = -1, n = 0;
	for (int i = 0; i < L->doc->nprose; i++) {
		const char *s = L->doc->prose[i].text;
		int m = 0, w = 0;
		for (size_t k = 0; k < YS_ARRAY_LEN(moves); k++)
			m |= strstr(s, moves[k]) != NULL;
		for (size_t k = 0; k < YS_ARRAY_LEN(why); k++)
			w |= strstr(s, why[k]) != NULL;
		if (m && w) {
			n++;
			if (first < 0)
				first = i;
		}
	}
	if (first >= 0) {
		L->permille = 1000;
		prose_evidence(L, first);
		ys_buf_addf(&L->ev, "（共 %d 处说明增减及其原因）", n);
		return;
	}
	ys_buf_adds(&L->ev, "文字说明中没有说明增减变化的原因");
}

static void item_machine(look *L)
{
	int64_t a = L->rep->cov.amounts;
	if (a > 0) {
		L->permille = 1000;
		ys_buf_addf(&L->ev, "%s读出金额格 %lld 个", L->doc->paged ? "PDF 有文字层，" : "", (long long)a);
	} else {
		ys_buf_adds(&L->ev, "没有读出金额（扫描件、没有文字层，或不是预算表）");
	}
}

static void item_coverage(look *L)
{
	char pc[16];
	int p = L->rep->cov.permille;
	L->permille = p < 0 ? 0 : p;
	ys_buf_addf(&L->ev, "覆盖率 %s %%：读出金额格 %lld 个，读不出 %lld 个", ys_coverage_percent(p, pc),
	            (long long)L->rep->cov.amounts, (long long)L->rep->cov.unreadable);
}

static void item_consistent(look *L)
{
	int64_t ids = L->rep->identities, err = L->rep->count[YS_SEV_ERROR];
	if (ids <= 0) {
		ys_buf_adds(&L->ev, "没有可以核对的等式（读出的表不足以互相核对）");
		return;
	}
	L->permille = err >= ids ? 0 : (int)(1000 - err * 1000 / ids);
	ys_buf_addf(&L->ev, "yusuan 检查：核对 %lld 个等式，%lld 个错误（yusuan check 列出）", (long long)ids,
	            (long long)err);
}

static void item_complete(look *L)
{
	int miss = L->rep->cov.missing, unrec = L->rep->cov.unrecognised;
	/* the 13 tables of the numbered layout are a known set too */
	if (L->doc->ntables > 0 && YS_NTABLES - L->doc->ntables > miss)
		miss = YS_NTABLES - L->doc->ntables;
	L->permille = miss ? 0 : unrec ? 500 : 1000;
	if (!miss && !unrec)
		ys_buf_addf(&L->ev, "一套表齐全（%d 张），没有读不出的表", L->rep->cov.ntables);
	else
		ys_buf_addf(&L->ev, "缺 %d 张表，%d 个像表题的标题没有读出", miss, unrec);
}

#define TABLE_ITEM(name, tid) \
	static void name(look *L) { table_item(L, tid); }
TABLE_ITEM(t01, YS_T01)
TABLE_ITEM(t02, YS_T02)
TABLE_ITEM(t03, YS_T03)
TABLE_ITEM(t04, YS_T04)
TABLE_ITEM(t05, YS_T05)
TABLE_ITEM(t06, YS_T06)
TABLE_ITEM(t07, YS_T07)
TABLE_ITEM(t08, YS_T08)
TABLE_ITEM(t09, YS_T09)
TABLE_ITEM(t10, YS_T10)
TABLE_ITEM(t11, YS_T11)
TABLE_ITEM(t12, YS_T12)
TABLE_ITEM(t13, YS_T13)

static const struct {
	const char *id;
	void (*fn)(look *);
} checks[] = {
	{ "table.summary", t01 },
	{ "table.income", t02 },
	{ "table.expend", t03 },
	{ "table.fiscal_summary", t04 },
	{ "table.gp_expend", t05 },
	{ "table.gp_basic", t06 },
	{ "table.gf_expend", t07 },
	{ "table.soc_expend", t08 },
	{ "table.sangong", t09 },
	{ "table.procurement", t10 },
	{ "table.services", t11 },
	{ "table.project_perf", t12 },
	{ "table.unit_perf", t13 },
	{ "sangong.parts", item_sangong_parts },
	{ "sangong.car", item_sangong_car },
	{ "operation", item_operation },
	{ "procurement.categories", item_procurement_categories },
	{ "procurement.sme", item_sme },
	{ "assets", item_assets },
	{ "perf.projects", item_perf_projects },
	{ "perf.unit", item_perf_unit },
	{ "glossary", item_glossary },
	{ "explain.changes", item_changes },
	{ "machine.text", item_machine },
	{ "coverage", item_coverage },
	{ "consistent", item_consistent },
	{ "complete", item_complete },
};

int ys_score_known(const char *id)
{
	for (size_t i = 0; i < YS_ARRAY_LEN(checks); i++)
		if (!strcmp(checks[i].id, id))
			return 1;
	return 0;
}

static ys_score *score_new(const char *file, const char *dept, int year, const ys_score_items *items)
{
	ys_score *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	ys_arena_init(&s->arena);
	s->file = ys_arena_strdup(&s->arena, file ? file : "");
	s->department = ys_arena_strdup(&s->arena, dept ? dept : "");
	s->year = year;
	s->max = items->total;
	s->lines = ys_arena_alloc(&s->arena, sizeof *s->lines * (size_t)(items->n + 1));
	if (!s->file || !s->department || !s->lines) {
		ys_score_free(s);
		return NULL;
	}
	return s;
}

ys_result ys_score_doc(ys_ctx *ctx, const ys_doc *doc, const ys_report *rep, const ys_score_items *items,
                       ys_score **out)
{
	*out = NULL;
	ys_score *s = score_new(doc->file, doc->department, doc->year, items);
	if (!s)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	for (int k = 0; k < items->n; k++) {
		const ys_score_item *it = &items->v[k];
		look L = { doc, rep, &s->arena, 0, 0, "", YS_BUF_INIT };
		for (size_t i = 0; i < YS_ARRAY_LEN(checks); i++)
			if (!strcmp(checks[i].id, it->id))
				checks[i].fn(&L);
		ys_score_line *l = &s->lines[s->n++];
		l->item = it;
		l->permille = L.permille < 0 ? 0 : L.permille > 1000 ? 1000 : L.permille;
		l->tenths = (it->points * l->permille + 50) / 100;
		l->page = L.page;
		l->table = ys_arena_strdup(&s->arena, L.table ? L.table : "");
		l->evidence = ys_arena_strdup(&s->arena, L.ev.s);
		int oom = L.ev.oom || !l->table || !l->evidence;
		ys_buf_release(&L.ev);
		if (oom) {
			ys_score_free(s);
			return ys_error(ctx, YS_ENOMEM, "内存不足");
		}
		s->tenths += l->tenths;
	}
	*out = s;
	return YS_OK;
}

ys_result ys_score_failed(ys_ctx *ctx, const char *file, const char *why, const ys_score_items *items,
                          ys_score **out)
{
	*out = NULL;
	ys_score *s = score_new(file, "", 0, items);
	if (!s || !(s->error = ys_arena_strdup(&s->arena, why ? why : ""))) {
		ys_score_free(s);
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	}
	*out = s;
	return YS_OK;
}

void ys_score_free(ys_score *s)
{
	if (!s)
		return;
	ys_arena_release(&s->arena);
	free(s);
}

/* ---- rendering ---- */

static const char *points(char *buf, int tenths)
{
	snprintf(buf, 24, "%d.%d", tenths / 10, tenths % 10);
	return buf;
}

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

static void who(ys_buf *o, const ys_score *s)
{
	ys_buf_adds(o, s->department[0] ? s->department : "（未写明部门）");
	if (s->year)
		ys_buf_addf(o, " %d年", s->year);
	ys_buf_addf(o, "（%s）", s->file);
}

static void text_items(ys_buf *o, const ys_score *s)
{
	char a[24];
	if (s->error) {
		ys_buf_addf(o, "  无法读取：%s\n", s->error);
		return;
	}
	size_t w = 0;
	for (int k = 0; k < s->n; k++) {
		ys_buf b = YS_BUF_INIT;
		ys_buf_addf(&b, "%s（%d）", s->lines[k].item->title, s->lines[k].item->points);
		size_t x = ys_utf8_width(b.s);
		if (x > w)
			w = x;
		ys_buf_release(&b);
	}
	for (int k = 0; k < s->n; k++) {
		const ys_score_line *l = &s->lines[k];
		ys_buf b = YS_BUF_INIT;
		ys_buf_addf(&b, "%s（%d）", l->item->title, l->item->points);
		ys_buf_addf(o, "  %-22s ", l->item->id);
		pad(o, b.s, w, 0);
		ys_buf_release(&b);
		ys_buf_adds(o, "  ");
		pad(o, points(a, l->tenths), 5, 1);
		ys_buf_adds(o, "  ");
		if (l->page)
			ys_buf_addf(o, "第 %d 页 ", l->page);
		ys_buf_adds(o, l->evidence);
		ys_buf_addc(o, '\n');
	}
}

static json_t *json_score(const ys_score *s)
{
	char a[24];
	json_t *j = json_object();
	json_object_set_new(j, "file", json_string(s->file));
	json_object_set_new(j, "department", json_string(s->department));
	json_object_set_new(j, "year", json_integer(s->year));
	json_object_set_new(j, "score", json_string(points(a, s->tenths)));
	json_object_set_new(j, "score_tenths", json_integer(s->tenths));
	json_object_set_new(j, "max", json_integer(s->max));
	if (s->error)
		json_object_set_new(j, "error", json_string(s->error));
	json_t *items = json_array();
	for (int k = 0; k < s->n; k++) {
		const ys_score_line *l = &s->lines[k];
		json_t *ji = json_object();
		json_object_set_new(ji, "id", json_string(l->item->id));
		json_object_set_new(ji, "points", json_integer(l->item->points));
		json_object_set_new(ji, "earned_tenths", json_integer(l->tenths));
		json_object_set_new(ji, "found_permille", json_integer(l->permille));
		json_object_set_new(ji, "page", l->page ? json_integer(l->page) : json_null());
		json_object_set_new(ji, "table", json_string(l->table));
		json_object_set_new(ji, "evidence", json_string(l->evidence));
		json_array_append_new(items, ji);
	}
	json_object_set_new(j, "items", items);
	return j;
}

static ys_result dump(ys_ctx *ctx, json_t *root, ys_buf *out)
{
	char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (!s)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	ys_buf_adds(out, s);
	ys_buf_addc(out, '\n');
	free(s);
	return out->oom ? ys_error(ctx, YS_ENOMEM, "内存不足") : YS_OK;
}

ys_result ys_score_render(ys_ctx *ctx, const ys_score *s, ys_report_format fmt, ys_buf *out)
{
	if (fmt == YS_REPORT_JSON)
		return dump(ctx, json_score(s), out);
	char a[24];
	who(out, s);
	ys_buf_addf(out, "\n透明度得分：%s / %d\n", points(a, s->tenths), s->max);
	text_items(out, s);
	return out->oom ? ys_error(ctx, YS_ENOMEM, "内存不足") : YS_OK;
}

static int cmp_score(const void *a, const void *b)
{
	const ys_score *x = *(ys_score *const *)a, *y = *(ys_score *const *)b;
	if (!x->error != !y->error)
		return x->error ? 1 : -1;
	if (x->tenths != y->tenths)
		return y->tenths - x->tenths;
	return strcmp(x->file, y->file);
}

ys_result ys_score_render_run(ys_ctx *ctx, ys_score *const *scores, size_t n, const ys_score_items *items,
                              ys_report_format fmt, int with_items, ys_buf *out)
{
	ys_score **v = malloc(sizeof *v * (n ? n : 1));
	if (!v)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	memcpy(v, scores, sizeof *v * n);
	qsort(v, n, sizeof *v, cmp_score);
	char a[24];
	ys_result r = YS_OK;
	if (fmt == YS_REPORT_JSON) {
		json_t *root = json_object(), *ji = json_array(), *docs = json_array();
		for (int k = 0; k < items->n; k++) {
			json_t *x = json_object();
			json_object_set_new(x, "id", json_string(items->v[k].id));
			json_object_set_new(x, "points", json_integer(items->v[k].points));
			json_object_set_new(x, "group", json_string(items->v[k].group));
			json_object_set_new(x, "title", json_string(items->v[k].title));
			json_array_append_new(ji, x);
		}
		json_object_set_new(root, "items", ji);
		json_object_set_new(root, "max", json_integer(items->total));
		for (size_t i = 0; i < n; i++) {
			json_t *d = json_score(v[i]);
			json_object_set_new(d, "rank", json_integer((json_int_t)i + 1));
			json_array_append_new(docs, d);
		}
		json_object_set_new(root, "documents", docs);
		r = dump(ctx, root, out);
	} else if (fmt == YS_REPORT_CSV) {
		ys_buf_adds(out, "\xEF\xBB\xBFrank,score,file,department,year");
		for (int k = 0; k < items->n; k++)
			ys_buf_addf(out, ",%s", items->v[k].id);
		ys_buf_adds(out, ",error\r\n");
		for (size_t i = 0; i < n; i++) {
			ys_buf_addf(out, "%zu,%s,", i + 1, points(a, v[i]->tenths));
			ys_csv_quote(out, v[i]->file);
			ys_buf_addc(out, ',');
			ys_csv_quote(out, v[i]->department);
			ys_buf_addf(out, ",%d", v[i]->year);
			for (int k = 0; k < items->n; k++)
				ys_buf_addf(out, ",%s", k < v[i]->n ? points(a, v[i]->lines[k].tenths) : "0.0");
			ys_buf_addc(out, ',');
			ys_csv_quote(out, v[i]->error ? v[i]->error : "");
			ys_buf_adds(out, "\r\n");
		}
	} else {
		ys_buf_addf(out, "透明度得分，从高到低（满分 %d；评分项见 %s）\n", items->total, items->file);
		ys_buf_adds(out, "名次   得分  部门                                  年度  文件\n");
		for (size_t i = 0; i < n; i++) {
			ys_buf_addf(out, "%4zu  ", i + 1);
			pad(out, v[i]->error ? "—" : points(a, v[i]->tenths), 5, 1);
			ys_buf_adds(out, "  ");
			pad(out, v[i]->error ? "（无法读取）" : v[i]->department[0] ? v[i]->department : "（未写明部门）", 36, 0);
			ys_buf_addf(out, "  %4d  %s\n", v[i]->year, v[i]->file);
		}
		int read = 0;
		long sum = 0;
		for (size_t i = 0; i < n; i++)
			if (!v[i]->error) {
				read++;
				sum += v[i]->tenths;
			}
		ys_buf_addf(out, "%zu 份文档，%d 份读出；平均 %s 分\n", n, read, points(a, read ? (int)(sum / read) : 0));
		for (size_t i = 0; with_items && i < n; i++) {
			ys_buf_addf(out, "\n%zu. ", i + 1);
			who(out, v[i]);
			ys_buf_addf(out, "：%s / %d\n", v[i]->error ? "—" : points(a, v[i]->tenths), v[i]->max);
			text_items(out, v[i]);
		}
	}
	free(v);
	if (!r && out->oom)
		r = ys_error(ctx, YS_ENOMEM, "内存不足");
	return r;
}
