"""Readability against the reference scores (Flesch 1948 / Kincaid 1975 on
pysbd sentences and CMU syllables) and syllable agreement with CMUdict.

Also prints how the reference counted syllables: its per-text totals are
reproduced exactly by :func:`reference_syllables` (textstat 0.7.13's
tokenisation, shortest CMU pronunciation, pyphen ``len(positions) + 1`` for
unknown tokens), and where biaslens departs from it on purpose (typographic
apostrophes normalised, hyphenated words split; see biaslens.textstats).

Usage: python benchmarks/eval_readability.py [--limit N]
"""
from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

from biaslens.settings import shared_dir
from biaslens.textstats import counts, flesch_kincaid_grade, flesch_reading_ease, readability, syllables


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


def _reference_tokens(text: str, *, apostrophes: bool = False, hyphens: bool = False) -> list[str]:
    """textstat 0.7.13's syllable tokens (punctuation but contraction
    apostrophes removed, so ``’`` and ``-`` vanish inside words), optionally
    with biaslens's two fixes applied first."""
    import re

    from textstat.backend.transformations import remove_punctuation

    if apostrophes:
        text = text.replace("’", "'")
    if hyphens:
        text = re.sub(r"[-‐‑‒–—―/]+", " ", text)
    return remove_punctuation(text, rm_apostrophe=False).lower().split()


def reference_syllables(text: str, *, apostrophes: bool = False, hyphens: bool = False) -> int:
    """The reference's syllable total: textstat tokens, shortest CMU
    pronunciation, else pyphen (numbers included)."""
    from biaslens._cmudict import shortest_pron_syllables
    from biaslens.textstats import _pyphen

    cmu = shortest_pron_syllables()
    total = 0
    for w in _reference_tokens(text, apostrophes=apostrophes, hyphens=hyphens):
        n = cmu.get(w)
        total += n if n is not None else len(_pyphen().positions(w)) + 1
    return total


def diagnostics(pairs: list[tuple[str, dict]]) -> dict[str, float]:
    """Where biaslens's counts differ from the reference's, and why."""
    key = "syllables_cmu_first_pron_pyphen_fallback"
    n = len(pairs) or 1
    rep = sum(reference_syllables(t) == r[key] for t, r in pairs)
    apo = sum(reference_syllables(t, apostrophes=True) - r[key] for t, r in pairs)
    hyp = sum(reference_syllables(t, hyphens=True) - r[key] for t, r in pairs)
    ok_k = ok_f = sent_eq = syl_eq = words_eq = 0
    syl_diff = 0
    for text, ref in pairs:
        c = counts(text)
        words_eq += c.words == ref["words_textstat"]
        sent_eq += c.sentences == ref["sentences_pysbd"]
        syl_eq += c.syllables == ref[key]
        syl_diff += c.syllables - ref[key]
        # biaslens syllables on the reference's own sentence count
        w, s, y = c.words, ref["sentences_pysbd"], c.syllables
        ok_k += abs(flesch_kincaid_grade(w, s, y) - ref["FKGL_ref"]) <= 0.5
        ok_f += abs(flesch_reading_ease(w, s, y) - ref["FRE_ref"]) <= 2
    return {
        "reference_syllables_reproduced": rep / n,
        "apostrophe_fix_syllables_per_text": apo / n,
        "hyphen_fix_syllables_per_text": hyp / n,
        "words_equal": words_eq / n,
        "sentences_equal_pysbd": sent_eq / n,
        "syllables_equal": syl_eq / n,
        "syllables_diff_per_text": syl_diff / n,
        "fkgl_within_0.5_on_pysbd_sentences": ok_k / n,
        "fre_within_2_on_pysbd_sentences": ok_f / n,
    }


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
    d = diagnostics(pairs)
    print("reference procedure (textstat tokens + shortest CMU pron. + pyphen fallback) "
          f"reproduces its syllable totals on: {d['reference_syllables_reproduced']:.4f}")
    print(f"biaslens vs reference counts: words equal {d['words_equal']:.4f}, sentences equal (pysbd) "
          f"{d['sentences_equal_pysbd']:.4f}, syllables equal {d['syllables_equal']:.4f} "
          f"(mean diff {d['syllables_diff_per_text']:+.3f}/text)")
    print(f"  syllables added per text by normalising ’ (not in reference): {d['apostrophe_fix_syllables_per_text']:+.3f}; "
          f"by splitting hyphenated words (not in reference): {d['hyphen_fix_syllables_per_text']:+.3f}")
    print(f"  biaslens syllables on pysbd sentence counts: FKGL within ±0.5: "
          f"{d['fkgl_within_0.5_on_pysbd_sentences']:.4f}  FRE within ±2: {d['fre_within_2_on_pysbd_sentences']:.4f}")


if __name__ == "__main__":
    main()
