/* Unit tests of the dates extractor: sentences written for these tests. */
#include <stdlib.h>

#include "check.h"
#include "conflict.h"

static conflict_engine *eng;
static const conflict_extractor *ex;

/* "text=date/precision/r;" per mention (r = relative, a = absolute, date "-" when NULL),
 * or "ERR:<message>". */
static const char *run(const char *text, const char *ref, const char *opts) {
    static char out[1024];
    conflict_options o;
    conflict_error err = {0};
    memset(&o, 0, sizeof o);
    if (opts && conflict_options_parse(opts, strlen(opts), ex->option_keys, &o, &err)) {
        snprintf(out, sizeof out, "ERR:%s", err.msg);
        return out;
    }
    o.ref_date = ref;
    o.ref_date_len = ref ? strlen(ref) : 0;
    conflict_table t;
    conflict_table_init(&t, NULL, ex->cols, ex->ncols);
    conflict_status st = ex->extract(eng, text, strlen(text), &o, &t, &err);
    if (st) {
        snprintf(out, sizeof out, "ERR:%s", err.msg);
        conflict_table_free(&t);
        return out;
    }
    size_t k = 0;
    out[0] = 0;
    for (size_t r = 0; r < t.nrows && k < sizeof out - 100; r++) {
        const conflict_cell *c = conflict_table_cell(&t, r, 0);
        const conflict_cell *d = conflict_table_cell(&t, r, 3);
        const conflict_cell *p = conflict_table_cell(&t, r, 4);
        const conflict_cell *rel = conflict_table_cell(&t, r, 5);
        k += (size_t)snprintf(out + k, sizeof out - k, "%.*s=%.*s/%.*s/%s;", (int)c->v.t.n, c->v.t.s,
                              d->type == CONFLICT_T_TEXT ? (int)d->v.t.n : 1,
                              d->type == CONFLICT_T_TEXT ? d->v.t.s : "-", (int)p->v.t.n, p->v.t.s,
                              rel->v.i ? "r" : "a");
    }
    conflict_table_free(&t);
    return out;
}

/* character positions: start/length are 1-based characters after finish */
static void test_positions(void) {
    const char *s = "Frappes russes à Idleb dimanche : l\xe2\x80\x99" "aviation a visé jeudi un marché.";
    conflict_options o;
    memset(&o, 0, sizeof o);
    o.ref_date = "2021-03-14";
    o.ref_date_len = 10;
    conflict_table t;
    conflict_error err = {0};
    conflict_table_init(&t, NULL, ex->cols, ex->ncols);
    CHECK(ex->extract(eng, s, strlen(s), &o, &t, &err) == CONFLICT_OK);
    CHECK(t.nrows == 2);
    if (t.nrows == 2) {
        CHECK(conflict_table_cell(&t, 0, 1)->v.i == 24); /* "dimanche": à is one character */
        CHECK(conflict_table_cell(&t, 0, 2)->v.i == 8);
        CHECK(conflict_table_cell(&t, 1, 1)->v.i == 53);
        CHECK(conflict_table_cell(&t, 1, 2)->v.i == 5);
    }
    conflict_table_free(&t);
}

static void test_absolute(void) {
    CHECK_STR(run("L'attaque du 14 mars 2021 a fait six morts.", "2021-03-20", NULL),
              "14 mars 2021=2021-03-14/day/a;");
    CHECK_STR(run("Le cessez-le-feu signé le 1er juin 2019 a été rompu.", NULL, NULL),
              "1er juin 2019=2019-06-01/day/a;");
    CHECK_STR(run("The offensive began on June 2, 2019 near the border.", NULL, NULL),
              "June 2, 2019=2019-06-02/day/a;");
    CHECK_STR(run("Militia fighters attacked the camp on 7 October 2022.", NULL, NULL),
              "7 October 2022=2022-10-07/day/a;");
    CHECK_STR(run("Rapport publié le 03/11/2017 par la mission.", NULL, NULL),
              "03/11/2017=2017-11-03/day/a;");
    CHECK_STR(run("Report dated 2017-11-03 and 04.11.2017.", NULL, NULL),
              "2017-11-03=2017-11-03/day/a;04.11.2017=2017-11-04/day/a;");
    CHECK_STR(run("La guerre a éclaté en avril 2023 au Soudan.", NULL, NULL),
              "avril 2023=2023-04/month/a;");
    CHECK_STR(run("Fighting has continued since 2014 in the east.", NULL, NULL), "2014=2014/year/a;");
    CHECK_STR(run("Les violences durent depuis 2012, de 2015 à 2017 surtout.", NULL, NULL),
              "2012=2012/year/a;2015=2015/year/a;2017=2017/year/a;");
    CHECK_STR(run("Un mardi, 12 juillet 2016, la ville est tombée.", NULL, NULL),
              "mardi, 12 juillet 2016=2016-07-12/day/a;");
}

static void test_relative(void) {
    /* Saturday 2021-03-13 */
    const char *ref = "2021-03-13";
    CHECK_STR(run("Des obus sont tombés samedi sur le marché.", ref, NULL), "samedi=2021-03-13/day/r;");
    CHECK_STR(run("Des obus sont tombés mardi soir sur le marché.", ref, NULL), "mardi=2021-03-09/day/r;");
    CHECK_STR(run("Rebels ambushed a convoy on Sunday, the army said on Saturday.", ref, NULL),
              "Sunday=2021-03-07/day/r;Saturday=2021-03-13/day/r;");
    CHECK_STR(run("dans la nuit de lundi à mardi", ref, NULL),
              "lundi=2021-03-08/day/r;mardi=2021-03-09/day/r;");
    CHECK_STR(run("Hier, deux soldats ont été tués ; aujourd\xe2\x80\x99hui le calme est revenu.", ref, NULL),
              "Hier=2021-03-12/day/r;aujourd\xe2\x80\x99hui=2021-03-13/day/r;");
    CHECK_STR(run("Yesterday the police said the toll rose; avant-hier encore.", ref, NULL),
              "Yesterday=2021-03-12/day/r;avant-hier=2021-03-11/day/r;");
    CHECK_STR(run("Les combats ont repris depuis novembre.", ref, NULL), "novembre=2020-11/month/r;");
    CHECK_STR(run("Une trêve conclue en février a tenu.", ref, NULL), "février=2021-02/month/r;");
    CHECK_STR(run("Une trêve conclue en mars a tenu.", ref, NULL), "mars=2021-03/month/r;");
    CHECK_STR(run("L'attaque du 20 mars a fait trois morts.", ref, NULL), "20 mars=2021-03-20/day/r;");
    CHECK_STR(run("L'attaque du 20 avril a fait trois morts.", ref, NULL), "20 avril=2020-04-20/day/r;");
    CHECK_STR(run("La bataille entamée en mars dernier continue.", ref, NULL),
              "mars dernier=2020-03/month/r;");
    CHECK_STR(run("The strike of March 2 killed four.", ref, NULL), "March 2=2021-03-02/day/r;");
    CHECK_STR(run("Samedi dernier et lundi prochain", ref, NULL),
              "Samedi dernier=2021-03-06/day/r;lundi prochain=2021-03-15/day/r;");
    CHECK_STR(run("last Saturday, next Monday", ref, NULL),
              "last Saturday=2021-03-06/day/r;next Monday=2021-03-15/day/r;");
    CHECK_STR(run("L'an dernier, la région comptait moins de déplacés que le mois dernier.", ref, NULL),
              "L'an dernier=2020/year/r;mois dernier=2021-02/month/r;");
    CHECK_STR(run("Attacks rose last year and again this month.", ref, NULL),
              "last year=2020/year/r;this month=2021-03/month/r;");
    CHECK_STR(run("du 2 au 4 mars, puis le 9/03", ref, NULL),
              "2=2021-03-02/day/r;4 mars=2021-03-04/day/r;9/03=2021-03-09/day/r;");
    /* ref_date as date-time text */
    CHECK_STR(run("hier", "2021-03-13 08:15:00", NULL), "hier=2021-03-12/day/r;");
    CHECK_STR(run("hier", "2021-03-13T08:15:00Z", NULL), "hier=2021-03-12/day/r;");
    CHECK_STR(run("hier", "2021-03-01", NULL), "hier=2021-02-28/day/r;");
    CHECK_STR(run("yesterday", "2020-03-01", NULL), "yesterday=2020-02-29/day/r;");
    CHECK_STR(run("dimanche", "2021-01-01", NULL), "dimanche=2020-12-27/day/r;");
}

static void test_coarse_and_null_ref(void) {
    CHECK_STR(run("jeudi, en février, le 3 mars 2020", "2021-03", NULL),
              "jeudi=-/day/r;février=2021-02/month/r;3 mars 2020=2020-03-03/day/a;");
    CHECK_STR(run("jeudi, en février, l'an dernier", "2021", NULL),
              "jeudi=-/day/r;février=2021-02/month/r;l'an dernier=2020/year/r;");
    CHECK_STR(run("jeudi, en février, le 3 mars 2020", NULL, NULL),
              "jeudi=-/day/r;février=-/month/r;3 mars 2020=2020-03-03/day/a;");
    CHECK_STR(run("jeudi, en février, le 3 mars 2020", NULL, "{\"unresolved\": false}"),
              "3 mars 2020=2020-03-03/day/a;");
}

static void test_not_dates(void) {
    const char *ref = "2021-03-13";
    CHECK_STR(run("Le bilan des dernières 24 heures, à 10h30, fait état de 1.500 déplacés.", ref, NULL), "");
    CHECK_STR(run("La veille, le lendemain, la semaine dernière, last week.", ref, NULL), "");
    CHECK_STR(run("Sept villages ont été repris; sept soldats tués.", ref, NULL), "");
    CHECK_STR(run("The militia may attack; Mars is a planet; rebels march on.", ref, NULL), "");
    CHECK_STR(run("Good Friday prayers, Bloody Sunday, le mardi gras, le vendredi saint.", ref, NULL), "");
    CHECK_STR(run("Le Mouvement du 23 mars (M23) tient la rue du 4 septembre.", ref, NULL), "");
    CHECK_STR(run("In January 30 people were killed.", ref, NULL), "January=2021-01/month/r;");
    CHECK_STR(run("Score 3-1, ratio 2/3, 24/7, version 2.0, the 1990s, COP2021.", ref, NULL), "");
    CHECK_STR(run("Plus de 2000 morts et 2011 blessés.", ref, NULL), "");
    CHECK_STR(run("Das ist hier nicht der Fall, sagte er.", ref, NULL), "");
    CHECK_STR(run("over the past year and in the last month", ref, NULL), "");
}

static void test_options_and_errors(void) {
    CHECK_STR(run("hier, yesterday", "2021-03-13", "{\"lang\": \"fr\"}"), "hier=2021-03-12/day/r;");
    CHECK_STR(run("hier, yesterday", "2021-03-13", "{\"lang\": \"en\"}"), "yesterday=2021-03-12/day/r;");
    CHECK_STR(run("hier, yesterday", "2021-03-13", "{\"lang\": \"auto\"}"),
              "hier=2021-03-12/day/r;yesterday=2021-03-12/day/r;");
    CHECK_STR(run("hier", "2021-03-13", "{\"lang\": \"es\"}"), "ERR:unsupported lang \"es\" (supported: fr, en, auto)");
    CHECK_STR(run("hier", "2021-03-13", "{\"lang\": 1}"), "ERR:option \"lang\" must be a string");
    CHECK_STR(run("hier", "2021-03-13", "{\"unresolved\": 1}"),
              "ERR:option \"unresolved\" must be true or false");
    CHECK_STR(run("hier", "2021-03-13", "{\"country\": \"SY\"}"), "ERR:unknown option \"country\"");
    CHECK_STR(run("hier", "13/03/2021", NULL),
              "ERR:invalid ref_date \"13/03/2021\" (expected YYYY-MM-DD, YYYY-MM or YYYY)");
    CHECK_STR(run("hier", "2021-02-29", NULL),
              "ERR:invalid ref_date \"2021-02-29\" (expected YYYY-MM-DD, YYYY-MM or YYYY)");
    CHECK_STR(run("hier", "2021-13", NULL),
              "ERR:invalid ref_date \"2021-13\" (expected YYYY-MM-DD, YYYY-MM or YYYY)");
    CHECK_STR(run("hier", "", NULL), "ERR:invalid ref_date \"\" (expected YYYY-MM-DD, YYYY-MM or YYYY)");
    CHECK_STR(run("", "2021-03-13", NULL), "");
}

/* adversarial inputs: no crash, bounded work */
static void test_robust(void) {
    size_t n = 200000;
    char *big = malloc(n + 1);
    for (size_t i = 0; i < n; i++) big[i] = "12/ -.3mars jeudi,"[i % 18];
    big[n] = 0;
    const char *r = run(big, "2021-03-13", NULL);
    CHECK(r != NULL);
    memset(big, '-', n);
    CHECK_STR(run(big, "2021-03-13", NULL), "");
    free(big);
    CHECK_STR(run("mars", "2021-03-13", NULL), "mars=2021-03/month/r;");
    CHECK_STR(run("31", "2021-03-13", NULL), "");
    CHECK_STR(run("le 31 février", "2021-03-13", NULL), "31 février=-/day/r;");
}

int main(void) {
    conflict_error err = {0};
    if (conflict_engine_new(&conflict_default_allocator, &eng, &err)) {
        printf("engine: %s\n", err.msg);
        return 1;
    }
    for (int i = 0; conflict_extractors[i]; i++)
        if (!strcmp(conflict_extractors[i]->name, "dates")) ex = conflict_extractors[i];
    CHECK(ex != NULL);
    if (!ex) return check_summary();
    CHECK(ex->takes_ref_date == 1 && ex->ncols == 6);
    test_positions();
    test_absolute();
    test_relative();
    test_coarse_and_null_ref();
    test_not_dates();
    test_options_and_errors();
    test_robust();
    conflict_engine_free(eng);
    return check_summary();
}
