/*
 * User actors: a per-connection overlay on the actor dictionary. Rows are
 * validated and copied; every name and alias is tokenized and folded with
 * the matcher's own code (the rules of ext/tools/gen_dict.c: "=X" matches
 * only as written, a one-token all-capitals alias of at most five letters is
 * case-sensitive), then compiled into a phrase dictionary of the same shape
 * as the generated ones (keys and key prefixes in an open-addressing table,
 * first-token bitset), so extract_actors looks it up with the same code.
 * The overlay lives in the actors module state of the engine.
 */
#include <stdlib.h>
#include <string.h>

#include "conflict_actors.h"
#include "dict_data.h"
#include "internal.h"

typedef struct {
    char *key, *raw;
    int entry;
    uint16_t flags, ntok;
} user_alias;

struct conflict_user_actors {
    const conflict_allocator *a;
    conflict_dict_entry *entries; /* name and country owned */
    size_t n, cap;
    user_alias *al;
    size_t nal, capal;
    /* built by finish */
    conflict_pd pd;
    conflict_pd_slot *slots;
    conflict_pd_alias *aliases;
    char *strings;
    uint8_t *first;
    int built;
};

static const char *const type_names[] = {CONFLICT_DICT_TYPES};

conflict_status conflict_user_actors_new(const conflict_allocator *a, conflict_user_actors **out) {
    if (!a) a = &conflict_default_allocator;
    conflict_user_actors *u = conflict_malloc(a, sizeof *u);
    *out = u;
    if (!u) return CONFLICT_NOMEM;
    memset(u, 0, sizeof *u);
    u->a = a;
    return CONFLICT_OK;
}

void conflict_user_actors_free(conflict_user_actors *u) {
    if (!u) return;
    for (size_t i = 0; i < u->n; i++) {
        conflict_free(u->a, (char *)u->entries[i].name);
        conflict_free(u->a, (char *)u->entries[i].country);
    }
    for (size_t i = 0; i < u->nal; i++) {
        conflict_free(u->a, u->al[i].key);
        conflict_free(u->a, u->al[i].raw);
    }
    conflict_free(u->a, u->entries);
    conflict_free(u->a, u->al);
    conflict_free(u->a, u->slots);
    conflict_free(u->a, u->aliases);
    conflict_free(u->a, u->strings);
    conflict_free(u->a, u->first);
    conflict_free(u->a, u);
}

size_t conflict_user_actors_count(const conflict_user_actors *u) { return u ? u->n : 0; }

const conflict_pd *conflict_user_actors_pd(const struct conflict_user_actors *u) {
    return u && u->built && u->nal ? &u->pd : NULL;
}

const conflict_dict_entry *conflict_user_actors_entries(const struct conflict_user_actors *u) {
    return u ? u->entries : NULL;
}

static char *dup(const conflict_allocator *a, const char *s, size_t n) {
    char *p = conflict_malloc(a, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = 0;
    return p;
}

#define SHOW(s, n) (int)((n) > 40 ? 40 : (n)), (s)

/* one spelling of entry `entry`: tokenized, folded, queued for finish */
static conflict_status add_alias(conflict_user_actors *u, const char *s, size_t n, int entry,
                                 conflict_error *err) {
    while (n && s[0] == ' ') s++, n--;
    while (n && s[n - 1] == ' ') n--;
    if (!n) return CONFLICT_OK;
    uint16_t flags = 0;
    if (s[0] == '=') {
        flags |= CONFLICT_PD_CASE;
        s++, n--;
    }
    conflict_tokens tk;
    conflict_status st = conflict_tokenize(s, n, u->a, &tk);
    if (st) return st;
    if (tk.n == 0 || tk.n > CONFLICT_PD_MAXLEN) {
        size_t nt = tk.n;
        conflict_tokens_free(&tk);
        if (nt == 0) return CONFLICT_OK; /* punctuation only: nothing to match */
        return conflict_set_error(err, CONFLICT_ERROR, "alias \"%.*s\" has more than %d words",
                                  SHOW(s, n), CONFLICT_PD_MAXLEN);
    }
    if (tk.n == 1 && (tk.v[0].flags & CONFLICT_TOK_ALLCAPS) && tk.v[0].len <= 5 &&
        !(tk.v[0].flags & CONFLICT_TOK_NONLATIN))
        flags |= CONFLICT_PD_CASE;
    char key[CONFLICT_PD_MAXLEN * (CONFLICT_PD_MAXTOK + 1)];
    size_t kl = 0, rl = 0;
    char *raw = conflict_malloc(u->a, n + 1);
    if (!raw) {
        conflict_tokens_free(&tk);
        return CONFLICT_NOMEM;
    }
    for (size_t i = 0; i < tk.n; i++) {
        if (i) key[kl++] = ' ', raw[rl++] = ' ';
        size_t m = conflict_pd_fold(s + tk.v[i].start, tk.v[i].len, key + kl, CONFLICT_PD_MAXTOK + 1);
        if (!m) {
            conflict_free(u->a, raw);
            conflict_tokens_free(&tk);
            return conflict_set_error(err, CONFLICT_ERROR, "alias \"%.*s\" has a word longer than %d bytes",
                                      SHOW(s, n), CONFLICT_PD_MAXTOK);
        }
        kl += m;
        memcpy(raw + rl, s + tk.v[i].start, tk.v[i].len);
        rl += tk.v[i].len;
    }
    raw[rl] = 0;
    uint16_t ntok = (uint16_t)tk.n;
    conflict_tokens_free(&tk);
    char *k = dup(u->a, key, kl);
    if (!k || u->nal == u->capal) {
        size_t cap = u->capal ? u->capal * 2 : 32;
        user_alias *v = k ? conflict_realloc(u->a, u->al, cap * sizeof *v) : NULL;
        if (!v) {
            conflict_free(u->a, k);
            conflict_free(u->a, raw);
            return CONFLICT_NOMEM;
        }
        u->al = v;
        u->capal = cap;
    }
    u->al[u->nal++] = (user_alias){k, raw, entry, flags, ntok};
    return CONFLICT_OK;
}

conflict_status conflict_user_actors_add(conflict_user_actors *u, const conflict_user_actor_row *r,
                                         conflict_error *err) {
    if (u->built) return conflict_set_error(err, CONFLICT_ERROR, "user actors already built");
    if (!r->name || !r->name_len) return conflict_set_error(err, CONFLICT_ERROR, "an actor has no name");
    if (conflict_utf8_check(r->name, r->name_len, err) ||
        (r->aliases && conflict_utf8_check(r->aliases, r->aliases_len, err)))
        return conflict_set_error(err, CONFLICT_BAD_UTF8, "invalid UTF-8 in an actor");
    int type = DT_OTHER;
    if (r->type && r->type_len) {
        type = -1;
        for (int k = DT_STATE_FORCES; k <= DT_OTHER; k++)
            if (strlen(type_names[k]) == r->type_len && !memcmp(type_names[k], r->type, r->type_len))
                type = k;
        if (type < 0)
            return conflict_set_error(err, CONFLICT_ERROR, "unknown type \"%.*s\" for \"%.*s\"",
                                      SHOW(r->type, r->type_len), SHOW(r->name, r->name_len));
    }
    char cc[3] = {0};
    if (r->country && r->country_len) {
        unsigned char c0 = (unsigned char)(r->country[0] & ~0x20);
        unsigned char c1 = r->country_len == 2 ? (unsigned char)(r->country[1] & ~0x20) : 0;
        if (r->country_len != 2 || c0 < 'A' || c0 > 'Z' || c1 < 'A' || c1 > 'Z')
            return conflict_set_error(err, CONFLICT_ERROR,
                                      "country of \"%.*s\" must be an ISO 3166-1 alpha-2 code",
                                      SHOW(r->name, r->name_len));
        cc[0] = (char)c0;
        cc[1] = (char)c1;
    }
    char *name = dup(u->a, r->name, r->name_len), *country = dup(u->a, cc, strlen(cc));
    if (!name || !country || u->n == u->cap) {
        size_t cap = u->cap ? u->cap * 2 : 16;
        conflict_dict_entry *v =
            name && country ? conflict_realloc(u->a, u->entries, cap * sizeof *v) : NULL;
        if (!v) {
            conflict_free(u->a, name);
            conflict_free(u->a, country);
            return CONFLICT_NOMEM;
        }
        u->entries = v;
        u->cap = cap;
    }
    int entry = (int)u->n;
    u->entries[u->n++] = (conflict_dict_entry){name, country, "", (uint8_t)type, DK_NAMED};
    /* the name is its own alias, then every '|'-separated spelling */
    size_t nal0 = u->nal;
    conflict_status st = add_alias(u, r->name, r->name_len, entry, err);
    const char *s = r->aliases;
    size_t left = r->aliases ? r->aliases_len : 0;
    while (!st && left) {
        const char *bar = memchr(s, '|', left);
        size_t len = bar ? (size_t)(bar - s) : left;
        st = add_alias(u, s, len, entry, err);
        if (!bar) break;
        left -= len + 1;
        s = bar + 1;
    }
    if (!st && u->nal == nal0)
        st = conflict_set_error(err, CONFLICT_ERROR, "\"%.*s\" has no word to match",
                                SHOW(r->name, r->name_len));
    if (st) { /* the row is not added */
        while (u->nal > nal0) {
            u->nal--;
            conflict_free(u->a, u->al[u->nal].key);
            conflict_free(u->a, u->al[u->nal].raw);
        }
        u->n--;
        conflict_free(u->a, name);
        conflict_free(u->a, country);
    }
    return st;
}

static int cmp_alias(const void *a, const void *b) {
    const user_alias *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : x->entry - y->entry;
}

/* slot of key (n bytes) in the table being built: its index, or the empty one where it goes */
static uint32_t find_slot(const conflict_user_actors *u, uint32_t h, const char *key, size_t n) {
    uint32_t mask = u->pd.mask, j = h & mask;
    for (; u->slots[j].key; j = (j + 1) & mask)
        if (u->slots[j].hash == h && !memcmp(u->strings + u->slots[j].key, key, n) &&
            u->strings[u->slots[j].key + n] == 0)
            break;
    return j;
}

conflict_status conflict_user_actors_finish(conflict_user_actors *u) {
    if (u->built) return CONFLICT_OK;
    qsort(u->al, u->nal, sizeof *u->al, cmp_alias);
    /* drop exact duplicates (same key, entry, flags, spelling) */
    size_t w = 0;
    for (size_t i = 0; i < u->nal; i++) {
        if (w && !strcmp(u->al[w - 1].key, u->al[i].key) && u->al[w - 1].entry == u->al[i].entry &&
            u->al[w - 1].flags == u->al[i].flags && !strcmp(u->al[w - 1].raw, u->al[i].raw)) {
            conflict_free(u->a, u->al[i].key);
            conflict_free(u->a, u->al[i].raw);
            continue;
        }
        u->al[w++] = u->al[i];
    }
    u->nal = w;
    /* strings: "" then, per alias, its spelling and every prefix of its key (the key itself last) */
    size_t size = 1, nkeys = 0;
    for (size_t i = 0; i < u->nal; i++) {
        size += strlen(u->al[i].raw) + 1;
        for (const char *k = u->al[i].key;; k++) {
            if (*k == ' ' || !*k) size += (size_t)(k - u->al[i].key) + 1, nkeys++;
            if (!*k) break;
        }
    }
    size_t nslots = 16;
    while (nslots < 2 * nkeys) nslots *= 2;
    u->strings = conflict_malloc(u->a, size);
    u->slots = conflict_malloc(u->a, nslots * sizeof *u->slots);
    u->aliases = conflict_malloc(u->a, (u->nal ? u->nal : 1) * sizeof *u->aliases);
    u->first = conflict_malloc(u->a, CONFLICT_PD_FIRST_BITS / 8);
    if (!u->strings || !u->slots || !u->aliases || !u->first) return CONFLICT_NOMEM;
    memset(u->slots, 0, nslots * sizeof *u->slots);
    memset(u->first, 0, CONFLICT_PD_FIRST_BITS / 8);
    u->pd.mask = (uint32_t)nslots - 1;
    u->strings[0] = 0;
    size_t at = 1;
    for (size_t i = 0; i < u->nal; i++) {
        const user_alias *x = &u->al[i];
        size_t rl = strlen(x->raw);
        memcpy(u->strings + at, x->raw, rl + 1);
        u->aliases[i] = (conflict_pd_alias){x->entry, (uint32_t)at, x->flags, x->ntok};
        at += rl + 1;
        uint16_t ntok = 0;
        for (const char *k = x->key;; k++) {
            if (*k && *k != ' ') continue;
            size_t n = (size_t)(k - x->key);
            int full = !*k;
            ntok++;
            uint32_t h = conflict_pd_hash(CONFLICT_PD_HASH0, x->key, n);
            if (ntok == 1) {
                uint32_t bit = h & (CONFLICT_PD_FIRST_BITS - 1);
                u->first[bit >> 3] |= (uint8_t)(1u << (bit & 7));
            }
            memcpy(u->strings + at, x->key, n);
            u->strings[at + n] = 0;
            uint32_t j = find_slot(u, h, u->strings + at, n);
            conflict_pd_slot *sl = &u->slots[j];
            if (!sl->key) {
                *sl = (conflict_pd_slot){h, (uint32_t)at, -1, 0, ntok};
                at += n + 1;
            }
            if (full) {
                /* aliases of one key are consecutive (sorted) */
                if (sl->first < 0) sl->first = (int32_t)i;
                sl->count++;
                break;
            }
        }
    }
    u->pd.slots = u->slots;
    u->pd.aliases = u->aliases;
    u->pd.naliases = (uint32_t)u->nal;
    u->pd.strings = u->strings;
    u->pd.first = u->first;
    u->built = 1;
    return CONFLICT_OK;
}

/* ---- the actors module: holds the connection's overlay ------------------------ */

typedef struct {
    conflict_user_actors *user;
} actors_state;

static conflict_status actors_init(conflict_engine *e, void **state, conflict_error *err) {
    (void)err;
    actors_state *as = conflict_malloc(e->a, sizeof *as);
    if (!as) return CONFLICT_NOMEM;
    as->user = NULL;
    *state = as;
    return CONFLICT_OK;
}

static void actors_free(conflict_engine *e, void *state) {
    actors_state *as = state;
    conflict_user_actors_free(as->user);
    conflict_free(e->a, as);
}

const conflict_module conflict_actors_module = {actors_init, actors_free};

conflict_user_actors *conflict_engine_set_user_actors(conflict_engine *e, conflict_user_actors *u) {
    actors_state *as = e->mod[CONFLICT_MOD_ACTORS];
    if (!as) return u;
    conflict_user_actors *old = as->user;
    as->user = u;
    return old;
}

const conflict_user_actors *conflict_engine_user_actors(const conflict_engine *e) {
    const actors_state *as = e ? e->mod[CONFLICT_MOD_ACTORS] : NULL;
    return as ? as->user : NULL;
}
