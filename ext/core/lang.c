/*
 * detect_lang: ISO 639-1 code of a text, or NULL when it is too short or mixed.
 *
 * Two stages, one pass over at most the first 16 KiB:
 *   1. Scripts, by counting letters. Arabic script is told apart by letters
 *      (Persian پ چ ژ گ ی ک, Urdu ے ں ٹ ڈ ڑ ہ, Pashto ټ ډ ړ ښ ږ ځ څ ګ ې against
 *      Arabic ة ي ك ى), Cyrillic by Ukrainian і ї є ґ against Russian ы э ъ ё.
 *      Greek, Hebrew, Armenian, Georgian, Devanagari, Bengali, Thai, Ethiopic,
 *      Hangul, kana and Han get their one language each.
 *   2. Latin script: common function words of French, English, Spanish,
 *      Italian, Portuguese, German and Dutch (lists written for this file), plus
 *      month and weekday names, a few letters (ñ, ã/õ, ß/ä/ö/ü, œ) and word
 *      shapes (-ing, -ée, -ción, -zione, -ção, sch, ij). A word shared by several
 *      languages counts less than one that belongs to a single language.
 * NULL when fewer than 8 letters, when no script holds 70% of the letters, or
 * when the best Latin language is not clearly ahead of the second (1.5 times
 * its score), or when its function words are under 12% of the words.
 */
#include <string.h>

#include "conflict.h"

#define LANG_SCAN_MAX 16384

enum { FR = 1, EN = 2, ES = 4, IT = 8, PT = 16, DE = 32, NL = 64, NLATIN = 7 };
static const char *const latin_code[NLATIN] = {"fr", "en", "es", "it", "pt", "de", "nl"};

typedef struct {
    const char *w;
    unsigned char len, mask;
} fw;

#define W(s, m) {s, sizeof(s) - 1, m}
static const fw fw_a[] = {W("a", FR | ES | IT | PT), W("au", FR), W("aux", FR), W("avec", FR),
                          W("aussi", FR), W("avait", FR), W("ainsi", FR), W("avoir", FR),
                          W("après", FR), W("and", EN), W("are", EN), W("at", EN),
                          W("after", EN), W("also", EN), W("against", EN), W("an", EN),
                          W("al", ES | NL), W("alla", IT), W("anche", IT), W("ancora", IT),
                          W("ad", IT), W("as", EN | PT), W("ao", PT), W("aos", PT),
                          W("até", PT), W("após", PT), W("ainda", PT), W("auf", DE),
                          W("auch", DE), W("aus", DE), W("aber", DE), W("am", DE),
                          W("aan", NL),
    /* months and weekdays */ W("avril", FR), W("août", FR), W("april", EN | DE | NL), W("august", EN | DE), W("abril", ES | PT), W("agosto", ES | IT | PT), W("aprile", IT), W("augustus", NL)};
static const fw fw_b[] = {W("by", EN), W("be", EN), W("been", EN), W("but", EN),
                          W("between", EN), W("bei", DE), W("bij", NL)};
static const fw fw_c[] = {W("ce", FR), W("cette", FR), W("ces", FR), W("contre", FR),
                          W("comme", FR), W("con", ES | IT), W("como", ES | PT),
                          W("cuando", ES), W("che", IT), W("come", IT), W("contro", IT),
                          W("com", PT)};
static const fw fw_d[] = {W("de", FR | ES | PT | NL), W("des", FR | DE), W("du", FR),
                          W("dans", FR), W("dont", FR), W("depuis", FR), W("deux", FR),
                          W("during", EN), W("del", ES), W("desde", ES), W("donde", ES),
                          W("di", IT), W("della", IT), W("delle", IT), W("dei", IT),
                          W("degli", IT), W("dal", IT), W("dalla", IT), W("dopo", IT),
                          W("do", PT), W("da", PT), W("dos", PT), W("das", PT | DE),
                          W("der", DE), W("die", DE | NL), W("den", DE), W("dem", DE),
                          W("dass", DE), W("dat", NL), W("door", NL), W("deze", NL),
    /* months and weekdays */ W("décembre", FR), W("dimanche", FR), W("december", EN | NL), W("diciembre", ES), W("domingo", ES | PT), W("dicembre", IT), W("domenica", IT), W("dezembro", PT), W("dezember", DE), W("dienstag", DE), W("donnerstag", DE), W("dinsdag", NL), W("donderdag", NL)};
static const fw fw_e[] = {W("et", FR), W("est", FR), W("elle", FR), W("elles", FR),
                          W("en", FR | ES | NL), W("entre", FR | ES | PT), W("el", ES),
                          W("es", ES | DE), W("este", ES), W("esta", ES), W("e", IT | PT),
                          W("essere", IT), W("ed", IT), W("em", PT), W("está", PT),
                          W("estão", PT), W("ein", DE), W("eine", DE), W("einen", DE),
                          W("einer", DE), W("er", DE | NL), W("een", NL),
    /* months and weekdays */ W("enero", ES)};
static const fw fw_f[] = {W("fait", FR), W("for", EN), W("from", EN), W("fue", ES),
                          W("fra", IT), W("foi", PT), W("foram", PT), W("für", DE),
    /* months and weekdays */ W("février", FR), W("february", EN), W("friday", EN), W("febrero", ES), W("febbraio", IT), W("fevereiro", PT), W("februar", DE), W("freitag", DE), W("februari", NL)};
static const fw fw_g[] = {W("gli", IT), W("gegen", DE),
    /* months and weekdays */ W("gennaio", IT), W("giugno", IT), W("giovedì", IT)};
static const fw fw_h[] = {W("have", EN), W("has", EN), W("had", EN), W("he", EN),
                          W("his", EN), W("her", EN), W("han", ES), W("hasta", ES),
                          W("ha", ES | IT), W("hanno", IT), W("hat", DE), W("haben", DE),
                          W("het", NL), W("heeft", NL), W("hebben", NL)};
static const fw fw_i[] = {W("il", FR | IT), W("ils", FR), W("in", EN | IT | DE | NL),
                          W("is", EN | NL), W("it", EN), W("its", EN), W("into", EN),
                          W("im", DE), W("ist", DE)};
static const fw fw_j[] = {W("já", PT),
    /* months and weekdays */ W("janvier", FR), W("juin", FR), W("juillet", FR), W("jeudi", FR), W("january", EN), W("june", EN), W("july", EN), W("junio", ES), W("julio", ES), W("jueves", ES), W("janeiro", PT), W("junho", PT), W("julho", PT), W("januar", DE), W("juni", DE | NL), W("juli", DE | NL), W("januari", NL)};
static const fw fw_l[] = {W("le", FR | IT), W("les", FR | ES), W("leur", FR), W("leurs", FR),
                          W("lors", FR), W("lui", FR), W("la", FR | ES | IT),
                          W("los", ES), W("las", ES), W("lo", ES | IT),
    /* months and weekdays */ W("lundi", FR), W("lunes", ES), W("luglio", IT), W("lunedì", IT)};
static const fw fw_m[] = {W("mais", FR | PT), W("more", EN), W("más", ES), W("muy", ES),
                          W("ma", IT), W("mit", DE), W("met", NL), W("maar", NL),
    /* months and weekdays */ W("mars", FR), W("mai", FR | DE), W("mardi", FR), W("mercredi", FR), W("march", EN), W("may", EN), W("monday", EN), W("marzo", ES | IT), W("mayo", ES), W("martes", ES), W("miércoles", ES), W("maggio", IT), W("martedì", IT), W("mercoledì", IT), W("março", PT), W("maio", PT), W("märz", DE), W("montag", DE), W("mittwoch", DE), W("maart", NL), W("mei", NL), W("maandag", NL)};
static const fw fw_n[] = {W("nous", FR), W("not", EN), W("no", ES | PT), W("non", IT),
                          W("nel", IT), W("nella", IT), W("nei", IT), W("negli", IT),
                          W("não", PT), W("na", PT | NL), W("nas", PT), W("nos", PT),
                          W("nicht", DE), W("nach", DE), W("noch", DE), W("nur", DE),
                          W("niet", NL), W("naar", NL),
    /* months and weekdays */ W("novembre", FR | IT), W("november", EN | DE | NL), W("noviembre", ES), W("novembro", PT)};
static const fw fw_o[] = {W("ou", FR), W("ont", FR), W("of", EN), W("on", EN), W("or", EN),
                          W("over", EN | NL), W("o", PT), W("os", PT), W("oder", DE), W("op", NL),
                          W("ook", NL), W("om", NL),
    /* months and weekdays */ W("octobre", FR), W("october", EN), W("octubre", ES), W("ottobre", IT), W("outubro", PT), W("oktober", DE | NL)};
static const fw fw_p[] = {W("pour", FR), W("pas", FR), W("par", FR), W("plus", FR),
                          W("por", ES), W("para", ES | PT), W("pero", ES), W("per", IT),
                          W("più", IT), W("pelo", PT), W("pela", PT)};
static const fw fw_q[] = {W("qui", FR), W("que", FR | ES | PT), W("questo", IT),
                          W("questa", IT),
    /* months and weekdays */ W("quarta", PT), W("quinta", PT)};
static const fw fw_s[] = {W("sur", FR), W("sont", FR), W("selon", FR), W("sous", FR),
                          W("sans", FR), W("se", FR | ES | IT), W("said", EN), W("since", EN),
                          W("she", EN), W("su", ES), W("sus", ES), W("sobre", ES | PT),
                          W("según", ES), W("sono", IT), W("stato", IT), W("stata", IT),
                          W("secondo", IT | PT), W("sul", IT), W("sulla", IT), W("seu", PT),
                          W("sua", PT), W("são", PT), W("sich", DE), W("sind", DE),
                          W("sie", DE), W("seit", DE),
    /* months and weekdays */ W("septembre", FR), W("samedi", FR), W("september", EN | DE | NL), W("saturday", EN), W("sunday", EN), W("septiembre", ES), W("sábado", ES | PT), W("settembre", IT), W("sabato", IT), W("setembro", PT), W("segunda", PT), W("sexta", PT), W("samstag", DE), W("sonntag", DE)};
static const fw fw_t[] = {W("très", FR), W("tous", FR), W("toutes", FR), W("trois", FR),
                          W("the", EN), W("to", EN), W("that", EN), W("this", EN),
                          W("they", EN), W("their", EN), W("than", EN), W("these", EN),
                          W("those", EN), W("there", EN), W("tras", ES), W("también", ES),
                          W("tra", IT), W("também", PT), W("te", NL), W("tegen", NL),
    /* months and weekdays */ W("tuesday", EN), W("thursday", EN), W("terça", PT)};
static const fw fw_u[] = {W("une", FR), W("un", FR | ES | IT), W("una", ES | IT),
                          W("uno", IT), W("um", PT), W("uma", PT), W("und", DE),
                          W("uit", NL)};
static const fw fw_v[] = {W("vous", FR), W("von", DE), W("vom", DE), W("van", NL),
                          W("voor", NL),
    /* months and weekdays */ W("vendredi", FR), W("viernes", ES), W("venerdì", IT), W("vrijdag", NL)};
static const fw fw_w[] = {W("was", EN), W("were", EN), W("with", EN), W("which", EN),
                          W("who", EN), W("would", EN), W("will", EN), W("we", EN),
                          W("wurde", DE), W("wurden", DE), W("wie", DE), W("werden", DE),
                          W("wir", DE), W("werd", NL), W("worden", NL), W("wordt", NL),
    /* months and weekdays */ W("wednesday", EN), W("woensdag", NL)};
static const fw fw_y[] = {W("y", FR | ES), W("ya", ES)};
static const fw fw_z[] = {W("zu", DE), W("zum", DE), W("zur", DE), W("zwischen", DE),
                          W("zijn", NL), W("zich", NL),
    /* months and weekdays */ W("zaterdag", NL), W("zondag", NL)};
static const fw fw_acc[] = {W("été", FR), W("être", FR), W("où", FR), W("è", IT),
                            W("é", PT), W("über", DE)};

#define FB(x) {x, sizeof x / sizeof x[0]}
static const struct {
    const fw *v;
    int n;
} fw_buckets[27] = {FB(fw_a), FB(fw_b), FB(fw_c), FB(fw_d), FB(fw_e), FB(fw_f), FB(fw_g),
                    FB(fw_h), FB(fw_i), FB(fw_j), {NULL, 0}, FB(fw_l), FB(fw_m), FB(fw_n),
                    FB(fw_o), FB(fw_p), FB(fw_q), {NULL, 0}, FB(fw_s), FB(fw_t), FB(fw_u),
                    FB(fw_v), FB(fw_w), {NULL, 0}, FB(fw_y), FB(fw_z), FB(fw_acc)};

static unsigned word_mask(const char *w, size_t len) {
    unsigned char c0 = (unsigned char)w[0];
    int b = c0 >= 'a' && c0 <= 'z' ? c0 - 'a' : c0 == 0xC3 ? 26 : -1;
    if (b < 0) return 0;
    for (int i = 0; i < fw_buckets[b].n; i++) {
        const fw *e = &fw_buckets[b].v[i];
        if (e->len == len && !memcmp(e->w, w, len)) return e->mask;
    }
    return 0;
}

static int ends(const char *w, size_t len, const char *suf, size_t k) {
    return len > k + 1 && !memcmp(w + len - k, suf, k);
}

static int has2(const char *w, size_t len, char a, char b) {
    for (size_t i = 0; i + 1 < len; i++)
        if (w[i] == a && w[i + 1] == b) return 1;
    return 0;
}

#define ENDS(w, l, lit) ends(w, l, lit, sizeof(lit) - 1)

/* Word shapes that lean to a language: -ing, -ée, -ción, -zione, -ção, sch, ij. */
static void shape_cues(const char *w, size_t len, unsigned *score, unsigned *sent) {
#define ADD(l, v) (score[l] += (v), sent[l] += (v))
    if (ENDS(w, len, "ing")) ADD(1, 3);
    else if (ENDS(w, len, "ed")) ADD(1, 1);
    if (has2(w, len, 't', 'h')) ADD(1, 1);
    if (ENDS(w, len, "ée") || ENDS(w, len, "ées") || ENDS(w, len, "és") || ENDS(w, len, "eux") ||
        ENDS(w, len, "ait") || ENDS(w, len, "aient"))
        ADD(0, 2);
    if (ENDS(w, len, "ción") || ENDS(w, len, "ciones")) ADD(2, 3);
    else if (ENDS(w, len, "dad") || ENDS(w, len, "dades")) ADD(2, 2);
    if (ENDS(w, len, "zione") || ENDS(w, len, "zioni")) ADD(3, 3);
    if (has2(w, len, 'g', 'l') && has2(w, len, 'l', 'i')) ADD(3, 1);
    if (has2(w, len, 'z', 'z')) ADD(3, 1);
    if (ENDS(w, len, "ção") || ENDS(w, len, "ções") || ENDS(w, len, "ões")) ADD(4, 3);
    if (has2(w, len, 'n', 'h') || has2(w, len, 'l', 'h')) ADD(4, 1);
    if (has2(w, len, 's', 'c') && has2(w, len, 'c', 'h')) ADD(5, 1), ADD(6, 1);
    if (ENDS(w, len, "ung") || ENDS(w, len, "ungen")) ADD(5, 2);
    if (has2(w, len, 'i', 'j')) ADD(6, 2);
    if (ENDS(w, len, "heid")) ADD(6, 3);
#undef ADD
}

/* Closes a sentence: its words go to the language that clearly leads it. */
static void flush_sentence(unsigned *sent, unsigned *words, unsigned *tally) {
    int l1 = 0, l2 = -1;
    for (int l = 1; l < NLATIN; l++) {
        if (sent[l] > sent[l1]) l2 = l1, l1 = l;
        else if (l2 < 0 || sent[l] > sent[l2]) l2 = l;
    }
    if (sent[l1] >= 6 && sent[l1] * 2 >= sent[l2] * 3) tally[l1] += *words;
    memset(sent, 0, NLATIN * sizeof *sent);
    *words = 0;
}

enum {
    S_LATIN, S_CYR, S_ARAB, S_GREEK, S_HEBREW, S_ARMEN, S_GEORG, S_DEVA, S_BENG, S_THAI,
    S_ETHI, S_HANGUL, S_KANA, S_HAN, S_OTHER, NSCRIPTS
};

static int script_of(uint32_t c) {
    if (c < 0x80) return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? S_LATIN : -1;
    if (c < 0xC0 || c == 0xD7 || c == 0xF7) return -1;
    if (c <= 0x24F || (c >= 0x1E00 && c <= 0x1EFF)) return S_LATIN;
    if (c >= 0x300 && c <= 0x36F) return -1; /* combining marks */
    if (c >= 0x370 && c <= 0x3FF) return S_GREEK;
    if (c >= 0x400 && c <= 0x52F) return S_CYR;
    if (c >= 0x530 && c <= 0x58F) return S_ARMEN;
    if (c >= 0x5D0 && c <= 0x5EA) return S_HEBREW;
    if ((c >= 0x620 && c <= 0x64A) || (c >= 0x66E && c <= 0x6D3) || (c >= 0x6FA && c <= 0x6FF) ||
        (c >= 0x750 && c <= 0x77F) || (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF))
        return S_ARAB;
    if (c >= 0x900 && c <= 0x97F) return S_DEVA;
    if (c >= 0x980 && c <= 0x9FF) return S_BENG;
    if (c >= 0xE00 && c <= 0xE7F) return S_THAI;
    if (c >= 0x10A0 && c <= 0x10FF) return S_GEORG;
    if (c >= 0x1200 && c <= 0x137F) return S_ETHI;
    if ((c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF)) return S_HANGUL;
    if (c >= 0x3040 && c <= 0x30FF) return S_KANA;
    if (c >= 0x4E00 && c <= 0x9FFF) return S_HAN;
    if (c >= 0x2000 && c <= 0x2BFF) return -1; /* punctuation and symbols */
    if (c >= 0x3000 && c <= 0x303F) return -1;
    if (c >= 0xFF00 && c <= 0xFF20) return -1;
    return S_OTHER;
}

const char *conflict_detect_lang(const char *s, size_t n) {
    if (!s) return NULL;
    if (n > LANG_SCAN_MAX) n = LANG_SCAN_MAX; /* a partial last character is harmless */
    unsigned letters[NSCRIPTS] = {0};
    unsigned uk = 0, ru = 0, ar = 0, fa = 0, ur = 0, ps = 0;
    unsigned score[NLATIN] = {0}, hits[NLATIN] = {0}, latin_words = 0;
    /* per sentence: the same scores, then the sentence's words go to its winner */
    unsigned sent[NLATIN] = {0}, sent_words = 0, tally[NLATIN] = {0};
    char wbuf[24];
    size_t wlen = 0;
    int wbad = 0;
    size_t i = 0;
    while (i <= n) {
        uint32_t c = 0;
        int sc = -1;
        if (i < n) {
            unsigned char b = (unsigned char)s[i];
            if (b < 0x80) {
                c = b;
                i++;
            } else {
                c = conflict_utf8_next(s, n, &i);
            }
            sc = script_of(c);
        } else {
            i++; /* flush the last word */
        }
        if (sc == S_LATIN) {
            /* lower-case into the word buffer (ASCII, Latin-1; others mark it foreign) */
            if (c < 0x80) {
                if (wlen < sizeof wbuf) wbuf[wlen++] = (char)(c | 0x20);
                else wbad = 1;
            } else if (c <= 0xFF) {
                uint32_t l = (c >= 0xC0 && c <= 0xDE) ? c + 0x20 : c;
                if (wlen + 2 <= sizeof wbuf) {
                    wbuf[wlen++] = (char)(0xC0 | (l >> 6));
                    wbuf[wlen++] = (char)(0x80 | (l & 0x3F));
                } else {
                    wbad = 1;
                }
                switch (l) { /* letters that lean to one language */
                    case 0xF1: score[2] += 3; break;                 /* ñ */
                    case 0xE3: case 0xF5: score[4] += 3; break;      /* ã õ */
                    case 0xDF: score[5] += 3; break;                 /* ß */
                    case 0xE4: case 0xF6: case 0xFC: score[5] += 1; break; /* ä ö ü */
                    case 0xEC: case 0xF2: score[3] += 2; break;      /* ì ò */
                    default: break;
                }
            } else {
                if (c == 0x153 || c == 0x152) score[0] += 3; /* œ */
                wbad = 1;
            }
            letters[S_LATIN]++;
            continue;
        }
        if (wlen) {
            latin_words++;
            unsigned m = wbad ? 0 : word_mask(wbuf, wlen);
            sent_words++;
            if (m) {
                int k = __builtin_popcount(m);
                unsigned wgt = k == 1 ? 6 : k == 2 ? 3 : 2;
                for (int l = 0; l < NLATIN; l++)
                    if (m & (1u << l)) score[l] += wgt, sent[l] += wgt, hits[l]++;
            } else if (!wbad) {
                shape_cues(wbuf, wlen, score, sent);
            }
            wlen = 0;
            wbad = 0;
        }
        if (sc < 0) {
            if (c == '.' || c == '!' || c == '?' || c == '\n' || i > n) flush_sentence(sent, &sent_words, tally);
            continue;
        }
        letters[sc]++;
        if (sc == S_CYR) {
            switch (c) {
                case 0x456: case 0x457: case 0x454: case 0x491:
                case 0x406: case 0x407: case 0x404: case 0x490: uk++; break;
                case 0x44B: case 0x44D: case 0x44A: case 0x451:
                case 0x42B: case 0x42D: case 0x42A: case 0x401: ru++; break;
                default: break;
            }
        } else if (sc == S_ARAB) {
            switch (c) {
                case 0x629: case 0x64A: case 0x643: case 0x649: ar++; break;
                case 0x67E: case 0x686: case 0x698: case 0x6AF: case 0x6CC: case 0x6A9: fa++; break;
                case 0x6D2: case 0x6BA: case 0x679: case 0x688: case 0x691: case 0x6C1: case 0x6BE:
                    ur++;
                    break;
                case 0x67C: case 0x689: case 0x693: case 0x69A: case 0x696: case 0x681:
                case 0x685: case 0x6AB: case 0x6CD: case 0x6D0: ps++; break;
                default: break;
            }
        }
    }
    unsigned total = 0, best = 0;
    int top = -1;
    for (int k = 0; k < NSCRIPTS; k++) {
        total += letters[k];
        if (letters[k] > best) best = letters[k], top = k;
    }
    if (total < 8 || top < 0 || best * 10 < total * 7) return NULL;
    switch (top) {
        case S_CYR:
            if (uk > ru) return "uk";
            return "ru"; /* Russian is the default Cyrillic language of the news */
        case S_ARAB: {
            unsigned a = letters[S_ARAB];
            if (ps >= 2 && ps * 50 >= a) return "ps";
            if (ur >= 2 && ur * 30 >= a) return "ur";
            if (fa > ar) return "fa";
            return "ar";
        }
        case S_GREEK: return "el";
        case S_HEBREW: return "he";
        case S_ARMEN: return "hy";
        case S_GEORG: return "ka";
        case S_DEVA: return "hi";
        case S_BENG: return "bn";
        case S_THAI: return "th";
        case S_ETHI: return "am";
        case S_HANGUL: return "ko";
        case S_KANA: return "ja";
        case S_HAN: return letters[S_KANA] * 10 >= letters[S_HAN] ? "ja" : "zh";
        case S_LATIN: break;
        default: return NULL;
    }
    /* mixed: another language wins sentences holding a quarter of the words */
    for (int l = 0; l < NLATIN; l++) {
        unsigned others = 0;
        for (int m = 0; m < NLATIN; m++)
            if (m != l) others += tally[m];
        if (tally[l] >= 4 && others >= 4 && tally[l] * 3 >= others && others * 3 >= tally[l])
            return NULL;
    }
    int l1 = -1, l2 = -1;
    for (int l = 0; l < NLATIN; l++) {
        if (l1 < 0 || score[l] > score[l1]) l2 = l1, l1 = l;
        else if (l2 < 0 || score[l] > score[l2]) l2 = l;
    }
    unsigned s1 = score[l1], s2 = l2 >= 0 ? score[l2] : 0;
    /* enough evidence, clearly ahead, and function words make up a fair share */
    if (s1 < 12 || hits[l1] < 2) return NULL;
    if (s1 * 2 < s2 * 3 || s1 - s2 < 6) return NULL;
    if (hits[l1] * 100 < latin_words * 12) return NULL;
    return latin_code[l1];
}
