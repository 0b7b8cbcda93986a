"""The package version, defined here only.

`pyproject.toml` reads it at build time (`[tool.setuptools.dynamic]`), `toggl_focus.__version__`
re-exports it, and the User-Agent, the probe's report and `focus --version` read it from
here, so a release changes one line. A release tag `vX.Y.Z` must equal it (docs/releasing.md).
"""

__version__ = "0.1.0"
