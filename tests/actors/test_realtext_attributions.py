"""Attributions as real transcripts and news articles write them (issue 19, real-text dev classes): the
speaker reporting their own earlier words, "as you know", a speaker named after a quotation, a participle
whose subject opens the sentence, "tried to claim", a bracketed party tag, a headline quoting its speaker.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from podium.anatomy.attributions import find_attributions


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(h.label, h.attrs["source"], h.attrs["cue"]) for h in find_attributions(text)]


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("When I toured the mills, I said we would rebuild the dam.", "I", "said"),
        ("I told the ambassador we would not sign it.", "I", "told"),
        ("And I've made it very plain to them, we want no new bases.", "I", "made it very plain"),
        ("We warned that the harbour would flood.", "We", "warned"),
    ],
)
def test_own_earlier_words(text: str, source: str, cue: str) -> None:
    (hit,) = find_attributions(text)
    assert (hit.label, hit.attrs["source"], hit.attrs["cue"]) == ("attribution", source, cue)
    assert hit.attrs["own_words"] is True


@pytest.mark.parametrize(
    "text",
    [
        "I will say that the port must reopen.",
        "As I said before, the valley needs water.",
        "I have said on many occasions exactly what I think of the plan.",
        "Did I say that the mill would close?",
        "I'm glad you asked that question about the mill.",
        "We must stand against those who threaten us with ruin.",
    ],
)
def test_no_report(text: str) -> None:
    assert [f for f in _found(text) if f[0] == "attribution"] == []


def test_as_you_know_is_unsourced_evidence() -> None:
    assert _found("The treaty, as you know, was signed in the spring.") == [("unsourced", "you", "know")]


def test_we_know_with_a_clause_is_unsourced_evidence() -> None:
    assert _found("We know it burned three villages last winter.") == [("unsourced", "We", "know")]


def test_speaker_named_after_the_quotation() -> None:
    text = "“The mill will stay open,” added Okafor, who chairs the board."
    assert ("attribution", "Okafor", "added") in _found(text)
    assert ("attribution", "Okafor", "scolded") in _found("“That is no answer at all,” Okafor scolded.")


def test_participle_takes_the_sentence_subject() -> None:
    text = "Governor Lina Brask (D-Vt.) sent a letter to the board, saying the audit was late."
    assert ("attribution", "Governor Lina Brask", "saying") in _found(text)
    assert ("attribution", "Brask", "claiming") in _found(
        "But Brask remains firm, claiming the audit is late."
    )


def test_participle_after_a_report_takes_its_source() -> None:
    text = "“The dam is failing,” a senior engineer told reporters, adding “It may not last the winter.”"
    sources = {(cue, src) for _, src, cue in _found(text)}
    assert sources == {("told reporters", "a senior engineer"), ("adding", "a senior engineer")}


def test_source_before_tried_to_and_a_party_tag() -> None:
    assert ("attribution", "The mayor", "claim") in _found(
        "The mayor originally tried to claim that the rail was safe."
    )
    assert ("attribution", "Rep. Tom Hale", "told") in _found(
        "The fund is empty, Rep. Tom Hale, (R-Ohio) told the paper."
    )


def test_headline_quoting_its_speaker() -> None:
    text = "Finance Minister: ‘The budget will hold’"
    (hit,) = find_attributions(text)
    assert (hit.attrs["source"], hit.attrs["cue"]) == ("Finance Minister", ":")
    s, e = hit.attrs["content_span"]
    assert text[s:e] == "The budget will hold"
    assert find_attributions("MR. HALE: ‘Thank you’") == []


def test_described_as_and_a_capitalised_ly_word() -> None:
    assert ("attribution", "you", "described") in _found(
        "Senator, you have often described the pact as a trap."
    )
    assert ("attribution", "The Weekly Courier report", "continued") in _found(
        "The Weekly Courier report continued:"
    )


def test_a_report_named_with_its_author() -> None:
    assert ("attribution", "Reuters", "reporting") in _found(
        "Prior reporting by Reuters that the mill shut was wrong."
    )
    assert ("attribution", "the Audit Office", "report") in _found(
        "A new report by the Audit Office that the fund is empty alarmed the council."
    )
    assert _found("A study by Harvard University that was published in May is cited.") == []


@pytest.mark.parametrize(
    ("text", "sourced"),
    [
        ("A Daily Courier report said the mill would close.", True),
        ("The Harbour Authority's sources said the dock was sold.", True),
        ("Reports said the mill would close.", False),
        ("According to estimates, the town will double in size.", False),
        ("A simple search reveals that the firm is his.", False),
    ],
)
def test_a_name_makes_a_vague_source_checkable(text: str, sourced: bool) -> None:
    (hit,) = find_attributions(text)
    assert hit.attrs["sourced"] is sourced


def _with_content(text: str) -> list[tuple[str, str, str]]:
    return [
        (h.attrs["source"], h.attrs["cue"], text[h.attrs["content_span"][0] : h.attrs["content_span"][1]])
        for h in find_attributions(text)
    ]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The harbour board rejected the plan and said the cranes were too old.", "The harbour board"),
        ("Mayor Ana Ruiz, meanwhile, said the dock would reopen.", "Mayor Ana Ruiz"),
        ("The ministry, in a statement on Monday, said the talks had failed.", "The ministry"),
        ("On Monday the minister said the talks had failed.", "the minister"),
        ("In the end the head of the agency said the dock was sold.", "the head of the agency"),
    ],
)
def test_the_source_of_news_grammar(text: str, source: str) -> None:
    assert [s for s, _, _ in _with_content(text)] == [source]


def test_a_first_verb_in_a_clause_of_its_own_lends_no_source() -> None:
    assert _found("After the talks ended, the minister met the envoy and said the deal was off.") == []


def test_a_quotation_before_a_short_source_is_the_content_whatever_follows_the_cue() -> None:
    text = "“The port will reopen in May,” the board wrote on Monday."
    assert _with_content(text) == [("the board", "wrote", "“The port will reopen in May,”")]
    assert _found("The mullahs do not ask “how high” when they say “jump.”") == [
        ("attribution", "they", "say")
    ]


def test_the_signed_treaty_aside_is_no_aside() -> None:
    assert _found("The Treaty of 1920, signed in haste, established that the border runs north.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The governor tweeted that the bridge would reopen.", [("attribution", "The governor", "tweeted")]),
        ("The senator asserted that the vote was rigged.", [("attribution", "The senator", "asserted")]),
        ("She posted on Facebook that the ban was unjust.", [("attribution", "She", "posted")]),
        ("The judge pointed out that the law was clear.", [("attribution", "The judge", "pointed")]),
        (
            "The minister responded that the figures were wrong.",
            [("attribution", "The minister", "responded")],
        ),
        ("The governor tweeted a photo of the bridge.", []),
        ("His tweets that mocked the mayor were deleted.", []),
        ("In a Facebook post that was later deleted, she attacked the mayor.", []),
        ("The army responded to the attack.", []),
    ],
)
def test_news_speech_verbs(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("A researcher with the group, Ana Ruiz, said the dock was sold.", "Ana Ruiz"),
        ("Tom Hale, chairman of the harbour board, said the dock was sold.", "Tom Hale"),
        ("The board’s spokesman, John D. Smith, told reporters that the dock was sold.", "John D. Smith"),
    ],
)
def test_an_appositive_before_the_cue(text: str, source: str) -> None:
    assert [s for s, _, _ in _with_content(text)] == [source]


def test_a_participle_after_a_clause_is_no_appositive() -> None:
    text = "Meanwhile, Mayor Ruiz kept criticising the board in posts, saying the dock was sold cheaply."
    assert [s for s, _, _ in _with_content(text)] == ["Mayor Ruiz"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The bishop will meet Tom Cruz, who said he hopes to be heard.", "Tom Cruz"),
        (
            "Rabbi Ana Ruiz, co-chair for Norland of the Centre for Ports and Harbours, said it was safe.",
            "Rabbi Ana Ruiz",
        ),
        ("The mayor rejected the plan but has also said that the dock must close.", "The mayor"),
    ],
)
def test_relative_and_long_appositive_and_but_sources(text: str, source: str) -> None:
    assert [s for s, _, _ in _with_content(text)] == [source]


def test_a_relative_clause_inside_the_subject_is_no_report_of_it() -> None:
    assert _found("The minister, who said nothing, left.") == []


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        ("The port authority chief on Wednesday said the dock would reopen.", ["The port authority chief"]),
        (
            "Two members of the Harbour Watch, Ana Ruiz and Tom Hale, pointed out that the dock was sold.",
            ["Ana Ruiz and Tom Hale"],
        ),
        ("No thanks to the mayor of Orleburg, who tried to warn the town of the raids.", []),
        ("Even Tom Hale, in a rare show of doubt, has dropped his plan and now declares that it failed.", []),
    ],
)
def test_sources_that_news_sentences_hide(text: str, sources: list[str]) -> None:
    assert [s for s, _, _ in _with_content(text)] == sources


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Above the photo, Ana Ruiz wrote in Norlandic, “The dock is ours.”",
            [("Ana Ruiz", "wrote", "“The dock is ours.”")],
        ),
        (
            "“The delay raised questions,” Ana Ruiz and Tom Hale wrote on Monday.",
            [("Ana Ruiz and Tom Hale", "wrote", "“The delay raised questions,”")],
        ),
        ("The mayor added ten ships, “the best ever,” to the fleet.", []),
    ],
)
def test_reports_a_news_story_strings_together(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _with_content(text) == expected


def test_a_second_report_after_but_keeps_the_first_ones_source() -> None:
    found = _with_content("Tom Hale has admitted to closing the dock, but says it was an accident.")
    assert found == [
        ("Tom Hale", "admitted", "to closing the dock"),
        ("Tom Hale", "says", "it was an accident"),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [  # people are a source, however vague; evidence that names no one is none
        ("Scientists say the glacier will be gone by 2050.", ("attribution", "Scientists", "say")),
        ("Experts say the dam needs repairs.", ("attribution", "Experts", "say")),
        ("Recent data shows a sharp rise in cases.", ("unsourced", "Recent data", "shows")),
        ("Studies show the vaccine works.", ("unsourced", "Studies", "show")),
        ("The study said the lake is drying out.", ("attribution", "The study", "said")),
        ("Pentagon figures show a rise in recruits.", ("attribution", "Pentagon figures", "show")),
    ],
)
def test_vague_people_and_evidence_of_no_one(text: str, found: tuple[str, str, str]) -> None:
    assert _found(text) == [found]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("It is believed that the fire began in the kitchen.", "is believed"),
        ("The rebels are thought to hold the northern pass.", "are thought"),
        ("The outbreak is expected to last until April.", "is expected"),
        ("It has been shown that the drug is safe.", "has been shown"),
    ],
)
def test_a_passive_of_belief_names_no_source(text: str, cue: str) -> None:
    assert _found(text) == [("unsourced", "", cue)]


@pytest.mark.parametrize(
    "text", ["The minister was expected at noon.", "It is not believed that anyone was hurt."]
)
def test_no_passive_attribution_without_its_clause(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The ministry issued a stark warning that the dam could burst.",
            [("The ministry", "issued a stark warning")],
        ),
        ("He issued a warning to residents that the dam could burst.", [("He", "issued a warning")]),
        ("Dana Holt, the mayor, has sent a chilling warning to the council.", []),  # no content: no report
        ("Holt posted the warning online on Saturday, writing that the dam was safe.", [("Holt", "writing")]),
        (
            "Ross hit Mayor Holt, who on Saturday night released an urgent warning that the dam may burst.",
            [],
        ),
    ],
)
def test_a_warning_issued_is_its_issuers_report(text: str, found: list[tuple[str, str]]) -> None:
    hits = [(h.attrs["source"], h.attrs["cue"]) for h in find_attributions(text)]
    assert [hit for hit in hits if hit[1] != "released an urgent warning"] == found
    if "released" in text:
        assert ("Mayor Holt", "released an urgent warning") in hits


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        (
            "The charge followed protests by the Hale Foundation, which said that it was a cover-up.",
            "Hale Foundation",
            "said",
        ),
        (
            "The bill passed after a push by Senator Ana Holt, who said that it would save lives.",
            "Senator Ana Holt",
            "said",
        ),
        (
            "The suspect was not responsible, a second evaluation has determined, contradicting the first.",
            "a second evaluation",
            "determined",
        ),
    ],
)
def test_sources_named_before_a_relative_or_after_the_content(text: str, source: str, cue: str) -> None:
    assert [(h.attrs["source"], h.attrs["cue"]) for h in find_attributions(text)][:1] == [(source, cue)]


def test_a_report_before_a_participle_keeps_the_content_before_it() -> None:
    text = "The dam is safe, the minister said, adding that repairs would start soon."
    said, adding = find_attributions(text)
    assert text[slice(*said.attrs["content_span"])] == "The dam is safe"
    assert text[slice(*adding.attrs["content_span"])] == "repairs would start soon"
    (hit,) = find_attributions("The minister said, speaking on Monday, that repairs would start.")
    assert hit.attrs["source"] == "The minister"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A local farmer who backs the mayor says he was pushed out of the queue.",
            [("attribution", "A local farmer", "says")],
        ),
        (
            "The clerk is heard saying on the tape that the office was closed.",
            [("attribution", "The clerk", "saying")],
        ),
        (
            "Mara Quill, the 40-year-old nurse who says she saw the crash, told KTVL that the van was fast.",
            [("attribution", "Mara Quill", "says"), ("attribution", "Mara Quill", "told")],
        ),
        (
            '"We have closed the office," the Harbour Bar posted on its website.',
            [("attribution", "the Harbour Bar", "posted")],
        ),
        ('"It is a real danger," Quill continued.', [("attribution", "Quill", "continued")]),
        (
            "Nine died, according to the WHO and the Dutch government.",
            [
                ("attribution", "the WHO", "according to"),
                ("attribution", "the Dutch government", "according to"),
            ],
        ),
        (
            "It rose, according to the Department of Health and Human Services.",
            [("attribution", "the Department of Health and Human Services", "according to")],
        ),
    ],
)
def test_the_subject_past_a_relative_clause_a_perception_verb_and_an_appositive(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He continued to work there after the flood.",
        "Mara Quill, the nurse on duty, told KTVL.",
        "The guards posted a notice on the gate.",
    ],
)
def test_no_teller_after_told_and_no_report_without_a_quotation(text: str) -> None:
    assert [h for h in _found(text) if h[1] == "KTVL" or h[2] in ("continued", "posted")] == []


def test_the_teller_before_a_relative_clause_and_what_follows_the_colon() -> None:
    text = 'Hunter, who studies floods at the institute, told the Daily Star: "The dikes will hold."'
    (hit,) = find_attributions(text)
    assert (hit.attrs["source"], hit.attrs["cue"]) == ("Hunter", "told")
    assert text[slice(*hit.attrs["content_span"])] == '"The dikes will hold."'


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        (
            "The study, whose results were published in a journal, said the Sun is likely to cool.",
            "The study",
            "said",
        ),
        (
            "The report, which the ministry published on Monday, shows that prices rose.",
            "The report",
            "shows",
        ),
    ],
)
def test_a_relative_clause_between_commas_is_passed_over(text: str, source: str, cue: str) -> None:
    assert ("attribution", source, cue) in _found(text)


def test_what_was_said_after_the_cue_is_no_source_named_after_it() -> None:
    assert [
        h
        for h in _found("Its report, in the spring, said the harbour is too shallow.")
        if h[1] == "the harbour"
    ] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials at the hospital say the main reason is fear.",
            ("attribution", "Officials at the hospital", "say"),
        ),
        (
            "A joint statement from five campus groups says the report is biased.",
            ("attribution", "A joint statement from five campus groups", "says"),
        ),
        (
            "The illnesses reported by diplomats in Havana are thought to be an attack.",
            ("attribution", "diplomats in Havana", "reported"),
        ),
        ("God tells us in the Quran to be patient.", ("attribution", "God", "tells us")),
    ],
)
def test_sources_with_a_postmodifier_or_after_by(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Take note that he means the ground floor.",
        "The government has told citizens to pause the tradition.",
        "It has had no other reported cases of the illness.",
        "The arrests came despite a press release tweeted by the mayor.",
    ],
)
def test_asides_instructions_and_adjectives_report_nothing(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The outbreak has so far claimed at least 165 lives.",
        "With no sunspots reported in 96 days, the sun is going dark.",
        "Do not count on these comments to get reported either.",
        "Police found two cases, some involving alleged domestic violence.",
        "Migrants must follow other rules unveiled on Thursday that limit claims.",
        "The agency acted despite repeatedly telling Congress it had no plans.",
    ],
)
def test_deaths_participles_adjectives_and_nouns_are_no_reports(text: str) -> None:
    assert [h for h in _found(text) if h[0] == "attribution"] == []


def test_a_participle_before_a_time_phrase_still_reports_with_that() -> None:
    assert ("attribution", "The court", "ruled") in _found(
        "The court ruled in July that the occupation is illegal."
    )
