"""Segmentation rules added after checking the segmenter on a fresh, hand-
labelled sample of pages from outlets absent from lines_dev (h15).

Every line here is invented (fictional outlet "Valley Courier"); none comes
from the shared corpora. Also covers ``eval_segmentation.py --labels``.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from biaslens.segmentation import segment

ROOT = Path(__file__).resolve().parent.parent

from segtext import P1, P2, P3, P4, classes, page  # noqa: E402


# ------------------------------------------------------------------ chrome


@pytest.mark.parametrize(
    "line",
    [
        "Click to share on Twitter (Opens in new window)",
        "Click to email this page to a colleague (Opens in new window)",
        "Listen to the Podcast Audio: Click Here",
        "7 Min read time Share:",
        "This archived article is available only to subscribers for personal use.",
        "[Originally published at valleycourier.example on March 3, 2020]",
        "COURIER PLUS This story originally appeared on Courier Plus.",
        "The opinions expressed by the writer of this piece are not those of the Valley Courier.",
        "Updated at 4:15 p.m.: to include comments from the mayor.",
        "Weekly Newsletter Get the Courier's best stories in your inbox each Friday. Privacy Policy",
        "Support the Courier! Join our new membership program today.",
        "Want more stories like this? The Courier is a nonprofit newsroom. Sign up for our free roundup.",
        "We hope you enjoyed reading this article! Please consider supporting our work.",
        "Like this: Like Loading...",
        "Courier staff writer Ann Poe is on Twitter @annpoe.",
        "For the complete script, visit https://valleycourier.example/script",
        "% of readers think this story is accurate. Vote below.",
    ],
)
def test_new_chrome_lines(line: str) -> None:
    # at the top, between paragraphs or at the bottom: never story
    for text in (page(line, P1, P2, P3), page(P1, P2, line, P3), page(P1, P2, P3, line)):
        assert classes(text)[line] == "chrome", text


@pytest.mark.parametrize(
    "line",
    [
        "Click counts on the council website rose sharply after the vote, officials said.",
        "She was updated at noon on the plans, she said, and was not surprised.",
        "The opinions expressed at the meeting ranged from anger to relief.",
        "Support for the barrier has grown since January, the survey found.",
    ],
)
def test_new_chrome_lookalikes_stay_body(line: str) -> None:
    assert classes(page(P1, line, P2, P3))[line] == "body"


# ------------------------------------------------------------------ captions


@pytest.mark.parametrize(
    "line",
    [
        "Screenshot : Valley TV",
        "Screengrab: Valley TV",
        "Feature Image via Getty Images.",
        "Buy Photo The council meets on the barrier budget. (Photo: Jane Doe/Valley Courier)Buy Photo",
    ],
)
def test_new_captions(line: str) -> None:
    assert classes(page(P1, line, P2, P3))[line] == "caption"


# ------------------------------------------------------------------ related


@pytest.mark.parametrize(
    "line",
    [
        "READ NEXT: Council names new chief engineer for the barrier",
        "[Flood barrier costs double after the new survey]",
        "Related Articles Council approves the barrier budget",
    ],
)
def test_new_related_prefixes(line: str) -> None:
    assert classes(page(P1, line, P2, P3))[line] == "related"


@pytest.mark.parametrize(
    "line",
    [
        "[Originally published at valleycourier.example on March 3, 2020]",  # a note, not a link
        "[The mayor declined to comment.]",  # an editorial insertion ending like a sentence
        "[sic]",
    ],
)
def test_bracketed_lines_that_are_not_headlines(line: str) -> None:
    assert classes(page(P1, line, P2, P3))[line] != "related"


@pytest.mark.parametrize(
    "header",
    ["YOU MIGHT BE INTERESTED IN...", "You may also like…", "Most Recent Articles by Ann Poe:", "Previously, on this story:"],
)
def test_related_box_headers_with_ellipsis_or_author(header: str) -> None:
    got = classes(page(P1, P2, header, "Council names new chief engineer", P3, P4))
    assert got[header] == "related"
    assert got["Council names new chief engineer"] == "related"
    assert got[P3] == "body"


def test_glued_related_label_starts_a_box() -> None:
    got = classes(page(P1, "Related Articles Council approves barrier budget", "Barrier delayed by spring storms", P2, P3))
    assert got["Related Articles Council approves barrier budget"] == "related"
    assert got["Barrier delayed by spring storms"] == "related"
    assert got[P2] == "body"


@pytest.mark.parametrize(
    "line",
    ["ENDORSEMENT: Ann Poe can chart a new course for the council", "POE: Courier faced a tough call on the barrier"],
)
def test_kicker_labelled_headline_between_paragraphs_is_related(line: str) -> None:
    assert classes(page(P1, P2, line, P3, P4))[line] == "related"


@pytest.mark.parametrize(
    "line",
    [
        "UPDATE: The council has now approved the budget.",  # ends like a sentence
        "WHY IT MATTERS:",  # a lead-in subhead
        "NOTE: Costs",  # too short for a headline
    ],
)
def test_kicker_lookalikes_stay_body(line: str) -> None:
    assert classes(page(P1, P2, line, P3, P4))[line] == "body"


# ------------------------------------------------------------------ bios, titles, pull quotes


@pytest.mark.parametrize(
    "bio",
    [
        "Ann Poe is host of \"Valley Talk\" on the Courier Network. She is the author of a book on rivers.",
        "—A. B. Poe, PhD, is Senior Fellow in River Policy at the Valley Institute.",
    ],
)
def test_closing_bios_without_article_or_after_a_dash(bio: str) -> None:
    assert classes(page(P1, P2, P3, P4, bio))[bio] == "chrome"


def test_bio_lookalike_inside_the_story_stays_body() -> None:
    # bios are only looked for on the first two / last three lines
    line = "Ann Poe is host of the weekly council meeting, which drew a large crowd."
    assert classes(page(P1, P2, line, P3, P4, P1 + " Later.", P2 + " Later."))[line] == "body"


def test_title_tail_repeated_on_the_page_is_chrome() -> None:
    title = "Op-ed by the mayor: We must finish the flood barrier this year"
    got = classes(page(P1, "We must finish the flood barrier this year", P2, P3), title=title)
    assert got["We must finish the flood barrier this year"] == "chrome"
    # a short subhead that merely ends the title stays body
    got = classes(page(P1, "This year", P2, P3), title=title)
    assert got["This year"] == "body"


def test_short_headline_shaped_subhead_echoing_a_phrase_stays_body() -> None:
    sub = "A Sense of Shared Purpose Here"
    para = "Residents described a sense of shared purpose here, as volunteers filled sandbags beside the engineers."
    got = classes(page(P1, P2, sub, para, P3))
    assert got[sub] == "body"


# ------------------------------------------------------------------ --labels option


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_segmentation", ROOT / "benchmarks" / "eval_segmentation.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_labels_file_is_scored(tmp_path: Path) -> None:
    text = "\n".join(["Advertisement", P1, "Click to share on Twitter (Opens in new window)", P2])
    rows = [
        {
            "article_id": "x-1",
            "title": "Barrier",
            "labels": [
                {"line": 0, "class": "ad"},
                {"line": 1, "class": "body"},
                {"line": 2, "class": "chrome"},
                {"line": 3, "class": "related_link"},  # deliberately wrong: counts as a miss
            ],
            "text": text,
        }
    ]
    path = tmp_path / "labels.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    bench = _bench()
    loaded = bench.load_labels(path, tmp_path)
    scores = bench.score(loaded, bench.segment_predict())
    assert scores["ad"][:3] == (1.0, 1.0, 1.0)
    assert scores["chrome"][1] == 1.0
    assert scores["related"][3] == 1 and scores["related"][1] == 0.0
    assert scores["non-body"][3] == 3


def test_labels_without_text_are_looked_up_in_the_corpora(tmp_path: Path) -> None:
    corpora = tmp_path / "data" / "corpora"
    corpora.mkdir(parents=True)
    (corpora / "mini.jsonl").write_text(
        json.dumps({"id": "m-1", "outlet": "valleycourier.example", "title": "T", "text": P1 + "\nAdvertisement"}) + "\n",
        encoding="utf-8",
    )
    path = tmp_path / "labels.jsonl"
    path.write_text(json.dumps({"article_id": "m-1", "labels": [{"line": 1, "class": "ad"}]}) + "\n", encoding="utf-8")
    bench = _bench()
    rows = bench.load_labels(path, tmp_path)
    assert rows[0]["outlet"] == "valleycourier.example"
    assert bench.score(rows, bench.segment_predict())["ad"][1] == 1.0
    missing = tmp_path / "missing.jsonl"
    missing.write_text(json.dumps({"article_id": "nope", "labels": []}) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        bench.load_labels(missing, tmp_path)
