/*
 * batch.c - compile the departments of one line-item export (batch.h).
 *
 * The file is read in blocks and split into records by the library's one
 * CSV parser (csv.c, fed the blocks as a stream), so an export reads as the
 * same CSV the detail sheets are: quoted fields, "" escapes, newlines inside
 * quotes, and the same errors.  Enumerated cells repeat a handful of values,
 * so each column keeps a small memo of the values it has seen.  Only one
 * department's items are held at a time.
 */
#include "yusuan/batch.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "read/input_int.h"
#include "yusuan/compile.h"
#include "yusuan/money.h"
#include "yusuan/text.h"

#define BLOCK ((size_t)1 << 20)
#define MAX_LINE YS_LINE_MAX /* the longest record, in bytes */
#define MAX_CELLS 64         /* cells in a record */

enum { B_DEPT, B_UNIT, B_TYPE, B_FUNC, B_ECON, B_GOV, B_FUND, B_CARRY, B_KIND, B_PROJECT, B_AMOUNT, B_NF };

static const struct {
	const char *sheet, *id;
	int required;
} bfields[B_NF] = {
	{ "department", "name", 1 }, { "items", "unit", 1 }, { "units", "type", 1 },   { "items", "func", 1 },
	{ "items", "econ", 1 },      { "items", "gov", 0 },  { "items", "fund", 1 },   { "items", "carry", 0 },
	{ "items", "kind", 1 },      { "items", "project", 0 }, { "items", "amount", 1 },
};

/* A memo of an enumerated column's values. */
typedef struct memo {
	char text[16][48];
	int len[16], value[16];
	int n;
} memo;

static int memo_value(memo *m, const char *field, const char *s, size_t n, int *out)
{
	for (int i = 0; i < m->n; i++)
		if ((size_t)m->len[i] == n && !memcmp(m->text[i], s, n)) {
			*out = m->value[i];
			return 0;
		}
	if (ys_input_enum_value(field, s, n, out))
		return -1;
	if (m->n < 16 && n < sizeof m->text[0]) {
		memcpy(m->text[m->n], s, n);
		m->len[m->n] = (int)n;
		m->value[m->n++] = *out;
	}
	return 0;
}

/* Departments waiting for a worker: a bounded queue. */
#define QUEUE 16

typedef struct pool {
	pthread_mutex_t mu;
	pthread_cond_t more, room;
	ys_budget *q[QUEUE];
	int head, n;
	int done;           /* the reader has finished */
	int failed;         /* a worker failed: stop */
	ys_ctx err;         /* the first failure */
	pthread_t tid[8];
	int nthreads;
} pool;

typedef struct bt {
	ys_ctx *ctx;
	const char *path;
	const ys_catalog *cat;
	ys_batch_fn fn;
	void *arg;
	ys_batch_stats *st;
	int col[B_NF];        /* field -> column index, -1 */
	int ncols;
	ys_unit unit;
	memo m_type, m_fund, m_kind, m_carry;
	ys_budget *b;         /* the department being read */
	size_t itemcap, unitcap, projcap;
	char dept[256];
	int dept_line;
	int year;
	char **seen;          /* departments done, to catch one that comes back */
	size_t nseen, seencap;
	pool *pool;           /* NULL: compile in this thread */
	size_t *ulen, ulencap; /* byte lengths of the department's unit names */
	size_t *plen, plencap; /* and of its project codes */
	pthread_mutex_t statmu;
} bt;

static ys_result fail(bt *t, int line, int col, const char *fmt, ...) YS_PRINTF(4, 5);
static ys_result fail(bt *t, int line, int col, const char *fmt, ...)
{
	char msg[YS_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return ys_error(t->ctx, YS_EPARSE, "%s:%d:%d：%s", t->path, line, col, msg);
}

/* Check, compile and hand over one department; frees b. */
static ys_result process(bt *t, ys_ctx *ctx, ys_budget *b)
{
	ys_result r = YS_OK;
	/* income is what the items spend */
	for (size_t i = 0; i < b->nitems && !r; i++) {
		const ys_item *it = &b->items[i];
		int64_t *slot = it->carry ? &b->carry[it->fund == YS_FS_UNIT ? 4 : it->fund] : &b->income[it->fund];
		if (ys_money_add(*slot, it->amount, slot))
			r = ys_error(ctx, YS_ERANGE, "%s：部门“%s”：金额之和超出可表示范围", t->path, b->department);
	}
	ys_doc *doc = NULL;
	ys_report *rep = NULL;
	if (!r)
		r = ys_check_budget(ctx, b, t->cat, &rep);
	if (!r && !rep->count[YS_SEV_ERROR])
		r = ys_compile_tables(ctx, b, t->cat, &doc);
	if (!r && t->fn(b, rep, doc, t->arg))
		r = ys_error(ctx, YS_ECANCELED, "%s：在部门“%s”处停止（其结果未能交出）", t->path, b->department);
	if (!r) {
		pthread_mutex_lock(&t->statmu);
		t->st->departments++;
		t->st->refused += doc == NULL;
		t->st->items += (long)b->nitems;
		pthread_mutex_unlock(&t->statmu);
	}
	ys_report_free(rep);
	ys_doc_free(doc);
	ys_budget_free(b);
	return r;
}

static void *worker(void *arg)
{
	bt *t = arg;
	pool *p = t->pool;
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	for (;;) {
		pthread_mutex_lock(&p->mu);
		while (!p->n && !p->done && !p->failed)
			pthread_cond_wait(&p->more, &p->mu);
		if (!p->n || p->failed) {
			pthread_mutex_unlock(&p->mu);
			return NULL;
		}
		ys_budget *b = p->q[p->head];
		p->head = (p->head + 1) % QUEUE;
		p->n--;
		pthread_cond_signal(&p->room);
		pthread_mutex_unlock(&p->mu);
		if (process(t, &ctx, b)) {
			pthread_mutex_lock(&p->mu);
			if (!p->failed) {
				p->failed = 1;
				p->err = ctx;
			}
			pthread_cond_broadcast(&p->room);
			pthread_cond_broadcast(&p->more);
			pthread_mutex_unlock(&p->mu);
			return NULL;
		}
	}
}

/* Hand over the department read so far: to a worker, or compile it here. */
static ys_result flush(bt *t)
{
	ys_budget *b = t->b;
	if (!b)
		return YS_OK;
	t->b = NULL;
	pool *p = t->pool;
	if (!p)
		return process(t, t->ctx, b);
	pthread_mutex_lock(&p->mu);
	while (p->n == QUEUE && !p->failed)
		pthread_cond_wait(&p->room, &p->mu);
	if (p->failed) {
		pthread_mutex_unlock(&p->mu);
		ys_budget_free(b);
		return YS_ECANCELED; /* the worker's error is reported when the pool stops */
	}
	p->q[(p->head + p->n) % QUEUE] = b;
	p->n++;
	pthread_cond_signal(&p->more);
	pthread_mutex_unlock(&p->mu);
	return YS_OK;
}

static int start_pool(bt *t, int threads)
{
	pool *p = calloc(1, sizeof *p);
	if (!p)
		return -1;
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->more, NULL);
	pthread_cond_init(&p->room, NULL);
	t->pool = p;
	for (int i = 0; i < threads; i++) {
		if (pthread_create(&p->tid[i], NULL, worker, t) != 0)
			break;
		p->nthreads++;
	}
	if (!p->nthreads) {
		free(p);
		t->pool = NULL;
		return -1;
	}
	return 0;
}

/* Wait for the workers; the first failure wins.  Returns r, or the
 * workers' failure. */
static ys_result stop_pool(bt *t, ys_result r)
{
	pool *p = t->pool;
	if (!p)
		return r;
	pthread_mutex_lock(&p->mu);
	p->done = 1;
	if (r)
		p->failed = 1;
	pthread_cond_broadcast(&p->more);
	pthread_mutex_unlock(&p->mu);
	for (int i = 0; i < p->nthreads; i++)
		pthread_join(p->tid[i], NULL);
	/* what a stop left in the queue */
	while (p->n) {
		ys_budget_free(p->q[p->head]);
		p->head = (p->head + 1) % QUEUE;
		p->n--;
	}
	if (p->failed && (!r || r == YS_ECANCELED)) {
		*t->ctx = p->err;
		r = p->err.code ? p->err.code : r;
	}
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->more);
	pthread_cond_destroy(&p->room);
	free(p);
	t->pool = NULL;
	return r;
}

static ys_result header(bt *t, const char *const *f, const size_t *fl, int nf, int line)
{
	for (int k = 0; k < B_NF; k++)
		t->col[k] = -1;
	int has_unit = 0;
	for (int c = 0; c < nf; c++) {
		int hit = -1, hu = 0;
		ys_unit u;
		for (int k = 0; k < B_NF && hit < 0; k++)
			if (ys_input_header_is(bfields[k].sheet, bfields[k].id, f[c], fl[c], &u, &hu))
				hit = k;
		if (hit < 0 && fl[c])
			return fail(t, line, c + 1, "没有“%.*s”这一列：应为 部门、单位、单位类型、功能分类、经济分类、"
			                            "政府经济分类、资金来源、上年结转、支出类型、项目编码、金额",
			            (int)fl[c], f[c]);
		if (hit >= 0) {
			t->col[hit] = c;
			if (hit == B_AMOUNT && hu) {
				t->unit = u;
				has_unit = 1;
			}
		}
	}
	for (int k = 0; k < B_NF; k++)
		if (bfields[k].required && t->col[k] < 0)
			return ys_error(t->ctx, YS_EPARSE, "%s:%d：没有 %s.%s 这一列", t->path, line, bfields[k].sheet,
			                bfields[k].id);
	if (!has_unit)
		return ys_error(t->ctx, YS_EPARSE, "%s:%d：请写明金额的单位：金额（元）或 金额（万元）", t->path, line);
	t->ncols = nf;
	return YS_OK;
}

static ys_result record(bt *t, const char *const *f, const size_t *fl, int nf, int line)
{
	if (nf > t->ncols)
		return fail(t, line, t->ncols + 1, "单元格比表头的列多");
#define CELL(k) (t->col[k] >= 0 && t->col[k] < nf ? f[t->col[k]] : "")
#define LEN(k) (t->col[k] >= 0 && t->col[k] < nf ? fl[t->col[k]] : 0)
#define COL(k) (t->col[k] + 1)
	const char *dept = CELL(B_DEPT);
	size_t dl = LEN(B_DEPT);
	if (!dl)
		return fail(t, line, COL(B_DEPT), "“部门”为空");
	if (!t->b || strlen(t->dept) != dl || memcmp(t->dept, dept, dl)) {
		ys_result r = flush(t);
		if (r)
			return r;
		if (dl >= sizeof t->dept)
			return fail(t, line, COL(B_DEPT), "部门名称超过 %zu 字节", sizeof t->dept - 1);
		/* names are checked when first met: codes, amounts and the known
		 * values of enumerated cells cannot carry invalid text */
		if (!ys_utf8_valid(dept, dl, NULL))
			return fail(t, line, COL(B_DEPT), "不是 UTF-8 文本（请把导出文件存为 UTF-8）");
		memcpy(t->dept, dept, dl);
		t->dept[dl] = '\0';
		for (size_t i = 0; i < t->nseen; i++)
			if (!strcmp(t->seen[i], t->dept))
				return fail(t, line, COL(B_DEPT),
				            "部门“%s”在其他部门之后又出现：一个部门的行须连在一起（请按部门排序）",
				            t->dept);
		if (ys_grow((void **)&t->seen, &t->seencap, t->nseen + 1, sizeof *t->seen) ||
		    !(t->seen[t->nseen++] = strdup(t->dept)))
			return ys_error(t->ctx, YS_ENOMEM, "内存不足");
		t->b = ys_budget_new(t->dept, t->year);
		if (!t->b)
			return ys_error(t->ctx, YS_ENOMEM, "内存不足");
		t->b->perf_unit = t->b->department;
		t->b->perf_notes = "无。";
		t->itemcap = t->unitcap = t->projcap = 0;
		t->dept_line = line;
	}
	ys_budget *b = t->b;
	ys_item it;
	memset(&it, 0, sizeof it);
	it.project = -1;
	it.pos.file = t->path;
	it.pos.line = line;

	/* the unit: known, or new with its type */
	const char *u = CELL(B_UNIT);
	size_t ul = LEN(B_UNIT);
	if (!ul)
		return fail(t, line, COL(B_UNIT), "“单位”为空");
	int ui = -1;
	for (int i = 0; i < b->nunits && ui < 0; i++)
		if (t->ulen[i] == ul && !memcmp(b->units[i].name, u, ul))
			ui = i;
	int type;
	if (memo_value(&t->m_type, "type", CELL(B_TYPE), LEN(B_TYPE), &type))
		return fail(t, line, COL(B_TYPE), "单位类型“%.*s”：应为 机关 或 事业单位", (int)LEN(B_TYPE), CELL(B_TYPE));
	if (ui < 0) {
		if (!ys_utf8_valid(u, ul, NULL))
			return fail(t, line, COL(B_UNIT), "不是 UTF-8 文本（请把导出文件存为 UTF-8）");
		if (ys_grow((void **)&b->units, &t->unitcap, (size_t)b->nunits + 1, sizeof *b->units) ||
		    ys_grow((void **)&t->ulen, &t->ulencap, (size_t)b->nunits + 1, sizeof *t->ulen))
			return ys_error(t->ctx, YS_ENOMEM, "内存不足");
		t->ulen[b->nunits] = ul;
		ui = b->nunits++;
		b->units[ui].name = ys_arena_strndup(&b->arena, u, ul);
		b->units[ui].type = (ys_unittype)type;
		b->units[ui].pos = it.pos;
	} else if ((int)b->units[ui].type != type) {
		return fail(t, line, COL(B_TYPE), "单位“%s”在第 %d 行是%s", b->units[ui].name,
		            b->units[ui].pos.line, ys_unittype_name(b->units[ui].type));
	}
	it.unit = ui;

	/* codes */
	static const struct { int k; size_t min, max; } codes[] = { { B_FUNC, 7, 7 }, { B_ECON, 5, 7 }, { B_GOV, 5, 5 } };
	char *dst[3] = { it.func, it.econ, it.gov };
	for (int c = 0; c < 3; c++) {
		const char *s = CELL(codes[c].k);
		size_t n = LEN(codes[c].k);
		if (!n && codes[c].k == B_GOV)
			continue;
		size_t d = 0;
		while (d < n && s[d] >= '0' && s[d] <= '9')
			d++;
		if (d < codes[c].min || d > codes[c].max || (d < n && s[d] != '-'))
			return fail(t, line, COL(codes[c].k), "“%.*s”：应为 %zu 位的编码", (int)n, s, codes[c].min);
		memcpy(dst[c], s, d);
		dst[c][d] = '\0';
	}

	int v;
	if (memo_value(&t->m_fund, "fund", CELL(B_FUND), LEN(B_FUND), &v))
		return fail(t, line, COL(B_FUND), "资金来源“%.*s”不是可选的值", (int)LEN(B_FUND), CELL(B_FUND));
	it.fund = (unsigned char)v;
	if (LEN(B_CARRY)) {
		if (memo_value(&t->m_carry, "carry", CELL(B_CARRY), LEN(B_CARRY), &v))
			return fail(t, line, COL(B_CARRY), "上年结转“%.*s”：应为 是 或 否", (int)LEN(B_CARRY), CELL(B_CARRY));
		it.carry = v == 1;
	}
	if (it.fund == YS_FS_UNIT && !it.carry)
		return fail(t, line, COL(B_FUND), "单位资金是上年结转的资金：“上年结转”应填 是");
	if (it.carry && it.fund != YS_FS_UNIT && it.fund > YS_FS_SPECIAL)
		return fail(t, line, COL(B_FUND), "上年结转的资金不能来自%s", ys_fund_name((ys_fundsrc)it.fund));
	if (memo_value(&t->m_kind, "kind", CELL(B_KIND), LEN(B_KIND), &v))
		return fail(t, line, COL(B_KIND), "支出类型“%.*s”：应为 基本支出 或 项目支出", (int)LEN(B_KIND), CELL(B_KIND));
	it.kind = (unsigned char)v;
	const char *pc = CELL(B_PROJECT);
	size_t pl = LEN(B_PROJECT);
	if (it.kind == YS_PROJECT) {
		if (!pl)
			return fail(t, line, COL(B_PROJECT), "项目支出没有“项目编码”");
		/* projects of a department are few; the last one is the likeliest */
		int p = -1;
		for (int i = b->nprojects - 1; i >= 0 && p < 0; i--)
			if (t->plen[i] == pl && !memcmp(b->projects[i].code, pc, pl))
				p = i;
		if (p < 0) {
			if (!ys_utf8_valid(pc, pl, NULL))
				return fail(t, line, COL(B_PROJECT), "不是 UTF-8 文本（请把导出文件存为 UTF-8）");
			if (ys_grow((void **)&b->projects, &t->projcap, (size_t)b->nprojects + 1, sizeof *b->projects) ||
			    ys_grow((void **)&t->plen, &t->plencap, (size_t)b->nprojects + 1, sizeof *t->plen))
				return ys_error(t->ctx, YS_ENOMEM, "内存不足");
			t->plen[b->nprojects] = pl;
			p = b->nprojects++;
			memset(&b->projects[p], 0, sizeof b->projects[p]);
			b->projects[p].code = ys_arena_strndup(&b->arena, pc, pl);
			b->projects[p].name = b->projects[p].code;
			b->projects[p].unit = ui;
			b->projects[p].goal = "";
			b->projects[p].pos = it.pos;
		}
		it.project = p;
	} else if (pl) {
		return fail(t, line, COL(B_PROJECT), "基本支出不属于项目：“项目编码”应留空");
	}
	ys_amount a;
	ys_money_err e;
	if (ys_money_parse(CELL(B_AMOUNT), LEN(B_AMOUNT), t->unit, &a, &e))
		return fail(t, line, COL(B_AMOUNT), "金额“%.*s”不是以%s为单位的金额：%s（第 %d 个字符）",
		            (int)LEN(B_AMOUNT), CELL(B_AMOUNT), ys_unit_name(t->unit), e.what,
		            (int)ys_utf8_count(CELL(B_AMOUNT), e.pos) + 1);
	if (!a.present)
		return fail(t, line, COL(B_AMOUNT), "金额为空：应为以%s为单位的金额", ys_unit_name(t->unit));
	if (a.fen < 0)
		return fail(t, line, COL(B_AMOUNT), "金额为负");
	it.amount = a.fen;
	if (ys_grow((void **)&b->items, &t->itemcap, b->nitems + 1, sizeof *b->items))
		return ys_error(t->ctx, YS_ENOMEM, "内存不足");
	b->items[b->nitems++] = it;
	return YS_OK;
#undef CELL
#undef LEN
#undef COL
}

ys_result ys_batch_compile(ys_ctx *ctx, const char *path, int year, const ys_catalog *cat, int threads,
                           ys_batch_fn fn, void *arg, ys_batch_stats *stats)
{
	memset(stats, 0, sizeof *stats);
	FILE *in = fopen(path, "rb");
	if (!in)
		return ys_error(ctx, YS_EIO, "%s：无法打开：%s", path, strerror(errno));
	bt t;
	memset(&t, 0, sizeof t);
	t.ctx = ctx;
	t.path = path;
	t.cat = cat;
	t.fn = fn;
	t.arg = arg;
	t.st = stats;
	t.year = year;
	pthread_mutex_init(&t.statmu, NULL);
	if (threads <= 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		threads = n < 1 ? 1 : n > 8 ? 8 : (int)n;
	}
	if (threads > 8)
		threads = 8;
	if (threads > 1 && start_pool(&t, threads)) {
		fclose(in);
		return ys_error(ctx, YS_ENOMEM, "无法启动工作线程");
	}
	char *buf = malloc(BLOCK + MAX_LINE + 1);
	if (!buf) {
		fclose(in);
		stop_pool(&t, YS_ENOMEM);
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	}
	ys_csv csv;
	ys_csv_init(&csv, path, buf, 0, ',');
	csv.nocol = 1; /* cells are named by their number */
	size_t have = 0; /* bytes in buf */
	int seen_header = 0, eof = 0;
	ys_result r = YS_OK;
	const char *f[MAX_CELLS];
	size_t fl[MAX_CELLS];
	while (!r) {
		if (!eof) {
			size_t got = fread(buf + have, 1, BLOCK, in);
			if (got < BLOCK) {
				if (ferror(in)) {
					r = ys_error(ctx, YS_EIO, "%s：读取出错", path);
					break;
				}
				eof = 1;
			}
			if (stats->bytes == 0 && have == 0 && got >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) {
				memmove(buf, buf + 3, got - 3);
				got -= 3;
				stats->bytes += 3;
			}
			have += got;
			stats->bytes += got;
		}
		ys_csv_feed(&csv, buf, have, !eof);
		for (;;) {
			/* a line that starts with # is a comment, whatever it holds */
			if (csv.p < csv.end && *csv.p == '#') {
				const char *nl = memchr(csv.p, '\n', (size_t)(csv.end - csv.p));
				if (!nl && !eof)
					break;
				if (memchr(csv.p, '\0', (size_t)((nl ? nl : csv.end) - csv.p))) {
					r = fail(&t, csv.line, 1, "有 NUL 字节：这不是 CSV 文本文件");
					break;
				}
				csv.p = nl ? nl + 1 : csv.end;
				csv.line += nl != NULL;
				continue;
			}
			const char *rec = csv.p;
			int line = csv.line, k = ys_csv_next(&csv, ctx);
			if (k < 0) {
				r = ctx->code;
				break;
			}
			if (k != 1)
				break; /* the end, or a record that goes on in the next block */
			const char *nul = memchr(rec, '\0', (size_t)(csv.p - rec));
			if (nul) {
				for (const char *q = rec; (q = memchr(q, '\n', (size_t)(nul - q))) != NULL; q++)
					line++;
				r = fail(&t, line, 1, "有 NUL 字节：这不是 CSV 文本文件");
				break;
			}
			if (csv.nf == 1 && csv.f[0].len == 0)
				continue; /* an empty line */
			if (csv.nf > MAX_CELLS) {
				r = fail(&t, line, MAX_CELLS + 1, "一行超过 %d 个单元格", MAX_CELLS);
				break;
			}
			for (size_t i = 0; i < csv.nf; i++) {
				f[i] = csv.f[i].s;
				fl[i] = csv.f[i].len;
			}
			if (!seen_header) {
				r = header(&t, f, fl, (int)csv.nf, line);
				seen_header = 1;
			} else {
				r = record(&t, f, fl, (int)csv.nf, line);
			}
			if (r)
				break;
		}
		if (r || eof)
			break;
		/* keep the record that goes on in the next block */
		size_t pos = (size_t)(csv.p - buf);
		if (have - pos > MAX_LINE) {
			/* read as the end of the file, it says what is wrong: a quote
			 * left open swallows the lines after it */
			ys_csv_feed(&csv, buf + pos, have - pos, 0);
			r = ys_csv_next(&csv, ctx) < 0 ? ctx->code
			                               : fail(&t, csv.line, 1, "一条记录超过 %zu 字节", (size_t)MAX_LINE);
			break;
		}
		memmove(buf, buf + pos, have - pos);
		have -= pos;
	}
	int line = csv.line - (have && buf[have - 1] == '\n' ? 1 : 0);
	ys_csv_release(&csv);
	stats->lines = line;
	if (!r && !seen_header)
		r = ys_error(ctx, YS_EEMPTY, "%s：文件是空的：应有表头行和支出明细", path);
	if (!r)
		r = flush(&t);
	r = stop_pool(&t, r);
	pthread_mutex_destroy(&t.statmu);
	ys_budget_free(t.b);
	free(t.ulen);
	free(t.plen);
	for (size_t i = 0; i < t.nseen; i++)
		free(t.seen[i]);
	free(t.seen);
	free(buf);
	fclose(in);
	return r;
}
