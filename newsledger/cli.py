"""newsledger ingest | report | export | claims | serve — one command line over one ledger."""
from __future__ import annotations

import datetime as dt
import pathlib
import sqlite3
import sys
from typing import Optional

import typer
from rich.console import Console

from . import __version__, store

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="A sourced ledger of the figures in the coverage of a developing news story.")
err = Console(stderr=True)
out = Console()

DB_OPTION = typer.Option(pathlib.Path("newsledger.db"), "--db", help="the ledger (SQLite file)")


def _open(db: pathlib.Path, must_exist: bool = True) -> sqlite3.Connection:
    if must_exist and not db.exists():
        err.print(f"[red]error:[/] no ledger at {db}: run `newsledger ingest PATH --db {db}` first")
        raise typer.Exit(2)
    try:
        return store.connect(db)
    except (sqlite3.DatabaseError, store.LedgerError) as e:
        err.print(f"[red]error:[/] {db} is not a newsledger ledger: {e}")
        raise typer.Exit(2)


def _version(value: bool):
    if value:
        out.print(f"newsledger {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="print the version and exit")):
    pass


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="files, folders (recursively), URLs or feeds"),
    db: pathlib.Path = DB_OPTION,
    published: Optional[str] = typer.Option(None, help="publication date (YYYY-MM-DD) for these inputs"),
    outlet: Optional[str] = typer.Option(None, help="outlet name for these inputs"),
    allow_private: bool = typer.Option(False, "--allow-private",
                                       help="allow fetching from loopback and private addresses"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="print only problems and the summary"),
):
    """Read articles into the ledger: figures, speakers, dates, copies, claims."""
    from .ledger import ingest as run

    pub = None
    if published:
        try:
            pub = dt.date.fromisoformat(published)
        except ValueError:
            err.print(f"[red]error:[/] --published {published!r} is not a date (YYYY-MM-DD)")
            raise typer.Exit(2)
    conn = _open(db, must_exist=False)

    def progress(kind: str, msg: str):
        if kind == "problem":
            err.print(f"[yellow]skipped[/] {msg}")
        elif not quiet:
            err.print(f"[green]{kind}[/] {msg}" if kind == "added" else f"[dim]{kind}[/] {msg}")

    from .nlp import ModelMissing
    try:
        with err.status("reading articles…", spinner="dots") if quiet and err.is_terminal else _null():
            report = run(conn, paths, published=pub, outlet=outlet, allow_private=allow_private, progress=progress)
    except ModelMissing as e:
        err.print(f"[red]error:[/] {e}")
        raise typer.Exit(2)
    summary = (f"{len(report.added)} added, {len(report.unchanged)} unchanged, "
               f"{len(report.problems)} failed; {report.figures} figures")
    if report.skipped_language:
        summary += f"; {len(report.skipped_language)} not in English (stored, figures not extracted)"
    err.print(summary + f" → {db}")
    raise typer.Exit(1 if report.failed else 0)


class _null:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


@app.command()
def report(
    db: pathlib.Path = DB_OPTION,
    format: str = typer.Option("terminal", "--format", "-f", help="terminal | html | markdown"),
    output: Optional[pathlib.Path] = typer.Option(None, "-o", "--output", help="write to this file"),
    measure: Optional[str] = typer.Option(None, help="only this measure (casualties, killed, deployed, money, …)"),
    all_measures: bool = typer.Option(False, "--all", help="include figures of measure 'other'"),
):
    """Who says how many, when: the claims per story and measure, in date order."""
    from .report import html, terminal

    conn = _open(db)
    if format == "terminal":
        console = Console(file=output.open("w", encoding="utf-8"), width=160) if output else out
        terminal.render(conn, console, measure=measure, include_other=all_measures)
    elif format in {"html", "markdown"}:
        text = html.render(conn, measure=measure) if format == "html" else terminal.markdown(conn, measure=measure,
                                                                                                include_other=all_measures)
        if output:
            output.write_text(text, encoding="utf-8")
            err.print(f"wrote {output}")
        else:
            sys.stdout.write(text)
    else:
        err.print(f"[red]error:[/] unknown format {format!r}: use terminal, html or markdown")
        raise typer.Exit(2)


@app.command()
def export(
    db: pathlib.Path = DB_OPTION,
    out_dir: pathlib.Path = typer.Option(pathlib.Path("export"), "--out", help="folder for figures.jsonl and documents.jsonl"),
):
    """Write figures.jsonl and documents.jsonl (docs/export-format.md)."""
    from .report.export import export as run

    conn = _open(db)
    n_fig, n_doc = run(conn, out_dir)
    err.print(f"wrote {n_fig} figures and {n_doc} documents to {out_dir}")


@app.command()
def documents(db: pathlib.Path = DB_OPTION):
    """List the documents in the ledger, with copies, stories and language."""
    from rich.table import Table

    conn = _open(db)
    t = Table("doc", "published", "outlet", "lang", "figures", "copy of", "story", "title")
    for r in conn.execute(
            "SELECT d.*, (SELECT COUNT(*) FROM figures f WHERE f.doc_id = d.id) AS n FROM documents d ORDER BY d.id"):
        lang = r["language"] or ""
        if r["skipped"]:
            lang += " (not extracted)"
        t.add_row(r["doc"], (r["published"] or "") + (" ~" if r["published_inferred"] else ""), r["outlet"] or "",
                  lang, str(r["n"]), r["duplicate_of"] or "", r["story"] or "", (r["title"] or "")[:60])
    out.print(t)


@app.command()
def serve(db: pathlib.Path = DB_OPTION, host: str = "127.0.0.1", port: int = 8000):
    """Browse the ledger in a web browser (FastAPI)."""
    import uvicorn

    from .web.app import create_app

    _open(db).close()
    uvicorn.run(create_app(db), host=host, port=port)


if __name__ == "__main__":
    app()
