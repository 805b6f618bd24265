"""``gazoguard serve``: the web app (pre-send checker page + REST API) on loopback by default."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="Web アプリを起動 / start the web app",
                       description="送信前チェックのページと REST API を起動します。/ Start the pre-send checker page and the REST API.")
    p.add_argument("--host", default=None, help="待ち受けアドレス / listen address (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=None, help="ポート / port (default 8000)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from gazoguard.web.app import create_app
    from gazoguard.web.settings import Settings

    settings = Settings()
    host = args.host or settings.host
    port = args.port or settings.port
    print(f"画像ガードを起動しました / gazoguard is running:  http://{host}:{port}/   (Ctrl+C で停止 / to stop)", flush=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
    return 0
