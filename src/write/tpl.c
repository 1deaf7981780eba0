/*
 * write/tpl.c - the template language of the 情况说明's sections
 * (docs/report.md): text with named slots {name}, conditionals chosen by
 * the numbers {if x > 0}…{elif …}…{else}…{end}, lists {each l}…{sep}…{end}
 * and a word chosen by a sign {choose x|增加|减少|持平}.  Nothing else: no
 * assignment, no arithmetic, no loops but over the lists the program gives,
 * so a department's wording can always be evaluated and always ends.
 *
 * A line holding only a block tag ({if}, {elif}, {else}, {end}, {each},
 * {sep}) is dropped with its line end, so that conditionals written on lines
 * of their own leave no blank line; a line starting with %% is a comment.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yusuan/money.h"
#include "yusuan/write.h"

/* Limits: a template is a page of text, its lists a few hundred rows. */
#define TPL_DEPTH_MAX 32
#define TPL_NAME_MAX 128

/* ---- values ---- */

typedef enum { V_MONEY, V_PERCENT, V_INT, V_TEXT, V_LIST } vkind;

typedef struct val {
	char *name;
	vkind kind;
	int64_t n;
	char *s;
	ys_vals **items;
	int nitems, cap;
} val;

struct ys_vals {
	val *v;
	size_t n, cap;
	int oom;
};

ys_vals *ys_vals_new(void)
{
	return calloc(1, sizeof(ys_vals));
}

void ys_vals_free(ys_vals *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < v->n; i++) {
		free(v->v[i].name);
		free(v->v[i].s);
		for (int k = 0; k < v->v[i].nitems; k++)
			ys_vals_free(v->v[i].items[k]);
		free(v->v[i].items);
	}
	free(v->v);
	free(v);
}

int ys_vals_oom(const ys_vals *v)
{
	return !v || v->oom;
}

static const val *get(const ys_vals *v, const char *name, size_t len)
{
	for (size_t i = v ? v->n : 0; i-- > 0;)
		if (strlen(v->v[i].name) == len && !memcmp(v->v[i].name, name, len))
			return &v->v[i];
	return NULL;
}

static val *put(ys_vals *v, const char *name, vkind kind)
{
	if (!v)
		return NULL;
	for (size_t i = 0; i < v->n; i++)
		if (!strcmp(v->v[i].name, name) && v->v[i].kind != V_LIST) {
			free(v->v[i].s);
			v->v[i].s = NULL;
			v->v[i].kind = kind;
			return &v->v[i];
		}
	if (ys_grow((void **)&v->v, &v->cap, v->n + 1, sizeof *v->v)) {
		v->oom = 1;
		return NULL;
	}
	val *x = &v->v[v->n];
	memset(x, 0, sizeof *x);
	if (!(x->name = strdup(name))) {
		v->oom = 1;
		return NULL;
	}
	x->kind = kind;
	v->n++;
	return x;
}

void ys_vals_money(ys_vals *v, const char *name, int64_t fen)
{
	val *x = put(v, name, V_MONEY);
	if (x)
		x->n = fen;
}

void ys_vals_percent(ys_vals *v, const char *name, int64_t p)
{
	val *x = put(v, name, V_PERCENT);
	if (x)
		x->n = p;
}

void ys_vals_int(ys_vals *v, const char *name, int64_t n)
{
	val *x = put(v, name, V_INT);
	if (x)
		x->n = n;
}

void ys_vals_text(ys_vals *v, const char *name, const char *s)
{
	val *x = put(v, name, V_TEXT);
	if (x && !(x->s = strdup(s ? s : "")))
		v->oom = 1;
}

ys_vals *ys_vals_list_add(ys_vals *v, const char *name)
{
	val *x = NULL;
	for (size_t i = 0; v && i < v->n && !x; i++)
		if (!strcmp(v->v[i].name, name) && v->v[i].kind == V_LIST)
			x = &v->v[i];
	if (!x && !(x = put(v, name, V_LIST)))
		return NULL;
	if (x->nitems == x->cap) {
		int nc = x->cap ? x->cap * 2 : 8;
		ys_vals **ni = realloc(x->items, sizeof *ni * (size_t)nc);
		if (!ni) {
			v->oom = 1;
			return NULL;
		}
		x->items = ni;
		x->cap = nc;
	}
	ys_vals *r = ys_vals_new();
	if (!r) {
		v->oom = 1;
		return NULL;
	}
	x->items[x->nitems++] = r;
	return r;
}

static void put_value(const struct val *x, ys_buf *out);

static void vals_doc(const ys_vals *v, const char *prefix, ys_buf *out)
{
	static const char *const kinds[] = { "金额（万元）", "百分数", "整数", "文字", "列表" };
	char buf[64];
	for (size_t i = 0; v && i < v->n; i++) {
		const val *x = &v->v[i];
		ys_buf_addf(out, "| `%s%s` | %s | ", prefix, x->name, kinds[x->kind]);
		if (x->kind == V_TEXT) {
			size_t n = strlen(x->s);
			ys_buf_addf(out, "%.*s%s", (int)(n > 60 ? 60 : n), x->s, n > 60 ? "…" : "");
		} else if (x->kind == V_LIST) {
			ys_buf_addf(out, "%d 项", x->nitems);
		} else {
			put_value(x, out);
		}
		ys_buf_adds(out, " |\n");
		if (x->kind == V_LIST && x->nitems) {
			char p[256];
			snprintf(p, sizeof p, "%s%s[].", prefix, x->name);
			vals_doc(x->items[0], p, out);
		}
	}
	(void)buf;
}

void ys_vals_doc(const ys_vals *v, ys_buf *out)
{
	vals_doc(v, "", out);
}

/* ---- the tree ---- */

typedef enum { N_TEXT, N_VAR, N_IF, N_EACH, N_CHOOSE } nkind;

typedef struct cond cond;
struct cond {
	int neg;
	char *lhs;
	char op[3];       /* "" truth, "=", "!=", ">", "<", ">=", "<=" */
	char *rhs;        /* a name or a number as written */
	int join;         /* to the next: 0 none, 'a' and, 'o' or */
	cond *next;
};

typedef struct node node;
struct node {
	nkind kind;
	char *s;          /* TEXT: the text; VAR, EACH, CHOOSE: the name */
	char *words[3];   /* CHOOSE */
	int line, col;
	cond **conds;     /* IF: one per branch (NULL for else) */
	node **bodies;    /* IF: the branches; EACH: [0] body, [1] separator */
	int nb;
	node *next;
};

struct ys_tpl {
	char *name;
	node *root;
};

static void free_cond(cond *c)
{
	while (c) {
		cond *n = c->next;
		free(c->lhs);
		free(c->rhs);
		free(c);
		c = n;
	}
}

static void free_nodes(node *n)
{
	while (n) {
		node *next = n->next;
		free(n->s);
		for (int i = 0; i < 3; i++)
			free(n->words[i]);
		for (int i = 0; i < n->nb; i++) {
			if (n->conds)
				free_cond(n->conds[i]);
			free_nodes(n->bodies[i]);
		}
		free(n->conds);
		free(n->bodies);
		free(n);
		n = next;
	}
}

void ys_tpl_free(ys_tpl *t)
{
	if (!t)
		return;
	free_nodes(t->root);
	free(t->name);
	free(t);
}

/* ---- the parser ---- */

typedef struct ps {
	ys_ctx *ctx;
	const char *name;
	const char *s;  /* the text (comments removed) */
	size_t i, n;
	int line, col;  /* of s[i] */
	int depth;
	ys_result err;
	const int *lmap;  /* the text's line -> the template's (comment lines left out) */
	int nlmap;
} ps;

static int src_line(const ps *p, int line)
{
	return line >= 1 && line <= p->nlmap ? p->lmap[line - 1] : line;
}

static int utf8_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static void adv(ps *p, size_t k)
{
	for (size_t j = 0; j < k && p->i < p->n; j++) {
		unsigned char c = (unsigned char)p->s[p->i];
		if (c == '\n') {
			p->line++;
			p->col = 1;
		} else if ((c & 0xC0) != 0x80) {
			p->col++;
		}
		p->i++;
	}
}

static ys_result perr(ps *p, int line, int col, const char *fmt, ...) YS_PRINTF(4, 5);
static ys_result perr(ps *p, int line, int col, const char *fmt, ...)
{
	if (p->err)
		return p->err;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	p->err = ys_error(p->ctx, YS_EPARSE, "%s:%d:%d: %s", p->name, line, col, msg);
	return p->err;
}

static node *new_node(ps *p, nkind k, int line, int col)
{
	node *n = calloc(1, sizeof *n);
	if (!n) {
		p->err = ys_error(p->ctx, YS_ENOMEM, "内存不足");
		return NULL;
	}
	n->kind = k;
	n->line = line;
	n->col = col;
	return n;
}

/* A tag's text (between { and }) as read: its word and the rest. */
typedef struct tag {
	char word[16];   /* if elif else end each sep choose, or "" for a value */
	char *arg;       /* malloc'd */
	int line, col;
	int block;       /* if elif else end each sep */
	size_t start, end; /* offsets of '{' and after '}' */
} tag;

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

static char *trimdup(const char *s, size_t n)
{
	while (n && is_space(*s))
		s++, n--;
	while (n && is_space(s[n - 1]))
		n--;
	char *r = malloc(n + 1);
	if (r) {
		memcpy(r, s, n);
		r[n] = '\0';
	}
	return r;
}

/* Read a tag at p->i ('{'); 0, or -1 with the error set. */
static int read_tag(ps *p, tag *t)
{
	memset(t, 0, sizeof *t);
	t->line = src_line(p, p->line);
	t->col = p->col;
	t->start = p->i;
	size_t j = p->i + 1;
	while (j < p->n && p->s[j] != '}' && p->s[j] != '{' && p->s[j] != '\n')
		j++;
	if (j >= p->n || p->s[j] != '}') {
		perr(p, t->line, t->col, "“{”没有配对的“}”（要印出“{”请写“{{”）");
		return -1;
	}
	const char *body = p->s + p->i + 1;
	size_t len = j - p->i - 1;
	static const char *const words[] = { "if", "elif", "else", "end", "each", "sep", "choose" };
	for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
		size_t wl = strlen(words[w]);
		if (len >= wl && !strncmp(body, words[w], wl) && (len == wl || is_space(body[wl]))) {
			strcpy(t->word, words[w]);
			t->block = strcmp(words[w], "choose") != 0;
			body += wl;
			len -= wl;
			break;
		}
	}
	t->arg = trimdup(body, len);
	if (!t->arg) {
		p->err = ys_error(p->ctx, YS_ENOMEM, "内存不足");
		return -1;
	}
	t->end = j + 1;
	return 0;
}

/* Is the tag alone on its line?  Then the white space before it on the line
 * and its line end go with it: *from, *to the span to drop. */
static int standalone(const ps *p, const tag *t, size_t *from, size_t *to)
{
	size_t a = t->start;
	while (a > 0 && is_space(p->s[a - 1]))
		a--;
	if (a > 0 && p->s[a - 1] != '\n')
		return 0;
	size_t z = t->end;
	while (z < p->n && is_space(p->s[z]))
		z++;
	if (z < p->n && p->s[z] != '\n')
		return 0;
	*from = a;
	*to = z < p->n ? z + 1 : z;
	return 1;
}

static int valid_name(const char *s)
{
	if (!*s || strlen(s) >= TPL_NAME_MAX)
		return 0;
	for (const char *c = s; *c; c++)
		if (is_space(*c) || *c == '|' || *c == '{' || *c == '}' || *c == '=' || *c == '<' || *c == '>' || *c == '!')
			return 0;
	return 1;
}

static cond *parse_cond(ps *p, const tag *t)
{
	cond *head = NULL, **tail = &head;
	char *s = t->arg;
	if (!*s) {
		perr(p, t->line, t->col, "{%s} 后面缺少条件，如 {%s sangong.diff > 0}", t->word, t->word);
		return NULL;
	}
	/* words separated by spaces: [not] name [op operand] (and|or ...) */
	char *save = NULL;
	char *tok = strtok_r(s, " \t", &save);
	while (tok) {
		cond *c = calloc(1, sizeof *c);
		if (!c) {
			p->err = ys_error(p->ctx, YS_ENOMEM, "内存不足");
			free_cond(head);
			return NULL;
		}
		*tail = c;
		tail = &c->next;
		if (!strcmp(tok, "not")) {
			c->neg = 1;
			tok = strtok_r(NULL, " \t", &save);
		}
		if (!tok || !valid_name(tok) || !strcmp(tok, "and") || !strcmp(tok, "or")) {
			perr(p, t->line, t->col, "条件“%s”：应为 名称、not 名称 或 名称 比较符 数或名称（比较符 = != > < >= <=）",
			     tok ? tok : "");
			free_cond(head);
			return NULL;
		}
		c->lhs = strdup(tok);
		tok = strtok_r(NULL, " \t", &save);
		static const char *const ops[] = { "=", "!=", ">", "<", ">=", "<=" };
		for (size_t o = 0; tok && o < sizeof ops / sizeof ops[0]; o++)
			if (!strcmp(tok, ops[o])) {
				strcpy(c->op, ops[o]);
				char *rhs = strtok_r(NULL, " \t", &save);
				if (!rhs || !valid_name(rhs)) {
					perr(p, t->line, t->col, "条件中“%s”后面缺少比较的数或名称", ops[o]);
					free_cond(head);
					return NULL;
				}
				c->rhs = strdup(rhs);
				tok = strtok_r(NULL, " \t", &save);
				break;
			}
		if (!c->lhs || (c->op[0] && !c->rhs)) {
			p->err = ys_error(p->ctx, YS_ENOMEM, "内存不足");
			free_cond(head);
			return NULL;
		}
		if (!tok)
			break;
		if (strcmp(tok, "and") && strcmp(tok, "or")) {
			perr(p, t->line, t->col, "条件中“%s”：条件之间用 and 或 or 连接", tok);
			free_cond(head);
			return NULL;
		}
		c->join = tok[0];
		tok = strtok_r(NULL, " \t", &save);
		if (!tok) {
			perr(p, t->line, t->col, "条件以“%s”结尾：后面缺少一个条件", c->join == 'a' ? "and" : "or");
			free_cond(head);
			return NULL;
		}
	}
	return head;
}

static node *parse_seq(ps *p, tag *stop);

/* Append the text s[a..z) as a node (nothing for an empty span). */
static int text_node(ps *p, node ***tail, size_t a, size_t z, int line, int col)
{
	if (z <= a)
		return 0;
	ys_buf b = YS_BUF_INIT;
	for (size_t i = a; i < z; i++) {
		if ((p->s[i] == '{' || p->s[i] == '}') && i + 1 < z && p->s[i + 1] == p->s[i])
			i++;
		ys_buf_addc(&b, p->s[i]);
	}
	node *n = new_node(p, N_TEXT, line, col);
	if (!n || b.oom) {
		free(n);
		ys_buf_release(&b);
		p->err = ys_error(p->ctx, YS_ENOMEM, "内存不足");
		return -1;
	}
	n->s = ys_buf_detach(&b, NULL);
	**tail = n;
	*tail = &n->next;
	return 0;
}

/* Parse until a block tag that ends this sequence (elif, else, end, sep),
 * which is returned in *stop (word "" at the end of the text). */
static node *parse_seq(ps *p, tag *stop)
{
	node *head = NULL, **tail = &head;
	memset(stop, 0, sizeof *stop);
	if (++p->depth > TPL_DEPTH_MAX) {
		perr(p, src_line(p, p->line), p->col, "条件和列表嵌套超过 %d 层", TPL_DEPTH_MAX);
		return NULL;
	}
	size_t a = p->i;
	int aline = p->line, acol = p->col;
	while (p->i < p->n && !p->err) {
		char c = p->s[p->i];
		if ((c == '{' || c == '}') && p->i + 1 < p->n && p->s[p->i + 1] == c) {
			adv(p, 2);
			continue;
		}
		if (c == '}') {
			perr(p, src_line(p, p->line), p->col, "多出的“}”（要印出“}”请写“}}”）");
			break;
		}
		if (c != '{') {
			adv(p, (size_t)utf8_len((unsigned char)c));
			continue;
		}
		tag t;
		if (read_tag(p, &t))
			break;
		size_t from = t.start, to = t.end;
		if (t.block)
			standalone(p, &t, &from, &to);
		if (text_node(p, &tail, a, from, aline, acol)) {
			free(t.arg);
			break;
		}
		adv(p, to - p->i);
		if (!strcmp(t.word, "elif") || !strcmp(t.word, "else") || !strcmp(t.word, "end") || !strcmp(t.word, "sep")) {
			*stop = t;
			p->depth--;
			return head;
		}
		node *n = NULL;
		if (!t.word[0]) {
			if (!valid_name(t.arg))
				perr(p, t.line, t.col, "“{%s}”：应为一个名称，如 {income} 或 {sangong.diff}", t.arg);
			else if ((n = new_node(p, N_VAR, t.line, t.col)))
				n->s = t.arg, t.arg = NULL;
		} else if (!strcmp(t.word, "choose")) {
			/* {choose name|plus|minus|zero} */
			char *parts[4] = { NULL };
			int k = 0;
			for (char *q = t.arg, *bar; k < 4 && q; q = bar ? bar + 1 : NULL, k++) {
				bar = strchr(q, '|');
				if (bar)
					*bar = '\0';
				parts[k] = q;
			}
			if (k != 4 || !valid_name(parts[0]))
				perr(p, t.line, t.col, "{choose} 的写法：{choose 名称|大于零时|小于零时|等于零时}");
			else if ((n = new_node(p, N_CHOOSE, t.line, t.col))) {
				n->s = strdup(parts[0]);
				for (int w = 0; w < 3; w++)
					n->words[w] = strdup(parts[w + 1]);
				if (!n->s || !n->words[0] || !n->words[1] || !n->words[2])
					p->err = ys_error(p->ctx, YS_ENOMEM, "内存不足");
			}
		} else if (!strcmp(t.word, "if")) {
			if ((n = new_node(p, N_IF, t.line, t.col))) {
				cond *cc = parse_cond(p, &t);
				tag st;
				while (!p->err) {
					node *body = parse_seq(p, &st);
					cond **nc = realloc(n->conds, sizeof *nc * (size_t)(n->nb + 1));
					node **nbd = nc ? realloc(n->bodies, sizeof *nbd * (size_t)(n->nb + 1)) : NULL;
					if (nc)
						n->conds = nc;
					if (!nc || !nbd) {
						free_cond(cc);
						free_nodes(body);
						free(st.arg);
						p->err = ys_error(p->ctx, YS_ENOMEM, "内存不足");
						break;
					}
					n->bodies = nbd;
					n->conds[n->nb] = cc;
					n->bodies[n->nb++] = body;
					cc = NULL;
					if (p->err) {
						free(st.arg);
						break;
					}
					if (!strcmp(st.word, "end")) {
						free(st.arg);
						break;
					}
					if (!strcmp(st.word, "elif") && n->conds[n->nb - 1]) {
						cc = parse_cond(p, &st);
						free(st.arg);
						if (!cc)
							break;
						continue;
					}
					if (!strcmp(st.word, "else") && n->conds[n->nb - 1]) {
						free(st.arg);
						continue; /* the else branch: its cond stays NULL */
					}
					perr(p, st.line ? st.line : t.line, st.line ? st.col : t.col,
					     st.word[0] ? "{%s} 不在这里：{if} 之后是 {elif}、{else}，最后 {end}"
					                : "{if} 没有配对的 {end}（%s）",
					     st.word[0] ? st.word : "到了模板结尾");
					free(st.arg);
					break;
				}
			}
		} else if (!strcmp(t.word, "each")) {
			if (!valid_name(t.arg))
				perr(p, t.line, t.col, "{each} 后面应为一个列表的名称，如 {each classes}");
			else if ((n = new_node(p, N_EACH, t.line, t.col))) {
				n->s = t.arg, t.arg = NULL;
				n->bodies = calloc(2, sizeof *n->bodies);
				if (!n->bodies)
					p->err = ys_error(p->ctx, YS_ENOMEM, "内存不足");
				tag st;
				for (int part = 0; !p->err && part < 2; part++) {
					n->bodies[part] = parse_seq(p, &st);
					n->nb = part + 1;
					free(st.arg);
					if (p->err)
						break;
					if (!strcmp(st.word, "end"))
						break;
					if (part == 0 && !strcmp(st.word, "sep"))
						continue;
					perr(p, st.line ? st.line : n->line, st.line ? st.col : n->col,
					     st.word[0] ? "{%s} 不在这里：{each} 之内只有 {sep}，最后 {end}"
					                : "{each} 没有配对的 {end}（%s）",
					     st.word[0] ? st.word : "到了模板结尾");
				}
			}
		}
		free(t.arg);
		if (n) {
			*tail = n;
			tail = &n->next;
		}
		a = p->i;
		aline = p->line;
		acol = p->col;
	}
	if (!p->err)
		text_node(p, &tail, a, p->i, aline, acol);
	p->depth--;
	return head;
}

ys_result ys_tpl_parse(ys_ctx *ctx, const char *name, const char *text, ys_tpl **out)
{
	*out = NULL;
	/* comment lines go, line end and all; each line left remembers its number */
	ys_buf b = YS_BUF_INIT;
	int *lmap = NULL;
	size_t nl = 0, lcap = 0;
	int line = 1;
	for (const char *l = text; *l; line++) {
		size_t n = strcspn(l, "\n");
		if (!(n >= 2 && l[0] == '%' && l[1] == '%')) {
			ys_buf_add(&b, l, n);
			if (l[n] == '\n')
				ys_buf_addc(&b, '\n');
			if (ys_grow((void **)&lmap, &lcap, nl + 1, sizeof *lmap))
				b.oom = 1;
			else
				lmap[nl++] = line;
		}
		l += n + (l[n] == '\n');
	}
	ys_tpl *t = calloc(1, sizeof *t);
	if (!t || b.oom || !(t->name = strdup(name))) {
		free(t);
		free(lmap);
		ys_buf_release(&b);
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	}
	ps p = { ctx, name, b.s, 0, b.len, 1, 1, 0, YS_OK, lmap, (int)nl };
	tag st;
	t->root = parse_seq(&p, &st);
	if (!p.err && st.word[0])
		perr(&p, st.line, st.col, "{%s} 前面没有 {if} 或 {each}", st.word);
	free(st.arg);
	ys_buf_release(&b);
	free(lmap);
	if (p.err) {
		ys_tpl_free(t);
		return p.err;
	}
	*out = t;
	return YS_OK;
}

/* ---- evaluation ---- */

typedef struct scope scope;
struct scope {
	const ys_vals *v;
	const scope *up;
};

static const val *lookup(const scope *s, const char *name)
{
	for (; s; s = s->up) {
		const val *x = get(s->v, name, strlen(name));
		if (x)
			return x;
	}
	return NULL;
}

typedef struct ev {
	ys_ctx *ctx;
	const ys_tpl *t;
	ys_result err;
} ev;

static ys_result eerr(ev *e, const node *n, const char *fmt, ...) YS_PRINTF(3, 4);
static ys_result eerr(ev *e, const node *n, const char *fmt, ...)
{
	if (e->err)
		return e->err;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	e->err = ys_error(e->ctx, YS_EINVAL, "%s:%d:%d: %s", e->t->name, n->line, n->col, msg);
	return e->err;
}

static void put_value(const val *x, ys_buf *out)
{
	char buf[64];
	switch (x->kind) {
	case V_MONEY: ys_buf_adds(out, ys_write_money(x->n, buf)); break;
	case V_PERCENT: ys_buf_adds(out, ys_write_percent(x->n, buf)); break;
	case V_INT: ys_buf_addf(out, "%lld", (long long)x->n); break;
	case V_TEXT: ys_buf_adds(out, x->s); break;
	case V_LIST: ys_buf_addf(out, "%d", x->nitems); break;
	}
}

static int truth(const val *x)
{
	if (!x)
		return 0;
	switch (x->kind) {
	case V_TEXT: return x->s && x->s[0];
	case V_LIST: return x->nitems > 0;
	default: return x->n != 0;
	}
}

/* A literal as the kind it is compared with: money in 万元 (exact to the
 * 分), a percentage (to 0.01 %), a number.  0, or -1 when it is not one. */
static int literal(const char *s, vkind kind, int64_t *out)
{
	ys_amount a;
	switch (kind) {
	case V_MONEY:
		if (ys_money_parse(s, strlen(s), YS_UNIT_WANYUAN, &a, NULL) || !a.present)
			return -1;
		*out = a.fen;
		return 0;
	case V_PERCENT: /* 8.53 %: hundredths, as 元 are of 分 */
		if (ys_money_parse(s, strlen(s), YS_UNIT_YUAN, &a, NULL) || !a.present)
			return -1;
		*out = a.fen;
		return 0;
	case V_INT:
		if (ys_money_parse(s, strlen(s), YS_UNIT_YUAN, &a, NULL) || !a.present || a.dp)
			return -1;
		*out = a.fen / 100;
		return 0;
	default:
		return -1;
	}
}

static int cond_one(ev *e, const node *n, const scope *s, const cond *c)
{
	const val *x = lookup(s, c->lhs);
	int r;
	if (!c->op[0]) {
		r = truth(x);
	} else if (!x) {
		r = 0; /* nothing to compare: as false as a missing name */
	} else {
		int64_t a = x->n, b;
		const val *y = lookup(s, c->rhs);
		if (x->kind == V_TEXT || x->kind == V_LIST) {
			if (x->kind == V_LIST)
				a = x->nitems;
			if (x->kind == V_TEXT) {
				const char *rs = y && y->kind == V_TEXT ? y->s : c->rhs;
				int eq = !strcmp(x->s, rs);
				r = !strcmp(c->op, "=") ? eq : !strcmp(c->op, "!=") ? !eq : 0;
				return c->neg ? !r : r;
			}
		}
		if (y)
			b = y->kind == V_LIST ? y->nitems : y->n;
		else if (literal(c->rhs, x->kind == V_LIST ? V_INT : x->kind, &b)) {
			eerr(e, n, "条件中的“%s”既不是名称，也不是可与 %s 比较的数", c->rhs, c->lhs);
			return 0;
		}
		r = !strcmp(c->op, "=")    ? a == b
		    : !strcmp(c->op, "!=") ? a != b
		    : !strcmp(c->op, ">")  ? a > b
		    : !strcmp(c->op, "<")  ? a < b
		    : !strcmp(c->op, ">=") ? a >= b
		                           : a <= b;
	}
	return c->neg ? !r : r;
}

/* and binds tighter than or. */
static int cond_eval(ev *e, const node *n, const scope *s, const cond *c)
{
	int any = 0;
	while (c) {
		int all = 1;
		for (;;) {
			all &= cond_one(e, n, s, c);
			if (c->join != 'a')
				break;
			c = c->next;
		}
		any |= all;
		c = c->next;
	}
	return any;
}

static void eval(ev *e, const node *n, const scope *s, ys_buf *out, int depth)
{
	for (; n && !e->err; n = n->next) {
		switch (n->kind) {
		case N_TEXT:
			ys_buf_adds(out, n->s);
			break;
		case N_VAR: {
			const val *x = lookup(s, n->s);
			if (!x)
				eerr(e, n, "没有“%s”这个名称（可用的名称见 docs/report.md）", n->s);
			else
				put_value(x, out);
			break;
		}
		case N_CHOOSE: {
			const val *x = lookup(s, n->s);
			if (!x || x->kind == V_TEXT || x->kind == V_LIST)
				eerr(e, n, "{choose %s|…}：%s", n->s, x ? "要按一个数的正负选词" : "没有这个名称");
			else
				ys_buf_adds(out, n->words[x->n > 0 ? 0 : x->n < 0 ? 1 : 2]);
			break;
		}
		case N_IF:
			for (int b = 0; b < n->nb; b++)
				if (!n->conds[b] || cond_eval(e, n, s, n->conds[b])) {
					eval(e, n->bodies[b], s, out, depth);
					break;
				}
			break;
		case N_EACH: {
			const val *x = lookup(s, n->s);
			if (x && x->kind != V_LIST) {
				eerr(e, n, "{each %s}：“%s”不是列表", n->s, n->s);
				break;
			}
			for (int k = 0; x && k < x->nitems && !e->err; k++) {
				scope in = { x->items[k], s };
				if (k && n->nb > 1)
					eval(e, n->bodies[1], &in, out, depth + 1);
				eval(e, n->bodies[0], &in, out, depth + 1);
			}
			break;
		}
		}
	}
}

ys_result ys_tpl_eval(ys_ctx *ctx, const ys_tpl *t, const ys_vals *vals, ys_buf *out)
{
	ev e = { ctx, t, YS_OK };
	scope s = { vals, NULL };
	eval(&e, t->root, &s, out, 0);
	if (!e.err && out->oom)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	return e.err;
}
