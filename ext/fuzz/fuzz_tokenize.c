/*
 * libFuzzer harness: the tokenizer shared by the extractors and FTS5.
 * Checks: tokens are non-empty, in order, non-overlapping, inside the input,
 * start and end on character boundaries, and are valid UTF-8 themselves.
 */
#include "fuzz_common.h"

static int boundary(const char *s, size_t n, size_t i) {
    return i == n || ((unsigned char)s[i] & 0xC0) != 0x80;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *s = (const char *)data;
    if (!fuzz_valid_utf8(s, size)) return 0; /* callers validate first */
    conflict_tokens t;
    FUZZ_ASSERT(conflict_tokenize(s, size, NULL, &t) == CONFLICT_OK);
    size_t end = 0;
    for (size_t k = 0; k < t.n; k++) {
        const conflict_token *tok = &t.v[k];
        FUZZ_ASSERT(tok->len > 0);
        FUZZ_ASSERT(tok->start >= end && tok->start + tok->len <= size);
        FUZZ_ASSERT(boundary(s, size, tok->start) && boundary(s, size, tok->start + tok->len));
        FUZZ_ASSERT(fuzz_valid_utf8(s + tok->start, tok->len));
        if (tok->flags & CONFLICT_TOK_ALLCAPS) FUZZ_ASSERT(tok->flags & CONFLICT_TOK_ALPHA);
        end = tok->start + tok->len;
    }
    conflict_tokens_free(&t);
    return 0;
}
