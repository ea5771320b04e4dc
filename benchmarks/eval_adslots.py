"""Ad-slot counting on real news HTML against independent ad-markup counts.

Data (read from ``shared_dir()``, never copied): ``data/html/aeb/html/*.html.gz``
(181 pages of the article-extraction benchmark) and ``data/html/aeb_manifest.jsonl``
with per-page raw ad-markup marker counts (GPT, AdSense, Prebid, Amazon,
Taboola, Outbrain, data-ad-* attributes) and EasyList element-hiding matches,
computed by the data's curators with other tools.

Prints, for ``biaslens.adslots.count_ad_slots``: agreement on "page has ad
markup" with the manifest's markers, Spearman rank correlation with the marker
total and with EasyList hide matches, and the speed.

Usage: ``python benchmarks/eval_adslots.py``
"""
from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

from scipy.stats import spearmanr

from biaslens.adslots import count_ad_slots
from biaslens.settings import shared_dir

MARKERS = ("marker_gpt", "marker_adsense", "marker_prebid", "marker_amazon", "marker_taboola", "marker_outbrain", "marker_data_ad_attr")


def spearman(a: list[float], b: list[float]) -> float:
    """Spearman's rho (average ranks for ties), via scipy."""
    return float(spearmanr(a, b).statistic)


def load(shared: Path) -> list[tuple[dict, str]]:
    folder = shared / "data" / "html"
    rows = [json.loads(line) for line in (folder / "aeb_manifest.jsonl").open(encoding="utf-8")]
    out = []
    for row in rows:
        path = folder / "aeb" / "html" / f"{row['id']}.html.gz"
        if path.is_file():
            out.append((row, gzip.decompress(path.read_bytes()).decode("utf-8", "replace")))
    return out


def main() -> int:
    shared = shared_dir()
    if not (shared / "data" / "html" / "aeb_manifest.jsonl").is_file():
        print(f"shared data not found at {shared} (set BIASLENS_SHARED)", file=sys.stderr)
        return 1
    pages = load(shared)
    t0 = time.perf_counter()
    ours = [count_ad_slots(html) for _, html in pages]
    took = time.perf_counter() - t0
    markers = [sum(row[m] for m in MARKERS) for row, _ in pages]
    hides = [row["easylist_generic_hide_matches"] for row, _ in pages]
    n = len(pages)
    both = sum(1 for a, b in zip(ours, markers) if (a > 0) == (b > 0))
    tp = sum(1 for a, b in zip(ours, markers) if a > 0 and b > 0)
    fp = sum(1 for a, b in zip(ours, markers) if a > 0 and b == 0)
    fn = sum(1 for a, b in zip(ours, markers) if a == 0 and b > 0)
    print(f"pages: {n} (pages with manifest ad markup: {sum(1 for b in markers if b)})")
    print(f"pages with ad slots found: {sum(1 for a in ours if a)}; median slots {sorted(ours)[n // 2]}")
    print(f"presence agreement with manifest markers: {both / n:.3f} (both {tp}, only ours {fp}, only manifest {fn})")
    print(f"Spearman vs manifest marker total: {spearman(ours, markers):.3f}")
    print(f"Spearman vs EasyList generic hide matches: {spearman(ours, hides):.3f}")
    print(f"Spearman manifest markers vs EasyList hides (reference): {spearman(markers, hides):.3f}")
    t0 = time.perf_counter()
    for _, html in pages:
        from lxml import etree

        etree.fromstring(html.encode("utf-8", "replace"), etree.HTMLParser(recover=True))
    base = time.perf_counter() - t0
    print(f"speed: {n / took:,.0f} pages/s ({took / base:.2f}x the time of parsing alone)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
