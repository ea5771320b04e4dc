"""The README documents every CLI command and every metric column, and its
first screen shows exactly the two setup commands."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from biaslens.cli import main
from biaslens.registry import metric_columns

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(main.commands))
def test_readme_documents_command(command: str) -> None:
    assert re.search(rf"^#+ .*`biaslens {command}", README, re.M), f"README has no section for 'biaslens {command}'"


@pytest.mark.parametrize("column", [c.name for c in metric_columns()])
def test_readme_documents_metric_column(column: str) -> None:
    assert f"`{column}`" in README, f"README does not document metric column {column!r}"


def test_first_screen_has_exactly_the_two_setup_commands() -> None:
    first_block = README.split("```bash", 1)[1].split("```", 1)[0].strip().splitlines()
    assert first_block == [
        "python -m pip install -e . && biaslens report",
        "python -m pip install -e '.[test]' && python -m pytest",
    ]


def test_readme_metrics_section_is_generated_from_the_registry() -> None:
    import runpy

    gen = runpy.run_path(str(Path(__file__).resolve().parent.parent / "docs" / "readme_metrics.py"))
    assert gen["render"](README) == README, "README.md metrics section is stale: run python docs/readme_metrics.py"


def test_readme_notebook_snippet_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's notebook example is real code: run it on the demo corpus."""
    root = Path(__file__).resolve().parent.parent
    block = README.split("## In a notebook", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").symlink_to(root / "data")
    page_text = (root / "data" / "demo" / "dailybuzzhub.example" / "001-port-strike--port-elsin-dockworkers-strike-what-it.txt").read_text(encoding="utf-8")
    scope = {"page_text": page_text, "body": page_text.split("\n\n", 3)[-1]}
    exec(compile(block, "README.md", "exec"), scope)  # noqa: S102
    assert (tmp_path / "reports" / "my-corpus" / "index.html").is_file()
    assert scope["analysis"].articles.height == 48
