/*
 * write/story.c - the 情况说明 as blocks: the values the templates read
 * (figures, changes, the department's texts), the sections of a template
 * folder in file order with the department's own wording put in, each
 * evaluated and split into parts, headings, numbered paragraphs and
 * paragraphs, then numbered (一、 （一） 1.) the way Beijing numbers them.
 *
 * A section is a file NN-name.txt of the folder; title.txt holds the
 * title's lines.  In a section's text, after evaluation:
 *   = text     a part (第一部分 …)
 *   # text     a heading of level 1 (一、), ## level 2 (（一）), ### level 3 (1.)
 *   + text     a numbered paragraph of level 1, ++ level 2, +++ level 3
 *   text       a paragraph; lines that follow each other are one paragraph,
 *              an empty line ends it
 * A level-1 heading or paragraph starts levels 2 and 3 over; a part starts
 * every level over.  (Beijing numbers the 收入 items 1–10 across its
 * （一）（二）（三）: level 3 goes on under a new level 2.)
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yusuan/catalog.h"
#include "yusuan/input.h"
#include "yusuan/money.h"
#include "yusuan/text.h"
#include "yusuan/write.h"

#define SECTIONS_MAX 64

const char *ys_templates_default_root(char *buf, size_t cap)
{
	char dir[4096];
	if (!ys_data_dir(dir, sizeof dir))
		return NULL;
	int n = snprintf(buf, cap, "%s/templates", dir);
	return n >= 0 && (size_t)n < cap ? buf : NULL;
}

/* ---- the values ---- */

/* The figures by the names templates give them. */
static const struct {
	ys_figid fig;
	const char *name;
} fignames[] = {
	{ YS_FIG_INCOME, "income" },         { YS_FIG_INCOME_CUR, "income_cur" }, { YS_FIG_FISCAL_IN, "fiscal_in" },
	{ YS_FIG_GP_IN, "gp_in" },           { YS_FIG_GF_IN, "gf_in" },           { YS_FIG_SOC_IN, "soc_in" },
	{ YS_FIG_OTHER_IN, "other_in" },     { YS_FIG_SPECIAL_IN, "special_in" }, { YS_FIG_SHIYE_IN, "shiye_in" },
	{ YS_FIG_UPPER_IN, "upper_in" },     { YS_FIG_AFFIL_IN, "affil_in" },     { YS_FIG_OPER_IN, "oper_in" },
	{ YS_FIG_OTHERINC_IN, "otherinc_in" }, { YS_FIG_CARRY, "carry" },         { YS_FIG_EXPEND, "expend" },
	{ YS_FIG_EXPEND_CUR, "expend_cur" }, { YS_FIG_BASIC, "basic" },           { YS_FIG_PROJECT, "project" },
	{ YS_FIG_OPER_OUT, "oper_out" },     { YS_FIG_UPPER_OUT, "upper_out" },   { YS_FIG_SUBSID_OUT, "subsid_out" },
	{ YS_FIG_YEAREND, "yearend" },       { YS_FIG_FISCAL_OUT, "fiscal_out" }, { YS_FIG_GP_OUT, "gp_out" },
	{ YS_FIG_GF_OUT, "gf_out" },         { YS_FIG_SOC_OUT, "soc_out" },       { YS_FIG_PERSONNEL, "personnel" },
	{ YS_FIG_PUBLIC, "public" },         { YS_FIG_SANGONG, "sangong" },       { YS_FIG_ABROAD, "sangong.abroad" },
	{ YS_FIG_RECEPTION, "sangong.reception" }, { YS_FIG_CAR, "sangong.car" }, { YS_FIG_CAR_BUY, "sangong.car_buy" },
	{ YS_FIG_CAR_RUN, "sangong.car_run" }, { YS_FIG_ADMIN, "admin" },         { YS_FIG_PROC, "proc" },
	{ YS_FIG_PROC_GOODS, "proc.goods" }, { YS_FIG_PROC_WORKS, "proc.works" }, { YS_FIG_PROC_SERV, "proc.services" },
	{ YS_FIG_SERVICES, "services" },     { YS_FIG_PERF, "perf" },
};

/* A reason as the text prints it: without its final 。 (the template ends the sentence). */
static char *reason_text(const char *s)
{
	const char *p = s;
	size_t n = strlen(s);
	ys_trim(&p, &n);
	static const char *const ends[] = { "。", "；", "，", ".", ";", "," };
	for (int again = 1; again && n;) {
		again = 0;
		for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
			size_t l = strlen(ends[i]);
			if (n >= l && !memcmp(p + n - l, ends[i], l)) {
				n -= l;
				again = 1;
			}
		}
	}
	char *r = malloc(n + 1);
	if (r) {
		memcpy(r, p, n);
		r[n] = '\0';
	}
	return r;
}

/* An amount as the text prints it: to 0.01 万元, half up. */
static int64_t shown(int64_t fen)
{
	int64_t r;
	return ys_money_round(fen, 10000, YS_ROUND_HALF_UP, &r) ? fen : r;
}

/* The change's fields under prefix ("income." or "" for a list's record).
 * The text's change is that of the two figures as it prints them, so that
 * a reader recomputing it from the text gets what it says (0.06 and 0.06
 * 万元 are 持平, whatever their 分); its rate is the exact figures' (within
 * the rounding of the printed ones); whether a reason is needed is the
 * exact figures' matter too. */
static void change_vals(ys_vals *v, const char *prefix, const ys_change *c)
{
	char name[160];
#define N(s) (snprintf(name, sizeof name, "%s%s", prefix, s), name)
	int64_t cur = shown(c->cur), prev = shown(c->prev), diff = cur - prev;
	ys_vals_int(v, N("has_prev"), 1);
	ys_vals_money(v, N("prev"), c->prev);
	ys_vals_money(v, N("diff"), diff);
	ys_vals_money(v, N("change"), diff < 0 ? -diff : diff);
	ys_vals_int(v, N("dir"), diff > 0 ? 1 : diff < 0 ? -1 : 0);
	if (c->rate >= 0 && diff)
		ys_vals_percent(v, N("rate"), c->rate);
	ys_vals_int(v, N("needs_reason"), c->needs_reason);
	ys_vals_int(v, N("new"), c->prev == 0 && c->cur != 0);
	ys_vals_int(v, N("gone"), c->cur == 0 && c->prev != 0);
	if (c->reason && c->reason->text[0]) {
		char *r = reason_text(c->reason->text);
		if (r && r[0])
			ys_vals_text(v, N("reason"), r);
		free(r);
	}
#undef N
}

static ys_vals *make_vals(const ys_figures *F, const ys_changes *C, const ys_budget *b)
{
	ys_vals *v = ys_vals_new();
	if (!v)
		return NULL;
	ys_vals_text(v, "dept", F->department);
	ys_vals_int(v, "year", F->year);
	ys_vals_int(v, "prev_year", C ? C->prev_year : F->year - 1);
	ys_vals_int(v, "prev", C != NULL);
	for (size_t i = 0; i < sizeof fignames / sizeof fignames[0]; i++)
		if (F->has[fignames[i].fig])
			ys_vals_money(v, fignames[i].name, F->v[fignames[i].fig]);
	int64_t cur = F->v[YS_FIG_EXPEND_CUR];
	if (F->has[YS_FIG_EXPEND_CUR] && cur > 0) {
		ys_vals_percent(v, "basic.share", ys_write_share(F->v[YS_FIG_BASIC], cur));
		ys_vals_percent(v, "project.share", ys_write_share(F->v[YS_FIG_PROJECT], cur));
	}
	ys_vals_int(v, "units.count", F->nunits);
	ys_vals_int(v, "jiguan.count", F->njiguan > 0 ? F->njiguan : 0);
	for (int u = 0; F->units && u < F->nunits; u++) {
		ys_vals *r = ys_vals_list_add(v, "units");
		if (r)
			ys_vals_text(r, "name", F->units[u]);
	}
	if (F->vehicles >= 0)
		ys_vals_int(v, "assets.vehicles", F->vehicles);
	if (F->equip >= 0)
		ys_vals_int(v, "assets.equip", F->equip);
	if (F->equip_new >= 0)
		ys_vals_int(v, "assets.equip_new", F->equip_new);
	ys_vals_int(v, "projects.count", F->nprojects);
	/* the changes of the figures */
	for (int i = 0; C && i < C->n; i++) {
		const ys_change *c = &C->v[i];
		if (c->subj->fig < 0)
			continue;
		char prefix[128];
		snprintf(prefix, sizeof prefix, "%s.", c->subj->id);
		change_vals(v, prefix, c);
	}
	/* 一般公共预算 by 类, 款, 项: this year's, and last year's gone ones */
	static const char *const lists[4] = { NULL, "classes", "kuan", "xiang" };
	for (int level = 1; level <= 3; level++) {
		for (int i = 0; i < F->ncls; i++) {
			const ys_figclass *k = &F->cls[i];
			if (k->level != level)
				continue;
			ys_vals *r = ys_vals_list_add(v, lists[level]);
			if (!r)
				break;
			ys_vals_text(r, "code", k->code);
			ys_vals_text(r, "name", k->name);
			ys_vals_money(r, "amount", k->amount);
			ys_vals_money(r, "basic", k->basic);
			ys_vals_money(r, "project", k->project);
			ys_vals_int(r, "has_prev", 0);
			const ys_change *c = ys_changes_find(C, k->code);
			if (c)
				change_vals(r, "", c);
		}
		for (int i = 0; C && i < C->n; i++) {
			const ys_change *c = &C->v[i];
			if (c->subj->fig >= 0 || c->subj->level != level || c->how != YS_MATCH_GONE)
				continue;
			ys_vals *r = ys_vals_list_add(v, lists[level]);
			if (!r)
				break;
			ys_vals_text(r, "code", c->code);
			ys_vals_text(r, "name", c->name);
			ys_vals_money(r, "amount", 0);
			change_vals(r, "", c);
		}
	}
	/* the department's texts */
	for (int i = 0; b && i < b->ntexts; i++) {
		char name[512];
		snprintf(name, sizeof name, "text.%s", b->texts[i].name);
		ys_vals_text(v, name, b->texts[i].text);
	}
	return v;
}

/* ---- the sections ---- */

typedef struct section {
	char id[64];
	char file[512];
} section;

static int cmp_section(const void *a, const void *b)
{
	return strcmp(((const section *)a)->file, ((const section *)b)->file);
}

/* The sections of dir: NN-id.txt, in name order. */
static ys_result sections(ys_ctx *ctx, const char *dir, section *out, int *n)
{
	*n = 0;
	DIR *d = opendir(dir);
	if (!d)
		return ys_error(ctx, YS_EIO, "%s：打不开模板文件夹", dir);
	struct dirent *e;
	while ((e = readdir(d))) {
		const char *s = e->d_name;
		size_t l = strlen(s);
		if (l < 8 || strcmp(s + l - 4, ".txt") || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' || s[2] != '-')
			continue;
		if (*n >= SECTIONS_MAX) {
			closedir(d);
			return ys_error(ctx, YS_ELIMIT, "%s：模板的节多于 %d 个", dir, SECTIONS_MAX);
		}
		section *x = &out[(*n)++];
		snprintf(x->id, sizeof x->id, "%.*s", (int)(l - 7), s + 3);
		snprintf(x->file, sizeof x->file, "%s", s);
	}
	closedir(d);
	if (*n)
		qsort(out, (size_t)*n, sizeof *out, cmp_section);
	if (*n == 0)
		return ys_error(ctx, YS_ENOTFOUND, "%s：没有模板的节（NN-名称.txt）", dir);
	return YS_OK;
}

/* ---- blocks ---- */

typedef struct bld {
	ys_story *s;
	size_t cap;
	ys_buf para;      /* the paragraph being joined */
	ys_bkind kind;
	int level;
	int open;         /* a block is being joined */
	const char *section;
} bld;

static int add_block(bld *B, ys_bkind kind, int level, const char *text, size_t n)
{
	ys_story *s = B->s;
	if (ys_grow((void **)&s->b, &B->cap, (size_t)s->n + 1, sizeof *s->b))
		return -1;
	ys_block *x = &s->b[s->n];
	memset(x, 0, sizeof *x);
	x->kind = kind;
	x->level = level;
	x->marker = "";
	x->section = B->section;
	if (!(x->text = ys_arena_strndup(&s->arena, text, n)))
		return -1;
	s->n++;
	return 0;
}

static int flush(bld *B)
{
	if (!B->open)
		return 0;
	B->open = 0;
	const char *t = B->para.s;
	size_t n = B->para.len;
	ys_trim(&t, &n);
	int r = n ? add_block(B, B->kind, B->level, t, n) : 0;
	ys_buf_reset(&B->para);
	return r;
}

static int ascii_word(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Add a line to the paragraph: no space between lines, but between two
 * Latin words or numbers. */
static void join(bld *B, const char *l, size_t n)
{
	while (n && (*l == ' ' || *l == '\t'))
		l++, n--;
	while (n && (l[n - 1] == ' ' || l[n - 1] == '\t'))
		n--;
	if (B->para.len && n && ascii_word((unsigned char)B->para.s[B->para.len - 1]) && ascii_word((unsigned char)l[0]))
		ys_buf_addc(&B->para, ' ');
	ys_buf_add(&B->para, l, n);
}

/* Split a section's evaluated text into blocks. */
static int split(bld *B, const char *text)
{
	for (const char *l = text; *l;) {
		size_t n = strcspn(l, "\n");
		const char *p = l;
		size_t m = n;
		while (m && (*p == ' ' || *p == '\t'))
			p++, m--;
		int marks = 0;
		char mc = m ? *p : 0;
		if (mc == '=' || mc == '#' || mc == '+')
			while (marks < (int)m && p[marks] == mc)
				marks++;
		int tagged = marks && marks <= (mc == '=' ? 1 : 3) && (int)m > marks && (p[marks] == ' ' || p[marks] == '\t');
		if (!m) {
			if (flush(B))
				return -1;
		} else if (tagged) {
			if (flush(B))
				return -1;
			B->open = 1;
			B->kind = mc == '=' ? YS_B_PART : mc == '#' ? YS_B_HEADING : YS_B_ITEM;
			B->level = mc == '=' ? 0 : marks;
			join(B, p + marks, m - (size_t)marks);
			if (mc != '+' && flush(B)) /* parts and headings are one line */
				return -1;
		} else {
			if (!B->open) {
				B->open = 1;
				B->kind = YS_B_PARA;
				B->level = 0;
			}
			join(B, p, m);
		}
		l += n + (l[n] == '\n');
	}
	return flush(B);
}

/* 一 … 九十九 */
static void cn_number(int k, char *buf, size_t cap)
{
	static const char *const d[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
	if (k < 10)
		snprintf(buf, cap, "%s", d[k]);
	else if (k < 20)
		snprintf(buf, cap, "十%s", d[k % 10]);
	else if (k < 100)
		snprintf(buf, cap, "%s十%s", d[k / 10], d[k % 10]);
	else
		snprintf(buf, cap, "%d", k);
}

static int number(ys_story *s)
{
	int cnt[4] = { 0 };
	for (int i = 0; i < s->n; i++) {
		ys_block *b = &s->b[i];
		if (b->kind == YS_B_PART) {
			memset(cnt, 0, sizeof cnt);
			continue;
		}
		if (b->kind == YS_B_PARA || b->level < 1 || b->level > 3)
			continue;
		int k = ++cnt[b->level];
		if (b->level == 1)
			cnt[2] = cnt[3] = 0;
		char num[32], m[48];
		cn_number(k, num, sizeof num);
		if (b->level == 1)
			snprintf(m, sizeof m, "%s、", num);
		else if (b->level == 2)
			snprintf(m, sizeof m, "（%s）", num);
		else
			snprintf(m, sizeof m, "%d.", k);
		if (!(b->marker = ys_arena_strdup(&s->arena, m)))
			return -1;
	}
	return 0;
}

/* ---- the story ---- */

static const ys_text *own_text(const ys_budget *b, const char *name)
{
	for (int i = 0; b && i < b->ntexts; i++)
		if (ys_name_eq(b->texts[i].name, name))
			return &b->texts[i];
	return NULL;
}

/* Evaluate one template text (a file's or the department's) into out. */
static ys_result eval_text(ys_ctx *ctx, const char *name, const char *text, const ys_vals *v, ys_buf *out)
{
	ys_tpl *t = NULL;
	ys_result r = ys_tpl_parse(ctx, name, text, &t);
	if (!r)
		r = ys_tpl_eval(ctx, t, v, out);
	ys_tpl_free(t);
	return r;
}

ys_result ys_story_make(ys_ctx *ctx, const ys_doc *doc, const ys_story_opts *o, ys_story **out)
{
	*out = NULL;
	char dirbuf[4200], root[4096];
	const char *dir = o->tpldir;
	if (!dir) {
		if (!ys_templates_default_root(root, sizeof root))
			return ys_error(ctx, YS_EINVAL, "模板文件夹的名字太长");
		snprintf(dirbuf, sizeof dirbuf, "%s/beijing", root);
		dir = dirbuf;
	}
	section *secs = calloc(SECTIONS_MAX, sizeof *secs);
	if (!secs)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	int nsec = 0;
	ys_result res = sections(ctx, dir, secs, &nsec);
	if (res) {
		free(secs);
		return res;
	}
	ys_figures *F = NULL;
	if ((res = ys_figures_make(ctx, doc, o->budget, o->cat, &F))) {
		free(secs);
		return res;
	}
	ys_vals *v = make_vals(F, o->changes, o->budget);
	ys_story *s = calloc(1, sizeof *s);
	if (!v || ys_vals_oom(v) || !s) {
		free(s);
		ys_vals_free(v);
		ys_figures_free(F);
		free(secs);
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	}
	ys_arena_init(&s->arena);
	s->department = ys_arena_strdup(&s->arena, F->department);
	s->year = F->year;
	s->tables_part = -1;
	bld B;
	memset(&B, 0, sizeof B);
	B.s = s;
	ys_buf_init(&B.para);
	ys_buf text = YS_BUF_INIT, evald = YS_BUF_INIT;
	/* the title */
	char path[4608];
	snprintf(path, sizeof path, "%s/title.txt", dir);
	char *raw = NULL;
	size_t len;
	const ys_text *own = own_text(o->budget, "title");
	if (own) {
		res = eval_text(ctx, "文字表 title", own->text, v, &evald);
	} else if (!ys_file_read(ctx, path, &raw, &len)) {
		res = eval_text(ctx, path, raw, v, &evald);
		free(raw);
	} else {
		ys_ctx_init(ctx);
		ys_buf_addf(&evald, "%s\n%d年度部门预算信息公开", F->department, F->year);
	}
	if (!res) {
		const char *t = evald.s;
		size_t n = evald.len;
		ys_trim(&t, &n);
		while (n && t[n - 1] == '\n')
			n--;
		s->title = ys_arena_strndup(&s->arena, t, n);
	}
	for (int i = 0; !res && i < nsec; i++) {
		ys_buf_reset(&text);
		ys_buf_reset(&evald);
		B.section = ys_arena_strdup(&s->arena, secs[i].id);
		own = own_text(o->budget, secs[i].id);
		if (own) {
			if (!own->text[0])
				continue; /* the department leaves the section out */
			char at[1200], where[1300];
			snprintf(where, sizeof where, "%s（内容）", ys_input_place(own->pos, at, sizeof at));
			res = eval_text(ctx, where, own->text, v, &evald);
		} else {
			int pn = snprintf(path, sizeof path, "%s/%s", dir, secs[i].file);
			if (pn < 0 || (size_t)pn >= sizeof path)
				res = ys_error(ctx, YS_ELIMIT, "%s/%s：路径超过 %zu 字节", dir, secs[i].file, sizeof path - 1);
			else if (!(res = ys_file_read(ctx, path, &raw, &len))) {
				res = eval_text(ctx, path, raw, v, &evald);
				free(raw);
			}
		}
		if (!res && split(&B, evald.s))
			res = ys_error(ctx, YS_ENOMEM, "内存不足");
	}
	if (!res && number(s))
		res = ys_error(ctx, YS_ENOMEM, "内存不足");
	for (int i = 0; i < s->n; i++)
		if (s->b[i].kind == YS_B_PART)
			s->tables_part = i;
	if (!res && (text.oom || evald.oom || !s->department || !s->title))
		res = ys_error(ctx, YS_ENOMEM, "内存不足");
	ys_buf_release(&text);
	ys_buf_release(&evald);
	ys_buf_release(&B.para);
	ys_vals_free(v);
	ys_figures_free(F);
	free(secs);
	if (res) {
		ys_story_free(s);
		return res;
	}
	*out = s;
	return YS_OK;
}

void ys_story_free(ys_story *s)
{
	if (!s)
		return;
	free(s->b);
	ys_arena_release(&s->arena);
	free(s);
}

ys_result ys_story_names_doc(ys_ctx *ctx, const ys_doc *doc, const ys_story_opts *o, ys_buf *out)
{
	ys_figures *F = NULL;
	ys_result res = ys_figures_make(ctx, doc, o->budget, o->cat, &F);
	if (res)
		return res;
	ys_vals *v = make_vals(F, o->changes, o->budget);
	if (!v || ys_vals_oom(v))
		res = ys_error(ctx, YS_ENOMEM, "内存不足");
	else
		ys_vals_doc(v, out);
	ys_vals_free(v);
	ys_figures_free(F);
	return res;
}
