"""`focus quota`, `focus probe` and `focus fake`."""

from __future__ import annotations

import sys
from operator import itemgetter

import click

from .base import Command, csv_option, dry_run_option, json_option
from .errors import CliError, Exit
from .output import Column, Output, console
from .session import duration, session

#: Requests per hour of Focus's plans (https://engineering.toggl.com/docs/focus_start/).
PLANS = (("Free", 30), ("Starter", 240), ("Premium", 600))


def plan_tier(remaining: int) -> tuple[str, int | None]:
    """The plan a remaining count proves at least, and that plan's hourly limit.

    A response says what is left, not the limit: more than 30 left proves at least Starter,
    more than 240 Premium; 29 left could be any plan, so it proves nothing.
    """
    # The request that told us has been counted already: the limit is at least remaining + 1.
    floor = remaining + 1
    tier, limit = "unknown (any plan)", None
    for i, (name, allowed) in enumerate(PLANS):
        if floor > allowed:
            upper = PLANS[i + 1] if i + 1 < len(PLANS) else None
            tier = f"at least {upper[0]}" if upper else f"more than {name}"
            limit = upper[1] if upper else None
    return tier, limit


@click.command("quota", cls=Command)
@dry_run_option
@json_option
@csv_option
@click.pass_context
def quota(ctx: click.Context, dry_run: bool, json_: bool, csv_: bool) -> None:
    """Show the hourly request quota: what is left, when it resets, the plan when it shows.

    It costs 1 request (GET roles): the quota is in the headers of every answer, and only
    an answer tells it.

    \b
    Examples:
      focus quota
      focus quota --json
    """
    out = Output(json_=json_, csv_=csv_)
    s = session(ctx)
    if dry_run:
        s.dry_run("1 request", "GET roles, to read the quota headers of its answer")
    from ..errors import QuotaExceededError

    with s.client(workspace=False) as (focus, _):
        try:
            focus.roles.list()
        except QuotaExceededError:
            if focus.quota.remaining is None:
                raise
            # A spent quota is a state to show, not a failure: the 402 said 0 left and when.
        q = focus.quota
    remaining = q.remaining
    tier, limit = plan_tier(remaining) if remaining is not None else ("unknown", None)
    if out.mode in ("json", "csv"):
        fields = {
            "remaining": remaining,
            "resets_in": None if q.resets_in is None else round(q.resets_in),
            "resets_at": None if q.resets_at is None else q.resets_at.isoformat(),
            "plan": tier,
        }
        if out.mode == "json":
            out.json(fields)
        else:
            out.rows([fields], [Column(name, itemgetter(name)) for name in fields])
        return
    if remaining is None:
        out.text("the server sent no quota headers (unlimited, or not Focus)")
        return
    scale = limit or max(remaining, 30)
    resets = q.resets_at.strftime("%H:%M:%S UTC") if q.resets_at else "unknown"
    if out.mode == "table":
        from rich.progress_bar import ProgressBar
        from rich.table import Table

        grid = Table.grid(padding=(0, 2))
        grid.add_row(
            "remaining",
            ProgressBar(total=scale, completed=remaining, width=30),
            f"{remaining} of {'≥' if limit is None else ''}{scale}",
        )
        when = "" if q.resets_in is None else f"in {duration(q.resets_in)} "
        grid.add_row("resets", f"{when}(at {resets})", "")
        grid.add_row("plan", tier, "")
        console().print(grid)
    else:
        out.text(f"remaining\t{remaining}\nresets_at\t{resets}\nplan\t{tier}")


@click.command("probe", cls=Command, context_settings={"ignore_unknown_options": False})
@click.option(
    "--budget",
    type=click.IntRange(min=1),
    default=None,
    help="Most requests to send [default: 12; with --allow-writes, 14].",
)
@click.option("--verbose", is_flag=True, help="List every decision no check settles.")
@click.option("--yes", "-y", is_flag=True, help="Send without asking.")
@click.option(
    "--allow-writes",
    default="",
    show_default=False,
    help="Write operations it may use: create_ghost,delete_ghost.",
)
@dry_run_option
@json_option
@click.pass_context
def probe(
    ctx: click.Context,
    budget: int | None,
    verbose: bool,
    yes: bool,
    allow_writes: str,
    dry_run: bool,
    json_: bool,
) -> None:
    """Check this package's spec against the real API, within --budget requests.

    Prints the plan (each request and why) and asks before sending (unless --yes).
    Read-only unless --allow-writes. Exit 0 when every planned check ran and the server
    agreed with the spec, 1 when it does not (drift), 2 when declined or misused, 3 when
    inconclusive (too little could be checked: the report's first line says why). Needs
    the probe extra.

    \b
    Examples:
      focus probe --dry-run
      focus probe --budget 5
      focus probe --allow-writes create_ghost,delete_ghost --yes
    """
    s = session(ctx)
    argv = [
        "--organization-id", str(s.organization_id()),
        "--workspace-id", str(s.workspace_id()),
    ]  # fmt: skip
    if budget is not None:
        argv += ["--budget", str(budget)]
    if s.settings.base_url:
        argv += ["--base-url", s.settings.base_url]
    if allow_writes:
        argv += ["--allow-writes", allow_writes]
    if dry_run:
        try:
            from ..probe import Probe
        except ImportError as exc:
            raise CliError(
                f"{exc}; install the probe extra: pip install 'toggl-focus[probe]'"
            ) from None
        plan = Probe(
            organization_id=s.organization_id(),
            workspace_id=s.workspace_id(),
            token=s.token(),
            budget=budget,
            allow_writes=[op.strip() for op in allow_writes.split(",") if op.strip()],
            base_url=s.settings.base_url,
        )
        print(plan.plan_text())
        s.dry_run(f"at most {plan.budget} requests", "the plan above")
    from ..probe.__main__ import main as run_probe

    argv += ["--token", s.token()]  # in-process: the token is never on a command line
    argv += ["--yes"] * yes + ["--json"] * json_ + ["--verbose"] * verbose
    raise click.exceptions.Exit(run_probe(argv))


@click.command("fake", cls=Command)
@click.option(
    "--port", type=click.IntRange(min=0, max=65535), default=8080, help="Port (0: any free one)."
)
@click.option("--host", default="127.0.0.1", help="Address to bind (loopback).")
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Allow a --host that is not loopback (plain http, a known token: a warning).",
)
@click.option("--quota", type=click.IntRange(min=0), help="Requests per hour (default: unlimited).")
@click.option("--seed", type=int, default=0, help="Seed of the generated organization.")
@click.option("--ghosts", type=click.IntRange(min=0), default=300, help="Ghosts to seed.")
@click.option("--users", type=click.IntRange(min=1), default=120, help="Users to seed.")
@click.option(
    "--style",
    type=click.Choice(["go", "sparse"]),
    default="go",
    show_default=True,
    help='Unset values: "go" sends Toggl\'s zero values ("" and 0; a user\'s rate and '
    'working_hours always), "sparse" sends null and leaves those two out.',
)
def fake(
    port: int,
    host: str,
    allow_remote: bool,
    quota: int | None,
    seed: int,
    ghosts: int,
    users: int,
    style: str,
) -> None:
    """Serve the fake Focus API (toggl_focus.testing) until Ctrl-C: no token, no quota spent.

    Prints the base URL, the token and the lines to export so that `focus` uses it.
    Needs the testing extra. By default the fake sends what Toggl sends for unset values
    (`""` timestamps, `0` ids); `--style sparse` sends null instead, to check that your
    app tolerates both.

    \b
    Examples:
      focus fake
      focus fake --port 0 --quota 30 --ghosts 5000
      focus fake --style sparse
    """
    try:
        from ..testing import FakeFocus
        from ..testing._server import FakeServer
    except ImportError as exc:
        raise CliError(
            f"{exc}; install the testing extra: pip install 'toggl-focus[testing]'"
        ) from None
    from ..testing._bind import RemoteHostError, check_host

    try:
        check_host(host, allow_remote=allow_remote)
    except RemoteHostError as exc:
        raise CliError(str(exc)) from None
    instance = FakeFocus(seed=seed, ghosts=ghosts, users=users, quota=quota, style=style)
    try:
        server = FakeServer(instance, host, port)
    except OSError as exc:
        raise CliError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    limit = "unlimited" if quota is None else f"{quota} requests/hour"
    lines = [
        f"Fake Toggl Focus API at {server.base_url} (quota: {limit}; style: {style}; "
        "Ctrl-C to stop)",
        f"export TOGGL_FOCUS_BASE_URL={server.base_url}",
        f"export TOGGL_FOCUS_API_TOKEN={instance.token}",
        f"export TOGGL_FOCUS_ORGANIZATION_ID={instance.organization_id}",
        f"export TOGGL_FOCUS_WORKSPACE_ID={instance.workspace_id}",
    ]
    print("\n".join(lines), flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
        raise click.exceptions.Exit(Exit.OK) from None
    finally:
        server.server_close()
