/* Allocator vtable: the core allocates only through these. */
#include <stdlib.h>

#include "conflict.h"

static void *libc_malloc(void *ud, size_t n) {
    (void)ud;
    return malloc(n ? n : 1);
}
static void *libc_realloc(void *ud, void *p, size_t n) {
    (void)ud;
    return realloc(p, n ? n : 1);
}
static void libc_free(void *ud, void *p) {
    (void)ud;
    free(p);
}

const conflict_allocator conflict_default_allocator = {libc_malloc, libc_realloc, libc_free,
                                                       NULL};

void *conflict_malloc(const conflict_allocator *a, size_t n) { return a->malloc(a->ud, n); }
void *conflict_realloc(const conflict_allocator *a, void *p, size_t n) {
    return a->realloc(a->ud, p, n);
}
void conflict_free(const conflict_allocator *a, void *p) {
    if (p) a->free(a->ud, p);
}
