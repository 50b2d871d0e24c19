"""The representation of a sentence in its document, for the check-worthiness model.

Four parts, all computed on name-masked text (``masking``), so no feature is keyed on a person, party or
country:
- ``word_ngrams`` / ``char_ngrams``: the lexical analysers for the TF-IDF part (used by scikit-learn at
  training time and by the model at run time, so both see the same terms);
- ``sentence_cues``: what the sentence does (states a number, compares, reports a past event, asks,
  promises, opines, thanks, attributes) as 0/1 cues and a few sizes;
- ``context_features``: the sentence's place in its document (speaker role by behaviour, not by name:
  share of the lines, question rate, non-speech lines; turn position; neighbours' cues);
- ``repetition_features``: how closely the sentence restates another sentence of the document (by the
  same speaker or another one, earlier or anywhere), from word n-gram TF-IDF cosine similarity.
It holds no weights and no training code.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from podium.checkworthy.masking import MASK

_CUES: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern, re.IGNORECASE)
    for name, pattern in {
        "digit": r"\d",
        "number_word": r"\b(?:hundred|thousand|million|billion|trillion|dozens?|percent|half|twice|"
        r"one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty)\b",
        "big_number": r"\b(?:million|billion|trillion)s?\b",
        "percent": r"%|\bpercent\b|\bper cent\b",
        "money": r"[$€£]|\bdollars?\b|\bdebt\b|\bdeficit\b|\bbudget\b",
        "year": r"\b(?:19|20)\d\d\b",
        "comparison": r"\b(?:than|more|less|fewer|most|least|highest|lowest|largest|biggest|smallest|"
        r"worst|best|record|ever|only|first|increased?|decreased?|doubled?|tripled?|cut|raised?|rose|"
        r"fell|dropped|grew|up|down)\b|\b\w+est\b",
        "past": r"\b(?:was|were|had|did|didn't|wasn't|weren't|ago|last|since|already|voted|passed|signed|"
        r"created|lost|killed|said|called|became|went|took|gave|made|built|started)\b|\b\w{3,}ed\b",
        "present_fact": r"\b(?:is|are|has|have|there's|there are|there is)\b",
        "opinion": r"\b(?:think|believe|feel|opinion|should|ought|must|great|terrible|horrible|disaster|"
        r"wonderful|amazing|beautiful|sad|stupid|bad|good|love|hate|want|hope|wish|need to)\b",
        "question_word": r"^\s*(?:what|why|how|when|where|who|which|do|does|did|is|are|will|would|can|"
        r"could|should|have|has)\b",
        "promise": r"\b(?:will|won't|going to|gonna|promise|pledge|plan to|i'll|we'll)\b",
        "pleasantry": r"\b(?:thank|thanks|welcome|applause|laughter|good evening|good morning|good night|"
        r"congratulat\w*|appreciate|honou?red|ladies and gentlemen|god bless|pleasure|nice to|great to)\b",
        "attribution": r"\b(?:said|says|according to|report\w*|study|studies|statistics|data|records?|"
        r"survey|poll\w*|estimate\w*|analysis|experts?)\b",
        "policy": r"\b(?:tax\w*|jobs?|unemployment|economy|health ?care|insurance|medicare|medicaid|"
        r"social security|wages?|trade|deal|law|bill|crime|border|immigra\w*|military|war|nuclear|"
        r"climate|energy|oil|coal|gas|deficit|debt|spending|plan|program|percent)\b",
        "first_singular": r"\b(?:i|i'm|i've|me|my)\b",
        "first_plural": r"\b(?:we|we're|we've|us|our)\b",
        "second_person": r"\b(?:you|your|you're)\b",
        "negation": r"\b(?:not|no|never|n't|nobody|nothing)\b|n't\b",
        "hedge": r"\b(?:maybe|perhaps|probably|might|i guess|sort of|kind of)\b",
        "interruption": r"-\s*-|—|\.\s*\.\s*\.|…",
    }.items()
}
_NON_SPEECH = re.compile(r"^\s*[\(\[].*[\)\]]\s*\.?$")
_WORD = re.compile(r"\w+")

CUE_NAMES = tuple(_CUES)
SIZE_NAMES = ("log_words", "short", "long", "question_mark", "exclamation", "non_speech", "names", "numbers")
CONTEXT_NAMES = (
    "speaker_missing",
    "speaker_non_speech",
    "speaker_share",
    "speaker_is_top",
    "speaker_question_rate",
    "speaker_mean_words",
    "log_speakers",
    "turn_first",
    "turn_last",
    "log_turn_length",
    "turn_position",
    "doc_position",
    "prev_question_other",
    "prev_digit",
    "next_digit",
    "window_digit",
    "window_past",
    "prev_non_speech",
)
DENSE_NAMES = CUE_NAMES + SIZE_NAMES + CONTEXT_NAMES


def word_ngrams(masked: str) -> list[str]:
    """Word uni- and bi-grams of a masked sentence (tokens are space-separated)."""
    toks = masked.split()
    return toks + [f"{a} {b}" for a, b in itertools.pairwise(toks)]


def char_ngrams(masked: str, low: int = 2, high: int = 5) -> list[str]:
    """Character n-grams inside word boundaries (like scikit-learn's ``char_wb``), mask kept whole."""
    grams: list[str] = []
    for tok in masked.split():
        word = f" {tok} "
        if tok == MASK:
            grams.append(word)
            continue
        for n in range(low, high + 1):
            grams.extend(word[i : i + n] for i in range(max(1, len(word) - n + 1)))
    return grams


def sentence_cues(text: str, masked: str) -> np.ndarray:
    """Cue flags and sizes of one sentence, in the order ``CUE_NAMES + SIZE_NAMES``.

    ``text`` must already be name-masked (``mask_text(..., keep_digits=True)``), so that no cue (word
    count, "-est" words, capitals) can tell one actor's name from another's.
    """
    cues = [1.0 if pattern.search(text) else 0.0 for pattern in _CUES.values()]
    n_words = len(_WORD.findall(text))
    toks = masked.split()
    stripped = text.strip()
    sizes = [
        math.log1p(n_words),
        1.0 if n_words < 6 else 0.0,
        1.0 if n_words > 30 else 0.0,
        1.0 if stripped.endswith("?") else 0.0,
        1.0 if stripped.endswith("!") else 0.0,
        1.0 if _NON_SPEECH.match(stripped) or not n_words else 0.0,
        math.log1p(toks.count(MASK)),
        math.log1p(sum(t[0].isdigit() for t in toks)),
    ]
    return np.array(cues + sizes, dtype=np.float32)


def _norm_speaker(speaker: str | None) -> str | None:
    if speaker is None:
        return None
    s = speaker.strip().upper()
    return s or None


def context_features(texts: Sequence[str], speakers: Sequence[str | None], cues: np.ndarray) -> np.ndarray:
    """Features of each sentence's place in the document (order ``CONTEXT_NAMES``).

    Speakers are compared only with each other (who talks most, who asks), never by name, so a speaker
    unseen in training, or a single-speaker speech (``None`` everywhere), is handled the same way.
    """
    n = len(texts)
    out = np.zeros((n, len(CONTEXT_NAMES)), dtype=np.float32)
    if n == 0:
        return out
    col = {name: i for i, name in enumerate(CUE_NAMES + SIZE_NAMES)}
    spk = [_norm_speaker(s) for s in speakers]
    lines = Counter(spk)
    questions: Counter[str | None] = Counter()
    non_speech: Counter[str | None] = Counter()
    words: Counter[str | None] = Counter()
    for s, row in zip(spk, cues, strict=True):
        questions[s] += row[col["question_mark"]]
        non_speech[s] += row[col["non_speech"]]
        words[s] += row[col["log_words"]]
    speaking = [s for s in lines if non_speech[s] < 0.5 * lines[s]]
    top = max(speaking, key=lambda s: lines[s], default=None)
    # Turns: maximal runs of one speaker.
    turn_start = [0] * n
    for i in range(1, n):
        turn_start[i] = turn_start[i - 1] if spk[i] == spk[i - 1] else i
    turn_end = [n - 1] * n
    for i in range(n - 2, -1, -1):
        turn_end[i] = turn_end[i + 1] if spk[i] == spk[i + 1] else i
    digit = cues[:, col["digit"]]
    past = cues[:, col["past"]]
    question = cues[:, col["question_mark"]]
    non_sp = cues[:, col["non_speech"]]
    for i in range(n):
        s = spk[i]
        length = turn_end[i] - turn_start[i] + 1
        lo, hi = max(0, i - 2), min(n, i + 3)
        out[i] = (
            1.0 if s is None else 0.0,
            non_speech[s] / lines[s],
            lines[s] / n,
            1.0 if s == top else 0.0,
            questions[s] / lines[s],
            words[s] / lines[s],
            math.log(len(lines)),
            1.0 if i == turn_start[i] else 0.0,
            1.0 if i == turn_end[i] else 0.0,
            math.log(length),
            (i - turn_start[i]) / length,
            i / n,
            1.0 if i > 0 and question[i - 1] and spk[i - 1] != s else 0.0,
            digit[i - 1] if i > 0 else 0.0,
            digit[i + 1] if i + 1 < n else 0.0,
            float(digit[lo:hi].mean()),
            float(past[lo:hi].mean()),
            non_sp[i - 1] if i > 0 else 0.0,
        )
    return out


def dense_features(named: Sequence[str], masked: Sequence[str], speakers: Sequence[str | None]) -> np.ndarray:
    """All dense features of a document's sentences, in the order ``DENSE_NAMES``.

    ``named`` are the sentences masked with digits kept, ``masked`` with digits as 0 (``masking``).
    """
    texts = named
    if not texts:
        return np.zeros((0, len(DENSE_NAMES)), dtype=np.float32)
    cues = np.stack([sentence_cues(t, m) for t, m in zip(texts, masked, strict=True)])
    return np.hstack([cues, context_features(texts, speakers, cues)])


def neighbour_mean(rows: np.ndarray, width: int = 1) -> np.ndarray:
    """For each row, the mean of the rows up to ``width`` before and after it (itself excluded)."""
    n = len(rows)
    out = np.zeros_like(rows, dtype=np.float64)
    for i in range(n):
        idx = [j for j in range(i - width, i + width + 1) if j != i and 0 <= j < n]
        if idx:
            out[i] = rows[idx].mean(axis=0)
    return out


REPETITION_NAMES = (
    "repeat_max",
    "repeat_same_speaker",
    "repeat_other_speaker",
    "repeat_count",
    "repeat_earlier",
)


def repetition_features(
    rows: Sequence[tuple[np.ndarray, np.ndarray]], speakers: Sequence[str | None]
) -> np.ndarray:
    """How much each sentence restates another one of the same document (order ``REPETITION_NAMES``).

    ``rows`` are the sentences' L2-normalised word n-gram TF-IDF vectors as ``(term indices, values)``.
    From the cosine similarity to every other sentence: the highest overall, with the same speaker, with
    another speaker, and with an earlier sentence, and the log count of sentences above 0.5. Speakers
    are compared only with each other (same or not), never by name.
    """
    n = len(rows)
    out = np.zeros((n, len(REPETITION_NAMES)), dtype=np.float32)
    if n < 2:
        return out
    terms, local = np.unique(
        np.concatenate([idx for idx, _ in rows] + [np.zeros(0, np.int64)]), return_inverse=True
    )
    x = np.zeros((n, max(1, len(terms))), dtype=np.float32)
    row_of = np.repeat(np.arange(n), [len(idx) for idx, _ in rows])
    x[row_of, local] = np.concatenate([vals for _, vals in rows] + [np.zeros(0)])
    sim = x @ x.T
    np.fill_diagonal(sim, 0.0)
    spk = [_norm_speaker(s) for s in speakers]
    codes = {s: i for i, s in enumerate(dict.fromkeys(spk))}
    code = np.array([codes[s] for s in spk])
    same = code[:, None] == code[None, :]
    out[:, 0] = sim.max(axis=1)
    out[:, 1] = np.where(same, sim, 0.0).max(axis=1)
    out[:, 2] = np.where(same, 0.0, sim).max(axis=1)
    out[:, 3] = np.log1p((sim > 0.5).sum(axis=1))
    out[:, 4] = np.tril(sim).max(axis=1)
    return out
