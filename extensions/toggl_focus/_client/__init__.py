"""The client floor: what `Focus`, `AsyncFocus` and every resource of theirs share.

`config.py`: the clients' configuration (`ClientBase`), checked before anything is sent;
`resources.py`: the per-call context (`Context`), the per-call options and the helpers
every resource method uses. The resource classes themselves (`ghosts`, `working_hours`,
`groups`, `roles`, `teams`, `users`) are written once, async, in `toggl_focus._async`, one
module per tag of the spec; their sync twins in `toggl_focus._sync` are generated from them
by `scripts/make_sync.py`. A new operation is a method on the async class there (then
`make sync`).
"""
