"""biaslens: measure how news outlets report, and compare outlets.

The flat public API (the CLI and the report layer use the same functions)::

    import biaslens as bl
    df = bl.read("data/demo")                 # polars DataFrame of articles
    res = bl.analyze(df)                      # Analysis: .articles, .attributions, .cues
    table = bl.compare(res.articles, by="outlet")
    fig = bl.plot.ranked(table, "anonymous_share")
    bl.report("data/demo", "reports/demo")

Per-text building blocks: :func:`segment`, :func:`attributions`,
:func:`hedges`, :func:`readability`, :func:`sentence_tone`.

Submodules are imported on first use so that ``import biaslens`` stays quick.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Article",
    "Column",
    "Doc",
    "Metric",
    "Segmentation",
    "Settings",
    "UnknownMetricError",
    "analyze",
    "attributions",
    "available_metrics",
    "compare",
    "explain",
    "get_metric",
    "hedges",
    "metric",
    "plot",
    "read",
    "readability",
    "report",
    "segment",
    "sentence_tone",
]

# name -> (module, attribute); attribute None means the module itself
_LAZY: dict[str, tuple[str, str | None]] = {
    "Analysis": ("biaslens.pipeline", "Analysis"),
    "Article": ("biaslens.model", "Article"),
    "Doc": ("biaslens.model", "Doc"),
    "Segmentation": ("biaslens.model", "Segmentation"),
    "Settings": ("biaslens.settings", "Settings"),
    "Column": ("biaslens.registry", "Column"),
    "Metric": ("biaslens.registry", "Metric"),
    "UnknownMetricError": ("biaslens.registry", "UnknownMetricError"),
    "available_metrics": ("biaslens.registry", "available_metrics"),
    "get_metric": ("biaslens.registry", "get_metric"),
    "metric": ("biaslens.registry", "metric"),
    "segment": ("biaslens.segmentation", "segment"),
    "attributions": ("biaslens.attribution", "attributions"),
    "hedges": ("biaslens.hedging", "hedges"),
    "readability": ("biaslens.textstats", "readability"),
    "sentence_tone": ("biaslens.sentiment", "sentence_tone"),
    "read": ("biaslens.api", "read"),
    "analyze": ("biaslens.api", "analyze"),
    "compare": ("biaslens.api", "compare"),
    "report": ("biaslens.api", "report"),
    "explain": ("biaslens.api", "explain"),
    "plot": ("biaslens.charts", None),
}


def __getattr__(name: str) -> Any:
    try:
        module, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'biaslens' has no attribute {name!r}") from None
    mod = import_module(module)
    value = mod if attr is None else getattr(mod, attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from biaslens import charts as plot
    from biaslens.api import analyze, compare, explain, read, report
    from biaslens.attribution import attributions
    from biaslens.hedging import hedges
    from biaslens.model import Article, Doc, Segmentation
    from biaslens.pipeline import Analysis
    from biaslens.registry import Column, Metric, UnknownMetricError, available_metrics, get_metric, metric
    from biaslens.segmentation import segment
    from biaslens.sentiment import sentence_tone
    from biaslens.settings import Settings
    from biaslens.textstats import readability
