"""Comparison statistics on synthetic data with known answers."""
from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from biaslens.comparison import (
    TOO_FEW,
    benjamini_hochberg,
    bootstrap_ci,
    cliffs_delta,
    compare,
    differences,
    modes,
    numeric_metric_columns,
    time_series,
    wide,
)


def frame(groups: dict[str, list[float]], **extra: list) -> pl.DataFrame:
    rows = [(g, v) for g, vs in groups.items() for v in vs]
    data = {"id": [str(i) for i in range(len(rows))], "outlet": [g for g, _ in rows],
            "status": ["ok"] * len(rows), "x": [float(v) for _, v in rows]}
    data.update(extra)
    return pl.DataFrame(data)


def test_compare_known_means_and_medians() -> None:
    df = frame({"a": [1, 2, 3, 4, 100] * 2, "b": [5.0] * 12})
    out = compare(df, columns=["x"], n_boot=200)
    a = out.filter(pl.col("outlet") == "a").row(0, named=True)
    assert a["n"] == 10 and a["mean"] == pytest.approx(22.0) and a["median"] == pytest.approx(3.0)
    assert a["ci_low"] <= a["mean"] <= a["ci_high"]
    b = out.filter(pl.col("outlet") == "b").row(0, named=True)
    assert b["ci_low"] == b["ci_high"] == 5.0  # no spread, no interval
    assert out.columns == ["outlet", "metric", "n", "mean", "median", "ci_low", "ci_high", "flag", "rank"]
    assert dict(zip(out["outlet"], out["rank"])) == {"a": 1, "b": 2}


def test_only_ok_rows_count() -> None:
    df = frame({"a": [1.0] * 10}).with_columns(status=pl.Series(["ok"] * 9 + ["error"]))
    assert compare(df, columns=["x"], n_boot=10)["n"].item() == 9


def test_small_groups_flagged_not_ranked() -> None:
    df = frame({"big": list(range(10)), "small": [100.0] * 9})
    out = compare(df, columns=["x"], n_boot=50)
    small = out.filter(pl.col("outlet") == "small").row(0, named=True)
    assert small["flag"] == TOO_FEW and small["rank"] is None and small["mean"] == 100.0
    big = out.filter(pl.col("outlet") == "big").row(0, named=True)
    assert big["flag"] == "" and big["rank"] == 1
    assert compare(df, columns=["x"], n_boot=50, min_n=5).filter(pl.col("outlet") == "small")["rank"].item() == 1


def test_bootstrap_is_seeded_and_reproducible() -> None:
    rng = np.random.default_rng(3)
    df = frame({"a": rng.normal(size=40).tolist(), "b": rng.normal(size=40).tolist()})
    one = compare(df, columns=["x"], seed=7)
    assert one.equals(compare(df, columns=["x"], seed=7))
    assert not one.equals(compare(df, columns=["x"], seed=8))
    # a group's CI does not depend on which other groups are present
    alone = compare(df.filter(pl.col("outlet") == "a"), columns=["x"], seed=7)
    assert alone.row(0)[:7] == one.filter(pl.col("outlet") == "a").row(0)[:7]


def test_bootstrap_ci_covers_normal_mean() -> None:
    x = np.random.default_rng(0).normal(10, 2, size=400)
    lo, hi = bootstrap_ci(x, n_boot=2000, rng=np.random.default_rng(1))
    half = 1.96 * 2 / np.sqrt(400)
    assert lo < 10 < hi or abs(x.mean() - 10) > half
    assert (hi - lo) == pytest.approx(2 * half, rel=0.15)


def test_bootstrap_chunking_matches_unchunked() -> None:
    x = np.arange(50, dtype=float)
    a = bootstrap_ci(x, n_boot=300, rng=np.random.default_rng(5))
    b = bootstrap_ci(x, n_boot=300, rng=np.random.default_rng(5), chunk=50 * 7)
    assert a == pytest.approx(b)


def test_word_weighting() -> None:
    df = frame({"a": [0.0, 1.0] * 5}, body_words=[100, 300] * 5)
    plain = compare(df, columns=["x"], n_boot=50)["mean"].item()
    weighted = compare(df, columns=["x"], weight="words", n_boot=50)["mean"].item()
    assert plain == pytest.approx(0.5) and weighted == pytest.approx(0.75)
    with pytest.raises(KeyError):
        compare(df, weight="nope")


def test_group_by_any_column_and_month() -> None:
    start = datetime(2020, 1, 20)
    df = frame({"a": list(range(20))}, bias=["left", "right"] * 10,
               published=[start + timedelta(days=i) for i in range(20)])
    by_bias = compare(df, "bias", columns=["x"], n_boot=20)
    assert set(by_bias["bias"]) == {"left", "right"}
    by_month = compare(df, "month", columns=["x"], n_boot=20, min_n=1)
    assert dict(zip(by_month["month"], by_month["n"])) == {"2020-01": 12, "2020-02": 8}
    with pytest.raises(KeyError, match="cannot group by"):
        compare(df, "colour")


def test_pandas_input_accepted() -> None:
    df = frame({"a": [1.0] * 10, "b": [2.0] * 10})
    assert compare(df.to_pandas(), columns=["x"], n_boot=10).equals(compare(df, columns=["x"], n_boot=10))


def test_default_columns_skip_identity_and_text() -> None:
    df = frame({"a": [1.0]}, source_line=[3], label=["t"], y=[2])
    assert numeric_metric_columns(df) == ["x", "y"]


def test_wide_and_modes() -> None:
    df = frame({"a": [1.0, 2.0], "b": [3.0]})
    w = wide(compare(df, columns=["x"], n_boot=10))
    assert w.columns == ["outlet", "n", "x"] and w["x"].to_list() == [1.5, 3.0]
    df = df.with_columns(top=pl.Series(["p", "p", "q"]))
    m = modes(df, columns=["top"])
    assert m.select("outlet", "value", "count").rows() == [("a", "p", 2), ("b", "q", 1)]


@pytest.mark.parametrize(
    "a, b, delta",
    [([1, 2, 3], [4, 5, 6], -1.0), ([4, 5, 6], [1, 2, 3], 1.0), ([1, 2], [1, 2], 0.0), ([1, 3], [2, 2], 0.0),
     ([1, 2, 3, 4], [2], 0.25)],
)
def test_cliffs_delta_known(a: list[float], b: list[float], delta: float) -> None:
    assert cliffs_delta(a, b) == pytest.approx(delta)


@given(st.lists(st.integers(-5, 5), min_size=1, max_size=30), st.lists(st.integers(-5, 5), min_size=1, max_size=30))
@settings(max_examples=60, deadline=None)
def test_cliffs_delta_matches_brute_force(a: list[int], b: list[int]) -> None:
    brute = sum((x > y) - (x < y) for x in a for y in b) / (len(a) * len(b))
    assert cliffs_delta(a, b) == pytest.approx(brute)
    assert -1 <= cliffs_delta(a, b) <= 1


def test_benjamini_hochberg_known_values() -> None:
    p = [0.01, 0.04, 0.03, 0.005]
    # sorted: .005 .01 .03 .04 -> *4/rank: .02 .02 .04 .04
    assert benjamini_hochberg(p) == pytest.approx([0.02, 0.04, 0.04, 0.02])
    assert np.isnan(benjamini_hochberg([np.nan, 0.5])[0]) and benjamini_hochberg([np.nan, 0.5])[1] == 0.5


@given(st.lists(st.floats(0, 1), min_size=1, max_size=40))
@settings(max_examples=60, deadline=None)
def test_benjamini_hochberg_matches_scipy(p: list[float]) -> None:
    ours = benjamini_hochberg(p)
    assert ours == pytest.approx(stats.false_discovery_control(p))
    assert np.all(ours >= np.asarray(p) - 1e-12) and np.all(ours <= 1)


def test_differences_detects_shift_and_excludes_small() -> None:
    rng = np.random.default_rng(0)
    df = frame({"low": rng.normal(0, 1, 30).tolist(), "high": rng.normal(3, 1, 30).tolist(),
                "same": rng.normal(0, 1, 30).tolist(), "tiny": [9.0] * 4})
    d = differences(df, columns=["x"])
    ov = d.overall.row(0, named=True)
    assert ov["groups"] == 3 and ov["p"] < 1e-6
    assert d.excluded.select("outlet", "flag").rows() == [("tiny", TOO_FEW)]
    pw = {(r["a"], r["b"]): r for r in d.pairwise.iter_rows(named=True)}
    assert set(pw) == {("high", "low"), ("high", "same"), ("low", "same")}
    assert pw[("high", "low")]["cliffs_delta"] > 0.8 and pw[("high", "low")]["magnitude"] == "large"
    assert pw[("low", "same")]["p_adj"] > 0.05
    raw = [r["p"] for r in pw.values()]
    assert sorted(r["p_adj"] for r in pw.values()) == pytest.approx(sorted(benjamini_hochberg(raw)))
    u = stats.mannwhitneyu(df.filter(pl.col("outlet") == "high")["x"], df.filter(pl.col("outlet") == "low")["x"])
    assert pw[("high", "low")]["p"] == pytest.approx(u.pvalue)


def test_differences_identical_values_do_not_crash() -> None:
    d = differences(frame({"a": [1.0] * 10, "b": [1.0] * 10}), columns=["x"])
    assert d.overall["p"].item() == 1.0


def test_time_series() -> None:
    start = datetime(2021, 1, 1)
    df = frame({"a": [1.0, 3.0, 5.0], "b": [2.0, 2.0, 2.0]},
               published=[start, start + timedelta(days=3), start + timedelta(days=40)] * 2)
    ts = time_series(df, "x")
    assert ts.filter(pl.col("outlet") == "a").select("n", "mean").rows() == [(2, 2.0), (1, 5.0)]
    assert time_series(df, "x", by=None, every="1y")["n"].to_list() == [6]


@given(st.lists(st.one_of(st.none(), st.floats(-1e6, 1e6)), max_size=25), st.integers(1, 12))
@settings(max_examples=40, deadline=None)
def test_compare_never_crashes_and_ci_brackets_mean(values: list[float | None], min_n: int) -> None:
    df = pl.DataFrame({"outlet": ["a", "b"] * (len(values) // 2) + ["a"] * (len(values) % 2),
                       "x": pl.Series(values, dtype=pl.Float64)})
    out = compare(df, columns=["x"], n_boot=30, min_n=min_n)
    for r in out.iter_rows(named=True):
        assert (r["flag"] == TOO_FEW) == (r["n"] < min_n)
        if r["n"]:
            assert r["ci_low"] - 1e-6 <= r["mean"] <= r["ci_high"] + 1e-6 or r["n"] > 0 and r["ci_low"] <= r["ci_high"]
