"""JSON Lines (``.jsonl``, ``.ndjson``, also gzipped): one article per line.

Read line by line from a binary stream, so memory holds one record at a time.
Each line is decoded as strict UTF-8 and parsed on its own; a bad line (invalid
JSON, not an object, undecodable bytes, no text) becomes an error Article
naming ``file:line`` and reading goes on. Blank lines are not records.
Columns are resolved per key set (see :class:`ColumnResolver`), since JSON
records need not share keys.
"""
from __future__ import annotations

import json
from typing import Iterator

from biaslens.model import Article
from biaslens.readers._common import ReadContext, Source, open_binary

__all__ = ["read_jsonl"]


def read_jsonl(source: Source, ctx: ReadContext) -> Iterator[Article]:
    """Yield one Article per non-blank line of a JSONL file."""
    try:
        fh = open_binary(source.path)
    except OSError as e:
        yield ctx.error(source, f"cannot read file: {e}")
        return
    lineno = 0
    with fh:
        try:
            for lineno, raw in enumerate(fh, start=1):
                if not raw.strip():
                    continue
                try:
                    line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
                except UnicodeDecodeError as e:
                    yield ctx.error(source, f"undecodable bytes (not UTF-8) at byte {e.start}", lineno)
                    continue
                try:
                    record = json.loads(line)
                except (ValueError, RecursionError) as e:
                    yield ctx.error(source, f"bad JSON: {e}", lineno)
                    continue
                if not isinstance(record, dict):
                    yield ctx.error(source, f"JSON line is a {type(record).__name__}, not an object", lineno)
                    continue
                yield ctx.from_record(source, record, tuple(record), lineno)
        except (OSError, EOFError) as e:  # truncated gzip, I/O error mid-file
            yield ctx.error(source, f"read failed after line {lineno}: {e}", lineno + 1)
