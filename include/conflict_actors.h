/*
 * conflict: user actors, the per-connection overlay on the embedded actor
 * dictionary (data/actors.tsv): local militias, new coalitions, spellings the
 * dictionary lacks. Built by a binding (conflict_load_actors() in SQLite) and
 * consulted by extract_actors/actors(). Pure C, no sqlite3.h.
 */
#ifndef CONFLICT_ACTORS_H
#define CONFLICT_ACTORS_H

#include "conflict.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct conflict_user_actors conflict_user_actors;

/* One input row. Strings are (pointer, length) and are copied. */
typedef struct {
    const char *name; /* reported name; also matched as written */
    size_t name_len;
    const char *aliases; /* '|'-separated other spellings and acronyms, or NULL */
    size_t aliases_len;
    const char *type; /* state_forces|rebels|jihadists|militia|foreign_forces|political|
                         civilians|other; NULL = other */
    size_t type_len;
    const char *country; /* ISO 3166-1 alpha-2, or NULL */
    size_t country_len;
} conflict_user_actor_row;

conflict_status conflict_user_actors_new(const conflict_allocator *a, conflict_user_actors **out);
/* Validates and adds one row; errors name the problem ("unknown type"). */
conflict_status conflict_user_actors_add(conflict_user_actors *u, const conflict_user_actor_row *r,
                                         conflict_error *err);
/* Builds the index; call once after the last add. */
conflict_status conflict_user_actors_finish(conflict_user_actors *u);
void conflict_user_actors_free(conflict_user_actors *u);
size_t conflict_user_actors_count(const conflict_user_actors *u);

/* Installs u as the engine's overlay (NULL removes it) and returns the
 * previous one, which the caller frees. Not thread-safe with respect to
 * extraction on the same engine: the binding calls it on the connection's
 * own thread (SQLite serializes a connection's calls). */
conflict_user_actors *conflict_engine_set_user_actors(conflict_engine *e, conflict_user_actors *u);
const conflict_user_actors *conflict_engine_user_actors(const conflict_engine *e);

#ifdef __cplusplus
}
#endif
#endif
