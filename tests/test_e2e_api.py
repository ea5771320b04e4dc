"""End-to-end abuse of the notebook API (``import biaslens as bl``).

Odd frames, odd arguments and empty inputs must give a clear error or an
error row, never a confusing crash or a silent misreading. Invented data only.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import polars as pl
import pytest
from matplotlib.figure import Figure

import biaslens as bl

STORY = "The fictional ferry to Velmora resumed service on Monday, harbour officials said. Ana Lind said it was late."
FAST = {"jobs": 1, "metrics": ["ad_density"]}


@pytest.fixture(scope="module")
def analysis():
    df = pl.DataFrame({"text": [STORY, STORY + " It could rain.", STORY], "outlet": ["a.example", "b.example", "a.example"]})
    return bl.analyze(df, jobs=1, metrics=["attribution"])


# ------------------------------------------------------------------ analyze


@pytest.mark.parametrize("bad", [{"text": [STORY]}, 42, 3.5])
def test_analyze_rejects_non_inputs_with_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="DataFrame"):
        bl.analyze(bad, jobs=1)


def test_analyze_a_bare_text_string_says_how_to_pass_text() -> None:
    with pytest.raises(FileNotFoundError, match="DataFrame"):
        bl.analyze(STORY, jobs=1)


def test_metrics_and_entities_given_as_one_string() -> None:
    a = bl.analyze(pl.DataFrame({"text": [STORY]}), jobs=1, metrics="readability", entities="Ana Lind")
    assert "flesch_reading_ease" in a.articles.columns and "anonymous_share" not in a.articles.columns
    assert a.settings.entities == ("Ana Lind",)
    assert a.entity_tone is not None and set(a.entity_tone["entity"].to_list()) <= {"Ana Lind"}


def test_unknown_option_names_the_option() -> None:
    with pytest.raises(TypeError, match=r"'metric'.*metrics"):
        bl.analyze(pl.DataFrame({"text": [STORY]}), metric=["readability"])


def test_pandas_frame_with_nulls_keeps_every_row() -> None:
    df = pd.DataFrame({"text": [STORY, None, float("nan"), "   "], "outlet": ["a", None, "b", "c"]})
    a = bl.analyze(df, **FAST)
    assert a.articles.height == 4
    assert a.articles["status"].to_list() == ["ok", "error", "error", "error"]
    assert all("dataframe:" in e for e in a.articles["error"].drop_nulls())


@pytest.mark.parametrize("frame", [pl.DataFrame(), pd.DataFrame(), pl.DataFrame({"text": []}, schema={"text": pl.String})])
def test_empty_frames_give_empty_tables(frame: object) -> None:
    a = bl.analyze(frame, **FAST)
    assert a.articles.height == 0 and "status" in a.articles.columns


def test_frame_without_text_column_is_one_error_per_row() -> None:
    a = bl.analyze(pd.DataFrame({"headline_only": ["x", "y"]}), **FAST)
    assert a.articles["status"].to_list() == ["error", "error"]
    assert "headline_only" in a.articles["error"][0]


def test_read_of_a_folder_without_articles_fails_clearly(tmp_path: Path) -> None:
    (tmp_path / "notes.docx").write_bytes(b"PK")
    with pytest.raises(FileNotFoundError, match="no article files"):
        bl.read(tmp_path)


# ------------------------------------------------------------------ compare


@pytest.mark.parametrize("by", ["nope", "outlet"])
def test_compare_by_a_missing_column_names_it(analysis, by: str) -> None:
    frame = analysis.articles.drop("outlet")
    with pytest.raises(KeyError, match=by):
        bl.compare(frame, by=by)


def test_compare_with_null_outlets_and_all_errors(analysis) -> None:
    nulls = analysis.articles.with_columns(outlet=pl.lit(None, pl.String))
    assert bl.compare(nulls).height > 0
    errors = analysis.articles.with_columns(status=pl.lit("error"))
    assert bl.compare(errors).height == 0


# ------------------------------------------------------------------ report


def test_report_of_a_pandas_frame(tmp_path: Path) -> None:
    df = pd.DataFrame({"text": [STORY, None], "outlet": ["a.example", "b.example"]})
    index = bl.report(df, tmp_path / "rep", jobs=1, metrics=["ad_density"], evidence=False)
    assert index.is_file()
    assert pl.read_parquet(tmp_path / "rep" / "articles.parquet")["status"].to_list() == ["ok", "error"]


def test_report_into_a_file_fails_before_analysing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import biaslens.pipeline as pipeline

    target = tmp_path / "taken"
    target.write_text("x", encoding="utf-8")
    monkeypatch.setattr(pipeline, "analyze", lambda *a, **k: pytest.fail("analysed before checking the output"))
    with pytest.raises(NotADirectoryError, match="taken"):
        bl.report([tmp_path / "whatever.txt"], target / "sub")


# ------------------------------------------------------------------ plots


@pytest.mark.parametrize("call", [
    lambda c, a: bl.plot.ranked(c, "anonymous_shar"),
    lambda c, a: bl.plot.distribution(a, "anonymous_shar"),
    lambda c, a: bl.plot.time_series(a, "anonymous_shar"),
    lambda c, a: bl.plot.heatmap(c, columns=["anonymous_shar"]),
])
def test_plot_of_an_unknown_metric_is_a_key_error_with_a_hint(analysis, call) -> None:
    with pytest.raises(KeyError, match="anonymous_share"):
        call(bl.compare(analysis), analysis.articles)


@pytest.mark.parametrize("empty", [pl.DataFrame(), pd.DataFrame(), None])
@pytest.mark.parametrize("name", ["ranked", "distribution", "time_series", "heatmap", "entity_tone"])
def test_plots_of_empty_input_are_empty_figures(empty: object, name: str) -> None:
    fn = getattr(bl.plot, name)
    fig = fn(empty, "anonymous_share") if name in ("ranked", "distribution", "time_series") else fn(empty)
    assert isinstance(fig, Figure)
