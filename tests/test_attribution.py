"""Attribution extractor: patterns, speaker types, canonicalisation, quotes, seed golden."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biaslens.attribution import Attribution, attributions, direct_quote_share, iter_speakers, quote_spans


def _one(text: str, cue: str) -> Attribution:
    found = [a for a in attributions(text) if cue in a.cue]
    assert found, f"no attribution with cue {cue!r} in {text!r}: {attributions(text)}"
    return found[0]


# fictional sentences, one per pattern of the issue
PATTERNS = [
    # text, cue, speaker, kind, content starts
    ('"The bridge will open in May," Mayor Ana Lind said.', "said", "Mayor Ana Lind", "direct", "The bridge will open"),
    ('"The bridge will open in May," said Ana Lind, the city\'s mayor.', "said", "Ana Lind, the city's mayor", "direct", "The bridge will open"),
    ('"The bridge will open in May," said Ana Lind.', "said", "Ana Lind", "direct", "The bridge will open"),
    ("Ana Lind said that the bridge would open in May.", "said", "Ana Lind", "indirect", "the bridge would open"),
    ("Ana Lind said the bridge would open in May.", "said", "Ana Lind", "indirect", "the bridge would open"),
    ("Ana Lind told reporters that the bridge would open in May.", "told reporters", "Ana Lind", "indirect", "the bridge would open"),
    ("Ana Lind told the Valley Courier the bridge would open in May.", "told", "Ana Lind", "indirect", "the bridge would open"),
    ("According to Ana Lind, the bridge will open in May.", "According to", "Ana Lind", "according_to", "the bridge will open"),
    ("The bridge will open in May, according to city officials.", "according to", "city officials", "according_to", "The bridge will open"),
    ("Ana Lind, the city's mayor, said the bridge would open in May.", "said", "Ana Lind, the city's mayor", "indirect", "the bridge would open"),
    ("Ana Lind said in a statement that the bridge would open in May.", "said in a statement", "Ana Lind", "indirect", "the bridge would open"),
    ("Ana Lind said on Twitter that the bridge would open in May.", "said on Twitter", "Ana Lind", "indirect", "the bridge would open"),
    ("Ana Lind wrote in an op-ed that the bridge would open in May.", "wrote", "Ana Lind", "indirect", "the bridge would open"),
    ("Ana Lind warned that the bridge could close.", "warned", "Ana Lind", "indirect", "the bridge could close"),
    ("Ana Lind believes the bridge will open in May.", "believes", "Ana Lind", "indirect", "the bridge will open"),
    ("Ana Lind has recently indicated that she could resign.", "has recently indicated", "Ana Lind", "indirect", "she could resign"),
    ('Ana Lind: "The bridge will open in May."', ":", "Ana Lind", "direct", "The bridge will open"),
    ("The closure was announced by Ana Lind on Monday.", "was announced", "Ana Lind", "indirect", None),
]


@pytest.mark.parametrize("text,cue,speaker,kind,content", PATTERNS)
def test_attribution_patterns(text: str, cue: str, speaker: str, kind: str, content: str | None) -> None:
    a = _one(text, cue)
    assert a.speaker == speaker
    assert a.kind == kind
    if content is not None:
        assert a.content is not None and a.content.startswith(content)


def test_adding_that_carries_speaker_and_multi_sentence_quote() -> None:
    text = '"We are ready. We have waited for years," Ana Lind said, adding that "nothing will stop the bridge now."'
    said = _one(text, "said")
    assert said.content == "We are ready. We have waited for years"
    adding = _one(text, "adding")
    assert adding.speaker == "Ana Lind" and adding.kind == "direct"
    assert adding.content.startswith("nothing will stop")


@pytest.mark.parametrize(
    "text,speaker_type,anonymous",
    [
        ("Ana Lind said the plan was sound.", "named_person", False),
        ("The Transport Ministry said the plan was sound.", "named_org", False),
        ("A senior official said the plan was sound.", "anonymous", True),
        ("Officials said the plan was sound.", "anonymous", True),
        ("Analysts say the plan is sound.", "anonymous", True),
        ("Sources familiar with the matter said the plan was sound.", "anonymous", True),
        ("Many Republicans say the plan is sound.", "vague_group", True),
        ("Valerian media reported that the plan was sound.", "vague_group", True),
        ("Some say the plan is sound.", "vague_group", True),
    ],
)
def test_speaker_types(text: str, speaker_type: str, anonymous: bool) -> None:
    a = attributions(text)[0]
    assert a.speaker_type == speaker_type
    assert a.anonymous is anonymous


@pytest.mark.parametrize(
    "text,official",
    [
        ("Ministry spokesman Ivo Marek said the talks would resume.", True),
        ("Senator Ana Lind said the talks would resume.", True),
        ("A government official said the talks would resume.", True),
        ("Novelist Ivo Marek said the talks would resume.", False),
        ('"Talks will resume," said Ivo Marek, a ministry spokesman.', True),
        ("A local farmer said the talks would resume.", False),
    ],
)
def test_is_official(text: str, official: bool) -> None:
    assert attributions(text)[0].is_official is official


def test_canonicalisation_and_pronoun_resolution() -> None:
    text = ("Ministry spokesman Ivo Marek told reporters that the talks had ended. "
            '"We are done," Marek said. He said a new round was possible.')
    found = attributions(text)
    assert [a.canonical for a in found] == ["Ivo Marek"] * 3
    assert found[2].speaker_type == "pronoun" and found[2].referent == "Ivo Marek"
    assert all(a.is_official for a in found)  # "Marek" and "he" inherit the title
    assert list(iter_speakers(found)) == ["Ivo Marek"] * 3


def test_cues_inside_quotes_are_not_attributions() -> None:
    text = '"I think we said enough," Ana Lind said.'
    assert [a.cue for a in attributions(text)] == ["said"]


@pytest.mark.parametrize(
    "text,quoted",
    [
        ('He said "yes" today.', ['"yes"']),
        ("She said “we will win” and left.", ["“we will win”"]),
        ("Moscow’s allies in the ’90s were few.", []),
        ("“The first paragraph of a long quote\n\n“continues here,” she said.", ["“The first paragraph of a long quote", "“continues here,”"]),
        ("The students’ union met.", []),
    ],
)
def test_quote_spans(text: str, quoted: list[str]) -> None:
    assert [text[s:e] for s, e in quote_spans(text)] == quoted


def test_direct_quote_share_range() -> None:
    assert direct_quote_share("") == 0.0
    assert direct_quote_share('"all quoted"') == 1.0
    assert 0.0 < direct_quote_share('He said "part" of it.') < 1.0


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "said", ":", '"', "According to", "He said.", "“", "a: b"])
def test_odd_text_never_raises(text: str) -> None:
    for a in attributions(text):
        assert isinstance(a, Attribution)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("ab AB.,:;\"“”‘’'\n") + ["said ", "told ", "according to ", "Ana ", "Lind ", "he ", "that "]), max_size=40).map("".join))
def test_spans_are_consistent(text: str) -> None:
    for a in attributions(text):
        for field, span in (("speaker", a.speaker_span), ("cue", a.cue_span), ("content", a.content_span)):
            if span is not None:
                s, e = span
                assert 0 <= s < e <= len(text)
                assert text[s:e] == getattr(a, field)
        assert a.kind in ("direct", "indirect", "according_to", "mixed")
    for s, e in quote_spans(text):
        assert 0 <= s < e <= len(text)


def test_seed_golden(seed_golden: dict, seed_text: str) -> None:
    from biaslens.segmentation import segment

    body = segment(seed_text).body
    found = attributions(body)
    for gold in seed_golden["attributions"]:
        match = [a for a in found if a.cue == gold["cue"] and a.content and a.content.startswith(gold["content_starts"])]
        assert match, f"missing {gold}"
        a = match[0]
        assert a.speaker == gold["speaker"]
        assert a.kind == gold["kind"]
        assert a.anonymous is gold["anonymous"]
    peskov = [a for a in found if a.speaker and "Peskov" in a.speaker]
    assert {a.canonical for a in peskov} == {"Dmitry Peskov"}
