/* Full-text tokens for the FTS5 tokenizer `conflict` (see fts_tokens.h). */
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#include "fts_tokens.h"
#include "internal.h"

void conflict_fts_config_default(conflict_fts_config *c) {
    c->remove_diacritics = 1;
    c->keys = 1;
    c->places = 1;
    c->actors = 1;
}

conflict_status conflict_fts_config_set(conflict_fts_config *c, const char *key,
                                        const char *value, conflict_error *err) {
    int *slot = NULL;
    if (!strcmp(key, "remove_diacritics")) slot = &c->remove_diacritics;
    else if (!strcmp(key, "keys")) slot = &c->keys;
    else if (!strcmp(key, "places")) slot = &c->places;
    else if (!strcmp(key, "actors")) slot = &c->actors;
    if (!slot)
        return conflict_set_error(err, CONFLICT_BAD_OPTIONS, "unknown option \"%.40s\"", key);
    if (value && (!strcmp(value, "0") || !strcmp(value, "1"))) {
        *slot = value[0] == '1';
        return CONFLICT_OK;
    }
    return conflict_set_error(err, CONFLICT_BAD_OPTIONS, "option \"%s\" must be 0 or 1, got \"%.40s\"",
                              key, value ? value : "");
}

/* ---- words: conflict_tokenize tokens, rejoined across name-internal apostrophes ---- */

typedef struct {
    size_t start, end;
    int article; /* Arabic article form before a hyphen (an-Nu'man, ad-Dana) or al/el */
    int alpha;
    int name; /* capitalized, all-caps or non-Latin: gets a name key */
} word;

static int lower_eq(const char *s, size_t n, const char *w) {
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (!w[i] || c != w[i]) return 0;
    }
    return w[n] == 0;
}

/* lists are short ASCII words: only 1..6-byte ASCII words are looked up */
static int in_list(const char *s, size_t n, const char *const *list) {
    if (n == 0 || n > 6 || (unsigned char)s[0] >= 0x80) return 0;
    char c0 = s[0] >= 'A' && s[0] <= 'Z' ? (char)(s[0] + 32) : s[0];
    for (; *list; list++)
        if ((*list)[0] == c0 && lower_eq(s, n, *list)) return 1;
    return 0;
}

/* French elisions (l'armée, d'Idleb, qu'il) and English clitics (Syria's, don't)
 * keep the apostrophe as a word break; anywhere else (Ma'arrat, Nu'man, Sana'a)
 * the apostrophe stands for an ayn or a hamza inside one name. */
static const char *const elisions[] = {"l",     "d",      "j",      "m",      "n",      "s",
                                       "t",     "c",      "qu",     "jusqu",  "lorsqu", "puisqu",
                                       "quoiqu", "presqu", NULL};
static const char *const clitics[] = {"s", "t", "re", "ve", "ll", "d", "m", NULL};
/* Arabic definite article as romanized before a hyphen (assimilated forms included) */
static const char *const articles[] = {"al", "el", "ul", "an", "ar", "as", "ash", "at", "ath",
                                       "ad", "adh", "az", "ez", "es", "er", "ed", "en", "et",
                                       "ech", "esh", "ej", "aj", "ag", "ak", NULL};

static conflict_status make_words(const char *s, size_t n, const conflict_allocator *a, word **out,
                                  size_t *nout) {
    conflict_tokens t;
    conflict_status st = conflict_tokenize(s, n, a, &t);
    if (st) return st;
    word *w = t.n ? conflict_malloc(a, t.n * sizeof *w) : NULL;
    if (t.n && !w) {
        conflict_tokens_free(&t);
        return CONFLICT_NOMEM;
    }
    size_t k = 0;
    for (size_t i = 0; i < t.n; i++) {
        size_t start = t.v[i].start;
        uint32_t flags = t.v[i].flags;
        /* join "Ma" ' "arrat": one apostrophe code point between two letter runs */
        while (t.v[i].next_sep == '\'' && i + 1 < t.n && (t.v[i].flags & CONFLICT_TOK_ALPHA)) {
            const conflict_token *cur = &t.v[i], *nx = &t.v[i + 1];
            size_t j = cur->start + cur->len;
            (void)conflict_utf8_next(s, n, &j);
            if (j != nx->start || !(nx->flags & CONFLICT_TOK_ALPHA)) break;
            if (in_list(s + cur->start, cur->len, elisions) ||
                in_list(s + nx->start, nx->len, clitics))
                break;
            i++;
            flags |= nx->flags;
        }
        const conflict_token *last = &t.v[i];
        w[k].start = start;
        w[k].end = last->start + last->len;
        w[k].alpha = (flags & CONFLICT_TOK_ALPHA) != 0;
        /* names get keys; acronyms (HTS, OSDH) are not transliterations and keep their letters */
        w[k].name = w[k].alpha && (flags & (CONFLICT_TOK_UPPER | CONFLICT_TOK_NONLATIN)) != 0 &&
                    (!(flags & CONFLICT_TOK_ALLCAPS) || (flags & CONFLICT_TOK_NONLATIN));
        w[k].article = 0;
        size_t len = w[k].end - start;
        if (in_list(s + start, len, articles)) {
            if (last->next_sep == '-' && i + 1 < t.n) w[k].article = 1;
            else if (lower_eq(s + start, len, "al") || lower_eq(s + start, len, "el"))
                w[k].article = 1;
        }
        k++;
    }
    conflict_tokens_free(&t);
    *out = w;
    *nout = k;
    return CONFLICT_OK;
}

/* ---- folding ------------------------------------------------------------------ */

#define CASE_OPTIONS                                                                     \
    (UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |          \
     UTF8PROC_IGNORE | UTF8PROC_LUMP | UTF8PROC_STRIPCC)

/* NFKC + case fold, marks kept (remove_diacritics=0). */
static conflict_status casefold(const char *s, size_t n, conflict_buf *out) {
    size_t i = 0;
    while (i < n && (unsigned char)s[i] < 0x80) i++;
    if (i == n) {
        for (i = 0; i < n; i++) {
            char c = s[i];
            conflict_buf_putc(out, c >= 'A' && c <= 'Z' ? (char)(c + 32) : c);
        }
        return out->failed ? (conflict_status)out->failed : CONFLICT_OK;
    }
    utf8proc_ssize_t cap = (utf8proc_ssize_t)n * 2 + 8, len;
    utf8proc_int32_t *buf = NULL;
    for (;;) {
        utf8proc_int32_t *nb = conflict_realloc(out->a, buf, (size_t)cap * sizeof *buf);
        if (!nb) {
            conflict_free(out->a, buf);
            return CONFLICT_NOMEM;
        }
        buf = nb;
        len = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, buf, cap,
                                 CASE_OPTIONS);
        if (len < 0 || len <= cap) break;
        cap = len;
    }
    if (len >= 0) len = utf8proc_normalize_utf32(buf, len, CASE_OPTIONS);
    for (utf8proc_ssize_t k = 0; k < len; k++) {
        utf8proc_uint8_t tmp[4];
        utf8proc_ssize_t m = utf8proc_encode_char(buf[k], tmp);
        conflict_buf_put(out, (const char *)tmp, (size_t)m);
    }
    conflict_free(out->a, buf);
    if (len < 0) return CONFLICT_ERROR;
    return out->failed ? (conflict_status)out->failed : CONFLICT_OK;
}

/* normalize_name() of U+00C0..U+017F when it is plain ASCII letters, else NULL
 * (generated from normalize_name itself, so the fast path agrees with it) */
static const char *const latin_fold[0x180 - 0xC0] = {
    "a", "a", "a", "a", "a", "a", NULL, "c", "e", "e", "e", "e",
    "i", "i", "i", "i", NULL, "n", "o", "o", "o", "o", "o", NULL,
    NULL, "u", "u", "u", "u", "y", NULL, "ss", "a", "a", "a", "a",
    "a", "a", NULL, "c", "e", "e", "e", "e", "i", "i", "i", "i",
    NULL, "n", "o", "o", "o", "o", "o", NULL, NULL, "u", "u", "u",
    "u", "y", NULL, "y", "a", "a", "a", "a", "a", "a", "c", "c",
    "c", "c", "c", "c", "c", "c", "d", "d", NULL, NULL, "e", "e",
    "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
    "g", "g", "g", "g", "h", "h", NULL, NULL, "i", "i", "i", "i",
    "i", "i", "i", "i", "i", NULL, "ij", "ij", "j", "j", "k", "k",
    NULL, "l", "l", "l", "l", "l", "l", NULL, NULL, NULL, NULL, "n",
    "n", "n", "n", "n", "n", NULL, NULL, NULL, "o", "o", "o", "o",
    "o", "o", NULL, NULL, "r", "r", "r", "r", "r", "r", "s", "s",
    "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", NULL, NULL,
    "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u",
    "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};

/* normalize_name for words of ASCII and precomposed Latin-1/Extended-A letters
 * (most French and English text) without utf8proc; 0 = take the slow path. */
static int fold_fast(const char *s, size_t n, conflict_buf *out) {
    size_t from = out->len;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (c != '\'') conflict_buf_putc(out, c >= 'A' && c <= 'Z' ? (char)(c + 32) : (char)c);
            i++;
            continue;
        }
        if (c >= 0xC3 && c <= 0xC5 && i + 1 < n) {
            unsigned cp = ((c & 0x1Fu) << 6) | ((unsigned char)s[i + 1] & 0x3Fu);
            if (cp >= 0xC0 && cp < 0x180 && latin_fold[cp - 0xC0]) {
                conflict_buf_puts(out, latin_fold[cp - 0xC0]);
                i += 2;
                continue;
            }
        }
        out->len = from;
        return 0;
    }
    return 1;
}

/* Appends the folded word to out, apostrophes and spaces dropped. */
static conflict_status fold_word(const conflict_fts_config *c, const char *s, size_t n,
                                 conflict_buf *out, conflict_error *err) {
    size_t from = out->len;
    if (c->remove_diacritics && fold_fast(s, n, out))
        return out->failed ? (conflict_status)out->failed : CONFLICT_OK;
    conflict_status st =
        c->remove_diacritics ? conflict_normalize_name(s, n, out, err) : casefold(s, n, out);
    if (st) return st;
    size_t k = from;
    for (size_t i = from; i < out->len; i++)
        if (out->p[i] != '\'' && out->p[i] != ' ') out->p[k++] = out->p[i];
    out->len = k;
    return CONFLICT_OK;
}

/* ---- the token stream ------------------------------------------------------- */

static int push(conflict_fts_tokens *t, size_t start, size_t end, size_t off, size_t len,
                int colocated) {
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        conflict_fts_token *v = conflict_realloc(t->a, t->v, cap * sizeof *v);
        if (!v) return 0;
        t->v = v;
        t->cap = cap;
    }
    conflict_fts_token *k = &t->v[t->n++];
    k->start = start;
    k->end = end;
    k->off = off;
    k->len = len;
    k->colocated = colocated;
    return 1;
}

/* Appends the text of [from, text.len) as one token unless it repeats a token
 * already at this position (from pos_first on). Returns 0 on OOM. */
static int emit(conflict_fts_tokens *t, size_t pos_first, size_t from, size_t start, size_t end) {
    size_t len = t->text.len - from;
    if (t->text.failed) return 0;
    if (!len) return 1;
    for (size_t i = pos_first; i < t->n; i++) {
        if (t->v[i].len == len && !memcmp(t->text.p + t->v[i].off, t->text.p + from, len)) {
            t->text.len = from; /* duplicate: drop the text */
            return 1;
        }
    }
    return push(t, start, end, from, len, t->n > pos_first);
}

/* A canonical id from an extractor's row: places "#p<geonameid>" (else
 * "#p<name key>_<country>"), actors "#a<name key>". */
typedef struct {
    size_t start, end; /* bytes */
    size_t off, len;   /* id text in ids buffer */
} mention;

typedef struct {
    mention *v;
    size_t n, cap;
    conflict_buf ids;
} mentions;

static int col_index(const conflict_extractor *x, const char *name) {
    for (int i = 0; i < x->ncols; i++)
        if (!strcmp(x->cols[i], name)) return i;
    return -1;
}

static void put_key_token(conflict_buf *b, const char *s, size_t n) {
    size_t from = b->len;
    conflict_error err = {0};
    if (conflict_name_key(s, n, b, &err)) {
        b->len = from;
        conflict_normalize_name(s, n, b, &err);
    }
    for (size_t i = from; i < b->len; i++)
        if (b->p[i] == ' ') b->p[i] = '_';
}

/* Runs extractor `xname` over prefix + s and records its mentions inside s.
 * A query is read with the prefix "in " so that a lone name ("Alep") is a
 * mention in context rather than the first word of a sentence. */
static conflict_status add_mentions(const conflict_engine *e, const char *xname, char tag,
                                    const char *s0, size_t n0, const char *prefix, mentions *m,
                                    conflict_error *err) {
    size_t plen = prefix ? strlen(prefix) : 0;
    char *joined = NULL;
    const char *s = s0;
    size_t n = n0;
    if (plen) {
        joined = conflict_malloc(m->ids.a, plen + n0 + 1);
        if (!joined) return CONFLICT_NOMEM;
        memcpy(joined, prefix, plen);
        memcpy(joined + plen, s0, n0);
        joined[plen + n0] = 0;
        s = joined;
        n = plen + n0;
    }
    conflict_status st = CONFLICT_OK;
    const conflict_extractor *x = NULL;
    for (const conflict_extractor *const *p = conflict_extractors; *p; p++)
        if (!strcmp((*p)->name, xname)) x = *p;
    if (!x || !x->extract) goto out; /* not built in: no ids */
    int c_name = col_index(x, "name"), c_gid = col_index(x, "geonameid");
    int c_cc = col_index(x, "country");
    conflict_options o;
    memset(&o, 0, sizeof o);
    conflict_table t;
    conflict_table_init(&t, m->ids.a, x->cols, x->ncols);
    st = x->extract(e, s, n, &o, &t, err);
    if (st) {
        conflict_table_free(&t);
        goto out;
    }
    /* rows carry 1-based character positions, in text order: walk bytes once */
    size_t ch = 1, by = 0;
    for (size_t r = 0; r < t.nrows; r++) {
        const conflict_cell *cs = conflict_table_cell(&t, r, 1), *cl = conflict_table_cell(&t, r, 2);
        if (cs->type != CONFLICT_T_INT || cl->type != CONFLICT_T_INT || cs->v.i < 1) continue;
        size_t want = (size_t)cs->v.i;
        if (want < ch) ch = 1, by = 0;
        while (ch < want && by < n) conflict_utf8_next(s, n, &by), ch++;
        size_t start = by, end = by, c2 = ch;
        while (c2 < want + (size_t)cl->v.i && end < n) conflict_utf8_next(s, n, &end), c2++;
        if (start < plen) continue; /* inside the prefix */
        size_t from = m->ids.len;
        conflict_buf_putc(&m->ids, '#');
        conflict_buf_putc(&m->ids, tag);
        const conflict_cell *g = c_gid >= 0 ? conflict_table_cell(&t, r, c_gid) : NULL;
        const conflict_cell *nm = c_name >= 0 ? conflict_table_cell(&t, r, c_name) : NULL;
        if (g && g->type == CONFLICT_T_INT) {
            char num[32];
            snprintf(num, sizeof num, "%lld", (long long)g->v.i);
            conflict_buf_puts(&m->ids, num);
        } else if (g && g->type == CONFLICT_T_TEXT && g->v.t.n) {
            conflict_buf_put(&m->ids, g->v.t.s, g->v.t.n);
        } else {
            if (nm && nm->type == CONFLICT_T_TEXT) put_key_token(&m->ids, nm->v.t.s, nm->v.t.n);
            else put_key_token(&m->ids, s + start, end - start);
            const conflict_cell *cc = c_cc >= 0 ? conflict_table_cell(&t, r, c_cc) : NULL;
            if (tag == 'p' && cc && cc->type == CONFLICT_T_TEXT) {
                conflict_buf_putc(&m->ids, '_');
                for (size_t i = 0; i < cc->v.t.n; i++) {
                    char c = cc->v.t.s[i];
                    conflict_buf_putc(&m->ids, c >= 'A' && c <= 'Z' ? (char)(c + 32) : c);
                }
            }
        }
        if (m->ids.failed) break;
        if (m->n == m->cap) {
            size_t cap = m->cap ? m->cap * 2 : 16;
            mention *v = conflict_realloc(m->ids.a, m->v, cap * sizeof *v);
            if (!v) {
                st = CONFLICT_NOMEM;
                break;
            }
            m->v = v;
            m->cap = cap;
        }
        m->v[m->n].start = start - plen;
        m->v[m->n].end = end - plen;
        m->v[m->n].off = from;
        m->v[m->n].len = m->ids.len - from;
        m->n++;
    }
    conflict_table_free(&t);
    if (!st && m->ids.failed) st = (conflict_status)m->ids.failed;
out:
    conflict_free(m->ids.a, joined);
    return st;
}

/* The key token of word w: "~" + name_key (the "~" keeps keys apart from
 * plain words, so the key "sr" of Syria never matches a word "sr"); Arabic
 * article forms before a hyphen (an-, ad-, ez-) and al/el all key as "~al".
 * Nothing is written for a key under two letters. */
static conflict_status word_key(const char *s, const word *w, conflict_buf *b,
                                conflict_error *err) {
    size_t from = b->len;
    conflict_buf_putc(b, '~');
    if (w->article) return conflict_buf_puts(b, "al") ? CONFLICT_OK : CONFLICT_NOMEM;
    conflict_status st = conflict_name_key(s + w->start, w->end - w->start, b, err);
    if (st) {
        b->len = from;
        return st;
    }
    size_t k = from + 1;
    for (size_t i = from + 1; i < b->len; i++)
        if (b->p[i] != '\'' && b->p[i] != ' ') b->p[k++] = b->p[i];
    b->len = k - from < 3 ? from : k;
    return CONFLICT_OK;
}

/* Reserves cap bytes in an empty buffer. */
static int presize(conflict_buf *b, size_t cap) {
    char *p = conflict_realloc(b->a, b->p, cap);
    if (!p) return 0;
    b->p = p;
    b->cap = cap;
    return 1;
}

conflict_status conflict_fts_tokenize(const conflict_engine *e, const conflict_fts_config *c,
                                      int mode, const char *s, size_t n, conflict_fts_tokens *out,
                                      conflict_error *err) {
    const conflict_allocator *a = e ? e->a : &conflict_default_allocator;
    memset(out, 0, sizeof *out);
    out->a = a;
    conflict_buf_init(&out->text, a, 0);
    /* one allocation each for most texts: folded words + keys fit in 2n */
    if (!presize(&out->text, 2 * n + 64)) return CONFLICT_NOMEM;
    int query = (mode & CONFLICT_FTS_QUERY) != 0, prefix = (mode & CONFLICT_FTS_PREFIX) != 0;

    word *w = NULL;
    size_t nw = 0;
    mentions m;
    memset(&m, 0, sizeof m);
    conflict_buf_init(&m.ids, a, 0);
    conflict_status st = make_words(s, n, a, &w, &nw);
    if (st) goto done;
    if (e && !prefix && nw) {
        if (c->places) st = add_mentions(e, "places", 'p', s, n, query ? "in " : NULL, &m, err);
        if (!st && c->actors) st = add_mentions(e, "actors", 'a', s, n, NULL, &m, err);
        if (st) goto done;
        /* places then actors: into text order for the walk below (stable: ids keep their order) */
        for (size_t i = 1; i < m.n; i++) {
            mention x = m.v[i];
            size_t j = i;
            while (j > 0 && m.v[j - 1].start > x.start) m.v[j] = m.v[j - 1], j--;
            m.v[j] = x;
        }
    }

    /* a one-word query that is a whole name (Alep, HTS): its canonical ids, its
     * spelling and its key are alternatives at one position. A longer name stays
     * a phrase of keys (with the id on its first word): it then still matches
     * mentions that the extractors did not resolve in the document. */
    if (query && m.n && nw == 1) {
        size_t pos_first = out->n;
        for (size_t i = 0; i < m.n; i++) {
            if (m.v[i].start > w[0].start || m.v[i].end < w[nw - 1].end) continue;
            size_t from = out->text.len;
            conflict_buf_put(&out->text, m.ids.p + m.v[i].off, m.v[i].len);
            if (!emit(out, pos_first, from, w[0].start, w[nw - 1].end)) goto oom;
        }
        if (out->n > pos_first) {
            /* its own spelling stays an alternative */
            size_t from = out->text.len;
            st = fold_word(c, s + w[0].start, w[0].end - w[0].start, &out->text, err);
            if (st) goto done;
            if (!emit(out, pos_first, from, w[0].start, w[0].end)) goto oom;
            if (c->keys && w[0].name) {
                from = out->text.len;
                st = word_key(s, &w[0], &out->text, err);
                if (st) goto done;
                if (!emit(out, pos_first, from, w[0].start, w[0].end)) goto oom;
            }
        }
        if (out->n > pos_first) goto done;
    }

    size_t mi = 0, pending_from = 0; /* mentions whose first word was empty carry over */
    int pending = 0;
    for (size_t i = 0; i < nw; i++) {
        size_t ws = w[i].start, we = w[i].end, pos_first = out->n;
        int last_prefix = prefix && i + 1 == nw;
        size_t from = out->text.len;
        st = fold_word(c, s + ws, we - ws, &out->text, err);
        if (st) goto done;
        if (out->text.len == from) { /* nothing left after folding: no position */
            if (mi < m.n && m.v[mi].start < we) pending = 1, pending_from = mi;
            while (mi < m.n && m.v[mi].start < we) mi++;
            continue;
        }
        if (!emit(out, pos_first, from, ws, we)) goto oom;
        if (c->keys && (w[i].name || w[i].article) && !last_prefix) {
            from = out->text.len;
            st = word_key(s, &w[i], &out->text, err);
            if (st) goto done;
            if (!emit(out, pos_first, from, ws, we)) goto oom;
        }
        size_t first = pending ? pending_from : mi;
        while (mi < m.n && m.v[mi].start < we) mi++;
        for (size_t k = first; k < mi && !last_prefix; k++) {
            from = out->text.len;
            conflict_buf_put(&out->text, m.ids.p + m.v[k].off, m.v[k].len);
            if (!emit(out, pos_first, from, ws, we)) goto oom;
        }
        pending = 0;
    }
    goto done;
oom:
    st = CONFLICT_NOMEM;
done:
    conflict_free(a, w);
    conflict_free(a, m.v);
    conflict_buf_free(&m.ids);
    if (!st && out->text.failed) st = (conflict_status)out->text.failed;
    if (st) conflict_fts_tokens_free(out);
    return st;
}

void conflict_fts_tokens_free(conflict_fts_tokens *t) {
    if (!t) return;
    conflict_free(t->a, t->v);
    conflict_buf_free(&t->text);
    t->v = NULL;
    t->n = t->cap = 0;
}
