"""Field helpers: date parsing, outlet derivation, and never-crash properties."""
from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biaslens.readers import outlet_from_url, parse_date, read_articles


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-11-19", datetime(2019, 11, 19)),
        ("2019-11-19T10:00:00Z", datetime(2019, 11, 19, 10)),
        ("2019-11-19T10:00:00-05:00", datetime(2019, 11, 19, 15)),
        ("2019-11-19 10:00:00.123456", datetime(2019, 11, 19, 10, 0, 0, 123456)),
        ("Nov 19, 2019 10:00 AM EST", datetime(2019, 11, 19, 15)),
        ("19 November 2019", datetime(2019, 11, 19)),
        ("Tue, 19 Nov 2019 08:00:00 GMT", datetime(2019, 11, 19, 8)),
        ("1574168580", datetime(2019, 11, 19, 13, 3)),
        (1574168580000, datetime(2019, 11, 19, 13, 3)),
        (date(2020, 2, 29), datetime(2020, 2, 29)),
        (datetime(2020, 2, 29, 1, 2), datetime(2020, 2, 29, 1, 2)),
        ("", None),
        ("None", None),
        ("yesterday", None),
        ("November 19", None),  # no year: would be filled from today's date
        ("2019-13-45", None),
        ("0000-00-00", None),
        ("32/13/2019", None),
        (None, None),
        (True, None),
        (-5, None),
        (float("nan"), None),
        ("9" * 30, None),
    ],
)
def test_parse_date(value: object, expected: datetime | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.nytimes.com/2019/11/19/a.html", "nytimes.com"),
        ("https://amp.theguardian.com/x", "theguardian.com"),
        ("http://news.bbc.co.uk/1/hi/uk.stm", "bbc.co.uk"),
        ("https://m.abc.net.au/news", "abc.net.au"),
        ("https://user.github.io/post", "user.github.io"),  # private suffix from the bundled list
        ("www.reuters.com/article/x", "reuters.com"),
        ("http://localhost:8000/a", "localhost"),
        ("", None),
        (None, None),
    ],
)
def test_outlet_from_url_offline(url: str | None, outlet: str | None) -> None:
    assert outlet_from_url(url) == outlet


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=40), st.integers(), st.floats(), st.none()))
def test_parse_date_never_raises(value: object) -> None:
    out = parse_date(value)
    assert out is None or (isinstance(out, datetime) and out.tzinfo is None and 1800 <= out.year <= 2200)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.binary(max_size=60), st.dictionaries(st.sampled_from(
    ["text", "id", "url", "outlet", "date", "title"]), st.one_of(st.text(max_size=20), st.integers(), st.none()),
    max_size=6).map(lambda d: json.dumps(d).encode())), max_size=8))
def test_jsonl_any_bytes_one_article_per_nonblank_line(tmp_path: Path, lines: list[bytes]) -> None:
    lines = [ln.replace(b"\n", b" ").replace(b"\r", b" ") for ln in lines]
    f = tmp_path / "fuzz.jsonl"
    f.write_bytes(b"\n".join(lines))
    arts = list(read_articles([f]))
    assert len(arts) == sum(1 for ln in lines if ln.strip())
    assert len({a.id for a in arts}) == len(arts)
    for a in arts:
        assert (a.error is None) == bool(a.text.strip())
