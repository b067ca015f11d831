/*
 * User places: a per-connection overlay on the embedded gazetteer. Rows are
 * validated and copied; every name and alias is keyed with
 * conflict_name_key(), like the gazetteer, and the index is a sorted array
 * of (hash, row) searched by bisection.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gazetteer.h"
#include "internal.h"
#include "places_internal.h"

typedef struct {
    char *name;
    char *admin1_name;
    char cc[3];
    int country, kind, admin1, has_coords;
    double lat, lon;
    int64_t geonameid;
    long gaz_index;
} user_place;

typedef struct {
    uint64_t hash;
    size_t row;
} user_key;

struct conflict_user_places {
    const conflict_allocator *a;
    user_place *rows;
    size_t n, cap;
    user_key *keys;
    size_t nkeys, capkeys;
    uint64_t *gids; /* (geonameid << 32 | gazetteer row), sorted; built on demand */
    size_t ngids;
    size_t max_words; /* in the longest name */
};

conflict_status conflict_user_places_new(const conflict_allocator *a, conflict_user_places **out) {
    conflict_user_places *u = conflict_malloc(a, sizeof *u);
    *out = u;
    if (!u) return CONFLICT_NOMEM;
    memset(u, 0, sizeof *u);
    u->a = a;
    return CONFLICT_OK;
}

void conflict_user_places_free(conflict_user_places *u) {
    if (!u) return;
    for (size_t i = 0; i < u->n; i++) {
        conflict_free(u->a, u->rows[i].name);
        conflict_free(u->a, u->rows[i].admin1_name);
    }
    conflict_free(u->a, u->rows);
    conflict_free(u->a, u->keys);
    conflict_free(u->a, u->gids);
    conflict_free(u->a, u);
}

size_t conflict_user_places_count(const conflict_user_places *u) { return u ? u->n : 0; }

size_t conflict_user_places_max_words(const conflict_user_places *u) { return u ? u->max_words : 0; }

static char *dup(const conflict_allocator *a, const char *s, size_t n) {
    char *p = conflict_malloc(a, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = 0;
    return p;
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static long find_gid(conflict_user_places *u, const conflict_engine *e, int64_t gid) {
    if (gid <= 0 || gid > 0xFFFFFFFF) return -1;
    if (!u->gids) {
        size_t n = conflict_gaz_nplaces(e), k = 0;
        u->gids = conflict_malloc(u->a, (n ? n : 1) * sizeof *u->gids);
        if (!u->gids) return -2;
        for (size_t i = 0; i < n; i++) {
            uint32_t g = conflict_gaz_geonameid(e, i);
            if (g) u->gids[k++] = (uint64_t)g << 32 | (uint64_t)i;
        }
        qsort(u->gids, k, sizeof *u->gids, cmp_u64);
        u->ngids = k;
    }
    size_t lo = 0, hi = u->ngids;
    uint64_t want = (uint64_t)gid << 32;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (u->gids[mid] < want) lo = mid + 1;
        else hi = mid;
    }
    if (lo < u->ngids && (u->gids[lo] >> 32) == (uint64_t)gid) return (long)(u->gids[lo] & 0xFFFFFFFF);
    return -1;
}

static conflict_status add_key(conflict_user_places *u, const char *s, size_t n, size_t row,
                               conflict_error *err) {
    while (n && s[0] == ' ') s++, n--;
    while (n && s[n - 1] == ' ') n--;
    if (!n) return CONFLICT_OK;
    conflict_tokens tk;
    conflict_status st = conflict_tokenize(s, n, u->a, &tk);
    if (st) return st;
    if (tk.n > u->max_words) u->max_words = tk.n;
    conflict_tokens_free(&tk);
    conflict_buf kb;
    conflict_buf_init(&kb, u->a, 0);
    st = conflict_name_key(s, n, &kb, err);
    if (!st && kb.len >= 1) {
        uint64_t h = gaz_hash(kb.p, kb.len);
        int dupkey = 0;
        for (size_t i = u->nkeys; i-- > 0 && u->keys[i].row == row;)
            if (u->keys[i].hash == h) dupkey = 1;
        if (!dupkey) {
            if (u->nkeys == u->capkeys) {
                size_t cap = u->capkeys ? u->capkeys * 2 : 64;
                user_key *k = conflict_realloc(u->a, u->keys, cap * sizeof *k);
                if (!k) st = CONFLICT_NOMEM;
                else u->keys = k, u->capkeys = cap;
            }
            if (!st) u->keys[u->nkeys++] = (user_key){h, row};
        }
    }
    conflict_buf_free(&kb);
    return st;
}

conflict_status conflict_user_places_add(conflict_user_places *u, const conflict_engine *e,
                                         const conflict_user_place_row *r, conflict_error *err) {
    if (!r->name || !r->name_len)
        return conflict_set_error(err, CONFLICT_ERROR, "a place has no name");
    if (conflict_utf8_check(r->name, r->name_len, err) ||
        (r->aliases && conflict_utf8_check(r->aliases, r->aliases_len, err)) ||
        (r->admin1 && conflict_utf8_check(r->admin1, r->admin1_len, err)))
        return conflict_set_error(err, CONFLICT_BAD_UTF8, "invalid UTF-8 in a place");
    user_place p;
    memset(&p, 0, sizeof p);
    p.gaz_index = -1;
    p.kind = GAZ_CITY;
    if (r->kind && r->kind_len) {
        p.kind = -1;
        for (int k = 0; k < GAZ_NKINDS; k++)
            if (strlen(conflict_place_kinds[k]) == r->kind_len &&
                !memcmp(conflict_place_kinds[k], r->kind, r->kind_len))
                p.kind = k;
        if (p.kind < 0)
            return conflict_set_error(err, CONFLICT_ERROR,
                                      "unknown kind \"%.*s\" for \"%.*s\"",
                                      (int)(r->kind_len > 20 ? 20 : r->kind_len), r->kind,
                                      (int)(r->name_len > 40 ? 40 : r->name_len), r->name);
    }
    if (r->country && r->country_len) {
        if (r->country_len != 2)
            return conflict_set_error(err, CONFLICT_ERROR,
                                      "country of \"%.*s\" must be an ISO 3166-1 alpha-2 code",
                                      (int)(r->name_len > 40 ? 40 : r->name_len), r->name);
        p.cc[0] = (char)(r->country[0] & ~0x20);
        p.cc[1] = (char)(r->country[1] & ~0x20);
        p.country = conflict_gaz_country_index(e, p.cc);
    }
    if (r->has_coords) {
        if (!(r->lat >= -90 && r->lat <= 90) || !(r->lon >= -180 && r->lon <= 180))
            return conflict_set_error(err, CONFLICT_ERROR, "coordinates of \"%.*s\" out of range",
                                      (int)(r->name_len > 40 ? 40 : r->name_len), r->name);
        p.has_coords = 1;
        p.lat = r->lat;
        p.lon = r->lon;
    }
    p.geonameid = r->geonameid;
    if (!p.has_coords) {
        if (r->geonameid <= 0)
            return conflict_set_error(err, CONFLICT_ERROR,
                                      "\"%.*s\" needs lat and lon, or the geonameid of a "
                                      "gazetteer place",
                                      (int)(r->name_len > 40 ? 40 : r->name_len), r->name);
        p.gaz_index = find_gid(u, e, r->geonameid);
        if (p.gaz_index == -2) return CONFLICT_NOMEM;
        if (p.gaz_index < 0)
            return conflict_set_error(err, CONFLICT_ERROR,
                                      "geonameid %lld of \"%.*s\" is not in the gazetteer; "
                                      "give lat and lon",
                                      (long long)r->geonameid,
                                      (int)(r->name_len > 40 ? 40 : r->name_len), r->name);
    }
    if (r->admin1 && r->admin1_len) {
        p.admin1 = conflict_gaz_admin1_by_name(e, p.country, r->admin1, r->admin1_len);
        if (!p.admin1 && !(p.admin1_name = dup(u->a, r->admin1, r->admin1_len)))
            return CONFLICT_NOMEM;
    }
    if (!(p.name = dup(u->a, r->name, r->name_len))) {
        conflict_free(u->a, p.admin1_name);
        return CONFLICT_NOMEM;
    }
    if (u->n == u->cap) {
        size_t cap = u->cap ? u->cap * 2 : 32;
        user_place *v = conflict_realloc(u->a, u->rows, cap * sizeof *v);
        if (!v) {
            conflict_free(u->a, p.name);
            conflict_free(u->a, p.admin1_name);
            return CONFLICT_NOMEM;
        }
        u->rows = v;
        u->cap = cap;
    }
    size_t row = u->n;
    u->rows[u->n++] = p;
    conflict_status st = add_key(u, r->name, r->name_len, row, err);
    const char *s = r->aliases;
    size_t left = r->aliases ? r->aliases_len : 0;
    while (!st && left) {
        const char *bar = memchr(s, '|', left);
        size_t len = bar ? (size_t)(bar - s) : left;
        st = add_key(u, s, len, row, err);
        if (!bar) break;
        left -= len + 1;
        s = bar + 1;
    }
    return st;
}

static int cmp_key(const void *a, const void *b) {
    const user_key *x = a, *y = b;
    if (x->hash != y->hash) return x->hash < y->hash ? -1 : 1;
    return x->row < y->row ? -1 : x->row > y->row;
}

conflict_status conflict_user_places_finish(conflict_user_places *u) {
    qsort(u->keys, u->nkeys, sizeof *u->keys, cmp_key);
    conflict_free(u->a, u->gids);
    u->gids = NULL;
    u->ngids = 0;
    return CONFLICT_OK;
}

size_t conflict_user_places_lookup(const conflict_user_places *u, uint64_t h, size_t *idx,
                                   size_t max) {
    if (!u || !u->nkeys) return 0;
    size_t lo = 0, hi = u->nkeys;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (u->keys[mid].hash < h) lo = mid + 1;
        else hi = mid;
    }
    size_t k = 0;
    for (size_t i = lo; i < u->nkeys && u->keys[i].hash == h; i++, k++)
        if (idx && k < max) idx[k] = u->keys[i].row;
    return k;
}

void conflict_user_places_get(const conflict_user_places *u, size_t i,
                              conflict_user_place_view *v) {
    const user_place *p = &u->rows[i];
    memset(v, 0, sizeof *v);
    v->name = p->name;
    memcpy(v->cc, p->cc, 3);
    v->country = p->country;
    v->kind = p->kind;
    v->admin1 = p->admin1;
    v->admin1_name = p->admin1_name;
    v->has_coords = p->has_coords;
    v->lat = p->lat;
    v->lon = p->lon;
    v->geonameid = p->geonameid;
    v->gaz_index = p->gaz_index;
}
