"""Shared fixtures. Tests that need the real corpora take ``shared`` and are
skipped, with the reason, when ``BIASLENS_SHARED`` (default ../shared) is absent."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from biaslens.settings import shared_dir

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if not path.is_dir():
        pytest.skip(f"real corpora not found at {path} (set BIASLENS_SHARED to the shared/ folder to run this test)")
    return path


@pytest.fixture(scope="session")
def seed_golden(shared: Path) -> dict:
    import json

    return json.loads((shared / "golden" / "seed_000.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_text(shared: Path, seed_golden: dict) -> str:
    return (shared / seed_golden["file"]).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    return ROOT / "data" / "demo"


@pytest.fixture(scope="session")
def demo_analysis(demo_dir: Path):  # noqa: ANN201 (biaslens.pipeline.Analysis; imported lazily)
    """The bundled demo corpus analysed once per session (one process); treat as read-only."""
    from biaslens.pipeline import analyze
    from biaslens.settings import Settings

    assert demo_dir.is_dir(), f"demo corpus missing at {demo_dir}"
    return analyze([str(demo_dir)], settings=Settings(jobs=1))


@pytest.fixture(autouse=True)
def _no_mpl_display(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MPLBACKEND", "Agg")
    os.environ.setdefault("BIASLENS_PROGRESS", "0")
