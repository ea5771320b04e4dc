"""Page segmentation: line classes, body, dateline, boilerplate."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biaslens.model import LINE_CLASSES
from biaslens.segmentation import BoilerplateIndex, count_ad_markers, find_dateline, normalize_line, segment

from segtext import P1, P2, P3, P4, classes, page  # noqa: E402


@pytest.mark.parametrize(
    "marker",
    [
        "- Advertisment -",
        "- Advertisement -",
        "ADVERTISEMENT",
        "Advertisement",
        "Advertisement:",
        "advertisement",
        "— ADVERTISEMENT —",
        "Advertisements",
        "Story continues below advertisement",
        "Story continues below",
        "Advertisement Continue reading the main story",
        "Story Continued Below",
        "Continue Reading Below",
        "Sponsored",
        "Sponsored Content",
        "Paid content",
        "Paid Post",
        "AD",
        "Ad Feedback",
    ],
)
def test_ad_marker_variants_between_paragraphs(marker: str) -> None:
    seg = segment(page(P1, marker, P2, P3))
    got = {line.text: line.cls for line in seg.lines}
    assert got[marker] == "ad"
    assert count_ad_markers(seg) == 1
    assert marker not in seg.body


@pytest.mark.parametrize(
    "text",
    ["Advertising standards in the region are strict, the regulator said in a report on Friday.",
     "Sponsored by two senators from each party, the bill would fund the barrier for a decade."],
)
def test_prose_mentioning_ads_stays_body(text: str) -> None:
    assert classes(page(P1, text, P2))[text] == "body"


@pytest.mark.parametrize(
    "text",
    [
        "“Hacking the barrier controls violates our terms of service,” the operator said in a statement on Monday.",
        "Most residents back the barrier, according to a Reuters/Ipsos poll.",
        "The chairman of the Joint Chiefs of Staff visited the barrier site on Tuesday with the governor.",
        "Ms Doe is also suing the river authority over the delays to the barrier project.",
        "Appointing Mr. Roe is the sort of thing a council might do to look busy before the spring rains.",
        "ALSO ON THE AGENDA: the council will vote on the harbour budget before the end of the month.",
        "Read: how the barrier was planned. The council first proposed the project in 2009, after the worst flood in a"
        " century swept through the lower town and destroyed more than two hundred homes along the river banks.",
    ],
)
def test_lookalikes_at_the_edges_stay_body(text: str) -> None:
    assert classes(page(P1, P2, P3, text))[text] == "body"


@pytest.mark.parametrize(
    "first,place,rest",
    [
        ("MOSCOW: " + P1, "MOSCOW", P1),
        ("WASHINGTON (Reuters) - " + P1, "WASHINGTON", P1),
        ("LONDON, March 3 (Reuters) — " + P1, "LONDON", P1),
        ("NEW YORK — " + P1, "NEW YORK", P1),
        ("NEW DELHI: " + P1, "NEW DELHI", P1),
        ("ST. LOUIS (AP) — " + P1, "ST. LOUIS", P1),
        ("SAN JUAN, Puerto Rico (AP) — " + P1, "SAN JUAN, Puerto Rico", P1),
        ("Washington (CNN) — " + P1, "Washington", P1),
        ("BEIRUT -- " + P1, "BEIRUT", P1),
    ],
)
def test_dateline_moved_out_of_body(first: str, place: str, rest: str) -> None:
    seg = segment(page(first, P2))
    assert seg.dateline == place
    assert seg.body.startswith(rest)
    assert seg.body == rest + "\n\n" + P2
    p0 = seg.paragraphs[0]
    assert first[p0.line_offset:].startswith(rest)


@pytest.mark.parametrize(
    "first",
    [
        "UPDATE: " + P1,
        "WHAT THE MAYOR WILL SAY: " + P1,
        "BREAKING: " + P1,
        "EXCLUSIVE - " + P1,
        "The council met on Monday: " + P1,
    ],
)
def test_kickers_are_not_datelines(first: str) -> None:
    seg = segment(page(first, P2))
    assert seg.dateline is None
    assert seg.body.startswith(first)


def test_find_dateline_returns_prefix_length() -> None:
    assert find_dateline("KYIV, Ukraine (AP) — Text.") == ("KYIV, Ukraine", len("KYIV, Ukraine (AP) — "))
    assert find_dateline("no dateline here") is None


@pytest.mark.parametrize(
    "caption",
    [
        "Image copyright Getty Images Image caption The barrier under construction in March",
        "Enlarge this image toggle caption Jane Doe/AP Jane Doe/AP",
        "Workers pour concrete at the barrier site on Monday. (Photo: Jane Doe/Valley Courier)",
        "Workers pour concrete at the barrier site on Monday. (Jane Doe/Getty Images)",
        "(Reuters photo: Jane Doe)",
        "Photo : Shutterstock",
        "FILE PHOTO: Workers pour concrete at the barrier site in the lower town",
        "FILE - In this March 3, 2020, file photo, workers pour concrete at the barrier site.",
        "In this March 3, 2020 photo, workers pour concrete at the barrier site in the lower town.",
        "Workers pour concrete at the barrier site. REUTERS/Jane Doe",
        "Photographer: Jane Doe/Bloomberg",
        "Jane Doe/AP Photo",
        "Getty Images",
        "Slideshow (3 Images)",
        "CREDIT: Regional Council",
    ],
)
def test_captions(caption: str) -> None:
    assert classes(page(P1, caption, P2, P3))[caption] == "caption"


@pytest.mark.parametrize(
    "byline,position",
    [
        ("By Jane Doe", "top"),
        ("By JANE DOE and JOHN ROE", "top"),
        ("By Jane Doe, Europe correspondent", "middle"),
        ("Jane Doe", "top"),
        ("7 years ago", "top"),
        ("Updated 10:32 AM ET, Thu March 3, 2016", "top"),
        ("March 3, 2016", "top"),
        ("The Associated Press contributed to this report.", "bottom"),
        ("Jane Doe in Rivertown contributed reporting.", "bottom"),
        ("Contributing: Jane Doe, John Roe", "bottom"),
        ("— With assistance by Jane Doe and John Roe", "bottom"),
        ("Reporting by Jane Doe; Editing by John Roe", "bottom"),
        ("Jane Doe, Valley Courier", "bottom"),
        ("Jane Doe, John Roe and Ann Poe contributed. Updated 10:45 a.m.", "bottom"),
        ("Written, shot, and produced by Jane Doe; narrated by John Roe.", "bottom"),
    ],
)
def test_bylines(byline: str, position: str) -> None:
    lines = {"top": (byline, P1, P2), "middle": (P1, byline, P2), "bottom": (P1, P2, byline)}[position]
    assert classes(page(*lines))[byline] == "byline"


@pytest.mark.parametrize(
    "s",
    [
        "By this point, the engineers had already moved the heavy cranes to the northern bank.",
        "By Monday, the senators had agreed",
        "He said the money contributed.",
    ],
)
def test_byline_lookalikes_are_body(s: str) -> None:
    assert classes(page(P1, s, P2, P3))[s] == "body"


@pytest.mark.parametrize(
    "chrome",
    [
        "Most Popular",
        "Share this article",
        "SHARE THIS ARTICLE Share Tweet Post Email",
        "Follow us on Twitter",
        "Sign up for our daily newsletter to get the top stories delivered to your inbox.",
        "Get our free weekly newsletter",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "Copyright © 2019 Valley Courier, LLC. All rights reserved.",
        "© 2020 Valley Courier",
        "CLICK HERE TO GET THE VALLEY COURIER APP",
        "This article has been updated.",
        "Editor's note: this report was updated through the evening.",
        "The views expressed in this column are the writer's alone.",
        "Contact us at letters@example.com.",
        "___",
        "* * *",
        "https://example.com/embed/123",
        "This is a rush transcript; wording may still change.",
    ],
)
def test_chrome(chrome: str) -> None:
    assert classes(page(P1, P2, P3, chrome))[chrome] == "chrome"


@pytest.mark.parametrize(
    "line",
    [
        "Read more: River authority names new chief engineer",
        "RELATED: Flood barrier costs double",
        "READ MORE: Flood barrier costs double",
        "Related Coverage Council approves barrier budget",
        "See also: A timeline of the flood barrier",
        "Flood barrier costs double after new survey Read more",
        "Want more from the Courier? Check this out: The barrier in pictures",
        "Click here for the full list of barrier contractors",
    ],
)
def test_related_prefixes(line: str) -> None:
    assert classes(page(P1, line, P2, P3))[line] == "related"


def test_related_box_header_and_headlines() -> None:
    text = page(P1, P2, "Read more:", "Who pays for the flood barrier?", "Flood barrier: a timeline", P3, P4)
    got = classes(text)
    assert got["Read more:"] == "related"
    assert got["Who pays for the flood barrier?"] == "related"
    assert got["Flood barrier: a timeline"] == "related"
    assert got[P3] == "body"


def test_headline_next_to_ad_is_related_but_subhead_is_body() -> None:
    head = "Neighbouring town opens its own flood defences after long delay"
    sub = "Funding the work"
    got = classes(page(P1, "- Advertisement -", head, P2, sub, P3, P4))
    assert got[head] == "related"
    assert got[sub] == "body"


def test_long_all_caps_headline_inside_story_is_related() -> None:
    caps = "NEIGHBOURING TOWN OPENS ITS OWN FLOOD DEFENCES AFTER DELAY"
    got = classes(page(P1, caps, P2, P3))
    assert got[caps] == "related"
    short_caps = "COSTS RISE"
    assert classes(page(P1, short_caps, P2, P3))[short_caps] == "body"


def test_pull_quote_repeating_the_story_is_chrome() -> None:
    quote = "“We waited more than a decade for this barrier to be built”"
    para = "“We waited more than a decade for this barrier to be built,” said Ann Poe, who runs a bakery near the river."
    got = classes(page(P1, quote, P2, para, P3))
    assert got[quote] == "chrome"
    assert got[para] == "body"
    # a plain sentence repeated verbatim (a scraper duplicate) stays body
    assert {line.cls for line in segment(page(P1, P2, P2 + " More text follows here.")).lines} == {"body"}


@pytest.mark.parametrize(
    "line,cls",
    [
        ("Read the full statement:", "caption"),
        ("READ MORE: Below is a list of the other measures the council approved on Monday.", "body"),
    ],
)
def test_lead_ins(line: str, cls: str) -> None:
    assert classes(page(P1, P2, line, P3))[line] == cls


def test_title_repetition_is_chrome() -> None:
    title = "Flood barrier to be finished before spring"
    got = classes(page(title + " - Valley Courier", title, P1, P2), title=title)
    assert got[title] == "chrome"
    assert got[title + " - Valley Courier"] == "chrome"
    assert got[P1] == "body"


def test_headline_above_story_and_footer_below() -> None:
    got = classes(page("Home » News » Region", "Flood Barrier To Be Finished Before Spring", P1, P2, P3, "Tags", "Rivers"))
    assert got["Home » News » Region"] == "chrome"
    assert got["Flood Barrier To Be Finished Before Spring"] == "chrome"
    assert got["Tags"] == "chrome"
    assert got["Rivers"] == "chrome"


def test_standfirst_sentence_above_story_is_body() -> None:
    dek = "The long-delayed project is finally nearing completion"
    assert classes(page(dek, P1, P2))[dek] == "body"


def test_lines_before_dateline_paragraph_are_chrome() -> None:
    got = classes(page("Valley Courier latest news.", "MOSCOW: " + P1, P2))
    assert got["Valley Courier latest news."] == "chrome"


def test_author_bio_at_the_end_is_chrome() -> None:
    bio = "Jane Doe is a columnist for the Valley Courier and a former city engineer."
    got = classes(page(P1, P2, P3, bio))
    assert got[bio] == "chrome"
    # the same sentence shape in the middle of a story stays body
    assert classes(page(P1, P2, P3, bio, P4, P1 + " Again.", P2 + " Again.", P3 + " Again."))[bio] == "body"


def test_clean_prose_is_all_body() -> None:
    text = page(P1, P2, "It was not the first delay.", P3, "Funding", P4, "Work resumes on Monday.")
    seg = segment(text)
    assert {line.cls for line in seg.lines} == {"body"}
    assert seg.body == text
    assert seg.dateline is None


@pytest.mark.parametrize("text", ["", "\n\n\n", "   \n\t\n"])
def test_empty_text(text: str) -> None:
    seg = segment(text)
    assert seg.lines == [] and seg.body == "" and seg.dateline is None and seg.paragraphs == []


def test_short_text_without_prose_is_body() -> None:
    seg = segment("Hello world")
    assert [line.cls for line in seg.lines] == ["body"]
    assert seg.body == "Hello world"


def test_crlf_line_endings() -> None:
    text = "\r\n\r\n".join(["- Advertisment -", "MOSCOW: " + P1, P2, "ADVERTISEMENT", P3])
    seg = segment(text)
    assert seg.dateline == "MOSCOW"
    assert [line.cls for line in seg.lines] == ["ad", "body", "body", "ad", "body"]
    assert "\r" not in seg.body
    assert [line.index for line in seg.lines] == [0, 2, 4, 6, 8]


def test_line_index_points_into_split_lines() -> None:
    text = "Most Popular\n" + P1 + "\n\n\n" + P2 + "\nADVERTISEMENT\n" + P3
    raw = text.split("\n")
    for line in segment(text).lines:
        assert raw[line.index].rstrip() == line.text


def test_reasons_are_given() -> None:
    for line in segment(page("ADVERTISEMENT", P1, "Most Popular")).lines:
        assert line.reason


def test_body_to_page_mapping() -> None:
    text = page("ADVERTISEMENT", "MOSCOW: " + P1, P2)
    seg = segment(text)
    pos = seg.body.index("Engineers")
    idx, off = seg.body_to_page(pos)  # type: ignore[misc]
    assert text.split("\n")[idx][off:].startswith("Engineers")
    idx, off = seg.body_to_page(0)  # type: ignore[misc]
    assert text.split("\n")[idx][off:].startswith(P1[:20])


# ---------------------------------------------------------------- boilerplate


def test_normalize_line() -> None:
    assert normalize_line("  Copyright © 2019 The Courier.  ") == normalize_line("copyright © 2020 the courier")
    assert normalize_line("“Quoted”  text") == normalize_line('"quoted" text')
    assert normalize_line("- - -") == ""


def test_boilerplate_index_and_segment() -> None:
    index = BoilerplateIndex(min_articles=3, min_share=0.5)
    footer = "Thanks for reading the Valley Courier, your source for river news."
    for i in range(4):
        index.add("courier", page(f"Story number {i} about the river and the new barrier, with a full sentence.", footer))
    index.add("courier", P1)
    index.add("other", footer)
    rep = index.repeated("courier")
    assert normalize_line(footer) in rep
    assert index.repeated("other") == frozenset()
    assert index.articles("courier") == 5
    got = classes(page(P1, P2, footer), boilerplate=rep)
    assert got[footer] == "chrome"
    assert classes(page(P1, P2, footer))[footer] == "body"


def test_repeated_subhead_inside_story_stays_body() -> None:
    sub = "What happens next"
    rep = frozenset({normalize_line(sub), normalize_line("Share this story")})
    got = classes(page(P1, sub, P2, P3, "Share this story"), boilerplate=rep)
    assert got[sub] == "body"
    assert got["Share this story"] == "chrome"


def test_boilerplate_share_threshold() -> None:
    index = BoilerplateIndex(min_articles=3, min_share=0.5)
    for i in range(10):
        index.add("c", f"repeated line\nstory {i}" if i < 4 else f"unique {i}")
    assert "repeated line" not in index.repeated("c")  # 4 of 10 < 50 %
    index2 = BoilerplateIndex(min_articles=3, min_share=0.02)
    for i in range(10):
        index2.add("c", f"repeated line\nstory {i}" if i < 3 else f"unique {i}")
    assert "repeated line" in index2.repeated("c")


# ---------------------------------------------------------------- properties

_line = st.one_of(
    st.text(max_size=120),
    st.sampled_from(["ADVERTISEMENT", "- Advertisment -", "Most Popular", "By Jane Doe", "MOSCOW: " + P1, P1, P2,
                     "Read more:", "Image copyright Getty Images", "", "   ", "\r", "Sponsored"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_line, max_size=25), st.one_of(st.none(), st.text(max_size=40)))
def test_property_every_line_classified_once_and_body_consistent(lines: list[str], title: str | None) -> None:
    text = "\n".join(lines)
    seg = segment(text, title=title)
    raw = text.split("\n")
    nonempty = [i for i, ln in enumerate(raw) if ln.strip()]
    assert [line.index for line in seg.lines] == nonempty
    assert all(line.cls in LINE_CLASSES for line in seg.lines)
    body_lines = [line for line in seg.lines if line.cls == "body"]
    assert len(seg.paragraphs) == len(body_lines)
    parts = []
    for line, para in zip(body_lines, seg.paragraphs):
        assert para.line_index == line.index
        chunk = seg.body[para.start:para.end]
        assert raw[line.index][para.line_offset:para.line_offset + len(chunk)] == chunk
        parts.append(chunk)
    assert seg.body == "\n\n".join(parts)
    if seg.dateline is not None:
        assert body_lines and seg.paragraphs[0].line_offset > 0


def test_boilerplate_index_ignores_duplicate_articles_and_long_lines() -> None:
    from biaslens.segmentation import BoilerplateIndex

    long_para = "The harbour board of the fictional town met for six hours on Monday and agreed, after a long and heated debate about fees, to reopen the ferry terminal in the spring once the repairs to the pier are finished and inspected."
    page = "Subscribe to the Velmora Courier\n\n" + long_para
    index = BoilerplateIndex()
    for _ in range(5):  # one article scraped five times
        index.add("courier.example", page)
    assert index.repeated("courier.example") == frozenset()
    for i in range(5):
        index.add("courier.example", page + f"\n\nUpdate number {i}.")
    rep = index.repeated("courier.example")
    assert "subscribe to the velmora courier" in rep
    assert all(len(line) <= BoilerplateIndex.MAX_LINE_CHARS for line in rep)
    assert not any("harbour board" in line for line in rep)
