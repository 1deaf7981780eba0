/*
 * budgetgen.h - random budgets that the detail rules accept (codes from the
 * shipped catalog, income equal to spending by source), for property tests.
 * Deterministic: set rng before use.
 */
#ifndef YS_BUDGETGEN_H
#define YS_BUDGETGEN_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "yusuan/yusuan.h"

static uint64_t rng;
static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static const char *const funcs[] = { "2010101", "2010350", "2010399", "2050201", "2050803", "2080505", "2080506",
	                             "2089999", "2101102", "2101103", "2101199", "2210201", "2210203", "2299999",
	                             "2040101", "2120101", "2130101", "2069999" };
static const char *const econs[] = { "30101", "30102", "30107", "30108", "30109", "30110", "30112", "30113", "30199",
	                             "30201", "30202", "30205", "30206", "30209", "30211", "30212", "30213", "30216",
	                             "30217", "30227", "30231", "30299", "31002", "31003", "31013", "30305", "30901" };

/* A random budget that the detail rules accept: codes from the catalog,
 * income equal to spending by source. */
static ys_budget *random_budget(int n)
{
	ys_budget *b = ys_budget_new("随机部门", 2026);
	b->nunits = 1 + (int)(rnd() % 4);
	b->units = calloc((size_t)b->nunits, sizeof *b->units);
	for (int u = 0; u < b->nunits; u++) {
		b->units[u].name = ys_arena_printf(&b->arena, "单位%d", u);
		b->units[u].type = rnd() % 2 ? YS_UT_JIGUAN : YS_UT_SHIYE;
	}
	b->nprojects = 1 + (int)(rnd() % 5);
	b->projects = calloc((size_t)b->nprojects, sizeof *b->projects);
	static const char *const l1[] = { "产出指标", "效益指标", "满意度指标", "成本指标" };
	for (int p = 0; p < b->nprojects; p++) {
		ys_project *pr = &b->projects[p];
		pr->code = ys_arena_printf(&b->arena, "11000026X%010d", p + 1);
		pr->name = ys_arena_printf(&b->arena, "项目%d", p);
		pr->unit = (int)(rnd() % (uint64_t)b->nunits);
		pr->disclosed = (int)(rnd() % 2);
		pr->goal = "目标";
		pr->nind = 4;
		pr->ind = calloc(4, sizeof *pr->ind);
		for (int k = 0; k < 4; k++)
			pr->ind[k] = (ys_indicator){ l1[k], "数量指标", ys_arena_printf(&b->arena, "指标%d", k), "≥", "1", "个", "",
			                             { NULL, 0 } };
	}
	b->nitems = (size_t)n;
	b->items = calloc((size_t)n, sizeof *b->items);
	for (int i = 0; i < n; i++) {
		ys_item *it = &b->items[i];
		it->unit = (int)(rnd() % (uint64_t)b->nunits);
		strcpy(it->func, funcs[rnd() % (sizeof funcs / sizeof funcs[0])]);
		strcpy(it->econ, econs[rnd() % (sizeof econs / sizeof econs[0])]);
		it->kind = rnd() % 3 == 0 || ys_econ_capital(it->econ) ? YS_PROJECT : YS_BASIC; /* 基本建设 is projects */
		it->project = -1;
		if (it->kind == YS_PROJECT) {
			it->project = (int)(rnd() % (uint64_t)b->nprojects);
			it->unit = b->projects[it->project].unit;
		}
		it->carry = rnd() % 5 == 0;
		static const ys_fundsrc cur[] = { YS_FS_GP, YS_FS_GP, YS_FS_GP, YS_FS_GF, YS_FS_SOC, YS_FS_SPECIAL,
			                          YS_FS_SHIYE, YS_FS_OPER, YS_FS_UPPER, YS_FS_AFFIL, YS_FS_OTHER };
		static const ys_fundsrc car[] = { YS_FS_GP, YS_FS_GF, YS_FS_SOC, YS_FS_SPECIAL, YS_FS_UNIT };
		it->fund = it->carry ? car[rnd() % 5] : cur[rnd() % (sizeof cur / sizeof cur[0])];
		if (rnd() % 20 == 0)
			it->flags = (unsigned char)(1u << (rnd() % 3));
		/* amounts from 1 分 to a few 亿元, with every digit used; the two
		 * draws in their own statements: the operands of % are unsequenced,
		 * and gcc -O2 and the sanitized -O1 build took them in opposite
		 * orders — two different "same" budgets */
		uint64_t draw = rnd();
		it->amount = (int64_t)(draw % (rnd() % 2 ? 1000000000000ULL : 100000ULL)) + 1;
		if (it->carry)
			b->carry[it->fund == YS_FS_UNIT ? 4 : it->fund] += it->amount;
		else
			b->income[it->fund] += it->amount;
	}
	if (rnd() % 2) {
		b->nprocurement = 1;
		b->procurement = calloc(1, sizeof *b->procurement);
		b->procurement[0] = (ys_procurement){ 'A' + (char)(rnd() % 3), "设备", b->items[0].amount, { NULL, 0 } };
	}
	int64_t fiscal = 0;
	for (size_t i = 0; i < b->nitems; i++)
		if (ys_fund_fiscal((ys_fundsrc)b->items[i].fund))
			fiscal += b->items[i].amount;
	if (rnd() % 2 && fiscal > 0) { /* 财政拨款 money: at most the fiscal spending */
		b->nservices = 1;
		b->services = calloc(1, sizeof *b->services);
		b->services[0] = (ys_service){ "公共服务", "教育", "", (int64_t)(rnd() % (uint64_t)fiscal) + 1, { NULL, 0 } };
	}
	b->perf_unit = "随机部门";
	b->perf_goal = "目标";
	b->perf_notes = "无。";
	return b;
}

#endif
