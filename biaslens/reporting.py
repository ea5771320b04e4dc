"""Outlet-comparison reports: HTML (self-contained), Markdown, tables, charts, evidence pages.

:func:`report` writes into ``out_dir``::

    index.html          summary; sortable comparison tables (key columns, then one
                        per metric family, switched by a family selector); overview
                        charts (heatmap of key columns, distribution, time, entity
                        tone); per metric family its methodology with one ranked
                        chart per key column; per-outlet sections (distinctive
                        metrics with Cliff's delta and example articles, who it
                        quotes, hedges/boosters); article index (inline CSS/JS/PNG)
    report.md           the same comparison in Markdown
    outlets.csv/.parquet  the tidy per-outlet comparison (see biaslens.compare)
    articles.parquet    one row per article (errors included)
    charts/*.png|svg    every chart, PNG (150 dpi) and SVG
    articles/<id>.html  evidence page per article (see biaslens.evidence)

Key columns (charted, shown first) come from the registry declarations, see
:func:`key_columns`; ``charts=[...]`` (CLI ``--chart COL``) adds more.

Templates are Jinja2 with autoescaping (article text is untrusted); a user
``template_dir`` is searched before the package templates, so any of
``index.html``, ``report.md``, ``evidence.html`` can be overridden.
"""
from __future__ import annotations

import logging

import base64
import hashlib
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

import numpy as np
import polars as pl
from markupsafe import Markup

from biaslens import charts as _charts
from biaslens.comparison import (TOO_FEW, UNKNOWN, cliffs_delta, compare, differences, magnitude, modes,
                                 ok_rows)
from biaslens.evidence import TEMPLATE_DIR, _slug, explain, render_html, template_env
from biaslens.model import Article
from biaslens.pipeline import is_frame, analyze, build_doc, error_reason
from biaslens.readers import read_articles
from biaslens.readers.frame import as_polars
from biaslens.segmentation import BoilerplateIndex
from biaslens.settings import Settings

log = logging.getLogger(__name__)

__all__ = ["report", "check_out_dir", "safe_filename", "ReportContext", "build_context", "key_columns"]

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


#: at most this many key columns per metric family (charts stay findable)
MAX_KEY_PER_METRIC = 7


def key_columns(metrics: Sequence[Any], available: Iterable[str] | None = None,
                extra: Sequence[str] = (), *, max_per_metric: int = MAX_KEY_PER_METRIC,
                all_base: bool = False) -> list[str]:
    """The columns a report charts: a few per metric, chosen from the registry declarations.

    Per metric: its first column, then every ``share`` column, skipping
    *variants* — a column whose name extends another column of the same
    metric (``x_authorial``, ``x_quoted`` of ``x``) and a raw count whose
    ``<name>_per_1k_words``/``_per_100_sentences`` rate exists (the rate is
    kept). At most ``max_per_metric`` per metric; ``extra`` columns (asked for
    by the user) are always added, in their order, after the automatic ones.
    ``all_base``: every column that is not a variant, not only first + shares.
    """
    avail = None if available is None else set(available)
    chosen: list[str] = []
    for m in metrics:
        names = [c.name for c in m.columns if c.agg in ("mean", "share")
                 and (avail is None or c.name in avail)]
        # only numeric columns can have variants: "speaker_count" is no variant of text column "speaker"
        every = {c.name for c in m.columns if c.agg != "mode"}
        def variant(n: str) -> bool:
            return any(n != o and n.startswith(o + "_") and not n[len(o) + 1:].startswith("per_") for o in every)
        def superseded(n: str) -> bool:
            return any(o.startswith(n + "_per_") for o in names)
        base = [n for n in names if not variant(n)]
        first = next((n if not superseded(n) else next((o for o in base if o.startswith(n + "_per_")), n)
                      for n in base), None)
        agg = {c.name: c.agg for c in m.columns}
        picks = ([first] if first else []) + [n for n in base if (all_base or agg[n] == "share") and n != first
                                              and not superseded(n)]
        chosen.extend(picks[:max_per_metric])
    for c in extra:
        if (avail is None or c in avail) and c not in chosen:
            chosen.append(c)
    return list(dict.fromkeys(chosen))


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
    #: columns charted and shown first (see :func:`key_columns`)
    key_columns: list[str] = field(default_factory=list)
    #: per metric family: methodology, its compared columns, key columns, charts
    families: list[dict[str, Any]] = field(default_factory=list)
    #: article id -> evidence page (relative link)
    pages: dict[str, str] = field(default_factory=dict)


def _column_doc(column: Any) -> dict[str, Any]:
    """A declared column as the templates show it."""
    return {"name": column.name, "description": column.description, "agg": column.agg, "unit": column.unit}


def _metric_meta(metrics: Sequence[Any]) -> dict[str, dict[str, Any]]:
    """Column name -> its declaration and the name of the metric (family) that writes it."""
    return {c.name: {**_column_doc(c), "metric": m.name} for m in metrics for c in m.columns}


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


def _short_id(article_id: Any) -> str | None:
    """An untitled article's label: the last part of its id (ids of files repeat the folder and outlet)."""
    if article_id is None:
        return None
    text = str(article_id).rstrip("/")
    return text.rsplit("/", 1)[-1] or text


def _speakers(atts: pl.DataFrame, n: int = 10) -> list[dict[str, Any]]:
    """Most quoted sources of one outlet's attributions, with their type and official/anonymous flags."""
    name = "canonical" if "canonical" in atts.columns else "speaker" if "speaker" in atts.columns else None
    if name is None or atts.is_empty():
        return []
    part = atts.filter(pl.col(name).is_not_null() & (pl.col(name).cast(pl.String) != ""))
    if part.is_empty():
        return []
    aggs = [pl.len().alias("n"), pl.col("id").n_unique().alias("articles") if "id" in part.columns else pl.lit(0).alias("articles")]
    for flag in ("is_official", "anonymous"):
        # a source counts as official/anonymous when most of its attributions say so
        aggs.append((pl.col(flag).cast(pl.Float64).mean() >= 0.5).alias(flag) if flag in part.columns
                    else pl.lit(False).alias(flag))
    # mode() returns ties in no fixed order: sorting them keeps reports reproducible
    aggs.append(pl.col("speaker_type").mode().sort().first().alias("type") if "speaker_type" in part.columns
                else pl.lit("").alias("type"))
    tab = (part.group_by(pl.col(name).cast(pl.String).alias("name")).agg(aggs)
           .sort(["n", "name"], descending=[True, False]).head(n))
    return [{"name": r["name"], "n": int(r["n"]), "articles": int(r["articles"] or 0), "official": bool(r["is_official"]),
             "anonymous": bool(r["anonymous"]) or r["type"] in ("anonymous", "vague_group"),
             "type": (r["type"] or "").replace("_", " ")} for r in tab.iter_rows(named=True)]


def _distinctive(ok: pl.DataFrame, cols: Sequence[str], outlets: Sequence[str], *, top: int = 6,
                 min_values: int = 5, family: Mapping[str, str] | None = None,
                 per_family: int = 2) -> dict[str, list[dict[str, Any]]]:
    """Per outlet, the metrics where its articles differ most from all other outlets' articles.

    Effect size: Cliff's delta (Cliff 1993) of the outlet's values vs the rest,
    magnitude labels of Romano et al. (2006); negligible effects (|d| < 0.147)
    are left out. Each entry names the outlet's most extreme article in the
    direction of the difference (an example to read on its evidence page).
    At most ``per_family`` entries per metric family, so correlated columns
    (readability indices, a count and its rate) do not crowd the list.
    """
    out: dict[str, list[dict[str, Any]]] = {o: [] for o in outlets}
    if ok.is_empty() or "outlet" not in ok.columns:
        return out
    labels = ok["outlet"].cast(pl.String).fill_null(UNKNOWN).to_numpy()
    ids = ok["id"].cast(pl.String).to_numpy() if "id" in ok.columns else None
    titles = ok["title"].cast(pl.String).to_list() if "title" in ok.columns else None
    for col in cols:
        if col not in ok.columns:
            continue
        x = ok[col].cast(pl.Float64).to_numpy()
        fin = np.isfinite(x)
        for o in outlets:
            mine = fin & (labels == o)
            rest = fin & (labels != o)
            if mine.sum() < min_values or rest.sum() < min_values:
                continue
            d = cliffs_delta(x[mine], x[rest])
            size = magnitude(d)
            if size in ("", "negligible"):
                continue
            idx = np.flatnonzero(mine)
            ex = idx[np.argmax(x[idx])] if d > 0 else idx[np.argmin(x[idx])]
            out[o].append({"metric": col, "delta": d, "magnitude": size,
                           "direction": "higher" if d > 0 else "lower",
                           "mean": float(x[mine].mean()), "rest": float(x[rest].mean()),
                           "example": None if ids is None else str(ids[ex]), "example_value": float(x[ex]),
                           "example_title": (titles[ex] if titles else None) or _short_id(None if ids is None else ids[ex])})
    fam = family or {}
    for o in out:
        seen: Counter[str] = Counter()
        keep = []
        for r in sorted(out[o], key=lambda r: (-abs(r["delta"]), r["metric"])):
            f = fam.get(r["metric"], r["metric"])
            if seen[f] < per_family:
                seen[f] += 1
                keep.append(r)
        out[o] = keep[:top]
    return out


def _outlet_sections(analysis: Any, articles: pl.DataFrame, comp: pl.DataFrame, mode_tab: pl.DataFrame,
                     meta: Mapping[str, Mapping[str, Any]], cols: Sequence[str], min_n: int = 10
                     ) -> list[dict[str, Any]]:
    atts = getattr(analysis, "attributions", None)
    atts = as_polars(atts) if atts is not None else None
    cues = getattr(analysis, "cues", None)
    cues = as_polars(cues) if cues is not None else None
    out = []
    outlets = sorted(set(articles["outlet"].fill_null(UNKNOWN).to_list())) if "outlet" in articles.columns else []
    distinct = _distinctive(ok_rows(articles).with_columns(pl.col("outlet").cast(pl.String).fill_null(UNKNOWN)),
                            cols, outlets, family={n: m.get("metric", "") for n, m in meta.items()})
    has_cues = cues is not None and "kind" in cues.columns
    for o in outlets:
        rows = articles.filter(pl.col("outlet").fill_null(UNKNOWN) == o)
        ok = ok_rows(rows)
        sec: dict[str, Any] = {"name": o, "anchor": "outlet-" + safe_filename(o), "articles": rows.height,
                               "ok": ok.height, "errors": rows.height - ok.height}
        sec["few"] = ok.height < min_n
        n_att = 0
        anon = official = None
        sec["speakers"] = []
        if atts is not None and not atts.is_empty() and "outlet" in atts.columns:
            a = atts.filter(pl.col("outlet") == o)
            if "speaker_type" in a.columns:
                a = a.filter(pl.col("speaker_type").fill_null("") != "none")  # cue without a found speaker
            n_att = a.height
            if n_att:
                if "anonymous" in a.columns:
                    anon = float(a["anonymous"].cast(pl.Float64).mean())
                elif "speaker_type" in a.columns:
                    anon = float(a["speaker_type"].is_in(["anonymous", "vague_group"]).cast(pl.Float64).mean())
                if "is_official" in a.columns:
                    official = float(a["is_official"].cast(pl.Float64).mean())
            sec["speakers"] = _speakers(a, 10)
        sec["attributions"] = n_att
        sec["anonymous_share"] = anon
        sec["official_share"] = official
        sec["speaker_types"] = _top(atts, o, "speaker_type", 6, where=pl.col("speaker_type") != "none") \
            if atts is not None and "speaker_type" in atts.columns else []
        sec["hedges"] = _top(cues, o, "text", 8, where=pl.col("kind") == "hedge") if has_cues else []
        sec["boosters"] = _top(cues, o, "text", 8, where=pl.col("kind") == "booster") if has_cues else []
        sec["modes"] = [(r["metric"], r["value"], r["count"]) for r in mode_tab.filter(pl.col("outlet") == o).iter_rows(named=True)] if "outlet" in mode_tab.columns else []
        sec["distinctive"] = distinct.get(o, [])
        sec["metrics"] = [
            {**r, "description": meta.get(r["metric"], {}).get("description", ""),
             "family": meta.get(r["metric"], {}).get("metric", "")}
            for r in comp.filter(pl.col(comp.columns[0]) == o).iter_rows(named=True)
        ]
        # a handful of articles to read, newest first when dated
        pick = ok.sort("published", descending=True, nulls_last=True) if "published" in ok.columns else ok
        sec["examples"] = [{"id": r["id"], "title": r.get("title") or _short_id(r["id"])}
                           for r in pick.select([c for c in ("id", "title") if c in pick.columns]).head(5).iter_rows(named=True)]
        out.append(sec)
    # outlets that can be ranked first; too-small ones follow (as in the tables and charts)
    return sorted(out, key=lambda sec: (sec["few"], str(sec["name"])))


def _significant(test: Mapping[str, Any] | None, alpha: float = 0.05) -> bool:
    """Whether a Kruskal–Wallis row shows a difference between outlets (adjusted p below ``alpha``)."""
    p = None if test is None else test.get("p_adj")
    return p is not None and p == p and p < alpha


def _shade(wide_rows: list[dict[str, Any]], cols: Sequence[str],
           tests: Mapping[str, Mapping[str, Any]] | None = None) -> None:
    """Tag each table cell with a z-score band ("zp2".."zn2") so the HTML table reads like the heatmap.

    z is taken among outlets with enough articles (as in the heatmap); with
    fewer than three such outlets no cell is shaded, nor is a column on which
    outlets do not differ significantly (``tests``: Kruskal–Wallis p_adj < 0.05).
    """
    ranked = [r for r in wide_rows if not r["few"]]
    for c in cols:
        if tests is not None and not _significant(tests.get(c)):
            continue  # no significant difference between outlets: no colour
        vals = [r["cells"][c]["mean"] for r in ranked if c in r["cells"] and r["cells"][c]["mean"] is not None
                and not r["cells"][c].get("flag")]
        vals = [v for v in vals if v == v]
        if len(vals) < 3:
            continue
        mu, sd = float(np.mean(vals)), float(np.std(vals))
        if sd <= 0:
            continue
        for r in ranked:  # a mean of a handful of articles gets no colour to draw the eye
            cell = r["cells"].get(c)
            if cell is None or cell["mean"] is None or cell["mean"] != cell["mean"] or cell.get("flag"):
                continue
            z = (cell["mean"] - mu) / sd
            band = 2 if z >= 1.5 else 1 if z >= 0.5 else -2 if z <= -1.5 else -1 if z <= -0.5 else 0
            cell["band"] = "" if band == 0 else ("zp" if band > 0 else "zn") + str(abs(band))


def build_context(
    analysis: Any,
    *,
    title: str | None = None,
    n_boot: int = 1000,
    seed: int = 0,
    min_n: int = 10,
    charts: Sequence[str] = (),
) -> ReportContext:
    """Compute the comparison tables and sections a report shows (no I/O).

    ``charts``: extra columns to chart and show among the key columns.
    """
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
    ok = ok_rows(articles)
    n_ok = dict(ok.group_by(pl.col("outlet").cast(pl.String).fill_null(UNKNOWN)).len().iter_rows())
    for (g,), part in comp.group_by(by, maintain_order=True):
        cells = {r["metric"]: r for r in part.iter_rows(named=True)}
        # an outlet is "too few" by its article count; a single sparse column
        # (e.g. quoted-only tone) is flagged in its own cell instead
        n = int(n_ok.get(g, 0))
        wide_rows.append({"group": g, "anchor": "outlet-" + safe_filename(g), "n": n, "few": n < min_n,
                          "cells": cells})
    # outlets that can be ranked first, the too-small ones below them (as in the charts)
    wide_rows.sort(key=lambda r: (r["few"], str(r["group"])))
    _shade(wide_rows, cols, tests if tests else None)
    columns = [{"name": c, **meta.get(c, {"description": "", "agg": "mean", "unit": "", "metric": ""}),
                "test": tests.get(c)} for c in cols]
    bad = [c for c in charts if c not in cols]
    if bad:
        raise KeyError(f"cannot chart {bad}: not a compared numeric column; available: {', '.join(cols)}")
    keys = key_columns(metrics, cols, charts) if metrics else list(cols)
    by_name = {c["name"]: c for c in columns}
    families = []
    for m in metrics:
        fam_cols = [by_name[c.name] for c in m.columns if c.name in by_name]
        families.append({"name": m.name, "anchor": "metric-" + _slug(m.name), "description": m.description,
                         "source": m.source, "limits": m.limits,
                         "all_columns": [_column_doc(c) for c in m.columns],
                         "columns": fam_cols, "key": [c["name"] for c in fam_cols if c["name"] in keys],
                         "charts": []})
    owned = {c["name"] for f in families for c in f["columns"]}
    loose = [by_name[c] for c in cols if c not in owned]
    if loose:  # columns no declared metric owns (a user's own table)
        families.append({"name": "other columns" if families else "metrics", "anchor": "metric-other",
                         "description": "", "source": "", "limits": "", "all_columns": [], "columns": loose,
                         "key": [c["name"] for c in loose if c["name"] in keys], "charts": []})
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
    methodology = [{"name": f["name"], "description": f["description"], "source": f["source"], "limits": f["limits"],
                    "columns": f["all_columns"]} for f in families[:len(metrics)]]
    # distinctive metrics: every non-variant column (a count defers to its rate)
    base = key_columns(metrics, cols, charts, max_per_metric=len(cols), all_base=True) if metrics else list(cols)
    outlets = _outlet_sections(analysis, articles, comp, mode_tab, meta, base, min_n)
    fam_anchor = {c["name"]: f["anchor"] for f in families for c in f["columns"]}
    for sec in outlets:
        for d in sec["distinctive"]:  # link each distinctive metric to its chart, else its methodology
            d["anchor"] = ("chart-" + _slug("ranked_" + d["metric"])) if d["metric"] in keys \
                else fam_anchor.get(d["metric"], "methodology")
    return ReportContext(
        title=title or "biaslens outlet comparison",
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        summary=summary,
        outlets=outlets,
        columns=columns,
        comparison=comp,
        wide=wide_rows,
        mode_columns=sorted(set(mode_tab["metric"].to_list())) if "metric" in mode_tab.columns else [],
        tests=tests,
        methodology=methodology,
        min_n=min_n,
        key_columns=keys,
        families=families,
    )


# --------------------------------------------------------------------------- charts


def _has_time_series(articles: pl.DataFrame) -> bool:
    """A time chart says something only when two outlets each have dated articles in two months or more."""
    if "published" not in articles.columns or "outlet" not in articles.columns:
        return False
    ok = ok_rows(articles)
    pub = pl.col("published")
    if ok.schema["published"] == pl.String:
        pub = pub.str.to_datetime(strict=False)
    per = (ok.filter(pl.col("published").is_not_null())
           .group_by("outlet").agg(pub.dt.truncate("1mo").n_unique().alias("months")))
    return per.filter(pl.col("months") >= 2).height >= 2


def _period(articles: pl.DataFrame) -> tuple[str, str]:
    """A time bin that leaves several articles per point: monthly up to 2 years, then quarterly, then yearly."""
    pub = articles["published"]
    if pub.dtype == pl.String:
        pub = pub.str.to_datetime(strict=False)
    pub = pub.drop_nulls()
    try:
        days = (pub.max() - pub.min()).days if pub.len() else 0
    except (AttributeError, TypeError):
        days = 0
    if days > 6 * 365:
        return "1y", "yearly"
    if days > 2 * 365:
        return "1q", "quarterly"
    return "1mo", "monthly"


def _render_charts(ctx: ReportContext, analysis: Any, out: Path) -> list[dict[str, Any]]:
    """Overview charts (heatmap, distribution, time, entity tone) and one ranked chart per key column.

    Ranked charts are attached to their family in ``ctx.families`` too, so the
    report shows them next to the metric's methodology.
    """
    keys = ctx.key_columns
    family_of = {c["name"]: f["name"] for f in ctx.families for c in f["columns"]}
    figs: list[tuple[str, str, str, Any]] = []
    if keys:
        # columns on which the outlets do not differ significantly are washed out: their
        # z-scores would otherwise paint noise in the same colours as real differences
        ns = [k for k in keys if k in ctx.tests and not _significant(ctx.tests[k])]
        figs.append(("heatmap", "", f"Where each outlet sits on the key columns: z-score of its mean among outlets "
                     f"(red above, blue below the others' average; * = {TOO_FEW}; washed out, “n.s.”: "
                     f"no significant difference, Kruskal–Wallis p (adj.) ≥ 0.05 or not testable)",
                     _charts.heatmap(ctx.comparison, columns=keys, families=family_of, faded=ns)))
    articles = as_polars(analysis.articles)
    if keys:
        # the key column on which outlets differ most (largest Kruskal–Wallis H) earns the distribution chart
        tested = [(ctx.tests[k]["h"], k) for k in keys if k in ctx.tests and ctx.tests[k]["h"] == ctx.tests[k]["h"]]
        first = max(tested)[1] if tested else keys[0]
        why = " — the key column where outlets differ most (largest Kruskal–Wallis H)" if tested else ""
        figs.append((f"distribution_{first}", "", f"{first}: distribution per outlet (box: quartiles, line: median){why}",
                     _charts.distribution(articles, first)))
        if _has_time_series(articles):
            every, word = _period(articles)
            figs.append((f"time_{first}", "", f"{first} over time ({word} mean, outlets with most articles)",
                         _charts.time_series(articles, first, every=every)))
    et = getattr(analysis, "entity_tone", None)
    if et is not None and not as_polars(et).is_empty():
        figs.append(("entity_tone", "", "Tone towards the most mentioned entities by outlet", _charts.entity_tone(et)))
    for col in keys:
        figs.append((f"ranked_{col}", family_of.get(col, ""), f"{col}: outlets ranked (mean, 95% bootstrap CI)",
                     _charts.ranked(ctx.comparison, col)))
    out_charts = out / "charts"
    out_charts.mkdir(parents=True, exist_ok=True)
    result = []
    fams = {f["name"]: f for f in ctx.families}
    for name, family, caption, fig in figs:
        stem = out_charts / safe_filename(name)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=150)
        # the layout is solved by the first save; freezing it spares the SVG a second solve
        fig.set_layout_engine("none")
        fig.savefig(stem.with_suffix(".svg"), format="svg", metadata={"Date": None})
        png = buf.getvalue()
        stem.with_suffix(".png").write_bytes(png)
        item = {"name": name, "family": family, "column": name.split("_", 1)[1] if family else "",
                "caption": caption, "file": f"charts/{stem.name}", "png_b64": base64.b64encode(png).decode("ascii")}
        result.append(item)
        if family in fams:
            fams[family]["charts"].append(item)
    return result


# --------------------------------------------------------------------------- evidence


def _source_articles(analysis: Any, inputs: Sequence[Any] | None, settings: Any) -> Iterator[Any]:
    """The analysed articles again (text is not kept in the analysis tables)."""
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
    yield from objs


def _evidence_pages(analysis: Any, articles_iter: Iterable[Any], out: Path, ctx: ReportContext, env: Any,
                    settings: Any, limit: int | None) -> dict[str, str]:
    table = as_polars(analysis.articles)
    contexts = _page_contexts(ctx, table)
    rows = {r["id"]: r for r in table.iter_rows(named=True)}
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
    # the pipeline's pre-pass over the same articles: lines an outlet repeats are boilerplate
    index = BoilerplateIndex()
    for a in arts:
        index.add(a.outlet or "", a.text or "")
    for a in arts:
        try:
            bp = index.repeated(a.outlet or "")
            doc = build_doc(a, settings, boilerplate=bp)
            row = rows[a.id]
            values = {k: v for k, v in row.items() if k in meta_cols}
            expl = explain(doc, settings=settings, metrics=values)
            name = safe_filename(a.id) + ".html"
            (folder / name).write_text(render_html(expl, env=env, back="../index.html",
                                                   context=contexts.get(a.outlet or UNKNOWN)), encoding="utf-8")
            pages[a.id] = f"articles/{name}"
        except Exception as exc:  # a page that cannot be built is not linked; say so
            log.warning("no evidence page for %s: %s: %s", a.id, type(exc).__name__, exc)
            continue
    return pages


def _page_contexts(ctx: ReportContext, articles: pl.DataFrame) -> dict[str, dict[str, dict[str, Any]]]:
    """Per outlet, per metric column: family, outlet mean and all-article mean (for evidence pages)."""
    family = {c["name"]: f["name"] for f in ctx.families for c in f["columns"]}
    ok = ok_rows(articles)
    overall = {}
    for c in family:
        if c in ok.columns:
            v = ok[c].cast(pl.Float64, strict=False).drop_nans().mean()
            overall[c] = v if isinstance(v, float) else None
    by = ctx.comparison.columns[0]
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for g, m, mean in ctx.comparison.select(by, "metric", "mean").iter_rows():
        if m in family:
            out.setdefault(g, {})[m] = {"family": family[m], "outlet": mean, "all": overall.get(m)}
    return out


def _write_evidence(explanations: Iterable[Any], out: Path, env: Any, limit: int | None,
                    contexts: Mapping[str, Any] | None = None) -> dict[str, str]:
    """Evidence pages from the explanations the analysis kept (no second pass)."""
    contexts = contexts or {}
    folder = out / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    pages: dict[str, str] = {}
    for n, expl in enumerate(explanations):
        if limit is not None and n >= limit:
            break
        name = safe_filename(expl.id) + ".html"
        (folder / name).write_text(render_html(expl, env=env, back="../index.html",
                                               context=contexts.get(expl.outlet or UNKNOWN)), encoding="utf-8")
        pages[expl.id] = f"articles/{name}"
    return pages


# --------------------------------------------------------------------------- report


def _sort_script() -> tuple[Any, str]:
    """The sortable-table script and its CSP hash (only this exact script may run)."""
    js = (TEMPLATE_DIR / "_sort.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    return Markup(js), f"sha256-{digest}"


def _analysis_for(inputs_or_analysis: Any, settings: Any) -> tuple[Any, list[Any] | None]:
    if hasattr(inputs_or_analysis, "articles") and hasattr(inputs_or_analysis, "metrics"):
        return inputs_or_analysis, None
    settings = settings or Settings()
    if not settings.entities and not settings.auto_entities:
        settings = settings.replace(auto_entities=8)
    src = inputs_or_analysis
    if is_frame(src):  # a table of articles: analysed as is (evidence kept, so no re-reading)
        return analyze(src, settings=settings, evidence=True), None
    if isinstance(src, (str, os.PathLike)):
        src = [src]
    if not isinstance(src, (list, tuple)):
        src = list(src)
    if any(hasattr(x, "to_numpy") or isinstance(x, pl.DataFrame) for x in src):
        raise TypeError("report() takes an Analysis, a DataFrame of articles, or input paths/Articles")
    return analyze(list(src), settings=settings, evidence=True), list(src)


def check_out_dir(out_dir: str | os.PathLike[str]) -> Path:
    """``out_dir`` as a Path, or :class:`NotADirectoryError` when it (or a folder
    above it) is an existing file, so the report fails before any analysis."""
    out = Path(out_dir)
    for p in (out, *out.parents):
        if p.exists():
            if not p.is_dir():
                what = "it" if p == out else f"{str(p)!r}"
                raise NotADirectoryError(f"cannot write the report to {str(out)!r}: {what} is a file, not a directory")
            break
    return out


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
    charts: Sequence[str] = (),
) -> Path:
    """Write a comparison report of an analysis (or of input paths) to ``out_dir``.

    ``evidence``: ``True`` writes an evidence page per ok article, an int
    caps their number, ``False`` writes none. The analysis tables do not keep
    article text, so pages are built from ``sources`` (Articles) when given,
    else from the inputs (re-read), else from the ``source_path`` files. ``timings`` (a dict) receives
    seconds per step. ``charts``: extra columns to chart (besides the key
    columns chosen from the registry, see :func:`key_columns`). Returns the
    path of ``index.html``.
    """
    t0 = time.perf_counter()
    steps: dict[str, float] = timings if timings is not None else {}
    check_out_dir(out_dir)
    analysis, inputs = _analysis_for(inputs_or_analysis, settings)
    settings = settings or getattr(analysis, "settings", None)
    t1 = time.perf_counter()
    steps["analyze"] = t1 - t0
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ctx = build_context(analysis, title=title, n_boot=n_boot, seed=seed, min_n=min_n, charts=charts)
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
            pages = _write_evidence(analysis.evidence.values(), out, env, limit,
                                    _page_contexts(ctx, articles))
        else:
            src = sources if sources is not None else _source_articles(analysis, inputs, settings)
            pages = _evidence_pages(analysis, src, out, ctx, env, settings, limit)
    t4 = time.perf_counter()
    steps["evidence"] = t4 - t3
    ctx.pages = pages
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
