/*
 * Read access to the embedded gazetteer blob (layout in gazetteer.h): the
 * key index, the literal-name index and the word lexicon, shared by the
 * places extractor and the gazetteer-aware name_key.
 */
#include "gazetteer.h"

extern const unsigned char conflict_gazetteer_blob[];
extern const unsigned char conflict_gazetteer_blob_end[];

int gaz_index_open(gaz_index *g) {
    const unsigned char *b = conflict_gazetteer_blob;
    const gaz_header *h = (const gaz_header *)(const void *)b;
    size_t size = (size_t)(conflict_gazetteer_blob_end - b);
    if (size < sizeof *h || h->magic != GAZ_MAGIC || h->version != GAZ_VERSION ||
        h->off_info >= size || h->off_strings >= size || h->off_exact >= size ||
        h->off_words >= size || h->off_keys >= size || h->nfeatures > GAZ_MAX_FEATURES ||
        h->startbits < 1 || h->startbits > 28 || h->off_starts > size ||
        ((size_t)1 << h->startbits) > size - h->off_starts || h->pairbits < 6 ||
        h->pairbits > 34 || h->off_pairs % 8 || h->off_pairs > size ||
        ((size_t)1 << h->pairbits) / 8 > size - h->off_pairs ||
        h->dirbits < 1 || h->dirbits > 28 || h->off_keys % 64 ||
        (size_t)h->nkslots < ((size_t)8 << h->dirbits) + 1 ||
        (size_t)h->nkslots * sizeof(gaz_key) > size - h->off_keys)
        return -1;
    g->h = h;
    g->size = size;
    g->places = (const gaz_place *)(const void *)(b + h->off_places);
    g->keys = (const gaz_key *)(const void *)(b + h->off_keys);
    g->post = (const uint32_t *)(const void *)(b + h->off_post);
    g->admin1 = (const uint32_t *)(const void *)(b + h->off_admin1);
    g->countries = (const gaz_country *)(const void *)(b + h->off_countries);
    g->features = (const gaz_feature *)(const void *)(b + h->off_features);
    g->exact = (const uint32_t *)(const void *)(b + h->off_exact);
    g->lexicon = (const uint32_t *)(const void *)(b + h->off_words);
    g->starts = b + h->off_starts;
    g->start_shift = 64 - h->startbits;
    g->pairs = (const uint64_t *)(const void *)(b + h->off_pairs);
    g->pair_mask = ((uint64_t)1 << h->pairbits) - 1;
    g->strings = (const char *)(b + h->off_strings);
    g->info = (const char *)(b + h->off_info);
    g->shift = 64 - h->dirbits;
    if (g->keys[h->nkslots - 1].val) return -1; /* every key scan must end */
    return 0;
}

uint32_t gaz_key_postings(const gaz_index *g, uint64_t h, const uint32_t **list, uint32_t *one,
                          int *common) {
    /* the home slot starts a 64-byte bucket: the scan stays in one cache line
     * unless earlier buckets spilled into it; the tail ends with an empty slot */
    const gaz_key *k = g->keys + ((size_t)(h >> g->shift) << 3);
    uint32_t lo = (uint32_t)h | 1u;
    for (;; k++) {
        uint32_t v = k->val;
        if (!v) return 0;
        if ((k->lo | 1u) != lo) continue;
        if (common) *common = k->lo & GAZ_KEY_COMMON;
        if (v & GAZ_INLINE) {
            *one = v & ~GAZ_INLINE;
            *list = one;
            return 1;
        }
        *list = g->post + v + 1;
        return g->post[v];
    }
}

/* Index of the first fingerprint >= fp in a sorted array with a 2^16 + 1
 * directory of its top 16 bits; *end is the end of fp's directory range. */
static size_t fp_lower_bound(const uint32_t *fps, const uint32_t *fdir, uint32_t fp, size_t *end) {
    size_t lo = fdir[fp >> 16], hi = fdir[(fp >> 16) + 1];
    *end = hi;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (fps[mid] < fp) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

size_t gaz_literal_places(const gaz_index *g, uint64_t fold_hash, const uint32_t **pl) {
    uint32_t fp = gaz_word_fp(fold_hash);
    size_t end;
    size_t lo = fp_lower_bound(g->exact, g->exact + 2 * (size_t)g->h->nexact, fp, &end);
    size_t hi = lo;
    while (hi < end && g->exact[hi] == fp) hi++;
    *pl = g->exact + g->h->nexact + lo;
    return hi - lo;
}

unsigned gaz_start_words(const gaz_index *g, uint64_t first_key_hash) {
    return g->starts[first_key_hash >> g->start_shift];
}

int gaz_pair_maybe(const gaz_index *g, uint64_t h) {
    uint64_t a = h & g->pair_mask, b = (h >> 30) & g->pair_mask;
    return (g->pairs[a >> 6] >> (a & 63) & 1) && (g->pairs[b >> 6] >> (b & 63) & 1);
}

int gaz_is_word(const gaz_index *g, uint64_t fold_hash) {
    uint32_t fp = gaz_word_fp(fold_hash);
    size_t end;
    size_t lo = fp_lower_bound(g->lexicon, g->lexicon + g->h->nwords, fp, &end);
    return lo < end && g->lexicon[lo] == fp;
}

int gaz_is_proper_noun(const gaz_index *g, uint64_t fold_hash) {
    return gaz_is_word(g, fold_hash ^ GAZ_PROPER_SALT);
}
