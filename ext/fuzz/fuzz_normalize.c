/*
 * libFuzzer harness: normalize_name, name_key, name_similarity and the UTF-8
 * helpers. Input: "a\0b" (see fuzz_common.h).
 * Checks: normalize_name reports invalid UTF-8 at the offset conflict_utf8_check gives;
 * valid input gives valid UTF-8 output; a length limit gives TOOBIG or an
 * output within the limit; normalize_name is idempotent; name_similarity is
 * in [0,1] and 1 for a name with itself.
 */
#include "fuzz_common.h"

typedef conflict_status (*name_fn)(const char *, size_t, conflict_buf *, conflict_error *);

static void check_name_fn(name_fn f, const char *s, size_t n, int valid, size_t bad_at,
                          int idempotent) {
    conflict_buf b;
    conflict_error err;
    memset(&err, 0, sizeof err);
    conflict_buf_init(&b, NULL, 0);
    conflict_status st = f(s, n, &b, &err);
    if (!valid) {
        FUZZ_ASSERT(st == CONFLICT_BAD_UTF8);
        FUZZ_ASSERT(err.byte_offset == bad_at);
        conflict_buf_free(&b);
        return;
    }
    FUZZ_ASSERT(st == CONFLICT_OK);
    FUZZ_ASSERT(fuzz_valid_utf8(b.p ? b.p : "", b.len));
    if (idempotent) {
        conflict_buf b2;
        conflict_buf_init(&b2, NULL, 0);
        FUZZ_ASSERT(f(b.p ? b.p : "", b.len, &b2, &err) == CONFLICT_OK);
        if (b2.len != b.len || (b.len && memcmp(b.p, b2.p, b.len))) {
            fprintf(stderr, "not idempotent: \"%.*s\" -> \"%.*s\"\n", (int)b.len, b.p,
                    (int)b2.len, b2.p);
            abort();
        }
        conflict_buf_free(&b2);
    }
    /* the same call under a length limit just below the full output */
    if (b.len > 1) { /* (a limit of 0 means none) */
        conflict_buf lim;
        conflict_buf_init(&lim, NULL, b.len - 1);
        st = f(s, n, &lim, &err);
        FUZZ_ASSERT(st == CONFLICT_TOOBIG || (st == CONFLICT_OK && lim.len <= b.len - 1));
        conflict_buf_free(&lim);
    }
    conflict_buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_parts pt;
    fuzz_split(data, size, &pt);
    for (int k = 0; k < pt.count && k < 2; k++) {
        conflict_error err;
        memset(&err, 0, sizeof err);
        int valid = conflict_utf8_check(pt.p[k], pt.n[k], &err) == CONFLICT_OK;
        size_t bad_at = err.byte_offset;
        if (valid) FUZZ_ASSERT(conflict_utf8_chars(pt.p[k], pt.n[k]) <= pt.n[k]);
        else FUZZ_ASSERT(bad_at < pt.n[k]);
        check_name_fn(conflict_normalize_name, pt.p[k], pt.n[k], valid, bad_at, 1);
        /* name_key, like the extractors, gets validated input from the binding */
        if (valid) check_name_fn(conflict_name_key, pt.p[k], pt.n[k], 1, 0, 0);
    }
    const char *b = pt.count > 1 ? pt.p[1] : pt.p[0];
    size_t nb = pt.count > 1 ? pt.n[1] : pt.n[0];
    int va = fuzz_valid_utf8(pt.p[0], pt.n[0]), vb = fuzz_valid_utf8(b, nb);
    double score = -1;
    conflict_error err;
    memset(&err, 0, sizeof err);
    if (!va || !vb) return 0; /* the binding validates both arguments first */
    conflict_status st = conflict_name_similarity(pt.p[0], pt.n[0], b, nb,
                                                  &conflict_default_allocator, &score, &err);
    {
        FUZZ_ASSERT(st == CONFLICT_OK);
        FUZZ_ASSERT(score >= 0.0 && score <= 1.0);
        st = conflict_name_similarity(pt.p[0], pt.n[0], pt.p[0], pt.n[0],
                                      &conflict_default_allocator, &score, &err);
        FUZZ_ASSERT(st == CONFLICT_OK && score == 1.0);
    }
    return 0;
}
