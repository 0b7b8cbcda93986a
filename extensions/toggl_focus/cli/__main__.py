"""`python -m toggl_focus.cli`: the same as the `focus` console script."""

from . import main

main()
