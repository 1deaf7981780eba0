/*
 * read/detail.c - the detailed budget's input format, described as data,
 * and the sheet reader that maps a sheet's records to the budget: below
 * the readers of the containers (read/csvdir.c a folder of CSV files,
 * read/xlsx.c a workbook), which feed it records; read/open.c chooses.
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
#include "base_int.h"

/* ---- the description ---------------------------------------------------- */

/* F_LABEL: text the published tables print where a number would be read
 * as an amount (an indicator, a 度量单位, a directory level): never a number. */
typedef enum { F_TEXT, F_CODE, F_AMOUNT, F_ENUM, F_BOOL, F_YEAR, F_LABEL, F_COUNT } fkind;

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

enum { D_NAME, D_YEAR, D_UNIT, D_GOAL, D_NOTES, D_ADMIN, D_VEHICLES, D_EQUIP, D_EQUIP_NEW };
static const field f_department[] = {
	{ "name", "部门名称", "部门|department", F_TEXT, 1, NULL, "部门名称，与各表标题中的一致" },
	{ "year", "年度", "预算年度|year", F_YEAR, 1, NULL, "预算年度，如 2026" },
	{ "unit", "单位名称", "整体绩效单位|perf_unit", F_TEXT, 0, NULL, "预算13表印的单位名称（默认为部门名称）" },
	{ "goal", "整体绩效目标", "goal", F_TEXT, 0, NULL, "预算13表的整体绩效目标" },
	{ "notes", "其他说明", "notes", F_TEXT, 0, NULL, "预算13表的其他说明（默认为 无。）" },
	{ "admin", "机关运行经费", "admin", F_AMOUNT, 0, NULL,
	  "情况说明的机关运行经费财政拨款预算；留空则为机关单位财政拨款基本支出中的公用经费" },
	{ "vehicles", "公务用车数", "车辆数|vehicles", F_COUNT, 0, NULL, "情况说明的国有资产占用：上年底的公务用车（台）" },
	{ "equip", "大型设备数", "单位价值100万元以上设备|equipment|equip", F_COUNT, 0, NULL,
	  "情况说明的国有资产占用：上年底单位价值 100 万元以上的设备（台、套）" },
	{ "equip_new", "新购大型设备数", "新购设备|equip_new", F_COUNT, 0, NULL,
	  "情况说明的国有资产占用：本年预算购置的单位价值 100 万元以上的设备（台、套）" },
};

enum { U_NAME, U_TYPE };
static const field f_units[] = {
	{ "name", "单位名称", "单位|unit|name", F_TEXT, 1, NULL, "预算单位；本表的顺序就是预算05表各单位的顺序" },
	{ "type", "单位类型", "类型|type", F_ENUM, 1, "机关（行政单位、参公单位）或 事业单位",
	  "决定每个部门经济分类编码对应哪个政府经济分类款（机关 → 501–504，事业单位 → 505/506）" },
};

enum { I_SOURCE, I_AMOUNT };
static const field f_income[] = {
	{ "source", "收入来源", "来源|source", F_ENUM, 1,
	  "一般公共预算、政府性基金预算、国有资本经营预算、财政专户管理资金、事业收入、事业单位经营收入、上级补助收入、"
	  "附属单位上缴收入、其他收入",
	  "预算02表本年收入的 9 个来源之一" },
	{ "amount", "金额", "amount", F_AMOUNT, 1, NULL, "该来源的本年收入" },
};

static const field f_carry[] = {
	{ "source", "结转来源", "来源|source", F_ENUM, 1,
	  "一般公共预算、政府性基金预算、国有资本经营预算、财政专户管理资金、单位资金",
	  "预算02表上年结转结余的 5 个来源之一" },
	{ "amount", "金额", "amount", F_AMOUNT, 1, NULL, "从上年结转的金额" },
};

enum { IT_UNIT, IT_FUNC, IT_ECON, IT_GOV, IT_FUND, IT_CARRY, IT_KIND, IT_CLASS, IT_PROJECT, IT_FLAGS, IT_AMOUNT };
static const field f_items[] = {
	{ "unit", "单位", "单位名称|unit", F_TEXT, 1, NULL, "单位表中的一个单位" },
	{ "func", "功能分类", "功能分类科目|功能科目|func|function", F_CODE, 1, NULL, "支出功能分类的项，7 位" },
	{ "econ", "经济分类", "部门经济分类|部门支出经济分类|经济科目|econ", F_CODE, 1, NULL,
	  "部门预算支出经济分类的款，5 位；或有效的款之下的省级 7 位编码" },
	{ "gov", "政府经济分类", "政府支出经济分类|gov", F_CODE, 0, NULL,
	  "政府预算支出经济分类的款；留空则按经济分类和单位类型推出" },
	{ "fund", "资金来源", "来源|fund", F_ENUM, 1,
	  "一般公共预算、政府性基金预算、国有资本经营预算、财政专户管理资金、事业收入、事业单位经营收入、上级补助收入、"
	  "附属单位上缴收入、其他收入、单位资金",
	  "钱从哪里来；单位资金只用于上年结转的钱" },
	{ "carry", "上年结转", "结转|carry", F_BOOL, 0, "是/否", "从上年结转的钱填 是" },
	{ "kind", "支出类型", "基本/项目|kind", F_ENUM, 1, "基本支出 或 项目支出", "基本支出还是项目支出" },
	{ "class", "经费类型", "人员/公用|class", F_ENUM, 0, "人员经费 或 公用经费",
	  "填了就要与经济分类一致（人员经费是 301 和 303）" },
	{ "project", "项目编码", "项目|project", F_TEXT, 0, NULL, "项目支出：项目表中一个项目的编码" },
	{ "flags", "其中", "flags", F_ENUM, 0, "事业单位经营支出、上缴上级支出、对附属单位补助支出",
	  "这笔钱同时计入预算03表的哪个“其中”栏" },
	{ "amount", "金额", "amount", F_AMOUNT, 1, NULL, "金额" },
};

enum { P_CODE, P_NAME, P_UNIT, P_DISCLOSED, P_GOAL };
static const field f_projects[] = {
	{ "code", "项目编码", "编码|code", F_TEXT, 1, NULL, "项目编码（预算12表印作 编码-名称）" },
	{ "name", "项目名称", "名称|name", F_TEXT, 1, NULL, "项目名称" },
	{ "unit", "单位", "单位名称|unit", F_TEXT, 1, NULL, "执行项目的单位" },
	{ "disclosed", "是否公开", "公开|disclosed", F_BOOL, 0, "是/否", "是：在预算12表公开，连同绩效目标" },
	{ "goal", "绩效目标", "年度绩效目标|goal", F_TEXT, 0, NULL, "本年绩效目标" },
};

enum { N_PROJECT, N_L1, N_L2, N_L3, N_OP, N_VALUE, N_UNIT };
static const field f_indicators[] = {
	{ "project", "项目编码", "项目|project", F_TEXT, 1, NULL, "项目表中的项目" },
	{ "l1", "一级指标", "l1", F_TEXT, 1, NULL, "产出指标、效益指标、满意度指标 或 成本指标" },
	{ "l2", "二级指标", "l2", F_TEXT, 1, NULL, "以“指标”结尾：数量指标、质量指标、时效指标、社会效益指标 …" },
	{ "l3", "三级指标", "指标|l3", F_LABEL, 1, NULL, "指标本身（文字，不能是一个数）" },
	{ "op", "指标性质", "绩效指标性质|op", F_TEXT, 1, NULL, "=、≥、≤、>、<、定性 或 定量" },
	{ "value", "指标值", "本年绩效指标值|value", F_TEXT, 1, NULL, "目标值：100、优 …" },
	{ "unit", "度量单位", "绩效度量单位|unit", F_LABEL, 0, NULL, "%、名、万元 …（文字，不能是一个数）" },
};

enum { C_CATEGORY, C_NAME, C_AMOUNT };
static const field f_procurement[] = {
	{ "category", "采购类别", "类别|category", F_ENUM, 1,
	  "A、B、C，或 货物、工程、服务，或两者都写：A 货物、A-货物、A货物、A类货物（全角字符也可）",
	  "预算10表的采购类别：A 货物、B 工程、C 服务" },
	{ "name", "采购项目", "名称|name", F_TEXT, 0, NULL, "采购什么" },
	{ "amount", "金额", "amount", F_AMOUNT, 1, NULL, "金额" },
};

enum { S_L1, S_L2, S_L3, S_AMOUNT };
static const field f_services[] = {
	{ "l1", "一级目录", "一级|l1", F_LABEL, 1, NULL, "政府购买服务指导性目录的一级（文字，不能是一个数）" },
	{ "l2", "二级目录", "二级|l2", F_LABEL, 0, NULL, "二级" },
	{ "l3", "三级目录", "三级|l3", F_LABEL, 0, NULL, "三级" },
	{ "amount", "金额", "amount", F_AMOUNT, 1, NULL, "花在其上的财政拨款" },
};

enum { G_ITEM, G_AMOUNT };
static const field f_sangong[] = {
	{ "item", "项目", "三公项目|item", F_ENUM, 1, "因公出国（境）费用、公务接待费、公务用车购置费、公务用车运行维护费",
	  "预算09表的一项" },
	{ "amount", "金额", "amount", F_AMOUNT, 1, NULL, "财政拨款数，当它不是 30212/30217/31013/30231 上的钱时" },
};

enum { Q_ACTIVITY, Q_L1, Q_L2, Q_L3, Q_OP, Q_VALUE, Q_UNIT };
static const field f_perf[] = {
	{ "activity", "活动", "activity", F_LABEL, 0, NULL, "活动（后勤管理 …；文字，不能是一个数）" },
	{ "l1", "一级指标", "l1", F_TEXT, 1, NULL, "产出指标、效益指标、满意度指标 或 成本指标" },
	{ "l2", "二级指标", "l2", F_TEXT, 1, NULL, "以“指标”结尾：数量指标 …" },
	{ "l3", "三级指标", "指标|l3", F_TEXT, 1, NULL, "指标本身" },
	{ "op", "指标性质", "op", F_TEXT, 1, NULL, "=、≥、≤、>、<、定性 或 定量" },
	{ "value", "指标值", "value", F_TEXT, 1, NULL, "目标值" },
	{ "unit", "度量单位", "unit", F_LABEL, 0, NULL, "%、个 …（文字，不能是一个数）" },
};

enum { K_KIND, K_CODE, K_NAME };
static const field f_codes[] = {
	{ "kind", "分类", "kind", F_ENUM, 1, "功能分类、部门经济分类、政府经济分类", "哪一种分类" },
	{ "code", "编码", "科目编码|code", F_CODE, 1, NULL, "编码" },
	{ "name", "名称", "科目名称|name", F_TEXT, 1, NULL, "表格为它印的名称" },
};

enum { R_SUBJECT, R_REASON, R_LAST, R_CHANGE };
static const field f_reasons[] = {
	{ "subject", "科目", "事项|subject", F_TEXT, 1, NULL,
	  "变化了的事项：收入预算、支出预算、基本支出、项目支出、“三公”经费、因公出国（境）费用、公务接待费、"
	  "公务用车购置费、公务用车运行维护费、机关运行经费、政府采购，或一般公共预算的类、款、项（写编码，可带名称：201 "
	  "一般公共服务支出）" },
	{ "reason", "原因", "变化原因|reason", F_TEXT, 0, NULL, "变化的原因，情况说明照印在变化之后" },
	{ "last", "上年原因", "last", F_TEXT, 0, NULL, "init --previous 写出的上年同一事项的原因，供参考；build 不用" },
	{ "change", "变化", "增减|change", F_TEXT, 0, NULL, "init --previous 写出的上年数、本年数和增减，供参考；build 不用" },
};

enum { X_NAME, X_TEXT };
static const field f_texts[] = {
	{ "name", "名称", "章节|name", F_TEXT, 1, NULL,
	  "情况说明中一节的名称（换掉这一节的文字，见 docs/report.md），或各节引用的文字：部门职责、机构设置、"
	  "因公出国（境）费用用途、公务接待费用途、公务用车用途" },
	{ "text", "内容", "文字|text", F_TEXT, 0, NULL, "文字；一节的文字用模板语言写，留空则不印这一节" },
};

#define NF(a) (int)(sizeof(a) / sizeof((a)[0]))
enum { SH_DEPARTMENT, SH_UNITS, SH_CODES, SH_INCOME, SH_CARRY, SH_PROJECTS, SH_INDICATORS, SH_ITEMS,
       SH_PROCUREMENT, SH_SERVICES, SH_SANGONG, SH_PERF, SH_REASONS, SH_TEXTS, SH_N };
/* read in this order: what a sheet refers to is read before it */
static const sheet sheets[SH_N] = {
	{ "department", "部门", "部门信息", 1, f_department, NF(f_department), "一行：部门、年度和预算13表的文字。" },
	{ "units", "单位", "预算单位", 1, f_units, NF(f_units), "每个预算单位一行，按预算05表的顺序。" },
	{ "codes", "科目名称", "names", 0, f_codes, NF(f_codes),
	  "可不填：分类目录没有的编码（如省级 7 位编码 3021101 差旅费），或部门有自己印法的编码（50601 资本性支出），"
	  "表格要印的名称。" },
	{ "income", "收入", "本年收入", 1, f_income, NF(f_income), "按来源列出的本年收入（预算02表的本年收入）。" },
	{ "carryover", "上年结转", "结转|carry", 0, f_carry, NF(f_carry), "按来源列出的上年结转（预算02表的上年结转结余）。" },
	{ "projects", "项目", "项目库", 0, f_projects, NF(f_projects), "每个项目一行。" },
	{ "indicators", "项目绩效指标", "绩效指标", 0, f_indicators, NF(f_indicators),
	  "项目的绩效指标，按预算12表印的顺序。" },
	{ "items", "支出明细", "明细|预算明细", 1, f_items, NF(f_items),
	  "支出明细：每个 单位 × 功能分类 × 经济分类 × 资金来源 × 基本/项目（× 项目）一行。" },
	{ "procurement", "政府采购", "采购", 0, f_procurement, NF(f_procurement), "政府采购（预算10表）。" },
	{ "services", "政府购买服务", "购买服务", 0, f_services, NF(f_services), "政府购买服务（预算11表）。" },
	{ "sangong", "三公经费", "三公", 0, f_sangong, NF(f_sangong), "可不填：经济分类看不出的三公经费数（预算09表）。" },
	{ "performance", "整体绩效指标", "单位整体绩效|perf", 0, f_perf, NF(f_perf), "单位整体绩效指标（预算13表）。" },
	{ "reasons", "变化原因", "原因", 0, f_reasons, NF(f_reasons),
	  "可不填：与上年相比变化了的事项和原因，情况说明照印（build --previous；init --previous 写出要填的行）。" },
	{ "texts", "文字", "说明文字", 0, f_texts, NF(f_texts),
	  "可不填：情况说明的文字——部门职责、机构设置等，或换掉一节的措辞（docs/report.md）。" },
};

/* ---- enum values -------------------------------------------------------- */

typedef struct enumval {
	const char *names; /* '|'-separated */
	int value;
} enumval;

static const enumval ev_unittype[] = {
	{ "机关|行政单位|行政|参公单位|参照公务员法管理事业单位|参公|jiguan", YS_UT_JIGUAN },
	{ "事业单位|事业|shiye", YS_UT_SHIYE }, { NULL, 0 } };
/* Each fund's spellings, once: the sheets of 本年收入 (income), 上年结转
 * (carryover) and the items' 资金来源 take the same words. */
#define FN_GP "一般公共预算|一般公共预算拨款|一般公共预算拨款收入|一般公共预算资金|gp"
#define FN_GF "政府性基金预算|政府性基金|政府性基金预算拨款|政府性基金预算资金|gf"
#define FN_SOC "国有资本经营预算|国有资本经营预算拨款|国有资本经营预算资金|soc"
#define FN_SPECIAL "财政专户管理资金|财政专户|财政专户管理资金收入|special"
#define FN_SHIYE "事业收入|shiye"
#define FN_OPER "事业单位经营收入|经营收入|oper"
#define FN_UPPER "上级补助收入|上级补助|upper"
#define FN_AFFIL "附属单位上缴收入|附属单位上缴|affil"
#define FN_OTHER "其他收入|other"
#define FN_UNIT "单位资金|unit"
#define FUNDS_INCOME                                                                                             \
	{ FN_GP, YS_FS_GP }, { FN_GF, YS_FS_GF }, { FN_SOC, YS_FS_SOC }, { FN_SPECIAL, YS_FS_SPECIAL },            \
	{ FN_SHIYE, YS_FS_SHIYE }, { FN_OPER, YS_FS_OPER }, { FN_UPPER, YS_FS_UPPER }, { FN_AFFIL, YS_FS_AFFIL }, \
	{ FN_OTHER, YS_FS_OTHER }
static const enumval ev_income[] = { FUNDS_INCOME, { NULL, 0 } };
static const enumval ev_carry[] = {
	{ FN_GP, YS_FS_GP }, { FN_GF, YS_FS_GF }, { FN_SOC, YS_FS_SOC }, { FN_SPECIAL, YS_FS_SPECIAL },
	{ FN_UNIT, YS_FS_UNIT }, { NULL, 0 } };
static const enumval ev_fund[] = { FUNDS_INCOME, { FN_UNIT, YS_FS_UNIT }, { NULL, 0 } };
static const enumval ev_kind[] = { { "基本支出|基本|basic", YS_BASIC }, { "项目支出|项目|project", YS_PROJECT }, { NULL, 0 } };
static const enumval ev_class[] = { { "人员经费|人员|personnel", 1 }, { "公用经费|公用|public", 2 }, { NULL, 0 } };
static const enumval ev_flags[] = {
	{ "事业单位经营支出|经营支出|经营|oper", YS_ITEM_OPER },
	{ "上缴上级支出|上缴上级|upper", YS_ITEM_UPPER },
	{ "对附属单位补助支出|对附属单位补助|subsid", YS_ITEM_SUBSID }, { NULL, 0 } };
/* the forms a template's drop-down offers (category_of reads every form
 * the docs show) */
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

/*
 * The reader goes on after an error, as a compiler does: a bad cell is
 * recorded at its place and the rest of its row is still read (so one run
 * names every bad cell of the row), the row is left out; a bad header
 * leaves its sheet unread; a file that cannot be read leaves the next one
 * to read.  A reference into a sheet that was left unread is not reported
 * again.  Functions return YS_OK to go on (an error may have been
 * recorded: r->row_bad) and anything else to stop (out of memory, or
 * YS_INPUT_ERRORS_MAX errors recorded).
 */
typedef struct rd {
	ys_ctx *ctx;
	ys_budget *b;
	ys_recsrc *src;
	const sheet *sh;
	const char *posfile;          /* ys_pos.file of records: the CSV file, or "book.xlsx: 支出明细!" */
	const ys_csv_field *cell[16]; /* by field index; NULL when the column is absent */
	int fcol[16];                 /* field -> record column of its header, -1 absent */
	ys_unit unit[16];             /* amount fields: their unit */
	int colmap[YS_CSV_MAX_FIELDS];/* record column -> field, -1 */
	unsigned char ignore[YS_CSV_MAX_FIELDS]; /* a column whose header was refused: its values are not */
	size_t nitemcap, nprojcap, nprocap, nsvccap, nperfcap, nnamecap, nunitcap, nreasoncap, ntextcap;
	int have_dept;
	ys_buf key;
	ys_diags *dl, own;            /* where errors go: the caller's list, or own */
	int nerr;                     /* errors recorded by this reading */
	int row_bad;                  /* errors in the current record */
	unsigned char unread[SH_N];   /* a sheet whose rows were not read (bad header, unreadable file) */
	int errs[SH_N];               /* errors recorded in each sheet */
} rd;

static ys_result nomem(rd *r)
{
	return ys_error(r->ctx, YS_ENOMEM, "内存不足");
}

/* Record an error at place: YS_OK to go on, or not to. */
static ys_result note(rd *r, ys_result code, const char *place, const char *msg)
{
	ys_diags *dl = r->dl;
	if (dl->stopped)
		return YS_EPARSE;
	if (ys_grow((void **)&dl->d, &dl->cap, dl->n + 1, sizeof *dl->d))
		return nomem(r);
	ys_diag *d = &dl->d[dl->n];
	d->code = code;
	d->place = ys_arena_strdup(&dl->arena, place);
	d->msg = ys_arena_strdup(&dl->arena, msg);
	if (!d->place || !d->msg)
		return nomem(r);
	dl->n++;
	r->nerr++;
	r->row_bad++;
	if (r->sh)
		r->errs[r->sh - sheets]++;
	if (r->nerr >= YS_INPUT_ERRORS_MAX) {
		dl->stopped = 1;
		return YS_EPARSE;
	}
	return YS_OK;
}

static ys_result vnote(rd *r, const char *place, const char *fmt, va_list ap)
{
	char msg[YS_MSG_MAX];
	vsnprintf(msg, sizeof msg, fmt, ap);
	return note(r, YS_EPARSE, place, msg);
}

/* The error another module left on ctx (a file that cannot be read, a CSV
 * syntax error): its message says where. */
static ys_result note_ctx(rd *r)
{
	if (r->ctx->code == YS_ENOMEM)
		return YS_ENOMEM;
	return note(r, r->ctx->code ? r->ctx->code : YS_EPARSE, "", r->ctx->msg);
}

/* "A" .. "Z", "AA" .. for the 1-based column col */
static void col_letters(int col, char *out)
{
	char tmp[16];
	int n = 0;
	for (; col > 0 && n < (int)sizeof tmp - 1; col = (col - 1) / 26)
		tmp[n++] = (char)('A' + (col - 1) % 26);
	for (int i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
}

static int line_here(rd *r)
{
	return r->src->nf ? r->src->f[0].line : 0;
}

/* The place of the cell at line and 1-based column col: "file:line:col",
 * or a workbook's "book.xlsx: 支出明细!L5".  col 0: the line (row) itself. */
static void place_at(rd *r, int line, int col, char *buf, size_t cap)
{
	if (r->src->sheet) {
		char letters[16];
		col_letters(col > 0 ? col : 1, letters);
		snprintf(buf, cap, "%s%s%d", r->posfile, letters, line);
	} else if (col > 0) {
		snprintf(buf, cap, "%s:%d:%d", r->posfile, line, col);
	} else {
		snprintf(buf, cap, "%s:%d", r->posfile, line);
	}
}

/* An error at cell f; off counts the characters into it (CSV only: a
 * workbook's place is the cell). */
static ys_result bad_at_off(rd *r, const ys_csv_field *f, size_t off, const char *fmt, ...) YS_PRINTF(4, 5);
static ys_result bad_at_off(rd *r, const ys_csv_field *f, size_t off, const char *fmt, ...)
{
	char where[1200];
	place_at(r, f->line, f->col + (r->src->sheet ? 0 : (int)off), where, sizeof where);
	va_list ap;
	va_start(ap, fmt);
	ys_result res = vnote(r, where, fmt, ap);
	va_end(ap);
	return res;
}

#define bad_at(r, f, ...) bad_at_off(r, f, 0, __VA_ARGS__)

/* An error at field i of the current record: its cell, or where it would
 * be (a workbook's column), or the line. */
static ys_result bad_field(rd *r, int i, const char *fmt, ...) YS_PRINTF(3, 4);
static ys_result bad_field(rd *r, int i, const char *fmt, ...)
{
	char where[1200];
	const ys_csv_field *f = r->cell[i];
	if (f)
		place_at(r, f->line, f->col, where, sizeof where);
	else
		place_at(r, line_here(r), r->src->sheet && r->fcol[i] >= 0 ? r->fcol[i] + 1 : 0, where, sizeof where);
	va_list ap;
	va_start(ap, fmt);
	ys_result res = vnote(r, where, fmt, ap);
	va_end(ap);
	return res;
}

/* An error about the current record as a whole. */
static ys_result bad_row(rd *r, const char *fmt, ...) YS_PRINTF(2, 3);
static ys_result bad_row(rd *r, const char *fmt, ...)
{
	char where[1200];
	place_at(r, line_here(r), 0, where, sizeof where);
	va_list ap;
	va_start(ap, fmt);
	ys_result res = vnote(r, where, fmt, ap);
	va_end(ap);
	return res;
}

/* An error about the file (or sheet) as a whole. */
static ys_result bad_file(rd *r, const char *fmt, ...) YS_PRINTF(2, 3);
static ys_result bad_file(rd *r, const char *fmt, ...)
{
	char where[1200];
	size_t n = strlen(r->posfile);
	snprintf(where, sizeof where, "%.*s", (int)(r->src->sheet && n ? n - 1 : n), r->posfile);
	va_list ap;
	va_start(ap, fmt);
	ys_result res = vnote(r, where, fmt, ap);
	va_end(ap);
	return res;
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

static int field_matches(const field *f, const char *name)
{
	return in_names(name, f->id) || in_names(name, f->zh) || in_names(name, f->aliases);
}

/* Map the header's columns to fields.  *skip: the header is unusable (a
 * required column or an amount's unit missing), leave the rows unread. */
static ys_result read_header(rd *r, int have_unit, ys_unit preamble_unit, int *skip)
{
	const sheet *sh = r->sh;
	ys_recsrc *src = r->src;
	ys_result res;
	*skip = 0;
	for (int i = 0; i < sh->nfields; i++) {
		r->cell[i] = NULL;
		r->unit[i] = preamble_unit;
		r->fcol[i] = -1;
	}
	for (size_t c = 0; c < YS_CSV_MAX_FIELDS; c++) {
		r->colmap[c] = -1;
		r->ignore[c] = 0;
	}
	int unit_set[16] = { 0 };
	for (size_t c = 0; c < src->nf && c < YS_CSV_MAX_FIELDS; c++) {
		const ys_csv_field *f = &src->f[c];
		if (f->len == 0)
			continue;
		char name[256];
		ys_unit u;
		int hu = header_unit(r, f->s, f->len, name, sizeof name, &u);
		int hit = -1;
		for (int i = 0; i < sh->nfields && hit < 0; i++)
			if (field_matches(&sh->fields[i], name))
				hit = i;
		if (hit < 0) {
			ys_buf want = YS_BUF_INIT;
			for (int i = 0; i < sh->nfields; i++)
				ys_buf_addf(&want, "%s%s（%s）", i ? "、" : "", sh->fields[i].zh, sh->fields[i].id);
			r->ignore[c] = 1;
			res = want.oom ? nomem(r)
			               : bad_at(r, f, "%s表没有“%s”这一列：应为 %s", sh->zh, f->s, want.s);
			ys_buf_release(&want);
			if (res)
				return res;
			continue;
		}
		if (r->fcol[hit] >= 0) {
			r->ignore[c] = 1;
			if ((res = bad_at(r, f, "“%s”列出现了两次", sh->fields[hit].zh)))
				return res;
			continue;
		}
		r->fcol[hit] = (int)c;
		r->colmap[c] = hit;
		if (hu) {
			r->unit[hit] = u;
			unit_set[hit] = 1;
		}
	}
	for (int i = 0; i < sh->nfields; i++) {
		const field *fd = &sh->fields[i];
		if (fd->required && r->fcol[i] < 0) {
			*skip = 1;
			if ((res = bad_row(r, "%s表缺少“%s”列（%s）", sh->zh, fd->zh, fd->id)))
				return res;
		} else if (fd->kind == F_AMOUNT && r->fcol[i] >= 0 && !unit_set[i] && !have_unit) {
			*skip = 1;
			if ((res = bad_at(r, &src->f[r->fcol[i]],
			                  "请写明“%s”列的单位：金额（元）或 金额（万元），或在表头上方写一行 金额单位：万元",
			                  fd->zh)))
				return res;
		}
	}
	return YS_OK;
}

/* The cell of field i in the current record, or NULL when blank (white
 * space only) or absent. */
static const ys_csv_field *val(rd *r, int i)
{
	const ys_csv_field *f = r->cell[i];
	if (!f || !f->len)
		return NULL;
	const char *s = f->s;
	size_t n = f->len;
	ys_trim(&s, &n);
	return n ? f : NULL;
}

/* A required field: *out is its cell, or NULL and an error recorded. */
static ys_result need(rd *r, int i, const ys_csv_field **out)
{
	*out = val(r, i);
	if (*out)
		return YS_OK;
	return bad_field(r, i, "“%s”为空：%s表的这一列必填", r->sh->fields[i].zh, r->sh->zh);
}

static ys_result get_enum(rd *r, int i, const enumval *ev, int *out, int required)
{
	const ys_csv_field *f = val(r, i);
	*out = -1;
	if (!f)
		return required ? need(r, i, &f) : YS_OK;
	const char *k = lower_key(r, f->s, f->len);
	for (const enumval *e = ev; e->names; e++)
		if (in_names(k, e->names)) {
			*out = e->value;
			return YS_OK;
		}
	return bad_at(r, f, "%s“%s”不是可选的值：应为 %s", r->sh->fields[i].zh, f->s,
	              r->sh->fields[i].values ? r->sh->fields[i].values : "所列的值之一");
}

/*
 * An amount: 元 to 2 decimals, 万元 to 6, the one rule for a CSV cell and
 * for a workbook's cell.  A workbook's number cell holds a double written as
 * decimal text; read/xlsx.c gives it back as the shortest decimal of 15
 * significant digits (33149.176142999998 is 33149.176143), and a value with
 * more decimals than its unit allows is refused, never rounded.
 */
static ys_result get_amount(rd *r, int i, int64_t *out)
{
	const ys_csv_field *f;
	*out = 0;
	ys_result res = need(r, i, &f);
	if (res || !f)
		return res;
	ys_amount a;
	ys_money_err e;
	if (!ys_money_parse(f->s, f->len, r->unit[i], &a, &e)) {
		*out = a.fen;
		return YS_OK;
	}
	const char *dot = f->numeric ? strchr(f->s, '.') : NULL;
	if (dot && !strcmp(e.what, YS_MONEY_WHY_DECIMALS))
		return bad_at(r, f,
		              "%s %s 有 %zu 位小数：以%s为单位最多 %d 位（单元格中的数按 15 位有效数字读取；"
		              "请在表格中取整，如 ROUND(…, %d)）",
		              r->sh->fields[i].zh, f->s, strlen(dot + 1), ys_unit_name(r->unit[i]),
		              ys_unit_decimals(r->unit[i]), ys_unit_decimals(r->unit[i]));
	return bad_at_off(r, f, ys_utf8_count(f->s, e.pos), "%s“%s”不是以%s为单位的金额：%s", r->sh->fields[i].zh, f->s,
	                  ys_unit_name(r->unit[i]), e.what);
}

/* Separators between a code and its name: '-', '—', '–', '_', ':', white
 * space (after NFKC: '－' is '-', '：' is ':', U+3000 is ' '). */
static size_t sep_len(const char *p)
{
	static const char *const seps[] = { "-", "—", "–", "_", ":", " ", "\t" };
	for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++)
		if (!strncmp(p, seps[i], strlen(seps[i])))
			return strlen(seps[i]);
	return 0;
}

/*
 * A classification code, alone or with its name: "2010350",
 * "2010350-事业运行", "2010350 事业运行", "2010350事业运行" (NFKC first, so
 * full-width digits and '－' read as ASCII).  Anything else after the
 * digits - "30299X", "30211-" - is refused.  *name (may be NULL) gets the
 * name written, in the budget's arena, or NULL.
 */
static ys_result get_code(rd *r, int i, char *out, size_t cap, int required, const char **name)
{
	const ys_csv_field *f = val(r, i);
	out[0] = '\0';
	if (name)
		*name = NULL;
	if (!f)
		return required ? need(r, i, &f) : YS_OK;
	char *norm = ys_nfkc(f->s);
	if (!norm)
		return nomem(r);
	const char *s = norm;
	size_t n = strlen(s);
	ys_trim(&s, &n);
	size_t d = 0;
	while (d < n && s[d] >= '0' && s[d] <= '9')
		d++;
	const char *zh = r->sh->fields[i].zh;
	ys_result res = YS_OK;
	if (d == 0) {
		res = bad_at(r, f, "%s“%s”不是科目编码：应为数字编码，可带名称，如 2010350 或 2010350-事业运行", zh, f->s);
	} else if (d >= cap) {
		res = bad_at(r, f, "%s“%s”：编码有 %zu 位，太长（%s）", zh, f->s, d, r->sh->fields[i].doc);
	} else {
		const char *p = s + d, *end = s + n;
		size_t k, seps = 0;
		while (p < end && (k = sep_len(p))) {
			p += k;
			seps++;
		}
		unsigned char c0 = p < end ? (unsigned char)*p : 0;
		size_t after = ys_utf8_count(norm, (size_t)(s - norm) + d); /* characters up to the code's end */
		if (p == end && seps) {
			res = bad_at_off(r, f, after, "%s“%s”：编码 %.*s 后只有分隔符，没有名称", zh, f->s, (int)d, s);
		} else if (p < end && !seps && c0 < 0x80) {
			/* "30299X": a code runs on into letters or digits */
			res = bad_at_off(r, f, after,
			                 "%s“%s”：编码 %.*s 后面的“%.*s”不是名称：编码后只能是 - 或空格和名称（2010350-事业运行），"
			                 "或者什么也没有",
			                 zh, f->s, (int)d, s, (int)(end - (s + d)), s + d);
		} else {
			memcpy(out, s, d);
			out[d] = '\0';
			if (name && p < end && !(*name = ys_arena_strndup(&r->b->arena, p, (size_t)(end - p))))
				res = nomem(r);
		}
	}
	free(norm);
	return res;
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

/* A count (公务用车 27 台): digits only; *out stays -1 when blank. */
static ys_result get_count(rd *r, int i, int *out)
{
	const ys_csv_field *f = val(r, i);
	*out = -1;
	if (!f)
		return YS_OK;
	const char *s = f->s;
	size_t n = f->len;
	ys_trim(&s, &n);
	long v = 0;
	size_t d = 0;
	while (d < n && d < 9 && s[d] >= '0' && s[d] <= '9')
		v = v * 10 + (s[d++] - '0');
	if (d == 0 || d < n)
		return bad_at(r, f, "%s“%s”：应为一个整数（台、套的个数），如 27", r->sh->fields[i].zh, f->s);
	*out = (int)v;
	return YS_OK;
}

static ys_pos pos_here(rd *r)
{
	ys_pos p = { r->posfile, line_here(r) };
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
			return nomem(r);                                                           \
	} while (0)

/* A unit of the units sheet: *out its index, or -1. */
static ys_result unit_ref(rd *r, int i, int *out)
{
	const ys_csv_field *f;
	*out = -1;
	ys_result res = need(r, i, &f);
	if (res || !f)
		return res;
	char *s = ys_arena_strndup(&r->b->arena, f->s, f->len);
	if (!s)
		return nomem(r);
	*out = find_unit(r->b, s);
	if (*out >= 0)
		return YS_OK;
	if (r->unread[SH_UNITS]) { /* said already: the units sheet was not read */
		r->row_bad++;
		return YS_OK;
	}
	return bad_at(r, f, "单位“%s”不在单位表（%s）中", f->s, sheets[SH_UNITS].id);
}

/* The project of field i (its cell f) on the projects sheet: *out its
 * index, or -1. */
static ys_result project_ref(rd *r, int i, const ys_csv_field *f, int *out)
{
	*out = find_project(r->b, get_text(r, i));
	if (*out >= 0)
		return YS_OK;
	if (r->unread[SH_PROJECTS]) { /* said already: the projects sheet was not read */
		r->row_bad++;
		return YS_OK;
	}
	return bad_at(r, f, "项目“%s”不在项目表（%s）中", f->s, sheets[SH_PROJECTS].id);
}

/* 采购类别: A, B or C, or 货物, 工程, 服务, or both (A 货物, A-货物, A货物,
 * A类货物, Ａ－货物 ...): the key is NFKC, without white space, lower case. */
static int category_of(const char *k, int *clash)
{
	static const char *const names[3] = { "货物|goods", "工程|works", "服务|services" };
	int letter = -1, named = -1;
	*clash = 0;
	if (k[0] >= 'a' && k[0] <= 'c' && !(k[1] >= 'a' && k[1] <= 'z')) {
		letter = k[0] - 'a';
		k++;
		if (!strncmp(k, "类", strlen("类")))
			k += strlen("类");
		size_t s = sep_len(k);
		if (!s && !strncmp(k, "、", strlen("、")))
			s = strlen("、");
		if (!s && *k == '.')
			s = 1;
		k += s;
	}
	if (*k) {
		for (int i = 0; i < 3 && named < 0; i++)
			if (in_names(k, names[i]))
				named = i;
		if (named < 0)
			return -1;
	}
	if (letter >= 0 && named >= 0 && letter != named) {
		*clash = 1;
		return -1;
	}
	int v = letter >= 0 ? letter : named;
	return v < 0 ? -1 : 'A' + v;
}

/* The words table 12 and 13 are read back by (read/text.c): an indicator
 * that is not one of them would make the compiled tables unreadable. */
static const char *const ind1_words[] = { "产出指标", "效益指标", "满意度指标", "成本指标", NULL };
static const char *const op_words[] = { "=", "≥", "≤", ">", "<", "≧", "≦", ">=", "<=", "定性", "定量", NULL };

static int in_words(const char *key, const char *const *w)
{
	for (; *w; w++)
		if (!strcmp(key, *w))
			return 1;
	return 0;
}

/* 一级指标, 二级指标 and 指标性质 of an indicator row (base: its 一级指标 field). */
static ys_result check_indicator(rd *r, int base)
{
	ys_result res = YS_OK;
	const ys_csv_field *f;
	if ((f = val(r, base)) && !in_words(lower_key(r, f->s, f->len), ind1_words) &&
	    (res = bad_at(r, f, "一级指标“%s”：应为 产出指标、效益指标、满意度指标 或 成本指标", f->s)))
		return res;
	if ((f = val(r, base + 1))) {
		const char *k = lower_key(r, f->s, f->len);
		size_t n = strlen(k), w = strlen("指标");
		if ((n <= w || strcmp(k + n - w, "指标")) &&
		    (res = bad_at(r, f, "二级指标“%s”：应为以“指标”结尾的名称，如 数量指标、质量指标、社会效益指标", f->s)))
			return res;
	}
	if ((f = val(r, base + 3)) && !in_words(lower_key(r, f->s, f->len), op_words) &&
	    (res = bad_at(r, f, "指标性质“%s”：应为 =、≥、≤、>、<、定性 或 定量", f->s)))
		return res;
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
			return bad_row(r, "部门表只能有一行");
		if ((res = need(r, D_NAME, &f)) || (res = need(r, D_YEAR, &f)))
			return res;
		const ys_csv_field *y = val(r, D_YEAR);
		long year = 0;
		if (y) {
			char *end;
			year = strtol(y->s, &end, 10);
			if ((*end || year < 1990 || year > 2200) &&
			    (res = bad_at(r, y, "年度“%s”：应为年份，如 2026", y->s)))
				return res;
		}
		if (r->row_bad)
			return YS_OK;
		b->department = get_text(r, D_NAME);
		b->year = (int)year;
		b->perf_unit = val(r, D_UNIT) ? get_text(r, D_UNIT) : b->department;
		b->perf_goal = get_text(r, D_GOAL);
		b->perf_notes = val(r, D_NOTES) ? get_text(r, D_NOTES) : "无。";
		if (val(r, D_ADMIN) && (res = get_amount(r, D_ADMIN, &b->admin)))
			return res;
		if ((res = get_count(r, D_VEHICLES, &b->vehicles)) || (res = get_count(r, D_EQUIP, &b->equip)) ||
		    (res = get_count(r, D_EQUIP_NEW, &b->equip_new)))
			return res;
		b->dept_pos = pos_here(r);
		r->have_dept = 1;
		return YS_OK;
	}
	case SH_UNITS: {
		if ((res = need(r, U_NAME, &f)) || (res = get_enum(r, U_TYPE, ev_unittype, &v, 1)))
			return res;
		if (!val(r, U_NAME))
			return YS_OK;
		const char *name = get_text(r, U_NAME);
		if (find_unit(b, name) >= 0)
			return bad_at(r, val(r, U_NAME), "单位“%s”列了两次", name);
		/* a unit whose type is wrong is still a unit: the items that name
		 * it are not reported again */
		GROW(b->units, b->nunits, r->nunitcap);
		b->units[b->nunits].name = name;
		b->units[b->nunits].type = v < 0 ? YS_UT_UNKNOWN : (ys_unittype)v;
		b->units[b->nunits].pos = pos_here(r);
		b->nunits++;
		return YS_OK;
	}
	case SH_CODES: {
		ys_codename cn;
		memset(&cn, 0, sizeof cn);
		if ((res = get_enum(r, K_KIND, ev_codekind, &cn.kind, 1)) ||
		    (res = get_code(r, K_CODE, cn.code, sizeof cn.code, 1, NULL)) || (res = need(r, K_NAME, &f)))
			return res;
		if (r->row_bad)
			return YS_OK;
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
		if (r->row_bad)
			return YS_OK;
		int k = carry && v == YS_FS_UNIT ? YS_CSRC_UNIT : v;
		int64_t *slot = carry ? &b->carry[k] : &b->income[k];
		ys_pos *pos = carry ? &b->carry_pos[k] : &b->income_pos[k];
		if (!pos->line)
			*pos = pos_here(r);
		if (ys_money_add(*slot, amt, slot))
			return bad_field(r, I_AMOUNT, "%s的合计超出范围", val(r, I_SOURCE)->s);
		return YS_OK;
	}
	case SH_PROJECTS: {
		ys_project p;
		memset(&p, 0, sizeof p);
		if ((res = need(r, P_CODE, &f)) || (res = need(r, P_NAME, &f)) || (res = unit_ref(r, P_UNIT, &p.unit)) ||
		    (res = get_enum(r, P_DISCLOSED, ev_bool, &v, 0)))
			return res;
		if (!val(r, P_CODE))
			return YS_OK;
		p.code = get_text(r, P_CODE);
		if (find_project(b, p.code) >= 0)
			return bad_at(r, val(r, P_CODE), "项目“%s”列了两次", p.code);
		/* a project with an error elsewhere is still a project: its items
		 * and indicators are not reported again */
		p.name = get_text(r, P_NAME);
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
		if ((res = check_indicator(r, base)))
			return res;
		int p = -1;
		if (!perf) {
			if ((res = need(r, N_PROJECT, &f)))
				return res;
			if (f && (res = project_ref(r, N_PROJECT, f, &p)))
				return res;
		}
		if (r->row_bad)
			return YS_OK;
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
		ys_project *pr = &b->projects[p];
		ys_indicator *ni = realloc(pr->ind, sizeof *ni * (size_t)(pr->nind + 1));
		if (!ni)
			return nomem(r);
		pr->ind = ni;
		pr->ind[pr->nind++] = ind;
		return YS_OK;
	}
	case SH_ITEMS: {
		ys_item it;
		memset(&it, 0, sizeof it);
		it.project = -1;
		int cls, fund, carry, kind, flags;
		if ((res = unit_ref(r, IT_UNIT, &it.unit)) ||
		    (res = get_code(r, IT_FUNC, it.func, sizeof it.func, 1, &it.named[0])) ||
		    (res = get_code(r, IT_ECON, it.econ, sizeof it.econ, 1, &it.named[1])) ||
		    (res = get_code(r, IT_GOV, it.gov, sizeof it.gov, 0, &it.named[2])) ||
		    (res = get_enum(r, IT_FUND, ev_fund, &fund, 1)) || (res = get_enum(r, IT_CARRY, ev_bool, &carry, 0)) ||
		    (res = get_enum(r, IT_KIND, ev_kind, &kind, 1)) || (res = get_enum(r, IT_CLASS, ev_class, &cls, 0)) ||
		    (res = get_enum(r, IT_FLAGS, ev_flags, &flags, 0)))
			return res;
		it.carry = carry == 1;
		it.flags = flags > 0 ? (unsigned char)flags : 0;
		it.cls = cls > 0 ? (unsigned char)cls : 0;
		if (it.func[0] && strlen(it.func) != 7 &&
		    (res = bad_field(r, IT_FUNC, "功能分类“%s”：应为 7 位的项级编码", it.func)))
			return res;
		if (it.econ[0] && strlen(it.econ) != 5 && strlen(it.econ) != 7 &&
		    (res = bad_field(r, IT_ECON, "经济分类“%s”：应为 5 位的款级编码，或 7 位的地方编码", it.econ)))
			return res;
		if (it.gov[0] && strlen(it.gov) != 5 &&
		    (res = bad_field(r, IT_GOV, "政府经济分类“%s”：应为 5 位的款级编码", it.gov)))
			return res;
		if (fund == YS_FS_UNIT && !it.carry &&
		    (res = bad_field(r, IT_FUND, "单位资金是上年结转的资金：“上年结转”应填 是")))
			return res;
		if (fund >= 0 && it.carry && fund != YS_FS_UNIT && fund > YS_FS_SPECIAL &&
		    (res = bad_field(r, IT_FUND,
		                     "上年结转的资金来自一般公共预算、政府性基金预算、国有资本经营预算、财政专户管理资金或单位资金，"
		                     "不是%s",
		                     ys_fund_name((ys_fundsrc)fund))))
			return res;
		const ys_csv_field *pf = val(r, IT_PROJECT);
		if (kind == YS_PROJECT) {
			if (!pf)
				res = bad_field(r, IT_PROJECT, "项目支出没有“项目编码”：应为项目表中的一个项目");
			else
				res = project_ref(r, IT_PROJECT, pf, &it.project);
		} else if (kind == YS_BASIC && pf) {
			res = bad_at(r, pf, "基本支出不属于项目：“项目编码”应留空");
		}
		if (res || (res = get_amount(r, IT_AMOUNT, &it.amount)))
			return res;
		if (r->row_bad)
			return YS_OK;
		it.fund = (unsigned char)fund;
		it.kind = (unsigned char)kind;
		it.pos = pos_here(r);
		GROW(b->items, b->nitems, r->nitemcap);
		b->items[b->nitems++] = it;
		return YS_OK;
	}
	case SH_PROCUREMENT: {
		ys_procurement p;
		memset(&p, 0, sizeof p);
		if ((res = need(r, C_CATEGORY, &f)))
			return res;
		if (f) {
			int clash;
			v = category_of(lower_key(r, f->s, f->len), &clash);
			if (v < 0 && clash)
				res = bad_at(r, f, "采购类别“%s”：字母和名称不一致（A 货物、B 工程、C 服务）", f->s);
			else if (v < 0)
				res = bad_at(r, f, "采购类别“%s”：应为 A、B、C，或 货物、工程、服务，或两者都写（A 货物、A-货物）", f->s);
			if (res)
				return res;
		}
		if ((res = get_amount(r, C_AMOUNT, &p.amount)))
			return res;
		if (r->row_bad)
			return YS_OK;
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
		if (r->row_bad)
			return YS_OK;
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
		if (r->row_bad)
			return YS_OK;
		int64_t *slot = v == 0 ? &b->sangong_abroad : v == 1 ? &b->sangong_reception
		                : v == 2 ? &b->sangong_car_buy : &b->sangong_car_run;
		if (*slot >= 0)
			return bad_at(r, val(r, G_ITEM), "“%s”给了两次", val(r, G_ITEM)->s);
		*slot = amt;
		return YS_OK;
	}
	case SH_REASONS: {
		if ((res = need(r, R_SUBJECT, &f)))
			return res;
		if (r->row_bad)
			return YS_OK;
		const char *subject = get_text(r, R_SUBJECT);
		for (int i = 0; i < b->nreasons; i++)
			if (ys_name_eq(b->reasons[i].subject, subject)) {
				char at[1200];
				return bad_at(r, f, "科目“%s”列了两次（另一次在 %s）", subject,
				              ys_input_place(b->reasons[i].pos, at, sizeof at));
			}
		GROW(b->reasons, b->nreasons, r->nreasoncap);
		ys_reason *x = &b->reasons[b->nreasons++];
		x->subject = subject;
		x->text = get_text(r, R_REASON);
		x->last = get_text(r, R_LAST);
		x->change = get_text(r, R_CHANGE);
		x->pos = pos_here(r);
		return YS_OK;
	}
	case SH_TEXTS: {
		if ((res = need(r, X_NAME, &f)))
			return res;
		if (r->row_bad)
			return YS_OK;
		const char *name = get_text(r, X_NAME);
		for (int i = 0; i < b->ntexts; i++)
			if (ys_name_eq(b->texts[i].name, name)) {
				char at[1200];
				return bad_at(r, f, "“%s”列了两次（另一次在 %s）", name, ys_input_place(b->texts[i].pos, at, sizeof at));
			}
		GROW(b->texts, b->ntexts, r->ntextcap);
		ys_text *x = &b->texts[b->ntexts++];
		x->name = name;
		x->text = get_text(r, X_TEXT);
		x->pos = pos_here(r);
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

/* A sheet name as a cell reference writes it: quoted when it holds
 * anything but letters, digits, '_' and '.' (or starts with a digit). */
static char *sheet_ref(ys_arena *a, const char *book, const char *name)
{
	int quote = name[0] >= '0' && name[0] <= '9';
	for (const unsigned char *p = (const unsigned char *)name; *p && !quote; p++)
		quote = *p < 0x80 && !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		                       *p == '_' || *p == '.');
	if (!quote)
		return ys_arena_printf(a, "%s: %s!", book, name);
	ys_buf q = YS_BUF_INIT;
	ys_buf_addf(&q, "%s: '", book);
	for (const char *p = name; *p; p++) {
		if (*p == '\'')
			ys_buf_addc(&q, '\'');
		ys_buf_addc(&q, *p);
	}
	ys_buf_adds(&q, "'!");
	char *s = q.oom ? NULL : ys_arena_strndup(a, q.s, q.len);
	ys_buf_release(&q);
	return s;
}

ys_result ys_input_read_sheet(ys_ctx *ctx, ys_budget *b, int which, ys_recsrc *src, void *state)
{
	rd *r = state;
	r->ctx = ctx;
	r->b = b;
	r->src = src;
	r->sh = &sheets[which];
	r->posfile = src->sheet ? sheet_ref(&b->arena, src->name, src->sheet) : src->name;
	if (!r->posfile)
		return nomem(r);
	int k, header = 0, have_unit = 0;
	ys_unit unit = YS_UNIT_YUAN;
	ys_result res;
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
			int skip;
			header = 1;
			if ((res = read_header(r, have_unit, unit, &skip)))
				return res;
			if (skip) {
				r->unread[which] = 1;
				return YS_OK;
			}
			if (which == SH_INCOME)
				b->income_head = pos_here(r);
			else if (which == SH_REASONS)
				b->reasons_head = pos_here(r);
			else if (which == SH_CARRY)
				b->carry_head = pos_here(r);
			continue;
		}
		r->row_bad = 0;
		for (int i = 0; i < r->sh->nfields; i++)
			r->cell[i] = NULL;
		for (size_t c = 0; c < src->nf; c++) {
			if (c >= YS_CSV_MAX_FIELDS || r->colmap[c] < 0) {
				if (src->f[c].len && !(c < YS_CSV_MAX_FIELDS && r->ignore[c]) &&
				    (res = bad_at(r, &src->f[c], "没有表头的列中有值“%.100s”", src->f[c].s)))
					return res;
				continue;
			}
			r->cell[r->colmap[c]] = &src->f[c];
		}
		for (int i = 0; i < r->sh->nfields; i++) {
			const ys_csv_field *f = val(r, i);
			ys_amount a;
			if (f && r->sh->fields[i].kind == F_LABEL && !ys_money_parse(f->s, f->len, YS_UNIT_YIYUAN, &a, NULL) &&
			    a.present &&
			    (res = bad_at(r, f, "%s“%s”是一个数：表格中这一栏印文字，数会被当作金额读回；请写成文字",
			                  r->sh->fields[i].zh, f->s)))
				return res;
		}
		if ((res = apply_row(r)))
			return res;
	}
	if (k < 0) { /* the rest of the file cannot be read: the next one can */
		r->unread[which] = 1;
		return note_ctx(r);
	}
	if (!header && r->sh->required) {
		r->unread[which] = 1;
		return bad_file(r, "%s表（%s）没有表头行", r->sh->zh, r->sh->id);
	}
	return YS_OK;
}

ys_result ys_input_note(void *state, ys_ctx *ctx, int which, ys_result code, const char *place, const char *fmt, ...)
{
	rd *r = state;
	r->ctx = ctx;
	r->sh = which >= 0 ? &sheets[which] : NULL;
	if (which >= 0)
		r->unread[which] = 1;
	char msg[YS_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return note(r, code, place, msg);
}

ys_result ys_input_note_ctx(void *state, ys_ctx *ctx, int which)
{
	rd *r = state;
	r->ctx = ctx;
	r->sh = which >= 0 ? &sheets[which] : NULL;
	if (which >= 0)
		r->unread[which] = 1;
	return note_ctx(r);
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
	rd *r = calloc(1, sizeof *r);
	if (!r)
		return 0;
	ys_buf_init(&r->key);
	char name[256];
	*has_unit = header_unit(r, s, n, name, sizeof name, unit);
	int hit = 0;
	for (int i = 0; i < sheets[sh].nfields && !hit; i++)
		if (!strcmp(sheets[sh].fields[i].id, field_id))
			hit = field_matches(&sheets[sh].fields[i], name);
	ys_buf_release(&r->key);
	free(r);
	return hit;
}

/* ---- diagnostics -------------------------------------------------------- */

void ys_diags_init(ys_diags *dl)
{
	memset(dl, 0, sizeof *dl);
	ys_arena_init(&dl->arena);
}

void ys_diags_release(ys_diags *dl)
{
	if (!dl)
		return;
	ys_arena_release(&dl->arena);
	free(dl->d);
	memset(dl, 0, sizeof *dl);
}

const char *ys_input_place(ys_pos pos, char *buf, size_t cap)
{
	const char *file = pos.file ? pos.file : "";
	size_t n = strlen(file);
	if (n && file[n - 1] == '!')
		snprintf(buf, cap, "%sA%d", file, pos.line);
	else if (pos.line)
		snprintf(buf, cap, "%s:%d", file, pos.line);
	else
		snprintf(buf, cap, "%s", file);
	return buf;
}

ys_result ys_input_finish(ys_ctx *ctx, ys_budget *b, const char *where, void *state, ys_result res)
{
	rd *r = state;
	r->ctx = ctx;
	r->sh = NULL;
	if (res && !r->dl->stopped)
		return res; /* out of memory: nothing more to say */
	/* a part missing, unless its sheet said why already */
	if (!res && !b->department[0] && !r->unread[SH_DEPARTMENT] && !r->errs[SH_DEPARTMENT])
		res = note(r, YS_EPARSE, where, "没有部门和年度：部门表（部门）须填一行，写明部门名称和年度");
	if (!res && b->nunits == 0 && !r->unread[SH_UNITS] && !r->errs[SH_UNITS])
		res = note(r, YS_EPARSE, where, "没有单位：单位表（单位）至少须填一行");
	if (res == YS_ENOMEM)
		return res;
	if (!r->dl->n)
		return YS_OK;
	/* ctx says the first error, as a reader that stops at it would */
	const ys_diag *d = &r->dl->d[0];
	return ys_error(ctx, d->code, "%s%s%s", d->place, d->place[0] ? ": " : "", d->msg);
}

void *ys_input_state_new(ys_diags *dl)
{
	rd *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	ys_buf_init(&r->key);
	ys_diags_init(&r->own);
	r->dl = dl ? dl : &r->own;
	return r;
}

void ys_input_state_free(void *state)
{
	rd *r = state;
	if (!r)
		return;
	ys_buf_release(&r->key);
	ys_diags_release(&r->own);
	free(r);
}

int ys_input_nsheets(void) { return SH_N; }
const char *ys_input_sheet_id(int i) { return sheets[i].id; }
const char *ys_input_sheet_zh(int i) { return sheets[i].zh; }
const char *ys_input_sheet_aliases(int i) { return sheets[i].aliases; }
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

/* ---- documentation ----------------------------------------------------- */

/* names "a|b" as `a`、`b` */
static void doc_names(ys_buf *out, const char *names)
{
	for (int k = 0; names && *names; k++) {
		const char *bar = strchr(names, '|');
		size_t l = bar ? (size_t)(bar - names) : strlen(names);
		ys_buf_addf(out, "%s`%.*s`", k ? "、" : "", (int)l, names);
		names = bar ? bar + 1 : NULL;
	}
}

void ys_input_doc(ys_buf *out)
{
	ys_buf_adds(out,
	            "# 输入格式：部门的预算明细\n\n"
	            "由 `yusuan init --doc` 按 `src/read/detail.c` 中的描述生成；本文件过时则 `make test` 失败。\n"
	            "`yusuan init DIR` 把这些表写成带注释的空 CSV 文件。\n\n"
	            "一份预算是一个文件夹，每张表一个 CSV 文件，以表的英文名或中文名命名（`items.csv` 或\n"
	            "`支出明细.csv`）；或是一个 XLSX 工作簿，每张表一个工作表，名称同上。文件为 UTF-8（有无 BOM\n"
	            "均可）或 GB18030，自动识别。第一行既不是空行也不是 `#` 注释的行是表头；列按中文表头或英文名、\n"
	            "别名识别，顺序不限。\n\n"
	            "金额是精确的：元最多 2 位小数，万元最多 6 位。在表头中写明单位（`金额（万元）`、`amount_yuan`），\n"
	            "或在表头上方写一行 `金额单位：万元`——没有默认单位。CSV 和 XLSX 是同一条规则：工作簿中的数字\n"
	            "单元格按 15 位有效数字读取（Excel 存的 33149.176142999998 就是 33149.176143），小数位数多于单位\n"
	            "所允许的一律拒绝，不四舍五入。\n\n"
	            "编码可以单写，也可以带名称：`2010350`、`2010350-事业运行`、`2010350 事业运行`、`2010350事业运行`\n"
	            "（全角字符先按 NFKC 归一：`２０１０３５０－事业运行` 也可）。编码后只能是分隔符（`-`、`—`、空格）\n"
	            "和名称，或者什么也没有：`30299X`、`30211-` 被拒绝。写了名称的，名称要与分类目录中这个编码的名称\n"
	            "（或科目名称表给它的名称）一致，见规则 `detail.code_names`。\n\n"
	            "表按下面的顺序读入：被引用的表（单位、项目）在前。\n\n"
	            "## 错误\n\n");
	ys_buf_addf(out,
	            "读入像编译器一样收集错误：遇到错误接着读，一次运行报告所有错误（最多 %d 处，然后停止读取），\n"
	            "每处都在它的位置——CSV 为 `文件:行:列`（列按字符计），工作簿为单元格，如\n"
	            "`book.xlsx: 支出明细!L5`。一行中的每个错误单元格都报告；表头有错的表不再读它的行，引用这张表的\n"
	            "行也不重复报告。有错误就不生成任何东西（也不写数据库），退出码为 3。明细规则（`yusuan rules`）\n"
	            "的发现指向行：CSV 为 `文件:行`，工作簿为这一行的第一个单元格（`book.xlsx: 项目!A3`）。\n\n",
	            YS_INPUT_ERRORS_MAX);
	for (int s = 0; s < SH_N; s++) {
		const sheet *sh = &sheets[s];
		ys_buf_addf(out, "## %s — `%s.csv`（%s）\n\n%s", sh->zh, sh->id, sh->required ? "必填" : "可不填", sh->doc);
		if (sh->aliases[0]) {
			ys_buf_adds(out, "文件或工作表也可以叫 ");
			doc_names(out, sh->aliases);
			ys_buf_adds(out, "。");
		}
		ys_buf_adds(out, "\n\n| 列 | 英文名 | 别名 | 必填 | 说明 |\n|---|---|---|---|---|\n");
		for (int i = 0; i < sh->nfields; i++) {
			const field *f = &sh->fields[i];
			ys_buf_addf(out, "| %s | `%s` | ", f->zh, f->id);
			doc_names(out, f->aliases);
			ys_buf_addf(out, " | %s | %s%s%s |\n", f->required ? "是" : "否", f->doc, f->values ? "。可选值：" : "",
			            f->values ? f->values : "");
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
		                               [F_ENUM] = YS_IN_ENUM, [F_BOOL] = YS_IN_BOOL, [F_YEAR] = YS_IN_YEAR,
		                               [F_LABEL] = YS_IN_TEXT, [F_COUNT] = YS_IN_COUNT };
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
