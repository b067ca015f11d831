/* Reading a user's table for the conflict_load_*() functions: one query, columns found by name. */
#include <string.h>
#include <strings.h>

#include "binding.h"

sqlite3_stmt *conflict_user_table_open(sqlite3_context *ctx, const char *fn, const char *table,
                                       const conflict_column_alias *aliases, size_t naliases,
                                       int *cols, int ncols) {
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
        char *msg = sqlite3_mprintf("%s(): cannot read table \"%s\": %s", fn, table, sqlite3_errmsg(db));
        if (msg) sqlite3_result_error(ctx, msg, -1);
        else sqlite3_result_error_nomem(ctx);
        sqlite3_free(msg);
        return NULL;
    }
    for (int i = 0; i < ncols; i++) cols[i] = -1;
    for (int i = 0; i < sqlite3_column_count(st); i++) {
        const char *name = sqlite3_column_name(st, i);
        for (size_t k = 0; name && k < naliases; k++)
            if (!strcasecmp(name, aliases[k].name) && cols[aliases[k].role] < 0) cols[aliases[k].role] = i;
    }
    return st;
}

const char *conflict_user_col_text(sqlite3_stmt *st, int col, size_t *n) {
    *n = 0;
    if (col < 0 || sqlite3_column_type(st, col) == SQLITE_NULL) return NULL;
    const char *p = (const char *)sqlite3_column_text(st, col);
    *n = (size_t)sqlite3_column_bytes(st, col);
    return p;
}
