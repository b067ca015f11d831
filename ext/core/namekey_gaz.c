/*
 * Gazetteer-aware name key: known variants from the embedded gazetteer.
 *
 * conflict_name_key() is a pure spelling key: it merges transcriptions of one
 * name (Kharkiv, Charkiw, Kharkov) but never a renaming or an exonym (Kiev and
 * Kyiv differ by a vowel only, but Artemivsk/Bakhmut, Vaenga/Severomorsk,
 * Alep/Aleppo differ in their letters). conflict_name_key_gazetteer() adds what
 * the gazetteer knows:
 *
 *   the candidate places are those that have a name or alias with the spelling
 *   key of s, best first (the gazetteer's static rank: countries, then
 *   divisions, then populated places, capitals and populous places first).
 *   Among the first MAX_SCAN candidates, the places that list
 *   normalize_name(s) (without separators) exactly among their names "bear"
 *   s. If a place that bears s has a canonical name with the spelling key of
 *   s, the result is that key (s is a canonical spelling: Aleppo stays
 *   Aleppo, not Aleppo Governorate). Otherwise it is the spelling key of the
 *   canonical name of the first populated place that bears s, else of the
 *   first place of any kind that bears s, else the spelling key of s.
 *
 * So a name the gazetteer lists maps to the key of the canonical name of the
 * most prominent town that bears it (Alep -> Aleppo, Kiev -> Kyiv), and a
 * name it does not list keeps its spelling key. The result is per name (no
 * context), deterministic and depends only on the embedded data. The places
 * extractor and the gazetteer packer keep using the pure spelling key.
 *
 * Cost: the spelling key, one hash look-up of it (a short scan of one
 * directory bucket), normalize_name, one binary search in the blob's
 * literal-name index (folded name -> places), and when the name is listed, a
 * sequential scan of the key's postings and the spelling key of the matching
 * canonical names. The literal index holds 32-bit fingerprints of the folded
 * names; a place is taken as bearing s only when it also has a name with the
 * spelling key of s, so a fingerprint collision would also need a key match.
 */
#include <string.h>

#include "conflict.h"
#include "gazetteer.h"
#include "internal.h"

/* Most postings scanned for one name (a sequential scan; the longest lists
 * belong to short keys shared by thousands of villages). */
#define MAX_SCAN 8192

/* Appends the canonical key of s to out when the gazetteer lists s exactly for
 * one of the first MAX_SCAN candidate places of its spelling key k (see the
 * rule at the top); returns 1 when it did, 0 when out must get k. */
static int canonical_key(const char *s, size_t n, const conflict_buf *k, conflict_buf *out,
                         conflict_status *st) {
    gaz_index g;
    if (k->len < 2 || gaz_index_open(&g)) return 0;
    const uint32_t *list;
    uint32_t one;
    uint32_t cnt = gaz_key_postings(&g, gaz_hash(k->p, k->len), &list, &one, NULL);
    if (!cnt) return 0;
    const conflict_allocator *a = out->a ? out->a : &conflict_default_allocator;
    conflict_buf fb, ck, firstk;
    conflict_buf_init(&fb, a, 0);
    conflict_buf_init(&ck, a, 0);
    conflict_buf_init(&firstk, a, 0);
    conflict_error e2 = {0};
    int result = 0; /* 0: spelling key; 1: firstk; 2: ck */
    *st = conflict_normalize_name(s, n, &fb, &e2);
    if (*st || fb.failed) goto done;
    fb.len = gaz_fold(fb.p, fb.len);
    if (!fb.len) goto done;
    uint64_t fh = gaz_hash(fb.p, fb.len);
    const uint32_t *lit;
    size_t nlit = gaz_literal_places(&g, fh, &lit);
    if (!nlit) goto done;
    /* the key's postings, best first (countries, divisions, then populated places,
     * capitals and populous ones first), that are also literally named s: the
     * literal index is a 32-bit fingerprint of the name, the postings confirm it */
    for (uint32_t i = 0; i < cnt && i < MAX_SCAN; i++) {
        uint32_t p = GAZ_POST_PLACE(list[i]);
        size_t q = 0;
        while (q < nlit && GAZ_LITERAL_PLACE(lit[q]) != p) q++;
        if (q == nlit || p >= g.h->nplaces) continue;
        const char *name = g.strings + GAZ_PLACE_NAME(&g.places[p]);
        conflict_buf *dst = result ? &ck : &firstk;
        conflict_buf_reset(dst);
        *st = conflict_name_key(name, strlen(name), dst, &e2);
        if (!*st && dst->failed) *st = (conflict_status)dst->failed;
        if (*st) goto done;
        if (dst->len == k->len && memcmp(dst->p, k->p, k->len) == 0) {
            result = 0; /* s spells the canonical name of a place that bears it */
            break;
        }
        if (!dst->len) continue;
        if (GAZ_PLACE_KIND(&g.places[p]) == GAZ_CITY) {
            result = dst == &ck ? 2 : 1; /* the first populated place that bears s */
            break;
        }
        if (!result) result = 1; /* else the first place of any kind */
    }
done:
    if (!*st && result) {
        const conflict_buf *r = result == 2 ? &ck : &firstk;
        conflict_buf_put(out, r->p, r->len);
    }
    conflict_buf_free(&fb);
    conflict_buf_free(&ck);
    conflict_buf_free(&firstk);
    return *st ? 0 : result != 0;
}

conflict_status conflict_name_key_gazetteer(const char *s, size_t n, conflict_buf *out,
                                            conflict_error *err) {
    conflict_buf k;
    conflict_buf_init(&k, out->a ? out->a : &conflict_default_allocator, 0);
    conflict_status st = conflict_name_key(s, n, &k, err);
    if (!st && k.failed) st = CONFLICT_NOMEM;
    if (!st && !canonical_key(s, n, &k, out, &st) && !st) conflict_buf_put(out, k.p, k.len);
    conflict_buf_free(&k);
    if (st) return st;
    return out->failed ? (conflict_status)out->failed : CONFLICT_OK;
}

conflict_status conflict_name_similarity_gazetteer(const char *a, size_t na, const char *b,
                                                   size_t nb, const conflict_allocator *al,
                                                   double *score, conflict_error *err) {
    conflict_status st = conflict_name_similarity(a, na, b, nb, al, score, err);
    if (st || *score >= 1.0) return st;
    if (!al) al = &conflict_default_allocator;
    conflict_buf ka, kb;
    conflict_buf_init(&ka, al, 0);
    conflict_buf_init(&kb, al, 0);
    st = conflict_name_key_gazetteer(a, na, &ka, err);
    if (!st) st = conflict_name_key_gazetteer(b, nb, &kb, err);
    if (!st && ka.len == kb.len && (ka.len == 0 || memcmp(ka.p, kb.p, ka.len) == 0)) *score = 1.0;
    conflict_buf_free(&ka);
    conflict_buf_free(&kb);
    return st;
}

conflict_status conflict_name_options(const char *opt, size_t nopt, int *gazetteer,
                                      conflict_error *err) {
    static const char *const allowed[] = {"gazetteer", NULL};
    *gazetteer = 1;
    if (!opt) return CONFLICT_OK;
    conflict_options o;
    memset(&o, 0, sizeof o);
    conflict_status st = conflict_options_parse(opt, nopt, allowed, &o, err);
    if (st) return st;
    const conflict_option *g = conflict_options_get(&o, "gazetteer");
    if (g && g->type != CONFLICT_T_NULL) {
        if (g->type != CONFLICT_T_BOOL)
            return conflict_set_error(err, CONFLICT_BAD_OPTIONS,
                                      "option \"gazetteer\" must be true or false");
        *gazetteer = g->num != 0;
    }
    return CONFLICT_OK;
}
