"""Accuracy and speed of page segmentation on hand-labelled scraped pages.

Data (read from ``shared_dir()``, never copied): ``golden/lines_dev.jsonl``
(50 articles of ``data/corpora/article_bias_prediction.jsonl``, every
non-empty line labelled) and ``golden/seed_000.json``.

Prints per-class and body / non-body precision, recall and F1 for
``biaslens.segmentation.segment`` without and with the per-outlet boilerplate
pre-pass (a :class:`BoilerplateIndex` over the whole corpus, as the pipeline
would build it), next to a naive length/punctuation rule, then the seed result
and the speed.

``--labels PATH`` scores any labels file in the ``lines_dev.jsonl`` format
instead (one JSON object per line: ``article_id`` and ``labels``, a list of
``{"line": index into text.split("\\n"), "class": ...}``; ``text``, ``title``
and ``outlet`` are optional and, when absent, are looked up by ``article_id``
in the corpora under ``data/corpora/``), so anyone can check the segmenter on
pages they labelled themselves. Such files quote scraped text: keep them out of
the repository.

Usage: ``python benchmarks/eval_segmentation.py [--no-boilerplate] [--labels PATH]``
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from biaslens.model import LINE_CLASSES
from biaslens.segmentation import BoilerplateIndex, segment
from biaslens.settings import shared_dir

#: golden class names that mean one of ours
CLASS_ALIASES = {"related_link": "related"}

Predict = Callable[[dict], dict[int, str]]


def load_dev(shared: Path) -> list[dict]:
    """The labelled articles, each with its corpus record's title and outlet."""
    return load_labels(shared / "golden" / "lines_dev.jsonl", shared)


def load_labels(path: Path, shared: Path) -> list[dict]:
    """Rows of a labels file; ``text``/``title``/``outlet`` missing from a row
    are taken from the corpus record with the same ``article_id``."""
    rows = [json.loads(line) for line in Path(path).open(encoding="utf-8") if line.strip()]
    missing = {r["article_id"] for r in rows if "text" not in r}
    if missing:
        found: dict[str, dict] = {}
        for rec in corpus_records(shared, everything=True):
            if rec.get("id") in missing:
                found[rec["id"]] = rec
        for r in rows:
            rec = found.get(r["article_id"])
            if "text" not in r and rec is None:
                raise SystemExit(f"{path}: article {r['article_id']!r} has no text and is not in the corpora")
            for key in ("text", "title", "outlet"):
                if key not in r and rec is not None:
                    r[key] = rec.get(key)
    return rows


def corpus_records(shared: Path, *, everything: bool = False) -> Iterable[dict]:
    """Records of article_bias_prediction.jsonl (``everything``: of every
    corpus JSONL file under data/corpora/)."""
    corpora = shared / "data" / "corpora"
    paths = sorted(corpora.glob("*.jsonl")) if everything else [corpora / "article_bias_prediction.jsonl"]
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line)


def gold_of(row: dict) -> dict[int, str]:
    return {lab["line"]: CLASS_ALIASES.get(lab["class"], lab["class"]) for lab in row["labels"]}


def length_predict(row: dict) -> dict[int, str]:
    """Baseline: a line is body when it has >= 5 words."""
    return {i: "body" if len(s.split()) >= 5 else "chrome" for i, s in enumerate(row["text"].split("\n")) if s.strip()}


def naive_predict(row: dict) -> dict[int, str]:
    """Baseline: a line is body when it has >= 10 words and ends with . ! ? or a
    closing quote; everything else is chrome."""
    out = {}
    for i, line in enumerate(row["text"].split("\n")):
        s = line.strip()
        if s:
            body = len(s.split()) >= 10 and s[-1] in ".!?\"”’'"
            out[i] = "body" if body else "chrome"
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(rows: list[dict], predict: Predict) -> dict[str, tuple[float, float, float, int]]:
    """P/R/F1 (+ support) per class, for ``body`` and for ``non-body`` (any other class)."""
    conf: Counter[tuple[str, str]] = Counter()
    for row in rows:
        gold = gold_of(row)
        pred = predict(row)
        for i, g in gold.items():
            conf[(g, pred.get(i, "body"))] += 1
    out: dict[str, tuple[float, float, float, int]] = {}
    for c in LINE_CLASSES:
        tp = conf[(c, c)]
        fp = sum(v for (g, p), v in conf.items() if p == c and g != c)
        fn = sum(v for (g, p), v in conf.items() if g == c and p != c)
        out[c] = (*prf(tp, fp, fn), tp + fn)
    tp = sum(v for (g, p), v in conf.items() if g != "body" and p != "body")
    fp = sum(v for (g, p), v in conf.items() if g == "body" and p != "body")
    fn = sum(v for (g, p), v in conf.items() if g != "body" and p == "body")
    out["non-body"] = (*prf(tp, fp, fn), tp + fn)
    return out


def segment_predict(boilerplate: BoilerplateIndex | None = None) -> Predict:
    def predict(row: dict) -> dict[int, str]:
        rep = boilerplate.repeated(row.get("outlet")) if boilerplate is not None else None
        seg = segment(row["text"], title=row.get("title"), boilerplate=rep)
        return {line.index: line.cls for line in seg.lines}

    return predict


def print_scores(name: str, scores: dict[str, tuple[float, float, float, int]]) -> None:
    print(f"\n== {name}")
    print(f"{'class':<10}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}")
    for c, (p, r, f, n) in scores.items():
        print(f"{c:<10}{p:7.3f}{r:7.3f}{f:7.3f}{n:6d}")


def build_boilerplate(shared: Path, *, everything: bool = False) -> BoilerplateIndex:
    index = BoilerplateIndex()
    for rec in corpus_records(shared, everything=everything):
        index.add(rec.get("outlet"), rec.get("text"))
    return index


def eval_seed(shared: Path) -> tuple[int, int, int, str | None]:
    """(lines right, lines, ad markers, dateline) on the seed page."""
    gold = json.loads((shared / "golden" / "seed_000.json").read_text(encoding="utf-8"))
    text = (shared / gold["file"]).read_text(encoding="utf-8")
    seg = segment(text)
    want = [CLASS_ALIASES.get(x["class"], x["class"]) for x in gold["lines"]]
    got = [line.cls for line in seg.lines]
    right = sum(a == b for a, b in zip(want, got)) if len(want) == len(got) else 0
    return right, len(want), seg.count("ad"), seg.dateline


def speed(shared: Path, n: int = 3000) -> tuple[float, float]:
    """(articles/s of segment(), its time as a multiple of naive rule B's on the
    same articles in the same process)."""
    rows = []
    for rec in corpus_records(shared):
        rows.append({"text": rec.get("text") or "", "title": rec.get("title")})
        if len(rows) >= n:
            break
    t0 = time.perf_counter()
    for row in rows:
        naive_predict(row)
    base = time.perf_counter() - t0
    t0 = time.perf_counter()
    for row in rows:
        segment(row["text"], title=row["title"])
    took = time.perf_counter() - t0
    return len(rows) / took, took / max(base, 1e-9)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-boilerplate", action="store_true", help="skip the corpus-wide boilerplate pre-pass")
    ap.add_argument("--labels", type=Path, help="labels file in the lines_dev.jsonl format (default: golden/lines_dev.jsonl)")
    args = ap.parse_args(argv)
    shared = shared_dir()
    if not (shared / "golden" / "lines_dev.jsonl").is_file():
        print(f"shared data not found at {shared} (set BIASLENS_SHARED)", file=sys.stderr)
        return 1
    if args.labels is not None and not args.labels.is_file():
        print(f"labels file not found: {args.labels}", file=sys.stderr)
        return 2
    rows = load_dev(shared) if args.labels is None else load_labels(args.labels, shared)
    name = "lines_dev" if args.labels is None else args.labels.name
    print(f"{name}: {len(rows)} articles, {sum(len(r['labels']) for r in rows)} labelled lines")
    print_scores("naive rule A (>=5 words = body)", score(rows, length_predict))
    print_scores("naive rule B (>=10 words and final punctuation = body)", score(rows, naive_predict))
    print_scores("segment()", score(rows, segment_predict()))
    if not args.no_boilerplate:
        # a labels file may hold pages of any corpus: index them all
        index = build_boilerplate(shared, everything=args.labels is not None)
        print_scores("segment() + per-outlet boilerplate (whole corpus pre-pass)", score(rows, segment_predict(index)))
    right, total, ads, dl = eval_seed(shared)
    print(f"\nseed_000: {right}/{total} lines right, {ads} ad markers, dateline {dl!r}")
    rate, ratio = speed(shared)
    print(f"speed: {rate:,.0f} articles/s on one core ({ratio:.1f}x the time of naive rule B)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
