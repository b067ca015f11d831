/*
 * The embedded gazetteer: binary layout shared by the generator
 * (ext/tools/gazpack.c, run at build time) and the reader (places.c).
 *
 * The blob is linked into the extension with .incbin (gazetteer_blob.S) and
 * read in place: no parsing, no allocation at load time. All integers are
 * little-endian and naturally aligned; offsets count bytes from the start of
 * the blob.
 *
 *   header | places[] | keys[] | post[] | admin1[] | countries[] |
 *   features[] | exact[] | words[] | starts[] | pairs[] | strings | info
 *
 * places[i]  one 20-byte record per row of data/places.tsv.gz, in file order.
 * admin1[a]  the place index of the 1-based division a + 1 (bits 0-21), and
 *            GAZ_ADMIN1_CITY when the division is in effect its capital city.
 * keys[]     a hash table of nkslots 8-byte slots, one per distinct
 *            conflict_name_key() of a name or alias: (lo, value) with lo = the
 *            low 32 bits of its 64-bit hash h with bit 0 replaced by the
 *            GAZ_KEY_COMMON flag; value 0 marks an empty slot. The table is
 *            2^dirbits buckets of 8 slots (one 64-byte cache line, the offset is
 *            64-aligned) plus a tail; a key's home is the first slot of bucket
 *            h >> (64 - dirbits), and it sits in the first free slot from there
 *            (linear probing, keys inserted in hash order). Buckets hold 5 keys
 *            on average, so a lookup, hit or miss, mostly reads one cache line
 *            (3% of the keys spill into the next): it scans from the home slot
 *            to the key or to an empty slot.
 * value      bit 31 set: a single posting stored inline in bits 0-30; else the
 *            index in post[] (never 0: post[0] is unused) of a list: a count
 *            word, then `count` postings, best first.
 * exact[]    the literal-name index: nexact fingerprints gaz_word_fp(hash of
 *            the folded name) sorted, then the nexact matching place indexes
 *            (those of one fingerprint best first, as postings are; bit 31
 *            GAZ_LITERAL_MAIN when the name is the place's main name),
 *            then a directory of 2^16 + 1 words (fingerprints with top 16
 *            bits b are at [xdir[b], xdir[b+1])). One look-up gives every
 *            place literally named so: it tells a literal match (Idleb, an
 *            alias of Idlib) from a mere key match (Ukrainian ~ Oukraniani).
 * words[]    sorted fingerprints gaz_word_fp(folded word) of the French and
 *            English lexicon (data/lexicon_fr_en.txt.gz), then a 2^16 + 1
 *            directory as for exact[]: "Members", "Malgré", "Forest" are words
 *            before they are villages. The lexicon's capitalized entries
 *            (proper nouns: Sikh, German, Omar) are stored as the fingerprint
 *            of the hash xor GAZ_PROPER_SALT.
 * starts[]   2^startbits bytes: at index (hash of a name key) >> (64 -
 *            startbits), the most words (conflict_tokenize tokens, at most 255) a
 *            text span can have when its first word has that key; 0 = none. A
 *            name of m words contributes m - p + 1 under the key of its first p
 *            words, for the texts that write them as one (Mirpurkhas, Mirpur
 *            Khas). Keys that share a slot share the maximum. Most capitalized
 *            words of a text start no name, or only one-word names: the
 *            extractor then looks up no longer span.
 * pairs[]    a Bloom filter of 2^pairbits bits over the first two words of
 *            every name of two words or more (gaz_pair_hash of their keys; the
 *            first p words glued as for starts[], then the next word or all the
 *            others glued), two bits per pair: a span of three words or more
 *            whose first two words are no such pair is no name, and is not
 *            looked up. Two words are always tried: a text may split a name
 *            (Petion-Ville for Pétionville).
 * posting    bits 0-21 place index, bits 22-24 name flags, bits 25-28 the
 *            first-vowel classes of the names that gave this key (GAZ_V_*;
 *            0 = unknown). Keys are consonant skeletons, so short keys
 *            collide (Rami, Rome); the vowel classes tell them apart.
 */
#ifndef CONFLICT_GAZETTEER_H
#define CONFLICT_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#define GAZ_MAGIC 0x5A414743u /* "CGAZ" */
#define GAZ_VERSION 11u

enum { GAZ_COUNTRY = 0, GAZ_ADMIN1, GAZ_ADMIN2, GAZ_REGION, GAZ_CITY, GAZ_OTHER, GAZ_NKINDS };

/* proper nouns of the lexicon: their hash xor this (see words[] above) */
#define GAZ_PROPER_SALT 0x9E3779B97F4A7C15ull

/* key flag (bit 0 of gaz_key.lo) */
#define GAZ_KEY_COMMON 1u /* the key is a common French/English word (data/common_words.txt) */

/* name flags (bits 22-24 of a posting) */
enum {
    GAZ_NAME_MAIN = 1,  /* the place's main name */
    GAZ_NAME_ABBR = 2,  /* an all-caps abbreviation alias (USA, RDC) */
    GAZ_NAME_ASCII = 4, /* the name is plain ASCII (an English/transliterated form) */
};

typedef struct {
    uint32_t magic, version;
    uint32_t nplaces, nkeys, dirbits, npost, nadmin1, ncountries, nfeatures;
    uint32_t off_places, off_keys, nkslots, off_post, off_admin1, off_countries, off_features;
    uint32_t off_strings, strings_size, off_info;
    uint32_t nnames, off_exact, nexact, off_words, nwords, off_starts, startbits;
    uint32_t off_pairs, pairbits;
} gaz_header;

typedef struct {
    int32_t lat, lon;   /* 1e-5 degrees */
    uint32_t name_pop;  /* bits 0-23: offset in strings of the canonical name;
                           bits 24-31: round(10 * log2(population + 1)), 0 = unknown */
    uint32_t geonameid; /* 0 = none */
    uint32_t attrs;     /* bits 0-12: 1-based index in admin1[] (0 = unknown);
                           bits 13-15: kind (GAZ_COUNTRY..); bits 16-23: index in
                           features[]; bits 24-31: 1-based index in countries[] */
} gaz_place;

#define GAZ_PLACE_NAME(p) ((p)->name_pop & 0xFFFFFFu)
#define GAZ_PLACE_POP(p) ((p)->name_pop >> 24)
#define GAZ_PLACE_ADMIN1(p) ((p)->attrs & 0x1FFFu)
#define GAZ_PLACE_KIND(p) (((p)->attrs >> 13) & 7u)
#define GAZ_PLACE_FEATURE(p) (((p)->attrs >> 16) & 0xFFu)
#define GAZ_PLACE_COUNTRY(p) ((p)->attrs >> 24)
#define GAZ_MAX_ADMIN1 0x1FFFu
/* admin1[] entries */
#define GAZ_ADMIN1_PLACE(v) ((v) & 0x3FFFFFu)
#define GAZ_ADMIN1_CITY 0x80000000u /* Delhi, Beirut, Kyiv: the capital is the division */
#define GAZ_MAX_FEATURES 256

typedef struct {
    uint32_t lo;  /* low 32 bits of the key's hash */
    uint32_t val; /* see "value" above */
} gaz_key;

#define GAZ_INLINE 0x80000000u
/* literal index entries (exact[]) */
#define GAZ_LITERAL_PLACE(v) ((v) & 0x3FFFFFu)
#define GAZ_LITERAL_MAIN 0x80000000u /* the literal name is the place's main name (Feni) */
#define GAZ_POST_PLACE(w) ((w) & 0x3FFFFFu)
#define GAZ_POST_NFLAGS(w) (((w) >> 22) & 7u)
#define GAZ_POST_VOWELS(w) (((w) >> 25) & 15u)
#define GAZ_MAX_PLACES (1u << 22)

/* first-vowel classes of a Latin-script name */
enum { GAZ_V_A = 1, GAZ_V_E = 2 /* e i y */, GAZ_V_O = 4 /* o u */, GAZ_V_NONE = 8 };

/* First-vowel class of a name: the first of a e i o u y after case folding and
 * stripping the accents of Latin-1/Latin Extended-A vowels; GAZ_V_NONE when the
 * name has no such vowel; 0 when it is not in Latin script. */
static inline unsigned gaz_first_vowel(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            if (c == 0xC3 && i + 1 < n) { /* Latin-1 letters */
                unsigned char d = (unsigned char)s[i + 1] & 0xDF; /* fold case */
                i++;
                if (d >= 0x80 && d <= 0x85) return GAZ_V_A;
                if ((d >= 0x88 && d <= 0x8F) || d == 0x9D) return GAZ_V_E;
                if ((d >= 0x92 && d <= 0x96) || d == 0x98 || (d >= 0x99 && d <= 0x9C)) return GAZ_V_O;
                continue;
            }
            if (c == 0xC4 || c == 0xC5) { /* Latin Extended-A: macrons, breves */
                unsigned cp = ((c & 0x1Fu) << 6) | ((unsigned char)s[i + 1 < n ? i + 1 : i] & 0x3Fu);
                i++;
                if (cp >= 0x100 && cp <= 0x105) return GAZ_V_A;
                if ((cp >= 0x112 && cp <= 0x11B) || (cp >= 0x128 && cp <= 0x131)) return GAZ_V_E;
                if ((cp >= 0x14C && cp <= 0x151) || (cp >= 0x168 && cp <= 0x173)) return GAZ_V_O;
                continue;
            }
            if (c >= 0xC8) return 0; /* Greek, Cyrillic, Arabic...: not compared */
            continue;
        }
        c |= 0x20;
        if (c == 'a') return GAZ_V_A;
        if (c == 'e' || c == 'i' || c == 'y') return GAZ_V_E;
        if (c == 'o' || c == 'u') return GAZ_V_O;
    }
    return GAZ_V_NONE;
}

enum { GAZ_COUNTRY_ADMIN2 = 1 }; /* gaz_country.flags: the data has the country's districts */

typedef struct {
    char cc[2];
    uint16_t flags; /* GAZ_COUNTRY_* */
    uint32_t place; /* index of the country's own row, UINT32_MAX when absent */
} gaz_country;

typedef struct {
    char code[16]; /* GeoNames feature code or WOF placetype, NUL-padded */
} gaz_feature;

static inline uint32_t gaz_word_fp(uint64_t fold_hash) { return (uint32_t)(fold_hash >> 32); }

/* Drops the separators of a normalize_name() result in place and spells the
 * Latin letters that keep no mark to strip the plain way (dotless i, l with
 * stroke, o with stroke, d with stroke, thorn, ash: Diyarbakır = Diyarbakir,
 * Łódź = Lodz); returns the new length (never more than n). */
static inline size_t gaz_fold(char *s, size_t n) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\'' || c == '-' || c == '.' || c == '"' || c == ',') continue;
        unsigned char u = (unsigned char)c, v = i + 1 < n ? (unsigned char)s[i + 1] : 0;
        const char *r = NULL;
        if (u == 0xC4) r = v == 0xB1 ? "i" : v == 0x91 ? "d" : v == 0xA7 ? "h" : NULL;
        else if (u == 0xC5) r = v == 0x82 ? "l" : v == 0x93 ? "oe" : v == 0xA7 ? "t" : NULL;
        else if (u == 0xC3) r = v == 0xB8 ? "o" : v == 0xBE ? "th" : v == 0xA6 ? "ae" : v == 0xB0 ? "d" : NULL;
        if (r) {
            while (*r) s[k++] = *r++;
            i++;
            continue;
        }
        s[k++] = c;
    }
    return k;
}

/* 64-bit FNV-1a with a final avalanche; the same function builds and reads. */
static inline uint64_t gaz_hash(const char *s, size_t n) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ull;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}


/* ---- reader (gaz_index.c) ---- */

typedef struct {
    const gaz_header *h;
    size_t size; /* bytes in the blob */
    const gaz_place *places;
    const gaz_key *keys;
    const uint32_t *post, *admin1;
    const gaz_country *countries;
    const gaz_feature *features;
    const uint32_t *exact, *lexicon;
    const uint8_t *starts;
    const uint64_t *pairs;
    const char *strings, *info;
    uint32_t shift;       /* 64 - dirbits */
    uint32_t start_shift; /* 64 - startbits */
    uint64_t pair_mask;   /* 2^pairbits - 1 */
} gaz_index;

/* Points g into the embedded blob; -1 when it is missing or corrupt. */
int gaz_index_open(gaz_index *g);
/* The postings of a key hash (gaz_hash of a name key): returns their count and
 * sets *list (to one when the single posting is inline); *common, when not
 * NULL, gets the key's GAZ_KEY_COMMON flag. */
uint32_t gaz_key_postings(const gaz_index *g, uint64_t h, const uint32_t **list, uint32_t *one,
                          int *common);
/* The places literally named by a folded name (gaz_hash of gaz_fold of its
 * normalize_name): sets *pl to their indexes and returns how many. */
size_t gaz_literal_places(const gaz_index *g, uint64_t fold_hash, const uint32_t **pl);
/* The most words of a gazetteer name whose first word has this key hash
 * (gaz_hash of its conflict_name_key; an empty key hashes like ""), 0 = none.
 * Never less than the truth; more when keys share a slot. */
unsigned gaz_start_words(const gaz_index *g, uint64_t first_key_hash);
/* The hash of a pair of words for pairs[]: from the gaz_hash of each word's
 * name key (an empty key hashes like ""). */
static inline uint64_t gaz_pair_hash(uint64_t first, uint64_t second) {
    uint64_t h = first * 0x9E3779B97F4A7C15ull ^ second;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}
/* Can a gazetteer name start with these two words (pairs[])? */
int gaz_pair_maybe(const gaz_index *g, uint64_t pair_hash);
/* Is the folded text a French or English lexicon word? */
int gaz_is_word(const gaz_index *g, uint64_t fold_hash);
/* Is it a capitalized entry of the English lexicon (a proper noun)? */
int gaz_is_proper_noun(const gaz_index *g, uint64_t fold_hash);

#endif
