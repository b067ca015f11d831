/* Options: one flat JSON object of string, number, boolean or null values. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conflict.h"

static size_t skip_ws(const char *s, size_t n, size_t i) {
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
    return i;
}

static conflict_status fail(conflict_error *err, const char *msg, const char *key,
                            size_t key_len) {
    err->code = CONFLICT_BAD_OPTIONS;
    if (key)
        snprintf(err->msg, sizeof err->msg, "%s \"%.*s\"", msg, (int)(key_len > 40 ? 40 : key_len),
                 key);
    else
        snprintf(err->msg, sizeof err->msg, "%s", msg);
    return CONFLICT_BAD_OPTIONS;
}

/* Scans a JSON string starting after its opening quote; returns the index
 * just past the closing quote, or 0 when malformed. Unescapes into dst. */
static size_t scan_string(const char *s, size_t n, size_t i, char *dst, size_t cap,
                          size_t *dlen) {
    size_t k = 0;
    while (i < n && s[i] != '"') {
        char c = s[i++];
        if ((unsigned char)c < 0x20) return 0;
        if (c == '\\') {
            if (i >= n) return 0;
            char e = s[i++];
            switch (e) {
                case '"': case '\\': case '/': c = e; break;
                case 'n': c = '\n'; break;
                case 't': c = '\t'; break;
                case 'r': c = '\r'; break;
                case 'b': c = '\b'; break;
                case 'f': c = '\f'; break;
                case 'u': /* options are ASCII words; keep \u escapes verbatim-safe */
                    if (n - i < 4) return 0;
                    i += 4;
                    c = '?';
                    break;
                default: return 0;
            }
        }
        if (dst && k + 1 < cap) dst[k] = c;
        k++;
    }
    if (i >= n) return 0;
    if (dst) dst[k < cap ? k : cap - 1] = 0;
    if (dlen) *dlen = k;
    return i + 1;
}

conflict_status conflict_options_parse(const char *s, size_t n, const char *const *allowed,
                                       conflict_options *out, conflict_error *err) {
    memset(out, 0, sizeof *out);
    size_t i = skip_ws(s, n, 0);
    if (i >= n || s[i] != '{') return fail(err, "options must be a JSON object", NULL, 0);
    i = skip_ws(s, n, i + 1);
    if (i < n && s[i] == '}') goto end;
    for (;;) {
        if (i >= n || s[i] != '"') return fail(err, "malformed options JSON", NULL, 0);
        size_t kstart = i + 1, klen = 0;
        i = scan_string(s, n, kstart, NULL, 0, &klen);
        if (!i) return fail(err, "malformed options JSON", NULL, 0);
        klen = i - 1 - kstart; /* raw key: option names never need escapes */
        const char *const *a = allowed;
        while (a && *a && !(strlen(*a) == klen && memcmp(*a, s + kstart, klen) == 0)) a++;
        if (!a || !*a) return fail(err, "unknown option", s + kstart, klen);
        if (out->n == (int)(sizeof out->items / sizeof out->items[0]))
            return fail(err, "too many options", NULL, 0);
        for (int k = 0; k < out->n; k++)
            if (out->items[k].key_len == klen && !memcmp(out->items[k].key, s + kstart, klen))
                return fail(err, "duplicate option", s + kstart, klen);
        conflict_option *o = &out->items[out->n++];
        o->key = s + kstart;
        o->key_len = klen;
        i = skip_ws(s, n, i);
        if (i >= n || s[i] != ':') return fail(err, "malformed options JSON", NULL, 0);
        i = skip_ws(s, n, i + 1);
        if (i >= n) return fail(err, "malformed options JSON", NULL, 0);
        if (s[i] == '"') {
            size_t vlen = 0;
            size_t j = scan_string(s, n, i + 1, o->strbuf, sizeof o->strbuf, &vlen);
            if (!j) return fail(err, "malformed options JSON", NULL, 0);
            if (vlen >= sizeof o->strbuf) return fail(err, "option value too long:", o->key, klen);
            o->type = CONFLICT_T_TEXT;
            o->str = o->strbuf;
            o->str_len = vlen;
            i = j;
        } else if (n - i >= 4 && !memcmp(s + i, "true", 4)) {
            o->type = CONFLICT_T_BOOL, o->num = 1, i += 4;
        } else if (n - i >= 5 && !memcmp(s + i, "false", 5)) {
            o->type = CONFLICT_T_BOOL, o->num = 0, i += 5;
        } else if (n - i >= 4 && !memcmp(s + i, "null", 4)) {
            o->type = CONFLICT_T_NULL, i += 4;
        } else if (s[i] == '-' || (s[i] >= '0' && s[i] <= '9')) {
            char tmp[40];
            size_t j = i, k = 0;
            while (j < n && k + 1 < sizeof tmp && s[j] && strchr("+-.0123456789eE", s[j])) tmp[k++] = s[j++];
            tmp[k] = 0;
            char *end;
            o->num = strtod(tmp, &end);
            if (*end) return fail(err, "malformed number for option", o->key, klen);
            o->type = CONFLICT_T_REAL;
            i = j;
        } else {
            return fail(err, "option values must be strings, numbers or booleans:", o->key, klen);
        }
        i = skip_ws(s, n, i);
        if (i < n && s[i] == ',') {
            i = skip_ws(s, n, i + 1);
            continue;
        }
        if (i < n && s[i] == '}') break;
        return fail(err, "malformed options JSON", NULL, 0);
    }
end:
    i = skip_ws(s, n, i + 1);
    if (i != n) return fail(err, "trailing characters after options object", NULL, 0);
    return CONFLICT_OK;
}

const conflict_option *conflict_options_get(const conflict_options *o, const char *key) {
    if (!o || !o->n) return NULL; /* most calls: no options, no strlen */
    size_t kl = strlen(key);
    for (int i = 0; o && i < o->n; i++)
        if (o->items[i].key_len == kl && !memcmp(o->items[i].key, key, kl)) return &o->items[i];
    return NULL;
}
