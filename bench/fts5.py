#!/usr/bin/python3
"""FTS5 tokenizer `conflict` beside unicode61 on the same table.

Builds article-sized texts from the sentences of the sample dispatches
(examples/articles.sql and examples/workflow/articles.sql, shuffled with a
fixed seed into --mb megabytes), or reads `articles(body)` from --db, then for
each tokenizer: index build time (MB/s of text), index size, and the latency
of a few queries (mean of --repeat runs) with their hit counts. Timings are
reported, never asserted.

  /usr/bin/python3 bench/fts5.py --ext dist/conflict [--mb 5] [--db other.db]
"""
import argparse, os, random, re, sqlite3, time

HERE = os.path.dirname(os.path.abspath(__file__))
TOKENIZERS = [
    ("unicode61", "unicode61 remove_diacritics 2"),
    ("conflict keys 0 places 0 actors 0", "conflict keys 0 places 0 actors 0"),
    ("conflict places 0 actors 0", "conflict places 0 actors 0"),
    ("conflict", "conflict"),
]
QUERIES = ["Idlib", "Alep", "Aleppo", '"Maarat al-Numan"', "civils AND tues", "attaqu*", "HTS",
           '"Hayat Tahrir al-Sham"']


def sentences():
    out = []
    for rel in ("../examples/articles.sql", "../examples/workflow/articles.sql"):
        path = os.path.join(HERE, rel)
        if not os.path.exists(path):
            continue
        db = sqlite3.connect(":memory:")
        db.executescript(open(path, encoding="utf-8").read())
        for (body,) in db.execute("select body from articles"):
            out += [s for s in re.split(r"(?<=[.!?])\s+", body) if s]
    return out


def build_corpus(db, mb):
    sents = sentences()
    rnd = random.Random(7)
    db.execute("create table articles(id integer primary key, body text)")
    total, goal = 0, mb * 1e6
    rows = []
    while total < goal:
        b = " ".join(rnd.choice(sents) for _ in range(rnd.randint(3, 8)))
        rows.append((b,))
        total += len(b.encode())
    db.executemany("insert into articles(body) values (?)", rows)
    db.commit()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ext", default=os.path.join(HERE, "..", "dist", "conflict"))
    ap.add_argument("--mb", type=float, default=5)
    ap.add_argument("--db")
    ap.add_argument("--repeat", type=int, default=20)
    a = ap.parse_args()
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(a.ext)
    if a.db:
        db.execute("attach ? as src", (a.db,))
        db.execute("create table articles as select rowid as id, body from src.articles")
    else:
        build_corpus(db, a.mb)
    nbytes, nrows = db.execute("select sum(length(cast(body as blob))), count(*) from articles").fetchone()
    print("corpus: %.1f MB in %d rows" % (nbytes / 1e6, nrows))
    print("%-36s %9s %9s %9s" % ("tokenizer", "build s", "MB/s", "index MB"))
    results = {}
    for i, (label, tok) in enumerate(TOKENIZERS):
        t = "fts_%d" % i
        dt = float("inf")
        for attempt in range(2):  # best of two builds (the first one warms caches)
            db.execute("drop table if exists %s" % t)
            db.execute("create virtual table %s using fts5(body, tokenize=%s)" % (t, "'" + tok + "'"))
            t0 = time.perf_counter()
            db.execute("insert into %s(rowid, body) select id, body from articles" % t)
            db.commit()
            dt = min(dt, time.perf_counter() - t0)
        size = db.execute("select sum(length(block)) from %s_data" % t).fetchone()[0] or 0
        print("%-36s %9.2f %9.2f %9.1f" % (label, dt, nbytes / 1e6 / dt, size / 1e6))
        results[label] = t
    print()
    print("query latency, ms (hits)")
    print("%-24s" % "query" + "".join(" %22s" % l[:22] for l, _ in TOKENIZERS))
    for q in QUERIES:
        line = "%-24s" % q[:24]
        for label, _ in TOKENIZERS:
            t = results[label]
            sql = "select count(*) from %s where %s match ?" % (t, t)
            hits = db.execute(sql, (q,)).fetchone()[0]
            t0 = time.perf_counter()
            for _ in range(a.repeat):
                db.execute(sql, (q,)).fetchone()
            ms = (time.perf_counter() - t0) / a.repeat * 1e3
            line += " %14.3f (%5d)" % (ms, hits)
        print(line)


if __name__ == "__main__":
    main()
