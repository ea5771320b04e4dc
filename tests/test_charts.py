"""Charts: expected axes and marks, 30+ outlets legible, PNG (>=150 dpi) and SVG written."""
from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import matplotlib
import numpy as np
import polars as pl
import pytest
from matplotlib.figure import Figure

from biaslens import charts
from biaslens.comparison import compare


@pytest.fixture(scope="module")
def articles() -> pl.DataFrame:
    rng = np.random.default_rng(0)
    outlets = [f"outlet {i:02d}.example" for i in range(34)] + ["tiny"]
    n = [12] * 34 + [3]
    names = [o for o, k in zip(outlets, n) for _ in range(k)]
    total = len(names)
    return pl.DataFrame({
        "id": [str(i) for i in range(total)], "outlet": names, "status": ["ok"] * total,
        "x": rng.normal(size=total), "y": rng.random(total), "z": rng.integers(0, 9, total).astype(float),
        "published": [datetime(2020, 1, 1) + timedelta(days=int(d)) for d in rng.integers(0, 300, total)],
    })


@pytest.fixture(scope="module")
def comparison(articles: pl.DataFrame) -> pl.DataFrame:
    return compare(articles, n_boot=100)


def _ylabels(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.axes[0].get_yticklabels()]


def test_ranked_sorted_with_error_bars(comparison: pl.DataFrame) -> None:
    fig = charts.ranked(comparison, "x")
    ax = fig.axes[0]
    labels = _ylabels(fig)
    assert len(labels) == 35 and labels[0].startswith("tiny")  # unranked group at the bottom
    means = comparison.filter((pl.col("metric") == "x") & (pl.col("flag") == "")).sort("mean")
    assert [lab.split(" (n=")[0] for lab in labels[1:]] == means["outlet"].to_list()
    assert len(ax.containers) == 2  # ranked + flagged error bar containers
    assert fig.get_size_inches()[1] >= 0.25 * 35  # height grows with outlets


def test_ranked_accepts_article_table(articles: pl.DataFrame) -> None:
    assert len(_ylabels(charts.ranked(articles.filter(pl.col("outlet") != "tiny"), "y"))) == 34


def test_heatmap_shape_and_diverging_scale(comparison: pl.DataFrame) -> None:
    fig = charts.heatmap(comparison)
    ax = fig.axes[0]
    img = ax.get_images()[0]
    assert img.get_array().shape == (35, 3)
    lo, hi = img.get_clim()
    assert lo == -hi and img.get_cmap().name.startswith("RdBu")
    assert "tiny *" in _ylabels(fig)
    assert len(fig.axes) == 2  # colourbar
    flipped = charts.heatmap(comparison, transpose=True)
    assert flipped.axes[0].get_images()[0].get_array().shape == (3, 35)
    few = comparison.filter(pl.col("outlet").is_in(["outlet 00.example", "outlet 01.example"]))
    assert charts.heatmap(few).axes[0].get_images()[0].get_array().shape == (2, 3)  # auto: outlets as rows
    # metric names on top and bottom, so a tall map can be read without scrolling back
    top = [a for a in fig.axes[0].child_axes]
    assert top and [t.get_text() for t in top[0].get_xticklabels()] == [t.get_text() for t in ax.get_xticklabels()]


@pytest.mark.parametrize("kind", ["box", "violin"])
def test_distribution(articles: pl.DataFrame, kind: str) -> None:
    fig = charts.distribution(articles, "x", kind=kind)
    assert len(_ylabels(fig)) == 35
    with pytest.raises(ValueError):
        charts.distribution(articles, "x", kind="pie")


def test_entity_tone() -> None:
    et = pl.DataFrame({"outlet": ["a", "a", "b", "b"], "entity": ["P", "Q", "P", "R"], "mentions": [3, 1, 2, 5],
                       "tone_mean": [0.5, -0.5, -0.2, 0.1]})
    fig = charts.entity_tone(et, top=2)
    arr = fig.axes[0].get_images()[0].get_array()
    assert arr.shape == (2, 2)  # entities R (5) and P (5) kept, Q dropped
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["P", "R"]
    assert charts.entity_tone(None).axes[0].texts[0].get_text() == "no entity mentions"


def test_time_series_lines(articles: pl.DataFrame) -> None:
    fig = charts.time_series(articles, "x", top=10)
    ax = fig.axes[0]
    assert len(ax.get_lines()) == 10
    styles = {line.get_linestyle() for line in ax.get_lines()}
    assert len(styles) == 2  # palette of 8 colours, then a second line style
    empty = charts.time_series(articles.drop("published"), "x")
    assert empty.axes[0].texts


def test_palette_is_okabe_ito() -> None:
    assert charts.OKABE_ITO[0] == "#E69F00" and len(charts.OKABE_ITO) == 8


def test_no_pyplot_state(comparison: pl.DataFrame) -> None:
    import sys

    charts.ranked(comparison, "x")
    plt = sys.modules.get("matplotlib.pyplot")
    assert plt is None or not plt.get_fignums()


def test_empty_inputs_do_not_crash() -> None:
    empty = compare(pl.DataFrame({"outlet": [], "x": []}, schema={"outlet": pl.String, "x": pl.Float64}))
    assert isinstance(charts.ranked(empty, "x"), Figure)
    assert isinstance(charts.heatmap(empty), Figure)
    assert isinstance(charts.distribution(pl.DataFrame({"outlet": ["a"], "x": [None]}), "x"), Figure)


def test_save_figure_png_and_svg(tmp_path: Path, comparison: pl.DataFrame) -> None:
    fig = charts.ranked(comparison, "x")
    paths = charts.save_figure(fig, tmp_path / "sub" / "ranked_x", dpi=72)
    assert [p.suffix for p in paths] == [".png", ".svg"]
    png, svg = paths
    from PIL import Image

    with Image.open(png) as im:
        dpi = im.info.get("dpi", (0, 0))[0]
        assert round(dpi) >= 150  # never below 150 dpi even when asked
        assert im.size[1] >= 0.25 * 35 * 150 * 0.9
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert "outlet 00.example" in text
    assert matplotlib.get_backend()  # importing pyplot was never required


def test_heatmap_marks_sparse_cells_not_whole_outlets(articles: pl.DataFrame) -> None:
    # "w" has values for three articles of one big outlet only: that cell is starred,
    # the outlet row is not (it has enough articles on x and y)
    big = articles.filter(pl.col("outlet").is_in(["outlet 00.example", "outlet 01.example", "outlet 02.example"]))
    w = [1.0 if (o == "outlet 00.example" and i < 3) else None for i, o in enumerate(big["outlet"].to_list())]
    comp = compare(big.with_columns(w=pl.Series(w, dtype=pl.Float64)), columns=["x", "y", "w"], n_boot=20)
    fig = charts.heatmap(comp, families={"x": "a", "y": "a", "w": "b"})
    ax = fig.axes[0]
    assert not any(lab.endswith("*") for lab in _ylabels(fig))
    assert any(t.get_text().endswith("*") for t in ax.texts)
    assert len(ax.lines) == 1  # one separator between families a and b
    many = charts.heatmap(comparison_of(articles))
    assert many.axes[0].yaxis.get_tick_params(which="major").get("labelright") is True


def comparison_of(articles: pl.DataFrame) -> pl.DataFrame:
    return compare(articles, n_boot=20)


def test_heatmap_fades_columns_without_a_difference(comparison: pl.DataFrame) -> None:
    fig = charts.heatmap(comparison, columns=["x", "y", "z"], faded=["y"])
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == ["x", "y (n.s.)", "z"]
    assert sum(1 for p in ax.patches if p.get_alpha() == 0.6) == 1
