"""Throughput of dateline end to end (with store writes) beside spaCy's bare parse of the same texts.

    python benchmarks/bench_throughput.py              # the fixed corpora: LGL (588) and sample x5000
    python benchmarks/bench_throughput.py --quick      # LGL and sample x600: a first look in minutes
    python benchmarks/bench_throughput.py --json results.json

Corpora: the 588 LGL articles read from ../shared/data/geo-lgl/lgl.jsonl, and the bundled
sample articles replicated to 5,000 with distinct ids (replica k is dated k weeks later,
so the store does not merge thousands of copies of one event into a single row).

Every measurement runs in a fresh process, so each peak RSS is its own. Model loading is
not timed (a bare parse does not time it either); starting the worker pool is reported
apart (its CPU time is in the CPU columns). CPU time is reported beside wall time because
a busy machine inflates the one and hardly the other. Prints a markdown table for
docs/performance.md and checks the floors of issue 6.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LGL = REPO.parent / "shared" / "data" / "geo-lgl" / "lgl.jsonl"
SAMPLE = REPO / "dateline" / "samples" / "articles.jsonl"
FLOOR_OF_BARE = 0.80  # end to end on 1 core, as a share of the bare parse on 1 core
FLOOR_SCALING = 1.8  # 2 workers over 1
FLOOR_500_WORDS = 15.0  # articles/s of 500 words on this 2-core machine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="replicate the sample to 600, not 5,000")
    parser.add_argument("--workers", default="1,2", help="worker counts to measure (default 1,2)")
    parser.add_argument("--corpus", choices=["lgl", "sample"], action="append",
                        help="only this corpus (repeatable)")
    parser.add_argument("--json", type=Path, help="also write every figure here")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: one measurement in this process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(_measure(json.loads(args.one))))
        return

    workers = [int(w) for w in args.workers.split(",")]
    machine = _machine()
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        corpora = _corpora(Path(tmp), args.corpus or ["lgl", "sample"], 600 if args.quick else 5000)
        rows = []
        for name, path in corpora.items():
            texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
            size = {"corpus": name, "articles": len(texts), "words": sum(len(t.split()) for t in texts)}
            del texts
            plans = [{"kind": "spacy", "processes": 1}]
            plans += [{"kind": "spacy", "processes": n} for n in workers if n > 1]
            plans += [{"kind": "dateline", "workers": n} for n in workers]
            for plan in plans:
                result = _run_one({**plan, "path": str(path), "tmp": tmp})
                row = {**size, **plan, **result}
                row["articles_s"] = row["articles"] / row["seconds"]
                row["words_s"] = row["words"] / row["seconds"]
                rows.append(row)
                print(f"  {_label(row)} on {name}: {row['articles_s']:.1f} articles/s", file=sys.stderr)
    machine["load_after"] = os.getloadavg()
    print(_markdown(rows, machine))
    if args.json:
        args.json.write_text(json.dumps({"machine": machine, "rows": rows}, indent=2, default=str))


def _corpora(tmp: Path, names: list[str], replicas: int) -> dict[str, Path]:
    out = {}
    if "lgl" in names:
        if LGL.exists():
            out["LGL"] = LGL
        else:
            print(f"skipping LGL: {LGL} not found", file=sys.stderr)
    if "sample" in names:
        path = tmp / "sample.jsonl"
        originals = [json.loads(line) for line in SAMPLE.open(encoding="utf-8")]
        with path.open("w", encoding="utf-8") as fh:
            for i in range(replicas):
                k, record = divmod(i, len(originals))
                record = dict(originals[record])
                record["id"] = f"{record['id']}~{k}"
                record["date"] = (dt.date.fromisoformat(record["date"]) + dt.timedelta(weeks=k)).isoformat()
                fh.write(json.dumps(record) + "\n")
        out[f"sample x{replicas}"] = path
    return out


def _run_one(plan: dict) -> dict:
    done = subprocess.run([sys.executable, __file__, "--one", json.dumps(plan)], capture_output=True,
                          text=True, check=False, cwd=plan["tmp"])
    if done.returncode:
        raise SystemExit(f"measurement {plan} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _measure(plan: dict) -> dict:
    """One measurement, in this (fresh) process."""
    if plan["kind"] == "spacy":
        return _bare_parse(Path(plan["path"]), plan["processes"])
    return _dateline(Path(plan["path"]), Path(plan["tmp"]), plan["workers"])


def _bare_parse(path: Path, processes: int) -> dict:
    import spacy

    from dateline.settings import Settings

    settings = Settings()
    nlp = spacy.load(settings.model)  # spaCy's own pipeline, without what dateline adds to it
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    started, cpu = time.perf_counter(), _cpu_seconds()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size, n_process=processes):
        pass
    return {"seconds": time.perf_counter() - started, "cpu": _cpu_seconds() - cpu, "startup": 0.0,
            **_peak_rss()}


def _dateline(path: Path, tmp: Path, workers: int) -> dict:
    from dateline import backends
    from dateline.resources import Resources
    from dateline.runner import run
    from dateline.settings import Settings

    settings = Settings()
    if workers == 1:
        Resources.load(settings)  # as the bare parse loads its model before the clock starts
    startup = [0.0]
    start_pool = backends.LocalPool.__init__

    def timed_start(self, *args, **kwargs):
        began = time.perf_counter()
        start_pool(self, *args, **kwargs)
        startup[0] += time.perf_counter() - began

    backends.LocalPool.__init__ = timed_start
    db = tmp / f"bench-{os.getpid()}.duckdb"
    started, cpu = time.perf_counter(), _cpu_seconds()
    summary = run([path], db, settings, workers=workers)
    seconds = time.perf_counter() - started - startup[0]
    assert summary.articles_coded == summary.articles_read, "the store was not empty"
    return {"seconds": seconds, "cpu": _cpu_seconds() - cpu, "startup": startup[0], "events": summary.events_coded,
            "rejected": summary.rejected, **_peak_rss()}


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (workers): what a busy machine does not inflate."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _peak_rss() -> dict:
    """Peak RSS of this process and of its largest child (a worker), in MB."""
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is bytes on macOS, KiB elsewhere
    return {"rss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1e6,
            "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale / 1e6}


def _machine() -> dict:
    import spacy

    cpuinfo = Path("/proc/cpuinfo")
    names = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
             if line.startswith("model name")] if cpuinfo.exists() else []
    cpu = names[0] if names else platform.processor()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=REPO, check=False).stdout.strip()
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": _memory_gb(), "python": platform.python_version(),
            "spacy": spacy.__version__, "commit": commit, "date": dt.date.today().isoformat(),
            "load_before": os.getloadavg()}


def _memory_gb() -> float | None:
    try:
        return round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError):
        return None


def _label(row: dict) -> str:
    if row["kind"] == "spacy":
        return f"spaCy nlp.pipe, {row['processes']} process{'es' if row['processes'] > 1 else ''}"
    return f"dateline run, {row['workers']} worker{'s' if row['workers'] > 1 else ''}"


def _markdown(rows: list[dict], machine: dict) -> str:
    lines = [("| corpus | articles | words/article | what | articles/s | words/s | of bare parse "
              "| words per CPU s | of bare parse (CPU) | worker start s | peak RSS main MB | peak RSS worker MB |"),
             "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        bare = _find(rows, row["corpus"], "spacy", 1)
        worker_rss = f"{row['rss_worker_mb']:.0f}" if row["rss_worker_mb"] else "-"
        lines.append(
            f"| {row['corpus']} | {row['articles']:,} | {row['words'] / row['articles']:.0f} | {_label(row)} "
            f"| {row['articles_s']:.1f} | {row['words_s']:,.0f} | {row['words_s'] / bare['words_s']:.0%} "
            f"| {row['words'] / row['cpu']:,.0f} | {bare['cpu'] / row['cpu']:.0%} | {row['startup']:.1f} | {row['rss_main_mb']:.0f} | {worker_rss} |")
    busy = machine["load_before"][0] > 0.5 * (machine["cores"] or 1)  # "after" includes our own load
    warning = ["", ("**The machine was busy (load average before the run): wall-clock figures are noise; "
                    "the CPU-time columns are a rough guide. Re-run on a quiet machine.**")] if busy else []
    lines += [*warning, "", *_floors(rows), "",
              (f"Machine: {machine['cpu']}, {machine['cores']} cores, {machine['memory_gb']} GB; Python "
               f"{machine['python']}, spaCy {machine['spacy']}; commit {machine['commit']}, {machine['date']}; "
               f"load average before {_load(machine['load_before'])}, after {_load(machine['load_after'])}.")]
    return "\n".join(lines)


def _floors(rows: list[dict]) -> list[str]:
    out = []
    for corpus in dict.fromkeys(r["corpus"] for r in rows):
        bare, one, two = (_find(rows, corpus, "spacy", 1), _find(rows, corpus, "dateline", 1),
                          _find(rows, corpus, "dateline", 2))
        if one:
            share = one["words_s"] / bare["words_s"]
            out.append(_check(f"{corpus}: end to end on 1 core is {share:.0%} of the bare parse "
                              f"({bare['cpu'] / one['cpu']:.0%} by CPU time)", share,
                              FLOOR_OF_BARE, f"{FLOOR_OF_BARE:.0%}"))
        if one and two:
            gain = two["words_s"] / one["words_s"]
            out.append(_check(f"{corpus}: 2 workers are {gain:.2f}x 1 worker", gain, FLOOR_SCALING,
                              f"{FLOOR_SCALING}x"))
        if two:
            per_500 = two["words_s"] / 500
            out.append(_check(f"{corpus}: {per_500:.1f} articles/s of 500 words with 2 workers", per_500,
                              FLOOR_500_WORDS, f"{FLOOR_500_WORDS:.0f}"))
    return out


def _find(rows: list[dict], corpus: str, kind: str, n: int, fast: bool = False) -> dict | None:
    """The row of this corpus for a bare parse in n processes, or dateline with n workers."""
    key = "processes" if kind == "spacy" else "workers"
    return next((r for r in rows if r["corpus"] == corpus and r["kind"] == kind and r[key] == n
                 and r.get("fast", False) == fast), None)


def _check(text: str, value: float, floor: float, shown: str) -> str:
    return f"- {text} (floor {shown}): {'met' if value >= floor else 'NOT MET'}"


def _load(values) -> str:
    return "/".join(f"{v:.1f}" for v in values)


if __name__ == "__main__":
    main()
