/*
 * rules.c - the rule table.  One row per rule; docs/rules.md is generated
 * from it (yusuan rules --format markdown) and a test keeps the two equal.
 * Ids are stable: never renumber, never reuse.
 */
#include <string.h>

#include "check_int.h"

#define E YS_SEV_ERROR
#define W YS_SEV_WARNING
#define N YS_SEV_NOTICE

static const ys_rule rules[] = {
	/* ---- identities within a table ---- */
	{ "sum.row", E, "02 03 05 06 07 08 09 12 13", "identity", "每行合计等于其分项之和",
	  "Per row, the table description's row identities hold: 03/05/07/08 合计 = 基本支出 + 项目支出; "
	  "05 基本支出 = 人员经费 + 公用经费; 06 合计 = 人员经费 + 公用经费; 02 合计 = 本年收入小计 + 上年结转结余小计; "
	  "09 总额 = 出国 + 接待 + 用车小计, 用车小计 = 购置 + 运行; 12 项目总额 = 财政资金 + 其他资金; 13 合计 = 基本 + 项目. "
	  "Exact to the 分; table 13 prints 0.01 万元, so a difference within its rounding is a notice.",
	  rule_row_sums, 0 },
	{ "sum.total", E, "03 05 06 07 08 10 11", "identity", "合计行等于各行之和",
	  "Every amount column of a table that ends with a 合计 row: the 合计 equals the sum of the table's rows "
	  "(05: of all unit blocks).",
	  rule_col_totals, 0 },
	{ "t01.income", E, "01", "identity", "01 本年收入合计 = 各项收入之和",
	  "收支总表: 本年收入合计 equals the sum of the nine income rows (一般公共预算拨款收入 … 其他收入).",
	  rule_summary, YS_T01 * 16 + YS_SUM_INCOME },
	{ "t01.expend", E, "01", "identity", "01 本年支出合计 = 26 个类级支出之和",
	  "收支总表: 本年支出合计 equals the sum of the 26 功能分类 类 rows.", rule_summary, YS_T01 * 16 + YS_SUM_EXPEND },
	{ "t01.grand_in", E, "01", "identity", "01 收入总计 = 本年收入合计 + 上年结转结余",
	  "收支总表: 收入总计 = 本年收入合计 + 上年结转结余.", rule_summary, YS_T01 * 16 + YS_SUM_GRAND_IN },
	{ "t01.grand_out", E, "01", "identity", "01 支出总计 = 本年支出合计 + 年终结转结余",
	  "收支总表: 支出总计 = 本年支出合计 + 年终结转结余.", rule_summary, YS_T01 * 16 + YS_SUM_GRAND_OUT },
	{ "t01.balance", E, "01", "identity", "01 收入总计 = 支出总计",
	  "收支总表 balances: 收入总计 = 支出总计.", rule_summary, YS_T01 * 16 + YS_SUM_BALANCE },
	{ "t02.current", E, "02", "identity", "02 本年收入小计 = 九个来源之和",
	  "收入总表: 本年收入小计 equals the sum of the nine current sources.", rule_t02_current, 0 },
	{ "t02.carry", E, "02", "identity", "02 上年结转结余小计 = 五个来源之和",
	  "收入总表: 上年结转结余小计 equals the sum of its five sources (一般公共预算, 政府性基金, 国有资本经营, "
	  "财政专户管理资金, 单位资金).",
	  rule_t02_carry, 0 },
	{ "t04.income", E, "04", "identity", "04 本年收入合计 = 三项财政拨款收入之和",
	  "财政拨款收支总表: 本年收入合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算资金.", rule_summary, YS_T04 * 16 + YS_SUM_INCOME },
	{ "t04.expend", E, "04", "identity", "04 本年支出合计 = 26 个类级支出之和",
	  "财政拨款收支总表: 本年支出合计 equals the sum of the 26 类 rows.", rule_summary, YS_T04 * 16 + YS_SUM_EXPEND },
	{ "t04.grand_in", E, "04", "identity", "04 收入总计 = 本年收入合计 + 上年结转结余",
	  "财政拨款收支总表: 收入总计 = 本年收入合计 + 上年结转结余.", rule_summary, YS_T04 * 16 + YS_SUM_GRAND_IN },
	{ "t04.grand_out", E, "04", "identity", "04 支出总计 = 本年支出合计 + 年终结转结余",
	  "财政拨款收支总表: 支出总计 = 本年支出合计 + 年终结转结余.", rule_summary, YS_T04 * 16 + YS_SUM_GRAND_OUT },
	{ "t04.balance", E, "04", "identity", "04 收入总计 = 支出总计",
	  "财政拨款收支总表 balances: 收入总计 = 支出总计.", rule_summary, YS_T04 * 16 + YS_SUM_BALANCE },
	{ "t04.carry", E, "04", "identity", "04 上年结转结余 = 三项财政拨款结转之和",
	  "财政拨款收支总表: 上年结转结余 equals its sub-rows 一般公共预算拨款 + 政府性基金预算拨款 + 国有资本经营预算拨款.",
	  rule_summary, YS_T04 * 16 + YS_SUM_CARRY },
	{ "t03.parts", E, "03", "identity", "03 其中各列之和不超过合计",
	  "支出总表: 事业单位经营支出 + 上缴上级支出 + 对附属单位补助支出 are parts (其中) of 合计 and cannot exceed it.",
	  rule_t03_parts, 0 },
	{ "t05.nocap", E, "03 05", "identity", "05 扣除基建项目后预算数不超过项目支出，差额须是基本建设支出",
	  "一般公共预算支出表: 扣除基建项目后预算数 ≤ 项目支出总数, and the difference (基本建设 money) cannot exceed "
	  "what 03 books on 309 (基本建设) codes under the same 功能 code.",
	  rule_t05_nocap, 0 },
	{ "t06.personnel", E, "06", "identity", "06 人员经费只在 301/303 科目，公用经费不在 301/303 科目",
	  "一般公共预算基本支出表: 人员经费 is 301 工资福利支出 and 303 对个人和家庭的补助; every other code is 公用经费. "
	  "A 人员经费 amount on another code, or a 公用经费 amount on 301/303, is misclassified.",
	  rule_t06_personnel, 0 },
	{ "amount.negative", W, "all", "identity", "预算金额不应为负",
	  "A negative amount in a budget table is almost always a sign error or a reversal that should be explained.",
	  rule_negative, 0 },

	/* ---- identities across tables ---- */
	{ "x01_02.sources", E, "01 02", "identity", "01 收入各项 = 02 收入总表同一来源",
	  "Each income row of 收支总表, its 本年收入合计, 上年结转结余 and 收入总计 equal the matching column of 收入总表.",
	  rule_x01_02, 0 },
	{ "x04_02.fiscal", E, "04 02", "identity", "04 财政拨款收入与结转 = 02 的财政拨款来源",
	  "财政拨款收支总表's three fiscal income rows and three carry-over rows equal 收入总表's 一般公共预算, 政府性基金 and "
	  "国有资本经营预算 columns; its totals equal their sums.",
	  rule_x04_02, 0 },
	{ "x03_01.class", E, "03 01", "identity", "01 各类支出 = 03 中该类各行合计之和",
	  "收支总表's expenditure row of each 类 equals the sum of 支出总表's 合计 over the rows whose 功能分类 code starts "
	  "with that 类 (first three digits); 本年支出合计 equals 支出总表's 合计.",
	  rule_x03_01, 0 },
	{ "x04_05.class", E, "04 05 07 08", "identity", "04 各类支出 = 05 + 07 + 08 中该类之和",
	  "财政拨款收支总表's row of each 类 equals the 一般公共预算 (05), 政府性基金 (07) and 国有资本经营 (08) spending "
	  "of that 类; 本年支出合计 equals the three tables' totals.",
	  rule_x04_05, 0 },
	{ "x05_06.basic", E, "05 06", "identity", "06 合计、人员经费、公用经费 = 05 基本支出的合计行",
	  "一般公共预算基本支出表's totals of 合计, 人员经费 and 公用经费 equal 一般公共预算支出表's totals of 基本支出小计, "
	  "人员经费 and 公用经费.",
	  rule_x05_06, 0 },
	{ "x01_04.nonfiscal", E, "01 02 04", "identity", "01 − 04 = 02 的非财政拨款资金",
	  "收支总表 minus 财政拨款收支总表, for 收入总计 and for 支出总计, equals the money that is not 财政拨款: 财政专户管理资金, "
	  "事业收入, 事业单位经营收入, 上级补助收入, 附属单位上缴收入, 其他收入 and the non-fiscal carry-over (财政专户, 单位资金).",
	  rule_x01_04_nonfiscal, 0 },
	{ "x01_04.class", E, "01 04", "identity", "04 各类支出不超过 01 同类支出",
	  "财政拨款 spending of a 类 (04) is part of all spending of that 类 (01): 01 − 04 is never negative.",
	  rule_x01_04_class, 0 },
	{ "x03_05.code", E, "03 05", "identity", "05 各功能科目不超过 03 同科目（合计、基本、项目）",
	  "一般公共预算 money on a 功能分类 项 (05, summed over unit blocks) is part of all money on it (03): per code, "
	  "05 合计/基本支出/项目支出 ≤ 03 合计/基本支出/项目支出.",
	  rule_x03_05_code, 0 },
	{ "x03_06.econ", E, "03 06", "identity", "06 各经济科目不超过 03 同科目的基本支出",
	  "一般公共预算 basic spending on an economic code (06) is part of all basic spending on it (03).",
	  rule_x03_06_econ, 0 },
	{ "x04.fund_balance", E, "04 05 07 08", "identity", "无年终结转时，各财政资金收入 + 结转 = 其支出表合计",
	  "When 财政拨款收支总表 carries nothing forward, each fiscal fund balances: 一般公共预算 income + carry-over = 05 合计, "
	  "政府性基金 = 07 合计, 国有资本经营 = 08 合计.",
	  rule_x04_fund_balance, 0 },
	{ "x09.codes", E, "09 03 06", "identity", "三公经费与 30212/30217/30231/31013 的支出相符",
	  "“三公”经费 are 财政拨款 spending on 30212 因公出国（境）, 30217 公务接待, 31013 (and 30913) 公务用车购置 and 30231 "
	  "公务用车运行维护: each lies between the 一般公共预算 basic spending on its code (06) and all spending on it (03).",
	  rule_x09_codes, 0 },
	{ "x12.projects", E, "12 03 05 07 08", "identity", "12 公开项目的资金不超过项目支出",
	  "The disclosed projects' 财政资金 cannot exceed 财政拨款 project spending (05 + 07 + 08), nor their 项目总额 all "
	  "project spending (03).",
	  rule_x12_projects, 0 },
	{ "x03_fiscal.code", E, "03 05 07 08", "identity", "各功能科目的财政拨款（05 + 07 + 08）不超过 03 同科目",
	  "All 财政拨款 money on a 功能分类 项 - 一般公共预算 (05), 政府性基金 (07), 国有资本经营 (08) together - is part "
	  "of all money on it (03).",
	  rule_x03_fiscal_code, 0 },
	{ "x10.total", E, "10 03", "identity", "政府采购合计不超过支出合计",
	  "Procurement is paid from the budget: 政府采购预算明细表's 合计 cannot exceed 支出总表's 合计.", rule_x10_total, 0 },
	{ "x11.fiscal", E, "11 04", "identity", "财政拨款购买服务不超过财政拨款支出",
	  "财政拨款政府购买服务明细表's 合计 is 财政拨款 money: it cannot exceed 财政拨款收支总表's 支出总计.",
	  rule_x11_fiscal, 0 },
	{ "x13.other", E, "13 02", "identity", "13 其他资金合计 = 02 的非财政拨款资金（四舍五入）",
	  "单位整体支出绩效目标表's 其他资金合计 is the money that is not 财政拨款 - 02's 财政专户管理资金, 事业收入, "
	  "事业单位经营收入, 上级补助收入, 附属单位上缴收入, 其他收入 and non-fiscal carry-over - rounded half up to 0.01 万元.",
	  rule_x13_other, 0 },
	{ "x13.round", E, "13 01 03 04 05 07 08", "identity", "13 的金额 = 01/04/05 精确数四舍五入到 0.01 万元",
	  "单位整体支出绩效目标表 prints 0.01 万元. Each figure equals the exact figure of the other tables rounded half "
	  "away from zero (四舍五入, ys_money_round YS_ROUND_HALF_UP): 预算支出总额 = 01 支出总计; 财政拨款 = 04 支出总计 and "
	  "05+07+08 basic/project; 其他资金 = the rest of 03.",
	  rule_x13_round, 0 },

	/* ---- classification ---- */
	{ "cls.known", W, "03 05 06 07 08", "classification", "科目编码在当年分类目录中",
	  "Every 功能分类 and 经济分类 code printed exists in the catalog of the year. A code missing from the catalog "
	  "is not proof of an error (the shipped catalog is incomplete; provinces add codes): a warning, or a notice "
	  "when its parent exists.",
	  rule_cls_known, 0 },
	{ "cls.name", E, "03 05 06 07 08", "classification", "科目名称与分类目录一致（NFKC）",
	  "A printed name equals the catalog name after NFKC and without spaces ((室) = （室）), or a recorded printed "
	  "variant. An error against a seen/high catalog row of the document's year, a warning against a medium/low "
	  "row or another year's catalog. 7-digit provincial 经济分类 codes are compared by their 款 only.",
	  rule_cls_name, 0 },
	{ "cls.econ_pair", E, "03 06", "classification", "部门经济分类归入正确的政府经济分类",
	  "Each 部门经济分类 code sits under the 政府经济分类 款 its unit type maps it to (机关 → 501–504, 事业单位 → "
	  "505/506, 财预〔2017〕98号). An error when the mapping row is seen/high, else a warning.",
	  rule_cls_econ_pair, 0 },
	{ "cls.class_rows", E, "03 05 07 08", "classification", "功能分类的类是收支总表的 26 个类之一",
	  "Every 功能分类 code belongs to one of the 26 类 that 收支总表 and 财政拨款收支总表 list; money under another 类 "
	  "cannot appear in those tables.",
	  rule_cls_class_rows, 0 },
	{ "cls.level", W, "03 05 06 07 08", "classification", "功能分类列到项、经济分类列到款",
	  "预算法 article 46: 一般公共预算 spending is compiled to the 功能分类 项 (7 digits) and basic spending to the "
	  "经济分类 款 (5 digits, or a provincial 7-digit code); a code row at another level is reported.",
	  rule_cls_level, 0 },
	{ "cls.fund_table", W, "05 07 08", "classification", "各预算支出表只列本预算的功能科目",
	  "05 lists 一般公共预算 items, 07 政府性基金 items and 08 国有资本经营 items: a 功能分类 code that the catalog "
	  "assigns to another budget is in the wrong table.",
	  rule_cls_fund_table, 0 },
	{ "cls.pair_06_03", W, "06 03", "classification", "06 的经济分类组合在 03 中存在",
	  "Each (政府经济, 部门经济) pair of 一般公共预算基本支出表 appears in 支出总表: the two tables classify the same "
	  "money the same way.",
	  rule_cls_pair_06_03, 0 },
	{ "cls.dedicated", W, "03", "classification", "专用功能科目下不应列其他经济科目",
	  "Some 功能分类 项 exist for one payment: 2080505 for 30108 基本养老保险缴费, 2080506 for 30109 职业年金缴费, "
	  "2101101/2101102 for 30110, 2101103 for 30111, 2210201 for 30113. Another code booked there belongs under "
	  "its own item - most clearly when the disclosure uses that item too.",
	  rule_cls_dedicated, 0 },

	/* ---- completeness ---- */
	{ "comp.tables", E, "all", "completeness", "公开表齐全",
	  "All 13 tables of the set are present: 01–07 and 09 are statutory (财预〔2016〕143号), and the layout "
	  "publishes the other five too; a table with nothing in it is still published, with its 合计 row. A "
	  "missing table is an error: the disclosure is incomplete or the file was cut short.",
	  rule_comp_tables, 0 },
	{ "comp.year", W, "all", "completeness", "写明预算年度",
	  "The disclosure states its year (in a title, or table 13's （YYYY年度）).", rule_comp_year, 0 },
	{ "comp.department", W, "13", "completeness", "写明部门名称",
	  "The disclosure names its department or unit (table 13's 单位名称).", rule_comp_department, 0 },
	{ "comp.order", N, "all", "completeness", "公开表按编号顺序排列",
	  "The tables come in the order of the set (01 … 13).", rule_comp_order, 0 },
	{ "comp.project_total", W, "12", "completeness", "公开项目写明项目总额",
	  "Each project of 项目支出绩效目标表 states a 项目总额 greater than zero.", rule_comp_project_total, 0 },
	{ "comp.indicator_blank", W, "12", "completeness", "绩效指标各栏齐全",
	  "Every indicator row of table 12 states its 一级, 二级 and 三级指标, its 性质 and its value.",
	  rule_comp_indicator_blank, 0 },
	{ "comp.basic_capital", E, "03 06", "composition", "基本支出不含基本建设",
	  "309 资本性支出（基本建设） is arranged as projects: it never appears as 基本支出 (03) nor in the basic "
	  "spending table (06).",
	  rule_comp_basic_capital, 0 },
	{ "comp.procurement_class", W, "10 03", "composition", "各类政府采购不超过可支付的支出",
	  "Goods (A) are paid from 302/309/310 codes, works (B) from 309, 31005, 31006 and 30213, services (C) from 302 "
	  "and capital codes: each category cannot exceed what 支出总表 spends on those codes.",
	  rule_comp_procurement_class, 0 },
	{ "comp.labels", W, "01 04", "completeness", "收支总表的行均为标准行",
	  "Every row label of 收支总表 and 财政拨款收支总表 is one of the table's fixed rows (the income sources, the 26 类, "
	  "the totals); an unknown row's amount takes part in no check (a warning). An amount printed beside no "
	  "label at all is an error.",
	  rule_comp_labels, 0 },

	/* ---- presentation ---- */
	{ "pres.numbering", W, "all", "presentation", "表题编号格式一致",
	  "Table titles number their tables one way (预算01表 … 预算13表); a title numbered otherwise (预算表12) is "
	  "reported.",
	  rule_pres_numbering, 0 },
	{ "pres.name_variants", W, "03 05 06 07 08", "presentation", "同一科目名称写法一致",
	  "The same code is printed with the same name everywhere. Names that differ only in width (（室） and (室)) are "
	  "the same name written two ways; names that differ otherwise are reported too.",
	  rule_pres_name_variants, 0 },
	{ "pres.spaced", N, "all", "presentation", "标签中没有排版空格",
	  "Labels such as 合 计, 项 目 carry spaces for layout; they are the same words, but search and comparison "
	  "see different ones. A notice.",
	  rule_pres_spaced, 0 },
	{ "pres.decimals", W, "all", "presentation", "同一表的金额小数位数一致",
	  "A table prints its amounts with one number of decimals (6 in 万元 to the 分); an amount printed otherwise was "
	  "typed or rounded by hand.",
	  rule_pres_decimals, 0 },
	{ "pres.title_number", W, "all", "presentation", "表题编号与表的位置相符",
	  "The number in a title (预算05表) is the table's place in the set (05 = 一般公共预算支出表).",
	  rule_pres_title_number, 0 },
	{ "pres.ordinals", W, "01 04", "presentation", "收支总表的序号连续",
	  "The ordinals of 收支总表 and 财政拨款收支总表 (一、二、… 二十六、) follow the rows' places.", rule_pres_ordinals, 0 },
	{ "pres.zero_printed", N, "all", "presentation", "零的写法一致",
	  "A table that leaves zero cells blank prints no 0.000000 either.", rule_pres_zero_printed, 0 },
	{ "pres.units_mixed", N, "all", "presentation", "各表金额单位一致",
	  "The tables of one disclosure state the same 金额单位; a table in 万元 among tables in 元 is read correctly but "
	  "is easy to misread.",
	  rule_pres_units_mixed, 0 },
	{ "pres.fullwidth_digits", N, "all", "presentation", "金额不用全角数字",
	  "Amounts printed with full-width digits (３３，１４９) read correctly here but not in spreadsheets.",
	  rule_pres_fullwidth_digits, 0 },
	{ "pres.unit", W, "all", "presentation", "每张表标明金额单位",
	  "Each table states its 金额单位 (a 金额单位 line, or 万元/元 in its header).", rule_pres_unit, 0 },

	/* ---- performance targets ---- */
	{ "perf.categories", W, "12", "performance", "项目绩效指标覆盖产出、效益、满意度、成本",
	  "Each disclosed project has indicators of the four 一级指标: 产出, 效益, 满意度 and (from 财预〔2021〕101号) 成本.",
	  rule_perf_categories, 0 },
	{ "perf.levels", W, "12", "performance", "一级、二级指标搭配符合标准",
	  "二级指标 belong to their 一级: 产出 - 数量/质量/时效/成本; 效益 - 经济/社会/生态效益, 可持续影响; 满意度 - "
	  "服务对象满意度; 成本 - 经济/社会/生态环境成本.",
	  rule_perf_levels, 0 },
	{ "perf.percent", W, "12 13", "performance", "百分比指标值不超过 100%",
	  "An indicator measured in % is at most 100, unless it is a growth rate (增长, 提高, 比上年 …).", rule_perf_percent,
	  0 },
	{ "perf.months", W, "12 13", "performance", "以月为单位的指标值在 1–12 之内",
	  "A time target in months lies within the budget year.", rule_perf_months, 0 },
	{ "perf.qualitative", W, "12 13", "performance", "定性指标的值为优、良、中、差",
	  "A 定性 indicator takes one of 优, 良, 中, 差 (优秀, 良好, 中等, 较差).", rule_perf_qualitative, 0 },
	{ "perf.numeric", W, "12 13", "performance", "定量指标的值是数字",
	  "An indicator with =, ≥ or ≤ has a number for its value.", rule_perf_numeric, 0 },
	{ "perf.cost", W, "12", "performance", "成本指标不超过项目总额",
	  "A 成本指标 in 万元 cannot exceed the project's 项目总额.", rule_perf_cost, 0 },
	{ "perf.duplicate", W, "12", "performance", "同一项目的指标不重复",
	  "An indicator (二级 and 三级) is listed once per project.", rule_perf_duplicate, 0 },
	{ "perf.goal", W, "12", "performance", "公开项目写明绩效目标",
	  "Each disclosed project states its 绩效目标.", rule_perf_goal, 0 },
	{ "perf.unit_wide", W, "13", "performance", "整体绩效目标与指标齐全",
	  "单位整体支出绩效目标表 states the unit's 整体绩效目标 and at least one indicator.", rule_perf_unit_wide, 0 },
	{ "perf.misplaced", W, "12", "performance", "绩效指标行错放在其他项目下",
	  "A project's last indicator rows that reopen a 一级指标 group already closed, just before a page break after "
	  "which the next project starts, and whose words match the next project rather than their own, were most "
	  "likely printed under the wrong project.",
	  rule_perf_misplaced, 0 },

	/* ---- year over year (check --previous FILE) ---- */
	{ "yoy.sangong", W, "09", "year-over-year", "三公经费不比上年增加",
	  "With last year's disclosure: “三公”经费 are expected to fall (过紧日子); an increase of the 总额 is a warning, "
	  "of a part a notice, with both figures and the change.",
	  rule_yoy_sangong, 0 },
	{ "yoy.class", N, "01", "year-over-year", "类级支出的大幅变化",
	  "With last year's disclosure: a 类 of 收支总表 that changed by more than 30 % and more than 100 万元 is reported "
	  "for an explanation.",
	  rule_yoy_class, 0 },
	{ "yoy.total", N, "01", "year-over-year", "支出总计的大幅变化",
	  "With last year's disclosure: 支出总计 changed by more than 20 %.", rule_yoy_total, 0 },
	{ "yoy.projects", N, "12", "year-over-year", "上年公开的项目",
	  "With last year's disclosure: a project disclosed last year (same code or name) that is not disclosed this year.",
	  rule_yoy_projects, 0 },
	{ "yoy.tables", W, "all", "year-over-year", "上年公开的表",
	  "With last year's disclosure: a table published last year that is missing this year.", rule_yoy_tables, 0 },
	/* ---- any layout (the general reader's tables, docs/layouts.md) ---- */
	{ "gen.hierarchy", E, "any", "identity", "上级科目等于其下级科目之和",
	  "In a table of another layout read by the general reader: a 类 row equals the sum of its 款 rows and a 款 row "
	  "the sum of its 项 rows (部门经济分类: a 类 the sum of its 款), in every amount column; the next level printed "
	  "under it counts. Tolerance: half a printed unit per rounded figure.",
	  rule_gen_hierarchy, 0 },
	{ "gen.total", E, "any", "identity", "合计行等于最高一级科目之和",
	  "In a table of another layout with codes and a 合计 row: the 合计 equals the sum of the rows of the highest "
	  "level printed: each code under no other code printed (the 类; a 款 printed without its 类, 21298 beside "
	  "201 …). Not checked where a code stands on several rows (a list by project) or where the 合计 prints a "
	  "column blank.",
	  rule_gen_total, 0 },
	{ "gen.columns", E, "any", "identity", "合计列等于其组成列之和",
	  "In a table of another layout, by the roles its header words give the columns and the sum statements of the "
	  "layout descriptions (data/layouts/general.txt): a 合计 (or a 小计 under a header over several columns) "
	  "equals the columns beside it under the same header when every one of them is a part of one sum statement "
	  "(合计 = 基本支出 + 项目支出 + 上缴上级支出 + …, 合计 = 财政拨款 + 财政专户 + 单位资金 + … + 上年结转, "
	  "基本支出 = 人员经费 + 公用经费, 财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营); a column of 其中 or "
	  "政府采购 is not a part, and a part printed beside its own parts is their sum.",
	  rule_gen_columns, 0 },
	{ "gen.balance", E, "any", "identity", "收支总表收入总计等于支出总计",
	  "In a 收支总表 or 财政拨款收支总表 of another layout: the amount labelled 收入总计 equals the one labelled "
	  "支出总计, and 收入合计 equals 支出合计.",
	  rule_gen_balance, 0 },
	{ "gen.empty", W, "any", "completeness", "注明为空的表不应有金额",
	  "A table whose note says it is empty (本表为空表, 本部门无…) but which prints a non-zero amount: the note or "
	  "the figures are wrong.",
	  rule_gen_empty, 0 },
	{ "gen.cell", N, "any", "presentation", "金额列中的文字",
	  "Text where a table of another layout prints amounts (a label of a merged cell reaching over, a footnote): it "
	  "takes no part in the checks; look at it.",
	  rule_gen_cell, 0 },
	{ "gen.unread", W, "any", "completeness", "未能读取的表",
	  "A title that looks like a table's (预算/决算, 收入/支出, followed by a 单位 line) that no layout description "
	  "matches (data/layouts/general.txt): its figures were not read or checked.",
	  rule_gen_unread, 0 },
	{ "gen.department", W, "any", "completeness", "部门名称前后一致",
	  "The department named in the document's headings (… 2024年度部门决算/预算) is the same everywhere; a heading "
	  "that names it differently (上海市规划和自然资源局 for 上海市普陀区规划和自然资源局) is reported.",
	  rule_gen_department, 0 },
	{ "gen.narrative", W, "any", "narrative", "说明中引用的金额与表一致（表文一致）",
	  "Figures the narrative quotes in 万元 (收入/支出总计, 基本支出, 项目支出, “三公”经费) equal the tables' figures "
	  "within the rounding of the text and of the table (the 三公 table's 合计 under its 三公 header, in the row "
	  "of the document's year when it prints several). Clauses about last year or changes (比上年, 增加, 执行数, "
	  "another year) are not compared.",
	  rule_gen_narrative, 0 },
};

const ys_rule *ys_rules(size_t *n)
{
	*n = sizeof rules / sizeof rules[0];
	return rules;
}

const ys_rule *ys_rule_find(const char *id)
{
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
		if (!strcmp(rules[i].id, id))
			return &rules[i];
	return NULL;
}
