"""HTML pages (``.html``, ``.htm``, also gzipped): one article per file.

The story text, title, date and canonical URL come from trafilatura's
``bare_extraction`` (Barbaresi 2021, "Trafilatura: A Web Scraping Library and
Command-Line Tool for Text Discovery and Extraction", ACL demos) with its
default balance of precision and recall and without reader comments. The raw
page is kept in ``Article.html`` so HTML-only metrics (ad slots) can read it.
"""
from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Iterator

from biaslens.model import Article
from biaslens.readers._common import DOMAIN_LIKE, ReadContext, Source, outlet_from_url, read_whole, parse_date

__all__ = ["Extracted", "decode_html", "extract_html", "read_html"]

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Decode a page: BOM, else strict UTF-8, else the declared charset (HTTP
    header, then ``<meta charset>``), else cp1252 with replacement.

    Unlike plain-text records, a page is never rejected for its bytes: browsers
    render mislabelled pages too, and the markup survives any single-byte codec.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(data[:8192])
    for name in (declared, m.group(1).decode("ascii", "ignore") if m else None):
        codec = _codec(name)
        if codec and codec != "utf-8":
            return data.decode(codec, errors="replace")
    return data.decode("cp1252", errors="replace")


@dataclass(slots=True)
class Extracted:
    """What trafilatura found in a page (``error`` set when no story text)."""

    text: str = ""
    title: str | None = None
    url: str | None = None
    published: datetime | None = None
    sitename: str | None = None
    error: str | None = None


def extract_html(html: str, *, url: str | None = None) -> Extracted:
    """Story text and metadata of one HTML page; never raises."""
    if not html.strip():
        return Extracted(error="no text (empty HTML)")
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            favor_precision=False,
            favor_recall=False,
            include_comments=False,
            include_tables=True,
        )
    except Exception as e:  # a parser failure on one page must not stop the run
        log.debug("trafilatura failed", exc_info=True)
        return Extracted(url=url, error=f"HTML extraction failed: {type(e).__name__}: {e}")
    if doc is None:
        return Extracted(url=url, error="no text extracted from HTML")
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    text = get("text") or ""
    out = Extracted(
        text=text,
        title=(get("title") or "").strip() or None,
        url=url or get("url") or None,
        published=parse_date(get("date")),
        sitename=get("sitename") or None,
    )
    if not text.strip():
        out.error = "no text extracted from HTML"
    return out


def article_from_html(
    ctx: ReadContext, source: Source, html: str, *, url: str | None = None, line: int | None = None
) -> Article:
    """One Article from a page (shared by the file reader and the WARC reader)."""
    ext = extract_html(html, url=url)
    page_url = ext.url
    # without a URL a domain-looking site name ("reuters.com") still names the outlet
    site_outlet = None
    if not page_url and ext.sitename and DOMAIN_LIKE.match(ext.sitename.strip()):
        site_outlet = outlet_from_url(ext.sitename.strip())
    return Article(
        id=ctx.unique_id(source.record_id(line)),
        text=ext.text,
        outlet=ctx.make_outlet(site_outlet, page_url, source),
        url=page_url,
        published=ext.published,
        title=ext.title,
        html=html,
        source_path=source.display,
        source_line=line,
        error=f"{source.where(line)}: {ext.error}" if ext.error else None,
    )


def read_html(source: Source, ctx: ReadContext) -> Iterator[Article]:
    """Yield the one Article of an HTML file (an error Article if unreadable)."""
    data, err = read_whole(source, ctx)
    if data is None:
        yield err  # type: ignore[misc]
        return
    yield article_from_html(ctx, source, decode_html(data))
