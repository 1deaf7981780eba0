/*
 * gen.c - a corpus of department budgets for the benchmark: one CSV of line
 * items of many departments, in the format `yusuan batch` reads (see
 * docs/batch.md), deterministic for a seed.
 *
 *     gen DEPARTMENTS ITEMS_PER_DEPARTMENT [SEED] > items.csv
 *
 * Codes are valid: 功能分类 项 of the 26 类, 部门经济 款 with the 政府经济 款
 * their unit's type maps them to.  Amounts are 万元 with 6 decimals.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t s;
static uint64_t rnd(void)
{
	s ^= s << 13;
	s ^= s >> 7;
	s ^= s << 17;
	return s;
}

static const char *const funcs[] = {
	"2010101", "2010102", "2010150", "2010301", "2010350", "2010399", "2010601", "2010650", "2011101", "2011301",
	"2013101", "2013201", "2013601", "2040101", "2040201", "2050101", "2050201", "2050202", "2050203", "2050803",
	"2060101", "2060201", "2070101", "2080101", "2080505", "2080506", "2089999", "2100101", "2100201", "2101101",
	"2101102", "2101103", "2101199", "2110101", "2120101", "2120201", "2130101", "2130201", "2140101", "2150899",
	"2169999", "2200101", "2210201", "2210202", "2210203", "2240101", "2299999",
};

/* 部门经济 款, its 政府经济 款 for 机关 and for 事业单位 */
static const char *const econs[][3] = {
	{ "30101", "50101", "50501" }, { "30102", "50101", "50501" }, { "30103", "50101", "50501" },
	{ "30107", "50101", "50501" }, { "30108", "50102", "50501" }, { "30109", "50102", "50501" },
	{ "30110", "50102", "50501" }, { "30112", "50102", "50501" }, { "30113", "50103", "50501" },
	{ "30199", "50199", "50501" }, { "30201", "50201", "50502" }, { "30202", "50201", "50502" },
	{ "30205", "50201", "50502" }, { "30206", "50201", "50502" }, { "30207", "50201", "50502" },
	{ "30208", "50201", "50502" }, { "30209", "50201", "50502" }, { "30211", "50201", "50502" },
	{ "30212", "50207", "50502" }, { "30213", "50209", "50502" }, { "30215", "50202", "50502" },
	{ "30216", "50203", "50502" }, { "30217", "50206", "50502" }, { "30226", "50205", "50502" },
	{ "30227", "50205", "50502" }, { "30228", "50201", "50502" }, { "30231", "50208", "50502" },
	{ "30299", "50299", "50502" }, { "30301", "50905", "50905" }, { "30305", "50901", "50901" },
	{ "31002", "50306", "50601" }, { "31003", "50306", "50601" }, { "31007", "50306", "50601" },
	{ "31013", "50303", "50601" },
};

static const char *const funds_cur[] = { "一般公共预算", "一般公共预算", "一般公共预算", "一般公共预算", "一般公共预算",
	                                 "一般公共预算", "一般公共预算", "一般公共预算", "政府性基金预算", "国有资本经营预算",
	                                 "事业收入", "其他收入" };
static const char *const funds_carry[] = { "一般公共预算", "一般公共预算", "单位资金" };

#define N(a) (sizeof(a) / sizeof((a)[0]))

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: gen DEPARTMENTS ITEMS_PER_DEPARTMENT [SEED]\n");
		return 2;
	}
	long depts = atol(argv[1]), per = atol(argv[2]);
	s = argc > 3 ? strtoull(argv[3], NULL, 10) : 20261125;
	if (!s)
		s = 1;
	static char buf[1 << 16];
	setvbuf(stdout, buf, _IOFBF, sizeof buf);
	printf("部门,单位,单位类型,功能分类,经济分类,政府经济分类,资金来源,上年结转,支出类型,项目编码,金额（万元）\n");
	for (long d = 1; d <= depts; d++) {
		int units = 1 + (int)(rnd() % 5);
		int jiguan[5];
		for (int u = 0; u < units; u++)
			jiguan[u] = u == 0 ? (int)(rnd() % 2) : 0;
		long n = per / 2 + (long)(rnd() % (uint64_t)per); /* about `per` items on average */
		for (long i = 0; i < n; i++) {
			int u = (int)(rnd() % (uint64_t)units);
			const char *const *e = econs[rnd() % N(econs)];
			int carry = rnd() % 10 == 0;
			int project = !carry && rnd() % 3 == 0;
			const char *fund = carry ? funds_carry[rnd() % N(funds_carry)] : funds_cur[rnd() % N(funds_cur)];
			uint64_t amt = rnd() % (rnd() % 4 ? 100000000ULL : 10000000000ULL) + 1; /* 分 */
			printf("部门%04ld,单位%d,%s,%s,%s,%s,%s,%s,%s,", d, u, jiguan[u] ? "机关" : "事业单位",
			       funcs[rnd() % N(funcs)], e[0], e[jiguan[u] ? 1 : 2], fund, carry ? "是" : "否",
			       project ? "项目支出" : "基本支出");
			if (project)
				printf("P%04ld%02d", d, (int)(rnd() % 40));
			printf(",%" PRIu64 ".%06" PRIu64 "\n", amt / 1000000, amt % 1000000);
		}
	}
	return ferror(stdout) ? 1 : 0;
}
