/*
 * name_key / name_similarity: spelling-insensitive matching of romanized
 * place names (French, English, German, Polish, Turkish and scholarly
 * transcriptions of Arabic, Persian, Pashto, Kurdish and Cyrillic names).
 *
 * The key is built in two passes.
 *
 * 1. Transliteration to a "letter string": lower-case ASCII letters and
 *    digits, tokens separated by one space. Case is folded, marks stripped
 *    (utf8proc COMPAT|CASEFOLD|STRIPMARK|LUMP per code point), letters whose
 *    mark carries a sound keep it as a digraph (s-caron -> sh, c-caron -> ch,
 *    z-caron -> zh, s-cedilla -> sh, ...), residual letters are spelled out
 *    (sharp s -> ss, o-slash -> o, dotless i -> i, ...), Cyrillic, Greek and
 *    Arabic-script letters are transliterated (Arabic script gets a filler
 *    vowel between written consonants, since short vowels are not written, and
 *    its glued article is split off). Apostrophes, ayn and hamza signs are
 *    deleted inside words, except French elision (l', d'), which separates.
 *    Hyphens, spaces and other punctuation separate tokens.
 *
 * 2. Per token, a consonant skeleton:
 *    - article tokens (al, el, an, ad, ech, ez, ..., doubled forms written apart
 *      such as ett/ass, French ej, the Persian ezafe e/i/y/ye/yi) are dropped
 *      when another token follows; on tokens after the first, an article glued
 *      by sun-letter assimilation is stripped (ezzor -> zor, ennaamane -> naamane);
 *    - vowels are dropped; a token that starts with a vowel gets the marker
 *      'a' (Idlib -> adlb); an initial y/j + vowel gets the class of j, except
 *      y/j + e in a Slavic-looking token, a vowel (Yemetsk = Emetsk);
 *    - letters and digraphs map to classes: q/k/ck/c-hard/g/gh and j/dj/dzh/zh
 *      -> k (Egyptian g for jim); s/z/ts/tz/c-soft and sh/ch/sch/tsch/sz/cz/kh/x
 *      -> s (one class: French ch = sh, German ch = kh, Turkish s-cedilla
 *      written s); v/w and ou before a vowel -> v; ph -> f; th -> t; dh -> d;
 *      p -> b;
 *    - h counts only before a vowel (ta marbuta -ah/-eh, Teheran/Tehran);
 *      y and Slavic j after a vowel or consonant are glides and dropped (j
 *      after n/r only in Slavic-looking tokens: Sinjar keeps it, Brjansk not);
 *      aw/ow before a consonant is a diphthong outside Slavic-looking tokens
 *      (Zawr = Zor, Dowlat = Daulat);
 *    - doubled consonants collapse (Raqqa = Raqa) but not across a vowel.
 *    The key of a name is the concatenation of its token keys, without
 *    separators, so it is compositional: key(span) = first-token key of the
 *    first token + later-token keys of the others, articles dropped.
 *
 * This is the pure spelling key (conflict_name_key), used by the places
 * extractor, the gazetteer packer and the FTS5 tokenizer. The SQL name_key()
 * adds known variants from the gazetteer by default (namekey_gaz.c).
 *
 * name_similarity: 1.0 when the keys are equal, else 0.99 times a blend of
 * the Jaro-Winkler similarity of the letter strings (0.4), the token cover
 * (0.2: best Jaro-Winkler match of each token key in the other name, weighted
 * by key length), the longest common substring of the keys over the shorter
 * key (0.1) and over the longer key (0.3).
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "conflict.h"

/* ---- small-buffer scratch ------------------------------------------------ */

#define SCRATCH_SMALL 512

typedef struct {
    char *p;
    size_t len, cap;
    const conflict_allocator *a;
    int failed;
    char small[SCRATCH_SMALL];
} scratch;

static void scratch_init(scratch *t, const conflict_allocator *a) {
    t->p = t->small;
    t->len = 0;
    t->cap = SCRATCH_SMALL;
    t->a = a;
    t->failed = 0;
}

static void scratch_free(scratch *t) {
    if (t->p != t->small) conflict_free(t->a, t->p);
    t->p = t->small;
}

static int scratch_grow(scratch *t, size_t need) {
    if (t->failed) return 0;
    size_t cap = t->cap;
    while (cap < t->len + need) {
        if (cap > ((size_t)-1) / 4) {
            t->failed = 1;
            return 0;
        }
        cap *= 2;
    }
    char *np;
    if (t->p == t->small) {
        np = conflict_malloc(t->a, cap);
        if (np) memcpy(np, t->small, t->len);
    } else {
        np = conflict_realloc(t->a, t->p, cap);
    }
    if (!np) {
        t->failed = 1;
        return 0;
    }
    t->p = np;
    t->cap = cap;
    return 1;
}

static inline void put(scratch *t, const char *s, size_t n) {
    if (t->len + n > t->cap && !scratch_grow(t, n)) return;
    memcpy(t->p + t->len, s, n);
    t->len += n;
}

static inline void putc1(scratch *t, char c) {
    if (t->len + 1 > t->cap && !scratch_grow(t, 1)) return;
    t->p[t->len++] = c;
}

/* Three NULs after the letter string (not counted in len): token_key reads up
 * to three bytes past a token without bounds tests. */
static void pad3(scratch *t) {
    if (t->len + 3 > t->cap && !scratch_grow(t, 3)) return;
    memset(t->p + t->len, 0, 3);
}

static inline void sep(scratch *t) {
    if (t->len && t->p[t->len - 1] != ' ') putc1(t, ' ');
}

static inline int at_word_start(const scratch *t) {
    return t->len == 0 || t->p[t->len - 1] == ' ';
}

/* ---- pass 1: transliteration ----------------------------------------------- */

/* Apostrophe-like characters: deleted inside words (ayn, hamza), except after
 * a French elided article (l', d'), where they separate. */
static void apostrophe(scratch *t) {
    size_t k = t->len;
    while (k > 0 && t->p[k - 1] != ' ') k--;
    if (t->len - k == 1 && (t->p[k] == 'l' || t->p[k] == 'd')) sep(t);
}

static int is_apostrophe_cp(uint32_t c) {
    switch (c) {
        case '\'': case '`': case 0xB4: case 0x2018: case 0x2019: case 0x201B: case 0x2032:
        case 0x2035: case 0x02B9: case 0x02BB: case 0x02BC: case 0x02BD: case 0x02BE:
        case 0x02BF: case 0x02C8: case 0x02CA: case 0x02CB: case 0x055A: case 0xA78B:
        case 0xA78C: case 0xFF07: case 0x02B2:
            return 1;
        default:
            return 0;
    }
}

static inline void ascii_char(scratch *t, unsigned char c) {
    if (c >= 'a' && c <= 'z') putc1(t, (char)c);
    else if (c >= 'A' && c <= 'Z') putc1(t, (char)(c + 32));
    else if (c >= '0' && c <= '9') putc1(t, (char)c);
    else if (c == '\'' || c == '`') apostrophe(t);
    else sep(t);
}

/* Latin letters whose mark or shape carries a sound that stripping would lose
 * (code points after lower-casing). */
static const char *latin_special(uint32_t c) {
    switch (c) {
        case 0xDF: return "ss";   /* sharp s */
        case 0xF8: return "o";    /* o slash */
        case 0xE6: return "ae";
        case 0x153: return "oe";
        case 0x142: return "l";   /* l stroke */
        case 0x111: return "d";   /* d stroke */
        case 0xF0: return "d";    /* eth */
        case 0xFE: return "th";   /* thorn */
        case 0x131: return "i";   /* dotless i */
        case 0x14B: return "ng";  /* eng */
        case 0x292: return "zh";  /* ezh */
        case 0x259: return "e";   /* schwa (Azerbaijani) */
        case 0x1DD: return "e";
        case 0x127: return "h";   /* h stroke */
        case 0x161: return "sh";  /* s caron */
        case 0x10D: return "ch";  /* c caron */
        case 0x17E: return "zh";  /* z caron */
        case 0x15F: return "s";   /* s cedilla: Turkish sh, but ASCII spellings drop it, and
                                     GeoNames' Arabic uses it for the emphatic s */
        case 0x219: return "sh";  /* s comma (Romanian) */
        case 0x21B: return "ts";  /* t comma (Romanian) */
        case 0xE7: return "c";    /* c cedilla: French s, Turkish ch; ASCII spelling keeps c */
        case 0x1E6B: return "t";
        case 0x1E6F: return "th"; /* t macron below (scholarly tha) */
        case 0x1E0F: return "dh"; /* d macron below (dhal) */
        case 0x1E2B: case 0x1E96: case 0x1E35: return "kh"; /* h breve below, h/k line below */
        case 0x121: return "gh";  /* g dot (scholarly ghayn) */
        case 0x1E21: return "gh"; /* g macron */
        case 0x1E7: case 0x1F0: return "j"; /* g caron, j caron */
        case 0x17C: return "zh";  /* z dot (Polish) */
        case 0x17A: return "z";
        case 0x15B: return "s";
        case 0x107: return "ch";  /* c acute (Polish) */
        case 0x159: return "r";   /* r caron */
        case 0x148: case 0x144: return "n";
        case 0x13E: case 0x13A: return "l";
        default: return NULL;
    }
}

/* Cyrillic 0x430..0x45F (lower case) -> romanization. */
static const char *const cyr_basic[0x30] = {
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
};
static const char *const cyr_ext[0x10] = {
    /* 0x450..0x45F */
    "e", "yo", "dj", "g", "ye", "dz", "i", "yi", "j", "l", "n", "ch", "k", "i", "u", "dzh",
};

static const char *cyrillic(uint32_t c) {
    if (c >= 0x430 && c <= 0x44F) return cyr_basic[c - 0x430];
    if (c >= 0x450 && c <= 0x45F) return cyr_ext[c - 0x450];
    switch (c) {
        case 0x491: return "g";  /* ghe with upturn */
        case 0x493: return "gh"; /* Kazakh */
        case 0x49B: return "q";
        case 0x4A3: return "ng";
        case 0x4AF: case 0x4B1: return "u";
        case 0x4BB: return "h";
        case 0x4D9: return "a";
        case 0x4E9: return "o";
        case 0x497: return "zh";
        case 0x4B3: return "kh";
        case 0x4E3: return "i";
        case 0x4EF: return "u";
        default: return NULL;
    }
}

/* Greek 0x3B1..0x3C9 (lower case, marks already stripped). */
static const char *const greek[0x19] = {
    "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p",
    "r", "s", "s", "t", "i", "f", "kh", "ps", "o",
};

/* Arabic-script letter classes for the filler vowel. */
enum { AR_NONE, AR_CONS, AR_VOWEL };

typedef struct {
    const char *s;
    int cls;
} ar_map;

static const char ar_digits[10][2] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};

static ar_map arabic(uint32_t c) {
    ar_map m = {NULL, AR_NONE};
    switch (c) {
        case 0x621: m.s = ""; return m;                         /* hamza */
        case 0x622: case 0x623: case 0x625: case 0x627: case 0x671: /* alif forms */
            m.s = "a"; m.cls = AR_VOWEL; return m;
        case 0x624: m.s = "u"; m.cls = AR_VOWEL; return m;
        case 0x626: m.s = "i"; m.cls = AR_VOWEL; return m;
        case 0x628: m.s = "b"; break;
        case 0x629: m.s = "a"; m.cls = AR_VOWEL; return m;      /* ta marbuta */
        case 0x62A: m.s = "t"; break;
        case 0x62B: m.s = "th"; break;
        case 0x62C: m.s = "j"; break;
        case 0x62D: m.s = "h"; break;
        case 0x62E: m.s = "kh"; break;
        case 0x62F: m.s = "d"; break;
        case 0x630: m.s = "dh"; break;
        case 0x631: m.s = "r"; break;
        case 0x632: m.s = "z"; break;
        case 0x633: m.s = "s"; break;
        case 0x634: m.s = "sh"; break;
        case 0x635: m.s = "s"; break;
        case 0x636: m.s = "d"; break;
        case 0x637: m.s = "t"; break;
        case 0x638: m.s = "z"; break;
        case 0x639: m.s = ""; return m;                          /* ayn */
        case 0x63A: m.s = "gh"; break;
        case 0x641: m.s = "f"; break;
        case 0x642: m.s = "q"; break;
        case 0x643: case 0x6A9: case 0x6AA: m.s = "k"; break;
        case 0x644: m.s = "l"; break;
        case 0x645: m.s = "m"; break;
        case 0x646: case 0x6BA: case 0x6BC: m.s = "n"; break;
        case 0x647: case 0x6BE: case 0x6C1: m.s = "h"; break;
        case 0x648: m.s = "w"; m.cls = AR_VOWEL; return m;      /* waw */
        case 0x649: m.s = "a"; m.cls = AR_VOWEL; return m;      /* alif maqsura */
        case 0x64A: case 0x6CC: case 0x6D0: case 0x6CD: case 0x6D2:
            m.s = "y"; m.cls = AR_VOWEL; return m;               /* ya */
        case 0x67E: m.s = "p"; break;
        case 0x686: m.s = "ch"; break;
        case 0x698: case 0x696: m.s = "zh"; break;
        case 0x6AF: case 0x6AB: m.s = "g"; break;
        case 0x679: case 0x67C: m.s = "t"; break;
        case 0x688: case 0x689: m.s = "d"; break;
        case 0x691: case 0x693: m.s = "r"; break;
        case 0x69A: m.s = "sh"; break;
        case 0x681: m.s = "dz"; break;
        case 0x685: m.s = "ts"; break;
        case 0x6C6: case 0x6C7: case 0x6C8: case 0x6CB: m.s = "w"; m.cls = AR_VOWEL; return m;
        case 0x6D5: m.s = "a"; m.cls = AR_VOWEL; return m;
        case 0x6A4: m.s = "v"; break;
        case 0x6B5: m.s = "l"; break;
        default:
            if (c >= 0x660 && c <= 0x669) m.s = ar_digits[c - 0x660];
            if (c >= 0x6F0 && c <= 0x6F9) m.s = ar_digits[c - 0x6F0];
            return m;
    }
    m.cls = AR_CONS;
    return m;
}

static int is_arabic_block(uint32_t c) {
    return (c >= 0x600 && c <= 0x6FF) || (c >= 0x750 && c <= 0x77F);
}

#define DECOMP_OPTIONS                                                                  \
    (UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |      \
     UTF8PROC_IGNORE | UTF8PROC_LUMP)

static void emit_cp(scratch *t, uint32_t c) {
    unsigned char tmp[4];
    utf8proc_ssize_t m = utf8proc_encode_char((utf8proc_int32_t)c, tmp);
    if (m > 0) put(t, (const char *)tmp, (size_t)m);
}

/* One non-ASCII code point outside the Arabic block. */
static void other_cp(scratch *t, uint32_t c) {
    if (is_apostrophe_cp(c)) {
        apostrophe(t);
        return;
    }
    uint32_t lc = (uint32_t)utf8proc_tolower((utf8proc_int32_t)c);
    const char *m = latin_special(lc);
    if (!m && lc >= 0x400 && lc < 0x530) m = cyrillic(lc);
    if (!m && lc >= 0x3B1 && lc <= 0x3C9) m = greek[lc - 0x3B1];
    if (m) {
        put(t, m, strlen(m));
        return;
    }
    utf8proc_int32_t d[8];
    int last = 0;
    utf8proc_ssize_t k = utf8proc_decompose_char((utf8proc_int32_t)c, d, 8, DECOMP_OPTIONS, &last);
    if (k < 0 || k > 8) {
        sep(t);
        return;
    }
    for (utf8proc_ssize_t j = 0; j < k; j++) {
        uint32_t x = (uint32_t)d[j];
        if (x < 0x80) {
            ascii_char(t, (unsigned char)x);
            continue;
        }
        if (is_apostrophe_cp(x)) {
            apostrophe(t);
            continue;
        }
        const char *mm = latin_special(x);
        if (!mm && x >= 0x400 && x < 0x530) mm = cyrillic(x);
        if (!mm && x >= 0x3B1 && x <= 0x3C9) mm = greek[x - 0x3B1];
        if (mm) {
            put(t, mm, strlen(mm));
            continue;
        }
        utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)x);
        switch (cat) {
            case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
            case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
            case UTF8PROC_CATEGORY_NO:
                emit_cp(t, x); /* unmapped letter: kept as its own consonant */
                break;
            case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
            case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_CF:
                break;
            default:
                sep(t);
        }
    }
}

/* Transliterates valid UTF-8 into the letter string. */
static void translit(const char *s, size_t n, scratch *t) {
    size_t i = 0;
    int ar_prev = AR_NONE; /* previous Arabic letter class, for filler vowels */
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) {
            ascii_char(t, b);
            ar_prev = AR_NONE;
            i++;
            continue;
        }
        uint32_t c = conflict_utf8_next(s, n, &i);
        if (!is_arabic_block(c)) {
            other_cp(t, c);
            ar_prev = AR_NONE;
            continue;
        }
        /* Arabic script */
        if ((c >= 0x64B && c <= 0x65F) || c == 0x670 || c == 0x640) continue; /* harakat, tatweel */
        ar_map m = arabic(c);
        if (!m.s) {
            sep(t);
            ar_prev = AR_NONE;
            continue;
        }
        if (c == 0x627 && at_word_start(t) && i + 1 < n) {
            /* glued article al- before a word of two letters or more */
            size_t j = i;
            uint32_t c2 = conflict_utf8_next(s, n, &j);
            if (c2 == 0x644 && j < n) {
                size_t j2 = j;
                uint32_t c3 = conflict_utf8_next(s, n, &j2);
                if (is_arabic_block(c3) && arabic(c3).cls != AR_NONE && j2 < n) {
                    put(t, "al ", 3);
                    i = j;
                    ar_prev = AR_NONE;
                    continue;
                }
            }
        }
        int start = at_word_start(t);
        if (m.cls == AR_VOWEL) {
            /* waw / ya: consonant at word start or after a vowel letter, else a long vowel */
            if (m.s[0] == 'w' || m.s[0] == 'y') {
                if (start || ar_prev == AR_VOWEL) {
                    if (ar_prev == AR_VOWEL && !start) putc1(t, 'a');
                    putc1(t, m.s[0]);
                    ar_prev = AR_CONS;
                    continue;
                }
                putc1(t, m.s[0] == 'w' ? 'u' : 'i');
            } else {
                put(t, m.s, strlen(m.s));
            }
            ar_prev = AR_VOWEL;
            continue;
        }
        if (m.cls == AR_CONS) {
            if (ar_prev == AR_CONS) putc1(t, 'a'); /* unwritten short vowel */
            put(t, m.s, strlen(m.s));
            ar_prev = AR_CONS;
            continue;
        }
        put(t, m.s, strlen(m.s)); /* digits, hamza, ayn */
        if (m.s[0]) ar_prev = AR_NONE;
    }
    if (t->len && t->p[t->len - 1] == ' ') t->len--;
}

/* ---- pass 2: consonant skeleton -------------------------------------------- */

static inline int is_vowel(char c) {
    /* a e i o u y as bits of c - 'a' (one test instead of six) */
    unsigned d = (unsigned)(unsigned char)c - 'a';
    return d < 26 && ((0x1104111u >> d) & 1);
}

/* Article tokens, dropped when another token follows. */
/* Short words packed into an integer (up to 4 lower-case bytes). */
#define W4(s) ((uint32_t)(unsigned char)(s)[0] | (uint32_t)(unsigned char)(s)[1] << 8 |      \
               (uint32_t)(unsigned char)(s)[2] << 16 | (uint32_t)(unsigned char)(s)[3] << 24)

static inline uint32_t pack4(const char *w, size_t n) {
    char t[4] = {0, 0, 0, 0};
    memcpy(t, w, n);
    return W4(t);
}

static int in_set(uint32_t v, const uint32_t *set, size_t n) {
    for (size_t k = 0; k < n; k++)
        if (set[k] == v) return 1;
    return 0;
}

static int is_article(const char *w, size_t n) {
    static const uint32_t arts[] = {
        W4("al\0"), W4("el\0"), W4("il\0"), W4("ul\0"), W4("ol\0"), W4("an\0"), W4("en\0"),
        W4("enn"), W4("in\0"), W4("un\0"), W4("ad\0"), W4("ed\0"), W4("id\0"), W4("ud\0"),
        W4("as\0"), W4("es\0"), W4("is\0"), W4("us\0"), W4("ash"), W4("esh"), W4("ech"),
        W4("ach"), W4("ich"), W4("az\0"), W4("ez\0"), W4("iz\0"), W4("uz\0"), W4("ar\0"),
        W4("er\0"), W4("ir\0"), W4("ur\0"), W4("at\0"), W4("et\0"), W4("it\0"), W4("ut\0"),
        W4("ath"), W4("eth"), W4("adh"), W4("edh"), W4("ag\0"), W4("l\0\0"), W4("d\0\0"),
        W4("ye\0"), W4("la\0"), W4("le\0"), W4("les"), W4("de\0"), W4("du\0"), W4("des"),
        /* Persian ezafe written apart (Sar-e Pul, Chah-i-Ab, Deh-ye, -yi) */
        W4("e\0\0"), W4("i\0\0"), W4("yi\0"), W4("y\0\0"),
        /* assimilated articles written apart with the doubled letter (Ett Tell) and
         * French ej (Joubb ej Jarrah) */
        W4("ett"), W4("ess"), W4("ezz"), W4("err"), W4("edd"), W4("att"), W4("ass"),
        W4("azz"), W4("arr"), W4("add"), W4("ann"), W4("ej\0"), W4("aj\0")};
    if (n == 0 || n > 3) return 0;
    switch (w[0]) { /* the first letters of the articles */
        case 'a': case 'e': case 'i': case 'o': case 'u': case 'l': case 'd': case 'y': break;
        default: return 0;
    }
    return in_set(pack4(w, n), arts, sizeof arts / sizeof arts[0]);
}

static int is_sun(char c) {
    return c == 't' || c == 'd' || c == 'r' || c == 'z' || c == 's' || c == 'n' || c == 'l';
}

typedef struct {
    char last;     /* last emitted class, 0 after a vowel or at the start */
    scratch *out;
} skel;

/* Does the token look like a Slavic romanization (German, Polish, Dutch or
 * scholarly style), where j is a glide and c is ts? Cues: v or w, -sk-, cz/sz,
 * a consonant + j (Rjazan), a final glide j (-skij, -aj). */
static int slavic_cue(const char *w, size_t n) {
    /* every cue has a v, w, k, z or j, and most tokens have none: a bit per
     * byte (mod 32) rules them out in one cheap pass (a set bit may also be a
     * digit or a non-ASCII byte: then the full scan decides) */
    uint32_t seen = 0;
    for (size_t i = 0; i < n; i++) seen |= 1u << (w[i] & 31);
    if (!(seen & (1u << ('v' & 31) | 1u << ('w' & 31) | 1u << ('k' & 31) | 1u << ('z' & 31) |
                  1u << ('j' & 31))))
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = w[i], c1 = i + 1 < n ? w[i + 1] : 0;
        if (c == 'v') return 1;
        if (c == 'w' && i > 0 && (w[i - 1] == 'o' || w[i - 1] == 'e' || w[i - 1] == 'i') &&
            (c1 == 0 || c1 == 'k' || (c1 == 's' && i + 2 < n && w[i + 2] == 'k')))
            return 1; /* -ow, -ew, -iw, -owk, -owsk (Polish, German); Persian Dowlat is not */
        if ((c == 's' || c == 'c') && c1 == 'k') return 1;
        if ((c == 'c' || c == 's') && c1 == 'z') return 1;
        if (c == 'j' && i > 0) {
            char p = w[i - 1];
            if (i + 1 == n && is_vowel(p)) return 1;                    /* -ij, -aj */
            if (i + 2 == n && is_vowel(c1) && c1 != 'y' && p != 'n' && p != 'r')
                return 1; /* -ja, -je, but not Arabic -nja, -rje (Sinja, Marje) */
            if (!is_vowel(p) && p != 'd' && p != 'n' && p != 'r' && p != 'z' && p != 's') return 1;
        }
    }
    return 0;
}

/* Final class merges: voicing pairs that transcriptions confuse (s/z: German
 * s, Persian and Turkish z; b/p: Arabic has no p; g/k/q: Gulf and Sudanese
 * g for qaf, Azeri and Turkish g/k), and two coarser ones that the spelling
 * pairs pay for: the fricatives sh/ch/kh join s (Turkish s for s-cedilla,
 * Arabic s/sh confusions, Persian Sahran/Shahran), and j/dj/zh joins g/k
 * (Egyptian and Sudanese g for jim: Umm Garr = Umm Jarr; Turkish c = j). */
static inline char cls(char c) {
    switch (c) {
        case 'z': return 's';
        case 'x': return 's';
        case 'g': return 'k';
        case 'j': return 'k';
        case 'p': return 'b';
        default: return c;
    }
}

static inline void emit(skel *k, char c) {
    c = cls(c);
    if (c == k->last) return;
    putc1(k->out, c);
    k->last = c;
}

/* Appends the skeleton of token w[0..n). later = not the first token of the name. */
static void token_key(const char *w, size_t n, int later, scratch *out) {
    size_t i = 0;
    if (later && n >= 5 && (w[0] == 'a' || w[0] == 'e' || w[0] == 'u' || w[0] == 'i')) {
        /* glued assimilated article: ez-zor -> ezzor, en-naamane -> ennaamane */
        if (is_sun(w[1]) && w[2] == w[1]) i = 2;
        else if (n >= 7 && (w[1] == 's' || w[1] == 'c') && w[2] == 'h' && w[3] == w[1] &&
                 w[4] == 'h')
            i = 3;
    }
    int slav = slavic_cue(w, n);
    skel k = {0, out};
    /* word-initial vowel or glide */
    if (slav && i + 1 < n && (w[i] == 'y' || w[i] == 'j') && w[i + 1] == 'e') {
        emit(&k, 'a'); /* Russian initial ye = je = e in a Slavic token: Yemetsk = Emetsk */
        i++;
    } else if (i < n && is_vowel(w[i])) {
        if ((w[i] == 'y') && i + 1 < n && is_vowel(w[i + 1]) && w[i + 1] != 'y') {
            emit(&k, 'j'); /* initial y = j: Yelovo = Jelovo, Yafran = Jefren */
            i++;
        } else if (w[i] == 'o' && i + 2 < n && w[i + 1] == 'u' && is_vowel(w[i + 2])) {
            emit(&k, 'v'); /* French ou + vowel = w: Ouadi */
            i += 2;
        } else {
            emit(&k, 'a');
        }
    } else if (i < n && w[i] == 'j' && i + 1 < n && is_vowel(w[i + 1])) {
        emit(&k, 'j');
        i++;
    }
    while (i < n) {
        char c = w[i];
        /* past the token: its separating space or the three NULs after the letter
         * string (pad3), which no test below tells from 0; c2 matters only when c1
         * is a letter, c3 only when c2 is */
        char c1 = w[i + 1], c2 = w[i + 2], c3 = w[i + 3];
        int prev_v = i > 0 && is_vowel(w[i - 1]);
        if ((unsigned char)c >= 0x80) {
            putc1(out, c); /* unmapped letter bytes */
            k.last = 0;
            i++;
            continue;
        }
        switch (c) {
            case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
                if (c == 'o' && c1 == 'u' && is_vowel(c2) && !prev_v) {
                    k.last = 0;
                    emit(&k, 'v');
                    i += 2;
                    continue;
                }
                k.last = 0;
                i++;
                continue;
            case 'j':
                if (c1 == 'j') {
                    emit(&k, 'j'); /* Hajjah */
                    i += 2;
                    continue;
                }
                if (prev_v && is_vowel(c1)) {
                    /* in a Slavic-looking token a glide (-oje, -aja); else Najaf */
                    if (slav) k.last = 0;
                    else emit(&k, 'j');
                } else if (!prev_v && i > 0 && (slav || (w[i - 1] != 'n' && w[i - 1] != 'r'))) {
                    /* glide after a consonant (Rjazan, Poljany; Brjansk in a Slavic token) */
                } else if (!prev_v && i > 0) {
                    emit(&k, 'j'); /* Sinjar, Birjand */
                } else {
                    k.last = 0; /* -ij, -aj: vowel */
                }
                i++;
                continue;
            case 'w':
                if (!slav && prev_v && !is_vowel(c1) && (w[i - 1] == 'a' || w[i - 1] == 'o')) {
                    k.last = 0; /* diphthong aw, ow: Zawr = Zor, Dowlat = Daulat */
                    i++;
                    continue;
                }
                if (!slav && prev_v && (w[i - 1] == 'u' || w[i - 1] == 'o') && is_vowel(c1)) {
                    k.last = 0; /* Nuwayba = Nueiba, Kuwait = Koweit */
                    i++;
                    continue;
                }
                emit(&k, 'v');
                i++;
                continue;
            case 'h':
                /* only before a vowel (ta marbuta, Tehran), and not after a consonant
                 * (Indic aspirates bh, jh) */
                if (is_vowel(c1) && (i == 0 || prev_v)) emit(&k, 'h');
                i++;
                continue;
            case 'c':
                if (c1 == 'h') { emit(&k, 'x'); i += 2; continue; }
                if (c1 == 'z') { emit(&k, 'x'); i += 2; continue; }
                if (slav && c1 != 'k' && c1 != 'l' && c1 != 'r') { emit(&k, 's'); i++; continue; }
                if (i + 1 == n && prev_v) { emit(&k, 's'); i++; continue; }
                if (c1 == 'k' || c1 == 'q') {
                    if (slav) emit(&k, 's'); /* Doneckij = Donetskij */
                    emit(&k, 'k');
                    i += 2;
                    continue;
                }
                if (c1 == 'e' || c1 == 'i' || c1 == 'y') { emit(&k, 's'); i++; continue; }
                emit(&k, 'k');
                i++;
                continue;
            case 'd':
                if (c1 == 'j') { emit(&k, 'j'); i += 2; continue; }
                if (c1 == 'z' && (c2 == 'h' || c2 == 'j')) { emit(&k, 'j'); i += 3; continue; }
                if (c1 == 'h') { emit(&k, 'd'); i += 2; continue; }
                emit(&k, 'd');
                i++;
                continue;
            case 'g':
                if (c1 == 'h') { emit(&k, 'g'); i += 2; continue; }
                emit(&k, 'g');
                i++;
                continue;
            case 'k':
                if (c1 == 'h') { emit(&k, 'x'); i += 2; continue; }
                emit(&k, 'k');
                i++;
                continue;
            case 'q':
                emit(&k, 'k');
                i++;
                continue;
            case 'p':
                if (c1 == 'h') { emit(&k, 'f'); i += 2; continue; }
                emit(&k, 'p');
                i++;
                continue;
            case 's':
                if (c1 == 'c' && c2 == 'h') { emit(&k, 'x'); i += 3; continue; }
                if (c1 == 'h' && c2 == 'h') { emit(&k, 'x'); i += 3; continue; } /* shh = shch */
                if (c1 == 'h' || c1 == 'z' || c1 == 'j') { emit(&k, 'x'); i += 2; continue; }
                emit(&k, 's');
                i++;
                continue;
            case 't':
                if (c1 == 's' && c2 == 'c' && c3 == 'h') { emit(&k, 'x'); i += 4; continue; }
                if (c1 == 's' && (c2 == 'h' || c2 == 'j')) { emit(&k, 'x'); i += 3; continue; }
                if (c1 == 'c' && c2 == 'h') { emit(&k, 'x'); i += 3; continue; }
                if (c1 == 's' || c1 == 'z') { emit(&k, 's'); i += 2; continue; }
                if (c1 == 'h') { emit(&k, 't'); i += 2; continue; }
                emit(&k, 't');
                i++;
                continue;
            case 'x':
                if (i > 0 && prev_v && is_vowel(c1)) {
                    emit(&k, 'k');
                    emit(&k, 's');
                } else {
                    emit(&k, 'x');
                }
                i++;
                continue;
            case 'z':
                if (c1 == 'h' || c1 == 'j') { emit(&k, 'j'); i += 2; continue; }
                emit(&k, 'z');
                i++;
                continue;
            case 'v':
                emit(&k, 'v');
                i++;
                continue;
            default:
                emit(&k, c); /* b f l m n r and digits */
                i++;
                continue;
        }
    }
}

typedef struct {
    size_t start, len;
} span;

/* Arabic kinship particles, spelled many ways: abu/abou/bou/bu/abi (father
 * of), ibn/bin/ben (son of), bani/beni/bni/banu (sons of). */
static const char *particle(const char *w, size_t n) {
    static const uint32_t abu[] = {W4("abu\0"), W4("abou"), W4("bou\0"), W4("bu\0\0"),
                                   W4("abi\0"), W4("abo\0"), W4("aboo")};
    static const uint32_t ibn[] = {W4("ibn\0"), W4("bin\0"), W4("ben\0"), W4("ebn\0"),
                                   W4("bn\0\0"), W4("bani"), W4("beni"), W4("bni\0"),
                                   W4("banu"), W4("bany"), W4("beny"), W4("bene")};
    if (n < 2 || n > 4) return NULL;
    uint32_t v = pack4(w, n);
    if (in_set(v, abu, sizeof abu / sizeof abu[0])) return "b";
    if (in_set(v, ibn, sizeof ibn / sizeof ibn[0])) return "bn";
    return NULL;
}

/* Builds the key of the letter string t into out; records up to maxtok token
 * key spans (offsets into out) when toks is non-NULL. Returns the token count. */
static size_t build_key(const scratch *t, scratch *out, span *toks, size_t maxtok) {
    const char *p = t->p;
    size_t n = t->len, i = 0, ntok = 0, idx = 0;
    while (i < n) {
        size_t s = i;
        while (i < n && p[i] != ' ') i++;
        size_t e = i;
        if (i < n) i++;
        int last = i >= n;
        if (!last && is_article(p + s, e - s)) {
            idx++;
            continue;
        }
        size_t before = out->len;
        const char *canon = particle(p + s, e - s);
        if (canon && !last) put(out, canon, strlen(canon));
        else token_key(p + s, e - s, idx > 0, out);
        if (toks && ntok < maxtok && out->len > before) {
            toks[ntok].start = before;
            toks[ntok].len = out->len - before;
            ntok++;
        }
        idx++;
    }
    return ntok;
}

static int has_non_ascii(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80) return 1;
    return 0;
}

conflict_status conflict_name_key(const char *s, size_t n, conflict_buf *out,
                                  conflict_error *err) {
    if (has_non_ascii(s, n)) {
        conflict_status st = conflict_utf8_check(s, n, err);
        if (st) return st;
    }
    scratch t, k;
    scratch_init(&t, out->a);
    scratch_init(&k, out->a);
    translit(s, n, &t);
    pad3(&t);
    if (!t.failed) build_key(&t, &k, NULL, 0);
    int failed = t.failed || k.failed;
    if (!failed) conflict_buf_put(out, k.p, k.len);
    scratch_free(&t);
    scratch_free(&k);
    if (failed) return CONFLICT_NOMEM;
    return out->failed ? (conflict_status)out->failed : CONFLICT_OK;
}

/* ---- similarity ------------------------------------------------------------ */

/* Jaro-Winkler over bytes; flags are caller-provided scratch of na + nb bytes. */
static double jaro_winkler(const char *a, size_t na, const char *b, size_t nb, char *flags) {
    if (na == 0 && nb == 0) return 1.0;
    if (na == 0 || nb == 0) return 0.0;
    size_t range = (na > nb ? na : nb) / 2;
    range = range > 0 ? range - 1 : 0;
    char *fa = flags, *fb = flags + na;
    memset(flags, 0, na + nb);
    size_t m = 0;
    for (size_t i = 0; i < na; i++) {
        size_t lo = i > range ? i - range : 0, hi = i + range + 1 < nb ? i + range + 1 : nb;
        for (size_t j = lo; j < hi; j++) {
            if (fb[j] || a[i] != b[j]) continue;
            fa[i] = fb[j] = 1;
            m++;
            break;
        }
    }
    if (!m) return 0.0;
    size_t tr = 0, j = 0;
    for (size_t i = 0; i < na; i++) {
        if (!fa[i]) continue;
        while (!fb[j]) j++;
        if (a[i] != b[j]) tr++;
        j++;
    }
    double md = (double)m;
    double jaro = (md / (double)na + md / (double)nb + (md - (double)tr / 2.0) / md) / 3.0;
    size_t l = 0;
    while (l < 4 && l < na && l < nb && a[l] == b[l]) l++;
    return jaro + (double)l * 0.1 * (1.0 - jaro);
}

#define MAXTOK 32

typedef struct {
    scratch t, k;
    span toks[MAXTOK];
    size_t ntok;
} keyed;

static void keyed_build(keyed *x, const char *s, size_t n, const conflict_allocator *a) {
    scratch_init(&x->t, a);
    scratch_init(&x->k, a);
    translit(s, n, &x->t);
    pad3(&x->t);
    x->ntok = x->t.failed ? 0 : build_key(&x->t, &x->k, x->toks, MAXTOK);
}

static void keyed_free(keyed *x) {
    scratch_free(&x->t);
    scratch_free(&x->k);
}

/* Share of tokens of x whose key equals, or nearly equals, a token key of y. */
static double token_cover(const keyed *x, const keyed *y, char *flags) {
    if (!x->ntok || !y->ntok) return 0.0;
    double sum = 0, wsum = 0;
    for (size_t i = 0; i < x->ntok; i++) {
        const char *a = x->k.p + x->toks[i].start;
        size_t na = x->toks[i].len;
        double best = 0;
        for (size_t j = 0; j < y->ntok; j++) {
            const char *b = y->k.p + y->toks[j].start;
            size_t nb = y->toks[j].len;
            double s = (na == nb && memcmp(a, b, na) == 0) ? 1.0 : jaro_winkler(a, na, b, nb, flags);
            if (s > best) best = s;
        }
        double w = (double)na;
        sum += w * best;
        wsum += w;
    }
    return wsum > 0 ? sum / wsum : 0.0;
}

/* Longest common substring length (bytes), O(na * nb) with one row of ints. */
static size_t longest_common(const char *a, size_t na, const char *b, size_t nb, size_t *row) {
    size_t best = 0;
    memset(row, 0, (nb + 1) * sizeof *row);
    for (size_t i = 1; i <= na; i++) {
        size_t diag = 0;
        for (size_t j = 1; j <= nb; j++) {
            size_t up = row[j];
            row[j] = a[i - 1] == b[j - 1] ? diag + 1 : 0;
            if (row[j] > best) best = row[j];
            diag = up;
        }
    }
    return best;
}

static void strip_spaces(scratch *t) {
    size_t j = 0;
    for (size_t i = 0; i < t->len; i++)
        if (t->p[i] != ' ') t->p[j++] = t->p[i];
    t->len = j;
}

conflict_status conflict_name_similarity(const char *a, size_t na, const char *b, size_t nb,
                                         const conflict_allocator *al, double *score,
                                         conflict_error *err) {
    if (has_non_ascii(a, na)) {
        conflict_status st = conflict_utf8_check(a, na, err);
        if (st) return st;
    }
    if (has_non_ascii(b, nb)) {
        conflict_status st = conflict_utf8_check(b, nb, err);
        if (st) return st;
    }
    if (!al) al = &conflict_default_allocator;
    keyed x, y;
    keyed_build(&x, a, na, al);
    keyed_build(&y, b, nb, al);
    conflict_status st = CONFLICT_OK;
    if (x.t.failed || x.k.failed || y.t.failed || y.k.failed) {
        st = CONFLICT_NOMEM;
        goto done;
    }
    if (x.k.len == y.k.len && memcmp(x.k.p, y.k.p, x.k.len) == 0) {
        *score = 1.0;
        goto done;
    }
    size_t need = x.k.len + y.k.len;
    if (x.t.len + y.t.len > need) need = x.t.len + y.t.len;
    char small[512];
    char *flags = need <= sizeof small ? small : conflict_malloc(al, need);
    if (!flags) {
        st = CONFLICT_NOMEM;
        goto done;
    }
    double cov = token_cover(&x, &y, flags);
    double cov2 = token_cover(&y, &x, flags);
    if (cov2 > cov) cov = cov2;
    strip_spaces(&x.t);
    strip_spaces(&y.t);
    double sl = jaro_winkler(x.t.p, x.t.len, y.t.p, y.t.len, flags);
    if (flags != small) conflict_free(al, flags);
    size_t rowsmall[256], *row = rowsmall;
    if (y.k.len + 1 > 256) row = conflict_malloc(al, (y.k.len + 1) * sizeof *row);
    if (!row) {
        st = CONFLICT_NOMEM;
        goto done;
    }
    size_t lcs = longest_common(x.k.p, x.k.len, y.k.p, y.k.len, row);
    if (row != rowsmall) conflict_free(al, row);
    size_t mn = x.k.len < y.k.len ? x.k.len : y.k.len, mx = x.k.len + y.k.len - mn;
    double lshort = mn ? (double)lcs / (double)mn : 0, llong = mx ? (double)lcs / (double)mx : 0;
    /* containment of the shorter key, discounted below three consonants */
    double cont = mn >= 3 ? lshort : lshort * (double)mn / 3.0;
    /* weights fitted on spelling pairs; the key Jaro-Winkler adds nothing once
     * the letter-string one is there */
    double s = 0.4 * sl + 0.2 * cov + 0.1 * cont + 0.3 * llong;
    if (s > 1) s = 1;
    if (s < 0) s = 0;
    *score = 0.99 * s;
done:
    keyed_free(&x);
    keyed_free(&y);
    return st;
}
