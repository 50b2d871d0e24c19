"""What the reports show of ``claims[].matches`` (fact-checks found for a claim): rows, labels, safe links.

Built on ``json_out.to_dict`` data; the HTML report, the Markdown summary and the CSV read it from here so
that they agree. A fact-check URL becomes a link only when it is an absolute http(s) URL (anything else —
``javascript:``, ``data:``, a relative path — is shown as text); escaping is the writer's job.
"""

from __future__ import annotations

from typing import Any

from podium.factchecks.export import http_url

#: The verdict classes as the reports name them.
LABELS = {
    "false": "False",
    "mostly_false": "Mostly false",
    "mixed": "Mixed",
    "mostly_true": "Mostly true",
    "true": "True",
    "other": "Other",
}
EXTRA = "factchecks"  # meta.extras key set when the claims were matched (podium.corpus.checked_before)


def searched(data: dict[str, Any]) -> dict[str, Any] | None:
    """``{"searched": N, "threshold": P}`` when the claims were matched against an archive, else None."""
    info = data["meta"].get("extras", {}).get(EXTRA)
    if isinstance(info, dict):
        return info
    return {} if any("matches" in c for c in data["claims"]) else None


def label(rating: object) -> str:
    return LABELS.get(rating, "Other") if isinstance(rating, str) else "Other"


def slug(rating: object) -> str:
    """A class-name-safe verdict (one of LABELS' keys)."""
    return rating if isinstance(rating, str) and rating in LABELS else "other"


def view(match: dict[str, Any]) -> dict[str, Any]:
    """One match with what a report needs besides it: its label, a class slug and a safe link."""
    return {
        **match,
        "label": label(match.get("rating")),
        "slug": slug(match.get("rating")),
        "href": http_url(match.get("url")),
        "score_pct": round(100 * float(match.get("score") or 0.0)),
    }


def checked_claims(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The claims that have matches, by rank: id, rank, sentence index, text, speaker and the matches."""
    text = data["text"]
    rows = []
    for claim in sorted(data["claims"], key=lambda c: c["rank"]):
        matches = claim.get("matches") or []
        if matches:
            rows.append(
                {
                    "id": claim["id"],
                    "rank": claim["rank"],
                    "sentence": claim["sentence"],
                    "speaker": claim.get("speaker"),
                    "text": " ".join(text[claim["start"] : claim["end"]].split()),
                    "matches": [view(m) for m in matches],
                }
            )
    return rows


def best(claim: dict[str, Any]) -> dict[str, Any] | None:
    """The best match of a claim, as ``view`` gives it, or None."""
    matches = claim.get("matches") or []
    return view(matches[0]) if matches else None


def summary(match: dict[str, Any]) -> str:
    """A one-line description of a match: verdict (original), publisher, date."""
    verdict = match["label"]
    original = match.get("rating_original")
    if original and original.strip().lower() != verdict.lower():
        verdict += f" ({original})"
    parts = [verdict, match.get("publisher") or "unknown publisher"]
    if match.get("date"):
        parts.append(str(match["date"]))
    elif match.get("claim_date"):
        parts.append(f"claim of {match['claim_date']}")
    return " · ".join(parts)
