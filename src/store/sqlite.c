/*
 * store/sqlite.c - the embedded SQLite store.
 */
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>

#include "store_int.h"

typedef struct sq_store {
	ys_store base;
	sqlite3 *db;
	char *path;
	int version;
	int in_tx; /* inside ys_store_transact */
	int busy;  /* the last failed exec was SQLITE_BUSY */
} sq_store;

/*
 * schema.sql builds the newest version directly.  The statements a version
 * added follow a line "-- @@vN" in it, up to the next such line or the final
 * INSERT INTO meta; migrating from N-1 to N runs exactly those.  So there is
 * one description of the schema, and a fresh database and a migrated one
 * cannot drift apart (the test suite compares them).
 */
static char *migration_sql(int to)
{
	char mark[32];
	snprintf(mark, sizeof mark, "-- @@v%d", to);
	const char *a = strstr(ys_store_schema_sql, mark);
	if (!a)
		return strdup("");
	const char *b = strstr(a + strlen(mark), "-- @@v");
	const char *c = strstr(a, "INSERT INTO meta");
	if (!b || (c && c < b))
		b = c;
	return b ? strndup(a, (size_t)(b - a)) : strdup(a);
}

/* SQLite's out of memory is the library's (YS_ENOMEM), not the
 * database's fault */
static ys_result sq_code(sqlite3 *db)
{
	return !db || (sqlite3_errcode(db) & 0xff) == SQLITE_NOMEM ? YS_ENOMEM : YS_ESTORE;
}

static ys_result db_error(ys_ctx *ctx, sq_store *s, const char *what)
{
	return ys_error(ctx, sq_code(s->db), "%s：%s：%s", s->path, what, sqlite3_errmsg(s->db));
}

static ys_result exec(ys_ctx *ctx, sq_store *s, const char *sql)
{
	char *err = NULL;
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, &err);
	if (rc != SQLITE_OK) {
		s->busy = (rc & 0xff) == SQLITE_BUSY;
		ys_result r = ys_error(ctx, (rc & 0xff) == SQLITE_NOMEM ? YS_ENOMEM : YS_ESTORE, "%s: %s", s->path,
		                       err ? err : sqlite3_errmsg(s->db));
		sqlite3_free(err);
		return r;
	}
	return YS_OK;
}

static int user_version(sq_store *s)
{
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	return v;
}

static int table_count(sq_store *s)
{
	sqlite3_stmt *st;
	int n = -1;
	if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_master", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	return n;
}

static void sq_close(ys_store *base)
{
	sq_store *s = (sq_store *)base;
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

static ys_result prepare_schema(ys_ctx *ctx, sq_store *s)
{
	int v = user_version(s);
	if (v < 0)
		return db_error(ctx, s, "无法读出表结构版本（这是 SQLite 数据库吗？）");
	if (v > YS_SCHEMA_VERSION)
		return ys_error(ctx, YS_ESTORE, "%s：表结构版本 %d 是更新的 yusuan 写的（这个 yusuan 只认到版本 %d）",
		                s->path, v, YS_SCHEMA_VERSION);
	if (v == YS_SCHEMA_VERSION)
		return YS_OK;
	ys_result r = exec(ctx, s, "BEGIN IMMEDIATE");
	if (r)
		return r;
	v = user_version(s); /* another process may have created it meanwhile */
	if (v == 0) {
		if (table_count(s) != 0) {
			exec(NULL, s, "ROLLBACK");
			return ys_error(ctx, YS_ESTORE, "%s：不是 yusuan 的数据库（已有别的表，却没有表结构版本）",
			                s->path);
		}
		r = exec(ctx, s, ys_store_schema_sql);
	} else {
		for (; v < YS_SCHEMA_VERSION && !r; v++) {
			char *m = migration_sql(v + 1);
			r = m ? exec(ctx, s, m) : ys_error(ctx, YS_ENOMEM, "内存不足");
			free(m);
			if (!r) {
				char sql[64];
				snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
				r = exec(ctx, s, sql);
			}
		}
	}
	if (r) {
		exec(NULL, s, "ROLLBACK");
		return r;
	}
	return exec(ctx, s, "COMMIT");
}

static ys_result sq_open(ys_ctx *ctx, const char *path, ys_store **out)
{
	sq_store *s = calloc(1, sizeof *s);
	if (!s)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	s->base.ops = &ys_store_sqlite_ops;
	s->path = strdup(path);
	if (!s->path) {
		free(s);
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	}
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		ys_result r = ys_error(ctx, sq_code(s->db), "%s：无法打开数据库：%s", path,
		                       s->db ? sqlite3_errmsg(s->db) : "内存不足");
		sq_close(&s->base);
		return r;
	}
	sqlite3_busy_timeout(s->db, 10000);
	/* Several processes opening a new database at once: the switch to WAL
	 * and the schema's creation can be refused "database is locked" at
	 * once, without the busy handler (SQLite returns SQLITE_BUSY where
	 * waiting could deadlock).  Each step is whole or not done, so the open
	 * is tried again, for as long as the busy handler would have waited. */
	ys_result r;
	for (int tries = 0;; tries++) {
		s->busy = 0;
		r = exec(ctx, s, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL");
		if (!r)
			r = prepare_schema(ctx, s);
		if (!r || !(s->busy || (sqlite3_errcode(s->db) & 0xff) == SQLITE_BUSY) || tries >= 500)
			break;
		struct timespec nap = { 0, 20 * 1000 * 1000 };
		nanosleep(&nap, NULL);
		if (ctx)
			ys_ctx_init(ctx);
	}
	if (r) {
		sq_close(&s->base);
		return r;
	}
	s->version = user_version(s);
	*out = &s->base;
	return YS_OK;
}

static int sq_schema_version(const ys_store *base)
{
	return ((const sq_store *)base)->version;
}

/* ---- save ---- */

typedef struct stmts {
	sqlite3_stmt *doc, *table, *header, *row, *cell;
} stmts;

static void finalize_all(stmts *q)
{
	sqlite3_finalize(q->doc);
	sqlite3_finalize(q->table);
	sqlite3_finalize(q->header);
	sqlite3_finalize(q->row);
	sqlite3_finalize(q->cell);
}

static int step_reset(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static ys_result save_tables(ys_ctx *ctx, sq_store *s, stmts *q, const ys_doc *doc, int64_t id)
{
	for (int seq = 0; seq < doc->ntables; seq++) {
		const ys_table *t = doc->tables[doc->order[seq]];
		int tid = (int)t->def->id;
		sqlite3_stmt *st = q->table;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, tid);
		sqlite3_bind_int(st, 3, seq);
		sqlite3_bind_text(st, 4, t->title, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, t->numbering, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 6, t->number);
		sqlite3_bind_int(st, 7, t->line);
		sqlite3_bind_int(st, 8, (int)t->unit);
		sqlite3_bind_int(st, 9, t->unit_line);
		sqlite3_bind_text(st, 10, t->unit_text, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 11, t->subtitle, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 12, t->end_line);
		sqlite3_bind_int(st, 13, t->page);
		if (step_reset(st))
			return db_error(ctx, s, "保存表");
		for (int h = 0; h < t->nheaders; h++) {
			ys_buf b = YS_BUF_INIT;
			ys_hrow_join(&t->headers[h], &b);
			st = q->header;
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_int(st, 2, tid);
			sqlite3_bind_int(st, 3, h);
			sqlite3_bind_int(st, 4, t->headers[h].line);
			sqlite3_bind_int(st, 5, t->headers[h].before);
			if (b.oom) {
				/* the row's text could not be made: no database error */
				ys_buf_release(&b);
				return ys_error(ctx, YS_ENOMEM, "%s：保存表头行：内存不足", s->path);
			}
			/* static: b lives until the step is done and the bindings cleared;
			 * a copy (SQLITE_TRANSIENT) could fail unseen and store NULL */
			sqlite3_bind_text(st, 6, b.s, (int)b.len, SQLITE_STATIC);
			int bad = step_reset(st);
			ys_buf_release(&b);
			if (bad)
				return db_error(ctx, s, "保存表头行");
		}
		for (int r = 0; r < t->nrows; r++) {
			const ys_row *row = &t->rows[r];
			st = q->row;
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_int(st, 2, tid);
			sqlite3_bind_int(st, 3, r);
			sqlite3_bind_int(st, 4, row->line);
			sqlite3_bind_int(st, 5, row->kind);
			sqlite3_bind_int(st, 6, row->shape);
			sqlite3_bind_int(st, 7, row->block);
			sqlite3_bind_int(st, 8, row->fixed[0]);
			sqlite3_bind_int(st, 9, row->fixed[1]);
			sqlite3_bind_int(st, 10, row->page);
			sqlite3_bind_int(st, 11, row->project);
			if (step_reset(st))
				return db_error(ctx, s, "保存行");
			for (int c = 0; c < t->def->ncols; c++) {
				const ys_cell *cell = &row->cells[c];
				if (!cell->line && ys_cell_blank(cell))
					continue;
				st = q->cell;
				sqlite3_bind_int64(st, 1, id);
				sqlite3_bind_int(st, 2, tid);
				sqlite3_bind_int(st, 3, r);
				sqlite3_bind_int(st, 4, c);
				sqlite3_bind_text(st, 5, cell->text, -1, SQLITE_STATIC);
				if (cell->amt.present)
					sqlite3_bind_int64(st, 6, cell->amt.fen);
				else
					sqlite3_bind_null(st, 6);
				sqlite3_bind_int(st, 7, cell->amt.dp);
				sqlite3_bind_int(st, 8, cell->line);
				sqlite3_bind_int(st, 9, cell->col);
				if (step_reset(st))
					return db_error(ctx, s, "保存单元格");
			}
		}
	}
	return YS_OK;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : "";
}

static ys_result prep(ys_ctx *ctx, sq_store *s, const char *sql, sqlite3_stmt **st);

/* The rest of a document of any layout: the general reader's tables with
 * their columns, the text outside the tables, the titles not read. */
static ys_result save_rest(ys_ctx *ctx, sq_store *s, const ys_doc *doc, int64_t id)
{
	sqlite3_stmt *ot = NULL, *oc = NULL, *orow = NULL, *ocell = NULL, *pr = NULL, *un = NULL;
	ys_result r = YS_OK;
	if (prep(ctx, s, "INSERT INTO otable(disclosure_id, idx, title, kind, code, name, numbering, number, page, line, "
	                 "end_line, unit, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", &ot) ||
	    prep(ctx, s, "INSERT INTO ocolumn(disclosure_id, tidx, col, cid, label, kind) VALUES (?,?,?,?,?,?)", &oc) ||
	    prep(ctx, s, "INSERT INTO orow(disclosure_id, tidx, idx, line, kind, page) VALUES (?,?,?,?,?,?)", &orow) ||
	    prep(ctx, s, "INSERT INTO ocell(disclosure_id, tidx, row, col, text, fen, dp, line, colno) "
	                 "VALUES (?,?,?,?,?,?,?,?,?)", &ocell) ||
	    prep(ctx, s, "INSERT INTO dprose(disclosure_id, idx, text, line, page) VALUES (?,?,?,?,?)", &pr) ||
	    prep(ctx, s, "INSERT INTO dunread(disclosure_id, idx, title, line, page, why) VALUES (?,?,?,?,?,?)", &un)) {
		r = ctx->code;
		goto done;
	}
	for (int i = 0; i < doc->nothers && !r; i++) {
		const ys_table *t = doc->others[i];
		const ys_tabledef *d = t->def;
		sqlite3_bind_int64(ot, 1, id);
		sqlite3_bind_int(ot, 2, i);
		sqlite3_bind_text(ot, 3, t->title ? t->title : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(ot, 4, t->kind ? t->kind : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(ot, 5, d->code ? d->code : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(ot, 6, d->title ? d->title : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(ot, 7, t->numbering ? t->numbering : "", -1, SQLITE_STATIC);
		sqlite3_bind_int(ot, 8, t->number);
		sqlite3_bind_int(ot, 9, t->page);
		sqlite3_bind_int(ot, 10, t->line);
		sqlite3_bind_int(ot, 11, t->end_line);
		sqlite3_bind_int(ot, 12, (int)t->unit);
		if (t->note)
			sqlite3_bind_text(ot, 13, t->note, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(ot, 13);
		if (step_reset(ot)) {
			r = db_error(ctx, s, "保存表");
			break;
		}
		for (int c = 0; c < d->ncols && !r; c++) {
			sqlite3_bind_int64(oc, 1, id);
			sqlite3_bind_int(oc, 2, i);
			sqlite3_bind_int(oc, 3, c);
			sqlite3_bind_text(oc, 4, d->cols[c].id ? d->cols[c].id : "", -1, SQLITE_STATIC);
			sqlite3_bind_text(oc, 5, d->cols[c].label ? d->cols[c].label : "", -1, SQLITE_STATIC);
			sqlite3_bind_int(oc, 6, (int)d->cols[c].kind);
			if (step_reset(oc))
				r = db_error(ctx, s, "保存列");
		}
		for (int k = 0; k < t->nrows && !r; k++) {
			const ys_row *row = &t->rows[k];
			sqlite3_bind_int64(orow, 1, id);
			sqlite3_bind_int(orow, 2, i);
			sqlite3_bind_int(orow, 3, k);
			sqlite3_bind_int(orow, 4, row->line);
			sqlite3_bind_int(orow, 5, row->kind);
			sqlite3_bind_int(orow, 6, row->page);
			if (step_reset(orow)) {
				r = db_error(ctx, s, "保存行");
				break;
			}
			for (int c = 0; c < d->ncols && !r; c++) {
				const ys_cell *cell = &row->cells[c];
				if (!cell->line && ys_cell_blank(cell))
					continue;
				sqlite3_bind_int64(ocell, 1, id);
				sqlite3_bind_int(ocell, 2, i);
				sqlite3_bind_int(ocell, 3, k);
				sqlite3_bind_int(ocell, 4, c);
				sqlite3_bind_text(ocell, 5, cell->text, -1, SQLITE_STATIC);
				if (cell->amt.present)
					sqlite3_bind_int64(ocell, 6, cell->amt.fen);
				else
					sqlite3_bind_null(ocell, 6);
				sqlite3_bind_int(ocell, 7, cell->amt.dp);
				sqlite3_bind_int(ocell, 8, cell->line);
				sqlite3_bind_int(ocell, 9, cell->col);
				if (step_reset(ocell))
					r = db_error(ctx, s, "保存单元格");
			}
		}
	}
	for (int i = 0; i < doc->nprose && !r; i++) {
		sqlite3_bind_int64(pr, 1, id);
		sqlite3_bind_int(pr, 2, i);
		sqlite3_bind_text(pr, 3, doc->prose[i].text ? doc->prose[i].text : "", -1, SQLITE_STATIC);
		sqlite3_bind_int(pr, 4, doc->prose[i].line);
		sqlite3_bind_int(pr, 5, doc->prose[i].page);
		if (step_reset(pr))
			r = db_error(ctx, s, "保存正文");
	}
	for (int i = 0; i < doc->nunread && !r; i++) {
		sqlite3_bind_int64(un, 1, id);
		sqlite3_bind_int(un, 2, i);
		sqlite3_bind_text(un, 3, doc->unread[i].title ? doc->unread[i].title : "", -1, SQLITE_STATIC);
		sqlite3_bind_int(un, 4, doc->unread[i].line);
		sqlite3_bind_int(un, 5, doc->unread[i].page);
		sqlite3_bind_text(un, 6, doc->unread[i].why ? doc->unread[i].why : "", -1, SQLITE_STATIC);
		if (step_reset(un))
			r = db_error(ctx, s, "保存未读出的表题");
	}
done:
	sqlite3_finalize(ot);
	sqlite3_finalize(oc);
	sqlite3_finalize(orow);
	sqlite3_finalize(ocell);
	sqlite3_finalize(pr);
	sqlite3_finalize(un);
	return r;
}

/* Write doc inside the caller's transaction; hash: its file's SHA-256,
 * or NULL. */
static ys_result save_doc_body(ys_ctx *ctx, sq_store *s, const ys_doc *doc, const char *hash, int64_t *id)
{
	stmts q = { 0 };
	ys_result r = YS_OK;
	if (sqlite3_prepare_v2(s->db,
	                       "INSERT INTO disclosure(file, department, year, encoding, file_sha256, paged, unit) VALUES (?,?,?,?,?,?,?)",
	                       -1, &q.doc, NULL) ||
	    sqlite3_prepare_v2(s->db,
	                       "INSERT INTO dtable(disclosure_id, tid, seq, title, numbering, number, line, unit, "
	                       "unit_line, unit_text, subtitle, end_line, page) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
	                       -1, &q.table, NULL) ||
	    sqlite3_prepare_v2(s->db,
	                       "INSERT INTO dheader(disclosure_id, tid, idx, line, before, cells) VALUES (?,?,?,?,?,?)",
	                       -1, &q.header, NULL) ||
	    sqlite3_prepare_v2(s->db,
	                       "INSERT INTO drow(disclosure_id, tid, idx, line, kind, shape, block, fixed0, fixed1, "
	                       "page, project) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
	                       -1, &q.row, NULL) ||
	    sqlite3_prepare_v2(s->db,
	                       "INSERT INTO dcell(disclosure_id, tid, row, col, text, fen, dp, line, colno) "
	                       "VALUES (?,?,?,?,?,?,?,?,?)",
	                       -1, &q.cell, NULL)) {
		r = db_error(ctx, s, "准备导入");
		goto fail;
	}
	sqlite3_bind_text(q.doc, 1, doc->file, -1, SQLITE_STATIC);
	sqlite3_bind_text(q.doc, 2, doc->department, -1, SQLITE_STATIC);
	sqlite3_bind_int(q.doc, 3, doc->year);
	sqlite3_bind_text(q.doc, 4, ys_encoding_name(doc->encoding), -1, SQLITE_STATIC);
	sqlite3_bind_text(q.doc, 5, hash ? hash : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(q.doc, 6, doc->paged);
	sqlite3_bind_int(q.doc, 7, (int)doc->unit);
	if (step_reset(q.doc)) {
		r = db_error(ctx, s, "保存公开文件");
		goto fail;
	}
	int64_t did = sqlite3_last_insert_rowid(s->db);
	if ((r = save_tables(ctx, s, &q, doc, did)) || (r = save_rest(ctx, s, doc, did)))
		goto fail;
	*id = did;
fail:
	finalize_all(&q);
	return r;
}

/* A disclosure imported from a file of this hash, inside the caller's
 * transaction: refused, or with replace deleted (its tables, rows and cells
 * go with it; a budget compiled into it keeps its detail). */
static ys_result same_file(ys_ctx *ctx, sq_store *s, const ys_doc *doc, const char *hash, int replace,
                           int64_t *replaced)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
	                       "SELECT id, file, imported_at FROM disclosure WHERE file_sha256 = ? ORDER BY id DESC LIMIT 1",
	                       -1, &st, NULL))
		return db_error(ctx, s, "读取");
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	ys_result r = YS_OK;
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		r = db_error(ctx, s, "读取"); /* not "no such file stored": that would store it twice */
	} else if (rc == SQLITE_ROW) {
		int64_t old = sqlite3_column_int64(st, 0);
		if (!replace) {
			r = ys_error(ctx, YS_EREFUSED,
			             "%s 与已导入的公开表 %lld（%s，导入于 %s）内容相同（文件的 SHA-256 一样）：未重复导入；"
			             "要替换它请加 --replace",
			             doc->file, (long long)old, col_text(st, 1), col_text(st, 2));
		} else {
			*replaced = old;
		}
	}
	sqlite3_finalize(st);
	if (r || !*replaced)
		return r;
	if (sqlite3_prepare_v2(s->db, "DELETE FROM disclosure WHERE file_sha256 = ?", -1, &st, NULL))
		return db_error(ctx, s, "替换");
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		r = db_error(ctx, s, "替换已存的公开文件");
	sqlite3_finalize(st);
	return r;
}

/* The file disclosure did was read from, inside the caller's transaction. */
static ys_result save_original(ys_ctx *ctx, sq_store *s, int64_t did, const ys_store_orig *o)
{
	sqlite3_stmt *st;
	if (o->len > (size_t)INT_MAX)
		return ys_error(ctx, YS_ELIMIT, "原文件超过 %d 字节，无法保存", INT_MAX);
	if (sqlite3_prepare_v2(s->db, "INSERT INTO doc_original(disclosure_id, media, size, bytes) VALUES (?,?,?,?)", -1,
	                       &st, NULL))
		return db_error(ctx, s, "准备保存原文件");
	sqlite3_bind_int64(st, 1, did);
	sqlite3_bind_text(st, 2, o->media, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (int64_t)o->len);
	sqlite3_bind_blob(st, 4, o->data, (int)o->len, SQLITE_STATIC);
	ys_result r = sqlite3_step(st) == SQLITE_DONE ? YS_OK : db_error(ctx, s, "保存原文件");
	sqlite3_finalize(st);
	return r;
}

static ys_result sq_save_doc(ys_ctx *ctx, ys_store *base, const ys_doc *doc, const char *hash, int replace,
                             const ys_store_orig *orig, int64_t *id, int64_t *replaced)
{
	sq_store *s = (sq_store *)base;
	*replaced = 0;
	int64_t did = 0;
	ys_result r;
	if (s->in_tx) { /* inside ys_store_transact: the caller's transaction */
		if ((!hash || !(r = same_file(ctx, s, doc, hash, replace, replaced))) &&
		    !(r = save_doc_body(ctx, s, doc, hash, &did)) && (!orig || !(r = save_original(ctx, s, did, orig))))
			*id = did;
		return r;
	}
	if ((r = exec(ctx, s, "BEGIN IMMEDIATE")))
		return r;
	if ((!hash || !(r = same_file(ctx, s, doc, hash, replace, replaced))) &&
	    !(r = save_doc_body(ctx, s, doc, hash, &did)) && (!orig || !(r = save_original(ctx, s, did, orig))) &&
	    !(r = exec(ctx, s, "COMMIT"))) {
		*id = did;
		return YS_OK;
	}
	*replaced = 0;
	exec(NULL, s, "ROLLBACK");
	return r;
}

/* ---- load ---- */

static ys_result sq_load_original(ys_ctx *ctx, ys_store *base, int64_t id, ys_buf *out, char *media)
{
	sq_store *s = (sq_store *)base;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT media, bytes FROM doc_original WHERE disclosure_id = ?", -1, &st, NULL))
		return db_error(ctx, s, "读取原文件");
	sqlite3_bind_int64(st, 1, id);
	ys_result r = YS_OK;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const void *b = sqlite3_column_blob(st, 1);
		int n = sqlite3_column_bytes(st, 1);
		snprintf(media, YS_MEDIA_MAX, "%s", col_text(st, 0));
		ys_buf_add(out, b ? b : "", (size_t)(n > 0 ? n : 0));
		if (out->oom)
			r = ys_error(ctx, YS_ENOMEM, "内存不足");
	} else if (rc == SQLITE_DONE) {
		r = ys_error(ctx, YS_ENOTFOUND, "文档 %lld 没有保存原文件", (long long)id);
	} else {
		r = db_error(ctx, s, "读取原文件");
	}
	sqlite3_finalize(st);
	return r;
}

static ys_result oom(ys_ctx *ctx)
{
	return ys_error(ctx, YS_ENOMEM, "内存不足");
}

/* The general reader's tables, the text outside the tables and the titles
 * not read (save_rest's), into doc. */
static ys_result load_rest(ys_ctx *ctx, sq_store *s, int64_t id, ys_doc *doc)
{
	sqlite3_stmt *st = NULL;
	ys_result r = YS_OK;
	ys_arena *A = &doc->arena;
	/* tables, with their column and row counts */
	if (prep(ctx, s, "SELECT idx, title, kind, code, name, numbering, number, page, line, end_line, unit, note,"
	                 " (SELECT count(*) FROM ocolumn c WHERE c.disclosure_id = t.disclosure_id AND c.tidx = t.idx),"
	                 " (SELECT count(*) FROM orow w WHERE w.disclosure_id = t.disclosure_id AND w.tidx = t.idx)"
	                 " FROM otable t WHERE disclosure_id = ? ORDER BY idx", &st))
		return ctx->code;
	sqlite3_bind_int64(st, 1, id);
	while (!r && sqlite3_step(st) == SQLITE_ROW) {
		int idx = sqlite3_column_int(st, 0), ncols = sqlite3_column_int(st, 12), nrows = sqlite3_column_int(st, 13);
		if (idx != doc->nothers || ncols < 0 || ncols > YS_ROW_CELLS_MAX || nrows < 0 || nrows > YS_TABLE_ROWS_MAX) {
			r = ys_error(ctx, YS_ESTORE, "%s：公开表 %lld 的其他版式表 %d 不完整", s->path, (long long)id, idx);
			break;
		}
		ys_table **v = realloc(doc->others, sizeof *v * (size_t)(doc->nothers + 1));
		ys_table *t = ys_arena_alloc(A, sizeof *t);
		ys_tabledef *d = ys_arena_alloc(A, sizeof *d);
		ys_coldef *cols = ys_arena_alloc(A, sizeof *cols * (size_t)(ncols ? ncols : 1));
		if (v)
			doc->others = v;
		if (!v || !t || !d || !cols) {
			r = oom(ctx);
			break;
		}
		d->id = YS_NTABLES;
		d->code = ys_arena_strdup(A, col_text(st, 3));
		d->title = ys_arena_strdup(A, col_text(st, 4));
		d->aliases = d->headwords = "";
		d->ncols = ncols;
		d->cols = cols;
		d->npanels = 1;
		d->rowkey = YS_RK_GENERAL;
		d->dp = 2;
		t->def = d;
		t->title = ys_arena_strdup(A, col_text(st, 1));
		t->kind = ys_arena_strdup(A, col_text(st, 2));
		d->derive = t->kind;
		t->numbering = ys_arena_strdup(A, col_text(st, 5));
		t->number = sqlite3_column_int(st, 6);
		t->page = sqlite3_column_int(st, 7);
		t->line = sqlite3_column_int(st, 8);
		t->end_line = sqlite3_column_int(st, 9);
		t->unit = (ys_unit)sqlite3_column_int(st, 10);
		t->note = sqlite3_column_type(st, 11) == SQLITE_NULL ? NULL : ys_arena_strdup(A, col_text(st, 11));
		t->unit_text = t->subtitle = "";
		t->nrows = nrows;
		t->rows = calloc((size_t)(nrows ? nrows : 1), sizeof *t->rows);
		doc->others[doc->nothers++] = t;
		if (!t->rows || !d->code || !d->title || !t->title || !t->kind || !t->numbering) {
			r = oom(ctx);
			break;
		}
		for (int i = 0; i < nrows && !r; i++) {
			ys_row *row = &t->rows[i];
			row->cells = ys_arena_alloc(A, sizeof *row->cells * (size_t)(ncols ? ncols : 1));
			if (!row->cells) {
				r = oom(ctx);
				break;
			}
			for (int c = 0; c < ncols; c++)
				row->cells[c].text = "";
			row->shape = -1;
			row->fixed[0] = row->fixed[1] = -1;
			row->project = -1;
		}
	}
	sqlite3_finalize(st);
	st = NULL;
	/* their columns, rows and cells */
	if (!r && !prep(ctx, s, "SELECT tidx, col, cid, label, kind FROM ocolumn WHERE disclosure_id = ?", &st)) {
		sqlite3_bind_int64(st, 1, id);
		while (!r && sqlite3_step(st) == SQLITE_ROW) {
			int ti = sqlite3_column_int(st, 0), c = sqlite3_column_int(st, 1);
			if (ti < 0 || ti >= doc->nothers || c < 0 || c >= doc->others[ti]->def->ncols) {
				r = ys_error(ctx, YS_ESTORE, "%s：公开表 %lld 有一列不属于任何表", s->path, (long long)id);
				break;
			}
			ys_coldef *cd = (ys_coldef *)&doc->others[ti]->def->cols[c];
			cd->id = ys_arena_strdup(A, col_text(st, 2));
			cd->label = ys_arena_strdup(A, col_text(st, 3));
			cd->kind = (ys_colkind)sqlite3_column_int(st, 4);
			if (!cd->id || !cd->label)
				r = oom(ctx);
		}
	} else if (!r) {
		r = ctx->code;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (!r && !prep(ctx, s, "SELECT tidx, idx, line, kind, page FROM orow WHERE disclosure_id = ?", &st)) {
		sqlite3_bind_int64(st, 1, id);
		while (!r && sqlite3_step(st) == SQLITE_ROW) {
			int ti = sqlite3_column_int(st, 0), k = sqlite3_column_int(st, 1);
			if (ti < 0 || ti >= doc->nothers || k < 0 || k >= doc->others[ti]->nrows) {
				r = ys_error(ctx, YS_ESTORE, "%s：公开表 %lld 有一行不属于任何表", s->path, (long long)id);
				break;
			}
			ys_row *row = &doc->others[ti]->rows[k];
			row->line = sqlite3_column_int(st, 2);
			row->kind = (unsigned char)sqlite3_column_int(st, 3);
			row->page = (short)sqlite3_column_int(st, 4);
		}
	} else if (!r) {
		r = ctx->code;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (!r && !prep(ctx, s, "SELECT tidx, row, col, text, fen, dp, line, colno FROM ocell WHERE disclosure_id = ?",
	                &st)) {
		sqlite3_bind_int64(st, 1, id);
		while (!r && sqlite3_step(st) == SQLITE_ROW) {
			int ti = sqlite3_column_int(st, 0), k = sqlite3_column_int(st, 1), c = sqlite3_column_int(st, 2);
			if (ti < 0 || ti >= doc->nothers || k < 0 || k >= doc->others[ti]->nrows || c < 0 ||
			    c >= doc->others[ti]->def->ncols) {
				r = ys_error(ctx, YS_ESTORE, "%s：公开表 %lld 有一个单元格不属于任何表", s->path, (long long)id);
				break;
			}
			ys_cell *cell = &doc->others[ti]->rows[k].cells[c];
			cell->text = ys_arena_strdup(A, col_text(st, 3));
			if (!cell->text) {
				r = oom(ctx);
				break;
			}
			if (sqlite3_column_type(st, 4) != SQLITE_NULL) {
				cell->amt.fen = sqlite3_column_int64(st, 4);
				cell->amt.present = 1;
			}
			cell->amt.dp = (unsigned char)sqlite3_column_int(st, 5);
			cell->line = sqlite3_column_int(st, 6);
			cell->col = sqlite3_column_int(st, 7);
		}
	} else if (!r) {
		r = ctx->code;
	}
	sqlite3_finalize(st);
	st = NULL;
	/* the text outside the tables, and the titles not read */
	if (!r && !prep(ctx, s, "SELECT text, line, page FROM dprose WHERE disclosure_id = ? ORDER BY idx", &st)) {
		sqlite3_bind_int64(st, 1, id);
		while (!r && sqlite3_step(st) == SQLITE_ROW) {
			if (doc->nprose % 256 == 0) {
				ys_textline *v = realloc(doc->prose, sizeof *v * (size_t)(doc->nprose + 256));
				if (!v) {
					r = oom(ctx);
					break;
				}
				doc->prose = v;
			}
			const char *text = ys_arena_strdup(A, col_text(st, 0));
			if (!text) {
				r = oom(ctx);
				break;
			}
			doc->prose[doc->nprose++] = (ys_textline){ text, sqlite3_column_int(st, 1), sqlite3_column_int(st, 2) };
		}
	} else if (!r) {
		r = ctx->code;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (!r && !prep(ctx, s, "SELECT title, line, page, why FROM dunread WHERE disclosure_id = ? ORDER BY idx", &st)) {
		sqlite3_bind_int64(st, 1, id);
		while (!r && sqlite3_step(st) == SQLITE_ROW) {
			ys_unread *v = realloc(doc->unread, sizeof *v * (size_t)(doc->nunread + 1));
			if (!v) {
				r = oom(ctx);
				break;
			}
			doc->unread = v;
			const char *title = ys_arena_strdup(A, col_text(st, 0)), *why = ys_arena_strdup(A, col_text(st, 3));
			if (!title || !why) {
				r = oom(ctx);
				break;
			}
			v[doc->nunread++] = (ys_unread){ title, sqlite3_column_int(st, 1), sqlite3_column_int(st, 2), why };
		}
	} else if (!r) {
		r = ctx->code;
	}
	sqlite3_finalize(st);
	return r;
}

static ys_result sq_load_doc(ys_ctx *ctx, ys_store *base, int64_t id, ys_doc **out)
{
	sq_store *s = (sq_store *)base;
	sqlite3_stmt *st = NULL;
	ys_doc *doc = NULL;
	ys_result r = YS_OK;
	*out = NULL;
	if ((r = exec(ctx, s, "BEGIN")))
		return r;
	if (sqlite3_prepare_v2(s->db, "SELECT file, department, year, encoding, paged, unit FROM disclosure WHERE id = ?",
	                       -1, &st, NULL)) {
		r = db_error(ctx, s, "读取");
		goto done;
	}
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		r = ys_error(ctx, YS_ENOTFOUND, "%s：没有编号为 %lld 的公开文件", s->path, (long long)id);
		goto done;
	}
	doc = ys_doc_new(col_text(st, 0));
	if (!doc) {
		r = ys_error(ctx, YS_ENOMEM, "内存不足");
		goto done;
	}
	doc->department = ys_arena_strdup(&doc->arena, col_text(st, 1));
	doc->year = sqlite3_column_int(st, 2);
	doc->encoding = !strcmp(col_text(st, 3), "GB18030") ? YS_ENC_GB18030
	                : !strcmp(col_text(st, 3), "UTF-8 with BOM") ? YS_ENC_UTF8_BOM : YS_ENC_UTF8;
	doc->paged = sqlite3_column_int(st, 4);
	doc->unit = (ys_unit)sqlite3_column_int(st, 5);
	sqlite3_finalize(st);
	st = NULL;

	/* tables */
	if (sqlite3_prepare_v2(s->db,
	                       "SELECT tid, title, numbering, number, line, unit, unit_line, unit_text, subtitle, end_line, page,"
	                       " (SELECT count(*) FROM drow r WHERE r.disclosure_id = t.disclosure_id AND r.tid = t.tid),"
	                       " (SELECT count(*) FROM dheader h WHERE h.disclosure_id = t.disclosure_id AND h.tid = t.tid)"
	                       " FROM dtable t WHERE disclosure_id = ? ORDER BY seq",
	                       -1, &st, NULL)) {
		r = db_error(ctx, s, "读取表");
		goto done;
	}
	sqlite3_bind_int64(st, 1, id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int tid = sqlite3_column_int(st, 0);
		const ys_tabledef *def = ys_table_def((ys_tid)tid);
		if (!def || doc->tables[tid]) {
			r = ys_error(ctx, YS_ESTORE, "%s：公开文件 %lld 含有无效的表号 %d", s->path, (long long)id, tid);
			goto done;
		}
		ys_table *t = ys_arena_alloc(&doc->arena, sizeof *t);
		if (!t) {
			r = ys_error(ctx, YS_ENOMEM, "内存不足");
			goto done;
		}
		t->def = def;
		t->title = ys_arena_strdup(&doc->arena, col_text(st, 1));
		t->numbering = ys_arena_strdup(&doc->arena, col_text(st, 2));
		t->number = sqlite3_column_int(st, 3);
		t->line = sqlite3_column_int(st, 4);
		t->unit = (ys_unit)sqlite3_column_int(st, 5);
		t->unit_line = sqlite3_column_int(st, 6);
		t->unit_text = ys_arena_strdup(&doc->arena, col_text(st, 7));
		t->subtitle = ys_arena_strdup(&doc->arena, col_text(st, 8));
		t->end_line = sqlite3_column_int(st, 9);
		t->page = sqlite3_column_int(st, 10);
		t->nrows = sqlite3_column_int(st, 11);
		t->nheaders = sqlite3_column_int(st, 12);
		t->rows = calloc((size_t)(t->nrows ? t->nrows : 1), sizeof *t->rows);
		t->headers = calloc((size_t)(t->nheaders ? t->nheaders : 1), sizeof *t->headers);
		doc->tables[tid] = t;
		doc->order[doc->ntables++] = tid;
		if (!t->rows || !t->headers) {
			r = ys_error(ctx, YS_ENOMEM, "内存不足");
			goto done;
		}
		for (int i = 0; i < t->nrows; i++) {
			t->rows[i].cells = ys_arena_alloc(&doc->arena, sizeof(ys_cell) * (size_t)def->ncols);
			if (!t->rows[i].cells) {
				r = ys_error(ctx, YS_ENOMEM, "内存不足");
				goto done;
			}
			for (int c = 0; c < def->ncols; c++)
				t->rows[i].cells[c].text = "";
		}
	}
	sqlite3_finalize(st);
	st = NULL;

	/* rows */
	if (sqlite3_prepare_v2(s->db,
	                       "SELECT tid, idx, line, kind, shape, block, fixed0, fixed1, page, project FROM drow "
	                       "WHERE disclosure_id = ?",
	                       -1, &st, NULL)) {
		r = db_error(ctx, s, "读取行");
		goto done;
	}
	sqlite3_bind_int64(st, 1, id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int tid = sqlite3_column_int(st, 0), idx = sqlite3_column_int(st, 1);
		ys_table *t = tid >= 0 && tid < YS_NTABLES ? doc->tables[tid] : NULL;
		if (!t || idx < 0 || idx >= t->nrows) {
			r = ys_error(ctx, YS_ESTORE, "%s：公开文件 %lld 有一行不属于它的任何一张表", s->path, (long long)id);
			goto done;
		}
		ys_row *row = &t->rows[idx];
		row->line = sqlite3_column_int(st, 2);
		row->kind = (unsigned char)sqlite3_column_int(st, 3);
		row->shape = (signed char)sqlite3_column_int(st, 4);
		row->block = (short)sqlite3_column_int(st, 5);
		row->fixed[0] = (short)sqlite3_column_int(st, 6);
		row->fixed[1] = (short)sqlite3_column_int(st, 7);
		row->page = (short)sqlite3_column_int(st, 8);
		row->project = (short)sqlite3_column_int(st, 9);
	}
	sqlite3_finalize(st);
	st = NULL;

	/* cells */
	if (sqlite3_prepare_v2(s->db, "SELECT tid, row, col, text, fen, dp, line, colno FROM dcell WHERE disclosure_id = ?",
	                       -1, &st, NULL)) {
		r = db_error(ctx, s, "读取单元格");
		goto done;
	}
	sqlite3_bind_int64(st, 1, id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int tid = sqlite3_column_int(st, 0), ri = sqlite3_column_int(st, 1), ci = sqlite3_column_int(st, 2);
		ys_table *t = tid >= 0 && tid < YS_NTABLES ? doc->tables[tid] : NULL;
		if (!t || ri < 0 || ri >= t->nrows || ci < 0 || ci >= t->def->ncols) {
			r = ys_error(ctx, YS_ESTORE, "%s：公开文件 %lld 有一个单元格不属于它的任何一张表", s->path,
			             (long long)id);
			goto done;
		}
		ys_cell *cell = &t->rows[ri].cells[ci];
		cell->text = ys_arena_strdup(&doc->arena, col_text(st, 3));
		if (sqlite3_column_type(st, 4) != SQLITE_NULL) {
			cell->amt.fen = sqlite3_column_int64(st, 4);
			cell->amt.present = 1;
		}
		cell->amt.dp = (unsigned char)sqlite3_column_int(st, 5);
		cell->line = sqlite3_column_int(st, 6);
		cell->col = sqlite3_column_int(st, 7);
	}
	sqlite3_finalize(st);
	st = NULL;

	/* header rows */
	if (sqlite3_prepare_v2(s->db, "SELECT tid, idx, line, before, cells FROM dheader WHERE disclosure_id = ?", -1, &st,
	                       NULL)) {
		r = db_error(ctx, s, "读取表头行");
		goto done;
	}
	sqlite3_bind_int64(st, 1, id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int tid = sqlite3_column_int(st, 0), idx = sqlite3_column_int(st, 1);
		ys_table *t = tid >= 0 && tid < YS_NTABLES ? doc->tables[tid] : NULL;
		if (!t || idx < 0 || idx >= t->nheaders) {
			r = ys_error(ctx, YS_ESTORE, "%s：公开文件 %lld 有一行表头不属于它的任何一张表", s->path,
			             (long long)id);
			goto done;
		}
		ys_hrow *h = &t->headers[idx];
		h->line = sqlite3_column_int(st, 2);
		h->before = sqlite3_column_int(st, 3);
		if (ys_hrow_split(h, &doc->arena, col_text(st, 4))) {
			r = ys_error(ctx, YS_ENOMEM, "内存不足");
			goto done;
		}
	}
	sqlite3_finalize(st);
	st = NULL;
	r = load_rest(ctx, s, id, doc);
done:
	sqlite3_finalize(st);
	exec(NULL, s, "COMMIT");
	if (r) {
		ys_doc_free(doc);
		return r;
	}
	*out = doc;
	return YS_OK;
}

static ys_result sq_latest_doc(ys_ctx *ctx, ys_store *base, int64_t *id)
{
	sq_store *s = (sq_store *)base;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT max(id) FROM disclosure", -1, &st, NULL))
		return db_error(ctx, s, "读取");
	ys_result r = YS_OK;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		*id = sqlite3_column_int64(st, 0);
	else
		r = ys_error(ctx, YS_ENOTFOUND, "%s：还没有存入公开文件（yusuan import FILE --db %s）", s->path,
		             s->path);
	sqlite3_finalize(st);
	return r;
}

static ys_result sq_list_docs(ys_ctx *ctx, ys_store *base, int (*fn)(const ys_doc_info *, void *), void *arg)
{
	sq_store *s = (sq_store *)base;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
	                       "SELECT id, file, department, year, imported_at,"
	                       " (SELECT count(*) FROM dtable t WHERE t.disclosure_id = d.id)"
	                       " + (SELECT count(*) FROM otable o WHERE o.disclosure_id = d.id), file_sha256"
	                       " FROM disclosure d ORDER BY id DESC",
	                       -1, &st, NULL))
		return db_error(ctx, s, "列出");
	while (sqlite3_step(st) == SQLITE_ROW) {
		ys_doc_info info;
		memset(&info, 0, sizeof info);
		info.id = sqlite3_column_int64(st, 0);
		snprintf(info.file, sizeof info.file, "%s", col_text(st, 1));
		snprintf(info.department, sizeof info.department, "%s", col_text(st, 2));
		info.year = sqlite3_column_int(st, 3);
		snprintf(info.imported_at, sizeof info.imported_at, "%s", col_text(st, 4));
		info.ntables = sqlite3_column_int(st, 5);
		snprintf(info.hash, sizeof info.hash, "%s", col_text(st, 6));
		if (fn(&info, arg))
			break;
	}
	sqlite3_finalize(st);
	return YS_OK;
}

/* ---- detailed budgets ---- */

static ys_result run(ys_ctx *ctx, sq_store *s, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? YS_OK : db_error(ctx, s, what);
}

static ys_result prep(ys_ctx *ctx, sq_store *s, const char *sql, sqlite3_stmt **st)
{
	return sqlite3_prepare_v2(s->db, sql, -1, st, NULL) == SQLITE_OK ? YS_OK : db_error(ctx, s, "准备语句");
}

static void bind_pos(sqlite3_stmt *st, int col, ys_store_files *f, ys_pos p)
{
	sqlite3_bind_int(st, col, ys_store_file_id(f, p.file));
	sqlite3_bind_int(st, col + 1, p.line);
}

static ys_result save_indicators(ys_ctx *ctx, sq_store *s, sqlite3_stmt *st, int64_t id, int project,
                                 const ys_indicator *in, int n, ys_store_files *f)
{
	ys_result r = YS_OK;
	for (int i = 0; i < n && !r; i++) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, project);
		sqlite3_bind_int(st, 3, i);
		const char *t[7] = { in[i].l1, in[i].l2, in[i].l3, in[i].op, in[i].value, in[i].unit, in[i].activity };
		for (int k = 0; k < 7; k++)
			sqlite3_bind_text(st, 4 + k, t[k] ? t[k] : "", -1, SQLITE_STATIC);
		bind_pos(st, 11, f, in[i].pos);
		r = run(ctx, s, st, "保存绩效指标");
	}
	return r;
}

static ys_result save_budget_body(ys_ctx *ctx, sq_store *s, const ys_budget *b, const char *source, int64_t did,
                                  int64_t *id)
{
	sqlite3_stmt *st = NULL;
	ys_result r;
	ys_store_files f = { { 0 }, 0 };
	char sangong[96];
	snprintf(sangong, sizeof sangong, "%lld,%lld,%lld,%lld", (long long)b->sangong_abroad,
	         (long long)b->sangong_reception, (long long)b->sangong_car_buy, (long long)b->sangong_car_run);
	if ((r = prep(ctx, s,
	              "INSERT INTO budget(department, year, source, perf_unit, perf_goal, perf_notes, sangong, "
	              "disclosure_id) VALUES (?,?,?,?,?,?,?,?)",
	              &st)))
		return r;
	sqlite3_bind_text(st, 1, b->department, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, b->year);
	sqlite3_bind_text(st, 3, source ? source : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, b->perf_unit, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, b->perf_goal, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, b->perf_notes, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, sangong, -1, SQLITE_STATIC);
	if (did > 0)
		sqlite3_bind_int64(st, 8, did);
	else
		sqlite3_bind_null(st, 8);
	r = run(ctx, s, st, "保存预算");
	sqlite3_finalize(st);
	if (r)
		return r;
	int64_t bid = sqlite3_last_insert_rowid(s->db);

	/* units */
	if ((r = prep(ctx, s, "INSERT INTO bunit VALUES (?,?,?,?,?,?)", &st)))
		return r;
	for (int i = 0; i < b->nunits && !r; i++) {
		sqlite3_bind_int64(st, 1, bid);
		sqlite3_bind_int(st, 2, i);
		sqlite3_bind_text(st, 3, b->units[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, b->units[i].type);
		bind_pos(st, 5, &f, b->units[i].pos);
		r = run(ctx, s, st, "保存单位");
	}
	sqlite3_finalize(st);
	/* income and carry-over */
	if (!r && !(r = prep(ctx, s, "INSERT INTO bincome VALUES (?,?,?,?,?,?)", &st))) {
		for (int c = 0; c < 2 && !r; c++)
			for (int k = 0; k < (c ? 5 : 9) && !r; k++) {
				int64_t v = c ? b->carry[k] : b->income[k];
				ys_pos p = c ? b->carry_pos[k] : b->income_pos[k];
				if (!v && !p.line)
					continue;
				sqlite3_bind_int64(st, 1, bid);
				sqlite3_bind_int(st, 2, c);
				sqlite3_bind_int(st, 3, k);
				sqlite3_bind_int64(st, 4, v);
				bind_pos(st, 5, &f, p);
				r = run(ctx, s, st, "保存收入");
			}
		sqlite3_finalize(st);
	}
	/* projects and indicators */
	if (!r && !(r = prep(ctx, s, "INSERT INTO bproject VALUES (?,?,?,?,?,?,?,?,?)", &st))) {
		for (int i = 0; i < b->nprojects && !r; i++) {
			const ys_project *p = &b->projects[i];
			sqlite3_bind_int64(st, 1, bid);
			sqlite3_bind_int(st, 2, i);
			sqlite3_bind_text(st, 3, p->code, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 4, p->name, -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 5, p->unit);
			sqlite3_bind_int(st, 6, p->disclosed);
			sqlite3_bind_text(st, 7, p->goal ? p->goal : "", -1, SQLITE_STATIC);
			bind_pos(st, 8, &f, p->pos);
			r = run(ctx, s, st, "保存项目");
		}
		sqlite3_finalize(st);
	}
	if (!r && !(r = prep(ctx, s, "INSERT INTO bindicator VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", &st))) {
		for (int i = 0; i < b->nprojects && !r; i++)
			r = save_indicators(ctx, s, st, bid, i, b->projects[i].ind, b->projects[i].nind, &f);
		if (!r)
			r = save_indicators(ctx, s, st, bid, -1, b->perf, b->nperf, &f);
		sqlite3_finalize(st);
	}
	/* items */
	if (!r && !(r = prep(ctx, s, "INSERT INTO bitem VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", &st))) {
		for (size_t i = 0; i < b->nitems && !r; i++) {
			const ys_item *it = &b->items[i];
			sqlite3_bind_int64(st, 1, bid);
			sqlite3_bind_int64(st, 2, (int64_t)i);
			sqlite3_bind_int(st, 3, it->unit);
			sqlite3_bind_text(st, 4, it->func, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 5, it->econ, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 6, it->gov, -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 7, it->fund);
			sqlite3_bind_int(st, 8, it->carry);
			sqlite3_bind_int(st, 9, it->kind);
			sqlite3_bind_int(st, 10, it->cls);
			sqlite3_bind_int(st, 11, it->flags);
			sqlite3_bind_int(st, 12, it->project);
			sqlite3_bind_int64(st, 13, it->amount);
			bind_pos(st, 14, &f, it->pos);
			r = run(ctx, s, st, "保存明细");
		}
		sqlite3_finalize(st);
	}
	/* procurement, services, printed names */
	if (!r && !(r = prep(ctx, s, "INSERT INTO bother VALUES (?,?,?,?,?,?,?,?,?)", &st))) {
		for (int i = 0; i < b->nprocurement && !r; i++) {
			const ys_procurement *p = &b->procurement[i];
			char cat[2] = { p->category, 0 };
			sqlite3_bind_int64(st, 1, bid);
			sqlite3_bind_text(st, 2, "procurement", -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 3, i);
			sqlite3_bind_text(st, 4, cat, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 5, p->name ? p->name : "", -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 6, "", -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 7, p->amount);
			bind_pos(st, 8, &f, p->pos);
			r = run(ctx, s, st, "保存政府采购");
		}
		for (int i = 0; i < b->nservices && !r; i++) {
			const ys_service *v = &b->services[i];
			sqlite3_bind_int64(st, 1, bid);
			sqlite3_bind_text(st, 2, "service", -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 3, i);
			sqlite3_bind_text(st, 4, v->l1 ? v->l1 : "", -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 5, v->l2 ? v->l2 : "", -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 6, v->l3 ? v->l3 : "", -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 7, v->amount);
			bind_pos(st, 8, &f, v->pos);
			r = run(ctx, s, st, "保存政府购买服务");
		}
		for (int i = 0; i < b->nnames && !r; i++) {
			const ys_codename *n = &b->names[i];
			char kind[8];
			snprintf(kind, sizeof kind, "%d", n->kind);
			sqlite3_bind_int64(st, 1, bid);
			sqlite3_bind_text(st, 2, "codename", -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 3, i);
			sqlite3_bind_text(st, 4, kind, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 5, n->code, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 6, n->name, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 7, 0);
			bind_pos(st, 8, &f, n->pos);
			r = run(ctx, s, st, "保存科目名称");
		}
		sqlite3_finalize(st);
	}
	/* the files named by the records */
	if (!r && !(r = prep(ctx, s, "INSERT INTO bfile VALUES (?,?,?)", &st))) {
		for (int i = 0; i < f.n && !r; i++) {
			sqlite3_bind_int64(st, 1, bid);
			sqlite3_bind_int(st, 2, i);
			sqlite3_bind_text(st, 3, f.path[i], -1, SQLITE_STATIC);
			r = run(ctx, s, st, "保存文件名");
		}
		sqlite3_finalize(st);
	}
	if (!r)
		*id = bid;
	return r;
}

static ys_result sq_save_budget(ys_ctx *ctx, ys_store *base, const ys_budget *b, const char *source,
                                const ys_doc *doc, int64_t *id)
{
	sq_store *s = (sq_store *)base;
	ys_result r = exec(ctx, s, "BEGIN IMMEDIATE");
	if (r)
		return r;
	int64_t did = 0, bid = 0;
	if ((!doc || !(r = save_doc_body(ctx, s, doc, NULL, &did))) && !(r = save_budget_body(ctx, s, b, source, did, &bid)) &&
	    !(r = exec(ctx, s, "COMMIT"))) {
		*id = bid;
		return YS_OK;
	}
	exec(NULL, s, "ROLLBACK");
	return r;
}

static const char *adup(ys_budget *b, sqlite3_stmt *st, int col)
{
	return ys_arena_strdup(&b->arena, col_text(st, col));
}

static ys_result sq_load_budget(ys_ctx *ctx, ys_store *base, int64_t id, ys_budget **out)
{
	sq_store *s = (sq_store *)base;
	sqlite3_stmt *st = NULL;
	ys_result r;
	*out = NULL;
	if ((r = exec(ctx, s, "BEGIN")))
		return r;
	ys_budget *b = NULL;
	const char *paths[64] = { 0 };
	if ((r = prep(ctx, s, "SELECT department, year, perf_unit, perf_goal, perf_notes, sangong FROM budget WHERE id = ?",
	              &st)))
		goto done;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		r = ys_error(ctx, YS_ENOTFOUND, "%s：没有编号为 %lld 的预算", s->path, (long long)id);
		goto done;
	}
	b = ys_budget_new(col_text(st, 0), sqlite3_column_int(st, 1));
	if (!b) {
		r = ys_error(ctx, YS_ENOMEM, "内存不足");
		goto done;
	}
	b->perf_unit = adup(b, st, 2);
	b->perf_goal = adup(b, st, 3);
	b->perf_notes = adup(b, st, 4);
	long long sg[4] = { -1, -1, -1, -1 };
	sscanf(col_text(st, 5), "%lld,%lld,%lld,%lld", &sg[0], &sg[1], &sg[2], &sg[3]);
	b->sangong_abroad = sg[0];
	b->sangong_reception = sg[1];
	b->sangong_car_buy = sg[2];
	b->sangong_car_run = sg[3];
	sqlite3_finalize(st);
	st = NULL;

#define LOOP(sql)                                                                   \
	if ((r = prep(ctx, s, sql, &st)))                                           \
		goto done;                                                          \
	sqlite3_bind_int64(st, 1, id);                                              \
	while (sqlite3_step(st) == SQLITE_ROW)
#define POS(col) ((ys_pos){ paths[sqlite3_column_int(st, col) & 63], sqlite3_column_int(st, (col) + 1) })
#define END_LOOP                 \
	sqlite3_finalize(st);    \
	st = NULL

	LOOP("SELECT id, path FROM bfile WHERE budget_id = ? ORDER BY id")
	{
		int k = sqlite3_column_int(st, 0);
		if (k >= 0 && k < 64)
			paths[k] = adup(b, st, 1);
	}
	END_LOOP;
	for (int k = 0; k < 64; k++)
		if (!paths[k])
			paths[k] = "";

	size_t cap = 0;
	LOOP("SELECT name, type, file, line FROM bunit WHERE budget_id = ? ORDER BY idx")
	{
		if (ys_grow((void **)&b->units, &cap, (size_t)b->nunits + 1, sizeof *b->units)) {
			r = ys_error(ctx, YS_ENOMEM, "内存不足");
			goto done;
		}
		ys_bunit *u = &b->units[b->nunits++];
		u->name = adup(b, st, 0);
		u->type = (ys_unittype)sqlite3_column_int(st, 1);
		u->pos = POS(2);
	}
	END_LOOP;
	LOOP("SELECT carry, source, amount, file, line FROM bincome WHERE budget_id = ?")
	{
		int c = sqlite3_column_int(st, 0), k = sqlite3_column_int(st, 1);
		if (k < 0 || k >= (c ? 5 : 9))
			continue;
		(c ? b->carry : b->income)[k] = sqlite3_column_int64(st, 2);
		(c ? b->carry_pos : b->income_pos)[k] = POS(3);
	}
	END_LOOP;
	cap = 0;
	LOOP("SELECT code, name, unit, disclosed, goal, file, line FROM bproject WHERE budget_id = ? ORDER BY idx")
	{
		if (ys_grow((void **)&b->projects, &cap, (size_t)b->nprojects + 1, sizeof *b->projects)) {
			r = ys_error(ctx, YS_ENOMEM, "内存不足");
			goto done;
		}
		ys_project *p = &b->projects[b->nprojects++];
		memset(p, 0, sizeof *p);
		p->code = adup(b, st, 0);
		p->name = adup(b, st, 1);
		p->unit = sqlite3_column_int(st, 2);
		p->disclosed = sqlite3_column_int(st, 3);
		p->goal = adup(b, st, 4);
		p->pos = POS(5);
	}
	END_LOOP;
	LOOP("SELECT project, l1, l2, l3, op, value, unit, activity, file, line FROM bindicator WHERE budget_id = ? "
	     "ORDER BY project, idx")
	{
		int p = sqlite3_column_int(st, 0);
		ys_indicator **arr;
		int *n;
		if (p < 0) {
			arr = &b->perf;
			n = &b->nperf;
		} else if (p < b->nprojects) {
			arr = &b->projects[p].ind;
			n = &b->projects[p].nind;
		} else {
			continue;
		}
		ys_indicator *na = realloc(*arr, sizeof *na * (size_t)(*n + 1));
		if (!na) {
			r = ys_error(ctx, YS_ENOMEM, "内存不足");
			goto done;
		}
		*arr = na;
		ys_indicator *in = &na[(*n)++];
		in->l1 = adup(b, st, 1);
		in->l2 = adup(b, st, 2);
		in->l3 = adup(b, st, 3);
		in->op = adup(b, st, 4);
		in->value = adup(b, st, 5);
		in->unit = adup(b, st, 6);
		in->activity = adup(b, st, 7);
		in->pos = POS(8);
	}
	END_LOOP;
	cap = 0;
	LOOP("SELECT unit, func, econ, gov, fund, carry, kind, cls, flags, project, amount, file, line FROM bitem "
	     "WHERE budget_id = ? ORDER BY idx")
	{
		if (ys_grow((void **)&b->items, &cap, b->nitems + 1, sizeof *b->items)) {
			r = ys_error(ctx, YS_ENOMEM, "内存不足");
			goto done;
		}
		ys_item *it = &b->items[b->nitems++];
		memset(it, 0, sizeof *it);
		it->unit = sqlite3_column_int(st, 0);
		snprintf(it->func, sizeof it->func, "%s", col_text(st, 1));
		snprintf(it->econ, sizeof it->econ, "%s", col_text(st, 2));
		snprintf(it->gov, sizeof it->gov, "%s", col_text(st, 3));
		it->fund = (unsigned char)sqlite3_column_int(st, 4);
		it->carry = (unsigned char)sqlite3_column_int(st, 5);
		it->kind = (unsigned char)sqlite3_column_int(st, 6);
		it->cls = (unsigned char)sqlite3_column_int(st, 7);
		it->flags = (unsigned char)sqlite3_column_int(st, 8);
		it->project = sqlite3_column_int(st, 9);
		it->amount = sqlite3_column_int64(st, 10);
		it->pos = POS(11);
		if (it->unit < 0 || it->unit >= b->nunits || it->project >= b->nprojects || it->fund >= YS_NFUNDS) {
			r = ys_error(ctx, YS_ESTORE, "%s：预算 %lld 有一条明细引用的单位、项目或资金来源不存在", s->path,
			             (long long)id);
			goto done;
		}
	}
	END_LOOP;
	size_t pc = 0, sc = 0, nc = 0;
	LOOP("SELECT kind, a, b, c, amount, file, line FROM bother WHERE budget_id = ? ORDER BY kind, idx")
	{
		const char *kind = col_text(st, 0);
		if (!strcmp(kind, "procurement")) {
			if (ys_grow((void **)&b->procurement, &pc, (size_t)b->nprocurement + 1, sizeof *b->procurement)) {
				r = ys_error(ctx, YS_ENOMEM, "内存不足");
				goto done;
			}
			ys_procurement *p = &b->procurement[b->nprocurement++];
			p->category = col_text(st, 1)[0];
			p->name = adup(b, st, 2);
			p->amount = sqlite3_column_int64(st, 4);
			p->pos = POS(5);
		} else if (!strcmp(kind, "service")) {
			if (ys_grow((void **)&b->services, &sc, (size_t)b->nservices + 1, sizeof *b->services)) {
				r = ys_error(ctx, YS_ENOMEM, "内存不足");
				goto done;
			}
			ys_service *v = &b->services[b->nservices++];
			v->l1 = adup(b, st, 1);
			v->l2 = adup(b, st, 2);
			v->l3 = adup(b, st, 3);
			v->amount = sqlite3_column_int64(st, 4);
			v->pos = POS(5);
		} else if (!strcmp(kind, "codename")) {
			if (ys_grow((void **)&b->names, &nc, (size_t)b->nnames + 1, sizeof *b->names)) {
				r = ys_error(ctx, YS_ENOMEM, "内存不足");
				goto done;
			}
			ys_codename *n = &b->names[b->nnames++];
			memset(n, 0, sizeof *n);
			n->kind = atoi(col_text(st, 1));
			snprintf(n->code, sizeof n->code, "%s", col_text(st, 2));
			n->name = adup(b, st, 3);
			n->pos = POS(5);
		}
	}
	END_LOOP;
#undef LOOP
#undef POS
#undef END_LOOP
	r = YS_OK;
done:
	sqlite3_finalize(st);
	exec(NULL, s, "COMMIT");
	if (r) {
		ys_budget_free(b);
		return r;
	}
	*out = b;
	return YS_OK;
}

static ys_result sq_latest_budget(ys_ctx *ctx, ys_store *base, int64_t *id)
{
	sq_store *s = (sq_store *)base;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT max(id) FROM budget", -1, &st, NULL))
		return db_error(ctx, s, "读取");
	ys_result r = YS_OK;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		*id = sqlite3_column_int64(st, 0);
	else
		r = ys_error(ctx, YS_ENOTFOUND, "%s：还没有存入预算（yusuan build DIR --db %s）", s->path, s->path);
	sqlite3_finalize(st);
	return r;
}

/* ---- queries over the dataset views ---- */

#define SELECT_COLS_MAX 64

static ys_result sq_select(ys_ctx *ctx, ys_store *base, const char *sql, const ys_value *params, int nparams,
                           int (*fn)(const ys_value *row, int ncols, void *arg), void *arg)
{
	sq_store *s = (sq_store *)base;
	sqlite3_stmt *st;
	const char *tail = NULL;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, &tail) != SQLITE_OK)
		return db_error(ctx, s, "查询");
	ys_result r = YS_OK;
	while (tail && (*tail == ' ' || *tail == '\n' || *tail == '\t' || *tail == ';'))
		tail++;
	if (!st || !sqlite3_stmt_readonly(st) || (tail && *tail))
		r = ys_error(ctx, YS_EINVAL, "%s：只能运行一条只读的查询（SELECT）", s->path);
	int ncols = st ? sqlite3_column_count(st) : 0;
	if (!r && (ncols < 1 || ncols > SELECT_COLS_MAX))
		r = ys_error(ctx, YS_EINVAL, "%s：查询应有 1 到 %d 列", s->path, SELECT_COLS_MAX);
	for (int i = 0; !r && i < nparams; i++) {
		int rc = params[i].type == YS_V_INT    ? sqlite3_bind_int64(st, i + 1, params[i].i)
		         : params[i].type == YS_V_TEXT ? sqlite3_bind_text(st, i + 1, params[i].s, -1, SQLITE_STATIC)
		                                       : sqlite3_bind_null(st, i + 1);
		if (rc != SQLITE_OK)
			r = db_error(ctx, s, "查询的参数");
	}
	ys_value row[SELECT_COLS_MAX];
	int rc = SQLITE_DONE;
	while (!r && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int c = 0; c < ncols; c++) {
			int t = sqlite3_column_type(st, c);
			row[c].i = 0;
			row[c].s = NULL;
			if (t == SQLITE_NULL) {
				row[c].type = YS_V_NULL;
			} else if (t == SQLITE_INTEGER) {
				row[c].type = YS_V_INT;
				row[c].i = sqlite3_column_int64(st, c);
			} else {
				row[c].type = YS_V_TEXT;
				row[c].s = col_text(st, c);
			}
		}
		if (fn(row, ncols, arg))
			break;
	}
	if (!r && rc != SQLITE_ROW && rc != SQLITE_DONE)
		r = db_error(ctx, s, "查询");
	sqlite3_finalize(st);
	return r;
}

/* ---- the server's writes ---- */

static ys_result sq_exec(ys_ctx *ctx, ys_store *base, const char *sql, const ys_value *params, int nparams,
                         int64_t *changes, int64_t *last_id)
{
	sq_store *s = (sq_store *)base;
	sqlite3_stmt *st;
	const char *tail = NULL;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, &tail) != SQLITE_OK)
		return db_error(ctx, s, "写入");
	ys_result r = YS_OK;
	while (tail && (*tail == ' ' || *tail == '\n' || *tail == '\t' || *tail == ';'))
		tail++;
	if (!st || (tail && *tail))
		r = ys_error(ctx, YS_EINVAL, "%s：只能运行一条语句", s->path);
	else if (sqlite3_bind_parameter_count(st) != nparams)
		r = ys_error(ctx, YS_EINVAL, "%s：语句有 %d 个参数位置（?），给出了 %d 个值", s->path,
		             sqlite3_bind_parameter_count(st), nparams);
	for (int i = 0; !r && i < nparams; i++) {
		int rc = params[i].type == YS_V_INT    ? sqlite3_bind_int64(st, i + 1, params[i].i)
		         : params[i].type == YS_V_TEXT ? sqlite3_bind_text(st, i + 1, params[i].s, -1, SQLITE_STATIC)
		                                       : sqlite3_bind_null(st, i + 1);
		if (rc != SQLITE_OK)
			r = db_error(ctx, s, "语句的参数");
	}
	int64_t first = 0, rows = 0;
	int rc = SQLITE_DONE;
	while (!r && (rc = sqlite3_step(st)) == SQLITE_ROW)
		if (rows++ == 0 && sqlite3_column_count(st) > 0)
			first = sqlite3_column_int64(st, 0);
	if (!r && rc != SQLITE_DONE) {
		r = db_error(ctx, s, "写入");
		if ((sqlite3_extended_errcode(s->db) & 0xff) == SQLITE_CONSTRAINT) {
			r = YS_EREFUSED;
			if (ctx)
				ctx->code = r;
		}
	}
	if (!r) {
		*changes = rows ? rows : sqlite3_changes(s->db);
		*last_id = rows ? first : sqlite3_last_insert_rowid(s->db);
	}
	sqlite3_finalize(st);
	return r;
}

static ys_result sq_transact(ys_ctx *ctx, ys_store *base, ys_result (*fn)(ys_ctx *, ys_store *, void *), void *arg)
{
	sq_store *s = (sq_store *)base;
	if (s->in_tx)
		return ys_error(ctx, YS_EINVAL, "%s：事务不能嵌套", s->path);
	ys_result r = exec(ctx, s, "BEGIN IMMEDIATE");
	if (r)
		return r;
	s->in_tx = 1;
	r = fn(ctx, base, arg);
	s->in_tx = 0;
	if (!r && !(r = exec(ctx, s, "COMMIT")))
		return YS_OK;
	exec(NULL, s, "ROLLBACK");
	return r;
}

const ys_store_ops ys_store_sqlite_ops = {
	"sqlite",      sq_open,        sq_close,       sq_schema_version, sq_save_doc,    sq_load_doc,
	sq_latest_doc, sq_list_docs,   sq_save_budget, sq_load_budget,    sq_latest_budget, sq_select,
	sq_exec,       sq_transact,    sq_load_original,
};
