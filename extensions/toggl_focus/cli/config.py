"""Where the `focus` command finds its token, organization, workspace and base URL.

Each setting comes from the first of: its flag, its environment variable, the config file.

| setting | flag | environment | config file key |
|---|---|---|---|
| token | `--token` / `--token-file` | `$TOGGL_FOCUS_API_TOKEN` | `token_file` (a path) |
| organization | `--organization-id` | `$TOGGL_FOCUS_ORGANIZATION_ID` | `organization_id` |
| workspace | `--workspace-id` | `$TOGGL_FOCUS_WORKSPACE_ID` | `workspace_id` |
| base URL | `--base-url` | `$TOGGL_FOCUS_BASE_URL` | `base_url` |

The config file is `config.toml` in the platform's config directory (`click.get_app_dir`:
`$XDG_CONFIG_HOME/toggl-focus` on Linux, `~/Library/Application Support/toggl-focus` on
macOS, `%APPDATA%\\toggl-focus` on Windows). Decision: it never holds the token itself, only
the path of a file holding it (`token_file`), so the file can be shared, backed up or shown
(`focus config show`) without leaking the key; it is still written with mode 0600 in a 0700
directory, as the path and ids are nobody else's business.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import CliError

__all__ = ["KEYS", "Settings", "config_path", "load", "save"]

APP_NAME = "toggl-focus"
TOKEN_ENV = "TOGGL_FOCUS_API_TOKEN"
ORGANIZATION_ENV = "TOGGL_FOCUS_ORGANIZATION_ID"
WORKSPACE_ENV = "TOGGL_FOCUS_WORKSPACE_ID"
BASE_URL_ENV = "TOGGL_FOCUS_BASE_URL"

#: The keys `focus config set` accepts, with what each holds.
KEYS = {
    "organization_id": "default organization id",
    "workspace_id": "default workspace id",
    "base_url": "API base URL (default https://focus.toggl.com/api)",
    "token_file": "path of a file holding the API token (the token itself is never stored)",
}
_INT_KEYS = ("organization_id", "workspace_id")


def config_path() -> Path:
    """The config file's path (it may not exist)."""
    import click

    return Path(click.get_app_dir(APP_NAME, roaming=True)) / "config.toml"


def load(path: Path | None = None) -> dict[str, object]:
    """The config file's settings ({} when there is none); CliError when it is unreadable."""
    path = path or config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise CliError(f"cannot read the config file {path}: {exc.strerror}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CliError(f"the config file {path} is not valid TOML: {exc}") from None
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise CliError(
            f"the config file {path} has unknown key(s) {', '.join(unknown)}; "
            f"known: {', '.join(KEYS)}"
        )
    for key, value in data.items():
        check_value(key, value, where=f"the config file {path}")
    return dict(data)


def check_value(key: str, value: object, *, where: str) -> object:
    """The value for `key` (ids as positive ints, the rest as non-empty strings) or CliError."""
    if key == "token":
        raise CliError(
            "the config file does not hold the token itself: store it in a file readable by "
            "you only and run `focus config set token_file PATH`"
        )
    if key not in KEYS:
        raise CliError(f"unknown config key {key!r}; known: {', '.join(KEYS)}")
    if key in _INT_KEYS:
        number = _as_int(value)
        if number is None or number < 1:
            raise CliError(f"{where}: {key} must be a positive integer, got {value!r}")
        return number
    if not isinstance(value, str) or not value.strip():
        raise CliError(f"{where}: {key} must be a non-empty string")
    return value.strip()


def _as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return int(value.strip())
    return None


def save(data: dict[str, object], path: Path | None = None) -> Path:
    """Write the settings atomically, mode 0600 in a 0700 directory; return the path."""
    path = path or config_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    lines = ["# toggl-focus CLI settings (`focus config set KEY VALUE`); never the token itself"]
    for key in KEYS:
        if key in data:
            value = data[key]
            lines.append(f"{key} = {value if isinstance(value, int) else json.dumps(value)}")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
        os.chmod(tmp, 0o600)  # the umask may have narrowed it; never widened
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


@dataclass
class Settings:
    """The connection settings of one `focus` run, resolved from flags, environment and file."""

    token: str | None
    token_source: str
    organization_id: int | None
    workspace_id: int | None
    base_url: str | None

    @classmethod
    def resolve(
        cls,
        *,
        token: str | None,
        token_file: Path | None,
        organization_id: int | None,
        workspace_id: int | None,
        base_url: str | None,
        config: dict[str, object],
    ) -> Settings:
        """Flags first, then the environment, then the config file (see the module docstring)."""
        if token is not None and token_file is not None:
            raise CliError("give --token or --token-file, not both")
        source = ""
        if token is not None:
            source = "--token"
        elif token_file is not None:
            token, source = read_token_file(token_file), "--token-file"
        elif os.environ.get(TOKEN_ENV):
            token, source = os.environ[TOKEN_ENV], f"${TOKEN_ENV}"
        elif "token_file" in config:
            path = Path(str(config["token_file"])).expanduser()
            token, source = read_token_file(path), "token_file in the config file"
        return cls(
            token=token,
            token_source=source,
            organization_id=_pick(organization_id, ORGANIZATION_ENV, config, "organization_id"),
            workspace_id=_pick(workspace_id, WORKSPACE_ENV, config, "workspace_id"),
            base_url=base_url or os.environ.get(BASE_URL_ENV) or _str(config.get("base_url")),
        )


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _pick(flag: int | None, env: str, config: dict[str, object], key: str) -> int | None:
    if flag is not None:
        return flag
    raw = os.environ.get(env)
    if raw:
        return int(str(check_value(key, raw, where=f"${env}")))
    value = config.get(key)
    return value if isinstance(value, int) else None


def read_token_file(path: Path) -> str:
    """The token in `path`, without surrounding whitespace (a trailing newline)."""
    try:
        text = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "not UTF-8 text"
        raise CliError(f"cannot read the token file {path}: {reason}") from None
    if not text:
        raise CliError(f"the token file {path} is empty")
    return text
