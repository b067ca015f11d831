/*
 * Names the gazetteer lacks. Analysts' events happen in villages no gazetteer
 * lists ("le village de Namssiguian", "Tadaryat town", "Boda upazila"): where the
 * text itself says a name is a settlement or a local division, the name is
 * reported, with the text's country (or the division noun's) and
 * no coordinates (a user place gives it some: conflict_load_places). So are its
 * repetitions in the same text ("à Kayamla") and the other names of a list the
 * cue opens or closes ("les villages de Bale et Kayamla", "Maiwa and Mainari
 * villages").
 */
#include <string.h>

#include "places_ctx.h"

#define UNLISTED_MAX_WORDS 3
#define UNLISTED_SCORE 0.55
#define REPEAT_SCORE 0.5

/* Words that never continue a settlement's name (nor begin it, with the first
 * words of the not_places phrases: Hayat, Boko). */
static int barred(const ctx *c, size_t i) {
    return (c->wm[i] & (W_NOTPLACE | W_NAT | W_LOCATIVE | W_ORG_BEFORE | W_CITY_BEFORE |
                        W_ADMIN_BEFORE | W_CITY_AFTER | W_ADMIN_AFTER | W_HEAD_AFTER |
                        W_HEAD_BEFORE | W_LINK)) != 0;
}

/* Words that open Arabic place names and are also words or names of the lexicons
 * (Abu, Tell, Ras, Khan): the name that follows them is a place's all the same
 * ("the village of Abu Dali", "Tell Tamer", "Khan Arnabeh"). */
static const char *const toponym_heads[] = {"abu", "abou", "um", "umm", "oum", "tell", "tall",
                                            "ras", "hay", "khan", "bani", "beni", NULL};

/* The last token of the name that starts at token i ("Namssiguian", "al-Abdiya",
 * "Al-Taman'aa", "Kafr Nubl", "Abu Dali"): a capitalized word (or a
 * particle hyphened to one, or a toponym's head before one) that no lexicon knows,
 * then words joined to it by a hyphen or an apostrophe, or capitalized words, up to
 * UNLISTED_MAX_WORDS. *found is 0 when no such name starts there. */
static conflict_status name_at(ctx *c, size_t i, size_t *last, int *found,
                               conflict_error *err) {
    const conflict_tokens *tk = &c->tk;
    const conflict_token *t = &tk->v[i];
    *found = 0;
    size_t first = i;
    if ((c->wm[i] & W_PARTICLE) && t->next_sep == '-' && i + 1 < tk->n)
        first = i + 1; /* al-Abdiya, Al-Futirah */
    else if (is_cap(t) && t->next_sep == ' ' && i + 1 < tk->n && is_cap(&tk->v[i + 1]) &&
             places_list_has(c, i, toponym_heads))
        first = i + 1; /* Abu Dali: the next word must be a name */
    const conflict_token *f = &tk->v[first];
    if (!is_cap(f) || (f->flags & CONFLICT_TOK_ALLCAPS) || f->len < 3 || barred(c, first) ||
        (c->wm[first] & W_NOTPLACE_FIRST))
        return CONFLICT_OK;
    unsigned flags;
    conflict_status st = places_token_flags(c, first, &flags, err);
    /* a word (Hope, Omar) is no name; a demonym's shape is (Namssiguian), after a cue */
    if (st || (flags & (SPAN_WORD | SPAN_PROPER))) return st;
    size_t j = first, words = 1;
    while (j + 1 < tk->n && words < UNLISTED_MAX_WORDS) {
        char sep = tk->v[j].next_sep;
        const conflict_token *q = &tk->v[j + 1];
        if (!(q->flags & CONFLICT_TOK_ALPHA) || barred(c, j + 1)) break;
        if (sep == '-' || sep == '\'') {
            j++; /* Al-Futirah, Al-Taman'aa */
        } else if (sep == ' ' && is_cap(q) && !(q->flags & CONFLICT_TOK_ALLCAPS)) {
            j++;
            words++;
        } else {
            break;
        }
    }
    *last = j;
    *found = 1;
    return CONFLICT_OK;
}

static int settlement_cue_before(const ctx *c, size_t t0) {
    int locative;
    size_t at = 0;
    return places_cue_before(c, t0, &locative, &at) == CUE_CITY && (c->wm[at] & W_SETTLEMENT);
}

/* Words that open an apposition naming settlements ("Boulkessi, une localité du
 * centre", "Tadaryat, a village near Arbinda", "Mondoro et Boulkessi, deux localités"). */
static const char *const apposition_openers[] = {"a", "an", "un", "une", "deux", "trois",
                                                 "quatre", "two", "three", "four", "both", NULL};

static int opens_apposition(const ctx *c, size_t i) {
    for (const char *const *w = apposition_openers; *w; w++)
        if (places_tok_eq(c->s, &c->tk.v[i], *w)) return 1;
    return 0;
}

/* Does a settlement noun follow the name that ends at token t1, right after it
 * ("Mainari villages") or in an apposition, perhaps with one adjective ("Tadaryat,
 * a small village")? */
static int settlement_cue_after(const ctx *c, size_t t1) {
    const conflict_tokens *tk = &c->tk;
    if (t1 + 1 >= tk->n) return 0;
    if (tk->v[t1].next_sep == ' ') return (c->wm[t1 + 1] & W_SETTLEMENT) != 0;
    if (tk->v[t1].next_sep != ',' || !opens_apposition(c, t1 + 1)) return 0;
    for (size_t q = t1 + 2; q < tk->n && q <= t1 + 3; q++) {
        if (tk->v[q - 1].next_sep != ' ' || is_cap(&tk->v[q])) return 0;
        if (c->wm[q] & W_SETTLEMENT) return 1;
    }
    return 0;
}

static int list_word(const ctx *c, size_t i) { return (c->wm[i] & W_LIST) != 0; }

/* A lower-case preposition repeated after a list word ("et à", "and in"). */
static int repeated_preposition(const ctx *c, size_t i) {
    return !is_cap(&c->tk.v[i]) && (c->wm[i] & (W_LOCATIVE | W_LINK)) != 0;
}

/* The last token of the list item before the item that starts at token at
 * ("Bale, Kayamla", "Bale et Kayamla"): 0 when no list separator precedes. */
static int prev_item_end(const ctx *c, size_t at, size_t *e) {
    const conflict_tokens *tk = &c->tk;
    if (at >= 1 && tk->v[at - 1].next_sep == ',') {
        *e = at - 1;
        return 1;
    }
    if (at >= 2 && list_word(c, at - 1) && tk->v[at - 2].next_sep == ' ' &&
        tk->v[at - 1].next_sep == ' ') {
        *e = at - 2;
        return 1;
    }
    /* "à Mondoro et à Boulkessi", "in Bale and in Kayamla" */
    if (at >= 3 && repeated_preposition(c, at - 1) && list_word(c, at - 2) &&
        tk->v[at - 3].next_sep == ' ' && tk->v[at - 2].next_sep == ' ' &&
        tk->v[at - 1].next_sep == ' ') {
        *e = at - 3;
        return 1;
    }
    return 0;
}

/* The first token of the list item after the item that ends at token at. */
static int next_item_start(const ctx *c, size_t at, size_t *s) {
    const conflict_tokens *tk = &c->tk;
    if (at + 1 < tk->n && tk->v[at].next_sep == ',') {
        *s = at + 1;
        return 1;
    }
    if (at + 2 < tk->n && tk->v[at].next_sep == ' ' && list_word(c, at + 1) &&
        tk->v[at + 1].next_sep == ' ') {
        *s = at + 2;
        if (at + 3 < tk->n && repeated_preposition(c, at + 2) && tk->v[at + 2].next_sep == ' ')
            *s = at + 3;
        return 1;
    }
    return 0;
}

/* The first token of the mention or unlisted name that ends at token e;
 * (size_t)-1 when none. */
static size_t item_start(const ctx *c, size_t e) {
    for (size_t k = c->nm; k-- > 0;)
        if (c->m[k].t1 == e) return c->m[k].t0;
    for (size_t k = c->nun; k-- > 0;)
        if (c->un[k].t1 == e) return c->un[k].t0;
    return (size_t)-1;
}

/* Is token t0 a later item of a list that a settlement cue opens ("les villages
 * de Bale, Kayamla et Gamboru")? */
static int listed_after_cue(const ctx *c, size_t t0) {
    size_t k = t0;
    for (int items = 0; items < 6; items++) {
        size_t e;
        if (!prev_item_end(c, k, &e)) return 0;
        size_t s = item_start(c, e);
        if (s == (size_t)-1) return 0;
        if (settlement_cue_before(c, s)) return 1;
        k = s;
    }
    return 0;
}

/* The last token of the capitalized words from token q on, joined by spaces
 * (at most UNLISTED_MAX_WORDS) or hyphens and apostrophes; q - 1 when q is not
 * capitalized. */
static size_t capitalized_end(const ctx *c, size_t q) {
    const conflict_tokens *tk = &c->tk;
    if (q >= tk->n || !is_cap(&tk->v[q]) || barred(c, q)) return q - 1;
    size_t words = 1;
    while (q + 1 < tk->n && (tk->v[q + 1].flags & CONFLICT_TOK_ALPHA) && !barred(c, q + 1)) {
        char sep = tk->v[q].next_sep;
        if (sep == '-' || sep == '\'') q++;
        else if (sep == ' ' && is_cap(&tk->v[q + 1]) && words < UNLISTED_MAX_WORDS) q++, words++;
        else break;
    }
    return q;
}

/* Does the list that token e ends an item of close with a settlement noun
 * ("Zangebe, Maiwa and Mainari villages")? */
static int listed_before_cue(const ctx *c, size_t e) {
    const conflict_tokens *tk = &c->tk;
    for (int items = 0; items < 16 && e + 1 < tk->n; items++) {
        if (settlement_cue_after(c, e)) return items > 0;
        size_t q;
        if (!next_item_start(c, e, &q)) return 0;
        size_t end = capitalized_end(c, q);
        if (end + 1 == q) return 0;
        e = end;
    }
    return 0;
}

static conflict_status push(ctx *c, size_t t0, size_t t1, double score, int country, int kind) {
    if (c->nun == c->capun) {
        size_t cap = c->capun ? 2 * c->capun : 8;
        unlisted *p = conflict_realloc(c->a, c->un, cap * sizeof *p);
        if (!p) return CONFLICT_NOMEM;
        c->un = p;
        c->capun = cap;
    }
    unlisted *u = &c->un[c->nun++];
    u->t0 = t0;
    u->t1 = t1;
    u->b0 = c->tk.v[t0].start;
    u->b1 = c->tk.v[t1].start + c->tk.v[t1].len;
    u->score = score;
    u->country = country;
    u->kind = kind;
    return CONFLICT_OK;
}

/* The one country of local term `term` ("upazila": Bangladesh), else 0. */
static int term_country(const ctx *c, int term) {
    const uint8_t *cc = term ? c->ps->term_cc[term - 1] : NULL;
    return cc && cc[0] && !cc[1] ? cc[0] : 0;
}

static int term_kind(const ctx *c, int term) {
    return term ? c->ps->term_kind[term - 1] : GAZ_CITY;
}

/* Called by the spotter at a token where no gazetteer name starts: *next is the
 * token after the unlisted name recorded there, or i. */
conflict_status places_spot_unlisted(ctx *c, size_t i, size_t *next, conflict_error *err) {
    *next = i;
    /* every way below to a name starts from a settlement noun or a local term: most
     * texts have none */
    if (!(c->text_words & (W_SETTLEMENT | W_LOCAL_TERM))) return CONFLICT_OK;
    /* the cue words first: most capitalized words have none near */
    int before = settlement_cue_before(c, i) || listed_after_cue(c, i), after = 0;
    for (size_t q = i + 1; !before && !after && q < c->tk.n && q <= i + 2 * UNLISTED_MAX_WORDS; q++)
        after = (c->wm[q] & (W_SETTLEMENT | W_LOCAL_TERM)) != 0;
    if (!before && !after) {
        size_t e = capitalized_end(c, i);
        if (e + 1 == i || !listed_before_cue(c, e)) return CONFLICT_OK;
    }
    size_t j;
    int found;
    conflict_status st = name_at(c, i, &j, &found, err);
    if (st || !found || places_org_context(c, i)) return st;
    int term = places_local_term_after(c, j);
    if (!before && !term && !settlement_cue_after(c, j) && !listed_before_cue(c, j))
        return CONFLICT_OK;
    st = push(c, i, j, UNLISTED_SCORE, term_country(c, term), term_kind(c, term));
    if (!st) *next = j + 1;
    return st;
}

/* A cued name whose gazetteer matches the resolution all dropped (Kayamla ~
 * Kamalia, a homonym in another country): a name the gazetteer lacks. */
static conflict_status unmatched_mentions(ctx *c, conflict_error *err) {
    conflict_status st = CONFLICT_OK;
    for (size_t k = 0; k < c->nm && !st; k++) {
        const mention *mt = &c->m[k];
        if ((mt->chosen >= 0 && mt->score >= c->min_score) || mt->common || mt->proper ||
            mt->caseless)
            continue;
        /* the whole name: "Maarat" matched, "Maarat Al-Naasan" is named */
        size_t j;
        int found;
        st = name_at(c, mt->t0, &j, &found, err);
        if (st || !found || j < mt->t1) continue;
        int term = places_local_term_after(c, j);
        if (term || settlement_cue_before(c, mt->t0) || settlement_cue_after(c, j) ||
            listed_after_cue(c, mt->t0) || listed_before_cue(c, j))
            st = push(c, mt->t0, j, UNLISTED_SCORE, term_country(c, term), term_kind(c, term));
    }
    return st;
}

/* ---- lists of places ------------------------------------------------------------ */

/* The country of the reported town or district at tokens [t0, t1] (an unlisted
 * name's too), -1 when none is reported there. */
static int reported_at(const ctx *c, size_t t0, size_t t1) {
    for (size_t k = 0; k < c->nm; k++) {
        const mention *mt = &c->m[k];
        if (mt->t0 != t0 || mt->t1 != t1 || mt->chosen < 0 || mt->score < c->min_score) continue;
        const cand *x = &c->pool[mt->chosen];
        return x->kind == GAZ_CITY || x->kind == GAZ_ADMIN2 ? x->country : -1;
    }
    for (size_t k = 0; k < c->nun; k++)
        if (c->un[k].t0 == t0 && c->un[k].t1 == t1) return c->un[k].country;
    return -1;
}

/* Does reported_at() give a country to two items or more? list_members() counts on
 * two of them before it names anything. */
static int two_reported(const ctx *c) {
    int n = 0;
    for (size_t k = 0; k < c->nm && n < 2; k++) {
        const mention *mt = &c->m[k];
        if (mt->chosen < 0 || mt->score < c->min_score) continue;
        const cand *x = &c->pool[mt->chosen];
        n += (x->kind == GAZ_CITY || x->kind == GAZ_ADMIN2) && x->country > 0;
    }
    for (size_t k = 0; k < c->nun && n < 2; k++) n += c->un[k].country > 0;
    return n >= 2;
}

/* The first token of the item that ends at token e: a mention, an unlisted name,
 * else capitalized words; (size_t)-1 when none. */
static size_t item_back(const ctx *c, size_t e) {
    size_t s = item_start(c, e);
    if (s != (size_t)-1) return s;
    if (!is_cap(&c->tk.v[e])) return (size_t)-1;
    s = e;
    for (int words = 1; s > 0 && words < UNLISTED_MAX_WORDS; words++) {
        char sep = c->tk.v[s - 1].next_sep;
        if ((sep != ' ' && sep != '-') || !is_cap(&c->tk.v[s - 1]) || barred(c, s - 1)) break;
        s--;
    }
    return s;
}

/* The last token of the item that starts at token s, (size_t)-1 when none. */
static size_t item_fwd(const ctx *c, size_t s) {
    for (size_t k = 0; k < c->nm; k++)
        if (c->m[k].t0 == s) return c->m[k].t1;
    for (size_t k = 0; k < c->nun; k++)
        if (c->un[k].t0 == s) return c->un[k].t1;
    size_t e = capitalized_end(c, s);
    return e + 1 == s ? (size_t)-1 : e;
}

/* "Maarrat al-Nu'man, Maarshourin, Maraand and Kafr Nubl": in a list whose other
 * items are mostly towns of one country, a name the gazetteer lacks is a town of
 * that country too. */
static conflict_status list_members(ctx *c, const uint8_t *taken, conflict_error *err) {
    const conflict_tokens *tk = &c->tk;
    conflict_status st = CONFLICT_OK;
    for (size_t i = 1; i < tk->n && !st; i++) {
        if (taken[i] || !is_cap(&tk->v[i]) || (tk->v[i].flags & CONFLICT_TOK_SENTENCE)) continue;
        /* the separators first: most capitalized words are in no list */
        size_t last = capitalized_end(c, i);
        if (last + 1 == i ||
            !(tk->v[i - 1].next_sep == ',' || list_word(c, i - 1) || tk->v[last].next_sep == ',' ||
              (last + 1 < tk->n && list_word(c, last + 1))))
            continue;
        size_t j;
        int found;
        st = name_at(c, i, &j, &found, err);
        if (st || !found || places_org_context(c, i)) continue;
        int places = 0, others = 0, country = 0, agree = 1;
        /* the items before, then after */
        for (int dir = 0; dir < 2 && agree; dir++) {
            size_t at = dir ? j : i;
            for (int items = 0; items < 8; items++) {
                size_t s, e;
                if (!dir) {
                    if (!prev_item_end(c, at, &e) || (s = item_back(c, e)) == (size_t)-1) break;
                } else {
                    if (!next_item_start(c, at, &s) || (e = item_fwd(c, s)) == (size_t)-1) break;
                }
                int cc = reported_at(c, s, e);
                if (cc > 0) {
                    if (country && cc != country) agree = 0;
                    country = cc;
                    places++;
                } else {
                    others++;
                }
                at = dir ? e : s;
            }
        }
        if (agree && places >= 2 && places >= others) {
            st = push(c, i, j, REPEAT_SCORE, country, GAZ_CITY);
            i = j;
        }
    }
    return st;
}

/* Same words, token by token, up to case. */
static int same_name(const ctx *c, size_t a0, size_t b0, size_t len) {
    for (size_t k = 0; k < len; k++) {
        if (c->th[a0 + k] != c->th[b0 + k]) return 0;
        if (k + 1 < len && c->tk.v[a0 + k].next_sep != c->tk.v[b0 + k].next_sep) return 0;
    }
    return 1;
}

/* After the resolution: the cued names that matched nothing, then the other
 * capitalized occurrences of the unlisted names, outside any mention. */
conflict_status places_unlisted_after_resolve(ctx *c, conflict_error *err) {
    conflict_status st = unmatched_mentions(c, err);
    size_t ncued = c->nun;
    if (st || (!ncued && c->nm < 2)) return st;
    const conflict_tokens *tk = &c->tk;
    uint8_t local[512]; /* enough for most texts: no allocation */
    uint8_t *taken = tk->n <= sizeof local ? local : conflict_malloc(c->a, tk->n);
    if (!taken) return CONFLICT_NOMEM;
    memset(taken, 0, tk->n);
    for (size_t k = 0; k < c->nm; k++) /* the reported ones: a dropped match may repeat a name */
        if (c->m[k].chosen >= 0 && c->m[k].score >= c->min_score)
            memset(taken + c->m[k].t0, 1, c->m[k].t1 - c->m[k].t0 + 1);
    for (size_t k = 0; k < ncued; k++) memset(taken + c->un[k].t0, 1, c->un[k].t1 - c->un[k].t0 + 1);
    for (size_t i = 0; i < tk->n && !st && ncued; i++) {
        if (taken[i] || !is_cap(&tk->v[i])) continue;
        for (size_t k = 0; k < ncued; k++) {
            size_t len = c->un[k].t1 - c->un[k].t0 + 1;
            if (i + len > tk->n || !same_name(c, c->un[k].t0, i, len)) continue;
            if (i + len < tk->n && tk->v[i + len - 1].next_sep == '-') continue; /* part of a longer word */
            if (i > 0 && !taken[i - 1] && is_cap(&tk->v[i - 1]) && tk->v[i - 1].next_sep == ' ')
                continue; /* inside another capitalized name */
            st = push(c, i, i + len - 1, REPEAT_SCORE, c->un[k].country, c->un[k].kind);
            memset(taken + i, 1, len);
            i += len - 1;
            break;
        }
    }
    if (!st && two_reported(c)) st = list_members(c, taken, err);
    if (taken != local) conflict_free(c->a, taken);
    /* one name, one place: "Zorglub LGA" tells the country of "Zorglub town" */
    for (size_t k = 0; k < c->nun; k++)
        for (size_t q = 0; q < c->nun && !c->un[k].country; q++) {
            const unlisted *a = &c->un[k], *b = &c->un[q];
            if (b->country && a->t1 - a->t0 == b->t1 - b->t0 &&
                same_name(c, a->t0, b->t0, a->t1 - a->t0 + 1))
                c->un[k].country = b->country;
        }
    return st;
}

conflict_status places_emit_unlisted(const ctx *c, conflict_table *out) {
    for (size_t k = 0; k < c->nun; k++) {
        const unlisted *u = &c->un[k];
        if (u->score < c->min_score || !(c->kinds_mask & (1u << u->kind))) continue;
        const char *kind = conflict_place_kinds[u->kind];
        long r = conflict_table_add(out);
        if (r < 0) return CONFLICT_NOMEM;
        size_t row = (size_t)r;
        conflict_table_set_span(out, row, c->s, u->b0, u->b1 - u->b0);
        if (!conflict_table_set_text_copy(out, row, C_NAME, c->s + u->b0, u->b1 - u->b0))
            return CONFLICT_NOMEM;
        conflict_table_set_text(out, row, C_KIND, kind, strlen(kind));
        int country = u->country ? u->country : c->text_country;
        if (country)
            conflict_table_set_text(out, row, C_COUNTRY, c->ps->g.countries[country - 1].cc, 2);
        conflict_table_set_real(out, row, C_SCORE, u->score);
    }
    return CONFLICT_OK;
}
