/* conflict: SQLite entry point. */
#ifndef CONFLICT_SQLITE_H
#define CONFLICT_SQLITE_H

#ifdef SQLITE_CORE
#include <sqlite3.h>
#else
#include <sqlite3ext.h>
#endif

#ifdef _WIN32
#define CONFLICT_EXPORT __declspec(dllexport)
#else
#define CONFLICT_EXPORT __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

CONFLICT_EXPORT int sqlite3_conflict_init(sqlite3 *db, char **pzErrMsg,
                                          const sqlite3_api_routines *pApi);

#ifdef __cplusplus
}
#endif
#endif
