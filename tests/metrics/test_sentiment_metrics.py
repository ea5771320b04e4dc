from __future__ import annotations

import pytest

from biaslens.metrics.sentiment import entity_tone_rows
from biaslens.model import Article, Doc, Segmentation
from biaslens.registry import get_metric


def _doc(body: str) -> Doc:
    return Doc(Article(id="a", outlet="o"), Segmentation(lines=[], body=body))


@pytest.mark.parametrize("body", ["", "   ", "!!!", "“Unclosed quote. Oh no"])
def test_sentiment_metric_never_raises(body: str) -> None:
    get_metric("sentiment")(_doc(body))


def test_sentiment_metric_shares_and_splits() -> None:
    body = "The plan is wonderful and great. The plan is terrible and awful.\n\n“It is a lovely, excellent idea,” she said."
    out = get_metric("sentiment")(_doc(body))
    assert out["positive_share"] == pytest.approx(2 / 3)
    assert out["negative_share"] == pytest.approx(1 / 3)
    assert out["vader_mean_quoted"] is not None and out["vader_mean_quoted"] > 0
    assert out["positive_share_authorial"] == pytest.approx(0.5)


def test_entity_tone_rows() -> None:
    rows = entity_tone_rows(_doc("Putin’s plan failed badly. Assad smiled."), ["Vladimir Putin"])
    assert rows == [{"id": "a", "outlet": "o", "entity": "Vladimir Putin", "mentions": 1,
                     "tone_mean": rows[0]["tone_mean"], "vader_mean": rows[0]["vader_mean"]}]
    assert rows[0]["vader_mean"] < 0
