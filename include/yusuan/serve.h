/*
 * serve.h - yusuan as a web application and JSON API (docs/api.md): users
 * with roles, sessions, the review of findings, the workflow of a
 * department's year, an append-only audit log; on libmicrohttpd, with
 * everything it knows in the store, so that several processes can serve
 * one PostgreSQL database.
 */
#ifndef YUSUAN_SERVE_H
#define YUSUAN_SERVE_H

#include <stddef.h>
#include <stdint.h>

#include "yusuan/base.h"
#include "yusuan/store.h"

/* Roles, as bits (a route allows a set of them). */
enum {
	YS_ROLE_ADMIN = 1,    /* manages users; every step of the workflow */
	YS_ROLE_REVIEWER = 2, /* sees everything, reviews findings, 审核 and 批复 */
	YS_ROLE_EDITOR = 4,   /* uploads and submits (提交) its departments' budgets */
	YS_ROLE_VIEWER = 8,   /* reads what is published (公开) */
};

/* "admin" … as its bit, or 0; and back (NULL for none). */
int ys_role_parse(const char *name);
const char *ys_role_name(int role);

#define YS_USER_DEPTS_MAX 32

typedef struct ys_user {
	int64_t id;
	char name[128];
	int role;
	char created_at[32];
	int ndepts;
	char depts[YS_USER_DEPTS_MAX][256];
} ys_user;

/* Add a user with the password (hashed with argon2id; at least 8 bytes)
 * and its departments; `by` names who did it in the audit log.  A name
 * taken already is YS_EREFUSED. */
ys_result ys_user_add(ys_ctx *ctx, ys_store *st, const char *name, int role, const char *const *depts, int ndepts,
                      const char *password, const char *by);
/* Delete a user (and its sessions); YS_ENOTFOUND when there is none. */
ys_result ys_user_del(ys_ctx *ctx, ys_store *st, const char *name, const char *by);
/* Every user by name: fn until it returns non-zero. */
ys_result ys_user_list(ys_ctx *ctx, ys_store *st, int (*fn)(const ys_user *u, void *arg), void *arg);

/* The argon2id hash of password in its encoded form, and whether password
 * matches one (1), not (0). */
ys_result ys_password_hash(ys_ctx *ctx, const char *password, char *out, size_t cap);
int ys_password_check(const char *encoded, const char *password);

/*
 * The ledger of what is due: the departments expected to disclose a year,
 * each by a due date (YYYY-MM-DD), and what came.  Dates are the store's
 * clock (UTC, as a stored document's time); departments are matched by
 * name exactly.  Every change is an audit row.
 */
typedef enum ys_ledger_state {
	YS_LEDGER_ON_TIME,    /* 已提交: the first document stored on or before the due date */
	YS_LEDGER_LATE,       /* 逾期提交: stored after it */
	YS_LEDGER_PENDING,    /* 未提交: none yet, the date not passed */
	YS_LEDGER_MISSING,    /* 逾期未提交: none, the date passed */
	YS_LEDGER_UNEXPECTED, /* 未列入: a document of a department not in the ledger */
} ys_ledger_state;

typedef struct ys_ledger_row {
	const char *department;
	int year;
	const char *due;          /* "" when not expected */
	ys_ledger_state state;
	const char *first_upload; /* the first document's time, "" when none */
	int64_t document;         /* the newest document, 0 when none */
	const char *workflow;     /* 编制 … 公开 */
	int64_t workflow_version;
	int checked;              /* the newest document's check is kept: its figures */
	int64_t errors, warnings, notices, permille;
} ys_ledger_row;

const char *ys_ledger_state_name(ys_ledger_state s); /* 已提交 … 未列入 */
const char *ys_ledger_state_key(ys_ledger_state s);  /* on_time, late, pending, missing, unexpected */
/* Expect dept to disclose year by due; *change (may be NULL): 0 it was so
 * already, 1 added, 2 its date changed.  A bad entry is YS_EINVAL. */
ys_result ys_ledger_set(ys_ctx *ctx, ys_store *st, const char *dept, int year, const char *due, const char *by,
                        int *change);
/* The list text[0..len) (CSV 部门,年度,截止日期; a header row, a BOM and
 * blank lines skipped; name for messages) in one transaction: a bad row
 * (YS_EPARSE, name:line:column) stores none.  counts: added, changed,
 * unchanged. */
ys_result ys_ledger_import(ys_ctx *ctx, ys_store *st, const char *name, const char *text, size_t len, const char *by,
                           int counts[3]);
/* Today in the store's clock: YYYY-MM-DD into day (at least 16 bytes). */
ys_result ys_ledger_today(ys_ctx *ctx, ys_store *st, char *day);
/* The newest year of the ledger, else today's (of "YYYY-MM-DD"). */
ys_result ys_ledger_year(ys_ctx *ctx, ys_store *st, const char *today, int *year);
/* The year's rows as of today: the expected departments by name, then
 * those not expected that stored a document of the year; fn until it
 * returns non-zero (the row lives until fn returns). */
ys_result ys_ledger_list(ys_ctx *ctx, ys_store *st, int year, const char *today,
                         int (*fn)(const ys_ledger_row *r, void *arg), void *arg);

typedef struct ys_serve_opts {
	const char *db;         /* the store's URI (ys_store_open) */
	const char *listen;     /* "127.0.0.1:8080" (NULL: that), "[::1]:8080", "0.0.0.0:8080"; port 0: any free */
	int threads;            /* worker threads, each with its own connection to the store; 0: 4 */
	size_t max_upload;      /* bytes of an uploaded file; 0: 64 MiB */
	size_t max_form;        /* bytes of any other request body; 0: 64 KiB */
	unsigned timeout;       /* seconds a connection may idle; 0: 30 */
	const char *catalog;    /* the catalog root for checks; NULL: ys_catalog_default_root */
} ys_serve_opts;

typedef struct ys_server ys_server;

/* Open the store once (creating or migrating its schema), listen and serve
 * on threads of the library's own until ys_serve_stop. */
ys_result ys_serve_start(ys_ctx *ctx, const ys_serve_opts *o, ys_server **out);
/* "http://127.0.0.1:8080/": where it listens (the port it got for 0). */
const char *ys_serve_url(const ys_server *s);
void ys_serve_stop(ys_server *s);

#endif
