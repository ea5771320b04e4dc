"""Registry of metrics: pure functions over a :class:`~biaslens.model.Doc`.

A metric is registered by name with the columns it outputs (name, polars
type, description, default aggregation). Built-in metrics use the same
decorator a user's plugin would::

    from biaslens.registry import Column, metric

    @metric("exclamations", columns=[Column("exclamations", pl.Int64, "'!' in the body", agg="mean")],
            description="Exclamation marks in the story.")
    def exclamations(doc):
        return {"exclamations": doc.body.count("!")}

Metrics never do I/O and must not mutate the Doc.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping, Sequence

import polars as pl

from biaslens.model import Doc

__all__ = [
    "AGGREGATIONS",
    "Column",
    "Metric",
    "UnknownMetricError",
    "metric",
    "get_metric",
    "available_metrics",
    "resolve_metrics",
    "metric_columns",
    "output_schema",
]

#: How a column is summarised per outlet: ``mean`` (numeric, with CI),
#: ``share`` (a 0..1 rate, averaged), ``mode`` (most frequent value, for text)
#: and ``none`` (not aggregated, e.g. identifiers).
AGGREGATIONS = ("mean", "share", "mode", "none")

MetricFunc = Callable[[Doc], Mapping[str, Any]]


@dataclass(frozen=True, slots=True)
class Column:
    """One output column of a metric."""

    name: str
    dtype: pl.DataType | type[pl.DataType]
    description: str
    agg: str = "mean"
    #: for the report: is a higher value "more" of what the metric measures
    #: (e.g. more ads); purely descriptive, never used to rank outlets morally.
    unit: str = ""

    def __post_init__(self) -> None:
        if self.agg not in AGGREGATIONS:
            raise ValueError(f"column {self.name!r}: unknown aggregation {self.agg!r}; valid: {', '.join(AGGREGATIONS)}")
        if not isinstance(self.dtype, pl.DataType):  # pl.Int64 -> pl.Int64(): one form everywhere
            object.__setattr__(self, "dtype", self.dtype())


@dataclass(frozen=True, slots=True)
class Metric:
    """A registered metric: name, function and declared output columns.

    ``source`` cites the formula or lexicon; ``limits`` states known limits.
    Both feed the methodology section of reports.
    """

    name: str
    func: MetricFunc
    columns: tuple[Column, ...]
    description: str
    source: str = ""
    limits: str = ""
    needs_html: bool = False

    def __call__(self, doc: Doc) -> dict[str, Any]:
        out = dict(self.func(doc))
        unknown = set(out) - {c.name for c in self.columns}
        if unknown:
            raise ValueError(f"metric {self.name!r} returned undeclared columns: {sorted(unknown)}")
        return {c.name: out.get(c.name) for c in self.columns}


class UnknownMetricError(KeyError):
    """Raised for a metric name that is not registered; lists the valid names."""

    def __init__(self, name: str, valid: Sequence[str]) -> None:
        close = difflib.get_close_matches(name, valid, n=3)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        self.name = name
        self.valid = list(valid)
        super().__init__(f"Unknown metric {name!r}.{hint} Valid metrics: {', '.join(valid)}")

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0])


_REGISTRY: dict[str, Metric] = {}
_BUILTINS_LOADED = False


def metric(
    name: str,
    *,
    columns: Iterable[Column],
    description: str,
    source: str = "",
    limits: str = "",
    needs_html: bool = False,
    replace: bool = False,
) -> Callable[[MetricFunc], MetricFunc]:
    """Register ``func`` as metric ``name`` with its output ``columns``."""

    cols = tuple(columns)

    def decorator(func: MetricFunc) -> MetricFunc:
        if name in _REGISTRY and not replace and _REGISTRY[name].func is not func:
            raise ValueError(f"metric {name!r} is already registered; pass replace=True to override it")
        taken = {c.name: m.name for m in _REGISTRY.values() if m.name != name for c in m.columns}
        for c in cols:
            if c.name in taken:
                raise ValueError(f"column {c.name!r} of metric {name!r} is already declared by metric {taken[c.name]!r}")
        _REGISTRY[name] = Metric(name, func, cols, description, source, limits, needs_html)
        return func

    return decorator


def _load_builtins() -> None:
    global _BUILTINS_LOADED
    if not _BUILTINS_LOADED:
        _BUILTINS_LOADED = True
        import biaslens.metrics  # noqa: F401  (registers the built-in metrics)


def available_metrics() -> list[Metric]:
    """All registered metrics, in registration order."""
    _load_builtins()
    return list(_REGISTRY.values())


def get_metric(name: str) -> Metric:
    """The metric registered as ``name`` (a column name finds its metric too)."""
    _load_builtins()
    if name in _REGISTRY:
        return _REGISTRY[name]
    for m in _REGISTRY.values():
        if any(c.name == name for c in m.columns):
            return m
    raise UnknownMetricError(name, list(_REGISTRY))


def resolve_metrics(names: Iterable[str] | None = None) -> list[Metric]:
    """Metrics for ``names`` (``None``: all), deduplicated, registry order kept."""
    if names is None:
        return available_metrics()
    wanted = {get_metric(n).name for n in names}
    return [m for m in available_metrics() if m.name in wanted]


def metric_columns(metrics: Iterable[Metric] | None = None) -> list[Column]:
    """The declared output columns of ``metrics`` (default: all)."""
    return [c for m in (available_metrics() if metrics is None else metrics) for c in m.columns]


def output_schema(metrics: Iterable[Metric] | None = None) -> dict[str, pl.DataType]:
    """Polars schema of the metric columns."""
    return {c.name: c.dtype for c in metric_columns(metrics)}  # type: ignore[misc]
