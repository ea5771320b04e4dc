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


# --------------------------------------------------------------------------- false positives from the demo corpus
# (invented sentences; each failed before the fix it pins)


@pytest.mark.parametrize(
    "text,speaker,speaker_type",
    [
        ("Mayor Ana Lind, who asked not to be named, told the Clarion that the budget was short.", "Mayor Ana Lind", "named_person"),
        ("A source, who asked not to be named, told the Clarion that the budget was short.", "A source", "anonymous"),
        ("One official, who asked not to be named, told reporters the talks had stalled.", "One official", "anonymous"),
        ("A source who requested anonymity said the talks had stalled.", "A source", "anonymous"),
    ],
)
def test_anonymity_request_is_no_cue_and_audience_is_no_speaker(text: str, speaker: str, speaker_type: str) -> None:
    found = attributions(text)
    assert len(found) == 1, found  # no extra record for "asked not to be named" / "requested anonymity"
    a = found[0]
    assert a.speaker is not None and a.speaker.startswith(speaker)
    assert a.speaker_type == speaker_type
    assert "Clarion" not in (a.speaker or "") and "reporters" not in (a.speaker or "")


@pytest.mark.parametrize(
    "text,speaker",
    [
        ('"The deal is close," Ana Lind told the Clarion.', "Ana Lind"),
        ("Ana Lind told CNN that the deal was close.", "Ana Lind"),
        ("Ana Lind told reporters that the deal was close.", "Ana Lind"),
    ],
)
def test_audience_is_never_the_speaker(text: str, speaker: str) -> None:
    assert [a.speaker for a in attributions(text)] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "The council hopes to resolve the wage question before the vote.",
        "The question is whether the wage deal holds.",
        "The two sides could not settle the dispute over pay.",
        "The report on the budget was released on Monday.",
        "Ana Lind asked not to be named.",
    ],
)
def test_plain_nouns_are_not_cues(text: str) -> None:
    cues = [a.cue.lower() for a in attributions(text)]
    assert not any(w in c for c in cues for w in ("question", "dispute", "report", "asked")), cues


@pytest.mark.parametrize(
    "text,speaker_type",
    [
        # evidence the writer interprets is not an anonymous human source
        ("The closeness of the result suggests that voters were divided.", "none"),
        ("The timing of the vote appears deliberate.", "none"),
        # an expletive subject is no source at all
        ("It appears that the plan is sound.", "none"),
        # documents and polls are named_org when identifiable, vague_group as bare plurals
        ("The report found that the agency failed.", "named_org"),
        ("A Marlow poll suggests most voters back the plan.", "named_org"),
        ("The emails show that the plan was known.", "named_org"),
        ("Polls suggest most voters back the plan.", "vague_group"),
    ],
)
def test_inanimate_subjects_are_not_anonymous(text: str, speaker_type: str) -> None:
    a = attributions(text)[0]
    assert a.speaker_type == speaker_type
    assert a.anonymous is (speaker_type in ("anonymous", "vague_group"))
    if speaker_type == "none":
        assert a.canonical is None and not a.is_official
        assert list(iter_speakers([a])) == []


# --------------------------------------------------------------------------- speaker types and is_official
# decisions (after the issue's definitions): a document or poll that can be identified ("the report", "a Marlow
# poll") is named_org; bare plurals ("reports", "polls") are vague_group; unnamed people, including unnamed
# office-holders ("party leaders", "a ministry spokesman") and people described by their access ("people close
# to the mayor") are anonymous; a company or outlet speaking as itself is named_org, and a government body,
# party or company speaking as itself is official.
SPEAKER_TABLE = [
    ("Ana Lind said the plan was sound.", "named_person", False),
    ("Mayor Ana Lind said the plan was sound.", "named_person", True),
    ("Dr. Ivo Marek said the plan was sound.", "named_person", False),
    ("The president said the plan was sound.", "named_person", True),
    ("Kremlin spokesman Dmitry Peskov said the plan was sound.", "named_person", True),
    ("The Transport Ministry said the plan was sound.", "named_org", True),
    ("The Valerian government said the plan was sound.", "named_org", True),
    ("The White House said the plan was sound.", "named_org", True),
    ("Norvex Corp. said the plan was sound.", "named_org", True),
    ("The company said the plan was sound.", "named_org", True),
    ("The Valley Courier reported that the plan was sound.", "named_org", False),
    ("The report found that the plan was sound.", "named_org", False),
    ("A Marlow poll found that the plan was popular.", "named_org", False),
    ("The survey suggests the plan is popular.", "named_org", False),
    ("She said the plan was sound.", "pronoun", False),
    ("They said the plan was sound.", "pronoun", False),
    ("Officials said the plan was sound.", "anonymous", True),
    ("A senior official said the plan was sound.", "anonymous", True),
    ("One official said the plan was sound.", "anonymous", True),
    ("Two officials said the plan was sound.", "anonymous", True),
    ("An administration official said the plan was sound.", "anonymous", True),
    ("A ministry spokesman said the plan was sound.", "anonymous", True),
    ("A spokeswoman for Norvex said the plan was sound.", "anonymous", True),
    ("Senator Ana Lind's spokesman said the plan was sound.", "anonymous", True),
    ("Party leaders said the plan was sound.", "anonymous", True),
    ("Republican senators said the plan was sound.", "anonymous", True),
    ("Diplomats said the plan was sound.", "anonymous", True),
    ("Sources said the plan was sound.", "anonymous", False),
    ("A source told the Courier that the plan was sound.", "anonymous", False),
    ("A person familiar with the matter said the plan was sound.", "anonymous", False),
    ("People close to the mayor said the plan was sound.", "anonymous", False),
    ("Analysts say the plan is sound.", "anonymous", False),
    ("Experts say the plan is sound.", "anonymous", False),
    ("Critics say the plan is too costly.", "anonymous", False),
    ("Aides said the plan was sound.", "anonymous", False),
    ("Valerian media reported that the plan was sound.", "vague_group", False),
    ("Reports say the plan is sound.", "vague_group", False),
    ("Polls show the plan is popular.", "vague_group", False),
    ("Many Republicans say the plan is sound.", "vague_group", False),
    ("Some say the plan is sound.", "vague_group", False),
    ("Many voters believe the plan is sound.", "vague_group", False),
    ("Residents say the plan is too costly.", "vague_group", False),
    ("Others argue the plan is too costly.", "vague_group", False),
]


@pytest.mark.parametrize("text,speaker_type,official", SPEAKER_TABLE)
def test_speaker_type_table(text: str, speaker_type: str, official: bool) -> None:
    a = attributions(text)[0]
    assert (a.speaker_type, a.is_official) == (speaker_type, official), a


@pytest.mark.parametrize(
    "text,cue,speaker",
    [
        # recall additions measured on PolNeAR train
        ("The senator hopes to win the state.", "hopes", "The senator"),
        ("Party leaders want no repeat of the last convention.", "want", "Party leaders"),
        ("Six in 10 say the plan is sound.", "say", "Six in 10"),
        ("Ana Lind on Wednesday morning called on the council to act.", "called", "Ana Lind"),
        ("In a Marlow poll of 800 voters, Lind led by five points.", "In", "a Marlow poll of 800 voters"),
        ("The council is widely expected to approve the plan.", "expected", None),
    ],
)
def test_recall_patterns(text: str, cue: str, speaker: str | None) -> None:
    a = _one(text, cue)
    assert a.speaker == speaker


# --------------------------------------------------------------------------- anonymity markers
# (invented sentences) "who did not want to be named" and the like describe a source: they are never cues, and
# they make an unnamed speaker anonymous; is_official still follows the role ("MP", "official", "diplomat").
ANONYMITY_TABLE = [
    # text, speaker starts with, official
    ('One MP, who did not want to be named, said: "We will vote against it."', "One MP", True),
    ("One MP, who declined to be identified, said the vote would fail.", "One MP", True),
    ("A diplomat, who spoke on condition of anonymity, said the vote would fail.", "A diplomat", True),
    ("Speaking on condition of anonymity, one official said the vote would fail.", "one official", True),
    ("An official who was not authorised to speak publicly said the vote would fail.", "An official", True),
    ("An official who was not authorized to discuss the matter said the vote would fail.", "An official", True),
    ("A senior aide, who requested anonymity, said the vote would fail.", "A senior aide", False),
    ('"The vote will fail," said one aide, who requested anonymity.', "one aide", False),
    ("The official said on condition of anonymity that the vote would fail.", "The official", True),
    ("Two senior officials, speaking on condition of anonymity, said the vote would fail.", "Two senior officials", True),
    ("A Norvex engineer, who did not want to be named, said the launch would slip.", "A Norvex engineer", False),
    ("One lawmaker, who spoke anonymously, said the vote would fail.", "One lawmaker", True),
    ("A police officer, who asked not to be identified, told the Clarion the suspect had fled.", "A police officer", True),
    ("One MEP, who did not wish to be named, said the vote would fail.", "One MEP", True),
]


@pytest.mark.parametrize("text,speaker,official", ANONYMITY_TABLE)
def test_anonymity_marker_makes_one_anonymous_record(text: str, speaker: str, official: bool) -> None:
    found = attributions(text)
    assert len(found) == 1, found  # the marker is no cue of its own
    a = found[0]
    assert a.speaker is not None and a.speaker.startswith(speaker), a
    assert (a.speaker_type, a.anonymous, a.is_official) == ("anonymous", True, official), a
    for word in ("named", "identified", "anonymity", "anonymously", "authori"):
        assert word not in a.cue.lower()


@pytest.mark.parametrize(
    "text,content",
    [
        ("The official said on condition of anonymity that the vote would fail.", "the vote would fail"),
        ("Officials said, speaking on condition of anonymity, that the vote would fail.", "the vote would fail"),
    ],
)
def test_anonymity_marker_is_not_content(text: str, content: str) -> None:
    assert attributions(text)[0].content == content


def test_named_speaker_stays_named_despite_marker() -> None:
    a = attributions("Mayor Ana Lind, who asked not to be named, said the budget was short.")[0]
    assert a.speaker_type == "named_person" and a.canonical == "Ana Lind"


def test_marker_of_another_source_does_not_leak() -> None:
    found = attributions("The ministry said the vote would fail, according to an official who spoke on condition of anonymity.")
    assert [(a.speaker, a.speaker_type) for a in found] == [("The ministry", "named_org"), ("an official", "anonymous")]


# --------------------------------------------------------------------------- questions to the reader


@pytest.mark.parametrize(
    "text",
    [
        "What do you think? Write to us.",
        "Do you believe the plan will work?",
        "Do you think the council got it right? Tell us in the comments.",
        "Why do you say the plan will fail?",
        "What do you make of the vote?",
    ],
)
def test_reader_questions_are_not_attributions(text: str) -> None:
    assert [a for a in attributions(text) if (a.speaker or "").lower() == "you"] == []


def test_statements_with_you_are_kept_outside_questions() -> None:
    # a quoted "you" stays inside the quote; a narrated "you" in a statement is left alone
    found = attributions('"You said the bridge would open," Ana Lind told the mayor.')
    assert [a.speaker for a in found] == ["Ana Lind"]


# --------------------------------------------------------------------------- names: person, organisation or government
# rules (see biaslens.attribution._refine_name): places and seats of government stand for governments (named_org,
# official); a lone capitalised word is a person only with evidence (a first name or title before it somewhere in
# the text, or a known given name); otherwise an organisation, official unless the cue is how outlets speak.
NAME_TABLE = [
    # text, speaker, speaker_type, official
    ("Apple said the phones would ship in May.", "Apple", "named_org", True),
    ("Norvex said the phones would ship in May.", "Norvex", "named_org", True),
    ("Norvex Ltd said the phones would ship in May.", "Norvex Ltd", "named_org", True),
    ("Reuters reported that the phones would ship in May.", "Reuters", "named_org", False),
    ("The Courier reported that the phones would ship in May.", "The Courier", "named_org", False),
    ("The Kremlin said the talks would resume.", "The Kremlin", "named_org", True),
    ("Moscow says the talks will resume.", "Moscow", "named_org", True),
    ("Ankara said the talks would resume.", "Ankara", "named_org", True),
    ("Washington denied that the talks would resume.", "Washington", "named_org", True),
    ("Downing Street said the talks would resume.", "Downing Street", "named_org", True),
    ("The White House said the talks would resume.", "The White House", "named_org", True),
    ("The United States said the talks would resume.", "The United States", "named_org", True),
    ("South Korea said the talks would resume.", "South Korea", "named_org", True),
    ("Beijing's foreign ministry said the talks would resume.", "Beijing's foreign ministry", "named_org", True),
    ("NATO said the talks would resume.", "NATO", "named_org", True),
    ("The FBI said the suspect had fled.", "The FBI", "named_org", True),
    ("Police said the suspect had fled.", "Police", "named_org", True),
    ("The company said the phones would ship in May.", "The company", "named_org", True),
    ("Lind's campaign said the vote would be close.", "Lind's campaign", "named_org", True),
    ("A poll by Marlow Research found that voters back the plan.", "Marlow Research", "named_org", False),
    ("Hillary said the vote would be close.", "Hillary", "named_person", False),
    ("Mr. Marek said the vote would be close.", "Mr. Marek", "named_person", False),
    ("Ana Lind arrived late. Lind said the vote would be close.", "Lind", "named_person", False),
    ("Senator Lind arrived late. Lind said the vote would be close.", "Lind", "named_person", True),
    ("Ms. Lind arrived late. Lind said the vote would be close.", "Lind", "named_person", False),
    ("Ana Lind met George Washington. Washington said the vote would be close.", "Washington", "named_person", False),
    ("A spokeswoman for the ministry said the talks would resume.", "A spokeswoman for the ministry", "anonymous", True),
    ("State media reported that the talks would resume.", "State media", "vague_group", False),
    ("Valerian media reported that the talks would resume.", "Valerian media", "vague_group", False),
    ("Local reports said the talks would resume.", "Local reports", "vague_group", False),
    ("Unconfirmed reports say the talks will resume.", "Unconfirmed reports", "vague_group", False),
    ("Many Republicans believe the plan is sound.", "Many Republicans", "vague_group", False),
    ("Some say the plan is sound.", "Some", "vague_group", False),
]


@pytest.mark.parametrize("text,speaker,speaker_type,official", NAME_TABLE)
def test_name_types(text: str, speaker: str, speaker_type: str, official: bool) -> None:
    found = [a for a in attributions(text) if a.speaker == speaker]
    assert len(found) == 1, attributions(text)
    a = found[0]
    assert (a.speaker_type, a.is_official) == (speaker_type, official), a
    assert len(attributions(text)) == 1  # no second record ("Local" + "reports")


@pytest.mark.parametrize(
    "text,canonical",
    [
        ("Ana Lind arrived late. Lind said the vote would be close.", "Ana Lind"),
        ("Ana Lind met Ivo Marek. Marek said the vote would be close.", "Ivo Marek"),
        ("Kremlin spokesman Dmitry Peskov spoke first. Peskov said the vote would be close.", "Dmitry Peskov"),
    ],
)
def test_surname_canonicalised_from_earlier_mention(text: str, canonical: str) -> None:
    assert attributions(text)[-1].canonical == canonical


# --------------------------------------------------------------------------- pronouns: nearest compatible person
PRONOUN_TABLE = [
    # text, referent of the last attribution
    ("Ana Lind arrived late. She said the vote would be close.", "Ana Lind"),
    ("Ivo Marek arrived late. He said the vote would be close.", "Ivo Marek"),
    ("Ivo Marek met Ana Lind on Monday. She told reporters the vote would be close.", "Ana Lind"),
    ("Ivo Marek met Ana Lind on Monday. He told reporters the vote would be close.", "Ivo Marek"),
    ("Ana Lind said the plan was sound. Ivo Marek said it was not. She told reporters the vote would be close.", "Ana Lind"),
    ("Ana Lind said the plan was sound. Ivo Marek said it was not. He told reporters the vote would be close.", "Ivo Marek"),
    ("Mr. Marek criticised Ms. Lind on Monday. She said the plan was sound.", "Lind"),
    ("Ms. Lind criticised Mr. Marek on Monday. He said the plan was sound.", "Marek"),
    ("Kremlin spokesman Dmitry Peskov said the talks would resume. He said more talks were planned.", "Dmitry Peskov"),
]


@pytest.mark.parametrize("text,referent", PRONOUN_TABLE)
def test_pronoun_referent(text: str, referent: str) -> None:
    a = attributions(text)[-1]
    assert a.speaker_type == "pronoun"
    assert a.referent == referent and a.canonical == referent


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from([
    "One MP, ", "who did not want to be named, ", "speaking on condition of anonymity, ", "said ", "told reporters ",
    "Moscow ", "Apple ", "Ana Lind ", "Lind ", "she ", "he ", "you ", "think ", "? ", ". ", '"', "Q: ", "\n",
    "who was not authorised to speak publicly ", "reports ", "Local ", "the vote would fail",
]), max_size=25).map("".join))
def test_types_and_spans_stay_consistent(text: str) -> None:
    for a in attributions(text):
        assert a.speaker_type in ("named_person", "named_org", "pronoun", "anonymous", "vague_group", "none")
        assert a.anonymous is (a.speaker_type in ("anonymous", "vague_group"))
        for field, span in (("speaker", a.speaker_span), ("cue", a.cue_span), ("content", a.content_span)):
            if span is not None:
                assert 0 <= span[0] < span[1] <= len(text) and text[span[0]:span[1]] == getattr(a, field)
        assert "anonymity" not in a.cue and "named" not in a.cue


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue"),
    [
        ("Too little, too late, say locals.", "locals", "say"),
        ("It is a disgrace, says one neighbour.", "one neighbour", "says"),
        ("The plan cannot work, argue Marlow Bank economists.", "Marlow Bank economists", "argue"),
    ],
)
def test_speaker_after_a_sentence_final_cue(sentence: str, speaker: str, cue: str) -> None:
    (a,) = attributions(sentence)
    assert (a.speaker, a.cue) == (speaker, cue)


@pytest.mark.parametrize(
    "sentence",
    ["NIGHT OF TERROR: the river rose by two metres in an hour.", "SHOCK: prices rise again.", "CHAOS AT THE PORT: lorries queue for miles."],
)
def test_headline_kickers_are_not_speakers(sentence: str) -> None:
    assert not [a for a in attributions(sentence) if a.cue == ":"]


# --------------------------------------------------------------------------- h17: precision and recall patterns
# Invented sentences for patterns measured on the PolNeAR train split.

NOT_CUES = [
    # a reporting-verb form inside a noun compound or an event description reports nothing
    ("The talk show host Ivo Marek interviewed her on Monday.", ("talk", "show")),
    ("Ana Lind has a firm lead among pledged delegates in the count.", ("pledged",)),
    ("Ivo Marek spoke for an hour in Lyon.", ("spoke",)),
    ("Ivo Marek spoke with voters outside the hall.", ("spoke",)),
    ("Ana Lind spoke to the crowd in Lyon.", ("spoke",)),
]


@pytest.mark.parametrize("text,words", NOT_CUES)
def test_not_a_cue(text: str, words: tuple[str, ...]) -> None:
    cues = [a.cue.lower() for a in attributions(text)]
    assert not any(w in c.split() for c in cues for w in words), cues


NEW_CUES = [
    # text, cue, speaker (None: no source), content starts
    ("Ana Lind spoke about the budget at length.", "spoke", "Ana Lind", "the budget"),
    ("The council reportedly moved the meeting to a smaller hall.", "reportedly", None, "The council"),
    ("The mayor allegedly moved the funds before the vote.", "allegedly", None, "The mayor"),
    ("Ana Lind sounded a warning about the budget.", "sounded", "Ana Lind", "a warning"),
    ("Ivo Marek listed three reasons for the delay.", "listed", "Ivo Marek", "three reasons"),
]


@pytest.mark.parametrize("text,cue,speaker,content", NEW_CUES)
def test_new_cue_patterns(text: str, cue: str, speaker: str | None, content: str) -> None:
    a = _one(text, cue)
    assert a.cue == cue
    assert a.speaker == speaker
    assert a.speaker_type == ("none" if speaker is None else a.speaker_type)
    assert a.content is not None and a.content.startswith(content)


@pytest.mark.parametrize("text,cue", [
    ("The mayor reportedly said the bridge would close.", "reportedly said"),
    ("Ana Lind reportedly told aides that she would run.", "reportedly told"),
])
def test_reportedly_before_a_cue_is_a_modifier(text: str, cue: str) -> None:
    found = attributions(text)
    assert [a.cue for a in found] == [cue]
    assert found[0].speaker is not None


@pytest.mark.parametrize("text,cue,speaker,content", [
    ("Ana Lind used the hearing to say that the bridge would open in May.", "say", "Ana Lind", "the bridge would open"),
    ("Ivo Marek flew to Lyon to explain that the plant would stay open.", "explain", "Ivo Marek", "the plant would stay open"),
])
def test_infinitive_speech_cue_takes_the_clause_subject(text: str, cue: str, speaker: str, content: str) -> None:
    a = _one(text, cue)
    assert (a.cue, a.speaker) == (cue, speaker)
    assert a.content is not None and a.content.startswith(content)


def test_infinitive_of_other_verbs_is_no_cue() -> None:
    # only verbs of saying count after "to"; "to vote" was mostly not annotated on PolNeAR train
    assert attributions("Ana Lind flew to Lyon to vote in the runoff.") == []
