"""In-memory tables (polars or pandas DataFrames) as article streams.

Used by the notebook API: ``bl.analyze(df)``. Columns are resolved exactly as
for CSV/JSONL/parquet files (explicit :class:`ColumnMap` names first, then the
common names), and a frame made by ``bl.read`` round-trips: its ``error``
column keeps read errors as error articles.
"""
from __future__ import annotations

from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator

import polars as pl

from biaslens.model import Article
from biaslens.readers._common import ReadContext, Source
from biaslens.settings import ColumnMap

__all__ = ["as_polars", "read_frame"]


class _FrameSource(Source):
    """A frame has no folder to fall back on for the outlet."""

    @cached_property
    def folder(self) -> str | None:
        return None


def as_polars(data: Any) -> pl.DataFrame:
    """``data`` as a polars DataFrame (pandas frames and pyarrow tables are converted)."""
    if isinstance(data, pl.DataFrame):
        return data
    if isinstance(data, pl.LazyFrame):
        return data.collect()
    module = type(data).__module__
    if module.startswith("pandas"):
        return pl.from_pandas(data)
    if module.startswith("pyarrow"):
        return pl.from_arrow(data)  # type: ignore[return-value]
    raise TypeError(f"expected a polars or pandas DataFrame, got {type(data).__name__}")


def read_frame(data: Any, *, columns: ColumnMap | None = None, outlet: str | None = None, name: str = "dataframe") -> Iterator[Article]:
    """One Article per row of ``data``; ``source_line`` is the 1-based row number."""
    df = as_polars(data)
    ctx = ReadContext(columns=columns or ColumnMap(), outlet=outlet)
    src = _FrameSource(path=Path(name), display=name, rel=name)
    names = tuple(df.columns)
    has_error = "error" in names
    for i, row in enumerate(df.iter_rows(named=True), start=1):
        if has_error and row.get("error"):
            art = Article(
                id=ctx.unique_id(str(row.get("id") or src.record_id(i))),
                outlet=outlet or row.get("outlet"),
                url=row.get("url"),
                source_path=row.get("source_path") or name,
                source_line=row.get("source_line") if row.get("source_path") else i,
                error=str(row["error"]),
            )
            yield art
            continue
        art = ctx.from_record(src, row, names, i)
        # a frame from bl.read keeps where each article came from
        if row.get("source_path"):
            art.source_path = row["source_path"]
            art.source_line = row.get("source_line")
        if isinstance(row.get("published"), datetime):
            art.published = row["published"]
        yield art
