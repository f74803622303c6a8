"""Where dateline's time goes besides spaCy's parse: reading, each stage, the store, hot functions.

    python benchmarks/profile_stages.py                # the first 100 LGL articles
    python benchmarks/profile_stages.py -n 300 --top 40
    python benchmarks/profile_stages.py --input my.jsonl

Parses the articles once, then runs the stages over the parsed documents under
cProfile, so the profile holds only what dateline adds to the parse.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import itertools
import pstats
import tempfile
import time
from collections import Counter
from pathlib import Path

from dateline.ingest import read_articles
from dateline.model import Article, CodedArticle
from dateline.pipeline import STAGES
from dateline.resources import Resources
from dateline.store import Store

LGL = Path(__file__).resolve().parents[2] / "shared" / "data" / "geo-lgl" / "lgl.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=100, help="articles (default 100)")
    parser.add_argument("--top", type=int, default=25, help="functions to list (default 25)")
    parser.add_argument("--input", type=Path, default=LGL, help="JSONL of articles (default: LGL)")
    parser.add_argument("--callers", type=int, default=3, help="show who calls the N hottest (default 3)")
    args = parser.parse_args()

    res = Resources.load()
    began = time.perf_counter()
    articles = [a for a in itertools.islice(read_articles([args.input]), args.n) if isinstance(a, Article)]
    reading = time.perf_counter() - began
    words = sum(len(a.text.split()) for a in articles)

    began = time.perf_counter()
    docs = list(res.nlp.pipe((a.text for a in articles), batch_size=res.settings.batch_size))
    parsing = time.perf_counter() - began

    per_stage = dict.fromkeys((name for name, *_ in STAGES), 0.0)
    failures: Counter = Counter()
    coded_all = _run_stages(docs, articles, res, per_stage, failures)
    profiler = cProfile.Profile()  # a second pass, as the profiler slows Python code down
    profiler.enable()
    _run_stages(docs, articles, res, dict(per_stage), Counter())
    profiler.disable()

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "profile.duckdb") as store:
        run_id = store.start_run(res.settings.to_dict(), [str(args.input)])
        began = time.perf_counter()
        for i in range(0, len(coded_all), 64):
            store.write(coded_all[i:i + 64], [], run_id)
        storing = time.perf_counter() - began

    total = reading + parsing + sum(per_stage.values()) + storing
    print(f"{len(articles)} articles, {words:,} words, {sum(len(c.events) for c in coded_all)} events\n")
    for failure, count in failures.most_common():
        print(f"stage failed on {count} articles: {failure}")
    print(f"{'step':<22}{'seconds':>9}{'ms/article':>12}{'share':>8}")
    for name, seconds in [("read", reading), ("spaCy parse", parsing),
                          *((f"stage {k}", v) for k, v in per_stage.items()), ("store write", storing)]:
        print(f"{name:<22}{seconds:>9.2f}{1000 * seconds / len(articles):>12.1f}{seconds / total:>8.0%}")
    added = total - parsing
    print(f"\neverything but the parse adds {added / parsing:.0%} to the parse "
          f"(end to end at most {parsing / total:.0%} of bare-parse throughput)\n")

    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("tottime")
    stats.print_stats(args.top)
    print("hottest functions in the stages (own time, under cProfile):")
    print(out.getvalue().split("\n", 4)[-1])
    out = io.StringIO()
    stats.stream = out
    stats.print_callers(args.callers)
    print("who calls the hottest:")
    print(out.getvalue().split("\n", 4)[-1])


def _run_stages(docs: list, articles: list[Article], res: Resources, per_stage: dict[str, float],
                failures: Counter) -> list[CodedArticle]:
    """The stages over parsed documents, as ``pipeline.code_doc`` runs them, timed per stage."""
    coded_all = []
    for doc, article in zip(docs, articles, strict=True):
        coded = CodedArticle(article)
        for name, stage, _reads, _fills in STAGES:
            began = time.perf_counter()
            try:
                coded = stage(doc, coded, res)
            except Exception as exc:  # noqa: BLE001 - counted and shown, as the pipeline records it
                failures[f"{name}: {type(exc).__name__}: {exc}"] += 1
            per_stage[name] += time.perf_counter() - began
        coded_all.append(coded)
    return coded_all


if __name__ == "__main__":
    main()
