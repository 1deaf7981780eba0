/*
 * write_int.h - what the report's writers share (write/, render/pdf.c).
 */
#ifndef YS_WRITE_INT_H
#define YS_WRITE_INT_H

#include <stddef.h>

#include "yusuan/doc.h"
#include "yusuan/write.h"

/* The 目录's entry of the k-th table in document order, as Beijing lists
 * them: "一、收支总表". */
void ys_story_table_entry(const ys_doc *doc, int k, char *buf, size_t cap);

/* Is block i one the 目录 lists (a part, a level-1 heading)? */
static inline int ys_story_in_toc(const ys_block *b)
{
	return b->kind == YS_B_PART || (b->kind == YS_B_HEADING && b->level == 1);
}

#endif
