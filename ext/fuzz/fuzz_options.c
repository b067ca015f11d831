/*
 * libFuzzer harness: the options parser (one flat JSON object), with the
 * option keys of every registered extractor plus a fixed test set.
 * Checks: a parse either fails with CONFLICT_BAD_OPTIONS and a message, or
 * yields items whose keys lie inside the input and are allowed, without
 * duplicates; conflict_options_get finds each of them.
 */
#include "fuzz_common.h"

static const char *const test_keys[] = {"lang", "country", "min_score", "kinds", "x", NULL};

static void parse(const char *s, size_t n, const char *const *keys) {
    conflict_options o;
    conflict_error err;
    memset(&err, 0, sizeof err);
    conflict_status st = conflict_options_parse(s, n, keys, &o, &err);
    if (st) {
        FUZZ_ASSERT(st == CONFLICT_BAD_OPTIONS && err.msg[0]);
        FUZZ_ASSERT(memchr(err.msg, 0, sizeof err.msg) != NULL);
        return;
    }
    FUZZ_ASSERT(o.n >= 0 && o.n <= (int)(sizeof o.items / sizeof o.items[0]));
    for (int i = 0; i < o.n; i++) {
        const conflict_option *it = &o.items[i];
        FUZZ_ASSERT(it->key >= s && it->key + it->key_len <= s + n);
        int allowed = 0;
        for (const char *const *k = keys; k && *k; k++)
            if (strlen(*k) == it->key_len && !memcmp(*k, it->key, it->key_len)) {
                allowed = 1;
                FUZZ_ASSERT(conflict_options_get(&o, *k) != NULL);
            }
        FUZZ_ASSERT(allowed);
        for (int j = 0; j < i; j++)
            FUZZ_ASSERT(!(o.items[j].key_len == it->key_len &&
                          !memcmp(o.items[j].key, it->key, it->key_len)));
        if (it->type == CONFLICT_T_TEXT) FUZZ_ASSERT(it->str_len < sizeof it->strbuf);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    /* exact-size heap copy, so that ASan sees any read past the end */
    char *s = malloc(size ? size : 1);
    if (!s) return 0;
    if (size) memcpy(s, data, size);
    parse(s, size, test_keys);
    for (const conflict_extractor *const *x = conflict_extractors; *x; x++)
        parse(s, size, (*x)->option_keys);
    free(s);
    return 0;
}
