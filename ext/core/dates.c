/*
 * Dates: absolute mentions (26 janvier 2020, 1er mars, mars 2011, January 26,
 * 2020, 26/01/2020, 2020-01-26, "en 2011") and relative ones (dimanche, jeudi
 * soir, hier, yesterday, en janvier, depuis décembre, février dernier, last
 * year), resolved against the reference date the way a newsroom means them:
 *
 *   - a weekday is the latest such day on or before ref_date ("dernier"/"last":
 *     strictly before; "prochain"/"next": strictly after);
 *   - a yearless month (or day and month) takes the year that keeps its month
 *     on or before ref_date's month ("dernier": strictly before);
 *   - hier/yesterday, aujourd'hui/today, demain/tomorrow, avant-hier count days;
 *   - l'an dernier / last year, le mois dernier / last month count periods.
 *
 * Not dates: times (10h05), durations (24 heures), holidays, "la veille", week
 * phrases. A span holds the date words only ("jeudi" in "jeudi soir").
 * Relative mentions that cannot be resolved (no ref_date, or a ref_date coarser
 * than the mention) are listed with date NULL unless {"unresolved": false}.
 *
 * A hand-written scanner over words (no regex): one pass, trigger words looked
 * up in a small static table, neighbours inspected on demand.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static const char *const date_cols[] = {"text", "start", "length", "date", "precision", "relative"};
enum { COL_DATE = 3, COL_PREC, COL_REL, NCOLS };
static const char *const date_option_keys[] = {"lang", "unresolved", NULL};

/* ---- keyword table ---------------------------------------------------------- */

enum { L_FR = 1, L_EN = 2 };
enum { T_NONE, T_MONTH, T_WDAY, T_RELDAY, T_PERIOD };
/* month flags */
enum {
    F_ABBR = 4,    /* abbreviation: needs a day or a year beside it */
    F_CAPREQ = 8,  /* only capitalised (English May, March, August) */
    F_AMB = 16,    /* needs a day, a year or a cue word beside it */
    F_CAPAMB = 32, /* capitalised inside a sentence = something else (Mars) */
    F_SUFFIX = 64  /* relday that needs a suffix: aujourd'hui, avant-hier */
};
/* roles a neighbouring word can play */
enum {
    R_CUE = 1,       /* strong year cue: en 2011, since 2015, fin 2019 */
    R_WCUE = 2,      /* weak year cue: de 2011, from 2015 */
    R_CONN = 4,      /* range connector: du 12 au 15, 2011 and 2014 */
    R_ON = 8,        /* date preposition before an English month: on January 30 */
    R_NAMEHEAD = 16, /* rue du 4 Septembre, Mouvement du 23 mars */
    R_HOLI_B = 32,   /* Good Friday, Bloody Sunday */
    R_HOLI_A = 64,   /* mardi gras, vendredi saint */
    R_ORD = 128,     /* 1er, 2nd, 26th */
    R_ART = 256,     /* le, the, l' */
    R_MOD_B = 512,   /* modifier before: last, next, this, ce */
    R_MOD_A = 1024   /* modifier after: dernier, prochain */
};
enum { M_NONE, M_PAST, M_NEXT, M_THIS };
enum { P_YEAR = 1, P_MONTH = 2 };

typedef struct {
    const char *k;
    unsigned char len;
    unsigned char type;
    signed char val; /* month 1..12, weekday 0..6 (Sunday 0), day offset, modifier, period */
    unsigned char flags;
    unsigned short roles;
} kw;

#define K(s, t, v, f, r) {s, sizeof(s) - 1, t, v, f, r}
#define MONTH(s, v, f) K(s, T_MONTH, v, f, 0)
#define WDAY(s, v, f) K(s, T_WDAY, v, f, 0)
#define ROLE(s, r) K(s, T_NONE, 0, L_FR | L_EN, r)
#define MOD(s, v, f, r) K(s, T_NONE, v, f, r)

static const kw kw_a[] = {
    ROLE("after", R_CUE | R_ON), ROLE("and", R_CONN | R_WCUE), MONTH("april", 4, L_EN),
    MONTH("apr", 4, L_EN | F_ABBR), MONTH("august", 8, L_EN | F_CAPREQ),
    MONTH("aug", 8, L_EN | F_ABBR), K("aujourd", T_RELDAY, 0, L_FR | F_SUFFIX, 0),
    K("avant", T_RELDAY, -2, L_FR | F_SUFFIX, R_CUE), MONTH("avril", 4, L_FR),
    MONTH("avr", 4, L_FR | F_ABBR), K("an", T_PERIOD, P_YEAR, L_FR, R_CUE),
    K("année", T_PERIOD, P_YEAR, L_FR, R_CUE), K("annee", T_PERIOD, P_YEAR, L_FR, R_CUE),
    MONTH("août", 8, L_FR), MONTH("aout", 8, L_FR), K("après", T_RELDAY, 2, L_FR | F_SUFFIX, R_CUE),
    K("apres", T_RELDAY, 2, L_FR | F_SUFFIX, R_CUE), ROLE("au", R_CONN | R_WCUE),
    ROLE("around", R_CUE), ROLE("autumn", R_CUE), ROLE("automne", R_CUE), ROLE("ash", R_HOLI_B),
    ROLE("avenue", R_NAMEHEAD)};
static const kw kw_b[] = {ROLE("before", R_CUE | R_ON), ROLE("between", R_WCUE),
                          ROLE("black", R_HOLI_B), ROLE("bloody", R_HOLI_B),
                          ROLE("boulevard", R_NAMEHEAD), ROLE("by", R_CUE | R_ON)};
static const kw kw_c[] = {MOD("ce", M_THIS, L_FR, R_MOD_B), MOD("cette", M_THIS, L_FR, R_MOD_B),
                          MOD("coming", M_NEXT, L_EN, R_MOD_B), ROLE("carrefour", R_NAMEHEAD),
                          ROLE("cité", R_NAMEHEAD), ROLE("collège", R_NAMEHEAD),
                          ROLE("circa", R_CUE)};
static const kw kw_d[] = {
    ROLE("de", R_WCUE), ROLE("du", R_WCUE), MONTH("dec", 12, L_EN | L_FR | F_ABBR),
    MONTH("déc", 12, L_FR | F_ABBR), MONTH("december", 12, L_EN), MONTH("décembre", 12, L_FR),
    MONTH("decembre", 12, L_FR), K("demain", T_RELDAY, 1, L_FR, 0), ROLE("depuis", R_CUE | R_ON),
    MOD("dernier", M_PAST, L_FR, R_MOD_A), MOD("dernière", M_PAST, L_FR, R_MOD_A),
    MOD("derniere", M_PAST, L_FR, R_MOD_A), ROLE("dès", R_CUE | R_ON), ROLE("début", R_CUE),
    ROLE("debut", R_CUE), WDAY("dimanche", 0, L_FR), ROLE("during", R_CUE), ROLE("durant", R_CUE)};
static const kw kw_e[] = {ROLE("early", R_CUE), ROLE("easter", R_HOLI_B), ROLE("en", R_CUE),
                          ROLE("et", R_CONN | R_WCUE), ROLE("entre", R_WCUE),
                          ROLE("ecole", R_NAMEHEAD), ROLE("er", R_ORD), ROLE("e", R_ORD),
                          ROLE("eme", R_ORD)};
static const kw kw_f[] = {MONTH("feb", 2, L_EN | F_ABBR), MONTH("february", 2, L_EN),
                          MONTH("février", 2, L_FR), MONTH("fevrier", 2, L_FR),
                          MONTH("févr", 2, L_FR | F_ABBR), MONTH("fevr", 2, L_FR | F_ABBR),
                          MONTH("fév", 2, L_FR | F_ABBR), MONTH("fev", 2, L_FR | F_ABBR),
                          ROLE("fin", R_CUE), WDAY("friday", 5, L_EN), ROLE("from", R_WCUE | R_ON)};
static const kw kw_g[] = {ROLE("good", R_HOLI_B), ROLE("gras", R_HOLI_A)};
static const kw kw_h[] = {K("hier", T_RELDAY, -1, L_FR, 0), ROLE("hiver", R_CUE),
                          ROLE("holy", R_HOLI_B), ROLE("hôpital", R_NAMEHEAD)};
static const kw kw_i[] = {ROLE("in", R_CUE)};
static const kw kw_j[] = {
    MONTH("jan", 1, L_EN | F_ABBR), MONTH("janv", 1, L_FR | F_ABBR), MONTH("january", 1, L_EN),
    MONTH("janvier", 1, L_FR), WDAY("jeudi", 4, L_FR), MONTH("jul", 7, L_EN | F_ABBR),
    MONTH("juil", 7, L_FR | F_ABBR), MONTH("july", 7, L_EN), MONTH("juillet", 7, L_FR),
    MONTH("jun", 6, L_EN | F_ABBR), MONTH("june", 6, L_EN), MONTH("juin", 6, L_FR),
    ROLE("jusqu", R_CUE | R_ON)};
static const kw kw_l[] = {ROLE("l", R_ART), ROLE("la", R_ART), MOD("last", M_PAST, L_EN, R_MOD_B),
                          ROLE("late", R_CUE), ROLE("le", R_ART), WDAY("lundi", 1, L_FR),
                          ROLE("lycée", R_NAMEHEAD)};
static const kw kw_m[] = {
    MONTH("mai", 5, L_FR), MONTH("mar", 3, L_EN | F_ABBR), MONTH("march", 3, L_EN | F_CAPREQ),
    WDAY("mardi", 2, L_FR), MONTH("mars", 3, L_FR | F_CAPAMB),
    MONTH("may", 5, L_EN | F_CAPREQ | F_AMB), WDAY("mercredi", 3, L_FR), ROLE("mi", R_CUE),
    ROLE("mid", R_CUE), K("mois", T_PERIOD, P_MONTH, L_FR, 0), WDAY("monday", 1, L_EN),
    K("month", T_PERIOD, P_MONTH, L_EN, 0), ROLE("mouvement", R_NAMEHEAD),
    ROLE("movement", R_NAMEHEAD)};
static const kw kw_n[] = {ROLE("nd", R_ORD), MOD("next", M_NEXT, L_EN, R_MOD_B),
                          MONTH("nov", 11, L_EN | L_FR | F_ABBR), MONTH("november", 11, L_EN),
                          MONTH("novembre", 11, L_FR)};
static const kw kw_o[] = {MONTH("oct", 10, L_EN | L_FR | F_ABBR), MONTH("october", 10, L_EN),
                          MONTH("octobre", 10, L_FR), ROLE("of", R_WCUE | R_ON), ROLE("on", R_ON),
                          ROLE("or", R_CONN), ROLE("ou", R_CONN)};
static const kw kw_p[] = {ROLE("palm", R_HOLI_B), MOD("passé", M_PAST, L_FR, R_MOD_A),
                          MOD("passe", M_PAST, L_FR, R_MOD_A), MOD("passée", M_PAST, L_FR, R_MOD_A),
                          MOD("passee", M_PAST, L_FR, R_MOD_A), MOD("past", M_PAST, L_EN, R_MOD_B),
                          ROLE("pendant", R_CUE), ROLE("place", R_NAMEHEAD),
                          ROLE("pont", R_NAMEHEAD), ROLE("printemps", R_CUE),
                          MOD("prochain", M_NEXT, L_FR, R_MOD_A),
                          MOD("prochaine", M_NEXT, L_FR, R_MOD_A)};
static const kw kw_q[] = {ROLE("quartier", R_NAMEHEAD)};
static const kw kw_r[] = {ROLE("rd", R_ORD), ROLE("re", R_ORD), ROLE("rue", R_NAMEHEAD)};
static const kw kw_s[] = {
    ROLE("saint", R_HOLI_A), WDAY("samedi", 6, L_FR), WDAY("saturday", 6, L_EN),
    MONTH("sep", 9, L_EN | F_ABBR), MONTH("sept", 9, L_EN | L_FR | F_ABBR),
    MONTH("september", 9, L_EN), MONTH("septembre", 9, L_FR), ROLE("since", R_CUE | R_ON),
    ROLE("spring", R_CUE), ROLE("st", R_ORD), ROLE("stade", R_NAMEHEAD), ROLE("summer", R_CUE),
    WDAY("sunday", 0, L_EN)};
static const kw kw_t[] = {ROLE("th", R_ORD), ROLE("the", R_ART), MOD("this", M_THIS, L_EN, R_MOD_B),
                          ROLE("through", R_CONN), WDAY("thursday", 4, L_EN),
                          ROLE("till", R_CUE | R_ON), ROLE("to", R_CONN | R_WCUE),
                          K("today", T_RELDAY, 0, L_EN, 0), K("tomorrow", T_RELDAY, 1, L_EN, 0),
                          WDAY("tuesday", 2, L_EN)};
static const kw kw_u[] = {ROLE("until", R_CUE | R_ON), ROLE("université", R_NAMEHEAD)};
static const kw kw_v[] = {WDAY("vendredi", 5, L_FR), ROLE("vers", R_CUE)};
static const kw kw_w[] = {WDAY("wednesday", 3, L_EN), ROLE("winter", R_CUE)};
static const kw kw_y[] = {K("year", T_PERIOD, P_YEAR, L_EN, R_CUE),
                          K("yesterday", T_RELDAY, -1, L_EN, 0)};
static const kw kw_acc[] = {ROLE("à", R_CONN | R_WCUE), ROLE("été", R_CUE),
                            ROLE("école", R_NAMEHEAD), ROLE("ème", R_ORD)};

#define B(x) {x, sizeof x / sizeof x[0]}
static const struct {
    const kw *v;
    int n;
} kw_buckets[27] = {B(kw_a), B(kw_b), B(kw_c), B(kw_d), B(kw_e), B(kw_f), B(kw_g),
                    B(kw_h), B(kw_i), B(kw_j), {NULL, 0}, B(kw_l), B(kw_m), B(kw_n),
                    B(kw_o), B(kw_p), B(kw_q), B(kw_r), B(kw_s), B(kw_t), B(kw_u),
                    B(kw_v), B(kw_w), {NULL, 0}, B(kw_y), {NULL, 0}, B(kw_acc)};

/* Per-engine filter built once from the table: for each first letter, the
 * second letters and the byte lengths of the date words (months, weekdays...).
 * Most words of a text fail it without touching the table. */
typedef struct {
    uint32_t second[27]; /* bit x: second byte 'a'+x; bit 26: a non-ASCII byte */
    uint32_t lens[27];   /* bit l: some date word has l bytes */
} dates_state;

static int bucket_of(unsigned char c0) {
    if (c0 < 0x80) {
        c0 |= 0x20;
        return c0 >= 'a' && c0 <= 'z' ? c0 - 'a' : -1;
    }
    return c0 == 0xC3 ? 26 : -1;
}

static int second_bit(unsigned char c1) {
    if (c1 >= 0x80) return 26;
    c1 |= 0x20;
    return c1 >= 'a' && c1 <= 'z' ? c1 - 'a' : 27;
}

static conflict_status dates_init(conflict_engine *e, void **state, conflict_error *err) {
    (void)err;
    dates_state *st = conflict_malloc(e->a, sizeof *st);
    if (!st) return CONFLICT_NOMEM;
    memset(st, 0, sizeof *st);
    for (int b = 0; b < 27; b++)
        for (int i = 0; i < kw_buckets[b].n; i++) {
            const kw *k = &kw_buckets[b].v[i];
            if (k->type == T_NONE) continue;
            st->second[b] |= 1u << second_bit((unsigned char)k->k[1]);
            st->lens[b] |= 1u << k->len;
        }
    *state = st;
    return CONFLICT_OK;
}

static void dates_free(conflict_engine *e, void *state) { conflict_free(e->a, state); }

const conflict_module conflict_dates_module = {dates_init, dates_free};

/* ---- words -------------------------------------------------------------------- */

typedef struct {
    size_t s, e;
    int digit; /* a run of ASCII digits (letters and digits are separate words) */
} word;

/* Letters of any script; Latin-1 punctuation, general punctuation, symbols and
 * CJK punctuation are not. */
static int cp_letter(uint32_t c) {
    if (c < 0xC0) return 0;
    if (c == 0xD7 || c == 0xF7) return 0;
    if (c >= 0x2000 && c <= 0x2BFF) return 0;
    if (c >= 0x3000 && c <= 0x303F) return 0;
    if (c >= 0xFE30 && c <= 0xFE6F) return 0;
    if (c >= 0xFF00 && c <= 0xFF20) return 0;
    return 1;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_alpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* byte classes: 0 separator, 1 ASCII letter, 2 digit, 3 start or part of a multi-byte character */
static const unsigned char bcls[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
};

/* 0 = not a word character, 1 = letter, 2 = digit; *len = bytes of the code point */
static int wclass(const char *s, size_t n, size_t i, size_t *len) {
    unsigned char c = (unsigned char)s[i];
    if (bcls[c] < 3) {
        *len = 1;
        return bcls[c];
    }
    size_t j = i;
    uint32_t cp = conflict_utf8_next(s, n, &j);
    *len = j - i;
    return cp_letter(cp) ? 1 : 0;
}

/* The word starting at or after i, scanning at most `limit` separator bytes. */
static int next_word(const char *s, size_t n, size_t i, size_t limit, word *w) {
    size_t len, lim = limit > n - i ? n : i + limit;
    int k = 0;
    while (i < n) {
        k = wclass(s, n, i, &len);
        if (k) break;
        i += len;
        if (i > lim) return 0;
    }
    if (i >= n) return 0;
    w->s = i;
    w->digit = k == 2;
    while (i < n && wclass(s, n, i, &len) == k) i += len;
    w->e = i;
    return 1;
}

/* The word ending at or before i, scanning back at most `limit` separator bytes. */
static int prev_word(const char *s, size_t n, size_t i, size_t limit, word *w) {
    size_t len, stop = i > limit ? i - limit : 0;
    int k = 0;
    while (i > 0) {
        size_t j = conflict_utf8_prev(s, i);
        k = wclass(s, n, j, &len);
        if (k) break;
        if (j < stop) return 0;
        i = j;
    }
    if (i == 0) return 0;
    w->e = i;
    w->digit = k == 2;
    while (i > 0) {
        size_t j = conflict_utf8_prev(s, i);
        if (wclass(s, n, j, &len) != k) break;
        i = j;
    }
    w->s = i;
    return 1;
}

/* Lower-cases ASCII and Latin-1 letters into key; 0 when too long or foreign. */
static size_t fold(const char *s, size_t a, size_t b, char *key, size_t cap) {
    size_t k = 0;
    if (b - a >= cap) return 0;
    for (size_t i = a; i < b; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            key[k++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
        } else if (c == 0xC3 && i + 1 < b) {
            unsigned char d = (unsigned char)s[++i];
            if (d >= 0x80 && d <= 0x9E && d != 0x97) d += 0x20;
            key[k++] = (char)c;
            key[k++] = (char)d;
        } else {
            return 0;
        }
    }
    key[k] = 0;
    return k;
}

/* The table entry of word w; only date words (months, weekdays...) when trig. */
static const kw *lookup_kw(const char *s, const word *w, int trig) {
    if (w->digit) return NULL;
    size_t len = w->e - w->s;
    if (len > 12) return NULL;
    unsigned char c0 = (unsigned char)s[w->s];
    int b;
    if (c0 < 0x80) {
        c0 |= 0x20;
        if (c0 < 'a' || c0 > 'z') return NULL;
        b = c0 - 'a';
    } else if (c0 == 0xC3) {
        b = 26;
    } else {
        return NULL;
    }
    /* folding keeps byte lengths: look for an entry of this length first */
    const kw *v = kw_buckets[b].v;
    int nb = kw_buckets[b].n, i = 0;
    while (i < nb && (v[i].len != len || (trig && v[i].type == T_NONE))) i++;
    if (i == nb) return NULL;
    char key[16];
    size_t k = fold(s, w->s, w->e, key, sizeof key);
    if (k != len) return NULL;
    for (; i < nb; i++)
        if (v[i].len == k && v[i].k[1] == key[1] && memcmp(v[i].k, key, k) == 0) return &v[i];
    return NULL;
}

static const kw *lookup(const char *s, const word *w) { return lookup_kw(s, w, 0); }

static unsigned roles(const char *s, const word *w) {
    const kw *k = lookup(s, w);
    return k ? k->roles : 0;
}

/* Spaces: ASCII blanks, NBSP, narrow NBSP, thin space. */
static size_t space_len(const char *s, size_t n, size_t i) {
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) return 2;
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0xAF || (unsigned char)s[i + 2] == 0x89))
        return 3;
    return 0;
}

/* 1 when s[a..b) is only spaces plus at most one character out of `extra`
 * (any of them when extra is NULL: spaces only). */
static int gap_ok(const char *s, size_t n, size_t a, size_t b, const char *extra) {
    int used = 0;
    if (b < a || b - a > 8) return 0;
    while (a < b) {
        size_t l = space_len(s, n, a);
        if (l) {
            a += l;
            continue;
        }
        if (extra && !used && strchr(extra, s[a]) && s[a]) {
            used = 1;
            a++;
            continue;
        }
        /* en dash as a hyphen */
        if (extra && !used && strchr(extra, '-') && b - a >= 3 && (unsigned char)s[a] == 0xE2 &&
            (unsigned char)s[a + 1] == 0x80 && (unsigned char)s[a + 2] == 0x93) {
            used = 1;
            a += 3;
            continue;
        }
        return 0;
    }
    return 1;
}

static int is_upper_at(const char *s, size_t n, size_t i) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 'A' && c <= 'Z') return 1;
    return c == 0xC3 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
           (unsigned char)s[i + 1] <= 0x9E;
}

/* Starts a sentence, a line or the text (quotes and brackets skipped). */
static int sentence_start(const char *s, size_t i) {
    size_t k = 0;
    while (i > 0 && k < 12) {
        size_t j = conflict_utf8_prev(s, i);
        unsigned char c = (unsigned char)s[j];
        if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '|') return 1;
        if (c == ' ' || c == '\t' || c == '"' || c == '(' || c == '\'' || c >= 0x80) {
            if (c >= 0x80) { /* NBSP, guillemets, curly quotes, dashes */
                size_t x = j;
                uint32_t cp = conflict_utf8_next(s, i, &x);
                if (cp_letter(cp)) return 0;
            }
            k++;
            i = j;
            continue;
        }
        return 0;
    }
    return i == 0;
}

static int digits_value(const char *s, const word *w) {
    int v = 0;
    for (size_t i = w->s; i < w->e && i < w->s + 6; i++) v = v * 10 + (s[i] - '0');
    return v;
}

/* A digit word that is a number on its own, not inside 1.500, 3,5, 10:30 or 2/3
 * (12-15 is a range of two numbers). */
static int standalone_start(const char *s, size_t i) {
    if (i == 0) return 1;
    char p = s[i - 1];
    if ((p == '.' || p == ',' || p == ':' || p == '/') && i >= 2 && is_digit(s[i - 2]))
        return 0;
    return 1;
}

static int days_in_month(int y, int m) {
    static const unsigned char d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return d[m - 1];
}

/* Days since 1970-01-01 (H. Hinnant's civil calendar algorithms). */
static long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

/* ---- reference date ------------------------------------------------------------ */

enum { PR_NONE, PR_YEAR, PR_MONTH, PR_DAY };

typedef struct {
    int y, m, d, prec;
} ymd;

static int num_at(const char *s, size_t n, size_t i, size_t len, int *v) {
    if (i + len > n) return 0;
    int x = 0;
    for (size_t k = 0; k < len; k++) {
        if (!is_digit(s[i + k])) return 0;
        x = x * 10 + (s[i + k] - '0');
    }
    *v = x;
    return 1;
}

/* YYYY, YYYY-MM, YYYY-MM-DD, or SQLite date-time text (YYYY-MM-DD HH:MM[:SS[.fff]]
 * with an optional T and Z or +HH:MM). Surrounding spaces are allowed. */
static int parse_ref(const char *s, size_t n, ymd *r) {
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    memset(r, 0, sizeof *r);
    if (!num_at(s, n, i, 4, &r->y) || (i + 4 < n && is_digit(s[i + 4]))) return 0;
    i += 4;
    r->prec = PR_YEAR;
    if (i == n) return r->y >= 1;
    if (s[i] != '-' || !num_at(s, n, i + 1, 2, &r->m) || r->m < 1 || r->m > 12) return 0;
    i += 3;
    r->prec = PR_MONTH;
    if (i == n) return r->y >= 1;
    if (s[i] != '-' || !num_at(s, n, i + 1, 2, &r->d) || r->d < 1 ||
        r->d > days_in_month(r->y, r->m))
        return 0;
    i += 3;
    r->prec = PR_DAY;
    if (i == n) return r->y >= 1;
    /* time of day: checked for shape, then ignored (the date is the local date) */
    if (s[i] != ' ' && s[i] != 'T') return 0;
    i++;
    int hh, mm, ss;
    if (!num_at(s, n, i, 2, &hh) || hh > 24 || i + 2 >= n || s[i + 2] != ':' ||
        !num_at(s, n, i + 3, 2, &mm) || mm > 59)
        return 0;
    i += 5;
    if (i < n && s[i] == ':') {
        if (!num_at(s, n, i + 1, 2, &ss) || ss > 60) return 0;
        i += 3;
        if (i < n && s[i] == '.') {
            i++;
            if (i >= n || !is_digit(s[i])) return 0;
            while (i < n && is_digit(s[i])) i++;
        }
    }
    if (i < n && s[i] == 'Z') i++;
    else if (i < n && (s[i] == '+' || s[i] == '-')) {
        int oh, om;
        if (!num_at(s, n, i + 1, 2, &oh) || i + 3 >= n || s[i + 3] != ':' ||
            !num_at(s, n, i + 4, 2, &om))
            return 0;
        i += 6;
    }
    return i == n && r->y >= 1;
}

/* ---- scanner ---------------------------------------------------------------------- */

typedef struct {
    const conflict_engine *e;
    const char *s;
    size_t n;
    int langs;
    int has_ref;
    ymd ref;
    int keep_unresolved;
    conflict_table *t;
    size_t consumed;
    int de_checked, germanic; /* "hier" means "here" in German and Dutch */
} dctx;

typedef struct {
    size_t a, b;    /* byte span */
    int y, m, d;    /* the mention's fields (y = 0 when the text gives none) */
    int prec;       /* PR_DAY, PR_MONTH, PR_YEAR */
    int relative;   /* resolved against ref_date */
    int ok;         /* y/m/d hold the resolved date */
    size_t xa, xb;  /* a second day of a range ("du 12 au 15 mars"), when xb > xa */
    int xd;
} dres;

static conflict_status emit_one(dctx *c, size_t a, size_t b, int y, int m, int d, int prec,
                                int relative, int ok) {
    if (!ok && !c->keep_unresolved) return CONFLICT_OK;
    long r = conflict_table_add(c->t);
    if (r < 0) return CONFLICT_NOMEM;
    conflict_table_set_span(c->t, (size_t)r, c->s, a, b - a);
    if (ok) {
        char buf[16];
        size_t len = 0;
        if (y < 0) y = 0;
        if (y > 9999) y = 9999;
        buf[len++] = (char)('0' + y / 1000), buf[len++] = (char)('0' + y / 100 % 10);
        buf[len++] = (char)('0' + y / 10 % 10), buf[len++] = (char)('0' + y % 10);
        if (prec >= PR_MONTH)
            buf[len++] = '-', buf[len++] = (char)('0' + m / 10), buf[len++] = (char)('0' + m % 10);
        if (prec == PR_DAY)
            buf[len++] = '-', buf[len++] = (char)('0' + d / 10), buf[len++] = (char)('0' + d % 10);
        if (!conflict_table_set_text_copy(c->t, (size_t)r, COL_DATE, buf, len))
            return CONFLICT_NOMEM;
    }
    static const char *const pn[] = {"", "year", "month", "day"};
    conflict_table_set_text(c->t, (size_t)r, COL_PREC, pn[prec], strlen(pn[prec]));
    conflict_table_set_bool(c->t, (size_t)r, COL_REL, relative);
    return CONFLICT_OK;
}

static conflict_status emit(dctx *c, const dres *r) {
    conflict_status st = emit_one(c, r->a, r->b, r->y, r->m, r->d, r->prec, r->relative, r->ok);
    if (!st && r->xb > r->xa) {
        int ok = r->ok && r->xd <= days_in_month(r->y, r->m);
        st = emit_one(c, r->xa, r->xb, r->y, r->m, r->xd, PR_DAY, r->relative, ok);
    }
    if (r->b > c->consumed) c->consumed = r->b;
    if (r->xb > c->consumed) c->consumed = r->xb;
    return st;
}

/* Year of a yearless month (and day) given the modifier. */
static void resolve_month(const dctx *c, dres *r, int mod) {
    r->relative = 1;
    r->ok = 0;
    if (!c->has_ref || c->ref.prec < PR_YEAR) return;
    int y = c->ref.y;
    if (c->ref.prec >= PR_MONTH) {
        /* compare (month, day) with the reference at the precision both have */
        int cmp = r->m < c->ref.m ? -1 : r->m > c->ref.m ? 1 : 0;
        int cmpd = cmp;
        if (!cmp && r->prec == PR_DAY && c->ref.prec == PR_DAY)
            cmpd = r->d < c->ref.d ? -1 : r->d > c->ref.d ? 1 : 0;
        if (mod == M_PAST) y -= cmpd >= 0;
        else if (mod == M_NEXT) y += cmpd <= 0;
        else y -= cmp > 0; /* the month keeps on or before ref_date's month */
    }
    r->y = y;
    r->ok = r->prec != PR_DAY || r->d <= days_in_month(r->y, r->m);
}

static int valid_day(int y, int m, int d) {
    return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* A 1-2 digit day number (1..31) possibly carrying an ordinal suffix glued to it
 * (1er, 2nd, 26th). On success *w is the digit word and *end the end of the suffix. */
static int day_number(const dctx *c, const word *w, size_t *end, int *day) {
    if (!w->digit || w->e - w->s > 2 || !standalone_start(c->s, w->s)) return 0;
    int v = digits_value(c->s, w);
    if (v < 1 || v > 31) return 0;
    size_t e = w->e;
    if (e < c->n && !is_digit(c->s[e])) {
        word sfx;
        size_t l;
        if (wclass(c->s, c->n, e, &l) == 1) { /* letters glued: only an ordinal suffix */
            if (!next_word(c->s, c->n, e, 0, &sfx) || !(roles(c->s, &sfx) & R_ORD)) return 0;
            e = sfx.e;
        }
        /* a time or a decimal: 10:30, 10h, 3.5 */
        if (e < c->n && (c->s[e] == ':' || c->s[e] == '.' || c->s[e] == ',' || c->s[e] == '/' ||
                         c->s[e] == '%') &&
            e + 1 < c->n && is_digit(c->s[e + 1]))
            return 0;
        if (e < c->n && c->s[e] == '%') return 0;
    }
    *end = e;
    *day = v;
    return 1;
}

/* A day number ending just before position i (its ordinal suffix included). */
static int day_before(const dctx *c, size_t i, word *dw, int *day) {
    word p;
    if (!prev_word(c->s, c->n, i, 4, &p)) return 0;
    if (!p.digit) {
        if (!(roles(c->s, &p) & R_ORD) || p.s == 0 || !is_digit(c->s[p.s - 1])) return 0;
        if (!prev_word(c->s, c->n, p.s, 0, &p) || !p.digit) return 0;
    }
    size_t end;
    if (!day_number(c, &p, &end, day)) return 0;
    if (end > i) return 0;
    *dw = p;
    return 1;
}

/* A year (1000..2999, four digits) standing alone at w. */
static int year_word(const dctx *c, const word *w, int *y) {
    if (!w->digit || w->e - w->s != 4 || !standalone_start(c->s, w->s)) return 0;
    size_t e = w->e;
    if (e < c->n) {
        size_t l;
        if (wclass(c->s, c->n, e, &l)) return 0; /* 2020s, 2011e */
        char x = c->s[e];
        if ((x == '.' || x == ',' || x == ':' || x == '/') && e + 1 < c->n && is_digit(c->s[e + 1]))
            return 0;
        if (x == '%') return 0;
    }
    if (w->s > 0 && is_alpha(c->s[w->s - 1])) return 0; /* COP2020 */
    int v = digits_value(c->s, w);
    if (v < 1000 || v > 2999) return 0;
    *y = v;
    return 1;
}

/* Numeric dates at digit word w: 2020-01-26, 26/01/2020, 26.01.2020, 26-01-2020,
 * 26/01/20 and the yearless 10/06. */
static int parse_numeric(dctx *c, const word *w, dres *r) {
    const char *s = c->s;
    size_t n = c->n, L = w->e - w->s, i = w->e;
    if (L > 4 || i >= n || !standalone_start(s, w->s)) return 0;
    char sep = s[i];
    if (sep != '/' && sep != '.' && sep != '-') return 0;
    int v1 = digits_value(s, w);
    word w2, w3;
    if (!next_word(s, n, i + 1, 0, &w2) || !w2.digit || w2.s != i + 1 || w2.e - w2.s > 2) return 0;
    int v2 = digits_value(s, &w2);
    int has3 = w2.e < n && s[w2.e] == sep && next_word(s, n, w2.e + 1, 0, &w3) && w3.digit &&
               w3.s == w2.e + 1;
    memset(r, 0, sizeof *r);
    r->a = w->s;
    r->prec = PR_DAY;
    if (L == 4) { /* ISO */
        if (sep == '.' || !has3 || w3.e - w3.s > 2) return 0;
        r->b = w3.e;
        r->y = v1, r->m = v2, r->d = digits_value(s, &w3);
    } else if (has3) {
        size_t L3 = w3.e - w3.s;
        if (L > 2 || (L3 != 4 && !(L3 == 2 && sep == '/'))) return 0;
        int y = digits_value(s, &w3);
        if (L3 == 2) y += y < 50 ? 2000 : 1900;
        r->b = w3.e;
        r->y = y, r->d = v1, r->m = v2;
        if (r->m > 12 && r->d <= 12) r->m = v1, r->d = v2; /* 01/26/2020 */
    } else {
        /* yearless day/month: two-digit forms, or a cue word before (le 3/6) */
        if (sep != '/' || L > 2) return 0;
        if (w2.e < n && (s[w2.e] == '/' || s[w2.e] == ':' ||
                         ((s[w2.e] == '.' || s[w2.e] == ',') && w2.e + 1 < n && is_digit(s[w2.e + 1]))))
            return 0;
        size_t l;
        if (w2.e < n && wclass(s, n, w2.e, &l)) return 0;
        if (!(L == 2 && w2.e - w2.s == 2)) {
            word p;
            if (!prev_word(s, n, w->s, 3, &p) || !(roles(s, &p) & (R_ART | R_ON | R_WCUE))) return 0;
        }
        r->b = w2.e;
        r->d = v1, r->m = v2;
        if (r->m < 1 || r->m > 12 || r->d < 1 || r->d > 31) return 0;
        resolve_month(c, r, M_NONE);
        return 1;
    }
    if (r->b < n && is_digit(s[r->b])) return 0;
    if (!valid_day(r->y, r->m, r->d)) return 0;
    r->ok = 1;
    return 1;
}

/* The word after the year/day trailing a month: is this plausibly the end of a
 * date ("January 30, 2020", "January 30 attack" no: "January 30 people")? */
static int date_can_end(const dctx *c, size_t e) {
    const char *s = c->s;
    size_t n = c->n, i = e;
    while (i < n) {
        size_t l = space_len(s, n, i);
        if (!l) break;
        i += l;
    }
    if (i >= n) return 1;
    unsigned char x = (unsigned char)s[i];
    if (strchr(",.;:)]!?\"'", x) || x == 0xE2 || x == 0xC2) return 1; /* also ’ ” » – */
    word w;
    if (!next_word(s, n, i, 0, &w) || w.s != i) return 0;
    if (w.digit) return 0;
    if (is_upper_at(s, n, w.s)) return 1;
    const kw *k = lookup(s, &w);
    return k && (k->roles & (R_CONN | R_CUE | R_ON | R_ART | R_WCUE));
}

/* A year after position e: spaces, and a comma when `comma` (January 26, 2020). */
static int year_after(const dctx *c, size_t e, int comma, word *yw, int *y) {
    word w;
    if (!next_word(c->s, c->n, e, 3, &w) || !w.digit) return 0;
    if (!gap_ok(c->s, c->n, e, w.s, comma ? "," : NULL)) return 0;
    if (!year_word(c, &w, y)) return 0;
    *yw = w;
    return 1;
}

/* Is this day-month part of a name: rue du 4 Septembre, Mouvement du 23 mars? */
static int in_name(const dctx *c, size_t day_start) {
    word p, q;
    if (!prev_word(c->s, c->n, day_start, 3, &p)) return 0;
    if (!(roles(c->s, &p) & (R_WCUE | R_ART))) return 0;
    if (!prev_word(c->s, c->n, p.s, 3, &q)) return 0;
    return (roles(c->s, &q) & R_NAMEHEAD) != 0;
}

static int parse_month(dctx *c, const word *mw, const kw *k, dres *r) {
    const char *s = c->s;
    size_t n = c->n;
    if (!(k->flags & c->langs)) return 0;
    int cap = is_upper_at(s, n, mw->s);
    int abbr = (k->flags & F_ABBR) != 0;
    size_t end = mw->e;
    if (abbr) {
        int dot = end < n && s[end] == '.';
        /* French abbreviations take a dot (sept. = September, sept = seven); English
         * ones are capitalised */
        int ok = dot ? 1 : ((k->flags & L_EN) && (c->langs & L_EN) && cap);
        if (!ok) return 0;
        if (dot) end++;
    }
    if ((k->flags & F_CAPREQ) && !cap) return 0;
    memset(r, 0, sizeof *r);
    r->m = k->val;
    r->a = mw->s;
    /* day before: 26 janvier, 1er mars, 26th January, 23-Mars */
    word dw = {(size_t)-1, 0, 0}; /* the day word before the month, when there is one */
    int day = 0, mod = M_NONE, year = 0, strong = 0;
    if (day_before(c, mw->s, &dw, &day) && dw.s >= c->consumed) {
        size_t de = dw.e;
        word sfx;
        if (next_word(s, n, de, 0, &sfx) && sfx.s == de && !sfx.digit) de = sfx.e;
        if (gap_ok(s, n, de, mw->s, "-")) {
            r->a = dw.s;
        } else {
            day = 0;
        }
    } else {
        day = 0;
    }
    if (!day) {
        /* the 26th of January */
        word of;
        if (prev_word(s, n, mw->s, 3, &of) && !of.digit && of.e - of.s == 2 &&
            (s[of.s] | 0x20) == 'o' && (s[of.s + 1] | 0x20) == 'f' && day_before(c, of.s, &dw, &day) &&
            dw.s >= c->consumed && dw.e < of.s && !is_digit(s[dw.e]) &&
            is_alpha(s[dw.e])) /* an ordinal suffix is required */
            r->a = dw.s;
        else
            day = 0;
    }
    if (day && in_name(c, r->a)) return 0;
    /* English order: January 26, Jan. 26th, January 26-27, January 26 and 27 */
    word fw;
    size_t yfrom = end;
    int fwd = 0;
    if (!day && (k->flags & L_EN) && (c->langs & L_EN) && next_word(s, n, end, 3, &fw) &&
        fw.digit && gap_ok(s, n, end, fw.s, NULL)) {
        size_t fe, xe = 0, rend;
        int fd, xd = 0;
        if (fw.e - fw.s <= 2 && day_number(c, &fw, &fe, &fd)) {
            word p, x, cw, yw;
            int yy;
            rend = fe;
            int conn = 0;
            if (next_word(s, n, fe, 4, &x) && x.digit && gap_ok(s, n, fe, x.s, "-") &&
                !gap_ok(s, n, fe, x.s, NULL))
                conn = 1; /* 26-27 */
            else if (next_word(s, n, fe, 2, &cw) && !cw.digit && (roles(s, &cw) & R_CONN) &&
                     gap_ok(s, n, fe, cw.s, NULL) && next_word(s, n, cw.e, 2, &x) && x.digit &&
                     gap_ok(s, n, cw.e, x.s, NULL))
                conn = 1; /* 26 and 27 */
            if (conn && day_number(c, &x, &xe, &xd) && xd > fd) rend = xe;
            else xd = 0;
            int on = prev_word(s, n, mw->s, 3, &p) && (roles(s, &p) & R_ON);
            if (on || year_after(c, rend, 1, &yw, &yy) || date_can_end(c, rend)) {
                day = fd;
                fwd = 1;
                end = yfrom = fe;
                if (xd) {
                    r->xa = x.s, r->xb = xe, r->xd = xd;
                    yfrom = xe; /* the year, if any, follows the second day */
                }
            }
        }
    }
    word yw;
    if (year_after(c, yfrom, fwd, &yw, &year)) {
        if (r->xb) r->xb = yw.e;
        else end = yw.e;
    } else {
        year = 0;
    }
    /* range before a day-first date: du 12 au 15 mars, 12-15 mars, 12 et 13 janvier */
    if (day && r->a == dw.s && !r->xb) {
        word p, q;
        size_t xe;
        int xd;
        if (prev_word(s, n, dw.s, 3, &p)) {
            int ok = 0;
            if (p.digit && gap_ok(s, n, p.e, dw.s, "-")) {
                q = p;
                ok = 1;
            } else if (!p.digit && (roles(s, &p) & R_ART) && prev_word(s, n, p.s, 3, &p) &&
                       !p.digit && (roles(s, &p) & R_CONN)) {
                ok = prev_word(s, n, p.s, 4, &q);
            } else if (!p.digit && (roles(s, &p) & R_CONN)) {
                ok = prev_word(s, n, p.s, 4, &q);
            }
            if (ok && !q.digit && (roles(s, &q) & R_ORD)) ok = prev_word(s, n, q.s, 0, &q);
            if (ok && q.digit && q.s >= c->consumed && day_number(c, &q, &xe, &xd) && xd < day) {
                r->xa = q.s, r->xb = xe, r->xd = xd;
            }
        }
    }
    /* modifiers: février dernier, last February */
    if (!year && !day) {
        word a2;
        const kw *mk;
        if (next_word(s, n, end, 3, &a2) && gap_ok(s, n, end, a2.s, NULL) &&
            (mk = lookup(s, &a2)) && (mk->roles & R_MOD_A) && (mk->flags & c->langs)) {
            mod = mk->val;
            end = a2.e;
        } else if (prev_word(s, n, mw->s, 3, &a2) && gap_ok(s, n, a2.e, mw->s, NULL) &&
                   (mk = lookup(s, &a2)) && (mk->roles & R_MOD_B) && (mk->flags & L_EN) &&
                   (c->langs & L_EN) && a2.s >= c->consumed) {
            mod = mk->val;
            r->a = a2.s;
        }
    }
    if (day || year || mod) strong = 1;
    if (!strong) {
        word p;
        if (prev_word(s, n, mw->s, 3, &p) && (roles(s, &p) & (R_CUE | R_ON | R_WCUE))) strong = 1;
    }
    if ((abbr || (k->flags & F_AMB)) && !strong) return 0;
    if (!abbr && !strong && cap && (k->flags & F_CAPAMB) && !sentence_start(s, mw->s)) return 0;
    r->b = end;
    if (year) {
        r->y = year;
        r->d = day;
        r->prec = day ? PR_DAY : PR_MONTH;
        if (day && !valid_day(year, r->m, day)) return 0;
        r->ok = 1;
        r->relative = 0;
        return 1;
    }
    r->d = day;
    r->prec = day ? PR_DAY : PR_MONTH;
    resolve_month(c, r, mod);
    return 1;
}

/* The latest weekday wd on or before the reference (or per modifier). */
static void resolve_wday(const dctx *c, dres *r, int wd, int mod) {
    r->prec = PR_DAY;
    r->relative = 1;
    r->ok = 0;
    if (!c->has_ref || c->ref.prec != PR_DAY) return;
    long z = days_from_civil(c->ref.y, c->ref.m, c->ref.d);
    int rw = (int)(((z + 4) % 7 + 7) % 7); /* 1970-01-01 was a Thursday */
    long delta;
    if (mod == M_NEXT) {
        delta = (wd - rw + 7) % 7;
        if (!delta) delta = 7;
    } else {
        delta = -((rw - wd + 7) % 7);
        if (!delta && mod == M_PAST) delta = -7;
    }
    civil_from_days(z + delta, &r->y, &r->m, &r->d);
    r->ok = 1;
}

static int parse_wday(dctx *c, const word *w, const kw *k, dres *r) {
    const char *s = c->s;
    size_t n = c->n;
    if (!(k->flags & c->langs)) return 0;
    word p, x;
    int has_prev = prev_word(s, n, w->s, 3, &p) && gap_ok(s, n, p.e, w->s, NULL);
    if (has_prev && (roles(s, &p) & R_HOLI_B)) return 0; /* Good Friday, Bloody Sunday */
    if (next_word(s, n, w->e, 3, &x) && gap_ok(s, n, w->e, x.s, NULL) && (roles(s, &x) & R_HOLI_A))
        return 0; /* mardi gras, vendredi saint */
    /* an explicit date right after: dimanche 26 janvier, Sunday, January 26, samedi 10/11/2018 */
    if (next_word(s, n, w->e, 4, &x) && gap_ok(s, n, w->e, x.s, ",")) {
        dres d;
        const kw *mk;
        if (x.digit) {
            if (parse_numeric(c, &x, &d)) goto explicit_date;
            word y;
            size_t de;
            int dd;
            if (day_number(c, &x, &de, &dd) && next_word(s, n, de, 3, &y) && gap_ok(s, n, de, y.s, "-") &&
                (mk = lookup(s, &y)) && mk->type == T_MONTH && parse_month(c, &y, mk, &d) &&
                d.a == x.s)
                goto explicit_date;
        } else if ((mk = lookup(s, &x)) && mk->type == T_MONTH && parse_month(c, &x, mk, &d) &&
                   d.prec == PR_DAY && d.a == x.s) {
            goto explicit_date;
        }
        goto plain;
    explicit_date:
        *r = d;
        r->a = w->s;
        return 1;
    }
plain:
    memset(r, 0, sizeof *r);
    r->a = w->s;
    r->b = w->e;
    int mod = M_NONE;
    const kw *mk;
    if (has_prev && (mk = lookup(s, &p)) && (mk->roles & R_MOD_B) && (mk->flags & c->langs) &&
        p.s >= c->consumed) {
        mod = mk->val;
        r->a = p.s;
    } else if (next_word(s, n, w->e, 3, &x) && gap_ok(s, n, w->e, x.s, NULL) && (mk = lookup(s, &x)) &&
               (mk->roles & R_MOD_A) && (mk->flags & c->langs)) {
        mod = mk->val;
        r->b = x.e;
    }
    resolve_wday(c, r, k->val, mod);
    return 1;
}

/* hier, yesterday, aujourd'hui, today, demain, tomorrow, avant-hier, après-demain */
static int parse_relday(dctx *c, const word *w, const kw *k, dres *r) {
    const char *s = c->s;
    size_t n = c->n;
    if (!(k->flags & c->langs)) return 0;
    memset(r, 0, sizeof *r);
    r->a = w->s;
    r->b = w->e;
    if (k->flags & F_SUFFIX) {
        word x;
        if (!next_word(s, n, w->e, 3, &x)) return 0;
        char key[16];
        size_t kl = fold(s, x.s, x.e, key, sizeof key);
        if (k->val == 0) { /* aujourd'hui, aujourd’hui */
            if (!(kl == 3 && !memcmp(key, "hui", 3))) return 0;
            if (!(x.s == w->e + 1 && s[w->e] == '\'') &&
                !(x.s == w->e + 3 && (unsigned char)s[w->e] == 0xE2 && (unsigned char)s[w->e + 1] == 0x80 &&
                  ((unsigned char)s[w->e + 2] == 0x99 || (unsigned char)s[w->e + 2] == 0x98)))
                return 0;
        } else {
            const char *want = k->val < 0 ? "hier" : "demain";
            if (!(kl == strlen(want) && !memcmp(key, want, kl))) return 0;
            if (!gap_ok(s, n, w->e, x.s, "-")) return 0;
        }
        r->b = x.e;
    } else if (k->val == -1 && (k->flags & L_FR) && c->langs == (L_FR | L_EN)) {
        /* "hier" is "here" in German and Dutch: ask the language once */
        if (!c->de_checked) {
            const char *lg = conflict_detect_lang(s, n);
            c->germanic = lg && (!strcmp(lg, "de") || !strcmp(lg, "nl"));
            c->de_checked = 1;
        }
        if (c->germanic) return 0;
    }
    r->prec = PR_DAY;
    r->relative = 1;
    if (c->has_ref && c->ref.prec == PR_DAY) {
        long z = days_from_civil(c->ref.y, c->ref.m, c->ref.d) + k->val;
        civil_from_days(z, &r->y, &r->m, &r->d);
        r->ok = 1;
    }
    return 1;
}

/* l'an dernier, l'année prochaine, cette année, last year, this year, le mois
 * dernier, ce mois-ci, last month, next month */
static int parse_period(dctx *c, const word *w, const kw *k, dres *r) {
    const char *s = c->s;
    size_t n = c->n;
    if (!(k->flags & c->langs)) return 0;
    memset(r, 0, sizeof *r);
    r->a = w->s;
    r->b = w->e;
    int mod = M_NONE;
    word p, x;
    const kw *mk;
    if (prev_word(s, n, w->s, 3, &p) && gap_ok(s, n, p.e, w->s, NULL) && (mk = lookup(s, &p)) &&
        (mk->roles & R_MOD_B) && (mk->flags & k->flags) && p.s >= c->consumed) {
        /* "the last year", "the past month": a duration, not a date */
        word q;
        if (mk->flags & L_EN) {
            if (p.e - p.s == 4 && (s[p.s] | 0x20) == 'p') return 0;
            if (prev_word(s, n, p.s, 3, &q) && (roles(s, &q) & R_ART)) return 0;
        }
        mod = mk->val;
        r->a = p.s;
        if (next_word(s, n, w->e, 0, &x) && x.s == w->e + 1 && s[w->e] == '-') { /* ce mois-ci, cette année-là */
            char key[8];
            size_t kl = fold(s, x.s, x.e, key, sizeof key);
            if (kl == 2 && !memcmp(key, "ci", 2)) r->b = x.e;
            else return 0;
        }
    } else if (next_word(s, n, w->e, 3, &x) && gap_ok(s, n, w->e, x.s, NULL) && (mk = lookup(s, &x)) &&
               (mk->roles & R_MOD_A) && (mk->flags & k->flags)) {
        mod = mk->val;
        r->b = x.e;
        /* l'an dernier: take the elided article */
        if (prev_word(s, n, w->s, 3, &p) && p.e - p.s == 1 && (s[p.s] | 0x20) == 'l' &&
            p.s >= c->consumed && w->s - p.e <= 3)
            r->a = p.s;
    } else {
        return 0;
    }
    int off = mod == M_PAST ? -1 : mod == M_NEXT ? 1 : 0;
    r->relative = 1;
    if (k->val == P_YEAR) {
        r->prec = PR_YEAR;
        if (c->has_ref && c->ref.prec >= PR_YEAR) r->y = c->ref.y + off, r->ok = 1;
    } else {
        r->prec = PR_MONTH;
        if (c->has_ref && c->ref.prec >= PR_MONTH) {
            int mm = c->ref.y * 12 + (c->ref.m - 1) + off;
            r->y = mm / 12, r->m = mm % 12 + 1, r->ok = 1;
        }
    }
    return 1;
}

/* A year on its own, after a cue: en 2011, since 2015, fin 2019, de 2011 à 2014. */
static int parse_year(dctx *c, const word *w, dres *r) {
    const char *s = c->s;
    size_t n = c->n;
    int y;
    if (!year_word(c, w, &y) || y < 1800 || y > 2100) return 0;
    word p, q;
    if (!prev_word(s, n, w->s, 3, &p) || p.digit || !gap_ok(s, n, p.e, w->s, "-'")) return 0;
    unsigned ro = roles(s, &p);
    int ok = (ro & R_CUE) != 0;
    if (!ok && (ro & R_CONN)) { /* 2011 and 2014: the first year is before the connector */
        int y0;
        ok = prev_word(s, n, p.s, 3, &q) && year_word(c, &q, &y0);
    }
    if (!ok && (ro & R_WCUE)) {
        /* weak cue: the year must end a phrase or lead to another date word */
        size_t i = w->e;
        while (i < n && space_len(s, n, i)) i += space_len(s, n, i);
        word x;
        ok = i >= n || strchr(",.;:)!?", s[i]) ||
             (next_word(s, n, i, 0, &x) && !x.digit && x.s == i &&
              (is_upper_at(s, n, x.s) || (roles(s, &x) & (R_CONN | R_ART | R_CUE | R_ON))));
    }
    if (!ok) return 0;
    memset(r, 0, sizeof *r);
    r->a = w->s;
    r->b = w->e;
    r->y = y;
    r->prec = PR_YEAR;
    r->ok = 1;
    return 1;
}

static conflict_status scan(dctx *c) {
    const char *s = c->s;
    size_t n = c->n, i = 0, len;
    word w;
    const dates_state *f = c->e ? c->e->mod[CONFLICT_MOD_DATES] : NULL;
    while (i < n) {
        unsigned char b0 = (unsigned char)s[i];
        int k = bcls[b0];
        if (!k) {
            i++;
            continue;
        }
        if (k == 3) {
            k = wclass(s, n, i, &len);
            if (!k) {
                i += len;
                continue;
            }
        }
        w.s = i;
        w.digit = k == 2;
        while (i < n) {
            int k2 = bcls[(unsigned char)s[i]];
            if (k2 == 3) k2 = wclass(s, n, i, &len);
            else len = 1;
            if (k2 != k) break;
            i += len;
        }
        w.e = i;
        if (w.s < c->consumed) continue;
        if (!w.digit) {
            /* cheap rejections before the table: first letter, second letter, length */
            size_t wl = w.e - w.s;
            if (wl < 2 || wl > 12) continue;
            if (f) {
                int bk = bucket_of(b0);
                if (bk < 0 || !(f->lens[bk] >> wl & 1) ||
                    !(f->second[bk] >> second_bit((unsigned char)s[w.s + 1]) & 1))
                    continue;
            }
        }
        dres r;
        int got = 0;
        if (w.digit) {
            size_t L = w.e - w.s;
            if (L > 4) continue;
            if (w.e < n && (s[w.e] == '/' || s[w.e] == '.' || s[w.e] == '-')) got = parse_numeric(c, &w, &r);
            if (!got && L == 4) {
                got = parse_year(c, &w, &r);
                if (got) {
                    conflict_status st = emit(c, &r);
                    if (st) return st;
                    /* 2011-2014, 2011/2012 */
                    word x;
                    int y2;
                    if (next_word(s, n, w.e, 5, &x) && x.digit && gap_ok(s, n, w.e, x.s, "-/") &&
                        x.s > w.e && year_word(c, &x, &y2) && y2 > r.y && y2 - r.y < 100) {
                        st = emit_one(c, x.s, x.e, y2, 0, 0, PR_YEAR, 0, 1);
                        if (st) return st;
                        c->consumed = x.e;
                    }
                    i = c->consumed > i ? c->consumed : i;
                    continue;
                }
            }
        } else {
            const kw *k = lookup_kw(s, &w, 1);
            if (!k || k->type == T_NONE) continue;
            switch (k->type) {
                case T_MONTH: got = parse_month(c, &w, k, &r); break;
                case T_WDAY: got = parse_wday(c, &w, k, &r); break;
                case T_RELDAY: got = parse_relday(c, &w, k, &r); break;
                case T_PERIOD: got = parse_period(c, &w, k, &r); break;
                default: break;
            }
        }
        if (got) {
            conflict_status st = emit(c, &r);
            if (st) return st;
            if (c->consumed > i) i = c->consumed;
        }
    }
    return CONFLICT_OK;
}

static conflict_status dates_extract(const conflict_engine *e, const char *s, size_t n,
                                     const conflict_options *opts, conflict_table *out,
                                     conflict_error *err) {
    dctx c;
    memset(&c, 0, sizeof c);
    c.e = e;
    c.s = s;
    c.n = n;
    c.t = out;
    c.langs = L_FR | L_EN;
    c.keep_unresolved = 1;
    const conflict_option *o = conflict_options_get(opts, "lang");
    if (o && o->type != CONFLICT_T_NULL) {
        if (o->type == CONFLICT_T_TEXT && o->str_len == 2 && !memcmp(o->str, "fr", 2)) c.langs = L_FR;
        else if (o->type == CONFLICT_T_TEXT && o->str_len == 2 && !memcmp(o->str, "en", 2))
            c.langs = L_EN;
        else if (o->type == CONFLICT_T_TEXT && o->str_len == 4 && !memcmp(o->str, "auto", 4))
            c.langs = L_FR | L_EN;
        else if (o->type == CONFLICT_T_TEXT)
            return conflict_set_error(err, CONFLICT_BAD_OPTIONS,
                                      "unsupported lang \"%.16s\" (supported: fr, en, auto)", o->str);
        else
            return conflict_set_error(err, CONFLICT_BAD_OPTIONS, "option \"lang\" must be a string");
    }
    o = conflict_options_get(opts, "unresolved");
    if (o && o->type != CONFLICT_T_NULL) {
        if (o->type != CONFLICT_T_BOOL)
            return conflict_set_error(err, CONFLICT_BAD_OPTIONS,
                                      "option \"unresolved\" must be true or false");
        c.keep_unresolved = o->num != 0;
    }
    if (opts && opts->ref_date) {
        if (!parse_ref(opts->ref_date, opts->ref_date_len, &c.ref))
            return conflict_set_error(
                err, CONFLICT_ERROR, "invalid ref_date \"%.*s%s\" (expected YYYY-MM-DD, YYYY-MM or YYYY)",
                (int)(opts->ref_date_len > 40 ? 40 : opts->ref_date_len), opts->ref_date,
                opts->ref_date_len > 40 ? "..." : "");
        c.has_ref = 1;
    }
    conflict_status st = scan(&c);
    if (st) return st;
    st = conflict_table_sort(out, NULL);
    if (st) return st;
    return conflict_table_finish(out, s, n);
}

const conflict_extractor conflict_dates_extractor = {
    "dates", date_cols, NCOLS, date_option_keys, dates_extract, 1,
};
