/* The engine: per-connection state, used by one thread at a time (as SQLite uses a
 * connection): compiled data, and the places memo that fills as texts are read. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

static void *pcre_malloc(PCRE2_SIZE n, void *ud) { return conflict_malloc(ud, n); }
static void pcre_free(void *p, void *ud) { conflict_free(ud, p); }

conflict_status conflict_set_error(conflict_error *err, conflict_status code, const char *fmt,
                                   ...) {
    if (!err) return code;
    err->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return code;
}

conflict_status conflict_engine_new(const conflict_allocator *a, conflict_engine **out,
                                    conflict_error *err) {
    *out = NULL;
    conflict_engine *e = conflict_malloc(a, sizeof *e);
    if (!e) return CONFLICT_NOMEM;
    memset(e, 0, sizeof *e);
    e->a = a;
    /* PCRE2 allocates through our allocator: its ud is the allocator itself */
    e->gctx = pcre2_general_context_create(pcre_malloc, pcre_free, (void *)a);
    e->cctx = e->gctx ? pcre2_compile_context_create(e->gctx) : NULL;
    e->mctx = e->gctx ? pcre2_match_context_create(e->gctx) : NULL;
    if (!e->mctx || !e->cctx) {
        conflict_engine_free(e);
        return CONFLICT_NOMEM;
    }
    /* bounded cost per match: what makes INNOCUOUS honest */
    pcre2_set_match_limit(e->mctx, 1000000);
    pcre2_set_depth_limit(e->mctx, 10000);
    pcre2_set_heap_limit(e->mctx, 20000); /* KiB */
    for (int i = 0; i < CONFLICT_NMODULES; i++) {
        const conflict_module *m = conflict_modules[i];
        if (!m || !m->init) continue;
        conflict_status st = m->init(e, &e->mod[i], err);
        if (st) {
            conflict_engine_free(e);
            return st;
        }
    }
    *out = e;
    return CONFLICT_OK;
}

void conflict_engine_free(conflict_engine *e) {
    if (!e) return;
    for (int i = 0; i < CONFLICT_NMODULES; i++) {
        const conflict_module *m = conflict_modules[i];
        if (m && m->free && e->mod[i]) m->free(e, e->mod[i]);
    }
    pcre2_match_context_free(e->mctx);
    pcre2_compile_context_free(e->cctx);
    pcre2_general_context_free(e->gctx);
    conflict_free(e->a, e);
}
