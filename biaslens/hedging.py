"""Hedges, boosters and approximators, and whose voice they are in.

A *hedge* marks a claim as uncertain ("could", "reportedly", "is expected
to", "it is believed", "some say"); a *booster* marks it as certain
("certainly", "there is no doubt"); an *approximator* makes a quantity or
time vague ("around 1200 GMT") without questioning the claim, so it is
counted apart. For media analysis the voice matters: a cue inside a
quotation belongs to the quoted source, one in the narrative to the outlet.

Method: cue lexicons (``biaslens/lexicons/hedging/``, one file per group,
after Hyland 1998 "Hedging in Scientific Research Articles", Hyland 2005
"Metadiscourse", Prince, Frader & Bosk 1982, and the Wikipedia weasel-word
guideline as used by Ganter & Strube 2009) matched with precompiled regular
expressions, then context rules that reject non-epistemic readings (ability
"could not be reached", the month "May", the noun "might", "appeared in
court", "suggested a meeting", "potential buyers", "as soon as possible").
Overlapping candidates are resolved longest-first, so "no doubt" is a
booster, "not certain" a hedge and "could not be verified" one
uncertainty cue rather than a modal.

Recall rules added on linguistic grounds (checked on held-out halves of the
proxy sets, see benchmarks/eval_hedging.py): a vague quantifier generalising
over a plural group is a weasel hedge ("some studies", "many scholars");
hypothetical "would" with no stated condition is a hedge, unlike reported
futures, if-conditionals, "would like" and refusals (Quirk et al. 1985);
"hope" the verb; generalisation adverbs ("generally", "widely", "to some
extent"; Hyland 1998).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any, Callable, Sequence

# the regex parser (private, stable since Python 3.11), to read the literal
# prefixes of the cue patterns
from re import _constants as _sre_c, _parser as _sre_p  # type: ignore[attr-defined]

from biaslens.model import Record
from biaslens.attribution import quote_spans as _find_quote_spans
from biaslens.lexicons import load_lines
from biaslens.text import normalize_apostrophes, split_sentences

__all__ = ["Cue", "GROUPS", "KINDS", "hedges"]

KINDS: tuple[str, ...] = ("hedge", "booster", "approximator")

#: lexicon file -> (kind, group), in priority order for equally long matches.
_FILES: tuple[tuple[str, str, str], ...] = (
    ("negated_boosters.txt", "hedge", "negated_booster"),
    ("uncertainty_reporting.txt", "hedge", "uncertainty_reporting"),
    ("weasels.txt", "hedge", "weasel"),
    ("forecasts.txt", "hedge", "forecast"),
    ("epistemic_modals.txt", "hedge", "epistemic_modal"),
    ("epistemic_verbs.txt", "hedge", "epistemic_verb"),
    ("epistemic_adjectives.txt", "hedge", "epistemic_adjective"),
    ("epistemic_adverbs.txt", "hedge", "epistemic_adverb"),
    ("boosters.txt", "booster", "booster"),
    ("approximators.txt", "approximator", "approximator"),
    ("generality_adverbs.txt", "hedge", "generalisation"),
    ("vague_quantifiers.txt", "approximator", "vague_quantifier"),
)

#: every group a cue can have, with its kind ("weasel" also covers vague
#: quantifiers that generalise over a group, upgraded from vague_quantifier).
GROUPS: dict[str, str] = {group: kind for _, kind, group in _FILES}


@dataclass(frozen=True, slots=True)
class Cue(Record):
    """One hedge, booster or approximator found in a text.

    ``span`` is (start, end) into the analysed text, ``text == text[start:end]``;
    ``in_quote`` says the cue lies inside quoted material (the source's voice);
    ``sentence`` is the index of its sentence (``None`` when not computed).
    """

    text: str
    span: tuple[int, int]
    kind: str
    group: str
    in_quote: bool = False
    sentence: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span)
        return d


# --------------------------------------------------------------------------
# pattern compilation

_BE = r"(?:\s+(?:is|are|was|were|be|been|being|am)|'s|'re|'m)"
_NOT = r"(?:not|never|cannot|\w*n't)"
_WORDCHAR = r"[\w']"


_BE_START = r"(?:is|are|was|were|be|been|being|am)"


def _fragment(entry: str, macros: dict[str, str]) -> str:
    if entry.startswith("{BE}"):  # no leading space where the entry starts
        entry = "{BE_START}" + entry[4:]
    out = entry.replace(" ", r"\s+").replace("{BE_START}", _BE_START)
    for name, value in macros.items():
        out = out.replace("{" + name + "}", value)
    return out


def _alternation(lines: Sequence[str]) -> str:
    return "|".join(sorted(lines, key=len, reverse=True))


@lru_cache(maxsize=1)
def _macros() -> dict[str, str]:
    people = _alternation([_fragment(e, {}) for e in load_lines("hedging", "weasel_people.txt")])
    say = _alternation([_fragment(e, {}) for e in load_lines("hedging", "weasel_verbs.txt")])
    return {"BE": _BE, "NOT": _NOT, "PEOPLE": f"(?:{people})", "SAY": f"(?:{say})"}


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    macros = _macros()
    out = []
    for name, kind, group in _FILES:
        frags = [_fragment(e, macros) for e in load_lines("hedging", name)]
        # file order is priority order: the regex engine takes the first
        # alternative that matches at a position, so files list longer phrases
        # first ("expected to" before "expected")
        body = "|".join(f"(?:{f})" for f in frags)
        out.append((re.compile(rf"(?<!{_WORDCHAR})(?:{body})(?![\w'-])", re.IGNORECASE), kind, group))
    return tuple(out)


# --------------------------------------------------------------------------
# candidate positions
#
# Scanning the whole text with each of the twelve patterns tries every
# alternative at every word start, which was most of the detector's time.
# Every pattern starts with ``(?<![\w'])``, so a match can only start where a
# run of ``[\w']`` characters starts, and its first characters are nearly
# always literal. From the parsed patterns we read the possible beginnings of
# a match: literal prefixes (up to _PREFIX_LEN characters, a whitespace run
# read as one space) and, for a branch opening with ``\w*`` ({NOT} =
# ``\w*n't``), the literal that must follow the word characters. One regex
# finds the run starts where any beginning fits; there each pattern whose
# beginnings fit is tried with ``match``, in text order and skipping positions
# inside its previous match -- the positions ``finditer`` would report, so the
# output is unchanged. A pattern whose beginning cannot be read is scanned in
# full with ``finditer``.

_PREFIX_LEN = 8
_PREFIX_CAP = 3000  # stop extending prefixes beyond this many (a shorter prefix is still a valid gate)
_WORD_OR_APOS = re.compile(r"[\w']")
_KEY_WINDOW = 40  # characters read to build a key (whitespace runs collapse)


@dataclass(frozen=True, slots=True)
class _Gate:
    """Possible beginnings of a pattern's matches (lower-case, whitespace run = " ")."""

    prefixes: frozenset[str]
    infixes: frozenset[str]  # a match may also be word characters, then one of these


def _gate(pattern: str, flags: int) -> _Gate | None:
    """The beginnings of every match of ``pattern`` (``None``: cannot be read).

    Zero-width assertions are skipped and an element that is not a literal or
    a whitespace run ends a prefix, so a gate is only ever too permissive.
    """
    c = _sre_c
    try:
        items = list(_sre_p.parse(pattern, flags))
    except Exception:  # noqa: BLE001 -- private parser API: fall back to full scans
        return None
    space = {(c.IN, ((c.CATEGORY, c.CATEGORY_SPACE),)), (c.IN, ((c.CATEGORY, c.CATEGORY_UNI_SPACE),))}
    word = {(c.IN, ((c.CATEGORY, c.CATEGORY_WORD),)), (c.IN, ((c.CATEGORY, c.CATEGORY_UNI_WORD),))}
    infixes: set[str] = set()
    unreadable = False

    def single(sub: Any) -> tuple[Any, Any] | None:
        data = list(sub)
        if len(data) != 1:
            return None
        op, av = data[0]
        return (op, tuple(av) if isinstance(av, list) else av)

    def walk(seq: list[Any], open_: set[str], closed: set[str]) -> set[str]:
        nonlocal unreadable
        for k, (op, av) in enumerate(seq):
            if not open_:
                break
            if op is c.LITERAL:
                ch = chr(av)
                if not ch.isascii():
                    closed.update(open_)
                    return set()
                open_ = {s + ch.lower() for s in open_}
            elif op in (c.ASSERT, c.ASSERT_NOT, c.AT):
                continue  # zero width: ignoring it only admits more positions
            elif op is c.SUBPATTERN and not av[1] and not av[2]:
                open_ = walk(list(av[3]), open_, closed)
            elif op is c.BRANCH:
                nxt: set[str] = set()
                for alt in av[1]:
                    nxt |= walk(list(alt), set(open_), closed)
                open_ = nxt
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1 and single(av[2]) in space:
                open_ = {s if s.endswith(" ") else s + " " for s in open_}  # "\s+\s+" is still one run
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
                open_ = walk(list(av[2]), set(open_), closed) | open_  # optional part: with or without
            elif (op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] == 0 and single(av[2]) in word and open_ == {""}):
                # "\w*" opening a match: gate on the literal that follows it
                after: set[str] = set()
                rest = walk(seq[k + 1 :], {""}, after)
                rest |= after
                if "" in rest or not rest:
                    unreadable = True
                infixes.update(rest)
                return set()
            else:  # other repeats, classes, categories: the prefix ends here
                closed.update(open_)
                return set()
            full = {s for s in open_ if len(s) >= _PREFIX_LEN}
            closed |= {s[:_PREFIX_LEN] for s in full}
            open_ -= full
            if len(open_) > _PREFIX_CAP:
                closed.update(open_)
                return set()
        return open_

    closed: set[str] = set()
    closed |= walk(items, {""}, closed)
    if unreadable or "" in closed or any(not _WORD_OR_APOS.match(s[0]) for s in closed):
        return None
    if any(not s.isascii() or not s.strip() for s in infixes):
        return None
    if not closed and not infixes:
        return None
    return _Gate(frozenset(closed), frozenset(infixes))


def _alternation_tree(strings: set[str]) -> str:
    """A case-insensitive regex matching what begins with one of ``strings``
    (a space = a whitespace run), factored as a trie.

    Letters are written as ``[aA]`` classes, which the regex engine checks
    before entering a branch (it does not for case-insensitive literals); a
    non-ASCII character is always let through, because Unicode case folding
    ("ſ" matches "s") is left to the patterns themselves.
    """
    if "" in strings:
        return ""
    groups: dict[str, set[str]] = {}
    for s in strings:
        groups.setdefault(s[0], set()).add(s[1:])
    alts = []
    for first in sorted(groups):
        if first == " ":
            head = r"\s+"
        elif first.lower() != first.upper():
            head = f"[{first.lower()}{first.upper()}]"
        else:
            head = re.escape(first)
        rest = _alternation_tree(groups[first])
        alts.append(head + (f"(?:{rest})" if rest else ""))
    alts.append(r"[^\x00-\x7f]")
    return "|".join(alts)


@lru_cache(maxsize=1)
def _scan_plan() -> tuple[
    re.Pattern[str] | None,
    dict[str, tuple[tuple[int, tuple[str, ...]], ...]],
    tuple[tuple[int, re.Pattern[str]], ...],
    frozenset[int],
]:
    """(run-start finder, first character -> (pattern, prefixes), (pattern, infix gate), patterns to scan in full)."""
    by_first: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    infix_gates: list[tuple[int, re.Pattern[str]]] = []
    all_prefixes: set[str] = set()
    all_infixes: set[str] = set()
    full: set[int] = set()
    for i, (pattern, _, _) in enumerate(_patterns()):
        gate = _gate(pattern.pattern, pattern.flags)
        if gate is None:
            full.add(i)
            continue
        for first in sorted({s[0] for s in gate.prefixes}):
            by_first.setdefault(first, []).append((i, tuple(sorted(s for s in gate.prefixes if s[0] == first))))
        if gate.infixes:
            infix_gates.append((i, re.compile(rf"\w*(?:{_alternation_tree(set(gate.infixes))})")))
        all_prefixes |= gate.prefixes
        all_infixes |= gate.infixes
    if not all_prefixes and not all_infixes:
        return None, {}, (), frozenset(full)
    alts = []
    if all_prefixes:
        alts.append(_alternation_tree(all_prefixes))
    if all_infixes:
        alts.append(rf"\w*(?:{_alternation_tree(all_infixes)})")
    # zero width, so every run start is seen even when beginnings overlap
    finder = re.compile(rf"(?<![\w'])(?=(?:{'|'.join(alts)}))")
    return finder, {k: tuple(v) for k, v in by_first.items()}, tuple(infix_gates), frozenset(full)


_WHITESPACE = re.compile(r"\s+")


def _candidate_starts(t: str) -> list[list[int]] | None:
    """Per pattern, the positions where it may match, in text order (``None``: scan all in full)."""
    finder, by_first, infix_gates, full = _scan_plan()
    if finder is None:
        return None
    n = len(_patterns())
    out: list[list[int]] = [[] for _ in range(n)]
    everything = [i for i in range(n) if i not in full]
    for m in finder.finditer(t):
        p = m.start()
        raw = t[p : p + _KEY_WINDOW]
        key = _WHITESPACE.sub(" ", raw)[:_PREFIX_LEN]
        if not key.isascii() or (len(key) < _PREFIX_LEN and len(raw) == _KEY_WINDOW):
            # Unicode case folding ("ſ" matches "s") or a key cut short: let the patterns decide
            for i in everything:
                out[i].append(p)
            continue
        key = key.lower()
        for i, prefixes in by_first.get(key[0], ()):
            if key.startswith(prefixes):
                out[i].append(p)
        for i, gate in infix_gates:
            if gate.match(t, p) and (not out[i] or out[i][-1] != p):
                out[i].append(p)
    return out


@lru_cache(maxsize=None)
def _word_set(name: str) -> frozenset[str]:
    words: set[str] = set()
    for e in load_lines("hedging", name):
        words.update(w.lower() for w in e.split("|"))
    return frozenset(words)


# --------------------------------------------------------------------------
# context helpers (work on the apostrophe-normalised text; offsets unchanged)

_TOKEN = re.compile(r"[\w'$£€¥.-]+|[^\w\s]")


def _next_tokens(t: str, pos: int, n: int = 3) -> list[str]:
    out: list[str] = []
    for m in _TOKEN.finditer(t, pos, min(len(t), pos + 120)):
        tok = m.group()
        out.append(tok.rstrip(".") or tok if len(tok) > 1 else tok)
        if len(out) >= n:
            break
    return out


def _prev_tokens(t: str, pos: int, n: int = 3) -> list[str]:
    """Up to ``n`` tokens before ``pos``, nearest last."""
    toks = _TOKEN.findall(t, max(0, pos - 80), pos)
    return toks[-n:]


def _at_sentence_start(t: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and t[i] in " \t\"'“‘(«":
        i -= 1
    return i < 0 or t[i] in ".!?\n:;"


_NUM = re.compile(
    r"\s*(?:[$£€¥]\s?\d|\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|"
    r"billions|dozen|dozens|half|a\s+third|a\s+quarter|noon|midnight|midday|dawn|dusk|daybreak|sunrise|sunset)(?![\w'])"
    r"|the\s+(?:same\s+)?time\b|mid-\w)",
    re.IGNORECASE,
)
_A_UNIT = re.compile(
    r"\s*an?\s+(?:dozen|hundred|thousand|million|billion|third|quarter|half|fifth|tenth|week|month|year|decade|day|"
    r"hour|minute|mile|kilometre|kilometer|metre|meter|percent|fortnight|century|quarter)s?\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\s*(?:1[5-9]\d\d|20\d\d)(?![\d,.%])")
_NUM_BEFORE = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|dozen|day|days|week|weeks|month|"
    r"months|year|years|hour|hours|minute|minutes|decade|decades|mile|miles|times)|%)\W*$",
    re.IGNORECASE,
)

_ADVERBS = frozenset(
    "also still even well easily potentially soon eventually only yet now then further possibly ultimately "
    "theoretically quickly really just already one day".split()
)
_ABILITY_NEXT = frozenset("afford see hear feel smell barely hardly scarcely only no not never n't".split())
_PRONOUNS = frozenset("i you we he she they it".split())
_CLAUSE_END = frozenset(list(".,;:!?)\"'”’—–-") + "and but or if when as because so".split())
_MONTH_BEFORE = frozenset(
    "in on since until till by last next early late mid of through from to between before after during this that "
    "each every since".split()
)
_MIGHT_NOUN_BEFORE = frozenset(
    "his her its their our my your the military economic full all naval nuclear financial industrial air sheer "
    "great russian american chinese western soviet western army's".split()
)
_PREPOSITIONS = frozenset(
    "in on at before with alongside for during from inside outside via live together here there onstage onscreen "
    "into outside behind beside near among under over after by as".split()
)
_DETERMINERS = frozenset("the a an his her their its this that these those my our your him them me us".split())
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|may|might|could|would|will|can|did|does|wo|isn't|wasn't|'s|'re|\w+ed)\b",
    re.IGNORECASE,
)
_MUST_HAVE_NEXT = re.compile(r"\s+(?:been|\w+ed|\w+en|known|seen|done|made|felt|thought|had)\b", re.IGNORECASE)


def _reject_could(t: str, s: int, e: int) -> bool:
    nxt = [w.lower() for w in _next_tokens(t, e, 4)]
    while nxt and nxt[0] in _ADVERBS - {"only"}:
        nxt.pop(0)
    if not nxt or nxt[0] in _CLAUSE_END:
        return True  # ellipsis: "did all he could", "as fast as they could"
    if nxt[0] in _ABILITY_NEXT or nxt[0].startswith("n't"):
        return True
    if t[s:e].lower().endswith("n't"):
        return True
    if nxt[0] in _PRONOUNS and _at_sentence_start(t, s):
        return True  # polite request / question: "Could you ..."
    prev = [w.lower() for w in _prev_tokens(t, s, 3)]
    if prev[-2:] == ["so", "that"] or (len(prev) >= 2 and prev[-2] == "so" and prev[-1] in _PRONOUNS):
        return True  # purpose: "so that they could vote"
    return False


def _reject_may(t: str, s: int, e: int) -> bool:
    word = t[s:e]
    nxt = _next_tokens(t, e, 2)
    if not nxt or nxt[0] in _CLAUSE_END or nxt[0].lower() == "and":
        return True  # "come what may", "May and June"
    if nxt[0].lower() in {"i", "we"} and _at_sentence_start(t, s):
        return True  # polite: "May I thank ..."
    if word[0] == "M" and word != "MAY":
        if nxt[0][:1].isdigit():
            return True  # "May 5"
        prev = _prev_tokens(t, s, 1)
        if prev and (prev[0][:1].isdigit() or prev[0].lower() in _MONTH_BEFORE):
            return True
        if not _at_sentence_start(t, s):
            return True  # month or surname ("Theresa May") mid-sentence
        if nxt[0][:1].isupper() and nxt[0].lower() not in _PRONOUNS:
            return True  # "May Day", headline month
    return False


def _reject_might(t: str, s: int, e: int) -> bool:
    prev = _prev_tokens(t, s, 1)
    if prev and prev[0].lower() in _MIGHT_NOUN_BEFORE:
        return True
    nxt = _next_tokens(t, e, 1)
    return not nxt or nxt[0] in _CLAUSE_END or nxt[0].lower() in {"of", "and", "is", "was"}


def _reject_appear(t: str, s: int, e: int) -> bool:
    prev = [w.lower() for w in _prev_tokens(t, s, 1)]
    if prev and prev[0] in {"it", "there", "would", "may", "might", "could"}:
        return False
    nxt = _next_tokens(t, e, 3)
    while nxt and nxt[0].lower().endswith("ly") and nxt[0].lower() not in {"likely", "unlikely"}:
        nxt.pop(0)
    if not nxt:
        return True
    w = nxt[0]
    lw = w.lower()
    if lw == "to":
        after = nxt[1].lower() if len(nxt) > 1 else ""
        return not after or after in _DETERMINERS or after[:1].isdigit() or not nxt[1][:1].islower()
    if lw in {"that", "as"}:
        return False
    if lw in _PREPOSITIONS or not w[:1].islower() or w[:1].isdigit():
        return True  # show up: "appeared in court", "appeared on television"
    return False  # "appeared calm": seem


_SHOULD = re.compile(r"\bshould\b", re.IGNORECASE)


def _reject_suggest(t: str, s: int, e: int) -> bool:
    word = t[s:e].lower()
    prev = [w.lower() for w in _prev_tokens(t, s, 4)]
    if any(p in _word_set("suggest_evidence_subjects.txt") for p in prev[-3:]):
        return False  # "the data suggest", "this suggests": imply
    if word == "suggesting" and prev and prev[-1] == ",":
        return False  # "..., suggesting the economy is slowing"
    nxt = _next_tokens(t, e, 1)
    if nxt and nxt[0].lower() == "that":
        clause = t[e : e + 90].split(".")[0]
        if _SHOULD.search(clause):
            return True  # mandative: "suggested that they should meet" = propose
        return not _FINITE.search(clause[6:])
    return True  # "suggested a compromise", "suggested meeting": propose


def _reject_indicate(t: str, s: int, e: int) -> bool:
    prev = [w.lower() for w in _prev_tokens(t, s, 4)]
    # evidential only with an evidence subject; "he indicated that" is reporting
    return not any(p in _word_set("suggest_evidence_subjects.txt") for p in prev[-3:])


def _reject_most(t: str, s: int, e: int) -> bool:
    prev = [w.lower() for w in _prev_tokens(t, s, 1)]
    nxt = [w.lower() for w in _next_tokens(t, e, 1)]
    if prev and prev[0] in {"the", "at", "its", "his", "her", "their", "our", "my", "your"}:
        return True  # superlative: "the most important", "at most"
    if not nxt:
        return True
    return not (nxt[0] == "of" or (nxt[0].endswith("s") and not nxt[0].endswith("ous") and not nxt[0].endswith("ss")))


def _reject_certain_quant(t: str, s: int, e: int) -> bool:
    nxt = [w.lower() for w in _next_tokens(t, e, 1)]
    return not (nxt and nxt[0].endswith("s") and not nxt[0].endswith("ss") and nxt[0] not in {"is", "was", "has"})


def _reject_potential(t: str, s: int, e: int) -> bool:
    nxt = _next_tokens(t, e, 1)
    if not nxt or not nxt[0][:1].isalpha():
        return True  # noun: "its full potential."
    w = nxt[0].lower()
    return w in _word_set("potential_category_nouns.txt") or w in {
        "for", "to", "of", "and", "or", "is", "was", "in", "that", "as", "are", "has", "will"}


_POSSIBLE_IDIOM_BEFORE = frozenset("as if where whenever wherever every all made make makes making not extent".split())


_MAKE_FIND = frozenset("made make makes making find finds found finding".split())


def _reject_possible(t: str, s: int, e: int) -> bool:
    prev = [w.lower() for w in _prev_tokens(t, s, 3)]
    if prev and (prev[-1] in _POSSIBLE_IDIOM_BEFORE or prev[-1].endswith("est") or prev[-1] in {"only", "it"} and
                 len(prev) > 1 and prev[-2] in _MAKE_FIND):
        return True  # "as soon as possible", "best possible", "made it possible", "found it possible"
    return False


def _reject_apparent(t: str, s: int, e: int) -> bool:
    prev = [w.lower() for w in _prev_tokens(t, s, 1)]
    # predicative "it became apparent" means evident, not seeming
    return bool(prev) and prev[0] in {"is", "was", "are", "were", "became", "become", "becomes", "becoming", "be",
                                     "been", "it", "readily", "already", "immediately", "increasingly", "'s"}


def _reject_believe(t: str, s: int, e: int) -> bool:
    nxt = [w.lower() for w in _next_tokens(t, e, 2)]
    prev = [w.lower() for w in _prev_tokens(t, s, 2)]
    if nxt and nxt[0] in {"in", "me", "us", "you"} and (len(nxt) < 2 or nxt[1] != "to"):
        return True  # "believe in", "believe me"
    if nxt[:2] == ["it", "or"]:
        return True  # "believe it or not"
    if prev and (prev[-1] in {"to", "can't", "cannot", "couldn't", "not", "never"} or prev[-1].endswith("n't")):
        return True  # "hard to believe", "can't believe" (surprise, not doubt)
    return False


def _reject_think(t: str, s: int, e: int) -> bool:
    nxt = [w.lower() for w in _next_tokens(t, e, 1)]
    return bool(nxt) and nxt[0] in {"about", "of", "tank", "twice", "back", "again", "through", "so", "ahead", "big"}


def _reject_doubt(t: str, s: int, e: int) -> bool:
    prev = [w.lower() for w in _prev_tokens(t, s, 2)]
    return bool(prev) and (prev[-1] in {"no", "not", "never", "without", "beyond", "little"} or prev[-1].endswith("n't"))


def _reject_suspect(t: str, s: int, e: int) -> bool:
    if t[s:e].lower() == "suspected":
        return False  # "suspected militants", "police suspected"
    nxt = [w.lower() for w in _next_tokens(t, e, 1)]
    prev = [w.lower() for w in _prev_tokens(t, s, 1)]
    # the noun "the suspect" is the most common news use
    return not ((nxt and nxt[0] in {"that", "the", "a", "he", "she", "they", "it", "foul"}) or
                (prev and prev[0] in _PRONOUNS | {"police", "officials", "investigators", "authorities"}))


def _reject_assume(t: str, s: int, e: int) -> bool:
    nxt = [w.lower() for w in _next_tokens(t, e, 2)]
    # "assumed office/power/control" is taking on, not supposing
    return not nxt or nxt[0] not in {"that", "the", "he", "she", "they", "it", "this", "we", "to", "there"} or (
        nxt[0] == "the" and len(nxt) > 1 and nxt[1] in {"presidency", "role", "office", "post", "leadership", "throne"})


def _reject_expect(t: str, s: int, e: int) -> bool:
    prev = [w.lower() for w in _prev_tokens(t, s, 1)]
    return bool(prev) and prev[0] in {"than", "as", "un"}  # "higher than expected" compares


def _reject_supposed(t: str, s: int, e: int) -> bool:
    nxt = [w.lower() for w in _next_tokens(t, e, 1)]
    return bool(nxt) and nxt[0] == "to"  # "is supposed to" is obligation/plan


def _reject_certain(t: str, s: int, e: int) -> bool:
    nxt = [w.lower() for w in _next_tokens(t, e, 1)]
    prev = [w.lower() for w in _prev_tokens(t, s, 1)]
    if prev and prev[0] == "for":
        return False
    # only predicative "certain" is a booster: "is certain to", "certain that"
    return not (not nxt or nxt[0] in {"that", "to", "of", "about", "whether", ".", ",", ";", "!", "?", "”", "\""})


def _reject_sure(t: str, s: int, e: int) -> bool:
    prev = [w.lower() for w in _prev_tokens(t, s, 2)]
    if not prev:
        return True
    if prev[-1] in {"make", "makes", "made", "making", "be", "to"}:
        return True  # "make sure", "be sure to check"
    return prev[-1] not in {"is", "am", "are", "was", "were", "been", "'m", "'re", "'s", "for", "feel", "felt",
                            "seemed", "seems", "very", "quite", "pretty", "so", "absolutely", "fairly"}


def _reject_clearly(t: str, s: int, e: int) -> bool:
    prev = [w.lower() for w in _prev_tokens(t, s, 1)]
    nxt = [w.lower() for w in _next_tokens(t, e, 1)]
    manner_prev = {"speak", "spoke", "spoken", "see", "saw", "seen", "hear", "heard", "think", "write", "written",
                   "explain", "explained", "more", "very", "most", "less"}
    manner_next = {"visible", "marked", "labelled", "labeled", "defined", "audible", "legible", "written",
                   "displayed", "identified", "identifiable", "heard", "seen", "printed", "signposted"}
    return bool(prev and prev[0] in manner_prev) or bool(nxt and nxt[0] in manner_next)


def _reject_must_have(t: str, s: int, e: int) -> bool:
    return not _MUST_HAVE_NEXT.match(t, e)  # epistemic "must have been", not "must have a plan"


def _reject_claim(t: str, s: int, e: int) -> bool:
    prev = [w.lower() for w in _prev_tokens(t, s, 1)]
    return bool(prev) and prev[0] in {"the", "a", "this", "his", "her", "their", "its"} and t[s:e].lower().endswith(" to")


_WOULD_VOLITION = frozenset("like love prefer rather sooner hate care".split())
_REFUSAL = frozenset("comment say confirm elaborate disclose discuss reveal respond specify answer give".split())
_SENTENCE_STOP = re.compile(r"[.!?\n]")
_CONDITION = re.compile(r"\b(?:if|unless|otherwise|provided|whether|even if|in case)\b", re.IGNORECASE)


def _reject_would(t: str, s: int, e: int) -> bool:
    """Keep "would" only as a tentative claim with no stated condition.

    Rejected: volition and polite forms ("would like"), refusals ("would not
    comment"), the future-in-the-past of reported speech or thought ("said he
    would resign") and plain conditionals with an if/unless clause in the
    same sentence (Quirk et al. 1985, 4.58 and 14.23).
    """
    nxt = [w.lower() for w in _next_tokens(t, e, 4)]
    while nxt and nxt[0] in _ADVERBS:
        nxt.pop(0)  # "would also like"
    if not nxt or nxt[0] in _CLAUSE_END - {","}:
        return True  # ellipsis: "as any passenger would."
    if nxt[0] == ",":
        nxt = [w.lower() for w in _next_tokens(t, t.find(",", e) + 1, 3)]
        if not nxt or nxt[0] in _CLAUSE_END or nxt[0] in {"and", "but", "or", "too"}:
            return True  # "as they would, and" ellipsis; "would, in our view, change" goes on
    if nxt[0] in _WOULD_VOLITION:
        return True
    if nxt[0] in {"not", "never"} and len(nxt) > 1 and nxt[1] in _REFUSAL:
        return True
    if t[s:e].lower() == "would" and nxt[0] in _PRONOUNS:
        return True  # question: "Would you ..."
    # the sentence (up to the cue, and a little after) bounds the context
    start = max(t.rfind(".", 0, s), t.rfind("\n", 0, s), t.rfind("?", 0, s), t.rfind("!", 0, s)) + 1
    end_m = _SENTENCE_STOP.search(t, e)
    end = end_m.start() if end_m else len(t)
    if _CONDITION.search(t, start, end):
        return True
    before = [w.lower() for w in _TOKEN.findall(t, max(start, s - 90), s)][-8:]
    reporting = _word_set("future_in_past_verbs.txt")
    return any(w in reporting for w in before)


def _reject_hope(t: str, s: int, e: int) -> bool:
    prev = [w.lower() for w in _prev_tokens(t, s, 1)]
    nxt = [w.lower() for w in _next_tokens(t, e, 1)]
    if prev and (prev[0] in _DETERMINERS or prev[0] in {"no", "new", "false", "last", "of", "and", "with", "in"}):
        return True  # the noun: "the hope", "hopes of peace"
    if not nxt or nxt[0] in _CLAUSE_END or nxt[0] == "of":
        return True
    return t[s].isupper() and not _at_sentence_start(t, s)  # a name: "Bob Hope"


#: words that end in -s without being plural nouns.
_NOT_PLURAL = frozenset(
    "is was has does his its this thus us as yes less unless across always perhaps whereas besides news "
    "series species means".split()
)
_IRREGULAR_PLURAL = frozenset(
    "people men women children police media data clergy cattle folk feet teeth mice geese criteria phenomena "
    "species series others them these those".split()
)
_QUANT_FUNCTION = frozenset(
    "the a an of to in on at by for with from and or but that which who is are was were be been have has had "
    "will would can could may might should than as more other such".split()
)


#: quantifiers of variety ("various forms"), of specific but unnamed
#: reference ("certain countries") and rounded counts ("dozens of flights"):
#: they blur a number or an identity, not the extent of a claim (Channell 1994).
_NOT_GENERALISING = frozenset({"various", "certain", "dozens of", "hundreds of", "thousands of", "scores of"})


def _generalising_quantifier(t: str, s: int, e: int) -> bool:
    """A vague quantifier over a plural group ("some studies", "many scholars",
    "most of the critics"): an unsupported generalisation, a weasel hedge.

    Not: before a number ("some 300"), over a time span or measure ("several
    years", "many times"), or counting people hit by an event ("several
    people were killed"). After Channell (1994, ch. 5) and the CoNLL-2010
    Wikipedia weasel annotation (Farkas et al. 2010).
    """
    toks = [w.lower() for w in _next_tokens(t, e, 6)]
    if not toks or " ".join(t[s:e].lower().split()) in _NOT_GENERALISING:
        return False
    i = 0
    if toks[0] == "of":
        if len(toks) < 2 or toks[1] not in {"the", "these", "those", "them", "their", "its", "his", "her", "our",
                                            "us", "you", "whom", "which"}:
            return False
        if toks[1] in {"them", "us", "you", "whom", "which"}:
            head, i = toks[1], 1
        else:
            i = 2
            head = ""
    else:
        head = ""
    excluded = _word_set("quantified_nouns_excluded.txt")
    if not head:
        # up to three modifiers, then a plural head noun
        for j in range(i, min(len(toks), i + 4)):
            w = toks[j]
            if w in _IRREGULAR_PLURAL or (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is"))
                                          and w not in _NOT_PLURAL and w.isalpha()):
                head, i = w, j
                break
            if w in _QUANT_FUNCTION or not w.replace("-", "").isalpha():
                return False
        else:
            return False
    if head in excluded:
        return False
    after = [w.lower().rstrip(".") or w for w in _TOKEN.findall(t, e, min(len(t), e + 120))][i + 1 : i + 4]
    events = _word_set("count_event_verbs.txt")
    return not (after and after[0] in {"were", "was", "had", "have", "are"} and any(w in events for w in after[1:3])
                or after and after[0] in events)


def _approx_ok(t: str, s: int, e: int, word: str) -> bool:
    if word == "or so":
        return bool(_NUM_BEFORE.search(t, max(0, s - 30), s))
    if word == "about" and _YEAR.match(t, e):
        return False  # "about 2020" is a topic, not a rounded year
    return bool(_NUM.match(t, e) or _A_UNIT.match(t, e))


_RULES: dict[str, Callable[[str, int, int], bool]] = {
    "could": _reject_could,
    "may": _reject_may,
    "might": _reject_might,
    "appear": _reject_appear,
    "appears": _reject_appear,
    "appeared": _reject_appear,
    "appearing": _reject_appear,
    "suggest": _reject_suggest,
    "suggests": _reject_suggest,
    "suggested": _reject_suggest,
    "suggesting": _reject_suggest,
    "potential": _reject_potential,
    "possible": _reject_possible,
    "apparent": _reject_apparent,
    "believe": _reject_believe,
    "believes": _reject_believe,
    "believed": _reject_believe,
    "think": _reject_think,
    "thinks": _reject_think,
    "doubt": _reject_doubt,
    "doubts": _reject_doubt,
    "doubted": _reject_doubt,
    "doubting": _reject_doubt,
    "suspect": _reject_suspect,
    "suspects": _reject_suspect,
    "suspected": _reject_suspect,
    "assume": _reject_assume,
    "assumes": _reject_assume,
    "assumed": _reject_assume,
    "assuming": _reject_assume,
    "presumed": _reject_assume,
    "expect": _reject_expect,
    "expects": _reject_expect,
    "expected": _reject_expect,
    "expecting": _reject_expect,
    "supposed": _reject_supposed,
    "certain": _reject_certain,
    "sure": _reject_sure,
    "clearly": _reject_clearly,
    "must have": _reject_must_have,
    "claims to": _reject_claim,
    "claim to": _reject_claim,
    "indicate": _reject_indicate,
    "indicates": _reject_indicate,
    "indicated": _reject_indicate,
    "would": _reject_would,
    "hope": _reject_hope,
    "hopes": _reject_hope,
    "hoped": _reject_hope,
    "hoping": _reject_hope,
}

_VAGUE_RULES: dict[str, Callable[[str, int, int], bool]] = {
    "most": _reject_most,
    "certain": _reject_certain_quant,
}


# --------------------------------------------------------------------------
# quotes and sentences


def _merge(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _inside(spans: Sequence[tuple[int, int]], starts: Sequence[int], pos: int) -> bool:
    i = bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


_HAS_APOS = re.compile("[’‘ʼ`]")
_SPACES = re.compile(r"\s+")


def _matches_at(pattern: re.Pattern[str], t: str, starts: Sequence[int]) -> list[re.Match[str]]:
    """What ``pattern.finditer(t)`` yields, given every position a match can start at."""
    out: list[re.Match[str]] = []
    end = 0
    match = pattern.match
    for p in starts:
        if p < end:
            continue  # inside the previous match: finditer resumes after it
        m = match(t, p)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


# --------------------------------------------------------------------------
# public API


def hedges(
    text: str,
    *,
    quote_spans: Sequence[tuple[int, int]] | None = None,
    sentences: Sequence[tuple[int, int]] | None = None,
) -> list[Cue]:
    """Hedge, booster and approximator cues of ``text``, in text order.

    ``quote_spans`` marks quoted material (``None``: computed with
    :func:`biaslens.attribution.quote_spans`); ``sentences`` are sentence spans
    (``None``: :func:`biaslens.text.split_sentences`). Offsets index ``text``.
    """
    if not text or not isinstance(text, str):
        return []
    t = normalize_apostrophes(text) if _HAS_APOS.search(text) else text
    starts = _candidate_starts(t)
    full = _scan_plan()[3]
    candidates: list[tuple[int, int, int, str, str]] = []
    for prio, (pattern, kind, group) in enumerate(_patterns()):
        matches = pattern.finditer(t) if starts is None or prio in full else _matches_at(pattern, t, starts[prio])
        for m in matches:
            s, e = m.span()
            while s < e and t[s].isspace():
                s += 1
            if s >= e:
                continue
            key = _SPACES.sub(" ", t[s:e].lower())
            if group == "approximator":
                if not _approx_ok(t, s, e, key):
                    continue
            elif group == "vague_quantifier":
                vrule = _VAGUE_RULES.get(key)
                if vrule is not None and vrule(t, s, e):
                    continue
                if _generalising_quantifier(t, s, e):
                    candidates.append((s, e, prio, "hedge", "weasel"))
                    continue
            else:
                rule = _RULES.get(key)
                if rule is not None and rule(t, s, e):
                    continue
            candidates.append((s, e, prio, kind, group))
    if not candidates:
        return []
    # longest match wins; among equals, the earlier lexicon file
    candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken: list[tuple[int, int, int, str, str]] = []
    for c in candidates:
        if all(c[1] <= o[0] or c[0] >= o[1] for o in taken):
            taken.append(c)
    taken.sort()
    qs = _merge(_find_quote_spans(text) if quote_spans is None else quote_spans)
    q_starts = [s for s, _ in qs]
    sents = list(split_sentences(text) if sentences is None else sentences)
    s_starts = [s for s, _ in sents]
    out = []
    for s, e, _, kind, group in taken:
        si = bisect_right(s_starts, s) - 1
        out.append(
            Cue(
                text=text[s:e],
                span=(s, e),
                kind=kind,
                group=group,
                in_quote=_inside(qs, q_starts, s),
                sentence=si if si >= 0 and s < sents[si][1] else None,
            )
        )
    return out
