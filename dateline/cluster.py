"""Code batches on a Dask cluster (``dateline run --cluster tcp://HOST:8786``).

Imported only when a cluster is asked for, because Dask is optional and slow to
import. Each Dask worker loads the resources once (a worker plugin does it
when the worker joins); batches go out as tasks and come back as plain
records, in input order, so the store is written by this process alone.
"""

from __future__ import annotations

import asyncio
import collections
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from .backends import BatchResult, Job, code_batch
from .errors import DatelineError
from .resources import Resources
from .settings import Settings

INSTALL_HINT = "pip install 'dateline[dask]'"
WAIT_FOR_WORKERS_S = 60

try:
    from distributed import Client, WorkerPlugin
except ImportError as exc:  # the optional extra is not installed
    raise DatelineError(f"--cluster needs Dask; run: {INSTALL_HINT}") from exc

# Resources are shared by the threads of a worker process, and spaCy is not
# documented as thread-safe; start workers with --nthreads 1 to use every core.
_CODING = threading.Lock()


def code_batch_on_worker(articles: list, settings: Settings) -> BatchResult:
    with _CODING:
        return code_batch(articles, settings)


class LoadResources(WorkerPlugin):
    """Loads the models once in each worker, now and on workers that join later."""

    idempotent = False  # new settings must reach workers that loaded other ones

    def __init__(self, settings: Settings):
        self.settings = settings

    async def setup(self, worker: Any) -> None:
        # Off the event loop, so the worker keeps answering the scheduler meanwhile.
        await asyncio.get_running_loop().run_in_executor(None, Resources.load, self.settings)


class DaskBackend:
    """Send batches to the Dask scheduler at ``address``; at most ``in_flight`` at a time."""

    def __init__(self, settings: Settings, address: str, in_flight: int | None = None):
        self.settings = settings
        try:
            self.client = Client(address, timeout="30s")
        except OSError as exc:
            raise DatelineError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        try:
            self.client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS_S)
            self.client.register_plugin(LoadResources(settings), name="dateline-resources")
        except Exception as exc:
            self.client.close()
            raise DatelineError(f"Dask workers at {address} could not start dateline: "
                                f"{type(exc).__name__}: {exc}") from exc
        threads = sum(self.client.nthreads().values())
        self.in_flight = in_flight or 2 * max(threads, 1)

    def map(self, jobs: Iterable[Job]) -> Iterator[tuple[BatchResult, Any]]:
        pending: collections.deque = collections.deque()
        jobs = iter(jobs)
        while True:
            while len(pending) < self.in_flight and (job := next(jobs, None)) is not None:
                articles, tag = job
                future = (self.client.submit(code_batch_on_worker, articles, self.settings, pure=False)
                          if articles else None)
                pending.append((future, tag))
            if not pending:
                return
            future, tag = pending.popleft()
            yield (future.result() if future is not None else ([], [])), tag

    def close(self, graceful: bool = True) -> None:
        self.client.close()
