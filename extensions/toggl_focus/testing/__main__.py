"""Run the fake Focus server on a socket: `python -m toggl_focus.testing --port 8080`."""

from __future__ import annotations

import argparse
import sys

from toggl_focus.testing._bind import ALLOW_REMOTE, RemoteHostError, check_host
from toggl_focus.testing._fake import DEFAULT_TOKEN, FakeFocus
from toggl_focus.testing._server import FakeServer
from toggl_focus.testing._state import STYLES


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, seed a fake and serve it until interrupted."""
    parser = argparse.ArgumentParser(
        prog="python -m toggl_focus.testing",
        description="Serve a stateful fake Toggl Focus API on loopback.",
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="loopback address to bind (default 127.0.0.1)"
    )
    parser.add_argument(
        ALLOW_REMOTE,
        action="store_true",
        help="allow a --host that is not loopback (plain http, a known token: a warning)",
    )
    parser.add_argument("--port", type=int, default=8080, help="port (default 8080; 0 = any)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated data")
    parser.add_argument("--ghosts", type=int, default=300, help="ghosts to seed (default 300)")
    parser.add_argument("--users", type=int, default=120, help="users to seed (default 120)")
    parser.add_argument(
        "--quota", type=int, default=None, help="requests per hour (default: unlimited)"
    )
    parser.add_argument("--token", default=DEFAULT_TOKEN, help="the accepted API key")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added per request")
    parser.add_argument(
        "--style",
        choices=STYLES,
        default="go",
        help='unset values: "go" sends Toggl\'s zero values ("" and 0, rate and working_hours '
        'always; the default), "sparse" sends null and leaves those two out',
    )
    parser.add_argument("--verbose", action="store_true", help="log every request to stderr")
    args = parser.parse_args(argv)
    try:
        check_host(args.host, allow_remote=args.allow_remote)
    except RemoteHostError as exc:
        parser.error(str(exc))

    fake = FakeFocus(
        seed=args.seed,
        ghosts=args.ghosts,
        users=args.users,
        quota=args.quota,
        token=args.token,
        style=args.style,
    )
    fake.latency = args.latency
    server = FakeServer(fake, args.host, args.port, verbose=args.verbose)
    quota = "unlimited" if args.quota is None else f"{args.quota} requests/hour"
    print(f"Fake Toggl Focus API at {server.base_url}", flush=True)
    print(f"  token:        {fake.token}", flush=True)
    print(f"  organization: {fake.organization_id}", flush=True)
    print(f"  workspaces:   {', '.join(map(str, fake.workspace_ids))}", flush=True)
    print(f"  style:        {fake.style}", flush=True)
    print(f"  quota:        {quota}   (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
