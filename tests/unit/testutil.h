/*
 * testutil.h - shared scaffolding for the Check-based unit tests: each test
 * file defines make_suite() and includes this for main().
 */
#ifndef YS_TESTUTIL_H
#define YS_TESTUTIL_H

#include <check.h>
#include <stdlib.h>

static Suite *make_suite(void);

#ifndef YS_TESTDIR
#define YS_TESTDIR "tests"
#endif
#define FIXTURE(name) YS_TESTDIR "/fixtures/" name
#define SEED FIXTURE("seed/000_c2fdc67ddbce1acd.txt")

int main(void)
{
	SRunner *sr = srunner_create(make_suite());
	srunner_run_all(sr, CK_ENV);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* The sweeps: one path run over many generated or real inputs (random
 * budgets, every planted figure of every document).  The plain build runs
 * every input; the sanitized build (make test SAN=1, several times slower),
 * whose job is memory and undefined behaviour on those paths, runs every
 * YS_SAN_STRIDE-th — the same code, a third of the inputs.  At the top of
 * a loop test: SAN_SAMPLE(_i); */
#if defined(__SANITIZE_ADDRESS__)
#define YS_SAN_STRIDE 3
#else
#define YS_SAN_STRIDE 1
#endif
#define SAN_SAMPLE(i)                   \
	do {                            \
		if ((i) % YS_SAN_STRIDE) \
			return;         \
	} while (0)

#endif
