"""Web archives (``.warc``, ``.warc.gz``): one article per HTML response.

Streamed record by record with warcio. Only ``response`` records with HTTP
status 200 and an HTML content type are articles; requests, metadata,
redirects, images and scripts are not, and are passed over. The URL is the
record's ``WARC-Target-URI``; the page then goes through the same extraction
as an ``.html`` file. ``source_line`` is the 1-based number of the record in
the file (all record types counted), so an id reads ``crawl.warc.gz:7``.
A damaged archive yields an error Article at the failing record; records
after it cannot be located reliably, so the file ends there.
"""
from __future__ import annotations

import re
from typing import Iterator

from biaslens.model import Article
from biaslens.readers._common import ReadContext, Source
from biaslens.readers.html import article_from_html, decode_html

__all__ = ["read_warc"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)


def read_warc(source: Source, ctx: ReadContext) -> Iterator[Article]:
    """Yield one Article per HTTP 200 HTML response of a WARC file."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        fh = open(source.path, "rb")
    except OSError as e:
        yield ctx.error(source, f"cannot read file: {e}")
        return
    number = 0
    with fh:
        try:
            for record in ArchiveIterator(fh):
                number += 1
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                if record.http_headers.get_statuscode() != "200":
                    continue
                ctype = record.http_headers.get_header("Content-Type") or ""
                if not ctype.lower().lstrip().startswith(_HTML_TYPES):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or None
                m = _CHARSET.search(ctype)
                try:
                    data = record.content_stream().read()
                except Exception as e:  # bad chunking / content-encoding in one record
                    yield ctx.error(source, f"cannot read record payload: {type(e).__name__}: {e}", number)
                    continue
                html = decode_html(data, m.group(1) if m else None)
                yield article_from_html(ctx, source, html, url=url, line=number)
        except Exception as e:  # warcio raises ArchiveLoadFailed and assorted parse errors
            yield ctx.error(source, f"damaged WARC at record {number + 1}: {type(e).__name__}: {e}", number + 1)
