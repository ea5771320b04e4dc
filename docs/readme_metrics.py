"""Regenerate the metrics section of README.md from the metric registry.

    python docs/readme_metrics.py          # rewrite README.md in place
    python docs/readme_metrics.py --check  # exit 1 when README.md is stale

The section lies between the ``<!-- metrics:start -->`` and
``<!-- metrics:end -->`` markers; ``tests/test_docs.py`` fails when it is stale.
"""
from __future__ import annotations

import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- metrics:start -->", "<!-- metrics:end -->"


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def metrics_markdown() -> str:
    """The metrics section: one table per registered metric."""
    from biaslens.registry import available_metrics

    out = [START, ""]
    for m in available_metrics():
        out.append(f"#### `{m.name}`{' (HTML input)' if m.needs_html else ''}")
        out.append("")
        out.append(_cell(m.description))
        out.append("")
        out.append("| column | type | per-outlet | meaning |")
        out.append("|---|---|---|---|")
        for c in m.columns:
            out.append(f"| `{c.name}` | {c.dtype} | {c.agg} | {_cell(c.description)} |")
        out.append("")
        if m.source:
            out.append(f"Source: {_cell(m.source)}")
            out.append("")
        if m.limits:
            out.append(f"Known limits: {_cell(m.limits)}")
            out.append("")
    out.append(END)
    return "\n".join(out)


def render(readme: str) -> str:
    """``readme`` with its metrics section replaced by the generated one."""
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return head + metrics_markdown() + tail


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    new = render(text)
    if "--check" in argv:
        if new != text:
            print("README.md metrics section is stale: run python docs/readme_metrics.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
