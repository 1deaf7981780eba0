-- yusuan store schema.  Version 4 (PRAGMA user_version = 4).
--
-- Version 1 kept published disclosures; version 2 adds detailed budgets
-- (the b* tables); version 3 the SHA-256 of an imported file, so that the
-- same file is recognised when it comes again; version 4 documents of any
-- layout (the general reader's tables, the text outside the tables, the
-- titles not read).  Migrated by
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

INSERT INTO meta(key, value) VALUES ('created_by', 'yusuan');
PRAGMA user_version = 4;
