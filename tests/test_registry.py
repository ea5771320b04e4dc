from __future__ import annotations

import polars as pl
import pytest

from biaslens import registry
from biaslens.registry import Column, UnknownMetricError, get_metric, metric, resolve_metrics


@pytest.fixture
def scratch_registry(monkeypatch: pytest.MonkeyPatch) -> dict:
    """A registry holding the built-ins, restored after the test."""
    registry.available_metrics()
    saved = dict(registry._REGISTRY)
    yield registry._REGISTRY
    registry._REGISTRY.clear()
    registry._REGISTRY.update(saved)


def test_builtins_are_registered_with_declared_columns() -> None:
    names = [m.name for m in registry.available_metrics()]
    assert "ad_density" in names
    for m in registry.available_metrics():
        assert m.columns, m.name
        assert m.description, m.name
        for c in m.columns:
            assert c.description, (m.name, c.name)


def test_column_names_are_unique_across_metrics() -> None:
    cols = [c.name for c in registry.metric_columns()]
    assert len(cols) == len(set(cols))


def test_unknown_metric_lists_valid_names() -> None:
    with pytest.raises(UnknownMetricError) as err:
        get_metric("ad_densty")
    msg = str(err.value)
    assert "Unknown metric 'ad_densty'" in msg
    for m in registry.available_metrics():
        assert m.name in msg
    assert "Did you mean: ad_density" in msg


def test_get_metric_by_column_name_finds_its_metric() -> None:
    assert get_metric("ad_markers").name == "ad_density"


def test_resolve_keeps_registry_order_and_dedupes() -> None:
    all_names = [m.name for m in registry.available_metrics()]
    got = [m.name for m in resolve_metrics(list(reversed(all_names)) + all_names[:1])]
    assert got == all_names


def test_user_metric_registers_like_a_builtin(scratch_registry: dict) -> None:
    @metric("exclaim", columns=[Column("exclamations", pl.Int64, "exclamation marks in the body")], description="'!' count")
    def exclaim(doc):  # noqa: ANN001
        return {"exclamations": doc.body.count("!")}

    m = get_metric("exclaim")
    assert [c.name for c in m.columns] == ["exclamations"]
    assert registry.output_schema([m]) == {"exclamations": pl.Int64()}


def test_duplicate_column_is_refused(scratch_registry: dict) -> None:
    with pytest.raises(ValueError, match="already declared"):
        metric("other", columns=[Column("ad_markers", pl.Int64, "dup")], description="x")(lambda d: {})


def test_undeclared_output_is_an_error(scratch_registry: dict) -> None:
    metric("leaky", columns=[Column("leak_a", pl.Int64, "a")], description="x")(lambda d: {"leak_a": 1, "leak_b": 2})
    with pytest.raises(ValueError, match="undeclared"):
        get_metric("leaky")(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("agg", ["mean", "share", "mode", "none"])
def test_valid_aggregations(agg: str) -> None:
    assert Column("x", pl.Float64, "x", agg=agg).agg == agg


def test_invalid_aggregation_lists_choices() -> None:
    with pytest.raises(ValueError, match="mean, share, mode, none"):
        Column("x", pl.Float64, "x", agg="avg")
