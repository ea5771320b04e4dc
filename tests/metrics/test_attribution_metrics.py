"""Sourcing metrics over a Doc."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biaslens.metrics.attribution import ATTRIBUTION_ROW_SCHEMA, attribution_metrics, attribution_rows
from biaslens.model import Article, Doc, Segmentation
from biaslens.registry import get_metric


def _doc(body: str, outlet: str = "valley-courier") -> Doc:
    return Doc(Article("a1", text=body, outlet=outlet), Segmentation(lines=[], body=body))


BODY = ("Ministry spokesman Ivo Marek told reporters that the talks had ended. "
        '"We are done," Marek said. Officials said a new round was possible. '
        "Many residents say the bridge matters more.")


def test_registered_columns() -> None:
    m = get_metric("attribution")
    out = m(_doc(BODY))
    assert set(out) == {c.name for c in m.columns}
    assert {c.name: c.agg for c in m.columns}["top_speaker"] == "mode"


@pytest.mark.parametrize(
    "column,expected",
    [
        ("attributions", 4),
        ("named_share", 0.5),
        ("anonymous_share", 0.25),
        ("vague_share", 0.25),
        ("pronoun_share", 0.0),
        ("official_share", 0.75),
        ("distinct_speakers", 3),
        ("top_speaker", "Ivo Marek"),
    ],
)
def test_metric_values(column: str, expected: object) -> None:
    out = attribution_metrics(_doc(BODY))
    assert out[column] == pytest.approx(expected) if isinstance(expected, float) else out[column] == expected


def test_rates_and_quote_share() -> None:
    out = attribution_metrics(_doc(BODY))
    words = len(BODY.split())
    assert out["attributions_per_1k_words"] == pytest.approx(4000 / words)
    assert out["direct_quote_share"] == pytest.approx(len('"We are done,"') / sum(not c.isspace() for c in BODY), rel=0.2)


def test_empty_body() -> None:
    out = attribution_metrics(_doc(""))
    assert out["attributions"] == 0 and out["named_share"] is None and out["top_speaker"] is None
    assert out["direct_quote_share"] == 0.0


def test_attribution_rows() -> None:
    rows = attribution_rows(_doc(BODY))
    assert len(rows) == 4
    assert set(rows[0]) == set(ATTRIBUTION_ROW_SCHEMA)
    r = rows[1]
    assert (r["id"], r["outlet"], r["canonical"], r["kind"]) == ("a1", "valley-courier", "Ivo Marek", "direct")
    assert BODY[r["cue_start"]:r["cue_end"]] == r["cue"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(list('ab .,"“”\n') + ["said ", "Officials ", "Ana Lind ", "he "]), max_size=40).map("".join))
def test_shares_in_range(body: str) -> None:
    out = attribution_metrics(_doc(body))
    for k in ("named_share", "anonymous_share", "vague_share", "pronoun_share", "official_share", "direct_quote_share"):
        assert out[k] is None or 0.0 <= out[k] <= 1.0
    assert out["attributions"] >= 0
