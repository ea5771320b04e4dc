"""Registered hedging metrics: values, voice split, odd input."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biaslens.model import Article, Doc, Segmentation
from biaslens.registry import get_metric


def _doc(body: str) -> Doc:
    return Doc(Article(id="t", text=body), Segmentation(lines=[], body=body))


def _run(body: str) -> dict:
    return get_metric("hedging")(_doc(body))


def test_hedging_metrics_split_by_voice() -> None:
    body = ("The talks could collapse. Officials are expected to meet.\n"
            "“It will certainly fail,” he said. About 300 people attended. Some say it is over.")
    out = _run(body)
    n = 5
    assert out["hedges_per_100_sentences"] == pytest.approx(100 * 3 / n)
    assert out["hedges_per_100_sentences_authorial"] == pytest.approx(100 * 3 / n)
    assert out["hedges_per_100_sentences_quoted"] == 0.0
    assert out["boosters_per_100_sentences_quoted"] == pytest.approx(100 / n)
    assert out["boosters_per_100_sentences_authorial"] == 0.0
    assert out["hedged_sentence_share"] == pytest.approx(3 / n)
    assert out["hedge_booster_ratio"] == pytest.approx((3 + 1) / (1 + 1))
    assert out["hedge_booster_ratio_authorial"] == pytest.approx(4.0)
    assert out["hedge_booster_ratio_quoted"] == pytest.approx(0.5)
    assert out["weasels"] == 1
    words = len(body.replace("“", " ").replace("”", " ").replace(",", " ").replace(".", " ").split())
    assert out["approximators_per_1k_words"] == pytest.approx(1000 / words, rel=0.05)


@pytest.mark.parametrize(
    ("body", "column", "expected"),
    [
        ("The sky is blue.", "hedge_booster_ratio", 1.0),  # smoothed, no cues
        ("The sky is blue.", "hedged_sentence_share", 0.0),
        ("It may rain. It might snow.", "hedged_sentence_share", 1.0),
        ("It may rain, it might snow, it could hail.", "hedges_per_100_sentences", 300.0),
        ("It may rain, it might snow, it could hail.", "hedged_sentence_share", 1.0),  # capped at one sentence
        ("The meeting began around 1200 GMT.", "hedges_per_100_sentences", 0.0),
    ],
)
def test_hedging_metric_values(body: str, column: str, expected: float) -> None:
    assert _run(body)[column] == pytest.approx(expected)


@pytest.mark.parametrize("body", ["", "   ", "\n\n"])
def test_hedging_metrics_empty_body(body: str) -> None:
    out = _run(body)
    assert out["weasels"] == 0
    assert out["hedges_per_100_sentences"] is None and out["approximators_per_1k_words"] is None


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300) | st.lists(st.sampled_from(
    ["may", "could", "certainly", "“", "”", ".", "\n", "some say", "about 5", "no doubt", "x"]), max_size=40).map(" ".join))
def test_hedging_metrics_in_range(body: str) -> None:
    out = _run(body)
    for key, value in out.items():
        if value is None:
            continue
        assert value >= 0, key
        if key.startswith("hedged_sentence_share"):
            assert value <= 1.0
        if key.startswith("hedge_booster_ratio"):
            assert value > 0
