/*
 * gen_dict: compiles the actor and source dictionaries into C const data.
 *
 *   gen_dict data/actors.tsv data/sources.tsv > $(OBJ)/gen/dict_data.c
 *
 * Built and run by the Makefile (never committed: the tables follow the TSV files).
 *
 * Each TSV row: name <TAB> type <TAB> country <TAB> kind <TAB> aliases
 * (aliases separated by '|'; '#' starts a comment line). See data/actors.md.
 * Aliases are tokenized and folded with the core's own tokenizer and
 * conflict_pd_fold, so build-time keys equal match-time keys. An alias
 * written "=X" matches only as written; a one-token all-capitals alias of at
 * most five letters (IS, EI, ANA, HTS) is case-sensitive by default.
 * Output: for each dictionary, an entry table, an alias table and an
 * open-addressing hash table holding every key and every key prefix.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict_data.h"

static const char *const types[] = {CONFLICT_DICT_TYPES};
static const char *const kinds[] = {CONFLICT_DICT_KINDS};

typedef struct {
    char *key, *raw;
    int entry, flags, ntok;
} alias;

typedef struct {
    char *name, *country, *also;
    int type, kind;
} entry;

typedef struct {
    char *key;
    int first, count, ntok;
    uint32_t hash;
} slot;

static char *dupn(const char *s, size_t n) {
    char *p = malloc(n + 1);
    if (!p) exit(3);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

static void *grow(void *p, size_t *cap, size_t n, size_t size) {
    if (n < *cap) return p;
    *cap = *cap ? *cap * 2 : 256;
    p = realloc(p, *cap * size);
    if (!p) exit(3);
    return p;
}

static int lookup(const char *const *v, int n, const char *s, const char *what, int line) {
    for (int i = 0; i < n; i++)
        if (strcmp(v[i], s) == 0) return i;
    fprintf(stderr, "gen_dict: line %d: unknown %s \"%s\"\n", line, what, s);
    exit(1);
}

static int cmp_alias(const void *a, const void *b) {
    const alias *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : x->entry - y->entry;
}

/* strings blob: offset 0 is "" */
static char *blob;
static size_t nblob, capblob;
static uint32_t add_string(const char *s) {
    size_t n = strlen(s) + 1;
    while (nblob + n > capblob) {
        capblob = capblob ? capblob * 2 : 4096;
        blob = realloc(blob, capblob);
        if (!blob) exit(3);
    }
    memcpy(blob + nblob, s, n);
    nblob += n;
    return (uint32_t)(nblob - n);
}

static void print_cstr(const char *s) {
    putchar('"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') printf("\\%c", c);
        else if (c < 0x20 || c >= 0x7F) printf("\\%03o", c);
        else putchar(c);
    }
    putchar('"');
}

static void compile(const char *path, const char *prefix) {
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        exit(1);
    }
    entry *ents = NULL;
    alias *als = NULL;
    size_t nents = 0, capents = 0, nals = 0, capals = 0;
    char line[8192];
    int lineno = 0;
    nblob = 0;
    add_string("");
    while (fgets(line, sizeof line, f)) {
        lineno++;
        size_t L = strlen(line);
        while (L && (line[L - 1] == '\n' || line[L - 1] == '\r')) line[--L] = 0;
        if (!L || line[0] == '#') continue;
        char *col[5] = {0};
        int nc = 0;
        char *p = line;
        while (nc < 5) {
            col[nc++] = p;
            char *t = strchr(p, '\t');
            if (!t) break;
            *t = 0;
            p = t + 1;
        }
        if (nc < 4) {
            fprintf(stderr, "%s:%d: expected name, type, country, kind, aliases\n", path, lineno);
            exit(1);
        }
        ents = grow(ents, &capents, nents, sizeof *ents);
        entry *e = &ents[nents];
        e->name = dupn(col[0], strlen(col[0]));
        e->type = lookup(types, DT_NTYPES, col[1], "type", lineno);
        /* "NG,CM,NE,TD": the group's country, then the others it fights in */
        char *comma = strchr(col[2], ',');
        e->country = dupn(col[2], comma ? (size_t)(comma - col[2]) : strlen(col[2]));
        e->also = dupn(comma ? comma + 1 : "", comma ? strlen(comma + 1) : 0);
        if (strlen(e->country) > 2) {
            fprintf(stderr, "%s:%d: country is one ISO code, then others after commas\n", path, lineno);
            exit(1);
        }
        e->kind = lookup(kinds, DK_NKINDS, col[3], "kind", lineno);
        /* aliases; named entries are their own alias */
        char *list = col[4] ? col[4] : "";
        char *names[512];
        int nn = 0;
        if (e->kind == DK_NAMED) names[nn++] = e->name;
        for (char *q = list; *q && nn < 512;) {
            char *bar = strchr(q, '|');
            size_t n = bar ? (size_t)(bar - q) : strlen(q);
            while (n && (*q == ' ')) q++, n--;
            while (n && q[n - 1] == ' ') n--;
            if (n) names[nn++] = dupn(q, n);
            if (!bar) break;
            q = bar + 1;
        }
        for (int k = 0; k < nn; k++) {
            const char *a = names[k];
            int flags = 0;
            if (*a == '=') flags |= CONFLICT_PD_CASE, a++;
            conflict_tokens tk;
            if (conflict_tokenize(a, strlen(a), NULL, &tk)) exit(3);
            if (tk.n == 0 || tk.n > CONFLICT_PD_MAXLEN) {
                fprintf(stderr, "%s:%d: bad alias \"%s\"\n", path, lineno, a);
                exit(1);
            }
            if (tk.n == 1 && (tk.v[0].flags & CONFLICT_TOK_ALLCAPS) && tk.v[0].len <= 5 &&
                !(tk.v[0].flags & CONFLICT_TOK_NONLATIN))
                flags |= CONFLICT_PD_CASE;
            char key[CONFLICT_PD_MAXLEN * (CONFLICT_PD_MAXTOK + 1)], raw[1024];
            size_t kl = 0, rl = 0;
            for (size_t i = 0; i < tk.n; i++) {
                if (i) key[kl++] = ' ', raw[rl++] = ' ';
                size_t m = conflict_pd_fold(a + tk.v[i].start, tk.v[i].len, key + kl,
                                            CONFLICT_PD_MAXTOK + 1);
                if (!m || tk.v[i].len > sizeof raw - rl - 2) {
                    fprintf(stderr, "%s:%d: token too long in \"%s\"\n", path, lineno, a);
                    exit(1);
                }
                kl += m;
                memcpy(raw + rl, a + tk.v[i].start, tk.v[i].len);
                rl += tk.v[i].len;
            }
            key[kl] = raw[rl] = 0;
            als = grow(als, &capals, nals, sizeof *als);
            als[nals].key = dupn(key, kl);
            als[nals].raw = dupn(raw, rl);
            als[nals].entry = (int)nents;
            als[nals].flags = flags;
            als[nals].ntok = (int)tk.n;
            nals++;
            conflict_tokens_free(&tk);
        }
        nents++;
    }
    fclose(f);
    qsort(als, nals, sizeof *als, cmp_alias);
    /* drop exact duplicates (same key, entry, flags) */
    size_t w = 0;
    for (size_t i = 0; i < nals; i++) {
        if (w && strcmp(als[w - 1].key, als[i].key) == 0 && als[w - 1].entry == als[i].entry &&
            als[w - 1].flags == als[i].flags && strcmp(als[w - 1].raw, als[i].raw) == 0)
            continue;
        als[w++] = als[i];
    }
    nals = w;
    /* keys and prefixes */
    slot *sl = NULL;
    size_t nsl = 0, capsl = 0;
    for (size_t i = 0; i < nals; i++) {
        const char *k = als[i].key;
        size_t kl = strlen(k);
        int ntok = 1;
        for (size_t j = 0; j <= kl; j++) {
            if (j < kl && k[j] != ' ') continue;
            /* prefix k[0..j) */
            int full = j == kl;
            size_t s;
            for (s = 0; s < nsl; s++)
                if (strlen(sl[s].key) == j && memcmp(sl[s].key, k, j) == 0) break;
            if (s == nsl) {
                sl = grow(sl, &capsl, nsl, sizeof *sl);
                sl[nsl].key = dupn(k, j);
                sl[nsl].first = -1;
                sl[nsl].count = 0;
                sl[nsl].ntok = ntok;
                sl[nsl].hash = conflict_pd_hash(CONFLICT_PD_HASH0, k, j);
                nsl++;
            }
            if (full) {
                if (sl[s].first < 0) sl[s].first = (int)i;
                sl[s].count++;
            }
            ntok++;
        }
    }
    size_t size = 64;
    while (size < nsl * 2) size *= 2;
    int *table = malloc(size * sizeof *table);
    for (size_t i = 0; i < size; i++) table[i] = -1;
    for (size_t s = 0; s < nsl; s++) {
        size_t j = sl[s].hash & (size - 1);
        while (table[j] >= 0) j = (j + 1) & (size - 1);
        table[j] = (int)s;
    }
    uint32_t *keyoff = malloc((nsl + 1) * sizeof *keyoff);
    for (size_t s = 0; s < nsl; s++) keyoff[s] = add_string(sl[s].key);
    uint32_t *rawoff = malloc((nals + 1) * sizeof *rawoff);
    for (size_t i = 0; i < nals; i++) rawoff[i] = add_string(als[i].raw);

    printf("\n/* ---- %s: %zu entries, %zu aliases, %zu keys ---- */\n\n", path, nents, nals, nsl);
    printf("const conflict_dict_entry %s_entries[] = {\n", prefix);
    for (size_t i = 0; i < nents; i++) {
        printf("    {");
        print_cstr(ents[i].name);
        printf(", ");
        print_cstr(ents[i].country);
        printf(", ");
        print_cstr(ents[i].also);
        printf(", %d, %d},\n", ents[i].type, ents[i].kind);
    }
    printf("};\nconst size_t %s_nentries = %zu;\n\n", prefix, nents);
    printf("static const conflict_pd_alias %s_aliases[] = {\n", prefix);
    for (size_t i = 0; i < nals; i++)
        printf("    {%d, %u, %d, %d},\n", als[i].entry, rawoff[i], als[i].flags, als[i].ntok);
    printf("};\n\nstatic const conflict_pd_slot %s_slots[%zu] = {\n", prefix, size);
    for (size_t j = 0; j < size; j++) {
        if (table[j] < 0) continue;
        const slot *s = &sl[table[j]];
        printf("    [%zu] = {%uu, %u, %d, %d, %d},\n", j, s->hash, keyoff[table[j]], s->first,
               s->count, s->ntok);
    }
    printf("};\n\nstatic const char %s_strings[] =\n", prefix);
    for (size_t i = 0; i < nblob;) {
        size_t n = nblob - i < 64 ? nblob - i : 64;
        printf("    \"");
        for (size_t k = 0; k < n; k++) {
            unsigned char c = (unsigned char)blob[i + k];
            if (c == '"' || c == '\\') printf("\\%c", c);
            else if (c < 0x20 || c >= 0x7F || c == '?') printf("\\%03o", c);
            else putchar(c);
        }
        printf("\"\n");
        i += n;
    }
    printf("    ;\n\nstatic const uint8_t %s_first[%u] = {", prefix, CONFLICT_PD_FIRST_BITS / 8);
    uint8_t *bits = calloc(CONFLICT_PD_FIRST_BITS / 8, 1);
    for (size_t k = 0; k < nsl; k++) {
        if (sl[k].ntok != 1) continue;
        uint32_t b = sl[k].hash & (CONFLICT_PD_FIRST_BITS - 1);
        bits[b >> 3] |= (uint8_t)(1u << (b & 7));
    }
    for (size_t k = 0; k < CONFLICT_PD_FIRST_BITS / 8; k++)
        printf("%s%u,", k % 32 ? "" : "\n    ", bits[k]);
    printf("\n};\n\nconst conflict_pd %s_pd = {%s_slots, %zuu, %s_aliases, %zuu, %s_strings, %s_first};\n",
           prefix, prefix, size - 1, prefix, nals, prefix, prefix);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: gen_dict actors.tsv sources.tsv > dict_data.c\n");
        return 2;
    }
    printf("/* Generated by ext/tools/gen_dict.c from %s and %s: do not edit. */\n", argv[1],
           argv[2]);
    printf("#include \"dict_data.h\"\n");
    compile(argv[1], "conflict_actors");
    compile(argv[2], "conflict_sources");
    return 0;
}
