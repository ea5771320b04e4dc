from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biaslens.text import sentences, split_sentences, words


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("Gov. Brown and Sen. Warren spoke with Rep. Lee on St. Mark's Place.", None),
        ("The U.S. economy grew 3.5 percent. Stocks rose.", ["The U.S. economy grew 3.5 percent.", "Stocks rose."]),
        ("He lives in the U.S. The move was sudden.", ["He lives in the U.S.", "The move was sudden."]),
        ("The U.N. Security Council met.", None),
        ("She met J. K. Rowling at No. 5 Downing St. today.", None),
        ("“We will fight… and win,” he said. Then he left.", ["“We will fight… and win,” he said.", "Then he left."]),
        ("He said.” Next came more.", ["He said.”", "Next came more."]),
        ("“Why?” she asked. Nobody knew.", ["“Why?” she asked.", "Nobody knew."]),
        ("Headline without stop\n\nFirst sentence. Second one!", ["Headline without stop", "First sentence.", "Second one!"]),
        ("Is it? Yes.", ["Is it?", "Yes."]),
        ("Apple Inc. The company said so.", ["Apple Inc.", "The company said so."]),
        ("It rose 2.5 percent on Jan. 5 in Washington.", None),
        ("He said “Go home. Now.” and left.", None),
        ("The court cited Smith v. Jones and Brown vs. Board in its ruling.", None),
        ("Asked twice, she said no. Then she walked out.", ["Asked twice, she said no.", "Then she walked out."]),
        ("Read rule No. 7 first.", None),
        ("1. Read the rules. 2. Sign the form.", ["1. Read the rules.", "2. Sign the form."]),
        ("The total was 12. Nobody objected.", ["The total was 12.", "Nobody objected."]),
        ("SALE! the sign said in red. Hurry? not really.", ["SALE! the sign said in red.", "Hurry? not really."]),
        ("The store opens at 9 A.M. If you are late, wait.", ["The store opens at 9 A.M.", "If you are late, wait."]),
        ("He moved to the U.S. Then he found work.", ["He moved to the U.S.", "Then he found work."]),
    ],
)
def test_split_sentences_table(text: str, expected: list[str] | None) -> None:
    assert sentences(text) == (expected if expected is not None else [text])


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_split_sentences_empty(text: str) -> None:
    assert split_sentences(text) == []


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_split_sentences_spans_are_ordered_and_trimmed(text: str) -> None:
    spans = split_sentences(text)
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        last = e


def test_words_keep_apostrophes_and_hyphens() -> None:
    assert words("Don’t cost-effective U.S. 3.5") == ["Don’t", "cost-effective", "U.S", "3.5"]


def test_agrees_with_pysbd_on_news(shared) -> None:
    import gzip
    import json

    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False)
    with gzip.open(shared / "data" / "readability" / "news_texts_1000.jsonl.gz", "rt", encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for _, line in zip(range(60), f)]
    same = sum(abs(len(split_sentences(t)) - len(seg.segment(t))) <= 1 for t in texts)
    assert same / len(texts) >= 0.9
