/* UTF-8 validation (first bad byte offset) and decoding helpers. */
#include <stdio.h>

#include "conflict.h"

/* Strict RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF. */
conflict_status conflict_utf8_check(const char *str, size_t n, conflict_error *err) {
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
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

size_t conflict_utf8_chars(const char *s, size_t n) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}
