/*
 * extract_places / places(): place mentions resolved against the embedded
 * gazetteer (gazetteer.h) and the connection's user places (places_user.c).
 *
 * 1. Spotting. Tokens (conflict_tokenize) are scanned for candidate spans
 *    that start at a capitalized token (or an all-caps dateline, "ALEP, 26
 *    janv (AFP)") and run over up to six tokens joined by spaces, hyphens or
 *    apostrophes. Elided articles (d'Idleb, l'Irak) fall off by themselves:
 *    the apostrophe splits the token. Longest match first; a span's key is
 *    conflict_name_key() of its text, looked up in the hash index (and what
 *    the gazetteer says of a span's text is kept in the connection's memo).
 * 2. Filters (precision). Phrases that are not places on their own
 *    (months, titles, agencies and armed groups) consume their tokens; keys
 *    that are common words only name small places after a strong cue ("le
 *    village de", "the town of"); a span inside a longer capitalized run
 *    (Rami Abdel Rahmane) keeps only major places matched by a main or
 *    plain-ASCII name; short consonant-skeleton keys must agree on the first
 *    vowel (Rami is not Rome).
 * 3. Resolution (places_resolve.c, document level). Each mention's candidates get a prior
 *    (kind, feature, population); countries collect votes from the text
 *    (soft votes first, then the choices themselves), first-level divisions
 *    collect support; cue words select the kind ("province d'X" is the
 *    division, "ville de X" the town); the `country` option adds votes.
 * 4. Score in [0,1] from the margin over the runner-up, the country support
 *    and the evidence (cue, capitalization, name form).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict_data.h"
#include "places_ctx.h"

static const char *const place_cols[] = {"text", "start",   "length",    "name",
                                         "kind", "country", "admin1",    "lat",
                                         "lon",  "geonameid", "score", "feature"};

static const char *const place_options[] = {"lang", "country", "min_score", "kinds", "user_places",
                                            NULL};

const char *const conflict_place_kinds[GAZ_NKINDS] = {"country", "admin1", "admin2",
                                                   "region",  "city",   "other"};

/* ---- token helpers ---------------------------------------------------------- */

/* Case-insensitive comparison of a token with a lower-case word (ASCII and
 * Latin-1 letters folded). */
int places_tok_eq(const char *s, const conflict_token *t, const char *w) {
    const unsigned char *a = (const unsigned char *)s + t->start, *b = (const unsigned char *)w;
    size_t i = 0;
    /* no strlen: a mismatch, most often at the first byte, or w's end stops the loop */
    for (; i < t->len; i++) {
        unsigned char c = a[i], d = b[i];
        if (c >= 'A' && c <= 'Z') c |= 0x20;
        else if (i > 0 && a[i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97) c |= 0x20;
        if (c != d) return 0; /* also at w's end: no token byte is 0 */
    }
    return b[i] == 0;
}


/* ---- word lists ------------------------------------------------------------- */

/* Cue words before a name (lower case). */
static const char *const cue_admin_before[] = {
    "province", "provinces", "gouvernorat", "gouvernorats", "governorate", "governorates",
    "wilaya", "wilayat", "oblast", "etat", "\xc3\xa9tat", "state", "r\xc3\xa9gion", "region",
    "regions", "r\xc3\xa9gions", "department", "d\xc3\xa9partement", "prefecture",
    "pr\xc3\xa9" "fecture", "county", "comt\xc3\xa9", "district", "districts", "cercle",
    "cercles", "division", "muhafazat", "kraj", "raion", "rayon", "emirate",
    /* Arabic: muhafazat, wilayat, mintaqat, rif (the countryside of), nahiyat, mudiriyat,
     * qada, iqlim */
    "\xd9\x85\xd8\xad\xd8\xa7\xd9\x81\xd8\xb8\xd8\xa9", "\xd9\x88\xd9\x84\xd8\xa7\xd9\x8a\xd8\xa9",
    "\xd9\x85\xd9\x86\xd8\xb7\xd9\x82\xd8\xa9", "\xd8\xb1\xd9\x8a\xd9\x81",
    "\xd9\x86\xd8\xa7\xd8\xad\xd9\x8a\xd8\xa9", "\xd9\x85\xd8\xaf\xd9\x8a\xd8\xb1\xd9\x8a\xd8\xa9",
    "\xd9\x82\xd8\xb6\xd8\xa7\xd8\xa1", "\xd8\xa5\xd9\x82\xd9\x84\xd9\x8a\xd9\x85", NULL};
static const char *const cue_city_before[] = {
    "ville", "villes", "village", "villages", "localit\xc3\xa9", "localit\xc3\xa9s", "bourg",
    "bourgade", "hameau", "hameaux", "hamlets", "camps",
    "commune", "town", "towns", "city", "cities", "localities", "locality", "hamlet",
    "quartier", "neighbourhood", "neighborhood", "camp", "capitale", "capital", "cit\xc3\xa9",
    "municipality", "municipalit\xc3\xa9", "agglom\xc3\xa9ration", "suburb", "banlieue",
    /* Arabic: madinat, baldat, qaryat, mukhayyam (camp), hayy (quarter) */
    "\xd9\x85\xd8\xaf\xd9\x8a\xd9\x86\xd8\xa9", "\xd8\xa8\xd9\x84\xd8\xaf\xd8\xa9",
    "\xd9\x82\xd8\xb1\xd9\x8a\xd8\xa9", "\xd9\x85\xd8\xae\xd9\x8a\xd9\x85", "\xd8\xad\xd9\x8a", NULL};
/* Cue words after a name ("Helmand province", "Kandahar city"). */
static const char *const cue_admin_after[] = {
    "province", "governorate", "state", "region", "oblast", "wilaya", "county", "prefecture",
    "department", "division", "district", "emirate",
    /* after the last of a list: "Idlib and Hama provinces" */
    "provinces", "governorates", "states", "regions", "counties", "departments", "districts",
    NULL};
/* Cue words that name a first-level division: "Gomel region" is the division whose
 * capital is Gomel. */
static const char *const first_level[] = {
    "province", "governorate", "gouvernorat", "state", "\xc3\xa9tat", "etat", "region",
    "r\xc3\xa9gion", "oblast", "voblast", "wilaya", "wilayat", "emirate", "muhafazat", NULL};
static const char *const cue_city_after[] = {"city", "town", "village", "municipality",
                                             "township", "sector", "sectors", "neighborhood",
                                             "neighbourhood", NULL};
/* Nouns that end a place's name made of another's: Auckland Park is no part of
 * Auckland, Nelson Mandela Bay none of Nelson. */
static const char *const namesake_nouns[] = {"park", "bay", "gardens", "estate", NULL};
/* Cue nouns of a settlement: "le village de X" names a place even when the
 * gazetteer lacks X (places_unlisted.c). */
static const char *const settlements[] = {
    "village", "villages", "localit\xc3\xa9", "localit\xc3\xa9s", "locality", "localities",
    "hamlet", "hamlets", "hameau", "hameaux", "town", "towns", "bourg", "bourgade", "township",
    "quartier", "neighbourhood", "neighborhood", "camp", "camps",
    /* Arabic: qaryat, baldat */
    "\xd9\x82\xd8\xb1\xd9\x8a\xd8\xa9", "\xd8\xa8\xd9\x84\xd8\xaf\xd8\xa9", NULL};
/* Nouns of a small settlement: what they name is no big town of the same name (in
 * the plural, when they name a list: "les villages de Bale et Kayamla"). */
static const char *const village_nouns[] = {"village", "hamlet", "hameau", NULL};
static const char *const villages_nouns[] = {"villages", "hamlets", "hameaux", NULL};
/* Settlement nouns of a part of a town. */
static const char *const quarters[] = {"quartier", "quartiers", "neighbourhood", "neighborhood",
                                       "neighbourhoods", "neighborhoods", "colonia", "barrio",
                                       "bairro", "suburb", "vila", NULL};
/* Division nouns that few countries use: like a nationality word, each is
 * evidence for its countries ("Boda upazila" is Bangladeshi, not the Central
 * African Boda). Country codes separated by spaces. */
static const char *const local_terms[][3] = {
    /* noun, its countries, the kind of a place it names ("1" admin1, "2" admin2, "c" city) */
    {"upazila", "BD", "2"}, {"upazilla", "BD", "2"}, {"upozila", "BD", "2"}, {"thana", "BD IN", "2"},
    {"tehsil", "IN PK", "2"}, {"taluk", "IN", "2"}, {"taluka", "IN PK", "2"}, {"mandal", "IN", "2"},
    {"panchayat", "IN NP", "c"}, {"mohalla", "IN PK", "c"}, {"lga", "NG", "2"}, {"woreda", "ET", "2"},
    {"kebele", "ET", "c"}, {"gaunpalika", "NP", "2"}, {"nagarpalika", "NP", "c"}, {"vdc", "NP", "c"},
    {"barangay", "PH", "c"}, {"amphoe", "TH", "2"}, {"tambon", "TH", "c"}, {"kabupaten", "ID", "2"},
    {"kecamatan", "ID", "2"}, {"kelurahan", "ID", "c"}, {"regency", "ID", "2"}, {"gewog", "BT", "2"},
    {"dzongkhag", "BT", "2"}, {"sangkat", "KH", "c"}, {"caza", "LB", "2"}, {"nahiya", "SY IQ", "2"},
    {"nahiyah", "SY IQ", "2"}, {"raion", "UA RU BY MD AZ KZ KG", "2"},
    {"rayon", "UA RU BY MD AZ KZ KG", "2"}, {"hromada", "UA", "2"}, {"oblast", "UA RU BY KZ KG TJ", "1"},
    {"krai", "RU", "1"}, {"okrug", "RU", "1"}, {"voivodeship", "PL", "1"}, {"wilaya", "DZ MR", "1"},
    {"wilayat", "OM", "2"}, {"cercle", "ML", "2"}, {"chefferie", "CD", "2"}, {"groupement", "CD", "2"},
    {"colonia", "MX HN GT SV", "c"}, {"corregimiento", "CO PA", "c"}, {"aldea", "GT HN", "c"},
    {"payam", "SS", "c"}, {"subcounty", "UG KE", "c"}, {"chiefdom", "SL SZ", "2"},
    {"pourashava", "BD", "c"}, {"paurashava", "BD", "c"}, {"mouza", "BD IN PK", "c"},
    {"mauza", "BD IN PK", "c"}, {"srok", "KH", "2"}, {"kampung", "ID MY", "c"},
    {"mahalle", "TR", "c"}, {"moshav", "IL", "c"}, {"kibbutz", "IL", "c"}, {"qada", "IQ LB", "2"},
    {"qadaa", "IQ LB", "2"}, {"parroquia", "VE EC", "c"}, {"vereda", "CO", "c"},
    {"favela", "BR", "c"}, {"bairro", "BR PT MZ AO", "c"}, {"fraccionamiento", "MX", "c"}};

/* Division nouns that some countries use and others never do: "Bolivar state" is
 * Venezuela's (Colombia has departments), "Punjab province" Pakistan's (India has
 * states). Noun (as the text writes it, folded by the word table), then the
 * countries, or "!" and the countries that never use it; other nouns (region,
 * district) fit every country. */
static const char *const division_nouns[][2] = {
    {"state", "US MX VE BR NG IN MY SD SS MM AU DE AT ET SO ER FM PW"},
    {"province", "!IN US MX BR VE NG MY AU DE AT SD SS MM CO BO PY UY HN GT SV NI KE LR"},
    {"department", "CO BO PY UY HN GT SV NI PE FR BJ CG HT NE SN TD CM GA BF CI"},
    {"governorate", "SY IQ YE EG JO LB TN BH KW OM PS"},
    {"county", "US KE LR SS UG GB IE HU HR EE NO SE RO TW CN PL"}};
/* the French forms share the English noun's countries */
static const char *const division_nouns_fr[][2] = {
    {"\xc3\xa9tat", "state"}, {"etat", "state"}, {"d\xc3\xa9partement", "department"},
    {"departamento", "department"}, {"gouvernorat", "governorate"}, {"muhafazat", "governorate"},
    {"comt\xc3\xa9", "county"}, {"provincia", "province"}};

/* Acronyms that name a country or a first-level division (all-caps words are
 * otherwise acronyms of organisations): acronym, country code, division name
 * (NULL: the country), "fr" when only after a French article or preposition
 * ("en RDC"; in English an RDC is a district commissioner). */
static const char *const acronyms[][4] = {
    {"USA", "US", NULL, NULL}, {"US", "US", NULL, NULL}, {"UAE", "AE", NULL, NULL}, {"EAU", "AE", NULL, "fr"},
    {"UK", "GB", NULL, NULL}, {"DRC", "CD", NULL, NULL}, {"RDC", "CD", NULL, "fr"},
    {"RCA", "CF", NULL, "fr"}, {"KSA", "SA", NULL, NULL},
    {"KPK", "PK", "Khyber Pakhtunkhwa", NULL}, {"NWFP", "PK", "Khyber Pakhtunkhwa", NULL},
    {"AJK", "PK", "Azad Kashmir", NULL}, {"KZN", "ZA", "KwaZulu-Natal", NULL}};
static const char *const french_before_acronym[] = {"en", "la", "de", "du", "d", "l", "\xc3\xa0",
                                                    "aux", "des", NULL};

/* Locative words: a following capitalized word is likely a place. */
static const char *const locatives[] = {
    "in", "at", "near", "from", "to", "into", "outside", "around", "towards", "toward",
    "across", "of", "\xc3\xa0", "a", "au", "aux", "en", "de", "du", "d", "des", "pr\xc3\xa8s",
    "vers", "dans", "depuis", "sur", "entre", "between", "outskirts", "abords", "environs",
    "sud", "nord", "est", "ouest", "south", "north", "east", "west", "southern", "northern",
    "eastern", "western", "centre", "center", "central", "via", "par", NULL};
/* Words after which a capitalized word is a medium or an organisation, not a place. */
static const char *const org_before[] = {
    "agence", "agency", "quotidien", "journal", "newspaper", "daily", "hebdomadaire",
    "weekly", "cha\xc3\xaene", "channel", "t\xc3\xa9l\xc3\xa9vision", "television", "radio",
    "site", "magazine", "tv", "brigade", "brigades", "bataillon", "battalion", "groupe",
    "group", "mouvement", "movement", "front", "parti", "party", "association", "fondation",
    "foundation", "saint", "st", "op\xc3\xa9ration", "operation",
    /* the first word of an armed group's name: the place after it is the group's
     * (Fateh al-Cham, Liwa al-Quds, Katiba Macina) */
    "jaish", "jaysh", "liwa", "katiba", "kataeb", "ansar", "fateh", "ahrar", "faylaq",
    "lashkar", "tehreek", "tehrik", "harakat", "jabhat", "hizb", NULL};
/* Titles and trades after which a capitalized word is a person's name, as are the
 * next items of a list of names ("sub-inspectors Hafiz, Habib and Ismail Hossain"). */
static const char *const person_before[] = {
    "m.", "mr", "mme", "mrs", "ms", "dr", "sheikh", "cheikh", "imam",
    "pr\xc3\xa9sident", "president", "g\xc3\xa9n\xc3\xa9ral", "general", "colonel",
    "commandant", "commander", "ministre", "minister", "porte-parole", "spokesman",
    "spokesperson", "journaliste", "journalist", "directeur", "director", "chef", "chief",
    "leader", "dirigeant", "ma\xc3\xaetre",
    /* a person's trade or alias before the name (actor Simbu, aka Sachin) */
    "actor", "actress", "acteur", "actrice", "singer", "chanteur", "chanteuse", "cleric",
    "poet", "po\xc3\xa8te", "writer", "\xc3\xa9" "crivain", "lawyer", "avocat", "judge", "juge",
    "activist", "activiste", "aka", "alias", "lawmaker", "legislator", "senator",
    "s\xc3\xa9nateur", "d\xc3\xa9put\xc3\xa9", "mla", "mp", "mna", "mpa", "councillor",
    "councilor", "constable", "inspector", "inspectors", "seller", "vendor", "driver",
    "helper", "farmer", "trader", "businessman", "student", "teacher", "labourer", "laborer",
    "worker", "shopkeeper", "soldier", "militant", "cadre", "jawan", "artist", "artists",
    /* Arabic names: the father of, the son of (Abu Qasim, Ibn Saud) */
    "abu", "ibn", NULL};
/* Capitalized words that may follow a place inside one capitalized run and
 * keep it a place ("Kandahar Police", "Kabul University", "Idlib Governorate"). */
static const char *const head_after[] = {
    "province", "governorate", "state", "region", "oblast", "district", "city", "town",
    "village", "county", "prefecture", "department", "division", "municipality", "area",
    "police", "army", "airport", "airbase", "base", "university", "hospital", "road",
    "highway", "bridge", "market", "bazaar", "mosque", "school", "prison", "camp", "river",
    "valley", "mountains", "mountain", "lake", "dam", "border", "crossing", "gate", "square",
    "stadium", "council", "court", "jail", "checkpoint", "street", "avenue", "port",
    "station", "refinery", "forces", "security", "sub-district", "subdistrict", "tehsil",
    "upazila", "union", "ward", "township", "centre", "center", "sector", "sectors",
    "municipal", "collectorate", "press", "corporation", "cantonment", "railway", "island",
    "countryside", "outskirts", "suburbs", "local",
    "islands", NULL};
/* Nouns of schools, which are named after persons and ideas as often as after
 * towns (Panjab University, Visva-Bharati University, Jagannath University). */
static const char *const institutions[] = {"university", "universit\xc3\xa9", "college",
                                           "coll\xc3\xa8ge", "institute", "institut", NULL};
/* Words between a place and the division it lies in ("X village in Y district",
 * "X under Y upazila", "X of Y district", "X dans le district de Y" is a cue). */
static const char *const container_links[] = {"in", "under", "of", NULL};
/* Capitalized words before a place in one run that keep it a place. */
static const char *const head_before[] = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "upper", "lower", "greater", "nord", "sud", "est", "ouest", "haute", "haut", "bas", "basse",
    "grand", "grande", "old", "new", "province", "governorate", "district", "state", "city",
    "lake", "mount", "camp", NULL};

/* Lower-case words that may sit inside a name joined by spaces. */
static const char *const particles[] = {
    "al", "el", "an", "ad", "ar", "as", "at", "ash", "az", "ed", "ez", "es", "er", "en", "et",
    "de", "di", "da", "du", "des", "do", "dos", "la", "le", "les", "of", "the", "and", "y", "bin",
    "ibn", "ben", "bou", "abu", "um", "umm", "sur", "sous", "l", "d", "del", "los", "las", NULL};

/* Months and days: a capitalized word that continues no name. */
static const char *const calendar[] = {
    "janvier", "f\xc3\xa9vrier", "mars", "avril", "mai", "juin", "juillet", "ao\xc3\xbbt",
    "septembre", "octobre", "novembre", "d\xc3\xa9" "cembre", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL};

/* Phrases that are never places by themselves, though the gazetteer may
 * know a homonym: months, days, titles, agencies, armed groups. Tokens are
 * separated by one space; matching is token-wise, case- and accent-exact
 * up to places_tok_eq folding. */
static const char *const not_places[] = {
    /* months and days */
    "janvier", "f\xc3\xa9vrier", "mars", "avril", "mai", "juin", "juillet", "ao\xc3\xbbt",
    "septembre", "octobre", "novembre", "d\xc3\xa9" "cembre", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "ramadan", "a\xc3\xaf" "d",
    "eid", "noel", "christmas",
    /* function words and pronouns that open sentences */
    "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "et", "ou", "en",
    "\xc3\xa0", "o\xc3\xb9", "pr\xc3\xa8s", "d\xc3\xa8s",
    "dans", "sur", "selon", "depuis", "pendant", "apr\xc3\xa8s", "avant", "cette", "ce", "ces",
    "cet", "son", "sa", "ses", "leur", "leurs", "il", "elle", "ils", "elles", "on", "nous",
    "vous", "mais", "donc", "or", "ni", "car", "par", "pour", "avec", "sans", "sous", "vers",
    "chez", "contre", "entre", "parmi", "lors", "quand", "alors", "ainsi", "aussi", "encore",
    "deux", "trois", "plusieurs", "certains", "tous", "toutes", "tout", "the", "a", "an", "in",
    "at", "of", "to", "for", "by", "with", "from", "and", "or", "but", "as", "this", "that",
    "these", "those", "he", "she", "it", "they", "we", "his", "her", "their", "its", "after",
    "before", "during", "since", "while", "when", "where", "there", "here", "some", "all",
    "no", "not", "also", "other", "others", "both", "several", "many", "most", "on", "one",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "un", "une",
    "if", "although", "however", "meanwhile", "later", "earlier", "today", "yesterday",
    "tomorrow", "aujourd", "hier", "demain",
    /* titles and roles */
    "mr", "mrs", "ms", "m", "mme", "dr", "president", "pr\xc3\xa9sident", "general",
    "g\xc3\xa9n\xc3\xa9ral", "colonel", "captain", "capitaine", "major", "lieutenant",
    "sergeant", "sheikh", "cheikh", "imam", "king", "roi", "queen", "reine", "prince",
    "emir", "\xc3\xa9mir", "minister", "ministre", "governor", "gouverneur", "mayor", "maire",
    "saint", "st", "sainte", "god", "dieu", "allah", "islam", "prophet", "pope", "pape",
    /* institutions and generic capitalized nouns */
    "police", "army", "arm\xc3\xa9" "e", "forces", "government", "gouvernement", "state",
    "etat", "\xc3\xa9tat", "islamic", "islamique", "national", "nationale", "republic",
    "r\xc3\xa9publique", "democratic", "union", "federal", "f\xc3\xa9" "d\xc3\xa9ral", "council",
    "conseil", "ministry", "minist\xc3\xa8re", "party", "parti", "front", "movement",
    "mouvement", "brigade", "battalion", "regiment", "division", "command", "office",
    "center", "centre", "university", "universit\xc3\xa9", "hospital", "h\xc3\xb4pital",
    "court", "assembly", "assembl\xc3\xa9" "e", "parliament", "parlement", "congress",
    "senate", "s\xc3\xa9nat", "committee", "comit\xc3\xa9", "commission", "agency", "agence",
    "news", "press", "media", "m\xc3\xa9" "dias", "tv", "radio", "post", "times", "mail",
    "coalition", "alliance", "liberation", "lib\xc3\xa9ration", "resistance",
    "r\xc3\xa9sistance", "revolution", "r\xc3\xa9volution", "north", "south", "east", "west",
    "nord", "sud", "est", "ouest", "observatoire", "observatory", "human", "rights", "homme",
    "droits", "force", "group", "groupe", "people", "peuple", "popular", "populaire",
    "district", "province", "region", "r\xc3\xa9gion", "city", "ville", "town", "village",
    "county", "municipality", "governorate", "gouvernorat", "area", "zone", "sector",
    "island", "islands",
    /* news agencies, organisations and armed groups */
    "afp", "ap", "reuters", "sana", "irna", "tass", "ria", "xinhua", "anadolu", "belga", "efe",
    "ansa", "dpa", "interfax", "ukrinform", "unian", "tasnim", "isna", "wam", "bernama",
    "yonhap", "kyodo", "al jazeera",
    "al arabiya", "bbc", "cnn", "osdh", "sohr", "onu", "un", "unhcr", "hcr", "ocha", "unicef",
    "oms", "who", "icrc", "cicr", "msf", "hrw", "amnesty", "otan", "nato", "ue", "eu", "ua",
    "au", "minusma", "monusco", "unmiss", "amisom", "cedeao", "ecowas", "hts",
    "hayat tahrir al cham", "hayat tahrir al sham", "hayat tahrir al-sham", "tahrir",
    "al qaida", "al qa\xc3\xaf" "da", "al qaeda", "al qaïda", "aqmi", "aqim", "aqpa", "aqap",
    "jnim", "ei", "is", "isis", "isil", "daech", "daesh", "daesh", "etat islamique",
    "islamic state", "boko haram", "shabaab", "shebab", "al shabaab", "al shebab",
    "taliban", "talibans", "hezbollah", "hizbollah", "hamas", "houthi", "houthis", "houthistes",
    "ansar", "ansarullah", "ansar allah", "pkk", "ypg", "sdf", "fds", "asl", "fsa", "wagner",
    "iswap", "jihad", "djihad", "jaish", "jaysh", "al nusra", "nosra", "fateh", "fatah",
    "ahrar", "ahrar al cham", "ahrar al sham", "faylaq", "liwa", "katiba", "kataeb",
    "hachd", "hashd", "mujahideen", "moudjahidine", "ttp", "tehreek", "lashkar",
    "lashkar e taiba", "al watan", "watan", "tishreen", "al akhbar",
    "al ahram", "ahram", "al masry", "al quds", "quds",
    /* Indian assemblies: Sabha is also a Libyan province */
    "lok sabha", "rajya sabha", "vidhan sabha", "vidhan parishad", "zila parishad", NULL};

/* ---- module state ------------------------------------------------------------ */

#define PLACES_MEMO_BYTES (16u << 20) /* per connection, at most; grows with use */
#define SCRATCH_KEEP (256u << 10)      /* the most bytes of buffers kept between calls */

static const char *const point_locatives[] = {"\xc3\xa0", "near", "pr\xc3\xa8s", "outskirts",
                                              "abords", "environs", "at", "outside", NULL};

static const char *const directions[] = {
    "nord", "sud", "est", "ouest", "north", "south", "east", "west", "northern", "southern",
    "eastern", "western", "centre", "center", "central", "centrale", "northeast", "northwest",
    "southeast", "southwest", "upper", "lower", "haut", "haute", "bas", "basse", "moyen",
    "middle", "grand", "greater", "far", "extr\xc3\xaame", NULL};

/* Nouns of what a country, a big city or a person heads: a village has none
 * ("the Modi government", "le gouvernement Modi"). */
static const char *const governments[] = {"government", "governments", "gouvernement",
                                          "gouvernements", "regime", "r\xc3\xa9gime",
                                          "administration", "cabinet", NULL};

/* Names of peoples and faiths that villages also bear: as a word they name the
 * people (Baloch separatists, Fulani herders, a Shia mosque), a division at
 * most (Kachin, Afar), never a town. Not those that name their own district
 * as well (Hazara, Mon). */
static const char *const ethnonyms[] = {
    "fulani", "peul", "peuls", "peulh", "peulhs", "tuareg", "touareg", "touaregs", "dogon",
    "bambara", "sindhi", "baloch", "baluch", "pashtun", "pashtuns", "pakhtun", "naga", "nagas",
    "kuki", "meitei", "bodo", "bodos", "santhal", "jat", "jats", "dalit", "dalits", "shia",
    "shiite", "chiite", "sunni", "sunnite", "yazidi", "yezidi", "druze", "alawite", "alaouite",
    "rohingya", "igbo", "yoruba", "hausa", "tiv", "jukun", "berom", "kanuri", "konkomba",
    "nuer", "dinka", "murle", "masalit", "zaghawa", "hutu", "tutsi", "banyamulenge", "lendu",
    "hema", "twa", "tharu", "tharus", "magar", "magars", "gurung", "gurungs", "tamang",
    "tamangs", "newar", "newars", "madhesi", "madhesis", "limbu", "sherpa", "sherpas", "adivasi",
    "adivasis", "mizo", "mizos", "garo", "garos", "khasi", "karbi", "dimasa", "reang",
    "mohajir", "muhajir", "toubou", "tubu", "songhai", "bozo", "mossi", "dozo", "dozos",
    "mapuche", "wayuu", "embera", "jarai", NULL};

/* Nouns of a people: the name before them is an ethnonym (the Bugti tribe, Naga
 * tribespeople, the Jat caste). Not "community" nor "people": in Nigerian and
 * Latin American usage "X community" is the village X. */
static const char *const group_nouns[] = {"tribe", "tribes", "tribesmen", "tribespeople",
                                          "caste", "castes", "sect", "tribu", "tribus", "clan",
                                          "clans", "ethnicity", "ethnie", "ethnies", NULL};

/* Particles that carry a Spanish or Portuguese name on (San José de los Sapos,
 * Gaucha do Norte, Misión del Sol); not "of" (Kalaiya of Bara is a town of a
 * district). */
static const char *const romance_particles[] = {"de", "del", "do", "da", "dos", "das", "di",
                                                "los", "las", NULL};
/* Arabic articles written apart, inside names and persons' names alike (Abd el
 * Hamid, Tal al Karama); not "as", "an", "at": English words too. */
static const char *const arabic_articles[] = {"al", "el", "ad", "ar", "ash", "az", "ed", "ez",
                                              "er", "ul", NULL};

static const char *const list_words[] = {"and", "et", "or", "ou", NULL};
static const char *const office_cues[] = {"department", "division", NULL};

static const char *const links[] = {"de", "d", "du", "des", "of", "the", "la", "l", "le",
                                    "les", NULL};

#define HIGH_BITS 0x8080808080808080ull
#define FOLD_HASH_SEED 0x243F6A8885A308D3ull

/* The 8 bytes of w, all ASCII, with the capitals lower-cased. */
static inline uint64_t lower_ascii8(uint64_t w) {
    uint64_t from_a = w + 0x3F3F3F3F3F3F3F3Full; /* high bit: the byte is 'A' or after */
    uint64_t after_z = w + 0x2525252525252525ull; /* high bit: the byte is after 'Z' */
    return w | ((from_a & ~after_z & HIGH_BITS) >> 2);
}

/* k <= 8 bytes folded as places_tok_eq folds them (ASCII and Latin-1 capitals),
 * little-endian; prev is the byte before u[0] (0 at the start of the text hashed). */
static uint64_t fold_bytes(const unsigned char *u, size_t k, unsigned prev) {
    uint64_t w = 0;
    for (size_t i = 0; i < k; i++) {
        unsigned c = u[i];
        if (c - 'A' < 26u || (prev == 0xC3 && c - 0x80u < 0x1Fu && c != 0x97)) c |= 0x20;
        prev = u[i];
        w |= (uint64_t)c << (8 * i);
    }
    return w;
}

static inline uint64_t hash_mix(uint64_t h, uint64_t w) {
    h = (h ^ w) * 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 32);
}

static inline uint64_t hash_finish(uint64_t h) {
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 32;
    return h | 1; /* never 0: 0 marks an empty slot */
}

/* Hash of the n bytes of s folded (places_tok_eq's folding), 8 at a time; avail
 * bytes (at least n) can be read from s, so that a word can be loaded whole. */
static uint64_t fold_hash_in(const char *s, size_t n, size_t avail) {
    const unsigned char *u = (const unsigned char *)s;
    uint64_t h = FOLD_HASH_SEED ^ n;
    for (size_t i = 0; i < n; i += 8) {
        size_t k = n - i < 8 ? n - i : 8;
        if (avail - i >= 8) {
            uint64_t w;
            memcpy(&w, u + i, 8);
            if (k < 8) w &= ((uint64_t)1 << (8 * k)) - 1;
            if (!(w & HIGH_BITS)) {
                h = hash_mix(h, lower_ascii8(w));
                continue;
            }
        }
        h = hash_mix(h, fold_bytes(u + i, k, i ? u[i - 1] : 0));
    }
    return hash_finish(h);
}

static uint64_t fold_hash(const char *s, size_t n) { return fold_hash_in(s, n, n); }

/* fold_hash_in() inline for the most common token: ASCII, 8 bytes or fewer. */
static inline uint64_t token_hash(const char *s, size_t n, size_t avail) {
    uint64_t w;
    if (n > 8 || avail < 8) return fold_hash_in(s, n, avail);
    memcpy(&w, s, 8);
    w &= ~(uint64_t)0 >> (64 - 8 * n); /* n >= 1: tokens are never empty */
    if (w & HIGH_BITS) return fold_hash_in(s, n, avail);
    return hash_finish(hash_mix(FOLD_HASH_SEED ^ n, lower_ascii8(w)));
}

static size_t first_word_len(const char *w) {
    size_t n = 0;
    while (w[n] && w[n] != ' ') n++;
    return n;
}

static word_entry *add_word(places_state *ps, const char *w, size_t n, uint32_t mask) {
    uint64_t h = fold_hash(w, n);
    uint32_t m = (1u << WORD_BITS) - 1, j = (uint32_t)h & m;
    while (ps->words[j].hash && ps->words[j].hash != h) j = (j + 1) & m;
    ps->words[j].hash = h;
    ps->words[j].mask |= mask;
    return &ps->words[j];
}

static actor_word *add_actor_word(places_state *ps, const char *w, size_t n, uint32_t flags) {
    uint64_t h = fold_hash(w, n);
    uint32_t check = (uint32_t)(h >> 32) | 1, m = (1u << ACTOR_BITS) - 1, j = (uint32_t)h & m;
    while (ps->actor_words[j].check && ps->actor_words[j].check != check) j = (j + 1) & m;
    ps->actor_words[j].check = check;
    ps->actor_words[j].flags |= (uint8_t)flags;
    return &ps->actor_words[j];
}

/* The hash of the words of hash h followed by the word of hash word, in bits 16 and up
 * (never 0: 0 marks an empty slot); its slot in actor_keys is its top bits. */
static uint64_t key_hash(uint64_t h, uint64_t word) {
    h = hash_finish(hash_mix(h, word * 0x9E3779B97F4A7C15ull));
    return (h | (KEY_INFO + 1)) & ~(uint64_t)KEY_INFO;
}

static void add_actor_key(places_state *ps, uint64_t h, uint32_t info) {
    uint32_t m = (1u << ACTOR_KEY_BITS) - 1, j = (uint32_t)(h >> (64 - ACTOR_KEY_BITS));
    while (ps->actor_keys[j] && (ps->actor_keys[j] & ~(uint64_t)KEY_INFO) != h) j = (j + 1) & m;
    ps->actor_keys[j] |= h | info;
}

/* The entry of the word of hash h; an empty one for any other word. */
static const actor_word *actor_word_find(const places_state *ps, uint64_t h) {
    static const actor_word none;
    uint32_t check = (uint32_t)(h >> 32) | 1, m = (1u << ACTOR_BITS) - 1;
    for (uint32_t j = (uint32_t)h & m; ps->actor_words[j].check; j = (j + 1) & m)
        if (ps->actor_words[j].check == check) return &ps->actor_words[j];
    return &none;
}

static void add_list(places_state *ps, const char *const *list, uint32_t mask) {
    for (; *list; list++) add_word(ps, *list, strlen(*list), mask);
}

/* Marks the home slots of the words placed two slots or more away from them,
 * once the table is complete. */
static void words_finish(places_state *ps) {
    uint32_t m = (1u << WORD_BITS) - 1;
    for (uint32_t j = 0; j <= m; j++) {
        uint32_t home = (uint32_t)ps->words[j].hash & m;
        if (ps->words[j].hash && ((j - home) & m) >= 2)
            ps->words_far[home >> 6] |= 1ull << (home & 63);
    }
}

/* The entry of the word of hash h, else no_word. The two slots from its home
 * are compared without a branch (whether a token is a listed word is a coin
 * toss the processor would often lose); the rare homes of farther words probe on. */
static const word_entry *word_find(const places_state *ps, uint64_t h) {
    uint32_t m = (1u << WORD_BITS) - 1, j = (uint32_t)h & m;
    const word_entry *a = &ps->words[j], *b = &ps->words[(j + 1) & m];
    /* all-ones masks of the matches: compilers branch on a ?: chain */
    uintptr_t in_a = -(uintptr_t)(a->hash == h), in_b = -(uintptr_t)(b->hash == h) & ~in_a;
    const word_entry *found = (const word_entry *)(((uintptr_t)a & in_a) | ((uintptr_t)b & in_b) |
                                                   ((uintptr_t)&ps->no_word & ~(in_a | in_b)));
    if (ps->words_far[j >> 6] >> (j & 63) & 1)
        for (uint32_t k = (j + 2) & m; ps->words[k].hash; k = (k + 1) & m)
            if (ps->words[k].hash == h) return &ps->words[k];
    return found;
}

static int is_sep(char c) {
    return c == ' ' || c == '\'' || c == '-' || c == '.' || c == '"' || c == ',';
}

/* The fold of code point cp alone, from conflict_normalize_name() itself: kept
 * when it is at most as long as cp's UTF-8 form and plain ASCII (letters that
 * lose their marks, ligatures spelled out, dashes and quotes dropped), since
 * an ASCII result cannot compose with a neighbour, so a string of such code
 * points folds to the concatenation of their folds. */
static void fold_init_cp(conflict_buf *b, uint32_t cp, fold_cp *out) {
    char u[4];
    size_t m;
    if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        m = 2;
    } else {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        m = 3;
    }
    out->n = FOLD_NONE;
    conflict_buf_reset(b);
    conflict_error err = {0};
    if (conflict_normalize_name(u, m, b, &err) || b->failed) return;
    b->len = gaz_fold(b->p, b->len);
    size_t k = 0;
    for (size_t i = 0; i < b->len; i++) {
        unsigned char c = (unsigned char)b->p[i];
        if (c >= 0x80 || c < 0x20 || c == 0x7F) return;
        if (is_sep((char)c)) continue;
        if (k >= m || k >= sizeof out->s) return;
        out->s[k++] = (char)c;
    }
    out->n = (uint8_t)k;
}

static void fold_init(const conflict_allocator *a, places_state *ps) {
    for (int c = 0; c < 128; c++) {
        unsigned char f = (unsigned char)c;
        if (c >= 'A' && c <= 'Z') f = (unsigned char)(c | 0x20);
        if (c == '`' || is_sep((char)c) || c < 0x20 || c == 0x7F) f = 0;
        ps->fold_ascii[c] = f;
    }
    conflict_buf b;
    conflict_buf_init(&b, a, 0);
    for (uint32_t cp = 0x80; cp < FOLD_LAT_END; cp++) fold_init_cp(&b, cp, &ps->fold_lat[cp - 0x80]);
    for (uint32_t cp = 0; cp < 0x100; cp++) fold_init_cp(&b, 0x1E00 + cp, &ps->fold_ext[cp]);
    for (uint32_t cp = 0; cp < 0x70; cp++) fold_init_cp(&b, 0x2000 + cp, &ps->fold_punct[cp]);
    conflict_buf_free(&b);
}

/* gaz_fold(conflict_normalize_name(s)) into out[FOLD_MAX] by table look-ups;
 * returns the length, or -1 when s needs the full normalization (ASCII
 * controls, scripts and code points outside the tables, long input). */
static long fold_fast(const places_state *ps, const char *s, size_t n, char *out) {
    if (n > FOLD_MAX) return -1;
    const unsigned char *u = (const unsigned char *)s;
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        unsigned c = u[i];
        if (c < 0x80) {
            if (c < 0x20 || c == 0x7F) return -1; /* STRIPCC and line breaks: the full path */
            unsigned char f = ps->fold_ascii[c];
            if (f) out[k++] = (char)f;
            i++;
            continue;
        }
        const fold_cp *e;
        if (c >= 0xC2 && c < 0xE0 && i + 1 < n) {
            uint32_t cp = ((c & 0x1Fu) << 6) | (u[i + 1] & 0x3Fu);
            if (cp >= FOLD_LAT_END) return -1;
            e = &ps->fold_lat[cp - 0x80];
            i += 2;
        } else if (c == 0xE1 && i + 2 < n && (u[i + 1] == 0xB8 || u[i + 1] == 0xB9 ||
                                               u[i + 1] == 0xBA || u[i + 1] == 0xBB)) {
            e = &ps->fold_ext[((u[i + 1] & 3u) << 6) | (u[i + 2] & 0x3Fu)];
            i += 3;
        } else if (c == 0xE2 && i + 2 < n && (u[i + 1] == 0x80 || u[i + 1] == 0x81)) {
            uint32_t cp = ((u[i + 1] & 1u) << 6) | (u[i + 2] & 0x3Fu);
            if (cp >= 0x70) return -1;
            e = &ps->fold_punct[cp];
            i += 3;
        } else {
            return -1;
        }
        if (e->n == FOLD_NONE) return -1;
        for (unsigned q = 0; q < e->n; q++) out[k++] = e->s[q];
    }
    return (long)k;
}

/* gaz_fold(conflict_normalize_name(s)): *res points to the folded bytes (in
 * out[FOLD_MAX] or in b). */
static conflict_status fold_name(const places_state *ps, const char *s, size_t n, char *out,
                                 conflict_buf *b, const char **res, size_t *len,
                                 conflict_error *err) {
    long k = fold_fast(ps, s, n, out);
    if (k >= 0) {
        *res = out;
        *len = (size_t)k;
        return CONFLICT_OK;
    }
    conflict_buf_reset(b);
    conflict_status st = conflict_normalize_name(s, n, b, err);
    if (st) return st;
    b->len = gaz_fold(b->p, b->len);
    *res = b->p;
    *len = b->len;
    return CONFLICT_OK;
}

int conflict_places_fold_equal(const conflict_engine *e, const char *s, size_t n) {
    const places_state *ps = e->mod[CONFLICT_MOD_PLACES];
    if (!ps) return 0;
    conflict_buf b, b2;
    conflict_buf_init(&b, e->a, 0);
    conflict_buf_init(&b2, e->a, 0);
    char out[FOLD_MAX];
    const char *r;
    size_t len;
    conflict_error err = {0};
    int same = 0;
    if (!fold_name(ps, s, n, out, &b, &r, &len, &err) &&
        !conflict_normalize_name(s, n, &b2, &err)) {
        b2.len = gaz_fold(b2.p, b2.len);
        same = len == b2.len && (!len || !memcmp(r, b2.p, len));
    }
    conflict_buf_free(&b);
    conflict_buf_free(&b2);
    return same;
}

size_t conflict_places_fold_check(const conflict_engine *e, size_t step) {
    const places_state *ps = e->mod[CONFLICT_MOD_PLACES];
    if (!ps) return 1;
    size_t bad = 0, idx = 0;
    for (size_t i = 1; i < ps->g.h->strings_size; idx++) {
        const char *str = ps->g.strings + i;
        size_t n = strlen(str);
        if (idx % step == 0 && !conflict_places_fold_equal(e, str, n)) bad++;
        i += n + 1;
    }
    return bad;
}

static int country_index(const places_state *ps, const char *cc) {
    if (!cc) return 0;
    for (uint32_t i = 0; i < ps->g.h->ncountries; i++)
        if (ps->g.countries[i].cc[0] == cc[0] && ps->g.countries[i].cc[1] == cc[1]) return (int)i + 1;
    return 0;
}

/* Adds the actor dictionary's one-word nationalities with a country to the word
 * table, as written and folded (égyptienne, egyptienne): the text's tokens are
 * looked up there anyway. A word of two countries keeps the first. The first
 * word of each named actor with a country (Awami League, MQM) marks where
 * places_actor_evidence() looks the actor up. */
static void nat_init(places_state *ps) {
    const conflict_pd *d = &conflict_actors_pd;
    for (size_t k = 0; k < conflict_actors_nentries; k++) {
        const conflict_dict_entry *en = &conflict_actors_entries[k];
        int ci = en->kind == DK_NAMED && !en->also[0] ? country_index(ps, en->country) : 0;
        ps->actor_country[k] = (uint8_t)(ci < 256 ? ci : 0);
    }
    for (uint32_t j = 0; j <= d->mask; j++) {
        const conflict_pd_slot *sl = &d->slots[j];
        if (!sl->key || sl->first < 0) continue;
        for (uint16_t a = 0; a < sl->count; a++) {
            const conflict_pd_alias *al = &d->aliases[sl->first + a];
            const conflict_dict_entry *en = &conflict_actors_entries[al->entry];
            if (!en->country[0] || en->also[0]) continue;
            if (en->kind == DK_NAMED) {
                const char *key = d->strings + sl->key;
                size_t n1 = first_word_len(key);
                add_actor_word(ps, key, n1, ACTOR_FIRST | (sl->ntok == 1 ? ACTOR_ALONE : 0));
                if (sl->ntok > 1) {
                    const char *second = key + n1 + 1;
                    add_actor_word(ps, second, first_word_len(second), ACTOR_SECOND);
                }
            }
            if (en->kind != DK_NAT || sl->ntok != 1 || (al->flags & CONFLICT_PD_CASE)) continue;
            int ci = country_index(ps, en->country);
            const char *forms[2] = {d->strings + al->raw, d->strings + sl->key};
            uint32_t mask = W_NAT | (en->type == DT_FOREIGN_FORCES ? W_NAT_ABROAD : 0);
            for (int f = 0; f < 2 && ci > 0 && ci < 256; f++) {
                size_t n = strlen(forms[f]);
                if (n < 3) continue;
                word_entry *w = add_word(ps, forms[f], n, mask);
                if (!w->country) w->country = (uint8_t)ci;
            }
        }
    }
}

/* 1 when raw is the n bytes of the folded word w in capitals, two letters or more
 * (BNP): a text writes it so when its word is in capitals. */
static int capitals_of(const char *raw, const char *w, size_t n) {
    int letters = 0;
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)w[k];
        int lower = c >= 'a' && c <= 'z';
        if (c >= 0x80 || (unsigned char)raw[k] != (lower ? c - 32 : c)) return 0;
        letters += lower;
    }
    return !raw[n] && letters >= 2;
}

/* The vote of a first word alone (slot sl, its one-token key w), written in
 * capitals or not: the only name at a head that no key's second word follows. */
static void actor_alone_vote(places_state *ps, actor_word *aw, const conflict_pd_slot *sl,
                             const char *w, size_t n) {
    const conflict_pd *d = &conflict_actors_pd;
    const conflict_pd_alias *al[2][MAXACTORALIASES];
    size_t nal[2] = {0, 0};
    for (uint16_t a = 0; a < sl->count; a++) {
        const conflict_pd_alias *x = &d->aliases[sl->first + a];
        int as_written = x->flags & CONFLICT_PD_CASE;
        if (as_written && !capitals_of(d->strings + x->raw, w, n)) aw->flags |= ACTOR_CASE;
        for (int caps = 0; caps < 2; caps++)
            if ((caps || !as_written) && nal[caps] < MAXACTORALIASES) al[caps][nal[caps]++] = x;
    }
    for (int caps = 0; caps < 2; caps++) {
        int home, country = places_actor_vote(ps, al[caps], nal[caps], &home);
        aw->country[caps] = (uint8_t)country;
        if (country && home) aw->flags |= (uint8_t)(ACTOR_HOME << caps);
    }
}

/* What the key of slot sl, of several words, says of itself (KEY_* | country). */
static uint32_t actor_key_vote(const places_state *ps, const conflict_pd_slot *sl) {
    const conflict_pd *d = &conflict_actors_pd;
    const conflict_pd_alias *al[MAXACTORALIASES];
    size_t n = 0;
    if (sl->first < 0) return 0; /* only a prefix */
    for (uint16_t a = 0; a < sl->count; a++) {
        const conflict_pd_alias *x = &d->aliases[sl->first + a];
        if (x->flags & CONFLICT_PD_CASE) return KEY_AS_WRITTEN;
        if (n < MAXACTORALIASES) al[n++] = x;
    }
    int home, country = places_actor_vote(ps, al, n, &home);
    return KEY_WHOLE | (country && home ? KEY_HOME : 0) | (uint32_t)country;
}

/* The keys of several words that start with a first word of a name, each word folded
 * and hashed like a token: places_actor_evidence() follows them in actor_keys rather
 * than in the actor dictionary's big tables. */
static void actor_key_init(places_state *ps, const conflict_pd_slot *sl, const char *key,
                           uint64_t first) {
    uint64_t h = first, prefix = first;
    for (const char *w = key + first_word_len(key); *w; w += first_word_len(w)) {
        w++; /* the space before the word */
        prefix = h;
        h = key_hash(h, fold_hash(w, first_word_len(w)));
    }
    add_actor_key(ps, h, actor_key_vote(ps, sl));
    if (sl->ntok > 2) add_actor_key(ps, prefix, KEY_LONGER);
}

/* For each first word of a name: its vote alone, and the keys of several words it
 * starts. */
static void actor_heads_init(places_state *ps) {
    const conflict_pd *d = &conflict_actors_pd;
    for (uint32_t j = 0; j <= d->mask; j++) {
        const conflict_pd_slot *sl = &d->slots[j];
        if (!sl->key) continue;
        const char *key = d->strings + sl->key;
        size_t n1 = first_word_len(key);
        uint64_t h = fold_hash(key, n1);
        if (!(actor_word_find(ps, h)->flags & ACTOR_FIRST)) continue;
        if (sl->ntok > 1) actor_key_init(ps, sl, key, h);
        else if (sl->first >= 0) actor_alone_vote(ps, add_actor_word(ps, key, n1, 0), sl, key, n1);
    }
}

/* The country indexes of a list of codes separated by spaces ("BD IN PK") into out, at
 * most max of them; their number. */
static int country_codes(const places_state *ps, const char *cc, uint8_t *out, int max) {
    int n = 0;
    for (; cc[0] && cc[1] && n < max; cc += cc[2] == ' ' ? 3 : 2) {
        char code[3] = {cc[0], cc[1], 0};
        int ci = country_index(ps, code);
        if (ci > 0 && ci < 256) out[n++] = (uint8_t)ci;
    }
    return n;
}

static void local_terms_init(places_state *ps) {
    _Static_assert(sizeof local_terms / sizeof local_terms[0] <= MAXTERMS, "MAXTERMS");
    for (size_t k = 0; k < sizeof local_terms / sizeof local_terms[0]; k++) {
        country_codes(ps, local_terms[k][1], ps->term_cc[k], MAXTERM_CC - 1);
        ps->term_kind[k] = local_terms[k][2][0] == '1'   ? GAZ_ADMIN1
                           : local_terms[k][2][0] == '2' ? GAZ_ADMIN2
                                                         : GAZ_CITY;
        word_entry *w = add_word(ps, local_terms[k][0], strlen(local_terms[k][0]), W_LOCAL_TERM);
        if (!strcmp(local_terms[k][0], "lga")) ps->lga_term = (int)k + 1;
        w->term = (uint8_t)(k + 1);
    }
}

static void division_nouns_init(places_state *ps) {
    size_t nn = sizeof division_nouns / sizeof division_nouns[0];
    _Static_assert(sizeof division_nouns / sizeof division_nouns[0] < MAXNOUNS, "MAXNOUNS");
    for (size_t k = 0; k < nn; k++) {
        const char *cc = division_nouns[k][1];
        int never = *cc == '!';
        uint64_t *set = ps->noun_cc[k];
        uint8_t ci[256];
        for (int q = country_codes(ps, cc + never, ci, 256); q-- > 0;)
            set[ci[q] >> 6] |= 1ull << (ci[q] & 63);
        if (never)
            for (int w = 0; w < 4; w++) set[w] = ~set[w];
        add_word(ps, division_nouns[k][0], strlen(division_nouns[k][0]), 0)->noun = (uint8_t)(k + 1);
    }
    for (size_t k = 0; k < sizeof division_nouns_fr / sizeof division_nouns_fr[0]; k++)
        for (size_t e = 0; e < nn; e++)
            if (!strcmp(division_nouns_fr[k][1], division_nouns[e][0]))
                add_word(ps, division_nouns_fr[k][0], strlen(division_nouns_fr[k][0]), 0)->noun =
                    (uint8_t)(e + 1);
}

static int admin1_by_name(const places_state *ps, const conflict_allocator *a, int country,
                          const char *s, size_t n);

/* The place of each acronym (UINT32_MAX when the gazetteer lacks it). */
static void acronyms_init(places_state *ps, const conflict_allocator *a) {
    _Static_assert(sizeof acronyms / sizeof acronyms[0] <= MAXACRONYMS, "MAXACRONYMS");
    for (size_t k = 0; k < sizeof acronyms / sizeof acronyms[0]; k++) {
        int ci = country_index(ps, acronyms[k][1]);
        uint32_t place = ci ? ps->g.countries[ci - 1].place : UINT32_MAX;
        if (ci && acronyms[k][2]) {
            int a1 = admin1_by_name(ps, a, ci, acronyms[k][2], strlen(acronyms[k][2]));
            place = a1 ? GAZ_ADMIN1_PLACE(ps->g.admin1[a1 - 1]) : UINT32_MAX;
        }
        ps->acronym_place[k] = place;
    }
}

static conflict_status places_init(conflict_engine *e, void **state, conflict_error *err) {
    gaz_index g;
    if (gaz_index_open(&g))
        return conflict_set_error(err, CONFLICT_ERROR, "embedded gazetteer is missing or corrupt");
    places_state *ps = conflict_malloc(e->a, sizeof *ps);
    if (!ps) return CONFLICT_NOMEM;
    memset(ps, 0, sizeof *ps);
    ps->g = g;
    fold_init(e->a, ps);
    for (int k = 0; k < GAZ_NKINDS; k++) ps->kind_len[k] = (uint8_t)strlen(conflict_place_kinds[k]);
    for (uint32_t i = 0; i < g.h->nfeatures; i++) {
        const char *f = ps->g.features[i].code;
        ps->feature_len[i] = (uint8_t)strnlen(f, sizeof ps->g.features[i].code);
        ps->frank[i] = !strcmp(f, "PPLC")    ? F_PPLC
                       : !strcmp(f, "PPLA")  ? F_PPLA
                       : !strcmp(f, "PPLA2") ? F_PPLA2
                       : !strcmp(f, "PPLA3") ? F_PPLA3
                       : (!strcmp(f, "PPLX") || !strcmp(f, "PPLL") || !strcmp(f, "neighbourhood") ||
                          !strcmp(f, "locality") || !strcmp(f, "campus"))
                           ? F_LOW
                           : F_OTHER;
    }
    add_list(ps, cue_admin_before, W_ADMIN_BEFORE);
    add_list(ps, cue_city_before, W_CITY_BEFORE);
    add_list(ps, cue_admin_after, W_ADMIN_AFTER);
    add_list(ps, cue_city_after, W_CITY_AFTER);
    add_list(ps, locatives, W_LOCATIVE);
    add_list(ps, org_before, W_ORG_BEFORE);
    add_list(ps, person_before, W_ORG_BEFORE | W_PERSON);
    add_list(ps, head_after, W_HEAD_AFTER);
    add_list(ps, head_before, W_HEAD_BEFORE);
    add_list(ps, institutions, W_INSTITUTION);
    add_list(ps, calendar, W_CALENDAR);
    add_list(ps, quarters, W_QUARTER);
    add_list(ps, namesake_nouns, W_NAMESAKE);
    add_list(ps, container_links, W_CONTAINER_LINK);
    add_list(ps, particles, W_PARTICLE);
    add_list(ps, links, W_LINK);
    add_list(ps, directions, W_DIRECTION);
    add_list(ps, point_locatives, W_POINT);
    add_list(ps, first_level, W_FIRST_LEVEL);
    add_list(ps, settlements, W_SETTLEMENT);
    add_list(ps, governments, W_GOVERNMENT);
    add_list(ps, group_nouns, W_GROUP);
    add_list(ps, ethnonyms, W_ETHNIC);
    add_list(ps, list_words, W_LIST);
    add_list(ps, office_cues, W_OFFICE_CUE);
    add_list(ps, romance_particles, W_ROMANCE);
    add_list(ps, arabic_articles, W_ARTICLE);
    for (size_t i = 0; not_places[i]; i++) {
        size_t n = first_word_len(not_places[i]);
        if (!not_places[i][n]) {
            add_word(ps, not_places[i], n, W_NOTPLACE);
        } else if (ps->nmulti < MAXMULTI) {
            add_word(ps, not_places[i], n, W_NOTPLACE_FIRST);
            ps->multi_first[ps->nmulti] = fold_hash(not_places[i], n);
            ps->multi[ps->nmulti++] = (uint16_t)i;
        }
    }
    ps->actor_country = conflict_malloc(e->a, conflict_actors_nentries + 1);
    if (!ps->actor_country) {
        conflict_free(e->a, ps);
        return CONFLICT_NOMEM;
    }
    nat_init(ps);
    actor_heads_init(ps);
    local_terms_init(ps);
    division_nouns_init(ps);
    acronyms_init(ps, e->a);
    words_finish(ps);
    ps->scratch = conflict_malloc(e->a, sizeof *ps->scratch);
    if (!ps->scratch) {
        conflict_free(e->a, ps->actor_country);
        conflict_free(e->a, ps);
        return CONFLICT_NOMEM;
    }
    memset(ps->scratch, 0, sizeof *ps->scratch);
    ps->scratch->tk.a = e->a;
    /* without it extraction is only slower */
    ps->memo = conflict_memo_new(e->a, PLACES_MEMO_BYTES);
    *state = ps;
    return CONFLICT_OK;
}

static void scratch_free(const conflict_allocator *a, places_scratch *sc) {
    conflict_tokens_free(&sc->tk);
    conflict_free(a, sc->words);
    conflict_free(a, sc->m);
    conflict_free(a, sc->pool);
    conflict_free(a, sc->un);
    memset(sc, 0, sizeof *sc);
    sc->tk.a = a;
}

static void places_free(conflict_engine *e, void *state) {
    places_state *ps = state;
    if (ps->user) conflict_user_places_free(ps->user);
    conflict_memo_free(ps->memo);
    scratch_free(e->a, ps->scratch);
    conflict_free(e->a, ps->scratch);
    conflict_free(e->a, ps->actor_country);
    conflict_free(e->a, ps);
}

const conflict_module conflict_places_module = {places_init, places_free};

void conflict_gazetteer_debug(conflict_buf *out) {
    gaz_index g;
    if (gaz_index_open(&g)) {
        conflict_buf_puts(out, "gazetteer=missing\n");
        return;
    }
    conflict_buf_puts(out, g.info);
    char line[64];
    snprintf(line, sizeof line, "gazetteer_bytes=%zu\n", g.size);
    conflict_buf_puts(out, line);
}

conflict_user_places *conflict_engine_set_user_places(conflict_engine *e,
                                                      conflict_user_places *u) {
    places_state *ps = e->mod[CONFLICT_MOD_PLACES];
    if (!ps) return u;
    conflict_user_places *old = ps->user;
    ps->user = u;
    return old;
}

const conflict_user_places *conflict_engine_user_places(const conflict_engine *e) {
    const places_state *ps = e->mod[CONFLICT_MOD_PLACES];
    return ps ? ps->user : NULL;
}

/* ---- gazetteer access ---------------------------------------------------------- */

int conflict_gaz_country_index(const conflict_engine *e, const char *cc) {
    const places_state *ps = e->mod[CONFLICT_MOD_PLACES];
    return ps ? country_index(ps, cc) : 0;
}

size_t conflict_gaz_nplaces(const conflict_engine *e) {
    const places_state *ps = e->mod[CONFLICT_MOD_PLACES];
    return ps ? ps->g.h->nplaces : 0;
}

uint32_t conflict_gaz_geonameid(const conflict_engine *e, size_t i) {
    const places_state *ps = e->mod[CONFLICT_MOD_PLACES];
    return ps ? ps->g.places[i].geonameid : 0;
}

/* Nationality adjectives and demonyms: Indian, Pakistani, Syrien, Malienne,
 * Afghans. Such a word names a place only when the gazetteer has it literally. */
static int demonym_like(const char *s, size_t n) {
#define SUF(w) {w, sizeof w - 1}
    static const struct {
        const char *w;
        size_t k;
    } suffixes[] = {SUF("ian"),   SUF("ians"),  SUF("ani"),   SUF("anis"),   SUF("ese"),
                    SUF("ish"),   SUF("eli"),   SUF("elis"),  SUF("ien"),    SUF("iens"),
                    SUF("ienne"), SUF("iennes"), SUF("ais"),  SUF("aise"),   SUF("aises"),
                    SUF("ois"),   SUF("oise"),  SUF("oises"), SUF("ain"),    SUF("ains"),
                    SUF("aine"),  SUF("aines"), SUF("ean"),   SUF("eans"),   SUF("an"),
                    SUF("ans"),   SUF("ite"),   SUF("ites"),  SUF("i"),      SUF("is")};
#undef SUF
    if (n < 3) return 0;
    char last = s[n - 1];
    if (last != 'n' && last != 's' && last != 'e' && last != 'h' && last != 'i') return 0;
    for (size_t q = 0; q < sizeof suffixes / sizeof suffixes[0]; q++) {
        size_t k = suffixes[q].k;
        if (n > k + 2 && suffixes[q].w[k - 1] == last && !memcmp(s + n - k, suffixes[q].w, k))
            return 1;
    }
    return 0;
}

static int admin1_by_name(const places_state *ps, const conflict_allocator *a, int country,
                          const char *s, size_t n) {
    if (!n) return 0;
    conflict_buf kb;
    conflict_buf_init(&kb, a, 0);
    conflict_error err = {0};
    int found = 0;
    if (!conflict_name_key(s, n, &kb, &err) && kb.len) {
        const uint32_t *list;
        uint32_t one;
        int common;
        uint32_t cnt = gaz_key_postings(&ps->g, gaz_hash(kb.p, kb.len), &list, &one, &common);
        for (uint32_t i = 0; i < cnt && !found; i++) {
            const gaz_place *p = &ps->g.places[GAZ_POST_PLACE(list[i])];
            if (GAZ_PLACE_KIND(p) == GAZ_ADMIN1 && (!country || GAZ_PLACE_COUNTRY(p) == (uint32_t)country))
                found = (int)GAZ_PLACE_ADMIN1(p);
        }
    }
    conflict_buf_free(&kb);
    return found;
}

int conflict_gaz_admin1_by_name(const conflict_engine *e, int country, const char *s, size_t n) {
    const places_state *ps = e->mod[CONFLICT_MOD_PLACES];
    return ps ? admin1_by_name(ps, e->a, country, s, n) : 0;
}

/* population codes (10 log2 people) of a seat the data gives no population */
#define POP_SEAT1 156 /* a province's: about 50,000 people */
#define POP_SEAT2 133 /* a district's: about 10,000 */

static double place_prior(const places_state *ps, const gaz_place *p) {
    switch (GAZ_PLACE_KIND(p)) {
        case GAZ_COUNTRY: return 1.0;
        case GAZ_ADMIN1: return 0.97; /* bare Idlib is the province */
        case GAZ_ADMIN2: return 0.3;
        case GAZ_REGION: return 0.45;
        case GAZ_OTHER: return 0.25;
        default: break;
    }
    int rank = ps->frank[GAZ_PLACE_FEATURE(p)];
    unsigned code = GAZ_PLACE_POP(p);
    /* a seat whose population the data lacks (most district towns of the village
     * data) is a town nonetheless */
    if (!code) code = rank == F_PPLA ? POP_SEAT1 : rank == F_PPLA2 ? POP_SEAT2 : 0;
    double pop = code / 240.0; /* 240 = 16.7 million people */
    double pr = 0.25 + 0.55 * (pop > 1 ? 1 : pop);
    switch (rank) {
        case F_PPLC: pr += 0.25; break;
        case F_PPLA: pr += 0.15; break;
        case F_PPLA2: pr += 0.08; break;
        case F_PPLA3: pr += 0.04; break;
        case F_LOW: pr -= 0.05; break;
        default: break;
    }
    return pr;
}

/* A major place: may be named inside a longer capitalized phrase, by a
 * common word, or far from the text's country. */
static int is_major(const places_state *ps, const gaz_place *p) {
    unsigned kind = GAZ_PLACE_KIND(p);
    /* regions are few and well known (Kashmir, Donbas, Sahel) */
    if (kind == GAZ_COUNTRY || kind == GAZ_ADMIN1 || kind == GAZ_REGION) return 1;
    int f = ps->frank[GAZ_PLACE_FEATURE(p)];
    if (f == F_PPLC || f == F_PPLA) return 1;
    return GAZ_PLACE_POP(p) >= 166; /* about 100,000 people */
}

/* CAPITAL_NATIONAL, CAPITAL_DIVISION or 0 */
static int is_capital(const places_state *ps, const gaz_place *p) {
    int f = ps->frank[GAZ_PLACE_FEATURE(p)];
    if (GAZ_PLACE_KIND(p) != GAZ_CITY) return 0;
    return f == F_PPLC ? CAPITAL_NATIONAL : f == F_PPLA ? CAPITAL_DIVISION : 0;
}

/* A candidate for gazetteer place id, with what the place says of itself; the
 * caller adds what the name and the span say (nflags, exact, sim). */
static cand cand_of_place(const places_state *ps, uint32_t id) {
    const gaz_place *p = &ps->g.places[id];
    cand x;
    memset(&x, 0, sizeof x);
    x.id = id;
    x.kind = (uint8_t)GAZ_PLACE_KIND(p);
    x.country = GAZ_PLACE_COUNTRY(p);
    x.admin1 = GAZ_PLACE_ADMIN1(p);
    x.major = (uint8_t)is_major(ps, p);
    x.capital = (uint8_t)is_capital(ps, p);
    x.prior = (float)place_prior(ps, p);
    return x;
}

/* ---- per-call context ------------------------------------------------------------ */

static inline int push_cand(ctx *c, const cand *x) {
    if (c->np == c->capp) {
        size_t cap = c->capp ? c->capp * 2 : 256;
        cand *p = conflict_realloc(c->a, c->pool, cap * sizeof *p);
        if (!p) return 0;
        c->pool = p;
        c->capp = cap;
    }
    c->pool[c->np++] = *x;
    return 1;
}

static int push_mention(ctx *c, const mention *x) {
    if (c->nm == c->capm) {
        size_t cap = c->capm ? c->capm * 2 : 32;
        mention *p = conflict_realloc(c->a, c->m, cap * sizeof *p);
        if (!p) return 0;
        c->m = p;
        c->capm = cap;
    }
    c->m[c->nm++] = *x;
    return 1;
}

/* ---- spotting -------------------------------------------------------------------- */


/* A word in Arabic script (Arabic, Persian, Urdu, Pashto) of three letters or more. */
static int is_arabic(const char *s, const conflict_token *t) {
    unsigned char b = (unsigned char)s[t->start];
    return b >= 0xD8 && b <= 0xDB && t->len >= 6 && !(t->flags & CONFLICT_TOK_UPPER);
}

/* Does an Arabic word start with a one-letter proclitic (waw, fa, ba, lam, kaf) and
 * keep three letters after it? */
static int proclitic(const char *w, size_t n) {
    if (n < 8 || (unsigned char)w[0] < 0xD8) return 0;
    unsigned cp = ((unsigned char)w[0] & 0x1Fu) << 6 | ((unsigned char)w[1] & 0x3Fu);
    return cp == 0x648 || cp == 0x641 || cp == 0x628 || cp == 0x644 || cp == 0x643;
}

/* Length in tokens of the longest not_places phrase starting at token i. */
static size_t stop_phrase(const ctx *c, size_t i) {
    uint32_t wm = c->wm[i];
    size_t best = wm & W_NOTPLACE ? 1 : 0;
    if (!(wm & W_NOTPLACE_FIRST)) return best;
    for (int q = 0; q < c->ps->nmulti; q++) {
        if (c->ps->multi_first[q] != c->th[i]) continue;
        const char *w = not_places[c->ps->multi[q]];
        size_t k = i, pos = 0, ntok = 0;
        int ok = 1;
        while (w[pos] && ok) {
            size_t len = first_word_len(w + pos);
            char word[48];
            if (k >= c->tk.n || len >= sizeof word) {
                ok = 0;
                break;
            }
            memcpy(word, w + pos, len);
            word[len] = 0;
            if (!places_tok_eq(c->s, &c->tk.v[k], word)) ok = 0;
            else if (w[pos + len] == ' ' && !places_joinable(c->tk.v[k].next_sep)) ok = 0;
            ntok++;
            k++;
            pos += len + (w[pos + len] == ' ');
        }
        if (ok && ntok > best) best = ntok;
    }
    return best;
}

/* The cue noun before token t0, skipping "de la", "d'", "of the":
 * "la province d'Idleb", "the town of X", "le village de X". */
int places_cue_before(const ctx *c, size_t t0, int *locative, size_t *at) {
    *locative = 0;
    /* "à Gao", "near Gao", "près de Gao": a point */
    if (t0 > 0 && places_joinable(c->tk.v[t0 - 1].next_sep) && (c->wm[t0 - 1] & W_POINT)) *locative = 2;
    if (t0 > 1 && (c->wm[t0 - 1] & W_LINK) && (c->wm[t0 - 2] & W_POINT) &&
        places_joinable(c->tk.v[t0 - 2].next_sep) && places_joinable(c->tk.v[t0 - 1].next_sep))
        *locative = 2;
    size_t k = t0;
    for (int steps = 0; k > 0 && steps < 4; steps++) {
        const conflict_token *p = &c->tk.v[k - 1];
        if (!places_joinable(p->next_sep)) break;
        uint32_t wm = c->wm[k - 1];
        *at = k - 1;
        if (wm & W_ADMIN_BEFORE) return CUE_ADMIN;
        if (wm & W_CITY_BEFORE) return CUE_CITY;
        if (steps == 0 && (wm & W_LOCATIVE) && !*locative) *locative = 1;
        if (!(wm & W_LINK)) break;
        k--;
    }
    return CUE_NONE;
}

static int cue_after(const ctx *c, size_t t1, size_t *at) {
    if (t1 + 1 >= c->tk.n || c->tk.v[t1].next_sep != ' ') return CUE_NONE;
    uint32_t wm = c->wm[t1 + 1];
    *at = t1 + 1;
    if (wm & W_ADMIN_AFTER) return CUE_ADMIN;
    if (wm & W_CITY_AFTER) return CUE_CITY;
    return CUE_NONE;
}

/* Is token t0 right after the words that make a capitalized word a medium's, an
 * organisation's or a person's name ("l'agence officielle Sana", "le quotidien
 * Al-Watan", "President X")? Which: W_ORG_BEFORE, or W_PERSON for a person. */
static int org_before_at(const ctx *c, size_t t0, uint32_t which) {
    if (!t0) return 0;
    const conflict_tokens *tk = &c->tk;
    const conflict_token *p = &tk->v[t0 - 1];
    if (!places_joinable(p->next_sep)) return 0;
    /* Dr in capitals is the Democratic Republic: DR Congo */
    if ((c->wm[t0 - 1] & which) &&
        !((p->flags & CONFLICT_TOK_ALLCAPS) && places_tok_eq(c->s, p, "dr")))
        return 1;
    if (t0 >= 2 && places_joinable(tk->v[t0 - 2].next_sep) && (c->wm[t0 - 2] & which) &&
        !is_cap(p)) {
        /* an article between: "Fateh al-Cham", "Liwa al-Quds" */
        if (c->wm[t0 - 1] & W_ARTICLE) return 1;
        /* one adjective between: "l'agence officielle Sana", not "the minister in Dhaka" */
        if (!(c->wm[t0 - 1] & (W_LOCATIVE | W_LINK | W_PARTICLE | W_NOTPLACE))) return 1;
    }
    /* "the victim was identified as X": a person */
    return t0 >= 2 && places_tok_eq(c->s, p, "as") &&
           places_tok_eq(c->s, &tk->v[t0 - 2], "identified");
}

/* The first token of the capitalized name that ends at token last (at most 5 words). */
static size_t name_start(const conflict_tokens *tk, size_t last) {
    size_t first = last;
    while (first > 0 && last - first < 4 && tk->v[first - 1].next_sep == ' ' &&
           is_cap(&tk->v[first - 1]))
        first--;
    return first;
}

/* Is the name at token t0 an item of a list of persons' names ("sub-inspectors
 * Hafiz, Gultam, Habib and Ismail Hossain")? A list of three names or more: an
 * item after a comma is followed by a comma or "and", an item after "and" comes
 * after a comma; not an apposition ("Bishnu Giri, Jamunaha police chief"). */
static int person_list_item(const ctx *c, size_t t0) {
    const conflict_tokens *tk = &c->tk;
    size_t end = t0; /* the item's last token */
    while (end + 1 < tk->n && end - t0 < 4 && tk->v[end].next_sep == ' ' && is_cap(&tk->v[end + 1]))
        end++;
    for (int items = 0; items < 8 && t0 >= 2; items++) {
        const conflict_token *p = &tk->v[t0 - 1];
        size_t last;
        if (p->next_sep == ',' && is_cap(p)) {
            char sep = tk->v[end].next_sep;
            int more = sep == ',' || (sep == ' ' && end + 1 < tk->n && (c->wm[end + 1] & W_LIST));
            if (!more) return 0;
            last = t0 - 1;
        } else if ((c->wm[t0 - 1] & W_LIST) && p->next_sep == ' ' && !is_cap(p) &&
                   tk->v[t0 - 2].next_sep == ',' && is_cap(&tk->v[t0 - 2])) {
            last = t0 - 2;
        } else {
            return 0;
        }
        size_t first = name_start(tk, last);
        if (org_before_at(c, first, W_PERSON)) return 1;
        end = last;
        t0 = first;
    }
    return 0;
}

/* "Abdul Rehman (aka Qasim)", "Farhan, alias Pelawan": a name with an alias after it
 * is a person's. */
static int alias_after(const ctx *c, size_t t1) {
    size_t q = t1 + 1;
    if (q >= c->tk.n) return 0;
    char sep = c->tk.v[t1].next_sep;
    if (sep != ' ' && sep != ',' && sep != '(') return 0;
    return places_tok_eq(c->s, &c->tk.v[q], "aka") || places_tok_eq(c->s, &c->tk.v[q], "alias");
}

int places_org_context(const ctx *c, size_t t0) {
    return org_before_at(c, t0, W_ORG_BEFORE) || person_list_item(c, t0);
}

/* Is token q the joint of a hyphenated name: an ezafe or a connective between
 * hyphens (the e of Sher-e-Bangla, the ud of Jamaat-ud-Dawa, the o of Chan-o-Cha),
 * not a preposition (Dehri-on-Sone)? */
static int hyphen_joint(const ctx *c, size_t q) {
    const conflict_token *t = &c->tk.v[q];
    const char *w = c->s + t->start;
    return q > 0 && q + 1 < c->tk.n && t->next_sep == '-' && c->tk.v[q - 1].next_sep == '-' &&
           (t->len == 1 || (t->len == 2 && w[0] == 'u')) && w[t->len - 1] >= 'a' &&
           w[t->len - 1] <= 'z';
}

/* Does a capitalized word continue the span that ends at token t1? */
static int run_after(const ctx *c, size_t t1) {
    const conflict_tokens *tk = &c->tk;
    if (t1 + 1 < tk->n && tk->v[t1].next_sep == ' ') {
        const conflict_token *q = &tk->v[t1 + 1];
        if (is_cap(q) && !(q->flags & CONFLICT_TOK_SENTENCE) &&
            !(c->wm[t1 + 1] & (W_HEAD_AFTER | W_CALENDAR)))
            return 1;
        /* "Bachar al-Assad", "Abou Bakr al-Baghdadi": a particle glued to a name */
        if ((c->wm[t1 + 1] & W_PARTICLE) && !is_cap(q) && q->next_sep == '-' && t1 + 2 < tk->n &&
            is_cap(&tk->v[t1 + 2]))
            return 1;
    }
    return 0;
}

/* Does another name follow token t1 as the next item of a list ("X et Y", "X, Y")? */
static int list_follows(const ctx *c, size_t t1) {
    const conflict_tokens *tk = &c->tk;
    if (t1 + 1 >= tk->n) return 0;
    if (tk->v[t1].next_sep == ',') return is_cap(&tk->v[t1 + 1]);
    return tk->v[t1].next_sep == ' ' && t1 + 2 < tk->n && (c->wm[t1 + 1] & W_LIST) &&
           tk->v[t1 + 1].next_sep == ' ' && is_cap(&tk->v[t1 + 2]);
}

/* Do the capitalized words after token t1 end with a noun that makes a place's
 * name of the words before it (Auckland Park, Nelson Mandela Bay)? */
static int namesake_run(const ctx *c, size_t t1) {
    const conflict_tokens *tk = &c->tk;
    for (size_t k = t1 + 1; k < tk->n && k <= t1 + 3 && tk->v[k - 1].next_sep == ' '; k++) {
        if (!is_cap(&tk->v[k]) || (tk->v[k].flags & CONFLICT_TOK_SENTENCE)) return 0;
        if (c->wm[k] & W_NAMESAKE) return 1;
    }
    return 0;
}

/* Is the name of tokens t0..t1 part of a longer name that a particle joins, carried
 * on ("San Jose de Lourdes", "Leon de los Aldama") or ending one that a capitalized
 * word and a particle open ("Gaucha do Norte", "Mision del Sol", "Abd el Hamid")?
 * Not after "de": in French, "Université de Damas" names the town. */
static int particle_run(const ctx *c, size_t t0, size_t t1) {
    const conflict_tokens *tk = &c->tk;
    if (t1 + 2 < tk->n && tk->v[t1].next_sep == ' ' && (c->wm[t1 + 1] & (W_ROMANCE | W_ARTICLE)) &&
        !is_cap(&tk->v[t1 + 1]) && tk->v[t1 + 1].next_sep == ' ') {
        size_t k = t1 + 2;
        if (k + 1 < tk->n && (c->wm[k] & W_PARTICLE) && !is_cap(&tk->v[k]) &&
            tk->v[k].next_sep == ' ')
            k++; /* an article: de la, de los */
        if (is_cap(&tk->v[k]) && !(tk->v[k].flags & CONFLICT_TOK_SENTENCE)) return 1;
    }
    if (t0 < 2 || tk->v[t0 - 1].next_sep != ' ' || tk->v[t0 - 2].next_sep != ' ') return 0;
    uint32_t p = c->wm[t0 - 1], w = c->wm[t0 - 2];
    return (((p & W_ROMANCE) && !(p & W_LINK)) || (p & W_ARTICLE)) && !is_cap(&tk->v[t0 - 1]) &&
           is_cap(&tk->v[t0 - 2]) &&
           !(w & (W_HEAD_BEFORE | W_NOTPLACE | W_LOCATIVE | W_ADMIN_BEFORE | W_CITY_BEFORE));
}

/* Does a capitalized word that may be part of a name come just before token t0?
 * Not the word that opens the sentence when it is a word of the lexicon
 * ("Ensuite Tessit", "Meanwhile Kunduz"). */
static conflict_status run_before(ctx *c, size_t t0, int *run, conflict_error *err) {
    const conflict_tokens *tk = &c->tk;
    *run = 0;
    /* "Abu Bakr al-Baghdadi": an article glued to the name, after a capitalized word */
    if (t0 >= 2 && tk->v[t0 - 1].next_sep == '-' && (c->wm[t0 - 1] & (W_PARTICLE | W_ARTICLE)) &&
        !is_cap(&tk->v[t0 - 1]) && !(tk->v[t0 - 1].flags & CONFLICT_TOK_SENTENCE))
        t0--;
    if (t0 == 0 || tk->v[t0 - 1].next_sep != ' ' || (tk->v[t0].flags & CONFLICT_TOK_SENTENCE))
        return CONFLICT_OK;
    const conflict_token *p = &tk->v[t0 - 1];
    if (!is_cap(p) || (c->wm[t0 - 1] & (W_HEAD_BEFORE | W_NOTPLACE | W_LOCATIVE))) return CONFLICT_OK;
    *run = 1;
    if (p->flags & CONFLICT_TOK_SENTENCE) {
        unsigned flags;
        conflict_status st = places_token_flags(c, t0 - 1, &flags, err);
        if (st) return st;
        *run = !(flags & SPAN_WORD);
    }
    return CONFLICT_OK;
}

/* Is token t0 preceded, in the same sentence, by a capitalized word that is not
 * an acronym (BJP Puducherry office) nor the end of a place (Mussoorie Dehradun)? */
static int name_tail(const ctx *c, size_t t0) {
    const conflict_tokens *tk = &c->tk;
    if (t0 == 0 || tk->v[t0 - 1].next_sep != ' ' || (tk->v[t0].flags & CONFLICT_TOK_SENTENCE))
        return 0;
    const conflict_token *p = &tk->v[t0 - 1];
    if (!is_cap(p) || (p->flags & CONFLICT_TOK_ALLCAPS) ||
        (c->wm[t0 - 1] & (W_HEAD_BEFORE | W_NOTPLACE | W_LOCATIVE)))
        return 0;
    return !(c->nm && c->m[c->nm - 1].t1 + 1 == t0);
}

/* Is token i followed by the rest of a name it introduces, starting with a particle
 * or a number ("Colonia 20 de Noviembre", "Colonia los Presidentes"), or, after a
 * capitalized noun of a part of a town, with a capitalized word? (Not after a
 * division noun: Thana Nagar may be the town Thana.) */
static int generic_noun_of(const ctx *c, size_t i) {
    if (i + 1 >= c->tk.n || c->tk.v[i].next_sep != ' ') return 0;
    /* not the noun that ends a name (Daganbhuiyan Upazila of Feni) */
    if (i > 0 && c->tk.v[i - 1].next_sep == ' ' && is_cap(&c->tk.v[i - 1])) return 0;
    const conflict_token *q = &c->tk.v[i + 1];
    return ((c->wm[i + 1] & W_PARTICLE) && !(c->wm[i + 1] & (W_LINK | W_LOCATIVE))) ||
           ((q->flags & CONFLICT_TOK_DIGIT) && !(q->flags & CONFLICT_TOK_ALPHA)) ||
           /* "Colonia San Miguel", "Vila Isabel": a quarter's own name */
           ((c->wm[i] & W_QUARTER) && is_cap(&c->tk.v[i]) && is_cap(q));
}

/* The last token of the name that the noun at token i opens: particles, numbers
 * and capitalized words joined by spaces, at most five. */
static size_t introduced_name_end(const ctx *c, size_t i) {
    size_t j = i;
    while (j + 1 < c->tk.n && j - i < 5 && c->tk.v[j].next_sep == ' ') {
        const conflict_token *q = &c->tk.v[j + 1];
        if (!(is_cap(q) || (c->wm[j + 1] & W_PARTICLE) ||
              ((q->flags & CONFLICT_TOK_DIGIT) && !(q->flags & CONFLICT_TOK_ALPHA))))
            break;
        j++;
    }
    return j;
}

/* "J&K", "T&T": capital initials joined by an ampersand abbreviate a name. */
static int initials_joined(const ctx *c, size_t i) {
    const conflict_token *t = &c->tk.v[i];
    return t->next_sep == '&' && i + 1 < c->tk.n && t->len == 1 && c->tk.v[i + 1].len == 1 &&
           t->start + 2 == c->tk.v[i + 1].start && is_cap(t) && is_cap(&c->tk.v[i + 1]);
}

/* Token i is Saint, Sainte, St or Ste. */
static int saint_word(const ctx *c, size_t i) {
    const conflict_token *t = &c->tk.v[i];
    const char *w = c->s + t->start;
    if (t->len < 2 || w[0] != 'S') return 0;
    return (t->len <= 3 && w[1] == 't' && (t->len == 2 || w[2] == 'e')) ||
           (t->len >= 5 && t->len <= 6 && !memcmp(w, "Saint", 5) && (t->len == 5 || w[5] == 'e'));
}

/* "St. James", "Ste. Marie": the abbreviated Saint and the name it opens. */
static int saint_joined(const ctx *c, size_t i) {
    const conflict_token *t = &c->tk.v[i];
    if (t->next_sep != '.' || i + 1 >= c->tk.n || (t->len != 2 && t->len != 3) ||
        c->tk.v[i + 1].start != t->start + t->len + 2 || !is_cap(&c->tk.v[i + 1]))
        return 0;
    return saint_word(c, i);
}

/* "ALEP, 26 janv (AFP) -": all-caps words opening a line. */
static int is_dateline(const ctx *c, size_t t0, size_t t1) {
    const conflict_token *t = &c->tk.v[t0];
    if (!(t->flags & CONFLICT_TOK_SENTENCE)) return 0;
    size_t b = t->start;
    while (b > 0 && (c->s[b - 1] == ' ' || c->s[b - 1] == '\t')) b--;
    if (b > 0 && c->s[b - 1] != '\n') return 0;
    char sep = c->tk.v[t1].next_sep;
    if (sep == ',' || sep == '-' || sep == ':') return 1; /* "DINAJPUR: ..." */
    /* "BAGHDAD (Reuters) -": a parenthesized credit follows */
    return sep == '(' && t1 + 1 < c->tk.n && is_cap(&c->tk.v[t1 + 1]) && c->tk.v[t1 + 1].next_sep == ')';
}

/* Dice coefficient of the letter bigrams of two folded names. */
static double dice(const char *a, size_t na, const char *b, size_t nb) {
    if (na < 2 || nb < 2) return na == nb && (na == 0 || a[0] == b[0]) ? 1.0 : 0.0;
    if (na > 64) na = 64;
    if (nb > 64) nb = 64;
    uint16_t x[64], y[64];
    size_t nx = 0, ny = 0, common = 0;
    for (size_t i = 0; i + 1 < na; i++) x[nx++] = (uint16_t)((unsigned char)a[i] << 8 | (unsigned char)a[i + 1]);
    for (size_t i = 0; i + 1 < nb; i++) y[ny++] = (uint16_t)((unsigned char)b[i] << 8 | (unsigned char)b[i + 1]);
    /* a 64-bit set of b's bigrams: most of a's bigrams are not there, no scan */
    uint64_t in_y = 0;
    for (size_t j = 0; j < ny; j++) in_y |= 1ull << ((y[j] * 0x9E37u) >> 10 & 63);
    for (size_t i = 0; i < nx; i++) {
        if (!(in_y >> ((x[i] * 0x9E37u) >> 10 & 63) & 1)) continue;
        for (size_t j = 0; j < ny; j++)
            if (x[i] == y[j]) {
                common++;
                y[j] = 0; /* use once */
                break;
            }
    }
    return 2.0 * (double)common / (double)(nx + ny);
}

/* Similarity of the folded span and a place's main name (-1 when out of memory). */
static double name_sim(const places_state *ps, conflict_buf *tmp, const char *fs, size_t fn,
                       const char *name) {
    char out[FOLD_MAX];
    const char *r;
    size_t len;
    conflict_error err = {0};
    if (fold_name(ps, name, strlen(name), out, tmp, &r, &len, &err)) return -1;
    return dice(fs, fn, r, len);
}

/* Only places literally named so can fit this mention ("Le Mali" is not Milan; a
 * dictionary proper noun is spelled the standard way: Hindu is not India). */
static int needs_literal(const mention *mt) {
    return mt->in_run || mt->after_stop || mt->lower_tail || mt->demonym || mt->proper ||
           mt->caseless || mt->common;
}

/* The 1-based local_terms index of the noun right after token t1 ("Boda
 * upazila", "Gwoza LGA"), or 0. */
int places_local_term_after(const ctx *c, size_t t1) {
    if (t1 + 1 >= c->tk.n || c->tk.v[t1].next_sep != ' ') return 0;
    /* "Igabi Local Government Area": an LGA written in full */
    if (t1 + 2 < c->tk.n && places_tok_eq(c->s, &c->tk.v[t1 + 1], "local") &&
        c->tk.v[t1 + 1].next_sep == ' ' && places_tok_eq(c->s, &c->tk.v[t1 + 2], "government"))
        return c->ps->lga_term;
    if (!(c->wm[t1 + 1] & W_LOCAL_TERM)) return 0;
    const word_entry *w = word_find(c->ps, c->th[t1 + 1]);
    return w ? w->term : 0;
}

int places_in_term_countries(const ctx *c, int term, int country) {
    for (const uint8_t *ci = c->ps->term_cc[term - 1]; *ci; ci++)
        if (*ci == country) return 1;
    return 0;
}

/* Does the mention's context rule the candidate out? (its sim not needed) */
static inline int ruled_out(const ctx *c, const mention *mt, const cand *x) {
    /* "Boda upazila" is a Bangladeshi place, whatever else is named Boda */
    if (mt->local_term && !places_in_term_countries(c, mt->local_term, x->country)) return 1;
    /* a word that is also a village: only with a sign that a place is meant (a cue,
     * "near X", "X, Province"); the resolution then wants other mentions in its country */
    if ((mt->common || mt->proper) && !x->major && mt->cue != CUE_CITY && mt->locative != 2 &&
        !(mt->locative && !mt->link_locative && (x->nflags & GAZ_NAME_MAIN) && x->exact) &&
        !mt->named_after && x->country != c->opt_country)
        return 1;
    if (mt->common && mt->sentence_initial && x->kind != GAZ_COUNTRY && !(x->id & USER_BIT))
        return 1;
    if (mt->in_run && !(x->major && x->exact)) return 1;
    if (mt->namesake && !(x->id & USER_BIT)) return 1;
    /* a village is no big town nor division of that name (les villages de Bale) */
    if (mt->village && x->major && x->kind != GAZ_COUNTRY && !(x->id & USER_BIT)) return 1;
    if (mt->in_actor && !x->major && !(x->id & USER_BIT)) return 1; /* Jamaat ud Dawa */
    /* a proper noun before a lower-case noun is an adjective ("Thai border", "Molotov
     * cocktail"): a place only under its own name, not an alias (Paris police) */
    if ((mt->attributive && mt->proper) || mt->short_name)
        if (x->kind == GAZ_CITY && !(x->nflags & GAZ_NAME_MAIN)) return 1;
    if (needs_literal(mt) && !x->exact) return 1;
    if (mt->governed && !x->major && x->kind == GAZ_CITY) return 1;
    /* "Pak Army", "Myanmar army": a nationality word names its country, not a town
     * (Pak, Afghanistan) nor a division (German, Isle of Man) unless a division noun
     * follows (Somali region) */
    if (mt->nationality && x->kind != GAZ_COUNTRY &&
        !(x->kind == GAZ_ADMIN1 && mt->cue == CUE_ADMIN))
        return 1;
    /* "Naga rebels", "the Bugti tribe": a people names no place (Naga is not the
     * Philippine region that has it as an alias) */
    if (mt->people && x->kind != GAZ_COUNTRY) return 1;
    /* a country between two capitalized words is inside a longer name (Asom Gana
     * Parishad, Radio France Internationale) */
    if (x->kind == GAZ_COUNTRY && mt->inside) return 1;
    return !(c->kinds_mask & (1u << x->kind));
}

static size_t facts_size(const span_facts *f) {
    return offsetof(span_facts, cands) + f->ncand * sizeof(cand);
}

/* The literal places first, then the best-ranked key matches. */
static void collect(const places_state *ps, span_facts *f, const uint32_t *list, uint32_t cnt,
                    unsigned vowel, size_t keylen, uint64_t fh) {
    const uint32_t *xpl;
    size_t nx = gaz_literal_places(&ps->g, fh, &xpl);
    if (nx > MAXLITERAL) nx = MAXLITERAL;
    uint32_t scan = cnt < MAXSCAN ? cnt : MAXSCAN, examined = 0;
    /* the place records are random reads in a 20 MB array: start them all at once */
    for (size_t q = 0; q < nx; q++) __builtin_prefetch(&ps->g.places[GAZ_LITERAL_PLACE(xpl[q])]);
    for (uint32_t q = 0; q < scan && q < MAXCAND; q++)
        __builtin_prefetch(&ps->g.places[GAZ_POST_PLACE(list[q])]);
    /* which place ids (mod 256) the scanned postings hold: most literal names are
     * not among them, and the bitset says so without a scan */
    uint64_t inpost[4] = {0, 0, 0, 0};
    if (nx)
        for (uint32_t q = 0; q < scan; q++) inpost[(list[q] >> 6) & 3] |= 1ull << (list[q] & 63);
    for (uint32_t i = 0; i < nx + scan; i++) {
        uint32_t id, w;
        int exact;
        if (i < nx) {
            id = GAZ_LITERAL_PLACE(xpl[i]);
            exact = 1;
            w = 0;
            /* its name flags from the postings (the last that names it), when near the top */
            if (inpost[(id >> 6) & 3] & (1ull << (id & 63)))
                for (uint32_t q = scan; q-- > 0;)
                    if (GAZ_POST_PLACE(list[q]) == id) {
                        w = list[q];
                        break;
                    }
        } else {
            w = list[i - nx];
            id = GAZ_POST_PLACE(w);
            int dup = 0;
            for (size_t q = 0; q < nx && !dup; q++) dup = GAZ_LITERAL_PLACE(xpl[q]) == id;
            if (dup) continue;
            unsigned pv = GAZ_POST_VOWELS(w);
            /* short skeleton keys: the first vowels must agree (Rami is not Rome) */
            if (keylen <= 3 && vowel && pv && !(pv & vowel)) continue;
            if (examined++ >= MAXEXACT) break; /* key matches: the best-ranked few */
            exact = 0;
        }
        cand x = cand_of_place(ps, id);
        x.nflags = w ? (uint8_t)GAZ_POST_NFLAGS(w) : GAZ_NAME_ASCII;
        /* a literal main name, whether or not its posting was among those scanned */
        if (i < nx && (xpl[i] & GAZ_LITERAL_MAIN)) x.nflags |= GAZ_NAME_MAIN;
        x.exact = (uint8_t)exact;
        x.sim = exact ? 1 : SIM_UNKNOWN; /* letters are compared only if the context allows */
        f->cands[f->ncand++] = x;
        f->nliteral += (uint8_t)exact;
    }
}

/* The lexicon flags of a span's folded text (single: the span is one word). */
static void fold_flags(const places_state *ps, span_facts *f, int single, const char *fs,
                       size_t fn) {
    uint64_t fh = gaz_hash(fs, fn);
    f->flags |= SPAN_FOLDED;
    f->folded_len = (uint8_t)(fn < 255 ? fn : 255);
    if (single && gaz_is_word(&ps->g, fh)) f->flags |= SPAN_WORD;
    if (single && gaz_is_proper_noun(&ps->g, fh)) f->flags |= SPAN_PROPER;
    if (single && demonym_like(fs, fn)) f->flags |= SPAN_DEMONYM;
}

/* The facts of the n bytes at s (memo hash sh), computed into c->facts and
 * memoized. */
static conflict_status compute_facts(ctx *c, const char *s, size_t n, uint64_t sh, int single,
                                     int with_flags, span_facts **out, conflict_error *err) {
    const places_state *ps = c->ps;
    c->spans_computed++;
    span_facts *f = &c->facts;
    memset(f, 0, offsetof(span_facts, cands));
    f->flags = single ? SPAN_SINGLE : 0;
    conflict_buf_reset(&c->kb);
    conflict_status st = conflict_name_key(s, n, &c->kb, err);
    if (st) return st;
    f->key = gaz_hash(c->kb.len ? c->kb.p : "", c->kb.len);
    if (single) f->start_words = (uint8_t)gaz_start_words(&ps->g, f->key);
    /* one-letter keys (Gao -> g) only for names of three letters or more */
    if (c->kb.len < 1 || (c->kb.len < 2 && n < 3)) {
        f->flags |= SPAN_NOKEY;
    } else {
        const uint32_t *list = NULL;
        uint32_t one;
        uint32_t cnt = gaz_key_postings(&ps->g, f->key, &list, &one, NULL);
        if (cnt || with_flags) {
            const char *fs;
            size_t fn;
            st = fold_name(ps, s, n, c->fbuf, &c->fb, &fs, &fn, err);
            if (st) return st;
            fold_flags(ps, f, single, fs, fn);
            if (cnt)
                collect(ps, f, list, cnt, gaz_first_vowel(s, n), c->kb.len, gaz_hash(fs, fn));
        }
    }
    span_facts *kept = conflict_memo_put(ps->memo, sh, s, n, f, facts_size(f));
    *out = kept ? kept : f;
    return CONFLICT_OK;
}

/* The memo's hash of the span of tokens i..j, from their fold hashes (first_hash:
 * token i's, which may lack a proclitic): the memo compares the bytes, so any hash
 * of them does, and the tokens have theirs already. */
static inline uint64_t span_hash(const ctx *c, uint64_t first_hash, size_t i, size_t j) {
    uint64_t h = first_hash;
    for (size_t q = i + 1; q <= j; q++) h = hash_mix(h, c->th[q]);
    return h;
}

/* The facts of s[b0, b1): from the memo, or computed into c->facts (and memoized).
 * sh: the memo's hash of the span (span_hash). with_flags: the lexicon flags are needed even without
 * gazetteer postings (user places). Inline: most look-ups find the memo's copy. */
static inline conflict_status span_facts_of(ctx *c, size_t b0, size_t b1, uint64_t sh,
                                            int single, int with_flags, span_facts **out,
                                            conflict_error *err) {
    const char *s = c->s + b0;
    size_t n = b1 - b0;
    span_facts *f = conflict_memo_get(c->ps->memo, sh, s, n);
    if (f && !(f->flags & SPAN_SINGLE) != !single) f = NULL; /* not expected: text is text */
    if (!f) return compute_facts(c, s, n, sh, single, with_flags, out, err);
    if (with_flags && !(f->flags & (SPAN_FOLDED | SPAN_NOKEY))) {
        const char *fs;
        size_t fn;
        conflict_status st = fold_name(c->ps, s, n, c->fbuf, &c->fb, &fs, &fn, err);
        if (st) return st;
        fold_flags(c->ps, f, single, fs, fn);
    }
    *out = f;
    return CONFLICT_OK;
}

/* The lexicon flags (SPAN_*) of token i. */
conflict_status places_token_flags(ctx *c, size_t i, unsigned *flags, conflict_error *err) {
    const conflict_token *t = &c->tk.v[i];
    span_facts *f;
    conflict_status st = span_facts_of(c, t->start, t->start + t->len, c->th[i], 1, 1, &f, err);
    *flags = st ? 0 : f->flags;
    return st;
}

/* Can a gazetteer name start with the two words of the span whose facts are f
 * (first_key: the first word's key; u: the second word)? The answer is kept in
 * the facts: the second word's key is computed at the first look-up only. */
static conflict_status pair_maybe(ctx *c, span_facts *f, uint64_t first_key,
                                  const conflict_token *u, int *maybe, conflict_error *err) {
    if (!(f->flags & SPAN_PAIR_KNOWN)) {
        conflict_buf_reset(&c->kb);
        conflict_status st = conflict_name_key(c->s + u->start, u->len, &c->kb, err);
        if (st) return st;
        uint64_t second_key = gaz_hash(c->kb.len ? c->kb.p : "", c->kb.len);
        f->flags |= SPAN_PAIR_KNOWN;
        if (gaz_pair_maybe(&c->ps->g, gaz_pair_hash(first_key, second_key)))
            f->flags |= SPAN_PAIR_MAYBE;
    }
    *maybe = (f->flags & SPAN_PAIR_MAYBE) != 0;
    return CONFLICT_OK;
}

/* a key match this close to a place's main name is that name respelled */
#define CLOSE_SIM 0.85f

/* The span's candidates that its context allows, at most MAXCAND. A key match
 * gets its letter similarity here, once (the facts keep it). */
static conflict_status add_cands(ctx *c, mention *mt, span_facts *f, conflict_error *err) {
    const char *fs = NULL;
    size_t fn = f->folded_len;
    /* a mention that needs a literal name: the literal candidates, which come first
     * (the others would be ruled out one by one) */
    uint32_t end = needs_literal(mt) ? f->nliteral : f->ncand;
    for (uint32_t i = 0; i < end && mt->nc < MAXCAND; i++) {
        cand *x = &f->cands[i];
        if (ruled_out(c, mt, x)) continue;
        if (x->sim == SIM_UNKNOWN) {
            if (!fs) {
                conflict_status st =
                    fold_name(c->ps, c->s + mt->b0, mt->b1 - mt->b0, c->fbuf, &c->fb, &fs, &fn, err);
                if (st) return st;
            }
            /* the skeleton hides vowels, so compare letters with the main name
             * (Boulkessi is not Belgioioso, Giwa is not Kyiv) */
            const gaz_place *p = &c->ps->g.places[x->id];
            double sim = name_sim(c->ps, &c->kb2, fs, fn, c->ps->g.strings + GAZ_PLACE_NAME(p));
            if (sim < 0) return CONFLICT_NOMEM;
            x->sim = (float)sim;
        }
        if (x->sim < 0.3f) continue;
        /* country names have standard spellings: Commerce is not Comoros; and a short
         * word's skeleton says little (Pan is not Hpa-An, Tur not Tours) */
        if ((x->kind == GAZ_COUNTRY && x->sim < 0.8f) || (fn <= 4 && x->sim < 0.6f)) continue;
        if (!push_cand(c, x)) return CONFLICT_NOMEM;
        mt->nc++;
    }
    return CONFLICT_OK;
}

/* The user's places of the span's key that the mention's context allows. */
static conflict_status collect_user(ctx *c, mention *mt, uint64_t h) {
    if (!c->user) return CONFLICT_OK;
    size_t idx[16];
    size_t k = conflict_user_places_lookup(c->user, h, idx, 16);
    for (size_t i = 0; i < k && i < 16 && mt->nc < MAXCAND; i++) {
        conflict_user_place_view v;
        conflict_user_places_get(c->user, idx[i], &v);
        cand x;
        memset(&x, 0, sizeof x);
        if (v.gaz_index >= 0) { /* a spelling of a gazetteer place */
            x = cand_of_place(c->ps, (uint32_t)v.gaz_index);
            x.prior += 0.3f;
        } else {
            x.id = USER_BIT | (uint32_t)idx[i];
            x.kind = (uint8_t)v.kind;
            x.country = (uint8_t)v.country;
            x.admin1 = (uint16_t)v.admin1;
            x.prior = v.kind == GAZ_COUNTRY ? 1.2f : v.kind == GAZ_ADMIN1 ? 1.0f : 0.8f;
        }
        x.nflags = GAZ_NAME_MAIN | GAZ_NAME_ASCII;
        x.exact = 1;
        x.major = 1;
        x.sim = 1;
        if (ruled_out(c, mt, &x)) continue;
        if (!push_cand(c, &x)) return CONFLICT_NOMEM;
        mt->nc++;
    }
    return CONFLICT_OK;
}

int places_list_has(const ctx *c, size_t i, const char *const *list) {
    if (i >= c->tk.n) return 0;
    for (; *list; list++)
        if (places_tok_eq(c->s, &c->tk.v[i], *list)) return 1;
    return 0;
}

/* "U.S.", "U.K.": the letters of tokens i.. that are single capitals, each with its
 * dot right after it (at most 4); their number, 0 when fewer than two. */
static size_t dotted_letters(const ctx *c, size_t i, char *out) {
    const conflict_tokens *tk = &c->tk;
    size_t n = 0;
    for (size_t q = i; q < tk->n && n < 4; q++) {
        const conflict_token *t = &tk->v[q];
        char ch = c->s[t->start];
        if (t->len != 1 || ch < 'A' || ch > 'Z' || t->start + 1 >= c->n || c->s[t->start + 1] != '.')
            break;
        out[n++] = ch;
        if (q + 1 < tk->n && tk->v[q + 1].start != t->start + 2) break;
    }
    out[n] = 0;
    return n >= 2 ? n : 0;
}

/* An acronym of the acronyms table at token i, in capitals (USA) or with dots
 * (U.S.A.): a mention of its place. */
static conflict_status spot_acronym(ctx *c, size_t i, size_t *next) {
    const conflict_token *t = &c->tk.v[i];
    char dotted[5];
    size_t ndot = dotted_letters(c, i, dotted);
    const char *word = ndot ? dotted : c->s + t->start;
    size_t len = ndot ? ndot : t->len;
    *next = i + (ndot ? ndot : 1);
    for (size_t k = 0; k < sizeof acronyms / sizeof acronyms[0]; k++) {
        uint32_t id = c->ps->acronym_place[k];
        const char *a = acronyms[k][0];
        /* the first letter first: most all-caps words are no such acronym (AFP, ISIS) */
        if (a[0] != word[0] || strlen(a) != len || memcmp(word, a, len) || id == UINT32_MAX)
            continue;
        if (acronyms[k][3] && !(i > 0 && places_joinable(c->tk.v[i - 1].next_sep) &&
                                places_list_has(c, i - 1, french_before_acronym)))
            return CONFLICT_OK;
        /* the currency: "the US dollar", "US$ 5" */
        const conflict_token *after = *next < c->tk.n ? &c->tk.v[*next] : NULL;
        size_t end = c->tk.v[*next - 1].start + c->tk.v[*next - 1].len;
        if ((end < c->n && c->s[end] == '$') ||
            (after && (places_tok_eq(c->s, after, "dollar") || places_tok_eq(c->s, after, "dollars"))))
            return CONFLICT_OK;
        /* a short word in capitals inside a line in capitals is a word (LET US PRAY) */
        if (len <= 2 && !ndot &&
            ((i > 0 && (c->tk.v[i - 1].flags & CONFLICT_TOK_ALLCAPS)) ||
             (i + 1 < c->tk.n && (c->tk.v[i + 1].flags & CONFLICT_TOK_ALLCAPS))))
            return CONFLICT_OK;
        mention mt;
        memset(&mt, 0, sizeof mt);
        mt.t0 = i;
        mt.t1 = *next - 1;
        mt.b0 = t->start;
        mt.b1 = ndot ? c->tk.v[mt.t1].start + 2 : t->start + t->len;
        size_t cue_at;
        mt.cue = places_cue_before(c, i, &mt.locative, &cue_at);
        mt.sentence_initial = (t->flags & CONFLICT_TOK_SENTENCE) != 0;
        mt.key = fold_hash(a, len);
        mt.c0 = (uint32_t)c->np;
        mt.chosen = mt.container = -1;
        cand x = cand_of_place(c->ps, id);
        x.nflags = GAZ_NAME_MAIN | GAZ_NAME_ASCII;
        x.exact = x.major = 1;
        x.sim = 1;
        if (ruled_out(c, &mt, &x)) return CONFLICT_OK;
        if (!push_cand(c, &x)) return CONFLICT_NOMEM;
        mt.nc = 1;
        return push_mention(c, &mt) ? CONFLICT_OK : CONFLICT_NOMEM;
    }
    return CONFLICT_OK;
}

static conflict_status spot(ctx *c, conflict_error *err) {
    const conflict_tokens *tk = &c->tk;
    const char *s = c->s;
    conflict_status st = CONFLICT_OK;
    for (size_t i = 0; i < tk->n && !st;) {
        const conflict_token *t = &tk->v[i];
        int allcaps = (t->flags & CONFLICT_TOK_ALLCAPS) != 0;
        int caseless = is_arabic(c->s, t);
        int start_ok = is_cap(t) || caseless;
        /* a lower-case article glued by a hyphen: al-Bab, el-Fasher */
        if (!start_ok && t->next_sep == '-' && i + 1 < tk->n && is_cap(&tk->v[i + 1]) &&
            (c->wm[i] & W_PARTICLE))
            start_ok = 1;
        /* "U.S.", "U.K.": an acronym with dots */
        if (start_ok && t->len == 1 && t->next_sep == '.') {
            size_t next;
            st = spot_acronym(c, i, &next);
            if (next > i + 1) {
                i = next;
                continue;
            }
        }
        /* "L'armée", "D'autres": an elided article; "M." or "A." an initial */
        if (start_ok && t->len == 1 && (t->next_sep == '\'' || t->next_sep == '.')) start_ok = 0;
        /* "C-in-C", "U-turn": a letter before a lower-case word starts no name */
        if (start_ok && t->len == 1 && t->next_sep == '-' && i + 1 < tk->n && !is_cap(&tk->v[i + 1]))
            start_ok = 0;
        /* "Tehreek-e-Hurmat-e-Rasool", "Chan-o-Cha": after the joint of a hyphenated
         * name, a word is inside that name; "SPLA/M-IO", "FDLR/FOCA": after an
         * acronym and a slash, more of the acronym */
        if (!start_ok || (i > 0 && hyphen_joint(c, i - 1)) ||
            (i > 0 && tk->v[i - 1].next_sep == '/' &&
             (tk->v[i - 1].flags & CONFLICT_TOK_ALLCAPS))) {
            i++;
            continue;
        }
        /* "LoC", "BoPs": a capital inside a short word makes it an acronym */
        if (start_ok && !caseless && t->len <= 4) {
            int inner = 0;
            for (size_t q = t->start + 1; q < t->start + t->len; q++)
                inner |= s[q] >= 'A' && s[q] <= 'Z';
            if (inner && !allcaps) {
                i++;
                continue;
            }
        }
        /* all-caps words are acronyms unless they open a line (dateline) */
        if (allcaps && !is_dateline(c, i, i)) {
            st = spot_acronym(c, i, &i);
            continue;
        }
        size_t stop = stop_phrase(c, i);
        size_t maxj = i;
        int lower = 0;
        while (maxj + 1 < tk->n && maxj - i < 5 &&
               (places_joinable(tk->v[maxj].next_sep) || initials_joined(c, maxj) ||
                saint_joined(c, maxj))) {
            const conflict_token *q = &tk->v[maxj + 1];
            if (!(q->flags & (CONFLICT_TOK_ALPHA | CONFLICT_TOK_DIGIT))) break;
            /* lower-case words: particles, or one adjective (Arabie saoudite, Guinée
             * équatoriale, Emirats arabes unis) */
            if (!is_cap(q) && tk->v[maxj].next_sep == ' ' && !(c->wm[maxj + 1] & W_PARTICLE)) {
                if (++lower > 2 || (c->wm[maxj + 1] & (W_NOTPLACE | W_LOCATIVE))) break;
            }
            maxj++;
        }
        int found = 0, has_reserve = 0;
        size_t generic_end = 0; /* the last token of a name a generic noun opens */
        mention reserve;
        size_t minj = i + stop; /* a not_places phrase only yields to a longer name */
        /* "A man"; but "Republic of Korea", "République (démocratique) du Congo" (a noun,
         * not "In the", "On a": sentence openers that start no name) */
        if (stop) {
            size_t q = i + stop;
            int noun = !(c->wm[i] & (W_LOCATIVE | W_LINK | W_PARTICLE));
            if (noun && q + 1 < tk->n && !is_cap(&tk->v[q]) && !(c->wm[q] & W_PARTICLE)) q++;
            if (q >= tk->n || (!is_cap(&tk->v[q]) && !(noun && (c->wm[q] & W_PARTICLE))))
                minj = maxj + 1;
            else if (q > minj) minj = q; /* not "A man" of "A man of Aleppo" */
        }
        /* Arabic script has no capitals: its words are tried as names (literal matches
         * only), then once more without a glued proclitic (wa-, fa-, bi-, li-, ka-: "and
         * Idlib", "in Aleppo") */
        /* before any span's facts are held: it may look a word up */
        int before;
        st = run_before(c, i, &before, err);
        if (st) break;
        int npass = caseless && proclitic(s + t->start, t->len) ? 2 : 1;
        if (minj > maxj) npass = 0; /* no span can be tried: "On 9 May", "The" */
        for (int pass = 0; pass < npass && !found && !st; pass++) {
            size_t skip = pass ? 2 : 0; /* the proclitic letters take two bytes */
            /* no name is longer than the longest that starts with this word */
            span_facts *first;
            uint64_t first_hash = skip ? fold_hash(s + t->start + skip, t->len - skip) : c->th[i];
            st = span_facts_of(c, t->start + skip, t->start + t->len, first_hash, 1,
                               c->user != NULL, &first, err);
            size_t words = conflict_user_places_max_words(c->user);
            if (st || !(words = words > first->start_words ? words : first->start_words)) continue;
            size_t top = i + words - 1;
            if (top > maxj) top = maxj;
            /* the facts looked up before the loop below, valid while no other span
             * is computed */
            size_t first_at = c->spans_computed, pair_at = (size_t)-1;
            span_facts *pair = NULL;
            /* nor can it start with two words that start no name together (which only
             * matters for three words or more: two words are tried anyway, below, and
             * their facts keep the answer) */
            if (top > i + 1 && !c->user) {
                uint64_t first_key = first->key;
                const conflict_token *u = &tk->v[i + 1];
                size_t b0 = t->start + skip, b1 = u->start + u->len;
                int maybe;
                st = span_facts_of(c, b0, b1, span_hash(c, first_hash, i, i + 1), 0, 0, &pair,
                                   err);
                if (!st) st = pair_maybe(c, pair, first_key, u, &maybe, err);
                if (st) break;
                pair_at = c->spans_computed;
                /* two words may still write one (Petion-Ville, Hawl Wadaag) */
                if (!maybe) top = i + 1;
            }
            for (size_t j = top + 1; j-- > minj && !found;) {
                const conflict_token *last = &tk->v[j];
                /* "de", "al-" at the end; "Maarat Al-" of Maarat Al-Naasan */
                if (j > i && (c->wm[j] & W_PARTICLE) && (!is_cap(last) || last->next_sep == '-'))
                    continue;
                if (i == j && (c->wm[i] & W_PARTICLE)) continue; /* "Al" of Al-Noor alone */
                /* "Sher-e" of Sher-e-Bangla Nagar, "Shah" of Shah-e-Marden */
                if (hyphen_joint(c, j) || (j + 1 < tk->n && hyphen_joint(c, j + 1))) continue;
                /* the English possessive is not the name's: "Tripoli's" is not the alias
                 * Tripolis (but Cox's Bazar is a name) */
                if (j > i && possessive_s(tk, s, j)) continue;
                /* "St Joseph's School", "Saint Mary's": a saint's, not the town */
                if (j > i && j + 1 < tk->n && possessive_s(tk, s, j + 1) && saint_word(c, i))
                    continue;
                /* "Colonia los Pinos": the noun of a name, not a place, nor are its words */
                if (i == j && (c->wm[i] & (W_LOCAL_TERM | W_SETTLEMENT | W_QUARTER)) &&
                    generic_noun_of(c, i)) {
                    generic_end = introduced_name_end(c, i);
                    break;
                }
                /* "Ramna Thana Police Station", "the Taluka Hospital": a local division
                 * noun next to a name or a noun is that noun, not the town it may name */
                if (i == j && (c->wm[i] & W_LOCAL_TERM) &&
                    ((i > 0 && tk->v[i - 1].next_sep == ' ' && is_cap(&tk->v[i - 1])) ||
                     (t->next_sep == ' ' && i + 1 < tk->n &&
                      (tk->v[i + 1].flags & CONFLICT_TOK_ALPHA))))
                    continue;
                size_t b0 = t->start + skip, b1 = last->start + last->len;
                span_facts *f = j == i && c->spans_computed == first_at       ? first
                                : j == i + 1 && c->spans_computed == pair_at ? pair
                                                                             : NULL;
                if (!f)
                    st = span_facts_of(c, b0, b1, span_hash(c, first_hash, i, j),
                                       i == j, c->user != NULL, &f, err);
                if (st) break;
                if (f->flags & SPAN_NOKEY) continue;
                size_t nuser = c->user ? conflict_user_places_lookup(c->user, f->key, NULL, 0) : 0;
                if (!f->ncand && !nuser) continue;
                if (places_org_context(c, i) || alias_after(c, j)) break;
                mention mt;
                memset(&mt, 0, sizeof mt);
                mt.t0 = i;
                mt.t1 = j;
                mt.caseless = caseless;
                mt.proper = caseless && i == j; /* no lexicon: one word names major places only */
                mt.b0 = b0;
                mt.b1 = b1;
                mt.sentence_initial = (t->flags & CONFLICT_TOK_SENTENCE) != 0;
                size_t cue_at = 0;
                mt.cue = places_cue_before(c, i, &mt.locative, &cue_at);
                mt.link_locative = mt.locative == 1 && (c->wm[i - 1] & W_LINK);
                if (!mt.cue) {
                    mt.cue = cue_after(c, j, &cue_at);
                    /* "Forest Department", "Police Division": an office as often as a division */
                    mt.weak_cue = mt.cue && (c->wm[j + 1] & W_OFFICE_CUE);
                }
                /* not "Lupane State University" */
                mt.first_level = mt.cue == CUE_ADMIN && (c->wm[cue_at] & W_FIRST_LEVEL) &&
                                 !(cue_at > j && cue_at + 1 < tk->n &&
                                   tk->v[cue_at].next_sep == ' ' && is_cap(&tk->v[cue_at + 1]));
                mt.district = mt.cue == CUE_ADMIN && !(c->wm[cue_at] & W_FIRST_LEVEL);
                if (mt.cue == CUE_ADMIN) mt.cue_noun = word_find(c->ps, c->th[cue_at])->noun;
                mt.settlement_after = mt.cue == CUE_CITY && cue_at > j && (c->wm[cue_at] & W_SETTLEMENT);
                /* "the village of X", "les villages de X et Y"; not "Takela village of
                 * Sitapur district", nor "the villages of Uttar Pradesh" */
                mt.village = mt.cue == CUE_CITY && cue_at < i && !(cue_at > 0 && is_cap(&tk->v[cue_at - 1])) &&
                             (places_list_has(c, cue_at, village_nouns) ||
                              (places_list_has(c, cue_at, villages_nouns) && list_follows(c, j)));
                mt.quarter_after = mt.settlement_after && (c->wm[cue_at] & W_QUARTER);
                int after = run_after(c, j);
                mt.in_run = before || after;
                mt.inside = before && after;
                for (int a = 0; a < c->nactor_spans; a++)
                    mt.in_actor |= c->actor_spans[a][0] <= i && j <= c->actor_spans[a][1];
                mt.namesake = (after && namesake_run(c, j)) ||
                              (before && i == j && (c->wm[i] & W_NAMESAKE)); /* Mandela Bay */
                mt.particle_run = particle_run(c, i, j);
                mt.name_tail = before && name_tail(c, i);
                mt.named_after = (last->next_sep == ',' || last->next_sep == '(') && j + 1 < tk->n &&
                                 is_cap(&tk->v[j + 1]);
                mt.attributive = !caseless && last->next_sep == ' ' && j + 1 < tk->n &&
                                 (tk->v[j + 1].flags & CONFLICT_TOK_ALPHA) && !is_cap(&tk->v[j + 1]) &&
                                 !(c->wm[j + 1] & (W_LOCATIVE | W_LINK | W_PARTICLE | W_NOTPLACE |
                                                   W_HEAD_AFTER | W_ADMIN_AFTER | W_CITY_AFTER));
                mt.dateline = allcaps;
                mt.cap_after = last->next_sep == ' ' && j + 1 < tk->n && is_cap(&tk->v[j + 1]) &&
                               !(tk->v[j + 1].flags & CONFLICT_TOK_SENTENCE);
                mt.governed = (last->next_sep == ' ' && j + 1 < tk->n && !is_cap(&tk->v[j + 1]) &&
                               (c->wm[j + 1] & W_GOVERNMENT)) ||
                              (i > 0 && tk->v[i - 1].next_sep == ' ' && !is_cap(&tk->v[i - 1]) &&
                               (c->wm[i - 1] & W_GOVERNMENT));
                mt.institution = last->next_sep == ' ' && j + 1 < tk->n &&
                                 (c->wm[j + 1] & W_INSTITUTION);
                mt.people = last->next_sep == ' ' && j + 1 < tk->n && !is_cap(&tk->v[j + 1]) &&
                              (c->wm[j + 1] & W_GROUP);
                mt.after_stop = stop > 0;
                mt.lower_tail = j > i && !is_cap(last) && tk->v[j - 1].next_sep == ' ';
                mt.generic = 1;
                for (size_t q = i; q <= j; q++)
                    if ((tk->v[q].flags & CONFLICT_TOK_ALPHA) &&
                        !(c->wm[q] & (W_DIRECTION | W_PARTICLE | W_ADMIN_AFTER)))
                        mt.generic = 0;
                mt.c0 = (uint32_t)c->np;
                mt.key = f->key;
                mt.common = (f->flags & SPAN_WORD) != 0;
                mt.proper |= (f->flags & SPAN_PROPER) != 0;
                mt.demonym = (f->flags & SPAN_DEMONYM) != 0;
                mt.short_name = !caseless && f->folded_len <= 3;
                mt.local_term = places_local_term_after(c, j);
                mt.nationality = 1; /* Pak, Pak-Afghan, Indo-Pak */
                int nation = 0;
                for (size_t q = i; q <= j; q++) {
                    mt.nationality &= (c->wm[q] & (W_NAT | W_ETHNIC)) != 0;
                    nation |= (c->wm[q] & W_NAT) != 0;
                }
                mt.people |= mt.nationality && !nation;
                st = add_cands(c, &mt, f, err);
                if (!st) st = collect_user(c, &mt, f->key);
                if (st) break;
                if (!mt.nc) { /* the context ruled every candidate out */
                    c->np = mt.c0;
                    continue;
                }
                mt.chosen = -1;
                mt.container = -1;
                int literal = 0, close = 0;
                for (uint32_t q = 0; q < mt.nc; q++) {
                    literal |= c->pool[mt.c0 + q].exact;
                    close |= j >= i + 2 && c->pool[mt.c0 + q].sim >= CLOSE_SIM;
                }
                /* but a name of three words or more spelled nearly as a place's own
                 * (Western Bahr el Ghazal for Western Bahr al Ghazal) beats the literal
                 * name inside it (two, Patna City, may be another place's: Patan City) */
                if (!literal && j > i && !close) {
                    /* a longer span that only matches by key: keep it in reserve, a
                     * shorter literal name wins ("Old Dhaka" is not Old Dugga) */
                    if (!has_reserve) reserve = mt, has_reserve = 1;
                    else c->np = mt.c0;
                    continue;
                }
                if (!literal && has_reserve) {
                    c->np = mt.c0;
                    continue;
                }
                if (!push_mention(c, &mt)) st = CONFLICT_NOMEM;
                i = j + 1;
                found = 1;
            }
        }
        /* "Old Dhaka", "Northwest Delhi": a modifier word with no literal match of its own
         * lets the next word start a name */
        if (has_reserve && (c->wm[i] & (W_HEAD_BEFORE | W_DIRECTION))) has_reserve = 0;
        if (!found && has_reserve && !st) {
            if (!push_mention(c, &reserve)) st = CONFLICT_NOMEM;
            i = reserve.t1 + 1;
            found = 1;
        }
        if (!found && !stop && !st) {
            size_t next;
            st = places_spot_unlisted(c, i, &next, err);
            found = next > i;
            if (found) i = next;
        }
        if (!found && generic_end) i = generic_end + 1, found = 1;
        if (!found) i += stop ? stop : 1;
    }
    return st;
}

/* ---- output -------------------------------------------------------------------- */

static conflict_status emit(ctx *c, conflict_table *out) {
    const places_state *ps = c->ps;
    for (size_t k = 0; k < c->nm; k++) {
        const mention *mt = &c->m[k];
        if (mt->chosen < 0 || mt->score < c->min_score) continue;
        const cand *x = &c->pool[mt->chosen];
        long r = conflict_table_add(out);
        if (r < 0) return CONFLICT_NOMEM;
        size_t row = (size_t)r;
        conflict_table_set_span(out, row, c->s, mt->b0, mt->b1 - mt->b0);
        conflict_table_set_text(out, row, C_KIND, conflict_place_kinds[x->kind], ps->kind_len[x->kind]);
        if (x->id & USER_BIT) {
            conflict_user_place_view v;
            conflict_user_places_get(c->user, x->id & ~USER_BIT, &v);
            if (!conflict_table_set_text_copy(out, row, C_NAME, v.name, strlen(v.name)))
                return CONFLICT_NOMEM;
            if (v.cc[0] && !conflict_table_set_text_copy(out, row, C_COUNTRY, v.cc, 2))
                return CONFLICT_NOMEM;
            if (v.admin1) {
                const gaz_place *a = &ps->g.places[GAZ_ADMIN1_PLACE(ps->g.admin1[v.admin1 - 1])];
                const char *an = ps->g.strings + GAZ_PLACE_NAME(a);
                conflict_table_set_text(out, row, C_ADMIN1, an, strlen(an));
            } else if (v.admin1_name && v.admin1_name[0] &&
                       !conflict_table_set_text_copy(out, row, C_ADMIN1, v.admin1_name,
                                                     strlen(v.admin1_name))) {
                return CONFLICT_NOMEM;
            }
            if (v.has_coords) {
                conflict_table_set_real(out, row, C_LAT, v.lat);
                conflict_table_set_real(out, row, C_LON, v.lon);
            }
            if (v.geonameid) conflict_table_set_int(out, row, C_GID, v.geonameid);
            conflict_table_set_text(out, row, C_FEATURE, "user", 4);
        } else {
            const gaz_place *p = &ps->g.places[x->id];
            const char *nm = ps->g.strings + GAZ_PLACE_NAME(p);
            conflict_table_set_text(out, row, C_NAME, nm, strlen(nm));
            if (GAZ_PLACE_COUNTRY(p))
                conflict_table_set_text(out, row, C_COUNTRY, ps->g.countries[GAZ_PLACE_COUNTRY(p) - 1].cc, 2);
            if (GAZ_PLACE_ADMIN1(p)) {
                const gaz_place *a = &ps->g.places[GAZ_ADMIN1_PLACE(ps->g.admin1[GAZ_PLACE_ADMIN1(p) - 1])];
                const char *an = ps->g.strings + GAZ_PLACE_NAME(a);
                conflict_table_set_text(out, row, C_ADMIN1, an, strlen(an));
            }
            conflict_table_set_real(out, row, C_LAT, p->lat / 1e5);
            conflict_table_set_real(out, row, C_LON, p->lon / 1e5);
            if (p->geonameid) conflict_table_set_int(out, row, C_GID, p->geonameid);
            conflict_table_set_text(out, row, C_FEATURE, ps->g.features[GAZ_PLACE_FEATURE(p)].code,
                                    ps->feature_len[GAZ_PLACE_FEATURE(p)]);
        }
        conflict_table_set_real(out, row, C_SCORE, round(mt->score * 1000) / 1000);
    }
    return CONFLICT_OK;
}

/* ---- options ------------------------------------------------------------------- */

static conflict_status read_options(ctx *c, const conflict_engine *e, const conflict_options *o,
                                    conflict_error *err) {
    const conflict_option *v;
    c->kinds_mask = (1u << GAZ_NKINDS) - 1;
    c->min_score = 0.35;
    if ((v = conflict_options_get(o, "lang")) && v->type != CONFLICT_T_NULL) {
        if (v->type != CONFLICT_T_TEXT)
            return conflict_set_error(err, CONFLICT_BAD_OPTIONS, "\"lang\" must be a string");
    }
    if ((v = conflict_options_get(o, "country")) && v->type != CONFLICT_T_NULL) {
        if (v->type != CONFLICT_T_TEXT || v->str_len != 2)
            return conflict_set_error(err, CONFLICT_BAD_OPTIONS,
                                      "\"country\" must be an ISO 3166-1 alpha-2 code");
        char cc[3] = {(char)(v->str[0] & ~0x20), (char)(v->str[1] & ~0x20), 0};
        c->opt_country = conflict_gaz_country_index(e, cc);
        if (!c->opt_country)
            return conflict_set_error(err, CONFLICT_BAD_OPTIONS, "unknown country code \"%s\"",
                                      cc);
    }
    if ((v = conflict_options_get(o, "min_score")) && v->type != CONFLICT_T_NULL) {
        if (v->type != CONFLICT_T_REAL || v->num < 0 || v->num > 1)
            return conflict_set_error(err, CONFLICT_BAD_OPTIONS,
                                      "\"min_score\" must be a number in [0,1]");
        c->min_score = v->num;
    }
    if ((v = conflict_options_get(o, "kinds")) && v->type != CONFLICT_T_NULL) {
        if (v->type != CONFLICT_T_TEXT)
            return conflict_set_error(err, CONFLICT_BAD_OPTIONS,
                                      "\"kinds\" must be a comma-separated list of kinds");
        c->kinds_mask = 0;
        const char *p = v->str, *end = v->str + v->str_len;
        while (p <= end) {
            const char *q = p;
            while (q < end && *q != ',') q++;
            const char *a = p, *b = q;
            while (a < b && *a == ' ') a++;
            while (b > a && b[-1] == ' ') b--;
            int found = -1;
            for (int k = 0; k < GAZ_NKINDS; k++)
                if ((size_t)(b - a) == strlen(conflict_place_kinds[k]) &&
                    !memcmp(a, conflict_place_kinds[k], (size_t)(b - a)))
                    found = k;
            if (found < 0)
                return conflict_set_error(err, CONFLICT_BAD_OPTIONS, "unknown kind \"%.*s\"",
                                          (int)(b - a > 20 ? 20 : b - a), a);
            c->kinds_mask |= 1u << found;
            p = q + 1;
        }
    }
    c->user = conflict_engine_user_places(e);
    if ((v = conflict_options_get(o, "user_places")) && v->type != CONFLICT_T_NULL) {
        if (v->type != CONFLICT_T_BOOL)
            return conflict_set_error(err, CONFLICT_BAD_OPTIONS,
                                      "\"user_places\" must be true or false");
        if (!v->num) c->user = NULL;
    }
    return CONFLICT_OK;
}

const actor_word *places_actor_word(const ctx *c, size_t i) {
    return actor_word_find(c->ps, c->th[i]);
}

/* What the words of hash *h followed by token i say as a key, or the prefix of one,
 * that starts with a first word of a name (KEY_* | country), 0 when they are neither;
 * *h becomes their hash. */
uint32_t places_actor_key(const ctx *c, uint64_t *h, size_t i) {
    const uint64_t *keys = c->ps->actor_keys;
    uint64_t kh = *h = key_hash(*h, c->th[i]);
    uint32_t m = (1u << ACTOR_KEY_BITS) - 1;
    for (uint32_t j = (uint32_t)(kh >> (64 - ACTOR_KEY_BITS)); keys[j]; j = (j + 1) & m)
        if ((keys[j] & ~(uint64_t)KEY_INFO) == kh) return (uint32_t)(keys[j] & KEY_INFO);
    return 0;
}

void places_note_nat(ctx *c, int country, uint8_t flags) {
    c->nat[country] |= flags;
    c->nat_countries[country >> 6] |= 1ull << (country & 63);
}

/* The countries a nationality word or a local division noun w (token t) is
 * evidence for. */
static void add_nationality(ctx *c, const word_entry *w, const conflict_token *t) {
    /* "Pakistani troops", "l'armée malienne" */
    if ((w->mask & W_NAT) && (t->flags & CONFLICT_TOK_ALPHA))
        places_note_nat(c, w->country, NAT_NAMED | (w->mask & W_NAT_ABROAD ? 0 : NAT_HOME));
    /* "Boda upazila", "Dutsin-Ma LGA" */
    if (w->mask & W_LOCAL_TERM)
        for (const uint8_t *ci = c->ps->term_cc[w->term - 1]; *ci; ci++)
            places_note_nat(c, *ci, NAT_NAMED | NAT_HOME);
}

/* The fold hash and word classes of every token. In locals: the stores below
 * could alias the context's fields, which the compiler would then reload for
 * every token. */
static void classify_tokens(ctx *c) {
    const places_state *ps = c->ps;
    const conflict_token *v = c->tk.v;
    const char *s = c->s;
    size_t nt = c->tk.n, n = c->n;
    uint32_t *wm = c->wm;
    uint64_t *th = c->th;
    uint32_t all = 0;
    /* the hashes first, each word table slot prefetched: the table is bigger than the L1
     * cache, and its reads then overlap */
    for (size_t i = 0; i < nt; i++) {
        const conflict_token *t = &v[i];
        th[i] = token_hash(s + t->start, t->len, n - t->start);
        __builtin_prefetch(&ps->words[th[i] & ((1u << WORD_BITS) - 1)]);
    }
    for (size_t i = 0; i < nt; i++) {
        const conflict_token *t = &v[i];
        uint64_t h = th[i];
        const word_entry *w = t->len < 24 ? word_find(ps, h) : &ps->no_word;
        wm[i] = w->mask;
        /* a name may start here: spot() will look it up (the slot of hash 0 for other
         * tokens, rather than a branch on the case, often mispredicted) */
        conflict_memo_prefetch(ps->memo, h & -(uint64_t)((t->flags & CONFLICT_TOK_UPPER) != 0));
        if (w->mask & (W_NAT | W_LOCAL_TERM)) add_nationality(c, w, t);
        /* where a named actor may start: a capitalized word, not an article (no alias
         * starts with The or La, and they open many sentences) */
        if ((t->flags & CONFLICT_TOK_UPPER) && !(w->mask & W_LINK) &&
            (actor_word_find(ps, h)->flags & ACTOR_FIRST) && c->nactor_heads < MAXACTORHEADS)
            c->actor_heads[c->nactor_heads++] = (uint32_t)i;
        all |= w->mask;
    }
    c->text_words = all;
}

/* Hands the call's buffers back to the engine; it keeps them unless a long text
 * made them big. */
static void keep_scratch(const conflict_allocator *a, places_scratch *sc, const ctx *c) {
    sc->tk = c->tk;
    sc->m = c->m;
    sc->capm = c->capm;
    sc->pool = c->pool;
    sc->capp = c->capp;
    sc->un = c->un;
    sc->capun = c->capun;
    if (sc->tk.cap * sizeof *sc->tk.v + sc->words_size + sc->capm * sizeof *sc->m +
            sc->capp * sizeof *sc->pool + sc->capun * sizeof *sc->un >
        SCRATCH_KEEP)
        scratch_free(a, sc);
}

static conflict_status extract_places(const conflict_engine *e, const char *s, size_t n,
                                      const conflict_options *opts, conflict_table *out,
                                      conflict_error *err) {
    const places_state *ps = e->mod[CONFLICT_MOD_PLACES];
    if (!ps) return conflict_set_error(err, CONFLICT_ERROR, "gazetteer not loaded");
    places_scratch *sc = ps->scratch;
    ctx c;
    memset(&c, 0, CTX_CLEARED);
    c.ps = ps;
    c.a = e->a;
    c.s = s;
    c.n = n;
    c.tk = sc->tk;
    c.m = sc->m;
    c.capm = sc->capm;
    c.pool = sc->pool;
    c.capp = sc->capp;
    c.un = sc->un;
    c.capun = sc->capun;
    conflict_buf_init(&c.kb, e->a, 0);
    conflict_buf_init(&c.kb2, e->a, 0);
    conflict_buf_init(&c.fb, e->a, 0);
    conflict_status st = read_options(&c, e, opts, err);
    if (!st) st = conflict_tokenize_into(s, n, &c.tk);
    if (!st && c.tk.n) {
        size_t size = c.tk.n * (sizeof *c.wm + sizeof *c.th) + sizeof *c.th;
        if (size > sc->words_size) {
            conflict_free(e->a, sc->words);
            sc->words_size = 0;
            sc->words = conflict_malloc(e->a, size);
            if (!sc->words) st = CONFLICT_NOMEM;
            else sc->words_size = size;
        }
        if (!st) {
            c.wm = sc->words;
            c.th = (uint64_t *)(void *)(c.wm + c.tk.n + (c.tk.n & 1));
        }
        if (!st) classify_tokens(&c);
        if (!st && c.nactor_heads) places_actor_evidence(&c);
    }
    if (!st) st = spot(&c, err);
    if (!st) {
        places_link_containers(&c);
        places_container_terms(&c);
        places_link_lists(&c);
    }
    if (!st) st = places_mark_repeats(&c);
    if (!st) st = places_resolve(&c);
    if (!st) st = places_unlisted_after_resolve(&c, err);
    if (!st) st = emit(&c, out);
    if (!st) st = places_emit_unlisted(&c, out);
    if (!st) st = conflict_table_sort(out, NULL);
    if (!st) st = conflict_table_finish(out, s, n);
    keep_scratch(e->a, sc, &c);
    conflict_buf_free(&c.kb);
    conflict_buf_free(&c.kb2);
    conflict_buf_free(&c.fb);
    return st;
}

const conflict_extractor conflict_places_extractor = {
    "places", place_cols, NCOLS, place_options, extract_places, 0};
