"""Segmentation of the seed page against its hand annotation (../shared/golden/seed_000.json)."""
from __future__ import annotations

from biaslens.segmentation import count_ad_markers, segment

ALIASES = {"related_link": "related"}


def test_seed_lines_classed_as_annotated(seed_golden: dict, seed_text: str) -> None:
    seg = segment(seed_text)
    want = [(x["text"], ALIASES.get(x["class"], x["class"])) for x in seed_golden["lines"]]
    got = [(line.text.strip(), line.cls) for line in seg.lines]
    assert len(got) == len(want) == 23
    for (wt, wc), (gt, gc) in zip(want, got):
        assert gt == wt.strip()
        assert gc == wc, f"{gt!r}: expected {wc}, got {gc}"


def test_seed_counts_and_dateline(seed_golden: dict, seed_text: str) -> None:
    seg = segment(seed_text)
    counts = seed_golden["counts"]
    assert count_ad_markers(seg) == counts["ad_markers"] == 5
    assert seg.count("chrome") == counts["chrome_lines"]
    assert seg.count("related") == counts["related_links"]
    assert seg.count("body") == counts["body_paragraphs"]
    assert seg.dateline == seed_golden["dateline"] == "MOSCOW"


def test_seed_body_starts_after_dateline(seed_golden: dict, seed_text: str) -> None:
    seg = segment(seed_text)
    body_lines = [x["text"] for x in seed_golden["lines"] if x["class"] == "body"]
    first = body_lines[0].split(":", 1)[1].strip()
    assert seg.body.startswith(first)
    assert seg.body.split("\n\n")[1:] == body_lines[1:]
    assert "Advertis" not in seg.body
