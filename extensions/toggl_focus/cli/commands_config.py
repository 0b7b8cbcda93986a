"""`focus config`: the small settings file (organization, workspace, base URL, token file)."""

from __future__ import annotations

import click

from . import config
from .base import Group, argument
from .errors import CliError
from .session import session

app = Group(
    help="Default organization, workspace, base URL and token file, kept in a config file.",
    no_args_is_help=True,
)
key_argument = argument("key", help=f"One of: {', '.join(config.KEYS)}.")


@app.command("set")
@key_argument
@argument("value", help="The value.")
def set_(key: str, value: str) -> None:
    """Set a key (the token itself is never stored: set token_file to a file holding it).

    \b
    Examples:
      focus config set organization_id 9001
      focus config set token_file ~/.config/toggl-focus/token
    """
    checked = config.check_value(key, value, where="the value")
    if key == "token_file":
        from pathlib import Path

        path = Path(str(checked)).expanduser()
        config.read_token_file(path)  # readable and not empty, or a usage error now
        checked = str(path.resolve())
    data = config.load()
    data[key] = checked
    print(f"{key} = {checked}  ({config.save(data)})")


@app.command("get")
@key_argument
def get(key: str) -> None:
    """Print a key's value (exit 1 when it is not set).

    \b
    Examples:
      focus config get workspace_id
    """
    if key not in config.KEYS:
        raise CliError(f"unknown config key {key!r}; known: {', '.join(config.KEYS)}")
    data = config.load()
    if key not in data:
        raise click.exceptions.Exit(1)
    print(data[key])


@app.command("unset")
@key_argument
def unset(key: str) -> None:
    """Remove a key from the config file.

    \b
    Examples:
      focus config unset base_url
    """
    if key not in config.KEYS:
        raise CliError(f"unknown config key {key!r}; known: {', '.join(config.KEYS)}")
    data = config.load()
    if data.pop(key, None) is not None:
        config.save(data)
    print(f"{key} unset")


@app.command("show")
@click.pass_context
def show(ctx: click.Context) -> None:
    """The settings this run would use, and where each comes from (never the token).

    \b
    Examples:
      focus config show
    """
    s = session(ctx).settings
    print(f"config file      {config.config_path()}")
    print(f"token            {'set, from ' + s.token_source if s.token else 'not set'}")
    print(f"organization_id  {s.organization_id or 'not set'}")
    print(f"workspace_id     {s.workspace_id or 'not set'}")
    print(f"base_url         {s.base_url or 'default (https://focus.toggl.com/api)'}")


@app.command("path")
def path() -> None:
    """Print the config file's path (it may not exist yet).

    \b
    Examples:
      focus config path
    """
    print(config.config_path())
