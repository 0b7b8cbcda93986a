"""Say which package is behind a failed import: missing, or installed at a version we do not take.

An import that fails deep inside a dependency says little to the user: `cannot import name
'Focus' from 'toggl_focus'`, or `module 'httpcore' has no attribute 'NetworkStream'` when an
old httpcore is installed. `import_failure` finds the package the failure came from, reads
what toggl-focus requires of it from the installed metadata (the Requires-Dist of the wheel,
so the message never disagrees with pyproject.toml) and names the fix.

The standard library only, imported only when an import has failed: this module must work
when httpx, attrs or anything else is missing or broken, so the error it builds is a plain
`ImportError` (the hierarchy of `errors.py` itself needs httpx).
"""

from __future__ import annotations

import re
import sys
from importlib import metadata

__all__ = ["explain", "import_failure"]

DISTRIBUTION = "toggl-focus"

#: Modules whose distribution has another name (when it is not installed, the installed
#: metadata cannot say).
_DISTRIBUTION_OF = {"yaml": "PyYAML"}


def import_failure(what: str, exc: BaseException) -> ImportError:
    """An ImportError for `what` (`toggl_focus.Focus`) naming the package behind `exc`.

    The caller raises it `from exc`, so the original error stays chained.
    """
    return ImportError(f"cannot import {what}: {explain(exc)}")


def explain(exc: BaseException) -> str:
    """`exc`'s message, then the package it came from, what is installed and what we need."""
    message = f"{type(exc).__name__}: {exc}"
    module = _culprit(exc)
    if module is None:
        return message
    distribution = _distribution(module)
    requirement, extra = _requirement(distribution)
    install = f"pip install 'toggl-focus[{extra}]'" if extra else "pip install toggl-focus"
    try:
        installed = metadata.version(distribution)
    except metadata.PackageNotFoundError:
        installed = None
    if isinstance(exc, ModuleNotFoundError) and (exc.name or "").split(".")[0] == module:
        installed = None  # the import system is the judge: metadata may outlive the files
    if installed is None:
        if requirement is None:
            return message
        return (
            f"{message} ({distribution} is not installed; toggl-focus needs {requirement}:"
            f" {install})"
        )
    if requirement is None or _meets(installed, requirement):
        return f"{message} (from {distribution} {installed}, a version toggl-focus accepts)"
    return (
        f"{message} ({distribution} {installed} is installed; toggl-focus needs {requirement}:"
        f" pip install '{requirement}')"
    )


def _culprit(exc: BaseException) -> str | None:
    """The top-level module the failure came from, when it is not ours."""
    name: str | None = None
    if isinstance(exc, ImportError):
        name = exc.name
    elif isinstance(exc, AttributeError):
        obj = getattr(exc, "obj", None)
        name = getattr(obj, "__name__", None) if type(obj).__name__ == "module" else None
    if name is None:  # the deepest frame outside this package and the import machinery
        traceback = exc.__traceback__
        while traceback is not None:
            candidate = traceback.tb_frame.f_globals.get("__name__", "")
            if not candidate.startswith(("toggl_focus", "importlib", "_frozen")):
                name = candidate
            traceback = traceback.tb_next
    top = (name or "").split(".")[0]
    if not top or top.startswith("toggl_focus") or top in sys.stdlib_module_names:
        return None
    return top


def _distribution(module: str) -> str:
    """The distribution that installs `module` (`yaml` -> `PyYAML`)."""
    found = metadata.packages_distributions().get(module)
    if found:
        return found[0]
    return _DISTRIBUTION_OF.get(module, module)


def _requirement(distribution: str) -> tuple[str | None, str | None]:
    """What toggl-focus requires of `distribution` (`httpcore>=1.0.9`) and the extra that
    brings it (None: the core); (None, None) when it requires nothing of it."""
    try:
        requirements = metadata.requires(DISTRIBUTION) or []
    except metadata.PackageNotFoundError:  # running from a checkout that is not installed
        return None, None
    wanted = _normalize(distribution)
    found: tuple[str | None, str | None] = (None, None)
    for line in requirements:
        spec, _, marker = line.partition(";")
        name = re.match(r"[A-Za-z0-9_.-]+", spec.strip())
        if name is None or _normalize(name.group(0)) != wanted:
            continue
        extra = re.search(r"extra\s*==\s*['\"]([^'\"]+)['\"]", marker)
        if extra is None:
            return spec.strip(), None  # the core requirement wins over any extra
        if found[0] is None:
            found = (spec.strip(), extra.group(1))
    return found


def _meets(installed: str, requirement: str) -> bool:
    """Whether `installed` meets every `>=` and `<` bound of `requirement` (the only kinds
    pyproject.toml uses), comparing release numbers; an unparsable version meets them."""
    have = _release(installed)
    for op, bound in re.findall(r"(>=|<)\s*([0-9][^,;\s]*)", requirement):
        want = _release(bound)
        if have is None or want is None:
            continue
        if (op == ">=" and have < want) or (op == "<" and have >= want):
            return False
    return True


def _release(version: str) -> tuple[int, ...] | None:
    found = re.match(r"\d+(?:\.\d+)*", version)
    return tuple(int(part) for part in found.group(0).split(".")) if found else None


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
