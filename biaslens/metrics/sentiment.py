"""Sentence-level tone metrics of the story body, overall and split into
authorial text and quoted material (see :mod:`biaslens.sentiment`)."""
from __future__ import annotations

from typing import Any

import polars as pl

from biaslens.model import Doc
from biaslens.registry import Column, metric
from biaslens.sentiment import article_tone, entity_tone, sentence_tone

__all__ = ["sentence_scores", "quoted_spans", "entity_tone_rows"]

_BASE = [
    ("vader_mean", "Mean raw VADER compound of body sentences", "mean"),
    ("vader_median", "Median raw VADER compound of body sentences", "mean"),
    ("positive_share", "Share of sentences with VADER compound >= 0.05", "share"),
    ("negative_share", "Share of sentences with VADER compound <= -0.05", "share"),
    ("tone_mean", "Mean news-calibrated tone of body sentences", "mean"),
]
_SPLITS = ("", "_authorial", "_quoted")


def quoted_spans(doc: Doc) -> list[tuple[int, int]]:
    """Quoted material of the body (attribution-aware spans, cached on the Doc)."""
    return list(doc.quote_spans)


def sentence_scores(doc: Doc) -> list[dict[str, Any]]:
    """Tone of each body sentence (cached on the Doc), with a ``quoted`` flag:
    True when most of the sentence lies inside quoted material."""

    def compute() -> list[dict[str, Any]]:
        body = doc.body
        spans = quoted_spans(doc) if doc.sentences else []
        rows = []
        for s, e in doc.sentences:
            row = sentence_tone(body[s:e])
            inside = sum(max(0, min(e, qe) - max(s, qs)) for qs, qe in spans)
            row.update(start=s, end=e, quoted=inside * 2 > (e - s))
            rows.append(row)
        return rows

    return doc.cached("sentence_tones", compute)


@metric(
    "sentiment",
    columns=[Column(n + split, pl.Float64, d + {"": "", "_authorial": " (authorial text)", "_quoted": " (quoted material)"}[split], agg=a)
             for split in _SPLITS for n, d, a in _BASE],
    description="VADER scored sentence by sentence on the body, plus a news-calibrated tone; split into the outlet's own "
    "text and quoted material.",
    source="Hutto & Gilbert 2014 (VADER); tone rules documented in biaslens.sentiment.",
    limits="Lexicon-based: misses sarcasm and target-specific sentiment; VADER was built for social media. "
    "None when the body has no sentences (or no quoted/authorial sentences for the splits).",
)
def sentiment_metric(doc: Doc) -> dict[str, Any]:
    rows = sentence_scores(doc)
    out: dict[str, Any] = {}
    for split, keep in (("", lambda r: True), ("_authorial", lambda r: not r["quoted"]), ("_quoted", lambda r: r["quoted"])):
        sel = [r for r in rows if keep(r)]
        summary = article_tone([r["vader_compound"] for r in sel], [r["tone"] for r in sel])
        out.update({k + split: v for k, v in summary.items()})
    return out


def entity_tone_rows(doc: Doc, entities: list[str] | tuple[str, ...]) -> list[dict[str, Any]]:
    """Long-table rows of entity-targeted tone for one article: ``id``,
    ``outlet``, ``entity``, ``mentions``, ``tone_mean``, ``vader_mean``."""
    if not entities:
        return []
    rows = entity_tone(doc.body or "", entities, sentences=doc.sentences)
    return [{"id": doc.article.id, "outlet": doc.article.outlet, **r} for r in rows]
