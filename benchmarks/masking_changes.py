"""How much the one masking rule (``podium.masking``) changes what the shipped models see, against the old.

Usage: python benchmarks/masking_changes.py --data ../shared/data --before GITREF [--examples 8]

Reads the two maskers of ``GITREF`` (``podium/checkworthy/masking.py`` and ``podium/techniques/masking.py``,
which imported nothing else then) with ``git show``, and masks every training sentence both ways with the
shipped common-word lists: the check-worthiness model's CheckThat! 2019 and 2020 lines and ClaimBuster
sentences, the technique model's PTC article lines. Prints the count and share of sentences whose masked
text changed, and a few examples of each (fixed seed). Decides nothing: a small share confined to the
forms the rule was changed for means a shipped model stays valid; a larger one means retraining.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import numpy as np

REPO = Path(__file__).resolve().parent.parent


def old_module(ref: str, path: str, folder: Path) -> ModuleType:
    command = ["git", "-C", str(REPO), "show", f"{ref}:{path}"]
    source = subprocess.run(command, check=True, capture_output=True)
    file = folder / path.replace("/", "_")
    file.write_bytes(source.stdout)
    spec = importlib.util.spec_from_file_location(file.stem, file)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[file.stem] = module
    spec.loader.exec_module(module)
    return module


def checkthat_lines(data: Path) -> list[str]:
    files = sorted((data / "checkthat2019-t1" / "train").glob("*.tsv"))
    files += sorted((data / "ct2020-t5" / "train").glob("*.tsv"))
    lines = []
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 3:
                lines.append(parts[2])
    return lines


def report(name: str, texts: list[str], old: Callable[[str], str], new: Callable[[str], str], n: int) -> None:
    changed = [(t, old(t), new(t)) for t in texts]
    changed = [c for c in changed if c[1] != c[2]]
    share = 100 * len(changed) / max(len(texts), 1)
    print(f"{name}: {len(changed)} of {len(texts)} sentences mask differently ({share:.2f}%)")
    for text, before, after in random.Random(1).sample(changed, min(n, len(changed))):
        print(f"    {text[:110]!r}\n      before: {before[:110]}\n      after:  {after[:110]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--before", required=True, help="a git ref with the old maskers")
    parser.add_argument("--examples", type=int, default=8)
    args = parser.parse_args()
    from podium.checkworthy import masking as cw
    from podium.checkworthy.data import load_claimbuster
    from podium.checkworthy.model import MODEL_DIR
    from podium.techniques import masking as tq
    from podium.techniques import ptc
    from podium.techniques.detector import MODEL_PATH

    cw_common = set(json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))["common"])
    with np.load(MODEL_PATH, allow_pickle=False) as z:
        tq_common = {str(w) for w in z["common"]}
    with tempfile.TemporaryDirectory() as tmp:
        old_cw = old_module(args.before, "podium/checkworthy/masking.py", Path(tmp))
        old_tq = old_module(args.before, "podium/techniques/masking.py", Path(tmp))
        lines = checkthat_lines(args.data)
        claimbuster = [t for d in load_claimbuster(args.data) for t in d.texts]
        articles = ptc.read_articles(args.data / "ptc-semeval2020" / "train" / "articles")
        ptc_lines = [t[s:e] for t in articles.values() for s, e in ptc.line_segments(t)]
        n = args.examples
        report(
            "check-worthiness, CheckThat! 2019+2020 lines",
            lines,
            lambda t: old_cw.mask_text(t, cw_common),
            lambda t: cw.mask_text(t, cw_common),
            n,
        )
        report(
            "check-worthiness, ClaimBuster sentences",
            claimbuster,
            lambda t: old_cw.mask_text(t, cw_common),
            lambda t: cw.mask_text(t, cw_common),
            n,
        )
        report(
            "techniques, PTC article lines",
            ptc_lines,
            lambda t: old_tq.mask(t, tq_common).text,
            lambda t: tq.mask(t, tq_common).text,
            n,
        )


if __name__ == "__main__":
    main()
