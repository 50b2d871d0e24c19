"""The report's speaker and "we" lines, from ``meta.speakers`` and the records ``podium.actors.side`` keeps.

"Ali Khamenei (from the title)", "TRUMP: Donald Trump, HOLT: Lester Holt (from the transcript labels)";
"Iran (from the speaker's role: Supreme Leader of Iran; also in the text: “our IRGC”, “our Majlis”)",
"unknown: neither the speaker's role nor their words say". Plain strings: the template escapes them.
It does not find speakers or sides.
"""

from __future__ import annotations

from typing import Any

#: How a speaker was found, as the report says it.
FOUND = {
    "given": "as given",
    "front matter": "from the front matter",
    "html meta": "from the page's author",
    "document properties": "from the document's properties",
    "subtitles": "from the subtitle voices",
    "transcript labels": "from the transcript labels",
    "title": "from the title",
    "byline": "from the byline",
    "dateline": "from the dateline",
}
#: At most this many speakers and "our ..." phrases are spelled out.
MAX_SPEAKERS = 8
MAX_QUOTES = 3


def speaker_line(meta: dict[str, Any]) -> str:
    """Who speaks and how the document says so; "—" when nobody is named."""
    speakers = list(meta.get("speakers") or [])
    if not speakers:
        return "— (the document names no speaker)"
    records = {
        r.get("name"): r for r in meta.get("extras", {}).get("speakers_found") or [] if isinstance(r, dict)
    }
    parts = []
    for name in speakers[:MAX_SPEAKERS]:
        record = records.get(name) or {}
        full = record.get("actor_name") or name
        label = record.get("label")
        parts.append(f"{label}: {full}" if label and label != full else full)
    more = f" and {len(speakers) - MAX_SPEAKERS} more" if len(speakers) > MAX_SPEAKERS else ""
    hows = {(records.get(n) or {}).get("how") for n in speakers}
    how = FOUND.get(hows.pop(), "") if len(hows) == 1 else ""
    return ", ".join(parts) + more + (f" ({how})" if how else "")


def side_line(meta: dict[str, Any], text: str) -> str:
    """Whose side "we" is, with what says so; "unknown" said as such."""
    sides = [s for s in meta.get("extras", {}).get("sides") or [] if isinstance(s, dict)]
    if not sides:
        return "—"
    known = [s for s in sides if s.get("actor") or s.get("how") == "given"]
    if not known:
        return "unknown: neither the speaker's role nor their words say whose side “we” is"
    lines = [_one(s, text, len(sides) > 1) for s in known[:MAX_SPEAKERS]]
    rest = len(sides) - len(known[:MAX_SPEAKERS])
    return "; ".join(lines) + (f"; {rest} other speaker{'s' if rest > 1 else ''} unknown" if rest else "")


def _one(side: dict[str, Any], text: str, named: bool) -> str:
    who = f"{side.get('speaker')}: " if named and side.get("speaker") else ""
    name = side.get("name") or side.get("actor") or "?"
    quotes = _quotes(side, text)
    how = side.get("how")
    if how == "given":
        why = "as given with --side"
    elif how == "speaker":
        role = side.get("role")
        why = f"from the speaker's role: {role}" if role else "from who the speaker is"
    else:
        why = "from the speaker's words"
    if quotes:
        why += ("; also in the text: " if how != "text" else ": ") + quotes
    return f"{who}{name} ({why})"


def _quotes(side: dict[str, Any], text: str) -> str:
    spans = [e for e in side.get("evidence") or [] if isinstance(e, list) and len(e) == 2]
    said = []
    for start, end in spans:
        phrase = " ".join(text[start:end].split())
        if phrase.lower().startswith(("our ", "we ", "us ", "my ")) and phrase not in said:
            said.append(phrase)
    shown = ", ".join(f"“{p}”" for p in said[:MAX_QUOTES])
    return shown + (f" and {len(said) - MAX_QUOTES} more" if len(said) > MAX_QUOTES else "")
