"""``gazoguard serve`` on a busy port: one JA/EN line, exit code 4, no traceback, no "started" line."""

from __future__ import annotations

import socket
import subprocess
import sys


def test_a_busy_port_is_one_clear_line_and_a_non_zero_exit():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "gazoguard", "serve", "--port", str(port)],
                                capture_output=True, text=True, timeout=120)
    assert result.returncode == 4
    assert "Traceback" not in result.stderr + result.stdout
    assert "起動しました" not in result.stdout
    lines = result.stderr.strip().splitlines()
    assert lines == [f"エラー: 127.0.0.1:{port} は使用中のため起動できません（別の gazoguard serve が動いていないか確認するか、"
                     f"--port で別のポートを指定してください）。 / Cannot start: 127.0.0.1:{port} is already in use "
                     f"(check for another gazoguard serve, or choose another port with --port)."]
