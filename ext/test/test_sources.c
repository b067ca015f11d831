/* Unit tests of extract_sources (sentences written for the project). */
#include <string.h>

#include "check.h"
#include "internal.h"

extern const conflict_extractor conflict_sources_extractor;

static conflict_table tab;

static void run(const char *text) {
    conflict_options o;
    conflict_error err = {0};
    memset(&o, 0, sizeof o);
    conflict_table_free(&tab);
    conflict_table_init(&tab, NULL, conflict_sources_extractor.cols, conflict_sources_extractor.ncols);
    CHECK(conflict_sources_extractor.extract(NULL, text, strlen(text), &o, &tab, &err) == 0);
}

static const char *cell(size_t r, int col, char *buf) {
    conflict_cell *c = conflict_table_cell(&tab, r, col);
    if (c->type != CONFLICT_T_TEXT) return "(null)";
    memcpy(buf, c->v.t.s, c->v.t.n);
    buf[c->v.t.n] = 0;
    return buf;
}

/* a row whose text contains `part` */
static long find(const char *part) {
    char b[256];
    for (size_t r = 0; r < tab.nrows; r++)
        if (strstr(cell(r, 0, b), part)) return (long)r;
    return -1;
}

static void expect(const char *part, const char *type, const char *name) {
    char b[256];
    long r = find(part);
    if (r < 0) {
        printf("FAIL missing source \"%s\"\n", part);
        check_fail++;
        return;
    }
    CHECK_STR(cell((size_t)r, 4, b), type);
    if (name) CHECK_STR(cell((size_t)r, 3, b), name);
}

static void absent(const char *part) {
    if (find(part) >= 0) {
        printf("FAIL unexpected source \"%s\"\n", part);
        check_fail++;
    } else {
        check_pass++;
    }
}

int main(void) {
    conflict_table_init(&tab, NULL, conflict_sources_extractor.cols, conflict_sources_extractor.ncols);

    run("Douze soldats ont été tués lundi, selon l'Observatoire syrien des droits de l'Homme "
        "(OSDH), a indiqué à l'AFP une source militaire.");
    expect("Observatoire syrien", "ngo", "Syrian Observatory for Human Rights");
    absent("OSDH");
    expect("AFP", "agency", "AFP");
    expect("source militaire", "military", NULL);

    run("Citing a security source, Reuters said the convoy was hit; a local official told "
        "Reuters that 30 people had died, according to residents.");
    expect("security source", "military", NULL);
    expect("local official", "government", NULL);
    expect("residents", "unnamed", NULL);
    CHECK(tab.nrows == 5);

    /* SANA the agency, not Sanaa the city */
    run("L'agence officielle Sana a rapporté des tirs près de Sana, au Yémen.");
    expect("agence officielle Sana", "agency", "SANA");
    CHECK(tab.nrows == 1);

    /* generic nouns only in an attribution context */
    run("Un habitant a été blessé par des éclats. « Ils sont arrivés la nuit », a raconté un "
        "habitant de Gao.");
    CHECK(tab.nrows == 1);
    expect("habitant", "unnamed", NULL);

    /* photo credits, pronoun-free negatives, "Source :" lines */
    run("(Photo AFP)\nLe bilan ne peut être vérifié de source indépendante, selon la même source.\n"
        "Source : Radio Okapi");
    absent("AFP");
    absent("indépendante");
    expect("Radio Okapi", "media", NULL);

    /* the army speaking is a military source; the UN a UN source */
    run("L'armée nigérienne a annoncé jeudi avoir tué 40 assaillants, tandis que l'ONU "
        "s'inquiète du sort des déplacés.");
    expect("armée", "military", NULL);
    expect("ONU", "un", "United Nations");
    run("Les Nations unies et Médecins sans frontières (MSF) ont dénoncé les frappes.");
    expect("Nations unies", "un", NULL);
    expect("Médecins sans frontières", "ngo", NULL);
    absent("MSF");
    conflict_table_free(&tab);
    return check_summary();
}
