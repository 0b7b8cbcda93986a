"""Every fenced ```python block of README.md runs against the fake server (issue 14, point 9).

The README's own way: the fake as `make fake-server` starts it (`FakeFocus()` defaults, on a
loopback socket), found through `TOGGL_FOCUS_API_TOKEN` and `TOGGL_FOCUS_BASE_URL`, so the
blocks run exactly as written. They run in order in one namespace; as the README says, a
block that uses `focus` without creating it gets an open `Focus(organization_id=9001,
workspace_id=7001)`. A block with top-level `await`/`async with` runs in an event loop.

Printed output is compared where the README shows it: `print(...)  # -> text` (one line), or
comment lines right under a `print(...)` line (its lines). The expected lines must appear in
the block's output in that order; blanks are collapsed and `…` stands for any text.

HTML comments right before a block (blank lines between are allowed):
`<!-- doctest: skip: <reason> -->` skips it (the reason is required, and listed by
`test_skipped_blocks_say_why`); `<!-- doctest: setup: <python> -->` runs a statement first,
with `fake` (the FakeFocus) in scope, for a precondition the prose states.
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import inspect
import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from toggl_focus import Focus
from toggl_focus.testing import FakeFocus

README = Path(__file__).resolve().parents[1] / "README.md"

FENCE = re.compile(r"^```(\S*)\s*$")
DIRECTIVE = re.compile(r"<!--\s*doctest:\s*(skip|setup):\s*(.*?)\s*-->", re.S)


@dataclass
class Block:
    line: int  # 1-based line of the opening fence
    code: str
    skip: str | None = None
    setup: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"README.md:{self.line}"


def python_blocks(text: str = README.read_text(encoding="utf-8")) -> list[Block]:
    """The fenced python blocks, with the doctest directives in the comments before each."""
    lines = text.splitlines()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        start, lang = i, m.group(1)
        i += 1
        body = []
        while i < len(lines) and lines[i].strip() != "```":
            body.append(lines[i])
            i += 1
        i += 1
        if lang != "python":
            continue
        block = Block(start + 1, "\n".join(body) + "\n")
        # the HTML comments directly above the fence (blank lines may separate them)
        j = start - 1
        above: list[str] = []
        while j >= 0 and (not lines[j].strip() or lines[j].lstrip().startswith("<!--")):
            above.insert(0, lines[j])
            j -= 1
        for kind, value in DIRECTIVE.findall("\n".join(above)):
            if kind == "skip":
                block.skip = value
            else:
                block.setup.append(value)
        blocks.append(block)
    return blocks


def expected_output(code: str) -> list[str]:
    """The output lines a block shows.

    `# -> text` (on a line of code or alone) is one line; comment lines right under a
    `print(...)` line without a comment of its own are that print's lines.
    """
    lines = code.splitlines()
    expected: list[str] = []
    for index, line in enumerate(lines):
        arrow = re.search(r"#\s*->\s?(.*)$", line)
        if arrow:
            expected.append(arrow.group(1))
            continue
        if "print(" not in line or "#" in line:
            continue
        for below in lines[index + 1 :]:
            stripped = below.strip()
            if not stripped.startswith("#") or "->" in stripped:
                break
            expected.append(stripped[1:].removeprefix(" "))
    return expected


def prose_on_print_lines(code: str) -> list[str]:
    """Print lines whose comment is not `# -> ...`: output would drift unnoticed there."""
    return [
        line
        for line in code.splitlines()
        if "print(" in line.split("#", 1)[0] and "#" in line and not re.search(r"#\s*->", line)
    ]


def matches(expected: str, actual: str) -> bool:
    squash = " ".join
    pattern = ".*?".join(re.escape(squash(part.split())) for part in expected.split("…"))
    return re.fullmatch(pattern, squash(actual.split())) is not None


def check_output(expected: list[str], output: str) -> None:
    """Each expected line matches an output line, in order."""
    actual = output.splitlines()
    position = 0
    for want in expected:
        for offset, got in enumerate(actual[position:]):
            if matches(want, got):
                position += offset + 1
                break
        else:
            raise AssertionError(f"printed output lacks {want!r} (in order); it was:\n{output}")


def run_block(block: Block, namespace: dict[str, object]) -> str:
    out = io.StringIO()
    flags = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    code = compile(block.code, block.id, "exec", flags=flags)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        if code.co_flags & inspect.CO_COROUTINE:
            asyncio.run(eval(code, namespace))
        else:
            exec(code, namespace)
    return out.getvalue()


BLOCKS = python_blocks()


@pytest.fixture(scope="module")
def fake_server() -> Iterator[tuple[FakeFocus, str]]:
    fake = FakeFocus()  # what `make fake-server` runs: seed 0, 300 ghosts, 120 users, no quota
    with fake.serve() as base_url:
        yield fake, base_url


@pytest.fixture(scope="module")
def namespace() -> dict[str, object]:
    return {"__name__": "__readme__"}


def test_the_readme_has_python_blocks_and_the_parser_sees_their_output() -> None:
    assert len(BLOCKS) >= 10
    assert any(expected_output(b.code) for b in BLOCKS)
    code = "print(1)  # -> 1\nprint(2)\n# 2\n#  two\nf()\n# -> three\nprint(4)  # prose\n"
    assert expected_output(code) == ["1", "2", " two", "three"]
    assert prose_on_print_lines(code) == ["print(4)  # prose"]
    assert matches("Quota(remaining=…, resets_in=3412)", "Quota(remaining=26,  resets_in=3412)")
    assert not matches("Quota(remaining=26)", "Quota(remaining=25)")
    with pytest.raises(AssertionError):
        check_output(["b", "a"], "a\nb\n")


def test_skipped_blocks_say_why() -> None:
    reasons = {b.id: b.skip for b in BLOCKS if b.skip is not None}
    assert all(reason.strip() for reason in reasons.values()), reasons
    print("\n".join(f"skipped {where}: {why}" for where, why in reasons.items()))
    assert len(reasons) <= 2, reasons  # a skip is an exception; keep it so


@pytest.mark.parametrize("block", BLOCKS, ids=[b.id for b in BLOCKS])
def test_block(
    block: Block,
    fake_server: tuple[FakeFocus, str],
    namespace: dict[str, object],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if block.skip is not None:
        pytest.skip(block.skip)
    fake, base_url = fake_server
    monkeypatch.setenv("TOGGL_FOCUS_API_TOKEN", fake.token)
    monkeypatch.setenv("TOGGL_FOCUS_BASE_URL", base_url)
    monkeypatch.delenv("TOGGL_FOCUS_LOG", raising=False)
    assert prose_on_print_lines(block.code) == [], "write a print's output as `# -> ...`"
    for statement in block.setup:
        exec(statement, {"fake": fake})
    # A block may configure logging (README "Logging"): undo it for the tests that follow.
    root, ours = logging.getLogger(), logging.getLogger("toggl_focus")
    saved = root.handlers[:], root.level, ours.level
    root.handlers[:] = []  # as in a fresh program (pytest's capture handler sits there)
    try:
        with Focus(organization_id=9001, workspace_id=7001) as focus:
            namespace["focus"] = focus
            output = run_block(block, namespace)
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
        ours.setLevel(saved[2])
    check_output(expected_output(block.code), output)
