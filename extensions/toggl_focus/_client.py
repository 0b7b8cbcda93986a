"""`Focus` and `AsyncFocus`: the clients users import.

`AsyncFocus` is written in `_async/client.py`; `Focus` is generated from it into
`_sync/client.py` by `scripts/make_sync.py`. Their shared configuration is `_config.py`.
"""

from ._async.client import AsyncFocus
from ._sync.client import Focus

__all__ = ["AsyncFocus", "Focus"]
