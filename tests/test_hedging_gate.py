"""Evaluation gate: hedge detection scores on the proxy sets must not drop.

Floors sit just under the measured figures of benchmarks/eval_hedging.py
(Wikipedia hedges+vague raw F1 0.740, prior-corrected 0.385, hedges-only raw
0.456; UNSC sentence F1 0.497, cue overlap F1 0.405). Raise them when the
detector improves; never lower them to make a change pass.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_hedging", ROOT / "benchmarks" / "eval_hedging.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def wiki(shared: Path, bench: ModuleType) -> list[dict]:
    return bench.load(shared / "data" / "hedge" / "conll2010_wiki_pattern.jsonl")


@pytest.fixture(scope="module")
def unsc(shared: Path, bench: ModuleType) -> list[dict]:
    return bench.load(shared / "data" / "hedge" / "unsc_hedge.jsonl")


def test_gate_wikipedia_sentence_f1(bench: ModuleType, wiki: list[dict]) -> None:
    assert bench.sentence_scores(wiki, bench.ours_weasel)[2] >= 0.73
    assert bench.sentence_scores(wiki, bench.ours_weasel, 7.0)[2] >= 0.375
    assert bench.sentence_scores(wiki, bench.ours)[2] >= 0.445


def test_gate_wikipedia_beats_plain_list(bench: ModuleType, wiki: list[dict]) -> None:
    assert bench.sentence_scores(wiki, bench.ours_weasel, 7.0)[2] > bench.sentence_scores(wiki, bench.baseline, 7.0)[2]


def test_gate_unsc(bench: ModuleType, unsc: list[dict]) -> None:
    assert bench.sentence_scores(unsc, bench.ours)[2] >= 0.485
    p, _, f1 = bench.cue_scores(unsc, bench.ours)
    assert f1 >= 0.395
    assert p >= 0.65  # precision is what news use needs
