/*
 * A bounded memo from byte strings to payloads, for look-ups that recur across
 * texts (the same names come back in every article of an archive). Used by one
 * thread at a time, as the engine that owns it. When it is full it empties
 * itself: a cache, never a source of truth, so a failed allocation only means
 * a miss.
 */
#ifndef CONFLICT_MEMO_H
#define CONFLICT_MEMO_H

#include <stddef.h>
#include <stdint.h>

#include "conflict.h"

typedef struct conflict_memo conflict_memo;

/* An empty memo that will hold at most max_bytes (its tables included); NULL
 * when out of memory. Its tables are allocated at the first put. */
conflict_memo *conflict_memo_new(const conflict_allocator *a, size_t max_bytes);
void conflict_memo_free(conflict_memo *m);

/* The payload stored for the n bytes k (h = their hash), or NULL. It is 8-byte
 * aligned and stays valid until the next put. */
void *conflict_memo_get(const conflict_memo *m, uint64_t h, const char *k, size_t n);

/* Starts loading the slot that conflict_memo_get(m, h, ...) reads first, for a
 * look-up some time later. */
void conflict_memo_prefetch(const conflict_memo *m, uint64_t h);

/* Stores a copy of the vn bytes v for k; returns the copy, or NULL when it
 * cannot be stored (no memory, too big). */
void *conflict_memo_put(conflict_memo *m, uint64_t h, const char *k, size_t n, const void *v,
                        size_t vn);

/* Entries stored, bytes they take and times the memo emptied itself (for tests
 * and tuning). */
void conflict_memo_stats(const conflict_memo *m, size_t *entries, size_t *bytes, size_t *resets);

#endif
