"""Evidence view: an article with every measured thing marked on its words.

:func:`explain` gathers, for one article, the segmented page lines with
their class (and the rule that decided it), the attribution records, the
hedge/booster/approximator cues and the article's metric values, with every
span mapped from the story body back onto the page line it came from.
:func:`render_terminal` prints it (ads and chrome struck out, sources and
hedges highlighted); :func:`render_html` makes the report's evidence page.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from biaslens.model import Article, Doc, Segmentation
from biaslens.registry import available_metrics, metric_columns, resolve_metrics

if TYPE_CHECKING:
    import jinja2

    from biaslens.settings import Settings

__all__ = ["Span", "ExplainedLine", "Explanation", "explain", "render_terminal", "render_html",
           "template_env", "TEMPLATE_DIR"]

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"

#: Span kinds, in drawing priority (later ones win the colour in a terminal).
SPAN_KINDS = ("content", "speaker", "cue", "approximator", "hedge", "booster")


@dataclass(frozen=True, slots=True)
class Span:
    """A marked stretch of one page line: ``line.text[start:end]``."""

    start: int
    end: int
    kind: str
    label: str
    ref: str = ""  # anchor of the record it belongs to (e.g. "a3", "c5")


@dataclass(slots=True)
class ExplainedLine:
    """One non-empty page line, its class, why, and the spans marked on it."""

    index: int
    cls: str
    text: str
    reason: str = ""
    spans: list[Span] = field(default_factory=list)

    def runs(self) -> list[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]]:
        """The line cut where the set of covering spans changes: (text, kinds, labels, refs)."""
        if not self.spans:
            return [(self.text, (), (), ())]
        cuts = sorted({0, len(self.text), *(s.start for s in self.spans), *(s.end for s in self.spans)})
        out = []
        for a, b in zip(cuts, cuts[1:]):
            if a >= b:
                continue
            cover = [s for s in self.spans if s.start <= a and s.end >= b]
            kinds = tuple(dict.fromkeys(s.kind for s in cover))
            labels = tuple(dict.fromkeys(s.label for s in cover))
            refs = tuple(dict.fromkeys(s.ref for s in cover if s.ref))
            out.append((self.text[a:b], kinds, labels, refs))
        return out


@dataclass(slots=True)
class Explanation:
    """Everything measured on one article, traceable to its words."""

    id: str
    outlet: str | None
    title: str | None
    url: str | None
    published: str | None
    dateline: str | None
    lines: list[ExplainedLine]
    attributions: list[dict[str, Any]]
    cues: list[dict[str, Any]]
    metrics: dict[str, Any]
    descriptions: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, dict[str, int]]:
        """Tallies behind the metrics: lines per class, attributions per speaker type, cues per kind."""
        return {
            "lines": dict(Counter(line.cls for line in self.lines)),
            "attributions": dict(Counter(str(a.get("speaker_type") or "unknown") for a in self.attributions)),
            "cues": dict(Counter(f"{c.get('kind')}{' (quoted)' if c.get('in_quote') else ''}" for c in self.cues)),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "outlet": self.outlet, "title": self.title, "url": self.url,
            "published": self.published, "dateline": self.dateline,
            "lines": [{"index": ln.index, "cls": ln.cls, "text": ln.text, "reason": ln.reason,
                       "spans": [{"start": s.start, "end": s.end, "kind": s.kind, "label": s.label}
                                 for s in ln.spans]} for ln in self.lines],
            "attributions": self.attributions, "cues": self.cues, "metrics": self.metrics,
            "counts": self.counts(), "errors": self.errors,
        }


# --------------------------------------------------------------------------- building


def _as_doc(obj: Any, settings: Settings | None) -> Doc:
    # segmented exactly as the pipeline does; imported here because the
    # pipeline imports this module for analyze(..., evidence=True)
    from biaslens.pipeline import build_doc

    if isinstance(obj, Doc):
        return obj
    if isinstance(obj, Article):
        return build_doc(obj, settings)
    if isinstance(obj, str):
        return build_doc(Article(id="text", text=obj), settings)
    if isinstance(obj, Mapping):
        fields = {k: obj.get(k) for k in ("id", "text", "outlet", "url", "published", "title", "html",
                                          "source_path", "source_line", "error")}
        fields["id"] = str(fields["id"] or "article")
        fields["text"] = fields["text"] or ""
        return build_doc(Article(**fields), settings)
    raise TypeError(f"explain() takes an Article, Doc, mapping or text, not {type(obj).__name__}")


def _record(obj: Any) -> dict[str, Any]:
    """An attribution or cue record (or a plain mapping) as a fresh dict."""
    return dict(obj) if isinstance(obj, Mapping) else dict(obj.to_dict())


def _map_span(seg: Segmentation, start: int, end: int) -> list[tuple[int, int, int]]:
    """Body span → [(page line index, start, end)] (split at paragraph breaks)."""
    out = []
    for p in seg.paragraphs:
        a, b = max(start, p.start), min(end, p.end)
        if a < b:
            out.append((p.line_index, p.line_offset + a - p.start, p.line_offset + b - p.start))
    return out


def _span_tuple(value: Any) -> tuple[int, int] | None:
    if value is None:
        return None
    try:
        a, b = value
        return int(a), int(b)
    except (TypeError, ValueError):
        return None


def _safe(label: str, doc_call: Any, errors: list[str]) -> list[Any]:
    try:
        return list(doc_call())
    except Exception as exc:  # the evidence view shows what it can
        errors.append(f"{label} failed: {type(exc).__name__}: {exc}")
    return []


def _compute_metrics(doc: Doc, names: Sequence[str] | None, errors: list[str]) -> tuple[dict[str, Any], dict[str, str]]:
    values: dict[str, Any] = {}
    desc: dict[str, str] = {}
    try:
        metrics = resolve_metrics(names)
    except KeyError as exc:  # an unknown name: the view shows the rest and says why
        errors.append(f"metrics unavailable: {exc}")
        return values, desc
    for m in metrics:
        for c in m.columns:
            desc[c.name] = c.description
        if m.needs_html and not doc.html:
            values.update({c.name: None for c in m.columns})
            continue
        try:
            values.update(m(doc))
        except Exception as exc:
            errors.append(f"metric {m.name} failed: {type(exc).__name__}: {exc}")
            values.update({c.name: None for c in m.columns})
    return values, desc


def explain(
    article_or_doc: Any,
    *,
    settings: Settings | None = None,
    metrics: Mapping[str, Any] | None = None,
    metric_names: Sequence[str] | None = None,
) -> Explanation:
    """Explain one article: its classified lines, attributions, cues and metrics.

    ``article_or_doc``: a :class:`~biaslens.model.Doc`, an
    :class:`~biaslens.model.Article`, a mapping with article fields, or raw
    text. ``metrics``: precomputed metric values (e.g. the article's row of
    an analysis); otherwise the registered metrics (or ``metric_names``) are
    computed on the Doc.
    """
    doc = _as_doc(article_or_doc, settings)
    seg = doc.segmentation
    art = doc.article
    errors: list[str] = []
    lines = {ln.index: ExplainedLine(ln.index, ln.cls, ln.text, ln.reason) for ln in seg.lines}

    def mark(span: tuple[int, int] | None, kind: str, label: str, ref: str) -> None:
        if span is None:
            return
        for li, a, b in _map_span(seg, *span):
            if li in lines:
                text = lines[li].text
                a, b = max(0, min(a, len(text))), max(0, min(b, len(text)))
                if a < b:
                    lines[li].spans.append(Span(a, b, kind, label, ref))

    attributions = []
    for i, rec in enumerate(_safe("attributions", lambda: doc.attributions, errors)):
        d = _record(rec)
        ref = f"a{i + 1}"
        d["ref"] = ref
        who = d.get("canonical") or d.get("speaker") or "?"
        kind = d.get("speaker_type") or ""
        official = ", official" if d.get("is_official") else ""
        mark(_span_tuple(d.get("speaker_span")), "speaker", f"source #{i + 1}: {who} ({kind}{official})", ref)
        mark(_span_tuple(d.get("cue_span")), "cue", f"attribution cue #{i + 1}: {d.get('cue')}", ref)
        mark(_span_tuple(d.get("content_span")), "content", f"content of #{i + 1} ({d.get('kind') or ''})", ref)
        attributions.append(d)
    cues = []
    for i, rec in enumerate(_safe("hedges", lambda: doc.hedges, errors)):
        d = _record(rec)
        ref = f"c{i + 1}"
        d["ref"] = ref
        kind = str(d.get("kind") or "hedge")
        where = "quoted" if d.get("in_quote") else "authorial"
        mark(_span_tuple(d.get("span")), kind if kind in SPAN_KINDS else "hedge",
             f"{kind} ({d.get('group') or ''}, {where})", ref)
        cues.append(d)
    if metrics is None:
        values, desc = _compute_metrics(doc, metric_names, errors)
    else:
        values = dict(metrics)
        desc = {c.name: c.description for c in metric_columns() if c.name in values}
    for ln in lines.values():
        ln.spans.sort(key=lambda s: (s.start, -s.end))
    published = art.published.isoformat() if hasattr(art.published, "isoformat") else (
        str(art.published) if art.published else None)
    return Explanation(
        id=str(art.id), outlet=art.outlet, title=art.title, url=art.url, published=published,
        dateline=seg.dateline, lines=[lines[k] for k in sorted(lines)], attributions=attributions,
        cues=cues, metrics=values, descriptions=desc, errors=errors + ([art.error] if art.error else []),
    )


# --------------------------------------------------------------------------- rendering

_TERM_STYLE = {
    "speaker": "bold cyan",
    "cue": "bold magenta",
    "content": "italic",
    "hedge": "black on yellow",
    "booster": "black on bright_red",
    "approximator": "black on bright_green",
}
_LINE_STYLE = {"ad": "strike red", "chrome": "strike dim", "related": "strike dim", "caption": "dim italic",
               "byline": "dim"}


def _fmt(value: Any) -> str:
    # None and NaN (e.g. a test that could not run) both read as "–", never "nan"
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)


def render_terminal(expl: Explanation, *, width: int = 100, color: bool = True) -> str:
    """The explanation as terminal text (ANSI styles when ``color``; plain otherwise).

    Non-body lines are struck out and tagged with their class; source
    names, attribution cues, hedges, boosters and approximators are
    highlighted; a legend, the records and the metrics follow.
    """
    from io import StringIO

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    buf = StringIO()
    console = Console(file=buf, width=width, force_terminal=color, color_system="standard" if color else None,
                      no_color=not color, highlight=False, emoji=False, markup=False)
    head = Text(expl.title or expl.id, style="bold")
    console.print(head)
    meta = " · ".join(x for x in (expl.outlet, expl.published, expl.url, f"id {expl.id}") if x)
    console.print(Text(meta, style="dim"))
    if expl.dateline:
        console.print(Text(f"dateline: {expl.dateline}", style="dim"))
    console.print(Text("legend: ") + Text("source", _TERM_STYLE["speaker"]) + Text("  ") + Text("cue", _TERM_STYLE["cue"])
                  + Text("  ") + Text("hedge", _TERM_STYLE["hedge"]) + Text("  ") + Text("booster", _TERM_STYLE["booster"])
                  + Text("  ") + Text("approximator", _TERM_STYLE["approximator"]) + Text("  ")
                  + Text("ad/chrome struck out", _LINE_STYLE["ad"]))
    console.print()
    # A two-column grid: the tag column stays dim on its own (a Text's base style
    # would dim the joined line) and wrapped text hangs under the text column.
    page = Table.grid(padding=(0, 1))
    page.add_column(no_wrap=True, width=12)
    page.add_column(overflow="fold")
    for ln in expl.lines:
        tag = Text(f"{ln.index:>3} {ln.cls:<8}", style="dim")
        body = Text(ln.text, style=_LINE_STYLE.get(ln.cls, ""))
        for s in sorted(ln.spans, key=lambda s: SPAN_KINDS.index(s.kind) if s.kind in SPAN_KINDS else 0):
            body.stylize(_TERM_STYLE.get(s.kind, "underline"), s.start, s.end)
        if not color and ln.cls != "body":
            body = Text(f"[{ln.cls}: ") + body + Text("]")
        page.add_row(tag, body)
    console.print(page)
    if expl.attributions:
        console.print()
        t = Table(title="Attributions", title_justify="left", show_lines=False)
        for col in ("#", "speaker", "type", "official", "cue", "kind"):
            t.add_column(col)
        for i, a in enumerate(expl.attributions, 1):
            t.add_row(str(i), str(a.get("canonical") or a.get("speaker") or "?"), str(a.get("speaker_type") or ""),
                      "yes" if a.get("is_official") else "", str(a.get("cue") or ""), str(a.get("kind") or ""))
        console.print(t)
    if expl.cues:
        console.print()
        t = Table(title="Hedges, boosters, approximators", title_justify="left")
        for col in ("#", "text", "kind", "group", "where"):
            t.add_column(col)
        for i, c in enumerate(expl.cues, 1):
            t.add_row(str(i), str(c.get("text") or ""), str(c.get("kind") or ""), str(c.get("group") or ""),
                      "quoted" if c.get("in_quote") else "authorial")
        console.print(t)
    counts = expl.counts()
    console.print()
    console.print(Text("counts: " + "; ".join(
        f"{k}: " + ", ".join(f"{n} {v}" for v, n in sorted(d.items())) for k, d in counts.items() if d)))
    if expl.metrics:
        t = Table(title="Metrics", title_justify="left")
        t.add_column("metric", overflow="fold")
        t.add_column("value", justify="right")
        t.add_column("what it counts")
        family = {c.name: m.name for m in available_metrics() for c in m.columns}
        last = None
        for name, value in expl.metrics.items():
            fam = family.get(name)
            if fam and fam != last:  # one labelled block per metric family
                if last is not None:
                    t.add_section()
                t.add_row(Text(fam, style="bold"), "", "")
                last = fam
            t.add_row(name, _fmt(value), expl.descriptions.get(name, ""))
        console.print(t)
    for err in expl.errors:
        console.print(Text(f"note: {err}", style="yellow"))
    # rich pads grid and title lines to the full width; trailing blanks only get in the way of pipes and diffs
    return re.sub(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$", r"\1", buf.getvalue(), flags=re.M)


def template_env(template_dir: str | Path | None = None) -> jinja2.Environment:
    """Jinja2 environment with autoescaping: ``template_dir`` (user overrides) first, then the package templates.

    Environments are cached per folder, so compiled templates are reused.
    """
    return _template_env(None if template_dir is None else str(Path(template_dir).resolve()))


@lru_cache(maxsize=16)
def _template_env(template_dir: str | None) -> jinja2.Environment:
    import jinja2

    loaders: list[jinja2.BaseLoader] = []
    if template_dir is not None:
        loaders.append(jinja2.FileSystemLoader(str(template_dir)))
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATE_DIR)))
    # HTML is always escaped (article text is untrusted); Markdown templates
    # escape through the ``md`` filter instead, which keeps tables intact.
    autoescape = jinja2.select_autoescape(enabled_extensions=("html", "htm", "xml", "svg"),
                                          disabled_extensions=("md", "txt", "csv"),
                                          default_for_string=True, default=True)
    env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), autoescape=autoescape, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["fmt"] = _fmt
    env.filters["md"] = _md
    env.filters["slug"] = _slug
    env.filters["pval"] = _pval
    env.filters["wbr"] = _wbr
    return env


def _pval(value: Any) -> str:
    """A p-value for reading: "<0.001" below that, 2 significant digits otherwise, "–" when not tested."""
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    v = float(value)
    return "<0.001" if v < 0.001 else f"{v:.2g}"


def _md(value: Any) -> str:
    """Text made inert for a Markdown table cell: no HTML, no cell breaks, no line breaks."""
    text = _fmt(value) if not isinstance(value, str) else value
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"([|\\`*_\[\]])", r"\\\1", text)


def _wbr(text: Any) -> Any:
    """Escaped text with a line-break opportunity after each ``_`` (long column names wrap in headers)."""
    from markupsafe import Markup, escape

    return Markup("_<wbr>").join(escape(str(text)).split("_"))


def _slug(text: Any) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-") or "x"


def render_html(expl: Explanation, *, template_dir: str | Path | None = None, back: str | None = None,
                env: jinja2.Environment | None = None, context: Mapping[str, Mapping[str, Any]] | None = None) -> str:
    """A self-contained HTML evidence page for ``expl`` (template ``evidence.html``).

    ``context`` (from a report) maps a metric column to ``{"family", "outlet",
    "all"}``: its metric family and the means of the article's outlet and of
    all articles, shown beside the article's own value.
    """
    env = env or template_env(template_dir)
    return env.get_template("evidence.html").render(e=expl, counts=expl.counts(), back=back, ctx=context or {})
