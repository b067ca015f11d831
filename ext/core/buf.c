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
    /* never more than limit + 1 bytes: room() below then needs no limit check */
    if (cap - 1 > b->limit) cap = b->limit + 1;
    char *p = conflict_realloc(b->a, b->p, cap);
    if (!p) {
        b->failed = CONFLICT_NOMEM;
        return 0;
    }
    b->p = p;
    b->cap = cap;
    return 1;
}

/* Room for extra bytes and a NUL. The capacity never exceeds limit + 1, so
 * the fast test implies the limit test of grow(). */
static inline int room(conflict_buf *b, size_t extra) {
    return (!b->failed && b->cap - b->len > extra) || grow(b, extra);
}

int conflict_buf_put(conflict_buf *b, const char *s, size_t n) {
    if (!room(b, n)) return 0;
    if (n) memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
    return 1;
}

static inline int putc_fast(conflict_buf *b, char c) {
    if (!room(b, 1)) return 0;
    b->p[b->len++] = c;
    b->p[b->len] = 0;
    return 1;
}

int conflict_buf_putc(conflict_buf *b, char c) { return putc_fast(b, c); }
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

static inline void sep(conflict_buf *b) {
    if (b->comma & 1) {
        b->comma &= ~(uint64_t)1;
        return;
    }
    if (b->depth <= 0 || b->depth > 63) return;
    uint64_t bit = (uint64_t)1 << b->depth;
    if (b->comma & bit) putc_fast(b, ',');
    b->comma |= bit;
}

void conflict_json_open(conflict_buf *b, char bracket) {
    sep(b);
    putc_fast(b, bracket);
    b->depth++;
    if (b->depth <= 63) b->comma &= ~((uint64_t)1 << b->depth);
}

void conflict_json_close(conflict_buf *b, char bracket) {
    putc_fast(b, bracket);
    b->depth--;
}

/* bytes that JSON strings escape: control characters, quote, backslash */
#define ESC(c) ((c) < 0x20 || (c) == '"' || (c) == '\\')
#define ESC_R4(c) ESC(c), ESC((c) + 1), ESC((c) + 2), ESC((c) + 3)
#define ESC_R16(c) ESC_R4(c), ESC_R4((c) + 4), ESC_R4((c) + 8), ESC_R4((c) + 12)
#define ESC_R64(c) ESC_R16(c), ESC_R16((c) + 16), ESC_R16((c) + 32), ESC_R16((c) + 48)
static const unsigned char needs_escape[256] = {ESC_R64(0), ESC_R64(64), ESC_R64(128), ESC_R64(192)};

/* The escape of byte c (one that needs_escape) into esc; returns its length. */
static size_t escape(unsigned char c, char esc[6]) {
    static const char hex[] = "0123456789abcdef";
    esc[0] = '\\';
    switch (c) {
        case '"': esc[1] = '"'; return 2;
        case '\\': esc[1] = '\\'; return 2;
        case '\n': esc[1] = 'n'; return 2;
        case '\r': esc[1] = 'r'; return 2;
        case '\t': esc[1] = 't'; return 2;
        default: break;
    }
    memcpy(esc + 1, "u00", 3);
    esc[4] = hex[c >> 4];
    esc[5] = hex[c & 15];
    return 6;
}

/* Writes s as a JSON string, then `tail` when not 0 (the ':' after a key).
 * Space is reserved for the exact output still to come (each escape when it
 * is met), so a length limit fails exactly as a byte-at-a-time writer would. */
static void put_escaped(conflict_buf *b, const char *s, size_t n, char tail) {
    size_t more = tail ? 3 : 2; /* quotes and tail */
    if (!room(b, n + more)) return;
    char *o = b->p + b->len;
    *o++ = '"';
    size_t i = 0;
    for (;;) {
        /* copied as scanned: the strings are short (names, spans) */
        while (i < n && !needs_escape[(unsigned char)s[i]]) *o++ = s[i++];
        if (i == n) break;
        char esc[6];
        size_t k = escape((unsigned char)s[i++], esc);
        b->len = (size_t)(o - b->p);
        /* the escape, the rest of s (one byte each at least), the closing quote and tail */
        if (!room(b, k + (n - i) + more - 1)) return;
        o = b->p + b->len;
        memcpy(o, esc, k);
        o += k;
    }
    *o++ = '"';
    if (tail) *o++ = tail;
    *o = 0;
    b->len = (size_t)(o - b->p);
}

char *conflict_json_put_str(char *o, const char *s, size_t n) {
    *o++ = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!needs_escape[c]) *o++ = (char)c;
        else o += escape(c, o);
    }
    *o++ = '"';
    return o;
}

int conflict_json_plain(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (needs_escape[(unsigned char)s[i]]) return 0;
    return 1;
}

#define KEY_FAST 48

void conflict_json_key(conflict_buf *b, const char *key) {
    sep(b);
    b->comma |= 1;
    /* keys are short column names with nothing to escape: when the room is
     * already there, one pass copies the key with its quotes and colon */
    if (!b->failed && b->cap - b->len > KEY_FAST + 3) {
        char *o = b->p + b->len;
        *o++ = '"';
        for (size_t i = 0; i < KEY_FAST; i++) {
            unsigned char c = (unsigned char)key[i];
            if (!c) {
                o[i] = '"';
                o[i + 1] = ':';
                o[i + 2] = 0;
                b->len += i + 3;
                return;
            }
            if (needs_escape[c]) break;
            o[i] = (char)c;
        }
    }
    put_escaped(b, key, strlen(key), ':');
}

void conflict_json_str(conflict_buf *b, const char *s, size_t n) {
    sep(b);
    put_escaped(b, s, n, 0);
}

/* "00" to "99": digits two at a time, half the chained divisions */
static const char two_digits[] = "00010203040506070809101112131415161718192021222324252627282930"
                                 "31323334353637383940414243444546474849505152535455565758596061"
                                 "62636465666768697071727374757677787980818283848586878889909192"
                                 "93949596979899";

/* Writes the decimal digits of v at o; returns their end. */
static char *digits(char *o, uint64_t v) {
    size_t n = 1;
    uint64_t x = v;
    for (; x >= 100; x /= 100) n += 2;
    n += x >= 10;
    char *p = o + n;
    for (; v >= 100; v /= 100) {
        p -= 2;
        memcpy(p, two_digits + 2 * (v % 100), 2);
    }
    if (v >= 10) memcpy(p - 2, two_digits + 2 * v, 2);
    else p[-1] = (char)('0' + v);
    return o + n;
}

char *conflict_json_put_int(char *o, int64_t v) {
    if (v < 0) *o++ = '-';
    return digits(o, v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
}

void conflict_json_int(conflict_buf *b, int64_t v) {
    char tmp[CONFLICT_JSON_INT_MAX];
    sep(b);
    conflict_buf_put(b, tmp, (size_t)(conflict_json_put_int(tmp, v) - tmp));
}

int conflict_json_real_fits(double v) { return isfinite(v) && fabs(v) < 1e12; }

char *conflict_json_put_real(char *o, double v) {
    /* six decimals at most (coordinates carry five, scores three), trailing
     * zeros dropped but one kept (2.0) so that SQLite reads a REAL */
    int64_t scaled = llround(v * 1e6);
    uint64_t u = scaled < 0 ? (uint64_t)0 - (uint64_t)scaled : (uint64_t)scaled;
    uint32_t frac = (uint32_t)(u % 1000000);
    if (scaled < 0) *o++ = '-';
    o = digits(o, u / 1000000);
    *o++ = '.';
    /* the six decimals two at a time, then the trailing zeros dropped */
    memcpy(o, two_digits + 2 * (frac / 10000), 2);
    memcpy(o + 2, two_digits + 2 * (frac / 100 % 100), 2);
    memcpy(o + 4, two_digits + 2 * (frac % 100), 2);
    int nfrac = 6;
    while (nfrac > 1 && o[nfrac - 1] == '0') nfrac--;
    return o + nfrac;
}

void conflict_json_real(conflict_buf *b, double v) {
    char tmp[48];
    sep(b);
    if (!isfinite(v)) {
        conflict_buf_put(b, "null", 4);
        return;
    }
    if (conflict_json_real_fits(v)) {
        conflict_buf_put(b, tmp, (size_t)(conflict_json_put_real(tmp, v) - tmp));
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
