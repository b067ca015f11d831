/* Entry point: sqlite3_conflict_init registers every function and module. */
#include "binding.h"

#ifndef SQLITE_CORE
SQLITE_EXTENSION_INIT1
#endif

int sqlite3_conflict_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi) {
#ifndef SQLITE_CORE
    SQLITE_EXTENSION_INIT2(pApi);
#else
    (void)pApi;
#endif
    if (sqlite3_libversion_number() < 3040000) {
        if (pzErrMsg)
            *pzErrMsg = sqlite3_mprintf("conflict: needs SQLite 3.40.0 or later, got %s",
                                        sqlite3_libversion());
        return SQLITE_ERROR;
    }
    char *err = NULL;
    conflict_conn *conn = conflict_conn_new(&err);
    if (!conn) {
        if (pzErrMsg) *pzErrMsg = err ? err : sqlite3_mprintf("conflict: out of memory");
        else sqlite3_free(err);
        return SQLITE_NOMEM;
    }
    int rc = conflict_register_scalars(db, conn, &err);
    if (rc == SQLITE_OK) rc = conflict_register_extractors(db, conn, &err);
    if (rc == SQLITE_OK) rc = conflict_register_user_places(db, conn, &err);
    if (rc == SQLITE_OK) rc = conflict_register_user_actors(db, conn, &err);
    if (rc == SQLITE_OK) rc = conflict_register_geojson(db, conn, &err);
    if (rc == SQLITE_OK) rc = conflict_register_fts5(db, conn, &err); /* skipped without FTS5 */
    conflict_conn_unref(conn); /* registrations hold their own references */
    if (rc != SQLITE_OK) {
        if (pzErrMsg) *pzErrMsg = err;
        else sqlite3_free(err);
    }
    return rc;
}
