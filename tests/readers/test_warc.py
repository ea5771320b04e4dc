from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from biaslens.readers import read_articles

STORY = "".join(f"<p>Sentence {i} of a fictional archived report about the harbour.</p>" for i in range(8))
PAGE = f"<html><head><title>Harbour report</title></head><body><article>{STORY}</article></body></html>".encode()


def _response(w: WARCWriter, url: str, status: str, ctype: str, body: bytes):
    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    return w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)


def write_warc(path: Path, *, gz: bool) -> None:
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "test"}))
        w.write_record(_response(w, "https://www.harbour-news.com/a", "200 OK", "text/html; charset=utf-8", PAGE))
        w.write_record(_response(w, "https://www.harbour-news.com/logo.png", "200 OK", "image/png", b"\x89PNG"))
        w.write_record(_response(w, "https://www.harbour-news.com/gone", "404 Not Found", "text/html", PAGE))
        w.write_record(_response(w, "https://m.quay.org.uk/b", "200 OK", "application/xhtml+xml", PAGE))
        w.write_record(_response(w, "https://quay.org.uk/empty", "200 OK", "text/html", b"<html></html>"))


@pytest.mark.parametrize("gz", [True, False])
def test_warc_reads_only_200_html_responses(tmp_path: Path, gz: bool) -> None:
    f = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(f, gz=gz)
    arts = list(read_articles([f]))
    assert [a.source_line for a in arts] == [2, 5, 6]
    a, b, c = arts
    assert a.id == f"{f.name}:2"
    assert (a.url, a.outlet, a.error) == ("https://www.harbour-news.com/a", "harbour-news.com", None)
    assert "Sentence 4 of a fictional archived report" in a.text
    assert a.title == "Harbour report"
    assert a.html and "<article>" in a.html
    assert (b.url, b.outlet, b.error) == ("https://m.quay.org.uk/b", "quay.org.uk", None)
    assert c.error and "no text" in c.error


def test_damaged_warc_keeps_earlier_records_and_reports(tmp_path: Path) -> None:
    f = tmp_path / "crawl.warc.gz"
    write_warc(f, gz=True)
    data = f.read_bytes()
    f.write_bytes(data + b"this is not a warc record\r\n\r\n" * 3)
    arts = list(read_articles([f]))
    assert [x.error is None for x in arts[:2]] == [True, True]
    assert arts[-1].error and "damaged WARC" in arts[-1].error and str(f) in arts[-1].error


def test_not_a_warc_at_all(tmp_path: Path) -> None:
    f = tmp_path / "x.warc"
    f.write_bytes(b"hello")
    arts = list(read_articles([f]))
    assert len(arts) == 1 and arts[0].error and "x.warc" in arts[0].error
