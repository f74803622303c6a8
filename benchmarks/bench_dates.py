"""What the dates stage adds to spaCy's parse, in CPU time, on the same articles in the same process.

    python benchmarks/bench_dates.py              # the first 100 LGL articles
    python benchmarks/bench_dates.py -n 300 --repeat 5

CPU time (not wall time) of ``nlp.pipe`` over the articles, then of
``resolve_dates`` over the parsed documents (the best of ``--repeat`` runs),
and their ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import time
from pathlib import Path

from dateline.model import Article, CodedArticle
from dateline.nlp import load_model
from dateline.stages.dates import resolve_dates

LGL = Path(__file__).resolve().parents[2] / "shared" / "data" / "geo-lgl" / "lgl.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=100, help="articles (default 100)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the stage; the best counts (default 3)")
    parser.add_argument("--input", type=Path, default=LGL, help="JSONL with text and date (default: LGL)")
    args = parser.parse_args()

    with open(args.input, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in itertools.islice(fh, args.n)]
    articles = [Article(str(i), r["text"], dt.date.fromisoformat(r["date"][:10])) for i, r in enumerate(rows)]
    nlp = load_model()
    nlp("warm up")

    began = time.process_time()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=32))
    parse = time.process_time() - began

    runs, found = [], 0
    for _ in range(args.repeat):
        began = time.process_time()
        found = sum(len(resolve_dates(doc, CodedArticle(a), None).times) for doc, a in zip(docs, articles))
        runs.append(time.process_time() - began)
    dates = min(runs)

    chars = sum(len(a.text) for a in articles)
    print(f"{len(articles)} articles, {chars:,} characters, {found} times found")
    print(f"spaCy parse     {parse:7.2f} s CPU  {1000 * parse / len(articles):6.1f} ms/article")
    print(f"resolve_dates   {dates:7.2f} s CPU  {1000 * dates / len(articles):6.1f} ms/article")
    print(f"dates add {dates / parse:.1%} to the parse")


if __name__ == "__main__":
    main()
