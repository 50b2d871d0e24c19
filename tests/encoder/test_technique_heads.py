"""Technique heads on the shared encoder: piece states, their span features, and the CV bookkeeping."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from podium.encoder import span_crossval as scv
from podium.encoder import technique_crossval as tcv
from podium.encoder.network import ShallowEncoder
from podium.encoder.pieces import pieces
from podium.encoder.spans import document_states, piece_states
from podium.techniques import TECHNIQUES
from podium.techniques.corpus import Article
from podium.techniques.features import DocContext, span_features
from podium.techniques.scoring import si_score

COMMON = {"the", "troops", "struck", "say", "again", "and", "we", "will", "win", "thugs", "of"}


@pytest.fixture(scope="module")
def encoder() -> ShallowEncoder:
    return ShallowEncoder(2).eval()


def _segments(text: str) -> list[tuple[int, int]]:
    out, at = [], 0
    for line in text.split("\n"):
        if line:
            out.append((at, at + len(line)))
        at += len(line) + 1
    return out


def test_piece_states_do_not_depend_on_the_batch_and_fill_long_sentences(encoder: ShallowEncoder) -> None:
    texts = ["We will win.", " ".join(["again"] * 300), "The thugs of Iran struck again."]
    ps = pieces(texts, COMMON)
    together = piece_states(encoder, ps, (0, 1, 2))
    for i, p in enumerate(ps):
        alone = piece_states(encoder, [p], (2,))[2][0]
        assert alone.shape == (len(p), 384)
        assert np.abs(alone - together[2][i]).max() < 1e-4
    long = together[1][1]
    assert len(long) == 300 and np.all(np.abs(long).sum(axis=1) > 0)  # every window's pieces written
    assert not np.allclose(together[0][0], together[2][0])


def test_document_states_point_into_the_text_and_ignore_which_name(encoder: ShallowEncoder) -> None:
    a = "Title\n\nThe thugs of Iran struck again.\nWe will win."
    b = "Title\n\nThe thugs of Israel struck again.\nWe will win."
    sa, sb = (document_states(encoder, t, _segments(t), COMMON, (1,))[1] for t in (a, b))
    words = [a[s:e] for s, e in sa[1].offsets]
    assert words[:3] == ["The", "thugs", "of"] and "Iran" in words and sa[1].masked[words.index("Iran")]
    for x, y in zip(sa, sb, strict=True):
        assert np.abs(x.vectors - y.vectors).max() < 1e-5
    # the span features the heads read are the same whichever actor is named
    ca, cb = (DocContext.build(t, _segments(t), COMMON) for t in (a, b))
    fa, ta = span_features(ca, sa, a.index("thugs"), a.index(" struck"))
    fb, tb = span_features(cb, sb, b.index("thugs"), b.index(" struck"))
    assert ta == tb and np.allclose(fa, fb, atol=1e-5)


def test_repetition_counts_see_the_raw_span_again() -> None:
    text = "Title\n\nWe will win.\nWe will win, and win again."
    art = Article("1", text, _segments(text), [])
    first, second = text.index("We will win"), text.rindex("We will win")
    once = tcv.repetition_counts(art, first, first + 11)
    again = tcv.repetition_counts(art, second, second + 11)
    assert once[0] == pytest.approx(np.log(2)) and once[1] == 0.0 and again[1] == 1.0


def _doc(aid: str, tc: list[tuple[str, int, int]]) -> tcv.Prepared:
    text = "Title\n\nSome words here and there."
    return tcv.light(Article(aid, text, _segments(text), [], [], tc), COMMON)


def test_a_span_listed_twice_gets_its_two_best_techniques_and_counts_twice() -> None:
    loaded, name = TECHNIQUES.index("Loaded_Language"), TECHNIQUES.index("Name_Calling,Labeling")
    p = np.full(len(TECHNIQUES), 0.01)
    p[loaded], p[name] = 0.6, 0.3
    d = _doc("1", [("Loaded_Language", 7, 11), ("Name_Calling,Labeling", 7, 11), ("Doubt", 12, 17)])
    counts = tcv.per_article([d], {("1", 7, 11): p, ("1", 12, 17): p})
    assert counts.tolist() == [[2.0, 3.0]]


def test_table_and_verdict_follow_the_articles() -> None:
    docs = [_doc(str(i), [("Doubt", 7, 11), ("Slogans", 12, 17)]) for i in range(20)]
    right, wrong = np.zeros(len(TECHNIQUES)), np.zeros(len(TECHNIQUES))
    right[TECHNIQUES.index("Doubt")] = 1.0
    wrong[TECHNIQUES.index("Slogans")] = 1.0
    good = {(str(i), 7, 11): right for i in range(20)} | {(str(i), 12, 17): wrong for i in range(20)}
    bad = {(str(i), 7, 11): wrong for i in range(20)} | {(str(i), 12, 17): right for i in range(20)}
    half = {k: (v if int(k[0]) % 2 else bad[k]) for k, v in good.items()}
    text, summary = tcv.table(docs, {"bad": bad, "good": good, "half": half}, "good", draws=500)
    assert summary["good"][0] == pytest.approx(1.0) and summary["bad"][0] == 0.0
    assert summary["half"][0] == pytest.approx(0.5) and summary["half"][1] < 0.5 < summary["half"][2]
    assert "+1.000" in text
    assert tcv.verdict(summary, "good", ["bad", "half"]).startswith("SHIP")
    assert tcv.verdict(summary, "half", ["good"]).startswith("DO NOT SHIP")


def _si_doc(aid: str, text: str, si: list[tuple[int, int]]) -> tcv.Prepared:
    return tcv.light(Article(aid, text, _segments(text), [], si, []), COMMON)


def test_span_counts_give_the_scorers_f1_for_any_set_of_articles() -> None:
    text = "Title\n\nThe troops struck again and again.\nWe will win."
    docs = [_si_doc("1", text, [(7, 19), (30, 40)]), _si_doc("2", text, [(42, 53)]), _si_doc("3", text, [])]
    pred = [("1", 7, 15), ("1", 10, 25), ("2", 0, 5), ("2", 45, 53), ("3", 7, 12)]
    c = scv.counts(docs, pred)
    gold = [(d.article.id, s, e) for d in docs for s, e in d.article.si]
    assert float(scv.f1(c.sum(axis=0))) == pytest.approx(si_score(pred, gold).f1)
    first_two = [p for p in pred if p[0] != "3"]
    assert float(scv.f1(c[:2].sum(axis=0))) == pytest.approx(si_score(first_two, gold).f1)


def test_a_predicted_line_loses_its_edge_spaces_and_final_stop() -> None:
    text = "Title\n\n  We will win, again.  \nNext"
    start = text.index("  We")
    assert text[slice(*scv.line_span(text, start, text.index("\nNext")))] == "We will win, again"


def test_the_sentence_baseline_predicts_whole_lines_of_the_held_out_articles(tmp_path: Path) -> None:
    loud = "They are traitors and thugs who will destroy everything!"
    calm = "The meeting starts at nine on Tuesday."
    docs = []
    for i in range(10):
        text = f"Title\n\n{loud}\n{calm}"
        s = text.index(loud)
        docs.append(_si_doc(str(i), text, [(s, s + len(loud) - 1)]))
    base = scv.SentenceBaseline(docs, tmp_path)
    spans, threshold = base.spans({str(i) for i in range(8)}, {"8", "9"})
    assert {a for a, _, _ in spans} <= {"8", "9"} and 0.0 < threshold < 1.0
    assert ("8", 7, 7 + len(loud)) in spans  # the whole line ("!" is not among the trimmed marks)
    assert all(docs[0].article.text[s:e] != calm.rstrip(".") for _, s, e in spans)
