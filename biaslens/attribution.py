"""Attribution extraction for English news: who is cited, with which cue, saying what.

An attribution is a source / cue / content triple in the sense of PolNeAR
(Newell, Margolin & Ruths, "An attribution relations corpus for political
news", LREC 2018) and of Pareti's PARC scheme (Pareti 2016): "Peskov (source)
told reporters (cue) that the meeting ... (content)". The extractor is rule
based (regular expressions, the lexicons in ``biaslens/lexicons/attribution``
and heuristics for noun phrases, appositives and pronouns), so it needs no
model download and runs at hundreds of articles per second.

Cues inside quotation marks are not extracted: a quoted speaker's own
"I think" belongs to the quoted voice, and PolNeAR does not annotate it either.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any, Iterable, Iterator

from biaslens.model import Record
from biaslens.lexicons import load_lines, load_set, load_table

__all__ = [
    "Attribution",
    "SPEAKER_TYPES",
    "KINDS",
    "attributions",
    "quote_spans",
    "direct_quote_share",
    "iter_speakers",
]

Span = tuple[int, int]

#: a trailing possessive ("Peskov's", "Peskov’s")
_POSS_S = re.compile(r"[’']s$")
#: a leading article, dropped from canonical names
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)

#: Values of :attr:`Attribution.speaker_type`.
SPEAKER_TYPES = ("named_person", "named_org", "pronoun", "anonymous", "vague_group", "none")
#: Values of :attr:`Attribution.kind`.
KINDS = ("direct", "indirect", "according_to", "mixed")

_FAM = "attribution"


@dataclass(frozen=True, slots=True)
class Attribution(Record):
    """One attribution: speaker, cue and content with their character spans.

    Spans are (start, end) offsets into the text given to :func:`attributions`
    (``None`` where absent: e.g. "It was announced that ..." has no speaker).
    ``canonical`` is the speaker's name after merging repeated mentions
    ("Kremlin spokesman Dmitry Peskov" ... "Peskov" ... "he" -> "Dmitry Peskov").
    ``anonymous`` is True for ``anonymous`` and ``vague_group`` speakers.

    Speaker-type decisions (after the issue's definitions): an identifiable
    document or poll ("the report", "a Gallup poll", "the emails") is
    ``named_org``; bare plurals ("reports", "polls") are ``vague_group``;
    unnamed people, including unnamed office-holders ("party leaders", "a
    ministry spokesman") and people described by their access ("people close
    to the mayor"), are ``anonymous``. Evidence the writer interprets ("the
    closeness of the result suggests") keeps its speaker span (PolNeAR marks it
    as source) but has ``speaker_type`` ``"none"``: it is no human source.

    Names (see ``_refine_name``): a place or seat of government standing for
    its government ("Moscow says", "the Kremlin", "Downing Street", "the United
    States"; ``metonyms.txt``) is ``named_org`` and official. A lone capitalised
    word is ``named_person`` only with evidence: a first name (``given_names.txt``)
    or title before it somewhere in the text ("Ana Lind" ... "Lind said"; the
    canonical name is then the full name), or the word is itself a given name;
    otherwise it is ``named_org`` ("Apple said"), since news introduces people by
    full name before using a surname alone. Organisations are official when they
    speak as a government, agency, party, campaign or company (institutions and
    acronyms, "police said", "the company said") but not as an outlet ("Reuters
    reported"). Unnamed spokespeople of a named body ("a spokeswoman for the
    ministry") are ``anonymous`` and official.

    Anonymity markers (``anonymity_markers.txt``: "who did not want to be
    named", "speaking on condition of anonymity", "who was not authorised to
    speak publicly") are never cues; a speaker they are attached to is
    ``anonymous`` unless the writer names the person anyway, and keeps
    ``is_official`` from its role ("One MP, who did not want to be named").

    Pronouns: ``referent`` is the nearest earlier compatible person: the last
    named speaker of matching gender (from the given name or Mr./Ms.), or a
    person mentioned after that speaker whose gender matches he/she. "you" in
    a question ("What do you think?") is a question to the reader, not an
    attribution, except in an interview transcript ("Q: Do you think ...").
    """

    speaker: str | None
    speaker_span: Span | None
    cue: str
    cue_span: Span
    content: str | None
    content_span: Span | None
    kind: str
    speaker_type: str
    referent: str | None
    is_official: bool
    canonical: str | None
    anonymous: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --------------------------------------------------------------------------- lexicons


def _inflect(lemma: str) -> dict[str, str]:
    """Regular English inflections of a verb lemma (form -> tag)."""
    if lemma.endswith("ee"):
        past, ing = lemma + "d", lemma + "ing"
    elif lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    return {lemma: "base", third: "3sg", past: "past", ing: "ing"}


@lru_cache(maxsize=None)
def _verbs() -> dict[str, tuple[str, str, str]]:
    """Every reporting-verb form -> (lemma, class, tag)."""
    irregular = {row[0]: row[1:] for row in load_table(_FAM, "irregular_verbs.txt")}
    out: dict[str, tuple[str, str, str]] = {}
    for lemma, cls in load_table(_FAM, "reporting_verbs.txt"):
        forms = _inflect(lemma)
        if lemma in irregular:
            past, part, ing = (list(irregular[lemma]) + ["-", "-", "-"])[:3]
            forms = {k: v for k, v in forms.items() if v in ("base", "3sg") or (v == "past" and past == "-") or (v == "ing" and ing == "-")}
            if past != "-":
                forms[past] = "past"
            if part != "-":
                forms.setdefault(part, "part")
            if ing != "-":
                forms[ing] = "ing"
        for form, tag in forms.items():
            # the first class listed wins (speech before evidence for "suggest")
            out.setdefault(form, (lemma, cls, tag))
    return out


@lru_cache(maxsize=None)
def _multiword() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Multiword cues indexed by their first word, longest first."""
    rows = [(tuple(r[0].lower().split()), r[1] if len(r) > 1 else "speech") for r in load_table(_FAM, "multiword_cues.txt")]
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, kind in sorted(rows, key=lambda r: -len(r[0])):
        index.setdefault(words[0], []).append((words, kind))
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=None)
def _cue_ext() -> re.Pattern[str]:
    alts = "|".join(f"(?:{a})" for a in load_lines(_FAM, "cue_extensions.txt"))
    return re.compile(rf"(?:,?\s+(?:{alts}))+(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=None)
def _audience() -> re.Pattern[str]:
    alts = "|".join(re.escape(a) for a in sorted(load_lines(_FAM, "audiences.txt"), key=len, reverse=True))
    return re.compile(rf"\s+(?:{alts})\b", re.IGNORECASE)


def _set(name: str) -> frozenset[str]:
    return load_set(_FAM, name)


@lru_cache(maxsize=None)
def _phrases(name: str) -> tuple[str, ...]:
    """The multiword entries of a lexicon, looked for inside a speaker phrase."""
    return tuple(e for e in _set(name) if " " in e)


@lru_cache(maxsize=None)
def _generic_words() -> frozenset[str]:
    """Words that make a sentence-initial capital no evidence of a name ("Officials", "Some")."""
    return _set("anonymous_sources.txt") | _set("vague_groups.txt") | _set("quantifiers.txt")


@lru_cache(maxsize=None)
def _source_nouns() -> frozenset[str]:
    """Nouns that are typical sources: "experts note", "the document states"."""
    return (_set("anonymous_sources.txt") | _set("org_heads.txt") | _set("vague_groups.txt")) - {"people", "one", "all", "both", "some", "many", "most"}


_POSSESSIVE = frozenset("his her their its our my".split())


@lru_cache(maxsize=None)
def _nominal() -> frozenset[str]:
    return _set("nominal_cues.txt")


@lru_cache(maxsize=None)
def _ambiguous() -> dict[str, str]:
    return {r[0].lower(): r[1] for r in load_table(_FAM, "ambiguous_forms.txt")}


@lru_cache(maxsize=None)
def _pronouns() -> dict[str, str]:
    return {r[0].lower(): r[1] for r in load_table(_FAM, "pronouns.txt")}


# --------------------------------------------------------------------------- quotes

_DQ_OPEN = "“„«"
_DQ_CLOSE = "”»"
_DQ_ANY = re.compile(r"[“”„«»\"]|''|``")
_SQ = re.compile(r"[‘’']")


def _raw_quote_spans(text: str) -> list[Span]:
    """Quoted regions, quote marks included, in text order.

    Double quotes pair within a paragraph; a quote left open at the end of a
    paragraph runs to its end (news convention: a continuing quote reopens the
    next paragraph without closing the previous one). Single quotes pair only
    outside double quotes, and only where they cannot be apostrophes
    ("Moscow’s", "’90s", "students’ union" without an opening mark).
    """
    spans: list[Span] = []
    for para in re.finditer(r"[^\n]+", text):
        p0, p = para.start(), para.group()
        open_at: int | None = None
        para_spans: list[Span] = []
        for m in _DQ_ANY.finditer(p):
            ch = m.group()
            if open_at is None:
                if ch in _DQ_CLOSE:
                    continue  # stray closing mark: nothing to pair it with
                if ch == "''" and not (m.start() == 0 or not p[m.start() - 1].isalnum()):
                    continue
                open_at = m.start()
            else:
                if ch in _DQ_OPEN or ch == "``":
                    continue
                if ch == '"' and m.end() < len(p) and p[m.end()].isalnum() and p[m.start() - 1].isspace():
                    # a straight quote glued to the next word opens a new quote:
                    # the previous one was never closed
                    para_spans.append((p0 + open_at, p0 + m.start()))
                    open_at = m.start()
                    continue
                para_spans.append((p0 + open_at, p0 + m.end()))
                open_at = None
        if open_at is not None:
            para_spans.append((p0 + open_at, p0 + len(p.rstrip())))
        # single quotes outside double-quoted regions
        open_sq: int | None = None
        for m in _SQ.finditer(p):
            i = m.start()
            if any(s - p0 <= i < e - p0 for s, e in para_spans):
                continue
            before = p[i - 1] if i else " "
            after = p[i + 1] if i + 1 < len(p) else " "
            if open_sq is None:
                if m.group() != "’" and not before.isalnum() and (after.isalpha() or after in "“\""):
                    open_sq = i
                elif m.group() == "’" and not before.isalnum() and after.isalpha() and i + 1 < len(p):
                    # headline style uses ’ as an opening mark too; never before digits ('90s)
                    open_sq = i
            else:
                if not after.isalnum() and before not in " \t" and i - open_sq > 1:
                    para_spans.append((p0 + open_sq, p0 + i + 1))
                    open_sq = None
        spans.extend(para_spans)
    spans.sort()
    return spans


def quote_spans(text: str, attributions: list | None = None) -> list[Span]:
    """Spans of quoted material in ``text`` (quote marks included), merged and sorted.

    Straight and curly double quotes, quotes continuing across paragraphs,
    single quotes that are not apostrophes. ``attributions`` (from
    :func:`attributions`) add the content of direct quotes whose marks were
    lost, so the hedging and sentiment modules can tell the journalist's voice
    from quoted voices.
    """
    spans = list(_raw_quote_spans(text))
    if attributions:
        for a in attributions:
            if getattr(a, "kind", None) == "direct" and a.content_span:
                spans.append(tuple(a.content_span))
    spans.sort()
    merged: list[Span] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def direct_quote_share(text: str, spans: list[Span] | None = None) -> float:
    """Share of non-space characters of ``text`` inside quotation marks (0..1)."""
    if spans is None:
        spans = quote_spans(text)
    total = sum(1 for c in text if not c.isspace())
    if not total:
        return 0.0
    inside = sum(1 for s, e in spans for c in text[s:e] if not c.isspace())
    return min(1.0, inside / total)


# --------------------------------------------------------------------------- tokens and sentences

_TOKEN = re.compile(r"[^\W_]+(?:[’'\-.&][^\W_]+)*\.?|''|``|[^\w\s]", re.UNICODE)
_ABBREV = frozenset(
    "mr mrs ms dr sen rep gov gen lt col capt sgt adm st jr sr inc corp co ltd no vs v jan feb mar apr jun jul aug sep sept oct nov dec "
    "u.s u.k u.n d.c a.m p.m prof rev ft mt ave blvd dept est approx fig e.g i.e etc".split()
)


@dataclass(slots=True)
class _Tok:
    s: int
    e: int
    t: str
    low: str
    q: bool  # inside quotation marks


def _tokens(text: str, start: int, end: int, inq: bytearray) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _TOKEN.finditer(text, start, end):
        t = m.group()
        s, e = m.start(), m.end()
        if t.endswith(".") and len(t) > 1:
            stem = t[:-1].lower()
            if not (stem in _ABBREV or (len(stem) == 1 and t[0].isupper()) or "." in stem):
                # a sentence-final period is its own token
                out.append(_Tok(s, e - 1, t[:-1], stem, bool(inq[s])))
                out.append(_Tok(e - 1, e, ".", ".", bool(inq[e - 1])))
                continue
        out.append(_Tok(s, e, t, t.lower(), bool(inq[s])))
    return out


#: the word (with inner dots) before a sentence-final period: "U.S." or "Mr."
_WORD_BEFORE_DOT = re.compile(r"([\w.]+)\.+$")
_SENT_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|\n")


def _sentences(text: str, inq: bytearray) -> list[Span]:
    """Sentence spans: split after . ! ? before a capital, never inside quotes or after abbreviations."""
    out: list[Span] = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        if m.group() != "\n":
            if inq[m.start()] and end < len(text) and inq[min(end + 1, len(text) - 1)]:
                continue
            wm = _WORD_BEFORE_DOT.search(text[max(0, m.start() - 20):m.start() + 1])
            if wm and text[m.start()] == ".":
                w = wm.group(1).lower().rstrip(".")
                if w in _ABBREV or (len(w) == 1 and w.isalpha()):
                    continue
        if text[start:end].strip():
            out.append((start, end))
        start = end
    if text[start:].strip():
        out.append((start, len(text)))
    return out


# --------------------------------------------------------------------------- speaker phrases


def _is_cap(t: str) -> bool:
    return t[:1].isupper()


@lru_cache(maxsize=None)
def _np_ok() -> frozenset[str]:
    return _set("np_stops.txt") | frozenset(_verbs())


# function words inside an all-capitals headline kicker ("NIGHT OF TERROR:")
_KICKER_GLUE = frozenset("of the a an in on for and to at from with over after is are".split())
_DETS = frozenset("a an the this that these those his her their its our my your no any each every another such".split())
_PUNCT_STOP = frozenset(',;:()[]"“”‘’\'!?.–—')


def _np_token(tok: _Tok, allow_caps_verb: bool = False) -> bool:
    if tok.q:
        return False
    low = tok.low
    if low in _PUNCT_STOP:
        return False
    if low in ("'s", "’s", "-", "&", "of", "s"):
        return True
    if low in _np_ok() and low not in _ambiguous():
        # a capitalised form like "Post" or "Tell" inside a name is still a name
        return _is_cap(tok.t) and low not in _set("np_stops.txt") and allow_caps_verb
    if not tok.t[:1].isalnum():
        return False
    return True


def _left_np(toks: list[_Tok], j: int, lo: int) -> tuple[int, int] | None:
    """Token range [i, j) of the noun phrase ending right before index ``j``."""
    i = j
    while i > lo and j - i < 9 and _np_token(toks[i - 1], allow_caps_verb=True):
        i -= 1
    # an NP does not start with "of" / possessive marks
    while i < j and toks[i].low in ("of", "'s", "’s", "-", "&", "s"):
        i += 1
    if i >= j:
        return None
    # lowercase -ed/-ing word at the start is a verb of a previous clause ("announced ...")
    while i < j - 1 and not _is_cap(toks[i].t) and toks[i].low.endswith(("ed", "ing", "ly")) and toks[i].low not in _set("anonymous_sources.txt"):
        i += 1
    return i, j


def _right_np(toks: list[_Tok], i: int, hi: int, max_len: int = 12) -> tuple[int, int] | None:
    """Token range [i, k) of the noun phrase starting at ``i`` (for "said X", "according to X")."""
    k = i
    while k < hi and k - i < max_len:
        tok = toks[k]
        if tok.q or tok.low in _PUNCT_STOP:
            break
        if tok.low in ("that", "who", "which", "when", "while", "because", "but", "and", "as", "if", "since", "after", "before",
                       "on", "in", "at", "during", "last", "by", "over", "about", "earlier", "later") or (k > i and tok.low in _DAYS):
            break
        if tok.low in _verbs() and not _is_cap(tok.t) and k > i:
            break
        if tok.low in _set("cue_modifiers.txt") and k > i and not _is_cap(tok.t) and tok.low not in ("first",):
            break
        k += 1
    return (i, k) if k > i else None


# --------------------------------------------------------------------------- speaker typing


@dataclass(slots=True)
class _Speaker:
    text: str
    span: Span
    type: str
    canonical: str | None
    official: bool
    referent: str | None = None


_INDEFINITE = frozenset("a an one another two three several some second third other".split())
_NAME_EXCLUDE = frozenset(
    "the a an this that these those his her their its monday tuesday wednesday thursday friday saturday sunday "
    "january february march april may june july august september october november december".split()
)


def _name_runs(words: list[str]) -> list[list[str]]:
    """Runs of capitalised words that are not titles, org heads or determiners."""
    titles, orgs, anon = _set("titles.txt"), _set("org_heads.txt"), _set("anonymous_sources.txt")
    runs: list[list[str]] = []
    cur: list[str] = []
    for w in words:
        low = w.lower().rstrip(".")
        base = _POSS_S.sub("", w)
        if (_is_cap(w) and low not in titles and w.lower() not in titles and low not in orgs and low not in anon
                and low not in _NAME_EXCLUDE and not (w.isupper() and len(w) > 1 and "." not in w)):
            cur.append(base)
            if base != w:  # possessive ends a name
                runs.append(cur)
                cur = []
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def _head(words: list[str]) -> str:
    """The head word of a speaker phrase: the last word before a post-modifier."""
    cut = len(words)
    for k, w in enumerate(words):
        if k and w.lower() in ("of", "familiar", "close", "with", "in", "at", "from", "for", "who", "on", ","):
            cut = k
            break
    head = words[cut - 1] if cut else words[-1]
    return _POSS_S.sub("", head).lower()


def _classify(text: str) -> tuple[str, bool]:
    """(speaker_type, is_official) of a speaker phrase out of context."""
    words = [m.group() for m in _TOKEN.finditer(text)]
    if not words:
        return "none", False
    lows = [w.lower() for w in words]
    # "people close to the governor": the governor is not the speaker, so only the head part counts
    post = next((k for k, w in enumerate(lows) if k and w in _POSTMOD), len(lows))
    joined = " " + " ".join(lows[:post]) + " "
    official = any(w.rstrip(".") in _set("official_roles.txt") or w in _set("official_roles.txt")
                   or (w.endswith("s") and w[:-1] in _set("official_roles.txt")) for w in lows[:post]) or any(
        f" {r} " in joined for r in _phrases("official_roles.txt")
    )
    if len(words) == 1 and lows[0] in _pronouns():
        return "pronoun", False
    head = _head(words)
    if head in _BARE_SOURCES and lows[-1] == head and len(lows) > 1 and all(_vague_modifier(w) for w in lows[:-1]):
        # "Local reports", "State media", "Turkish media", "Conflicting accounts": no identifiable source
        return "vague_group", official
    head_runs = [r for r in _name_runs(words[:post])
                 if not (r == [words[0]] and (lows[0] in _generic_words() or lows[0] in _EVIDENCE_HEADS))]
    if post < len(lows) and lows[post] in _POSTMOD and not head_runs:
        # "a person familiar with the matter", "people close to the campaign"
        return "anonymous", official
    if head in _EVIDENCE_HEADS and head not in ("poll", "survey", "study", "report"):
        # documents and records: "the emails show" names a checkable document, "emails show" does not
        return ("named_org" if lows[0] in _DETS or head_runs else "vague_group"), official
    poss = next((k for k, w in enumerate(lows[:post]) if w.endswith(("'s", "’s"))), None)
    if poss is not None and poss + 1 < post and head in (_set("anonymous_sources.txt") | _set("titles.txt")) and lows[post - 1] == head \
            and head not in _set("org_heads.txt"):
        # "Senator Ana Lind's spokesman": an unnamed person speaking for a named one
        return "anonymous", official
    if head.endswith("s") and head[:-1] in _set("titles.txt") and head[:-1] not in _set("org_heads.txt") and lows[post - 1] == head:
        # "party leaders", "Republican senators": unnamed office-holders
        return "anonymous", official
    if lows[0] in _INDEFINITE and (head in _set("anonymous_sources.txt") or head in _set("titles.txt") or head.rstrip("s") in _set("titles.txt")) \
            and not any(r[-1].lower() == head for r in _name_runs(words)) and not _name_runs(words[post:]) and (
            not _name_runs(words) or all(len(r) == 1 and (r[0].isupper() or r[0].lower() in _set("org_heads.txt")) for r in _name_runs(words))
            or head in _set("anonymous_sources.txt")):
        # "a senior official", "one Pentagon spokesman", "a second CIA officer": unnamed people
        return "anonymous", official
    orgs = _set("org_heads.txt")
    has_org = any(w in orgs for w in lows) or any(f" {o} " in joined for o in _phrases("org_heads.txt"))
    acronym = any(w.isupper() and len(w) > 1 and w.isalpha() for w in words)
    runs = _name_runs(words[1:] if lows[0] in _DETS else words)
    # sentence-initial capital is no evidence of a name ("Officials said")
    if runs and runs[0] and runs[0][0] == words[0] and len(runs[0]) == 1 and lows[0] in _generic_words():
        runs = runs[1:]
    quant = lows[0] in _set("quantifiers.txt") or (len(lows) > 1 and " ".join(lows[:2]) in _set("quantifiers.txt"))
    if quant or (head in _set("vague_groups.txt") and not runs and head not in orgs) or (head in ("media", "press", "reports", "polls") ):
        if head in ("report", "poll", "survey", "study") and lows[0] in ("the", "a", "an", "this", "that"):
            return "named_org", official
        return "vague_group", official
    if head in orgs and (runs or has_org or acronym or lows[0] in ("the", "a", "an", "this", "that", "its", "their", "his", "her")):
        return "named_org", official
    if head in _set("anonymous_sources.txt") and not any(len(r) >= 1 and r[-1].lower() == head for r in runs):
        # "a senior official", "Kremlin spokesman" (no name after the title)
        if not runs or all(r[0].lower() in orgs or r[0].lower().rstrip("s") in orgs for r in runs) or head in ("officials", "sources", "source", "official"):
            return "anonymous", official
    if runs:
        last = runs[-1]
        if any(w.lower() in orgs for w in last) or (has_org and head in orgs):
            return "named_org", official
        return "named_person", official
    if acronym or has_org:
        return "named_org", official
    if lows[0] in ("the", "this") and head in _set("titles.txt"):
        return "named_person", official  # "the president": a specific, identifiable person
    if head.endswith("s") and not head.endswith("ss"):
        return "vague_group", official
    return "anonymous", official


#: Plural or mass nouns for unidentified reporting ("reports", "media") that stay vague after adjectives.
_BARE_SOURCES = frozenset("reports polls surveys studies accounts rumors rumours estimates media press".split())
_VAGUE_ADJ = frozenset(
    "local state national international foreign domestic regional western eastern northern southern official unofficial "
    "recent earlier initial early later latest new multiple numerous several various other separate independent previous "
    "unconfirmed conflicting credible widespread mainstream social online news some many most".split())


def _vague_modifier(w: str) -> bool:
    """An adjective before a bare source noun ("local", "unconfirmed", "Turkish"), not a name ("CNN", "Marlow")."""
    return w in _VAGUE_ADJ or w.endswith(("ish", "ian", "ese", "ic", "al", "ed", "ing", "ent", "ive", "ous")) and len(w) > 4


#: Cues whose subject is often evidence rather than a source ("the result suggests").
_EVIDENTIAL = frozenset("suggest show indicate appear seem mean signal reveal point find prove confirm demonstrate".split())


#: Documents, records and polls: sources of the named_org kind ("the emails show", "the data suggest").
_EVIDENCE_HEADS = frozenset(
    "data email emails records record documents document poll polls survey surveys study studies report reports analysis "
    "statistics figures numbers findings results memo letter filing audit tally count census research".split())


def _source_like(phrase: str) -> bool:
    """Can ``phrase`` be a source (a person, group, organisation, document or poll) rather than plain evidence?"""
    words = [m.group() for m in _TOKEN.finditer(phrase)]
    if not words:
        return False
    lows = [w.lower() for w in words]
    if len(words) == 1 and lows[0] in _pronouns():
        return True
    head = _head(words)
    if any(_is_cap(w) and w.lower() not in _DETS for w in words[1:]) or (_is_cap(words[0]) and lows[0] not in _DETS and lows[0] not in _np_ok()
                                                                       and lows[0] not in _EVIDENCE_HEADS):
        return True
    return (head in _source_nouns() or head in _set("titles.txt") or head in _set("quantifiers.txt") or head in _EVIDENCE_HEADS
            or head.rstrip("s") in _source_nouns() or head in _pronouns() or head in ("percent", "%", "one", "another", "others")
            or head.endswith(("ers", "ists", "ians", "ans", "ents", "ors", "ees")))


def _canonical_name(text: str) -> str:
    words = [m.group() for m in _TOKEN.finditer(text)]
    runs = _name_runs(words)
    if not runs:
        return " ".join(w for w in words if w.lower() not in _DETS)
    best = max(runs, key=len)
    return " ".join(best)


@lru_cache(maxsize=None)
def _given_names() -> dict[str, str]:
    """Given name -> usual gender (m, f, u)."""
    return {r[0].lower(): (r[1] if len(r) > 1 else "u") for r in load_table(_FAM, "given_names.txt")}


@lru_cache(maxsize=None)
def _metonyms() -> frozenset[str]:
    return _set("metonyms.txt")


_GENDER_TITLES = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f",
                  "sir": "m", "lord": "m", "lady": "f", "madam": "f", "king": "m", "queen": "f", "prince": "m", "princess": "f",
                  "congressman": "m", "congresswoman": "f", "chairman": "m", "chairwoman": "f", "spokesman": "m", "spokeswoman": "f",
                  "businessman": "m", "businesswoman": "f", "councilman": "m", "councilwoman": "f"}
_PRON_GENDER = {"he": "m", "she": "f"}
# a capitalised word before a name that is no first name ("In Moscow", "The Kremlin")
_NOT_FIRST = frozenset(
    "in on at by for from to of with as and or but if when while after before since the a an this that these those his her their "
    "its our my your new old north south east west northern southern eastern western central upper lower great greater san los las "
    "st st. saint fort mount lake port said says told according".split())
_NAME_PAIR = re.compile(r"\b([A-Z][\w’'.-]*)\s+(?=(?:[A-Z]\.\s+)?([A-Z][a-z][\w’'-]*))")


class _Canon:
    """Per-document memory of named speakers, for canonicalisation and pronouns.

    Besides the speakers seen so far it indexes, lazily and once per text, every
    "<first name or title> <Surname>" pair, so that a one-word speaker can be
    recognised as a person ("Lind said" after "Ana Lind") and he/she can
    resolve to a gender-compatible person who was mentioned without speaking.
    """

    def __init__(self, text: str = "") -> None:
        self.persons: list[tuple[str, bool]] = []  # (canonical, official) in order of mention
        self.history: list[_Speaker] = []
        self.text = text
        self._index: tuple[dict[str, str], frozenset[str], list[tuple[int, str, str]]] | None = None
        self.officials: set[str] = set()  # surnames seen after an official title ("Senator Lind")

    def full_name(self, surname: str) -> str | None:
        """The first "<given name> <surname>" mention of ``surname`` in the text, if any."""
        for _, name, _ in self.index()[2]:
            if " " in name and name.rsplit(" ", 1)[1] == surname:
                return name
        return None

    def person(self, name: str, official: bool) -> tuple[str, bool]:
        parts = name.split()
        for i in range(len(self.persons) - 1, -1, -1):
            known, off = self.persons[i]
            kparts = known.split()
            if kparts and parts and kparts[-1] == parts[-1] and (len(parts) == 1 or len(kparts) == 1 or kparts[0] == parts[0]):
                best = known if len(kparts) >= len(parts) else name
                self.persons[i] = (best, off or official)
                return best, off or official
        self.persons.append((name, official))
        return name, official

    def index(self) -> tuple[dict[str, str], frozenset[str], list[tuple[int, str, str]]]:
        """(surname -> gender for strict person evidence, surnames after any capitalised word, [(pos, full name, gender)])."""
        if self._index is None:
            strict: dict[str, str] = {}
            loose: set[str] = set()
            mentions: list[tuple[int, str, str]] = []
            given, titles = _given_names(), _set("titles.txt")
            for m in _NAME_PAIR.finditer(self.text):
                first, last = m.group(1), m.group(2)
                flow = first.lower()
                last = _POSS_S.sub("", last)
                if flow.endswith(("'s", "’s")) or last.lower() in _NAME_EXCLUDE:
                    continue
                if flow in given:
                    g = given[flow]
                    if strict.get(last, g) != g:
                        g = "u"
                    strict[last] = g
                    mentions.append((m.start(), f"{first} {last}", given[flow]))
                elif flow in titles or flow.rstrip(".") in titles:
                    if flow in _set("official_roles.txt") or flow.rstrip(".") in _set("official_roles.txt"):
                        self.officials.add(last)
                    g = _GENDER_TITLES.get(flow, strict.get(last, "u"))
                    strict.setdefault(last, g)
                    if g != "u" and strict[last] == "u":
                        strict[last] = g
                    mentions.append((m.start(1), last, g))
                elif flow not in _NOT_FIRST and flow not in _set("org_heads.txt") and flow not in _metonyms() and not first.isupper():
                    loose.add(last)
            self._index = (strict, frozenset(loose), mentions)
        return self._index

    def gender(self, name: str) -> str:
        parts = name.split()
        if not parts:
            return "u"
        g = _given_names().get(parts[0].lower(), "u") if len(parts) > 1 else "u"
        if g == "u":
            g = self.index()[0].get(parts[-1], "u")
        return g

    def resolve(self, pron: str, pos: int = -1) -> _Speaker | None:
        agree = _pronouns().get(pron, "")
        want = _PRON_GENDER.get(pron)
        best: _Speaker | None = None
        for sp in reversed(self.history):
            if sp.type == "pronoun":
                continue
            if agree == "person" and sp.type == "named_person":
                if want and self.gender(sp.canonical or sp.text) not in (want, "u"):
                    continue
                best = sp
                break
            if agree == "it" and sp.type == "named_org":
                return sp
            if agree == "plural" and sp.type in ("named_org", "vague_group", "anonymous") and sp.text.lower().endswith("s"):
                return sp
        if agree == "person" and want and pos >= 0:
            # a person mentioned after the last compatible speaker, of the right gender, is the nearer referent
            since = best.span[0] if best is not None else -1
            for mpos, name, g in reversed(self.index()[2]):
                if mpos >= pos:
                    continue
                if mpos <= since:
                    break
                if g == want:
                    canonical, official = self.person(name, False)
                    return _Speaker(name, (mpos, mpos + len(name)), "named_person", canonical, official)
        return best


# --------------------------------------------------------------------------- the extractor


@dataclass(slots=True)
class _Cue:
    i: int  # first token of the cue (after modifiers)
    j: int  # one past the last cue token
    lemma: str
    cls: str
    tag: str
    kind: str = ""


_NOT_HEADS = frozenset("more less far much get live instead even just also".split())
_NOUN_LEFT = _DETS | frozenset("of in on for with to by from at as".split())


def _title_case(toks: list[_Tok], lo: int, hi: int) -> bool:
    """A headline in Title Case ("Le Pen Backs Trump"), where verbs are capitalised too."""
    long = [t for t in toks[lo:hi] if len(t.t) > 3 and t.t[:1].isalpha() and not t.q]
    return 3 <= len(long) and hi - lo < 40 and sum(1 for t in long if _is_cap(t.t)) >= 0.75 * len(long)


def _subject_before(toks: list[_Tok], p: int, lo: int) -> bool:
    """Is ``toks[p]`` plausibly the head of a subject, so that a noun-like verb form after it is a verb?

    "she plans", "officials fear", "Trump plans", "64 percent call him" — but not
    "the AP report" or "his plans" (the form is then a noun).
    """
    tok = toks[p]
    low = tok.low
    if tok.q:
        return False
    if low in _pronouns():
        return low not in ("that", "which", "it") or p == lo
    if low in _source_nouns() or low in _set("titles.txt"):
        return True
    if p - lo < 6 and low.isalpha() and not low.endswith(("ly", "ing", "ed")) and low not in _np_ok() and all(
            _np_token(t) for t in toks[lo:p + 1]) and (toks[lo].low in _DETS or _is_cap(toks[lo].t)):
        # the whole clause so far is one noun phrase: "Party leaders want", "The group plans"
        return not any(t.low in _DETS for t in toks[lo + 1:p + 1])
    if low in ("percent", "%") and p > lo and toks[p - 1].t[:1].isdigit():
        return True
    if _is_cap(tok.t) and not low.endswith(("'s", "’s")) and low not in _DETS and low not in _np_ok():
        # "the AP report": a name used as a modifier after a determiner is no subject
        return p == lo or toks[p - 1].low not in _DETS
    return False


@lru_cache(maxsize=None)
def _anon_markers() -> re.Pattern[str]:
    alts = "|".join(f"(?:{a})" for a in load_lines(_FAM, "anonymity_markers.txt"))
    return re.compile(rf"\b(?:{alts})\b", re.IGNORECASE)


# cheap pre-check: every anonymity marker contains one of these stems
_ANON_HINT = re.compile(r"anonym|\bbe\s+(?:named|identified|quoted)|(?:not|n[’']t)\s+(?:authori[sz]ed|permitted|allowed|cleared|empowered)",
                        re.IGNORECASE)


def _marker_spans(text: str) -> list[Span]:
    """Spans of anonymity markers; the full pattern only runs in windows around a cheap keyword hit."""
    found: set[Span] = set()
    pat = _anon_markers()
    done = -1
    for h in _ANON_HINT.finditer(text):
        if h.start() < done:
            continue
        lo, hi = max(0, h.start() - 60), min(len(text), h.end() + 100)
        for m in pat.finditer(text, lo, hi):
            if m.start() <= h.start() < m.end():
                found.add(m.span())
                done = m.end()
    return sorted(found)


_ANON_WORDS = frozenset("named identified quoted anonymity anonymous".split())


def _anonymity_request(toks: list[_Tok], j: int, hi: int) -> bool:
    """Does "asked/requested/spoke ..." at ``j`` continue as a request for anonymity ("asked not to be named")?"""
    window = [t.low for t in toks[j:min(hi, j + 7)] if not t.q]
    if not window or window[0] not in ("not", "anonymity", "anonymously", "for", "on", "under", "that", "to"):
        return False  # "said one aide, who requested anonymity": the request belongs to the speaker, not this cue
    return any(w in _ANON_WORDS for w in window[:6]) and (
        "anonymity" in window or "anonymous" in window or ("not" in window[:2] and ("be" in window[:4] or "being" in window[:4])))


_POLL_HEADS = frozenset("poll polls survey surveys polling".split())


def _poll_after(toks: list[_Tok], k: int, hi: int) -> bool:
    """Does a noun phrase headed by poll/survey start at ``k`` ("the latest NBC News/WSJ poll")?"""
    for x in range(k, min(hi, k + 9)):
        tok = toks[x]
        if tok.q or tok.low in _PUNCT_STOP or (tok.low in _np_ok() and tok.low not in ("of",)):
            return False
        if tok.low in _POLL_HEADS:
            return True
    return False


@lru_cache(maxsize=None)
def _non_cue_pairs() -> frozenset[tuple[str, str]]:
    return frozenset(tuple(line.lower().split()[:2]) for line in load_lines(_FAM, "non_cue_bigrams.txt"))  # type: ignore[misc]


def _in_non_cue_pair(toks: list[_Tok], k: int, lo: int, hi: int) -> bool:
    """Is ``toks[k]`` part of a pair from ``non_cue_bigrams.txt`` ("talk show", "pledged delegates")?"""
    pairs = _non_cue_pairs()
    low = toks[k].low
    return (k > lo and (toks[k - 1].low, low) in pairs) or (k + 1 < hi and (low, toks[k + 1].low) in pairs)


#: Adverbs that attribute a clause to unnamed reports ("Trump reportedly wants"); PolNeAR annotates them as cues.
_UNSOURCED_ADVERBS = frozenset(("reportedly", "allegedly", "purportedly", "supposedly"))


def _find_cues(toks: list[_Tok], lo: int, hi: int) -> list[_Cue]:
    verbs = _verbs()
    out: list[_Cue] = []
    headline = _title_case(toks, lo, hi)
    k = lo
    while k < hi:
        tok = toks[k]
        if tok.q:
            k += 1
            continue
        matched = False
        for words, kind in _multiword().get(tok.low, ()):
            n = len(words)
            if k + n <= hi and all(toks[k + x].low == words[x] and not toks[k + x].q for x in range(n)):
                out.append(_Cue(k, k + n, " ".join(words), "speech" if kind != "according_to" else "according", "multi", kind))
                k += n
                matched = True
                break
        if matched:
            continue
        if tok.low == "in" and _poll_after(toks, k + 1, hi) and (k == lo or (
                k + 2 < hi and toks[k + 1].low in ("a", "an") and any(_is_cap(t.t) for t in toks[k + 2:k + 7]))):
            # "In a CNN poll released Monday, ...": PolNeAR takes "in" as the cue and the poll as source;
            # "leads in the polls" was annotated too rarely to count (measured on PolNeAR train)
            out.append(_Cue(k, k + 1, "in", "according", "poll", "according_to"))
            k += 1
            continue
        if tok.low in _nominal() and k > lo and not _is_cap(tok.t):
            p = k - 1
            while p > lo and k - p <= 2 and toks[p].low not in _POSSESSIVE and not toks[p].low.endswith(("'s", "’s")) and toks[p].low.isalpha() and not _is_cap(toks[p].t) and toks[p].low not in _NOUN_LEFT:
                p -= 1
            if toks[p].low in _POSSESSIVE or (toks[p].low.endswith(("'s", "’s")) and _is_cap(toks[p].t)):
                out.append(_Cue(k, k + 1, tok.low, "nominal", "noun", ""))
                k += 1
                continue
        if tok.low in _UNSOURCED_ADVERBS and not any(
                toks[x].low in verbs and _ambiguous().get(toks[x].low) != "never" for x in range(k + 1, min(hi, k + 4))):
            # "Trump reportedly wants ...": an attribution without a source; before a cue verb
            # ("reportedly said") it is only a modifier of that cue
            out.append(_Cue(k, k + 1, tok.low, "unsourced", "adv", ""))
            k += 1
            continue
        v = verbs.get(tok.low)
        if v and _in_non_cue_pair(toks, k, lo, hi):
            v = None  # "talk show", "pledged delegates": a noun or adjective, not a report
        amb = _ambiguous().get(tok.low) if v else None
        if amb == "never":
            v = None
        elif amb == "noun" and v:
            p = k - 1
            while p >= lo and toks[p].low in _set("cue_modifiers.txt"):
                p -= 1
            nx = toks[k + 1] if k + 1 < hi else None
            if p < lo or not _subject_before(toks, p, lo):
                v = None
            elif nx is not None and not nx.q and nx.low in verbs and verbs[nx.low][2] in ("past", "3sg", "base") and not _is_cap(nx.t) \
                    and _ambiguous().get(nx.low) != "never" and tok.low.endswith("s") and verbs[nx.low][1] in ("speech", "belief", "evidence"):
                v = None  # "Local reports said", "Media reports suggest": the noun is the subject of the next cue
        if v and (not _is_cap(tok.t) or k == lo or headline or toks[k - 1].low in ('"', "“", ":")):
            out.append(_Cue(k, k + 1, v[0], v[1], v[2]))
        elif tok.low == ":" and k > lo:
            out.append(_Cue(k, k + 1, ":", "colon", "colon"))
        k += 1
    return out


_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_BE = frozenset("is are was were be been being 's ’s".split())
_DAYPARTS = frozenset("morning afternoon evening night".split())


def _skip_mods_left(toks: list[_Tok], i: int, lo: int) -> int:
    mods = _set("cue_modifiers.txt")
    while i > lo and not toks[i - 1].q:
        if toks[i - 1].low in mods or (toks[i - 1].low.endswith("ly") and len(toks[i - 1].low) > 4 and not _is_cap(toks[i - 1].t)):
            i -= 1
        elif toks[i - 1].low in _DAYS or (i - 2 >= lo and toks[i - 1].low in _DAYPARTS and toks[i - 2].low in _DAYS):
            # "Putin on Wednesday said", "Peskov Tuesday said", "Sanders on Wednesday morning said"
            if toks[i - 1].low in _DAYPARTS:
                i -= 1
            i -= 2 if i - 2 >= lo and toks[i - 2].low in ("on", "late", "early", "last") else 1
        else:
            break
    return i


#: what may separate a quotation from the cue after it
_QUOTE_GAP = re.compile(r"[\s,.!?—–-]*")


def _quote_before(quotes: list[Span], pos: int, text: str) -> Span | None:
    """The quote that ends right before ``pos`` (only commas/spaces between)."""
    for s, e in reversed(quotes):
        if e <= pos:
            if _QUOTE_GAP.fullmatch(text, e, pos):
                return s, e
            return None
    return None


def _strip_quote(text: str, span: Span) -> Span | None:
    s, e = span
    while s < e and text[s] in "\"“”‘’'„«» `":
        s += 1
    while e > s and text[e - 1] in "\"“”‘’'„«» ,.`":
        e -= 1
    return (s, e) if e > s else None


def _trim(text: str, s: int, e: int) -> Span | None:
    while s < e and (text[s].isspace() or text[s] in ",:;—–-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:—–-"):
        e -= 1
    return (s, e) if e > s else None


def attributions(text: str) -> list[Attribution]:
    """All attributions in ``text``, in text order.

    >>> [a.speaker for a in attributions('"We will win," Jane Roe said.')]
    ['Jane Roe']
    """
    if not text or not text.strip():
        return []
    qspans = _raw_quote_spans(text)
    inq = bytearray(len(text) + 1)
    for s, e in qspans:
        inq[s:e] = b"\x01" * (e - s)
    canon = _Canon(text)
    markers = _marker_spans(text)
    out: list[Attribution] = []
    for ss, se in _sentences(text, inq):
        toks = _tokens(text, ss, se, inq)
        if not toks:
            continue
        smark = [m for m in markers if m[0] < se and ss < m[1]] if markers else None
        found = _sentence_attributions(text, toks, qspans, canon, smark)
        if found and text[ss:se].rstrip(" \n\"”’')").endswith("?") and not _transcript_question(text, ss):
            # "What do you think?", "Do you believe ...?": a question to the reader reports nobody's view
            found = [a for a in found if (a.speaker or "").lower() not in ("you", "you all", "you guys")]
        out.extend(found)
    return out


_QA_LABEL = re.compile(r"\s*(?:Q|Question|[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)\s*:")


def _transcript_question(text: str, pos: int) -> bool:
    """Is the sentence at ``pos`` in an interview turn ("Q: Do you think ...")? There "you" is the interviewee."""
    para = text.rfind("\n", 0, pos) + 1
    return bool(_QA_LABEL.match(text, para, pos + 40)) and text.find(":", para, pos + 40) >= 0


def _make_speaker(text: str, toks: list[_Tok], a: int, b: int, canon: _Canon, lo: int, cue_lemma: str = "") -> _Speaker | None:
    if b <= a:
        return None
    s, e = toks[a].s, toks[b - 1].e
    stext = text[s:e]
    low = stext.lower()
    if b - a == 1 and low in _pronouns():
        ptype = _pronouns()[low]
        if ptype == "rel":
            # "officials who said": the speaker is the noun phrase before the pronoun
            k = a
            if k > lo and toks[k - 1].low == ",":
                k -= 1
            ante = _left_np(toks, k, lo)
            if ante:
                sp = _make_speaker(text, toks, ante[0], ante[1], canon, lo)
                if sp:
                    return _Speaker(stext, (s, e), sp.type, sp.canonical, sp.official, referent=sp.canonical or sp.text)
            return _Speaker(stext, (s, e), "pronoun", None, False)
        ref = canon.resolve(low, s)
        if ref is not None:
            return _Speaker(stext, (s, e), "pronoun", ref.canonical, ref.official, referent=ref.canonical)
        return _Speaker(stext, (s, e), "pronoun", None, False)
    stype, official = _classify(stext)
    if stype != "pronoun":
        stype, official = _refine_name(stext, stype, official, canon, cue_lemma)
    canonical: str | None
    if stype == "named_person":
        name = _canonical_name(stext)
        if " " not in name:
            # "Lind said" after "Ana Lind" was mentioned without speaking
            name = canon.full_name(name) or name
            official = official or name.split()[-1] in canon.officials
        canonical, official = canon.person(name, official)
    elif stype == "named_org":
        canonical = _ARTICLE.sub("", _POSS_S.sub("", stext))
    else:
        canonical = _ARTICLE.sub("", stext).lower()
    return _Speaker(stext, (s, e), stype, canonical, official)


#: Cues by which outlets rather than companies or governments speak ("Reuters reported").
_OUTLET_CUES = frozenset("report write publish reveal learn obtain break".split())


def _refine_name(stext: str, stype: str, official: bool, canon: _Canon, cue_lemma: str) -> tuple[str, bool]:
    """Re-type a speaker that is a bare name: person, organisation or a government by metonymy.

    Rules (in order; "X" is the name without "the" or a possessive):
    1. X is a place or seat of government standing for its government ("Moscow",
       "the Kremlin", "Downing Street") -> named_org, official; unless X is
       attested as a person's surname in the text ("Mr. Washington").
    2. X is one capitalised word with no title in the phrase ("Apple", "Lind"):
       a person if the text shows it as a surname (after a first name from
       ``given_names.txt`` or a title: "Ana Lind", "Ms. Lind", or after any other
       capitalised word that is not a place or function word) or if X itself is
       a known given name ("Hillary"); otherwise an organisation. News introduces
       people by full name before using the surname alone, so a lone unknown
       word is far more often a company, outlet or agency. Such an organisation
       is official (a company or body speaking as itself) unless the cue is how
       outlets speak ("reported", "wrote", "has learned").
    3. An acronym ("NATO", "the FBI") not listed as an outlet in ``org_heads.txt``
       is an official body on the same cue condition.
    """
    words = [m.group() for m in _TOKEN.finditer(stext)]
    if not words:
        return stype, official
    core = words[1:] if words[0].lower() == "the" else words
    if core:
        core = core[:-1] + [_POSS_S.sub("", core[-1])]
    key = " ".join(core).lower()
    strict, loose, _ = canon.index()
    single = len(core) == 1 and _is_cap(core[0]) and core[0].lower() not in _pronouns()
    surname = single and (core[0] in strict or any(p.split()[-1] == core[0] for p, _ in canon.persons))
    if key in _metonyms() and _is_cap(core[0] if core else "") and not surname:
        return "named_org", True
    if stype == "named_org" and single and core[0].isupper() and len(core[0]) > 1 and core[0].lower() not in _set("org_heads.txt"):
        # "NATO", "the FBI": an acronym speaking as itself is mostly an agency or alliance (outlets are in org_heads)
        return stype, official or cue_lemma not in _OUTLET_CUES
    if stype != "named_person" or not single or len(words) != len(core) + (words[0].lower() == "the"):
        return stype, official
    if words[0].lower() == "the":
        return "named_org", cue_lemma not in _OUTLET_CUES
    if surname or core[0] in loose or core[0].lower() in _given_names():
        return "named_person", official
    return "named_org", cue_lemma not in _OUTLET_CUES


_APPO_ADVERBS = frozenset("meanwhile however though too also instead moreover likewise nonetheless nevertheless then".split())


def _appositive_left(toks: list[_Tok], j: int, lo: int) -> tuple[int, int] | None:
    """For "X, <appositive>, said": token range of "X, <appositive>" ending before j (toks[j-1] is ',').

    Up to three comma-separated appositives are skipped ("Jane Roe, 27, a nurse in Lyon, said"),
    as are sentence adverbs ("Roe, meanwhile, said").
    """
    end = j - 1
    k = end
    for _ in range(3):
        k -= 1
        while k > lo and end - k < 16 and toks[k].low != "," and not toks[k].q and toks[k].low not in ".;:":
            k -= 1
        if k <= lo or toks[k].low != "," or toks[k].q:
            return None
        appo = toks[k + 1:end]
        if not appo:
            return None
        first = appo[0]
        np0 = _left_np(toks, k, lo)
        named = np0 is not None and _is_cap(toks[np0[0]].t) and toks[np0[0]].low not in _DETS and (
            toks[np0[1] - 1].t[:1].isupper() or toks[np0[1] - 1].low in _source_nouns())
        if not named and not (first.low in _DETS or first.low in ("who", "whose", "which") or first.t[:1].isdigit() or _is_cap(first.t)
                or first.low in _set("titles.txt") or first.low in _set("anonymous_sources.txt") or first.low in _APPO_ADVERBS
                or first.low.endswith("ly")):
            return None
        np1 = _left_np(toks, k, lo)
        if np1 is not None and (any(_is_cap(t.t) for t in toks[np1[0]:np1[1]])
                                or any(t.low in _set("anonymous_sources.txt") for t in toks[np1[0]:np1[1]])):
            return np1[0], j - 1
        if np1 is None or np1[0] <= lo or toks[np1[0] - 1].low != ",":
            return None
        # the phrase before was itself an appositive ("27" in "Jane Roe, 27, a nurse, said")
        end = k
    return None


#: Verbs whose bare infinitive after a non-cue still reports speech ("went to Ohio to tell voters").
_TO_CUES = frozenset(("say", "tell", "discuss", "explain", "argue", "insist"))
#: Words after "spoke" that start an event description rather than a topic (measured on PolNeAR train).
_SPEAK_NO_CONTENT = frozenset(("to", "with", "for", ",", ".", "at", "in", "since", "after", "before", "during", "hours", "minutes"))
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten".split())
_POSTMOD = frozenset("familiar close briefed knowledgeable acquainted loyal opposed allied linked connected".split())


def _with_postmodifier_left(toks: list[_Tok], rng: tuple[int, int], lo: int) -> tuple[int, int]:
    """Extend "the matter" to "a person familiar with the matter", "people close to the governor"."""
    i = rng[0]
    if i - 2 >= lo and toks[i - 1].low in ("with", "to", "on", "about") and toks[i - 2].low in _POSTMOD:
        head = _left_np(toks, i - 2, lo)
        if head is not None:
            return head[0], rng[1]
        return i - 2, rng[1]
    return rng


def _with_relative_left(toks: list[_Tok], rng: tuple[int, int], lo: int) -> tuple[int, int]:
    """Extend "anonymity" in "A source who requested anonymity said" to the whole phrase with its relative clause."""
    k = rng[0] - 1
    while k > lo and rng[0] - k < 8 and not toks[k].q and toks[k].low not in _PUNCT_STOP and toks[k].low not in ("who", "that"):
        k -= 1
    if k <= lo or toks[k].low != "who":
        return rng
    ante = _left_np(toks, k, lo)
    if ante is None or not (_is_cap(toks[ante[1] - 1].t) or toks[ante[1] - 1].low in _source_nouns()):
        return rng
    return ante[0], rng[1]


def _with_appositive(toks: list[_Tok], rng: tuple[int, int], hi: int) -> tuple[int, int]:
    """Extend "said Jane Roe" over a following appositive (", a senator from Ohio") up to the next comma or the end."""
    k = rng[1]
    if k + 1 >= hi or toks[k].low != ",":
        return rng
    first = toks[k + 1]
    if not (first.low in _DETS or first.low in _set("titles.txt") or first.low in _set("anonymous_sources.txt")):
        return rng
    e = k + 1
    while e < hi and e - k < 16 and not toks[e].q and toks[e].low not in (",", ".", ";", "!", "?", ":"):
        e += 1
    return (rng[0], e) if e > k + 1 else rng


def _sentence_attributions(text: str, toks: list[_Tok], qspans: list[Span], canon: _Canon,
                           markers: list[Span] | None = None) -> list[Attribution]:
    lo, hi = 0, len(toks)
    cues = _find_cues(toks, lo, hi)
    markers = markers or []
    if markers:
        # "who did not want to be named", "spoke on condition of anonymity": descriptions of a source, never cues
        cues = [c for c in cues if not any(ms <= toks[c.i].s < me for ms, me in markers)]
    results: list[Attribution] = []
    last_speaker: _Speaker | None = None
    taken_until = -1
    sent_start, sent_end = toks[0].s, toks[-1].e
    for ci, cue in enumerate(cues):
        if cue.i < taken_until:
            continue
        i, j = cue.i, cue.j
        speaker_rng: tuple[int, int] | None = None
        inverted = False
        kind = cue.kind
        content: Span | None = None
        cue_start = _skip_mods_left(toks, i, lo)
        while cue_start < i and any(ms <= toks[cue_start].s < me for ms, me in markers):
            cue_start += 1  # "who was not authorised to speak publicly said": "publicly" belongs to the marker
        # "declined to comment", "went on to say": fold an infinitive into the cue before it
        if cue.lemma == ":":
            # headline or transcript style "X: ..." — X a short name-like phrase at the sentence start
            left = toks[lo:i]
            if j < hi and toks[j].q and len(left) > 5 and not results and not any(t.q for t in left) and _is_cap(left[0].t):
                # "She then addressed the supporters again: “...”": the clause's subject speaks
                sp0 = _first_subject(text, toks, lo, i, canon)
                if sp0 is not None:
                    canon.history.append(sp0)
                    last_speaker = sp0
                    results.append(_build(text, cue, toks[i].s, toks[i].e, sp0, _content_after(text, toks, j, hi, qspans, sent_end), qspans, ""))
                    taken_until = j
                continue
            if not (1 <= len(left) <= 5) or j >= hi or any(t.q for t in left):
                continue
            if not _is_cap(left[0].t) or any(t.low in _np_ok() and not _is_cap(t.t) for t in left) or any(t.low in ",;" for t in left):
                continue
            if left[-1].t.isdigit() and toks[j].t[:1].isdigit():
                continue
            if left[0].low in _set("colon_non_speakers.txt"):
                continue
            if len(left) > 1 and all(t.t.isupper() for t in left) and any(t.low in _KICKER_GLUE for t in left):
                continue  # an all-capitals kicker ("NIGHT OF TERROR: ..."), not a name
            headline = text[:toks[lo].s].strip() == ""
            # "Q:"/"A:" transcript labels were rarely annotated as cues: only a quote or a headline follows
            para_start = toks[lo].s == 0 or text[toks[lo].s - 1] == "\n"
            if not (toks[j].q or headline or (para_start and len(left) <= 3 and all(_is_cap(t.t) for t in left)
                                               and left[0].low not in _np_ok() and all(len(t.t) > 1 and t.t.isalpha() for t in left)
                                               and left[0].low not in ("contributing", "contributors", "answer", "question") and j < hi and _is_cap(toks[j].t))):
                continue
            speaker_rng = (lo, i)
            content = _content_after(text, toks, j, hi, qspans, sent_end)
            cue_start = i
        elif cue.cls == "nominal":
            p = i - 1
            while toks[p].low not in _POSSESSIVE and not toks[p].low.endswith(("'s", "’s")):
                p -= 1
            if toks[p].low in _POSSESSIVE:
                speaker_rng = (p, p + 1)
            else:
                np_ = _left_np(toks, p + 1, lo)
                speaker_rng = np_ if np_ else (p, p + 1)
            cue_start = i
            content = _content_after(text, toks, _content_start(text, toks, j, hi, cue), hi, qspans, sent_end)
        elif cue.cls == "unsourced":
            content = _trim(text, sent_start, sent_end)
        elif cue.cls == "according":
            speaker_rng = _right_np(toks, j, hi, max_len=14)
            kind = "according_to"
            if speaker_rng:
                after = speaker_rng[1]
                if cue_start - lo <= 1 and after < hi and toks[after].low == ",":
                    content = _trim(text, toks[after].s + 1, sent_end)
                else:
                    content = (_trim(text, sent_start, toks[cue_start].s) if cue_start > lo
                               else _trim(text, toks[after].s, sent_end) if after < hi else None)
        else:
            tag, cls = cue.tag, cue.cls
            tok_s = toks[i].s
            nxt = toks[j].low if j < hi else ""
            nxt2 = toks[j + 1].low if j + 1 < hi else ""
            # idioms that are not reports: "easier said than done", "added to her lead"
            if nxt == "than" or (cue.lemma == "add" and nxt == "to" and nxt2 not in _pronouns()):
                continue
            if cue.lemma == "speak" and nxt in _SPEAK_NO_CONTENT and not any(
                    t.low in ("about", "of", "on", "out", "that") or t.q for t in toks[j:min(hi, j + 6)]):
                # "Trump spoke for an hour", "spoke with voters": an event, no reported content
                continue
            if cue.lemma not in ("say", "tell", "add", "write", "note", "state") and _anonymity_request(toks, j, hi):
                # "who asked not to be named", "requested anonymity": how a source is described, not a report
                continue
            progressive = tag == "ing" and i - 1 >= lo and toks[i - 1].low in ("is", "are", "was", "were", "been", "be", "am", "'re", "’re", "'s", "’s")
            passive = tag in ("past", "part") and i - 1 >= lo and (toks[i - 1].low in _BE or (
                cue_start < i - 1 and any(t.low in _BE for t in toks[cue_start:i]) and toks[i - 1].low.endswith("ly")))
            prev = toks[cue_start - 1] if cue_start > lo else None
            # noun uses ("the report", "his call for") and bare infinitives ("to say") are not cues
            follows_cue = prev is not None and prev.low == "to" and bool(results) and results[-1].cue_span[1] >= prev.s - 1
            if prev is not None and prev.low in ("by", "while", "before", "after") and tag == "ing" and cls == "speech":
                pass  # "by saying that ...": handled with the participles below
            elif (prev is not None and prev.low == "to" and not follows_cue and tag == "base" and cue.lemma in _TO_CUES
                  and j < hi and not toks[j].low in (".", ",", "?") and _first_subject_ok(toks, lo, cue_start)):
                # "Lind used the hearing to say that ...": the clause's subject speaks (a cue in most such
                # uses on PolNeAR train, unlike infinitives of other verbs)
                sp0 = _subject_phrase(text, toks, lo, cue_start - 1, canon)
                if sp0 is None:
                    continue
                content = _content_after(text, toks, _content_start(text, toks, j, hi, cue), hi, qspans, sent_end)
                canon.history.append(sp0)
                last_speaker = sp0
                results.append(_build(text, cue, toks[cue_start].s, toks[j - 1].e, sp0, content, qspans, kind))
                taken_until = j
                continue
            elif prev is not None and prev.low in _NOUN_LEFT and not follows_cue and not (prev.low in ("as", "by") and tag in ("past", "part")):
                # infinitives without a cue before them ("likely to say") were measured as a wash on PolNeAR train
                continue
            if follows_cue:
                # "declined to comment": merge with the previous attribution's cue
                last = results.pop()
                cs = last.cue_span[0]
                ce = toks[j - 1].e
                results.append(_replace_cue(last, text, (cs, ce)))
                taken_until = j
                continue
            if prev is not None and prev.low in ("and", "but") and tag in ("past", "3sg", "base") and not passive and (
                    (results and last_speaker is not None) or _first_subject_ok(toks, lo, cue_start)):
                if not (results and last_speaker is not None):
                    last_speaker = _first_subject(text, toks, lo, cue_start, canon)
                    if last_speaker is None:
                        continue
                # "Smith praised the plan and criticized the timing": same speaker
                cstart = _content_start(text, toks, j, hi, cue)
                content = _content_after(text, toks, cstart, hi, qspans, sent_end)
                results.append(_build(text, cue, toks[cue_start].s, toks[j - 1].e, last_speaker, content, qspans, kind))
                taken_until = j
                continue
            if prev is not None and (prev.low in (",", "—", "–") or (prev.q and text[prev.e - 2:prev.e - 1] == ",")
                                     or (cls in ("speech", "stance") and prev.low in ("by", "while", "before", "after", "and", "also", "without"))) and tag == "ing":
                # ", adding that ...": the speaker of the main clause carries over
                carried = last_speaker if last_speaker is not None else _first_subject(text, toks, lo, cue_start, canon)
                cstart = _content_start(text, toks, j, hi, cue)
                content = _content_after(text, toks, cstart, hi, qspans, sent_end)
                a = _build(text, cue, toks[cue_start].s, toks[j - 1].e, carried, content, qspans, kind)
                results.append(a)
                continue
            after_quote = prev is not None and (prev.q or (prev.low == "," and cue_start - 2 >= lo and toks[cue_start - 2].q))
            if after_quote and j < hi:
                # "…," said X  /  "…" said X
                rn = _right_np(toks, j, hi)
                if rn and (_is_cap(toks[rn[0]].t) or toks[rn[0]].low in _DETS or toks[rn[0]].low in _pronouns()
                           or rn[1] >= hi or toks[rn[1]].low in (".", ",", ";")):
                    speaker_rng, inverted = _with_appositive(toks, rn, hi), True
            if speaker_rng is None and prev is not None and not after_quote:
                if prev.low == ",":
                    rn = _right_np(toks, j, hi) if j < hi else None
                    if rn and (rn[1] >= hi or toks[rn[1]].low in (".", "!", "?")) and (
                            _is_cap(toks[rn[0]].t) or toks[rn[0]].low in _DETS or toks[rn[0]].low in _set("quantifiers.txt")
                            or toks[rn[0]].low in _NUMBER_WORDS or toks[rn[0]].low.endswith("s")):
                        # "Too little, too late, say locals.": the speaker follows a sentence-final cue
                        speaker_rng, inverted = rn, True
                    else:
                        speaker_rng = _appositive_left(toks, cue_start, lo)
                    if speaker_rng is None and j < hi:
                        # "..., say some Democrats, who ...": inverted after a clause
                        rn = _right_np(toks, j, hi)
                        if rn and (rn[1] >= hi or toks[rn[1]].low in (".", ",", ";")) and (
                                _is_cap(toks[rn[0]].t) or toks[rn[0]].low in _DETS or toks[rn[0]].low in _set("quantifiers.txt")):
                            speaker_rng, inverted = rn, True
                elif prev.low == ")":
                    # "Sen. Jane Roe (D-Ore.) said": skip the party label
                    k = cue_start - 1
                    while k > lo and toks[k].low != "(" and cue_start - k < 8:
                        k -= 1
                    if toks[k].low == "(":
                        inner = _left_np(toks, k, lo)
                        speaker_rng = (inner[0], cue_start) if inner else None
                elif prev.low in _pronouns():
                    speaker_rng = (cue_start - 1, cue_start)
                else:
                    speaker_rng = _left_np(toks, cue_start, lo)
                    if speaker_rng is not None:
                        speaker_rng = _with_relative_left(toks, speaker_rng, lo)
                        speaker_rng = _with_postmodifier_left(toks, speaker_rng, lo)
                        a0 = speaker_rng[0]
                        if (a0 - 2 >= lo and toks[a0 - 1].low == "in" and toks[speaker_rng[1] - 1].t.isdigit()
                                and (toks[a0 - 2].t.isdigit() or toks[a0 - 2].low in _NUMBER_WORDS)):
                            # "Six in 10 say", "about 4 in 10 say": poll shares as sources
                            a0 -= 2
                            if a0 - 1 >= lo and toks[a0 - 1].low in ("about", "nearly", "almost", "roughly", "only", "just", "over"):
                                a0 -= 1
                            speaker_rng = (a0, speaker_rng[1])
            if speaker_rng is None and j < hi and cue_start == lo and tag in ("past", "3sg", "base"):
                rn = _right_np(toks, j, hi)
                if rn and _is_cap(toks[rn[0]].t):
                    speaker_rng, inverted = rn, True
            if (speaker_rng is None and prev is not None and prev.low == "," and tag in ("past", "part")
                    and j < hi and toks[j].low in ("as", "by")):
                # reduced passive ", described as ... by Ankara": only with its agent
                k = j
                while k < hi and k - j < 10 and toks[k].low != "by" and toks[k].low not in ".;":
                    k += 1
                rn = _right_np(toks, k + 1, hi) if k < hi and toks[k].low == "by" else None
                if rn is None:
                    continue
                speaker_rng, inverted = rn, True
            if speaker_rng is not None and not inverted and not (prev is not None and prev.low == ","):
                last = toks[speaker_rng[1] - 1]
                before_last = toks[speaker_rng[1] - 2].low if speaker_rng[1] - 2 >= speaker_rng[0] else ""
                in_ten = last.t.isdigit() and speaker_rng[1] - 3 >= speaker_rng[0] and toks[speaker_rng[1] - 2].low == "in"
                if (last.t.isdigit() and not in_ten) or (not _is_cap(last.t) and before_last not in ("those", "people", "voters", "respondents", "ones")
                                        and (last.low.endswith(("ed", "ing")) or last.low in _NOT_HEADS)):
                    # "the network that was hacked suggested": no subject noun before the cue
                    speaker_rng = None
            if (cue.lemma == "expect" and tag in ("past", "part") and not any(t.low == "by" for t in toks[j:min(hi, j + 10)])
                    and (passive or (prev is not None and prev.low in ("than", "as") and nxt in (".", ",", ";")))):
                # "X is (widely) expected to win", "a ruling is expected in May", "better than expected":
                # attributions without a source in PolNeAR
                speaker_rng, inverted = None, False
                cstart = j + 1
                content = _content_after(text, toks, cstart, hi, qspans, sent_end)
                results.append(_build(text, cue, toks[cue_start].s, toks[j - 1].e, None, content, qspans, kind))
                taken_until = j
                continue
            if speaker_rng is None and cls != "speech" and not (cls in ("stance", "belief", "evidence") and tag in ("past", "3sg") and toks[i].low not in ("shows", "found")):
                continue
            if cls in ("belief", "evidence", "stance") and any(
                    r.content_span and r.content_span[0] <= tok_s < r.content_span[1] and not re.search(r"[,;—–]", text[r.cue_span[1]:tok_s])
                    for r in results):
                # "aides said he intended to ...": a belief inside reported content is part of that content
                continue
            if speaker_rng is not None and cls in ("belief", "evidence"):
                # "X is expected to win" is an unsourced attribution in PolNeAR, unless another cue sources it
                passive_ok = cue.lemma == "expect" and j < hi and toks[j].low == "to" and len(cues) == 1
                if (tag == "ing" and not progressive) or (tag in ("past", "part") and passive and not passive_ok):
                    continue
                if cls == "belief" and j < hi and toks[j].low in (".", ",", ";", ")", "!"):
                    continue
            if (speaker_rng is not None and cls == "stance" and tag == "ing" and not progressive
                    and not (_is_cap(toks[speaker_rng[1] - 1].t) and toks[speaker_rng[1] - 1].low not in _DETS)):
                # "Trump calling it a great meeting" counts; "an op-ed urging" does not
                continue
            if speaker_rng is None and (tag == "base" or (tag == "ing" and not progressive and cls != "speech")):
                continue
            # passive "was announced by X"
            if speaker_rng is not None and not inverted and passive:
                k = j
                while k < hi and k - j < 10 and toks[k].low != "by" and toks[k].low not in ".;":
                    k += 1
                if k < hi and toks[k].low == "by":
                    rn = _right_np(toks, k + 1, hi)
                    if rn:
                        speaker_rng, inverted = rn, True
                elif cls not in ("speech", "stance") and not (cue.lemma == "expect" and j < hi and toks[j].low == "to" and len(cues) == 1):
                    continue  # "is considered": no source and rarely a report
                else:
                    speaker_rng = None  # "Clinton was asked": the subject is not the source
            cstart = _content_start(text, toks, j, hi, cue)
            if inverted:
                qb = _quote_before(qspans, toks[cue_start].s, text)
                if qb:
                    content = _strip_quote(text, qb)
                else:
                    content = _trim(text, sent_start, toks[cue_start].s)
            else:
                qb = _quote_before(qspans, toks[speaker_rng[0]].s, text) if speaker_rng else None
                if qb and (cstart >= hi or toks[cstart].low in (".", "!", "?") or (j < hi and toks[j].low in (",", ".", "!", "?"))):
                    content = _strip_quote(text, qb)
                elif speaker_rng and speaker_rng[0] > lo and toks[speaker_rng[0] - 1].low == "," and (cstart >= hi or toks[cstart].low in (".", "!", "?", ",")):
                    content = _trim(text, sent_start, toks[speaker_rng[0] - 1].s)
                else:
                    content = _content_after(text, toks, cstart, hi, qspans, sent_end)
        cs, ce = toks[cue_start].s, toks[j - 1].e
        if cue.lemma != ":" and cue.cls not in ("according", "unsourced"):
            if cue.lemma == "tell":
                m = _audience().match(text, ce)
                if m:
                    ce = m.end()
            m = _cue_ext().match(text, ce)
            if m and (not inverted or speaker_rng is None or m.end() <= toks[speaker_rng[0]].s):
                ce = m.end()
        if speaker_rng is not None and cue.lemma in _EVIDENTIAL:
            first, last_tok = toks[speaker_rng[0]], toks[speaker_rng[1] - 1]
            if speaker_rng[1] - speaker_rng[0] == 1 and first.low in ("it", "this", "that", "there"):
                # "It appears that ...": an expletive subject is no source
                speaker_rng = None
        evidence_only = (speaker_rng is not None and cue.lemma in _EVIDENTIAL
                         and not _source_like(text[toks[speaker_rng[0]].s:toks[speaker_rng[1] - 1].e]))
        sp = _make_speaker(text, toks, speaker_rng[0], speaker_rng[1], canon, lo, cue.lemma) if speaker_rng else None
        if sp is not None and markers:
            sp = _anonymised(text, sp, markers, ce)
        if content is not None and markers:
            for ms, me in markers:
                if ms <= content[0] + 1 < me + 1 and me < content[1]:
                    # "said on condition of anonymity that ...": the content starts after the marker
                    content = _trim(text, me, content[1])
                    if content and text[content[0]:content[0] + 5].lower() == "that ":
                        content = _trim(text, content[0] + 5, content[1])
                    break
        if sp is not None and evidence_only:
            # "the closeness of the result suggests ...": PolNeAR marks the phrase as source, but it is
            # evidence the writer interprets, not a person, group, organisation, document or poll
            sp = _Speaker(sp.text, sp.span, "none", None, False)
        if sp is not None:
            canon.history.append(sp)
            last_speaker = sp
        a = _build(text, cue, cs, ce, sp, content, qspans, kind)
        results.append(a)
        taken_until = j
    return results


def _anonymised(text: str, sp: _Speaker, markers: list[Span], cue_end: int) -> _Speaker:
    """Make ``sp`` anonymous when an anonymity marker is attached to it.

    Attached: inside the speaker phrase ("One MP, who did not want to be named"),
    right before it ("Speaking on condition of anonymity, one official said"),
    right after it or after its cue ("said an aide, who requested anonymity",
    "the official said on condition of anonymity"). A speaker the writer names
    anyway ("Mayor Ana Lind, who asked not to be named") stays named; a pronoun
    stays a pronoun.
    """
    if sp.type in ("pronoun", "none"):
        return sp
    s, e = sp.span
    for ms, me in markers:
        inside = s < ms and me <= e
        attached = inside or (me <= s and not text[me:s].strip(" ,\n")) or (e <= ms and not text[e:ms].strip(" ,\n")) or (
            cue_end <= ms and not text[cue_end:ms].strip(" ,"))
        if not attached:
            continue
        core = text[s:ms].rstrip(" ,") if inside else sp.text
        words = [m.group() for m in _TOKEN.finditer(core)]
        stype, official = _classify(core)
        runs = _name_runs(words[1:] if words and words[0].lower() in _DETS else words)
        if stype == "named_person" and runs and (any(len(r) >= 2 for r in runs) or _head(words) == runs[-1][-1].lower()):
            return sp
        canonical = _ARTICLE.sub("", core).lower()
        return _Speaker(sp.text, sp.span, "anonymous", canonical, official or sp.official)
    return sp


def _replace_cue(a: Attribution, text: str, span: Span) -> Attribution:
    d = a.to_dict()
    d["cue_span"] = span
    d["cue"] = text[span[0]:span[1]]
    return Attribution(**d)


def _first_subject_ok(toks: list[_Tok], lo: int, hi: int) -> bool:
    """Does the sentence open with a capitalised subject and no earlier clause break ("Smith rose and argued ...")?"""
    return hi - lo >= 2 and _is_cap(toks[lo].t) and not toks[lo].q and toks[lo].low not in _DETS and not any(
        t.low in (",", ";", ":", "—") for t in toks[lo:hi]) and toks[lo].low not in _np_ok()


def _first_subject(text: str, toks: list[_Tok], lo: int, hi: int, canon: _Canon) -> _Speaker | None:
    k = lo
    while k < hi and (toks[k].q or toks[k].low in _PUNCT_STOP):
        k += 1
    rn = _right_np(toks, k, hi, max_len=8)
    if rn is None:
        return None
    return _make_speaker(text, toks, rn[0], rn[1], canon, lo)


def _subject_phrase(text: str, toks: list[_Tok], lo: int, hi: int, canon: _Canon) -> _Speaker | None:
    """The subject at the start of a clause whose verb is no cue ("Ana Lind" in "Ana Lind flew to Lyon to say").

    A capitalised name runs while words are capitalised (or "of"); a phrase with a
    determiner ("The mayor used ...") stops before the first -ed word or after three words.
    """
    k = lo
    if toks[k].low in _DETS:
        k += 1
        while k < hi and k - lo < 4 and not toks[k].low.endswith("ed") and _np_token(toks[k]):
            k += 1
    else:
        while k < hi and (_is_cap(toks[k].t) or toks[k].low in ("of", "'s", "’s")) and _np_token(toks[k], allow_caps_verb=True):
            k += 1
    if k <= lo:
        return None
    return _make_speaker(text, toks, lo, k, canon, lo)


def _content_start(text: str, toks: list[_Tok], j: int, hi: int, cue: _Cue) -> int:
    k = j
    if cue.lemma in ("tell", "ask", "inform", "remind", "assure", "warn", "urge", "advise") and k < hi and not toks[k].q:
        # skip the addressee: "told reporters that", "told The Valley Courier the ..."
        that = next((x for x in range(k, min(hi, k + 7)) if toks[x].low in ("that", ":", ",")), None)
        if that is not None and not any(t.q for t in toks[k:that]):
            k = that
        elif toks[k].low in ("him", "her", "them", "me", "us", "you", "reporters", "journalists", "supporters", "lawmakers"):
            k += 1
        else:
            x = k + 1 if toks[k].low in _DETS else k
            run = x
            while run < hi and _is_cap(toks[run].t) and not toks[run].q:
                run += 1
            k = min(hi, run if run > x else (x + 1 if x > k else k))
    # skip setting phrases and the complementiser
    m = _cue_ext().match(text, toks[k - 1].e) if 0 < k <= hi else None
    if m:
        while k < hi and toks[k].s < m.end():
            k += 1
    while k < hi and toks[k].low in ("that", ":", ",", "on", "of", "about", "—", "–"):
        k += 1
    return k


def _content_after(text: str, toks: list[_Tok], k: int, hi: int, qspans: list[Span], sent_end: int) -> Span | None:
    if k >= hi:
        return None
    s = toks[k].s
    for qs, qe in qspans:
        if qs <= s < qe and qs >= s - 1:
            # the content is a quotation: take the whole quote (it may run over sentences)
            rest = text[qe:sent_end].strip(" .,”\"’")
            if not rest:
                return _strip_quote(text, (qs, qe))
            break
    return _trim(text, s, sent_end)


def _build(text: str, cue: _Cue, cs: int, ce: int, sp: _Speaker | None, content: Span | None, qspans: list[Span], kind: str) -> Attribution:
    if not kind:
        kind = "indirect"
        if content:
            if any(q[0] <= content[0] and content[1] <= q[1] for q in qspans):
                kind = "direct"
            # scare quotes around a word or two ("enemy") do not make a statement quoted
            inside = [] if kind == "direct" else [q for q in qspans if q[0] < content[1] and content[0] < q[1] and len(text[q[0]:q[1]].split()) >= 4]
            if inside:
                covered = sum(min(e, content[1]) - max(s, content[0]) for s, e in inside)
                kind = "direct" if covered >= 0.9 * (content[1] - content[0]) or all(s <= content[0] and content[1] <= e + 1 for s, e in inside) else "mixed"
            # "adding that “…”" with the quote right after "that"
            if kind == "mixed" and inside and inside[0][0] <= content[0] + 1 and inside[-1][1] >= content[1] - 1:
                kind = "direct"
    if sp is None:
        speaker = speaker_span = canonical = referent = None
        stype, official = "none", False
    else:
        # a carried-over speaker (", adding that ...") points at its earlier mention
        speaker_span = sp.span
        speaker = sp.text
        stype, official, canonical, referent = sp.type, sp.official, sp.canonical, sp.referent
    return Attribution(
        speaker=speaker,
        speaker_span=speaker_span,
        cue=text[cs:ce],
        cue_span=(cs, ce),
        content=text[content[0]:content[1]] if content else None,
        content_span=content,
        kind=kind,
        speaker_type=stype,
        referent=referent,
        is_official=official,
        canonical=canonical,
        anonymous=stype in ("anonymous", "vague_group"),
    )


def iter_speakers(items: Iterable[Attribution]) -> Iterator[str]:
    """Canonical speaker names of ``items`` (falling back to the speaker text), skipping unsourced ones."""
    for a in items:
        if a.speaker_type == "none":
            continue  # no source, or evidence rather than a source
        name = a.canonical or a.speaker
        if name:
            yield name
