"""The ledger's life cycle: ingest articles, then link across them.

``ingest`` writes each article in its own transaction (a failure leaves the ledger as it was
before that article), marks copies and stories as it goes through the incremental indexes, and
finally relinks names and claims over the whole ledger. The indexes are caches of what the
documents table holds: a ledger whose saved index lags behind its documents (a run that
stopped half way) is brought up to date from the stored texts when next opened.

Several ingests may write one ledger at once. Whatever depends on what others have stored is
decided inside the article's write transaction, under the write lock: whether the text is
already stored (then it is unchanged, not an error), which document id is free, and the
documents others added meanwhile, folded into the indexes before this article is, so every
process indexes the documents in the order of their row ids, as one sequential ingest would.
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from . import store
from .ingest import iter_articles
from .link.claims import STRONG, MentionRef, borrowed_day, independent_reports, link_claims
from .link.copy_store import CopyStore
from .link.duplicates import CopyEntry, CopyIndex
from .link import developing_store, entity_store
from .link.entity_store import person_skey as _person_skey
from .link.developing import lead_kinds, lead_places
from .link.rewrites import is_rewrite
from .link.entities import EntityIndex, NameMention, anonymous_key
from .link.stories import StoryEntry, StoryIndex
from .link.story_store import StoryStore
from .model import Article, Problem
from .nlp import ModelMissing
from .pipeline import Analysis, analyse


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped_language: list[str] = field(default_factory=list)
    figures: int = 0

    @property
    def failed(self) -> bool:
        return bool(self.problems)


def _date(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def load_indexes(conn: sqlite3.Connection) -> tuple[CopyIndex, StoryIndex]:
    """The copy and story indexes as in-memory objects (tests and tools; ingest works on the tables)."""
    ix = _load(conn)
    return ix.copies.to_index(), ix.stories.to_index()


@dataclass
class _Indexes:
    """The copy and story indexes, kept in the ledger's tables (link/copy_store.py,
    link/story_store.py), and how far into the documents table (``seen``, the highest row id
    folded in) they reach."""
    copies: CopyStore
    stories: StoryStore
    seen: int = 0


def _load(conn: sqlite3.Connection) -> _Indexes:
    """The indexes, with every document they lack folded in (a ledger written before the
    indexes were tables, or rows stored by other means than ``ingest``)."""
    ix = _Indexes(CopyStore(conn), StoryStore(conn))
    ix.seen = conn.execute("SELECT COALESCE(MAX(doc_id), 0) FROM copy_docs").fetchone()[0]
    if conn.execute("SELECT 1 FROM documents WHERE id > ?", (ix.seen,)).fetchone() is not None:
        with store.transaction(conn):
            if not ix.seen:
                _import_saved_states(conn, ix)
            _catch_up(conn, ix)
    return ix


def _import_saved_states(conn: sqlite3.Connection, ix: _Indexes) -> None:
    """A ledger of schema 2 kept each index as one saved state: take it in as rows (the documents
    it lacks are folded in after, by ``_catch_up``)."""
    copies, stories = store.load_state(conn, "copies"), store.load_state(conn, "stories")
    if copies is None or stories is None:
        return
    ids = {r[0]: r[1] for r in conn.execute("SELECT doc, id FROM documents")}
    ix.copies.import_entries([CopyEntry(**e) for e in copies["entries"]], ids)
    ix.stories.import_entries(stories["vocabulary"], [StoryEntry(**e) for e in stories["entries"]], ids)
    ix.seen = max((ids[e["doc"]] for e in copies["entries"]), default=0)
    conn.execute("DELETE FROM link_state WHERE name IN ('copies', 'stories')")
    conn.execute("DELETE FROM link_blobs WHERE name IN ('copies.pickle', 'stories.pickle')")


def _linked_upto(conn: sqlite3.Connection) -> int:
    """The highest document row id the links across articles were last computed for (0: never)."""
    st = store.load_state(conn, "linked")
    return int(st["upto"]) if st else 0


def _catch_up(conn: sqlite3.Connection, ix: _Indexes) -> None:
    """Fold in the documents stored since ``ix.seen`` and not yet indexed, in row-id order.

    Called under the write lock before this process adds an article: every document is then
    indexed after all the documents stored before it, whoever stored them, as one sequential
    ingest would. An ``ingest`` indexes its article in the transaction that stores it, so this
    only finds documents stored otherwise (older ledgers, the benchmark's synthetic rows)."""
    top = conn.execute("SELECT COALESCE(MAX(doc_id), 0) FROM copy_docs").fetchone()[0]
    for row in conn.execute("SELECT id, doc, body, published FROM documents WHERE id > ? ORDER BY id",
                            (max(ix.seen, top),)).fetchall():
        ix.seen = row["id"]
        ents = [r["text"] for r in conn.execute(
            "SELECT text FROM mentions_entity WHERE doc_id = ? AND label IN ('PERSON','ORG','GPE')", (row["id"],))]
        dup = ix.copies.add(row["id"], row["doc"], row["body"], _date(row["published"]))
        ix.stories.add(row["id"], row["doc"], row["body"], _date(row["published"]), ents or None, duplicate_of=dup)
    ix.seen = max(ix.seen, top)


# Articles are analysed this many at a time (spaCy batches within), then stored one by one.
BATCH = 16


def _chunks(items: Iterable[Article], n: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _analyse_chunk(chunk: list[Article]) -> Iterator[tuple[Article, Analysis | Exception]]:
    """Each article with its analysis, in input order, or with the exception that stopped it.

    The pipeline batches for speed, so one article's exception would end the whole batch; the
    batch is then redone one article at a time so only the article at fault is lost. Results
    are put back in input order (the pipeline hands non-English articles back first), so a
    document's row id, and with it every listing, does not depend on how inputs were batched.
    """
    try:
        done = {id(an.article): an for an in analyse(chunk)}
    except ModelMissing:
        raise
    except Exception:
        done = {}
        for a in chunk:
            try:
                done.update((id(an.article), an) for an in analyse([a]))
            except ModelMissing:
                raise
            except Exception as e:  # one article's bug must not cost the others
                done[id(a)] = e
    for a in chunk:
        yield a, done.get(id(a), RuntimeError("the pipeline returned no analysis"))


def ingest(conn: sqlite3.Connection, inputs: Iterable[str], *, published: dt.date | None = None,
           outlet: str | None = None, allow_private: bool = False,
           progress: Callable[[str, str], None] | None = None, jobs: int = 1) -> IngestReport:
    """Read, analyse, store and link ``inputs``. ``jobs`` > 1 analyses in that many worker
    processes (``workers``); this process alone stores, in input order, one article per
    transaction, whatever the number of jobs."""
    report = IngestReport()
    note = progress or (lambda kind, msg: None)
    ix = _load(conn)

    def articles():
        for item in iter_articles(list(inputs), published=published, outlet=outlet, allow_private=allow_private):
            if isinstance(item, Problem):
                report.problems.append(item)
                note("problem", f"{item.source}: {item.message}")
                continue
            # only to spare analysing what is stored already; the decision is taken again
            # when storing, since another writer may store the same text in between
            known = store.find_by_hash(conn, item.content_hash)
            if known is not None:
                _unchanged(report, note, item, known)
                continue
            yield item

    if jobs > 1:
        from .workers import analysed
        results = analysed(_chunks(articles(), BATCH), jobs)
    else:
        results = (pair for chunk in _chunks(articles(), BATCH) for pair in _analyse_chunk(chunk))
    for a, an in results:
        if isinstance(an, Exception):
            report.problems.append(Problem(a.source, f"not analysed: {type(an).__name__}: {an}"))
            note("problem", f"{a.source}: not analysed ({type(an).__name__}: {an})")
            continue
        ix = _store_one(conn, an, ix, report, note)
    note("linking", "linking across articles")  # the last step, over the whole ledger
    _link_all(conn, ix, report, note)
    return report


def _unchanged(report: IngestReport, note, a: Article, known: str) -> None:
    report.unchanged.append(known)
    note("unchanged", f"{a.source}: already in the ledger as {known}")


def _store_one(conn: sqlite3.Connection, an: Analysis, ix: _Indexes, report: IngestReport, note) -> _Indexes:
    """One analysed article in its own write transaction; returns the indexes to go on with."""
    a = an.article
    try:
        with store.transaction(conn):
            known = store.find_by_hash(conn, a.content_hash)
            if known is not None:  # stored since it was read: by another writer, or earlier in this run
                _unchanged(report, note, a, known)
                return ix
            _name(an, store.unique_doc_id(conn, a.doc))
            _catch_up(conn, ix)
            ix.seen = store.save_analysis(conn, an)
            _index(conn, ix, an)
    except Exception as e:  # one article's failure must not cost the others
        report.problems.append(Problem(a.source, f"not stored: {type(e).__name__}: {e}"))
        note("problem", f"{a.source}: not stored ({type(e).__name__}: {e})")
        return _load(conn)  # drop whatever the failed article put in the indexes
    report.added.append(a.doc)
    report.figures += len(an.mentions)
    if an.skipped:
        report.skipped_language.append(a.doc)
        note("added", f"{a.doc}: stored, figures not extracted ({an.skipped})")
    else:
        note("added", f"{a.doc}: {len(an.mentions)} figures")
    return ix


def _name(an: Analysis, doc: str) -> None:
    """Give the article the id it is stored under (the file's own name may have been taken
    by another text, in this run or by another writer, since it was read)."""
    an.article.doc = doc
    for m in an.mentions:
        m.doc = doc


def _index(conn: sqlite3.Connection, ix: _Indexes, an: Analysis) -> None:
    a = an.article
    dup = ix.copies.add(ix.seen, a.doc, an.body, a.published)
    ents = [e[0] for e in an.entities if e[1] in {"PERSON", "ORG", "GPE"}]
    story = ix.stories.add(ix.seen, a.doc, an.body, a.published, ents or None, duplicate_of=dup)
    conn.execute("UPDATE documents SET duplicate_of = ?, story = ? WHERE doc = ?", (dup, story, a.doc))


def _link_all(conn: sqlite3.Connection, ix: _Indexes, report: IngestReport, note) -> None:
    """Groups, names and claims where the new articles can change them (or over the whole
    ledger), in one write transaction: it reads the rows as they are once every other writer's
    article is either committed or not begun, so it never links half of someone else's work."""
    try:
        with store.transaction(conn):
            _catch_up(conn, ix)
            if not link_incremental(conn, ix):
                _refresh_groups(conn, ix.copies, ix.stories)
                relink(conn)
    except Exception as e:
        # The articles are stored; only the links across them are stale (the rollback keeps the
        # previous ones whole), and the next ingest redoes them from the stored rows.
        report.problems.append(Problem("(linking across articles)", f"not updated: {type(e).__name__}: {e}"))
        note("problem", f"linking across articles not updated ({type(e).__name__}: {e}); "
                        "the articles are stored, run ingest again to retry")


def _refresh_groups(conn, copies: CopyStore, stories: StoryStore) -> None:
    """A later, earlier-dated copy can change which document is the original of a group."""
    roots, words = copies.roots(), stories.stories()
    for row in conn.execute("SELECT doc, duplicate_of, story FROM documents").fetchall():
        root = roots[row["doc"]]
        dup, story = (None if root == row["doc"] else root), words[row["doc"]]
        if (dup, story) != (row["duplicate_of"], row["story"]):
            conn.execute("UPDATE documents SET duplicate_of = ?, story = ? WHERE doc = ?", (dup, story, row["doc"]))


def build_entities(conn: sqlite3.Connection, doc_ids: list[int] | None = None,
                   index: EntityIndex | None = None) -> EntityIndex:
    """The entity index of every document's speakers (or of ``doc_ids``' added to ``index``)."""
    index = index if index is not None else EntityIndex()
    where = f"WHERE s.doc_id IN ({','.join('?' * len(doc_ids))}) " if doc_ids is not None else ""
    rows = conn.execute(
        "SELECT d.doc, d.text, d.published, s.name, s.kind, s.role FROM speakers s "
        f"JOIN documents d ON d.id = s.doc_id {where}ORDER BY d.doc", doc_ids or ()).fetchall()
    by_doc: dict[str, list] = {}
    texts: dict[str, str] = {}
    for r in rows:
        by_doc.setdefault(r["doc"], []).append(NameMention(r["name"], r["kind"], r["role"], r["doc"]))
        texts[r["doc"]] = r["text"]
    for doc in sorted(by_doc):
        index.add_document(by_doc[doc], text=texts[doc], doc=doc)
    return index


def _speaker_rows(conn: sqlite3.Connection, doc_ids: list[int] | None = None) -> list[tuple]:
    """(doc, surface, kind, role) of every attributed speaker (of ``doc_ids``)."""
    where, args = "", ()
    if doc_ids is not None:
        where, args = f" AND f.doc_id IN ({','.join('?' * len(doc_ids))})", tuple(doc_ids)
    rows = conn.execute(
        "SELECT DISTINCT d.doc, a.speaker, a.speaker_kind FROM attributions a JOIN figures f ON f.id = a.figure_id "
        "JOIN documents d ON d.id = f.doc_id WHERE a.speaker IS NOT NULL" + where, args).fetchall()
    swhere = f" WHERE s.doc_id IN ({','.join('?' * len(doc_ids))})" if doc_ids is not None else ""
    roles = {(r["doc"], r["name"]): (r["kind"], r["role"]) for r in conn.execute(
        "SELECT d.doc, s.name, s.kind, s.role FROM speakers s JOIN documents d ON d.id = s.doc_id" + swhere, args)}
    out = {}
    for r in rows:
        out[(r["doc"], r["speaker"])] = roles.get((r["doc"], r["speaker"]), ("ANON", None))
    return [(d, sp, k, ro) for (d, sp), (k, ro) in out.items()]


def speaker_names(conn: sqlite3.Connection, index: EntityIndex) -> dict[tuple[str, str], str]:
    """(doc, surface) -> canonical name, for every attributed figure."""
    return {(d, sp): index.canonical(sp, k, ro) for d, sp, k, ro in _speaker_rows(conn)}


def _save_aliases(conn: sqlite3.Connection, rows) -> None:
    rows = [(r.alias, r.kind, r.role or "", r.link or "", r.doc or "", r.count, r.canonical,
             _person_skey(r.alias, r.kind, r.link)) for r in rows]
    conn.executemany(
        "INSERT OR REPLACE INTO entity_aliases (alias, kind, role, link, doc, count, canonical, skey) VALUES (?,?,?,?,?,?,?,?)",
        rows)
    entity_store.remember_keys(conn, (r[-1] for r in rows))


def _save_speaker_names(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    """(doc, surface, kind, role, canonical) rows, with their surname keys."""
    rows = [(d, sp, k, ro, _person_skey(sp, k), name) for d, sp, k, ro, name in rows]
    conn.executemany("INSERT OR REPLACE INTO speaker_names (doc, surface, kind, role, skey, canonical) VALUES (?,?,?,?,?,?)",
                     rows)
    entity_store.remember_keys(conn, (r[4] for r in rows))


def _speaker_key(name: str | None, kind: str | None, family: str) -> tuple[str, str]:
    """The bucket a speaker's claims are matched in, and an affiliation that must not conflict.
    Anonymous sources bucket by their head noun ("official"), so "a senior defence official"
    can meet "a US official" of another outlet; differing affiliations are kept apart later."""
    if name is None:
        return f"outlet:{family}", ""
    if kind == "ANON" or kind == "anonymous":
        key = anonymous_key(name)
        aff, _, head = key.rpartition(" ")
        return "anon:" + head, aff
    return "name:" + name.casefold(), ""


# Rewrites are looked for only among reports of one story published within this many days: an
# aggregator rewrites the day's wire story, not last month's.
REWRITE_DAYS = 3


def _in(ids) -> str:
    return "(" + ",".join("?" * len(ids)) + ")"


def _chunked(items: list, n: int = 500) -> Iterator[list]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def link_rewrites(conn: sqlite3.Connection, stories: set[str] | None = None) -> set[str]:
    """Mark reports reworded from an earlier report of their story (link/rewrites.py) as its copies,
    so they never count as corroboration. Decided over the word-stories' members from their shingle
    copies (``doc_links``), so it does not depend on the order articles arrived in; ``stories``: only
    those word-stories (what one added article can change). Returns the documents whose
    ``duplicate_of`` changed."""
    rows = []
    if stories is None:
        rows = conn.execute("SELECT d.id, d.doc, d.body, d.published, d.duplicate_of AS now, l.copy_of, l.word_story "
                            "FROM documents d JOIN doc_links l ON l.doc_id = d.id").fetchall()
    else:
        for part in _chunked(sorted(stories)):
            rows += conn.execute("SELECT d.id, d.doc, d.body, d.published, d.duplicate_of AS now, l.copy_of, l.word_story "
                                 f"FROM documents d JOIN doc_links l ON l.doc_id = d.id WHERE l.word_story IN {_in(part)}",
                                 part).fetchall()
    rows.sort(key=lambda r: (r["published"] is None, r["published"] or "", r["id"]))
    root = {r["doc"]: r["copy_of"] or r["doc"] for r in rows}
    by_story: dict[str, list] = {}
    for r in rows:
        # (an undated page is still compared: sorted after the dated ones, it is taken for the
        # copy, as an aggregator's page without a date line usually is)
        by_story.setdefault(r["word_story"] or r["doc"], []).append(r)
    for members in by_story.values():
        for i, r in enumerate(members):
            if r["copy_of"]:
                continue
            day = _date(r["published"]) if r["published"] is not None else None
            for e in members[:i]:
                close = day is None or e["published"] is None or (day - _date(e["published"])).days <= REWRITE_DAYS
                if root[e["doc"]] != r["doc"] and close and is_rewrite(r["body"], e["body"]):
                    root[r["doc"]] = root[e["doc"]]
                    break
    changed = set()
    for r in rows:
        dup = root[r["doc"]] if root[r["doc"]] != r["doc"] else None
        if dup != r["now"]:
            conn.execute("UPDATE documents SET duplicate_of = ? WHERE id = ?", (dup, r["id"]))
            changed.add(r["doc"])
    return changed


_REFS_SQL = (
    "SELECT f.id, f.start, f.sentence_start, f.low, f.high, f.unit, f.measure, f.subject, d.doc, d.outlet, d.duplicate_of, "
    "l.word_story AS story, a.speaker, a.speaker_kind, a.own_stated_on AS stated_on, a.own_source AS stated_on_source "
    "FROM figures f JOIN documents d ON d.id = f.doc_id JOIN doc_links l ON l.doc_id = d.id "
    "LEFT JOIN attributions a ON a.figure_id = f.id")


def _mention_refs(rows, names) -> tuple[list[MentionRef], dict]:
    refs, rows_by_id = [], {}
    for r in rows:
        family = r["duplicate_of"] or r["doc"]
        name = names.get((r["doc"], r["speaker"])) if r["speaker"] else None
        kind = "ANON" if r["speaker_kind"] == "anonymous" else r["speaker_kind"]
        skey, aff = _speaker_key(name, kind, family)
        refs.append(MentionRef(
            key=r["id"], doc=r["doc"], start=r["start"], speaker_key=skey, affiliation=aff,
            measure=r["measure"], unit=r["unit"], low=r["low"], high=r["high"],
            stated_on=_date(r["stated_on"]), strong_date=r["stated_on_source"] in STRONG,
            family=family, outlet=r["outlet"], story=r["story"], sentence=r["sentence_start"]))
        rows_by_id[r["id"]] = (r, name)
    return refs, rows_by_id


def _claim_keys(m: MentionRef) -> tuple[str, str, str]:
    """The keys a mention's claim is decided under: its bucket (link_claims), its copy family and
    its word-story (the post-passes), each with the measure and unit."""
    tail = f"\x1f{m.measure}\x1f{m.unit}"
    return m.speaker_key + tail, m.family + tail, (m.story or "") + tail


def _write_claims(conn: sqlite3.Connection, claims, rows_by_id) -> None:
    for claim in claims:
        for m in claim.members:
            conn.execute("UPDATE figures SET claim = ? WHERE id = ?", (claim.id, m.key))
            day = borrowed_day(claim, m)
            if day is not None:
                conn.execute("UPDATE attributions SET stated_on = ?, stated_on_source = 'borrowed' WHERE figure_id = ?",
                             (day.isoformat(), m.key))
            else:
                conn.execute("UPDATE attributions SET stated_on = own_stated_on, stated_on_source = own_source "
                             "WHERE figure_id = ?", (m.key,))
        first, name = rows_by_id[claim.members[0].key]
        subjects = Counter(rows_by_id[m.key][0]["subject"] for m in claim.members)
        conn.execute(
            "INSERT INTO claims (claim, speaker, measure, subject, low, high, unit, stated_on, mentions, outlets, independent) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (claim.id, name, first["measure"], subjects.most_common(1)[0][0], first["low"], first["high"], first["unit"],
             claim.stated_on.isoformat() if claim.stated_on else None, len(claim.members),
             len({m.outlet or m.doc for m in claim.members}), independent_reports(claim)))
    conn.executemany("INSERT OR REPLACE INTO claim_keys (figure_id, bucket, family, story) VALUES (?,?,?,?)",
                     [(m.key, *_claim_keys(m)) for c in claims for m in c.members])


def _save_doc_links(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    """(doc_id, doc, copy_of, word_story, lead facts or None)"""
    conn.executemany(
        "INSERT OR REPLACE INTO doc_links (doc_id, doc, copy_of, word_story, kinds, main_place, places) VALUES (?,?,?,?,?,?,?)",
        [(i, d, c, w, json.dumps(sorted(f[0])), f[1], json.dumps(sorted(f[2])))
         for i, d, c, w, f in rows])


def relink(conn: sqlite3.Connection) -> None:
    """Rewrites, names, claims and developing stories over the whole ledger, from the copy and
    word-story groups in ``documents`` (the caller holds the transaction and has just set them,
    ``_refresh_groups``). The reference ``link_incremental`` must agree with; it also rebuilds
    everything ``link_incremental`` keeps."""
    facts = lead_facts(conn)
    conn.execute("DELETE FROM doc_links")
    _save_doc_links(conn, [(r["id"], r["doc"], r["duplicate_of"], r["story"], facts[r["doc"]])
                           for r in conn.execute("SELECT id, doc, duplicate_of, story FROM documents")])
    link_rewrites(conn)
    index = build_entities(conn)
    speakers = _speaker_rows(conn)
    names = {(d, sp): index.canonical(sp, k, ro) for d, sp, k, ro in speakers}
    conn.execute("DELETE FROM entity_aliases")
    conn.execute("DELETE FROM entity_skeys")
    conn.execute("DELETE FROM entity_skey_grams")
    _save_aliases(conn, index.to_rows())
    conn.execute("DELETE FROM speaker_names")
    _save_speaker_names(conn, [(d, sp, k, ro, names[(d, sp)]) for d, sp, k, ro in speakers])
    conn.execute("DELETE FROM link_state WHERE name = 'speaker_names'")
    refs, rows_by_id = _mention_refs(conn.execute(_REFS_SQL).fetchall(), names)
    conn.execute("DELETE FROM claims")
    conn.execute("DELETE FROM claim_keys")
    claims = link_claims(refs)
    _write_claims(conn, claims, rows_by_id)
    developing_store.rebuild(conn)
    _track_org_names(conn, index)
    entity_store.save(conn, index)
    _mark_linked(conn)


def _track_org_names(conn: sqlite3.Connection, index: EntityIndex) -> None:
    """Every organisation and anonymous-source name with what its answer read (a full relink)."""
    conn.execute("DELETE FROM org_names")
    conn.execute("DELETE FROM org_name_deps")
    names = {("s", *r) for r in conn.execute("SELECT DISTINCT surface, kind, role FROM speaker_names WHERE skey IS NULL")}
    names |= {("a", *r) for r in conn.execute("SELECT DISTINCT alias, kind, role, link FROM entity_aliases WHERE skey IS NULL")}
    entity_store.resolve_names(conn, index, names)


def _mark_linked(conn: sqlite3.Connection) -> None:
    top = conn.execute("SELECT COALESCE(MAX(id), 0) FROM documents").fetchone()[0]
    store.save_state(conn, "linked", {"upto": top})
    conn.execute("DELETE FROM link_pending")   # every group move is linked now


# An ingest adding more than this many articles, or this share of the ledger, relinks it whole:
# one pass over everything is then cheaper than following each article's reach.
INCREMENTAL_MAX_NEW = 64
INCREMENTAL_MAX_SHARE = 0.2


def link_incremental(conn: sqlite3.Connection, ix: _Indexes) -> bool:
    """What ``relink`` would give, computed only where the documents added since the last link
    can change it; False (nothing done) when the kept state cannot say (a ledger never linked
    by this version, or many new articles), and the caller relinks in full.

    - copy and word-story groups: the indexes' ``changed`` documents and the new ones;
    - rewrites: only in the word-stories those documents were or are in;
    - names: the saved entity index, the new documents added; canonical names recomputed for
      persons whose surname component gained evidence (or a lookup's fuzzy neighbour did) and
      for every organisation and anonymous source;
    - claims: ``link_claims`` over the closure of the changed mentions under their bucket,
      copy family and word-story keys (old and new) and their old claims: every claim that
      could see a changed mention is recomputed, and no other claim can differ;
    - developing stories: over the kept per-document facts (no text is read again).
    """
    upto = _linked_upto(conn)
    if not upto:
        return False
    new = conn.execute("SELECT id, doc FROM documents WHERE id > ? ORDER BY id", (upto,)).fetchall()
    total = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    if len(new) > max(INCREMENTAL_MAX_NEW, INCREMENTAL_MAX_SHARE * total):
        return False
    new_ids = [r["id"] for r in new]
    new_docs = {r["doc"] for r in new}
    keys = _person_keys(conn, new_ids)
    index = entity_store.load(conn, keys)
    if index is None:
        return False

    # copy and word-story groups
    regroup = {r[0] for r in conn.execute("SELECT doc FROM link_pending")} | new_docs
    links = []
    for part in _chunked(sorted(regroup)):
        links += conn.execute(f"SELECT d.id, d.doc, l.copy_of, l.word_story, l.kinds, l.main_place, l.places "
                              f"FROM documents d LEFT JOIN doc_links l ON l.doc_id = d.id WHERE d.doc IN {_in(part)}",
                              part).fetchall()
    facts = lead_facts(conn, new_ids) if new_ids else {}
    stories, regrouped, rows = set(), set(), []
    for r in links:
        copy_of, story = ix.copies.duplicate_of(r["doc"]), ix.stories.story(r["doc"])
        stories.update(s for s in (story, r["word_story"]) if s)
        if r["doc"] in facts:
            f = facts[r["doc"]]
        else:
            f = (set(json.loads(r["kinds"])), r["main_place"], set(json.loads(r["places"])))
        if (copy_of, story) != (r["copy_of"], r["word_story"]) or r["doc"] in new_docs:
            regrouped.add(r["doc"])
            rows.append((r["id"], r["doc"], copy_of, story, f))
    _save_doc_links(conn, rows)
    moved = regrouped | link_rewrites(conn, stories)   # family or word-story changed

    # names
    index.touched, index.changed = set(), set()
    if new_ids:
        build_entities(conn, new_ids, index)
    added = [r for r in index.to_rows_of(new_docs)] if new_docs else []
    _save_aliases(conn, added)
    renamed = _rename(conn, index, new_ids, keys, added)

    # claims
    seeds: set[int] = set()
    for part in _chunked(sorted(moved)):
        seeds.update(r[0] for r in conn.execute(
            f"SELECT f.id FROM figures f JOIN documents d ON d.id = f.doc_id WHERE d.doc IN {_in(part)}", part))
    for doc, surface in renamed:
        seeds.update(r[0] for r in conn.execute(
            "SELECT f.id FROM figures f JOIN documents d ON d.id = f.doc_id JOIN attributions a ON a.figure_id = f.id "
            "WHERE d.doc = ? AND a.speaker = ?", (doc, surface)))
    relinked = _relink_claims(conn, seeds) if seeds else set()

    # developing stories: where a document was added, or its word-story, claims or names changed
    affected = set(new_ids) | relinked
    for part in _chunked(sorted(moved | {d for d, _ in renamed})):
        affected.update(r[0] for r in conn.execute(f"SELECT id FROM documents WHERE doc IN {_in(part)}", part))
    developing_store.update(conn, affected, set(new_ids))
    entity_store.save(conn, index)
    _mark_linked(conn)
    return True


def _person_keys(conn: sqlite3.Connection, new_ids: list[int]) -> set[str]:
    """The surname keys whose people the new documents can change, or be resolved against: those
    of their names (as their speakers are stored and as resolved within each article) and every
    key fuzzily joined to them (link/entity_store.py)."""
    if not new_ids:
        return set()
    own = EntityIndex()
    build_entities(conn, new_ids, own)
    keys = {_person_skey(r.alias, r.kind, r.link) for r in own.to_rows()}
    keys |= {_person_skey(sp, k) for _, sp, k, _ in _speaker_rows(conn, new_ids)}
    return entity_store.closure(conn, {k for k in keys if k})


def _rename(conn: sqlite3.Connection, index: EntityIndex, new_ids: list[int], keys: set[str],
            added: list) -> set[tuple[str, str]]:
    """Bring ``speaker_names`` and ``entity_aliases``' canonical names up to date; return the
    (doc, surface) whose canonical name changed or is new. ``keys``: the surname keys the index
    was loaded with, a closure holding every key a changed person's name can be asked under;
    ``added``: the new documents' alias rows. ``index.changed`` holds the organisation state the
    new documents changed."""
    out = set()
    speakers = _speaker_rows(conn, new_ids) if new_ids else []
    _save_speaker_names(conn, [(d, sp, k, ro, index.canonical(sp, k, ro)) for d, sp, k, ro in speakers])
    out.update((d, sp) for d, sp, _, _ in speakers)
    # people: every name under a surname key whose component gained evidence
    skeys = index.touched_names(keys)
    triples = []
    for part in _chunked(sorted(skeys)):
        triples += conn.execute(f"SELECT DISTINCT surface, kind, role FROM speaker_names WHERE skey IN {_in(part)}",
                                part).fetchall()
    for sp, k, ro in {tuple(t) for t in triples}:
        out |= _rename_speaker(conn, sp, k, ro, index.canonical(sp, k, ro))
    obs = []
    for part in _chunked(sorted(skeys)):
        obs += conn.execute(f"SELECT DISTINCT alias, kind, role, link, canonical FROM entity_aliases WHERE skey IN {_in(part)}",
                            part).fetchall()
    for a, k, ro, ln, was in obs:
        name = index.canonical(a, k, ro or None, ln or None)
        if name != was:
            conn.execute("UPDATE entity_aliases SET canonical = ? WHERE alias = ? AND kind = ? AND role = ? AND link = ?",
                         (name, a, k, ro, ln))
    # organisations and anonymous sources: the new ones, and those whose answer read what changed
    names = entity_store.names_reading(conn, index.changed or set())
    names |= {("s", sp, k, ro) for _, sp, k, ro in speakers if _person_skey(sp, k) is None}
    names |= {("a", r.alias, r.kind, r.role or "", r.link or "") for r in added if _person_skey(r.alias, r.kind, r.link) is None}
    index.changed = None
    for name, was, now in entity_store.resolve_names(conn, index, names):
        if was is None or was == now:
            continue
        if name[0] == "s":
            out |= _rename_speaker(conn, *name[1:], now)
        else:
            conn.execute("UPDATE entity_aliases SET canonical = ? WHERE alias = ? AND kind = ? AND role = ? AND link = ?",
                         (now, *name[1:]))
    return out


def _rename_speaker(conn: sqlite3.Connection, sp: str, k: str | None, ro: str | None, name: str) -> set[tuple[str, str]]:
    """Give every (doc, surface) of one speaker ``name``; return those it changed."""
    changed = conn.execute("SELECT doc FROM speaker_names WHERE surface = ? AND kind IS ? AND role IS ? "
                           "AND canonical != ?", (sp, k, ro, name)).fetchall()
    if changed:
        conn.execute("UPDATE speaker_names SET canonical = ? WHERE surface = ? AND kind IS ? AND role IS ?",
                     (name, sp, k, ro))
    return {(r[0], sp) for r in changed}


def _relink_claims(conn: sqlite3.Connection, seeds: set[int]) -> set[int]:
    """Recompute the claims of ``seeds`` and of every mention whose claim could depend on them;
    return the row ids of the documents those mentions are in."""
    names = {}
    done: set[int] = set()
    todo = set(seeds)
    rows_all = {}
    old_claims: set[str] = set()
    seen_keys: set[tuple[str, str]] = set()
    while todo:
        batch = sorted(todo - done)
        todo = set()
        if not batch:
            break
        done.update(batch)
        rows = []
        for part in _chunked(batch):
            rows += conn.execute(_REFS_SQL + f" WHERE f.id IN {_in(part)}", part).fetchall()
            for r in conn.execute(f"SELECT d.doc, sn.surface, sn.canonical FROM figures f JOIN documents d ON d.id = f.doc_id "
                                  f"JOIN attributions a ON a.figure_id = f.id JOIN speaker_names sn "
                                  f"ON sn.doc = d.doc AND sn.surface = a.speaker WHERE f.id IN {_in(part)}", part):
                names[(r[0], r[1])] = r[2]
        refs, _ = _mention_refs(rows, names)
        keys: set[tuple[str, str]] = set()
        for m in refs:
            b, fa, st = _claim_keys(m)
            keys |= {("bucket", b), ("family", fa), ("story", st)}
        for part in _chunked(batch):
            for r in conn.execute(f"SELECT bucket, family, story FROM claim_keys WHERE figure_id IN {_in(part)}", part):
                keys |= {("bucket", r[0]), ("family", r[1]), ("story", r[2])}
            for r in conn.execute(f"SELECT claim FROM figures WHERE id IN {_in(part)} AND claim IS NOT NULL", part):
                if r[0] not in old_claims:
                    old_claims.add(r[0])
                    todo.update(x[0] for x in conn.execute("SELECT id FROM figures WHERE claim = ?", (r[0],)))
        for col, k in keys - seen_keys:
            todo.update(x[0] for x in conn.execute(f"SELECT figure_id FROM claim_keys WHERE {col} = ?", (k,)))
        seen_keys |= keys
        rows_all.update((r["id"], r) for r in rows)
        todo -= done
    refs, rows_by_id = _mention_refs([rows_all[i] for i in sorted(rows_all)], names)
    for part in _chunked(sorted(old_claims)):
        conn.execute(f"DELETE FROM claims WHERE claim IN {_in(part)}", part)
    _write_claims(conn, link_claims(refs), rows_by_id)
    docs: set[int] = set()
    for part in _chunked(sorted(rows_all)):
        docs.update(r[0] for r in conn.execute(f"SELECT DISTINCT doc_id FROM figures WHERE id IN {_in(part)}", part))
    return docs


def lead_facts(conn: sqlite3.Connection, doc_ids: list[int] | None = None) -> dict[str, tuple[set[str], str | None, set[str]]]:
    """doc -> the kinds of event its lead tells, its main place and every place it names
    (link/developing.py), from the stored body and entities (of ``doc_ids``, or every document)."""
    where = f" WHERE d.id IN {_in(doc_ids)}" if doc_ids is not None else ""
    args = tuple(doc_ids or ())
    ents: dict[str, list] = {}
    for r in conn.execute("SELECT d.doc, e.text, e.label, e.start - COALESCE((SELECT min(l.start) FROM lines l "
                          "WHERE l.doc_id = d.id AND l.kind IN ('title', 'body')), 0) AS at "
                          "FROM mentions_entity e JOIN documents d ON d.id = e.doc_id" + where, args):
        ents.setdefault(r["doc"], []).append((r["text"], r["label"], r["at"]))
    out = {}
    for r in conn.execute("SELECT doc, text, body FROM documents d" + where, args):
        main, places = lead_places(ents.get(r["doc"], []))
        out[r["doc"]] = (lead_kinds(r["body"] or r["text"]), main, places)
    return out


def canonical_speakers(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    rows = conn.execute("SELECT doc, surface, canonical FROM speaker_names").fetchall()
    if rows:
        return {(r[0], r[1]): r[2] for r in rows}
    state = store.load_state(conn, "speaker_names") or {}   # a ledger linked before migration 2
    return {tuple(k.split("\x1f", 1)): v for k, v in state.items()}
