"""The progress of a long ingest on a terminal: articles done of how many, rate, time left.

Counting the articles ahead of time must not read them: a file of one article (text, JSON,
HTML) counts one; a JSONL, WARC or feed file, or a URL, holds an unknown number, and then the
bar shows the count and the rate without a total or a time left.
"""
from __future__ import annotations

import pathlib

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn, TaskProgressColumn,
                           TextColumn)
from rich.text import Text

from .ingest.dispatch import SKIP_NAMES

# Inputs that hold one article each; any other kind may hold any number.
_SINGLE = (".txt", ".json", ".html", ".htm", ".html.gz", ".htm.gz")
# Outcomes of one article (the ledger's progress kinds); anything else is not a step of the bar.
STEPS = {"added", "unchanged", "problem"}


def count_articles(paths: list[str]) -> int | None:
    """How many articles ``paths`` hold, or None when that cannot be known without reading."""
    n = 0
    for p in paths:
        if "://" in p:
            return None
        path = pathlib.Path(p)
        if path.is_dir():  # as the reader walks a folder: hidden files and folders and manifests left out
            files = [f for f in path.rglob("*") if f.is_file() and f.name not in SKIP_NAMES
                     and not any(part.startswith(".") for part in f.relative_to(path).parts)]
        else:
            files = [path]
        for f in files:
            if not f.name.lower().endswith(_SINGLE):
                return None
            n += 1
    return n


class _Rate(ProgressColumn):
    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "– articles/s", style="progress.data.speed")


class _Times(ProgressColumn):
    """Time taken, and time left where the total is known (a blank is not read as "no time left")."""

    def render(self, task) -> Text:
        def clock(seconds):
            seconds = int(seconds)
            return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
        text = f"{clock(task.finished_time if task.finished else task.elapsed or 0)} elapsed"
        if task.total is not None and not task.finished and task.time_remaining is not None:
            text += f", {clock(task.time_remaining)} left"
        return Text(text, style="progress.remaining")


def bar(console: Console) -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TaskProgressColumn(), _Rate(), _Times(), console=console, transient=True)
