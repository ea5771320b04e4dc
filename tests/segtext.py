"""Invented paragraphs and helpers shared by the segmentation tests (fictional events)."""
from __future__ import annotations

from biaslens.segmentation import segment

P1 = "The river authority said on Monday that the new flood barrier would be finished before the spring rains arrive."
P2 = "Engineers have worked in three shifts since January, according to a statement from the regional council."
P3 = "Residents of the lower town said they had waited more than a decade for the project to begin."
P4 = "The council will publish the final cost of the barrier when the work is complete, officials added."


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def classes(text: str, **kw: object) -> dict[str, str]:
    """line text -> class, for the lines of ``text``."""
    return {line.text.strip(): line.cls for line in segment(text, **kw).lines}  # type: ignore[arg-type]


def placed(line: str, where: str) -> str:
    """A page with ``line`` at the ``top``, in the ``middle`` or at the ``bottom`` of three paragraphs."""
    return {
        "top": page(line, P1, P2, P3),
        "middle": page(P1, P2, line, P3),
        "bottom": page(P1, P2, P3, line),
    }[where]
