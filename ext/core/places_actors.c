/*
 * Named actors as evidence of a text's country: "MQM workers protested outside
 * the Hyderabad Press Club" is about Pakistan's Hyderabad, "Awami League
 * activists in Rampura" about Dhaka's. An actor of the actor dictionary with a
 * country counts like a place of its country, once per text; one
 * that dictionary gives to several countries (Maoists) or to none counts for
 * none. classify_tokens() (places.c) notes the capitalized tokens that start a
 * named actor's alias; only those are looked up here. At load, places.c
 * (actor_heads_init) hashes each first word and each key of several words it
 * starts like the text's tokens, with what they say: most heads are answered from
 * those small tables, and the dictionary's big ones, which miss the cache, are read
 * only past a non-ASCII word or for an alias matched only as written, not in
 * capitals.
 */
#include <string.h>

#include "dict_data.h"
#include "places_ctx.h"

/* The country the aliases al[0..n) of one key vote for, 0 for none: none when an
 * entry has no country or is no named actor, or when they name actors of several
 * countries (BNP, Maoists: a half vote for each brings persons' names to life as
 * villages of the other). *home: no entry is a force abroad. */
int places_actor_vote(const places_state *ps, const conflict_pd_alias *const *al, size_t n,
                      int *home) {
    int country = 0;
    *home = 1;
    for (size_t k = 0; k < n; k++) {
        int ck = ps->actor_country[al[k]->entry];
        if (!ck || (country && ck != country)) return 0;
        country = ck;
        if (conflict_actors_entries[al[k]->entry].type == DT_FOREIGN_FORCES) *home = 0;
    }
    return country;
}

/* The vote of the named actor whose alias is the `len` tokens at token i: like a
 * place, or like a nationality word when the alias is a nationality and a force
 * ("Pakistani troops", "forces maliennes"). */
static void note_vote(ctx *c, size_t i, size_t len, int country, int home) {
    if (len > 1 && c->nactor_spans < MAXACTORSPANS) {
        c->actor_spans[c->nactor_spans][0] = (uint32_t)i;
        c->actor_spans[c->nactor_spans++][1] = (uint32_t)(i + len - 1);
    }
    int nat = 0;
    for (size_t k = i; k < i + len; k++) nat |= (c->wm[k] & W_NAT) != 0;
    places_note_nat(c, country, NAT_NAMED | (nat ? 0 : NAT_ACTOR) | (home ? NAT_HOME : 0));
}

/* The vote of the key of `len` tokens found at token i (t starts there). */
static void note_actor(ctx *c, const conflict_pd *d, const conflict_pd_text *t, size_t i,
                       size_t len) {
    const conflict_pd_alias *al[MAXACTORALIASES];
    size_t n = conflict_pd_aliases_at(d, t, 0, len, al, MAXACTORALIASES);
    int home, country = places_actor_vote(c->ps, al, n, &home);
    if (country) note_vote(c, i, len, country, home);
}

/* 1 when token k is ASCII: the tokens' hashes tell their folded forms apart for ASCII
 * words only (Egypte and Égypte fold alike, hash apart) */
static int ascii_token(const ctx *c, size_t k) {
    const conflict_token *t = &c->tk.v[k];
    for (size_t b = 0; b < t->len; b++)
        if ((unsigned char)c->s[t->start + b] >= 0x80) return 0;
    return 1;
}

#define NAME_UNKNOWN ((size_t)-1)

/* The longest key of several words at head i in actor_keys, read as
 * conflict_pd_longest() reads the dictionary: its length (0: none), *key what it
 * says; NAME_UNKNOWN when the dictionary must be read. */
static size_t longest_key(const ctx *c, size_t i, uint32_t *key) {
    const conflict_token *v = c->tk.v;
    uint64_t h = c->th[i];
    size_t len = 0;
    for (size_t k = i + 1; k < c->tk.n && conflict_pd_joins(&v[k - 1], &v[k]); k++) {
        if (!ascii_token(c, k)) return NAME_UNKNOWN;
        uint32_t at = places_actor_key(c, &h, k);
        if (at & KEY_AS_WRITTEN) return NAME_UNKNOWN;
        if (at & KEY_WHOLE) len = k + 1 - i, *key = at;
        if (!(at & KEY_LONGER)) break;
    }
    return len;
}

/* The tokens that the name at head i spans (the head alone also when it names none),
 * its vote noted, when the actor words and keys tell it; NAME_UNKNOWN when the
 * dictionary must be read. */
static size_t known_name(ctx *c, size_t i, const actor_word *head) {
    uint32_t key = 0;
    size_t len = longest_key(c, i, &key);
    if (len == NAME_UNKNOWN) return len;
    if (len) {
        if (key & KEY_COUNTRY) note_vote(c, i, len, key & KEY_COUNTRY, key & KEY_HOME);
        return len;
    }
    if (head->flags & ACTOR_CASE) return NAME_UNKNOWN;
    int caps = (c->tk.v[i].flags & CONFLICT_TOK_ALLCAPS) != 0;
    if (head->country[caps])
        note_vote(c, i, 1, head->country[caps], head->flags & (ACTOR_HOME << caps));
    return 1;
}

/* The length of the longest key at head i (0: none), its vote noted. */
static size_t look_up(ctx *c, size_t i) {
    const conflict_pd *d = &conflict_actors_pd;
    /* the tokens are folded as the lookup reads them: most stop at the second */
    conflict_pd_window w;
    conflict_pd_text t;
    conflict_pd_text_window(&t, c->s, c->n, c->tk.v + i, c->tk.n - i, &w);
    const conflict_pd_alias *al;
    size_t len = conflict_pd_may_start(d, &t, 0) ? conflict_pd_longest(d, &t, 0, &al) : 0;
    if (len) note_actor(c, d, &t, i, len);
    return len;
}

void places_actor_evidence(ctx *c) {
    const conflict_tokens *tk = &c->tk;
    size_t skip_to = 0;
    for (int h = 0; h < c->nactor_heads; h++) {
        size_t i = c->actor_heads[h];
        if (i < skip_to) continue; /* inside the actor found before */
        const actor_word *head = places_actor_word(c, i);
        /* most heads are common words (Police, National) that start no name here: the
         * next word must be able to follow the first in some name */
        if (!(head->flags & ACTOR_ALONE) &&
            !(i + 1 < tk->n && (places_actor_word(c, i + 1)->flags & ACTOR_SECOND)))
            continue;
        size_t len = known_name(c, i, head);
        skip_to = i + (len == NAME_UNKNOWN ? look_up(c, i) : len);
    }
}
