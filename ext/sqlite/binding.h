/* Shared declarations of the SQLite binding (ext/sqlite). */
#ifndef CONFLICT_BINDING_H
#define CONFLICT_BINDING_H

#include "conflict.h"
#include "conflict_sqlite.h"

#ifndef SQLITE_CORE
SQLITE_EXTENSION_INIT3
#endif

#ifndef SQLITE_SUBTYPE
#define SQLITE_SUBTYPE 0x000100000
#endif
#ifndef SQLITE_RESULT_SUBTYPE
#define SQLITE_RESULT_SUBTYPE 0x001000000
#endif
#define CONFLICT_JSON_SUBTYPE 74

typedef struct conflict_conn conflict_conn;

/* One per registered extractor; pApp of its function and module. */
typedef struct {
    conflict_conn *conn;
    const conflict_extractor *ex;
    size_t keys_json; /* conflict_table_keys_json() of its columns, for every table it makes */
    /* the rows of the last extract_*() call's table, whose room the next call reuses (a
     * connection runs one call at a time): most calls then allocate none */
    conflict_cell *spare_cells;
    size_t spare_cap;
    char fn_name[40]; /* "extract_places" */
} conflict_ex_binding;

/* Per-connection state, refcounted: one reference per registration. */
struct conflict_conn {
    int refs;
    conflict_engine *engine;
    conflict_ex_binding ex[8];
    int nex;
};

extern const conflict_allocator conflict_sqlite_allocator;

conflict_conn *conflict_conn_new(char **errmsg);
conflict_conn *conflict_conn_ref(conflict_conn *c);
void conflict_conn_unref(void *c);
void conflict_ex_binding_unref(void *binding);

/* Argument i as text. Returns 1 with (*s,*n) set, 0 when NULL, -1 after an
 * error was reported on ctx. Validates type and UTF-8. */
int conflict_arg_text(sqlite3_context *ctx, const char *fn, sqlite3_value **argv, int i,
                      const char **s, size_t *n);
/* Reports a core error on ctx with the uniform "<fn>(): <msg>" form. */
void conflict_report(sqlite3_context *ctx, const char *fn, conflict_status st,
                     const conflict_error *err);
/* Same message text, for virtual tables (sqlite3_mprintf'ed). */
char *conflict_report_text(const char *fn, conflict_status st, const conflict_error *err);
/* Checks a value's type and UTF-8 for a vtab; returns NULL or an error text. */
char *conflict_value_text(sqlite3_value *v, const char *fn, int argno, const char **s,
                          size_t *n);

/* Runs an extractor over (s, n) with optional options text into `t` (with the
 * binding's spare rows, if any). */
conflict_status conflict_run_extractor(conflict_ex_binding *b, const char *s, size_t n,
                                       const char *opt, size_t nopt, const char *ref,
                                       size_t nref, conflict_table *t, conflict_error *err);

/* conflict_load_*(table): the user's rows, read into a new overlay that replaces
 * the connection's only when every row is good (NULL removes it). Columns are
 * found by name: cols[role] = the first column named by one of the role's
 * aliases (case-insensitive), else -1. */
typedef struct {
    const char *name;
    int role;
} conflict_column_alias;
#define CONFLICT_USER_MAX_ROLES 16
typedef struct {
    const char *fn; /* "conflict_load_places" */
    const conflict_column_alias *aliases;
    size_t naliases;
    int nroles; /* at most CONFLICT_USER_MAX_ROLES */
    /* the columns found do not fit: an error message (sqlite3_mprintf), else NULL */
    char *(*check_columns)(const char *table, const int *cols);
    conflict_status (*create)(void **overlay);
    /* one row: CONFLICT_ERROR with *msg (sqlite3_mprintf, NULL when out of memory) */
    conflict_status (*add_row)(void *overlay, conflict_conn *c, sqlite3_stmt *st, const int *cols,
                               long long row, char **msg);
    conflict_status (*finish)(void *overlay);
    void (*destroy)(void *overlay);
    /* installs the overlay (NULL: none) in the engine; returns the previous one */
    void *(*install)(conflict_engine *e, void *overlay);
    size_t (*count)(const void *overlay);
} conflict_user_loader;
void conflict_user_table_load(sqlite3_context *ctx, sqlite3_value **argv,
                              const conflict_user_loader *l);
/* Text of a column (NULL and *n = 0 for SQL NULL or a missing column). */
const char *conflict_user_col_text(sqlite3_stmt *st, int col, size_t *n);

int conflict_register_scalars(sqlite3 *db, conflict_conn *conn, char **errmsg);
/* conflict_load_places(table): user places (user_places.c). */
int conflict_register_user_places(sqlite3 *db, conflict_conn *conn, char **errmsg);
/* conflict_load_actors(table): user actors (user_actors.c). */
int conflict_register_user_actors(sqlite3 *db, conflict_conn *conn, char **errmsg);
int conflict_register_extractors(sqlite3 *db, conflict_conn *conn, char **errmsg);
/* fts5_tokenizer.c: tokenizer `conflict`; SQLITE_OK without registering when FTS5 is absent */
int conflict_register_fts5(sqlite3 *db, conflict_conn *conn, char **errmsg);
/* geojson.c: geojson_agg, places_geojson */
int conflict_register_geojson(sqlite3 *db, conflict_conn *conn, char **errmsg);

#endif
