"""Charts of an outlet comparison, built with matplotlib's object API.

Every function returns a :class:`matplotlib.figure.Figure` and never touches
pyplot's global state, so it is safe in notebooks, servers and threads.
Colours come from the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal
Design") and ColorBrewer's colour-blind-safe diverging ``RdBu`` map; figure
height grows with the number of outlets so 30+ stay legible.
Exposed as ``biaslens.plot``.
"""
from __future__ import annotations

import difflib
import warnings
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np
import polars as pl
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from biaslens.comparison import TOO_FEW, compare, ok_rows, time_series as _series
from biaslens.readers.frame import as_polars
from biaslens.registry import metric_columns

__all__ = [
    "OKABE_ITO",
    "ranked",
    "heatmap",
    "distribution",
    "entity_tone",
    "time_series",
    "save_figure",
    "metric_label",
    "overview",
]

#: Okabe & Ito (2008) colour-blind-safe qualitative palette (black last).
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")
_MAIN = "#0072B2"
_MUTED = "#999999"
_DIVERGING = "RdBu_r"
_LINESTYLES = ("-", "--", ":", "-.")


def metric_label(name: str) -> str:
    """An axis label for a metric column: its name, with the unit its registry declaration gives."""
    unit = next((c.unit for c in metric_columns() if c.name == name), "")
    return f"{name} ({unit})" if unit else name


def _frame(data: Any) -> pl.DataFrame:
    """``data`` as polars; ``None`` is an empty table (every chart then says "no data")."""
    return pl.DataFrame() if data is None else as_polars(data)


def _check_metric(metric: str, present: Sequence[str]) -> None:
    """KeyError for a name that is neither in the table nor a registered metric
    column (a typo), so it is not drawn as an empty chart. A registered column
    absent from this input (e.g. ad slots without HTML) still draws "no data"."""
    if metric in present:
        return
    known = [c.name for c in metric_columns()]
    if metric in known:
        return
    choices = list(dict.fromkeys([*present, *known]))
    close = difflib.get_close_matches(metric, choices, n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise KeyError(f"unknown metric column {metric!r}{hint}")


def _no_data(title: str, label: str = "no data", *, size: tuple[float, float] = (6.0, 2.4)) -> Figure:
    fig = Figure(figsize=size, layout="constrained")
    ax = fig.add_subplot()
    ax.set_title(title, fontsize=9.5)
    ax.text(0.5, 0.5, label, ha="center", va="center", transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])
    return fig


def _height(n: int, per: float = 0.28, base: float = 1.4, minimum: float = 2.6) -> float:
    return max(minimum, base + per * n)


def _group_col(comparison: pl.DataFrame) -> str:
    return comparison.columns[0]


def ranked(comparison: Any, metric: str, *, title: str | None = None) -> Figure:
    """Groups ranked by mean of ``metric`` with bootstrap-CI error bars.

    ``comparison`` is a :func:`biaslens.compare` table (or an article table,
    compared by outlet first). Groups flagged "too few articles" are drawn
    grey and hollow at the bottom, unranked.
    """
    comp = _frame(comparison)
    if comp.is_empty():  # nothing to check a name against, nor to draw
        return _no_data(title or metric)
    if "metric" not in comp.columns:
        _check_metric(metric, comp.columns)
        comp = compare(comp, columns=[metric])
    else:
        _check_metric(metric, comp["metric"].unique().to_list())
    by = _group_col(comp)
    part = comp.filter(pl.col("metric") == metric).filter(pl.col("mean").is_not_null())
    part = part.with_columns(_few=(pl.col("flag") == TOO_FEW)).sort(["_few", "mean"], descending=[True, False])
    n = part.height
    fig = Figure(figsize=(6.0, _height(n, per=0.26, base=1.5, minimum=2.4)), layout="constrained")
    ax = fig.add_subplot()
    ax.set_title(title or f"{metric}\nby {by}: mean, 95% bootstrap CI", fontsize=9.5)
    ax.set_xlabel(metric_label(metric))
    if n == 0:
        ax.text(0.5, 0.5, "no data", ha="center", va="center", transform=ax.transAxes)
        ax.set_yticks([])
        return fig
    y = np.arange(n)
    mean = part["mean"].to_numpy()
    lo = part["ci_low"].fill_null(float("nan")).to_numpy()
    hi = part["ci_high"].fill_null(float("nan")).to_numpy()
    err = np.vstack([np.nan_to_num(mean - lo), np.nan_to_num(hi - mean)]).clip(min=0)
    few = part["_few"].to_numpy()
    labels = [f"{g} (n={k})" for g, k in zip(part[by].to_list(), part["n"].to_list())]
    for mask, colour, face in ((~few, _MAIN, _MAIN), (few, _MUTED, "white")):
        if mask.any():
            ax.errorbar(mean[mask], y[mask], xerr=err[:, mask], fmt="o", color=colour, mfc=face,
                        ecolor=colour, capsize=2, ms=4, lw=1)
    ax.set_yticks(y, labels, fontsize=9 if n <= 20 else 8 if n <= 40 else 6)
    ax.set_ylim(-0.7, n - 0.3)
    ax.grid(axis="x", color="#dddddd", lw=0.6)
    ax.set_axisbelow(True)
    if few.any():
        ax.set_xlabel(f"{metric_label(metric)}\n(grey, hollow: {TOO_FEW}, not ranked)")
    return fig


def heatmap(comparison: Any, *, columns: Sequence[str] | None = None, title: str | None = None,
            annotate: bool | None = None, transpose: bool | None = None,
            families: Mapping[str, str] | None = None, faded: Sequence[str] = ()) -> Figure:
    """Group × metric heatmap of z-scores of the group means (diverging colormap).

    z is computed per metric across groups: (mean − mean of means) ÷ SD of
    means, so it shows where an outlet sits relative to the others, not
    whether it is good or bad. Flagged groups are included but marked "*".
    Groups are rows (labelled left, and right too when there are many),
    metrics are columns labelled on top and bottom. ``transpose`` (default:
    only when there are more than 30 metrics and more metrics than groups)
    swaps them. ``families`` maps a metric to its family; a thin white line
    then separates consecutive families. ``faded`` metrics (e.g. no
    significant difference between outlets) are washed out and labelled "(n.s.)".
    """
    comp = _frame(comparison)
    if comp.is_empty():  # nothing to check names against, nor to draw
        return _no_data(title or "outlet × metric (z-score of means)")
    present = comp["metric"].unique().to_list() if "metric" in comp.columns else comp.columns
    for m in columns or ():
        _check_metric(m, present)
    if "metric" not in comp.columns:
        comp = compare(comp, columns=columns)
    by = _group_col(comp)
    metrics = list(columns) if columns is not None else list(dict.fromkeys(comp["metric"].to_list()))
    groups = list(dict.fromkeys(comp.sort(by)[by].to_list()))
    z = np.full((len(groups), len(metrics)), np.nan)
    flagged = np.zeros((len(groups), len(metrics)), dtype=bool)
    gi = {g: i for i, g in enumerate(groups)}
    mi = {m: j for j, m in enumerate(metrics)}
    for g, m, v, f in comp.filter(pl.col("metric").is_in(metrics)).select(by, "metric", "mean", "flag").iter_rows():
        if v is not None:
            z[gi[g], mi[m]] = v
        flagged[gi[g], mi[m]] = f == TOO_FEW
    # An outlet is starred when it is too small on every metric shown; a single
    # sparse column (e.g. ad slots of HTML-only input) marks just its cells.
    few = {g for g in groups if flagged[gi[g]].all()} if metrics else set()
    if few and len(few) < len(groups):  # outlets too small to rank go to the bottom, as in ranked()
        order = [g for g in groups if g not in few] + [g for g in groups if g in few]
        idx = [gi[g] for g in order]
        z, flagged, groups = z[idx], flagged[idx], order
    # Reference mean/SD per metric from the cells with enough articles, so one
    # tiny outlet's extreme mean does not squash everyone else's colours.
    ref = np.where(flagged, np.nan, z) if (~flagged).any() else z
    with np.errstate(invalid="ignore", divide="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        mu = np.nanmean(ref, axis=0) if z.size else z
        sd = np.nanstd(ref, axis=0) if z.size else z
        z = np.where(sd > 0, (z - mu) / sd, 0.0 * z)
    glabels = [f"{g} *" if g in few else str(g) for g in groups]
    fade = set(faded)
    mlabels = [f"{m} (n.s.)" if m in fade else str(m) for m in metrics]
    # Outlets on rows reads best (one line per outlet, scales to 30+); only a
    # very long metric list with few outlets is turned so the long axis is vertical.
    flip = transpose if transpose is not None else (len(metrics) > 30 and len(metrics) > len(groups))
    grid, rows, cols = (z.T, mlabels, glabels) if flip else (z, glabels, mlabels)
    sparse = flagged.T if flip else flagged
    longest = max((len(str(c)) for c in cols), default=0)
    label_h = min(2.6, 0.3 + 0.055 * longest)  # room for rotated column labels, top and bottom
    fig = Figure(figsize=(max(5.5, 3.2 + 0.42 * len(cols)), _height(len(rows), per=0.3, base=1.6) + 2 * label_h),
                 layout="constrained")
    ax = fig.add_subplot()
    ax.set_title(title or f"{by} × metric (z-score of means)", fontsize=10)
    if not groups or not metrics:
        ax.text(0.5, 0.5, "no data", ha="center", va="center", transform=ax.transAxes)
        return fig
    # The scale stops at |z| = 3: a tiny outlet's extreme mean would otherwise wash
    # out every other cell; annotations still print the true z.
    lim = min(3.0, max(2.0, float(np.nanmax(np.abs(grid))) if np.isfinite(grid).any() else 2.0))
    im = ax.imshow(np.ma.masked_invalid(grid), cmap=_DIVERGING, vmin=-lim, vmax=lim, aspect="auto",
                   interpolation="nearest")
    # Outlets too small to rank are washed out and set apart below a line: their
    # means rest on a handful of articles and should not draw the eye.
    n_few = sum(1 for g in groups if g in few) if len(few) < len(groups) else 0
    if n_few:
        first_few = len(groups) - n_few
        if flip:
            ax.add_patch(Rectangle((first_few - 0.5, -0.5), n_few, len(rows), color="white", alpha=0.55, lw=0))
            ax.axvline(first_few - 0.5, color="black", lw=1.2)
        else:
            ax.add_patch(Rectangle((-0.5, first_few - 0.5), len(cols), n_few, color="white", alpha=0.55, lw=0))
            ax.axhline(first_few - 0.5, color="black", lw=1.2)
    turn = len(cols) > 3
    ax.set_xticks(np.arange(len(cols)), cols, rotation=60 if turn else 0, ha="right" if turn else "center",
                  rotation_mode="anchor" if turn else "default", fontsize=7)
    ax.set_yticks(np.arange(len(rows)), rows, fontsize=8 if len(rows) <= 40 else 6)
    # Column labels on both edges so a tall map needs no scrolling back to read them.
    top = ax.secondary_xaxis("top")
    top.set_xticks(np.arange(len(cols)), cols, rotation=60 if turn else 0, ha="left" if turn else "center",
                   rotation_mode="anchor" if turn else "default", fontsize=7)
    if len(rows) > 25:
        ax.tick_params(axis="y", labelright=True)
    if families:
        fam = [families.get(str(m), "") for m in metrics]
        for k in range(1, len(fam)):
            if fam[k] != fam[k - 1]:
                if flip:
                    ax.axhline(k - 0.5, color="white", lw=2.5)
                else:
                    ax.axvline(k - 0.5, color="white", lw=2.5)
    if annotate is None:
        annotate = grid.size <= 200
    if annotate:
        for i in range(grid.shape[0]):
            for j in range(grid.shape[1]):
                if np.isfinite(grid[i, j]):
                    mark = "*" if sparse[i, j] and not (rows[i] if not flip else cols[j]).endswith(" *") else ""
                    ax.text(j, i, f"{grid[i, j]:.1f}{mark}", ha="center", va="center", fontsize=6,
                            color="white" if abs(grid[i, j]) > lim * 0.6 else "black")
    else:
        for i, j in zip(*np.nonzero(sparse & np.isfinite(grid))):
            if not (rows[i] if not flip else cols[j]).endswith(" *"):  # starred outlets need no per-cell star
                ax.text(j, i, "*", ha="center", va="center", fontsize=6)
    fig.colorbar(im, ax=ax, label="z-score (scale capped at ±3)" if lim >= 3.0 else "z-score", shrink=0.8,
                 extend="both" if lim >= 3.0 else "neither")
    for k, m in enumerate(metrics):
        if m in fade:
            xy, w, h = ((-0.5, k - 0.5), len(cols), 1) if flip else ((k - 0.5, -0.5), 1, len(rows))
            ax.add_patch(Rectangle(xy, w, h, color="white", alpha=0.6, lw=0))
    if (sparse & np.isfinite(grid)).any():
        ax.set_xlabel(f"* {TOO_FEW} (outlet, or cell)", fontsize=7)
    return fig


def distribution(metrics: Any, metric: str, by: str = "outlet", *, kind: str = "box",
                 title: str | None = None, min_n: int = 10) -> Figure:
    """Distribution of ``metric`` per group (``kind``: "box" or "violin"), groups sorted by median.

    Groups with fewer than ``min_n`` values are drawn grey below the others
    (a median of two articles is no distribution).
    """
    if kind not in ("box", "violin"):
        raise ValueError(f"kind must be 'box' or 'violin', not {kind!r}")
    frame = _frame(metrics)
    if frame.height:
        _check_metric(metric, frame.columns)
    frame = ok_rows(frame)
    data: list[tuple[str, np.ndarray]] = []
    if by in frame.columns and metric in frame.columns:
        for (g,), part in frame.group_by(by):
            x = part[metric].cast(pl.Float64).to_numpy()
            x = x[np.isfinite(x)]
            if x.size:
                data.append((str(g), x))
    # matplotlib draws position 1 at the bottom: small groups first, then by median
    data.sort(key=lambda t: (t[1].size >= min_n, float(np.median(t[1])), t[0]))
    small = [x.size < min_n for _, x in data]
    n = len(data)
    fig = Figure(figsize=(7.5, _height(n)), layout="constrained")
    ax = fig.add_subplot()
    ax.set_title(title or f"{metric} by {by} (distribution)", fontsize=10)
    ax.set_xlabel(metric_label(metric))
    if not n:
        ax.text(0.5, 0.5, "no data", ha="center", va="center", transform=ax.transAxes)
        ax.set_yticks([])
        return fig
    values = [x for _, x in data]
    pos = np.arange(1, n + 1)
    if kind == "box":
        parts = ax.boxplot(values, positions=pos, orientation="horizontal", widths=0.6, patch_artist=True,
                           boxprops={"facecolor": "#cfe3f2", "edgecolor": _MAIN},
                           medianprops={"color": OKABE_ITO[5]},
                           flierprops={"markersize": 2, "markeredgecolor": _MUTED})
        for k, box in enumerate(parts["boxes"]):
            if small[k]:
                box.set_facecolor("#eeeeee")
                box.set_edgecolor(_MUTED)
    else:
        parts = ax.violinplot(values, positions=pos, orientation="horizontal", showmedians=True)
        for body in parts["bodies"]:
            body.set_facecolor(OKABE_ITO[1])
            body.set_alpha(0.6)
    ax.set_yticks(pos, [f"{g} (n={x.size})" for g, x in data], fontsize=8 if n <= 40 else 6)
    for lab, is_small in zip(ax.get_yticklabels(), small):
        if is_small:
            lab.set_color(_MUTED)
    if any(small) and not all(small):
        ax.axhline(sum(small) + 0.5, color=_MUTED, lw=0.6, ls=":")
        ax.set_xlabel(f"{metric_label(metric)}\n(grey, below the line: {TOO_FEW})")
    ax.grid(axis="x", color="#dddddd", lw=0.6)
    return fig


def entity_tone(table: Any, *, by: str = "outlet", value: str = "tone_mean", top: int = 12,
                title: str | None = None) -> Figure:
    """Mention-weighted mean tone towards the most mentioned entities, per group (heatmap)."""
    frame = _frame(table)
    fig_rows: list[str] = []
    ents: list[str] = []
    grid = np.zeros((0, 0))
    if frame.height and {"entity", "mentions", value, by} <= set(frame.columns):
        frame = frame.filter(pl.col(value).is_not_null() & (pl.col("mentions") > 0))
        ents = (frame.group_by("entity").agg(pl.col("mentions").sum()).sort(["mentions", "entity"],
                descending=[True, False]).head(top)["entity"].to_list())
        agg = (frame.filter(pl.col("entity").is_in(ents)).group_by(by, "entity")
               .agg(((pl.col(value) * pl.col("mentions")).sum() / pl.col("mentions").sum()).alias("v")))
        fig_rows = sorted(set(agg[by].cast(pl.String).to_list()))
        grid = np.full((len(fig_rows), len(ents)), np.nan)
        ri = {g: i for i, g in enumerate(fig_rows)}
        ci = {e: j for j, e in enumerate(ents)}
        for g, e, v in agg.iter_rows():
            grid[ri[str(g)], ci[e]] = v
    fig = Figure(figsize=(max(5.0, 1.5 + 0.5 * len(ents)), _height(len(fig_rows), per=0.3, base=2.4)),
                 layout="constrained")
    ax = fig.add_subplot()
    ax.set_title(title or f"tone towards entities by {by} ({value}, mention-weighted)", fontsize=10)
    if not fig_rows:
        ax.text(0.5, 0.5, "no entity mentions", ha="center", va="center", transform=ax.transAxes)
        ax.set_xticks([])
        ax.set_yticks([])
        return fig
    lim = max(0.1, float(np.nanmax(np.abs(grid))) if np.isfinite(grid).any() else 1.0)
    im = ax.imshow(np.ma.masked_invalid(grid), cmap=_DIVERGING, vmin=-lim, vmax=lim, aspect="auto",
                   interpolation="nearest")
    ax.set_xticks(np.arange(len(ents)), ents, rotation=60, ha="right", fontsize=7)
    ax.set_yticks(np.arange(len(fig_rows)), fig_rows, fontsize=8 if len(fig_rows) <= 40 else 6)
    fig.colorbar(im, ax=ax, label=value, shrink=0.8)
    return fig


def time_series(metrics: Any, metric: str, by: str = "outlet", *, every: str = "1mo", top: int = 8,
                title: str | None = None) -> Figure:
    """Per-group mean of ``metric`` over time (the ``top`` groups with most articles)."""
    frame = _frame(metrics)
    if frame.height:
        _check_metric(metric, frame.columns)
    fig = Figure(figsize=(8.0, 4.2), layout="constrained")
    ax = fig.add_subplot()
    ax.set_title(title or f"{metric} over time by {by} (mean per {every})", fontsize=10)
    ax.set_ylabel(metric_label(metric))
    series = pl.DataFrame()
    if "published" in frame.columns and metric in frame.columns:
        series = _series(frame, metric, by, every=every)
    if series.is_empty():
        ax.text(0.5, 0.5, "no dated articles", ha="center", va="center", transform=ax.transAxes)
        return fig
    biggest = (series.group_by(by).agg(pl.col("n").sum()).sort(["n", by], descending=[True, False])
               .head(top)[by].to_list())
    for k, g in enumerate(sorted(biggest)):
        part = series.filter(pl.col(by) == g)
        ax.plot(part["period"].to_list(), part["mean"].to_list(), marker="o", ms=3, lw=1.2,
                color=OKABE_ITO[k % len(OKABE_ITO)], ls=_LINESTYLES[(k // len(OKABE_ITO)) % len(_LINESTYLES)],
                label=str(g))
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    ax.grid(color="#dddddd", lw=0.6)
    fig.autofmt_xdate()
    return fig


def save_figure(fig: Figure, path_stem: str | Path, *, dpi: int = 150, formats: Sequence[str] = ("png", "svg")
                ) -> list[Path]:
    """Write ``fig`` as ``<path_stem>.png`` (≥150 dpi) and ``.svg``; returns the paths."""
    stem = Path(path_stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    out = []
    for fmt in formats:
        path = stem.with_name(f"{stem.name}.{fmt}")
        fig.savefig(path, format=fmt, dpi=max(150, dpi), metadata={"Date": None} if fmt == "svg" else None)
        out.append(path)
    return out


def overview(comparison: Any, *, columns: Sequence[str] | None = None) -> list[tuple[str, Figure]]:
    """The standard set of (name, figure) for a comparison: heatmap + one ranked chart per metric."""
    comp = as_polars(comparison)
    metrics = list(columns) if columns is not None else list(dict.fromkeys(comp["metric"].to_list()))
    figs = [("heatmap", heatmap(comp, columns=metrics))]
    figs += [(f"ranked_{m}", ranked(comp, m)) for m in metrics]
    return figs

