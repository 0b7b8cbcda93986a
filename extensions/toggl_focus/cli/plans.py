"""`focus ghosts plan FILE` and `focus ghosts apply FILE`: ghost plans from CSV, JSON or YAML.

The file lists the desired ghosts (`toggl_focus.plans.desired_from_rows`: `name`, and
optionally `description`, `project_ids`, `task_ids`, `team_ids`, `working_hours`, `id`).
`plan` reads the workspace and prints what would change and what applying costs; `apply`
makes the same plan and applies it. Re-running `apply` after a failure is safe: the new
plan is made from the workspace as it now is, so only what is left is sent.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .base import Command, argument, dry_run_option, json_option
from .errors import CliError, Exit
from .inputs import Row, read_rows
from .output import Output, note
from .session import Session, session

if TYPE_CHECKING:
    from .._client import Focus

file_argument = argument(
    "file",
    type=click.Path(path_type=Path),
    help="The desired ghosts: .csv, .json, .yaml or .yml.",
)
key_option = click.option(
    "--key",
    type=click.Choice(["name", "id"]),
    default="name",
    help="Match desired ghosts to the workspace's by name or id.",
)
prune_option = click.option(
    "--prune", is_flag=True, help="Delete the workspace's ghosts the file does not list."
)
embodied_option = click.option(
    "--include-embodied", is_flag=True, help="Also match (and prune) embodied ghosts."
)
READS = (
    "at least 1 request to read the workspace (1 per 100 ghosts, +1 per matched ghost whose "
    "row sets working_hours)"
)


def _desired(path: Path, key: str) -> list[Any]:
    """The file's desired ghosts; a bad row, or a key (name or id) given in two rows, is a
    usage error naming the rows (and their CSV lines), before any client is opened."""
    from .._plans.desired import key_of
    from ..errors import FocusConfigError
    from ..plans import desired_from_rows

    rows = read_rows(path)
    try:
        desired = desired_from_rows([row.values for row in rows])
    except FocusConfigError as exc:
        raise CliError(f"{path}: {_relabel(str(exc), rows)}") from None
    seen: dict[object, list[str]] = {}
    for row, ghost in zip(rows, desired, strict=True):
        value = key_of(ghost, key)  # type: ignore[arg-type]
        if value is not None:
            seen.setdefault(value, []).append(row.label)
    repeated = [
        f"{value!r} in {' and '.join(where)}" for value, where in seen.items() if len(where) > 1
    ]
    if repeated:
        raise CliError(f"{path}: the {key} {'; '.join(repeated)}; each {key} may appear once")
    return desired


def _relabel(message: str, rows: list[Row]) -> str:
    """`row 2, column ...` as this file's label of row 2 (`row 2 (line 3)` in a CSV)."""
    match = re.match(r"row (\d+)", message)
    if match is None or not 1 <= int(match[1]) <= len(rows):
        return message
    return rows[int(match[1]) - 1].label + message[match.end() :]


def _plan(focus: Focus, s: Session, path: Path, key: str, prune: bool, embodied: bool) -> Any:
    desired = _desired(path, key)
    with s.progress.bar("reading the workspace"):
        return focus.ghosts.plan(
            desired,
            key=key,  # type: ignore[arg-type]
            prune=prune,
            include_embodied=embodied,
        )


def _check_key(key: str) -> None:
    if key not in ("name", "id"):
        raise CliError(f"--key must be name or id, got {key!r}")


@click.command("plan", cls=Command)
@file_argument
@key_option
@prune_option
@embodied_option
@dry_run_option
@json_option
@click.pass_context
def plan(
    ctx: click.Context,
    file: Path,
    key: str,
    prune: bool,
    include_embodied: bool,
    dry_run: bool,
    json_: bool,
) -> None:
    """Show what applying FILE would change, and its exact cost; changes nothing.

    \b
    Examples:
      focus ghosts plan staff.csv
      focus ghosts plan staff.yaml --key id --json
    """
    out = Output(json_=json_)
    _check_key(key)
    _desired(file, key)  # a bad file fails here, before any request
    s = session(ctx)
    if dry_run:
        s.dry_run(READS, "to make the plan; nothing is changed")
    with s.client() as (focus, _):
        made = _plan(focus, s, file, key, prune, include_embodied)
        if out.mode == "json":
            out.json(made.to_dict())
        else:
            out.text(str(made))
            out.text(f"applying costs {made.cost} request{'s' * (made.cost != 1)}")


@click.command("apply", cls=Command)
@file_argument
@key_option
@prune_option
@embodied_option
@click.option(
    "--budget", type=click.IntRange(min=0), help="Refuse (send nothing) if applying costs more."
)
@dry_run_option
@json_option
@click.pass_context
def apply(
    ctx: click.Context,
    file: Path,
    key: str,
    prune: bool,
    include_embodied: bool,
    budget: int | None,
    dry_run: bool,
    json_: bool,
) -> None:
    """Make the plan for FILE and apply it; re-run it after a failure to finish.

    Refuses before any write when the plan costs more than --budget or than the quota left.

    \b
    Examples:
      focus ghosts apply staff.csv
      focus ghosts apply staff.csv --budget 10
      focus ghosts apply staff.csv --prune --dry-run
    """
    from ..plans import PlanApplyError

    out = Output(json_=json_)
    _check_key(key)
    _desired(file, key)
    s = session(ctx)
    if dry_run:
        s.dry_run(READS, "to make the plan, then the plan's cost (`focus ghosts plan` prices it)")
    with s.client() as (focus, counter):
        made = _plan(focus, s, file, key, prune, include_embodied)
        if out.mode != "json":
            out.text(str(made))
        try:
            with s.progress.requests("applying", counter.count + made.cost, counter):
                result = made.apply(budget=budget)
        except PlanApplyError as exc:
            if out.mode == "json":
                out.json({"plan": made.to_dict(), "result": exc.result.to_dict()})
            else:
                out.text(str(exc.result).split(". result.remaining_plan()", 1)[0])
            note(f"run `focus ghosts apply {file}` again to send what is left")
            raise
        if out.mode == "json":
            out.json({"plan": made.to_dict(), "result": result.to_dict()})
        else:
            out.text(result.summary())
    if not result.complete:  # pragma: no cover - apply raises unless every step was sent
        raise click.exceptions.Exit(Exit.PARTIAL)
