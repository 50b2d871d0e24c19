"""Timelines as SVG: a small line chart of ``{period, series, count}`` rows, and the "in the corpus"
section that ``podium corpus show`` adds to a stored document's HTML report.

Only SVG presentation attributes (no CSS, no script), so it renders under the report's strict Content
Security Policy; every label from the data is escaped.
"""

from __future__ import annotations

from html import escape
from typing import Any

WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 640, 220, 44, 150, 14, 40
COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b")


def timeline_svg(rows: list[dict[str, Any]], title: str, mark: str | None = None) -> str:
    """One line per series over the dated periods (``undated`` left out); ``mark`` outlines a period."""
    periods = sorted({r["period"] for r in rows if r["period"] != "undated"})
    series = sorted({r["series"] for r in rows})[: len(COLOURS)]
    counts = {(r["period"], r["series"]): r["count"] for r in rows}
    top = max([counts.get((p, s), 0) for p in periods for s in series] or [1]) or 1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(i: int) -> float:
        return LEFT + (plot_w * (i + 0.5) / max(len(periods), 1))

    def y(n: int) -> float:
        return TOP + plot_h * (1 - n / top)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" y2="{TOP + plot_h}" stroke="#888"/>',
        f'<text x="{LEFT - 6}" y="{TOP + 4}" text-anchor="end" font-size="10" fill="#444">{top}</text>',
        f'<text x="{LEFT - 6}" y="{TOP + plot_h}" text-anchor="end" font-size="10" fill="#444">0</text>',
    ]
    step = max(1, len(periods) // 8)
    for i, period in enumerate(periods):
        if period == mark:
            parts.append(
                f'<rect x="{x(i) - plot_w / max(len(periods), 1) / 2:.1f}" y="{TOP}" '
                f'width="{plot_w / max(len(periods), 1):.1f}" height="{plot_h}" fill="#fff3b0"/>'
            )
        if i % step == 0:
            parts.append(
                f'<text x="{x(i):.1f}" y="{TOP + plot_h + 14}" text-anchor="middle" font-size="10" '
                f'fill="#444">{escape(period)}</text>'
            )
    for k, name in enumerate(series):
        colour = COLOURS[k]
        points = " ".join(f"{x(i):.1f},{y(counts.get((p, name), 0)):.1f}" for i, p in enumerate(periods))
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for i, p in enumerate(periods):
            n = counts.get((p, name), 0)
            parts.append(
                f'<circle cx="{x(i):.1f}" cy="{y(n):.1f}" r="2.5" fill="{colour}">'
                f"<title>{escape(name)}, {escape(p)}: {n}</title></circle>"
            )
        ly = TOP + 12 + 16 * k
        parts.append(f'<rect x="{WIDTH - RIGHT + 12}" y="{ly - 8}" width="10" height="10" fill="{colour}"/>')
        label = escape(name[:22])
        parts.append(f'<text x="{WIDTH - RIGHT + 26}" y="{ly + 1}" font-size="11" fill="#222">{label}</text>')
    parts.append("</svg>")
    return "".join(parts)


def corpus_section(
    rows_by_actor: dict[str, list[dict[str, Any]]], names: dict[str, str], period: str | None
) -> str:
    """The HTML section with one chart: monthly mentions, across the corpus, of the document's actors."""
    rows = [
        {**r, "series": names.get(actor, actor)}
        for actor, actor_rows in rows_by_actor.items()
        for r in actor_rows
        if r["series"] == "mentions"
    ]
    if not rows:
        return ""
    title = "Mentions per month across the corpus of this document's most mentioned actors"
    return (
        '<section id="corpus-timeline"><h2>In the corpus</h2>'
        f"<p>{escape(title)} (this document's month highlighted).</p>"
        f"{timeline_svg(rows, title, period)}</section>"
    )
