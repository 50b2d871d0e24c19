"""Training and evaluating the matching re-ranker on the CheckThat! sets (training script and benchmark).

:func:`prepare` embeds an archive and its queries (cached), builds the :class:`MatchIndex`, retrieves and
computes every pair's features once; :func:`fit` trains a :class:`Reranker` on chosen queries (logistic
regression, or boosted trees over the same features); :func:`fit_platt` calibrates raw scores; and
:func:`evaluate` gives MAP@5, P@1 and MRR as the CheckThat! scorers define them. Needs scikit-learn
(training only).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from podium.checkworthy.trees import from_sklearn
from podium.factchecks.candidates import fetch_records
from podium.factchecks.embedding import MODEL
from podium.factchecks.features import FEATURES, MONOTONE, set_dates
from podium.factchecks.fieldindex import fields_of
from podium.factchecks.index import MatchIndex, lexical_text, vector_text
from podium.factchecks.matchdata import MatchSet, cached_embed
from podium.factchecks.matcher import Matcher, Query, Scored, context_text, query_text
from podium.factchecks.reranker import Reranker, simple
from podium.factchecks.textbits import day_number

SEED = 0


@dataclass
class Prepared:
    """A set ready for training: queries (matched ones first, then the negatives), their retrieved rows
    and features, relevant rows, debate groups and splits."""

    data: MatchSet
    index: MatchIndex
    scored: list[Scored]
    relevant: list[set[int]]
    groups: list[str]
    splits: list[str]
    negative: np.ndarray  # bool per query: a sentence with no fact-check
    vectors: np.ndarray
    context_vectors: np.ndarray
    bm25_texts: list[str]

    @property
    def queries(self) -> list[Query]:
        """Every query in the order of ``scored``: matched, unmatched of the same debates, other unmatched."""
        d = self.data
        return [*d.queries, *d.negatives, *d.other_negatives]


def build_index(data: MatchSet, model: str | None = None) -> MatchIndex:
    vectors = cached_embed([vector_text(r.claim_reviewed, r.title) for r in data.records], model=model)
    texts = [lexical_text(r.claim_reviewed, r.title, r.text) for r in data.records]
    fields = [fields_of(r) for r in data.records]
    return MatchIndex.build(np.arange(len(data.records)), vectors, texts, fields, model=model or MODEL)


def prepare(data: MatchSet, depth: int, log=print, model: str | None = None) -> Prepared:
    """Embed (with the sentence model ``model``, default the one matching uses), index, retrieve and
    compute the features of every query of ``data``."""
    index = build_index(data, model)
    own = list(data.queries) + list(data.negatives)
    queries = own + list(data.other_negatives)
    vectors, context_vectors = (
        np.concatenate(
            [
                cached_embed([how(q) for q in part], model=model)
                for part in (own, data.other_negatives)
                if part
            ]
        )
        for how in (query_text, context_text)
    )
    model = simple()
    model.context_vector = True
    matcher = Matcher(index, fetch_records(data.records), model)
    scored = matcher.features(queries, depth, vectors, context_vectors)
    n_neg = len(data.negatives) + len(data.other_negatives)
    relevant = list(data.relevant) + [set() for _ in range(n_neg)]
    found = sum(bool(rel & set(s.rows.tolist())) for rel, s in zip(relevant, scored, strict=False) if rel)
    log(
        f"{data.name}: {len(data.queries)} queries (+{n_neg} unmatched), archive {len(index)}, "
        f"depth {depth}: a relevant fact-check retrieved for {found}/{len(data.queries)} "
        f"({found / max(1, len(data.queries)):.1%}), {np.mean([len(s.rows) for s in scored]):.0f} "
        "candidates a query"
    )
    return Prepared(
        data=data,
        index=index,
        scored=scored,
        relevant=relevant,
        groups=list(data.groups) + list(data.negative_groups) + list(data.other_groups),
        splits=list(data.splits) + ["negative"] * n_neg,
        negative=np.array([False] * len(data.queries) + [True] * n_neg),
        vectors=vectors,
        context_vectors=context_vectors,
        bm25_texts=[query_text(q) for q in queries],
    )


def table(
    prep: Prepared, chosen: Sequence[int], rows: Sequence[np.ndarray] | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and query numbers of every retrieved pair of the chosen queries (``rows``: the
    feature rows to use per query instead of the prepared ones, e.g. :func:`shifted_dates`)."""
    xs, ys, qs = [], [], []
    for q in chosen:
        s = prep.scored[q]
        xs.append(s.x if rows is None else rows[q])
        ys.append(np.fromiter((r in prep.relevant[q] for r in s.rows.tolist()), dtype=np.int8))
        qs.append(np.full(len(s.rows), q, dtype=np.int32))
    if not xs:
        return np.zeros((0, len(FEATURES)), np.float32), np.zeros(0, np.int8), np.zeros(0, np.int32)
    return np.concatenate(xs), np.concatenate(ys), np.concatenate(qs)


def redated(prep: Prepared, q: int, day: int | None) -> np.ndarray:
    """The feature rows of query ``q`` as if it were of day number ``day`` (None: undated)."""
    scored = prep.scored[q]
    fields = prep.index.fields
    days = fields.days[scored.rows] if fields is not None else np.zeros(len(scored.rows))
    return set_dates(scored.x.copy(), days, day)


def shifted_dates(prep: Prepared, share: float, seed: int = SEED) -> list[np.ndarray]:
    """Per query, the feature rows to train on: for ``share`` of the dated queries (drawn with the seed)
    the speech's date is dropped (three in ten) or moved by a random offset of a week to ten years
    (log-uniform; the speech after the fact-checks four times in five), so that a restated claim
    checked on another day, or a speech without a date, is as much a match as one checked that day.
    The re-ranker then keeps a same-day check as a mild cue, never a different day as evidence against
    (CheckThat! 2022 2B alone taught it that the relevant check is of the debate's own month)."""
    rng = np.random.default_rng(seed)
    out = []
    for q, scored in enumerate(prep.scored):
        day = day_number(prep.queries[q].date)
        draw, drop, later = rng.random(3)
        offset = int(np.exp(rng.uniform(np.log(7), np.log(3650))))
        if day is None or draw >= share:
            out.append(scored.x)
            continue
        moved = None if drop < 0.3 else day + offset * (1 if later < 0.8 else -1)
        out.append(redated(prep, q, moved))
    return out


@dataclass(frozen=True)
class Config:
    kind: str = "linear"  # "linear" (logistic regression) or "trees" (boosted trees)
    features: tuple[str, ...] = FEATURES
    max_iter: int = 200
    learning_rate: float = 0.05
    max_leaf_nodes: int = 15
    min_samples_leaf: int = 40
    l2: float = 1.0
    c: float = 1.0  # inverse regularisation of the logistic regression


def fit(
    x: np.ndarray, y: np.ndarray, config: Config = Config(), weights: np.ndarray | None = None
) -> Reranker:
    """A re-ranker (uncalibrated: Platt is identity) trained on pair features ``x`` and labels ``y``."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    cols = [FEATURES.index(f) for f in config.features]
    xs = np.asarray(x, dtype=np.float64)[:, cols]
    mean = xs.mean(axis=0)
    scale = xs.std(axis=0)
    scale[scale == 0] = 1.0
    signs = np.array([MONOTONE.get(f, 0) for f in config.features])
    free = np.ones(len(cols), dtype=bool)
    coef = np.zeros(len(cols))
    for _ in range(len(cols)):  # a feature whose weight has the wrong sign is dropped, and refit
        lin = LogisticRegression(C=config.c, max_iter=2000)
        lin.fit(((xs - mean) / scale)[:, free], y, sample_weight=weights)
        coef[:] = 0.0
        coef[free] = lin.coef_[0]
        wrong = free & (signs * coef < 0)
        if not wrong.any():
            break
        free &= ~wrong
    model = Reranker(
        features=tuple(config.features),
        mean=mean,
        scale=scale,
        coef=coef,
        intercept=float(lin.intercept_[0]),
        context_vector="cos_ctx" in config.features,
    )
    if config.kind == "trees":
        clf = HistGradientBoostingClassifier(
            max_iter=config.max_iter,
            learning_rate=config.learning_rate,
            max_leaf_nodes=config.max_leaf_nodes,
            min_samples_leaf=config.min_samples_leaf,
            l2_regularization=config.l2,
            monotonic_cst=[MONOTONE.get(f, 0) for f in config.features],
            random_state=SEED,
        )
        clf.fit(xs, y, sample_weight=weights)
        model.trees = from_sklearn(clf)
        model.coef = np.zeros(len(cols))
        model.intercept = 0.0
    return model


def fit_platt(raw: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """``(a, b)`` with ``sigmoid(a * raw + b)`` the calibrated probability (a 1-d logistic fit)."""
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=1e6, max_iter=1000)
    lr.fit(np.asarray(raw, dtype=np.float64).reshape(-1, 1), y)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def ranked_rows(scored: Scored, scores: np.ndarray) -> list[int]:
    order = np.argsort(-scores, kind="stable")
    return [int(scored.rows[j]) for j in order if scored.known[j]]


def average_precision(ranked: Sequence[int], relevant: set[int], k: int = 5) -> float:
    """AP@k as the CheckThat! scorer computes it: precision at each relevant hit in the top k, summed and
    divided by the number of relevant fact-checks."""
    if not relevant:
        return 0.0
    hits, total = 0, 0.0
    for i, row in enumerate(ranked[:k], 1):
        if row in relevant:
            hits += 1
            total += hits / i
    return total / len(relevant)


def evaluate(rankings: Sequence[Sequence[int]], relevant: Sequence[set[int]]) -> dict[str, float]:
    """MAP@5, P@1 and MRR over queries (a relevant fact-check not ranked counts 0)."""
    aps, p1, rr = [], [], []
    for ranked, rel in zip(rankings, relevant, strict=True):
        aps.append(average_precision(ranked, rel, 5))
        p1.append(float(bool(ranked) and ranked[0] in rel))
        first = next((i for i, r in enumerate(ranked, 1) if r in rel), None)
        rr.append(1.0 / first if first else 0.0)
    return {"MAP@5": float(np.mean(aps)), "P@1": float(np.mean(p1)), "MRR": float(np.mean(rr))}


def debate_folds(groups: Sequence[str], folds: int, matched: int | None = None) -> dict[str, int]:
    """Each debate's fold (debates shuffled with the fixed seed, dealt round-robin). With ``matched``,
    the debates of ``groups[:matched]`` are dealt first, as if alone, and the other groups (unmatched
    queries from elsewhere) after them, so adding those leaves the debates' folds as they were."""
    first = sorted(set(groups[:matched] if matched is not None else groups))
    rest = sorted(set(groups) - set(first))
    out: dict[str, int] = {}
    for names in (first, rest):
        order = np.random.default_rng(SEED).permutation(len(names))
        out.update({names[g]: i % folds for i, g in enumerate(order)})
    return out


@dataclass
class CrossValidated:
    """Out-of-fold results on the speeches: rankings of the matched queries as dated and with the dates
    left out, the raw score and label of every pair (for calibration), and the date probe's raw scores:
    each relevant pair with the speech dated the day of its check, a year after it, and undated, and the
    other candidates of the query dated the day of its relevant check that were checked that very day."""

    rankings: list[list[int]]
    undated: list[list[int]]
    raw: np.ndarray
    y: np.ndarray
    probe: dict[str, np.ndarray]


PROBE = ("same day", "a year after", "undated", "unrelated same day")


def cross_validate(
    speeches: Prepared,
    extra: Sequence[tuple[Prepared, Sequence[int]]],
    folds: int,
    config: Config,
    log=print,
    extra_weight: float = 1.0,
    date_shift: float = 0.0,
) -> CrossValidated:
    """Speech queries cross-validated by whole debate: per fold, a re-ranker trained on the other
    folds' queries (matched and unmatched; ``date_shift`` of them re-dated, :func:`shifted_dates`) plus
    ``extra`` (other sets' chosen queries, their pairs weighted ``extra_weight``), applied to the fold."""
    n = len(speeches.data.queries)
    fold_of = debate_folds(speeches.groups, folds, n)
    tables = [table(prep, chosen) for prep, chosen in extra]
    rows = shifted_dates(speeches, date_shift) if date_shift else None
    days = speeches.index.fields.days if speeches.index.fields is not None else None
    rankings: list[list[int]] = [[] for _ in range(n)]
    undated: list[list[int]] = [[] for _ in range(n)]
    raw_all, y_all = [], []
    probe: dict[str, list[np.ndarray]] = {k: [] for k in PROBE}
    for fold in range(folds):
        train = [q for q, g in enumerate(speeches.groups) if fold_of[g] != fold]
        test = [q for q, g in enumerate(speeches.groups) if fold_of[g] == fold]
        xs, ys, _ = table(speeches, train, rows)
        weights = np.concatenate([np.ones(len(ys)), *(np.full(len(t[1]), extra_weight) for t in tables)])
        x = np.concatenate([xs, *(t[0] for t in tables)])
        model = fit(x, np.concatenate([ys, *(t[1] for t in tables)]), config, weights)
        for q in (q for q in test if q < n):
            scored = speeches.scored[q]
            rankings[q] = ranked_rows(scored, model.raw(scored.x))
            undated[q] = ranked_rows(scored, model.raw(redated(speeches, q, None)))
            if days is None:
                continue
            for j in (j for j, r in enumerate(scored.rows.tolist()) if r in speeches.relevant[q]):
                day = int(days[scored.rows[j]]) or None
                for key, when in zip(PROBE, (day, day and day + 365, None), strict=False):
                    probe[key].append(model.raw(redated(speeches, q, when)[j : j + 1]))
                if day:
                    others = (days[scored.rows] == day) & ~np.isin(scored.rows, list(speeches.relevant[q]))
                    probe["unrelated same day"].append(model.raw(redated(speeches, q, day)[others]))
        xh, yh, _ = table(speeches, test)
        raw_all.append(model.raw(xh))
        y_all.append(yh)
        log(f"fold {fold + 1}/{folds}: trained on {len(train)} queries, scored {len(test)}")
    return CrossValidated(
        rankings,
        undated,
        np.concatenate(raw_all),
        np.concatenate(y_all),
        {k: np.concatenate(v) if v else np.zeros(0) for k, v in probe.items()},
    )


def probe_report(cv: CrossValidated, platt: tuple[float, float], threshold: float = 0.5) -> str:
    """One line: the share of the probe's pairs at or above ``threshold`` once calibrated."""
    a, b = platt
    parts = []
    for key in PROBE:
        raw = cv.probe[key]
        p = 1 / (1 + np.exp(-(a * raw + b))) if len(raw) else raw
        share = float((p >= threshold).mean()) if len(raw) else 0.0
        parts.append(f"{key} {share:.1%} of {len(raw)}")
    return (
        f"date probe (pairs ≥ {threshold}, out of fold): relevant with the speech dated "
        + ", ".join(parts[:3])
        + f"; unrelated fact-checks of the speech's own day: {parts[3]}"
    )
