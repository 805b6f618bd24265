"""Stand-in detectors for redaction tests, built on the same libraries as the real ones.

The redactor only relies on the Finding contract, so these small detectors
(yuface faces, zxing-cpp codes, an OCR phone pattern, container metadata) let
the tests run whether or not the team's detectors have landed yet; tests that
need the real registry skip when the kind is not emitted by any detector.
"""

from __future__ import annotations

import contextlib
import re

import numpy as np
import pytest

from gazoguard.detectors import Registry
from gazoguard.detectors.base import Detector
from gazoguard.core.finding import Finding
from gazoguard.perception import builtin_perceptions


class YufaceDetector(Detector):
    name = "test_faces"
    kinds = frozenset({"face"})

    def detect(self, picture, scene):
        import yuface

        bgr = np.ascontiguousarray(picture.bgr)
        confs, boxes, _ = yuface.detect(bgr, conf=0.5)
        return [
            Finding("face", float(c) / 100.0, self.name, box=(int(x), int(y), int(x + w), int(y + h)))
            for c, (x, y, w, h) in zip(confs, boxes)
        ]


class CodeDetector(Detector):
    name = "test_codes"
    kinds = frozenset({"qr_code", "barcode"})

    def detect(self, picture, scene):
        import zxingcpp

        found = []
        for result in zxingcpp.read_barcodes(picture.image):
            p = result.position
            xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
            ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
            kind = "qr_code" if "QR" in str(result.format) else "barcode"
            found.append(
                Finding(kind, 1.0, self.name, box=(min(xs), min(ys), max(xs) + 1, max(ys) + 1), text=result.text)
            )
        return found


PHONE = re.compile(r"(?<!\d)0\d{1,4}-\d{1,4}-\d{3,4}(?!\d)")


class PhoneDetector(Detector):
    name = "test_phone"
    kinds = frozenset({"phone"})

    def detect(self, picture, scene):
        layout = scene.text()
        found = []
        for m in PHONE.finditer(layout.text):
            boxes = layout.boxes_for_span(m.start(), m.end())
            if boxes:
                box = (
                    min(b[0] for b in boxes),
                    min(b[1] for b in boxes),
                    max(b[2] for b in boxes),
                    max(b[3] for b in boxes),
                )
                found.append(Finding("phone", 0.9, self.name, box=box, text=m.group(), attrs={"line_boxes": boxes}))
        return found


class ContainerMetadataDetector(Detector):
    """Metadata from the decoded container: EXIF thumbnail, GPS, trailing bytes."""

    name = "test_metadata"
    kinds = frozenset({"gps", "thumbnail", "trailing_data", "other_metadata"})

    def detect(self, picture, scene):
        found = []
        if picture.exif:
            if picture.exif.get_ifd(0x8825):
                found.append(Finding("gps", 1.0, self.name))
            found.append(Finding("other_metadata", 1.0, self.name))
        if picture.format == "JPEG":
            from exif_bytes import embedded_thumbnail

            with contextlib.suppress(Exception):  # no or broken EXIF: no thumbnail
                if embedded_thumbnail(picture.data):
                    found.append(Finding("thumbnail", 1.0, self.name))
            from gazoguard.redaction.container import container_problems

            if any("trailing" in p for p in container_problems(picture.data)):
                found.append(Finding("trailing_data", 1.0, self.name))
        return found


@pytest.fixture(scope="session")
def test_engine():
    """An engine with the stand-in detectors and the real OCR perception."""
    from gazoguard.pipeline.engine import Engine

    registry = Registry([YufaceDetector(), CodeDetector(), PhoneDetector(), ContainerMetadataDetector()])
    engine = Engine(registry=registry, perceptions=builtin_perceptions(), max_workers=4)
    yield engine
    engine.close()
