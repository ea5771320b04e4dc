from __future__ import annotations

import gzip
import json
from datetime import datetime
from pathlib import Path

import pytest

from biaslens.readers import read_articles
from biaslens.settings import ColumnMap


def _write(path: Path, lines: list[bytes | str | dict]) -> Path:
    out = []
    for x in lines:
        if isinstance(x, dict):
            x = json.dumps(x)
        out.append(x if isinstance(x, bytes) else x.encode("utf-8"))
    path.write_bytes(b"\n".join(out) + b"\n")
    return path


def test_jsonl_fields_and_line_numbers(tmp_path: Path) -> None:
    f = _write(
        tmp_path / "corpus.jsonl",
        [
            {"id": "a1", "outlet": "example.com", "url": "https://www.other.org/x", "published": "2019-11-19T10:00:00Z",
             "title": " T ", "text": "Body one."},
            "",
            {"url": "https://amp.news.bbc.co.uk/story", "date": "not a date", "text": "Body two."},
        ],
    )
    a, b = read_articles([f])
    assert (a.id, a.outlet, a.url, a.title, a.text, a.source_line) == (
        "a1", "example.com", "https://www.other.org/x", "T", "Body one.", 1)
    assert a.published == datetime(2019, 11, 19, 10, 0)
    # blank line 2 is not a record; line numbers stay physical
    assert (b.id, b.source_line, b.outlet, b.published, b.error) == ("corpus.jsonl:3", 3, "bbc.co.uk", None, None)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b'{"text": "unterminated', "bad JSON"),
        (b"[1, 2]", "not an object"),
        (b'"just a string"', "not an object"),
        (b'{"text": "caf\xe9"}', "undecodable bytes"),
        (b'{"text": ""}', "no text"),
        (b'{"text": null, "title": "x"}', "no text"),
        (b'{"headline": "only a title"}', "no text column"),
    ],
)
def test_jsonl_malformed_lines_become_errors_and_run_goes_on(tmp_path: Path, line: bytes, message: str) -> None:
    f = _write(tmp_path / "c.jsonl", [{"text": "ok 1"}, line, {"text": "ok 3"}])
    arts = list(read_articles([f]))
    assert [x.source_line for x in arts] == [1, 2, 3]
    assert arts[0].error is None and arts[2].error is None
    assert arts[1].error is not None and message in arts[1].error
    assert f"{f}:2" in arts[1].error
    assert arts[1].id == "c.jsonl:2"


def test_jsonl_repeated_ids_are_made_unique(tmp_path: Path) -> None:
    f = _write(tmp_path / "c.jsonl", [{"id": 7, "text": "a"}, {"id": "7", "text": "b"}, {"id": "7", "text": "c"},
                                      {"id": "7~2", "text": "d"}])
    assert [a.id for a in read_articles([f])] == ["7", "7~2", "7~3", "7~2~2"]


@pytest.mark.parametrize(
    ("record", "outlet"),
    [
        ({"text": "x", "source": "Reuters", "domain": "reuters.com"}, "reuters.com"),  # domain-like preferred
        ({"text": "x", "publisher": "The Daily Planet"}, "The Daily Planet"),
        ({"text": "x", "outlet": "", "link": "http://m.example.co.uk/a"}, "example.co.uk"),
        ({"text": "x", "url": "http://127.0.0.1:8000/a"}, "127.0.0.1"),
        ({"text": "x", "source": {"id": "abc-news", "name": "ABC News"}}, "ABC News"),
        ({"text": "x"}, "feeds"),  # folder fallback
    ],
)
def test_jsonl_outlet_rules(tmp_path: Path, record: dict, outlet: str) -> None:
    (tmp_path / "feeds").mkdir()
    f = _write(tmp_path / "feeds" / "c.jsonl", [record])
    (a,) = read_articles([f])
    assert a.outlet == outlet


@pytest.mark.parametrize(
    ("record", "field", "value"),
    [
        ({"content": "C"}, "text", "C"),
        ({"maintext": "M", "headline": "H"}, "title", "H"),
        ({"Body": "B", "Article_ID": "z9"}, "id", "z9"),
        ({"text": ["p1", "p2"]}, "text", "p1\n\np2"),
        ({"text": "x", "href": "https://a.com/1"}, "url", "https://a.com/1"),
        ({"text": "x", "publish_date": "2020-05-01"}, "published", datetime(2020, 5, 1)),
        ({"text": "x", "timestamp": 1574168580}, "published", datetime(2019, 11, 19, 13, 3)),
    ],
)
def test_jsonl_column_autodetection(tmp_path: Path, record: dict, field: str, value: object) -> None:
    (a,) = read_articles([_write(tmp_path / "c.jsonl", [record])])
    assert a.error is None
    assert getattr(a, field) == value


def test_jsonl_explicit_columns_win_and_missing_is_an_error(tmp_path: Path) -> None:
    f = _write(tmp_path / "c.jsonl", [{"text": "summary", "story_txt": "Full story.", "src": "Wire"}, {"text": "only"}])
    a, b = read_articles([f], columns=ColumnMap(text="story_txt", outlet="src"))
    assert (a.text, a.outlet, a.error) == ("Full story.", "Wire", None)
    assert b.error and "'story_txt'" in b.error and "available columns: text" in b.error


def test_jsonl_gz_and_bom(tmp_path: Path) -> None:
    f = tmp_path / "c.ndjson.gz"
    f.write_bytes(gzip.compress(b'\xef\xbb\xbf{"text": "bom"}\n{"text": "two"}\n'))
    assert [(a.text, a.error) for a in read_articles([f])] == [("bom", None), ("two", None)]


def test_jsonl_truncated_gzip_reports_and_keeps_earlier_records(tmp_path: Path) -> None:
    data = gzip.compress(b"".join(b'{"text": "row %d"}\n' % i for i in range(2000)))
    f = tmp_path / "c.jsonl.gz"
    f.write_bytes(data[: len(data) // 2])
    arts = list(read_articles([f]))
    assert arts[0].error is None
    assert arts[-1].error and "read failed" in arts[-1].error


def test_jsonl_html_column_used_when_text_missing(tmp_path: Path) -> None:
    page = "<html><head><title>Page T</title></head><body><article>" + "<p>A sentence of the story here.</p>" * 8 + "</article></body></html>"
    (a,) = read_articles([_write(tmp_path / "c.jsonl", [{"html": page, "url": "https://news.example.com/a"}])])
    assert a.error is None
    assert "A sentence of the story here." in a.text
    assert a.html == page
    assert a.outlet == "example.com"
