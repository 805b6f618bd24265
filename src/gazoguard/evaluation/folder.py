"""Write generated pictures as a labelled eval folder (manifest.csv with a ``class`` column, text.json,
decoys.json), the format ``gazoguard eval DIR`` reads — so two trees can be scored on the very same
files, and the older one's reports rescored with this tree's scorer."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path

from gazoguard.evaluation.dataset import LabelledImage

COLUMNS = ("path", "category", "class", "has_face", "has_gps", "has_exif", "has_text_pii", "pii_kinds", "has_qr", "qr_payloads",
           "has_barcode", "is_screen", "is_document", "doc_kind")


def write_folder(root: str | Path, items: Iterable[LabelledImage]) -> Path:
    """The labels of ``items`` (whose pictures are already under ``root`` at their ``rel`` path)."""
    root = Path(root)
    texts: dict[str, list[dict]] = {}
    decoys: dict[str, list[dict]] = {}
    with open(root / "manifest.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        for item in items:
            kinds = sorted({k for _, k in item.texts if k})
            writer.writerow({
                "path": item.rel, "category": item.category, "class": item.klass, "has_face": _b(item.has_face),
                "has_gps": _b(item.has_gps), "has_exif": _b(item.has_exif), "has_text_pii": _b(item.has_text_pii),
                "pii_kinds": ";".join(kinds), "has_qr": _b(item.has_qr), "qr_payloads": "".join(item.qr_payloads[:1]),
                "has_barcode": _b(item.has_barcode), "is_screen": _b(item.is_screen), "is_document": _b(item.is_document),
                "doc_kind": item.doc_kind,
            })
            texts[item.rel] = [{"text": t, "kind": k} for t, k in item.texts]
            if item.decoys:
                decoys[item.rel] = [{"text": t, "imitates": k} for t, k in item.decoys]
    (root / "text.json").write_text(json.dumps(texts, ensure_ascii=False, indent=1), encoding="utf-8")
    (root / "decoys.json").write_text(json.dumps(decoys, ensure_ascii=False, indent=1), encoding="utf-8")
    return root


def _b(flag: bool) -> str:
    return "true" if flag else "false"
