/* Growable byte buffer with a length limit, and a compact JSON writer on top. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "conflict.h"

void conflict_buf_init(conflict_buf *b, const conflict_allocator *a, size_t limit) {
    memset(b, 0, sizeof *b);
    b->a = a ? a : &conflict_default_allocator;
    b->limit = limit ? limit : (size_t)-1;
}

void conflict_buf_free(conflict_buf *b) {
    conflict_free(b->a, b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

void conflict_buf_reset(conflict_buf *b) {
    b->len = 0;
    b->failed = 0;
    b->comma = 0;
    b->depth = 0;
}

static int grow(conflict_buf *b, size_t extra) {
    if (b->failed) return 0;
    if (extra > b->limit || b->len > b->limit - extra) {
        b->failed = CONFLICT_TOOBIG;
        return 0;
    }
    size_t need = b->len + extra + 1; /* room for a NUL */
    if (need <= b->cap) return 1;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need) cap = cap > ((size_t)-1) / 2 ? need : cap * 2;
    char *p = conflict_realloc(b->a, b->p, cap);
    if (!p) {
        b->failed = CONFLICT_NOMEM;
        return 0;
    }
    b->p = p;
    b->cap = cap;
    return 1;
}

int conflict_buf_put(conflict_buf *b, const char *s, size_t n) {
    if (!grow(b, n)) return 0;
    if (n) memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
    return 1;
}

int conflict_buf_putc(conflict_buf *b, char c) { return conflict_buf_put(b, &c, 1); }
int conflict_buf_puts(conflict_buf *b, const char *s) { return conflict_buf_put(b, s, strlen(s)); }

char *conflict_buf_detach(conflict_buf *b, size_t *n) {
    if (b->failed || !grow(b, 0)) return NULL;
    char *p = b->p;
    p[b->len] = 0;
    if (n) *n = b->len;
    b->p = NULL;
    b->len = b->cap = 0;
    return p;
}

/* ---- JSON ---------------------------------------------------------------- */
/* b->comma bit d (1..63): the container at depth d already holds an element.
 * Bit 0: a key was just written, so its value takes no separator. */

static void sep(conflict_buf *b) {
    if (b->comma & 1) {
        b->comma &= ~(uint64_t)1;
        return;
    }
    if (b->depth <= 0 || b->depth > 63) return;
    uint64_t bit = (uint64_t)1 << b->depth;
    if (b->comma & bit) conflict_buf_putc(b, ',');
    b->comma |= bit;
}

void conflict_json_open(conflict_buf *b, char bracket) {
    sep(b);
    conflict_buf_putc(b, bracket);
    b->depth++;
    if (b->depth <= 63) b->comma &= ~((uint64_t)1 << b->depth);
}

void conflict_json_close(conflict_buf *b, char bracket) {
    conflict_buf_putc(b, bracket);
    b->depth--;
}

static void put_escaped(conflict_buf *b, const char *s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    conflict_buf_putc(b, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        conflict_buf_put(b, s + run, i - run);
        run = i + 1;
        char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        switch (c) {
            case '"': conflict_buf_put(b, "\\\"", 2); break;
            case '\\': conflict_buf_put(b, "\\\\", 2); break;
            case '\n': conflict_buf_put(b, "\\n", 2); break;
            case '\r': conflict_buf_put(b, "\\r", 2); break;
            case '\t': conflict_buf_put(b, "\\t", 2); break;
            default: conflict_buf_put(b, esc, 6);
        }
    }
    conflict_buf_put(b, s + run, n - run);
    conflict_buf_putc(b, '"');
}

void conflict_json_key(conflict_buf *b, const char *key) {
    sep(b);
    put_escaped(b, key, strlen(key));
    conflict_buf_putc(b, ':');
    b->comma |= 1;
}

void conflict_json_str(conflict_buf *b, const char *s, size_t n) {
    sep(b);
    put_escaped(b, s, n);
}

/* Writes the decimal digits of v into the end of tmp; returns the start. */
static char *digits(char *end, uint64_t v) {
    do {
        *--end = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return end;
}

void conflict_json_int(conflict_buf *b, int64_t v) {
    char tmp[24], *end = tmp + sizeof tmp;
    sep(b);
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    char *p = digits(end, u);
    if (v < 0) *--p = '-';
    conflict_buf_put(b, p, (size_t)(end - p));
}

void conflict_json_real(conflict_buf *b, double v) {
    char tmp[48];
    sep(b);
    if (!isfinite(v)) {
        conflict_buf_put(b, "null", 4);
        return;
    }
    /* six decimals at most (coordinates carry five, scores three), trailing
     * zeros dropped but one kept (2.0) so that SQLite reads a REAL */
    if (fabs(v) < 1e12) {
        int64_t scaled = llround(v * 1e6);
        uint64_t u = scaled < 0 ? (uint64_t)0 - (uint64_t)scaled : (uint64_t)scaled;
        char *end = tmp + sizeof tmp, *p = end;
        uint64_t frac = u % 1000000, whole = u / 1000000;
        int nfrac = 6;
        while (nfrac > 1 && frac % 10 == 0) frac /= 10, nfrac--;
        for (int i = 0; i < nfrac; i++, frac /= 10) *--p = (char)('0' + frac % 10);
        *--p = '.';
        p = digits(p, whole);
        if (scaled < 0) *--p = '-';
        conflict_buf_put(b, p, (size_t)(end - p));
        return;
    }
    int k = snprintf(tmp, sizeof tmp, "%.6f", v);
    while (k > 1 && tmp[k - 1] == '0') k--;
    if (tmp[k - 1] == '.') k++;
    conflict_buf_put(b, tmp, (size_t)k);
}

void conflict_json_bool(conflict_buf *b, int v) {
    sep(b);
    conflict_buf_puts(b, v ? "true" : "false");
}

void conflict_json_null(conflict_buf *b) {
    sep(b);
    conflict_buf_put(b, "null", 4);
}
