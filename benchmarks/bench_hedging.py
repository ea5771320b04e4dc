"""Speed of :func:`biaslens.hedging.hedges` on real article bodies.

Loads the first ``--n`` articles (default 1,000) of
``shared/data/corpora/article_bias_prediction.jsonl``, segments each and
times hedge detection on the story body, called as :class:`biaslens.model.Doc`
calls it (quote spans given, sentences split inside), and as the bare
detector (quote spans and sentences both given). Speeds are printed as
articles/s and sentences/s and as a ratio against
:func:`biaslens.text.split_sentences` alone, timed in the same run, so the
figure is comparable across machines.

``--check FILE`` proves that an optimisation changed no output: the first
run writes a fingerprint of every cue (text, span, kind, group, in_quote,
sentence) to FILE; later runs compare against it and fail on any
difference. Run: ``python benchmarks/bench_hedging.py [--n 1000] [--check FILE]``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any, Callable

from biaslens.attribution import quote_spans
from biaslens.hedging import hedges
from biaslens.segmentation import segment
from biaslens.settings import shared_dir
from biaslens.text import split_sentences


def load_bodies(path: Path, n: int) -> list[str]:
    bodies: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if len(bodies) >= n:
                break
            if not line.strip():
                continue
            rec = json.loads(line)
            body = segment(rec.get("text") or "", title=rec.get("title")).body
            if body:
                bodies.append(body)
    return bodies


def best_of(fn: Callable[[], Any], repeat: int) -> float:
    """Smallest wall time of ``repeat`` runs (least disturbed by other load)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def fingerprint(bodies: list[str], quotes: list[list[tuple[int, int]]]) -> list[list[list[Any]]]:
    return [
        [[c.text, list(c.span), c.kind, c.group, c.in_quote, c.sentence] for c in hedges(b, quote_spans=q)]
        for b, q in zip(bodies, quotes)
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="articles to load")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs; the best is reported")
    ap.add_argument("--check", type=Path, help="fingerprint file: written if absent, else compared")
    args = ap.parse_args(argv)

    path = shared_dir() / "data" / "corpora" / "article_bias_prediction.jsonl"
    if not path.is_file():
        print(f"corpus not found at {path} (set BIASLENS_SHARED)", file=sys.stderr)
        return 1
    bodies = load_bodies(path, args.n)
    quotes = [list(quote_spans(b)) for b in bodies]
    sents = [split_sentences(b) for b in bodies]
    n_sent = sum(len(s) for s in sents)
    hedges("warm up the lexicons and compiled patterns: it may rain")

    t_split = best_of(lambda: [split_sentences(b) for b in bodies], args.repeat)
    t_doc = best_of(lambda: [hedges(b, quote_spans=q) for b, q in zip(bodies, quotes)], args.repeat)
    t_core = best_of(lambda: [hedges(b, quote_spans=q, sentences=s) for b, q, s in zip(bodies, quotes, sents)],
                     args.repeat)

    print(f"{len(bodies)} article bodies, {n_sent} sentences, {sum(map(len, bodies)):,} characters")
    print(f"  split_sentences alone (baseline): {len(bodies) / t_split:,.0f} articles/s, "
          f"{n_sent / t_split:,.0f} sentences/s")
    for name, t in (("hedges as Doc calls it (quotes given)", t_doc),
                    ("hedges, quotes and sentences given", t_core)):
        print(f"  {name}: {len(bodies) / t:,.0f} articles/s, {n_sent / t:,.0f} sentences/s, "
              f"{1000 * t / len(bodies):.2f} ms/article, {t / t_split:.1f}x the time of split_sentences")

    if args.check:
        fp = fingerprint(bodies, quotes)
        blob = json.dumps(fp, ensure_ascii=False, separators=(",", ":"))
        digest = hashlib.sha256(blob.encode("utf-8")).hexdigest()
        n_cues = sum(len(a) for a in fp)
        if not args.check.exists():
            args.check.write_text(blob, encoding="utf-8")
            print(f"fingerprint written: {n_cues} cues, sha256 {digest[:16]} -> {args.check}")
        else:
            ref = json.loads(args.check.read_text(encoding="utf-8"))
            if ref == fp:
                print(f"fingerprint identical: {n_cues} cues, sha256 {digest[:16]}")
            else:
                bad = [i for i, (a, b) in enumerate(zip(ref, fp)) if a != b]
                if len(ref) != len(fp):
                    print(f"fingerprint DIFFERS: {len(ref)} articles stored, {len(fp)} now")
                print(f"fingerprint DIFFERS on {len(bad)} articles, first: {bad[:10]}")
                return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
