"""``RUN_DIR/report.html``: one self-contained, offline page a compliance team reads (Japanese with English).

Totals by level, kind and category and findings by month are inline SVG bar charts drawn here (no
script, no font, no request leaves the page); then the top folders, duplicate groups and the action
plan.  Thumbnails are small, every found box painted over, and only of pictures that are neither
sexual nor a possible minor nor marked must-not-store; pictures inside archives get none.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import posixpath
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from gazoguard.scan.actions import LABELS, PlanItem
from gazoguard.scan.duplicates import Group
from gazoguard.scan.ledger import Ledger
from gazoguard.scan.sources import NEST

MAX_THUMBNAILS = 24
THUMB_SIDE = 160
TOP_FOLDERS = 15
PLAN_SHOWN = 300
LEVELS = ("safe", "caution", "danger", "block")
LEVEL_LABELS = {"safe": "安全 / safe", "caution": "注意 / caution", "danger": "危険 / danger", "block": "送信禁止 / block"}


@dataclass(frozen=True)
class Bar:
    label: str
    value: int


def write_report(ledger: Ledger, run_dir: Path, groups: list[Group], plan: list[PlanItem], *,
                 title: str = "", generated: dt.datetime | None = None) -> Path:
    """Render the report into ``run_dir/report.html`` and return its path."""
    facts = gather(ledger)
    env = Environment(loader=PackageLoader("gazoguard.scan", "templates"), autoescape=select_autoescape(["html", "j2"]))
    page = env.get_template("report.html.j2").render(
        title=title, generated=(generated or dt.datetime.now(dt.timezone.utc)).isoformat(timespec="seconds"),
        meta=ledger.meta(), facts=facts, groups=groups[:50], n_groups=len(groups),
        plan_counts=_plan_counts(plan), plan=[p.to_dict() for p in plan if p.action != "keep"][:PLAN_SHOWN],
        labels=LABELS, thumbnails=thumbnails(ledger, facts["thumb_candidates"]),
    )
    target = run_dir / "report.html"
    tmp = target.with_name("report.html.tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(target)
    return target


def gather(ledger: Ledger) -> dict[str, Any]:
    """Every figure the page shows, from the ledger (rows are read once, in batches)."""
    from gazoguard.core.catalogue import category_label, kinds

    status, levels, kind_count, category_count = Counter(), Counter(), Counter(), Counter()
    months_all, months_flagged, folders, reasons = Counter(), Counter(), Counter(), Counter()
    candidates: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
    for row, findings in ledger.rows():
        status[row["status"]] += 1
        if row["status"] != "ok":
            reasons[(row["status"], row["reason"], row["reason_ja"], row["reason_en"])] += 1
            continue
        levels[row["level"]] += 1
        kind_count.update(row["kinds"])
        category_count.update(row["categories"])
        month = row["file_time"][:7] or "不明 / unknown"
        months_all[month] += 1
        flagged = row["level"] in ("caution", "danger", "block")
        if flagged:
            months_flagged[month] += 1
            folders[_folder(row)] += 1
            if len(candidates) < MAX_THUMBNAILS and _may_show(row, findings):
                candidates.append((row, findings))
    catalogue = kinds()
    months = sorted(months_all)
    return {
        "status": status, "total": sum(status.values()),
        "levels": [Bar(LEVEL_LABELS[lv], levels[lv]) for lv in LEVELS],
        "kinds": [Bar(_kind_label(catalogue, k), n) for k, n in kind_count.most_common(20)],
        "categories": [Bar(f"{category_label(c)['ja']} / {category_label(c)['en']}", n) for c, n in category_count.most_common()],
        "months": [Bar(m, months_flagged[m]) for m in months], "months_all": [Bar(m, months_all[m]) for m in months],
        "folders": [Bar(f, n) for f, n in folders.most_common(TOP_FOLDERS)],
        "reasons": [{"status": s, "reason": r, "ja": ja, "en": en, "count": n} for (s, r, ja, en), n in reasons.most_common()],
        "thumb_candidates": candidates,
    }


def _kind_label(catalogue: dict[str, Any], kind: str) -> str:
    info = catalogue.get(kind)
    return f"{info.ja} / {info.en}" if info else kind


def _folder(row: dict[str, Any]) -> str:
    """The folder or conversation of a row: its source plus the directory inside it."""
    inner = posixpath.dirname(row["path"].split(NEST)[-1]) if NEST in row["path"] else posixpath.dirname(row["path"])
    outer = row["path"].rsplit(NEST, 1)[0] + NEST if NEST in row["path"] else ""
    return f"{Path(row['source']).name}/{outer}{inner}".rstrip("/")


def _may_show(row: dict[str, Any], findings: list[dict[str, Any]]) -> bool:
    """Only a plain file, neither sexual nor a possible minor nor must-not-store, gets a thumbnail."""
    if row["sexual"] or row["minor"] or row["must_not_store"] or NEST in row["path"]:
        return False
    if any(f["category"] in ("sexual", "minor") for f in findings):
        return False
    return Path(row["source"]).is_dir()


def thumbnails(ledger: Ledger, candidates: list[tuple[dict[str, Any], list[dict[str, Any]]]]) -> list[dict[str, str]]:
    """Small JPEG data URIs with every found box painted over (a picture that changed since the scan gets none)."""
    import hashlib

    from PIL import ImageDraw

    from gazoguard.core.errors import GazoError
    from gazoguard.imaging.picture import load_picture

    out = []
    for row, findings in candidates:
        path = Path(row["source"]) / row["path"]
        try:
            data = path.read_bytes()
            if hashlib.sha256(data).hexdigest() != row["sha256"]:
                continue
            picture = load_picture(data)
        except (OSError, GazoError):
            continue
        image = picture.image.copy()
        draw = ImageDraw.Draw(image)
        for f in findings:
            if f["x0"] is not None:
                draw.rectangle((f["x0"], f["y0"], f["x1"] - 1, f["y1"] - 1), fill=(0, 0, 0))
        image.thumbnail((THUMB_SIDE, THUMB_SIDE))
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=70)
        out.append({"path": row["path"], "level": row["level"], "kinds": ", ".join(row["kinds"]),
                    "src": "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")})
    return out


def _plan_counts(plan: list[PlanItem]) -> list[Bar]:
    counts = Counter(p.action for p in plan)
    return [Bar(f"{LABELS[a][0]} / {LABELS[a][1]}", counts[a]) for a in ("keep", "delete", "quarantine", "report")]
