"""`focus ghosts plan FILE` and `focus ghosts apply FILE`: ghost plans from CSV, JSON or YAML.

The file lists the desired ghosts (`toggl_focus.plans.desired_from_rows`: `name`, and
optionally `description`, `project_ids`, `task_ids`, `team_ids`, `working_hours`, `id`; an
empty `working_hours` cell leaves the ghost's hours alone, and costs no read). `plan` reads
the workspace and prints what would change and what applying costs (`+` create, `~` update,
`-` delete, coloured on a terminal); `-o PLAN` also saves the plan. `apply` takes a rows
file (it plans again, then applies) or a saved plan, told apart by content (a JSON object
with `focus_plan`). A saved plan is applied exactly: a staleness check of one request per
100 ghosts it updates or deletes (exit 8 when one of them changed since, or when the file
was applied already: it is marked before its first write), then its changes, nothing else.

Before sending, `apply` shows the plan and asks on a terminal (`confirm.py`; `--yes` skips
the question). Without a terminal a plan that deletes (`--prune`) needs `--yes`, refused
before any request; other plans apply as they always have. Re-running `apply ROWS` after a
failure is safe: the new plan is made from the workspace as it now is, so only what is left
is sent.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .base import Command, argument, dry_run_option, json_option
from .confirm import can_ask, confirm
from .errors import CliError, Exit
from .inputs import LIMITS_HELP, Row, read_rows, read_saved_plan
from .output import Output, console, note
from .session import Session, session

if TYPE_CHECKING:
    from .._plans.saved import SavedPlan
    from .._sync.client import Focus

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
READS = "at least 1 request"
#: The signs of the plan's table and their colours on a terminal.
STYLES = {"+": "green", "~": "yellow", "-": "red"}


def _reads(desired: list[Any]) -> str:
    """What making the plan costs, as a dry run can tell it without reading."""
    hours = sum(d.working_hours is not None for d in desired)
    return (
        f"GET ghosts, 1 per 100 ghosts of the workspace, then 1 GET working hours per row "
        f"that states working_hours and names a ghost (at most {hours} of the "
        f"{len(desired)} rows)"
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


def _show(out: Output, made: Any) -> None:
    """The plan's table: each change coloured by its sign on a terminal, plain otherwise."""
    text = str(made)
    if out.mode != "table":
        out.text(text)
        return
    from rich.text import Text

    screen = console()
    for line in text.splitlines():
        style = STYLES.get(line[2:3], "") if line.startswith("  ") else ""
        screen.print(Text(line, style=style), soft_wrap=True)  # names stay text, never markup


def _requests(count: int) -> str:
    return f"{count} request{'s' * (count != 1)}"


# --- saved plans -----------------------------------------------------------------------------


def _writable_target(output: Path, source: Path) -> None:
    """Refuse, before any request, an output the plan could not be written to."""
    if output.resolve() == source.resolve():
        raise CliError(f"-o {output} is the rows file itself; name another file")
    if output.is_dir():
        raise CliError(f"-o {output} is a directory; name a file")
    if not output.parent.is_dir():
        raise CliError(f"cannot write {output}: no directory {output.parent}")


def _write_json(path: Path, document: dict[str, Any]) -> None:
    """Write the document whole or not at all (a temporary file renamed over the path)."""
    from .._plans.saved import dumps

    text = dumps(document) + "\n"
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(temporary, path)
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror or exc}") from None


def _save(path: Path, made: Any, source: Path) -> None:
    document = json.loads(made.to_json())
    document["source"] = str(source)
    _write_json(path, document)
    note(f"plan saved to {path}: apply exactly it with `focus ghosts apply {path}`")


def _load(path: Path, document: dict[str, Any]) -> SavedPlan:
    """The saved plan checked (no request): malformed, or applied already, is refused."""
    from .._plans.saved import parse
    from ..errors import FocusConfigError

    try:
        saved = parse(document)
    except FocusConfigError as exc:
        raise CliError(f"{path}: {exc}") from None
    applied = document.get("applied")
    if applied is not None:
        when = applied.get("at", "?") if isinstance(applied, dict) else "?"
        raise CliError(
            f"{path} was applied already (at {when}); a saved plan is applied once: "
            f"{_again(path, document)}",
            Exit.STALE,
        )
    if not os.access(path, os.W_OK):
        raise CliError(
            f"{path} is read-only: apply marks a saved plan as applied (so it is never sent "
            "twice); copy it somewhere writable"
        )
    return saved


def _again(path: Path, document: dict[str, Any]) -> str:
    source = document.get("source")
    rows = source if isinstance(source, str) and source else "ROWS"
    return f"plan again: focus ghosts plan {rows} -o {path}"


def _mark(path: Path, document: dict[str, Any], **state: object) -> None:
    """Record in the saved plan that it is being (or was) applied."""
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    document["applied"] = {"at": now, **state}
    _write_json(path, document)


def _explicit(ctx: click.Context, *names: str) -> list[str]:
    from click.core import ParameterSource

    return [
        f"--{n.replace('_', '-')}"
        for n in names
        if ctx.get_parameter_source(n) not in (ParameterSource.DEFAULT, None)
    ]


def _unattended(deletes: bool, yes: bool, what: str) -> None:
    """Without a terminal, a plan that deletes needs --yes: refused before any request."""
    if deletes and not can_ask():
        confirm(what, yes=yes, destructive=True)


def _ask(made: Any, yes: bool) -> None:
    """Show what will be deleted, then ask (on a terminal, unless --yes) before sending."""
    creates, updates, deletes = len(made.creates), len(made.updates), len(made.deletes)
    if made.cost == 0:
        return
    if deletes and can_ask() and not yes:
        note(f"deletes {deletes} ghost{'s' * (deletes != 1)}:")
        for d in made.deletes:
            name = d.ghost.name if isinstance(d.ghost.name, str) else ""
            note(f"  - {d.id} {name!r}")
    total = creates + updates + deletes
    question = (
        f"Apply {total} change{'s' * (total != 1)} ({creates} creates, {updates} updates, "
        f"{deletes} deletes)?"
    )
    confirm(question, yes=yes, destructive=bool(deletes))


# --- the commands ----------------------------------------------------------------------------


@click.command("plan", cls=Command, epilog=LIMITS_HELP)
@file_argument
@key_option
@prune_option
@embodied_option
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Also save the plan (JSON) for `focus ghosts apply PLAN` to apply exactly.",
)
@dry_run_option
@json_option
@click.pass_context
def plan(
    ctx: click.Context,
    file: Path,
    key: str,
    prune: bool,
    include_embodied: bool,
    output: Path | None,
    dry_run: bool,
    json_: bool,
) -> None:
    """Show what applying FILE would change, and its exact cost; changes nothing.

    An empty working_hours cell leaves that ghost's hours alone (`none` clears them), so
    only rows that state hours cost a read. With -o PLAN the plan is saved: `focus ghosts
    apply PLAN` then checks the ghosts it touches (1 request per 100) and sends exactly it.

    \b
    Examples:
      focus ghosts plan staff.csv
      focus ghosts plan staff.yaml --key id --json
      focus ghosts plan staff.csv -o plan.json
    """
    out = Output(json_=json_)
    _check_key(key)
    if read_saved_plan(file) is not None:
        raise CliError(f"{file} is a saved plan already: apply it with `focus ghosts apply {file}`")
    desired = _desired(file, key)  # a bad file fails here, before any request
    if output is not None:
        _writable_target(output, file)
    s = session(ctx)
    if dry_run:
        s.dry_run(READS, f"{_reads(desired)}; nothing is changed")
    with s.client() as (focus, _):
        made = _plan(focus, s, file, key, prune, include_embodied)
        if output is not None:
            _save(output, made, file)
        if out.mode == "json":
            out.json(made.to_dict())
        else:
            _show(out, made)
            out.text(f"applying costs {_requests(made.cost)}")


@click.command("apply", cls=Command, epilog=LIMITS_HELP)
@argument(
    "file",
    type=click.Path(path_type=Path),
    help="The desired ghosts (.csv, .json, .yaml or .yml), or a plan saved by `plan -o`.",
)
@key_option
@prune_option
@embodied_option
@click.option(
    "--budget", type=click.IntRange(min=0), help="Refuse (send nothing) if applying costs more."
)
@click.option(
    "--yes", "-y", is_flag=True, help="Do not ask; needed without a terminal to delete (--prune)."
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
    yes: bool,
    dry_run: bool,
    json_: bool,
) -> None:
    """Apply FILE: plan it and apply the plan, or apply a saved plan exactly.

    Shows the plan and asks before sending on a terminal (--yes does not ask); without one,
    a plan that deletes needs --yes. Refuses before any write when the plan costs more than
    --budget or than the quota left. A saved plan (`plan -o`) is applied once, after a check
    that the ghosts it updates or deletes are as it saw them (exit 8 if not: plan again).
    Re-run `apply ROWS` after a failure to finish.

    \b
    Examples:
      focus ghosts apply staff.csv
      focus ghosts apply plan.json --yes
      focus ghosts apply staff.csv --prune --dry-run
    """
    out = Output(json_=json_)
    document = read_saved_plan(file)
    if document is not None:
        given = _explicit(ctx, "key", "prune", "include_embodied")
        if given:
            raise CliError(
                f"{file} is a saved plan: it carries its own key, prune and include-embodied; "
                f"drop {', '.join(given)}"
            )
        _apply_saved(ctx, out, file, document, budget=budget, yes=yes, dry_run=dry_run)
        return
    _check_key(key)
    desired = _desired(file, key)
    _unattended(prune, yes, "--prune deletes the ghosts the file does not list")
    s = session(ctx)
    if dry_run:
        s.dry_run(READS, f"{_reads(desired)}, then the plan's cost (`focus ghosts plan` says it)")
    with s.client() as (focus, counter):
        made = _plan(focus, s, file, key, prune, include_embodied)
        if out.mode != "json":
            _show(out, made)
        _ask(made, yes)
        _send(out, s, counter, made, budget, f"run `focus ghosts apply {file}` again")


def _apply_saved(
    ctx: click.Context,
    out: Output,
    file: Path,
    document: dict[str, Any],
    *,
    budget: int | None,
    yes: bool,
    dry_run: bool,
) -> None:
    """Check the saved plan is current, show it, ask, mark the file, send exactly it."""
    from ..plans import PlanApplyError, PlanBudgetError, StalePlanError

    saved = _load(file, document)
    _unattended(bool(saved.changes.deletes), yes, f"{file} deletes ghosts")
    s = session(ctx)
    if dry_run:
        checks, cost = saved.check_requests, saved.cost
        s.dry_run(
            _requests(checks + cost),
            f"{checks} GET ghosts to check the {len(saved.touched)} ghosts it updates or "
            f"deletes are as planned (100 per request), {cost} to apply it",
        )
    with s.client() as (focus, counter):
        try:
            made = focus.ghosts.load_plan(document)
        except StalePlanError as exc:
            said = str(exc).removesuffix(": plan again")  # the command to plan again instead
            raise CliError(f"{file}: {said}: {_again(file, document)}", Exit.STALE) from None
        if out.mode != "json":
            _show(out, made)
        _ask(made, yes)
        _mark(file, document, complete=False)  # before the first write: never sent twice
        try:
            result = _send(out, s, counter, made, budget, _again(file, document))
        except PlanBudgetError:
            document.pop("applied")
            _write_json(file, document)  # nothing was sent: the plan may still be applied
            raise
        except PlanApplyError as exc:
            _mark(file, document, complete=False, requests=exc.result.requests)
            raise
        _mark(file, document, complete=result.complete, requests=result.requests)


def _send(out: Output, s: Session, counter: Any, made: Any, budget: int | None, how: str) -> Any:
    """Apply the plan, print the result; on a failure part-way say `how` to finish."""
    from ..plans import PlanApplyError

    try:
        with s.progress.requests("applying", counter.count + made.cost, counter):
            result = made.apply(budget=budget)
    except PlanApplyError as exc:
        if out.mode == "json":
            out.json({"plan": made.to_dict(), "result": exc.result.to_dict()})
        else:
            out.text(str(exc.result).split(". result.remaining_plan()", 1)[0])
        note(f"{how} to send what is left")
        raise
    if out.mode == "json":
        out.json({"plan": made.to_dict(), "result": result.to_dict()})
    else:
        out.text(result.summary())
    if not result.complete:  # pragma: no cover - apply raises unless every step was sent
        raise click.exceptions.Exit(Exit.PARTIAL)
    return result
