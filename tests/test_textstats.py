from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biaslens import textstats as T
from biaslens.textstats import readability, syllables

KEYS = {"flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
        "automated_readability_index", "dale_chall", "words", "sentences", "syllables"}
TEXT = ("The committee approved the proposal on Tuesday after a long debate. Critics said the plan was expensive "
        "and poorly designed. Supporters argued that it would create jobs.")


@pytest.mark.parametrize(
    "token, n",
    [("don’t", 1), ("don't", 1), ("Obama’s", 3), ("cost-effective", 4), ("city's", 2), ("", 0), ("—", 0), ("middle-aged", 3)],
)
def test_syllables_normalise_apostrophes_and_hyphens(token: str, n: int) -> None:
    assert syllables(token) == n


@pytest.mark.parametrize("word, n", [("family", 2), ("every", 2), ("our", 1), ("probably", 2), ("business", 2)])
def test_syllables_use_shortest_cmu_pronunciation(word: str, n: int) -> None:
    # the reference scores use the shortest pronunciation (textstat: the first)
    from biaslens._cmudict import first_pron_syllables

    assert syllables(word) == n
    assert first_pron_syllables()[word] >= n


def test_shortest_never_exceeds_first_pronunciation() -> None:
    from biaslens._cmudict import first_pron_syllables, shortest_pron_syllables

    first, short = first_pron_syllables(), shortest_pron_syllables()
    assert first.keys() == short.keys()
    assert all(short[w] <= first[w] for w in first)
    assert 0 < sum(short[w] < first[w] for w in first) < 0.05 * len(first)


def test_readability_keys_and_engines() -> None:
    for engine in ("biaslens", "textstat"):
        assert KEYS <= set(readability(TEXT, engine))


def test_unknown_engine_lists_valid() -> None:
    with pytest.raises(ValueError, match="biaslens, textstat"):
        readability(TEXT, "nope")


def test_textstat_engine_equals_textstat() -> None:
    import textstat

    res = readability(TEXT, "textstat")
    assert res["flesch_reading_ease"] == textstat.flesch_reading_ease(TEXT)
    assert res["flesch_kincaid_grade"] == textstat.flesch_kincaid_grade(TEXT)
    assert res["smog_index"] == textstat.smog_index(TEXT)
    assert res["dale_chall"] == textstat.dale_chall_readability_score(TEXT)
    assert res["gunning_fog"] == textstat.gunning_fog(TEXT)


def test_formulas_equal_textstat_arithmetic_when_counts_agree() -> None:
    import textstat

    ts = readability(TEXT, "textstat")
    w, s, syl = ts["words"], ts["sentences"], ts["syllables"]
    assert T.flesch_reading_ease(w, s, syl) == pytest.approx(textstat.flesch_reading_ease(TEXT))
    assert T.flesch_kincaid_grade(w, s, syl) == pytest.approx(textstat.flesch_kincaid_grade(TEXT))
    assert T.smog_index(s, textstat.polysyllabcount(TEXT)) == pytest.approx(textstat.smog_index(TEXT))
    from textstat.backend.counts import count_difficult_words

    assert T.dale_chall(w, s, count_difficult_words(TEXT, "en_US", 0)) == pytest.approx(textstat.dale_chall_readability_score(TEXT))
    assert T.gunning_fog(w, s, count_difficult_words(TEXT, "en_US", 3)) == pytest.approx(textstat.gunning_fog(TEXT))
    assert T.coleman_liau_index(w, s, textstat.letter_count(TEXT)) == pytest.approx(textstat.coleman_liau_index(TEXT))


def test_mr_does_not_shorten_sentences() -> None:
    a = readability("Mr. Obama spoke to Dr. Smith in the U.S. capital on Monday.")
    assert a["sentences"] == 1
    assert readability("Mr. Obama spoke to Dr. Smith in the U.S. capital on Monday.", "textstat")["sentences"] > 1


@given(st.text(max_size=200))
@settings(max_examples=100, deadline=None)
def test_readability_never_crashes(text: str) -> None:
    res = readability(text)
    assert res["words"] >= 0 and res["sentences"] >= 0
    if res["words"]:
        assert res["sentences"] >= 1


def test_offline_no_download(tmp_path) -> None:
    code = textwrap.dedent(
        """
        import socket
        def refuse(*a, **k):
            raise OSError("network blocked in test")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        import nltk
        nltk.data.path[:] = []
        from biaslens.textstats import readability
        t = "The committee approved the proposal. Critics said it was expensive."
        a = readability(t, "textstat"); b = readability(t)
        assert a["syllables"] > 0 and b["syllables"] > 0, (a, b)
        print("ok")
        """
    )
    env = dict(os.environ, BIASLENS_NLTK_DATA=str(tmp_path / "nltk"), NLTK_DATA=str(tmp_path / "none"))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "nltk" / "corpora" / "cmudict" / "cmudict").is_file()
