/*
 * One eponymous table-valued function per extractor: places(text [, options]),
 * counts(...), dates(text, ref_date [, options])... Columns are the
 * extractor's fields plus hidden argument columns, as in ext/misc/series.c.
 * A NULL argument gives zero rows.
 */
#include <string.h>

#include "binding.h"

typedef struct {
    sqlite3_vtab base;
    conflict_ex_binding *b;
    int nargs; /* hidden argument columns: body [, ref_date], options */
} ex_vtab;

typedef struct {
    sqlite3_vtab_cursor base;
    conflict_table t;
    int has_table;
    char *body; /* copy: table cells point into it */
    size_t row;
} ex_cursor;

static int ex_xConnect(sqlite3 *db, void *pAux, int argc, const char *const *argv,
                       sqlite3_vtab **ppVtab, char **pzErr) {
    (void)argc;
    (void)argv;
    conflict_ex_binding *b = pAux;
    /* not sqlite3_str_new(db): the schema text must not depend on SQLITE_LIMIT_LENGTH */
    sqlite3_str *s = sqlite3_str_new(NULL);
    sqlite3_str_appendall(s, "CREATE TABLE x(");
    for (int i = 0; i < b->ex->ncols; i++) sqlite3_str_appendf(s, "\"%w\",", b->ex->cols[i]);
    sqlite3_str_appendall(s, "body HIDDEN,");
    if (b->ex->takes_ref_date) sqlite3_str_appendall(s, "ref_date HIDDEN,");
    sqlite3_str_appendall(s, "options HIDDEN)");
    char *sql = sqlite3_str_finish(s);
    if (!sql) return SQLITE_NOMEM;
    int rc = sqlite3_declare_vtab(db, sql);
    sqlite3_free(sql);
    if (rc != SQLITE_OK) {
        *pzErr = sqlite3_mprintf("%s", sqlite3_errmsg(db));
        return rc;
    }
    sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
    ex_vtab *v = sqlite3_malloc(sizeof *v);
    if (!v) return SQLITE_NOMEM;
    memset(v, 0, sizeof *v);
    v->b = b;
    v->nargs = b->ex->takes_ref_date ? 3 : 2;
    *ppVtab = &v->base;
    return SQLITE_OK;
}

static int ex_xDisconnect(sqlite3_vtab *p) {
    sqlite3_free(p);
    return SQLITE_OK;
}

static int ex_xOpen(sqlite3_vtab *p, sqlite3_vtab_cursor **pp) {
    (void)p;
    ex_cursor *c = sqlite3_malloc(sizeof *c);
    if (!c) return SQLITE_NOMEM;
    memset(c, 0, sizeof *c);
    *pp = &c->base;
    return SQLITE_OK;
}

static void cursor_reset(ex_cursor *c) {
    if (c->has_table) conflict_table_free(&c->t);
    c->has_table = 0;
    sqlite3_free(c->body);
    c->body = NULL;
    c->row = 0;
}

static int ex_xClose(sqlite3_vtab_cursor *p) {
    ex_cursor *c = (ex_cursor *)p;
    cursor_reset(c);
    sqlite3_free(c);
    return SQLITE_OK;
}

/* idxNum bit k: hidden argument k is constrained, and comes in argv in order */
static int ex_xBestIndex(sqlite3_vtab *p, sqlite3_index_info *info) {
    ex_vtab *v = (ex_vtab *)p;
    int first_hidden = v->b->ex->ncols;
    int where[3] = {-1, -1, -1};
    for (int i = 0; i < info->nConstraint; i++) {
        const struct sqlite3_index_constraint *k = &info->aConstraint[i];
        int arg = k->iColumn - first_hidden;
        if (arg < 0 || arg >= v->nargs) continue;
        if (k->op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
        if (!k->usable) return SQLITE_CONSTRAINT; /* another plan supplies it */
        where[arg] = i;
    }
    int required = v->b->ex->takes_ref_date ? 2 : 1;
    for (int a = 0; a < required; a++) {
        if (where[a] < 0) {
            sqlite3_free(p->zErrMsg);
            p->zErrMsg = sqlite3_mprintf("%s(): missing argument %d", v->b->ex->name, a + 1);
            return SQLITE_ERROR;
        }
    }
    int argv_i = 1, idx = 0;
    for (int a = 0; a < v->nargs; a++) {
        if (where[a] < 0) continue;
        info->aConstraintUsage[where[a]].argvIndex = argv_i++;
        info->aConstraintUsage[where[a]].omit = 1;
        idx |= 1 << a;
    }
    info->idxNum = idx;
    info->estimatedCost = 1000;
    info->estimatedRows = 20;
    return SQLITE_OK;
}

static int ex_xFilter(sqlite3_vtab_cursor *p, int idxNum, const char *idxStr, int argc,
                      sqlite3_value **argv) {
    (void)idxStr;
    ex_cursor *c = (ex_cursor *)p;
    ex_vtab *v = (ex_vtab *)p->pVtab;
    const char *fn = v->b->ex->name;
    cursor_reset(c);
    const char *vals[3] = {NULL, NULL, NULL};
    size_t lens[3] = {0, 0, 0};
    int k = 0;
    for (int a = 0; a < v->nargs && k < argc; a++) {
        if (!(idxNum & (1 << a))) continue;
        sqlite3_value *val = argv[k++];
        if (sqlite3_value_type(val) == SQLITE_NULL) {
            if (a == 0) return SQLITE_OK; /* NULL text: zero rows; NULL ref_date: absolute only */
            continue;
        }
        char *msg = conflict_value_text(val, fn, a + 1, &vals[a], &lens[a]);
        if (msg) {
            sqlite3_free(p->pVtab->zErrMsg);
            p->pVtab->zErrMsg = msg;
            return SQLITE_ERROR;
        }
    }
    c->body = sqlite3_malloc64(lens[0] + 1);
    if (!c->body) return SQLITE_NOMEM;
    if (lens[0]) memcpy(c->body, vals[0], lens[0]);
    c->body[lens[0]] = 0;
    int oi = v->b->ex->takes_ref_date ? 2 : 1;
    int ri = v->b->ex->takes_ref_date ? 1 : -1;
    conflict_error err = {0};
    conflict_status st = conflict_run_extractor(
        v->b, c->body, lens[0], vals[oi], lens[oi], ri > 0 ? vals[ri] : NULL,
        ri > 0 ? lens[ri] : 0, &c->t, &err);
    c->has_table = 1;
    if (st) {
        if (st == CONFLICT_NOMEM) return SQLITE_NOMEM;
        sqlite3_free(p->pVtab->zErrMsg);
        p->pVtab->zErrMsg = conflict_report_text(fn, st, &err);
        return SQLITE_ERROR;
    }
    return SQLITE_OK;
}

static int ex_xNext(sqlite3_vtab_cursor *p) {
    ((ex_cursor *)p)->row++;
    return SQLITE_OK;
}

static int ex_xEof(sqlite3_vtab_cursor *p) {
    ex_cursor *c = (ex_cursor *)p;
    return !c->has_table || c->row >= c->t.nrows;
}

static int ex_xColumn(sqlite3_vtab_cursor *p, sqlite3_context *ctx, int col) {
    ex_cursor *c = (ex_cursor *)p;
    if (col >= c->t.ncols) return SQLITE_OK; /* hidden arguments read back as NULL */
    const conflict_cell *cell = conflict_table_cell(&c->t, c->row, col);
    switch (cell->type) {
        case CONFLICT_T_INT:
        case CONFLICT_T_BOOL: sqlite3_result_int64(ctx, cell->v.i); break;
        case CONFLICT_T_REAL: sqlite3_result_double(ctx, cell->v.r); break;
        case CONFLICT_T_TEXT:
            sqlite3_result_text64(ctx, cell->v.t.s, cell->v.t.n, SQLITE_TRANSIENT, SQLITE_UTF8);
            break;
        default: sqlite3_result_null(ctx);
    }
    return SQLITE_OK;
}

static int ex_xRowid(sqlite3_vtab_cursor *p, sqlite_int64 *rowid) {
    *rowid = (sqlite_int64)((ex_cursor *)p)->row + 1;
    return SQLITE_OK;
}

static const sqlite3_module ex_module = {
    0,            /* iVersion */
    0,            /* xCreate: eponymous only */
    ex_xConnect,  ex_xBestIndex, ex_xDisconnect, 0, ex_xOpen, ex_xClose, ex_xFilter, ex_xNext,
    ex_xEof,      ex_xColumn,    ex_xRowid,      0, 0,        0,         0,          0,
    0,            0,             0,              0, 0,        0};

int conflict_register_extractors(sqlite3 *db, conflict_conn *conn, char **errmsg) {
    for (int i = 0; i < conn->nex; i++) {
        conflict_ex_binding *b = &conn->ex[i];
        int rc = sqlite3_create_module_v2(db, b->ex->name, &ex_module,
                                          (conflict_conn_ref(conn), b),
                                          conflict_ex_binding_unref);
        if (rc != SQLITE_OK) {
            *errmsg = sqlite3_mprintf("conflict: cannot register %s: %s", b->ex->name,
                                      sqlite3_errmsg(db));
            return rc;
        }
    }
    return SQLITE_OK;
}
