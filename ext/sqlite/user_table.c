/* Reading a user's table for the conflict_load_*() functions: one query, columns
 * found by name, all rows or none (binding.h, conflict_user_loader). */
#include <string.h>
#include <strings.h>

#include "binding.h"

static sqlite3_stmt *open_table(sqlite3_context *ctx, const conflict_user_loader *l,
                                const char *table, int *cols) {
    sqlite3 *db = sqlite3_context_db_handle(ctx);
    char *sql = sqlite3_mprintf("SELECT * FROM \"%w\"", table);
    if (!sql) {
        sqlite3_result_error_nomem(ctx);
        return NULL;
    }
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    sqlite3_free(sql);
    if (rc != SQLITE_OK) {
        if (rc == SQLITE_NOMEM) {
            sqlite3_result_error_nomem(ctx);
            return NULL;
        }
        char *msg = sqlite3_mprintf("%s(): cannot read table \"%s\": %s", l->fn, table, sqlite3_errmsg(db));
        if (msg) sqlite3_result_error(ctx, msg, -1);
        else sqlite3_result_error_nomem(ctx);
        sqlite3_free(msg);
        return NULL;
    }
    for (int i = 0; i < l->nroles; i++) cols[i] = -1;
    for (int i = 0; i < sqlite3_column_count(st); i++) {
        const char *name = sqlite3_column_name(st, i);
        for (size_t k = 0; name && k < l->naliases; k++)
            if (!strcasecmp(name, l->aliases[k].name) && cols[l->aliases[k].role] < 0)
                cols[l->aliases[k].role] = i;
    }
    return st;
}

void conflict_user_table_load(sqlite3_context *ctx, sqlite3_value **argv,
                              const conflict_user_loader *l) {
    conflict_conn *c = sqlite3_user_data(ctx);
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        l->destroy(l->install(c->engine, NULL));
        sqlite3_result_int(ctx, 0);
        return;
    }
    const char *table;
    size_t tn;
    if (conflict_arg_text(ctx, l->fn, argv, 0, &table, &tn) <= 0) return;
    int cols[CONFLICT_USER_MAX_ROLES];
    sqlite3_stmt *st = open_table(ctx, l, table, cols);
    if (!st) return;
    char *msg = l->check_columns(table, cols);
    conflict_status cs = msg ? CONFLICT_ERROR : CONFLICT_OK;
    void *u = NULL;
    if (!cs) cs = l->create(&u);
    int rc = SQLITE_OK;
    for (long long row = 1; !cs && (rc = sqlite3_step(st)) == SQLITE_ROW; row++)
        cs = l->add_row(u, c, st, cols, row, &msg);
    if (!cs && rc != SQLITE_DONE) {
        sqlite3 *db = sqlite3_context_db_handle(ctx);
        if (rc == SQLITE_NOMEM) cs = CONFLICT_NOMEM;
        else
            cs = CONFLICT_ERROR, msg = sqlite3_mprintf("%s(): cannot read table \"%s\": %s", l->fn,
                                                       table, sqlite3_errmsg(db));
    }
    sqlite3_finalize(st);
    if (!cs) cs = l->finish(u);
    if (cs) {
        if (u) l->destroy(u);
        if (cs == CONFLICT_ERROR && msg) sqlite3_result_error(ctx, msg, -1);
        else sqlite3_result_error_nomem(ctx); /* or the message itself did not fit */
        sqlite3_free(msg);
        return;
    }
    l->destroy(l->install(c->engine, u));
    sqlite3_result_int64(ctx, (sqlite3_int64)l->count(u));
}

const char *conflict_user_col_text(sqlite3_stmt *st, int col, size_t *n) {
    *n = 0;
    if (col < 0 || sqlite3_column_type(st, col) == SQLITE_NULL) return NULL;
    const char *p = (const char *)sqlite3_column_text(st, col);
    *n = (size_t)sqlite3_column_bytes(st, col);
    return p;
}
