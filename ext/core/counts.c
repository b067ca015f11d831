/*
 * extract_counts(): counted quantities in French and English conflict news
 * ("plus de 380.000 morts", "killing at least 12 civilians", "des centaines
 * de déplacés"), with the conservative value, the honest range, the
 * qualifier, what happened (category), to whom (who) and subsets (part_of).
 *
 * How: one pass of the shared tokenizer, one lexicon lookup per token (an
 * open-addressing hash of folded words built once per engine), then phrase
 * rules that start only at digits and number words. Every search is bounded
 * by a few tokens, so the cost is linear in the input.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "counts_lexicon.h"
#include "internal.h"

#define NLEX (sizeof counts_lexicon / sizeof counts_lexicon[0])
#define MAXWORD 40
#define KEY_MAX 24 /* the longest lexicon word */

/* A folded word of up to KEY_MAX bytes, zero-padded: compared and hashed eight
 * bytes at a time. */
typedef struct {
    uint64_t w[KEY_MAX / 8];
} lexkey;

typedef struct {
    const char *w;
    size_t wn;
    lexkey key;
    uint32_t roles;
    uint8_t lang, cat, who;
    int64_t val;
    uint64_t quals; /* bit k: the word ends qualifier phrase k (counts_quals) */
} lexent;

typedef struct {
    lexent *ents;
    size_t nents;
    uint32_t *slots; /* entry index + 1 (low 16 bits, 0 = empty), the hash's high 16 bits */
    size_t mask;
    /* Filters before any lookup, by first and last byte: letter[] gives 1..26 for
     * ASCII letters, 0 for other bytes. Bit L of starts[f][z] is set when some
     * word that can start a number has length L (give or take accents: a few
     * more bytes in the text); words[f][z] the same for all words, all bits set
     * where f or z is 0 (no filter); ascii_words[f][z] the exact lengths, for
     * tokens of ASCII bytes only. */
    uint8_t letter[256];
    uint32_t starts[27][27];
    uint32_t words[27][27];
    uint32_t ascii_words[27][27];
    const lexent *qlex[sizeof counts_quals / sizeof counts_quals[0]][4]; /* qualifier words */
    struct counts_scratch *scratch; /* buffers kept from one call to the next */
} counts_state;

/* The key of the folded word w[0..n), n <= KEY_MAX. */
static lexkey make_key(const char *w, size_t n) {
    lexkey k;
    memset(&k, 0, sizeof k);
    memcpy(k.w, w, n);
    return k;
}

static uint32_t key_hash(const lexkey *k) {
    uint64_t h = k->w[0] * 0x9E3779B97F4A7C15ull ^ k->w[1] * 0xC2B2AE3D27D4EB4Full ^ k->w[2] * 0x165667B19E3779F9ull;
    return (uint32_t)(h >> 32);
}

/* Most words looked up are not in the lexicon: the hash bits in the slots
 * tell without reading the entries. */
static const lexent *lex_find(const counts_state *st, const lexkey *k) {
    uint32_t h = key_hash(k);
    size_t i = h & st->mask;
    for (uint32_t slot; (slot = st->slots[i]) != 0; i = (i + 1) & st->mask) {
        if ((slot >> 16) != (h >> 16)) continue;
        const lexent *e = &st->ents[(slot & 0xFFFF) - 1];
        if (e->key.w[0] == k->w[0] && e->key.w[1] == k->w[1] && e->key.w[2] == k->w[2]) return e;
    }
    return NULL;
}

static const lexent *lex_find_word(const counts_state *st, const char *w) {
    size_t n = strlen(w);
    if (n > KEY_MAX) return NULL;
    lexkey k = make_key(w, n);
    return lex_find(st, &k);
}

static void counts_free(conflict_engine *e, void *state);
static struct counts_scratch *scratch_new(const conflict_allocator *a);
static void scratch_free(const conflict_allocator *a, struct counts_scratch *sc);

static conflict_status counts_init(conflict_engine *e, void **state, conflict_error *err) {
    counts_state *st = conflict_malloc(e->a, sizeof *st);
    if (!st) return CONFLICT_NOMEM;
    memset(st, 0, sizeof *st);
    size_t cap = 1;
    while (cap < NLEX * 4) cap <<= 1;
    _Static_assert(NLEX < 0xFFFF, "entry indexes in 16 bits of the slots");
    st->ents = conflict_malloc(e->a, NLEX * sizeof *st->ents);
    st->slots = conflict_malloc(e->a, cap * sizeof *st->slots);
    if (!st->ents || !st->slots) {
        conflict_free(e->a, st->ents);
        conflict_free(e->a, st->slots);
        conflict_free(e->a, st);
        return CONFLICT_NOMEM;
    }
    memset(st->slots, 0, cap * sizeof *st->slots);
    st->mask = cap - 1;
    for (size_t k = 0; k < NLEX; k++) {
        const counts_lex *l = &counts_lexicon[k];
        size_t n = strlen(l->w);
        if (n > KEY_MAX) { /* a build mistake in counts_lexicon.h */
            conflict_set_error(err, CONFLICT_ERROR, "counts: lexicon word \"%s\" longer than %d bytes", l->w,
                               KEY_MAX);
            counts_free(e, st);
            return CONFLICT_ERROR;
        }
        lexkey key = make_key(l->w, n);
        lexent *old = (lexent *)lex_find(st, &key);
        if (old) { /* a word with several roles: merge them */
            old->roles |= l->roles;
            old->lang |= l->lang;
            if (!old->cat) old->cat = l->cat;
            if (!old->who) old->who = l->who;
            if (!old->val) old->val = l->val;
            continue;
        }
        lexent *ne = &st->ents[st->nents++];
        ne->w = l->w;
        ne->wn = n;
        ne->key = key;
        ne->roles = l->roles;
        ne->lang = l->lang;
        ne->cat = l->cat;
        ne->who = l->who;
        ne->val = l->val;
        ne->quals = 0;
        uint32_t h = key_hash(&key);
        size_t i = h & st->mask;
        while (st->slots[i]) i = (i + 1) & st->mask;
        st->slots[i] = (h & 0xFFFF0000u) | (uint32_t)st->nents;
    }
    for (size_t k = 0; k < sizeof counts_quals / sizeof counts_quals[0]; k++)
        for (int w = 0; w < counts_quals[k].n; w++) {
            st->qlex[k][w] = lex_find_word(st, counts_quals[k].w[w]);
            if (!st->qlex[k][w]) { /* a build mistake in counts_lexicon.h */
                conflict_set_error(err, CONFLICT_ERROR, "counts: qualifier word \"%s\" not in the lexicon",
                                   counts_quals[k].w[w]);
                counts_free(e, st);
                return CONFLICT_ERROR;
            }
        }
    _Static_assert(sizeof counts_quals / sizeof counts_quals[0] <= 64, "qualifier phrases in lexent.quals");
    for (size_t k = 0; k < sizeof counts_quals / sizeof counts_quals[0]; k++)
        ((lexent *)st->qlex[k][counts_quals[k].n - 1])->quals |= (uint64_t)1 << k;
    for (int b = 0; b < 26; b++) st->letter['a' + b] = st->letter['A' + b] = (uint8_t)(b + 1);
    for (int f = 0; f < 27; f++)
        for (int z = 0; z < 27; z++) st->words[f][z] = st->ascii_words[f][z] = f && z ? 0 : 0xFFFFFFFFu;
    for (size_t k = 0; k < st->nents; k++) {
        const lexent *l = &st->ents[k];
        unsigned char f = (unsigned char)l->w[0], z = (unsigned char)l->w[l->wn - 1];
        if (f < 'a' || f > 'z' || l->wn + 4 >= 32) continue;
        /* byte lengths: each accented letter of the text adds a byte to the folded word */
        uint32_t lens = 0x1Fu << l->wn;
        int zl = z >= 'a' && z <= 'z' ? z - 'a' + 1 : 0;
        if (zl) {
            st->words[f - 'a' + 1][zl] |= lens;
            st->ascii_words[f - 'a' + 1][zl] |= 1u << l->wn;
        }
        if (l->roles & (R_NUM | R_APPROX | R_ARTICLE | R_SCALE | R_HUNDRED)) {
            st->starts[f - 'a' + 1][0] |= lens; /* a last byte that is no ASCII letter: any word */
            if (zl) st->starts[f - 'a' + 1][zl] |= lens;
        }
    }
    st->scratch = scratch_new(e->a);
    if (!st->scratch) {
        counts_free(e, st);
        return CONFLICT_NOMEM;
    }
    *state = st;
    return CONFLICT_OK;
}

static void counts_free(conflict_engine *e, void *state) {
    counts_state *st = state;
    if (st->scratch) scratch_free(e->a, st->scratch);
    conflict_free(e->a, st->scratch);
    conflict_free(e->a, st->ents);
    conflict_free(e->a, st->slots);
    conflict_free(e->a, st);
}

const conflict_module conflict_counts_module = {counts_init, counts_free};

/* ---- tokens --------------------------------------------------------------------- */
/*
 * The same tokens as conflict_tokenize() (tokenize.c), produced with an inline
 * ASCII fast path: counts run over whole notes, and the per-character calls
 * of the generic tokenizer were most of the cost.
 */
enum { K_SP = 1, K_LO, K_UP, K_DG, K_AP, K_HY, K_ST, K_NL, K_CO, K_OT };
static const uint8_t ascii_class[128] = {
    K_OT, K_OT, K_OT, K_OT, K_OT, K_OT, K_OT, K_OT,
    K_OT, K_SP, K_NL, K_SP, K_SP, K_SP, K_OT, K_OT,
    K_OT, K_OT, K_OT, K_OT, K_OT, K_OT, K_OT, K_OT,
    K_OT, K_OT, K_OT, K_OT, K_OT, K_OT, K_OT, K_OT,
    K_SP, K_ST, K_OT, K_OT, K_OT, K_OT, K_OT, K_AP,
    K_OT, K_OT, K_OT, K_OT, K_OT, K_HY, K_ST, K_OT,
    K_DG, K_DG, K_DG, K_DG, K_DG, K_DG, K_DG, K_DG,
    K_DG, K_DG, K_CO, K_CO, K_OT, K_OT, K_OT, K_ST,
    K_OT, K_UP, K_UP, K_UP, K_UP, K_UP, K_UP, K_UP,
    K_UP, K_UP, K_UP, K_UP, K_UP, K_UP, K_UP, K_UP,
    K_UP, K_UP, K_UP, K_UP, K_UP, K_UP, K_UP, K_UP,
    K_UP, K_UP, K_UP, K_OT, K_OT, K_OT, K_OT, K_OT,
    K_AP, K_LO, K_LO, K_LO, K_LO, K_LO, K_LO, K_LO,
    K_LO, K_LO, K_LO, K_LO, K_LO, K_LO, K_LO, K_LO,
    K_LO, K_LO, K_LO, K_LO, K_LO, K_LO, K_LO, K_LO,
    K_LO, K_LO, K_LO, K_OT, K_OT, K_OT, K_OT, K_OT,
};

static int nonascii_class(uint32_t c, int *upper, int *nonlatin) {
    *upper = *nonlatin = 0;
    switch (c) {
        case 0x2018: case 0x2019: case 0x02BC: case 0x02BB: case 0x02BF: case 0x02BE:
        case 0xB4: case 0x2032:
            return K_AP;
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212:
            return K_HY;
        case 0x2026: return K_ST;
        default: break;
    }
    switch (utf8proc_category((utf8proc_int32_t)c)) {
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LT: *upper = 1; break;
        case UTF8PROC_CATEGORY_LL:
        case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO: break;
        case UTF8PROC_CATEGORY_MN:
        case UTF8PROC_CATEGORY_MC:
        case UTF8PROC_CATEGORY_ME:
        case UTF8PROC_CATEGORY_CF: return K_DG + 100; /* inside a word, not a letter */
        case UTF8PROC_CATEGORY_ND: return K_DG;
        case UTF8PROC_CATEGORY_ZS:
        case UTF8PROC_CATEGORY_ZL:
        case UTF8PROC_CATEGORY_ZP: return K_SP;
        default: return K_OT;
    }
    if (!((c >= 0xC0 && c <= 0x24F) || (c >= 0x1E00 && c <= 0x1EFF))) *nonlatin = 1;
    return *upper ? K_UP : K_LO;
}

static int grow_tokens(conflict_tokens *t) {
    size_t cap = t->cap ? t->cap * 2 : 64;
    conflict_token *v = conflict_realloc(t->a, t->v, cap * sizeof *v);
    if (!v) return 0;
    t->v = v;
    t->cap = cap;
    return 1;
}

/* class bits of ASCII bytes for the word loop (0 for bytes >= 0x80) */
enum { W_LETTER = 1, W_DIGIT = 2, W_UPPER = 4 };
static const uint8_t ascii_word[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0,
    0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
    5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
};

#define TOK_DIGITSTART (1u << 30) /* private to this file: the token starts with an ASCII digit */
#define TOK_NUMBERWORD (1u << 29) /* private: the token may be a word that starts a number */
#define TOK_NONASCII (1u << 28)   /* private: the token has a byte >= 0x80 */

static int short_capitalized(const char *s, const conflict_token *t) {
    /* "Gen.", "Dr.": up to three letters, first upper, not all upper */
    if (t->len > 3 || !(t->flags & CONFLICT_TOK_UPPER)) return 0;
    for (size_t k = 1; k < t->len; k++)
        if (s[t->start + k] >= 'a' && s[t->start + k] <= 'z') return 1;
    return 0;
}

/* Cheap filter before any lookup: can the word w[0..len) start a number? An
 * ASCII last letter must be the last letter of such a word (folding keeps it). */
static int maybe_number_word(const counts_state *st, const unsigned char *w, size_t len) {
    return len < 32 && ((st->starts[st->letter[w[0]]][st->letter[w[len - 1]]] >> len) & 1);
}

/* Eight bytes at a time: the high bit of each byte of in_range(w, lo, hi) is set
 * when that byte of w (all below 0x80) is in [lo, hi] (as in tokenize.c; the
 * first byte in memory is the lowest, little-endian). */
#define ONES 0x0101010101010101ull
#define HIGH 0x8080808080808080ull
static inline uint64_t in_range(uint64_t w, unsigned lo, unsigned hi) {
    return (w + ONES * (0x80 - lo)) & ~(w + ONES * (0x7F - hi)) & HIGH;
}

/* The end of the run of ASCII letters and digits at u[i]; *bits gets W_LETTER
 * and W_DIGIT of what it has. Most words are one step of eight bytes: no
 * branch per byte to mispredict at the word's end. */
static inline size_t ascii_word_end(const unsigned char *u, size_t i, size_t n, int *bits) {
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, u + i, 8);
        uint64_t ascii = ~w & HIGH, low7 = w & ~HIGH;
        uint64_t letter = in_range(low7 | ONES * 0x20, 'a', 'z') & ascii;
        uint64_t digit = in_range(low7, '0', '9') & ascii;
        uint64_t stop = ~(letter | digit) & HIGH;
        /* stop - 1 keeps the high bits of the bytes before the first stop (all when none) */
        *bits |= ((letter & (stop - 1)) ? W_LETTER : 0) | ((digit & (stop - 1)) ? W_DIGIT : 0);
        if (stop) return i + ((size_t)__builtin_ctzll(stop) >> 3);
        i += 8;
    }
    unsigned x;
    while (i < n && (x = ascii_word[u[i]]) != 0) *bits |= (int)x, i++;
    return i;
}

static conflict_status fast_tokenize(const counts_state *st, const char *s, size_t n,
                                     conflict_tokens *out) {
    out->n = 0;
    /* room for typical text at once: about one token per 6 bytes */
    if (out->cap < n / 5 + 16) {
        size_t cap = n / 5 + 16;
        conflict_token *v = conflict_realloc(out->a, out->v, cap * sizeof *v);
        if (!v) return CONFLICT_NOMEM;
        out->v = v;
        out->cap = cap;
    }
    /* the tokens in locals: stores through the token pointer would make the compiler reload `out` */
    conflict_token *v = out->v;
    size_t nt = 0, cap = out->cap;
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    int sentence = 1;
    while (i < n) {
        /* separators up to the next word; the common case is one space */
        char sp = 0;
        int have_last = nt > 0;
        if (u[i] == ' ' && i + 1 < n && ascii_word[u[i + 1]]) {
            sp = ' ';
            i++;
        } else {
            while (i < n) {
                unsigned char b = u[i];
                size_t at = i;
                int k, up, nl;
                uint32_t c = b;
                if (b < 0x80) {
                    if (ascii_word[b]) break;
                    k = ascii_class[b];
                    i++;
                } else {
                    c = conflict_utf8_next(s, n, &i);
                    k = nonascii_class(c, &up, &nl);
                    if ((k >= K_LO && k <= K_DG) || k == K_DG + 100) {
                        i = at;
                        break;
                    }
                }
                if (have_last) {
                    char x = k == K_SP || k == K_NL ? ' ' : k == K_AP ? '\'' : k == K_HY ? '-' : s[at];
                    if (!sp || (sp == ' ' && x != ' ')) sp = x;
                }
                if (k == K_ST || k == K_NL || k == K_CO) sentence = 1;
                if (c == '.' && have_last) {
                    const conflict_token *last = &v[nt - 1];
                    /* an abbreviation or a decimal point does not end a sentence: "Gen. X", "1.5" */
                    if (last->start + last->len == at && short_capitalized(s, last)) sentence = 0;
                    if (i < n && s[i] >= '0' && s[i] <= '9') sentence = 0;
                }
            }
        }
        if (have_last) v[nt - 1].next_sep = sp;
        if (i >= n) break;
        /* one word, written in place */
        if (nt == cap) {
            out->n = nt;
            if (!grow_tokens(out)) return CONFLICT_NOMEM;
            v = out->v;
            cap = out->cap;
        }
        conflict_token *cur = &v[nt++];
        cur->start = i;
        cur->next_sep = 0;
        uint32_t flags = sentence ? CONFLICT_TOK_SENTENCE : 0;
        sentence = 0;
        unsigned x0 = ascii_word[u[i]];
        int bits = 0, first = x0 & W_UPPER ? K_UP : x0 & W_LETTER ? K_LO : 0;
        if (x0 & W_DIGIT) flags |= TOK_DIGITSTART;
        while (i < n) {
            i = ascii_word_end(u, i, n, &bits);
            if (i >= n || u[i] < 0x80) break;
            size_t at = i;
            int up, nl;
            uint32_t c = conflict_utf8_next(s, n, &i);
            int k = nonascii_class(c, &up, &nl);
            if (k == K_LO || k == K_UP) {
                bits |= W_LETTER;
                if (!first) first = k;
                if (nl) flags |= CONFLICT_TOK_NONLATIN;
            } else if (k == K_DG) {
                bits |= W_DIGIT;
            } else if (k != K_DG + 100) {
                i = at;
                break;
            }
            flags |= TOK_NONASCII;
        }
        if (!first && (bits & W_LETTER)) { /* first letter after leading digits or marks */
            for (size_t k = cur->start; k < i; k++)
                if (ascii_word[u[k]] & W_LETTER) {
                    first = ascii_word[u[k]] & W_UPPER ? K_UP : K_LO;
                    break;
                } else if (u[k] >= 0x80) {
                    break;
                }
        }
        cur->len = i - cur->start;
        if (bits & W_LETTER) flags |= CONFLICT_TOK_ALPHA;
        if (bits & W_DIGIT) flags |= CONFLICT_TOK_DIGIT;
        if (first == K_UP) flags |= CONFLICT_TOK_UPPER;
        if (!(flags & TOK_DIGITSTART) && maybe_number_word(st, u + cur->start, cur->len)) flags |= TOK_NUMBERWORD;
        cur->flags = flags;
    }
    out->n = nt;
    return CONFLICT_OK;
}

/* ---- per call ------------------------------------------------------------ */

/* Folds a token: ASCII lower case, Latin-1 accents stripped, œ -> oe. */
static size_t fold_token(const char *s, size_t n, char *out) {
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) {
            out[o++] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
            i++;
            continue;
        }
        if (b == 0xC3 && i + 1 < n) {
            unsigned char d = (unsigned char)s[i + 1] | 0x20; /* fold upper to lower block */
            char m = 0;
            if (d >= 0xA0 && d <= 0xA5) m = 'a';
            else if (d == 0xA7) m = 'c';
            else if (d >= 0xA8 && d <= 0xAB) m = 'e';
            else if (d >= 0xAC && d <= 0xAF) m = 'i';
            else if (d == 0xB1) m = 'n';
            else if (d >= 0xB2 && d <= 0xB6) m = 'o';
            else if (d >= 0xB9 && d <= 0xBC) m = 'u';
            else if (d == 0xBD || d == 0xBF) m = 'y';
            if (m) {
                out[o++] = m;
                i += 2;
                continue;
            }
        }
        if (b == 0xC5 && i + 1 < n && ((unsigned char)s[i + 1] == 0x93 || (unsigned char)s[i + 1] == 0x92)) {
            out[o++] = 'o';
            out[o++] = 'e';
            i += 2;
            continue;
        }
        /* anything else: not a lexicon word */
        return 0;
    }
    return o;
}


static const char *const cat_names[CAT_N] = {
    NULL,       "killed",   "wounded",   "displaced",  "refugees",   "detained", "kidnapped",
    "missing",  "evacuated", "affected", "protesters", "combatants", "people",   "places",
    "objects"};
static const char *const who_names[WHO_N] = {NULL,  "civilians", "children", "women",
                                             "security_forces", "combatants", "unknown"};
static const char *const qual_names[] = {"exact", "approx", "at_least", "at_most", "range"};

typedef struct {
    const counts_state *st;
    const char *s;
    size_t n;
    const conflict_token *t;
    size_t nt;
    const lexent **lx; /* per token: entry, NULL, or &lex_unset until looked up */
    int lang;
} cx;

static const lexent lex_unset; /* its address marks a token not looked up yet */

/* Lexicon entry of token i, looked up on first use. */
static const lexent *lx_slow(const cx *c, size_t i);

static inline const lexent *LX(const cx *c, size_t i) {
    if (i >= c->nt) return NULL;
    const lexent *l = c->lx[i];
    return l != &lex_unset ? l : lx_slow(c, i);
}

/* The folded key of an ASCII token of up to KEY_MAX bytes, eight bytes at a
 * time; 0 when it is longer or has other bytes (fold_token()'s case). */
static int ascii_token_key(const cx *c, const conflict_token *t, lexkey *k) {
    size_t len = t->len, room = c->n - t->start; /* bytes of the text from the token on */
    if (len > KEY_MAX) return 0;
    const unsigned char *p = (const unsigned char *)c->s + t->start;
    uint64_t high = 0;
    for (size_t j = 0, off = 0; j < KEY_MAX / 8; j++, off += 8) {
        uint64_t w = 0;
        if (off < len) {
            size_t m = len - off < 8 ? len - off : 8; /* bytes of the token in these eight */
            if (off + 8 <= room) {
                memcpy(&w, p + off, 8);
                if (m < 8) w &= ((uint64_t)1 << (8 * m)) - 1;
            } else {
                memcpy(&w, p + off, m);
            }
        }
        high |= w;
        k->w[j] = w | (in_range(w & ~HIGH, 'A', 'Z') >> 2); /* lower case */
    }
    return !(high & HIGH);
}

/* Does the ASCII word w[0..n) have a letter three times in a row (any case)? */
static int has_triple(const unsigned char *w, size_t n) {
    for (size_t j = 2; j < n; j++)
        if ((w[j] | 0x20) == (w[j - 1] | 0x20) && (w[j] | 0x20) == (w[j - 2] | 0x20)) return 1;
    return 0;
}

static const lexent *lx_slow(const cx *c, size_t i) {
    const conflict_token *t = &c->t[i];
    const lexent *l = NULL;
    /* most words of a text are not in the lexicon: first letter, last letter and length say so */
    const unsigned char *w = (const unsigned char *)c->s + t->start;
    size_t len = t->len;
    unsigned f = c->st->letter[w[0]], z = c->st->letter[w[len - 1]];
    if ((len < 32 && !((c->st->words[f][z] >> len) & 1)) || len > MAXWORD || !(t->flags & CONFLICT_TOK_ALPHA) ||
        (t->flags & CONFLICT_TOK_NONLATIN) ||
        /* an ASCII word has its length, unless a letter typed three times makes it a slip */
        (!(t->flags & TOK_NONASCII) && len < 32 && !((c->st->ascii_words[f][z] >> len) & 1) &&
         !has_triple(w, len))) {
        c->lx[i] = NULL;
        return NULL;
    }
    char buf[MAXWORD + 1];
    size_t fl = t->len;
    lexkey k;
    if (ascii_token_key(c, t, &k)) {
        l = lex_find(c->st, &k);
        if (!l && fl >= 5) memcpy(buf, k.w, fl);
    } else {
        fl = fold_token(c->s + t->start, t->len, buf);
        if (fl && fl <= KEY_MAX) {
            k = make_key(buf, fl);
            l = lex_find(c->st, &k);
        }
    }
    if (!l && fl >= 5) { /* a typed letter three times is always a slip: "killling" */
        size_t j = 2;
        while (j < fl && !(buf[j] == buf[j - 1] && buf[j] == buf[j - 2])) j++;
        size_t o = j; /* the letters before j stay */
        for (; j < fl; j++)
            if (!(buf[j] == buf[o - 1] && buf[j] == buf[o - 2])) buf[o++] = buf[j];
        if (o < fl && o <= KEY_MAX) {
            k = make_key(buf, o);
            l = lex_find(c->st, &k);
        }
    }
    if (l && !(l->lang & c->lang)) l = NULL;
    c->lx[i] = l;
    return l;
}

typedef struct {
    size_t qs, ns, e, he;      /* span start, number start, number end (excl.), span end (incl.) */
    int64_t value, low, high;
    int has_low, has_high;
    int qual, cat, who, event, article, head_kind, nominal, parent, drop;
    int killed_noun;           /* head noun names deaths (fatalities, morts): may be a total */
    int fatal_noun;            /* the head is "fatalities": the coders' total */
    int partitive;             /* "two of the", "deux des": part of an earlier count */
    int subset_article;        /* "cinq blessés dont un grave": un is one of them */
} cand;

enum { HK_NONE, HK_PERSON, HK_OBJECT, HK_PLACE, HK_CATNOUN };

static inline uint32_t R(const cx *c, size_t i) {
    const lexent *l = LX(c, i);
    return l ? l->roles : 0;
}
static inline int isdig(const cx *c, size_t i) {
    return i < c->nt && (c->t[i].flags & TOK_DIGITSTART);
}
static inline int newsent(const cx *c, size_t i) {
    return i < c->nt && (c->t[i].flags & CONFLICT_TOK_SENTENCE);
}
/* inline: strlen() of the literal w is a constant, and the comparison a few instructions */
static inline int is_word(const cx *c, size_t i, const char *w) {
    if (i >= c->nt) return 0;
    const lexent *l = LX(c, i);
    size_t n = strlen(w);
    return l && l->wn == n && memcmp(l->w, w, n) == 0;
}
static int tok_is(const cx *c, size_t i, const char *w) {
    if (i >= c->nt) return 0;
    const char *p = c->s + c->t[i].start;
    size_t n = c->t[i].len, k = 0;
    for (; k < n && w[k]; k++) { /* most calls stop at the first letter */
        char ch = p[k];
        if (ch >= 'A' && ch <= 'Z') ch = (char)(ch + 32);
        if (ch != w[k]) return 0;
    }
    return k == n && !w[k];
}

/* separator between token i and i+1 */
static inline char sep(const cx *c, size_t i) { return i < c->nt ? c->t[i].next_sep : 0; }
static inline int soft_sep(char ch) { return ch == ' ' || ch == '-' || ch == '\''; }
static size_t gap_len(const cx *c, size_t i) {
    return i + 1 < c->nt ? c->t[i + 1].start - (c->t[i].start + c->t[i].len) : 0;
}
static const char *gap_ptr(const cx *c, size_t i) { return c->s + c->t[i].start + c->t[i].len; }

/* One space-like separator: ' ', NBSP, narrow NBSP, thin space. */
static int gap_is_space1(const cx *c, size_t i) {
    size_t g = gap_len(c, i);
    const char *p = gap_ptr(c, i);
    if (g == 1) return p[0] == ' ';
    if (g == 2) return (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0;
    if (g == 3)
        return (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
               ((unsigned char)p[2] == 0xAF || (unsigned char)p[2] == 0x89);
    return 0;
}

static int all_digits(const cx *c, size_t i, size_t *len) {
    const conflict_token *t = &c->t[i];
    for (size_t k = 0; k < t->len; k++)
        if (c->s[t->start + k] < '0' || c->s[t->start + k] > '9') return 0;
    *len = t->len;
    return 1;
}

/* ---- numbers --------------------------------------------------------------- */

typedef struct {
    size_t e; /* end token (exclusive); always > start, even when not ok */
    int ok;
    int64_t value;
    int approx;      /* dizaine, dozen: approximate singular */
    int vague;       /* des centaines, dozens: conventional value and range */
    int64_t vlow, vhigh;
    int has_vhigh;
    int article;     /* un/une/a/an alone */
    int plain4;      /* four plain digits: maybe a year */
    int scaled;      /* took a million/thousand word */
    int64_t scale;
} numparse;

#define BIG ((int64_t)1 << 53)

static int64_t mul_sat(int64_t a, int64_t b, int *over) {
    if (a && b > BIG / a) {
        *over = 1;
        return 0;
    }
    return a * b;
}

/* vague plural: conventional value and range (ANNOTATION's conventions) */
static void set_vague(numparse *np, int64_t base, int64_t mult) {
    np->vague = 1;
    np->has_vhigh = 1;
    if (mult > 1) { /* des dizaines de milliers -> 10 000 [10 000, 99 999] */
        np->value = (base == 12 ? 10 : base) * mult;
        np->vlow = np->value;
        np->vhigh = np->value * 10 - 1;
        return;
    }
    if (base == 20) { /* scores of */
        np->value = 40;
        np->vlow = 40;
        np->has_vhigh = 0;
        return;
    }
    np->value = base; /* dizaines, dozens 12; tens 10; centaines 100... */
    np->vlow = base;
    np->vhigh = (base == 12 ? 10 : base) * 10 - 1;
}

/* a scale word after a number: "3 millions", "1,5 million", "2 mille" */
static size_t take_scale(const cx *c, size_t e, int64_t *scale) {
    *scale = 1;
    if (e < c->nt && e > 0 && soft_sep(sep(c, e - 1)) && !newsent(c, e)) {
        uint32_t r = R(c, e);
        if (r & (R_SCALE | R_HUNDRED)) {
            *scale = LX(c, e)->val;
            return e + 1;
        }
    }
    return e;
}

static void parse_digits(const cx *c, size_t i, numparse *np) {
    const conflict_token *t = &c->t[i];
    const char *p = c->s + t->start;
    size_t k = 0, len = t->len;
    int64_t v = 0;
    int over = 0;
    memset(np, 0, sizeof *np);
    np->e = i + 1;
    while (k < len && p[k] >= '0' && p[k] <= '9') {
        if (k >= 15) over = 1;
        else v = v * 10 + (p[k] - '0');
        k++;
    }
    if (over) return; /* too large for a count: skip */
    size_t ndig = k;
    np->scale = 1;
    if (k < len) { /* 2m, 10k, 3bn; anything else (1er, 10h30, 2nd, 9mm) is not a count */
        char suf[8];
        size_t sl = len - k;
        if (sl > 3) return;
        for (size_t q = 0; q < sl; q++) {
            char ch = p[k + q];
            suf[q] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
        }
        suf[sl] = 0;
        if (!strcmp(suf, "m") || !strcmp(suf, "mn")) np->scale = 1000000;
        else if (!strcmp(suf, "bn")) np->scale = 1000000000;
        else if (!strcmp(suf, "k")) np->scale = 1000;
        else return;
        np->value = mul_sat(v, np->scale, &over);
        np->scaled = 1;
        np->ok = !over;
        return;
    }
    size_t e = i + 1;
    int grouped = 0;
    double frac = 0;
    int decimal = 0;
    /* thousands groups: 358.000, 358,000, 358 000 */
    while (e < c->nt && ndig <= 3 && !newsent(c, e)) {
        size_t gl;
        if (!all_digits(c, e, &gl) || gl != 3) break;
        size_t g = gap_len(c, e - 1);
        const char *gp = gap_ptr(c, e - 1);
        int punct = g == 1 && (gp[0] == '.' || gp[0] == ',');
        if (!punct && !gap_is_space1(c, e - 1)) break;
        if (!punct && grouped == 0 && ndig > 3) break;
        /* a fourth digit group separator after a space group must be the same kind */
        const char *q = c->s + c->t[e].start;
        v = v * 1000 + (q[0] - '0') * 100 + (q[1] - '0') * 10 + (q[2] - '0');
        if (v > BIG) return;
        grouped = 1;
        e++;
    }
    if (e < c->nt && gap_len(c, e - 1) == 1 && (!newsent(c, e) || *gap_ptr(c, e - 1) == ':')) {
        char g = *gap_ptr(c, e - 1);
        size_t gl;
        if ((g == '.' || g == ',') && !grouped && all_digits(c, e, &gl) && gl <= 3) {
            double f = 0, d = 1;
            const char *q = c->s + c->t[e].start;
            for (size_t z = 0; z < gl; z++) {
                d /= 10;
                f += (q[z] - '0') * d;
            }
            frac = f;
            decimal = 1;
            e++;
        } else if ((g == ':' || g == '/') && isdig(c, e)) {
            /* times 10:30, dates 21/02/2020, fractions 1/3 */
            while (e < c->nt && isdig(c, e) && gap_len(c, e - 1) == 1 &&
                   (*gap_ptr(c, e - 1) == ':' || *gap_ptr(c, e - 1) == '/' ||
                    *gap_ptr(c, e - 1) == '-' || *gap_ptr(c, e - 1) == '.'))
                e++;
            np->e = e;
            return;
        } else if (g == '-' && ndig == 4 && isdig(c, e)) { /* ISO date 2020-05-08 */
            while (e < c->nt && isdig(c, e) && gap_len(c, e - 1) == 1 && *gap_ptr(c, e - 1) == '-') e++;
            np->e = e;
            return;
        }
    }
    int64_t scale;
    size_t e2 = take_scale(c, e, &scale);
    np->e = e2;
    if (decimal && scale == 1) return; /* 1.5, 2,3: a fraction, not a count */
    if (scale > 1) {
        np->scaled = 1;
        np->scale = scale;
        double x = ((double)v + frac) * (double)scale;
        if (x > (double)BIG) return;
        np->value = (int64_t)llround(x);
    } else {
        np->value = v;
    }
    np->plain4 = !grouped && !decimal && scale == 1 && ndig == 4;
    np->ok = 1;
}

/* Number words: "vingt-deux", "quatre-vingt-dix-sept", "trois millions",
 * "une dizaine", "des centaines de milliers", "two hundred and five". */
static void parse_words(const cx *c, size_t i, numparse *np) {
    memset(np, 0, sizeof *np);
    np->e = i + 1;
    np->scale = 1;
    int64_t total = 0, cur = 0;
    int any = 0, over = 0;
    size_t j = i;
    uint32_t r0 = R(c, i);
    int vaguedet = i > 0 && (R(c, i - 1) & R_VAGUEDET) && soft_sep(sep(c, i - 1));
    if ((r0 & R_ARTICLE) && !(r0 & R_NUM)) {
        /* a/an: "a dozen", "a hundred", "a million"; else an article */
        uint32_t rn = R(c, i + 1);
        if (i + 1 < c->nt && soft_sep(sep(c, i)) &&
            (rn & (R_HUNDRED | R_SCALE | R_APPROX)) && !(rn & R_PLURAL)) {
            cur = 1;
            any = 1;
            j = i + 1;
        } else {
            np->article = 1;
            np->value = 1;
            np->ok = 1;
            return;
        }
    }
    for (; j < c->nt; j++) {
        if (j > i) {
            if (!soft_sep(sep(c, j - 1)) || newsent(c, j)) break;
        }
        const lexent *l = LX(c, j);
        uint32_t r = l ? l->roles : 0;
        if (r & R_NUM) {
            int64_t v = l->val, low2 = cur % 100;
            if (!any || low2 == 0) cur += v;
            else if (low2 % 10 == 0 && v < 10) cur += v;
            else if ((low2 == 60 || low2 == 80) && v >= 10 && v < 20) cur += v;
            else if (low2 == 4 && v == 20 && j > 0 && is_word(c, j - 1, "quatre")) cur += 76;
            else break;
            any = 1;
            np->e = j + 1;
            continue;
        }
        if (r & R_HUNDRED) {
            if (!any && !vaguedet) break;
            if (!any) { /* several hundred, quelques cent */
                set_vague(np, 100, 1);
                np->e = j + 1;
                np->ok = 1;
                return;
            }
            cur = (cur ? cur : 1) * 100;
            any = 1;
            np->e = j + 1;
            continue;
        }
        if (r & R_SCALE) {
            if (!any) {
                if ((r & R_PLURAL) || vaguedet) { /* des millions, thousands of, few thousand */
                    set_vague(np, l->val, 1);
                    np->e = j + 1;
                    np->ok = 1;
                }
                return;
            }
            total += mul_sat(cur ? cur : 1, l->val, &over);
            cur = 0;
            np->scaled = 1;
            np->scale = l->val;
            np->e = j + 1;
            continue;
        }
        if (r & R_APPROX) {
            int64_t base = l->val, mult = 1;
            size_t e = j + 1;
            /* des dizaines de milliers, hundreds of thousands */
            if (e + 1 < c->nt && (R(c, e) & R_OF) && soft_sep(sep(c, j)) && soft_sep(sep(c, e)) &&
                (R(c, e + 1) & (R_SCALE | R_APPROX)) && (R(c, e + 1) & R_PLURAL) &&
                LX(c, e + 1)->val >= 1000) {
                mult = LX(c, e + 1)->val;
                e += 2;
            }
            np->e = e;
            np->ok = 1;
            if ((r & R_PLURAL) && !any) {
                set_vague(np, base, mult);
                return;
            }
            np->approx = 1;
            np->value = mul_sat(mul_sat(total + cur ? total + cur : 1, base, &over), mult, &over);
            if (over) np->ok = 0;
            return;
        }
        if ((r & R_CONJ) && any && j + 1 < c->nt && (R(c, j + 1) & R_NUM) &&
            (is_word(c, j, "et") || is_word(c, j, "and")) &&
            ((cur % 100 >= 20 && cur % 10 == 0) || (cur >= 100 && cur % 100 == 0)) &&
            !(R(c, j + 1) & R_ARTICLE && cur % 100 == 0 && !is_word(c, j + 1, "un"))) {
            continue; /* vingt et un, one hundred and five */
        }
        break;
    }
    if (!any) return;
    np->value = total + cur;
    if (over || np->value > BIG) return;
    /* "un"/"une" alone is an article unless it counts something */
    if (np->e == i + 1 && (r0 & R_ARTICLE)) np->article = 1;
    np->ok = np->value > 0;
}

static void parse_number(const cx *c, size_t i, numparse *np) {
    if (isdig(c, i)) parse_digits(c, i, np);
    else parse_words(c, i, np);
}

/* ---- context --------------------------------------------------------------- */

static int is_month(const cx *c, size_t i) {
    const lexent *l = LX(c, i);
    if (!l || !(l->roles & R_MONTH)) return 0;
    if (l->lang & L_FR && !(l->lang & L_EN)) return !(l->roles & R_NUM) || (c->t[i].flags & CONFLICT_TOK_UPPER);
    return (c->t[i].flags & CONFLICT_TOK_UPPER) != 0;
}

/* Bytes just before a digit token that make it money, an identifier or a tag. */
static int bad_prefix(const cx *c, size_t i) {
    size_t st = c->t[i].start;
    if (st == 0) return 0;
    size_t k = st;
    if (k > 0 && c->s[k - 1] == ' ') k--;
    if (k == 0) return 0;
    unsigned char b = (unsigned char)c->s[k - 1];
    if (b == '$' || b == '#' || b == '=' || b == '+' || b == '/' || b == '\\') return 1;
    if (b == '-' && k == st && i > 0 && c->t[i - 1].start + c->t[i - 1].len == st - 1 &&
        (c->t[i - 1].flags & CONFLICT_TOK_ALPHA))
        return 1; /* Covid-19, M-5, Municipality-13 */
    if (b >= 0x80) { /* € £ ¥ ₹ ₦ № */
        size_t p = conflict_utf8_prev(c->s, k);
        size_t q = p;
        uint32_t cp = conflict_utf8_next(c->s, c->n, &q);
        if (cp == 0x20AC || cp == 0xA3 || cp == 0xA5 || cp == 0x20B9 || cp == 0x20A6 ||
            cp == 0x2116 || cp == 0xB0)
            return 1;
    }
    return 0;
}

static int bad_suffix(const cx *c, size_t e) {
    /* e = first token after the number; the bytes between the number and it */
    if (e == 0) return 0;
    size_t end = c->t[e - 1].start + c->t[e - 1].len;
    size_t k = end;
    if (k < c->n && c->s[k] == ' ') k++;
    if (k < c->n) {
        unsigned char b = (unsigned char)c->s[k];
        if (b == '%' || b == '$') return 1;
        if (b == 0xC2 && k + 1 < c->n && (unsigned char)c->s[k + 1] == 0xB0) return 1; /* ° */
        if (b == 0xE2 && k + 2 < c->n && (unsigned char)c->s[k + 1] == 0x82) return 1; /* €, ₹ */
    }
    if (e < c->nt && !newsent(c, e)) {
        if ((is_word(c, e, "pour") || is_word(c, e, "per")) && is_word(c, e + 1, "cent")) return 1;
        if (is_month(c, e)) return 1;
        uint32_t r = R(c, e);
        if ((r & R_UNIT) && (soft_sep(sep(c, e - 1)))) return 1;
        /* 5 millions de dollars, 12-year-old */
        if ((r & R_OF) && e + 1 < c->nt && (R(c, e + 1) & R_UNIT) && !(R(c, e + 1) & R_ARTICLE)) return 1;
    }
    return 0;
}

static int bad_before(const cx *c, size_t i) {
    if (i == 0 || newsent(c, i)) return 0;
    if (!soft_sep(sep(c, i - 1)) && sep(c, i - 1) != '.') return 0; /* "Depuis décembre, 358.000 personnes" */
    uint32_t r = R(c, i - 1);
    if (r & (R_IDENT | R_CURRENCY)) return 1;
    if (is_month(c, i - 1)) return 1;
    if (r & R_AGE) return 1;
    if ((r & R_OF) && i >= 2 && (R(c, i - 2) & R_AGE)) return 1;
    if (is_word(c, i - 1, "l") && sep(c, i - 1) == '\'') return 1; /* l'un */
    return 0;
}

/* Qualifier words just before token q: returns the qualifier, *qs its first token. */
static int find_qual(const cx *c, size_t q, size_t *qs) {
    *qs = q;
    if (q == 0 || newsent(c, q) || !(R(c, q - 1) & (R_QWORD | R_OF | R_TO | R_STOP))) return Q_EXACT;
    const lexent *last = LX(c, q - 1);
    /* the phrases that end with that word, in table order */
    for (uint64_t m = last ? last->quals : 0; m; m &= m - 1) {
        size_t k = (size_t)__builtin_ctzll(m);
        const counts_qual *qq = &counts_quals[k];
        if ((size_t)qq->n > q) continue;
        size_t b = q - (size_t)qq->n;
        int ok = 1;
        for (int w = 0; w < qq->n && ok; w++) {
            size_t ti = b + (size_t)w;
            if (LX(c, ti) != c->st->qlex[k][w]) ok = 0;
            else if (w > 0 && newsent(c, ti)) ok = 0;
            else if (!soft_sep(sep(c, ti))) ok = 0;
        }
        if (ok) {
            *qs = b;
            return qq->q;
        }
    }
    return Q_EXACT;
}

/* ---- categories ------------------------------------------------------------- */

static int casualty(int cat);

/* "targeted two policemen in Awaran, killing them": a casualty participle whose
 * pronoun object stands for the count just before (no other number between), within
 * its sentence; its category, or 0. */
static int killing_them(const cx *c, size_t from) {
    for (size_t k = from; k + 1 < c->nt && k < from + 12; k++) {
        if (newsent(c, k) || isdig(c, k) || (R(c, k) & (R_NUM | R_PERSON))) return 0;
        const lexent *l = LX(c, k);
        if (l && (l->roles & R_VBACK) && casualty(l->cat) && sep(c, k) == ' ' &&
            (is_word(c, k + 1, "them") || is_word(c, k + 1, "both") || is_word(c, k + 1, "him") ||
             is_word(c, k + 1, "her")))
            return l->cat;
    }
    return 0;
}

/* Does token k end like a French past participle (indiqué, tuées)? Then the "a"
 * before it is the verb avoir, not an article. */
static int french_participle(const cx *c, size_t k) {
    if (k >= c->nt) return 0;
    const char *w = c->s + c->t[k].start;
    size_t n = c->t[k].len;
    while (n && (w[n - 1] == 's' || w[n - 1] == 'e')) n--;
    return n >= 2 && (unsigned char)w[n - 2] == 0xc3 && (unsigned char)w[n - 1] == 0xa9;
}

/* Is token k the "alive" of "burnt alive", "burned alive", "buried alive" (killed)? */
static int burnt_alive(const cx *c, size_t k) {
    return k > 0 && tok_is(c, k, "alive") && sep(c, k - 1) == ' ' &&
           (tok_is(c, k - 1, "burnt") || tok_is(c, k - 1, "burned") || tok_is(c, k - 1, "buried"));
}

/* Is the participle at k active ("ont tué 3", "killed the leader")? */
static int active_participle(const cx *c, size_t k) {
    int be = (k >= 1 && (R(c, k - 1) & R_BE)) || (k >= 2 && (R(c, k - 2) & R_BE) && !(R(c, k - 1) & (R_NUM | R_NOUN)));
    if (be) return 0;
    if (k >= 1 && (R(c, k - 1) & R_HAVE) && !is_word(c, k - 1, "a")) return 1;
    if (k >= 1 && is_word(c, k - 1, "a") && sep(c, k - 1) == ' ' && k >= 2 &&
        !(R(c, k - 2) & R_ARTICLE))
        return 1; /* "a tué" */
    /* gunned down two, shot dead three soldiers */
    if (k + 2 < c->nt && ((R(c, k + 1) & R_PARTICLE) || is_word(c, k + 1, "dead")) && sep(c, k) == ' ') k++;
    if (k + 1 < c->nt && sep(c, k) == ' ' && !newsent(c, k + 1)) {
        uint32_t r = R(c, k + 1);
        /* "1 policeman killed 5 injured": a number with its own participle is a new subject */
        if ((isdig(c, k + 1) || (r & R_NUM)) && k + 2 < c->nt && soft_sep(sep(c, k + 1)) && !newsent(c, k + 2) &&
            (R(c, k + 2) & R_PART) && casualty(LX(c, k + 2)->cat))
            return 0;
        if (isdig(c, k + 1)) return 1;
        if (r & (R_NUM | R_OBJDET | R_PERSON | R_VAGUEDET)) return 1;
        if ((r & R_ARTICLE) && !(r & R_TO)) return 1;
        if (is_word(c, k + 1, "a") || is_word(c, k + 1, "an")) return 1;
    }
    return 0;
}

static int number_start(const cx *c, size_t k) {
    return isdig(c, k) || (R(c, k) & (R_NUM | R_APPROX | R_SCALE | R_HUNDRED));
}

/* "kidnapped and shot dead": a second casualty verb coordinated with the first; killing wins */
static int coordinated_kill(const cx *c, size_t k) {
    size_t j = k + 1;
    /* "were arrested by the Burma Army and killed": a by-phrase (its agent) before the "and" */
    if (is_word(c, j, "by") || is_word(c, j, "par")) {
        size_t lim = j + 6;
        for (j++; j < c->nt && j < lim && !newsent(c, j) && soft_sep(sep(c, j - 1)); j++) {
            const lexent *l = LX(c, j);
            if (l && (l->roles & R_CONJ)) break;
            if (number_start(c, j) || (l && (l->roles & (R_BE | R_HAVE | R_VFWD | R_VBACK | R_STOP)))) return 0;
        }
        if (j >= c->nt || newsent(c, j) || !soft_sep(sep(c, j - 1))) return 0;
    }
    for (size_t steps = 0; j < c->nt && steps < 4 && !newsent(c, j); j++, steps++) {
        const lexent *l = LX(c, j);
        if (steps == 0 && !(l && (l->roles & R_CONJ))) return 0;
        if (number_start(c, j) || (l && (l->roles & (R_PERSON | R_ARTICLE)))) return 0; /* a new subject */
        if (l && (l->roles & R_VFWD) && l->cat == CAT_KILLED) return 1;
    }
    return 0;
}

static int verb_forward(const cx *c, size_t from, size_t *at, int bare) {
    size_t other = (size_t)-1; /* number of another count passed on the way */
    int clean = 0;             /* nothing but its noun phrase since that number */
    int aux = 0; /* an auxiliary or a finite verb seen: the subject's verb has come */
    size_t aux_at = 0;
    for (size_t k = from, steps = 0; k < c->nt && steps < 24; k++, steps++) {
        if (newsent(c, k)) return 0;
        /* beyond 12 words only the first auxiliary of the clause, right before its participle:
           "Two policemen deployed for the security of the ... complex were shot dead" */
        if (steps >= 12) {
            const lexent *l = LX(c, k);
            /* the first auxiliary came just before: "... Indian Subcontinent were | gunned down" */
            if (aux && aux_at + 1 >= k - 1 && l && (l->roles & R_VFWD) && (l->roles & R_PART) && casualty(l->cat) &&
                (R(c, aux_at) & R_BE)) {
                *at = k;
                return coordinated_kill(c, k) ? CAT_KILLED : l->cat;
            }
            if (aux || other != (size_t)-1 || number_start(c, k) || (R(c, k) & (R_CONJ | R_TOTAL | R_SUBSET))) return 0;
            if (l && (l->roles & R_BE)) {
                size_t v = k + 1;
                if (v < c->nt && !LX(c, v) && sep(c, k) == ' ') v++; /* were reportedly killed */
                const lexent *lv = LX(c, v);
                if (v < c->nt && !newsent(c, v) && lv && (lv->roles & R_VFWD) && casualty(lv->cat)) {
                    *at = v;
                    return coordinated_kill(c, v) ? CAT_KILLED : lv->cat;
                }
                return 0;
            }
            if (l && (l->roles & (R_HAVE | R_VFWD | R_VBACK))) return 0;
            continue;
        }
        if (number_start(c, k)) {
            /* "3 suspects managed to flee and one was killed": that verb belongs to the other count */
            for (size_t j = from; j < k; j++) {
                const lexent *lj = LX(c, j);
                uint32_t rj = lj ? lj->roles : 0;
                if (isdig(c, j) ||
                    (rj & (R_CONJ | R_OF | R_OBJDET | R_PERSON | R_NOUN | R_ARTICLE | R_NUM | R_APPROX | R_SCALE)))
                    continue;
                if (!lj && (c->t[j].flags & CONFLICT_TOK_UPPER)) continue;
                if (rj & R_SUBSET) continue;
                return 0;
            }
            other = k, clean = 1;
        }
        else if (k > from && !soft_sep(sep(c, k - 1))) clean = 0;
        const lexent *l = LX(c, k);
        /* "were burnt alive", "buried alive": killed */
        if (!l && k > from && burnt_alive(c, k)) {
            *at = k;
            return CAT_KILLED;
        }
        if (!l) continue;
        if (l->roles & R_TOTAL) return 0;
        if ((l->roles & R_VFWD) && l->cat) {
            /* "... et des millions de déplacés": the noun heads that other count */
            if ((l->roles & R_NOUN) && other != (size_t)-1 && clean && k - other <= 4) return 0;
            /* a bare number is not an agent: "1 killed 3 injured" */
            if ((l->roles & R_PART) && !(bare && k == from) && active_participle(c, k)) return 0;
            /* "gunmen shot dead three soldiers": the verb before "dead" takes an object */
            if (k > from && is_word(c, k, "dead") && sep(c, k - 1) == ' ' &&
                (c->t[k - 1].flags & CONFLICT_TOK_ALPHA) && !LX(c, k - 1) && active_participle(c, k - 1))
                return 0;
            *at = k;
            return coordinated_kill(c, k) ? CAT_KILLED : l->cat;
        }
        if ((l->roles & (R_BE | R_HAVE | R_VFWD | R_VBACK)) && !(l->roles & R_ARTICLE) && !aux) aux = 1, aux_at = k;
        if (l->roles & (R_BE | R_HAVE)) clean = 0;
    }
    return 0;
}


/* Index of the word of the NULL-ended list `words` (lower case) that token i
 * spells, or -1; its first letter rules out most words without a call. */
static int tok_in(const cx *c, size_t i, const char *const *words) {
    if (i >= c->nt) return -1;
    unsigned char f = (unsigned char)c->s[c->t[i].start];
    if (f >= 'A' && f <= 'Z') f += 32;
    for (int k = 0; words[k]; k++)
        if ((unsigned char)words[k][0] == f && tok_is(c, i, words[k])) return k;
    return -1;
}

/* The first token of "selon elle", "according to them" ending at token k (an
 * attribution inserted between a verb and its count), or k + 1 when none ends there. */
static size_t attribution_start(const cx *c, size_t k) {
    static const char *const pronouns[] = {"elle", "elles", "lui", "eux", "them", "him", "her",
                                           "it", "officials", "sources", NULL};
    if (tok_in(c, k, pronouns) < 0 || k == 0 || newsent(c, k)) return k + 1;
    if (tok_is(c, k - 1, "selon")) return k - 1;
    if (k >= 2 && tok_is(c, k - 1, "to") && tok_is(c, k - 2, "according") && !newsent(c, k - 1))
        return k - 2;
    return k + 1;
}

static const char *const intents[] = {"threatened", "threatens", "threaten", "tried", "tries",
                                      "try", "attempted", "attempts", "attempt", "planned",
                                      "plans", "plan", "wanted", "wants", "want", "vowed",
                                      "sought", "intended", NULL};

static int verb_backward(const cx *c, size_t qs, size_t *at) {
    if (qs == 0 || newsent(c, qs) || sep(c, qs - 1) == ',') return 0;
    size_t k = qs - 1;
    for (int steps = 0; steps < 4; steps++) {
        const lexent *l = LX(c, k);
        uint32_t r = l ? l->roles : 0;
        if ((r & R_VBACK) && l->cat) {
            /* an intent is no casualty: "threatened to kill two soldiers" (but "managed
             * to kill 4" is) */
            if (k > 1 && tok_is(c, k - 1, "to") && casualty(l->cat) &&
                tok_in(c, k - 2, intents) >= 0)
                return 0;
            *at = k;
            return l->cat;
        }
        /* "assailants burnt alive two children" */
        if (burnt_alive(c, k)) {
            *at = k;
            return CAT_KILLED;
        }
        /* "ont tué selon elle plus de 700 insurgés" */
        size_t a = attribution_start(c, k);
        if (a <= k && a > 0 && !newsent(c, a)) {
            k = a - 1;
            continue;
        }
        /* "killed all three militants", "tué tous les" */
        int all = tok_is(c, k, "all") || tok_is(c, k, "tous") || tok_is(c, k, "toutes");
        if ((!(r & (R_OF | R_OBJDET | R_BE | R_HAVE | R_PARTICLE)) && !all) || (r & R_CONJ))
            return 0;
        if (k == 0 || newsent(c, k)) return 0;
        k--;
    }
    return 0;
}

static int casualty(int cat) {
    return cat == CAT_KILLED || cat == CAT_WOUNDED || cat == CAT_KIDNAPPED ||
           cat == CAT_MISSING || cat == CAT_DETAINED || cat == CAT_AFFECTED;
}

/* "parmi les morts figurent 19 civils", "among the dead were 3 children" */
static int among_the(const cx *c, size_t qs) {
    for (size_t j = qs, steps = 0; j > 0 && steps < 7; j--, steps++) {
        if (newsent(c, j) && j != qs) return 0;
        size_t k = j - 1;
        if ((R(c, k) & R_SUBSET) && k + 2 < qs && (R(c, k + 1) & R_OBJDET)) {
            const lexent *l = LX(c, k + 2);
            if (l && l->cat && (l->roles & (R_NOUN | R_VFWD)) && casualty(l->cat)) return l->cat;
        }
        if (newsent(c, k)) return 0;
    }
    return 0;
}

/* ---- the extractor ---------------------------------------------------------- */

static const char *const counts_cols[] = {"text", "start",     "length",   "value",
                                          "low",  "high",      "qualifier", "category",
                                          "who",  "part_of",   "event"};
static const char *const counts_option_keys[] = {"lang", "categories", NULL};

enum { C_TEXT, C_START, C_LEN, C_VALUE, C_LOW, C_HIGH, C_QUAL, C_CAT, C_WHO, C_PART, C_EVENT };

typedef struct {
    cand *v;
    size_t n, cap;
} candv;

static cand *cand_push(const conflict_allocator *a, candv *cv) {
    if (cv->n == cv->cap) {
        size_t cap = cv->cap ? cv->cap * 2 : 16;
        cand *v = conflict_realloc(a, cv->v, cap * sizeof *v);
        if (!v) return NULL;
        cv->v = v;
        cv->cap = cap;
    }
    cand *x = &cv->v[cv->n++];
    memset(x, 0, sizeof *x);
    x->parent = -1;
    return x;
}

/* Reads one count starting at token i; returns the token to resume from. */
static size_t read_count(const cx *c, size_t i, cand *x, int *ok) {
    *ok = 0;
    memset(x, 0, sizeof *x);
    x->parent = -1;
    numparse np;
    parse_number(c, i, &np);
    size_t resume = np.e > i ? np.e : i + 1;
    if (!np.ok || np.value <= 0) return resume;
    if (isdig(c, i) && bad_prefix(c, i)) return resume;
    if (bad_before(c, i)) return resume;
    size_t e = np.e;
    /* "Rubel, 22, a local activist": an age in apposition to a name */
    if (isdig(c, i) && e == i + 1 && np.value < 120 && i > 0 && !newsent(c, i) && sep(c, i - 1) == ',' &&
        (c->t[i - 1].flags & CONFLICT_TOK_UPPER) && (c->t[i - 1].flags & CONFLICT_TOK_ALPHA) && sep(c, i) == ',')
        return resume;
    /* "two (2) soldiers": the digits repeat the words */
    if (!isdig(c, i) && e < c->nt && isdig(c, e) && gap_len(c, e - 1) >= 1 &&
        memchr(gap_ptr(c, e - 1), '(', gap_len(c, e - 1)) && sep(c, e) == ')') {
        numparse p2;
        parse_digits(c, e, &p2);
        if (p2.ok && p2.value == np.value) e = p2.e;
    }
    /* ranges: 12-15, douze à quinze, 2 to 3, deux ou trois, entre 12 et 15 */
    size_t qs;
    int qual = Q_EXACT;
    size_t q0 = i;
    if (np.vague && i > 0 && (R(c, i - 1) & R_VAGUEDET) && !newsent(c, i) && soft_sep(sep(c, i - 1))) {
        q0 = i - 1;
        if (is_word(c, i - 1, "few") && i >= 2 && is_word(c, i - 2, "a")) q0 = i - 2;
    }
    int between = q0 > 0 && (R(c, q0 - 1) & R_BETWEEN) && !newsent(c, q0);
    qual = find_qual(c, between ? q0 - 1 : q0, &qs);
    if (between) qs = qs == q0 - 1 ? q0 - 1 : qs;
    int64_t low = 0, high = 0;
    int ranged = 0;
    if (e < c->nt && !newsent(c, e) && !np.article && !np.vague) {
        size_t j = 0;
        if (sep(c, e - 1) == '-' && gap_len(c, e - 1) == 1 && (isdig(c, e) || (R(c, e) & R_NUM))) j = e;
        else if ((R(c, e) & R_TO) && e + 1 < c->nt && soft_sep(sep(c, e - 1)) && soft_sep(sep(c, e)) &&
                 (isdig(c, e + 1) || (R(c, e + 1) & R_NUM)) && !(R(c, e + 1) & R_ARTICLE))
            j = e + 1;
        else if (between && (is_word(c, e, "et") || is_word(c, e, "and")) && e + 1 < c->nt &&
                 (isdig(c, e + 1) || (R(c, e + 1) & R_NUM)))
            j = e + 1;
        if (j && !newsent(c, j) && isdig(c, j) == isdig(c, i)) {
            numparse p2;
            parse_number(c, j, &p2);
            int64_t v1 = np.value;
            if (p2.ok && !p2.article && p2.scaled && !np.scaled) v1 = mul_sat(v1, p2.scale, &(int){0});
            if (p2.ok && !p2.article && p2.value > v1) {
                low = v1;
                high = p2.value;
                ranged = 1;
                np.value = v1;
                e = p2.e;
            }
        }
    }
    if (bad_suffix(c, e)) return e > resume ? e : resume;
    resume = e > resume ? e : resume;

    /* head noun */
    size_t h = e, head = 0, head_end = 0;
    int has_head = 0;
    if (h < c->nt && !newsent(c, h) && soft_sep(sep(c, h - 1)) && (R(c, h) & R_OF)) {
        h++;
        if (h < c->nt && (R(c, h) & R_OBJDET) && soft_sep(sep(c, h - 1))) h++;
        /* "deux des six blessés": the whole phrase is one count of two */
        if (h < c->nt && !newsent(c, h) && (isdig(c, h) || (R(c, h) & R_NUM)) && !(R(c, h) & R_ARTICLE)) {
            numparse p2;
            parse_number(c, h, &p2);
            if (p2.ok && p2.value > np.value) h = p2.e;
        }
    }
    for (size_t j = h, adj = 0; j < c->nt && j < h + 5; j++) {
        if (newsent(c, j) || !soft_sep(sep(c, j - 1))) break;
        uint32_t r = R(c, j);
        if (r & R_UNIT && !(r & (R_NOUN | R_PERSON | R_OBJECT | R_PLACE | R_ARTICLE))) return resume;
        if (j == h && is_month(c, j)) return resume;
        /* "a motorcycle shot dead": after an article and two other words, "dead" is a
         * verb's, no head of the article's noun phrase ("left a student dead" keeps it) */
        int killed_word = np.article && adj >= 2 && (r & R_NOUN) && LX(c, j)->cat == CAT_KILLED;
        if ((r & (R_NOUN | R_PERSON | R_OBJECT | R_PLACE)) && !killed_word) {
            head = j;
            has_head = 1;
            break;
        }
        if ((r && !killed_word) || isdig(c, j)) break;
        if (++adj > (np.article ? 2u : 3u)) break;
    }
    /* "a police station": for a lone article the person word must end the noun phrase */
    if (has_head && np.article && head + 1 < c->nt && sep(c, head) == ' ' && !newsent(c, head + 1) &&
        !LX(c, head + 1) && !isdig(c, head + 1) && !(c->t[head + 1].flags & CONFLICT_TOK_UPPER))
        has_head = 0;
    int cat = 0, who = 0, hk = HK_NONE, event = 0, killed_noun = 0, nominal = 0;
    if (has_head) {
        head_end = head;
        while (head_end + 1 < c->nt && !newsent(c, head_end + 1) && sep(c, head_end) == ' ' &&
               (R(c, head_end + 1) & (R_NOUN | R_PERSON | R_OBJECT | R_PLACE)))
            head_end++;
        for (size_t j = head; j <= head_end; j++) {
            const lexent *l = LX(c, j);
            if ((l->roles & R_NOUN) && l->cat) {
                cat = l->cat;
                nominal = 1;
                hk = HK_CATNOUN;
                killed_noun = l->cat == CAT_KILLED;
            }
            if (l->who && !who) who = l->who;
            if (l->roles & R_OBJECT) hk = HK_OBJECT, event = (l->roles & R_EVENT) != 0;
            else if (l->roles & R_PLACE) hk = HK_PLACE;
            /* "11 véhicules militaires": in French an adjective follows the object noun
             * (in English the noun comes last: "45 Assam Rifles personnel") */
            else if ((l->roles & R_PERSON) && hk != HK_CATNOUN &&
                     !(l->lang == L_FR && (hk == HK_OBJECT || hk == HK_PLACE)))
                hk = HK_PERSON;
        }
        /* "77 membres des forces de sécurité", "members of the security forces": who from the complement */
        if (who == WHO_UNKNOWN && hk == HK_PERSON && head_end + 2 < c->nt && (R(c, head_end + 1) & R_OF) &&
            soft_sep(sep(c, head_end))) {
            size_t k = head_end + 2;
            if ((R(c, k) & R_OBJDET) && k + 1 < c->nt) k++;
            const lexent *l = LX(c, k);
            if (l && (l->roles & R_PERSON) && l->who && l->who != WHO_UNKNOWN && !newsent(c, k)) who = l->who;
        }
        if (hk == HK_OBJECT || hk == HK_PLACE) {
            cat = hk == HK_OBJECT ? CAT_OBJECTS : CAT_PLACES;
            who = 0;
        }
    } else if (np.plain4 && np.value >= 1800 && np.value <= 2100) {
        return resume; /* a year */
    }
    int partitive = e + 1 < c->nt && (R(c, e) & R_OF) && soft_sep(sep(c, e - 1)) && !newsent(c, e + 1) &&
                    ((R(c, e + 1) & R_OBJDET) || isdig(c, e + 1) || (R(c, e + 1) & R_NUM));
    size_t article_end = 0;
    int article_cat = 0;
    /* "was a policeman", "était un soldat": a predicate, not a new person */
    if (np.article && i > 0 && !newsent(c, i) && (R(c, i - 1) & R_BE)) return resume;
    if (np.article && !has_head) {
        /* "a shopkeeper was shot dead", "un passant a été tué": an unknown noun, then a passive casualty verb */
        size_t j = e, words = 0;
        while (j < c->nt && words < 3 && !newsent(c, j) && sep(c, j - 1) == ' ' && !LX(c, j) && !isdig(c, j) &&
               (c->t[j].flags & CONFLICT_TOK_ALPHA))
            j++, words++;
        if (words && j < c->nt && !newsent(c, j) && sep(c, j - 1) == ' ') {
            size_t k = j;
            /* singular auxiliaries only: was, is, has been, a été, est */
            if ((is_word(c, k, "has") || is_word(c, k, "a")) && (R(c, k + 1) & R_BE)) k++;
            else if (!is_word(c, k, "was") && !is_word(c, k, "is") && !is_word(c, k, "est")) k = c->nt;
            if (k < c->nt && (R(c, k) & R_BE)) {
                k++;
                if (k < c->nt && !LX(c, k) && sep(c, k - 1) == ' ') k++; /* was reportedly killed */
                const lexent *l = LX(c, k);
                if (l && (l->roles & R_VFWD) && casualty(l->cat) && !newsent(c, k)) {
                    article_end = j - 1;
                    article_cat = l->cat;
                }
            }
        }
        /* "gunmen shot dead an activist", "ont enlevé un enseignant": an unknown noun
         * right after an active casualty verb */
        size_t ba = 0;
        int bc = !article_cat && words && sep(c, i - 1) == ' ' && !french_participle(c, i + 1)
                     ? verb_backward(c, i, &ba)
                     : 0;
        /* not "an unknown number of" */
        if (bc && ba + 1 == i && casualty(bc) && !(j < c->nt && tok_is(c, j, "number"))) {
            article_end = j - 1;
            article_cat = bc;
        }
        /* "cinq blessés dont un grave": one of the count before, its noun elided (English
         * says "including one"; "including a student" names a noun) */
        int subset = i > 0 && !newsent(c, i) && tok_is(c, i - 1, "dont") && soft_sep(sep(c, i - 1));
        if (!article_cat && !subset) return resume;
        x->subset_article = subset && !article_cat;
    }
    /* what happened: the nearest category verb after or before */
    if (!cat) {
        size_t fa = 0, ba = 0;
        size_t from = has_head ? head_end + 1 : e;
        int fc = verb_forward(c, from, &fa, !has_head);
        /* "abducted by four men and stabbed to death": the agent of a passive is not the
         * subject of a verb coordinated with it ("by two men, who were arrested" is) */
        if (fc && qs > 0 && !newsent(c, qs) && (tok_is(c, qs - 1, "by") || tok_is(c, qs - 1, "par")))
            for (size_t j = from; j < fa; j++)
                if (R(c, j) & R_CONJ) fc = 0;
        int bc = verb_backward(c, qs, &ba);
        if (fc && bc) cat = (fa - from) < (qs - 1 - ba) ? fc : bc;
        else cat = fc ? fc : bc;
        /* "kidnapped two villagers and killed them": the same people, killing wins */
        if (cat == bc && bc && bc != CAT_KILLED && casualty(bc)) {
            size_t k = from;
            if (k < c->nt && !newsent(c, k) && (R(c, k) & R_CONJ)) {
                k++;
                if (k < c->nt && !LX(c, k) && sep(c, k - 1) == ' ') k++; /* and later killed */
                const lexent *l = LX(c, k);
                if (k + 1 < c->nt && !newsent(c, k) && l && (l->roles & R_VBACK) && l->cat == CAT_KILLED &&
                    (is_word(c, k + 1, "them") || is_word(c, k + 1, "him") || is_word(c, k + 1, "her") ||
                     is_word(c, k + 1, "eux")))
                    cat = CAT_KILLED;
            }
        }
        if (!cat) cat = among_the(c, qs);
        if (!cat && has_head) cat = killing_them(c, head_end + 1);
    }
    /* "three protesters were killed", "47 prisoners were killed": the noun says who they are, the
       casualty verb what happened to them */
    if (nominal && (cat == CAT_PROTESTERS || cat == CAT_REFUGEES || cat == CAT_DETAINED ||
                    cat == CAT_KIDNAPPED || cat == CAT_DISPLACED || cat == CAT_EVACUATED)) {
        size_t fa = 0, ba = 0;
        int fc = verb_forward(c, head_end + 1, &fa, 0);
        if (!(fc == CAT_KILLED || fc == CAT_WOUNDED) ||
            (R(c, fa) & R_NOUN && !(R(c, fa) & R_PART))) {
            /* "militants killed 12 hostages" */
            int bc = verb_backward(c, qs, &ba);
            fc = bc == CAT_KILLED || bc == CAT_WOUNDED ? bc : 0;
            fa = ba;
        }
        if ((fc == CAT_KILLED || fc == CAT_WOUNDED) && !(R(c, fa) & R_NOUN && !(R(c, fa) & R_PART))) {
            cat = fc;
            nominal = 0;
            killed_noun = 0;
            hk = HK_PERSON;
        }
    }
    x->qs = qs;
    x->ns = i;
    x->e = e;
    x->he = has_head ? head_end : article_cat ? article_end : e - 1;
    x->partitive = partitive;
    if (article_cat) {
        cat = article_cat;
        hk = HK_PERSON;
    }
    if (has_head && killed_noun) {
        const lexent *hl = LX(c, head_end);
        x->fatal_noun = hl && (!strcmp(hl->w, "fatalities") || !strcmp(hl->w, "fatality"));
    }
    x->value = np.value;
    x->article = np.article;
    x->cat = cat;
    x->who = who;
    x->event = event;
    x->head_kind = hk;
    x->nominal = nominal;
    x->killed_noun = killed_noun;
    if (ranged) {
        x->qual = Q_RANGE;
        x->low = low;
        x->high = high;
        x->has_low = x->has_high = 1;
    } else if (qual == Q_AT_LEAST) {
        x->qual = qual;
        x->low = np.value;
        x->has_low = 1;
    } else if (qual == Q_AT_MOST) {
        x->qual = qual;
        x->high = np.value;
        x->has_high = 1;
    } else if (qual == Q_APPROX || np.approx) {
        x->qual = Q_APPROX;
    } else if (np.vague) {
        x->qual = Q_APPROX;
        x->low = np.vlow;
        x->has_low = 1;
        x->high = np.vhigh;
        x->has_high = np.has_vhigh;
    } else {
        x->qual = Q_EXACT;
        x->low = x->high = np.value;
        x->has_low = x->has_high = 1;
    }
    if (np.vague && qual == Q_EXACT) x->qs = q0 < qs ? q0 : qs;
    *ok = 1;
    return x->he + 1 > resume ? x->he + 1 : resume;
}

static void partitive_parent(cand *v, size_t k) {
    cand *x = &v[k];
    if (x->parent >= 0 || !x->partitive) return;
    for (size_t j = k; j-- > 0;) {
        if (v[j].drop || (x->cat && v[j].cat != x->cat)) continue;
        x->parent = (int)j;
        return;
    }
}

/* ---- restatements ------------------------------------------------------------- */

/* token i spelled w (ASCII, case-insensitive, no lexicon needed) */
static int tok_eq(const cx *c, size_t a, size_t b) {
    const conflict_token *x = &c->t[a], *y = &c->t[b];
    if (x->len != y->len) return 0;
    for (size_t k = 0; k < x->len; k++) {
        char p = c->s[x->start + k], q = c->s[y->start + k];
        if (p >= 'A' && p <= 'Z') p = (char)(p + 32);
        if (q >= 'A' && q <= 'Z') q = (char)(q + 32);
        if (p != q) return 0;
    }
    return 1;
}

/* Sentence bounds around token i. A "sentence" longer than SENT_MAX tokens
 * (a table, a list without full stops) is cut there, so that the cost of the
 * restatement rules stays linear in the input. */
#define SENT_MAX 256
static size_t sent_first(const cx *c, size_t i) {
    size_t lim = i > SENT_MAX ? i - SENT_MAX : 0;
    while (i > lim && !newsent(c, i)) i--;
    return i;
}
static size_t sent_end(const cx *c, size_t i) { /* exclusive */
    size_t lim = i + SENT_MAX;
    i++;
    while (i < c->nt && i < lim && !newsent(c, i)) i++;
    return i;
}

/* How many earlier counts a restatement or an enclosing count is looked for in:
 * news restates a toll within a few paragraphs; the bound keeps cost linear. */
#define LOOKBACK 64

/* words that announce a further toll, not the same one: "two more", "another", "39 other civilians" */
static const char *const further_words[] = {"other", "others", "another", "more", "additional", "further",
                                            "also", "separate", "autre", "autres", "supplementaires",
                                            "nouveau", "nouvelle", "nouvelles", "nouveaux", "aussi",
                                            "egalement", "encore", NULL};
static int further_word(const cx *c, size_t i) {
    int k = tok_in(c, i, further_words);
    return k >= 0 && (k != 3 || !tok_is(c, i + 1, "than"));
}

static const char *const weekday_words[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                            "saturday", "sunday", "lundi", "mardi", "mercredi",
                                            "jeudi", "vendredi", "samedi", "dimanche", NULL};
static int date_anchor(const cx *c, size_t i) {
    if (is_month(c, i) && ((i > 0 && isdig(c, i - 1)) || isdig(c, i + 1))) return 1;
    return tok_in(c, i, weekday_words) >= 0;
}
static const char *const at_words[] = {"in", "at", "near", "dans", "a", "pres", "around", NULL};
/* a capitalized name right after a locative preposition: "in Sopore", "à Gao" */
static int place_anchor(const cx *c, size_t i) {
    if (i == 0 || newsent(c, i) || !(c->t[i].flags & CONFLICT_TOK_UPPER) || c->t[i].len < 3) return 0;
    if (LX(c, i)) return 0;
    return tok_in(c, i - 1, at_words) >= 0;
}

/* Do the sentences [a0,a1) and [b0,b1) name different dates or different places? */
static int other_setting(const cx *c, size_t a0, size_t a1, size_t b0, size_t b1) {
    for (int kind = 0; kind < 2; kind++) {
        int (*anchor)(const cx *, size_t) = kind ? place_anchor : date_anchor;
        int in_a = 0, in_b = 0, shared = 0;
        for (size_t j = b0; j < b1 && !shared; j++) {
            if (!anchor(c, j)) continue;
            in_b = 1;
            for (size_t i = a0; i < a1; i++) {
                if (!(c->t[i].flags & CONFLICT_TOK_ALPHA)) continue;
                if (anchor(c, i)) in_a = 1;
                if (tok_eq(c, i, j)) {
                    shared = 1;
                    break;
                }
            }
        }
        if (in_b && !shared) {
            if (!in_a)
                for (size_t i = a0; i < a1 && !in_a; i++) in_a = anchor(c, i);
            if (in_a) return 1;
        }
    }
    return 0;
}

/*
 * A later count with the same value, category and a compatible who restates an
 * earlier toll: "Five militants were killed ... Five militants were killed and six
 * arrested", "killed three ... the three dead". It becomes part of the first
 * mention. Not a restatement: a new referent (indefinite "a"/"un"), a further toll
 * ("two more", "another", "39 other civilians", "were also killed"), a second
 * member of the same sentence ("2 killed in X and 2 in Y") unless definite ("the
 * four killed"), and a sentence set at another date or place than the first.
 */
static void link_restatements(const cx *c, cand *v, size_t n) {
    for (size_t k = 1; k < n; k++) {
        cand *x = &v[k];
        if (x->drop || x->parent >= 0 || !casualty(x->cat) || x->article) continue;
        /* cheap test first: an earlier count of the same value and category */
        size_t j = k, lim = k > LOOKBACK ? k - LOOKBACK : 0;
        while (j-- > lim)
            if (!v[j].drop && v[j].cat == x->cat && v[j].value == x->value) break;
        if (j == lim - 1 || j == (size_t)-1) continue;
        size_t q = x->qs;
        int definite = q > 0 && !newsent(c, q) && (R(c, q - 1) & R_OBJDET) && !(R(c, q - 1) & R_STOP) &&
                       !tok_is(c, q - 1, "his") && !tok_is(c, q - 1, "her") && !tok_is(c, q - 1, "their") &&
                       !tok_is(c, q - 1, "its");
        size_t s0 = sent_first(c, q), s1 = sent_end(c, x->he);
        int further = 0;
        /* in a definite count only the words of its noun phrase say further ("the other
         * four"): "a boy was also among the four killed" restates */
        size_t w0 = definite && q >= s0 + 2 ? q - 2 : s0;
        for (size_t w = w0; w <= x->he && !further; w++) further = further_word(c, w);
        /* after it, within its clause: "four were also wounded", not "3 PKK fatalities,
         * but also claimed", nor "kill 4 while the others escaped" */
        for (size_t w = x->he + 1; w < s1 && w <= x->he + 3 && !further; w++) {
            if (sep(c, w - 1) != ' ' || tok_is(c, w, "while") || tok_is(c, w, "but")) break;
            further = further_word(c, w);
        }
        if (further) continue;
        for (j++; j-- > lim;) {
            const cand *y = &v[j];
            if (y->drop || y->cat != x->cat || y->value != x->value) continue;
            int p = y->parent, guard = 0; /* not a count already inside this one */
            while (p >= 0 && p != (int)k && guard++ < 64) p = v[p].parent;
            if (p == (int)k) continue;
            if (x->who != y->who && x->who != WHO_UNKNOWN && y->who != WHO_UNKNOWN) continue;
            size_t t0 = sent_first(c, y->qs);
            if (t0 == s0 && !definite) continue;
            if (t0 != s0 && other_setting(c, t0, sent_end(c, y->he), s0, s1)) continue;
            x->parent = (int)j;
            break;
        }
    }
}

/* Does a word of the count's own phrase name its category ("those killed", "the
 * dead"), rather than a verb after it? */
static int names_category(const cx *c, const cand *x) {
    for (size_t j = x->qs; j <= x->he && j < c->nt; j++) {
        const lexent *l = LX(c, j);
        if (l && l->cat == x->cat) return 1;
    }
    return 0;
}

/* Subsets, inheritance, defaults and totals over the candidates in text order. */
static void link_counts(const cx *c, cand *v, size_t n) {
    for (size_t k = 1; k < n; k++) {
        cand *x = &v[k];
        /* the previous count that can enclose others: skip bare numbers that nothing explains ("one family") */
        size_t pk = k - 1;
        size_t plim = k > LOOKBACK ? k - LOOKBACK : 0;
        while (pk > plim && !v[pk].cat && v[pk].head_kind != HK_PERSON && v[pk].parent < 0) pk--;
        cand *p = &v[pk];
        int trigger = 0, sentence_break = 0;
        size_t from = p->he + 1;
        if (x->qs > from + 14) {
            partitive_parent(v, k);
            continue;
        }
        for (size_t j = from; j < x->qs; j++) {
            if (newsent(c, j)) sentence_break = 1;
            if (R(c, j) & R_SUBSET) trigger = 1;
        }
        /* "six civilians of one family: two men, two children and two women" */
        int colon = 0;
        if (x->qs > 0 && sep(c, x->qs - 1) == ':' && x->qs - from <= 5) {
            colon = 1;
            for (size_t j = from; j + 1 < x->qs; j++)
                if (newsent(c, j + 1) || !soft_sep(sep(c, j))) colon = 0;
        }
        if (colon) trigger = 1, sentence_break = 0;
        else if (newsent(c, x->qs) && !trigger) sentence_break = 1;
        if (trigger && !(sentence_break && x->qs > from + 6)) {
            x->parent = (int)pk;
        } else if (!sentence_break && p->parent >= 0 && x->qs > 0 &&
                   ((R(c, x->qs - 1) & R_CONJ) || sep(c, x->qs - 1) == ',') &&
                   (!x->cat || x->cat == v[p->parent].cat)) {
            x->parent = p->parent;
        }
        if (x->parent < 0 && x->partitive) { /* one of the dead, deux des six blessés */
            partitive_parent(v, k);
            /* "one of those killed" after "12 militants ... died": the group was killed
             * ("one of the men was killed": only the one) */
            if (x->parent < 0 && x->cat && !p->drop && !p->cat && p->head_kind == HK_PERSON &&
                names_category(c, x)) {
                p->cat = x->cat;
                x->parent = (int)pk;
            }
        }
        /* "2 civilians (2 children)": a parenthesis right after a count restates part of it */
        if (x->parent < 0 && x->qs == from && from > 0 && sep(c, from - 1) == '(') x->parent = (int)pk;
        if (x->parent >= 0) {
            cand *par = &v[x->parent];
            /* "20 militants, including 3 suicide bombers, were killed": the verb after the
             * subset is its total's (not "including one who died") */
            if (!par->cat && par->head_kind == HK_PERSON && casualty(x->cat) && !x->nominal &&
                !names_category(c, x) && !tok_is(c, x->he + 1, "who") && !tok_is(c, x->he + 1, "qui"))
                par->cat = x->cat;
            /* a subset shares what happened to its total unless it names its own ("dont 9 morts") */
            if ((!x->cat || (!x->nominal && !x->partitive)) && par->cat && x->head_kind != HK_OBJECT &&
                x->head_kind != HK_PLACE)
                x->cat = par->cat;
            if (!x->who && x->head_kind == HK_NONE) x->who = par->who;
        }
    }
    /* "47 terroristes ont été neutralisés dans la matinée et 23 lors de ratissages": a
     * bare number joined to a casualty count counts the same people, its noun elided */
    for (size_t k = 1; k < n; k++) {
        cand *x = &v[k], *p = &v[k - 1];
        if (x->cat || x->article || x->head_kind != HK_NONE || x->parent >= 0 || x->qs == 0 ||
            x->qs <= p->he || x->qs - p->he > 10 || !(R(c, x->qs - 1) & R_CONJ) || !casualty(p->cat) ||
            (p->head_kind != HK_PERSON && p->head_kind != HK_CATNOUN))
            continue;
        int same_sentence = 1;
        for (size_t j = p->he + 1; j <= x->qs && same_sentence; j++) same_sentence = !newsent(c, j);
        /* the number stands alone: "et 23 lors de ratissages", not "20-party activists" */
        size_t after = x->e;
        int alone = after >= c->nt || newsent(c, after) || strchr(",;:)", sep(c, after - 1)) ||
                    (sep(c, after - 1) == ' ' && (R(c, after) & R_STOP));
        /* not a range of days: "between Nov. 15 and 18" */
        if (!same_sentence || !alone || (x->qs >= 2 && (isdig(c, x->qs - 2) || (R(c, x->qs - 2) & R_NUM))))
            continue;
        x->cat = p->cat;
        x->who = p->who;
        x->head_kind = HK_PERSON;
    }
    /* "tué 30 personnes à Kayamla et 25 autres à Bale": the others are of the same
     * kind, and shared their fate unless a verb of their own says otherwise ("la
     * mort de six militaires et la blessure de 18 autres") */
    for (size_t k = 1; k < n; k++) {
        cand *x = &v[k], *p = &v[k - 1];
        if (x->parent >= 0 || !further_word(c, x->he) || x->qs == 0 || x->qs <= p->he ||
            x->qs - p->he > 8)
            continue;
        int linked = 0;
        for (size_t j = p->he + 1; j < x->qs; j++) linked |= (R(c, j) & R_CONJ) != 0;
        for (size_t j = p->he + 1; j <= x->qs && linked; j++) linked = !newsent(c, j);
        if (!linked) continue;
        /* ... with nothing of their own after them: an end, a place ("à Bale"), not
         * "three others sustained injuries" */
        size_t after = x->he + 1;
        int bare = after >= c->nt || newsent(c, after) ||
                   (soft_sep(sep(c, x->he)) && ((R(c, after) & R_STOP) || tok_is(c, after, "\xc3\xa0") ||
                                                place_anchor(c, after + 1)));
        if (!x->cat && casualty(p->cat) && bare) x->cat = p->cat;
        /* who they are, once what happened to them is known */
        if (x->cat && (!x->who || x->who == WHO_UNKNOWN) && p->who) x->who = p->who;
    }
    for (size_t k = 0; k < n; k++) {
        cand *x = &v[k];
        if (!x->cat) {
            if (x->head_kind == HK_PERSON)
                x->cat = x->who == WHO_COMBATANTS || x->who == WHO_SECURITY ? CAT_COMBATANTS : CAT_PEOPLE;
            else x->drop = 1;
        }
        if (x->article && !(casualty(x->cat) && (x->head_kind == HK_PERSON || x->head_kind == HK_CATNOUN ||
                                                 (x->subset_article && x->parent >= 0))))
            x->drop = 1;
        if (!x->drop && !x->who && x->cat != CAT_OBJECTS && x->cat != CAT_PLACES) x->who = WHO_UNKNOWN;
    }
    /* a dropped parent passes its children up */
    for (size_t k = 0; k < n; k++) {
        int p = v[k].parent, guard = 0;
        while (p >= 0 && v[p].drop && guard++ < 64) p = v[p].parent;
        v[k].parent = p >= 0 && !v[p].drop ? p : -1;
    }
    /* a death total ("3 fatalities.", "le bilan s'élève à 27 morts") encloses the killed counts before it */
    for (size_t k = 1; k < n; k++) {
        cand *x = &v[k];
        if (x->drop || x->parent >= 0 || !x->killed_noun) continue;
        int total = 0;
        int alone = (x->qs == 0 || newsent(c, x->qs)) && (x->he + 1 >= c->nt || newsent(c, x->he + 1));
        for (size_t j = x->qs, s = 0; j > 0 && s < 8 && !total; j--, s++) {
            if (R(c, j - 1) & R_TOTAL) total = 1;
            if (newsent(c, j - 1)) break;
        }
        int ends = x->he + 1 >= c->nt || newsent(c, x->he + 1);
        int starts = x->qs == 0 || newsent(c, x->qs);
        if (!alone && !total && !(x->fatal_noun && (ends || starts))) continue;
        for (size_t j = 0; j < k; j++)
            if (!v[j].drop && v[j].parent < 0 && v[j].cat == CAT_KILLED) v[j].parent = (int)k;
    }
    link_restatements(c, v, n);
}

static int parse_lang(const conflict_options *o, int *lang, conflict_error *err) {
    const conflict_option *op = conflict_options_get(o, "lang");
    *lang = L_ALL;
    if (!op || op->type == CONFLICT_T_NULL) return 0;
    if (op->type != CONFLICT_T_TEXT) {
        conflict_set_error(err, CONFLICT_BAD_OPTIONS, "option \"lang\" must be \"fr\", \"en\" or \"auto\"");
        return -1;
    }
    if (!strcmp(op->strbuf, "fr")) *lang = L_FR;
    else if (!strcmp(op->strbuf, "en")) *lang = L_EN;
    else if (!strcmp(op->strbuf, "auto")) *lang = L_ALL;
    else {
        conflict_set_error(err, CONFLICT_BAD_OPTIONS,
                           "option \"lang\" must be \"fr\", \"en\" or \"auto\", got \"%.20s\"", op->strbuf);
        return -1;
    }
    return 0;
}

/* categories: "killed,wounded" -> bit mask */
static int parse_categories(const conflict_options *o, uint32_t *mask, conflict_error *err) {
    const conflict_option *op = conflict_options_get(o, "categories");
    *mask = 0xFFFFFFFFu;
    if (!op || op->type == CONFLICT_T_NULL) return 0;
    if (op->type != CONFLICT_T_TEXT) {
        conflict_set_error(err, CONFLICT_BAD_OPTIONS,
                           "option \"categories\" must be a comma-separated list of categories");
        return -1;
    }
    *mask = 0;
    const char *p = op->strbuf;
    while (*p) {
        while (*p == ' ' || *p == ',') p++;
        const char *q = p;
        while (*q && *q != ',' && *q != ' ') q++;
        if (q == p) break;
        int found = 0;
        for (int k = 1; k < CAT_N; k++)
            if (strlen(cat_names[k]) == (size_t)(q - p) && !memcmp(cat_names[k], p, (size_t)(q - p))) {
                *mask |= 1u << k;
                found = 1;
            }
        if (!found) {
            conflict_set_error(err, CONFLICT_BAD_OPTIONS, "unknown category \"%.*s\" in option \"categories\"",
                               (int)(q - p > 30 ? 30 : q - p), p);
            return -1;
        }
        p = q;
    }
    return 0;
}

/* The buffers of a call (tokens, their lexicon entries, candidates, row
 * indexes) that the engine keeps for the next call, as it runs one call at a
 * time (as places does): most calls then allocate nothing. */
#define SCRATCH_KEEP (256u << 10) /* the most bytes of buffers kept between calls */
struct counts_scratch {
    conflict_tokens tk;
    const lexent **lx;
    size_t caplx;
    candv cv;
    size_t *idx; /* new row of each candidate, then the sort's remap */
    size_t capidx;
};

static struct counts_scratch *scratch_new(const conflict_allocator *a) {
    struct counts_scratch *sc = conflict_malloc(a, sizeof *sc);
    if (sc) {
        memset(sc, 0, sizeof *sc);
        sc->tk.a = a;
    }
    return sc;
}

static void scratch_free(const conflict_allocator *a, struct counts_scratch *sc) {
    conflict_tokens_free(&sc->tk);
    conflict_free(a, (void *)sc->lx);
    conflict_free(a, sc->cv.v);
    conflict_free(a, sc->idx);
    memset(sc, 0, sizeof *sc);
    sc->tk.a = a;
}

/* Buffer p (of *cap items of `size` bytes) with room for n items, or NULL
 * (p unchanged) when out of memory. */
static void *reserve_items(const conflict_allocator *a, void *p, size_t *cap, size_t n, size_t size) {
    if (n <= *cap) return p;
    size_t want = n + n / 2 + 16;
    void *v = conflict_realloc(a, p, want * size);
    if (v) *cap = want;
    return v;
}

/* The counts of s[0..n) (tokenized in sc->tk) as rows of out. */
static conflict_status find_counts(const counts_state *st, const char *s, size_t n, int lang, uint32_t catmask,
                                   struct counts_scratch *sc, conflict_table *out) {
    const conflict_allocator *a = sc->tk.a;
    const conflict_token *toks = sc->tk.v;
    size_t nt = sc->tk.n;
    cx c = {st, s, n, toks, nt, sc->lx, lang};
    candv *cv = &sc->cv;
    cv->n = 0;
    for (size_t i = 0; i < nt; i++) c.lx[i] = &lex_unset;
    for (size_t i = 0; i < nt;) {
        if (!(toks[i].flags & (TOK_DIGITSTART | TOK_NUMBERWORD))) {
            i++;
            continue;
        }
        uint32_t r = R(&c, i);
        int start = isdig(&c, i) || (r & (R_NUM | R_APPROX | R_ARTICLE)) ||
                    ((r & R_SCALE) && (r & R_PLURAL)) ||
                    ((r & (R_HUNDRED | R_SCALE)) && i > 0 && (R(&c, i - 1) & R_VAGUEDET));
        if (!start) {
            i++;
            continue;
        }
        cand x;
        int ok;
        size_t next = read_count(&c, i, &x, &ok);
        if (ok) {
            cand *y = cand_push(a, cv);
            if (!y) return CONFLICT_NOMEM;
            *y = x;
            y->parent = -1;
        }
        i = next > i ? next : i + 1;
    }
    if (!cv->n) return CONFLICT_OK;
    link_counts(&c, cv->v, cv->n);
    /* categories filter, then rows */
    size_t *newidx = reserve_items(a, sc->idx, &sc->capidx, cv->n, sizeof *sc->idx);
    if (!newidx) return CONFLICT_NOMEM;
    sc->idx = newidx;
    size_t kept = 0;
    for (size_t k = 0; k < cv->n; k++) {
        cand *x = &cv->v[k];
        if (!x->drop && !(catmask & (1u << x->cat))) x->drop = 1;
        newidx[k] = x->drop ? (size_t)-1 : kept++;
    }
    for (size_t k = 0; k < cv->n; k++) {
        const cand *x = &cv->v[k];
        if (x->drop) continue;
        long row = conflict_table_add(out);
        if (row < 0) return CONFLICT_NOMEM;
        size_t r = (size_t)row;
        size_t bs = toks[x->qs].start, be = toks[x->he].start + toks[x->he].len;
        conflict_table_set_span(out, r, s, bs, be - bs);
        conflict_table_set_int(out, r, C_VALUE, x->value);
        if (x->has_low) conflict_table_set_int(out, r, C_LOW, x->low);
        if (x->has_high) conflict_table_set_int(out, r, C_HIGH, x->high);
        const char *qn = qual_names[x->qual];
        conflict_table_set_text(out, r, C_QUAL, qn, strlen(qn));
        conflict_table_set_text(out, r, C_CAT, cat_names[x->cat], strlen(cat_names[x->cat]));
        if (x->who) conflict_table_set_text(out, r, C_WHO, who_names[x->who], strlen(who_names[x->who]));
        if (x->parent >= 0 && newidx[x->parent] != (size_t)-1)
            conflict_table_set_int(out, r, C_PART, (int64_t)newidx[x->parent]);
        conflict_table_set_bool(out, r, C_EVENT, x->event);
    }
    if (!out->nrows) return CONFLICT_OK;
    size_t *remap = sc->idx; /* newidx is done with; nrows <= cv->n */
    conflict_status rc = conflict_table_sort(out, remap);
    if (rc) return rc;
    for (size_t r = 0; r < out->nrows; r++) {
        conflict_cell *pc = conflict_table_cell(out, r, C_PART);
        if (pc->type == CONFLICT_T_INT) pc->v.i = (int64_t)remap[pc->v.i];
    }
    return conflict_table_finish(out, s, n);
}

static conflict_status counts_extract(const conflict_engine *e, const char *s, size_t n,
                                      const conflict_options *opts, conflict_table *out,
                                      conflict_error *err) {
    const counts_state *st = e->mod[CONFLICT_MOD_COUNTS];
    int lang;
    uint32_t catmask;
    if (parse_lang(opts, &lang, err) || parse_categories(opts, &catmask, err)) return CONFLICT_BAD_OPTIONS;
    if (!st) return conflict_set_error(err, CONFLICT_ERROR, "counts module not initialised");
    if (n == 0) return CONFLICT_OK;
    struct counts_scratch *sc = st->scratch;
    conflict_status rc = fast_tokenize(st, s, n, &sc->tk);
    if (!rc) {
        const lexent **lx = reserve_items(e->a, (void *)sc->lx, &sc->caplx, sc->tk.n + 1, sizeof *sc->lx);
        if (lx) sc->lx = lx;
        else rc = CONFLICT_NOMEM;
    }
    if (!rc) rc = find_counts(st, s, n, lang, catmask, sc, out);
    /* a long text leaves big buffers: not kept */
    size_t held = sc->tk.cap * sizeof *sc->tk.v + sc->caplx * sizeof *sc->lx + sc->cv.cap * sizeof *sc->cv.v +
                  sc->capidx * sizeof *sc->idx;
    if (held > SCRATCH_KEEP) scratch_free(e->a, sc);
    return rc;
}

const conflict_extractor conflict_counts_extractor = {
    "counts", counts_cols, (int)(sizeof counts_cols / sizeof counts_cols[0]), counts_option_keys,
    counts_extract, 0};
