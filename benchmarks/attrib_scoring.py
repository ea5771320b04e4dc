"""Scoring of attribution extraction against PolNeAR, per the protocol in
``shared/data/attrib/README.md`` (Newell, Margolin & Ruths, LREC 2018).

1. Cue P/R/F1: a predicted cue is a hit if it overlaps a fragment of a
   not-yet-matched gold cue (greedy 1:1, predictions in text order); exact-span
   F1 counts a hit only when the predicted cue span equals a gold cue fragment
   or the gold cue hull.
2. Source: among matched cues the source is correct when the predicted speaker
   span overlaps a gold source fragment (or both have no source) -> source
   accuracy given cue; end-to-end (cue and source) P/R/F1.
3. Content: token-overlap F1 between predicted and gold content, averaged over
   matched cues.
4. Slices: speech cues vs all, direct (gold content has quotation marks) vs
   indirect, per outlet (macro average).
5. Outlet level: Spearman rho across outlets between predicted and gold rates
   (attributions per 1k words; share without source).

The module is import-light so the gate test can use it.
"""
from __future__ import annotations

import json
import re
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

__all__ = ["Pred", "load_records", "predict_with", "score", "format_scores", "SPEECH_CUE", "spearman"]

Span = tuple[int, int]

_TOKEN = re.compile(r"\w+", re.UNICODE)
_QUOTE_CHARS = "\"“”"
#: What the README calls "speech cues" (say / tell / according to / ...): the
#: canonical verbs of saying and writing, any tense.
SPEECH_CUE = re.compile(
    r"\b(?:say|says|said|saying|tell|tells|told|telling|according\s+to|add|adds|added|adding|"
    r"write|writes|wrote|writing|written|state|states|stated|stating|ask|asks|asked|asking|"
    r"tweet|tweets|tweeted|tweeting|explain|explains|explained|explaining|"
    r"note|notes|noted|noting|reply|replies|replied|replying|respond|responds|responded|responding)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Pred:
    """One predicted attribution in the scorer's terms."""

    cue: Span
    source: Span | None
    content: Span | None
    kind: str = ""


@dataclass(slots=True)
class _Gold:
    cue: list[Span]
    source: list[Span]
    content: list[Span]
    cue_text: str
    has_source: bool
    direct: bool
    speech: bool


def load_records(path: Path | str, limit: int | None = None, every: int = 1) -> list[dict[str, Any]]:
    """PolNeAR records of a JSONL file (``every``-th record, at most ``limit``)."""
    out: list[dict[str, Any]] = []
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i % every:
                continue
            out.append(json.loads(line))
            if limit is not None and len(out) >= limit:
                break
    return out


def _golds(rec: dict[str, Any]) -> list[_Gold]:
    text = rec["text"]
    out = []
    for a in rec["attributions"]:
        cue = [tuple(s) for s in (a.get("cue_spans") or [])]
        src = [tuple(s) for s in (a.get("source_spans") or [])]
        con = [tuple(s) for s in (a.get("content_spans") or [])]
        content_text = " ".join(text[s:e] for s, e in con)
        cue_text = a.get("cue_text") or ""
        out.append(
            _Gold(cue, src, con, cue_text, bool(a.get("has_source")) and bool(src),
                  any(q in content_text for q in _QUOTE_CHARS), bool(SPEECH_CUE.search(cue_text)))
        )
    return out


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _tokens(text: str, spans: Iterable[Span] | None) -> list[str]:
    if not spans:
        return []
    return [t.lower() for s, e in spans for t in _TOKEN.findall(text[s:e])]


def _token_f1(pred: list[str], gold: list[str]) -> float:
    if not pred and not gold:
        return 1.0
    if not pred or not gold:
        return 0.0
    counts: dict[str, int] = defaultdict(int)
    for t in gold:
        counts[t] += 1
    common = 0
    for t in pred:
        if counts[t] > 0:
            counts[t] -= 1
            common += 1
    if not common:
        return 0.0
    p, r = common / len(pred), common / len(gold)
    return 2 * p * r / (p + r)


def _prf(tp: float, npred: int, ngold: int) -> dict[str, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Spearman's rho with average ranks for ties (Spearman 1904), via scipy;
    NaN for fewer than two points or a constant input."""
    if len(x) < 2:
        return float("nan")
    from scipy.stats import spearmanr  # here, so that importing this module stays light

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # constant input: scipy warns and returns NaN
        return float(spearmanr(x, y).statistic)


@dataclass(slots=True)
class _Counts:
    npred: int = 0
    ngold: int = 0
    cue_tp: int = 0
    exact_tp: int = 0
    e2e_tp: int = 0
    src_ok: int = 0
    content_f1: float = 0.0
    speech_gold: int = 0
    speech_hit: int = 0
    speech_pred: int = 0
    speech_pred_hit: int = 0
    direct_gold: int = 0
    direct_hit: int = 0
    indirect_gold: int = 0
    indirect_hit: int = 0
    words: int = 0
    pred_nosrc: int = 0
    gold_nosrc: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, o: _Counts) -> None:
        for k in self.__slots__:  # type: ignore[attr-defined]
            if k == "errors":
                self.errors.extend(o.errors)
            else:
                setattr(self, k, getattr(self, k) + getattr(o, k))


def _score_one(rec: dict[str, Any], preds: list[Pred], keep_errors: bool = False) -> _Counts:
    text = rec["text"]
    golds = _golds(rec)
    c = _Counts(npred=len(preds), ngold=len(golds), words=len(_TOKEN.findall(text)))
    c.gold_nosrc = sum(1 for g in golds if not g.has_source)
    c.pred_nosrc = sum(1 for p in preds if p.source is None)
    preds = sorted(preds, key=lambda p: p.cue)
    used: set[int] = set()
    used_exact: set[int] = set()
    matched: dict[int, Pred] = {}
    for p in preds:
        speech = bool(SPEECH_CUE.search(text[p.cue[0]:p.cue[1]]))
        c.speech_pred += speech
        for gi, g in enumerate(golds):
            if gi not in used_exact and (p.cue in g.cue or (g.cue and p.cue == (g.cue[0][0], g.cue[-1][1]))):
                used_exact.add(gi)
                c.exact_tp += 1
                break
        for gi, g in enumerate(golds):
            if gi not in used and any(_overlap(p.cue, f) for f in g.cue):
                used.add(gi)
                matched[gi] = p
                c.cue_tp += 1
                c.speech_pred_hit += speech
                break
        else:
            if keep_errors:
                c.errors.append({"type": "fp", "cue": text[p.cue[0]:p.cue[1]], "ctx": text[max(0, p.cue[0] - 80):p.cue[1] + 40]})
    for gi, g in enumerate(golds):
        p = matched.get(gi)
        c.speech_gold += g.speech
        if g.direct:
            c.direct_gold += 1
        else:
            c.indirect_gold += 1
        if p is None:
            if keep_errors and g.cue:
                s = g.cue[0][0]
                c.errors.append({"type": "fn", "cue": g.cue_text, "ctx": text[max(0, s - 80):g.cue[-1][1] + 40]})
            continue
        c.speech_hit += g.speech
        c.direct_hit += g.direct
        c.indirect_hit += not g.direct
        ok = (p.source is not None and any(_overlap(p.source, f) for f in g.source)) if g.has_source else p.source is None
        c.src_ok += ok
        c.e2e_tp += ok
        if keep_errors and not ok:
            c.errors.append({"type": "src", "cue": g.cue_text, "gold": " | ".join(text[s:e] for s, e in g.source),
                             "pred": text[p.source[0]:p.source[1]] if p.source else None,
                             "ctx": text[max(0, g.cue[0][0] - 100):g.cue[-1][1] + 30]})
        c.content_f1 += _token_f1(_tokens(text, [p.content] if p.content else None), _tokens(text, g.content))
    return c


def _summary(c: _Counts) -> dict[str, float]:
    cue = _prf(c.cue_tp, c.npred, c.ngold)
    e2e = _prf(c.e2e_tp, c.npred, c.ngold)
    return {
        "cue_p": cue["p"], "cue_r": cue["r"], "cue_f1": cue["f1"],
        "cue_exact_f1": _prf(c.exact_tp, c.npred, c.ngold)["f1"],
        "source_acc_given_cue": c.src_ok / c.cue_tp if c.cue_tp else 0.0,
        "e2e_p": e2e["p"], "e2e_r": e2e["r"], "e2e_f1": e2e["f1"],
        "content_token_f1": c.content_f1 / c.cue_tp if c.cue_tp else 0.0,
        "speech_cue_recall": c.speech_hit / c.speech_gold if c.speech_gold else 0.0,
        "speech_cue_p": c.speech_pred_hit / c.speech_pred if c.speech_pred else 0.0,
        "direct_recall": c.direct_hit / c.direct_gold if c.direct_gold else 0.0,
        "indirect_recall": c.indirect_hit / c.indirect_gold if c.indirect_gold else 0.0,
        "n_pred": c.npred, "n_gold": c.ngold,
    }


def predict_with(extract: Callable[[str], list[Any]]) -> Callable[[str], list[Pred]]:
    """Adapt a biaslens-style extractor (records with cue_span/speaker_span/content_span)."""

    def run(text: str) -> list[Pred]:
        return [Pred(a.cue_span, a.speaker_span, a.content_span, a.kind) for a in extract(text) if a.cue_span]

    return run


def score(records: list[dict[str, Any]], predict: Callable[[str], list[Pred]], keep_errors: bool = False) -> dict[str, Any]:
    """All figures of the protocol for ``predict`` over ``records``."""
    total = _Counts()
    per_outlet: dict[str, _Counts] = defaultdict(_Counts)
    for rec in records:
        c = _score_one(rec, predict(rec["text"]), keep_errors)
        total.add(c)
        per_outlet[rec.get("outlet") or "?"].add(c)
    out: dict[str, Any] = _summary(total)
    outlets = {o: _summary(c) for o, c in sorted(per_outlet.items())}
    out["per_outlet"] = outlets
    for k in ("cue_f1", "e2e_f1", "source_acc_given_cue"):
        out[f"macro_{k}"] = sum(v[k] for v in outlets.values()) / len(outlets) if outlets else 0.0
    names = sorted(per_outlet)
    g_rate = [1000 * per_outlet[o].ngold / max(per_outlet[o].words, 1) for o in names]
    p_rate = [1000 * per_outlet[o].npred / max(per_outlet[o].words, 1) for o in names]
    g_ns = [per_outlet[o].gold_nosrc / max(per_outlet[o].ngold, 1) for o in names]
    p_ns = [per_outlet[o].pred_nosrc / max(per_outlet[o].npred, 1) for o in names]
    out["outlet_rates"] = {o: {"gold_per_1k": g, "pred_per_1k": p, "gold_nosource": gn, "pred_nosource": pn}
                           for o, g, p, gn, pn in zip(names, g_rate, p_rate, g_ns, p_ns)}
    out["spearman_rate_per_1k"] = spearman(g_rate, p_rate)
    out["spearman_nosource_share"] = spearman(g_ns, p_ns)
    if keep_errors:
        out["errors"] = total.errors
    return out


def format_scores(s: dict[str, Any]) -> str:
    """Human-readable lines of :func:`score`'s output."""
    lines = [
        f"cue              P {s['cue_p']:.3f}  R {s['cue_r']:.3f}  F1 {s['cue_f1']:.3f}   (exact-span F1 {s['cue_exact_f1']:.3f})",
        f"source accuracy given matched cue  {s['source_acc_given_cue']:.3f}",
        f"end-to-end       P {s['e2e_p']:.3f}  R {s['e2e_r']:.3f}  F1 {s['e2e_f1']:.3f}",
        f"content token-F1 (matched cues)    {s['content_token_f1']:.3f}",
        f"speech cues      recall {s['speech_cue_recall']:.3f}  precision {s['speech_cue_p']:.3f}",
        f"direct recall {s['direct_recall']:.3f}   indirect recall {s['indirect_recall']:.3f}",
        f"macro over outlets: cue F1 {s['macro_cue_f1']:.3f}  e2e F1 {s['macro_e2e_f1']:.3f}  source acc {s['macro_source_acc_given_cue']:.3f}",
        f"Spearman rho over outlets: attributions/1k words {s['spearman_rate_per_1k']:.3f}   share without source {s['spearman_nosource_share']:.3f}",
        f"predicted {s['n_pred']}  gold {s['n_gold']}",
        "per outlet:  cue F1  e2e F1  src acc | gold/1k pred/1k | gold no-src pred no-src",
    ]
    for o, v in s["per_outlet"].items():
        r = s["outlet_rates"][o]
        lines.append(f"  {o:<13} {v['cue_f1']:.3f}  {v['e2e_f1']:.3f}  {v['source_acc_given_cue']:.3f} | "
                     f"{r['gold_per_1k']:6.1f} {r['pred_per_1k']:6.1f} | {r['gold_nosource']:.3f} {r['pred_nosource']:.3f}")
    return "\n".join(lines)
