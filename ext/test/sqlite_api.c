/*
 * C tests of the SQLite binding, linked statically (SQLITE_CORE) with
 * ASan+UBSan. They find what the extension registers from
 * pragma_function_list / pragma_module_list (a plain connection versus one
 * with sqlite3_conflict_init), so new extractors are covered as they land.
 *
 *  - sqlite3_interrupt() stops an endless scan over every table-valued
 *    function, and a scan between two rows;
 *  - a lowered SQLITE_LIMIT_LENGTH turns every oversized result into
 *    SQLITE_TOOBIG, and inputs up to the limit work;
 *  - out of memory: allocations of every call fail one at a time (the first
 *    40, then 60 spread over the rest; SQLITE_CONFIG_MALLOC); the answer is
 *    SQLITE_NOMEM or unchanged, and nothing leaks (LeakSanitizer at exit);
 *  - registering twice on one connection and closing frees everything once;
 *  - cost grows linearly with the input, for every function and TVF.
 * Ends with "N passed, N failed".
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "conflict_sqlite.h"

static const char *const SAMPLE =
    "ALEP, 12 mars 2021 (AFP) - Au moins 14 civils, dont cinq enfants, ont été tués jeudi "
    "dans des frappes sur Ariha, dans la province d'Idleb, selon l'Observatoire syrien des "
    "droits de l'Homme (OSDH). More than 20 fighters were killed near Tal Afar, Iraq, on "
    "Tuesday, a security source told Reuters; some 4,000 residents fled Kharkiv. "
    "The war in 2011-2014 displaced thousands. "; /* a year range: two rows in one step */

typedef struct {
    char name[64];
    int narg;
} fn_info;
typedef struct {
    char name[64];
    int nhidden;
} mod_info;

static fn_info fns[64];
static int nfns;
static mod_info mods[32];
static int nmods;

static sqlite3 *open_db(void) {
    sqlite3 *db = NULL;
    char *err = NULL;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) return NULL;
    if (sqlite3_conflict_init(db, &err, NULL) != SQLITE_OK) {
        printf("init: %s\n", err ? err : "?");
        sqlite3_free(err);
        sqlite3_close(db);
        return NULL;
    }
    return db;
}

static int exists(sqlite3 *db, const char *sql, const char *name, int narg) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, 0)) return 0;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, narg);
    int r = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return r;
}

static void discover(void) {
    sqlite3 *plain, *db = open_db();
    sqlite3_open(":memory:", &plain);
    sqlite3_stmt *st;
    sqlite3_prepare_v2(db, "select name, narg from pragma_function_list order by 1,2", -1, &st, 0);
    while (sqlite3_step(st) == SQLITE_ROW && nfns < 64) {
        const char *n = (const char *)sqlite3_column_text(st, 0);
        int narg = sqlite3_column_int(st, 1);
        if (exists(plain, "select 1 from pragma_function_list where name=?1 and narg=?2", n, narg))
            continue;
        snprintf(fns[nfns].name, sizeof fns[nfns].name, "%s", n);
        fns[nfns++].narg = narg;
    }
    sqlite3_finalize(st);
    sqlite3_prepare_v2(db, "select name from pragma_module_list order by 1", -1, &st, 0);
    while (sqlite3_step(st) == SQLITE_ROW && nmods < 32) {
        const char *n = (const char *)sqlite3_column_text(st, 0);
        if (exists(plain, "select 1 from pragma_module_list where name=?1 and ?2=?2", n, 0)) continue;
        char sql[200];
        snprintf(sql, sizeof sql, "select count(*) from pragma_table_xinfo('%s') where hidden", n);
        sqlite3_stmt *h;
        sqlite3_prepare_v2(db, sql, -1, &h, 0);
        sqlite3_step(h);
        snprintf(mods[nmods].name, sizeof mods[nmods].name, "%s", n);
        mods[nmods++].nhidden = sqlite3_column_int(h, 0);
        sqlite3_finalize(h);
    }
    sqlite3_finalize(st);
    sqlite3_close(plain);
    sqlite3_close(db);
    printf("# %d functions, %d table-valued functions\n", nfns, nmods);
}

/* "select * from m(?1[, ?2])": the required arguments (body [, ref_date]) */
static void tvf_sql(char *out, size_t cap, const mod_info *m, const char *prefix,
                    const char *suffix) {
    snprintf(out, cap, "%s\"%s\"(?1%s)%s", prefix, m->name, m->nhidden >= 3 ? ", ?2" : "", suffix);
}

static void bind_args(sqlite3_stmt *st, const char *body) {
    sqlite3_bind_text(st, 1, body, -1, SQLITE_TRANSIENT);
    if (sqlite3_bind_parameter_count(st) >= 2) sqlite3_bind_text(st, 2, "2021-03-12", -1, SQLITE_STATIC);
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct {
    sqlite3 *db;
    int ms;
} interrupter;
static void *interrupt_later(void *p) {
    interrupter *it = p;
    struct timespec ts = {0, (long)it->ms * 1000000L};
    nanosleep(&ts, NULL);
    sqlite3_interrupt(it->db);
    return NULL;
}

static void test_interrupt(void) {
    sqlite3 *db = open_db();
    CHECK(db != NULL);
    if (!db) return;
    for (int i = 0; i < nmods; i++) {
        char sql[400];
        /* an endless scan: a recursive CTE joined with the TVF */
        tvf_sql(sql, sizeof sql, &mods[i],
                "with recursive r(i) as (select 1 union all select i + 1 from r) "
                "select count(*) from r cross join ", ""); /* r outermost */
        sqlite3_stmt *st;
        CHECK(sqlite3_prepare_v2(db, sql, -1, &st, 0) == SQLITE_OK);
        bind_args(st, SAMPLE);
        interrupter it = {db, 150};
        pthread_t th;
        pthread_create(&th, NULL, interrupt_later, &it);
        double t0 = now();
        int rc = sqlite3_step(st);
        double dt = now() - t0;
        pthread_join(th, NULL);
        if (rc != SQLITE_INTERRUPT) printf("FAIL %s: endless scan gave rc=%d\n", mods[i].name, rc);
        CHECK(rc == SQLITE_INTERRUPT);
        CHECK(dt < 5.0);
        sqlite3_finalize(st);

        /* between two rows of one long scan */
        size_t n = strlen(SAMPLE);
        char *big = malloc(n * 500 + 1);
        for (int k = 0; k < 500; k++) memcpy(big + (size_t)k * n, SAMPLE, n);
        big[n * 500] = 0;
        tvf_sql(sql, sizeof sql, &mods[i], "select * from ", "");
        CHECK(sqlite3_prepare_v2(db, sql, -1, &st, 0) == SQLITE_OK);
        bind_args(st, big);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            sqlite3_interrupt(db);
            rc = sqlite3_step(st);
            CHECK(rc == SQLITE_INTERRUPT);
        } else {
            CHECK(rc == SQLITE_DONE); /* no row on the sample: nothing to interrupt */
        }
        sqlite3_finalize(st);
        free(big);
        /* the connection works again afterwards */
        tvf_sql(sql, sizeof sql, &mods[i], "select count(*) >= 0 from ", "");
        CHECK(sqlite3_prepare_v2(db, sql, -1, &st, 0) == SQLITE_OK);
        bind_args(st, SAMPLE);
        CHECK(sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 1);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
}

/* Every function and TVF under a length limit just below its result. */
static void test_length_limit(void) {
    int limited = 0;
    sqlite3 *db = open_db();
    CHECK(db != NULL);
    if (!db) return;
    for (int i = 0; i < nfns; i++) {
        if (fns[i].narg < 1) continue;
        char sql[200];
        int k = snprintf(sql, sizeof sql, "select \"%s\"(?1", fns[i].name);
        for (int a = 2; a <= fns[i].narg; a++) k += snprintf(sql + k, sizeof sql - (size_t)k, ", ?%d", a);
        snprintf(sql + k, sizeof sql - (size_t)k, ")");
        sqlite3_stmt *st;
        CHECK(sqlite3_prepare_v2(db, sql, -1, &st, 0) == SQLITE_OK);
        /* the second argument is a name, a ref_date or options: NULL works for all */
        sqlite3_bind_text(st, 1, SAMPLE, -1, SQLITE_STATIC);
        if (!strcmp(fns[i].name, "name_similarity")) sqlite3_bind_text(st, 2, "Alep", -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        if (rc != SQLITE_ROW) { /* e.g. geojson_agg(lat, lon) refuses text: nothing to measure */
            sqlite3_finalize(st);
            continue;
        }
        int len = sqlite3_column_bytes(st, 0);
        int text = sqlite3_column_type(st, 0) == SQLITE_TEXT;
        sqlite3_reset(st);
        /* SQLite refuses a bound input over the limit itself, so only a result
         * longer than its input can show the extension's own check */
        int in_len = (int)strlen(SAMPLE);
        if (text && len - 1 >= in_len) {
            int old = sqlite3_limit(db, SQLITE_LIMIT_LENGTH, len - 1);
            rc = sqlite3_step(st);
            if (rc != SQLITE_TOOBIG)
                printf("FAIL %s: %d-byte result under a limit of %d: rc=%d\n", fns[i].name, len,
                       len - 1, rc);
            CHECK(rc == SQLITE_TOOBIG);
            sqlite3_reset(st);
            sqlite3_limit(db, SQLITE_LIMIT_LENGTH, len);
            CHECK(sqlite3_step(st) == SQLITE_ROW && sqlite3_column_bytes(st, 0) == len);
            sqlite3_reset(st);
            sqlite3_limit(db, SQLITE_LIMIT_LENGTH, old);
            limited++;
        }
        sqlite3_finalize(st);
    }
    printf("# %d functions checked under a length limit below their result\n", limited);
    /* every TVF takes an input exactly at the limit */
    for (int i = 0; i < nmods; i++) {
        char sql[300];
        tvf_sql(sql, sizeof sql, &mods[i], "select count(*) >= 0 from ", "");
        sqlite3_stmt *st;
        CHECK(sqlite3_prepare_v2(db, sql, -1, &st, 0) == SQLITE_OK);
        int old = sqlite3_limit(db, SQLITE_LIMIT_LENGTH, (int)strlen(SAMPLE));
        bind_args(st, SAMPLE);
        CHECK(sqlite3_step(st) == SQLITE_ROW);
        sqlite3_limit(db, SQLITE_LIMIT_LENGTH, old);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
}

/* Cost must grow linearly with the input (INNOCUOUS promises bounded cost):
 * every function and TVF on a text 8 times, then once on the text repeated 8
 * times; the long text may take at most 3.5x as long as the 8 short calls
 * (quadratic would be 8x). A complexity guard, not a speed assertion: both
 * sides do the same work, times are the best of 3, and a failure is measured
 * again before it counts, so a loaded machine does not make it fail. */
static double time_call(sqlite3 *db, const char *sql, const char *text, int nparams, int calls) {
    double best = 1e9;
    for (int rep = 0; rep < 3; rep++) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(db, sql, -1, &st, 0) != SQLITE_OK) return -1;
        double t0 = now();
        for (int k = 0; k < calls; k++) {
            sqlite3_reset(st);
            sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
            if (nparams >= 2 && strstr(sql, "dates"))
                sqlite3_bind_text(st, 2, "2021-03-12", -1, SQLITE_STATIC);
            while (sqlite3_step(st) == SQLITE_ROW) {
            }
        }
        double dt = now() - t0;
        sqlite3_finalize(st);
        if (dt < best) best = dt;
    }
    return best;
}

static void test_linear(void) {
    sqlite3 *db = open_db();
    CHECK(db != NULL);
    if (!db) return;
    /* a dense text: a mention every few words, several scripts */
    static const char unit[] =
        "Alep, Idleb et Hama : 12 morts, 3 blessés selon l'OSDH le 3 mars. "
        "Kharkiv: some 40 killed, Reuters said on Monday. Харків, حلب, Deir ez-Zor. ";
    size_t un = sizeof unit - 1, reps = 600;
    char *small = malloc(un * reps + 1), *big = malloc(un * reps * 8 + 1);
    for (size_t k = 0; k < reps * 8; k++) {
        if (k < reps) memcpy(small + k * un, unit, un);
        memcpy(big + k * un, unit, un);
    }
    small[un * reps] = 0;
    big[un * reps * 8] = 0;
    char sql[300];
    for (int i = 0; i < nfns + nmods; i++) {
        int np;
        if (i < nfns) {
            if (fns[i].narg < 1 || !strcmp(fns[i].name, "conflict_load_places")) continue;
            int k = snprintf(sql, sizeof sql, "select \"%s\"(?1", fns[i].name);
            for (int a = 2; a <= fns[i].narg; a++) k += snprintf(sql + k, sizeof sql - (size_t)k, ", ?%d", a);
            snprintf(sql + k, sizeof sql - (size_t)k, ")");
            np = fns[i].narg;
        } else {
            tvf_sql(sql, sizeof sql, &mods[i - nfns], "select count(*) from ", "");
            np = mods[i - nfns].nhidden >= 3 ? 2 : 1;
        }
        double t1 = 0, t8 = 0;
        int ok = 0;
        for (int attempt = 0; attempt < 3 && !ok; attempt++) {
            t1 = time_call(db, sql, small, np, 8);
            t8 = time_call(db, sql, big, np, 1);
            /* below 50 ms, timer noise dominates */
            ok = t1 < 0 || t8 < 0 || t8 < 0.05 || t8 <= 3.5 * t1;
        }
        if (!ok)
            printf("FAIL %s: 8 x %zu bytes in %.4fs, 8x the text once in %.4fs (x%.1f): not linear\n",
                   sql, un * reps, t1, t8, t8 / t1);
        CHECK(ok);
    }
    free(small);
    free(big);
    sqlite3_close(db);
}

/* ---- out of memory ---------------------------------------------------------- */

static long oom_countdown; /* <0: off; 0: fail now */
static int oom_hit;
static long oom_seen; /* allocations counted while off */
static sqlite3_mem_methods real_mem;

static void *oom_malloc(int n) {
    if (oom_countdown < 0) oom_seen++;
    if (oom_countdown >= 0 && oom_countdown-- == 0) return oom_hit = 1, (void *)NULL;
    return real_mem.xMalloc(n);
}
static void *oom_realloc(void *p, int n) {
    if (oom_countdown < 0) oom_seen++;
    if (oom_countdown >= 0 && oom_countdown-- == 0) return oom_hit = 1, (void *)NULL;
    return real_mem.xRealloc(p, n);
}

/* Runs sql (one row, column 0) and returns its text in out (or "#rc"). */
static int run_one(sqlite3 *db, sqlite3_stmt *st, char *out, size_t cap) {
    int rc;
    out[0] = 0;
    size_t k = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        int n = snprintf(out + k, cap - k, "%s|", t ? t : "NULL");
        if (n > 0 && (size_t)n < cap - k) k += (size_t)n;
    }
    (void)db;
    sqlite3_reset(st);
    return rc;
}

static void oom_statement(sqlite3 *db, const char *sql, int nparams) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, 0) != SQLITE_OK) {
        printf("FAIL prepare %s: %s\n", sql, sqlite3_errmsg(db));
        CHECK(0);
        return;
    }
    sqlite3_bind_text(st, 1, SAMPLE, -1, SQLITE_STATIC);
    if (nparams >= 2) sqlite3_bind_text(st, 2, "2021-03-12", -1, SQLITE_STATIC);
    static char want[65536], got[65536];
    oom_seen = 0;
    int want_rc = run_one(db, st, want, sizeof want);
    /* fail the first 40 allocations one by one, then 60 spread over the rest */
    long total = oom_seen, stride = total > 40 ? (total - 40) / 60 + 1 : 1;
    int bad = 0, steps = 0;
    for (long n = 0; n <= total; n += n < 40 ? 1 : stride) {
        oom_countdown = n;
        oom_hit = 0;
        int rc = run_one(db, st, got, sizeof got);
        oom_countdown = -1;
        steps++;
        if (!oom_hit) break; /* ran to the end without reaching allocation n */
        if (rc == SQLITE_NOMEM) continue;
        if (rc != want_rc || strcmp(got, want)) {
            if (!bad++)
                printf("FAIL %s: allocation %ld failed: rc=%d (want %d or NOMEM) %.80s\n"
                       "  got:  %.300s\n  want: %.300s\n",
                       sql, n, rc, want_rc, sqlite3_errmsg(db), got, want);
        }
    }
    CHECK(bad == 0);
    sqlite3_finalize(st);
}

static void test_oom(void) {
    sqlite3 *db = open_db();
    CHECK(db != NULL);
    if (!db) return;
    for (int i = 0; i < nfns; i++) {
        if (fns[i].narg < 1) continue;
        char sql[200];
        int k = snprintf(sql, sizeof sql, "select \"%s\"(?1", fns[i].name);
        for (int a = 2; a <= fns[i].narg; a++) k += snprintf(sql + k, sizeof sql - (size_t)k, ", ?%d", a);
        snprintf(sql + k, sizeof sql - (size_t)k, ")");
        oom_statement(db, sql, fns[i].narg);
    }
    for (int i = 0; i < nmods; i++) {
        char sql[300];
        tvf_sql(sql, sizeof sql, &mods[i], "select \"text\" || ':' || \"start\" from ", "");
        oom_statement(db, sql, mods[i].nhidden >= 3 ? 2 : 1);
    }
    sqlite3_close(db);
    /* init itself under OOM: fails cleanly or succeeds */
    for (long n = 0; n < 100000; n++) {
        sqlite3 *d = NULL;
        if (sqlite3_open(":memory:", &d) != SQLITE_OK) break;
        char *err = NULL;
        oom_countdown = n;
        oom_hit = 0;
        int rc = sqlite3_conflict_init(d, &err, NULL);
        int hit = oom_hit;
        oom_countdown = -1;
        sqlite3_free(err);
        CHECK(rc == SQLITE_OK || hit);
        sqlite3_close(d);
        if (!hit) break;
    }
}

static void test_reinit(void) {
    sqlite3 *db = open_db();
    CHECK(db != NULL);
    if (!db) return;
    char *err = NULL;
    /* registering again replaces every function and module: the old
     * registrations' destructors run, the state is freed exactly once */
    CHECK(sqlite3_conflict_init(db, &err, NULL) == SQLITE_OK);
    sqlite3_free(err);
    sqlite3_stmt *st;
    CHECK(sqlite3_prepare_v2(db, "select normalize_name(' Lattaquié ')", -1, &st, 0) == SQLITE_OK);
    CHECK(sqlite3_step(st) == SQLITE_ROW);
    CHECK_STR((const char *)sqlite3_column_text(st, 0), "lattaquie");
    sqlite3_finalize(st);
    CHECK(sqlite3_close(db) == SQLITE_OK);
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    CHECK(sqlite3_config(SQLITE_CONFIG_GETMALLOC, &real_mem) == SQLITE_OK);
    sqlite3_mem_methods m = real_mem;
    m.xMalloc = oom_malloc;
    m.xRealloc = oom_realloc;
    oom_countdown = -1;
    CHECK(sqlite3_config(SQLITE_CONFIG_MALLOC, &m) == SQLITE_OK);
    CHECK(sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 0, 0) == SQLITE_OK);
    discover();
    CHECK(nfns >= 5);
    test_reinit();
    printf("# interrupt\n");
    test_interrupt();
    printf("# length limit\n");
    test_length_limit();
    printf("# linear time\n");
    test_linear();
    printf("# out of memory\n");
    test_oom();
    sqlite3_shutdown();
    return check_summary();
}
