"""Ad-density metrics over a Doc."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biaslens.model import Article, Doc
from biaslens.registry import get_metric, output_schema, resolve_metrics
from biaslens.segmentation import segment

P1 = "The river authority said on Monday that the new flood barrier would be finished before the spring rains arrive."
P2 = "Engineers have worked in three shifts since January, according to a statement from the regional council."


def _doc(text: str, html: str | None = None) -> Doc:
    return Doc(Article("a1", text=text, html=html, outlet="valley-courier"), segment(text))


def test_columns_and_types() -> None:
    schema = output_schema(resolve_metrics(["ad_density", "ad_slots"]))
    assert {k: str(v) for k, v in schema.items()} == {
        "ad_markers": "Int64",
        "ad_markers_per_1k_words": "Float64",
        "boilerplate_share": "Float64",
        "body_words": "Int64",
        "ad_slots": "Int64",
        "ad_slots_per_1k_words": "Float64",
    }
    assert get_metric("ad_slots").needs_html


@pytest.mark.parametrize(
    "text,markers,words",
    [
        ("\n\n".join([P1, P2]), 0, 35),
        ("\n\n".join(["- Advertisment -", P1, "ADVERTISEMENT", P2, "Advertisement"]), 3, 35),
        ("\n\n".join([P1, "Story continues below advertisement", P2]), 1, 35),
        ("\n\n".join([P1, P2, "Advertisement Continue reading the main story"]), 1, 35),
    ],
)
def test_ad_markers_and_words(text: str, markers: int, words: int) -> None:
    out = get_metric("ad_density")(_doc(text))
    assert out["ad_markers"] == markers
    assert out["body_words"] == words
    assert out["ad_markers_per_1k_words"] == pytest.approx(1000 * markers / words)


def test_boilerplate_share() -> None:
    ad = "ADVERTISEMENT"
    text = "\n\n".join([ad, P1, P2])
    out = get_metric("ad_density")(_doc(text))
    assert out["boilerplate_share"] == pytest.approx(len(ad) / (len(ad) + len(P1) + len(P2)))
    clean = get_metric("ad_density")(_doc(P1))
    assert clean["boilerplate_share"] == 0.0


def test_empty_article() -> None:
    out = get_metric("ad_density")(_doc(""))
    assert out == {"ad_markers": 0, "ad_markers_per_1k_words": None, "boilerplate_share": 0.0, "body_words": 0}
    only_ads = get_metric("ad_density")(_doc("ADVERTISEMENT\n\nSponsored"))
    assert only_ads["ad_markers"] == 2 and only_ads["body_words"] == 0
    assert only_ads["ad_markers_per_1k_words"] is None and only_ads["boilerplate_share"] == 1.0


def test_ad_slots_null_without_html() -> None:
    assert get_metric("ad_slots")(_doc(P1)) == {"ad_slots": None, "ad_slots_per_1k_words": None}


def test_ad_slots_with_html() -> None:
    html = '<html><body><div id="div-gpt-ad-1"></div><ins class="adsbygoogle"></ins><p>story</p></body></html>'
    out = get_metric("ad_slots")(_doc("\n\n".join([P1, P2]), html=html))
    assert out["ad_slots"] == 2
    assert out["ad_slots_per_1k_words"] == pytest.approx(2000 / 35)
    empty = get_metric("ad_slots")(_doc("", html=html))
    assert empty["ad_slots"] == 2 and empty["ad_slots_per_1k_words"] is None


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=400), st.one_of(st.none(), st.text(max_size=200)))
def test_property_in_range(text: str, html: str | None) -> None:
    doc = _doc(text, html)
    out = get_metric("ad_density")(doc)
    assert 0.0 <= out["boilerplate_share"] <= 1.0
    assert out["ad_markers"] >= 0 and out["body_words"] >= 0
    slots = get_metric("ad_slots")(doc)
    assert (slots["ad_slots"] is None) == (html is None)
