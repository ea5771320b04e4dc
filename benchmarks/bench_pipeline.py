"""End-to-end analysis speed and memory: read -> segment -> all metrics.

Runs the whole pipeline on the first N articles of AllSides'
article_bias_prediction.jsonl (from BIASLENS_SHARED) with one and with all
worker processes, and prints articles/s, the time ratio against reading alone
(the baseline, measured in the same run) and peak memory growth.

    python benchmarks/bench_pipeline.py [--n 1000] [--jobs 2]
"""
from __future__ import annotations

import argparse
import itertools
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from biaslens.pipeline import analyze
from biaslens.readers import read_articles
from biaslens.settings import Settings, shared_dir


def _peak_rss_mb() -> float:
    """Peak resident memory of this process and its finished children (MB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    src = shared_dir() / "data" / "corpora" / "article_bias_prediction.jsonl"
    if not src.is_file():
        print(f"corpus not found at {src}: set BIASLENS_SHARED", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sample.jsonl"
        with src.open(encoding="utf-8") as fin, path.open("w", encoding="utf-8") as fout:
            fout.writelines(itertools.islice(fin, args.n))
        base_rss = _peak_rss_mb()
        t = time.perf_counter()
        n_read = sum(1 for _ in read_articles([path]))
        t_read = time.perf_counter() - t
        print(f"articles: {n_read} ({path.stat().st_size / 1e6:.1f} MB of JSONL)")
        print(f"baseline: reading alone {n_read / t_read:,.0f} articles/s")
        for jobs in sorted({1, args.jobs}):
            t = time.perf_counter()
            res = analyze([path], settings=Settings(jobs=jobs), long_tables=False)
            dt = time.perf_counter() - t
            s = res.summary()
            print(f"jobs={jobs}: {s['articles'] / dt:,.1f} articles/s ({dt:.1f} s; {dt / t_read:.0f}x the time of reading), "
                  f"{s['ok']} ok, {s['errors']} errors; peak RSS {_peak_rss_mb():.0f} MB (start {base_rss:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
