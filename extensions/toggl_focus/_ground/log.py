"""`TOGGL_FOCUS_LOG=info|debug`: a log handler switched on from the environment.

As `OPENAI_LOG` does for openai-python: set the variable and the `toggl_focus` logger gets
a stderr handler at that level when the package is imported, so a user can see what the
client sends (one DEBUG line per request, retries and quota waits at INFO) without writing
logging configuration. The records are the client's own, which never hold the token.

Decisions: an unknown value is ignored with a warning on the `toggl_focus` logger, never
an exception (an environment variable must not break an import); the value is matched
without regard to case or surrounding blanks; only the `toggl_focus` logger is touched
(not the root logger, not httpx's); importing the package again (a reload, a second
import after `sys.modules` was cleared) never adds a second handler: the handler is found
again by its name, and its level follows the variable's current value.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

LOG_ENV = "TOGGL_FOCUS_LOG"
HANDLER_NAME = "toggl_focus.env"
LEVELS = {"info": logging.INFO, "debug": logging.DEBUG}
# The format of OPENAI_LOG's handler: time, logger and line, level, message.
FORMAT = "[%(asctime)s - %(name)s:%(lineno)d - %(levelname)s] %(message)s"


def configure_from_env(environ: Mapping[str, str] | None = None) -> logging.Handler | None:
    """Install (or update) the `toggl_focus` stderr handler that `TOGGL_FOCUS_LOG` asks for.

    Returns the handler, or None when the variable is unset, empty or not a known level.
    """
    raw = (os.environ if environ is None else environ).get(LOG_ENV, "")
    value = raw.strip().lower()
    logger = logging.getLogger("toggl_focus")
    if not value:
        return None
    level = LEVELS.get(value)
    if level is None:
        # Echo short, plain values only: a long one may be something pasted by mistake.
        shown = (
            repr(raw) if len(raw) <= 16 and raw.isalnum() else f"a value of {len(raw)} characters"
        )
        logger.warning("%s: %s is not one of info, debug; ignored", LOG_ENV, shown)
        return None
    handler = next((h for h in logger.handlers if h.get_name() == HANDLER_NAME), None)
    if handler is None:
        handler = logging.StreamHandler()
        handler.set_name(HANDLER_NAME)
        handler.setFormatter(logging.Formatter(FORMAT))
        logger.addHandler(handler)
    handler.setLevel(level)
    logger.setLevel(level)
    return handler
