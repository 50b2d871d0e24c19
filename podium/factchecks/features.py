"""Pair features of (claim of a speech, retrieved fact-check) for the matching re-ranker.

One row per pair, columns named in :data:`FEATURES`:

- retrieval: cosine of the query's vector with the fact-check's (and of the query with its previous line),
  as rank and gap to the best in the query's list, margin over the best other candidate (or over
  :data:`MARGIN_FLOOR`, whichever is higher), excess over
  :data:`HIGH_COSINE` (a near-paraphrase) and as a z-score over the whole archive; BM25 score
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
  within-a-month and published-after flags, and speaker-and-same-day together (:func:`set_dates`; the
  re-ranker is trained with speech dates moved and dropped, so they weigh as a mild cue).

Missing information (no speaker, no date, no article) gives 0 with a ``has_*`` flag, never an error.
Per-text work (:class:`QueryInfo`, :class:`CandidateInfo`) is done once and reused for every pair.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from podium.factchecks.candidates import Candidate
from podium.factchecks.fieldindex import FieldIndex, headline
from podium.factchecks.lexical import Bm25, terms, tokens
from podium.factchecks.textbits import (
    content_terms,
    day_number,
    name_terms,
    negated,
    numbers,
    person_terms,
)

if TYPE_CHECKING:
    from podium.factchecks.index import Retrieved

FEATURES: tuple[str, ...] = (
    "cos",
    "cos_gap",
    "cos_margin",
    "cos_high",
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
    "cos_margin": 1,
    "cos_high": 1,
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


#: Cosine above which a fact-check reads as a restatement: ``cos_high`` is the excess over it, so the
#: re-ranker can trust a near-paraphrase more than rank and gap features (equal for every best
#: candidate) allow.
HIGH_COSINE = 0.7
#: The margin is taken over the best other candidate's cosine or this, whichever is higher. In the
#: 19,250-check PolitiFact archive the best other candidate of a relevant check has a cosine of at least
#: 0.45 for 95% of the debate sentences (0.40 for the tweets); in a small archive (a desk's own few dozen
#: checks) every other candidate may be far, and a same-topic check would then look uniquely close.
MARGIN_FLOOR = 0.5


@dataclass(frozen=True)
class QueryInfo:
    terms: tuple[str, ...]  # distinct content terms
    idf: np.ndarray  # idf of each term
    context_terms: tuple[str, ...]  # distinct content terms of the neighbouring lines, not in terms
    context_idf: np.ndarray
    numbers: tuple[str, ...]  # normalised numbers (textbits.numbers)
    number_terms: tuple[str, ...]  # the numbers as written, as index terms
    negated: bool
    name_terms: tuple[str, ...]
    speaker: tuple[str, ...]  # name terms of the speaker
    day: int | None


def query_info(
    text: str,
    before: Sequence[str],
    after: Sequence[str],
    speaker: str | None,
    day: str | None,
    lexical: Bm25,
) -> QueryInfo:
    words = tuple(dict.fromkeys(content_terms(text)))
    around = content_terms(" ".join([*before[-2:], *after[:1]]))
    context = tuple(t for t in dict.fromkeys(around) if t not in words)
    return QueryInfo(
        terms=words,
        idf=lexical.idf(words),
        context_terms=context,
        context_idf=lexical.idf(context),
        numbers=tuple(sorted(numbers(text))),
        number_terms=tuple(dict.fromkeys(t for t in tokens(text) if t[0].isdigit())),
        negated=negated(text),
        name_terms=tuple(sorted(name_terms(text))),
        speaker=tuple(sorted(person_terms(speaker))),
        day=day_number(day),
    )


@dataclass(frozen=True)
class CandidateInfo:
    """A fact-check's fields digested for the features (when the index holds no :class:`FieldIndex`)."""

    claim_terms: frozenset[str]  # content terms of the claim
    claim_all: frozenset[str]  # every index term of the claim
    title_all: frozenset[str]
    claim_numbers: frozenset[str]  # numbers in the claim and the title
    negated: bool
    names: frozenset[str]  # name terms of claim and title
    claimant: frozenset[str]
    day: int
    has_article: bool


def candidate_info(c: Candidate) -> CandidateInfo:
    return CandidateInfo(
        claim_terms=frozenset(content_terms(c.claim_reviewed)),
        claim_all=frozenset(terms(c.claim_reviewed)),
        title_all=frozenset(terms(c.title or "")),
        claim_numbers=frozenset(numbers(headline(c.claim_reviewed, c.title))),
        negated=negated(c.claim_reviewed),
        names=frozenset(name_terms(c.claim_reviewed) | name_terms(c.title or "")),
        claimant=frozenset(person_terms(c.claimant)),
        day=day_number(c.claim_date or c.date) or 0,
        has_article=bool(c.text and c.text.strip()),
    )


@dataclass
class PerCandidate:
    """The query-against-fact-check values read from the fact-checks' own fields, one per candidate."""

    q_in_claim: np.ndarray
    claim_in_q: np.ndarray
    q_in_title: np.ndarray
    claim_terms: np.ndarray
    num_in_claim: np.ndarray
    claim_has_numbers: np.ndarray
    number_terms_in_claim: np.ndarray  # (len(q.number_terms), m)
    negated: np.ndarray
    fc_names_in_q: np.ndarray
    speaker_is_claimant: np.ndarray
    speaker_named: np.ndarray
    day: np.ndarray  # 0: unknown
    has_article: np.ndarray


def candidate_values(q: QueryInfo, infos: Sequence[CandidateInfo | None]) -> PerCandidate:
    """:class:`PerCandidate` from digested candidates (None: not found, all zero)."""
    m = len(infos)
    z = {name: np.zeros(m) for name in PerCandidate.__dataclass_fields__}
    z["number_terms_in_claim"] = np.zeros((len(q.number_terms), m), dtype=bool)
    terms_set = set(q.terms)
    speaker = set(q.speaker)
    for i, c in enumerate(infos):
        if c is None:
            continue
        z["q_in_claim"][i] = _share(q.terms, q.idf, c.claim_all)
        z["claim_in_q"][i] = len(c.claim_terms & terms_set) / len(c.claim_terms) if c.claim_terms else 0.0
        z["q_in_title"][i] = _share(q.terms, q.idf, c.title_all)
        z["claim_terms"][i] = len(c.claim_terms)
        if q.numbers:
            z["num_in_claim"][i] = sum(n in c.claim_numbers for n in q.numbers) / len(q.numbers)
        z["claim_has_numbers"][i] = bool(c.claim_numbers)
        for j, t in enumerate(q.number_terms):
            z["number_terms_in_claim"][j, i] = t in c.claim_numbers
        z["negated"][i] = c.negated
        if c.names:
            z["fc_names_in_q"][i] = sum(n in c.names for n in q.name_terms) / len(c.names)
        z["speaker_is_claimant"][i] = bool(speaker & c.claimant)
        z["speaker_named"][i] = bool(speaker & (c.claim_all | c.title_all))
        z["day"][i] = c.day
        z["has_article"][i] = c.has_article
    return PerCandidate(**z)


def field_values(q: QueryInfo, fields: FieldIndex, rows: np.ndarray) -> PerCandidate:
    """:class:`PerCandidate` for index rows, by postings look-ups in the :class:`FieldIndex`."""
    claim = fields.claims.presence(q.terms, rows)
    count = fields.claim_terms[rows].astype(np.float64)
    names = fields.names.presence(q.name_terms, rows).sum(axis=0)
    name_count = fields.name_count[rows].astype(np.float64)
    flags = fields.flags[rows]
    speaker_in = fields.claims.presence(q.speaker, rows) | fields.titles.presence(q.speaker, rows)
    return PerCandidate(
        q_in_claim=_weighted(claim, q.idf),
        claim_in_q=np.divide(claim.sum(axis=0), count, out=np.zeros(len(rows)), where=count > 0),
        q_in_title=_weighted(fields.titles.presence(q.terms, rows), q.idf),
        claim_terms=count,
        num_in_claim=fields.numbers.presence(q.numbers, rows).mean(axis=0)
        if q.numbers
        else np.zeros(len(rows)),
        claim_has_numbers=(flags & 1) > 0,
        number_terms_in_claim=fields.numbers.presence(q.number_terms, rows),
        negated=(flags & 2) > 0,
        fc_names_in_q=np.divide(names, name_count, out=np.zeros(len(rows)), where=name_count > 0),
        speaker_is_claimant=fields.claimants.presence(q.speaker, rows).any(axis=0),
        speaker_named=speaker_in.any(axis=0),
        day=fields.days[rows].astype(np.float64),
        has_article=(flags & 4) > 0,
    )


def _share(words: Sequence[str], idf: np.ndarray, found: frozenset[str]) -> float:
    """idf-weighted share of ``words`` that are in ``found``."""
    if not words:
        return 0.0
    hit = np.fromiter((t in found for t in words), dtype=bool, count=len(words))
    total = float(idf.sum())
    return float(idf[hit].sum()) / total if total > 0 else 0.0


def _weighted(present: np.ndarray, idf: np.ndarray) -> np.ndarray:
    """Per column of ``present`` (terms × candidates), the idf-weighted share of terms present."""
    total = float(idf.sum())
    if present.shape[0] == 0 or total <= 0:
        return np.zeros(present.shape[1])
    return (idf.astype(np.float64) @ present) / total


def pair_rows(q: QueryInfo, retrieved: Retrieved, pc: PerCandidate, lexical: Bm25) -> np.ndarray:
    """``(len(retrieved.rows), len(FEATURES))`` float32 features, one row per retrieved candidate; what
    the lexical index read of each fact-check (claim, title, article start) is looked up in ``lexical``."""
    m = len(retrieved.rows)
    out = np.zeros((m, len(FEATURES)), dtype=np.float32)
    if m == 0:
        return out
    f = {name: i for i, name in enumerate(FEATURES)}
    cos = retrieved.cosine.astype(np.float64)
    bm = retrieved.bm25.astype(np.float64)
    out[:, f["cos"]] = cos
    out[:, f["cos_gap"]] = cos - cos.max()
    out[:, f["cos_margin"]] = cos - np.maximum(_best_other(cos), MARGIN_FLOOR)
    out[:, f["cos_high"]] = np.maximum(cos - HIGH_COSINE, 0.0)
    out[:, f["cos_rank"]] = np.log1p(_ranks(cos))
    out[:, f["cos_z"]] = (cos - retrieved.cos_mean) / retrieved.cos_std
    ctx = cos if retrieved.context_cosine is None else retrieved.context_cosine.astype(np.float64)
    out[:, f["cos_ctx"]] = ctx
    out[:, f["cos_ctx_gap"]] = ctx - ctx.max()
    out[:, f["bm25"]] = bm
    out[:, f["bm25_share"]] = bm / bm.max() if bm.max() > 0 else 0.0
    out[:, f["bm25_rank"]] = np.log1p(_ranks(bm))
    out[:, f["bm25_z"]] = (bm - retrieved.bm25_mean) / retrieved.bm25_std
    bm_ctx = bm if retrieved.context_bm25 is None else retrieved.context_bm25.astype(np.float64)
    out[:, f["bm25_ctx_share"]] = bm_ctx / bm_ctx.max() if bm_ctx.max() > 0 else 0.0
    out[:, f["q_terms"]] = math.log1p(len(q.terms))
    out[:, f["q_numbers"]] = min(len(q.numbers), 5)
    out[:, f["q_names"]] = min(len(q.name_terms), 5)
    out[:, f["has_speaker"]] = bool(q.speaker)

    lookup = [*q.terms, *q.context_terms, *q.number_terms, *q.name_terms]
    present = lexical.presence(lookup, retrieved.rows)
    n_terms, n_context, n_numbers = len(q.terms), len(q.context_terms), len(q.number_terms)
    at_numbers = n_terms + n_context
    at_names = at_numbers + n_numbers
    out[:, f["q_in_article"]] = _weighted(present[:n_terms], q.idf)
    out[:, f["ctx_in_fc"]] = _weighted(present[n_terms:at_numbers], q.context_idf)
    if q.name_terms:
        out[:, f["names_in_fc"]] = present[at_names:].mean(axis=0)
    if n_numbers:
        found = present[at_numbers:at_names] | pc.number_terms_in_claim
        out[:, f["num_in_article"]] = found.mean(axis=0)
    out[:, f["q_in_claim"]] = pc.q_in_claim
    out[:, f["claim_in_q"]] = pc.claim_in_q
    out[:, f["q_in_title"]] = pc.q_in_title
    out[:, f["has_article"]] = pc.has_article
    out[:, f["claim_terms"]] = np.log1p(pc.claim_terms)
    if q.numbers:
        out[:, f["num_in_claim"]] = pc.num_in_claim
        out[:, f["num_conflict"]] = (pc.claim_has_numbers > 0) & (pc.num_in_claim == 0)
    out[:, f["neg_mismatch"]] = (pc.negated > 0) != q.negated
    out[:, f["fc_names_in_q"]] = pc.fc_names_in_q
    if q.speaker:
        out[:, f["speaker_is_claimant"]] = pc.speaker_is_claimant
        out[:, f["speaker_named"]] = pc.speaker_named
    set_dates(out, pc.day, q.day)
    return out


DATE_FEATURES = ("has_date", "days_log", "same_day", "within_month", "fc_after", "speaker_same_day")


def set_dates(x: np.ndarray, fc_days: np.ndarray, day: int | None) -> np.ndarray:
    """Write the date columns of feature rows ``x`` (in place; returned) for a query of day number
    ``day`` (None: undated) against fact-checks of day numbers ``fc_days`` (0: undated); the speaker
    columns must be set already. Training uses it to re-date a query (dates shifted or dropped)."""
    f = {name: i for i, name in enumerate(FEATURES)}
    for name in DATE_FEATURES:
        x[:, f[name]] = 0.0
    if day is None:
        return x
    fc_days = np.asarray(fc_days, dtype=np.float64)
    known = fc_days > 0
    days = np.abs(fc_days - day)
    same = known & (days <= 1)
    x[:, f["has_date"]] = known
    x[:, f["days_log"]] = np.where(known, np.log1p(days), 0.0)
    x[:, f["same_day"]] = same
    x[:, f["within_month"]] = known & (days <= 31)
    x[:, f["fc_after"]] = known & (fc_days >= day)
    x[:, f["speaker_same_day"]] = same & (x[:, f["speaker_is_claimant"]] > 0)
    return x


def _best_other(scores: np.ndarray) -> np.ndarray:
    """Per score, the best of the *other* scores (the runner-up's for the best one)."""
    if len(scores) < 2:
        return np.zeros(len(scores))
    first, second = np.sort(scores)[-2:][::-1]
    return np.where(scores >= first, second, first)


def _ranks(scores: np.ndarray) -> np.ndarray:
    """0-based rank of each score, best (highest) first."""
    order = np.argsort(-scores, kind="stable")
    ranks = np.empty(len(scores), dtype=np.float64)
    ranks[order] = np.arange(len(scores))
    return ranks
