/*
 * tabledefs.c - the descriptions of the 13 tables (see tables.h).
 *
 * Layout rows and labels are those of the seed disclosure (2026, 北京市机关
 * 事务管理中心); aliases carry the printings of other provinces.
 */
#include "yusuan/tables.h"

#include <stdlib.h>
#include <string.h>

#define AMT(id, label, fund, spend) { id, label, YS_CK_AMOUNT, 0, fund, spend }
#define AMTP(id, label, panel) { id, label, YS_CK_AMOUNT, panel, YS_FUND_ALL, YS_SPEND_ALL }


/* ---- 01 收支总表 / 04 财政拨款收支总表 ------------------------------------ */

static const ys_coldef cols_summary[] = {
	{ "in_label", "收入项目", YS_CK_LABEL, 0, 0, 0 },
	AMTP("in_amount", "收入预算数", 0),
	{ "out_label", "支出项目", YS_CK_LABEL, 1, 0, 0 },
	AMTP("out_amount", "支出预算数", 1),
};

/* The 26 类 rows, shared by 01 and 04. */
#define CLASS_ROWS \
	{ "out.201", "一般公共服务支出", NULL, 1, YS_FR_ITEM, "201", -1, "一" }, \
	{ "out.202", "外交支出", NULL, 1, YS_FR_ITEM, "202", -1, "二" }, \
	{ "out.203", "国防支出", NULL, 1, YS_FR_ITEM, "203", -1, "三" }, \
	{ "out.204", "公共安全支出", NULL, 1, YS_FR_ITEM, "204", -1, "四" }, \
	{ "out.205", "教育支出", NULL, 1, YS_FR_ITEM, "205", -1, "五" }, \
	{ "out.206", "科学技术支出", NULL, 1, YS_FR_ITEM, "206", -1, "六" }, \
	{ "out.207", "文化旅游体育与传媒支出", "文化体育与传媒支出", 1, YS_FR_ITEM, "207", -1, "七" }, \
	{ "out.208", "社会保障和就业支出", NULL, 1, YS_FR_ITEM, "208", -1, "八" }, \
	{ "out.210", "卫生健康支出", "医疗卫生与计划生育支出|医疗卫生支出", 1, YS_FR_ITEM, "210", -1, "九" }, \
	{ "out.211", "节能环保支出", NULL, 1, YS_FR_ITEM, "211", -1, "十" }, \
	{ "out.212", "城乡社区支出", NULL, 1, YS_FR_ITEM, "212", -1, "十一" }, \
	{ "out.213", "农林水支出", NULL, 1, YS_FR_ITEM, "213", -1, "十二" }, \
	{ "out.214", "交通运输支出", NULL, 1, YS_FR_ITEM, "214", -1, "十三" }, \
	{ "out.215", "资源勘探工业信息等支出", "资源勘探信息等支出", 1, YS_FR_ITEM, "215", -1, "十四" }, \
	{ "out.216", "商业服务业等支出", NULL, 1, YS_FR_ITEM, "216", -1, "十五" }, \
	{ "out.217", "金融支出", NULL, 1, YS_FR_ITEM, "217", -1, "十六" }, \
	{ "out.219", "援助其他地区支出", NULL, 1, YS_FR_ITEM, "219", -1, "十七" }, \
	{ "out.220", "自然资源海洋气象等支出", "国土海洋气象等支出", 1, YS_FR_ITEM, "220", -1, "十八" }, \
	{ "out.221", "住房保障支出", NULL, 1, YS_FR_ITEM, "221", -1, "十九" }, \
	{ "out.222", "粮油物资储备支出", NULL, 1, YS_FR_ITEM, "222", -1, "二十" }, \
	{ "out.223", "国有资本经营预算支出", NULL, 1, YS_FR_ITEM, "223", -1, "二十一" }, \
	{ "out.224", "灾害防治及应急管理支出", NULL, 1, YS_FR_ITEM, "224", -1, "二十二" }, \
	{ "out.229", "其他支出", NULL, 1, YS_FR_ITEM, "229", -1, "二十三" }, \
	{ "out.232", "债务付息支出", NULL, 1, YS_FR_ITEM, "232", -1, "二十四" }, \
	{ "out.233", "债务发行费用支出", NULL, 1, YS_FR_ITEM, "233", -1, "二十五" }, \
	{ "out.234", "抗疫特别国债安排的支出", NULL, 1, YS_FR_ITEM, "234", -1, "二十六" }, \
	{ "out.total", "本年支出合计", "支出合计", 1, YS_FR_TOTAL, NULL, -1, NULL }, \
	{ "out.yearend", "年终结转结余", "结转下年|年末结转和结余|年终结转", 1, YS_FR_YEAREND, NULL, -1, NULL }, \
	{ "out.grand", "支出总计", NULL, 1, YS_FR_GRAND, NULL, -1, NULL }

static const ys_fixedrow fixed_01[] = {
	{ "in.gp", "一般公共预算拨款收入", "一般公共预算拨款|一般公共预算资金|一般公共预算财政拨款收入", 0, YS_FR_ITEM, NULL, YS_FS_GP, "一" },
	{ "in.gf", "政府性基金预算拨款收入", "政府性基金预算拨款|政府性基金预算资金|政府性基金收入", 0, YS_FR_ITEM, NULL, YS_FS_GF, "二" },
	{ "in.soc", "国有资本经营预算拨款收入", "国有资本经营预算拨款|国有资本经营预算资金|国有资本经营预算收入", 0, YS_FR_ITEM, NULL, YS_FS_SOC, "三" },
	{ "in.special", "财政专户管理资金收入", "财政专户管理资金", 0, YS_FR_ITEM, NULL, YS_FS_SPECIAL, "四" },
	{ "in.shiye", "事业收入", NULL, 0, YS_FR_ITEM, NULL, YS_FS_SHIYE, "五" },
	{ "in.upper", "上级补助收入", NULL, 0, YS_FR_ITEM, NULL, YS_FS_UPPER, "六" },
	{ "in.affil", "附属单位上缴收入", NULL, 0, YS_FR_ITEM, NULL, YS_FS_AFFIL, "七" },
	{ "in.oper", "事业单位经营收入", NULL, 0, YS_FR_ITEM, NULL, YS_FS_OPER, "八" },
	{ "in.other", "其他收入", NULL, 0, YS_FR_ITEM, NULL, YS_FS_OTHER, "九" },
	{ "in.total", "本年收入合计", "收入合计", 0, YS_FR_TOTAL, NULL, -1, NULL },
	{ "in.carry", "上年结转结余", "上年结转|上年结转结余收入", 0, YS_FR_CARRY, NULL, -1, NULL },
	{ "in.grand", "收入总计", NULL, 0, YS_FR_GRAND, NULL, -1, NULL },
	CLASS_ROWS,
};

static const ys_fixedrow fixed_04[] = {
	{ "in.gp", "一般公共预算资金", "一般公共预算拨款收入|一般公共预算拨款|一般公共预算", 0, YS_FR_ITEM, NULL, YS_FS_GP, "一" },
	{ "in.gf", "政府性基金预算资金", "政府性基金预算拨款收入|政府性基金预算拨款|政府性基金预算", 0, YS_FR_ITEM, NULL, YS_FS_GF, "二" },
	{ "in.soc", "国有资本经营预算资金", "国有资本经营预算拨款收入|国有资本经营预算拨款|国有资本经营预算", 0, YS_FR_ITEM, NULL, YS_FS_SOC, "三" },
	{ "in.total", "本年收入合计", "收入合计", 0, YS_FR_TOTAL, NULL, -1, NULL },
	{ "in.carry", "上年结转结余", "上年结转|上年结转结余收入", 0, YS_FR_CARRY, NULL, -1, NULL },
	{ "carry.gp", "一般公共预算拨款", "一般公共预算资金|一般公共预算", 0, YS_FR_CARRY_ITEM, NULL, YS_CSRC_GP, "一" },
	{ "carry.gf", "政府性基金预算拨款", "政府性基金预算资金|政府性基金预算", 0, YS_FR_CARRY_ITEM, NULL, YS_CSRC_GF, "二" },
	{ "carry.soc", "国有资本经营预算拨款", "国有资本经营预算资金|国有资本经营预算", 0, YS_FR_CARRY_ITEM, NULL, YS_CSRC_SOC, "三" },
	{ "in.grand", "收入总计", NULL, 0, YS_FR_GRAND, NULL, -1, NULL },
	CLASS_ROWS,
};

static const char *const layout_summary[] = {
	"收 入\t\t支 出\t",
	"项 目\t预算数\t项 目\t预算数",
	NULL,
};

/* ---- 02 收入总表 --------------------------------------------------------- */

static const ys_coldef cols_02[] = {
	AMTP("total", "合计", 0),
	AMTP("cur", "本年收入小计", 0),
	AMTP("src.gp", "一般公共预算资金", 0),
	AMTP("src.gf", "政府性基金预算资金", 0),
	AMTP("src.soc", "国有资本经营预算资金", 0),
	AMTP("src.special", "财政专户管理资金", 0),
	AMTP("src.shiye", "事业收入", 0),
	AMTP("src.oper", "事业单位经营收入", 0),
	AMTP("src.upper", "上级补助收入", 0),
	AMTP("src.affil", "附属单位上缴收入", 0),
	AMTP("src.other", "其他收入", 0),
	AMTP("carry", "上年结转结余小计", 0),
	AMTP("carry.gp", "上年结转一般公共预算资金", 0),
	AMTP("carry.gf", "上年结转政府性基金预算资金", 0),
	AMTP("carry.soc", "上年结转国有资本经营预算资金", 0),
	AMTP("carry.special", "上年结转财政专户管理资金", 0),
	AMTP("carry.unit", "上年结转单位资金", 0),
};

static const char *const layout_02[] = {
	"合计\t本年收入\t\t\t\t\t\t\t\t\t\t上年结转结余\t\t\t\t\t",
	"\t小计\t一般公共预算资金\t政府性基金预算资金\t国有资本经营预算资金\t财政专户管理资金\t事业收入\t"
	"事业单位经营收入\t上级补助收入\t附属单位上缴收入\t其他收入\t小计\t一般公共预算资金\t"
	"政府性基金预算资金\t国有资本经营预算资金\t财政专户管理资金\t单位资金",
	NULL,
};

static const ys_rowsum rowsums_02[] = {
	{ YS_C02_TOTAL, { YS_C02_CUR, YS_C02_CARRY, -1 }, "合计 = 本年收入小计 + 上年结转结余小计" },
};

/* ---- 03 支出总表 --------------------------------------------------------- */

static const ys_coldef cols_03[] = {
	{ "func", "支出功能分类科目", YS_CK_CODENAME, 0, 0, 0 },
	{ "gov", "政府支出经济分类科目", YS_CK_CODENAME, 0, 0, 0 },
	{ "dept", "部门支出经济分类科目", YS_CK_CODENAME, 0, 0, 0 },
	AMT("total", "合计", YS_FUND_ALL, YS_SPEND_ALL),
	AMT("basic", "基本支出", YS_FUND_ALL, YS_SPEND_BASIC),
	AMT("project", "项目支出", YS_FUND_ALL, YS_SPEND_PROJECT),
	AMT("oper", "事业单位经营支出", YS_FUND_ALL, YS_SPEND_OPER),
	AMT("upper", "上缴上级支出", YS_FUND_ALL, YS_SPEND_UPPER),
	AMT("subsid", "对附属单位补助支出", YS_FUND_ALL, YS_SPEND_SUBSID),
};

static const char *const layout_03[] = {
	"支出功能分类科目\t政府支出经济分类科目\t部门支出经济分类科目\t合计\t基本支出\t项目支出\t其中\t\t",
	"\t\t\t\t\t\t事业单位经营支出\t上缴上级支出\t对附属单位补助支出",
	NULL,
};

static const ys_rowsum rowsums_total_basic_project[] = {
	{ 3, { 4, 5, -1 }, "合计 = 基本支出 + 项目支出" },
};

/* ---- 05 一般公共预算支出表 ----------------------------------------------- */

static const ys_coldef cols_05[] = {
	{ "code", "科目编码", YS_CK_CODE, 0, 0, 0 },
	{ "name", "科目名称", YS_CK_NAME, 0, 0, 0 },
	AMT("total", "合计", YS_FUND_GP, YS_SPEND_ALL),
	AMT("basic", "基本支出小计", YS_FUND_GP, YS_SPEND_BASIC),
	AMT("personnel", "人员经费", YS_FUND_GP, YS_SPEND_PERSONNEL),
	AMT("public", "公用经费", YS_FUND_GP, YS_SPEND_PUBLIC),
	AMT("project", "项目支出总数", YS_FUND_GP, YS_SPEND_PROJECT),
	AMT("nocap", "扣除基建项目后预算数", YS_FUND_GP, YS_SPEND_NOCAP),
};

static const char *const layout_05[] = {
	"功能分类科目\t\t预算数\t\t\t\t\t",
	"科目编码\t科目名称\t合计\t基本支出\t\t\t项目支出\t",
	"\t\t\t小计\t人员经费\t公用经费\t项目支出总数\t扣除基建项目后预算数",
	NULL,
};

static const ys_rowsum rowsums_05[] = {
	{ YS_C05_TOTAL, { YS_C05_BASIC, YS_C05_PROJECT, -1 }, "合计 = 基本支出 + 项目支出" },
	{ YS_C05_BASIC, { YS_C05_PERSONNEL, YS_C05_PUBLIC, -1 }, "基本支出 = 人员经费 + 公用经费" },
};

/* ---- 06 一般公共预算基本支出表 ------------------------------------------- */

static const ys_coldef cols_06[] = {
	{ "gov", "政府支出经济分类科目", YS_CK_CODENAME, 0, 0, 0 },
	{ "dept", "部门支出经济分类科目", YS_CK_CODENAME, 0, 0, 0 },
	AMT("total", "合计", YS_FUND_GP, YS_SPEND_BASIC),
	AMT("personnel", "人员经费", YS_FUND_GP, YS_SPEND_PERSONNEL),
	AMT("public", "公用经费", YS_FUND_GP, YS_SPEND_PUBLIC),
};

static const char *const layout_06[] = {
	"政府支出经济分类科目\t部门支出经济分类科目\t预算数\t\t",
	"\t\t合计\t人员经费\t公用经费",
	NULL,
};

static const ys_rowsum rowsums_06[] = {
	{ YS_C06_TOTAL, { YS_C06_PERSONNEL, YS_C06_PUBLIC, -1 }, "合计 = 人员经费 + 公用经费" },
};

/* ---- 07 政府性基金 / 08 国有资本经营预算支出表 --------------------------- */

static const ys_coldef cols_07[] = {
	{ "code", "科目编码", YS_CK_CODE, 0, 0, 0 },
	{ "name", "科目名称", YS_CK_NAME, 0, 0, 0 },
	AMT("total", "合计", YS_FUND_GF, YS_SPEND_ALL),
	AMT("basic", "基本支出", YS_FUND_GF, YS_SPEND_BASIC),
	AMT("project", "项目支出", YS_FUND_GF, YS_SPEND_PROJECT),
};

static const ys_coldef cols_08[] = {
	{ "code", "科目编码", YS_CK_CODE, 0, 0, 0 },
	{ "name", "科目名称", YS_CK_NAME, 0, 0, 0 },
	AMT("total", "合计", YS_FUND_SOC, YS_SPEND_ALL),
	AMT("basic", "基本支出", YS_FUND_SOC, YS_SPEND_BASIC),
	AMT("project", "项目支出", YS_FUND_SOC, YS_SPEND_PROJECT),
};

static const char *const layout_07[] = {
	"功能分类科目\t\t预算数\t\t",
	"科目编码\t科目名称\t合计\t基本支出\t项目支出",
	NULL,
};

static const ys_rowsum rowsums_07[] = {
	{ YS_C07_TOTAL, { YS_C07_BASIC, YS_C07_PROJECT, -1 }, "合计 = 基本支出 + 项目支出" },
};

/* ---- 09 "三公"经费 ------------------------------------------------------- */

static const ys_coldef cols_09[] = {
	AMT("total", "“三公”经费财政拨款预算总额", YS_FUND_FISCAL, YS_SPEND_ALL),
	AMT("abroad", "因公出国（境）费用", YS_FUND_FISCAL, YS_SPEND_ALL),
	AMT("reception", "公务接待费", YS_FUND_FISCAL, YS_SPEND_ALL),
	AMT("car", "公务用车购置及运行维护费小计", YS_FUND_FISCAL, YS_SPEND_ALL),
	AMT("car_buy", "公务用车购置费", YS_FUND_FISCAL, YS_SPEND_ALL),
	AMT("car_run", "公务用车运行维护费", YS_FUND_FISCAL, YS_SPEND_ALL),
};

static const char *const layout_09[] = {
	"“三公”经费财政拨款预算总额\t因公出国（境）费用\t公务接待费\t公务用车购置及运行维护费\t\t",
	"\t\t\t小计\t公务用车购置费\t公务用车运行维护费",
	NULL,
};

static const ys_rowsum rowsums_09[] = {
	{ YS_C09_TOTAL, { YS_C09_ABROAD, YS_C09_RECEPTION, YS_C09_CAR, -1 }, "总额 = 因公出国（境）费用 + 公务接待费 + 公务用车购置及运行维护费" },
	{ YS_C09_CAR, { YS_C09_CAR_BUY, YS_C09_CAR_RUN, -1 }, "公务用车购置及运行维护费 = 购置费 + 运行维护费" },
};

/* ---- 10 政府采购 / 11 政府购买服务 --------------------------------------- */

static const ys_coldef cols_10[] = {
	{ "category", "采购类别", YS_CK_CATEGORY, 0, 0, 0 },
	AMT("amount", "金额", YS_FUND_ALL, YS_SPEND_ALL),
};

static const char *const layout_10[] = { "采购类别\t金额", NULL };

static const ys_coldef cols_11[] = {
	{ "l1", "一级", YS_CK_TEXT, 0, 0, 0 },
	{ "l2", "二级", YS_CK_TEXT, 0, 0, 0 },
	{ "l3", "三级", YS_CK_TEXT, 0, 0, 0 },
	AMT("amount", "预算金额", YS_FUND_FISCAL, YS_SPEND_ALL),
};

static const char *const layout_11[] = {
	"指导性目录\t\t\t预算金额",
	"一级\t二级\t三级\t",
	NULL,
};

/* ---- 12 项目支出绩效目标表 ----------------------------------------------- */

static const ys_coldef cols_12[] = {
	{ "name", "项目名称", YS_CK_PROJECT, 0, 0, 0 },
	AMT("total", "项目总额", YS_FUND_ALL, YS_SPEND_PROJECT),
	AMT("fiscal", "财政资金", YS_FUND_FISCAL, YS_SPEND_PROJECT),
	AMT("other", "其他资金", YS_FUND_NONFISCAL, YS_SPEND_PROJECT),
	{ "goal", "绩效目标", YS_CK_TEXT, 0, 0, 0 },
	{ "ind1", "一级指标", YS_CK_IND1, 0, 0, 0 },
	{ "ind2", "二级指标", YS_CK_IND2, 0, 0, 0 },
	{ "ind3", "三级指标", YS_CK_INDTEXT, 0, 0, 0 },
	{ "op", "绩效指标性质", YS_CK_OP, 0, 0, 0 },
	{ "value", "本年绩效指标值", YS_CK_VALUE, 0, 0, 0 },
	{ "munit", "绩效度量单位", YS_CK_MUNIT, 0, 0, 0 },
};

static const char *const layout_12[] = {
	"项目名称\t项目总额\t其中：\t\t绩效目标\t一级指标\t二级指标\t三级指标\t绩效指标性质\t本年绩效指标值\t绩效度量单位",
	"\t\t财政资金\t其他资金\t\t\t\t\t\t\t",
	NULL,
};

static const ys_rowsum rowsums_12[] = {
	{ YS_C12_TOTAL, { YS_C12_FISCAL, YS_C12_OTHER, -1 }, "项目总额 = 财政资金 + 其他资金" },
};

/* ---- 13 单位整体支出绩效目标表 ------------------------------------------- */

static const ys_coldef cols_13[] = {
	{ "unit", "单位名称", YS_CK_TEXT, 0, 0, 0 },
	AMT("total", "预算支出总额", YS_FUND_ALL, YS_SPEND_ALL),
	AMT("f_total", "财政拨款合计", YS_FUND_FISCAL, YS_SPEND_ALL),
	AMT("f_basic", "财政拨款基本支出", YS_FUND_FISCAL, YS_SPEND_BASIC),
	AMT("f_project", "财政拨款项目支出", YS_FUND_FISCAL, YS_SPEND_PROJECT),
	AMT("o_total", "其他资金合计", YS_FUND_NONFISCAL, YS_SPEND_ALL),
	AMT("o_basic", "其他资金基本支出", YS_FUND_NONFISCAL, YS_SPEND_BASIC),
	AMT("o_project", "其他资金项目支出", YS_FUND_NONFISCAL, YS_SPEND_PROJECT),
	{ "goal", "整体绩效目标", YS_CK_TEXT, 0, 0, 0 },
	{ "notes", "其他说明", YS_CK_TEXT, 0, 0, 0 },
	{ "activity", "活动", YS_CK_TEXT, 0, 0, 0 },
	{ "indicator", "绩效指标", YS_CK_INDTEXT, 0, 0, 0 },
	{ "op", "指标性质", YS_CK_OP, 0, 0, 0 },
	{ "value", "指标值", YS_CK_VALUE, 0, 0, 0 },
	{ "munit", "度量单位", YS_CK_MUNIT, 0, 0, 0 },
};

/* slot -2: the lead label itself; -1: a cell that holds nothing */
static const ys_shape shapes_13[] = {
	{ "unit", "单位名称", 8, { -2, -1, YS_C13_UNIT, -1, -1, -1, -1, -1 } },
	{ "goal", "整体绩效目标", 8, { -2, YS_C13_GOAL, -1, -1, -1, -1, -1, -1 } },
	{ "notes", "其他说明", 8, { -2, YS_C13_NOTES, -1, -1, -1, -1, -1, -1 } },
	{ "amounts", NULL, 8, { -1, YS_C13_TOTAL, YS_C13_F_TOTAL, YS_C13_F_BASIC, YS_C13_F_PROJECT, YS_C13_O_TOTAL, YS_C13_O_BASIC,
	                        YS_C13_O_PROJECT } },
	{ "indicator", NULL, 8, { -1, YS_C13_ACTIVITY, YS_C13_INDICATOR, -1, YS_C13_OP, YS_C13_VALUE, YS_C13_MUNIT, -1 } },
};

static const char *const layout_13[] = {
	"总体资金情况 (万元)\t预算支出 总额\t财政拨款\t\t\t其他资金\t\t",
	"\t\t合计\t基本支出\t项目支出\t合计\t基本支出\t项目支出",
	"整体 绩效 目标\t活动\t绩效指标\t\t指标性质\t指标值\t度量单位\t",
	NULL,
};

static const ys_rowsum rowsums_13[] = {
	{ YS_C13_F_TOTAL, { YS_C13_F_BASIC, YS_C13_F_PROJECT, -1 }, "财政拨款合计 = 基本支出 + 项目支出" },
	{ YS_C13_O_TOTAL, { YS_C13_O_BASIC, YS_C13_O_PROJECT, -1 }, "其他资金合计 = 基本支出 + 项目支出" },
	{ YS_C13_TOTAL, { YS_C13_F_TOTAL, YS_C13_O_TOTAL, -1 }, "预算支出总额 = 财政拨款合计 + 其他资金合计" },
};

#define N(a) (int)(sizeof(a) / sizeof((a)[0]))

/* The column enums of tables.h index these arrays: each has as many
 * columns as its enum says. */
#define NCOLS_IS(a, n) _Static_assert(sizeof(a) / sizeof(a)[0] == (n), #a " has " #n " columns")
NCOLS_IS(cols_summary, YS_C01_NCOLS);
NCOLS_IS(cols_02, YS_C02_NCOLS);
NCOLS_IS(cols_03, YS_C03_NCOLS);
NCOLS_IS(cols_05, YS_C05_NCOLS);
NCOLS_IS(cols_06, YS_C06_NCOLS);
NCOLS_IS(cols_07, YS_C07_NCOLS);
NCOLS_IS(cols_09, YS_C09_NCOLS);
NCOLS_IS(cols_10, YS_C10_NCOLS);
NCOLS_IS(cols_11, YS_C11_NCOLS);
NCOLS_IS(cols_12, YS_C12_NCOLS);
NCOLS_IS(cols_13, YS_C13_NCOLS);
#undef NCOLS_IS

static const ys_tabledef defs[YS_NTABLES] = {
	{ YS_T01, "01", "收支总表", "部门收支总表|部门财务收支预算总表|收支预算总表|部门收支预算总表|财务收支预算总表|收支总体情况表",
	  "收入|支出|项目|预算数|本年预算数", layout_summary, N(cols_summary), cols_summary, 2, N(fixed_01), fixed_01,
	  0, NULL, 0, NULL, YS_RK_FIXED, 0, 6,
	  "收入行为本年各来源收入；支出行为 26 个功能分类类级，每类为全部资金（本年与上年结转）明细之和；"
	  "本年收入合计 + 上年结转结余 = 收入总计 = 支出总计 = 本年支出合计 + 年终结转结余" },
	{ YS_T02, "02", "收入总表", "部门收入总表|部门收入预算总表|收入预算总表|收入总体情况表",
	  "合计|本年收入|上年结转结余|小计|单位资金|上年结转", layout_02, N(cols_02), cols_02, 1, 0, NULL,
	  0, NULL, N(rowsums_02), rowsums_02, YS_RK_SINGLE, 0, 6,
	  "一行：按来源汇总的本年收入（9 个来源）与上年结转结余（5 个来源）" },
	{ YS_T03, "03", "支出总表", "部门支出总表|部门支出预算总表|支出预算总表|支出总体情况表",
	  "其中", layout_03, N(cols_03), cols_03, 1, 0, NULL, 0, NULL,
	  N(rowsums_total_basic_project), rowsums_total_basic_project, YS_RK_FUNC_ECON, YS_TF_TOTAL_ROW, 6,
	  "每行为一个 (功能分类项, 政府经济分类款, 部门经济分类款)，金额为全部资金明细之和，按基本/项目及其中列拆分" },
	{ YS_T04, "04", "财政拨款收支总表", "部门财政拨款收支总表|部门财政拨款收支预算总表|财政拨款收支预算总表|财政拨款收支情况表",
	  "收入|支出|项目|预算数|本年预算数", layout_summary, N(cols_summary), cols_summary, 2, N(fixed_04), fixed_04,
	  0, NULL, 0, NULL, YS_RK_FIXED, 0, 6,
	  "同 01，但只含财政拨款（一般公共预算、政府性基金、国有资本经营预算）资金" },
	{ YS_T05, "05", "一般公共预算支出表", "一般公共预算财政拨款支出表|部门一般公共预算支出功能分类预算表|一般公共预算支出功能分类预算表",
	  "功能分类科目|预算数|基本支出|项目支出|小计", layout_05, N(cols_05), cols_05, 1, 0, NULL, 0, NULL,
	  N(rowsums_05), rowsums_05, YS_RK_UNIT_FUNC, YS_TF_TOTAL_ROW | YS_TF_BLOCKS, 6,
	  "每个单位一块、每块按功能分类项一行：一般公共预算资金（本年与上年结转）按基本（人员/公用）与项目汇总" },
	{ YS_T06, "06", "一般公共预算基本支出表", "一般公共预算财政拨款基本支出表|一般公共预算基本支出部门预算经济分类预算表|一般公共预算基本支出明细表",
	  "预算数", layout_06, N(cols_06), cols_06, 1, 0, NULL, 0, NULL, N(rowsums_06), rowsums_06, YS_RK_ECON,
	  YS_TF_TOTAL_ROW, 6, "一般公共预算基本支出按 (政府经济分类款, 部门经济分类款) 汇总，人员经费为 301/303，其余为公用经费" },
	{ YS_T07, "07", "政府性基金预算支出表", "政府性基金预算财政拨款支出表|政府性基金预算支出功能分类预算表|政府性基金预算支出情况表",
	  "功能分类科目|预算数", layout_07, N(cols_07), cols_07, 1, 0, NULL, 0, NULL, N(rowsums_07), rowsums_07,
	  YS_RK_FUNC, YS_TF_TOTAL_ROW, 6, "政府性基金预算资金按功能分类项汇总" },
	{ YS_T08, "08", "国有资本经营预算支出表", "国有资本经营预算财政拨款支出表|国有资本经营预算支出功能分类预算表",
	  "功能分类科目|预算数", layout_07, N(cols_08), cols_08, 1, 0, NULL, 0, NULL, N(rowsums_07), rowsums_07,
	  YS_RK_FUNC, YS_TF_TOTAL_ROW, 6, "国有资本经营预算资金按功能分类项汇总" },
	{ YS_T09, "09", "财政拨款“三公”经费支出表", "“三公”经费支出表|一般公共预算“三公”经费支出表|“三公”经费和机关运行经费预算表|三公经费支出表",
	  "公务用车购置及运行费|因公出国（境）费|小计", layout_09, N(cols_09), cols_09, 1, 0, NULL, 0, NULL,
	  N(rowsums_09), rowsums_09, YS_RK_SINGLE, 0, 6,
	  "财政拨款在 30212 因公出国（境）、30217 公务接待、31013 公务用车购置、30231 公务用车运行维护上的支出" },
	{ YS_T10, "10", "政府采购预算明细表", "政府采购预算表|政府采购支出表",
	  "采购类别|金额", layout_10, N(cols_10), cols_10, 1, 0, NULL, 0, NULL, 0, NULL, YS_RK_CATEGORY,
	  YS_TF_TOTAL_ROW, 6, "政府采购预算按类别（A 货物、B 工程、C 服务）汇总" },
	{ YS_T11, "11", "财政拨款政府购买服务明细表", "政府购买服务预算表|政府购买服务预算财政拨款明细表|政府购买服务明细表",
	  "指导性目录|预算金额|一级|二级|三级", layout_11, N(cols_11), cols_11, 1, 0, NULL, 0, NULL, 0, NULL,
	  YS_RK_SERVICE, YS_TF_TOTAL_ROW, 6, "财政拨款购买服务按指导性目录一级/二级/三级汇总" },
	{ YS_T12, "12", "项目支出绩效目标表", "项目支出绩效目标申报表|一般公共预算项目支出绩效目标表",
	  "其中", layout_12, N(cols_12), cols_12, 1, 0, NULL, 0, NULL, N(rowsums_12), rowsums_12, YS_RK_PROJECT,
	  YS_TF_INDICATORS, 6, "每个公开项目：首行为项目编码-名称、项目总额（财政资金 + 其他资金）、绩效目标与首个指标，其后每个指标一行" },
	{ YS_T13, "13", "单位整体支出绩效目标表", "部门整体支出绩效目标表|整体支出绩效目标表",
	  "总体资金情况(万元)|预算支出总额|财政拨款|其他资金|合计|基本支出|项目支出|整体绩效目标|活动|绩效指标|指标性质|指标值|度量单位",
	  layout_13, N(cols_13), cols_13, 1, 0, NULL, N(shapes_13), shapes_13, N(rowsums_13), rowsums_13,
	  YS_RK_FORM, YS_TF_FORM, 2, "01/04/05 的精确数按四舍五入取 0.01 万元；单位名称、整体绩效目标、其他说明与单位整体绩效指标" },
};

const ys_tabledef *ys_table_def(ys_tid id)
{
	return (unsigned)id < YS_NTABLES ? &defs[id] : NULL;
}

const ys_tabledef *ys_table_def_by_code(const char *code)
{
	char *end;
	long n = strtol(code, &end, 10);
	if (end == code || *end || n < 1 || n > YS_NTABLES)
		return NULL;
	return &defs[n - 1];
}

int ys_table_col(const ys_tabledef *def, const char *id)
{
	for (int i = 0; i < def->ncols; i++)
		if (strcmp(def->cols[i].id, id) == 0)
			return i;
	return -1;
}

int ys_table_fixed(const ys_tabledef *def, const char *id)
{
	for (int i = 0; i < def->nfixed; i++)
		if (strcmp(def->fixed[i].id, id) == 0)
			return i;
	return -1;
}
