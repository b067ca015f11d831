/* Refcounted per-connection state and the sqlite3_malloc allocator. */
#include <string.h>

#include "binding.h"

static void *sq_malloc(void *ud, size_t n) {
    (void)ud;
    return sqlite3_malloc64(n ? n : 1);
}
static void *sq_realloc(void *ud, void *p, size_t n) {
    (void)ud;
    return sqlite3_realloc64(p, n ? n : 1);
}
static void sq_free(void *ud, void *p) {
    (void)ud;
    sqlite3_free(p);
}

const conflict_allocator conflict_sqlite_allocator = {sq_malloc, sq_realloc, sq_free, NULL};

conflict_conn *conflict_conn_new(char **errmsg) {
    conflict_conn *c = sqlite3_malloc64(sizeof *c);
    if (!c) return NULL;
    memset(c, 0, sizeof *c);
    conflict_error err = {0};
    conflict_status st = conflict_engine_new(&conflict_sqlite_allocator, &c->engine, &err);
    if (st) {
        if (errmsg)
            *errmsg = sqlite3_mprintf("conflict: cannot initialise: %s",
                                      st == CONFLICT_NOMEM ? "out of memory" : err.msg);
        sqlite3_free(c);
        return NULL;
    }
    c->refs = 1;
    for (const conflict_extractor *const *x = conflict_extractors; *x; x++) {
        if (c->nex == (int)(sizeof c->ex / sizeof c->ex[0])) break;
        conflict_ex_binding *b = &c->ex[c->nex++];
        b->conn = c;
        b->ex = *x;
        b->keys_json = conflict_table_keys_json((*x)->cols, (*x)->ncols);
        sqlite3_snprintf(sizeof b->fn_name, b->fn_name, "extract_%s", (*x)->name);
    }
    return c;
}

conflict_conn *conflict_conn_ref(conflict_conn *c) {
    c->refs++;
    return c;
}

void conflict_conn_unref(void *p) {
    conflict_conn *c = p;
    if (!c || --c->refs > 0) return;
    for (int i = 0; i < c->nex; i++) sqlite3_free(c->ex[i].spare_cells);
    conflict_engine_free(c->engine);
    sqlite3_free(c);
}

void conflict_ex_binding_unref(void *binding) {
    conflict_ex_binding *b = binding;
    if (b) conflict_conn_unref(b->conn);
}
