"""Sourcing metrics: how many attributions, how named, how official, how quoted.

Built on :func:`biaslens.attribution.attributions` (cached on the Doc). Speaker
types follow the attribution extractor: named persons and organisations,
pronouns, anonymous sources and vague groups (Sheehy 2008 on anonymous
sourcing; PolNeAR, Newell et al. 2018, for what counts as an attribution).
"""
from __future__ import annotations

from collections import Counter
from typing import Any

import polars as pl

from biaslens.attribution import direct_quote_share
from biaslens.model import Doc
from biaslens.registry import Column, metric

__all__ = ["attribution_metrics", "attribution_rows", "ATTRIBUTION_ROW_SCHEMA"]

_SOURCE = ("Rule-based source/cue/content extraction evaluated on PolNeAR (Newell, Margolin & Ruths, LREC 2018); "
           "anonymous and vague sourcing after Sheehy (2008).")
_LIMITS = ("Regex and lexicon heuristics, English only; cues inside quotations are not counted; pronouns resolve to the "
           "nearest earlier named speaker, which can be wrong with several people in play.")


def _words(text: str) -> int:
    return len(text.split())


@metric(
    "attribution",
    columns=[
        Column("attributions", pl.Int64, "Attributions (source-cue-content) in the body", agg="mean"),
        Column("attributions_per_1k_words", pl.Float64, "Attributions per 1,000 body words", agg="mean"),
        Column("named_share", pl.Float64, "Share of attributions to a named person or organisation", agg="share"),
        Column("anonymous_share", pl.Float64, "Share of attributions to unnamed sources (officials, sources, analysts)", agg="share"),
        Column("vague_share", pl.Float64, "Share of attributions to vague groups (media, reports, many Republicans)", agg="share"),
        Column("pronoun_share", pl.Float64, "Share of attributions whose speaker is a pronoun", agg="share"),
        Column("official_share", pl.Float64, "Share of attributions to officials, spokespeople or office-holders", agg="share"),
        Column("direct_quote_share", pl.Float64, "Share of body characters inside quotation marks", agg="share"),
        Column("distinct_speakers", pl.Int64, "Distinct canonical speakers", agg="mean"),
        Column("top_speaker", pl.String, "Most cited canonical speaker", agg="mode"),
    ],
    description="Who is cited and how: attribution counts, named/anonymous/vague/official shares, quoted share.",
    source=_SOURCE,
    limits=_LIMITS,
)
def attribution_metrics(doc: Doc) -> dict[str, Any]:
    """Per-article sourcing profile; shares are None when there is no attribution."""
    items = doc.attributions
    body = doc.body or ""
    n = len(items)
    words = _words(body)
    out: dict[str, Any] = {
        "attributions": n,
        "attributions_per_1k_words": 1000.0 * n / words if words else 0.0,
        "direct_quote_share": direct_quote_share(body, doc.quote_spans) if body else 0.0,
    }
    if n:
        types = Counter(a.speaker_type for a in items)
        out["named_share"] = (types["named_person"] + types["named_org"]) / n
        out["anonymous_share"] = types["anonymous"] / n
        out["vague_share"] = types["vague_group"] / n
        out["pronoun_share"] = types["pronoun"] / n
        out["official_share"] = sum(1 for a in items if a.is_official) / n
    else:
        for k in ("named_share", "anonymous_share", "vague_share", "pronoun_share", "official_share"):
            out[k] = None
    # a pronoun counts for the person it resolves to
    names = Counter((a.canonical or a.speaker) for a in items if (a.canonical or a.speaker) and a.speaker_type != "none" and (a.speaker_type != "pronoun" or a.referent))
    out["distinct_speakers"] = len(names)
    out["top_speaker"] = names.most_common(1)[0][0] if names else None
    return out


#: Columns of the long attribution table (``biaslens analyze --attributions OUT``).
ATTRIBUTION_ROW_SCHEMA: dict[str, pl.DataType] = {
    "id": pl.String(),
    "outlet": pl.String(),
    "n": pl.Int64(),
    "speaker": pl.String(),
    "canonical": pl.String(),
    "speaker_type": pl.String(),
    "referent": pl.String(),
    "is_official": pl.Boolean(),
    "anonymous": pl.Boolean(),
    "kind": pl.String(),
    "cue": pl.String(),
    "content": pl.String(),
    "speaker_start": pl.Int64(),
    "speaker_end": pl.Int64(),
    "cue_start": pl.Int64(),
    "cue_end": pl.Int64(),
    "content_start": pl.Int64(),
    "content_end": pl.Int64(),
}


def attribution_rows(doc: Doc) -> list[dict[str, Any]]:
    """One row per attribution of ``doc`` (columns: :data:`ATTRIBUTION_ROW_SCHEMA`; spans index the body)."""
    rows = []
    for n, a in enumerate(doc.attributions):
        sp, cu, co = a.speaker_span or (None, None), a.cue_span or (None, None), a.content_span or (None, None)
        rows.append({
            "id": doc.article.id, "outlet": doc.article.outlet, "n": n,
            "speaker": a.speaker, "canonical": a.canonical, "speaker_type": a.speaker_type, "referent": a.referent,
            "is_official": a.is_official, "anonymous": a.anonymous, "kind": a.kind, "cue": a.cue, "content": a.content,
            "speaker_start": sp[0], "speaker_end": sp[1], "cue_start": cu[0], "cue_end": cu[1],
            "content_start": co[0], "content_end": co[1],
        })
    return rows
