"""How far each input file is committed to the store, so a stopped run resumes without re-reading.

A checkpoint is (file, position): every item of the file up to that line (or
WARC record) is in the store, stored unchanged or recorded as a reject. It is
written right after the transaction that stores the batch, so it can lag the data by
one batch but never run ahead of it; what it misses, the store's skip-unchanged
check catches. A checkpoint holds only while the file's size and modification
time, and the options that decide how it is read, are the same.
"""

from __future__ import annotations

import hashlib
import os
import re

import pyarrow as pa

from .model import Article, Reject
from .store import Store
from .version import __version__

TABLE = ("CREATE TABLE IF NOT EXISTS checkpoints (path VARCHAR PRIMARY KEY, fingerprint VARCHAR, "
         "position BIGINT, run_id BIGINT, updated_at TIMESTAMP)")

# "path:line" for JSONL and CSV lines and WARC records. One-article files (.txt) get
# no checkpoint: re-reading one is as cheap as looking it up, and a folder of a
# million of them would make a million checkpoints.
_ORIGIN = re.compile(r"(?P<path>.+):(?P<position>\d+)")


def positions(items: list[Article | Reject]) -> dict[str, int]:
    """The last position each many-article input file reached among these items."""
    reached: dict[str, int] = {}
    for item in items:
        if match := _ORIGIN.fullmatch(item.origin):
            reached[os.path.abspath(match["path"])] = int(match["position"])
    return reached


class Checkpoints:
    """The checkpoints of one store, for one run's reading options."""

    def __init__(self, store: Store, run_id: int, reading: str):
        self._cursor = store.cursor()
        self._cursor.execute(TABLE)
        self._run_id = run_id
        self._reading = hashlib.sha1(f"{__version__}|{reading}".encode()).hexdigest()[:12]
        self._fingerprints: dict[str, str | None] = {}
        self._held: set[str] = set()

    def resumable(self) -> dict[str, int]:
        """Positions of the files that have not changed since they were checkpointed."""
        rows = self._cursor.execute("SELECT path, fingerprint, position FROM checkpoints").fetchall()
        return {path: pos for path, fingerprint, pos in rows if self._fingerprint(path) == fingerprint}

    def hold(self, items: list[Article | Reject]) -> None:
        """Stop advancing these items' files, so the next run reads these items again."""
        self._held.update(positions(items))

    def record(self, reached: dict[str, int]) -> None:
        """Note (after the batch's commit) the positions its files reached."""
        rows = [(path, fp, pos) for path, pos in reached.items()
                if path not in self._held and (fp := self._fingerprint(path))]
        if not rows:
            return
        paths, fingerprints, positions_ = zip(*rows, strict=True)
        batch = pa.table({"path": paths, "fingerprint": fingerprints,
                          "position": pa.array(positions_, pa.int64())})
        self._cursor.register("reached", batch)
        try:
            self._cursor.execute(
                "INSERT OR REPLACE INTO checkpoints SELECT path, fingerprint, position, ?, now()::TIMESTAMP "
                "FROM reached", [self._run_id])
        finally:
            self._cursor.unregister("reached")

    def _fingerprint(self, path: str) -> str | None:
        if path not in self._fingerprints:
            try:
                stat = os.stat(path)
                self._fingerprints[path] = f"{stat.st_size}:{stat.st_mtime_ns}:{self._reading}"
            except OSError:  # stdin, a missing file
                self._fingerprints[path] = None
        return self._fingerprints[path]
