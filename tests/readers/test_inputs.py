"""Input expansion (files, folders, globs), ids, outlets and batching."""
from __future__ import annotations

import os
from pathlib import Path

import polars as pl
import pytest

from biaslens.model import ARTICLE_SCHEMA
from biaslens.readers import FRAME_SCHEMA, format_of, read_articles, read_batches, to_frame


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "demo"
    for outlet, n in (("wire", 3), ("tabloid", 2)):
        (root / outlet).mkdir(parents=True)
        for i in range(n):
            (root / outlet / f"{i:03d}.txt").write_text(f"{outlet} story {i}.", encoding="utf-8")
    (root / "README.md").write_text("fictional", encoding="utf-8")
    (root / "LICENSE").write_text("mit", encoding="utf-8")
    (root / ".hidden.txt").write_text("no", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "x.txt").write_text("no", encoding="utf-8")
    (root / "notes.json").write_text("{}", encoding="utf-8")
    return root


def test_directory_walk_sorted_ids_outlets_and_skips(corpus: Path) -> None:
    arts = list(read_articles([corpus]))
    assert [a.id for a in arts] == [
        "demo/tabloid/000.txt",
        "demo/tabloid/001.txt",
        "demo/wire/000.txt",
        "demo/wire/001.txt",
        "demo/wire/002.txt",
    ]
    assert [a.outlet for a in arts] == ["tabloid"] * 2 + ["wire"] * 3
    assert all(a.error is None for a in arts)


def test_glob_and_overlap_read_once(corpus: Path) -> None:
    pattern = str(corpus / "*" / "00[01].txt")
    arts = list(read_articles([pattern, corpus / "wire"]))
    ids = [a.id for a in arts]
    # glob matches first (ids relative to the glob's fixed folder), then the rest of wire/
    assert ids == ["demo/tabloid/000.txt", "demo/tabloid/001.txt", "demo/wire/000.txt", "demo/wire/001.txt", "wire/002.txt"]
    assert len(set(ids)) == len(ids)


def test_recursive_glob(corpus: Path) -> None:
    arts = list(read_articles([str(corpus / "**" / "*.txt")]))
    assert len(arts) == 5  # hidden files and folders are not matched


@pytest.mark.parametrize("missing", ["nope.txt", "nope/*.jsonl"])
def test_missing_input_raises_before_reading(tmp_path: Path, missing: str) -> None:
    (tmp_path / "a.txt").write_text("fine", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="nope"):
        read_articles([tmp_path / "a.txt", str(tmp_path / missing)])


def test_unknown_extension_given_explicitly_is_an_error_article(tmp_path: Path) -> None:
    f = tmp_path / "data.xlsx"
    f.write_bytes(b"PK")
    (a,) = read_articles([f])
    assert a.error and "unsupported file type" in a.error and "data.xlsx" in a.error


def test_same_file_name_in_two_inputs_gets_unique_ids(tmp_path: Path) -> None:
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "x.txt").write_text("t", encoding="utf-8")
    arts = list(read_articles([tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt"]))
    assert [a.id for a in arts] == ["x.txt", "x.txt~2"]


@pytest.mark.parametrize("size", [1, 2, 3, 200])
def test_read_batches_sizes(corpus: Path, size: int) -> None:
    batches = list(read_batches([corpus], batch_size=size))
    assert [len(b) for b in batches[:-1]] == [size] * (len(batches) - 1)
    assert sum(len(b) for b in batches) == 5
    assert 1 <= len(batches[-1]) <= size


def test_read_batches_rejects_zero(corpus: Path) -> None:
    with pytest.raises(ValueError):
        read_batches([corpus], batch_size=0)


def test_to_frame_schema(corpus: Path, tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa")
    df = to_frame(read_articles([corpus, tmp_path / "bad.txt"]))
    assert df.schema == pl.Schema(FRAME_SCHEMA)
    assert list(df.columns) == [*ARTICLE_SCHEMA, "error"]
    assert df.height == 6
    assert df.filter(pl.col("error").is_not_null()).height == 1
    assert to_frame([]).schema == pl.Schema(FRAME_SCHEMA)


def test_single_path_string_accepted(corpus: Path) -> None:
    assert len(list(read_articles(str(corpus)))) == 5


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.txt", "text"),
        ("A.HTML", "html"),
        ("p.htm.gz", "html"),
        ("c.jsonl.gz", "jsonl"),
        ("c.ndjson", "jsonl"),
        ("t.tsv", "delimited"),
        ("t.csv.gz", "delimited"),
        ("p.parquet", "parquet"),
        ("p.parquet.gz", None),
        ("crawl.warc.gz", "warc"),
        ("crawl.warc", "warc"),
        ("x.json", None),
        ("noext", None),
    ],
)
def test_format_of(name: str, kind: str | None) -> None:
    assert format_of(name) == kind


def test_cwd_relative_ids(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "c.jsonl").write_text('{"text": "a"}\n{"text": "b"}\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert [a.id for a in read_articles(["*.jsonl"])] == ["c.jsonl:1", "c.jsonl:2"]
    assert [a.id for a in read_articles(["."])] == ["c.jsonl:1", "c.jsonl:2"]
    assert {a.outlet for a in read_articles(["c.jsonl"])} == {os.path.basename(tmp_path)}
