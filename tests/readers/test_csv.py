from __future__ import annotations

import csv
import gzip
from datetime import datetime
from pathlib import Path

import pytest

from biaslens.readers import read_articles
from biaslens.settings import ColumnMap


def test_csv_rows_multiline_fields_and_line_numbers(tmp_path: Path) -> None:
    f = tmp_path / "t.csv"
    f.write_text(
        'headline,body,link,pubdate\n'
        'One,"Para one.\n\nPara two.",https://www.example.com/1,2021-03-04\n'
        '\n'
        'Two,Body two,,\n',
        encoding="utf-8",
    )
    a, b = read_articles([f])
    assert (a.title, a.text, a.url, a.outlet, a.published, a.source_line) == (
        "One", "Para one.\n\nPara two.", "https://www.example.com/1", "example.com", datetime(2021, 3, 4), 2)
    assert (b.id, b.source_line, b.url, b.published, b.outlet) == ("t.csv:6", 6, None, None, tmp_path.name)


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        (b"only-one-field", "expected 2 fields, got 1"),
        (b"a,b,c", "expected 2 fields, got 3"),
        (b"caf\xe9,x", "undecodable bytes"),
        (b'"x"y,z', "malformed CSV"),
        (b",outlet-without-text", "no text"),
    ],
)
def test_csv_malformed_rows_become_errors(tmp_path: Path, bad_row: bytes, message: str) -> None:
    f = tmp_path / "t.csv"
    f.write_bytes(b"text,outlet\nfine,o1\n" + bad_row + b"\nalso fine,o3\n")
    arts = list(read_articles([f]))
    assert [a.source_line for a in arts] == [2, 3, 4]
    assert arts[0].error is None and arts[2].error is None and arts[2].text == "also fine"
    assert arts[1].error and message in arts[1].error and f"{f}:3" in arts[1].error


def test_csv_missing_explicit_column_is_one_file_error(tmp_path: Path) -> None:
    f = tmp_path / "t.csv"
    f.write_text("text,site\na,b\nc,d\n", encoding="utf-8")
    arts = list(read_articles([f], columns=ColumnMap(outlet="publisher")))
    assert len(arts) == 1
    assert arts[0].error and "'publisher'" in arts[0].error and "available columns: text, site" in arts[0].error


def test_csv_explicit_columns(tmp_path: Path) -> None:
    f = tmp_path / "t.csv"
    f.write_text("story,who,key\nS,W,k1\n", encoding="utf-8")
    (a,) = read_articles([f], columns=ColumnMap(text="story", outlet="who", id="key"))
    assert (a.text, a.outlet, a.id) == ("S", "W", "k1")


def test_tsv_gz_and_huge_field(tmp_path: Path) -> None:
    big = "word " * 100_000  # beyond csv's default 128 KiB field limit
    f = tmp_path / "t.tsv.gz"
    f.write_bytes(gzip.compress(f"content\tsource\n{big}\tWire\n".encode()))
    (a,) = read_articles([f])
    assert a.error is None and a.text == big and a.outlet == "Wire"
    assert csv.field_size_limit() > len(big)


@pytest.mark.parametrize("payload", [b"", b"\n\n"])
def test_csv_empty_file(tmp_path: Path, payload: bytes) -> None:
    f = tmp_path / "t.csv"
    f.write_bytes(payload)
    (a,) = read_articles([f])
    assert a.error and "no header" in a.error


def test_csv_header_only_yields_nothing(tmp_path: Path) -> None:
    f = tmp_path / "t.csv"
    f.write_text("text,outlet\n", encoding="utf-8")
    assert list(read_articles([f])) == []
