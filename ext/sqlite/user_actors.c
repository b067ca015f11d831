/*
 * conflict_load_actors(table): loads the user's own actors from a table into
 * the connection's overlay, which extract_actors()/actors() then consult
 * beside the embedded actor dictionary. conflict_load_actors(NULL) removes it.
 *
 * Columns are found by name (case-insensitive): name (required), aliases
 * ('|'-separated), type (an actor type of the SPEC, default other), country
 * (ISO alpha-2). Returns the number of rows loaded. The load is
 * all-or-nothing: on any bad row the previous overlay stays.
 *
 * DIRECTONLY: it reads a table and changes what extract_actors returns, so
 * it may not run from triggers, views or schema expressions.
 */
#include <string.h>

#include "binding.h"
#include "conflict_actors.h"

#define FN "conflict_load_actors"

enum { U_NAME, U_ALIASES, U_TYPE, U_COUNTRY, U_NCOLS };

static const conflict_column_alias column_aliases[] = {{"name", U_NAME},       {"aliases", U_ALIASES}, {"alias", U_ALIASES},
                 {"type", U_TYPE},       {"country", U_COUNTRY}, {"iso2", U_COUNTRY},
                 {"country_code", U_COUNTRY}};


static void load_actors_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    (void)argc;
    conflict_conn *c = sqlite3_user_data(ctx);
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        conflict_user_actors_free(conflict_engine_set_user_actors(c->engine, NULL));
        sqlite3_result_int(ctx, 0);
        return;
    }
    const char *table;
    size_t tn;
    if (conflict_arg_text(ctx, FN, argv, 0, &table, &tn) <= 0) return;
    int cols[U_NCOLS];
    sqlite3_stmt *st = conflict_user_table_open(ctx, FN, table, column_aliases,
                                                sizeof column_aliases / sizeof column_aliases[0],
                                                cols, U_NCOLS);
    if (!st) return;
    char *msg = NULL;
    if (cols[U_NAME] < 0) msg = sqlite3_mprintf(FN "(): table \"%s\" has no \"name\" column", table);
    conflict_user_actors *u = NULL;
    if (!msg && conflict_user_actors_new(&conflict_sqlite_allocator, &u)) {
        sqlite3_finalize(st);
        sqlite3_result_error_nomem(ctx);
        return;
    }
    int rc = SQLITE_OK;
    long long row = 0;
    int bad = msg != NULL;
    while (!bad && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        row++;
        conflict_user_actor_row r;
        memset(&r, 0, sizeof r);
        r.name = conflict_user_col_text(st, cols[U_NAME], &r.name_len);
        r.aliases = conflict_user_col_text(st, cols[U_ALIASES], &r.aliases_len);
        r.type = conflict_user_col_text(st, cols[U_TYPE], &r.type_len);
        r.country = conflict_user_col_text(st, cols[U_COUNTRY], &r.country_len);
        conflict_error err = {0};
        conflict_status cs = conflict_user_actors_add(u, &r, &err);
        if (cs == CONFLICT_NOMEM) bad = 1;
        else if (cs) msg = sqlite3_mprintf(FN "(): row %lld: %s", row, err.msg), bad = 1;
        if (bad) break;
    }
    if (!bad && rc != SQLITE_DONE) {
        msg = sqlite3_mprintf(FN "(): cannot read table \"%s\": %s", table, sqlite3_errmsg(sqlite3_context_db_handle(ctx)));
        bad = 1;
    }
    sqlite3_finalize(st);
    if (!bad && conflict_user_actors_finish(u)) bad = 1;
    if (bad) {
        conflict_user_actors_free(u);
        if (msg) sqlite3_result_error(ctx, msg, -1);
        else sqlite3_result_error_nomem(ctx);
        sqlite3_free(msg);
        return;
    }
    conflict_user_actors_free(conflict_engine_set_user_actors(c->engine, u));
    sqlite3_result_int64(ctx, (sqlite3_int64)conflict_user_actors_count(u));
}

int conflict_register_user_actors(sqlite3 *db, conflict_conn *conn, char **errmsg) {
    int rc = sqlite3_create_function_v2(db, FN, 1, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                        conflict_conn_ref(conn), load_actors_func, NULL, NULL,
                                        conflict_conn_unref);
    if (rc != SQLITE_OK)
        *errmsg = sqlite3_mprintf("conflict: cannot register " FN ": %s", sqlite3_errmsg(db));
    return rc;
}
