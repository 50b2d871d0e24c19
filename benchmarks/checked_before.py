"""What `--factchecks` adds to an analysis when the database holds 100,000 fact-checks (issue 15).

    python benchmarks/checked_before.py --data ../shared/data [--size 100000] [--sample FILE] [--keep DIR]

Builds an SQLite corpus database of ``--size`` fact-checks: the 19,250 PolitiFact fact-checks of
CheckThat! 2022 Task 2B repeated (each copy with its own URL, a random tenth of its article's words
dropped, articles cut to the 3,000 characters matching ever reads) and their vectors in
``factcheck_vectors`` blocks: the static encoder's vectors when matching uses it (made here in seconds);
with MiniLM, its real vectors when ``benchmarks/matching.py`` has cached them in /tmp/podium-match-cache,
random unit vectors otherwise (said so: the timing is the same, the matches are not meaningful); copies
jittered and renormalised.

Then it times, as ``podium analyze --factchecks`` meets them: building the index from the database (a cold
cache), opening the checker in a new process-like state (the index memory-mapped from its cache, the
re-ranker loaded), and ``Checker.check`` of the Syria sample (``../shared/samples/speech-syria-2024-12
.txt``, else the bundled sample), analysed once beforehand — the claims embedded, retrieved, their
candidates read from the database, re-ranked — fastest and median of 3 fresh checkers, with the share
spent embedding the claims. The load average is printed with the numbers.

First it runs the **date probe** (``--probe-only`` runs nothing else): claims written for this probe that
restate twelve PolitiFact fact-checks in a speaker's words are matched against the 19,250 real ones with
the shipped re-ranker, the speech dated the day of the check, a year after it, and not at all: the
check must reach the default threshold all three ways (a restated claim checked on another day, or a
speech without a date, is as much a match). Then twelve claims on the same subjects that no check states,
each dated the day of a check on its subject: no fact-check of that day may reach the threshold. Last, a
look at the sample speech's claims against the same archive (how many reach the threshold, the best
scores): a look-see, never a training set.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

ARCHIVE = Path("ct2022-t2b") / "politifact-vclaims.jsonl.gz"
SEED = 15


def build(db: str, data: Path, size: int) -> str:
    """The synthetic archive in ``db``; returns where its vectors came from."""
    from sqlalchemy import insert

    from podium.corpus import Corpus
    from podium.corpus import schema as t
    from podium.corpus.factcheck_store import fact_row
    from podium.corpus.factcheck_vectors import append_block
    from podium.factchecks import read_path
    from podium.factchecks.candidates import TEXT_CHARS
    from podium.factchecks.embedding import DIM, MODEL
    from podium.factchecks.matchdata import CACHE

    records = read_path(data / ARCHIVE).imported
    base, origin = _cached_vectors([r.claim_reviewed for r in records], CACHE)
    rng = np.random.default_rng(SEED)
    if base is None:
        base = rng.normal(size=(len(records), DIM)).astype(np.float32)
        origin = "random unit vectors (no cached MiniLM vectors: the matches mean nothing, the timing holds)"
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    now = datetime.now(UTC)
    with Corpus(db) as store:
        for start in range(0, size, 5000):
            rows, ids = [], list(range(start + 1, min(start + 5000, size) + 1))
            for i in ids:
                copy, record = divmod(i - 1, len(records))
                r = records[record]
                row = fact_row(r, str(data / ARCHIVE), now)
                text = (r.text or "")[: TEXT_CHARS + 500]
                if copy:
                    text = " ".join(w for w in text.split() if rng.random() > 0.1)
                row.update(id=i, key=f"{row['key']}#copy{copy}", text=text[:TEXT_CHARS])
                rows.append(row)
            vectors = np.stack([base[(i - 1) % len(records)] for i in ids])
            if start >= len(records):
                vectors = vectors + rng.normal(0, 0.02, vectors.shape).astype(np.float32)
                vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
            with store.writing() as conn:
                conn.execute(insert(t.factchecks), rows)
                append_block(conn, ids, vectors, MODEL)
    return origin


def _cached_vectors(texts: list[str], cache: Path) -> tuple[np.ndarray | None, str]:
    import hashlib

    from podium.factchecks.embedding import MODEL, STATIC, embed

    if MODEL == STATIC:  # a table look-up: made here in seconds
        return embed(texts), f"vectors of the static encoder ({MODEL})"

    digest = hashlib.sha256(MODEL.encode())
    for text in texts:
        digest.update(text.encode("utf-8", "surrogatepass") + b"\x1f")
    path = cache / f"{digest.hexdigest()[:32]}.npy"
    if path.exists():
        return np.load(path).astype(np.float32), f"MiniLM vectors cached by benchmarks/matching.py ({path})"
    return None, ""


#: (a claim as a speaker might restate it, words of the PolitiFact check it restates); written for this probe
RESTATED = [
    ("Across Missouri our bridges average 48 years of age, and most were only built to last fifty years.",
     "The average bridge in Missouri is 48 years old"),
    ("Not since 1888 has a Senate of the other party confirmed a president's nominee to the Supreme Court.",
     "since 1888 that a Senate"),
    ("Every child born in America today inherits a $45,000 share of a debt almost as big as our economy.",
     "inherits a $45,000 share"),
    ("This cap-and-trade bill would cost two million American jobs.", "cap-and-trade bill will mean"),
    ("The Democrats who run the Senate have gone more than a thousand days without passing a budget.",
     "hasn't passed a budget in more than 1,000 days"),
    ("This coronavirus pandemic started because people eat animals.",
     "COVID-19 started because we eat animals"),
    ("Virginia saved $300 million by rebidding the Metrorail work without guaranteed union contracts.",
     "rebidding a Metrorail"),
    ("We keep seeing people who try to vote five or six times in a single day.",
     "vote five, six times a day"),
    ("The law says the money paid back from TARP must go to reducing the public debt.",
     "The monies recouped from the TARP"),
    ("ABC would not even air ads that opposed the president's health care plan.",
     "ABC didn't even allow ads"),
    ("Ranked-choice voting raises turnout and gets more voters engaged.", "Ranked-choice voting"),
    ("Phone companies will no longer have to offer landline service where a wireless provider exists.",
     "landline service"),
]  # fmt: skip
#: (a claim on the subject of a check that no check states, words of that check: the claim gets its day)
UNRELATED = [
    ("Missouri will spend 300 million dollars fixing its rural roads next year.",
     "The average bridge in Missouri is 48 years old"),
    ("The Senate held more hearings on judges this spring than in any spring since 1950.",
     "since 1888 that a Senate"),
    ("Our state paid off two billion dollars of its own bonds ahead of schedule.",
     "inherits a $45,000 share"),
    ("Solar panels on every school roof would halve our schools' electricity bills.",
     "cap-and-trade bill will mean"),
    ("The House passed all twelve spending bills before the August recess.",
     "hasn't passed a budget in more than 1,000 days"),
    ("Hospitals in our state have twice as many intensive care beds as in 2010.",
     "COVID-19 started because we eat animals"),
    ("Commuters in Northern Virginia lose eighty hours a year in traffic.", "rebidding a Metrorail"),
    ("Turnout in the last midterm election was the lowest in seventy years.", "vote five, six times a day"),
    ("The bank bailout was the biggest transfer of wealth in our history.",
     "The monies recouped from the TARP"),
    ("NBC gave the president's critics three times less airtime than his allies.",
     "ABC didn't even allow ads"),
    ("Mail ballots took three weeks to count in the last city election.", "Ranked-choice voting"),
    ("Rural counties pay twice as much for broadband as the cities do.", "landline service"),
]  # fmt: skip
PROBE_SPEAKER = "Jordan Vale"  # a speaker who is no claimant of these checks


def date_probe(data: Path, sample: Path | None = None) -> bool:
    """Print the date probe (module docstring); True when every restated claim reaches the threshold on
    every date and no unrelated claim's same-day fact-check does."""
    from datetime import date, timedelta

    from podium.factchecks import read_path
    from podium.factchecks.candidates import fetch_records
    from podium.factchecks.fieldindex import fields_of
    from podium.factchecks.index import MatchIndex, lexical_text, vector_text
    from podium.factchecks.matchdata import cached_embed
    from podium.factchecks.matcher import DEFAULT_THRESHOLD, Matcher, Query
    from podium.factchecks.textbits import day_number

    records = read_path(data / ARCHIVE).imported
    vectors = cached_embed([vector_text(r.claim_reviewed, r.title) for r in records])
    texts = [lexical_text(r.claim_reviewed, r.title, r.text) for r in records]
    index = MatchIndex.build(range(len(records)), vectors, texts, [fields_of(r) for r in records])
    matcher = Matcher(index, fetch_records(records))

    def row(words: str) -> int:
        return next(i for i, r in enumerate(records) if words in r.claim_reviewed)

    def day(i: int) -> str:
        return str(records[i].claim_date or records[i].date)[:10]

    print(f"date probe     {len(records):,} PolitiFact fact-checks, threshold {DEFAULT_THRESHOLD}; "
          "score of the restated check with the speech dated that day / a year after / undated")  # fmt: skip
    low = 0
    for text, words in RESTATED:
        target = row(words)
        later = (date.fromisoformat(day(target)) + timedelta(days=365)).isoformat()
        found = []
        for when in (day(target), later, None):
            (ranked,) = matcher.rank([Query(text, speaker=PROBE_SPEAKER, date=when)])
            found.append(next((m.score for m in ranked if m.factcheck_id == target), 0.0))
        low += any(s < DEFAULT_THRESHOLD for s in found)
        print("  " + " / ".join(f"{s:.2f}" for s in found) + f"  {text[:70]}")
    same_day = 0
    print("  unrelated claims dated the day of a check on their subject: best same-day fact-check")
    for text, words in UNRELATED:
        when = day(row(words))
        (ranked,) = matcher.rank([Query(text, speaker=PROBE_SPEAKER, date=when)])
        days = index.fields.days if index.fields is not None else None
        that_day = [m for m in ranked if days is not None and days[m.factcheck_id] == day_number(when)]
        best = max((m.score for m in that_day), default=0.0)
        same_day += best >= DEFAULT_THRESHOLD
        print(f"  {best:.2f} ({len(that_day)} of that day retrieved)  {text[:70]}")
    if sample is not None and sample.exists():  # a look at a real speech (never trained on)
        from podium.analyze import analyze
        from podium.corpus.checked_before import queries

        found = [r[0].score if r else 0.0 for r in matcher.rank(queries(analyze(str(sample))))]
        best = ", ".join(f"{h:.2f}" for h in sorted(found, reverse=True)[:5])
        print(f"  {sample.name} against the same archive: {sum(f >= DEFAULT_THRESHOLD for f in found)} of "
              f"{len(found)} claims with a check ≥ {DEFAULT_THRESHOLD}; best {best}")  # fmt: skip
    ok = low == 0 and same_day == 0
    t = DEFAULT_THRESHOLD
    print(f"date probe     {len(RESTATED) - low}/{len(RESTATED)} restated claims ≥ {t} on every date; "
          f"{same_day}/{len(UNRELATED)} unrelated claims with a same-day check ≥ {t}: "
          f"{'passed' if ok else 'FAILED'}")  # fmt: skip
    return ok


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--sample", type=Path, help="The speech to analyse (default: the Syria sample).")
    parser.add_argument("--keep", type=Path, help="Build the database in this folder and keep it (reused).")
    parser.add_argument("--probe-only", action="store_true", help="Run the date probe only.")
    parser.add_argument(
        "--model",
        help="Sentence model to use instead of podium's (all-MiniLM-L6-v2/static-distilled/1: the "
        "static encoder, once training/train_static_encoder.py has written it).",
    )
    args = parser.parse_args(argv)
    if args.model:  # before any module reads the name
        from podium.factchecks import embedding

        if args.model not in embedding.MODELS:
            sys.exit(f"unknown sentence model {args.model!r}; known: {', '.join(embedding.MODELS)}")
        embedding.MODEL = args.model
    if not (args.data / ARCHIVE).exists():
        sys.exit(f"{args.data / ARCHIVE} not found: give --data the folder holding ct2022-t2b/")
    sample = args.sample or ROOT.parent / "shared" / "samples" / "speech-syria-2024-12.txt"
    passed = date_probe(args.data, sample)
    if args.probe_only:
        sys.exit(0 if passed else 1)
    if not sample.exists():
        sample = ROOT / "samples" / "speech-harbor-accord.txt"

    from podium.analyze import analyze
    from podium.corpus import Corpus
    from podium.corpus.checked_before import Checker, queries
    from podium.factchecks.embedding import embed
    from podium.factchecks.matcher import DEFAULT_THRESHOLD, context_text, query_text

    load_before = os.getloadavg()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="podium-checked-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = str(folder / f"factchecks-{args.size}.db")
    try:
        origin = "reused"
        t = time.perf_counter()
        if not Path(db).exists():
            origin = build(db, args.data, args.size)
        build_s = time.perf_counter() - t
        shutil.rmtree(folder / f"factchecks-{args.size}.db.factchecks-index", ignore_errors=True)
        with Corpus(db) as store:
            t = time.perf_counter()
            index = store.factcheck_index()
            index_s = time.perf_counter() - t
        doc = analyze(str(sample))
        wanted = queries(doc)
        embed(["warm-up"])
        opens, checks = [], []
        for _ in range(3):
            t = time.perf_counter()
            store = Corpus(db)
            checker = Checker(store)  # the default threshold, as `podium analyze --factchecks` runs
            opens.append(time.perf_counter() - t)
            for claim in doc.claims:
                claim.matches = None
            t = time.perf_counter()
            checker.check(doc)
            checks.append(time.perf_counter() - t)
            store.close()
        matched = sum(1 for c in doc.claims if any(m["score"] >= DEFAULT_THRESHOLD for m in c.matches or []))
        with Corpus(db) as store:
            matcher = store.matcher()
            passing = list(wanted)
            if matcher.gate is not None:  # the claims the gate lets through are the ones embedded
                texts = [query_text(q) for q in wanted]
                ok = matcher.gate.passes(matcher.index, wanted, texts, [context_text(q) for q in wanted])
                passing = [q for q, keep in zip(wanted, ok, strict=True) if keep]
            t = time.perf_counter()
            matcher.embed_queries(passing)  # what check(doc) embeds: those claims and their contexts
            embed_s = time.perf_counter() - t
            best = sorted(  # every claim's best score, the gate aside (not timed)
                (max((m.score for m in found), default=0.0) for found in matcher.rank(wanted)), reverse=True
            )
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    load_after = os.getloadavg()
    print(f"archive        {len(index):,} fact-checks in SQLite ({origin}; built in {build_s:.0f} s)")
    print(f"index build    {index_s:7.1f} s   from the database, cold cache")
    print(f"sample         {sample.name}: {len(doc.claims)} claims, {matched} with a match "
          f"≥ {DEFAULT_THRESHOLD}; best scores {', '.join(f'{b:.2f}' for b in best[:5])}")  # fmt: skip
    print(f"open checker   {min(opens):7.3f} s   fastest of 3 (median {statistics.median(opens):.3f} s): "
          "index memory-mapped from its cache, re-ranker loaded")  # fmt: skip
    print(f"check(doc)     {min(checks):7.3f} s   fastest of 3 (median {statistics.median(checks):.3f} s): "
          "embed, retrieve, read candidates, re-rank")  # fmt: skip
    gate = f"{len(passing)} of {len(wanted)} claims passed the lexical gate"
    print(f"  embedding    {embed_s:7.3f} s   {gate}: them and their contexts, measured apart")
    print(f"  the rest     {max(0.0, min(checks) - embed_s):7.3f} s   retrieval, database reads, re-ranking")
    added = min(opens) + min(checks)
    print(f"added          {added:7.3f} s   to `podium analyze` (open + check)")
    loads = f"{load_before[0]:.2f} before, {load_after[0]:.2f} after (1 min)"
    print(f"load average   {loads}, {os.cpu_count()} cores")
    print("command        python " + shlex.join(["benchmarks/checked_before.py", *sys.argv[1:]]))


if __name__ == "__main__":
    main()
