"""Int8 copies of the float perception models, built by ``scripts/quantize_models.py``.

``MANIFEST.json`` records, for each file, the model it was built from and that model's sha256.
"""

from __future__ import annotations

from importlib import resources


def shipped_model(name: str) -> bytes:
    """The bytes of one shipped model file (e.g. ``"ocr_det_int8.onnx"``)."""
    return resources.files(__name__).joinpath(name).read_bytes()


def shipped_model_path(name: str) -> str:
    """A file-system path to one shipped model (the package is installed unzipped)."""
    return str(resources.files(__name__).joinpath(name))
