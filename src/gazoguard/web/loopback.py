"""Serve an app with uvicorn on 127.0.0.1 in a background thread — the real server, for tests, fuzzing and benches."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def serving(app: Any, *, start_timeout_s: float = 20.0, **config: Any) -> Iterator[str]:
    """Yield the base URL of ``app`` served on a free loopback port; stop the server on leaving.

    ``config`` goes to :class:`uvicorn.Config` (``log_level`` defaults to ``warning``).
    """
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config.setdefault("log_level", "warning")
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, **config))
    thread = threading.Thread(target=server.run, name="gazoguard-loopback", daemon=True)
    thread.start()
    deadline = time.monotonic() + start_timeout_s
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            server.should_exit = True
            raise RuntimeError("the loopback server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
