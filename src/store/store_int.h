/*
 * store_int.h - the method table a store backend implements.
 */
#ifndef YS_STORE_INT_H
#define YS_STORE_INT_H

#include "yusuan/store.h"

/* The file a disclosure was read from (ys_store_import_original). */
typedef struct ys_store_orig {
	const void *data;
	size_t len;
	const char *media;
} ys_store_orig;

typedef struct ys_store_ops {
	const char *name;
	ys_result (*open)(ys_ctx *ctx, const char *target, ys_store **out);
	void (*close)(ys_store *st);
	int (*schema_version)(const ys_store *st);
	/* hash NULL: no hash, no check for a stored one (ys_store_save_doc);
	 * orig NULL: no original file kept */
	ys_result (*save_doc)(ys_ctx *ctx, ys_store *st, const ys_doc *doc, const char *hash, int replace,
	                      const ys_store_orig *orig, int64_t *id, int64_t *replaced);
	ys_result (*load_doc)(ys_ctx *ctx, ys_store *st, int64_t id, ys_doc **out);
	ys_result (*latest_doc)(ys_ctx *ctx, ys_store *st, int64_t *id);
	ys_result (*list_docs)(ys_ctx *ctx, ys_store *st, int (*fn)(const ys_doc_info *, void *), void *arg);
	ys_result (*save_budget)(ys_ctx *ctx, ys_store *st, const ys_budget *b, const char *source, const ys_doc *doc,
	                         int64_t *id);
	ys_result (*load_budget)(ys_ctx *ctx, ys_store *st, int64_t id, ys_budget **out);
	ys_result (*latest_budget)(ys_ctx *ctx, ys_store *st, int64_t *id);
	/* one read-only query over the dataset views (ys_store_select) */
	ys_result (*select)(ys_ctx *ctx, ys_store *st, const char *sql, const ys_value *params, int nparams,
	                    int (*fn)(const ys_value *row, int ncols, void *arg), void *arg);
	/* the server's writes (ys_store_exec, ys_store_transact) */
	ys_result (*exec)(ys_ctx *ctx, ys_store *st, const char *sql, const ys_value *params, int nparams,
	                  int64_t *changes, int64_t *last_id);
	ys_result (*transact)(ys_ctx *ctx, ys_store *st, ys_result (*fn)(ys_ctx *, ys_store *, void *), void *arg);
	/* the file a disclosure was read from (ys_store_load_original) */
	ys_result (*load_original)(ys_ctx *ctx, ys_store *st, int64_t id, ys_buf *out, char *media);
} ys_store_ops;

/* Every backend's store starts with this. */
struct ys_store {
	const ys_store_ops *ops;
};

extern const ys_store_ops ys_store_sqlite_ops;
extern const ys_store_ops ys_store_pg_ops;

/* The schema as a NUL-terminated string (generated from schema.sql), and
 * the same in PostgreSQL's dialect (made from it by scripts/schema-pg.sh). */
extern const char ys_store_schema_sql[];
extern const char ys_store_schema_pg_sql[];

/* The statements of schema (either of the above) that version added: those
 * after its line "-- @@vN", up to the next such line or the final INSERT
 * INTO meta; "" when it added none.  Freed by the caller; NULL when out of
 * memory. */
char *ys_store_schema_part(const char *schema, int version);

/* The file names of a budget's records as small integers (its files
 * table): the id of path ("" for NULL), added when new; from the 64th on
 * they share the last id. */
#define YS_STORE_FILES_MAX 64
typedef struct ys_store_files {
	const char *path[YS_STORE_FILES_MAX];
	int n;
} ys_store_files;
int ys_store_file_id(ys_store_files *f, const char *path);

#endif
