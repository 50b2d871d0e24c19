"""Pair features of (claim of a speech, retrieved fact-check) for the matching re-ranker.

One row per pair, columns named in :data:`FEATURES`:

- retrieval: cosine of the query's vector with the fact-check's (and of the query with its previous line),
  as rank and gap to the best in the query's list and as a z-score over the whole archive; BM25 score
  (over claim, title and article start), its share of the query's best, rank and z-score, and the share
  of the best for the query with its previous line;
- words: idf-weighted share of the query's content words found in the claim, the title and the whole
  indexed text (looked up in the BM25 postings: the article is never tokenised at match time), the
  share of the claim's words found in the query, the share of the neighbouring lines' words found;
- quantities: numbers of the query (``$4,300``, ``23 million``, ``3.5%``, "four") found in the
  claim/title or anywhere in the indexed text, and a conflict flag when the claim states numbers and
  shares none with the query;
- negation: whether query and claim disagree on being negated;
- actors: capitalised names of the query found in the fact-check (and the claim's names in the query),
  whether the speech's speaker is the fact-check's claimant (by surname) or named in its claim/title;
- dates: days between the speech and the fact-check (claim date, else review date), same-day,
  within-a-month and published-after flags, and speaker-and-same-day together.

Missing information (no speaker, no date, no article) gives 0 with a ``has_*`` flag, never an error.
Per-text work (:class:`QueryInfo`, :class:`CandidateInfo`) is done once and reused for every pair.
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from podium.factchecks.candidates import Candidate
from podium.factchecks.index import Retrieved
from podium.factchecks.lexical import Bm25, stem, tokens
from podium.resources.matching_words import NEGATIONS, STOP_WORDS

FEATURES: tuple[str, ...] = (
    "cos",
    "cos_gap",
    "cos_rank",
    "cos_z",
    "cos_ctx",
    "cos_ctx_gap",
    "bm25",
    "bm25_share",
    "bm25_rank",
    "bm25_z",
    "bm25_ctx_share",
    "q_in_claim",
    "claim_in_q",
    "q_in_title",
    "q_in_article",
    "ctx_in_fc",
    "has_article",
    "q_terms",
    "claim_terms",
    "q_numbers",
    "num_in_claim",
    "num_in_article",
    "num_conflict",
    "neg_mismatch",
    "q_names",
    "names_in_fc",
    "fc_names_in_q",
    "has_speaker",
    "speaker_is_claimant",
    "speaker_named",
    "has_date",
    "days_log",
    "same_day",
    "within_month",
    "fc_after",
    "speaker_same_day",
)

#: Directions the re-ranker is held to (trees trained with these monotonic constraints): agreement on
#: numbers, names, speaker and wording can only raise the probability, a conflict only lower it.
MONOTONE: dict[str, int] = {
    "cos": 1,
    "cos_ctx": 1,
    "q_in_claim": 1,
    "q_in_title": 1,
    "num_in_claim": 1,
    "num_in_article": 1,
    "num_conflict": -1,
    "neg_mismatch": -1,
    "names_in_fc": 1,
    "speaker_is_claimant": 1,
}

_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "fifteen": "15",
    "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "half": "50",
    "dozen": "12", "thousand": "1000", "million": "1000000", "billion": "1000000000",
    "trillion": "1000000000000",
}  # fmt: skip
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_NAME = re.compile(r"(?<![\w'’])[A-Z][a-zA-Z'’.-]*[a-zA-Z]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“(]\s*)$")
_NOT_NAMES = STOP_WORDS | NEGATIONS | {"mr", "mrs", "ms", "dr", "president", "senator", "governor"}


def content_terms(text: str) -> list[str]:
    """Stemmed content words (no stop words, no negations, no numbers)."""
    return [
        stem(t) for t in tokens(text) if t not in STOP_WORDS and t not in NEGATIONS and not t[0].isdigit()
    ]


def numbers(text: str) -> set[str]:
    """The numbers a text states, normalised: digits as written (``4,300`` → ``4300``), number words
    as digits, and ``23 million`` also as its value (``23000000``)."""
    found: set[str] = set()
    words = tokens(text)
    for i, word in enumerate(words):
        if word[0].isdigit():
            found.add(word)
            scale = _SCALES.get(words[i + 1]) if i + 1 < len(words) else None
            if scale:
                with contextlib.suppress(ValueError):
                    found.add(_plain(float(word) * scale))
        elif word in _NUMBER_WORDS and word not in _SCALES and word != "half":
            found.add(_NUMBER_WORDS[word])
    return found


def _plain(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def negated(text: str) -> bool:
    """Whether the text holds a negation word ("not", "never", "didn't" …)."""
    return any(w in NEGATIONS for w in tokens(text))


def names(text: str) -> set[str]:
    """Lower-cased capitalised words that do not start a sentence (Obama, Israel, Medicare)."""
    out = set()
    for match in _NAME.finditer(text):
        if _SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()]):
            continue
        word = match.group().lower().replace("’", "'").removesuffix("'s").strip(".-'")
        if len(word) > 1 and word not in _NOT_NAMES:
            out.add(word)
    return out


def surnames(person: str | None) -> set[str]:
    """Name words of a speaker or claimant (3+ letters, lower-cased): "Donald Trump" → {donald, trump}."""
    if not person:
        return set()
    return {w for w in re.findall(r"[^\W\d_]{3,}", person.lower()) if w not in _NOT_NAMES}


def day_number(value: str | None) -> int | None:
    """Days since year 1 of an ISO date (``YYYY-MM-DD``; a month or year prefix counts as its first day)."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 1
        d = int(parts[2]) if len(parts) > 2 else 1
        return date(y, m, d).toordinal()
    except (ValueError, IndexError):
        return None


@dataclass(frozen=True)
class QueryInfo:
    terms: tuple[str, ...]  # distinct content terms
    idf: np.ndarray  # idf of each term
    context_terms: tuple[str, ...]  # distinct content terms of the neighbouring lines, not in terms
    context_idf: np.ndarray
    numbers: frozenset[str]
    number_terms: tuple[str, ...]  # the numbers as index terms (digits as written)
    negated: bool
    names: frozenset[str]
    name_terms: tuple[str, ...]  # the names as index terms (stemmed)
    speaker: frozenset[str]
    day: int | None


@dataclass(frozen=True)
class CandidateInfo:
    """What the features read of a fact-check's own fields (its article is read through the BM25
    index's postings, never tokenised at match time)."""

    claim_terms: frozenset[str]
    title_terms: frozenset[str]
    claim_numbers: frozenset[str]  # numbers in the claim and the title
    negated: bool
    claim_names: frozenset[str]
    claimant: frozenset[str]
    headline: frozenset[str]  # all words of claim and title, lower-cased (speaker named?)
    day: int | None
    has_article: bool


def query_info(
    text: str,
    before: Sequence[str],
    after: Sequence[str],
    speaker: str | None,
    day: str | None,
    lexical: Bm25,
) -> QueryInfo:
    terms = tuple(dict.fromkeys(content_terms(text)))
    around = content_terms(" ".join([*before[-2:], *after[:1]]))
    context = tuple(t for t in dict.fromkeys(around) if t not in terms)
    found_names = names(text)
    return QueryInfo(
        terms=terms,
        idf=lexical.idf(terms),
        context_terms=context,
        context_idf=lexical.idf(context),
        numbers=frozenset(numbers(text)),
        number_terms=tuple(dict.fromkeys(t for t in tokens(text) if t[0].isdigit())),
        negated=negated(text),
        names=frozenset(found_names),
        name_terms=tuple(dict.fromkeys(stem(n) for n in sorted(found_names))),
        speaker=frozenset(surnames(speaker)),
        day=day_number(day),
    )


def candidate_info(c: Candidate) -> CandidateInfo:
    headline = f"{c.claim_reviewed}\n{c.title or ''}"
    return CandidateInfo(
        claim_terms=frozenset(content_terms(c.claim_reviewed)),
        title_terms=frozenset(content_terms(c.title or "")),
        claim_numbers=frozenset(numbers(headline)),
        negated=negated(c.claim_reviewed),
        claim_names=frozenset(names(c.claim_reviewed) | names(c.title or "")),
        claimant=frozenset(surnames(c.claimant)),
        headline=frozenset(re.findall(r"[^\W\d_]{3,}", headline.lower())),
        day=day_number(c.claim_date or c.date),
        has_article=bool(c.text and c.text.strip()),
    )


def _share(terms: Sequence[str], idf: np.ndarray, found: frozenset[str]) -> float:
    """idf-weighted share of ``terms`` that are in ``found``."""
    if not terms:
        return 0.0
    hit = np.fromiter((t in found for t in terms), dtype=bool, count=len(terms))
    total = float(idf.sum())
    return float(idf[hit].sum()) / total if total > 0 else 0.0


def _weighted(present: np.ndarray, idf: np.ndarray) -> np.ndarray:
    """Per column of ``present`` (terms × candidates), the idf-weighted share of terms present."""
    total = float(idf.sum())
    if present.shape[0] == 0 or total <= 0:
        return np.zeros(present.shape[1])
    return (idf.astype(np.float64) @ present) / total


def pair_rows(
    q: QueryInfo,
    retrieved: Retrieved,
    cands: Sequence[CandidateInfo | None],
    lexical: Bm25,
) -> np.ndarray:
    """``(len(retrieved.rows), len(FEATURES))`` float32 features, one row per retrieved candidate
    (``cands[i]`` is the info of ``retrieved.rows[i]``; None when the fetch did not find it). What
    the lexical index read of each fact-check (claim, title, article start) is looked up in ``lexical``."""
    m = len(retrieved.rows)
    out = np.zeros((m, len(FEATURES)), dtype=np.float32)
    if m == 0:
        return out
    cos = retrieved.cosine.astype(np.float64)
    bm = retrieved.bm25.astype(np.float64)
    col = {name: i for i, name in enumerate(FEATURES)}
    out[:, col["cos"]] = cos
    out[:, col["cos_gap"]] = cos - cos.max()
    out[:, col["cos_rank"]] = np.log1p(_ranks(cos))
    out[:, col["cos_z"]] = (cos - retrieved.cos_mean) / retrieved.cos_std
    ctx = cos if retrieved.context_cosine is None else retrieved.context_cosine.astype(np.float64)
    out[:, col["cos_ctx"]] = ctx
    out[:, col["cos_ctx_gap"]] = ctx - ctx.max()
    out[:, col["bm25"]] = bm
    out[:, col["bm25_share"]] = bm / bm.max() if bm.max() > 0 else 0.0
    out[:, col["bm25_rank"]] = np.log1p(_ranks(bm))
    out[:, col["bm25_z"]] = (bm - retrieved.bm25_mean) / retrieved.bm25_std
    bm_ctx = bm if retrieved.context_bm25 is None else retrieved.context_bm25.astype(np.float64)
    out[:, col["bm25_ctx_share"]] = bm_ctx / bm_ctx.max() if bm_ctx.max() > 0 else 0.0
    out[:, col["q_terms"]] = math.log1p(len(q.terms))
    out[:, col["q_numbers"]] = min(len(q.numbers), 5)
    out[:, col["q_names"]] = min(len(q.names), 5)
    out[:, col["has_speaker"]] = bool(q.speaker)
    lookup = [*q.terms, *q.context_terms, *q.number_terms, *q.name_terms]
    present = lexical.presence(lookup, retrieved.rows)
    n_terms, n_context = len(q.terms), len(q.context_terms)
    names_at = len(lookup) - len(q.name_terms)
    out[:, col["q_in_article"]] = _weighted(present[:n_terms], q.idf)
    out[:, col["ctx_in_fc"]] = _weighted(present[n_terms : n_terms + n_context], q.context_idf)
    numbers_found = present[n_terms + n_context : names_at]
    if q.name_terms:
        out[:, col["names_in_fc"]] = present[names_at:].mean(axis=0)
    for i, c in enumerate(cands):
        if c is None:
            continue
        row = out[i]
        row[col["q_in_claim"]] = _share(q.terms, q.idf, c.claim_terms)
        row[col["claim_in_q"]] = (
            len(c.claim_terms & set(q.terms)) / len(c.claim_terms) if c.claim_terms else 0
        )
        row[col["q_in_title"]] = _share(q.terms, q.idf, c.title_terms)
        row[col["has_article"]] = c.has_article
        row[col["claim_terms"]] = math.log1p(len(c.claim_terms))
        if q.numbers:
            row[col["num_in_claim"]] = len(q.numbers & c.claim_numbers) / len(q.numbers)
            if q.number_terms:
                in_claim = np.fromiter((t in c.claim_numbers for t in q.number_terms), bool)
                row[col["num_in_article"]] = float(np.mean(in_claim | numbers_found[:, i]))
            row[col["num_conflict"]] = bool(c.claim_numbers) and not (q.numbers & c.claim_numbers)
        row[col["neg_mismatch"]] = q.negated != c.negated
        if c.claim_names:
            row[col["fc_names_in_q"]] = len(c.claim_names & q.names) / len(c.claim_names)
        if q.speaker:
            row[col["speaker_is_claimant"]] = bool(q.speaker & c.claimant)
            row[col["speaker_named"]] = bool(q.speaker & c.headline)
        if q.day is not None and c.day is not None:
            days = c.day - q.day
            row[col["has_date"]] = 1.0
            row[col["days_log"]] = math.log1p(abs(days))
            row[col["same_day"]] = abs(days) <= 1
            row[col["within_month"]] = abs(days) <= 31
            row[col["speaker_same_day"]] = abs(days) <= 1 and bool(q.speaker & c.claimant)
            row[col["fc_after"]] = days >= 0
    return out


def _ranks(scores: np.ndarray) -> np.ndarray:
    """0-based rank of each score, best (highest) first."""
    order = np.argsort(-scores, kind="stable")
    ranks = np.empty(len(scores), dtype=np.float64)
    ranks[order] = np.arange(len(scores))
    return ranks
