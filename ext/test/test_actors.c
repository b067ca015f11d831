/* Unit tests of extract_actors and the phrase dictionary (sentences written for the project). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "conflict_actors.h"
#include "dict_data.h"
#include "internal.h"

extern const conflict_extractor conflict_actors_extractor;

static conflict_table tab;

static void run(const char *text, const char *opts_json) {
    conflict_options o;
    conflict_error err = {0};
    memset(&o, 0, sizeof o);
    conflict_table_free(&tab);
    conflict_table_init(&tab, NULL, conflict_actors_extractor.cols, conflict_actors_extractor.ncols);
    if (opts_json)
        CHECK(conflict_options_parse(opts_json, strlen(opts_json),
                                     conflict_actors_extractor.option_keys, &o, &err) == 0);
    CHECK(conflict_actors_extractor.extract(NULL, text, strlen(text), &o, &tab, &err) == 0);
}

static const char *cell(size_t r, int col, char *buf) {
    conflict_cell *c = conflict_table_cell(&tab, r, col);
    if (c->type != CONFLICT_T_TEXT) return "(null)";
    memcpy(buf, c->v.t.s, c->v.t.n);
    buf[c->v.t.n] = 0;
    return buf;
}

/* the row whose text is `text`, or -1 */
static long find(const char *text) {
    char b[256];
    for (size_t r = 0; r < tab.nrows; r++)
        if (strcmp(cell(r, 0, b), text) == 0) return (long)r;
    return -1;
}

static void expect(const char *text, const char *type, const char *country) {
    char b[256];
    long r = find(text);
    if (r < 0) {
        printf("FAIL missing actor \"%s\"\n", text);
        check_fail++;
        return;
    }
    CHECK_STR(cell((size_t)r, 4, b), type);
    if (country) CHECK_STR(cell((size_t)r, 5, b), country);
}

static void absent(const char *text) {
    if (find(text) >= 0) {
        printf("FAIL unexpected actor \"%s\"\n", text);
        check_fail++;
    } else {
        check_pass++;
    }
}

int main(void) {
    char b[256];
    conflict_table_init(&tab, NULL, conflict_actors_extractor.cols, conflict_actors_extractor.ncols);

    /* French: named groups, acronym in parentheses, nationality after a force noun */
    run("Les combattants du Front al-Nosra et de Hayat Tahrir al-Cham (HTS) ont repoussé "
        "l'armée syrienne, appuyée par l'aviation russe, près de Saraqeb.", NULL);
    expect("Front al-Nosra", "jihadists", "SY");
    expect("Hayat Tahrir al-Cham", "jihadists", "SY");
    absent("HTS");
    expect("armée syrienne", "state_forces", "SY");
    expect("aviation russe", "foreign_forces", "RU");
    {
        long r = find("Hayat Tahrir al-Cham");
        CHECK(r >= 0 && strcmp(cell((size_t)r, 3, b), "Hayat Tahrir al-Sham") == 0);
    }

    /* adjectives and count heads are not actors; generic nouns are */
    run("Des frappes russes ont visé des villages rebelles. Selon l'armée malienne, 23 terroristes "
        "ont été neutralisés et les terroristes ont fui vers le Niger.", NULL);
    absent("russes");
    absent("rebelles");
    absent("23 terroristes");
    expect("armée malienne", "state_forces", "ML");
    expect("terroristes", "jihadists", NULL);

    /* case rules: IS only in capitals, "is" is a verb */
    run("The Islamic State claimed the bombing, which is the third this month; IS fighters "
        "retreated.", NULL);
    expect("Islamic State", "jihadists", NULL);
    expect("IS fighters", "jihadists", NULL);
    absent("is");

    /* generic attackers take the named group of the text */
    run("Boko Haram a attaqué le village de Kukawa. Les assaillants ont incendié des maisons "
        "avant l'arrivée de l'armée nigériane.", NULL);
    expect("Boko Haram", "jihadists", "NG");
    expect("assaillants", "jihadists", "NG");
    expect("armée nigériane", "state_forces", "NG");
    /* a group that fights in several countries says nothing of the text's: the army
     * is that of the place named */
    run("Boko Haram fighters attacked a village in Diffa; the army repelled them.", NULL);
    expect("Boko Haram fighters", "jihadists", "NG");
    expect("army", "state_forces", "NE");
    run("Des hommes armés ont tué quatre bergers dans la commune de Djibo.", NULL);
    expect("hommes armés", "other", "BF");

    /* capitals standing for the government, English modifiers */
    run("La ville échappe au contrôle de Damas depuis 2012. Regime jets struck the town while "
        "regime airstrikes hit Ariha.", NULL);
    expect("Damas", "state_forces", "SY");
    expect("Regime jets", "state_forces", "SY");
    absent("regime");
    run("Des habitants ont fui vers Damas.", NULL);
    absent("Damas");

    /* ambiguous acronym resolved by the country of the text */
    run("Au Burkina Faso, les FDS ont repoussé une attaque près de Djibo.", NULL);
    {
        long r = find("FDS");
        CHECK(r >= 0 && strcmp(cell((size_t)r, 5, b), "BF") == 0);
    }
    run("En Syrie, les FDS kurdes tiennent Raqqa et Hassaké.", NULL);
    {
        long r = find("FDS");
        CHECK(r >= 0 && strcmp(cell((size_t)r, 5, b), "SY") == 0);
    }

    /* options */
    run("Les rebelles ont pris la colline.", "{\"generic\": false}");
    CHECK(tab.nrows == 0);
    run("L'armée a repris la ville.", "{\"country\": \"ml\"}");
    expect("armée", "state_forces", "ML");

    /* character positions */
    run("Selon l’OSDH, les talibans ont pris Kunduz.", NULL);
    {
        long r = find("talibans");
        CHECK(r >= 0 && conflict_table_cell(&tab, (size_t)r, 1)->v.i == 19);
    }

    /* the ASCII fast path gives the same tokens as conflict_tokenize */
    {
        const char *samples[] = {"Gen. Haftar's LNA: 3.5 km. Next!", "  U.S.-led coalition's jets, (IS) ",
                                 "a\tb\nC D-e'f`g;h", "x", "", "ISWAP and JAS said...M5 road",
                                 "3rd BRIGADE, 2ID: 4x4 AK-47s? A. B Q1 aB Ab AB 12", "IS\r\n\n(X)",
                                 "the army said. Les Forces armées maliennes (FAMa)", "é"};
        for (size_t k = 0; k < sizeof samples / sizeof *samples; k++) {
            conflict_pd_text t;
            conflict_tokens ref;
            const char *s = samples[k];
            CHECK(conflict_pd_text_init(&t, s, strlen(s), &conflict_default_allocator) == 0);
            CHECK(conflict_tokenize(s, strlen(s), NULL, &ref) == 0);
            CHECK(t.tok.n == ref.n);
            for (size_t i = 0; i < ref.n && i < t.tok.n; i++)
                CHECK(t.tok.v[i].start == ref.v[i].start && t.tok.v[i].len == ref.v[i].len &&
                      t.tok.v[i].flags == ref.v[i].flags &&
                      t.tok.v[i].next_sep == ref.v[i].next_sep);
            /* each token folded and hashed as conflict_pd_fold does */
            for (size_t i = 0; i < t.tok.n; i++) {
                char f[CONFLICT_PD_MAXTOK + 1];
                size_t m = conflict_pd_fold(s + t.tok.v[i].start, t.tok.v[i].len, f, sizeof f);
                CHECK(t.flen[i] == m && strcmp(conflict_pd_tok(&t, i), f) == 0 &&
                      t.fhash[i] == conflict_pd_hash(CONFLICT_PD_HASH0, f, m));
            }
            conflict_tokens_free(&ref);
            conflict_pd_text_free(&t);
        }
    }
    /* user actors: validation, matching with the dictionary's rules, longest match */
    {
        conflict_engine *e = NULL;
        conflict_error err = {0};
        CHECK(conflict_engine_new(&conflict_default_allocator, &e, &err) == 0);
        conflict_user_actors *u = NULL;
        CHECK(conflict_user_actors_new(NULL, &u) == 0);
        conflict_user_actor_row r = {"Front de Sanké", 0, "FPS|=Fr-S|Boko Haram de Sanké", 0,
                                     "rebels", 6, "ml", 2};
        r.name_len = strlen(r.name);
        r.aliases_len = strlen(r.aliases);
        CHECK(conflict_user_actors_add(u, &r, &err) == 0);
        conflict_user_actor_row bad = {"X", 1, NULL, 0, "bandits", 7, NULL, 0};
        CHECK(conflict_user_actors_add(u, &bad, &err) != 0 && strstr(err.msg, "unknown type"));
        bad = (conflict_user_actor_row){"X", 1, NULL, 0, NULL, 0, "MLI", 3};
        CHECK(conflict_user_actors_add(u, &bad, &err) != 0 && strstr(err.msg, "alpha-2"));
        bad = (conflict_user_actor_row){"a b c d e f g h i j k l m", 25, NULL, 0, NULL, 0, NULL, 0};
        CHECK(conflict_user_actors_add(u, &bad, &err) != 0 && strstr(err.msg, "more than 12"));
        bad = (conflict_user_actor_row){"--", 2, NULL, 0, NULL, 0, NULL, 0};
        CHECK(conflict_user_actors_add(u, &bad, &err) != 0 && strstr(err.msg, "no word"));
        CHECK(conflict_user_actors_finish(u) == 0 && conflict_user_actors_count(u) == 1);
        CHECK(conflict_engine_set_user_actors(e, u) == NULL);
        const char *text = "Le FPS, la fr-s, le Fr-S, le front de SANKE et Boko Haram de Sanke; fps.";
        conflict_options o;
        memset(&o, 0, sizeof o);
        conflict_table_free(&tab);
        conflict_table_init(&tab, NULL, conflict_actors_extractor.cols, conflict_actors_extractor.ncols);
        CHECK(conflict_actors_extractor.extract(e, text, strlen(text), &o, &tab, &err) == 0);
        char b[128];
        CHECK(tab.nrows == 4);
        CHECK(find("FPS") >= 0 && find("Fr-S") >= 0 && find("front de SANKE") >= 0 &&
              find("Boko Haram de Sanke") >= 0 && find("fr-s") < 0 && find("fps") < 0);
        long k = find("Boko Haram de Sanke");
        CHECK(k >= 0 && strcmp(cell((size_t)k, 3, b), "Front de Sanké") == 0 &&
              strcmp(cell((size_t)k, 4, b), "rebels") == 0 && strcmp(cell((size_t)k, 5, b), "ML") == 0);
        conflict_engine_free(e); /* frees the overlay */
    }
    /* folding: accents, ligatures, case */
    {
        char out[64];
        CHECK(conflict_pd_fold("Qaïda", 6, out, sizeof out) == 5 && strcmp(out, "qaida") == 0);
        CHECK(conflict_pd_fold("Œuvre", 6, out, sizeof out) == 6 && strcmp(out, "oeuvre") == 0);
        CHECK(conflict_pd_fold("ÉTAT", 5, out, sizeof out) == 4 && strcmp(out, "etat") == 0);
    }
    conflict_table_free(&tab);
    return check_summary();
}
