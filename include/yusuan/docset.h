/*
 * docset.h - many documents at once: files and folders gathered into
 * documents, and a run over them on several threads.
 *
 * Folders are read recursively for *.pdf *.xlsx *.txt *.json (a link to a
 * folder is not followed, a link to a file is).  A PDF named STEM.text.pdf,
 * STEM.tables.pdf or STEM.partN.pdf is one part of the document STEM in its
 * folder, read in the order text, part1, part2 …, tables; any other file
 * is a document by itself.  `check` and `score` share this, so a corpus is
 * the same documents to both.  Each document is handled on one thread; the
 * caller's function must not share library objects between documents.
 */
#ifndef YUSUAN_DOCSET_H
#define YUSUAN_DOCSET_H

#include <stddef.h>

#include "yusuan/base.h"
#include "yusuan/doc.h"

/* At most this many files make one document (X.part1.pdf … X.part9.pdf). */
#define YS_DOC_FILES_MAX 9

typedef struct ys_docjob {
	const char *files[YS_DOC_FILES_MAX];
	int nfiles;
	int toomany;  /* more parts than YS_DOC_FILES_MAX: not read */
	char *name;   /* the files joined by " + " */
} ys_docjob;

typedef struct ys_docset ys_docset;

/* Gather paths (files and folders) into documents.  A folder that cannot
 * be read is told to bad_dir (may be NULL) with its errno and skipped; a
 * file is taken as given (one that cannot be read is a document that
 * fails).  *out is freed with ys_docset_free. */
ys_result ys_docset_collect(ys_ctx *ctx, const char *const *paths, int npaths,
                            void (*bad_dir)(void *arg, const char *path, int err), void *arg, ys_docset **out);
void ys_docset_free(ys_docset *set);

size_t ys_docset_count(const ys_docset *set);
const ys_docjob *ys_docset_job(const ys_docset *set, size_t i);

/* Call fn for every document, on `threads` threads (1..64; fewer when
 * threads cannot be started); done, if not NULL, after each document, one
 * call at a time, with the count done so far. */
void ys_docset_run(const ys_docset *set, int threads, void (*fn)(size_t i, const ys_docjob *job, void *arg),
                   void (*done)(size_t ndone, size_t total, const ys_docjob *job, void *arg), void *arg);

/* Read a document of a set: one file of any kind, or its PDF parts as one. */
ys_result ys_docjob_read(ys_ctx *ctx, const ys_docjob *job, ys_doc **out);

#endif
