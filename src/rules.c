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
	  "每行满足本表描述的行内等式：03/05/07/08 合计 = 基本支出 + 项目支出；0"
	  "5 基本支出 = 人员经费 + 公用经费；06 合计 = 人员经费 + 公用经费；02 "
	  "合计 = 本年收入小计 + 上年结转结余小计；09 总额 = 出国 + 接待 + 用车小"
	  "计，用车小计 = 购置 + 运行；12 项目总额 = 财政资金 + 其他资金；13 合计"
	  " = 基本 + 项目。精确到分；表 13 印到 0.01 万元，其四舍五入误差之内的差额"
	  "为提示。",
	  rule_row_sums, 0 },
	{ "sum.total", E, "03 05 06 07 08 10 11", "identity", "合计行等于各行之和",
	  "以合计行结尾的表，每个金额列的合计等于本表各行之和（05：各单位块之和）。",
	  rule_col_totals, 0 },
	{ "t01.income", E, "01", "identity", "01 本年收入合计 = 各项收入之和",
	  "收支总表：本年收入合计等于九项收入（一般公共预算拨款收入 … 其他收入）之和。",
	  rule_summary, YS_T01 * 16 + YS_SUM_INCOME },
	{ "t01.expend", E, "01", "identity", "01 本年支出合计 = 26 个类级支出之和",
	  "收支总表：本年支出合计等于 26 个功能分类类级支出之和。", rule_summary, YS_T01 * 16 + YS_SUM_EXPEND },
	{ "t01.grand_in", E, "01", "identity", "01 收入总计 = 本年收入合计 + 上年结转结余",
	  "收支总表：收入总计 = 本年收入合计 + 上年结转结余。", rule_summary, YS_T01 * 16 + YS_SUM_GRAND_IN },
	{ "t01.grand_out", E, "01", "identity", "01 支出总计 = 本年支出合计 + 年终结转结余",
	  "收支总表：支出总计 = 本年支出合计 + 年终结转结余。", rule_summary, YS_T01 * 16 + YS_SUM_GRAND_OUT },
	{ "t01.balance", E, "01", "identity", "01 收入总计 = 支出总计",
	  "收支总表收支平衡：收入总计 = 支出总计。", rule_summary, YS_T01 * 16 + YS_SUM_BALANCE },
	{ "t02.current", E, "02", "identity", "02 本年收入小计 = 九个来源之和",
	  "收入总表：本年收入小计等于九个本年收入来源之和。", rule_t02_current, 0 },
	{ "t02.carry", E, "02", "identity", "02 上年结转结余小计 = 五个来源之和",
	  "收入总表：上年结转结余小计等于其五个来源（一般公共预算、政府性基金、国有资本经营、财政专"
	  "户管理资金、单位资金）之和。",
	  rule_t02_carry, 0 },
	{ "t04.income", E, "04", "identity", "04 本年收入合计 = 三项财政拨款收入之和",
	  "财政拨款收支总表：本年收入合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算资"
	  "金。", rule_summary, YS_T04 * 16 + YS_SUM_INCOME },
	{ "t04.expend", E, "04", "identity", "04 本年支出合计 = 26 个类级支出之和",
	  "财政拨款收支总表：本年支出合计等于 26 个类级支出之和。", rule_summary, YS_T04 * 16 + YS_SUM_EXPEND },
	{ "t04.grand_in", E, "04", "identity", "04 收入总计 = 本年收入合计 + 上年结转结余",
	  "财政拨款收支总表：收入总计 = 本年收入合计 + 上年结转结余。", rule_summary, YS_T04 * 16 + YS_SUM_GRAND_IN },
	{ "t04.grand_out", E, "04", "identity", "04 支出总计 = 本年支出合计 + 年终结转结余",
	  "财政拨款收支总表：支出总计 = 本年支出合计 + 年终结转结余。", rule_summary, YS_T04 * 16 + YS_SUM_GRAND_OUT },
	{ "t04.balance", E, "04", "identity", "04 收入总计 = 支出总计",
	  "财政拨款收支总表收支平衡：收入总计 = 支出总计。", rule_summary, YS_T04 * 16 + YS_SUM_BALANCE },
	{ "t04.carry", E, "04", "identity", "04 上年结转结余 = 三项财政拨款结转之和",
	  "财政拨款收支总表：上年结转结余等于其下的一般公共预算拨款 + 政府性基金预算拨款 + 国"
	  "有资本经营预算拨款。",
	  rule_summary, YS_T04 * 16 + YS_SUM_CARRY },
	{ "t03.parts", E, "03", "identity", "03 其中各列之和不超过合计",
	  "支出总表：事业单位经营支出、上缴上级支出、对附属单位补助支出是合计的“其中”项，三者之和"
	  "不能超过合计。",
	  rule_t03_parts, 0 },
	{ "t05.nocap", E, "03 05", "identity", "05 扣除基建项目后预算数不超过项目支出，差额须是基本建设支出",
	  "一般公共预算支出表：扣除基建项目后预算数 ≤ 项目支出总数，差额（基本建设资金）不能超过"
	  " 03 在同一功能科目下 309（基本建设）科目的支出。",
	  rule_t05_nocap, 0 },
	{ "t06.personnel", E, "06", "identity", "06 人员经费只在 301/303 科目，公用经费不在 301/303 科目",
	  "一般公共预算基本支出表：人员经费为 301 工资福利支出和 303 对个人和家庭的补助，"
	  "其他科目为公用经费。人员经费列在其他科目、或公用经费列在 301/303 科目，即为归类"
	  "错误。",
	  rule_t06_personnel, 0 },
	{ "amount.negative", W, "all", "identity", "预算金额不应为负",
	  "预算表中的负数几乎总是符号错误或冲减，应当说明。",
	  rule_negative, 0 },

	/* ---- identities across tables ---- */
	{ "x01_02.sources", E, "01 02", "identity", "01 收入各项 = 02 收入总表同一来源",
	  "收支总表的每项收入、本年收入合计、上年结转结余和收入总计，等于收入总表相应的列。",
	  rule_x01_02, 0 },
	{ "x04_02.fiscal", E, "04 02", "identity", "04 财政拨款收入与结转 = 02 的财政拨款来源",
	  "财政拨款收支总表的三项财政拨款收入和三项结转，等于收入总表的一般公共预算、政府性基金和国"
	  "有资本经营预算列；其合计等于它们之和。",
	  rule_x04_02, 0 },
	{ "x03_01.class", E, "03 01", "identity", "01 各类支出 = 03 中该类各行合计之和",
	  "收支总表每个类的支出，等于支出总表中功能分类编码以该类（前三位）开头的各行合计之和；本年"
	  "支出合计等于支出总表的合计。",
	  rule_x03_01, 0 },
	{ "x04_05.class", E, "04 05 07 08", "identity", "04 各类支出 = 05 + 07 + 08 中该类之和",
	  "财政拨款收支总表每个类的支出，等于该类的一般公共预算（05）、政府性基金（07）与国有资"
	  "本经营（08）支出之和；本年支出合计等于三张表的合计。",
	  rule_x04_05, 0 },
	{ "x05_06.basic", E, "05 06", "identity", "06 合计、人员经费、公用经费 = 05 基本支出的合计行",
	  "一般公共预算基本支出表的合计、人员经费、公用经费，分别等于一般公共预算支出表合计行的基本"
	  "支出小计、人员经费、公用经费。",
	  rule_x05_06, 0 },
	{ "x01_04.nonfiscal", E, "01 02 04", "identity", "01 − 04 = 02 的非财政拨款资金",
	  "收支总表减财政拨款收支总表，收入总计与支出总计之差都等于非财政拨款资金：财政专户管理资金"
	  "、事业收入、事业单位经营收入、上级补助收入、附属单位上缴收入、其他收入与非财政拨款结转（"
	  "财政专户、单位资金）。",
	  rule_x01_04_nonfiscal, 0 },
	{ "x01_04.class", E, "01 04", "identity", "04 各类支出不超过 01 同类支出",
	  "某类的财政拨款支出（04）是该类全部支出（01）的一部分：01 − 04 不能为负。",
	  rule_x01_04_class, 0 },
	{ "x03_05.code", E, "03 05", "identity", "05 各功能科目不超过 03 同科目（合计、基本、项目）",
	  "一个功能分类科目的一般公共预算资金（05，各单位块之和）是该科目全部资金（03）的一部分"
	  "：逐科目 05 合计/基本支出/项目支出 ≤ 03 合计/基本支出/项目支出。05 印出"
	  "款级编码（如 20598）时，与 03 中其下各项之和比较。",
	  rule_x03_05_code, 0 },
	{ "x03_06.econ", E, "03 06", "identity", "06 各经济科目不超过 03 同科目的基本支出",
	  "一个经济科目的一般公共预算基本支出（06）是该科目全部基本支出（03）的一部分。",
	  rule_x03_06_econ, 0 },
	{ "x04.fund_balance", E, "04 05 07 08", "identity", "无年终结转时，各财政资金收入 + 结转 = 其支出表合计",
	  "财政拨款收支总表没有年终结转时，每项财政资金收支平衡：一般公共预算收入 + 结转 = 0"
	  "5 合计，政府性基金 = 07 合计，国有资本经营 = 08 合计。",
	  rule_x04_fund_balance, 0 },
	{ "x09.codes", E, "09 03 06", "identity", "三公经费与 30212/30217/30231/31013 的支出相符",
	  "“三公”经费是财政拨款在 30212 因公出国（境）、30217 公务接待、31013（"
	  "及 30913）公务用车购置和 30231 公务用车运行维护上的支出：各项介于该科目的一"
	  "般公共预算基本支出（06，仅款级科目本身：省定的 7 位子科目如科研类出国不一定属于三公"
	  "）与该科目的全部支出（03）之间。",
	  rule_x09_codes, 0 },
	{ "x12.projects", E, "12 03 05 07 08", "identity", "12 公开项目的资金不超过项目支出",
	  "公开项目的财政资金之和不能超过财政拨款项目支出（05 + 07 + 08），项目总额之和"
	  "不能超过全部项目支出（03）。",
	  rule_x12_projects, 0 },
	{ "x03_fiscal.code", E, "03 05 07 08", "identity", "各功能科目的财政拨款（05 + 07 + 08）不超过 03 同科目",
	  "一个功能分类科目的全部财政拨款——一般公共预算（05）、政府性基金（07）、国有资本经营"
	  "（08）合计——是该科目全部资金（03）的一部分。",
	  rule_x03_fiscal_code, 0 },
	{ "x10.total", E, "10 03", "identity", "政府采购合计不超过支出合计",
	  "政府采购由预算支付：政府采购预算明细表的合计不能超过支出总表的合计。", rule_x10_total, 0 },
	{ "x11.fiscal", E, "11 04", "identity", "财政拨款购买服务不超过财政拨款支出",
	  "财政拨款政府购买服务明细表的合计是财政拨款资金，不能超过财政拨款收支总表的支出总计。",
	  rule_x11_fiscal, 0 },
	{ "x13.other", E, "13 02 01 04", "identity", "13 其他资金合计 = 02 的非财政拨款资金减其年终结转结余（四舍五入）",
	  "单位整体支出绩效目标表的其他资金合计是本年支出中不属于财政拨款的部分：02 的财政专户管理资金、事业收入、"
	  "事业单位经营收入、上级补助收入、附属单位上缴收入、其他收入与非财政拨款上年结转结余之和，减去其中留作年终结转结余的"
	  "部分（01 年终结转结余减 04 年终结转结余），按本表的小数位四舍五入。",
	  rule_x13_other, 0 },
	{ "x13.round", E, "13 01 03 04 05 07 08", "identity", "13 的金额 = 01/04/05 精确数四舍五入到本表的小数位",
	  "单位整体支出绩效目标表的每个金额等于其他表的精确数按本表印出的小数位四舍五入（ys_money_round "
	  "YS_ROUND_HALF_UP）：预算支出总额 = 01 本年支出合计（支出总计减年终结转结余：结转到下年的钱不是本年支出）；"
	  "财政拨款合计 = 04 本年支出合计，其基本/项目支出 = 05 + 07 + 08 的基本/项目支出；其他资金 = 其余部分（03 减财政拨款）。"
	  "本表印到 6 位小数（北京）时即为精确相等。",
	  rule_x13_round, 0 },

	/* ---- classification ---- */
	{ "cls.known", W, "03 05 06 07 08", "classification", "科目编码在当年分类目录中",
	  "印出的每个功能分类和经济分类编码都在当年分类目录中。目录中找不到的编码不等于错误（随附目"
	  "录不完整，各省另有扩展）：为警告，其上级编码存在时为提示。",
	  rule_cls_known, 0 },
	{ "cls.name", E, "03 05 06 07 08", "classification", "科目名称与分类目录一致（NFKC）",
	  "印出的名称与目录名称在 NFKC 规范化并去掉空格后相同（(室) = （室）），或是 variants.csv 中的印法变体。"
	  "对文件所属年度目录中可信度为 seen/high 的行为错误，对 medium/low 行或其他年度的目录为警告；"
	  "可信度为 medium/low 的变体（只有一两份文件这样印）给出提示。7 位省定经济分类编码只按其款比较。",
	  rule_cls_name, 0 },
	{ "cls.econ_pair", E, "03 06", "classification", "部门经济分类归入正确的政府经济分类",
	  "每个部门经济分类科目应归入其单位类型对应的政府经济分类款（机关 → 501–504，事业"
	  "单位 → 505/506，财预〔2017〕98号）。对照行可信度为 seen/high "
	  "时为错误，否则为警告。",
	  rule_cls_econ_pair, 0 },
	{ "cls.class_rows", E, "03 05 07 08", "classification", "功能分类的类是收支总表的 26 个类之一",
	  "每个功能分类编码都属于收支总表和财政拨款收支总表列出的 26 个类之一；其他类下的资金无"
	  "法出现在这两张表中。",
	  rule_cls_class_rows, 0 },
	{ "cls.level", W, "03 05 06 07 08", "classification", "功能分类列到项、经济分类列到款",
	  "预算法第四十六条：一般公共预算支出按功能分类编列到项（7 位），基本支出按经济分类编列到"
	  "款（5 位，或省定 7 位编码）；其他级次的编码行会被报告。",
	  rule_cls_level, 0 },
	{ "cls.fund_table", W, "05 07 08", "classification", "各预算支出表只列本预算的功能科目",
	  "05 列一般公共预算科目，07 列政府性基金科目，08 列国有资本经营科目：目录归入其他"
	  "预算的功能分类编码列在了错误的表中。",
	  rule_cls_fund_table, 0 },
	{ "cls.pair_06_03", W, "06 03", "classification", "06 的经济分类组合在 03 中存在",
	  "一般公共预算基本支出表的每个（政府经济、部门经济）组合都出现在支出总表中：两表对同一笔钱"
	  "的分类相同。",
	  rule_cls_pair_06_03, 0 },
	{ "cls.dedicated", W, "03", "classification", "专用功能科目下不应列其他经济科目",
	  "有些功能分类科目专为一种支付设立：2080505 对应 30108 基本养老保险缴费，2"
	  "080506 对应 30109 职业年金缴费，2101101/2101102 对应 30"
	  "110，2101103 对应 30111，2210201 对应 30113。列在其下的其"
	  "他经济科目应归入其自身的科目——本文件也用到该科目时尤其明显。",
	  rule_cls_dedicated, 0 },

	/* ---- completeness ---- */
	{ "comp.tables", E, "all", "completeness", "公开表齐全",
	  "整套 13 张表齐全：01–07 和 09 为法定公开表（财预〔2016〕143号），本"
	  "版式另外公开其余五张；没有数据的表也要公开（带合计行）。缺表为错误：公开不完整或文件被截"
	  "断。",
	  rule_comp_tables, 0 },
	{ "comp.year", W, "all", "completeness", "写明预算年度",
	  "文件写明预算年度（在表题中，或表 13 的（YYYY年度））。", rule_comp_year, 0 },
	{ "comp.department", W, "13", "completeness", "写明部门名称",
	  "文件写明部门或单位名称（表 13 的单位名称）。", rule_comp_department, 0 },
	{ "comp.order", N, "all", "completeness", "公开表按编号顺序排列",
	  "各表按整套表的顺序排列（01 … 13）。", rule_comp_order, 0 },
	{ "comp.project_total", W, "12", "completeness", "公开项目写明项目总额",
	  "项目支出绩效目标表的每个项目都写明大于零的项目总额。", rule_comp_project_total, 0 },
	{ "comp.indicator_blank", W, "12", "completeness", "绩效指标各栏齐全",
	  "表 12 的每个指标行写明一级、二级、三级指标、指标性质和指标值。",
	  rule_comp_indicator_blank, 0 },
	{ "comp.basic_capital", E, "03 06", "composition", "基本支出不含基本建设",
	  "309 资本性支出（基本建设）按项目安排：既不出现在基本支出（03）中，也不出现在基本支"
	  "出表（06）中。",
	  rule_comp_basic_capital, 0 },
	{ "comp.procurement_class", W, "10 03", "composition", "各类政府采购不超过可支付的支出",
	  "货物（A）从 302/309/310 科目支付，工程（B）从 309、31005、310"
	  "06 和 30213 支付，服务（C）从 302 和资本性科目支付：每类采购不能超过支出"
	  "总表在这些科目上的支出。",
	  rule_comp_procurement_class, 0 },
	{ "comp.labels", W, "01 04", "completeness", "收支总表的行均为标准行",
	  "收支总表和财政拨款收支总表的每个行标签都是该表的固定行之一（各收入来源、26 个类、各合"
	  "计）；不认识的行的金额不参与任何检查（警告）。金额旁没有任何标签则为错误。",
	  rule_comp_labels, 0 },

	/* ---- presentation ---- */
	{ "pres.numbering", W, "all", "presentation", "表题编号格式一致",
	  "各表表题的编号方式一致（预算01表 … 预算13表）；编号方式不同的表题（预算表12）会"
	  "被报告。",
	  rule_pres_numbering, 0 },
	{ "pres.name_variants", W, "03 05 06 07 08", "presentation", "同一科目名称写法一致",
	  "同一编码各处印出的名称相同。只有全角半角之别的名称（（室）与 (室)）是同一名称的两种写"
	  "法；其他不同也会被报告。",
	  rule_pres_name_variants, 0 },
	{ "pres.spaced", N, "all", "presentation", "标签中没有排版空格",
	  "合 计、项 目 等标签中的空格是排版用的；字相同，但检索和比较会当作不同。提示。",
	  rule_pres_spaced, 0 },
	{ "pres.decimals", W, "all", "presentation", "同一表的金额小数位数一致",
	  "一张表的金额用同一位数的小数（万元到分为 6 位）；位数不同的金额是手工录入或手工取整的"
	  "。",
	  rule_pres_decimals, 0 },
	{ "pres.title_number", W, "all", "presentation", "表题编号与表的位置相符",
	  "表题中的编号（预算05表）与该表在整套表中的位置相符（05 = 一般公共预算支出表）。",
	  rule_pres_title_number, 0 },
	{ "pres.title", W, "all", "presentation", "表题用本表的标准名称",
	  "表题的文字不是本表的标准名称（也不是已知的别名），而编号（预算03表）指明了是哪张表：按编号读作该表，"
	  "并提示表题写法不规范（如“预算03表 支出预算表”应为“预算03表 支出总表”）。",
	  rule_pres_title, 0 },
	{ "pres.ordinals", W, "01 04", "presentation", "收支总表的序号连续",
	  "收支总表和财政拨款收支总表的序号（一、二、… 二十六、）与各行的位置相符。", rule_pres_ordinals, 0 },
	{ "pres.zero_printed", N, "all", "presentation", "零的写法一致",
	  "零值留空的表也不应印出 0.000000。", rule_pres_zero_printed, 0 },
	{ "pres.units_mixed", N, "all", "presentation", "各表金额单位一致",
	  "同一份公开文件的各表写明相同的金额单位；在以元为单位的表中夹一张以万元为单位的表，虽能正"
	  "确读取，却容易看错。",
	  rule_pres_units_mixed, 0 },
	{ "pres.fullwidth_digits", N, "all", "presentation", "金额不用全角数字",
	  "用全角数字印出的金额（３３，１４９）在这里能正确读取，在电子表格中却不能。",
	  rule_pres_fullwidth_digits, 0 },
	{ "pres.unit", W, "all", "presentation", "每张表标明金额单位",
	  "每张表写明金额单位（金额单位行，或表头中的万元/元）。", rule_pres_unit, 0 },

	/* ---- performance targets ---- */
	{ "perf.categories", W, "12", "performance", "项目绩效指标覆盖产出、效益、满意度、成本",
	  "每个公开项目都有四类一级指标：产出、效益、满意度和成本（财预〔2021〕101号起）。",
	  rule_perf_categories, 0 },
	{ "perf.levels", W, "12", "performance", "一级、二级指标搭配符合标准",
	  "二级指标属于其一级指标：产出 - 数量/质量/时效/成本；效益 - 经济/社会/生态效益"
	  "、可持续影响；满意度 - 服务对象满意度；成本 - 经济/社会/生态环境成本。",
	  rule_perf_levels, 0 },
	{ "perf.percent", W, "12 13", "performance", "百分比指标值不超过 100%",
	  "以 % 计量的指标值不超过 100，增长率（增长、提高、比上年 …）除外。", rule_perf_percent,
	  0 },
	{ "perf.months", W, "12 13", "performance", "以月为单位的指标值在 1–12 之内",
	  "以月计的时效目标在预算年度之内（1–12）。", rule_perf_months, 0 },
	{ "perf.qualitative", W, "12 13", "performance", "定性指标的值为优、良、中、差",
	  "定性指标的值为优、良、中、差之一（优秀、良好、中等、较差）。", rule_perf_qualitative, 0 },
	{ "perf.numeric", W, "12 13", "performance", "定量指标的值是数字",
	  "=、≥、≤ 的指标以数字为值。", rule_perf_numeric, 0 },
	{ "perf.cost", W, "12", "performance", "成本指标不超过项目总额",
	  "以万元计的成本指标不能超过项目总额。", rule_perf_cost, 0 },
	{ "perf.duplicate", W, "12", "performance", "同一项目的指标不重复",
	  "同一项目的一个指标（二级与三级）只列一次。", rule_perf_duplicate, 0 },
	{ "perf.goal", W, "12", "performance", "公开项目写明绩效目标",
	  "每个公开项目写明绩效目标。", rule_perf_goal, 0 },
	{ "perf.unit_wide", W, "13", "performance", "整体绩效目标与指标齐全",
	  "单位整体支出绩效目标表写明单位的整体绩效目标和至少一个指标。", rule_perf_unit_wide, 0 },
	{ "perf.misplaced", W, "12", "performance", "绩效指标行错放在其他项目下",
	  "一个项目最后几行指标重新开启了已经结束的一级指标组，紧接其后是分页和下一个项目，且这些行"
	  "的文字与下一个项目而不是本项目相合：很可能印在了错误的项目下。",
	  rule_perf_misplaced, 0 },

	/* ---- year over year (check --previous FILE) ---- */
	{ "yoy.sangong", W, "09", "year-over-year", "三公经费不比上年增加",
	  "有上年公开文件时：“三公”经费应当下降（过紧日子）；总额增加为警告，分项增加为提示，并给"
	  "出两年数字与变化。",
	  rule_yoy_sangong, 0 },
	{ "yoy.class", N, "01", "year-over-year", "类级支出的大幅变化",
	  "有上年公开文件时：收支总表中变化超过 30% 且超过 100 万元的类会被列出，以便说明"
	  "原因。",
	  rule_yoy_class, 0 },
	{ "yoy.total", N, "01", "year-over-year", "支出总计的大幅变化",
	  "有上年公开文件时：支出总计变化超过 20%。", rule_yoy_total, 0 },
	{ "yoy.projects", N, "12", "year-over-year", "上年公开的项目",
	  "有上年公开文件时：上年公开（编码或名称相同）而今年没有公开的项目。",
	  rule_yoy_projects, 0 },
	{ "yoy.tables", W, "all", "year-over-year", "上年公开的表",
	  "有上年公开文件时：上年公开而今年缺少的表。", rule_yoy_tables, 0 },
	{ "yoy.same", W, "all", "year-over-year", "上年公开表不是本表本身",
	  "给了上年公开表（--previous）时：它与本公开表逐格相同（同一个文件给了两次，或本年的表换了格式），同比规则无从比较。"
	  "另一部门的公开表作为上年的则不予检查（退出码 2）。",
	  rule_yoy_same, 0 },
	/* ---- any layout (the general reader's tables, docs/layouts.md) ---- */
	{ "gen.hierarchy", E, "any", "identity", "上级科目等于其下级科目之和",
	  "其他版式（通用读取器读出）的表中：类行等于其下各款行之和，款行等于其下各项行之和（部门经"
	  "济分类：类等于其下各款之和），每个金额列都如此；只计紧下一级印出的行。容差：每个取整数字"
	  "半个印出单位。",
	  rule_gen_hierarchy, 0 },
	{ "gen.total", E, "any", "identity", "合计行等于最高一级科目之和",
	  "其他版式中有编码和合计行的表：合计等于印出的最高一级（类）各行之和。",
	  rule_gen_total, 0 },
	{ "gen.columns", E, "any", "identity", "合计列等于其组成列之和",
	  "其他版式的表中，按列的表头文字：合计 = 基本支出 + 项目支出（+ 单位预留机动经费、"
	  "结转下年），基本支出 = 人员经费 + 公用经费，合计 = 人员经费 + 公用经费，收入"
	  "表中合计 = 其后印出的各来源（其中列除外）。",
	  rule_gen_columns, 0 },
	{ "gen.balance", E, "any", "identity", "收支总表收入总计等于支出总计",
	  "其他版式的收支总表或财政拨款收支总表中：标为收入总计的金额等于标为支出总计的金额，收入合"
	  "计等于支出合计。",
	  rule_gen_balance, 0 },
	{ "gen.empty", W, "any", "completeness", "注明为空的表不应有金额",
	  "注明为空表（本表为空表、本部门无…）却印有非零金额的表：说明或数字有误。",
	  rule_gen_empty, 0 },
	{ "gen.cell", N, "any", "presentation", "金额列中的文字",
	  "其他版式的表中金额列里的文字（跨列合并单元格的标签、脚注）：不参与检查，请人工查看。",
	  rule_gen_cell, 0 },
	{ "gen.unread", W, "any", "completeness", "未能读取的表",
	  "看起来是表题（预算/决算、收入/支出，其后有单位行）却没有任何版式描述与之匹配（data"
	  "/layouts/general.txt）：其数字没有读取也没有检查。",
	  rule_gen_unread, 0 },
	{ "gen.department", W, "any", "completeness", "部门名称前后一致",
	  "文件各处标题（… 2024年度部门决算/预算）中的部门名称一致；写法不同的标题（把上海市"
	  "普陀区规划和自然资源局写作上海市规划和自然资源局）会被报告。",
	  rule_gen_department, 0 },
	{ "gen.narrative", W, "any", "narrative", "说明中引用的金额与表一致（表文一致）",
	  "说明文字中以万元引用的数字（收入/支出总计、基本支出、项目支出、“三公”经费）在文字与表"
	  "格各自的取整精度内等于表中的数字。关于上年或变化的分句（比上年、增加、执行数、其他年度）"
	  "不作比较。",
	  rule_gen_narrative, 0 },
	/* ---- every layout, after every other rule: what was read ---- */
	{ "comp.coverage", W, "every", "completeness", "读到的表与金额都经过核对（覆盖）",
	  "没有读到的就不能说“没有错误”。检查报告读到的每张表：行数、读到的金额格、无法读取的金额格（金额列中不是金额的文字）、"
	  "核对的等式数；覆盖率 = 读到的金额格 /（读到的 + 无法读取的），取一位小数，向下取整。以下情形给出警告：一张表的金额大多"
	  "未能读取（无法读取的不少于读到的），或只读到表题而没有任何行、其下（同一页）却印有金额（带小数点或千位分隔符的数）；编号成套的表（表1 … 表N）缺了其中一张"
	  "（13 张表的一套缺表由 comp.tables 报错）；整份文档没有核对任何等式（只运行一条规则时 --rule 不判断此项）。",
	  rule_comp_coverage, 0 },
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
