/*
 * Shared helpers of the libFuzzer harnesses (ext/fuzz/fuzz_*.c).
 *
 * Input format, shared by every target: up to three parts separated by NUL
 * bytes, "text\0options\0ref_date". Missing parts are absent (NULL).
 * Harness state may be global: these are test programs, not the library.
 */
#ifndef CONFLICT_FUZZ_COMMON_H
#define CONFLICT_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conflict.h"

#define FUZZ_ASSERT(cond)                                                              \
    do {                                                                               \
        if (!(cond)) {                                                                 \
            fprintf(stderr, "%s:%d: assertion failed: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                   \
        }                                                                              \
    } while (0)

typedef struct {
    const char *p[3];
    size_t n[3];
    int count;
} fuzz_parts;

static inline void fuzz_split(const uint8_t *data, size_t size, fuzz_parts *out) {
    memset(out, 0, sizeof *out);
    const char *s = (const char *)data;
    size_t start = 0;
    for (size_t i = 0; i <= size && out->count < 3; i++) {
        if (i == size || (s[i] == 0 && out->count < 2)) {
            out->p[out->count] = s + start;
            out->n[out->count] = i - start;
            out->count++;
            start = i + 1;
            if (i == size) break;
        }
    }
}

/* An allocator that counts allocations and fails the one numbered fail_at
 * (1-based; 0 = never), so that out-of-memory paths get exercised. */
typedef struct {
    unsigned long count, fail_at;
    int failed;
} fuzz_oom;

static inline void *fuzz_oom_malloc(void *ud, size_t n) {
    fuzz_oom *o = ud;
    if (o->fail_at && ++o->count == o->fail_at) return o->failed = 1, (void *)NULL;
    if (!o->fail_at) o->count++;
    return malloc(n ? n : 1);
}
static inline void *fuzz_oom_realloc(void *ud, void *p, size_t n) {
    fuzz_oom *o = ud;
    if (o->fail_at && ++o->count == o->fail_at) return o->failed = 1, (void *)NULL;
    if (!o->fail_at) o->count++;
    return realloc(p, n ? n : 1);
}
static inline void fuzz_oom_free(void *ud, void *p) {
    (void)ud;
    free(p);
}

/* FNV-1a: picks the failing allocation from the input itself (reproducible). */
static inline uint64_t fuzz_hash(const uint8_t *d, size_t n) {
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) h = (h ^ d[i]) * 1099511628211ull;
    return h;
}

static inline int fuzz_valid_utf8(const char *s, size_t n) {
    conflict_error err;
    memset(&err, 0, sizeof err);
    return conflict_utf8_check(s, n, &err) == CONFLICT_OK;
}

#endif
