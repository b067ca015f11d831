/* Token stream with byte offsets, shared by the extractors and the FTS5 tokenizer. */
#include <string.h>
#include <utf8proc.h>

#include "conflict.h"

typedef enum { C_SPACE, C_WORD, C_APOS, C_HYPHEN, C_STOP, C_OTHER } char_class;

static char_class classify(uint32_t c, int *upper, int *lower, int *digit, int *nonlatin) {
    *upper = *lower = *digit = *nonlatin = 0;
    if (c < 0x80) {
        if (c >= 'a' && c <= 'z') return *lower = 1, C_WORD;
        if (c >= 'A' && c <= 'Z') return *upper = 1, C_WORD;
        if (c >= '0' && c <= '9') return *digit = 1, C_WORD;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') return C_SPACE;
        if (c == '\'' || c == '`') return C_APOS;
        if (c == '-') return C_HYPHEN;
        if (c == '.' || c == '!' || c == '?') return C_STOP;
        return C_OTHER;
    }
    switch (c) {
        case 0x2018: case 0x2019: case 0x02BC: case 0x02BB: case 0x02BF: case 0x02BE:
        case 0xB4: case 0x2032:
            /* ʿayn and hamza letters count as apostrophes: they sit inside names */
            return C_APOS;
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212:
            return C_HYPHEN;
        case 0x2026: return C_STOP;
        default: break;
    }
    utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)c);
    switch (cat) {
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LT: *upper = 1; break;
        case UTF8PROC_CATEGORY_LL: *lower = 1; break;
        case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO: break;
        case UTF8PROC_CATEGORY_MN:
        case UTF8PROC_CATEGORY_MC:
        case UTF8PROC_CATEGORY_ME: return C_WORD; /* marks extend the word */
        case UTF8PROC_CATEGORY_ND: *digit = 1; return C_WORD;
        case UTF8PROC_CATEGORY_ZS:
        case UTF8PROC_CATEGORY_ZL:
        case UTF8PROC_CATEGORY_ZP: return C_SPACE;
        case UTF8PROC_CATEGORY_CF: return C_WORD; /* soft hyphen, ZWJ: inside words */
        default: return C_OTHER;
    }
    /* a letter: Latin is U+00C0..U+024F and U+1E00..U+1EFF */
    if (!((c >= 0xC0 && c <= 0x24F) || (c >= 0x1E00 && c <= 0x1EFF))) *nonlatin = 1;
    return C_WORD;
}

/* ASCII bytes: their class (bits 0-2) and letter case / digit bits, as classify() gives;
 * A_IN marks the bytes that continue a word (the byte loops of scan_word) */
enum { A_UP = 8, A_LO = 16, A_DG = 32, A_IN = 64 };
#define A_CLS(c)                                                                             \
    ((c) >= 'a' && (c) <= 'z'   ? C_WORD | A_LO | A_IN                                       \
     : (c) >= 'A' && (c) <= 'Z' ? C_WORD | A_UP | A_IN                                       \
     : (c) >= '0' && (c) <= '9' ? C_WORD | A_DG | A_IN                                       \
     : (c) == ' ' || (c) == '\t' || (c) == '\r' || (c) == '\n' || (c) == '\f' || (c) == '\v' \
         ? C_SPACE                                                                           \
     : (c) == '\'' || (c) == '`'               ? C_APOS                                      \
     : (c) == '-'                              ? C_HYPHEN                                    \
     : (c) == '.' || (c) == '!' || (c) == '?' ? C_STOP                                      \
                                               : C_OTHER)
#define A_R4(c) A_CLS(c), A_CLS((c) + 1), A_CLS((c) + 2), A_CLS((c) + 3)
#define A_R16(c) A_R4(c), A_R4((c) + 4), A_R4((c) + 8), A_R4((c) + 12)
#define A_R32(c) A_R16(c), A_R16((c) + 16)
static const unsigned char ascii_info[256] = {A_R32(0), A_R32(32), A_R32(64), A_R32(96)};

/* Room for one more token. */
static int grow(conflict_tokens *t) {
    if (t->n < t->cap) return 1;
    size_t cap = t->cap ? t->cap * 2 : 64;
    conflict_token *v = conflict_realloc(t->a, t->v, cap * sizeof *v);
    if (!v) return 0;
    t->v = v;
    t->cap = cap;
    return 1;
}

/* Eight bytes at a time: the high bit of each byte of in_range(w, lo, hi) is set
 * when that byte of w (all below 0x80) is in [lo, hi]. */
#define ONES 0x0101010101010101ull
#define HIGH 0x8080808080808080ull
static inline uint64_t in_range(uint64_t w, unsigned lo, unsigned hi) {
    return (w + ONES * (0x80 - lo)) & ~(w + ONES * (0x7F - hi)) & HIGH;
}

/* The 8 bytes at p: the high bit of each ASCII byte (ascii), of each upper-case and
 * lower-case ASCII letter and of each ASCII digit. */
static inline void classify8(const unsigned char *p, uint64_t *ascii, uint64_t *up, uint64_t *lo,
                             uint64_t *dg) {
    uint64_t w;
    memcpy(&w, p, 8);
    uint64_t low7 = w & ~HIGH;
    *ascii = ~w & HIGH;
    *up = in_range(low7, 'A', 'Z') & *ascii;
    *lo = in_range(low7, 'a', 'z') & *ascii;
    *dg = in_range(low7, '0', '9') & *ascii;
}

/* The end of the word that starts at u[i]; *flags gets its letter case, digit
 * and script flags. */
static size_t scan_word(const unsigned char *u, size_t n, size_t i, uint32_t *flags) {
    /* most words: ASCII letters and digits that an ASCII byte ends within 8 bytes, all
     * told by one 8-byte step, without a branch on what it holds */
    if (i + 8 <= n) {
        uint64_t ascii, up, lo, dg;
        classify8(u + i, &ascii, &up, &lo, &dg);
        uint64_t stops = ~(up | lo | dg) & HIGH, stop = stops & -stops; /* the first */
        if (stop & ascii) {
            uint64_t before = stop - 1; /* the high bits of the bytes before it */
            up &= before;
            lo &= before;
            uint64_t let = up | lo;
            *flags = ((let & -let & up) ? CONFLICT_TOK_UPPER : 0) | (let ? CONFLICT_TOK_ALPHA : 0) |
                     ((dg & before) ? CONFLICT_TOK_DIGIT : 0) |
                     ((let & (let - 1)) && !lo ? CONFLICT_TOK_ALLCAPS : 0);
            return i + ((size_t)__builtin_ctzll(stop) >> 3);
        }
        /* the longer ones (a fifth of the words of news text): 8 letters or digits, then
         * the end within the next 8 bytes, told by a second step */
        if (!stops && i + 16 <= n) {
            uint64_t ascii2, up2, lo2, dg2;
            classify8(u + i + 8, &ascii2, &up2, &lo2, &dg2);
            uint64_t stops2 = ~(up2 | lo2 | dg2) & HIGH, stop2 = stops2 & -stops2;
            if (stop2 & ascii2) {
                uint64_t before = stop2 - 1;
                up2 &= before;
                lo2 &= before;
                uint64_t let = up | lo, let2 = up2 | lo2;
                /* the first letter: in the first 8 bytes unless they are all digits */
                uint64_t first_up = let ? let & -let & up : let2 & -let2 & up2;
                int two_letters = (let & (let - 1)) || (let2 & (let2 - 1)) || (let && let2);
                *flags = (first_up ? CONFLICT_TOK_UPPER : 0) |
                         ((let | let2) ? CONFLICT_TOK_ALPHA : 0) |
                         ((dg | (dg2 & before)) ? CONFLICT_TOK_DIGIT : 0) |
                         (two_letters && !(lo | lo2) ? CONFLICT_TOK_ALLCAPS : 0);
                return i + 8 + ((size_t)__builtin_ctzll(stop2) >> 3);
            }
        }
    }
    uint32_t f = 0;
    /* nonupper: a letter that is not upper-case (lower-case, or of a caseless script);
     * letters are counted up to 2, all that matters */
    int letters = 0, nonupper = 0, first_letter_seen = 0;
    unsigned seen = 0; /* ascii_info bits of the ASCII bytes, or-ed */
    uint64_t any_up = 0, any_lo = 0, any_dg = 0; /* the same, of the 8-byte steps */
    int ended = 0; /* an 8-byte step stopped at an ASCII byte that is no letter nor digit */
    for (;;) {
        /* ASCII letters and digits 8 at a time, up to the first other byte */
        while (i + 8 <= n) {
            uint64_t ascii, up, lo, dg;
            classify8(u + i, &ascii, &up, &lo, &dg);
            uint64_t stop = ~(up | lo | dg) & HIGH;
            size_t k = stop ? (size_t)__builtin_ctzll(stop) >> 3 : 8;
            uint64_t keep = stop ? (stop ^ (stop - 1)) >> 8 : ~(uint64_t)0; /* bytes before k */
            up &= keep;
            lo &= keep;
            dg &= keep;
            uint64_t let = up | lo;
            if (let && !first_letter_seen) {
                first_letter_seen = 1;
                if (up & (let & -let)) f |= CONFLICT_TOK_UPPER;
            }
            letters += (let != 0) + ((let & (let - 1)) != 0);
            any_up |= up;
            any_lo |= lo;
            any_dg |= dg;
            i += k;
            if (k < 8) {
                ended = (stop & -stop & ascii) != 0;
                break;
            }
        }
        if (ended) break; /* no byte to look at again */
        unsigned x;
        /* ASCII letters and digits in a tight loop: only the first letter's case is
         * looked at */
        while (!first_letter_seen && i < n && ((x = ascii_info[u[i]]) & A_IN)) {
            if (x & (A_UP | A_LO)) {
                first_letter_seen = 1;
                if (x & A_UP) f |= CONFLICT_TOK_UPPER;
            }
            letters += (x & (A_UP | A_LO)) != 0;
            seen |= x;
            i++;
        }
        while (i < n && ((x = ascii_info[u[i]]) & A_IN)) {
            letters += (x & (A_UP | A_LO)) != 0;
            seen |= x;
            i++;
        }
        if (i == n || u[i] < 0x80) break;
        size_t at = i;
        int up, lo, dg, nl;
        uint32_t c = conflict_utf8_next((const char *)u, n, &i);
        if (classify(c, &up, &lo, &dg, &nl) != C_WORD) {
            i = at;
            break;
        }
        if (up || lo || nl) {
            letters++;
            nonupper |= !up;
            if (!first_letter_seen && up) f |= CONFLICT_TOK_UPPER;
            first_letter_seen = 1;
            f |= CONFLICT_TOK_ALPHA;
        }
        if (nl) f |= CONFLICT_TOK_NONLATIN;
        if (dg) f |= CONFLICT_TOK_DIGIT;
    }
    seen |= (any_up ? A_UP : 0) | (any_lo ? A_LO : 0) | (any_dg ? A_DG : 0);
    if (seen & (A_UP | A_LO)) f |= CONFLICT_TOK_ALPHA;
    if (seen & A_DG) f |= CONFLICT_TOK_DIGIT;
    nonupper |= (seen & A_LO) != 0;
    if (letters >= 2 && !nonupper) f |= CONFLICT_TOK_ALLCAPS;
    *flags = f;
    return i;
}

conflict_status conflict_tokenize(const char *s, size_t n, const conflict_allocator *a,
                                  conflict_tokens *out) {
    memset(out, 0, sizeof *out);
    out->a = a ? a : &conflict_default_allocator;
    conflict_status st = conflict_tokenize_into(s, n, out);
    if (st) conflict_tokens_free(out);
    return st;
}

conflict_status conflict_tokenize_into(const char *s, size_t n, conflict_tokens *out) {
    out->n = 0;
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    int sentence = 1;
    while (i < n) {
        size_t at = i;
        uint32_t c = u[i];
        char_class k;
        if (c < 0x80) {
            k = (char_class)(ascii_info[c] & 7);
            i++;
        } else {
            int up, lo, dg, nl;
            c = conflict_utf8_next(s, n, &i);
            k = classify(c, &up, &lo, &dg, &nl);
        }
        if (k == C_WORD) {
            if (!grow(out)) return CONFLICT_NOMEM;
            conflict_token *t = &out->v[out->n++];
            uint32_t flags;
            i = scan_word(u, n, at, &flags);
            t->start = at;
            t->len = i - at;
            t->flags = flags | (sentence ? CONFLICT_TOK_SENTENCE : 0);
            t->next_sep = 0;
            sentence = 0;
            /* one space, then an ASCII word: the common case, without a turn of the loop */
            if (i + 1 < n && u[i] == ' ' && (ascii_info[u[i + 1]] & A_IN)) {
                t->next_sep = ' ';
                i++;
            }
            continue;
        }
        if (!out->n) continue;
        conflict_token *last = &out->v[out->n - 1];
        if (c == ' ') { /* the common separator: what the general case below does with it */
            if (!last->next_sep) last->next_sep = ' ';
            continue;
        }
        if (last->start + last->len == at || last->next_sep == ' ' || !last->next_sep) {
            /* first separator decides, but punctuation beats the space before it */
            char sep = k == C_SPACE ? ' ' : k == C_APOS ? '\'' : k == C_HYPHEN ? '-' : s[at];
            if (!last->next_sep || (last->next_sep == ' ' && sep != ' ')) last->next_sep = sep;
        }
        if (k == C_STOP || c == '\n' || c == ':' || c == ';') sentence = 1;
        /* an abbreviation or a decimal point does not end a sentence: "Gen. X", "1.5" */
        if (c == '.') {
            if (last->start + last->len == at && last->len <= 3 &&
                (last->flags & CONFLICT_TOK_UPPER) && !(last->flags & CONFLICT_TOK_ALLCAPS))
                sentence = 0;
            if (i < n && s[i] >= '0' && s[i] <= '9') sentence = 0;
        }
    }
    return CONFLICT_OK;
}

void conflict_tokens_free(conflict_tokens *t) {
    conflict_free(t->a, t->v);
    t->v = NULL;
    t->n = t->cap = 0;
}
