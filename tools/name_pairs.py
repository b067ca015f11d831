#!/usr/bin/python3
"""Build name-matching pairs for countries outside the eval's dev set.

  /usr/bin/python3 tools/name_pairs.py [--out DIR] [--countries SY,IQ,...] [--seed N]
  /usr/bin/python3 /work/shared/eval/score_names.py --ext DIST/conflict --data DIR/pairs_sealedlike.tsv

Our own measurement set, made from the gazetteer data the project ships
(GeoNames cities1000 and the Who's On First localities of the conflict
countries), for countries absent from the dev pairs (Arabic, Persian, Pashto,
Somali and French-Sahel romanizations by default). Same format and protocol as
the eval's name_pairs_*.tsv:

  positive pair  two distinct Latin-script spellings (not all lower case) of one place (at most
                 three pairs per place)
  negative pair  one Latin-script name each of two different places of the same
                 country more than 20 km apart (as many as positives, per
                 country and source)

Files written to DIR (default /tmp/names3):
  pairs_sealedlike.tsv      both sources
  pairs_sealedlike_gn.tsv   GeoNames cities1000 only (the dev set's protocol)
  pairs_sealedlike_wof.tsv  WOF localities not in cities1000 (names_eng,
                            names_fra, names_und, name and the GeoNames names of
                            one record; at most --wof-places per country)
  pairs_sealedlike_ar.tsv   Arabic-script name vs Latin-script name of one
                            place, and of two places (WOF names_ara)
Columns: country geonameid_a geonameid_b name_a name_b same_place source.
The generated files are large and derived: do not commit them.
"""
import argparse, csv, gzip, math, os, random, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = "/work/shared/data"
COUNTRIES = "SY,IQ,YE,AF,LB,ML,BF,NE,SO,SD,LY"

_latin_cache = {}


def is_latin(s):
    """Every letter of s is Latin script (marks, digits, punctuation allowed)
    and s has a capital letter: all-lower-case alternate names (letter-by-letter
    transliterations of Arabic script such as "alqflt", pinyin) are left out, as
    in the dev pairs."""
    if not s.strip() or s == s.lower():
        return False
    seen = False
    for ch in s:
        if ch.isascii():
            seen = seen or ch.isalpha()
            continue
        ok = _latin_cache.get(ch)
        if ok is None:
            cat = unicodedata.category(ch)
            if cat.startswith("L"):
                ok = unicodedata.name(ch, "").startswith("LATIN")
            else:
                ok = True
            _latin_cache[ch] = ok
        if not ok:
            return False
        seen = seen or unicodedata.category(ch).startswith("L")
    return seen


def is_arabic(s):
    letters = [ch for ch in s if unicodedata.category(ch).startswith("L")]
    return bool(letters) and all(unicodedata.name(ch, "").startswith("ARABIC") for ch in letters)


def km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def uniq(names):
    out, seen = [], set()
    for n in names:
        n = n.strip()
        if n and n not in seen:
            seen.add(n)
            out.append(n)
    return out


def load_geonames(countries):
    places = {}
    with open(os.path.join(DATA, "gazetteer/cities1000.txt"), encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if c[8] not in countries:
                continue
            names = uniq([c[1], c[2]] + (c[3].split(",") if c[3] else []))
            places[c[0]] = {"cc": c[8], "id": c[0], "ll": (float(c[4]), float(c[5])),
                            "latin": [n for n in names if is_latin(n)],
                            "arabic": [n for n in names if is_arabic(n)]}
    return places


def load_wof(countries, skip_gn):
    places = {}
    with gzip.open(os.path.join(DATA, "gazetteer-extra/wof_places.tsv.gz"), "rt", encoding="utf-8") as f:
        r = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        for row in r:
            if row["iso2"] not in countries or row["placetype"] != "locality":
                continue
            if row["deprecated"] or row["superseded_by"] or row["is_current"] == "0":
                continue
            if row["gn_id"] and row["gn_id"] in skip_gn:
                continue
            try:
                ll = (float(row["latitude"]), float(row["longitude"]))
            except ValueError:
                continue
            names = [row["name"], row["gn_name"], row["gn_asciiname"]]
            for col in ("names_eng", "names_fra", "names_und"):
                if row[col]:
                    names += row[col].split("|")
            names = uniq(names)
            ara = uniq(row["names_ara"].split("|")) if row["names_ara"] else []
            pid = row["gn_id"] or "wof" + row["wof_id"]
            places[pid] = {"cc": row["iso2"], "id": pid, "ll": ll,
                           "latin": [n for n in names if is_latin(n)],
                           "arabic": [n for n in ara if is_arabic(n)]}
    return places


def make_pairs(places, rng, source, cross=False):
    """Positive and negative pairs, per country, as in the dev set."""
    by_cc = {}
    for p in places.values():
        by_cc.setdefault(p["cc"], []).append(p)
    rows = []
    for cc in sorted(by_cc):
        plist = sorted(by_cc[cc], key=lambda p: p["id"])
        pos = []
        for p in plist:
            if cross:
                cand = [(a, b) for a in p["arabic"] for b in p["latin"]]
            else:
                L = p["latin"]
                cand = [(L[i], L[j]) for i in range(len(L)) for j in range(i + 1, len(L))]
            rng.shuffle(cand)
            for a, b in cand[:3]:
                if rng.random() < 0.5 and not cross:
                    a, b = b, a
                pos.append((cc, p["id"], p["id"], a, b, 1, source))
        # negatives: as many as positives, two places > 20 km apart
        pool = [p for p in plist if p["latin"] and (p["arabic"] or not cross)]
        neg, tries = [], 0
        while len(neg) < len(pos) and len(pool) > 1 and tries < 50 * len(pos) + 1000:
            tries += 1
            p, q = rng.sample(pool, 2)
            if km(p["ll"], q["ll"]) <= 20:
                continue
            a = rng.choice(p["arabic"] if cross else p["latin"])
            b = rng.choice(q["latin"])
            neg.append((cc, p["id"], q["id"], a, b, 0, source))
        rows += pos + neg
    return rows


def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                       escapechar=None, quotechar=None)
        w.writerow(["country", "geonameid_a", "geonameid_b", "name_a", "name_b", "same_place", "source"])
        for r in rows:
            w.writerow(r)


def summary(name, rows):
    pos = sum(1 for r in rows if r[5] == 1)
    ccs = {}
    for r in rows:
        if r[5] == 1:
            ccs[r[0]] = ccs.get(r[0], 0) + 1
    print(f"{name}: {len(rows)} pairs, {pos} positive; positives per country: "
          + " ".join(f"{k}={v}" for k, v in sorted(ccs.items())), file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/names3")
    ap.add_argument("--countries", default=COUNTRIES)
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--wof-places", type=int, default=1500,
                    help="WOF localities sampled per country (0 = all)")
    a = ap.parse_args()
    countries = set(a.countries.split(","))
    os.makedirs(a.out, exist_ok=True)
    rng = random.Random(a.seed)
    gn = load_geonames(countries)
    wof_all = load_wof(countries, set(gn))
    wof = {}
    by_cc = {}
    for p in wof_all.values():
        if len(p["latin"]) >= 2:
            by_cc.setdefault(p["cc"], []).append(p)
    for cc in sorted(by_cc):
        lst = sorted(by_cc[cc], key=lambda p: p["id"])
        if a.wof_places and len(lst) > a.wof_places:
            lst = rng.sample(lst, a.wof_places)
        for p in lst:
            wof[p["id"]] = p
    # negatives for WOF come from all of the country's WOF localities
    # with a Latin name, not only the sampled ones
    rows_gn = make_pairs(gn, rng, "gn")
    wof_pool = {k: v for k, v in wof_all.items() if v["latin"]}
    rows_wof = [r for r in make_pairs(wof, rng, "wof") if r[5] == 1]
    npos = {}
    for r in rows_wof:
        npos[r[0]] = npos.get(r[0], 0) + 1
    neg_src = make_pairs({k: dict(v, latin=v["latin"] * 1) for k, v in wof_pool.items()}, rng, "wof")
    # keep as many WOF negatives per country as WOF positives
    negs = {}
    for r in neg_src:
        if r[5] == 0 and negs.get(r[0], 0) < npos.get(r[0], 0):
            negs[r[0]] = negs.get(r[0], 0) + 1
            rows_wof.append(r)
    both_ar = dict(wof_all)
    both_ar.update(gn)
    ar_places = {}
    by_cc = {}
    for k, v in sorted(both_ar.items()):
        if v["arabic"] and v["latin"]:
            by_cc.setdefault(v["cc"], []).append(k)
    for cc, ids in sorted(by_cc.items()):
        if a.wof_places and len(ids) > a.wof_places:
            ids = rng.sample(ids, a.wof_places)
        for k in ids:
            ar_places[k] = both_ar[k]
    rows_ar = make_pairs(ar_places, rng, "ar", cross=True)
    write(os.path.join(a.out, "pairs_sealedlike_gn.tsv"), rows_gn)
    write(os.path.join(a.out, "pairs_sealedlike_wof.tsv"), rows_wof)
    write(os.path.join(a.out, "pairs_sealedlike.tsv"), rows_gn + rows_wof)
    write(os.path.join(a.out, "pairs_sealedlike_ar.tsv"), rows_ar)
    summary("gn", rows_gn)
    summary("wof", rows_wof)
    summary("ar", rows_ar)


if __name__ == "__main__":
    main()
