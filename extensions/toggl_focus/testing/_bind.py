"""Where the fake may listen: loopback, unless asked explicitly (`--allow-remote`).

The fake speaks plain http and accepts a token printed at start-up (and, by default, one
published in the README). Bound to any other address, anyone who reaches it may use it.
`python -m toggl_focus.testing` and `focus fake` both check `--host` here, so they agree.
"""

from __future__ import annotations

import sys
from typing import TextIO

from .._wire.auth import is_loopback

__all__ = ["ALLOW_REMOTE", "RemoteHostError", "check_host"]

#: The flag that lets the fake listen on a host that is not loopback.
ALLOW_REMOTE = "--allow-remote"


class RemoteHostError(ValueError):
    """`--host` is not a loopback address and `--allow-remote` was not given."""


def check_host(host: str, *, allow_remote: bool, warn: TextIO | None = None) -> None:
    """Refuse a host that is not loopback (RemoteHostError), unless `allow_remote`: then
    print a warning to `warn` (stderr by default) and let it be."""
    if is_loopback(host):
        return
    if not allow_remote:
        raise RemoteHostError(
            f"--host {host}: the fake serves loopback only (plain http, a token anyone who "
            f"reads its output knows); pass {ALLOW_REMOTE} to listen on {host} anyway"
        )
    print(
        f"warning: {ALLOW_REMOTE}: the fake listens on {host}, over plain http; anyone who "
        "can reach it may use it with its token",
        file=warn or sys.stderr,
        flush=True,
    )
