"""The self-contained HTML report: meta, the full text with toggleable span highlights, per-layer summaries.

Built on ``json_out.to_dict`` so it shows exactly the JSON's analysis. The output is one file with inline
CSS and JS that loads nothing from elsewhere; its Content-Security-Policy admits only its own inline
script and style (by hash). The only outward links are those of fact-checks found for claims ("Checked
before"): http(s) only, opened in a new tab with ``rel="noopener noreferrer"``. Document text reaches the
page only through Jinja2 autoescaping and an escaped JSON data block that the script reads as text. It
analyses nothing and writes no files.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import zlib
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from functools import cache
from itertools import pairwise
from typing import Any

import jinja2
from markupsafe import Markup

from podium.actors.network import build_network
from podium.document import Document
from podium.outputs import checked_before, json_out, network_svg, speaker_view
from podium.outputs.rhetoric_view import rhetoric_view, technique_name
from podium.outputs.summary import format_score, layer_names, summarise
from podium.resources.techniques.explanations import EXPLANATIONS

#: Fixed colours of the known layers (DESIGN.md §1); other layers get a colour from their name.
PALETTE = {
    "claim": "#fff1a6",
    "quantity": "#a9dbff",
    "time": "#b9efb0",
    "attribution": "#ffcf9e",
    "hedge": "#dccbff",
    "citation": "#ffc2da",
    "entity": "#93e3dc",
    "actor_mention": "#d6e89a",
    "event": "#f6c3a6",
    "technique": "#ff9f9f",
}
#: Layers whose spans are whole sentences or clauses: shown only when switched on, or they would colour
#: most of the text.
OFF_BY_DEFAULT = frozenset({"claim_type", "event"})
#: Layers whose low-confidence spans are drawn pale, and the score below which a span is low: a technique
#: span scored 0.08 (span probability × technique probability) should not look as sure as one at 0.45.
PALE_BELOW = {"technique": 0.15}
_SPAN_KEYS = ("layer", "label", "start", "end", "text", "score", "attrs", "source")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@dataclass(slots=True)
class Piece:
    """Text between two consecutive boundaries, with the spans covering all of it."""

    text: str
    spans: tuple[int, ...]
    classes: str
    turn_start: str | None


@dataclass(slots=True)
class Run:
    sentence: int | None
    pieces: list[Piece] = field(default_factory=list)


@dataclass(slots=True)
class Block:
    paragraph: int | None
    speaker: str | None = None
    runs: list[Run] = field(default_factory=list)


@cache
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("podium.outputs", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def safe_json(data: Any) -> Markup:
    """JSON that cannot end a ``<script>`` element or start markup, whatever strings it holds."""
    raw = json.dumps(data, ensure_ascii=False, default=str)
    for char, escaped in _JSON_ESCAPES.items():  # no escape holds another's character
        raw = raw.replace(char, escaped)
    return Markup(raw)


def _csp_hash(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


def _slugs(layers: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for i, name in enumerate(layers):
        slug = re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-") or "layer"
        out[name] = slug if slug not in out.values() else f"{slug}-{i}"
    return out


def _colour(layer: str) -> str:
    return PALETTE.get(layer) or f"hsl({zlib.crc32(layer.encode('utf-8')) % 360} 75% 82%)"


def _layer_css(layers: list[str], slugs: dict[str, str], spans: list[dict[str, Any]]) -> str:
    """Per-layer colours; where layers overlap the one with the shorter spans shows (a var() fallback
    chain), and switching a layer off (``off-<slug>`` on ``#text``) lets the next one through."""
    lengths: dict[str, list[int]] = defaultdict(list)
    for s in spans:
        lengths[s["layer"]].append(s["end"] - s["start"])
    order = sorted(layers, key=lambda n: (not lengths[n], sum(lengths[n]) / max(len(lengths[n]), 1), n))
    rules = []
    for name in layers:
        slug, colour = slugs[name], _colour(name)
        rules.append(f".hl-{slug}{{--c-{slug}:{colour}}}")
        rules.append(f"#text.off-{slug} .hl-{slug}{{--c-{slug}:initial}}")
        rules.append(f".sw-{slug}{{background:{colour}}}")
        if name in PALE_BELOW:
            rules.append(f".hl-{slug}.pale-{slug}{{--c-{slug}:{_pale(colour)}}}")
    chain = "transparent"
    for name in reversed(order):
        chain = f"var(--c-{slugs[name]},{chain})"
    rules.append(f".hl{{background-color:{chain}}}")
    return "\n".join(rules)


def _pale(colour: str) -> str:
    """``colour`` (``#rrggbb``) halfway to white; other notations are returned as they are."""
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", colour):
        return colour
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{(c + 255) // 2:02x}" for c in rgb)


def _piece_classes(ids: tuple[int, ...], spans: list[dict[str, Any]], slugs: dict[str, str]) -> list[str]:
    """``hl``, ``hl-<layer>`` for each layer covering the piece, and ``pale-<layer>`` where every span of
    a ``PALE_BELOW`` layer covering it scores below that layer's bar."""
    if not ids:
        return []
    layers = sorted({spans[j]["layer"] for j in ids})
    classes = ["hl", *(f"hl-{slugs[name]}" for name in layers)]
    for name in layers:
        bar = PALE_BELOW.get(name)
        if bar is None:
            continue
        scores = [spans[j].get("score") for j in ids if spans[j]["layer"] == name]
        if all(sc is not None and sc < bar for sc in scores):
            classes.append(f"pale-{slugs[name]}")
    return classes


def _cover(ranges: list[tuple[int, int]], bounds: list[int]) -> list[tuple[int, ...]]:
    """For each piece ``[bounds[i], bounds[i+1])``, the indices of the non-empty ranges covering it
    (``bounds`` holds every start and end)."""
    changes: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))  # pos: starting, ending
    for i, (start, end) in enumerate(ranges):
        if start < end:
            changes[start][0].append(i)
            changes[end][1].append(i)
    index = {pos: i for i, pos in enumerate(bounds)}
    out: list[tuple[int, ...]] = []
    active: set[int] = set()
    covering: tuple[int, ...] = ()
    for pos in sorted(changes):  # the pieces from one change to the next share their ranges
        out += [covering] * (index[pos] - len(out))
        starting, ending = changes[pos]
        active.difference_update(ending)
        active.update(starting)
        covering = tuple(sorted(active))
    out += [covering] * (len(bounds) - 1 - len(out))
    return out


def layout(data: dict[str, Any], slugs: dict[str, str]) -> list[Block]:
    """Split the text at every boundary and group the pieces into paragraphs and sentences."""
    text, spans, turns = data["text"], data["spans"], data["turns"]
    groups = [spans, data["paragraphs"], data["sentences"], turns, data["meta"]["header"]]
    bounds = sorted({0, len(text)} | {x for g in groups for r in g for x in (r["start"], r["end"])})
    spans_at, paras_at, sents_at, turns_at, header_at = (
        _cover([(r["start"], r["end"]) for r in g], bounds) for g in groups
    )
    turn_starts = {t["start"]: t["speaker"] for t in turns if t["end"] > t["start"]}
    classes_of: dict[tuple[tuple[int, ...], bool], str] = {}  # pieces in a row often share their spans
    blocks: list[Block] = []
    for i, (a, b) in enumerate(pairwise(bounds)):
        ids = spans_at[i]
        key = (ids, bool(header_at[i]))
        classes = classes_of.get(key)
        if classes is None:
            classes = classes_of[key] = " ".join(
                [*_piece_classes(ids, spans, slugs), *(["hdr"] if header_at[i] else [])]
            )
        para = paras_at[i][0] if paras_at[i] else None
        if not blocks or blocks[-1].paragraph != para:
            blocks.append(Block(para))
        if turns_at[i] and blocks[-1].speaker is None:
            blocks[-1].speaker = turns[turns_at[i][0]]["speaker"]
        sent = sents_at[i][0] if sents_at[i] else None
        if not blocks[-1].runs or blocks[-1].runs[-1].sentence != sent:
            blocks[-1].runs.append(Run(sent))
        blocks[-1].runs[-1].pieces.append(Piece(text[a:b], ids, classes, turn_starts.get(a)))
    if data["paragraphs"]:
        blocks = [b for b in blocks if b.paragraph is not None or not _blank(b)]
    for block in blocks:
        if block.paragraph is None:  # text outside paragraphs: drop the line breaks around it
            first, last = block.runs[0].pieces[0], block.runs[-1].pieces[-1]
            first.text = first.text.lstrip()
            last.text = last.text.rstrip()
    return blocks


def claim_rows(data: dict[str, Any], slugs: dict[str, str]) -> list[dict[str, Any]]:
    """The ranked claims as table rows: sentence text, score, speaker, type and the parts inside."""
    text = data["text"]
    rows = []
    for claim in sorted(data["claims"], key=lambda c: c["rank"]):
        parts = [
            ({"name": layer, "slug": slugs.get(layer, "layer")}, " ".join(text[a:b].split()))
            for layer, ranges in claim.get("parts", {}).items()
            for a, b in ranges
        ]
        rows.append(
            {
                **claim,
                "text": " ".join(text[claim["start"] : claim["end"]].split()),
                "score_pct": round(100 * float(claim["score"])),
                "parts": parts,
                "checked": checked_before.best(claim),
            }
        )
    return rows


def _blank(block: Block) -> bool:
    return all(not p.text.strip() and p.turn_start is None for r in block.runs for p in r.pieces)


def _static(name: str) -> str:
    """A template file's source as is (CSS, JS): hashed for the CSP, so nothing may be substituted in it."""
    env = _env()
    assert env.loader is not None
    return env.loader.get_source(env, name)[0]


def _pretty(value: Any, indent: int | None = 2) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent, default=str)


def _acting(actor: str, names: dict[str, str], acting: dict[str, str]) -> str:
    """An actor's name, with the state or group it acts for ("Benjamin Netanyahu (for Israel)")."""
    name = names.get(actor, actor)
    principal = acting.get(actor)
    return f"{name} (for {names.get(principal, principal)})" if principal else name


def render(doc: Document) -> str:
    """The report as one HTML page (a string)."""
    return _env().get_template("report.html.j2").render(**report_context(doc))


def report_context(doc: Document, data: dict[str, Any] | None = None) -> dict[str, Any]:
    """What ``report.html.j2`` shows of ``doc``; the web app renders the same with its own page shell.
    ``data`` is ``json_out.to_dict(doc)`` when the caller has it already."""
    data = data if data is not None else json_out.to_dict(doc)
    meta, spans, text = data["meta"], data["spans"], data["text"]
    layers = layer_names(spans, doc.spans)
    slugs = _slugs(layers)
    summaries = summarise(spans, layers)
    css = _static("report.css") + "\n" + _layer_css(layers, slugs, spans)
    script = _static("report.js")
    header_lines = [" ".join(text[h["start"] : h["end"]].split()) for h in meta["header"]]
    records = {k: _pretty(data[k]) for k in ("events",) if data[k]}
    checked = checked_before.checked_claims(data)
    network = build_network(doc)
    names = {n.id: n.name for n in network.nodes}
    ac = {n.id: n.acting_for for n in network.nodes if n.acting_for}  # whom each acts for
    techniques = {s["label"] for s in spans if s["layer"] == "technique"}
    payload = {
        "layers": slugs,
        "spans": [{k: s[k] for k in _SPAN_KEYS} for s in spans],
        "explanations": {
            label: f"{technique_name(label)}: {line}"
            for label, line in EXPLANATIONS.items()
            if label in techniques
        },
    }
    return dict(
        title=meta["title"] or (header_lines[0] if header_lines else "Untitled document"),
        meta=meta,
        extras={
            k: v if isinstance(v, str) else _pretty(v, None)
            for k, v in meta["extras"].items()
            if k not in ("rhetoric", checked_before.EXTRA, "speakers_found", "sides")
        },
        header_lines=[line for line in header_lines if line],
        speaker=speaker_view.speaker_line(meta),
        side=speaker_view.side_line(meta, text),
        counts={
            "words": len(text.split()),
            "sentences": len(data["sentences"]),
            "paragraphs": len(data["paragraphs"]),
            "turns": len(data["turns"]),
            "spans": len(spans),
        },
        layers=[
            {
                "name": s.layer,
                "slug": slugs[s.layer],
                "count": s.count,
                "on": s.layer not in OFF_BY_DEFAULT,
                "hint": f"pale: score below {PALE_BELOW[s.layer]}" if s.layer in PALE_BELOW else "",
            }
            for s in summaries
        ],
        summaries=[(slugs[s.layer], s) for s in summaries],
        fmt_score=format_score,
        blocks=layout(data, slugs),
        records=records,
        claims=claim_rows(data, slugs),
        checked=checked,
        searched=checked_before.searched(data),
        checked_sentences={
            row["sentence"]: (row["matches"][0]["label"], checked_before.summary(row["matches"][0]))
            for row in checked
        },
        rhetoric=rhetoric_view(meta["extras"], text, EXPLANATIONS),
        network=network_svg.layout(network),
        edges=[
            {**asdict(e), "source": _acting(e.source, names, ac), "target": _acting(e.target, names, ac)}
            for e in network.edges
        ],
        actors=sorted(data["actors"], key=lambda a: (-a.get("mention_count", 0), a.get("name", ""))),
        data_json=safe_json(payload),
        css=Markup(css),
        script=Markup(script),
        csp=f"default-src 'none'; script-src '{_csp_hash(script)}'; style-src '{_csp_hash(css)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'",
    )
