"""Outlet-comparison reports: HTML (self-contained), Markdown, tables, charts, evidence pages.

:func:`report` writes into ``out_dir``::

    index.html          summary, sortable comparison table, charts, methodology,
                        per-outlet sections, article index (inline CSS/JS/PNG)
    report.md           the same comparison in Markdown
    outlets.csv/.parquet  the tidy per-outlet comparison (see biaslens.compare)
    articles.parquet    one row per article (errors included)
    charts/*.png|svg    every chart, PNG (150 dpi) and SVG
    articles/<id>.html  evidence page per article (see biaslens.evidence)

Templates are Jinja2 with autoescaping (article text is untrusted); a user
``template_dir`` is searched before the package templates, so any of
``index.html``, ``report.md``, ``evidence.html`` can be overridden.
"""
from __future__ import annotations

import base64
import io
import os
import re
import time
import unicodedata
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

import polars as pl

from biaslens.pipeline import error_reason

from biaslens import charts as _charts
from biaslens.comparison import TOO_FEW, as_polars, compare, differences, modes, wide
from biaslens.evidence import doc_for, explain, render_html, template_env

__all__ = ["report", "safe_filename", "ReportContext", "build_context"]

_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def safe_filename(name: Any, *, max_len: int = 80) -> str:
    """A file name for ``name`` that cannot escape its folder.

    Keeps ASCII letters, digits, ``-``, ``_`` and single dots; everything else
    (``/``, ``\\``, spaces, ``..``, control characters) becomes ``_``. When
    the name had to change, a short hash of the original is appended so two
    different names never share a file (``a/b`` vs ``a_b``).
    """
    raw = "" if name is None else str(name)
    text = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9._-]+", "_", text)
    text = re.sub(r"\.{2,}", "_", text).strip("._-")
    if text.lower().split(".")[0] in _RESERVED:
        text = f"_{text}"
    changed = text != raw or not text or len(text) > max_len
    text = text[:max_len] or "item"
    if changed:
        text = f"{text}-{zlib.crc32(raw.encode('utf-8')):08x}"
    return text


# --------------------------------------------------------------------------- context


@dataclass
class ReportContext:
    """Everything the templates receive (also handy to inspect in a notebook)."""

    title: str
    generated: str
    summary: dict[str, Any]
    outlets: list[dict[str, Any]]
    columns: list[dict[str, Any]]
    comparison: pl.DataFrame
    wide: list[dict[str, Any]]
    mode_columns: list[str]
    tests: dict[str, dict[str, Any]]
    methodology: list[dict[str, Any]]
    charts: list[dict[str, Any]] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)
    min_n: int = 10


def _metric_meta(metrics: Sequence[Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for m in metrics:
        for c in m.columns:
            out[c.name] = {"name": c.name, "metric": m.name, "description": c.description, "agg": c.agg,
                           "unit": c.unit}
    return out


def _date_range(articles: pl.DataFrame) -> tuple[str | None, str | None, int]:
    if "published" not in articles.columns:
        return None, None, 0
    pub = articles["published"].drop_nulls()
    if pub.is_empty():
        return None, None, 0
    lo, hi = pub.min(), pub.max()
    fmt = (lambda d: d.strftime("%Y-%m-%d")) if hasattr(lo, "strftime") else str
    return fmt(lo), fmt(hi), pub.len()


def _top(frame: pl.DataFrame | None, outlet: str, col: str, n: int = 5, where: Any = None) -> list[tuple[str, int]]:
    if frame is None or frame.is_empty() or col not in frame.columns or "outlet" not in frame.columns:
        return []
    part = frame.filter(pl.col("outlet") == outlet)
    if where is not None:
        part = part.filter(where)
    part = part.filter(pl.col(col).is_not_null() & (pl.col(col).cast(pl.String) != ""))
    if part.is_empty():
        return []
    counts = part.group_by(pl.col(col).cast(pl.String)).len().sort(["len", col], descending=[True, False]).head(n)
    return [(v, int(k)) for v, k in counts.iter_rows()]


def _outlet_sections(analysis: Any, articles: pl.DataFrame, comp: pl.DataFrame, mode_tab: pl.DataFrame,
                     meta: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    atts = getattr(analysis, "attributions", None)
    cues = getattr(analysis, "cues", None)
    out = []
    outlets = sorted(set(articles["outlet"].fill_null("(unknown)").to_list())) if "outlet" in articles.columns else []
    for o in outlets:
        rows = articles.filter(pl.col("outlet").fill_null("(unknown)") == o)
        ok = rows.filter(pl.col("status") == "ok") if "status" in rows.columns else rows
        sec: dict[str, Any] = {"name": o, "anchor": "outlet-" + safe_filename(o), "articles": rows.height,
                               "ok": ok.height, "errors": rows.height - ok.height}
        sec["few"] = ok.height < 10
        sec["speakers"] = _top(atts, o, "canonical", 8) or _top(atts, o, "speaker", 8)
        n_att = 0
        anon = None
        if atts is not None and not atts.is_empty() and "outlet" in atts.columns:
            a = atts.filter(pl.col("outlet") == o)
            n_att = a.height
            if n_att:
                if "anonymous" in a.columns:
                    anon = float(a["anonymous"].cast(pl.Float64).mean())
                elif "speaker_type" in a.columns:
                    anon = float(a["speaker_type"].is_in(["anonymous", "vague_group"]).cast(pl.Float64).mean())
        sec["attributions"] = n_att
        sec["anonymous_share"] = anon
        sec["speaker_types"] = _top(atts, o, "speaker_type", 6)
        sec["hedges"] = _top(cues, o, "text", 6, where=pl.col("kind") == "hedge") if cues is not None and "kind" in cues.columns else []
        sec["boosters"] = _top(cues, o, "text", 6, where=pl.col("kind") == "booster") if cues is not None and "kind" in cues.columns else []
        sec["modes"] = [(r["metric"], r["value"], r["count"]) for r in mode_tab.filter(pl.col("outlet") == o).iter_rows(named=True)] if "outlet" in mode_tab.columns else []
        sec["metrics"] = [
            {**r, "description": meta.get(r["metric"], {}).get("description", "")}
            for r in comp.filter(pl.col(comp.columns[0]) == o).iter_rows(named=True)
        ]
        out.append(sec)
    return out


def build_context(
    analysis: Any,
    *,
    title: str | None = None,
    n_boot: int = 1000,
    seed: int = 0,
    min_n: int = 10,
) -> ReportContext:
    """Compute the comparison tables and sections a report shows (no I/O)."""
    articles = as_polars(analysis.articles)
    metrics = list(getattr(analysis, "metrics", None) or [])
    meta = _metric_meta(metrics)
    if "outlet" not in articles.columns:
        articles = articles.with_columns(outlet=pl.lit("all"))
    # The analysis's own metric declarations decide what is compared (a
    # metric added later appears automatically); without them, every numeric column.
    numeric = [n for n, m in meta.items() if m["agg"] in ("mean", "share") and n in articles.columns
               and articles.schema[n].is_numeric()] if meta else None
    mode_cols = [n for n, m in meta.items() if m["agg"] == "mode" and n in articles.columns] if meta else None
    comp = compare(articles, "outlet", columns=numeric, n_boot=n_boot, seed=seed, min_n=min_n)
    cols = list(dict.fromkeys(comp["metric"].to_list())) if numeric is None else numeric
    mode_tab = modes(articles, "outlet", columns=mode_cols)
    diffs = differences(articles, "outlet", columns=cols, min_n=min_n) if cols else None
    tests: dict[str, dict[str, Any]] = {}
    if diffs is not None:
        for r in diffs.overall.iter_rows(named=True):
            tests[r["metric"]] = r
    # wide table: per outlet, value + CI per column, for the sortable HTML table
    wide_rows: list[dict[str, Any]] = []
    by = comp.columns[0]
    ok_rows = articles.filter(pl.col("status") == "ok") if "status" in articles.columns else articles
    n_ok = dict(ok_rows.group_by(pl.col("outlet").cast(pl.String).fill_null("(unknown)")).len().iter_rows())
    for (g,), part in comp.group_by(by, maintain_order=True):
        cells = {r["metric"]: r for r in part.iter_rows(named=True)}
        # an outlet is "too few" by its article count; a single sparse column
        # (e.g. quoted-only tone) is flagged in its own cell instead
        n = int(n_ok.get(g, 0))
        wide_rows.append({"group": g, "anchor": "outlet-" + safe_filename(g), "n": n, "few": n < min_n,
                          "cells": cells})
    wide_rows.sort(key=lambda r: str(r["group"]))
    columns = [{"name": c, **meta.get(c, {"description": "", "agg": "mean", "unit": "", "metric": ""}),
                "test": tests.get(c)} for c in cols]
    ok = articles.filter(pl.col("status") == "ok") if "status" in articles.columns else articles
    errors = articles.filter(pl.col("status") == "error") if "status" in articles.columns else articles.head(0)
    lo, hi, dated = _date_range(ok)
    reasons = Counter(error_reason(e) for e in errors["error"].to_list()) if "error" in errors.columns else Counter()
    n_outlets = ok["outlet"].n_unique() if "outlet" in ok.columns and ok.height else 0
    summary = {
        "articles": articles.height, "ok": ok.height, "errors": errors.height,
        "error_reasons": reasons.most_common(), "outlets": n_outlets,
        "date_from": lo, "date_to": hi, "dated": dated,
        "few_outlets": sorted({r["group"] for r in wide_rows if r["few"]}),
    }
    methodology = [
        {"name": m.name, "description": m.description, "source": m.source, "limits": m.limits,
         "columns": [{"name": c.name, "description": c.description, "agg": c.agg, "unit": c.unit} for c in m.columns]}
        for m in metrics
    ]
    return ReportContext(
        title=title or "biaslens outlet comparison",
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        summary=summary,
        outlets=_outlet_sections(analysis, articles, comp, mode_tab, meta),
        columns=columns,
        comparison=comp,
        wide=wide_rows,
        mode_columns=sorted(set(mode_tab["metric"].to_list())) if "metric" in mode_tab.columns else [],
        tests=tests,
        methodology=methodology,
        min_n=min_n,
    )


# --------------------------------------------------------------------------- charts


def _chart_columns(ctx: ReportContext, analysis: Any) -> list[str]:
    # One ranked chart per registered metric (its first compared column), plus
    # every column when no registry metadata is available (synthetic tables).
    cols = [c["name"] for c in ctx.columns]
    metrics = list(getattr(analysis, "metrics", None) or [])
    if not metrics:
        return cols
    chosen: list[str] = []
    for m in metrics:
        for c in m.columns:
            if c.name in cols:
                chosen.append(c.name)
                break
    return chosen or cols


def _render_charts(ctx: ReportContext, analysis: Any, out: Path) -> list[dict[str, Any]]:
    figs: list[tuple[str, str, Any]] = [("heatmap", "Outlet × metric heatmap (z-scores of outlet means)",
                                         _charts.heatmap(ctx.comparison))]
    articles = as_polars(analysis.articles)
    for col in _chart_columns(ctx, analysis):
        figs.append((f"ranked_{col}", f"{col}: outlets ranked (mean, 95% bootstrap CI)", _charts.ranked(ctx.comparison, col)))
    if ctx.columns:
        first = _chart_columns(ctx, analysis)[0]
        figs.append((f"distribution_{first}", f"{first}: distribution per outlet", _charts.distribution(articles, first)))
        if ctx.summary["dated"] >= 2:
            figs.append((f"time_{first}", f"{first} over time", _charts.time_series(articles, first)))
    et = getattr(analysis, "entity_tone", None)
    if et is not None and not as_polars(et).is_empty():
        figs.append(("entity_tone", "Tone towards entities by outlet", _charts.entity_tone(et)))
    out_charts = out / "charts"
    out_charts.mkdir(parents=True, exist_ok=True)
    result = []
    for name, caption, fig in figs:
        stem = out_charts / safe_filename(name)
        fig.savefig(stem.with_suffix(".svg"), format="svg", metadata={"Date": None})
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=150)
        png = buf.getvalue()
        stem.with_suffix(".png").write_bytes(png)
        result.append({"name": name, "caption": caption, "file": f"charts/{stem.name}",
                       "png_b64": base64.b64encode(png).decode("ascii")})
    return result


# --------------------------------------------------------------------------- evidence


def _source_articles(analysis: Any, inputs: Sequence[Any] | None, settings: Any) -> Iterator[Any]:
    """The analysed articles again (text is not kept in the analysis tables)."""
    from biaslens.readers import read_articles

    if inputs is None:
        arts = as_polars(analysis.articles)
        if "source_path" not in arts.columns:
            return
        inputs = sorted({p for p in arts["source_path"].drop_nulls().to_list() if os.path.exists(p)})
        if not inputs:
            return
    paths = [i for i in inputs if isinstance(i, (str, os.PathLike))]
    objs = [i for i in inputs if not isinstance(i, (str, os.PathLike))]
    if paths:
        columns = getattr(settings, "columns", None)
        outlet = getattr(settings, "outlet", None)
        yield from read_articles(paths, columns=columns, outlet=outlet)
    for o in objs:
        yield o


def _evidence_pages(analysis: Any, articles_iter: Iterable[Any], out: Path, ctx: ReportContext, env: Any,
                    settings: Any, limit: int | None) -> dict[str, str]:
    from biaslens.model import Article

    rows = {r["id"]: r for r in as_polars(analysis.articles).iter_rows(named=True)}
    # Re-read files may get ids relative to a different input root: match on source too.
    by_source = {(r.get("source_path"), r.get("source_line")): r["id"] for r in rows.values() if r.get("source_path")}
    meta_cols = {c["name"] for c in ctx.columns} | set(ctx.mode_columns)
    folder = out / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    pages: dict[str, str] = {}
    arts = []
    for a in articles_iter:
        if not isinstance(a, Article):
            continue
        if a.id not in rows and (a.source_path, a.source_line) in by_source:
            a.id = by_source[(a.source_path, a.source_line)]
        if a.id in rows and rows[a.id].get("status") == "ok":
            arts.append(a)
    if limit is not None:
        arts = arts[:limit]
    index = None
    try:
        from biaslens.segmentation import BoilerplateIndex

        index = BoilerplateIndex()
        for a in arts:
            index.add(a.outlet or "", a.text or "")
    except ImportError:  # pragma: no cover
        index = None
    for a in arts:
        try:
            bp = index.repeated(a.outlet or "") if index is not None else None
            doc = doc_for(a, settings, boilerplate=bp)
            row = rows[a.id]
            values = {k: v for k, v in row.items() if k in meta_cols}
            expl = explain(doc, settings=settings, metrics=values)
            name = safe_filename(a.id) + ".html"
            (folder / name).write_text(render_html(expl, env=env, back="../index.html"), encoding="utf-8")
            pages[a.id] = f"articles/{name}"
        except Exception:  # a page that cannot be built is just not linked
            continue
    return pages


def _write_evidence(explanations: Iterable[Any], out: Path, env: Any, limit: int | None) -> dict[str, str]:
    """Evidence pages from the explanations the analysis kept (no second pass)."""
    folder = out / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    pages: dict[str, str] = {}
    for n, expl in enumerate(explanations):
        if limit is not None and n >= limit:
            break
        name = safe_filename(expl.id) + ".html"
        (folder / name).write_text(render_html(expl, env=env, back="../index.html"), encoding="utf-8")
        pages[expl.id] = f"articles/{name}"
    return pages


# --------------------------------------------------------------------------- report


def _sort_script() -> tuple[Any, str]:
    """The sortable-table script and its CSP hash (only this exact script may run)."""
    import hashlib

    from markupsafe import Markup

    from biaslens.evidence import TEMPLATE_DIR

    js = (TEMPLATE_DIR / "_sort.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    return Markup(js), f"sha256-{digest}"


def _analysis_for(inputs_or_analysis: Any, settings: Any) -> tuple[Any, list[Any] | None]:
    if hasattr(inputs_or_analysis, "articles") and hasattr(inputs_or_analysis, "metrics"):
        return inputs_or_analysis, None
    from biaslens.pipeline import analyze

    src = inputs_or_analysis
    if isinstance(src, (str, os.PathLike)):
        src = [src]
    if not isinstance(src, (list, tuple)):
        src = list(src)
    if any(hasattr(x, "to_numpy") or isinstance(x, pl.DataFrame) for x in src):
        raise TypeError("report() takes an Analysis or input paths/Articles; analyse a DataFrame with bl.analyze first")
    from biaslens.settings import Settings

    settings = settings or Settings()
    if not settings.entities and not settings.auto_entities:
        settings = settings.replace(auto_entities=8)
    return analyze(list(src), settings=settings, evidence=True), list(src)


def report(
    inputs_or_analysis: Any,
    out_dir: str | os.PathLike[str],
    *,
    title: str | None = None,
    template_dir: str | os.PathLike[str] | None = None,
    settings: Any = None,
    n_boot: int = 1000,
    seed: int = 0,
    min_n: int = 10,
    evidence: bool | int = True,
    sources: Iterable[Any] | None = None,
    timings: dict[str, float] | None = None,
) -> Path:
    """Write a comparison report of an analysis (or of input paths) to ``out_dir``.

    ``evidence``: ``True`` writes an evidence page per ok article, an int
    caps their number, ``False`` writes none. The analysis tables do not keep
    article text, so pages are built from ``sources`` (Articles) when given,
    else from the inputs (re-read), else from the ``source_path`` files. ``timings`` (a dict) receives
    seconds per step. Returns the path of ``index.html``.
    """
    t0 = time.perf_counter()
    steps: dict[str, float] = timings if timings is not None else {}
    analysis, inputs = _analysis_for(inputs_or_analysis, settings)
    settings = settings or getattr(analysis, "settings", None)
    t1 = time.perf_counter()
    steps["analyze"] = t1 - t0
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ctx = build_context(analysis, title=title, n_boot=n_boot, seed=seed, min_n=min_n)
    t2 = time.perf_counter()
    steps["statistics"] = t2 - t1
    articles = as_polars(analysis.articles)
    articles.write_parquet(out / "articles.parquet")
    ctx.comparison.write_parquet(out / "outlets.parquet")
    ctx.comparison.write_csv(out / "outlets.csv")
    ctx.charts = _render_charts(ctx, analysis, out)
    t3 = time.perf_counter()
    steps["charts"] = t3 - t2
    env = template_env(template_dir)
    pages: dict[str, str] = {}
    if evidence is not False:
        limit = None if evidence is True else int(evidence)
        if getattr(analysis, "evidence", None) and sources is None:
            pages = _write_evidence(analysis.evidence.values(), out, env, limit)
        else:
            src = sources if sources is not None else _source_articles(analysis, inputs, settings)
            pages = _evidence_pages(analysis, src, out, ctx, env, settings, limit)
    t4 = time.perf_counter()
    steps["evidence"] = t4 - t3
    ctx.articles = [
        {"id": r["id"], "outlet": r.get("outlet"), "title": r.get("title") or "", "published":
         r["published"].strftime("%Y-%m-%d") if hasattr(r.get("published"), "strftime") else (r.get("published") or ""),
         "status": r.get("status"), "error": r.get("error"), "page": pages.get(r["id"])}
        for r in articles.select([c for c in ("id", "outlet", "title", "published", "status", "error")
                                  if c in articles.columns]).sort(["outlet", "id"], nulls_last=True).iter_rows(named=True)
    ]
    script, script_hash = _sort_script()
    html = env.get_template("index.html").render(r=ctx, script=script, script_hash=script_hash)
    (out / "index.html").write_text(html, encoding="utf-8")
    (out / "report.md").write_text(env.get_template("report.md").render(r=ctx), encoding="utf-8")
    steps["render"] = time.perf_counter() - t4
    steps["total"] = time.perf_counter() - t0
    return out / "index.html"
