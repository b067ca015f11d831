/*
 * The places extractor's shared types: the module state (places.c), the
 * per-call context and its mentions and candidates, filled by spotting
 * (places.c) and resolved by places_resolve.c.
 */
#ifndef CONFLICT_PLACES_CTX_H
#define CONFLICT_PLACES_CTX_H

#include "gazetteer.h"
#include "internal.h"
#include "memo.h"
#include "phrase_dict.h"
#include "places_internal.h"

/* word classes of the word table (places_state.words) */
enum {
    W_ADMIN_BEFORE = 1 << 0,
    W_CITY_BEFORE = 1 << 1,
    W_ADMIN_AFTER = 1 << 2,
    W_CITY_AFTER = 1 << 3,
    W_LOCATIVE = 1 << 4,
    W_ORG_BEFORE = 1 << 5,
    W_HEAD_AFTER = 1 << 6,
    W_HEAD_BEFORE = 1 << 7,
    W_PARTICLE = 1 << 8,
    W_NOTPLACE = 1 << 9,       /* a one-token not_places entry */
    W_NOTPLACE_FIRST = 1 << 10, /* first token of a longer not_places entry */
    W_LINK = 1 << 11,          /* de, du, d', of, the, la... between a cue and a name */
    W_DIRECTION = 1 << 12,     /* nord, sud, north, centre...: generic division names */
    W_POINT = 1 << 13,         /* à, near, près de: a town rather than a division */
    W_NAT = 1 << 14,           /* a nationality word of the actor dictionary (syrienne) */
    W_FIRST_LEVEL = 1 << 15,   /* province, oblast, state, région: a first-level division */
    W_NAT_ABROAD = 1 << 16,    /* ... of a force often abroad (Russian, Turkish, French) */
    W_SETTLEMENT = 1 << 17,    /* village, localité, town, hamlet: names a place the gazetteer may lack */
    W_LOCAL_TERM = 1 << 18,    /* upazila, tehsil, LGA, barangay: a division noun of few countries */
    W_LIST = 1 << 19,          /* and, et, or, ou: between the items of a list */
    W_OFFICE_CUE = 1 << 20,    /* department, division: a cue that also heads office names */
    W_GOVERNMENT = 1 << 21,    /* government, régime, cabinet: what a country or a person heads */
    W_GROUP = 1 << 22,         /* tribe, caste: after an ethnonym, not a town */
    W_ETHNIC = 1 << 23,        /* Fulani, Baloch, Shia: a people or a faith, not a town */
    W_ROMANCE = 1 << 24,       /* de, del, do, dos, los: inside Spanish and Portuguese names */
    W_ARTICLE = 1 << 25,       /* al, el, ash: an Arabic article written apart */
    W_INSTITUTION = 1 << 26,   /* university, college: a school, named after a place or not */
    W_PERSON = 1 << 27,        /* president, inspector: a person's name follows */
    W_CONTAINER_LINK = 1 << 28, /* in, under, of: "X village in Y district" */
    W_NAMESAKE = 1 << 29,      /* Park, Bay, Gardens: ends another place's name (Auckland Park) */
    W_CALENDAR = 1 << 30,      /* a month or a day: continues no name ("India and Pakistan Tuesday") */
    W_QUARTER = 1u << 31       /* neighbourhood, quartier: a part of a town, named like any town */
};

/* feature ranks (places_state.frank) */
enum { F_OTHER = 0, F_PPLC, F_PPLA, F_PPLA2, F_PPLA3, F_LOW };

#define WORD_BITS 12
#define MAXMULTI 128
#define MAXTERMS 80   /* local division nouns (local_terms in places.c) */
#define MAXTERM_CC 8  /* countries per term */
#define MAXNOUNS 8 /* division nouns of some countries only (division_nouns in places.c) */
#define MAXACTORHEADS 16 /* named actors looked up per text: more add no evidence */
#define MAXACTORSPANS 16
#define MAXACTORALIASES 8 /* aliases of one key that vote (places_actor_vote) */
#define MAXACRONYMS 16 /* country and division acronyms (KPK, DRC) */

typedef struct {
    uint64_t hash;
    uint32_t mask;
    uint8_t country; /* W_NAT: its gazetteer country index */
    uint8_t term;    /* W_LOCAL_TERM: 1-based index in places_state.term_cc */
    uint8_t noun;    /* a division noun of some countries only: 1-based index in noun_cc */
} word_entry;

/* The words of named actors' names (Awami League, MQM), in a table of their own,
 * looked up for capitalized words only. */
enum {
    ACTOR_FIRST = 1,  /* the first word of a name */
    ACTOR_ALONE = 2,  /* a whole name */
    ACTOR_SECOND = 4, /* the second word of a name of several */
    ACTOR_CASE = 8,   /* a first word alone is a key matched only as written, written not
                         in capitals */
    ACTOR_HOME = 16   /* ... alone names an actor at home (<< 1: written in capitals) */
};
#define ACTOR_BITS 13
/* What a key of several words that starts with a first word, or a prefix of one, says,
 * in places_state.actor_keys below its hash: the country of the actor it names (0 =
 * none) and KEY_*. */
enum {
    KEY_WHOLE = 1 << 8,      /* a key, not only a prefix, whatever its case */
    KEY_LONGER = 2 << 8,     /* a longer key starts with it */
    KEY_AS_WRITTEN = 4 << 8, /* an alias is matched only as written: the dictionary is read */
    KEY_HOME = 8 << 8,       /* the actor is at home */
    KEY_COUNTRY = 0xFF,
    KEY_INFO = 0xFFFF
};
#define ACTOR_KEY_BITS 14
typedef struct {
    uint32_t check;     /* the word's hash >> 32, 0 = empty */
    uint8_t flags;      /* ACTOR_* */
    uint8_t country[2]; /* a first word alone: the country of the actor it names, 0 = none;
                           [1] written in capitals (acronyms match only so: BNP, not Bnp) */
} actor_word;

/* The folded form of one code point: n bytes of s, or FOLD_NONE when the code
 * point must go through conflict_normalize_name() with its neighbours. */
typedef struct {
    uint8_t n;
    char s[3];
} fold_cp;
#define FOLD_NONE 0xFF
#define FOLD_LAT_END 0x370
#define FOLD_MAX 256 /* longest input folded on the fast path */

typedef struct {
    gaz_index g;
    uint8_t frank[GAZ_MAX_FEATURES];            /* F_* of each feature code */
    uint8_t feature_len[GAZ_MAX_FEATURES];      /* the length of each feature code */
    uint8_t kind_len[GAZ_NKINDS];               /* of each conflict_place_kinds name */
    word_entry words[1u << WORD_BITS];
    uint64_t words_far[1u << (WORD_BITS - 6)]; /* home slots of words placed 2 or more away */
    word_entry no_word; /* word_find's answer for any other token: no class */
    uint16_t multi[MAXMULTI];     /* not_places entries of several tokens */
    uint64_t multi_first[MAXMULTI]; /* fold_hash of their first word */
    int nmulti;
    conflict_user_places *user;   /* the connection's overlay, or NULL */
    conflict_memo *memo;          /* span_facts by span text (NULL: none) */
    struct places_scratch *scratch; /* buffers kept from one call to the next */
    uint8_t term_cc[MAXTERMS][MAXTERM_CC]; /* country indexes of each local term, 0-ended */
    uint8_t term_kind[MAXTERMS];           /* GAZ_* kind of the places each names */
    uint64_t noun_cc[MAXNOUNS][4];         /* the countries whose divisions each noun names */
    int lga_term;                          /* term of "lga", also written "Local Government" */
    uint32_t acronym_place[MAXACRONYMS];   /* place of each acronym (acronyms in places.c) */
    actor_word actor_words[1u << ACTOR_BITS];
    uint64_t actor_keys[1u << ACTOR_KEY_BITS]; /* key_hash | KEY_* | country, 0 = empty */
    uint8_t *actor_country; /* per actor dictionary entry: the country index of a named
                               actor of one country, else 0 (places_actors.c) */
    /* gaz_fold(normalize_name()) code point by code point (fold_name) */
    uint8_t fold_ascii[128];                 /* folded byte, 0 = dropped */
    fold_cp fold_lat[FOLD_LAT_END - 0x80];   /* U+0080..U+036F */
    fold_cp fold_ext[0x100];                 /* U+1E00..U+1EFF */
    fold_cp fold_punct[0x70];                /* U+2000..U+206F */
} places_state;

/* ---- per-call context ---------------------------------------------------------- */

/* output columns (place_cols in places.c) */
enum { C_TEXT, C_START, C_LENGTH, C_NAME, C_KIND, C_COUNTRY, C_ADMIN1, C_LAT, C_LON, C_GID,
       C_SCORE, C_FEATURE, NCOLS };

enum { CUE_NONE = 0, CUE_ADMIN = 1, CUE_CITY = 2 };
/* evidence of a country besides its places (ctx.nat): a nationality word or a named
 * actor; one of a force at home; a named actor */
enum { NAT_NAMED = 1, NAT_HOME = 2, NAT_ACTOR = 4 };

#define MAXCAND 16
#define MAXEXACT 8
#define MAXSCAN 64 /* postings examined per mention (they come best first) */
#define USER_BIT 0x80000000u
enum { CAPITAL_DIVISION = 1, CAPITAL_NATIONAL = 2 };

typedef struct { /* 20 bytes: the memo keeps up to MAXLITERAL + MAXEXACT per span */
    uint32_t id; /* gazetteer index, or USER_BIT | user index */
    uint8_t nflags, kind, country, exact, major;
    uint8_t capital; /* a town that is a national or first-level capital: CAPITAL_* */
    uint16_t admin1;
    float sim;   /* letter similarity of the span and the name (1 when exact) */
    float prior;
} cand;

typedef struct { /* the flags are bytes: a mention is cleared and copied as it is built */
    size_t t0, t1;   /* tokens, inclusive */
    size_t b0, b1;   /* bytes */
    uint32_t c0, nc; /* candidates in the pool */
    uint8_t cue;              /* CUE_* */
    uint8_t cue_noun;         /* the cue is a division noun of some countries (noun_cc), 0 = any */
    uint8_t weak_cue;         /* the cue is a noun that also heads office names (X Department) */
    uint8_t inside;           /* capitalized words on both sides (Asom Gana Parishad) */
    uint8_t particle_run;     /* part of a longer name a particle joins (San Jose de Lourdes) */
    uint8_t first_level;      /* the cue names a first-level division (province, oblast, state) */
    uint8_t district;         /* the cue names a lower division (district, county, division) */
    uint8_t settlement_after; /* a settlement noun follows (the X neighborhood, X village) */
    uint8_t village; /* "village" names it (les villages de Bale: no Basel) */
    uint8_t quarter_after;    /* ... that names a part of a town (the X neighbourhood) */
    uint8_t named_after; /* a comma or parenthesis and a capitalized word follow ("X, Y", "X (Y)") */
    uint8_t attributive; /* a lower-case noun follows ("Thai border") */
    uint8_t cap_after;   /* a capitalized word follows in the same sentence (Salt Lake) */
    uint8_t institution; /* a school's noun follows (Panjab University) */
    uint8_t governed; /* a government noun is next to it ("the Modi government", "le régime Assad") */
    uint8_t short_name; /* three letters or fewer: a town only under its own name (Pan is not Hpa-An) */
    uint8_t nationality; /* only nationality words or ethnonyms (Pak-Afghan, Myanmar, Fulani) */
    uint8_t people;      /* a people, not a nation: only ethnonyms (Naga rebels), or a people's
                            noun follows (the Bugti tribe) */
    uint8_t local_term; /* 1-based local_terms index of the noun that follows ("Boda upazila"), 0 = none */
    uint8_t container_term; /* ... of the division it lies in ("X village in Sadar upazila"), 0 = none */
    uint8_t in_run, sentence_initial, common, dateline;
    uint8_t namesake; /* the first words of another place's name (Nelson Mandela Bay) */
    uint8_t in_actor; /* inside a named actor's name of several words */
    int locative; /* 1: a locative word just before ("in X"), 2: a point ("près de Gao") */
    uint8_t link_locative; /* the locative is "of", "de": a weak sign of a place (members of X) */
    uint8_t name_tail; /* a capitalized word that is no acronym and no place comes just before
                          (Rajya Sabha, Raita Sangha): the end of another name */
    uint8_t demonym;    /* Indian, Syrienne: an adjective unless the name is literal */
    uint8_t proper;     /* a proper noun of the lexicon (Sikh, Omar): major places only */
    uint8_t caseless;   /* in a script without capitals (Arabic): literal names only */
    uint8_t lower_tail; /* the span ends with a lower-case adjective (Arabie saoudite) */
    uint8_t after_stop; /* the span starts with a not_places word (Le, La, The) */
    uint8_t generic;    /* only direction words (Nord-Est, Centre): the text's own country only */
    int chosen;    /* index in pool, -1 = dropped */
    int container; /* the next mention when it says where this one lies ("X, Y", "X (Y)"), else -1 */
    uint8_t contains; /* a previous mention lies in this one: a division rather than a town */
    uint8_t town_part; /* the container is a town it is a part of ("Lima-La Victoria") */
    uint16_t list;     /* 1 + the index of the first mention of its list ("X, Y and Z"), 0 = none */
    uint8_t repeat;   /* an earlier mention has the same key: it adds no evidence of its own */
    uint8_t main_town; /* a candidate is a town under its main name, literally (places_resolve) */
    uint8_t capital_country; /* ... a national capital: its country, else 0 (places_resolve) */
    uint8_t literal;     /* a candidate is named literally (places_resolve) */
    uint8_t one_country; /* all its candidates are in one country (places_resolve) */
    uint64_t key; /* hash of the span's name key */
    double score;
} mention;

/* What the gazetteer says of a span's text whatever its context: its key, its
 * lexicon flags and its candidate places before the context rules any out.
 * Names recur across an archive, so the engine memoizes these per text. */
#define MAXLITERAL 32 /* literal candidates kept: the context may rule the first ones out */
#define SIM_UNKNOWN -1.0f
enum {
    SPAN_NOKEY = 1,   /* the key is too short to look up */
    SPAN_WORD = 2,    /* one word of the French/English lexicon */
    SPAN_PROPER = 4,  /* one proper noun of the lexicon (Sikh, Omar) */
    SPAN_DEMONYM = 8, /* one word shaped like a demonym (Indian, Syrienne) */
    SPAN_FOLDED = 16, /* the flags above and folded_len are known */
    SPAN_SINGLE = 32, /* computed as one word */
    /* two words: whether gaz_pair_maybe() of their keys was asked, and its answer */
    SPAN_PAIR_KNOWN = 64,
    SPAN_PAIR_MAYBE = 128
};
typedef struct {
    uint64_t key;       /* hash of the span's name key (of "" when it has none) */
    uint8_t flags;      /* SPAN_* */
    uint8_t folded_len; /* length of the folded name, at most 255 */
    uint16_t ncand;
    uint8_t start_words; /* one word: the most words of a name it starts (gaz_start_words) */
    uint8_t nliteral;    /* the literal candidates, which come first (exact) */
    uint8_t pad[2];
    cand cands[MAXLITERAL + MAXEXACT];
} span_facts;

typedef struct {
    const places_state *ps;
    const conflict_user_places *user;
    const conflict_allocator *a;
    const char *s;
    size_t n;
    conflict_tokens tk;
    uint32_t *wm; /* word-class mask per token */
    uint32_t text_words; /* the word classes of all the tokens, or-ed */
    uint64_t *th; /* fold_hash per token */
    mention *m;
    size_t nm, capm;
    cand *pool;
    size_t np, capp;
    conflict_buf kb, kb2, fb;
    size_t spans_computed; /* facts computed so far: the facts pointers given out before
                              stay valid while no other is computed */
    int opt_country; /* country index from options, 0 = none */
    uint8_t nat[256];  /* NAT_* per country named by a nationality word (Syrian, malienne) */
    uint64_t nat_countries[4]; /* the countries of nat, as a set */
    uint32_t actor_heads[MAXACTORHEADS]; /* capitalized tokens that may start a named actor */
    int nactor_heads;
    /* the first and last tokens of the named actors of several words found (Jamaat ud
     * Dawa): a village named like one of their words is no place there */
    uint32_t actor_spans[MAXACTORSPANS][2];
    int nactor_spans;
    unsigned kinds_mask;
    double min_score;
    struct unlisted *un; /* names the gazetteer lacks that the text calls settlements */
    size_t nun, capun;
    int text_country; /* country index the text's chosen places point to, 0 = none clear */
    /* last: written before they are read, so not cleared with the rest (CTX_CLEARED) */
    char fbuf[FOLD_MAX];
    span_facts facts; /* the last span's, when not memoized */
} ctx;
#define CTX_CLEARED offsetof(ctx, fbuf)

/* A name the gazetteer lacks, in a settlement cue's context ("le village de
 * Namssiguian", "Tadaryat town", "les villages de Bale et Kayamla") or repeated
 * from such a mention. */
typedef struct unlisted {
    size_t t0, t1, b0, b1;
    double score;
    int country; /* country index the context gives ("X upazila"), 0 = the text's */
    int kind;    /* GAZ_CITY, or the kind a local term gives (X LGA: GAZ_ADMIN2) */
} unlisted;

/* The buffers of a call (tokens, word classes and hashes, mentions, candidates,
 * unlisted names) that the engine keeps for the next call, as it runs one call
 * at a time (as for its memo): most calls then allocate nothing. */
typedef struct places_scratch {
    conflict_tokens tk;
    void *words; /* ctx.wm and ctx.th */
    size_t words_size;
    mention *m;
    size_t capm;
    cand *pool;
    size_t capp;
    unlisted *un;
    size_t capun;
} places_scratch;

static inline int is_cap(const conflict_token *t) {
    return (t->flags & CONFLICT_TOK_UPPER) && (t->flags & CONFLICT_TOK_ALPHA);
}

/* Is token t (t > 0) the "s" of an English possessive ("Tripoli's")? */
static inline int possessive_s(const conflict_tokens *tk, const char *s, size_t t) {
    return tk->v[t - 1].next_sep == '\'' && tk->v[t].len == 1 && (s[tk->v[t].start] | 0x20) == 's';
}


/* Spotting helpers shared with places_unlisted.c (places.c) */
int places_tok_eq(const char *s, const conflict_token *t, const char *w);
int places_list_has(const ctx *c, size_t i, const char *const *list); /* token i is a word of list */
int places_cue_before(const ctx *c, size_t t0, int *locative, size_t *at);
int places_org_context(const ctx *c, size_t t0);
conflict_status places_token_flags(ctx *c, size_t i, unsigned *flags, conflict_error *err);
int places_local_term_after(const ctx *c, size_t t1);
int places_in_term_countries(const ctx *c, int term, int country);
/* Does the division noun `noun` (noun_cc, 0 = any) name divisions of `country`? */
static inline int places_noun_fits(const ctx *c, int noun, int country) {
    return !noun || (c->ps->noun_cc[noun - 1][country >> 6] >> (country & 63) & 1);
}
static inline int places_joinable(char sep) { return sep == ' ' || sep == '-' || sep == '\''; }

/* Named actors (places_actors.c): evidence for their country, like nationality words */
void places_actor_evidence(ctx *c);
const actor_word *places_actor_word(const ctx *c, size_t i);
uint32_t places_actor_key(const ctx *c, uint64_t *h, size_t i);
int places_actor_vote(const places_state *ps, const conflict_pd_alias *const *al, size_t n,
                      int *home);
void places_note_nat(ctx *c, int country, uint8_t flags);

/* Names the gazetteer lacks (places_unlisted.c) */
conflict_status places_spot_unlisted(ctx *c, size_t i, size_t *next, conflict_error *err);
conflict_status places_unlisted_after_resolve(ctx *c, conflict_error *err);
conflict_status places_emit_unlisted(const ctx *c, conflict_table *out);

/* Resolution (places_resolve.c): "X, Y" and "X (Y)" containers, repeated names,
 * then the choice of each mention's place for the whole text. */
void places_link_containers(ctx *c);
void places_container_terms(ctx *c);
void places_link_lists(ctx *c);
conflict_status places_mark_repeats(ctx *c);
conflict_status places_resolve(ctx *c);

#endif
