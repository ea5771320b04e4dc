from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from biaslens.cli import main

PAGE = "- Advertisement -\nVELMORA: The fictional ferry resumed service on Monday, officials said.\n\nIt had been out of action for three weeks.\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "one.txt").write_text(PAGE, encoding="utf-8")
    lines = [
        json.dumps({"id": "j1", "outlet": "wire.example", "text": "The council met on Tuesday.\n\nIt agreed a budget, the mayor said."}),
        "{not json",
        json.dumps({"id": "j3", "outlet": "wire.example", "text": "Officials said the road would reopen."}),
    ]
    (tmp_path / "c" / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path / "c"


def test_analyze_writes_one_row_per_article_and_exits_0(runner: CliRunner, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    res = runner.invoke(main, ["analyze", str(corpus), "-o", str(out), "--jobs", "1", "--metrics", "ad_density"])
    assert res.exit_code == 0, res.output
    df = pl.read_parquet(out)
    assert df.height == 4
    assert sorted(df["status"].to_list()) == ["error", "ok", "ok", "ok"]
    err = df.filter(pl.col("status") == "error")["error"].item()
    assert "feed.jsonl" in err and ":2" in err
    assert "4 articles: 3 ok, 1 errors" in res.stderr


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_analyze_output_formats(runner: CliRunner, corpus: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"out{suffix}"
    res = runner.invoke(main, ["analyze", str(corpus / "one.txt"), "-o", str(out), "-q", "--metrics", "ad_density"])
    assert res.exit_code == 0, res.output
    reader = {".csv": pl.read_csv, ".jsonl": pl.read_ndjson, ".parquet": pl.read_parquet}[suffix]
    assert reader(out)["ad_markers"].to_list() == [1]
    assert res.stderr == ""


def test_analyze_to_stdout_as_jsonl(runner: CliRunner, corpus: Path) -> None:
    res = runner.invoke(main, ["analyze", str(corpus / "one.txt"), "-o", "-", "-q", "--metrics", "ad_density"])
    assert res.exit_code == 0
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert rows[0]["dateline"] == "VELMORA" and rows[0]["status"] == "ok"


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["analyze", "does-not-exist.txt", "-o", "x.csv"], "does not exist"),
        (["analyze", "{corpus}", "-o", "x.xlsx"], "unknown output format"),
        (["analyze", "{corpus}", "-o", "x.csv", "--metrics", "adz"], "Valid metrics:"),
        (["analyze", "{corpus}"], "Missing option"),
        (["analyze", "{corpus}", "-o", "x.csv", "--jobs", "0"], "--jobs"),
    ],
)
def test_usage_errors_exit_2(runner: CliRunner, corpus: Path, args: list[str], needle: str) -> None:
    res = runner.invoke(main, [a.format(corpus=corpus) for a in args])
    assert res.exit_code == 2, res.output
    assert needle in res.output


def test_segment_json(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text(PAGE, encoding="utf-8")
    res = runner.invoke(main, ["segment", str(page), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert [(ln["index"], ln["cls"]) for ln in data["lines"]] == [(0, "ad"), (1, "body"), (3, "body")]
    assert data["dateline"] == "VELMORA"
    assert data["body"].startswith("The fictional ferry")


def test_segment_rejects_non_utf8(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_bytes(b"caf\xe9 \xff\xfe")
    res = runner.invoke(main, ["segment", str(page)])
    assert res.exit_code == 2 and "not UTF-8" in res.output


def test_metrics_lists_every_registered_metric(runner: CliRunner) -> None:
    from biaslens.registry import available_metrics

    res = runner.invoke(main, ["metrics"])
    assert res.exit_code == 0
    for m in available_metrics():
        assert m.name in res.stdout
        for c in m.columns:
            assert c.name in res.stdout
    data = json.loads(runner.invoke(main, ["metrics", "--json"]).stdout)
    assert {d["name"] for d in data} == {m.name for m in available_metrics()}


def test_every_command_help_has_an_example(runner: CliRunner) -> None:
    for name in main.commands:
        res = runner.invoke(main, [name, "--help"])
        assert res.exit_code == 0, name
        assert "Example:" in res.stdout, f"'biaslens {name} --help' shows no example"


def test_unexpected_failure_exits_1_with_a_message(runner: CliRunner, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import biaslens.pipeline

    def broken(*a, **k):  # noqa: ANN002, ANN003
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(biaslens.pipeline, "analyze", broken)
    monkeypatch.delenv("BIASLENS_DEBUG", raising=False)
    res = runner.invoke(main, ["analyze", str(corpus), "-o", str(tmp_path / "x.csv")])
    assert res.exit_code == 1
    assert "RuntimeError: disk on fire" in res.output


def test_analyze_writes_the_evidence_tables(runner: CliRunner, demo_dir: Path, tmp_path: Path) -> None:
    outs = {k: tmp_path / f"{k}.parquet" for k in ("rows", "who", "cues", "tone")}
    res = runner.invoke(
        main,
        ["analyze", str(demo_dir / "dailyclarion.example"), "-o", str(outs["rows"]), "-q",
         "--attributions", str(outs["who"]), "--cues", str(outs["cues"]), "--entity-tone", str(outs["tone"])],
    )
    assert res.exit_code == 0, res.output
    rows, who, cues, tone = (pl.read_parquet(outs[k]) for k in ("rows", "who", "cues", "tone"))
    assert rows.height == 12
    assert {"id", "outlet", "speaker", "canonical", "speaker_type", "is_official", "kind", "cue"} <= set(who.columns)
    assert set(who["id"].to_list()) <= set(rows["id"].to_list())
    # the tabloid leans on unnamed sources
    assert who.filter(pl.col("speaker_type") == "anonymous").height > 12
    assert {"text", "kind", "group", "in_quote", "start", "end"} <= set(cues.columns)
    assert set(cues["kind"].unique()) <= {"hedge", "booster", "approximator"}
    # without --entity the corpus's most frequent names are used
    assert tone["entity"].n_unique() >= 3
    assert tone.schema["mentions"] == pl.Int64
