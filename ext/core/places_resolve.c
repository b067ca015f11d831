/*
 * Resolution of the places extractor: which place each mention names, decided
 * for the whole text (countries collect votes from the mentions and nationality
 * words, divisions collect support, containers place what they contain), then
 * a score in [0,1] for each choice. Spotting is in places.c.
 */
#include <string.h>

#include "places_ctx.h"

/* ---- resolution ------------------------------------------------------------------ */

/* "Sao Goncalo, Rio de Janeiro", "Tagiura (Tripoli)", "Kagara (Rafi LGA, Niger)": a
 * mention followed by a comma or an opening parenthesis, then at most a few
 * unresolved capitalized words or division nouns, then the next mention, which
 * names where the first lies. "Nagaland's Mon district", "Syria's Idlib": the
 * possessor holds the next mention. */
/* Nouns after "X-Y" that make X and Y the ends of a way, not a town and its part. */
static const char *const ways[] = {"road", "roads", "highway", "route", "border", "borders",
                                   "crossing", "bridge", "railway", "line", "corridor", "axis",
                                   "axe", "trade", "bus", "train", "boundary", "pipeline", NULL};

void places_link_containers(ctx *c) {
    const conflict_tokens *tk = &c->tk;
    for (size_t k = 0; k + 1 < c->nm; k++) {
        mention *a = &c->m[k];
        mention *b = &c->m[k + 1];
        /* "Lima-La Victoria", "Mogadishu-Karan district": a part of the town before
         * the hyphen; not "the Birgunj-Raxaul border" */
        const conflict_token *last = &tk->v[a->t1];
        if (b->t0 == a->t1 + 1 && last->next_sep == '-' &&
            tk->v[b->t0].start == last->start + last->len + 1 &&
            !places_list_has(c, b->t1 + 1, ways) &&
            !(a->t0 > 0 && tk->v[a->t0 - 1].next_sep == '-')) {
            b->container = (int)k;
            b->town_part = 1;
            continue;
        }
        if (b->t0 == a->t1 + 2 && possessive_s(tk, c->s, a->t1 + 1) &&
            tk->v[a->t1 + 1].next_sep == ' ') {
            b->container = (int)k;
            a->contains = 1;
            continue;
        }
        size_t end = a->t1; /* "Mon district, Nagaland": the division noun is the name's */
        while (end + 1 < b->t0 && tk->v[end].next_sep == ' ' &&
               (c->wm[end + 1] & (W_ADMIN_AFTER | W_CITY_AFTER | W_LOCAL_TERM)))
            end++;
        char sep = tk->v[end].next_sep;
        if ((sep != ',' && sep != '(') || a->town_part) continue;
        int ok = b->t0 - end <= 4;
        for (size_t q = end + 1; ok && q < b->t0; q++) {
            const conflict_token *t = &tk->v[q];
            ok = (is_cap(t) || (t->flags & CONFLICT_TOK_ALLCAPS) ||
                  (c->wm[q] & (W_ADMIN_AFTER | W_CITY_AFTER))) &&
                 (t->next_sep == ' ' || t->next_sep == ',' || t->next_sep == '(');
        }
        if (ok) {
            a->container = (int)(k + 1);
            c->m[k + 1].contains = 1;
        }
    }
}

/* "in Caballito, Palermo and Recoleta": mentions one after the other, separated by a
 * comma or a list word (and, et, or) alone, are the items of one list. */
void places_link_lists(ctx *c) {
    const conflict_tokens *tk = &c->tk;
    for (size_t k = 0; k + 1 < c->nm && k < 0xFFFE; k++) {
        mention *a = &c->m[k];
        const mention *b = &c->m[k + 1];
        char sep = tk->v[a->t1].next_sep;
        int joined = (sep == ',' && b->t0 == a->t1 + 1) ||
                     (b->t0 == a->t1 + 2 && (c->wm[a->t1 + 1] & W_LIST) &&
                      (sep == ' ' || sep == ',') && tk->v[a->t1 + 1].next_sep == ' ');
        if (!joined) continue;
        if (!a->list) a->list = (uint16_t)(k + 1);
        c->m[k + 1].list = a->list;
    }
    /* "Bara and Parsa district", "Idlib and Hama provinces": the division noun after the
     * last item is every item's (not in "Mosul, Nineveh province": the town lies in it) */
    for (size_t k = 0; k < c->nm; k++) {
        const mention *last = &c->m[k];
        if (!last->list || (k + 1 < c->nm && c->m[k + 1].list == last->list)) continue;
        if (last->cue != CUE_ADMIN || last->t1 + 1 >= tk->n ||
            !(c->wm[last->t1 + 1] & W_ADMIN_AFTER))
            continue;
        const conflict_token *noun = &tk->v[last->t1 + 1];
        int plural = c->s[noun->start + noun->len - 1] == 's';
        if (!plural && !(last->t0 >= 1 && (c->wm[last->t0 - 1] & W_LIST))) continue;
        for (size_t q = last->list - 1u; q < k; q++) {
            mention *m = &c->m[q];
            if (m->cue) continue;
            m->cue = CUE_ADMIN;
            m->district = last->district;
            m->first_level = last->first_level;
            m->cue_noun = last->cue_noun;
        }
    }
}

/* "Srirampur village in Sadar upazila", "Kashipur area of Sadar upazila": the
 * local division noun (upazila, tehsil, LGA) of the name after a preposition says
 * the country of the place before it, whether or not the gazetteer knows the name. */
void places_container_terms(ctx *c) {
    const conflict_tokens *tk = &c->tk;
    for (size_t k = 0; k < c->nm; k++) {
        mention *a = &c->m[k];
        size_t q = a->t1; /* the settlement or division noun is the name's */
        while (q + 1 < tk->n && tk->v[q].next_sep == ' ' &&
               (c->wm[q + 1] & (W_ADMIN_AFTER | W_CITY_AFTER)) && !(c->wm[q + 1] & W_LOCAL_TERM))
            q++;
        if (q + 2 >= tk->n || tk->v[q].next_sep != ' ' || !(c->wm[q + 1] & W_CONTAINER_LINK) ||
            tk->v[q + 1].next_sep != ' ' || !is_cap(&tk->v[q + 2]))
            continue;
        /* the container's name: up to three capitalized words, then its noun, which
         * may be capitalized too (Bahubal Upazila) */
        size_t last = q + 2;
        while (last + 1 < tk->n && last - q < 4 && places_joinable(tk->v[last].next_sep) &&
               is_cap(&tk->v[last + 1]) && !(c->wm[last + 1] & W_LOCAL_TERM))
            last++;
        a->container_term = places_local_term_after(c, last);
    }
}

/* Marks the mentions whose name key an earlier mention had: Tuzla named twice
 * is one piece of evidence for Bosnia, not two against "Tuzla, Istanbul". */
conflict_status places_mark_repeats(ctx *c) {
    uint64_t local[64]; /* enough for most texts: no allocation */
    size_t size = 16;
    while (size < 2 * c->nm) size <<= 1;
    uint64_t *set = size <= 64 ? local : conflict_malloc(c->a, size * sizeof *set);
    if (!set) return CONFLICT_NOMEM;
    memset(set, 0, size * sizeof *set);
    for (size_t k = 0; k < c->nm; k++) {
        uint64_t h = c->m[k].key | 1;
        size_t j = (size_t)(h >> 7) & (size - 1);
        while (set[j] && set[j] != h) j = (j + 1) & (size - 1);
        c->m[k].repeat = set[j] == h;
        set[j] = h;
    }
    if (set != local) conflict_free(c->a, set);
    return CONFLICT_OK;
}

/* How well candidate x fits inside the place its container mention resolved to. */
static double containment(const ctx *c, const mention *mt, const cand *x) {
    if (mt->container < 0) return 0;
    int ci = c->m[mt->container].chosen;
    if (ci < 0) return 0;
    const cand *y = &c->pool[ci];
    if (x->id == y->id) return -0.5; /* "Veracruz, Veracruz": the city of the state */
    if (x->country != y->country || x->kind == GAZ_COUNTRY) return 0;
    if (y->kind == GAZ_COUNTRY) return 0.3;
    if (y->kind == GAZ_ADMIN1) return x->admin1 == y->admin1 ? 0.5 : 0;
    /* a town in the district's province, most likely in the district */
    if (y->kind == GAZ_ADMIN2 && x->admin1 && x->admin1 == y->admin1) return 0.5;
    return 0.2; /* a town or district of the same country */
}

static double cand_weight(const cand *x) {
    double w = x->prior > 1 ? 1 : x->prior;
    /* a district is evidence for its country like a town of some size: the data
     * gives districts no population, and their prior (0.3) lets the choice prefer
     * the town of the name, not the country prefer a foreign town */
    if (x->kind == GAZ_ADMIN2 && w < 0.5) w = 0.5;
    if (!x->exact) w *= 0.4 * x->sim;
    return w;
}

/* Counts of chosen places per first-level division: a small open-addressing map. */
typedef struct {
    uint16_t *key, *count;
    uint32_t mask;
} a1map;

/* The counter of a (inserted when absent; the map holds at most one key per mention). */
static uint16_t *a1_slot(const a1map *m, uint16_t a) {
    uint32_t j = (a * 2654435761u) & m->mask;
    while (m->key[j] && m->key[j] != a) j = (j + 1) & m->mask;
    m->key[j] = a;
    return &m->count[j];
}

static uint16_t a1_get(const a1map *m, uint16_t a) {
    uint32_t j = (a * 2654435761u) & m->mask;
    for (; m->key[j]; j = (j + 1) & m->mask)
        if (m->key[j] == a) return m->count[j];
    return 0;
}

/* Votes per country, their maximum and the next one. */
typedef struct {
    double v[256];
    double best, second;
} tally;

static void tally_top(tally *t, const uint8_t *used, int nused) {
    t->best = t->second = 0;
    for (int u = 0; u < nused; u++) {
        double h = t->v[used[u]];
        if (h > t->best) t->second = t->best, t->best = h;
        else if (h > t->second) t->second = h;
    }
}

/* The strongest votes for a country other than cc. */
static double tally_elsewhere(const tally *t, int cc) {
    return t->v[cc] >= t->best ? t->second : t->best;
}

/* A choice that is evidence of its country by itself: a literal name with no
 * doubt on it (not a word, not part of another name; a proper noun of the lexicon
 * only for a major place: Aleppo, Paris) and big or in context. */
static int solid_choice(const mention *mt, const cand *x) {
    return x->exact && !mt->name_tail && !mt->common && (!mt->proper || x->major) && !mt->generic &&
           (x->major || mt->cue || mt->locative || mt->named_after || mt->container >= 0 ||
            mt->contains);
}

/* The division of the capital x: for "Gomel region" (first_level), where no
 * division but its capital bears the name; for bare "Delhi", "Kyiv", "Beirut",
 * where the division is in effect the city (GAZ_ADMIN1_CITY), as GeoNames and
 * ACLED code it, unless a cue says city ("Delhi city", "la ville de Beyrouth"). */
static void capital_to_division(const ctx *c, const mention *mt, cand *x) {
    if (x->kind != GAZ_CITY || !x->capital || !x->admin1 || (x->id & USER_BIT)) return;
    const gaz_place *p = &c->ps->g.places[x->id];
    if (GAZ_PLACE_ADMIN1(p) != x->admin1 || GAZ_PLACE_ADMIN1(p) > c->ps->g.h->nadmin1) return;
    uint32_t a = c->ps->g.admin1[x->admin1 - 1];
    if (!mt->first_level && (!(a & GAZ_ADMIN1_CITY) || mt->cue == CUE_CITY)) return;
    x->id = GAZ_ADMIN1_PLACE(a);
    x->kind = GAZ_ADMIN1;
    x->major = 1;
    x->capital = 0;
}

/* A national capital of about a million people or more: known under its exonyms too,
 * even those that are words (Damas, the French word for damask). */
static int big_capital(const cand *x) { return x->capital == CAPITAL_NATIONAL && x->prior >= 0.9f; }

/* The share of the votes of x's country. A region across borders (Kashmir, Sahel)
 * belongs to whichever countries the text is about. */
static double country_share(const cand *x, const double *shares) {
    return !x->country && x->kind == GAZ_REGION ? 1 : shares[x->country];
}

/* the least letter similarity of a spelling that only the key matches, for it to
 * name by itself the one place its key names (Dolomytne, Dolomitne) */
#define KEYED_SIM 0.75

/* Do two other items of mt's list name one country other than `country`? */
static int list_elsewhere(const ctx *c, const mention *mt, int country) {
    int other = -1, n = 0;
    for (size_t k = mt->list - 1u; k < c->nm && c->m[k].list == mt->list; k++) {
        const mention *o = &c->m[k];
        if (o == mt || o->chosen < 0) continue;
        int cc = c->pool[o->chosen].country;
        if (cc == country) return 0;
        if (other >= 0 && cc != other) return 0;
        other = cc;
        n++;
    }
    return n >= 2;
}

static void choose(ctx *c, mention *mt, const double *weight, const double *shares,
                   const a1map *a1, int restrict_country, const tally *hard_t, const tally *solid) {
    const double *hard = hard_t->v;
    double hard_best = hard_t->best;
    double top = -1e9, second = -1e9;
    int ti = -1, main_town = mt->main_town, capital_country = mt->capital_country;
    for (uint32_t i = 0; i < mt->nc; i++) {
        const cand *x = &c->pool[mt->c0 + i];
        if (mt->container_term && !(x->id & USER_BIT) &&
            !places_in_term_countries(c, mt->container_term, x->country))
            continue;
        if (restrict_country && !(x->id & USER_BIT)) {
            /* far from the text's countries, only countries and big places named literally */
            int home = hard[x->country] >= 0.5 * hard_best;
            if (!home && !(x->kind == GAZ_COUNTRY || (x->major && x->exact))) continue;
            double own = mt->chosen >= 0 && c->pool[mt->chosen].country == x->country
                             ? weight[mt->chosen]
                             : 0;
            /* a generic word, or a name inside a longer one, only in the text's leading
             * country; a country too, inside a longer name with nothing else of its own
             * (Gana Mukti Sangram, Vatican Knitwear) */
            if ((mt->generic || mt->in_run || mt->particle_run) && hard[x->country] < hard_best &&
                (x->kind != GAZ_COUNTRY || (mt->in_run && hard[x->country] - own < 0.2)))
                continue;
            /* part of a longer name a particle joins, only in a country that other
             * mentions make the text's (San Juan de Teocalcingo is no Puerto Rican San
             * Juan when Guerrero is named) */
            if (mt->particle_run &&
                hard[x->country] - own < tally_elsewhere(hard_t, x->country))
                continue;
            /* no other mention in its country; and sure ones in another that weigh
             * half as much as it at least (stray), or even unsure ones (outnumbered) */
            int alone = hard[x->country] - own < 0.2;
            double sure_bar = 0.5 * weight[mt->c0 + i];
            int stray = alone && tally_elsewhere(solid, x->country) >= sure_bar;
            int outnumbered = alone && tally_elsewhere(hard_t, x->country) >= 0.5;
            /* a town inside a longer name (Sfax Medina) */
            if (mt->in_run && x->kind == GAZ_CITY && (outnumbered || stray)) continue;
            /* the last word of a longer capitalized name (Rajya Sabha, Kisan Sabha) */
            if (mt->name_tail && (stray || outnumbered)) continue;
            /* "the Monte Libano neighborhood" (Sao Paulo): before a settlement noun, a
             * division or country alone in its country, while sure mentions name another,
             * is the settlement's name ("a Haryana village" keeps Haryana) */
            if (mt->settlement_after && (x->kind == GAZ_ADMIN1 || x->kind == GAZ_COUNTRY) && stray)
                continue;
            /* so is a village before a noun of a part of a town ("the Ndaba neighbourhood
             * of Kolofata") */
            if (mt->quarter_after && !x->major && x->kind == GAZ_CITY && stray) continue;
            /* a village named with no sign of a place (no cue, no "in", no division) needs
             * another mention in its country (against Modi) */
            if (!x->major && !mt->cue && !mt->locative && !mt->named_after && mt->container < 0 &&
                !mt->contains && x->kind != GAZ_COUNTRY && stray)
                continue;
            /* "Pedralva, Minas Gerais", "El Refugio (Ahuachapan)": a village said to
             * lie in a division or a country the text is about, not a generic word
             * (Mzimba (Northern)), is no village of another country */
            if (mt->container >= 0 && x->kind != GAZ_COUNTRY) {
                const mention *in = &c->m[mt->container];
                /* not a generic word (Mzimba (Northern)), nor a common one, but the
                 * big town named before a hyphen (Lima-La Victoria) */
                const cand *y = in->chosen >= 0 && !in->generic ? &c->pool[in->chosen] : NULL;
                /* (a common word with its division noun is a division: Bolivar state) */
                if (y && in->common && !(mt->town_part && y->major) &&
                    !(in->cue == CUE_ADMIN && !in->weak_cue))
                    y = NULL;
                /* "Kahira (Masisi, Nord-Kivu)": the town's own division counts */
                int division = y && (y->kind == GAZ_ADMIN1 || y->kind == GAZ_ADMIN2);
                if (y && !division && in->container >= 0 && c->m[in->container].chosen >= 0) {
                    const cand *z = &c->pool[c->m[in->container].chosen];
                    division = (z->kind == GAZ_ADMIN1 || z->kind == GAZ_ADMIN2) &&
                               z->country == y->country;
                }
                /* "Sucre municipality, Bolivar state": a division of the container's
                 * country, whatever places of other countries bear its name */
                if (y && division && y->country != x->country && y->exact && mt->cue == CUE_ADMIN &&
                    !mt->weak_cue)
                    continue;
                /* a town of some size, only in a division; a capital, only when the
                 * container's country leads even without the container (the data may
                 * lack the parish that holds Montego Bay, and offer another country's) */
                if (y && y->kind != GAZ_REGION && y->country != x->country && y->exact) {
                    double beyond = hard[y->country] - weight[in->chosen];
                    /* (a village: when the container's country leads, or when the
                     * village's has nothing else: Narayangarh, Chitwan) */
                    int leads = !x->major || mt->town_part
                                    ? hard[y->country] >= hard_best ||
                                          (!x->major && alone)
                                : !x->capital ? division && hard[y->country] >= hard_best
                                              : division && beyond >= hard[x->country];
                    if (leads) continue;
                }
            }
            /* an item of a list whose other items name another country, with nothing
             * else of its own country (Palermo among Buenos Aires neighbourhoods) */
            if (mt->list && alone && x->kind != GAZ_COUNTRY && list_elsewhere(c, mt, x->country))
                continue;
            /* a village or district before a school's noun may name the school after
             * a person or an idea (Panjab University is not the Afghan town): it needs
             * another mention in its country */
            if (mt->institution && !x->major && (x->kind == GAZ_CITY || x->kind == GAZ_ADMIN2) &&
                alone)
                continue;
            /* a town known by that name only as an alias (Bethlehem for Belem) that
             * other towns bear as theirs, whose country nothing else supports while
             * sure mentions name another, is not that town (Gomel, Homyel's alias, is) */
            if (x->kind == GAZ_CITY && !(x->nflags & GAZ_NAME_MAIN) && main_town && stray)
                continue;
            /* a village known by that name only as an alias (Gulshan for Tabas, Modi),
             * named with no sign of a place, needs another mention in its country */
            if (!x->major && x->kind == GAZ_CITY && !(x->nflags & GAZ_NAME_MAIN) && !mt->cue &&
                !mt->locative && !mt->contains && mt->container < 0 && !mt->named_after && alone)
                continue;
            /* a common word (Central, Forest, Commerce) needs other mentions in its country */
            /* so does a spelling matched only by its key (Sikh ~ Siki) */
            int cued = !mt->weak_cue &&
                       ((mt->cue == CUE_ADMIN && x->kind != GAZ_CITY && x->kind != GAZ_OTHER) ||
                        (mt->cue == CUE_CITY && (x->kind == GAZ_CITY || x->kind == GAZ_OTHER)));
            /* a big town named by a common word: a capital (Tripoli, Van), or after "in",
             * "near" (in Nice); not "the Independence of Guinea", nor the word that starts
             * a longer name (Salt Lake, Bar Council); the curated regions are names
             * (Sahel) */
            int word = (mt->common && !cued && x->kind != GAZ_REGION &&
                        (mt->cap_after ||
                         !(x->major && x->kind == GAZ_CITY &&
                           (((x->nflags & GAZ_NAME_MAIN) && (mt->locative || x->capital)) ||
                            big_capital(x))))) ||
                       (mt->proper && !x->major);
            /* a spelling close to the one place its key names, in context ("near
             * Dolomytne" for Dolomitne), is that place */
            int keyed = !x->exact && (mt->cue || mt->locative) && !mt->common && !mt->proper &&
                        x->sim >= KEYED_SIM && mt->one_country && !mt->literal;
            if ((mt->generic || (!x->exact && !keyed) || word) && x->kind != GAZ_COUNTRY && alone)
                continue;
        }
        /* a lone candidate wins whatever its total: the margin is then 1 */
        if (mt->nc == 1) {
            ti = 0;
            break;
        }
        /* each bonus is its weight times a 0/1 flag, without branches: which candidates
         * earn it is unpredictable, and adding 0 leaves t as it is */
        int kind = x->kind, main_name = (x->nflags & GAZ_NAME_MAIN) != 0;
        int division = (kind == GAZ_ADMIN1) | (kind == GAZ_ADMIN2) | (kind == GAZ_REGION);
        int town = (kind == GAZ_CITY) | (kind == GAZ_OTHER);
        /* "Poonch district" in a country whose districts the data lacks (India): the
         * town that names the district stands for it, less surely than a district */
        int stand_in = mt->district & (kind == GAZ_CITY) & x->exact & (x->country > 0) &&
                       !(c->ps->g.countries[x->country - 1].flags & GAZ_COUNTRY_ADMIN2);
        double t = x->prior + 0.9 * country_share(x, shares);
        /* "Bolivar state": the division noun of its country */
        int noun_fits = places_noun_fits(c, mt->cue_noun, x->country);
        t += 0.6 * (((mt->cue == CUE_ADMIN) & division & noun_fits) | ((mt->cue == CUE_CITY) & town));
        t += 0.3 * stand_in;
        /* "Mon district" names a district before a state (Myanmar's Mon State) */
        t -= 0.2 * (mt->district & (kind == GAZ_ADMIN1));
        t += 0.15 * x->exact;
        t += 0.05 * main_name;
        /* among towns, one that bears the name beats one that has it as an alias
         * (Salem is not Jerusalem, Bethlehem not Belém) */
        t -= 0.2 * (main_town & (kind == GAZ_CITY) & !main_name);
        /* "Gwoza LGA", "Boda upazila": the kind of place the division noun names */
        if (mt->local_term && kind == c->ps->term_kind[mt->local_term - 1]) t += 0.6;
        /* a national capital named in full outranks another country's division of the
         * same name (San Salvador is not the Bahamian district, Sofia not the Malagasy
         * region) */
        if (capital_country && kind == GAZ_ADMIN1 && x->country != capital_country) t -= 0.5;
        t += containment(c, mt, x);
        /* "Al Farnaj (Tripoli)", "Cankaya, Ankara": the container is the division */
        t += 0.3 * ((mt->contains != 0) & ((kind == GAZ_ADMIN1) | (kind == GAZ_ADMIN2)));
        if (a1 && x->admin1) {
            uint16_t sup = a1_get(a1, x->admin1);
            t += 0.1 * (sup > 3 ? 3 : sup);
        }
        if (t > top) {
            second = top;
            top = t;
            ti = (int)i;
        } else if (t > second) {
            second = t;
        }
    }
    mt->chosen = ti < 0 ? -1 : (int)(mt->c0 + (uint32_t)ti);
    /* the score is read only after the last round (restrict_country), which sets it */
    if (ti < 0 || !restrict_country) return;
    capital_to_division(c, mt, &c->pool[mt->chosen]);
    const cand *x = &c->pool[mt->chosen];
    double margin = second < -1e8 ? 1.0 : top - second;
    double sc = 0.3 + 0.2 * (margin > 0.5 ? 1 : margin * 2) + 0.2 * country_share(x, shares) +
                0.15 * (x->prior > 1 ? 1 : x->prior);
    if (x->exact) sc += 0.1;
    if (mt->cue) sc += 0.1;
    if (mt->locative) sc += 0.05;
    if (mt->sentence_initial && mt->t0 == mt->t1) sc -= 0.1;
    if (mt->in_run) sc -= 0.1;
    if (mt->common) sc -= 0.15;
    mt->score = sc < 0 ? 0 : sc > 1 ? 1 : sc;
}

/* "Pakistani troops", "l'armée malienne": a nationality word is evidence for its
 * country, once per text, like half a place; a named actor of the country (MQM, the
 * Awami League), less often abroad, like a place (only countries with candidates matter). */
static void add_nationality_votes(const ctx *c, double *v, const uint8_t *used, int nused,
                                  uint8_t which) {
    /* most texts have no nationality word: nat is all 0 */
    if (!(c->nat_countries[0] | c->nat_countries[1] | c->nat_countries[2] | c->nat_countries[3]))
        return;
    for (int u = 0; u < nused; u++)
        if (c->nat[used[u]] & which) v[used[u]] += c->nat[used[u]] & NAT_ACTOR ? 1.0 : 0.5;
}

/* Votes are only read at the unknown country (0) and at the countries of the list
 * (those of the candidates and the option's, with nationality words' for the sure
 * evidence): only those are cleared and copied. */
static void clear_votes(double *v, const uint8_t *list, int n) {
    v[0] = 0;
    for (int u = 0; u < n; u++) v[list[u]] = 0;
}

static void copy_votes(double *to, const double *from, const uint8_t *list, int n) {
    to[0] = from[0];
    for (int u = 0; u < n; u++) to[list[u]] = from[list[u]];
}

/* emit() reads the chosen places' records, then their names: random reads in the
 * gazetteer, started ahead of it. Before the last round, the records of the current
 * choices (most stay); after it, the names of the final ones. */
static void prefetch_records(const ctx *c) {
    for (size_t k = 0; k < c->nm; k++) {
        int ci = c->m[k].chosen;
        if (ci >= 0 && !(c->pool[ci].id & USER_BIT))
            __builtin_prefetch(&c->ps->g.places[c->pool[ci].id]);
    }
}

static void prefetch_names(const ctx *c) {
    for (size_t k = 0; k < c->nm; k++) {
        int ci = c->m[k].chosen;
        if (ci < 0 || (c->pool[ci].id & USER_BIT)) continue;
        const gaz_place *p = &c->ps->g.places[c->pool[ci].id];
        __builtin_prefetch(c->ps->g.strings + GAZ_PLACE_NAME(p));
    }
}

/* places_resolve() with weight[q], the cand_weight() of the pool's candidate q. */
static conflict_status resolve(ctx *c, const double *weight) {
    double votes[256];
    tally hard, solid;
    /* only the candidates' countries and the option's get votes: the maxima
     * below look at those (used[0..nused)), and only those entries are set */
    uint8_t seen[256], used[256];
    int nused = 0;
    memset(seen, 0, sizeof seen);
    seen[0] = 1; /* unknown country: never the best */
    if (!seen[c->opt_country]) seen[c->opt_country] = 1, used[nused++] = (uint8_t)c->opt_country;
    for (size_t q = 0; q < c->np; q++) {
        uint8_t k = c->pool[q].country;
        if (!seen[k]) seen[k] = 1, used[nused++] = k;
    }
    /* the sure evidence also counts nationality words of countries no mention has */
    uint8_t sused[256];
    int nsused = nused;
    memcpy(sused, used, (size_t)nused);
    for (int w = 0; w < 4; w++)
        for (uint64_t bits = c->nat_countries[w]; bits; bits &= bits - 1) {
            int k = w * 64 + __builtin_ctzll(bits);
            if (!seen[k]) sused[nsused++] = (uint8_t)k;
        }
    clear_votes(votes, used, nused);
    /* soft votes: each mention votes for each country of its candidates with
     * the weight of its best candidate there (a country outweighs a village) */
    for (size_t k = 0; k < c->nm; k++) {
        const mention *mt = &c->m[k];
        if (mt->repeat) continue;
        const cand *x0 = &c->pool[mt->c0];
        /* the best candidate of each country votes (the first of the best) */
        uint8_t country[MAXCAND];
        double w[MAXCAND];
        int ncountries = 0;
        for (uint32_t i = 0; i < mt->nc; i++) {
            double wi = weight[mt->c0 + i];
            int k = 0;
            while (k < ncountries && country[k] != x0[i].country) k++;
            if (k == ncountries) country[ncountries++] = x0[i].country, w[k] = wi;
            else if (wi > w[k]) w[k] = wi;
        }
        for (int k = 0; k < ncountries; k++) votes[country[k]] += w[k];
    }
    double bonus = c->opt_country ? 3.0 + 0.5 * (double)c->nm : 0;
    votes[c->opt_country] += bonus;
    add_nationality_votes(c, votes, used, nused, NAT_NAMED);
    c->text_country = c->opt_country;
    if (!c->nm) return CONFLICT_OK;
    /* what choose() asks of each mention's candidates in every round */
    for (size_t k = 0; k < c->nm; k++) {
        mention *mt = &c->m[k];
        mt->main_town = mt->capital_country = mt->literal = 0;
        mt->one_country = 1;
        for (uint32_t i = 0; i < mt->nc; i++) {
            const cand *x = &c->pool[mt->c0 + i];
            mt->one_country &= x->country == c->pool[mt->c0].country;
            mt->literal |= x->exact;
            int main = x->exact && (x->nflags & GAZ_NAME_MAIN);
            mt->main_town |= x->kind == GAZ_CITY && main;
            if (main && x->capital == CAPITAL_NATIONAL) mt->capital_country = x->country;
        }
    }
    a1map a1;
    uint16_t local[2 * 64]; /* enough for most texts: no allocation */
    uint32_t size = 16;
    while (size < 2 * c->nm + 2 && size < (1u << 17)) size <<= 1;
    a1.mask = size - 1;
    a1.key = size <= 64 ? local : conflict_malloc(c->a, 2 * (size_t)size * sizeof *a1.key);
    if (!a1.key) return CONFLICT_NOMEM;
    a1.count = a1.key + size;
    for (int round = 0; round < 3; round++) {
        if (round == 2) prefetch_records(c);
        double best = 0;
        for (int u = 0; u < nused; u++)
            if (votes[used[u]] > best) best = votes[used[u]];
        /* each country's votes as a share of the most */
        double shares[256];
        shares[0] = best > 0 ? votes[0] / best : 0;
        for (int u = 0; u < nused; u++) shares[used[u]] = best > 0 ? votes[used[u]] / best : 0;
        /* hard votes and admin1 support of the previous choices */
        memset(a1.key, 0, 2 * (size_t)size * sizeof *a1.key);
        clear_votes(hard.v, used, nused);
        clear_votes(solid.v, sused, nsused);
        if (round > 0) {
            for (size_t k = 0; k < c->nm; k++) {
                if (c->m[k].chosen < 0 || c->m[k].repeat) continue;
                const cand *x = &c->pool[c->m[k].chosen];
                hard.v[x->country] += weight[c->m[k].chosen];
                if (solid_choice(&c->m[k], x)) solid.v[x->country] += weight[c->m[k].chosen];
                if (x->admin1) {
                    uint16_t *q = a1_slot(&a1, x->admin1);
                    if (*q < 1000) ++*q;
                }
            }
            hard.v[c->opt_country] += bonus;
            solid.v[c->opt_country] += bonus;
            add_nationality_votes(c, hard.v, used, nused, NAT_NAMED);
            /* a force often abroad (Turkish drones struck Tal Tamr) says nothing sure */
            add_nationality_votes(c, solid.v, sused, nsused, NAT_HOME);
        }
        tally_top(&hard, used, nused);
        tally_top(&solid, sused, nsused);
        for (size_t k = 0; k < c->nm; k++) {
            mention *mt = &c->m[k];
            if (round > 0 && mt->chosen >= 0) {
                const cand *x = &c->pool[mt->chosen];
                uint16_t *q = x->admin1 ? a1_slot(&a1, x->admin1) : NULL;
                if (q && *q) --*q; /* no self-support */
                choose(c, mt, weight, shares, &a1, round == 2, &hard, &solid);
                if (q) ++*q;
            } else {
                choose(c, mt, weight, shares, round ? &a1 : NULL, round == 2, &hard, &solid);
            }
        }
        /* the next round votes with the choices */
        copy_votes(votes, hard.v, used, nused);
        if (round == 0) {
            clear_votes(votes, used, nused);
            for (size_t k = 0; k < c->nm; k++)
                if (c->m[k].chosen >= 0 && !c->m[k].repeat)
                    votes[c->pool[c->m[k].chosen].country] += weight[c->m[k].chosen];
            votes[c->opt_country] += bonus;
            add_nationality_votes(c, votes, used, nused, NAT_NAMED);
        }
    }
    if (a1.key != local) conflict_free(c->a, a1.key);
    prefetch_names(c);
    /* the country of the names the gazetteer lacks: the one the chosen places and
     * nationality words point to, when one leads */
    if (!c->text_country) {
        clear_votes(hard.v, used, nused);
        for (size_t k = 0; k < c->nm; k++)
            if (c->m[k].chosen >= 0 && !c->m[k].repeat && c->m[k].score >= c->min_score)
                hard.v[c->pool[c->m[k].chosen].country] += weight[c->m[k].chosen];
        add_nationality_votes(c, hard.v, used, nused, NAT_NAMED);
        tally_top(&hard, used, nused);
        for (int u = 0; u < nused; u++)
            if (hard.v[used[u]] == hard.best && hard.best > hard.second)
                c->text_country = used[u];
    }
    return CONFLICT_OK;
}

conflict_status places_resolve(ctx *c) {
    /* each candidate's weight is read many times over the rounds: computed once (the
     * division a capital gives way to in the last round weighs as the capital did) */
    double local[256]; /* enough for most texts: no allocation */
    double *weight = c->np <= 256 ? local : conflict_malloc(c->a, c->np * sizeof *weight);
    if (!weight) return CONFLICT_NOMEM;
    for (size_t q = 0; q < c->np; q++) weight[q] = cand_weight(&c->pool[q]);
    conflict_status st = resolve(c, weight);
    if (weight != local) conflict_free(c->a, weight);
    return st;
}
