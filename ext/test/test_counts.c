/* Unit tests of extract_counts (ext/core/counts.c), on sentences written for the project. */
#include <stdlib.h>

#include "check.h"
#include "conflict.h"

static const conflict_extractor *counts_ex(void) {
    for (const conflict_extractor *const *e = conflict_extractors; *e; e++)
        if (!strcmp((*e)->name, "counts")) return *e;
    return NULL;
}

static conflict_engine *eng;

/* Runs the extractor; returns the JSON text (static buffer) or the error message. */
static const char *run(const char *text, const char *opts) {
    static char out[8192];
    const conflict_extractor *ex = counts_ex();
    conflict_table t;
    conflict_error err = {0};
    conflict_options o;
    memset(&o, 0, sizeof o);
    conflict_table_init(&t, NULL, ex->cols, ex->ncols);
    conflict_status st = CONFLICT_OK;
    if (opts) st = conflict_options_parse(opts, strlen(opts), ex->option_keys, &o, &err);
    if (!st) st = ex->extract(eng, text, strlen(text), &o, &t, &err);
    if (st) {
        snprintf(out, sizeof out, "error: %s", err.msg);
    } else {
        conflict_buf b;
        conflict_buf_init(&b, NULL, 0);
        conflict_table_to_json(&t, &b);
        snprintf(out, sizeof out, "%s", b.p ? b.p : "");
        conflict_buf_free(&b);
    }
    conflict_table_free(&t);
    return out;
}

/* "value/category/who/qualifier/part_of" of every count, joined with ';' */
static const char *brief(const char *text) {
    static char out[4096];
    const conflict_extractor *ex = counts_ex();
    conflict_table t;
    conflict_error err = {0};
    conflict_options o;
    memset(&o, 0, sizeof o);
    conflict_table_init(&t, NULL, ex->cols, ex->ncols);
    out[0] = 0;
    if (ex->extract(eng, text, strlen(text), &o, &t, &err) == CONFLICT_OK) {
        size_t k = 0;
        for (size_t r = 0; r < t.nrows && k < sizeof out - 200; r++) {
            conflict_cell *v = conflict_table_cell(&t, r, 3), *q = conflict_table_cell(&t, r, 6),
                          *c = conflict_table_cell(&t, r, 7), *w = conflict_table_cell(&t, r, 8),
                          *p = conflict_table_cell(&t, r, 9);
            k += (size_t)snprintf(out + k, sizeof out - k, "%s%lld/%.*s/%.*s/%.*s/", r ? ";" : "",
                                  (long long)v->v.i, (int)c->v.t.n, c->v.t.s,
                                  w->type == CONFLICT_T_TEXT ? (int)w->v.t.n : 1,
                                  w->type == CONFLICT_T_TEXT ? w->v.t.s : "-", (int)q->v.t.n, q->v.t.s);
            if (p->type == CONFLICT_T_INT) k += (size_t)snprintf(out + k, sizeof out - k, "%lld", (long long)p->v.i);
            else k += (size_t)snprintf(out + k, sizeof out - k, "-");
        }
    } else {
        snprintf(out, sizeof out, "error: %s", err.msg);
    }
    conflict_table_free(&t);
    return out;
}

static void test_formats(void) {
    CHECK_STR(brief("358.000 personnes ont été déplacées."), "358000/displaced/unknown/exact/-");
    CHECK_STR(brief("Quelque 358 000 personnes ont fui."), "358000/displaced/unknown/approx/-");
    CHECK_STR(brief("358,000 people fled."), "358000/displaced/unknown/exact/-");
    CHECK_STR(brief("1.5 million people were displaced."), "1500000/displaced/unknown/exact/-");
    CHECK_STR(brief("1,5 million de personnes ont fui."), "1500000/displaced/unknown/exact/-");
    CHECK_STR(brief("2m people fled."), "2000000/displaced/unknown/exact/-");
    CHECK_STR(brief("12-15 soldiers were killed."), "12/killed/security_forces/range/-");
    CHECK_STR(brief("Douze à quinze soldats ont été tués."), "12/killed/security_forces/range/-");
    CHECK_STR(brief("Sept civils ont été tués."), "7/killed/civilians/exact/-");
    CHECK_STR(brief("Quatre-vingt-dix-sept soldats ont été tués."), "97/killed/security_forces/exact/-");
    CHECK_STR(brief("Soixante et onze civils ont été tués."), "71/killed/civilians/exact/-");
    CHECK_STR(brief("Trois millions de personnes ont fui."), "3000000/displaced/unknown/exact/-");
    CHECK_STR(brief("Un millier de personnes ont fui."), "1000/displaced/unknown/approx/-");
    CHECK_STR(brief("Une dizaine de civils ont été blessés."), "10/wounded/civilians/approx/-");
    CHECK_STR(brief("Des centaines de civils ont fui."), "100/displaced/civilians/approx/-");
    CHECK_STR(brief("Two hundred and five prisoners were freed."), "205/detained/unknown/exact/-");
    CHECK_STR(brief("Hundreds of protesters gathered."), "100/protesters/civilians/approx/-");
    CHECK_STR(brief("Scores of people were wounded."), "40/wounded/unknown/approx/-");
    CHECK_STR(brief("A dozen rebels were killed."), "12/killed/combatants/approx/-");
    CHECK_STR(brief("Twenty-two soldiers were killed."), "22/killed/security_forces/exact/-");
}

static void test_ranges_values(void) {
    CHECK(strstr(run("Des dizaines de civils ont été tués.", NULL), "\"value\":12,\"low\":12,\"high\":99") != NULL);
    CHECK(strstr(run("Des milliers de personnes ont fui.", NULL), "\"value\":1000,\"low\":1000,\"high\":9999") != NULL);
    CHECK(strstr(run("Plus de 380.000 morts.", NULL), "\"value\":380000,\"low\":380000,\"high\":null,\"qualifier\":\"at_least\"") != NULL);
    CHECK(strstr(run("As many as 30 people were killed.", NULL), "\"low\":null,\"high\":30,\"qualifier\":\"at_most\"") != NULL);
    CHECK(strstr(run("Environ 40 personnes ont été tuées.", NULL), "\"low\":null,\"high\":null,\"qualifier\":\"approx\"") != NULL);
}

static void test_articles(void) {
    CHECK_STR(brief("Un soldat a été tué."), "1/killed/security_forces/exact/-");
    CHECK_STR(brief("Un soldat a ouvert le feu."), "");
    CHECK_STR(brief("A woman was injured in the blast."), "1/wounded/women/exact/-");
    CHECK_STR(brief("He was a soldier."), "");
    CHECK_STR(brief("A shopkeeper was shot dead."), "1/killed/unknown/exact/-");
}

static void test_categories(void) {
    CHECK_STR(brief("Le conflit a fait 380.000 morts."), "380000/killed/unknown/exact/-");
    CHECK_STR(brief("Le bilan s'élève à 27 morts."), "27/killed/unknown/exact/-");
    CHECK_STR(brief("Gunmen stormed the village, killing 12."), "12/killed/unknown/exact/-");
    CHECK_STR(brief("12 killed, 30 injured."), "12/killed/unknown/exact/-;30/wounded/unknown/exact/-");
    CHECK_STR(brief("Militants killed 3 soldiers."), "3/killed/security_forces/exact/-");
    CHECK_STR(brief("3 militants killed 2 soldiers."), "3/combatants/combatants/exact/-;2/killed/security_forces/exact/-");
    /* burnt or buried alive: killed */
    CHECK_STR(brief("Four passengers were burnt alive in the bus."), "4/killed/civilians/exact/-");
    CHECK_STR(brief("Three villagers were found alive."), "3/people/civilians/exact/-");
    CHECK_STR(brief("Assailants burnt alive two children."), "2/killed/children/exact/-");
    /* an article after an active casualty verb counts one, whatever the noun; not an
     * intent, an unknown number, nor French "a" (has) */
    CHECK_STR(brief("Gunmen shot dead an activist in Sonaimuri."), "1/killed/unknown/exact/-");
    CHECK_STR(brief("Villagers threatened to kill a soldier."), "");
    CHECK_STR(brief("Airstrikes killed an unknown number of fighters."), "");
    /* a casualty verb before "all", and before a status noun: what happened to them */
    CHECK_STR(brief("The army was able to kill all three militants."), "3/killed/combatants/exact/-");
    CHECK_STR(brief("Militants killed 12 hostages."), "12/killed/unknown/exact/-");
    /* animals are no casualties; "cattle traders" are people */
    CHECK_STR(brief("Militants killed 10 cows."), "10/objects/-/exact/-");
    CHECK_STR(brief("Two cattle traders were killed."), "2/killed/civilians/exact/-");
    CHECK_STR(brief("\"Trois hommes ont été tués\", a indiqué samedi la police."),
              "3/killed/unknown/exact/-");
    /* a casualty participle with a pronoun object: what happened to the count before */
    CHECK_STR(brief("Militants targeted two policemen in Awaran, killing them on the spot."),
              "2/killed/security_forces/exact/-");
    /* the verb after a subset is its total's */
    CHECK_STR(brief("20 militants, including 3 suicide bombers, were killed in air strikes."),
              "20/killed/combatants/exact/-;3/killed/combatants/exact/0");
    /* the agent of a passive is not the subject of the verb coordinated with it */
    CHECK_STR(brief("A trader was beaten by two men and later died."), "2/people/unknown/exact/-");
    /* "one of the men was killed": only the one, not the group */
    CHECK_STR(brief("Two armed men exchanged fire with the police, and one of the men was killed."),
              "2/people/unknown/exact/-;1/killed/unknown/exact/-");
    /* "shot dead" with an object: its subject did the killing */
    CHECK_STR(brief("Two gunmen shot dead three soldiers."), "2/combatants/combatants/exact/-;3/killed/security_forces/exact/-");
    CHECK_STR(brief("Two civilians were shot dead."), "2/killed/civilians/exact/-");
    /* "a motorcycle shot dead": the article's noun did the shooting */
    CHECK_STR(brief("Gunmen riding a motorcycle shot dead two policemen."), "2/killed/security_forces/exact/-");
    CHECK_STR(brief("Cinq terroristes ont été neutralisés."), "5/killed/combatants/exact/-");
    CHECK_STR(brief("Huit personnes ont été enlevées."), "8/kidnapped/unknown/exact/-");
    CHECK_STR(brief("Quatre policiers ont été interpellés."), "4/detained/security_forces/exact/-");
    CHECK_STR(brief("Two villagers are missing."), "2/missing/civilians/exact/-");
    CHECK_STR(brief("Sept villages et localités ont été repris."), "7/places/-/exact/-");
    CHECK_STR(brief("The army destroyed 11 vehicles."), "11/objects/-/exact/-");
    CHECK_STR(brief("Two women and three children were killed."), "2/killed/women/exact/-;3/killed/children/exact/-");
    CHECK_STR(brief("3 Taliban fighters were kidnapped and shot dead."), "3/killed/combatants/exact/-");
    /* others share the fate and the kind of those just counted, unless a verb of theirs follows */
    CHECK_STR(brief("Ils ont tué 30 personnes à Kayamla et 25 autres à Bale."),
              "30/killed/unknown/exact/-;25/killed/unknown/exact/-");
    CHECK_STR(brief("L'armée a annoncé la mort de six militaires et la blessure de 18 autres."),
              "6/killed/security_forces/exact/-;18/wounded/security_forces/exact/-");
    CHECK_STR(brief("One man was killed and three others sustained injuries."),
              "1/killed/unknown/exact/-;3/wounded/unknown/exact/-");
    /* an attribution between the verb and its count */
    CHECK_STR(brief("Les frappes ont tué selon elle plus de 700 insurgés."),
              "700/killed/combatants/at_least/-");
    /* a French adjective after an object noun; an English noun last */
    CHECK_STR(brief("11 véhicules militaires ont été détruits."), "11/objects/-/exact/-");
    CHECK_STR(brief("45 Assam Rifles personnel were deployed."), "45/combatants/security_forces/exact/-");
    CHECK_STR(brief("Quatre personnes ont été hospitalisées."), "4/wounded/unknown/exact/-");
    /* a number whose noun is elided, joined to a casualty count; not a range of days */
    CHECK_STR(brief("47 terroristes ont été neutralisés le matin et 23 lors de ratissages."),
              "47/killed/combatants/exact/-;23/killed/combatants/exact/-");
    CHECK_STR(brief("Three soldiers were killed between Nov. 15 and 18."), "3/killed/security_forces/exact/-");
    CHECK_STR(brief("10 people were injured in clashes with 20-party activists."), "10/wounded/unknown/exact/-");
    /* "dont un": one of them */
    CHECK_STR(brief("Le gouverneur fait état de cinq blessés dont un grave."),
              "5/wounded/unknown/exact/-;1/wounded/unknown/exact/0");
    CHECK_STR(brief("Two people, including a student, were injured."), "2/wounded/unknown/exact/-");
}

static void test_subsets(void) {
    CHECK_STR(brief("Les combats ont fait 187 morts dont 77 soldats et 110 jihadistes."),
              "187/killed/unknown/exact/-;77/killed/security_forces/exact/0;110/killed/combatants/exact/0");
    CHECK_STR(brief("Nine people were killed, including 2 commanders."),
              "9/killed/unknown/exact/-;2/killed/unknown/exact/0");
    CHECK_STR(brief("Attackers killed two guards. 2 fatalities."),
              "2/killed/security_forces/exact/1;2/killed/unknown/exact/-");
}

static void test_restatements(void) {
    /* the same toll told again in a later sentence is part of its first mention */
    CHECK_STR(brief("Four soldiers were killed near the border. Later that day four soldiers were killed in the ambush, an official said."),
              "4/killed/security_forces/exact/-;4/killed/security_forces/exact/0");
    CHECK_STR(brief("Gunmen killed three traders. The three dead were buried the next day."),
              "3/killed/civilians/exact/-;3/killed/unknown/exact/0");
    CHECK_STR(brief("Cinq villageois ont été tués. Les cinq victimes ont été enterrées samedi."),
              "5/killed/civilians/exact/-;5/killed/unknown/exact/0");
    /* a definite repeat in the same sentence: "among the four killed" */
    CHECK_STR(brief("Police killed 4 gunmen, and a commander was among the four killed."),
              "4/killed/combatants/exact/-;4/killed/combatants/exact/0");
    /* a further word after the count counts within its clause only */
    CHECK_STR(brief("Rangers killed 4 militants in Karachi. They managed to kill 4 while the others escaped."),
              "4/killed/combatants/exact/-;4/killed/unknown/exact/0");
    CHECK_STR(brief("3 soldiers were killed. Four soldiers were also wounded."),
              "3/killed/security_forces/exact/-;4/wounded/security_forces/exact/-");
    CHECK_STR(brief("Four people died in the clash. The mayor was also among the four killed."),
              "4/killed/unknown/exact/-;4/killed/unknown/exact/0");
    /* not restatements: two places in one sentence, a further toll, another who, a new referent */
    CHECK_STR(brief("2 people were killed in the market and 2 were killed at the checkpoint."),
              "2/killed/unknown/exact/-;2/killed/unknown/exact/-");
    CHECK_STR(brief("Two policemen were killed. Two other policemen were killed later."),
              "2/killed/security_forces/exact/-;2/killed/security_forces/exact/-");
    CHECK_STR(brief("Two civilians were killed. Two soldiers were killed as well."),
              "2/killed/civilians/exact/-;2/killed/security_forces/exact/-");
    CHECK_STR(brief("A man was shot dead. In another incident, a man was killed."),
              "1/killed/unknown/exact/-;1/killed/unknown/exact/-");
    /* another date or another place in both sentences: separate events */
    CHECK_STR(brief("Three soldiers were killed in Kidal on Monday. Three soldiers were killed in Gao on Friday."),
              "3/killed/security_forces/exact/-;3/killed/security_forces/exact/-");
}

static void test_far_and_odd_forms(void) {
    /* a person-kind noun (protesters, prisoners, refugees) with a casualty verb: the verb says what happened */
    CHECK_STR(brief("Three protesters were killed by the police."), "3/killed/civilians/exact/-");
    CHECK_STR(brief("Twelve prisoners were injured in the riot."), "12/wounded/unknown/exact/-");
    CHECK_STR(brief("Dozens of demonstrators gathered to protest the death sentences."), "12/protesters/civilians/approx/-");
    /* an age in apposition to a name is not a count */
    CHECK_STR(brief("The victim, Karim, 34, was shot dead."), "");
    /* a number with its own participle is not the object of the one before */
    CHECK_STR(brief("1 soldier killed 4 injured in a blast"), "1/killed/security_forces/exact/-;4/wounded/unknown/exact/-");
    /* the first auxiliary of a long subject, right before the casualty verb */
    CHECK_STR(brief("Two guards posted at the gate of the regional hospital in the north of the old city were shot dead."),
              "2/killed/security_forces/exact/-");
    CHECK_STR(brief("Two guards posted at the gate of the regional hospital in the north of the city were arrested and two were killed."),
              "2/detained/security_forces/exact/-;2/killed/unknown/exact/-");
    /* coordinated killing of the same people */
    CHECK_STR(brief("Rebels abducted four farmers and killed them."), "4/killed/civilians/exact/-");
    CHECK_STR(brief("Four farmers were abducted by the rebels and killed."), "4/killed/civilians/exact/-");
    CHECK_STR(brief("Rebels abducted four farmers and killed a soldier."), "4/kidnapped/civilians/exact/-;1/killed/security_forces/exact/-");
    /* a letter typed three times */
    CHECK_STR(brief("Gunmen attacked a bus, killling 9."), "9/killed/unknown/exact/-");
}

static void test_exclusions(void) {
    CHECK_STR(brief("Le 26 janvier 2020, en 24 heures, à 15 km, 70% du pays."), "");
    CHECK_STR(brief("On 9 May 2020 at 10:30, $5 million, resolution 2254, the M5."), "");
    CHECK_STR(brief("Un enfant de 12 ans, le 2e jour, Covid-19."), "");
    CHECK_STR(brief("In 2015, 1.5 was the ratio."), "");
    CHECK_STR(brief("Aged 25, he died."), "");
}

static void test_options_and_limits(void) {
    CHECK_STR(run("12 killed", "{\"lang\":\"xx\"}"), "error: option \"lang\" must be \"fr\", \"en\" or \"auto\", got \"xx\"");
    CHECK_STR(run("12 killed", "{\"categories\":\"dead\"}"), "error: unknown category \"dead\" in option \"categories\"");
    CHECK_STR(run("12 killed", "{\"nope\":1}"), "error: unknown option \"nope\"");
    CHECK_STR(run("12 killed, 3 injured", "{\"categories\":\"wounded\"}"),
              "[{\"text\":\"3 injured\",\"start\":12,\"length\":9,\"value\":3,\"low\":3,\"high\":3,\"qualifier\":\"exact\",\"category\":\"wounded\",\"who\":\"unknown\",\"part_of\":null,\"event\":false}]");
    CHECK_STR(run("", NULL), "[]");
    CHECK_STR(brief("99999999999999999999999 people were killed."), "");
    /* a very long digit run and a long run of number words: bounded, no crash */
    size_t n = 200000;
    char *big = malloc(n + 16);
    memset(big, '9', n);
    memcpy(big + n, " killed", 8);
    CHECK_STR(brief(big), "");
    for (size_t i = 0; i + 4 <= n; i += 4) memcpy(big + i, "un ", 3), big[i + 3] = ' ';
    big[n] = 0;
    CHECK_STR(brief(big), "");
    free(big);
}

int main(void) {
    conflict_error err = {0};
    if (conflict_engine_new(&conflict_default_allocator, &eng, &err)) {
        printf("engine: %s\n", err.msg);
        return 1;
    }
    if (!counts_ex()) {
        printf("FAIL no counts extractor\n");
        return 1;
    }
    test_formats();
    test_ranges_values();
    test_articles();
    test_categories();
    test_subsets();
    test_restatements();
    test_far_and_odd_forms();
    test_exclusions();
    test_options_and_limits();
    conflict_engine_free(eng);
    return check_summary();
}
