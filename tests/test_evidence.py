"""Evidence view: spans mapped from the body to page lines, terminal and HTML renderings."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biaslens.evidence import explain, render_html, render_terminal
from biaslens.model import Article, BodyParagraph, Doc, Line, Segmentation

PAGE = "Home | World\nADVERTISEMENT\nKARVIK: The minister said the plan could work.\n\nIt is likely to pass, aides said."
#      line 0        line 1          line 2                                    3  line 4


@dataclass(frozen=True)
class FakeCue:
    text: str
    span: tuple[int, int]
    kind: str
    group: str
    in_quote: bool = False

    def to_dict(self) -> dict:
        return {"text": self.text, "span": self.span, "kind": self.kind, "group": self.group, "in_quote": self.in_quote}


def make_doc() -> Doc:
    lines = PAGE.split("\n")
    p1 = lines[2][len("KARVIK: "):]
    body = p1 + "\n\n" + lines[4]
    seg = Segmentation(
        lines=[Line(0, "chrome", lines[0], "navigation"), Line(1, "ad", lines[1], "ad marker"),
               Line(2, "body", lines[2]), Line(4, "body", lines[4])],
        body=body, dateline="KARVIK",
        paragraphs=[BodyParagraph(2, 0, len(p1), len("KARVIK: ")), BodyParagraph(4, len(p1) + 2, len(body), 0)],
    )
    doc = Doc(Article(id="t1", text=PAGE, outlet="x.example", title="<script>alert(1)</script>"), seg)
    said = body.index("said")
    could = body.index("could")
    likely = body.index("likely")
    doc._cache["attributions"] = [{
        "speaker": "The minister", "speaker_span": (0, 12), "cue": "said", "cue_span": (said, said + 4),
        "content": "the plan could work", "content_span": (said + 5, said + 24), "kind": "indirect",
        "speaker_type": "named_role", "is_official": True, "canonical": "The minister",
    }]
    doc._cache["hedges"] = [FakeCue("could", (could, could + 5), "hedge", "epistemic_modal"),
                            FakeCue("likely", (likely, likely + 6), "hedge", "epistemic_adjective")]
    return doc


def test_spans_land_on_the_right_page_words() -> None:
    e = explain(make_doc(), metrics={"hedges": 2})
    by_index = {ln.index: ln for ln in e.lines}
    assert [ln.index for ln in e.lines] == [0, 1, 2, 4] and by_index[1].cls == "ad"
    marked = {(ln.index, s.kind): ln.text[s.start:s.end] for ln in e.lines for s in ln.spans}
    assert marked[(2, "speaker")] == "The minister"
    assert marked[(2, "cue")] == "said"
    assert marked[(2, "hedge")] in ("could", "likely")
    assert by_index[4].text[by_index[4].spans[0].start:by_index[4].spans[0].end] == "likely"
    assert e.dateline == "KARVIK" and e.metrics == {"hedges": 2}
    assert e.counts()["lines"] == {"chrome": 1, "ad": 1, "body": 2}
    assert e.counts()["cues"] == {"hedge": 2}


def test_runs_cover_line_exactly() -> None:
    for ln in explain(make_doc(), metrics={}).lines:
        assert "".join(r[0] for r in ln.runs()) == ln.text


def test_terminal_rendering() -> None:
    e = explain(make_doc(), metrics={"hedges": 2})
    plain = render_terminal(e, color=False)
    assert "[ad: ADVERTISEMENT]" in plain and "[chrome: Home | World]" in plain
    assert "The minister" in plain and "epistemic_modal" in plain and "hedges" in plain
    ansi = render_terminal(e, color=True)
    assert "\x1b[" in ansi and "\x1b[9" in ansi  # strike-through style on ad/chrome lines


def test_html_rendering_escapes_and_marks() -> None:
    html = render_html(explain(make_doc(), metrics={"hedges": 2}))
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert '<div class="line ad"' in html
    assert '<mark class="hedge"' in html and '<mark class="content hedge"' in html or '<mark class="hedge content"' in html
    assert 'class="speaker"' in html and "Content-Security-Policy" in html


def test_explain_raw_text_computes_registered_metrics() -> None:
    e = explain("Officials said on Monday that the dam could fail.\n\nResidents were told to leave.")
    assert e.lines and all(ln.cls in {"body", "ad", "chrome", "related", "caption", "byline"} for ln in e.lines)
    from biaslens.registry import metric_columns

    assert set(e.metrics) == {c.name for c in metric_columns()}


def test_explain_rejects_unknown_types() -> None:
    with pytest.raises(TypeError):
        explain(42)


# random unicode alone almost never contains a cue, so the span checks would see nothing:
# mix in invented story pieces that produce attributions, hedges and quotes
_STORY_PIECES = st.sampled_from(["The minister said ", "the plan could work. ", "It is likely to pass, ", "aides said.",
                                 "“", "”", '"', "\n", "\n\n", "ADVERTISEMENT\n", "Officials may ", "perhaps ", "KARVIK: "])


@given(st.lists(st.one_of(_STORY_PIECES, st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)),
                max_size=25).map("".join))
@settings(max_examples=25, deadline=None)
def test_never_crashes(text: str) -> None:
    e = explain(Article(id="h", text=text), metrics={})
    for ln in e.lines:
        for s in ln.spans:
            assert 0 <= s.start < s.end <= len(ln.text)
    render_terminal(e, color=False)
    render_html(e)


def test_terminal_body_is_not_dimmed_and_lines_are_trimmed() -> None:
    e = explain(make_doc(), metrics={"hedges_per_100_sentences": 2.0, "vader_mean": 0.1})
    out = render_terminal(e, width=60, color=True)
    body_line = next(ln for ln in out.splitlines() if "aides said" in ln or "likely" in ln)
    text_part = body_line.split("body", 1)[1]
    assert "\x1b[2m" not in text_part  # only the tag column is dim, not the story text
    plain = render_terminal(e, width=40, color=False)
    assert all(ln == ln.rstrip() for ln in plain.splitlines())
    # wrapped text hangs under the text column, not under the line number
    assert any(ln.startswith(" " * 13) and ln.strip() for ln in plain.splitlines())
    # metrics are grouped under their registered family
    assert "hedging" in plain and "sentiment" in plain


def test_html_metrics_show_outlet_context() -> None:
    e = explain(make_doc(), metrics={"hedges_per_100_sentences": 2.0})
    html = render_html(e, context={"hedges_per_100_sentences": {"family": "hedging", "outlet": 3.5, "all": 1.25}})
    assert "x.example mean" in html and ">3.5<" in html and ">1.25<" in html
    assert '<tr class="famrow"><th colspan="5">hedging</th></tr>' in html
    assert "mean</th>" not in render_html(e)  # without a report there is no context column
