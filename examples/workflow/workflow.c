/*
 * The workflow in C with the system libsqlite3.
 *
 *   cc workflow.c $(pkg-config --cflags --libs sqlite3) -o workflow
 *   ./workflow ../../dist/conflict articles.sql
 *
 * Built with -DCONFLICT_STATIC -DSQLITE_CORE and linked with libconflict_sqlite.a (the
 * binding compiled with -DSQLITE_CORE, see docs/INSTALL.md), the extension is
 * part of the program: sqlite3_auto_extension() registers it on every new
 * connection and the first argument is ignored.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#ifdef CONFLICT_STATIC
#include "conflict_sqlite.h"
#endif

static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = malloc((size_t)n + 1);
    if (p && fread(p, 1, (size_t)n, f) != (size_t)n) {
        free(p);
        p = NULL;
    }
    if (p) p[n] = 0;
    fclose(f);
    return p;
}

static int show(sqlite3 *db, const char *title, const char *sql) {
    sqlite3_stmt *st;
    printf("== %s\n", title);
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "error: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int i = 0; i < sqlite3_column_count(st); i++) {
            const unsigned char *v = sqlite3_column_text(st, i);
            printf("%s%s", i ? "|" : "", v ? (const char *)v : "NULL");
        }
        printf("\n");
    }
    if (rc != SQLITE_DONE) fprintf(stderr, "error: %s\n", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return rc != SQLITE_DONE;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s EXTENSION ARTICLES.sql\n", argv[0]);
        return 2;
    }
    sqlite3 *db;
    char *err = NULL;
#ifdef CONFLICT_STATIC
    sqlite3_auto_extension((void (*)(void))sqlite3_conflict_init);
#endif
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
        fprintf(stderr, "cannot open: %s\n", sqlite3_errmsg(db));
        return 1;
    }
#ifndef CONFLICT_STATIC
    /* enable the C API only (not the SQL load_extension() function) */
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, NULL);
    if (sqlite3_load_extension(db, argv[1], NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "cannot load %s: %s\n", argv[1], err);
        return 1;
    }
#endif
    char *sql = slurp(argv[2]);
    if (!sql || sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "cannot read %s: %s\n", argv[2], err ? err : "file error");
        return 1;
    }
    free(sql);
    int bad = 0;
    bad |= show(db, "places",
                "SELECT a.id, p.text, p.name, p.country FROM articles a, places(a.body) p "
                "ORDER BY a.id, p.start");
    bad |= show(db, "killed per article",
                "SELECT a.id, CAST(sum(c.value) AS INTEGER) FROM articles a, counts(a.body) c "
                "WHERE c.category = 'killed' AND c.part_of IS NULL GROUP BY a.id ORDER BY a.id");
    bad |= show(db, "killed per place",
                "WITH killed AS (SELECT a.id, sum(c.value) AS n FROM articles a, counts(a.body) c "
                "WHERE c.category = 'killed' AND c.part_of IS NULL GROUP BY a.id) "
                "SELECT p.name, count(DISTINCT a.id), CAST(sum(k.n) AS INTEGER) "
                "FROM articles a, places(a.body) p JOIN killed k ON k.id = a.id "
                "WHERE p.kind <> 'country' GROUP BY p.name ORDER BY sum(k.n) DESC, p.name");
    sqlite3_close(db);
    return bad;
}
