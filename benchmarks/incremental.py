"""Adding one article to a big ledger: time of one `ingest` of one article, model already loaded.

    .venv/bin/python benchmarks/incremental.py [--shared ../shared] [--sizes 1000 10000 100000]
                                               [--base 300] [--work /tmp/newsledger-incremental] [--runs 3]

How the large ledgers are built: ``--base`` BBC articles (``corpora/bbc``: business, politics,
tech, entertainment, 75 each at 300) are analysed once by a real ingest into ``base.db``. A
ledger of N articles is that ledger plus copies of its stored rows (documents, lines, entities,
speakers, figures, attributions) inserted directly with SQL under new ids, names and content
hashes, each generation dated three days after the last (so a ledger of 100,000 spans about
three years); in each copy every other word of the text is replaced by a pseudo-word of the same
length (offsets kept; shingle copies and word-stories do not collapse into the originals), and
every named speaker is renamed to a generated name per generation (so claims spread over many
speakers; anonymous sources keep their descriptors, as in a real ledger). The copy and story
indexes then take the synthetic documents in (``ledger._load``: their rows in ``copy_docs``,
``copy_bands``, ``story_docs``, ``story_postings``, ``story_df``) and the ledger is relinked in
full once (``ledger.relink``), as the state an ingest would have left.

Then one unseen BBC article is ingested (``ledger.ingest``), timed in total and in its linking
step (``_link_all``); every model is loaded before timing (``warm_up``).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import pathlib
import random
import re
import shutil
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsledger import ledger, store  # noqa: E402

TOPICS = ("business", "politics", "tech", "entertainment")
WORD = re.compile(r"[A-Za-z]{4,}")
SYL = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "be", "do", "fa", "gu", "ha", "jo", "pe", "si"]


def _pseudo(word: str, k: int) -> str:
    h = hashlib.sha1(f"{word}{k}".encode()).digest()
    s = "".join(SYL[b % len(SYL)] for b in h)[:len(word)]
    return s.capitalize() if word[0].isupper() else s


def perturb(text: str, k: int) -> str:
    out, i = [], 0
    for n, m in enumerate(WORD.finditer(text)):
        if n % 2:
            out.append(text[i:m.start()])
            out.append(_pseudo(m.group(), k))
            i = m.end()
    out.append(text[i:])
    return "".join(out)


def _name(k: int, name: str) -> str:
    rng = random.Random(f"{k}:{name}")
    given = "".join(rng.choice(SYL) for _ in range(2)).capitalize()
    sur = "".join(rng.choice(SYL) for _ in range(4)).capitalize()
    return f"{given} {sur}"


def build_base(shared: pathlib.Path, work: pathlib.Path, n: int) -> pathlib.Path:
    db = work / f"base{n}.db"
    if db.exists():
        return db
    src = work / "base_src"
    src.mkdir(parents=True, exist_ok=True)
    per = n // len(TOPICS)
    for t in TOPICS:
        for f in sorted((shared / "corpora" / "bbc" / t).glob("*.txt"))[:per]:
            shutil.copy(f, src / f"{t}_{f.name}")
    conn = store.connect(db)
    import datetime as dt
    ledger.ingest(conn, [str(src)], published=dt.date(2024, 1, 10))
    conn.close()
    return db


def synthesize(base: pathlib.Path, out: pathlib.Path, size: int) -> float:
    shutil.copy(base, out)
    conn = store.connect(out)
    t0 = time.perf_counter()
    docs = conn.execute("SELECT * FROM documents ORDER BY id").fetchall()
    per_doc = {}
    for d in docs:
        i = d["id"]
        per_doc[i] = (
            conn.execute('SELECT start, "end", kind FROM lines WHERE doc_id = ?', (i,)).fetchall(),
            conn.execute('SELECT text, label, start, "end" FROM mentions_entity WHERE doc_id = ?', (i,)).fetchall(),
            conn.execute('SELECT name, kind, role, start, "end" FROM speakers WHERE doc_id = ?', (i,)).fetchall(),
            [(f, conn.execute("SELECT * FROM attributions WHERE figure_id = ?", (f["id"],)).fetchone())
             for f in conn.execute("SELECT * FROM figures WHERE doc_id = ? ORDER BY id", (i,)).fetchall()])
    k = 0
    with store.transaction(conn):
        while conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] < size:
            k += 1
            import datetime as dt
            for d in docs:
                if conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] >= size:
                    break
                lines, ents, speakers, figs = per_doc[d["id"]]
                rename = {s["name"]: _name(k, s["name"]) for s in speakers if s["kind"] != "ANON"}
                pub = (dt.date.fromisoformat(d["published"]) + dt.timedelta(days=3 * k)).isoformat()
                cur = conn.execute(
                    "INSERT INTO documents (doc, content_hash, source, kind, url, title, outlet, published, "
                    "published_inferred, language, text, html, body, skipped, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (f"{d['doc']}~s{k}", hashlib.sha256(f"{k}:{d['content_hash']}".encode()).hexdigest(), d["source"],
                     d["kind"], d["url"], d["title"], d["outlet"], pub, d["published_inferred"], d["language"],
                     perturb(d["text"], k), None, perturb(d["body"], k), d["skipped"], d["ingested_at"]))
                nid = cur.lastrowid
                conn.executemany('INSERT INTO lines (doc_id, start, "end", kind) VALUES (?,?,?,?)',
                                 [(nid, *r) for r in lines])
                conn.executemany('INSERT INTO mentions_entity (doc_id, text, label, start, "end") VALUES (?,?,?,?,?)',
                                 [(nid, *r) for r in ents])
                conn.executemany('INSERT INTO speakers (doc_id, name, kind, role, start, "end") VALUES (?,?,?,?,?,?)',
                                 [(nid, rename.get(s["name"], s["name"]), *tuple(s)[1:]) for s in speakers])
                for f, a in figs:
                    fc = conn.execute(
                        'INSERT INTO figures (doc_id, start, "end", text, low, high, unit, measure, subject, hedges, '
                        "period, sentence_start, sentence_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        (nid, *tuple(f)[2:14]))
                    if a is not None:
                        vals = dict(a)
                        vals["figure_id"] = fc.lastrowid
                        vals["speaker"] = rename.get(vals["speaker"], vals["speaker"])
                        cols = list(vals)
                        conn.execute(f"INSERT INTO attributions ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})",
                                     [vals[c] for c in cols])
    ix = ledger._load(conn)     # the copy and story indexes take the synthetic documents in
    with store.transaction(conn):
        ledger._refresh_groups(conn, ix.copies, ix.stories)
        ledger.relink(conn)
    conn.close()
    return time.perf_counter() - t0


def add_one(db: pathlib.Path, article: pathlib.Path) -> dict:
    import datetime as dt
    conn = store.connect(db)
    spent = {}
    real = ledger._link_all

    def timed(*a, **k):
        t = time.perf_counter()
        real(*a, **k)
        spent["link_s"] = time.perf_counter() - t
    ledger._link_all = timed
    try:
        t = time.perf_counter()
        report = ledger.ingest(conn, [str(article)], published=dt.date(2024, 2, 1))
        spent["ingest_s"] = time.perf_counter() - t
    finally:
        ledger._link_all = real
        conn.close()
    spent["added"] = report.added
    spent["problems"] = [p.message for p in report.problems]
    return spent


def warm_up(work: pathlib.Path, article: pathlib.Path) -> None:
    """Load every model an ingest uses (spaCy's, the language identifier's, the learned measure
    model...) and compile its patterns, by ingesting another article into a throwaway ledger,
    so that the timed ingest excludes model loading."""
    db = work / "warmup.db"
    for p in (db, work / "warmup.db-wal", work / "warmup.db-shm"):
        p.unlink(missing_ok=True)
    import datetime as dt
    conn = store.connect(db)
    try:
        ledger.ingest(conn, [str(article)], published=dt.date(2024, 2, 1))
    finally:
        conn.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--base", type=int, default=300)
    ap.add_argument("--work", default="/tmp/newsledger-incremental")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "incremental.json"))
    ap.add_argument("--runs", type=int, default=3, help="timed ingests per size; the median is reported")
    args = ap.parse_args()
    shared, work = pathlib.Path(args.shared), pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    base = build_base(shared, work, args.base)
    business = sorted((shared / "corpora" / "bbc" / "business").glob("*.txt"))
    new = business[-1]
    warm_up(work, business[-2])
    results = []
    for size in args.sizes:
        db = work / f"ledger{size}.db"
        if not db.exists():
            build_s = synthesize(base, db, size)
        else:
            build_s = None
        runs = []
        for _ in range(args.runs):   # each on a fresh copy of the same ledger
            trial = work / f"trial{size}.db"
            for p in (trial, work / f"trial{size}.db-wal", work / f"trial{size}.db-shm"):
                p.unlink(missing_ok=True)
            shutil.copy(db, trial)
            runs.append(add_one(trial, new))
        mid = sorted(runs, key=lambda r: r["ingest_s"])[len(runs) // 2]
        r = {"size": size, "build_s": build_s, "ingest_s": mid["ingest_s"], "link_s": mid["link_s"],
             "added": mid["added"], "problems": mid["problems"], "runs": runs}
        print(json.dumps(r), flush=True)
        results.append(r)
    pathlib.Path(args.out).write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
