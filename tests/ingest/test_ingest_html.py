"""HTML reader: main text without boilerplate, paragraphs, metadata, encodings, and E007."""

from __future__ import annotations

import pytest

from podium.errors import PodiumError
from podium.ingest import html

PARAGRAPHS = [
    "Neighbours, thank you for braving the rain to join us at the old mill this evening.",
    "Six years ago the canal towpath was closed, and the reading room opened only on Saturdays.",
    "Today the towpath is lit from end to end, and the reading room opens five days a week.",
    "None of that happened by itself: volunteers cleared two miles of brambles last spring.",
    "This winter we will ask the county to restore the evening bus to the health centre.",
    "Let us finish what we started, lane by lane and house by house.",
]

BOILERPLATE = [
    "Home",
    "Newsroom",
    "Council meetings",
    "Contact us",
    "Speeches",
    "Share on Twitter",
    "Share on Facebook",
    "Email this page",
    "Copyright 2024 Millbrook Parish Council",
    "Privacy policy",
    "Cookie settings",
]


def make_page(paragraphs: list[str], charset: str = "utf-8", extra_head: str = "") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="{charset}">
<title>Remarks at the Old Mill | Millbrook Parish Council</title>
<meta name="author" content="Alex Placeholder">
<meta property="article:published_time" content="2024-02-20T19:00:00+00:00">
{extra_head}
</head>
<body>
<header>
  <div class="logo"><a href="/">Millbrook Parish Council</a></div>
  <nav class="main-menu"><ul>
    <li><a href="/">Home</a></li><li><a href="/news">Newsroom</a></li>
    <li><a href="/meetings">Council meetings</a></li><li><a href="/contact">Contact us</a></li>
  </ul></nav>
</header>
<nav class="breadcrumb" aria-label="Breadcrumb"><ol>
  <li><a href="/">Home</a></li><li><a href="/news">Newsroom</a></li><li>Speeches</li>
</ol></nav>
<main>
<article>
  <h1>Remarks at the Old Mill</h1>
  {body}
  <div class="share-links">
    <a href="https://twitter.com/intent/tweet">Share on Twitter</a>
    <a href="https://www.facebook.com/sharer">Share on Facebook</a>
    <a href="mailto:?subject=Remarks">Email this page</a>
  </div>
</article>
</main>
<footer>
  <p>Copyright 2024 Millbrook Parish Council</p>
  <ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/cookies">Cookie settings</a></li></ul>
</footer>
</body>
</html>
"""


def test_main_text_without_boilerplate_and_meta() -> None:
    doc = html.read(make_page(PARAGRAPHS).encode(), "mill.html")
    blocks = doc.text.split("\n\n")
    for paragraph in PARAGRAPHS:
        assert paragraph in blocks
    for junk in BOILERPLATE:
        assert junk not in blocks, junk
    assert "Share on" not in doc.text and "Copyright" not in doc.text and "Cookie" not in doc.text
    assert "Council meetings" not in doc.text
    # paragraphs stay in order, one blank line apart, no hard wrapping added
    positions = [doc.text.index(p) for p in PARAGRAPHS]
    assert positions == sorted(positions)
    assert "\n\n".join(PARAGRAPHS) in doc.text
    assert doc.meta.title == "Remarks at the Old Mill"
    assert doc.meta.speakers == ["Alex Placeholder"]
    assert doc.meta.date == "2024-02-20"
    assert doc.meta.source == "mill.html"


def test_heading_is_its_own_paragraph_and_recorded() -> None:
    doc = html.read(make_page(PARAGRAPHS).encode(), "mill.html")
    headings = doc.meta.extras["headings"]
    assert [doc.text[h["start"] : h["end"]] for h in headings] == ["Remarks at the Old Mill"]
    assert doc.text.startswith("Remarks at the Old Mill\n\n" + PARAGRAPHS[0])


def test_short_speech_page_is_kept_without_boilerplate() -> None:
    # about 150 words: short pages must not be dropped nor padded with the page's link text
    short = [
        "Thank you all for coming. Tonight I want to say three simple things about our town.",
        "First, the new footbridge opens in March, a month earlier than we promised last year.",
        "Second, the clinic on Station Road will keep its Saturday hours, because you asked for them.",
        "Third, we will publish every contract above ten thousand pounds, so that anyone can check "
        "how the money is spent and who receives it.",
        "Some of you told me the bridge was a vanity project. I listened, and we changed the plans: "
        "wider lanes for bicycles, lower railings for children, and benches at both ends.",
        "Others asked why the clinic mattered so much. It matters because the nearest hospital is "
        "forty minutes away by bus, and the bus does not run on Sundays.",
        "None of this is finished. But it is started, and I am proud of the people who started it. "
        "Thank you, and good night.",
    ]
    doc = html.read(make_page(short).encode(), "short.html")
    assert 130 < doc.word_count() < 200
    for paragraph in short:
        assert paragraph in doc.text
    for junk in BOILERPLATE:
        assert junk not in doc.text


def test_very_short_statement_is_kept() -> None:
    doc = html.read(make_page(["We welcome today's ruling and will study it carefully."]).encode(), "s.html")
    assert "We welcome today's ruling and will study it carefully." in doc.text
    assert "Share on" not in doc.text


def test_inline_markup_line_breaks_quotes_and_lists() -> None:
    paragraphs = [
        *PARAGRAPHS[:3],
        "We said <em>never again</em>, and <a href='/pledge'>we meant it</a>.<br>Every word of it.",
    ]
    extra = (
        "<blockquote><p>A quoted first paragraph.</p><p>A quoted second paragraph.</p></blockquote>"
        "<ul><li>Repair the weir</li><li>Reopen the ferry</li></ul>"
    )
    page = make_page(paragraphs).replace('<div class="share-links">', extra + '<div class="share-links">')
    doc = html.read(page.encode(), "m.html")
    blocks = doc.text.split("\n\n")
    assert "We said never again, and we meant it.\nEvery word of it." in blocks
    assert "A quoted first paragraph." in blocks and "A quoted second paragraph." in blocks
    assert "Repair the weir" in blocks and "Reopen the ferry" in blocks


def test_navigation_only_page_is_e007() -> None:
    page = make_page([]).replace("<h1>Remarks at the Old Mill</h1>", "")
    with pytest.raises(PodiumError) as info:
        html.read(page.encode(), "nav.html")
    assert info.value.code == "E007"
    assert info.value.fields["path"] == "nav.html"


@pytest.mark.parametrize(
    "page",
    [
        b"",
        b"<html><body></body></html>",
        b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
        b"<html><body><script>var x = 1;</script></body></html>",
    ],
)
def test_empty_pages_are_e007(page: bytes) -> None:
    with pytest.raises(PodiumError) as info:
        html.read(page, "empty.html")
    assert info.value.code == "E007"


def test_declared_legacy_charset() -> None:
    paragraphs = [*PARAGRAPHS[:2], "The caf\u00e9 \u2013 closed since May \u2013 reopens on Monday."]
    data = make_page(paragraphs, charset="windows-1252").encode("cp1252")
    doc = html.read(data, "legacy.html")
    assert "The caf\u00e9 \u2013 closed since May \u2013 reopens on Monday." in doc.text


def test_http_equiv_charset_and_undeclared_fallbacks() -> None:
    text = "Na\u00efve hopes \u2014 and the \u20ac20 million fund."
    page = make_page([*PARAGRAPHS[:2], text], charset="utf-8")
    declared = page.replace(
        '<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">'
    )
    text_15 = text.replace("\u2014", "-")
    assert text_15 in html.read(declared.replace(text, text_15).encode("iso-8859-15"), "a.html").text
    undeclared = page.replace('<meta charset="utf-8">', "")
    assert text in html.read(undeclared.encode("utf-8"), "b.html").text
    assert text in html.read(undeclared.encode("cp1252"), "c.html").text
    assert text in html.read(b"\xef\xbb\xbf" + undeclared.encode("utf-8"), "d.html").text
    assert text in html.read(undeclared.encode("utf-16"), "e.html").text


def test_xhtml_with_xml_declaration() -> None:
    # iso-8859-15 puts the euro sign at 0xA4, where cp1252 (the fallback) has a currency sign
    text = "Gr\u00fc\u00dfe aus K\u00f6ln: the fare stays at 2 \u20ac."
    page = make_page([*PARAGRAPHS[:2], text]).replace('<meta charset="utf-8">', "")
    declaration = b'<?xml version="1.0" encoding="iso-8859-15"?>\n'
    data = declaration + page.replace("<!DOCTYPE html>", "").encode("iso-8859-15")
    assert text in html.read(data, "x.xhtml").text


def test_wrong_declaration_falls_back() -> None:
    page = make_page([*PARAGRAPHS[:2], "Z\u00fcrich and \u00c5re agreed."], charset="no-such-charset")
    assert "Z\u00fcrich and \u00c5re agreed." in html.read(page.encode(), "w.html").text


def test_fragment_without_html_frame() -> None:
    doc = html.read(b"<p>Only one paragraph was saved from this statement.</p>", "frag.html")
    assert doc.text == "Only one paragraph was saved from this statement."


def test_page_without_metadata_has_none() -> None:
    page = (
        "<html><body><article>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "<p>Copyright 2019 Someone.</p></article></body></html>"
    )
    doc = html.read(page.encode(), "bare.html")
    assert doc.meta.title is None
    assert doc.meta.speakers == []
    assert doc.meta.date is None  # no date guessed from running text or copyright lines


def test_several_authors() -> None:
    page = make_page(PARAGRAPHS, extra_head='<meta name="author" content="Sam Second">')
    doc = html.read(page.encode(), "two.html")
    assert doc.meta.speakers == ["Alex Placeholder", "Sam Second"]
