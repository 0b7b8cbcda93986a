"""Asking before a change: `confirm(question, yes=..., destructive=...)`, for any command.

On a terminal (stdin and stdout both one) the question is asked on stderr and only `y` or
`yes` goes on; anything else, Ctrl-D or Ctrl-C sends nothing (exit 2). `--yes` skips the
question. Without a terminal nobody can answer: a destructive change (a delete) is refused
unless `--yes` says so, so a script never deletes by accident; anything else goes on, as
scripts always have.
"""

from __future__ import annotations

import sys

import click

from .errors import CliError

__all__ = ["confirm", "interactive"]


def interactive() -> bool:
    """Whether a person can answer: stdin and stdout are both a terminal."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def confirm(question: str, *, yes: bool, destructive: bool, flag: str = "--yes") -> None:
    """Go on when `yes`, when answered `y` on a terminal, or without a terminal when the
    change is not `destructive`; otherwise a usage error (exit 2) saying nothing was sent.

    `question` is asked as given, followed by ` [y/N]` (the default is no).
    """
    if yes:
        return
    if not interactive():
        if destructive:
            raise CliError(
                f"{question.rstrip('?')}: it deletes, and there is no terminal to ask: pass "
                f"{flag} to confirm; nothing was sent"
            )
        return
    try:
        agreed = click.confirm(question, default=False, err=True)
    except click.Abort:  # Ctrl-C or end of input at the prompt
        click.echo("", err=True)
        agreed = False
    if not agreed:
        raise CliError("not confirmed; nothing was sent")
