"""Evaluate biaslens.attributions on PolNeAR (Newell, Margolin & Ruths, LREC 2018).

Implements the protocol of ``shared/data/attrib/README.md`` (see
``attrib_scoring.py``) and prints every figure plus the extractor's speed.

    python benchmarks/eval_attribution.py --split dev
    python benchmarks/eval_attribution.py --split train --errors 40
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from attrib_scoring import format_scores, load_records, predict_with, score  # noqa: E402

from biaslens.attribution import attributions  # noqa: E402
from biaslens.settings import shared_dir  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("train", "dev"), default="dev")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    ap.add_argument("--errors", type=int, default=0, help="print N random errors of each type (fp, fn, src)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    path = shared_dir() / "data" / "attrib" / f"polnear_{args.split}.jsonl"
    if not path.is_file():
        print(f"PolNeAR not found at {path} (set BIASLENS_SHARED)", file=sys.stderr)
        return 2
    records = load_records(path, limit=args.limit)
    texts = [r["text"] for r in records]
    # speed: extraction alone, timed against a baseline pass that only tokenises on whitespace
    t0 = time.perf_counter()
    for t in texts:
        t.split()
    base = time.perf_counter() - t0
    t0 = time.perf_counter()
    for t in texts:
        attributions(t)
    elapsed = time.perf_counter() - t0
    s = score(records, predict_with(attributions), keep_errors=bool(args.errors))
    words = sum(len(t.split()) for t in texts)
    print(f"PolNeAR {args.split}: {len(records)} articles, {words} words")
    print(format_scores(s))
    print(f"speed: {len(texts) / elapsed:.0f} articles/s ({words / elapsed / 1000:.0f}k words/s; "
          f"{elapsed / max(base, 1e-9):.0f}x a whitespace split)")
    if args.errors:
        rnd = random.Random(args.seed)
        for typ in ("fp", "fn", "src"):
            errs = [e for e in s["errors"] if e["type"] == typ]
            print(f"\n=== {typ}: {len(errs)}")
            for e in rnd.sample(errs, min(args.errors, len(errs))):
                print("  ", {k: v for k, v in e.items() if k != "type"})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
