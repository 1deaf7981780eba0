/*
 * serve_int.h - what the server's parts share: a request, the route table's
 * entry, the store of the worker thread, and the helpers the handlers use.
 */
#ifndef YS_SERVE_INT_H
#define YS_SERVE_INT_H

#include <jansson.h>
#include <stdint.h>

#include "yusuan/serve.h"
#include "yusuan/yusuan.h"

#define R_ANON 16 /* no login needed */
#define R_ANY (YS_ROLE_ADMIN | YS_ROLE_REVIEWER | YS_ROLE_EDITOR | YS_ROLE_VIEWER)

/* Route flags */
enum {
	RF_UPLOAD = 1, /* the body is a file: max_upload, not max_form */
	RF_PAGE = 2,   /* an HTML page: no login redirects to /login, errors are pages */
	RF_FORM = 4,   /* a form (application/x-www-form-urlencoded) */
	RF_MULTIPART = 8, /* with RF_UPLOAD: a multipart/form-data body is parsed (q->parts, its fields in q->form) */
};

/* A part of a multipart/form-data body: pointers into the body. */
typedef struct ys_srv_part {
	char name[128];       /* the form field's name */
	char filename[512];   /* as the client gave it (ys_srv_clean_name it) */
	int has_filename;
	const char *data;
	size_t len;
} ys_srv_part;
#define YS_SRV_PARTS_MAX 64

/* Parse body (n bytes) as multipart/form-data of content type ctype: the
 * parts into parts (at most max) and *nparts; 0, or -1 with the reason
 * (Chinese) in err: no boundary, a truncated part (no closing delimiter,
 * headers without their end), a part without Content-Disposition, no part,
 * too many. */
int ys_srv_multipart_parse(const char *ctype, const char *body, size_t n, ys_srv_part *parts, int max, int *nparts,
                           char *err, size_t errcap);

struct ys_server {
	ys_serve_opts o;
	char *db;
	char catalog[4096];
	char url[128];
	char tmpdir[256];        /* uploads of PDF and XLSX are read from files here */
	struct MHD_Daemon *mhd;
	unsigned long seq;       /* upload file names */
	int key_ok;
	unsigned int key;        /* pthread_key_t: the worker thread's store */
	struct ys_jobs *jobs;    /* the job workers (jobs.c), or NULL */
};

typedef struct req req;
typedef void (*handler_fn)(req *q);

typedef struct route {
	const char *method;
	const char *pattern; /* "/api/v1/documents/{id}": {id} matches digits; {n} too (not kept: its handler reads it) */
	int roles;           /* YS_ROLE_* bits, and R_ANON */
	int flags;           /* RF_* */
	handler_fn fn;
} route;

#define SESSION_SECONDS (12 * 3600)

struct req {
	ys_server *srv;
	struct MHD_Connection *conn;
	const route *rt;
	const char *method, *path;
	int64_t id;           /* {id} of the path */
	char addr[64];        /* the client's address */
	ys_buf body;
	size_t limit;
	int too_big;
	int answered;         /* a response was queued early */
	ys_store *st;
	ys_ctx ctx;
	/* who */
	int authed;
	ys_user u;
	int cookie;           /* by the session cookie (forms need the CSRF token) */
	char csrf[65];
	char token_sha[YS_HASH_HEX];
	/* the answer */
	int status;
	ys_buf out;
	const char *ctype;
	char location[512];
	char disposition[256]; /* Content-Disposition of a download, or "" */
	char set_cookie[512];
	json_t *form;         /* the form's fields (RF_FORM), or the JSON body */
	ys_srv_part *parts;   /* RF_MULTIPART: the body's parts, or NULL */
	int nparts;
};

/* ---- http.c: routes and forms ---- */
/* Does path match pattern?  {id} takes 1..18 digits into *id; {n} 1..18 digits, not kept. */
int ys_srv_route_match(const char *pattern, const char *path, int64_t *id);
/* The number a route's {n} matched in q's path (its second number), or -1. */
int64_t ys_srv_path_n(const req *q);
/* The route of method and path; *other: the path is known with another
 * method. */
const route *ys_srv_find_route(const char *method, const char *path, int64_t *id, int *other);
/* a=1&b=%E4%B8%AD as {"a": "1", "b": "中"}; NULL when it is not one (a NUL
 * in a field, bad UTF-8) */
json_t *ys_srv_parse_form(const char *s, size_t n);

/* The worker thread's cache of drawn tables by document id: the text
 * (NUL-terminated) or NULL; put takes html (malloc'd). */
const char *ys_srv_tcache_get(req *q, int64_t id);
void ys_srv_tcache_put(req *q, int64_t id, char *html);

/* ---- http.c: answers ---- */
void ys_srv_answer_json(req *q, int status, json_t *j);      /* takes j */
void ys_srv_answer_error(req *q, int status, const char *fmt, ...) YS_PRINTF(3, 4);
void ys_srv_answer_store_error(req *q);                      /* q->ctx's error: 400/403/404/409/500 as its code */
void ys_srv_answer_html(req *q, int status, ys_buf *html);   /* takes the buffer's contents */
void ys_srv_answer_redirect(req *q, const char *to);
const char *ys_srv_req_header(req *q, const char *name);
const char *ys_srv_req_arg(req *q, const char *name);
/* A form field or JSON member as text ("" when missing). */
const char *ys_srv_req_field(req *q, const char *name);
int64_t ys_srv_req_field_int(req *q, const char *name, int64_t none);
void ys_srv_html_esc(ys_buf *o, const char *s);

/* ---- auth.c ---- */
void ys_srv_random_hex(char *out, size_t nbytes); /* 2*nbytes hex digits and a NUL */
/* Log in: a new session of user name (cookie or bearer); the token into
 * token (65 bytes), the CSRF token into csrf.  401 / 429 answered here. */
int ys_srv_auth_login(req *q, const char *name, const char *password, int cookie, char *token, char *csrf);
void ys_srv_auth_logout(req *q);
/* Who q is, from its Authorization: Bearer or its session cookie. */
void ys_srv_auth_identify(req *q);
int ys_srv_user_in_dept(const ys_user *u, const char *dept);
int ys_srv_user_load(ys_ctx *ctx, ys_store *st, int64_t id, ys_user *u); /* 0 found, 1 none, -1 error */
ys_result ys_srv_audit_add(ys_ctx *ctx, ys_store *st, const char *who, const char *action, const char *object,
                    const char *before, const char *after);

/* ---- app.c: documents, reviews, the workflow ---- */
typedef struct docmeta {
	int64_t id;
	char file[512];
	char department[256];
	int year;
	char imported_at[32];
	int64_t latest;       /* the newest document of its department and year */
	char state[16];       /* its workflow state */
} docmeta;

int ys_srv_doc_meta(req *q, int64_t id, docmeta *m);  /* 0, or answered (404, 500) */
int ys_srv_doc_may_see(const req *q, const docmeta *m);
/* The check of stored document m as the report's JSON with each finding's
 * key and review; and the document itself when doc is not NULL. */
json_t *ys_srv_doc_check_json(req *q, const docmeta *m, ys_doc **doc, ys_report **rep);
/* The name a client gave, as a file name for messages: its last part,
 * printable, not "." or "..", at most 200 bytes (0), else -1: no path from
 * a client reaches the file system (the bytes are read from memory, or
 * from a file the server names). */
int ys_srv_clean_name(const char *in, char *out, size_t cap);
/* One file to store and check as q->u: what POST /api/v1/documents and a
 * job do alike. */
typedef struct ys_srv_upload {
	const char *name;           /* cleaned (ys_srv_clean_name) */
	const char *data;
	size_t len;
	void (*progress)(void *arg, const char *step, int permille); /* or NULL */
	void *progress_arg;
	/* or NULL: run inside the transaction that stores the document, its
	 * check and its audit row; a failure rolls them all back */
	ys_result (*also)(ys_ctx *ctx, ys_store *st, void *arg, int64_t doc_id, const char *dept);
	void *also_arg;
} ys_srv_upload;
/* Read, check, store (the document, its check and its audit row in one
 * transaction): *out the answer {"id", "stored", "department", "year",
 * "check"} and q->status 201 (200: the same bytes were stored already),
 * else answered on q (400 unreadable, 403 another department's, 500). */
void ys_srv_app_upload_file(req *q, const ys_srv_upload *up, json_t **out);
void ys_srv_app_upload(req *q, json_t **out);        /* the body, named by ?name= or X-File-Name */
/* The workflow of a department's year moved to `to` from the version the
 * caller saw; answered on failure (409 with the current state). */
json_t *ys_srv_app_workflow(req *q, const char *dept, int64_t year, const char *to, int64_t version);
json_t *ys_srv_app_review(req *q, const docmeta *m, const char *key, const char *state, const char *reason,
                   const char *comment);
extern const char *const ys_srv_wf_states[5];
int ys_srv_wf_can(int role, const char *from, const char *to);
extern const char ys_srv_worklist_sql[];

/* ---- jobs.c: uploads checked as jobs by worker threads ---- */
/* Start n worker threads (none when n <= 0), each with its own store. */
ys_result ys_srv_jobs_start(ys_ctx *ctx, ys_server *s, int n);
void ys_srv_jobs_stop(ys_server *s);
void ys_srv_jobs_kick(ys_server *s); /* jobs were queued: wake this process's workers */
void ys_srv_api_jobs_post(req *q);
void ys_srv_api_jobs(req *q);
void ys_srv_api_job(req *q);
void ys_srv_page_upload(req *q);
void ys_srv_page_upload_post(req *q);
void ys_srv_page_jobs(req *q);
void ys_srv_page_job(req *q);

/* ---- pages.c ---- */
/* ys_srv_page_open (below) with more of <head> (head, or NULL): a page
 * that reloads itself */
void ys_srv_page_open_head(req *q, ys_buf *o, const char *title, const char *head);
void ys_srv_page_error(req *q, int status, const char *msg);
void ys_srv_page_root(req *q);
void ys_srv_page_style(req *q);
void ys_srv_page_login(req *q);
void ys_srv_page_login_post(req *q);
void ys_srv_page_logout(req *q);
void ys_srv_page_worklist(req *q);
void ys_srv_page_document(req *q);
void ys_srv_page_review(req *q);
void ys_srv_page_workflow(req *q);
void ys_srv_page_audit(req *q);
void ys_srv_page_users(req *q);
void ys_srv_page_users_add(req *q);
void ys_srv_page_users_del(req *q);

/* pages.c's frame for pages drawn elsewhere: the header, the site's
 * navigation and the title; the footer and the answer; a form's token */
void ys_srv_page_open(req *q, ys_buf *o, const char *title);
void ys_srv_page_close(req *q, ys_buf *o, int status);
void ys_srv_csrf_field(req *q, ys_buf *o);

/* ---- edit.c: the detailed budget edited online ---- */
void ys_srv_api_budgets(req *q);
void ys_srv_api_budget(req *q);
void ys_srv_api_budget_change(req *q);
void ys_srv_api_budget_build(req *q);
void ys_srv_page_budgets(req *q);
void ys_srv_page_budget(req *q);
void ys_srv_page_budget_change(req *q);
void ys_srv_page_budget_build(req *q);

/* ---- ledger.c: the ledger of what is due ---- */
void ys_srv_api_ledger(req *q);
void ys_srv_api_ledger_add(req *q);
void ys_srv_api_ledger_import(req *q);
void ys_srv_page_ledger(req *q);
void ys_srv_page_ledger_add(req *q);
void ys_srv_page_ledger_import(req *q);

/* ---- pdfview.c: a document's pages as images ---- */
/* Is the file document id was read from kept, and a PDF? */
int ys_srv_doc_has_pdf(req *q, int64_t id);
/* The place of finding f (its JSON, as ys_srv_doc_check_json gives it) as
 * ys_pdf_locate takes it; 0 when it names no line.  The text points into f. */
int ys_srv_finding_place(json_t *f, ys_place *p, char *sentence, size_t cap);
void ys_srv_page_png(req *q);       /* GET …/documents/{id}/pages/{n}.png[?finding=KEY] */
void ys_srv_page_finding(req *q);   /* GET /documents/{id}/findings/{n} */
void ys_srv_api_finding(req *q);    /* GET /api/v1/documents/{id}/findings/{n} */

/* ---- export.c: the review's export ---- */
void ys_srv_review_xlsx(req *q);    /* GET …/documents/{id}/review.xlsx */
void ys_srv_review_pdf(req *q);     /* GET …/documents/{id}/review.pdf */

/* ---- api.c and pages.c: the handlers ---- */
extern const route ys_routes[];
extern const size_t ys_nroutes;

#endif
