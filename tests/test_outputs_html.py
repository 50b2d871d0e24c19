"""The HTML report: escaping, overlapping highlights, layer toggles and summaries, no external URLs, meta."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html import unescape
from html.parser import HTMLParser

from podium.document import Document, Meta, Segment, Span, Turn
from podium.outputs import html, render

EVIL = "<script>alert(1)</script>"


def make_doc(text: str | None = None) -> Document:
    """A two-turn debate with a header line, sentences, overlapping spans and an empty layer."""
    text = text or (
        "Debate transcript | Example News\n\n"
        'OBAMA: We created 3 million jobs in 2011. Brown & Co said "it\'s" ' + EVIL + ".\n\n"
        "ROMNEY: That is not true, according to the Labor Department."
    )
    doc = Document(
        text,
        Meta(
            title="First debate",
            speakers=["Obama", "Romney"],
            date="2012-10-03",
            source="speeches/debate.txt",
            language="en",
            header=[Segment(0, 32)],
        ),
    )
    p1, p2 = text.index("OBAMA"), text.index("ROMNEY")
    doc.paragraphs = [Segment(p1, p2 - 2), Segment(p2, len(text))]
    t1, t2 = p1 + len("OBAMA: "), p2 + len("ROMNEY: ")
    s1_end = text.index("2011.") + 5
    doc.sentences = [Segment(t1, s1_end), Segment(s1_end + 1, p2 - 2), Segment(t2, len(text))]
    doc.turns = [Turn(t1, p2 - 2, "Obama"), Turn(t2, len(text), "Romney")]
    q, d, b = text.index("3 million"), text.index("2011"), text.index("Brown")
    claims = [Span(t1, s1_end, "claim", 0.91, {"type": "numeric"}), Span(t2, len(text), "claim", 0.4)]
    doc.add_spans("claim", claims)
    doc.add_spans("quantity", [Span(q, q + 9, "count", 0.8, {"unit": "jobs", "approx": False})])
    doc.add_spans("time", [Span(d, d + 4, "DATE", None, {"value": "2011"})])
    doc.add_spans("entity", [Span(b, b + 8, "ORG"), Span(b, b + 5, "PERSON")])  # overlap within a layer
    lab = text.index("the Labor")
    doc.add_spans(
        "citation",
        [Span(lab - len("according to "), len(text) - 1, "source", 0.7, {"evidence": "according to"})],
    )
    doc.add_spans("attribution", [])  # an analyser ran and found nothing
    doc.add_spans("x-custom", [Span(b, text.index(EVIL) + len(EVIL), "odd|label")])
    return doc


class Pieces(HTMLParser):
    """Collects the text of highlight pieces by span id, sentence ids and turn badges."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[dict[str, str | None]] = []
        self.by_span: dict[int, str] = {}
        self.sentences: set[int] = set()
        self.badges: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "span":
            self.stack.append(a)
            if a.get("data-sentence") is not None:
                self.sentences.add(int(a["data-sentence"] or -1))
            if "turn-start" in (a.get("class") or ""):
                self.badges.append(a.get("data-speaker") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1].get("data-spans"):
            for i in (self.stack[-1]["data-spans"] or "").split():
                self.by_span[int(i)] = self.by_span.get(int(i), "") + data


def data_block(out: str) -> dict:
    m = re.search(r'<script type="application/json" id="podium-data">(.*?)</script>', out, re.S)
    assert m
    return json.loads(m.group(1))


def test_untrusted_text_is_escaped_everywhere() -> None:
    doc = make_doc()
    doc.meta.title = 'Title <b>bold</b> & "quoted"'
    doc.meta.speakers = ['Ob"ama <i>']
    doc.turns[0] = Turn(doc.turns[0].start, doc.turns[0].end, 'Ob"ama <i>')
    out = html.render(doc)
    assert EVIL not in out and "alert(1)</script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert out.count("<script") == 2 and out.count("</script>") == 2  # the data block and our own script
    assert "<b>bold</b>" not in out and "&lt;b&gt;bold&lt;/b&gt; &amp; &#34;quoted&#34;" in out
    assert "<i>" not in out and 'data-speaker="Ob&#34;ama &lt;i&gt;"' in out
    raw = re.search(r'id="podium-data">(.*?)</script>', out, re.S)
    assert raw and not re.search(r"[<>&\u2028\u2029]", raw.group(1))
    data = data_block(out)
    assert [s["text"] for s in data["spans"]] == [doc.text[s["start"] : s["end"]] for s in data["spans"]]
    assert any(EVIL in s["text"] for s in data["spans"])


def test_json_block_survives_line_separators_and_script_breakouts() -> None:
    payload = {"t": "</script><script>alert(1)</script><!-- \u2028\u2029 & >"}
    block = str(html.safe_json(payload))
    assert "<" not in block and ">" not in block and "&" not in block and "\u2028" not in block
    assert json.loads(block) == payload


def test_overlapping_spans_render_as_pieces_with_all_ids() -> None:
    doc = make_doc()
    out = html.render(doc)
    data = data_block(out)
    parser = Pieces()
    parser.feed(out)
    for i, span in enumerate(data["spans"]):  # every span's pieces put together give back its text
        assert parser.by_span[i] == span["text"], span
    ids = {(s["layer"], s["label"]): i for i, s in enumerate(data["spans"])}
    brown_ids = sorted(ids[k] for k in [("entity", "ORG"), ("entity", "PERSON"), ("x-custom", "odd|label")])
    brown = " ".join(map(str, brown_ids))
    assert f'class="hl hl-entity hl-x-custom" data-spans="{brown}"' in out
    assert re.search(r'class="hl hl-claim hl-quantity" data-spans="\d+ \d+" tabindex="0"', out)
    assert parser.sentences == {0, 1, 2}
    assert parser.badges == ["Obama", "Romney"]
    assert 'class="para turn" data-paragraph="0" data-speaker="Obama"' in out


def test_each_layer_has_a_toggle_a_colour_and_a_summary() -> None:
    doc = make_doc()
    out = html.render(doc)
    for layer in doc.spans:
        slug = layer  # all names here are already valid class names
        assert re.search(rf'<input type="checkbox" data-layer="{slug}"', out)
        assert f".hl-{slug}{{--c-{slug}:" in out
        assert f"#text.off-{slug} .hl-{slug}{{--c-{slug}:initial}}" in out
    assert f".hl-entity{{--c-entity:{html.PALETTE['entity']}}}" in out
    assert re.search(r"\.hl-x-custom\{--c-x-custom:hsl\(\d+ 75% 82%\)\}", out)
    assert 'data-layer="attribution" disabled' in out and "no spans" in out
    for layer in ("claim", "quantity", "time", "entity", "citation", "x-custom"):
        assert f'<table data-layer="{layer}">' in out
    assert "<td>odd|label</td>" in out and "0.91" in out and "0.66" in out  # claim mean of .91 and .4


def test_meta_and_header_lines_are_shown() -> None:
    out = html.render(make_doc())
    for value in ("First debate", "Obama, Romney", "2012-10-03", "speeches/debate.txt", '<html lang="en">'):
        assert value in out
    assert re.search(r"<dt>Words</dt><dd>\d+</dd>", out) and "<dt>Sentences</dt><dd>3</dd>" in out
    kept = re.search(r'<div class="kept-out">(.*?)</div>', out, re.S)
    assert kept and "Debate transcript | Example News" in kept.group(1)
    assert '<span class="hdr">Debate transcript | Example News</span>' in out


def test_no_external_urls() -> None:
    out = html.render(make_doc())
    for needle in ("http:", "https:", "src=", "href=", "url(", "@import", "<link", "<img", "<iframe"):
        assert needle not in out, needle
    doc = Document('See https://example.org/a?b=1&c=2 and <img src="http://evil.test/x.png">.')
    doc.meta.source = "https://example.org/speech"
    doc.add_spans("citation", [Span(4, 33, "url")])
    out = html.render(doc)
    assert not re.search(r"\b(?:src|href|action|srcset|poster|data)\s*=\s*[\"']?\s*(?:https?:)?//", out, re.I)
    assert "url(" not in out and "@import" not in out
    assert "&lt;img src=&#34;http://evil.test/x.png&#34;&gt;" in out


def test_content_security_policy_admits_only_the_inline_script_and_style() -> None:
    out = html.render(make_doc())
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', out)
    assert csp
    policy = unescape(csp.group(1))
    assert "default-src 'none'" in policy
    for tag, directive in (("script", "script-src"), ("style", "style-src")):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", out, re.S)
        assert body
        digest = base64.b64encode(hashlib.sha256(body.group(1).encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in policy
    markup = re.sub(r"<(script|style)>.*?</\1>", "", out, flags=re.S)
    assert not re.search(r"<[^>]*\s(?:style|on[a-z]+)\s*=", markup, re.I)  # both blocked by this CSP


def test_documents_without_spans_or_text_still_render() -> None:
    plain = Document("Just words.\n\nMore words.")
    out = render(plain, "html")
    assert "No spans in this document." in out and data_block(out)["spans"] == []
    assert "Just words.\n\nMore words." in out  # no paragraphs: the text as is, line breaks kept
    assert data_block(render(Document(""), "html")) == {"layers": {}, "spans": [], "explanations": {}}


def test_layer_names_become_safe_distinct_class_names() -> None:
    doc = Document("abc def")
    doc.add_spans("My Layer!", [Span(0, 3, "a")])
    doc.add_spans("my-layer", [Span(4, 7, "b")])
    doc.add_spans('x"><script>', [Span(0, 7, "c")])
    out = html.render(doc)
    layers = data_block(out)["layers"]
    assert len(set(layers.values())) == 3 and all(re.fullmatch(r"[a-z0-9_-]+", s) for s in layers.values())
    assert out.count("<script") == 2 and "&lt;script&gt;" in out


def test_low_confidence_technique_spans_are_drawn_pale() -> None:
    doc = make_doc()
    text = doc.text
    weak, strong = text.index("not true"), text.index("million")
    doc.add_spans(
        "technique",
        [
            Span(weak, weak + 8, "Doubt", 0.08),
            Span(strong, strong + 7, "Exaggeration,Minimisation", 0.45),
            Span(strong, strong + 7, "Loaded_Language", 0.05),  # a weak second label on a sure span
        ],
    )
    page = render(doc, "html")
    data = html.json_out.to_dict(doc)
    slugs = html._slugs(html.layer_names(data["spans"], doc.spans))
    pieces = [p for b in html.layout(data, slugs) for r in b.runs for p in r.pieces]
    classes = {p.text: p.classes.split() for p in pieces if "hl-technique" in p.classes}
    assert "pale-technique" in classes["not true"]
    assert "pale-technique" not in classes["million"]
    assert ".hl-technique.pale-technique{--c-technique:#ffcfcf}" in page
    assert 'title="pale: score below 0.15"' in page
    # other layers are never pale, whatever their scores
    assert not any("pale-claim" in c for c in classes.values())
