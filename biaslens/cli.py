"""The ``biaslens`` command line: a thin layer over the library.

Each command parses its options, builds :class:`~biaslens.settings.Settings`
in one place (:func:`_settings`) and calls a library function. Exit codes:
0 when a run completes (per-article errors included), 2 on usage errors,
1 on fatal errors.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any, Callable

import click

from biaslens.settings import ColumnMap, Settings

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _split_names(values: tuple[str, ...]) -> tuple[str, ...] | None:
    names = tuple(n.strip() for v in values for n in v.split(",") if n.strip())
    return names or None


def column_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """Shared options mapping tabular input columns to article fields."""
    for name, help_ in reversed(
        [
            ("text", "column holding the article text"),
            ("outlet", "column holding the outlet"),
            ("id", "column holding the article id"),
            ("url", "column holding the URL"),
            ("date", "column holding the publication date"),
            ("title", "column holding the title"),
        ]
    ):
        f = click.option(f"--{name}-col", f"{name}_col", metavar="NAME", help=f"Tabular input: {help_} (default: auto-detect).")(f)
    return f


def run_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by commands that run an analysis."""
    f = click.option("--outlet", metavar="NAME", help="Use this outlet for every article (overrides columns, URLs, folders).")(f)
    f = click.option("--metrics", "metrics", multiple=True, metavar="NAMES", help="Comma-separated metric names (default: all; see 'biaslens metrics').")(f)
    f = click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")(f)
    f = click.option("--entity", "entities", multiple=True, metavar="NAME", help="Entity for entity-targeted tone (repeatable).")(f)
    f = click.option("--readability-engine", type=click.Choice(["biaslens", "textstat"]), default="biaslens", show_default=True, help="Readability counts: biaslens (news-aware) or textstat (exact textstat outputs).")(f)
    f = click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line.")(f)
    return column_options(f)


def _settings(
    *,
    metrics: tuple[str, ...] = (),
    jobs: int | None = None,
    outlet: str | None = None,
    entities: tuple[str, ...] = (),
    readability_engine: str = "biaslens",
    text_col: str | None = None,
    outlet_col: str | None = None,
    id_col: str | None = None,
    url_col: str | None = None,
    date_col: str | None = None,
    title_col: str | None = None,
    **_: Any,
) -> Settings:
    """The one bridge from CLI options to library settings."""
    from biaslens.registry import UnknownMetricError, resolve_metrics

    if any(not e.strip() for e in entities):
        raise click.BadParameter("an entity name is empty", param_hint="--entity")
    names = _split_names(metrics)
    try:
        resolve_metrics(names)
    except UnknownMetricError as exc:
        raise click.BadParameter(str(exc), param_hint="--metrics") from None
    return Settings(
        metrics=names,
        jobs=jobs,
        outlet=outlet,
        entities=tuple(e.strip() for e in entities),
        readability_engine=readability_engine,
        columns=ColumnMap(text=text_col, outlet=outlet_col, id=id_col, url=url_col, date=date_col, title=title_col),
    )


def _check_inputs(inputs: tuple[str, ...]) -> list[str]:
    """The CLI's own input errors. The readers check the rest (an empty glob, a
    folder without article files) when the run starts, before any article is
    read; callers turn their FileNotFoundError into a usage error."""
    import glob

    for item in inputs:
        if item == "-" and not os.path.exists(item):
            raise click.BadParameter("articles cannot be read from stdin ('-'); save them to a file "
                                     "(.jsonl, .csv, .txt, ...) and pass its path", param_hint="INPUT")
        if not os.path.exists(item) and not glob.has_magic(item):
            raise click.BadParameter(f"{item!r} does not exist", param_hint="INPUT")
    return list(inputs)


class _Progress:
    """A progress counter on stderr, shown only when stderr is a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self._progress: Any = None

    def __enter__(self) -> Callable[[int], None] | None:
        if not self.enabled:
            return None
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._progress = Progress(SpinnerColumn(), TextColumn("{task.completed} articles"), TimeElapsedColumn(), console=Console(stderr=True), transient=True)
        self._progress.__enter__()
        task = self._progress.add_task("analyze", total=None)
        return lambda n: self._progress.advance(task, n)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)


#: output table format by extension -> the polars DataFrame writer
_WRITERS = {".parquet": "write_parquet", ".csv": "write_csv", ".jsonl": "write_ndjson", ".ndjson": "write_ndjson", ".json": "write_json"}


def _unknown_format(suffix: str, hint: str) -> click.BadParameter:
    return click.BadParameter(f"unknown output format {suffix or '(none)'!r}: use .parquet, .csv, .jsonl or -", param_hint=hint)


def write_table(df: Any, out: str) -> None:
    """Write a polars frame to ``out`` by extension (.parquet, .csv, .jsonl/.ndjson/.json); ``-`` is JSONL on stdout."""
    if out == "-":
        sys.stdout.write(df.write_ndjson())
        return
    path = Path(out)
    writer = _WRITERS.get(path.suffix.lower())
    if writer is None:
        raise _unknown_format(path.suffix, "-o")
    path.parent.mkdir(parents=True, exist_ok=True)
    getattr(df, writer)(path)


def _check_out(out: str | None, hint: str) -> None:
    """Reject an output the run could not write, before the (possibly long) run."""
    if not out or out == "-":
        return
    path = Path(out)
    if path.is_dir():
        raise click.BadParameter(f"{out!r} is a directory; give a file name such as {os.path.join(out, 'metrics.parquet')!r}", param_hint=hint)
    if path.suffix.lower() not in _WRITERS:
        raise _unknown_format(path.suffix, hint)
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                raise click.BadParameter(f"cannot write {out!r}: {str(parent)!r} is a file, not a directory", param_hint=hint)
            break


#: without --entity, a report shows tone towards this many of the corpus's most frequent names
REPORT_ENTITIES = 8


class _Group(click.Group):
    """Unexpected errors end the run with a one-line message and exit code 1
    (set BIASLENS_DEBUG=1 for the traceback)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            if os.environ.get("BIASLENS_DEBUG"):
                raise
            raise click.ClickException(f"{type(exc).__name__}: {exc}") from exc


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(package_name="biaslens")
def main() -> None:
    """biaslens: measure how news outlets report, and compare outlets.

    \b
    Example:
        biaslens report                      # the bundled demo corpus -> reports/demo/
        biaslens analyze articles/ -o metrics.parquet
    """


@main.command(context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", "out", required=True, metavar="OUT", help="Output table: .parquet, .csv or .jsonl, or - for JSONL on stdout.")
@click.option("--attributions", "attributions_out", metavar="OUT", help="Also write the long table of attribution records.")
@click.option("--cues", "cues_out", metavar="OUT", help="Also write the long table of hedge/booster cues.")
@click.option("--entity-tone", "entity_out", metavar="OUT", help="Also write per-article entity tone (with --entity).")
@run_options
def analyze(inputs: tuple[str, ...], out: str, attributions_out: str | None, cues_out: str | None, entity_out: str | None, quiet: bool, **options: Any) -> None:
    """Analyse articles and write one row of metrics per article.

    INPUT is any mix of files, folders and globs: .txt, .html/.htm, .jsonl/.ndjson,
    .csv, .parquet, .warc/.warc.gz. Every input article gives exactly one row, with
    status 'ok' or 'error' (and the error message): nothing is dropped.

    \b
    Example:
        biaslens analyze data/demo -o demo.parquet
        biaslens analyze corpus.jsonl --text-col body --metrics ads,attribution -o - | head
        biaslens analyze 'scrapes/**/*.txt' --outlet example.com -j 4 -o out.csv --attributions who.csv
    """
    from biaslens.pipeline import analyze as run

    for o, hint in ((out, "-o"), (attributions_out, "--attributions"), (cues_out, "--cues"), (entity_out, "--entity-tone")):
        _check_out(o, hint)
    settings = _settings(**options)
    if entity_out and not settings.entities:
        settings = settings.replace(auto_entities=10)
    paths = _check_inputs(inputs)
    with _Progress(not quiet) as progress:
        try:
            result = run(paths, settings=settings, long_tables=bool(attributions_out or cues_out or entity_out), progress=progress)
        except (FileNotFoundError, NotADirectoryError) as exc:
            raise click.BadParameter(str(exc), param_hint="INPUT") from None
    write_table(result.articles, out)
    if attributions_out:
        write_table(result.attributions, attributions_out)
    if cues_out:
        write_table(result.cues, cues_out)
    if entity_out and result.entity_tone is not None:
        write_table(result.entity_tone, entity_out)
    if not quiet:
        click.echo(result.summary_line(), err=True)


@main.command(context_settings=CONTEXT)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="Print the segmentation as JSON (lines with index and class, body, dateline).")
def segment(file: str, as_json: bool) -> None:
    """Split a scraped page into story, ads, chrome, related links, captions and bylines.

    FILE is a text file (or - for stdin, also .gz) or an HTML page (its extracted
    text is segmented); every non-empty line gets a class.

    \b
    Example:
        biaslens segment page.txt
        biaslens segment page.txt --json | jq '.lines[] | select(.cls == "ad")'
    """
    from biaslens.model import LINE_CLASSES
    from biaslens.segmentation import segment as run

    seg = run(_page_text(file))
    if as_json:
        click.echo(json.dumps(seg.to_dict(), ensure_ascii=False, indent=2))
        return
    width = max(len(c) for c in LINE_CLASSES)
    for line in seg.lines:
        click.echo(f"{line.index:>4} {line.cls:<{width}} {line.text}")
    if seg.dateline:
        click.echo(f"dateline: {seg.dateline}")


def _page_text(file: str) -> str:
    """The text of one scraped page for ``segment``: text (also gzipped) or an
    HTML page (its extracted story text), from a file or stdin."""
    from biaslens.readers import format_of
    from biaslens.readers._common import open_binary

    kind = None if file == "-" else format_of(Path(file).name)
    if kind not in (None, "text", "html"):
        raise click.BadParameter(f"{file} holds many articles ({kind}); segment takes one page (.txt or .html). "
                                 f"For one article of it use: biaslens explain {file} --id ID", param_hint="FILE")
    try:
        if file == "-":
            stream = getattr(sys.stdin, "buffer", None)  # bytes, so the UTF-8 check is ours
            raw = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
        else:
            with open_binary(Path(file)) as fh:
                raw = fh.read()
    except (OSError, EOFError) as exc:  # unreadable, or a damaged .gz
        raise click.BadParameter(f"cannot read {file}: {exc}", param_hint="FILE") from None
    if kind == "html":
        from biaslens.readers.html import decode_html, extract_html

        ext = extract_html(decode_html(raw))
        if ext.error:
            raise click.BadParameter(f"{file}: {ext.error}", param_hint="FILE")
        return ext.text
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        name = "stdin" if file == "-" else file
        raise click.BadParameter(f"{name} is not UTF-8 text ({exc.reason} at byte {exc.start})", param_hint="FILE") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


@main.command(context_settings=CONTEXT)
@click.option("--json", "as_json", is_flag=True, help="Print metrics and their columns as JSON.")
def metrics(as_json: bool) -> None:
    """List the registered metrics and the columns each one writes.

    \b
    Example:
        biaslens metrics
        biaslens analyze data/demo --metrics ads,readability -o out.parquet
    """
    from biaslens.registry import available_metrics

    ms = available_metrics()
    if as_json:
        payload = [
            {
                "name": m.name,
                "description": m.description,
                "source": m.source,
                "columns": [{"name": c.name, "dtype": str(c.dtype), "agg": c.agg, "description": c.description} for c in m.columns],
            }
            for m in ms
        ]
        click.echo(json.dumps(payload, indent=2))
        return
    for m in ms:
        click.echo(f"{m.name:<14} {m.description}")
        for c in m.columns:
            click.echo(f"    {c.name:<34} {c.description}")


@main.command(context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option("-o", "--output", "out_dir", metavar="DIR", help="Report folder (default: reports/demo for the demo corpus, else reports/report).")
@click.option("--title", metavar="TEXT", help="Report title.")
@click.option("--template-dir", type=click.Path(exists=True, file_okay=False), help="Folder of Jinja2 templates overriding the bundled ones (index.html, report.md, evidence.html).")
@click.option("--evidence/--no-evidence", default=True, show_default=True, help="Write an evidence page per article.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the bootstrap confidence intervals.")
@click.option("--chart", "chart_cols", multiple=True, metavar="COL", help="Also chart this metric column (repeatable); key columns of every metric are charted anyway.")
@run_options
def report(inputs: tuple[str, ...], out_dir: str | None, title: str | None, template_dir: str | None, evidence: bool, seed: int, quiet: bool, chart_cols: tuple[str, ...] = (), **options: Any) -> None:
    """Analyse articles and write an outlet-comparison report.

    Writes index.html (self-contained), report.md, outlets.csv/.parquet,
    articles.parquet, charts/ and articles/ (one evidence page per article).
    Without INPUT, the bundled fictional demo corpus is used.

    \b
    Example:
        biaslens report                                  # demo corpus -> reports/demo/
        biaslens report corpus.jsonl -o reports/corpus --title "Spring coverage"
        biaslens report corpus.jsonl --chart tone_mean_quoted --chart weasels
    """
    from biaslens.pipeline import analyze as run, demo_corpus_path
    from biaslens.reporting import check_out_dir, report as write_report

    settings = _settings(**options)
    _check_chart_columns(chart_cols, settings)
    try:
        check_out_dir(out_dir or "reports")
    except NotADirectoryError as exc:
        raise click.BadParameter(str(exc), param_hint="-o") from None
    if not settings.entities:
        settings = settings.replace(auto_entities=REPORT_ENTITIES)
    if inputs:
        paths = _check_inputs(inputs)
        out = out_dir or os.path.join("reports", "report")
    else:
        paths = [str(demo_corpus_path())]
        out = out_dir or os.path.join("reports", "demo")
        title = title or "biaslens demo corpus (fictional outlets)"
    with _Progress(not quiet) as progress:
        try:
            analysis = run(paths, settings=settings, progress=progress, evidence=bool(evidence))
        except (FileNotFoundError, NotADirectoryError) as exc:
            raise click.BadParameter(str(exc), param_hint="INPUT") from None
    try:
        index = write_report(analysis, out, title=title, template_dir=template_dir, settings=settings, seed=seed,
                             evidence=evidence, sources=None, charts=chart_cols)
    except KeyError as exc:  # a --chart column without values in this input
        raise click.BadParameter(str(exc.args[0]), param_hint="--chart") from None
    if not quiet:
        click.echo(analysis.summary_line(), err=True)
        click.echo(f"report written to {index}", err=True)


def _check_chart_columns(cols: tuple[str, ...], settings: Settings) -> None:
    """Fail before the analysis when a --chart column is not a numeric column of the chosen metrics."""
    if not cols:
        return
    import difflib

    from biaslens.registry import metric_columns, resolve_metrics

    # metric names were already checked by _settings
    valid = [c.name for c in metric_columns(resolve_metrics(settings.metrics)) if c.agg in ("mean", "share")]
    for col in cols:
        if col not in valid:
            close = difflib.get_close_matches(col, valid, n=3)
            hint = f" Did you mean: {', '.join(close)}?" if close else ""
            raise click.BadParameter(f"{col!r} is not a numeric metric column.{hint} Valid: {', '.join(valid)}",
                                     param_hint="--chart")


@main.command(context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, required=True, metavar="ARTICLE...")
@click.option("--id", "article_id", metavar="ID", help="The article to explain when the input holds several.")
@click.option("--html", "html_out", type=click.Path(dir_okay=False), help="Also write the evidence page as HTML.")
@click.option("--color/--no-color", default=None, help="Force or disable colours (default: when stdout is a terminal).")
@click.option("--width", type=int, default=None, help="Line width of the terminal view.")
@column_options
def explain(inputs: tuple[str, ...], article_id: str | None, html_out: str | None, color: bool | None, width: int | None, **options: Any) -> None:
    """Show one article with what was measured: ads and chrome struck out,
    sources, hedges and boosters highlighted, and its metrics.

    ARTICLE is a file (.txt, .html, …), or files/folders holding several
    articles together with --id.

    \b
    Example:
        biaslens explain data/demo/dailyclarion.example/001-port-strike--dock-chaos.txt
        biaslens explain corpus.jsonl --id abc-123 --html abc-123.html
    """
    from biaslens.evidence import explain as build, render_html, render_terminal
    from biaslens.readers import read_articles

    settings = _settings(**options)
    try:
        articles = read_articles(_check_inputs(inputs), columns=settings.columns, outlet=settings.outlet)
    except FileNotFoundError as exc:
        raise click.BadParameter(str(exc), param_hint="INPUT") from None
    chosen = None
    seen: list[str] = []
    for art in articles:
        # ids are relative to the input given, so also accept the id an
        # analysis of a folder above printed ("corpus/feed.jsonl:2" for feed.jsonl)
        if article_id is None or art.id == article_id or (art.id.rsplit("/", 1)[-1] == article_id) \
                or article_id.endswith("/" + art.id):
            if chosen is not None and article_id is None:
                raise click.UsageError(f"the input holds several articles ({chosen.id}, {art.id}, …); pick one with --id")
            chosen = chosen or art
            if article_id is not None:
                break
        elif len(seen) < 5:
            seen.append(art.id)
    if chosen is None:
        hint = f"; ids look like: {', '.join(seen)}" if seen else ""
        raise click.UsageError(f"no article with id {article_id!r} in the input{hint}" if article_id else "the input holds no article")
    if chosen.error:
        raise click.ClickException(f"cannot read {chosen.id}: {chosen.error}")
    expl = build(chosen, settings=settings)
    use_color = sys.stdout.isatty() if color is None else color
    click.echo(render_terminal(expl, width=width or _terminal_width(), color=use_color), nl=False, color=use_color)
    if html_out:
        Path(html_out).write_text(render_html(expl), encoding="utf-8")


def _terminal_width() -> int:
    # clamped: very narrow terminals wrap every line, very wide ones are hard to read
    return max(60, min(140, shutil.get_terminal_size((100, 24)).columns))
