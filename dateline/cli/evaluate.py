"""``dateline evaluate``: score dateline against the human-coded gold data and print the figures."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from ..errors import DatelineError
from ..evaluate import SCORERS
from ..evaluate.runner import (
    FAILED,
    ModuleRun,
    format_markdown,
    format_table,
    report,
    run_tasks,
    select_tasks,
)
from .common import output_stream
from .options import quiet_option

# The gold data sits beside the checkout, in ../shared/data.
DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


@click.command()
@click.option("--data", "data_dir", type=click.Path(file_okay=False),
              help=f"Folder of gold sets in the shared data's formats [default: {DEFAULT_DATA}].")
@click.option("--only", multiple=True, metavar="TASK",
              help=f"Run only these tasks (repeatable or comma-separated): {', '.join(SCORERS)}.")
@click.option("--quick", is_flag=True, help="Score a small fixed subset of each set (what CI runs).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: every figure, with timings and the commit.")
@click.option("--markdown", is_flag=True, help="Print a markdown table (for docs/accuracy.md).")
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False),
              help="Also write one JSON line per scored item (gold beside dateline's events) here.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write the result here instead of stdout.")
@quiet_option
def evaluate(data_dir, only, quick, as_json, markdown, errors_path, output, quiet):
    """Score dateline against human-coded gold data and print a table of figures.

    Exits with status 1 if a scorer failed; tasks whose scorer or data is
    missing are reported and skipped.

    \b
    Example:
      dateline evaluate                          # every task, ../shared/data
      dateline evaluate --only plover-gsr --only cameo-examples
      dateline evaluate --quick --json -o scores.json
      dateline evaluate --only plover-gsr --errors gsr-items.jsonl
    """
    if as_json and markdown:
        raise click.UsageError("choose one of --json and --markdown")
    data = Path(data_dir) if data_dir else DEFAULT_DATA
    if not data.is_dir():
        raise click.UsageError(f"gold data folder {data} not found; point --data at a folder holding "
                               "plover-gsr/, cameo-codebook-examples/, ... (see ../shared/data/README.md)")
    try:
        tasks = select_tasks(only)
    except DatelineError as exc:
        raise click.BadParameter(str(exc), param_hint="--only") from None
    started = time.perf_counter()

    def progress(run: ModuleRun) -> None:
        if not quiet:
            detail = f" ({run.message})" if run.message else ""
            click.echo(f"  {', '.join(run.tasks)}: {run.status}, {run.seconds:.1f} s{detail}", err=True)

    runs = run_tasks(data, tasks, quick=quick, details=bool(errors_path), on_done=progress)
    seconds = time.perf_counter() - started
    with output_stream(output) as out:
        if as_json:
            out.write(json.dumps(report(runs, data_dir=data, quick=quick, seconds=seconds), indent=2) + "\n")
        elif markdown:
            out.write(format_markdown(runs) + "\n")
        else:
            out.write(format_table(runs) + "\n")
    if errors_path:
        with open(errors_path, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in (d for r in runs for d in r.details))
    if not quiet:
        click.echo(f"{sum(len(r.scores) for r in runs)} figures from {len(runs)} scorers in {seconds:.1f} s"
                   + (" (quick subset)" if quick else ""), err=True)
    return 1 if any(r.status == FAILED for r in runs) else 0
