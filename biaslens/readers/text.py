"""Plain-text scrapes (``.txt``, also gzipped): one article per file.

The text is kept whole (chrome, ads and all: segmentation sorts the lines
later); only a BOM is dropped and CRLF/CR line ends become LF, because every
later step splits lines on ``"\\n"``. The title stays ``None``: the first line
of a scrape is as often a menu or an ad as a headline. A file that is not
valid UTF-8 becomes an error Article (no guessing of legacy encodings).
"""
from __future__ import annotations

from typing import Iterator

from biaslens.model import Article
from biaslens.readers._common import ReadContext, Source, decode_strict, read_whole

__all__ = ["read_text"]


def read_text(source: Source, ctx: ReadContext) -> Iterator[Article]:
    """Yield the one Article of a text file."""
    data, failed = read_whole(source, ctx)
    if data is None:
        yield failed  # type: ignore[misc]
        return
    text, err = decode_strict(data)
    if text is None:
        yield ctx.error(source, err or "undecodable bytes")
        return
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        yield ctx.error(source, "no text (empty file)")
        return
    yield Article(
        id=ctx.unique_id(source.record_id(None)),
        text=text,
        outlet=ctx.make_outlet(None, None, source),
        source_path=source.display,
        source_line=None,
    )
