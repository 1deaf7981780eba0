/*
 * serve/jobs.c - uploads checked as jobs: the upload page and POST
 * /api/v1/jobs queue each file as a row of the store's job table, worker
 * threads of the serve processes claim and run them, the pages and the
 * API show their state and progress (docs/api.md).
 *
 * The queue is the table, not memory: a worker claims a job with one
 * UPDATE (PostgreSQL: the queued row picked FOR UPDATE SKIP LOCKED; SQLite:
 * inside its write transaction), so any number of processes on one
 * PostgreSQL share it and none runs a job another holds.  A job's end (done
 * and its document) is written in the transaction that stores the
 * document and its audit row, and only while the job is still this
 * worker's: a job taken over after its worker was thought dead cannot
 * store its document twice.  A running job whose heartbeat is older than
 * JOB_STALE_SECONDS goes back to the queue (at most JOB_TRIES times).
 *
 * What a job does is exactly POST /api/v1/documents (ys_srv_app_upload_file
 * in app.c), as the user who uploaded it.
 *
 * multipart/form-data (RFC 7578) is parsed here, strictly, over the body
 * already in memory: a part's bytes are pointers into it.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "serve/serve_int.h"

#define JOB_FILES_MAX 50          /* files of one upload */
#define JOB_STALE_SECONDS 600     /* a running job without a sign of life this long: its worker died */
#define JOB_TRIES 3               /* workers that may take a job before it fails */
#define JOB_POLL_MS 500           /* an idle worker looks at the queue this often */
#define JOB_KEEP_SECONDS 30       /* an idle worker's heartbeat for its process's jobs, and the stale sweep */
#define MP_HEADERS_MAX 8192       /* bytes of one part's headers */

/* ---- multipart/form-data ---- */

static int mp_fail(char *err, size_t cap, const char *msg)
{
	snprintf(err, cap, "%s", msg);
	return -1;
}

/* The value of parameter `key` (boundary, name, filename) in a header
 * value's "; key=value" list, quoted or not, into out; 1 found, 0 not,
 * -1 malformed (an unclosed quote, too long). */
static int header_param(const char *s, const char *end, const char *key, char *out, size_t cap)
{
	size_t klen = strlen(key);
	const char *p = s;
	while (p < end) {
		/* to the next ';' outside quotes */
		int quoted = 0;
		while (p < end && (quoted || *p != ';')) {
			if (*p == '"')
				quoted = !quoted;
			else if (*p == '\\' && quoted && p + 1 < end)
				p++;
			p++;
		}
		if (p >= end)
			return quoted ? -1 : 0;
		p++; /* ';' */
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if ((size_t)(end - p) <= klen || strncasecmp(p, key, klen) || p[klen] != '=')
			continue;
		p += klen + 1;
		size_t n = 0;
		if (p < end && *p == '"') {
			for (p++; p < end && *p != '"'; p++) {
				if (*p == '\\' && p + 1 < end)
					p++;
				if (n + 1 >= cap)
					return -1;
				out[n++] = *p;
			}
			if (p >= end)
				return -1;
		} else {
			for (; p < end && *p != ';' && *p != ' ' && *p != '\t'; p++) {
				if (n + 1 >= cap)
					return -1;
				out[n++] = *p;
			}
		}
		out[n] = '\0';
		return 1;
	}
	return 0;
}

/* needle (m > 0 bytes) in hay (n bytes), or NULL */
static const char *find(const char *hay, size_t n, const char *needle, size_t m)
{
	const char *end = hay + n;
	for (const char *p = hay; m <= (size_t)(end - p); p++) {
		p = memchr(p, needle[0], (size_t)(end - p) - m + 1);
		if (!p)
			return NULL;
		if (!memcmp(p, needle, m))
			return p;
	}
	return NULL;
}

int ys_srv_multipart_parse(const char *ctype, const char *body, size_t n, ys_srv_part *parts, int max, int *nparts,
                           char *err, size_t errcap)
{
	*nparts = 0;
	if (!ctype || strncasecmp(ctype, "multipart/form-data", 19))
		return mp_fail(err, errcap, "请求体应为 multipart/form-data");
	char boundary[80];
	int b = header_param(ctype + 19, ctype + strlen(ctype), "boundary", boundary, sizeof boundary);
	size_t blen = b == 1 ? strlen(boundary) : 0;
	if (b != 1 || blen < 1 || blen > 70)
		return mp_fail(err, errcap, "multipart/form-data 缺少 boundary 或它不对（应为 1 到 70 个字符）");
	char delim[80 + 4];
	int dlen = snprintf(delim, sizeof delim, "\r\n--%s", boundary);
	/* the first delimiter: at the start, or after a preamble and its CRLF */
	const char *p;
	if (n >= (size_t)dlen - 2 && !memcmp(body, delim + 2, (size_t)dlen - 2))
		p = body + dlen - 2;
	else if ((p = find(body, n, delim, (size_t)dlen)))
		p += dlen;
	else
		return mp_fail(err, errcap, "multipart 的正文里没有 boundary 分隔行");
	const char *end = body + n;
	for (;;) {
		/* after a delimiter: "--" ends, else (padding and) CRLF starts a part */
		if (end - p >= 2 && p[0] == '-' && p[1] == '-') {
			if (!*nparts)
				return mp_fail(err, errcap, "multipart 里一个部分也没有");
			return 0;
		}
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return mp_fail(err, errcap, "multipart 被截断了：分隔行后面缺少换行或结束标记");
		p += 2;
		if (*nparts == max) {
			snprintf(err, errcap, "一次至多上传 %d 个部分", max);
			return -1;
		}
		ys_srv_part *pt = &parts[*nparts];
		memset(pt, 0, sizeof *pt);
		int part_no = *nparts + 1;
		/* the headers, to an empty line */
		const char *hend = find(p, (size_t)(end - p), "\r\n\r\n", 4);
		const char *blank_first = (end - p >= 2 && p[0] == '\r' && p[1] == '\n') ? p : NULL;
		if (!hend && !blank_first) {
			snprintf(err, errcap, "multipart 被截断了：第 %d 部分的头没有结束", part_no);
			return -1;
		}
		if (blank_first)
			hend = p - 2; /* no headers at all */
		if (hend - p > MP_HEADERS_MAX) {
			snprintf(err, errcap, "multipart 第 %d 部分的头太长（至多 %d 字节）", part_no, MP_HEADERS_MAX);
			return -1;
		}
		int disposition = 0;
		for (const char *line = p; line < hend;) {
			const char *eol = find(line, (size_t)(hend - line), "\r\n", 2);
			if (!eol)
				eol = hend;
			const char *colon = memchr(line, ':', (size_t)(eol - line));
			if (!colon) {
				snprintf(err, errcap, "multipart 第 %d 部分有一行头不是“名称: 值”", part_no);
				return -1;
			}
			if (colon - line == 19 && !strncasecmp(line, "Content-Disposition", 19)) {
				const char *v = colon + 1;
				while (v < eol && (*v == ' ' || *v == '\t'))
					v++;
				if ((size_t)(eol - v) < 9 || strncasecmp(v, "form-data", 9) || (v + 9 < eol && v[9] != ';' && v[9] != ' ')) {
					snprintf(err, errcap, "multipart 第 %d 部分不是 form-data", part_no);
					return -1;
				}
				int nm = header_param(v + 9, eol, "name", pt->name, sizeof pt->name);
				int fn = header_param(v + 9, eol, "filename", pt->filename, sizeof pt->filename);
				if (nm != 1 || fn < 0) {
					snprintf(err, errcap, "multipart 第 %d 部分的 Content-Disposition 缺少 name 或写得不对", part_no);
					return -1;
				}
				pt->has_filename = fn == 1;
				disposition = 1;
			}
			line = eol + 2;
		}
		if (!disposition) {
			snprintf(err, errcap, "multipart 第 %d 部分缺少 Content-Disposition", part_no);
			return -1;
		}
		p = hend + 4;
		/* the data, to the next delimiter */
		const char *next = find(p, (size_t)(end - p), delim, (size_t)dlen);
		if (!next) {
			snprintf(err, errcap, "multipart 被截断了：第 %d 部分后面没有分隔行", part_no);
			return -1;
		}
		pt->data = p;
		pt->len = (size_t)(next - p);
		(*nparts)++;
		p = next + dlen;
	}
}

/* ---- base64: a job's bytes as text in the store ---- */

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void b64_encode(ys_buf *o, const unsigned char *s, size_t n)
{
	ys_buf_reserve(o, (n + 2) / 3 * 4 + 1);
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)s[i] << 16 | (i + 1 < n ? (unsigned)s[i + 1] << 8 : 0) | (i + 2 < n ? s[i + 2] : 0);
		char q[4] = { b64[v >> 18 & 63], b64[v >> 12 & 63], i + 1 < n ? b64[v >> 6 & 63] : '=', i + 2 < n ? b64[v & 63] : '=' };
		ys_buf_add(o, q, 4);
	}
}

/* Decoded into o; -1 when s is not base64. */
static int b64_decode(ys_buf *o, const char *s, size_t n)
{
	if (n % 4)
		return -1;
	ys_buf_reserve(o, n / 4 * 3 + 1);
	for (size_t i = 0; i < n; i += 4) {
		unsigned v = 0;
		int pad = 0;
		for (int k = 0; k < 4; k++) {
			const char *at = s[i + k] == '=' ? NULL : strchr(b64, s[i + k]);
			if (s[i + k] == '=' && i + 4 == n && k >= 2)
				pad++;
			else if (!at || !s[i + k] || pad)
				return -1;
			v = v << 6 | (at ? (unsigned)(at - b64) : 0);
		}
		char q[3] = { (char)(v >> 16), (char)(v >> 8 & 255), (char)(v & 255) };
		ys_buf_add(o, q, (size_t)(3 - pad));
	}
	return o->oom ? -1 : 0;
}

/* ---- time ---- */

static void now_iso(char *buf, size_t cap)
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ---- a job as JSON and who may see it ---- */

#define JOB_COLS \
	"id, batch, user_id, user_name, department, file, size, state, step, permille, document_id, error, tries," \
	" created_at, started_at, finished_at"

static const char *state_zh(const char *s)
{
	return !strcmp(s, "queued") ? "排队中" : !strcmp(s, "running") ? "检查中" : !strcmp(s, "done") ? "完成" : "失败";
}

static const char *vs(const ys_value *v)
{
	return v->type == YS_V_TEXT && v->s ? v->s : "";
}

static json_t *job_json(const ys_value *r)
{
	json_t *o = json_pack("{sI ss ss ss ss sI ss s{ss sI} so so sI ss ss ss}", "id", (json_int_t)r[0].i, "batch",
	                      vs(&r[1]), "user", vs(&r[3]), "department", vs(&r[4]), "file", vs(&r[5]), "size",
	                      (json_int_t)r[6].i, "state", vs(&r[7]), "progress", "step", vs(&r[8]), "permille",
	                      (json_int_t)r[9].i, "document", r[10].type == YS_V_INT ? json_integer(r[10].i) : json_null(),
	                      "error", *vs(&r[11]) ? json_string(vs(&r[11])) : json_null(), "tries", (json_int_t)r[12].i,
	                      "created_at", vs(&r[13]), "started_at", vs(&r[14]), "finished_at", vs(&r[15]));
	return o;
}

static int may_see_job(const req *q, const ys_value *r)
{
	if (q->u.role & (YS_ROLE_ADMIN | YS_ROLE_REVIEWER))
		return 1;
	if (q->u.role & YS_ROLE_EDITOR)
		return r[2].i == q->u.id || ys_srv_user_in_dept(&q->u, vs(&r[4]));
	return 0;
}

typedef struct jl {
	req *q;
	json_t *a;
	int unseen; /* rows not shown to this user */
} jl;

static int jl_row(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	jl *l = arg;
	if (!may_see_job(l->q, row)) {
		l->unseen++;
		return 0;
	}
	json_array_append_new(l->a, job_json(row));
	return 0;
}

/* The jobs of batch (or the latest 200 when batch is NULL) that q may see,
 * oldest first; NULL when answered (an error). */
static json_t *jobs_of(req *q, const char *batch, int64_t id, int *unseen)
{
	jl l = { q, json_array(), 0 };
	ys_value v = batch ? (ys_value){ YS_V_TEXT, 0, batch } : (ys_value){ YS_V_INT, id, NULL };
	ys_result r;
	if (batch || id)
		r = ys_store_select(&q->ctx, q->st,
		                    batch ? "SELECT " JOB_COLS " FROM job WHERE batch = ? ORDER BY id"
		                          : "SELECT " JOB_COLS " FROM job WHERE id = ?",
		                    &v, 1, jl_row, &l);
	else
		r = ys_store_select(&q->ctx, q->st,
		                    "SELECT * FROM (SELECT " JOB_COLS " FROM job ORDER BY id DESC LIMIT 200) j ORDER BY id",
		                    NULL, 0, jl_row, &l);
	if (r || !l.a) {
		json_decref(l.a);
		if (!r)
			ys_error(&q->ctx, YS_ENOMEM, "内存不足");
		ys_srv_answer_store_error(q);
		return NULL;
	}
	if (unseen)
		*unseen = l.unseen;
	return l.a;
}

/* ---- queueing ---- */

typedef struct qfile {
	char name[256];
	const char *data;
	size_t len;
} qfile;

typedef struct enq_arg {
	const req *q;
	const qfile *f;
	int n;
	const char *batch;
	ys_buf *data; /* each file's base64 */
} enq_arg;

static ys_result enqueue_tx(ys_ctx *ctx, ys_store *st, void *arg)
{
	enq_arg *a = arg;
	ys_result r = YS_OK;
	for (int i = 0; i < a->n && !r; i++) {
		ys_value v[6] = { { YS_V_TEXT, 0, a->batch },      { YS_V_INT, a->q->u.id, NULL },
			          { YS_V_TEXT, 0, a->q->u.name },      { YS_V_TEXT, 0, a->f[i].name },
			          { YS_V_INT, (int64_t)a->f[i].len, NULL }, { YS_V_TEXT, 0, a->data[i].s } };
		r = ys_store_exec(ctx, st,
		                  "INSERT INTO job(batch, user_id, user_name, department, file, size, data, state, step, permille,"
		                  " error, worker, tries, heartbeat, started_at, finished_at)"
		                  " VALUES (?, ?, ?, '', ?, ?, ?, 'queued', '排队', 0, '', '', 0, 0, '', '')",
		                  v, 6, NULL, NULL);
	}
	return r;
}

/* Queue n files as one batch (batch: 33 bytes); 0, or answered (400, 500). */
static int enqueue(req *q, const qfile *f, int n, char *batch)
{
	if (n <= 0 || n > JOB_FILES_MAX) {
		ys_srv_answer_error(q, 400, "没有文件：请选择一个或几个公开文件");
		return -1;
	}
	for (int i = 0; i < n; i++)
		if (!f[i].len) {
			ys_srv_answer_error(q, 400, "%s：文件是空的", f[i].name);
			return -1;
		}
	ys_buf *data = calloc((size_t)n, sizeof *data);
	if (!data) {
		ys_srv_answer_error(q, 500, "内存不足");
		return -1;
	}
	int oom = 0;
	for (int i = 0; i < n; i++) {
		ys_buf_init(&data[i]);
		b64_encode(&data[i], (const unsigned char *)f[i].data, f[i].len);
		oom |= data[i].oom;
	}
	ys_srv_random_hex(batch, 16);
	enq_arg a = { q, f, n, batch, data };
	ys_result r = oom ? ys_error(&q->ctx, YS_ENOMEM, "内存不足") : ys_store_transact(&q->ctx, q->st, enqueue_tx, &a);
	for (int i = 0; i < n; i++)
		ys_buf_release(&data[i]);
	free(data);
	if (r) {
		ys_srv_answer_store_error(q);
		return -1;
	}
	ys_srv_jobs_kick(q->srv);
	return 0;
}

/* The files of q: its multipart parts with a file name, or its body named
 * by ?name= or X-File-Name; 0, or answered (400). */
static int files_of(req *q, qfile *f, int *n)
{
	*n = 0;
	if (q->parts) {
		for (int i = 0; i < q->nparts; i++) {
			const ys_srv_part *p = &q->parts[i];
			if (!p->has_filename) {
				if (!strcmp(p->name, "csrf"))
					continue;
				ys_srv_answer_error(q, 400, "multipart 第 %d 部分（%s）没有文件名：每个文件都要有 filename", i + 1, p->name);
				return -1;
			}
			if (*n == JOB_FILES_MAX) {
				ys_srv_answer_error(q, 400, "一次至多上传 %d 个文件", JOB_FILES_MAX);
				return -1;
			}
			if (!p->filename[0] && !p->len) {
				ys_srv_answer_error(q, 400, "没有选择文件");
				return -1;
			}
			if (ys_srv_clean_name(p->filename, f[*n].name, sizeof f[*n].name)) {
				ys_srv_answer_error(q, 400, "multipart 第 %d 部分的文件名不行（不超过 200 字节，UTF-8，不含控制字符）", i + 1);
				return -1;
			}
			f[*n].data = p->data;
			f[*n].len = p->len;
			(*n)++;
		}
		return 0;
	}
	const char *given = ys_srv_req_arg(q, "name");
	if (!given || !*given)
		given = ys_srv_req_header(q, "X-File-Name");
	if (!given || ys_srv_clean_name(given, f[0].name, sizeof f[0].name)) {
		ys_srv_answer_error(q, 400, "缺少文件名或文件名不行：在查询参数 name 或头 X-File-Name 中给出（不超过 200 字节，不含控制字符）");
		return -1;
	}
	f[0].data = q->body.s;
	f[0].len = q->body.len;
	*n = 1;
	return 0;
}

/* ---- the API ---- */

void ys_srv_api_jobs_post(req *q)
{
	qfile *f = calloc(JOB_FILES_MAX, sizeof *f);
	int n = 0;
	char batch[33];
	if (!f) {
		ys_srv_answer_error(q, 500, "内存不足");
		return;
	}
	if (!files_of(q, f, &n) && !enqueue(q, f, n, batch)) {
		json_t *a = jobs_of(q, batch, 0, NULL);
		if (a)
			ys_srv_answer_json(q, 202, json_pack("{ss so}", "batch", batch, "jobs", a));
	}
	free(f);
}

void ys_srv_api_jobs(req *q)
{
	const char *batch = ys_srv_req_arg(q, "batch");
	json_t *a = jobs_of(q, batch && *batch ? batch : NULL, 0, NULL);
	if (a)
		ys_srv_answer_json(q, 200, json_pack("{so}", "jobs", a));
}

void ys_srv_api_job(req *q)
{
	int unseen = 0;
	json_t *a = jobs_of(q, NULL, q->id, &unseen);
	if (!a)
		return;
	if (unseen)
		ys_srv_answer_error(q, 403, "没有权限查看任务 %lld", (long long)q->id);
	else if (!json_array_size(a))
		ys_srv_answer_error(q, 404, "没有编号为 %lld 的任务", (long long)q->id);
	else
		ys_srv_answer_json(q, 200, json_incref(json_array_get(a, 0)));
	json_decref(a);
}

/* ---- the pages ---- */

void ys_srv_page_upload(req *q)
{
	ys_buf o = YS_BUF_INIT;
	ys_srv_page_open_head(q, &o, "上传公开文件", NULL);
	ys_buf_adds(&o, "<p>可以一次选几个文件：PDF、XLSX、文本（.txt）或 yusuan 的 JSON。每个文件是一个任务，"
	                "由服务器依次读取、检查、保存；上传后的页面显示每个任务的进度。</p>\n"
	                "<form id=\"upload-form\" class=\"stack\" method=\"post\" action=\"/upload\" "
	                "enctype=\"multipart/form-data\">");
	ys_srv_csrf_field(q, &o);
	ys_buf_adds(&o, "<label>公开文件 <input id=\"upload-files\" type=\"file\" name=\"files\" multiple required "
	                "accept=\".pdf,.xlsx,.txt,.json,application/pdf,text/plain,application/json\"></label>"
	                "<button id=\"upload-submit\">上传并检查</button></form>\n"
	                "<p><a id=\"jobs-link\" href=\"/jobs\">最近的任务</a></p>\n");
	ys_srv_page_close(q, &o, 200);
}

void ys_srv_page_upload_post(req *q)
{
	qfile *f = calloc(JOB_FILES_MAX, sizeof *f);
	int n = 0;
	char batch[33], to[64];
	if (!f) {
		ys_srv_answer_error(q, 500, "内存不足");
		return;
	}
	if (!q->parts)
		ys_srv_answer_error(q, 400, "上传的表单应为 multipart/form-data");
	else if (!files_of(q, f, &n) && !enqueue(q, f, n, batch)) {
		snprintf(to, sizeof to, "/jobs?batch=%s", batch);
		ys_srv_answer_redirect(q, to);
	}
	free(f);
}

static void jobs_page(req *q, json_t *a, const char *title)
{
	int pending = 0;
	size_t i;
	json_t *j;
	json_array_foreach(a, i, j)
	{
		const char *s = json_string_value(json_object_get(j, "state"));
		pending |= s && (!strcmp(s, "queued") || !strcmp(s, "running"));
	}
	ys_buf o = YS_BUF_INIT;
	/* while a job runs the page reloads itself (no script) */
	ys_srv_page_open_head(q, &o, title, pending ? "<meta http-equiv=\"refresh\" content=\"2\">\n" : NULL);
	ys_buf_addf(&o, "<p id=\"jobs-status\" data-pending=\"%d\">%s</p>\n", pending,
	            pending ? "还有任务在排队或检查中：本页每 2 秒刷新一次" : "所有任务都已结束");
	ys_buf_adds(&o, "<table id=\"jobs\" class=\"list\"><thead><tr><th>任务</th><th>文件</th><th>部门</th><th>状态</th>"
	                "<th>进度</th><th>结果</th></tr></thead>\n<tbody>\n");
	json_array_foreach(a, i, j)
	{
		long long id = (long long)json_integer_value(json_object_get(j, "id"));
		const char *state = json_string_value(json_object_get(j, "state"));
		json_t *pr = json_object_get(j, "progress");
		long long pm = (long long)json_integer_value(json_object_get(pr, "permille"));
		ys_buf_addf(&o, "<tr id=\"job-%lld\" class=\"job\" data-state=\"%s\"><td><a href=\"/jobs/%lld\">%lld</a></td><td>",
		            id, state, id, id);
		ys_srv_html_esc(&o, json_string_value(json_object_get(j, "file")));
		ys_buf_adds(&o, "</td><td>");
		ys_srv_html_esc(&o, json_string_value(json_object_get(j, "department")));
		ys_buf_addf(&o, "</td><td id=\"job-%lld-state\" class=\"state\">%s</td><td id=\"job-%lld-progress\">"
		                "<progress max=\"1000\" value=\"%lld\">%lld ‰</progress> ",
		            id, state_zh(state), id, pm, pm);
		ys_srv_html_esc(&o, json_string_value(json_object_get(pr, "step")));
		ys_buf_addf(&o, "</td><td id=\"job-%lld-result\">", id);
		json_t *doc = json_object_get(j, "document"), *err = json_object_get(j, "error");
		if (json_is_integer(doc))
			ys_buf_addf(&o, "<a id=\"job-%lld-doc\" href=\"/documents/%lld\">文档 %lld</a>", id,
			            (long long)json_integer_value(doc), (long long)json_integer_value(doc));
		else if (json_is_string(err)) {
			ys_buf_addf(&o, "<span id=\"job-%lld-error\" class=\"msg\">", id);
			ys_srv_html_esc(&o, json_string_value(err));
			ys_buf_adds(&o, "</span>");
		}
		ys_buf_adds(&o, "</td></tr>\n");
	}
	ys_buf_adds(&o, "</tbody></table>\n");
	if (!json_array_size(a))
		ys_buf_adds(&o, "<p>没有可以看的任务。</p>\n");
	ys_buf_adds(&o, "<p><a id=\"upload-link\" href=\"/upload\">再上传</a></p>\n");
	ys_srv_page_close(q, &o, 200);
}

void ys_srv_page_jobs(req *q)
{
	const char *batch = ys_srv_req_arg(q, "batch");
	json_t *a = jobs_of(q, batch && *batch ? batch : NULL, 0, NULL);
	if (!a)
		return;
	jobs_page(q, a, batch && *batch ? "这次上传的任务" : "最近的任务");
	json_decref(a);
}

void ys_srv_page_job(req *q)
{
	int unseen = 0;
	json_t *a = jobs_of(q, NULL, q->id, &unseen);
	if (!a)
		return;
	if (unseen)
		ys_srv_answer_error(q, 403, "没有权限查看任务 %lld", (long long)q->id);
	else if (!json_array_size(a))
		ys_srv_answer_error(q, 404, "没有编号为 %lld 的任务", (long long)q->id);
	else {
		char title[64];
		snprintf(title, sizeof title, "任务 %lld", (long long)q->id);
		jobs_page(q, a, title);
	}
	json_decref(a);
}

/* ---- the workers ---- */

struct ys_jobs {
	ys_server *srv;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int stop, kick;
	int n;
	pthread_t *th;
	char me[160]; /* host:pid, the prefix of its workers' names */
};

typedef struct worker {
	struct ys_jobs *j;
	char name[192];
	ys_store *st;
	ys_ctx ctx;
	int64_t job;       /* the job it runs */
	time_t kept;       /* its last sweep */
} worker;

void ys_srv_jobs_kick(ys_server *s)
{
	struct ys_jobs *j = s->jobs;
	if (!j)
		return;
	pthread_mutex_lock(&j->mu);
	j->kick = 1;
	pthread_cond_broadcast(&j->cv);
	pthread_mutex_unlock(&j->mu);
}

/* Sleep up to ms unless kicked or stopped; 1 when stopping. */
static int nap(struct ys_jobs *j, long ms)
{
	struct timespec t;
	clock_gettime(CLOCK_REALTIME, &t);
	t.tv_sec += ms / 1000;
	t.tv_nsec += (ms % 1000) * 1000000L;
	if (t.tv_nsec >= 1000000000L) {
		t.tv_sec++;
		t.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&j->mu);
	while (!j->stop && !j->kick)
		if (pthread_cond_timedwait(&j->cv, &j->mu, &t) == ETIMEDOUT)
			break;
	j->kick = 0;
	int stop = j->stop;
	pthread_mutex_unlock(&j->mu);
	return stop;
}

typedef struct claim_arg {
	worker *w;
	int64_t id;
} claim_arg;

static ys_result claim_tx(ys_ctx *ctx, ys_store *st, void *arg)
{
	claim_arg *a = arg;
	char now[32];
	now_iso(now, sizeof now);
	int pg = !strcmp(ys_store_backend(st), "postgresql");
	ys_value v[3] = { { YS_V_TEXT, 0, a->w->name }, { YS_V_INT, (int64_t)time(NULL), NULL }, { YS_V_TEXT, 0, now } };
	/* PostgreSQL: the oldest queued row no other transaction holds;
	 * SQLite: this is its one writer (BEGIN IMMEDIATE) */
	return ys_store_exec(ctx, st,
	                     pg ? "UPDATE job SET state = 'running', worker = ?, heartbeat = ?, started_at = ?, tries = tries + 1,"
	                          " step = '读取', permille = 0 WHERE id = (SELECT id FROM job WHERE state = 'queued'"
	                          " ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id"
	                        : "UPDATE job SET state = 'running', worker = ?, heartbeat = ?, started_at = ?, tries = tries + 1,"
	                          " step = '读取', permille = 0 WHERE id = (SELECT id FROM job WHERE state = 'queued'"
	                          " ORDER BY id LIMIT 1) RETURNING id",
	                     v, 3, NULL, &a->id);
}

static int some_row(const ys_value *row, int ncols, void *arg)
{
	(void)row;
	(void)ncols;
	*(int *)arg = 1;
	return 1;
}

/* A job's heartbeat and progress, while it is this worker's. */
static void job_progress(void *arg, const char *step, int permille)
{
	worker *w = arg;
	ys_ctx c;
	ys_ctx_init(&c);
	ys_value v[5] = { { YS_V_TEXT, 0, step }, { YS_V_INT, permille, NULL }, { YS_V_INT, (int64_t)time(NULL), NULL },
		          { YS_V_INT, w->job, NULL }, { YS_V_TEXT, 0, w->name } };
	ys_store_exec(&c, w->st, "UPDATE job SET step = ?, permille = ?, heartbeat = ? WHERE id = ? AND worker = ?"
	                         " AND state = 'running'", v, 5, NULL, NULL);
}

typedef struct done_arg {
	worker *w;
	int lost; /* the job was no longer this worker's */
} done_arg;

/* Inside the document's transaction: the job is done, if it is still
 * this worker's (else all of it is rolled back). */
static ys_result job_done(ys_ctx *ctx, ys_store *st, void *arg, int64_t doc_id, const char *dept)
{
	done_arg *a = arg;
	char now[32];
	now_iso(now, sizeof now);
	int64_t changes = 0;
	ys_value v[5] = { { YS_V_INT, doc_id, NULL }, { YS_V_TEXT, 0, dept }, { YS_V_TEXT, 0, now },
		          { YS_V_INT, a->w->job, NULL }, { YS_V_TEXT, 0, a->w->name } };
	ys_result r = ys_store_exec(ctx, st,
	                            "UPDATE job SET state = 'done', step = '完成', permille = 1000, document_id = ?,"
	                            " department = ?, data = '', finished_at = ? WHERE id = ? AND worker = ?"
	                            " AND state = 'running'",
	                            v, 5, &changes, NULL);
	a->lost = !r && changes != 1;
	if (a->lost)
		r = ys_error(ctx, YS_EREFUSED, "任务 %lld 已不归这个进程（它被认为中断了，由别的进程重做）", (long long)a->w->job);
	return r;
}

static void job_failed(worker *w, const char *msg)
{
	char now[32];
	now_iso(now, sizeof now);
	ys_ctx c;
	ys_ctx_init(&c);
	ys_value v[4] = { { YS_V_TEXT, 0, msg }, { YS_V_TEXT, 0, now }, { YS_V_INT, w->job, NULL }, { YS_V_TEXT, 0, w->name } };
	ys_store_exec(&c, w->st,
	              "UPDATE job SET state = 'failed', step = '失败', error = ?, data = '', finished_at = ?"
	              " WHERE id = ? AND worker = ? AND state = 'running'",
	              v, 4, NULL, NULL);
}

typedef struct jrow {
	int64_t user;
	char file[256];
	ys_buf data;
	int oom;
} jrow;

static int jrow_fn(const ys_value *row, int ncols, void *arg)
{
	(void)ncols;
	jrow *j = arg;
	j->user = row[0].i;
	snprintf(j->file, sizeof j->file, "%s", vs(&row[1]));
	const char *d = vs(&row[2]);
	j->oom = b64_decode(&j->data, d, strlen(d));
	return 1;
}

/* Run job w->job: as its user, what POST /api/v1/documents does. */
static void run_job(worker *w)
{
	jrow j = { 0, "", YS_BUF_INIT, 0 };
	ys_value v = { YS_V_INT, w->job, NULL };
	ys_ctx_init(&w->ctx);
	if (ys_store_select(&w->ctx, w->st, "SELECT user_id, file, data FROM job WHERE id = ?", &v, 1, jrow_fn, &j) ||
	    !j.file[0]) {
		job_failed(w, w->ctx.msg[0] ? w->ctx.msg : "读不出任务");
		ys_buf_release(&j.data);
		return;
	}
	if (j.oom) {
		job_failed(w, "任务的文件在数据库里坏了（不是 base64）");
		ys_buf_release(&j.data);
		return;
	}
	req *q = calloc(1, sizeof *q);
	if (!q) {
		ys_buf_release(&j.data);
		return; /* the job stays running: after JOB_STALE_SECONDS another worker takes it */
	}
	q->srv = w->j->srv;
	q->st = w->st;
	q->method = "POST";
	q->path = "/api/v1/jobs";
	ys_buf_init(&q->body);
	ys_buf_init(&q->out);
	ys_ctx_init(&q->ctx);
	int found = ys_srv_user_load(&q->ctx, w->st, j.user, &q->u);
	if (found) {
		job_failed(w, found > 0 ? "上传它的用户已被删除" : q->ctx.msg);
	} else {
		q->authed = 1;
		json_t *out = NULL;
		done_arg da = { w, 0 };
		ys_srv_upload up = { j.file, j.data.s, j.data.len, job_progress, w, job_done, &da };
		ys_srv_app_upload_file(q, &up, &out);
		if (out) {
			json_decref(out);
		} else {
			json_t *e = q->out.len ? json_loadb(q->out.s, q->out.len, 0, NULL) : NULL;
			const char *msg = json_string_value(json_object_get(e, "error"));
			if (!da.lost)
				job_failed(w, msg && *msg ? msg : "检查失败");
			json_decref(e);
			if (q->status >= 500) { /* the store may be gone: open it again */
				ys_store_close(w->st);
				w->st = NULL;
			}
		}
	}
	ys_buf_release(&q->body);
	ys_buf_release(&q->out);
	free(q);
	ys_buf_release(&j.data);
}

/* Jobs whose worker stopped giving signs of life go back to the queue (or
 * fail after JOB_TRIES); this process's running jobs get a heartbeat. */
static void keep(worker *w)
{
	time_t now = time(NULL);
	if (now - w->kept < JOB_KEEP_SECONDS)
		return;
	w->kept = now;
	ys_ctx c;
	ys_ctx_init(&c);
	char iso[32], mine[200];
	now_iso(iso, sizeof iso);
	snprintf(mine, sizeof mine, "%s/%%", w->j->me);
	ys_value hb[2] = { { YS_V_INT, (int64_t)now, NULL }, { YS_V_TEXT, 0, mine } };
	ys_store_exec(&c, w->st, "UPDATE job SET heartbeat = ? WHERE state = 'running' AND worker LIKE ?", hb, 2, NULL, NULL);
	char msg[128];
	snprintf(msg, sizeof msg, "处理它的进程中断了 %d 次：不再重试", JOB_TRIES);
	ys_value f[4] = { { YS_V_TEXT, 0, msg }, { YS_V_TEXT, 0, iso }, { YS_V_INT, (int64_t)now - JOB_STALE_SECONDS, NULL },
		          { YS_V_INT, JOB_TRIES, NULL } };
	ys_store_exec(&c, w->st,
	              "UPDATE job SET state = 'failed', step = '失败', error = ?, data = '', finished_at = ?"
	              " WHERE state = 'running' AND heartbeat < ? AND tries >= ?",
	              f, 4, NULL, NULL);
	ys_value s[1] = { { YS_V_INT, (int64_t)now - JOB_STALE_SECONDS, NULL } };
	ys_store_exec(&c, w->st,
	              "UPDATE job SET state = 'queued', step = '排队', permille = 0, worker = '' WHERE state = 'running'"
	              " AND heartbeat < ?",
	              s, 1, NULL, NULL);
}

static void *worker_main(void *arg)
{
	worker *w = arg;
	struct ys_jobs *j = w->j;
	for (;;) {
		if (!w->st) {
			ys_ctx_init(&w->ctx);
			if (ys_store_open(&w->ctx, j->srv->db, &w->st)) {
				w->st = NULL;
				if (nap(j, 5000))
					break;
				continue;
			}
		}
		keep(w);
		/* a look first (a read), the claim (a write) only when there is work */
		int any = 0;
		ys_ctx_init(&w->ctx);
		if (ys_store_select(&w->ctx, w->st, "SELECT id FROM job WHERE state = 'queued' LIMIT 1", NULL, 0, some_row,
		                    &any)) {
			ys_store_close(w->st);
			w->st = NULL;
		}
		claim_arg ca = { w, 0 };
		if (any && !ys_store_transact(&w->ctx, w->st, claim_tx, &ca) && ca.id) {
			w->job = ca.id;
			run_job(w);
			w->job = 0;
			continue;
		}
		if (nap(j, JOB_POLL_MS))
			break;
	}
	ys_store_close(w->st);
	free(w);
	return NULL;
}

ys_result ys_srv_jobs_start(ys_ctx *ctx, ys_server *s, int n)
{
	if (n <= 0)
		return YS_OK;
	struct ys_jobs *j = calloc(1, sizeof *j);
	if (!j || !(j->th = calloc((size_t)n, sizeof *j->th))) {
		free(j);
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	}
	j->srv = s;
	pthread_mutex_init(&j->mu, NULL);
	pthread_cond_init(&j->cv, NULL);
	char host[128] = "";
	gethostname(host, sizeof host - 1);
	snprintf(j->me, sizeof j->me, "%s:%ld", host, (long)getpid());
	s->jobs = j;
	for (int i = 0; i < n; i++) {
		worker *w = calloc(1, sizeof *w);
		if (!w)
			return ys_error(ctx, YS_ENOMEM, "内存不足");
		w->j = j;
		snprintf(w->name, sizeof w->name, "%s/%d", j->me, i + 1);
		if (pthread_create(&j->th[i], NULL, worker_main, w)) {
			free(w);
			return ys_error(ctx, YS_EIO, "无法启动任务线程");
		}
		j->n++;
	}
	return YS_OK;
}

void ys_srv_jobs_stop(ys_server *s)
{
	struct ys_jobs *j = s->jobs;
	if (!j)
		return;
	pthread_mutex_lock(&j->mu);
	j->stop = 1;
	pthread_cond_broadcast(&j->cv);
	pthread_mutex_unlock(&j->mu);
	for (int i = 0; i < j->n; i++)
		pthread_join(j->th[i], NULL);
	pthread_cond_destroy(&j->cv);
	pthread_mutex_destroy(&j->mu);
	free(j->th);
	free(j);
	s->jobs = NULL;
}
