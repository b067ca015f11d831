/*
 * FTS5 tokenizer `conflict`:
 *
 *   CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='conflict');
 *   CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='conflict places 0 actors 0');
 *
 * Arguments are key/value pairs: remove_diacritics, keys, places, actors
 * (each 0 or 1, default 1). An odd count, an unknown key or another value is
 * SQLITE_ERROR. The tokens come from the core (ext/core/fts_tokens.c); this
 * file only registers the tokenizer and forwards them to xToken with byte
 * offsets, passing on xToken's return code.
 *
 * The fts5_api is obtained with SELECT fts5(?1) and sqlite3_bind_pointer;
 * without FTS5 (or with an fts5_api older than version 2) the tokenizer is
 * skipped and the rest of the extension still loads.
 */
#include <string.h>

#include "binding.h"
#include "fts_tokens.h"

typedef struct {
    conflict_conn *conn;
    conflict_fts_config cfg;
} conflict_fts5_tokenizer;

static int tok_xCreate(void *pCtx, const char **azArg, int nArg, Fts5Tokenizer **ppOut) {
    conflict_conn *conn = pCtx;
    *ppOut = NULL;
    if (nArg < 0 || nArg % 2) return SQLITE_ERROR; /* key/value pairs only */
    conflict_fts5_tokenizer *t = sqlite3_malloc(sizeof *t);
    if (!t) return SQLITE_NOMEM;
    memset(t, 0, sizeof *t);
    conflict_fts_config_default(&t->cfg);
    for (int i = 0; i < nArg - 1; i += 2) {
        conflict_error err = {0};
        if (conflict_fts_config_set(&t->cfg, azArg[i], azArg[i + 1], &err)) {
            sqlite3_free(t);
            return SQLITE_ERROR;
        }
    }
    t->conn = conflict_conn_ref(conn);
    *ppOut = (Fts5Tokenizer *)t;
    return SQLITE_OK;
}

static void tok_xDelete(Fts5Tokenizer *p) {
    conflict_fts5_tokenizer *t = (conflict_fts5_tokenizer *)p;
    if (!t) return;
    conflict_conn_unref(t->conn);
    sqlite3_free(t);
}

typedef int (*token_cb)(void *, int, const char *, int, int, int);

/* Tokenizes one valid UTF-8 run that starts at byte `base` of the text. */
static int tokenize_run(conflict_fts5_tokenizer *t, int mode, const char *s, size_t n,
                        size_t base, void *pCtx, token_cb xToken) {
    conflict_fts_tokens toks;
    conflict_error err = {0};
    conflict_status st = conflict_fts_tokenize(t->conn->engine, &t->cfg, mode, s, n, &toks, &err);
    if (st) return st == CONFLICT_NOMEM ? SQLITE_NOMEM : SQLITE_ERROR;
    int rc = SQLITE_OK;
    for (size_t i = 0; i < toks.n && rc == SQLITE_OK; i++) {
        const conflict_fts_token *k = &toks.v[i];
        rc = xToken(pCtx, k->colocated ? FTS5_TOKEN_COLOCATED : 0, toks.text.p + k->off,
                    (int)k->len, (int)(base + k->start), (int)(base + k->end));
    }
    conflict_fts_tokens_free(&toks);
    return rc;
}

static int tok_xTokenize(Fts5Tokenizer *p, void *pCtx, int flags, const char *pText, int nText,
                         token_cb xToken) {
    conflict_fts5_tokenizer *t = (conflict_fts5_tokenizer *)p;
    if (!pText || nText <= 0) return SQLITE_OK;
    int mode = CONFLICT_FTS_DOCUMENT;
    if (flags & FTS5_TOKENIZE_QUERY) {
        mode = CONFLICT_FTS_QUERY;
        if (flags & FTS5_TOKENIZE_PREFIX) mode |= CONFLICT_FTS_PREFIX;
    }
    /* a column may hold invalid UTF-8: tokenize the valid runs between bad bytes */
    size_t n = (size_t)nText, pos = 0;
    while (pos < n) {
        conflict_error err = {0};
        size_t len = n - pos;
        if (conflict_utf8_check(pText + pos, len, &err)) len = err.byte_offset;
        if (len) {
            int rc = tokenize_run(t, mode, pText + pos, len, pos, pCtx, xToken);
            if (rc != SQLITE_OK) return rc;
        }
        pos += len + 1; /* skip the bad byte (or finish) */
    }
    return SQLITE_OK;
}

int conflict_register_fts5(sqlite3 *db, conflict_conn *conn, char **errmsg) {
    fts5_api *api = NULL;
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK) {
        /* no FTS5 in this SQLite: the rest still loads. The failed prepare left
         * "no such function: fts5" as the connection's error, and sqlite3_open()
         * reads that after automatic extensions (sqlite3_auto_extension): a
         * successful prepare clears it. */
        sqlite3_finalize(stmt);
        stmt = NULL;
        if (sqlite3_prepare_v2(db, "SELECT 1", -1, &stmt, NULL) == SQLITE_OK) sqlite3_finalize(stmt);
        return SQLITE_OK;
    }
    sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (!api || api->iVersion < 2) return SQLITE_OK;
    fts5_tokenizer tok = {tok_xCreate, tok_xDelete, tok_xTokenize};
    int rc = api->xCreateTokenizer(api, "conflict", conflict_conn_ref(conn), &tok,
                                   conflict_conn_unref);
    if (rc != SQLITE_OK) {
        conflict_conn_unref(conn); /* fts5 does not call xDestroy when registration fails */
        *errmsg = sqlite3_mprintf("conflict: cannot register %s: %s", "fts5 tokenizer conflict",
                                  sqlite3_errstr(rc));
    }
    return rc;
}
