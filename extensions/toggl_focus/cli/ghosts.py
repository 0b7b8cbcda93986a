"""`focus ghosts`: list, show, create, update, delete and embody ghosts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .base import Group, argument, csv_option, dry_run_option, json_option
from .confirm import confirm, refuse_without_terminal, yes_option
from .errors import CliError, Exit, describe
from .inputs import LIMITS_HELP, read_rows
from .listing import limit_of, limit_options, listing_cost, show
from .output import Column, Output, cell, note
from .session import session

if TYPE_CHECKING:
    from ..embody import EmbodyReport

app = Group(help="Ghosts: placeholder people on a plan.", no_args_is_help=True)

ID = click.IntRange(min=1)
team_option = click.option(
    "--team", type=ID, multiple=True, show_default=False, help="Team id (repeats: --team ID ...)."
)
project_option = click.option(
    "--project",
    type=ID,
    multiple=True,
    show_default=False,
    help="Project id (repeats: --project ID ...).",
)
task_option = click.option(
    "--task", type=ID, multiple=True, show_default=False, help="Task id (repeats: --task ID ...)."
)
ghost_id_argument = argument("ghost_id", type=ID, help="Ghost id.")


def _assigned(ghost: Any, field: str) -> list[Any]:
    assigned = getattr(ghost, "assigned", None)
    value = getattr(assigned, field, None) if assigned is not None else None
    return value if isinstance(value, list) else []


def _projects(ghost: Any) -> list[int]:
    return [project.id for project in _assigned(ghost, "projects")]


def _tasks(ghost: Any) -> list[int]:
    return [task.id for task in _assigned(ghost, "tasks")]


LIST_COLUMNS = [
    Column("id", lambda g: g.id),
    Column("name", lambda g: g.name),
    Column("teams", lambda g: _assigned(g, "team_ids")),
    Column("projects", _projects),
    Column("embodied_by", lambda g: g.user_id),
]
DETAIL_COLUMNS = [
    *LIST_COLUMNS[:2],
    Column("description", lambda g: g.description),
    *LIST_COLUMNS[2:4],
    Column("tasks", _tasks),
    Column("embodied_by", lambda g: g.user_id),
    Column("embodied_at", lambda g: g.embodied_at),
    Column("created_at", lambda g: g.created_at),
    Column("updated_at", lambda g: g.updated_at),
]


def requests_text(count: int) -> str:
    """`1 request`, `3 requests`."""
    return f"{count} request{'s' * (count != 1)}"


@app.command("ls")
@click.option("--search", help="Name contains (any case).")
@team_option
@project_option
@click.option("--include-embodied", is_flag=True, help="Also embodied ghosts.")
@limit_options("ghosts")
@dry_run_option
@json_option
@csv_option
@click.pass_context
def ls(
    ctx: click.Context,
    search: str | None,
    team: tuple[int, ...],
    project: tuple[int, ...],
    include_embodied: bool,
    limit: int | None,
    all_: bool,
    dry_run: bool,
    json_: bool,
    csv_: bool,
) -> None:
    """List the workspace's ghosts: the first 100 (1 request) unless --limit N or --all.

    Rows print as each page of 100 arrives; stderr says how many more there are.
    --team and --project repeat.

    \b
    Examples:
      focus ghosts ls --search designer
      focus ghosts ls --team 41 --limit 250 --csv
      focus ghosts ls --all --json
    """
    out = Output(json_=json_, csv_=csv_)
    most = limit_of(limit, all_)
    s = session(ctx)
    if dry_run:
        s.dry_run(*listing_cost(most, "ghosts"))
    with s.client() as (focus, _):
        pager = focus.ghosts.list(
            search=search,
            team_ids=list(team) or None,
            project_ids=list(project) or None,
            include_embodied=True if include_embodied else None,
            max_items=most,
        )
        show(s, out, pager, LIST_COLUMNS, noun="ghosts", limit=most)


@app.command("get")
@ghost_id_argument
@dry_run_option
@json_option
@csv_option
@click.pass_context
def get(ctx: click.Context, ghost_id: int, dry_run: bool, json_: bool, csv_: bool) -> None:
    """Show one ghost (embodied ones too); exit 4 when there is none.

    \b
    Examples:
      focus ghosts get 1160
      focus ghosts get 1160 --json
    """
    out = Output(json_=json_, csv_=csv_)
    s = session(ctx)
    if dry_run:
        s.dry_run("1 request", f"GET ghost {ghost_id}")
    with s.client() as (focus, _):
        out.record(focus.ghosts.get(ghost_id), DETAIL_COLUMNS)


@app.command("create")
@argument("name", help="The ghost's name.")
@click.option("--description", help="A description.")
@team_option
@project_option
@task_option
@dry_run_option
@json_option
@csv_option
@click.pass_context
def create(
    ctx: click.Context,
    name: str,
    description: str | None,
    team: tuple[int, ...],
    project: tuple[int, ...],
    task: tuple[int, ...],
    dry_run: bool,
    json_: bool,
    csv_: bool,
) -> None:
    """Create a ghost, assigned to teams, projects and tasks (each option repeats).

    \b
    Examples:
      focus ghosts create "Designer (TBH)" --team 41 --project 202
      focus ghosts create "Data Engineer (TBH)" --description "Q3 hire" --json
    """
    out = Output(json_=json_, csv_=csv_)
    if not name.strip():
        raise CliError("the ghost's name must not be empty")
    s = session(ctx)
    if dry_run:
        s.dry_run("1 request", f"POST ghost {name!r}")
    with s.client() as (focus, _):
        ghost = focus.ghosts.create(
            name,
            description=description,
            assign_teams=list(team) or None,
            assign_projects=list(project) or None,
            assign_tasks=list(task) or None,
        )
        if ghost is None:
            note("created, but the answer did not say its id (find it with `ghosts ls --search`)")
            return
        out.record(ghost, DETAIL_COLUMNS)


@app.command("update")
@ghost_id_argument
@click.option("--name", help="New name.")
@click.option("--description", help="New description.")
@click.option(
    "--action",
    type=click.Choice(["add", "remove", "replace"]),
    show_default=False,
    help="How --team/--project/--task apply to the ghost's.",
)
@team_option
@project_option
@task_option
@dry_run_option
@json_option
@csv_option
@click.pass_context
def update(
    ctx: click.Context,
    ghost_id: int,
    name: str | None,
    description: str | None,
    action: str | None,
    team: tuple[int, ...],
    project: tuple[int, ...],
    task: tuple[int, ...],
    dry_run: bool,
    json_: bool,
    csv_: bool,
) -> None:
    """Change a ghost's name, description or assignments.

    \b
    Examples:
      focus ghosts update 1160 --name "Lead Designer (TBH)"
      focus ghosts update 1160 --action add --team 42 --project 202
      focus ghosts update 1160 --action replace --task 3033
    """
    out = Output(json_=json_, csv_=csv_)
    if name is None and description is None and not (team or project or task):
        raise CliError("nothing to change: give --name, --description, --team, --project or --task")
    if (team or project or task) and action is None:
        raise CliError("--team, --project and --task need --action add, remove or replace")
    s = session(ctx)
    if dry_run:
        s.dry_run("1 request", f"PATCH ghost {ghost_id}")
    with s.client() as (focus, _):
        ghost = focus.ghosts.update(
            ghost_id,
            name=name,
            description=description,
            assign_action=action,  # type: ignore[arg-type]
            assign_teams=list(team) or None,
            assign_projects=list(project) or None,
            assign_tasks=list(task) or None,
        )
        out.record(ghost, DETAIL_COLUMNS)


@app.command("rm")
@argument("ghost_ids", type=ID, nargs=-1, required=True, help="Ghost ids.")
@yes_option
@dry_run_option
@click.pass_context
def rm(ctx: click.Context, ghost_ids: tuple[int, ...], yes: bool, dry_run: bool) -> None:
    """Delete ghosts: read each (1 request), show them and ask, then delete (1 request each).

    On a terminal it asks [y/N]; elsewhere it needs --yes. An id with no ghost is exit 4
    with nothing deleted (the API would answer a delete of it with success).

    \b
    Examples:
      focus ghosts rm 1160
      focus ghosts rm 1160 1449 --yes
      focus ghosts rm 1160 --dry-run
    """
    unique = list(dict.fromkeys(ghost_ids))
    s = session(ctx)
    ids = ", ".join(map(str, unique))
    if dry_run:
        s.dry_run(requests_text(2 * len(unique)), f"GET, then DELETE, ghost {ids}")
    prompt = f"Delete {'ghost ' + ids if len(unique) == 1 else f'{len(unique)} ghosts'}?"
    refuse_without_terminal(prompt, yes=yes)
    with s.client() as (focus, _):
        with s.progress.bar("reading ghosts", len(unique)) as update:
            found = []
            for ghost_id in unique:
                found.append(focus.ghosts.get(ghost_id))  # a missing id: 404, exit 4
                update()
        if not yes:
            for ghost in found:
                note(f"will delete ghost {ghost.id}: {cell(ghost.name)}")
        confirm(prompt, yes=yes)
        with s.progress.bar("deleting ghosts", len(unique)) as update:
            for ghost in found:
                focus.ghosts.delete(ghost.id)
                print(f"deleted {ghost.id}: {cell(ghost.name)}")
                update()


def _role(role: str) -> int | str:
    text = role.strip()
    if not text:
        raise CliError("--role must not be empty")
    if text.isascii() and text.isdigit():
        if int(text) < 1:
            raise CliError(f"--role {role!r}: a role id is a positive integer")
        return int(text)
    return text


@app.command("embody")
@ghost_id_argument
@argument("email", help="The member's email.")
@click.option("--role", required=True, help="Role id, or code or name (e.g. member).")
@click.option(
    "--org-user-id",
    type=ID,
    help="The invite's recipient_org_user_id (skips the email lookup).",
)
@click.option(
    "--account-id",
    type=ID,
    help="The invite's recipient_user_account_id (with --org-user-id).",
)
@dry_run_option
@json_option
@click.pass_context
def embody(
    ctx: click.Context,
    ghost_id: int,
    email: str,
    role: str,
    org_user_id: int | None,
    account_id: int | None,
    dry_run: bool,
    json_: bool,
) -> None:
    """Hand a ghost to an invited or existing member, found by email.

    Costs: role name 1 (a role id 0) + email lookup 1 (0 with --org-user-id/--account-id)
    + embody 1 (+1 when the ghost is already embodied, to see by whom).

    \b
    Examples:
      focus ghosts embody 1160 ada.schmidt@northwind.example --role member
      focus ghosts embody 1160 ada.schmidt@northwind.example --role 3 --dry-run
    """
    from .._ground import check as _check
    from ..errors import FocusConfigError

    out = Output(json_=json_)
    chosen = _role(role)
    if (org_user_id is None) != (account_id is None):
        raise CliError("give --org-user-id and --account-id together")
    try:
        email = _check.email("EMAIL", email)
    except FocusConfigError as exc:
        raise CliError(str(exc)) from None
    s = session(ctx)
    steps = [("GET roles", isinstance(chosen, str)), ("GET users", org_user_id is None)]
    if dry_run:
        spent = [name for name, needed in steps if needed] + ["PATCH embody"]
        s.dry_run(
            requests_text(len(spent)), f"{', '.join(spent)} (+1 GET ghost if already embodied)"
        )
    from ..embody import InviteResult, LookupInviter, invite_and_embody

    with s.client() as (focus, _):
        person: str | InviteResult = email
        if org_user_id is not None and account_id is not None:
            person = InviteResult(email, org_user_id, account_id)
        result = invite_and_embody(
            focus, ghost_id, person, role=chosen, inviter=LookupInviter(focus)
        )
        if out.mode == "json":
            out.json(
                {
                    "ghost": result.ghost.to_dict(),
                    "org_user_id": result.invite.recipient_org_user_id,
                    "account_id": result.invite.recipient_user_account_id,
                    "role_id": result.role_id,
                    "already_done": result.already_done,
                    "requests": result.requests,
                }
            )
        else:
            what = "already embodied by" if result.already_done else "embodied by"
            out.text(
                f"ghost {ghost_id} {what} {email} (org user "
                f"{result.invite.recipient_org_user_id}, role {result.role_id})"
            )


@app.command("embody-many", epilog=LIMITS_HELP)
@argument(
    "file",
    type=click.Path(path_type=Path),
    help="CSV (or JSON/YAML) with ghost_id and email.",
)
@click.option("--role", required=True, help="Role id, or code or name, for every ghost.")
@dry_run_option
@json_option
@csv_option
@click.pass_context
def embody_many(
    ctx: click.Context, file: Path, role: str, dry_run: bool, json_: bool, csv_: bool
) -> None:
    """Embody many ghosts from a file of `ghost_id,email` rows, carrying on past failures.

    Costs: role name 1 (a role id 0) + 1 lookup per distinct email + 1 per ghost (+1 per
    ghost already embodied). Exit 7 when some failed; their rows are in the report.

    \b
    Examples:
      focus ghosts embody-many people.csv --role member
      focus ghosts embody-many people.csv --role 3 --csv > report.csv
    """
    from .._ground import check as _check

    out = Output(json_=json_, csv_=csv_)
    chosen = _role(role)
    people: dict[int, str] = {}
    seen: dict[int, str] = {}
    for row in read_rows(file, required=("ghost_id", "email"), allowed=("ghost_id", "email")):
        ghost_id = row.get("ghost_id", _positive, "a positive integer")
        email = row.get("email", lambda v: _check.email("email", v), "an email address")
        if ghost_id in people:
            raise CliError(f"{file}: {row.label}: ghost {ghost_id} is already in {seen[ghost_id]}")
        people[ghost_id], seen[ghost_id] = email, row.label
    planned = int(isinstance(chosen, str)) + len({e.casefold() for e in people.values()})
    planned += len(people)
    s = session(ctx)
    if dry_run:
        s.dry_run(
            requests_text(planned),
            f"{len(people)} ghosts (+1 GET ghost per ghost already embodied)",
        )
    from ..embody import LookupInviter
    from ..embody import embody_many as run

    with s.client() as (focus, counter):
        with s.progress.requests(f"embodying {len(people)} ghosts", planned, counter):
            report = run(focus, dict(people), role=chosen, inviter=LookupInviter(focus))
        _print_report(out, report)
    if report.stopped_by is not None:
        code, message = describe(report.stopped_by, s.resolved)
        note(f"error: stopped early: {message}")
        raise click.exceptions.Exit(code)
    if not report.ok:
        raise click.exceptions.Exit(Exit.PARTIAL)


def _positive(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise ValueError("not a positive integer")
    return int(text)


REPORT_COLUMNS = [
    Column("ghost_id", lambda o: o.ghost_id),
    Column("email", lambda o: o.email),
    Column("status", lambda o: o.status),
    Column("org_user_id", lambda o: o.invite.recipient_org_user_id if o.invite else None),
    Column("reason", lambda o: o.reason),
    Column("requests", lambda o: o.requests),
]


def _print_report(out: Output, report: EmbodyReport) -> None:
    if out.mode == "json":
        out.json(
            {
                "ok": report.ok,
                "requests": report.requests,
                "role_id": report.role_id,
                "stopped_by": None if report.stopped_by is None else str(report.stopped_by),
                "outcomes": [
                    {col.header: col.get(o) for col in REPORT_COLUMNS} for o in report.outcomes
                ],
            }
        )
        return
    out.rows(list(report.outcomes), REPORT_COLUMNS, title=str(report).splitlines()[0])
    if out.mode == "plain":
        note(str(report).splitlines()[0])


def _register_plans() -> None:
    from . import plans

    app.add_command(plans.plan, "plan")
    app.add_command(plans.apply, "apply")


_register_plans()
