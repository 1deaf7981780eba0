/*
 * read/csvdir.c - a detailed budget from a folder of CSV files, one per
 * sheet (id.csv, 中文名.csv or an alias; docs/input-format.md): each file
 * decoded, split by the one CSV parser (csv.c) and its records given to the
 * sheet reader (read/detail.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csv.h"
#include "input_int.h"
#include "yusuan/text.h"
#include "base_int.h"

typedef struct csvsrc {
	ys_recsrc base;
	ys_csv csv;
	char *text;
} csvsrc;

static int csv_next(ys_recsrc *s, ys_ctx *ctx)
{
	csvsrc *c = (csvsrc *)s;
	int k = ys_csv_next(&c->csv, ctx);
	s->f = c->csv.f;
	s->nf = k > 0 ? c->csv.nf : 0;
	return k;
}

/* Find the CSV of a sheet in dir: id.csv, 中文名.csv or an alias. */
static int sheet_file(const char *dir, int s, char *path, size_t cap)
{
	char names[512];
	snprintf(names, sizeof names, "%s|%s|%s", ys_input_sheet_id(s), ys_input_sheet_zh(s), ys_input_sheet_aliases(s));
	const char *p = names;
	while (p && *p) {
		const char *bar = strchr(p, '|');
		size_t l = bar ? (size_t)(bar - p) : strlen(p);
		if ((size_t)snprintf(path, cap, "%s/%.*s.csv", dir, (int)l, p) < cap) {
			struct stat st;
			if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
				return 1;
		}
		p = bar ? bar + 1 : NULL;
	}
	return 0;
}

ys_result ys_input_csvdir_read(ys_ctx *ctx, const char *dir, ys_diags *dl, ys_budget **out)
{
	*out = NULL;
	struct stat st;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return ys_error(ctx, YS_EIO, "%s: 不是文件夹：应为 CSV 文件的文件夹（yusuan init DIR 可生成）", dir);
	ys_budget *b = ys_budget_new("", 0);
	void *state = ys_input_state_new(dl);
	if (!b || !state) {
		ys_budget_free(b);
		ys_input_state_free(state);
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	}
	ys_result res = YS_OK;
	for (int s = 0; s < ys_input_nsheets() && !res; s++) {
		char path[4096];
		if (!sheet_file(dir, s, path, sizeof path)) {
			if (ys_input_sheet_required(s))
				res = ys_input_note(state, ctx, s, YS_EIO, dir, "没有 %s.csv（%s）：此表必填", ys_input_sheet_id(s),
				                    ys_input_sheet_zh(s));
			continue;
		}
		char *raw, *text;
		size_t n, tl;
		ys_encoding enc;
		if (ys_file_read(ctx, path, &raw, &n)) {
			res = ys_input_note_ctx(state, ctx, s);
			continue;
		}
		if (n == 0) {
			free(raw);
			if (ys_input_sheet_required(s))
				res = ys_input_note(state, ctx, s, YS_EEMPTY, path, "文件是空的：%s表必填", ys_input_sheet_zh(s));
			continue;
		}
		ys_result dr = ys_text_decode(ctx, path, raw, n, &text, &tl, &enc);
		free(raw);
		if (dr) {
			res = ys_input_note_ctx(state, ctx, s);
			continue;
		}
		csvsrc c;
		memset(&c, 0, sizeof c);
		c.base.name = ys_arena_strdup(&b->arena, path);
		c.base.next = csv_next;
		if (!c.base.name) {
			free(text);
			res = ys_error(ctx, YS_ENOMEM, "内存不足");
			break;
		}
		ys_csv_init(&c.csv, c.base.name, text, tl, ',');
		res = ys_input_read_sheet(ctx, b, s, &c.base, state);
		ys_csv_release(&c.csv);
		free(text);
	}
	res = ys_input_finish(ctx, b, dir, state, res);
	ys_input_state_free(state);
	if (res) {
		ys_budget_free(b);
		return res;
	}
	*out = b;
	return YS_OK;
}
