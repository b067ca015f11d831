#!/usr/bin/python3
"""Derive the compact, committed gazetteer files in data/ from ../shared/data.

Usage:  /usr/bin/python3 tools/derive_gazetteer.py --shared ../shared [--out data] [--no-iso]

Python 3 standard library only.  Output is deterministic (sorted rows,
gzip mtime 0, no file name in the gzip header).  See data/README.md.

Inputs (under <shared>/data):
  gazetteer/cities1000.txt               GeoNames cities1000 (2013, CC BY 3.0)
  gazetteer/cities15000_libgeonames.tsv  GeoNames cities15000 (2022, CC BY 4.0)
  gazetteer/names_by_lang.tsv            GeoNames names per language (CC BY 4.0)
  gazetteer/admin1.tsv                   GeoNames admin1 table (CC BY 4.0)
  gazetteer/countries.tsv                iso-codes ISO 3166-1 names (LGPL-2.1+)  [skipped with --no-iso]
  gazetteer/subdivisions.tsv             iso-codes ISO 3166-2 names (LGPL-2.1+)  [skipped with --no-iso]
  gazetteer-extra/wof_places.tsv.gz      Who's On First, 29 countries (CC0 + CC BY sources)
Hand-made (in the repository, see data/README.md):
  data/regions.tsv, data/exonyms.tsv
Optional (common_words.txt): /usr/share/dict/american-english-small
  (Debian wamerican-small) and /usr/share/dict/french (Debian wfrench).
"""
import argparse
import csv
import gzip
import math
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

csv.field_size_limit(1 << 30)

KINDS = ('country', 'admin1', 'admin2', 'region', 'city', 'other')
KIND_ORDER = {'country': 0, 'admin1': 1, 'admin2': 2, 'region': 3, 'city': 4, 'other': 5}

# Latin- and Arabic-script names are kept; other scripts are dropped.
LANGS_NB = ('en', 'fr', 'es', 'de', 'it', 'pt', 'tr', 'ar', 'fa')  # names_by_lang languages used
# (ru, uk are Cyrillic: dropped by the script filter anyway)

# ---------------------------------------------------------------- text utils
_APOS = "'’‘`´ʻʼʽʿʾ′‛"
_APOS_TR = {ord(c): "'" for c in _APOS}
_SEP_RE = re.compile(r"[\s\-‐‑‒–—_.]+")


def fold(s):
    """Accent-, case- and punctuation-insensitive key used for de-duplication."""
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(c for c in s if not unicodedata.combining(c))
    s = s.casefold().translate(_APOS_TR)
    s = s.replace('ı', 'i').replace('ø', 'o').replace('ł', 'l').replace('đ', 'd').replace('ß', 'ss')
    return _SEP_RE.sub(' ', s).strip()


_script_cache = {}


def _char_script(c):
    r = _script_cache.get(c)
    if r is None:
        if not c.isalpha():
            r = 'x'
        else:
            n = unicodedata.name(c, '')
            if n.startswith('LATIN') or n.startswith('MODIFIER LETTER'):
                r = 'L'
            elif n.startswith('ARABIC'):
                r = 'A'
            else:
                r = '?'
        _script_cache[c] = r
    return r


def script_of(s):
    """'L' (Latin), 'A' (Arabic) or None (other / mixed)."""
    found = set()
    for c in s:
        sc = _char_script(c)
        if sc == 'x':
            continue
        if sc == '?':
            return None
        found.add(sc)
    if len(found) != 1:
        return None
    return found.pop()


_CODE_RE = re.compile(r'^[A-Z]{2,4}$')
_BAD_CHARS = set('()[]{}/\\;:|?*!"<>=+@#$%^&~')
_WS_RE = re.compile(r'\s+')


def clean(s):
    s = _WS_RE.sub(' ', unicodedata.normalize('NFC', s)).strip()
    return s.strip(' ,')


def alias_ok(s):
    if len(s) < 2 or len(s) > 60:
        return False
    if _CODE_RE.match(s):
        return False
    for c in s:
        if c.isdigit() or c in _BAD_CHARS or c == ',':
            return False
    sc = script_of(s)
    if sc is None:
        return False
    if sc == 'L' and not any(c.isupper() for c in s):
        return False    # 'hlb', 'a lei po', 'mhafzt adlb': automatic transliterations
    return True


def uninvert(s):
    """'Syrienne, République arabe' -> 'République arabe Syrienne'."""
    if ',' not in s:
        return s
    a, b = s.split(',', 1)
    a, b = a.strip(), b.strip()
    if not a or not b or ',' in b:
        return None
    if b[-1] in _APOS:
        return b + a
    return b + ' ' + a


# generic words around admin names (compared after fold())
GEN_PREFIX = {
    'gouvernorat', 'governorate', 'province', 'provincia', 'region', 'oblast', 'departement',
    'department', 'departamento', 'district', 'prefecture', 'wilaya', 'wilayah', 'wilayat',
    'muhafazat', 'muhafazah', 'mohafazat', 'mohafazah', 'ostan', 'ostan e', 'estado', 'etat',
    'state', 'cercle', 'territoire', 'territory', 'municipalite', 'municipality', 'comte',
    'county', 'raion', 'rayon', 'raion de', 'canton', 'circonscription', 'commune', 'city',
    'ville', 'regiao', 'kraj', 'oblys', 'velayat', 'vilayet', 'qadaa', 'qada', 'caza', 'mintaqat',
    'daerah', 'kabupaten', 'provinsi', 'changwat', 'amphoe', 'sub district', 'subdistrict',
    'arrondissement', 'division', 'zone', 'prefectura', 'mudiriyat', 'mudiriyah', 'nahiyat',
    'liwa', 'liwa\'', 'eparchie', 'special region', 'autonomous region', 'autonomous republic',
    'autonomous community', 'capital region',
}
GEN_SUFFIX = {
    'governorate', 'province', 'oblast', 'oblast\'', 'region', 'district', 'state', 'department',
    'prefecture', 'county', 'municipality', 'division', 'territory', 'raion', 'rayon', 'krai',
    'kray', 'ili', 'il', 'ilcesi', 'cercle', 'zone', 'subdistrict', 'city', 'governate',
    'parish', 'canton', 'emirate', 'voivodeship', 'okrug', 'oblysy', 'velayaty', 'ostani',
    'shahrestan', 'woreda', 'zila', 'regional state', 'capital district', 'capital territory',
    'federal district', 'department of', 'mohafazat', 'special capital region', 'special region',
    'autonomous region', 'autonomous republic', 'capital region', 'metropolitan region',
}
CONNECTORS = {'de', 'du', 'des', 'de la', 'of', 'the', 'di', 'do', 'da', 'del', 'della', 'e', 'al', 'el', 'la'}
AR_PREFIX = ('محافظة ', 'مُحافظة ', 'ولاية ', 'مقاطعة ', 'منطقة ', 'إقليم ', 'اقليم ', 'قضاء ', 'مديرية ',
             'استان ', 'ناحية ', 'شهرستان ', 'إمارة ', 'امارة ')
# bare forms that would be generic words, never emitted as stand-alone aliases
GENERIC_BARE = {
    'north', 'south', 'east', 'west', 'central', 'centre', 'center', 'northern', 'southern',
    'eastern', 'western', 'nord', 'sud', 'est', 'ouest', 'upper', 'lower', 'capital', 'middle',
    'north east', 'north west', 'south east', 'south west', 'northeast', 'northwest', 'southeast',
    'southwest', 'far north', 'extreme nord', 'far west', 'mid west', 'midwest', 'coast', 'littoral',
    'highlands', 'islands', 'island', 'federal', 'national', 'autonomous', 'special', 'metropolitan',
    'grand', 'greater', 'interior', 'frontier', 'border', 'lakes', 'plateau', 'plateaux', 'savanes',
    'cascades', 'mountain', 'mountains', 'valley', 'coastal', 'delta', 'river', 'lake', 'sea',
    'centre nord', 'centre sud', 'centre est', 'centre ouest', 'haut', 'bas', 'moyen', 'new',
    'old', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth',
    'tenth', 'eleventh', 'twelfth', 'premiere', 'deuxieme', 'troisieme', 'quatrieme', 'cinquieme',
    'sixieme', 'septieme', 'huitieme', 'neuvieme', 'dixieme', 'al', 'el', 'ar', 'as', 'an', 'ad', 'at', 'az', 'ash', 'ad dakhiliyah',
}


def bare_name(s):
    """Strip generic admin words: 'Idlib Governorate' -> 'Idlib', "Gouvernorat d'Idleb" -> 'Idleb'."""
    if script_of(s) == 'A':
        for p in AR_PREFIX:
            if s.startswith(p) and len(s) > len(p) + 1:
                return s[len(p):].strip()
        return None
    words = s.split(' ')
    changed = False
    # prefixes (one or two words)
    for n in (2, 1):
        if len(words) > n and fold(' '.join(words[:n])) in GEN_PREFIX:
            words = words[n:]
            changed = True
            # connectors
            while len(words) > 1 and fold(words[0]) in CONNECTORS and fold(words[0]) not in ('al', 'el', 'la'):
                words = words[1:]
            if len(words) > 1 and fold(words[0]) == 'la' and fold(words[0] + ' ' + words[1]) != '':
                pass
            w0 = words[0]
            for ap in ("d'", "d’", "l'", "l’", "D'", "D’", "L'", "L’"):
                if w0.startswith(ap) and len(w0) > 3:
                    words[0] = w0[len(ap):]
                    break
            break
    for n in (3, 2, 1):
        if len(words) > n and fold(' '.join(words[-n:])) in GEN_SUFFIX:
            words = words[:-n]
            changed = True
            break
    if not changed:
        return None
    b = ' '.join(words).strip(" -,'’")
    if len(b) < 2 or fold(b) in GENERIC_BARE:
        return None
    return b


DEMONYM_RE = re.compile(r'(ian|ese|ish|ean|an|i|ic|ine|ino|ais|ien|ienne|aise)$')
DEMONYM_EXTRA = {'turk', 'thai', 'naija', 'burkinabe', 'burkinafaso', 'bengali', 'filipino', 'philippine'}


# ---------------------------------------------------------------- places
class Place:
    __slots__ = ('gid', 'kind', 'cc', 'a1', 'lat', 'lon', 'pop', 'feat', 'name', 'al', 'seen', 'uid', 'tier')

    def __init__(self, uid, gid, kind, cc, a1, lat, lon, pop, feat, name):
        self.uid = uid
        self.gid = gid or ''
        self.kind = kind
        self.cc = cc
        self.a1 = a1 or ''
        self.lat = lat
        self.lon = lon
        self.pop = pop or 0
        self.feat = feat
        self.name = clean(name)
        self.al = []
        self.tier = []
        self.seen = {fold(self.name)}

    def add(self, s, bare=False, tier=0):
        if not s:
            return
        s = clean(s)
        if not alias_ok(s):
            return
        k = fold(s)
        if k and k not in self.seen:
            self.seen.add(k)
            self.al.append(s)
            self.tier.append(tier)
        if bare:
            b = bare_name(s)
            if b:
                self.add(b, tier=tier)

    def add_many(self, lst, bare=False, tier=0):
        for s in lst:
            self.add(s, bare, tier)


def haversine_km(la1, lo1, la2, lo2):
    p1, p2 = math.radians(la1), math.radians(la2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def fnum(x):
    if x is None or x == '':
        return ''
    s = '%.5f' % round(float(x), 5)
    s = s.rstrip('0').rstrip('.')
    if s in ('-0', ''):
        s = '0'
    return s


def toint(x):
    try:
        return int(float(x)) if x not in ('', None) else 0
    except ValueError:
        return 0


def read_tsv(path, header=True):
    with open(path, encoding='utf-8', newline='') as f:
        first = True
        for line in f:
            line = line.rstrip('\n')
            if first and header:
                first = False
                continue
            yield line.split('\t')


def split_bar(s):
    return [x for x in s.split('|') if x] if s else []


# ---------------------------------------------------------------- main build
def build(shared, use_iso=True, log=sys.stderr):
    g = os.path.join(shared, 'data', 'gazetteer')
    gx = os.path.join(shared, 'data', 'gazetteer-extra')

    # names_by_lang: key -> [(lang, name)]
    nbl = defaultdict(list)
    for r in read_tsv(os.path.join(g, 'names_by_lang.tsv')):
        if len(r) >= 3 and r[1] in LANGS_NB:
            nbl[r[0]].append((r[1], r[2]))
    # order: en, fr, then the rest in LANGS_NB order
    for k in nbl:
        nbl[k].sort(key=lambda t: LANGS_NB.index(t[0]))

    # ---------------- admin1
    admin1 = {}          # key -> Place
    remap = {}           # raw key -> 2022 key ('' = unknown)
    for r in read_tsv(os.path.join(g, 'admin1.tsv')):
        cc, code, en, _gid, src, sgid, sname, slat, slon, nrows, rec, _ev = (r + [''] * 12)[:12]
        key = cc + '.' + code
        if rec:
            remap[key] = cc + '.' + rec
            continue
        if not en:
            remap[key] = ''
            continue
        p = Place(('a1', key), '', 'admin1', cc, key, slat or None, slon or None, 0, 'ADM1', en)
        p.add(en, bare=True)
        for lang, nm in nbl.get(key, ()):
            p.add(nm, bare=True)
        admin1[key] = p

    def a1key(cc, code):
        if not code:
            return ''
        k = cc + '.' + code
        if k in admin1:
            return k
        k2 = remap.get(k, '')
        return k2 if k2 in admin1 else ''

    # ---------------- cities (GeoNames)
    c15 = {}
    for r in read_tsv(os.path.join(g, 'cities15000_libgeonames.tsv')):
        gid, name, a1c, a1n, cc, cn, tz, pop, lat, lon = r[:10]
        c15[gid] = (name, a1c, cc, toint(pop), lat, lon)

    cities = {}  # gid -> Place
    for r in read_tsv(os.path.join(g, 'cities1000.txt'), header=False):
        gid, name, ascii_, alts, lat, lon, fcl, fcode, cc, cc2, a1c = r[:11]
        pop = toint(r[14])
        if gid in c15:
            n15, a15, cc15, pop15, lat15, lon15 = c15[gid]
            p = Place(('g', gid), gid, 'city', cc15 or cc, a1key(cc15 or cc, a15) or a1key(cc, a1c),
                      lat15 or lat, lon15 or lon, pop15 or pop, fcode or 'PPL', n15)
            p.add(name)
        else:
            p = Place(('g', gid), gid, 'city', cc, a1key(cc, a1c), lat, lon, pop, fcode or 'PPL', name)
        for lang, nm in nbl.get(gid, ()):
            if lang in ('en', 'fr'):
                p.add(nm)
        p.add(ascii_)
        for lang, nm in nbl.get(gid, ()):
            p.add(nm)
        p.add_many(alts.split(','))
        cities[gid] = p
    n_c1000 = len(cities)
    for gid, (n15, a15, cc15, pop15, lat15, lon15) in sorted(c15.items()):
        if gid in cities:
            continue
        p = Place(('g', gid), gid, 'city', cc15, a1key(cc15, a15), lat15, lon15, pop15, 'PPL', n15)
        for lang, nm in nbl.get(gid, ()):
            p.add(nm)
        cities[gid] = p
    print('cities1000 rows %d, + cities15000-only %d' % (n_c1000, len(cities) - n_c1000), file=log)

    # seat coordinates fallback handled later (WOF centroid, then mean of cities)

    # ---------------- WOF
    wof = []
    with gzip.open(os.path.join(gx, 'wof_places.tsv.gz'), 'rt', encoding='utf-8', newline='') as f:
        rd = csv.reader(f, delimiter='\t', quoting=csv.QUOTE_NONE)
        hdr = next(rd)
        ix = {h: i for i, h in enumerate(hdr)}
        for r in rd:
            d = {h: r[i] for h, i in ix.items()}
            if d['deprecated'] or d['superseded_by'] or d['is_current'] == '0':
                continue
            wof.append(d)
    print('WOF rows kept (current, not deprecated/superseded): %d' % len(wof), file=log)

    def wof_names(d, with_ara=True):
        out = []
        for k in ('gn_name', 'name', 'names_eng', 'names_fra', 'gn_asciiname', 'names_und'):
            out.extend(split_bar(d[k]) if k.startswith('names') else ([d[k]] if d[k] else []))
        if with_ara:
            out.extend(split_bar(d['names_ara']))
        return out

    # votes: WOF area id -> Counter(admin1 key) from localities that are GeoNames cities
    votes = defaultdict(Counter)
    for d in wof:
        if d['placetype'] == 'locality' and d['gn_id'] in cities:
            a = cities[d['gn_id']].a1
            if a:
                for k in ('region_id', 'county_id', 'localadmin_id'):
                    if d[k] and d[k] != '-1':
                        votes[d[k]][a] += 1

    def vote(wid):
        c = votes.get(wid)
        if not c:
            return ''
        (a, n), = c.most_common(1)
        return a if n * 2 > sum(c.values()) else ''

    # admin1 name index per country
    a1idx = defaultdict(set)
    for key, p in admin1.items():
        for s in [p.name] + p.al:
            a1idx[(p.cc, fold(s))].add(key)

    regions = [d for d in wof if d['placetype'] == 'region']
    region_a1 = {}       # wof id -> admin1 key (merged or containing)
    merged = {}          # admin1 key -> wof region row (name-matched first)
    cand = {}
    for d in sorted(regions, key=lambda d: int(d['wof_id'])):
        names = wof_names(d)
        hits = set()
        for s in names:
            for t in (s, bare_name(s)):
                if t:
                    hits |= a1idx.get((d['iso2'], fold(t)), set())
        v = vote(d['wof_id'])
        if len(hits) == 1:
            cand[d['wof_id']] = (hits.pop(), 'name')
        elif len(hits) > 1 and v in hits:
            cand[d['wof_id']] = (v, 'name')
        elif v:
            cand[d['wof_id']] = (v, 'vote')
    # name matches win; a vote match merges only when it is the only claimant
    claim = defaultdict(list)
    for wid, (key, how) in cand.items():
        claim[key].append((0 if how == 'name' else 1, int(wid), wid))
    wof_by_id = {d['wof_id']: d for d in wof}
    region_as_admin2 = []
    for key, lst in claim.items():
        lst.sort()
        best = lst[0]
        if best[0] == 0 or len(lst) == 1:
            merged[key] = wof_by_id[best[2]]
            rest = lst[1:]
        else:
            rest = lst
        for _, _, wid in rest:
            region_as_admin2.append(wof_by_id[wid])
        for _, _, wid in lst:
            region_a1[wid] = key
    for d in regions:
        if d['wof_id'] not in cand:
            region_as_admin2.append(d)
    for key, d in merged.items():
        p = admin1[key]
        if d['gn_id'] and not p.gid:
            p.gid = d['gn_id']
        if p.lat is None:
            p.lat, p.lon = d['latitude'], d['longitude']
        for k, t in (('gn_name', 1), ('name', 1), ('names_eng', 1), ('names_fra', 1), ('gn_asciiname', 1),
                     ('names_ara', 1), ('names_und', 2)):
            p.add_many(split_bar(d[k]) if k.startswith('names') else [d[k]], bare=True, tier=t)
    print('WOF regions: %d merged into admin1, %d kept as admin2' % (len(merged), len(region_as_admin2)), file=log)

    def a1_of(d):
        for k in ('region_id',):
            w = d[k]
            if w and w in region_a1:
                return region_a1[w]
        for k in ('county_id', 'localadmin_id', 'region_id', 'parent_id'):
            w = d[k]
            if w and w != '-1':
                v = vote(w)
                if v:
                    return v
        return ''

    places = []
    # admin2: county, localadmin, unmerged regions
    for d in region_as_admin2 + [d for d in wof if d['placetype'] in ('county', 'localadmin')]:
        key = region_a1.get(d['wof_id']) or vote(d['wof_id']) or a1_of(d)
        nm = d['gn_name'] or d['name']
        p = Place(('w', d['wof_id']), d['gn_id'], 'admin2', d['iso2'], key, d['latitude'], d['longitude'],
                  toint(d['gn_population']), d['gn_feature_code'] or d['placetype'], nm)
        p.add_many(wof_names(d), bare=True)
        places.append(p)
    # macroregion -> region, campus -> other
    for d in wof:
        if d['placetype'] in ('macroregion', 'campus'):
            kind = 'region' if d['placetype'] == 'macroregion' else 'other'
            p = Place(('w', d['wof_id']), d['gn_id'], kind, d['iso2'], a1_of(d), d['latitude'], d['longitude'],
                      toint(d['gn_population']), d['gn_feature_code'] or d['placetype'], d['gn_name'] or d['name'])
            p.add_many(wof_names(d))
            places.append(p)
    # localities, neighbourhoods
    n_merge = n_new = 0
    for d in wof:
        if d['placetype'] not in ('locality', 'neighbourhood'):
            continue
        gid = d['gn_id']
        if gid and gid in cities:
            p = cities[gid]
            if not p.pop and toint(d['gn_population']):
                p.pop = toint(d['gn_population'])
            p.add_many(wof_names(d))
            n_merge += 1
            continue
        p = Place(('w', d['wof_id']), gid, 'city', d['iso2'], a1_of(d), d['latitude'], d['longitude'],
                  toint(d['gn_population']), d['gn_feature_code'] or d['placetype'], d['gn_name'] or d['name'])
        p.add_many(wof_names(d))
        if gid:
            cities[gid] = p
        else:
            places.append(p)
        n_new += 1
    print('WOF localities/neighbourhoods: %d merged into GeoNames rows, %d new' % (n_merge, n_new), file=log)
    places.extend(cities.values())

    # WOF places still without admin1 (no region in the hierarchy, or a region that
    # does not match a 2022 GeoNames admin1, e.g. the 11 old CD provinces): take the
    # admin1 of the nearest place of the same country that has one (0.25 degree grid,
    # searched up to about 1 degree away).  Approximate near admin borders.
    grid = defaultdict(list)
    for q in places:
        if q.a1 and q.kind == 'city' and q.lat not in (None, ''):
            la, lo = float(q.lat), float(q.lon)
            grid[(q.cc, int(math.floor(la * 4)), int(math.floor(lo * 4)))].append((la, lo, q.a1))
    n_nn = 0
    for q in places:
        if q.a1 or q.kind not in ('city', 'admin2', 'other') or q.lat in (None, ''):
            continue
        la, lo = float(q.lat), float(q.lon)
        gi, gj = int(math.floor(la * 4)), int(math.floor(lo * 4))
        best = None
        for rad in range(0, 5):
            for di in range(-rad, rad + 1):
                for dj in range(-rad, rad + 1):
                    if max(abs(di), abs(dj)) != rad:
                        continue
                    for la2, lo2, a in grid.get((q.cc, gi + di, gj + dj), ()):
                        dd = (la2 - la) ** 2 + ((lo2 - lo) * math.cos(math.radians(la))) ** 2
                        if best is None or (dd, a) < best:
                            best = (dd, a)
            if best is not None and rad >= 1:
                break
        if best is not None:
            q.a1 = best[1]
            n_nn += 1
    print('admin1 filled from the nearest place: %d' % n_nn, file=log)

    # District seats: Who's On First gives a district's centroid, while news and
    # event data place a district at its headquarters town, which most often bears
    # the district's name (Ziarat, Loralai, Douentza). A town of the same folded
    # name in the same country and division, within 60 km of the centroid, lends
    # the district its coordinates (the most populous such town).
    towns = defaultdict(list)
    for q in places:
        if q.kind == 'city' and q.lat not in (None, ''):
            towns[(q.cc, fold(q.name))].append(q)
    n_seat = 0
    for q in places:
        if q.kind != 'admin2' or q.lat in (None, ''):
            continue
        la, lo = float(q.lat), float(q.lon)
        best = None
        # the full name first, then the bare one (a set's order varies between runs)
        for nm in dict.fromkeys((q.name, bare_name(q.name) or q.name)):
            for t in towns.get((q.cc, fold(nm)), ()):
                if q.a1 and t.a1 and t.a1 != q.a1:
                    continue
                if haversine_km(la, lo, float(t.lat), float(t.lon)) > 60:
                    continue
                if best is None or (t.pop or 0) > (best.pop or 0):
                    best = t
        if best is not None:
            q.lat, q.lon = best.lat, best.lon
            n_seat += 1
    print('district seats from a town of the same name: %d' % n_seat, file=log)

    # ---------------- ISO 3166-2 names for admin1 (iso-codes, LGPL)
    if use_iso:
        iso = defaultdict(list)
        for r in read_tsv(os.path.join(g, 'subdivisions.tsv')):
            code, typ, lang, nm, parent = (r + [''] * 5)[:5]
            iso[code].append((lang, nm))
        n_iso = 0
        for code in sorted(iso):
            cc = code.split('-')[0]
            hits = set()
            for lang, nm in iso[code]:
                for t in (nm, bare_name(nm)):
                    if t:
                        hits |= a1idx.get((cc, fold(t)), set())
            if len(hits) == 1:
                p = admin1[hits.pop()]
                for lang, nm in sorted(iso[code], key=lambda t: (t[0] not in ('local', 'en', 'fr'), t[0])):
                    p.add(nm, bare=True, tier=1)
                n_iso += 1
        print('ISO 3166-2 entries matched to admin1: %d' % n_iso, file=log)

    # ---------------- an alias shared by several admin1 of one country stays only
    # where it comes from the best source (GeoNames < WOF eng/fra/ara, ISO < WOF und);
    # a division's own name always wins ('Dimashq' is not left on Rif Dimashq).
    share = defaultdict(list)
    for key, p in admin1.items():
        share[(p.cc, fold(p.name))].append((-1, key))
        for a, t in zip(p.al, p.tier):
            share[(p.cc, fold(a))].append((t, key))
    drop = defaultdict(set)
    n_drop = 0
    for (cc, f), lst in share.items():
        if len(lst) > 1:
            m = min(t for t, _ in lst)
            for t, key in lst:
                if t > m:
                    drop[key].add(f)
                    n_drop += 1
    for key, fs in drop.items():
        p = admin1[key]
        keep = [(a, t) for a, t in zip(p.al, p.tier) if fold(a) not in fs]
        p.al = [a for a, _ in keep]
        p.tier = [t for _, t in keep]
    print('admin1 aliases dropped as ambiguous within a country: %d' % n_drop, file=log)

    # ---------------- admin1 coordinates fallback: mean of its cities
    acc = defaultdict(list)
    for p in cities.values():
        if p.a1:
            acc[p.a1].append(p)
    for key, p in admin1.items():
        if p.lat is None:
            lst = acc.get(key)
            if lst:
                best = max(lst, key=lambda q: (q.pop, q.feat.startswith('PPLA'), q.gid))
                p.lat, p.lon = best.lat, best.lon

    # ---------------- countries
    cnames = defaultdict(list)  # cc -> [(lang, name, kind)]
    if use_iso:
        for r in read_tsv(os.path.join(g, 'countries.tsv')):
            iso2, iso3, lang, nm, kind = (r + [''] * 5)[:5]
            cnames[iso2].append((lang, nm, kind))
    ccs = set(k for k in nbl if re.fullmatch(r'[A-Z]{2}', k)) | set(cnames)
    wofc = {}
    for d in wof:
        if d['placetype'] == 'country' and d['is_current'] == '1' and d['gn_id']:
            wofc[d['iso2']] = d
    bycc = defaultdict(list)
    for p in cities.values():
        bycc[p.cc].append(p)
    countries = {}
    for cc in sorted(ccs):
        en = [nm for lang, nm in nbl.get(cc, ()) if lang == 'en']
        common = [nm for lang, nm, k in cnames.get(cc, ()) if lang == 'en' and 'common_name' in k]
        name = COUNTRY_NAME_OVERRIDE.get(cc) or (en[0] if en else (common[0] if common else None))
        if not name:
            isoname = [nm for lang, nm, k in cnames.get(cc, ()) if lang == 'en']
            name = uninvert(isoname[0]) if isoname else cc
        d = wofc.get(cc)
        lat = lon = None
        feat = 'PCL'
        gid = ''
        if d:
            lat, lon, gid = d['latitude'], d['longitude'], d['gn_id']
            feat = d['gn_feature_code'] or 'PCL'
        elif bycc.get(cc):
            lst = bycc[cc]
            lat = sum(float(q.lat) for q in lst) / len(lst)
            sx = sum(math.cos(math.radians(float(q.lon))) for q in lst)
            sy = sum(math.sin(math.radians(float(q.lon))) for q in lst)
            lon = math.degrees(math.atan2(sy, sx))
        pop = sum(q.pop for q in bycc.get(cc, ()))
        p = Place(('c', cc), gid, 'country', cc, '', lat, lon, 0, feat, name)
        for lang, nm in nbl.get(cc, ()):
            p.add(nm)
        for lang, nm, k in sorted(cnames.get(cc, ()), key=lambda t: (t[0] not in ('en', 'fr'), t[0], t[2], t[1])):
            u = uninvert(nm)
            if u:
                p.add(u)
        for s in COUNTRY_EXTRA.get(cc, ()):
            p.add(s)
        if d:
            isonames = {fold(x) for x in [p.name] + p.al}
            for s in wof_names(d):
                f = fold(s)
                if f not in isonames and ' ' not in f and (DEMONYM_RE.search(f) or f in DEMONYM_EXTRA):
                    continue
                p.add(s)
        countries[cc] = p
        _ = pop
    places.extend(countries.values())
    places.extend(admin1.values())
    return places, countries, admin1


# ---------------------------------------------------------------- hand-made additions
# data/regions.tsv: regions, areas, camps, bases, crossings, roads and a few populated
# places missing from the sources (rows appended, geonameid empty).
# data/exonyms.tsv: extra aliases for existing rows.  Key: a GeoNames id (its city
# rows, else every row with that id), an admin1 key `CC.code`, or `CC:Name` (rows of
# country CC whose canonical name is Name, for rows without a GeoNames id).
# Both files are hand-written (see data/README.md).  A key or admin1 code that matches
# nothing is an error, so the files cannot silently rot when the sources change.
HAND_KINDS = ('region', 'other', 'city')


def hand_alias_ok(s):
    """Curated strings: like alias_ok, but digits (M4 highway), upper-case codes and
    ampersand abbreviations (J&K) are allowed."""
    if len(s) < 2 or len(s) > 60:
        return False
    if any((c in _BAD_CHARS and c != '&') or c == ',' for c in s):
        return False
    return script_of(s) is not None


def hand_add(p, s):
    s = clean(s)
    if not s or not hand_alias_ok(s):
        raise SystemExit('hand-made alias rejected: %r (row %s)' % (s, p.name))
    k = fold(s)
    if k not in p.seen:
        p.seen.add(k)
        p.al.append(s)
        p.tier.append(0)


def merge_handmade(places, countries, admin1, hand_dir, log=sys.stderr):
    n_reg = 0
    path = os.path.join(hand_dir, 'regions.tsv')
    rows = list(read_tsv(path))
    for i, r in enumerate(rows, 2):
        if len(r) != 9:
            raise SystemExit('%s:%d: expected 9 columns, got %d' % (path, i, len(r)))
        name, kind, cc, a1, lat, lon, feat, aliases, _src = r
        if kind not in HAND_KINDS:
            raise SystemExit('%s:%d: bad kind %r' % (path, i, kind))
        if cc and cc not in countries:
            raise SystemExit('%s:%d: unknown country %r' % (path, i, cc))
        if a1 and (a1 not in admin1 or not a1.startswith(cc + '.')):
            raise SystemExit('%s:%d: unknown admin1 %r for %r' % (path, i, a1, cc))
        la, lo = float(lat), float(lon)
        if not (-90 <= la <= 90 and -180 <= lo <= 180):
            raise SystemExit('%s:%d: bad coordinates' % (path, i))
        if not hand_alias_ok(clean(name)):
            raise SystemExit('%s:%d: bad name %r' % (path, i, name))
        p = Place(('h', '%05d' % i), '', kind, cc, a1, lat, lon, 0, feat or 'RGN', name)
        for s in split_bar(aliases):
            hand_add(p, s)
        places.append(p)
        n_reg += 1
    by_gid = defaultdict(list)
    by_name = defaultdict(list)
    for q in places:
        if q.gid:
            by_gid[q.gid].append(q)
        else:
            by_name[(q.cc, q.name)].append(q)
    n_ex = n_al = 0
    path = os.path.join(hand_dir, 'exonyms.tsv')
    for i, r in enumerate(read_tsv(path), 2):
        if len(r) < 2:
            raise SystemExit('%s:%d: expected key and aliases' % (path, i))
        key, aliases = r[0], r[1]
        if re.fullmatch(r'[0-9]+', key):
            lst = by_gid.get(key, [])
            cities = [q for q in lst if q.kind == 'city']
            targets = cities or lst
        elif re.fullmatch(r'[A-Z]{2}\.[0-9A-Za-z]+', key):
            targets = [admin1[key]] if key in admin1 else []
        elif re.fullmatch(r'[A-Z]{2}:.+', key):
            targets = by_name.get((key[:2], key[3:]), [])
        else:
            targets = []
        if not targets:
            raise SystemExit('%s:%d: key %r matches no row' % (path, i, key))
        for q in targets:
            before = len(q.al)
            for s in split_bar(aliases):
                hand_add(q, s)
            n_al += len(q.al) - before
        n_ex += 1
    print('hand-made: %d regions.tsv rows, %d exonyms.tsv keys adding %d aliases' % (n_reg, n_ex, n_al), file=log)
    return n_reg, n_ex, n_al


COUNTRY_NAME_OVERRIDE = {
    'KR': 'South Korea', 'KP': 'North Korea', 'CD': 'DR Congo', 'CG': 'Republic of the Congo',
}
# common short forms not in the sources (English/French news usage)
COUNTRY_EXTRA = {
    'KR': ('Corée du Sud',), 'KP': ('Corée du Nord',),
    'CD': ('RDC', 'RD Congo', 'Congo-Kinshasa', 'DRC'),
    'CG': ('Congo-Brazzaville',),
    'CF': ('Centrafrique',), 'US': ('USA', 'Etats-Unis', 'États-Unis', 'United States of America'),
    'GB': ('UK', 'Royaume-Uni', 'Grande-Bretagne', 'Britain', 'Great Britain'),
    'AE': ('UAE', 'EAU', 'Émirats arabes unis', 'Emirats'),
    'PS': ('Palestinian territories', 'Territoires palestiniens'),
    'SS': ('Soudan du Sud',), 'MM': ('Birmanie', 'Burma'), 'CI': ("Côte d'Ivoire", 'Ivory Coast'),
    'TR': ('Türkiye', 'Turkiye'), 'RU': ('Russie', 'Russian Federation'),
}


def sort_key(p):
    return (KIND_ORDER[p.kind], p.cc, (p.a1 if p.kind in ('admin1', 'admin2') else ''), -p.pop,
            fold(p.name), p.name, p.gid, str(p.uid))


def write_places(places, path):
    places = sorted(places, key=sort_key)
    hdr = ['geonameid', 'kind', 'country', 'admin1', 'lat', 'lon', 'population', 'feature', 'name', 'aliases']
    lines = ['\t'.join(hdr)]
    for p in places:
        al = [a for a in p.al if a != p.name]
        lines.append('\t'.join([p.gid, p.kind, p.cc, p.a1, fnum(p.lat), fnum(p.lon), str(int(p.pop)),
                                p.feat, p.name.replace('\t', ' '), '|'.join(al)]))
    data = ('\n'.join(lines) + '\n').encode('utf-8')
    with open(path, 'wb') as raw:
        with gzip.GzipFile(filename='', mode='wb', compresslevel=9, fileobj=raw, mtime=0) as gz:
            gz.write(data)
    return places, len(data)


# ---------------------------------------------------------------- common words
MONTHS_DAYS = """january february march april may june july august september october november december
janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi samedi dimanche""".split()
GENERIC_NOUNS = """province provinces region regions city cities district districts village villages town towns
north south east west northern southern eastern western central centre center nord sud est ouest
northeast northwest southeast southwest north-east north-west south-east south-west
capital state states county department country countries area areas zone zones camp camps border borders
governorate oblast territory territories municipality commune locality neighbourhood neighborhood
valley river lake mountain mountains hill hills island islands coast sea desert road highway bridge
airport port base station market mosque church hospital school university prison checkpoint
ville villes village quartier localite localites gouvernorat departement pays frontiere frontieres
camp region regions riviere fleuve lac montagne colline ile iles cote mer desert route pont aeroport
marche mosquee eglise hopital ecole universite prison barrage capitale banlieue faubourg
union mission bar police army armee new old saint sainte grand grande petit petite haut bas
upper lower middle great little point mount fort""".split()
# frequent French words not in the sources' small lists (function words and news vocabulary)
FRENCH_FREQUENT = """le la les un une des du de au aux et ou mais donc or ni car que qui quoi dont ou
ce cet cette ces son sa ses leur leurs mon ma mes ton ta tes notre nos votre vos il elle ils elles on nous vous
je tu me te se lui y en ne pas plus moins tres bien mal tout tous toute toutes autre autres meme memes
sur sous dans par pour avec sans vers chez entre contre depuis pendant avant apres selon lors
a est sont ete etait fut sera avoir etre fait faire dit dire va vont peut
ans an jour jours mois semaine heure heures nuit matin soir hier demain aujourd'hui
mort morts tue tues blesse blesses civil civils soldat soldats attaque attaques combat combats
feu tir tirs bombe frappe frappes raid guerre paix armee force forces groupe groupes chef
president ministre etat gouvernement pouvoir loi parti vote election
homme hommes femme femmes enfant enfants famille gens peuple population
rue place maison centre bureau marche port pont camp base poste mont lac col
bon bonne beau belle fort forte grand grande petit petite nouveau nouvelle vieux vieille
noir noire blanc blanche rouge vert verte bleu
premier premiere dernier derniere seul seule deux trois quatre cinq six sept huit neuf dix cent mille
source sources selon rapport presse agence
or argent fer sel eau terre pierre bois
roi reine prince saint paris""".split()


def write_common_words(path, places, countries, log):
    # all single- and multi-word place-name forms, folded
    protect = set()
    for p in countries.values():
        protect.add(fold(p.name))
        protect.update(fold(a) for a in p.al)
    for p in places:
        if p.kind == 'city' and p.feat == 'PPLC':
            protect.add(fold(p.name))
            protect.update(fold(a) for a in p.al if script_of(a) == 'L')
    names = set()
    for p in places:
        names.add(fold(p.name))
        for a in p.al:
            if script_of(a) == 'L':
                names.add(fold(a))
    words = set()
    src = []
    en_path = '/usr/share/dict/american-english-small'
    fr_path = '/usr/share/dict/french'
    if os.path.exists(en_path):
        src.append(en_path)
        with open(en_path, encoding='utf-8', errors='replace') as f:
            for w in f:
                w = w.strip()
                if not w or not w.islower() or "'" in w:
                    continue
                k = fold(w)
                if len(k) >= 3 and k in names and k not in protect:
                    words.add(k)
    else:
        print('note: %s missing (apt-get install wamerican-small)' % en_path, file=log)
    frset = set()
    if os.path.exists(fr_path):
        src.append(fr_path)
        with open(fr_path, encoding='utf-8', errors='replace') as f:
            for w in f:
                w = w.strip()
                if w and w.islower():
                    frset.add(fold(w))
    else:
        print('note: %s missing (apt-get install wfrench)' % fr_path, file=log)
    # French: only words of the embedded frequent list (the Debian list has no frequencies);
    # wfrench is used only to confirm that they are French words.
    for w in FRENCH_FREQUENT:
        k = fold(w)
        if len(k) >= 2 and k in names and k not in protect and (not frset or k in frset):
            words.add(k)
    for w in MONTHS_DAYS + GENERIC_NOUNS:
        words.add(fold(w))
    out = sorted(words)
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        for w in out:
            f.write(w + '\n')
    return out, src


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--shared', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared'))
    ap.add_argument('--out', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data'))
    ap.add_argument('--no-iso', action='store_true', help='do not use iso-codes (LGPL) names')
    ap.add_argument('--hand', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data'),
                    help='directory of the hand-made regions.tsv and exonyms.tsv (default: data/)')
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    places, countries, admin1 = build(a.shared, use_iso=not a.no_iso)
    merge_handmade(places, countries, admin1, a.hand)
    path = os.path.join(a.out, 'places.tsv.gz')
    places, nraw = write_places(places, path)
    log = sys.stderr
    kinds = Counter(p.kind for p in places)
    nal = sum(len([x for x in p.al if x != p.name]) for p in places)
    print('rows: %d  (%s)' % (len(places), ', '.join('%s %d' % (k, kinds[k]) for k in KINDS)), file=log)
    print('aliases: %d' % nal, file=log)
    scripts = Counter(script_of(x) for p in places for x in p.al)
    print('aliases by script: %s' % dict(scripts), file=log)
    print('bytes: raw %d, gz %d' % (nraw, os.path.getsize(path)), file=log)
    bycc = Counter(p.cc for p in places)
    print('rows per country (top 40): ' + ', '.join('%s %d' % kv for kv in bycc.most_common(40)), file=log)
    words, src = write_common_words(os.path.join(a.out, 'common_words.txt'), places, countries, log)
    print('common_words: %d (sources: %s)' % (len(words), ', '.join(src) or 'embedded only'), file=log)


if __name__ == '__main__':
    main()
