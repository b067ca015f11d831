/*
 * gazpack: compiles data/places.tsv.gz into the binary gazetteer blob that
 * the extension embeds (layout in ext/core/gazetteer.h).
 *
 *   gazpack places.tsv.gz common_words.txt lexicon.txt.gz out.bin "sources text"
 *
 * It is linked with the core archive, so names are keyed by the very
 * conflict_name_key() the extension calls at query time: the index and the
 * lookups always agree. The output depends only on the inputs (no dates, no
 * addresses), so two builds give the same bytes.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conflict.h"
#include "gazetteer.h"

static void die(const char *msg, const char *arg) {
    fprintf(stderr, "gazpack: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    exit(1);
}

static void *xrealloc(void *p, size_t n) {
    void *q = realloc(p, n ? n : 1);
    if (!q) die("out of memory", NULL);
    return q;
}

/* ---- growable byte pool with de-duplicated strings ------------------------ */

typedef struct {
    char *p;
    size_t len, cap;
    uint32_t *ht; /* offsets + 1 */
    size_t htcap, count;
} pool;

static uint32_t pool_raw(pool *sp, const char *s, size_t n) {
    if (sp->len + n + 1 > sp->cap) {
        while (sp->len + n + 1 > sp->cap) sp->cap = sp->cap ? sp->cap * 2 : 1 << 20;
        sp->p = xrealloc(sp->p, sp->cap);
    }
    uint32_t off = (uint32_t)sp->len;
    memcpy(sp->p + sp->len, s, n);
    sp->p[sp->len + n] = 0;
    sp->len += n + 1;
    return off;
}

static uint32_t pool_str(pool *sp, const char *s, size_t n) {
    if (sp->count * 2 >= sp->htcap) {
        size_t ncap = sp->htcap ? sp->htcap * 2 : 1 << 16;
        uint32_t *nh = calloc(ncap, sizeof *nh);
        if (!nh) die("out of memory", NULL);
        for (size_t i = 0; i < sp->htcap; i++) {
            if (!sp->ht[i]) continue;
            const char *t = sp->p + sp->ht[i] - 1;
            size_t j = gaz_hash(t, strlen(t)) & (ncap - 1);
            while (nh[j]) j = (j + 1) & (ncap - 1);
            nh[j] = sp->ht[i];
        }
        free(sp->ht);
        sp->ht = nh;
        sp->htcap = ncap;
    }
    size_t j = gaz_hash(s, n) & (sp->htcap - 1);
    while (sp->ht[j]) {
        const char *t = sp->p + sp->ht[j] - 1;
        if (strlen(t) == n && !memcmp(t, s, n)) return sp->ht[j] - 1;
        j = (j + 1) & (sp->htcap - 1);
    }
    uint32_t off = pool_raw(sp, s, n);
    sp->ht[j] = off + 1;
    sp->count++;
    return off;
}

/* ---- rows ---------------------------------------------------------------- */

typedef struct {
    gaz_place p;
    int kind, pop;
    double people;
    uint32_t name;
    char admin1_key[24];
    char cc[3];
    char *names; /* main name then aliases, '|'-separated (owned) */
} row;

typedef struct {
    uint64_t hash;
    uint32_t place;
    uint8_t flags;
    uint8_t vowels; /* GAZ_V_* of the names that gave this key */
    uint16_t rank;  /* lower = better */
} entry;

static int cmp_entry(const void *a, const void *b) {
    const entry *x = a, *y = b;
    if (x->hash != y->hash) return x->hash < y->hash ? -1 : 1;
    if (x->rank != y->rank) return x->rank < y->rank ? -1 : 1;
    if (x->place != y->place) return x->place < y->place ? -1 : 1;
    return (int)y->flags - (int)x->flags;
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static uint32_t posting(const entry *e) {
    return e->place | (uint32_t)(e->flags & 7u) << 22 | (uint32_t)(e->vowels & 15u) << 25;
}

static int cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static int kind_of(const char *s) {
    static const char *const k[GAZ_NKINDS] = {"country", "admin1", "admin2",
                                              "region",  "city",   "other"};
    for (int i = 0; i < GAZ_NKINDS; i++)
        if (!strcmp(s, k[i])) return i;
    return -1;
}

/* Splits a line on tabs in place; returns the field count. */
static int split_tabs(char *line, char **f, int max) {
    int n = 0;
    f[n++] = line;
    for (char *c = line; *c && n < max; c++)
        if (*c == '\t') {
            *c = 0;
            f[n++] = c + 1;
        }
    return n;
}

static int col_index(char **hdr, int nh, const char *name) {
    for (int i = 0; i < nh; i++)
        if (!strcmp(hdr[i], name)) return i;
    die("missing column", name);
    return -1;
}

static int is_abbreviation(const char *s, size_t n) {
    size_t letters = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') letters++;
        else if (c != '.') return 0;
    }
    return letters >= 2 && letters <= 4;
}

static int is_ascii(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80) return 0;
    return 1;
}

/* A literal name: the places bearing one fingerprint are listed best first, so
 * that a reader taking the first few of a common name (Veracruz, San Juan) gets
 * the prominent ones. */
typedef struct {
    uint32_t fp;
    uint16_t rank;
    uint8_t main; /* the name is the place's main name */
    uint32_t place;
} xentry;

/* The other spelling of a name's leading "Saint", "Sainte", "St", "Ste" (St. James
 * is Saint James, Saint-Marc St-Marc), or 0: the rest is copied after it into out. */
static size_t saint_form(const char *s, size_t n, char *out, size_t cap) {
    static const char *const pairs[][2] = {{"Saint", "St"}, {"Sainte", "Ste"}, {"St.", "Saint"},
                                           {"St", "Saint"},  {"Ste.", "Sainte"}, {"Ste", "Sainte"}};
    for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++) {
        size_t lp = strlen(pairs[k][0]), lr = strlen(pairs[k][1]);
        if (n <= lp + 1 || memcmp(s, pairs[k][0], lp) || (s[lp] != ' ' && s[lp] != '-')) continue;
        if (lr + n - lp > cap) return 0;
        memcpy(out, pairs[k][1], lr);
        memcpy(out + lr, s + lp, n - lp);
        return lr + n - lp;
    }
    return 0;
}

/* names ('|'-separated) with the other form of each leading "Saint" appended:
 * GeoNames writes St. James (Jamaica) where the news write Saint James. */
static char *with_saint_forms(char *names) {
    size_t len = strlen(names), cap = 2 * len + 2, at = len;
    char *out = NULL;
    for (const char *s = names; s;) {
        const char *bar = strchr(s, '|');
        size_t n = bar ? (size_t)(bar - s) : strlen(s);
        char form[512];
        size_t m = saint_form(s, n, form, sizeof form);
        if (m) {
            if (!out) {
                out = xrealloc(NULL, cap);
                memcpy(out, names, len);
            }
            while (at + 1 + m + 1 > cap) {
                cap *= 2;
                out = xrealloc(out, cap);
            }
            out[at++] = '|';
            memcpy(out + at, form, m);
            at += m;
        }
        s = bar ? bar + 1 : NULL;
    }
    if (!out) return names;
    out[at] = 0;
    free(names);
    return out;
}

static int cmp_xentry(const void *a, const void *b) {
    const xentry *x = a, *y = b;
    if (x->fp != y->fp) return x->fp < y->fp ? -1 : 1;
    if (x->rank != y->rank) return x->rank < y->rank ? -1 : 1;
    return x->place < y->place ? -1 : x->place > y->place;
}

/* Static rank of a place among homonyms: bigger divisions, capitals and
 * populous places first. Used only to order postings. */
static uint16_t static_rank(const row *p, const char *feature) {
    int k = p->kind == GAZ_COUNTRY ? 0 : p->kind == GAZ_ADMIN1 ? 1 : 2;
    int f = 0;
    if (!strcmp(feature, "PPLC")) f = 3;
    else if (!strcmp(feature, "PPLA")) f = 2;
    else if (!strcmp(feature, "PPLA2")) f = 1;
    return (uint16_t)(k * 2000 + (3 - f) * 300 + (255 - p->pop));
}

static int fold_of(const char *s, size_t n, conflict_buf *b) {
    conflict_error err = {0};
    conflict_buf_reset(b);
    if (conflict_normalize_name(s, n, b, &err)) return 0;
    b->len = gaz_fold(b->p, b->len);
    return b->len > 0;
}

static int key_of(const char *s, size_t n, conflict_buf *b) {
    conflict_error err = {0};
    conflict_buf_reset(b);
    if (conflict_name_key(s, n, b, &err)) return 0;
    return b->len > 0;
}

/* Records in starts[] how many words a text span that starts with the name's first
 * words glued into one can have: a name of m words whose first p words the text
 * writes as one word (Mirpurkhas for Mirpur Khas, Holubivske for Holubivs'ke) is
 * a span of m - p + 1 words. */
static void note_start(uint8_t *starts, uint32_t bits, uint64_t *pairs, uint64_t pair_mask,
                       const char *s, size_t n, conflict_tokens *tk, conflict_buf *kb) {
    if (conflict_tokenize(s, n, &conflict_default_allocator, tk)) die("out of memory", NULL);
    size_t m = tk->n;
    for (size_t p = 1; p <= m; p++) {
        conflict_error err = {0};
        conflict_buf_reset(kb);
        size_t end = tk->v[p - 1].start + tk->v[p - 1].len;
        if (conflict_name_key(s + tk->v[0].start, end - tk->v[0].start, kb, &err))
            die("name_key failed", s);
        uint64_t first = gaz_hash(kb->p ? kb->p : "", kb->len);
        uint8_t *slot = &starts[first >> (64 - bits)];
        size_t words = m - p + 1 < 255 ? m - p + 1 : 255;
        if (*slot < words) *slot = (uint8_t)words;
        if (p == m) continue;
        /* the first p words glued, then the next word, or all the others glued
         * (Khutir Vilny for Khutor Vol'nyy) */
        for (size_t last = p + 1; last <= m; last += m - p > 1 ? m - p - 1 : 1) {
            conflict_buf_reset(kb);
            size_t b0 = tk->v[p].start, b1 = tk->v[last - 1].start + tk->v[last - 1].len;
            if (conflict_name_key(s + b0, b1 - b0, kb, &err)) die("name_key failed", s);
            uint64_t h = gaz_pair_hash(first, gaz_hash(kb->p ? kb->p : "", kb->len));
            uint64_t a = h & pair_mask, b = (h >> 30) & pair_mask;
            pairs[a >> 6] |= 1ull << (a & 63);
            pairs[b >> 6] |= 1ull << (b & 63);
        }
    }
}

/* ---- divisions that are their capital city ------------------------------------ */

static double distance_km(const gaz_place *a, const gaz_place *b) {
    const double rad = 3.14159265358979323846 / 180 / 1e5;
    double la1 = a->lat * rad, la2 = b->lat * rad, dlo = (b->lon - a->lon) * rad;
    double h = sin((la2 - la1) / 2) * sin((la2 - la1) / 2) +
               cos(la1) * cos(la2) * sin(dlo / 2) * sin(dlo / 2);
    return 12742.0 * asin(sqrt(h > 1 ? 1 : h));
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Whether one of the '|'-separated names of r has a name key in keys[0..n). */
static int shares_key(const row *r, const uint64_t *keys, size_t n, conflict_buf *kb) {
    for (const char *s = r->names; *s;) {
        const char *e = strchr(s, '|');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        if (key_of(s, len, kb)) {
            uint64_t h = gaz_hash(kb->p, kb->len);
            for (size_t i = 0; i < n; i++)
                if (keys[i] == h) return 1;
        }
        s += len + (e != NULL);
    }
    return 0;
}

/* Flags GAZ_ADMIN1_CITY on the first-level divisions that are in effect their
 * capital (Delhi, Beirut, Tripoli, Kyiv, Mexico City): a capital of 250,000
 * people or more bears the division's name, and the division's known places lie
 * within the city's reach, 25 km x sqrt(millions of people) and at most 40 km
 * (all of them when fewer than ten are known, nine in ten otherwise; one known
 * place tells nothing). Bare "Delhi" is then the division, as GeoNames and ACLED
 * code it, at the city's point (the division's own may be a centroid). Dhaka
 * Division, Baghdad, Kabul and Aleppo governorates reach beyond their city. */
static void mark_city_divisions(row *rows, size_t nrows, uint32_t *admin1, size_t nadmin1,
                                const gaz_feature *features) {
    /* the places of each division, grouped by a counting sort */
    size_t *first = calloc(nadmin1 + 2, sizeof *first), *member = malloc(nrows * sizeof *member);
    double *dist = malloc(nrows * sizeof *dist);
    uint64_t *keys = NULL;
    if (!first || !member || !dist) die("out of memory", NULL);
    for (size_t i = 0; i < nrows; i++)
        if (rows[i].kind == GAZ_CITY) first[GAZ_PLACE_ADMIN1(&rows[i].p) + 1]++;
    for (size_t a = 1; a <= nadmin1 + 1; a++) first[a] += first[a - 1];
    for (size_t i = 0; i < nrows; i++)
        if (rows[i].kind == GAZ_CITY) member[first[GAZ_PLACE_ADMIN1(&rows[i].p)]++] = i;
    for (size_t a = nadmin1 + 1; a > 0; a--) first[a] = first[a - 1];
    first[0] = 0; /* members of 1-based division a: [first[a], first[a + 1]) */
    conflict_buf kb;
    conflict_buf_init(&kb, &conflict_default_allocator, 0);
    size_t flagged = 0, moved = 0;
    for (size_t a = 1; a <= nadmin1; a++) {
        size_t m0 = first[a], n = first[a + 1] - m0;
        if (n < 2) continue;
        const row *div = &rows[admin1[a - 1]];
        size_t nkeys = 0;
        for (const char *s = div->names; *s;) {
            const char *e = strchr(s, '|');
            size_t len = e ? (size_t)(e - s) : strlen(s);
            if (key_of(s, len, &kb)) {
                keys = xrealloc(keys, (nkeys + 1) * sizeof *keys);
                keys[nkeys++] = gaz_hash(kb.p, kb.len);
            }
            s += len + (e != NULL);
        }
        /* the capital bearing the division's name; else its biggest town of that name
         * (GeoNames has Mymensingh, the new division's capital, as a mere PPL) */
        const row *cap = NULL, *namesake = NULL;
        for (size_t j = 0; j < n; j++) {
            const row *r = &rows[member[m0 + j]];
            const char *f = features[GAZ_PLACE_FEATURE(&r->p)].code;
            int capital = !strcmp(f, "PPLC") || !strcmp(f, "PPLA");
            if (!(capital && !(cap && cap->people >= r->people)) &&
                !(r->people >= 10000 && !(namesake && namesake->people >= r->people)))
                continue;
            if (!shares_key(r, keys, nkeys, &kb)) continue;
            if (capital && !(cap && cap->people >= r->people)) cap = r;
            if (r->people >= 10000 && !(namesake && namesake->people >= r->people)) namesake = r;
        }
        if (!cap) cap = namesake;
        if (!cap) continue;
        /* a division named after its capital is placed at the capital, where ACLED and
         * most analysts place events known only by the division (its own point may be a
         * centroid tens of kilometres away) */
        rows[admin1[a - 1]].p.lat = cap->p.lat;
        rows[admin1[a - 1]].p.lon = cap->p.lon;
        moved++;
        const char *f = features[GAZ_PLACE_FEATURE(&cap->p)].code;
        if (cap->people < 250000 || (strcmp(f, "PPLC") && strcmp(f, "PPLA"))) continue;
        for (size_t j = 0; j < n; j++) dist[j] = distance_km(&cap->p, &rows[member[m0 + j]].p);
        qsort(dist, n, sizeof *dist, cmp_double);
        double reach = n < 10 ? dist[n - 1] : dist[(size_t)(0.9 * (double)(n - 1))];
        if (reach <= fmin(40.0, 25.0 * sqrt(cap->people / 1e6))) {
            admin1[a - 1] |= GAZ_ADMIN1_CITY;
            flagged++;
        }
    }
    fprintf(stderr, "gazpack: %zu divisions placed at their capital, %zu are their capital city\n",
            moved, flagged);
    conflict_buf_free(&kb);
    free(keys);
    free(dist);
    free(member);
    free(first);
}

int main(int argc, char **argv) {
    if (argc < 5)
        die("usage: gazpack places.tsv.gz common_words.txt lexicon.txt.gz out.bin [sources]", NULL);
    const char *in = argv[1], *words = argv[2], *lexicon = argv[3], *outp = argv[4];
    const char *sources = argc > 5 ? argv[5] : "";
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "gzip -dc '%s'", in);
    if (strchr(in, '\'')) die("bad input path", in);
    FILE *f = popen(cmd, "r");
    if (!f) die("cannot run gzip", strerror(errno));

    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    char *fld[32];
    if ((got = getline(&line, &cap, f)) <= 0) die("empty input", in);
    if (line[got - 1] == '\n') line[--got] = 0;
    char *hdrline = strdup(line);
    int nh = split_tabs(hdrline, fld, 32);
    char *hdr[32];
    memcpy(hdr, fld, sizeof hdr);
    int c_gid = col_index(hdr, nh, "geonameid"), c_kind = col_index(hdr, nh, "kind"),
        c_cc = col_index(hdr, nh, "country"), c_a1 = col_index(hdr, nh, "admin1"),
        c_lat = col_index(hdr, nh, "lat"), c_lon = col_index(hdr, nh, "lon"),
        c_pop = col_index(hdr, nh, "population"), c_feat = col_index(hdr, nh, "feature"),
        c_name = col_index(hdr, nh, "name"), c_alias = col_index(hdr, nh, "aliases");

    row *rows = NULL;
    size_t nrows = 0, caprows = 0;
    gaz_country countries[256];
    int ncountries = 0;
    gaz_feature features[GAZ_MAX_FEATURES];
    int nfeatures = 0;
    size_t nkind[GAZ_NKINDS] = {0};
    pool strings = {0};
    pool_raw(&strings, "", 0); /* offset 0 = empty string */

    while ((got = getline(&line, &cap, f)) > 0) {
        if (line[got - 1] == '\n') line[--got] = 0;
        if (!got) continue;
        int nf = split_tabs(line, fld, 32);
        if (nf < nh) die("short row", line);
        int kind = kind_of(fld[c_kind]);
        if (kind < 0) die("unknown kind", fld[c_kind]);
        if (nrows == caprows) {
            caprows = caprows ? caprows * 2 : 1 << 16;
            rows = xrealloc(rows, caprows * sizeof *rows);
        }
        row *r = &rows[nrows];
        memset(r, 0, sizeof *r);
        r->kind = kind;
        nkind[kind]++;
        r->p.geonameid = (uint32_t)strtoul(fld[c_gid], NULL, 10);
        r->p.lat = (int32_t)lround(strtod(fld[c_lat], NULL) * 1e5);
        r->p.lon = (int32_t)lround(strtod(fld[c_lon], NULL) * 1e5);
        double pop = strtod(fld[c_pop], NULL);
        r->people = pop;
        double code = pop > 0 ? 10.0 * log2(pop + 1) : 0;
        r->pop = (int)(code > 255 ? 255 : lround(code));
        snprintf(r->cc, sizeof r->cc, "%s", fld[c_cc]);
        snprintf(r->admin1_key, sizeof r->admin1_key, "%s", fld[c_a1]);
        if (r->cc[0]) {
            int ci = 0;
            while (ci < ncountries && memcmp(countries[ci].cc, r->cc, 2)) ci++;
            if (ci == ncountries) {
                if (ncountries == 255) die("too many countries", NULL);
                memcpy(countries[ci].cc, r->cc, 2);
                countries[ci].flags = 0;
                countries[ci].place = UINT32_MAX;
                ncountries++;
            }
            r->p.attrs |= (uint32_t)(ci + 1) << 24;
            if (kind == GAZ_COUNTRY) countries[ci].place = (uint32_t)nrows;
            if (kind == GAZ_ADMIN2) countries[ci].flags |= GAZ_COUNTRY_ADMIN2;
        }
        int fi = 0;
        while (fi < nfeatures && strncmp(features[fi].code, fld[c_feat], 16)) fi++;
        if (fi == nfeatures) {
            if (nfeatures == GAZ_MAX_FEATURES) die("too many feature codes", NULL);
            memset(&features[fi], 0, sizeof features[fi]);
            strncpy(features[fi].code, fld[c_feat], 15);
            nfeatures++;
        }
        r->p.attrs |= (uint32_t)kind << 13 | (uint32_t)fi << 16;
        r->name = pool_str(&strings, fld[c_name], strlen(fld[c_name]));
        if (r->name > 0xFFFFFFu) die("string pool over 16 MB", NULL);
        r->p.name_pop = r->name | (uint32_t)r->pop << 24;
        size_t ln = strlen(fld[c_name]), la = strlen(fld[c_alias]);
        r->names = malloc(ln + la + 2);
        if (!r->names) die("out of memory", NULL);
        memcpy(r->names, fld[c_name], ln);
        r->names[ln] = 0;
        if (la) {
            r->names[ln] = '|';
            memcpy(r->names + ln + 1, fld[c_alias], la + 1);
        }
        r->names = with_saint_forms(r->names);
        nrows++;
    }
    if (pclose(f) != 0) die("gzip failed on", in);
    if (nrows >= GAZ_MAX_PLACES) die("too many rows", NULL);

    /* admin1 index: rows of kind admin1, by their CC.code key */
    uint32_t *admin1 = NULL;
    size_t nadmin1 = 0;
    for (size_t i = 0; i < nrows; i++)
        if (rows[i].kind == GAZ_ADMIN1) {
            admin1 = xrealloc(admin1, (nadmin1 + 1) * sizeof *admin1);
            admin1[nadmin1++] = (uint32_t)i;
        }
    if (nadmin1 >= GAZ_MAX_ADMIN1) die("too many admin1 rows", NULL);
    for (size_t i = 0; i < nrows; i++) {
        if (!rows[i].admin1_key[0]) continue;
        /* linear scan per distinct key would be slow: rows come grouped, cache the last */
        static size_t last = 0;
        size_t a = last;
        if (!(a < nadmin1 && !strcmp(rows[admin1[a]].admin1_key, rows[i].admin1_key))) {
            for (a = 0; a < nadmin1; a++)
                if (!strcmp(rows[admin1[a]].admin1_key, rows[i].admin1_key)) break;
        }
        if (a < nadmin1) {
            rows[i].p.attrs |= (uint32_t)(a + 1);
            last = a;
        }
    }

    mark_city_divisions(rows, nrows, admin1, nadmin1, features);

    /* common words */
    conflict_buf kb;
    conflict_buf_init(&kb, &conflict_default_allocator, 0);
    uint64_t *common = NULL;
    size_t ncommon = 0;
    FILE *w = fopen(words, "r");
    if (!w) die("cannot open", words);
    while ((got = getline(&line, &cap, w)) > 0) {
        while (got && (line[got - 1] == '\n' || line[got - 1] == '\r')) line[--got] = 0;
        if (!got || line[0] == '#') continue;
        if (!key_of(line, (size_t)got, &kb)) continue;
        common = xrealloc(common, (ncommon + 1) * sizeof *common);
        common[ncommon++] = gaz_hash(kb.p, kb.len);
    }
    fclose(w);

    /* lexicon fingerprints */
    uint32_t *wfp = NULL;
    size_t nw = 0, capw = 0;
    snprintf(cmd, sizeof cmd, "gzip -dc '%s'", lexicon);
    if (strchr(lexicon, '\'')) die("bad input path", lexicon);
    FILE *lx = popen(cmd, "r");
    if (!lx) die("cannot run gzip", strerror(errno));
    {
        conflict_buf lb;
        conflict_buf_init(&lb, &conflict_default_allocator, 0);
        while ((got = getline(&line, &cap, lx)) > 0) {
            while (got && (line[got - 1] == '\n' || line[got - 1] == '\r')) line[--got] = 0;
            if (!got) continue;
            if (!fold_of(line, (size_t)got, &lb)) continue;
            if (nw == capw) {
                capw = capw ? capw * 2 : 1 << 16;
                wfp = xrealloc(wfp, capw * sizeof *wfp);
            }
            uint64_t wh = gaz_hash(lb.p, lb.len);
            if (line[0] >= 'A' && line[0] <= 'Z') wh ^= GAZ_PROPER_SALT; /* a proper noun */
            wfp[nw++] = gaz_word_fp(wh);
        }
        conflict_buf_free(&lb);
    }
    if (pclose(lx) != 0) die("gzip failed on", lexicon);
    qsort(wfp, nw, sizeof *wfp, cmp_u32);
    {
        size_t k = 0;
        for (size_t i = 0; i < nw; i++)
            if (!k || wfp[k - 1] != wfp[i]) wfp[k++] = wfp[i];
        nw = k;
    }

    /* starts[]: the longest name, in words, behind each first-word key */
    const uint32_t startbits = 21;
    uint8_t *starts = calloc((size_t)1 << startbits, 1);
    conflict_tokens tk;
    memset(&tk, 0, sizeof tk);
    conflict_buf sb;
    conflict_buf_init(&sb, &conflict_default_allocator, 0);
    const uint32_t pairbits = 24;
    const uint64_t pair_mask = ((uint64_t)1 << pairbits) - 1;
    uint64_t *pairs = calloc(((size_t)1 << pairbits) / 64, sizeof *pairs);
    if (!starts || !pairs) die("out of memory", NULL);

    /* postings: one entry per (key, place); exact-name fingerprints */
    conflict_buf fb;
    conflict_buf_init(&fb, &conflict_default_allocator, 0);
    xentry *exact = NULL;
    size_t nexact = 0, capexact = 0;
    entry *ents = NULL;
    size_t nents = 0, capents = 0, nnames = 0;
    for (size_t i = 0; i < nrows; i++) {
        row *r = &rows[i];
        const char *feat = features[GAZ_PLACE_FEATURE(&r->p)].code;
        uint16_t rank = static_rank(r, feat);
        size_t first = nents;
        char *s = r->names;
        int main_name = 1;
        while (s) {
            char *bar = strchr(s, '|');
            size_t n = bar ? (size_t)(bar - s) : strlen(s);
            uint8_t fl = main_name ? GAZ_NAME_MAIN : 0;
            int keep = n > 0;
            if (keep && is_abbreviation(s, n)) {
                fl |= GAZ_NAME_ABBR;
                keep = r->kind == GAZ_COUNTRY;
            }
            if (keep && is_ascii(s, n)) fl |= GAZ_NAME_ASCII;
            if (keep && fold_of(s, n, &fb)) {
                if (nexact == capexact) {
                    capexact = capexact ? capexact * 2 : 1 << 20;
                    exact = xrealloc(exact, capexact * sizeof *exact);
                }
                exact[nexact++] =
                    (xentry){gaz_word_fp(gaz_hash(fb.p, fb.len)), rank, (uint8_t)main_name, (uint32_t)i};
            }
            if (keep && key_of(s, n, &kb) && kb.len >= 1) {
                note_start(starts, startbits, pairs, pair_mask, s, n, &tk, &sb);
                nnames++;
                uint64_t h = gaz_hash(kb.p, kb.len);
                uint8_t v = (uint8_t)gaz_first_vowel(s, n);
                size_t k = first;
                while (k < nents && ents[k].hash != h) k++;
                if (k < nents) {
                    ents[k].flags |= fl & GAZ_NAME_MAIN;
                    if (!(fl & GAZ_NAME_ABBR)) ents[k].flags &= (uint8_t)~GAZ_NAME_ABBR;
                    ents[k].flags |= fl & GAZ_NAME_ASCII;
                    ents[k].vowels |= v;
                } else {
                    if (nents == capents) {
                        capents = capents ? capents * 2 : 1 << 20;
                        ents = xrealloc(ents, capents * sizeof *ents);
                    }
                    ents[nents++] = (entry){h, (uint32_t)i, fl, v, rank};
                }
            }
            main_name = 0;
            s = bar ? bar + 1 : NULL;
        }
    }
    qsort(ents, nents, sizeof *ents, cmp_entry);
    qsort(exact, nexact, sizeof *exact, cmp_xentry);
    {
        size_t k = 0;
        for (size_t i = 0; i < nexact; i++)
            if (!k || exact[k - 1].fp != exact[i].fp || exact[k - 1].place != exact[i].place)
                exact[k++] = exact[i];
            else
                exact[k - 1].main |= exact[i].main; /* an alias folded like the main name */
        nexact = k;
    }
    size_t nkeys = 0;
    for (size_t i = 0; i < nents; i++)
        if (!i || ents[i].hash != ents[i - 1].hash) nkeys++;

    qsort(common, ncommon, sizeof *common, cmp_u64);
    /* key table: 2^dirbits buckets of 8 slots, 6 keys per bucket or fewer (a 4 MB
     * table: twice the size has more TLB and cache misses, and is no faster) */
    uint32_t dirbits = 1;
    while (((size_t)6 << dirbits) < nkeys) dirbits++;
    size_t nhome = (size_t)8 << dirbits, nkslots = nhome + 8;
    gaz_key *keys = calloc(nhome + nkeys + 8, sizeof *keys); /* room for any spill */
    uint32_t *post = malloc((nents + nkeys + 1) * sizeof *post);
    if (!keys || !post) die("out of memory", NULL);
    size_t npost = 1, nk = 0, tag_clashes = 0, ninline = 0, ncommon_keys = 0, spilled = 0;
    size_t next_free = 0, bstart = 0;
    uint32_t cur_bucket = 0;
    post[0] = 0; /* a list value is never 0: 0 marks an empty key slot */
    for (size_t i = 0; i < nents;) {
        size_t j = i;
        while (j < nents && ents[j].hash == ents[i].hash) j++;
        uint64_t h = ents[i].hash;
        uint32_t common_flag = 0;
        if (ncommon && bsearch(&h, common, ncommon, sizeof *common, cmp_u64))
            common_flag = GAZ_KEY_COMMON, ncommon_keys++;
        size_t cnt = j - i;
        uint32_t val;
        if (cnt == 1) {
            val = GAZ_INLINE | posting(&ents[i]);
            ninline++;
        } else {
            val = (uint32_t)npost;
            post[npost++] = (uint32_t)cnt;
            for (size_t k = i; k < j; k++) post[npost++] = posting(&ents[k]);
        }
        uint32_t b = (uint32_t)(h >> (64 - dirbits));
        size_t home = (size_t)b << 3;
        /* keys come in hash order, so homes never decrease: the first free slot
         * from the home is the home or the slot after the last key */
        size_t at = home > next_free ? home : next_free;
        if (at >= home + 8) spilled++;
        /* a bucket's keys are contiguous slots: the same low bits = a clash */
        if (!nk || b != cur_bucket) cur_bucket = b, bstart = at;
        for (size_t q = bstart; q < at; q++)
            if ((keys[q].lo | 1u) == ((uint32_t)h | 1u)) tag_clashes++;
        keys[at].lo = ((uint32_t)h & ~1u) | common_flag;
        keys[at].val = val;
        next_free = at + 1;
        nk++;
        i = j;
    }
    /* the tail: the spill of the last buckets, then at least one empty slot */
    if (next_free + 1 > nkslots) nkslots = next_free + 1;
    nkslots = (nkslots + 7) & ~(size_t)7;

    /* info text */
    char info[2048];
    snprintf(info, sizeof info,
             "gazetteer=rows:%zu countries:%zu admin1:%zu admin2:%zu regions:%zu cities:%zu "
             "other:%zu names:%zu keys:%zu common_word_keys:%zu lexicon_words:%zu\ngazetteer_sources=%s\n",
             nrows, nkind[GAZ_COUNTRY], nkind[GAZ_ADMIN1], nkind[GAZ_ADMIN2],
             nkind[GAZ_REGION], nkind[GAZ_CITY], nkind[GAZ_OTHER], nnames, nkeys, ncommon_keys,
             nw, sources);

    /* layout */
    gaz_header h;
    memset(&h, 0, sizeof h);
    h.magic = GAZ_MAGIC;
    h.version = GAZ_VERSION;
    h.nplaces = (uint32_t)nrows;
    h.dirbits = dirbits;
    h.npost = (uint32_t)npost;
    h.nadmin1 = (uint32_t)nadmin1;
    h.ncountries = (uint32_t)ncountries;
    h.nfeatures = (uint32_t)nfeatures;
    h.nnames = (uint32_t)nnames;
    h.nkeys = (uint32_t)nkeys;
    size_t off = sizeof h;
#define ALIGN8(x) (((x) + 7) & ~(size_t)7)
    h.off_places = (uint32_t)(off = ALIGN8(off));
    off += nrows * sizeof(gaz_place);
#define ALIGN64(x) (((x) + 63) & ~(size_t)63)
    h.off_keys = (uint32_t)(off = ALIGN64(off)); /* buckets are cache lines */
    h.nkslots = (uint32_t)nkslots;
    off += nkslots * sizeof(gaz_key);
    h.off_post = (uint32_t)(off = ALIGN8(off));
    off += npost * sizeof(uint32_t);
    h.off_admin1 = (uint32_t)(off = ALIGN8(off));
    off += nadmin1 * sizeof(uint32_t);
    h.off_countries = (uint32_t)(off = ALIGN8(off));
    off += (size_t)ncountries * sizeof(gaz_country);
    h.off_features = (uint32_t)(off = ALIGN8(off));
    off += (size_t)nfeatures * sizeof(gaz_feature);
    h.off_exact = (uint32_t)(off = ALIGN8(off));
    h.nexact = (uint32_t)nexact;
    off += 2 * nexact * sizeof(uint32_t) + ((1u << 16) + 1) * sizeof(uint32_t);
    uint32_t *xdir = calloc((1u << 16) + 1, sizeof *xdir);
    uint32_t *xfp = malloc((nexact + 1) * sizeof *xfp), *xpl = malloc((nexact + 1) * sizeof *xpl);
    if (!xdir || !xfp || !xpl) die("out of memory", NULL);
    for (size_t i = 0; i < nexact; i++) {
        xfp[i] = exact[i].fp;
        xpl[i] = exact[i].place | (exact[i].main ? GAZ_LITERAL_MAIN : 0);
    }
    for (size_t i = 0, b = 0; b <= (1u << 16); b++) {
        while (i < nexact && (xfp[i] >> 16) < b) i++;
        xdir[b] = (uint32_t)i;
    }
    h.off_words = (uint32_t)(off = ALIGN8(off));
    h.nwords = (uint32_t)nw;
    off += nw * sizeof(uint32_t) + ((1u << 16) + 1) * sizeof(uint32_t);
    uint32_t *wdir = calloc((1u << 16) + 1, sizeof *wdir);
    if (!wdir) die("out of memory", NULL);
    for (size_t i = 0, b = 0; b <= (1u << 16); b++) {
        while (i < nw && (wfp[i] >> 16) < b) i++;
        wdir[b] = (uint32_t)i;
    }
    h.off_starts = (uint32_t)(off = ALIGN64(off));
    h.startbits = startbits;
    off += (size_t)1 << startbits;
    h.off_pairs = (uint32_t)(off = ALIGN64(off));
    h.pairbits = pairbits;
    off += ((size_t)1 << pairbits) / 8;
    h.off_strings = (uint32_t)(off = ALIGN8(off));
    h.strings_size = (uint32_t)strings.len;
    off += strings.len;
    h.off_info = (uint32_t)off;
    off += strlen(info) + 1;
    size_t total = ALIGN8(off);
    if (total > 0xFFFFFFFFu) die("blob too large", NULL);
    unsigned char *blob = calloc(1, total);
    if (!blob) die("out of memory", NULL);
    memcpy(blob, &h, sizeof h);
    for (size_t i = 0; i < nrows; i++)
        memcpy(blob + h.off_places + i * sizeof(gaz_place), &rows[i].p, sizeof(gaz_place));
    memcpy(blob + h.off_keys, keys, nkslots * sizeof *keys);
    memcpy(blob + h.off_post, post, npost * sizeof *post);
    if (nadmin1) memcpy(blob + h.off_admin1, admin1, nadmin1 * sizeof *admin1);
    memcpy(blob + h.off_countries, countries, (size_t)ncountries * sizeof *countries);
    memcpy(blob + h.off_features, features, (size_t)nfeatures * sizeof *features);
    memcpy(blob + h.off_exact, xfp, nexact * sizeof *xfp);
    memcpy(blob + h.off_exact + nexact * sizeof *xfp, xpl, nexact * sizeof *xpl);
    memcpy(blob + h.off_exact + 2 * nexact * sizeof *xfp, xdir, ((1u << 16) + 1) * sizeof *xdir);
    if (nw) memcpy(blob + h.off_words, wfp, nw * sizeof *wfp);
    memcpy(blob + h.off_words + nw * sizeof *wfp, wdir, ((1u << 16) + 1) * sizeof *wdir);
    memcpy(blob + h.off_starts, starts, (size_t)1 << startbits);
    memcpy(blob + h.off_pairs, pairs, ((size_t)1 << pairbits) / 8);
    memcpy(blob + h.off_strings, strings.p, strings.len);
    memcpy(blob + h.off_info, info, strlen(info) + 1);

    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", outp);
    FILE *o = fopen(tmp, "wb");
    if (!o) die("cannot write", tmp);
    if (fwrite(blob, 1, total, o) != total || fclose(o)) die("cannot write", tmp);
    if (rename(tmp, outp)) die("cannot rename", tmp);
    fprintf(stderr,
            "gazpack: %zu rows, %zu names, %zu keys (%zu inline), 2^%u buckets (%zu keys "
            "spilled), %zu bytes, %zu hash clashes, %zu common-word keys\n",
            nrows, nnames, nkeys, ninline, dirbits, spilled, total, tag_clashes, ncommon_keys);
    return 0;
}
