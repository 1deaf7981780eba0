/*
 * rules_detail.c - the rules on a detailed budget, before it is compiled.
 * Errors refuse the build; warnings and notices are reported.  Every
 * finding names the input file and line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_int.h"
#include "yusuan/compile.h"

static void say(ys_checker *d, const ys_rule *rule, ys_severity sev, ys_pos pos, const char *fmt, ...) YS_PRINTF(5, 6);
static void say(ys_checker *d, const ys_rule *rule, ys_severity sev, ys_pos pos, const char *fmt, ...)
{
	ys_finding *f = ys_report_add(d->rep, rule->id, sev);
	if (!f) {
		d->oom = 1;
		return;
	}
	ys_buf b = YS_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	ys_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	f->message = b.oom ? "" : ys_arena_strndup(&d->rep->arena, b.s, b.len);
	ys_buf_release(&b);
	f->file = pos.file ? ys_arena_strdup(&d->rep->arena, pos.file) : NULL;
	f->line = pos.line;
}

static int is_class_row(const char *func)
{
	const ys_tabledef *d = ys_table_def(YS_T01);
	for (int f = 0; f < d->nfixed; f++)
		if (d->fixed[f].code && !strncmp(d->fixed[f].code, func, 3))
			return 1;
	return 0;
}

static int budget_names(const ys_budget *b, ys_catkind kind, const char *code)
{
	for (int i = 0; i < b->nnames; i++)
		if (b->names[i].kind == (int)kind && !strcmp(b->names[i].code, code))
			return 1;
	return 0;
}

static const char *item_code(const ys_item *it, int which)
{
	return which == 0 ? it->func : which == 1 ? it->econ : it->gov;
}

/* A set of code keys (open addressing): each code is looked up once. */
typedef struct codeset {
	uint64_t *k;
	size_t cap;
} codeset;

/* Add key; 1 when it was new, 0 when seen, -1 out of memory. */
static int codeset_add(codeset *s, uint64_t key, size_t want)
{
	if (!s->k) {
		size_t cap = 64;
		while (cap < want * 2)
			cap *= 2;
		s->k = calloc(cap, sizeof *s->k);
		if (!s->k)
			return -1;
		s->cap = cap;
	}
	size_t i = (size_t)(key * 0x9E3779B97F4A7C15ULL >> 20) & (s->cap - 1);
	while (s->k[i]) {
		if (s->k[i] == key)
			return 0;
		i = (i + 1) & (s->cap - 1);
	}
	s->k[i] = key;
	return 1;
}

static void d_codes(ys_checker *d, const ys_rule *rule)
{
	const ys_budget *b = d->budget;
	static const ys_catkind kinds[3] = { YS_CAT_FUNC, YS_CAT_DEPT_ECON, YS_CAT_GOV_ECON };
	codeset set[3] = { { NULL, 0 }, { NULL, 0 }, { NULL, 0 } };
	/* the first use of each code, in item order */
	for (size_t i = 0; i < b->nitems; i++) {
		const ys_item *it = &b->items[i];
		for (int k = 0; k < 3; k++) {
			const char *code = item_code(it, k);
			if (!code[0])
				continue;
			int fresh = codeset_add(&set[k], ys_code_key(code), b->nitems);
			if (fresh < 0) {
				d->oom = 1;
				goto done;
			}
			if (!fresh)
				continue;
			if (k == 0 && !is_class_row(code))
				say(d, rule, YS_SEV_ERROR, it->pos,
				    "功能分类 %s belongs to 类 %.3s, which is not one of the 26 类 of 收支总表", code, code);
			if (ys_catalog_find(d->cat, kinds[k], code))
				continue;
			char kuan[6];
			snprintf(kuan, sizeof kuan, "%.5s", code);
			if (k == 1 && strlen(code) == 7 && ys_catalog_find(d->cat, kinds[k], kuan)) {
				if (!budget_names(b, kinds[k], code))
					say(d, rule, YS_SEV_ERROR, it->pos,
					    "经济分类 %s is a local code under 款 %s: give the name the tables should print in the codes "
					    "sheet (科目名称)",
					    code, kuan);
				continue;
			}
			if (budget_names(b, kinds[k], code))
				say(d, rule, YS_SEV_WARNING, it->pos,
				    "%s %s is not in the %d catalog; printed with the name of the codes sheet",
				    ys_catkind_name(kinds[k]), code, ys_catalog_year(d->cat));
			else
				say(d, rule, YS_SEV_ERROR, it->pos,
				    "%s %s is not in the %d catalog: correct the code, or name it in the codes sheet (科目名称)",
				    ys_catkind_name(kinds[k]), code, ys_catalog_year(d->cat));
		}
	}
done:
	for (int k = 0; k < 3; k++)
		free(set[k].k);
}

static void d_econ_pair(ys_checker *d, const ys_rule *rule)
{
	const ys_budget *b = d->budget;
	codeset seen = { NULL, 0 }; /* (部门经济, 政府经济, unit type) pairs looked at */
	for (size_t i = 0; i < b->nitems; i++) {
		const ys_item *it = &b->items[i];
		if (!it->gov[0])
			continue;
		uint64_t pair = ys_code_key(it->econ) * 31 + ys_code_key(it->gov) * 7 + (uint64_t)b->units[it->unit].type;
		int fresh = codeset_add(&seen, pair | 1, b->nitems);
		if (fresh < 0) {
			d->oom = 1;
			break;
		}
		if (!fresh)
			continue; /* the same pair again: one finding is enough, and it was checked */
		const ys_catmap *m = ys_catalog_map(d->cat, it->econ);
		ys_unittype t = b->units[it->unit].type;
		if (!m || !strcmp(m->gov_code[t], it->gov))
			continue;
		say(d, rule, YS_CONF_FIRM(m->conf) ? YS_SEV_ERROR : YS_SEV_WARNING, it->pos,
		    "部门经济分类 %s of a %s (%s) maps to 政府经济分类 %s %s, not %s", it->econ, ys_unittype_name(t),
		    b->units[it->unit].name, m->gov_code[t], m->gov_name[t], it->gov);
	}
	free(seen.k);
}

static void d_personnel(ys_checker *d, const ys_rule *rule)
{
	const ys_budget *b = d->budget;
	for (size_t i = 0; i < b->nitems; i++) {
		const ys_item *it = &b->items[i];
		if (it->kind == YS_BASIC && ys_econ_capital(it->econ))
			say(d, rule, YS_SEV_ERROR, it->pos,
			    "%s is 资本性支出（基本建设）: it is arranged as a project, never as 基本支出", it->econ);
		if (!it->cls)
			continue;
		if (it->kind == YS_PROJECT)
			say(d, rule, YS_SEV_ERROR, it->pos, "project spending has no 经费类型: 人员经费/公用经费 split 基本支出 only");
		else if ((it->cls == 1) != ys_econ_personnel(it->econ))
			say(d, rule, YS_SEV_ERROR, it->pos, "%s on %s: 人员经费 is 301 and 303 only, every other code is 公用经费",
			    it->cls == 1 ? "人员经费" : "公用经费", it->econ);
	}
}

static void d_projects(ys_checker *d, const ys_rule *rule)
{
	const ys_budget *b = d->budget;
	static const char *const l1[4] = { "产出指标", "效益指标", "满意度指标", "成本指标" };
	char *spends = calloc((size_t)(b->nprojects ? b->nprojects : 1), 1);
	if (!spends) {
		d->oom = 1;
		return;
	}
	for (size_t i = 0; i < b->nitems; i++)
		if (b->items[i].project >= 0 && b->items[i].amount > 0)
			spends[b->items[i].project] = 1;
	for (int p = 0; p < b->nprojects; p++) {
		const ys_project *pr = &b->projects[p];
		if (!spends[p])
			say(d, rule, YS_SEV_WARNING, pr->pos, "project %s %s has no spending", pr->code, pr->name);
		if (!pr->disclosed)
			continue;
		if (pr->nind == 0) {
			say(d, rule, YS_SEV_ERROR, pr->pos, "project %s %s is disclosed (table 12) but has no performance indicators",
			    pr->code, pr->name);
			continue;
		}
		for (int k = 0; k < 4; k++) {
			int has = 0;
			for (int i = 0; i < pr->nind && !has; i++)
				has = ys_name_eq(pr->ind[i].l1, l1[k]);
			if (!has)
				say(d, rule, YS_SEV_WARNING, pr->pos, "disclosed project %s %s has no %s", pr->code, pr->name, l1[k]);
		}
	}
	free(spends);
}

static void d_balance(ys_checker *d, const ys_rule *rule)
{
	const ys_budget *b = d->budget;
	int64_t cur[YS_NFUNDS] = { 0 }, car[YS_NFUNDS] = { 0 };
	for (size_t i = 0; i < b->nitems; i++) {
		const ys_item *it = &b->items[i];
		int64_t *slot = it->carry ? &car[it->fund] : &cur[it->fund];
		if (ys_money_add(*slot, it->amount, slot)) {
			say(d, rule, YS_SEV_ERROR, it->pos, "the spending of %s overflows", ys_fund_name((ys_fundsrc)it->fund));
			return;
		}
	}
	char a[YS_MONEY_FMT_MAX], e[YS_MONEY_FMT_MAX];
	for (int s = 0; s < 9; s++) {
		if (cur[s] == b->income[s])
			continue;
		ys_money_format(a, b->income[s], YS_UNIT_WANYUAN, 6, YS_FMT_GROUP);
		ys_money_format(e, cur[s], YS_UNIT_WANYUAN, 6, YS_FMT_GROUP);
		ys_pos pos = b->income_pos[s].line ? b->income_pos[s] : b->dept_pos;
		say(d, rule, YS_SEV_ERROR, pos, "本年收入 %s is %s 万元 but the items spend %s 万元 of it", ys_fund_name((ys_fundsrc)s),
		    a, e);
	}
	static const int carry_fund[5] = { YS_FS_GP, YS_FS_GF, YS_FS_SOC, YS_FS_SPECIAL, YS_FS_UNIT };
	for (int k = 0; k < 5; k++) {
		if (car[carry_fund[k]] == b->carry[k])
			continue;
		ys_money_format(a, b->carry[k], YS_UNIT_WANYUAN, 6, YS_FMT_GROUP);
		ys_money_format(e, car[carry_fund[k]], YS_UNIT_WANYUAN, 6, YS_FMT_GROUP);
		ys_pos pos = b->carry_pos[k].line ? b->carry_pos[k] : b->dept_pos;
		say(d, rule, YS_SEV_ERROR, pos, "上年结转 %s is %s 万元 but the items spend %s 万元 of it",
		    ys_fund_name((ys_fundsrc)carry_fund[k]), a, e);
	}
}

static void d_negative(ys_checker *d, const ys_rule *rule)
{
	const ys_budget *b = d->budget;
	char a[YS_MONEY_FMT_MAX];
	for (size_t i = 0; i < b->nitems; i++)
		if (b->items[i].amount < 0) {
			ys_money_format(a, b->items[i].amount, YS_UNIT_WANYUAN, 6, YS_FMT_GROUP);
			say(d, rule, YS_SEV_ERROR, b->items[i].pos, "negative amount %s 万元", a);
		}
	for (int s = 0; s < 9; s++)
		if (b->income[s] < 0)
			say(d, rule, YS_SEV_ERROR, b->income_pos[s], "negative income");
	for (int s = 0; s < 5; s++)
		if (b->carry[s] < 0)
			say(d, rule, YS_SEV_ERROR, b->carry_pos[s], "negative carry-over");
	for (int i = 0; i < b->nprocurement; i++)
		if (b->procurement[i].amount < 0)
			say(d, rule, YS_SEV_ERROR, b->procurement[i].pos, "negative procurement");
	for (int i = 0; i < b->nservices; i++)
		if (b->services[i].amount < 0)
			say(d, rule, YS_SEV_ERROR, b->services[i].pos, "negative purchased service");
}

static int same_key(const ys_item *x, const ys_item *y)
{
	return x->unit == y->unit && !strcmp(x->func, y->func) && !strcmp(x->econ, y->econ) && !strcmp(x->gov, y->gov) &&
	       x->fund == y->fund && x->carry == y->carry && x->kind == y->kind && x->project == y->project &&
	       x->flags == y->flags;
}

static uint64_t item_hash(const ys_item *it)
{
	uint64_t h = ys_code_key(it->func) * 0x9E3779B97F4A7C15ULL;
	h ^= ys_code_key(it->econ) + 0x7F4A7C159E3779B9ULL + (h << 6) + (h >> 2);
	h ^= ys_code_key(it->gov) + (h << 6) + (h >> 2);
	h ^= ((uint64_t)(uint32_t)it->unit << 32 | (uint64_t)(uint32_t)it->project) + (h << 6) + (h >> 2);
	h ^= ((uint64_t)it->fund << 24 | (uint64_t)it->carry << 16 | (uint64_t)it->kind << 8 | it->flags) + (h << 6);
	return h;
}

static void d_duplicates(ys_checker *d, const ys_rule *rule)
{
	const ys_budget *b = d->budget;
	/* items by the hash of their key (open addressing, item index + 1) */
	size_t cap = 64;
	while (cap < b->nitems * 2)
		cap *= 2;
	size_t *slot = calloc(cap, sizeof *slot);
	if (!slot) {
		d->oom = 1;
		return;
	}
	for (size_t i = 0; i < b->nitems; i++) {
		const ys_item *y = &b->items[i];
		size_t k = (size_t)(item_hash(y) >> 7) & (cap - 1);
		for (; slot[k]; k = (k + 1) & (cap - 1)) {
			const ys_item *x = &b->items[slot[k] - 1];
			if (same_key(x, y)) {
				say(d, rule, YS_SEV_WARNING, y->pos,
				    "the same item (unit, 功能, 经济, fund, basic/project, project) as %s:%d: the two amounts are "
				    "added",
				    x->pos.file ? x->pos.file : "", x->pos.line);
				break;
			}
		}
		if (!slot[k])
			slot[k] = i + 1;
	}
	free(slot);
	for (int p = 0; p < b->nprojects; p++) {
		const ys_project *pr = &b->projects[p];
		for (int i = 1; i < pr->nind; i++)
			for (int j = 0; j < i; j++)
				if (ys_name_eq(pr->ind[i].l3, pr->ind[j].l3) && ys_name_eq(pr->ind[i].l2, pr->ind[j].l2)) {
					say(d, rule, YS_SEV_WARNING, pr->ind[i].pos, "indicator '%s' of project %s is listed twice (line %d)",
					    pr->ind[i].l3, pr->code, pr->ind[j].pos.line);
					break;
				}
	}
}

static void d_procurement(ys_checker *d, const ys_rule *rule)
{
	const ys_budget *b = d->budget;
	int64_t proc = 0, all = 0;
	for (int i = 0; i < b->nprocurement; i++)
		ys_money_add(proc, b->procurement[i].amount, &proc);
	for (size_t i = 0; i < b->nitems; i++)
		ys_money_add(all, b->items[i].amount, &all);
	if (proc > all && b->nprocurement)
		say(d, rule, YS_SEV_ERROR, b->procurement[0].pos, "procurement exceeds all spending of the department");
	int64_t svc = 0, fiscal = 0;
	for (int i = 0; i < b->nservices; i++)
		ys_money_add(svc, b->services[i].amount, &svc);
	for (size_t i = 0; i < b->nitems; i++)
		if (ys_fund_fiscal((ys_fundsrc)b->items[i].fund))
			ys_money_add(fiscal, b->items[i].amount, &fiscal);
	if (svc > fiscal && b->nservices)
		say(d, rule, YS_SEV_ERROR, b->services[0].pos,
		    "purchased services (财政拨款) exceed the department's 财政拨款 spending");
}

#define E YS_SEV_ERROR
#define W YS_SEV_WARNING

static const ys_rule detail_rules[] = {
	{ "detail.codes", E, "items", "detail", "明细的科目编码在分类目录中",
	  "Every 功能分类, 部门经济分类 and 政府经济分类 code of the items is in the catalog of the year, or named in the "
	  "codes sheet (then a warning); a provincial 7-digit 经济分类 code sits under a valid 款 and needs its printed name; "
	  "every 功能分类 belongs to one of the 26 类 of 收支总表.",
	  d_codes, 0 },
	{ "detail.econ_pair", E, "items units", "detail", "政府经济分类与单位类型相符",
	  "When an item gives its 政府经济分类, it is the 款 its 部门经济分类 maps to for its unit's type (机关 → 501–504, "
	  "事业单位 → 505/506). An error when the mapping row is seen/high, else a warning.",
	  d_econ_pair, 0 },
	{ "detail.personnel", E, "items", "detail", "人员经费只在 301/303，基本建设只在项目",
	  "An item marked 人员经费 has a 301 or 303 economic code; one marked 公用经费 has not; project spending is neither. "
	  "309 资本性支出（基本建设） is project money only.",
	  d_personnel, 0 },
	{ "detail.projects", E, "projects indicators items", "detail", "公开项目有绩效指标",
	  "A project disclosed in table 12 has performance indicators (an error when it has none) covering 产出, 效益, "
	  "满意度 and 成本 (a warning for each missing one); a project without spending is a warning.",
	  d_projects, 0 },
	{ "detail.balance", E, "income carryover items", "detail", "各来源收入等于其支出",
	  "For each source, the income (and the carry-over) stated equals what the items spend from it: the budget "
	  "balances, so that 收入总计 = 支出总计 in tables 01 and 04.",
	  d_balance, 0 },
	{ "detail.negative", E, "all", "detail", "金额不为负", "No amount of the detail is negative.",
	  d_negative, 0 },
	{ "detail.duplicates", W, "items indicators", "detail", "明细不重复",
	  "Two items with the same key (unit, 功能, 经济, fund, current/carry-over, basic/project, project) are added "
	  "together - probably entered twice; an indicator listed twice for a project is reported too. (Units and "
	  "projects listed twice are refused when read.)",
	  d_duplicates, 0 },
	{ "detail.procurement", E, "procurement services items", "detail", "政府采购、购买服务不超过支出",
	  "Procurement cannot exceed the department's spending, nor purchased services (财政拨款 money) its 财政拨款 "
	  "spending.", d_procurement, 0 },
};

const ys_rule *ys_detail_rules(size_t *n)
{
	*n = sizeof detail_rules / sizeof detail_rules[0];
	return detail_rules;
}

static int cmp_finding(const void *a, const void *b)
{
	const ys_finding *x = a, *y = b;
	int r = strcmp(x->file ? x->file : "", y->file ? y->file : "");
	if (r)
		return r;
	if (x->line != y->line)
		return x->line - y->line;
	return strcmp(x->rule, y->rule);
}

ys_result ys_check_budget(ys_ctx *ctx, const ys_budget *b, const ys_catalog *cat, ys_report **out)
{
	*out = NULL;
	ys_report *rep = calloc(1, sizeof *rep);
	if (!rep)
		return ys_error(ctx, YS_ENOMEM, "out of memory");
	ys_arena_init(&rep->arena);
	rep->file = ys_arena_printf(&rep->arena, "%s %d", b->department, b->year);
	ys_checker d;
	memset(&d, 0, sizeof d);
	d.ctx = ctx;
	d.budget = b;
	d.cat = cat;
	d.rep = rep;
	for (size_t i = 0; i < sizeof detail_rules / sizeof detail_rules[0]; i++)
		detail_rules[i].fn(&d, &detail_rules[i]);
	if (d.oom) {
		ys_report_free(rep);
		return ys_error(ctx, YS_ENOMEM, "out of memory");
	}
	if (rep->nfindings)
		qsort(rep->findings, rep->nfindings, sizeof *rep->findings, cmp_finding);
	*out = rep;
	return YS_OK;
}
