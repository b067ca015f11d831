/*
 * The memo (memo.h): open addressing over 16-byte slots; keys and payloads in
 * 1 MiB chunks allocated as they fill (no copy when the memo grows). Emptying
 * it whole when full is cheaper than any eviction policy and, names being
 * Zipf-distributed, the frequent ones are back at once.
 */
#include "memo.h"

#include <string.h>

#define SLOT_BITS 17  /* 131,072 slots (2 MiB), filled to 3/4 at most */
#define CHUNK_BITS 20 /* 1 MiB */
#define CHUNK ((size_t)1 << CHUNK_BITS)
#define MAX_CHUNKS 256

typedef struct {
    uint64_t h;   /* 0 = empty */
    uint32_t off; /* chunk << CHUNK_BITS | position of the key bytes; the payload
                     follows at the next multiple of 8 */
    uint32_t n;   /* key length */
} memo_slot;

struct conflict_memo {
    const conflict_allocator *a;
    memo_slot *slots;
    char *chunks[MAX_CHUNKS];
    size_t nchunks, max_chunks;
    size_t cur, used; /* the chunk being filled, bytes used in it */
    size_t count, resets;
};

conflict_memo *conflict_memo_new(const conflict_allocator *a, size_t max_bytes) {
    size_t tables = sizeof(memo_slot) << SLOT_BITS;
    if (max_bytes < tables + CHUNK) return NULL;
    conflict_memo *m = conflict_malloc(a, sizeof *m);
    if (!m) return NULL;
    memset(m, 0, sizeof *m);
    m->a = a;
    m->max_chunks = (max_bytes - tables) / CHUNK;
    if (m->max_chunks > MAX_CHUNKS) m->max_chunks = MAX_CHUNKS;
    return m;
}

void conflict_memo_free(conflict_memo *m) {
    if (!m) return;
    conflict_free(m->a, m->slots);
    for (size_t i = 0; i < m->nchunks; i++) conflict_free(m->a, m->chunks[i]);
    conflict_free(m->a, m);
}

static size_t align8(size_t x) { return (x + 7) & ~(size_t)7; }

static const char *at(const conflict_memo *m, uint32_t off) {
    return m->chunks[off >> CHUNK_BITS] + (off & (CHUNK - 1));
}

/* the slot of h: the one holding k, or the empty one where it would go */
static memo_slot *find(const conflict_memo *m, uint64_t h, const char *k, size_t n) {
    size_t mask = ((size_t)1 << SLOT_BITS) - 1;
    for (size_t j = (size_t)h & mask;; j = (j + 1) & mask) {
        memo_slot *s = &m->slots[j];
        if (!s->h || (s->h == h && s->n == n && !memcmp(at(m, s->off), k, n))) return s;
    }
}

static uint64_t nonzero(uint64_t h) { return h ? h : 1; }

void *conflict_memo_get(const conflict_memo *m, uint64_t h, const char *k, size_t n) {
    if (!m || !m->slots) return NULL;
    h = nonzero(h);
    memo_slot *s = find(m, h, k, n);
    return s->h ? (void *)(at(m, s->off) + (align8(s->off + s->n) - s->off)) : NULL;
}

/* keeps the chunks: they are filled again from the first */
static void reset(conflict_memo *m) {
    memset(m->slots, 0, sizeof(memo_slot) << SLOT_BITS);
    m->cur = m->used = m->count = 0;
    m->resets++;
}

void *conflict_memo_put(conflict_memo *m, uint64_t h, const char *k, size_t n, const void *v,
                        size_t vn) {
    if (!m) return NULL;
    size_t need = align8(align8(n) + vn) + 8; /* worst case of the two alignments */
    if (need > CHUNK) return NULL;
    if (!m->slots) {
        m->slots = conflict_malloc(m->a, sizeof(memo_slot) << SLOT_BITS);
        if (!m->slots) return NULL;
        memset(m->slots, 0, sizeof(memo_slot) << SLOT_BITS);
    }
    if (m->count >= ((size_t)3 << SLOT_BITS) / 4) reset(m);
    if (m->nchunks == 0 || m->used + need > CHUNK) { /* the next chunk */
        size_t next = m->nchunks == 0 ? 0 : m->cur + 1;
        if (next == m->max_chunks) {
            reset(m);
            next = 0;
        }
        if (next == m->nchunks) {
            char *p = conflict_malloc(m->a, CHUNK);
            if (!p) return NULL;
            m->chunks[m->nchunks++] = p;
        }
        m->cur = next;
        m->used = 0;
    }
    h = nonzero(h);
    memo_slot *s = find(m, h, k, n);
    if (s->h) return NULL; /* stored already: callers get before they put */
    char *base = m->chunks[m->cur];
    size_t off = m->used, voff = align8(off + n);
    if (n) memcpy(base + off, k, n);
    memcpy(base + voff, v, vn);
    m->used = align8(voff + vn);
    s->h = h;
    s->off = (uint32_t)(m->cur << CHUNK_BITS | off);
    s->n = (uint32_t)n;
    m->count++;
    return base + voff;
}

void conflict_memo_stats(const conflict_memo *m, size_t *entries, size_t *bytes, size_t *resets) {
    *entries = m ? m->count : 0;
    *bytes = m ? m->cur * CHUNK + m->used : 0;
    *resets = m ? m->resets : 0;
}
