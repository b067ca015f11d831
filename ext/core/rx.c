/* PCRE2 wrapper: compile once with JIT, match with the engine's limits. */
#include <stdio.h>

#include "internal.h"

conflict_status conflict_rx_compile(conflict_engine *e, conflict_rx *rx, const char *pattern,
                                    uint32_t flags, conflict_error *err) {
    int code;
    PCRE2_SIZE off;
    rx->jit = 0;
    rx->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                             PCRE2_UTF | PCRE2_UCP | flags, &code, &off, e->cctx);
    if (!rx->code) {
        PCRE2_UCHAR msg[96];
        pcre2_get_error_message(code, msg, sizeof msg);
        return conflict_set_error(err, CONFLICT_ERROR, "internal pattern error at %zu: %s",
                                  (size_t)off, (const char *)msg);
    }
    rx->jit = pcre2_jit_compile(rx->code, PCRE2_JIT_COMPLETE) == 0;
    return CONFLICT_OK;
}

void conflict_rx_free(conflict_rx *rx) {
    pcre2_code_free(rx->code);
    rx->code = NULL;
}

pcre2_match_data *conflict_rx_match_data(const conflict_engine *e, const conflict_rx *rx) {
    return pcre2_match_data_create_from_pattern(rx->code, e->gctx);
}

int conflict_rx_match(const conflict_engine *e, const conflict_rx *rx, const char *s, size_t n,
                      size_t start, uint32_t opts, pcre2_match_data *md, conflict_error *err) {
    int rc = pcre2_match(rx->code, (PCRE2_SPTR)s, n, start, opts | PCRE2_NO_UTF_CHECK, md,
                         e->mctx);
    if (rc > 0) return 1;
    if (rc == PCRE2_ERROR_NOMATCH) return 0;
    if (rc == 0) return 1; /* ovector too small: still a match */
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
        rc == PCRE2_ERROR_HEAPLIMIT) {
        conflict_set_error(err, CONFLICT_LIMIT, "match limit exceeded");
        return -1;
    }
    if (rc == PCRE2_ERROR_NOMEMORY) {
        conflict_set_error(err, CONFLICT_NOMEM, "out of memory");
        return -1;
    }
    PCRE2_UCHAR msg[96];
    pcre2_get_error_message(rc, msg, sizeof msg);
    conflict_set_error(err, CONFLICT_ERROR, "regex error: %s", (const char *)msg);
    return -1;
}

size_t conflict_utf8_prev(const char *s, size_t i) {
    while (i > 0 && ((unsigned char)s[--i] & 0xC0) == 0x80) {
    }
    return i;
}
