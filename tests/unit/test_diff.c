/* test_diff.c - yusuan diff: the changes by dimension, and the cells that
 * differ between two versions, named one by one and nothing else. */
#include <stdio.h>
#include <string.h>

#include "budgetgen.h"
#include "seedutil.h"

/* ---- a disclosure as a map: (table, panel, row label, occurrence, column) -> text ---- */

typedef struct entry {
	char *key;
	char *val;
} entry;

typedef struct cmap {
	entry *v;
	size_t n, cap;
} cmap;

static void cmap_put(cmap *m, const char *key, const char *val)
{
	ck_assert_int_eq(ys_grow((void **)&m->v, &m->cap, m->n + 1, sizeof *m->v), 0);
	m->v[m->n].key = strdup(key);
	m->v[m->n].val = strdup(val);
	m->n++;
}

static int cmp_entry(const void *a, const void *b) { return strcmp(((const entry *)a)->key, ((const entry *)b)->key); }

static void cmap_free(cmap *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->v[i].key);
		free(m->v[i].val);
	}
	free(m->v);
}

static void mkkey(char *buf, size_t cap, int table, int panel, const char *label, int occ, const char *col)
{
	snprintf(buf, cap, "%d\x1f%d\x1f%s\x1f%d\x1f%s", table, panel, label, occ, col);
}

/* Every printed cell of the seed layout's tables, keyed as a reader would
 * find it again: the row's label in its panel and its place among rows of
 * that label, in the order printed. */
static cmap doc_map(const ys_doc *doc)
{
	cmap m = { 0 };
	for (int i = 0; i < YS_NTABLES; i++) {
		const ys_table *t = doc->tables[i];
		if (!t)
			continue;
		int np = t->def->npanels > 1 ? t->def->npanels : 1;
		for (int p = 0; p < np; p++) {
			char (*labels)[256] = calloc((size_t)t->nrows + 1, sizeof *labels);
			for (int r = 0; r < t->nrows; r++) {
				int any = 0;
				for (int c = 0; c < t->def->ncols; c++)
					any |= t->def->cols[c].panel == p && t->rows[r].cells[c].text[0];
				if (!any)
					continue;
				ys_row_label(t, r, p, labels[r], sizeof labels[r]);
				int occ = 0;
				for (int q = 0; q < r; q++)
					occ += !strcmp(labels[q], labels[r]);
				for (int c = 0; c < t->def->ncols; c++) {
					if (t->def->cols[c].panel != p || !t->rows[r].cells[c].text[0])
						continue;
					char key[600];
					mkkey(key, sizeof key, i, p, labels[r], occ, t->def->cols[c].id);
					cmap_put(&m, key, t->rows[r].cells[c].text);
				}
			}
			free(labels);
		}
	}
	qsort(m.v, m.n, sizeof *m.v, cmp_entry);
	return m;
}

/* Apply the diff's cells to OLD's map: every change must start from what
 * OLD printed and change it, and the result must be NEW's map. */
static void check_patch(const ys_doc *a, const ys_doc *b, const ys_diff *d)
{
	cmap ma = doc_map(a), mb = doc_map(b);
	size_t base = ma.n;
	ck_assert(d->compared_cells);
	for (size_t i = 0; i < d->ncells; i++) {
		const ys_diff_cell *c = &d->cells[i];
		ck_assert_msg(strcmp(c->old_text, c->new_text) != 0, "a cell named that did not change: %s %s %s", c->tcode,
		              c->row, c->col_id);
		char key[600];
		mkkey(key, sizeof key, c->table, c->panel, c->row, c->occurrence, c->col_id);
		entry probe = { key, NULL };
		entry *e = bsearch(&probe, ma.v, base, sizeof *ma.v, cmp_entry);
		if (!e) {
			for (size_t k = base; k < ma.n && !e; k++)
				if (!strcmp(ma.v[k].key, key))
					e = &ma.v[k];
			ck_assert_msg(!e, "cell named twice: %s %s %s", c->tcode, c->row, c->col_id);
			ck_assert_msg(!c->old_text[0], "%s %s %s: OLD prints nothing there, the diff says '%s'", c->tcode, c->row,
			              c->col_id, c->old_text);
			cmap_put(&ma, key, c->new_text);
			continue;
		}
		ck_assert_msg(!strcmp(e->val, c->old_text), "%s %s %s: OLD prints '%s', the diff says '%s'", c->tcode, c->row,
		              c->col_id, e->val, c->old_text);
		free(e->val);
		e->val = strdup(c->new_text);
	}
	/* drop what became blank; the rest is NEW */
	size_t o = 0;
	for (size_t i = 0; i < ma.n; i++) {
		if (ma.v[i].val[0]) {
			ma.v[o++] = ma.v[i];
		} else {
			free(ma.v[i].key);
			free(ma.v[i].val);
		}
	}
	ma.n = o;
	qsort(ma.v, ma.n, sizeof *ma.v, cmp_entry);
	ck_assert_uint_eq(ma.n, mb.n);
	for (size_t i = 0; i < ma.n; i++) {
		ck_assert_str_eq(ma.v[i].key, mb.v[i].key);
		ck_assert_str_eq(ma.v[i].val, mb.v[i].val);
	}
	cmap_free(&ma);
	cmap_free(&mb);
}

static ys_diff *diff_of(const ys_doc *a, const ys_doc *b, int cells)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_diff *d;
	ys_diff_opts o = { test_catalog(), cells };
	ck_assert_msg(ys_diff_docs(&ctx, a, b, &o, &d) == YS_OK, "%s", ctx.msg);
	return d;
}

static const ys_diff_line *find_line(const ys_diff *d, int sec, const char *key)
{
	for (size_t i = 0; i < d->nlines; i++)
		if (d->lines[i].sec == sec && !strcmp(d->lines[i].key, key))
			return &d->lines[i];
	return NULL;
}

/* Two random budgets of one department and year: the diff names every
 * changed cell and nothing else. */
START_TEST(random_budgets_every_changed_cell_and_nothing_else)
{
	SAN_SAMPLE(_i);
	rng = 0x9e3779b97f4a7c15ULL + (uint64_t)_i * 7919;
	ys_budget *ba = random_budget(1 + (int)(rnd() % 40));
	ys_budget *bb = random_budget(1 + (int)(rnd() % 40));
	ys_doc *a = compile_budget(ba), *b = compile_budget(bb);
	ys_diff *d = diff_of(a, b, 0);
	ck_assert(d->versions);
	ck_assert_uint_gt(d->ncells, 0);
	check_patch(a, b, d);
	ys_diff_free(d);
	/* a document against itself: nothing */
	d = diff_of(a, a, 0);
	ck_assert_uint_eq(d->ncells, 0);
	for (size_t i = 0; i < d->nlines; i++)
		ck_assert_int_eq(d->lines[i].status, YS_DIFF_SAME);
	ys_diff_free(d);
	ys_doc_free(a);
	ys_doc_free(b);
	ys_budget_free(ba);
	ys_budget_free(bb);
}
END_TEST

static int64_t class_sum(const ys_budget *b, const char *cls)
{
	int64_t s = 0;
	for (size_t i = 0; i < b->nitems; i++)
		if (!strncmp(b->items[i].func, cls, 3))
			s += b->items[i].amount;
	return s;
}

/* A budget and the same budget with a few amounts changed and a project
 * disclosed or not: the cells, the change of every 类 as the items say,
 * and projects added or removed. */
START_TEST(changed_amounts_by_class_and_projects)
{
	SAN_SAMPLE(_i);
	uint64_t seed = 0x2545f4914f6cdd1dULL + (uint64_t)_i * 104729;
	rng = seed;
	int n = 2 + (int)(rnd() % 40);
	ys_budget *ba = random_budget(n);
	rng = seed;
	(void)rnd();
	ys_budget *bb = random_budget(n);
	int k = 1 + (int)(rnd() % 3);
	for (int m = 0; m < k; m++) {
		ys_item *it = &bb->items[rnd() % bb->nitems];
		int64_t delta = (int64_t)(rnd() % 1000000) + 1;
		it->amount += delta;
		if (it->carry)
			bb->carry[it->fund == YS_FS_UNIT ? 4 : it->fund] += delta;
		else
			bb->income[it->fund] += delta;
	}
	int flip = (int)(rnd() % (uint64_t)bb->nprojects);
	bb->projects[flip].disclosed = !bb->projects[flip].disclosed;
	ys_doc *a = compile_budget(ba), *b = compile_budget(bb);
	ys_diff *d = diff_of(a, b, 0);
	check_patch(a, b, d);
	static const char *const classes[] = { "201", "204", "205", "206", "208", "210", "212", "213", "221", "229" };
	for (size_t c = 0; c < YS_ARRAY_LEN(classes); c++) {
		int64_t oa = class_sum(ba, classes[c]), nb = class_sum(bb, classes[c]);
		const ys_diff_line *l = find_line(d, YS_DIFF_FUNC, classes[c]);
		if (!oa && !nb) {
			ck_assert_ptr_null(l);
			continue;
		}
		ck_assert_ptr_nonnull(l);
		ck_assert_int_eq(l->level, 1);
		ck_assert_int_eq(l->change, nb - oa);
		ck_assert_int_eq(l->status, !oa ? YS_DIFF_ADDED : !nb ? YS_DIFF_REMOVED : oa == nb ? YS_DIFF_SAME : YS_DIFF_CHANGED);
	}
	/* the flipped project: added or removed by its code, if it has money
	 * (table 12 lists a disclosed project with its items) */
	const ys_diff_line *p = find_line(d, YS_DIFF_PROJECT, bb->projects[flip].code);
	int64_t money = 0;
	for (size_t i = 0; i < bb->nitems; i++)
		if (bb->items[i].project == flip)
			money += bb->items[i].amount;
	if (p)
		ck_assert_int_eq(p->status, bb->projects[flip].disclosed ? YS_DIFF_ADDED : YS_DIFF_REMOVED);
	else
		ck_assert_int_eq(money, 0);
	ys_diff_free(d);
	ys_doc_free(a);
	ys_doc_free(b);
	ys_budget_free(ba);
	ys_budget_free(bb);
}
END_TEST

/* The seed with two cells edited: exactly those two (and the totals that
 * the edit of 03 does not touch stay), with amounts and per cents. */
START_TEST(seed_versions_name_the_edited_cells)
{
	ys_doc *a = read_seed(NULL, 0);
	static const edit e[] = {
		{ 53, "867.596000\t867.596000", "870.000000\t870.000000" },
		{ 267, "\t16.000000", "\t18.000000" },
	};
	ys_doc *b = read_seed(e, 2);
	ys_diff *d = diff_of(a, b, 0);
	ck_assert(d->versions);
	ck_assert_uint_eq(d->ncells, 3);
	ck_assert_str_eq(d->cells[0].tcode, "03");
	ck_assert_str_eq(d->cells[0].row, "2010350/50501/30101");
	ck_assert_str_eq(d->cells[0].col_id, "total");
	ck_assert_str_eq(d->cells[1].col_id, "basic");
	ck_assert_int_eq(d->cells[1].new_fen - d->cells[1].old_fen, 2404000);
	ck_assert_int_eq(d->cells[0].old_line, 53);
	ck_assert_str_eq(d->cells[2].tcode, "09");
	ck_assert_str_eq(d->cells[2].col_id, "reception");
	ck_assert_str_eq(d->cells[2].old_text, "16.000000");
	ck_assert_str_eq(d->cells[2].new_text, "18.000000");
	const ys_diff_line *l = find_line(d, YS_DIFF_SANGONG, "reception");
	ck_assert_ptr_nonnull(l);
	ck_assert_int_eq(l->change, 2000000);
	ck_assert_int_eq(l->pct, 125); /* 2 / 16 = 12.5 % */
	l = find_line(d, YS_DIFF_FUNC, "20103");
	ck_assert_ptr_nonnull(l);
	ck_assert_int_eq(l->change, 2404000);
	ck_assert_str_eq(l->name, "政府办公厅（室）及相关机构事务"); /* from the catalog: 03 prints 项 only */
	l = find_line(d, YS_DIFF_ECON, "30101");
	ck_assert_ptr_nonnull(l);
	ck_assert_int_eq(l->status, YS_DIFF_CHANGED);
	ck_assert_int_eq(ys_diff_changed(d, YS_DIFF_BASIC), 0); /* 06 was not edited */
	ys_buf out = YS_BUF_INIT;
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ck_assert_int_eq(ys_diff_render(&ctx, d, YS_DIFF_TEXT, &out), YS_OK);
	ck_assert_ptr_nonnull(strstr(out.s, "03表 2010350/50501/30101 · 合计：“867.596000” → “870.000000”"));
	ck_assert_ptr_nonnull(strstr(out.s, "公务接待费"));
	ck_assert_ptr_nonnull(strstr(out.s, "+12.5%"));
	ys_buf_reset(&out);
	ck_assert_int_eq(ys_diff_render(&ctx, d, YS_DIFF_JSON, &out), YS_OK);
	ck_assert_ptr_nonnull(strstr(out.s, "\"fen\": 2000000"));
	ck_assert_ptr_nonnull(strstr(out.s, "\"wanyuan\": \"2.000000\""));
	ys_buf_reset(&out);
	ck_assert_int_eq(ys_diff_render_html(&ctx, d, &out), YS_OK);
	ck_assert_ptr_nonnull(strstr(out.s, "<svg"));
	ck_assert_ptr_null(strstr(out.s, "http://"));
	ck_assert_ptr_null(strstr(out.s, "https://"));
	ys_buf_release(&out);
	ys_diff_free(d);
	ys_doc_free(a);
	ys_doc_free(b);
}
END_TEST

/* Two years of one department: no cell list unless asked; the year is what differs. */
START_TEST(two_years_compare_figures_only)
{
	ys_doc *a = read_seed(NULL, 0);
	ys_doc *b = read_seed(NULL, 0);
	b->year = 2027;
	ys_diff *d = diff_of(a, b, 0);
	ck_assert(!d->versions);
	ck_assert(!d->compared_cells);
	ck_assert_uint_eq(d->ncells, 0);
	ck_assert_uint_gt(d->nlines, 100);
	ys_diff_free(d);
	d = diff_of(a, b, 1);
	ck_assert(d->compared_cells);
	ck_assert_uint_eq(d->ncells, 0);
	ck_assert_int_gt(d->cells_compared, 1000);
	ys_diff_free(d);
	ys_doc_free(a);
	ys_doc_free(b);
}
END_TEST

START_TEST(per_cent_in_integers)
{
	int64_t p;
	ck_assert_int_eq(ys_diff_pct(0, 5, &p), -1);
	ck_assert_int_eq(ys_diff_pct(1, 1, &p), 0);
	ck_assert_int_eq(p, 1000);
	ck_assert_int_eq(ys_diff_pct(3, 1, &p), 0);
	ck_assert_int_eq(p, 333);
	ck_assert_int_eq(ys_diff_pct(2000, 1, &p), 0); /* 0.05 %: half away from zero */
	ck_assert_int_eq(p, 1);
	ck_assert_int_eq(ys_diff_pct(2000, -1, &p), 0);
	ck_assert_int_eq(p, -1);
	ck_assert_int_eq(ys_diff_pct(2001, 1, &p), 0);
	ck_assert_int_eq(p, 0);
	ck_assert_int_eq(ys_diff_pct(-4, 1, &p), 0); /* of the size of old */
	ck_assert_int_eq(p, 250);
	ck_assert_int_eq(ys_diff_pct(INT64_MAX, INT64_MAX, &p), 0);
	ck_assert_int_eq(p, 1000);
	ck_assert_int_eq(ys_diff_pct(1, INT64_MAX, &p), -1); /* beyond int64 tenths */
	char buf[32];
	ck_assert_str_eq(ys_diff_pct_text(125, buf), "+12.5%");
	ck_assert_str_eq(ys_diff_pct_text(-5, buf), "-0.5%");
	ck_assert_str_eq(ys_diff_pct_text(0, buf), "0.0%");
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("diff");
	TCase *tc = tcase_create("diff");
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, random_budgets_every_changed_cell_and_nothing_else, 0, 40);
	tcase_add_loop_test(tc, changed_amounts_by_class_and_projects, 0, 40);
	tcase_add_test(tc, seed_versions_name_the_edited_cells);
	tcase_add_test(tc, two_years_compare_figures_only);
	tcase_add_test(tc, per_cent_in_integers);
	suite_add_tcase(s, tc);
	return s;
}
