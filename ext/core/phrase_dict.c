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

conflict_status conflict_pd_text_init(conflict_pd_text *t, const char *s, size_t n,
                                      const conflict_allocator *a) {
    memset(t, 0, sizeof *t);
    t->s = s;
    t->n = n;
    t->a = a;
    conflict_status st = conflict_tokenize(s, n, a, &t->tok);
    if (st) return st;
    size_t nt = t->tok.n;
    /* folding never grows a token by more than 3x (ligatures, casefold) */
    size_t cap = 0;
    for (size_t i = 0; i < nt; i++) {
        size_t l = t->tok.v[i].len;
        cap += (l * 3 < CONFLICT_PD_MAXTOK ? l * 3 : CONFLICT_PD_MAXTOK) + 1;
    }
    t->fold = conflict_malloc(a, cap + 1);
    t->foff = conflict_malloc(a, (nt + 1) * sizeof *t->foff);
    t->flen = conflict_malloc(a, (nt + 1) * sizeof *t->flen);
    if (!t->fold || !t->foff || !t->flen) {
        conflict_pd_text_free(t);
        return CONFLICT_NOMEM;
    }
    size_t at = 0;
    for (size_t i = 0; i < nt; i++) {
        const conflict_token *k = &t->tok.v[i];
        size_t room = k->len * 3 < CONFLICT_PD_MAXTOK ? k->len * 3 : CONFLICT_PD_MAXTOK;
        size_t m = conflict_pd_fold(s + k->start, k->len, t->fold + at, room + 1);
        t->foff[i] = (uint32_t)at;
        t->flen[i] = (uint16_t)m;
        t->fold[at + m] = 0;
        at += m + 1;
    }
    return CONFLICT_OK;
}

void conflict_pd_text_free(conflict_pd_text *t) {
    conflict_tokens_free(&t->tok);
    conflict_free(t->a, t->fold);
    conflict_free(t->a, t->foff);
    conflict_free(t->a, t->flen);
    t->fold = NULL;
    t->foff = NULL;
    t->flen = NULL;
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
    for (size_t k = 0; k < CONFLICT_PD_MAXLEN && i + k < t->tok.n; k++) {
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
