"""Run the scorers named in ``SCORERS`` and format their figures as a table, JSON or markdown.

Each scorer module is imported only when one of its tasks is asked for and run
once, however many tasks it scores. A module that is missing, or a task whose
data is not in the folder, is reported and skipped; a scorer that fails is
reported with its error and the others go on.
"""

from __future__ import annotations

import importlib
import inspect
import logging
import platform
import subprocess
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DatelineError
from ..version import __version__
from . import SCORERS, Score

log = logging.getLogger(__name__)

OK, MISSING, NO_DATA, FAILED = "ok", "not available", "no data", "failed"


@dataclass
class ModuleRun:
    """What one scorer module did for the tasks asked of it."""

    module: str
    tasks: list[str]
    status: str = OK
    scores: list[Score] = field(default_factory=list)
    seconds: float = 0.0
    message: str = ""
    details: list[dict] = field(default_factory=list)  # per-item records, from scorers that give them

    def to_dict(self) -> dict[str, Any]:
        return {"module": self.module, "tasks": self.tasks, "status": self.status,
                "seconds": round(self.seconds, 2), "message": self.message,
                "scores": [s.to_dict() for s in self.scores]}


def select_tasks(only: Iterable[str] = ()) -> list[str]:
    """The tasks to run, in ``SCORERS`` order; ``only`` may hold names or comma-separated lists."""
    wanted = [name.strip() for item in only for name in item.split(",") if name.strip()]
    unknown = [name for name in wanted if name not in SCORERS]
    if unknown:
        raise DatelineError(f"unknown task {', '.join(unknown)}; known: {', '.join(SCORERS)}")
    return [task for task in SCORERS if not wanted or task in wanted]


def run_tasks(data_dir: str | Path, tasks: Sequence[str], *, quick: bool = False, details: bool = False,
              on_done: Callable[[ModuleRun], None] | None = None) -> list[ModuleRun]:
    """Run the scorer modules of ``tasks`` (each once) and collect their scores.

    With ``details``, scorers whose ``run`` takes a ``details`` list also return
    one record per item (gold and prediction side by side) for error analysis.
    """
    by_module: dict[str, list[str]] = {}
    for task in tasks:
        by_module.setdefault(SCORERS[task], []).append(task)
    runs = []
    for module, module_tasks in by_module.items():
        result = _run_module(Path(data_dir), module, module_tasks, quick, details)
        runs.append(result)
        if on_done:
            on_done(result)
    return runs


def _run_module(data_dir: Path, module: str, tasks: list[str], quick: bool, details: bool) -> ModuleRun:
    result = ModuleRun(module, tasks)
    started = time.perf_counter()
    try:
        scorer = importlib.import_module(f"{__package__}.{module}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__package__}.{module}":
            raise  # a scorer that exists but imports something missing is a real failure
        result.status, result.message = MISSING, f"scorer module dateline.evaluate.{module} is not installed"
        return result
    kwargs: dict[str, Any] = {"quick": quick}
    params = inspect.signature(scorer.run).parameters
    if "tasks" in params:
        kwargs["tasks"] = tasks  # modules that score several tasks may skip the ones not asked for
    if details and "details" in params:
        kwargs["details"] = result.details
    try:
        scores = scorer.run(data_dir, **kwargs)
    except FileNotFoundError as exc:
        result.status, result.message = NO_DATA, f"data not found: {exc.filename or exc}"
    except Exception as exc:  # one broken scorer must not hide the others' figures
        log.exception("scorer %s failed", module)
        result.status, result.message = FAILED, f"{type(exc).__name__}: {exc}"
    else:
        result.scores = [s for s in scores if s.task in tasks or s.task not in SCORERS]
    result.seconds = time.perf_counter() - started
    return result


def git_commit(repo: Path | None = None) -> str | None:
    """The commit the code was run from (with ``+dirty`` if changed), or None outside git."""
    repo = repo or Path(__file__).resolve().parents[2]
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=repo, capture_output=True,
                                text=True, timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=repo, check=False,
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return commit + ("+dirty" if dirty else "")


def report(runs: Sequence[ModuleRun], *, data_dir: str | Path, quick: bool, seconds: float) -> dict[str, Any]:
    """Everything a run produced, as one JSON-ready object."""
    return {
        "dateline_version": __version__,
        "commit": git_commit(),
        "python": platform.python_version(),
        "data_dir": str(data_dir),
        "quick": quick,
        "seconds": round(seconds, 2),
        "modules": [r.to_dict() for r in runs],
        "scores": [s.to_dict() for r in runs for s in r.scores],
    }


def _rows(runs: Sequence[ModuleRun]) -> list[tuple[str, str, str, str, str]]:
    rows = []
    for run in runs:
        if run.status != OK:
            rows.append((", ".join(run.tasks), run.status, "", "", run.message))
        for s in run.scores:
            rows.append((s.task, s.metric, f"{s.value:.3f}", str(s.n), s.note))
    return rows


def format_table(runs: Sequence[ModuleRun]) -> str:
    """A plain aligned table: task, metric, value, n, note."""
    rows = [("task", "metric", "value", "n", "note")] + _rows(runs)
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = []
    for i, row in enumerate(rows):
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1]), row[2].rjust(widths[2]),
                 row[3].rjust(widths[3]), row[4]]
        lines.append("  ".join(cells).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths) + "  ----")
    lines.append("")
    lines.append("seconds: " + ", ".join(f"{r.module} {r.seconds:.1f}" for r in runs))
    return "\n".join(lines)


def format_markdown(runs: Sequence[ModuleRun]) -> str:
    """A markdown table, one row per figure, for docs/accuracy.md."""
    lines = ["| task | metric | value | n | note |", "|---|---|---:|---:|---|"]
    for task, metric, value, n, note in _rows(runs):
        lines.append(f"| {task} | {metric} | {value} | {n} | {note.replace('|', '/')} |")
    lines.append("")
    lines.append("Seconds per scorer: " + ", ".join(f"{r.module} {r.seconds:.1f}" for r in runs) + ".")
    return "\n".join(lines)
