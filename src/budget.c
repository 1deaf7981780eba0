/*
 * budget.c - the detailed budget: allocation and the derivations every
 * table shares (personnel by economic code, 政府经济 by unit type).
 */
#include "yusuan/budget.h"

#include <stdlib.h>
#include <string.h>

const char *ys_fund_name(ys_fundsrc f)
{
	static const char *const n[YS_NFUNDS] = {
		"一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "事业收入",
		"事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入", "单位资金",
	};
	return (unsigned)f < YS_NFUNDS ? n[f] : "?";
}

ys_fundsrc ys_csource_fund(int c)
{
	return c == YS_CSRC_UNIT ? YS_FS_UNIT : c >= 0 && c < YS_CSRC_UNIT ? (ys_fundsrc)c : YS_NFUNDS;
}

uint64_t ys_code_key(const char *s)
{
	static const uint64_t pad[10] = { 1000000000, 100000000, 10000000, 1000000, 100000, 10000, 1000, 100, 10, 1 };
	uint64_t v = 0;
	int n = 0;
	for (; n < 9 && (unsigned)(s[n] - '0') < 10; n++)
		v = v * 10 + (uint64_t)(s[n] - '0');
	return v * pad[n] * 16 + (uint64_t)n; /* v padded to 9 digits */
}

int ys_econ_personnel(const char *econ)
{
	return !strncmp(econ, "301", 3) || !strncmp(econ, "303", 3);
}

ys_budget *ys_budget_new(const char *department, int year)
{
	ys_budget *b = calloc(1, sizeof *b);
	if (!b)
		return NULL;
	ys_arena_init(&b->arena);
	b->department = ys_arena_strdup(&b->arena, department ? department : "");
	b->year = year;
	b->sangong_abroad = b->sangong_reception = b->sangong_car_buy = b->sangong_car_run = -1;
	b->perf_unit = b->perf_goal = b->perf_notes = "";
	b->admin = -1;
	b->vehicles = b->equip = b->equip_new = -1;
	if (!b->department) {
		ys_budget_free(b);
		return NULL;
	}
	return b;
}

void ys_budget_free(ys_budget *b)
{
	if (!b)
		return;
	free(b->units);
	free(b->items);
	for (int i = 0; i < b->nprojects; i++)
		free(b->projects[i].ind);
	free(b->projects);
	free(b->procurement);
	free(b->services);
	free(b->perf);
	free(b->names);
	free(b->reasons);
	free(b->texts);
	ys_arena_release(&b->arena);
	free(b);
}

int ys_item_gov(const ys_budget *b, const ys_catalog *cat, const ys_item *it, char *gov)
{
	if (it->gov[0]) {
		memcpy(gov, it->gov, sizeof it->gov);
		return 0;
	}
	if (it->unit < 0 || it->unit >= b->nunits)
		return -1;
	const ys_catmap *m = ys_catalog_map(cat, it->econ);
	ys_unittype t = b->units[it->unit].type;
	if (!m || (t != YS_UT_JIGUAN && t != YS_UT_SHIYE) || strlen(m->gov_code[t]) > 5)
		return -1;
	strcpy(gov, m->gov_code[t]);
	return 0;
}

const char *ys_budget_code_name(const ys_budget *b, const ys_catalog *cat, ys_catkind kind, const char *code)
{
	for (int i = 0; i < b->nnames; i++)
		if (b->names[i].kind == (int)kind && !strcmp(b->names[i].code, code))
			return b->names[i].name;
	const ys_catrow *r = ys_catalog_find(cat, kind, code);
	return r ? r->name : NULL;
}
