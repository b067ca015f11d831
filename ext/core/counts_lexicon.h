/*
 * The word list behind extract_counts(): number words, qualifiers' words,
 * what is counted (category and who), exclusion units, and the small words
 * the phrase rules look at. Keys are folded: ASCII lower case, French
 * accents stripped, œ -> oe. Included once, by counts.c.
 */
#ifndef CONFLICT_COUNTS_LEXICON_H
#define CONFLICT_COUNTS_LEXICON_H

#include <stdint.h>

/* roles (a word may have several) */
enum {
    R_NUM = 1u << 0,      /* unit or tens number word: val */
    R_HUNDRED = 1u << 1,  /* cent, hundred: x100 */
    R_SCALE = 1u << 2,    /* mille, thousand, million, milliard: val */
    R_APPROX = 1u << 3,   /* dizaine, dozen...: val (approximate group) */
    R_PLURAL = 1u << 4,   /* plural form of an approx/scale word: vague when unnumbered */
    R_ARTICLE = 1u << 5,  /* un, une, a, an: 1 only when it counts a casualty */
    R_NOUN = 1u << 6,     /* head noun that names the category itself (morts, blessés) */
    R_PERSON = 1u << 7,   /* a person noun: gives `who` */
    R_OBJECT = 1u << 8,
    R_PLACE = 1u << 9,
    R_EVENT = 1u << 10,   /* strikes, raids, attacks: objects with event=true */
    R_VFWD = 1u << 11,    /* category word usable after the count (passive, intransitive) */
    R_VBACK = 1u << 12,   /* category word usable before the count (killing 3, a tué 3) */
    R_PART = 1u << 13,    /* participle: active when it has an object / a have-auxiliary */
    R_UNIT = 1u << 14,    /* ans, heures, km, %...: the number is not a count */
    R_MONTH = 1u << 15,
    R_IDENT = 1u << 16,   /* résolution 2254, ward 5: an identifier follows */
    R_HAVE = 1u << 17,    /* ont, a, have: "ont tué" is active */
    R_BE = 1u << 18,      /* été, were: "ont été tués" is passive */
    R_VAGUEDET = 1u << 19, /* des, plusieurs, quelques, several */
    R_SUBSET = 1u << 20,  /* dont, including, parmi: what follows is part of the count before */
    R_CONJ = 1u << 21,    /* et, and, ou, or */
    R_STOP = 1u << 22,    /* prepositions, pronouns...: end of a noun phrase */
    R_OF = 1u << 23,      /* de, d, of, des, du, the: skipped between number and noun */
    R_TOTAL = 1u << 24,   /* total, toll, bilan: the count is a summary total */
    R_AGE = 1u << 25,     /* aged, âgé: an age follows */
    R_CURRENCY = 1u << 26,
    R_OBJDET = 1u << 27,  /* the, his, their, les: a verb followed by it is active */
    R_BETWEEN = 1u << 28, /* entre, between: a range follows */
    R_TO = 1u << 29,      /* à, to, ou, or: range joiners */
    R_QWORD = 1u << 30,   /* a word of a qualifier phrase (plus de, at least) */
    R_PARTICLE = 1u << 31 /* gunned down, shot dead: a particle of the verb */
};

enum { CAT_NONE, CAT_KILLED, CAT_WOUNDED, CAT_DISPLACED, CAT_REFUGEES, CAT_DETAINED,
       CAT_KIDNAPPED, CAT_MISSING, CAT_EVACUATED, CAT_AFFECTED, CAT_PROTESTERS,
       CAT_COMBATANTS, CAT_PEOPLE, CAT_PLACES, CAT_OBJECTS, CAT_N };

enum { WHO_NONE, WHO_CIVILIANS, WHO_CHILDREN, WHO_WOMEN, WHO_SECURITY, WHO_COMBATANTS,
       WHO_UNKNOWN, WHO_N };

enum { L_FR = 1, L_EN = 2, L_ALL = 3 };

typedef struct {
    const char *w;
    uint32_t roles;
    uint8_t lang, cat, who;
    int64_t val;
} counts_lex;

#define NUMW(w, l, v) {w, R_NUM, l, 0, 0, v}
#define KILL_PART(w, l) {w, R_VFWD | R_VBACK | R_PART, l, CAT_KILLED, 0, 0}

static const counts_lex counts_lexicon[] = {
    /* ---- number words ---- */
    {"un", R_NUM | R_ARTICLE, L_FR, 0, 0, 1}, {"une", R_NUM | R_ARTICLE, L_FR, 0, 0, 1},
    NUMW("deux", L_FR, 2), NUMW("trois", L_FR, 3), NUMW("quatre", L_FR, 4),
    NUMW("cinq", L_FR, 5), NUMW("six", L_ALL, 6), {"sept", R_NUM | R_MONTH, L_FR, 0, 0, 7},
    NUMW("huit", L_FR, 8), NUMW("neuf", L_FR, 9), NUMW("dix", L_FR, 10),
    NUMW("onze", L_FR, 11), NUMW("douze", L_FR, 12), NUMW("treize", L_FR, 13),
    NUMW("quatorze", L_FR, 14), NUMW("quinze", L_FR, 15), NUMW("seize", L_FR, 16),
    NUMW("vingt", L_FR, 20), NUMW("vingts", L_FR, 20), NUMW("trente", L_FR, 30),
    NUMW("quarante", L_FR, 40), NUMW("cinquante", L_FR, 50), NUMW("soixante", L_FR, 60),
    {"cent", R_HUNDRED, L_FR, 0, 0, 100}, {"cents", R_HUNDRED, L_FR, 0, 0, 100},
    {"mille", R_SCALE, L_FR, 0, 0, 1000},
    {"million", R_SCALE, L_ALL, 0, 0, 1000000},
    {"millions", R_SCALE | R_PLURAL, L_ALL, 0, 0, 1000000},
    {"milliard", R_SCALE, L_FR, 0, 0, 1000000000},
    {"milliards", R_SCALE | R_PLURAL, L_FR, 0, 0, 1000000000},
    {"dizaine", R_APPROX, L_FR, 0, 0, 10}, {"dizaines", R_APPROX | R_PLURAL, L_FR, 0, 0, 12},
    {"douzaine", R_APPROX, L_FR, 0, 0, 12}, {"douzaines", R_APPROX | R_PLURAL, L_FR, 0, 0, 12},
    {"quinzaine", R_APPROX, L_FR, 0, 0, 15}, {"vingtaine", R_APPROX, L_FR, 0, 0, 20},
    {"vingtaines", R_APPROX | R_PLURAL, L_FR, 0, 0, 20},
    {"trentaine", R_APPROX, L_FR, 0, 0, 30}, {"quarantaine", R_APPROX, L_FR, 0, 0, 40},
    {"cinquantaine", R_APPROX, L_FR, 0, 0, 50}, {"soixantaine", R_APPROX, L_FR, 0, 0, 60},
    {"centaine", R_APPROX, L_FR, 0, 0, 100},
    {"centaines", R_APPROX | R_PLURAL, L_FR, 0, 0, 100},
    {"millier", R_APPROX, L_FR, 0, 0, 1000},
    {"milliers", R_APPROX | R_PLURAL, L_FR, 0, 0, 1000},
    {"one", R_NUM, L_EN, 0, 0, 1}, NUMW("two", L_EN, 2), NUMW("three", L_EN, 3),
    NUMW("four", L_EN, 4), NUMW("five", L_EN, 5), NUMW("seven", L_EN, 7),
    NUMW("eight", L_EN, 8), NUMW("nine", L_EN, 9), NUMW("ten", L_EN, 10),
    NUMW("eleven", L_EN, 11), NUMW("twelve", L_EN, 12), NUMW("thirteen", L_EN, 13),
    NUMW("fourteen", L_EN, 14), NUMW("fifteen", L_EN, 15), NUMW("sixteen", L_EN, 16),
    NUMW("seventeen", L_EN, 17), NUMW("eighteen", L_EN, 18), NUMW("nineteen", L_EN, 19),
    NUMW("twenty", L_EN, 20), NUMW("thirty", L_EN, 30), NUMW("forty", L_EN, 40),
    NUMW("fourty", L_EN, 40), NUMW("fifty", L_EN, 50), NUMW("sixty", L_EN, 60),
    NUMW("seventy", L_EN, 70), NUMW("eighty", L_EN, 80), NUMW("ninety", L_EN, 90),
    {"hundred", R_HUNDRED, L_EN, 0, 0, 100},
    {"hundreds", R_APPROX | R_PLURAL, L_EN, 0, 0, 100},
    {"thousand", R_SCALE, L_EN, 0, 0, 1000},
    {"thousands", R_SCALE | R_PLURAL, L_EN, 0, 0, 1000},
    {"billion", R_SCALE, L_EN, 0, 0, 1000000000},
    {"billions", R_SCALE | R_PLURAL, L_EN, 0, 0, 1000000000},
    {"dozen", R_APPROX, L_EN, 0, 0, 12}, {"dozens", R_APPROX | R_PLURAL, L_EN, 0, 0, 12},
    {"tens", R_APPROX | R_PLURAL, L_EN, 0, 0, 10},
    {"score", R_APPROX, L_EN, 0, 0, 20}, {"scores", R_APPROX | R_PLURAL, L_EN, 0, 0, 20},
    {"a", R_ARTICLE | R_HAVE | R_TO, L_ALL, 0, 0, 1},
    {"an", R_ARTICLE | R_UNIT, L_ALL, 0, 0, 1},

    /* ---- killed ---- */
    {"morts", R_NOUN | R_VFWD, L_FR, CAT_KILLED, 0, 0},
    {"mort", R_NOUN | R_VFWD | R_VBACK, L_FR, CAT_KILLED, 0, 0},
    {"mortes", R_NOUN | R_VFWD, L_FR, CAT_KILLED, 0, 0},
    {"tues", R_NOUN | R_VFWD | R_VBACK | R_PART, L_FR, CAT_KILLED, 0, 0},
    KILL_PART("tue", L_FR), KILL_PART("tuee", L_FR), KILL_PART("tuees", L_FR),
    {"tuant", R_VBACK, L_FR, CAT_KILLED, 0, 0},
    {"victimes", R_NOUN, L_FR, CAT_KILLED, WHO_UNKNOWN, 0},
    {"corps", R_NOUN | R_VBACK, L_FR, CAT_KILLED, 0, 0},
    {"cadavres", R_NOUN | R_VBACK, L_ALL, CAT_KILLED, 0, 0},
    {"deces", R_NOUN, L_FR, CAT_KILLED, 0, 0},
    KILL_PART("decedes", L_FR), KILL_PART("decede", L_FR), KILL_PART("decedees", L_FR),
    {"peri", R_VFWD, L_FR, CAT_KILLED, 0, 0}, {"perissent", R_VFWD, L_FR, CAT_KILLED, 0, 0},
    {"succombe", R_VFWD, L_FR, CAT_KILLED, 0, 0},
    {"succombes", R_VFWD, L_FR, CAT_KILLED, 0, 0},
    {"neutralises", R_NOUN | R_VFWD | R_VBACK | R_PART, L_FR, CAT_KILLED, 0, 0},
    KILL_PART("neutralise", L_FR), KILL_PART("neutralisant", L_FR),
    KILL_PART("abattus", L_FR), KILL_PART("abattu", L_FR), KILL_PART("abattue", L_FR),
    KILL_PART("elimines", L_FR), KILL_PART("elimine", L_FR),
    KILL_PART("executes", L_FR), KILL_PART("assassines", L_FR), KILL_PART("assassine", L_FR),
    KILL_PART("massacres", L_FR), KILL_PART("egorges", L_FR), KILL_PART("decapites", L_FR),
    {"vie", R_VFWD | R_VBACK, L_FR, CAT_KILLED, 0, 0},
    {"killed", R_VFWD | R_VBACK | R_PART, L_EN, CAT_KILLED, 0, 0},
    {"killing", R_VBACK, L_EN, CAT_KILLED, 0, 0},
    {"kills", R_VBACK, L_EN, CAT_KILLED, 0, 0},
    {"kill", R_VBACK, L_EN, CAT_KILLED, 0, 0},
    {"dead", R_NOUN | R_VFWD | R_VBACK, L_EN, CAT_KILLED, 0, 0},
    {"died", R_VFWD, L_EN, CAT_KILLED, 0, 0}, {"die", R_VFWD, L_EN, CAT_KILLED, 0, 0},
    {"deaths", R_NOUN | R_VBACK, L_EN, CAT_KILLED, 0, 0},
    {"death", R_NOUN | R_VFWD | R_VBACK, L_EN, CAT_KILLED, 0, 0},
    {"fatalities", R_NOUN | R_VBACK, L_EN, CAT_KILLED, 0, 0},
    {"fatality", R_NOUN | R_VBACK, L_EN, CAT_KILLED, 0, 0},
    KILL_PART("martyred", L_EN),
    {"bodies", R_NOUN | R_VBACK, L_EN, CAT_KILLED, 0, 0},
    {"body", R_VBACK, L_EN, CAT_KILLED, 0, 0},
    {"corpses", R_NOUN | R_VBACK, L_EN, CAT_KILLED, 0, 0},
    {"perished", R_VFWD, L_EN, CAT_KILLED, 0, 0},
    {"succumbed", R_VFWD, L_EN, CAT_KILLED, 0, 0},
    KILL_PART("murdered", L_EN), KILL_PART("slain", L_EN), KILL_PART("gunned", L_EN),
    KILL_PART("beheaded", L_EN), KILL_PART("massacred", L_EN), KILL_PART("assassinated", L_EN),
    KILL_PART("executed", L_EN), KILL_PART("lynched", L_EN),
    {"lives", R_VFWD | R_VBACK, L_EN, CAT_KILLED, 0, 0},

    /* ---- wounded ---- */
    {"blesses", R_NOUN | R_VFWD | R_VBACK | R_PART, L_FR, CAT_WOUNDED, 0, 0},
    {"blessees", R_NOUN | R_VFWD | R_VBACK | R_PART, L_FR, CAT_WOUNDED, 0, 0},
    {"blesse", R_NOUN | R_VFWD | R_VBACK | R_PART, L_FR, CAT_WOUNDED, 0, 0},
    {"blessee", R_NOUN | R_VFWD | R_VBACK | R_PART, L_FR, CAT_WOUNDED, 0, 0},
    {"blessant", R_VBACK, L_FR, CAT_WOUNDED, 0, 0},
    {"blessure", R_VBACK, L_FR, CAT_WOUNDED, 0, 0}, /* la blessure de 18 autres */
    {"hospitalises", R_NOUN | R_VFWD | R_PART, L_FR, CAT_WOUNDED, 0, 0},
    {"hospitalisees", R_NOUN | R_VFWD | R_PART, L_FR, CAT_WOUNDED, 0, 0},
    {"hospitalized", R_VFWD | R_PART, L_EN, CAT_WOUNDED, 0, 0},
    {"hospitalised", R_VFWD | R_PART, L_EN, CAT_WOUNDED, 0, 0},
    {"wounded", R_NOUN | R_VFWD | R_VBACK | R_PART, L_EN, CAT_WOUNDED, 0, 0},
    {"injured", R_NOUN | R_VFWD | R_VBACK | R_PART, L_EN, CAT_WOUNDED, 0, 0},
    {"wounding", R_VBACK, L_EN, CAT_WOUNDED, 0, 0},
    {"injuring", R_VBACK, L_EN, CAT_WOUNDED, 0, 0},
    {"injuries", R_VFWD, L_EN, CAT_WOUNDED, 0, 0},
    {"hurt", R_VFWD | R_PART, L_EN, CAT_WOUNDED, 0, 0},

    /* ---- displaced, refugees, evacuated ---- */
    {"deplaces", R_NOUN | R_VFWD | R_PART, L_FR, CAT_DISPLACED, 0, 0},
    {"deplacees", R_NOUN | R_VFWD | R_PART, L_FR, CAT_DISPLACED, 0, 0},
    {"deplace", R_VFWD | R_PART, L_FR, CAT_DISPLACED, 0, 0},
    {"fui", R_VFWD, L_FR, CAT_DISPLACED, 0, 0}, {"fuient", R_VFWD, L_FR, CAT_DISPLACED, 0, 0},
    {"fuir", R_VFWD, L_FR, CAT_DISPLACED, 0, 0}, /* forçant des centaines de personnes à fuir */
    {"fuyant", R_VFWD, L_FR, CAT_DISPLACED, 0, 0},
    {"displaced", R_NOUN | R_VFWD | R_VBACK | R_PART, L_EN, CAT_DISPLACED, 0, 0},
    {"displacing", R_VBACK, L_EN, CAT_DISPLACED, 0, 0},
    {"fled", R_VFWD, L_EN, CAT_DISPLACED, 0, 0}, {"flee", R_VFWD, L_EN, CAT_DISPLACED, 0, 0},
    {"fleeing", R_VFWD, L_EN, CAT_DISPLACED, 0, 0},
    {"idps", R_NOUN, L_EN, CAT_DISPLACED, 0, 0},
    {"refugies", R_NOUN | R_VFWD, L_FR, CAT_REFUGEES, 0, 0},
    {"refugiees", R_NOUN | R_VFWD, L_FR, CAT_REFUGEES, 0, 0},
    {"refugees", R_NOUN, L_EN, CAT_REFUGEES, 0, 0},
    {"evacues", R_NOUN | R_VFWD | R_VBACK | R_PART, L_FR, CAT_EVACUATED, 0, 0},
    {"evacuees", R_NOUN | R_VFWD | R_PART, L_ALL, CAT_EVACUATED, 0, 0},
    {"evacuated", R_VFWD | R_VBACK | R_PART, L_EN, CAT_EVACUATED, 0, 0},

    /* ---- detained, kidnapped, missing ---- */
    {"arretes", R_NOUN | R_VFWD | R_VBACK | R_PART, L_FR, CAT_DETAINED, 0, 0},
    {"arretees", R_NOUN | R_VFWD | R_VBACK | R_PART, L_FR, CAT_DETAINED, 0, 0},
    {"arrete", R_VFWD | R_VBACK | R_PART, L_FR, CAT_DETAINED, 0, 0},
    {"interpelles", R_NOUN | R_VFWD | R_VBACK | R_PART, L_FR, CAT_DETAINED, 0, 0},
    {"interpelle", R_VFWD | R_VBACK | R_PART, L_FR, CAT_DETAINED, 0, 0},
    {"detenus", R_NOUN | R_VFWD | R_PART, L_FR, CAT_DETAINED, 0, 0},
    {"prisonniers", R_NOUN, L_FR, CAT_DETAINED, 0, 0},
    {"arrestations", R_NOUN, L_FR, CAT_DETAINED, 0, 0},
    {"interpellations", R_NOUN, L_FR, CAT_DETAINED, 0, 0},
    {"arrested", R_VFWD | R_VBACK | R_PART, L_EN, CAT_DETAINED, 0, 0},
    {"arresting", R_VBACK, L_EN, CAT_DETAINED, 0, 0},
    {"detained", R_VFWD | R_VBACK | R_PART, L_EN, CAT_DETAINED, 0, 0},
    {"detaining", R_VBACK, L_EN, CAT_DETAINED, 0, 0},
    {"apprehended", R_VFWD | R_VBACK | R_PART, L_EN, CAT_DETAINED, 0, 0},
    {"captured", R_VFWD | R_VBACK | R_PART, L_EN, CAT_DETAINED, 0, 0},
    {"detainees", R_NOUN, L_EN, CAT_DETAINED, 0, 0},
    {"prisoners", R_NOUN, L_EN, CAT_DETAINED, 0, 0},
    {"arrests", R_NOUN, L_EN, CAT_DETAINED, 0, 0},
    {"enleves", R_NOUN | R_VFWD | R_VBACK | R_PART, L_FR, CAT_KIDNAPPED, 0, 0},
    {"enlevees", R_NOUN | R_VFWD | R_VBACK | R_PART, L_FR, CAT_KIDNAPPED, 0, 0},
    {"enleve", R_VFWD | R_VBACK | R_PART, L_FR, CAT_KIDNAPPED, 0, 0},
    {"kidnappes", R_NOUN | R_VFWD | R_VBACK | R_PART, L_FR, CAT_KIDNAPPED, 0, 0},
    {"kidnappe", R_VFWD | R_VBACK | R_PART, L_FR, CAT_KIDNAPPED, 0, 0},
    {"otages", R_NOUN, L_FR, CAT_KIDNAPPED, 0, 0},
    {"kidnapped", R_VFWD | R_VBACK | R_PART, L_EN, CAT_KIDNAPPED, 0, 0},
    {"abducted", R_VFWD | R_VBACK | R_PART, L_EN, CAT_KIDNAPPED, 0, 0},
    {"kidnapping", R_VBACK, L_EN, CAT_KIDNAPPED, 0, 0},
    {"abducting", R_VBACK, L_EN, CAT_KIDNAPPED, 0, 0},
    {"hostages", R_NOUN, L_EN, CAT_KIDNAPPED, 0, 0},
    {"hostage", R_VFWD, L_EN, CAT_KIDNAPPED, 0, 0},
    {"disparus", R_NOUN | R_VFWD, L_FR, CAT_MISSING, 0, 0},
    {"disparues", R_NOUN | R_VFWD, L_FR, CAT_MISSING, 0, 0},
    {"missing", R_NOUN | R_VFWD, L_EN, CAT_MISSING, 0, 0},
    {"casualties", R_NOUN, L_EN, CAT_AFFECTED, 0, 0},
    {"sinistres", R_NOUN, L_FR, CAT_AFFECTED, 0, 0},
    {"manifestants", R_NOUN | R_PERSON, L_FR, CAT_PROTESTERS, WHO_CIVILIANS, 0},
    {"protesters", R_NOUN | R_PERSON, L_EN, CAT_PROTESTERS, WHO_CIVILIANS, 0},
    {"protestors", R_NOUN | R_PERSON, L_EN, CAT_PROTESTERS, WHO_CIVILIANS, 0},
    {"demonstrators", R_NOUN | R_PERSON, L_EN, CAT_PROTESTERS, WHO_CIVILIANS, 0},
    {"rioters", R_NOUN | R_PERSON, L_EN, CAT_PROTESTERS, WHO_CIVILIANS, 0},

    /* ---- who ---- */
#define P(w, l, who) {w, R_PERSON, l, 0, who, 0}
    P("civils", L_FR, WHO_CIVILIANS), P("civil", L_FR, WHO_CIVILIANS),
    P("civilians", L_EN, WHO_CIVILIANS), P("civilian", L_EN, WHO_CIVILIANS),
    P("habitants", L_FR, WHO_CIVILIANS), P("residents", L_ALL, WHO_CIVILIANS),
    P("villageois", L_FR, WHO_CIVILIANS), P("villagers", L_EN, WHO_CIVILIANS),
    P("paysans", L_FR, WHO_CIVILIANS), P("farmers", L_EN, WHO_CIVILIANS),
    P("agriculteurs", L_FR, WHO_CIVILIANS), P("eleveurs", L_FR, WHO_CIVILIANS),
    P("bergers", L_FR, WHO_CIVILIANS), P("herders", L_EN, WHO_CIVILIANS),
    P("fideles", L_FR, WHO_CIVILIANS), P("worshippers", L_EN, WHO_CIVILIANS),
    P("passagers", L_FR, WHO_CIVILIANS), P("passengers", L_EN, WHO_CIVILIANS),
    P("etudiants", L_FR, WHO_CIVILIANS), P("students", L_EN, WHO_CIVILIANS),
    P("pelerins", L_FR, WHO_CIVILIANS), P("pilgrims", L_EN, WHO_CIVILIANS),
    P("travailleurs", L_FR, WHO_CIVILIANS), P("workers", L_EN, WHO_CIVILIANS),
    P("pecheurs", L_FR, WHO_CIVILIANS), P("fishermen", L_EN, WHO_CIVILIANS),
    P("commercants", L_FR, WHO_CIVILIANS), P("traders", L_EN, WHO_CIVILIANS),
    P("journalistes", L_FR, WHO_CIVILIANS), P("journalists", L_EN, WHO_CIVILIANS),
    P("citoyens", L_FR, WHO_CIVILIANS), P("citizens", L_EN, WHO_CIVILIANS),
    P("villagers", L_EN, WHO_CIVILIANS), P("tourists", L_EN, WHO_CIVILIANS),
    P("touristes", L_FR, WHO_CIVILIANS), P("voyageurs", L_FR, WHO_CIVILIANS),
    P("enseignants", L_FR, WHO_CIVILIANS), P("teachers", L_EN, WHO_CIVILIANS),
    P("chretiens", L_FR, WHO_CIVILIANS), P("christians", L_EN, WHO_CIVILIANS),
    P("enfants", L_FR, WHO_CHILDREN), P("enfant", L_FR, WHO_CHILDREN),
    P("children", L_EN, WHO_CHILDREN), P("child", L_EN, WHO_CHILDREN),
    P("kids", L_EN, WHO_CHILDREN), P("mineurs", L_FR, WHO_CHILDREN),
    P("minors", L_EN, WHO_CHILDREN), P("bebes", L_FR, WHO_CHILDREN),
    P("bebe", L_FR, WHO_CHILDREN), P("babies", L_EN, WHO_CHILDREN),
    P("baby", L_EN, WHO_CHILDREN), P("boys", L_EN, WHO_CHILDREN),
    P("boy", L_EN, WHO_CHILDREN), P("girls", L_EN, WHO_CHILDREN),
    P("girl", L_EN, WHO_CHILDREN), P("garcons", L_FR, WHO_CHILDREN),
    P("fillettes", L_FR, WHO_CHILDREN), P("fillette", L_FR, WHO_CHILDREN),
    P("adolescents", L_ALL, WHO_CHILDREN), P("teenagers", L_EN, WHO_CHILDREN),
    P("eleves", L_FR, WHO_CHILDREN), P("pupils", L_EN, WHO_CHILDREN),
    P("femmes", L_FR, WHO_WOMEN), P("femme", L_FR, WHO_WOMEN),
    P("women", L_EN, WHO_WOMEN), P("woman", L_EN, WHO_WOMEN),
    P("wife", L_EN, WHO_WOMEN), P("mothers", L_EN, WHO_WOMEN),
    P("soldats", L_FR, WHO_SECURITY), P("soldat", L_FR, WHO_SECURITY),
    P("soldiers", L_EN, WHO_SECURITY), P("soldier", L_EN, WHO_SECURITY),
    P("militaires", L_FR, WHO_SECURITY), P("militaire", L_FR, WHO_SECURITY),
    P("troops", L_EN, WHO_SECURITY), P("policiers", L_FR, WHO_SECURITY),
    P("policier", L_FR, WHO_SECURITY), P("policemen", L_EN, WHO_SECURITY),
    P("policeman", L_EN, WHO_SECURITY), P("police", L_ALL, WHO_SECURITY),
    P("gendarmes", L_FR, WHO_SECURITY), P("gendarme", L_FR, WHO_SECURITY),
    P("officers", L_EN, WHO_SECURITY), P("officer", L_EN, WHO_SECURITY),
    P("personnel", L_EN, WHO_SECURITY), P("servicemen", L_EN, WHO_SECURITY),
    P("guards", L_EN, WHO_SECURITY), P("gardes", L_FR, WHO_SECURITY),
    P("suppletifs", L_FR, WHO_SECURITY),
    P("suppletif", L_FR, WHO_SECURITY), P("vdp", L_FR, WHO_SECURITY),
    P("douaniers", L_FR, WHO_SECURITY), P("agents", L_FR, WHO_SECURITY),
    P("paramilitaries", L_EN, WHO_SECURITY), P("peacekeepers", L_EN, WHO_SECURITY),
    P("casques", L_FR, WHO_SECURITY), P("jawans", L_EN, WHO_SECURITY),
    P("constables", L_EN, WHO_SECURITY), P("constable", L_EN, WHO_SECURITY),
    P("commandos", L_ALL, WHO_SECURITY), P("marines", L_EN, WHO_SECURITY),
    P("security", L_EN, WHO_SECURITY), P("forces", L_ALL, WHO_SECURITY),
    P("jihadistes", L_FR, WHO_COMBATANTS), P("djihadistes", L_FR, WHO_COMBATANTS),
    P("jihadists", L_EN, WHO_COMBATANTS), P("rebelles", L_FR, WHO_COMBATANTS),
    P("rebels", L_EN, WHO_COMBATANTS), P("insurges", L_FR, WHO_COMBATANTS),
    P("insurgents", L_EN, WHO_COMBATANTS), P("terroristes", L_FR, WHO_COMBATANTS),
    P("terrorists", L_EN, WHO_COMBATANTS), P("militants", L_ALL, WHO_COMBATANTS),
    P("militant", L_EN, WHO_COMBATANTS), P("combattants", L_FR, WHO_COMBATANTS),
    P("fighters", L_EN, WHO_COMBATANTS), P("combatants", L_EN, WHO_COMBATANTS),
    P("assaillants", L_FR, WHO_COMBATANTS), P("assailants", L_EN, WHO_COMBATANTS),
    P("attackers", L_EN, WHO_COMBATANTS), P("gunmen", L_EN, WHO_COMBATANTS),
    P("kamikazes", L_FR, WHO_COMBATANTS), P("extremists", L_EN, WHO_COMBATANTS),
    P("extremistes", L_FR, WHO_COMBATANTS), P("islamistes", L_FR, WHO_COMBATANTS),
    P("islamists", L_EN, WHO_COMBATANTS), P("talibans", L_FR, WHO_COMBATANTS),
    P("maoists", L_EN, WHO_COMBATANTS), P("maoistes", L_FR, WHO_COMBATANTS),
    P("naxals", L_EN, WHO_COMBATANTS), P("naxalites", L_EN, WHO_COMBATANTS),
    P("separatists", L_EN, WHO_COMBATANTS), P("separatistes", L_FR, WHO_COMBATANTS),
    P("miliciens", L_FR, WHO_COMBATANTS), P("militiamen", L_EN, WHO_COMBATANTS),
    P("elements", L_FR, WHO_COMBATANTS), P("cadres", L_EN, WHO_COMBATANTS),
    P("bandits", L_ALL, WHO_COMBATANTS), P("pirates", L_ALL, WHO_COMBATANTS),
    P("personnes", L_FR, WHO_UNKNOWN), P("people", L_EN, WHO_UNKNOWN),
    P("persons", L_EN, WHO_UNKNOWN), P("person", L_EN, WHO_UNKNOWN),
    P("individus", L_FR, WHO_UNKNOWN), P("individuals", L_EN, WHO_UNKNOWN),
    P("hommes", L_FR, WHO_UNKNOWN), P("homme", L_FR, WHO_UNKNOWN),
    P("men", L_EN, WHO_UNKNOWN), P("man", L_EN, WHO_UNKNOWN),
    P("membres", L_FR, WHO_UNKNOWN), P("members", L_EN, WHO_UNKNOWN),
    P("member", L_EN, WHO_UNKNOWN), P("victims", L_EN, WHO_UNKNOWN),
    P("victim", L_EN, WHO_UNKNOWN), P("victime", L_FR, WHO_UNKNOWN),
    P("ames", L_FR, WHO_UNKNOWN), P("autres", L_FR, WHO_UNKNOWN),
    P("others", L_EN, WHO_UNKNOWN),
#undef P

    /* ---- objects, events, places ---- */
#define O(w, l) {w, R_OBJECT, l, 0, 0, 0}
#define E(w, l) {w, R_OBJECT | R_EVENT, l, 0, 0, 0}
#define PL(w, l) {w, R_PLACE, l, 0, 0, 0}
    O("vehicules", L_FR), O("vehicles", L_EN), O("voitures", L_FR), O("cars", L_EN),
    O("camions", L_FR), O("trucks", L_EN), O("motos", L_FR), O("motorcycles", L_EN),
    O("roquettes", L_FR), O("rockets", L_EN), O("obus", L_FR), O("shells", L_EN),
    O("missiles", L_ALL), O("bombes", L_FR), O("bombs", L_EN), O("mines", L_ALL),
    O("drones", L_ALL), O("chars", L_FR), O("tanks", L_EN), O("maisons", L_FR),
    O("houses", L_EN), O("homes", L_EN), O("batiments", L_FR), O("buildings", L_EN),
    O("ecoles", L_FR), O("schools", L_EN), O("hopitaux", L_FR), O("hospitals", L_EN),
    O("mosquees", L_FR), O("mosques", L_EN), O("eglises", L_FR), O("churches", L_EN),
    O("magasins", L_FR), O("shops", L_EN), O("boutiques", L_FR), O("fusils", L_FR),
    O("rifles", L_EN), O("guns", L_EN), O("grenades", L_ALL), O("engins", L_FR),
    O("ieds", L_EN), O("explosifs", L_FR), O("explosives", L_EN), O("bateaux", L_FR),
    O("boats", L_EN), O("avions", L_FR), O("aircraft", L_EN), O("helicopteres", L_FR),
    O("helicopters", L_EN), O("abris", L_FR), O("tentes", L_FR), O("tents", L_EN),
    O("hideouts", L_EN), O("bunkers", L_ALL), O("checkpoints", L_EN), O("ponts", L_FR),
    O("bridges", L_EN), O("puits", L_FR), O("wells", L_EN), O("huts", L_EN),
    O("cases", L_FR), O("bullets", L_EN), O("balles", L_FR), O("cartouches", L_FR), O("greniers", L_FR), O("motorbikes", L_EN), O("pickups", L_ALL),
    /* animals: a killing of livestock is no casualty (not "cattle", "livestock",
     * "sheep", which also name traders, thieves and herders: "two cattle traders") */
    O("cows", L_EN), O("goats", L_EN), O("camels", L_EN), O("donkeys", L_EN), O("dogs", L_EN),
    O("animals", L_EN), O("vaches", L_FR), O("boeufs", L_FR), O("bovins", L_FR),
    O("chevres", L_FR), O("moutons", L_FR), O("chameaux", L_FR), O("anes", L_FR),
    O("chiens", L_FR), O("animaux", L_FR),
    E("frappes", L_FR), E("frappe", L_FR), E("strikes", L_EN), E("airstrikes", L_EN),
    E("raids", L_ALL), E("attaques", L_FR), E("attacks", L_EN), E("attentats", L_FR),
    E("operations", L_ALL), E("bombardements", L_FR), E("bombings", L_EN),
    E("explosions", L_ALL), E("ambushes", L_EN), E("embuscades", L_FR),
    E("assauts", L_FR), E("assaults", L_EN), E("incidents", L_ALL),
    E("affrontements", L_FR), E("clashes", L_EN), E("tirs", L_FR), E("sorties", L_ALL),
    PL("villages", L_ALL), PL("village", L_ALL), PL("localites", L_FR),
    PL("villes", L_FR), PL("towns", L_EN), PL("cities", L_EN), PL("quartiers", L_FR),
    PL("neighbourhoods", L_EN), PL("neighborhoods", L_EN), PL("districts", L_ALL),
    PL("provinces", L_ALL), PL("regions", L_ALL), PL("communes", L_FR),
    PL("hameaux", L_FR), PL("hamlets", L_EN), PL("bourgades", L_FR), PL("camps", L_ALL),
    PL("pays", L_FR), PL("countries", L_EN), PL("states", L_EN), PL("etats", L_FR),
#undef O
#undef E
#undef PL

    /* ---- not counts: units, dates, identifiers ---- */
#define U(w, l) {w, R_UNIT, l, 0, 0, 0}
    U("ans", L_FR), U("annees", L_FR), U("annee", L_FR), U("years", L_EN), U("year", L_EN),
    U("yrs", L_EN), U("mois", L_FR), U("months", L_EN), U("month", L_EN),
    U("semaines", L_FR), U("semaine", L_FR), U("weeks", L_EN), U("week", L_EN),
    U("jours", L_FR), U("jour", L_FR), U("days", L_EN), U("day", L_EN),
    U("heures", L_FR), U("heure", L_FR), U("hours", L_EN), U("hour", L_EN), U("hrs", L_EN),
    U("h", L_ALL), U("minutes", L_ALL), U("minute", L_ALL), U("min", L_ALL),
    U("mins", L_EN), U("secondes", L_FR), U("seconds", L_EN), U("nuits", L_FR),
    U("nights", L_EN), U("decennies", L_FR), U("decades", L_EN), U("siecles", L_FR),
    U("centuries", L_EN), U("km", L_ALL), U("kms", L_ALL), U("kilometres", L_ALL),
    U("kilometers", L_EN), U("kilometre", L_ALL), U("kilometer", L_EN), U("miles", L_EN),
    U("mile", L_EN), U("metres", L_ALL), U("meters", L_EN), U("metre", L_ALL),
    U("meter", L_EN), U("m", L_ALL), U("cm", L_ALL), U("mm", L_ALL), U("kg", L_ALL),
    U("kilos", L_ALL), U("kilogrammes", L_FR), U("kilograms", L_EN), U("tonnes", L_ALL),
    U("tons", L_EN), U("hectares", L_ALL), U("ha", L_ALL), U("acres", L_EN),
    U("percent", L_EN), U("pourcent", L_FR), U("pct", L_EN), U("pc", L_EN),
    U("dollars", L_ALL), U("dollar", L_ALL), U("usd", L_ALL), U("euros", L_ALL),
    U("euro", L_ALL), U("eur", L_ALL), U("francs", L_ALL), U("fcfa", L_ALL),
    U("cfa", L_ALL), U("livres", L_FR), U("pounds", L_EN), U("rupees", L_EN),
    U("taka", L_EN), U("naira", L_EN), U("dinars", L_ALL), U("shillings", L_EN),
    U("pesos", L_ALL), U("reais", L_ALL), U("afghanis", L_EN), U("birr", L_EN),
    U("yuan", L_ALL), U("roubles", L_ALL), U("rubles", L_EN), U("hryvnias", L_EN),
    U("lakh", L_EN), U("lakhs", L_EN), U("crore", L_EN), U("crores", L_EN),
    U("fois", L_FR), U("times", L_EN), U("degres", L_FR), U("degrees", L_EN),
    U("am", L_EN), U("pm", L_EN), U("gmt", L_ALL), U("utc", L_ALL), U("ieme", L_FR),
    U("eme", L_FR), U("er", L_FR), U("th", L_EN), U("st", L_EN), U("nd", L_EN),
    U("rd", L_EN), U("calibre", L_ALL), U("caliber", L_EN), U("old", L_EN),
    U("mw", L_ALL), U("votes", L_ALL), U("voix", L_FR), U("sieges", L_FR),
    U("seats", L_EN),
#undef U
#define M(w, l) {w, R_MONTH, l, 0, 0, 0}
    M("janvier", L_FR), M("fevrier", L_FR), M("mars", L_FR), M("avril", L_FR),
    M("mai", L_FR), M("juin", L_FR), M("juillet", L_FR), M("aout", L_FR),
    M("septembre", L_FR), M("octobre", L_FR), M("novembre", L_FR), M("decembre", L_FR),
    M("january", L_EN), M("february", L_EN), M("march", L_EN), M("april", L_EN),
    M("may", L_EN), M("june", L_EN), M("july", L_EN), M("august", L_EN),
    M("september", L_EN), M("october", L_EN), M("november", L_EN), M("december", L_EN),
    M("jan", L_EN), M("feb", L_EN), M("mar", L_EN), M("apr", L_EN), M("jun", L_EN),
    M("jul", L_EN), M("aug", L_EN), M("oct", L_EN), M("nov", L_EN), M("dec", L_EN),
    M("janv", L_FR), M("fev", L_FR), M("avr", L_FR), M("juil", L_FR),
#undef M
#define I(w, l) {w, R_IDENT, l, 0, 0, 0}
    I("resolution", L_ALL), I("resolutions", L_ALL), I("article", L_ALL), I("numero", L_FR),
    I("no", L_ALL), I("nos", L_ALL), I("number", L_EN), I("n", L_ALL), I("route", L_ALL),
    I("rn", L_FR), I("highway", L_EN), I("autoroute", L_FR), I("page", L_ALL),
    I("chapitre", L_FR), I("chapter", L_EN), I("ward", L_EN), I("sector", L_EN),
    I("secteur", L_FR), I("phase", L_ALL), I("section", L_ALL), I("level", L_EN),
    I("niveau", L_FR), I("class", L_EN), I("classe", L_FR), I("grade", L_ALL),
    I("brigade", L_ALL), I("battalion", L_EN), I("bataillon", L_FR), I("regiment", L_ALL),
    I("flight", L_EN), I("vol", L_FR), I("line", L_EN), I("ligne", L_FR), I("pk", L_FR),
    I("precision", L_ALL), I("size", L_EN), I("code", L_ALL), I("room", L_EN),
    I("block", L_EN), I("bloc", L_FR), I("lot", L_ALL), I("camp", L_ALL), I("zone", L_ALL),
    I("region", L_ALL), I("round", L_EN), I("tour", L_FR), I("plot", L_EN),
    I("kilometer", L_EN), I("ps", L_EN), I("psi", L_EN), I("constituency", L_EN),
    I("circonscription", L_FR), I("division", L_ALL), I("corps", L_EN), I("squad", L_EN),
    I("unit", L_EN), I("gate", L_EN), I("porte", L_FR), I("terminal", L_ALL),
    I("sura", L_ALL), I("verse", L_EN), I("act", L_EN), I("loi", L_FR), I("decree", L_EN),
    I("decret", L_FR), I("municipality", L_EN), I("vdc", L_EN), I("street", L_EN),
    I("rue", L_FR), I("avenue", L_ALL), I("road", L_EN), I("nh", L_EN), I("sh", L_EN),
    I("km", L_ALL), I("mile", L_EN),
#undef I
    {"aged", R_AGE, L_EN, 0, 0, 0}, {"age", R_AGE, L_ALL, 0, 0, 0},
    {"ages", R_AGE, L_ALL, 0, 0, 0}, {"agee", R_AGE, L_FR, 0, 0, 0},
    {"agees", R_AGE, L_FR, 0, 0, 0},
    {"rs", R_CURRENCY, L_EN, 0, 0, 0}, {"inr", R_CURRENCY, L_EN, 0, 0, 0},
    {"us", R_CURRENCY, L_EN, 0, 0, 0}, {"tk", R_CURRENCY, L_EN, 0, 0, 0},
    {"ksh", R_CURRENCY, L_EN, 0, 0, 0}, {"tsh", R_CURRENCY, L_EN, 0, 0, 0},
    {"php", R_CURRENCY, L_EN, 0, 0, 0}, {"ngn", R_CURRENCY, L_EN, 0, 0, 0},
    {"gbp", R_CURRENCY, L_EN, 0, 0, 0}, {"afn", R_CURRENCY, L_EN, 0, 0, 0},
    {"pkr", R_CURRENCY, L_EN, 0, 0, 0}, {"npr", R_CURRENCY, L_EN, 0, 0, 0},

    /* ---- small words ---- */
    {"ont", R_HAVE, L_FR, 0, 0, 0}, {"avait", R_HAVE, L_FR, 0, 0, 0},
    {"avaient", R_HAVE, L_FR, 0, 0, 0}, {"aurait", R_HAVE, L_FR, 0, 0, 0},
    {"auraient", R_HAVE, L_FR, 0, 0, 0}, {"ayant", R_HAVE, L_FR, 0, 0, 0},
    {"have", R_HAVE, L_EN, 0, 0, 0}, {"has", R_HAVE, L_EN, 0, 0, 0},
    {"had", R_HAVE, L_EN, 0, 0, 0},
    {"ete", R_BE, L_FR, 0, 0, 0}, {"sont", R_BE, L_FR, 0, 0, 0}, {"est", R_BE, L_FR, 0, 0, 0},
    {"were", R_BE, L_EN, 0, 0, 0}, {"was", R_BE, L_EN, 0, 0, 0},
    {"been", R_BE, L_EN, 0, 0, 0}, {"being", R_BE, L_EN, 0, 0, 0},
    {"are", R_BE, L_EN, 0, 0, 0}, {"is", R_BE, L_EN, 0, 0, 0}, {"got", R_BE, L_EN, 0, 0, 0},
    {"des", R_VAGUEDET | R_OF, L_FR, 0, 0, 0}, {"plusieurs", R_VAGUEDET, L_FR, 0, 0, 0},
    {"quelques", R_VAGUEDET, L_FR, 0, 0, 0}, {"several", R_VAGUEDET, L_EN, 0, 0, 0},
    {"many", R_VAGUEDET, L_EN, 0, 0, 0}, {"few", R_VAGUEDET, L_EN, 0, 0, 0},
    {"dont", R_SUBSET, L_FR, 0, 0, 0}, {"parmi", R_SUBSET, L_FR, 0, 0, 0},
    {"notamment", R_SUBSET, L_FR, 0, 0, 0}, {"compris", R_SUBSET, L_FR, 0, 0, 0},
    {"incluant", R_SUBSET, L_FR, 0, 0, 0}, {"including", R_SUBSET, L_EN, 0, 0, 0},
    {"among", R_SUBSET, L_EN, 0, 0, 0}, {"whom", R_SUBSET, L_EN, 0, 0, 0},
    {"included", R_SUBSET, L_EN, 0, 0, 0}, {"includes", R_SUBSET, L_EN, 0, 0, 0},
    {"et", R_CONJ, L_FR, 0, 0, 0}, {"and", R_CONJ, L_EN, 0, 0, 0},
    {"ou", R_CONJ | R_TO, L_FR, 0, 0, 0}, {"or", R_CONJ | R_TO, L_EN, 0, 0, 0},
    {"ainsi", R_CONJ, L_FR, 0, 0, 0},
    {"to", R_TO | R_STOP, L_EN, 0, 0, 0},
    {"de", R_OF, L_FR, 0, 0, 0}, {"d", R_OF, L_FR, 0, 0, 0}, {"du", R_OF, L_FR, 0, 0, 0},
    {"of", R_OF, L_EN, 0, 0, 0}, {"the", R_OBJDET, L_EN, 0, 0, 0},
    {"les", R_OBJDET, L_FR, 0, 0, 0}, {"le", R_OBJDET, L_FR, 0, 0, 0},
    {"la", R_OBJDET, L_FR, 0, 0, 0}, {"l", R_OBJDET, L_FR, 0, 0, 0},
    {"his", R_OBJDET, L_EN, 0, 0, 0}, {"her", R_OBJDET, L_EN, 0, 0, 0},
    {"their", R_OBJDET, L_EN, 0, 0, 0}, {"him", R_OBJDET, L_EN, 0, 0, 0},
    {"them", R_OBJDET | R_STOP, L_EN, 0, 0, 0}, {"eux", R_OBJDET | R_STOP, L_FR, 0, 0, 0},
    {"elles", R_OBJDET | R_STOP, L_FR, 0, 0, 0}, {"those", R_OBJDET, L_EN, 0, 0, 0},
    {"these", R_OBJDET, L_EN, 0, 0, 0}, {"ces", R_OBJDET, L_FR, 0, 0, 0}, {"its", R_OBJDET, L_EN, 0, 0, 0},
    {"at", R_STOP, L_EN, 0, 0, 0}, {"down", R_PARTICLE, L_EN, 0, 0, 0},
    {"entre", R_BETWEEN, L_FR, 0, 0, 0}, {"between", R_BETWEEN, L_EN, 0, 0, 0},
    {"total", R_TOTAL, L_ALL, 0, 0, 0}, {"toll", R_TOTAL, L_EN, 0, 0, 0},
    {"bilan", R_TOTAL, L_FR, 0, 0, 0},
#define Q(w) {w, R_QWORD, L_ALL, 0, 0, 0}
    Q("pas"), Q("moins"), Q("plus"), Q("peu"), Q("pres"), Q("fewer"), Q("less"), Q("than"),
    Q("not"), Q("more"), Q("least"), Q("upwards"), Q("excess"), Q("dela"), Q("jusqu"),
    Q("autour"), Q("up"), Q("most"), Q("close"), Q("estimated"), Q("environ"), Q("quelque"),
    Q("presque"), Q("quasiment"), Q("approximativement"), Q("nearly"), Q("almost"),
    Q("about"), Q("around"), Q("some"), Q("approximately"), Q("roughly"), Q("circa"),
    Q("over"), Q("above"), Q("under"), Q("per"), Q("quatre"), Q("atleast"),
#undef Q
#define S(w, l) {w, R_STOP, l, 0, 0, 0}
    S("in", L_EN), S("on", L_EN), S("by", L_EN), S("from", L_EN), S("for", L_EN),
    S("with", L_EN), S("who", L_EN), S("which", L_EN), S("that", L_EN), S("when", L_EN),
    S("after", L_EN), S("during", L_EN), S("while", L_EN), S("as", L_EN), S("into", L_EN),
    S("dans", L_FR), S("en", L_FR), S("par", L_FR), S("pour", L_FR), S("avec", L_FR),
    S("qui", L_FR), S("que", L_FR), S("au", L_FR), S("aux", L_FR), S("sur", L_FR),
    S("lors", L_FR), S("apres", L_FR), S("pendant", L_FR), S("depuis", L_FR),
    S("selon", L_FR), S("sans", L_FR), S("vers", L_FR), S("contre", L_FR),
    S("against", L_EN), S("near", L_EN), S("since", L_EN), S("were", L_EN),
#undef S
};

#undef NUMW
#undef KILL_PART

/* Qualifier phrases, matched backwards just before the number (folded words). */
enum { Q_EXACT, Q_APPROX, Q_AT_LEAST, Q_AT_MOST, Q_RANGE };

typedef struct {
    const char *w[4];
    int n;
    uint8_t q;
} counts_qual;

static const counts_qual counts_quals[] = {
    {{"pas", "moins", "de"}, 3, Q_AT_LEAST}, {{"pas", "moins", "d"}, 3, Q_AT_LEAST},
    {{"pas", "plus", "de"}, 3, Q_AT_MOST}, {{"pas", "plus", "d"}, 3, Q_AT_MOST},
    {{"a", "peu", "pres"}, 3, Q_APPROX}, {{"no", "fewer", "than"}, 3, Q_AT_LEAST},
    {{"no", "less", "than"}, 3, Q_AT_LEAST}, {{"not", "less", "than"}, 3, Q_AT_LEAST},
    {{"no", "more", "than"}, 3, Q_AT_MOST}, {{"not", "more", "than"}, 3, Q_AT_MOST},
    {{"as", "many", "as"}, 3, Q_AT_MOST}, {{"in", "excess", "of"}, 3, Q_AT_LEAST},
    {{"au", "dela", "de"}, 3, Q_AT_LEAST}, {{"a", "total", "of"}, 3, Q_EXACT},
    {{"plus", "de"}, 2, Q_AT_LEAST}, {{"plus", "d"}, 2, Q_AT_LEAST},
    {{"au", "moins"}, 2, Q_AT_LEAST}, {{"pres", "de"}, 2, Q_APPROX},
    {{"pres", "d"}, 2, Q_APPROX}, {{"jusqu", "a"}, 2, Q_AT_MOST},
    {{"moins", "de"}, 2, Q_AT_MOST}, {{"moins", "d"}, 2, Q_AT_MOST},
    {{"au", "plus"}, 2, Q_AT_MOST}, {{"autour", "de"}, 2, Q_APPROX},
    {{"autour", "d"}, 2, Q_APPROX}, {{"more", "than"}, 2, Q_AT_LEAST},
    {{"at", "least"}, 2, Q_AT_LEAST}, {{"upwards", "of"}, 2, Q_AT_LEAST},
    {{"up", "to"}, 2, Q_AT_MOST}, {{"less", "than"}, 2, Q_AT_MOST},
    {{"fewer", "than"}, 2, Q_AT_MOST}, {{"at", "most"}, 2, Q_AT_MOST},
    {{"close", "to"}, 2, Q_APPROX}, {{"an", "estimated"}, 2, Q_APPROX},
    {{"atleast"}, 1, Q_AT_LEAST}, {{"environ"}, 1, Q_APPROX}, {{"quelque"}, 1, Q_APPROX}, {{"presque"}, 1, Q_APPROX},
    {{"quasiment"}, 1, Q_APPROX}, {{"approximativement"}, 1, Q_APPROX},
    {{"nearly"}, 1, Q_APPROX}, {{"almost"}, 1, Q_APPROX}, {{"about"}, 1, Q_APPROX},
    {{"around"}, 1, Q_APPROX}, {{"some"}, 1, Q_APPROX}, {{"approximately"}, 1, Q_APPROX},
    {{"roughly"}, 1, Q_APPROX}, {{"estimated"}, 1, Q_APPROX}, {{"circa"}, 1, Q_APPROX},
    {{"over"}, 1, Q_AT_LEAST}, {{"above"}, 1, Q_AT_LEAST}, {{"under"}, 1, Q_AT_MOST},
};

#endif
