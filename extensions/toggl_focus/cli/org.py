"""`focus users`, `roles`, `teams` and `groups`: the organization's people."""

from __future__ import annotations

from typing import Any

import click

from .base import Group, argument, csv_option, dry_run_option, json_option
from .confirm import confirm, refuse_without_terminal, yes_option
from .errors import CliError, Exit
from .listing import limit_of, limit_options, listing_cost, show
from .output import Column, Output, cell, note
from .session import session

users = Group(help="Organization users (invited people included).", no_args_is_help=True)
roles = Group(help="Organization roles.", no_args_is_help=True)
teams = Group(help="The workspace's teams, with their ghosts.", no_args_is_help=True)
groups = Group(help="Organization groups.", no_args_is_help=True)

ID = click.IntRange(min=1)
PAGE = 100


def _names(items: Any, field: str) -> list[Any]:
    return [getattr(i, field) for i in items] if isinstance(items, list) else []


USER_COLUMNS = [
    Column("id", lambda u: u.id),
    Column("name", lambda u: u.name),
    Column("email", lambda u: u.email),
    Column("joined", lambda u: u.joined),
    Column("active", lambda u: u.active),
    Column("admin", lambda u: u.admin),
]
ROLE_COLUMNS = [
    Column("role_id", lambda r: r.role_id),
    Column("code", lambda r: r.code),
    Column("name", lambda r: r.name),
    Column("description", lambda r: r.description),
]
TEAM_COLUMNS = [
    Column("id", lambda t: t.id),
    Column("name", lambda t: t.name),
    Column("emoji", lambda t: t.emoji),
    Column("users", lambda t: _names(t.users, "organization_user_id")),
    Column("ghosts", lambda t: _names(t.ghosts, "id")),
]
GROUP_COLUMNS = [
    Column("id", lambda g: g.id),
    Column("name", lambda g: g.name),
    Column("emoji", lambda g: g.emoji),
]
GROUP_DETAIL = [
    *GROUP_COLUMNS,
    Column("members", lambda g: _names(g.users, "organization_user_id")),
    Column("workspaces", lambda g: _names(g.workspaces, "workspace_id")),
]


@users.command("ls")
@click.option("--filter", help="Name or email contains.")
@limit_options("users")
@dry_run_option
@json_option
@csv_option
@click.pass_context
def users_ls(
    ctx: click.Context,
    filter: str | None,
    limit: int | None,
    all_: bool,
    dry_run: bool,
    json_: bool,
    csv_: bool,
) -> None:
    """List organization users: the first 100 (1 request) unless --limit N or --all.

    Rows print as each page of 100 arrives.

    \b
    Examples:
      focus users ls --filter northwind
      focus users ls --all --csv > users.csv
    """
    out = Output(json_=json_, csv_=csv_)
    most = limit_of(limit, all_)
    s = session(ctx)
    if dry_run:
        s.dry_run(*listing_cost(most, "users"))
    with s.client(workspace=False) as (focus, _):
        pager = focus.users.list(filter=filter, max_items=most)
        show(s, out, pager, USER_COLUMNS, noun="users", limit=most)


@users.command("find")
@argument("email", help="The whole email (any case).")
@dry_run_option
@json_option
@csv_option
@click.pass_context
def users_find(ctx: click.Context, email: str, dry_run: bool, json_: bool, csv_: bool) -> None:
    """Find the member (joined or invited) with this email; exit 4 when there is none.

    \b
    Examples:
      focus users find ada.schmidt@northwind.example
    """
    from .._ground import check as _check
    from ..errors import FocusConfigError

    out = Output(json_=json_, csv_=csv_)
    try:
        email = _check.email("EMAIL", email)
    except FocusConfigError as exc:
        raise CliError(str(exc)) from None
    s = session(ctx)
    if dry_run:
        s.dry_run("1 request", "GET users filtered by the email (+1 per further 100 matches)")
    with s.client(workspace=False) as (focus, _):
        matches = [
            user
            for user in focus.users.list(filter=email, page_size=PAGE)
            if isinstance(user.email, str) and user.email.casefold() == email.casefold()
        ]
        if not matches:
            raise CliError(f"no organization member has the email {email}", Exit.NOT_FOUND)
        if len(matches) == 1:
            out.record(matches[0], USER_COLUMNS)
        else:
            out.rows(matches, USER_COLUMNS)


@roles.command("ls")
@dry_run_option
@json_option
@csv_option
@click.pass_context
def roles_ls(ctx: click.Context, dry_run: bool, json_: bool, csv_: bool) -> None:
    """List the organization's roles (`--role` of `ghosts embody` takes an id, code or name).

    \b
    Examples:
      focus roles ls
      focus roles ls --json
    """
    out = Output(json_=json_, csv_=csv_)
    s = session(ctx)
    if dry_run:
        s.dry_run("1 request", "GET roles")
    with s.client(workspace=False) as (focus, _):
        out.rows(focus.roles.list(), ROLE_COLUMNS)


@teams.command("ls")
@click.option("--filter", help="Team name contains.")
@limit_options("teams")
@dry_run_option
@json_option
@csv_option
@click.pass_context
def teams_ls(
    ctx: click.Context,
    filter: str | None,
    limit: int | None,
    all_: bool,
    dry_run: bool,
    json_: bool,
    csv_: bool,
) -> None:
    """List the workspace's teams with their members and ghosts: the first 100 (1 request)
    unless --limit N or --all.

    \b
    Examples:
      focus teams ls
      focus teams ls --filter design --json
    """
    out = Output(json_=json_, csv_=csv_)
    most = limit_of(limit, all_)
    s = session(ctx)
    if dry_run:
        s.dry_run(*listing_cost(most, "teams"))
    with s.client() as (focus, _):
        pager = focus.teams.list(filter=filter, max_items=most)
        show(s, out, pager, TEAM_COLUMNS, noun="teams", limit=most)


@groups.command("ls")
@dry_run_option
@json_option
@csv_option
@click.pass_context
def groups_ls(ctx: click.Context, dry_run: bool, json_: bool, csv_: bool) -> None:
    """List the groups you (the API key's user) belong to: the API lists no others.

    \b
    Examples:
      focus groups ls
      focus groups ls --csv
    """
    out = Output(json_=json_, csv_=csv_)
    s = session(ctx)
    if dry_run:
        s.dry_run("1 request", "GET groups/me")
    with s.client(workspace=False) as (focus, _):
        out.rows(focus.groups.mine(), GROUP_COLUMNS)


member_option = click.option(
    "--member", type=ID, multiple=True, help="Organization user id (repeats)."
)
workspace_option = click.option(
    "--workspace", type=ID, multiple=True, help="Workspace id (repeats)."
)
group_id_argument = argument("group_id", type=ID, help="Group id.")


@groups.command("create")
@argument("name", help="The group's name.")
@click.option("--emoji", required=True, help="The group's emoji (the API requires one).")
@member_option
@workspace_option
@dry_run_option
@json_option
@csv_option
@click.pass_context
def groups_create(
    ctx: click.Context,
    name: str,
    emoji: str,
    member: tuple[int, ...],
    workspace: tuple[int, ...],
    dry_run: bool,
    json_: bool,
    csv_: bool,
) -> None:
    """Create a group of members (--member) in workspaces (--workspace).

    \b
    Examples:
      focus groups create "Night shift" --emoji 🌙 --member 5101 --workspace 7001
    """
    out = Output(json_=json_, csv_=csv_)
    if not name.strip():
        raise CliError("the group's name must not be empty")
    s = session(ctx)
    if dry_run:
        s.dry_run("1 request", f"POST group {name!r}")
    with s.client(workspace=False) as (focus, _):
        group = focus.groups.create(
            name, emoji=emoji, organization_users=member or (), workspaces=workspace or ()
        )
        out.record(group, GROUP_DETAIL)


@groups.command("update")
@group_id_argument
@click.option("--name", required=True, help="The name (required: the update replaces).")
@click.option("--emoji", required=True, help="The emoji (required).")
@member_option
@workspace_option
@dry_run_option
@json_option
@csv_option
@click.pass_context
def groups_update(
    ctx: click.Context,
    group_id: int,
    name: str,
    emoji: str,
    member: tuple[int, ...],
    workspace: tuple[int, ...],
    dry_run: bool,
    json_: bool,
    csv_: bool,
) -> None:
    """Replace a group: its name, emoji, members and workspaces (unlisted ones are removed).

    \b
    Examples:
      focus groups update 12 --name "Late shift" --emoji 🌙 --member 5101 --member 5213
    """
    out = Output(json_=json_, csv_=csv_)
    s = session(ctx)
    if dry_run:
        s.dry_run("1 request", f"PUT group {group_id}")
    with s.client(workspace=False) as (focus, _):
        group = focus.groups.update(
            group_id,
            name=name,
            emoji=emoji,
            organization_users=member or (),
            workspaces=workspace or (),
        )
        out.record(group, GROUP_DETAIL)


@groups.command("rm")
@group_id_argument
@yes_option
@dry_run_option
@click.pass_context
def groups_rm(ctx: click.Context, group_id: int, yes: bool, dry_run: bool) -> None:
    """Delete a group (the API checks your permission in the workspace); exit 4 if none.

    On a terminal it asks [y/N], naming the group when it is one of yours (the API reads
    no other group: 1 request, GET groups/me); elsewhere it needs --yes.

    \b
    Examples:
      focus groups rm 12
      focus groups rm 12 --yes
    """
    s = session(ctx)
    if dry_run:
        s.dry_run("1 request", f"DELETE group {group_id} (asking first reads your groups: +1)")
    prompt = f"Delete group {group_id}?"
    refuse_without_terminal(prompt, yes=yes)
    with s.client() as (focus, _):
        if not yes:
            names = {g.id: g.name for g in focus.groups.mine()}
            name = names.get(group_id)
            note(
                f"will delete group {group_id}: {cell(name)}"
                if name is not None
                else f"will delete group {group_id} (not one of your groups: "
                "the API shows no other group's name)"
            )
        confirm(prompt, yes=yes)
        focus.groups.delete(group_id)
        print(f"deleted group {group_id}")
