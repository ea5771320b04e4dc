"""Readability metrics of the story body (see :mod:`biaslens.textstats`)."""
from __future__ import annotations

from typing import Any

import polars as pl

from biaslens.model import Doc
from biaslens.registry import Column, metric
from biaslens.textstats import readability as _readability

_SCORES = [
    ("flesch_reading_ease", "Flesch Reading Ease (higher: easier)"),
    ("flesch_kincaid_grade", "Flesch-Kincaid grade level"),
    ("gunning_fog", "Gunning Fog index"),
    ("smog_index", "SMOG grade"),
    ("coleman_liau_index", "Coleman-Liau index"),
    ("automated_readability_index", "Automated Readability Index"),
    ("dale_chall", "Dale-Chall score"),
    ("words_per_sentence", "Words per sentence"),
    ("syllables_per_word", "Syllables per word"),
]
_COUNTS = [("words", "Words in the body"), ("sentences", "Sentences in the body"), ("syllables", "Syllables in the body")]


@metric(
    "readability",
    columns=[Column(n, pl.Float64, d) for n, d in _SCORES]
    + [Column("difficult_word_share", pl.Float64, "Share of words not on the Dale-Chall easy list", agg="share")]
    + [Column(n, pl.Int64, d) for n, d in _COUNTS],
    description="Classic readability formulas on the segmented body, with news-aware sentence and syllable counts.",
    source="Flesch 1948; Kincaid et al. 1975; Gunning 1952; McLaughlin 1969; Coleman & Liau 1975; "
    "Senter & Smith 1967; Dale & Chall 1948; constants as in textstat 0.7.13; syllables from the CMU "
    "Pronouncing Dictionary with pyphen fallback.",
    limits="Formulas were fitted on school texts, not news; compare outlets with each other rather than with grade norms. "
    "Empty bodies give 0 scores and 0 counts.",
)
def readability_metric(doc: Doc) -> dict[str, Any]:
    engine = doc.settings.readability_engine
    body = doc.body or ""
    if engine == "biaslens":
        # reuse the Doc's sentence spans so the splitter runs once per article
        res = _readability(body, "biaslens", sentences=len(doc.sentences))
    else:
        res = _readability(body, engine)
    return {k: res[k] for k in (*(n for n, _ in _SCORES), "difficult_word_share", *(n for n, _ in _COUNTS))}
