/* Shared between places.c and places_user.c: gazetteer look-ups. */
#ifndef CONFLICT_PLACES_INTERNAL_H
#define CONFLICT_PLACES_INTERNAL_H

#include "conflict.h"
#include "conflict_places.h"

/* 1-based gazetteer country index of an upper-case ISO code, 0 = unknown. */
int conflict_gaz_country_index(const conflict_engine *e, const char *cc);
/* Gazetteer rows and their GeoNames ids (0 = none), to index them at load time. */
size_t conflict_gaz_nplaces(const conflict_engine *e);
uint32_t conflict_gaz_geonameid(const conflict_engine *e, size_t i);
/* 1-based admin1 index of a division named s (in country, 0 = any), 0 = unknown. */
int conflict_gaz_admin1_by_name(const conflict_engine *e, int country, const char *s, size_t n);
/* Does the extractor's fast name folding of s agree with conflict_normalize_name()? */
int conflict_places_fold_equal(const conflict_engine *e, const char *s, size_t n);
/* Checks the fast name folding of the extractor against conflict_normalize_name()
 * on every step-th string of the gazetteer; returns the number of differences. */
size_t conflict_places_fold_check(const conflict_engine *e, size_t step);
/* Kind index of a gazetteer place / the gazetteer kind names. */
extern const char *const conflict_place_kinds[6];

#endif
