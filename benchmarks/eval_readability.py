"""Readability against the reference scores (Flesch 1948 / Kincaid 1975 on
pysbd sentences and CMU syllables) and syllable agreement with CMUdict.

Usage: python benchmarks/eval_readability.py [--limit N]
"""
from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

from biaslens.settings import shared_dir
from biaslens.textstats import readability, syllables


def load(shared: Path, limit: int | None = None) -> list[tuple[str, dict]]:
    folder = shared / "data" / "readability"
    with gzip.open(folder / "news_texts_1000.jsonl.gz", "rt", encoding="utf-8") as f:
        texts = {r["id"]: r["text"] for r in map(json.loads, f)}
    refs = [json.loads(line) for line in (folder / "reference_scores_first400.jsonl").open(encoding="utf-8")]
    pairs = [(texts[r["id"]], r) for r in refs if r["id"] in texts]
    return pairs[:limit] if limit else pairs


def agreement(pairs: list[tuple[str, dict]], engine: str) -> dict[str, float]:
    ok_k = ok_f = 0
    abs_k = 0.0
    for text, ref in pairs:
        res = readability(text, engine)
        dk = abs(res["flesch_kincaid_grade"] - ref["FKGL_ref"])
        abs_k += dk
        ok_k += dk <= 0.5
        ok_f += abs(res["flesch_reading_ease"] - ref["FRE_ref"]) <= 2
    n = len(pairs) or 1
    return {"fkgl_within_0.5": ok_k / n, "fre_within_2": ok_f / n, "fkgl_mean_abs_err": abs_k / n}


def syllable_agreement(shared: Path) -> dict[str, float]:
    """Token-weighted share of in-dictionary news words whose syllable count
    is one of their CMU pronunciations' counts."""
    agree = total = 0
    for line in (shared / "data" / "readability" / "syllables_news_top5000.tsv").open(encoding="utf-8"):
        word, freq, cmu, *_ = line.rstrip("\n").split("\t")
        if word == "word" or cmu == "OOV":
            continue
        f = int(freq)
        total += f
        agree += f * (syllables(word) in {int(c) for c in cmu.split(",")})
    return {"syllable_agreement_weighted": agree / total if total else 0.0}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    shared = shared_dir()
    pairs = load(shared, args.limit)
    print(f"texts: {len(pairs)}")
    for engine in ("biaslens", "textstat"):
        r = agreement(pairs, engine)
        print(f"{engine:9s} FKGL within ±0.5: {r['fkgl_within_0.5']:.4f}  FRE within ±2: {r['fre_within_2']:.4f}  "
              f"FKGL mean abs err: {r['fkgl_mean_abs_err']:.3f}")
    print(f"syllable agreement (token-weighted, in-CMU words): {syllable_agreement(shared)['syllable_agreement_weighted']:.4f}")


if __name__ == "__main__":
    main()
