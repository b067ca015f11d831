/*
 * conflict_load_places(table): loads the user's own places from a table into
 * the connection's overlay, which extract_places()/places() then consult
 * beside the embedded gazetteer. conflict_load_places(NULL) removes it.
 *
 * Columns are found by name (case-insensitive): name (required), aliases
 * ('|'-separated), lat, lon, country (ISO alpha-2), kind, admin1, geonameid.
 * A row without lat/lon must give the geonameid of a gazetteer place: its
 * names become extra spellings of that place. Returns the number of rows
 * loaded. The load is all-or-nothing: on any bad row the previous overlay
 * stays.
 *
 * DIRECTONLY: it reads a table and changes what extract_places returns, so
 * it may not run from triggers, views or schema expressions.
 */
#include <string.h>

#include "binding.h"
#include "conflict_places.h"

#define FN "conflict_load_places"

enum { U_NAME, U_ALIASES, U_LAT, U_LON, U_COUNTRY, U_KIND, U_ADMIN1, U_GID, U_NCOLS };
_Static_assert(U_NCOLS <= CONFLICT_USER_MAX_ROLES, "too many columns");

static const conflict_column_alias column_aliases[] = {
    {"name", U_NAME},         {"aliases", U_ALIASES},      {"alias", U_ALIASES},
    {"lat", U_LAT},           {"latitude", U_LAT},         {"lon", U_LON},
    {"lng", U_LON},           {"longitude", U_LON},        {"country", U_COUNTRY},
    {"iso2", U_COUNTRY},      {"country_code", U_COUNTRY}, {"kind", U_KIND},
    {"admin1", U_ADMIN1},     {"geonameid", U_GID}};

static char *check_columns(const char *table, const int *cols) {
    if (cols[U_NAME] < 0)
        return sqlite3_mprintf(FN "(): table \"%s\" has no \"name\" column", table);
    if ((cols[U_LAT] < 0) != (cols[U_LON] < 0))
        return sqlite3_mprintf(FN "(): table \"%s\" needs both \"lat\" and \"lon\" columns", table);
    return NULL;
}

static conflict_status create(void **u) {
    return conflict_user_places_new(&conflict_sqlite_allocator, (conflict_user_places **)u);
}

static int is_number(sqlite3_stmt *st, int col) {
    int t = sqlite3_column_type(st, col);
    return t == SQLITE_INTEGER || t == SQLITE_FLOAT;
}

static conflict_status add_row(void *u, conflict_conn *c, sqlite3_stmt *st, const int *cols,
                               long long row, char **msg) {
    conflict_user_place_row r;
    memset(&r, 0, sizeof r);
    r.name = conflict_user_col_text(st, cols[U_NAME], &r.name_len);
    r.aliases = conflict_user_col_text(st, cols[U_ALIASES], &r.aliases_len);
    r.country = conflict_user_col_text(st, cols[U_COUNTRY], &r.country_len);
    r.kind = conflict_user_col_text(st, cols[U_KIND], &r.kind_len);
    r.admin1 = conflict_user_col_text(st, cols[U_ADMIN1], &r.admin1_len);
    if (cols[U_LAT] >= 0 && sqlite3_column_type(st, cols[U_LAT]) != SQLITE_NULL &&
        sqlite3_column_type(st, cols[U_LON]) != SQLITE_NULL) {
        if (!is_number(st, cols[U_LAT]) || !is_number(st, cols[U_LON])) {
            *msg = sqlite3_mprintf(FN "(): row %lld: lat and lon must be numbers", row);
            return CONFLICT_ERROR;
        }
        r.has_coords = 1;
        r.lat = sqlite3_column_double(st, cols[U_LAT]);
        r.lon = sqlite3_column_double(st, cols[U_LON]);
    }
    if (cols[U_GID] >= 0 && sqlite3_column_type(st, cols[U_GID]) != SQLITE_NULL) {
        if (sqlite3_column_type(st, cols[U_GID]) != SQLITE_INTEGER) {
            *msg = sqlite3_mprintf(FN "(): row %lld: geonameid must be an integer", row);
            return CONFLICT_ERROR;
        }
        r.geonameid = sqlite3_column_int64(st, cols[U_GID]);
    }
    conflict_error err = {0};
    conflict_status cs = conflict_user_places_add(u, c->engine, &r, &err);
    if (cs == CONFLICT_ERROR) *msg = sqlite3_mprintf(FN "(): row %lld: %s", row, err.msg);
    return cs;
}

static conflict_status finish(void *u) { return conflict_user_places_finish(u); }
static void destroy(void *u) { conflict_user_places_free(u); }
static void *install(conflict_engine *e, void *u) { return conflict_engine_set_user_places(e, u); }
static size_t count(const void *u) { return conflict_user_places_count(u); }

static const conflict_user_loader loader = {
    FN,       column_aliases, sizeof column_aliases / sizeof column_aliases[0], U_NCOLS,
    check_columns, create, add_row, finish, destroy, install, count};

static void load_places_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    (void)argc;
    conflict_user_table_load(ctx, argv, &loader);
}

int conflict_register_user_places(sqlite3 *db, conflict_conn *conn, char **errmsg) {
    int rc = sqlite3_create_function_v2(db, FN, 1, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                        conflict_conn_ref(conn), load_places_func, NULL, NULL,
                                        conflict_conn_unref);
    if (rc != SQLITE_OK)
        *errmsg = sqlite3_mprintf("conflict: cannot register " FN ": %s", sqlite3_errmsg(db));
    return rc;
}
