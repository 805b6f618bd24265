"""The labelled set's files: manifest.csv, face_boxes.json, text.json, optional decoys.json (see ../shared/eval/README.md)."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class LabelledImage:
    path: Path
    rel: str
    category: str
    has_face: bool
    face_boxes: tuple[tuple[int, int, int, int], ...]
    has_gps: bool
    has_exif: bool
    has_text_pii: bool
    texts: tuple[tuple[str, str | None], ...]  # (text, kind or None for context strings)
    has_qr: bool
    qr_payloads: tuple[str, ...]
    has_barcode: bool
    is_screen: bool
    is_document: bool
    doc_kind: str
    klass: str = ""  # the manifest's optional `class` column (a frozen set's class of picture)
    decoys: tuple[tuple[str, str], ...] = ()  # (text, kind it imitates) that must not be reported as that kind
    row: dict = field(default_factory=dict, compare=False, repr=False)


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in ("true", "yes", "1")


def load_dataset(root: str | Path) -> list[LabelledImage]:
    root = Path(root)
    manifest = root / "manifest.csv"
    if not manifest.is_file():
        raise FileNotFoundError(f"{manifest} not found: is this a gazoguard eval folder?")
    faces = _json(root / "face_boxes.json")
    texts = _json(root / "text.json")
    decoys = _json(root / "decoys.json")
    items = []
    with open(manifest, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            rel = row["path"]
            payloads = tuple(p for p in [row.get("qr_payloads", "")] if p)
            items.append(
                LabelledImage(
                    path=root / rel,
                    rel=rel,
                    category=row.get("category", ""),
                    has_face=_flag(row.get("has_face", "")),
                    face_boxes=tuple(tuple(map(int, b)) for b in faces.get(rel, [])),  # type: ignore[misc]
                    has_gps=_flag(row.get("has_gps", "")),
                    has_exif=_flag(row.get("has_exif", "")),
                    has_text_pii=_flag(row.get("has_text_pii", "")),
                    texts=tuple((t["text"], t.get("kind")) for t in texts.get(rel, [])),
                    has_qr=_flag(row.get("has_qr", "")),
                    qr_payloads=payloads if _flag(row.get("has_qr", "")) else (),
                    has_barcode=_flag(row.get("has_barcode", "")),
                    is_screen=_flag(row.get("is_screen", "")),
                    is_document=_flag(row.get("is_document", "")),
                    doc_kind=row.get("doc_kind", "none") or "none",
                    klass=(row.get("class") or "").strip(),
                    decoys=tuple((d["text"], d["imitates"]) for d in decoys.get(rel, []) if d.get("text") and d.get("imitates")),
                    row=row,
                )
            )
    return items


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
