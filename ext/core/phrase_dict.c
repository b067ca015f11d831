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

static int all_ascii(const char *s, size_t n) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ull) return 0;
    }
    for (; i < n; i++)
        if ((unsigned char)s[i] & 0x80) return 0;
    return 1;
}

/* ASCII classes: 1 lower, 2 upper, 4 digit (word characters), 8 space */
static const uint8_t ascii_class[128] = {
    ['\t'] = 8, ['\n'] = 8, ['\v'] = 8, ['\f'] = 8, ['\r'] = 8, [' '] = 8,
    ['0'] = 4, ['1'] = 4, ['2'] = 4, ['3'] = 4, ['4'] = 4, ['5'] = 4, ['6'] = 4, ['7'] = 4,
    ['8'] = 4, ['9'] = 4,
    ['A'] = 2, ['B'] = 2, ['C'] = 2, ['D'] = 2, ['E'] = 2, ['F'] = 2, ['G'] = 2, ['H'] = 2,
    ['I'] = 2, ['J'] = 2, ['K'] = 2, ['L'] = 2, ['M'] = 2, ['N'] = 2, ['O'] = 2, ['P'] = 2,
    ['Q'] = 2, ['R'] = 2, ['S'] = 2, ['T'] = 2, ['U'] = 2, ['V'] = 2, ['W'] = 2, ['X'] = 2,
    ['Y'] = 2, ['Z'] = 2,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
    ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
    ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1};

/* conflict_tokenize() for pure ASCII text, byte for byte the same tokens,
 * flags and separators, without decoding or Unicode lookups. */
static conflict_status tokenize_ascii(const char *s, size_t n, const conflict_allocator *a,
                                      conflict_tokens *out) {
    memset(out, 0, sizeof *out);
    out->a = a ? a : &conflict_default_allocator;
    out->cap = n / 6 + 16;
    out->v = conflict_malloc(out->a, out->cap * sizeof *out->v);
    if (!out->v) return CONFLICT_NOMEM;
    int sentence = 1;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (ascii_class[c] & 7) {
            conflict_token cur = {0};
            cur.start = i;
            if (sentence) cur.flags |= CONFLICT_TOK_SENTENCE;
            sentence = 0;
            int letters = 0, uppers = 0, first = 0;
            while (i < n) {
                int k = ascii_class[(unsigned char)s[i]];
                if (!(k & 7)) break;
                if (k & 3) {
                    letters++;
                    uppers += k >> 1;
                    if (!first && (k & 2)) cur.flags |= CONFLICT_TOK_UPPER;
                    first = 1;
                } else {
                    cur.flags |= CONFLICT_TOK_DIGIT;
                }
                i++;
            }
            if (letters) cur.flags |= CONFLICT_TOK_ALPHA;
            cur.len = i - cur.start;
            if (letters >= 2 && uppers == letters) cur.flags |= CONFLICT_TOK_ALLCAPS;
            if (out->n == out->cap) {
                size_t cap = out->cap * 2;
                conflict_token *v = conflict_realloc(out->a, out->v, cap * sizeof *v);
                if (!v) {
                    conflict_tokens_free(out);
                    return CONFLICT_NOMEM;
                }
                out->v = v;
                out->cap = cap;
            }
            out->v[out->n++] = cur;
            continue;
        }
        size_t at = i++;
        int space = ascii_class[c] == 8;
        if (out->n) {
            conflict_token *last = &out->v[out->n - 1];
            if (last->start + last->len == at || last->next_sep == ' ' || !last->next_sep) {
                char sep = space ? ' ' : (c == '\'' || c == '`') ? '\'' : (char)c;
                if (!last->next_sep || (last->next_sep == ' ' && sep != ' ')) last->next_sep = sep;
            }
        }
        if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == ';') sentence = 1;
        if (c == '.' && out->n) {
            const conflict_token *last = &out->v[out->n - 1];
            if (last->start + last->len == at && last->len <= 3 &&
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
    t->a = a;
    int ascii = all_ascii(s, n);
    conflict_status st = ascii ? tokenize_ascii(s, n, a, &t->tok) : conflict_tokenize(s, n, a, &t->tok);
    if (st) return st;
    size_t nt = t->tok.n;
    /* one block: offsets, lengths, then the folded tokens (never more than
     * 3x a token, capped at CONFLICT_PD_MAXTOK, plus a NUL each) */
    size_t cap = 0;
    if (ascii) {
        cap = n + nt + 1;
    } else {
        for (size_t i = 0; i < nt; i++) {
            size_t l = t->tok.v[i].len;
            cap += (l * 3 < CONFLICT_PD_MAXTOK ? l * 3 : CONFLICT_PD_MAXTOK) + 1;
        }
    }
    size_t head = (nt + 1) * (2 * sizeof(uint32_t) + sizeof(uint16_t));
    char *block = conflict_malloc(a, head + cap + 1);
    if (!block) {
        conflict_pd_text_free(t);
        return CONFLICT_NOMEM;
    }
    t->foff = (uint32_t *)(void *)block;
    t->fhash = (uint32_t *)(void *)(block + (nt + 1) * sizeof(uint32_t));
    t->flen = (uint16_t *)(void *)(block + (nt + 1) * 2 * sizeof(uint32_t));
    t->fold = block + head;
    size_t at = 0;
    for (size_t i = 0; i < nt; i++) {
        const conflict_token *k = &t->tok.v[i];
        size_t m;
        if (ascii) {
            const unsigned char *p = (const unsigned char *)s + k->start;
            char *o = t->fold + at;
            uint32_t h = CONFLICT_PD_HASH0;
            for (size_t j = 0; j < k->len; j++) {
                unsigned char c = p[j];
                c = (unsigned char)(ascii_class[c] == 2 ? c + 32 : c);
                o[j] = (char)c;
                h = (h ^ c) * 16777619u;
            }
            m = k->len <= CONFLICT_PD_MAXTOK ? k->len : 0;
            t->fhash[i] = h;
            t->foff[i] = (uint32_t)at;
            t->flen[i] = (uint16_t)m;
            o[m] = 0;
            at += k->len + 1;
            continue;
        }
        size_t room = k->len * 3 < CONFLICT_PD_MAXTOK ? k->len * 3 : CONFLICT_PD_MAXTOK;
        m = conflict_pd_fold(s + k->start, k->len, t->fold + at, room + 1);
        t->fhash[i] = conflict_pd_hash(CONFLICT_PD_HASH0, t->fold + at, m);
        t->foff[i] = (uint32_t)at;
        t->flen[i] = (uint16_t)m;
        t->fold[at + m] = 0;
        at += m + 1;
    }
    return CONFLICT_OK;
}

void conflict_pd_text_free(conflict_pd_text *t) {
    conflict_tokens_free(&t->tok);
    conflict_free(t->a, t->foff); /* the block also holds flen and fold */
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
size_t conflict_pd_longest(const conflict_pd *d, const conflict_pd_text *t, size_t i,
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
        size_t fl = t->flen[i + k];
        if (!fl) break;
        if (k) {
            /* phrases do not cross sentence ends or most punctuation */
            char sep = t->tok.v[i + k - 1].next_sep;
            if (t->tok.v[i + k].flags & CONFLICT_TOK_SENTENCE) break;
            if (sep != ' ' && sep != '-' && sep != '\'' && sep != '"' && (unsigned char)sep < 0x80)
                break;
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
