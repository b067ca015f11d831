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

/* Function words and their languages. Each bucket (first byte) is sorted by
 * byte length, then bytes: word_mask() searches it by halves (test_lang checks
 * the order). */
typedef struct {
    const char *w;
    unsigned char len, mask;
} fw;

#define W(s, m) {s, sizeof(s) - 1, m}
static const fw fw_a[] = {
    W("a", FR | ES | IT | PT), W("ad", IT), W("al", ES | NL), W("am", DE), W("an", EN),
    W("ao", PT), W("as", EN | PT), W("at", EN), W("au", FR), W("aan", NL), W("and", EN),
    W("aos", PT), W("are", EN), W("auf", DE), W("aus", DE), W("aux", FR), W("aber", DE),
    W("alla", IT), W("also", EN), W("até", PT), W("auch", DE), W("avec", FR), W("abril", ES | PT),
    W("after", EN), W("ainda", PT), W("ainsi", FR), W("anche", IT), W("août", FR),
    W("april", EN | DE | NL), W("após", PT), W("aussi", FR), W("avait", FR), W("avoir", FR),
    W("avril", FR), W("agosto", ES | IT | PT), W("ancora", IT), W("aprile", IT), W("après", FR),
    W("august", EN | DE), W("against", EN), W("augustus", NL)};
static const fw fw_b[] = {
    W("be", EN), W("by", EN), W("bei", DE), W("bij", NL), W("but", EN), W("been", EN),
    W("between", EN)};
static const fw fw_c[] = {
    W("ce", FR), W("ces", FR), W("che", IT), W("com", PT), W("con", ES | IT), W("come", IT),
    W("como", ES | PT), W("cette", FR), W("comme", FR), W("contre", FR), W("contro", IT),
    W("cuando", ES)};
static const fw fw_d[] = {
    W("da", PT), W("de", FR | ES | PT | NL), W("di", IT), W("do", PT), W("du", FR), W("dal", IT),
    W("das", PT | DE), W("dat", NL), W("dei", IT), W("del", ES), W("dem", DE), W("den", DE),
    W("der", DE), W("des", FR | DE), W("die", DE | NL), W("dos", PT), W("dans", FR),
    W("dass", DE), W("deux", FR), W("deze", NL), W("dont", FR), W("door", NL), W("dopo", IT),
    W("dalla", IT), W("degli", IT), W("della", IT), W("delle", IT), W("desde", ES),
    W("donde", ES), W("depuis", FR), W("during", EN), W("dinsdag", NL), W("domingo", ES | PT),
    W("december", EN | NL), W("dezember", DE), W("dezembro", PT), W("dicembre", IT),
    W("dienstag", DE), W("dimanche", FR), W("domenica", IT), W("diciembre", ES),
    W("donderdag", NL), W("décembre", FR), W("donnerstag", DE)};
static const fw fw_e[] = {
    W("e", IT | PT), W("ed", IT), W("el", ES), W("em", PT), W("en", FR | ES | NL),
    W("er", DE | NL), W("es", ES | DE), W("et", FR), W("een", NL), W("ein", DE), W("est", FR),
    W("eine", DE), W("elle", FR), W("esta", ES), W("este", ES), W("einen", DE), W("einer", DE),
    W("elles", FR), W("enero", ES), W("entre", FR | ES | PT), W("está", PT), W("essere", IT),
    W("estão", PT)};
static const fw fw_f[] = {
    W("foi", PT), W("for", EN), W("fra", IT), W("fue", ES), W("fait", FR), W("from", EN),
    W("für", DE), W("foram", PT), W("friday", EN), W("febrero", ES), W("februar", DE),
    W("freitag", DE), W("febbraio", IT), W("februari", NL), W("february", EN), W("février", FR),
    W("fevereiro", PT)};
static const fw fw_g[] = {
    W("gli", IT), W("gegen", DE), W("giugno", IT), W("gennaio", IT), W("giovedì", IT)};
static const fw fw_h[] = {
    W("ha", ES | IT), W("he", EN), W("had", EN), W("han", ES), W("has", EN), W("hat", DE),
    W("her", EN), W("het", NL), W("his", EN), W("have", EN), W("haben", DE), W("hanno", IT),
    W("hasta", ES), W("heeft", NL), W("hebben", NL)};
static const fw fw_i[] = {
    W("il", FR | IT), W("im", DE), W("in", EN | IT | DE | NL), W("is", EN | NL), W("it", EN),
    W("ils", FR), W("ist", DE), W("its", EN), W("into", EN)};
static const fw fw_j[] = {
    W("já", PT), W("juin", FR), W("juli", DE | NL), W("july", EN), W("june", EN),
    W("juni", DE | NL), W("jeudi", FR), W("julho", PT), W("julio", ES), W("junho", PT),
    W("junio", ES), W("januar", DE), W("jueves", ES), W("janeiro", PT), W("januari", NL),
    W("january", EN), W("janvier", FR), W("juillet", FR)};
static const fw fw_l[] = {
    W("la", FR | ES | IT), W("le", FR | IT), W("lo", ES | IT), W("las", ES), W("les", FR | ES),
    W("los", ES), W("lui", FR), W("leur", FR), W("lors", FR), W("leurs", FR), W("lundi", FR),
    W("lunes", ES), W("luglio", IT), W("lunedì", IT)};
static const fw fw_m[] = {
    W("ma", IT), W("mai", FR | DE), W("may", EN), W("mei", NL), W("met", NL), W("mit", DE),
    W("muy", ES), W("maar", NL), W("maio", PT), W("mais", FR | PT), W("mars", FR), W("mayo", ES),
    W("more", EN), W("más", ES), W("maart", NL), W("march", EN), W("mardi", FR),
    W("marzo", ES | IT), W("märz", DE), W("maggio", IT), W("martes", ES), W("março", PT),
    W("monday", EN), W("montag", DE), W("maandag", NL), W("martedì", IT), W("mercredi", FR),
    W("mittwoch", DE), W("mercoledì", IT), W("miércoles", ES)};
static const fw fw_n[] = {
    W("na", PT | NL), W("no", ES | PT), W("nas", PT), W("nei", IT), W("nel", IT), W("non", IT),
    W("nos", PT), W("not", EN), W("nur", DE), W("naar", NL), W("nach", DE), W("niet", NL),
    W("noch", DE), W("nous", FR), W("não", PT), W("negli", IT), W("nella", IT), W("nicht", DE),
    W("november", EN | DE | NL), W("novembre", FR | IT), W("novembro", PT), W("noviembre", ES)};
static const fw fw_o[] = {
    W("o", PT), W("of", EN), W("om", NL), W("on", EN), W("op", NL), W("or", EN), W("os", PT),
    W("ou", FR), W("ont", FR), W("ook", NL), W("où", FR), W("oder", DE), W("over", EN | NL),
    W("october", EN), W("octobre", FR), W("octubre", ES), W("oktober", DE | NL), W("ottobre", IT),
    W("outubro", PT)};
static const fw fw_p[] = {
    W("par", FR), W("pas", FR), W("per", IT), W("por", ES), W("para", ES | PT), W("pela", PT),
    W("pelo", PT), W("pero", ES), W("più", IT), W("plus", FR), W("pour", FR)};
static const fw fw_q[] = {
    W("que", FR | ES | PT), W("qui", FR), W("quarta", PT), W("questa", IT), W("questo", IT),
    W("quinta", PT)};
static const fw fw_s[] = {
    W("se", FR | ES | IT), W("su", ES), W("seu", PT), W("she", EN), W("sie", DE), W("sua", PT),
    W("sul", IT), W("sur", FR), W("sus", ES), W("said", EN), W("sans", FR), W("seit", DE),
    W("sich", DE), W("sind", DE), W("sono", IT), W("sont", FR), W("sous", FR), W("são", PT),
    W("selon", FR), W("sexta", PT), W("since", EN), W("sobre", ES | PT), W("stata", IT),
    W("stato", IT), W("sulla", IT), W("sabato", IT), W("samedi", FR), W("según", ES),
    W("sunday", EN), W("samstag", DE), W("secondo", IT | PT), W("segunda", PT), W("sonntag", DE),
    W("sábado", ES | PT), W("saturday", EN), W("setembro", PT), W("september", EN | DE | NL),
    W("septembre", FR), W("settembre", IT), W("septiembre", ES)};
static const fw fw_t[] = {
    W("te", NL), W("to", EN), W("the", EN), W("tra", IT), W("than", EN), W("that", EN),
    W("they", EN), W("this", EN), W("tous", FR), W("tras", ES), W("tegen", NL), W("their", EN),
    W("there", EN), W("these", EN), W("those", EN), W("trois", FR), W("très", FR), W("terça", PT),
    W("toutes", FR), W("também", PT), W("tuesday", EN), W("también", ES), W("thursday", EN)};
static const fw fw_u[] = {
    W("um", PT), W("un", FR | ES | IT), W("uit", NL), W("uma", PT), W("una", ES | IT),
    W("und", DE), W("une", FR), W("uno", IT)};
static const fw fw_v[] = {
    W("van", NL), W("vom", DE), W("von", DE), W("voor", NL), W("vous", FR), W("viernes", ES),
    W("vrijdag", NL), W("vendredi", FR), W("venerdì", IT)};
static const fw fw_w[] = {
    W("we", EN), W("was", EN), W("who", EN), W("wie", DE), W("wir", DE), W("werd", NL),
    W("were", EN), W("will", EN), W("with", EN), W("which", EN), W("wordt", NL), W("would", EN),
    W("wurde", DE), W("werden", DE), W("worden", NL), W("wurden", DE), W("woensdag", NL),
    W("wednesday", EN)};
static const fw fw_y[] = {
    W("y", FR | ES), W("ya", ES)};
static const fw fw_z[] = {
    W("zu", DE), W("zum", DE), W("zur", DE), W("zich", NL), W("zijn", NL), W("zondag", NL),
    W("zaterdag", NL), W("zwischen", DE)};
static const fw fw_acc[] = {
    W("è", IT), W("é", PT), W("été", FR), W("être", FR), W("über", DE)};

#define FB(x) {x, sizeof x / sizeof x[0]}
static const struct {
    const fw *v;
    int n;
} fw_buckets[27] = {FB(fw_a), FB(fw_b), FB(fw_c), FB(fw_d), FB(fw_e), FB(fw_f), FB(fw_g),
                    FB(fw_h), FB(fw_i), FB(fw_j), {NULL, 0}, FB(fw_l), FB(fw_m), FB(fw_n),
                    FB(fw_o), FB(fw_p), FB(fw_q), {NULL, 0}, FB(fw_s), FB(fw_t), FB(fw_u),
                    FB(fw_v), FB(fw_w), {NULL, 0}, FB(fw_y), FB(fw_z), FB(fw_acc)};

/* bit l set: the bucket holds a word of l bytes (test_lang checks it) */
static const uint32_t fw_lens[27] = {0x1fe, 0x9c, 0x7c, 0x7fc, 0x7e, 0x3f8, 0x1e8, 0x7c, 0x1c, 0xf8, 0x0, 0xfc, 0x5fc, 0x33c, 0x9e, 0x18, 0x48, 0x0, 0x7fc, 0x1fc, 0xc, 0x198, 0x37c, 0x0, 0x6, 0x15c, 0x24};

static int bucket_of_first(const char *w) {
    unsigned char c0 = (unsigned char)w[0];
    return c0 >= 'a' && c0 <= 'z' ? c0 - 'a' : c0 == 0xC3 ? 26 : -1;
}

static unsigned word_mask(const char *w, size_t len) {
    int b = bucket_of_first(w);
    if (b < 0 || len > 31 || !(fw_lens[b] >> len & 1)) return 0;
    /* buckets are sorted by byte length, then bytes */
    const fw *v = fw_buckets[b].v;
    int lo = 0, hi = fw_buckets[b].n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        int c = v[mid].len != len ? (v[mid].len < len ? -1 : 1) : 0;
        for (size_t k = 0; !c && k < len; k++) /* short words: no library call */
            c = (int)(unsigned char)v[mid].w[k] - (int)(unsigned char)w[k];
        if (!c) return v[mid].mask;
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return 0;
}

static int ends(const char *w, size_t len, const char *suf, size_t k) {
    return len > k + 1 && !memcmp(w + len - k, suf, k);
}

#define ENDS(w, l, lit) ends(w, l, lit, sizeof(lit) - 1)

/* Word shapes that lean to a language: -ing, -ée, -ción, -zione, -ção, sch, ij.
 * One pass for the letter pairs, then suffixes chosen by the last byte. */
static void shape_cues(const char *w, size_t len, unsigned *score, unsigned *sent) {
#define ADD(l, v) (score[l] += (v), sent[l] += (v))
    if (len < 4) return;
    enum { TH = 1, GL = 2, LI = 4, ZZ = 8, NH = 16, SC = 32, CH = 64, IJ = 128 };
    unsigned f = 0;
    for (size_t i = 0; i + 1 < len; i++) {
        char a = w[i], b = w[i + 1];
        switch (b) {
            case 'h':
                f |= a == 't' ? TH : a == 'n' || a == 'l' ? NH : a == 'c' ? CH : 0;
                break;
            case 'l': f |= a == 'g' ? GL : 0; break;
            case 'i': f |= a == 'l' ? LI : 0; break;
            case 'z': f |= a == 'z' ? ZZ : 0; break;
            case 'c': f |= a == 's' ? SC : 0; break;
            case 'j': f |= a == 'i' ? IJ : 0; break;
            default: break;
        }
    }
    if (f & TH) ADD(1, 1);
    if ((f & GL) && (f & LI)) ADD(3, 1);
    if (f & ZZ) ADD(3, 1);
    if (f & NH) ADD(4, 1);
    if ((f & SC) && (f & CH)) ADD(5, 1), ADD(6, 1);
    if (f & IJ) ADD(6, 2);
    switch ((unsigned char)w[len - 1]) {
        case 'g':
            if (ENDS(w, len, "ing")) ADD(1, 3);
            else if (ENDS(w, len, "ung")) ADD(5, 2);
            break;
        case 'd':
            if (ENDS(w, len, "ed")) ADD(1, 1);
            else if (ENDS(w, len, "dad")) ADD(2, 2);
            else if (ENDS(w, len, "heid")) ADD(6, 3);
            break;
        case 0xA9: /* é */
            if (ENDS(w, len, "ée")) ADD(0, 2);
            break;
        case 's':
            if (ENDS(w, len, "ées") || ENDS(w, len, "és")) ADD(0, 2);
            else if (ENDS(w, len, "ciones")) ADD(2, 3);
            else if (ENDS(w, len, "dades")) ADD(2, 2);
            else if (ENDS(w, len, "ções") || ENDS(w, len, "ões")) ADD(4, 3);
            break;
        case 'x':
            if (ENDS(w, len, "eux")) ADD(0, 2);
            break;
        case 't':
            if (ENDS(w, len, "ait") || ENDS(w, len, "aient")) ADD(0, 2);
            break;
        case 'n':
            if (ENDS(w, len, "ción")) ADD(2, 3);
            else if (ENDS(w, len, "ungen")) ADD(5, 2);
            break;
        case 'e':
            if (ENDS(w, len, "zione")) ADD(3, 3);
            break;
        case 'i':
            if (ENDS(w, len, "zioni")) ADD(3, 3);
            break;
        case 0xA3: /* ã */
        case 0xB5: /* õ */
            if (ENDS(w, len, "ção") || ENDS(w, len, "ões")) ADD(4, 3);
            break;
        default: break;
    }
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
                unsigned rest = m & (m - 1); /* languages beyond the first */
                int k = !rest ? 1 : !(rest & (rest - 1)) ? 2 : 3;
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
