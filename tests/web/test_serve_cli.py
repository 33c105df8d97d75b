"""`actorgraph serve` end to end: the real command, on a free loopback port."""
from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx
from click.testing import CliRunner

from actorgraph.cli.main import cli


def test_help_names_the_options():
    out = CliRunner().invoke(cli, ["serve", "--help"]).output
    for option in ("--db", "--host", "--port", "--allow-writes", "Example"):
        assert option in out


def test_serve_answers_on_loopback_read_only(web_store):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [sys.executable, "-c", "from actorgraph.cli.main import cli; cli()", "serve",
           "--db", web_store.url, "--port", str(port)]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/documents", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, "did not start"
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["total"] == 5
        assert "server" not in r.headers
        w = httpx.post(f"http://127.0.0.1:{port}/api/judgements", timeout=5,
                       json={"action": "same", "a": "Iran", "b": "Israel"})
        assert w.status_code == 403
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=15)
    assert f"http://127.0.0.1:{port}/" in err and "read-only" in err


def test_a_taken_port_is_said_before_anything_claims_to_serve(web_store):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--db", web_store.url, "--port", str(port)])
    assert result.exit_code == 1
    assert f"port {port} on 127.0.0.1 is already in use" in result.output
    assert "--port" in result.output and "serving" not in result.output
