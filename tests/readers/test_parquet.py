from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from biaslens.readers import read_articles, read_batches
from biaslens.settings import ColumnMap


def test_parquet_rows_types_and_row_numbers(tmp_path: Path) -> None:
    f = tmp_path / "t.parquet"
    pl.DataFrame(
        {
            "article_id": ["a", None, "a"],
            "content": ["One.", "Two.", ""],
            "publish_date": [datetime(2020, 1, 2, 3, 4), None, datetime(2020, 1, 3)],
            "link": ["https://edition.cnn.com/x", None, None],
            "extra": [1, 2, 3],
        }
    ).write_parquet(f)
    a, b, c = read_articles([f])
    assert (a.id, a.text, a.published, a.outlet, a.source_line) == ("a", "One.", datetime(2020, 1, 2, 3, 4), "cnn.com", 1)
    assert (b.id, b.source_line, b.outlet, b.error) == ("t.parquet:2", 2, tmp_path.name, None)
    assert c.id == "a~2" and c.error and "no text" in c.error and f"{f}:3" in c.error


def test_parquet_streams_in_batches_across_row_groups(tmp_path: Path) -> None:
    f = tmp_path / "t.parquet"
    n = 2_500
    table = pa.table({"text": [f"row {i}" for i in range(n)]})
    pq.write_table(table, f, row_group_size=700)
    batches = list(read_batches([f], batch_size=1000))
    assert [len(b) for b in batches] == [1000, 1000, 500]
    flat = [a for b in batches for a in b]
    assert [a.source_line for a in flat] == list(range(1, n + 1))
    assert flat[-1].text == f"row {n - 1}"


def test_parquet_tz_aware_timestamps_become_naive_utc(tmp_path: Path) -> None:
    f = tmp_path / "t.parquet"
    ts = pa.array([datetime(2021, 5, 1, 12, tzinfo=timezone.utc)], type=pa.timestamp("us", tz="Europe/Berlin"))
    pq.write_table(pa.table({"text": ["x"], "published": ts}), f)
    (a,) = read_articles([f])
    assert a.published == datetime(2021, 5, 1, 12)


def test_parquet_missing_explicit_column(tmp_path: Path) -> None:
    f = tmp_path / "t.parquet"
    pl.DataFrame({"text": ["x", "y"]}).write_parquet(f)
    arts = list(read_articles([f], columns=ColumnMap(date="when")))
    assert len(arts) == 1 and arts[0].error and "'when'" in arts[0].error and "available columns: text" in arts[0].error


@pytest.mark.parametrize("payload", [b"", b"PAR1 not really parquet"])
def test_not_parquet(tmp_path: Path, payload: bytes) -> None:
    f = tmp_path / "t.parquet"
    f.write_bytes(payload)
    (a,) = read_articles([f])
    assert a.error and "cannot read parquet" in a.error
