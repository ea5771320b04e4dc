"""Evaluation gate: hedge detection scores on the proxy sets must not drop.

The rule is the public one used by the independent check: a sentence is
uncertain iff ``any(c.kind == "hedge" for c in hedges(sentence))``. Floors
sit just under the measured figures of benchmarks/eval_hedging.py (Wikipedia
raw F1 0.702, prior-corrected 0.374, halves 0.691 / 0.712; UNSC sentence F1
0.667, check half 0.650 at P 0.796, cue overlap F1 0.583, cue precision 0.627), and the issue's targets (0.68 / 0.65) are
asserted as such. Raise the floors when the detector improves; never lower
them to make a change pass.
"""
from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from benchload import load_benchmark


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_benchmark("eval_hedging")


@pytest.fixture(scope="module")
def wiki(shared: Path, bench: ModuleType) -> list[dict]:
    return bench.load(shared / "data" / "hedge" / "conll2010_wiki_pattern.jsonl")


@pytest.fixture(scope="module")
def unsc(shared: Path, bench: ModuleType) -> list[dict]:
    return bench.load(shared / "data" / "hedge" / "unsc_hedge.jsonl")


def test_gate_wikipedia_sentence_f1(bench: ModuleType, wiki: list[dict]) -> None:
    raw = bench.sentence_scores(wiki, bench.ours)[2]
    assert raw >= 0.68  # issue target
    assert raw >= 0.695
    assert bench.sentence_scores(wiki, bench.ours, 7.0)[2] >= 0.37  # measured 0.374


def test_gate_wikipedia_holds_on_both_halves(bench: ModuleType, wiki: list[dict]) -> None:
    design, check = bench.halves(wiki)
    assert bench.sentence_scores(design, bench.ours)[2] >= 0.685  # measured 0.691
    assert bench.sentence_scores(check, bench.ours)[2] >= 0.705  # measured 0.712


def test_gate_wikipedia_beats_plain_list(bench: ModuleType, wiki: list[dict]) -> None:
    assert bench.sentence_scores(wiki, bench.ours, 7.0)[2] > bench.sentence_scores(wiki, bench.baseline, 7.0)[2]
    assert bench.sentence_scores(wiki, bench.ours)[2] > bench.sentence_scores(wiki, bench.baseline)[2]


def test_gate_unsc(bench: ModuleType, unsc: list[dict]) -> None:
    f1 = bench.sentence_scores(unsc, bench.ours)[2]
    assert f1 >= 0.65  # issue target
    assert f1 >= 0.66  # measured 0.667
    assert f1 > bench.sentence_scores(unsc, bench.baseline)[2]
    p, _, cue_f1 = bench.cue_scores(unsc, bench.ours)
    assert cue_f1 >= 0.575
    assert p >= 0.62  # precision is what news use needs


def test_gate_unsc_check_half(bench: ModuleType, unsc: list[dict]) -> None:
    _, check = bench.halves(unsc)
    p, _, f1 = bench.sentence_scores(check, bench.ours)
    assert f1 >= 0.645  # measured 0.650
    assert p >= 0.79  # measured 0.796
