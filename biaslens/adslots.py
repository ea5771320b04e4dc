"""Ad slots in raw HTML: elements and scripts that reserve room for, or load, ads.

Static HTML (no JavaScript run) carries the *markup* of ads, not the rendered
ads: Google Publisher Tag slots (``div-gpt-ad-…``), AdSense ``ins.adsbygoogle``
units with ``data-ad-*`` attributes, Prebid / Amazon header-bidding loaders,
Taboola and Outbrain widgets, and containers named by the conventions EasyList's
element-hiding rules target (``.ad-slot``, ``#ad-container``, ``.advert``).
Patterns are in ``biaslens/lexicons/ads/slots.txt``.

Counting rule: an element matching a class/id token or ``data-ad-*`` attribute
is one slot, and elements nested inside an already counted slot are not counted
again (a slot is usually a wrapper, a label and an inner div); an ad-network
``<script>``/``<iframe>``/``<img>`` source outside a slot, and each slot
definition in an inline script (``googletag.defineSlot(``), count one each.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from biaslens.lexicons import load_table

__all__ = ["AdSlot", "find_ad_slots", "count_ad_slots"]


@dataclass(frozen=True, slots=True)
class AdSlot:
    """One ad slot: the element's tag, what matched (``token``, ``attr``,
    ``src`` or ``script``), the matching value and the pattern."""

    tag: str
    kind: str
    value: str
    pattern: str

    def to_dict(self) -> dict[str, str]:
        return {"tag": self.tag, "kind": self.kind, "value": self.value, "pattern": self.pattern}


@dataclass(frozen=True, slots=True)
class _Rules:
    token: tuple[re.Pattern[str], ...]
    attr: tuple[re.Pattern[str], ...]
    src: tuple[re.Pattern[str], ...]
    script: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=None)
def _rules() -> _Rules:
    kinds: dict[str, list[re.Pattern[str]]] = {"token": [], "attr": [], "src": [], "script": []}
    for row in load_table("ads", "slots.txt"):
        if len(row) != 2 or row[0] not in kinds:
            raise ValueError(f"ads/slots.txt: bad entry {row!r} (expected '<kind>\\t<regex>')")
        kind, rx = row
        # tokens and attribute names must match whole
        kinds[kind].append(re.compile(rx if kind in ("src", "script") else f"(?:{rx})\\Z", re.IGNORECASE))
    return _Rules(*(tuple(kinds[k]) for k in ("token", "attr", "src", "script")))


_SRC_TAGS = frozenset({"script", "iframe", "img"})


def _element_match(el: object, rules: _Rules) -> AdSlot | None:
    tag = el.tag  # type: ignore[attr-defined]
    attrib = el.attrib  # type: ignore[attr-defined]
    tokens = (attrib.get("class") or "").split() + (attrib.get("id") or "").split()
    for tok in tokens:
        for p in rules.token:
            if p.match(tok):
                return AdSlot(tag, "token", tok, p.pattern)
    for name in attrib:
        if not isinstance(name, str):
            continue
        for p in rules.attr:
            if p.match(name):
                return AdSlot(tag, "attr", name, p.pattern)
    return None


def _src_match(el: object, rules: _Rules) -> AdSlot | None:
    tag = el.tag  # type: ignore[attr-defined]
    if tag not in _SRC_TAGS:
        return None
    url = el.attrib.get("src") or el.attrib.get("data-src") or ""  # type: ignore[attr-defined]
    if not url:
        return None
    for p in rules.src:
        if p.search(url):
            return AdSlot(tag, "src", url[:200], p.pattern)
    return None


def find_ad_slots(html: str | bytes | None) -> list[AdSlot]:
    """The ad slots of an HTML page, in document order (see the module doc for
    the counting rule). Unparseable or empty input gives ``[]``."""
    if not html:
        return []
    from lxml import etree

    parser = etree.HTMLParser(recover=True, no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(html.encode("utf-8", "replace") if isinstance(html, str) else html, parser)
    except (etree.ParserError, ValueError):  # pragma: no cover - lxml recovers from almost anything
        return []
    if root is None:
        return []
    rules = _rules()
    found: list[AdSlot] = []
    inside: set[object] = set()  # elements already within a counted slot
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue  # comments, processing instructions
        parent = el.getparent()
        if parent is not None and parent in inside:
            inside.add(el)
            continue
        hit = _element_match(el, rules) or _src_match(el, rules)
        if hit is not None:
            found.append(hit)
            inside.add(el)
            continue
        if el.tag == "script" and el.text:
            for p in rules.script:
                found.extend(AdSlot("script", "script", m.group(0), p.pattern) for m in p.finditer(el.text))
    return found


def count_ad_slots(html: str | bytes | None) -> int:
    """Number of ad slots in ``html`` (``len(find_ad_slots(html))``)."""
    return len(find_ad_slots(html))
