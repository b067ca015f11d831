/*
 * Named actors as evidence of a text's country: "MQM workers protested outside
 * the Hyderabad Press Club" is about Pakistan's Hyderabad, "Awami League
 * activists in Rampura" about Dhaka's. An actor of the actor dictionary with a
 * country counts like a place of its country, once per text; one
 * that dictionary gives to several countries (Maoists) or to none counts for
 * none. classify_tokens() (places.c) notes the capitalized tokens that start a
 * named actor's alias; only those are looked up here.
 */
#include <string.h>

#include "dict_data.h"
#include "places_ctx.h"

/* The evidence of the named actor whose alias is the `len` tokens at token i (t
 * starts there): its country votes like a place, or like a nationality word when the
 * alias is a nationality and a force ("Pakistani troops", "forces maliennes").
 * Nothing when the alias names actors of several countries (BNP, Maoists: a half
 * vote for each brings persons' names to life as villages of the other), or an
 * entry of the alias has no country or is no named actor. */
static void note_actor(ctx *c, const conflict_pd *d, const conflict_pd_text *t, size_t i,
                       size_t len) {
    const conflict_pd_alias *al[8];
    size_t n = conflict_pd_aliases_at(d, t, 0, len, al, sizeof al / sizeof al[0]);
    int country = 0, several = 0, home = 1;
    for (size_t k = 0; k < n; k++) {
        int ck = c->ps->actor_country[al[k]->entry];
        if (!ck) return;
        several |= country && ck != country;
        country = ck;
        if (conflict_actors_entries[al[k]->entry].type == DT_FOREIGN_FORCES) home = 0;
    }
    if (!country || several) return;
    int nat = 0;
    for (size_t k = i; k < i + len; k++) nat |= (c->wm[k] & W_NAT) != 0;
    places_note_nat(c, country, NAT_NAMED | (nat ? 0 : NAT_ACTOR) | (home ? NAT_HOME : 0));
}

void places_actor_evidence(ctx *c) {
    const conflict_pd *d = &conflict_actors_pd;
    const conflict_tokens *tk = &c->tk;
    size_t skip_to = 0;
    for (int h = 0; h < c->nactor_heads; h++) {
        size_t i = c->actor_heads[h];
        if (i < skip_to) continue; /* inside the actor found before */
        /* most heads are common words (Police, National) that start no name here: the
         * next word must be able to follow the first in some name */
        if (!(places_word_actor(c, i) & ACTOR_ALONE) &&
            !(i + 1 < tk->n && (places_word_actor(c, i + 1) & ACTOR_SECOND)))
            continue;
        /* the tokens are folded as the lookup reads them: most stop at the second */
        conflict_pd_window w;
        conflict_pd_text t;
        conflict_pd_text_window(&t, c->s, c->n, tk->v + i, tk->n - i, &w);
        const conflict_pd_alias *al;
        size_t len = conflict_pd_may_start(d, &t, 0) ? conflict_pd_longest(d, &t, 0, &al) : 0;
        if (len) {
            note_actor(c, d, &t, i, len);
            skip_to = i + len;
        }
    }
}
