"""Articles/s of biaslens readability + sentiment vs a notebook-style loop
(textstat x5 formulas + VADER per sentence), measured in the same run.

Usage: python benchmarks/bench_speed.py [--n 1000]
"""
from __future__ import annotations

import argparse
import json
import time

from biaslens.settings import shared_dir


def load(n: int) -> list[str]:
    texts = []
    with (shared_dir() / "data" / "corpora" / "article_bias_prediction.jsonl").open(encoding="utf-8") as f:
        for line in f:
            t = json.loads(line).get("text") or ""
            if t.strip():
                texts.append(t)
            if len(texts) >= n:
                break
    return texts


def notebook(texts: list[str]) -> float:
    import textstat
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from biaslens._cmudict import ensure_nltk_cmudict

    ensure_nltk_cmudict()
    sia = SentimentIntensityAnalyzer()
    t0 = time.perf_counter()
    for t in texts:
        textstat.flesch_reading_ease(t)
        textstat.flesch_kincaid_grade(t)
        textstat.gunning_fog(t)
        textstat.smog_index(t)
        textstat.dale_chall_readability_score(t)
        for s in t.split(". "):  # the usual notebook "sentence" split
            sia.polarity_scores(s)
    return len(texts) / (time.perf_counter() - t0)


def biaslens_rate(texts: list[str]) -> tuple[float, float, float]:
    from biaslens.sentiment import sentence_tone
    from biaslens.text import split_sentences
    from biaslens.textstats import readability

    sentence_tone("warm up")
    readability("Warm up the caches.")
    t0 = time.perf_counter()
    spans_all = []
    for t in texts:
        spans = split_sentences(t)
        spans_all.append(spans)
        readability(t, sentences=len(spans))
    t1 = time.perf_counter()
    for t, spans in zip(texts, spans_all):
        for s, e in spans:
            sentence_tone(t[s:e])
    t2 = time.perf_counter()
    n = len(texts)
    return n / (t1 - t0), n / (t2 - t1), n / (t2 - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()
    texts = load(args.n)
    base = notebook(texts)
    read, sent, both = biaslens_rate(texts)
    print(f"articles: {len(texts)}")
    print(f"notebook loop (textstat x5 + VADER per sentence): {base:.1f} articles/s")
    print(f"biaslens readability (split + counts): {read:.1f} articles/s")
    print(f"biaslens sentiment (VADER + tone per sentence): {sent:.1f} articles/s")
    print(f"biaslens readability + sentiment: {both:.1f} articles/s  ratio vs notebook: {both / base:.2f}x")


if __name__ == "__main__":
    main()
