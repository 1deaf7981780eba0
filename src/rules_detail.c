/*
 * rules_detail.c - the rules on a detailed budget, before it is compiled.
 * Errors refuse the build; warnings and notices are reported.  Every
 * finding names the input file and line (for a workbook, the row's first
 * cell: the finding's file is then the whole place, "book.xlsx: 支出明细!A5",
 * and its line 0).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_int.h"
#include "yusuan/compile.h"
#include "yusuan/input.h"
#include "yusuan/text.h"
#include "base_int.h"
#include "yusuan/write.h"

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

/* The codes sheet's row for code, or NULL. */
static const ys_codename *budget_name(const ys_budget *b, ys_catkind kind, const char *code)
{
	for (int i = 0; i < b->nnames; i++)
		if (b->names[i].kind == (int)kind && !strcmp(b->names[i].code, code))
			return &b->names[i];
	return NULL;
}

static int budget_names(const ys_budget *b, ys_catkind kind, const char *code)
{
	return budget_name(b, kind, code) != NULL;
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
				say(d, rule, YS_SEV_ERROR, it->pos, "功能分类 %s 属于类 %.3s，不是收支总表的 26 个类之一", code,
				    code);
			if (ys_catalog_find(d->cat, kinds[k], code))
				continue;
			char kuan[6];
			snprintf(kuan, sizeof kuan, "%.5s", code);
			if (k == 1 && strlen(code) == 7 && ys_catalog_find(d->cat, kinds[k], kuan)) {
				if (!budget_names(b, kinds[k], code))
					say(d, rule, YS_SEV_ERROR, it->pos,
					    "经济分类 %s 是款 %s 下的地方编码：请在科目名称表（codes）中写明表格要印的名称", code,
					    kuan);
				continue;
			}
			if (budget_names(b, kinds[k], code))
				say(d, rule, YS_SEV_WARNING, it->pos, "%s %s 不在 %d 年的分类目录中；按科目名称表的名称印出",
				    ys_catkind_name(kinds[k]), code, ys_catalog_year(d->cat));
			else
				say(d, rule, YS_SEV_ERROR, it->pos,
				    "%s %s 不在 %d 年的分类目录中：请改正编码，或在科目名称表（codes）中写明它的名称",
				    ys_catkind_name(kinds[k]), code, ys_catalog_year(d->cat));
		}
	}
done:
	for (int k = 0; k < 3; k++)
		free(set[k].k);
}

/* FNV-1a of a code's kind, the code and the name written after it: each
 * (code, name) pair is checked once. */
static uint64_t written_key(int kind, const char *code, const char *name)
{
	uint64_t h = 0xcbf29ce484222325ULL ^ (uint64_t)kind;
	for (const char *p = code; *p; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
	h = (h ^ '|') * 0x100000001b3ULL;
	for (const char *p = name; *p; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
	return h | 1;
}

static void d_code_names(ys_checker *d, const ys_rule *rule)
{
	const ys_budget *b = d->budget;
	static const ys_catkind kinds[3] = { YS_CAT_FUNC, YS_CAT_DEPT_ECON, YS_CAT_GOV_ECON };
	codeset seen = { NULL, 0 };
	char at[1200];
	for (size_t i = 0; i < b->nitems; i++) {
		const ys_item *it = &b->items[i];
		for (int k = 0; k < 3; k++) {
			const char *name = it->named[k], *code = item_code(it, k);
			if (!name || !name[0] || !code[0])
				continue;
			int fresh = codeset_add(&seen, written_key(k, code, name), b->nitems);
			if (fresh < 0) {
				d->oom = 1;
				free(seen.k);
				return;
			}
			if (!fresh)
				continue;
			const ys_codename *own = budget_name(b, kinds[k], code);
			const ys_catrow *row = ys_catalog_find(d->cat, kinds[k], code);
			if ((own && ys_name_eq(own->name, name)) || (row && ys_catalog_name_ok(d->cat, kinds[k], row, name)))
				continue;
			if (own)
				say(d, rule, YS_SEV_WARNING, it->pos, "%s %s 写作“%s”，科目名称表（%s）中是“%s”：表格印的是后者",
				    ys_catkind_name(kinds[k]), code, name, ys_input_place(own->pos, at, sizeof at), own->name);
			else if (row && YS_CONF_FIRM(row->conf))
				say(d, rule, YS_SEV_ERROR, it->pos, "%s %s 写作“%s”，%d 年分类目录中是“%s”：请改正编码或名称",
				    ys_catkind_name(kinds[k]), code, name, ys_catalog_year(d->cat), row->name);
			else if (row)
				say(d, rule, YS_SEV_WARNING, it->pos,
				    "%s %s 写作“%s”，%d 年分类目录中是“%s”（目录这一行的可信度为 %s，所以只是警告）：请核对编码或名称",
				    ys_catkind_name(kinds[k]), code, name, ys_catalog_year(d->cat), row->name, ys_conf_name(row->conf));
			/* a code the catalog does not know: detail.codes says so */
		}
	}
	free(seen.k);
}

static void d_econ_pair(ys_checker *d, const ys_rule *rule)
{
	const ys_budget *b = d->budget;
	codeset seen = { NULL, 0 }; /* (部门经济, 政府经济, unit type) pairs looked at */
	for (size_t i = 0; i < b->nitems; i++) {
		const ys_item *it = &b->items[i];
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
		char gov[8];
		if (!it->gov[0]) {
			/* left blank: derived from the mapping, which must have it */
			if (ys_item_gov(b, d->cat, it, gov))
				say(d, rule, YS_SEV_ERROR, it->pos,
				    "部门经济分类 %s 在%s（%s）推不出政府经济分类：分类目录的对应表中没有它，请在“政府经济分类”列填写",
				    it->econ, ys_unittype_name(t), b->units[it->unit].name);
			continue;
		}
		if (!m || !strcmp(m->gov_code[t], it->gov))
			continue;
		say(d, rule, YS_CONF_FIRM(m->conf) ? YS_SEV_ERROR : YS_SEV_WARNING, it->pos,
		    "部门经济分类 %s 在%s（%s）对应政府经济分类 %s %s，不是 %s", it->econ, ys_unittype_name(t),
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
			say(d, rule, YS_SEV_ERROR, it->pos, "%s 是资本性支出（基本建设）：只能作为项目支出，不能作为基本支出",
			    it->econ);
		if (!it->cls)
			continue;
		if (it->kind == YS_PROJECT)
			say(d, rule, YS_SEV_ERROR, it->pos, "项目支出不分经费类型：人员经费/公用经费只用于基本支出");
		else if ((it->cls == 1) != ys_econ_personnel(it->econ))
			say(d, rule, YS_SEV_ERROR, it->pos, "%s用在 %s 上：人员经费只有 301 和 303，其余都是公用经费",
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
			say(d, rule, YS_SEV_WARNING, pr->pos, "项目 %s %s 没有支出", pr->code, pr->name);
		if (!pr->disclosed)
			continue;
		if (pr->nind == 0) {
			say(d, rule, YS_SEV_ERROR, pr->pos, "项目 %s %s 要公开（预算12表），但没有绩效指标", pr->code,
			    pr->name);
			continue;
		}
		for (int k = 0; k < 4; k++) {
			int has = 0;
			for (int i = 0; i < pr->nind && !has; i++)
				has = ys_name_eq(pr->ind[i].l1, l1[k]);
			/* as perf.categories: 产出 and 效益 always, 满意度 and 成本 where they apply */
			if (!has)
				say(d, rule, k < 2 ? YS_SEV_WARNING : YS_SEV_NOTICE, pr->pos, "公开的项目 %s %s 没有%s", pr->code,
				    pr->name, l1[k]);
		}
	}
	free(spends);
}

/* Where a source's income (or carry-over) that does not balance is blamed:
 * its row; else the header of its sheet (the row is missing there); else,
 * with no such sheet, the first item that spends it. */
static ys_pos balance_pos(ys_pos stated, ys_pos head, const ys_item *first, ys_pos dept)
{
	if (stated.line)
		return stated;
	if (head.line)
		return head;
	return first ? first->pos : dept;
}

static void d_balance(ys_checker *d, const ys_rule *rule)
{
	const ys_budget *b = d->budget;
	int64_t cur[YS_NFUNDS] = { 0 }, car[YS_NFUNDS] = { 0 };
	const ys_item *first[2][YS_NFUNDS] = { { NULL } }; /* [carry][fund]: the first item spending it */
	for (size_t i = 0; i < b->nitems; i++) {
		const ys_item *it = &b->items[i];
		int64_t *slot = it->carry ? &car[it->fund] : &cur[it->fund];
		if (!first[it->carry][it->fund])
			first[it->carry][it->fund] = it;
		if (ys_money_add(*slot, it->amount, slot)) {
			say(d, rule, YS_SEV_ERROR, it->pos, "%s的支出合计超出范围", ys_fund_name((ys_fundsrc)it->fund));
			return;
		}
	}
	char a[YS_MONEY_FMT_MAX], e[YS_MONEY_FMT_MAX], at[1200];
	for (int s = 0; s < 9; s++) {
		if (cur[s] == b->income[s])
			continue;
		ys_money_format(a, b->income[s], YS_UNIT_WANYUAN, 6, YS_FMT_GROUP);
		ys_money_format(e, cur[s], YS_UNIT_WANYUAN, 6, YS_FMT_GROUP);
		const ys_item *f = first[0][s];
		ys_pos pos = balance_pos(b->income_pos[s], b->income_head, f, b->dept_pos);
		if (b->income_pos[s].line)
			say(d, rule, YS_SEV_ERROR, pos, "本年收入 %s 为 %s 万元，但支出明细花了其中 %s 万元",
			    ys_fund_name((ys_fundsrc)s), a, e);
		else
			say(d, rule, YS_SEV_ERROR, pos, "收入表没有 %s 一行（即为 0），但支出明细花了其中 %s 万元（第一笔在 %s）",
			    ys_fund_name((ys_fundsrc)s), e, f ? ys_input_place(f->pos, at, sizeof at) : "");
	}
	static const int carry_fund[5] = { YS_FS_GP, YS_FS_GF, YS_FS_SOC, YS_FS_SPECIAL, YS_FS_UNIT };
	for (int k = 0; k < 5; k++) {
		int s = carry_fund[k];
		if (car[s] == b->carry[k])
			continue;
		ys_money_format(a, b->carry[k], YS_UNIT_WANYUAN, 6, YS_FMT_GROUP);
		ys_money_format(e, car[s], YS_UNIT_WANYUAN, 6, YS_FMT_GROUP);
		const ys_item *f = first[1][s];
		ys_pos pos = balance_pos(b->carry_pos[k], b->carry_head, f, b->dept_pos);
		if (b->carry_pos[k].line)
			say(d, rule, YS_SEV_ERROR, pos, "上年结转 %s 为 %s 万元，但支出明细花了其中 %s 万元",
			    ys_fund_name((ys_fundsrc)s), a, e);
		else
			say(d, rule, YS_SEV_ERROR, pos,
			    "上年结转表%s没有 %s 一行（即为 0），但支出明细花了其中 %s 万元的结转资金（第一笔在 %s）",
			    b->carry_head.line ? "" : "（carryover）", ys_fund_name((ys_fundsrc)s), e,
			    f ? ys_input_place(f->pos, at, sizeof at) : "");
	}
}

static void d_negative(ys_checker *d, const ys_rule *rule)
{
	const ys_budget *b = d->budget;
	char a[YS_MONEY_FMT_MAX];
	for (size_t i = 0; i < b->nitems; i++)
		if (b->items[i].amount < 0) {
			ys_money_format(a, b->items[i].amount, YS_UNIT_WANYUAN, 6, YS_FMT_GROUP);
			say(d, rule, YS_SEV_ERROR, b->items[i].pos, "金额为负：%s 万元", a);
		}
	for (int s = 0; s < 9; s++)
		if (b->income[s] < 0)
			say(d, rule, YS_SEV_ERROR, b->income_pos[s], "%s的收入为负", ys_fund_name((ys_fundsrc)s));
	for (int s = 0; s < 5; s++)
		if (b->carry[s] < 0)
			say(d, rule, YS_SEV_ERROR, b->carry_pos[s], "上年结转为负");
	for (int i = 0; i < b->nprocurement; i++)
		if (b->procurement[i].amount < 0)
			say(d, rule, YS_SEV_ERROR, b->procurement[i].pos, "政府采购金额为负");
	for (int i = 0; i < b->nservices; i++)
		if (b->services[i].amount < 0)
			say(d, rule, YS_SEV_ERROR, b->services[i].pos, "政府购买服务金额为负");
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
				char at[1200];
				say(d, rule, YS_SEV_WARNING, y->pos,
				    "与 %s 是同一笔明细（单位、功能分类、经济分类、资金来源、是否结转、基本/项目、项目都相同）："
				    "两笔金额相加",
				    ys_input_place(x->pos, at, sizeof at));
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
					char at[1200];
					say(d, rule, YS_SEV_WARNING, pr->ind[i].pos, "项目 %s 的指标“%s”列了两次（另一次在 %s）",
					    pr->code, pr->ind[i].l3, ys_input_place(pr->ind[j].pos, at, sizeof at));
					break;
				}
	}
}

static void d_procurement(ys_checker *d, const ys_rule *rule)
{
	/* sums in 128 bits: many items of up to INT64_MAX 分 cannot overflow
	 * them, and the comparisons stay exact */
	const ys_budget *b = d->budget;
	__int128 proc = 0, all = 0;
	for (int i = 0; i < b->nprocurement; i++)
		proc += b->procurement[i].amount;
	for (size_t i = 0; i < b->nitems; i++)
		all += b->items[i].amount;
	if (proc > all && b->nprocurement)
		say(d, rule, YS_SEV_ERROR, b->procurement[0].pos, "政府采购超过了部门的全部支出");
	__int128 svc = 0, fiscal = 0;
	for (int i = 0; i < b->nservices; i++)
		svc += b->services[i].amount;
	for (size_t i = 0; i < b->nitems; i++)
		if (ys_fund_fiscal((ys_fundsrc)b->items[i].fund))
			fiscal += b->items[i].amount;
	if (svc > fiscal && b->nservices)
		say(d, rule, YS_SEV_ERROR, b->services[0].pos, "政府购买服务（财政拨款）超过了部门的财政拨款支出");
}

/* What a subject's threshold asks, for messages: "增减 10% 以上或从零、到零". */
static const char *threshold_words(const ys_subject *s, char *buf, size_t cap)
{
	if (s->threshold == 0)
		snprintf(buf, cap, "有增减就要写");
	else if (s->threshold % 100 == 0)
		snprintf(buf, cap, "增减 %d%% 以上%s要写", s->threshold / 100, s->zero ? "或从零、到零" : "");
	else
		snprintf(buf, cap, "增减 %d.%02d%% 以上%s要写", s->threshold / 100, s->threshold % 100,
		         s->zero ? "或从零、到零" : "");
	return buf;
}

static void d_reasons(ys_checker *d, const ys_rule *rule)
{
	const ys_changes *C = d->changes;
	const ys_budget *b = d->budget;
	if (!C)
		return;
	for (int i = 0; i < C->n; i++) {
		const ys_change *c = &C->v[i];
		if (!c->needs_reason || (c->reason && c->reason->text[0]))
			continue;
		ys_buf desc = YS_BUF_INIT;
		ys_change_describe(c, C->year, C->prev_year, &desc);
		char subj[256], thr[128];
		ys_change_subject(c, subj, sizeof subj);
		threshold_words(c->subj, thr, sizeof thr);
		if (c->reason)
			say(d, rule, YS_SEV_WARNING, c->reason->pos, "%s：%s（%s），这一行的“原因”还空着：情况说明要写明原因", subj,
			    desc.s, thr);
		else if (b->reasons_head.line)
			say(d, rule, YS_SEV_WARNING, b->reasons_head,
			    "%s：%s（%s），变化原因表还没有这一行：情况说明要写明原因（yusuan init --previous 写出要填的行）", subj,
			    desc.s, thr);
		else
			say(d, rule, YS_SEV_WARNING, b->dept_pos,
			    "%s：%s（%s），没有变化原因表（reasons）：情况说明要写明原因（yusuan init --previous 写出这张表和要填的行）",
			    subj, desc.s, thr);
		ys_buf_release(&desc);
	}
	for (int i = 0; i < C->nunmatched; i++)
		say(d, rule, YS_SEV_NOTICE, C->unmatched[i]->pos,
		    "科目“%s”不是与上年比较的事项（收入预算、支出预算、“三公”经费及各项、机关运行经费、政府采购，或一般公共预算的类、款、项的编码），"
		    "这一行没有用到",
		    C->unmatched[i]->subject);
}

#define E YS_SEV_ERROR
#define W YS_SEV_WARNING

static const ys_rule detail_rules[] = {
	{ "detail.codes", E, "items", "detail", "明细的科目编码在分类目录中",
	  "支出明细的每个功能分类、部门经济分类和政府经济分类编码都在当年的分类目录中，或在科目名称表中写明了名称"
	  "（此时为警告）；省级 7 位经济分类编码要在有效的款之下，并写明要印的名称；每个功能分类都属于收支总表的 26 个类"
	  "之一。",
	  d_codes, 0 },
	{ "detail.code_names", E, "items codes", "detail", "编码后写的名称与目录一致",
	  "编码带名称写（2010350-事业运行）时，名称与分类目录中这个编码的名称（或目录记下的印法）一致，或与科目名称表中"
	  "给它的名称一致。目录这一行可信度为 seen/high 时不一致是错误，为 medium/low 时是警告；与科目名称表不一致是警告"
	  "（表格印的是科目名称表的名称）。",
	  d_code_names, 0 },
	{ "detail.econ_pair", E, "items units", "detail", "政府经济分类与单位类型相符",
	  "明细给出政府经济分类时，它就是其部门经济分类按单位类型对应的款（机关 → 501–504，事业单位 → 505/506）。"
	  "对应关系这一行可信度为 seen/high 时为错误，否则为警告。留空时要能从对应表推出，推不出是错误。",
	  d_econ_pair, 0 },
	{ "detail.personnel", E, "items", "detail", "人员经费只在 301/303，基本建设只在项目",
	  "标为人员经费的明细，经济分类是 301 或 303；标为公用经费的不是；项目支出两者都不是。309 资本性支出（基本建设）"
	  "只能是项目支出。",
	  d_personnel, 0 },
	{ "detail.projects", E, "projects indicators items", "detail", "公开项目有绩效指标",
	  "在预算12表公开的项目有绩效指标（一个也没有是错误），并覆盖产出、效益（缺少为警告）、满意度和成本（缺少为提示）；"
	  "没有支出的项目是警告。",
	  d_projects, 0 },
	{ "detail.balance", E, "income carryover items", "detail", "各来源收入等于其支出",
	  "每个来源写明的本年收入（和上年结转）等于明细从它花的钱：预算收支平衡，01 表和 04 表的收入总计 = 支出总计。"
	  "收入表（或上年结转表）缺了某个来源的一行时，错误指在这张表的表头行，并说出第一笔花它的明细。",
	  d_balance, 0 },
	{ "detail.negative", E, "all", "detail", "金额不为负", "明细中没有负的金额。",
	  d_negative, 0 },
	{ "detail.duplicates", W, "items indicators", "detail", "明细不重复",
	  "两笔明细的键（单位、功能分类、经济分类、资金来源、是否结转、基本/项目、项目）相同时金额相加——多半是录了两次；"
	  "一个项目的同一指标列了两次也报告。（单位和项目列了两次在读入时就拒绝。）",
	  d_duplicates, 0 },
	{ "detail.procurement", E, "procurement services items", "detail", "政府采购、购买服务不超过支出",
	  "政府采购不能超过部门的全部支出，政府购买服务（财政拨款资金）不能超过部门的财政拨款支出。",
	  d_procurement, 0 },
	{ "detail.reasons", W, "reasons", "detail", "与上年相比的大幅变化写明原因",
	  "有上年数（build --previous）时：收入预算、支出预算、一般公共预算的类增减 10% 以上，机关运行经费、政府采购和“三公”经费"
	  "各项增减 10% 以上，“三公”经费合计有任何增减，或某一项从零、到零——情况说明要印出原因，变化原因表（reasons）中要有这一行的"
	  "原因；没有时警告指在要填的那一行（表中已有这一行而原因空着），或表头（缺这一行），或部门表（没有这张表）。阈值是"
	  "src/write/changes.c 中的数据，见 docs/report.md。写了原因却不是可比较的事项，是提示。",
	  d_reasons, 0 },
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

static ys_result check_budget_body(ys_ctx *ctx, const ys_budget *b, const ys_catalog *cat,
                                   const struct ys_changes *changes, ys_report **out)
{
	*out = NULL;
	ys_report *rep = calloc(1, sizeof *rep);
	if (!rep)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	ys_arena_init(&rep->arena);
	rep->file = ys_arena_printf(&rep->arena, "%s %d", b->department, b->year);
	ys_checker d;
	memset(&d, 0, sizeof d);
	d.ctx = ctx;
	d.budget = b;
	d.changes = changes;
	d.cat = cat;
	d.rep = rep;
	for (size_t i = 0; i < sizeof detail_rules / sizeof detail_rules[0]; i++)
		detail_rules[i].fn(&d, &detail_rules[i]);
	if (rep->nfindings)
		qsort(rep->findings, rep->nfindings, sizeof *rep->findings, cmp_finding);
	/* a workbook's row, sorted by its row number, is then named by its
	 * first cell: "book.xlsx: 支出明细!A5" */
	for (size_t i = 0; i < rep->nfindings && !d.oom; i++) {
		ys_finding *f = &rep->findings[i];
		size_t n = f->file ? strlen(f->file) : 0;
		if (!n || f->file[n - 1] != '!')
			continue;
		char at[1200];
		ys_pos pos = { f->file, f->line };
		if (!(f->file = ys_arena_strdup(&rep->arena, ys_input_place(pos, at, sizeof at))))
			d.oom = 1;
		f->line = 0;
	}
	if (d.oom) {
		ys_report_free(rep);
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	}
	*out = rep;
	return YS_OK;
}

ys_result ys_check_budget_prev(ys_ctx *ctx, const ys_budget *b, const ys_catalog *cat, const struct ys_changes *changes,
                               ys_report **out)
{
	unsigned long mark = ys_oom_mark();
	ys_result r = ys_oom_check(ctx, check_budget_body(ctx, b, cat, changes, out), mark);
	if (r && *out) {
		ys_report_free(*out);
		*out = NULL;
	}
	return r;
}

ys_result ys_check_budget(ys_ctx *ctx, const ys_budget *b, const ys_catalog *cat, ys_report **out)
{
	return ys_check_budget_prev(ctx, b, cat, NULL, out);
}
