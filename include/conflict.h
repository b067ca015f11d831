/*
 * conflict: public core API. Pure C11 over UTF-8 buffers; no sqlite3.h.
 *
 * Every input is (const char *s, size_t n) and never needs a NUL terminator.
 * Every call that can fail returns a conflict_status and fills a
 * conflict_error. Memory comes from the caller's conflict_allocator, so a
 * binding can route it to sqlite3_malloc64 or palloc.
 */
#ifndef CONFLICT_H
#define CONFLICT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    CONFLICT_OK = 0,
    CONFLICT_NOMEM,
    CONFLICT_BAD_UTF8, /* byte_offset says where */
    CONFLICT_BAD_OPTIONS,
    CONFLICT_TOOBIG, /* result over the caller's length limit */
    CONFLICT_LIMIT,  /* a regex match limit was hit */
    CONFLICT_ERROR
} conflict_status;

typedef struct {
    conflict_status code;
    size_t byte_offset;
    char msg[128];
} conflict_error;

/* ---- allocator ---------------------------------------------------------- */

typedef struct {
    void *(*malloc)(void *ud, size_t n);
    void *(*realloc)(void *ud, void *p, size_t n);
    void (*free)(void *ud, void *p);
    void *ud;
} conflict_allocator;

extern const conflict_allocator conflict_default_allocator; /* libc malloc */

void *conflict_malloc(const conflict_allocator *a, size_t n);
void *conflict_realloc(const conflict_allocator *a, void *p, size_t n);
void conflict_free(const conflict_allocator *a, void *p);

/* ---- growable buffer and JSON writer ------------------------------------ */

typedef struct {
    char *p;
    size_t len, cap;
    size_t limit; /* max bytes; 0 = SIZE_MAX */
    const conflict_allocator *a;
    int failed; /* sticky: CONFLICT_NOMEM or CONFLICT_TOOBIG once anything failed */
    uint64_t comma;  /* JSON: bit d set = container at depth d already has an element */
    int depth;
} conflict_buf;

void conflict_buf_init(conflict_buf *b, const conflict_allocator *a, size_t limit);
void conflict_buf_free(conflict_buf *b);
void conflict_buf_reset(conflict_buf *b);
int conflict_buf_put(conflict_buf *b, const char *s, size_t n);
int conflict_buf_putc(conflict_buf *b, char c);
int conflict_buf_puts(conflict_buf *b, const char *s);
/* Hands the bytes (NUL-terminated, not counted in *n) to the caller, who
 * frees them with the buffer's allocator. NULL when the buffer failed. */
char *conflict_buf_detach(conflict_buf *b, size_t *n);

void conflict_json_open(conflict_buf *b, char bracket);  /* '[' or '{' */
void conflict_json_close(conflict_buf *b, char bracket); /* ']' or '}' */
void conflict_json_key(conflict_buf *b, const char *key);
void conflict_json_str(conflict_buf *b, const char *s, size_t n);
void conflict_json_int(conflict_buf *b, int64_t v);
void conflict_json_real(conflict_buf *b, double v);
void conflict_json_bool(conflict_buf *b, int v);
void conflict_json_null(conflict_buf *b);
/* The same formats written into a char array known to have room: each returns
 * the end of what it wrote. A string takes at most 6 * n + 2 bytes; a real only
 * when conflict_json_real_fits(v) (finite, under 1e12). */
#define CONFLICT_JSON_INT_MAX 24
#define CONFLICT_JSON_REAL_MAX 24
char *conflict_json_put_str(char *o, const char *s, size_t n);
char *conflict_json_put_int(char *o, int64_t v);
int conflict_json_real_fits(double v);
char *conflict_json_put_real(char *o, double v);
int conflict_json_plain(const char *s, size_t n); /* s needs no escape */

/* ---- UTF-8 -------------------------------------------------------------- */

/* CONFLICT_OK, or CONFLICT_BAD_UTF8 with err->byte_offset of the first bad byte. */
conflict_status conflict_utf8_check(const char *s, size_t n, conflict_error *err);
/* Decodes one code point at s[*i] (valid UTF-8 assumed) and advances *i. */
uint32_t conflict_utf8_next(const char *s, size_t n, size_t *i);
size_t conflict_utf8_chars(const char *s, size_t n);

/* ---- names -------------------------------------------------------------- */

/* NFKC + case fold + marks stripped + apostrophe/hyphen/quote/space folding. */
conflict_status conflict_normalize_name(const char *s, size_t n, conflict_buf *out,
                                        conflict_error *err);
/* Pure spelling key for romanized names (see namekey.c): spelling variants
 * only, no gazetteer knowledge; compositional over tokens. */
conflict_status conflict_name_key(const char *s, size_t n, conflict_buf *out,
                                  conflict_error *err);
/* Similarity in [0,1]; 1.0 when the keys are equal. */
conflict_status conflict_name_similarity(const char *a, size_t na, const char *b, size_t nb,
                                         const conflict_allocator *al, double *score,
                                         conflict_error *err);
/* Gazetteer-aware key (namekey_gaz.c): when the embedded gazetteer lists
 * normalize_name(s) exactly as a name of a place, the spelling key of the
 * canonical name of the most prominent such place (a populated place first;
 * s's own key when s spells the canonical name of one of them): Kiev = Kyiv,
 * Artemivsk = Bakhmut, Alep = Halab = Aleppo. Else conflict_name_key(s). The
 * SQL name_key() by default. The places extractor, the gazetteer packer and
 * the FTS5 tokenizer use the pure spelling key conflict_name_key(). */
conflict_status conflict_name_key_gazetteer(const char *s, size_t n, conflict_buf *out,
                                            conflict_error *err);
/* 1.0 when the gazetteer-aware keys are equal, else conflict_name_similarity(). */
conflict_status conflict_name_similarity_gazetteer(const char *a, size_t na, const char *b,
                                                   size_t nb, const conflict_allocator *al,
                                                   double *score, conflict_error *err);
/* Options of name_key()/name_similarity(): {"gazetteer": true|false} (default
 * true); opt NULL = defaults. */
conflict_status conflict_name_options(const char *opt, size_t nopt, int *gazetteer,
                                      conflict_error *err);

/* ---- tokens ------------------------------------------------------------------ */
/*
 * A token is a maximal run of letters, marks and digits. Apostrophes and
 * hyphens split tokens (d'Idleb -> d, Idleb), so any mention is a byte span
 * from one token's start to a later token's end.
 */
enum {
    CONFLICT_TOK_ALPHA = 1,       /* has a letter */
    CONFLICT_TOK_DIGIT = 2,       /* has a digit */
    CONFLICT_TOK_UPPER = 4,       /* first letter upper-case (Idleb, ALEP) */
    CONFLICT_TOK_ALLCAPS = 8,     /* two or more letters, all upper-case (ALEP, OSDH) */
    CONFLICT_TOK_SENTENCE = 16,   /* first token of a sentence, paragraph or text */
    CONFLICT_TOK_NONLATIN = 32    /* has a letter outside Latin script */
};

typedef struct {
    size_t start, len; /* bytes */
    uint32_t flags;
    /* the separator before the next token: ' ', '-', '\'', '.', ',', ... or 0 at the end;
     * runs of spaces count as ' '; anything else is its first byte */
    char next_sep;
} conflict_token;

typedef struct {
    conflict_token *v;
    size_t n, cap;
    const conflict_allocator *a;
} conflict_tokens;

/* Tokenizes valid UTF-8. */
conflict_status conflict_tokenize(const char *s, size_t n, const conflict_allocator *a,
                                  conflict_tokens *out);
/* The same into t, whose buffer (v, cap, allocator a) is reused; on failure t
 * keeps its buffer, for conflict_tokens_free(). */
conflict_status conflict_tokenize_into(const char *s, size_t n, conflict_tokens *t);
void conflict_tokens_free(conflict_tokens *t);

/* ---- result tables -------------------------------------------------------- */
/*
 * Every extractor fills a conflict_table: rows of typed cells under a fixed
 * column list. Columns 0..2 are always text, start, length. Extractors set
 * start/length as byte offsets; conflict_table_finish() turns them into the
 * 1-based character positions of the contract. The same table becomes the
 * JSON array of extract_*() and the rows of the table-valued functions.
 */
typedef enum {
    CONFLICT_T_NULL = 0,
    CONFLICT_T_INT,
    CONFLICT_T_REAL,
    CONFLICT_T_TEXT,
    CONFLICT_T_BOOL
} conflict_type;

typedef struct {
    conflict_type type;
    union {
        int64_t i;
        double r;
        struct {
            const char *s;
            size_t n;
        } t;
    } v;
} conflict_cell;

typedef struct {
    const char *const *cols; /* column names = JSON keys, in output order */
    int ncols;
    size_t keys_json; /* conflict_table_keys_json() of the columns when the caller knows it,
                         else 0 (conflict_table_to_json then computes it) */
    conflict_cell *cells; /* nrows * ncols */
    size_t nrows, cap;
    const conflict_allocator *a;
    char **strings; /* copies owned by the table */
    size_t nstrings, capstrings;
} conflict_table;

void conflict_table_init(conflict_table *t, const conflict_allocator *a,
                         const char *const *cols, int ncols);
void conflict_table_free(conflict_table *t);
/* Appends a row of NULL cells; returns its index or -1 on OOM. */
long conflict_table_add(conflict_table *t);
conflict_cell *conflict_table_cell(conflict_table *t, size_t row, int col);
void conflict_table_set_int(conflict_table *t, size_t row, int col, int64_t v);
void conflict_table_set_real(conflict_table *t, size_t row, int col, double v);
void conflict_table_set_bool(conflict_table *t, size_t row, int col, int v);
/* Borrowed text: s must outlive the table (input text or static data). */
void conflict_table_set_text(conflict_table *t, size_t row, int col, const char *s, size_t n);
/* Copied text, owned by the table. Returns 0 on OOM. */
int conflict_table_set_text_copy(conflict_table *t, size_t row, int col, const char *s,
                                 size_t n);
/* Sets text/start/length (cols 0..2) from a byte span of the input. */
void conflict_table_set_span(conflict_table *t, size_t row, const char *s, size_t start,
                             size_t len);
/* Sorts rows by byte start (stable) and converts spans to character positions.
 * remap[old] = new row index is written when remap is non-NULL, so that
 * row references (part_of) can be fixed by the caller before conversion. */
conflict_status conflict_table_sort(conflict_table *t, size_t *remap);
conflict_status conflict_table_finish(conflict_table *t, const char *s, size_t n);
conflict_status conflict_table_to_json(const conflict_table *t, conflict_buf *out);
/* The bytes the keys take in the JSON of a row ("key": and a comma each), 0 when
 * one needs an escape: callers that make many tables of the same columns keep it
 * in their keys_json rather than have every conversion compute it. */
size_t conflict_table_keys_json(const char *const *cols, int ncols);

/* ---- options (one flat JSON object) ---------------------------------------- */

typedef struct {
    const char *key; /* points into the options text, not NUL-terminated */
    size_t key_len;
    conflict_type type; /* TEXT, INT, REAL, BOOL or NULL */
    const char *str;    /* TEXT: raw JSON string body, unescaped into strbuf */
    size_t str_len;
    double num;
    char strbuf[64]; /* unescaped TEXT value (truncated values are an error) */
} conflict_option;

typedef struct {
    conflict_option items[16];
    int n;
    /* dates(): the reference date argument, validated by the binding */
    const char *ref_date;
    size_t ref_date_len;
} conflict_options;

/* Parses `{"k": v, ...}`. Keys not in `allowed` (NULL-terminated) are an error
 * that names the key. fn names the caller in messages. */
conflict_status conflict_options_parse(const char *s, size_t n, const char *const *allowed,
                                       conflict_options *out, conflict_error *err);
const conflict_option *conflict_options_get(const conflict_options *o, const char *key);

/* ---- engine: per connection; one thread at a time (it memoizes look-ups) --- */

typedef struct conflict_engine conflict_engine;

conflict_status conflict_engine_new(const conflict_allocator *a, conflict_engine **out,
                                    conflict_error *err);
void conflict_engine_free(conflict_engine *e);

/* An extractor: fills `out` (initialised by the callee with its columns). */
typedef conflict_status (*conflict_extract_fn)(const conflict_engine *e, const char *s, size_t n,
                                               const conflict_options *opts,
                                               conflict_table *out, conflict_error *err);

typedef struct {
    const char *name;                 /* "places" */
    const char *const *cols;          /* output columns */
    int ncols;
    const char *const *option_keys;   /* allowed option keys, NULL-terminated */
    conflict_extract_fn extract;
    int takes_ref_date;               /* dates(text, ref_date [, options]) */
} conflict_extractor;

/* All extractors, NULL-terminated. */
extern const conflict_extractor *const conflict_extractors[];

/* ---- language ------------------------------------------------------------ */

/* ISO 639-1 code of the text ("fr", "en", "ar", ...; a static string), or NULL
 * when the text is too short or mixed. Looks at the first 16 KiB. */
const char *conflict_detect_lang(const char *s, size_t n);

/* ---- versions -------------------------------------------------------------- */

const char *conflict_version(void);
/* Writes "key=value" lines describing the build into out. */
void conflict_debug_info(const conflict_engine *e, conflict_buf *out);

#ifdef __cplusplus
}
#endif
#endif
