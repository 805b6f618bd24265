"""The faces detector turns the shared face boxes into ``face`` findings."""

from __future__ import annotations

from gazoguard.detectors.faces import FacesDetector, face_finding
from gazoguard.perception.faces import FaceBox


class StubScene:
    def __init__(self, faces: list[FaceBox]) -> None:
        self._faces = faces
        self.calls = 0

    def faces(self) -> list[FaceBox]:
        self.calls += 1
        return self._faces


def test_one_finding_per_face_with_size_and_landmarks():
    faces = [
        FaceBox((10, 20, 50, 70), 0.91, ((20, 35), (40, 35), (30, 45), (22, 58), (38, 58))),
        FaceBox((100, 100, 124, 130), 0.62),
    ]
    scene = StubScene(faces)
    findings = FacesDetector().detect(picture=None, scene=scene)  # type: ignore[arg-type]
    assert scene.calls == 1
    assert [f.box for f in findings] == [(10, 20, 50, 70), (100, 100, 124, 130)]
    first = findings[0]
    assert (first.kind, first.category, first.detector, first.score) == ("face", "identity", "faces", 0.91)
    assert first.attrs["size_px"] == 50
    assert first.attrs["landmarks"] == [[20, 35], [40, 35], [30, 45], [22, 58], [38, 58]]
    assert findings[1].attrs["size_px"] == 30 and findings[1].attrs["landmarks"] == []


def test_no_faces_no_findings():
    assert FacesDetector().detect(picture=None, scene=StubScene([])) == []  # type: ignore[arg-type]


def test_finding_is_json_ready():
    data = face_finding(FaceBox((0, 0, 8, 9), 0.5, ((1, 2),))).to_dict()
    assert data["attrs"] == {"size_px": 9, "landmarks": [[1, 2]]}


def test_detector_runs_in_the_engine_on_a_real_photo(engine, eval_dir):
    report = engine.check(eval_dir / "images/faces/fr_obama.jpg", detectors=["faces"])
    faces = [f for f in report.findings if f.kind == "face"]
    assert len(faces) == 1
    x0, y0, x1, y1 = faces[0].box
    assert 150 < (x1 - x0) < 500  # labelled face is 319 px
