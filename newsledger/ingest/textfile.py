"""Plain text files: decoded strictly as UTF-8 so offsets are honest Python ``str`` indices."""
from __future__ import annotations

import pathlib

from ..model import Article, Problem

# A file with a NUL byte or mostly control characters is not an article, whatever its suffix.
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if b"\x00" in head:
        return True
    if not head:
        return False
    return sum(b in _CONTROL for b in head) / len(head) > 0.1


def decode_text(data: bytes, source: str) -> str | Problem:
    if looks_binary(data):
        return Problem(source, "binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return Problem(source, f"not UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); re-encode it as UTF-8")
    if not text.strip():
        return Problem(source, "empty article")
    return text


def read_text_file(path: pathlib.Path, doc: str | None = None) -> Article | Problem:
    try:
        data = path.read_bytes()
    except OSError as e:
        return Problem(str(path), f"cannot read: {e.strerror or e}")
    text = decode_text(data, str(path))
    if isinstance(text, Problem):
        return text
    return Article(doc=doc or path.stem, text=text, source=str(path), kind="text")
