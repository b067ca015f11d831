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
_Static_assert(U_NCOLS <= CONFLICT_USER_MAX_ROLES, "too many columns");

static const conflict_column_alias column_aliases[] = {
    {"name", U_NAME},       {"aliases", U_ALIASES}, {"alias", U_ALIASES},       {"type", U_TYPE},
    {"country", U_COUNTRY}, {"iso2", U_COUNTRY},    {"country_code", U_COUNTRY}};

static char *check_columns(const char *table, const int *cols) {
    return cols[U_NAME] < 0 ? sqlite3_mprintf(FN "(): table \"%s\" has no \"name\" column", table)
                            : NULL;
}

static conflict_status create(void **u) {
    return conflict_user_actors_new(&conflict_sqlite_allocator, (conflict_user_actors **)u);
}

static conflict_status add_row(void *u, conflict_conn *c, sqlite3_stmt *st, const int *cols,
                               long long row, char **msg) {
    (void)c;
    conflict_user_actor_row r;
    memset(&r, 0, sizeof r);
    r.name = conflict_user_col_text(st, cols[U_NAME], &r.name_len);
    r.aliases = conflict_user_col_text(st, cols[U_ALIASES], &r.aliases_len);
    r.type = conflict_user_col_text(st, cols[U_TYPE], &r.type_len);
    r.country = conflict_user_col_text(st, cols[U_COUNTRY], &r.country_len);
    conflict_error err = {0};
    conflict_status cs = conflict_user_actors_add(u, &r, &err);
    if (cs == CONFLICT_ERROR) *msg = sqlite3_mprintf(FN "(): row %lld: %s", row, err.msg);
    return cs;
}

static conflict_status finish(void *u) { return conflict_user_actors_finish(u); }
static void destroy(void *u) { conflict_user_actors_free(u); }
static void *install(conflict_engine *e, void *u) { return conflict_engine_set_user_actors(e, u); }
static size_t count(const void *u) { return conflict_user_actors_count(u); }

static const conflict_user_loader loader = {
    FN,       column_aliases, sizeof column_aliases / sizeof column_aliases[0], U_NCOLS,
    check_columns, create, add_row, finish, destroy, install, count};

static void load_actors_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    (void)argc;
    conflict_user_table_load(ctx, argv, &loader);
}

int conflict_register_user_actors(sqlite3 *db, conflict_conn *conn, char **errmsg) {
    int rc = sqlite3_create_function_v2(db, FN, 1, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                        conflict_conn_ref(conn), load_actors_func, NULL, NULL,
                                        conflict_conn_unref);
    if (rc != SQLITE_OK)
        *errmsg = sqlite3_mprintf("conflict: cannot register " FN ": %s", sqlite3_errmsg(db));
    return rc;
}
