"""The data flow of an analysis: read -> segment -> metrics -> tables.

``analyze`` is the one entry point used by the CLI, the notebook API and the
report layer. Articles are streamed in batches (a 10 GB corpus is never held
in memory: only the per-article metric rows are), optionally spread over
worker processes, and every input article yields exactly one output row with a
``status`` of ``ok`` or ``error``.
"""
from __future__ import annotations

import dataclasses
import difflib
import itertools
import os
import re
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from biaslens.model import ARTICLE_SCHEMA, STATUS_SCHEMA, Article, Doc
from biaslens.registry import Metric, output_schema, resolve_metrics
from biaslens.settings import Settings

if TYPE_CHECKING:
    from biaslens.hedging import Cue

__all__ = [
    "Analysis",
    "ArticleResult",
    "BASE_COLUMNS",
    "analyze",
    "analyze_article",
    "build_doc",
    "demo_corpus_path",
    "is_frame",
    "iter_results",
    "prepare",
    "Prepared",
    "error_reason",
]

#: Identity and status columns of the article table, before the metric columns.
BASE_COLUMNS: dict[str, pl.DataType] = {
    **{k: v for k, v in ARTICLE_SCHEMA.items() if k not in ("text", "html")},
    **STATUS_SCHEMA,
    "dateline": pl.String(),
}

Source = str | os.PathLike[str] | Article | Iterable[Any]


@dataclass(slots=True)
class ArticleResult:
    """Everything the pipeline keeps of one article."""

    row: dict[str, Any]
    attributions: list[dict[str, Any]] = field(default_factory=list)
    cues: list[dict[str, Any]] = field(default_factory=list)
    entity_tone: list[dict[str, Any]] = field(default_factory=list)
    #: the evidence view of the article (``analyze(..., evidence=True)``)
    evidence: Any = None


@dataclass(slots=True)
class Analysis:
    """Result of :func:`analyze`.

    ``articles``: one row per input article (identity, ``status``, ``error``,
    ``dateline`` and the declared metric columns). ``attributions``, ``cues``
    and ``entity_tone`` are long tables keyed by article ``id`` that let every
    figure be traced back to the words that produced it.
    """

    articles: pl.DataFrame
    attributions: pl.DataFrame
    cues: pl.DataFrame
    entity_tone: pl.DataFrame | None
    metrics: list[Metric]
    settings: Settings
    #: id -> :class:`~biaslens.evidence.Explanation`, when asked for with ``evidence=True``
    evidence: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> pl.DataFrame:
        return self.articles.filter(pl.col("status") == "ok")

    def summary(self) -> dict[str, Any]:
        """Counts of articles by status and of errors by reason."""
        errors = self.articles.filter(pl.col("status") == "error")["error"].to_list()
        return {
            "articles": self.articles.height,
            "ok": self.articles.height - len(errors),
            "errors": len(errors),
            "error_reasons": dict(Counter(error_reason(e) for e in errors).most_common()),
        }

    def summary_line(self) -> str:
        s = self.summary()
        line = f"{s['articles']} articles: {s['ok']} ok, {s['errors']} errors"
        if s["error_reasons"]:
            line += " (" + ", ".join(f"{k}: {v}" for k, v in s["error_reasons"].items()) + ")"
        return line


_LOCATION = re.compile(r"^\S+?:\d+:\s*|^\S+\.\w+:\s*")
# per-record details that would split one reason into many
_DETAIL = re.compile(r"\s+at (?:byte|line|row|position) \d+.*$|\s*\((?:column|line|row) [^)]*\)")


def error_reason(message: str | None) -> str:
    """The reason of an error message, without file and line: 'invalid JSON: ...' -> 'invalid JSON'."""
    if not message:
        return "unknown"
    msg = _LOCATION.sub("", message.strip(), count=1)
    reason = re.split(r"[:;]", msg, maxsplit=1)[0]
    reason = _DETAIL.sub("", reason)
    return reason.strip()[:60] or "unknown"


def demo_corpus_path() -> Path:
    """The bundled demo corpus (``data/demo`` in the project)."""
    path = Path(__file__).resolve().parent.parent / "data" / "demo"
    if not path.is_dir():
        raise FileNotFoundError(f"demo corpus not found at {path}; install biaslens from its source tree (pip install -e .)")
    return path


# ---------------------------------------------------------------- one article


def build_doc(article: Article, settings: Settings | None = None, *, boilerplate: Iterable[str] | None = None) -> Doc:
    """Segment ``article`` into a :class:`Doc` ready for the metrics."""
    from biaslens.segmentation import segment

    settings = settings or Settings()
    seg = segment(article.text or "", title=article.title, boilerplate=frozenset(boilerplate) if boilerplate else None)
    return Doc(article, seg, settings)


def _identity(article: Article) -> dict[str, Any]:
    return {k: getattr(article, k) for k in BASE_COLUMNS if k in ARTICLE_SCHEMA}


def analyze_article(
    article: Article,
    metrics: Sequence[Metric],
    settings: Settings,
    *,
    boilerplate: Iterable[str] | None = None,
    long_tables: bool = True,
    evidence: bool = False,
) -> ArticleResult:
    """Run segmentation and ``metrics`` on one article; never raises."""
    row = _identity(article)
    row.update(status="ok", error=None, dateline=None)
    if article.error:
        row.update(status="error", error=article.error)
        return ArticleResult(row)
    if not (article.text or "").strip():
        row.update(status="error", error="no text: the article is empty")
        return ArticleResult(row)
    step = "segmentation"
    try:
        doc = build_doc(article, settings, boilerplate=boilerplate)
        row["dateline"] = doc.segmentation.dateline
        for m in metrics:
            step = f"metric {m.name}"
            row.update(m(doc))
        result = ArticleResult(row)
        if long_tables:
            step = "evidence tables"
            _long_tables(doc, result, settings)
        if evidence:
            from biaslens.evidence import explain

            step = "evidence view"
            result.evidence = explain(doc, settings=settings, metrics={c.name: row[c.name] for m in metrics for c in m.columns})
        return result
    except Exception as exc:  # one bad article must not stop the run
        row.update(status="error", error=f"{step} failed: {type(exc).__name__}: {exc}")
        return ArticleResult(row)


def _long_tables(doc: Doc, result: ArticleResult, settings: Settings) -> None:
    """The evidence tables of one article: who is cited, which cues, entity tone."""
    from biaslens.metrics.attribution import attribution_rows

    ident = {"id": doc.article.id, "outlet": doc.article.outlet}
    result.attributions = [{**ident, **r} for r in attribution_rows(doc)]
    result.cues = [{**ident, **_cue_row(c)} for c in doc.hedges]
    if settings.entities:
        from biaslens.metrics.sentiment import entity_tone_rows

        result.entity_tone = [{**ident, **r} for r in entity_tone_rows(doc, list(settings.entities))]


def _cue_row(cue: Cue) -> dict[str, Any]:
    # attributes, not Cue.to_dict(): asdict() deep-copies every cue of every article
    return {
        "text": cue.text,
        "kind": cue.kind,
        "group": cue.group,
        "in_quote": cue.in_quote,
        "start": cue.span[0],
        "end": cue.span[1],
    }


# ---------------------------------------------------------------- streaming


def is_frame(obj: Any) -> bool:
    return type(obj).__module__.startswith(("polars", "pandas")) and hasattr(obj, "columns")


def _articles(source: Source, settings: Settings) -> Iterator[Article]:
    """Articles from paths (one reader run, so ids stay unique), frames or Article objects."""
    from biaslens.readers import read_articles
    from biaslens.readers.frame import read_frame

    if isinstance(source, (str, os.PathLike)):
        source = [source]
    if isinstance(source, Article):
        source = [source]
    _check_source_type(source)
    if is_frame(source):
        yield from read_frame(source, columns=settings.columns, outlet=settings.outlet)
        return
    paths: list[str | os.PathLike[str]] = []
    for item in source:
        if isinstance(item, (str, os.PathLike)):
            paths.append(item)
            continue
        if paths:
            yield from read_articles(paths, columns=settings.columns, outlet=settings.outlet)
            paths = []
        if isinstance(item, Article):
            if settings.outlet:
                item.outlet = settings.outlet
            yield item
        elif is_frame(item):
            yield from read_frame(item, columns=settings.columns, outlet=settings.outlet)
        else:
            raise TypeError(f"cannot analyze {type(item).__name__}: pass paths, Articles or a DataFrame")
    if paths:
        yield from read_articles(paths, columns=settings.columns, outlet=settings.outlet)


_INPUT_KINDS = "paths (files, folders, globs), Articles or a DataFrame (polars or pandas)"


def _check_source_type(source: Any) -> None:
    """TypeError for what is no input at all (a dict, a number), before anything else:
    iterating a dict would read its keys as paths."""
    if is_frame(source) or isinstance(source, (str, os.PathLike, Article)):
        return
    if isinstance(source, Iterable) and not isinstance(source, (dict, bytes, bytearray)):
        return
    kind = type(source).__name__
    hint = "; wrap a dict of columns as pl.DataFrame(d)" if isinstance(source, dict) else ""
    raise TypeError(f"cannot analyze a {kind}: pass {_INPUT_KINDS}{hint}")


def check_inputs(source: Source) -> None:
    """Raise FileNotFoundError now for a missing path or an empty glob (a usage error),
    TypeError for an input of the wrong kind."""
    from biaslens.readers import _sources

    if isinstance(source, (str, os.PathLike)):
        source = [source]
    _check_source_type(source)
    if isinstance(source, (list, tuple)):
        paths = [p for p in source if isinstance(p, (str, os.PathLike))]
        if paths:
            try:
                _sources(paths)
            except FileNotFoundError as exc:
                # a sentence passed where a path goes: say how to analyse text
                text = next((str(p) for p in paths if isinstance(p, str) and (" " in p.strip() or "\n" in p)
                             and not os.path.exists(p)), None)
                if text is not None and str(exc).endswith(text):
                    raise FileNotFoundError(f"{exc} (to analyse a text rather than a file, pass a DataFrame with a "
                                            "'text' column, e.g. pl.DataFrame({'text': [...]}), or a biaslens Article)") from None
                raise


def _prepass(articles: Iterable[Article], n_entities: int = 0) -> tuple[Any, list[str]]:
    """One pass over the corpus before the analysis: the lines each outlet
    repeats (site boilerplate) and, when asked, its most frequent names."""
    from biaslens.segmentation import BoilerplateIndex

    index = BoilerplateIndex()

    def texts() -> Iterator[str]:
        for a in articles:
            if not a.error and a.text:
                index.add(a.outlet or "", a.text)
                yield a.text

    if n_entities <= 0:
        for _ in texts():
            pass
        return index, []
    from biaslens.sentiment import frequent_entities

    return index, _distinct_names(frequent_entities(texts(), n_entities * 3), n_entities)


def _distinct_names(names: Sequence[str], n: int) -> list[str]:
    """Most frequent first; a name that is part of a chosen one ("Putin" of
    "Vladimir Putin", or the reverse) is the same entity and is skipped."""
    chosen: list[str] = []
    for name in names:
        words = name.split()
        if any(_contains(c.split(), words) or _contains(words, c.split()) for c in chosen):
            continue
        chosen.append(name)
        if len(chosen) == n:
            break
    return chosen


def _contains(outer: list[str], inner: list[str]) -> bool:
    k = len(inner)
    return any(outer[i : i + k] == inner for i in range(len(outer) - k + 1))


#: below this many batches an analysis runs in-process
_MIN_BATCHES_FOR_POOL = 3

# Worker state: set once per process so each batch only carries its articles.
_WORKER: dict[str, Any] = {}


def _init_worker(settings: Settings, long_tables: bool, evidence: bool = False) -> None:
    _WORKER["settings"] = settings
    _WORKER["metrics"] = resolve_metrics(settings.metrics)
    _WORKER["long_tables"] = long_tables
    _WORKER["evidence"] = evidence


def _run_batch(batch: list[Article], boilerplate: dict[str, frozenset[str]]) -> list[ArticleResult]:
    settings, metrics = _WORKER["settings"], _WORKER["metrics"]
    return [
        analyze_article(
            a, metrics, settings,
            boilerplate=boilerplate.get(a.outlet or ""),
            long_tables=_WORKER["long_tables"],
            evidence=_WORKER["evidence"],
        )
        for a in batch
    ]


@dataclass(slots=True)
class Prepared:
    """An input ready to analyse: what the pre-pass learned about the corpus,
    and the settings with automatic entities resolved."""

    source: Any
    settings: Settings
    boilerplate: Any


def prepare(source: Source, settings: Settings | None = None) -> Prepared:
    """Check the input and run the pre-pass (see :func:`iter_results`)."""
    settings = settings or Settings()
    resolve_metrics(settings.metrics)  # fail fast on unknown names, before any reading
    if isinstance(source, Iterator):
        source = list(source)  # one-shot input: the two passes need it twice
    check_inputs(source)
    auto = settings.auto_entities if not settings.entities else 0
    index, names = _prepass(_articles(source, settings), auto)
    if names:
        settings = settings.replace(entities=tuple(names))
    return Prepared(source, settings, index)


def iter_results(
    source: Source | Prepared,
    *,
    settings: Settings | None = None,
    long_tables: bool = True,
    evidence: bool = False,
    progress: Callable[[int], None] | None = None,
) -> Iterator[ArticleResult]:
    """Yield one :class:`ArticleResult` per input article, in input order.

    With paths as input the corpus is read twice: a first pass learns the lines
    each outlet repeats across its articles (site boilerplate) for the
    segmenter (and, with ``auto_entities``, the most frequent names); the
    second pass analyses. ``settings.jobs`` worker processes share the
    batches; a small input is analysed in-process.
    """
    from biaslens.readers import batched

    prepared = source if isinstance(source, Prepared) else prepare(source, settings)
    settings, index, source = prepared.settings, prepared.boilerplate, prepared.source

    def table(batch: list[Article]) -> dict[str, frozenset[str]]:
        return {o: index.repeated(o) for o in {a.outlet or "" for a in batch}}

    batches = batched(_articles(source, settings), settings.batch_size)
    # Worker processes cost seconds to start: small runs stay in-process.
    head = list(itertools.islice(batches, _MIN_BATCHES_FOR_POOL))
    chain = itertools.chain(head, batches)

    def emit(results: list[ArticleResult]) -> Iterator[ArticleResult]:
        for r in results:
            yield r
            if progress:
                progress(1)

    if len(head) < _MIN_BATCHES_FOR_POOL or settings.workers <= 1:
        _init_worker(settings, long_tables, evidence)
        for batch in chain:
            yield from emit(_run_batch(batch, table(batch)))
        return
    # spawn, not fork: polars' thread pool in the parent makes fork unsafe
    ctx = get_context("spawn")
    window = settings.workers * 2  # bounded read-ahead keeps memory flat
    with ProcessPoolExecutor(settings.workers, mp_context=ctx, initializer=_init_worker, initargs=(settings, long_tables, evidence)) as pool:
        pending: deque[Future[list[ArticleResult]]] = deque()
        for batch in chain:
            pending.append(pool.submit(_run_batch, batch, table(batch)))
            while len(pending) >= window:
                yield from emit(pending.popleft().result())
        while pending:
            yield from emit(pending.popleft().result())


def results_frame(rows: list[dict[str, Any]], metrics: Sequence[Metric]) -> pl.DataFrame:
    """Article rows as a frame with the documented schema."""
    schema = {**BASE_COLUMNS, **output_schema(metrics)}
    return pl.DataFrame(rows, schema=schema, strict=False, orient="row") if rows else pl.DataFrame(schema=schema)


ENTITY_TONE_SCHEMA: dict[str, pl.DataType] = {
    "id": pl.String(),
    "outlet": pl.String(),
    "entity": pl.String(),
    "mentions": pl.Int64(),
    "tone_mean": pl.Float64(),
    "vader_mean": pl.Float64(),
}
CUE_SCHEMA: dict[str, pl.DataType] = {
    "id": pl.String(),
    "outlet": pl.String(),
    "text": pl.String(),
    "kind": pl.String(),
    "group": pl.String(),
    "in_quote": pl.Boolean(),
    "start": pl.Int64(),
    "end": pl.Int64(),
}


def _frame(rows: list[dict[str, Any]], schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """A long table with its declared schema (columns not declared are inferred)."""
    if not rows:
        return pl.DataFrame(schema=schema)
    extra = [k for k in rows[0] if k not in schema]
    df = pl.DataFrame(rows, schema_overrides=schema, infer_schema_length=None, strict=False)
    return df.select([*schema, *extra])


#: keyword options of :func:`analyze` (and :func:`biaslens.api.report`) that set a Settings field
SETTINGS_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Settings) if f.init)


def settings_with(settings: Settings | None, options: dict[str, Any], caller: str = "analyze") -> Settings:
    """``settings`` with keyword ``options`` applied: a single name given as a
    string is one name (``metrics="readability"``, ``entities="Ana Lind"``),
    and an unknown option is a TypeError listing the valid ones."""
    unknown = [k for k in options if k not in SETTINGS_FIELDS]
    if unknown:
        close = difflib.get_close_matches(unknown[0], SETTINGS_FIELDS, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise TypeError(f"{caller}() got an unknown option {unknown[0]!r}{hint}; options: {', '.join(SETTINGS_FIELDS)}")
    options = dict(options)
    for name in ("metrics", "entities"):
        if name in options:
            value = options[name]
            if isinstance(value, str):
                value = (value,)
            options[name] = tuple(value) if value is not None else (None if name == "metrics" else ())
    return (settings or Settings()).replace(**options)


def analyze(
    source: Source,
    *,
    settings: Settings | None = None,
    long_tables: bool = True,
    evidence: bool = False,
    progress: Callable[[int], None] | None = None,
    **options: Any,
) -> Analysis:
    """Analyse articles from paths (files, folders, globs) or Article objects.

    Keyword ``options`` are :class:`~biaslens.settings.Settings` fields, e.g.
    ``analyze("data/demo", metrics=["ads"], jobs=1)``. ``evidence=True`` also
    keeps each ok article's evidence view (lines, attributions, cues and
    metrics) in ``Analysis.evidence``, as the report needs.
    """
    from biaslens.metrics.attribution import ATTRIBUTION_ROW_SCHEMA

    if options:
        settings = settings_with(settings, options, "analyze")
    prepared = prepare(source, settings)
    settings = prepared.settings
    metrics = resolve_metrics(settings.metrics)
    rows: list[dict[str, Any]] = []
    attributions: list[dict[str, Any]] = []
    cues: list[dict[str, Any]] = []
    tones: list[dict[str, Any]] = []
    kept: dict[str, Any] = {}
    for r in iter_results(prepared, long_tables=long_tables, evidence=evidence, progress=progress):
        rows.append(r.row)
        if r.evidence is not None:
            kept[r.row["id"]] = r.evidence
        attributions.extend(r.attributions)
        cues.extend(r.cues)
        tones.extend(r.entity_tone)
    return Analysis(
        articles=results_frame(rows, metrics),
        attributions=_frame(attributions, ATTRIBUTION_ROW_SCHEMA),
        cues=_frame(cues, CUE_SCHEMA),
        entity_tone=_frame(tones, ENTITY_TONE_SCHEMA) if settings.entities else None,
        metrics=metrics,
        settings=settings,
        evidence=kept,
    )
