"""Helpers every resource shares (`_base.py`).

The resource classes behind `Focus` and `AsyncFocus` attributes (`ghosts`, `working_hours`,
`groups`, `roles`, `teams`, `users`) are written once, async, in `toggl_focus._async`
(one module per tag of the spec: `ghosts.py`, `organization.py`, `working_hours.py`); their
sync twins in `toggl_focus._sync` are generated from them by `scripts/make_sync.py`.
A new operation is a method on the async class there (then `make sync`).
"""
