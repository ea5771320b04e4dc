from __future__ import annotations

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from biaslens import registry
from biaslens.model import Article
from biaslens.pipeline import BASE_COLUMNS, analyze, analyze_article, error_reason, iter_results
from biaslens.registry import Column, UnknownMetricError, metric
from biaslens.settings import Settings

STORY = (
    "Harbour officials in the fictional town of Velmora said on Monday that the ferry would resume service.\n\n"
    "ADVERTISEMENT\n\n"
    "The council's transport chief, Ines Marlow, told reporters the repairs had cost more than planned.\n\n"
    "Residents welcomed the news after three weeks without a crossing."
)


def _articles(n: int, outlet: str | None = None) -> list[Article]:
    """Near-identical stories; each from its own outlet unless ``outlet`` is given
    (articles of one outlet sharing paragraphs would look like site boilerplate)."""
    return [Article(id=f"a{i}", text=STORY.replace("Monday", f"day {i}"), outlet=outlet or f"o{i}.example") for i in range(n)]


def test_one_row_per_article_with_status() -> None:
    arts = _articles(3) + [Article(id="bad", error="x.jsonl:4: invalid JSON: Expecting value"), Article(id="empty", text="  \n ")]
    res = analyze(arts, settings=Settings(jobs=1, metrics=("ad_density",)))
    df = res.articles
    assert df["id"].to_list() == ["a0", "a1", "a2", "bad", "empty"]
    assert df["status"].to_list() == ["ok", "ok", "ok", "error", "error"]
    assert df.filter(pl.col("id") == "bad")["error"].item().endswith("Expecting value")
    assert "no text" in df.filter(pl.col("id") == "empty")["error"].item()
    assert list(df.columns[: len(BASE_COLUMNS)]) == list(BASE_COLUMNS)
    assert df.filter(pl.col("status") == "ok")["ad_markers"].to_list() == [1, 1, 1]
    assert res.summary() == {"articles": 5, "ok": 3, "errors": 2, "error_reasons": {"invalid JSON": 1, "no text": 1}}


@pytest.mark.parametrize(
    ("message", "reason"),
    [
        ("corpus.jsonl:17: invalid JSON: Expecting ',' delimiter", "invalid JSON"),
        ("rows.csv:3: wrong number of fields: expected 4, got 5", "wrong number of fields"),
        ("no text: the article is empty", "no text"),
        ("metric ads failed: ValueError: boom", "metric ads failed"),
        (None, "unknown"),
    ],
)
def test_error_reason(message: str | None, reason: str) -> None:
    assert error_reason(message) == reason


def test_a_failing_metric_becomes_an_error_row_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    registry.available_metrics()
    saved = dict(registry._REGISTRY)
    try:
        @metric("explodes", columns=[Column("boom", pl.Int64, "always fails")], description="test")
        def explodes(doc):  # noqa: ANN001
            if "day 1" in doc.body:
                raise RuntimeError("kaboom")
            return {"boom": 1}

        res = analyze(_articles(3), settings=Settings(jobs=1, metrics=("ad_density", "explodes")))
    finally:
        registry._REGISTRY.clear()
        registry._REGISTRY.update(saved)
    df = res.articles
    assert df["status"].to_list() == ["ok", "error", "ok"]
    assert df["error"][1] == "metric explodes failed: RuntimeError: kaboom"
    assert df["boom"].to_list() == [1, None, 1]


def test_unknown_metric_fails_before_reading() -> None:
    def never():
        raise AssertionError("the input must not be read")
        yield  # pragma: no cover

    with pytest.raises(UnknownMetricError):
        list(iter_results(never(), settings=Settings(metrics=("nope",))))


def test_workers_give_the_same_rows_as_one_process() -> None:
    arts = _articles(30, "a.example") + _articles(30, "b.example")
    for i, a in enumerate(arts):
        a.id = f"x{i}"
    one = analyze(arts, settings=Settings(jobs=1, batch_size=7, metrics=("ad_density",)), long_tables=False).articles
    two = analyze(arts, settings=Settings(jobs=2, batch_size=7, metrics=("ad_density",)), long_tables=False).articles
    assert one.equals(two)
    assert one.height == 60


def test_outlet_boilerplate_is_learned_across_articles() -> None:
    site_line = "Velmora Daily Courier - your town, your news - subscribe today"
    arts = [
        Article(id=f"s{i}", outlet="courier.example", text=f"{site_line}\n\nStory number {i} says the bridge reopened on time after repairs.")
        for i in range(12)
    ]
    res = analyze(arts, settings=Settings(jobs=1, metrics=("ad_density",)), long_tables=False)
    shares = res.articles["boilerplate_share"].to_list()
    assert all(s > 0.3 for s in shares), shares


def test_analyze_article_keeps_identity() -> None:
    a = Article(id="k", text=STORY, outlet="o", url="https://o.example/x", title="T", source_path="p.txt")
    r = analyze_article(a, registry.resolve_metrics(["ad_density"]), Settings())
    assert {k: r.row[k] for k in ("id", "outlet", "url", "title", "source_path")} == {
        "id": "k", "outlet": "o", "url": "https://o.example/x", "title": "T", "source_path": "p.txt"
    }
    assert r.row["status"] == "ok"


@pytest.mark.parametrize(
    ("message", "reason"),
    [
        ("a.txt: undecodable bytes (not UTF-8) at byte 3", "undecodable bytes (not UTF-8)"),
        ("f.jsonl:3: no text (column 'text' is empty)", "no text"),
        ("f.jsonl:9: no text; no text column among: a, b", "no text"),
    ],
)
def test_error_reason_drops_per_record_details(message: str, reason: str) -> None:
    assert error_reason(message) == reason


_PIECES = st.sampled_from([
    "ADVERTISEMENT", "- Advertisment -", "By Ana Ruiz", "VELMORA: ", "“", "”", "\"", "'", "’", "\n", "\n\n", " ",
    "Officials said", "according to sources,", "he told reporters", "could", "certainly", "about 40", "May",
    "Mr.", "U.S.", "3.5", "...", "!", "?", "(Photo: Jo Lee)", "Read more:", "—", "\t", "\r\n", "é", "😀", "\x00",
])


@given(st.lists(st.one_of(_PIECES, st.text(max_size=30)), max_size=40).map("".join))
@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_metric_survives_any_text(text: str) -> None:
    """No registered metric raises on any text: an ok article stays ok, and
    every share column stays within 0..1."""
    r = analyze_article(Article(id="h", text=text, outlet="o"), registry.available_metrics(), Settings())
    if text.strip():
        assert r.row["status"] == "ok", r.row["error"]
    for c in registry.metric_columns():
        v = r.row.get(c.name)
        if c.agg == "share" and v is not None:
            assert 0.0 <= v <= 1.0, (c.name, v)
