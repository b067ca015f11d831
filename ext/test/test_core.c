/* Unit tests of the core plumbing: UTF-8, buffers, JSON, tables, options. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "conflict.h"
#include "memo.h"

static char *norm(const char *s) {
    static char out[256];
    conflict_buf b;
    conflict_error err = {0};
    conflict_buf_init(&b, NULL, 0);
    conflict_status st = conflict_normalize_name(s, strlen(s), &b, &err);
    snprintf(out, sizeof out, "%s", st ? err.msg : (b.p ? b.p : ""));
    conflict_buf_free(&b);
    return out;
}

static void test_utf8(void) {
    conflict_error err = {0};
    CHECK(conflict_utf8_check("abc\xc3\xa9", 5, &err) == CONFLICT_OK);
    CHECK(conflict_utf8_check("ab\xff", 3, &err) == CONFLICT_BAD_UTF8 && err.byte_offset == 2);
    CHECK(conflict_utf8_check("a\xc0\xaf", 3, &err) == CONFLICT_BAD_UTF8); /* overlong */
    CHECK(conflict_utf8_check("\xed\xa0\x80", 3, &err) == CONFLICT_BAD_UTF8); /* surrogate */
    CHECK(conflict_utf8_check("\xe2\x82", 2, &err) == CONFLICT_BAD_UTF8 && err.byte_offset == 0);
    CHECK(conflict_utf8_chars("L\xc3\xa9o", 4) == 3);
}

static void test_normalize(void) {
    CHECK_STR(norm("  Lattaqui\xc3\xa9 "), "lattaquie");
    CHECK_STR(norm("Ma\xe2\x80\x98" "arrat an Nu\xe2\x80\x98m\xc4\x81n"), "ma'arrat an nu'man");
    CHECK_STR(norm("Deir\tez\xe2\x80\x93Zor"), "deir ez-zor");
    CHECK_STR(norm("KY\xc3\x8fV\xc2\xa0\xc2\xa0OBLAST"), "kyiv oblast");
    CHECK_STR(norm("\xef\xbc\xa1lep"), "alep"); /* fullwidth A */
    CHECK_STR(norm(""), "");
}

static void test_json(void) {
    conflict_buf b;
    conflict_buf_init(&b, NULL, 0);
    conflict_json_open(&b, '[');
    conflict_json_open(&b, '{');
    conflict_json_key(&b, "a");
    conflict_json_str(&b, "x\"\n", 3);
    conflict_json_key(&b, "b");
    conflict_json_real(&b, 2.0);
    conflict_json_key(&b, "c");
    conflict_json_null(&b);
    conflict_json_close(&b, '}');
    conflict_json_int(&b, -3);
    conflict_json_close(&b, ']');
    CHECK_STR(b.p, "[{\"a\":\"x\\\"\\n\",\"b\":2.0,\"c\":null},-3]");
    conflict_buf_free(&b);

    conflict_buf_init(&b, NULL, 0);
    conflict_json_open(&b, '[');
    conflict_json_real(&b, 36.20124);
    conflict_json_real(&b, -0.5);
    conflict_json_real(&b, 0.0000004);
    conflict_json_real(&b, -1e13);
    conflict_json_int(&b, INT64_MIN);
    conflict_json_int(&b, 0);
    conflict_json_close(&b, ']');
    CHECK_STR(b.p, "[36.20124,-0.5,0.0,-10000000000000.0,-9223372036854775808,0]");
    conflict_buf_free(&b);

    conflict_buf_init(&b, NULL, 4); /* limit */
    CHECK(conflict_buf_puts(&b, "abcd") == 1);
    CHECK(conflict_buf_putc(&b, 'e') == 0 && b.failed == CONFLICT_TOOBIG);
    conflict_buf_free(&b);
}

static void test_table(void) {
    static const char *const cols[] = {"text", "start", "length", "v"};
    const char *s = "\xc3\xa0 Alep et Damas";
    conflict_table t;
    conflict_table_init(&t, NULL, cols, 4);
    long r1 = conflict_table_add(&t), r0 = conflict_table_add(&t);
    conflict_table_set_span(&t, (size_t)r1, s, 11, 5); /* Damas */
    conflict_table_set_span(&t, (size_t)r0, s, 3, 4);  /* Alep */
    conflict_table_set_int(&t, (size_t)r0, 3, 7);
    size_t remap[2];
    CHECK(conflict_table_sort(&t, remap) == CONFLICT_OK);
    CHECK(remap[0] == 1 && remap[1] == 0);
    CHECK(conflict_table_finish(&t, s, strlen(s)) == CONFLICT_OK);
    conflict_buf b;
    conflict_buf_init(&b, NULL, 0);
    conflict_table_to_json(&t, &b);
    CHECK_STR(b.p, "[{\"text\":\"Alep\",\"start\":3,\"length\":4,\"v\":7},"
                   "{\"text\":\"Damas\",\"start\":11,\"length\":5,\"v\":null}]");
    conflict_buf_free(&b);
    conflict_table_free(&t);
}

static void test_options(void) {
    static const char *const keys[] = {"lang", "country", "min_score", NULL};
    conflict_options o;
    conflict_error err = {0};
    const char *j = " {\"lang\": \"fr\", \"min_score\": 0.5} ";
    CHECK(conflict_options_parse(j, strlen(j), keys, &o, &err) == CONFLICT_OK);
    CHECK(o.n == 2);
    const conflict_option *lang = conflict_options_get(&o, "lang");
    CHECK(lang && lang->type == CONFLICT_T_TEXT && strcmp(lang->str, "fr") == 0);
    const conflict_option *ms = conflict_options_get(&o, "min_score");
    CHECK(ms && ms->type == CONFLICT_T_REAL && ms->num == 0.5);
    j = "{\"bogus\":1}";
    CHECK(conflict_options_parse(j, strlen(j), keys, &o, &err) == CONFLICT_BAD_OPTIONS);
    CHECK_STR(err.msg, "unknown option \"bogus\"");
    j = "[1]";
    CHECK(conflict_options_parse(j, strlen(j), keys, &o, &err) == CONFLICT_BAD_OPTIONS);
    j = "{\"lang\":\"fr\"";
    CHECK(conflict_options_parse(j, strlen(j), keys, &o, &err) == CONFLICT_BAD_OPTIONS);
    j = "{\"lang\":{}}";
    CHECK(conflict_options_parse(j, strlen(j), keys, &o, &err) == CONFLICT_BAD_OPTIONS);
}

static void test_tokenize(void) {
    const char *s = "ALEP, 26 janv (AFP) - La province d\xe2\x80\x99Idleb. Ma'arrat al-Numan";
    conflict_tokens t;
    CHECK(conflict_tokenize(s, strlen(s), NULL, &t) == CONFLICT_OK);
    CHECK(t.n == 12);
    CHECK(t.v[0].len == 4 && (t.v[0].flags & CONFLICT_TOK_ALLCAPS) &&
          (t.v[0].flags & CONFLICT_TOK_SENTENCE) && t.v[0].next_sep == ',');
    CHECK((t.v[1].flags & CONFLICT_TOK_DIGIT) && !(t.v[1].flags & CONFLICT_TOK_ALPHA));
    CHECK(t.v[6].len == 1 && t.v[6].next_sep == '\''); /* d' */
    CHECK(t.v[7].len == 5 && (t.v[7].flags & CONFLICT_TOK_UPPER) &&
          !(t.v[7].flags & CONFLICT_TOK_SENTENCE));
    CHECK(t.v[8].flags & CONFLICT_TOK_SENTENCE); /* Ma after the full stop */
    CHECK(t.v[10].len == 2 && t.v[10].next_sep == '-'); /* al- */
    conflict_tokens_free(&t);
    /* words of 8 to 15 bytes that text follows (the tokenizer's two-step fast path) get
     * the flags of the general scan, which the same word alone takes */
    static const char *const words[] = {"Governorate", "GOUVERNORAT",     "governorate",
                                        "12345678ab",  "12345678AB",      "123456789",
                                        "1234567A",    "ABCDEFGH9",       "Abcdefgh",
                                        "abcdefgH",    "A2345678",        "ABCDEFGHIJKLMNO",
                                        "12345678",    "1234567890123b"};
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        char followed[64];
        size_t n = strlen(words[w]);
        snprintf(followed, sizeof followed, "%s, and more text", words[w]);
        conflict_tokens a, b;
        CHECK(conflict_tokenize(followed, strlen(followed), NULL, &a) == CONFLICT_OK);
        CHECK(conflict_tokenize(words[w], n, NULL, &b) == CONFLICT_OK);
        CHECK(a.v[0].len == n && b.v[0].len == n && a.v[0].next_sep == ',');
        CHECK(a.v[0].flags == b.v[0].flags);
        conflict_tokens_free(&a);
        conflict_tokens_free(&b);
    }
}

/* The memo returns what was put, by exact bytes, and empties itself when full. */
static void test_memo(void) {
    CHECK(conflict_memo_new(&conflict_default_allocator, 1000) == NULL); /* too small for its tables */
    conflict_memo *m = conflict_memo_new(&conflict_default_allocator, 4u << 20);
    CHECK(m != NULL);
    CHECK(conflict_memo_get(m, 7, "Alep", 4) == NULL);
    int v = 42;
    int *got = conflict_memo_put(m, 7, "Alep", 4, &v, sizeof v);
    CHECK(got && *got == 42 && ((uintptr_t)got & 7) == 0);
    got = conflict_memo_get(m, 7, "Alep", 4);
    CHECK(got && *got == 42);
    CHECK(conflict_memo_get(m, 7, "Alex", 4) == NULL); /* same hash, other bytes */
    CHECK(conflict_memo_get(m, 7, "Ale", 3) == NULL);
    CHECK(conflict_memo_put(m, 7, "Alep", 4, &v, sizeof v) == NULL); /* stored already */
    static char big[2u << 20];
    CHECK(conflict_memo_put(m, 8, "big", 3, big, sizeof big) == NULL); /* bigger than a chunk */
    size_t entries, bytes, resets;
    char k[16];
    int bad = 0;
    for (int i = 0; i < 200000; i++) { /* more than the slots: it must empty itself */
        int n = snprintf(k, sizeof k, "k%d", i);
        got = conflict_memo_put(m, (uint64_t)i * 0x9E3779B97F4A7C15ull, k, (size_t)n, &i, sizeof i);
        bad += !(got && *got == i);
        got = conflict_memo_get(m, (uint64_t)i * 0x9E3779B97F4A7C15ull, k, (size_t)n);
        bad += !(got && *got == i);
    }
    CHECK(bad == 0);
    conflict_memo_stats(m, &entries, &bytes, &resets);
    CHECK(resets >= 1 && entries > 0 && bytes <= (4u << 20));
    conflict_memo_free(m);
    conflict_memo_free(NULL);
}

int main(void) {
    test_memo();
    test_tokenize();
    test_utf8();
    test_normalize();
    test_json();
    test_table();
    test_options();
    return check_summary();
}
