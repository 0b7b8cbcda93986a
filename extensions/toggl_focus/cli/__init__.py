"""`focus`: the command line for Toggl Focus, over the `Focus` client (no HTTP of its own).

Installed with the `cli` extra (`pip install "toggl-focus[cli]"`: typer and rich). The
library never imports this package, so `import toggl_focus` needs neither. Layout:
`app.py` (global options, command groups, errors to exit codes), `session.py` (settings to
client, requests spent and quota left), `config.py` (flags, environment, config file),
`output.py` (tables, JSON, CSV, plain text, progress), `errors.py` (exit codes),
`inputs.py` (CSV/JSON/YAML rows), and one module per command group.
"""

from __future__ import annotations

import sys

__all__ = ["main"]


def main() -> None:
    """The console script `focus`."""
    try:
        from .app import app
    except ImportError as exc:  # the cli extra is missing
        print(
            f"focus: error: {exc}; install the cli extra: pip install 'toggl-focus[cli]'",
            file=sys.stderr,
        )
        raise SystemExit(2) from None
    app(prog_name="focus")
