/* Unit tests of conflict_detect_lang: sentences written for these tests. */
#include <stdlib.h>

#include "check.h"
#include "conflict.h"

/* a private copy of lang.c, to check its tables */
#define conflict_detect_lang lang_copy_detect_lang
#include "lang.c"
#undef conflict_detect_lang

static void test_tables(void) {
    int bad = 0;
    for (int b = 0; b < 27; b++)
        for (int i = 0; i < fw_buckets[b].n; i++) {
            const fw *e = &fw_buckets[b].v[i];
            if (e->len != strlen(e->w) || bucket_of_first(e->w) != b) bad++;
            if (!(fw_lens[b] >> e->len & 1)) bad++;
            if (i > 0) {
                const fw *p = &fw_buckets[b].v[i - 1];
                if (p->len > e->len || (p->len == e->len && memcmp(p->w, e->w, e->len) >= 0)) {
                    printf("out of order: %s %s\n", p->w, e->w);
                    bad++;
                }
            }
            /* every word is found */
            if (word_mask(e->w, e->len) != e->mask) bad++;
        }
    CHECK(bad == 0);
    /* no stale length bits either */
    for (int b = 0; b < 27; b++) {
        uint32_t m = 0;
        for (int i = 0; i < fw_buckets[b].n; i++) m |= 1u << fw_buckets[b].v[i].len;
        CHECK(m == fw_lens[b]);
    }
}

static const char *lang(const char *s) {
    const char *r = conflict_detect_lang(s, strlen(s));
    return r ? r : "NULL";
}

int main(void) {
    test_tables();
    /* Latin script */
    CHECK_STR(lang("Deux civils ont été tués mardi dans le bombardement de leur village, selon une ONG."), "fr");
    CHECK_STR(lang("Two civilians were killed on Tuesday when their village was shelled, a monitor said."), "en");
    CHECK_STR(lang("Dos civiles murieron el martes en el bombardeo de su aldea, según una ONG."), "es");
    CHECK_STR(lang("Due civili sono stati uccisi martedì nel bombardamento del loro villaggio."), "it");
    CHECK_STR(lang("Dois civis foram mortos na terça-feira no bombardeio da sua aldeia, segundo uma ONG."), "pt");
    CHECK_STR(lang("Zwei Zivilisten wurden am Dienstag bei dem Beschuss ihres Dorfes getötet."), "de");
    CHECK_STR(lang("Twee burgers zijn dinsdag gedood bij de beschieting van hun dorp, meldt een ngo."), "nl");
    CHECK_STR(lang("On 14 March 2021, militants attacked a police post in the district, killing two officers."), "en");
    CHECK_STR(lang("Le 14 mars 2021, des hommes armés ont attaqué un poste de police du district."), "fr");
    /* other scripts */
    CHECK_STR(lang("قتل مدنيان يوم الثلاثاء في قصف استهدف قريتهما بحسب منظمة غير حكومية."), "ar");
    CHECK_STR(lang("Двое мирных жителей погибли во вторник при обстреле их деревни."), "ru");
    CHECK_STR(lang("Двоє цивільних загинули у вівторок під час обстрілу їхнього села."), "uk");
    CHECK_STR(lang("دو غیرنظامی روز سه‌شنبه در گلوله‌باران روستایشان کشته شدند."), "fa");
    CHECK_STR(lang("منگل کے روز گاؤں پر گولہ باری میں دو شہری ہلاک ہو گئے۔"), "ur");
    CHECK_STR(lang("Δύο άμαχοι σκοτώθηκαν την Τρίτη στον βομβαρδισμό του χωριού τους."), "el");
    CHECK_STR(lang("שני אזרחים נהרגו ביום שלישי בהפגזה על הכפר שלהם."), "he");
    CHECK_STR(lang("两名平民周二在村庄遭炮击时丧生。"), "zh");
    /* too short, mixed, unknown: NULL */
    CHECK_STR(lang(""), "NULL");
    CHECK_STR(lang("Idleb"), "NULL");
    CHECK_STR(lang("OK 2021"), "NULL");
    CHECK_STR(lang("The army said the village was shelled. Les forces ont attaqué le village hier."), "NULL");
    CHECK_STR(lang("Raia wawili waliuawa Jumanne katika shambulio la kijiji chao."), "NULL");
    CHECK_STR(lang("Iki sivil salı günü köylerinin bombalanmasında öldü."), "NULL");
    CHECK_STR(lang("Alep Алеппо حلب Aleppo Халеб"), "NULL");
    /* a French dispatch quoting an Arabic name stays French */
    CHECK_STR(lang("Le groupe Hayat Tahrir al-Cham (هيئة تحرير الشام) contrôle la ville depuis des mois."), "fr");
    /* explicit length: only the first n bytes count */
    const char *two = "Two civilians were killed on Tuesday. Deux civils ont été tués mardi dans le village.";
    const char *r = conflict_detect_lang(two, 37);
    CHECK_STR(r ? r : "NULL", "en");
    CHECK(conflict_detect_lang(NULL, 0) == NULL);
    /* long input: bounded scan, still answers */
    size_t n = 1 << 20;
    char *big = malloc(n + 1);
    const char *unit = "Les forces du régime ont repris la ville. ";
    size_t ul = strlen(unit);
    for (size_t i = 0; i < n; i++) big[i] = unit[i % ul];
    big[n] = 0;
    CHECK_STR(lang(big), "fr");
    free(big);
    return check_summary();
}
