#!/bin/sh
# Names benchmark: normalize_name(), name_key() (spelling-only and gazetteer-aware)
# and SQLite's lower() over the
# same table of 1M+ place names, best of 3 runs each, in one process.
# Names come from ../shared/data/gazetteer/cities1000.txt (names and alternate
# names) when present, else from data/places.tsv.gz (names and aliases), else
# are synthesized from syllables. Timings are reported, never asserted.
#   sh bench/names.sh dist/conflict.so [rows]
ext=${1:-dist/conflict.so}
rows=${2:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
exec /usr/bin/python3 - "${ext%.so}" "$rows" "$here" <<'PY'
import gzip, os, random, sqlite3, sys, time

ext, want, here = sys.argv[1], int(sys.argv[2]), sys.argv[3]
cities = os.path.join(here, "..", "..", "shared", "data", "gazetteer", "cities1000.txt")
places = os.path.join(here, "..", "data", "places.tsv.gz")

def from_cities():
    with open(cities, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 4:
                continue
            yield c[1]
            yield c[2]
            for a in c[3].split(","):
                if a:
                    yield a

def from_places():
    with gzip.open(places, "rt", encoding="utf-8") as f:
        next(f, None)
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 10:
                continue
            yield c[8]
            for a in c[9].split("|"):
                if a:
                    yield a

def synthesized():
    r = random.Random(1)
    syl = ["al", "el", "ma", "ar", "rat", "deir", "ez", "zor", "kha", "rk", "iv", "qa", "mish",
           "li", "ou", "sul", "ko", "tei", "fé", "ḥa", "ma", "ʿay", "n", "skij", "ov", "ka"]
    while True:
        yield " ".join("".join(r.choice(syl) for _ in range(r.randint(1, 4)))
                       for _ in range(r.randint(1, 3))).title()

src, gen = "synthesized", synthesized
if os.path.exists(cities):
    src, gen = "cities1000.txt", from_cities
elif os.path.exists(places):
    src, gen = "data/places.tsv.gz", from_places

names = []
while len(names) < want:  # repeat the source when it is smaller than wanted
    before = len(names)
    for n in gen():
        names.append(n)
        if len(names) >= want:
            break
    if len(names) == before:
        break
db = sqlite3.connect(":memory:")
db.enable_load_extension(True)
db.load_extension(ext)
db.execute("create table n(name text)")
db.executemany("insert into n values (?)", ((x,) for x in names))
nbytes = db.execute("select sum(length(cast(name as blob))) from n").fetchone()[0]
ascii_share = db.execute("select avg(name not glob '*[^ -~]*') from n").fetchone()[0]
print(f"names: {len(names)} rows from {src}, {nbytes / 1e6:.1f} MB, {100 * ascii_share:.0f}% pure ASCII")

def best(expr):
    t = []
    for _ in range(3):
        s = time.perf_counter()
        db.execute(f"select sum(length({expr})) from n").fetchone()
        t.append(time.perf_counter() - s)
    return min(t)

base = best("lower(name)")
print(f"{'function':24} {'rows/s':>12} {'MB/s':>8} {'x lower()':>10}")
for label, expr in (("lower", None), ("normalize_name", "normalize_name(name)"),
                    ("name_key spelling only", """name_key(name, '{"gazetteer":false}')"""),
                    ("name_key (gazetteer)", "name_key(name)")):
    t = base if expr is None else best(expr)
    print(f"{label:24} {len(names) / t:12,.0f} {nbytes / t / 1e6:8.1f} {t / base:10.2f}")
PY
