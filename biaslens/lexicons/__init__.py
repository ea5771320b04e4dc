"""Lexicons and pattern lists, stored as commented data files in this package.

Files are plain UTF-8 text, one entry per line; ``#`` starts a comment (to the
end of the line) and blank lines are ignored. A file lives under a folder per
family: ``lexicons/<family>/<name>.txt``.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = ["load_lines", "load_set", "load_table", "available"]


def _read(family: str, name: str) -> str:
    res = resources.files(__package__).joinpath(family, name)
    if not res.is_file():
        raise FileNotFoundError(f"no lexicon {family}/{name}; available in {family!r}: {', '.join(available(family)) or 'none'}")
    return res.read_text(encoding="utf-8")


def available(family: str) -> list[str]:
    """Names of the lexicon files of ``family``."""
    folder = resources.files(__package__).joinpath(family)
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith((".", "_")))


def _strip(line: str) -> str:
    # " #" marks a comment; a bare "#" inside an entry (e.g. "#ad") is kept
    # when it is not preceded by whitespace and not at the start.
    if line.lstrip().startswith("#"):
        return ""
    cut = line.find(" #")
    if cut >= 0:
        line = line[:cut]
    return line.strip()


@lru_cache(maxsize=None)
def load_lines(family: str, name: str) -> tuple[str, ...]:
    """Entries of ``lexicons/<family>/<name>``, comments and blanks removed, order kept."""
    return tuple(e for e in (_strip(line) for line in _read(family, name).splitlines()) if e)


@lru_cache(maxsize=None)
def load_set(family: str, name: str, *, lower: bool = True) -> frozenset[str]:
    """Entries as a set (lower-cased by default)."""
    return frozenset(e.lower() if lower else e for e in load_lines(family, name))


@lru_cache(maxsize=None)
def load_table(family: str, name: str, sep: str = "\t") -> tuple[tuple[str, ...], ...]:
    """Entries split into fields on ``sep`` (a tab by default), fields stripped."""
    return tuple(tuple(f.strip() for f in e.split(sep)) for e in load_lines(family, name))
