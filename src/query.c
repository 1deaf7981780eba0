/*
 * query.c - spending by dimensions, the common questions ranked, and a
 * Fiscal Data Package (query.h), all read through the dataset views with
 * portable SQL.
 *
 * Dimensions are a fixed list (never a name the user typed is put into
 * SQL); filters are parameters.  Sums are the database's, in integers of
 * 分; shares and changes are computed here in integers.
 */
#include "yusuan/query.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "yusuan/diff.h"
#include "yusuan/money.h"
#include "yusuan/render.h"
#include "yusuan/text.h"

static const struct {
	const char *id, *name, *expr;
} dims[YS_QD_NDIMS] = {
	{ "year", "年度", "year" },
	{ "department", "部门", "department" },
	{ "unit", "单位", "COALESCE(unit_name, '第' || CAST(unit_block + 1 AS TEXT) || '块')" },
	{ "func_class", "功能分类（类）", "func_class" },
	{ "func_kuan", "功能分类（款）", "func_kuan" },
	{ "func_xiang", "功能分类（项）", "func_xiang" },
	{ "econ_class", "部门经济分类（类）", "econ_class" },
	{ "econ_kuan", "部门经济分类（款）", "econ_kuan" },
	{ "gov_class", "政府经济分类（类）", "gov_class" },
	{ "fund", "资金", "fund" },
	{ "kind", "支出类型", "kind" },
};

const char *ys_qdim_id(int d) { return d >= 0 && d < YS_QD_NDIMS ? dims[d].id : "?"; }
const char *ys_qdim_name(int d) { return d >= 0 && d < YS_QD_NDIMS ? dims[d].name : "?"; }

int ys_qdim_find(const char *id)
{
	for (int d = 0; d < YS_QD_NDIMS; d++)
		if (!strcmp(dims[d].id, id))
			return d;
	return -1;
}

/* ---- running a query ---- */

typedef struct qrun {
	ys_qresult *r;
	int oom, overflow;
} qrun;

/* An integer of a row: a database may give a sum as a whole number in text
 * (PostgreSQL's NUMERIC); anything else is 0. */
static int64_t int_of(const ys_value *v)
{
	if (v->type == YS_V_INT)
		return v->i;
	if (v->type == YS_V_TEXT && v->s && v->s[0]) {
		char *end;
		errno = 0;
		long long n = strtoll(v->s, &end, 10);
		if (!*end && !errno)
			return n;
	}
	return 0;
}

static int take_row(const ys_value *v, int ncols, void *arg)
{
	qrun *Q = arg;
	ys_qresult *r = Q->r;
	if (ys_grow((void **)&r->rows, &r->cap, r->n + 1, sizeof *r->rows)) {
		Q->oom = 1;
		return 1;
	}
	ys_qrow *row = &r->rows[r->n];
	memset(row, 0, sizeof *row);
	for (int k = 0; k < ncols - 1; k++) {
		char num[32];
		const char *s = v[k].type == YS_V_TEXT ? v[k].s : "";
		if (v[k].type == YS_V_INT) {
			snprintf(num, sizeof num, "%lld", (long long)v[k].i);
			s = num;
		}
		if (!(row->vals[k] = ys_arena_strdup(&r->arena, s))) {
			Q->oom = 1;
			return 1;
		}
	}
	row->fen = int_of(&v[ncols - 1]);
	if (ys_money_add(r->total, row->fen, &r->total))
		Q->overflow = 1;
	r->n++;
	return 0;
}

/* The key of a row without its year (for the change) or with only year,
 * department and fund (the whole a share is of). */
static char *row_key(const ys_qresult *r, const ys_qrow *row, int whole)
{
	ys_buf b = YS_BUF_INIT;
	for (int k = 0; k < r->q.ndims; k++) {
		int d = r->q.dims[k];
		if (whole ? (d != YS_QD_YEAR && d != YS_QD_DEPARTMENT && d != YS_QD_FUND) : d == YS_QD_YEAR)
			continue;
		ys_buf_adds(&b, row->vals[k]);
		ys_buf_addc(&b, '\x1f');
	}
	return ys_buf_detach(&b, NULL);
}

typedef struct keyed {
	char *key;
	long year;
	size_t i;
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
	const keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->year > y->year) - (x->year < y->year);
}

/* Shares of each row in its whole; the change from the year before. */
static int measures(ys_qresult *r)
{
	int yk = -1;
	for (int k = 0; k < r->q.ndims; k++)
		if (r->q.dims[k] == YS_QD_YEAR)
			yk = k;
	keyed *K = calloc(r->n + 1, sizeof *K);
	if (!K)
		return -1;
	int rc = 0;
	/* shares: wholes by (year, department, fund) */
	for (size_t i = 0; i < r->n && !rc; i++) {
		K[i] = (keyed){ row_key(r, &r->rows[i], 1), 0, i };
		rc = K[i].key ? 0 : -1;
	}
	if (!rc) {
		qsort(K, r->n, sizeof *K, cmp_keyed);
		for (size_t i = 0; i < r->n;) {
			size_t j = i;
			int64_t whole = 0;
			int bad = 0;
			for (; j < r->n && !strcmp(K[j].key, K[i].key); j++)
				bad |= ys_money_add(whole, r->rows[K[j].i].fen, &whole);
			for (size_t k = i; k < j && !bad; k++) {
				ys_qrow *row = &r->rows[K[k].i];
				row->has_share = ys_diff_pct(whole, row->fen, &row->share) == 0;
			}
			i = j;
		}
	}
	for (size_t i = 0; i < r->n; i++) {
		free(K[i].key);
		K[i].key = NULL;
	}
	if (!rc && yk >= 0) { /* the change: the same dims, the year before */
		for (size_t i = 0; i < r->n && !rc; i++) {
			char *end;
			errno = 0;
			long y = strtol(r->rows[i].vals[yk], &end, 10);
			K[i] = (keyed){ row_key(r, &r->rows[i], 0), *end || errno ? -1 : y, i };
			rc = K[i].key ? 0 : -1;
		}
		if (!rc) {
			qsort(K, r->n, sizeof *K, cmp_keyed);
			for (size_t i = 1; i < r->n; i++) {
				if (strcmp(K[i].key, K[i - 1].key) || K[i].year < 0 || K[i - 1].year != K[i].year - 1)
					continue;
				ys_qrow *row = &r->rows[K[i].i];
				row->has_prev = 1;
				row->prev = r->rows[K[i - 1].i].fen;
				if (ys_money_sub(row->fen, row->prev, &row->change)) {
					row->has_prev = 0;
					continue;
				}
				row->has_pct = ys_diff_pct(row->prev, row->change, &row->pct) == 0;
			}
		}
		for (size_t i = 0; i < r->n; i++)
			free(K[i].key);
	}
	free(K);
	return rc;
}

static ys_value text_param(const char *s)
{
	ys_value v = { YS_V_TEXT, 0, s };
	char *end;
	errno = 0;
	long long n = strtoll(s, &end, 10);
	if (*s && !*end && !errno) {
		v.type = YS_V_INT;
		v.i = n;
	}
	return v;
}

ys_result ys_query_run(ys_ctx *ctx, ys_store *st, const ys_query *q, ys_qresult **out)
{
	*out = NULL;
	if (q->ndims < 0 || q->ndims > YS_QD_NDIMS)
		return ys_error(ctx, YS_EINVAL, "维度太多");
	for (int k = 0; k < q->ndims; k++) {
		if (q->dims[k] < 0 || q->dims[k] >= YS_QD_NDIMS)
			return ys_error(ctx, YS_EINVAL, "未知的维度");
		for (int j = 0; j < k; j++)
			if (q->dims[j] == q->dims[k])
				return ys_error(ctx, YS_EINVAL, "维度“%s”给了两次", dims[q->dims[k]].id);
	}
	ys_qresult *r = calloc(1, sizeof *r);
	if (!r)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	ys_arena_init(&r->arena);
	r->q = *q;
	ys_buf sql = YS_BUF_INIT, group = YS_BUF_INIT;
	ys_value params[8];
	char like[2][64];
	int np = 0, fund_dim = 0;
	for (int k = 0; k < q->ndims; k++) {
		ys_buf_addf(&group, "%s%s", k ? ", " : "", dims[q->dims[k]].expr);
		fund_dim |= q->dims[k] == YS_QD_FUND;
	}
	ys_buf_adds(&sql, "SELECT ");
	if (q->ndims)
		ys_buf_addf(&sql, "%s, ", group.s);
	ys_buf_adds(&sql, "sum(fen) FROM ys_spending WHERE fen IS NOT NULL");
	if (q->year) {
		ys_buf_adds(&sql, " AND year = ?");
		params[np++] = text_param(q->year);
	}
	if (q->department) {
		ys_buf_adds(&sql, " AND department = ?");
		params[np++] = (ys_value){ YS_V_TEXT, 0, q->department };
	}
	if (q->fund || !fund_dim) {
		ys_buf_adds(&sql, " AND fund = ?");
		params[np++] = (ys_value){ YS_V_TEXT, 0, q->fund ? q->fund : "all" };
	}
	if (q->kind) {
		ys_buf_adds(&sql, " AND kind = ?");
		params[np++] = (ys_value){ YS_V_TEXT, 0, q->kind };
	}
	if (q->func) {
		snprintf(like[0], sizeof like[0], "%s%%", q->func);
		ys_buf_adds(&sql, " AND func_code LIKE ?");
		params[np++] = (ys_value){ YS_V_TEXT, 0, like[0] };
	}
	if (q->econ) {
		snprintf(like[1], sizeof like[1], "%s%%", q->econ);
		ys_buf_adds(&sql, " AND econ_code LIKE ?");
		params[np++] = (ys_value){ YS_V_TEXT, 0, like[1] };
	}
	if (q->ndims)
		ys_buf_addf(&sql, " GROUP BY %s ORDER BY %s", group.s, group.s);
	ys_result res = YS_OK;
	qrun Q = { r, 0, 0 };
	if (sql.oom || group.oom)
		res = ys_error(ctx, YS_ENOMEM, "内存不足");
	else
		res = ys_store_select(ctx, st, sql.s, params, np, take_row, &Q);
	ys_buf_release(&sql);
	ys_buf_release(&group);
	if (!res && Q.oom)
		res = ys_error(ctx, YS_ENOMEM, "内存不足");
	if (!res && Q.overflow)
		res = ys_error(ctx, YS_ERANGE, "查询结果相加超出范围");
	if (!res && measures(r))
		res = ys_error(ctx, YS_ENOMEM, "内存不足");
	if (res) {
		ys_qresult_free(r);
		return res;
	}
	*out = r;
	return YS_OK;
}

void ys_qresult_free(ys_qresult *r)
{
	if (!r)
		return;
	free(r->rows);
	ys_arena_release(&r->arena);
	free(r);
}

/* ---- rendering ---- */

static const char *wan(char *buf, int64_t fen)
{
	if (ys_money_format(buf, fen, YS_UNIT_WANYUAN, 6, YS_FMT_GROUP) < 0)
		snprintf(buf, YS_MONEY_FMT_MAX, "?");
	return buf;
}

static const char *wan_plain(char *buf, int64_t fen)
{
	if (ys_money_format(buf, fen, YS_UNIT_WANYUAN, 6, 0) < 0)
		snprintf(buf, YS_MONEY_FMT_MAX, "?");
	return buf;
}

/* Tenths of a per cent, unsigned form for shares: "12.5%". */
static const char *tenths(char *buf, int64_t t, int sign)
{
	if (sign)
		return ys_diff_pct_text(t, buf);
	uint64_t a = t < 0 ? (uint64_t)0 - (uint64_t)t : (uint64_t)t;
	snprintf(buf, 32, "%s%llu.%llu%%", t < 0 ? "-" : "", (unsigned long long)(a / 10), (unsigned long long)(a % 10));
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

/* A table of texts: columns, then rows of cells; right: amount columns. */
typedef struct grid {
	int ncols;
	const char *head[24];
	int right[24];
	char **cells; /* nrows * ncols, malloc'd strings */
	size_t nrows, cap;
	int oom;
} grid;

static void grid_cell(grid *g, size_t row, int col, const char *s)
{
	if (g->oom)
		return;
	size_t need = (row + 1) * (size_t)g->ncols;
	size_t had = g->cap;
	if (ys_grow((void **)&g->cells, &g->cap, need, sizeof *g->cells)) {
		g->oom = 1;
		return;
	}
	for (size_t i = had; i < g->cap; i++)
		g->cells[i] = NULL;
	if (row + 1 > g->nrows)
		g->nrows = row + 1;
	free(g->cells[row * (size_t)g->ncols + (size_t)col]);
	if (!(g->cells[row * (size_t)g->ncols + (size_t)col] = strdup(s ? s : "")))
		g->oom = 1;
}

static const char *grid_at(const grid *g, size_t row, int col)
{
	const char *s = g->cells[row * (size_t)g->ncols + (size_t)col];
	return s ? s : "";
}

static void grid_free(grid *g)
{
	for (size_t i = 0; i < g->nrows * (size_t)g->ncols; i++)
		free(g->cells[i]);
	free(g->cells);
}

static void grid_text(const grid *g, ys_buf *o)
{
	size_t w[24];
	for (int c = 0; c < g->ncols; c++) {
		w[c] = ys_utf8_width(g->head[c]);
		for (size_t r = 0; r < g->nrows; r++) {
			size_t x = ys_utf8_width(grid_at(g, r, c));
			if (x > w[c])
				w[c] = x > 48 ? 48 : x;
		}
	}
	for (int c = 0; c < g->ncols; c++) {
		ys_buf_adds(o, c ? "  " : "");
		pad(o, g->head[c], w[c], g->right[c]);
	}
	ys_buf_addc(o, '\n');
	for (size_t r = 0; r < g->nrows; r++) {
		for (int c = 0; c < g->ncols; c++) {
			ys_buf_adds(o, c ? "  " : "");
			pad(o, grid_at(g, r, c), w[c], g->right[c]);
		}
		ys_buf_addc(o, '\n');
	}
}

static void grid_csv(const grid *g, const char *const *ids, ys_buf *o)
{
	ys_buf_adds(o, "\xEF\xBB\xBF");
	for (int c = 0; c < g->ncols; c++) {
		if (c)
			ys_buf_addc(o, ',');
		ys_csv_quote(o, ids[c]);
	}
	ys_buf_adds(o, "\r\n");
	for (size_t r = 0; r < g->nrows; r++) {
		for (int c = 0; c < g->ncols; c++) {
			if (c)
				ys_buf_addc(o, ',');
			ys_csv_quote(o, grid_at(g, r, c));
		}
		ys_buf_adds(o, "\r\n");
	}
}

ys_result ys_query_render(ys_ctx *ctx, const ys_qresult *r, ys_qformat fmt, ys_buf *out)
{
	const ys_query *q = &r->q;
	int year = 0;
	for (int k = 0; k < q->ndims; k++)
		year |= q->dims[k] == YS_QD_YEAR;
	char a[YS_MONEY_FMT_MAX + 2], p[32];
	if (fmt == YS_Q_JSON) {
		json_t *root = json_object(), *jd = json_array(), *rows = json_array();
		for (int k = 0; k < q->ndims; k++)
			json_array_append_new(jd, json_string(dims[q->dims[k]].id));
		json_object_set_new(root, "dimensions", jd);
		for (size_t i = 0; i < r->n; i++) {
			const ys_qrow *row = &r->rows[i];
			json_t *j = json_object();
			for (int k = 0; k < q->ndims; k++)
				json_object_set_new(j, dims[q->dims[k]].id, json_string(row->vals[k]));
			json_object_set_new(j, "fen", json_integer(row->fen));
			json_object_set_new(j, "wanyuan", json_string(wan(a, row->fen)));
			json_object_set_new(j, "share_tenths", row->has_share ? json_integer(row->share) : json_null());
			if (year) {
				json_object_set_new(j, "previous_fen", row->has_prev ? json_integer(row->prev) : json_null());
				json_object_set_new(j, "change_fen", row->has_prev ? json_integer(row->change) : json_null());
				json_object_set_new(j, "change_tenths", row->has_pct ? json_integer(row->pct) : json_null());
			}
			json_array_append_new(rows, j);
		}
		json_object_set_new(root, "rows", rows);
		json_object_set_new(root, "total_fen", json_integer(r->total));
		char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		json_decref(root);
		if (!s)
			return ys_error(ctx, YS_ENOMEM, "内存不足");
		ys_buf_adds(out, s);
		ys_buf_addc(out, '\n');
		free(s);
		return out->oom ? ys_error(ctx, YS_ENOMEM, "内存不足") : YS_OK;
	}
	grid g;
	memset(&g, 0, sizeof g);
	const char *ids[24];
	for (int k = 0; k < q->ndims; k++) {
		ids[g.ncols] = dims[q->dims[k]].id;
		g.head[g.ncols++] = dims[q->dims[k]].name;
	}
	ids[g.ncols] = fmt == YS_Q_CSV ? "fen" : "amount";
	g.right[g.ncols] = 1;
	g.head[g.ncols++] = "金额（万元）";
	if (fmt == YS_Q_CSV) {
		ids[g.ncols] = "wanyuan";
		g.head[g.ncols++] = "万元";
	}
	ids[g.ncols] = "share";
	g.right[g.ncols] = 1;
	g.head[g.ncols++] = "占比";
	if (year) {
		ids[g.ncols] = fmt == YS_Q_CSV ? "previous_fen" : "previous";
		g.right[g.ncols] = 1;
		g.head[g.ncols++] = "上年（万元）";
		ids[g.ncols] = fmt == YS_Q_CSV ? "change_fen" : "change";
		g.right[g.ncols] = 1;
		g.head[g.ncols++] = "增减（万元）";
		ids[g.ncols] = "change_pct";
		g.right[g.ncols] = 1;
		g.head[g.ncols++] = "增减率";
	}
	for (size_t i = 0; i < r->n; i++) {
		const ys_qrow *row = &r->rows[i];
		int c = 0;
		for (int k = 0; k < q->ndims; k++)
			grid_cell(&g, i, c++, row->vals[k][0] ? row->vals[k] : (fmt == YS_Q_CSV ? "" : "（无）"));
		if (fmt == YS_Q_CSV) {
			snprintf(a, sizeof a, "%lld", (long long)row->fen);
			grid_cell(&g, i, c++, a);
			grid_cell(&g, i, c++, wan_plain(a, row->fen));
		} else {
			grid_cell(&g, i, c++, wan(a, row->fen));
		}
		grid_cell(&g, i, c++, row->has_share ? tenths(p, row->share, 0) : "");
		if (year) {
			if (fmt == YS_Q_CSV && row->has_prev) {
				snprintf(a, sizeof a, "%lld", (long long)row->prev);
				grid_cell(&g, i, c++, a);
				snprintf(a, sizeof a, "%lld", (long long)row->change);
				grid_cell(&g, i, c++, a);
			} else {
				grid_cell(&g, i, c++, row->has_prev ? wan(a, row->prev) : "");
				grid_cell(&g, i, c++, row->has_prev ? wan(a, row->change) : "");
			}
			grid_cell(&g, i, c++, row->has_pct ? tenths(p, row->pct, 1) : "");
		}
	}
	if (fmt == YS_Q_CSV) {
		grid_csv(&g, ids, out);
	} else {
		grid_text(&g, out);
		ys_buf_addf(out, "共 %zu 行，合计 %s 万元（全部资金指 03 表的全部资金；gp、gf、soc 为 05、07、08 表）\n", r->n,
		            wan(a, r->total));
	}
	int oom = g.oom;
	grid_free(&g);
	return oom || out->oom ? ys_error(ctx, YS_ENOMEM, "内存不足") : YS_OK;
}

/* ---- Fiscal Data Package ---- */

static const char *const column_types[YS_QD_NDIMS] = {
	"date:fiscal-year",
	"administrative-classification:generic:level1:label",
	"administrative-classification:generic:level2:label",
	"functional-classification:generic:level1:code",
	"functional-classification:generic:level2:code",
	"functional-classification:generic:level3:code",
	"economic-classification:generic:level1:code",
	"economic-classification:generic:level2:code",
	NULL, /* 政府经济分类: a second economic classification has no type of its own */
	"fin-source:generic:code",
	"expenditure-type:code",
};

/* fen as 元 with 2 decimals, from integers: "-12.34". */
static void yuan(char *buf, int64_t fen)
{
	uint64_t a = fen < 0 ? (uint64_t)0 - (uint64_t)fen : (uint64_t)fen;
	snprintf(buf, 40, "%s%llu.%02llu", fen < 0 ? "-" : "", (unsigned long long)(a / 100), (unsigned long long)(a % 100));
}

ys_result ys_query_datapackage(ys_ctx *ctx, const ys_qresult *r, const char *dir)
{
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		return ys_error(ctx, YS_EWRITE, "%s：无法创建文件夹：%s", dir, strerror(errno));
	const ys_query *q = &r->q;
	ys_buf csv = YS_BUF_INIT;
	for (int k = 0; k < q->ndims; k++)
		ys_buf_addf(&csv, "%s,", dims[q->dims[k]].id);
	ys_buf_adds(&csv, "amount,fen,currency,direction,phase\r\n");
	for (size_t i = 0; i < r->n; i++) {
		char y[40];
		for (int k = 0; k < q->ndims; k++) {
			ys_csv_quote(&csv, r->rows[i].vals[k]);
			ys_buf_addc(&csv, ',');
		}
		yuan(y, r->rows[i].fen);
		ys_buf_addf(&csv, "%s,%lld,CNY,expenditure,approved\r\n", y, (long long)r->rows[i].fen);
	}
	json_t *fields = json_array(), *pk = json_array();
	for (int k = 0; k < q->ndims; k++) {
		int d = q->dims[k];
		json_t *f = json_object();
		json_object_set_new(f, "name", json_string(dims[d].id));
		json_object_set_new(f, "title", json_string(dims[d].name));
		json_object_set_new(f, "type", json_string(d == YS_QD_YEAR ? "integer" : "string"));
		if (column_types[d])
			json_object_set_new(f, "columnType", json_string(column_types[d]));
		json_array_append_new(fields, f);
		json_array_append_new(pk, json_string(dims[d].id));
	}
	json_t *f = json_object();
	json_object_set_new(f, "name", json_string("amount"));
	json_object_set_new(f, "title", json_string("金额（元）"));
	json_object_set_new(f, "type", json_string("number"));
	json_object_set_new(f, "columnType", json_string("value"));
	json_array_append_new(fields, f);
	f = json_object();
	json_object_set_new(f, "name", json_string("fen"));
	json_object_set_new(f, "title", json_string("金额（分，整数，精确）"));
	json_object_set_new(f, "type", json_string("integer"));
	json_array_append_new(fields, f);
	static const char *const consts[3][3] = { { "currency", "value-currency:code", "币种" },
		                                  { "direction", "direction", "收支方向" },
		                                  { "phase", "phase:id", "预算阶段" } };
	for (int k = 0; k < 3; k++) {
		f = json_object();
		json_object_set_new(f, "name", json_string(consts[k][0]));
		json_object_set_new(f, "title", json_string(consts[k][2]));
		json_object_set_new(f, "type", json_string("string"));
		json_object_set_new(f, "columnType", json_string(consts[k][1]));
		json_array_append_new(fields, f);
	}
	json_t *schema = json_object();
	json_object_set_new(schema, "fields", fields);
	if (q->ndims)
		json_object_set_new(schema, "primaryKey", pk);
	else
		json_decref(pk);
	json_t *res = json_object();
	json_object_set_new(res, "name", json_string("spending"));
	json_object_set_new(res, "path", json_string("spending.csv"));
	json_object_set_new(res, "profile", json_string("tabular-data-resource"));
	json_object_set_new(res, "format", json_string("csv"));
	json_object_set_new(res, "mediatype", json_string("text/csv"));
	json_object_set_new(res, "encoding", json_string("utf-8"));
	json_object_set_new(res, "schema", schema);
	json_t *resources = json_array();
	json_array_append_new(resources, res);
	json_t *root = json_object();
	json_object_set_new(root, "profile", json_string("fiscal-data-package"));
	json_object_set_new(root, "name", json_string("yusuan-spending"));
	json_object_set_new(root, "title", json_string("部门预算支出（yusuan 数据库导出）"));
	json_object_set_new(root, "description",
	                    json_string("基本支出与项目支出，按所选维度汇总；全部资金取自 03 表，一般公共预算、政府性基金、"
	                                "国有资本经营预算取自 05、07、08 表（docs/dataset.md）"));
	json_object_set_new(root, "countryCode", json_string("CN"));
	json_object_set_new(root, "resources", resources);
	char *js = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	ys_result rc = YS_OK;
	char path[4096];
	if (!js || csv.oom) {
		rc = ys_error(ctx, YS_ENOMEM, "内存不足");
	} else {
		snprintf(path, sizeof path, "%s/spending.csv", dir);
		rc = ys_file_write(ctx, path, csv.s, csv.len);
		if (!rc) {
			snprintf(path, sizeof path, "%s/datapackage.json", dir);
			rc = ys_file_write(ctx, path, js, strlen(js));
		}
	}
	free(js);
	ys_buf_release(&csv);
	return rc;
}

/* ---- the common questions ---- */

const char *ys_rank_id(int q)
{
	static const char *const n[] = { "sangong", "change", "project-share" };
	return q >= 0 && q < YS_RANK_NQ ? n[q] : "?";
}

typedef struct rrow {
	char *label, *year, *code;
	int64_t v[6];
	int64_t key;
	int has_key;
} rrow;

typedef struct rrun {
	rrow *v;
	size_t n, cap;
	int oom;
	int nvals; /* integer columns after the texts */
	int ntexts;
} rrun;

static int take_rank(const ys_value *v, int ncols, void *arg)
{
	rrun *R = arg;
	if (ys_grow((void **)&R->v, &R->cap, R->n + 1, sizeof *R->v)) {
		R->oom = 1;
		return 1;
	}
	rrow *r = &R->v[R->n];
	memset(r, 0, sizeof *r);
	char *t[3] = { NULL, NULL, NULL };
	for (int k = 0; k < R->ntexts && k < ncols; k++) {
		char num[32];
		const char *s = v[k].type == YS_V_TEXT ? v[k].s : "";
		if (v[k].type == YS_V_INT) {
			snprintf(num, sizeof num, "%lld", (long long)v[k].i);
			s = num;
		}
		if (!(t[k] = strdup(s))) {
			R->oom = 1;
			free(t[0]);
			free(t[1]);
			return 1;
		}
	}
	r->label = t[0];
	r->year = t[1];
	r->code = t[2];
	for (int k = 0; k < R->nvals && R->ntexts + k < ncols; k++)
		r->v[k] = int_of(&v[R->ntexts + k]);
	R->n++;
	return 0;
}

static int cmp_rank(const void *a, const void *b)
{
	const rrow *x = a, *y = b;
	if (x->has_key != y->has_key)
		return y->has_key - x->has_key;
	if (x->key != y->key)
		return x->key > y->key ? -1 : 1;
	int c = strcmp(x->label ? x->label : "", y->label ? y->label : "");
	return c ? c : strcmp(x->code ? x->code : "", y->code ? y->code : "");
}

static int latest_year(const ys_value *v, int ncols, void *arg)
{
	(void)ncols;
	if (v[0].type == YS_V_INT)
		*(int *)arg = (int)v[0].i;
	return 1;
}

ys_result ys_rank_run(ys_ctx *ctx, ys_store *st, ys_rankq q, const ys_rank_opts *o, ys_qformat fmt, ys_buf *out)
{
	int year = o && o->year ? o->year : 0;
	ys_result rc;
	if (!year && (rc = ys_store_select(ctx, st, "SELECT max(year) FROM ys_document", NULL, 0, latest_year, &year)))
		return rc;
	if (!year)
		return ys_error(ctx, YS_ENOTFOUND, "数据库中没有公开文件（yusuan import FILE --db …）");
	rrun R = { NULL, 0, 0, 0, 0, 0 };
	ys_value p[6];
	int np = 0;
	const char *sql;
	/* a document is its department, or its file when the department is not known */
	if (q == YS_RANK_SANGONG) {
		sql = "SELECT CASE WHEN d.department <> '' THEN d.department ELSE d.file END, d.year,"
		      " CAST(d.disclosure_id AS TEXT), s.total, s.abroad, s.reception, s.car, s.car_buy, s.car_run"
		      " FROM ys_sangong s JOIN ys_document d ON d.disclosure_id = s.disclosure_id WHERE s.year = ?";
		p[np++] = (ys_value){ YS_V_INT, year, NULL };
		R.ntexts = 3;
		R.nvals = 6;
	} else if (q == YS_RANK_PROJECT) {
		sql = "SELECT CASE WHEN d.department <> '' THEN d.department ELSE d.file END, d.year,"
		      " CAST(d.disclosure_id AS TEXT),"
		      " sum(CASE WHEN s.kind = 'project' THEN s.fen ELSE 0 END), sum(s.fen)"
		      " FROM ys_spending s JOIN ys_document d ON d.disclosure_id = s.disclosure_id"
		      " WHERE s.fund = 'all' AND s.year = ?"
		      " GROUP BY d.disclosure_id, d.department, d.file, d.year";
		p[np++] = (ys_value){ YS_V_INT, year, NULL };
		R.ntexts = 3;
		R.nvals = 2;
	} else {
		/* departments with a disclosure in both years only: a department
		 * that appears is not a rise */
		sql = o && o->department
		              ? "SELECT (SELECT max(f.label) FROM ys_dfixed f WHERE f.tid = 0 AND f.func_code = s.func_class),"
		                " CAST(? AS TEXT), s.func_class,"
		                " sum(CASE WHEN s.year = ? THEN s.fen ELSE 0 END), sum(CASE WHEN s.year = ? THEN s.fen ELSE 0 END)"
		                " FROM ys_spending s WHERE s.fund = 'all' AND s.department = ?"
		                " GROUP BY s.func_class"
		              : "SELECT (SELECT max(f.label) FROM ys_dfixed f WHERE f.tid = 0 AND f.func_code = s.func_class),"
		                " CAST(? AS TEXT), s.func_class,"
		                " sum(CASE WHEN s.year = ? THEN s.fen ELSE 0 END), sum(CASE WHEN s.year = ? THEN s.fen ELSE 0 END)"
		                " FROM ys_spending s WHERE s.fund = 'all'"
		                " AND s.department IN (SELECT department FROM ys_document WHERE year = ?)"
		                " AND s.department IN (SELECT department FROM ys_document WHERE year = ?)"
		                " GROUP BY s.func_class";
		p[np++] = (ys_value){ YS_V_INT, year, NULL };
		p[np++] = (ys_value){ YS_V_INT, year - 1, NULL };
		p[np++] = (ys_value){ YS_V_INT, year, NULL };
		if (o && o->department) {
			p[np++] = (ys_value){ YS_V_TEXT, 0, o->department };
		} else {
			p[np++] = (ys_value){ YS_V_INT, year - 1, NULL };
			p[np++] = (ys_value){ YS_V_INT, year, NULL };
		}
		R.ntexts = 3;
		R.nvals = 2;
	}
	rc = ys_store_select(ctx, st, sql, p, np, take_rank, &R);
	if (!rc && R.oom)
		rc = ys_error(ctx, YS_ENOMEM, "内存不足");
	for (size_t i = 0; !rc && i < R.n; i++) {
		rrow *r = &R.v[i];
		if (q == YS_RANK_SANGONG) {
			r->key = r->v[0];
			r->has_key = 1;
		} else if (q == YS_RANK_PROJECT) {
			r->has_key = ys_diff_pct(r->v[1], r->v[0], &r->key) == 0;
		} else {
			r->has_key = !ys_money_sub(r->v[1], r->v[0], &r->key); /* v0 last year, v1 this year */
		}
	}
	if (!rc && R.n)
		qsort(R.v, R.n, sizeof *R.v, cmp_rank);
	grid g;
	memset(&g, 0, sizeof g);
	const char *ids[16];
	static const char *const head_sg[] = { "名次", "部门（或文件）", "年度", "“三公”经费", "因公出国（境）", "公务接待",
		                               "公务用车购置及运行维护", "其中：购置", "其中：运行维护" };
	static const char *const id_sg[] = { "rank", "department", "year", "total", "abroad", "reception", "car", "car_buy", "car_run" };
	static const char *const head_ps[] = { "名次", "部门（或文件）", "年度", "项目支出占比", "项目支出", "基本支出与项目支出" };
	static const char *const id_ps[] = { "rank", "department", "year", "share", "project", "total" };
	static const char *const head_ch[] = { "名次", "功能分类（类）", "名称", "上年", "本年", "增减", "增减率" };
	static const char *const id_ch[] = { "rank", "func_class", "name", "previous", "current", "change", "change_pct" };
	const char *const *heads = q == YS_RANK_SANGONG ? head_sg : q == YS_RANK_PROJECT ? head_ps : head_ch;
	const char *const *cids = q == YS_RANK_SANGONG ? id_sg : q == YS_RANK_PROJECT ? id_ps : id_ch;
	g.ncols = q == YS_RANK_SANGONG ? 9 : q == YS_RANK_PROJECT ? 6 : 7;
	for (int c = 0; c < g.ncols; c++) {
		g.head[c] = heads[c];
		ids[c] = cids[c];
		g.right[c] = c >= 3 || c == 0;
	}
	json_t *rows = json_array();
	for (size_t i = 0; !rc && i < R.n; i++) {
		rrow *r = &R.v[i];
		char a[YS_MONEY_FMT_MAX + 2], pc[32], n[24];
		json_t *j = json_object();
		snprintf(n, sizeof n, "%zu", i + 1);
		grid_cell(&g, i, 0, n);
		json_object_set_new(j, "rank", json_integer((json_int_t)i + 1));
		if (q == YS_RANK_CHANGE) {
			grid_cell(&g, i, 1, r->code);
			grid_cell(&g, i, 2, r->label);
			json_object_set_new(j, "func_class", json_string(r->code ? r->code : ""));
			json_object_set_new(j, "name", json_string(r->label ? r->label : ""));
			json_object_set_new(j, "year", json_integer(year));
		} else {
			grid_cell(&g, i, 1, r->label);
			grid_cell(&g, i, 2, r->year);
			json_object_set_new(j, "department", json_string(r->label ? r->label : ""));
			json_object_set_new(j, "year", json_integer(strtol(r->year ? r->year : "0", NULL, 10)));
			json_object_set_new(j, "disclosure_id", json_integer(strtol(r->code ? r->code : "0", NULL, 10)));
		}
		if (q == YS_RANK_SANGONG) {
			for (int k = 0; k < 6; k++) {
				grid_cell(&g, i, 3 + k, fmt == YS_Q_CSV ? (snprintf(a, sizeof a, "%lld", (long long)r->v[k]), a) : wan(a, r->v[k]));
				json_object_set_new(j, id_sg[3 + k], json_integer(r->v[k]));
			}
		} else if (q == YS_RANK_PROJECT) {
			grid_cell(&g, i, 3, r->has_key ? tenths(pc, r->key, 0) : "");
			json_object_set_new(j, "share_tenths", r->has_key ? json_integer(r->key) : json_null());
			for (int k = 0; k < 2; k++) {
				grid_cell(&g, i, 4 + k, fmt == YS_Q_CSV ? (snprintf(a, sizeof a, "%lld", (long long)r->v[k]), a) : wan(a, r->v[k]));
				json_object_set_new(j, id_ps[4 + k], json_integer(r->v[k]));
			}
		} else {
			int64_t pct;
			int has = ys_diff_pct(r->v[0], r->key, &pct) == 0;
			int64_t vals[3] = { r->v[0], r->v[1], r->key };
			for (int k = 0; k < 3; k++) {
				grid_cell(&g, i, 3 + k, fmt == YS_Q_CSV ? (snprintf(a, sizeof a, "%lld", (long long)vals[k]), a) : wan(a, vals[k]));
				json_object_set_new(j, id_ch[3 + k], json_integer(vals[k]));
			}
			grid_cell(&g, i, 6, has ? tenths(pc, pct, 1) : "");
			json_object_set_new(j, "change_tenths", has ? json_integer(pct) : json_null());
		}
		json_array_append_new(rows, j);
	}
	if (!rc) {
		if (fmt == YS_Q_JSON) {
			json_t *root = json_object();
			json_object_set_new(root, "question", json_string(ys_rank_id(q)));
			json_object_set_new(root, "year", json_integer(year));
			json_object_set_new(root, "rows", json_incref(rows));
			char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
			json_decref(root);
			if (s) {
				ys_buf_adds(out, s);
				ys_buf_addc(out, '\n');
				free(s);
			} else {
				g.oom = 1;
			}
		} else if (fmt == YS_Q_CSV) {
			grid_csv(&g, ids, out);
		} else {
			static const char *const what[] = { "财政拨款“三公”经费，按部门（09表），从多到少",
				                            "支出功能分类各类的增减（全部资金，03表；两年都有公开的部门），从增到减",
				                            "项目支出占基本支出与项目支出之和的比例（全部资金，03表），从高到低" };
			ys_buf_addf(out, "%s；%d年", what[q], year);
			if (q == YS_RANK_CHANGE)
				ys_buf_addf(out, "比%d年", year - 1);
			if (o && o->department && q == YS_RANK_CHANGE)
				ys_buf_addf(out, "；%s", o->department);
			ys_buf_adds(out, "；金额单位：万元\n");
			if (R.n)
				grid_text(&g, out);
			else
				ys_buf_adds(out, "（没有可比的数据）\n");
		}
	}
	json_decref(rows);
	int oom = g.oom;
	grid_free(&g);
	for (size_t i = 0; i < R.n; i++) {
		free(R.v[i].label);
		free(R.v[i].year);
		free(R.v[i].code);
	}
	free(R.v);
	if (!rc && (oom || out->oom))
		rc = ys_error(ctx, YS_ENOMEM, "内存不足");
	return rc;
}
