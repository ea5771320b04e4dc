"""Pieces every reader shares: the per-run context (ids, outlet rules, column
map), field resolution for tabular records, date parsing, byte decoding.

Nothing here reads a whole file; readers stream and call these per record.
"""
from __future__ import annotations

import gzip
import os
import re
import warnings
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date, datetime, timezone, timedelta
from pathlib import Path
from typing import IO, Any, Mapping, Sequence

from biaslens.model import Article
from biaslens.settings import ColumnMap

__all__ = [
    "FIELD_CANDIDATES",
    "ReadContext",
    "ColumnResolver",
    "MissingColumnsError",
    "parse_date",
    "outlet_from_url",
    "open_binary",
    "decode_strict",
    "coerce_text",
]

#: Auto-detected column names per article field, in order of preference
#: (matched case-insensitively). The common names used by news corpora:
#: news-please (``maintext``, ``date_publish``), Common Crawl derived sets,
#: Kaggle/HF news dumps (``content``, ``headline``, ``publication``).
FIELD_CANDIDATES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article", "full_text", "fulltext", "maintext",
             "article_text", "body_text", "story"),
    "outlet": ("outlet", "source", "site", "domain", "publisher", "publication", "outlet_name",
               "source_name", "sitename", "site_name", "website"),
    "id": ("id", "article_id", "uid", "guid", "doc_id", "docid", "_id", "uuid"),
    "url": ("url", "link", "href", "article_url", "source_url", "canonical_url", "uri"),
    "date": ("published", "date", "published_at", "publish_date", "publication_date", "date_publish",
             "date_published", "datetime", "pubdate", "pub_date", "timestamp", "time", "created_at"),
    "title": ("title", "headline", "heading"),
    "html": ("html", "raw_html", "content_html", "html_content"),
}

#: a host name such as "reuters.com" (preferred over display names like "Reuters")
DOMAIN_LIKE = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$", re.I)


class MissingColumnsError(ValueError):
    """An explicitly mapped column is not in the input."""


class ColumnResolver:
    """Decides which input column feeds which article field.

    Explicit :class:`ColumnMap` names win and must exist (else
    :class:`MissingColumnsError` naming the available columns); other fields
    are auto-detected from :data:`FIELD_CANDIDATES`. For ``outlet`` every
    present candidate is kept, so a record can prefer a domain-like value
    ("reuters.com") over a display name ("Reuters").
    """

    def __init__(self, columns: ColumnMap | None = None) -> None:
        self.columns = columns or ColumnMap()
        self._cache: dict[tuple[str, ...], dict[str, tuple[str, ...]]] = {}

    def resolve(self, names: Sequence[str]) -> dict[str, tuple[str, ...]]:
        """Map each field to the column names (best first) that may hold it."""
        key = tuple(names)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        by_lower: dict[str, str] = {}
        for n in names:
            by_lower.setdefault(str(n).lower(), n)
        out: dict[str, tuple[str, ...]] = {}
        missing: list[str] = []
        for fld, candidates in FIELD_CANDIDATES.items():
            explicit = getattr(self.columns, fld)
            if explicit:
                actual = explicit if explicit in names else by_lower.get(explicit.lower())
                if actual is None:
                    missing.append(f"{fld} column {explicit!r}")
                    continue
                out[fld] = (actual,)
            else:
                found = tuple(by_lower[c] for c in candidates if c in by_lower)
                # one column should feed one field: a "date" column that was
                # already taken as text (odd but possible) is not reused
                taken = {cols[0] for cols in out.values() if cols}
                found = tuple(c for c in found if c not in taken)
                if fld != "outlet":
                    found = found[:1]
                out[fld] = found
        if missing:
            shown = ", ".join(map(str, names[:40])) + (", ..." if len(names) > 40 else "")
            raise MissingColumnsError(f"{'; '.join(missing)} not found; available columns: {shown}")
        if len(self._cache) < 256:  # JSONL records usually share a handful of key sets
            self._cache[key] = out
        return out


def coerce_text(value: Any) -> str | None:
    """A field value as text: lists of paragraphs are joined by blank lines."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        parts = [coerce_text(v) for v in value]
        return "\n\n".join(p for p in parts if p)
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, dict):  # e.g. NewsAPI's {"id": ..., "name": ...} source objects
        inner = value.get("name") or value.get("id")
        return coerce_text(inner) if inner is not None and not isinstance(inner, dict) else None
    if isinstance(value, float) and value != value:  # NaN from pandas-written files
        return None
    return str(value)


def _pick_outlet(record: Mapping[str, Any], cols: tuple[str, ...]) -> str | None:
    """The outlet among candidate columns: a domain-like value if any, else the first non-empty."""
    first: str | None = None
    for c in cols:
        v = coerce_text(record.get(c))
        if v is None:
            continue
        v = v.strip()
        if not v or v.lower() in {"none", "null", "nan"}:
            continue
        if DOMAIN_LIKE.match(v):
            return v
        if first is None:
            first = v
    return first


# --- dates -----------------------------------------------------------------

# US zone abbreviations are ambiguous worldwide; these are the ones news pages use.
_TZINFOS = {
    "UTC": 0, "GMT": 0, "Z": 0, "BST": 3600, "CET": 3600, "CEST": 7200,
    "EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
    "MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
}
_HAS_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")
_EPOCH = re.compile(r"^\d{9,13}(?:\.\d+)?$")
_MIN_YEAR, _MAX_YEAR = 1800, 2200


def _naive_utc(dt: datetime) -> datetime | None:
    # the article table stores naive datetimes; aware values are converted to UTC
    if dt.tzinfo is not None:
        try:
            dt = dt.astimezone(timezone.utc).replace(tzinfo=None)
        except (OverflowError, ValueError):
            return None
    return dt if _MIN_YEAR <= dt.year <= _MAX_YEAR else None


def _from_epoch(x: float) -> datetime | None:
    if x > 1e11:  # milliseconds
        x /= 1000.0
    try:
        return _naive_utc(datetime(1970, 1, 1) + timedelta(seconds=x))
    except (OverflowError, ValueError):
        return None


def parse_date(value: Any) -> datetime | None:
    """Publication date as a naive UTC datetime, or ``None`` when absent or invalid.

    Accepts datetimes/dates, epoch seconds or milliseconds, ISO 8601 and the
    free formats python-dateutil understands ("Nov 19, 2019 10:00 AM EST").
    A string without a four-digit year is rejected: dateutil would otherwise
    fill the missing parts from today's date. Never raises.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return _naive_utc(value)
    if isinstance(value, date):
        return _naive_utc(datetime(value.year, value.month, value.day))
    if isinstance(value, (int, float)):
        if value != value or value <= 0:
            return None
        return _from_epoch(float(value))
    s = coerce_text(value)
    if s is None:
        return None
    s = s.strip()
    if not s or len(s) > 100:
        return None
    if _EPOCH.match(s):
        return _from_epoch(float(s))
    try:
        return _naive_utc(datetime.fromisoformat(s))
    except ValueError:
        pass
    if not _HAS_YEAR.search(s):
        return None
    try:
        from dateutil import parser as du

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _naive_utc(du.parse(s, tzinfos=_TZINFOS))
    except Exception:  # dateutil raises assorted types on odd input; a bad date is never fatal
        return None


# --- outlets ---------------------------------------------------------------

_EXTRACT: Any = None
_STRIP_PREFIXES = ("www.", "m.", "amp.", "mobile.")


def _extractor() -> Any:
    global _EXTRACT
    if _EXTRACT is None:
        import tldextract

        # suffix_list_urls=() + cache_dir=None: the bundled public-suffix
        # snapshot only, no network access and no cache writes. Private
        # suffixes count, so two blogs on blogspot.com are two outlets.
        _EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)
    return _EXTRACT


def outlet_from_url(url: str | None) -> str | None:
    """The registrable domain of ``url`` ("https://amp.news.bbc.co.uk/x" -> "bbc.co.uk").

    Uses tldextract's bundled Public Suffix List snapshot (offline), private
    section included ("someone.blogspot.com" is its own outlet). Hosts
    without a public suffix (IP addresses, ``localhost``) fall back to the
    host name without a www./m./amp. prefix.
    """
    if not url:
        return None
    u = url.strip()
    if not u:
        return None
    try:
        parts = _extractor()(u)
    except Exception:  # malformed URL text: no outlet rather than an error
        return None
    # tldextract >= 5.3 renamed registered_domain; older releases only have the old name
    reg = parts.top_domain_under_public_suffix if hasattr(parts, "top_domain_under_public_suffix") else parts.registered_domain
    if reg:
        return reg.lower()
    host = ".".join(p for p in (parts.subdomain, parts.domain, parts.suffix) if p).lower()
    for prefix in _STRIP_PREFIXES:
        if host.startswith(prefix):
            host = host[len(prefix):]
    return host or None


# --- bytes -----------------------------------------------------------------


def open_binary(path: Path) -> IO[bytes]:
    """Open a file for streaming, transparently gunzipping ``*.gz``."""
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def read_whole(source: "Source", ctx: "ReadContext") -> tuple[bytes | None, Article | None]:
    """The bytes of a one-article file, or an error Article when it cannot be read."""
    try:
        with open_binary(source.path) as fh:
            return fh.read(), None
    except (OSError, EOFError) as e:
        return None, ctx.error(source, f"cannot read file: {e}")


def decode_strict(data: bytes) -> tuple[str | None, str | None]:
    """(text, None) when ``data`` is UTF-8 (a BOM is dropped), else (None, error message)."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as e:
        return None, f"undecodable bytes (not UTF-8) at byte {e.start}"


# --- run context -----------------------------------------------------------


@dataclass
class ReadContext:
    """State shared by all readers during one ``read_articles`` run.

    ``ids`` holds every id handed out so far, so ids stay unique across files:
    a repeated id gets a ``~2``, ``~3`` ... suffix. Only ids are kept (not
    texts), so memory grows with the number of articles, not their size.
    """

    columns: ColumnMap = field(default_factory=ColumnMap)
    outlet: str | None = None
    ids: set[str] = field(default_factory=set)
    resolver: ColumnResolver = field(init=False)

    def __post_init__(self) -> None:
        self.resolver = ColumnResolver(self.columns)

    def unique_id(self, wanted: str) -> str:
        if wanted not in self.ids:
            self.ids.add(wanted)
            return wanted
        n = 2
        while f"{wanted}~{n}" in self.ids:
            n += 1
        out = f"{wanted}~{n}"
        self.ids.add(out)
        return out

    def make_outlet(self, column_value: str | None, url: str | None, source: Source) -> str | None:
        """Outlet rule: explicit argument > outlet column > URL domain > parent folder."""
        if self.outlet:
            return self.outlet
        if column_value:
            return column_value
        return outlet_from_url(url) or source.folder

    def error(self, source: Source, message: str, line: int | None = None) -> Article:
        """An error Article naming the file (and line) so the run can go on."""
        return Article(
            id=self.unique_id(source.record_id(line)),
            text="",
            outlet=self.outlet or source.folder,
            source_path=source.display,
            source_line=line,
            error=f"{source.where(line)}: {message}",
        )

    def from_record(self, source: Source, record: Mapping[str, Any], names: Sequence[str], line: int | None) -> Article:
        """Build an Article from one tabular record (JSONL object, CSV row, parquet row)."""
        try:
            cols = self.resolver.resolve(names)
        except MissingColumnsError as e:
            return self.error(source, str(e), line)

        def get(fld: str) -> Any:
            c = cols.get(fld)
            return record.get(c[0]) if c else None

        raw_id = coerce_text(get("id"))
        raw_id = raw_id.strip() if raw_id else ""
        rid = raw_id or source.record_id(line)
        url = coerce_text(get("url"))
        url = url.strip() or None if url else None
        outlet_col = _pick_outlet(record, cols.get("outlet", ()))
        title = coerce_text(get("title"))
        html = coerce_text(get("html")) or None
        text = coerce_text(get("text")) or ""
        published = parse_date(get("date"))
        error = None
        if not text.strip() and html:
            from biaslens.readers.html import extract_html

            ext = extract_html(html, url=url)
            text = ext.text
            title = title or ext.title
            url = url or ext.url
            published = published or ext.published
            error = ext.error
        elif not text.strip():
            tc = cols.get("text")
            error = "no text" + (f" (column {tc[0]!r} is empty)" if tc else "; no text column among: " + ", ".join(map(str, names[:40])))
        if error:
            error = f"{source.where(line)}: {error}"
        return Article(
            id=self.unique_id(rid),
            text=text,
            outlet=self.make_outlet(outlet_col, url, source),
            url=url,
            published=published,
            title=title.strip() or None if title else None,
            html=html,
            source_path=source.display,
            source_line=line,
            error=error,
        )


@dataclass(frozen=True)
class Source:
    """One input file: where it is, how it is named in ids and messages."""

    path: Path
    #: the path as shown in ``source_path`` and error messages
    display: str
    #: the id stem, relative to the input root ("demo/wire/001.txt")
    rel: str

    @cached_property
    def folder(self) -> str | None:
        """Parent folder name, the outlet of last resort (".." and "." resolved)."""
        return Path(os.path.abspath(self.path)).parent.name or None

    def record_id(self, line: int | None) -> str:
        return self.rel if line is None else f"{self.rel}:{line}"

    def where(self, line: int | None) -> str:
        """The file (and line) as error messages name it: "corpus.jsonl:17"."""
        return self.display if line is None else f"{self.display}:{line}"
