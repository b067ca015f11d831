/*
 * Phrase dictionaries: token sequences looked up by longest match.
 *
 * A key is the folded tokens of a phrase (lower case, Latin accents stripped,
 * ligatures expanded) joined by one space: "Hayat Tahrir al-Cham" ->
 * "hayat tahrir al cham". ext/tools/gen_dict.c compiles data/actors.tsv and
 * data/sources.tsv into open-addressing hash tables (generated C, const
 * data) that hold every key and every proper prefix of a key, so a lookup can
 * stop as soon as a prefix is unknown. The same fold runs at build time and at
 * match time, so the two can never disagree.
 */
#ifndef CONFLICT_PHRASE_DICT_H
#define CONFLICT_PHRASE_DICT_H

#include <stddef.h>
#include <stdint.h>

#include "conflict.h"

/* longest folded token kept; longer tokens never match */
#define CONFLICT_PD_MAXTOK 48
/* most tokens in one phrase */
#define CONFLICT_PD_MAXLEN 12

/* alias flags */
enum {
    CONFLICT_PD_CASE = 1 /* match only as written (short acronyms: IS, EI, ANA) */
};

typedef struct {
    uint32_t hash;
    uint32_t key; /* offset of the key in strings (NUL-terminated) */
    int32_t first; /* first alias with this key, or -1: a prefix only */
    uint16_t count; /* aliases with this key (consecutive from first) */
    uint16_t ntok;
} conflict_pd_slot;

typedef struct {
    int32_t entry; /* row in the dictionary's entry table */
    uint32_t raw; /* offset of the alias as written (for CONFLICT_PD_CASE) */
    uint16_t flags;
    uint16_t ntok;
} conflict_pd_alias;

typedef struct {
    const conflict_pd_slot *slots; /* empty slots have key == 0 */
    uint32_t mask;
    const conflict_pd_alias *aliases;
    uint32_t naliases;
    const char *strings; /* offset 0 is an empty string */
    const uint8_t *first; /* bit (hash & CONFLICT_PD_FIRST_BITS-1) set for every one-token key */
} conflict_pd;
#define CONFLICT_PD_FIRST_BITS 32768u

/* Folds one token to key form into out (cap bytes, NUL-terminated); returns
 * the length, 0 when it does not fit or folds to nothing. */
size_t conflict_pd_fold(const char *s, size_t n, char *out, size_t cap);

uint32_t conflict_pd_hash(uint32_t h, const char *s, size_t n);
#define CONFLICT_PD_HASH0 2166136261u

/* Folded tokens of one text, computed once and shared by the rules. */
typedef struct {
    const char *s;
    size_t n;
    conflict_tokens tok;
    char *fold;      /* folded tokens, each NUL-terminated */
    uint32_t *foff;  /* offset of token i in fold */
    uint16_t *flen;  /* folded length (0: too long) */
    uint32_t *fhash; /* conflict_pd_hash of the folded token */
    const conflict_allocator *a;
    size_t nfolded; /* in a window (below), the tokens folded so far; 0: all are */
} conflict_pd_text;

conflict_status conflict_pd_text_init(conflict_pd_text *t, const char *s, size_t n,
                                      const conflict_allocator *a);

/* Room for the folded tokens of one phrase's worth of tokens. */
typedef struct {
    char fold[CONFLICT_PD_MAXLEN * (CONFLICT_PD_MAXTOK + 1)];
    uint32_t foff[CONFLICT_PD_MAXLEN];
    uint16_t flen[CONFLICT_PD_MAXLEN];
    uint32_t fhash[CONFLICT_PD_MAXLEN];
} conflict_pd_window;

/* A conflict_pd_text over at most CONFLICT_PD_MAXLEN tokens v[0..nt) of text s that the
 * caller has already tokenized, folded into w as conflict_pd_longest() reads them: no
 * allocation and nothing to free. For callers that look up phrases at a few tokens only. */
void conflict_pd_text_window(conflict_pd_text *t, const char *s, size_t n, const conflict_token *v,
                             size_t nt, conflict_pd_window *w);
void conflict_pd_text_free(conflict_pd_text *t);
static inline const char *conflict_pd_tok(const conflict_pd_text *t, size_t i) {
    return t->fold + t->foff[i];
}
/* 0 when no key of d starts with token i (the one-token bitset): the cheap
 * test most tokens stop at, before conflict_pd_longest */
static inline int conflict_pd_may_start(const conflict_pd *d, const conflict_pd_text *t, size_t i) {
    uint32_t bit = t->fhash[i] & (CONFLICT_PD_FIRST_BITS - 1);
    return t->flen[i] && (d->first[bit >> 3] >> (bit & 7) & 1);
}
/* 1 when a phrase may go on from token a to the next one, b: not across a sentence's
 * end or most punctuation */
static inline int conflict_pd_joins(const conflict_token *a, const conflict_token *b) {
    char sep = a->next_sep;
    if (b->flags & CONFLICT_TOK_SENTENCE) return 0;
    return sep == ' ' || sep == '-' || sep == '\'' || sep == '"' || (unsigned char)sep >= 0x80;
}
/* 1 when token i folds to word (a NUL-terminated key) */
int conflict_pd_is(const conflict_pd_text *t, size_t i, const char *word);

/* Longest match starting at token i: returns the number of tokens (0: none)
 * and the slot (the aliases of the key). Case-sensitive aliases are checked
 * against the text; *alias is the first alias that fits. In a window, it folds
 * the tokens it reads. */
size_t conflict_pd_longest(const conflict_pd *d, conflict_pd_text *t, size_t i,
                           const conflict_pd_alias **alias);
/* Every alias of a key of exactly `len` tokens at i that fits (case rules):
 * writes up to max aliases, returns how many. */
size_t conflict_pd_aliases_at(const conflict_pd *d, const conflict_pd_text *t, size_t i,
                              size_t len, const conflict_pd_alias **out, size_t max);
/* Looks up a folded key (NUL-terminated). NULL when absent or prefix-only. */
const conflict_pd_slot *conflict_pd_find(const conflict_pd *d, const char *key, size_t n);

#endif
