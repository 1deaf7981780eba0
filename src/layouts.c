/*
 * layouts.c - the layout descriptions, parsed (see layouts_int.h and
 * docs/layouts.md for the format).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "layouts_int.h"
#include "yusuan/text.h"

extern const char ys_layouts_general[];

static const char *key(ys_arena *a, const char *s)
{
	ys_buf b = YS_BUF_INIT;
	ys_label_key(&b, s, strlen(s));
	const char *k = ys_arena_strndup(a, b.s ? b.s : "", b.len);
	ys_buf_release(&b);
	return k;
}

/* A role or kind name: lower-case ASCII letters, digits and _. */
static int ident(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

static ys_result words(ys_ctx *ctx, const char *name, int line, ys_arena *a, ys_lwords *g, char *list)
{
	char *save = NULL;
	for (char *w = strtok_r(list, "|", &save); w; w = strtok_r(NULL, "|", &save)) {
		if (g->n >= YS_LAYOUT_ALTS)
			return ys_error(ctx, YS_EPARSE, "%s:%d: 一条描述的词超过 %d 个", name, line, YS_LAYOUT_ALTS);
		/* =WORD: the whole label, not a word in it */
		const char *k = key(a, w[0] == '=' ? w + 1 : w);
		if (k && w[0] == '=')
			k = ys_arena_printf(a, "=%s", k);
		if (!k)
			return ys_error(ctx, YS_ENOMEM, "内存不足");
		if (k[0] == '=' && !k[1])
			return ys_error(ctx, YS_EPARSE, "%s:%d: = 后缺少词", name, line);
		g->w[g->n++] = k;
	}
	if (g->n == 0)
		return ys_error(ctx, YS_EPARSE, "%s:%d: 缺少词（以 | 分隔）", name, line);
	return YS_OK;
}

static int known_role(const ys_layouts *l, const char *role)
{
	if (!strcmp(role, "total"))
		return 1;
	for (int i = 0; i < l->ncols; i++)
		if (!strcmp(l->cols[i].role, role))
			return 1;
	return 0;
}

ys_result ys_layouts_parse(ys_ctx *ctx, const char *name, const char *text, ys_layouts *out)
{
	memset(out, 0, sizeof *out);
	ys_arena_init(&out->arena);
	ys_arena *a = &out->arena;
	char *copy = ys_arena_strdup(a, text);
	if (!copy)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	int lineno = 0, sumline[32] = { 0 };
	for (char *ln = copy, *next; ln; ln = next) {
		next = strchr(ln, '\n');
		if (next)
			*next++ = 0;
		lineno++;
		char *hash = strchr(ln, '#');
		if (hash)
			*hash = 0;
		char *f[64];
		int nf = 0;
		for (char *sp, *w = strtok_r(ln, " \t\r", &sp); w; w = strtok_r(NULL, " \t\r", &sp)) {
			if (nf == 64)
				return ys_error(ctx, YS_EPARSE, "%s:%d: 一行的字段超过 64 个", name, lineno);
			f[nf++] = w;
		}
		if (nf == 0)
			continue;
		if (!strcmp(f[0], "table")) {
			if (nf < 5)
				return ys_error(ctx, YS_EPARSE, "%s:%d: table 需要 KIND NAME BEIJING 和至少一个词", name,
				                lineno);
			if (!ident(f[1]))
				return ys_error(ctx, YS_EPARSE, "%s:%d: 表类“%s”应由小写字母、数字和 _ 组成", name, lineno,
				                f[1]);
			if (strcmp(f[3], "-") && !(strlen(f[3]) == 2 && f[3][0] >= '0' && f[3][0] <= '1' && f[3][1] >= '0' &&
			                          f[3][1] <= '9'))
				return ys_error(ctx, YS_EPARSE, "%s:%d: BEIJING 应为两位表号（01–13）或 -，而不是“%s”", name,
				                lineno, f[3]);
			if (out->nkinds >= (int)(sizeof out->kinds / sizeof out->kinds[0]))
				return ys_error(ctx, YS_EPARSE, "%s:%d: table 描述超过 %d 条", name, lineno,
				                (int)(sizeof out->kinds / sizeof out->kinds[0]));
			ys_lkind *k = &out->kinds[out->nkinds++];
			k->id = ys_arena_strdup(a, f[1]);
			k->name = ys_arena_strdup(a, f[2]);
			k->beijing = strcmp(f[3], "-") ? ys_arena_strdup(a, f[3]) : NULL;
			for (int i = 4; i < nf; i++) {
				int not = f[i][0] == '!';
				if ((not ? k->nnot : k->nreq) >= YS_LAYOUT_WORDS)
					return ys_error(ctx, YS_EPARSE, "%s:%d: 一条 table 描述的词超过 %d 个", name, lineno,
					                YS_LAYOUT_WORDS);
				if (not && !f[i][1])
					return ys_error(ctx, YS_EPARSE, "%s:%d: ! 后缺少词", name, lineno);
				const char *w = key(a, f[i] + not);
				if (!w)
					return ys_error(ctx, YS_ENOMEM, "内存不足");
				if (not)
					k->not[k->nnot++] = w;
				else
					k->req[k->nreq++] = w;
			}
			if (!k->nreq)
				return ys_error(ctx, YS_EPARSE, "%s:%d: table 至少要有一个不带 ! 的词", name, lineno);
		} else if (!strcmp(f[0], "column") || !strcmp(f[0], "label")) {
			int col = f[0][0] == 'c';
			if (nf != 3)
				return ys_error(ctx, YS_EPARSE, "%s:%d: %s 需要 ROLE 和 WORD|WORD…两个字段", name, lineno, f[0]);
			if (!ident(f[1]))
				return ys_error(ctx, YS_EPARSE, "%s:%d: 角色“%s”应由小写字母、数字和 _ 组成", name, lineno,
				                f[1]);
			int *n = col ? &out->ncols : &out->nlabels;
			int cap = col ? (int)(sizeof out->cols / sizeof out->cols[0])
			              : (int)(sizeof out->labels / sizeof out->labels[0]);
			if (*n >= cap)
				return ys_error(ctx, YS_EPARSE, "%s:%d: %s 描述超过 %d 条", name, lineno, f[0], cap);
			ys_lwords *g = col ? &out->cols[(*n)++] : &out->labels[(*n)++];
			g->role = ys_arena_strdup(a, f[1]);
			ys_result e = words(ctx, name, lineno, a, g, f[2]);
			if (e)
				return e;
		} else if (!strcmp(f[0], "empty")) {
			if (nf != 2)
				return ys_error(ctx, YS_EPARSE, "%s:%d: empty 需要 WORD|WORD…一个字段", name, lineno);
			out->empty.role = "empty";
			ys_result e = words(ctx, name, lineno, a, &out->empty, f[1]);
			if (e)
				return e;
		} else if (!strcmp(f[0], "sum")) {
			/* sum ROLE = ROLE + ROLE ... */
			if (nf < 6 || strcmp(f[2], "=") || nf % 2 == 1)
				return ys_error(ctx, YS_EPARSE, "%s:%d: sum 应写作 sum ROLE = ROLE + ROLE …", name, lineno);
			if (out->nsums >= (int)(sizeof out->sums / sizeof out->sums[0]))
				return ys_error(ctx, YS_EPARSE, "%s:%d: sum 描述超过 %d 条", name, lineno,
				                (int)(sizeof out->sums / sizeof out->sums[0]));
			sumline[out->nsums] = lineno;
			ys_lsum *s = &out->sums[out->nsums++];
			s->lhs = ys_arena_strdup(a, f[1]);
			for (int i = 3; i < nf; i += 2) {
				if (i > 3 && strcmp(f[i - 1], "+"))
					return ys_error(ctx, YS_EPARSE, "%s:%d: sum 的各项之间应为 +，而不是“%s”", name, lineno,
					                f[i - 1]);
				if (!ident(f[i]))
					return ys_error(ctx, YS_EPARSE, "%s:%d: 角色“%s”应由小写字母、数字和 _ 组成", name,
					                lineno, f[i]);
				if (s->nparts >= YS_LAYOUT_PARTS)
					return ys_error(ctx, YS_EPARSE, "%s:%d: sum 的项超过 %d 个", name, lineno,
					                YS_LAYOUT_PARTS);
				s->parts[s->nparts++] = ys_arena_strdup(a, f[i]);
			}
		} else {
			return ys_error(ctx, YS_EPARSE, "%s:%d: 无法理解的描述“%s”：应为 table、column、label、empty 或 sum",
			                name, lineno, f[0]);
		}
	}
	/* a sum names roles that column statements give */
	for (int i = 0; i < out->nsums; i++) {
		const ys_lsum *s = &out->sums[i];
		if (!known_role(out, s->lhs))
			return ys_error(ctx, YS_EPARSE, "%s:%d: sum 的角色“%s”没有 column 描述", name, sumline[i], s->lhs);
		for (int k = 0; k < s->nparts; k++)
			if (!known_role(out, s->parts[k]))
				return ys_error(ctx, YS_EPARSE, "%s:%d: sum 的角色“%s”没有 column 描述", name, sumline[i],
				                s->parts[k]);
	}
	if (out->nkinds == 0)
		return ys_error(ctx, YS_EPARSE, "%s: 没有 table 描述", name);
	return YS_OK;
}

void ys_layouts_release(ys_layouts *l)
{
	ys_arena_release(&l->arena);
	memset(l, 0, sizeof *l);
}

static struct {
	ys_layouts l;
	ys_ctx ctx;
	int ok;
} B;
static pthread_once_t b_once = PTHREAD_ONCE_INIT;

static void load(void)
{
	ys_ctx_init(&B.ctx);
	B.ok = ys_layouts_parse(&B.ctx, "data/layouts/general.txt", ys_layouts_general, &B.l) == YS_OK;
}

const ys_layouts *ys_layouts_builtin(ys_ctx *ctx)
{
	pthread_once(&b_once, load);
	if (!B.ok && ctx)
		ys_error(ctx, B.ctx.code ? B.ctx.code : YS_EPARSE, "%s", B.ctx.msg);
	return B.ok ? &B.l : NULL;
}

const char *ys_layouts_role(const ys_lwords *set, int n, const char *k, int exact, size_t *wlen)
{
	const char *best = NULL;
	size_t blen = 0;
	for (int i = 0; i < n; i++)
		for (int j = 0; j < set[i].n; j++) {
			const char *w = set[i].w[j];
			int whole = w[0] == '=';
			size_t wl = strlen(w + whole);
			int hit = exact || whole ? !strcmp(k, w + whole) : strstr(k, w) != NULL;
			if (hit && wl > blen) {
				best = set[i].role;
				blen = wl;
			}
		}
	if (wlen)
		*wlen = blen;
	return best;
}

int ys_layouts_summed(const ys_layouts *l, const char *role)
{
	for (int i = 0; i < l->nsums; i++) {
		if (!strcmp(l->sums[i].lhs, role))
			return 1;
		for (int k = 0; k < l->sums[i].nparts; k++)
			if (!strcmp(l->sums[i].parts[k], role))
				return 1;
	}
	return 0;
}
