/*
 * libFuzzer harness at the SQL level: the extension linked statically
 * (SQLITE_CORE) against the system libsqlite3, initialised with
 * sqlite3_conflict_init(db, 0, 0).
 *
 * At start-up it lists what the extension registers (pragma_function_list and
 * pragma_module_list before and after init), so new functions are fuzzed
 * without touching this file. Every input then goes, as TEXT, to every
 * function and every table-valued function, including as options and
 * ref_date: one arity per function and input, the one that takes the input's
 * parts (see pick()), so every registered arity and every 1..all hidden
 * arguments is reached across inputs of 1, 2 and 3 parts, without running
 * each function at each arity on every input.
 * Input: "a\0b\0c" binds ?1, ?2, ?3; a part starting with "#i", "#r", "#b"
 * or "#n" is bound as INTEGER, REAL, BLOB or NULL instead.
 *
 * Checks: every error message has the "<fn>(): " form (or is SQLite's own
 * too-big / out-of-memory); extract_*() results are valid JSON; TVF rows
 * satisfy substr(body, start, length) = text; a lowered SQLITE_LIMIT_LENGTH
 * turns an oversized result into SQLITE_TOOBIG.
 */
#include <sqlite3.h>

#include "conflict_sqlite.h"
#include "fuzz_common.h"

typedef struct {
    sqlite3_stmt *st;
    char name[64];
    int kind;    /* 0 function, 1 table-valued function, 2 nested TVF cursors */
    int nparams; /* ?1..?nparams */
    int run;     /* picked for the current input */
    int json;   /* result must be valid JSON */
    int substr; /* last column must be 1 on every row */
} fuzz_stmt;

static sqlite3 *db;
static fuzz_stmt stmts[256];
static int nstmts;
static sqlite3_stmt *json_valid_st;

static void die(const char *what) {
    fprintf(stderr, "fuzz_sql: %s: %s\n", what, db ? sqlite3_errmsg(db) : "?");
    abort();
}

static int seen(sqlite3 *d, const char *sql, const char *name, int narg) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(d, sql, -1, &st, 0)) die(sql);
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, narg);
    int found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return found;
}

static void add(const char *sql, const char *name, int kind, int json, int substr) {
    if (nstmts == (int)(sizeof stmts / sizeof stmts[0])) die("too many statements");
    fuzz_stmt *f = &stmts[nstmts];
    if (sqlite3_prepare_v2(db, sql, -1, &f->st, 0)) {
        /* e.g. dates(?1): a required argument missing is refused at prepare */
        fprintf(stderr, "fuzz_sql: skipped %s: %s\n", sql, sqlite3_errmsg(db));
        return;
    }
    snprintf(f->name, sizeof f->name, "%s", name);
    f->kind = kind;
    f->nparams = sqlite3_bind_parameter_count(f->st);
    f->json = json;
    f->substr = substr;
    nstmts++;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    sqlite3 *plain;
    if (sqlite3_open(":memory:", &plain)) die("open");
    if (sqlite3_open(":memory:", &db)) die("open");
    char *err = NULL;
    if (sqlite3_conflict_init(db, &err, NULL) != SQLITE_OK) {
        fprintf(stderr, "init: %s\n", err ? err : "?");
        abort();
    }
    /* functions the extension added: in db but not in a plain connection */
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "select name, narg from pragma_function_list order by 1, 2", -1,
                           &st, 0))
        die("function list");
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        int narg = sqlite3_column_int(st, 1);
        if (seen(plain, "select 1 from pragma_function_list where name=?1 and narg=?2", name,
                 narg))
            continue;
        char sql[256];
        int n = snprintf(sql, sizeof sql, "select \"%s\"(", name);
        for (int a = 1; a <= narg; a++) n += snprintf(sql + n, sizeof sql - (size_t)n, "%s?%d", a > 1 ? "," : "", a);
        snprintf(sql + n, sizeof sql - (size_t)n, ")");
        add(sql, name, 0, strncmp(name, "extract_", 8) == 0, 0);
    }
    sqlite3_finalize(st);
    /* table-valued functions the extension added, with their hidden arguments */
    if (sqlite3_prepare_v2(db, "select name from pragma_module_list order by 1", -1, &st, 0))
        die("module list");
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        if (seen(plain, "select 1 from pragma_module_list where name=?1 and ?2=?2", name, 0))
            continue;
        char sql[512];
        snprintf(sql, sizeof sql, "select count(*) from pragma_table_xinfo('%s') where hidden", name);
        sqlite3_stmt *h;
        if (sqlite3_prepare_v2(db, sql, -1, &h, 0) || sqlite3_step(h) != SQLITE_ROW) die(sql);
        int nhidden = sqlite3_column_int(h, 0);
        sqlite3_finalize(h);
        for (int k = 1; k <= nhidden; k++) {
            int n = snprintf(sql, sizeof sql,
                             "select *, substr(?1, \"start\", \"length\") is \"text\" from \"%s\"(",
                             name);
            for (int a = 1; a <= k; a++) n += snprintf(sql + n, sizeof sql - (size_t)n, "%s?%d", a > 1 ? "," : "", a);
            snprintf(sql + n, sizeof sql - (size_t)n, ")");
            add(sql, name, 1, 0, 1);
        }
        /* two cursors alive at once: the TVF over each of its own results */
        snprintf(sql, sizeof sql,
                 "select a.\"text\", (select count(*) from \"%s\"(a.\"text\")) from \"%s\"(?1) a",
                 name, name);
        add(sql, name, 2, 0, 0);
    }
    sqlite3_finalize(st);
    sqlite3_close(plain);
    if (sqlite3_prepare_v2(db, "select json_valid(?1)", -1, &json_valid_st, 0)) die("json_valid");
    fprintf(stderr, "fuzz_sql: %d statements\n", nstmts);
    return 0;
}

static void bind_part(sqlite3_stmt *st, int i, const char *p, size_t n) {
    if (n >= 2 && p[0] == '#') {
        switch (p[1]) {
            case 'i': sqlite3_bind_int64(st, i, (sqlite3_int64)n); return;
            case 'r': sqlite3_bind_double(st, i, (double)n / 3); return;
            case 'b': sqlite3_bind_blob(st, i, p + 2, (int)(n - 2), SQLITE_STATIC); return;
            case 'n': sqlite3_bind_null(st, i); return;
        }
    }
    sqlite3_bind_text(st, i, p, (int)n, SQLITE_STATIC);
}

static void check_error(const fuzz_stmt *f, int rc) {
    if (rc == SQLITE_TOOBIG || rc == SQLITE_NOMEM) return;
    const char *msg = sqlite3_errmsg(db);
    if (!strstr(msg, "(): ")) {
        fprintf(stderr, "%s: error without the \"<fn>(): \" form: rc=%d \"%s\"\n", f->name, rc, msg);
        abort();
    }
}

/* Steps f to the end; returns the bytes of the last TEXT value of column 0. */
static int run(fuzz_stmt *f, int *rows, size_t *out_len) {
    int rc;
    *rows = 0;
    *out_len = 0;
    while ((rc = sqlite3_step(f->st)) == SQLITE_ROW) {
        (*rows)++;
        int nc = sqlite3_column_count(f->st);
        if (f->substr && sqlite3_column_int(f->st, nc - 1) != 1) {
            fprintf(stderr, "%s: substr(body, start, length) != text on row %d: \"%s\"\n",
                    f->name, *rows, sqlite3_column_text(f->st, 0));
            abort();
        }
        if (sqlite3_column_type(f->st, 0) == SQLITE_TEXT) {
            *out_len = (size_t)sqlite3_column_bytes(f->st, 0);
            if (f->json) {
                sqlite3_bind_text(json_valid_st, 1, (const char *)sqlite3_column_text(f->st, 0),
                                  (int)*out_len, SQLITE_TRANSIENT);
                if (sqlite3_step(json_valid_st) != SQLITE_ROW ||
                    sqlite3_column_int(json_valid_st, 0) != 1) {
                    fprintf(stderr, "%s: invalid JSON: %s\n", f->name,
                            sqlite3_column_text(f->st, 0));
                    abort();
                }
                sqlite3_reset(json_valid_st);
            }
        }
    }
    if (rc != SQLITE_DONE) check_error(f, rc);
    sqlite3_reset(f->st);
    return rc;
}

/* One statement per function and kind for each input: the arity that takes
 * the input's parts best (the largest with at most `parts` parameters, else
 * the smallest). Arities are all covered across inputs with 1, 2 and 3 parts,
 * and a missing argument is NULL like a "#n" part. */
static void pick(int parts) {
    for (int i = 0; i < nstmts; i++) {
        fuzz_stmt *f = &stmts[i];
        f->run = 1;
        for (int j = 0; j < nstmts && f->run; j++) {
            const fuzz_stmt *g = &stmts[j];
            if (j == i || g->kind != f->kind || strcmp(g->name, f->name)) continue;
            int fin = f->nparams <= parts, gin = g->nparams <= parts;
            if (gin && (!fin || g->nparams > f->nparams)) f->run = 0;
            if (!gin && !fin && g->nparams < f->nparams) f->run = 0;
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 100000) return 0;
    fuzz_parts pt;
    fuzz_split(data, size, &pt);
    pick(pt.count);
    for (int i = 0; i < nstmts; i++) {
        fuzz_stmt *f = &stmts[i];
        if (!f->run) continue;
        int np = f->nparams;
        for (int k = 0; k < np && k < pt.count; k++) bind_part(f->st, k + 1, pt.p[k], pt.n[k]);
        int rows;
        size_t len;
        int rc = run(f, &rows, &len);
        /* the same call with the length limit just below the result's size */
        /* (only when the result is longer than every input: SQLite refuses
         * bound values over the limit itself) */
        size_t longest_in = 0;
        for (int k = 0; k < pt.count; k++) longest_in = pt.n[k] > longest_in ? pt.n[k] : longest_in;
        if (rc == SQLITE_DONE && f->json && len > 2 && len - 1 >= longest_in) {
            int old = sqlite3_limit(db, SQLITE_LIMIT_LENGTH, (int)len - 1);
            size_t len2;
            rc = run(f, &rows, &len2);
            sqlite3_limit(db, SQLITE_LIMIT_LENGTH, old);
            if (rc != SQLITE_TOOBIG) {
                fprintf(stderr, "%s: result of %zu bytes under a limit of %zu: rc=%d\n", f->name,
                        len, len - 1, rc);
                abort();
            }
        }
        sqlite3_clear_bindings(f->st);
    }
    return 0;
}
