#!/usr/bin/python3
"""make bench: throughput of every text function of the extension.

Builds a table of article-sized texts (the sample dispatches of
examples/articles.sql, repeated to --mb megabytes, or the `articles(body)`
table of --db), then times each function over the whole column beside a bare
`SELECT sum(length(body))` scan of the same column, best of --repeat runs, all
in one process. Reports MB/s of article text, rows/s, the ratio of times, and
peak RSS. Timings are reported, never asserted.

A connection remembers what the gazetteer says of the names it has met, so
repeated dispatches flatter extract_places. Two more lines measure it on a
fresh connection over the same dispatches, each row also naming a town drawn
at random from the gazetteer (a name never seen before in every row, as in the
long tail of a real archive): its first pass, and its best pass once the names
are known.

  /usr/bin/python3 bench/bench.py --ext dist/conflict [--mb 20] [--db other.db]
"""
import argparse, gzip, os, random, resource, sqlite3, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
CALLS = {  # function -> SQL expression over body
    "lower": "lower(body)",
    "normalize_name": "normalize_name(body)",
    "name_key": "name_key(body)",
    "detect_lang": "detect_lang(body)",
    "extract_places": "extract_places(body)",
    "extract_counts": "extract_counts(body)",
    "extract_actors": "extract_actors(body)",
    "extract_sources": "extract_sources(body)",
    "extract_dates": "extract_dates(body, '2020-01-26')",
}


def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def build_corpus(db, mb):
    sql = open(os.path.join(HERE, "..", "examples", "articles.sql"), encoding="utf-8").read()
    src = sqlite3.connect(":memory:")
    src.executescript(sql)
    bodies = [r[0] for r in src.execute("select body from articles order by id")]
    db.execute("create table articles(id integer primary key, body text)")
    total, goal, i = 0, mb * 1e6, 0
    while total < goal:
        b = bodies[i % len(bodies)]
        db.execute("insert into articles(body) values (?)", (b,))
        total += len(b.encode())
        i += 1
    db.commit()


def random_towns(n, seed=7):
    """n town names drawn from the project's gazetteer data (data/places.tsv.gz)."""
    path = os.path.join(HERE, "..", "data", "places.tsv.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        kind, name = head.index("kind"), head.index("name")
        towns = [r[name] for r in (line.rstrip("\n").split("\t") for line in f)
                 if r[kind] == "city" and r[name].isascii()]
    return random.Random(seed).sample(towns, n)


def fresh_names_bench(ext, db, repeat):
    """extract_places on a new connection, every row naming a town never seen before."""
    bodies = [r[0] for r in db.execute("select body from articles")]
    towns = random_towns(len(bodies))
    fresh = sqlite3.connect(":memory:")
    fresh.enable_load_extension(True)
    fresh.load_extension(ext)
    fresh.execute("create table articles(id integer primary key, body text)")
    fresh.executemany("insert into articles(body) values (?)",
                      ((f"{b} Des combats ont eu lieu près de {towns[i]}.",)
                       for i, b in enumerate(bodies)))
    nbytes = fresh.execute("select sum(length(cast(body as blob))) from articles").fetchone()[0]
    sql = "select count(extract_places(body)) from articles"
    first = timed(fresh, sql, 1)
    best = timed(fresh, sql, repeat)
    return len(bodies), nbytes, first, best


def timed(db, sql, repeat):
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        db.execute(sql).fetchall()
        best = min(best, time.perf_counter() - t)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ext", default=os.path.join(HERE, "..", "dist", "conflict"))
    ap.add_argument("--mb", type=float, default=20)
    ap.add_argument("--db")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    rss0 = rss_mb()
    db = sqlite3.connect(a.db or ":memory:")
    db.enable_load_extension(True)
    t = time.perf_counter()
    db.load_extension(a.ext)
    load_ms = (time.perf_counter() - t) * 1000
    rss_load = rss_mb()
    if not a.db:
        build_corpus(db, a.mb)
    rows, nbytes = db.execute("select count(*), sum(length(cast(body as blob))) from articles").fetchone()
    have = {r[0] for r in db.execute("select name from pragma_function_list")}
    print(f"load: {load_ms:.1f} ms, RSS +{rss_load - rss0:.1f} MB after .load; "
          f"corpus: {rows} rows, {nbytes / 1e6:.1f} MB")
    print(f"{'function':18} {'MB/s':>9} {'rows/s':>11} {'ratio':>7}   (ratio = time / bare scan time)")
    bare = timed(db, "select sum(length(body)) from articles", a.repeat)
    print(f"{'bare scan':18} {nbytes / bare / 1e6:9.1f} {rows / bare:11.0f} {1.0:7.1f}")
    for fn, expr in CALLS.items():
        if fn not in have:
            continue
        s = timed(db, f"select count({expr}) from articles", a.repeat)
        print(f"{fn:18} {nbytes / s / 1e6:9.1f} {rows / s:11.0f} {s / bare:7.1f}")
    if "extract_places" in have:
        rows, nb, first, best = fresh_names_bench(a.ext, db, a.repeat)
        print("extract_places, a new town in every row, fresh connection:")
        print(f"{'  first pass':18} {nb / first / 1e6:9.1f} {rows / first:11.0f}")
        print(f"{'  later passes':18} {nb / best / 1e6:9.1f} {rows / best:11.0f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.1f} MB")


if __name__ == "__main__":
    main()
