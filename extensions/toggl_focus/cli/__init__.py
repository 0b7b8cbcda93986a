"""`focus`: the command line for Toggl Focus, over the `Focus` client (no HTTP of its own).

Installed with the `cli` extra (`pip install "toggl-focus[cli]"`: click, rich, PyYAML, and
jsonschema for `focus fake` and `focus probe`). The library never imports this package, so
`import toggl_focus` needs none of them. Shell completion is click's: `focus --help` says how
to turn it on. Layout: `app.py` (global options, command groups, errors to exit codes),
`base.py` (click command and group classes, shared flags), `session.py` (settings to client,
requests spent and quota left), `config.py` (flags, environment, config file), `output.py`
(tables, JSON, CSV, plain text, progress), `safe.py` (server text made inert for the
terminal, JSON and CSV), `listing.py` (paged listings: streamed, with a default limit),
`confirm.py` (asking before deleting, `--yes`), `errors.py` (exit codes), `inputs.py`
(CSV/JSON/YAML rows), and one module per command group.
"""

from __future__ import annotations

import sys

__all__ = ["main"]


def main() -> None:
    """The console script `focus`."""
    for stream in (sys.stdout, sys.stderr):
        # Output is sanitised (`safe`); this is the net under it: text the stream's encoding
        # cannot hold (a non-UTF-8 locale) prints as backslash escapes, never a traceback.
        reconfigure = getattr(stream, "reconfigure", None)
        if callable(reconfigure):
            reconfigure(errors="backslashreplace")
    try:
        from .app import app
    except ImportError as exc:  # the cli extra is missing, or holds too old a package
        from .._ground.requirements import explain

        reason = explain(exc)  # names the package, what is installed and what we need
        if "pip install" not in reason:
            reason += "; the cli extra installs what `focus` needs: pip install 'toggl-focus[cli]'"
        print(f"focus: error: {reason}", file=sys.stderr)
        raise SystemExit(2) from None
    app(prog_name="focus")
