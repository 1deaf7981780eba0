/*
 * docset.c - files and folders gathered into documents, and a run over
 * them on several threads (docset.h).  Moved here from cli/cmd_check.c so
 * that check and score read a corpus alike.
 */
#include "yusuan/docset.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* Folders nested deeper than this are not entered. */
#define DEPTH_MAX 32

typedef struct file_ent {
	char *path;
	char *key;  /* documents are files with one key: folder/stem without its part suffix */
	int rank;   /* order within the document: .text 0, .partN N, .tables 1000 */
} file_ent;

struct ys_docset {
	file_ent *v;
	size_t n, cap;
	int oom;
	ys_docjob *jobs;
	size_t njobs;
};

static int ends_with_ci(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n >= k && !strncasecmp(s + n - k, suffix, k);
}

static int wanted(const char *name)
{
	size_t n = strlen(name);
	return ends_with_ci(name, n, ".pdf") || ends_with_ci(name, n, ".xlsx") || ends_with_ci(name, n, ".txt") ||
	       ends_with_ci(name, n, ".json");
}

/* The pairing rule (docset.h). */
static int part_of(const char *path, char **key, int *rank)
{
	size_t n = strlen(path);
	*key = NULL;
	*rank = 0;
	if (!ends_with_ci(path, n, ".pdf"))
		return 0;
	size_t stem = n - 4;
	const char *slash = strrchr(path, '/');
	size_t base = slash ? (size_t)(slash - path) + 1 : 0;
	if (ends_with_ci(path, stem, ".text") && stem - 5 > base) {
		stem -= 5;
		*rank = 0;
	} else if (ends_with_ci(path, stem, ".tables") && stem - 7 > base) {
		stem -= 7;
		*rank = 1000;
	} else {
		size_t d = stem;
		while (d > base && path[d - 1] >= '0' && path[d - 1] <= '9')
			d--;
		if (d == stem || stem - d > 3 || !ends_with_ci(path, d, ".part") || d - 5 <= base)
			return 0;
		*rank = atoi(path + d);
		stem = d - 5;
	}
	*key = strndup(path, stem);
	return *key ? 1 : -1;
}

static void add_file(ys_docset *L, const char *path)
{
	char *p = strdup(path);
	if (!p || ys_grow((void **)&L->v, &L->cap, L->n + 1, sizeof *L->v)) {
		free(p);
		L->oom = 1;
		return;
	}
	L->v[L->n].path = p;
	L->v[L->n].key = NULL;
	L->v[L->n].rank = 0;
	L->n++;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The wanted files under dir, recursively, in name order.  Returns 0 or an
 * errno for a folder that cannot be read. */
static int walk(ys_docset *L, const char *dir, int depth)
{
	if (depth > DEPTH_MAX)
		return 0;
	DIR *d = opendir(dir);
	if (!d)
		return errno ? errno : EIO;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char *s = strdup(e->d_name);
		if (!s || ys_grow((void **)&names, &cap, n + 1, sizeof *names)) {
			free(s);
			L->oom = 1;
			break;
		}
		names[n++] = s;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_str);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(dir) + strlen(names[i]) + 2;
		char *p = malloc(len);
		if (!p) {
			L->oom = 1;
			break;
		}
		snprintf(p, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
		struct stat st, lst;
		/* a link to a folder is not followed (no cycles); a link to a file is */
		int link = lstat(p, &lst) == 0 && S_ISLNK(lst.st_mode);
		if (stat(p, &st) == 0 && S_ISDIR(st.st_mode) && !link) {
			int r = walk(L, p, depth + 1);
			rc = rc ? rc : r;
		} else if (stat(p, &st) == 0 && S_ISREG(st.st_mode) && wanted(names[i])) {
			add_file(L, p);
		}
		free(p);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

static int cmp_ent(const void *a, const void *b)
{
	const file_ent *x = a, *y = b;
	const char *kx = x->key ? x->key : x->path, *ky = y->key ? y->key : y->path;
	int c = strcmp(kx, ky);
	if (c)
		return c;
	if (!x->key != !y->key) /* a file by itself before a document of parts named like it */
		return x->key ? 1 : -1;
	if (x->rank != y->rank)
		return x->rank - y->rank;
	return strcmp(x->path, y->path);
}

/* Group the files into documents. */
static int group(ys_docset *L)
{
	for (size_t i = 0; i < L->n; i++)
		if (part_of(L->v[i].path, &L->v[i].key, &L->v[i].rank) < 0)
			return -1;
	if (L->n)
		qsort(L->v, L->n, sizeof *L->v, cmp_ent);
	L->jobs = calloc(L->n ? L->n : 1, sizeof *L->jobs);
	if (!L->jobs)
		return -1;
	for (size_t i = 0; i < L->n; i++) {
		const file_ent *f = &L->v[i];
		if (i && !strcmp(f->path, L->v[i - 1].path))
			continue; /* the same file named twice */
		ys_docjob *j = L->njobs ? &L->jobs[L->njobs - 1] : NULL;
		const file_ent *prev = i ? &L->v[i - 1] : NULL;
		if (!j || !f->key || !prev->key || strcmp(f->key, prev->key))
			j = &L->jobs[L->njobs++];
		if (j->nfiles < YS_DOC_FILES_MAX)
			j->files[j->nfiles++] = f->path;
		else
			j->toomany = 1;
	}
	for (size_t i = 0; i < L->njobs; i++) {
		ys_buf b = YS_BUF_INIT;
		for (int k = 0; k < L->jobs[i].nfiles; k++)
			ys_buf_addf(&b, "%s%s", k ? " + " : "", L->jobs[i].files[k]);
		L->jobs[i].name = ys_buf_detach(&b, NULL);
		if (!L->jobs[i].name)
			return -1;
	}
	return 0;
}

ys_result ys_docset_collect(ys_ctx *ctx, const char *const *paths, int npaths,
                            void (*bad_dir)(void *arg, const char *path, int err), void *arg, ys_docset **out)
{
	*out = NULL;
	ys_docset *L = calloc(1, sizeof *L);
	if (!L)
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	for (int i = 0; i < npaths && !L->oom; i++) {
		struct stat st;
		if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			int e = walk(L, paths[i], 0);
			if (e && bad_dir)
				bad_dir(arg, paths[i], e);
		} else {
			add_file(L, paths[i]); /* a file that cannot be read is a document that says so */
		}
	}
	if (!L->oom && group(L))
		L->oom = 1;
	if (L->oom) {
		ys_docset_free(L);
		return ys_error(ctx, YS_ENOMEM, "内存不足");
	}
	*out = L;
	return YS_OK;
}

void ys_docset_free(ys_docset *L)
{
	if (!L)
		return;
	for (size_t i = 0; L->jobs && i < L->njobs; i++)
		free(L->jobs[i].name);
	free(L->jobs);
	for (size_t i = 0; i < L->n; i++) {
		free(L->v[i].path);
		free(L->v[i].key);
	}
	free(L->v);
	free(L);
}

size_t ys_docset_count(const ys_docset *L) { return L->njobs; }
const ys_docjob *ys_docset_job(const ys_docset *L, size_t i) { return i < L->njobs ? &L->jobs[i] : NULL; }

ys_result ys_docjob_read(ys_ctx *ctx, const ys_docjob *j, ys_doc **out)
{
	*out = NULL;
	if (j->toomany)
		return ys_error(ctx, YS_ELIMIT, "一份文档最多 %d 个文件", YS_DOC_FILES_MAX);
	if (j->nfiles == 1)
		return ys_doc_read_file(ctx, j->files[0], out);
	return ys_doc_read_pdfs(ctx, j->files, j->nfiles, out);
}

typedef struct runner {
	const ys_docset *set;
	void (*fn)(size_t, const ys_docjob *, void *);
	void (*done)(size_t, size_t, const ys_docjob *, void *);
	void *arg;
	size_t next, ndone;
	pthread_mutex_t mu;
} runner;

static void *worker(void *p)
{
	runner *R = p;
	for (;;) {
		pthread_mutex_lock(&R->mu);
		size_t i = R->next++;
		pthread_mutex_unlock(&R->mu);
		if (i >= R->set->njobs)
			break;
		R->fn(i, &R->set->jobs[i], R->arg);
		pthread_mutex_lock(&R->mu);
		R->ndone++;
		if (R->done)
			R->done(R->ndone, R->set->njobs, &R->set->jobs[i], R->arg);
		pthread_mutex_unlock(&R->mu);
	}
	return NULL;
}

void ys_docset_run(const ys_docset *set, int threads, void (*fn)(size_t i, const ys_docjob *job, void *arg),
                   void (*done)(size_t ndone, size_t total, const ys_docjob *job, void *arg), void *arg)
{
	runner R = { set, fn, done, arg, 0, 0, PTHREAD_MUTEX_INITIALIZER };
	if (threads > 64)
		threads = 64;
	if ((size_t)threads > set->njobs)
		threads = (int)set->njobs;
	pthread_t th[64];
	int started = 0;
	for (int k = 1; k < threads; k++) {
		if (pthread_create(&th[started], NULL, worker, &R))
			break; /* fewer threads: the others take the work */
		started++;
	}
	worker(&R);
	for (int k = 0; k < started; k++)
		pthread_join(th[k], NULL);
	pthread_mutex_destroy(&R.mu);
}
