"""The Markdown summary: meta, header lines kept out of the analysis, the claims to check and (with
``--factchecks``) the fact-checks found for them, span counts and a table per layer.

Built on ``json_out.to_dict`` so it summarises exactly the JSON's analysis. It does not reproduce the
full text or every span (use the JSON, CSV or HTML output for those). Document text is escaped so that
it cannot break a table or turn into Markdown or HTML markup.
"""

from __future__ import annotations

import re
from typing import Any

from podium.document import Document
from podium.outputs import checked_before, json_out
from podium.outputs.summary import format_score, layer_names, summarise

_SPECIAL = re.compile(r"([\\`*_\[\]<>|&#~])")


def escape(text: str) -> str:
    """``text`` on one line with Markdown/HTML specials backslash-escaped (safe in a table cell too)."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _claims(data: dict[str, Any], top: int = 20) -> list[str]:
    """The top claims to check as a ranked table (empty when there are none)."""
    claims = sorted(data["claims"], key=lambda c: c["rank"])[:top]
    if not claims:
        return []
    text = data["text"]
    out = ["", f"## Claims to check (top {len(claims)} of {len(data['claims'])})", ""]
    out += ["| # | Score | Sentence | Speaker | Type |", "|---:|---:|---|---|---|"]
    for c in claims:
        sentence = escape(text[c["start"] : c["end"]])
        speaker, kind = escape(c.get("speaker") or "") or "—", escape(c.get("type") or "") or "—"
        out.append(f"| {c['rank']} | {format_score(c['score'])} | {sentence} | {speaker} | {kind} |")
    return out


def _checked(data: dict[str, Any]) -> list[str]:
    """The "Checked before" list: each matched claim and the fact-checks found for it (nothing when no
    archive was searched). A fact-check URL is an autolink only when it is a plain http(s) URL, else
    escaped text."""
    info = checked_before.searched(data)
    if info is None:
        return []
    rows = checked_before.checked_claims(data)
    out = ["", "## Checked before", ""]
    if "searched" in info:
        threshold = info.get("threshold")
        out += [
            f"Claims matched against {info['searched']} fact-checks (match probability ≥ {threshold}).",
            "",
        ]
    if not rows:
        return [*out, "_No claim matched a fact-check._"]
    for row in rows:
        out.append(f"- “{escape(row['text'])}” (claim {row['rank']})")
        for m in row["matches"]:
            link = _link(m)
            line = f"  - **{escape(checked_before.summary(m))}**: “{escape(m.get('claim_reviewed') or '')}”"
            out.append(line + f" (match {m['score_pct']}%)" + (f" {link}" if link else ""))
    return out


def _link(match: dict[str, Any]) -> str:
    href = match.get("href")
    if href and not _UNSAFE_URL.search(href):
        return f"<{href}>"
    return escape(match.get("url") or "")


_UNSAFE_URL = re.compile(r"[\s<>`\\]")


def render(doc: Document) -> str:
    """The summary as one Markdown document (a string)."""
    data = json_out.to_dict(doc)
    meta, spans, text = data["meta"], data["spans"], data["text"]
    layers = layer_names(spans, doc.spans)
    summaries = summarise(spans, layers)
    lines = [f"# {escape(meta['title'] or 'Untitled document')}", ""]
    facts = [
        ("Speakers", ", ".join(meta["speakers"])),
        ("Date", meta["date"] or ""),
        ("Source", meta["source"] or ""),
        ("Language", meta["language"] or ""),
        ("Words", str(len(text.split()))),
        ("Sentences", str(len(data["sentences"]))),
        ("Paragraphs", str(len(data["paragraphs"]))),
        ("Speaker turns", str(len(data["turns"]))),
        ("Spans", str(len(spans))),
    ]
    lines += [f"- **{name}:** {escape(value) or '—'}" for name, value in facts]
    header = [escape(text[h["start"] : h["end"]]) for h in meta["header"]]
    if any(header):
        lines += ["", "## Kept out of the analysis", "", "Header lines (page title, breadcrumb):", ""]
        lines += [f"- {line}" for line in header if line]
    lines += _claims(data)
    lines += _checked(data)
    lines += ["", "## Spans per layer", ""]
    if not summaries:
        lines.append("_No spans in this document._")
    else:
        lines += ["| Layer | Spans | Labels |", "|---|---:|---:|"]
        lines += [f"| {escape(s.layer)} | {s.count} | {len(s.labels)} |" for s in summaries]
    for s in summaries:
        lines += ["", f"## Layer: {escape(s.layer)}", ""]
        if not s.labels:
            lines.append("_No spans._")
            continue
        lines += ["| Label | Count | Mean score | Examples |", "|---|---:|---:|---|"]
        for row in s.labels:
            examples = " · ".join(f"“{escape(x)}”" for x in row.examples)
            score = format_score(row.mean_score)
            lines.append(f"| {escape(row.label)} | {row.count} | {score} | {examples} |")
    return "\n".join(lines) + "\n"
