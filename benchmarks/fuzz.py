"""A long fuzz campaign: many random hostile inputs through every reader, the analysers and every writer.

Usage: python benchmarks/fuzz.py [--cases 20000] [--seed 1] [--full-every 50] [--save DIR]

Each case (``tests/fuzz/cases.py``) is read, analysed with the cheap rule-based analysers (every
``--full-every``-th case with all analysers) and rendered, in this process. Prints the cases per reader,
the histogram of exit codes and of outcomes (ok, or the catalogue code), internal errors (a crash: any
other exception; or an output failing its format's check) with the input saved under ``--save``, the
peak memory and the slowest inputs. Exits 1 if there was an internal error.
"""

from __future__ import annotations

import argparse
import collections
import random
import resource
import sys
import tempfile
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from podium.errors import CATALOGUE  # noqa: E402
from podium.pipeline import Pipeline  # noqa: E402
from tests.fuzz.cases import READERS, make_case  # noqa: E402
from tests.fuzz.harness import cheap_pipeline, run_case  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--full-every", type=int, default=50, help="every N-th case runs all analysers")
    parser.add_argument("--save", type=Path, default=Path(tempfile.gettempdir()) / "podium-fuzz")
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args()

    import os

    os.environ.setdefault("PODIUM_HELPER", "0")
    cheap, full = cheap_pipeline(), Pipeline.from_names()
    rng = random.Random(args.seed)
    per_reader: collections.Counter[str] = collections.Counter()
    outcomes: collections.Counter[str] = collections.Counter()
    exits: collections.Counter[int] = collections.Counter()
    crashes: list[tuple[int, str, str]] = []
    slowest: list[tuple[float, int, str]] = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as workdir:
        for number in range(args.cases):
            case = make_case(rng, READERS[number % len(READERS)])
            per_reader[case.reader] += 1
            pipeline = full if args.full_every and number % args.full_every == 0 else cheap
            t0 = time.monotonic()
            try:
                outcome = run_case(case, pipeline, Path(workdir), args.timeout)
                exits[0 if outcome == "ok" else int(CATALOGUE[outcome][0])] += 1
            except Exception as err:  # an internal error is what the campaign looks for
                # an AssertionError is an output that failed its format's check; anything else is a crash
                kind = "INVALID OUTPUT" if isinstance(err, AssertionError) else "INTERNAL"
                outcome = f"{kind} {type(err).__name__}"
                exits[1] += 1
                crashes.append((number, case.describe(), traceback.format_exc(limit=-3)))
                args.save.mkdir(parents=True, exist_ok=True)
                (args.save / f"case-{args.seed}-{number}{case.suffix or '.stdin'}").write_bytes(case.data)
                (args.save / f"case-{args.seed}-{number}.txt").write_text(
                    f"{case.describe()}\n{crashes[-1][2]}", errors="backslashreplace"
                )
            elapsed = time.monotonic() - t0
            outcomes[outcome] += 1
            slowest = sorted([*slowest, (elapsed, number, case.describe())], reverse=True)[:5]
            if (number + 1) % 1000 == 0:
                print(f"... {number + 1} cases, {len(crashes)} internal errors", file=sys.stderr, flush=True)
    total = time.monotonic() - started

    print(f"cases: {args.cases} in {total:.0f} s ({args.cases / total:.1f}/s), seed {args.seed}")
    print("cases per reader: " + ", ".join(f"{r} {per_reader[r]}" for r in READERS))
    print("exit codes: " + ", ".join(f"{code}: {n}" for code, n in sorted(exits.items())))
    print("outcomes: " + ", ".join(f"{o} {n}" for o, n in outcomes.most_common()))
    invalid = sum(n for o, n in outcomes.items() if o.startswith("INVALID"))
    print(f"internal errors: {len(crashes)} ({len(crashes) - invalid} crashes, {invalid} invalid outputs)")
    for number, description, trace in crashes[:20]:
        print(f"  case {number}: {description[:200]}\n    " + trace.strip().splitlines()[-1][:300])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")
    print("slowest inputs:")
    for elapsed, number, description in slowest:
        print(f"  {elapsed:.2f} s  case {number}: {description[:160]}")
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
