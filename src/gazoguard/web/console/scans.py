"""Archive scan runs for admins: the runs under ``DATA_DIR/scans`` and their reports (admin-only)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse

from gazoguard.scan.runs import list_runs, run_dir
from gazoguard.web.console.deps import Admin, gateway
from gazoguard.web.console.render import render

router = APIRouter(include_in_schema=False)
SCANS_FOLDER = "scans"  # gazoguard scan … --out DATA_DIR/scans/NAME lists a run here


@router.get("/console/scans", response_class=HTMLResponse)
def scans_page(request: Request, principal: Admin):
    root = gateway(request).data_dir / SCANS_FOLDER
    return render(request, "console/scans.html", {"runs": list_runs(root), "root": str(root)}, principal=principal)


@router.get("/console/scans/{name}/report.html")
def scan_report(request: Request, name: str, principal: Admin):
    found = run_dir(gateway(request).data_dir / SCANS_FOLDER, name)
    if found is None or not (found / "report.html").is_file():
        raise HTTPException(status_code=404)
    return FileResponse(found / "report.html", media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-store"})
