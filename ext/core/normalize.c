/*
 * normalize_name: NFKC, case folding, marks stripped (utf8proc option set
 * STABLE|COMPOSE|COMPAT|CASEFOLD|IGNORE|STRIPMARK|LUMP|STRIPCC, part of the
 * contract), then apostrophe, quote, hyphen and whitespace variants folded to
 * ', ", - and one space, trimmed.
 */
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#include "conflict.h"

#define NORMALIZE_OPTIONS                                                               \
    (UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |          \
     UTF8PROC_IGNORE | UTF8PROC_STRIPMARK | UTF8PROC_LUMP | UTF8PROC_STRIPCC)

/* Folds one code point before decomposition; whitespace controls become a
 * space here so that STRIPCC does not glue words together. */
static utf8proc_int32_t fold(utf8proc_int32_t c, void *data) {
    (void)data;
    switch (c) {
        case '\t': case '\n': case '\v': case '\f': case '\r': case 0x85: case 0x2028:
        case 0x2029:
            return ' ';
        case '`': case 0xB4: case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
        case 0x2035: case 0x02B9: case 0x02BB: case 0x02BC: case 0x02BD: case 0x02BE:
        case 0x02BF: case 0x02C8: case 0x055A: case 0xA78B: case 0xA78C: case 0xFF07:
            return '\'';
        case 0xAB: case 0xBB: case 0x201C: case 0x201D: case 0x201E: case 0x201F:
        case 0x2033: case 0x2039: case 0x203A: case 0xFF02:
            return '"';
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
        case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D: case 0x2043:
            return '-';
        default:
            return c;
    }
}

static int is_space_cp(utf8proc_int32_t c) {
    if (c == ' ') return 1;
    if (c < 0x80) return 0;
    return utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

/* Fast path: plain ASCII needs only lower-casing and folding. */
static void normalize_ascii(const char *s, size_t n, conflict_buf *out) {
    int pending_space = 0;
    size_t start = out->len;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)fold((unsigned char)s[i], NULL);
        if (c == ' ') {
            pending_space = out->len > start;
            continue;
        }
        if (c < 0x20 || c == 0x7F) continue; /* STRIPCC */
        if (pending_space) conflict_buf_putc(out, ' ');
        pending_space = 0;
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        conflict_buf_putc(out, (char)c);
    }
}

conflict_status conflict_normalize_name(const char *s, size_t n, conflict_buf *out,
                                        conflict_error *err) {
    size_t i = 0;
    while (i < n && (unsigned char)s[i] < 0x80) i++;
    if (i == n) {
        normalize_ascii(s, n, out);
        return out->failed ? (conflict_status)out->failed : CONFLICT_OK;
    }
    conflict_status st = conflict_utf8_check(s, n, err);
    if (st) return st;

    /* decompose into UTF-32, growing until it fits (NFKC can expand) */
    utf8proc_ssize_t cap = (utf8proc_ssize_t)n + 16, len;
    utf8proc_int32_t *buf = NULL;
    for (;;) {
        if ((size_t)cap > ((size_t)-1) / 8) return out->failed = CONFLICT_TOOBIG, CONFLICT_TOOBIG;
        utf8proc_int32_t *nb = conflict_realloc(out->a, buf, (size_t)cap * sizeof *buf + 1);
        if (!nb) {
            conflict_free(out->a, buf);
            return CONFLICT_NOMEM;
        }
        buf = nb;
        len = utf8proc_decompose_custom((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, buf,
                                        cap, NORMALIZE_OPTIONS, fold, NULL);
        if (len < 0 || len <= cap) break;
        cap = len;
    }
    if (len >= 0) len = utf8proc_normalize_utf32(buf, len, NORMALIZE_OPTIONS);
    if (len < 0) {
        conflict_free(out->a, buf);
        err->code = CONFLICT_ERROR;
        snprintf(err->msg, sizeof err->msg, "%s", utf8proc_errmsg(len));
        return CONFLICT_ERROR;
    }
    /* fold the composed result once more (LUMP may produce new variants), collapse spaces */
    int pending_space = 0;
    size_t start = out->len;
    for (utf8proc_ssize_t k = 0; k < len; k++) {
        utf8proc_int32_t c = fold(buf[k], NULL);
        if (is_space_cp(c)) {
            pending_space = out->len > start;
            continue;
        }
        if (pending_space) conflict_buf_putc(out, ' ');
        pending_space = 0;
        utf8proc_uint8_t tmp[4];
        utf8proc_ssize_t m = utf8proc_encode_char(c, tmp);
        conflict_buf_put(out, (const char *)tmp, (size_t)m);
    }
    conflict_free(out->a, buf);
    return out->failed ? (conflict_status)out->failed : CONFLICT_OK;
}
