"""The notebook API: thin functions over the library, tables in and out.

``import biaslens as bl`` exposes these as ``bl.read``, ``bl.analyze``,
``bl.compare``, ``bl.report`` and ``bl.explain``. They accept polars or pandas
DataFrames as well as paths, and return polars DataFrames, an
:class:`~biaslens.pipeline.Analysis`, figures or paths.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import polars as pl

from biaslens.pipeline import Analysis
from biaslens.settings import ColumnMap, Settings

__all__ = ["read", "analyze", "compare", "report", "explain"]


def read(
    *inputs: str | os.PathLike[str],
    columns: ColumnMap | None = None,
    outlet: str | None = None,
    text_col: str | None = None,
    outlet_col: str | None = None,
) -> pl.DataFrame:
    """Read articles into a polars DataFrame (the article table plus ``error``).

    >>> df = bl.read("data/demo")                       # doctest: +SKIP
    >>> df.group_by("outlet").len()                     # doctest: +SKIP
    """
    from biaslens.readers import read_articles, to_frame

    if not inputs:
        raise TypeError("read() needs at least one path, folder or glob")
    if columns is None:
        columns = ColumnMap(text=text_col, outlet=outlet_col)
    return to_frame(read_articles(list(inputs), columns=columns, outlet=outlet))


def analyze(data: Any, *, settings: Settings | None = None, **options: Any) -> Analysis:
    """Analyse a DataFrame (polars or pandas), Articles, or paths.

    Keyword options are :class:`~biaslens.settings.Settings` fields
    (``metrics=["ads"]``, ``jobs=1``, ``entities=["Putin"]``, ...).
    The result's ``.articles`` has one row per input article.
    """
    from biaslens.pipeline import analyze as run

    if isinstance(data, (list, tuple)) and not data:
        raise ValueError("nothing to analyze: the input is empty")
    return run(data, settings=settings, **options)


def _metrics_frame(data: Any) -> pl.DataFrame:
    if isinstance(data, Analysis):
        return data.articles
    from biaslens.readers.frame import as_polars

    return as_polars(data)


def compare(data: Any, by: str = "outlet", **kwargs: Any) -> pl.DataFrame:
    """Per-group statistics of every metric (see :func:`biaslens.comparison.compare`).

    ``data`` is an :class:`Analysis` or its ``articles`` table (polars or pandas).
    """
    from biaslens.comparison import compare as run

    return run(_metrics_frame(data), by=by, **kwargs)


def report(data: Any = None, out_dir: str | os.PathLike[str] | None = None, **kwargs: Any) -> Path:
    """Write an HTML/Markdown report (see :func:`biaslens.reporting.report`).

    ``data`` is paths, a DataFrame of articles or an :class:`Analysis`; with no
    data, the bundled demo corpus is reported into ``reports/demo``. Keyword
    options that are :class:`Settings` fields (``jobs=1``, ``metrics=[...]``)
    apply to the analysis, as in :func:`analyze`.
    """
    from biaslens.pipeline import SETTINGS_FIELDS, settings_with
    from biaslens.reporting import report as run

    options = {k: kwargs.pop(k) for k in list(kwargs) if k in SETTINGS_FIELDS}
    if options:
        kwargs["settings"] = settings_with(kwargs.get("settings"), options, "report")
    return run(data, out_dir, **kwargs)


def explain(article: Any, **kwargs: Any) -> Any:
    """Evidence for one article: its lines, attributions, cues and metrics
    (see :func:`biaslens.evidence.explain`)."""
    from biaslens.evidence import explain as run

    return run(article, **kwargs)
