/*
 * serve/http.c - the server on libmicrohttpd: listening, a request's life
 * (route, store, who, limits, body, CSRF, handler), answers.
 *
 * Threads: libmicrohttpd's internal thread pool (o->threads threads, each
 * polling its share of the connections).  A handler runs on its pool
 * thread, and each thread has its own connection to the store (opened on
 * first use, closed when the thread ends): the number of database
 * connections is bounded by the pool, not by the clients, and no store is
 * shared between threads (store.h: one thread at a time).  A thread per
 * connection would open a database connection per client or need a pool
 * of them with its own locking; a slow client costs a pool thread nothing
 * (libmicrohttpd reads and writes without blocking), only a slow check
 * does, and that is bounded by the upload limit.
 *
 * Nothing lives only in this process: sessions, failed logins, reviews,
 * the workflow and the audit log are rows of the store.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include "serve/serve_int.h"

/* ---- answers ---- */

static void answer_buf(req *q, int status, ys_buf *b, const char *ctype)
{
	q->status = status;
	ys_buf_release(&q->out);
	q->out = *b;
	ys_buf_init(b);
	q->ctype = ctype;
}

void ys_srv_answer_json(req *q, int status, json_t *j)
{
	char *s = j ? json_dumps(j, JSON_COMPACT) : NULL;
	json_decref(j);
	ys_buf b = YS_BUF_INIT;
	if (s) {
		ys_buf_adds(&b, s);
		ys_buf_addc(&b, '\n');
		free(s);
	} else {
		status = 500;
		ys_buf_adds(&b, "{\"error\":\"内存不足\"}\n");
	}
	answer_buf(q, status, &b, "application/json; charset=utf-8");
}

static void answer_msg(req *q, int status, const char *msg)
{
	if (q->rt && (q->rt->flags & RF_PAGE)) {
		ys_srv_page_error(q, status, msg);
		return;
	}
	ys_srv_answer_json(q, status, json_pack("{ss}", "error", msg));
}

void ys_srv_answer_error(req *q, int status, const char *fmt, ...)
{
	char msg[YS_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	answer_msg(q, status, msg);
}

void ys_srv_answer_store_error(req *q)
{
	int status;
	switch (q->ctx.code) {
	case YS_ENOTFOUND: status = 404; break;
	case YS_EREFUSED: status = 409; break;
	case YS_EINVAL:
	case YS_EPARSE:
	case YS_EEMPTY:
	case YS_EENCODING:
	case YS_ERANGE:
	case YS_ELIMIT: status = 400; break;
	default: status = 500;
	}
	answer_msg(q, status, q->ctx.msg[0] ? q->ctx.msg : ys_strerror(q->ctx.code));
}

void ys_srv_answer_html(req *q, int status, ys_buf *html)
{
	answer_buf(q, status, html, "text/html; charset=utf-8");
}

void ys_srv_answer_redirect(req *q, const char *to)
{
	ys_buf b = YS_BUF_INIT;
	answer_buf(q, 303, &b, "text/plain; charset=utf-8");
	snprintf(q->location, sizeof q->location, "%s", to);
}

void ys_srv_html_esc(ys_buf *o, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<': ys_buf_adds(o, "&lt;"); break;
		case '>': ys_buf_adds(o, "&gt;"); break;
		case '&': ys_buf_adds(o, "&amp;"); break;
		case '"': ys_buf_adds(o, "&quot;"); break;
		case '\'': ys_buf_adds(o, "&#39;"); break;
		default: ys_buf_addc(o, *s);
		}
	}
}

const char *ys_srv_req_header(req *q, const char *name)
{
	return MHD_lookup_connection_value(q->conn, MHD_HEADER_KIND, name);
}

const char *ys_srv_req_arg(req *q, const char *name)
{
	return MHD_lookup_connection_value(q->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *ys_srv_req_field(req *q, const char *name)
{
	json_t *v = q->form ? json_object_get(q->form, name) : NULL;
	return json_is_string(v) ? json_string_value(v) : "";
}

int64_t ys_srv_req_field_int(req *q, const char *name, int64_t none)
{
	json_t *v = q->form ? json_object_get(q->form, name) : NULL;
	if (json_is_integer(v))
		return json_integer_value(v);
	if (json_is_string(v)) {
		const char *s = json_string_value(v);
		char *end;
		errno = 0;
		long long x = strtoll(s, &end, 10);
		if (*s && !*end && !errno)
			return x;
	}
	return none;
}

/* ---- the body of a form ---- */

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

json_t *ys_srv_parse_form(const char *s, size_t n)
{
	json_t *o = json_object();
	ys_buf k = YS_BUF_INIT, v = YS_BUF_INIT;
	size_t i = 0;
	while (o && i < n) {
		ys_buf_reset(&k);
		ys_buf_reset(&v);
		ys_buf *cur = &k;
		for (; i < n && s[i] != '&'; i++) {
			char c = s[i];
			if (c == '=' && cur == &k) {
				cur = &v;
				continue;
			}
			if (c == '+')
				c = ' ';
			else if (c == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
				c = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
				i += 2;
			}
			ys_buf_addc(cur, c);
		}
		i++;
		if (k.len && (k.oom || v.oom || strlen(v.s) != v.len || json_object_set_new(o, k.s, json_string(v.s)))) {
			json_decref(o); /* a NUL or bad UTF-8 in a field: refused */
			o = NULL;
		}
	}
	ys_buf_release(&k);
	ys_buf_release(&v);
	return o;
}

/* ---- routes ---- */

int ys_srv_route_match(const char *pattern, const char *path, int64_t *id)
{
	while (*pattern && *path) {
		/* {id}: 1..18 digits into *id; {n}: a second number, 1..9 digits,
		 * which its handler reads (ys_srv_path_n) */
		int is_n = !strncmp(pattern, "{n}", 3);
		if (is_n || !strncmp(pattern, "{id}", 4)) {
			int64_t x = 0;
			int n = 0, max = is_n ? 9 : 18;
			while (*path >= '0' && *path <= '9' && n < max) {
				x = x * 10 + (*path++ - '0');
				n++;
			}
			if (!n || (*path >= '0' && *path <= '9'))
				return 0;
			if (!is_n)
				*id = x;
			pattern += is_n ? 3 : 4;
			continue;
		}
		if (*pattern++ != *path++)
			return 0;
	}
	return !*pattern && !*path;
}

int64_t ys_srv_path_n(const req *q)
{
	const char *pt = q->rt->pattern, *pa = q->path;
	while (*pt && *pa) {
		if (!strncmp(pt, "{id}", 4) || !strncmp(pt, "{n}", 3)) {
			int second = pt[1] == 'n';
			int64_t x = 0;
			while (*pa >= '0' && *pa <= '9')
				x = x * 10 + (*pa++ - '0');
			if (second)
				return x;
			pt += 4;
			continue;
		}
		pt++, pa++;
	}
	return -1;
}

/* The route of method and path; *other: the path is known with another
 * method. */
const route *ys_srv_find_route(const char *method, const char *path, int64_t *id, int *other)
{
	*other = 0;
	for (size_t i = 0; i < ys_nroutes; i++) {
		const route *r = &ys_routes[i];
		if (!ys_srv_route_match(r->pattern, path, id))
			continue;
		if (!strcmp(r->method, method))
			return r;
		*other = 1;
	}
	return NULL;
}

/* ---- the worker thread's store and cache ---- */

#define TCACHE 4

/* What a pool thread keeps: its store, and the tables of the documents
 * it drew last (a document never changes: a cache of what is in the
 * store, not state of its own). */
typedef struct tstate {
	ys_store *st;
	int64_t id[TCACHE];
	char *html[TCACHE];
	int next;
} tstate;

static void tstate_free(void *p)
{
	tstate *t = p;
	ys_store_close(t->st);
	for (int i = 0; i < TCACHE; i++)
		free(t->html[i]);
	free(t);
}

static tstate *thread_state(req *q)
{
	pthread_key_t key = (pthread_key_t)q->srv->key;
	tstate *t = pthread_getspecific(key);
	if (t)
		return t;
	if (!(t = calloc(1, sizeof *t))) {
		ys_error(&q->ctx, YS_ENOMEM, "内存不足");
		return NULL;
	}
	if (ys_store_open(&q->ctx, q->srv->db, &t->st)) {
		free(t);
		return NULL;
	}
	pthread_setspecific(key, t);
	return t;
}

static ys_store *thread_store(req *q)
{
	tstate *t = thread_state(q);
	if (t && !t->st && ys_store_open(&q->ctx, q->srv->db, &t->st))
		t->st = NULL;
	return t ? t->st : NULL;
}

/* After the store's failure (a server restarted, a connection cut) the
 * thread's next request opens it again. */
static void thread_store_reset(req *q)
{
	tstate *t = pthread_getspecific((pthread_key_t)q->srv->key);
	if (t) {
		ys_store_close(t->st);
		t->st = NULL;
	}
}

const char *ys_srv_tcache_get(req *q, int64_t id)
{
	tstate *t = pthread_getspecific((pthread_key_t)q->srv->key);
	for (int i = 0; t && i < TCACHE; i++)
		if (t->html[i] && t->id[i] == id)
			return t->html[i];
	return NULL;
}

void ys_srv_tcache_put(req *q, int64_t id, char *html)
{
	tstate *t = pthread_getspecific((pthread_key_t)q->srv->key);
	if (!t) {
		free(html);
		return;
	}
	free(t->html[t->next]);
	t->id[t->next] = id;
	t->html[t->next] = html;
	t->next = (t->next + 1) % TCACHE;
}

/* ---- a request's life ---- */

static int same_secret(const char *a, const char *b)
{
	size_t n = strlen(a);
	if (n == 0 || n != strlen(b))
		return 0;
	unsigned char d = 0;
	for (size_t i = 0; i < n; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0;
}

static enum MHD_Result send_answer(req *q)
{
	char *data = NULL;
	size_t len = 0;
	if (q->out.oom) {
		ys_buf_release(&q->out);
		q->status = 500;
		q->ctype = "application/json; charset=utf-8";
		data = strdup("{\"error\":\"内存不足\"}\n");
		len = data ? strlen(data) : 0;
	} else if (q->out.cap) {
		data = ys_buf_detach(&q->out, &len);
	}
	struct MHD_Response *res = data ? MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE)
	                                : MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
	if (!res) {
		free(data);
		return MHD_NO;
	}
	MHD_add_response_header(res, MHD_HTTP_HEADER_CONTENT_TYPE, q->ctype ? q->ctype : "text/plain; charset=utf-8");
	MHD_add_response_header(res, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(res, "X-Frame-Options", "DENY");
	MHD_add_response_header(res, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(res, "Content-Security-Policy",
	                        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
	                        "frame-ancestors 'none'; base-uri 'none'");
	if (q->rt && !strcmp(q->rt->pattern, "/style.css"))
		MHD_add_response_header(res, MHD_HTTP_HEADER_CACHE_CONTROL, "max-age=3600");
	else
		MHD_add_response_header(res, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	if (q->location[0])
		MHD_add_response_header(res, MHD_HTTP_HEADER_LOCATION, q->location);
	if (q->disposition[0])
		MHD_add_response_header(res, MHD_HTTP_HEADER_CONTENT_DISPOSITION, q->disposition);
	if (q->set_cookie[0])
		MHD_add_response_header(res, MHD_HTTP_HEADER_SET_COOKIE, q->set_cookie);
	if (q->status == 401 && !(q->rt && (q->rt->flags & RF_PAGE)))
		MHD_add_response_header(res, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer");
	enum MHD_Result r = MHD_queue_response(q->conn, (unsigned)q->status, res);
	MHD_destroy_response(res);
	q->answered = 1;
	return r;
}

/* Everything a request is checked for before its body is read: the
 * route, the store, who it is, whether that role may, the declared size.
 * Returns 1 when an answer is ready. */
static int admit(req *q)
{
	int other = 0;
	q->rt = ys_srv_find_route(q->method, q->path, &q->id, &other);
	if (!q->rt) {
		if (other)
			ys_srv_answer_error(q, 405, "不支持这个方法：%s", q->method);
		else
			ys_srv_answer_error(q, 404, "没有这个地址");
		return 1;
	}
	q->limit = (q->rt->flags & RF_UPLOAD) ? q->srv->o.max_upload : q->srv->o.max_form;
	const char *cl = ys_srv_req_header(q, MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (cl && strtoull(cl, NULL, 10) > q->limit) {
		ys_srv_answer_error(q, 413, "请求太大：至多 %zu 字节", q->limit);
		return 1;
	}
	if (!(q->st = thread_store(q))) {
		ys_srv_answer_error(q, 503, "数据库暂时不可用：%s", q->ctx.msg);
		return 1;
	}
	ys_srv_auth_identify(q);
	ys_ctx_init(&q->ctx);
	if (q->rt->roles & R_ANON)
		return 0;
	if (!q->authed) {
		if (q->rt->flags & RF_PAGE)
			ys_srv_answer_redirect(q, "/login");
		else
			ys_srv_answer_error(q, 401, "请先登录");
		return 1;
	}
	if (!(q->u.role & q->rt->roles)) {
		ys_srv_answer_error(q, 403, "没有权限：%s 不能这样做", ys_role_name(q->u.role));
		return 1;
	}
	return 0;
}

/* The whole body is here: parse it, check the CSRF token, run. */
static void run(req *q)
{
	if (q->too_big) {
		ys_srv_answer_error(q, 413, "请求太大：至多 %zu 字节", q->limit);
		return;
	}
	int writes = strcmp(q->method, "GET") && strcmp(q->method, "HEAD");
	const char *mct = ys_srv_req_header(q, MHD_HTTP_HEADER_CONTENT_TYPE);
	if ((q->rt->flags & RF_MULTIPART) && mct && !strncasecmp(mct, "multipart/", 10)) {
		/* several files and the form's fields: malformed is refused before
		 * anything else, nothing stored */
		char err[256];
		if (!(q->parts = calloc(YS_SRV_PARTS_MAX, sizeof *q->parts)) || !(q->form = json_object())) {
			ys_srv_answer_error(q, 500, "内存不足");
			return;
		}
		if (ys_srv_multipart_parse(mct, q->body.s, q->body.len, q->parts, YS_SRV_PARTS_MAX, &q->nparts, err, sizeof err)) {
			ys_srv_answer_error(q, 400, "%s", err);
			return;
		}
		for (int i = 0; i < q->nparts; i++) {
			const ys_srv_part *p = &q->parts[i];
			if (p->has_filename)
				continue;
			char v[256];
			if (p->len >= sizeof v || memchr(p->data, 0, p->len)) {
				ys_srv_answer_error(q, 400, "multipart 第 %d 部分（%s）没有文件名，也不是表单的字段", i + 1, p->name);
				return;
			}
			memcpy(v, p->data, p->len);
			v[p->len] = '\0';
			json_t *js = json_string(v);
			if (!js || json_object_set_new(q->form, p->name, js)) {
				ys_srv_answer_error(q, 400, "multipart 第 %d 部分（%s）不是 UTF-8 文本", i + 1, p->name);
				return;
			}
		}
	} else if (!(q->rt->flags & RF_UPLOAD) && q->body.len) {
		const char *ct = ys_srv_req_header(q, MHD_HTTP_HEADER_CONTENT_TYPE);
		if (ct && !strncmp(ct, "application/json", 16)) {
			json_error_t e;
			q->form = json_loadb(q->body.s, q->body.len, JSON_REJECT_DUPLICATES, &e);
			if (!json_is_object(q->form)) {
				ys_srv_answer_error(q, 400, "请求不是 JSON 对象：第 %d 行第 %d 列：%s", e.line, e.column, e.text);
				return;
			}
		} else if (ct && !strncmp(ct, "application/x-www-form-urlencoded", 33)) {
			if (!(q->form = ys_srv_parse_form(q->body.s, q->body.len))) {
				ys_srv_answer_error(q, 400, "表单无法读取");
				return;
			}
		} else {
			ys_srv_answer_error(q, 415, "请求体应为 JSON（application/json）或表单");
			return;
		}
	}
	/* a session by cookie writes only with its CSRF token: a form's field
	 * or the header X-CSRF-Token */
	if (writes && q->authed && q->cookie) {
		const char *t = ys_srv_req_header(q, "X-CSRF-Token");
		if (!t || !*t)
			t = ys_srv_req_field(q, "csrf");
		if (!same_secret(t, q->csrf)) {
			ys_srv_answer_error(q, 403, "缺少或不对的 CSRF 令牌：请重新打开页面再提交");
			return;
		}
	}
	q->rt->fn(q);
	if (!q->status)
		ys_srv_answer_error(q, 500, "没有回答");
	if (q->status >= 500)
		thread_store_reset(q);
}

static void addr_of(req *q)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(q->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	q->addr[0] = '\0';
	if (!ci || !ci->client_addr)
		return;
	const struct sockaddr *sa = ci->client_addr;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, q->addr, sizeof q->addr);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, q->addr, sizeof q->addr);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                                  const char *version, const char *data, size_t *size, void **con_cls)
{
	(void)version;
	req *q = *con_cls;
	if (!q) {
		q = calloc(1, sizeof *q);
		if (!q)
			return MHD_NO;
		*con_cls = q;
		q->srv = cls;
		q->conn = conn;
		q->method = method;
		q->path = url;
		ys_buf_init(&q->body);
		ys_buf_init(&q->out);
		ys_ctx_init(&q->ctx);
		addr_of(q);
		if (admit(q))
			return send_answer(q);
		return MHD_YES;
	}
	if (q->answered) {
		*size = 0;
		return MHD_YES;
	}
	if (*size) {
		if (!q->too_big && q->body.len + *size <= q->limit)
			ys_buf_add(&q->body, data, *size);
		else
			q->too_big = 1;
		*size = 0;
		if (q->body.oom)
			q->too_big = 1;
		return MHD_YES;
	}
	run(q);
	return send_answer(q);
}

static void on_done(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode why)
{
	(void)cls;
	(void)conn;
	(void)why;
	req *q = *con_cls;
	if (!q)
		return;
	ys_buf_release(&q->body);
	ys_buf_release(&q->out);
	json_decref(q->form);
	free(q->parts);
	free(q);
	*con_cls = NULL;
}

/* ---- start and stop ---- */

/* "127.0.0.1:8080", "[::1]:8080" into a socket address. */
static int parse_listen(const char *s, struct sockaddr_storage *ss, socklen_t *len, int *v6)
{
	memset(ss, 0, sizeof *ss);
	char host[64];
	const char *colon;
	if (s[0] == '[') {
		const char *end = strchr(s, ']');
		if (!end || end[1] != ':' || (size_t)(end - s - 1) >= sizeof host)
			return -1;
		snprintf(host, sizeof host, "%.*s", (int)(end - s - 1), s + 1);
		colon = end + 1;
	} else {
		colon = strrchr(s, ':');
		if (!colon || (size_t)(colon - s) >= sizeof host)
			return -1;
		snprintf(host, sizeof host, "%.*s", (int)(colon - s), s);
	}
	char *end;
	long port = strtol(colon + 1, &end, 10);
	if (!colon[1] || *end || port < 0 || port > 65535)
		return -1;
	struct sockaddr_in *a4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;
	if (inet_pton(AF_INET, host, &a4->sin_addr) == 1) {
		a4->sin_family = AF_INET;
		a4->sin_port = htons((uint16_t)port);
		*len = sizeof *a4;
		*v6 = 0;
		return 0;
	}
	if (inet_pton(AF_INET6, host, &a6->sin6_addr) == 1) {
		a6->sin6_family = AF_INET6;
		a6->sin6_port = htons((uint16_t)port);
		*len = sizeof *a6;
		*v6 = 1;
		return 0;
	}
	return -1;
}

ys_result ys_serve_start(ys_ctx *ctx, const ys_serve_opts *o, ys_server **out)
{
	*out = NULL;
	ys_server *s = calloc(1, sizeof *s);
	if (!s)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	s->o = *o;
	if (!s->o.listen)
		s->o.listen = "127.0.0.1:8080";
	if (s->o.threads <= 0)
		s->o.threads = 4;
	if (!s->o.max_upload)
		s->o.max_upload = (size_t)64 << 20;
	if (!s->o.max_form)
		s->o.max_form = (size_t)64 << 10;
	if (!s->o.timeout)
		s->o.timeout = 30;
	ys_result r = YS_OK;
	struct sockaddr_storage ss;
	socklen_t sslen;
	int v6 = 0;
	if (parse_listen(s->o.listen, &ss, &sslen, &v6)) {
		r = ys_error(ctx, YS_EINVAL, "--listen %s：应为 地址:端口，如 127.0.0.1:8080 或 [::1]:8080", s->o.listen);
		goto fail;
	}
	if (o->catalog)
		snprintf(s->catalog, sizeof s->catalog, "%s", o->catalog);
	else if (!ys_catalog_default_root(s->catalog, sizeof s->catalog)) {
		r = ys_error(ctx, YS_EINVAL, "找不到分类目录");
		goto fail;
	}
	if (!(s->db = strdup(o->db ? o->db : ""))) {
		r = ys_error(ctx, YS_ENOMEM, "内存不足");
		goto fail;
	}
	/* open the store once here: its schema is created or migrated, and a
	 * database that cannot be used is said now, not at the first request */
	ys_store *st = NULL;
	if ((r = ys_store_open(ctx, s->db, &st)))
		goto fail;
	ys_store_close(st);
	const char *tmp = getenv("TMPDIR");
	snprintf(s->tmpdir, sizeof s->tmpdir, "%s/yusuan-serve.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(s->tmpdir)) {
		r = ys_error(ctx, YS_EIO, "%s：无法建立临时文件夹：%s", s->tmpdir, strerror(errno));
		s->tmpdir[0] = '\0';
		goto fail;
	}
	pthread_key_t key;
	if (pthread_key_create(&key, tstate_free)) {
		r = ys_error(ctx, YS_ENOMEM, "内存不足");
		goto fail;
	}
	s->key = (unsigned)key;
	s->key_ok = 1;
	/* the workers first: a request that queues a job wakes them */
	if ((r = ys_srv_jobs_start(ctx, s, s->o.workers)))
		goto fail;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | (v6 ? MHD_USE_IPv6 : 0);
	s->mhd = MHD_start_daemon(flags, 0, NULL, NULL, on_request, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	                          MHD_OPTION_THREAD_POOL_SIZE, (unsigned)s->o.threads, MHD_OPTION_CONNECTION_TIMEOUT,
	                          s->o.timeout, MHD_OPTION_CONNECTION_LIMIT, 2000u, MHD_OPTION_NOTIFY_COMPLETED, on_done,
	                          s, MHD_OPTION_LISTENING_ADDRESS_REUSE, 1u, MHD_OPTION_END);
	if (!s->mhd) {
		r = ys_error(ctx, YS_EIO, "无法在 %s 上监听（端口已被占用，或地址不是本机的？）", s->o.listen);
		goto fail;
	}
	const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->mhd, MHD_DAEMON_INFO_BIND_PORT);
	unsigned port = di ? di->port : 0;
	char host[64];
	if (v6) {
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&ss)->sin6_addr, host, sizeof host);
		snprintf(s->url, sizeof s->url, "http://[%s]:%u/", host, port);
	} else {
		inet_ntop(AF_INET, &((struct sockaddr_in *)&ss)->sin_addr, host, sizeof host);
		snprintf(s->url, sizeof s->url, "http://%s:%u/", host, port);
	}
	*out = s;
	return YS_OK;
fail:
	ys_serve_stop(s);
	return r;
}

const char *ys_serve_url(const ys_server *s)
{
	return s->url;
}

void ys_serve_stop(ys_server *s)
{
	if (!s)
		return;
	if (s->mhd)
		MHD_stop_daemon(s->mhd);
	ys_srv_jobs_stop(s);
	if (s->key_ok)
		pthread_key_delete((pthread_key_t)s->key);
	if (s->tmpdir[0])
		rmdir(s->tmpdir);
	free(s->db);
	free(s);
}
