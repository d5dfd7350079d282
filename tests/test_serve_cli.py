"""``tei-edition serve`` from the shell: the URL printed at start, usage errors, clean stop."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys

from live_helpers import PATIENCE, copy_fixtures, get


def start(*args, cwd):
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.Popen([sys.executable, "-m", "toolkit", "serve", *args], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_prints_its_url_serves_and_stops_on_sigterm(tmp_path):
    copy_fixtures(tmp_path)
    proc = start(cwd=tmp_path, *["letter.xml", "registers.xml"])
    try:
        line = proc.stdout.readline()
        assert line.startswith("Ready: http://127.0.0.1:"), (line, proc.stderr.read())
        url = line.split()[1]
        code, _, body = get(url, "/letter.html")
        assert code == 200 and b"grey morning" in body
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=PATIENCE)
    assert proc.returncode == 0, err
    assert "Serving 2 document(s)" in err and "Traceback" not in err


def test_port_in_use_is_a_usage_error(tmp_path):
    copy_fixtures(tmp_path, "letter.xml")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = start("--port", str(port), "letter.xml", cwd=tmp_path)
        out, err = proc.communicate(timeout=PATIENCE)
    assert proc.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in err and "Traceback" not in err


def test_missing_source_is_a_usage_error(tmp_path):
    proc = start("nothing.xml", cwd=tmp_path)
    out, err = proc.communicate(timeout=PATIENCE)
    assert proc.returncode == 2
    assert "nothing.xml: error: no such file or folder" in err
