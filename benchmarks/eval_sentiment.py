"""Macro-F1 of raw VADER (±0.05) vs biaslens's calibrated tone on the
NewsMTSC dev files and the VADER NYT editorial snippets.

Usage: python benchmarks/eval_sentiment.py
"""
from __future__ import annotations

import json
from pathlib import Path

from biaslens.sentiment import POLARITY_THRESHOLD, sentence_tone, tone_label
from biaslens.settings import shared_dir

FILES = ("newsmtsc_rw_dev.jsonl", "newsmtsc_rw_dev_sentence.jsonl", "vader_nyt_editorials.jsonl")


def macro_f1(gold: list[int], pred: list[int]) -> float:
    scores = []
    for c in (-1, 0, 1):
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def evaluate(path: Path, limit: int | None = None) -> dict[str, float]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    if limit:
        rows = rows[:limit]
    gold = [r["label"] for r in rows]
    scored = [sentence_tone(r["text"]) for r in rows]
    return {
        "n": len(rows),
        "vader_macro_f1": macro_f1(gold, [tone_label(s["vader_compound"], POLARITY_THRESHOLD) for s in scored]),
        "tone_macro_f1": macro_f1(gold, [s["label"] for s in scored]),
    }


def main() -> None:
    folder = shared_dir() / "data" / "sentiment"
    for name in FILES:
        r = evaluate(folder / name)
        print(f"{name:34s} n={r['n']:5d}  raw VADER macro-F1 {r['vader_macro_f1']:.4f}  tone macro-F1 {r['tone_macro_f1']:.4f}")


if __name__ == "__main__":
    main()
