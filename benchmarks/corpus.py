"""Corpus store benchmark (issue 14): the cost of storing, and search and recurring claims at corpus scale.

    python benchmarks/corpus.py --data ../shared/data [--pg postgresql://…] [--docs 2000] [--cache DIR]

1. Storing vs analysing: ``--sample`` held-out documents are analysed with the full pipeline (every
   installed analyser, models loaded, the technique helper process as ``podium analyze`` uses it unless
   ``PODIUM_HELPER=0``), then ``Corpus.add`` of each into the built corpus on SQLite (and PostgreSQL);
   per-document medians and the ratio storing/analysing (issue target: ≤ 10%).
2. A corpus of ``--docs`` documents cut from the real texts in ``--data``: the CheckThat! 2020 Task 5 and
   2019 Task 1 debates (pooled, lines of 6+ words seen before dropped, ``SYSTEM`` lines dropped), the
   ClaimBuster debate transcripts (those already in CheckThat! left out) cut at speaker turns/lines into
   documents of a log-normal length (300–4,000 words) dated by the debate's file name, with the speakers of
   the part; and the PTC articles, one document each (no speaker, a made-up date in 2017–2018, said so).
   The bulk is analysed with a cheaper selection (``--only``, default: no ``technique``/``entity``/``event``)
   in ``--jobs`` worker processes; analyses are cached as gzipped JSON in ``--cache``.
3. On that corpus: search latency p50/p95 over 260 queries (words, phrases, prefixes, OR, NOT, with and
   without speaker/since/layer+label/actor filters; a warm-up pass, then a timed pass), ``Corpus.recurring()``
   on the whole corpus, the database size and the number of documents, sentences, spans and claims.

Prints a compact table and the command line. Databases are created fresh (an SQLite file in ``--workdir``,
a database ``bench_corpus_<pid>`` on the ``--pg`` server) and removed at the end unless ``--keep``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import itertools
import json
import math
import multiprocessing
import os
import random
import re
import shlex
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

#: The bulk selection: every analyser but the three costliest per word, ``technique`` (the transformer
#: tagger), ``entity`` (spaCy NER over every sentence) and ``event`` (a spaCy parse of the sentences that need
#: it); together about 2/3 of the full pipeline's time. The held-out sample runs every analyser.
BULK_ONLY = "claim,quantity,actor,time,hedge,attribution,claim_type,citation"
#: ClaimBuster transcripts whose debate is in the CheckThat! sets too (left out).
CLAIMBUSTER_IN_CHECKTHAT = ("2012-10-22", "2016-09-26", "2016-10-09", "2016-10-19")
MIN_WORDS, MAX_WORDS = 300, 4000
TAIL_WORDS = 150  # a remainder shorter than this joins the part before it


# --------------------------------------------------------------------------- the documents


@dataclass
class Source:
    """One debate or article: units (a line or a paragraph) with their speaker, in order."""

    name: str
    date: str | None
    title: str
    units: list[tuple[str | None, str]] = field(default_factory=list)

    @property
    def words(self) -> int:
        return sum(len(u.split()) for _, u in self.units)


@dataclass(frozen=True)
class BenchDoc:
    key: str
    title: str
    date: str | None
    speakers: tuple[str, ...]
    text: str
    source: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def _date_from_name(name: str) -> str | None:
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", name)
    if not m:
        return None
    year, a, b = m.groups()
    month, day = (a, b) if int(a) <= 12 else (b, a)  # one CheckThat! file is named YYYYDDMM
    return f"{year}-{month}-{day}"


def read_checkthat(data: Path) -> list[Source]:
    """The CheckThat! 2020 Task 5 then 2019 Task 1 debates; a line of 6+ words seen before is dropped
    (the two sets share whole debates), and so are ``SYSTEM`` lines (applause)."""
    seen: set[str] = set()
    sources = []
    files = sorted((data / "ct2020-t5" / "train").glob("*.tsv")) + sorted(
        (data / "checkthat2019-t1" / "train").glob("*.tsv")
    )
    for path in files:
        src = Source(f"{path.parent.parent.name}/{path.name}", _date_from_name(path.stem), _title(path.stem))
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 3 or parts[1].strip().upper() == "SYSTEM" or not parts[2].strip():
                continue
            text = " ".join(parts[2].split())
            key = re.sub(r"\W+", " ", text.lower()).strip()
            if len(key.split()) >= 6:
                if key in seen:
                    continue
                seen.add(key)
            src.units.append((_speaker(parts[1]), text))
        if src.units:
            sources.append(src)
    return sources


_CB_LABEL = re.compile(r"^([A-Z][A-Z.'\- ]{1,40}?)(?:,[^:]{0,40})?:\s+(.*)$", re.S)


def read_claimbuster(data: Path) -> list[Source]:
    """ClaimBuster's transcripts: ``NAME: text`` paragraphs after a header; stage directions dropped."""
    sources = []
    for path in sorted((data / "claimbuster" / "debate_transcripts").glob("*.txt")):
        if path.stem in CLAIMBUSTER_IN_CHECKTHAT:
            continue
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))]
        title = next((p for p in paragraphs[1:3] if p and ":" not in p), path.stem)
        src = Source(f"claimbuster/{path.name}", _date_from_name(path.stem), title)
        speaker: str | None = None
        for para in paragraphs:
            m = _CB_LABEL.match(para)
            if m:
                speaker, para = _speaker(m.group(1)), m.group(2)
            if speaker is None or not para or re.fullmatch(r"\(.*\)|\[.*\]", para):
                continue  # the header before the first turn, or "(Applause)"
            src.units.extend((speaker, piece) for piece in _pieces(para))
        sources.append(src)
    return sources


def _pieces(paragraph: str, most: int = 400) -> list[str]:
    """A long paragraph in pieces of whole sentences of at most about ``most`` words."""
    if len(paragraph.split()) <= most:
        return [paragraph]
    out: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z\"(])", paragraph):
        if out and len(out[-1].split()) + len(sentence.split()) <= most:
            out[-1] += " " + sentence
        else:
            out.append(sentence)
    return out


def read_ptc(data: Path) -> list[BenchDoc]:
    """Each PTC article as a document: title from line 1; no speaker; a date made up from its id."""
    docs = []
    for path in sorted((data / "ptc-semeval2020" / "train" / "articles").glob("article*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        title = lines[0].strip() or path.stem
        body = "\n".join(lines[2:]).strip()
        if not body:
            continue
        number = int(re.sub(r"\D", "", path.stem) or 0)
        day = (number * 7919) % 730  # 2017-01-01 + 0..729 days
        year, day_of_year = (2017, day) if day < 365 else (2018, day - 365)
        date = time.strftime("%Y-%m-%d", time.strptime(f"{year} {day_of_year + 1}", "%Y %j"))
        text = f"{title}\n\n{body}\n"
        docs.append(BenchDoc(_key(text), title, date, (), text, f"ptc-semeval2020/{path.name}"))
    return docs


def _speaker(raw: str) -> str:
    name = " ".join(raw.replace(":", " ").split()).strip(" ,.")
    return name or "UNKNOWN"


def _title(stem: str) -> str:
    return " ".join(stem.split("_")[1:]) or stem


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def cut(sources: Sequence[Source], median_words: float, rng: random.Random) -> list[BenchDoc]:
    """Cut each source, in order, into parts of a log-normal number of words (at unit boundaries)."""
    docs = []
    for src in sources:
        parts: list[list[tuple[str | None, str]]] = [[]]
        words, target = 0, _target(median_words, rng)
        for unit in src.units:
            if words >= target:
                parts.append([])
                words, target = 0, _target(median_words, rng)
            parts[-1].append(unit)
            words += len(unit[1].split())
        if len(parts) > 1 and sum(len(u.split()) for _, u in parts[-1]) < TAIL_WORDS:
            parts[-2].extend(parts.pop())
        for i, units in enumerate(parts, 1):
            text, speakers = render(units)
            title = f"{src.title} (part {i} of {len(parts)})" if len(parts) > 1 else src.title
            docs.append(BenchDoc(_key(text), title, src.date, speakers, text, f"{src.name}#{i}"))
    return docs


def _target(median_words: float, rng: random.Random) -> int:
    return int(min(MAX_WORDS, max(MIN_WORDS, rng.lognormvariate(math.log(median_words), 0.5))))


def render(units: Sequence[tuple[str | None, str]]) -> tuple[str, tuple[str, ...]]:
    """A transcript ``NAME: text`` per turn when several people speak; else plain paragraphs."""
    turns: list[tuple[str | None, list[str]]] = []
    for speaker, text in units:
        if turns and turns[-1][0] == speaker:
            turns[-1][1].append(text)
        else:
            turns.append((speaker, [text]))
    speakers = tuple(dict.fromkeys(s for s, _ in turns if s))
    if len(speakers) <= 1:
        lines = [text for _, texts in turns for text in texts]
        paragraphs = [" ".join(lines[i : i + 5]) for i in range(0, len(lines), 5)]
        return "\n\n".join(paragraphs) + "\n", speakers
    return "\n\n".join(f"{s}: {' '.join(texts)}" for s, texts in turns) + "\n", speakers


def build_documents(data: Path, wanted: int, seed: int) -> list[BenchDoc]:
    """``wanted`` documents (fewer if the texts run out) with distinct texts, in a fixed order."""
    rng = random.Random(seed)
    sources = read_checkthat(data) + read_claimbuster(data)
    articles = read_ptc(data)
    words = sum(s.words for s in sources)
    transcripts_wanted = max(1, wanted - len(articles))
    # a log-normal with sigma 0.5 has a mean of 1.13 x its median; 0.9 leaves room for merged tails
    median = max(MIN_WORDS, words / transcripts_wanted / 1.13 * 0.9)
    docs = cut(sources, median, rng) + articles
    unique = list({d.key: d for d in docs}.values())
    if len(unique) > wanted:
        unique = sorted(rng.sample(unique, wanted), key=lambda d: (d.date or "", d.source))
    return unique


def make_document(doc: BenchDoc) -> Any:
    """The podium Document, read as ``podium corpus add`` reads a .txt file (turns detected), with meta."""
    from podium.ingest import apply_meta, from_bytes

    document = from_bytes(doc.text.encode("utf-8"), f"{doc.key}.txt", ".txt")
    apply_meta(document, title=doc.title, speakers=list(doc.speakers) or None, date=doc.date)
    document.meta.source = doc.source
    return document


# --------------------------------------------------------------------------- analysis (cached)

_pipeline: Any = None


def _init_worker(only: list[str] | None) -> None:
    global _pipeline
    os.environ["PODIUM_HELPER"] = "0"  # the cores are shared out among the workers
    from podium.pipeline import Pipeline

    _pipeline = Pipeline.from_names(only)


def _analyse_to_cache(job: tuple[BenchDoc, str]) -> tuple[str, float]:
    from podium.analyze import analyze_document
    from podium.outputs.json_out import to_dict

    doc, path = job
    start = time.perf_counter()
    document = analyze_document(make_document(doc), _pipeline)
    seconds = time.perf_counter() - start
    data = {"analysers": [a.name for a in _pipeline.analysers], "data": to_dict(document)}
    tmp = f"{path}.{os.getpid()}.tmp"
    with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=3) as fh:
        json.dump(data, fh)
    os.replace(tmp, path)
    return path, seconds


def analyse_bulk(
    docs: Sequence[BenchDoc], only: list[str] | None, cache: Path, jobs: int
) -> tuple[dict[str, Path], float, float, int]:
    """Cached analyses (path per document key); also the wall seconds spent, the per-document analysis
    seconds summed, and the number of documents analysed (0: all came from the cache)."""
    tag = hashlib.sha256(",".join(sorted(only or ["ALL"])).encode()).hexdigest()[:10]
    folder = cache / f"analyses-{tag}"
    folder.mkdir(parents=True, exist_ok=True)
    paths = {d.key: folder / f"{d.key}.json.gz" for d in docs}
    todo = [(d, str(paths[d.key])) for d in docs if not paths[d.key].exists()]
    if not todo:
        return paths, 0.0, 0.0, 0
    start = time.perf_counter()
    total_words = sum(d.words for d, _ in todo)
    print(f"analysing {len(todo)} documents ({total_words:,} words) in {jobs} process(es)…", flush=True)
    if jobs <= 1:
        _init_worker(only)
        results: Iterator[tuple[str, float]] = map(_analyse_to_cache, todo)
        summed = _consume(results, len(todo), start)
    else:
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(jobs, ctx, initializer=_init_worker, initargs=(only,)) as pool:
            summed = _consume(pool.map(_analyse_to_cache, todo, chunksize=2), len(todo), start)
    return paths, time.perf_counter() - start, summed, len(todo)


def _consume(results: Iterator[tuple[str, float]], total: int, start: float) -> float:
    summed = 0.0
    for i, (_, seconds) in enumerate(results, 1):
        summed += seconds
        if i % 100 == 0 or i == total:
            print(f"  analysed {i}/{total} ({time.perf_counter() - start:.0f} s)", flush=True)
    return summed


def read_cached(path: Path) -> tuple[list[str], dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        cached = json.load(fh)
    return cached["analysers"], cached["data"]


# --------------------------------------------------------------------------- databases


@dataclass
class Target:
    name: str  # "SQLite" or "PostgreSQL"
    url: str
    cleanup: Callable[[], None]
    size: Callable[[], int]
    corpus: Any = None


def sqlite_target(workdir: Path) -> Target:
    path = workdir / "bench-corpus.db"
    for p in workdir.glob("bench-corpus.db*"):
        p.unlink()

    def size() -> int:
        import sqlite3

        with sqlite3.connect(path) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return sum(p.stat().st_size for p in workdir.glob("bench-corpus.db*"))

    def cleanup() -> None:
        for p in workdir.glob("bench-corpus.db*"):
            p.unlink()

    return Target("SQLite", str(path), cleanup, size)


def postgres_target(server: str) -> Target:
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"bench_corpus_{os.getpid()}"
    admin = make_url(server).set(drivername="postgresql")
    admin_dsn = admin.render_as_string(hide_password=False)
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    url = admin.set(database=name).render_as_string(hide_password=False)

    def size() -> int:
        with psycopg.connect(url, autocommit=True) as conn:
            row = conn.execute("SELECT pg_database_size(current_database())").fetchone()
        return int(row[0]) if row else 0

    def cleanup() -> None:
        with psycopg.connect(admin_dsn, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    return Target("PostgreSQL", url, cleanup, size)


def counts(corpus: Any) -> dict[str, int]:
    from sqlalchemy import text

    tables = ("documents", "sentences", "spans", "claims", "actor_mentions", "events")
    with corpus.reading() as conn:
        return {t: int(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()) for t in tables}


# --------------------------------------------------------------------------- queries

_STOP = frozenset(
    re.findall(
        r"[a-z]+",
        """a about after again against all also am an and any are as at be because been before being between
    both but by can could did do does doing down during each few for from further had has have having he her
    here hers him his how i if in into is it its just let like me more most my no nor not now of off on once
    only or other our out over own said same say says she should so some such than that the their them then
    there these they this those through to too under until up very was we well were what when where which
    while who whom why will with would you your yes know think going want people thing things get got go
    really right one two lot look make made need first last time year years way back even much many every
    tell told come came gonna well said saying mean actually sure okay little also""",
    )
)
_ALPHA = re.compile(r"[a-z]{4,}")


@dataclass(frozen=True)
class Query:
    kind: str
    text: str
    filters: dict[str, str]


def make_queries(docs: Sequence[BenchDoc], facets: dict[str, list[Any]], seed: int) -> list[Query]:
    """130 plain queries (words, phrases, prefixes, OR, NOT, groups) drawn from the corpus' own words,
    and the same 130 with one filter each (speaker, since, layer+label, actor, speaker+since)."""
    rng = random.Random(seed)
    df: Counter[str] = Counter()
    bigrams: Counter[tuple[str, str]] = Counter()
    for d in docs:
        tokens = re.findall(r"[a-z']+", d.text.lower())
        df.update({w for w in tokens if _ALPHA.fullmatch(w) and w not in _STOP})
        bigrams.update(
            (a, b)
            for a, b in itertools.pairwise(tokens)
            if _ALPHA.fullmatch(a) and _ALPHA.fullmatch(b) and not (a in _STOP or b in _STOP)
        )
    n = len(docs)
    common = sorted(w for w, c in df.items() if 0.01 * n <= c <= 0.25 * n)
    rarer = sorted(w for w, c in df.items() if 3 <= c < 0.01 * n)
    words = rng.sample(common, min(len(common), 120)) + rng.sample(rarer, min(len(rarer), 40))
    phrases = [" ".join(b) for b, c in bigrams.most_common(400) if c >= 10]
    phrases = rng.sample(phrases, min(len(phrases), 30))
    if not words:
        raise SystemExit("corpus.py: the corpus has too few distinct words to make queries from")
    w = itertools.cycle(words)
    plain: list[Query] = []
    plain += [Query("word", next(w), {}) for _ in range(35)]
    plain += [Query("words", f"{next(w)} {next(w)}", {}) for _ in range(15)]
    plain += [Query("phrase", f'"{p}"', {}) for p in phrases[:25]]
    plain += [Query("prefix", f"{next(w)[:5]}*", {}) for _ in range(15)]
    plain += [Query("or", f"{next(w)} OR {next(w)}", {}) for _ in range(15)]
    plain += [Query("not", f"{next(w)} -{next(w)}", {}) for _ in range(8)]
    plain += [Query("not", f"{next(w)} NOT {next(w)}", {}) for _ in range(7)]
    plain += [Query("group", f"({next(w)} OR {next(w)}) -{next(w)}", {}) for _ in range(10)]
    filtered = []
    needs = {"speaker": "speakers", "speaker+since": "speakers", "layer+label": "labels", "actor": "actors"}
    kinds = [
        k
        for k in ("speaker", "since", "layer+label", "actor", "speaker+since")
        if facets.get(needs.get(k, "dates"))
    ]
    for i, q in enumerate(plain):
        kind = kinds[i % len(kinds)]
        if kind == "speaker" or kind == "speaker+since":
            f = {"speaker": rng.choice(facets["speakers"])}
            if kind == "speaker+since":
                f["since"] = rng.choice(facets["dates"])
        elif kind == "since":
            f = {"since": rng.choice(facets["dates"])}
        elif kind == "layer+label":
            layer, label = rng.choice(facets["labels"])
            f = {"layer": layer, "label": label}
        else:
            f = {"actor": rng.choice(facets["actors"])}
        filtered.append(Query(f"{q.kind} +{kind}", q.text, f))
    return plain + filtered


def facets_of(corpus: Any) -> dict[str, list[Any]]:
    """Filter values found in the corpus: frequent speakers, actors and (layer, label) pairs; dates."""
    from sqlalchemy import text

    with corpus.reading() as conn:
        speakers = list(
            conn.execute(
                text("SELECT name FROM document_speakers GROUP BY name ORDER BY count(*) DESC, name LIMIT 15")
            ).scalars()
        )
        actors = list(
            conn.execute(
                text(
                    "SELECT actor_id FROM actor_mentions GROUP BY actor_id ORDER BY count(*) DESC, actor_id "
                    "LIMIT 25"
                )
            ).scalars()
        )
        labels = [
            (layer, label)
            for layer, label in conn.execute(
                text(
                    "SELECT layer, label FROM spans GROUP BY layer, label HAVING count(*) >= 50 "
                    "ORDER BY count(*) DESC, layer, label LIMIT 30"
                )
            )
        ]
    dates = ["1980-01-01", "2000-01-01", "2012-01-01", "2016-01-01", "2016-07-01", "2017-01-01", "2018-01-01"]
    return {"speakers": speakers, "actors": actors, "labels": labels, "dates": dates}


def run_queries(corpus: Any, queries: Sequence[Query]) -> tuple[list[float], list[int]]:
    from podium.corpus import Filters

    for q in queries:  # warm-up pass: caches, prepared plans
        corpus.search(q.text, Filters(**q.filters), 20)
    times, hits = [], []
    for q in queries:
        start = time.perf_counter()
        rows = corpus.search(q.text, Filters(**q.filters), 20)
        times.append(time.perf_counter() - start)
        hits.append(len(rows))
    return times, hits


# --------------------------------------------------------------------------- report


def pct(values: Sequence[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    lo, hi = math.floor(k), math.ceil(k)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder (../shared/data)")
    parser.add_argument("--pg", help="a PostgreSQL server URL; a database is created on it (default: none)")
    parser.add_argument("--docs", type=int, default=2000, help="documents in the corpus (sample included)")
    parser.add_argument("--sample", type=int, default=20, help="documents analysed and stored, timed")
    parser.add_argument("--only", default=BULK_ONLY, help="analysers for the bulk ('all': every one)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the bulk analysis")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "podium-bench-corpus")
    parser.add_argument("--workdir", type=Path, help="folder for the SQLite file (default: a temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep the databases (their URLs are printed)")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args(argv)

    command = "python benchmarks/corpus.py " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:]))
    print(f"command: {command}")
    print(f"PODIUM_HELPER={os.environ.get('PODIUM_HELPER', '(unset)')}; cores: {os.cpu_count()}")
    only = None if args.only == "all" else [x for x in args.only.split(",") if x]

    # 2. the corpus' documents, then the bulk analyses
    docs = build_documents(args.data, args.docs, args.seed)
    rng = random.Random(args.seed)
    speech_sized = [d for d in docs if 1000 <= d.words <= 4000 and d.speakers]
    sample = rng.sample(speech_sized, min(args.sample, len(speech_sized)))
    sample_keys = {d.key for d in sample}
    bulk = [d for d in docs if d.key not in sample_keys]
    sizes = [d.words for d in docs]
    origin = Counter(d.source.split("/")[0] for d in docs)
    print(
        f"documents: {len(docs)} ({sum(sizes):,} words; median {statistics.median(sizes):.0f}, "
        f"p10 {pct(sizes, 10):.0f}, p90 {pct(sizes, 90):.0f}, max {max(sizes)} words) from "
        + ", ".join(f"{k} {v}" for k, v in sorted(origin.items()))
    )
    paths, bulk_s, summed_s, analysed = analyse_bulk(bulk, only, args.cache, args.jobs)
    if analysed:
        words = sum(d.words for d in bulk)
        print(
            f"bulk analysis: {analysed} documents in {bulk_s:.0f} s over {args.jobs} process(es); "
            f"analysis time per document summed {summed_s:.0f} s"
            + (f" = {words / summed_s:,.0f} words/s per process" if analysed == len(bulk) else "")
        )
    else:
        print(f"bulk analysis: all {len(bulk)} documents from the cache {args.cache}")

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="podium-bench-corpus-"))
    workdir.mkdir(parents=True, exist_ok=True)
    targets = [sqlite_target(workdir)]
    if args.pg:
        targets.append(postgres_target(args.pg))
    from podium.corpus import Corpus
    from podium.errors import PodiumError

    results: dict[str, dict[str, Any]] = {}
    try:
        for target in targets:
            target.corpus = Corpus(target.url)
            res = results.setdefault(target.name, {})
            add_times = []
            start = time.perf_counter()
            failures = []
            for d in bulk:
                analysers, data = read_cached(paths[d.key])
                t0 = time.perf_counter()
                try:
                    target.corpus.add(data, analysers)
                except PodiumError as err:
                    failures.append(f"{d.source}: {err}")
                    continue
                add_times.append(time.perf_counter() - t0)
            if failures:
                print(f"{target.name}: {len(failures)} documents not stored, e.g. {failures[0][:300]}")
            res["bulk_add_s"] = sum(add_times)
            res["bulk_add_median"] = statistics.median(add_times)
            res["bulk_wall_s"] = time.perf_counter() - start
            print(
                f"{target.name}: stored {len(bulk)} bulk documents: add {res['bulk_add_s']:.0f} s in all, "
                f"median {ms(res['bulk_add_median'])} per document",
                flush=True,
            )

        # 1. analysis vs storing, per held-out document
        sample_rows = time_sample(sample, targets) if sample else []

        # 3. searches, recurring claims, sizes
        facets = facets_of(targets[0].corpus)
        queries = make_queries(docs, facets, args.seed)
        for target in targets:
            res = results[target.name]
            if target.name == "PostgreSQL":
                with target.corpus.writing() as conn:  # autovacuum would, sooner or later
                    conn.exec_driver_sql("ANALYZE")
            res["counts"] = counts(target.corpus)
            times, hits = run_queries(target.corpus, queries)
            res["times"], res["hits"] = times, hits
            start = time.perf_counter()
            clusters = target.corpus.recurring()
            res["recurring_s"] = time.perf_counter() - start
            res["clusters"] = clusters
            start = time.perf_counter()
            claims = target.corpus.claims(limit=50)
            res["claims_s"] = time.perf_counter() - start
            res["claims_n"] = len(claims)
            target.corpus.close()
            res["size"] = target.size()
            print(f"{target.name}: searches and recurring claims done", flush=True)
        report(docs, sample_rows, targets, results, queries, only)
    finally:
        for target in targets:
            if target.corpus is not None:
                target.corpus.close()
            if args.keep:
                print(f"kept: {target.name} {target.url}")
            else:
                target.cleanup()
        if not args.keep and args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


def time_sample(sample: Sequence[BenchDoc], targets: Sequence[Target]) -> list[dict[str, Any]]:
    """Full analysis of each held-out document, then ``Corpus.add`` of its result into each target."""
    from podium.analyze import analyze_document
    from podium.pipeline import Pipeline
    from podium.techniques import background

    pipeline = Pipeline.from_names()
    if "technique" in pipeline.layers:  # as ``podium analyze`` does (PODIUM_HELPER=0 turns it off)
        background.allow()
    names = [a.name for a in pipeline.analysers]
    analyze_document(make_document(sample[0]), pipeline)  # loads every model once
    for target in targets:
        target.corpus.find("0" * 64)  # a connection in the pool
    rows = []
    for d in sample:
        document = make_document(d)
        start = time.perf_counter()
        analyze_document(document, pipeline)
        row: dict[str, Any] = {"key": d.key, "words": d.words, "analyse": time.perf_counter() - start}
        for target in targets:
            start = time.perf_counter()
            _, added = target.corpus.add(document, names)
            row[target.name] = time.perf_counter() - start
            assert added, d.source
        rows.append(row)
    return rows


def report_sample(sample_rows: Sequence[dict[str, Any]], names: Sequence[str]) -> None:
    analyse = [r["analyse"] for r in sample_rows]
    words = statistics.median(r["words"] for r in sample_rows)
    print(
        f"1. storing vs analysing, {len(sample_rows)} held-out documents (median {words:.0f} words), "
        f"full analysis median {ms(statistics.median(analyse))}"
    )
    for name in names:
        add = [r[name] for r in sample_rows]
        ratios = [r[name] / r["analyse"] for r in sample_rows]
        print(
            f"   {name:<10} Corpus.add median {ms(statistics.median(add))} (max {ms(max(add))}); "
            f"add/analyse: ratio of medians {statistics.median(add) / statistics.median(analyse):.1%}, "
            f"median of ratios {statistics.median(ratios):.1%}, max {max(ratios):.1%}  (target ≤ 10%)"
        )


def report(
    docs: Sequence[BenchDoc],
    sample_rows: Sequence[dict[str, Any]],
    targets: Sequence[Target],
    results: dict[str, dict[str, Any]],
    queries: Sequence[Query],
    only: list[str] | None,
) -> None:
    names = [t.name for t in targets]
    print()
    print(f"bulk analysers (--only): {', '.join(only) if only else 'all'}; sample: every installed analyser")
    if sample_rows:
        report_sample(sample_rows, names)
    else:
        print("1. storing vs analysing: no sample (--sample 0)")
    print(f"2. corpus: {len(docs)} documents, {sum(d.words for d in docs):,} words")
    header = f"   {'':<34}" + "".join(f"{n:>16}" for n in names)
    print(header)

    def row(label: str, values: Sequence[str]) -> None:
        print(f"   {label:<34}" + "".join(f"{v:>16}" for v in values))

    for table in ("documents", "sentences", "spans", "claims", "actor_mentions", "events"):
        row(table, [f"{results[n]['counts'][table]:,}" for n in names])
    row("database size", [mb(results[n]["size"]) for n in names])
    row("bulk Corpus.add, median/document", [ms(results[n]["bulk_add_median"]) for n in names])
    row("bulk Corpus.add, all documents", [f"{results[n]['bulk_add_s']:.0f} s" for n in names])
    print(
        f"3. search: {len(queries)} queries, limit 20, timed pass after a warm-up pass (target p95 ≤ 50 ms)"
    )
    groups: dict[str, list[int]] = {"all": list(range(len(queries)))}
    for i, q in enumerate(queries):
        groups.setdefault("no filter" if not q.filters else "+" + q.kind.split("+", 1)[1], []).append(i)
    base_kinds: dict[str, list[int]] = {}
    for i, q in enumerate(queries):
        base_kinds.setdefault(q.kind.split(" ")[0], []).append(i)
    for label, idx in list(groups.items()) + [(f"kind {k}", v) for k, v in base_kinds.items()]:
        values = []
        for n in names:
            times = [results[n]["times"][i] for i in idx]
            values.append(f"{pct(times, 50) * 1000:.1f}/{pct(times, 95) * 1000:.1f}")
        row(f"p50/p95 ms {label} ({len(idx)})", values)
    row("max ms", [f"{max(results[n]['times']) * 1000:.1f}" for n in names])
    row("queries with hits", [f"{sum(1 for h in results[n]['hits'] if h)}" for n in names])
    row("recurring(): seconds", [f"{results[n]['recurring_s']:.1f}" for n in names])
    row(
        "recurring(): clusters (claims in)",
        [f"{len(results[n]['clusters'])} ({sum(c['size'] for c in results[n]['clusters'])})" for n in names],
    )
    row("claims(limit=50): ms", [f"{results[n]['claims_s'] * 1000:.1f}" for n in names])
    print("   slowest queries:")
    for n in names:
        times = results[n]["times"]
        for i in sorted(range(len(queries)), key=lambda i: -times[i])[:5]:
            q = queries[i]
            hits = results[n]["hits"][i]
            print(f"   {n:<10} {times[i] * 1000:7.1f} ms  {q.text!r} {q.filters or ''} hits={hits}")


if __name__ == "__main__":
    sys.exit(main())
