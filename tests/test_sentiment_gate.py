"""Pins the sentiment benchmark figures (benchmarks/eval_sentiment.py).

Reached when pinned: NewsMTSC rw dev macro-F1 raw VADER 0.5077, tone 0.6034
(target= 0.5959; sentence view 0.6167); NYT editorials (first 1,500) raw
0.5372, tone 0.5294. The cross-validated figures (5-fold 0.597, NYT + half
-> half 0.600) are printed by the benchmark, too slow for a test.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path


def _bench():
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "eval_sentiment.py"
    spec = importlib.util.spec_from_file_location("eval_sentiment", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def test_sentiment_gate(shared) -> None:
    b = _bench()
    folder = shared / "data" / "sentiment"
    r = b.evaluate(folder / "newsmtsc_rw_dev.jsonl")
    assert r["vader_macro_f1"] >= 0.50
    assert r["tone_macro_f1"] >= 0.60
    assert r["tone_macro_f1"] >= r["vader_macro_f1"] + 0.08
    targeted = b.evaluate(folder / "newsmtsc_rw_dev.jsonl", targeted=True)
    assert targeted["tone_macro_f1"] >= 0.59
    sent = b.evaluate(folder / "newsmtsc_rw_dev_sentence.jsonl")
    assert sent["tone_macro_f1"] >= 0.61
    # editorials are opinion, not news: the wide positive band costs a little there
    nyt = b.evaluate(folder / "vader_nyt_editorials.jsonl", limit=1500)
    assert nyt["tone_macro_f1"] >= 0.52


def test_confusion_matrix_counts(shared) -> None:
    b = _bench()
    r = b.evaluate(shared / "data" / "sentiment" / "newsmtsc_rw_dev.jsonl")
    assert sum(map(sum, r["tone_confusion"])) == r["n"] == sum(map(sum, r["vader_confusion"]))
    assert b.macro_f1([1, 0, -1], [1, 0, -1]) == 1.0 and b.macro_f1([1, 1], [0, 0]) == 0.0
