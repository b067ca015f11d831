/*
 * The memo (memo.h): open addressing over 8-byte slots (a 32-bit tag of the
 * hash and where the entry is: the table stays in a 1 MiB cache); an entry is
 * its key length, key and payload, in 1 MiB chunks allocated as they fill (no
 * copy when the memo grows). Emptying
 * it whole when full is cheaper than any eviction policy and, names being
 * Zipf-distributed, the frequent ones are back at once.
 */
#include "memo.h"

#include <string.h>

#define SLOT_BITS 17  /* 131,072 slots (1 MiB), filled to 3/4 at most */
#define CHUNK_BITS 20 /* 1 MiB */
#define CHUNK ((size_t)1 << CHUNK_BITS)
#define MAX_CHUNKS 256

typedef struct {
    uint32_t tag; /* high bits of the hash, never 0; 0 = empty */
    uint32_t off; /* chunk << CHUNK_BITS | position of the entry: a uint32_t key
                     length, the key, the payload at the next multiple of 8 */
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

static char *at(const conflict_memo *m, uint32_t off) {
    return m->chunks[off >> CHUNK_BITS] + (off & (CHUNK - 1));
}

static uint32_t tag_of(uint64_t h) {
    uint32_t t = (uint32_t)(h >> 32);
    return t ? t : 1;
}

/* where the payload of the entry at e (key length n) starts */
static char *payload(char *e, size_t n) { return e + align8(sizeof(uint32_t) + n); }

/* memcmp(a, b, n) == 0, without a call for the short keys most entries have: two
 * overlapping loads a side */
static inline int same_key(const char *a, const char *b, size_t n) {
    if (n > 16) return !memcmp(a, b, n);
    if (n >= 8) {
        uint64_t a0, b0, a1, b1;
        memcpy(&a0, a, 8), memcpy(&b0, b, 8), memcpy(&a1, a + n - 8, 8), memcpy(&b1, b + n - 8, 8);
        return !((a0 ^ b0) | (a1 ^ b1));
    }
    if (n >= 4) {
        uint32_t a0, b0, a1, b1;
        memcpy(&a0, a, 4), memcpy(&b0, b, 4), memcpy(&a1, a + n - 4, 4), memcpy(&b1, b + n - 4, 4);
        return !((a0 ^ b0) | (a1 ^ b1));
    }
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i]) return 0;
    return 1;
}

/* the slot of h: the one holding k, or the empty one where it would go */
static memo_slot *find(const conflict_memo *m, uint64_t h, const char *k, size_t n) {
    size_t mask = ((size_t)1 << SLOT_BITS) - 1;
    uint32_t tag = tag_of(h);
    for (size_t j = (size_t)h & mask;; j = (j + 1) & mask) {
        memo_slot *s = &m->slots[j];
        if (!s->tag) return s;
        if (s->tag == tag) {
            const char *e = at(m, s->off);
            uint32_t en;
            memcpy(&en, e, sizeof en);
            if (en == n && same_key(e + sizeof en, k, n)) return s;
        }
    }
}

void *conflict_memo_get(const conflict_memo *m, uint64_t h, const char *k, size_t n) {
    if (!m || !m->slots) return NULL;
    memo_slot *s = find(m, h, k, n);
    return s->tag ? (void *)payload(at(m, s->off), n) : NULL;
}

void conflict_memo_prefetch(const conflict_memo *m, uint64_t h) {
    if (m && m->slots) __builtin_prefetch(&m->slots[(size_t)h & (((size_t)1 << SLOT_BITS) - 1)]);
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
    size_t need = align8(sizeof(uint32_t) + n) + align8(vn);
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
    memo_slot *s = find(m, h, k, n);
    if (s->tag) return NULL; /* stored already: callers get before they put */
    char *e = m->chunks[m->cur] + m->used;
    uint32_t en = (uint32_t)n;
    memcpy(e, &en, sizeof en);
    if (n) memcpy(e + sizeof en, k, n);
    memcpy(payload(e, n), v, vn);
    s->tag = tag_of(h);
    s->off = (uint32_t)(m->cur << CHUNK_BITS | m->used);
    m->used += need;
    m->count++;
    return payload(e, n);
}

void conflict_memo_stats(const conflict_memo *m, size_t *entries, size_t *bytes, size_t *resets) {
    *entries = m ? m->count : 0;
    *bytes = m ? m->cur * CHUNK + m->used : 0;
    *resets = m ? m->resets : 0;
}
