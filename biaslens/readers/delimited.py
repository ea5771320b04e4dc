"""Delimited tables (``.csv``, ``.tsv``, also gzipped): one article per row.

Rows are streamed through the :mod:`csv` module in strict mode with the
first non-blank row as header. Physical lines are decoded one by one as
strict UTF-8, so a row with undecodable bytes, a row with the wrong number of
fields or a quoting error becomes an error Article naming ``file:line`` (the
row's first physical line) and reading goes on. Fields may be large (full
article texts): the csv field size limit is raised once.
"""
from __future__ import annotations

import csv
import sys
from typing import IO, Iterator

from biaslens.model import Article
from biaslens.readers._common import MissingColumnsError, ReadContext, Source, open_binary

__all__ = ["read_delimited"]

_FIELD_LIMIT = min(sys.maxsize, 2**31 - 1)


def _decoded_lines(fh: IO[bytes], bad: list[int]) -> Iterator[str]:
    """Decode each physical line; remember the numbers of undecodable ones."""
    for n, raw in enumerate(fh, start=1):
        try:
            yield raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError:
            bad.append(n)
            yield raw.decode("utf-8", errors="replace")


def read_delimited(source: Source, ctx: ReadContext, *, delimiter: str | None = None) -> Iterator[Article]:
    """Yield one Article per data row of a CSV/TSV file."""
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    if delimiter is None:
        name = source.path.name.lower().removesuffix(".gz")
        delimiter = "\t" if name.endswith(".tsv") else ","
    try:
        fh = open_binary(source.path)
    except OSError as e:
        yield ctx.error(source, f"cannot read file: {e}")
        return
    bad: list[int] = []
    with fh:
        reader = csv.reader(_decoded_lines(fh, bad), delimiter=delimiter, strict=True)
        header: list[str] | None = None
        end = 0  # last physical line consumed so far
        while True:
            start = end + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as e:
                end = reader.line_num
                yield ctx.error(source, f"malformed CSV: {e}", start)
                continue
            except (OSError, EOFError) as e:
                yield ctx.error(source, f"read failed after line {end}: {e}", start)
                return
            end = reader.line_num
            if not row or (len(row) == 1 and not row[0].strip()):
                continue  # blank line
            undecodable = [n for n in bad if start <= n <= end]
            del bad[:]
            if header is None:
                if undecodable:
                    yield ctx.error(source, f"undecodable bytes (not UTF-8) in header line {undecodable[0]}")
                    return
                header = [h.strip() for h in row]
                dupes = sorted({h for h in header if h and header.count(h) > 1})
                if dupes:  # a dict row would silently keep only the last of them
                    yield ctx.error(source, f"duplicate column name{'s' * (len(dupes) > 1)} in the header: {', '.join(dupes)}", start)
                    return
                if len(header) == 1:
                    other = next((sep for sep in (";", "|", "\t", ",") if sep != delimiter and sep in header[0]), None)
                    if other is not None:
                        shown = {"\t": "tab"}.get(other, repr(other))
                        want = "tab-separated (.tsv)" if delimiter == "\t" else "comma-separated (.csv)"
                        yield ctx.error(source, f"the header {header[0]!r} is one column: the file looks {shown}-separated, "
                                        f"but it is read as {want}", start)
                        return
                try:
                    ctx.resolver.resolve(tuple(header))
                except MissingColumnsError as e:
                    yield ctx.error(source, str(e))
                    return
                names = tuple(header)
                continue
            if undecodable:
                yield ctx.error(source, f"undecodable bytes (not UTF-8) at line {undecodable[0]}", start)
                continue
            if len(row) != len(header):
                yield ctx.error(source, f"expected {len(header)} fields, got {len(row)}", start)
                continue
            yield ctx.from_record(source, dict(zip(header, row)), names, start)
        if header is None:
            yield ctx.error(source, "no header row (empty file)")
