/* The list of modules and extractors; each lives in its own file. */
#include "internal.h"

extern const conflict_module conflict_counts_module;
extern const conflict_module conflict_dates_module;

extern const conflict_module conflict_places_module;
extern const conflict_module conflict_actors_module;

const conflict_module *const conflict_modules[CONFLICT_NMODULES] = {
    [CONFLICT_MOD_PLACES] = &conflict_places_module,
    [CONFLICT_MOD_COUNTS] = &conflict_counts_module,
    [CONFLICT_MOD_DATES] = &conflict_dates_module,
    [CONFLICT_MOD_ACTORS] = &conflict_actors_module,
};

extern const conflict_extractor conflict_counts_extractor;
extern const conflict_extractor conflict_dates_extractor;
extern const conflict_extractor conflict_actors_extractor;
extern const conflict_extractor conflict_sources_extractor;

extern const conflict_extractor conflict_places_extractor;

const conflict_extractor *const conflict_extractors[] = {&conflict_counts_extractor, &conflict_actors_extractor, &conflict_sources_extractor, &conflict_places_extractor, &conflict_dates_extractor, NULL};
