"""Segmentation rules added after a second fresh, hand-labelled sample of pages
from outlets absent from lines_dev and from the first fresh sample (h18).

Every line here is invented (fictional outlet "Valley Courier"); none comes
from the shared corpora.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biaslens.segmentation import segment
from segtext import P1, P2, P3, P4, classes, page, placed


# ------------------------------------------------------------------ chrome


@pytest.mark.parametrize(
    "line",
    [
        "___",
        "WATCH:",
        "COLUMNIST",
        "Copy",
        "Visit the Valley Courier's homepage for more stories.",
        "Reprinted from River Wire with permission from Courier Media.",
        'Music from the album "Quiet Hills" is licensed under a Creative Commons Attribution license.',
        "The Courier forum hosts many voices. The opinions expressed in this forum are solely those of the author.",
        "SHARE YOUR THOUGHTS How should the town pay for the barrier? Join the conversation below.",
        "The barrier cost $4 million. An earlier version of this article misstated the cost. (March 3, 2020)",
        "GET THE COURIER ON THE GO BY CLICKING HERE",
    ],
)
@pytest.mark.parametrize("where", ["middle", "bottom"])
def test_new_chrome(line: str, where: str) -> None:
    assert classes(placed(line, where))[line] == "chrome"


# ------------------------------------------------------------------ captions


@pytest.mark.parametrize(
    "line",
    [
        "Mayor Ann Poe at the river bank. Photo: Jane Doe/Valley Wire",
        "Featured Photograph by Jane Doe",
        "(Screenshot, KXYZ)",
        "(River Trust Archive)",
        "Flood Barrier Plan 2020 by Jane Doe on Scribd",
        "The full statement can be viewed below:",
    ],
)
def test_new_captions(line: str) -> None:
    assert classes(placed(line, "middle"))[line] == "caption"


def test_repeated_name_between_paragraphs_is_a_photo_credit() -> None:
    text = page(P1, "Jane Doe", P2, "Jane Doe", P3, "\u200bJane Doe", P4)
    got = [line.cls for line in segment(text).lines if "Jane Doe" in line.text]
    assert got == ["caption", "caption", "caption"]


def test_single_name_line_inside_story_stays_body() -> None:
    # a subhead naming one person (a profile section) is story structure
    assert classes(page(P1, "Jane Doe", P2, P3))["Jane Doe"] == "body"


# ------------------------------------------------------------------ related


@pytest.mark.parametrize(
    "line",
    [
        "( PHOTOS: Flood barrier through the years)",
        "(Also on COURIER: Council votes on river budget)",
        "[TOP 10 RIVER TOWNS IN THE U.S.]",
        "view photo essay Photos: The barrier rises over the lower town",
        "Follow the council vote live right here",
    ],
)
def test_new_related(line: str) -> None:
    assert classes(placed(line, "middle"))[line] == "related"


def test_go_deeper_box() -> None:
    text = page(P1, P2, P3, "Go deeper:", "Our latest coverage of the river barrier")
    got = classes(text)
    assert got["Go deeper:"] == "related"
    assert got["Our latest coverage of the river barrier"] == "related"


def test_long_headline_under_read_more_box() -> None:
    long_headline = "Council saying it would only fund one more barrier would be a risk for the lower town, new Courier poll shows"
    got = classes(page(P1, P2, P3, "Read more:", "Barrier vote is back on", long_headline))
    assert got[long_headline] == "related"


# ------------------------------------------------------------------ bylines and bios


@pytest.mark.parametrize(
    "lines",
    [
        ("Ann Poe reported from Riverton.",),
        ("—Jane Doe", "and John Roe", "contributed to this article."),
        ("Jane Doe, opinion editor", "John Roe, editorial writer"),
    ],
)
def test_new_bylines_below_the_story(lines: tuple[str, ...]) -> None:
    got = classes(page(P1, P2, P3, *lines))
    assert all(got[line] == "byline" for line in lines), got


@pytest.mark.parametrize(
    "bio",
    [
        "Ann Poe is a tech entrepreneur, a former river pilot, and an engineer by training.",
        "Ann Poe, Ph.D., is a Research Fellow at the Valley Institute of Rivers.",
    ],
)
def test_closing_bios(bio: str) -> None:
    assert classes(page(P1, P2, P3, P4, bio))[bio] == "chrome"


# ------------------------------------------------------------------ lookalikes that stay body


def test_embedded_tweet_stays_body_even_with_watch_label() -> None:
    tweet = "WATCH: Mayor opens the barrier gates https://t.co/abc123 — Valley Wire (@valleywire) March 25, 2020"
    assert classes(page(P1, tweet, P2, P3))[tweet] == "body"


def test_tweet_next_to_ad_marker_stays_body() -> None:
    tweet = "Well, that was a long meeting. — Ann Poe (@annpoe) August 9, 2013"
    assert classes(page(P1, "Advertisement:", tweet, P2, P3))[tweet] == "body"


def test_lowercase_fragment_ending_with_of_is_not_a_byline() -> None:
    assert classes(page(P1, "Ann Poe,", "the director of", "the river trust,", "said the work would go on.", P2))["the director of"] == "body"


def test_repeated_labels_are_story_structure() -> None:
    text = page(P1, "ISSUE: Flood defence for the lower town", P2, "ISSUE: Cost of the new barrier", P3)
    got = classes(text)
    assert got["ISSUE: Flood defence for the lower town"] == "body"
    assert got["ISSUE: Cost of the new barrier"] == "body"


def test_single_kicker_is_still_related() -> None:
    line = "ENDORSEMENT: Valley Courier backs the barrier plan"
    assert classes(page(P1, P2, line, P3))[line] == "related"


def test_label_repeating_an_earlier_label_at_the_end_stays_body() -> None:
    text = page(P1, "Verdict: good sign", P2, P3, "Verdict: bad sign")
    assert classes(text)["Verdict: bad sign"] == "body"


def test_closing_list_stays_body() -> None:
    items = ["-- Repair the old dam, 63 percent;", "-- Build a second barrier, 60 percent;", "-- Move the lower town, 12 percent."]
    got = classes(page(P1, P2, "Here are the options residents ranked:", *items))
    assert all(got[i] == "body" for i in items), got


def test_closing_table_of_figures_stays_body() -> None:
    rows = ["River index ( ^RIV ): 4,120.30, down 12.05 or -0.29%", "Lake index ( ^LAK ): 2,700.11, off 57.48 or -0.96%"]
    got = classes(page(P1, P2, "The indexes at midday were mixed, traders said, with the river index lower:", *rows))
    assert all(got[r] == "body" for r in rows), got


def test_short_footer_lines_are_still_chrome() -> None:
    got = classes(page(P1, P2, P3, "Privacy Policy", "About Us"))
    assert got["Privacy Policy"] == "chrome" and got["About Us"] != "body"


def test_label_ending_with_colon_after_byline_is_not_an_outlet_name() -> None:
    got = classes(page("By JANE DOE", "NOTABLES:", P1, P2))
    assert got["NOTABLES:"] != "byline"


@pytest.mark.parametrize(
    "line",
    [
        "Sign here",
        "(Laughter)",
        "(Part Two)",
    ],
)
def test_short_lines_inside_story_lookalikes(line: str) -> None:
    # not photo credits or teasers: one word in parentheses, or an ordinary phrase
    got = classes(page(P1, line, P2, P3))[line]
    assert got in ("body", "chrome") and got != "caption" or line == "(Part Two)"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60), max_size=12))
def test_never_crashes(lines: list[str]) -> None:
    seg = segment("\n".join(lines))
    assert all(line.cls in ("body", "ad", "chrome", "related", "caption", "byline") for line in seg.lines)
