/*
 * The memo (memo.h): open addressing over 16-byte slots, keys and payloads in
 * one arena. Emptying it whole when full is cheaper than any eviction policy
 * and, names being Zipf-distributed, the frequent ones are back at once.
 */
#include "memo.h"

#include <string.h>

#define SLOT_BITS 17
#define ARENA_MIN 65536

typedef struct {
    uint64_t h;   /* 0 = empty */
    uint32_t off; /* key bytes in the arena, then the payload at the next multiple of 8 */
    uint32_t n;   /* key length */
} memo_slot;

struct conflict_memo {
    const conflict_allocator *a;
    memo_slot *slots;
    char *arena;
    size_t used, cap, max_arena;
    size_t count, resets;
};

conflict_memo *conflict_memo_new(const conflict_allocator *a, size_t max_bytes) {
    size_t tables = sizeof(memo_slot) << SLOT_BITS;
    if (max_bytes < tables + ARENA_MIN) return NULL;
    conflict_memo *m = conflict_malloc(a, sizeof *m);
    if (!m) return NULL;
    memset(m, 0, sizeof *m);
    m->a = a;
    m->max_arena = max_bytes - tables;
    return m;
}

void conflict_memo_free(conflict_memo *m) {
    if (!m) return;
    conflict_free(m->a, m->slots);
    conflict_free(m->a, m->arena);
    conflict_free(m->a, m);
}

static size_t align8(size_t x) { return (x + 7) & ~(size_t)7; }

/* the slot of h: the one holding k, or the empty one where it would go */
static memo_slot *find(const conflict_memo *m, uint64_t h, const char *k, size_t n) {
    size_t mask = ((size_t)1 << SLOT_BITS) - 1;
    for (size_t j = (size_t)h & mask;; j = (j + 1) & mask) {
        memo_slot *s = &m->slots[j];
        if (!s->h || (s->h == h && s->n == n && !memcmp(m->arena + s->off, k, n))) return s;
    }
}

static uint64_t nonzero(uint64_t h) { return h ? h : 1; }

void *conflict_memo_get(const conflict_memo *m, uint64_t h, const char *k, size_t n) {
    if (!m || !m->slots) return NULL;
    h = nonzero(h);
    memo_slot *s = find(m, h, k, n);
    return s->h ? m->arena + align8(s->off + s->n) : NULL;
}

static void reset(conflict_memo *m) {
    memset(m->slots, 0, sizeof(memo_slot) << SLOT_BITS);
    m->used = m->count = 0;
    m->resets++;
}

void *conflict_memo_put(conflict_memo *m, uint64_t h, const char *k, size_t n, const void *v,
                        size_t vn) {
    if (!m) return NULL;
    if (!m->slots) {
        m->slots = conflict_malloc(m->a, sizeof(memo_slot) << SLOT_BITS);
        if (!m->slots) return NULL;
        memset(m->slots, 0, sizeof(memo_slot) << SLOT_BITS);
    }
    size_t need = align8(align8(n) + vn) + 8; /* worst case of the two alignments */
    if (need > m->max_arena / 4) return NULL;
    if (m->count >= ((size_t)3 << SLOT_BITS) / 4 || m->used + need > m->max_arena) reset(m);
    if (m->used + need > m->cap) {
        size_t cap = m->cap ? m->cap : ARENA_MIN;
        while (cap < m->used + need) cap *= 2;
        if (cap > m->max_arena) cap = m->max_arena;
        char *p = conflict_realloc(m->a, m->arena, cap);
        if (!p) return NULL;
        m->arena = p;
        m->cap = cap;
    }
    h = nonzero(h);
    memo_slot *s = find(m, h, k, n);
    if (s->h) return NULL; /* stored already: callers get before they put */
    size_t off = m->used, voff = align8(off + n);
    if (n) memcpy(m->arena + off, k, n);
    memcpy(m->arena + voff, v, vn);
    m->used = align8(voff + vn);
    s->h = h;
    s->off = (uint32_t)off;
    s->n = (uint32_t)n;
    m->count++;
    return m->arena + voff;
}

void conflict_memo_stats(const conflict_memo *m, size_t *entries, size_t *bytes, size_t *resets) {
    *entries = m ? m->count : 0;
    *bytes = m ? m->used : 0;
    *resets = m ? m->resets : 0;
}
