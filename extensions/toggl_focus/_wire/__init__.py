"""The wire floor: one request, start to end, and the rules decided per request or page.

The HTTP layer (`http.py`: the capped body read, token redaction, quota headers), the
token and base URL (`auth.py`), the runner (`runner.py`: retries, quota waits, typed
errors), raw responses (`raw.py`), the pagination rules (`paging.py`, with the spec's
`pagination_meta.py`), and the few things sync and async do differently (`async_io.py`,
`sync_io.py`). It knows nothing of clients or resources (the floors above).
"""
