"""Segmentation rules added after a third fresh, hand-labelled sample of pages
from outlets absent from lines_dev and the two earlier fresh samples (h24):
media-player prompts, reader-engagement prompts, provenance notes, numbered
figure titles, inline image credits, role-first bios, lone e-mail/handle
bylines, link-only promo lines and a doubled embed title.

Every line here is invented (fictional outlet "Valley Courier"); none comes
from the shared corpora.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biaslens.segmentation import segment
from segtext import P1, P2, P3, P4, classes, page, placed

P5 = "Work on the second stage of the barrier is due to start next year, the authority said."


@pytest.mark.parametrize(
    ("line", "cls", "where"),
    [
        # media-player labels and audio/video prompts
        ("Click to hear the full interview with Mayor Jane Doe.", "chrome", "middle"),
        ("Click to hear the audio story.", "chrome", "top"),
        ("Watch this video on YouTube", "chrome", "bottom"),
        ("Now playing: Watch this: How the barrier holds back the river...", "chrome", "bottom"),
        # reader-engagement prompts
        ("Where do you stand? Sound off in the comments below.", "chrome", "bottom"),
        ("Please read our comments policy before commenting.", "chrome", "bottom"),
        ("Want to stay up to date on river news? Subscribe to our Flood Watch newsletter.", "chrome", "middle"),
        ("Like what you're reading? Support independent local journalism. Donate here.", "chrome", "bottom"),
        ("Should the town pay for the barrier? Yes No Not sure 40% (120 votes) 60% (180 votes)", "chrome", "middle"),
        ("[Curious about rivers? So are our editors. Sign up for the weekly Courier newsletter.]", "chrome", "bottom"),
        ("(Check out Jane's new podcast about the flood at valleypod.example.)", "chrome", "bottom"),
        # provenance and disclaimer notes
        ("This post Why Rivers Rise was originally published on River Review by Jane Doe.", "chrome", "bottom"),
        ("This article is based on the paper “Barriers and Towns” in the Journal of Floods.", "chrome", "bottom"),
        ("Note: This article gives the views of the author, not the position of the Courier.", "chrome", "bottom"),
        ("The information contained in this article is for educational purposes only.", "chrome", "bottom"),
        ("For the most up-to-date news about the flood, visit the river authority website", "chrome", "top"),
        ("about the author Jane Doe of Lowtown is head of the River Residents Association.", "chrome", "middle"),
        # link-only promos and teasers ending with a call to action
        ("Facebook: https://www.facebook.example/valleycourier", "chrome", "bottom"),
        ("VISIT the Courier! https://valleycourier.example", "chrome", "bottom"),
        ("Cut Your Flood Insurance Bill by Half -- More Info", "chrome", "top"),
        # captions: numbered figures, inline credits, courtesy photos, gallery buttons
        ("Figure 2: Flood days per year in the lower town (2010-2020)", "caption", "middle"),
        ("Chart 1: Barrier spending by year", "caption", "middle"),
        ("[Image Credit: Flickr-Jane Doe | CC BY 2.0]", "caption", "bottom"),
        ("Courtesy photo", "caption", "top"),
        ("Open this photo in gallery Engineers test the barrier on Monday. Handout", "caption", "top"),
        ("Photograph of workers on the barrier in Lowtown by Jane Doe/AFP via Getty Images.", "caption", "bottom"),
        ("CLOSE Engineers explain how the barrier will hold back the spring rains. Videolicious", "caption", "middle"),
        ("Jane Doe / AP A worker checks a gate of the new barrier on Monday.", "caption", "top"),
        ("Jane Doe (left); John Roe (right).", "caption", "middle"),
        ("Clockwise from left: Jane Doe; John Roe; Ann Poe; Tom Coe.", "caption", "middle"),
        ("Embed Mayor explains the barrier plan 2:44 autoplay autoplay", "caption", "middle"),
        # bios (first/last lines only) and bylines
        ("Courier columnist Jane Doe is a retired engineer and the author of two books.", "chrome", "bottom"),
        ("Jane Doe is a news intern with the Valley Courier. Reach her at jdoe@courier.example.", "chrome", "bottom"),
        ("Jane Doe is former executive editor of the Valley Courier.", "chrome", "bottom"),
        ("Jane Doe is a PhD student in hydrology at River State University. She tweets from @janedoe.", "chrome", "bottom"),
        ("jdoe@courier.example", "byline", "bottom"),
        ("@janedoewrites", "byline", "bottom"),
    ],
)
def test_new_rules(line: str, cls: str, where: str) -> None:
    assert classes(placed(line, where), title="Barrier to open in spring")[line] == cls


@pytest.mark.parametrize(
    ("line", "where"),
    [
        # story sentences that share words with the prompts above
        ("Residents said they would click to hear any news about the barrier on the radio.", "middle"),
        ("What do you think the barrier will cost, the mayor asked the council on Monday.", "middle"),
        ("Note that the barrier was first proposed in 2009, the council said.", "middle"),
        ("The information in the report was shared with the council, officials said.", "middle"),
        ("Figure skaters used the frozen river as a rink last winter, residents recalled.", "middle"),
        ("The chart showed flood days rising every year since 2010, the authority said.", "middle"),
        ("Jane Doe is a retired engineer who has lived in the lower town for forty years.", "middle"),
        ("She said she had written to the council at least a dozen times.", "middle"),
        ("Should the town pay for the barrier? Most residents said yes.", "middle"),
        ("Engineers photographed the gates before the storm, the council said.", "middle"),
        # subheads: short unpunctuated lines inside the story stay body
        ("What the barrier means for the lower town", "middle"),
        ("The cost of waiting", "middle"),
    ],
)
def test_lookalikes_stay_body(line: str, where: str) -> None:
    # a longer page: bios are only looked for on the first two / last three lines
    text = page(P1, P2, line, P3, P4, P5) if where == "middle" else placed(line, where)
    assert classes(text, title="Barrier to open in spring")[line] == "body"


def test_doubled_embed_title_is_caption() -> None:
    title = "How the Lower Town Learned to Live With the River: A Short Film"
    got = segment(page(P1, P2, title, title, P3, P4)).lines
    assert [ln.cls for ln in got if ln.text == title] == ["caption", "caption"]


def test_subhead_used_once_stays_body() -> None:
    sub = "How the Lower Town Learned to Live With the River"
    assert classes(page(P1, P2, sub, P3, P4))[sub] == "body"


def test_recent_releases_header_opens_a_box() -> None:
    text = page(P1, P2, P3, "Recent Releases", "Town Poll Finds Support for Barrier Grows", "Council Poll Shows Split on Cost")
    got = classes(text)
    assert got["Recent Releases"] == "related"
    assert got["Town Poll Finds Support for Barrier Grows"] == "related"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("aAz (:)@/.?!-[]\n"), max_size=40), max_size=8))
def test_never_crashes_on_prompt_like_noise(parts: list[str]) -> None:
    seg = segment("\n".join(parts))
    assert all(ln.cls in {"body", "ad", "chrome", "related", "caption", "byline"} for ln in seg.lines)
