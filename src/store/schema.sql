-- yusuan store schema.  Version 1 (PRAGMA user_version = 1).
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

INSERT INTO meta(key, value) VALUES ('created_by', 'yusuan');
PRAGMA user_version = 1;
