"""Sentence tone with VADER, calibrated for news.

Raw scores: VADER (Hutto & Gilbert 2014, "VADER: A Parsimonious Rule-based
Model for Sentiment Analysis of Social Media Text", ICWSM), one analyzer per
process, always on single sentences (VADER is built for sentences and its
cost grows quadratically with text length).

``tone`` is a news-calibrated score in -1..1 computed from the same VADER
word valences in one pass, with three explicit rules:

1. **Event words** (``lexicons/sentiment/event_words.txt``: "killed",
   "attack", "crisis", "war", ...) describe what happened rather than the
   writer's stance; their valence is multiplied by :data:`EVENT_WEIGHT`.
2. **Reported speech**: words inside quotation marks are the quoted
   speaker's, not the outlet's; their valence is multiplied by
   :data:`QUOTE_WEIGHT`.
3. **Neutral band**: ``label`` is 0 when ``|tone| <`` :data:`NEUTRAL_BAND`
   (VADER's own convention is 0.05, too eager for news, where most
   sentences are neutral reporting).

VADER's normalisation (``x / sqrt(x^2 + 15)``) then maps the summed
valences to -1..1, so ``tone`` stays in range. Constants were set on the
NewsMTSC dev files and the VADER NYT editorials (see
``benchmarks/eval_sentiment.py``).
"""
from __future__ import annotations

import re
import statistics
from functools import lru_cache
from typing import Any, Iterable, Sequence

from biaslens.lexicons import load_set

__all__ = [
    "EVENT_WEIGHT",
    "QUOTE_WEIGHT",
    "NEUTRAL_BAND",
    "POLARITY_THRESHOLD",
    "sentence_tone",
    "tone_label",
    "sentence_tones",
    "article_tone",
    "entity_aliases",
    "entity_tone",
    "frequent_entities",
]

#: valence multiplier for news event words (rule 1)
EVENT_WEIGHT = 0.3
#: valence multiplier for words inside quotation marks (rule 2)
QUOTE_WEIGHT = 0.5
#: |tone| below this is labelled neutral (rule 3)
NEUTRAL_BAND = 0.2
#: VADER's conventional threshold for positive/negative shares of raw scores
POLARITY_THRESHOLD = 0.05

_OPEN_Q = ("“", '"', "‘‘", "''", "«")
_CLOSE_Q = ("”", '"', "’’", "''", "»")


class _Vader:
    """VADER with access to the per-word valences, so raw and calibrated
    scores come from one pass over the words."""

    def __init__(self) -> None:
        from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer, SentiText

        self.sia = SentimentIntensityAnalyzer()
        self._senti_text = SentiText
        self._booster = BOOSTER_DICT
        self._events = load_set("sentiment", "event_words.txt")

    def _prepare(self, text: str) -> str:
        # VADER replaces emoji by their descriptions; skip the loop when none
        emojis = self.sia.emojis
        if not any(ch in emojis for ch in text if ord(ch) > 0x2000):
            return text.strip()
        out: list[str] = []
        prev_space = True
        for ch in text:
            desc = emojis.get(ch)
            if desc is not None:
                if not prev_space:
                    out.append(" ")
                out.append(desc)
                prev_space = False
            else:
                out.append(ch)
                prev_space = ch == " "
        return "".join(out).strip()

    def scores(self, text: str) -> tuple[float, float]:
        """(raw VADER compound, calibrated tone) of one sentence."""
        text = self._prepare(text)
        st = self._senti_text(text)
        tokens = st.words_and_emoticons
        sentiments: list[float] = []
        for i, item in enumerate(tokens):
            low = item.lower()
            if low in self._booster or (low == "kind" and i < len(tokens) - 1 and tokens[i + 1].lower() == "of"):
                sentiments.append(0)
                continue
            sentiments = self.sia.sentiment_valence(0, st, item, i, sentiments)
        sentiments = self.sia._but_check(tokens, sentiments)
        raw = self.sia.score_valence(sentiments, text)["compound"]
        if not any(sentiments):
            return raw, 0.0
        adjusted = list(sentiments)
        raw_tokens = text.split()
        quoted = _quoted_flags(raw_tokens) if len(raw_tokens) == len(tokens) else [False] * len(tokens)
        for i, item in enumerate(tokens):
            if adjusted[i]:
                if item.lower().strip(".,;:!?\"'“”‘’()") in self._events:
                    adjusted[i] *= EVENT_WEIGHT
                if quoted[i]:
                    adjusted[i] *= QUOTE_WEIGHT
        tone = self.sia.score_valence(adjusted, text)["compound"]
        return raw, tone


def _quoted_flags(tokens: Sequence[str]) -> list[bool]:
    """Per whitespace token: is it inside quotation marks?"""
    flags: list[bool] = []
    inside = False
    for tok in tokens:
        opens = tok.startswith(_OPEN_Q)
        closes = tok.rstrip(".,;:!?)").endswith(_CLOSE_Q)
        if opens and not inside:
            inside = True
            flags.append(True)
            if closes and len(tok) > 2:
                inside = False
            continue
        flags.append(inside)
        if closes and inside:
            inside = False
    return flags


@lru_cache(maxsize=1)
def _vader() -> _Vader:
    return _Vader()


def tone_label(tone: float, band: float | None = None) -> int:
    """-1, 0 or 1: the sign of ``tone`` outside the neutral band."""
    b = NEUTRAL_BAND if band is None else band
    if tone >= b:
        return 1
    if tone <= -b:
        return -1
    return 0


def sentence_tone(sentence: str) -> dict[str, Any]:
    """``vader_compound`` (raw VADER), ``tone`` (news-calibrated, -1..1) and
    ``label`` (-1, 0, 1) of one sentence."""
    if not sentence or not sentence.strip():
        return {"vader_compound": 0.0, "tone": 0.0, "label": 0}
    raw, tone = _vader().scores(sentence)
    return {"vader_compound": raw, "tone": tone, "label": tone_label(tone)}


def sentence_tones(text: str, sentences: Iterable[tuple[int, int]] | None = None) -> list[dict[str, Any]]:
    """:func:`sentence_tone` of each sentence span of ``text`` (plus ``start``/``end``)."""
    if sentences is None:
        from biaslens.text import split_sentences

        sentences = split_sentences(text)
    out = []
    for s, e in sentences:
        row = sentence_tone(text[s:e])
        row["start"], row["end"] = s, e
        out.append(row)
    return out


def article_tone(compounds: Sequence[float], tones: Sequence[float] | None = None) -> dict[str, Any]:
    """Per-article summary of sentence scores: mean, median, positive and
    negative shares (raw compound beyond ±0.05) and mean calibrated tone.
    ``None`` for every value when there are no sentences."""
    if not compounds:
        return {"vader_mean": None, "vader_median": None, "positive_share": None, "negative_share": None, "tone_mean": None}
    n = len(compounds)
    return {
        "vader_mean": sum(compounds) / n,
        "vader_median": statistics.median(compounds),
        "positive_share": sum(1 for c in compounds if c >= POLARITY_THRESHOLD) / n,
        "negative_share": sum(1 for c in compounds if c <= -POLARITY_THRESHOLD) / n,
        "tone_mean": (sum(tones) / len(tones)) if tones else None,
    }


# --- entity-targeted tone ---------------------------------------------------

_POSSESSIVE = r"(?:['’]s?)?"


def entity_aliases(entity: str) -> list[str]:
    """Surface forms that refer to ``entity``: the full name and, for a
    multi-word personal name, the surname ("Vladimir Putin" -> "Putin").
    Possessives ("Putin's", "Putin’s") are matched by :func:`entity_tone`."""
    name = " ".join(entity.split())
    if not name:
        return []
    aliases = [name]
    parts = name.split(" ")
    if len(parts) > 1 and parts[-1][:1].isupper() and len(parts[-1]) > 2:
        aliases.append(parts[-1])
    return aliases


def _entity_pattern(entity: str) -> re.Pattern[str]:
    alts = sorted((re.escape(a) for a in entity_aliases(entity)), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")" + _POSSESSIVE + r"(?![\w])")


def entity_tone(
    text: str,
    entities: Iterable[str],
    sentences: Sequence[tuple[int, int]] | None = None,
) -> list[dict[str, Any]]:
    """Tone of the sentences mentioning each entity (with aliases).

    One row per entity: ``entity``, ``mentions`` (sentences mentioning it),
    ``tone_mean`` and ``vader_mean`` (``None`` without mentions).
    """
    if sentences is None:
        from biaslens.text import split_sentences

        sentences = split_sentences(text)
    cache: dict[tuple[int, int], tuple[float, float]] = {}
    rows = []
    for entity in entities:
        pat = _entity_pattern(entity) if entity.strip() else None
        raws: list[float] = []
        tones: list[float] = []
        if pat is not None:
            for span in sentences:
                if pat.search(text, span[0], span[1]):
                    if span not in cache:
                        cache[span] = _vader().scores(text[span[0] : span[1]])
                    r, t = cache[span]
                    raws.append(r)
                    tones.append(t)
        rows.append(
            {
                "entity": entity,
                "mentions": len(raws),
                "tone_mean": sum(tones) / len(tones) if tones else None,
                "vader_mean": sum(raws) / len(raws) if raws else None,
            }
        )
    return rows


_NAME_SEQ = re.compile(r"\b[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?(?:\s+[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)*")


@lru_cache(maxsize=1)
def _common_capitalised() -> frozenset[str]:
    return load_set("sentiment", "not_entities.txt")


def frequent_entities(texts: Iterable[str], n: int = 10) -> list[str]:
    """The ``n`` most frequent capitalised name sequences in ``texts``.

    Sentence-initial common words ("The", "But") and other capitalised
    function words are dropped (``lexicons/sentiment/not_entities.txt``);
    trailing possessives are removed so "Putin's" counts as "Putin".
    """
    from collections import Counter

    from biaslens.text import split_sentences

    stop = _common_capitalised()
    counts: Counter[str] = Counter()
    for text in texts:
        for s, e in split_sentences(text or ""):
            for m in _NAME_SEQ.finditer(text, s, e):
                words = re.sub(r"['’]s?$", "", m.group(0)).split()
                while words and words[0].lower() in stop:
                    words = words[1:]
                while words and words[-1].lower() in stop:
                    words = words[:-1]
                if words and not (len(words) == 1 and len(words[0]) < 3):
                    counts[" ".join(words)] += 1
    return [name for name, _ in counts.most_common(n)]
