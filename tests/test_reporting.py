"""Reports: files written, untrusted text inert, safe file names, report.md structure, template override."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biaslens.model import Article
from biaslens.registry import Column, Metric
from biaslens.reporting import build_context, report, safe_filename

GOLDEN = Path(__file__).parent / "golden" / "report_md_structure.txt"
XSS = ('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>')


def _words(doc: Any) -> dict[str, Any]:
    return {"body_words": len(doc.body.split())}


def _bangs(doc: Any) -> dict[str, Any]:
    return {"exclamations": doc.body.count("!"), "has_bang": float("!" in doc.body)}


def _top(doc: Any) -> dict[str, Any]:
    return {"top_word": max(doc.body.split(), default=None)}


#: Metrics of the synthetic analyses (not registered: the global registry stays untouched).
METRICS = [
    Metric("words", _words, (Column("body_words", pl.Int64, "words in the story body"),),
           "Length of the story.", source="whitespace tokens", limits="counts numbers as words"),
    Metric("bangs", _bangs, (Column("exclamations", pl.Int64, "'!' in the body"),
                             Column("has_bang", pl.Float64, "article has a '!'", agg="share")),
           "Exclamation marks.", source="character count", limits="ignores quoted speech"),
    Metric("top", _top, (Column("top_word", pl.String, "alphabetically last word", agg="mode"),),
           "A text column aggregated by mode."),
]


@dataclass
class FakeAnalysis:
    """Duck-typed stand-in for biaslens.pipeline.Analysis."""

    articles: pl.DataFrame
    attributions: pl.DataFrame
    cues: pl.DataFrame
    entity_tone: pl.DataFrame | None
    metrics: list[Metric] = field(default_factory=lambda: list(METRICS))
    settings: Any = None


def make_analysis(outlets: dict[str, int], *, evil: bool = False, errors: int = 1) -> tuple[FakeAnalysis, list[Article]]:
    """Articles with text, their metric rows and small long tables."""
    rows, arts, atts, cues = [], [], [], []
    start = datetime(2021, 1, 1)
    k = 0
    for outlet, n in outlets.items():
        for i in range(n):
            k += 1
            title = f"{XSS[0]} story {i}" if evil and i == 0 else f"Story {i} of {outlet}"
            bangs = "!" * (i % 4 if "tabloid" in outlet else 0)
            text = (f"Menu Home News\n{title}\nADVERTISEMENT\n"
                    f"The council met on Monday{bangs}. {XSS[1] if evil else 'Officials spoke.'}\n\n"
                    f"\"It is likely to pass,\" said Mayor Ada Brill{bangs}.\n")
            aid = f"{outlet}/{i:03d}"
            art = Article(id=aid, text=text, outlet=outlet, title=title, published=start + timedelta(days=9 * k % 200),
                          url=f"https://{outlet}.example/{i}")
            arts.append(art)
            body = text
            rows.append({"id": aid, "outlet": outlet, "url": art.url, "published": art.published, "title": title,
                         "source_path": None, "source_line": None, "status": "ok", "error": None, "dateline": None,
                         "body_words": len(body.split()) + i, "exclamations": body.count("!"),
                         "has_bang": float("!" in body), "top_word": max(body.split())})
            atts.append({"id": aid, "outlet": outlet, "speaker": "Ada Brill", "canonical": "Ada Brill",
                         "speaker_type": "named_person" if i % 3 else "anonymous", "is_official": True,
                         "kind": "direct", "cue": "said", "content": "It is likely to pass"})
            cues.append({"id": aid, "outlet": outlet, "text": "likely", "kind": "hedge", "group": "epistemic_adjective",
                         "in_quote": True})
    for e in range(errors):
        rows.append({"id": f"bad-{e}", "outlet": next(iter(outlets), "x"), "url": None, "published": None, "title": None,
                     "source_path": "x.jsonl", "source_line": e + 1, "status": "error",
                     "error": f"x.jsonl:{e + 1}: invalid JSON: Expecting value", "dateline": None,
                     "body_words": None, "exclamations": None, "has_bang": None, "top_word": None})
    frame = pl.DataFrame(rows, schema_overrides={"published": pl.Datetime("us"), "source_path": pl.String,
                                                 "source_line": pl.Int64, "error": pl.String, "dateline": pl.String,
                                                 "body_words": pl.Int64, "exclamations": pl.Int64,
                                                 "has_bang": pl.Float64, "top_word": pl.String})
    m = min(4, len(rows))
    et = pl.DataFrame({"id": [r["id"] for r in rows[:m]], "outlet": [r["outlet"] for r in rows[:m]],
                       "entity": ["Ada Brill"] * m, "mentions": [1, 2, 1, 3][:m],
                       "tone_mean": [0.1, -0.2, 0.3, 0.0][:m], "vader_mean": [0.1, -0.2, 0.3, 0.0][:m]})
    return FakeAnalysis(frame, pl.DataFrame(atts), pl.DataFrame(cues), et), arts


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, FakeAnalysis]:
    analysis, arts = make_analysis({"wire": 12, "tabloid / daily": 11, "../tiny outlet": 3}, evil=True)
    out = tmp_path_factory.mktemp("report")
    index = report(analysis, out, title="Test <b>report</b>", n_boot=200, sources=arts)
    assert index == out / "index.html"
    return out, analysis


def test_files_written(built: tuple[Path, FakeAnalysis]) -> None:
    out, analysis = built
    for name in ("index.html", "report.md", "outlets.csv", "outlets.parquet", "articles.parquet"):
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
    assert pl.read_parquet(out / "articles.parquet").height == analysis.articles.height
    outlets = pl.read_csv(out / "outlets.csv")
    assert {"outlet", "metric", "n", "mean", "median", "ci_low", "ci_high", "flag", "rank"} <= set(outlets.columns)
    assert set(outlets["metric"]) == {"body_words", "exclamations", "has_bang"}
    pngs = sorted((out / "charts").glob("*.png"))
    assert pngs and len(pngs) == len(list((out / "charts").glob("*.svg")))
    assert any(p.name.startswith("heatmap") for p in pngs)
    pages = list((out / "articles").glob("*.html"))
    assert len(pages) == 26  # every ok article, not the error row


def test_index_sections_and_links(built: tuple[Path, FakeAnalysis]) -> None:
    out, _ = built
    html = (out / "index.html").read_text(encoding="utf-8")
    for anchor in ("summary", "comparison", "charts", "methodology", "outlets", "articles"):
        assert f'id="{anchor}"' in html
    assert html.count('src="data:image/png;base64,') >= 3
    assert "invalid JSON" in html  # errors by reason
    assert "too few articles" in html
    assert "Formula / source:" in html and "Known limits:" in html  # from the metric declarations
    # who "wire" quotes: Ada Brill, 12 attributions in 12 articles, flagged official
    wire = html.split('id="outlet-wire"', 1)[1].split("</section>", 1)[0]
    assert re.search(r"<td>Ada Brill</td><td class=\"num\">12</td><td class=\"num\">12</td>.*?official", wire)
    for link in re.findall(r'href="(articles/[^"]+)"', html):
        assert (out / link).is_file()
    # no external resource: every src is inline data
    assert not re.search(r'\bsrc="(?!data:)', html)
    assert not re.search(r"url\(\s*['\"]?(?!data:)", html) and "@import" not in html  # no CSS fetches
    assert "default-src 'none'" in html  # and the CSP forbids any that slipped through
    assert not re.search(r'<link[^>]+href=', html)


@pytest.mark.parametrize("needle", XSS)
def test_untrusted_text_is_inert(built: tuple[Path, FakeAnalysis], needle: str) -> None:
    out, _ = built
    files = [out / "index.html", *(out / "articles").glob("*.html")]
    seen_escaped = False
    for f in files:
        html = f.read_text(encoding="utf-8")
        assert needle not in html, f
        assert "<script>alert" not in html and "<img src=x" not in html
        seen_escaped |= "alert(1)" in html
    assert seen_escaped  # the text is shown, escaped, not dropped
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "<script>" not in md and "<img" not in md and "<b>report</b>" not in md


def test_only_the_bundled_script_runs(built: tuple[Path, FakeAnalysis]) -> None:
    html = (built[0] / "index.html").read_text(encoding="utf-8")
    assert html.count("<script>") == 1
    assert "script-src 'sha256-" in html


@pytest.mark.parametrize("name", ["a/b", "../../etc/passwd", "tabloid / daily", "..", ".", "", "con", "a\\b",
                                  "name with spaces", "é∂ƒ", "x" * 300, "\x00evil", None])
def test_safe_filename(name: Any) -> None:
    safe = safe_filename(name)
    assert safe and len(safe) <= 100
    assert re.fullmatch(r"[A-Za-z0-9._-]+", safe)
    assert ".." not in safe and not safe.startswith(".")
    assert Path(safe).name == safe


def test_safe_filename_distinct_and_stable() -> None:
    assert safe_filename("a/b") != safe_filename("a_b")
    assert safe_filename("a/b") == safe_filename("a/b")
    assert safe_filename("nytimes.com") == "nytimes.com"


def test_outlet_names_become_safe_anchors(built: tuple[Path, FakeAnalysis]) -> None:
    out, _ = built
    html = (out / "index.html").read_text(encoding="utf-8")
    anchors = re.findall(r'id="(outlet-[^"]*)"', html)
    assert len(anchors) == 3 and all("/" not in a and " " not in a and ".." not in a for a in anchors)
    for f in (out / "articles").iterdir():
        assert f.parent == out / "articles"


def _structure(md: str) -> list[str]:
    """Headings and table header rows of report.md, with variable names masked."""
    lines = md.splitlines()
    keep = []
    for i, line in enumerate(lines):
        if line.startswith("#"):
            level = line.split(" ", 1)[0]
            fixed = line if level in ("#", "##") or line in ("### Errors by reason",) else f"{level} <name>"
            keep.append("# <title>" if level == "#" else fixed)
        elif line.startswith("|") and i + 1 < len(lines) and re.fullmatch(r"\|(\s*-+:?\s*\||\s*:?-+:?\s*\|)+", lines[i + 1].replace(" ", "")):
            cells = [c.strip() for c in line.strip("|").split("|")]
            keep.append("| " + " | ".join(cells[:2] if cells[:2] == ["outlet", "n"] else cells) + " |")
    return keep


def test_report_md_structure_matches_golden(tmp_path: Path) -> None:
    # "tabloid" uses exclamation marks, so its section has a distinctive-metrics table
    analysis, arts = make_analysis({"alpha": 10, "tabloid": 10}, errors=1)
    report(analysis, tmp_path, n_boot=50, sources=arts, evidence=False)
    got = _structure((tmp_path / "report.md").read_text(encoding="utf-8"))
    # repeated sections (per metric, per outlet) collapse to their first instance
    dedup = list(dict.fromkeys(got))
    want = GOLDEN.read_text(encoding="utf-8").splitlines()
    assert dedup == want


def test_template_override(tmp_path: Path) -> None:
    tpl = tmp_path / "templates"
    tpl.mkdir()
    (tpl / "report.md").write_text("CUSTOM {{ r.summary.outlets }} outlets\n", encoding="utf-8")
    analysis, arts = make_analysis({"alpha": 10, "beta": 2})
    report(analysis, tmp_path / "out", template_dir=tpl, n_boot=20, sources=arts, evidence=2)
    assert (tmp_path / "out" / "report.md").read_text(encoding="utf-8") == "CUSTOM 2 outlets\n"
    assert "<h2 id=\"summary\">" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")  # not overridden
    assert len(list((tmp_path / "out" / "articles").glob("*.html"))) == 2  # evidence capped


def test_context_flags_small_outlets() -> None:
    analysis, _ = make_analysis({"alpha": 10, "beta": 4}, errors=2)
    ctx = build_context(analysis, n_boot=20)
    assert ctx.summary["articles"] == 16 and ctx.summary["errors"] == 2 and ctx.summary["outlets"] == 2
    assert ctx.summary["error_reasons"] == [("invalid JSON", 2)]
    assert ctx.summary["few_outlets"] == ["beta"]
    beta = ctx.comparison.filter(pl.col("outlet") == "beta")
    assert beta["rank"].null_count() == beta.height
    assert ctx.mode_columns == ["top_word"]


def test_empty_analysis_still_reports(tmp_path: Path) -> None:
    analysis, _ = make_analysis({}, errors=2)
    report(analysis, tmp_path, n_boot=10, evidence=False)
    assert "2" in (tmp_path / "report.md").read_text(encoding="utf-8")
    assert (tmp_path / "index.html").is_file()


def test_report_of_demo_corpus(tmp_path: Path, demo_analysis: Any) -> None:
    analysis = demo_analysis
    index = report(analysis, tmp_path, n_boot=100)
    html = index.read_text(encoding="utf-8")
    assert analysis.articles.height >= 48
    assert len(list((tmp_path / "articles").glob("*.html"))) == analysis.ok.height
    assert html.count("<section class=\"outlet\"") == analysis.ok["outlet"].n_unique()


def _metric(name: str, *cols: tuple[str, str]) -> Metric:
    return Metric(name, _words, tuple(Column(c, pl.Float64, c, agg=agg) for c, agg in cols), name)


@pytest.mark.parametrize(("metrics", "extra", "want"), [
    # first column, then shares; a count defers to its rate; _authorial/_quoted variants are skipped
    ([_metric("ads", ("ads", "mean"), ("ads_per_1k_words", "mean"), ("junk_share", "share"), ("words", "mean"))],
     (), ["ads_per_1k_words", "junk_share"]),
    ([_metric("hedge", ("hedges", "mean"), ("hedged_share", "share"), ("hedges_quoted", "mean"),
              ("hedged_share_quoted", "share"))], (), ["hedges", "hedged_share"]),
    # every metric family gets at least one key column; user columns are appended
    ([_metric("a", ("x", "mean")), _metric("b", ("y", "mean"), ("z", "mean"))], ("z",), ["x", "y", "z"]),
    # capped per metric
    ([_metric("att", ("n", "mean"), *((f"s{i}_share", "share") for i in range(12)))], (),
     ["n", *(f"s{i}_share" for i in range(6))]),
    # text (mode) columns are never charted
    ([_metric("t", ("top", "mode"), ("len", "mean"))], (), ["len"]),
])
def test_key_columns(metrics: list[Metric], extra: tuple[str, ...], want: list[str]) -> None:
    from biaslens.reporting import key_columns

    assert key_columns(metrics, None, extra) == want


def test_key_columns_cover_every_registered_family() -> None:
    from biaslens.registry import available_metrics
    from biaslens.reporting import key_columns

    metrics = available_metrics()
    keys = key_columns(metrics)
    for m in metrics:
        if any(c.agg in ("mean", "share") for c in m.columns):
            assert {c.name for c in m.columns} & set(keys), m.name
    assert len(keys) <= 7 * len(metrics)


def test_user_chart_columns_and_grouping(tmp_path: Path) -> None:
    analysis, arts = make_analysis({"alpha": 10, "beta": 12}, errors=0)
    report(analysis, tmp_path, n_boot=20, sources=arts, evidence=False, charts=["exclamations"])
    assert (tmp_path / "charts" / "ranked_exclamations.png").is_file()
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    bangs = html.split('id="metric-bangs"', 1)[1].split("</section>", 1)[0]
    assert 'id="chart-ranked-exclamations"' in bangs  # the chart sits with its metric's methodology
    with pytest.raises(KeyError, match="cannot chart"):
        report(analysis, tmp_path / "x", n_boot=20, sources=arts, evidence=False, charts=["no_such_column"])


def test_untested_p_values_read_as_dash(tmp_path: Path) -> None:
    # one outlet with enough articles: no Kruskal–Wallis test can run
    analysis, arts = make_analysis({"alpha": 10, "beta": 3}, errors=0)
    report(analysis, tmp_path, n_boot=20, sources=arts, evidence=False)
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert not re.search(r"\bnan\b", html) and not re.search(r"\bnan\b", md)
    assert "not tested" in html and "not tested" in md


def test_outlet_sections_show_distinctive_metrics_with_examples(built: tuple[Path, FakeAnalysis]) -> None:
    out, _ = built
    html = (out / "index.html").read_text(encoding="utf-8")
    tab = html.split('id="outlet-tabloid', 1)[1].split("</section>", 1)[0]
    assert "Most distinctive against the other outlets" in tab
    row = re.search(r"<code>exclamations</code>.*?</tr>", tab, re.S)
    assert row and "+" in row.group(0) and "higher" in row.group(0)
    link = re.search(r'href="(articles/[^"]+)"', row.group(0))
    assert link and (out / link.group(1)).is_file()  # the most extreme article has an evidence page
    assert "Most frequent hedges" in tab and "likely" in tab


def test_cli_rejects_unknown_chart_column_before_analysing(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from biaslens.cli import main

    res = CliRunner().invoke(main, ["report", "-o", str(tmp_path / "r"), "--chart", "tone_mea", "--quiet"])
    assert res.exit_code == 2 and "tone_mean" in res.output  # suggestion
    assert not (tmp_path / "r").exists()


def test_table_shading_only_where_outlets_differ() -> None:
    # body_words is the same in both outlets (no significant difference), exclamations differ
    analysis, _ = make_analysis({"alpha": 12, "beta": 12, "tabloid": 12}, errors=0)
    ctx = build_context(analysis, n_boot=20)
    bands = {c: [r["cells"][c].get("band") for r in ctx.wide] for c in ("body_words", "exclamations")}
    assert not any(bands["body_words"])
    assert any(bands["exclamations"])


_NAMES = st.lists(st.sampled_from(["n", "n_per_1k_words", "a_share", "a_share_quoted", "b", "b_authorial", "t",
                                   "x_share", "y"]), min_size=1, max_size=6, unique=True)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_NAMES, st.lists(st.sampled_from(["mean", "share", "mode"]), min_size=6, max_size=6)),
                min_size=1, max_size=4), st.integers(1, 3), st.booleans())
def test_key_columns_properties(spec: list[tuple[list[str], list[str]]], cap: int, all_base: bool) -> None:
    from biaslens.reporting import key_columns

    # column names are unique across metrics, as the registry enforces (prefix per metric)
    metrics = [_metric(f"m{i}", *((f"m{i}_{n}", a) for n, a in zip(names, aggs))) for i, (names, aggs) in enumerate(spec)]
    keys = key_columns(metrics, max_per_metric=cap, all_base=all_base)
    assert len(keys) == len(set(keys))
    numeric = {c.name for m in metrics for c in m.columns if c.agg != "mode"}
    assert set(keys) <= numeric
    for m in metrics:  # every metric with a numeric column is represented, at most ``cap`` times
        own = [c.name for c in m.columns if c.agg != "mode"]
        if own:
            assert 1 <= len(set(own) & set(keys)) <= cap, (m, keys)


def test_key_columns_numeric_variant_of_text_column() -> None:
    from biaslens.reporting import key_columns

    assert key_columns([_metric("s", ("speaker", "mode"), ("speaker_count", "mean"))]) == ["speaker_count"]


def test_speaker_type_tie_is_broken_the_same_way_every_time() -> None:
    from biaslens.reporting import _speakers

    # two attributions each way: polars' mode() returns both, in no fixed order
    atts = pl.DataFrame({"id": ["a", "a", "b", "b"], "canonical": ["Mara Lind"] * 4,
                         "speaker_type": ["pronoun", "named_person", "named_person", "pronoun"]})
    assert {_speakers(atts)[0]["type"] for _ in range(20)} == {"named person"}
