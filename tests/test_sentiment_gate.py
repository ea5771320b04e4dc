"""Pins the sentiment benchmark figures (benchmarks/eval_sentiment.py)."""
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
    r = b.evaluate(shared / "data" / "sentiment" / "newsmtsc_rw_dev.jsonl")
    assert r["tone_macro_f1"] >= r["vader_macro_f1"] >= 0.50
    nyt = b.evaluate(shared / "data" / "sentiment" / "vader_nyt_editorials.jsonl", limit=1500)
    assert nyt["tone_macro_f1"] >= 0.45
