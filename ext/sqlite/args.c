/* Argument checks and uniform error messages: "<fn>(): <problem>". */
#include "binding.h"

static const char *type_name(int t) {
    switch (t) {
        case SQLITE_INTEGER: return "INTEGER";
        case SQLITE_FLOAT: return "REAL";
        case SQLITE_BLOB: return "BLOB";
        case SQLITE_NULL: return "NULL";
        default: return "TEXT";
    }
}

char *conflict_value_text(sqlite3_value *v, const char *fn, int argno, const char **s,
                          size_t *n) {
    int t = sqlite3_value_type(v);
    if (t != SQLITE_TEXT)
        return sqlite3_mprintf("%s(): argument %d must be TEXT, got %s", fn, argno, type_name(t));
    const char *p = (const char *)sqlite3_value_text(v);
    size_t len = (size_t)sqlite3_value_bytes(v);
    if (!p) return sqlite3_mprintf("%s(): out of memory", fn);
    conflict_error err = {0};
    if (conflict_utf8_check(p, len, &err)) {
        if (argno == 1)
            return sqlite3_mprintf("%s(): invalid UTF-8 at byte %lld", fn,
                                   (long long)err.byte_offset);
        return sqlite3_mprintf("%s(): argument %d: invalid UTF-8 at byte %lld", fn, argno,
                               (long long)err.byte_offset);
    }
    *s = p;
    *n = len;
    return NULL;
}

int conflict_arg_text(sqlite3_context *ctx, const char *fn, sqlite3_value **argv, int i,
                      const char **s, size_t *n) {
    if (sqlite3_value_type(argv[i]) == SQLITE_NULL) return 0;
    char *msg = conflict_value_text(argv[i], fn, i + 1, s, n);
    if (!msg) return 1;
    sqlite3_result_error(ctx, msg, -1);
    sqlite3_free(msg);
    return -1;
}

char *conflict_report_text(const char *fn, conflict_status st, const conflict_error *err) {
    switch (st) {
        case CONFLICT_NOMEM: return sqlite3_mprintf("%s(): out of memory", fn);
        case CONFLICT_TOOBIG: return sqlite3_mprintf("%s(): string or blob too big", fn);
        default: return sqlite3_mprintf("%s(): %s", fn, err && err->msg[0] ? err->msg : "error");
    }
}

void conflict_report(sqlite3_context *ctx, const char *fn, conflict_status st,
                     const conflict_error *err) {
    if (st == CONFLICT_NOMEM) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    if (st == CONFLICT_TOOBIG) {
        sqlite3_result_error_toobig(ctx);
        return;
    }
    char *msg = conflict_report_text(fn, st, err);
    sqlite3_result_error(ctx, msg ? msg : "conflict: out of memory", -1);
    sqlite3_free(msg);
}
