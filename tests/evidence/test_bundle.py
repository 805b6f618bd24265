"""Export → verify round trip, tampering inside the ZIP, thumbnails only where allowed, signatures."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from gazoguard.core.errors import GazoError
from gazoguard.evidence import Locker, verify_path
from gazoguard.evidence.bundle import export_bundle, manifest_bytes
from gazoguard.evidence.chain import compute_entry_hash
from gazoguard.evidence.signing import generate_key, load_private_key


def _rewrite_member(bundle: Path, name: str, change) -> Path:  # noqa: ANN001
    out = bundle.with_name(f"tampered-{bundle.name}")
    with zipfile.ZipFile(bundle) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(info.filename, change(data) if info.filename == name else data)
    return out


def _flip(data: bytes) -> bytes:
    b = bytearray(data)
    b[len(b) // 2] ^= 0x01
    return bytes(b)


@pytest.fixture
def bundle(locker: Locker, tmp_path: Path) -> Path:
    out = tmp_path / "elsewhere" / "bundle.zip"
    out.parent.mkdir()
    export_bundle(locker, out)
    return out


def test_round_trip_verifies_without_the_locker(bundle: Path, locker: Locker) -> None:
    shutil.rmtree(locker.root)  # "another machine": only the ZIP is left
    result = verify_path(bundle)
    assert result.ok, [p.message_en for p in result.problems]
    assert result.entries == 4


def test_bundle_contents(bundle: Path, locker: Locker) -> None:
    with zipfile.ZipFile(bundle) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read("manifest.json"))
        html = zf.read("timeline.html").decode("utf-8")
        pdf = zf.read("timeline.pdf")
        for entry in locker.entries():
            if entry.get("file"):
                assert zf.read(entry["file"]["stored_as"]) == locker.item_path(entry).read_bytes()
    assert {"manifest.json", "timeline.html", "timeline.pdf"} <= names
    assert "thumbnails/000001.jpg" in names  # an ordinary photo
    assert "thumbnails/000002.jpg" not in names  # marked sexual: never thumbnailed
    assert not any(n.startswith("thumbnails/000003") for n in names)  # a web page is not an image
    assert "証拠の記録" in html and "REP-0042" in html and "縮小画像を表示しません" in html
    assert pdf.startswith(b"%PDF") and b"IPAexGothic" in pdf
    assert len(manifest["entries"]) == 4


def test_single_changed_byte_in_any_member_is_detected(bundle: Path) -> None:
    with zipfile.ZipFile(bundle) as zf:
        names = zf.namelist()
    for name in names:
        tampered = _rewrite_member(bundle, name, _flip)
        assert not verify_path(tampered).ok, f"a changed byte in {name} went unnoticed"
        tampered.unlink()


def test_changed_manifest_names_the_entry(bundle: Path) -> None:
    def edit(data: bytes) -> bytes:
        manifest = json.loads(data)
        manifest["entries"][2]["url"] = "https://example.com/other"
        return manifest_bytes(manifest)

    result = verify_path(_rewrite_member(bundle, "manifest.json", edit))
    assert [(p.code, p.seq) for p in result.problems] == [
        ("entry_changed", 3),
        ("derived_rebuilt_differs", None),  # timeline.html still shows the recorded URL
    ]


def test_rehashed_manifest_edit_breaks_the_next_link(bundle: Path) -> None:
    def edit(data: bytes) -> bytes:
        manifest = json.loads(data)
        entry = manifest["entries"][0]
        entry["note"] = "書き換え"
        entry["entry_hash"] = compute_entry_hash(entry)
        return manifest_bytes(manifest)

    result = verify_path(_rewrite_member(bundle, "manifest.json", edit))
    assert ("link_broken", 2) in {(p.code, p.seq) for p in result.problems}


def test_removed_and_reordered_entries_in_manifest(bundle: Path) -> None:
    def remove(data: bytes) -> bytes:
        manifest = json.loads(data)
        del manifest["entries"][1]
        return manifest_bytes(manifest)

    def reorder(data: bytes) -> bytes:
        manifest = json.loads(data)
        e = manifest["entries"]
        e[0], e[1] = e[1], e[0]
        return manifest_bytes(manifest)

    removed = verify_path(_rewrite_member(bundle, "manifest.json", remove))
    assert removed.first_broken_seq == 2 and not removed.ok  
    reordered = verify_path(_rewrite_member(bundle, "manifest.json", reorder))
    assert {("out_of_order", 1), ("out_of_order", 2)} <= {(p.code, p.seq) for p in reordered.problems}


def test_removed_member_is_reported(bundle: Path) -> None:
    out = bundle.with_name("missing.zip")
    with zipfile.ZipFile(bundle) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename != "items/000003/post.html":
                dst.writestr(info.filename, src.read(info.filename))
    assert [(p.code, p.seq) for p in verify_path(out).problems] == [("file_missing", 3)]


def test_bad_zip_and_missing_bundle_are_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(GazoError) as err:
        verify_path(bad)
    assert err.value.code == "bad_bundle"
    with pytest.raises(GazoError):
        verify_path(tmp_path / "none.zip")


def test_export_never_overwrites(bundle: Path, locker: Locker) -> None:
    before = bundle.read_bytes()
    with pytest.raises(GazoError):
        export_bundle(locker, bundle)
    assert bundle.read_bytes() == before


def test_signed_bundle_and_fingerprint(locker: Locker, tmp_path: Path) -> None:
    fp = generate_key(tmp_path / "key.pem")
    key = load_private_key(tmp_path / "key.pem")
    locker.sign(key)
    out = tmp_path / "signed.zip"
    export_bundle(locker, out, sign_key=key)
    result = verify_path(out, expect_fingerprint=fp)
    assert result.ok and result.signatures[0].valid and result.signatures[0].fingerprint == fp
    other = generate_key(tmp_path / "other.pem")
    assert not verify_path(out, expect_fingerprint=other).ok

    def forge(data: bytes) -> bytes:
        manifest = json.loads(data)
        manifest["signatures"][0]["head_seq"] = 3
        return manifest_bytes(manifest)

    assert "signature_invalid" in {p.code for p in verify_path(_rewrite_member(out, "manifest.json", forge)).problems}
