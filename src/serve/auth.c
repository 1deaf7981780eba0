/*
 * serve/auth.c - users, passwords (argon2id), sessions, the login rate limit
 * and the audit log.  Everything in the store: any serve process on the
 * same database knows every session and every failed login.
 */
#include <argon2.h>
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "serve/serve_int.h"

/* argon2id: OWASP's minimum (19 MiB, 2 passes, 1 lane) */
#define PW_T 2
#define PW_M 19456
#define PW_P 1
#define PW_SALT 16
#define PW_LEN 32

/* The rate limit: failed logins in the last LIMIT_WINDOW seconds, by name
 * and by address. */
#define LIMIT_WINDOW 900
#define LIMIT_NAME 5
#define LIMIT_ADDR 20

static const char *const role_names[] = { "admin", "reviewer", "editor", "viewer" };

int ys_role_parse(const char *name)
{
	for (int i = 0; i < 4; i++)
		if (name && !strcmp(name, role_names[i]))
			return 1 << i;
	return 0;
}

const char *ys_role_name(int role)
{
	for (int i = 0; i < 4; i++)
		if (role == 1 << i)
			return role_names[i];
	return NULL;
}

void random_hex(char *out, size_t nbytes)
{
	unsigned char b[64];
	if (nbytes > sizeof b)
		nbytes = sizeof b;
	size_t got = 0;
	while (got < nbytes) {
		ssize_t n = getrandom(b + got, nbytes - got, 0);
		if (n > 0)
			got += (size_t)n;
	}
	for (size_t i = 0; i < nbytes; i++)
		snprintf(out + 2 * i, 3, "%02x", b[i]);
	out[2 * nbytes] = '\0';
}

ys_result ys_password_hash(ys_ctx *ctx, const char *password, char *out, size_t cap)
{
	unsigned char salt[PW_SALT];
	size_t got = 0;
	while (got < sizeof salt) {
		ssize_t n = getrandom(salt + got, sizeof salt - got, 0);
		if (n > 0)
			got += (size_t)n;
	}
	int rc = argon2id_hash_encoded(PW_T, PW_M, PW_P, password, strlen(password), salt, sizeof salt, PW_LEN, out, cap);
	if (rc != ARGON2_OK)
		return ys_error(ctx, rc == ARGON2_MEMORY_ALLOCATION_ERROR ? YS_ENOMEM : YS_EINVAL, "口令无法散列：%s",
		                argon2_error_message(rc));
	return YS_OK;
}

int ys_password_check(const char *encoded, const char *password)
{
	return argon2id_verify(encoded, password, strlen(password)) == ARGON2_OK;
}

ys_result audit_add(ys_ctx *ctx, ys_store *st, const char *who, const char *action, const char *object,
                    const char *before, const char *after)
{
	ys_value v[5] = { { YS_V_TEXT, 0, who }, { YS_V_TEXT, 0, action }, { YS_V_TEXT, 0, object },
		          { YS_V_TEXT, 0, before ? before : "" }, { YS_V_TEXT, 0, after ? after : "" } };
	return ys_store_exec(ctx, st, "INSERT INTO audit(user_name, action, object, before, after) VALUES (?, ?, ?, ?, ?)",
	                     v, 5, NULL, NULL);
}

/* ---- users ---- */

static int text_ok(const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n == 0 || n > max || s[0] == ' ' || s[n - 1] == ' ')
		return 0;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

typedef struct add_arg {
	const char *name, *hash, *by;
	int role;
	const char *const *depts;
	int ndepts;
} add_arg;

static ys_result add_tx(ys_ctx *ctx, ys_store *st, void *arg)
{
	add_arg *a = arg;
	ys_value v[3] = { { YS_V_TEXT, 0, a->name }, { YS_V_TEXT, 0, ys_role_name(a->role) }, { YS_V_TEXT, 0, a->hash } };
	int64_t id = 0;
	ys_result r = ys_store_exec(ctx, st, "INSERT INTO users(name, role, pwhash) VALUES (?, ?, ?) RETURNING id", v, 3,
	                            NULL, &id);
	if (r == YS_EREFUSED)
		return ys_error(ctx, YS_EREFUSED, "已有用户“%s”", a->name);
	ys_buf after = YS_BUF_INIT;
	ys_buf_addf(&after, "%s", ys_role_name(a->role));
	for (int i = 0; !r && i < a->ndepts; i++) {
		ys_value d[2] = { { YS_V_INT, id, NULL }, { YS_V_TEXT, 0, a->depts[i] } };
		r = ys_store_exec(ctx, st, "INSERT INTO user_department(user_id, department) VALUES (?, ?)", d, 2, NULL, NULL);
		if (r == YS_EREFUSED)
			r = ys_error(ctx, YS_EREFUSED, "部门“%s”给了两次", a->depts[i]);
		ys_buf_addf(&after, " %s", a->depts[i]);
	}
	if (!r) {
		char obj[200];
		snprintf(obj, sizeof obj, "用户 %s", a->name);
		r = audit_add(ctx, st, a->by, "添加用户", obj, "", after.s);
	}
	ys_buf_release(&after);
	return r;
}

ys_result ys_user_add(ys_ctx *ctx, ys_store *st, const char *name, int role, const char *const *depts, int ndepts,
                      const char *password, const char *by)
{
	if (!text_ok(name, 64))
		return ys_error(ctx, YS_EINVAL, "用户名“%s”不行：应为 1 到 64 字节，没有控制字符，首尾没有空格", name);
	if (!ys_role_name(role))
		return ys_error(ctx, YS_EINVAL, "没有这个角色：应为 admin、reviewer、editor 或 viewer");
	if (ndepts < 0 || ndepts > YS_USER_DEPTS_MAX)
		return ys_error(ctx, YS_EINVAL, "部门最多 %d 个", YS_USER_DEPTS_MAX);
	for (int i = 0; i < ndepts; i++)
		if (!text_ok(depts[i], 250))
			return ys_error(ctx, YS_EINVAL, "部门名“%s”不行：应为 1 到 250 字节，没有控制字符，首尾没有空格", depts[i]);
	if (strlen(password) < 8)
		return ys_error(ctx, YS_EINVAL, "口令太短：至少 8 个字节");
	if (strlen(password) > 1024)
		return ys_error(ctx, YS_EINVAL, "口令太长：至多 1024 个字节");
	char hash[256];
	ys_result r = ys_password_hash(ctx, password, hash, sizeof hash);
	if (r)
		return r;
	add_arg a = { name, hash, by, role, depts, ndepts };
	return ys_store_transact(ctx, st, add_tx, &a);
}

typedef struct del_arg {
	const char *name, *by;
} del_arg;

static ys_result del_tx(ys_ctx *ctx, ys_store *st, void *arg)
{
	del_arg *a = arg;
	ys_value v = { YS_V_TEXT, 0, a->name };
	int64_t n = 0;
	/* sessions and departments go with it (ON DELETE CASCADE) */
	ys_result r = ys_store_exec(ctx, st, "DELETE FROM users WHERE name = ?", &v, 1, &n, NULL);
	if (r)
		return r;
	if (n == 0)
		return ys_error(ctx, YS_ENOTFOUND, "没有用户“%s”", a->name);
	char obj[200];
	snprintf(obj, sizeof obj, "用户 %s", a->name);
	return audit_add(ctx, st, a->by, "删除用户", obj, "", "");
}

ys_result ys_user_del(ys_ctx *ctx, ys_store *st, const char *name, const char *by)
{
	del_arg a = { name, by };
	return ys_store_transact(ctx, st, del_tx, &a);
}

static void copy(char *dst, size_t cap, const ys_value *v)
{
	snprintf(dst, cap, "%s", v->type == YS_V_TEXT && v->s ? v->s : "");
}

typedef struct ulist {
	ys_user *u;
	size_t n, cap;
	int oom;
} ulist;

static int user_row(const ys_value *row, int ncols, void *arg)
{
	ulist *l = arg;
	(void)ncols;
	int64_t id = row[0].i;
	if (l->n && l->u[l->n - 1].id == id) { /* another department */
		ys_user *u = &l->u[l->n - 1];
		if (row[4].type == YS_V_TEXT && u->ndepts < YS_USER_DEPTS_MAX)
			copy(u->depts[u->ndepts++], sizeof u->depts[0], &row[4]);
		return 0;
	}
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 8;
		ys_user *nu = realloc(l->u, cap * sizeof *nu);
		if (!nu) {
			l->oom = 1;
			return 1;
		}
		l->u = nu;
		l->cap = cap;
	}
	ys_user *u = &l->u[l->n++];
	memset(u, 0, sizeof *u);
	u->id = id;
	copy(u->name, sizeof u->name, &row[1]);
	u->role = row[2].type == YS_V_TEXT ? ys_role_parse(row[2].s) : 0;
	copy(u->created_at, sizeof u->created_at, &row[3]);
	if (row[4].type == YS_V_TEXT)
		copy(u->depts[u->ndepts++], sizeof u->depts[0], &row[4]);
	return 0;
}

static const char user_sql[] =
	"SELECT u.id, u.name, u.role, u.created_at, d.department FROM users u "
	"LEFT JOIN user_department d ON d.user_id = u.id";

ys_result ys_user_list(ys_ctx *ctx, ys_store *st, int (*fn)(const ys_user *u, void *arg), void *arg)
{
	ulist l = { 0 };
	ys_result r = ys_store_select(ctx, st, "SELECT u.id, u.name, u.role, u.created_at, d.department FROM users u "
	                                       "LEFT JOIN user_department d ON d.user_id = u.id ORDER BY u.name, u.id, d.department",
	                              NULL, 0, user_row, &l);
	if (!r && l.oom)
		r = ys_error(ctx, YS_ENOMEM, "内存不足");
	for (size_t i = 0; !r && i < l.n; i++)
		if (fn(&l.u[i], arg))
			break;
	free(l.u);
	return r;
}

int user_load(ys_ctx *ctx, ys_store *st, int64_t id, ys_user *u)
{
	ulist l = { 0 };
	char sql[256];
	snprintf(sql, sizeof sql, "%s WHERE u.id = ? ORDER BY d.department", user_sql);
	ys_value v = { YS_V_INT, id, NULL };
	ys_result r = ys_store_select(ctx, st, sql, &v, 1, user_row, &l);
	int found = !r && !l.oom && l.n == 1;
	if (found)
		*u = l.u[0];
	free(l.u);
	return r || l.oom ? -1 : found ? 0 : 1;
}

int user_in_dept(const ys_user *u, const char *dept)
{
	for (int i = 0; dept && i < u->ndepts; i++)
		if (!strcmp(u->depts[i], dept))
			return 1;
	return 0;
}

/* ---- sessions ---- */

static int64_t now_unix(void)
{
	return (int64_t)time(NULL);
}

static int one_int(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	*(int64_t *)arg = row[0].type == YS_V_INT ? row[0].i : 0;
	return 1;
}

typedef struct cred {
	int64_t id;
	char hash[256];
} cred;

static int cred_row(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	cred *c = arg;
	c->id = row[0].i;
	copy(c->hash, sizeof c->hash, &row[1]);
	return 1;
}

typedef struct login_arg {
	int64_t uid;
	int cookie;
	const char *token_sha, *csrf;
} login_arg;

static ys_result login_tx(ys_ctx *ctx, ys_store *st, void *arg)
{
	login_arg *a = arg;
	ys_value now = { YS_V_INT, now_unix(), NULL };
	ys_result r = ys_store_exec(ctx, st, "DELETE FROM sessions WHERE expires < ?", &now, 1, NULL, NULL);
	ys_value v[5] = { { YS_V_TEXT, 0, a->token_sha }, { YS_V_INT, a->uid, NULL }, { YS_V_INT, a->cookie, NULL },
		          { YS_V_TEXT, 0, a->csrf }, { YS_V_INT, now_unix() + SESSION_SECONDS, NULL } };
	if (!r)
		r = ys_store_exec(ctx, st, "INSERT INTO sessions(token_sha256, user_id, cookie, csrf, expires) VALUES (?, ?, ?, ?, ?)",
		                  v, 5, NULL, NULL);
	return r;
}

/* a hash to check a password against when the name is unknown: the same
 * work, so the time does not tell which names exist */
static const char dummy_hash[] =
	"$argon2id$v=19$m=19456,t=2,p=1$eXVzdWFuLW5vLXVzZXIhIQ$oWMfYI57fbXcjEX99XAcbb0uvufZBi6PgNv+2s72qKQ";

int auth_login(req *q, const char *name, const char *password, int cookie, char *token, char *csrf)
{
	ys_store *st = q->st;
	int64_t since = now_unix() - LIMIT_WINDOW, by_name = 0, by_addr = 0;
	ys_value v[2] = { { YS_V_TEXT, 0, name }, { YS_V_INT, since, NULL } };
	if (ys_store_select(&q->ctx, st, "SELECT count(*) FROM login_attempt WHERE name = ? AND at_unix >= ?", v, 2,
	                    one_int, &by_name)) {
		answer_store_error(q);
		return -1;
	}
	v[0].s = q->addr;
	if (ys_store_select(&q->ctx, st, "SELECT count(*) FROM login_attempt WHERE addr = ? AND at_unix >= ?", v, 2,
	                    one_int, &by_addr)) {
		answer_store_error(q);
		return -1;
	}
	if (by_name >= LIMIT_NAME || by_addr >= LIMIT_ADDR) {
		answer_error(q, 429, "登录失败次数太多，请 %d 分钟后再试", LIMIT_WINDOW / 60);
		return -1;
	}
	cred c = { 0, "" };
	ys_value n = { YS_V_TEXT, 0, name };
	if (ys_store_select(&q->ctx, st, "SELECT id, pwhash FROM users WHERE name = ?", &n, 1, cred_row, &c)) {
		answer_store_error(q);
		return -1;
	}
	int ok = ys_password_check(c.id ? c.hash : dummy_hash, password) && c.id;
	if (!ok) {
		ys_value a[3] = { { YS_V_TEXT, 0, name }, { YS_V_TEXT, 0, q->addr }, { YS_V_INT, now_unix(), NULL } };
		ys_value old = { YS_V_INT, since, NULL };
		if (ys_store_exec(&q->ctx, st, "DELETE FROM login_attempt WHERE at_unix < ?", &old, 1, NULL, NULL) ||
		    ys_store_exec(&q->ctx, st, "INSERT INTO login_attempt(name, addr, at_unix) VALUES (?, ?, ?)", a, 3, NULL,
		                  NULL)) {
			answer_store_error(q);
			return -1;
		}
		answer_error(q, 401, "用户名或口令不对");
		return -1;
	}
	random_hex(token, 32);
	random_hex(csrf, 32);
	char sha[YS_HASH_HEX];
	ys_store_hash_bytes(token, strlen(token), sha);
	login_arg a = { c.id, cookie, sha, csrf };
	if (ys_store_transact(&q->ctx, st, login_tx, &a)) {
		answer_store_error(q);
		return -1;
	}
	if (user_load(&q->ctx, st, c.id, &q->u) != 0) {
		answer_store_error(q);
		return -1;
	}
	q->authed = 1;
	q->cookie = cookie;
	snprintf(q->csrf, sizeof q->csrf, "%s", csrf);
	snprintf(q->token_sha, sizeof q->token_sha, "%s", sha);
	return 0;
}

void auth_logout(req *q)
{
	ys_value v = { YS_V_TEXT, 0, q->token_sha };
	ys_store_exec(&q->ctx, q->st, "DELETE FROM sessions WHERE token_sha256 = ?", &v, 1, NULL, NULL);
}

typedef struct sess {
	int64_t uid, cookie;
	char csrf[65];
} sess;

static int sess_row(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	sess *s = arg;
	s->uid = row[0].i;
	s->cookie = row[1].i;
	copy(s->csrf, sizeof s->csrf, &row[2]);
	return 1;
}

static int hex64(const char *s)
{
	if (strlen(s) != 64)
		return 0;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
			return 0;
	return 1;
}

void auth_identify(req *q)
{
	const char *token = NULL;
	int cookie = 0;
	const char *h = req_header(q, MHD_HTTP_HEADER_AUTHORIZATION);
	if (h && !strncmp(h, "Bearer ", 7)) {
		token = h + 7;
	} else {
		token = MHD_lookup_connection_value(q->conn, MHD_COOKIE_KIND, "ys_session");
		cookie = 1;
	}
	if (!token || !hex64(token))
		return;
	char sha[YS_HASH_HEX];
	ys_store_hash_bytes(token, strlen(token), sha);
	sess s = { 0, 0, "" };
	ys_value v[2] = { { YS_V_TEXT, 0, sha }, { YS_V_INT, now_unix(), NULL } };
	if (ys_store_select(&q->ctx, q->st, "SELECT user_id, cookie, csrf FROM sessions WHERE token_sha256 = ? AND expires >= ?",
	                    v, 2, sess_row, &s) || !s.uid)
		return;
	/* a bearer token is not a cookie, nor the other way round */
	if (s.cookie != cookie)
		return;
	if (user_load(&q->ctx, q->st, s.uid, &q->u) != 0)
		return;
	q->authed = 1;
	q->cookie = cookie;
	snprintf(q->csrf, sizeof q->csrf, "%s", s.csrf);
	snprintf(q->token_sha, sizeof q->token_sha, "%s", sha);
}
