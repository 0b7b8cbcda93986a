"""The client, written once: the async source of `AsyncFocus` and everything under it.

`_sync/` is generated from this package by `scripts/make_sync.py` (`make sync`; `make
check-sync` fails when it is stale), so every module here has a sync twin there with the
same name: `AsyncFocus` -> `Focus`, `await x` -> `x`. Edit only this package. What sync and
async genuinely do differently lives in `_wire/async_io.py` / `_wire/sync_io.py`; a line of the
source ending in `# async only` (such as the async pager's `concurrency`) is left out of
the sync twin.
"""
