/* Versions of conflict and of the libraries it was built and runs with. */
#include <stdio.h>
#include <utf8proc.h>

#include "conflict_places.h"
#include "internal.h"

#ifndef CONFLICT_VERSION
#define CONFLICT_VERSION "0.0.0"
#endif

const char *conflict_version(void) { return "v" CONFLICT_VERSION; }

void conflict_debug_info(const conflict_engine *e, conflict_buf *out) {
    char line[256];
    char pcre[64] = "";
    uint32_t jit = 0;
    pcre2_config(PCRE2_CONFIG_VERSION, pcre);
    pcre2_config(PCRE2_CONFIG_JIT, &jit);
    snprintf(line, sizeof line, "conflict=%s\npcre2=%s jit=%s\nutf8proc=%s unicode=%s\n",
             conflict_version(), pcre, jit ? "yes" : "no", utf8proc_version(),
             utf8proc_unicode_version());
    conflict_buf_puts(out, line);
    conflict_gazetteer_debug(out);
    (void)e;
}
