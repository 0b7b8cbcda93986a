"""`python -m toggl_focus.probe`: the command line of the live probe (see `toggl_focus.probe`).

    python -m toggl_focus.probe --organization-id 9001 --workspace-id 7001 [--budget 12]
        [--token-file PATH | --token TOKEN] [--yes] [--json] [--verbose]
        [--allow-writes OP,...] [--base-url URL]

It prints the plan (each request and why) before sending anything, asks for confirmation
unless `--yes`, then prints the report: human-readable, or JSON with `--json` (the plan then
goes to stderr, so stdout is the JSON alone). The token comes from `--token`, `--token-file`
or $TOGGL_FOCUS_API_TOKEN, and appears in neither output. Exit status: 0 when every
planned check ran and the server agreed with the spec, 1 when drift was found, 2 for a
usage error or a declined plan, 3 when the run is inconclusive (too little could be
checked, or a ghost it created may be left behind: the report's first line says why).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path
from typing import TextIO

from ..errors import FocusConfigError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m toggl_focus.probe",
        description=(
            "Check toggl-focus's spec against the real Toggl Focus API within a request "
            "budget: read-only unless --allow-writes names operations."
        ),
    )
    parser.add_argument("--organization-id", type=int, required=True, help="organization id")
    parser.add_argument("--workspace-id", type=int, required=True, help="workspace id")
    parser.add_argument(
        "--budget",
        type=int,
        default=None,
        help="most requests to send (default 12; with --allow-writes, what they need: 14)",
    )
    tokens = parser.add_mutually_exclusive_group()
    tokens.add_argument("--token", help="API token (default: $TOGGL_FOCUS_API_TOKEN)")
    tokens.add_argument("--token-file", type=Path, help="file holding the API token")
    parser.add_argument("--base-url", help="API base URL (default: production)")
    parser.add_argument(
        "--allow-writes",
        default="",
        metavar="OP,...",
        help="write operations the probe may use: create_ghost,delete_ghost",
    )
    parser.add_argument("--yes", action="store_true", help="send without asking")
    parser.add_argument("--json", action="store_true", help="print the JSON report")
    parser.add_argument(
        "--verbose", action="store_true", help="list every decision no check settles"
    )
    parser.add_argument("--async", dest="use_async", action="store_true", help="run on AsyncFocus")
    return parser


def _token(args: argparse.Namespace) -> str | None:
    if args.token_file is None:
        return args.token  # type: ignore[no-any-return]
    try:
        return str(args.token_file.read_text(encoding="utf-8").strip())
    except OSError as exc:
        raise FocusConfigError(f"cannot read --token-file: {exc.strerror}") from None


def main(argv: list[str] | None = None, *, stdin: TextIO | None = None) -> int:
    """Run the probe; return the exit status (see the module docstring)."""
    args = _parser().parse_args(argv)
    try:
        from . import Probe
    except ImportError as exc:  # the probe extra is missing
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        token = _token(args)
        if not (token or os.environ.get("TOGGL_FOCUS_API_TOKEN", "").strip()):
            raise FocusConfigError(
                "no Toggl Focus API token: pass --token or --token-file, or set "
                "$TOGGL_FOCUS_API_TOKEN"
            )
        probe = Probe(
            organization_id=args.organization_id,
            workspace_id=args.workspace_id,
            token=token,
            budget=args.budget,
            allow_writes=[op.strip() for op in args.allow_writes.split(",") if op.strip()],
            base_url=args.base_url,
        )
    except FocusConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    plan_out = sys.stderr if args.json else sys.stdout
    print(probe.plan_text(), file=plan_out, flush=True)
    if not args.yes:
        print(f"Send these requests to {probe.base_url}? [y/N] ", end="", file=plan_out, flush=True)
        answer = (stdin or sys.stdin).readline().strip().lower()
        if answer not in ("y", "yes"):
            print("Nothing sent.", file=plan_out)
            return 2
    report = asyncio.run(probe.arun()) if args.use_async else probe.run()
    text = report.to_json() if args.json else report.render(verbose=args.verbose)
    print(text, end="\n" if args.json else "")
    return report.exit_code


if __name__ == "__main__":
    raise SystemExit(main())
