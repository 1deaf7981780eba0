/*
 * base_int.h - allocation failures the code could not report where they
 * happened (private).
 *
 * ys_buf, ys_grow and ys_arena fail softly: a buffer keeps a sticky flag, a
 * helper such as ys_label_key or ys_name_eq has no way to say "out of
 * memory" and returns a key or an answer made without the memory.  So every
 * failed allocation is also counted, per thread, and an entry point of the
 * library takes a mark when it starts and, before it returns, fails with
 * YS_ENOMEM when the count moved: whatever was computed meanwhile may be
 * wrong, and is thrown away (SQLite's mallocFailed flag, checked by
 * sqlite3ApiExit on the way out of every API call).
 */
#ifndef YS_BASE_INT_H
#define YS_BASE_INT_H

#include "yusuan/base.h"

/* The calling thread's count of failed allocations so far. */
unsigned long ys_oom_mark(void);
/* Count one: an allocation outside ys_buf/ys_grow/ys_arena failed and the
 * caller carried on without it. */
void ys_oom_note(void);
/* r, or YS_ENOMEM with a message on ctx when an allocation failed since
 * mark (then also when r is another failure: it may come from the missing
 * memory). */
ys_result ys_oom_check(ys_ctx *ctx, ys_result r, unsigned long mark);

#endif
