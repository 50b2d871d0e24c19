"""The neutrality audit's report as JSON (what tests assert on), Markdown, or one readable HTML page.

The HTML page puts the verdict first, then per analyser the label changes and the largest score changes
(worst first) with the original and the twin sentence side by side, then the rhetoric-profile changes and
the documents. Every text from an input is escaped; the page has no script and a Content-Security-Policy
that allows only its own style. Nothing here computes the audit (``neutrality`` does).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from typing import Any

FORMATS = ("html", "json", "md")
_SURROGATES = re.compile("[\ud800-\udfff]")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|&#~])")
TITLES = {
    "checkworthiness": "Check-worthiness",
    "techniques": "Persuasion techniques",
    "claim_types": "Claim types",
    "attributions": "Attributions",
    "hedges": "Hedges and boosters",
}

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#222}
h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1.05rem}
.verdict{padding:.6rem 1rem;border-radius:6px;font-weight:600}
.pass{background:#e3f4e3}.fail{background:#fbe3e0}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
td,th{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}
th{background:#f4f4f4}td.num{text-align:right;white-space:nowrap}
.muted{color:#666}
"""


def _clean(text: str) -> str:
    return _SURROGATES.sub("\ufffd", text)


def render(report: dict[str, Any], fmt: str) -> str:
    """The report as ``fmt`` (one of ``FORMATS``)."""
    if fmt == "json":
        return _clean(json.dumps(report, ensure_ascii=False, indent=2)) + "\n"
    if fmt == "md":
        return _clean(markdown(report))
    return _clean(html_page(report))


def _verdict(report: dict[str, Any]) -> str:
    if report["passed"]:
        return (
            f"Neutral within the tolerance: no label changed and no score moved by more than "
            f"{report['tolerance']} in {report['sentences']} sentences ({report['swaps']} names swapped)."
        )
    labels = sum(s["label_changes_count"] for s in report["analysers"].values())
    over = sum(s["over_tolerance"] for s in report["analysers"].values())
    return (
        f"Not neutral: {labels} label changes, {over} score changes over {report['tolerance']}, "
        f"{report['rhetoric_changes']} rhetoric-profile changes in {report['sentences']} sentences "
        f"({report['swaps']} names swapped)."
    )


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, dict):
        return ", ".join(f"{k} {_fmt(v)}" for k, v in value.items()) or "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "—"
    return "—" if value is None else str(value)


def html_page(report: dict[str, Any]) -> str:
    e = html.escape
    style_hash = base64.b64encode(hashlib.sha256(_CSS.encode("utf-8")).digest()).decode("ascii")
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        f"style-src 'sha256-{style_hash}'\">",
        "<title>podium neutrality audit</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>Neutrality audit</h1>",
        f'<p class="verdict {"pass" if report["passed"] else "fail"}">{e(_verdict(report))}</p>',
        f'<p class="muted">{report["pairs"]} name pairs; tolerance {report["tolerance"]}; '
        f"{len(report['documents'])} documents; {report['seconds']} s.</p>",
    ]
    for name, sec in report["analysers"].items():
        out.append(f"<h2>{e(TITLES.get(name, name))}</h2>")
        out.append(
            f"<p>{sec['sentences_compared']} sentences compared; largest score change "
            f"{sec['max_change']:.4f}; {sec['over_tolerance']} over the tolerance "
            f"({100 * sec['share_over_tolerance']:.2f}% of {sec['scored']} scored); "
            f"{sec['label_changes_count']} label changes; {sec['extent_changes_count']} extent changes.</p>"
        )
        for title, rows in (
            ("Label changes", sec["label_changes"]),
            ("Largest score changes", sec["largest"]),
            ("Extent changes (same labels, other words)", sec["extent_changes"]),
        ):
            if rows:
                out.append(f"<h3>{e(title)}</h3>")
                out.append(_html_changes(rows))
    out.append("<h2>Rhetoric profile</h2>")
    rows = [(d["document"], c) for d in report["documents"] for c in d["rhetoric"]["changes"]]
    skipped = sum(d["rhetoric"]["own_rows_skipped"] for d in report["documents"])
    out.append(
        f"<p>{len(rows)} changes other than the swapped names' own rows ({skipped} such rows left out).</p>"
    )
    if rows:
        out.append("<table><tr><th>Document</th><th>Field</th><th>Original</th><th>Twin</th></tr>")
        for doc, c in rows:
            out.append(
                f"<tr><td>{e(doc)}</td><td>{e(c['field'])}</td><td>{e(_fmt(c['original']))}</td>"
                f"<td>{e(_fmt(c['twin']))}</td></tr>"
            )
        out.append("</table>")
    out.append("<h2>Documents</h2><table><tr><th>Document</th><th>Sentences</th><th>Aligned</th>")
    out.append("<th>Swaps</th><th>Names swapped</th></tr>")
    for d in report["documents"]:
        out.append(
            f'<tr><td>{e(d["document"])}</td><td class="num">{d["sentences"]}</td>'
            f'<td class="num">{d["aligned"]}</td><td class="num">{d["swaps"]}</td>'
            f"<td>{e(', '.join(d['swapped_names']))}</td></tr>"
        )
    out.append("</table></body></html>\n")
    return "\n".join(out)


def _html_changes(rows: list[dict[str, Any]]) -> str:
    e = html.escape
    out = [
        "<table><tr><th>Change</th><th>Original sentence</th><th>Twin sentence</th><th>Before</th>"
        "<th>After</th></tr>"
    ]
    for r in rows:
        out.append(
            f'<tr><td class="num">{r["change"]:.4f}</td><td>{e(r["original"])}</td><td>{e(r["twin"])}</td>'
            f"<td>{e(_fmt(r['before']))}</td><td>{e(_fmt(r['after']))}</td></tr>"
        )
    out.append("</table>")
    return "\n".join(out)


def _md(text: Any) -> str:
    return _MD_SPECIAL.sub(r"\\\1", " ".join(_fmt(text).split()))


def markdown(report: dict[str, Any]) -> str:
    out = ["# Neutrality audit", "", f"**{_md(_verdict(report))}**", ""]
    n_docs = len(report["documents"])
    out.append(f"{report['pairs']} name pairs; tolerance {report['tolerance']}; {n_docs} documents.")
    for name, sec in report["analysers"].items():
        out += ["", f"## {TITLES.get(name, name)}", ""]
        out.append(
            f"{sec['sentences_compared']} sentences compared; largest score change {sec['max_change']:.4f}; "
            f"{sec['over_tolerance']} over the tolerance; {sec['label_changes_count']} label changes; "
            f"{sec['extent_changes_count']} extent changes."
        )
        for title, rows in (("Label changes", sec["label_changes"]), ("Largest changes", sec["largest"])):
            if rows:
                out += ["", f"### {title}", "", "| Change | Original | Twin | Before | After |"]
                out.append("|---:|---|---|---|---|")
                for r in rows:
                    out.append(
                        f"| {r['change']:.4f} | {_md(r['original'])} | {_md(r['twin'])} | {_md(r['before'])} "
                        f"| {_md(r['after'])} |"
                    )
    out += ["", "## Rhetoric profile", ""]
    rows = [(d["document"], c) for d in report["documents"] for c in d["rhetoric"]["changes"]]
    out.append(f"{len(rows)} changes other than the swapped names' own rows.")
    if rows:
        out += ["", "| Document | Field | Original | Twin |", "|---|---|---|---|"]
        for d, c in rows:
            out.append(f"| {_md(d)} | {_md(c['field'])} | {_md(c['original'])} | {_md(c['twin'])} |")
    out += ["", "## Documents", "", "| Document | Sentences | Aligned | Swaps |", "|---|---:|---:|---:|"]
    for d in report["documents"]:
        out.append(f"| {_md(d['document'])} | {d['sentences']} | {d['aligned']} | {d['swaps']} |")
    return "\n".join(out) + "\n"
