/*
 * store.c - pick a backend by the URI and dispatch to its method table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

ys_result ys_store_open(ys_ctx *ctx, const char *uri, ys_store **out)
{
	*out = NULL;
	if (!uri || !*uri)
		return ys_error(ctx, YS_EINVAL, "没有给出数据库：应为文件路径、sqlite:路径或 postgresql://…");
	if (!strncmp(uri, "postgresql://", 13) || !strncmp(uri, "postgres://", 11))
		return ys_store_pg_ops.open(ctx, uri, out);
	const char *target = !strncmp(uri, "sqlite:", 7) ? uri + 7 : uri;
	return ys_store_sqlite_ops.open(ctx, target, out);
}

void ys_store_close(ys_store *st)
{
	if (st)
		st->ops->close(st);
}

const char *ys_store_backend(const ys_store *st) { return st->ops->name; }
int ys_store_schema_version(const ys_store *st) { return st->ops->schema_version(st); }

ys_result ys_store_save_doc(ys_ctx *ctx, ys_store *st, const ys_doc *doc, int64_t *id)
{
	int64_t replaced;
	return st->ops->save_doc(ctx, st, doc, NULL, 0, NULL, id, &replaced);
}

ys_result ys_store_import_doc(ys_ctx *ctx, ys_store *st, const ys_doc *doc, const char *hash, int replace,
                              int64_t *id, int64_t *replaced)
{
	*replaced = 0;
	if (!hash || strlen(hash) != YS_HASH_HEX - 1)
		return ys_error(ctx, YS_EINVAL, "导入 %s：没有文件的 SHA-256（ys_store_hash_file）", doc->file);
	return st->ops->save_doc(ctx, st, doc, hash, replace, NULL, id, replaced);
}

ys_result ys_store_import_original(ys_ctx *ctx, ys_store *st, const ys_doc *doc, const char *hash, const void *data,
                                   size_t len, const char *media, int replace, int64_t *id, int64_t *replaced)
{
	*replaced = 0;
	if (!hash || strlen(hash) != YS_HASH_HEX - 1)
		return ys_error(ctx, YS_EINVAL, "导入 %s：没有文件的 SHA-256（ys_store_hash_file）", doc->file);
	if (!data || !len || !media || !*media || strlen(media) >= YS_MEDIA_MAX)
		return ys_error(ctx, YS_EINVAL, "导入 %s：没有原文件的内容或类型", doc->file);
	ys_store_orig o = { data, len, media };
	return st->ops->save_doc(ctx, st, doc, hash, replace, &o, id, replaced);
}

ys_result ys_store_load_original(ys_ctx *ctx, ys_store *st, int64_t id, ys_buf *out, char *media)
{
	media[0] = '\0';
	return st->ops->load_original(ctx, st, id, out, media);
}

ys_result ys_store_load_doc(ys_ctx *ctx, ys_store *st, int64_t id, ys_doc **out)
{
	return st->ops->load_doc(ctx, st, id, out);
}

ys_result ys_store_latest_doc(ys_ctx *ctx, ys_store *st, int64_t *id)
{
	return st->ops->latest_doc(ctx, st, id);
}

ys_result ys_store_list_docs(ys_ctx *ctx, ys_store *st, int (*fn)(const ys_doc_info *, void *), void *arg)
{
	return st->ops->list_docs(ctx, st, fn, arg);
}

ys_result ys_store_save_budget(ys_ctx *ctx, ys_store *st, const ys_budget *b, const char *source, const ys_doc *doc,
                               int64_t *id)
{
	return st->ops->save_budget(ctx, st, b, source, doc, id);
}

ys_result ys_store_load_budget(ys_ctx *ctx, ys_store *st, int64_t id, ys_budget **out)
{
	return st->ops->load_budget(ctx, st, id, out);
}

ys_result ys_store_latest_budget(ys_ctx *ctx, ys_store *st, int64_t *id)
{
	return st->ops->latest_budget(ctx, st, id);
}

ys_result ys_store_select(ys_ctx *ctx, ys_store *st, const char *sql, const ys_value *params, int nparams,
                          int (*fn)(const ys_value *row, int ncols, void *arg), void *arg)
{
	if (!st->ops->select)
		return ys_error(ctx, YS_EINVAL, "%s 存储不支持查询", st->ops->name);
	return st->ops->select(ctx, st, sql, params, nparams, fn, arg);
}

ys_result ys_store_exec(ys_ctx *ctx, ys_store *st, const char *sql, const ys_value *params, int nparams,
                        int64_t *changes, int64_t *last_id)
{
	int64_t c = 0, id = 0;
	ys_result r = st->ops->exec(ctx, st, sql, params, nparams, &c, &id);
	if (changes)
		*changes = r ? 0 : c;
	if (last_id)
		*last_id = r ? 0 : id;
	return r;
}

ys_result ys_store_transact(ys_ctx *ctx, ys_store *st, ys_result (*fn)(ys_ctx *ctx, ys_store *st, void *arg),
                            void *arg)
{
	return st->ops->transact(ctx, st, fn, arg);
}

char *ys_store_schema_part(const char *schema, int version)
{
	char mark[32];
	snprintf(mark, sizeof mark, "-- @@v%d", version);
	const char *a = strstr(schema, mark);
	if (!a)
		return strdup("");
	const char *b = strstr(a + strlen(mark), "-- @@v");
	const char *c = strstr(a, "INSERT INTO meta");
	if (!b || (c && c < b))
		b = c;
	return b ? strndup(a, (size_t)(b - a)) : strdup(a);
}

int ys_store_file_id(ys_store_files *f, const char *path)
{
	if (!path)
		path = "";
	for (int i = 0; i < f->n; i++)
		if (f->path[i] == path || !strcmp(f->path[i], path))
			return i;
	if (f->n == YS_STORE_FILES_MAX)
		return YS_STORE_FILES_MAX - 1; /* the rest share the last id's name */
	f->path[f->n] = path;
	return f->n++;
}
