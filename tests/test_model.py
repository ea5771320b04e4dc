"""Records read by attribute and by name."""
from __future__ import annotations

import pytest

import biaslens as bl


@pytest.mark.parametrize(
    ("records", "field"),
    [
        (lambda: bl.segment("- Advertisement -\nThe ferry resumed service on Monday.").lines, "cls"),
        (lambda: bl.attributions("The minister said the ferry would resume service."), "speaker"),
        (lambda: bl.hedges("The ferry could resume service on Monday."), "kind"),
    ],
)
def test_records_read_like_dicts(records, field: str) -> None:  # noqa: ANN001
    recs = records()
    assert recs
    for r in recs:
        assert r[field] == getattr(r, field) == r.get(field)
        assert dict(r)[field] == getattr(r, field)
        with pytest.raises(KeyError):
            r["no_such_field"]
