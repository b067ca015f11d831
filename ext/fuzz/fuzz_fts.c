/*
 * libFuzzer harness: the FTS5 tokenizer `conflict`, at three levels.
 *
 * Input: one control byte, then "text\0query" (see fuzz_common.h for the
 * split). Control bits: 0-3 turn off remove_diacritics, keys, places, actors;
 * bits 4-5 pick the mode (document, query, prefix query); bit 6 passes a bad
 * tokenizer argument; bit 7 also runs the SQL level.
 *
 * 1. Core (ext/core/fts_tokens.c), on valid UTF-8 text, with an engine of its
 *    own whose allocator can fail: the status is OK or an error with a
 *    message (never NOMEM while nothing fails); every token is non-empty,
 *    valid UTF-8, without spaces, inside the text buffer; its byte span lies
 *    in the input, on character boundaries; the first token is not colocated;
 *    positions (non-colocated tokens) start in text order; no token repeats at
 *    one position.
 *    In one input out of 8, a second run fails one allocation (picked from the
 *    input): NOMEM, or the same tokens.
 * 2. Binding (ext/sqlite/fts5_tokenizer.c), through the fts5_api of a
 *    connection with the extension linked in (SQLITE_CORE): xCreate with the
 *    control bits as arguments (a bad one must fail), xTokenize on the raw
 *    bytes (invalid UTF-8 included): offsets satisfy 0 <= start <= end <= n
 *    and span whole characters of one valid run, tokens are non-empty,
 *    the first is not colocated; an error returned by the callback after k
 *    tokens (k from the input) comes back from xTokenize unchanged.
 * 3. SQL (bit 7): the text inserted into an fts5 table with tokenize=
 *    'conflict', the query part tokenized as a query through the binding
 *    (as in 2) and run with MATCH (SQLITE_ERROR, a query syntax error, is allowed),
 *    highlight() and snippet() over the matches, bm25 ordering, then the rows
 *    are deleted and the index checked with 'integrity-check'.
 */
#include <sqlite3.h>

#include "conflict_sqlite.h"
#include "fts_tokens.h"
#include "fuzz_common.h"

static fuzz_oom oom;
static const conflict_allocator oom_alloc = {fuzz_oom_malloc, fuzz_oom_realloc, fuzz_oom_free,
                                             &oom};
static conflict_engine *engine;
static sqlite3 *db;
static fts5_tokenizer tok_api;
static void *tok_ud;
static sqlite3_stmt *ins, *qry, *del, *chk;

static void die(const char *what) {
    fprintf(stderr, "fuzz_fts: %s: %s\n", what, db ? sqlite3_errmsg(db) : "?");
    abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    conflict_error err;
    memset(&err, 0, sizeof err);
    if (conflict_engine_new(&oom_alloc, &engine, &err)) {
        fprintf(stderr, "engine: %s\n", err.msg);
        abort();
    }
    if (sqlite3_open(":memory:", &db)) die("open");
    char *msg = NULL;
    if (sqlite3_conflict_init(db, &msg, NULL) != SQLITE_OK) {
        fprintf(stderr, "init: %s\n", msg ? msg : "?");
        abort();
    }
    fts5_api *api = NULL;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "select fts5(?1)", -1, &st, 0)) die("fts5 (not compiled in?)");
    sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(st);
    sqlite3_finalize(st);
    if (!api || api->xFindTokenizer(api, "conflict", &tok_ud, &tok_api) != SQLITE_OK)
        die("tokenizer conflict not registered");
    if (sqlite3_exec(db, "create virtual table docs using fts5(body, tokenize='conflict')", 0, 0,
                     0))
        die("create table");
    if (sqlite3_prepare_v2(db, "insert into docs(body) values (?1)", -1, &ins, 0) ||
        sqlite3_prepare_v2(db,
                           "select highlight(docs, 0, '[', ']'), snippet(docs, 0, '[', ']', "
                           "'...', 8) from docs where docs match ?1 order by bm25(docs)",
                           -1, &qry, 0) ||
        sqlite3_prepare_v2(db, "delete from docs", -1, &del, 0) ||
        sqlite3_prepare_v2(db, "insert into docs(docs) values ('integrity-check')", -1, &chk,
                           0))
        die("prepare");
    return 0;
}

static int boundary(const char *s, size_t n, size_t i) {
    return i == n || ((unsigned char)s[i] & 0xC0) != 0x80;
}

/* ---- 1. core ------------------------------------------------------------------ */

static int same_tokens(const conflict_fts_tokens *a, const conflict_fts_tokens *b) {
    if (a->n != b->n) return 0;
    for (size_t i = 0; i < a->n; i++) {
        const conflict_fts_token *x = &a->v[i], *y = &b->v[i];
        if (x->start != y->start || x->end != y->end || x->len != y->len ||
            x->colocated != y->colocated || memcmp(a->text.p + x->off, b->text.p + y->off, x->len))
            return 0;
    }
    return 1;
}

static void check_core(const conflict_fts_config *cfg, int mode, const char *s, size_t n,
                       uint64_t h) {
    conflict_fts_tokens t;
    conflict_error err;
    memset(&err, 0, sizeof err);
    oom.fail_at = 0;
    oom.count = 0;
    oom.failed = 0;
    conflict_status st = conflict_fts_tokenize(engine, cfg, mode, s, n, &t, &err);
    unsigned long allocs = oom.count;
    if (st) {
        FUZZ_ASSERT(st != CONFLICT_NOMEM && st != CONFLICT_TOOBIG);
        FUZZ_ASSERT(err.msg[0]);
        return;
    }
    size_t pos_start = 0, pos_first = 0;
    for (size_t i = 0; i < t.n; i++) {
        const conflict_fts_token *k = &t.v[i];
        const char *txt = t.text.p + k->off;
        FUZZ_ASSERT(k->len > 0 && k->off + k->len <= t.text.len);
        FUZZ_ASSERT(fuzz_valid_utf8(txt, k->len));
        FUZZ_ASSERT(!memchr(txt, ' ', k->len));
        FUZZ_ASSERT(k->start < k->end && k->end <= n);
        FUZZ_ASSERT(boundary(s, n, k->start) && boundary(s, n, k->end));
        if (!k->colocated) {
            FUZZ_ASSERT(i == 0 || k->start >= pos_start); /* positions in text order */
            pos_start = k->start;
            pos_first = i;
        } else {
            FUZZ_ASSERT(i > 0);
        }
        for (size_t j = pos_first; j < i; j++) /* no repeat at one position */
            FUZZ_ASSERT(!(t.v[j].len == k->len && !memcmp(t.text.p + t.v[j].off, txt, k->len)));
    }
    if (allocs > 0 && (h >> 40) % 8 == 0) {
        conflict_fts_tokens t2;
        oom.count = 0;
        oom.failed = 0;
        oom.fail_at = 1 + (unsigned long)(h % allocs);
        memset(&err, 0, sizeof err);
        conflict_status st2 = conflict_fts_tokenize(engine, cfg, mode, s, n, &t2, &err);
        int failed = oom.failed;
        oom.fail_at = 0;
        if (failed && st2 != CONFLICT_NOMEM) {
            if (st2 || !same_tokens(&t, &t2)) {
                fprintf(stderr, "fts: allocation %lu failed, got status %d and %zu tokens (want %zu or NOMEM)\n",
                        oom.count, (int)st2, st2 ? (size_t)0 : t2.n, t.n);
                abort();
            }
        }
        if (!st2) conflict_fts_tokens_free(&t2);
    }
    conflict_fts_tokens_free(&t);
}

/* ---- 2. binding through fts5_api ------------------------------------------------ */

typedef struct {
    const char *s;
    int n;
    int count, stop_at, stop_rc;
} tok_ctx;

static int on_token(void *p, int flags, const char *tok, int ntok, int start, int end) {
    tok_ctx *c = p;
    FUZZ_ASSERT(tok && ntok > 0);
    FUZZ_ASSERT(0 <= start && start <= end && end <= c->n);
    /* the span lies inside one valid run: whole characters */
    FUZZ_ASSERT(fuzz_valid_utf8(c->s + start, (size_t)(end - start)));
    FUZZ_ASSERT(flags == 0 || flags == FTS5_TOKEN_COLOCATED);
    FUZZ_ASSERT(c->count > 0 || flags == 0);
    if (++c->count == c->stop_at) return c->stop_rc;
    return SQLITE_OK;
}

static void check_binding(unsigned ctl, const char *s, size_t n, uint64_t h) {
    static const char *const keys[] = {"remove_diacritics", "keys", "places", "actors"};
    const char *argv[10];
    int argc = 0;
    for (int b = 0; b < 4; b++)
        if (ctl & (1u << b)) argv[argc++] = keys[b], argv[argc++] = "0";
    if (ctl & 0x40) { /* an unknown key, a bad value or an odd count */
        switch (h % 3) {
            case 0: argv[argc++] = "stemmer", argv[argc++] = "1"; break;
            case 1: argv[argc++] = "keys", argv[argc++] = "yes"; break;
            default: argv[argc++] = "places"; break;
        }
    }
    Fts5Tokenizer *tk = NULL;
    int rc = tok_api.xCreate(tok_ud, argv, argc, &tk);
    if (ctl & 0x40) {
        FUZZ_ASSERT(rc != SQLITE_OK && tk == NULL);
        return;
    }
    FUZZ_ASSERT(rc == SQLITE_OK && tk);
    int mode = (ctl >> 4) & 3;
    int flags = mode == 0 ? FTS5_TOKENIZE_DOCUMENT
                          : FTS5_TOKENIZE_QUERY | (mode >= 2 ? FTS5_TOKENIZE_PREFIX : 0);
    tok_ctx c = {s, (int)n, 0, 0, SQLITE_OK};
    rc = tok_api.xTokenize(tk, &c, flags, s, (int)n, on_token);
    FUZZ_ASSERT(rc == SQLITE_OK);
    if (c.count > 0) { /* the callback's error stops the scan and comes back */
        tok_ctx c2 = {s, (int)n, 0, 1 + (int)(h % (uint64_t)c.count),
                      (h >> 8) & 1 ? SQLITE_NOMEM : SQLITE_ABORT};
        rc = tok_api.xTokenize(tk, &c2, flags, s, (int)n, on_token);
        FUZZ_ASSERT(rc == c2.stop_rc && c2.count == c2.stop_at);
    }
    tok_api.xDelete(tk);
}

/* ---- 3. SQL --------------------------------------------------------------------- */

static void check_sql(const char *s, size_t n, const char *q, size_t nq) {
    sqlite3_bind_text(ins, 1, s, (int)n, SQLITE_STATIC);
    int rc = sqlite3_step(ins);
    FUZZ_ASSERT(rc == SQLITE_DONE);
    sqlite3_reset(ins);
    sqlite3_clear_bindings(ins);
    if (q) {
        sqlite3_bind_text(qry, 1, q, (int)nq, SQLITE_STATIC);
        while ((rc = sqlite3_step(qry)) == SQLITE_ROW) {
            /* highlight() keeps every byte of the text and adds matched pairs of markers */
            int len = sqlite3_column_bytes(qry, 0);
            FUZZ_ASSERT(len >= (int)n);
        }
        /* a query that FTS5 cannot parse is SQLITE_ERROR (the tokenizer itself
         * accepted the query: see check_binding on it); nothing else may fail */
        if (rc != SQLITE_DONE && rc != SQLITE_ERROR) {
            fprintf(stderr, "fuzz_fts: MATCH failed: rc=%d %s\n", rc, sqlite3_errmsg(db));
            abort();
        }
        sqlite3_reset(qry);
        sqlite3_clear_bindings(qry);
    }
    FUZZ_ASSERT(sqlite3_step(del) == SQLITE_DONE);
    sqlite3_reset(del);
    rc = sqlite3_step(chk);
    if (rc != SQLITE_DONE) {
        fprintf(stderr, "fuzz_fts: integrity-check: %s\n", sqlite3_errmsg(db));
        abort();
    }
    sqlite3_reset(chk);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    unsigned ctl = data[0];
    uint64_t h = fuzz_hash(data, size);
    fuzz_parts pt;
    fuzz_split(data + 1, size - 1, &pt);
    const char *s = pt.p[0];
    size_t n = pt.n[0];
    if (fuzz_valid_utf8(s, n)) {
        conflict_fts_config cfg;
        conflict_fts_config_default(&cfg);
        cfg.remove_diacritics = !(ctl & 1);
        cfg.keys = !(ctl & 2);
        cfg.places = !(ctl & 4);
        cfg.actors = !(ctl & 8);
        int mode = (ctl >> 4) & 3;
        int m = mode == 0 ? CONFLICT_FTS_DOCUMENT
                          : CONFLICT_FTS_QUERY | (mode >= 2 ? CONFLICT_FTS_PREFIX : 0);
        check_core(&cfg, m, s, n, h);
    }
    check_binding(ctl, s, n, h);
    if ((ctl & 0x80) && pt.count > 1) /* the query's own tokens (query mode) */
        check_binding((ctl & 0x0F) | 0x10, pt.p[1], pt.n[1], h);
    if (ctl & 0x80) check_sql(s, n, pt.count > 1 ? pt.p[1] : NULL, pt.count > 1 ? pt.n[1] : 0);
    return 0;
}
