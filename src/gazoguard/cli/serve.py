"""``gazoguard serve``: the web app (pre-send checker page + REST API) on loopback by default.

The socket is bound before anything is printed: a busy port is one clear JA/EN line and exit code 4,
never a "started" line followed by a traceback.
"""

from __future__ import annotations

import argparse
import errno
import socket

from gazoguard.cli._errors import print_error
from gazoguard.core.errors import GazoError

EXIT_OK, EXIT_CANNOT_LISTEN = 0, 4


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="Web アプリを起動 / start the web app",
                       description="送信前チェックのページと REST API を起動します。/ Start the pre-send checker page and the REST API.",
                       epilog="終了コード / exit codes: 0 stopped, 4 cannot listen (port in use)")
    p.add_argument("--host", default=None, help="待ち受けアドレス / listen address (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=None, help="ポート / port (default 8000)")
    p.set_defaults(func=run)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port``; GazoError("port_in_use" | "cannot_listen") when that is impossible."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except OSError as err:
        sock.close()
        if err.errno == errno.EADDRINUSE:
            raise GazoError("port_in_use", host=host, port=port) from None
        raise GazoError("cannot_listen", host=host, port=port, detail=err.strerror or str(err)) from None
    sock.set_inheritable(True)
    return sock


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from gazoguard.web.app import create_app
    from gazoguard.web.settings import Settings

    settings = Settings()
    host = args.host or settings.host
    port = args.port or settings.port
    try:
        sock = bind(host, port)
    except GazoError as err:
        print_error(err)
        return EXIT_CANNOT_LISTEN
    server = uvicorn.Server(uvicorn.Config(create_app(settings), log_level="warning"))
    print(f"画像ガードを起動しました / gazoguard is running:  http://{host}:{port}/   (Ctrl+C で停止 / to stop)", flush=True)
    with sock:
        server.run(sockets=[sock])
    return EXIT_OK
