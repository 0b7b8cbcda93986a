"""`python -m toggl_focus.testing` serves the fake on loopback until it is stopped."""

from __future__ import annotations

import io
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest

from toggl_focus.testing import FakeFocus


def test_command_line_server() -> None:
    command = [sys.executable, "-m", "toggl_focus.testing", "--port", "0", "--ghosts", "5"]
    command += ["--users", "3", "--quota", "30", "--token", "toggl_sk_cli"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith("Fake Toggl Focus API at http://127.0.0.1:"), first
        base_url = first.split(" at ")[1].strip()
        headers = {"Authorization": "Bearer toggl_sk_cli"}
        response = httpx.get(f"{base_url}/organizations/9001/roles", headers=headers, timeout=5)
        assert response.status_code == 200
        assert response.headers["X-Toggl-Quota-Remaining"] == "29"
        ghosts = httpx.get(
            f"{base_url}/organizations/9001/workspaces/7001/ghosts",
            params={"include_embodied": "true"},
            headers=headers,
            timeout=5,
        )
        assert 0 < ghosts.json()["total"] <= 5
        users = httpx.get(f"{base_url}/organizations/9001/users", headers=headers, timeout=5)
        assert [u["deleted_at"] for u in users.json()] == ["", "", ""]  # Go style by default
        assert all(u["rate"]["end_at"] == "" for u in users.json())
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0


def test_socket_edge_cases() -> None:
    """HEAD has no body, broken body framing is a 400, chunked bodies are read."""
    fake = FakeFocus(ghosts=0, users=2)
    with fake.serve() as base_url:
        host, port = base_url.removeprefix("http://").removesuffix("/api").split(":")
        head = httpx.head(f"{base_url}/organizations/9001/roles")
        assert head.status_code == 405 and head.content == b""
        with socket.create_connection((host, int(port)), timeout=5) as raw:
            raw.sendall(
                b"POST /api/organizations/9001/groups HTTP/1.1\r\nHost: x\r\n"
                b"Content-Length: abc\r\n\r\n"
            )
            assert raw.recv(4096).startswith(b"HTTP/1.1 400 Bad Request\r\n")

        def chunks() -> Iterator[bytes]:
            yield b'{"name": '
            yield b'"Chunked"}'

        created = httpx.post(
            f"{base_url}/organizations/9001/workspaces/7001/ghosts",
            content=chunks(),
            headers={"Authorization": f"Bearer {fake.token}"},
        )
        assert created.status_code == 201 and created.json()["name"] == "Chunked"


def test_a_host_that_is_not_loopback_is_refused_without_the_flag() -> None:
    """Plain http and a known token: the fake listens on loopback unless told explicitly,
    like `focus fake` (one check, `toggl_focus.testing._bind`)."""
    command = [sys.executable, "-m", "toggl_focus.testing", "--host", "0.0.0.0", "--port", "0"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=20)
    assert done.returncode == 2 and done.stdout == ""
    assert "--host 0.0.0.0: the fake serves loopback only" in done.stderr
    assert "pass --allow-remote" in done.stderr


def test_allow_remote_listens_with_a_warning() -> None:
    command = [sys.executable, "-m", "toggl_focus.testing", "--host", "0.0.0.0", "--port", "0"]
    command += ["--allow-remote", "--ghosts", "0", "--users", "1", "--token", "toggl_sk_remote"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None and process.stderr is not None
        lines = [process.stdout.readline() for _ in range(6)]  # all printed: serving
        assert lines[0].startswith("Fake Toggl Focus API at http://0.0.0.0:")
        assert "Ctrl-C to stop" in lines[5]
        port = lines[0].split("http://0.0.0.0:")[1].split("/")[0]
        answer = httpx.get(f"http://127.0.0.1:{port}/api/organizations/9001/roles", timeout=5)
        assert answer.status_code == 401  # serving (no token given)
        warning = process.stderr.readline()
        assert warning.startswith("warning: --allow-remote: the fake listens on 0.0.0.0")
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0


def test_the_host_check_is_one_for_both_entry_points() -> None:
    from toggl_focus.testing._bind import RemoteHostError, check_host

    warned = io.StringIO()
    check_host("localhost", allow_remote=False, warn=warned)
    check_host("::1", allow_remote=False, warn=warned)
    assert warned.getvalue() == ""
    with pytest.raises(RemoteHostError, match=r"192\.0\.2\.1: the fake serves loopback only"):
        check_host("192.0.2.1", allow_remote=False)
    check_host("192.0.2.1", allow_remote=True, warn=warned)
    assert "listens on 192.0.2.1, over plain http" in warned.getvalue()
