-- yusuan store schema.  Version 11 (PRAGMA user_version = 11).
--
-- Version 1 kept published disclosures; version 2 adds detailed budgets
-- (the b* tables); version 3 the SHA-256 of an imported file, so that the
-- same file is recognised when it comes again; version 4 documents of any
-- layout (the general reader's tables, the text outside the tables, the
-- titles not read); version 5 views that make the store a dataset
-- (docs/dataset.md); version 6 the server's users, sessions, reviews,
-- workflow and audit log (docs/api.md); version 7 预算 and 决算 views;
-- version 8 the server's jobs (uploaded files checked by worker threads);
-- version 10 the versions of a detailed budget's rows edited online;
-- version 11 the ledger of what is due and the audit log refusing changes
-- on PostgreSQL too.  Migrated by
-- src/store/sqlite.c, which runs the part of this file a version added.
--
-- A published disclosure is kept as read: its tables (by their id 0..12 for
-- 01..13), header rows as printed, rows with their kind and place, and the
-- printed cells with their line and column.  Amounts are integer 分.
-- Changing this file means adding a migration in src/store/sqlite.c and
-- raising YS_SCHEMA_VERSION.

CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE disclosure (
	id          INTEGER PRIMARY KEY,
	file        TEXT NOT NULL,
	department  TEXT NOT NULL,
	year        INTEGER NOT NULL,
	encoding    TEXT NOT NULL,
	imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE dtable (
	disclosure_id INTEGER NOT NULL REFERENCES disclosure(id) ON DELETE CASCADE,
	tid        INTEGER NOT NULL CHECK (tid BETWEEN 0 AND 12),
	seq        INTEGER NOT NULL,
	title      TEXT NOT NULL,
	numbering  TEXT NOT NULL,
	number     INTEGER NOT NULL,
	line       INTEGER NOT NULL,
	unit       INTEGER NOT NULL,
	unit_line  INTEGER NOT NULL,
	unit_text  TEXT NOT NULL,
	subtitle   TEXT NOT NULL,
	end_line   INTEGER NOT NULL,
	PRIMARY KEY (disclosure_id, tid)
) WITHOUT ROWID;

CREATE TABLE dheader (
	disclosure_id INTEGER NOT NULL,
	tid     INTEGER NOT NULL,
	idx     INTEGER NOT NULL,
	line    INTEGER NOT NULL,
	before  INTEGER NOT NULL,
	cells   TEXT NOT NULL,          -- the printed cells, TAB-separated
	PRIMARY KEY (disclosure_id, tid, idx),
	FOREIGN KEY (disclosure_id, tid) REFERENCES dtable(disclosure_id, tid) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE drow (
	disclosure_id INTEGER NOT NULL,
	tid     INTEGER NOT NULL,
	idx     INTEGER NOT NULL,
	line    INTEGER NOT NULL,
	kind    INTEGER NOT NULL,       -- 0 data, 1 total, 2 indicator, 3 field
	shape   INTEGER NOT NULL,
	block   INTEGER NOT NULL,
	fixed0  INTEGER NOT NULL,
	fixed1  INTEGER NOT NULL,
	page    INTEGER NOT NULL,
	project INTEGER NOT NULL,
	PRIMARY KEY (disclosure_id, tid, idx),
	FOREIGN KEY (disclosure_id, tid) REFERENCES dtable(disclosure_id, tid) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE dcell (
	disclosure_id INTEGER NOT NULL,
	tid     INTEGER NOT NULL,
	row     INTEGER NOT NULL,
	col     INTEGER NOT NULL,
	text    TEXT NOT NULL,
	fen     INTEGER,                -- amount in 分 when printed, else NULL
	dp      INTEGER NOT NULL,
	line    INTEGER NOT NULL,
	colno   INTEGER NOT NULL,
	PRIMARY KEY (disclosure_id, tid, row, col),
	FOREIGN KEY (disclosure_id, tid, row) REFERENCES drow(disclosure_id, tid, idx) ON DELETE CASCADE
) WITHOUT ROWID;

-- @@v2: detailed budgets (the input of yusuan build); amounts in 分.
CREATE TABLE budget (
	id           INTEGER PRIMARY KEY,
	department   TEXT NOT NULL,
	year         INTEGER NOT NULL,
	source       TEXT NOT NULL,         -- the folder or workbook it was read from
	perf_unit    TEXT NOT NULL,
	perf_goal    TEXT NOT NULL,
	perf_notes   TEXT NOT NULL,
	sangong      TEXT NOT NULL,         -- four 分 figures, -1 = derive: abroad,reception,car_buy,car_run
	disclosure_id INTEGER REFERENCES disclosure(id) ON DELETE SET NULL, -- the tables compiled from it
	imported_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE bfile (
	budget_id INTEGER NOT NULL REFERENCES budget(id) ON DELETE CASCADE,
	id        INTEGER NOT NULL,
	path      TEXT NOT NULL,
	PRIMARY KEY (budget_id, id)
) WITHOUT ROWID;

CREATE TABLE bunit (
	budget_id INTEGER NOT NULL REFERENCES budget(id) ON DELETE CASCADE,
	idx   INTEGER NOT NULL,
	name  TEXT NOT NULL,
	type  INTEGER NOT NULL,             -- 1 机关, 2 事业单位
	file  INTEGER NOT NULL, line INTEGER NOT NULL,
	PRIMARY KEY (budget_id, idx)
) WITHOUT ROWID;

CREATE TABLE bincome (
	budget_id INTEGER NOT NULL REFERENCES budget(id) ON DELETE CASCADE,
	carry  INTEGER NOT NULL,            -- 0 本年收入 (9 sources), 1 上年结转 (5 sources)
	source INTEGER NOT NULL,
	amount INTEGER NOT NULL,
	file   INTEGER NOT NULL, line INTEGER NOT NULL,
	PRIMARY KEY (budget_id, carry, source)
) WITHOUT ROWID;

CREATE TABLE bproject (
	budget_id INTEGER NOT NULL REFERENCES budget(id) ON DELETE CASCADE,
	idx   INTEGER NOT NULL,
	code  TEXT NOT NULL,
	name  TEXT NOT NULL,
	unit  INTEGER NOT NULL,
	disclosed INTEGER NOT NULL,
	goal  TEXT NOT NULL,
	file  INTEGER NOT NULL, line INTEGER NOT NULL,
	PRIMARY KEY (budget_id, idx)
) WITHOUT ROWID;

CREATE TABLE bindicator (
	budget_id INTEGER NOT NULL REFERENCES budget(id) ON DELETE CASCADE,
	project INTEGER NOT NULL,           -- -1: the unit-wide indicators of table 13
	idx     INTEGER NOT NULL,
	l1 TEXT NOT NULL, l2 TEXT NOT NULL, l3 TEXT NOT NULL,
	op TEXT NOT NULL, value TEXT NOT NULL, unit TEXT NOT NULL, activity TEXT NOT NULL,
	file INTEGER NOT NULL, line INTEGER NOT NULL,
	PRIMARY KEY (budget_id, project, idx)
) WITHOUT ROWID;

CREATE TABLE bitem (
	budget_id INTEGER NOT NULL REFERENCES budget(id) ON DELETE CASCADE,
	idx     INTEGER NOT NULL,
	unit    INTEGER NOT NULL,
	func    TEXT NOT NULL,
	econ    TEXT NOT NULL,
	gov     TEXT NOT NULL,              -- '' = derived
	fund    INTEGER NOT NULL,
	carry   INTEGER NOT NULL,
	kind    INTEGER NOT NULL,           -- 0 基本, 1 项目
	cls     INTEGER NOT NULL,
	flags   INTEGER NOT NULL,
	project INTEGER NOT NULL,           -- -1 for basic items
	amount  INTEGER NOT NULL,
	file    INTEGER NOT NULL, line INTEGER NOT NULL,
	PRIMARY KEY (budget_id, idx)
) WITHOUT ROWID;

CREATE TABLE bother (
	budget_id INTEGER NOT NULL REFERENCES budget(id) ON DELETE CASCADE,
	kind   TEXT NOT NULL,               -- 'procurement', 'service', 'codename'
	idx    INTEGER NOT NULL,
	a TEXT NOT NULL, b TEXT NOT NULL, c TEXT NOT NULL, -- category/name; l1/l2/l3; kind/code/name
	amount INTEGER NOT NULL,
	file   INTEGER NOT NULL, line INTEGER NOT NULL,
	PRIMARY KEY (budget_id, kind, idx)
) WITHOUT ROWID;

-- @@v3: the SHA-256 of the file a disclosure was imported from ('' when
-- not known: saved without one, or imported before version 3).
ALTER TABLE disclosure ADD COLUMN file_sha256 TEXT NOT NULL DEFAULT '';
CREATE INDEX disclosure_sha256 ON disclosure(file_sha256);

-- @@v4: a document of any layout, as read.  How it was read (from a PDF:
-- lines index its text layer, findings say the page) and the amount unit
-- of the general reader; each seed table's page; the general reader's
-- tables (o*: their columns made from the layout descriptions, so stored
-- with them); the text outside the tables (the narrative the text rules
-- read); and the titles that looked like a table's but were not read.
ALTER TABLE disclosure ADD COLUMN paged INTEGER NOT NULL DEFAULT 0;
ALTER TABLE disclosure ADD COLUMN unit INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dtable ADD COLUMN page INTEGER NOT NULL DEFAULT 0;

CREATE TABLE otable (
	disclosure_id INTEGER NOT NULL REFERENCES disclosure(id) ON DELETE CASCADE,
	idx      INTEGER NOT NULL,          -- its place among the document's other tables
	title    TEXT NOT NULL,
	kind     TEXT NOT NULL,             -- the layout description's kind (summary, gp_expend …)
	code     TEXT NOT NULL,             -- the seed table it is like ('' none)
	name     TEXT NOT NULL,             -- the description's name of it
	numbering TEXT NOT NULL,
	number   INTEGER NOT NULL,
	page     INTEGER NOT NULL,
	line     INTEGER NOT NULL,
	end_line INTEGER NOT NULL,
	unit     INTEGER NOT NULL,
	note     TEXT,                      -- a note that says it is empty, or NULL
	PRIMARY KEY (disclosure_id, idx)
) WITHOUT ROWID;

CREATE TABLE ocolumn (
	disclosure_id INTEGER NOT NULL,
	tidx   INTEGER NOT NULL,
	col    INTEGER NOT NULL,
	cid    TEXT NOT NULL,               -- total1, basic2, code …
	label  TEXT NOT NULL,               -- the header words it was read under
	kind   INTEGER NOT NULL,            -- ys_colkind
	PRIMARY KEY (disclosure_id, tidx, col),
	FOREIGN KEY (disclosure_id, tidx) REFERENCES otable(disclosure_id, idx) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE orow (
	disclosure_id INTEGER NOT NULL,
	tidx   INTEGER NOT NULL,
	idx    INTEGER NOT NULL,
	line   INTEGER NOT NULL,
	kind   INTEGER NOT NULL,
	page   INTEGER NOT NULL,
	PRIMARY KEY (disclosure_id, tidx, idx),
	FOREIGN KEY (disclosure_id, tidx) REFERENCES otable(disclosure_id, idx) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE ocell (
	disclosure_id INTEGER NOT NULL,
	tidx   INTEGER NOT NULL,
	row    INTEGER NOT NULL,
	col    INTEGER NOT NULL,
	text   TEXT NOT NULL,
	fen    INTEGER,                     -- amount in 分 when printed, else NULL
	dp     INTEGER NOT NULL,
	line   INTEGER NOT NULL,
	colno  INTEGER NOT NULL,
	PRIMARY KEY (disclosure_id, tidx, row, col),
	FOREIGN KEY (disclosure_id, tidx, row) REFERENCES orow(disclosure_id, tidx, idx) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE dprose (
	disclosure_id INTEGER NOT NULL REFERENCES disclosure(id) ON DELETE CASCADE,
	idx    INTEGER NOT NULL,
	text   TEXT NOT NULL,
	line   INTEGER NOT NULL,
	page   INTEGER NOT NULL,
	PRIMARY KEY (disclosure_id, idx)
) WITHOUT ROWID;

CREATE TABLE dunread (
	disclosure_id INTEGER NOT NULL REFERENCES disclosure(id) ON DELETE CASCADE,
	idx    INTEGER NOT NULL,
	title  TEXT NOT NULL,
	line   INTEGER NOT NULL,
	page   INTEGER NOT NULL,
	why    TEXT NOT NULL,
	PRIMARY KEY (disclosure_id, idx)
) WITHOUT ROWID;

-- @@v5: the store as a dataset (docs/dataset.md): views over both layouts,
-- every amount with its document, table, row codes, column and fund.
-- Portable SQL, for SQLite, PostgreSQL and DuckDB alike: CASE, LIKE,
-- substr, length, ltrim/rtrim with a set of characters, replace, NULLIF,
-- count/sum/max/min, scalar subqueries; no function only one of them has.
-- The first three describe the 13 tables as src/tabledefs.c does (a unit
-- test compares them); fund of table 02's columns is the source's.
CREATE VIEW ys_dcolumn (tid, col, cid, label, kind, panel, fund, spend) AS VALUES
	(0, 0, 'in_label', '收入项目', 'label', 0, 'all', 'all'),
	(0, 1, 'in_amount', '收入预算数', 'amount', 0, 'all', 'all'),
	(0, 2, 'out_label', '支出项目', 'label', 1, 'all', 'all'),
	(0, 3, 'out_amount', '支出预算数', 'amount', 1, 'all', 'all'),
	(1, 0, 'total', '合计', 'amount', 0, 'all', 'all'),
	(1, 1, 'cur', '本年收入小计', 'amount', 0, 'all', 'all'),
	(1, 2, 'src.gp', '一般公共预算资金', 'amount', 0, 'gp', 'all'),
	(1, 3, 'src.gf', '政府性基金预算资金', 'amount', 0, 'gf', 'all'),
	(1, 4, 'src.soc', '国有资本经营预算资金', 'amount', 0, 'soc', 'all'),
	(1, 5, 'src.special', '财政专户管理资金', 'amount', 0, 'special', 'all'),
	(1, 6, 'src.shiye', '事业收入', 'amount', 0, 'shiye', 'all'),
	(1, 7, 'src.oper', '事业单位经营收入', 'amount', 0, 'oper', 'all'),
	(1, 8, 'src.upper', '上级补助收入', 'amount', 0, 'upper', 'all'),
	(1, 9, 'src.affil', '附属单位上缴收入', 'amount', 0, 'affil', 'all'),
	(1, 10, 'src.other', '其他收入', 'amount', 0, 'other', 'all'),
	(1, 11, 'carry', '上年结转结余小计', 'amount', 0, 'all', 'all'),
	(1, 12, 'carry.gp', '上年结转一般公共预算资金', 'amount', 0, 'gp', 'all'),
	(1, 13, 'carry.gf', '上年结转政府性基金预算资金', 'amount', 0, 'gf', 'all'),
	(1, 14, 'carry.soc', '上年结转国有资本经营预算资金', 'amount', 0, 'soc', 'all'),
	(1, 15, 'carry.special', '上年结转财政专户管理资金', 'amount', 0, 'special', 'all'),
	(1, 16, 'carry.unit', '上年结转单位资金', 'amount', 0, 'unit', 'all'),
	(2, 0, 'func', '支出功能分类科目', 'codename', 0, 'all', 'all'),
	(2, 1, 'gov', '政府支出经济分类科目', 'codename', 0, 'all', 'all'),
	(2, 2, 'dept', '部门支出经济分类科目', 'codename', 0, 'all', 'all'),
	(2, 3, 'total', '合计', 'amount', 0, 'all', 'all'),
	(2, 4, 'basic', '基本支出', 'amount', 0, 'all', 'basic'),
	(2, 5, 'project', '项目支出', 'amount', 0, 'all', 'project'),
	(2, 6, 'oper', '事业单位经营支出', 'amount', 0, 'all', 'oper'),
	(2, 7, 'upper', '上缴上级支出', 'amount', 0, 'all', 'upper'),
	(2, 8, 'subsid', '对附属单位补助支出', 'amount', 0, 'all', 'subsid'),
	(3, 0, 'in_label', '收入项目', 'label', 0, 'all', 'all'),
	(3, 1, 'in_amount', '收入预算数', 'amount', 0, 'fiscal', 'all'),
	(3, 2, 'out_label', '支出项目', 'label', 1, 'all', 'all'),
	(3, 3, 'out_amount', '支出预算数', 'amount', 1, 'fiscal', 'all'),
	(4, 0, 'code', '科目编码', 'code', 0, 'all', 'all'),
	(4, 1, 'name', '科目名称', 'name', 0, 'all', 'all'),
	(4, 2, 'total', '合计', 'amount', 0, 'gp', 'all'),
	(4, 3, 'basic', '基本支出小计', 'amount', 0, 'gp', 'basic'),
	(4, 4, 'personnel', '人员经费', 'amount', 0, 'gp', 'personnel'),
	(4, 5, 'public', '公用经费', 'amount', 0, 'gp', 'public'),
	(4, 6, 'project', '项目支出总数', 'amount', 0, 'gp', 'project'),
	(4, 7, 'nocap', '扣除基建项目后预算数', 'amount', 0, 'gp', 'nocap'),
	(5, 0, 'gov', '政府支出经济分类科目', 'codename', 0, 'all', 'all'),
	(5, 1, 'dept', '部门支出经济分类科目', 'codename', 0, 'all', 'all'),
	(5, 2, 'total', '合计', 'amount', 0, 'gp', 'basic'),
	(5, 3, 'personnel', '人员经费', 'amount', 0, 'gp', 'personnel'),
	(5, 4, 'public', '公用经费', 'amount', 0, 'gp', 'public'),
	(6, 0, 'code', '科目编码', 'code', 0, 'all', 'all'),
	(6, 1, 'name', '科目名称', 'name', 0, 'all', 'all'),
	(6, 2, 'total', '合计', 'amount', 0, 'gf', 'all'),
	(6, 3, 'basic', '基本支出', 'amount', 0, 'gf', 'basic'),
	(6, 4, 'project', '项目支出', 'amount', 0, 'gf', 'project'),
	(7, 0, 'code', '科目编码', 'code', 0, 'all', 'all'),
	(7, 1, 'name', '科目名称', 'name', 0, 'all', 'all'),
	(7, 2, 'total', '合计', 'amount', 0, 'soc', 'all'),
	(7, 3, 'basic', '基本支出', 'amount', 0, 'soc', 'basic'),
	(7, 4, 'project', '项目支出', 'amount', 0, 'soc', 'project'),
	(8, 0, 'total', '“三公”经费财政拨款预算总额', 'amount', 0, 'fiscal', 'all'),
	(8, 1, 'abroad', '因公出国（境）费用', 'amount', 0, 'fiscal', 'all'),
	(8, 2, 'reception', '公务接待费', 'amount', 0, 'fiscal', 'all'),
	(8, 3, 'car', '公务用车购置及运行维护费小计', 'amount', 0, 'fiscal', 'all'),
	(8, 4, 'car_buy', '公务用车购置费', 'amount', 0, 'fiscal', 'all'),
	(8, 5, 'car_run', '公务用车运行维护费', 'amount', 0, 'fiscal', 'all'),
	(9, 0, 'category', '采购类别', 'category', 0, 'all', 'all'),
	(9, 1, 'amount', '金额', 'amount', 0, 'all', 'all'),
	(10, 0, 'l1', '一级', 'text', 0, 'all', 'all'),
	(10, 1, 'l2', '二级', 'text', 0, 'all', 'all'),
	(10, 2, 'l3', '三级', 'text', 0, 'all', 'all'),
	(10, 3, 'amount', '预算金额', 'amount', 0, 'fiscal', 'all'),
	(11, 0, 'name', '项目名称', 'project', 0, 'all', 'all'),
	(11, 1, 'total', '项目总额', 'amount', 0, 'all', 'project'),
	(11, 2, 'fiscal', '财政资金', 'amount', 0, 'fiscal', 'project'),
	(11, 3, 'other', '其他资金', 'amount', 0, 'nonfiscal', 'project'),
	(11, 4, 'goal', '绩效目标', 'text', 0, 'all', 'all'),
	(11, 5, 'ind1', '一级指标', 'ind1', 0, 'all', 'all'),
	(11, 6, 'ind2', '二级指标', 'ind2', 0, 'all', 'all'),
	(11, 7, 'ind3', '三级指标', 'indtext', 0, 'all', 'all'),
	(11, 8, 'op', '绩效指标性质', 'op', 0, 'all', 'all'),
	(11, 9, 'value', '本年绩效指标值', 'value', 0, 'all', 'all'),
	(11, 10, 'munit', '绩效度量单位', 'munit', 0, 'all', 'all'),
	(12, 0, 'unit', '单位名称', 'text', 0, 'all', 'all'),
	(12, 1, 'total', '预算支出总额', 'amount', 0, 'all', 'all'),
	(12, 2, 'f_total', '财政拨款合计', 'amount', 0, 'fiscal', 'all'),
	(12, 3, 'f_basic', '财政拨款基本支出', 'amount', 0, 'fiscal', 'basic'),
	(12, 4, 'f_project', '财政拨款项目支出', 'amount', 0, 'fiscal', 'project'),
	(12, 5, 'o_total', '其他资金合计', 'amount', 0, 'nonfiscal', 'all'),
	(12, 6, 'o_basic', '其他资金基本支出', 'amount', 0, 'nonfiscal', 'basic'),
	(12, 7, 'o_project', '其他资金项目支出', 'amount', 0, 'nonfiscal', 'project'),
	(12, 8, 'goal', '整体绩效目标', 'text', 0, 'all', 'all'),
	(12, 9, 'notes', '其他说明', 'text', 0, 'all', 'all'),
	(12, 10, 'activity', '活动', 'text', 0, 'all', 'all'),
	(12, 11, 'indicator', '绩效指标', 'indtext', 0, 'all', 'all'),
	(12, 12, 'op', '指标性质', 'op', 0, 'all', 'all'),
	(12, 13, 'value', '指标值', 'value', 0, 'all', 'all'),
	(12, 14, 'munit', '度量单位', 'munit', 0, 'all', 'all');

CREATE VIEW ys_dfixed (tid, fixed, fid, label, panel, role, func_code, fund) AS VALUES
	(0, 0, 'in.gp', '一般公共预算拨款收入', 0, 'item', NULL, 'gp'),
	(0, 1, 'in.gf', '政府性基金预算拨款收入', 0, 'item', NULL, 'gf'),
	(0, 2, 'in.soc', '国有资本经营预算拨款收入', 0, 'item', NULL, 'soc'),
	(0, 3, 'in.special', '财政专户管理资金收入', 0, 'item', NULL, 'special'),
	(0, 4, 'in.shiye', '事业收入', 0, 'item', NULL, 'shiye'),
	(0, 5, 'in.upper', '上级补助收入', 0, 'item', NULL, 'upper'),
	(0, 6, 'in.affil', '附属单位上缴收入', 0, 'item', NULL, 'affil'),
	(0, 7, 'in.oper', '事业单位经营收入', 0, 'item', NULL, 'oper'),
	(0, 8, 'in.other', '其他收入', 0, 'item', NULL, 'other'),
	(0, 9, 'in.total', '本年收入合计', 0, 'total', NULL, 'all'),
	(0, 10, 'in.carry', '上年结转结余', 0, 'carry', NULL, 'all'),
	(0, 11, 'in.grand', '收入总计', 0, 'grand', NULL, 'all'),
	(0, 12, 'out.201', '一般公共服务支出', 1, 'item', '201', 'all'),
	(0, 13, 'out.202', '外交支出', 1, 'item', '202', 'all'),
	(0, 14, 'out.203', '国防支出', 1, 'item', '203', 'all'),
	(0, 15, 'out.204', '公共安全支出', 1, 'item', '204', 'all'),
	(0, 16, 'out.205', '教育支出', 1, 'item', '205', 'all'),
	(0, 17, 'out.206', '科学技术支出', 1, 'item', '206', 'all'),
	(0, 18, 'out.207', '文化旅游体育与传媒支出', 1, 'item', '207', 'all'),
	(0, 19, 'out.208', '社会保障和就业支出', 1, 'item', '208', 'all'),
	(0, 20, 'out.210', '卫生健康支出', 1, 'item', '210', 'all'),
	(0, 21, 'out.211', '节能环保支出', 1, 'item', '211', 'all'),
	(0, 22, 'out.212', '城乡社区支出', 1, 'item', '212', 'all'),
	(0, 23, 'out.213', '农林水支出', 1, 'item', '213', 'all'),
	(0, 24, 'out.214', '交通运输支出', 1, 'item', '214', 'all'),
	(0, 25, 'out.215', '资源勘探工业信息等支出', 1, 'item', '215', 'all'),
	(0, 26, 'out.216', '商业服务业等支出', 1, 'item', '216', 'all'),
	(0, 27, 'out.217', '金融支出', 1, 'item', '217', 'all'),
	(0, 28, 'out.219', '援助其他地区支出', 1, 'item', '219', 'all'),
	(0, 29, 'out.220', '自然资源海洋气象等支出', 1, 'item', '220', 'all'),
	(0, 30, 'out.221', '住房保障支出', 1, 'item', '221', 'all'),
	(0, 31, 'out.222', '粮油物资储备支出', 1, 'item', '222', 'all'),
	(0, 32, 'out.223', '国有资本经营预算支出', 1, 'item', '223', 'all'),
	(0, 33, 'out.224', '灾害防治及应急管理支出', 1, 'item', '224', 'all'),
	(0, 34, 'out.229', '其他支出', 1, 'item', '229', 'all'),
	(0, 35, 'out.232', '债务付息支出', 1, 'item', '232', 'all'),
	(0, 36, 'out.233', '债务发行费用支出', 1, 'item', '233', 'all'),
	(0, 37, 'out.234', '抗疫特别国债安排的支出', 1, 'item', '234', 'all'),
	(0, 38, 'out.total', '本年支出合计', 1, 'total', NULL, 'all'),
	(0, 39, 'out.yearend', '年终结转结余', 1, 'yearend', NULL, 'all'),
	(0, 40, 'out.grand', '支出总计', 1, 'grand', NULL, 'all'),
	(3, 0, 'in.gp', '一般公共预算资金', 0, 'item', NULL, 'gp'),
	(3, 1, 'in.gf', '政府性基金预算资金', 0, 'item', NULL, 'gf'),
	(3, 2, 'in.soc', '国有资本经营预算资金', 0, 'item', NULL, 'soc'),
	(3, 3, 'in.total', '本年收入合计', 0, 'total', NULL, 'all'),
	(3, 4, 'in.carry', '上年结转结余', 0, 'carry', NULL, 'all'),
	(3, 5, 'carry.gp', '一般公共预算拨款', 0, 'carry_item', NULL, 'gp'),
	(3, 6, 'carry.gf', '政府性基金预算拨款', 0, 'carry_item', NULL, 'gf'),
	(3, 7, 'carry.soc', '国有资本经营预算拨款', 0, 'carry_item', NULL, 'soc'),
	(3, 8, 'in.grand', '收入总计', 0, 'grand', NULL, 'all'),
	(3, 9, 'out.201', '一般公共服务支出', 1, 'item', '201', 'all'),
	(3, 10, 'out.202', '外交支出', 1, 'item', '202', 'all'),
	(3, 11, 'out.203', '国防支出', 1, 'item', '203', 'all'),
	(3, 12, 'out.204', '公共安全支出', 1, 'item', '204', 'all'),
	(3, 13, 'out.205', '教育支出', 1, 'item', '205', 'all'),
	(3, 14, 'out.206', '科学技术支出', 1, 'item', '206', 'all'),
	(3, 15, 'out.207', '文化旅游体育与传媒支出', 1, 'item', '207', 'all'),
	(3, 16, 'out.208', '社会保障和就业支出', 1, 'item', '208', 'all'),
	(3, 17, 'out.210', '卫生健康支出', 1, 'item', '210', 'all'),
	(3, 18, 'out.211', '节能环保支出', 1, 'item', '211', 'all'),
	(3, 19, 'out.212', '城乡社区支出', 1, 'item', '212', 'all'),
	(3, 20, 'out.213', '农林水支出', 1, 'item', '213', 'all'),
	(3, 21, 'out.214', '交通运输支出', 1, 'item', '214', 'all'),
	(3, 22, 'out.215', '资源勘探工业信息等支出', 1, 'item', '215', 'all'),
	(3, 23, 'out.216', '商业服务业等支出', 1, 'item', '216', 'all'),
	(3, 24, 'out.217', '金融支出', 1, 'item', '217', 'all'),
	(3, 25, 'out.219', '援助其他地区支出', 1, 'item', '219', 'all'),
	(3, 26, 'out.220', '自然资源海洋气象等支出', 1, 'item', '220', 'all'),
	(3, 27, 'out.221', '住房保障支出', 1, 'item', '221', 'all'),
	(3, 28, 'out.222', '粮油物资储备支出', 1, 'item', '222', 'all'),
	(3, 29, 'out.223', '国有资本经营预算支出', 1, 'item', '223', 'all'),
	(3, 30, 'out.224', '灾害防治及应急管理支出', 1, 'item', '224', 'all'),
	(3, 31, 'out.229', '其他支出', 1, 'item', '229', 'all'),
	(3, 32, 'out.232', '债务付息支出', 1, 'item', '232', 'all'),
	(3, 33, 'out.233', '债务发行费用支出', 1, 'item', '233', 'all'),
	(3, 34, 'out.234', '抗疫特别国债安排的支出', 1, 'item', '234', 'all'),
	(3, 35, 'out.total', '本年支出合计', 1, 'total', NULL, 'all'),
	(3, 36, 'out.yearend', '年终结转结余', 1, 'yearend', NULL, 'all'),
	(3, 37, 'out.grand', '支出总计', 1, 'grand', NULL, 'all');

CREATE VIEW ys_dtable (tid, code, kind, name) AS VALUES
	(0, '01', 'summary', '收支总表'),
	(1, '02', 'income', '收入总表'),
	(2, '03', 'expend', '支出总表'),
	(3, '04', 'fiscal_summary', '财政拨款收支总表'),
	(4, '05', 'gp_expend', '一般公共预算支出表'),
	(5, '06', 'gp_basic', '一般公共预算基本支出表'),
	(6, '07', 'gf_expend', '政府性基金预算支出表'),
	(7, '08', 'soc_expend', '国有资本经营预算支出表'),
	(8, '09', 'sangong', '财政拨款“三公”经费支出表'),
	(9, '10', 'procurement', '政府采购预算明细表'),
	(10, '11', 'services', '财政拨款政府购买服务明细表'),
	(11, '12', 'project_perf', '项目支出绩效目标表'),
	(12, '13', 'unit_perf', '单位整体支出绩效目标表');

-- Documents: one row per stored disclosure.  layout: 'tables13' (the
-- numbered 13 tables, d*) or 'other' (the general reader's tables, o*).
CREATE VIEW ys_document (disclosure_id, department, year, file, file_sha256, imported_at, layout, tables) AS
SELECT d.id, d.department, d.year, d.file, d.file_sha256, d.imported_at,
       CASE WHEN EXISTS (SELECT 1 FROM dtable t WHERE t.disclosure_id = d.id) THEN 'tables13' ELSE 'other' END,
       (SELECT count(*) FROM dtable t WHERE t.disclosure_id = d.id)
       + (SELECT count(*) FROM otable o WHERE o.disclosure_id = d.id)
FROM disclosure d;

-- Tables of every document, both layouts, with the kind the rules know them
-- by (summary, expend, sangong …) and the seed table they are like.
CREATE VIEW ys_table (disclosure_id, layout, table_idx, table_code, table_kind, table_name, table_title, amount_unit,
                      page, rows) AS
SELECT t.disclosure_id, 'tables13', t.tid, k.code, k.kind, k.name, t.title,
       CASE t.unit WHEN 0 THEN '元' WHEN 1 THEN '万元' ELSE '亿元' END, t.page,
       (SELECT count(*) FROM drow r WHERE r.disclosure_id = t.disclosure_id AND r.tid = t.tid)
FROM dtable t JOIN ys_dtable k ON k.tid = t.tid
UNION ALL
SELECT o.disclosure_id, 'other', o.idx, o.code, o.kind, o.name, o.title,
       CASE o.unit WHEN 0 THEN '元' WHEN 1 THEN '万元' ELSE '亿元' END, o.page,
       (SELECT count(*) FROM orow r WHERE r.disclosure_id = o.disclosure_id AND r.tidx = o.idx)
FROM otable o;

-- Every amount printed, with where it stands: document, table, row (its
-- 功能分类 / 部门经济 / 政府经济 codes, its unit), column (which money:
-- flow, fund, spend).  Codes are the leading digits of the printed cell;
-- in another layout's table a code column's code is 功能分类 when it starts
-- with 2, 部门经济 with 3, 政府经济 with 5.
CREATE VIEW ys_amount (disclosure_id, department, year, layout, table_idx, table_code, table_kind, table_title,
                       amount_unit, row, row_kind, row_label, unit_block, unit_name,
                       func_code, func_class, func_kuan, func_xiang, func_level,
                       econ_code, econ_class, econ_kuan, gov_code, gov_class,
                       column_id, column_label, flow, fund, spend, fen, text, line, page) AS
SELECT b.disclosure_id, b.department, b.year, b.layout, b.table_idx, b.table_code, b.table_kind, b.table_title,
       b.amount_unit, b.row, b.row_kind, b.row_label, b.unit_block, b.unit_name,
       b.func_code, substr(b.func_code, 1, 3),
       CASE WHEN length(b.func_code) >= 5 THEN substr(b.func_code, 1, 5) END,
       CASE WHEN length(b.func_code) >= 7 THEN substr(b.func_code, 1, 7) END,
       CASE WHEN b.func_code IS NULL THEN NULL WHEN length(b.func_code) <= 3 THEN 1
            WHEN length(b.func_code) <= 5 THEN 2 WHEN length(b.func_code) <= 7 THEN 3 ELSE 4 END,
       b.econ_code, substr(b.econ_code, 1, 3),
       CASE WHEN length(b.econ_code) >= 5 THEN substr(b.econ_code, 1, 5) END,
       b.gov_code, substr(b.gov_code, 1, 3),
       b.column_id, b.column_label, b.flow, b.fund, b.spend, b.fen, b.text, b.line, b.page
FROM (
	SELECT a.disclosure_id, a.department, a.year, a.layout, a.table_idx, a.table_code, a.table_kind, a.table_title,
	       a.amount_unit, a.row, a.row_kind, a.row_label, a.unit_block, a.unit_name,
	       CASE WHEN a.layout = 'tables13' OR a.code LIKE '2%' THEN a.func_code END AS func_code,
	       CASE WHEN a.layout = 'tables13' THEN a.econ_code WHEN a.code LIKE '3%' THEN a.code END AS econ_code,
	       CASE WHEN a.layout = 'tables13' THEN a.gov_code WHEN a.code LIKE '5%' THEN a.code END AS gov_code,
	       a.column_id, a.column_label, a.flow, a.fund, a.spend, a.fen, a.text, a.line, a.page
	FROM (
		SELECT x.*,
		       NULLIF(substr(x.fc, 1, length(x.fc) - length(ltrim(x.fc, '0123456789'))), '') AS func_code,
		       NULLIF(substr(x.ec, 1, length(x.ec) - length(ltrim(x.ec, '0123456789'))), '') AS econ_code,
		       NULLIF(substr(x.gc, 1, length(x.gc) - length(ltrim(x.gc, '0123456789'))), '') AS gov_code,
		       NULLIF(substr(x.fc, 1, length(x.fc) - length(ltrim(x.fc, '0123456789'))), '') AS code
		FROM (
			-- the 13 tables
			SELECT c.disclosure_id, d.department, d.year, 'tables13' AS layout, c.tid AS table_idx,
			       k.code AS table_code, k.kind AS table_kind, t.title AS table_title,
			       CASE t.unit WHEN 0 THEN '元' WHEN 1 THEN '万元' ELSE '亿元' END AS amount_unit,
			       c.row, CASE r.kind WHEN 0 THEN 'data' WHEN 1 THEN 'total' WHEN 2 THEN 'indicator' ELSE 'field' END AS row_kind,
			       CASE WHEN r.kind = 1 THEN '合计'
			            WHEN c.tid IN (0, 3) THEN (SELECT f.label FROM ys_dfixed f WHERE f.tid = c.tid
			                                       AND f.fixed = CASE WHEN col.panel = 1 THEN r.fixed1 ELSE r.fixed0 END)
			            ELSE (SELECT y.text FROM dcell y WHERE y.disclosure_id = c.disclosure_id AND y.tid = c.tid
			                  AND y.row = CASE WHEN c.tid = 11 AND r.project >= 0 THEN r.project ELSE c.row END
			                  AND y.col = CASE WHEN c.tid IN (4, 6, 7) THEN 1 ELSE 0 END
			                  AND c.tid NOT IN (8, 12)) END AS row_label,
			       CASE WHEN c.tid = 4 THEN r.block END AS unit_block,
			       CASE WHEN c.tid = 4 THEN (SELECT max(u.name) FROM budget g JOIN bunit u ON u.budget_id = g.id
			                                 WHERE g.disclosure_id = c.disclosure_id AND u.idx = r.block) END AS unit_name,
			       CASE WHEN c.tid IN (0, 3) AND col.panel = 1 THEN (SELECT f.func_code FROM ys_dfixed f
			                                                         WHERE f.tid = c.tid AND f.fixed = r.fixed1)
			            WHEN c.tid IN (2, 4, 6, 7) THEN (SELECT y.text FROM dcell y WHERE y.disclosure_id = c.disclosure_id
			                                             AND y.tid = c.tid AND y.row = c.row AND y.col = 0) END AS fc,
			       CASE WHEN c.tid IN (2, 5) THEN (SELECT y.text FROM dcell y WHERE y.disclosure_id = c.disclosure_id
			                                       AND y.tid = c.tid AND y.row = c.row
			                                       AND y.col = CASE WHEN c.tid = 2 THEN 2 ELSE 1 END) END AS ec,
			       CASE WHEN c.tid IN (2, 5) THEN (SELECT y.text FROM dcell y WHERE y.disclosure_id = c.disclosure_id
			                                       AND y.tid = c.tid AND y.row = c.row
			                                       AND y.col = CASE WHEN c.tid = 2 THEN 1 ELSE 0 END) END AS gc,
			       col.cid AS column_id, col.label AS column_label,
			       CASE WHEN c.tid = 1 OR (c.tid IN (0, 3) AND col.panel = 0) THEN 'income' ELSE 'spending' END AS flow,
			       CASE WHEN c.tid IN (0, 3) AND col.panel = 0 AND r.fixed0 >= 0
			            THEN (SELECT CASE WHEN f.fund = 'all' THEN col.fund ELSE f.fund END FROM ys_dfixed f
			                  WHERE f.tid = c.tid AND f.fixed = r.fixed0)
			            ELSE col.fund END AS fund,
			       col.spend, c.fen, c.text, c.line,
			       CASE WHEN t.page = 0 THEN 0 WHEN r.page = 0 THEN t.page ELSE r.page END AS page
			FROM dcell c
			JOIN drow r ON r.disclosure_id = c.disclosure_id AND r.tid = c.tid AND r.idx = c.row
			JOIN dtable t ON t.disclosure_id = c.disclosure_id AND t.tid = c.tid
			JOIN disclosure d ON d.id = c.disclosure_id
			JOIN ys_dtable k ON k.tid = c.tid
			JOIN ys_dcolumn col ON col.tid = c.tid AND col.col = c.col
			WHERE c.fen IS NOT NULL
			UNION ALL
			-- other layouts: the code of the nearest code column to the left (code,
			-- code2 … where blocks of codes stand side by side)
			SELECT c.disclosure_id, d.department, d.year, 'other', c.tidx, o.code, o.kind, o.title,
			       CASE o.unit WHEN 0 THEN '元' WHEN 1 THEN '万元' ELSE '亿元' END,
			       c.row, CASE r.kind WHEN 0 THEN 'data' WHEN 1 THEN 'total' WHEN 2 THEN 'indicator' ELSE 'field' END,
			       (SELECT y.text FROM ocell y WHERE y.disclosure_id = c.disclosure_id AND y.tidx = c.tidx AND y.row = c.row
			        AND y.col = (SELECT max(z.col) FROM ocolumn z WHERE z.disclosure_id = c.disclosure_id
			                     AND z.tidx = c.tidx AND z.col < c.col AND z.kind IN (1, 3))),
			       NULL,
			       (SELECT y.text FROM ocell y WHERE y.disclosure_id = c.disclosure_id AND y.tidx = c.tidx AND y.row = c.row
			        AND y.col = (SELECT min(z.col) FROM ocolumn z WHERE z.disclosure_id = c.disclosure_id
			                     AND z.tidx = c.tidx AND z.kind IN (1, 3) AND z.label LIKE '%单位%')),
			       (SELECT y.text FROM ocell y WHERE y.disclosure_id = c.disclosure_id AND y.tidx = c.tidx AND y.row = c.row
			        AND y.col = (SELECT max(z.col) FROM ocolumn z WHERE z.disclosure_id = c.disclosure_id
			                     AND z.tidx = c.tidx AND z.col < c.col AND rtrim(z.cid, '0123456789') = 'code')),
			       NULL, NULL,
			       k.cid, k.label,
			       CASE o.kind WHEN 'income' THEN 'income' WHEN 'summary' THEN NULL WHEN 'fiscal_summary' THEN NULL
			                   ELSE 'spending' END,
			       CASE WHEN rtrim(k.cid, '0123456789') = 'fiscal' THEN 'fiscal'
			            WHEN o.kind IN ('gp_expend', 'gp_basic') THEN 'gp'
			            WHEN o.kind = 'gf_expend' THEN 'gf' WHEN o.kind = 'soc_expend' THEN 'soc'
			            WHEN o.kind IN ('fiscal_summary', 'fiscal_expend', 'fiscal_basic', 'sangong', 'services')
			            THEN 'fiscal' ELSE 'all' END,
			       CASE rtrim(k.cid, '0123456789') WHEN 'total' THEN 'all' WHEN 'amount' THEN 'all'
			            WHEN 'fiscal' THEN 'all' ELSE rtrim(k.cid, '0123456789') END,
			       c.fen, c.text, c.line, r.page
			FROM ocell c
			JOIN orow r ON r.disclosure_id = c.disclosure_id AND r.tidx = c.tidx AND r.idx = c.row
			JOIN otable o ON o.disclosure_id = c.disclosure_id AND o.idx = c.tidx
			JOIN ocolumn k ON k.disclosure_id = c.disclosure_id AND k.tidx = c.tidx AND k.col = c.col
			JOIN disclosure d ON d.id = c.disclosure_id
			WHERE c.fen IS NOT NULL
		) x
	) a
) b;

-- Spending without counting it twice: 基本支出 and 项目支出 of the rows of
-- the expenditure tables by 功能分类: 03 for every fund (fund 'all'), 05,
-- 07 and 08 for each fund (gp, gf, soc); in another layout its 支出总表 and
-- fund tables, rows whose code no other row of the table extends.  Within
-- one fund the rows add up to the department's spending.
CREATE VIEW ys_spending (disclosure_id, department, year, layout, table_code, unit_block, unit_name,
                         func_code, func_class, func_kuan, func_xiang, econ_code, econ_class, econ_kuan,
                         gov_code, gov_class, fund, kind, fen) AS
SELECT a.disclosure_id, a.department, a.year, a.layout, a.table_code, a.unit_block, a.unit_name,
       a.func_code, a.func_class, a.func_kuan, a.func_xiang, a.econ_code, a.econ_class, a.econ_kuan,
       a.gov_code, a.gov_class, a.fund, a.spend, a.fen
FROM ys_amount a
WHERE a.row_kind = 'data' AND a.spend IN ('basic', 'project') AND a.func_code IS NOT NULL
  AND ((a.layout = 'tables13' AND a.table_code IN ('03', '05', '07', '08'))
       OR (a.layout = 'other' AND a.table_kind IN ('expend', 'gp_expend', 'gf_expend', 'soc_expend', 'fiscal_expend')
           AND a.table_title NOT LIKE '%基本支出%' AND a.table_title NOT LIKE '%项目支出%'
           AND NOT EXISTS (SELECT 1 FROM ocell y JOIN ocolumn z ON z.disclosure_id = y.disclosure_id
                                                 AND z.tidx = y.tidx AND z.col = y.col
                           WHERE y.disclosure_id = a.disclosure_id AND y.tidx = a.table_idx AND rtrim(z.cid, '0123456789') = 'code'
                             AND length(y.text) > length(a.func_code)
                             AND substr(y.text, 1, length(a.func_code)) = a.func_code)));

-- 财政拨款“三公”经费 of the 13 tables (09), one row per document.
CREATE VIEW ys_sangong (disclosure_id, department, year, total, abroad, reception, car, car_buy, car_run) AS
SELECT a.disclosure_id, a.department, a.year,
       sum(CASE WHEN a.column_id = 'total' THEN a.fen ELSE 0 END),
       sum(CASE WHEN a.column_id = 'abroad' THEN a.fen ELSE 0 END),
       sum(CASE WHEN a.column_id = 'reception' THEN a.fen ELSE 0 END),
       sum(CASE WHEN a.column_id = 'car' THEN a.fen ELSE 0 END),
       sum(CASE WHEN a.column_id = 'car_buy' THEN a.fen ELSE 0 END),
       sum(CASE WHEN a.column_id = 'car_run' THEN a.fen ELSE 0 END)
FROM ys_amount a
WHERE a.layout = 'tables13' AND a.table_code = '09' AND a.row_kind = 'data'
GROUP BY a.disclosure_id, a.department, a.year;

-- Projects of the 13 tables (12): code (its letters and digits, without
-- the space some print), name, 项目总额, 财政资金, 其他资金.
CREATE VIEW ys_project (disclosure_id, department, year, project_code, project_name, total, fiscal, other) AS
SELECT p.disclosure_id, p.department, p.year,
       replace(substr(p.row_label, 1, length(p.row_label) - length(ltrim(p.row_label,
               '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz '))), ' ', ''),
       ltrim(ltrim(p.row_label, '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz '), '-－'),
       sum(CASE WHEN p.column_id = 'total' THEN p.fen ELSE 0 END),
       sum(CASE WHEN p.column_id = 'fiscal' THEN p.fen ELSE 0 END),
       sum(CASE WHEN p.column_id = 'other' THEN p.fen ELSE 0 END)
FROM ys_amount p
WHERE p.layout = 'tables13' AND p.table_code = '12' AND p.row_kind = 'data'
GROUP BY p.disclosure_id, p.department, p.year, p.row_label;

-- @@v6: the server (yusuan serve, docs/api.md): its users and their
-- departments, sessions, the review of findings, the workflow of a
-- department's year, the audit log and login attempts.  Everything the
-- server knows is here, so that several serve processes share it.
CREATE TABLE users (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL UNIQUE,
	role       TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'editor', 'viewer')),
	pwhash     TEXT NOT NULL,           -- argon2id, encoded ($argon2id$v=19$m=…)
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE user_department (
	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	department TEXT NOT NULL,
	PRIMARY KEY (user_id, department)
) WITHOUT ROWID;

-- A session: the SHA-256 of its token (the token itself is never stored),
-- cookie (1, checked with its CSRF token on every form) or bearer (0).
CREATE TABLE sessions (
	token_sha256 TEXT PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	cookie     INTEGER NOT NULL,
	csrf       TEXT NOT NULL,
	expires    INTEGER NOT NULL         -- Unix seconds
) WITHOUT ROWID;

-- The review of a finding, kept across re-checks of a department's year:
-- the finding's key is rule|table|row|column (and #N for the N-th of the
-- same place), not its index in a report.
CREATE TABLE review (
	department    TEXT NOT NULL,
	year          INTEGER NOT NULL,
	finding_key   TEXT NOT NULL,
	disclosure_id INTEGER NOT NULL,     -- the document it was made on
	state         TEXT NOT NULL CHECK (state IN ('confirmed', 'dismissed', 'comment')),
	reason        TEXT NOT NULL,
	comment       TEXT NOT NULL,
	user_name     TEXT NOT NULL,
	reviewed_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	PRIMARY KEY (department, year, finding_key)
) WITHOUT ROWID;

-- Append-only: who, when, what, before and after (JSON or text).
CREATE TABLE audit (
	id        INTEGER PRIMARY KEY,
	at_time   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	user_name TEXT NOT NULL,
	action    TEXT NOT NULL,
	object    TEXT NOT NULL,
	before    TEXT NOT NULL,
	after     TEXT NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END; -- pg: CREATE RULE audit_no_update AS ON UPDATE TO audit DO INSTEAD NOTHING;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END; -- pg: CREATE RULE audit_no_delete AS ON DELETE TO audit DO INSTEAD NOTHING;

-- A department's budget of a year: 编制 → 提交 → 审核 → 批复 → 公开; version
-- counts the changes (optimistic locking: a change names the version it saw).
CREATE TABLE workflow (
	department TEXT NOT NULL,
	year       INTEGER NOT NULL,
	state      TEXT NOT NULL CHECK (state IN ('编制', '提交', '审核', '批复', '公开')),
	version    INTEGER NOT NULL,
	user_name  TEXT NOT NULL,
	updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	PRIMARY KEY (department, year)
) WITHOUT ROWID;

-- A stored document's check, kept when the server checks it: its figures
-- (the worklist's) and the report, used again while the same yusuan
-- version serves (a document does not change; the rules change only with
-- the version).
CREATE TABLE dcheck (
	disclosure_id INTEGER PRIMARY KEY REFERENCES disclosure(id) ON DELETE CASCADE,
	errors     INTEGER NOT NULL,
	warnings   INTEGER NOT NULL,
	notices    INTEGER NOT NULL,
	permille   INTEGER NOT NULL,        -- coverage, -1 when there was no amount
	checked_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	checked_by TEXT NOT NULL,           -- the yusuan version that checked it
	report     TEXT NOT NULL            -- the check as `yusuan check --format json` (the version's)
);

-- Failed logins, for the rate limit (by name and by address).
CREATE TABLE login_attempt (
	id     INTEGER PRIMARY KEY,
	name   TEXT NOT NULL,
	addr   TEXT NOT NULL,
	at_unix INTEGER NOT NULL
);
CREATE INDEX login_attempt_name ON login_attempt(name, at_unix);
CREATE INDEX login_attempt_addr ON login_attempt(addr, at_unix);
CREATE INDEX audit_object ON audit(object);
-- @@v7: 预算 and 决算 (docs/dataset.md): a document's phase, and for a
-- department and year stored in both, execution by 功能分类 类 and by
-- 部门经济分类 类.
--
-- A document is a 决算 (final accounts) when a table's title says 决算,
-- else a 预算 (budget).
CREATE VIEW ys_phase (disclosure_id, department, year, phase) AS
SELECT d.id, d.department, d.year,
       CASE WHEN EXISTS (SELECT 1 FROM otable o WHERE o.disclosure_id = d.id AND o.title LIKE '%决算%')
                 OR EXISTS (SELECT 1 FROM dtable t WHERE t.disclosure_id = d.id AND t.title LIKE '%决算%')
            THEN 'final' ELSE 'budget' END
FROM disclosure d;

-- Budget and outturn side by side: by 功能分类 类 (func_class: spending of
-- every fund, as ys_spending has it) and by 部门经济分类 类 (econ_class: the
-- 一般公共预算 基本支出 table's 合计 column, its 款 rows, or its 类 row
-- where the class prints no 款), for each department and year with both a
-- 预算 and a 决算 stored (the latest of each when one was stored twice).
-- rate_permille: final / budget in thousandths, rounded half up; NULL when
-- the budget is 0.
CREATE VIEW ys_execution (department, year, dimension, code, budget_fen, final_fen, rate_permille) AS
SELECT e.department, e.year, e.dimension, e.code, e.budget_fen, e.final_fen,
       CASE WHEN e.budget_fen > 0 THEN (e.final_fen * 2000 + e.budget_fen) / (2 * e.budget_fen) END
FROM (
	SELECT v.department, v.year, v.dimension, v.code,
	       CAST(sum(CASE WHEN v.phase = 'budget' THEN v.fen ELSE 0 END) AS BIGINT) AS budget_fen,
	       CAST(sum(CASE WHEN v.phase = 'final' THEN v.fen ELSE 0 END) AS BIGINT) AS final_fen
	FROM (
		SELECT p.phase, p.department, p.year, 'func_class' AS dimension, a.func_class AS code, a.fen
		FROM ys_spending a JOIN ys_phase p ON p.disclosure_id = a.disclosure_id
		WHERE a.fund = 'all'
		  AND p.disclosure_id = (SELECT max(q.disclosure_id) FROM ys_phase q WHERE q.department = p.department
		                         AND q.year = p.year AND q.phase = p.phase)
		UNION ALL
		SELECT g.phase, g.department, g.year, 'econ_class', g.econ_class, g.fen
		FROM (
			SELECT p.phase, p.department, p.year, a.disclosure_id, a.table_idx, a.econ_code, a.econ_class, a.fen,
			       max(length(a.econ_code)) OVER (PARTITION BY a.disclosure_id, a.table_idx, a.econ_class) AS deepest
			FROM ys_amount a JOIN ys_phase p ON p.disclosure_id = a.disclosure_id
			WHERE a.table_kind = 'gp_basic' AND a.row_kind = 'data' AND a.econ_code IS NOT NULL
			  AND rtrim(a.column_id, '0123456789') = 'total'
			  AND p.disclosure_id = (SELECT max(q.disclosure_id) FROM ys_phase q WHERE q.department = p.department
			                         AND q.year = p.year AND q.phase = p.phase)
		) g
		WHERE length(g.econ_code) = g.deepest
	) v
	WHERE EXISTS (SELECT 1 FROM ys_phase q WHERE q.department = v.department AND q.year = v.year
	              AND q.phase <> v.phase)
	GROUP BY v.department, v.year, v.dimension, v.code
) e;

-- @@v8: the server's jobs (docs/api.md): each uploaded file is checked by
-- a worker thread of a serve process, which claims it here, so that
-- several processes on one PostgreSQL share the queue.  state: queued →
-- running → done | failed; a running job whose heartbeat stopped (its
-- worker died) goes back to queued.
CREATE TABLE job (
	id          INTEGER PRIMARY KEY,
	batch       TEXT NOT NULL,          -- the upload it came in (random hex): its files' jobs share it
	user_id     INTEGER NOT NULL,       -- who uploaded it (checked as that user)
	user_name   TEXT NOT NULL,
	department  TEXT NOT NULL,          -- the document's department once read ('' before)
	file        TEXT NOT NULL,          -- the name the client gave (its last part)
	size        INTEGER NOT NULL,       -- bytes of the file
	data        TEXT NOT NULL,          -- the file in base64, '' once the job has ended
	state       TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
	step        TEXT NOT NULL,          -- what it does now: 排队 读取 检查 保存 完成 失败
	permille    INTEGER NOT NULL,       -- progress, 0 … 1000
	document_id INTEGER,                -- the stored document (done)
	error       TEXT NOT NULL,          -- why it failed (Chinese), '' otherwise
	worker      TEXT NOT NULL,          -- host:pid/thread of the worker running it, '' when queued
	tries       INTEGER NOT NULL,       -- how many times a worker took it
	heartbeat   INTEGER NOT NULL,       -- Unix seconds: the worker's last sign of life
	created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	started_at  TEXT NOT NULL,
	finished_at TEXT NOT NULL
);
CREATE INDEX job_state ON job(state, id);
CREATE INDEX job_batch ON job(batch);
-- @@v9: the file a document was read from, kept with it (written in the
-- same transaction as the disclosure) so that the server can draw its
-- pages again: a finding's page as an image with its place boxed, the PDF
-- with the confirmed findings marked (docs/api.md).  media: the file's
-- kind ("application/pdf", …); bytes: the file as it was uploaded.
CREATE TABLE doc_original (
	disclosure_id INTEGER PRIMARY KEY REFERENCES disclosure(id) ON DELETE CASCADE,
	media      TEXT NOT NULL,
	size       INTEGER NOT NULL,
	bytes      BLOB NOT NULL -- pg: bytes      BYTEA NOT NULL
);

-- @@v10: a detailed budget edited online (docs/api.md, include/yusuan/bedit.h):
-- the version of each row changed there (kind 'item', 'project',
-- 'indicator', 'income' and its number; a row never changed has none and
-- is version 0), who changed it last and when; kind 'budget', n 0 counts
-- the budget's changes.  A change names the version it saw and moves it on
-- only from that one (optimistic locking by row).
CREATE TABLE bversion (
	budget_id  INTEGER NOT NULL REFERENCES budget(id) ON DELETE CASCADE,
	kind       TEXT NOT NULL CHECK (kind IN ('budget', 'item', 'project', 'indicator', 'income')),
	n          INTEGER NOT NULL,
	version    INTEGER NOT NULL,
	user_name  TEXT NOT NULL,
	changed_at TEXT NOT NULL,
	PRIMARY KEY (budget_id, kind, n)
) WITHOUT ROWID;

-- @@v11: the ledger of what is due (docs/api.md): the departments the
-- bureau expects to disclose a year, each by its due date (YYYY-MM-DD, the
-- store's clock: UTC, as disclosure.imported_at).  And the audit log
-- append-only on PostgreSQL as on SQLite: a refused UPDATE or DELETE is an
-- error there too (version 6's rules ignored it silently).
CREATE TABLE ledger (
	department TEXT NOT NULL,
	year       INTEGER NOT NULL,
	due        TEXT NOT NULL CHECK (length(due) = 10),
	user_name  TEXT NOT NULL,
	updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	PRIMARY KEY (department, year)
) WITHOUT ROWID;
-- pg: DROP RULE IF EXISTS audit_no_update ON audit;
-- pg: DROP RULE IF EXISTS audit_no_delete ON audit;
-- pg: CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit is append-only' USING ERRCODE = 'restrict_violation'; END $$;
-- pg: CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

INSERT INTO meta(key, value) VALUES ('created_by', 'yusuan');
PRAGMA user_version = 11;

