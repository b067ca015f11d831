/* Scalar functions: names, versions, and extract_*() over every extractor. */
#include <stdint.h>
#include <string.h>

#include "binding.h"

static size_t length_limit(sqlite3_context *ctx) {
    int lim = sqlite3_limit(sqlite3_context_db_handle(ctx), SQLITE_LIMIT_LENGTH, -1);
    return lim > 0 ? (size_t)lim : 0;
}

/* Hands a finished buffer to SQLite as the TEXT result. */
static void result_buf(sqlite3_context *ctx, const char *fn, conflict_buf *b, int json) {
    size_t n = 0;
    char *p = conflict_buf_detach(b, &n);
    if (!p) {
        conflict_report(ctx, fn, b->failed ? (conflict_status)b->failed : CONFLICT_NOMEM, NULL);
        conflict_buf_free(b);
        return;
    }
    sqlite3_result_text64(ctx, p, n, sqlite3_free, SQLITE_UTF8);
    if (json) sqlite3_result_subtype(ctx, CONFLICT_JSON_SUBTYPE);
}

typedef conflict_status (*name_fn)(const char *, size_t, conflict_buf *, conflict_error *);

static void name_func(sqlite3_context *ctx, const char *fn, name_fn f, sqlite3_value **argv) {
    const char *s;
    size_t n;
    if (conflict_arg_text(ctx, fn, argv, 0, &s, &n) <= 0) return;
    conflict_buf b;
    conflict_buf_init(&b, &conflict_sqlite_allocator, length_limit(ctx));
    conflict_error err = {0};
    conflict_status st = f(s, n, &b, &err);
    if (st) {
        conflict_buf_free(&b);
        conflict_report(ctx, fn, st, &err);
        return;
    }
    result_buf(ctx, fn, &b, 0);
}

static void normalize_name_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    (void)argc;
    name_func(ctx, "normalize_name", conflict_normalize_name, argv);
}

/* The {"gazetteer": bool} option of name_key()/name_similarity() in argument i
 * (parsed once per statement when constant). Returns 0/1, or -1 after an error. */
static int name_gazetteer_opt(sqlite3_context *ctx, const char *fn, sqlite3_value **argv, int i) {
    const int *cached = sqlite3_get_auxdata(ctx, i);
    if (cached) return *cached;
    const char *opt = NULL;
    size_t nopt = 0;
    int gaz = 1;
    conflict_error err = {0};
    if (conflict_arg_text(ctx, fn, argv, i, &opt, &nopt) < 0) return -1;
    conflict_status st = conflict_name_options(opt, nopt, &gaz, &err);
    if (st) {
        conflict_report(ctx, fn, st, &err);
        return -1;
    }
    int *v = sqlite3_malloc(sizeof *v);
    if (v) {
        *v = gaz;
        sqlite3_set_auxdata(ctx, i, v, sqlite3_free);
    }
    return gaz;
}

/* name_key(name [, options]): {"gazetteer": false} gives the pure spelling key */
static void name_key_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    int gaz = argc > 1 ? name_gazetteer_opt(ctx, "name_key", argv, 1) : 1;
    if (gaz < 0) return;
    name_func(ctx, "name_key", gaz ? conflict_name_key_gazetteer : conflict_name_key, argv);
}

static void name_similarity_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    const char *a, *b;
    size_t na, nb;
    int ra = conflict_arg_text(ctx, "name_similarity", argv, 0, &a, &na);
    if (ra < 0) return;
    int rb = conflict_arg_text(ctx, "name_similarity", argv, 1, &b, &nb);
    if (rb < 0) return;
    int gaz = argc > 2 ? name_gazetteer_opt(ctx, "name_similarity", argv, 2) : 1;
    if (gaz < 0 || ra == 0 || rb == 0) return;
    conflict_error err = {0};
    double score = 0;
    conflict_status st =
        (gaz ? conflict_name_similarity_gazetteer : conflict_name_similarity)(
            a, na, b, nb, &conflict_sqlite_allocator, &score, &err);
    if (st) {
        conflict_report(ctx, "name_similarity", st, &err);
        return;
    }
    sqlite3_result_double(ctx, score);
}

static void detect_lang_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    (void)argc;
    const char *s;
    size_t n;
    if (conflict_arg_text(ctx, "detect_lang", argv, 0, &s, &n) <= 0) return;
    const char *code = conflict_detect_lang(s, n);
    if (code) sqlite3_result_text(ctx, code, -1, SQLITE_STATIC);
}

static void version_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    (void)argc;
    (void)argv;
    sqlite3_result_text(ctx, conflict_version(), -1, SQLITE_STATIC);
}

static void debug_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    (void)argc;
    (void)argv;
    conflict_conn *c = sqlite3_user_data(ctx);
    conflict_buf b;
    conflict_buf_init(&b, &conflict_sqlite_allocator, 0);
    conflict_buf_puts(&b, "sqlite=");
    conflict_buf_puts(&b, sqlite3_libversion());
    conflict_buf_putc(&b, '\n');
    conflict_debug_info(c->engine, &b);
    if (b.len && b.p[b.len - 1] == '\n') b.len--;
    result_buf(ctx, "conflict_debug", &b, 0);
}

conflict_status conflict_run_extractor(conflict_ex_binding *b, const char *s, size_t n,
                                       const char *opt, size_t nopt, const char *ref,
                                       size_t nref, conflict_table *t, conflict_error *err) {
    conflict_options o;
    o.n = 0; /* what is read of it without options (conflict_options_parse clears it all) */
    /* initialised first: callers free `t` whatever the outcome */
    conflict_table_init(t, &conflict_sqlite_allocator, b->ex->cols, b->ex->ncols);
    t->keys_json = b->keys_json;
    t->cells = b->spare_cells;
    t->cap = b->spare_cap;
    b->spare_cells = NULL;
    b->spare_cap = 0;
    if (opt) {
        conflict_status st = conflict_options_parse(opt, nopt, b->ex->option_keys, &o, err);
        if (st) return st;
    }
    o.ref_date = ref;
    o.ref_date_len = nref;
    conflict_status st = b->ex->extract(b->conn->engine, s, n, &o, t, err);
    if (st || !opt) return st;
    /* `o` dies with this frame, but the table is used after it: a text cell
     * borrowed from an option value (its unescaped strbuf) becomes a copy; with
     * no options there is none */
    uintptr_t lo = (uintptr_t)&o, hi = (uintptr_t)(&o + 1);
    for (size_t r = 0; r < t->nrows; r++)
        for (int c = 0; c < t->ncols; c++) {
            conflict_cell *cell = conflict_table_cell(t, r, c);
            uintptr_t p = (uintptr_t)cell->v.t.s;
            if (cell->type == CONFLICT_T_TEXT && p >= lo && p < hi &&
                !conflict_table_set_text_copy(t, r, c, cell->v.t.s, cell->v.t.n))
                return CONFLICT_NOMEM;
        }
    return CONFLICT_OK;
}

#define SPARE_KEEP (64u << 10) /* the most bytes of rows kept for the next call */

/* Frees the table, but keeps its rows in the binding for the next call. */
static void table_done(conflict_ex_binding *b, conflict_table *t) {
    if (t->cap * (size_t)t->ncols * sizeof *t->cells <= SPARE_KEEP) {
        conflict_free(t->a, b->spare_cells);
        b->spare_cells = t->cells;
        b->spare_cap = t->cap;
        t->cells = NULL;
    }
    conflict_table_free(t);
}

/* extract_<name>(text [, options]) and extract_dates(text, ref_date [, options]) */
static void extract_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    conflict_ex_binding *b = sqlite3_user_data(ctx);
    const char *fn = b->fn_name;
    const char *s, *opt = NULL, *ref = NULL;
    size_t n, nopt = 0, nref = 0;
    int r = conflict_arg_text(ctx, fn, argv, 0, &s, &n);
    if (r <= 0) return;
    int next = 1;
    if (b->ex->takes_ref_date) {
        r = conflict_arg_text(ctx, fn, argv, next, &ref, &nref);
        if (r < 0) return;
        next++;
    }
    if (argc > next && conflict_arg_text(ctx, fn, argv, next, &opt, &nopt) < 0) return;
    conflict_table t;
    conflict_error err = {0};
    conflict_status st = conflict_run_extractor(b, s, n, opt, nopt, ref, nref, &t, &err);
    if (!st) {
        conflict_buf out;
        conflict_buf_init(&out, &conflict_sqlite_allocator, length_limit(ctx));
        st = conflict_table_to_json(&t, &out);
        table_done(b, &t);
        if (!st) {
            result_buf(ctx, fn, &out, 1);
            return;
        }
        conflict_buf_free(&out);
    } else {
        table_done(b, &t);
    }
    conflict_report(ctx, fn, st, &err);
}

#define DET_INNOCUOUS (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)

int conflict_register_scalars(sqlite3 *db, conflict_conn *conn, char **errmsg) {
    static const struct {
        const char *name;
        int nargs;
        void (*fn)(sqlite3_context *, int, sqlite3_value **);
    } fns[] = {
        {"normalize_name", 1, normalize_name_func},
        {"name_key", 1, name_key_func},
        {"name_key", 2, name_key_func},
        {"name_similarity", 2, name_similarity_func},
        {"name_similarity", 3, name_similarity_func},
        {"detect_lang", 1, detect_lang_func},
        {"conflict_version", 0, version_func},
        {"conflict_debug", 0, debug_func},
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        int rc = sqlite3_create_function_v2(db, fns[i].name, fns[i].nargs, DET_INNOCUOUS,
                                            conflict_conn_ref(conn), fns[i].fn, NULL, NULL,
                                            conflict_conn_unref);
        if (rc != SQLITE_OK) {
            *errmsg = sqlite3_mprintf("conflict: cannot register %s: %s", fns[i].name,
                                      sqlite3_errmsg(db));
            return rc;
        }
    }
    for (int i = 0; i < conn->nex; i++) {
        conflict_ex_binding *b = &conn->ex[i];
        int base = b->ex->takes_ref_date ? 2 : 1;
        for (int nargs = base; nargs <= base + 1; nargs++) {
            int rc = sqlite3_create_function_v2(
                db, b->fn_name, nargs, DET_INNOCUOUS | SQLITE_RESULT_SUBTYPE,
                (conflict_conn_ref(conn), b), extract_func, NULL, NULL, conflict_ex_binding_unref);
            if (rc != SQLITE_OK) {
                *errmsg = sqlite3_mprintf("conflict: cannot register %s: %s", b->fn_name,
                                          sqlite3_errmsg(db));
                return rc;
            }
        }
    }
    return SQLITE_OK;
}
