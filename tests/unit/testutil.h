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

#endif
