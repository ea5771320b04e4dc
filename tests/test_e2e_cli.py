"""End-to-end abuse of the command line: odd inputs and outputs.

The product rule under test: bad input gets a clear error (exit 2 for usage
errors) or a recorded per-article status (exit 0), never a crash of the whole
run and never a silently dropped article. All data here is invented.
"""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from biaslens.cli import main

STORY = "The fictional ferry to Velmora resumed service on Monday, harbour officials said. " * 6
PAGE = f"<html><head><title>Ferry back</title></head><body><article><p>{STORY}</p></article></body></html>".encode()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _rows(res_output: str) -> list[dict]:
    return [json.loads(line) for line in res_output.splitlines() if line.startswith("{")]


def _analyze(runner: CliRunner, *args: str) -> tuple[int, list[dict], str]:
    res = runner.invoke(main, ["analyze", *args, "-o", "-", "-q", "-j", "1", "--metrics", "ad_density"])
    return res.exit_code, _rows(res.stdout), res.stderr


# ------------------------------------------------------------------ WARC


def _warc(path: Path, *, gz: bool) -> None:
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        for url, status, ctype, body in [
            ("https://www.velmora-news.example.com/a", "200 OK", "text/html; charset=utf-8", PAGE),
            ("https://www.velmora-news.example.com/gone", "404 Not Found", "text/html", b"<html>gone</html>"),
            ("https://www.velmora-news.example.com/logo.png", "200 OK", "image/png", b"\x89PNG\r\n"),
            ("https://quay.example.org/b", "200 OK", "text/html", PAGE),
        ]:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))


@pytest.mark.parametrize("gz", [True, False])
def test_truncated_warc_reports_the_cut_record(runner: CliRunner, tmp_path: Path, gz: bool) -> None:
    f = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    _warc(f, gz=gz)
    data = f.read_bytes()
    f.write_bytes(data[: len(data) - 150])  # the last article is cut short
    code, rows, err = _analyze(runner, str(f))
    assert code == 0
    assert rows[0]["status"] == "ok"
    assert rows[-1]["status"] == "error" and rows[-1]["error"].startswith(str(f))
    assert "truncated" in rows[-1]["error"]
    assert "WARNING" not in err  # warcio's own stderr chatter is not shown


def test_text_file_named_warc_is_an_error_not_silence(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "notes.warc"
    f.write_bytes(b"this is just a text file\n" * 20)
    code, rows, err = _analyze(runner, str(f))
    assert code == 0
    assert len(rows) == 1 and rows[0]["status"] == "error"
    assert "not a WARC" in rows[0]["error"] and "notes.warc" in rows[0]["error"]
    assert "WARNING" not in err


def test_warc_without_html_pages_is_reported(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "images.warc.gz"
    with open(f, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://x.example.com/p.png", "response", payload=io.BytesIO(b"\x89PNG"), http_headers=http))
    code, rows, _ = _analyze(runner, str(f))
    assert code == 0 and len(rows) == 1
    assert rows[0]["status"] == "error" and "no HTML" in rows[0]["error"] and "1 record" in rows[0]["error"]


# ------------------------------------------------------------------ inputs


def test_folder_without_article_files_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    d = tmp_path / "scrapes"
    d.mkdir()
    (d / "notes.docx").write_bytes(b"PK\x03\x04")
    (d / "README.md").write_text("about", encoding="utf-8")
    res = runner.invoke(main, ["analyze", str(d), "-o", str(tmp_path / "o.csv"), "-q"])
    assert res.exit_code == 2
    assert "no article files" in res.stderr and "scrapes" in res.stderr
    assert not (tmp_path / "o.csv").exists()


@pytest.mark.parametrize(
    "name,payload,needle",
    [
        ("junk.txt", bytes(range(256)) * 4, "not UTF-8"),
        ("latin.txt", "Caf\u00e9 owners said prices rose.".encode("latin-1"), "not UTF-8"),
        ("blank.txt", b"\r\n \r\n", "no text"),
        ("empty.parquet", b"", "parquet"),
        ("trunc.jsonl.gz", gzip.compress(b'{"text": "One. Two said."}\n' * 50)[:40], "read failed"),
    ],
)
def test_bad_files_are_error_rows_naming_the_file(runner: CliRunner, tmp_path: Path, name: str, payload: bytes, needle: str) -> None:
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / name).write_bytes(payload)
    code, rows, _ = _analyze(runner, str(tmp_path / "good.txt"), str(tmp_path / name))
    assert code == 0
    assert rows[0]["status"] == "ok"
    bad = [r for r in rows if r["status"] == "error"]
    assert bad and all(name in r["error"] and needle in r["error"] for r in bad)


def test_bom_crlf_csv_and_duplicate_ids(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "feed.csv"
    f.write_bytes(b"\xef\xbb\xbfid,text\r\n7,\"Officials said so.\r\nSecond line.\"\r\n7,Another story said.\r\n")
    code, rows, _ = _analyze(runner, str(f))
    assert code == 0 and [r["id"] for r in rows] == ["7", "7~2"]
    assert all(r["status"] == "ok" for r in rows)


def test_missing_text_column_is_named(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "feed.csv"
    f.write_text("id,body\n1,Something happened.\n", encoding="utf-8")
    code, rows, _ = _analyze(runner, str(f), "--text-col", "story_text")
    assert code == 0 and len(rows) == 1
    assert "'story_text' not found" in rows[0]["error"] and "body" in rows[0]["error"]


# ------------------------------------------------------------------ outputs


def test_output_under_a_file_is_a_usage_error_before_the_run(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    blocker = tmp_path / "results"
    blocker.write_text("I am a file", encoding="utf-8")
    res = runner.invoke(main, ["analyze", str(tmp_path / "good.txt"), "-o", str(blocker / "out.csv"), "-q"])
    assert res.exit_code == 2 and "results" in res.stderr and "not a directory" in res.stderr


def test_output_that_is_a_directory_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "out.csv").mkdir()
    res = runner.invoke(main, ["analyze", str(tmp_path / "good.txt"), "-o", str(tmp_path / "out.csv"), "-q"])
    assert res.exit_code == 2 and "is a directory" in res.stderr


def test_report_into_an_existing_file_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    target = tmp_path / "report"
    target.write_text("not a folder", encoding="utf-8")
    res = runner.invoke(main, ["report", str(tmp_path / "good.txt"), "-o", str(target), "-q", "-j", "1", "--no-evidence"])
    assert res.exit_code == 2, res.output
    assert "not a directory" in res.stderr and "report" in res.stderr


def test_report_where_every_article_errors_still_completes(runner: CliRunner, tmp_path: Path) -> None:
    d = tmp_path / "bad"
    d.mkdir()
    (d / "a.txt").write_bytes(b"\xff\xfe\x00junk")
    (d / "b.txt").write_text("   \n", encoding="utf-8")
    out = tmp_path / "rep"
    res = runner.invoke(main, ["report", str(d), "-o", str(out), "-j", "1", "--metrics", "ad_density"])
    assert res.exit_code == 0, res.output
    assert (out / "index.html").is_file()
    assert pl.read_parquet(out / "articles.parquet")["status"].to_list() == ["error", "error"]
    assert "0 ok, 2 errors" in res.stderr


# ------------------------------------------------------------------ segment / explain


def test_segment_reads_gzipped_and_html_pages(runner: CliRunner, tmp_path: Path) -> None:
    gz = tmp_path / "page.txt.gz"
    gz.write_bytes(gzip.compress(b"Advertisement\nVELMORA: The ferry resumed, officials said.\n"))
    res = runner.invoke(main, ["segment", str(gz)])
    assert res.exit_code == 0, res.output
    assert "   0 ad " in res.stdout and "   1 body " in res.stdout
    html = tmp_path / "page.html.gz"
    html.write_bytes(gzip.compress(PAGE))
    res = runner.invoke(main, ["segment", str(html)])
    assert res.exit_code == 0, res.output
    assert "body" in res.stdout and "ferry to Velmora" in res.stdout


def test_segment_rejects_tabular_input_clearly(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    f.write_text(json.dumps({"text": "x"}) + "\n", encoding="utf-8")
    res = runner.invoke(main, ["segment", str(f)])
    assert res.exit_code == 2 and "explain" in res.stderr


def test_segment_stdin_non_utf8_is_a_usage_error(runner: CliRunner) -> None:
    res = runner.invoke(main, ["segment", "-"], input=b"caf\xe9 au lait\n")
    assert res.exit_code == 2 and "UTF-8" in res.stderr


def test_explain_accepts_the_id_printed_by_analyze_on_the_folder(runner: CliRunner, tmp_path: Path) -> None:
    d = tmp_path / "corpus"
    d.mkdir()
    f = d / "feed.jsonl"
    f.write_text(json.dumps({"outlet": "wire.example", "text": STORY}) + "\n" + json.dumps({"text": STORY}) + "\n", encoding="utf-8")
    _, rows, _ = _analyze(runner, str(d))
    wanted = rows[1]["id"]  # "corpus/feed.jsonl:2"
    res = runner.invoke(main, ["explain", str(f), "--id", wanted, "--no-color"])
    assert res.exit_code == 0, res.output
    assert "ferry" in res.stdout


@pytest.mark.parametrize("args,needle", [
    (["-"], "stdin"),
    (["{f}", "--entity", "  "], "entity name is empty"),
])
def test_more_usage_errors(runner: CliRunner, tmp_path: Path, args: list[str], needle: str) -> None:
    f = tmp_path / "good.txt"
    f.write_text(STORY, encoding="utf-8")
    res = runner.invoke(main, ["analyze", *[a.format(f=f) for a in args], "-o", str(tmp_path / "o.csv"), "-q"], input="")
    assert res.exit_code == 2 and needle in res.stderr


@pytest.mark.parametrize("name,content,needle", [
    ("dup.csv", "text,outlet,text\nFirst story said.,x,Second\n", "duplicate column name in the header: text"),
    ("semi.csv", "id;text\n1;A story said.\n", "looks ';'-separated"),
    ("comma.tsv", "id,text\n1,A story said.\n", "looks ','-separated"),
])
def test_header_problems_are_one_clear_error(runner: CliRunner, tmp_path: Path, name: str, content: str, needle: str) -> None:
    f = tmp_path / name
    f.write_text(content, encoding="utf-8")
    code, rows, _ = _analyze(runner, str(f))
    assert code == 0 and len(rows) == 1
    assert rows[0]["status"] == "error" and needle in rows[0]["error"] and name in rows[0]["error"]
