"""Hedging and boosting metrics, split by voice (narrative vs quotation).

Cues come from :func:`biaslens.hedging.hedges` (cached on the Doc as
``doc.hedges``); a cue inside quoted material is the source's voice
(``_quoted``), any other the outlet's (``_authorial``). Rates per 100
sentences use all sentences of the body as denominator, so the authorial and
quoted rates add up to the total.
"""
from __future__ import annotations

import re
from typing import Any

import polars as pl

from biaslens.model import Doc
from biaslens.registry import Column, metric

_WORD = re.compile(r"\w+")
_VOICES = (("", None), ("_authorial", False), ("_quoted", True))


def _columns() -> list[Column]:
    cols: list[Column] = []
    for suffix, _ in _VOICES:
        who = {"": "", "_authorial": " in the narrative (outlet's voice)", "_quoted": " inside quotations"}[suffix]
        cols += [
            Column(f"hedges_per_100_sentences{suffix}", pl.Float64, f"hedge cues per 100 sentences{who}"),
            Column(f"hedged_sentence_share{suffix}", pl.Float64, f"share of sentences with a hedge{who}", agg="share"),
            Column(f"boosters_per_100_sentences{suffix}", pl.Float64, f"booster cues per 100 sentences{who}"),
            Column(f"hedge_booster_ratio{suffix}", pl.Float64,
                   f"(hedges + 1) / (boosters + 1){who}; 1 = balanced, > 1 more hedging"),
        ]
    cols += [
        Column("approximators_per_1k_words", pl.Float64,
               "numeric rounders (about/around/roughly + number or time) per 1,000 words"),
        Column("weasels", pl.Int64, "weasel cues: unattributed opinion or vague groups as source (some say, it is believed, critics argue, many experts)"),
    ]
    return cols


@metric(
    "hedging",
    columns=_columns(),
    description="Hedges (could, reportedly, is expected to, some say), boosters (certainly, no doubt) and "
    "approximators, in the outlet's voice and in quoted voices.",
    source="Cue lexicons after Hyland (1998, 2005), Prince, Frader & Bosk (1982), Channell (1994) and the "
    "Wikipedia weasel-word guideline (Ganter & Strube 2009); ratio smoothed with add-one (Laplace).",
    limits="Lexicon and context rules, English only; epistemic vs root readings of modals are decided by "
    "local context and can be wrong (past-ability 'could'); quotes without quotation marks count as authorial. "
    "Validated on proxy sets (Wikipedia, UN speeches), not on annotated news.",
)
def hedging_metrics(doc: Doc) -> dict[str, Any]:
    """Hedging, boosting and approximation rates of ``doc``."""
    cues = doc.hedges
    n = len(doc.sentences)
    out: dict[str, Any] = {}
    for suffix, quoted in _VOICES:
        mine = [c for c in cues if quoted is None or c.in_quote == quoted]
        h = [c for c in mine if c.kind == "hedge"]
        b = sum(1 for c in mine if c.kind == "booster")
        if n == 0:
            out[f"hedges_per_100_sentences{suffix}"] = None
            out[f"hedged_sentence_share{suffix}"] = None
            out[f"boosters_per_100_sentences{suffix}"] = None
            out[f"hedge_booster_ratio{suffix}"] = None
            continue
        # Doc.hedges is computed on doc.sentences, so each cue carries its sentence index
        hedged = {c.sentence for c in h if c.sentence is not None}
        out[f"hedges_per_100_sentences{suffix}"] = 100.0 * len(h) / n
        out[f"hedged_sentence_share{suffix}"] = min(1.0, len(hedged) / n)
        out[f"boosters_per_100_sentences{suffix}"] = 100.0 * b / n
        # add-one smoothing keeps the ratio defined (and 1.0) with no cues at all
        out[f"hedge_booster_ratio{suffix}"] = (len(h) + 1) / (b + 1)
    words = len(_WORD.findall(doc.body))
    approx = sum(1 for c in cues if c.group == "approximator")
    out["approximators_per_1k_words"] = 1000.0 * approx / words if words else None
    out["weasels"] = sum(1 for c in cues if c.group == "weasel")
    return out
