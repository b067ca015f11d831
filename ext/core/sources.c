/*
 * extract_sources: who reported it ("selon l'OSDH", "told AFP", "a local
 * official said").
 *
 * One longest-match pass of the source dictionary (data/sources.tsv) marks
 * named sources (agencies, NGOs, UN bodies, outlets), generic source nouns
 * (habitant, official, l'armée), "source(s)" with its modifiers, reporting
 * verbs, attribution prepositions and photo-credit markers. Named sources are
 * reported wherever they appear outside photo credits; generic nouns only in
 * an attribution context: after "selon"/"according to", as the subject of a
 * reporting verb ("a local official said", "X, a resident, told"), or after an
 * inverted verb (", a indiqué une source sécuritaire").
 */
#include <string.h>

#include "dict_data.h"
#include "internal.h"

static const char *const source_cols[] = {"text", "start", "length", "name", "type"};
static const char *const source_options[] = {"lang", "generic", NULL};
static const char *const type_names[] = {CONFLICT_DICT_TYPES};

enum { COL_NAME = 3, COL_TYPE };

typedef struct {
    size_t a, b;
    int entry;
} match;

static const conflict_dict_entry *E(int i) { return &conflict_sources_entries[i]; }

static int in_list(const char *w, const char *const *list) {
    for (; *list; list++)
        if (w[0] == (*list)[0] && strcmp(w, *list) == 0) return 1;
    return 0;
}

/* words allowed between an inverted reporting verb and its subject */
static const char *const filler[] = {
    "l", "la", "le", "les", "un", "une", "des", "du", "d", "de", "a", "the", "an", "lundi",
    "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "matin", "soir",
    "egalement", "aussi", "encore", "pour", "sa", "part", "son", "cote", "tot", "tard",
    "ensuite", "enfin", "en", "outre", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "on", "also", "later", "earlier", "sous", "couvert", "anonymat",
    "de", "nuit", "apres", "midi", "aujourd", "hui", "lui", "leur", "meme", "t", "il", "elle",
    "ils", "elles", "dans", "communique", "journee", "then", "yesterday", "today", "autre", "autres",
    "another", "other", "sur", "via", "aupres", "pres", "deux", "trois", "two", "three", "plusieurs",
    "several", NULL};
static const char *const stop_forward[] = {"que", "qu", "that", "si", "if", "lorsque", "when",
                                           "car", "because", "mais", "but", NULL};

/* a reporting verb after the phrase ending at token b, in the same clause:
 * "un habitant de la zone a dit", "X, le représentant d'une milice, a indiqué" */
static int verb_after(const conflict_pd_text *t, const match *m, const int *at, size_t b) {
    size_t nt = t->tok.n;
    int commas = 0;
    for (size_t k = b, steps = 0; k < nt && steps < 12; k++, steps++) {
        if (t->tok.v[k].flags & CONFLICT_TOK_SENTENCE) return 0;
        char sep = t->tok.v[k - 1].next_sep;
        if (sep == ',') commas++;
        else if (sep == ';' || sep == ':' || sep == '"' || (unsigned char)sep >= 0x80) return 0;
        if (commas > 2) return 0;
        int mi = at[k];
        if (mi >= 0) {
            int kind = E(m[mi].entry)->kind;
            if (kind == DK_VERB) {
                /* ", a annoncé le gouverneur": the subject comes after the verb */
                size_t j = m[mi].b;
                if (conflict_pd_is(t, j - 1, "a") || conflict_pd_is(t, j - 1, "to") ||
                    conflict_pd_is(t, j - 1, "told") || conflict_pd_is(t, j - 1, "tells"))
                    return 1;
                for (int f = 0; j < nt && f < 5; f++, j++) {
                    if (at[j] >= 0) {
                        int k2 = E(m[at[j]].entry)->kind;
                        return !(k2 == DK_NAMED || k2 == DK_HEAD || k2 == DK_SOURCE);
                    }
                    if (!in_list(conflict_pd_tok(t, j), filler)) break;
                }
                return 1;
            }
            if (kind == DK_PREP) return 0;
            /* after a comma, another name starts its own clause: "Dans un communiqué, l'EI a" */
            if (commas && (kind == DK_NAMED || kind == DK_HEAD || kind == DK_SOURCE)) return 0;
            k = m[mi].b - 1;
        }
        if (in_list(conflict_pd_tok(t, k), stop_forward)) return 0;
        if (!commas && steps >= 8) return 0;
    }
    return 0;
}

/* the phrase at token a can be the subject of a verb after it: it starts the
 * sentence or a clause, not the object of a verb ("qui appuie l'armée a dit") */
static int subject_position(const conflict_pd_text *t, size_t a) {
    static const char *const det[] = {"l", "la", "le", "les", "un", "une", "des", "the", "a",
                                      "an", "ce", "cette", "ces", "son", "sa", "ses", "leur",
                                      "leurs", "its", "their", "autre", "another", "other", NULL};
    static const char *const joins[] = {"et", "and", "mais", "but", "puis", "then", "while",
                                        "tandis", "alors", "de", "du", "des", "d", "of", "que",
                                        "qu", "ou", "or", NULL};
    size_t j = a;
    for (int k = 0; j > 0 && k < 3 && !(t->tok.v[j].flags & CONFLICT_TOK_SENTENCE) &&
                    in_list(conflict_pd_tok(t, j - 1), det);
         k++)
        j--;
    if (j == 0 || (t->tok.v[j].flags & CONFLICT_TOK_SENTENCE)) return 1;
    char sep = t->tok.v[j - 1].next_sep;
    if (sep != ' ' && sep != '\'' && sep != '-') return 1;
    if (in_list(conflict_pd_tok(t, j - 1), joins)) return 1;
    /* "Husseini Ari, un habitant": a name before the noun */
    return 0;
}

/* a reporting verb or a preposition before token a, with only fillers between:
 * ", a indiqué dimanche une source", "selon un habitant", "told AFP a resident" */
static int cue_before(const conflict_pd_text *t, const match *m, const int *endat, size_t a) {
    size_t k = a;
    int names = 0;
    for (int steps = 0; k > 0 && steps < 10; steps++) {
        if (t->tok.v[k].flags & CONFLICT_TOK_SENTENCE) return 0;
        /* a name inside a quotation is not the reporter */
        char q = t->tok.v[k - 1].next_sep;
        if (q == '"' || (unsigned char)q >= 0x80 || q == '(' || q == ')') return 0;
        int mi = endat[k];
        if (mi >= 0) {
            int kind = E(m[mi].entry)->kind;
            if (kind == DK_VERB || kind == DK_PREP) return 1;
            if (kind != DK_NAMED) return 0;
            /* "a indiqué à l'AFP une source": skip the outlet spoken to */
            size_t j = m[mi].a;
            if (j > 0 && (conflict_pd_is(t, j - 1, "l") || conflict_pd_is(t, j - 1, "the"))) j--;
            int addressee = j > 0 && (conflict_pd_is(t, j - 1, "a") || conflict_pd_is(t, j - 1, "to"));
            if (!addressee && !(endat[j] >= 0 && E(m[endat[j]].entry)->kind == DK_VERB)) return 0;
            k = j;
            continue;
        }
        char sep = t->tok.v[k - 1].next_sep;
        /* a name inside a quotation is not the reporter */
        if (sep != ' ' && sep != '\'' && sep != '-' && sep != ',' && sep != '.') return 0;
        /* fillers, and a person's name: "a souligné Ibrahim Liman, un autre milicien" */
        const conflict_token *p = &t->tok.v[k - 1];
        if (in_list(conflict_pd_tok(t, k - 1), filler)) {
            k--;
            continue;
        }
        if ((p->flags & CONFLICT_TOK_UPPER) && !(p->flags & CONFLICT_TOK_SENTENCE) && names < 4) {
            names++;
            k--;
            continue;
        }
        return 0;
    }
    return 0;
}

static conflict_status sources_extract(const conflict_engine *e, const char *s, size_t n,
                                       const conflict_options *opts, conflict_table *out,
                                       conflict_error *err) {
    const conflict_allocator *al = e ? e->a : &conflict_default_allocator;
    const conflict_option *o;
    int generic = 1;
    if ((o = conflict_options_get(opts, "generic")) && o->type != CONFLICT_T_NULL) {
        if (o->type != CONFLICT_T_BOOL)
            return conflict_set_error(err, CONFLICT_BAD_OPTIONS,
                                      "option \"generic\" must be true or false");
        generic = o->num != 0;
    }
    if ((o = conflict_options_get(opts, "lang")) && o->type != CONFLICT_T_NULL &&
        o->type != CONFLICT_T_TEXT)
        return conflict_set_error(err, CONFLICT_BAD_OPTIONS, "option \"lang\" must be a string");

    conflict_pd_text t;
    conflict_status st = conflict_pd_text_init(&t, s, n, al);
    if (st) return conflict_set_error(err, st, "out of memory");
    const conflict_pd *d = &conflict_sources_pd;
    size_t nt = t.tok.n;
    match *m = NULL;
    int *at = NULL, *endat = NULL;
    size_t nm = 0, capm = 0;
    at = conflict_malloc(al, (nt + 1) * sizeof *at);
    endat = conflict_malloc(al, (nt + 1) * sizeof *endat);
    if (!at || !endat) goto oom;
    for (size_t i = 0; i <= nt; i++) at[i] = endat[i] = -1;

    /* pass 1: every phrase of the dictionary, longest first */
    for (size_t i = 0; i < nt;) {
        const conflict_pd_alias *pa;
        if (!conflict_pd_may_start(d, &t, i)) {
            i++;
            continue;
        }
        size_t len = conflict_pd_longest(d, &t, i, &pa);
        if (!len) {
            i++;
            continue;
        }
        if (nm == capm) {
            size_t nn = capm ? capm * 2 : 32;
            match *p = conflict_realloc(al, m, nn * sizeof *p);
            if (!p) goto oom;
            m = p;
            capm = nn;
        }
        m[nm] = (match){i, i + len, pa->entry};
        at[i] = (int)nm;
        endat[i + len] = (int)nm;
        nm++;
        i += len;
    }

    /* pass 2: decide */
    size_t credit_end = 0; /* byte offset: names before it are photo credits */
    for (size_t k = 0; k < nm; k++) {
        const conflict_dict_entry *en = E(m[k].entry);
        size_t a = m[k].a, b = m[k].b;
        /* "(OSDH)" right after "Observatoire syrien des droits de l'Homme", "(EI)" */
        if (k > 0 && a > 0 && t.tok.v[a - 1].next_sep == '(' && m[k - 1].b == a &&
            m[k - 1].entry == m[k].entry)
            continue;
        /* "le quotidien Al-Watan": the generic noun belongs to the name after it */
        if ((en->kind == DK_HEAD || en->kind == DK_SOURCE) && k + 1 < nm && m[k + 1].a == b &&
            (E(m[k + 1].entry)->kind == DK_NAMED || E(m[k + 1].entry)->kind == DK_ORGCTX) &&
            (t.tok.v[b - 1].next_sep == ' ' || t.tok.v[b - 1].next_sep == '\'')) {
            m[k + 1].a = a;
            continue;
        }
        size_t bs = t.tok.v[a].start;
        int type = en->type, keep = 0;
        const char *name = en->name;
        switch (en->kind) {
            case DK_CREDIT: {
                size_t j = t.tok.v[b - 1].start + t.tok.v[b - 1].len;
                while (j < n && s[j] != '\n' && s[j] != ')') j++;
                credit_end = j;
                break;
            }
            case DK_NAMED:
                if (bs < credit_end) break;
                keep = 1;
                /* "l'envoyé de l'ONU, Staffan de Mistura": one mention */
                while (k + 1 < nm && m[k + 1].entry == m[k].entry && m[k + 1].a == b &&
                       (t.tok.v[b - 1].next_sep == ',' || t.tok.v[b - 1].next_sep == ' ')) {
                    k++;
                    b = m[k].b;
                }
                break;
            case DK_ORGCTX:
                if (bs < credit_end) break;
                /* "l'agence officielle Sana", "selon Sana", "Sana a rapporté" */
                for (size_t j = a; j > 0 && j + 4 > a; j--) {
                    const char *w = conflict_pd_tok(&t, j - 1);
                    if (!strcmp(w, "agence") || !strcmp(w, "agency")) keep = 1;
                }
                if (b < nt && (conflict_pd_is(&t, b, "news") || conflict_pd_is(&t, b, "agency")))
                    keep = 1;
                if (!keep)
                    keep = cue_before(&t, m, endat, a) ||
                           (subject_position(&t, a) && verb_after(&t, m, at, b));
                break;
            case DK_SOURCE: {
                if (!generic) break;
                keep = 1;
                /* "la même source", "de source indépendante" */
                int mod = -1;
                size_t j = b;
                for (size_t steps = 0; j < nt && steps < 6; steps++) {
                    if (!(t.tok.v[j - 1].next_sep == ' ' || t.tok.v[j - 1].next_sep == '\'' ||
                          t.tok.v[j - 1].next_sep == '-'))
                        break;
                    int mi = at[j];
                    if (mi >= 0) {
                        int kind = E(m[mi].entry)->kind;
                        if (kind == DK_NEG) {
                            keep = 0;
                            break;
                        }
                        /* "source de la coalition", "sources de l'armée" */
                        if (kind == DK_MOD || kind == DK_HEAD) {
                            if (mod < 0) mod = m[mi].entry;
                            b = m[mi].b;
                            j = m[mi].b;
                            continue;
                        }
                        break;
                    }
                    const char *w = conflict_pd_tok(&t, j);
                    if (strcmp(w, "et") && strcmp(w, "and") && strcmp(w, "de") &&
                        strcmp(w, "d") && strcmp(w, "du") && strcmp(w, "des") &&
                        strcmp(w, "of") && strcmp(w, "la") && strcmp(w, "l"))
                        break;
                    j++;
                }
                /* English order: "a security source", "security and local sources" */
                size_t q = a;
                for (size_t steps = 0; q > 0 && steps < 4; steps++) {
                    char sep = t.tok.v[q - 1].next_sep;
                    if (sep != ' ' && sep != '-') break;
                    int mi = endat[q];
                    if (mi >= 0 && E(m[mi].entry)->kind == DK_MOD) {
                        mod = m[mi].entry; /* the leftmost wins */
                        q = m[mi].a;
                        a = q;
                        continue;
                    }
                    if (mi >= 0 && E(m[mi].entry)->kind == DK_NEG) {
                        keep = 0;
                        break;
                    }
                    if (conflict_pd_is(&t, q - 1, "and") || conflict_pd_is(&t, q - 1, "et")) {
                        q--;
                        continue;
                    }
                    break;
                }
                if (mod >= 0) type = E(mod)->type, name = E(mod)->name;
                break;
            }
            case DK_HEAD:
                if (!generic) break;
                keep = cue_before(&t, m, endat, a) ||
                       (subject_position(&t, a) && verb_after(&t, m, at, b));
                /* "un responsable militaire": a military modifier right after */
                if (keep && b < nt && at[b] >= 0 && E(m[at[b]].entry)->kind == DK_MOD &&
                    E(m[at[b]].entry)->type == DT_MILITARY)
                    type = DT_MILITARY, b = m[at[b]].b;
                break;
            default:
                break;
        }
        /* "Source : Le Parisien": the rest of the line names the outlet */
        if (en->kind == DK_SOURCE && b == a + 1 && t.tok.v[a].next_sep == ':' &&
            (t.tok.v[a].flags & CONFLICT_TOK_UPPER) && a + 1 < nt) {
            size_t j = a + 1, last = a + 1;
            while (j < nt && j < a + 7) {
                last = j;
                size_t end = t.tok.v[j].start + t.tok.v[j].len;
                if (j + 1 >= nt || memchr(s + end, '\n', t.tok.v[j + 1].start - end)) break;
                j++;
            }
            int mi = at[a + 1];
            a = a + 1;
            b = last + 1;
            if (mi >= 0 && E(m[mi].entry)->kind == DK_NAMED) {
                type = E(m[mi].entry)->type;
                name = E(m[mi].entry)->name;
                b = m[mi].b;
                k = (size_t)mi; /* the outlet is reported here, not twice */
            } else {
                type = DT_MEDIA;
                name = NULL;
            }
            keep = 1;
        }
        if (!keep) continue;
        /* group entries of the dictionary ("(as written)") are named by the mention itself */
        if (name && name[0] == '(') name = NULL;
        long r = conflict_table_add(out);
        if (r < 0) goto oom;
        size_t ss = t.tok.v[a].start, se = t.tok.v[b - 1].start + t.tok.v[b - 1].len;
        conflict_table_set_span(out, (size_t)r, s, ss, se - ss);
        if (name)
            conflict_table_set_text(out, (size_t)r, COL_NAME, name, strlen(name));
        else
            conflict_table_set_text(out, (size_t)r, COL_NAME, s + ss, se - ss);
        conflict_table_set_text(out, (size_t)r, COL_TYPE, type_names[type],
                                strlen(type_names[type]));
    }
    st = conflict_table_sort(out, NULL);
    if (!st) st = conflict_table_finish(out, s, n);
    if (st) conflict_set_error(err, st, "out of memory");
    goto done;
oom:
    st = conflict_set_error(err, CONFLICT_NOMEM, "out of memory");
done:
    conflict_free(al, m);
    conflict_free(al, at);
    conflict_free(al, endat);
    conflict_pd_text_free(&t);
    return st;
}

const conflict_extractor conflict_sources_extractor = {
    "sources", source_cols, 5, source_options, sources_extract, 0};
