"""The name swapper and the pair table of the neutrality audit (no model)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from podium.audit.pairs import Pair, default_pairs, merged, parse_pairs, read_pairs_file
from podium.audit.swap import Swapper
from podium.errors import PodiumError

PAIRS = default_pairs()
SWAPPER = Swapper(PAIRS)
FORMS = sorted({n for p in PAIRS for n in (p.a, p.b)})
FILLERS = ["the", "said", "and", "we", "war", "In", "President", "of", "Bank", "tax", "peace", "us"]
GLUE = [" ", " ", ", ", ". ", "'s ", "’s ", "-", " pro-", "\n", " (", ") ", '"']


def swap(text: str) -> str:
    return SWAPPER.swap(text).text


def test_both_directions_at_once() -> None:
    assert swap("Israel struck Iran.") == "Iran struck Israel."
    assert swap("Democrats blamed Republicans; Clinton blamed Trump.") == (
        "Republicans blamed Democrats; Trump blamed Clinton."
    )


def test_case_and_possessives_are_kept() -> None:
    assert swap("ISRAEL and Israel's army") == "IRAN and Iran's army"
    assert swap("The Zionist regime's crimes") == "The mullahs' regime's crimes"
    assert swap("the Democrats' plan") == "the Republicans' plan"


def test_longest_forms_first() -> None:
    assert swap("Hillary Clinton and Clinton") == "Donald Trump and Trump"
    assert swap("the Democratic Party and a Democrat") == "the Republican Party and a Republican"
    assert swap("Saudi Arabia and the Saudis") == "Turkey and the Turks"


def test_no_name_is_made_up() -> None:
    for text in (
        "Donald J. Trump",
        "the Bank of America",
        "the United States of America",
        "Israel Katz said so",
        "Bill Clinton spoke",
        "America First",
        "Michael Jordan played",
    ):
        assert swap(text) == text


def test_titles_and_sentence_openings_do_not_block_a_swap() -> None:
    assert swap("President Obama met Senator Clinton.") == "President Bush met Senator Trump."
    assert swap("In Israel, they agree.") == "In Iran, they agree."


def test_whole_words_only() -> None:
    assert swap("the Israelites and the Iranians, Americana") == "the Israelites and the Israelis, Americana"


texts = st.lists(
    st.tuples(st.sampled_from(FORMS + FILLERS), st.sampled_from(GLUE)), min_size=1, max_size=14
).map(lambda parts: "".join(w + g for w, g in parts))


def lower_case_form_opens_a_sentence(text: str) -> bool:
    """ "al-Qaeda" first in a sentence: its twin "ISIS" comes back capitalised, "Al-Qaeda"."""
    return re.search(r"(?:^|[.(\n\"]\s*)(?:al-Qaeda|the )", text) is not None


@settings(max_examples=150, deadline=None)
@given(texts)
def test_swapping_twice_gives_the_text_back(text: str) -> None:
    assume(not lower_case_form_opens_a_sentence(text))
    assert swap(swap(text)) == text


def test_a_sentence_keeps_its_capital() -> None:
    assert swap("Hamas won. ISIS lost.") == "Hezbollah won. Al-Qaeda lost."
    assert swap("Al-Qaeda lost.") == "ISIS lost."


@settings(max_examples=150, deadline=None)
@given(texts)
def test_replacements_and_offsets_stay_valid(text: str) -> None:
    s = SWAPPER.swap(text)
    pos = 0
    for r in s.replacements:
        assert r.start >= pos
        assert text[r.start : r.end] == r.original
        assert s.text[r.twin_start : r.twin_end] == r.replacement
        other = SWAPPER.table[r.original]
        assert r.replacement in (other, other[:1].upper() + other[1:])  # capitalised to open a sentence
        pos = r.end
    inside = {i for r in s.replacements for i in range(r.start + 1, r.end)}
    for i in range(len(text) + 1):
        j = s.to_twin(i)
        if i not in inside:
            assert s.to_original(j) == i
            if i < len(text) and i not in {r.start for r in s.replacements}:
                assert s.text[j] == text[i]


def test_the_table_is_data_with_each_name_once() -> None:
    kinds = {p.kind for p in PAIRS}
    assert {"state", "demonym", "party", "leader", "armed group"} <= kinds
    names = [n for p in PAIRS for n in (p.a, p.b)]
    assert len(names) == len(set(names))
    assert Pair("state", "Israel", "Iran") in PAIRS


def test_a_bad_table_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PodiumError) as err:
        parse_pairs("state\tIsrael\tIran\tIraq\n", "t.tsv")
    assert err.value.code == "E701"
    with pytest.raises(PodiumError) as err:
        parse_pairs("Israel\n", "t.tsv")
    assert err.value.code == "E701"
    with pytest.raises(PodiumError) as err:
        parse_pairs("state\tIsrael\tIran\nstate\tIran\tIraq\n", "t.tsv")
    assert err.value.code == "E702"
    with pytest.raises(PodiumError) as err:
        parse_pairs("x\tIsrael\tIsrael\n", "t.tsv")
    assert err.value.code == "E701"
    binary = tmp_path / "pairs.tsv"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(PodiumError) as err:
        read_pairs_file(binary)
    assert err.value.code == "E701"
    with pytest.raises(PodiumError) as err:
        read_pairs_file(tmp_path / "missing.tsv")
    assert err.value.code == "E001"
    (tmp_path / "empty.tsv").write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(PodiumError) as err:
        read_pairs_file(tmp_path / "empty.tsv")
    assert err.value.code == "E701"


def test_user_pairs_extend_and_replace_the_default(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("# mine\nstate\tIsrael\tEgypt\nMacron\tScholz\n", encoding="utf-8")
    pairs = merged(read_pairs_file(path))
    swapper = Swapper(pairs)
    assert swapper.swap("Israel, Iran, Macron, Egypt").text == "Egypt, Iran, Scholz, Israel"
    assert Pair("name", "Macron", "Scholz") in pairs


def test_a_name_after_an_owner_is_swapped() -> None:
    """Found by hypothesis: the possessive before the second name made it look like part of a longer name
    ("Michael Jordan"), so only the first was swapped and a second swap did not give the text back."""
    text = "Ali Khamenei pro-Saudi Arabia's Ali Khamenei "
    assert swap(text) == "Benjamin Netanyahu pro-Turkey's Benjamin Netanyahu "
    assert swap(swap(text)) == text
