"""Matching against a small archive (issue 15): a desk's own few dozen fact-checks.

    python benchmarks/small_archive.py

The re-ranker was trained against archives of thousands of fact-checks, where a check that is much
closer to a claim than every other check is good evidence. In a desk's own archive of a dozen checks on
unrelated subjects every check is far from the others, so a claim on the same subject as one of them (but
not the claim it checked) could look like a match. This prints, for an archive of 12 fact-checks written
for this benchmark, the best probability of 12 claims that restate one of them and of 12 claims on the
subject of one that no check states, and how many of each reach the default threshold. The restated
ones should; the others should not.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

#: (fact-check claim, a restatement of it, a claim on its subject that it does not check); written here
CASES = [
    ("The city's bus fleet doubled in size between 2015 and 2020.",
     "Since 2015 we have twice as many city buses as before, by 2020.",
     "Bus fares in the city are the highest in the region."),
    ("Teachers in the state earn less than the national average.",
     "Our teachers are paid below the national average wage for teachers.",
     "The state hired four thousand new teachers this year."),
    ("The river's pollution levels fell by half over the last decade.",
     "Over ten years the pollution in the river was cut in half.",
     "Fishing on the river was banned for three summers."),
    ("The new stadium cost taxpayers 600 million dollars.",
     "Taxpayers paid 600 million dollars for that new stadium.",
     "The stadium hosts forty concerts a year."),
    ("Violent crime in the capital is at a thirty-year low.",
     "The capital has the lowest violent crime rate in thirty years.",
     "The capital hired more police officers than any other city."),
    ("The governor vetoed the paid sick leave bill twice.",
     "Twice the governor vetoed paid sick leave.",
     "The governor signed a bill on school lunches."),
    ("Rents in the city rose 40 percent in five years.",
     "In five years rents here went up by forty percent.",
     "The city built two hundred new parks."),
    ("The minister's ministry spent more on consultants than on nurses.",
     "That ministry paid consultants more than it paid nurses.",
     "The ministry opened three new hospitals."),
    ("Wind power supplied a quarter of the country's electricity last year.",
     "Last year a quarter of our electricity came from wind.",
     "Solar panels are now on every new school roof."),
    ("The border wall has been finished for less than a tenth of its length.",
     "Less than ten percent of the border wall has been finished.",
     "Border crossings fell in the winter months."),
    ("The national debt grew faster under this government than under the last.",
     "This government has grown the debt faster than the previous one did.",
     "The central bank raised interest rates three times."),
    ("Half of the country's bridges are older than fifty years.",
     "Fifty percent of our bridges are more than half a century old.",
     "The country opened its longest tunnel in 2019."),
]  # fmt: skip


def main() -> int:
    from podium.factchecks.candidates import fetch_records
    from podium.factchecks.embedding import embed
    from podium.factchecks.fieldindex import fields_of
    from podium.factchecks.index import MatchIndex, lexical_text, vector_text
    from podium.factchecks.matcher import DEFAULT_THRESHOLD, Matcher, Query
    from podium.factchecks.records import FactCheck

    archive = [FactCheck(claim, "false") for claim, _, _ in CASES]
    ids = list(range(1, len(archive) + 1))
    vectors = embed([vector_text(r.claim_reviewed, r.title) for r in archive])
    texts = [lexical_text(r.claim_reviewed, r.title, r.text) for r in archive]
    matcher = Matcher(
        MatchIndex.build(ids, vectors, texts, [fields_of(r) for r in archive]), fetch_records([])
    )
    print(f"archive of {len(archive)} fact-checks written for this benchmark; threshold {DEFAULT_THRESHOLD}")
    passed = True
    for kind, column, want in (("restated", 1, True), ("same subject, not checked", 2, False)):
        ranked = matcher.rank([Query(case[column]) for case in CASES])
        best = [(found[0].score if found else 0.0, found[0].factcheck_id if found else 0) for found in ranked]
        right = [score >= DEFAULT_THRESHOLD and fid == i + 1 for i, (score, fid) in enumerate(best)]
        above = sum(score >= DEFAULT_THRESHOLD for score, _ in best)
        shown = ", ".join(f"{score:.2f}" for score, _ in best)
        if want:
            print(f"{kind}: {sum(right)}/{len(CASES)} find their check at ≥ {DEFAULT_THRESHOLD} ({shown})")
        else:
            print(f"{kind}: {above}/{len(CASES)} reach {DEFAULT_THRESHOLD} with some check ({shown})")
            passed &= above == 0
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
