"""Persuasion techniques (layer ``technique``) and the rhetoric profile (``doc.meta.extras["rhetoric"]``).

One span per (offsets, technique): a span carrying two techniques appears twice, with the same offsets.
``label`` = the technique (one of the 14 of SemEval-2020 Task 11), ``score`` = confidence that this span
carries this technique (span probability × technique probability), ``attrs``: ``span_prob``,
``technique_prob``, ``rank`` (1 for the span's best technique) and ``method`` (``model``, or ``rule`` for the
anaphora rule below). The model is ``podium.techniques.detector`` (learnt; names masked, see ``masking``).
Rule: a run of three or more consecutive sentences opening with the same two words is marked Repetition
on the longest opening they all share (up to eight words). The profile is computed last from all of it
(``podium.techniques.profile``).
With two or more cores the model runs in a helper process from the start of the pipeline (``prefetch``,
``podium.techniques.background``), in parallel with the other analysers; the spans are the same.
"""

from __future__ import annotations

from concurrent.futures import Future

import numpy as np

from podium.document import Document, Span
from podium.pipeline import BaseAnalyser
from podium.techniques import TECHNIQUES
from podium.techniques.background import HELPER
from podium.techniques.detector import Found, TechniqueDetector
from podium.techniques.profile import rhetoric_profile
from podium.techniques.repetition import anaphora, shared_opening

#: A span also carries its second technique when that technique is at least this probable.
SECOND_LABEL = 0.35


class TechniqueAnalyser(BaseAnalyser):
    name = "technique"
    requires = ("sentences",)
    assigns = ("technique",)
    after = ("actor_mention", "hedge")
    description = (
        "Persuasion techniques (loaded language, name calling, flag-waving…) and a rhetoric profile."
    )

    def __init__(self, detector: TechniqueDetector | None = None) -> None:
        self._detector = detector
        self._given = detector is not None  # a detector given by the caller is used as given, here
        self._helper = HELPER
        self._pending: tuple[str, list[tuple[int, int]], Future[list[Found]] | None] | None = None

    @property
    def detector(self) -> TechniqueDetector:
        if self._detector is None:
            self._detector = TechniqueDetector.load()
        return self._detector

    def prefetch(self, doc: Document) -> None:
        """Start finding the spans of ``doc`` in the helper process (a no-op where it is off)."""
        base, text = doc.scoped_text()
        segments = [(s.start - base, s.end - base) for s in doc.sentences]
        if segments and not self._given:
            self._pending = (text, segments, self._helper.submit(text, segments))

    def _find(self, doc: Document) -> list[Found]:
        """The model's spans of ``doc``, found on the text it stands for (its piece of a long document:
        ``Document.scoped_text``), with document offsets."""
        base, text = doc.scoped_text()
        segments = [(s.start - base, s.end - base) for s in doc.sentences]
        found: list[Found] | None = None
        pending, self._pending = self._pending, None
        if pending is not None and pending[0] == text and pending[1] == segments:
            found = self._helper.result(pending[2])
        if found is None:
            found = self.detector.find(text, segments) if segments else []
        if base:
            found = [Found(f.start + base, f.end + base, f.score, f.probs) for f in found]
        return found

    def __call__(self, doc: Document) -> Document:
        segments = [(s.start, s.end) for s in doc.sentences]
        spans = []
        for f in self._find(doc):
            ranked = np.argsort(-f.probs)
            for rank, t in enumerate(ranked[:2], 1):
                p = float(f.probs[t])
                if rank == 1 or p >= SECOND_LABEL:
                    attrs = {
                        "span_prob": round(f.score, 4),
                        "technique_prob": round(p, 4),
                        "rank": rank,
                        "method": "model",
                    }
                    spans.append(
                        Span(f.start, f.end, TECHNIQUES[int(t)], round(f.score * p, 4), attrs, self.name)
                    )
        spans.extend(self._anaphora(doc, segments))
        doc.add_spans("technique", spans, source=self.name)
        if not doc.cache.get("chunked"):  # a piece of a long document: profiled once, over all of it
            doc.meta.extras["rhetoric"] = rhetoric_profile(doc)
        return doc

    def _anaphora(self, doc: Document, segments: list[tuple[int, int]]) -> list[Span]:
        out = []
        for run in anaphora(doc.text, segments):
            if int(run["length"]) < 3:  # type: ignore[call-overload]
                continue
            members = [segments[k] for k in run["sentences"]]  # type: ignore[attr-defined]
            opening, ranges = shared_opening(doc.text, members)
            for start, end in ranges:
                attrs = {
                    "span_prob": 1.0,
                    "technique_prob": 1.0,
                    "rank": 1,
                    "method": "rule",
                    "opening": opening,
                }
                out.append(Span(start, end, "Repetition", 1.0, attrs, self.name))
        return out
