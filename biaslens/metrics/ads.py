"""Ad density: how much of a page is advertising and site furniture.

``ad_markers`` counts the ad-marker lines of the scraped text ("Advertisement",
"- Advertisment -", "Story continues below advertisement", …, see
``lexicons/segmentation/ad.txt``), ``boilerplate_share`` the share of the page's
characters that are not story, and for HTML input ``ad_slots`` the ad
containers and ad-network scripts of the markup (:mod:`biaslens.adslots`).
"""
from __future__ import annotations

import re

import polars as pl

from biaslens.adslots import count_ad_slots
from biaslens.model import Doc
from biaslens.registry import Column, metric
from biaslens.segmentation import count_ad_markers

__all__ = ["ad_density", "ad_slots"]

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")


def _body_words(doc: Doc) -> int:
    return doc.cached("ads.body_words", lambda: len(_WORD.findall(doc.body)))


def _per_1k(count: int, words: int) -> float | None:
    return 1000.0 * count / words if words else None


@metric(
    "ad_density",
    columns=[
        Column("ad_markers", pl.Int64, "Ad-marker lines on the page ('Advertisement', 'Story continues below', …)", unit="markers"),
        Column("ad_markers_per_1k_words", pl.Float64, "Ad markers per 1,000 words of story (null when the story is empty)", unit="per 1k words"),
        Column("boilerplate_share", pl.Float64, "Share of the page's characters (non-empty lines) that are not story: ads, chrome, captions, bylines, related links", agg="share", unit="share"),
        Column("body_words", pl.Int64, "Words in the story after segmentation", unit="words"),
    ],
    description="Ad markers and non-story share of the scraped page.",
    source="Line classes from biaslens.segmentation (rules and commented pattern files in lexicons/segmentation/).",
    limits="Text scrapes keep only the markers a scraper left in the text; rendered ads are invisible in text. "
    "The share counts characters of non-empty lines, so a long caption weighs more than a short ad marker.",
)
def ad_density(doc: Doc) -> dict[str, object]:
    seg = doc.segmentation
    markers = count_ad_markers(seg)
    words = _body_words(doc)
    total = nonbody = 0
    for line in seg.lines:
        n = len(line.text.strip())
        total += n
        if line.cls != "body":
            nonbody += n
    return {
        "ad_markers": markers,
        "ad_markers_per_1k_words": _per_1k(markers, words),
        "boilerplate_share": nonbody / total if total else 0.0,
        "body_words": words,
    }


@metric(
    "ad_slots",
    columns=[
        Column("ad_slots", pl.Int64, "Ad slots in the page's HTML (GPT/AdSense/Prebid/Taboola/Outbrain markup, ad containers); null without HTML", unit="slots"),
        Column("ad_slots_per_1k_words", pl.Float64, "Ad slots per 1,000 words of story; null without HTML or story", unit="per 1k words"),
    ],
    description="Ad markup in the raw HTML (HTML input only).",
    source="Google Publisher Tag / AdSense / Prebid markup conventions and EasyList element-hiding naming (lexicons/ads/slots.txt).",
    limits="Static HTML only: ads injected by JavaScript at run time are not seen, so this counts slots and loaders, not rendered ads.",
    needs_html=True,
)
def ad_slots(doc: Doc) -> dict[str, object]:
    html = doc.html
    if html is None:
        return {"ad_slots": None, "ad_slots_per_1k_words": None}
    slots = count_ad_slots(html)
    return {"ad_slots": slots, "ad_slots_per_1k_words": _per_1k(slots, _body_words(doc))}
