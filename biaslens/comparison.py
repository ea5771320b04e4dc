"""Outlet comparison: per-group summaries, bootstrap CIs and difference tests.

The output of :func:`compare` is a tidy long table, one row per
(group, metric), because that is the shape charts and reports consume::

    <by>  metric  n  mean  median  ci_low  ci_high  flag  rank

``flag`` is ``"too few articles"`` when a group has fewer than ``min_n``
values for that metric; such groups keep their numbers but get no ``rank``.

Sources: percentile bootstrap (Efron & Tibshirani, *An Introduction to the
Bootstrap*, 1993, ch. 13); Kruskal & Wallis (1952); Mann & Whitney (1947);
Cliff's delta (Cliff 1993, *Psychological Bulletin* 114:494) with the
magnitude thresholds of Romano et al. (2006); Benjamini & Hochberg (1995).
"""
from __future__ import annotations

import itertools
import warnings
import zlib
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

import numpy as np
import polars as pl

from biaslens.model import ARTICLE_SCHEMA, STATUS_SCHEMA
from biaslens.readers.frame import as_polars
from biaslens.registry import metric_columns

__all__ = [
    "TOO_FEW",
    "UNKNOWN",
    "compare",
    "differences",
    "Differences",
    "time_series",
    "modes",
    "numeric_metric_columns",
    "mode_metric_columns",
    "benjamini_hochberg",
    "cliffs_delta",
    "magnitude",
    "bootstrap_ci",
    "ok_rows",
    "wide",
]

TOO_FEW = "too few articles"
#: Group label of articles with no value in the grouping column.
UNKNOWN = "(unknown)"

# Columns of the article table that are never metrics even when numeric.
_IDENTITY = {*ARTICLE_SCHEMA, *STATUS_SCHEMA, "dateline"}
# Group keys derived from ``published`` when not a column of the table.
_PERIODS = {"day": "%Y-%m-%d", "week": "%G-W%V", "month": "%Y-%m", "quarter": None, "year": "%Y"}


def numeric_metric_columns(frame: pl.DataFrame, columns: Iterable[str] | None = None) -> list[str]:
    """The numeric metric columns of ``frame`` to summarise.

    Registered columns with aggregation ``mean``/``share`` come first in
    registry order; other numeric, non-identity columns follow (a user's own
    columns are compared too); columns declared ``mode``/``none`` are skipped.
    """
    if columns is not None:
        cols = list(columns)
        missing = [c for c in cols if c not in frame.columns]
        if missing:
            raise KeyError(f"columns not in the table: {missing}; available: {frame.columns}")
        return cols
    declared = {c.name: c for c in metric_columns()}
    numeric = [c for c, dt in frame.schema.items() if dt.is_numeric() and c not in _IDENTITY]
    ordered = [n for n, c in declared.items() if n in numeric and c.agg in ("mean", "share")]
    rest = [c for c in numeric if c not in declared]
    return ordered + rest


def mode_metric_columns(frame: pl.DataFrame) -> list[str]:
    """Registered ``mode`` columns present in ``frame`` (summarised by most frequent value)."""
    return [c.name for c in metric_columns() if c.agg == "mode" and c.name in frame.columns]


def _with_group(frame: pl.DataFrame, by: str) -> pl.DataFrame:
    """Add a string column ``by`` (derived from ``published`` for period names)."""
    if by in frame.columns:
        expr = pl.col(by)
        if frame.schema[by] != pl.String:
            expr = expr.cast(pl.String)
    elif by in _PERIODS and "published" in frame.columns:
        pub = pl.col("published")
        if frame.schema["published"] == pl.String:
            pub = pub.str.to_datetime(strict=False)
        if by == "quarter":
            expr = pub.dt.year().cast(pl.String) + pl.lit("-Q") + pub.dt.quarter().cast(pl.String)
        else:
            expr = pub.dt.strftime(_PERIODS[by])
    else:
        raise KeyError(f"cannot group by {by!r}: not a column ({', '.join(frame.columns)}) "
                       f"and not a period ({', '.join(_PERIODS)}) of a 'published' column")
    return frame.with_columns(expr.fill_null(UNKNOWN).alias(by))


def ok_rows(frame: pl.DataFrame) -> pl.DataFrame:
    """The rows an analysis could measure (``status == "ok"``); a plain table is kept whole."""
    return frame.filter(pl.col("status") == "ok") if "status" in frame.columns else frame


def _rng(seed: int, *keys: str) -> np.random.Generator:
    # Seeded per (group, metric) by name, so a group's CI does not change when
    # other groups are added to or removed from the table.
    return np.random.default_rng([seed, *(zlib.crc32(k.encode("utf-8")) for k in keys)])


def _weighted_median(x: np.ndarray, w: np.ndarray) -> float:
    order = np.argsort(x, kind="stable")
    cw = np.cumsum(w[order])
    return float(x[order][np.searchsorted(cw, cw[-1] / 2.0)])


def bootstrap_ci(
    x: np.ndarray,
    w: np.ndarray | None = None,
    *,
    n_boot: int = 1000,
    level: float = 0.95,
    rng: np.random.Generator | None = None,
    chunk: int = 4_000_000,
) -> tuple[float, float]:
    """Percentile bootstrap CI of the (weighted) mean (Efron & Tibshirani 1993, ch. 13).

    Resampling is vectorised: a (replicates × n) index matrix per chunk,
    chunked so memory stays bounded for large groups.
    """
    x = np.asarray(x, dtype=float)
    n = x.size
    if n == 0 or n_boot <= 0:
        return (float("nan"), float("nan"))
    if n == 1:
        return (float(x[0]), float(x[0]))
    rng = rng or np.random.default_rng(0)
    rows = max(1, chunk // n)
    means = np.empty(n_boot)
    for start in range(0, n_boot, rows):
        k = min(rows, n_boot - start)
        idx = rng.integers(0, n, size=(k, n))
        if w is None:
            means[start:start + k] = x[idx].mean(axis=1)
        else:
            ww = np.asarray(w, dtype=float)[idx]
            tot = ww.sum(axis=1)
            with np.errstate(invalid="ignore", divide="ignore"):
                means[start:start + k] = np.where(tot > 0, (x[idx] * ww).sum(axis=1) / tot, np.nan)
    alpha = (1.0 - level) / 2.0
    lo, hi = np.nanquantile(means, [alpha, 1.0 - alpha])
    return (float(lo), float(hi))


def _values(frame: pl.DataFrame, col: str, weight: str | None) -> tuple[np.ndarray, np.ndarray | None]:
    x = frame[col].cast(pl.Float64).to_numpy()
    keep = np.isfinite(x)
    if weight is None:
        return x[keep], None
    w = frame[weight].cast(pl.Float64).fill_null(0.0).to_numpy()
    keep &= np.isfinite(w) & (w > 0)
    return x[keep], w[keep]


_COMPARE_SCHEMA = {
    "metric": pl.String, "n": pl.Int64, "mean": pl.Float64, "median": pl.Float64,
    "ci_low": pl.Float64, "ci_high": pl.Float64, "flag": pl.String, "rank": pl.Int64,
}


def compare(
    metrics: Any,
    by: str = "outlet",
    *,
    columns: Sequence[str] | None = None,
    weight: str | None = None,
    n_boot: int = 1000,
    seed: int = 0,
    min_n: int = 10,
    level: float = 0.95,
) -> pl.DataFrame:
    """Summarise every metric per group of ``by`` as a tidy long table.

    ``metrics``: the article table of an analysis (polars or pandas); only
    ``status == "ok"`` rows count. ``by``: any column, or ``day``/``week``/
    ``month``/``quarter``/``year`` derived from ``published``. ``weight``:
    ``None`` (each article counts once), ``"words"`` (weighted by
    ``body_words``) or any numeric column. ``n`` is the number of articles
    with a value for that metric; groups with ``n < min_n`` are flagged
    :data:`TOO_FEW` and not ranked. ``rank`` 1 = highest mean.
    """
    frame = ok_rows(as_polars(metrics))
    wcol = "body_words" if weight == "words" else weight
    if wcol is not None and wcol not in frame.columns:
        raise KeyError(f"weight column {wcol!r} not in the table")
    cols = numeric_metric_columns(frame, columns)
    frame = _with_group(frame, by)
    rows: list[dict[str, Any]] = []
    if frame.height:
        for (group,), part in frame.sort(by).group_by(by, maintain_order=True):
            for col in cols:
                x, w = _values(part, col, wcol)
                n = int(x.size)
                if n == 0:
                    mean = median = lo = hi = None
                else:
                    if w is None:
                        mean, median = float(x.mean()), float(np.median(x))
                    else:
                        mean, median = float(np.average(x, weights=w)), _weighted_median(x, w)
                    lo, hi = bootstrap_ci(x, w, n_boot=n_boot, level=level, rng=_rng(seed, str(group), col))
                rows.append({by: str(group), "metric": col, "n": n, "mean": mean, "median": median,
                             "ci_low": lo, "ci_high": hi, "flag": TOO_FEW if n < min_n else "", "rank": None})
    out = pl.DataFrame(rows, schema={by: pl.String, **_COMPARE_SCHEMA})
    ranked = (
        pl.when(pl.col("flag") == "")
        .then(pl.col("mean").fill_nan(None).rank(method="min", descending=True).over(
            "metric", pl.col("flag") == ""))
        .otherwise(None)
        .cast(pl.Int64)
    )
    return out.with_columns(rank=ranked)


def wide(comparison: pl.DataFrame, value: str = "mean") -> pl.DataFrame:
    """The long :func:`compare` table pivoted to one row per group, one column per metric."""
    by = comparison.columns[0]
    if comparison.is_empty():
        return pl.DataFrame(schema={by: pl.String})
    order = list(dict.fromkeys(comparison["metric"].to_list()))
    n = comparison.group_by(by, maintain_order=True).agg(pl.col("n").max().alias("n"))
    piv = comparison.pivot(on="metric", index=by, values=value, aggregate_function="first")
    return n.join(piv, on=by, how="left").select([by, "n", *order])


def modes(metrics: Any, by: str = "outlet", *, columns: Sequence[str] | None = None) -> pl.DataFrame:
    """Most frequent value per group for text (``mode``) columns: <by>, metric, value, count, n."""
    frame = _with_group(ok_rows(as_polars(metrics)), by)
    cols = list(columns) if columns is not None else mode_metric_columns(frame)
    parts = []
    for col in cols:
        counts = (frame.filter(pl.col(col).is_not_null() & (pl.col(col).cast(pl.String) != ""))
                  .group_by(by, pl.col(col).cast(pl.String).alias("value")).len("count"))
        top = (counts.sort([by, "count", "value"], descending=[False, True, False])
               .group_by(by, maintain_order=True)
               .agg(pl.col("value").first(), pl.col("count").first(), pl.col("count").sum().alias("n")))
        parts.append(top.with_columns(metric=pl.lit(col)).select(by, "metric", "value", "count", "n"))
    if not parts:
        return pl.DataFrame(schema={by: pl.String, "metric": pl.String, "value": pl.String,
                                    "count": pl.UInt32, "n": pl.UInt32})
    return pl.concat(parts).sort(by, "metric")


def benjamini_hochberg(pvalues: Sequence[float] | np.ndarray) -> np.ndarray:
    """Benjamini–Hochberg (1995) adjusted p-values (step-up, monotone, capped at 1).

    NaN p-values are passed through and do not count towards the number of tests.
    """
    p = np.asarray(pvalues, dtype=float)
    out = np.full(p.shape, np.nan)
    ok = np.isfinite(p)
    m = int(ok.sum())
    if m == 0:
        return out
    q = p[ok]
    order = np.argsort(q)
    scaled = q[order] * m / np.arange(1, m + 1)
    adj = np.minimum.accumulate(scaled[::-1])[::-1]
    res = np.empty(m)
    res[order] = np.minimum(adj, 1.0)
    out[ok] = res
    return out


def cliffs_delta(a: Sequence[float] | np.ndarray, b: Sequence[float] | np.ndarray) -> float:
    """Cliff's delta: P(a > b) − P(a < b) over all pairs (Cliff 1993), via ranks in O(n log n)."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.size == 0 or b.size == 0:
        return float("nan")
    bs = np.sort(b)
    less = np.searchsorted(bs, a, side="left").sum()  # pairs with b < a
    greater = (b.size - np.searchsorted(bs, a, side="right")).sum()  # pairs with b > a
    return float((less - greater) / (a.size * b.size))


def magnitude(delta: float) -> str:
    """Size of a Cliff's delta: negligible/small/medium/large (thresholds of Romano et al. 2006); "" for NaN."""
    d = abs(delta)
    if not np.isfinite(d):
        return ""
    return "negligible" if d < 0.147 else "small" if d < 0.33 else "medium" if d < 0.474 else "large"


@dataclass(frozen=True)
class Differences:
    """Result of :func:`differences`.

    ``overall``: per metric, Kruskal–Wallis across the groups with enough
    articles (metric, groups, h, p, p_adj); ``pairwise``: per metric and pair,
    Mann–Whitney U (two-sided), BH-adjusted p within the metric, Cliff's delta
    of ``a`` vs ``b`` and its magnitude; ``excluded``: groups left out as
    :data:`TOO_FEW` per metric.
    """

    overall: pl.DataFrame
    pairwise: pl.DataFrame
    excluded: pl.DataFrame


def differences(
    metrics: Any,
    by: str = "outlet",
    *,
    columns: Sequence[str] | None = None,
    min_n: int = 10,
) -> Differences:
    """Test whether groups differ on each metric (groups with n < ``min_n`` are excluded).

    Overall p-values are BH-adjusted across metrics; pairwise p-values are
    BH-adjusted across the pairs of the same metric.
    """
    from scipy import stats

    frame = ok_rows(as_polars(metrics))
    cols = numeric_metric_columns(frame, columns)
    frame = _with_group(frame, by)
    parts = frame.partition_by(by, as_dict=True)
    groups = sorted(key for key, in parts)
    overall: list[dict[str, Any]] = []
    pairs: list[dict[str, Any]] = []
    excluded: list[dict[str, Any]] = []
    for col in cols:
        vals: dict[str, np.ndarray] = {}
        for g in groups:
            x = parts[(g,)][col].cast(pl.Float64).to_numpy()
            x = x[np.isfinite(x)]
            if x.size < min_n:
                excluded.append({"metric": col, by: g, "n": int(x.size), "flag": TOO_FEW})
            else:
                vals[g] = x
        names = list(vals)
        h = p = float("nan")
        if len(names) >= 2:
            try:
                with warnings.catch_warnings():  # identical values: scipy warns and returns NaN
                    warnings.simplefilter("ignore", RuntimeWarning)
                    h, p = stats.kruskal(*vals.values())
            except ValueError:  # all values identical: no evidence of a difference
                h, p = 0.0, 1.0
            if not np.isfinite(p):
                h, p = 0.0, 1.0
        overall.append({"metric": col, "groups": len(names), "h": float(h), "p": float(p)})
        first = len(pairs)
        for a, b in itertools.combinations(names, 2):
            xa, xb = vals[a], vals[b]
            res = stats.mannwhitneyu(xa, xb, alternative="two-sided")
            pu = float(res.pvalue) if np.isfinite(res.pvalue) else 1.0
            d = cliffs_delta(xa, xb)
            pairs.append({"metric": col, "a": a, "b": b, "n_a": int(xa.size), "n_b": int(xb.size),
                          "u": float(res.statistic), "p": pu, "p_adj": None,
                          "cliffs_delta": d, "magnitude": magnitude(d)})
        adj = benjamini_hochberg([r["p"] for r in pairs[first:]])
        for r, q in zip(pairs[first:], adj):
            r["p_adj"] = float(q)
    ov = pl.DataFrame(overall, schema={"metric": pl.String, "groups": pl.Int64, "h": pl.Float64, "p": pl.Float64})
    ov = ov.with_columns(p_adj=pl.Series(benjamini_hochberg(ov["p"].to_numpy()) if ov.height else [],
                                         dtype=pl.Float64))
    pw = pl.DataFrame(pairs, schema={"metric": pl.String, "a": pl.String, "b": pl.String, "n_a": pl.Int64,
                                     "n_b": pl.Int64, "u": pl.Float64, "p": pl.Float64, "p_adj": pl.Float64,
                                     "cliffs_delta": pl.Float64, "magnitude": pl.String})
    ex = pl.DataFrame(excluded, schema={"metric": pl.String, by: pl.String, "n": pl.Int64, "flag": pl.String})
    return Differences(ov, pw, ex)


def time_series(
    metrics: Any,
    metric: str,
    by: str | None = "outlet",
    *,
    every: str = "1mo",
) -> pl.DataFrame:
    """Mean of ``metric`` per group and period: <by>, period, n, mean, median.

    ``every`` is a polars duration ("1d", "1w", "1mo", "1q", "1y"); undated
    articles are left out.
    """
    frame = ok_rows(as_polars(metrics))
    if "published" not in frame.columns:
        raise KeyError("time_series needs a 'published' column")
    if metric not in frame.columns:
        raise KeyError(f"metric column {metric!r} not in the table")
    if frame.schema["published"] == pl.String:
        frame = frame.with_columns(pl.col("published").str.to_datetime(strict=False))
    elif frame.schema["published"] == pl.Date:
        frame = frame.with_columns(pl.col("published").cast(pl.Datetime("us")))
    frame = frame.filter(pl.col("published").is_not_null() & pl.col(metric).is_not_null())
    keys = ["period"]
    if by is not None:
        frame = _with_group(frame, by)
        keys = [by, "period"]
    return (
        frame.with_columns(period=pl.col("published").dt.truncate(every))
        .group_by(keys)
        .agg(pl.len().alias("n"), pl.col(metric).cast(pl.Float64).mean().alias("mean"),
             pl.col(metric).cast(pl.Float64).median().alias("median"))
        .sort(keys)
    )
