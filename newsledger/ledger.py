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
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from . import store
from .ingest import iter_articles
from .link.claims import STRONG, MentionRef, independent_reports, link_claims
from .link.duplicates import CopyIndex
from .link.developing import StoryDoc, developing_stories, lead_kinds, lead_places
from .link.rewrites import is_rewrite
from .link.entities import EntityIndex, NameMention, anonymous_key, side_of
from .link.stories import StoryIndex
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
    ix = _load(conn)
    return ix.copies, ix.stories


@dataclass
class _Indexes:
    """The copy and story indexes as this process knows them, and how far into the documents
    table (``seen``, the highest row id folded in) that knowledge reaches."""
    copies: CopyIndex
    stories: StoryIndex
    seen: int = 0


def _load(conn: sqlite3.Connection) -> _Indexes:
    """The saved indexes, with every document they lack folded in (a run that stopped before
    saving, or another writer still at work)."""
    cs, ss = store.load_state(conn, "copies"), store.load_state(conn, "stories")
    ix = _Indexes(CopyIndex.from_state(cs) if cs else CopyIndex(), StoryIndex.from_state(ss) if ss else StoryIndex())
    _catch_up(conn, ix)
    return ix


def _catch_up(conn: sqlite3.Connection, ix: _Indexes) -> None:
    """Fold in the documents stored since ``ix.seen``, in row-id order.

    Called under the write lock before this process adds an article and before it saves the
    indexes: so every document is indexed after all the documents stored before it, whoever
    stored them, as one sequential ingest would; and the state saved last, by whichever writer,
    holds every document, so no writer's save drops another's."""
    for row in conn.execute("SELECT id, doc, body, published FROM documents WHERE id > ? ORDER BY id",
                            (ix.seen,)).fetchall():
        ix.seen = row["id"]
        if row["doc"] not in ix.copies:
            ix.copies.add(row["doc"], row["body"], _date(row["published"]))
        if row["doc"] not in ix.stories:
            ents = [r["text"] for r in conn.execute(
                "SELECT text FROM mentions_entity WHERE doc_id = ? AND label IN ('PERSON','ORG','GPE')", (row["id"],))]
            ix.stories.add(row["doc"], row["body"], _date(row["published"]), ents or None,
                           duplicate_of=ix.copies.duplicate_of(row["doc"]))


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
    dup = ix.copies.add(a.doc, an.body, a.published)
    ents = [e[0] for e in an.entities if e[1] in {"PERSON", "ORG", "GPE"}]
    story = ix.stories.add(a.doc, an.body, a.published, ents or None, duplicate_of=dup)
    conn.execute("UPDATE documents SET duplicate_of = ?, story = ? WHERE doc = ?", (dup, story, a.doc))


def _link_all(conn: sqlite3.Connection, ix: _Indexes, report: IngestReport, note) -> None:
    """Groups, saved indexes and names and claims over the whole ledger, in one write
    transaction: it reads the rows as they are once every other writer's article is either
    committed or not begun, so it never links half of someone else's work."""
    try:
        with store.transaction(conn):
            _catch_up(conn, ix)
            _refresh_groups(conn, ix.copies, ix.stories)
            store.save_state(conn, "copies", ix.copies.to_state())
            store.save_state(conn, "stories", ix.stories.to_state())
            relink(conn)
    except Exception as e:
        # The articles are stored; only the links across them are stale (the rollback keeps the
        # previous ones whole), and the next ingest redoes them from the stored rows.
        report.problems.append(Problem("(linking across articles)", f"not updated: {type(e).__name__}: {e}"))
        note("problem", f"linking across articles not updated ({type(e).__name__}: {e}); "
                        "the articles are stored, run ingest again to retry")


def _refresh_groups(conn, copies: CopyIndex, stories: StoryIndex) -> None:
    """A later, earlier-dated copy can change which document is the original of a group."""
    for row in conn.execute("SELECT doc, duplicate_of, story FROM documents").fetchall():
        dup, story = copies.duplicate_of(row["doc"]), stories.story(row["doc"])
        if (dup, story) != (row["duplicate_of"], row["story"]):
            conn.execute("UPDATE documents SET duplicate_of = ?, story = ? WHERE doc = ?", (dup, story, row["doc"]))


def build_entities(conn: sqlite3.Connection) -> EntityIndex:
    index = EntityIndex()
    rows = conn.execute(
        "SELECT d.doc, d.text, d.published, s.name, s.kind, s.role FROM speakers s "
        "JOIN documents d ON d.id = s.doc_id ORDER BY d.doc").fetchall()
    by_doc: dict[str, list] = {}
    texts: dict[str, str] = {}
    for r in rows:
        by_doc.setdefault(r["doc"], []).append(NameMention(r["name"], r["kind"], r["role"], r["doc"]))
        texts[r["doc"]] = r["text"]
    for doc in sorted(by_doc):
        index.add_document(by_doc[doc], text=texts[doc], doc=doc)
    return index


def speaker_names(conn: sqlite3.Connection, index: EntityIndex) -> dict[tuple[str, str], str]:
    """(doc, surface) -> canonical name, for every attributed figure."""
    out = {}
    rows = conn.execute(
        "SELECT DISTINCT d.doc, a.speaker, a.speaker_kind FROM attributions a JOIN figures f ON f.id = a.figure_id "
        "JOIN documents d ON d.id = f.doc_id WHERE a.speaker IS NOT NULL").fetchall()
    roles = {(r["doc"], r["name"]): (r["kind"], r["role"]) for r in conn.execute(
        "SELECT d.doc, s.name, s.kind, s.role FROM speakers s JOIN documents d ON d.id = s.doc_id")}
    for r in rows:
        kind, role = roles.get((r["doc"], r["speaker"]), ("ANON", None))
        out[(r["doc"], r["speaker"])] = index.canonical(r["speaker"], kind, role)
    return out


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


def link_rewrites(conn: sqlite3.Connection) -> None:
    """Mark reports reworded from an earlier report of their story (link/rewrites.py) as its copies,
    so they never count as corroboration. Recomputed over the ledger on every link, after the
    shingle copies (_refresh_groups), so it does not depend on the order articles arrived in."""
    rows = conn.execute("SELECT doc, body, published, story, duplicate_of FROM documents "
                        "WHERE published IS NOT NULL ORDER BY published, id").fetchall()
    root = {r["doc"]: r["duplicate_of"] or r["doc"] for r in rows}
    by_story: dict[str, list] = {}
    for r in rows:
        by_story.setdefault(r["story"] or r["doc"], []).append(r)
    for members in by_story.values():
        for i, r in enumerate(members):
            if r["duplicate_of"]:
                continue
            day = _date(r["published"])
            for e in members[:i]:
                if root[e["doc"]] != r["doc"] and (day - _date(e["published"])).days <= REWRITE_DAYS \
                        and is_rewrite(r["body"], e["body"]):
                    root[r["doc"]] = root[e["doc"]]
                    conn.execute("UPDATE documents SET duplicate_of = ? WHERE doc = ?", (root[r["doc"]], r["doc"]))
                    break


def relink(conn: sqlite3.Connection) -> None:
    """Rewrites, names and claims over the whole ledger (the caller holds the transaction)."""
    link_rewrites(conn)
    index = build_entities(conn)
    names = speaker_names(conn, index)
    conn.execute("DELETE FROM entity_aliases")
    conn.executemany(
        "INSERT OR REPLACE INTO entity_aliases (alias, kind, role, link, doc, count, canonical) VALUES (?,?,?,?,?,?,?)",
        [(r.alias, r.kind, r.role or "", r.link or "", r.doc or "", r.count, r.canonical) for r in index.to_rows()])
    refs, rows_by_id = [], {}
    for r in conn.execute(
            "SELECT f.id, f.start, f.sentence_start, f.low, f.high, f.unit, f.measure, f.subject, d.doc, d.outlet, d.duplicate_of, d.story, "
            "a.speaker, a.speaker_kind, a.own_stated_on AS stated_on, a.own_source AS stated_on_source FROM figures f "
            "JOIN documents d ON d.id = f.doc_id LEFT JOIN attributions a ON a.figure_id = f.id").fetchall():
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
    conn.execute("DELETE FROM claims")
    claims = link_claims(refs)
    for claim in claims:
        # a date is borrowed only from a mention that dates the claim by its own words; an
        # undated background fact keeps each article's own default rather than the earliest
        # outlet's publication day
        dated = any(m.strong_date for m in claim.members)
        for m in claim.members:
            conn.execute("UPDATE figures SET claim = ? WHERE id = ?", (claim.id, m.key))
            if dated and not m.strong_date and claim.stated_on is not None and m.stated_on != claim.stated_on:
                conn.execute("UPDATE attributions SET stated_on = ?, stated_on_source = 'borrowed' WHERE figure_id = ?",
                             (claim.stated_on.isoformat(), m.key))
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
    conn.execute("DELETE FROM link_state WHERE name = 'speaker_names'")
    store.save_state(conn, "speaker_names", {f"{d}\x1f{s}": n for (d, s), n in names.items()})
    _join_developing_stories(conn, claims, rows_by_id)


def lead_facts(conn: sqlite3.Connection) -> dict[str, tuple[set[str], str | None, set[str]]]:
    """doc -> the kinds of event its lead tells, its main place and every place it names
    (link/developing.py), from the stored body and entities."""
    ents: dict[str, list] = {}
    for r in conn.execute("SELECT d.doc, e.text, e.label, e.start - COALESCE((SELECT min(l.start) FROM lines l "
                          "WHERE l.doc_id = d.id AND l.kind IN ('title', 'body')), 0) AS at "
                          "FROM mentions_entity e JOIN documents d ON d.id = e.doc_id"):
        ents.setdefault(r["doc"], []).append((r["text"], r["label"], r["at"]))
    out = {}
    for r in conn.execute("SELECT doc, text, body FROM documents"):
        main, places = lead_places(ents.get(r["doc"], []))
        out[r["doc"]] = (lead_kinds(r["body"] or r["text"]), main, places)
    return out


def _join_developing_stories(conn: sqlite3.Connection, claims, rows_by_id) -> None:
    """Word-stories that report the same claims, quote the same source about the same party, or
    tell the same kind of event in the same place become one developing story (link/developing.py)."""
    docs = {r["doc"]: StoryDoc(r["doc"], r["story"] or r["doc"], _date(r["published"]), r["id"])
            for r in conn.execute("SELECT id, doc, story, published FROM documents")}
    for doc, (kinds, main, places) in lead_facts(conn).items():
        docs[doc].kinds, docs[doc].main_place, docs[doc].places = kinds, main, places
    for claim in claims:
        if claim.stated_on is None:
            continue
        for m in claim.members:
            if m.speaker_key.startswith("outlet:"):
                continue
            docs[m.doc].claims.add(claim.id)
            row, name = rows_by_id[m.key]
            if m.speaker_key.startswith("name:") and row["measure"] not in {"money", "other"}:
                for side in side_of(row["subject"] or ""):
                    docs[m.doc].sources.add((name, side))
    merged = developing_stories(list(docs.values()))
    for doc, story in merged.items():
        if story != docs[doc].story:
            conn.execute("UPDATE documents SET story = ? WHERE doc = ?", (story, doc))


def canonical_speakers(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    state = store.load_state(conn, "speaker_names") or {}
    return {tuple(k.split("\x1f", 1)): v for k, v in state.items()}
