"""Time report building on the demo corpus, BASIL and a 20-outlet slice of Article-Bias-Prediction.

Prints, per corpus: articles, outlets, analysis seconds and report seconds
by step (statistics, charts, evidence pages, rendering), and both as ratios
against a baseline measured in the same run (reading and segmenting only). Run:
    python benchmarks/bench_report.py [--jobs N] [--keep DIR]
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from biaslens.pipeline import analyze, demo_corpus_path
from biaslens.reporting import report
from biaslens.settings import Settings, shared_dir


def abp_slice(src: Path, dest: Path, outlets: int = 20) -> Path:
    """The first ``outlets`` outlets (in file order) of article_bias_prediction.jsonl, all their articles."""
    keep: list[str] = []
    with src.open(encoding="utf-8") as fin, dest.open("w", encoding="utf-8") as fout:
        for line in fin:
            outlet = json.loads(line).get("outlet")
            if outlet not in keep:
                if len(keep) >= outlets:
                    continue
                keep.append(outlet)
            fout.write(line)
    return dest


def run(name: str, path: Path, out: Path, jobs: int | None) -> None:
    # baseline in the same run: analysing with the ad-density metric alone (read + segment)
    t = time.perf_counter()
    analyze([str(path)], settings=Settings(jobs=jobs, metrics=("ad_density",)), long_tables=False)
    base = time.perf_counter() - t
    t0 = time.perf_counter()
    analysis = analyze([str(path)], settings=Settings(jobs=jobs), evidence=True)
    t1 = time.perf_counter()
    steps: dict[str, float] = {}
    report(analysis, out / name, timings=steps)
    ok = analysis.ok
    print(f"{name:<16} articles={analysis.articles.height:>5} ok={ok.height:>5} outlets={ok['outlet'].n_unique():>3} "
          f"analyze={t1 - t0:6.2f}s report={steps['total']:6.2f}s "
          f"(stats {steps['statistics']:.2f}, charts {steps['charts']:.2f}, evidence {steps['evidence']:.2f}, "
          f"render {steps['render']:.2f}) | read+segment baseline {base:.2f}s: "
          f"analysis {(t1 - t0) / base:.1f}x, report {steps['total'] / base:.1f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--keep", type=Path, default=None, help="write the reports here instead of a temp dir")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        run("demo", demo_corpus_path(), out, args.jobs)
        corpora = shared_dir() / "data" / "corpora"
        if not corpora.is_dir():
            print(f"shared corpora not found at {corpora}: skipping BASIL and ABP")
            return
        run("basil", corpora / "basil.jsonl", out, args.jobs)
        run("abp-20-outlets", abp_slice(corpora / "article_bias_prediction.jsonl", Path(tmp) / "abp20.jsonl"), out, args.jobs)


if __name__ == "__main__":
    main()
