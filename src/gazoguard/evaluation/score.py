"""Score reports against labels: pure functions of (labelled images, report dicts)."""

from __future__ import annotations

import statistics
from collections import defaultdict
from typing import Any

from gazoguard.core.catalogue import kinds_in
from gazoguard.evaluation.dataset import LabelledImage
from gazoguard.evaluation.matching import face_matches, face_size, normalise, size_band, string_matches

PERSONAL_KINDS = frozenset(kinds_in("personal_text"))
EXIF_KINDS = frozenset({"capture_time", "camera_model", "camera_serial", "owner", "software", "maker_note", "gps", "thumbnail"})


def _findings(report: dict[str, Any], kind: str | None = None, category: str | None = None) -> list[dict[str, Any]]:
    return [
        f
        for f in report.get("findings", [])
        if (kind is None or f["kind"] == kind) and (category is None or f["category"] == category)
    ]


def score_faces(items: list[LabelledImage], reports: dict[str, dict]) -> dict[str, Any]:
    bands: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    false_on_faceless = 0
    unmatched_predictions = 0
    for item in items:
        predicted = [tuple(f["box"]) for f in _findings(reports[item.rel], "face") if f["box"]]
        for label in item.face_boxes:
            band = size_band(face_size(label))
            bands[band][0] += 1
            if any(face_matches(label, p) for p in predicted):
                bands[band][1] += 1
        if not item.has_face:
            false_on_faceless += len(predicted)
        else:
            unmatched_predictions += sum(1 for p in predicted if not any(face_matches(lb, p) for lb in item.face_boxes))
    return {
        "bands": {b: {"labelled": n, "found": k, "recall": _ratio(k, n)} for b, (n, k) in sorted(bands.items())},
        "false_faces_on_faceless_images": false_on_faceless,
        "unmatched_faces_on_face_images": unmatched_predictions,
        "faceless_images": sum(1 for i in items if not i.has_face),
    }


def score_personal_text(items: list[LabelledImage], reports: dict[str, dict]) -> dict[str, Any]:
    per_kind: dict[str, dict[str, int]] = defaultdict(lambda: {"labelled": 0, "found": 0, "tp": 0, "fp": 0, "decoys": 0, "decoys_reported": 0})
    missed: list[dict[str, str]] = []
    false: list[dict[str, str]] = []
    decoyed: list[dict[str, str]] = []
    for item in items:
        predictions = [f for f in reports[item.rel].get("findings", []) if f["kind"] in PERSONAL_KINDS]
        labels = [(t, k) for t, k in item.texts if k]
        for text, kind in item.decoys:
            per_kind[kind]["decoys"] += 1
            if any(f["kind"] == kind and string_matches(text, f["text"] or "") for f in predictions):
                per_kind[kind]["decoys_reported"] += 1
                decoyed.append({"image": item.rel, "kind": kind, "text": text})
        # a decoy one digit away from a label must not pass for it through the fuzzy match
        predictions = [f for f in predictions if not _reports_a_decoy(f, item.decoys, labels)] + [
            {**f, "kind": "__decoy__", "decoy_of": f["kind"]} for f in predictions if _reports_a_decoy(f, item.decoys, labels)
        ]
        context = [t for t, k in item.texts if not k]
        for text, kind in labels:
            per_kind[kind]["labelled"] += 1
            if any(f["kind"] == kind and string_matches(text, f["text"] or "") for f in predictions):
                per_kind[kind]["found"] += 1
            else:
                missed.append({"image": item.rel, "kind": kind, "text": text})
        for f in predictions:
            text = f["text"] or ""
            if f["kind"] == "__decoy__":  # a reported decoy is a false finding of the kind it imitates
                kind = f["decoy_of"]
                per_kind[kind]["fp"] += 1
                false.append({"image": item.rel, "kind": kind, "text": text})
                continue
            if any(f["kind"] == k and string_matches(t, text) for t, k in labels):
                per_kind[f["kind"]]["tp"] += 1
            elif any(string_matches(t, text) for t in context) or any(string_matches(t, text) for t, _ in labels):
                continue  # a context string, or the right string under another kind: not scored for precision
            else:
                per_kind[f["kind"]]["fp"] += 1
                false.append({"image": item.rel, "kind": f["kind"], "text": text})
    total = {k: sum(v[k] for v in per_kind.values()) for k in ("labelled", "found", "tp", "fp", "decoys", "decoys_reported")}
    return {
        "by_kind": {
            k: {
                **v,
                "recall": _ratio(v["found"], v["labelled"]),
                "precision": _ratio(v["tp"], v["tp"] + v["fp"]),
                "decoy_rate": _ratio(v["decoys_reported"], v["decoys"]),
            }
            for k, v in sorted(per_kind.items())
        },
        "recall": _ratio(total["found"], total["labelled"]),
        "precision": _ratio(total["tp"], total["tp"] + total["fp"]),
        "decoys": total["decoys"],
        "decoy_rate": _ratio(total["decoys_reported"], total["decoys"]),
        "missed": missed,
        "false": false,
        "decoys_reported": decoyed,
    }


def _reports_a_decoy(finding: dict[str, Any], decoys: tuple[tuple[str, str], ...], labels: list[tuple[str, str]]) -> bool:
    """The finding matches a decoy of its kind and holds no label of that kind whole."""
    text = finding["text"] or ""
    if not any(k == finding["kind"] and string_matches(t, text) for t, k in decoys):
        return False
    return not any(k == finding["kind"] and normalise(t) in normalise(text) for t, k in labels)


def score_by_class(items: list[LabelledImage], reports: dict[str, dict]) -> dict[str, Any]:
    """Per value of the manifest's ``class`` column: personal strings (recall, precision, decoy rate)
    and the class's own figure where it has labels (screens found, QR payloads, faces)."""
    groups: dict[str, list[LabelledImage]] = defaultdict(list)
    for item in items:
        if item.klass:
            groups[item.klass].append(item)
    out: dict[str, Any] = {}
    for name, group in sorted(groups.items()):
        pt = score_personal_text(group, reports)
        row: dict[str, Any] = {
            "images": len(group),
            "labelled": sum(v["labelled"] for v in pt["by_kind"].values()),
            "recall": pt["recall"],
            "precision": pt["precision"],
            "decoys": pt["decoys"],
            "decoy_rate": pt["decoy_rate"],
            "by_kind": {k: {key: v[key] for key in ("labelled", "found", "fp", "recall", "precision", "decoys", "decoys_reported", "decoy_rate")} for k, v in pt["by_kind"].items()},
        }
        if any(i.is_screen for i in group):
            ds = score_documents_and_screens(group, reports)
            row["screen_recall"], row["screens"] = ds["screen_recall"], ds["screens"]
        if any(i.qr_payloads for i in group):
            c = score_codes(group, reports)
            row["qr_payload_accuracy"], row["qr_total"] = c["qr_payload_accuracy"], c["qr_total"]
        if any(i.face_boxes for i in group) or name == "faces":
            f = score_faces(group, reports)
            row["face_bands"] = f["bands"]
            row["false_faces_on_faceless_images"] = f["false_faces_on_faceless_images"]
        out[name] = row
    return out


def score_codes(items: list[LabelledImage], reports: dict[str, dict]) -> dict[str, Any]:
    qr_total = qr_correct = bar_total = bar_found = 0
    wrong: list[dict[str, Any]] = []
    for item in items:
        report = reports[item.rel]
        decoded = [(f["text"] or "").rstrip("\n") for f in _findings(report, category="code")]
        for payload in item.qr_payloads if item.has_qr else ():
            qr_total += 1
            if payload.rstrip("\n") in decoded:
                qr_correct += 1
            else:
                wrong.append({"image": item.rel, "expected": payload, "decoded": decoded})
        if item.has_barcode:
            bar_total += 1
            bar_found += bool(_findings(report, "barcode"))
    return {
        "qr_payload_accuracy": _ratio(qr_correct, qr_total),
        "qr_total": qr_total,
        "barcode_recall": _ratio(bar_found, bar_total),
        "barcode_total": bar_total,
        "wrong": wrong,
    }


def score_metadata(items: list[LabelledImage], reports: dict[str, dict]) -> dict[str, Any]:
    gps_total = sum(i.has_gps for i in items)
    gps_found = sum(1 for i in items if i.has_gps and _findings(reports[i.rel], "gps"))
    gps_false = [i.rel for i in items if not i.has_gps and _findings(reports[i.rel], "gps")]
    exif_total = sum(i.has_exif for i in items)
    exif_found = sum(1 for i in items if i.has_exif and any(f["kind"] in EXIF_KINDS for f in reports[i.rel].get("findings", [])))
    return {
        "gps_recall": _ratio(gps_found, gps_total),
        "gps_total": gps_total,
        "gps_false_claims": len(gps_false),
        "gps_false_images": gps_false,
        "exif_recall": _ratio(exif_found, exif_total),
        "exif_total": exif_total,
    }


def score_documents_and_screens(items: list[LabelledImage], reports: dict[str, dict]) -> dict[str, Any]:
    docs = [i for i in items if i.is_document and i.doc_kind not in ("none", "screen")]
    correct, wrong = 0, []
    for item in docs:
        found = sorted(_findings(reports[item.rel], "document"), key=lambda f: -f["score"])
        got = found[0]["attrs"].get("doc_kind") if found else None
        if got == item.doc_kind:
            correct += 1
        else:
            wrong.append({"image": item.rel, "expected": item.doc_kind, "got": got})
    non_docs = [i for i in items if not i.is_document]
    doc_false = [i.rel for i in non_docs if _findings(reports[i.rel], "document")]
    screens = [i for i in items if i.is_screen]
    screen_found = sum(1 for i in screens if _findings(reports[i.rel], "screen"))
    screen_false = [i.rel for i in items if not i.is_screen and _findings(reports[i.rel], "screen")]
    return {
        "document_kind_accuracy": _ratio(correct, len(docs)),
        "documents": len(docs),
        "document_wrong": wrong,
        "documents_claimed_on_non_documents": len(doc_false),
        "screen_recall": _ratio(screen_found, len(screens)),
        "screens": len(screens),
        "screens_claimed_on_non_screens": len(screen_false),
        "screen_false_images": screen_false,
    }


def score_benign(items: list[LabelledImage], reports: dict[str, dict]) -> dict[str, Any]:
    benign = [i for i in items if i.category == "benign"]
    risky = [i.rel for i in benign if reports[i.rel].get("verdict", {}).get("level") in ("danger", "block")]
    sexual_minor = [
        i.rel for i in benign if any(f["category"] in ("sexual", "minor") for f in reports[i.rel].get("findings", []))
    ]
    sexual_minor_all = [
        i.rel for i in items if any(f["category"] in ("sexual", "minor") for f in reports[i.rel].get("findings", []))
    ]
    return {
        "benign_images": len(benign),
        "benign_danger_or_block": _ratio(len(risky), len(benign)),
        "benign_danger_or_block_images": risky,
        "benign_with_sexual_or_minor": _ratio(len(sexual_minor), len(benign)),
        "all_with_sexual_or_minor": _ratio(len(sexual_minor_all), len(items)),
        "sexual_or_minor_images": sexual_minor_all,
    }


def score_time(reports: dict[str, dict]) -> dict[str, Any]:
    times = sorted(r["elapsed_ms"] for r in reports.values() if "elapsed_ms" in r)
    per_detector: dict[str, list[float]] = defaultdict(list)
    for r in reports.values():
        for run in r.get("detectors", []):
            per_detector[run["name"]].append(run["ms"])
    return {
        "images": len(times),
        "p50_ms": _percentile(times, 50),
        "p95_ms": _percentile(times, 95),
        "mean_ms": round(statistics.fmean(times), 1) if times else None,
        "detector_p50_ms": {k: _percentile(sorted(v), 50) for k, v in sorted(per_detector.items())},
        "failed_runs": sum(1 for r in reports.values() for run in r.get("detectors", []) if run["status"] != "ok"),
        "errors": [r["image"]["path"] for r in reports.values() if "error" in r],
    }


def score_all(items: list[LabelledImage], reports: dict[str, dict]) -> dict[str, Any]:
    return {
        "faces": score_faces(items, reports),
        "personal_text": score_personal_text(items, reports),
        "codes": score_codes(items, reports),
        "metadata": score_metadata(items, reports),
        "documents_screens": score_documents_and_screens(items, reports),
        "benign": score_benign(items, reports),
        "time": score_time(reports),
        "by_class": score_by_class(items, reports),
    }


def _ratio(k: int, n: int) -> float | None:
    return round(k / n, 4) if n else None


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    index = min(len(values) - 1, max(0, round(q / 100 * (len(values) - 1))))
    return round(values[index], 1)
