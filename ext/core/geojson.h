/*
 * GeoJSON FeatureCollection writer (RFC 7946): point features with a
 * properties object, for geojson_agg() and places_geojson(). Pure C11.
 */
#ifndef CONFLICT_GEOJSON_H
#define CONFLICT_GEOJSON_H

#include "conflict.h"

typedef struct {
    conflict_buf out;
    size_t nfeatures;
} conflict_geojson;

/* Starts a collection; limit caps the output size (0 = none). */
void conflict_geojson_begin(conflict_geojson *g, const conflict_allocator *a, size_t limit);
/* Adds a point. props (a JSON object's text) may be NULL for {}. Errors:
 * latitude/longitude out of range, props not a JSON object. */
conflict_status conflict_geojson_add(conflict_geojson *g, double lat, double lon, const char *props,
                                     size_t nprops, conflict_error *err);
/* Adds one point per row of an extractor's table that has numbers in the
 * columns "lat" and "lon"; every other column becomes a property, and
 * `extra` (a JSON object's members, e.g. "\"article\":3", or NULL) is appended. */
conflict_status conflict_geojson_add_table(conflict_geojson *g, const conflict_table *t,
                                           const char *extra, size_t nextra, conflict_error *err);
/* Closes the collection and hands its text over (free with the allocator);
 * NULL on OOM/too big (g->out.failed says which). */
char *conflict_geojson_finish(conflict_geojson *g, size_t *n);
void conflict_geojson_free(conflict_geojson *g);

/* CONFLICT_OK when s is one JSON object (RFC 8259), with err->byte_offset of
 * the first error otherwise. Nesting deeper than 60 levels is an error. */
conflict_status conflict_json_check_object(const char *s, size_t n, conflict_error *err);

#endif
