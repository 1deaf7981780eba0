/*
 * read/detail.c - the detailed budget's input format, described as data,
 * and its reader (a folder of CSV files; the XLSX reader feeds the same
 * records through read/xlsx.c).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csv.h"
#include "input_int.h"
#include "yusuan/input.h"
#include "yusuan/doc.h"
#include "yusuan/money.h"
#include "yusuan/text.h"

/* ---- the description ---------------------------------------------------- */

typedef enum { F_TEXT, F_CODE, F_AMOUNT, F_ENUM, F_BOOL, F_YEAR } fkind;

typedef struct field {
	const char *id;
	const char *zh;
	const char *aliases; /* '|'-separated */
	unsigned char kind, required;
	const char *values;  /* F_ENUM: the accepted values, for docs */
	const char *doc;
} field;

typedef struct sheet {
	const char *id;
	const char *zh;
	const char *aliases;
	int required;
	const field *fields;
	int nfields;
	const char *doc;
} sheet;

enum { D_NAME, D_YEAR, D_UNIT, D_GOAL, D_NOTES };
static const field f_department[] = {
	{ "name", "部门名称", "部门|department", F_TEXT, 1, NULL, "部门名称，与各表标题中的一致" },
	{ "year", "年度", "预算年度|year", F_YEAR, 1, NULL, "预算年度，如 2026" },
	{ "unit", "单位名称", "整体绩效单位|perf_unit", F_TEXT, 0, NULL,
	  "第 13 表“单位名称”一栏印的名称（默认同部门名称）" },
	{ "goal", "整体绩效目标", "goal", F_TEXT, 0, NULL, "第 13 表的整体绩效目标" },
	{ "notes", "其他说明", "notes", F_TEXT, 0, NULL, "第 13 表的其他说明（默认“无。”）" },
};

enum { U_NAME, U_TYPE };
static const field f_units[] = {
	{ "name", "单位名称", "单位|unit|name", F_TEXT, 1, NULL, "预算单位；本表的顺序就是第 05 表各单位的顺序" },
	{ "type", "单位类型", "类型|type", F_ENUM, 1, "机关 (行政单位, 参公单位) or 事业单位",
	  "决定每个部门经济分类款对应的政府经济分类款（机关 → 501–504，事业单位 → 505/506）" },
};

enum { I_SOURCE, I_AMOUNT };
static const field f_income[] = {
	{ "source", "收入来源", "来源|source", F_ENUM, 1,
	  "一般公共预算, 政府性基金预算, 国有资本经营预算, 财政专户管理资金, 事业收入, 事业单位经营收入, 上级补助收入, "
	  "附属单位上缴收入, 其他收入",
	  "第 02 表本年收入的 9 个来源之一" },
	{ "amount", "金额", "amount", F_AMOUNT, 1, NULL, "该来源的本年收入" },
};

static const field f_carry[] = {
	{ "source", "结转来源", "来源|source", F_ENUM, 1,
	  "一般公共预算, 政府性基金预算, 国有资本经营预算, 财政专户管理资金, 单位资金",
	  "第 02 表上年结转结余的 5 个来源之一" },
	{ "amount", "金额", "amount", F_AMOUNT, 1, NULL, "从上年结转的金额" },
};

enum { IT_UNIT, IT_FUNC, IT_ECON, IT_GOV, IT_FUND, IT_CARRY, IT_KIND, IT_CLASS, IT_PROJECT, IT_FLAGS, IT_AMOUNT };
static const field f_items[] = {
	{ "unit", "单位", "单位名称|unit", F_TEXT, 1, NULL, "单位表中的一个单位" },
	{ "func", "功能分类", "功能分类科目|功能科目|func|function", F_CODE, 1, NULL, "支出功能分类的项，7 位编码" },
	{ "econ", "经济分类", "部门经济分类|部门支出经济分类|经济科目|econ", F_CODE, 1, NULL,
	  "部门预算支出经济分类的款，5 位编码；或有效款下的省级 7 位编码" },
	{ "gov", "政府经济分类", "政府支出经济分类|gov", F_CODE, 0, NULL,
	  "政府预算支出经济分类的款；留空则按经济分类和单位类型推出" },
	{ "fund", "资金来源", "来源|fund", F_ENUM, 1,
	  "一般公共预算, 政府性基金预算, 国有资本经营预算, 财政专户管理资金, 事业收入, 事业单位经营收入, 上级补助收入, "
	  "附属单位上缴收入, 其他收入, 单位资金",
	  "钱从哪里来；单位资金只用于上年结转的钱" },
	{ "carry", "上年结转", "结转|carry", F_BOOL, 0, "是/否", "上年结转的钱填“是”" },
	{ "kind", "支出类型", "基本/项目|kind", F_ENUM, 1, "基本支出 or 项目支出", "基本支出还是项目支出" },
	{ "class", "经费类型", "人员/公用|class", F_ENUM, 0, "人员经费 or 公用经费",
	  "可不填；填了须与经济分类一致（人员经费是 301 和 303）" },
	{ "project", "项目编码", "项目|project", F_TEXT, 0, NULL, "项目支出：项目表中一个项目的编码" },
	{ "flags", "其中", "flags", F_ENUM, 0, "事业单位经营支出, 上缴上级支出, 对附属单位补助支出",
	  "这笔钱同时计入第 03 表的哪一个“其中”栏" },
	{ "amount", "金额", "amount", F_AMOUNT, 1, NULL, "金额" },
};

enum { P_CODE, P_NAME, P_UNIT, P_DISCLOSED, P_GOAL };
static const field f_projects[] = {
	{ "code", "项目编码", "编码|code", F_TEXT, 1, NULL, "项目编码（第 12 表印作“编码-名称”）" },
	{ "name", "项目名称", "名称|name", F_TEXT, 1, NULL, "项目名称" },
	{ "unit", "单位", "单位名称|unit", F_TEXT, 1, NULL, "承担项目的单位" },
	{ "disclosed", "是否公开", "公开|disclosed", F_BOOL, 0, "是/否", "是：连同绩效目标在第 12 表公开" },
	{ "goal", "绩效目标", "年度绩效目标|goal", F_TEXT, 0, NULL, "本年绩效目标" },
};

enum { N_PROJECT, N_L1, N_L2, N_L3, N_OP, N_VALUE, N_UNIT };
static const field f_indicators[] = {
	{ "project", "项目编码", "项目|project", F_TEXT, 1, NULL, "所属项目的编码" },
	{ "l1", "一级指标", "l1", F_TEXT, 1, NULL, "产出指标、效益指标、满意度指标或成本指标" },
	{ "l2", "二级指标", "l2", F_TEXT, 1, NULL, "数量指标、质量指标、时效指标、社会效益指标……" },
	{ "l3", "三级指标", "指标|l3", F_TEXT, 1, NULL, "指标本身" },
	{ "op", "指标性质", "绩效指标性质|op", F_TEXT, 1, NULL, "=、≥、≤ 或 定性" },
	{ "value", "指标值", "本年绩效指标值|value", F_TEXT, 1, NULL, "指标值：100、优……" },
	{ "unit", "度量单位", "绩效度量单位|unit", F_TEXT, 0, NULL, "%、名、万元……" },
};

enum { C_CATEGORY, C_NAME, C_AMOUNT };
static const field f_procurement[] = {
	{ "category", "采购类别", "类别|category", F_ENUM, 1, "A 货物, B 工程, C 服务", "第 10 表的采购类别" },
	{ "name", "采购项目", "名称|name", F_TEXT, 0, NULL, "采购的内容" },
	{ "amount", "金额", "amount", F_AMOUNT, 1, NULL, "金额" },
};

enum { S_L1, S_L2, S_L3, S_AMOUNT };
static const field f_services[] = {
	{ "l1", "一级目录", "一级|l1", F_TEXT, 1, NULL, "政府购买服务指导性目录的一级目录" },
	{ "l2", "二级目录", "二级|l2", F_TEXT, 0, NULL, "二级目录" },
	{ "l3", "三级目录", "三级|l3", F_TEXT, 0, NULL, "三级目录" },
	{ "amount", "金额", "amount", F_AMOUNT, 1, NULL, "用于该项的财政拨款" },
};

enum { G_ITEM, G_AMOUNT };
static const field f_sangong[] = {
	{ "item", "项目", "三公项目|item", F_ENUM, 1, "因公出国（境）费用, 公务接待费, 公务用车购置费, 公务用车运行维护费",
	  "第 09 表的一个部分" },
	{ "amount", "金额", "amount", F_AMOUNT, 1, NULL,
	  "财政拨款数，在它不等于 30212/30217/31013/30231 上的钱时填写" },
};

enum { Q_ACTIVITY, Q_L1, Q_L2, Q_L3, Q_OP, Q_VALUE, Q_UNIT };
static const field f_perf[] = {
	{ "activity", "活动", "activity", F_TEXT, 0, NULL, "活动（后勤管理……）" },
	{ "l1", "一级指标", "l1", F_TEXT, 1, NULL, "产出指标……" },
	{ "l2", "二级指标", "l2", F_TEXT, 1, NULL, "数量指标……" },
	{ "l3", "三级指标", "指标|l3", F_TEXT, 1, NULL, "指标" },
	{ "op", "指标性质", "op", F_TEXT, 1, NULL, "=、≥、≤ 或 定性" },
	{ "value", "指标值", "value", F_TEXT, 1, NULL, "指标值" },
	{ "unit", "度量单位", "unit", F_TEXT, 0, NULL, "%、个……" },
};

enum { K_KIND, K_CODE, K_NAME };
static const field f_codes[] = {
	{ "kind", "分类", "kind", F_ENUM, 1, "功能分类, 部门经济分类, 政府经济分类", "哪一种分类" },
	{ "code", "编码", "科目编码|code", F_CODE, 1, NULL, "编码" },
	{ "name", "名称", "科目名称|name", F_TEXT, 1, NULL, "各表为该编码印的名称" },
};

#define NF(a) (int)(sizeof(a) / sizeof((a)[0]))
enum { SH_DEPARTMENT, SH_UNITS, SH_CODES, SH_INCOME, SH_CARRY, SH_PROJECTS, SH_INDICATORS, SH_ITEMS,
       SH_PROCUREMENT, SH_SERVICES, SH_SANGONG, SH_PERF, SH_N };
/* read in this order: what a sheet refers to is read before it */
static const sheet sheets[SH_N] = {
	{ "department", "部门", "部门信息", 1, f_department, NF(f_department),
	  "一行：部门、年度和第 13 表的文字。" },
	{ "units", "单位", "预算单位", 1, f_units, NF(f_units), "每个预算单位一行，按第 05 表的顺序。" },
	{ "codes", "科目名称", "names", 0, f_codes, NF(f_codes),
	  "选填：目录中没有的编码（省级 7 位编码，如 3021101 差旅费）或本部门另有印法的编码（50601 "
	  "资本性支出）要印的名称。" },
	{ "income", "收入", "本年收入", 1, f_income, NF(f_income), "本年收入，按来源（第 02 表的本年收入）。" },
	{ "carryover", "上年结转", "结转|carry", 0, f_carry, NF(f_carry), "上年结转结余，按来源（第 02 表的上年结转结余）。" },
	{ "projects", "项目", "项目库", 0, f_projects, NF(f_projects), "每个项目一行。" },
	{ "indicators", "项目绩效指标", "绩效指标", 0, f_indicators, NF(f_indicators),
	  "项目的绩效指标，按第 12 表印的顺序。" },
	{ "items", "支出明细", "明细|预算明细", 1, f_items, NF(f_items),
	  "支出明细：每行一笔，按单位 × 功能分类 × 经济分类 × 资金来源 × 基本/项目（× 项目）分开。" },
	{ "procurement", "政府采购", "采购", 0, f_procurement, NF(f_procurement), "政府采购（第 10 表）。" },
	{ "services", "政府购买服务", "购买服务", 0, f_services, NF(f_services), "政府购买服务（第 11 表）。" },
	{ "sangong", "三公经费", "三公", 0, f_sangong, NF(f_sangong),
	  "选填：经济分类看不出的三公经费数（第 09 表）。" },
	{ "performance", "整体绩效指标", "单位整体绩效|perf", 0, f_perf, NF(f_perf),
	  "部门整体绩效指标（第 13 表）。" },
};

/* ---- enum values -------------------------------------------------------- */

typedef struct enumval {
	const char *names; /* '|'-separated */
	int value;
} enumval;

static const enumval ev_unittype[] = {
	{ "机关|行政单位|行政|参公单位|参照公务员法管理事业单位|参公|jiguan", YS_UT_JIGUAN },
	{ "事业单位|事业|shiye", YS_UT_SHIYE }, { NULL, 0 } };
static const enumval ev_income[] = {
	{ "一般公共预算|一般公共预算拨款|一般公共预算拨款收入|一般公共预算资金|gp", YS_FS_GP },
	{ "政府性基金预算|政府性基金|政府性基金预算拨款|政府性基金预算资金|gf", YS_FS_GF },
	{ "国有资本经营预算|国有资本经营预算拨款|国有资本经营预算资金|soc", YS_FS_SOC },
	{ "财政专户管理资金|财政专户|财政专户管理资金收入|special", YS_FS_SPECIAL },
	{ "事业收入|shiye", YS_FS_SHIYE },
	{ "事业单位经营收入|经营收入|oper", YS_FS_OPER },
	{ "上级补助收入|上级补助|upper", YS_FS_UPPER },
	{ "附属单位上缴收入|附属单位上缴|affil", YS_FS_AFFIL },
	{ "其他收入|other", YS_FS_OTHER }, { NULL, 0 } };
static const enumval ev_carry[] = {
	{ "一般公共预算|一般公共预算拨款|一般公共预算资金|gp", YS_FS_GP },
	{ "政府性基金预算|政府性基金|政府性基金预算拨款|政府性基金预算资金|gf", YS_FS_GF },
	{ "国有资本经营预算|国有资本经营预算拨款|国有资本经营预算资金|soc", YS_FS_SOC },
	{ "财政专户管理资金|财政专户|special", YS_FS_SPECIAL },
	{ "单位资金|unit", YS_FS_UNIT }, { NULL, 0 } };
static const enumval ev_fund[] = {
	{ "一般公共预算|一般公共预算拨款|一般公共预算资金|gp", YS_FS_GP },
	{ "政府性基金预算|政府性基金|政府性基金预算拨款|政府性基金预算资金|gf", YS_FS_GF },
	{ "国有资本经营预算|国有资本经营预算拨款|国有资本经营预算资金|soc", YS_FS_SOC },
	{ "财政专户管理资金|财政专户|special", YS_FS_SPECIAL },
	{ "事业收入|shiye", YS_FS_SHIYE },
	{ "事业单位经营收入|经营收入|oper", YS_FS_OPER },
	{ "上级补助收入|上级补助|upper", YS_FS_UPPER },
	{ "附属单位上缴收入|附属单位上缴|affil", YS_FS_AFFIL },
	{ "其他收入|other", YS_FS_OTHER },
	{ "单位资金|unit", YS_FS_UNIT }, { NULL, 0 } };
static const enumval ev_kind[] = { { "基本支出|基本|basic", YS_BASIC }, { "项目支出|项目|project", YS_PROJECT }, { NULL, 0 } };
static const enumval ev_class[] = { { "人员经费|人员|personnel", 1 }, { "公用经费|公用|public", 2 }, { NULL, 0 } };
static const enumval ev_flags[] = {
	{ "事业单位经营支出|经营支出|经营|oper", YS_ITEM_OPER },
	{ "上缴上级支出|上缴上级|upper", YS_ITEM_UPPER },
	{ "对附属单位补助支出|对附属单位补助|subsid", YS_ITEM_SUBSID }, { NULL, 0 } };
static const enumval ev_category[] = {
	{ "A|A-货物|货物|goods", 'A' }, { "B|B-工程|工程|works", 'B' }, { "C|C-服务|服务|services", 'C' }, { NULL, 0 } };
static const enumval ev_sangong[] = {
	{ "因公出国（境）费用|因公出国（境）费|因公出国费用|出国|abroad", 0 },
	{ "公务接待费|接待|reception", 1 },
	{ "公务用车购置费|购置|car_buy", 2 },
	{ "公务用车运行维护费|公务用车运行费|运行维护|car_run", 3 }, { NULL, 0 } };
static const enumval ev_codekind[] = {
	{ "功能分类|支出功能分类|function|func", YS_CAT_FUNC },
	{ "部门经济分类|部门支出经济分类|经济分类|dept_econ|econ", YS_CAT_DEPT_ECON },
	{ "政府经济分类|政府支出经济分类|gov_econ|gov", YS_CAT_GOV_ECON }, { NULL, 0 } };
static const enumval ev_bool[] = {
	{ "是|公开|y|yes|true|1|√", 1 }, { "否|不公开|n|no|false|0", 0 }, { NULL, 0 } };

static int in_names(const char *key, const char *names)
{
	size_t kl = strlen(key);
	ys_buf b = YS_BUF_INIT;
	int hit = 0;
	while (!hit && names && *names) {
		const char *bar = strchr(names, '|');
		size_t l = bar ? (size_t)(bar - names) : strlen(names);
		ys_buf_reset(&b);
		ys_label_key(&b, names, l);
		for (size_t i = 0; i < b.len; i++)
			if (b.s[i] >= 'A' && b.s[i] <= 'Z')
				b.s[i] = (char)(b.s[i] - 'A' + 'a');
		hit = b.len == kl && !memcmp(b.s, key, kl);
		names = bar ? bar + 1 : NULL;
	}
	ys_buf_release(&b);
	return hit;
}

/* ---- reading ------------------------------------------------------------ */

typedef struct rd {
	ys_ctx *ctx;
	ys_budget *b;
	ys_recsrc *src;
	const sheet *sh;
	const ys_csv_field *cell[16]; /* by field index; NULL when the column is absent */
	ys_unit unit[16];             /* amount fields: their unit */
	int colmap[YS_CSV_MAX_FIELDS];/* record column -> field, -1 */
	size_t nitemcap, nprojcap, nprocap, nsvccap, nperfcap, nnamecap, nunitcap;
	int have_dept;
	ys_buf key;
} rd;

static ys_result fail_at(rd *r, const ys_csv_field *f, const char *fmt, ...) YS_PRINTF(3, 4);
static ys_result fail_at(rd *r, const ys_csv_field *f, const char *fmt, ...)
{
	char msg[YS_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (f)
		return ys_error(r->ctx, YS_EPARSE, "%s:%d:%d: %s", r->src->name, f->line, f->col, msg);
	return ys_error(r->ctx, YS_EPARSE, "%s: %s", r->src->name, msg);
}

static const char *lower_key(rd *r, const char *s, size_t n)
{
	ys_buf_reset(&r->key);
	ys_label_key(&r->key, s, n);
	for (size_t i = 0; i < r->key.len; i++)
		if (r->key.s[i] >= 'A' && r->key.s[i] <= 'Z')
			r->key.s[i] = (char)(r->key.s[i] - 'A' + 'a');
	return r->key.s;
}

/* Split a header cell "金额（万元）" into its name key and unit. */
static int header_unit(rd *r, const char *s, size_t n, char *name, size_t cap, ys_unit *u)
{
	const char *k = lower_key(r, s, n);
	snprintf(name, cap, "%s", k);
	char *open = strchr(name, '(');
	int has = 0;
	if (open) {
		char *close = strchr(open, ')');
		if (close) {
			*close = '\0';
			has = ys_unit_parse(open + 1, strlen(open + 1), u) == 0;
			if (!has && (!strcmp(open + 1, "yuan")))
				*u = YS_UNIT_YUAN, has = 1;
			if (!has && (!strcmp(open + 1, "wanyuan")))
				*u = YS_UNIT_WANYUAN, has = 1;
		}
		*open = '\0';
	}
	/* English aliases with the unit as a suffix: amount_yuan, amount_wanyuan */
	size_t nl = strlen(name);
	if (!has && nl > 5 && !strcmp(name + nl - 5, "_yuan")) {
		name[nl - 5] = '\0';
		*u = YS_UNIT_YUAN;
		has = 1;
	} else if (!has && nl > 8 && !strcmp(name + nl - 8, "_wanyuan")) {
		name[nl - 8] = '\0';
		*u = YS_UNIT_WANYUAN;
		has = 1;
	}
	return has;
}

static int field_matches(rd *r, const field *f, const char *name)
{
	(void)r;
	return in_names(name, f->id) || in_names(name, f->zh) || in_names(name, f->aliases);
}

static ys_result read_header(rd *r, int have_unit, ys_unit preamble_unit)
{
	const sheet *sh = r->sh;
	ys_recsrc *src = r->src;
	for (int i = 0; i < sh->nfields; i++) {
		r->cell[i] = NULL;
		r->unit[i] = preamble_unit;
	}
	int seen[16] = { 0 }, unit_set[16] = { 0 };
	for (size_t c = 0; c < src->nf && c < YS_CSV_MAX_FIELDS; c++) {
		r->colmap[c] = -1;
		const ys_csv_field *f = &src->f[c];
		if (f->len == 0)
			continue;
		char name[256];
		ys_unit u;
		int hu = header_unit(r, f->s, f->len, name, sizeof name, &u);
		int hit = -1;
		for (int i = 0; i < sh->nfields && hit < 0; i++)
			if (field_matches(r, &sh->fields[i], name))
				hit = i;
		if (hit < 0) {
			ys_buf want = YS_BUF_INIT;
			for (int i = 0; i < sh->nfields; i++)
				ys_buf_addf(&want, "%s%s (%s)", i ? ", " : "", sh->fields[i].zh, sh->fields[i].id);
			ys_result res = fail_at(r, f, "unknown column '%s' in the %s sheet: expected %s", f->s, sh->zh, want.s);
			ys_buf_release(&want);
			return res;
		}
		if (seen[hit])
			return fail_at(r, f, "column %s appears twice", sh->fields[hit].zh);
		seen[hit] = 1;
		r->colmap[c] = hit;
		if (hu) {
			r->unit[hit] = u;
			unit_set[hit] = 1;
		}
	}
	for (int i = 0; i < sh->nfields; i++) {
		const field *fd = &sh->fields[i];
		if (fd->required && !seen[i])
			return ys_error(r->ctx, YS_EPARSE, "%s:%d: the %s sheet has no column %s (%s)", src->name,
			                src->nf ? src->f[0].line : 1, sh->zh, fd->zh, fd->id);
		if (fd->kind == F_AMOUNT && seen[i] && !unit_set[i] && !have_unit)
			return ys_error(r->ctx, YS_EPARSE,
			                "%s:%d: say the unit of column %s: 金额（元） or 金额（万元）, or a line 金额单位：万元 above "
			                "the header",
			                src->name, src->nf ? src->f[0].line : 1, fd->zh);
	}
	return YS_OK;
}

/* The cell of field i in the current record, or NULL when blank/absent. */
static const ys_csv_field *val(rd *r, int i)
{
	const ys_csv_field *f = r->cell[i];
	return f && f->len ? f : NULL;
}

static ys_result need(rd *r, int i, const ys_csv_field **out)
{
	*out = val(r, i);
	if (!*out) {
		int line = r->src->nf ? r->src->f[0].line : 0;
		return ys_error(r->ctx, YS_EPARSE, "%s:%d: %s is empty: expected %s", r->src->name, line,
		                r->sh->fields[i].zh, r->sh->fields[i].doc);
	}
	return YS_OK;
}

static ys_result get_enum(rd *r, int i, const enumval *ev, int *out, int required)
{
	const ys_csv_field *f = val(r, i);
	if (!f) {
		if (required)
			return need(r, i, &f);
		*out = -1;
		return YS_OK;
	}
	const char *k = lower_key(r, f->s, f->len);
	for (const enumval *e = ev; e->names; e++)
		if (in_names(k, e->names)) {
			*out = e->value;
			return YS_OK;
		}
	return fail_at(r, f, "%s '%s': expected %s", r->sh->fields[i].zh, f->s,
	               r->sh->fields[i].values ? r->sh->fields[i].values : "one of the listed values");
}

static ys_result get_amount(rd *r, int i, int64_t *out)
{
	const ys_csv_field *f;
	ys_result res = need(r, i, &f);
	if (res)
		return res;
	ys_amount a;
	ys_money_err e;
	/* a spreadsheet's number cell holds a double written as decimal text:
	 * 33149.176142999998 is 33,149.176143 万元 (rounded half up to 1 分) */
	int bad = f->numeric ? ys_money_parse_stored(f->s, f->len, r->unit[i], YS_ROUND_HALF_UP, &a, &e)
	                     : ys_money_parse(f->s, f->len, r->unit[i], &a, &e);
	if (bad)
		return ys_error(r->ctx, YS_EPARSE, "%s:%d:%d: %s '%s' is not an amount in %s: %s", r->src->name, f->line,
		                f->col + (int)ys_utf8_count(f->s, e.pos), r->sh->fields[i].zh, f->s,
		                ys_unit_name(r->unit[i]), e.what);
	*out = a.fen;
	return YS_OK;
}

static ys_result get_code(rd *r, int i, char *out, size_t cap, int required)
{
	const ys_csv_field *f = val(r, i);
	out[0] = '\0';
	if (!f)
		return required ? need(r, i, &f) : YS_OK;
	const char *s = f->s, *name;
	size_t n = ys_split_codename(s, &name); /* "2010350-事业运行" is accepted too */
	if (n == 0 || n >= cap)
		return fail_at(r, f, "%s '%s': expected a classification code (digits)", r->sh->fields[i].zh, s);
	memcpy(out, s, n);
	out[n] = '\0';
	return YS_OK;
}

static const char *get_text(rd *r, int i)
{
	const ys_csv_field *f = val(r, i);
	if (!f)
		return "";
	const char *s = f->s;
	size_t n = f->len;
	ys_trim(&s, &n);
	return ys_arena_strndup(&r->b->arena, s, n);
}

static ys_pos pos_here(rd *r)
{
	ys_pos p = { r->src->name, r->src->nf ? r->src->f[0].line : 0 };
	return p;
}

static int find_unit(const ys_budget *b, const char *name)
{
	for (int i = 0; i < b->nunits; i++)
		if (ys_name_eq(b->units[i].name, name))
			return i;
	return -1;
}

static int find_project(const ys_budget *b, const char *code)
{
	for (int i = 0; i < b->nprojects; i++)
		if (ys_name_eq(b->projects[i].code, code))
			return i;
	return -1;
}

#define GROW(arr, n, cap)                                                                          \
	do {                                                                                       \
		if (ys_grow((void **)&(arr), &(cap), (size_t)(n) + 1, sizeof *(arr)))              \
			return ys_error(r->ctx, YS_ENOMEM, "%s: out of memory", r->src->name);     \
	} while (0)

static ys_result unit_ref(rd *r, int i, int *out)
{
	const ys_csv_field *f;
	ys_result res = need(r, i, &f);
	if (res)
		return res;
	char *s = ys_arena_strndup(&r->b->arena, f->s, f->len);
	*out = find_unit(r->b, s);
	if (*out < 0)
		return fail_at(r, f, "unit '%s' is not on the units sheet", f->s);
	return YS_OK;
}

static ys_result apply_row(rd *r)
{
	ys_budget *b = r->b;
	ys_result res = YS_OK;
	const ys_csv_field *f;
	int v;
	switch ((int)(r->sh - sheets)) {
	case SH_DEPARTMENT: {
		if (r->have_dept)
			return fail_at(r, &r->src->f[0], "the department sheet has more than one row");
		if ((res = need(r, D_NAME, &f)) || (res = need(r, D_YEAR, &f)))
			return res;
		b->department = get_text(r, D_NAME);
		const ys_csv_field *y = val(r, D_YEAR);
		char *end;
		long year = strtol(y->s, &end, 10);
		if (*end || year < 1990 || year > 2200)
			return fail_at(r, y, "年度 '%s': expected a year such as 2026", y->s);
		b->year = (int)year;
		b->perf_unit = val(r, D_UNIT) ? get_text(r, D_UNIT) : b->department;
		b->perf_goal = get_text(r, D_GOAL);
		b->perf_notes = val(r, D_NOTES) ? get_text(r, D_NOTES) : "无。";
		b->dept_pos = pos_here(r);
		r->have_dept = 1;
		return YS_OK;
	}
	case SH_UNITS: {
		if ((res = need(r, U_NAME, &f)) || (res = get_enum(r, U_TYPE, ev_unittype, &v, 1)))
			return res;
		const char *name = get_text(r, U_NAME);
		if (find_unit(b, name) >= 0)
			return fail_at(r, val(r, U_NAME), "unit '%s' is listed twice", name);
		GROW(b->units, b->nunits, r->nunitcap);
		b->units[b->nunits].name = name;
		b->units[b->nunits].type = (ys_unittype)v;
		b->units[b->nunits].pos = pos_here(r);
		b->nunits++;
		return YS_OK;
	}
	case SH_CODES: {
		ys_codename cn;
		memset(&cn, 0, sizeof cn);
		if ((res = get_enum(r, K_KIND, ev_codekind, &cn.kind, 1)) ||
		    (res = get_code(r, K_CODE, cn.code, sizeof cn.code, 1)) || (res = need(r, K_NAME, &f)))
			return res;
		cn.name = get_text(r, K_NAME);
		cn.pos = pos_here(r);
		GROW(b->names, b->nnames, r->nnamecap);
		b->names[b->nnames++] = cn;
		return YS_OK;
	}
	case SH_INCOME:
	case SH_CARRY: {
		int64_t amt;
		int carry = r->sh - sheets == SH_CARRY;
		if ((res = get_enum(r, I_SOURCE, carry ? ev_carry : ev_income, &v, 1)) || (res = get_amount(r, I_AMOUNT, &amt)))
			return res;
		int k = carry && v == YS_FS_UNIT ? 4 : v;
		int64_t *slot = carry ? &b->carry[k] : &b->income[k];
		ys_pos *pos = carry ? &b->carry_pos[k] : &b->income_pos[k];
		if (!pos->line)
			*pos = pos_here(r);
		if (ys_money_add(*slot, amt, slot))
			return fail_at(r, val(r, I_AMOUNT), "the sum overflows");
		return YS_OK;
	}
	case SH_PROJECTS: {
		ys_project p;
		memset(&p, 0, sizeof p);
		if ((res = need(r, P_CODE, &f)) || (res = need(r, P_NAME, &f)) || (res = unit_ref(r, P_UNIT, &p.unit)))
			return res;
		p.code = get_text(r, P_CODE);
		if (find_project(b, p.code) >= 0)
			return fail_at(r, val(r, P_CODE), "project '%s' is listed twice", p.code);
		p.name = get_text(r, P_NAME);
		if ((res = get_enum(r, P_DISCLOSED, ev_bool, &v, 0)))
			return res;
		p.disclosed = v == 1;
		p.goal = get_text(r, P_GOAL);
		p.pos = pos_here(r);
		GROW(b->projects, b->nprojects, r->nprojcap);
		b->projects[b->nprojects++] = p;
		return YS_OK;
	}
	case SH_INDICATORS:
	case SH_PERF: {
		ys_indicator ind;
		memset(&ind, 0, sizeof ind);
		int perf = r->sh - sheets == SH_PERF;
		int base = perf ? Q_L1 : N_L1;
		for (int i = 0; i < 5; i++)
			if ((res = need(r, base + i, &f)))
				return res;
		ind.l1 = get_text(r, base);
		ind.l2 = get_text(r, base + 1);
		ind.l3 = get_text(r, base + 2);
		ind.op = get_text(r, base + 3);
		ind.value = get_text(r, base + 4);
		ind.unit = get_text(r, base + 5);
		ind.activity = perf ? get_text(r, Q_ACTIVITY) : "";
		ind.pos = pos_here(r);
		if (perf) {
			GROW(b->perf, b->nperf, r->nperfcap);
			b->perf[b->nperf++] = ind;
			return YS_OK;
		}
		if ((res = need(r, N_PROJECT, &f)))
			return res;
		int p = find_project(b, get_text(r, N_PROJECT));
		if (p < 0)
			return fail_at(r, f, "project '%s' is not on the projects sheet", f->s);
		ys_project *pr = &b->projects[p];
		ys_indicator *ni = realloc(pr->ind, sizeof *ni * (size_t)(pr->nind + 1));
		if (!ni)
			return ys_error(r->ctx, YS_ENOMEM, "out of memory");
		pr->ind = ni;
		pr->ind[pr->nind++] = ind;
		return YS_OK;
	}
	case SH_ITEMS: {
		ys_item it;
		memset(&it, 0, sizeof it);
		it.project = -1;
		if ((res = unit_ref(r, IT_UNIT, &it.unit)) || (res = get_code(r, IT_FUNC, it.func, sizeof it.func, 1)) ||
		    (res = get_code(r, IT_ECON, it.econ, sizeof it.econ, 1)) ||
		    (res = get_code(r, IT_GOV, it.gov, sizeof it.gov, 0)) || (res = get_enum(r, IT_FUND, ev_fund, &v, 1)))
			return res;
		it.fund = (unsigned char)v;
		if ((res = get_enum(r, IT_CARRY, ev_bool, &v, 0)))
			return res;
		it.carry = v == 1;
		if ((res = get_enum(r, IT_KIND, ev_kind, &v, 1)))
			return res;
		it.kind = (unsigned char)v;
		int cls;
		if ((res = get_enum(r, IT_CLASS, ev_class, &cls, 0)) || (res = get_enum(r, IT_FLAGS, ev_flags, &v, 0)))
			return res;
		it.flags = v > 0 ? (unsigned char)v : 0;
		if (strlen(it.func) != 7)
			return fail_at(r, val(r, IT_FUNC), "功能分类 '%s': expected a 7-digit 项 code", it.func);
		if (strlen(it.econ) != 5 && strlen(it.econ) != 7)
			return fail_at(r, val(r, IT_ECON), "经济分类 '%s': expected a 5-digit 款 or a 7-digit local code", it.econ);
		if (it.gov[0] && strlen(it.gov) != 5)
			return fail_at(r, val(r, IT_GOV), "政府经济分类 '%s': expected a 5-digit 款", it.gov);
		it.cls = cls > 0 ? (unsigned char)cls : 0;
		if (it.fund == YS_FS_UNIT && !it.carry)
			return fail_at(r, val(r, IT_FUND), "单位资金 is carry-over money: mark 上年结转 是");
		if (it.carry && it.fund != YS_FS_UNIT && it.fund > YS_FS_SPECIAL)
			return fail_at(r, val(r, IT_FUND), "carry-over money comes from 一般公共预算, 政府性基金预算, "
			                                   "国有资本经营预算, 财政专户管理资金 or 单位资金, not %s",
			               ys_fund_name((ys_fundsrc)it.fund));
		const ys_csv_field *pf = val(r, IT_PROJECT);
		if (it.kind == YS_PROJECT) {
			if (!pf)
				return ys_error(r->ctx, YS_EPARSE, "%s:%d: project spending without a 项目编码", r->src->name,
				                r->src->f[0].line);
			it.project = find_project(b, get_text(r, IT_PROJECT));
			if (it.project < 0)
				return fail_at(r, pf, "project '%s' is not on the projects sheet", pf->s);
		} else if (pf) {
			return fail_at(r, pf, "basic spending does not belong to a project; leave 项目编码 empty");
		}
		if ((res = get_amount(r, IT_AMOUNT, &it.amount)))
			return res;
		it.pos = pos_here(r);
		GROW(b->items, b->nitems, r->nitemcap);
		b->items[b->nitems++] = it;
		return YS_OK;
	}
	case SH_PROCUREMENT: {
		ys_procurement p;
		memset(&p, 0, sizeof p);
		if ((res = get_enum(r, C_CATEGORY, ev_category, &v, 1)) || (res = get_amount(r, C_AMOUNT, &p.amount)))
			return res;
		p.category = (char)v;
		p.name = get_text(r, C_NAME);
		p.pos = pos_here(r);
		GROW(b->procurement, b->nprocurement, r->nprocap);
		b->procurement[b->nprocurement++] = p;
		return YS_OK;
	}
	case SH_SERVICES: {
		ys_service s;
		memset(&s, 0, sizeof s);
		if ((res = need(r, S_L1, &f)) || (res = get_amount(r, S_AMOUNT, &s.amount)))
			return res;
		s.l1 = get_text(r, S_L1);
		s.l2 = get_text(r, S_L2);
		s.l3 = get_text(r, S_L3);
		s.pos = pos_here(r);
		GROW(b->services, b->nservices, r->nsvccap);
		b->services[b->nservices++] = s;
		return YS_OK;
	}
	case SH_SANGONG: {
		int64_t amt;
		if ((res = get_enum(r, G_ITEM, ev_sangong, &v, 1)) || (res = get_amount(r, G_AMOUNT, &amt)))
			return res;
		int64_t *slot = v == 0 ? &b->sangong_abroad : v == 1 ? &b->sangong_reception
		                : v == 2 ? &b->sangong_car_buy : &b->sangong_car_run;
		if (*slot >= 0)
			return fail_at(r, val(r, G_ITEM), "%s is given twice", val(r, G_ITEM)->s);
		*slot = amt;
		return YS_OK;
	}
	}
	return YS_OK;
}

/* A comment record: its first cell starts with '#'.  A comment or a lone
 * cell "金额单位：万元" may state the sheet's amount unit. */
static int comment_unit(rd *r, const ys_recsrc *src, ys_unit *u)
{
	for (size_t c = 0; c < src->nf; c++) {
		if (!src->f[c].len)
			continue;
		const char *k = lower_key(r, src->f[c].s, src->f[c].len);
		const char *p = strstr(k, "金额单位:");
		size_t skip = strlen("金额单位:");
		if (!p) {
			p = strstr(k, "单位:");
			skip = strlen("单位:");
		}
		if (p) {
			p += skip;
			for (int i = 2; i >= 0; i--) {
				const char *nm = ys_unit_name((ys_unit)i);
				if (!strncmp(p, nm, strlen(nm))) {
					*u = (ys_unit)i;
					return 1;
				}
			}
		}
	}
	return 0;
}

static int blank_record(const ys_recsrc *src)
{
	for (size_t c = 0; c < src->nf; c++)
		if (src->f[c].len)
			return 0;
	return 1;
}

ys_result ys_input_read_sheet(ys_ctx *ctx, ys_budget *b, int which, ys_recsrc *src, void *state)
{
	rd *r = state;
	r->ctx = ctx;
	r->b = b;
	r->src = src;
	r->sh = &sheets[which];
	int k, header = 0, have_unit = 0;
	ys_unit unit = YS_UNIT_YUAN;
	while ((k = src->next(src, ctx)) > 0) {
		if (blank_record(src))
			continue;
		int comment = src->f[0].len && src->f[0].s[0] == '#';
		int nonempty = 0;
		for (size_t c = 0; c < src->nf; c++)
			nonempty += src->f[c].len > 0;
		if (comment || (!header && nonempty == 1 && comment_unit(r, src, &unit))) {
			/* a comment, or a line 金额单位：万元 above the header */
			if (!header && comment_unit(r, src, &unit))
				have_unit = 1;
			continue;
		}
		if (!header) {
			ys_result res = read_header(r, have_unit, unit);
			if (res)
				return res;
			header = 1;
			continue;
		}
		for (int i = 0; i < r->sh->nfields; i++)
			r->cell[i] = NULL;
		for (size_t c = 0; c < src->nf; c++) {
			if (c >= YS_CSV_MAX_FIELDS || r->colmap[c] < 0) {
				if (src->f[c].len)
					return ys_error(ctx, YS_EPARSE, "%s:%d:%d: a value '%.100s' in a column without a header",
					                src->name, src->f[c].line, src->f[c].col, src->f[c].s);
				continue;
			}
			r->cell[r->colmap[c]] = &src->f[c];
		}
		ys_result res = apply_row(r);
		if (res)
			return res;
	}
	if (k < 0)
		return ctx->code;
	if (!header && r->sh->required)
		return ys_error(ctx, YS_EPARSE, "%s: the %s sheet has no header row", src->name, r->sh->zh);
	return YS_OK;
}

int ys_input_enum_value(const char *which, const char *s, size_t n, int *out)
{
	static const struct { const char *field; const enumval *ev; } fields[] = {
		{ "type", ev_unittype }, { "fund", ev_fund }, { "kind", ev_kind }, { "carry", ev_bool },
		{ "flags", ev_flags }, { "class", ev_class },
	};
	ys_buf k = YS_BUF_INIT;
	ys_label_key(&k, s, n);
	for (size_t i = 0; i < k.len; i++)
		if (k.s[i] >= 'A' && k.s[i] <= 'Z')
			k.s[i] = (char)(k.s[i] - 'A' + 'a');
	int hit = -1;
	for (size_t f = 0; f < sizeof fields / sizeof fields[0] && hit < 0; f++)
		if (!strcmp(fields[f].field, which))
			for (const enumval *e = fields[f].ev; e->names && hit < 0; e++)
				if (in_names(k.s, e->names))
					hit = e->value;
	ys_buf_release(&k);
	if (hit < 0)
		return -1;
	*out = hit;
	return 0;
}

int ys_input_header_is(const char *field_sheet, const char *field_id, const char *s, size_t n, ys_unit *unit,
                       int *has_unit)
{
	int sh = ys_input_sheet_find(field_sheet);
	if (sh < 0)
		return 0;
	rd r;
	memset(&r, 0, sizeof r);
	ys_buf_init(&r.key);
	char name[256];
	*has_unit = header_unit(&r, s, n, name, sizeof name, unit);
	int hit = 0;
	for (int i = 0; i < sheets[sh].nfields && !hit; i++)
		if (!strcmp(sheets[sh].fields[i].id, field_id))
			hit = field_matches(&r, &sheets[sh].fields[i], name);
	ys_buf_release(&r.key);
	return hit;
}

/* ---- CSV folder --------------------------------------------------------- */

typedef struct csvsrc {
	ys_recsrc base;
	ys_csv csv;
	char *text;
} csvsrc;

static int csv_next(ys_recsrc *s, ys_ctx *ctx)
{
	csvsrc *c = (csvsrc *)s;
	int k = ys_csv_next(&c->csv, ctx);
	s->f = c->csv.f;
	s->nf = k > 0 ? c->csv.nf : 0;
	return k;
}

/* Find the CSV of a sheet in dir: id.csv, 中文名.csv or an alias. */
static int sheet_file(const char *dir, const sheet *sh, char *path, size_t cap)
{
	char names[512];
	snprintf(names, sizeof names, "%s|%s|%s", sh->id, sh->zh, sh->aliases);
	const char *p = names;
	while (p && *p) {
		const char *bar = strchr(p, '|');
		size_t l = bar ? (size_t)(bar - p) : strlen(p);
		if ((size_t)snprintf(path, cap, "%s/%.*s.csv", dir, (int)l, p) < cap) {
			struct stat st;
			if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
				return 1;
		}
		p = bar ? bar + 1 : NULL;
	}
	return 0;
}

ys_result ys_input_finish(ys_ctx *ctx, ys_budget *b, const char *where)
{
	if (!b->department[0] || !b->year)
		return ys_error(ctx, YS_EPARSE, "%s：没有部门和年度：部门表（部门）须填一行，写明部门名称和年度", where);
	if (b->nunits == 0)
		return ys_error(ctx, YS_EPARSE, "%s：没有单位：单位表（单位）至少须填一行", where);
	return YS_OK;
}

void *ys_input_state_new(void)
{
	rd *r = calloc(1, sizeof *r);
	if (r)
		ys_buf_init(&r->key);
	return r;
}

void ys_input_state_free(void *state)
{
	rd *r = state;
	if (r)
		ys_buf_release(&r->key);
	free(r);
}

int ys_input_nsheets(void) { return SH_N; }
const char *ys_input_sheet_id(int i) { return sheets[i].id; }
int ys_input_sheet_required(int i) { return sheets[i].required; }

int ys_input_sheet_find(const char *name)
{
	ys_buf k = YS_BUF_INIT;
	ys_label_key(&k, name, strlen(name));
	for (size_t i = 0; i < k.len; i++)
		if (k.s[i] >= 'A' && k.s[i] <= 'Z')
			k.s[i] = (char)(k.s[i] - 'A' + 'a');
	int hit = -1;
	for (int i = 0; i < SH_N && hit < 0; i++)
		if (in_names(k.s, sheets[i].id) || in_names(k.s, sheets[i].zh) || in_names(k.s, sheets[i].aliases))
			hit = i;
	ys_buf_release(&k);
	return hit;
}

ys_result ys_input_read_dir(ys_ctx *ctx, const char *dir, ys_budget **out)
{
	*out = NULL;
	struct stat st;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return ys_error(ctx, YS_EIO, "%s: not a folder: expected a folder of CSV files (yusuan init DIR makes one)",
		                dir);
	ys_budget *b = ys_budget_new("", 0);
	void *state = ys_input_state_new();
	if (!b || !state) {
		ys_budget_free(b);
		ys_input_state_free(state);
		return ys_error(ctx, YS_ENOMEM, "out of memory");
	}
	ys_result res = YS_OK;
	for (int s = 0; s < SH_N && !res; s++) {
		char path[4096];
		if (!sheet_file(dir, &sheets[s], path, sizeof path)) {
			if (sheets[s].required)
				res = ys_error(ctx, YS_EIO, "%s: no %s.csv (%s): this sheet is required", dir, sheets[s].id,
				               sheets[s].zh);
			continue;
		}
		char *raw, *text;
		size_t n, tl;
		ys_encoding enc;
		if ((res = ys_file_read(ctx, path, &raw, &n)))
			break;
		if (n == 0) {
			free(raw);
			if (sheets[s].required)
				res = ys_error(ctx, YS_EEMPTY, "%s: file is empty", path);
			continue;
		}
		res = ys_text_decode(ctx, path, raw, n, &text, &tl, &enc);
		free(raw);
		if (res)
			break;
		csvsrc c;
		memset(&c, 0, sizeof c);
		c.base.name = ys_arena_strdup(&b->arena, path);
		c.base.next = csv_next;
		ys_csv_init(&c.csv, c.base.name, text, tl, ',');
		res = ys_input_read_sheet(ctx, b, s, &c.base, state);
		ys_csv_release(&c.csv);
		free(text);
	}
	ys_input_state_free(state);
	if (!res)
		res = ys_input_finish(ctx, b, dir);
	if (res) {
		ys_budget_free(b);
		return res;
	}
	*out = b;
	return YS_OK;
}

ys_result ys_input_read(ys_ctx *ctx, const char *path, ys_budget **out)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return ys_input_read_dir(ctx, path, out);
	size_t n = strlen(path);
	if (n > 5 && !strcmp(path + n - 5, ".xlsx"))
		return ys_input_read_xlsx(ctx, path, out);
	*out = NULL;
	return ys_error(ctx, YS_EIO, "%s: expected a folder of CSV files or an .xlsx workbook", path);
}

/* ---- documentation ----------------------------------------------------- */

void ys_input_doc(ys_buf *out)
{
	ys_buf_adds(out,
	            "# Input format: a department's detailed budget\n\n"
	            "Generated by `yusuan init --doc` from the description in `src/read/detail.c`; `make test` fails\n"
	            "when this file is out of date. `yusuan init DIR` writes these sheets as commented, empty CSV files.\n\n"
	            "A budget is a folder of CSV files, one per sheet, named by the sheet's id or its Chinese name\n"
	            "(`items.csv` or `支出明细.csv`), or one XLSX workbook with a sheet per file, named the same way.\n"
	            "Files are UTF-8 (with or without BOM) or GB18030, detected. The first row that is not blank or a\n"
	            "`#` comment is the header; columns are found by their Chinese header or English alias, in any\n"
	            "order. Amounts are exact (元 to 2 decimals, 万元 to 6): say the unit in the header\n"
	            "(`金额（万元）`, `amount_yuan`) or in a line `金额单位：万元` above it — there is no default.\n"
	            "Codes may be written as `2010350` or `2010350-事业运行`.\n\n"
	            "Sheets are read in the order below: what a sheet refers to (units, projects) comes first.\n"
	            "Every error names file, line and column.\n\n");
	for (int s = 0; s < SH_N; s++) {
		const sheet *sh = &sheets[s];
		ys_buf_addf(out, "## %s — `%s.csv` (%s)\n\n%s%s\n\n| column | alias | required | what |\n|---|---|---|---|\n",
		            sh->zh, sh->id, sh->required ? "required" : "optional", sh->doc,
		            sh->aliases[0] ? "" : "");
		for (int i = 0; i < sh->nfields; i++) {
			const field *f = &sh->fields[i];
			ys_buf_addf(out, "| %s | `%s` | %s | %s%s%s |\n", f->zh, f->id, f->required ? "yes" : "no", f->doc,
			            f->values ? ". Values: " : "", f->values ? f->values : "");
		}
		ys_buf_adds(out, "\n");
	}
}

/* ---- the description, for templates (input.h) --------------------------- */

/* What a template offers in field i of sheet s; *ev the values of a
 * YS_LIST_VALUES field, *ref the sheet and field a YS_LIST_REF one takes. */
static ys_input_list field_list(int s, int i, const enumval **ev, int ref[2])
{
	*ev = NULL;
	ref[0] = ref[1] = -1;
	switch (s) {
	case SH_UNITS: *ev = i == U_TYPE ? ev_unittype : NULL; break;
	case SH_CODES: *ev = i == K_KIND ? ev_codekind : NULL; break;
	case SH_INCOME: *ev = i == I_SOURCE ? ev_income : NULL; break;
	case SH_CARRY: *ev = i == I_SOURCE ? ev_carry : NULL; break;
	case SH_PROJECTS:
		if (i == P_UNIT)
			ref[0] = SH_UNITS, ref[1] = U_NAME;
		*ev = i == P_DISCLOSED ? ev_bool : NULL;
		break;
	case SH_INDICATORS:
	case SH_PERF: {
		int perf = s == SH_PERF;
		if (!perf && i == N_PROJECT)
			ref[0] = SH_PROJECTS, ref[1] = P_CODE;
		if (i == (perf ? Q_L1 : N_L1))
			return YS_LIST_IND1;
		if (i == (perf ? Q_L2 : N_L2))
			return YS_LIST_IND2;
		if (i == (perf ? Q_OP : N_OP))
			return YS_LIST_OP;
		break;
	}
	case SH_ITEMS:
		switch (i) {
		case IT_UNIT: ref[0] = SH_UNITS, ref[1] = U_NAME; break;
		case IT_PROJECT: ref[0] = SH_PROJECTS, ref[1] = P_CODE; break;
		case IT_FUNC: return YS_LIST_FUNC;
		case IT_ECON: return YS_LIST_DEPT_ECON;
		case IT_GOV: return YS_LIST_GOV_ECON;
		case IT_FUND: *ev = ev_fund; break;
		case IT_CARRY: *ev = ev_bool; break;
		case IT_KIND: *ev = ev_kind; break;
		case IT_CLASS: *ev = ev_class; break;
		case IT_FLAGS: *ev = ev_flags; break;
		}
		break;
	case SH_PROCUREMENT: *ev = i == C_CATEGORY ? ev_category : NULL; break;
	case SH_SANGONG: *ev = i == G_ITEM ? ev_sangong : NULL; break;
	}
	return *ev ? YS_LIST_VALUES : ref[0] >= 0 ? YS_LIST_REF : YS_LIST_NONE;
}

int ys_input_sheet_get(int s, ys_input_sheet *out)
{
	if (s < 0 || s >= SH_N)
		return -1;
	out->id = sheets[s].id;
	out->zh = sheets[s].zh;
	out->doc = sheets[s].doc;
	out->required = sheets[s].required;
	out->ncolumns = sheets[s].nfields;
	return 0;
}

int ys_input_column_get(int s, int i, ys_input_column *out)
{
	static const ys_input_kind kinds[] = { [F_TEXT] = YS_IN_TEXT, [F_CODE] = YS_IN_CODE, [F_AMOUNT] = YS_IN_AMOUNT,
		                               [F_ENUM] = YS_IN_ENUM, [F_BOOL] = YS_IN_BOOL, [F_YEAR] = YS_IN_YEAR };
	if (s < 0 || s >= SH_N || i < 0 || i >= sheets[s].nfields)
		return -1;
	const field *f = &sheets[s].fields[i];
	const enumval *ev;
	int ref[2];
	out->id = f->id;
	out->zh = f->zh;
	out->doc = f->doc;
	out->kind = kinds[f->kind];
	out->required = f->required;
	out->list = field_list(s, i, &ev, ref);
	/* table 12 takes the four 一级指标 only; table 13 takes a province's own */
	out->strict = out->list == YS_LIST_VALUES || (s == SH_INDICATORS && i == N_L1);
	out->ref_sheet = ref[0];
	out->ref_col = ref[1];
	return 0;
}

int ys_input_column_value(int s, int i, int k, char *buf, size_t cap, int *value)
{
	const enumval *ev;
	int ref[2];
	if (s < 0 || s >= SH_N || i < 0 || i >= sheets[s].nfields || k < 0 || field_list(s, i, &ev, ref) != YS_LIST_VALUES)
		return -1;
	for (int j = 0; j < k; j++)
		if (!ev[j].names)
			return -1;
	if (!ev[k].names)
		return -1;
	/* the first spelling with a Chinese character ("A-货物", not "A"), else the first */
	const char *names = ev[k].names, *pick = names;
	size_t pl = strcspn(names, "|");
	for (const char *p = names; *p;) {
		size_t l = strcspn(p, "|");
		int wide = 0;
		for (size_t c = 0; c < l; c++)
			wide |= (unsigned char)p[c] >= 0x80;
		if (wide) {
			pick = p;
			pl = l;
			break;
		}
		p += l + (p[l] == '|');
	}
	if (pl >= cap)
		return -1;
	memcpy(buf, pick, pl);
	buf[pl] = '\0';
	*value = ev[k].value;
	return 0;
}
