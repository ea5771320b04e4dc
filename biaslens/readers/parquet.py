"""Parquet tables: one article per row, streamed in record batches.

``pyarrow.parquet.ParquetFile.iter_batches`` decodes one row group at a time
and only the columns the article fields need, so a file far larger than
memory is never loaded whole. Pre-buffering and reader threads are off: they
read row groups ahead, which raises peak memory (by tens of MB on a 200 MB
corpus) for no gain here, where building Articles is the slow part.
``source_line`` is the 1-based row number.
"""
from __future__ import annotations

from typing import Iterator

from biaslens.model import Article
from biaslens.readers._common import FIELD_CANDIDATES, MissingColumnsError, ReadContext, Source

__all__ = ["read_parquet"]

BATCH_ROWS = 512


def read_parquet(source: Source, ctx: ReadContext) -> Iterator[Article]:
    """Yield one Article per row of a parquet file."""
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(source.path, pre_buffer=False, buffer_size=1 << 20)
        names = tuple(pf.schema_arrow.names)
        cols = ctx.resolver.resolve(names)
    except MissingColumnsError as e:
        yield ctx.error(source, str(e))
        return
    except Exception as e:  # not a parquet file, truncated footer, ...
        yield ctx.error(source, f"cannot read parquet: {type(e).__name__}: {e}")
        return
    wanted = sorted({c for fld in FIELD_CANDIDATES for c in cols.get(fld, ())}, key=names.index)
    row = 0
    try:
        for batch in pf.iter_batches(batch_size=BATCH_ROWS, columns=wanted, use_threads=False):
            for record in batch.to_pylist():
                row += 1
                yield ctx.from_record(source, record, names, row)
    except Exception as e:  # corrupt page mid-file: report where, keep the rows read so far
        yield ctx.error(source, f"cannot read parquet after row {row}: {type(e).__name__}: {e}", row + 1)
