"""Core records that flow through biaslens: read -> segment -> metrics.

``Article`` is what a reader yields (one per input record, errors included),
``Segmentation`` is the line-by-line classification of a scraped page, and
``Doc`` is the unit every metric receives: the article, its segmentation and
lazily computed shared analyses (sentences, attributions, quotes, hedges) so
that no two metrics compute the same thing twice.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, TypeVar

import polars as pl

from biaslens.settings import Settings

__all__ = [
    "ARTICLE_SCHEMA",
    "STATUS_SCHEMA",
    "LINE_CLASSES",
    "Article",
    "Line",
    "Record",
    "BodyParagraph",
    "Segmentation",
    "Doc",
]

#: Schema of the article table every reader produces (documented in README).
ARTICLE_SCHEMA: dict[str, pl.DataType] = {
    "id": pl.String(),
    "outlet": pl.String(),
    "url": pl.String(),
    "published": pl.Datetime("us"),
    "title": pl.String(),
    "text": pl.String(),
    "html": pl.String(),
    "source_path": pl.String(),
    "source_line": pl.Int64(),
}

#: Columns every analysis row carries besides the article identity and metrics.
STATUS_SCHEMA: dict[str, pl.DataType] = {
    "status": pl.String(),
    "error": pl.String(),
}

#: The classes a page line can have.
LINE_CLASSES: tuple[str, ...] = ("body", "ad", "chrome", "related", "caption", "byline")


@dataclass(slots=True)
class Article:
    """One input article as read, before any analysis.

    ``error`` is set (and ``text`` may be empty) when the record could not be
    read; such an article still flows through the pipeline and becomes an
    ``error`` row, so nothing is silently dropped.
    """

    id: str
    text: str = ""
    outlet: str | None = None
    url: str | None = None
    published: datetime | None = None
    title: str | None = None
    html: str | None = None
    source_path: str | None = None
    source_line: int | None = None
    error: str | None = None

    def to_row(self) -> dict[str, Any]:
        """The article as a row of :data:`ARTICLE_SCHEMA`."""
        return {k: getattr(self, k) for k in ARTICLE_SCHEMA}


class Record:
    """Read a record's fields by name too (``rec["speaker"]``, ``dict(rec)``),
    for code that treats extractor output as plain dicts."""

    __slots__ = ()

    def __getitem__(self, key: str) -> Any:
        if key not in self.__dataclass_fields__:  # type: ignore[attr-defined]
            raise KeyError(key)
        return getattr(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key) if key in self.__dataclass_fields__ else default  # type: ignore[attr-defined]

    def keys(self) -> Any:
        return self.__dataclass_fields__.keys()  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Line(Record):
    """One non-empty line of the page and its class.

    ``index`` points into ``text.split("\\n")``; ``reason`` names the rule that
    decided the class, so the evidence view can say why a line was struck out.
    """

    index: int
    cls: str
    text: str
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "cls": self.cls, "text": self.text, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class BodyParagraph:
    """Where a body paragraph sits in ``Segmentation.body`` and in the page.

    ``body[start:end] == page_lines[line_index][line_offset:line_offset + end - start]``
    """

    line_index: int
    start: int
    end: int
    line_offset: int = 0


@dataclass(slots=True)
class Segmentation:
    """A page split into story and the rest.

    ``body`` is the story alone: body paragraphs joined by blank lines, with a
    leading dateline ("MOSCOW:", "WASHINGTON (Reuters) -") moved to ``dateline``.
    """

    lines: list[Line]
    body: str
    dateline: str | None = None
    paragraphs: list[BodyParagraph] = field(default_factory=list)

    def count(self, cls: str) -> int:
        return sum(1 for line in self.lines if line.cls == cls)

    def to_dict(self) -> dict[str, Any]:
        return {
            "lines": [line.to_dict() for line in self.lines],
            "body": self.body,
            "dateline": self.dateline,
            "counts": {c: self.count(c) for c in LINE_CLASSES},
        }

    def body_to_page(self, pos: int) -> tuple[int, int] | None:
        """Map a character offset in ``body`` to (line index, offset in that line)."""
        for p in self.paragraphs:
            if p.start <= pos <= p.end:
                return p.line_index, p.line_offset + pos - p.start
        return None


T = TypeVar("T")


class Doc:
    """The unit a metric receives: article + segmentation + shared analyses.

    Shared analyses are computed on first use and cached on the Doc, so the
    attribution extractor runs once per article however many metrics read it.
    Metrics must treat a Doc as read-only.
    """

    __slots__ = ("article", "segmentation", "settings", "_cache")

    def __init__(self, article: Article, segmentation: Segmentation, settings: Settings | None = None) -> None:
        self.article = article
        self.segmentation = segmentation
        self.settings = settings if settings is not None else Settings()
        self._cache: dict[str, Any] = {}

    @property
    def body(self) -> str:
        return self.segmentation.body

    @property
    def html(self) -> str | None:
        return self.article.html

    def cached(self, key: str, compute: Callable[[], T]) -> T:
        """Return ``compute()``, computed once per Doc under ``key``."""
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache[key] = compute()
            return value

    @property
    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) spans of the body's sentences."""
        from biaslens.text import split_sentences

        return self.cached("sentences", lambda: split_sentences(self.body))

    @property
    def attributions(self) -> list[Any]:
        """Attribution records of the body (see :func:`biaslens.attributions`)."""
        from biaslens.attribution import attributions

        return self.cached("attributions", lambda: attributions(self.body))

    @property
    def quote_spans(self) -> list[tuple[int, int]]:
        """Spans of quoted material in the body (attribution-aware)."""
        from biaslens.attribution import quote_spans

        return self.cached("quote_spans", lambda: quote_spans(self.body, self.attributions))

    @property
    def hedges(self) -> list[Any]:
        """Hedge, booster and approximator cues of the body."""
        from biaslens.hedging import hedges

        return self.cached("hedges", lambda: hedges(self.body, quote_spans=self.quote_spans, sentences=self.sentences))
