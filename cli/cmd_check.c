/*
 * cmd_check.c - yusuan check FILE | --db PATH [--doc ID]
 *               [--format text|json|csv] [--catalog DIR] [--explain ID]
 */
#include <inttypes.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
	"usage: yusuan check FILE [options]\n"
	"       yusuan check PART1.pdf PART2.pdf [options]   (one document in several PDF files)\n"
	"       yusuan check --db PATH [--doc ID] [options]\n"
	"       yusuan check --explain RULE\n"
	"\n"
	"Check a published disclosure against every rule (yusuan rules lists them).\n"
	"  --format F          text (grouped by table; default), json, csv (a row per finding)\n"
	"  --catalog DIR       classification catalog folder (default: the shipped data/catalog)\n"
	"  --catalog-file K=P  replace one catalog file (K: function, dept_econ, gov_econ, map, variants)\n"
	"  --rule ID           run only this rule\n"
	"  --previous FILE     last year's disclosure: adds the year-over-year rules (yoy.*)\n"
	"  --db PATH           check a disclosure stored by 'yusuan import' (the newest, or --doc ID)\n"
	"  --explain ID        print what a rule checks and exit\n"
	"\n"
	"exit: 0 no errors (warnings and notices may be listed), 1 errors, 2 usage, 3 unreadable input,\n"
	"      4 database error\n";

enum { FMT_TEXT, FMT_JSON, FMT_CSV };

static const char *amount(const ys_finding *f, int64_t fen, char *buf)
{
	if (ys_money_format(buf, fen, f->unit, f->dp, YS_FMT_GROUP) < 0)
		ys_money_format(buf, fen, f->unit, ys_unit_decimals(f->unit), YS_FMT_GROUP);
	return buf;
}

static void put_text(ys_buf *out, const ys_doc *doc, const ys_report *rep)
{
	ys_buf_addf(out, "%s: ", rep->file);
	if (doc->nothers) {
		/* another layout: the general reader's tables, by page */
		ys_buf_addf(out, "%d tables recognised (general reader; %s), %d identities checked\n", doc->nothers,
		            doc->paged ? "PDF" : "text", rep->identities);
		for (int i = 0; i < doc->nothers; i++) {
			const ys_table *t = doc->others[i];
			ys_buf_addf(out, "  %-16s %s, %d rows", t->kind, t->title, t->nrows);
			if (t->page)
				ys_buf_addf(out, ", page %d", t->page);
			if (t->note)
				ys_buf_addf(out, " (note: %s)", t->note);
			ys_buf_addc(out, '\n');
		}
		for (int i = 0; i < doc->nunread; i++)
			ys_buf_addf(out, "  %-16s %s: %s\n", "not recognised", doc->unread[i].title, doc->unread[i].why);
	} else {
		int n = 0;
		for (int i = 0; i < YS_NTABLES; i++)
			n += rep->tables[i];
		ys_buf_addf(out, "%d of 13 tables recognised (", n);
		for (int i = 0, first = 1; i < doc->ntables; i++, first = 0)
			ys_buf_addf(out, "%s%s", first ? "" : " ", ys_table_def((ys_tid)doc->order[i])->code);
		ys_buf_addf(out, "), %d identities checked\n", rep->identities);
	}
	int cur = -2;
	for (size_t i = 0; i < rep->nfindings; i++) {
		const ys_finding *f = &rep->findings[i];
		if (f->table != cur) {
			cur = f->table;
			if (cur < 0) {
				ys_buf_adds(out, "\n文档\n");
			} else {
				const ys_table *t = ys_doc_table_at(doc, cur);
				if (t && t->kind)
					ys_buf_addf(out, "\n%s (page %d)\n", t->title, t->page);
				else if (t)
					ys_buf_addf(out, "\n%s%s%s (line %d)\n", t->numbering, t->numbering[0] ? " " : "",
					            t->def->title, t->line);
			}
		}
		if (f->page)
			ys_buf_addf(out, "  %-7s %s, page %d", ys_severity_name(f->sev), rep->file, f->page);
		else
			ys_buf_addf(out, "  %-7s %s:%d", ys_severity_name(f->sev), rep->file, f->line);
		if (f->column && !f->page)
			ys_buf_addf(out, ":%d", f->column);
		ys_buf_addf(out, "  [%s] %s\n", f->rule, f->message);
	}
	ys_buf_addf(out, "\nsummary: %d error%s, %d warning%s, %d notice%s\n", rep->count[YS_SEV_ERROR],
	            rep->count[YS_SEV_ERROR] == 1 ? "" : "s", rep->count[YS_SEV_WARNING],
	            rep->count[YS_SEV_WARNING] == 1 ? "" : "s", rep->count[YS_SEV_NOTICE],
	            rep->count[YS_SEV_NOTICE] == 1 ? "" : "s");
}

static void put_json(ys_buf *out, const ys_doc *doc, const ys_report *rep)
{
	json_t *root = json_object(), *arr = json_array();
	char a[YS_MONEY_FMT_MAX];
	json_object_set_new(root, "file", json_string(rep->file));
	for (size_t i = 0; i < rep->nfindings; i++) {
		const ys_finding *f = &rep->findings[i];
		json_t *o = json_object();
		json_object_set_new(o, "rule", json_string(f->rule));
		json_object_set_new(o, "severity", json_string(ys_severity_name(f->sev)));
		const ys_table *ft = ys_doc_table_at(doc, f->table);
		json_object_set_new(o, "table", !ft ? json_null() : ft->kind ? json_string(ft->title)
		                                                             : json_string(ft->def->code));
		if (f->page)
			json_object_set_new(o, "page", json_integer(f->page));
		json_object_set_new(o, "row", f->row >= 0 ? json_string(f->row_label) : json_null());
		json_object_set_new(o, "column", f->col >= 0 ? json_string(f->col_label) : json_null());
		json_object_set_new(o, "line", f->line ? json_integer(f->line) : json_null());
		json_object_set_new(o, "col", f->column ? json_integer(f->column) : json_null());
		json_object_set_new(o, "message", json_string(f->message));
		if (f->has_amounts) {
			json_object_set_new(o, "expected", json_string(amount(f, f->expected, a)));
			json_object_set_new(o, "found", json_string(amount(f, f->found, a)));
			json_object_set_new(o, "difference", json_string(amount(f, f->difference, a)));
			json_object_set_new(o, "expected_fen", json_integer(f->expected));
			json_object_set_new(o, "found_fen", json_integer(f->found));
			json_object_set_new(o, "difference_fen", json_integer(f->difference));
		} else {
			json_object_set_new(o, "expected", json_null());
			json_object_set_new(o, "found", json_null());
			json_object_set_new(o, "difference", json_null());
		}
		json_array_append_new(arr, o);
	}
	json_object_set_new(root, "findings", arr);
	json_t *tabs = json_array();
	for (int i = 0; i < doc->ntables; i++)
		json_array_append_new(tabs, json_string(ys_table_def((ys_tid)doc->order[i])->code));
	for (int i = 0; i < doc->nothers; i++) {
		/* another layout: what was recognised, as what, where */
		const ys_table *t = doc->others[i];
		json_t *o = json_object();
		json_object_set_new(o, "title", json_string(t->title));
		json_object_set_new(o, "kind", json_string(t->kind));
		json_object_set_new(o, "as", json_string(t->def->title));
		if (t->def->code[0])
			json_object_set_new(o, "like", json_string(t->def->code));
		json_object_set_new(o, "page", t->page ? json_integer(t->page) : json_null());
		json_object_set_new(o, "line", json_integer(t->line));
		json_object_set_new(o, "rows", json_integer(t->nrows));
		json_object_set_new(o, "unit", json_string(ys_unit_name(t->unit)));
		if (t->note)
			json_object_set_new(o, "note", json_string(t->note));
		json_array_append_new(tabs, o);
	}
	json_object_set_new(root, "tables", tabs);
	json_t *un = json_array();
	for (int i = 0; i < doc->nunread; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "title", json_string(doc->unread[i].title));
		json_object_set_new(o, "page", doc->unread[i].page ? json_integer(doc->unread[i].page) : json_null());
		json_object_set_new(o, "line", json_integer(doc->unread[i].line));
		json_object_set_new(o, "why", json_string(doc->unread[i].why));
		json_array_append_new(un, o);
	}
	json_object_set_new(root, "unrecognised", un);
	json_t *sum = json_object();
	json_object_set_new(sum, "errors", json_integer(rep->count[YS_SEV_ERROR]));
	json_object_set_new(sum, "warnings", json_integer(rep->count[YS_SEV_WARNING]));
	json_object_set_new(sum, "notices", json_integer(rep->count[YS_SEV_NOTICE]));
	json_object_set_new(sum, "identities", json_integer(rep->identities));
	json_object_set_new(root, "summary", sum);
	char *s = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (s) {
		ys_buf_adds(out, s);
		ys_buf_addc(out, '\n');
		free(s);
	} else {
		out->oom = 1;
	}
}

static void put_csv(ys_buf *out, const ys_doc *doc, const ys_report *rep)
{
	char a[YS_MONEY_FMT_MAX];
	ys_buf_adds(out, "rule,severity,table,row,column,found,expected,difference,line,col,message\n");
	for (size_t i = 0; i < rep->nfindings; i++) {
		const ys_finding *f = &rep->findings[i];
		const ys_table *ft = ys_doc_table_at(doc, f->table);
		ys_buf_addf(out, "%s,%s,", f->rule, ys_severity_name(f->sev));
		ys_csv_field(out, !ft ? "" : ft->kind ? ft->title : ft->def->code);
		ys_buf_addc(out, ',');
		ys_csv_field(out, f->row_label);
		ys_buf_addc(out, ',');
		ys_csv_field(out, f->col_label);
		if (f->has_amounts) {
			ys_buf_addf(out, ",%s", amount(f, f->found, a));
			ys_buf_addf(out, ",%s", amount(f, f->expected, a));
			ys_buf_addf(out, ",%s,", amount(f, f->difference, a));
		} else {
			ys_buf_adds(out, ",,,,");
		}
		if (f->line)
			ys_buf_addf(out, "%d", f->line);
		ys_buf_addc(out, ',');
		if (f->column)
			ys_buf_addf(out, "%d", f->column);
		ys_buf_addc(out, ',');
		ys_csv_field(out, f->message);
		ys_buf_addc(out, '\n');
	}
}

static int explain(const char *id)
{
	const ys_rule *r = ys_rule_find(id);
	size_t n;
	const ys_rule *d = ys_detail_rules(&n);
	for (size_t i = 0; !r && i < n; i++)
		if (!strcmp(d[i].id, id))
			r = &d[i];
	if (!r) {
		fprintf(stderr, "yusuan: no rule '%s' (yusuan rules lists them)\n", id);
		return EXIT_USAGE;
	}
	printf("%s  [%s, %s]  tables: %s\n%s\n\n%s\n", r->id, ys_severity_name(r->sev), r->family, r->scope, r->title,
	       r->explain);
	return EXIT_OK;
}

int cmd_check(int argc, char **argv)
{
	static const char *const formats[] = { "text", "json", "csv", NULL };
	const char *file = NULL, *db = NULL, *catdir = NULL, *rule = NULL, *docid = NULL, *prevfile = NULL;
	const char *parts[8];
	int nparts = 0;
	const char *catfiles[16];
	int ncatfiles = 0, fmt = FMT_TEXT;
	for (int i = 1; i < argc; i++) {
		int missing = 0;
		const char *v;
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			fputs(usage, stdout);
			return EXIT_OK;
		} else if ((v = cli_opt_value(argc, argv, &i, "--format", &missing))) {
			if (cli_format(v, formats, &fmt))
				return cli_usage_error(usage, "unknown format '%s'", v);
		} else if ((v = cli_opt_value(argc, argv, &i, "--explain", &missing))) {
			return explain(v);
		} else if ((v = cli_opt_value(argc, argv, &i, "--catalog-file", &missing))) {
			if (!strchr(v, '=') || ncatfiles == 16)
				return cli_usage_error(usage, "--catalog-file takes KIND=PATH");
			catfiles[ncatfiles++] = v;
		} else if ((v = cli_opt_value(argc, argv, &i, "--catalog", &missing))) {
			catdir = v;
		} else if ((v = cli_opt_value(argc, argv, &i, "--rule", &missing))) {
			if (!ys_rule_find(v))
				return cli_usage_error(usage, "no rule '%s'", v);
			rule = v;
		} else if ((v = cli_opt_value(argc, argv, &i, "--db", &missing))) {
			db = v;
		} else if ((v = cli_opt_value(argc, argv, &i, "--previous", &missing))) {
			prevfile = v;
		} else if ((v = cli_opt_value(argc, argv, &i, "--doc", &missing))) {
			docid = v;
		} else if (missing) {
			return cli_usage_error(usage, "%s needs a value", argv[i]);
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return cli_usage_error(usage, "unknown option '%s'", argv[i]);
		} else if (!file) {
			file = argv[i];
		} else if (nparts < 8) {
			parts[nparts++] = argv[i];
		} else {
			return cli_usage_error(usage, "at most 9 files of one document");
		}
	}
	if (!file == !db)
		return cli_usage_error(usage, file ? "give a FILE or --db, not both" : "no file given");
	if (docid && !db)
		return cli_usage_error(usage, "--doc goes with --db");

	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = NULL;
	if (db) {
		if (cli_load_from_db(&ctx, db, docid, &doc))
			return cli_fail(&ctx);
	} else if (nparts) {
		const char *all[9] = { file };
		for (int k = 0; k < nparts; k++)
			all[k + 1] = parts[k];
		if (ys_doc_read_pdfs(&ctx, all, nparts + 1, &doc))
			return cli_fail(&ctx);
	} else if (ys_doc_read_file(&ctx, file, &doc)) {
		return cli_fail(&ctx);
	}

	ys_catalog *cat = NULL;
	if (ys_catalog_open(&ctx, catdir, doc->year ? doc->year : 9999, &cat)) {
		ys_doc_free(doc);
		return cli_fail(&ctx);
	}
	for (int i = 0; i < ncatfiles; i++) {
		char kind[32];
		const char *eq = strchr(catfiles[i], '=');
		snprintf(kind, sizeof kind, "%.*s", (int)(eq - catfiles[i]), catfiles[i]);
		if (ys_catalog_load_file(&ctx, cat, kind, eq + 1)) {
			ys_catalog_free(cat);
			ys_doc_free(doc);
			return cli_fail(&ctx);
		}
	}

	ys_doc *prev = NULL;
	if (prevfile && ys_doc_read_file(&ctx, prevfile, &prev)) {
		ys_catalog_free(cat);
		ys_doc_free(doc);
		return cli_fail(&ctx);
	}
	ys_check_opts opts = { cat, rule, prev };
	ys_report *rep;
	if (ys_check(&ctx, doc, &opts, &rep)) {
		ys_catalog_free(cat);
		ys_doc_free(doc);
		ys_doc_free(prev);
		return cli_fail(&ctx);
	}
	ys_buf out = YS_BUF_INIT;
	if (fmt == FMT_JSON)
		put_json(&out, doc, rep);
	else if (fmt == FMT_CSV)
		put_csv(&out, doc, rep);
	else
		put_text(&out, doc, rep);
	int rc = cli_write_stdout(&out);
	if (!rc)
		rc = rep->count[YS_SEV_ERROR] ? EXIT_FINDINGS : EXIT_OK;
	ys_buf_release(&out);
	ys_report_free(rep);
	ys_catalog_free(cat);
	ys_doc_free(doc);
	ys_doc_free(prev);
	return rc;
}
