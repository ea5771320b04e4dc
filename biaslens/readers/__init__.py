"""Read news articles from files, folders and globs as a stream of :class:`Article`.

Formats, chosen by file extension (``.gz`` is opened transparently where noted):

=====================  ==========================================  ==============
extension              one article per                             ``source_line``
=====================  ==========================================  ==============
``.txt[.gz]``          file (text kept whole)                      ``None``
``.html/.htm[.gz]``    file (trafilatura: text, title, date, URL)  ``None``
``.jsonl/.ndjson[.gz]`` line (a JSON object)                       line number
``.csv/.tsv[.gz]``     row (header row first)                      first line of the row
``.parquet``           row (streamed by record batches)            row number
``.warc[.gz]``         HTTP 200 HTML response                      record number
=====================  ==========================================  ==============

Inputs:

* a **file** is always read; an unsupported extension yields one error Article;
* a **directory** is walked recursively in sorted order; hidden files and
  folders (``.x``), ``README*``, ``LICENSE*``/``LICENCE*``, ``COPYING*`` and
  ``NOTICE*`` files, and files of unsupported types are passed over (logged at
  INFO on ``biaslens.readers``): they are not articles;
* a **glob** (``"data/*/*.jsonl"``, ``**`` allowed) expands to its matches in
  sorted order; matching files are read like files, matching folders walked;
* a path that does not exist, a glob that matches nothing, or a folder
  holding no supported file raises :class:`FileNotFoundError` before anything
  is read (a usage error);
* a file reached twice (a folder and a glob over it) is read once.

Every record becomes an Article; a record that cannot be read becomes an
Article with ``error`` set ("corpus.jsonl:17: bad JSON: ..."), so nothing is
silently dropped and the run goes on. Fields:

* ``id``: the record's id column, else ``<rel path>`` (whole files) or
  ``<rel path>:<line>``, where the path is relative to the folder holding the
  input (``data/demo`` -> ``demo/wire/001.txt``; a file -> its name). Ids are
  unique across the run: a repeat gets a ``~2``, ``~3`` suffix.
* ``outlet``: the ``outlet`` argument, else an outlet column (a domain-like
  value preferred), else the URL's registrable domain (offline Public Suffix
  List), else the name of the file's parent folder.
* ``published``: parsed leniently to a naive UTC datetime; invalid -> ``None``.

Column names of tabular input are auto-detected (see
:data:`biaslens.readers._common.FIELD_CANDIDATES`) unless a
:class:`~biaslens.settings.ColumnMap` names them; a named column missing from
a CSV/parquet file yields one error Article for the file listing the
available columns (for JSONL, one per record lacking it).
"""
from __future__ import annotations

import glob
import itertools
import logging
import os
from pathlib import Path
from typing import Callable, Iterable, Iterator

import polars as pl

from biaslens.model import ARTICLE_SCHEMA, Article
from biaslens.readers._common import ReadContext, Source, outlet_from_url, parse_date
from biaslens.settings import ColumnMap

__all__ = [
    "SUPPORTED_EXTENSIONS",
    "FRAME_SCHEMA",
    "read_articles",
    "read_batches",
    "batched",
    "to_frame",
    "format_of",
    "parse_date",
    "outlet_from_url",
]

log = logging.getLogger(__name__)

Reader = Callable[[Source, ReadContext], Iterator[Article]]

#: Extensions read and the reader for each (``_GZ_OK``: also read gzipped).
SUPPORTED_EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "delimited",
    ".tsv": "delimited",
    ".parquet": "parquet",
    ".warc": "warc",
}
_GZ_OK = {".txt", ".html", ".htm", ".jsonl", ".ndjson", ".csv", ".tsv", ".warc"}
_SKIP_PREFIXES = ("readme", "license", "licence", "copying", "notice")

#: Schema of :func:`to_frame`: the article table plus the read error, if any.
FRAME_SCHEMA: dict[str, pl.DataType] = {**ARTICLE_SCHEMA, "error": pl.String()}


def format_of(name: str) -> str | None:
    """The reader for a file name ("a.jsonl.gz" -> "jsonl"), ``None`` if unsupported."""
    lower = name.lower()
    gz = lower.endswith(".gz")
    base = lower[:-3] if gz else lower
    ext = os.path.splitext(base)[1]
    if ext not in SUPPORTED_EXTENSIONS or (gz and ext not in _GZ_OK):
        return None
    return SUPPORTED_EXTENSIONS[ext]


def _reader(kind: str) -> Reader:
    # imported lazily: trafilatura and warcio are slow to import and only
    # needed when such files are present
    if kind == "text":
        from biaslens.readers.text import read_text as fn
    elif kind == "html":
        from biaslens.readers.html import read_html as fn
    elif kind == "jsonl":
        from biaslens.readers.jsonl import read_jsonl as fn
    elif kind == "delimited":
        from biaslens.readers.delimited import read_delimited as fn
    elif kind == "parquet":
        from biaslens.readers.parquet import read_parquet as fn
    elif kind == "warc":
        from biaslens.readers.warc import read_warc as fn
    else:  # pragma: no cover - format_of only returns the names above
        raise ValueError(f"unknown reader {kind!r}")
    return fn


def _id_prefix(root: Path) -> str:
    name = root.name
    return "" if name in ("", ".", "..") else name + "/"


def _skipped(name: str) -> bool:
    lower = name.lower()
    return lower.startswith(".") or lower.startswith(_SKIP_PREFIXES)


def _walk(root: Path, prefix: str) -> Iterator[Source]:
    """Supported files under ``root``, sorted by relative path."""
    found: list[tuple[str, Path]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for f in filenames:
            if _skipped(f):
                continue
            path = Path(dirpath) / f
            if format_of(f) is None:
                log.info("skipping %s: not a supported article file", path)
                continue
            found.append((path.relative_to(root).as_posix(), path))
    for rel, path in sorted(found):
        yield Source(path=path, display=str(path), rel=prefix + rel)


def _supported_names() -> str:
    return ", ".join(sorted(SUPPORTED_EXTENSIONS))


def _glob_base(pattern: str) -> Path:
    parts = Path(pattern).parts
    fixed = list(itertools.takewhile(lambda p: not glob.has_magic(p), parts))
    return Path(*fixed) if fixed else Path(".")


def _sources(inputs: Iterable[str | os.PathLike[str]]) -> list[Source]:
    """Expand inputs to files; raise FileNotFoundError for a missing input."""
    out: list[Source] = []
    seen: set[str] = set()

    def add(src: Source) -> None:
        key = os.path.realpath(src.path)
        if key not in seen:
            seen.add(key)
            out.append(src)

    for inp in inputs:
        s = os.fspath(inp)
        p = Path(s)
        if p.is_dir():
            found = list(_walk(p, _id_prefix(p)))
            if not found:
                # an empty result for a folder is almost always the wrong folder
                raise FileNotFoundError(f"no article files in folder {s!r} (looked for {_supported_names()}, also gzipped)")
            for src in found:
                add(src)
        elif p.exists():
            add(Source(path=p, display=s, rel=p.name))
        elif glob.has_magic(s):
            matches = sorted(glob.glob(s, recursive=True))
            if not matches:
                raise FileNotFoundError(f"no files match {s!r}")
            base = _glob_base(s)
            prefix = _id_prefix(base)
            for m in matches:
                mp = Path(m)
                try:
                    rel = mp.relative_to(base).as_posix()
                except ValueError:
                    rel = mp.name
                if mp.is_dir():
                    for src in _walk(mp, prefix + rel + "/"):
                        add(src)
                else:
                    add(Source(path=mp, display=m, rel=prefix + rel))
        else:
            raise FileNotFoundError(f"input not found: {s}")
    return out


def _read_source(src: Source, ctx: ReadContext) -> Iterator[Article]:
    kind = format_of(src.path.name)
    if kind is None:
        yield ctx.error(src, f"unsupported file type (supported: {_supported_names()}, and .gz of text formats)")
        return
    try:
        yield from _reader(kind)(src, ctx)
    except Exception as e:  # a reader bug on one file must not lose the rest of the run
        log.exception("reader failed on %s", src.display)
        yield ctx.error(src, f"reader failed: {type(e).__name__}: {e}")


def read_articles(
    inputs: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    columns: ColumnMap | None = None,
    outlet: str | None = None,
) -> Iterator[Article]:
    """Stream the articles of files, folders and globs (see the module docs).

    Inputs are checked before the iterator is returned, so a missing path
    raises :class:`FileNotFoundError` at the call, not mid-run.

    >>> arts = read_articles(["data/demo"])          # doctest: +SKIP
    >>> next(arts).id                                # doctest: +SKIP
    'demo/...'
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    sources = _sources(inputs)
    ctx = ReadContext(columns=columns or ColumnMap(), outlet=outlet)

    def stream() -> Iterator[Article]:
        for src in sources:
            yield from _read_source(src, ctx)

    return stream()


def read_batches(
    inputs: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    batch_size: int = 200,
    columns: ColumnMap | None = None,
    outlet: str | None = None,
) -> Iterator[list[Article]]:
    """:func:`read_articles` in lists of at most ``batch_size`` articles."""
    if batch_size < 1:
        raise ValueError(f"batch_size must be >= 1, got {batch_size}")
    return batched(read_articles(inputs, columns=columns, outlet=outlet), batch_size)


def batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """``items`` in lists of at most ``size`` (``itertools.batched`` needs Python 3.12)."""
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def to_frame(articles: Iterable[Article]) -> pl.DataFrame:
    """Articles as a polars frame with :data:`FRAME_SCHEMA` (article table + ``error``)."""
    rows = [{**a.to_row(), "error": a.error} for a in articles]
    return pl.DataFrame(rows, schema=FRAME_SCHEMA, orient="row") if rows else pl.DataFrame(schema=FRAME_SCHEMA)
