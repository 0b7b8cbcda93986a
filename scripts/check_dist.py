"""Check the built wheel and sdist beyond what twine and check-wheel-contents know.

    python scripts/check_dist.py dist/toggl_focus-X-py3-none-any.whl dist/toggl_focus-X.tar.gz

Each must hold the LICENSE; the version must be the one `toggl_focus/_ground/version.py` defines;
the index page must be the package README (docs/package-readme.md), not the contributor
guide; project URLs must be there; the sdist must carry no tests (they need the whole
repository: MANIFEST.in prunes them) and must build the same file list as the wheel ships.
Prints one line per check; exit status 1 on the first failure.
"""

from __future__ import annotations

import re
import sys
import tarfile
import zipfile
from email.parser import HeaderParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fail(message: str) -> None:
    print(f"check_dist: {message}", file=sys.stderr)
    raise SystemExit(1)


def main(wheel_path: str, sdist_path: str) -> None:
    version = re.search(
        r'__version__ = "([^"]+)"', (ROOT / "extensions/toggl_focus/_ground/version.py").read_text()
    )
    assert version is not None
    expected = version.group(1)

    with zipfile.ZipFile(wheel_path) as wheel:
        names = wheel.namelist()
        info = next(n.rsplit("/", 1)[0] for n in names if n.endswith(".dist-info/METADATA"))
        meta = HeaderParser().parsestr(wheel.read(f"{info}/METADATA").decode())
        body = meta.get_payload()
        if f"{info}/licenses/LICENSE" not in names:
            fail(f"{wheel_path}: no {info}/licenses/LICENSE")
    if meta["Version"] != expected:
        fail(f"wheel version {meta['Version']} is not _ground/version.py's {expected}")
    package_readme = (ROOT / "docs/package-readme.md").read_text()
    if not isinstance(body, str) or body.strip() != package_readme.strip():
        fail("the wheel's description is not docs/package-readme.md")
    if meta["Description-Content-Type"] != "text/markdown":
        fail(f"description type {meta['Description-Content-Type']!r}, not text/markdown")
    urls = meta.get_all("Project-URL") or []
    if not any(u.startswith("Repository, ") for u in urls):
        fail(f"no Repository project URL among {urls}")
    modules = sorted(n for n in names if n.endswith(".py"))
    if any(not n.startswith(("toggl_focus/", "toggl_focus_api/")) for n in modules):
        fail("the wheel ships modules outside toggl_focus and toggl_focus_api")
    for data in (
        "toggl_focus/py.typed",
        "toggl_focus_api/py.typed",
        "toggl_focus/_spec/focus.json",
    ):
        if data not in names:
            fail(f"the wheel lacks {data}")
    print(
        f"check_dist: {Path(wheel_path).name}: {expected}, LICENSE, package README, "
        f"{len(urls)} project URLs, {len(modules)} modules"
    )

    with tarfile.open(sdist_path) as sdist:
        members = [m.name.split("/", 1)[1] for m in sdist.getmembers() if "/" in m.name]
    top = f"toggl_focus-{expected}"
    if not Path(sdist_path).name.startswith(top):
        fail(f"{sdist_path} is not {top}")
    for needed in ("LICENSE", "CHANGELOG.md", "docs/package-readme.md", "pyproject.toml"):
        if needed not in members:
            fail(f"the sdist lacks {needed}")
    if any(m.startswith("tests/") or m == "tests" for m in members):
        fail("the sdist ships tests (MANIFEST.in prunes them)")
    shipped = {m.split("/", 1)[1] for m in members if m.startswith(("extensions/", "generated/"))}
    missing = [m for m in modules if m not in shipped]
    if missing:
        fail(f"the sdist lacks modules the wheel ships: {missing[:5]}")
    print(
        f"check_dist: {Path(sdist_path).name}: LICENSE, CHANGELOG.md, no tests, "
        f"the wheel's {len(modules)} modules"
    )


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
