/*
 * diag.c - the input errors a reading collected (ys_diags), printed as a
 * compiler prints its errors: one a line, each at its place, then a count.
 */
#include "cli.h"

int cli_print_diags(const ys_ctx *ctx, const ys_diags *dl, const char *what)
{
	if (!dl->n)
		return cli_fail(ctx);
	for (size_t i = 0; i < dl->n; i++) {
		const ys_diag *d = &dl->d[i];
		fprintf(stderr, "yusuan: %s%s%s\n", d->place, d->place[0] ? ": " : "", d->msg);
	}
	/* one error is its own summary */
	if (dl->stopped)
		fprintf(stderr, "yusuan: %s: 输入有错误，报告了前 %zu 处后停止读取（上限 %d 处）\n", what, dl->n,
		        YS_INPUT_ERRORS_MAX);
	else if (dl->n > 1)
		fprintf(stderr, "yusuan: %s: 输入有 %zu 处错误\n", what, dl->n);
	return cli_exit_for(dl->d[0].code);
}
