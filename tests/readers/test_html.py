from __future__ import annotations

import gzip
from datetime import datetime
from pathlib import Path

import pytest

from biaslens.readers import read_articles
from biaslens.readers.html import decode_html

STORY = "".join(f"<p>Paragraph {i} of the fictional story says the council met on Tuesday.</p>" for i in range(8))


def page(*, head: str = "", body: str = STORY, charset: str = "utf-8") -> str:
    return (
        f'<!doctype html><html><head><meta charset="{charset}"><title>Council meets | Daily Planet</title>{head}</head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>Council meets</h1>{body}</article>"
        "<footer>Subscribe now</footer></body></html>"
    )


def test_html_extracts_story_title_date_url_and_keeps_raw(tmp_path: Path) -> None:
    head = (
        '<link rel="canonical" href="https://www.dailyplanet.co.uk/news/council">'
        '<meta property="article:published_time" content="2021-06-01T09:30:00+00:00">'
    )
    f = tmp_path / "site" / "p.html"
    f.parent.mkdir()
    html = page(head=head)
    f.write_text(html, encoding="utf-8")
    (a,) = read_articles([f])
    assert a.error is None
    assert "Paragraph 3 of the fictional story" in a.text
    assert "Subscribe now" not in a.text
    assert a.title and "Council meets" in a.title
    assert a.url == "https://www.dailyplanet.co.uk/news/council"
    assert a.outlet == "dailyplanet.co.uk"
    assert a.published is not None and a.published.date() == datetime(2021, 6, 1).date()
    assert a.html == html
    assert a.id == "p.html" and a.source_line is None


def test_html_without_url_uses_folder(tmp_path: Path) -> None:
    f = tmp_path / "planet" / "p.htm.gz"
    f.parent.mkdir()
    f.write_bytes(gzip.compress(page().encode()))
    (a,) = read_articles([f])
    assert a.error is None and a.url is None and a.outlet == "planet"


def test_html_declared_legacy_charset(tmp_path: Path) -> None:
    f = tmp_path / "p.html"
    body = STORY + "<p>Caf\u00e9 owners welcomed the decision, the mayor said.</p>"
    f.write_bytes(page(body=body, charset="windows-1252").encode("cp1252"))
    (a,) = read_articles([f])
    assert a.error is None and "Caf\u00e9 owners" in a.text


@pytest.mark.parametrize(
    ("data", "declared", "expected"),
    [
        (b"<p>caf\xc3\xa9</p>", None, "<p>caf\u00e9</p>"),
        (b"\xef\xbb\xbf<p>x</p>", None, "<p>x</p>"),
        (b'<meta charset="iso-8859-1"><p>caf\xe9</p>', None, '<meta charset="iso-8859-1"><p>caf\u00e9</p>'),
        (b"<p>caf\xe9</p>", "latin-1", "<p>caf\u00e9</p>"),
        (b"<p>caf\xe9</p>", "no-such-codec", "<p>caf\u00e9</p>"),  # cp1252 last resort
    ],
)
def test_decode_html(data: bytes, declared: str | None, expected: str) -> None:
    assert decode_html(data, declared) == expected


@pytest.mark.parametrize("content", [b"", b"<html><head><title>Only a title</title></head><body><div></div></body></html>"])
def test_html_without_story_is_an_error_article(tmp_path: Path, content: bytes) -> None:
    f = tmp_path / "p.html"
    f.write_bytes(content)
    (a,) = read_articles([f])
    assert a.error and "no text" in a.error and str(f) in a.error


def test_real_html_pages(shared: Path) -> None:
    """A fixed subset of real pages: the story is found and the URL names the outlet."""
    import json

    root = shared / "data" / "html" / "aeb"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    files = sorted((root / "html").glob("*.html.gz"))[:12]
    assert files, f"no pages under {root}"
    arts = list(read_articles(files))
    assert len(arts) == len(files)
    recalls = []
    for a, f in zip(arts, files):
        assert a.html and len(a.html) > 1000
        gt = truth[f.name.removesuffix(".html.gz")]
        words = gt["articleBody"].split()
        got = set(a.text.split())
        recalls.append(sum(w in got for w in words) / max(1, len(words)))
        if a.url:
            assert a.outlet and a.outlet in gt["url"]
    assert sum(a.error is None for a in arts) >= 11
    assert sum(a.url is not None for a in arts) >= 9
    recalls.sort()
    assert recalls[len(recalls) // 2] >= 0.8  # median body-word recall
