"""The ground floor: what every floor above may use, and which names nothing above it.

With the public `toggl_focus.errors` and `toggl_focus.quota` beside it: argument checks
(`check.py`), the retry and backoff rules (`retry.py`), the `TOGGL_FOCUS_LOG` set-up
(`log.py`), the version (`version.py`), the message for a missing dependency
(`requirements.py`), the invite's data and the inviter protocols (`invites.py`), and the
`RoleCache` every client holds (`role_cache.py`). No request is sent from here.

The floors, ground up (the README's "Where things go"; `make lint` enforces the order
with the import-linter contract in `pyproject.toml`): ground, `_wire`, `_client`,
workflows (`_plans`, `_embody`), io (`_async`, `_sync`), faces (`__init__`, `embody`,
`plans`, `pagination`), apps (`cli`, `probe`, `testing`, `demo`).
"""
