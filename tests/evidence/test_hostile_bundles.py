"""Crafted bundles and lockers (issue 21, items 1–3): bounded work, a "malformed" verdict, nothing that lies.

Every test here failed on the verifier before the hardening: tracebacks (exit 1,
the code for "tampered"), gigabytes for one number, or "intact" for a rewritten
timeline, a path outside the bundle or a symlink outside the locker.
"""

from __future__ import annotations

import io
import json
import os
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any, Callable

import pytest
from PIL import Image

from gazoguard.cli.main import main
from gazoguard.core.errors import GazoError
from gazoguard.evidence import Locker, verify_path
from gazoguard.evidence.bundle import export_bundle, manifest_bytes
from gazoguard.evidence.chain import sha256_hex
from gazoguard.evidence.signing import generate_key, load_private_key


def _rezip(bundle: Path, out_name: str, members: dict[str, bytes | None], *, manifest: bytes | None = None) -> Path:
    """Copy ``bundle`` replacing (bytes) or dropping (None) members and adding new ones."""
    out = bundle.with_name(out_name)
    with zipfile.ZipFile(bundle) as src, zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == "manifest.json" and manifest is not None:
                dst.writestr("manifest.json", manifest)
            elif info.filename in members:
                if members[info.filename] is not None:
                    dst.writestr(info.filename, members[info.filename])
            else:
                dst.writestr(info.filename, src.read(info.filename))
        for name, data in members.items():
            if data is not None and name not in src.namelist():
                dst.writestr(name, data)
    return out


def _edit_manifest(bundle: Path, edit: Callable[[dict[str, Any]], Any], name: str = "edited.zip") -> Path:
    with zipfile.ZipFile(bundle) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    edited = edit(manifest)
    manifest = manifest if edited is None else edited
    return _rezip(bundle, name, {}, manifest=manifest_bytes(manifest))


@pytest.fixture
def bundle(locker: Locker, tmp_path: Path) -> Path:
    out = tmp_path / "bundle.zip"
    export_bundle(locker, out)
    return out


@pytest.fixture
def signed(locker: Locker, tmp_path: Path) -> tuple[Path, str]:
    fp = generate_key(tmp_path / "key.pem")
    key = load_private_key(tmp_path / "key.pem")
    locker.sign(key)
    out = tmp_path / "signed.zip"
    export_bundle(locker, out, sign_key=key)
    return out, fp


# -- item 1: bounded work and a malformed verdict ------------------------------------------
def test_an_enormous_seq_is_malformed_without_one_problem_per_missing_number(bundle: Path) -> None:
    def edit(m):
        m["entries"][-1]["seq"] = 500_000

    crafted = _edit_manifest(bundle, edit)
    tracemalloc.start()
    result = verify_path(crafted)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert result.status == "malformed" and not result.ok
    assert len(result.problems) < 10 and peak < 40 * 2**20


def test_a_manifest_over_the_size_cap_is_not_even_parsed(bundle: Path) -> None:
    padding = b'{"format": "gazoguard.evidence-bundle/1", "pad": "' + b" " * (17 * 2**20) + b'"}'
    crafted = _rezip(bundle, "big.zip", {}, manifest=padding)
    assert crafted.stat().st_size < bundle.stat().st_size + 100_000  # a small upload…
    tracemalloc.start()
    result = verify_path(crafted)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert result.status == "malformed" and peak < 8 * 2**20  # …that is refused before it is unpacked


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda m: m["entries"][0].update(note=json.loads("[" * 60 + "]" * 60)), id="nesting-60"),
        pytest.param(lambda m: m["head"].update(count=-5), id="negative-head-count"),
        pytest.param(lambda m: m["head"].update(count="4"), id="head-count-text"),
        pytest.param(lambda m: m["entries"][0].update(seq="1"), id="seq-text"),
        pytest.param(lambda m: m["entries"][0].update(seq=True), id="seq-bool"),
        pytest.param(lambda m: m["entries"][0]["file"].update(size="big"), id="size-text"),
        pytest.param(lambda m: m["entries"][0]["file"].update(stored_as=["items"]), id="stored-as-list"),
        pytest.param(lambda m: m["entries"][0].update(file=[1, 2]), id="file-list"),
        pytest.param(lambda m: m["entries"][0].update(note={"x": 1}), id="note-object"),
        pytest.param(lambda m: m.update(entries={"1": {}}), id="entries-object"),
        pytest.param(lambda m: m.update(generated=["timeline.html"]), id="generated-list"),
        pytest.param(lambda m: m.update(exported_at=7), id="exported-at-number"),
        pytest.param(lambda m: m.update(locker=[]), id="header-list"),
        pytest.param(lambda m: m.update(signatures=[{"head_seq": "abc"}]), id="signature-head-text"),
        pytest.param(lambda m: m.update(signatures=[7]), id="signature-number"),
        pytest.param(lambda m: m["entries"].append(None), id="entry-null"),
    ],
)
def test_wrongly_typed_fields_give_the_malformed_verdict_and_exit_3(bundle: Path, edit, capsys) -> None:  # noqa: ANN001
    crafted = _edit_manifest(bundle, edit)
    result = verify_path(crafted)
    assert result.status == "malformed", [p.code for p in result.problems]
    assert main(["evidence", "verify", str(crafted)]) == 3
    out = capsys.readouterr().out
    assert "形式が正しくありません" in out and "Traceback" not in out


def test_nesting_beyond_the_json_parser_s_stack_is_malformed(bundle: Path) -> None:
    with zipfile.ZipFile(bundle) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    manifest["entries"][0]["note"] = "__DEEP__"
    raw = manifest_bytes(manifest).replace(b'"__DEEP__"', b"[" * 100_000 + b"]" * 100_000)
    assert verify_path(_rezip(bundle, "deep.zip", {}, manifest=raw)).status == "malformed"


def test_a_manifest_that_is_not_json_is_malformed(bundle: Path) -> None:
    crafted = _rezip(bundle, "notjson.zip", {}, manifest=b"[" * 100_000)
    assert verify_path(crafted).status == "malformed"


def test_too_many_members_are_refused_before_reading(bundle: Path) -> None:
    from gazoguard.evidence.shape import MAX_MEMBERS

    out = bundle.with_name("many.zip")
    with zipfile.ZipFile(bundle) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
        for n in range(MAX_MEMBERS + 1):
            dst.writestr(f"items/{n % 999999 + 1:06d}/f{n}", b"")
    result = verify_path(out)
    assert result.status == "malformed" and len(result.problems) == 1


# -- item 2: what a lawyer reads is covered -------------------------------------------------
def _fake_thumbnail() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (320, 200), (0, 200, 0)).save(buf, format="JPEG")
    return buf.getvalue()


def _replace_readable(bundle: Path, replacements: dict[str, bytes], name: str) -> Path:
    """The attack: new timeline/thumbnail bytes and their new hashes written into the manifest's list."""
    with zipfile.ZipFile(bundle) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    for member, data in replacements.items():
        manifest["generated"][member] = sha256_hex(data)
    return _rezip(bundle, name, replacements, manifest=manifest_bytes(manifest))


def test_replaced_timeline_and_thumbnail_with_rewritten_hashes_do_not_verify(signed: tuple[Path, str]) -> None:
    bundle, fp = signed
    with zipfile.ZipFile(bundle) as zf:
        html = zf.read("timeline.html").decode("utf-8")
    forged = {
        "timeline.html": html.replace("REP-0042", "REP-9999").encode("utf-8"),
        "thumbnails/000001.jpg": _fake_thumbnail(),
    }
    crafted = _replace_readable(bundle, forged, "forged.zip")
    for expect in (None, fp):
        result = verify_path(crafted, expect_fingerprint=expect)
        codes = {(p.code, p.params.get("name")) for p in result.problems}
        assert ("derived_rebuilt_differs", "timeline.html") in codes
        assert ("derived_rebuilt_differs", "thumbnails/000001.jpg") in codes
        assert ("seal_invalid", None) in {(c, None) for c, _ in codes}


def test_a_replaced_pdf_with_its_new_hash_breaks_the_seal(signed: tuple[Path, str]) -> None:
    bundle, fp = signed
    crafted = _replace_readable(bundle, {"timeline.pdf": b"%PDF-1.4 forged"}, "forged-pdf.zip")
    result = verify_path(crafted, expect_fingerprint=fp)
    assert not result.ok and "seal_invalid" in {p.code for p in result.problems}


def test_a_signed_but_unsealed_bundle_says_its_pdf_is_not_covered(locker: Locker, tmp_path: Path) -> None:
    generate_key(tmp_path / "key.pem")
    locker.sign(load_private_key(tmp_path / "key.pem"))
    export_bundle(locker, tmp_path / "unsealed.zip")
    result = verify_path(tmp_path / "unsealed.zip")
    assert [p.code for p in result.problems] == ["derived_unsealed"]


def test_a_thumbnail_planted_for_a_sensitive_entry_is_caught(bundle: Path) -> None:
    crafted = _replace_readable(bundle, {"thumbnails/000002.jpg": _fake_thumbnail()}, "planted.zip")
    problems = {(p.code, p.seq) for p in verify_path(crafted).problems}
    assert ("derived_rebuilt_differs", 2) in problems


def test_an_unchanged_bundle_still_verifies_with_the_rebuilt_comparisons(signed: tuple[Path, str]) -> None:
    bundle, fp = signed
    result = verify_path(bundle, expect_fingerprint=fp)
    assert result.ok, [p.message_en for p in result.problems]
    assert {s.covers for s in result.signatures} == {"head", "bundle"}


# -- item 3: names and links that leave the bundle or the locker ------------------------------
@pytest.mark.parametrize("stored", ["items/000001/../../../etc/passwd", "/etc/passwd", "items/000001/..", "../x"])
def test_stored_names_leaving_the_bundle_are_refused(bundle: Path, stored: str) -> None:
    with zipfile.ZipFile(bundle) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        original = manifest["entries"][0]["file"]["stored_as"]
        data = zf.read(original)
    manifest["entries"][0]["file"]["stored_as"] = stored
    crafted = _rezip(bundle, "escape.zip", {original: None, stored: data}, manifest=manifest_bytes(manifest))
    result = verify_path(crafted)
    assert result.status == "malformed", [p.message_en for p in result.problems]


@pytest.mark.parametrize("member", ["../outside.txt", "/abs.txt", "items/000001/../../x", "items\\000001\\a"])
def test_member_names_outside_the_layout_are_refused(bundle: Path, member: str) -> None:
    crafted = _rezip(bundle, "member.zip", {member: b"x"})
    assert verify_path(crafted).status == "malformed"


def test_a_locker_item_replaced_by_a_symlink_to_an_identical_file_is_caught(locker: Locker, tmp_path: Path) -> None:
    entry = locker.entries()[0]
    stored = locker.root / entry["file"]["stored_as"]
    outside = tmp_path / "outside-copy"
    outside.write_bytes(stored.read_bytes())
    os.chmod(stored.parent, 0o755)
    stored.unlink()
    stored.symlink_to(outside)
    result = verify_path(locker.root)
    assert ("file_symlink", 1) in {(p.code, p.seq) for p in result.problems}
    assert main(["evidence", "verify", str(locker.root)]) == 1
    with pytest.raises(GazoError):
        export_bundle(locker, tmp_path / "out.zip")  # the outside file is never exported as evidence
    assert not (tmp_path / "out.zip").exists()


def test_a_symlinked_items_folder_is_caught(locker: Locker, tmp_path: Path) -> None:
    moved = tmp_path / "moved-items"
    (locker.root / "items").rename(moved)
    (locker.root / "items").symlink_to(moved)
    assert not verify_path(locker.root).ok


def test_web_verify_answers_malformed_bundles_with_422_not_500(bundle: Path) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from gazoguard.web.app import create_app

    client = TestClient(create_app(), raise_server_exceptions=False, base_url="http://127.0.0.1")
    for n, edit in enumerate([lambda m: m["head"].update(count=-5), lambda m: m["entries"][0].update(seq=10**9)]):
        crafted = _edit_manifest(bundle, edit, f"web{n}.zip")
        r = client.post("/api/v1/evidence/verify", files={"file": ("b.zip", crafted.read_bytes(), "application/zip")})
        assert r.status_code == 422 and r.json()["code"] == "malformed_bundle" and r.json()["ok"] is False
