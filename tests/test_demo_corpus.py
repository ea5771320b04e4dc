"""The bundled demo corpus (data/demo/): its shape, and that its outlets'
house styles show up as per-outlet differences through the library."""
from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo"

WIRE = "meridianwire.example"
FARM = "dailybuzzhub.example"
TABLOID = "dailyclarion.example"
ANALYSIS = "latticereview.example"
OUTLETS = {WIRE, FARM, TABLOID, ANALYSIS}

EVENTS = {
    "port-strike",
    "dam-failure",
    "rate-decision",
    "mayoral-election",
    "vaccine-trial",
    "border-talks",
    "data-breach",
    "wildfire",
    "transfer-scandal",
    "court-ruling",
}
INPUT_SUFFIXES = {".txt", ".html", ".htm", ".jsonl"}
FILE_NAME = re.compile(r"^(?P<num>\d{3})-(?P<event>[a-z-]+?)--(?P<slug>[a-z0-9-]+)\.(?:txt|html)$")
JSONL_FIELDS = {"id", "outlet", "url", "published", "title", "event", "text"}


def _input_files() -> list[Path]:
    return sorted(p for p in DEMO.rglob("*") if p.is_file() and p.suffix in INPUT_SUFFIXES)


def _paragraph_words(text: str) -> int:
    """Words in sentence-like lines (>= 4 words, final punctuation): roughly the story."""
    return sum(
        len(line.split())
        for line in text.splitlines()
        if len(line.split()) >= 4 and line.rstrip().endswith((".", "!", "?", '"'))
    )


def _html_story(page: str) -> str:
    """Text of the plain <p> elements inside <article> (no byline, no read-more)."""
    article = re.search(r"<article>(.*?)</article>", page, re.S)
    assert article, "HTML page has no <article>"
    return "\n".join(html.unescape(re.sub(r"<[^>]+>", "", p)) for p in re.findall(r"<p>(.*?)</p>", article.group(1), re.S))


def _articles() -> list[dict]:
    """One record per article: outlet, event, format, story text, raw text."""
    out = []
    for path in _input_files():
        raw = path.read_text(encoding="utf-8")
        if path.suffix == ".jsonl":
            for line in raw.splitlines():
                rec = json.loads(line)
                out.append({"outlet": rec["outlet"], "event": rec["event"], "format": "jsonl",
                            "story": rec["text"], "raw": rec["text"], "name": rec["id"]})
            continue
        m = FILE_NAME.match(path.name)
        assert m, f"{path.name} does not follow NNN-<event>--<slug>.<ext>"
        story = _html_story(raw) if path.suffix == ".html" else raw
        out.append({"outlet": path.parent.name, "event": m["event"], "format": path.suffix[1:],
                    "story": story, "raw": raw, "name": path.name})
    return out


def test_demo_readme_labels_corpus_fictional() -> None:
    first = next(line for line in (DEMO / "README.md").read_text(encoding="utf-8").splitlines() if line.strip())
    assert "fictional" in first.lower()
    assert "invented" in first.lower()


def test_demo_every_file_is_utf8_and_jsonl_is_complete() -> None:
    files = [p for p in DEMO.rglob("*") if p.is_file()]
    assert files
    for path in files:
        path.read_bytes().decode("utf-8")  # raises on undecodable bytes
    jsonl = [p for p in files if p.suffix == ".jsonl"]
    assert len(jsonl) == 1
    ids = []
    for line in jsonl[0].read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        assert JSONL_FIELDS <= rec.keys()
        assert rec["url"].startswith(f"https://{rec['outlet']}/")
        ids.append(rec["id"])
    assert len(ids) == len(set(ids))


def test_demo_has_four_outlets_with_twelve_articles_each() -> None:
    counts: dict[str, int] = defaultdict(int)
    for art in _articles():
        counts[art["outlet"]] += 1
    assert set(counts) == OUTLETS
    assert all(n >= 12 for n in counts.values()), counts


def test_demo_formats_are_mixed() -> None:
    formats = {(a["outlet"], a["format"]) for a in _articles()}
    assert {(FARM, "txt"), (FARM, "html"), (ANALYSIS, "jsonl"), (WIRE, "txt"), (TABLOID, "txt")} <= formats
    html = [a for a in _articles() if a["format"] == "html"]
    assert 3 <= len(html) <= 4
    for art in html:
        page = art["raw"]
        assert "<title>" in page and 'property="og:site_name"' in page and "<time datetime=" in page
        assert f'rel="canonical" href="https://{FARM}/' in page
        assert "div-gpt-ad-" in page and "adsbygoogle" in page and "doubleclick" in page


@pytest.mark.parametrize("outlet", sorted(OUTLETS))
def test_demo_outlet_covers_most_events(outlet: str) -> None:
    events = {a["event"] for a in _articles() if a["outlet"] == outlet}
    assert events <= EVENTS, events - EVENTS
    assert len(events) >= 8, sorted(events)


def test_demo_article_lengths_in_range() -> None:
    for art in _articles():
        words = _paragraph_words(art["story"]) if art["format"] != "jsonl" else len(art["story"].split())
        assert 150 <= words <= 600, (art["name"], words)


def test_demo_content_farm_copies_wire_without_credit() -> None:
    wire_paragraphs = {
        line for a in _articles() if a["outlet"] == WIRE for line in a["story"].splitlines() if len(line.split()) >= 10
    }
    for art in (a for a in _articles() if a["outlet"] == FARM):
        assert "Meridian Wire" not in art["raw"], art["name"]
        copied = [line for line in art["story"].splitlines() if line in wire_paragraphs]
        assert len(copied) >= 2, art["name"]


def test_demo_uses_only_example_domains() -> None:
    # Ad-network hosts in the HTML pages are the one real-world thing on purpose:
    # they are what ad-slot detection looks for.
    ad_hosts = ("doubleclick.net", "googlesyndication.com", "outbrain.com")
    for art in _articles():
        for host in re.findall(r"https?://([a-z0-9.-]+)", art["raw"]):
            assert host.endswith(".example") or host.endswith(ad_hosts), (art["name"], host)


# --- per-outlet differences through the library -------------------------------------------

@pytest.fixture(scope="module")
def outlet_means(demo_analysis):  # noqa: ANN001
    import polars as pl

    table = demo_analysis.articles
    assert table.height == len(_articles())
    assert table.filter(pl.col("status") != "ok").height == 0, table.filter(pl.col("status") != "ok")
    assert set(table["outlet"].unique()) == OUTLETS
    numeric = [c for c, t in table.schema.items() if t.is_numeric()]
    means = table.group_by("outlet").agg(pl.col(numeric).mean())
    return {row["outlet"]: row for row in means.iter_rows(named=True)}


@pytest.mark.parametrize(
    ("column", "outlet"),
    [
        ("ad_markers", FARM),
        ("boilerplate_share", FARM),
        ("anonymous_share", TABLOID),
        ("hedges_per_100_sentences", ANALYSIS),
        ("flesch_kincaid_grade", ANALYSIS),
        ("named_share", WIRE),
    ],
)
def test_demo_outlet_has_highest_mean(outlet_means: dict, column: str, outlet: str) -> None:
    missing = [o for o, row in outlet_means.items() if column not in row]
    assert not missing, f"metric column {column!r} is not in the analysis table (is its metric registered?)"
    values = {o: row[column] for o, row in outlet_means.items()}
    top = values[outlet]
    assert top is not None, values
    others = {o: v for o, v in values.items() if o != outlet and v is not None}
    assert all(top > v for v in others.values()), (column, values)


def test_demo_tabloid_is_easiest_to_read(outlet_means: dict) -> None:
    assert all("flesch_kincaid_grade" in row for row in outlet_means.values()), "readability metric not registered"
    grades = {o: row["flesch_kincaid_grade"] for o, row in outlet_means.items()}
    assert min(grades, key=grades.__getitem__) == TABLOID, grades
