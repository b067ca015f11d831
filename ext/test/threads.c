/*
 * Concurrency test (make test-threads; make tsan runs it under
 * ThreadSanitizer with --quick). The extension is linked statically
 * (SQLITE_CORE); what it registers is found from pragma_function_list and
 * pragma_module_list, so every function and table-valued function is called.
 *
 *  1. Reference: one thread runs every call on every shared input.
 *  2. Separate connections: 1, 2 and 4 threads, each with its own
 *     connection, run the same calls at once; every result must equal the
 *     reference. Throughput (MB of input per second, calls per second) is
 *     reported for each thread count.
 *  3. One shared connection (SQLITE_CONFIG_SERIALIZED): 4 threads, each with
 *     its own statements on the same connection; same check.
 * Ends with "N passed, N failed".
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conflict_sqlite.h"

static const char *const TEXTS[] = {
    "ALEP, 12 mars 2021 (AFP) - Au moins 14 civils, dont cinq enfants, ont été tués jeudi dans "
    "des frappes aériennes sur la ville d'Ariha, dans la province d'Idleb, selon l'Observatoire "
    "syrien des droits de l'Homme (OSDH).",
    "MOSUL, Iraq, June 8 (Reuters) - More than 20 Islamic State fighters were killed and seven "
    "soldiers wounded in clashes near Tal Afar on Tuesday, a security source told Reuters.",
    "Une trentaine de civils ont été tués dimanche lors d'une attaque près de Bandiagara, dans la "
    "région de Mopti ; plus de 2.000 personnes ont fui vers Sévaré depuis le 3 avril.",
    "Russian shelling killed three people and wounded 11 others in Kharkiv overnight; some 4,000 "
    "residents have been evacuated from Kupiansk since January, according to the United Nations.",
    "قتل 12 مدنيا في قصف على حلب. В результате обстрела Харькова погибли трое. Ma‘arrat an-Nu‘mān, "
    "Deir ez-Zor et Kamechliyé : des dizaines de blessés, une centaine de déplacés.",
    "",
};
#define NTEXTS (sizeof TEXTS / sizeof TEXTS[0])

typedef struct {
    char sql[256];
    int nparams;
} call;

static call calls[128];
static int ncalls;
static char **expected; /* [ncalls * NTEXTS] */
static size_t total_bytes; /* input bytes of one pass over every call */
static int quick;

static void die(sqlite3 *db, const char *what) {
    fprintf(stderr, "threads: %s: %s\n", what, db ? sqlite3_errmsg(db) : "?");
    exit(2);
}

static sqlite3 *open_db(void) {
    sqlite3 *db;
    char *err = NULL;
    if (sqlite3_open(":memory:", &db)) die(db, "open");
    if (sqlite3_conflict_init(db, &err, NULL)) {
        fprintf(stderr, "init: %s\n", err ? err : "?");
        exit(2);
    }
    return db;
}

static int exists(sqlite3 *db, const char *sql, const char *name, int narg) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, 0)) die(db, sql);
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, narg);
    int r = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return r;
}

static void discover(void) {
    sqlite3 *plain, *db = open_db();
    if (sqlite3_open(":memory:", &plain)) die(plain, "open");
    sqlite3_stmt *st;
    sqlite3_prepare_v2(db, "select name, narg from pragma_function_list order by 1,2", -1, &st, 0);
    while (sqlite3_step(st) == SQLITE_ROW && ncalls < 100) {
        const char *n = (const char *)sqlite3_column_text(st, 0);
        int narg = sqlite3_column_int(st, 1);
        if (exists(plain, "select 1 from pragma_function_list where name=?1 and narg=?2", n, narg))
            continue;
        call *c = &calls[ncalls++];
        int k = snprintf(c->sql, sizeof c->sql, "select \"%s\"(", n);
        for (int a = 1; a <= narg; a++)
            k += snprintf(c->sql + k, sizeof c->sql - (size_t)k, "%s?%d", a > 1 ? "," : "", a);
        snprintf(c->sql + k, sizeof c->sql - (size_t)k, ")");
        c->nparams = narg;
    }
    sqlite3_finalize(st);
    sqlite3_prepare_v2(db, "select name from pragma_module_list order by 1", -1, &st, 0);
    while (sqlite3_step(st) == SQLITE_ROW && ncalls < 128) {
        const char *n = (const char *)sqlite3_column_text(st, 0);
        if (exists(plain, "select 1 from pragma_module_list where name=?1 and ?2=?2", n, 0)) continue;
        char q[200];
        snprintf(q, sizeof q, "select count(*) from pragma_table_xinfo('%s') where hidden", n);
        sqlite3_stmt *h;
        sqlite3_prepare_v2(db, q, -1, &h, 0);
        sqlite3_step(h);
        int nhidden = sqlite3_column_int(h, 0);
        sqlite3_finalize(h);
        call *c = &calls[ncalls++];
        /* every column of every row, two cursors of the same TVF alive at once */
        snprintf(c->sql, sizeof c->sql,
                 "select a.*, (select count(*) from \"%s\"(a.\"text\"%s)) from \"%s\"(?1%s) a",
                 n, nhidden >= 3 ? ", ?2" : "", n, nhidden >= 3 ? ", ?2" : "");
        c->nparams = nhidden >= 3 ? 2 : 1;
    }
    sqlite3_finalize(st);
    sqlite3_close(plain);
    sqlite3_close(db);
}

/* second argument: a name for name_similarity, a ref_date, or options */
static const char *second_arg(const char *sql) {
    if (strstr(sql, "name_similarity")) return "Alep";
    if (strstr(sql, "dates")) return "2021-03-12";
    return NULL;
}

/* Runs one call on one input; returns a malloc'ed rendering of all rows or the error. */
static char *run(sqlite3 *db, sqlite3_stmt *st, const char *text) {
    /* the error message is per connection: on a shared one, hold its mutex
     * from step to errmsg, or another thread's call may replace it */
    sqlite3_mutex_enter(sqlite3_db_mutex(db));
    sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
    if (sqlite3_bind_parameter_count(st) >= 2)
        sqlite3_bind_text(st, 2, second_arg(sqlite3_sql(st)), -1, SQLITE_STATIC);
    sqlite3_str *out = sqlite3_str_new(NULL);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int i = 0; i < sqlite3_column_count(st); i++) {
            const char *v = (const char *)sqlite3_column_text(st, i);
            sqlite3_str_appendf(out, "%s%s", i ? "|" : "", v ? v : "NULL");
        }
        sqlite3_str_appendchar(out, 1, '\n');
    }
    if (rc != SQLITE_DONE) sqlite3_str_appendf(out, "ERROR %d %s", rc, sqlite3_errmsg(db));
    sqlite3_reset(st);
    sqlite3_mutex_leave(sqlite3_db_mutex(db));
    char *s = sqlite3_str_finish(out);
    char *copy = strdup(s ? s : "");
    sqlite3_free(s);
    return copy;
}

typedef struct {
    sqlite3 *db; /* NULL: open its own */
    int rounds;
    long mismatches, calls;
    pthread_t th;
} worker;

static void *work(void *p) {
    worker *w = p;
    sqlite3 *db = w->db ? w->db : open_db();
    sqlite3_stmt *st[128];
    for (int c = 0; c < ncalls; c++)
        if (sqlite3_prepare_v2(db, calls[c].sql, -1, &st[c], 0)) die(db, calls[c].sql);
    for (int r = 0; r < w->rounds; r++)
        for (int c = 0; c < ncalls; c++)
            for (size_t t = 0; t < NTEXTS; t++) {
                /* threads start at different calls so that they overlap on all of them */
                int cc = (c + r) % ncalls;
                char *got = run(db, st[cc], TEXTS[t]);
                if (strcmp(got, expected[cc * NTEXTS + t])) {
                    if (w->mismatches++ == 0)
                        fprintf(stderr, "mismatch: %s on text %zu:\n got: %.200s\nwant: %.200s\n",
                                calls[cc].sql, t, got, expected[cc * NTEXTS + t]);
                }
                free(got);
                w->calls++;
            }
    for (int c = 0; c < ncalls; c++) sqlite3_finalize(st[c]);
    if (!w->db) sqlite3_close(db);
    return NULL;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int pass, fail;
static void check(int ok, const char *what) {
    if (ok) pass++;
    else {
        fail++;
        printf("FAIL %s\n", what);
    }
}

/* Runs n workers; returns elapsed seconds. */
static double run_workers(int n, sqlite3 *shared, int rounds, long *mismatches, long *ncalls_done) {
    worker w[16];
    memset(w, 0, sizeof w);
    double t0 = now();
    for (int i = 0; i < n; i++) {
        w[i].db = shared;
        w[i].rounds = rounds;
        pthread_create(&w[i].th, NULL, work, &w[i]);
    }
    *mismatches = 0;
    *ncalls_done = 0;
    for (int i = 0; i < n; i++) {
        pthread_join(w[i].th, NULL);
        *mismatches += w[i].mismatches;
        *ncalls_done += w[i].calls;
    }
    return now() - t0;
}

int main(int argc, char **argv) {
    int memstatus = 1;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--quick")) quick = 1;
        /* SQLite's memory statistics take one global mutex on every
         * sqlite3_malloc/free, and the extension allocates through
         * sqlite3_malloc: threads then queue on that mutex */
        if (!strcmp(argv[i], "--no-memstatus")) memstatus = 0;
    }
    if (sqlite3_config(SQLITE_CONFIG_SERIALIZED) != SQLITE_OK) die(NULL, "SQLITE_CONFIG_SERIALIZED");
    if (!memstatus && sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) != SQLITE_OK)
        die(NULL, "SQLITE_CONFIG_MEMSTATUS");
    printf("# SQLite memory statistics %s\n", memstatus ? "on (default)" : "off (SQLITE_CONFIG_MEMSTATUS 0)");
    if (!sqlite3_threadsafe()) die(NULL, "libsqlite3 built without threads");
    discover();
    printf("# %d calls (functions and table-valued functions) x %zu inputs\n", ncalls, NTEXTS);
    check(ncalls >= 5, "found the extension's functions");

    /* 1. single-threaded reference */
    expected = calloc((size_t)ncalls * NTEXTS, sizeof *expected);
    sqlite3 *db = open_db();
    for (int c = 0; c < ncalls; c++) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(db, calls[c].sql, -1, &st, 0)) die(db, calls[c].sql);
        for (size_t t = 0; t < NTEXTS; t++) {
            expected[c * NTEXTS + t] = run(db, st, TEXTS[t]);
            total_bytes += strlen(TEXTS[t]);
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(db);

    /* 2. one connection per thread */
    /* enough rounds for about a second of work per thread */
    long m0, d0;
    double t1 = run_workers(1, NULL, 5, &m0, &d0) / 5;
    int rounds = quick ? 2 : (int)(1.0 / (t1 > 1e-4 ? t1 : 1e-4)) + 1;
    if (rounds > 100000) rounds = 100000;
    int counts[] = {1, 2, 4};
    for (int k = 0; k < 3; k++) {
        int n = counts[k];
        long mism, done;
        double dt = run_workers(n, NULL, rounds, &mism, &done);
        double mb = (double)total_bytes * rounds * n / 1e6;
        printf("# %d thread%s, own connections: %ld calls in %.2fs = %.0f calls/s, %.2f MB/s\n", n,
               n > 1 ? "s" : "", done, dt, done / dt, mb / dt);
        char what[80];
        snprintf(what, sizeof what, "%d threads with own connections: %ld mismatches", n, mism);
        check(mism == 0, what);
    }

    /* 3. one shared connection, serialized */
    sqlite3 *shared = open_db();
    long mism, done;
    double dt = run_workers(4, shared, quick ? 1 : 10, &mism, &done);
    printf("# 4 threads, one shared connection: %ld calls in %.2fs = %.0f calls/s\n", done, dt,
           done / dt);
    check(mism == 0, "4 threads on one shared connection: mismatches");
    check(sqlite3_close(shared) == SQLITE_OK, "close shared connection");

    for (int i = 0; i < ncalls * (int)NTEXTS; i++) free(expected[i]);
    free(expected);
    printf("%d passed, %d failed\n", pass, fail);
    return fail != 0;
}
