/*
 * store.h - where disclosures and detailed budgets are kept.
 *
 * One interface, several backends behind a method table (SQLite's VFS,
 * curl's protocol handlers): SQLite is the embedded default, PostgreSQL the
 * shared server store.  The schema lives in src/store/schema.sql with a
 * version; opening an older database migrates it, a newer one is refused.
 * Every write is one transaction: a failed import leaves the database as it
 * was.
 */
#ifndef YUSUAN_STORE_H
#define YUSUAN_STORE_H

#include <stdint.h>

#include "yusuan/base.h"
#include "yusuan/budget.h"
#include "yusuan/doc.h"

#define YS_SCHEMA_VERSION 11

typedef struct ys_store ys_store;

#define YS_HASH_HEX 65 /* a SHA-256 in hex, with its NUL */

/* A stored disclosure, as listed. */
typedef struct ys_doc_info {
	int64_t id;
	char file[512];
	char department[256];
	int year;
	char imported_at[32];
	int ntables;
	char hash[YS_HASH_HEX]; /* the file's SHA-256, "" when not known (saved without one, or before schema 3) */
} ys_doc_info;

/* Open the store at uri: a file path or "sqlite:PATH" for SQLite (the file
 * is created if needed), "postgresql://…" (libpq's URI) for PostgreSQL
 * (the database must exist; its tables are created if needed).  *out is
 * closed with ys_store_close.  One ys_store is for one thread at a time;
 * several stores (threads, processes, machines) may share a database. */
ys_result ys_store_open(ys_ctx *ctx, const char *uri, ys_store **out);
void ys_store_close(ys_store *st);

/* The backend's name ("sqlite", "postgresql") and the schema version of
 * the open store. */
const char *ys_store_backend(const ys_store *st);
int ys_store_schema_version(const ys_store *st);

/* Save doc in one transaction; *id receives its id. */
ys_result ys_store_save_doc(ys_ctx *ctx, ys_store *st, const ys_doc *doc, int64_t *id);

/* The SHA-256 of a file's bytes (or of n bytes) as 64 lowercase hex digits
 * and a NUL in hex (>= YS_HASH_HEX bytes): how import recognises a file it
 * has stored before. */
ys_result ys_store_hash_file(ys_ctx *ctx, const char *path, char *hex);
void ys_store_hash_bytes(const void *data, size_t n, char *hex);

/* Save doc, read from a file whose ys_store_hash_file is hash, in one
 * transaction.  When a disclosure with that hash is stored already it is
 * refused (YS_EREFUSED; the message names the stored one), unless replace:
 * then the stored one is deleted in the same transaction and *replaced
 * receives its id (else 0).  Called inside ys_store_transact it is part of
 * that transaction (the server stores a document and its audit row
 * together). */
ys_result ys_store_import_doc(ys_ctx *ctx, ys_store *st, const ys_doc *doc, const char *hash, int replace,
                              int64_t *id, int64_t *replaced);
/* ys_store_import_doc, keeping the file's bytes (data[0..len), media
 * "application/pdf" or another type) with the disclosure in the same
 * transaction: what the server draws a document's pages from. */
ys_result ys_store_import_original(ys_ctx *ctx, ys_store *st, const ys_doc *doc, const char *hash, const void *data,
                                   size_t len, const char *media, int replace, int64_t *id, int64_t *replaced);
/* Bytes of a media type with its NUL ("application/pdf", …). */
#define YS_MEDIA_MAX 128
/* The file disclosure id was read from, kept by ys_store_import_original:
 * its bytes appended to out and its media type into media (YS_MEDIA_MAX
 * bytes: an XLSX's type is 65 characters).
 * YS_ENOTFOUND when none was kept (imported otherwise, or before schema
 * 9). */
ys_result ys_store_load_original(ys_ctx *ctx, ys_store *st, int64_t id, ys_buf *out, char *media);
/* Load disclosure id; *out is freed with ys_doc_free. */
ys_result ys_store_load_doc(ys_ctx *ctx, ys_store *st, int64_t id, ys_doc **out);
/* The id of the most recently imported disclosure (YS_ENOTFOUND if none). */
ys_result ys_store_latest_doc(ys_ctx *ctx, ys_store *st, int64_t *id);
/* Save a detailed budget, and the disclosure compiled from it (or NULL),
 * in one transaction.  source names where it was read from. */
ys_result ys_store_save_budget(ys_ctx *ctx, ys_store *st, const ys_budget *b, const char *source,
                               const ys_doc *compiled, int64_t *id);
/* Load budget id; *out is freed with ys_budget_free. */
ys_result ys_store_load_budget(ys_ctx *ctx, ys_store *st, int64_t id, ys_budget **out);
/* The id of the most recently stored budget (YS_ENOTFOUND if none). */
ys_result ys_store_latest_budget(ys_ctx *ctx, ys_store *st, int64_t *id);
/* List stored disclosures, newest first: calls fn for each until it
 * returns non-zero. */
ys_result ys_store_list_docs(ys_ctx *ctx, ys_store *st, int (*fn)(const ys_doc_info *, void *), void *arg);

/* A value of a query's row or parameter: NULL, an integer or a text. */
typedef enum ys_vtype { YS_V_NULL = 0, YS_V_INT = 1, YS_V_TEXT = 2 } ys_vtype;
typedef struct ys_value {
	ys_vtype type;
	int64_t i;
	const char *s;
} ys_value;

/* Run one read-only SELECT over the dataset views (docs/dataset.md; portable
 * SQL, parameters as "?", which a backend may rewrite as its own: $1 …)
 * with nparams parameters; fn is called for each row with its ncols values
 * (valid during the call) until it returns non-zero.  A statement that is
 * not a query is refused. */
ys_result ys_store_select(ys_ctx *ctx, ys_store *st, const char *sql, const ys_value *params, int nparams,
                          int (*fn)(const ys_value *row, int ncols, void *arg), void *arg);

/* The server's own SQL (src/serve), written once for both backends:
 *
 * Run one statement that writes (INSERT, UPDATE, DELETE; portable SQL,
 * parameters as "?").  *changes receives the rows it changed; *last_id the
 * first column of the first row it returns (INSERT … RETURNING id), else
 * (SQLite) the last inserted rowid, else 0.  Either may be NULL.  A
 * statement breaking a UNIQUE or CHECK constraint is YS_EREFUSED.  Outside
 * ys_store_transact it is a transaction of its own. */
ys_result ys_store_exec(ys_ctx *ctx, ys_store *st, const char *sql, const ys_value *params, int nparams,
                        int64_t *changes, int64_t *last_id);

/* Run fn in one transaction: committed when it returns YS_OK, else rolled
 * back and its result returned.  fn uses ys_store_exec and ys_store_select
 * (which then run inside the transaction, seeing its writes).  SQLite takes
 * the write lock at the start (BEGIN IMMEDIATE); PostgreSQL runs READ
 * COMMITTED and runs fn again from the start when the server aborts it as a
 * deadlock or a serialization failure (40P01, 40001), up to 5 times: fn
 * must keep nothing from an aborted try.  Not nested. */
ys_result ys_store_transact(ys_ctx *ctx, ys_store *st, ys_result (*fn)(ys_ctx *ctx, ys_store *st, void *arg),
                            void *arg);

#endif
