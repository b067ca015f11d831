/*
 * Full-text tokens: the core of the FTS5 tokenizer `conflict` (and of any
 * other binding's full-text parser). Pure C11; the SQLite callbacks live in
 * ext/sqlite/fts5_tokenizer.c.
 *
 * For every word of a document the stream holds, at one position:
 *   - the folded form (normalize_name, apostrophes removed): the primary token;
 *   - COLOCATED: the word's name_key when it differs (spelling-insensitive);
 *   - COLOCATED: a canonical id token ("#p<geonameid>", "#a<actor key>") at the
 *     first word of every place or actor mention the extractors resolve.
 * A query is tokenized the same way (ids on the first word of the names the
 * extractors find in it, read as "in <query>"). A one-word query that is a
 * whole place or actor name puts its canonical id(s), its folded form and its
 * key at one position, so that "Alep" finds "Aleppo" and "HTS" finds
 * "Hayat Tahrir al-Cham". Prefix words are folded only.
 */
#ifndef CONFLICT_FTS_TOKENS_H
#define CONFLICT_FTS_TOKENS_H

#include "conflict.h"

typedef struct {
    int remove_diacritics; /* 1 (default): normalize_name folding; 0: NFKC + case fold only */
    int keys;              /* 1 (default): spelling-insensitive name keys */
    int places;            /* 1 (default): canonical place ids (needs the places extractor) */
    int actors;            /* 1 (default): canonical actor ids (needs the actors extractor) */
} conflict_fts_config;

void conflict_fts_config_default(conflict_fts_config *c);
/* One key/value pair of the tokenizer arguments; CONFLICT_BAD_OPTIONS for an
 * unknown key or a value other than 0/1. */
conflict_status conflict_fts_config_set(conflict_fts_config *c, const char *key,
                                        const char *value, conflict_error *err);

enum { CONFLICT_FTS_DOCUMENT = 0, CONFLICT_FTS_QUERY = 1, CONFLICT_FTS_PREFIX = 2 };

typedef struct {
    size_t start, end; /* byte span of the word(s) in the input */
    size_t off, len;   /* token text in the stream's text buffer */
    int colocated;     /* same position as the previous token */
} conflict_fts_token;

typedef struct {
    conflict_fts_token *v;
    size_t n, cap;
    conflict_buf text; /* token texts, back to back (not NUL-separated) */
    const conflict_allocator *a;
} conflict_fts_tokens;

/* Tokenizes valid UTF-8. mode: CONFLICT_FTS_DOCUMENT, or CONFLICT_FTS_QUERY
 * optionally | CONFLICT_FTS_PREFIX (the last word is a prefix: folded only). */
conflict_status conflict_fts_tokenize(const conflict_engine *e, const conflict_fts_config *c,
                                      int mode, const char *s, size_t n, conflict_fts_tokens *out,
                                      conflict_error *err);
void conflict_fts_tokens_free(conflict_fts_tokens *t);

#endif
