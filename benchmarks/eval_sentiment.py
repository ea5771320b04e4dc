"""Macro-F1 of raw VADER (±0.05) vs biaslens's calibrated tone on the
NewsMTSC dev files and the VADER NYT editorial snippets, with confusion
matrices and cross-validated figures for the tuned constants.

The four tuned constants of :mod:`biaslens.sentiment` (``NEUTRAL_BAND``,
``NEGATIVE_BAND``, ``EVENT_WEIGHT``, ``QUOTE_WEIGHT``) are chosen on a coarse
grid; the cross-validated figures re-run that choice without the held-out
rows, so they estimate what the procedure gives on unseen news:

* 5-fold CV over ``newsmtsc_rw_dev.jsonl`` (folds by a hash of the id);
* NYT + half A of the dev file -> half B, and NYT + half B -> half A.

Usage: python benchmarks/eval_sentiment.py [--no-cv]
"""
from __future__ import annotations

import itertools
import json
import sys
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Sequence

import biaslens.sentiment as S
from biaslens.sentiment import POLARITY_THRESHOLD, sentence_tone, tone_label
from biaslens.settings import shared_dir

FILES = ("newsmtsc_rw_dev.jsonl", "newsmtsc_rw_dev_sentence.jsonl", "vader_nyt_editorials.jsonl")
DEV = "newsmtsc_rw_dev.jsonl"
NYT = "vader_nyt_editorials.jsonl"

#: the coarse grid of the tuned constants
GRID = {
    "EVENT_WEIGHT": (0.0, 0.3, 0.6, 1.0),
    "QUOTE_WEIGHT": (0.25, 0.5, 1.0),
    "NEUTRAL_BAND": (0.05, 0.1, 0.2, 0.3, 0.4),
    "NEGATIVE_BAND": (0.03, 0.05, 0.1, 0.2),
}


def macro_f1(gold: Sequence[int], pred: Sequence[int]) -> float:
    scores = []
    for c in (-1, 0, 1):
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def per_class_f1(cm: list[list[int]]) -> list[float]:
    """F1 of classes -1, 0, 1 from a confusion matrix (rows gold, cols predicted)."""
    out = []
    for k in range(3):
        tp = cm[k][k]
        fp = sum(cm[j][k] for j in range(3)) - tp
        fn = sum(cm[k]) - tp
        out.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return out


def confusion(gold: Sequence[int], pred: Sequence[int]) -> list[list[int]]:
    """Rows gold -1/0/1, columns predicted -1/0/1."""
    return [[sum(1 for g, p in zip(gold, pred) if g == a and p == b) for b in (-1, 0, 1)] for a in (-1, 0, 1)]


def load(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    return rows[:limit] if limit else rows


def _target(row: dict[str, Any]) -> tuple[int, int] | None:
    if row.get("target_from") is None or row.get("target_to") is None:
        return None
    return (int(row["target_from"]), int(row["target_to"]))


def evaluate(path: Path, limit: int | None = None, targeted: bool = False) -> dict[str, Any]:
    """Macro-F1 and confusion matrices of raw VADER and ``tone`` on one file;
    ``targeted`` passes the file's target spans to :func:`sentence_tone`."""
    rows = load(path, limit)
    gold = [r["label"] for r in rows]
    scored = [sentence_tone(r["text"], _target(r) if targeted else None) for r in rows]
    raw = [tone_label(s["vader_compound"], POLARITY_THRESHOLD) for s in scored]
    tone = [s["label"] for s in scored]
    return {
        "n": len(rows),
        "vader_macro_f1": macro_f1(gold, raw),
        "tone_macro_f1": macro_f1(gold, tone),
        "vader_confusion": confusion(gold, raw),
        "tone_confusion": confusion(gold, tone),
    }


@contextmanager
def constants(**values: float) -> Iterator[None]:
    """Temporarily set constants of :mod:`biaslens.sentiment`."""
    old = {k: getattr(S, k) for k in values}
    try:
        for k, v in values.items():
            setattr(S, k, v)
        yield
    finally:
        for k, v in old.items():
            setattr(S, k, v)


def _tones(rows: Sequence[dict[str, Any]], targeted: bool) -> dict[tuple[float, float], list[float]]:
    """Tone of every row for each (EVENT_WEIGHT, QUOTE_WEIGHT) of the grid."""
    out = {}
    for ew, qw in itertools.product(GRID["EVENT_WEIGHT"], GRID["QUOTE_WEIGHT"]):
        with constants(EVENT_WEIGHT=ew, QUOTE_WEIGHT=qw):
            out[(ew, qw)] = [sentence_tone(r["text"], _target(r) if targeted else None)["tone"] for r in rows]
    return out


def _best(parts: Sequence[tuple[list[int], dict[tuple[float, float], list[float]]]]) -> tuple[float, ...]:
    """Grid point maximising the mean macro-F1 over ``parts`` (gold, tones);
    ties go to the earlier (smaller) grid value."""
    best, best_f = None, -1.0
    for (ew, qw), pb, nb in itertools.product(
        itertools.product(GRID["EVENT_WEIGHT"], GRID["QUOTE_WEIGHT"]), GRID["NEUTRAL_BAND"], GRID["NEGATIVE_BAND"]
    ):
        f = sum(macro_f1(g, [tone_label(t, pb, nb) for t in tones[(ew, qw)]]) for g, tones in parts) / len(parts)
        if f > best_f + 1e-9:
            best, best_f = (ew, qw, pb, nb), f
    assert best is not None
    return best


def _predict(tones: dict[tuple[float, float], list[float]], p: tuple[float, ...], idx: Sequence[int]) -> list[int]:
    return [tone_label(tones[(p[0], p[1])][i], p[2], p[3]) for i in idx]


def cross_validate(dev: Sequence[dict[str, Any]], nyt: Sequence[dict[str, Any]], targeted: bool = False) -> dict[str, Any]:
    """Held-out macro-F1 of the grid choice: 5-fold over dev, and NYT + one
    half of dev -> the other half (both directions pooled)."""
    gold = [r["label"] for r in dev]
    tones = _tones(dev, targeted)
    fold = [zlib.crc32(str(r["id"]).encode()) % 5 for r in dev]
    pred = [0] * len(dev)
    chosen = []
    for k in range(5):
        train = [i for i in range(len(dev)) if fold[i] != k]
        test = [i for i in range(len(dev)) if fold[i] == k]
        part = {key: [v[i] for i in train] for key, v in tones.items()}
        p = _best([([gold[i] for i in train], part)])
        chosen.append(p)
        for i, lab in zip(test, _predict(tones, p, test)):
            pred[i] = lab
    out: dict[str, Any] = {"cv5_macro_f1": macro_f1(gold, pred), "cv5_choices": chosen}
    nyt_gold = [r["label"] for r in nyt]
    nyt_tones = _tones(nyt, False)
    pred2 = [0] * len(dev)
    halves = []
    for h in (0, 1):
        train = [i for i in range(len(dev)) if fold[i] % 2 != h]
        test = [i for i in range(len(dev)) if fold[i] % 2 == h]
        part = {key: [v[i] for i in train] for key, v in tones.items()}
        p = _best([([gold[i] for i in train], part), (nyt_gold, nyt_tones)])
        halves.append(p)
        for i, lab in zip(test, _predict(tones, p, test)):
            pred2[i] = lab
    out.update(half_macro_f1=macro_f1(gold, pred2), half_choices=halves)
    return out


def _fmt_cm(cm: list[list[int]]) -> str:
    return " ".join("[" + " ".join(f"{v:4d}" for v in row) + "]" for row in cm)


def main(argv: Sequence[str] = ()) -> None:
    folder = shared_dir() / "data" / "sentiment"
    print(f"constants: NEUTRAL_BAND={S.NEUTRAL_BAND} NEGATIVE_BAND={S.NEGATIVE_BAND} "
          f"EVENT_WEIGHT={S.EVENT_WEIGHT} QUOTE_WEIGHT={S.QUOTE_WEIGHT} OFF_TARGET_WEIGHT={S.OFF_TARGET_WEIGHT} "
          f"SPEAKER_WEIGHT={S.SPEAKER_WEIGHT} REPORTED_WEIGHT={S.REPORTED_WEIGHT} "
          f"CONCESSIVE_WEIGHT={S.CONCESSIVE_WEIGHT} QUESTION_WEIGHT={S.QUESTION_WEIGHT}")
    runs = [(name, False) for name in FILES] + [(DEV, True)]
    for name, targeted in runs:
        r = evaluate(folder / name, targeted=targeted)
        label = name + (" (target=)" if targeted else "")
        print(f"{label:40s} n={r['n']:5d}  raw VADER macro-F1 {r['vader_macro_f1']:.4f}  tone macro-F1 {r['tone_macro_f1']:.4f}")
        print(f"{'':40s} tone per-class F1 (-1/0/1): "
              + " ".join(f"{f:.3f}" for f in per_class_f1(r["tone_confusion"])))
        print(f"{'':40s} confusion (rows gold -1/0/1, cols pred -1/0/1): raw {_fmt_cm(r['vader_confusion'])}"
              f"  tone {_fmt_cm(r['tone_confusion'])}")
    if "--no-cv" in argv:
        return
    dev, nyt = load(folder / DEV), load(folder / NYT)
    for targeted in (False, True):
        cv = cross_validate(dev, nyt, targeted)
        tag = "target=" if targeted else "sentence"
        print(f"cross-validated ({tag}) on {DEV}: 5-fold macro-F1 {cv['cv5_macro_f1']:.4f}; "
              f"tuned on NYT + half -> other half macro-F1 {cv['half_macro_f1']:.4f}")
        print(f"  choices (EVENT_WEIGHT, QUOTE_WEIGHT, NEUTRAL_BAND, NEGATIVE_BAND): 5-fold {cv['cv5_choices']}; "
              f"halves {cv['half_choices']}")


if __name__ == "__main__":
    main(sys.argv[1:])
