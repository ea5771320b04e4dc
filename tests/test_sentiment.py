from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biaslens import sentiment as S
from biaslens.sentiment import entity_aliases, entity_tone, frequent_entities, sentence_tone, tone_label


def test_raw_compound_equals_vader() -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()
    for s in ["This is a wonderful, great day!", "Three people were killed in the attack.", "It is not bad at all :)"]:
        assert sentence_tone(s)["vader_compound"] == sia.polarity_scores(s)["compound"]


@pytest.mark.parametrize(
    "sentence, rule",
    [
        ("Three people were killed in the attack on Monday.", "event"),
        ("The crisis deepened as the war entered its second year.", "event"),
        ("“This is a horrible, disgusting disgrace,” he said.", "quote"),
    ],
)
def test_rules_dampen_event_words_and_quotes(sentence: str, rule: str) -> None:
    r = sentence_tone(sentence)
    assert r["vader_compound"] < 0
    assert abs(r["tone"]) < abs(r["vader_compound"])


def test_stance_words_are_not_dampened() -> None:
    r = sentence_tone("The senator is a corrupt liar.")
    assert r["tone"] == r["vader_compound"] and r["label"] == -1


@pytest.mark.parametrize("tone, label", [(0.0, 0), (S.NEUTRAL_BAND - 0.01, 0), (S.NEUTRAL_BAND, 1), (-0.9, -1)])
def test_neutral_band(tone: float, label: int) -> None:
    assert tone_label(tone) == label


@pytest.mark.parametrize(
    "entity, aliases", [("Vladimir Putin", ["Vladimir Putin", "Putin"]), ("Assad", ["Assad"]), ("  ", [])]
)
def test_entity_aliases(entity: str, aliases: list[str]) -> None:
    assert entity_aliases(entity) == aliases


def test_entity_tone_matches_surname_and_possessives() -> None:
    text = "Putin’s army advanced. Putin's aides were happy. Vladimir Putin smiled. Assad was silent. Putinism grew."
    rows = {r["entity"]: r for r in entity_tone(text, ["Vladimir Putin", "Obama"])}
    assert rows["Vladimir Putin"]["mentions"] == 3
    assert rows["Obama"]["mentions"] == 0 and rows["Obama"]["tone_mean"] is None


def test_frequent_entities_skip_sentence_initial_words() -> None:
    texts = ["The talks failed. Vladimir Putin said no. Putin’s aides agreed. But Assad refused.", "Assad and Putin met."]
    ents = frequent_entities(texts, 3)
    assert "The" not in ents and "But" not in ents
    assert "Putin" in ents and "Assad" in ents


@given(st.text(max_size=200))
@settings(max_examples=150, deadline=None)
def test_sentence_tone_in_range(text: str) -> None:
    r = sentence_tone(text)
    assert -1 <= r["tone"] <= 1 and -1 <= r["vader_compound"] <= 1 and r["label"] in (-1, 0, 1)
