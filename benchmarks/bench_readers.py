"""Reader throughput and memory: is a big corpus streamed, not loaded whole?

Generates a synthetic corpus (~200 MB by default) as JSONL, CSV and parquet in
a temporary folder (in a child process, so it does not count here), then
for each format reads it twice in this process:

* baseline: the bare parse (``json.loads`` per line / ``csv.reader`` rows /
  pyarrow batches to Python rows) with no Article building;
* biaslens: ``read_batches(..., batch_size=200)`` consumed and dropped.

Prints rows/s for both, their time ratio, and peak RSS growth (``ru_maxrss``,
a process-wide peak) after each step, including the growth during the second
half of each biaslens read: a streaming reader levels off (near 0 MB there),
a reader that loaded the file whole would grow by about the file size.

Usage: python benchmarks/bench_readers.py [--mb 200] [--keep DIR]
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from biaslens.readers import read_batches

# invented vocabulary: the benchmark must not depend on any real corpus
WORDS = (
    "council harbour minister report said officials would could announced week city plan budget "
    "police residents according statement spokesperson analysts expected new public vote court "
    "market river school hospital election company workers strike agreement talks funding"
).split()
OUTLETS = ["wire.example", "farm.example", "tabloid.example", "analysis.example"]


def _record(rng: random.Random, i: int, words: int) -> dict:
    paras = []
    left = words
    while left > 0:
        n = min(left, rng.randint(30, 90))
        paras.append(" ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + ".")
        left -= n
    return {
        "id": f"syn-{i}",
        "outlet": OUTLETS[i % len(OUTLETS)],
        "url": f"https://www.{OUTLETS[i % len(OUTLETS)]}/story/{i}",
        "published": f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00Z",
        "title": f"Story {i}",
        "text": "\n\n".join(paras),
    }


def generate(folder: Path, target_mb: float, seed: int = 0) -> dict[str, Path]:
    rng = random.Random(seed)
    jl, cs, pqf = folder / "corpus.jsonl", folder / "corpus.csv", folder / "corpus.parquet"
    target = int(target_mb * 1_000_000)
    fields = ["id", "outlet", "url", "published", "title", "text"]
    chunk: list[dict] = []
    writer: pq.ParquetWriter | None = None
    i = 0
    with open(jl, "w", encoding="utf-8") as fj, open(cs, "w", encoding="utf-8", newline="") as fc:
        w = csv.writer(fc)
        w.writerow(fields)
        while fj.tell() < target:
            rec = _record(rng, i, rng.randint(300, 900))
            fj.write(json.dumps(rec) + "\n")
            w.writerow([rec[k] for k in fields])
            chunk.append(rec)
            if len(chunk) == 2000:
                table = pa.Table.from_pylist(chunk)
                writer = writer or pq.ParquetWriter(pqf, table.schema)
                writer.write_table(table, row_group_size=2000)
                chunk = []
            i += 1
        if chunk:
            table = pa.Table.from_pylist(chunk)
            writer = writer or pq.ParquetWriter(pqf, table.schema)
            writer.write_table(table)
    if writer is not None:
        writer.close()
    return {"jsonl": jl, "csv": cs, "parquet": pqf}


def baseline(kind: str, path: Path) -> int:
    n = 0
    if kind == "jsonl":
        with open(path, "rb") as fh:
            for line in fh:
                json.loads(line)
                n += 1
    elif kind == "csv":
        csv.field_size_limit(2**31 - 1)
        with open(path, encoding="utf-8", newline="") as fh:
            r = csv.reader(fh)
            next(r)
            for _ in r:
                n += 1
    else:
        pf = pq.ParquetFile(path, pre_buffer=False, buffer_size=1 << 20)
        for batch in pf.iter_batches(batch_size=512, use_threads=False):
            n += len(batch.to_pylist())
    return n


def biaslens_read(path: Path, expected: int) -> tuple[int, int, float]:
    """Rows, error rows, and the peak RSS (MB) when half the rows were read."""
    n = errors = 0
    half_rss = 0.0
    for batch in read_batches([path], batch_size=200):
        n += len(batch)
        errors += sum(a.error is not None for a in batch)
        if not half_rss and n >= expected // 2:
            half_rss = _maxrss_mb()
    return n, errors, half_rss


def count_records(jsonl: Path) -> int:
    """Records in the corpus (the same in all three files): lines of the JSONL."""
    with open(jsonl, "rb") as fh:
        return sum(1 for _ in fh)


def _maxrss_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=200.0, help="approximate JSONL size in MB")
    ap.add_argument("--keep", type=Path, default=None, help="write the corpus here and keep it")
    ap.add_argument("--generate-only", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.generate_only:
        generate(args.generate_only, args.mb)
        return

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        # generated in a child process so its memory does not set this process's peak RSS
        subprocess.run([sys.executable, __file__, "--mb", str(args.mb), "--generate-only", str(folder)], check=True)
        files = {k: folder / f"corpus.{k}" for k in ("jsonl", "csv", "parquet")}
        print(f"generated in {time.perf_counter() - t0:.1f}s: "
              + ", ".join(f"{k} {p.stat().st_size / 1e6:.1f} MB" for k, p in files.items()))
        rss_gen = _maxrss_mb()
        # warm lazy imports and the suffix list so they do not count as growth
        import biaslens.readers.delimited, biaslens.readers.jsonl, biaslens.readers.parquet  # noqa: F401, E401
        from biaslens.readers import outlet_from_url

        outlet_from_url("https://www.example.com/")
        rss0 = _maxrss_mb()
        print(f"peak RSS after generation and imports: {rss0:.1f} MB (imports +{rss0 - rss_gen:.1f} MB)")
        n_records = count_records(files["jsonl"])
        for kind, path in files.items():
            # biaslens first, so its RSS growth is its own (pyarrow's allocator
            # keeps freed pages, which would otherwise be charged to whoever runs first)
            rss_a = _maxrss_mb()
            t = time.perf_counter()
            nr, errs, rss_half = biaslens_read(path, n_records)
            tr = time.perf_counter() - t
            rss_end = _maxrss_mb()
            t = time.perf_counter()
            nb = baseline(kind, path)
            tb = time.perf_counter() - t
            rss_b = _maxrss_mb()
            assert nr == nb, (kind, nr, nb)
            print(
                f"{kind:8s} rows={nr} errors={errs} baseline={nb / tb:,.0f} rows/s "
                f"biaslens={nr / tr:,.0f} rows/s ({path.stat().st_size / 1e6 / tr:.1f} MB/s) "
                f"time ratio biaslens/baseline={tr / tb:.2f} "
                f"| peak RSS growth: biaslens read +{rss_end - rss_a:.1f} MB "
                f"(second half +{rss_end - rss_half:.1f} MB), then baseline +{rss_b - rss_end:.1f} MB"
            )
        # pyarrow's allocator keeps a high-water mark of freed pages; reading
        # the parquet file again shows that mark is not growing with rows read
        rss_p = _maxrss_mb()
        biaslens_read(files["parquet"], n_records)
        print(f"parquet  second full biaslens read: peak RSS +{_maxrss_mb() - rss_p:.1f} MB")
        rss1 = _maxrss_mb()
        largest = max(p.stat().st_size for p in files.values()) / 1e6
        print(f"peak RSS growth over all reads: {rss1 - rss0:.1f} MB (largest file {largest:.1f} MB; "
              f"growth/file size = {(rss1 - rss0) / largest:.3f})")


if __name__ == "__main__":
    main()
