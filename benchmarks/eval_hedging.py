"""Hedge detection accuracy on the proxy sets in ``shared/data/hedge/``.

Protocols (from that folder's README):

* Wikipedia (CoNLL-2010 task 1, 1,500 uncertain / 1,500 certain sentences):
  sentence-level P/R/F1 of the *uncertain* class, raw and prior-corrected
  (certain sentences weighted x7, the real ~12.5% uncertain prior).
* UNSC speeches (570 sentences, 156 cue spans): sentence-level P/R/F1 and
  cue-level overlap P/R/F1 (a predicted cue is right when it overlaps a gold
  cue; a gold cue is found when a predicted cue overlaps it).

The rule is the public one, the same for every set: a sentence is uncertain
iff ``any(c.kind == "hedge" for c in biaslens.hedging.hedges(sentence))``
(boosters and approximators do not count; no dataset-specific switch).
Rules were designed on the even-indexed half of each set and checked on the
odd-indexed half; both halves are printed. For comparison the script runs a
plain academic hedge list matched anywhere with no context rules (our own
list in the spirit of Hyland 1998). It also prints cue counts per group and
the speed of :func:`biaslens.hedging.hedges` relative to that baseline.

Run: ``python benchmarks/eval_hedging.py`` (reads ``BIASLENS_SHARED``).
"""
from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable

from biaslens.hedging import hedges
from biaslens.settings import shared_dir

#: a plain academic hedge list (written for this benchmark, after the word
#: classes of Hyland 1998): any occurrence marks the sentence uncertain.
BASELINE_WORDS: tuple[str, ...] = (
    "about", "almost", "apparent", "apparently", "appear", "appeared", "appears", "approximately", "argue",
    "argued", "around", "assume", "assumed", "believe", "believed", "broadly", "claim", "claimed", "could",
    "doubt", "doubtful", "essentially", "estimate", "estimated", "fairly", "feel", "frequently", "generally",
    "guess", "indicate", "indicated", "indicates", "largely", "likely", "mainly", "may", "maybe", "might",
    "mostly", "often", "perhaps", "plausible", "possible", "possibly", "presumably", "probable", "probably",
    "quite", "rather", "relatively", "roughly", "seem", "seemed", "seems", "should", "sometimes", "somewhat",
    "suggest", "suggested", "suggests", "suppose", "supposed", "tend", "tends", "think", "typically",
    "uncertain", "unclear", "unlikely", "usually", "would",
)
_BASELINE_RE = re.compile(r"\b(?:" + "|".join(BASELINE_WORDS) + r")\b", re.IGNORECASE)

Span = tuple[int, int]


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def ours(text: str) -> list[Span]:
    """Spans of hedge cues of the public API, called exactly as a user would."""
    return [c.span for c in hedges(text) if c.kind == "hedge"]


def halves(records: list[dict]) -> tuple[list[dict], list[dict]]:
    """(design half, check half): even and odd positions in the file."""
    return records[0::2], records[1::2]


def baseline(text: str) -> list[Span]:
    return [m.span() for m in _BASELINE_RE.finditer(text)]


def prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def sentence_scores(records: Iterable[dict], detect: Callable[[str], list[Span]], certain_weight: float = 1.0
                    ) -> tuple[float, float, float]:
    """P/R/F1 of the uncertain class; false positives weighted by ``certain_weight``."""
    tp = fp = fn = 0.0
    for r in records:
        pred = bool(detect(r["text"]))
        if pred and r["uncertain"]:
            tp += 1
        elif pred:
            fp += certain_weight
        elif r["uncertain"]:
            fn += 1
    return prf(tp, fp, fn)


def _gold_span(text: str, cue: dict) -> Span:
    if cue.get("span"):
        return tuple(cue["span"])  # type: ignore[return-value]
    # one gold cue has no span: take the first occurrence of its text
    i = text.lower().find(cue["text"].lower())
    return (i, i + len(cue["text"])) if i >= 0 else (-1, -1)


def cue_scores(records: Iterable[dict], detect: Callable[[str], list[Span]]) -> tuple[float, float, float]:
    """Overlap P/R/F1 of cue spans."""
    n_pred = n_gold = pred_ok = gold_ok = 0
    for r in records:
        gold = [_gold_span(r["text"], c) for c in r.get("cues") or []]
        pred = detect(r["text"])
        n_pred += len(pred)
        n_gold += len(gold)
        pred_ok += sum(1 for s, e in pred if any(s < ge and gs < e for gs, ge in gold))
        gold_ok += sum(1 for gs, ge in gold if any(s < ge and gs < e for s, e in pred))
    p = pred_ok / n_pred if n_pred else 0.0
    r = gold_ok / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def group_counts(records: Iterable[dict]) -> Counter[str]:
    c: Counter[str] = Counter()
    for r in records:
        for cue in hedges(r["text"], quote_spans=[], sentences=[(0, len(r["text"]))]):
            c[cue.group] += 1
    return c


def main() -> int:
    root = shared_dir() / "data" / "hedge"
    if not root.is_dir():
        print(f"hedge data not found at {root} (set BIASLENS_SHARED)", file=sys.stderr)
        return 1
    wiki = load(root / "conll2010_wiki_pattern.jsonl")
    unsc = load(root / "unsc_hedge.jsonl")

    def line(name: str, scores: tuple[float, float, float]) -> str:
        return f"  {name:<48} P {scores[0]:.3f}  R {scores[1]:.3f}  F1 {scores[2]:.3f}"

    print(f"Wikipedia CoNLL-2010 ({len(wiki)} sentences, {sum(r['uncertain'] for r in wiki)} uncertain)")
    w_design, w_check = halves(wiki)
    for name, det in (("biaslens", ours), ("plain hedge list baseline", baseline)):
        print(line(f"{name} raw", sentence_scores(wiki, det)))
        print(line(f"{name} prior-corrected (certain x7)", sentence_scores(wiki, det, 7.0)))
    for half, recs in (("design half", w_design), ("check half", w_check)):
        print(line(f"biaslens raw, {half}", sentence_scores(recs, ours)))
        print(line(f"biaslens prior-corrected, {half}", sentence_scores(recs, ours, 7.0)))
    print(f"UNSC speeches ({len(unsc)} sentences, {sum(r['uncertain'] for r in unsc)} uncertain, "
          f"{sum(len(r['cues'] or []) for r in unsc)} cues)")
    u_design, u_check = halves(unsc)
    for name, det in (("biaslens", ours), ("plain hedge list baseline", baseline)):
        print(line(f"{name} sentence", sentence_scores(unsc, det)))
        print(line(f"{name} cue overlap", cue_scores(unsc, det)))
    for half, recs in (("design half", u_design), ("check half", u_check)):
        print(line(f"biaslens sentence, {half}", sentence_scores(recs, ours)))
        print(line(f"biaslens cue overlap, {half}", cue_scores(recs, ours)))

    for name, recs in (("Wikipedia", wiki), ("UNSC", unsc)):
        counts = group_counts(recs)
        print(f"cues per group, {name}: " + ", ".join(f"{g} {n}" for g, n in counts.most_common()))

    texts = [r["text"] for r in wiki]
    t0 = time.perf_counter()
    for t in texts:
        baseline(t)
    t_base = time.perf_counter() - t0
    t0 = time.perf_counter()
    for t in texts:
        hedges(t)
    t_ours = time.perf_counter() - t0
    print(f"speed: {len(texts) / t_ours:,.0f} sentences/s; {t_ours / t_base:.1f}x the time of the plain-list "
          f"regex baseline on the same {len(texts)} sentences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
