"""Adding one article to a big ledger: time of one `ingest` of one article, model already loaded.

    .venv/bin/python benchmarks/incremental.py [--shared ../shared] [--sizes 1000 10000 100000]
                                               [--base 300] [--work /tmp/newsledger-incremental] [--runs 3]
                                               [--build-only] [--max-rss-mb 3000]

How the large ledgers are built: ``--base`` BBC articles (``corpora/bbc``: business, politics,
tech, entertainment, 75 each at 300) are analysed once by a real ingest into ``base.db``. A
ledger of N articles is that ledger plus copies of its stored rows (documents, lines, entities,
speakers, figures, attributions) inserted directly with SQL under new ids, names and content
hashes, each generation dated three days after the last (so a ledger of 100,000 spans about
three years); in each copy every other word of the text is replaced by a pseudo-word of the same
length (offsets kept; shingle copies and word-stories do not collapse into the originals), and
every named speaker is renamed to a generated name per generation (so claims spread over many
speakers; anonymous sources keep their descriptors, as in a real ledger). Each ledger is built
in processes of its own (``build``: steps 1-2, then step 3; each stopped if it holds more than
``--max-rss-mb``), in three steps whose times are kept beside it (``ledger{N}.build.json``) and
reported:

1. rows: one generation at a time by ``executemany``, under the row ids SQLite would have given
   (the next free ``documents.id`` and ``figures.id``), in the order the per-row inserts of
   earlier versions of this script used;
2. copy and story indexes: the library's own catch-up (``ledger._load`` -> ``_catch_up``), which
   indexes each synthetic document in row-id order with ``CopyStore.add`` and
   ``StoryStore.add``, the calls ``ingest`` makes for each article it stores, so ``copy_docs``,
   ``copy_bands``, ``story_docs``, ``story_postings`` and ``story_df`` are what 99,700 ingests
   would have written (these keep the order-dependent decisions: document frequencies as of
   each document, groups' earliest members);
3. links: one full ``ledger.relink`` (after ``_refresh_groups``), the library's reference for
   what ``link_incremental`` keeps (``tests/test_incremental_link.py`` ingests articles one by
   one and checks every linked table equals a full relink of the same rows). During this one
   call the entity linker's pure string parsers (``fold``, ``translit_key``, ``parse_person``,
   ``parse_org``: strings in, strings or frozen dataclasses out) are memoised: the same answers,
   computed once per distinct string instead of tens of times per name (a relink of the
   3,000-article ledger: 26 s without the memo, 16 s with it, the machine shared with a build);
   the originals are put back before anything is timed.

What this approximates: the synthetic documents are copies of analysed rows, not analysed
articles; and their links are those of one full relink over the finished ledger rather than of
99,700 incremental link steps, which is the state ingests leave only as far as
``link_incremental`` equals ``relink`` (the test above, on 36 articles, not at this scale).
Ledgers of 1,000 and 3,000 articles built by this code and by the previous version of this
script (one insert per row, ``COUNT(*)`` per document, no memo) were compared table by table:
every row equal (``org_state`` compared unpickled). Only speed changed: the previous build
counted the documents table once per synthetic document and relinked without the memo.

Then one unseen BBC article is ingested (``ledger.ingest``), timed in total and in its linking
step (``_link_all``); every model is loaded before timing (``warm_up``), in this process, not in
the builds'.
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import hashlib
import json
import os
import pathlib
import random
import re
import shutil
import subprocess
import sys
import threading
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


def _memoised() -> list[tuple]:
    """(module, name, memoised function) for the entity linker's pure string parsers: each
    answers from its argument alone (frozen dataclasses or strings), so a memo gives the same
    answers, computed once per distinct string; a full relink asks them ~80 times per name."""
    from newsledger.link import (
        developing,
        entities,
        entity_store,
        gazetteer,
        series,
        timeline,
    )
    fold = functools.lru_cache(maxsize=None)(gazetteer.fold)
    person = functools.lru_cache(maxsize=None)(entities.parse_person)
    return ([(m, "fold", fold) for m in (gazetteer, entities, developing, series, timeline)]
            + [(entities, "translit_key", functools.lru_cache(maxsize=None)(entities.translit_key)),
               (entities, "parse_person", person), (entity_store, "parse_person", person),
               (entities, "parse_org", functools.lru_cache(maxsize=None)(entities.parse_org))])


def _rss_mb() -> tuple[int, int]:
    """(resident, peak resident) MB of this process."""
    st = pathlib.Path("/proc/self/status").read_text()
    return tuple(int(re.search(k + r":\s+(\d+)", st).group(1)) // 1024 for k in ("VmRSS", "VmHWM"))


def _guard(limit_mb: int) -> None:
    """Stop the build (exit 3) if it holds more than ``limit_mb`` MB: the machine is shared."""
    def watch():
        while True:
            if _rss_mb()[0] > limit_mb:
                print(f"build stopped: more than {limit_mb} MB resident", file=sys.stderr, flush=True)
                os._exit(3)
            time.sleep(1)
    threading.Thread(target=watch, daemon=True).start()


def synthesize(base: pathlib.Path, out: pathlib.Path, size: int, log=print) -> dict:
    """Build the ledger of ``size`` articles at ``out``; returns the seconds of each step."""
    shutil.copy(base, out)
    conn = store.connect(out)
    conn.execute("PRAGMA cache_size = -50000")   # 50 MB of pages; the build's only connection
    conn.execute("PRAGMA synchronous = OFF")     # a build that dies is rebuilt, never resumed
    t0 = time.perf_counter()
    docs = conn.execute("SELECT * FROM documents ORDER BY id").fetchall()
    acols = [c[1] for c in conn.execute("PRAGMA table_info(attributions)")]
    per_doc = {}
    for d in docs:
        i = d["id"]
        per_doc[i] = (
            [tuple(r) for r in conn.execute('SELECT start, "end", kind FROM lines WHERE doc_id = ? ORDER BY rowid', (i,))],
            [tuple(r) for r in conn.execute('SELECT text, label, start, "end" FROM mentions_entity WHERE doc_id = ? '
                                            "ORDER BY rowid", (i,))],
            [tuple(r) for r in conn.execute('SELECT name, kind, role, start, "end" FROM speakers WHERE doc_id = ? '
                                            "ORDER BY rowid", (i,))],
            [(tuple(f)[2:14], conn.execute("SELECT * FROM attributions WHERE figure_id = ?", (f["id"],)).fetchone())
             for f in conn.execute("SELECT * FROM figures WHERE doc_id = ? ORDER BY id", (i,)).fetchall()])
    # explicit row ids, the ones SQLite would give (max + 1), so rows can go in by executemany
    next_doc = conn.execute("SELECT MAX(id) FROM documents").fetchone()[0] + 1
    next_fig = conn.execute("SELECT COALESCE(MAX(id), 0) FROM figures").fetchone()[0] + 1
    n, k = len(docs), 0
    with store.transaction(conn):
        while n < size:
            k += 1
            D, L, E, S, F, A = [], [], [], [], [], []
            for d in docs[:size - n]:
                lines, ents, speakers, figs = per_doc[d["id"]]
                nid, next_doc, n = next_doc, next_doc + 1, n + 1
                rename = {s[0]: _name(k, s[0]) for s in speakers if s[1] != "ANON"}
                pub = (dt.date.fromisoformat(d["published"]) + dt.timedelta(days=3 * k)).isoformat()
                D.append((nid, f"{d['doc']}~s{k}", hashlib.sha256(f"{k}:{d['content_hash']}".encode()).hexdigest(),
                          d["source"], d["kind"], d["url"], d["title"], d["outlet"], pub, d["published_inferred"],
                          d["language"], perturb(d["text"], k), None, perturb(d["body"], k), d["skipped"],
                          d["ingested_at"]))
                L += [(nid, *r) for r in lines]
                E += [(nid, *r) for r in ents]
                S += [(nid, rename.get(s[0], s[0]), *s[1:]) for s in speakers]
                for f, a in figs:
                    F.append((next_fig, nid, *f))
                    if a is not None:
                        vals = dict(a)
                        vals["figure_id"] = next_fig
                        vals["speaker"] = rename.get(vals["speaker"], vals["speaker"])
                        A.append(tuple(vals[c] for c in acols))
                    next_fig += 1
            conn.executemany("INSERT INTO documents (id, doc, content_hash, source, kind, url, title, outlet, published, "
                             "published_inferred, language, text, html, body, skipped, ingested_at) "
                             "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", D)
            conn.executemany('INSERT INTO lines (doc_id, start, "end", kind) VALUES (?,?,?,?)', L)
            conn.executemany('INSERT INTO mentions_entity (doc_id, text, label, start, "end") VALUES (?,?,?,?,?)', E)
            conn.executemany('INSERT INTO speakers (doc_id, name, kind, role, start, "end") VALUES (?,?,?,?,?,?)', S)
            conn.executemany('INSERT INTO figures (id, doc_id, start, "end", text, low, high, unit, measure, subject, '
                             "hedges, period, sentence_start, sentence_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", F)
            conn.executemany(f"INSERT INTO attributions ({','.join(acols)}) VALUES ({','.join('?' * len(acols))})", A)
    spent = {"rows_s": time.perf_counter() - t0}
    log(f"{size}: rows {spent['rows_s']:.0f} s, {_rss_mb()[0]} MB")
    t = time.perf_counter()
    ledger._load(conn)     # the copy and story indexes take the synthetic documents in, one by one
    spent["index_s"] = time.perf_counter() - t
    conn.close()
    spent["index_peak_rss_mb"] = _rss_mb()[1]
    log(f"{size}: copy and story indexes {spent['index_s']:.0f} s, peak {spent['index_peak_rss_mb']} MB")
    return spent


def link(db: pathlib.Path, log=print) -> dict:
    """Step 3 (in a process of its own, so the relink's memory starts from the library's alone):
    one full relink, the parsers memoised; returns its seconds and peak memory."""
    conn = store.connect(db)
    conn.execute("PRAGMA cache_size = -50000")
    conn.execute("PRAGMA synchronous = OFF")
    t = time.perf_counter()
    ix = ledger._load(conn)     # nothing left to catch up: the indexes reach every document
    patches = _memoised()
    kept = [(m, name, getattr(m, name)) for m, name, _ in patches]
    for m, name, f in patches:
        setattr(m, name, f)
    try:
        with store.transaction(conn):
            ledger._refresh_groups(conn, ix.copies, ix.stories)
            ledger.relink(conn)
    finally:
        for m, name, f in kept:
            setattr(m, name, f)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    spent = {"relink_s": time.perf_counter() - t, "relink_peak_rss_mb": _rss_mb()[1]}
    log(f"relink {spent['relink_s']:.0f} s, peak {spent['relink_peak_rss_mb']} MB")
    return spent


def build(base: pathlib.Path, work: pathlib.Path, size: int, max_rss_mb: int) -> dict:
    """Build ``ledger{size}.db`` in processes of their own (their memory is given back before
    anything is timed, and no model is loaded in them); its step times are kept beside it."""
    db, side = work / f"ledger{size}.db", work / f"ledger{size}.build.json"
    if db.exists() and side.exists():
        return json.loads(side.read_text())
    for p in (db, work / f"ledger{size}.db-wal", work / f"ledger{size}.db-shm", side):
        p.unlink(missing_ok=True)
    tmp, steps = work / f"building{size}.db", work / f"building{size}.build.json"
    for step in ("rows", "link"):
        subprocess.run([sys.executable, __file__, "--build-one", str(size), "--step", step, "--base-db", str(base),
                        "--db", str(tmp), "--max-rss-mb", str(max_rss_mb)], check=True)
    spent = json.loads(steps.read_text())
    spent["build_s"] = spent["rows_s"] + spent["index_s"] + spent["relink_s"]
    tmp.rename(db)
    steps.unlink()
    side.write_text(json.dumps(spent))
    return spent


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
    ap.add_argument("--build-only", action="store_true", help="build the ledgers, time nothing")
    ap.add_argument("--max-rss-mb", type=int, default=3000, help="a build holding more memory is stopped")
    ap.add_argument("--build-one", type=int, help=argparse.SUPPRESS)   # the child process of build()
    ap.add_argument("--step", choices=("rows", "link"), help=argparse.SUPPRESS)
    ap.add_argument("--base-db", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.build_one:
        _guard(args.max_rss_mb)
        db = pathlib.Path(args.db)
        steps = db.with_suffix(".build.json")
        if args.step == "rows":      # steps 1 and 2
            for p in (db, pathlib.Path(f"{db}-wal"), pathlib.Path(f"{db}-shm"), steps):
                p.unlink(missing_ok=True)
            spent = synthesize(pathlib.Path(args.base_db), db, args.build_one, log=lambda m: print(m, flush=True))
        else:                        # step 3
            spent = json.loads(steps.read_text())
            spent.update(link(db, log=lambda m: print(f"{args.build_one}: {m}", flush=True)))
        steps.write_text(json.dumps(spent))
        return
    shared, work = pathlib.Path(args.shared), pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    base = build_base(shared, work, args.base)
    builds = {size: build(base, work, size, args.max_rss_mb) for size in args.sizes}
    if args.build_only:
        return
    business = sorted((shared / "corpora" / "bbc" / "business").glob("*.txt"))
    new = business[-1]
    warm_up(work, business[-2])
    results = []
    for size in args.sizes:
        db = work / f"ledger{size}.db"
        runs = []
        for _ in range(args.runs):   # each on a fresh copy of the same ledger
            trial = work / f"trial{size}.db"
            for p in (trial, work / f"trial{size}.db-wal", work / f"trial{size}.db-shm"):
                p.unlink(missing_ok=True)
            shutil.copy(db, trial)
            runs.append(add_one(trial, new))
        for p in (trial, work / f"trial{size}.db-wal", work / f"trial{size}.db-shm"):
            p.unlink(missing_ok=True)
        mid = sorted(runs, key=lambda r: r["ingest_s"])[len(runs) // 2]
        r = {"size": size, "build_s": builds[size]["build_s"], "build": builds[size], "ingest_s": mid["ingest_s"],
             "link_s": mid["link_s"], "added": mid["added"], "problems": mid["problems"], "runs": runs,
             "note": f"median of {args.runs} on fresh copies of the ledger; build: seconds of each step of "
                     "building it (docstring), in a process of its own"}
        print(json.dumps(r), flush=True)
        results.append(r)
    # what an earlier run measured and this one did not (other sizes; "before": the code
    # before incremental linking, on ledgers it built) is kept, marked as such
    out = pathlib.Path(args.out)
    earlier = {r["size"]: r for r in json.loads(out.read_text())} if out.exists() else {}
    for r in results:
        if "before" in earlier.get(r["size"], {}):
            r["before"] = earlier[r["size"]]["before"]
    for size, r in earlier.items():
        if size not in args.sizes:
            r.setdefault("note", "")
            if "kept from an earlier run" not in r["note"]:
                r["note"] = (r["note"] + "; " if r["note"] else "") + "kept from an earlier run (not remeasured)"
            results.append(r)
    results.sort(key=lambda r: r["size"])
    out.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
