/* UTF-8 validation (first bad byte offset) and decoding helpers. */
#include <stdio.h>
#include <string.h>

#include "conflict.h"

#define HIGH_BITS 0x8080808080808080ull

static inline uint64_t load8(const unsigned char *p) {
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

/* Strict RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF. */
conflict_status conflict_utf8_check(const char *str, size_t n, conflict_error *err) {
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            /* a run of ASCII: eight bytes at a time */
            while (n - i >= 8 && !(load8(s + i) & HIGH_BITS)) i += 8;
            continue;
        }
        size_t len;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c == 0xE0) len = 3, lo = 0xA0;
        else if (c >= 0xE1 && c <= 0xEC) len = 3;
        else if (c == 0xED) len = 3, hi = 0x9F;
        else if (c >= 0xEE && c <= 0xEF) len = 3;
        else if (c == 0xF0) len = 4, lo = 0x90;
        else if (c >= 0xF1 && c <= 0xF3) len = 4;
        else if (c == 0xF4) len = 4, hi = 0x8F;
        else goto bad;
        if (n - i < len) goto bad;
        if (s[i + 1] < lo || s[i + 1] > hi) goto bad;
        for (size_t k = 2; k < len; k++)
            if ((s[i + k] & 0xC0) != 0x80) goto bad;
        i += len;
    }
    return CONFLICT_OK;
bad:
    if (err) {
        err->code = CONFLICT_BAD_UTF8;
        err->byte_offset = i;
        snprintf(err->msg, sizeof err->msg, "invalid UTF-8 at byte %zu", i);
    }
    return CONFLICT_BAD_UTF8;
}

uint32_t conflict_utf8_next(const char *str, size_t n, size_t *pi) {
    const unsigned char *s = (const unsigned char *)str;
    size_t i = *pi;
    uint32_t c = s[i];
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + len > n) len = n - i; /* defensive: callers validated already */
    if (len == 2) c &= 0x1F;
    else if (len == 3) c &= 0x0F;
    else if (len == 4) c &= 0x07;
    for (size_t k = 1; k < len; k++) c = (c << 6) | (s[i + k] & 0x3F);
    *pi = i + (len ? len : 1);
    return c;
}

size_t conflict_utf8_chars(const char *str, size_t n) {
    const unsigned char *s = (const unsigned char *)str;
    size_t k = 0, i = 0;
    /* eight bytes at a time: continuation bytes (10xxxxxx) have bit 7 set, bit 6 clear */
    for (; n - i >= 8; i += 8) {
        uint64_t w = load8(s + i);
        uint64_t cont = (w & ~(w << 1) & HIGH_BITS) >> 7; /* one per continuation byte */
        k += 8 - (size_t)((cont * 0x0101010101010101ull) >> 56);
    }
    for (; i < n; i++) k += (s[i] & 0xC0) != 0x80;
    return k;
}
