"""What each fuzz target feeds and what it calls; an input "crashes" when anything but ``GazoError`` escapes.

Seeds live in ``fuzz/corpus/TARGET/`` (``seed-*``: starting points, ``crash-*``:
inputs that once failed and are replayed by ``tests/fuzz/test_corpus_replay.py``).
"""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from hypothesis import strategies as st

from fuzz.mutate import mutated_bytes, mutated_text
from gazoguard.core.errors import GazoError

CORPUS = Path(__file__).resolve().parent / "corpus"


@dataclass(frozen=True)
class Target:
    name: str
    strategy: Callable[[list[bytes]], st.SearchStrategy[bytes]]  # seeds -> inputs (always bytes on disk)
    run: Callable[[bytes], Any]  # must raise only GazoError


def seeds(name: str) -> list[bytes]:
    folder = CORPUS / name
    found = [p.read_bytes() for p in sorted(folder.glob("seed-*"))] if folder.is_dir() else []
    return found or [b""]


def crashers(name: str) -> list[Path]:
    folder = CORPUS / name
    return sorted(folder.glob("crash-*")) if folder.is_dir() else []


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _text_inputs(seed_bytes: list[bytes]) -> st.SearchStrategy[bytes]:
    return mutated_text([_text(s) for s in seed_bytes]).map(lambda t: t.encode("utf-8", errors="surrogatepass"))


# -- picture decoding and metadata ------------------------------------------------
def run_picture(data: bytes) -> None:
    from gazoguard.imaging.picture import decode_bytes

    picture = decode_bytes(data)
    picture.image.size  # noqa: B018 - decoded pixels exist


def run_metadata(data: bytes) -> None:
    """The raw-byte readers on the input itself, then every source of a decodable picture."""
    from gazoguard.metadata import containers, iptc, tiff_ifd, xmp
    from gazoguard.metadata.sources import gather
    from gazoguard.imaging.picture import decode_bytes

    containers.walk(data)
    packet = xmp.find_packet(data)
    xmp.read_fields(packet if packet is not None else data)
    iptc.iptc_from_app13(data)
    iptc.iptc_records(data)
    endian = tiff_ifd.tiff_endian(data[:8])
    if endian:
        tiff_ifd.read_ifd(data, int.from_bytes(data[4:8], "little" if endian == "<" else "big"), endian)
    try:
        picture = decode_bytes(data)
    except GazoError:
        return
    sources = gather(picture)
    sources.xmp_fields  # noqa: B018 - parses every packet


# -- text parsers ----------------------------------------------------------------
def run_codes_payload(data: bytes) -> None:
    from gazoguard.recognizers.payload import classify_payload

    classify_payload(_text(data))


def run_recognizers(data: bytes) -> None:
    from gazoguard.recognizers import analyze

    text = _text(data)
    for match in analyze(text):
        assert 0 <= match.start <= match.end <= len(text), match


def run_hashfile(data: bytes) -> None:
    from gazoguard.hashes.hashfile import HashFile

    with tempfile.TemporaryDirectory(prefix="gazo-fuzz-") as tmp:
        path = Path(tmp) / "hashes.json"
        path.write_bytes(data)
        HashFile.read(path)


def run_profile(data: bytes) -> None:
    from gazoguard.profiles.loader import parse_profile

    parse_profile(_text(data), "fuzz.toml")


def run_policy(data: bytes) -> None:
    from gazoguard.intake.policy import parse_policy

    parse_policy(_text(data))


# -- evidence bundles ---------------------------------------------------------------
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
_NAMES = st.sampled_from(
    ["../evil.txt", "/etc/passwd", "items/000001/../../x", "items\\000001\\a", "items/000001/", "thumbnails/000001.jpg",
     "timeline.html", "manifest.json", "items/999999/a.png", ""]
)


def _paths(obj: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(obj, dict):
        for key, value in obj.items():
            out += _paths(value, prefix + (key,))
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            out += _paths(value, prefix + (i,))
    return out


def _replace(obj: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    obj[path[0]] = _replace(obj[path[0]], path[1:], value)
    return obj


def _rezip(seed: bytes, edits: list[tuple[int, Any]], extra: list[tuple[str, bytes]], canonical: bool) -> bytes:
    from gazoguard.evidence.bundle import MANIFEST, manifest_bytes

    src = zipfile.ZipFile(io.BytesIO(seed))
    manifest = json.loads(src.read(MANIFEST))
    for where, value in edits:
        paths = _paths(manifest)
        manifest = _replace(manifest, paths[where % len(paths)], value)
    raw = manifest_bytes(manifest) if canonical and isinstance(manifest, dict) else json.dumps(manifest).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr(MANIFEST, raw)
        for info in src.infolist():
            if info.filename != MANIFEST:
                zf.writestr(info.filename, src.read(info))
        for name, blob in extra:
            zf.writestr(name or "x", blob)
    return out.getvalue()


def bundle_inputs(seed_bytes: list[bytes]) -> st.SearchStrategy[bytes]:
    structural = st.builds(
        _rezip,
        st.sampled_from(seed_bytes),
        st.lists(st.tuples(st.integers(0, 10_000), _JSON), min_size=1, max_size=4),
        st.lists(st.tuples(_NAMES, st.binary(max_size=8)), max_size=2),
        st.booleans(),
    )
    return st.one_of(structural, structural, structural, mutated_bytes(seed_bytes, max_edits=3))


def run_evidence(data: bytes) -> None:
    from gazoguard.evidence.verify import verify_path

    with tempfile.TemporaryDirectory(prefix="gazo-fuzz-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None) as tmp:
        path = Path(tmp) / "bundle.zip"
        path.write_bytes(data)
        result = verify_path(path, expect_fingerprint="SHA256:0000")
        json.dumps(result.to_dict())  # the web endpoint serialises it
        [p.message_ja for p in result.problems]  # noqa: B018 - every message formats


TARGETS: dict[str, Target] = {
    t.name: t
    for t in (
        Target("picture", mutated_bytes, run_picture),
        Target("metadata", mutated_bytes, run_metadata),
        Target("codes_payload", _text_inputs, run_codes_payload),
        Target("recognizers", _text_inputs, run_recognizers),
        Target("evidence", bundle_inputs, run_evidence),
        Target("hashfile", lambda s: st.one_of(mutated_bytes(s), _JSON.map(lambda v: json.dumps(v).encode())), run_hashfile),
        Target("profile", _text_inputs, run_profile),
        Target("policy", _text_inputs, run_policy),
    )
}
