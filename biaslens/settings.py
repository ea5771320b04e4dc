"""One settings object for a run, passed keyword-only through the library.

The CLI builds it from its options in one place (``cli._settings``); the
notebook API takes the same fields as keyword arguments.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

__all__ = ["Settings", "ColumnMap", "shared_dir"]


@dataclass(frozen=True, slots=True)
class ColumnMap:
    """Which input columns hold which article field (``None``: auto-detect)."""

    text: str | None = None
    outlet: str | None = None
    id: str | None = None
    url: str | None = None
    date: str | None = None
    title: str | None = None
    html: str | None = None


@dataclass(frozen=True, slots=True)
class Settings:
    """Options of an analysis run.

    ``metrics``: registered metric names (``None``: all); ``jobs``: worker
    processes (``None``: all cores); ``outlet``: force this outlet on every
    article; ``entities``: names for entity-targeted tone; ``auto_entities``:
    without ``entities``, use this many of the corpus's most frequent names;
    ``readability_engine``: ``"biaslens"`` or ``"textstat"``.
    """

    metrics: tuple[str, ...] | None = None
    jobs: int | None = None
    batch_size: int = 200
    outlet: str | None = None
    entities: tuple[str, ...] = ()
    auto_entities: int = 0
    readability_engine: str = "biaslens"
    columns: ColumnMap = field(default_factory=ColumnMap)

    def replace(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def workers(self) -> int:
        return max(1, self.jobs if self.jobs else (os.cpu_count() or 1))


def shared_dir() -> Path:
    """Where the real corpora live: env ``BIASLENS_SHARED``, else ``../shared``
    beside the project's root (the folder holding ``pyproject.toml``)."""
    env = os.environ.get("BIASLENS_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent.parent / "shared"
