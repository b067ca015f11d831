/* Core-internal declarations shared by the modules of ext/core. */
#ifndef CONFLICT_INTERNAL_H
#define CONFLICT_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "conflict.h"

/* Each module keeps its state (compiled patterns, indexes, the places memo) in
 * the engine; the engine is created once per connection. */
enum {
    CONFLICT_MOD_PLACES,
    CONFLICT_MOD_COUNTS,
    CONFLICT_MOD_ACTORS,
    CONFLICT_MOD_SOURCES,
    CONFLICT_MOD_DATES,
    CONFLICT_MOD_LANG,
    CONFLICT_NMODULES
};

struct conflict_engine {
    const conflict_allocator *a;
    pcre2_general_context *gctx;
    pcre2_compile_context *cctx;
    pcre2_match_context *mctx;
    void *mod[CONFLICT_NMODULES];
};

typedef struct {
    conflict_status (*init)(conflict_engine *e, void **state, conflict_error *err);
    void (*free)(conflict_engine *e, void *state);
} conflict_module;

/* Module hooks, one per entry of the enum above (NULL entries are skipped). */
extern const conflict_module *const conflict_modules[CONFLICT_NMODULES];

conflict_status conflict_set_error(conflict_error *err, conflict_status code, const char *fmt,
                                   ...)
#ifdef __GNUC__
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* ---- rx.c: PCRE2 with JIT and bounded matching --------------------------- */

typedef struct {
    pcre2_code *code;
    int jit; /* JIT compiled */
} conflict_rx;

/* Compiles with PCRE2_UTF|PCRE2_UCP plus `flags`, then tries JIT. */
conflict_status conflict_rx_compile(conflict_engine *e, conflict_rx *rx, const char *pattern,
                                    uint32_t flags, conflict_error *err);
void conflict_rx_free(conflict_rx *rx);
/* Match data for one call or cursor (never shared across them). */
pcre2_match_data *conflict_rx_match_data(const conflict_engine *e, const conflict_rx *rx);
/* 1 = match (ovector in md), 0 = none, <0 = error (limit): err is filled. Input
 * is already validated UTF-8, so PCRE2_NO_UTF_CHECK is passed. */
int conflict_rx_match(const conflict_engine *e, const conflict_rx *rx, const char *s, size_t n,
                      size_t start, uint32_t opts, pcre2_match_data *md, conflict_error *err);

/* Byte offset of the code point that starts before position i (i > 0). */
size_t conflict_utf8_prev(const char *s, size_t i);

#endif
