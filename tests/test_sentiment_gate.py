"""Pins the sentiment benchmark figures (benchmarks/eval_sentiment.py).

Reached when pinned: NewsMTSC rw dev macro-F1 raw VADER 0.5077, tone 0.6204
(target= 0.6454; sentence view 0.6313); NYT editorials (first 1,500) raw
0.5372, tone 0.5311. The cross-validated figures (5-fold 0.6153, NYT + half
-> half 0.6159; target= 0.6279 / 0.6311) are printed by the benchmark.
"""
from __future__ import annotations

from types import ModuleType

from benchload import load_benchmark


def _bench() -> ModuleType:
    return load_benchmark("eval_sentiment")


def test_sentiment_gate(shared) -> None:
    b = _bench()
    folder = shared / "data" / "sentiment"
    r = b.evaluate(folder / "newsmtsc_rw_dev.jsonl")
    assert r["vader_macro_f1"] >= 0.50
    assert r["tone_macro_f1"] >= 0.615
    assert r["tone_macro_f1"] >= r["vader_macro_f1"] + 0.08
    targeted = b.evaluate(folder / "newsmtsc_rw_dev.jsonl", targeted=True)
    assert targeted["tone_macro_f1"] >= 0.64  # measured 0.6454
    # target= must now beat the sentence-level score it refines
    assert targeted["tone_macro_f1"] >= r["tone_macro_f1"] + 0.01
    sent = b.evaluate(folder / "newsmtsc_rw_dev_sentence.jsonl")
    assert sent["tone_macro_f1"] >= 0.628  # measured 0.6313
    # editorials are opinion, not news: the wide positive band costs a little there
    nyt = b.evaluate(folder / "vader_nyt_editorials.jsonl", limit=1500)
    assert nyt["tone_macro_f1"] >= 0.528


def test_confusion_matrix_counts(shared) -> None:
    b = _bench()
    r = b.evaluate(shared / "data" / "sentiment" / "newsmtsc_rw_dev.jsonl")
    assert sum(map(sum, r["tone_confusion"])) == r["n"] == sum(map(sum, r["vader_confusion"]))
    assert b.macro_f1([1, 0, -1], [1, 0, -1]) == 1.0 and b.macro_f1([1, 1], [0, 0]) == 0.0
