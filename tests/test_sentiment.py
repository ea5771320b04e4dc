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
    # "liar" keeps VADER's weight and "corrupt" (missing from VADER) adds to it
    assert r["tone"] < r["vader_compound"] < 0 and r["label"] == -1


@pytest.mark.parametrize(
    "sentence, rule",
    [
        ("He met officials at the Justice Department.", "proper name"),
        ("The Free Trade Party held a Grand Rally in the United Kingdom.", "proper name"),
        ("Like other parties, they want a new agreement.", "news-neutral words"),
        ("The bill has support from both parties as well.", "news-neutral words"),
    ],
)
def test_rules_zero_non_stance_words(sentence: str, rule: str) -> None:
    r = sentence_tone(sentence)
    assert r["vader_compound"] > 0.2
    assert r["tone"] == 0.0 and r["label"] == 0


def test_title_case_headline_keeps_capitalised_words() -> None:
    r = sentence_tone("Senator Gives Great Speech On Trade")
    assert r["tone"] == r["vader_compound"] > 0


@pytest.mark.parametrize(
    "sentence",
    [
        "It wasn’t good.",  # typographic apostrophe: VADER misses the negation
        "The coach was unable to inspire the team.",  # implicit negator
        "He praised a white supremacist.",  # stance lexicon overrides VADER's +0.5
    ],
)
def test_rules_turn_raw_positive_negative(sentence: str) -> None:
    r = sentence_tone(sentence)
    assert r["vader_compound"] > 0 > r["tone"]
    assert r["label"] == -1


@pytest.mark.parametrize("word", ["lambasted", "embattled", "bashed", "mischaracterized"])
def test_news_stance_words_missing_from_vader(word: str) -> None:
    r = sentence_tone(f"The mayor was {word} on Monday.")
    assert r["vader_compound"] == 0 and r["label"] == -1


def test_negated_stance_word_flips() -> None:
    assert sentence_tone("The mayor was not corrupt.")["tone"] > 0


def test_scare_quotes_keep_weight_but_speech_is_dampened() -> None:
    plain = sentence_tone("The company made errors on Monday.")["tone"]
    scare = sentence_tone("The company made “errors” on Monday.")["tone"]
    speech = sentence_tone("“The company made errors on Monday,” she said.")["tone"]
    assert scare == plain < 0
    assert plain < speech < 0


def test_quote_continued_from_previous_sentence_is_dampened() -> None:
    cont = sentence_tone("It was a horrible, disgusting disgrace,” he said.")
    assert abs(cont["tone"]) < abs(cont["vader_compound"])


@pytest.mark.parametrize("target", ["Smith", (0, 5)])
def test_target_weights_its_own_clause(target: object) -> None:
    s = "Smith praised the plan; Jones is a corrupt liar."
    on_smith = sentence_tone(s, target=target)  # type: ignore[arg-type]
    on_jones = sentence_tone(s, target="Jones")
    untargeted = sentence_tone(s)
    assert on_smith["tone"] > untargeted["tone"] > on_jones["tone"]
    assert on_smith["vader_compound"] == untargeted["vader_compound"]


def test_quote_about_target_keeps_weight() -> None:
    s = "“Jones is a horrible liar,” Smith said."
    # Jones is spoken about (full weight); Smith is the speaker (rule 7: weight 0)
    assert sentence_tone(s, target="Jones")["tone"] < sentence_tone(s, target="Smith")["tone"] == 0.0


@pytest.mark.parametrize(
    "sentence, target",
    [
        ("“This crisis is a horrible disgrace,” Smith said.", "Smith"),
        ("“This crisis is a horrible disgrace,” said Smith.", "Smith"),
        ("Smith also said the plan was a horrible, stupid failure.", "Smith"),
        ("Smith told reporters: “It is a horrible, stupid failure.”", "Smith"),
    ],
)
def test_speaker_target_is_not_scored_by_its_own_words(sentence: str, target: str) -> None:
    untargeted = sentence_tone(sentence)
    assert untargeted["label"] == -1
    r = sentence_tone(sentence, target=target)
    assert r["tone"] == 0.0 and r["label"] == 0
    assert r["vader_compound"] == untargeted["vader_compound"]


@pytest.mark.parametrize(
    "sentence, target",
    [
        ("Jones said Smith was a horrible, stupid failure.", "Smith"),  # Smith is spoken about
        ("Smith, a horrible failure, said nothing.", "Smith"),  # the target's own clause
    ],
)
def test_target_spoken_about_keeps_weight(sentence: str, target: str) -> None:
    assert sentence_tone(sentence, target=target)["label"] == -1


def test_speaker_weight_constant_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    s = "“This is a horrible, stupid failure,” Smith said."
    monkeypatch.setattr(S, "SPEAKER_WEIGHT", 1.0)
    assert sentence_tone(s, target="Smith")["label"] == -1


@pytest.mark.parametrize(
    "sentence, conceded",
    [
        ("Although the speech was brilliant, the plan failed.", "Although the speech was brilliant,"),
        ("The plan failed, though the speech was brilliant.", "though the speech was brilliant."),
    ],
)
def test_concessive_clause_counts_less(sentence: str, conceded: str, monkeypatch: pytest.MonkeyPatch) -> None:
    words = sentence.split()
    ids = S._vader()._conceded([w.lower() for w in words], words)
    assert " ".join(words[i] for i in ids) == conceded
    with_rule = sentence_tone(sentence)["tone"]
    monkeypatch.setattr(S, "CONCESSIVE_WEIGHT", 1.0)
    # the conceded praise weighs less, so the sentence reads more negative
    assert with_rule < sentence_tone(sentence)["tone"]


@pytest.mark.parametrize(
    "question, statement",
    [
        ("Is this the best plan ever?", "This is the best plan ever."),
        ("Was it a horrible disaster?", "It was a horrible disaster."),
    ],
)
def test_questions_count_less(question: str, statement: str) -> None:
    q, st = sentence_tone(question), sentence_tone(statement)
    assert abs(q["tone"]) < abs(st["tone"])
    assert q["tone"] * st["tone"] > 0


@pytest.mark.parametrize("word", ["dodged", "smeared", "stonewalled"])
def test_evasion_and_attack_verbs_are_negative(word: str) -> None:
    r = sentence_tone(f"The governor {word} the reporters on Monday.")
    assert r["vader_compound"] == 0 and r["label"] == -1


@pytest.mark.parametrize("word", ["hailed", "touted"])
def test_praise_verbs_are_positive(word: str) -> None:
    r = sentence_tone(f"The governor {word} the new school on Monday.")
    assert r["vader_compound"] < 0.5 and r["tone"] > r["vader_compound"] and r["tone"] > 0


def test_accused_is_stance_not_event() -> None:
    # an accusation judges its object: not dampened like "killed"
    assert sentence_tone("The mayor accused the council of lying.")["label"] == -1
    accused = sentence_tone("The mayor accused the council.")["tone"]
    assert accused <= -0.2


@pytest.mark.parametrize("target", ["Nobody", "", (40, 20), (-5, 2)])
def test_target_absent_or_bad_span_falls_back(target: object) -> None:
    s = "Smith praised the plan; Jones is a corrupt liar."
    r = sentence_tone(s, target=target)  # type: ignore[arg-type]
    assert -1 <= r["tone"] <= 1


@pytest.mark.parametrize(
    "tone, label",
    [(0.0, 0), (S.NEUTRAL_BAND - 0.01, 0), (S.NEUTRAL_BAND, 1), (-S.NEGATIVE_BAND + 0.001, 0), (-S.NEGATIVE_BAND, -1), (-0.9, -1)],
)
def test_neutral_band(tone: float, label: int) -> None:
    assert tone_label(tone) == label


def test_explicit_band_is_symmetric() -> None:
    assert tone_label(0.1, 0.1) == 1 and tone_label(-0.1, 0.1) == -1 and tone_label(-0.05, 0.1) == 0


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


_NEWSY = st.lists(
    st.sampled_from(["“", "”", '"', "’", "—", "Smith", "said", "failed", "to", "not", "great", "corrupt", "killed",
                     "but", ",", "Justice", "like", "“Wow,”", "\x00", "\x01"]),
    max_size=25,
).map(" ".join)


@given(_NEWSY, st.one_of(st.none(), st.just("Smith"), st.tuples(st.integers(-5, 60), st.integers(-5, 60))))
@settings(max_examples=200, deadline=None)
def test_sentence_tone_with_target_in_range(text: str, target: object) -> None:
    r = sentence_tone(text, target=target)  # type: ignore[arg-type]
    assert -1 <= r["tone"] <= 1 and r["label"] in (-1, 0, 1)


def test_entity_tone_is_targeted() -> None:
    text = "Smith praised the plan; Jones is a corrupt liar. Nothing else happened."
    rows = {r["entity"]: r for r in entity_tone(text, ["Smith", "Jones"])}
    assert rows["Smith"]["mentions"] == rows["Jones"]["mentions"] == 1
    assert rows["Smith"]["vader_mean"] == rows["Jones"]["vader_mean"]
    assert rows["Smith"]["tone_mean"] > rows["Jones"]["tone_mean"]
