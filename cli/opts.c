/*
 * opts.c - the one option parser and the -h text, both walking a
 * command's table (opts.h).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* ---- usage errors ---------------------------------------------------------- */

static void usage_lines(FILE *f, const cli_command *c)
{
	for (int i = 0; c->usage[i]; i++)
		fprintf(f, "%syusuan %s\n", i ? "      " : "用法：", c->usage[i]);
}

int cli_usage_error(const cli_command *c, const char *fmt, ...)
{
	va_list ap;
	fflush(stdout);
	fputs("yusuan: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	usage_lines(stderr, c);
	fprintf(stderr, "“yusuan %s -h”显示全部选项\n", c->name);
	return EXIT_USAGE;
}

/* ---- parsing ----------------------------------------------------------------- */

/* How the option is written in a message: "--format", or "-o". */
static const char *spelled(const cli_opt *o, char *buf, size_t cap)
{
	if (o->long_name)
		snprintf(buf, cap, "--%s", o->long_name);
	else
		snprintf(buf, cap, "-%c", o->short_name);
	return buf;
}

/* A whole number in [lo, hi], digits only (an optional '-'): no spaces,
 * no '+', nothing after it. */
static int parse_int(const char *s, int lo, int hi, int *out)
{
	int neg = *s == '-';
	const char *p = s + neg;
	long long v = 0;
	if (!*p)
		return -1;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		v = v * 10 + (*p - '0');
		if (v > (long long)hi + 1 + (neg ? (long long)-lo : 0))
			return -1; /* far out of range: stop before it overflows */
	}
	if (neg)
		v = -v;
	if (v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

static void choices_joined(const cli_opt *o, char *buf, size_t cap, const char *sep)
{
	size_t n = 0;
	buf[0] = '\0';
	for (int k = 0; o->choices[k] && n < cap; k++) {
		int w = snprintf(buf + n, cap - n, "%s%s", k ? sep : "", o->choices[k]);
		if (w < 0)
			break;
		n += (size_t)w;
	}
}

/* Store value v for option o in opts; 0, or the exit code of a usage error. */
static int set_value(const cli_command *c, const cli_opt *o, const char *v, int nargs, void *opts)
{
	char name[64], list[256];
	char *field = (char *)opts + o->offset;
	/* a path, a name or an id: an empty one is a slip of the shell ("$DB" unset) */
	if ((o->type == CLI_OPT_STRING || o->type == CLI_OPT_LIST) && !*v)
		return cli_usage_error(c, "%s 的值是空的（应为 %s）", spelled(o, name, sizeof name), o->argh ? o->argh : "一个值");
	switch (o->type) {
	case CLI_OPT_STRING:
		memcpy(field, &v, sizeof v);
		return 0;
	case CLI_OPT_INT: {
		int n;
		if (parse_int(v, o->min, o->max, &n))
			return cli_usage_error(c, "%s 的值应为 %d 到 %d 之间的整数，而不是“%s”", spelled(o, name, sizeof name),
			                       o->min, o->max, v);
		memcpy(field, &n, sizeof n);
		return 0;
	}
	case CLI_OPT_CHOICE:
		for (int k = 0; o->choices[k]; k++)
			if (!strcmp(o->choices[k], v)) {
				memcpy(field, &k, sizeof k);
				return 0;
			}
		choices_joined(o, list, sizeof list, "、");
		return cli_usage_error(c, "%s 的值“%s”不认识：应为 %s 之一", spelled(o, name, sizeof name), v, list);
	case CLI_OPT_LIST: {
		cli_list *l = (cli_list *)(void *)field;
		if (l->n == CLI_LIST_MAX)
			return cli_usage_error(c, "%s 最多给 %d 次", spelled(o, name, sizeof name), CLI_LIST_MAX);
		l->at[l->n] = nargs;
		l->v[l->n++] = v;
		return 0;
	}
	case CLI_OPT_FLAG: {
		int one = 1;
		memcpy(field, &one, sizeof one);
		return 0;
	}
	case CLI_OPT_END:
		break;
	}
	return 0;
}

static const cli_opt *find_long(const cli_command *c, const char *name, size_t n)
{
	for (const cli_opt *o = c->opts; o->type != CLI_OPT_END; o++)
		if (o->long_name && strlen(o->long_name) == n && !strncmp(o->long_name, name, n))
			return o;
	return NULL;
}

static const cli_opt *find_short(const cli_command *c, char ch)
{
	for (const cli_opt *o = c->opts; o->type != CLI_OPT_END; o++)
		if (o->short_name && o->short_name == ch)
			return o;
	return NULL;
}

int cli_parse(const cli_command *c, int *argcp, char **argv, void *opts)
{
	int argc = *argcp, nargs = 0, dashdash = 0;
	for (int i = 1; i < argc; i++) {
		char *a = argv[i];
		if (dashdash || a[0] != '-' || a[1] == '\0') {
			argv[nargs++] = a; /* nargs < i: that slot is read already */
			continue;
		}
		if (!strcmp(a, "--")) {
			dashdash = 1;
			continue;
		}
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			cli_help(stdout, c);
			return EXIT_OK;
		}
		const cli_opt *o;
		const char *v = NULL; /* the value written in the same word */
		char name[64];
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');
			o = find_long(c, a + 2, eq ? (size_t)(eq - a - 2) : strlen(a + 2));
			if (!o)
				return cli_usage_error(c, "未知选项“%.*s”", eq ? (int)(eq - a) : (int)strlen(a), a);
			if (eq)
				v = eq + 1;
		} else {
			o = find_short(c, a[1]);
			if (!o)
				return cli_usage_error(c, "未知选项“%s”", a);
			if (a[2])
				v = a[2] == '=' ? a + 3 : a + 2;
		}
		spelled(o, name, sizeof name);
		if (o->type == CLI_OPT_FLAG) {
			if (v)
				return cli_usage_error(c, "选项 %s 不带值（“%s”）", name, a);
		} else if (!v) {
			if (i + 1 >= argc)
				return cli_usage_error(c, "选项 %s 需要一个值（%s）", name, o->argh ? o->argh : "值");
			v = argv[++i];
		}
		int rc = set_value(c, o, v, nargs, opts);
		if (rc)
			return rc;
	}
	argv[nargs] = NULL;
	if (c->max_args >= 0 && nargs > c->max_args) {
		if (c->max_args == 0)
			return cli_usage_error(c, "多余的参数“%s”：yusuan %s 不接受参数", argv[0], c->name);
		return cli_usage_error(c, "多余的参数“%s”：yusuan %s 只接受 %d 个参数", argv[c->max_args], c->name,
		                       c->max_args);
	}
	*argcp = nargs;
	return CLI_RUN;
}

int cli_run(const cli_command *c, int argc, char **argv)
{
	void *opts = calloc(1, c->opts_size ? c->opts_size : 1);
	if (!opts) {
		fprintf(stderr, "yusuan: 内存不足\n");
		return EXIT_INPUT;
	}
	if (c->defaults)
		memcpy(opts, c->defaults, c->opts_size);
	int rc = cli_parse(c, &argc, argv, opts);
	if (rc == CLI_RUN)
		rc = c->run(opts, argc, argv);
	free(opts);
	return rc;
}

/* ---- -h ------------------------------------------------------------------------ */

/* The option as help shows it: "-o OUTDIR", "--format F", "-h, --help". */
void cli_opt_words(const cli_opt *o, char *buf, size_t cap)
{
	char choices[256], sh[3] = { '-', o->short_name, '\0' };
	const char *argh = o->argh;
	if (o->type == CLI_OPT_CHOICE && !argh) {
		choices_joined(o, choices, sizeof choices, "|");
		argh = choices;
	}
	snprintf(buf, cap, "%s%s%s%s%s%s", o->short_name ? sh : "", o->short_name && o->long_name ? ", " : "",
	         o->long_name ? "--" : "", o->long_name ? o->long_name : "", argh ? " " : "", argh ? argh : "");
}

/* Widest left column before the help moves to its own lines. */
#define LEFT_MAX 22

static int width(const char *s)
{
	return (int)ys_utf8_width(s);
}

static void item(FILE *f, const char *left, const char *help, int col)
{
	int w = 2 + width(left);
	fprintf(f, "  %s", left);
	if (w + 2 > col) {
		fputc('\n', f);
		w = 0;
	}
	for (const char *p = help; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		fprintf(f, "%*s%.*s\n", col - w, "", (int)len, p);
		w = 0;
		p += len + (nl != NULL);
	}
}

static const cli_opt help_opt = { CLI_OPT_FLAG, 'h', "help", 0, NULL, "显示本帮助", 0, 0, NULL };

void cli_help(FILE *f, const cli_command *c)
{
	char left[256];
	int maxw = 12; /* at least "-h, --help" and a space */
	for (int i = 0; c->args && c->args[i].name; i++)
		if (width(c->args[i].name) > maxw)
			maxw = width(c->args[i].name);
	for (const cli_opt *o = c->opts; o->type != CLI_OPT_END; o++) {
		cli_opt_words(o, left, sizeof left);
		if (width(left) > maxw && width(left) <= LEFT_MAX)
			maxw = width(left);
	}
	int col = 2 + (maxw > LEFT_MAX ? LEFT_MAX : maxw) + 2;

	usage_lines(f, c);
	fprintf(f, "\n%s", c->description);
	if (c->args && c->args[0].name) {
		fputs("\n参数：\n", f);
		for (int i = 0; c->args[i].name; i++)
			item(f, c->args[i].name, c->args[i].help, col);
	}
	fputs("\n选项：\n", f);
	for (const cli_opt *o = c->opts; o->type != CLI_OPT_END; o++) {
		cli_opt_words(o, left, sizeof left);
		item(f, left, o->help, col);
	}
	cli_opt_words(&help_opt, left, sizeof left);
	item(f, left, help_opt.help, col);
	if (c->notes)
		fprintf(f, "\n%s", c->notes);
	fprintf(f, "\n%s", c->exit_codes);
}
