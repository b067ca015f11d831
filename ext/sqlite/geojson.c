/*
 * Maps: GeoJSON FeatureCollections for QGIS, kepler.gl or geojson.io.
 *
 *   geojson_agg(lat, lon [, properties])  aggregate: one Point feature per row
 *                                         whose lat and lon are not NULL;
 *                                         properties is a JSON object (json_object(...))
 *   places_geojson(text [, options])      the place mentions of one text, every
 *                                         places() column but lat/lon as properties
 *
 * Both return JSON text with subtype 74, so they nest in json_object() etc.
 */
#include <string.h>

#include "binding.h"
#include "geojson.h"

typedef struct {
    conflict_geojson g;
    int started;
} agg_state;

static size_t length_limit(sqlite3_context *ctx) {
    int lim = sqlite3_limit(sqlite3_context_db_handle(ctx), SQLITE_LIMIT_LENGTH, -1);
    return lim > 0 ? (size_t)lim : 0;
}

static const char *type_name(int t) {
    switch (t) {
        case SQLITE_INTEGER: return "INTEGER";
        case SQLITE_FLOAT: return "REAL";
        case SQLITE_BLOB: return "BLOB";
        case SQLITE_NULL: return "NULL";
        default: return "TEXT";
    }
}

static void agg_error(sqlite3_context *ctx, agg_state *s, conflict_status st, const char *msg) {
    if (s && s->started) {
        conflict_geojson_free(&s->g);
        s->started = 0;
    }
    if (st == CONFLICT_NOMEM) sqlite3_result_error_nomem(ctx);
    else if (st == CONFLICT_TOOBIG) sqlite3_result_error_toobig(ctx);
    else sqlite3_result_error(ctx, msg, -1);
}

static void geojson_agg_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    agg_state *s = sqlite3_aggregate_context(ctx, sizeof *s);
    if (!s) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    if (!s->started) {
        conflict_geojson_begin(&s->g, &conflict_sqlite_allocator, length_limit(ctx));
        s->started = 1;
    }
    double ll[2];
    for (int i = 0; i < 2; i++) {
        int t = sqlite3_value_type(argv[i]);
        if (t == SQLITE_NULL) return; /* no coordinates: not on the map */
        if (t != SQLITE_INTEGER && t != SQLITE_FLOAT) {
            char *m = sqlite3_mprintf("geojson_agg(): argument %d must be a number, got %s",
                                      i + 1, type_name(t));
            agg_error(ctx, s, CONFLICT_ERROR, m ? m : "geojson_agg(): out of memory");
            sqlite3_free(m);
            return;
        }
        ll[i] = sqlite3_value_double(argv[i]);
    }
    const char *props = NULL;
    size_t nprops = 0;
    if (argc > 2 && sqlite3_value_type(argv[2]) != SQLITE_NULL) {
        char *m = conflict_value_text(argv[2], "geojson_agg", 3, &props, &nprops);
        if (m) {
            agg_error(ctx, s, CONFLICT_ERROR, m);
            sqlite3_free(m);
            return;
        }
    }
    conflict_error err = {0};
    conflict_status st = conflict_geojson_add(&s->g, ll[0], ll[1], props, nprops, &err);
    if (st) {
        char *m = st == CONFLICT_ERROR && !strcmp(err.msg, "not a JSON object")
                      ? sqlite3_mprintf("geojson_agg(): argument 3 must be a JSON object")
                      : conflict_report_text("geojson_agg", st, &err);
        agg_error(ctx, s, st, m ? m : "geojson_agg(): out of memory");
        sqlite3_free(m);
    }
}

static void result_collection(sqlite3_context *ctx, conflict_geojson *g) {
    size_t n = 0;
    char *p = conflict_geojson_finish(g, &n);
    if (!p) {
        int failed = g->out.failed;
        conflict_geojson_free(g);
        if (failed == CONFLICT_TOOBIG) sqlite3_result_error_toobig(ctx);
        else sqlite3_result_error_nomem(ctx);
        return;
    }
    sqlite3_result_text64(ctx, p, n, sqlite3_free, SQLITE_UTF8);
    sqlite3_result_subtype(ctx, CONFLICT_JSON_SUBTYPE);
}

static void geojson_agg_final(sqlite3_context *ctx) {
    agg_state *s = sqlite3_aggregate_context(ctx, 0);
    if (!s || !s->started) {
        /* no row at all: an empty collection */
        static const char empty[] = "{\"type\":\"FeatureCollection\",\"features\":[]}";
        sqlite3_result_text(ctx, empty, (int)sizeof empty - 1, SQLITE_STATIC);
        sqlite3_result_subtype(ctx, CONFLICT_JSON_SUBTYPE);
        return;
    }
    s->started = 0;
    result_collection(ctx, &s->g);
}

static void places_geojson_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    conflict_ex_binding *b = sqlite3_user_data(ctx);
    const char *s, *opt = NULL;
    size_t n, nopt = 0;
    if (conflict_arg_text(ctx, "places_geojson", argv, 0, &s, &n) <= 0) return;
    if (argc > 1 && conflict_arg_text(ctx, "places_geojson", argv, 1, &opt, &nopt) < 0) return;
    conflict_table t;
    conflict_error err = {0};
    conflict_status st = conflict_run_extractor(b, s, n, opt, nopt, NULL, 0, &t, &err);
    conflict_geojson g;
    conflict_geojson_begin(&g, &conflict_sqlite_allocator, length_limit(ctx));
    if (!st) st = conflict_geojson_add_table(&g, &t, NULL, 0, &err);
    conflict_table_free(&t);
    if (st) {
        conflict_geojson_free(&g);
        conflict_report(ctx, "places_geojson", st, &err);
        return;
    }
    result_collection(ctx, &g);
}

#define FLAGS (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS | SQLITE_RESULT_SUBTYPE)

int conflict_register_geojson(sqlite3 *db, conflict_conn *conn, char **errmsg) {
    for (int nargs = 2; nargs <= 3; nargs++) {
        int rc = sqlite3_create_function_v2(db, "geojson_agg", nargs, FLAGS, NULL, NULL,
                                            geojson_agg_step, geojson_agg_final, NULL);
        if (rc != SQLITE_OK) {
            *errmsg = sqlite3_mprintf("conflict: cannot register %s: %s", "geojson_agg",
                                      sqlite3_errmsg(db));
            return rc;
        }
    }
    /* places_geojson exists once the places extractor is built in */
    for (int i = 0; i < conn->nex; i++) {
        conflict_ex_binding *b = &conn->ex[i];
        if (strcmp(b->ex->name, "places") || b->ex->takes_ref_date) continue;
        for (int nargs = 1; nargs <= 2; nargs++) {
            int rc = sqlite3_create_function_v2(db, "places_geojson", nargs, FLAGS,
                                                (conflict_conn_ref(conn), b), places_geojson_func,
                                                NULL, NULL, conflict_ex_binding_unref);
            if (rc != SQLITE_OK) {
                *errmsg = sqlite3_mprintf("conflict: cannot register %s: %s", "places_geojson",
                                          sqlite3_errmsg(db));
                return rc;
            }
        }
    }
    return SQLITE_OK;
}
