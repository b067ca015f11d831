/*
 * libFuzzer harness: every extractor in conflict_extractors[] (places,
 * counts, actors, ... whatever the registry holds) on the same input.
 * Input: "text\0options\0ref_date" (see fuzz_common.h).
 *
 * Checks, per extractor:
 *  - status is OK or a reported error (limit, bad options) with a message;
 *  - columns 0..2 are text/start/length, rows sorted by start, and
 *    substr(text_input, start, length) == text (1-based characters);
 *  - text cells and the JSON are valid UTF-8; a JSON length limit gives TOOBIG;
 *  - out of memory: in one input out of OOM_EVERY (picked by the input's hash,
 *    so a given input always does or does not), a second run fails one
 *    allocation (also picked from the input) and must report NOMEM or give
 *    exactly the same JSON, without leaking (FUZZ_OOM=0 in the environment
 *    skips this run, to fuzz past a known out-of-memory finding; FUZZ_OOM=1
 *    does it on every input).
 *
 * Speed: the engine is created once per process; each extractor runs once per
 * input (the length-limit check re-serializes the same table), the row checks
 * walk the input once, and `make fuzz` caps inputs with -max_len.
 */
#include "fuzz_common.h"

static fuzz_oom oom;
static const conflict_allocator oom_alloc = {fuzz_oom_malloc, fuzz_oom_realloc, fuzz_oom_free,
                                             &oom};
static conflict_engine *engine;
/* 1 input in OOM_EVERY gets the failing-allocation run (0: none, 1: all) */
#define OOM_EVERY 8
static unsigned oom_every = OOM_EVERY;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    const char *env = getenv("FUZZ_OOM");
    if (env && env[0] == '0') oom_every = 0;
    else if (env && env[0] == '1') oom_every = 1;
    conflict_error err;
    memset(&err, 0, sizeof err);
    if (conflict_engine_new(&oom_alloc, &engine, &err)) {
        fprintf(stderr, "engine: %s\n", err.msg);
        abort();
    }
    return 0;
}

/* Advances (ch, by), a 1-based character position and its byte offset, to
 * character c (clamped to n); rows come sorted by start, so a forward cursor
 * walks the input once for all row starts. */
static void seek_char(const char *s, size_t n, int64_t c, int64_t *ch, size_t *by) {
    while (*ch < c && *by < n) conflict_utf8_next(s, n, by), (*ch)++;
}

static void check_table(const conflict_extractor *ex, conflict_table *t, const char *s,
                        size_t n) {
    FUZZ_ASSERT(t->ncols >= 3 && t->ncols == ex->ncols);
    int64_t prev = 0, ch = 1;
    size_t by = 0;
    size_t nchars = conflict_utf8_chars(s, n);
    for (size_t r = 0; r < t->nrows; r++) {
        conflict_cell *tx = conflict_table_cell(t, r, 0), *st = conflict_table_cell(t, r, 1),
                      *ln = conflict_table_cell(t, r, 2);
        FUZZ_ASSERT(tx->type == CONFLICT_T_TEXT);
        FUZZ_ASSERT(st->type == CONFLICT_T_INT && ln->type == CONFLICT_T_INT);
        FUZZ_ASSERT(st->v.i >= 1 && ln->v.i >= 0);
        FUZZ_ASSERT(st->v.i >= prev); /* text order */
        prev = st->v.i;
        FUZZ_ASSERT((size_t)(st->v.i - 1) + (size_t)ln->v.i <= nchars);
        seek_char(s, n, st->v.i, &ch, &by);
        size_t b0 = by, b1 = by;
        int64_t ch1 = ch;
        seek_char(s, n, st->v.i + ln->v.i, &ch1, &b1);
        if (tx->v.t.n != b1 - b0 || memcmp(tx->v.t.s, s + b0, b1 - b0) != 0) {
            fprintf(stderr, "%s: row %zu: text \"%.*s\" != substr(body,%lld,%lld) \"%.*s\"\n",
                    ex->name, r, (int)tx->v.t.n, tx->v.t.s, (long long)st->v.i,
                    (long long)ln->v.i, (int)(b1 - b0), s + b0);
            abort();
        }
        for (int c = 3; c < t->ncols; c++) {
            conflict_cell *cell = conflict_table_cell(t, r, c);
            if (cell->type == CONFLICT_T_TEXT) FUZZ_ASSERT(fuzz_valid_utf8(cell->v.t.s, cell->v.t.n));
        }
    }
}

/* One extraction. With check (the normal run): row checks, and the same table
 * serialized under a limit one byte below its JSON must give TOOBIG. */
static conflict_status run(const conflict_extractor *ex, const fuzz_parts *pt,
                           const conflict_options *o, conflict_buf *json, conflict_error *err,
                           int check) {
    conflict_table t;
    conflict_table_init(&t, &oom_alloc, ex->cols, ex->ncols);
    conflict_status st = ex->extract(engine, pt->p[0], pt->n[0], o, &t, err);
    if (st == CONFLICT_OK) {
        if (check) check_table(ex, &t, pt->p[0], pt->n[0]);
        st = conflict_table_to_json(&t, json);
        if (check && st == CONFLICT_OK && json->len > 0) {
            /* a result over the length limit is reported, not truncated */
            conflict_buf small;
            conflict_buf_init(&small, NULL, json->len - 1);
            FUZZ_ASSERT(conflict_table_to_json(&t, &small) == CONFLICT_TOOBIG);
            conflict_buf_free(&small);
        }
    }
    conflict_table_free(&t);
    return st;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_parts pt;
    fuzz_split(data, size, &pt);
    if (!fuzz_valid_utf8(pt.p[0], pt.n[0])) return 0; /* the binding rejects it first */
    uint64_t h = fuzz_hash(data, size);
    int oom_run = oom_every && (h >> 32) % oom_every == 0;
    for (const conflict_extractor *const *x = conflict_extractors; *x; x++) {
        const conflict_extractor *ex = *x;
        conflict_options o;
        conflict_error err;
        memset(&o, 0, sizeof o);
        memset(&err, 0, sizeof err);
        if (pt.count > 1 && fuzz_valid_utf8(pt.p[1], pt.n[1])) {
            conflict_status st = conflict_options_parse(pt.p[1], pt.n[1], ex->option_keys, &o, &err);
            if (st) {
                FUZZ_ASSERT(st == CONFLICT_BAD_OPTIONS && err.msg[0]);
                memset(&o, 0, sizeof o);
            }
        }
        if (ex->takes_ref_date && pt.count > 2 && fuzz_valid_utf8(pt.p[2], pt.n[2])) {
            o.ref_date = pt.p[2];
            o.ref_date_len = pt.n[2];
        }
        /* normal run */
        oom.fail_at = 0;
        oom.count = 0;
        oom.failed = 0;
        conflict_buf json;
        conflict_buf_init(&json, NULL, 0);
        memset(&err, 0, sizeof err);
        conflict_status st = run(ex, &pt, &o, &json, &err, 1);
        unsigned long allocs = oom.count;
        if (st) {
            FUZZ_ASSERT(st != CONFLICT_NOMEM && st != CONFLICT_TOOBIG);
            FUZZ_ASSERT(err.msg[0]); /* every error says what went wrong */
        } else {
            FUZZ_ASSERT(json.len >= 2 && json.p[0] == '[' && json.p[json.len - 1] == ']');
            FUZZ_ASSERT(fuzz_valid_utf8(json.p, json.len));
        }
        /* the same run with one allocation failing */
        if (allocs > 0 && oom_run) {
            oom.count = 0;
            oom.failed = 0;
            oom.fail_at = 1 + (unsigned long)(h % allocs);
            conflict_buf json2;
            conflict_buf_init(&json2, NULL, 0);
            memset(&err, 0, sizeof err);
            conflict_status st2 = run(ex, &pt, &o, &json2, &err, 0);
            int failed = oom.failed;
            oom.fail_at = 0;
            if (failed && st2 != CONFLICT_NOMEM) {
                /* an allocation failure may only be absorbed if the answer is unchanged */
                if (st2 != st || (st == CONFLICT_OK && (json2.len != json.len ||
                                                        memcmp(json.p, json2.p, json.len)))) {
                    fprintf(stderr, "%s: allocation %lu failed, got status %d (want %d or NOMEM)\n",
                            ex->name, oom.count, (int)st2, (int)st);
                    abort();
                }
            }
            conflict_buf_free(&json2);
        }
        conflict_buf_free(&json);
    }
    return 0;
}
