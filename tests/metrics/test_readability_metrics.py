from __future__ import annotations

import pytest

from biaslens.model import Article, Doc, Segmentation
from biaslens.registry import get_metric
from biaslens.settings import Settings


def _doc(body: str, engine: str = "biaslens") -> Doc:
    return Doc(Article(id="a", outlet="o"), Segmentation(lines=[], body=body), Settings(readability_engine=engine))


@pytest.mark.parametrize("engine", ["biaslens", "textstat"])
@pytest.mark.parametrize("body", ["", "Mr. Smith went to Washington. He spoke.", "...", "word"])
def test_readability_metric_never_raises(body: str, engine: str) -> None:
    out = get_metric("readability")(_doc(body, engine))
    assert out["words"] >= 0 and set(out) >= {"flesch_kincaid_grade", "dale_chall", "difficult_word_share"}


def test_readability_metric_uses_body_sentences() -> None:
    out = get_metric("readability")(_doc("Mr. Smith went to Washington. He spoke."))
    assert out["sentences"] == 2 and out["words"] == 7
