"""newsledger ingest | report | export | claims | serve — one command line over one ledger."""
from __future__ import annotations

import datetime as dt
import pathlib
import sqlite3
import sys
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperArgument, TyperCommand, TyperGroup

from . import __version__, store
from .progress import STEPS, count_articles
from .progress import bar as progress_bar


class _NamedValues:
    """Typer's help prints each parameter's Python type (<bool>, <str>, <path>, <list[str]>)
    where a reader wants to know what to type. Every option here names its value (metavar);
    a flag takes no value and an argument is named in its own column, so they show no type."""

    def get_params(self, ctx):
        params = super().get_params(ctx)
        for p in params:
            if isinstance(p, TyperArgument):
                p.display_type_rich = lambda ctx=None: None
            elif getattr(p, "is_flag", False) and p.metavar is None:
                p.metavar = ""
        return params


class _Group(_NamedValues, TyperGroup):
    pass


class _Command(_NamedValues, TyperCommand):
    pass


app = typer.Typer(add_completion=False, no_args_is_help=True, cls=_Group,
                  help="A sourced ledger of the figures in the coverage of a developing news story.")
# soft_wrap: a problem stays on one line when stderr goes to a log or a pipe (Rich would
# otherwise wrap at 80 columns and split one message over several lines)
err = Console(stderr=True, soft_wrap=True)
out = Console()
FORMATS = ("terminal", "html", "markdown", "json")
EXPORT_FORMATS = ("jsonl", "csv", "parquet")  # report.formats.FORMATS, named here so --help needs no import
# the measures of docs/export-format.md: a misspelt --measure would otherwise print an empty report
MEASURES = ("casualties", "killed", "wounded", "captured", "missing", "deployed", "displaced", "money",
            "territory", "other")

DB_OPTION = typer.Option(pathlib.Path("newsledger.db"), "--db", metavar="FILE",
                         help="the ledger: an SQLite file (ingest creates it)")


def _open(db: pathlib.Path, must_exist: bool = True) -> sqlite3.Connection:
    if must_exist and not db.exists():
        err.print(f"[red]error:[/] no ledger at {db}: run `newsledger ingest PATH --db {db}` first")
        raise typer.Exit(2)
    if db.is_dir():
        err.print(f"[red]error:[/] {escape(str(db))} is a folder, not a ledger file")
        raise typer.Exit(2)
    try:
        return store.connect(db)
    except (store.NewerLedger, store.LedgerBusy) as e:
        # a ledger, just not one to open now: not to be reported as "not a ledger" below
        err.print(f"[red]error:[/] {escape(str(db))}: {escape(str(e))}")
        raise typer.Exit(2)
    except (sqlite3.DatabaseError, store.LedgerError) as e:
        err.print(f"[red]error:[/] {escape(str(db))} is not a newsledger ledger: {escape(str(e))}")
        raise typer.Exit(2)


def _version(value: bool):
    if value:
        out.print(f"newsledger {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="print the version and exit")):
    pass


@app.command(cls=_Command)
def ingest(
    paths: list[str] = typer.Argument(..., metavar="PATH", help="files, folders (read recursively), "
                                      "http(s) URLs or RSS/Atom feeds to read, one or more"),
    db: pathlib.Path = DB_OPTION,
    published: Optional[str] = typer.Option(None, metavar="DATE", help="publication date (YYYY-MM-DD) for "
                                            "every article read in this run, over what the articles say"),
    outlet: Optional[str] = typer.Option(None, metavar="NAME", help="outlet name for every article read in "
                                         "this run, over what the articles say"),
    allow_private: bool = typer.Option(False, "--allow-private",
                                       help="allow fetching from loopback and private network addresses "
                                            "(refused by default)"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="print only problems and the summary, not a "
                               "line per article"),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", metavar="NUMBER", min=1,
                                       help="analyse articles in this many processes (default: one per core); "
                                            "one process stores them, in input order"),
):
    """Read articles into the ledger: figures, speakers, dates, copies, claims."""
    from .ledger import ingest as run
    from .workers import default_jobs

    pub = None
    if published:
        try:
            pub = dt.date.fromisoformat(published)
        except ValueError:
            err.print(f"[red]error:[/] --published {escape(repr(published))} is not a date (YYYY-MM-DD)")
            raise typer.Exit(2)
    if not db.exists() and not db.parent.exists():
        db.parent.mkdir(parents=True)
    conn = _open(db, must_exist=False)

    # a bar only where someone watches: a log or a pipe gets the lines alone
    expected = count_articles(paths)
    shown = progress_bar(err) if err.is_terminal else None
    task = shown.add_task("reading and analysing", total=expected) if shown else None

    def progress(kind: str, msg: str):
        if shown is not None:
            if kind in STEPS and not msg.startswith("linking across articles"):  # (that problem is no article)
                shown.advance(task)
            elif kind == "linking":
                shown.update(task, description="linking across articles")
        if kind == "linking":
            return
        # file names and exception texts may hold "[...]": never let Rich read them as markup
        if kind == "problem":
            err.print(f"[yellow]skipped[/] {escape(msg)}")
        elif not quiet:
            err.print(f"[green]{kind}[/] {escape(msg)}" if kind == "added" else f"[dim]{kind}[/] {escape(msg)}")

    from .nlp import ModelMissing
    try:
        with shown if shown is not None else _null():
            report = run(conn, paths, published=pub, outlet=outlet, allow_private=allow_private, progress=progress,
                         jobs=_processes(jobs or default_jobs(), expected))
    except ModelMissing as e:
        err.print(f"[red]error:[/] {escape(str(e))}")
        raise typer.Exit(2)
    except KeyboardInterrupt:
        # every article stored so far is committed; the next ingest brings links up to date
        err.print("[red]interrupted:[/] articles stored so far are kept; run ingest again to finish")
        raise typer.Exit(130)
    summary = (f"{len(report.added)} added, {len(report.unchanged)} unchanged, "
               f"{len(report.problems)} failed; {report.figures} figures")
    if report.skipped_language:
        summary += f"; {len(report.skipped_language)} not in English (stored, figures not extracted)"
    err.print(escape(summary + f" → {db}"))
    raise typer.Exit(1 if report.failed else 0)


def _processes(jobs: int, articles: int | None) -> int:
    """No more worker processes than batches of articles to give them: starting one and loading
    its model takes seconds, more than analysing a few articles in this process."""
    from .ledger import BATCH

    if articles is None:
        return jobs
    return max(1, min(jobs, -(-articles // BATCH)))


class _null:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


@app.command(cls=_Command)
def report(
    db: pathlib.Path = DB_OPTION,
    format: str = typer.Option("terminal", "--format", "-f", metavar="FORMAT",
                               help="terminal (tables), html (one self-contained file) or markdown; "
                                    "json: the tables' rows for scripts"),
    output: Optional[pathlib.Path] = typer.Option(None, "-o", "--output", metavar="FILE",
                                                  help="write the report to this file instead of the screen"),
    measure: Optional[str] = typer.Option(None, metavar="MEASURE",
                                          help=f"only figures of this measure: {', '.join(MEASURES)}"),
    all_measures: bool = typer.Option(False, "--all", help="also show figures of measure 'other' "
                                      "(left out by default)"),
):
    """Who says how many, when: the claims per story and measure, in date order."""
    from .report import html, terminal

    if format not in FORMATS:  # before opening anything: a typo should not touch the ledger
        err.print(f"[red]error:[/] unknown format {escape(repr(format))}: use {', '.join(FORMATS)}")
        raise typer.Exit(2)
    if measure is not None and measure not in MEASURES:
        err.print(f"[red]error:[/] unknown measure {escape(repr(measure))}: use one of {', '.join(MEASURES)}")
        raise typer.Exit(2)
    conn = _open(db)
    if format == "terminal":
        if output:
            with output.open("w", encoding="utf-8") as fh:
                terminal.render(conn, Console(file=fh, width=160), measure=measure, include_other=all_measures)
            err.print(f"wrote {escape(str(output))}")
        else:
            # piped or redirected, there is no width to fit: as wide as a file report, so names
            # and figures are not folded over lines
            console = out if out.is_terminal else Console(width=max(out.width, 160))
            terminal.render(conn, console, measure=measure, include_other=all_measures)
        return
    if format == "json":
        from . import as_json
        from .report.view import sections
        text = as_json.dumps(as_json.report(sections(conn, measure=measure, include_other=all_measures)))
        if output:
            output.write_text(text, encoding="utf-8")
            err.print(f"wrote {escape(str(output))}")
        else:
            sys.stdout.write(text)
        return
    if format == "html":
        # html.render has no include_other yet: it always leaves out measure 'other'; say so
        # rather than ignore the flag silently
        if all_measures:
            err.print("[yellow]note:[/] --all is not supported by the HTML report yet; measure 'other' is left out")
        text = html.render(conn, measure=measure)
    else:
        text = terminal.markdown(conn, measure=measure, include_other=all_measures)
    if output:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {escape(str(output))}")
    else:
        sys.stdout.write(text)


@app.command(cls=_Command)
def export(
    db: pathlib.Path = DB_OPTION,
    out_dir: pathlib.Path = typer.Option(pathlib.Path("export"), "--out", metavar="FOLDER",
                                         help="folder to write figures.jsonl, documents.jsonl and "
                                              "timeline.jsonl into (created if missing; .csv or .parquet "
                                              "with --format)"),
    format: str = typer.Option("jsonl", "--format", "-f", metavar="FORMAT",
                               help="jsonl (one JSON object a line), csv (lists as JSON text) or parquet; "
                                    "the same fields in each"),
):
    """Write figures, documents and timeline as JSON Lines, CSV or Parquet (docs/export-format.md)."""
    from .report.export import export as run

    if format not in EXPORT_FORMATS:  # before opening anything: a typo should not touch the ledger
        err.print(f"[red]error:[/] unknown export format {escape(repr(format))}: use {', '.join(EXPORT_FORMATS)}")
        raise typer.Exit(2)
    conn = _open(db)
    n_fig, n_doc = run(conn, out_dir, format)
    err.print(f"wrote {n_fig} figures and {n_doc} documents to {escape(str(out_dir))}")


@app.command(cls=_Command)
def documents(db: pathlib.Path = DB_OPTION,
              format: str = typer.Option("table", "--format", "-f", metavar="FORMAT",
                                         help="table (for reading) or json (every field whole, for scripts)")):
    """List the documents in the ledger, with copies, stories and language."""
    from rich.table import Table

    if format not in ("table", "json"):
        err.print(f"[red]error:[/] unknown format {escape(repr(format))}: use table, json")
        raise typer.Exit(2)
    conn = _open(db)
    if format == "json":
        from . import as_json
        sys.stdout.write(as_json.dumps(as_json.documents(conn)))
        return
    t = Table()
    # ids and dates are looked up by eye and copied: keep them whole; the title gives way first
    for col in ("doc", "published"):
        t.add_column(col, no_wrap=True)
    for col in ("outlet", "lang"):
        t.add_column(col)
    t.add_column("figures", justify="right", no_wrap=True)
    for col in ("copy of", "story"):
        t.add_column(col, no_wrap=True)
    t.add_column("title", no_wrap=True, overflow="ellipsis", min_width=12)
    rows = conn.execute(
        "SELECT d.*, (SELECT COUNT(*) FROM figures f WHERE f.doc_id = d.id) AS n FROM documents d ORDER BY d.id").fetchall()
    for r in rows:
        lang = r["language"] or "?"
        if r["skipped"]:
            lang += " (stored, not extracted)"
        # stored text is data, not Rich markup: a title like "[Update] …" must print as is
        t.add_row(*(escape(v) for v in (
            r["doc"], (r["published"] or "") + (" ~" if r["published_inferred"] else ""), r["outlet"] or "",
            lang, str(r["n"]), r["duplicate_of"] or "", r["story"] or "", (r["title"] or "")[:60])))
    # piped or redirected output has no width to respect: do not squeeze ids into "000_61…"
    (out if out.is_terminal else Console(width=max(out.width, 180))).print(t)
    skipped = sum(1 for r in rows if r["skipped"])
    if skipped:
        out.print(f"{skipped} document(s) stored but not extracted (language not supported yet)")


@app.command(cls=_Command)
def serve(
    db: pathlib.Path = DB_OPTION,
    host: str = typer.Option("127.0.0.1", metavar="ADDRESS",
                             help="address to listen on; the default lets only this machine in"),
    port: int = typer.Option(8000, metavar="NUMBER", help="port to listen on"),
):
    """Browse the ledger in a web browser (FastAPI), read-only."""
    import uvicorn

    from .web.app import create_app

    _open(db).close()
    uvicorn.run(create_app(db), host=host, port=port)


if __name__ == "__main__":
    app()
