"""Page segmentation: which lines of a scraped page are the story.

Scraped article text mixes the story with ad markers, navigation, repeated
titles, share/subscribe prompts, photo captions, bylines and inserted
headlines of other stories. :func:`segment` classifies every non-empty line as
``body``, ``ad``, ``chrome``, ``related``, ``caption`` or ``byline`` and
returns the body alone (paragraphs joined by blank lines), with a leading
dateline ("MOSCOW:", "WASHINGTON (Reuters) -") moved to ``dateline``.

Method (rules, no trained model), in two passes:

1. *Line patterns*: each line is tried against the commented pattern files in
   ``biaslens/lexicons/segmentation/`` (ad markers first, then captions,
   bylines, related-link prefixes, chrome), against the outlet's repeated
   lines (``boilerplate``, see :class:`BoilerplateIndex`) and the title; author
   bios only on the first/last lines; the lines under a "Read more:" box
   header; short quote- or headline-shaped lines repeated inside a longer line
   (pull quotes).
2. *Context*: the story spans from the first to the last unmatched *prose*
   line (long enough, ending like a sentence). Short headline-like lines
   before it are page chrome (or bylines when shaped like a name or a date),
   those after it are footer chrome; between them a line stays body (a
   subhead) unless it looks like an inserted headline: all capitals and long,
   or next to an ad marker. Lines above a paragraph that opens with a
   dateline are not story.

Body recall is favoured over non-body precision: when in doubt a line is body.
The approach follows boilerplate-detection work on shallow text features
(Kohlschütter, Fankhauser & Nejdl 2010, "Boilerplate detection using shallow
text features", WSDM) with news-specific patterns.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

# the regex parser (private, stable since Python 3.11), used only to bound pattern widths
import re._parser as _sre_parser  # type: ignore[import-not-found]
from re._constants import MAXREPEAT as _MAXREPEAT  # type: ignore[import-not-found]

from biaslens.lexicons import load_lines, load_set
from biaslens.model import BodyParagraph, Line, Segmentation

__all__ = [
    "segment",
    "normalize_line",
    "BoilerplateIndex",
    "count_ad_markers",
    "find_dateline",
]

_FAMILY = "segmentation"

#: how ``Line.reason`` names each pattern file
_LABELS = {
    "ad": "ad marker",
    "caption": "caption or photo credit",
    "byline": "byline, credit or date line",
    "related": "link to another story",
    "related_header": "header of a related-links box",
    "chrome": "site chrome (navigation, prompt or notice)",
    "bio": "author bio or outlet pitch",
    "ad_inline": "ad marker inside a line",
}

# ---------------------------------------------------------------- patterns


@dataclass(frozen=True, slots=True)
class _Floating:
    """An unanchored pattern and the literals one of which a line must contain
    (lower-cased) for the pattern to be worth running (``()``: always run)."""

    pattern: re.Pattern[str]
    triggers: tuple[str, ...]
    #: for a pattern ending with ``$`` and of bounded width: only the line's
    #: last ``tail`` characters can hold a match, so the search starts there
    tail: int | None = None


@dataclass(frozen=True, slots=True)
class _Anchored:
    """A ``^``-anchored pattern (without the ``^``), the literals its match
    must start with (empty: not known) and the longest line it can match in
    full (``None``: no limit, i.e. the pattern does not end with ``$``)."""

    source: str
    triggers: tuple[str, ...]
    max_len: int | None


@dataclass(slots=True)
class _PatternSet:
    """All patterns of one lexicon file.

    Anchored entries are tried at the line start only (the line classifier
    merges those of all classes, see :func:`_pattern_class`); unanchored ones
    are searched behind a cheap substring gate (their leading literals or a
    ``(?#gate:…)`` hint), and only in the line's tail when they end with ``$``.
    ``full`` sets are matched against the whole line.
    """

    name: str
    anchored: tuple[_Anchored, ...]
    floating: tuple[_Floating, ...]
    singles: tuple[re.Pattern[str], ...]
    full: bool
    full_re: re.Pattern[str] | None = None
    anchored_re: re.Pattern[str] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.anchored_re = _combine([a.source for a in self.anchored])

    def floating_match(self, s: str, low: str) -> bool:
        for f in self.floating:
            if f.triggers and not any(map(low.__contains__, f.triggers)):
                continue
            start = len(s) - f.tail if f.tail is not None and len(s) > f.tail else 0
            if f.pattern.search(s, start) is not None:
                return True
        return False

    def reason(self, s: str) -> str:
        """Name the entry that matches ``s`` (for ``Line.reason``)."""
        label = _LABELS.get(self.name, self.name)
        for i, p in enumerate(self.singles, 1):
            if (p.fullmatch(s) if self.full else p.search(s)) is not None:
                return f"{label} (segmentation/{self.name}.txt entry {i})"
        return label  # pragma: no cover - the combined regexes are the union

    def match(self, s: str, low: str | None = None) -> str | None:
        if not s:
            return None
        if self.full:
            hit = self.full_re is not None and self.full_re.fullmatch(s) is not None
        else:
            hit = self.anchored_re is not None and self.anchored_re.match(s) is not None
            if not hit:
                hit = self.floating_match(s, s.lower() if low is None else low)
        return self.reason(s) if hit else None


def _combine(entries: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{e})" for e in entries), re.IGNORECASE) if entries else None


_META = set("\\()[]{}?*+.|^$")


def _literal_prefix(alt: str) -> str:
    out: list[str] = []
    k = 0
    while k < len(alt):
        ch = alt[k]
        if ch == "\\" and alt[k + 1 : k + 2] in ("(", ")", ".", "/", "-", ":"):
            out.append(alt[k + 1])
            k += 2
            continue
        k += 1
        if ch in _META:
            if ch in "?*{" and out:
                out.pop()  # the last literal is optional
            break
        out.append(ch)
    return "".join(out)


def _split_top(group: str) -> list[str]:
    parts, depth, cur, k = [], 0, [], 0
    while k < len(group):
        ch = group[k]
        if ch == "\\":
            cur.append(group[k : k + 2])
            k += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        k += 1
    parts.append("".join(cur))
    return parts


_GATE = re.compile(r"\(\?#gate:([^)]*)\)")


def _triggers(entry: str) -> tuple[str, ...]:
    """Leading literals of an unanchored pattern (lower case), or ``()`` when
    the pattern does not start with plain text (then it always runs). An entry
    opening with the regex comment ``(?#gate:a|b)`` names its literals itself."""
    e = entry
    gate = _GATE.match(e)
    if gate is not None:
        return tuple(sorted({g.lower() for g in gate.group(1).split("|") if g}))
    if "(?-i" in e:
        return ()
    while e.startswith("\\b"):
        e = e[2:]
    if e.startswith("(?:"):
        depth, end = 0, -1
        for k, ch in enumerate(e):
            if ch == "(" and (k == 0 or e[k - 1] != "\\"):
                depth += 1
            elif ch == ")" and e[k - 1] != "\\":
                depth -= 1
                if depth == 0:
                    end = k
                    break
        if end < 0 or e[end + 1 : end + 2] in ("?", "*", "{"):
            return ()
        alts = [_literal_prefix(a[2:] if a.startswith("\\b") else a) for a in _split_top(e[3:end])]
    else:
        alts = [_literal_prefix(e)]
    if any(len(a.strip()) < 2 for a in alts):
        return ()
    return tuple(sorted({a.lower() for a in alts}))


def _max_len(entry: str) -> int | None:
    """Longest string a ``^...$`` entry can match (None when unbounded or not
    ending with ``$``)."""
    if not entry.endswith("$") or entry.endswith("\\$"):
        return None
    try:
        hi = _sre_parser.parse(entry, re.IGNORECASE).getwidth()[1]
    except Exception:  # pragma: no cover - defensive: never prune on doubt
        return None
    return None if hi >= _MAXREPEAT else int(hi)


@lru_cache(maxsize=None)
def _patterns(name: str, *, full: bool = False) -> _PatternSet:
    entries = load_lines(_FAMILY, f"{name}.txt")
    singles = tuple(re.compile(e, re.IGNORECASE) for e in entries)
    if full:
        return _PatternSet(name, (), (), singles, full, full_re=_combine(list(entries)))
    anchored = tuple(
        _Anchored(e[1:], _triggers(e[1:]), _max_len(e)) for e in entries if e.startswith("^")
    )
    gated = [_Floating(re.compile(e, re.IGNORECASE), _triggers(e), _max_len(e)) for e in entries if not e.startswith("^")]
    # ungated entries run on every line: one combined search instead of one each
    always = [e for e, f in zip([e for e in entries if not e.startswith("^")], gated) if not f.triggers]
    floating = [f for f in gated if f.triggers]
    if always:
        tails = [_max_len(e) for e in always]
        tail = None if any(t is None for t in tails) else max(t for t in tails if t is not None)
        floating.insert(0, _Floating(_combine(always), (), tail))  # type: ignore[arg-type]
    return _PatternSet(name, anchored, tuple(floating), singles, full)


_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
_HAS_ALNUM = re.compile(r"[^\W_]")  # "___" rules are separators, not words
_WORD = re.compile(r"[^\W_][\w'’.-]*")
_CAP_WORD = re.compile(r"^[\"'“‘(]?[A-Z0-9]")
_FUNCTION_WORDS = frozenset(
    "a an the of in on to for and or but at by with from as is are was be into over after its his her".split()
)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-zA-Z'’.-]*|[A-Z]\.|de|van|von|del|da|la|le|bin|al-\w+|and|&)$")
_AGENCIES = r"(?:Reuters|AP|AFP|CNN|UPI|Bloomberg|dpa|DPA|Xinhua|IANS|PTI|ANI|EFE|ANSA|Kyodo|Yonhap|TASS|RIA|Sputnik|BBC|CBC|NPR|ABC|CBS|NBC|Fox|The Associated Press|Associated Press|Reuters Health|AP Photo|[A-Z][A-Za-z]+ News)"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    rf"""^(?P<place>
        [A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]*){{0,3}}                 # MOSCOW / NEW YORK / ST. LOUIS
        (?:,\s+[A-Z][A-Za-z.'’]+(?:\s+[A-Z][A-Za-z.'’]+){{0,2}})?      # , Puerto Rico / , Calif.
      |
        [A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}}                          # Washington (CNN): needs an agency
        (?=(?:,\s*{_MONTH}\s+\d{{1,2}})?\s*\({_AGENCIES}\))
    )
    (?:,?\s*{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)?
    (?:\s*\((?P<agency>{_AGENCIES})\))?
    \s*(?P<sep>:|--|[-–—])\s*(?=\S)
    """,
    re.VERBOSE,
)


def find_dateline(s: str) -> tuple[str, int] | None:
    """(place, length of the dateline prefix) when ``s`` opens with a dateline.

    Accepts "MOSCOW:", "WASHINGTON (Reuters) -", "LONDON, March 3 (Reuters) —",
    "NEW YORK —", "SAN JUAN, Puerto Rico (AP) —", "Washington (CNN)" and rejects
    capitalised kickers such as "UPDATE:" or "WHAT OBAMA WILL SAY:"
    (words in ``lexicons/segmentation/dateline_labels.txt``).
    """
    m = _DATELINE.match(s)
    if m is None:
        return None
    place = m.group("place").strip()
    words = [w.strip(".,'’-").lower() for w in place.replace(",", " ").split()]
    # "NEW:" is a kicker, "NEW YORK" a place
    checked = words[1:] if len(words) > 1 and words[0] == "new" else words
    stop = load_set(_FAMILY, "dateline_labels.txt")
    if not words or any(w in stop for w in checked):
        return None
    caps = place.split(",")[0].split()
    if m.group("agency") is None:
        # without an agency only an all-capitals place of a few words counts
        if not place.split(",")[0].isupper() or len(caps) > (3 if m.group("sep") == ":" else 4):
            return None
        if sum(c.isalpha() for c in place) < 3:
            return None
    return place, m.end()


# ---------------------------------------------------------------- helpers


_DIGIT = re.compile(r"\d")


def normalize_line(line: str) -> str:
    """A line reduced for comparison across pages: NFKC, lower case, digits as
    ``0`` (so "© 2019" and "© 2020" match), quotes unified, whitespace collapsed,
    surrounding punctuation dropped."""
    s = unicodedata.normalize("NFKC", line).lower()
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    s = _DIGIT.sub("0", s)
    s = " ".join(s.split())
    return s.strip(" \t-–—_*•·|:;,.!?\"'()[]")


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


def _is_title_case(words: list[str]) -> bool:
    """Headline capitalisation: (nearly) every content word capitalised and at
    least one function word too, or every word capitalised."""
    if len(words) < 3:
        return False
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    caps = sum(1 for w in content if _CAP_WORD.match(w))
    if not content or caps < 0.8 * len(content):
        return False
    func_caps = any(w.lower() in _FUNCTION_WORDS and w[0].isupper() for w in words[1:])
    return func_caps or caps == len(words)


def _is_all_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _is_name_like(s: str) -> bool:
    """A person's name alone ("Jane Doe", "Jane Doe and John Roe") or with an
    outlet after a comma ("Jane Doe, Reuters")."""
    if any(ch.isdigit() for ch in s) or _TERMINAL.search(s) and not s.endswith("."):
        return False
    head, _, tail = s.partition(",")
    toks = head.split()
    if not 2 <= len(toks) <= 6 or not all(_NAME_TOKEN.match(t) for t in toks):
        return False
    if not toks[0][0].isupper() or toks[-1] in ("and", "&"):
        return False
    if tail:
        ttoks = tail.split()
        if not 1 <= len(ttoks) <= 5 or not all(t[0].isupper() or t in ("of", "the", "and") for t in ttoks):
            return False
    return True


def _title_like(norm: str, title_norm: str) -> bool:
    if not title_norm or not norm:
        return False
    if norm == title_norm:
        return True
    if norm.startswith(title_norm) and len(norm) - len(title_norm) <= 45:
        return True  # "Title - Site Name"
    if norm.endswith(title_norm) and len(norm) - len(title_norm) <= 45:
        return True  # "HomeSectionTitle"
    if title_norm.startswith(norm) and len(norm) >= 0.6 * len(title_norm):
        return True
    if title_norm.endswith(norm) and len(norm) >= 0.5 * len(title_norm) and len(norm.split()) >= 4:
        return True  # "Op-ed by X: Headline" titled, the headline alone on the page
    a, b = set(norm.split()), set(title_norm.split())
    return len(a) >= 4 and len(a & b) >= 0.85 * max(len(a), len(b))


# ---------------------------------------------------------------- segment


@dataclass(slots=True)
class _Item:
    index: int
    text: str  # line with trailing whitespace removed
    s: str  # stripped
    nwords: int
    terminal: bool
    cls: str | None = None
    reason: str = ""

    @property
    def prose(self) -> bool:
        return (self.nwords >= 8 and self.terminal) or self.nwords >= 20


_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_BOILER = "boilerplate: repeated on this outlet's pages"
_LINE_CLASSES_BY_PATTERN = ("caption", "byline", "related", "chrome")
_CLASS_RANK = {c: i for i, c in enumerate(_LINE_CLASSES_BY_PATTERN)}
_merged_cache: dict[tuple[object, ...], re.Pattern[str] | None] = {}
#: line-length bands for the merged anchored regex: a line longer than an
#: entry's longest possible match skips that entry (few bands: each is a compile)
_BANDS = (20, 40, 80, 160, 320)


def _merge(entries_by_class: list[tuple[str, list[str]]]) -> re.Pattern[str] | None:
    groups = [f"(?P<{cls}>" + "|".join(f"(?:{e})" for e in chosen) + ")" for cls, chosen in entries_by_class if chosen]
    return re.compile("|".join(groups), re.IGNORECASE) if groups else None


def _anchored_without_literal(s: str, with_byline: bool) -> re.Pattern[str] | None:
    """Anchored entries that do not start with plain text, merged, skipping
    those that cannot match a line as long as ``s``."""
    band = bisect_left(_BANDS, len(s))
    key = ("plain", band, with_byline)
    try:
        return _merged_cache[key]
    except KeyError:
        low_edge = _BANDS[band - 1] if band > 0 else 0
        pat = _merged_cache[key] = _merge(
            [
                (cls, [a.source for a in _patterns(cls).anchored if not a.triggers and (a.max_len is None or a.max_len > low_edge)])
                for cls in _LINE_CLASSES_BY_PATTERN
                if with_byline or cls != "byline"
            ]
        )
        return pat


def _anchored_with_literal(low: str, with_byline: bool) -> re.Pattern[str] | None:
    """Anchored entries one of whose leading literals shares the line's first
    two characters, merged (a dict lookup instead of ~100 alternatives)."""
    key = ("lit", low[:2], with_byline)
    try:
        return _merged_cache[key]
    except KeyError:
        pre = low[:2]
        pat = _merged_cache[key] = _merge(
            [
                (cls, [a.source for a in _patterns(cls).anchored if any(t[:2] == pre for t in a.triggers)])
                for cls in _LINE_CLASSES_BY_PATTERN
                if with_byline or cls != "byline"
            ]
        )
        return pat


def _pattern_class(s: str, low: str, nwords: int) -> tuple[str, str] | None:
    """(class, reason) of the first pattern class matching ``s``, classes in
    priority order; within a class anchored and unanchored entries are equal."""
    with_byline = nwords <= 40  # a long paragraph is never a byline
    stop: str | None = None
    for merged in (_anchored_without_literal(s, with_byline), _anchored_with_literal(low, with_byline)):
        m = merged.match(s) if merged is not None else None
        if m is not None and m.lastgroup and (stop is None or _CLASS_RANK[m.lastgroup] < _CLASS_RANK[stop]):
            stop = m.lastgroup
    for cls in _LINE_CLASSES_BY_PATTERN:
        if cls == "byline" and not with_byline:
            continue
        if cls == stop:
            return cls, _patterns(cls).reason(s)
        ps = _patterns(cls)
        if ps.floating_match(s, low):
            return cls, ps.reason(s)
    return None


def _accept(cls: str, nwords: int) -> bool:
    """A "Read more: headline" prefix glued to a long paragraph (a scrape
    that merged lines) leaves the line to the story."""
    return not (cls == "related" and nwords > 35)


#: the signature closing an embedded tweet: "— Jane Doe (@jdoe) March 3, 2020"
_TWEET_SIGNATURE = re.compile(r"[—–-]\s?[^()]{1,60}\(@\w{1,30}\)\s+" + _MONTH + r"\s+\d{1,2},\s+\d{4}$")


def _first_pass(it: _Item, title_norm: str, boilerplate: Collection[str]) -> None:
    s = it.s
    if not _HAS_ALNUM.search(s):
        it.cls, it.reason = "chrome", "separator"
        return
    if it.nwords <= 14:
        hit = _patterns("ad", full=True).match(s)
        if hit:
            it.cls, it.reason = "ad", hit
            return
    if _TWEET_SIGNATURE.search(s) is not None:
        # an embedded tweet quotes a source: story text, whatever its words look like
        it.cls, it.reason = "body", "embedded tweet"
        return
    found = _pattern_class(s, s.lower(), it.nwords)
    if found is not None and _accept(found[0], it.nwords):
        it.cls, it.reason = found
        return
    norm = normalize_line(s) if (boilerplate or title_norm) else ""
    if boilerplate and norm and norm in boilerplate:
        it.cls, it.reason = "chrome", _BOILER
        return
    if title_norm and not (it.prose and it.nwords > 2 * len(title_norm.split()) + 6) and _title_like(norm, title_norm):
        it.cls, it.reason = "chrome", "title repeated"


def segment(
    text: str,
    *,
    title: str | None = None,
    boilerplate: Collection[str] | None = None,
) -> Segmentation:
    """Classify every non-empty line of ``text`` and extract the story.

    ``title``: the article's title (a line repeating it is chrome);
    ``boilerplate``: normalised lines (:func:`normalize_line`) known to repeat
    across this outlet's pages (from :meth:`BoilerplateIndex.repeated`), which
    are chrome. ``Line.index`` indexes ``text.split("\\n")``.
    """
    text = text or ""
    boiler = boilerplate if boilerplate is not None else ()
    title_norm = normalize_line(title) if title else ""
    items: list[_Item] = []
    for i, raw in enumerate(text.split("\n")):
        t = raw.rstrip()
        s = t.strip().strip(_ZERO_WIDTH).strip()
        if not s:
            continue
        items.append(_Item(i, t, s, len(s.split()), bool(_TERMINAL.search(s))))
    if not items:
        return Segmentation(lines=[], body="", dateline=None, paragraphs=[])

    for it in items:
        _first_pass(it, title_norm, boiler)
    _mark_bios(items)
    _related_boxes(items)
    _pull_quotes(items)

    anchors = [k for k, it in enumerate(items) if it.cls is None and it.prose]
    dateline: str | None = None
    cut = 0
    if anchors:
        first, last = anchors[0], anchors[-1]
        dl = find_dateline(items[first].s)
        if dl is not None:
            dateline, cut = dl
        for k, it in enumerate(items):
            if it.reason == _BOILER and first < k < last and it.nwords <= 5 and not it.terminal:
                # a section heading every article of a templated series repeats
                it.cls, it.reason = "body", "repeated subhead inside the story"
            if it.cls is not None:
                continue
            if k < first:
                _classify_before(it, items, k, after_dateline=dateline is not None)
            elif k > last:
                _classify_after(it, items, k)
            else:
                _classify_between(it, items, k)
    else:
        for it in items:
            if it.cls is None:
                it.cls, it.reason = "body", "no prose on the page: kept as body"

    lines: list[Line] = []
    parts: list[str] = []
    paragraphs: list[BodyParagraph] = []
    pos = 0
    first_body = True
    for it in items:
        lines.append(Line(it.index, it.cls or "body", it.text, it.reason))
        if it.cls != "body":
            continue
        lead = len(it.text) - len(it.text.lstrip())
        para = it.s
        offset = lead
        if first_body and dateline is not None:
            para = it.s[cut:]
            offset = lead + cut
        first_body = False
        if parts:
            pos += 2
        parts.append(para)
        paragraphs.append(BodyParagraph(it.index, pos, pos + len(para), offset))
        pos += len(para)
    return Segmentation(lines=lines, body="\n\n".join(parts), dateline=dateline, paragraphs=paragraphs)


def _mark_bios(items: list[_Item]) -> None:
    """Author bios and outlet pitches, only on the first two / last three
    lines that are not already ads or chrome (stories describe people too)."""
    open_ = [k for k, it in enumerate(items) if it.cls is None]
    edge = set(open_[:2]) | set(open_[-3:])
    if len(open_) < 4:
        edge = set()
    for k in edge:
        it = items[k]
        if it.nwords <= 80:
            hit = _patterns("bio").match(it.s)
            if hit:
                it.cls, it.reason = "chrome", hit


def _related_boxes(items: list[_Item]) -> None:
    """A "Read more:"-style header and the headline-like lines under it."""
    header = _patterns("related_header", full=True)
    k = 0
    while k < len(items):
        it = items[k]
        glued = it.cls == "related" and _GLUED_BOX.match(it.s) is not None
        if glued or (it.cls in (None, "related", "chrome") and it.nwords <= 8 and header.match(it.s)):
            if it.cls != "related":
                it.cls, it.reason = "related", "related box header"
            j = k + 1
            while j < len(items):
                nxt = items[j]
                if nxt.cls is None and nxt.nwords <= 24 and not nxt.s.endswith(".") and not _MID_SENTENCE.search(nxt.s):
                    nxt.cls, nxt.reason = "related", "headline under a related box header"
                    j += 1
                elif nxt.cls in ("ad", "related"):
                    j += 1
                else:
                    break
            k = j
        else:
            k += 1


#: a box label glued to its first headline ("Related Articles Headline"): the
#: headline-like lines under it belong to the box as well
_GLUED_BOX = re.compile(r"^(?:Related (?:Coverage|Content|Stories|Articles)|RELATED (?:COVERAGE|CONTENT|STORIES|ARTICLES))\s+\S")
_MID_SENTENCE = re.compile(r"[.!?][\"”’)]?\s+[A-Z]")
_QUOTES = str.maketrans("", "", "\"“”‘’'«»")


def _pull_quotes(items: list[_Item]) -> None:
    """A short line whose words recur inside a longer line of the page is a
    pull quote (or a teaser) repeating the story: chrome."""
    # only quote-shaped or headline-shaped lines: a plain sentence repeated
    # verbatim may be the scraper duplicating a paragraph, which stays body
    # a headline-shaped line needs 9+ words: a short subhead may echo a phrase
    # of the text it heads
    cands = [
        it
        for it in items
        if it.cls is None
        and 6 <= it.nwords <= 45
        and (it.s[0] in "\"“‘'«" or (not it.terminal and it.nwords >= 9))
    ]
    if not cands:
        return
    keyed = [(it, " ".join(it.s.translate(_QUOTES).lower().split())) for it in items if it.cls is None]
    for it in cands:
        needle = " ".join(it.s.translate(_QUOTES).lower().split()).rstrip(".!?…")
        if len(needle) < 30:
            continue
        for other, text in keyed:
            if other is not it and len(text) > len(needle) + 10 and needle in text:
                it.cls, it.reason = "chrome", "pull quote repeating a line of the story"
                break


def _classify_before(it: _Item, items: list[_Item], k: int, *, after_dateline: bool) -> None:
    """A line above the first prose paragraph."""
    words = _words(it.s)
    if _is_name_like(it.s):
        it.cls, it.reason = "byline", "name-shaped line above the story"
    elif it.nwords <= 3 and _is_all_caps(it.s) and not it.s.endswith(":") and k > 0 and items[k - 1].cls == "byline":
        it.cls, it.reason = "byline", "outlet name under a byline"
    elif after_dateline:
        it.cls, it.reason = "chrome", "above the dateline paragraph"
    elif it.terminal and it.nwords >= 4:
        it.cls, it.reason = "body", "sentence above the first paragraph (standfirst)"
    elif it.nwords >= 6 and not _is_title_case(words) and not it.s.endswith(":"):
        it.cls, it.reason = "body", "long line above the first paragraph (standfirst)"
    elif it.s.endswith(":") and it.nwords >= 3:
        it.cls, it.reason = "body", "lead-in line"
    else:
        it.cls, it.reason = "chrome", "headline-like line above the story"


#: "Jane Doe, opinion editor": a masthead line under an editorial
_STAFF_ROLE = re.compile(
    r"^[^,]{3,40},\s+(?:[a-z]+\s+){0,5}(?:editor|writer|publisher|reporter|columnist|president|producer|director|engagement)"
    r"(?:\s+(?:and|of|for)\s+[\w ]{1,40})?$"
)
#: a list item: bullet or number first, or a clause ending with ; or ,
_LIST_ITEM = re.compile(r"^(?:--?|[•●▪◦*–]|\d{1,2}[.)])\s+\S|[;,]$|;\s*and$")
#: a credit split over lines at the foot of wire copy: "—Jane Doe" / "and John Roe"
_CREDIT_PIECE = re.compile(r"^(?:[—–-]\s?|and\s+)")


def _classify_after(it: _Item, items: list[_Item], k: int) -> None:
    """A line below the last prose paragraph."""
    prev = _neighbour(items, k, -1)
    if _is_name_like(it.s) or (_CREDIT_PIECE.match(it.s) and _is_name_like(_CREDIT_PIECE.sub("", it.s))):
        it.cls, it.reason = "byline", "name-shaped line below the story"
    elif _STAFF_ROLE.search(it.s) and _is_name_like(it.s.partition(",")[0]):
        it.cls, it.reason = "byline", "staff name and role below the story"
    elif prev is not None and prev.cls == "body" and (_LIST_ITEM.search(it.s) or (it.nwords >= 3 and "%" in it.s)):
        # the story ends with a list (or a table of figures) its last paragraph introduces
        it.cls, it.reason = "body", "list item continuing the story"
    elif _shares_label(it, items):
        it.cls, it.reason = "body", "labelled line repeating a label of the story"
    elif (it.terminal or it.s.endswith(":")) and it.nwords >= 4:
        it.cls, it.reason = "body", "sentence after the last paragraph"
    else:
        it.cls, it.reason = "chrome", "short line below the story"


def _neighbour(items: list[_Item], k: int, step: int) -> _Item | None:
    j = k + step
    return items[j] if 0 <= j < len(items) else None


#: "ENDORSEMENT: Headline", "NASH: Headline": a one-word capitals label before
#: a headline that does not end like a sentence (checked by the caller)
_KICKER = re.compile(r"^[A-Z]{3,}:\s+[\"'“‘]?[A-Z0-9]")


_LABEL = re.compile(r"^([A-Z][\w'’]*(?: [\w'’]+){0,2}):\s+\S")


def _shares_label(it: _Item, items: list[_Item]) -> bool:
    """``it`` opens with a short "Label:" that another line of the page opens
    with too ("Verdict: …", "ISSUE: …"): the story's own structure, repeated."""
    m = _LABEL.match(it.s)
    if m is None:
        return False
    head = m.group(1) + ":"
    return any(o is not it and o.s.startswith(head) for o in items)


#: a short credit alone in parentheses: "(Jane Doe Foundation)", "(Screenshot, KXYZ)"
_PAREN_CREDIT = re.compile(r"^\((?-i:[A-Z])[\w.'’&-]*(?:,?\s+(?:(?-i:[A-Z0-9])[\w.'’&/-]*|of|the|and|for|de|via))+\)$")


def _classify_between(it: _Item, items: list[_Item], k: int) -> None:
    """A line inside the story's span: body unless it is an inserted headline."""
    if it.prose or it.terminal or it.s.endswith(":"):
        it.cls, it.reason = "body", "paragraph" if it.prose else "short sentence in the story"
        return
    if it.nwords <= 6 and _PAREN_CREDIT.match(it.s):
        it.cls, it.reason = "caption", "credit in parentheses between paragraphs"
        return
    if _is_name_like(it.s) and "," not in it.s and sum(o.s == it.s for o in items) >= 2:
        # the same name alone under several pictures: the photographer's credit
        it.cls, it.reason = "caption", "name repeated between paragraphs (photo credit)"
        return
    if it.nwords >= 4 and any(n is not None and n.s == it.s for n in (_neighbour(items, k, -1), _neighbour(items, k, 1))):
        # the same unpunctuated line twice in a row: an embedded card's title
        # rendered once per player state (a subhead is never doubled)
        it.cls, it.reason = "caption", "unpunctuated line doubled between paragraphs (embed title)"
        return
    if _shares_label(it, items):
        it.cls, it.reason = "body", "labelled line repeating a label of the story"
        return
    if it.nwords >= 6 and _is_all_caps(it.s):
        it.cls, it.reason = "related", "long all-capitals headline inside the story"
        return
    if 5 <= it.nwords <= 20 and _KICKER.match(it.s):
        it.cls, it.reason = "related", "kicker-labelled headline inside the story"
        return
    prev, nxt = _neighbour(items, k, -1), _neighbour(items, k, 1)
    next_to_ad = any(n is not None and n.cls == "ad" for n in (prev, nxt))
    if next_to_ad and 5 <= it.nwords <= 20 and not it.s.endswith((",", ";")):
        it.cls, it.reason = "related", "headline-like line next to an ad marker"
        return
    it.cls, it.reason = "body", "subhead or short line in the story"


# ---------------------------------------------------------------- ad markers


def count_ad_markers(seg: Segmentation) -> int:
    """Ad markers of a segmented page: lines classed ``ad`` plus markers that
    sit inside other lines ("Advertisement Continue reading the main story")."""
    n = 0
    inline = _patterns("ad_inline")
    for line in seg.lines:
        if line.cls == "ad":
            n += 1
        elif inline.match(line.text.strip()):
            n += 1
    return n


# ---------------------------------------------------------------- boilerplate


class BoilerplateIndex:
    """Lines repeated across the pages of one outlet (site chrome).

    Feed every article with :meth:`add` in a pre-pass, then pass
    ``repeated(outlet)`` as ``segment(..., boilerplate=...)``. A normalised line
    counts as boilerplate when it occurs in at least ``min_articles`` articles
    and in at least ``min_share`` of the outlet's articles (each article counts
    a line once), the cross-page repetition signal of template detection
    (Bar-Yossef & Rajagopalan 2002, "Template detection via data mining").
    """

    #: lines longer than this are story, not site chrome, and are not counted;
    #: it also keeps the index small (chrome lines are short)
    MAX_LINE_CHARS = 200
    #: distinct lines kept per outlet before lines seen once are forgotten
    #: (lossy counting keeps memory flat on very large corpora)
    MAX_ENTRIES = 200_000

    def __init__(self, *, min_articles: int = 3, min_share: float = 0.02) -> None:
        self.min_articles = min_articles
        self.min_share = min_share
        self._counts: dict[str, Counter[str]] = defaultdict(Counter)
        self._articles: Counter[str] = Counter()
        self._seen_texts: set[int] = set()
        self._cache: dict[str, frozenset[str]] = {}

    def add(self, outlet: str | None, text: str | None) -> None:
        key = outlet or ""
        text = text or ""
        # the same article scraped twice must not make its paragraphs "repeated"
        fingerprint = hash((key, text))
        if fingerprint in self._seen_texts:
            return
        self._seen_texts.add(fingerprint)
        seen = {normalize_line(ln) for ln in text.split("\n") if ln.strip() and len(ln) <= self.MAX_LINE_CHARS}
        seen.discard("")
        counts = self._counts[key]
        counts.update(seen)
        if len(counts) > self.MAX_ENTRIES:
            for line in [ln for ln, c in counts.items() if c == 1]:
                del counts[line]
        self._articles[key] += 1
        self._cache.pop(key, None)

    def add_many(self, pairs: Iterable[tuple[str | None, str | None]]) -> None:
        for outlet, text in pairs:
            self.add(outlet, text)

    def articles(self, outlet: str | None) -> int:
        return self._articles[outlet or ""]

    def repeated(self, outlet: str | None) -> frozenset[str]:
        key = outlet or ""
        if key not in self._cache:
            n = self._articles[key]
            need = max(self.min_articles, self.min_share * n)
            self._cache[key] = frozenset(line for line, c in self._counts[key].items() if c >= need)
        return self._cache[key]
