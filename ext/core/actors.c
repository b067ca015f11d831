/*
 * extract_actors: armed actors and state forces named in a text.
 *
 * One longest-match pass of the actor dictionary (data/actors.tsv) over the
 * folded tokens finds named groups (HTS, Boko Haram), generic force nouns
 * (armée, regime jets) that take a nationality written next to them, generic
 * group nouns (rebelles, gunmen), capitals used for their government (Damas)
 * and the nationality and country words that say where the text is. A second
 * pass resolves generic mentions against the named groups of the same text
 * ("les rebelles" after "Houthis" are the Houthis) and the text's main country.
 * Rules, in the words of the annotation guide: adjectives ("frappes russes")
 * and generic head nouns of counts ("47 terroristes") are not actors, nor is
 * an acronym in parentheses right after the full name. The connection's own
 * actors (conflict_load_actors, actors_user.c) are a second dictionary looked
 * up at every token: a match as long or longer than the built-in one wins.
 */
#include <string.h>

#include "conflict_actors.h"
#include "dict_data.h"
#include "internal.h"

static const char *const actor_cols[] = {"text", "start", "length", "name", "type", "country"};
static const char *const actor_options[] = {"lang", "country", "generic", "user_actors", NULL};
static const char *const type_names[] = {CONFLICT_DICT_TYPES};

enum { COL_NAME = 3, COL_TYPE, COL_COUNTRY };

typedef struct {
    size_t a, b; /* tokens [a, b) */
    int entry;   /* dictionary entry of the head */
    int nat;     /* nationality entry written next to it, or -1 */
    int alt[4];  /* other entries with the same alias (FDS: SDF or Burkinabe forces) */
    int nalt;
} cand;

/* ---- small word lists (folded) ---------------------------------------------- */

static int in_list(const char *w, const char *const *list) {
    for (; *list; list++)
        if (w[0] == (*list)[0] && strcmp(w, *list) == 0) return 1;
    return 0;
}

static const char *const number_words[] = {
    "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
    "treize", "quatorze", "quinze", "seize", "vingt", "trente", "quarante", "cinquante",
    "soixante", "cent", "cents", "mille", "dizaine", "dizaines", "douzaine", "douzaines",
    "vingtaine", "trentaine", "quarantaine", "cinquantaine", "centaine", "centaines", "millier",
    "milliers", "plusieurs", "nombreux", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred",
    "hundreds", "thousand", "thousands", "dozen", "dozens", "several", "scores", "numerous",
    "many", "some", NULL};
/* words between a number and the noun it counts: "160 éléments terroristes", "dozens of" */
static const char *const count_glue[] = {"de", "d", "of", "elements", "membres", "members",
                                         "presumes", "suspected", "autres", "other", NULL};
/* words before a French plural that make it a noun, not an adjective */
static const char *const noun_before[] = {
    "les", "des", "aux", "ces", "leurs", "nos", "vos", "ses", "de", "d", "du", "par", "contre",
    "entre", "avec", "et", "ou", "the", "of", "and", "or", "by", "against", "with", "between",
    "a", "sur", "chez", "que", "qui", "dont", "face", "plus", "anciens", "ex", "certains",
    "quelques", "nouveaux", "presumes", "suspected", "from", "to", "on", "as", "for", "pour",
    "selon", "tous", "l", "dans", "en", "vers", "depuis", "sans", "aupres", "its", "their",
    "his", "our", "notre", "votre", "sa", "son", "cette", "ce", "cet", "un", "une", "le", "la",
    "in", "at", "while", "when", "after", "before", "including", "both", "y", "compris",
    "toutes", "toute", "tout", "leur", "mais", "but", "puis", "then", "ni", "nor", "apres",
    "avant", "lorsque", "quand", "comme", "parmi", "among", "sous", "under", NULL};
/* words after a nationality that make it a backer, not the force's own nationality */
static const char *const backer_words[] = {"backed", "led", "allied", "supported", "trained",
                                           "funded", "aligned", "sponsored", "soutenus",
                                           "soutenues", NULL};
/* words before a capital that make it the government (contrôle de Damas) */
static const char *const metonym_before[] = {"controle", "control", "par", "by", "pro",
                                             "loyal", "loyale", "loyaux", "loyales", "fideles",
                                             "regime", NULL};
/* "bastion du gouvernement", "forces de Damas" */
static const char *const metonym_holder[] = {
    "regime", "pouvoir", "forces", "troupes", "gouvernement", "allies", "bastion", "bastions",
    "fief", "fiefs", "territoire", "territoires", "zones", "zone", "camp", "cote", "positions",
    "soldats", "armee", "aviation", "stronghold", "strongholds", "territory", "side", "troops",
    "hands", "mains", "emprise", NULL};
static const char *const metonym_after[] = {
    "a", "ont", "avait", "accuse", "affirme", "assure", "annonce", "dement", "reconnait",
    "estime", "menace", "exige", "refuse", "rejette", "has", "had", "says", "said", "accused",
    "claimed", "denied", "announced", "insists", "warned", NULL};

/* words between a generic noun and the name it introduces: "le groupe autoproclamé
 * « Etat islamique »", "l'unité connue sous le nom de Hashd" */
static const char *const apposition[] = {
    "de", "d", "du", "des", "l", "la", "le", "les", "of", "the", "autoproclame", "dit", "dite",
    "appele", "appelee", "baptise", "baptisee", "self", "proclaimed", "so", "called", "connu",
    "connue", "connus", "connues", "sous", "nom", "known", "as", "named", "jihadiste",
    "djihadiste", "islamiste", "extremiste", "terroriste", "jihadist", "islamist", NULL};

static int is_count_word(const conflict_pd_text *t, size_t i) {
    const conflict_token *k = &t->tok.v[i];
    if (k->flags & CONFLICT_TOK_DIGIT) return 1;
    return in_list(conflict_pd_tok(t, i), number_words);
}

/* the noun at token a heads a count: "47 terroristes", "des dizaines de jihadistes" */
static int counted(const conflict_pd_text *t, size_t a) {
    size_t j = a;
    for (int glue = 0; j > 0 && glue < 3; glue++) {
        const conflict_token *p = &t->tok.v[j - 1];
        if (p->next_sep != ' ' && p->next_sep != '\'' && p->next_sep != '-') return 0;
        if (is_count_word(t, j - 1)) return 1;
        if (!in_list(conflict_pd_tok(t, j - 1), count_glue)) return 0;
        j--;
    }
    return 0;
}

/* entry i: the dictionary's, then the connection's own actors (conflict_load_actors) */
static const conflict_dict_entry *entry_at(const conflict_dict_entry *user, int i) {
    int nb = (int)conflict_actors_nentries;
    return i < nb ? &conflict_actors_entries[i] : &user[i - nb];
}

/* +1 for a French function word, -1 for an English one, else 0 */
static int lang_vote(const char *w, size_t n) {
    switch (n) {
        case 2:
            if (!memcmp(w, "le", 2) || !memcmp(w, "la", 2) || !memcmp(w, "et", 2) ||
                !memcmp(w, "du", 2) || !memcmp(w, "au", 2))
                return 1;
            if (!memcmp(w, "of", 2) || !memcmp(w, "to", 2) || !memcmp(w, "in", 2) ||
                !memcmp(w, "by", 2) || !memcmp(w, "on", 2) || !memcmp(w, "is", 2) ||
                !memcmp(w, "at", 2))
                return -1;
            return 0;
        case 3:
            if (!memcmp(w, "les", 3) || !memcmp(w, "des", 3) || !memcmp(w, "est", 3) ||
                !memcmp(w, "une", 3) || !memcmp(w, "par", 3) || !memcmp(w, "sur", 3) ||
                !memcmp(w, "qui", 3) || !memcmp(w, "aux", 3))
                return 1;
            if (!memcmp(w, "the", 3) || !memcmp(w, "and", 3) || !memcmp(w, "was", 3) ||
                !memcmp(w, "for", 3))
                return -1;
            return 0;
        case 4:
            if (!memcmp(w, "dans", 4) || !memcmp(w, "pour", 4)) return 1;
            if (!memcmp(w, "were", 4) || !memcmp(w, "with", 4) || !memcmp(w, "that", 4))
                return -1;
            return 0;
        default:
            return 0;
    }
}

/* French word order (noun then adjective)? From the lang option, else from
 * function words in the first tokens. */
static int is_french(const conflict_pd_text *t, const conflict_options *opts) {
    const conflict_option *o = conflict_options_get(opts, "lang");
    if (o && o->type == CONFLICT_T_TEXT && o->str_len >= 2)
        return (o->str[0] | 0x20) == 'f' && (o->str[1] | 0x20) == 'r';
    int v = 0;
    for (size_t i = 0; i < t->tok.n && i < 300; i++)
        v += lang_vote(conflict_pd_tok(t, i), t->flen[i]);
    return v > 0;
}

/* a French plural after a noun is an adjective: "villages rebelles", "sources militaires" */
static int adjective_use(const conflict_pd_text *t, size_t i) {
    if (i == 0 || (t->tok.v[i].flags & CONFLICT_TOK_SENTENCE)) return 0;
    const conflict_token *p = &t->tok.v[i - 1];
    if (p->next_sep != ' ' || !(p->flags & CONFLICT_TOK_ALPHA) || (p->flags & CONFLICT_TOK_UPPER))
        return 0;
    return !in_list(conflict_pd_tok(t, i - 1), noun_before);
}

/* nationality ending at token b (exclusive), recorded during the scan */
typedef struct {
    size_t end;
    int entry;
} natmark;

typedef struct {
    const char *cc;
    int votes;
} vote;

static void add_vote(vote *v, int *nv, const char *cc, int w) {
    if (!cc || !*cc) return;
    for (int i = 0; i < *nv; i++)
        if (strcmp(v[i].cc, cc) == 0) {
            v[i].votes += w;
            return;
        }
    if (*nv < 64) v[(*nv)++] = (vote){cc, w};
}

static int push_cand(cand **cv, size_t *nc, size_t *cap, const conflict_allocator *a,
                     const cand *c) {
    if (*nc == *cap) {
        size_t nn = *cap ? *cap * 2 : 32;
        cand *p = conflict_realloc(a, *cv, nn * sizeof *p);
        if (!p) return 0;
        *cv = p;
        *cap = nn;
    }
    (*cv)[(*nc)++] = *c;
    return 1;
}

static int sep_ok(char c) { return c == ' ' || c == '-' || c == '\''; }

static conflict_status actors_extract(const conflict_engine *e, const char *s, size_t n,
                                      const conflict_options *opts, conflict_table *out,
                                      conflict_error *err) {
    const conflict_allocator *al = e ? e->a : &conflict_default_allocator;
    const conflict_option *o;
    const char *hint = NULL;
    char hintbuf[3] = {0};
    int generic = 1;
    if ((o = conflict_options_get(opts, "country")) && o->type != CONFLICT_T_NULL) {
        if (o->type != CONFLICT_T_TEXT || o->str_len != 2)
            return conflict_set_error(err, CONFLICT_BAD_OPTIONS,
                                      "option \"country\" must be an ISO 3166-1 alpha-2 code");
        hintbuf[0] = (char)(o->str[0] & ~0x20);
        hintbuf[1] = (char)(o->str[1] & ~0x20);
        hint = hintbuf;
    }
    if ((o = conflict_options_get(opts, "generic")) && o->type != CONFLICT_T_NULL) {
        if (o->type != CONFLICT_T_BOOL)
            return conflict_set_error(err, CONFLICT_BAD_OPTIONS,
                                      "option \"generic\" must be true or false");
        generic = o->num != 0;
    }
    const conflict_user_actors *user = conflict_engine_user_actors(e);
    if ((o = conflict_options_get(opts, "user_actors")) && o->type != CONFLICT_T_NULL) {
        if (o->type != CONFLICT_T_BOOL)
            return conflict_set_error(err, CONFLICT_BAD_OPTIONS,
                                      "option \"user_actors\" must be true or false");
        if (!o->num) user = NULL;
    }
    const conflict_pd *ud = conflict_user_actors_pd(user);
    const conflict_dict_entry *uent = conflict_user_actors_entries(user);
#define E(i) entry_at(uent, (i))
    if ((o = conflict_options_get(opts, "lang")) && o->type != CONFLICT_T_NULL &&
        o->type != CONFLICT_T_TEXT)
        return conflict_set_error(err, CONFLICT_BAD_OPTIONS, "option \"lang\" must be a string");

    conflict_pd_text t;
    conflict_status st = conflict_pd_text_init(&t, s, n, al);
    if (st) return conflict_set_error(err, st, "out of memory");
    const conflict_pd *d = &conflict_actors_pd;
    cand *cv = NULL;
    size_t nc = 0, capc = 0;
    natmark nats[8]; /* the last few nationalities, enough for adjacency */
    int nnat = 0;
    vote votes[64];
    int nv = 0;
    size_t nt = t.tok.n;
    int french = -1; /* computed when a rule first needs it */
    st = CONFLICT_OK;

    for (size_t i = 0; i < nt;) {
        const conflict_pd_alias *pa = NULL, *pu;
        size_t len = conflict_pd_may_start(d, &t, i) ? conflict_pd_longest(d, &t, i, &pa) : 0;
        /* the user's actors: a match as long or longer wins */
        int from_user = 0;
        if (ud && conflict_pd_may_start(ud, &t, i)) {
            size_t lu = conflict_pd_longest(ud, &t, i, &pu);
            if (lu && lu >= len) len = lu, pa = pu, from_user = 1;
        }
        if (!len) {
            i++;
            continue;
        }
        int base = from_user ? (int)conflict_actors_nentries : 0;
        int ei = base + pa->entry;
        const conflict_dict_entry *en = E(ei);
        cand c = {i, i + len, ei, -1, {0}, 0};
        int keep = 0;
        switch (en->kind) {
            case DK_NAT:
            case DK_COUNTRY:
                add_vote(votes, &nv, en->country, en->type == DT_FOREIGN_FORCES ? 0 : 1);
                nats[nnat % 8] = (natmark){i + len, ei};
                nnat++;
                /* French order: a force noun just before takes this nationality */
                if (en->kind == DK_NAT && nc && cv[nc - 1].b == i && cv[nc - 1].nat < 0 &&
                    E(cv[nc - 1].entry)->kind == DK_FORCE && sep_ok(t.tok.v[i - 1].next_sep)) {
                    cv[nc - 1].nat = ei;
                    cv[nc - 1].b = i + len;
                } else if (en->kind == DK_NAT && nc && cv[nc - 1].b == i &&
                           E(cv[nc - 1].entry)->kind != DK_NAMED &&
                           E(cv[nc - 1].entry)->kind != DK_METONYM &&
                           sep_ok(t.tok.v[i - 1].next_sep)) {
                    /* "rebelles syriens": the group's country */
                    cv[nc - 1].nat = ei;
                    cv[nc - 1].b = i + len;
                }
                break;
            case DK_EVENT:
            case DK_NOTACTOR:
                break;
            case DK_NAMED: {
                keep = 1;
                /* "(HTS)" right after "Hayat Tahrir al-Cham" */
                if (i > 0 && t.tok.v[i - 1].next_sep == '(' && nc && cv[nc - 1].b == i &&
                    cv[nc - 1].entry == ei)
                    keep = 0;
                const conflict_pd_alias *alts[5];
                size_t na = conflict_pd_aliases_at(from_user ? ud : d, &t, i, len, alts, 5);
                for (size_t k = 0; k < na && c.nalt < 4; k++)
                    if (base + alts[k]->entry != ei) c.alt[c.nalt++] = base + alts[k]->entry;
                /* an ambiguous alias (FDS) says nothing about the country */
                if (keep && !c.nalt && !en->also[0])
                    add_vote(votes, &nv, en->country, en->type == DT_FOREIGN_FORCES ? 0 : 2);
                break;
            }
            case DK_FORCE: {
                if (!generic || counted(&t, i)) break;
                if (len == 1 && adjective_use(&t, i) &&
                    (french < 0 ? (french = is_french(&t, opts)) : french))
                    break;
                /* "une source de police": the force names the source, not an actor */
                if (i > 1 && (conflict_pd_is(&t, i - 1, "de") || conflict_pd_is(&t, i - 1, "du")) &&
                    (conflict_pd_is(&t, i - 2, "source") || conflict_pd_is(&t, i - 2, "sources")))
                    break;
                /* "regime airstrikes": a modifier of an event noun */
                if (i + len < nt && (t.tok.v[i + len - 1].next_sep == ' ' ||
                                     t.tok.v[i + len - 1].next_sep == '-')) {
                    const conflict_pd_alias *pe;
                    size_t l2 = conflict_pd_longest(d, &t, i + len, &pe);
                    if (l2 && E(pe->entry)->kind == DK_EVENT) break;
                }
                keep = 1;
                /* English order: nationality just before, maybe one word between */
                for (int k = 0; k < nnat && k < 8; k++) {
                    const natmark *m = &nats[(nnat - 1 - k) % 8];
                    if (m->end == i && i > 0 && sep_ok(t.tok.v[i - 1].next_sep) &&
                        E(m->entry)->kind == DK_NAT) {
                        c.nat = m->entry;
                        /* the span starts at the nationality */
                        size_t a = i - 1;
                        while (a > 0 && t.tok.v[a - 1].next_sep != ' ' &&
                               sep_ok(t.tok.v[a - 1].next_sep) && a + 8 > i)
                            a--;
                        c.a = a;
                        break;
                    }
                    if (m->end + 1 == i && i > 1 && t.tok.v[i - 1].next_sep == ' ' &&
                        t.tok.v[i - 2].next_sep == ' ' && E(m->entry)->kind == DK_NAT &&
                        !(t.tok.v[i - 1].flags & CONFLICT_TOK_UPPER) &&
                        !in_list(conflict_pd_tok(&t, i - 1), backer_words) &&
                        !conflict_pd_is(&t, i - 1, "and") && !conflict_pd_is(&t, i - 1, "et")) {
                        c.nat = m->entry;
                        c.a = i - 2;
                        break;
                    }
                }
                break;
            }
            case DK_GENERIC:
            case DK_ATTACKER: {
                if (!generic || counted(&t, i)) break;
                if (len == 1 && adjective_use(&t, i) &&
                    (french < 0 ? (french = is_french(&t, opts)) : french))
                    break;
                if (i + len < nt && t.tok.v[i + len - 1].next_sep == ' ') {
                    const conflict_pd_alias *pe;
                    size_t l2 = conflict_pd_longest(d, &t, i + len, &pe);
                    if (l2 && E(pe->entry)->kind == DK_EVENT) break;
                }
                keep = 1;
                break;
            }
            case DK_METONYM: {
                if (i > 0) {
                    const char *p = conflict_pd_tok(&t, i - 1);
                    if (in_list(p, metonym_before) && sep_ok(t.tok.v[i - 1].next_sep)) keep = 1;
                    /* "contrôle de Damas", "forces de Damas" */
                    if (!keep && i > 1 &&
                        (!strcmp(p, "de") || !strcmp(p, "of") || !strcmp(p, "du") || !strcmp(p, "d"))) {
                        size_t q = i - 2;
                        if (q > 0 && (conflict_pd_is(&t, q, "the") || conflict_pd_is(&t, q, "la"))) q--;
                        if (in_list(conflict_pd_tok(&t, q), metonym_before) ||
                            in_list(conflict_pd_tok(&t, q), metonym_holder))
                            keep = 1;
                    }
                }
                if (!keep && i + len < nt && t.tok.v[i + len - 1].next_sep == ' ' &&
                    in_list(conflict_pd_tok(&t, i + len), metonym_after) &&
                    (i == 0 || (t.tok.v[i].flags & CONFLICT_TOK_SENTENCE) ||
                     t.tok.v[i - 1].next_sep == ',' ||
                     conflict_pd_is(&t, i - 1, "et") || conflict_pd_is(&t, i - 1, "and")))
                    keep = 1;
                break;
            }
            default:
                break;
        }
        if (keep && !push_cand(&cv, &nc, &capc, al, &c)) {
            st = conflict_set_error(err, CONFLICT_NOMEM, "out of memory");
            goto done;
        }
        i += len;
    }

    /* the text's main country: votes, then the caller's hint */
    const char *theater = hint;
    {
        int best = 0;
        for (int k = 0; k < nv; k++)
            if (votes[k].votes > best) best = votes[k].votes, theater = hint ? hint : votes[k].cc;
    }
    /* ambiguous aliases: the reading whose country the text is about */
    for (size_t k = 0; k < nc; k++) {
        cand *c = &cv[k];
        if (!c->nalt) continue;
        int best = -1, bi = c->entry;
        int all[5] = {c->entry, c->alt[0], c->alt[1], c->alt[2], c->alt[3]};
        for (int j = 0; j <= c->nalt; j++) {
            int sc = 0;
            for (int q = 0; q < nv; q++)
                if (strcmp(votes[q].cc, E(all[j])->country) == 0) sc = votes[q].votes;
            if (hint && strcmp(hint, E(all[j])->country) == 0) sc += 100;
            if (sc > best) best = sc, bi = all[j];
        }
        c->entry = bi;
    }
    /* the main named armed group, for "assaillants" and "insurgés" */
    int main_group = -1;
    {
        int bestn = 0;
        for (size_t k = 0; k < nc; k++) {
            const conflict_dict_entry *en = E(cv[k].entry);
            if (en->kind != DK_NAMED ||
                (en->type != DT_JIHADISTS && en->type != DT_REBELS && en->type != DT_MILITIA))
                continue;
            int cnt = 0;
            for (size_t q = 0; q < nc; q++) cnt += cv[q].entry == cv[k].entry;
            if (cnt > bestn) bestn = cnt, main_group = cv[k].entry;
        }
    }

    for (size_t k = 0; k < nc; k++) {
        cand *c = &cv[k];
        const conflict_dict_entry *en = E(c->entry);
        const char *name = en->name, *cc = en->country;
        /* "NAF rebel forces", "HTS militants": the generic noun belongs to the name before it */
        if (en->kind == DK_NAMED && k + 1 < nc && cv[k + 1].a == c->b &&
            t.tok.v[c->b - 1].next_sep == ' ') {
            int k2 = E(cv[k + 1].entry)->kind;
            if (k2 == DK_GENERIC || k2 == DK_ATTACKER || k2 == DK_FORCE) {
                c->b = cv[k + 1].b;
                cv[k + 1].a = cv[k + 1].b = 0; /* consumed */
            }
        }
        if (c->a == 0 && c->b == 0) continue;
        /* "le groupe jihadiste Boko Haram", "les combattants de l'EI": the name carries it */
        if (en->kind != DK_NAMED && k + 1 < nc && E(cv[k + 1].entry)->kind == DK_NAMED) {
            size_t j = c->b, stop = cv[k + 1].a;
            while (j < stop && j < c->b + 6 && in_list(conflict_pd_tok(&t, j), apposition)) j++;
            if (j == stop && (t.tok.v[stop - 1].next_sep == ' ' || t.tok.v[stop - 1].next_sep == '\'' ||
                              t.tok.v[stop - 1].next_sep == '"' ||
                              (unsigned char)t.tok.v[stop - 1].next_sep >= 0x80))
                continue;
        }
        int type = en->type;
        if (en->kind == DK_FORCE) {
            if (c->nat >= 0) {
                const conflict_dict_entry *nat = E(c->nat);
                cc = nat->country;
                if (type == DT_STATE_FORCES) type = nat->type;
            } else if (!*cc) {
                cc = theater;
            }
            /* a named force of that country in the text lends its name */
            for (size_t q = 0; q < nc && cc; q++) {
                const conflict_dict_entry *o2 = E(cv[q].entry);
                if (o2->kind == DK_NAMED && o2->type == type && strcmp(o2->country, cc) == 0) {
                    name = o2->name;
                    break;
                }
            }
        } else if (en->kind == DK_GENERIC) {
            if (c->nat >= 0) cc = E(c->nat)->country;
            for (size_t q = 0; q < nc; q++) {
                const conflict_dict_entry *o2 = E(cv[q].entry);
                if (o2->kind == DK_NAMED && o2->type == type) {
                    name = o2->name;
                    cc = o2->country;
                    break;
                }
            }
            if (cc && !*cc) cc = theater;
        } else if (en->kind == DK_ATTACKER) {
            if (main_group >= 0) {
                name = E(main_group)->name;
                cc = E(main_group)->country;
                type = E(main_group)->type;
            } else if (!*cc) {
                cc = theater;
            }
        } else if (en->kind == DK_METONYM) {
            if (!*cc) cc = theater;
            else if (theater && strcmp(theater, cc) == 0) type = DT_STATE_FORCES;
        }
        long r = conflict_table_add(out);
        if (r < 0) {
            st = conflict_set_error(err, CONFLICT_NOMEM, "out of memory");
            goto done;
        }
        size_t bs = t.tok.v[c->a].start, be = t.tok.v[c->b - 1].start + t.tok.v[c->b - 1].len;
        conflict_table_set_span(out, (size_t)r, s, bs, be - bs);
        conflict_table_set_text(out, (size_t)r, COL_NAME, name, strlen(name));
        conflict_table_set_text(out, (size_t)r, COL_TYPE, type_names[type],
                                strlen(type_names[type]));
        if (cc && *cc) {
            /* the caller's country hint lives on this stack frame: copy it */
            if (cc == hintbuf) {
                if (!conflict_table_set_text_copy(out, (size_t)r, COL_COUNTRY, cc, 2)) {
                    st = conflict_set_error(err, CONFLICT_NOMEM, "out of memory");
                    goto done;
                }
            } else {
                conflict_table_set_text(out, (size_t)r, COL_COUNTRY, cc, 2);
            }
        }
    }
    st = conflict_table_sort(out, NULL);
    if (!st) st = conflict_table_finish(out, s, n);
    if (st) conflict_set_error(err, st, "out of memory");
done:
    conflict_free(al, cv);
    conflict_pd_text_free(&t);
    return st;
#undef E
}

const conflict_extractor conflict_actors_extractor = {
    "actors", actor_cols, 6, actor_options, actors_extract, 0};
