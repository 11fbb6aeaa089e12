"""Plain text files: decoded strictly as UTF-8 so offsets are honest Python ``str`` indices."""
from __future__ import annotations

import pathlib
import re

from ..model import Article, Problem

# An article file is read whole: past this it is a dump, not an article (the pipeline refuses
# texts over 10 million characters anyway, and UTF-8 takes at most 4 bytes a character).
MAX_TEXT_BYTES = 40_000_000
# A file with a NUL byte or mostly control characters is not an article, whatever its suffix.
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if b"\x00" in head:
        return True
    if not head:
        return False
    return sum(b in _CONTROL for b in head) / len(head) > 0.1


# What shows on a page: anything but white space, control and invisible formatting characters
# (zero-width spaces and joiners, direction marks and overrides, BOMs, soft hyphens).
_VISIBLE = re.compile(r"[^\s\x00-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]")


def has_text(text: str | None) -> bool:
    """Whether ``text`` holds anything a reader could see: a string of BOMs, zero-width spaces
    or direction marks is as empty as one of blanks, though ``str.strip`` keeps it."""
    return bool(text) and _VISIBLE.search(text) is not None


def decode_text(data: bytes, source: str) -> str | Problem:
    if looks_binary(data):
        return Problem(source, "binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return Problem(source, f"not UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); re-encode it as UTF-8")
    if not has_text(text):
        return Problem(source, "empty article")
    return text


def read_text_file(path: pathlib.Path, doc: str | None = None) -> Article | Problem:
    try:
        if path.stat().st_size > MAX_TEXT_BYTES:
            return Problem(str(path), f"larger than {MAX_TEXT_BYTES // 1_000_000} MB; longer than any article, not read")
        data = path.read_bytes()
    except OSError as e:
        return Problem(str(path), f"cannot read: {e.strerror or e}")
    text = decode_text(data, str(path))
    if isinstance(text, Problem):
        return text
    return Article(doc=doc or path.stem, text=text, source=str(path), kind="text")
