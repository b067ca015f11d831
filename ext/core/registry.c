/* The list of modules and extractors; each lives in its own file. */
#include "internal.h"

const conflict_module *const conflict_modules[CONFLICT_NMODULES] = {0};

const conflict_extractor *const conflict_extractors[] = {NULL};
