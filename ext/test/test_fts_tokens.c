/* Unit tests of the FTS5 tokenizer core (fts_tokens.c) and the GeoJSON writer (geojson.c). */
#include <stdlib.h>

#include "check.h"
#include "conflict.h"
#include "fts_tokens.h"
#include "geojson.h"

/* "text@start-end" per token, "+" before colocated ones, space-separated */
static const char *toks(const conflict_fts_config *c, int mode, const char *s) {
    static char out[2048];
    conflict_fts_tokens t;
    conflict_error err = {0};
    out[0] = 0;
    if (conflict_fts_tokenize(NULL, c, mode, s, strlen(s), &t, &err)) {
        snprintf(out, sizeof out, "error: %s", err.msg);
        return out;
    }
    size_t k = 0;
    for (size_t i = 0; i < t.n && k < sizeof out - 64; i++) {
        const conflict_fts_token *x = &t.v[i];
        k += (size_t)snprintf(out + k, sizeof out - k, "%s%s%.*s@%zu-%zu", i ? " " : "",
                              x->colocated ? "+" : "", (int)x->len, t.text.p + x->off, x->start,
                              x->end);
    }
    conflict_fts_tokens_free(&t);
    return out;
}

static void test_words(void) {
    conflict_fts_config c;
    conflict_fts_config_default(&c);
    c.keys = 0;
    /* elision splits, a name-internal apostrophe does not, accents fold */
    CHECK_STR(toks(&c, CONFLICT_FTS_DOCUMENT, "d'Idleb"), "d@0-1 idleb@2-7");
    CHECK_STR(toks(&c, CONFLICT_FTS_DOCUMENT, "Ma'arrat"), "maarrat@0-8");
    CHECK_STR(toks(&c, CONFLICT_FTS_DOCUMENT, "Syria's"), "syria@0-5 s@6-7");
    CHECK_STR(toks(&c, CONFLICT_FTS_DOCUMENT, "Sana\xe2\x80\x99" "a"), "sanaa@0-8");
    CHECK_STR(toks(&c, CONFLICT_FTS_DOCUMENT, "tu\xc3\xa9s, 12"), "tues@0-5 12@7-9");
    CHECK_STR(toks(&c, CONFLICT_FTS_DOCUMENT, "  "), "");
    CHECK_STR(toks(&c, CONFLICT_FTS_DOCUMENT, ""), "");
    c.remove_diacritics = 0;
    CHECK_STR(toks(&c, CONFLICT_FTS_DOCUMENT, "TU\xc3\x89S"), "tu\xc3\xa9s@0-5");
}

/* the Latin fast path agrees with normalize_name on every letter it covers */
static void test_fast_path(void) {
    conflict_fts_config c;
    conflict_fts_config_default(&c);
    c.keys = 0;
    int bad = 0;
    for (unsigned cp = 0xC0; cp < 0x180; cp++) {
        char w[8] = {'a', (char)(0xC0 | (cp >> 6)), (char)(0x80 | (cp & 0x3F)), 'b', 0};
        conflict_buf b;
        conflict_error err = {0};
        conflict_buf_init(&b, NULL, 0);
        conflict_normalize_name(w, 4, &b, &err);
        char want[64];
        size_t k = 0; /* the tokenizer drops apostrophes (U+0149 is 'n) */
        for (size_t i = 0; i < b.len; i++)
            if (b.p[i] != '\'') b.p[k++] = b.p[i];
        snprintf(want, sizeof want, "%.*s@0-4", (int)k, b.p ? b.p : "");
        conflict_buf_free(&b);
        const char *got = toks(&c, CONFLICT_FTS_DOCUMENT, w);
        /* letters only: a symbol (U+00D7) splits the word, which is fine */
        if (strchr(got, ' ')) continue;
        if (strcmp(got, want)) {
            bad++;
            printf("FAIL fast path U+%04X: got %s, want %s\n", cp, got, want);
        }
    }
    CHECK(bad == 0);
}

static void test_keys(void) {
    conflict_fts_config c;
    conflict_fts_config_default(&c);
    /* names get a colocated "~" key; plain lower-case words and acronyms do not */
    const char *a = toks(&c, CONFLICT_FTS_DOCUMENT, "Maaret al-Noomane sur OSDH");
    CHECK(strstr(a, "maaret@0-6 +~") != NULL);
    CHECK(strstr(a, "al@7-9 +~al@7-9") != NULL);
    CHECK(strstr(a, "sur@18-21 osdh@22-26") != NULL);
    /* assimilated article before a hyphen keys as ~al */
    CHECK(strstr(toks(&c, CONFLICT_FTS_DOCUMENT, "an-Nu'man"), "an@0-2 +~al@0-2") != NULL);
    /* "an" with a space is an ordinary word */
    CHECK(strstr(toks(&c, CONFLICT_FTS_DOCUMENT, "an old"), "~") == NULL);
    /* query: same forms as documents; a prefix word is folded only */
    CHECK_STR(toks(&c, CONFLICT_FTS_QUERY | CONFLICT_FTS_PREFIX, "Maar"), "maar@0-4");
    const char *q = toks(&c, CONFLICT_FTS_QUERY, "Maaret");
    CHECK(strncmp(q, "maaret@0-6 +~", 13) == 0);
    /* the same key for two spellings (whatever name_key gives, it is shared) */
    char k1[64], k2[64];
    snprintf(k1, sizeof k1, "%s", strchr(toks(&c, CONFLICT_FTS_QUERY, "Noomane"), '~'));
    snprintf(k2, sizeof k2, "%s", strchr(toks(&c, CONFLICT_FTS_QUERY, "Numan"), '~'));
    *strchr(k1, '@') = 0;
    *strchr(k2, '@') = 0;
    CHECK_STR(k1, k2);
}

static void test_config(void) {
    conflict_fts_config c;
    conflict_error err = {0};
    conflict_fts_config_default(&c);
    CHECK(c.keys == 1 && c.places == 1 && c.actors == 1 && c.remove_diacritics == 1);
    CHECK(conflict_fts_config_set(&c, "keys", "0", &err) == CONFLICT_OK && c.keys == 0);
    CHECK(conflict_fts_config_set(&c, "stem", "1", &err) == CONFLICT_BAD_OPTIONS);
    CHECK_STR(err.msg, "unknown option \"stem\"");
    CHECK(conflict_fts_config_set(&c, "places", "yes", &err) == CONFLICT_BAD_OPTIONS);
    CHECK(conflict_fts_config_set(&c, "places", NULL, &err) == CONFLICT_BAD_OPTIONS);
}

/* with an engine: canonical ids from the places and actors extractors */
static const char *etoks(const conflict_engine *e, int mode, const char *s) {
    static char out[2048];
    conflict_fts_config c;
    conflict_fts_tokens t;
    conflict_error err = {0};
    conflict_fts_config_default(&c);
    out[0] = 0;
    if (conflict_fts_tokenize(e, &c, mode, s, strlen(s), &t, &err)) {
        snprintf(out, sizeof out, "error: %s", err.msg);
        return out;
    }
    size_t k = 0;
    for (size_t i = 0; i < t.n && k < sizeof out - 64; i++)
        k += (size_t)snprintf(out + k, sizeof out - k, "%s%s%.*s", i ? " " : "",
                              t.v[i].colocated ? "+" : "", (int)t.v[i].len,
                              t.text.p + t.v[i].off);
    conflict_fts_tokens_free(&t);
    return out;
}

static void test_ids(void) {
    conflict_engine *e = NULL;
    conflict_error err = {0};
    if (conflict_engine_new(&conflict_default_allocator, &e, &err)) {
        printf("FAIL engine: %s\n", err.msg);
        CHECK(0);
        return;
    }
    /* a document carries the place id at the mention's first word */
    const char *d = etoks(e, CONFLICT_FTS_DOCUMENT, "Un attentat a frapp\xc3\xa9 Mogadiscio mardi.");
    CHECK(strstr(d, "mogadiscio +~") != NULL && strstr(d, " +#p64833") != NULL);
    /* a query that is one name becomes its id, with the word and its key as alternatives */
    const char *q = etoks(e, CONFLICT_FTS_QUERY, "Mogadishu");
    CHECK(strncmp(q, "#p64833 +mogadishu +~", 21) == 0);
    /* an acronym and the full name share the actor id */
    char a1[64] = "", a2[64] = "";
    const char *h = strstr(etoks(e, CONFLICT_FTS_QUERY, "HTS"), "#a");
    if (h) snprintf(a1, sizeof a1, "%.*s", (int)strcspn(h, " "), h);
    h = strstr(etoks(e, CONFLICT_FTS_DOCUMENT, "Hayat Tahrir al-Cham a revendiqu\xc3\xa9."), "#a");
    if (h) snprintf(a2, sizeof a2, "%.*s", (int)strcspn(h, " "), h);
    CHECK(a1[0] == '#');
    CHECK_STR(a1, a2);
    /* a prefix query gets neither keys nor ids */
    CHECK_STR(etoks(e, CONFLICT_FTS_QUERY | CONFLICT_FTS_PREFIX, "Mogadi"), "mogadi");
    conflict_engine_free(e);
}

static const char *json_ok(const char *s) {
    conflict_error err = {0};
    return conflict_json_check_object(s, strlen(s), &err) ? "bad" : "ok";
}

static void test_geojson(void) {
    CHECK_STR(json_ok("{}"), "ok");
    CHECK_STR(json_ok(" {\"a\": [1, -2.5e3, {\"b\": null}, true, false, \"\\u00e9\\n\"]} "), "ok");
    CHECK_STR(json_ok("[1]"), "bad");
    CHECK_STR(json_ok("{\"a\":1,}"), "bad");
    CHECK_STR(json_ok("{\"a\":01}"), "bad");
    CHECK_STR(json_ok("{\"a\":[1}"), "bad");
    CHECK_STR(json_ok("{\"a\":1} x"), "bad");
    CHECK_STR(json_ok("{a:1}"), "bad");
    CHECK_STR(json_ok("{\"a\":\"\\x\"}"), "bad");
    char deep[200];
    memset(deep, 0, sizeof deep);
    strcpy(deep, "{\"a\":");
    for (int i = 0; i < 70; i++) strcat(deep, "[");
    CHECK_STR(json_ok(deep), "bad"); /* too deep, and no recursion either way */

    conflict_geojson g;
    conflict_error err = {0};
    conflict_geojson_begin(&g, NULL, 0);
    CHECK(conflict_geojson_add(&g, 36.2, 37.15, "{\"name\":\"Alep\"}", 15, &err) == CONFLICT_OK);
    CHECK(conflict_geojson_add(&g, -0.0000001, 2.5, NULL, 0, &err) == CONFLICT_OK);
    CHECK(conflict_geojson_add(&g, 91, 0, NULL, 0, &err) == CONFLICT_ERROR);
    CHECK(conflict_geojson_add(&g, 0, 181, NULL, 0, &err) == CONFLICT_ERROR);
    CHECK(conflict_geojson_add(&g, 0, 0, "[]", 2, &err) == CONFLICT_ERROR);
    size_t n = 0;
    char *p = conflict_geojson_finish(&g, &n);
    CHECK_STR(p, "{\"type\":\"FeatureCollection\",\"features\":["
                 "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[37.15,36.2]},"
                 "\"properties\":{\"name\":\"Alep\"}},"
                 "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[2.5,0]},"
                 "\"properties\":{}}]}");
    CHECK(p && n == strlen(p));
    free(p);

    /* a table: lat/lon become the point, the other columns the properties */
    static const char *const cols[] = {"text", "start", "length", "name", "lat", "lon"};
    conflict_table t;
    conflict_table_init(&t, NULL, cols, 6);
    long r = conflict_table_add(&t);
    conflict_table_set_text(&t, (size_t)r, 0, "Alep", 4);
    conflict_table_set_int(&t, (size_t)r, 1, 1);
    conflict_table_set_int(&t, (size_t)r, 2, 4);
    conflict_table_set_text(&t, (size_t)r, 3, "Aleppo", 6);
    conflict_table_set_real(&t, (size_t)r, 4, 36.20124);
    conflict_table_set_real(&t, (size_t)r, 5, 37.16117);
    r = conflict_table_add(&t); /* no coordinates: skipped */
    conflict_table_set_text(&t, (size_t)r, 0, "Nowhere", 7);
    conflict_geojson_begin(&g, NULL, 0);
    CHECK(conflict_geojson_add_table(&g, &t, "\"article\":9", 11, &err) == CONFLICT_OK);
    p = conflict_geojson_finish(&g, &n);
    CHECK_STR(p, "{\"type\":\"FeatureCollection\",\"features\":["
                 "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[37.16117,36.20124]},"
                 "\"properties\":{\"text\":\"Alep\",\"start\":1,\"length\":4,\"name\":\"Aleppo\",\"article\":9}}]}");
    free(p);
    conflict_table_free(&t);

    /* the size limit is reported, not overrun */
    conflict_geojson_begin(&g, NULL, 60);
    CHECK(conflict_geojson_add(&g, 1, 2, NULL, 0, &err) != CONFLICT_OK);
    CHECK(conflict_geojson_finish(&g, &n) == NULL && g.out.failed == CONFLICT_TOOBIG);
    conflict_geojson_free(&g);
}

int main(void) {
    test_words();
    test_fast_path();
    test_keys();
    test_config();
    test_ids();
    test_geojson();
    return check_summary();
}
