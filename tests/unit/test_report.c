/*
 * test_report.c - the check report as the library renders it: the CSV
 * read back with the library's own strict RFC 4180 reader (field counts,
 * quoting, amounts as plain numbers equal to the findings' 分), the JSON's
 * coverage, the text's summary line, and the summary of a run over many
 * documents.  Including csv.h beside render.h is itself a test: the two
 * once declared one name (ys_csv_field) as a function and as a type.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "seedutil.h"
#include "yusuan/render.h"

#define GENERAL FIXTURE("general/district.txt")

/* The seed with an amount over 1,000 万元 that fails (02's carry-over) and
 * a name holding a comma and quotes (cls.name quotes it in its message). */
static const edit broken[] = {
	{ 45, "2,285.945232", "2,285.945233" },
	{ 53, "30101-基本工资", "30101-基本,\"工资\"" },
};

static ys_report *check_doc(const ys_doc *doc)
{
	return check_with(doc, test_catalog(), NULL, NULL);
}

static char *render(const ys_doc *doc, const ys_report *rep, ys_report_format fmt)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_buf out = YS_BUF_INIT;
	ck_assert_msg(ys_render_report(&ctx, doc, rep, fmt, &out) == YS_OK, "%s", ctx.msg);
	return ys_buf_detach(&out, NULL);
}

/* Every LF is the end of a CRLF. */
static void crlf_only(const char *s)
{
	for (const char *p = strchr(s, '\n'); p; p = strchr(p + 1, '\n'))
		ck_assert_msg(p > s && p[-1] == '\r', "a line ends without CR at byte %td", p - s);
}

typedef struct records {
	char ***f; /* f[i][k] */
	int *nf;
	int n;
} records;

/* Decode (BOM, CRLF) and read every record with the library's CSV reader. */
static records read_csv(const char *s)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	char *text;
	size_t len;
	ys_encoding enc;
	ck_assert_msg(ys_text_decode(&ctx, "report.csv", s, strlen(s), &text, &len, &enc) == YS_OK, "%s", ctx.msg);
	ck_assert_int_eq(enc, YS_ENC_UTF8_BOM);
	records R = { 0 };
	ys_csv c;
	ys_csv_init(&c, "report.csv", text, len, ',');
	int r;
	while ((r = ys_csv_next(&c, &ctx)) == 1) {
		R.f = realloc(R.f, sizeof *R.f * (size_t)(R.n + 1));
		R.nf = realloc(R.nf, sizeof *R.nf * (size_t)(R.n + 1));
		ck_assert(R.f && R.nf);
		R.f[R.n] = calloc(c.nf, sizeof **R.f);
		for (size_t k = 0; k < c.nf; k++)
			R.f[R.n][k] = strdup(c.f[k].s);
		R.nf[R.n++] = (int)c.nf;
	}
	ck_assert_msg(r == 0, "the CSV does not read back: %s", ctx.msg);
	ys_csv_release(&c);
	free(text);
	return R;
}

static void free_records(records *R)
{
	for (int i = 0; i < R->n; i++) {
		for (int k = 0; k < R->nf[i]; k++)
			free(R->f[i][k]);
		free(R->f[i]);
	}
	free(R->f);
	free(R->nf);
}

static int col(const records *R, const char *name)
{
	for (int k = 0; k < R->nf[0]; k++)
		if (!strcmp(R->f[0][k], name))
			return k;
	ck_abort_msg("no column %s", name);
	return -1;
}

/* An amount field: a plain number (no separator) equal to fen in 万元. */
static void plain_amount(const char *field, int64_t fen)
{
	ys_amount a;
	ck_assert_msg(!strchr(field, ','), "'%s' has a thousands separator", field);
	ck_assert_msg(ys_money_parse(field, strlen(field), YS_UNIT_WANYUAN, &a, NULL) == 0, "'%s' is not an amount", field);
	ck_assert_msg(a.fen == fen, "'%s' is %lld 分, the finding says %lld", field, (long long)a.fen, (long long)fen);
}

START_TEST(report_csv_reads_back_field_for_field)
{
	ys_doc *doc = read_seed(broken, 2);
	ys_report *rep = check_doc(doc);
	ck_assert_int_gt(rep->count[YS_SEV_ERROR], 0);
	char *csv = render(doc, rep, YS_REPORT_CSV);
	ck_assert(!memcmp(csv, "\xEF\xBB\xBF", 3));
	crlf_only(csv);
	records R = read_csv(csv);
	/* header, a row per finding, a coverage row per table and the document's */
	ck_assert_int_eq(R.n, 1 + (int)rep->nfindings + rep->cov.ntables + 1);
	for (int i = 1; i < R.n; i++)
		ck_assert_msg(R.nf[i] == R.nf[0], "row %d has %d fields, the header %d", i, R.nf[i], R.nf[0]);
	int crule = col(&R, "rule"), cmsg = col(&R, "message"), cfound = col(&R, "found"), cexp = col(&R, "expected"),
	    cdiff = col(&R, "difference");
	int amounts = 0, big = 0, quoted = 0;
	for (size_t i = 0; i < rep->nfindings; i++) {
		const ys_finding *f = &rep->findings[i];
		char **row = R.f[i + 1];
		ck_assert_str_eq(row[crule], f->rule);
		ck_assert_str_eq(row[cmsg], f->message);
		quoted += strchr(f->message, ',') && strchr(f->message, '"');
		if (!f->has_amounts) {
			ck_assert_str_eq(row[cfound], "");
			continue;
		}
		plain_amount(row[cfound], f->found);
		plain_amount(row[cexp], f->expected);
		plain_amount(row[cdiff], f->difference);
		big += f->found >= 1000000000; /* 1,000 万元 and over: printed elsewhere with a separator */
		amounts++;
	}
	ck_assert_int_gt(amounts, 0);
	ck_assert_int_gt(big, 0);
	ck_assert_int_gt(quoted, 0);
	/* the document's coverage row */
	char **last = R.f[R.n - 1];
	ck_assert_str_eq(last[crule], "coverage");
	char want[32];
	snprintf(want, sizeof want, "%lld", (long long)rep->cov.amounts);
	ck_assert_str_eq(last[col(&R, "amounts_read")], want);
	snprintf(want, sizeof want, "%d", rep->identities);
	ck_assert_str_eq(last[col(&R, "identities")], want);
	free_records(&R);
	free(csv);
	ys_report_free(rep);
	ys_doc_free(doc);
}
END_TEST

START_TEST(report_json_carries_the_coverage)
{
	ys_doc *doc = read_seed(broken, 2);
	ys_report *rep = check_doc(doc);
	char *s = render(doc, rep, YS_REPORT_JSON);
	json_error_t err;
	json_t *root = json_loads(s, 0, &err);
	ck_assert_msg(root != NULL, "%s", err.text);
	json_t *cov = json_object_get(root, "coverage");
	ck_assert_ptr_nonnull(cov);
	ck_assert_int_eq(json_integer_value(json_object_get(cov, "identities")), rep->identities);
	ck_assert_int_eq(json_integer_value(json_object_get(cov, "amounts_read")), rep->cov.amounts);
	ck_assert_str_eq(json_string_value(json_object_get(cov, "percent")), "100.0");
	json_t *tabs = json_object_get(cov, "tables");
	ck_assert_int_eq((int)json_array_size(tabs), rep->cov.ntables);
	json_int_t sum = 0;
	for (size_t i = 0; i < json_array_size(tabs); i++) {
		json_t *t = json_array_get(tabs, i);
		ck_assert_int_eq(json_integer_value(json_object_get(t, "identities")), rep->cov.tables[i].identities);
		sum += json_integer_value(json_object_get(t, "amounts_read"));
	}
	ck_assert_int_eq(sum, rep->cov.amounts);
	/* the findings' exact amounts */
	json_t *fs = json_object_get(root, "findings");
	ck_assert_int_eq((int)json_array_size(fs), (int)rep->nfindings);
	for (size_t i = 0; i < rep->nfindings; i++)
		if (rep->findings[i].has_amounts)
			ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(fs, i), "found_fen")),
			                 rep->findings[i].found);
	json_decref(root);
	free(s);
	ys_report_free(rep);
	ys_doc_free(doc);
}
END_TEST

START_TEST(report_text_says_what_was_read)
{
	ys_doc *doc = read_seed(NULL, 0);
	ys_report *rep = check_doc(doc);
	char *s = render(doc, rep, YS_REPORT_TEXT);
	char want[128];
	snprintf(want, sizeof want, "小结：核对了 %d 个等式，覆盖率 100.0 %%；0 个错误，%d 个警告，%d 个提示", rep->identities,
	         rep->count[YS_SEV_WARNING], rep->count[YS_SEV_NOTICE]);
	ck_assert_msg(strstr(s, want), "no '%s' in\n%s", want, s);
	ck_assert(strstr(s, "读到 13 张表（13 张一套）"));
	ck_assert(strstr(s, "[pres.numbering]"));
	free(s);
	/* the findings alone, as build lists its tables' */
	s = render(doc, rep, YS_REPORT_FINDINGS);
	ck_assert(strstr(s, "[pres.numbering]"));
	ck_assert(!strstr(s, "小结") && !strstr(s, "读到 13 张表"));
	free(s);
	ys_report_free(rep);
	ys_doc_free(doc);
}
END_TEST

/* A document with no amount cell has no coverage to claim. */
START_TEST(report_without_amounts_claims_no_coverage)
{
	static const char text[] = "2024年部门政府性基金预算支出功能分类预算表\n"
	                           "编制部门：某某\t\t\t单位：元\n"
	                           "功能分类科目编码\t功能分类科目名称\t合计\n"
	                           "注：本部门2024年无政府性基金预算支出，故本表为空表。\n";
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = NULL;
	ck_assert_msg(ys_doc_read_general(&ctx, "empty.txt", text, sizeof text - 1, &doc) == YS_OK, "%s", ctx.msg);
	ys_report *rep = check_doc(doc);
	ck_assert_int_eq(rep->cov.permille, -1);
	char *s = render(doc, rep, YS_REPORT_TEXT);
	ck_assert_msg(strstr(s, "覆盖率 -（没有读到金额）"), "%s", s);
	free(s);
	s = render(doc, rep, YS_REPORT_JSON);
	json_t *root = json_loads(s, 0, NULL);
	ck_assert(json_is_null(json_object_get(json_object_get(root, "coverage"), "percent")));
	json_decref(root);
	free(s);
	ys_report_free(rep);
	ys_doc_free(doc);
}
END_TEST

START_TEST(run_summary_in_every_format)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_docsum d[3];
	ys_doc *seed = read_seed(broken, 2), *gen = NULL;
	size_t len;
	char *text = file_text(GENERAL, NULL, 0, &len);
	ck_assert(ys_doc_read_general(&ctx, "district.txt", text, len, &gen) == YS_OK);
	free(text);
	ys_report *r0 = check_doc(seed), *r1 = check_doc(gen);
	for (int i = 0; i < 3; i++)
		ys_docsum_init(&d[i]);
	ck_assert(ys_docsum_fill(&ctx, &d[0], "a/seed.txt", r0) == YS_OK);
	ck_assert(ys_docsum_fill(&ctx, &d[1], "b/x.text.pdf + b/x.tables.pdf", r1) == YS_OK);
	ck_assert(ys_docsum_fail(&ctx, &d[2], "c/bad.pdf", "c/bad.pdf: 不是 PDF") == YS_OK);
	d[0].ms = 1234;
	/* findings by rule add up to the findings */
	int n = 0;
	for (int k = 0; k < d[0].nrules; k++)
		n += d[0].rules[k].count[0] + d[0].rules[k].count[1] + d[0].rules[k].count[2];
	ck_assert_int_eq(n, (int)r0->nfindings);
	for (int k = 1; k < d[0].nrules; k++)
		ck_assert(strcmp(d[0].rules[k - 1].rule, d[0].rules[k].rule) < 0);

	ys_buf out = YS_BUF_INIT;
	ck_assert(ys_render_run(&ctx, d, 3, YS_REPORT_TEXT, &out) == YS_OK);
	ck_assert_msg(strstr(out.s, "1.234  a/seed.txt"), "%s", out.s);
	ck_assert(strstr(out.s, "c/bad.pdf：无法读取：c/bad.pdf: 不是 PDF"));
	ck_assert(strstr(out.s, "小结：3 份文档（1 份无法读取）"));
	ys_buf_reset(&out);

	ck_assert(ys_render_run(&ctx, d, 3, YS_REPORT_CSV, &out) == YS_OK);
	crlf_only(out.s);
	records R = read_csv(out.s);
	ck_assert_int_eq(R.n, 4);
	for (int i = 1; i < R.n; i++)
		ck_assert_int_eq(R.nf[i], R.nf[0]);
	ck_assert_str_eq(R.f[2][col(&R, "file")], "b/x.text.pdf + b/x.tables.pdf");
	ck_assert_str_eq(R.f[3][col(&R, "status")], "unreadable");
	ck_assert_str_eq(R.f[1][col(&R, "seconds")], "1.234");
	char want[32];
	snprintf(want, sizeof want, "%d", r1->identities);
	ck_assert_str_eq(R.f[2][col(&R, "identities")], want);
	free_records(&R);
	ys_buf_reset(&out);

	ck_assert(ys_render_run(&ctx, d, 3, YS_REPORT_JSON, &out) == YS_OK);
	json_t *root = json_loads(out.s, 0, NULL);
	ck_assert_ptr_nonnull(root);
	json_t *sum = json_object_get(root, "summary");
	ck_assert_int_eq(json_integer_value(json_object_get(sum, "documents")), 3);
	ck_assert_int_eq(json_integer_value(json_object_get(sum, "unreadable")), 1);
	ck_assert_int_eq(json_integer_value(json_object_get(sum, "identities")), r0->identities + r1->identities);
	ck_assert_int_eq(json_integer_value(json_object_get(sum, "errors")),
	                 r0->count[YS_SEV_ERROR] + r1->count[YS_SEV_ERROR]);
	json_t *rules = json_object_get(json_array_get(json_object_get(root, "documents"), 0), "rules");
	ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(rules, "t02.carry"), "errors")), 1);
	json_decref(root);
	ys_buf_release(&out);

	for (int i = 0; i < 3; i++)
		ys_docsum_release(&d[i]);
	ys_report_free(r0);
	ys_report_free(r1);
	ys_doc_free(seed);
	ys_doc_free(gen);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");
	tcase_add_test(tc, report_csv_reads_back_field_for_field);
	tcase_add_test(tc, report_json_carries_the_coverage);
	tcase_add_test(tc, report_text_says_what_was_read);
	tcase_add_test(tc, report_without_amounts_claims_no_coverage);
	tcase_add_test(tc, run_summary_in_every_format);
	suite_add_tcase(s, tc);
	return s;
}

