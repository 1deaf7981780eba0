/*
 * store/pg.c - the shared PostgreSQL store (libpq), for several yusuan
 * processes on one database.
 *
 * The schema is SQLite's (schema.sql) in PostgreSQL's dialect, made from it
 * at build time by scripts/schema-pg.sh, in the first schema of the
 * connection's search_path (normally "public"); the version is meta's row
 * 'schema_version'.  SQL goes only through prepared statements: values
 * travel as parameters, never inside the SQL.  Every write is one
 * transaction; its many inserts are sent in libpq's pipeline mode, a batch
 * of rows per round trip.
 *
 * Several processes at once:
 *  - creating or migrating the schema holds an advisory lock for the
 *    transaction, so one process does it and the others find it done;
 *  - an import holds an advisory lock on its file's SHA-256, so two imports
 *    of the same file cannot both find it "not stored yet";
 *  - ids come from identity columns: distinct whoever inserts;
 *  - a load reads in one REPEATABLE READ READ ONLY transaction (one
 *    snapshot), so a replace meanwhile cannot show it half a disclosure;
 *  - a write the server aborts as a deadlock or serialization failure is
 *    run again from the start (the document is in memory), a few times.
 */
#include <libpq-fe.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* Advisory lock classes (the first key of pg_advisory_xact_lock(int, int)):
 * "ys" and a number, unlikely to meet another program's locks. */
#define LOCK_SCHEMA 0x79730001
#define LOCK_IMPORT 0x79730002

/* Rows sent before their results are read (pipeline mode); small enough
 * that neither side's socket buffer fills while the other waits. */
#define PIPE_BATCH 256
/* Times a write is tried when the server aborts it as a deadlock or a
 * serialization failure. */
#define WRITE_TRIES 5

/* The prepared statements, by number: "ys<number>" on the connection. */
enum {
	Q_VERSION_SET,
	Q_LOCK,
	Q_DOC,
	Q_TABLE,
	Q_HEADER,
	Q_ROW,
	Q_CELL,
	Q_OTABLE,
	Q_OCOLUMN,
	Q_OROW,
	Q_OCELL,
	Q_PROSE,
	Q_UNREAD,
	Q_SAME,
	Q_DELETE_SAME,
	Q_LOAD_DOC,
	Q_LOAD_TABLES,
	Q_LOAD_ROWS,
	Q_LOAD_CELLS,
	Q_LOAD_HEADERS,
	Q_LOAD_OTABLES,
	Q_LOAD_OCOLUMNS,
	Q_LOAD_OROWS,
	Q_LOAD_OCELLS,
	Q_LOAD_PROSE,
	Q_LOAD_UNREAD,
	Q_LATEST_DOC,
	Q_LIST,
	Q_BUDGET,
	Q_BUNIT,
	Q_BINCOME,
	Q_BPROJECT,
	Q_BINDICATOR,
	Q_BITEM,
	Q_BOTHER,
	Q_BFILE,
	Q_LOAD_BUDGET,
	Q_LOAD_BFILE,
	Q_LOAD_BUNIT,
	Q_LOAD_BINCOME,
	Q_LOAD_BPROJECT,
	Q_LOAD_BINDICATOR,
	Q_LOAD_BITEM,
	Q_LOAD_BOTHER,
	Q_LATEST_BUDGET,
	Q_SCHEMA_STATE,
	Q_VERSION_GET,
	Q_ORIGINAL,
	Q_LOAD_ORIGINAL,
	NQ
};

static const char *const sql_of[NQ] = {
	[Q_VERSION_SET] = "INSERT INTO meta(key, value) VALUES ('schema_version', $1)"
	                  " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	[Q_LOCK] = "SELECT pg_advisory_xact_lock($1::integer, $2::integer)",
	[Q_DOC] = "INSERT INTO disclosure(file, department, year, encoding, file_sha256, paged, unit)"
	          " VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
	[Q_TABLE] = "INSERT INTO dtable(disclosure_id, tid, seq, title, numbering, number, line, unit, unit_line,"
	            " unit_text, subtitle, end_line, page) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
	[Q_HEADER] = "INSERT INTO dheader(disclosure_id, tid, idx, line, before, cells) VALUES ($1, $2, $3, $4, $5, $6)",
	[Q_ROW] = "INSERT INTO drow(disclosure_id, tid, idx, line, kind, shape, block, fixed0, fixed1, page, project)"
	          " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
	[Q_CELL] = "INSERT INTO dcell(disclosure_id, tid, row, col, text, fen, dp, line, colno)"
	           " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
	[Q_OTABLE] = "INSERT INTO otable(disclosure_id, idx, title, kind, code, name, numbering, number, page, line,"
	             " end_line, unit, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
	[Q_OCOLUMN] = "INSERT INTO ocolumn(disclosure_id, tidx, col, cid, label, kind) VALUES ($1, $2, $3, $4, $5, $6)",
	[Q_OROW] = "INSERT INTO orow(disclosure_id, tidx, idx, line, kind, page) VALUES ($1, $2, $3, $4, $5, $6)",
	[Q_OCELL] = "INSERT INTO ocell(disclosure_id, tidx, row, col, text, fen, dp, line, colno)"
	            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
	[Q_PROSE] = "INSERT INTO dprose(disclosure_id, idx, text, line, page) VALUES ($1, $2, $3, $4, $5)",
	[Q_UNREAD] = "INSERT INTO dunread(disclosure_id, idx, title, line, page, why) VALUES ($1, $2, $3, $4, $5, $6)",
	[Q_SAME] = "SELECT id, file, imported_at FROM disclosure WHERE file_sha256 = $1 ORDER BY id DESC LIMIT 1",
	[Q_DELETE_SAME] = "DELETE FROM disclosure WHERE file_sha256 = $1",
	[Q_LOAD_DOC] = "SELECT file, department, year, encoding, paged, unit FROM disclosure WHERE id = $1",
	[Q_LOAD_TABLES] = "SELECT tid, title, numbering, number, line, unit, unit_line, unit_text, subtitle, end_line, page,"
	                  " (SELECT count(*) FROM drow r WHERE r.disclosure_id = t.disclosure_id AND r.tid = t.tid),"
	                  " (SELECT count(*) FROM dheader h WHERE h.disclosure_id = t.disclosure_id AND h.tid = t.tid)"
	                  " FROM dtable t WHERE disclosure_id = $1 ORDER BY seq",
	[Q_LOAD_ROWS] = "SELECT tid, idx, line, kind, shape, block, fixed0, fixed1, page, project FROM drow"
	                " WHERE disclosure_id = $1",
	[Q_LOAD_CELLS] = "SELECT tid, row, col, text, fen, dp, line, colno FROM dcell WHERE disclosure_id = $1",
	[Q_LOAD_HEADERS] = "SELECT tid, idx, line, before, cells FROM dheader WHERE disclosure_id = $1",
	[Q_LOAD_OTABLES] = "SELECT idx, title, kind, code, name, numbering, number, page, line, end_line, unit, note,"
	                   " (SELECT count(*) FROM ocolumn c WHERE c.disclosure_id = t.disclosure_id AND c.tidx = t.idx),"
	                   " (SELECT count(*) FROM orow w WHERE w.disclosure_id = t.disclosure_id AND w.tidx = t.idx)"
	                   " FROM otable t WHERE disclosure_id = $1 ORDER BY idx",
	[Q_LOAD_OCOLUMNS] = "SELECT tidx, col, cid, label, kind FROM ocolumn WHERE disclosure_id = $1",
	[Q_LOAD_OROWS] = "SELECT tidx, idx, line, kind, page FROM orow WHERE disclosure_id = $1",
	[Q_LOAD_OCELLS] = "SELECT tidx, row, col, text, fen, dp, line, colno FROM ocell WHERE disclosure_id = $1",
	[Q_LOAD_PROSE] = "SELECT text, line, page FROM dprose WHERE disclosure_id = $1 ORDER BY idx",
	[Q_LOAD_UNREAD] = "SELECT title, line, page, why FROM dunread WHERE disclosure_id = $1 ORDER BY idx",
	[Q_LATEST_DOC] = "SELECT max(id) FROM disclosure",
	[Q_LIST] = "SELECT id, file, department, year, imported_at,"
	           " (SELECT count(*) FROM dtable t WHERE t.disclosure_id = d.id)"
	           " + (SELECT count(*) FROM otable o WHERE o.disclosure_id = d.id), file_sha256"
	           " FROM disclosure d ORDER BY id DESC",
	[Q_BUDGET] = "INSERT INTO budget(department, year, source, perf_unit, perf_goal, perf_notes, sangong, disclosure_id)"
	             " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
	[Q_BUNIT] = "INSERT INTO bunit(budget_id, idx, name, type, file, line) VALUES ($1, $2, $3, $4, $5, $6)",
	[Q_BINCOME] = "INSERT INTO bincome(budget_id, carry, source, amount, file, line) VALUES ($1, $2, $3, $4, $5, $6)",
	[Q_BPROJECT] = "INSERT INTO bproject(budget_id, idx, code, name, unit, disclosed, goal, file, line)"
	               " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
	[Q_BINDICATOR] = "INSERT INTO bindicator(budget_id, project, idx, l1, l2, l3, op, value, unit, activity, file, line)"
	                 " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
	[Q_BITEM] = "INSERT INTO bitem(budget_id, idx, unit, func, econ, gov, fund, carry, kind, cls, flags, project,"
	            " amount, file, line) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
	[Q_BOTHER] = "INSERT INTO bother(budget_id, kind, idx, a, b, c, amount, file, line)"
	             " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
	[Q_BFILE] = "INSERT INTO bfile(budget_id, id, path) VALUES ($1, $2, $3)",
	[Q_LOAD_BUDGET] = "SELECT department, year, perf_unit, perf_goal, perf_notes, sangong FROM budget WHERE id = $1",
	[Q_LOAD_BFILE] = "SELECT id, path FROM bfile WHERE budget_id = $1 ORDER BY id",
	[Q_LOAD_BUNIT] = "SELECT name, type, file, line FROM bunit WHERE budget_id = $1 ORDER BY idx",
	[Q_LOAD_BINCOME] = "SELECT carry, source, amount, file, line FROM bincome WHERE budget_id = $1",
	[Q_LOAD_BPROJECT] = "SELECT code, name, unit, disclosed, goal, file, line FROM bproject WHERE budget_id = $1"
	                    " ORDER BY idx",
	[Q_LOAD_BINDICATOR] = "SELECT project, l1, l2, l3, op, value, unit, activity, file, line FROM bindicator"
	                      " WHERE budget_id = $1 ORDER BY project, idx",
	[Q_LOAD_BITEM] = "SELECT unit, func, econ, gov, fund, carry, kind, cls, flags, project, amount, file, line"
	                 " FROM bitem WHERE budget_id = $1 ORDER BY idx",
	[Q_LOAD_BOTHER] = "SELECT kind, a, b, c, amount, file, line FROM bother WHERE budget_id = $1 ORDER BY kind, idx",
	[Q_LATEST_BUDGET] = "SELECT max(id) FROM budget",
	/* whether the first schema of the search path has the table meta, and
	 * how many tables and views it has */
	[Q_SCHEMA_STATE] = "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
	                   " ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relname = 'meta'"
	                   " AND c.relkind IN ('r', 'p')),"
	                   " (SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
	                   " ON n.oid = c.relnamespace WHERE n.nspname = current_schema()"
	                   " AND c.relkind IN ('r', 'p', 'v', 'm', 'f'))",
	[Q_VERSION_GET] = "SELECT value FROM meta WHERE key = 'schema_version'",
	[Q_ORIGINAL] = "INSERT INTO doc_original(disclosure_id, media, size, bytes) VALUES ($1, $2, $3, $4)",
	[Q_LOAD_ORIGINAL] = "SELECT media, bytes FROM doc_original WHERE disclosure_id = $1",
};

typedef struct pg_store {
	ys_store base;
	PGconn *conn;
	char *name;               /* the URI without a password, for messages */
	int version;
	int retry;                /* the last error was a deadlock or serialization failure */
	int in_tx;                /* inside ys_store_transact */
	unsigned char prepared[NQ];
	int pending;              /* statements sent in pipeline mode, results not read */
	const char *what[PIPE_BATCH];
} pg_store;

/* ---- parameters: values as text, never in the SQL ---- */

#define NPARAMS_MAX 16

typedef struct args {
	int n;
	const char *v[NPARAMS_MAX];
	char num[NPARAMS_MAX][24];
} args;

static void a_int(args *a, int64_t x)
{
	snprintf(a->num[a->n], sizeof a->num[a->n], "%lld", (long long)x);
	a->v[a->n] = a->num[a->n];
	a->n++;
}

static void a_text(args *a, const char *s)
{
	a->v[a->n++] = s ? s : "";
}

static void a_null(args *a)
{
	a->v[a->n++] = NULL;
}

/* ---- results ---- */

static const char *txt(const PGresult *res, int row, int col)
{
	return PQgetvalue(res, row, col); /* "" for NULL */
}

/* An integer at *p (optional '-', digits), overflow-checked; *p moves
 * past it.  0 when there is none. */
static int parse_i64(const char **p, int64_t *out)
{
	const char *q = *p;
	int neg = *q == '-';
	q += neg;
	uint64_t v = 0;
	if (*q < '0' || *q > '9')
		return 0;
	for (; *q >= '0' && *q <= '9'; q++) {
		if (v > (UINT64_MAX - (uint64_t)(*q - '0')) / 10)
			return 0;
		v = v * 10 + (uint64_t)(*q - '0');
	}
	if (v > (uint64_t)INT64_MAX + neg)
		return 0;
	*out = neg ? (int64_t)(0 - v) : (int64_t)v;
	*p = q;
	return 1;
}

/* An integer column (0 when it is not one). */
static int64_t i64(const PGresult *res, int row, int col)
{
	const char *p = PQgetvalue(res, row, col);
	int64_t v;
	return parse_i64(&p, &v) && !*p ? v : 0;
}

static int i32(const PGresult *res, int row, int col)
{
	int64_t v = i64(res, row, col);
	return v < INT32_MIN || v > INT32_MAX ? 0 : (int)v;
}

/* ---- errors ---- */

static ys_result oom(ys_ctx *ctx)
{
	return ys_error(ctx, YS_ENOMEM, "内存不足");
}

/* The error of res (or of the connection) on ctx; notes whether running
 * the transaction again may succeed. */
static ys_result db_error(ys_ctx *ctx, pg_store *s, const char *what, const PGresult *res)
{
	const char *m = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	s->retry = state && (!strcmp(state, "40001") || !strcmp(state, "40P01"));
	if (!m || !*m)
		m = PQerrorMessage(s->conn);
	/* libpq's messages run over lines: one line here */
	char one[512];
	size_t n = 0;
	for (const char *p = m; *p && n < sizeof one - 1; p++) {
		if (*p == '\n' || *p == '\t') {
			if (n && one[n - 1] != ' ')
				one[n++] = ' ';
		} else {
			one[n++] = *p;
		}
	}
	while (n && one[n - 1] == ' ')
		n--;
	one[n] = '\0';
	return ys_error(ctx, YS_ESTORE, "%s：%s：%s", s->name, what, one);
}

/* uri without a password (user:PASSWORD@ in the authority, password=… in
 * the parameters), to name the database in messages. */
static char *redact(const char *uri)
{
	ys_buf b = YS_BUF_INIT;
	const char *p = strstr(uri, "://");
	p = p ? p + 3 : uri;
	ys_buf_add(&b, uri, (size_t)(p - uri));
	size_t auth = strcspn(p, "/?");
	const char *at = memchr(p, '@', auth);
	const char *colon = at ? memchr(p, ':', (size_t)(at - p)) : NULL;
	if (colon) {
		ys_buf_add(&b, p, (size_t)(colon - p));
		p = at;
	}
	while (*p) {
		const char *pw = strstr(p, "password=");
		if (!pw || (pw != p && pw[-1] != '?' && pw[-1] != '&' && pw[-1] != ' ')) {
			if (!pw) {
				ys_buf_adds(&b, p);
				break;
			}
			ys_buf_add(&b, p, (size_t)(pw + 9 - p));
			p = pw + 9;
			continue;
		}
		ys_buf_add(&b, p, (size_t)(pw + 9 - p));
		ys_buf_adds(&b, "***");
		p = pw + 9 + strcspn(pw + 9, "& ");
	}
	return ys_buf_detach(&b, NULL);
}

/* ---- running statements ---- */

static ys_result prepare(ys_ctx *ctx, pg_store *s, int q)
{
	if (s->prepared[q])
		return YS_OK;
	char name[16];
	snprintf(name, sizeof name, "ys%d", q);
	PGresult *res = PQprepare(s->conn, name, sql_of[q], 0, NULL);
	ys_result r = PQresultStatus(res) == PGRES_COMMAND_OK ? YS_OK : db_error(ctx, s, "准备语句", res);
	PQclear(res);
	if (!r)
		s->prepared[q] = 1;
	return r;
}

/* Run q and return its result (the caller PQclears it), or NULL with the
 * error on ctx. */
static PGresult *run(ys_ctx *ctx, pg_store *s, int q, const args *a, const char *what)
{
	if (prepare(ctx, s, q))
		return NULL;
	char name[16];
	snprintf(name, sizeof name, "ys%d", q);
	PGresult *res = PQexecPrepared(s->conn, name, a ? a->n : 0, a ? a->v : NULL, NULL, NULL, 0);
	ExecStatusType st = PQresultStatus(res);
	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
		return res;
	db_error(ctx, s, what, res);
	PQclear(res);
	return NULL;
}

static ys_result run_ok(ys_ctx *ctx, pg_store *s, int q, const args *a, const char *what)
{
	PGresult *res = run(ctx, s, q, a, what);
	PQclear(res);
	return res ? YS_OK : ctx->code;
}

/* A fixed command (BEGIN, COMMIT, the schema): no values in it. */
static ys_result exec(ys_ctx *ctx, pg_store *s, const char *sql, const char *what)
{
	PGresult *res = PQexec(s->conn, sql);
	/* a schema version's part may hold nothing for PostgreSQL (comments) */
	ys_result r = PQresultStatus(res) == PGRES_COMMAND_OK || PQresultStatus(res) == PGRES_TUPLES_OK ||
	                      PQresultStatus(res) == PGRES_EMPTY_QUERY
	              ? YS_OK
	              : db_error(ctx, s, what, res);
	PQclear(res);
	return r;
}

static void rollback(pg_store *s)
{
	PQclear(PQexec(s->conn, "ROLLBACK"));
}

/* ---- pipeline mode: many inserts, one round trip per batch ---- */

static ys_result pipe_begin(ys_ctx *ctx, pg_store *s, const int *qs, int nq)
{
	for (int i = 0; i < nq; i++)
		if (prepare(ctx, s, qs[i]))
			return ctx->code;
	s->pending = 0;
	return PQenterPipelineMode(s->conn) ? YS_OK : db_error(ctx, s, "进入流水线模式", NULL);
}

/* Read the results of what was sent; the first error is the one reported
 * (the server skips the rest of the batch after it). */
static ys_result pipe_drain(ys_ctx *ctx, pg_store *s)
{
	ys_result r = YS_OK;
	if (!PQpipelineSync(s->conn)) {
		s->pending = 0;
		return db_error(ctx, s, "发送", NULL);
	}
	int i = 0, nulls = 0;
	for (;;) {
		PGresult *res = PQgetResult(s->conn);
		if (!res) {
			/* one NULL ends each statement's results; more in a row
			 * only when the connection is gone */
			if (++nulls > 2 || PQstatus(s->conn) == CONNECTION_BAD) {
				if (!r)
					r = db_error(ctx, s, "读取结果", NULL);
				break;
			}
			continue;
		}
		nulls = 0;
		ExecStatusType st = PQresultStatus(res);
		if (st == PGRES_PIPELINE_SYNC) {
			PQclear(res);
			break;
		}
		if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && !r)
			r = db_error(ctx, s, i < s->pending ? s->what[i] : "写入", res);
		i++;
		PQclear(res);
	}
	s->pending = 0;
	return r;
}

/* Send q with a; its result is read by the batch's drain. */
static ys_result put(ys_ctx *ctx, pg_store *s, int q, const args *a, const char *what)
{
	char name[16];
	snprintf(name, sizeof name, "ys%d", q);
	if (!PQsendQueryPrepared(s->conn, name, a->n, a->v, NULL, NULL, 0))
		return db_error(ctx, s, what, NULL);
	s->what[s->pending++] = what;
	return s->pending == PIPE_BATCH ? pipe_drain(ctx, s) : YS_OK;
}

/* Drain what is left (unless r already failed) and leave pipeline mode. */
static ys_result pipe_end(ys_ctx *ctx, pg_store *s, ys_result r)
{
	ys_ctx scratch;
	ys_ctx_init(&scratch);
	ys_result d = pipe_drain(r ? &scratch : ctx, s);
	PQexitPipelineMode(s->conn);
	return r ? r : d;
}

/* ---- open, schema and versions ---- */

static void pg_close(ys_store *base)
{
	pg_store *s = (pg_store *)base;
	PQfinish(s->conn);
	free(s->name);
	free(s);
}

/* The schema version in the database: 0 when it has no yusuan schema yet,
 * -1 when it holds other tables (not a yusuan database), -2 on error. */
static int read_version(ys_ctx *ctx, pg_store *s)
{
	PGresult *res = run(ctx, s, Q_SCHEMA_STATE, NULL, "读取表结构版本");
	if (!res)
		return -2;
	int has_meta = !strcmp(txt(res, 0, 0), "t");
	int64_t ntables = i64(res, 0, 1);
	PQclear(res);
	if (!has_meta)
		return ntables ? -1 : 0;
	if (!(res = run(ctx, s, Q_VERSION_GET, NULL, "读取表结构版本")))
		return -2;
	int v = PQntuples(res) == 1 ? i32(res, 0, 0) : -1;
	PQclear(res);
	return v > 0 ? v : -1;
}

static ys_result set_version(ys_ctx *ctx, pg_store *s, int v)
{
	args a = { 0 };
	a_int(&a, v);
	return run_ok(ctx, s, Q_VERSION_SET, &a, "记录表结构版本");
}

static ys_result lock(ys_ctx *ctx, pg_store *s, int64_t cls, int64_t key)
{
	args a = { 0 };
	a_int(&a, cls);
	a_int(&a, key);
	return run_ok(ctx, s, Q_LOCK, &a, "加锁");
}

static ys_result version_refused(ys_ctx *ctx, pg_store *s, int v)
{
	if (v == -1)
		return ys_error(ctx, YS_ESTORE, "%s：不是 yusuan 的数据库（模式中已有别的表，却没有表结构版本）", s->name);
	return ys_error(ctx, YS_ESTORE, "%s：表结构版本 %d 是更新的 yusuan 写的（这个 yusuan 只认到版本 %d）", s->name, v,
	                YS_SCHEMA_VERSION);
}

/* Create the schema in an empty database, or migrate an older one, under
 * the schema lock: another process doing the same waits and then finds it
 * done. */
static ys_result prepare_schema(ys_ctx *ctx, pg_store *s)
{
	int v = read_version(ctx, s);
	if (v == -2)
		return ctx->code;
	if (v == YS_SCHEMA_VERSION)
		return YS_OK;
	if (v < 0 || v > YS_SCHEMA_VERSION)
		return version_refused(ctx, s, v);
	ys_result r = exec(ctx, s, "BEGIN", "开始事务");
	if (r)
		return r;
	if ((r = lock(ctx, s, LOCK_SCHEMA, 0)))
		goto fail;
	v = read_version(ctx, s);
	if (v == -2) {
		r = ctx->code;
		goto fail;
	}
	if (v < 0 || v > YS_SCHEMA_VERSION) {
		r = version_refused(ctx, s, v);
		goto fail;
	}
	if (v == 0)
		r = exec(ctx, s, ys_store_schema_pg_sql, "建立表结构");
	else
		for (; v < YS_SCHEMA_VERSION && !r; v++) {
			char *m = ys_store_schema_part(ys_store_schema_pg_sql, v + 1);
			r = m ? exec(ctx, s, m, "升级表结构") : oom(ctx);
			free(m);
		}
	if (r || (r = set_version(ctx, s, YS_SCHEMA_VERSION)) || (r = exec(ctx, s, "COMMIT", "提交")))
		goto fail;
	return YS_OK;
fail:
	rollback(s);
	return r;
}

static void quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

static ys_result pg_open(ys_ctx *ctx, const char *uri, ys_store **out)
{
	pg_store *s = calloc(1, sizeof *s);
	if (!s)
		return oom(ctx);
	s->base.ops = &ys_store_pg_ops;
	s->name = redact(uri);
	if (!s->name) {
		free(s);
		return oom(ctx);
	}
	/* before dbname: the URI may say otherwise; after it: always */
	const char *keys[] = { "connect_timeout", "fallback_application_name", "dbname", "client_encoding", NULL };
	const char *vals[] = { "10", "yusuan", uri, "UTF8", NULL };
	s->conn = PQconnectdbParams(keys, vals, 1);
	if (!s->conn) {
		pg_close(&s->base);
		return oom(ctx);
	}
	/* the server's notices (libpq prints them) are for nobody */
	PQsetNoticeProcessor(s->conn, quiet, NULL);
	ys_result r;
	if (PQstatus(s->conn) != CONNECTION_OK)
		r = db_error(ctx, s, "连不上数据库", NULL);
	else
		r = prepare_schema(ctx, s);
	if (r) {
		pg_close(&s->base);
		return r;
	}
	s->version = YS_SCHEMA_VERSION;
	*out = &s->base;
	return YS_OK;
}

static int pg_schema_version(const ys_store *base)
{
	return ((const pg_store *)base)->version;
}

/* ---- save a disclosure ---- */

static const int doc_inserts[] = { Q_TABLE, Q_HEADER, Q_ROW, Q_CELL, Q_OTABLE, Q_OCOLUMN,
	                           Q_OROW,  Q_OCELL,  Q_PROSE, Q_UNREAD };

static ys_result put_cell(ys_ctx *ctx, pg_store *s, int q, int64_t id, int t, int row, int col, const ys_cell *cell)
{
	args a = { 0 };
	a_int(&a, id);
	a_int(&a, t);
	a_int(&a, row);
	a_int(&a, col);
	a_text(&a, cell->text);
	if (cell->amt.present)
		a_int(&a, cell->amt.fen);
	else
		a_null(&a);
	a_int(&a, cell->amt.dp);
	a_int(&a, cell->line);
	a_int(&a, cell->col);
	return put(ctx, s, q, &a, "保存单元格");
}

/* The 13 tables of the numbered layout. */
static ys_result save_tables(ys_ctx *ctx, pg_store *s, const ys_doc *doc, int64_t id)
{
	ys_result r = YS_OK;
	for (int seq = 0; seq < doc->ntables && !r; seq++) {
		const ys_table *t = doc->tables[doc->order[seq]];
		int tid = (int)t->def->id;
		args a = { 0 };
		a_int(&a, id);
		a_int(&a, tid);
		a_int(&a, seq);
		a_text(&a, t->title);
		a_text(&a, t->numbering);
		a_int(&a, t->number);
		a_int(&a, t->line);
		a_int(&a, (int)t->unit);
		a_int(&a, t->unit_line);
		a_text(&a, t->unit_text);
		a_text(&a, t->subtitle);
		a_int(&a, t->end_line);
		a_int(&a, t->page);
		if ((r = put(ctx, s, Q_TABLE, &a, "保存表")))
			break;
		for (int h = 0; h < t->nheaders && !r; h++) {
			ys_buf b = YS_BUF_INIT;
			ys_hrow_join(&t->headers[h], &b);
			a.n = 0;
			a_int(&a, id);
			a_int(&a, tid);
			a_int(&a, h);
			a_int(&a, t->headers[h].line);
			a_int(&a, t->headers[h].before);
			a_text(&a, b.s);
			r = b.oom ? oom(ctx) : put(ctx, s, Q_HEADER, &a, "保存表头行");
			ys_buf_release(&b);
		}
		for (int k = 0; k < t->nrows && !r; k++) {
			const ys_row *row = &t->rows[k];
			a.n = 0;
			a_int(&a, id);
			a_int(&a, tid);
			a_int(&a, k);
			a_int(&a, row->line);
			a_int(&a, row->kind);
			a_int(&a, row->shape);
			a_int(&a, row->block);
			a_int(&a, row->fixed[0]);
			a_int(&a, row->fixed[1]);
			a_int(&a, row->page);
			a_int(&a, row->project);
			r = put(ctx, s, Q_ROW, &a, "保存行");
			for (int c = 0; c < t->def->ncols && !r; c++) {
				const ys_cell *cell = &row->cells[c];
				if (!cell->line && ys_cell_blank(cell))
					continue;
				r = put_cell(ctx, s, Q_CELL, id, tid, k, c, cell);
			}
		}
	}
	return r;
}

/* The rest of a document of any layout: the general reader's tables with
 * their columns, the text outside the tables, the titles not read. */
static ys_result save_rest(ys_ctx *ctx, pg_store *s, const ys_doc *doc, int64_t id)
{
	ys_result r = YS_OK;
	for (int i = 0; i < doc->nothers && !r; i++) {
		const ys_table *t = doc->others[i];
		const ys_tabledef *d = t->def;
		args a = { 0 };
		a_int(&a, id);
		a_int(&a, i);
		a_text(&a, t->title);
		a_text(&a, t->kind);
		a_text(&a, d->code);
		a_text(&a, d->title);
		a_text(&a, t->numbering);
		a_int(&a, t->number);
		a_int(&a, t->page);
		a_int(&a, t->line);
		a_int(&a, t->end_line);
		a_int(&a, (int)t->unit);
		if (t->note)
			a_text(&a, t->note);
		else
			a_null(&a);
		if ((r = put(ctx, s, Q_OTABLE, &a, "保存表")))
			break;
		for (int c = 0; c < d->ncols && !r; c++) {
			a.n = 0;
			a_int(&a, id);
			a_int(&a, i);
			a_int(&a, c);
			a_text(&a, d->cols[c].id);
			a_text(&a, d->cols[c].label);
			a_int(&a, (int)d->cols[c].kind);
			r = put(ctx, s, Q_OCOLUMN, &a, "保存列");
		}
		for (int k = 0; k < t->nrows && !r; k++) {
			const ys_row *row = &t->rows[k];
			a.n = 0;
			a_int(&a, id);
			a_int(&a, i);
			a_int(&a, k);
			a_int(&a, row->line);
			a_int(&a, row->kind);
			a_int(&a, row->page);
			r = put(ctx, s, Q_OROW, &a, "保存行");
			for (int c = 0; c < d->ncols && !r; c++) {
				const ys_cell *cell = &row->cells[c];
				if (!cell->line && ys_cell_blank(cell))
					continue;
				r = put_cell(ctx, s, Q_OCELL, id, i, k, c, cell);
			}
		}
	}
	for (int i = 0; i < doc->nprose && !r; i++) {
		args a = { 0 };
		a_int(&a, id);
		a_int(&a, i);
		a_text(&a, doc->prose[i].text);
		a_int(&a, doc->prose[i].line);
		a_int(&a, doc->prose[i].page);
		r = put(ctx, s, Q_PROSE, &a, "保存表外文字");
	}
	for (int i = 0; i < doc->nunread && !r; i++) {
		args a = { 0 };
		a_int(&a, id);
		a_int(&a, i);
		a_text(&a, doc->unread[i].title);
		a_int(&a, doc->unread[i].line);
		a_int(&a, doc->unread[i].page);
		a_text(&a, doc->unread[i].why);
		r = put(ctx, s, Q_UNREAD, &a, "保存未读的表题");
	}
	return r;
}

/* Write doc inside the caller's transaction; hash: its file's SHA-256, or
 * NULL. */
static ys_result save_doc_body(ys_ctx *ctx, pg_store *s, const ys_doc *doc, const char *hash, int64_t *id)
{
	args a = { 0 };
	a_text(&a, doc->file);
	a_text(&a, doc->department);
	a_int(&a, doc->year);
	a_text(&a, ys_encoding_name(doc->encoding));
	a_text(&a, hash ? hash : "");
	a_int(&a, doc->paged);
	a_int(&a, (int)doc->unit);
	PGresult *res = run(ctx, s, Q_DOC, &a, "保存公开文件");
	if (!res)
		return ctx->code;
	int64_t did = i64(res, 0, 0);
	PQclear(res);
	ys_result r = pipe_begin(ctx, s, doc_inserts, (int)YS_ARRAY_LEN(doc_inserts));
	if (r)
		return r;
	r = save_tables(ctx, s, doc, did);
	if (!r)
		r = save_rest(ctx, s, doc, did);
	if ((r = pipe_end(ctx, s, r)))
		return r;
	*id = did;
	return YS_OK;
}

/* A disclosure imported from a file of this hash, inside the caller's
 * transaction and under the hash's lock: refused, or with replace deleted
 * (its tables, rows and cells go with it; a budget compiled into it keeps
 * its detail). */
static ys_result same_file(ys_ctx *ctx, pg_store *s, const ys_doc *doc, const char *hash, int replace,
                           int64_t *replaced)
{
	/* the lock's key: the hash's first 32 bits, as a signed integer */
	uint32_t k = 0;
	for (int i = 0; i < 8 && hash[i]; i++)
		k = k << 4 | (uint32_t)(hash[i] <= '9' ? hash[i] - '0' : (hash[i] | 0x20) - 'a' + 10);
	ys_result r = lock(ctx, s, LOCK_IMPORT, (int64_t)k + INT32_MIN);
	if (r)
		return r;
	args a = { 0 };
	a_text(&a, hash);
	PGresult *res = run(ctx, s, Q_SAME, &a, "读取");
	if (!res)
		return ctx->code;
	if (PQntuples(res) == 1) {
		int64_t old = i64(res, 0, 0);
		if (!replace)
			r = ys_error(ctx, YS_EREFUSED,
			             "%s 与已导入的公开表 %lld（%s，导入于 %s）内容相同（文件的 SHA-256 一样）：未重复导入；"
			             "要替换它请加 --replace",
			             doc->file, (long long)old, txt(res, 0, 1), txt(res, 0, 2));
		else
			*replaced = old;
	}
	PQclear(res);
	if (r || !*replaced)
		return r;
	return run_ok(ctx, s, Q_DELETE_SAME, &a, "替换已存的公开文件");
}

/* The file disclosure did was read from, inside the caller's transaction:
 * its bytes as a binary parameter (bytea), the rest as text. */
static ys_result save_original(ys_ctx *ctx, pg_store *s, int64_t did, const ys_store_orig *o)
{
	if (o->len > (size_t)INT_MAX)
		return ys_error(ctx, YS_ELIMIT, "原文件超过 %d 字节，无法保存", INT_MAX);
	if (prepare(ctx, s, Q_ORIGINAL))
		return ctx->code;
	args a = { 0 };
	a_int(&a, did);
	a_text(&a, o->media);
	a_int(&a, (int64_t)o->len);
	a.v[a.n++] = (const char *)o->data;
	int lens[4] = { 0, 0, 0, (int)o->len }, fmts[4] = { 0, 0, 0, 1 };
	char name[16];
	snprintf(name, sizeof name, "ys%d", Q_ORIGINAL);
	PGresult *res = PQexecPrepared(s->conn, name, a.n, a.v, lens, fmts, 0);
	ys_result r = PQresultStatus(res) == PGRES_COMMAND_OK ? YS_OK : db_error(ctx, s, "保存原文件", res);
	PQclear(res);
	return r;
}

static ys_result pg_load_original(ys_ctx *ctx, ys_store *base, int64_t id, ys_buf *out, char *media)
{
	pg_store *s = (pg_store *)base;
	if (prepare(ctx, s, Q_LOAD_ORIGINAL))
		return ctx->code;
	args a = { 0 };
	a_int(&a, id);
	char name[16];
	snprintf(name, sizeof name, "ys%d", Q_LOAD_ORIGINAL);
	/* binary results: the bytes as they are, the media type as its text */
	PGresult *res = PQexecPrepared(s->conn, name, a.n, a.v, NULL, NULL, 1);
	ys_result r = YS_OK;
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		r = db_error(ctx, s, "读取原文件", res);
	} else if (PQntuples(res) != 1) {
		r = ys_error(ctx, YS_ENOTFOUND, "文档 %lld 没有保存原文件", (long long)id);
	} else {
		int n = PQgetlength(res, 0, 0);
		snprintf(media, YS_MEDIA_MAX, "%.*s", n < YS_MEDIA_MAX - 1 ? n : YS_MEDIA_MAX - 1, PQgetvalue(res, 0, 0));
		ys_buf_add(out, PQgetvalue(res, 0, 1), (size_t)PQgetlength(res, 0, 1));
		if (out->oom)
			r = ys_error(ctx, YS_ENOMEM, "内存不足");
	}
	PQclear(res);
	return r;
}

static ys_result pg_save_doc(ys_ctx *ctx, ys_store *base, const ys_doc *doc, const char *hash, int replace,
                             const ys_store_orig *orig, int64_t *id, int64_t *replaced)
{
	pg_store *s = (pg_store *)base;
	ys_result r;
	if (s->in_tx) { /* inside ys_store_transact: the caller's transaction (and its tries) */
		int64_t did = 0;
		*replaced = 0;
		if ((!hash || !(r = same_file(ctx, s, doc, hash, replace, replaced))) &&
		    !(r = save_doc_body(ctx, s, doc, hash, &did)) && (!orig || !(r = save_original(ctx, s, did, orig))))
			*id = did;
		return r;
	}
	for (int tries = 1;; tries++) {
		*replaced = 0;
		s->retry = 0;
		int64_t did = 0;
		if (!(r = exec(ctx, s, "BEGIN", "开始事务")) &&
		    (!hash || !(r = same_file(ctx, s, doc, hash, replace, replaced))) &&
		    !(r = save_doc_body(ctx, s, doc, hash, &did)) && (!orig || !(r = save_original(ctx, s, did, orig))) &&
		    !(r = exec(ctx, s, "COMMIT", "提交"))) {
			*id = did;
			return YS_OK;
		}
		rollback(s);
		*replaced = 0;
		if (!s->retry || tries == WRITE_TRIES)
			return r;
	}
}

/* ---- load a disclosure ---- */

static ys_result load_begin(ys_ctx *ctx, pg_store *s)
{
	return exec(ctx, s, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "开始事务");
}

/* Run a load query for disclosure or budget id. */
static PGresult *load(ys_ctx *ctx, pg_store *s, int q, int64_t id)
{
	args a = { 0 };
	a_int(&a, id);
	return run(ctx, s, q, &a, "读取");
}

/* The general reader's tables, the text outside the tables and the titles
 * not read (save_rest's), into doc. */
static ys_result load_rest(ys_ctx *ctx, pg_store *s, int64_t id, ys_doc *doc)
{
	ys_arena *A = &doc->arena;
	PGresult *res = load(ctx, s, Q_LOAD_OTABLES, id);
	if (!res)
		return ctx->code;
	ys_result r = YS_OK;
	int n = PQntuples(res);
	for (int j = 0; j < n && !r; j++) {
		int idx = i32(res, j, 0), ncols = i32(res, j, 12), nrows = i32(res, j, 13);
		if (idx != doc->nothers || ncols < 0 || ncols > YS_ROW_CELLS_MAX || nrows < 0 || nrows > YS_TABLE_ROWS_MAX) {
			r = ys_error(ctx, YS_ESTORE, "%s：公开表 %lld 的其他版式表 %d 不完整", s->name, (long long)id, idx);
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
		d->code = ys_arena_strdup(A, txt(res, j, 3));
		d->title = ys_arena_strdup(A, txt(res, j, 4));
		d->aliases = d->headwords = "";
		d->ncols = ncols;
		d->cols = cols;
		d->npanels = 1;
		d->rowkey = YS_RK_GENERAL;
		d->dp = 2;
		t->def = d;
		t->title = ys_arena_strdup(A, txt(res, j, 1));
		t->kind = ys_arena_strdup(A, txt(res, j, 2));
		d->derive = t->kind;
		t->numbering = ys_arena_strdup(A, txt(res, j, 5));
		t->number = i32(res, j, 6);
		t->page = i32(res, j, 7);
		t->line = i32(res, j, 8);
		t->end_line = i32(res, j, 9);
		t->unit = (ys_unit)i32(res, j, 10);
		t->note = PQgetisnull(res, j, 11) ? NULL : ys_arena_strdup(A, txt(res, j, 11));
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
	PQclear(res);
	res = NULL;
	/* their columns, rows and cells */
	if (!r && !(res = load(ctx, s, Q_LOAD_OCOLUMNS, id)))
		r = ctx->code;
	for (int j = 0, nt = r ? 0 : PQntuples(res); j < nt && !r; j++) {
		int ti = i32(res, j, 0), c = i32(res, j, 1);
		if (ti < 0 || ti >= doc->nothers || c < 0 || c >= doc->others[ti]->def->ncols) {
			r = ys_error(ctx, YS_ESTORE, "%s：公开表 %lld 有一列不属于任何表", s->name, (long long)id);
			break;
		}
		ys_coldef *cd = (ys_coldef *)&doc->others[ti]->def->cols[c];
		cd->id = ys_arena_strdup(A, txt(res, j, 2));
		cd->label = ys_arena_strdup(A, txt(res, j, 3));
		cd->kind = (ys_colkind)i32(res, j, 4);
		if (!cd->id || !cd->label)
			r = oom(ctx);
	}
	PQclear(res);
	res = NULL;
	if (!r && !(res = load(ctx, s, Q_LOAD_OROWS, id)))
		r = ctx->code;
	for (int j = 0, nt = r ? 0 : PQntuples(res); j < nt && !r; j++) {
		int ti = i32(res, j, 0), k = i32(res, j, 1);
		if (ti < 0 || ti >= doc->nothers || k < 0 || k >= doc->others[ti]->nrows) {
			r = ys_error(ctx, YS_ESTORE, "%s：公开表 %lld 有一行不属于任何表", s->name, (long long)id);
			break;
		}
		ys_row *row = &doc->others[ti]->rows[k];
		row->line = i32(res, j, 2);
		row->kind = (unsigned char)i32(res, j, 3);
		row->page = (short)i32(res, j, 4);
	}
	PQclear(res);
	res = NULL;
	if (!r && !(res = load(ctx, s, Q_LOAD_OCELLS, id)))
		r = ctx->code;
	for (int j = 0, nt = r ? 0 : PQntuples(res); j < nt && !r; j++) {
		int ti = i32(res, j, 0), k = i32(res, j, 1), c = i32(res, j, 2);
		if (ti < 0 || ti >= doc->nothers || k < 0 || k >= doc->others[ti]->nrows || c < 0 ||
		    c >= doc->others[ti]->def->ncols) {
			r = ys_error(ctx, YS_ESTORE, "%s：公开表 %lld 有一个单元格不属于任何表", s->name, (long long)id);
			break;
		}
		ys_cell *cell = &doc->others[ti]->rows[k].cells[c];
		if (!(cell->text = ys_arena_strdup(A, txt(res, j, 3)))) {
			r = oom(ctx);
			break;
		}
		if (!PQgetisnull(res, j, 4)) {
			cell->amt.fen = i64(res, j, 4);
			cell->amt.present = 1;
		}
		cell->amt.dp = (unsigned char)i32(res, j, 5);
		cell->line = i32(res, j, 6);
		cell->col = i32(res, j, 7);
	}
	PQclear(res);
	res = NULL;
	/* the text outside the tables, and the titles not read */
	if (!r && !(res = load(ctx, s, Q_LOAD_PROSE, id)))
		r = ctx->code;
	if (!r && PQntuples(res) > 0) {
		int np = PQntuples(res);
		doc->prose = calloc((size_t)np, sizeof *doc->prose);
		if (!doc->prose)
			r = oom(ctx);
		for (int j = 0; j < np && !r; j++) {
			const char *text = ys_arena_strdup(A, txt(res, j, 0));
			if (!text) {
				r = oom(ctx);
				break;
			}
			doc->prose[doc->nprose++] = (ys_textline){ text, i32(res, j, 1), i32(res, j, 2) };
		}
	}
	PQclear(res);
	res = NULL;
	if (!r && !(res = load(ctx, s, Q_LOAD_UNREAD, id)))
		r = ctx->code;
	if (!r && PQntuples(res) > 0) {
		int nu = PQntuples(res);
		doc->unread = calloc((size_t)nu, sizeof *doc->unread);
		if (!doc->unread)
			r = oom(ctx);
		for (int j = 0; j < nu && !r; j++) {
			const char *title = ys_arena_strdup(A, txt(res, j, 0)), *why = ys_arena_strdup(A, txt(res, j, 3));
			if (!title || !why) {
				r = oom(ctx);
				break;
			}
			doc->unread[doc->nunread++] = (ys_unread){ title, i32(res, j, 1), i32(res, j, 2), why };
		}
	}
	PQclear(res);
	return r;
}

/* The 13 tables: their rows, cells and header rows. */
static ys_result load_tables(ys_ctx *ctx, pg_store *s, int64_t id, ys_doc *doc)
{
	ys_arena *A = &doc->arena;
	ys_result r = YS_OK;
	PGresult *res = load(ctx, s, Q_LOAD_TABLES, id);
	if (!res)
		return ctx->code;
	for (int j = 0, n = PQntuples(res); j < n && !r; j++) {
		int tid = i32(res, j, 0);
		const ys_tabledef *def = ys_table_def((ys_tid)tid);
		if (!def || doc->tables[tid]) {
			r = ys_error(ctx, YS_ESTORE, "%s：公开表 %lld 的表号 %d 不对", s->name, (long long)id, tid);
			break;
		}
		ys_table *t = ys_arena_alloc(A, sizeof *t);
		if (!t) {
			r = oom(ctx);
			break;
		}
		t->def = def;
		t->title = ys_arena_strdup(A, txt(res, j, 1));
		t->numbering = ys_arena_strdup(A, txt(res, j, 2));
		t->number = i32(res, j, 3);
		t->line = i32(res, j, 4);
		t->unit = (ys_unit)i32(res, j, 5);
		t->unit_line = i32(res, j, 6);
		t->unit_text = ys_arena_strdup(A, txt(res, j, 7));
		t->subtitle = ys_arena_strdup(A, txt(res, j, 8));
		t->end_line = i32(res, j, 9);
		t->page = i32(res, j, 10);
		int64_t nrows = i64(res, j, 11), nheaders = i64(res, j, 12);
		if (nrows > YS_TABLE_ROWS_MAX || nheaders > YS_TABLE_ROWS_MAX) {
			r = ys_error(ctx, YS_ESTORE, "%s：公开表 %lld 的表 %d 行数太多", s->name, (long long)id, tid);
			break;
		}
		t->nrows = (int)nrows;
		t->nheaders = (int)nheaders;
		t->rows = calloc((size_t)(t->nrows ? t->nrows : 1), sizeof *t->rows);
		t->headers = calloc((size_t)(t->nheaders ? t->nheaders : 1), sizeof *t->headers);
		doc->tables[tid] = t;
		doc->order[doc->ntables++] = tid;
		if (!t->rows || !t->headers || !t->title || !t->numbering || !t->unit_text || !t->subtitle) {
			r = oom(ctx);
			break;
		}
		for (int i = 0; i < t->nrows && !r; i++) {
			t->rows[i].cells = ys_arena_alloc(A, sizeof(ys_cell) * (size_t)def->ncols);
			if (!t->rows[i].cells) {
				r = oom(ctx);
				break;
			}
			for (int c = 0; c < def->ncols; c++)
				t->rows[i].cells[c].text = "";
		}
	}
	PQclear(res);
	res = NULL;
	if (!r && !(res = load(ctx, s, Q_LOAD_ROWS, id)))
		r = ctx->code;
	for (int j = 0, n = r ? 0 : PQntuples(res); j < n && !r; j++) {
		int tid = i32(res, j, 0), idx = i32(res, j, 1);
		ys_table *t = tid >= 0 && tid < YS_NTABLES ? doc->tables[tid] : NULL;
		if (!t || idx < 0 || idx >= t->nrows) {
			r = ys_error(ctx, YS_ESTORE, "%s：公开表 %lld 有一行不在它的表里", s->name, (long long)id);
			break;
		}
		ys_row *row = &t->rows[idx];
		row->line = i32(res, j, 2);
		row->kind = (unsigned char)i32(res, j, 3);
		row->shape = (signed char)i32(res, j, 4);
		row->block = (short)i32(res, j, 5);
		row->fixed[0] = (short)i32(res, j, 6);
		row->fixed[1] = (short)i32(res, j, 7);
		row->page = (short)i32(res, j, 8);
		row->project = (short)i32(res, j, 9);
	}
	PQclear(res);
	res = NULL;
	if (!r && !(res = load(ctx, s, Q_LOAD_CELLS, id)))
		r = ctx->code;
	for (int j = 0, n = r ? 0 : PQntuples(res); j < n && !r; j++) {
		int tid = i32(res, j, 0), ri = i32(res, j, 1), ci = i32(res, j, 2);
		ys_table *t = tid >= 0 && tid < YS_NTABLES ? doc->tables[tid] : NULL;
		if (!t || ri < 0 || ri >= t->nrows || ci < 0 || ci >= t->def->ncols) {
			r = ys_error(ctx, YS_ESTORE, "%s：公开表 %lld 有一个单元格不在它的表里", s->name, (long long)id);
			break;
		}
		ys_cell *cell = &t->rows[ri].cells[ci];
		if (!(cell->text = ys_arena_strdup(A, txt(res, j, 3)))) {
			r = oom(ctx);
			break;
		}
		if (!PQgetisnull(res, j, 4)) {
			cell->amt.fen = i64(res, j, 4);
			cell->amt.present = 1;
		}
		cell->amt.dp = (unsigned char)i32(res, j, 5);
		cell->line = i32(res, j, 6);
		cell->col = i32(res, j, 7);
	}
	PQclear(res);
	res = NULL;
	if (!r && !(res = load(ctx, s, Q_LOAD_HEADERS, id)))
		r = ctx->code;
	for (int j = 0, n = r ? 0 : PQntuples(res); j < n && !r; j++) {
		int tid = i32(res, j, 0), idx = i32(res, j, 1);
		ys_table *t = tid >= 0 && tid < YS_NTABLES ? doc->tables[tid] : NULL;
		if (!t || idx < 0 || idx >= t->nheaders) {
			r = ys_error(ctx, YS_ESTORE, "%s：公开表 %lld 有一个表头行不在它的表里", s->name, (long long)id);
			break;
		}
		ys_hrow *h = &t->headers[idx];
		h->line = i32(res, j, 2);
		h->before = i32(res, j, 3);
		if (ys_hrow_split(h, A, txt(res, j, 4))) {
			r = oom(ctx);
			break;
		}
	}
	PQclear(res);
	return r;
}

static ys_result pg_load_doc(ys_ctx *ctx, ys_store *base, int64_t id, ys_doc **out)
{
	pg_store *s = (pg_store *)base;
	ys_doc *doc = NULL;
	*out = NULL;
	ys_result r = load_begin(ctx, s);
	if (r)
		return r;
	PGresult *res = load(ctx, s, Q_LOAD_DOC, id);
	if (!res) {
		r = ctx->code;
		goto done;
	}
	if (PQntuples(res) != 1) {
		PQclear(res);
		r = ys_error(ctx, YS_ENOTFOUND, "%s：没有编号为 %lld 的公开文件", s->name, (long long)id);
		goto done;
	}
	doc = ys_doc_new(txt(res, 0, 0));
	if (!doc) {
		PQclear(res);
		r = oom(ctx);
		goto done;
	}
	const char *enc = txt(res, 0, 3);
	doc->department = ys_arena_strdup(&doc->arena, txt(res, 0, 1));
	doc->year = i32(res, 0, 2);
	doc->encoding = !strcmp(enc, "GB18030") ? YS_ENC_GB18030 : !strcmp(enc, "UTF-8 with BOM") ? YS_ENC_UTF8_BOM : YS_ENC_UTF8;
	doc->paged = i32(res, 0, 4);
	doc->unit = (ys_unit)i32(res, 0, 5);
	PQclear(res);
	if (!doc->department)
		r = oom(ctx);
	else if (!(r = load_tables(ctx, s, id, doc)))
		r = load_rest(ctx, s, id, doc);
done:
	rollback(s); /* read only: nothing to keep */
	if (r) {
		ys_doc_free(doc);
		return r;
	}
	*out = doc;
	return YS_OK;
}

/* The largest id of a table (the newest), or YS_ENOTFOUND. */
static ys_result latest(ys_ctx *ctx, pg_store *s, int q, int64_t *id, const char *none)
{
	PGresult *res = run(ctx, s, q, NULL, "读取");
	if (!res)
		return ctx->code;
	ys_result r = YS_OK;
	if (PQntuples(res) == 1 && !PQgetisnull(res, 0, 0))
		*id = i64(res, 0, 0);
	else
		r = ys_error(ctx, YS_ENOTFOUND, "%s：%s", s->name, none);
	PQclear(res);
	return r;
}

static ys_result pg_latest_doc(ys_ctx *ctx, ys_store *base, int64_t *id)
{
	return latest(ctx, (pg_store *)base, Q_LATEST_DOC, id, "还没有存入公开文件（yusuan import 文件 --db 数据库）");
}

static ys_result pg_list_docs(ys_ctx *ctx, ys_store *base, int (*fn)(const ys_doc_info *, void *), void *arg)
{
	pg_store *s = (pg_store *)base;
	PGresult *res = run(ctx, s, Q_LIST, NULL, "列出公开文件");
	if (!res)
		return ctx->code;
	for (int j = 0, n = PQntuples(res); j < n; j++) {
		ys_doc_info info;
		memset(&info, 0, sizeof info);
		info.id = i64(res, j, 0);
		snprintf(info.file, sizeof info.file, "%s", txt(res, j, 1));
		snprintf(info.department, sizeof info.department, "%s", txt(res, j, 2));
		info.year = i32(res, j, 3);
		snprintf(info.imported_at, sizeof info.imported_at, "%s", txt(res, j, 4));
		info.ntables = i32(res, j, 5);
		snprintf(info.hash, sizeof info.hash, "%s", txt(res, j, 6));
		if (fn(&info, arg))
			break;
	}
	PQclear(res);
	return YS_OK;
}

/* ---- detailed budgets ---- */

static void a_pos(args *a, ys_store_files *f, ys_pos p)
{
	a_int(a, ys_store_file_id(f, p.file));
	a_int(a, p.line);
}

static const int budget_inserts[] = { Q_BUNIT, Q_BINCOME, Q_BPROJECT, Q_BINDICATOR, Q_BITEM, Q_BOTHER, Q_BFILE };

static ys_result save_indicators(ys_ctx *ctx, pg_store *s, int64_t bid, int project, const ys_indicator *in, int n,
                                 ys_store_files *f)
{
	ys_result r = YS_OK;
	for (int i = 0; i < n && !r; i++) {
		args a = { 0 };
		a_int(&a, bid);
		a_int(&a, project);
		a_int(&a, i);
		const char *t[7] = { in[i].l1, in[i].l2, in[i].l3, in[i].op, in[i].value, in[i].unit, in[i].activity };
		for (int k = 0; k < 7; k++)
			a_text(&a, t[k]);
		a_pos(&a, f, in[i].pos);
		r = put(ctx, s, Q_BINDICATOR, &a, "保存绩效指标");
	}
	return r;
}

/* Everything of b but its budget row and the file names (the caller's). */
static ys_result save_budget_rows(ys_ctx *ctx, pg_store *s, const ys_budget *b, int64_t bid, ys_store_files *f)
{
	ys_result r = YS_OK;
	args a;
	for (int i = 0; i < b->nunits && !r; i++) {
		a.n = 0;
		a_int(&a, bid);
		a_int(&a, i);
		a_text(&a, b->units[i].name);
		a_int(&a, b->units[i].type);
		a_pos(&a, f, b->units[i].pos);
		r = put(ctx, s, Q_BUNIT, &a, "保存单位");
	}
	for (int c = 0; c < 2 && !r; c++)
		for (int k = 0; k < (c ? 5 : 9) && !r; k++) {
			int64_t v = c ? b->carry[k] : b->income[k];
			ys_pos p = c ? b->carry_pos[k] : b->income_pos[k];
			if (!v && !p.line)
				continue;
			a.n = 0;
			a_int(&a, bid);
			a_int(&a, c);
			a_int(&a, k);
			a_int(&a, v);
			a_pos(&a, f, p);
			r = put(ctx, s, Q_BINCOME, &a, "保存收入");
		}
	for (int i = 0; i < b->nprojects && !r; i++) {
		const ys_project *p = &b->projects[i];
		a.n = 0;
		a_int(&a, bid);
		a_int(&a, i);
		a_text(&a, p->code);
		a_text(&a, p->name);
		a_int(&a, p->unit);
		a_int(&a, p->disclosed);
		a_text(&a, p->goal);
		a_pos(&a, f, p->pos);
		r = put(ctx, s, Q_BPROJECT, &a, "保存项目");
	}
	for (int i = 0; i < b->nprojects && !r; i++)
		r = save_indicators(ctx, s, bid, i, b->projects[i].ind, b->projects[i].nind, f);
	if (!r)
		r = save_indicators(ctx, s, bid, -1, b->perf, b->nperf, f);
	for (size_t i = 0; i < b->nitems && !r; i++) {
		const ys_item *it = &b->items[i];
		a.n = 0;
		a_int(&a, bid);
		a_int(&a, (int64_t)i);
		a_int(&a, it->unit);
		a_text(&a, it->func);
		a_text(&a, it->econ);
		a_text(&a, it->gov);
		a_int(&a, it->fund);
		a_int(&a, it->carry);
		a_int(&a, it->kind);
		a_int(&a, it->cls);
		a_int(&a, it->flags);
		a_int(&a, it->project);
		a_int(&a, it->amount);
		a_pos(&a, f, it->pos);
		r = put(ctx, s, Q_BITEM, &a, "保存明细");
	}
	for (int i = 0; i < b->nprocurement && !r; i++) {
		const ys_procurement *p = &b->procurement[i];
		char cat[2] = { p->category, 0 };
		a.n = 0;
		a_int(&a, bid);
		a_text(&a, "procurement");
		a_int(&a, i);
		a_text(&a, cat);
		a_text(&a, p->name);
		a_text(&a, "");
		a_int(&a, p->amount);
		a_pos(&a, f, p->pos);
		r = put(ctx, s, Q_BOTHER, &a, "保存政府采购");
	}
	for (int i = 0; i < b->nservices && !r; i++) {
		const ys_service *v = &b->services[i];
		a.n = 0;
		a_int(&a, bid);
		a_text(&a, "service");
		a_int(&a, i);
		a_text(&a, v->l1);
		a_text(&a, v->l2);
		a_text(&a, v->l3);
		a_int(&a, v->amount);
		a_pos(&a, f, v->pos);
		r = put(ctx, s, Q_BOTHER, &a, "保存政府购买服务");
	}
	for (int i = 0; i < b->nnames && !r; i++) {
		const ys_codename *n = &b->names[i];
		a.n = 0;
		a_int(&a, bid);
		a_text(&a, "codename");
		a_int(&a, i);
		a_int(&a, n->kind);
		a_text(&a, n->code);
		a_text(&a, n->name);
		a_int(&a, 0);
		a_pos(&a, f, n->pos);
		r = put(ctx, s, Q_BOTHER, &a, "保存科目名称");
	}
	return r;
}

static ys_result save_budget_body(ys_ctx *ctx, pg_store *s, const ys_budget *b, const char *source, int64_t did,
                                  int64_t *id)
{
	char sangong[96];
	snprintf(sangong, sizeof sangong, "%lld,%lld,%lld,%lld", (long long)b->sangong_abroad,
	         (long long)b->sangong_reception, (long long)b->sangong_car_buy, (long long)b->sangong_car_run);
	args a = { 0 };
	a_text(&a, b->department);
	a_int(&a, b->year);
	a_text(&a, source);
	a_text(&a, b->perf_unit);
	a_text(&a, b->perf_goal);
	a_text(&a, b->perf_notes);
	a_text(&a, sangong);
	if (did > 0)
		a_int(&a, did);
	else
		a_null(&a);
	PGresult *res = run(ctx, s, Q_BUDGET, &a, "保存预算");
	if (!res)
		return ctx->code;
	int64_t bid = i64(res, 0, 0);
	PQclear(res);
	ys_store_files f = { { 0 }, 0 };
	ys_result r = pipe_begin(ctx, s, budget_inserts, (int)YS_ARRAY_LEN(budget_inserts));
	if (r)
		return r;
	r = save_budget_rows(ctx, s, b, bid, &f);
	/* the files named by the records */
	for (int i = 0; i < f.n && !r; i++) {
		a.n = 0;
		a_int(&a, bid);
		a_int(&a, i);
		a_text(&a, f.path[i]);
		r = put(ctx, s, Q_BFILE, &a, "保存文件名");
	}
	if ((r = pipe_end(ctx, s, r)))
		return r;
	*id = bid;
	return YS_OK;
}

static ys_result pg_save_budget(ys_ctx *ctx, ys_store *base, const ys_budget *b, const char *source,
                                const ys_doc *doc, int64_t *id)
{
	pg_store *s = (pg_store *)base;
	ys_result r;
	for (int tries = 1;; tries++) {
		s->retry = 0;
		int64_t did = 0, bid = 0;
		if (!(r = exec(ctx, s, "BEGIN", "开始事务")) && (!doc || !(r = save_doc_body(ctx, s, doc, NULL, &did))) &&
		    !(r = save_budget_body(ctx, s, b, source, did, &bid)) && !(r = exec(ctx, s, "COMMIT", "提交"))) {
			*id = bid;
			return YS_OK;
		}
		rollback(s);
		if (!s->retry || tries == WRITE_TRIES)
			return r;
	}
}

static const char *adup(ys_budget *b, const PGresult *res, int row, int col)
{
	return ys_arena_strdup(&b->arena, txt(res, row, col));
}

/* A budget's records after its budget row, into b. */
static ys_result load_budget_rows(ys_ctx *ctx, pg_store *s, int64_t id, ys_budget *b)
{
	const char *paths[64] = { 0 };
	ys_result r = YS_OK;
	PGresult *res = load(ctx, s, Q_LOAD_BFILE, id);
	if (!res)
		return ctx->code;
	for (int j = 0, n = PQntuples(res); j < n; j++) {
		int k = i32(res, j, 0);
		if (k >= 0 && k < 64)
			paths[k] = adup(b, res, j, 1);
	}
	PQclear(res);
	for (int k = 0; k < 64; k++)
		if (!paths[k])
			paths[k] = "";
#define POS(col) ((ys_pos){ paths[i32(res, j, col) & 63], i32(res, j, (col) + 1) })

	size_t cap = 0;
	if (!(res = load(ctx, s, Q_LOAD_BUNIT, id)))
		return ctx->code;
	for (int j = 0, n = PQntuples(res); j < n && !r; j++) {
		if (ys_grow((void **)&b->units, &cap, (size_t)b->nunits + 1, sizeof *b->units)) {
			r = oom(ctx);
			break;
		}
		ys_bunit *u = &b->units[b->nunits++];
		u->name = adup(b, res, j, 0);
		u->type = (ys_unittype)i32(res, j, 1);
		u->pos = POS(2);
	}
	PQclear(res);
	if (r || !(res = load(ctx, s, Q_LOAD_BINCOME, id)))
		return r ? r : ctx->code;
	for (int j = 0, n = PQntuples(res); j < n; j++) {
		int c = i32(res, j, 0), k = i32(res, j, 1);
		if (k < 0 || k >= (c ? 5 : 9))
			continue;
		(c ? b->carry : b->income)[k] = i64(res, j, 2);
		(c ? b->carry_pos : b->income_pos)[k] = POS(3);
	}
	PQclear(res);
	cap = 0;
	if (!(res = load(ctx, s, Q_LOAD_BPROJECT, id)))
		return ctx->code;
	for (int j = 0, n = PQntuples(res); j < n && !r; j++) {
		if (ys_grow((void **)&b->projects, &cap, (size_t)b->nprojects + 1, sizeof *b->projects)) {
			r = oom(ctx);
			break;
		}
		ys_project *p = &b->projects[b->nprojects++];
		memset(p, 0, sizeof *p);
		p->code = adup(b, res, j, 0);
		p->name = adup(b, res, j, 1);
		p->unit = i32(res, j, 2);
		p->disclosed = i32(res, j, 3);
		p->goal = adup(b, res, j, 4);
		p->pos = POS(5);
	}
	PQclear(res);
	if (r || !(res = load(ctx, s, Q_LOAD_BINDICATOR, id)))
		return r ? r : ctx->code;
	for (int j = 0, n = PQntuples(res); j < n && !r; j++) {
		int p = i32(res, j, 0);
		ys_indicator **arr;
		int *cnt;
		if (p < 0) {
			arr = &b->perf;
			cnt = &b->nperf;
		} else if (p < b->nprojects) {
			arr = &b->projects[p].ind;
			cnt = &b->projects[p].nind;
		} else {
			continue;
		}
		ys_indicator *na = realloc(*arr, sizeof *na * (size_t)(*cnt + 1));
		if (!na) {
			r = oom(ctx);
			break;
		}
		*arr = na;
		ys_indicator *in = &na[(*cnt)++];
		in->l1 = adup(b, res, j, 1);
		in->l2 = adup(b, res, j, 2);
		in->l3 = adup(b, res, j, 3);
		in->op = adup(b, res, j, 4);
		in->value = adup(b, res, j, 5);
		in->unit = adup(b, res, j, 6);
		in->activity = adup(b, res, j, 7);
		in->pos = POS(8);
	}
	PQclear(res);
	cap = 0;
	if (r || !(res = load(ctx, s, Q_LOAD_BITEM, id)))
		return r ? r : ctx->code;
	for (int j = 0, n = PQntuples(res); j < n && !r; j++) {
		if (ys_grow((void **)&b->items, &cap, b->nitems + 1, sizeof *b->items)) {
			r = oom(ctx);
			break;
		}
		ys_item *it = &b->items[b->nitems++];
		memset(it, 0, sizeof *it);
		it->unit = i32(res, j, 0);
		snprintf(it->func, sizeof it->func, "%s", txt(res, j, 1));
		snprintf(it->econ, sizeof it->econ, "%s", txt(res, j, 2));
		snprintf(it->gov, sizeof it->gov, "%s", txt(res, j, 3));
		it->fund = (unsigned char)i32(res, j, 4);
		it->carry = (unsigned char)i32(res, j, 5);
		it->kind = (unsigned char)i32(res, j, 6);
		it->cls = (unsigned char)i32(res, j, 7);
		it->flags = (unsigned char)i32(res, j, 8);
		it->project = i32(res, j, 9);
		it->amount = i64(res, j, 10);
		it->pos = POS(11);
		if (it->unit < 0 || it->unit >= b->nunits || it->project >= b->nprojects || it->fund >= YS_NFUNDS)
			r = ys_error(ctx, YS_ESTORE, "%s：预算 %lld 有一条明细指向不存在的单位或项目", s->name, (long long)id);
	}
	PQclear(res);
	size_t pc = 0, sc = 0, nc = 0;
	if (r || !(res = load(ctx, s, Q_LOAD_BOTHER, id)))
		return r ? r : ctx->code;
	for (int j = 0, n = PQntuples(res); j < n && !r; j++) {
		const char *kind = txt(res, j, 0);
		if (!strcmp(kind, "procurement")) {
			if (ys_grow((void **)&b->procurement, &pc, (size_t)b->nprocurement + 1, sizeof *b->procurement)) {
				r = oom(ctx);
				break;
			}
			ys_procurement *p = &b->procurement[b->nprocurement++];
			p->category = txt(res, j, 1)[0];
			p->name = adup(b, res, j, 2);
			p->amount = i64(res, j, 4);
			p->pos = POS(5);
		} else if (!strcmp(kind, "service")) {
			if (ys_grow((void **)&b->services, &sc, (size_t)b->nservices + 1, sizeof *b->services)) {
				r = oom(ctx);
				break;
			}
			ys_service *v = &b->services[b->nservices++];
			v->l1 = adup(b, res, j, 1);
			v->l2 = adup(b, res, j, 2);
			v->l3 = adup(b, res, j, 3);
			v->amount = i64(res, j, 4);
			v->pos = POS(5);
		} else if (!strcmp(kind, "codename")) {
			if (ys_grow((void **)&b->names, &nc, (size_t)b->nnames + 1, sizeof *b->names)) {
				r = oom(ctx);
				break;
			}
			ys_codename *nm = &b->names[b->nnames++];
			memset(nm, 0, sizeof *nm);
			nm->kind = i32(res, j, 1);
			snprintf(nm->code, sizeof nm->code, "%s", txt(res, j, 2));
			nm->name = adup(b, res, j, 3);
			nm->pos = POS(5);
		}
	}
	PQclear(res);
#undef POS
	return r;
}

static ys_result pg_load_budget(ys_ctx *ctx, ys_store *base, int64_t id, ys_budget **out)
{
	pg_store *s = (pg_store *)base;
	ys_budget *b = NULL;
	*out = NULL;
	ys_result r = load_begin(ctx, s);
	if (r)
		return r;
	PGresult *res = load(ctx, s, Q_LOAD_BUDGET, id);
	if (!res) {
		r = ctx->code;
		goto done;
	}
	if (PQntuples(res) != 1) {
		PQclear(res);
		r = ys_error(ctx, YS_ENOTFOUND, "%s：没有编号为 %lld 的预算", s->name, (long long)id);
		goto done;
	}
	b = ys_budget_new(txt(res, 0, 0), i32(res, 0, 1));
	if (!b) {
		PQclear(res);
		r = oom(ctx);
		goto done;
	}
	b->perf_unit = adup(b, res, 0, 2);
	b->perf_goal = adup(b, res, 0, 3);
	b->perf_notes = adup(b, res, 0, 4);
	/* four figures "a,b,c,d" (-1: derived), as save_budget_body wrote them */
	int64_t sg[4] = { -1, -1, -1, -1 };
	const char *p = txt(res, 0, 5);
	for (int k = 0; k < 4 && parse_i64(&p, &sg[k]) && *p == ','; k++)
		p++;
	b->sangong_abroad = sg[0];
	b->sangong_reception = sg[1];
	b->sangong_car_buy = sg[2];
	b->sangong_car_run = sg[3];
	PQclear(res);
	r = load_budget_rows(ctx, s, id, b);
done:
	rollback(s); /* read only: nothing to keep */
	if (r) {
		ys_budget_free(b);
		return r;
	}
	*out = b;
	return YS_OK;
}

static ys_result pg_latest_budget(ys_ctx *ctx, ys_store *base, int64_t *id)
{
	return latest(ctx, (pg_store *)base, Q_LATEST_BUDGET, id, "还没有存入预算（yusuan build 文件夹 --db 数据库）");
}

/* ---- queries over the dataset views ---- */

#define SELECT_COLS_MAX 64
#define SELECT_PARAMS_MAX 32

/* sql with its "?" parameters written as PostgreSQL's $1 … (none inside a
 * quoted string or name); NULL when out of memory. */
static char *dollar_params(const char *sql, int *count)
{
	ys_buf b = YS_BUF_INIT;
	char quote = 0;
	int n = 0;
	for (const char *p = sql; *p; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
			ys_buf_add(&b, p, 1);
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
			ys_buf_add(&b, p, 1);
		} else if (*p == '?') {
			ys_buf_addf(&b, "$%d", ++n);
		} else {
			ys_buf_add(&b, p, 1);
		}
	}
	*count = n;
	if (b.oom) {
		ys_buf_release(&b);
		return NULL;
	}
	return ys_buf_detach(&b, NULL);
}

/* PostgreSQL's integer types (pg_type.h: int8, int2, int4) and numeric,
 * which sum() of a bigint gives: an integer when it is one. */
#define OID_INT8 20
#define OID_INT2 21
#define OID_INT4 23
#define OID_NUMERIC 1700

static ys_result pg_select(ys_ctx *ctx, ys_store *base, const char *sql, const ys_value *params, int nparams,
                           int (*fn)(const ys_value *row, int ncols, void *arg), void *arg)
{
	pg_store *s = (pg_store *)base;
	if (nparams < 0 || nparams > SELECT_PARAMS_MAX)
		return ys_error(ctx, YS_EINVAL, "%s：查询最多有 %d 个参数", s->name, SELECT_PARAMS_MAX);
	int nmarks = 0;
	char *q = dollar_params(sql, &nmarks);
	if (!q)
		return oom(ctx);
	if (nmarks != nparams) {
		free(q);
		return ys_error(ctx, YS_EINVAL, "%s：查询有 %d 个参数位置（?），给出了 %d 个值", s->name, nmarks, nparams);
	}
	const char *v[SELECT_PARAMS_MAX];
	char num[SELECT_PARAMS_MAX][24];
	for (int i = 0; i < nparams; i++) {
		if (params[i].type == YS_V_INT) {
			snprintf(num[i], sizeof num[i], "%lld", (long long)params[i].i);
			v[i] = num[i];
		} else {
			v[i] = params[i].type == YS_V_TEXT ? params[i].s : NULL;
		}
	}
	/* a read-only transaction: a statement that writes is refused by the
	 * server, and PQexecParams runs one statement only */
	ys_result r = s->in_tx ? YS_OK : exec(ctx, s, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "开始事务");
	if (r) {
		free(q);
		return r;
	}
	PGresult *res = PQexecParams(s->conn, q, nparams, NULL, v, NULL, NULL, 0);
	free(q);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		r = PQresultStatus(res) == PGRES_COMMAND_OK
		    ? ys_error(ctx, YS_EINVAL, "%s：只能运行一条只读的查询（SELECT）", s->name)
		    : db_error(ctx, s, "查询", res);
		PQclear(res);
		if (!s->in_tx)
			rollback(s);
		return r;
	}
	int ncols = PQnfields(res);
	if (ncols < 1 || ncols > SELECT_COLS_MAX)
		r = ys_error(ctx, YS_EINVAL, "%s：查询应有 1 到 %d 列", s->name, SELECT_COLS_MAX);
	ys_value row[SELECT_COLS_MAX];
	for (int i = 0, n = PQntuples(res); !r && i < n; i++) {
		for (int c = 0; c < ncols; c++) {
			Oid t = PQftype(res, c);
			row[c].i = 0;
			row[c].s = NULL;
			const char *p = PQgetvalue(res, i, c);
			int64_t x;
			if (PQgetisnull(res, i, c)) {
				row[c].type = YS_V_NULL;
			} else if ((t == OID_INT8 || t == OID_INT2 || t == OID_INT4 || t == OID_NUMERIC) &&
			           parse_i64(&p, &x) && !*p) {
				row[c].type = YS_V_INT;
				row[c].i = x;
			} else {
				row[c].type = YS_V_TEXT;
				row[c].s = PQgetvalue(res, i, c);
			}
		}
		if (fn(row, ncols, arg))
			break;
	}
	PQclear(res);
	if (!s->in_tx)
		rollback(s); /* read only: nothing to keep */
	return r;
}

/* ---- the server's writes ---- */

/* Values as libpq's text parameters (num holds the integers'). */
static void text_params(const ys_value *params, int nparams, const char **v, char (*num)[24])
{
	for (int i = 0; i < nparams; i++) {
		if (params[i].type == YS_V_INT) {
			snprintf(num[i], sizeof num[i], "%lld", (long long)params[i].i);
			v[i] = num[i];
		} else {
			v[i] = params[i].type == YS_V_TEXT ? params[i].s : NULL;
		}
	}
}

static ys_result pg_exec(ys_ctx *ctx, ys_store *base, const char *sql, const ys_value *params, int nparams,
                         int64_t *changes, int64_t *last_id)
{
	pg_store *s = (pg_store *)base;
	if (nparams < 0 || nparams > SELECT_PARAMS_MAX)
		return ys_error(ctx, YS_EINVAL, "%s：语句最多有 %d 个参数", s->name, SELECT_PARAMS_MAX);
	int nmarks = 0;
	char *q = dollar_params(sql, &nmarks);
	if (!q)
		return oom(ctx);
	if (nmarks != nparams) {
		free(q);
		return ys_error(ctx, YS_EINVAL, "%s：语句有 %d 个参数位置（?），给出了 %d 个值", s->name, nmarks, nparams);
	}
	const char *v[SELECT_PARAMS_MAX];
	char num[SELECT_PARAMS_MAX][24];
	text_params(params, nparams, v, num);
	PGresult *res = PQexecParams(s->conn, q, nparams, NULL, v, NULL, NULL, 0);
	free(q);
	ExecStatusType st = PQresultStatus(res);
	ys_result r = YS_OK;
	if (st == PGRES_TUPLES_OK) {
		*changes = PQntuples(res);
		const char *p = PQntuples(res) > 0 && PQnfields(res) > 0 ? PQgetvalue(res, 0, 0) : "";
		int64_t x;
		*last_id = parse_i64(&p, &x) && !*p ? x : 0;
	} else if (st == PGRES_COMMAND_OK) {
		const char *p = PQcmdTuples(res);
		int64_t x;
		*changes = parse_i64(&p, &x) ? x : 0;
		*last_id = 0;
	} else {
		const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
		r = db_error(ctx, s, "写入", res);
		if (state && !strncmp(state, "23", 2)) { /* integrity constraint violation */
			r = YS_EREFUSED;
			if (ctx)
				ctx->code = r;
		}
	}
	PQclear(res);
	return r;
}

static ys_result pg_transact(ys_ctx *ctx, ys_store *base, ys_result (*fn)(ys_ctx *, ys_store *, void *), void *arg)
{
	pg_store *s = (pg_store *)base;
	if (s->in_tx)
		return ys_error(ctx, YS_EINVAL, "%s：事务不能嵌套", s->name);
	ys_result r;
	for (int tries = 1;; tries++) {
		s->retry = 0;
		if ((r = exec(ctx, s, "BEGIN", "开始事务")))
			return r;
		s->in_tx = 1;
		r = fn(ctx, base, arg);
		s->in_tx = 0;
		if (!r && !(r = exec(ctx, s, "COMMIT", "提交")))
			return YS_OK;
		rollback(s);
		if (!s->retry || tries == WRITE_TRIES)
			return r;
	}
}

const ys_store_ops ys_store_pg_ops = {
	"postgresql",  pg_open,      pg_close,       pg_schema_version, pg_save_doc,     pg_load_doc,
	pg_latest_doc, pg_list_docs, pg_save_budget, pg_load_budget,    pg_latest_budget, pg_select,
	pg_exec,       pg_transact,    pg_load_original,
};
