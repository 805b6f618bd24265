"""The interactive API docs at ``/docs``: Swagger UI served from the ``swagger-ui-bundle`` package, nothing
from a CDN (the page works offline and under the app's Content-Security-Policy).  ReDoc is not served: no
package ships its script."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

PAGE = """<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>{title} — API</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui" data-openapi="{openapi}"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script><script src="/static/docs-init.js"></script></body></html>
"""


def install(app: FastAPI) -> None:
    app.mount("/docs/assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs() -> HTMLResponse:
        return HTMLResponse(PAGE.format(title=app.title, openapi=app.openapi_url))
