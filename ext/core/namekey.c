/* name_key / name_similarity: placeholder until the key design lands (helper in progress). */
#include "conflict.h"

conflict_status conflict_name_key(const char *s, size_t n, conflict_buf *out,
                                  conflict_error *err) {
    return conflict_normalize_name(s, n, out, err);
}

conflict_status conflict_name_similarity(const char *a, size_t na, const char *b, size_t nb,
                                         const conflict_allocator *al, double *score,
                                         conflict_error *err) {
    (void)al;
    (void)err;
    *score = na == nb && (na == 0 || __builtin_memcmp(a, b, na) == 0);
    return CONFLICT_OK;
}
