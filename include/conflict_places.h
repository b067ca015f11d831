/*
 * conflict: user places, the per-connection overlay on the embedded
 * gazetteer (villages GeoNames lacks, ACLED location lists, local
 * spellings). Built by a binding (conflict_load_places() in SQLite) and
 * consulted by extract_places. Pure C, no sqlite3.h.
 */
#ifndef CONFLICT_PLACES_H
#define CONFLICT_PLACES_H

#include "conflict.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct conflict_user_places conflict_user_places;

/* One input row. Strings are (pointer, length) and are copied. */
typedef struct {
    const char *name;
    size_t name_len;
    const char *aliases; /* '|'-separated other spellings, or NULL */
    size_t aliases_len;
    int has_coords;      /* lat/lon given */
    double lat, lon;
    const char *country; /* ISO 3166-1 alpha-2, or NULL */
    size_t country_len;
    const char *kind; /* country|admin1|admin2|region|city|other, NULL = city */
    size_t kind_len;
    const char *admin1; /* name of the first-level division, or NULL */
    size_t admin1_len;
    int64_t geonameid; /* 0 = none. Without coordinates: the row adds spellings
                          to that GeoNames place of the gazetteer */
} conflict_user_place_row;

typedef struct {
    const char *name;   /* NUL-terminated */
    char cc[3];         /* "" when unknown */
    int country;        /* gazetteer country index, 0 = unknown */
    int kind;           /* index in country..other */
    int admin1;         /* gazetteer admin1 index, 0 = unknown */
    const char *admin1_name; /* as given, or NULL */
    int has_coords;
    double lat, lon;
    int64_t geonameid;
    long gaz_index;     /* >= 0: an alias of this gazetteer place */
} conflict_user_place_view;

conflict_status conflict_user_places_new(const conflict_allocator *a, conflict_user_places **out);
/* Validates and adds one row; errors name the problem ("lat out of range"). */
conflict_status conflict_user_places_add(conflict_user_places *u, const conflict_engine *e,
                                         const conflict_user_place_row *r, conflict_error *err);
/* Builds the index; call once after the last add. */
conflict_status conflict_user_places_finish(conflict_user_places *u);
void conflict_user_places_free(conflict_user_places *u);
size_t conflict_user_places_count(const conflict_user_places *u);
/* Words (conflict_tokenize tokens) in the longest name or alias. */
size_t conflict_user_places_max_words(const conflict_user_places *u);
/* Entries whose name key hashes to h: writes up to max indexes, returns how many exist. */
size_t conflict_user_places_lookup(const conflict_user_places *u, uint64_t h, size_t *idx,
                                   size_t max);
void conflict_user_places_get(const conflict_user_places *u, size_t i,
                              conflict_user_place_view *v);

/* Installs u as the engine's overlay (NULL removes it) and returns the
 * previous one, which the caller frees. Not thread-safe with respect to
 * extraction on the same engine: the binding calls it on the connection's
 * own thread (SQLite serializes a connection's calls). */
conflict_user_places *conflict_engine_set_user_places(conflict_engine *e,
                                                      conflict_user_places *u);
const conflict_user_places *conflict_engine_user_places(const conflict_engine *e);

/* Writes the gazetteer build description ("gazetteer=rows:..." lines). */
void conflict_gazetteer_debug(conflict_buf *out);

#ifdef __cplusplus
}
#endif
#endif
