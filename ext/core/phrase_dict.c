/* Phrase dictionaries: token folding and longest-match lookup (see phrase_dict.h). */
#include <string.h>
#include <utf8proc.h>

#include "phrase_dict.h"

uint32_t conflict_pd_hash(uint32_t h, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

size_t conflict_pd_fold(const char *s, size_t n, char *out, size_t cap) {
    size_t k = 0, i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
            if (k + 2 > cap) return 0;
            out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            continue;
        }
        uint32_t cp = conflict_utf8_next(s, n, &i);
        /* ligatures first: NFKC leaves them alone */
        const char *lig = NULL;
        switch (cp) {
            case 0x152: case 0x153: lig = "oe"; break;
            case 0xC6: case 0xE6: lig = "ae"; break;
            case 0xDF: lig = "ss"; break;
            default: break;
        }
        if (lig) {
            if (k + 3 > cap) return 0;
            out[k++] = lig[0];
            out[k++] = lig[1];
            continue;
        }
        utf8proc_int32_t dec[8];
        int last = 0;
        utf8proc_ssize_t m = utf8proc_decompose_char(
            (utf8proc_int32_t)cp, dec, 8,
            UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
                UTF8PROC_IGNORE,
            &last);
        if (m < 0 || m > 8) continue;
        for (utf8proc_ssize_t j = 0; j < m; j++) {
            utf8proc_uint8_t tmp[4];
            utf8proc_ssize_t w = utf8proc_encode_char(dec[j], tmp);
            if (k + (size_t)w + 1 > cap) return 0;
            memcpy(out + k, tmp, (size_t)w);
            k += (size_t)w;
        }
    }
    if (k < cap) out[k] = 0;
    return k;
}

/* For each byte: its class in bits 8-15 (1 lower, 2 upper, 4 digit: word
 * characters; 8 space; 16 non-ASCII; 32 ends a sentence: . ! ? : ; newline)
 * and its folded form in bits 0-7 (A-Z lower-cased). */
#define PD_CLS(c)                                                                         \
    ((c) >= 'a' && (c) <= 'z'   ? 1                                                       \
     : (c) >= 'A' && (c) <= 'Z' ? 2                                                       \
     : (c) >= '0' && (c) <= '9' ? 4                                                       \
     : (c) == '\n'              ? 8 | 32                                                  \
     : (c) == ' ' || ((c) >= '\t' && (c) <= '\r') ? 8                                     \
     : (c) >= 0x80                                 ? 16                                    \
     : (c) == '.' || (c) == '!' || (c) == '?' || (c) == ':' || (c) == ';' ? 32            \
                                                                           : 0)
#define PD_E(c) (uint16_t)(PD_CLS(c) << 8 | ((c) >= 'A' && (c) <= 'Z' ? (c) + 32 : (c)))
#define PD_R4(c) PD_E(c), PD_E((c) + 1), PD_E((c) + 2), PD_E((c) + 3)
#define PD_R16(c) PD_R4(c), PD_R4((c) + 4), PD_R4((c) + 8), PD_R4((c) + 12)
#define PD_R64(c) PD_R16(c), PD_R16((c) + 16), PD_R16((c) + 32), PD_R16((c) + 48)
static const uint16_t byte_info[256] = {PD_R64(0), PD_R64(64), PD_R64(128), PD_R64(192)};
#define byte_class(c) (byte_info[c] >> 8)

/* per-token arrays (offset, hash, length) in one block of cap entries */
static int alloc_side(conflict_pd_text *t, size_t cap, size_t n_old) {
    char *block = conflict_malloc(t->a, cap * (2 * sizeof(uint32_t) + sizeof(uint16_t)) + 1);
    if (!block) return 0;
    uint32_t *foff = (uint32_t *)(void *)block;
    uint32_t *fhash = (uint32_t *)(void *)(block + cap * sizeof(uint32_t));
    uint16_t *flen = (uint16_t *)(void *)(block + cap * 2 * sizeof(uint32_t));
    if (n_old) {
        memcpy(foff, t->foff, n_old * sizeof *foff);
        memcpy(fhash, t->fhash, n_old * sizeof *fhash);
        memcpy(flen, t->flen, n_old * sizeof *flen);
    }
    conflict_free(t->a, t->foff);
    t->foff = foff;
    t->fhash = fhash;
    t->flen = flen;
    return 1;
}

/* Pure ASCII text in one pass: the tokens of conflict_tokenize() (byte for
 * byte the same tokens, flags and separators, checked by test_actors), each
 * folded (lower-cased) and hashed as it is read. Returns CONFLICT_ERROR at
 * the first non-ASCII byte: the caller then takes the general path. */
static conflict_status init_ascii(conflict_pd_text *t) {
    const unsigned char *s = (const unsigned char *)t->s;
    size_t n = t->n;
    conflict_tokens *out = &t->tok;
    size_t cap = n / 4 + 16;
    out->cap = cap;
    out->v = conflict_malloc(out->a, cap * sizeof *out->v);
    /* the folded tokens and their NULs: at most n + (n + 1) / 2 bytes */
    t->fold = conflict_malloc(t->a, n + n / 2 + 2);
    if (!out->v || !t->fold || !alloc_side(t, cap, 0)) return CONFLICT_NOMEM;
    char *fold = t->fold;
    /* in locals: the byte stores below could alias the fields, which the
     * compiler would then reload for every token */
    conflict_token *v = out->v;
    uint32_t *fhash = t->fhash, *foff = t->foff;
    uint16_t *flen = t->flen;
    size_t at = 0, nt = 0;
    int sentence = 1;
    size_t i = 0;
    while (i < n) {
        unsigned x = byte_info[s[i]], k = x >> 8;
        if (k & 7) {
            size_t start = i;
            unsigned seen = 0; /* classes seen in the token */
            uint32_t h = CONFLICT_PD_HASH0;
            char *o = fold + at;
            do {
                *o++ = (char)x;
                h = (h ^ (x & 0xFF)) * 16777619u;
                seen |= x;
                i++;
            } while (i < n && ((x = byte_info[s[i]]) & 0x700));
            seen >>= 8;
            if (i < n && (x >> 8) == 16) return CONFLICT_ERROR;
            size_t len = i - start;
            uint32_t flags = sentence ? CONFLICT_TOK_SENTENCE : 0;
            sentence = 0;
            if (seen & 3) {
                flags |= CONFLICT_TOK_ALPHA;
                size_t j = start;
                while (byte_class(s[j]) == 4) j++; /* first letter */
                if (byte_class(s[j]) == 2) {
                    flags |= CONFLICT_TOK_UPPER;
                    /* two or more letters, no lower-case one */
                    if (!(seen & 1)) {
                        for (j++; j < i && byte_class(s[j]) != 2; j++) {
                        }
                        if (j < i) flags |= CONFLICT_TOK_ALLCAPS;
                    }
                }
            }
            if (seen & 4) flags |= CONFLICT_TOK_DIGIT;
            if (nt == cap) {
                size_t nc = cap * 2;
                conflict_token *nv = conflict_realloc(out->a, out->v, nc * sizeof *nv);
                if (!nv) return CONFLICT_NOMEM;
                out->v = v = nv;
                if (!alloc_side(t, nc, nt)) return CONFLICT_NOMEM;
                fhash = t->fhash;
                foff = t->foff;
                flen = t->flen;
                cap = out->cap = nc;
            }
            conflict_token *tk = &v[nt];
            tk->start = start;
            tk->len = len;
            tk->flags = flags;
            tk->next_sep = 0;
            size_t m = len <= CONFLICT_PD_MAXTOK ? len : 0;
            fhash[nt] = h;
            foff[nt] = (uint32_t)at;
            flen[nt] = (uint16_t)m;
            fold[at + m] = 0;
            at += len + 1;
            out->n = ++nt;
            continue;
        }
        if (k == 16) return CONFLICT_ERROR;
        unsigned char c = s[i];
        if (c == ' ') { /* the common separator: what the general case below does with it */
            if (nt && !v[nt - 1].next_sep) v[nt - 1].next_sep = ' ';
            i++;
            continue;
        }
        size_t sepat = i++;
        if (nt) {
            conflict_token *last = &v[nt - 1];
            if (last->start + last->len == sepat || last->next_sep == ' ' || !last->next_sep) {
                char sep = k & 8 ? ' ' : (c == '\'' || c == '`') ? '\'' : (char)c;
                if (!last->next_sep || (last->next_sep == ' ' && sep != ' ')) last->next_sep = sep;
            }
        }
        if (k & 32) sentence = 1; /* . ! ? : ; newline */
        if (c == '.' && nt) {
            const conflict_token *last = &v[nt - 1];
            if (last->start + last->len == sepat && last->len <= 3 &&
                (last->flags & CONFLICT_TOK_UPPER) && !(last->flags & CONFLICT_TOK_ALLCAPS))
                sentence = 0;
            if (i < n && s[i] >= '0' && s[i] <= '9') sentence = 0;
        }
    }
    return CONFLICT_OK;
}

conflict_status conflict_pd_text_init(conflict_pd_text *t, const char *s, size_t n,
                                      const conflict_allocator *a) {
    memset(t, 0, sizeof *t);
    t->s = s;
    t->n = n;
    t->a = a ? a : &conflict_default_allocator;
    t->tok.a = t->a;
    conflict_status st = init_ascii(t);
    if (st != CONFLICT_ERROR) {
        if (st) conflict_pd_text_free(t);
        return st;
    }
    /* not ASCII: the general tokenizer, then each token folded */
    conflict_pd_text_free(t);
    t->s = s;
    t->n = n;
    st = conflict_tokenize(s, n, t->a, &t->tok);
    if (st) return st;
    size_t nt = t->tok.n;
    /* folded tokens: never more than 3x a token, capped at CONFLICT_PD_MAXTOK, plus a NUL each */
    size_t cap = 0;
    for (size_t i = 0; i < nt; i++) {
        size_t l = t->tok.v[i].len;
        cap += (l * 3 < CONFLICT_PD_MAXTOK ? l * 3 : CONFLICT_PD_MAXTOK) + 1;
    }
    t->fold = conflict_malloc(t->a, cap + 1);
    if (!t->fold || !alloc_side(t, nt + 1, 0)) {
        conflict_pd_text_free(t);
        return CONFLICT_NOMEM;
    }
    size_t at = 0;
    for (size_t i = 0; i < nt; i++) {
        const conflict_token *k = &t->tok.v[i];
        size_t room = k->len * 3 < CONFLICT_PD_MAXTOK ? k->len * 3 : CONFLICT_PD_MAXTOK;
        size_t m = conflict_pd_fold(s + k->start, k->len, t->fold + at, room + 1);
        t->fhash[i] = conflict_pd_hash(CONFLICT_PD_HASH0, t->fold + at, m);
        t->foff[i] = (uint32_t)at;
        t->flen[i] = (uint16_t)m;
        t->fold[at + m] = 0;
        at += m + 1;
    }
    return CONFLICT_OK;
}

/* Folds the window's next token; 0 when it has no more. */
static int fold_next(conflict_pd_text *t) {
    size_t i = t->nfolded;
    if (i >= t->tok.n) return 0;
    size_t at = i ? t->foff[i - 1] + t->flen[i - 1] + 1u : 0;
    const conflict_token *v = &t->tok.v[i];
    size_t m = conflict_pd_fold(t->s + v->start, v->len, t->fold + at, CONFLICT_PD_MAXTOK + 1);
    t->fhash[i] = conflict_pd_hash(CONFLICT_PD_HASH0, t->fold + at, m);
    t->foff[i] = (uint32_t)at;
    t->flen[i] = (uint16_t)m;
    t->fold[at + m] = 0;
    t->nfolded = i + 1;
    return 1;
}

void conflict_pd_text_window(conflict_pd_text *t, const char *s, size_t n, const conflict_token *v,
                             size_t nt, conflict_pd_window *w) {
    memset(t, 0, sizeof *t);
    t->s = s;
    t->n = n;
    t->tok.v = (conflict_token *)v; /* read only: the view is never freed */
    t->tok.n = nt < CONFLICT_PD_MAXLEN ? nt : CONFLICT_PD_MAXLEN;
    t->fold = w->fold;
    t->foff = w->foff;
    t->flen = w->flen;
    t->fhash = w->fhash;
    fold_next(t); /* the first token: conflict_pd_may_start() reads its hash */
}

void conflict_pd_text_free(conflict_pd_text *t) {
    conflict_tokens_free(&t->tok);
    conflict_free(t->a, t->foff); /* the block also holds fhash and flen */
    conflict_free(t->a, t->fold);
    t->fold = NULL;
    t->foff = NULL;
    t->flen = NULL;
    t->fhash = NULL;
}

int conflict_pd_is(const conflict_pd_text *t, size_t i, const char *word) {
    return i < t->tok.n && strcmp(conflict_pd_tok(t, i), word) == 0;
}

static const conflict_pd_slot *probe(const conflict_pd *d, uint32_t h, const char *key,
                                     size_t n) {
    for (uint32_t j = h & d->mask;; j = (j + 1) & d->mask) {
        const conflict_pd_slot *sl = &d->slots[j];
        if (!sl->key) return NULL;
        if (sl->hash == h && memcmp(d->strings + sl->key, key, n) == 0 &&
            d->strings[sl->key + n] == 0)
            return sl;
    }
}

const conflict_pd_slot *conflict_pd_find(const conflict_pd *d, const char *key, size_t n) {
    const conflict_pd_slot *sl = probe(d, conflict_pd_hash(CONFLICT_PD_HASH0, key, n), key, n);
    return sl && sl->first >= 0 ? sl : NULL;
}

/* 1 when the alias fits the text at token i (case-sensitive aliases compare raw tokens) */
static int fits(const conflict_pd *d, const conflict_pd_alias *al, const conflict_pd_text *t,
                size_t i) {
    if (!(al->flags & CONFLICT_PD_CASE)) return 1;
    const char *r = d->strings + al->raw;
    for (size_t k = 0; k < al->ntok; k++) {
        const conflict_token *tk = &t->tok.v[i + k];
        size_t l = 0;
        while (r[l] && r[l] != ' ') l++;
        if (l != tk->len || memcmp(r, t->s + tk->start, l) != 0) return 0;
        r += l;
        if (*r == ' ') r++;
    }
    return 1;
}

/* walks keys from token i; calls back for each full key */
size_t conflict_pd_longest(const conflict_pd *d, conflict_pd_text *t, size_t i,
                           const conflict_pd_alias **alias) {
    char key[CONFLICT_PD_MAXLEN * (CONFLICT_PD_MAXTOK + 1)];
    size_t kl = 0, best = 0;
    uint32_t h = CONFLICT_PD_HASH0;
    *alias = NULL;
    /* the first token: its hash is precomputed, most tokens stop here */
    {
        size_t fl = i < t->tok.n ? t->flen[i] : 0;
        if (!fl) return 0;
        h = t->fhash[i];
        uint32_t bit = h & (CONFLICT_PD_FIRST_BITS - 1);
        if (!(d->first[bit >> 3] & (1u << (bit & 7)))) return 0;
        const conflict_pd_slot *sl = probe(d, h, conflict_pd_tok(t, i), fl);
        if (!sl) return 0;
        for (uint32_t a = 0; sl->first >= 0 && a < sl->count; a++) {
            const conflict_pd_alias *al = &d->aliases[sl->first + (int32_t)a];
            if (fits(d, al, t, i)) {
                best = 1;
                *alias = al;
                break;
            }
        }
        memcpy(key, conflict_pd_tok(t, i), fl);
        kl = fl;
    }
    for (size_t k = 1; k < CONFLICT_PD_MAXLEN && i + k < t->tok.n; k++) {
        if (t->nfolded && i + k >= t->nfolded && !fold_next(t)) break;
        size_t fl = t->flen[i + k];
        if (!fl) break;
        if (k) {
            if (!conflict_pd_joins(&t->tok.v[i + k - 1], &t->tok.v[i + k])) break;
            key[kl++] = ' ';
            h = conflict_pd_hash(h, " ", 1);
        }
        memcpy(key + kl, conflict_pd_tok(t, i + k), fl);
        h = conflict_pd_hash(h, key + kl, fl);
        kl += fl;
        const conflict_pd_slot *sl = probe(d, h, key, kl);
        if (!sl) break;
        if (sl->first >= 0) {
            for (uint32_t a = 0; a < sl->count; a++) {
                const conflict_pd_alias *al = &d->aliases[sl->first + (int32_t)a];
                if (fits(d, al, t, i)) {
                    best = k + 1;
                    *alias = al;
                    break;
                }
            }
        }
    }
    return best;
}

size_t conflict_pd_aliases_at(const conflict_pd *d, const conflict_pd_text *t, size_t i,
                              size_t len, const conflict_pd_alias **out, size_t max) {
    char key[CONFLICT_PD_MAXLEN * (CONFLICT_PD_MAXTOK + 1)];
    size_t kl = 0, m = 0;
    if (len == 0 || len > CONFLICT_PD_MAXLEN || i + len > t->tok.n) return 0;
    for (size_t k = 0; k < len; k++) {
        if (k) key[kl++] = ' ';
        memcpy(key + kl, conflict_pd_tok(t, i + k), t->flen[i + k]);
        kl += t->flen[i + k];
    }
    const conflict_pd_slot *sl = conflict_pd_find(d, key, kl);
    if (!sl) return 0;
    for (uint32_t a = 0; a < sl->count && m < max; a++) {
        const conflict_pd_alias *al = &d->aliases[sl->first + (int32_t)a];
        if (fits(d, al, t, i)) out[m++] = al;
    }
    return m;
}
