"""Web archives (``.warc``, ``.warc.gz``): one article per HTML response.

Streamed record by record with warcio. Only ``response`` records with HTTP
status 200 and an HTML content type are articles; requests, metadata,
redirects, images and scripts are not, and are passed over. The URL is the
record's ``WARC-Target-URI``; the page then goes through the same extraction
as an ``.html`` file. ``source_line`` is the 1-based number of the record in
the file (all record types counted), so an id reads ``crawl.warc.gz:7``.
A damaged archive yields an error Article at the failing record; records
after it cannot be located reliably, so the file ends there. A record shorter
than its ``Content-Length`` (a truncated download) is such a failure too, and
so is a file that does not start like a WARC; an archive without a single
HTML page gives one error Article saying what it held instead, so no input
file ever vanishes from the results. warcio's own warnings (it writes them
to stderr) are kept out of the terminal.
"""
from __future__ import annotations

import contextlib
import gzip
import io
import re
import zlib
from collections import Counter
from typing import Any, Iterator

from biaslens.model import Article
from biaslens.readers._common import ReadContext, Source
from biaslens.readers.html import article_from_html, decode_html

__all__ = ["read_warc"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)


_MAGIC = (b"WARC/", b"filedesc://")  # WARC, or the ARC files warcio also reads


def _looks_like_warc(source: Source) -> str | None:
    """None when the file starts like a (possibly gzipped) WARC/ARC, else why not."""
    try:
        with open(source.path, "rb") as raw:
            head = raw.read(2)
        # by content, not name: warcio reads a plain archive named .gz too
        with (gzip.open(source.path, "rb") if head == b"\x1f\x8b" else open(source.path, "rb")) as fh:
            start = fh.read(16)
    except (OSError, EOFError, zlib.error) as e:
        return f"cannot read file: {e}"
    if start.lstrip(b"\r\n").startswith(_MAGIC):
        return None
    shown = start[:12].decode("ascii", "replace")
    return f"not a WARC file (it starts with {shown!r}, not 'WARC/')" if start else "not a WARC file (empty)"


def _quiet_iterator(fh: Any) -> Any:
    from warcio.archiveiterator import ArchiveIterator

    class Quiet(ArchiveIterator):  # type: ignore[misc]
        # warcio prints "Record not followed by newline" warnings straight to
        # stderr; the reader reports damage as error Articles instead
        unfinished_gzip = False
        cut_headers = False

        def _consume_blanklines(self) -> Any:
            with contextlib.redirect_stderr(io.StringIO()):
                return super()._consume_blanklines()

        def _next_record(self, next_line: Any) -> Any:
            try:
                return super()._next_record(next_line)
            except EOFError:
                # warcio takes end of input inside a record's headers for a
                # clean end of file; a header line already read means a cut
                if next_line and next_line.strip():
                    self.cut_headers = True
                raise

        def close(self) -> None:
            # a gzip member cut short ends the iteration like a clean end of
            # file; its decompressor has then not reached the end of stream
            d = self.reader.decompressor if self.reader else None
            self.unfinished_gzip = bool(d is not None and not getattr(d, "eof", True))
            super().close()

    return Quiet(fh)


def _missing_bytes(record: Any) -> int:
    """Drain the record and return how many of its declared bytes never came."""
    stream = record.raw_stream
    while stream.read(1 << 16):
        pass
    return max(0, int(getattr(stream, "limit", 0) or 0))


def read_warc(source: Source, ctx: ReadContext) -> Iterator[Article]:
    """Yield one Article per HTTP 200 HTML response of a WARC file."""
    problem = _looks_like_warc(source)
    if problem:
        yield ctx.error(source, problem)
        return
    try:
        fh = open(source.path, "rb")
    except OSError as e:
        yield ctx.error(source, f"cannot read file: {e}")
        return
    number = 0
    yielded = 0
    records: Any = None
    skipped: Counter[str] = Counter()
    with fh:
        try:
            records = _quiet_iterator(fh)
            for record in records:
                number += 1
                article: tuple[bytes, str | None, str | None] | None = None
                if record.rec_type != "response" or record.http_headers is None:
                    skipped[f"{record.rec_type} record"] += 1
                elif record.http_headers.get_statuscode() != "200":
                    skipped[f"HTTP {record.http_headers.get_statuscode()}"] += 1
                else:
                    ctype = record.http_headers.get_header("Content-Type") or ""
                    if not ctype.lower().lstrip().startswith(_HTML_TYPES):
                        skipped[ctype.split(";")[0].strip() or "no content type"] += 1
                    else:
                        url = record.rec_headers.get_header("WARC-Target-URI") or None
                        m = _CHARSET.search(ctype)
                        try:
                            data = record.content_stream().read()
                        except Exception as e:  # bad chunking / content-encoding in one record
                            yielded += 1
                            yield ctx.error(source, f"cannot read record payload: {type(e).__name__}: {e}", number)
                            continue
                        article = (data, url, m.group(1) if m else None)
                missing = _missing_bytes(record)
                if missing:
                    yielded += 1
                    yield ctx.error(source, f"record {number} is truncated ({missing} bytes short of its Content-Length); "
                                    "the archive ends here", number)
                    return
                if article is not None:
                    data, url, charset = article
                    yielded += 1
                    yield article_from_html(ctx, source, decode_html(data, charset), url=url, line=number)
        except Exception as e:  # warcio raises ArchiveLoadFailed and assorted parse errors
            yielded += 1
            yield ctx.error(source, f"damaged WARC at record {number + 1}: {type(e).__name__}: {e}", number + 1)
            return
        if getattr(records, "unfinished_gzip", False) or getattr(records, "cut_headers", False):
            yielded += 1
            kind = "gzip stream" if records.unfinished_gzip else "record headers"
            yield ctx.error(source, f"archive is truncated after record {number} ({kind} cut short)", number + 1)
    if not yielded:
        held = ", ".join(f"{k}: {v}" for k, v in skipped.most_common(5)) or "nothing"
        yield ctx.error(source, f"no HTML pages (HTTP 200 text/html responses) in {number} record{'s' * (number != 1)} ({held})")
