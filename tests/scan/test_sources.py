"""Sources are read in place; every hostile archive trick becomes one clear skipped or error row."""

from __future__ import annotations

import io
import os
import tarfile
import zipfile
from pathlib import Path

from scan_support import picture_bytes

from gazoguard.scan.sources import NEST, Limits, estimate_total, iter_sources


def _by_path(entries) -> dict:
    return {e.path: e for e in entries}


def _listing(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_a_folder_is_walked_recursively_and_non_images_are_listed_as_skipped(small_archive):
    entries = _by_path(iter_sources([str(small_archive)]))
    assert entries["chat-a/notes.txt"].status == "skipped" and entries["chat-a/notes.txt"].reason == "not_an_image_type"
    assert entries["chat-b/img000.jpg"].status == "pending" and entries["chat-b/img000.jpg"].data
    assert sum(e.status == "pending" for e in entries.values()) == 25
    assert estimate_total([str(small_archive)]) == len(entries)


def test_a_chat_export_zip_is_read_in_place_and_its_entries_are_named_inside_it(tmp_path):
    export = tmp_path / "line-export.zip"
    with zipfile.ZipFile(export, "w") as zf:
        zf.writestr("talk/2024-01/a.jpg", picture_bytes(1))
        zf.writestr("talk/readme.txt", "hi")
    before = _listing(tmp_path)
    entries = _by_path(iter_sources([str(export)]))
    assert entries["talk/2024-01/a.jpg"].data == picture_bytes(1)
    assert entries["talk/readme.txt"].reason == "not_an_image_type"
    assert _listing(tmp_path) == before  # nothing unpacked


def test_zip_slip_and_absolute_names_are_skipped_and_nothing_is_written_anywhere(tmp_path):
    export = tmp_path / "in" / "evil.zip"
    export.parent.mkdir()
    with zipfile.ZipFile(export, "w") as zf:
        zf.writestr("../../escaped.jpg", picture_bytes(2))
        zf.writestr("/etc/abs.jpg", picture_bytes(3))
        zf.writestr("C:\\windows\\drive.jpg", picture_bytes(4))
        zf.writestr("ok.jpg", picture_bytes(5))
    before = _listing(tmp_path)
    entries = _by_path(iter_sources([str(export)]))
    assert entries["../../escaped.jpg"].reason == "unsafe_name"
    assert entries["/etc/abs.jpg"].reason == "absolute_name"
    assert entries["C:/windows/drive.jpg"].reason == "absolute_name"
    assert entries["ok.jpg"].status == "pending"
    assert _listing(tmp_path) == before and not (tmp_path / "escaped.jpg").exists()


def test_symlinks_in_folders_zips_and_tars_are_not_followed(tmp_path):
    root = tmp_path / "src"
    root.mkdir()
    (root / "real.jpg").write_bytes(picture_bytes(6))
    os.symlink("/etc/passwd", root / "link.jpg")
    os.symlink("/etc", root / "linked-dir")
    info = zipfile.ZipInfo("zlink.jpg")
    info.external_attr = (0o120777 << 16)
    with zipfile.ZipFile(root / "z.zip", "w") as zf:
        zf.writestr(info, "/etc/passwd")
    with tarfile.open(root / "t.tar", "w") as tf:
        sym = tarfile.TarInfo("tlink.jpg")
        sym.type, sym.linkname = tarfile.SYMTYPE, "/etc/shadow"
        tf.addfile(sym)
        hard = tarfile.TarInfo("thard.jpg")
        hard.type, hard.linkname = tarfile.LNKTYPE, "tlink.jpg"
        tf.addfile(hard)
        dev = tarfile.TarInfo("dev.jpg")
        dev.type = tarfile.CHRTYPE
        tf.addfile(dev)
    entries = _by_path(iter_sources([str(root)]))
    assert entries["link.jpg"].reason == "symlink"
    assert entries["linked-dir"].reason == "symlink"
    assert entries["z.zip" + NEST + "zlink.jpg"].reason == "symlink"
    assert entries["t.tar" + NEST + "tlink.jpg"].reason == "symlink"
    assert entries["t.tar" + NEST + "thard.jpg"].reason == "hardlink"
    assert entries["t.tar" + NEST + "dev.jpg"].reason == "not_a_regular_file"
    assert entries["real.jpg"].status == "pending"


def _zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def test_nested_archives_are_read_down_to_the_depth_limit_and_no_further(tmp_path):
    level3 = _zip_bytes({"deep.jpg": picture_bytes(7)})
    level2 = _zip_bytes({"inner.jpg": picture_bytes(8), "level3.zip": level3})
    export = tmp_path / "outer.zip"
    export.write_bytes(_zip_bytes({"level2.zip": level2, "top.jpg": picture_bytes(9)}))
    entries = _by_path(iter_sources([str(export)], Limits(max_depth=2)))
    assert entries["top.jpg"].status == "pending"
    assert entries["level2.zip" + NEST + "inner.jpg"].data == picture_bytes(8)
    assert entries["level2.zip" + NEST + "level3.zip"].reason == "nested_too_deep"
    assert not any(p.endswith("deep.jpg") for p in entries)


def test_a_zip_bomb_is_refused_by_ratio_and_by_size_before_it_is_inflated(tmp_path):
    export = tmp_path / "bomb.zip"
    export.write_bytes(_zip_bytes({"bomb.bmp": b"\0" * (8 << 20), "big.png": os.urandom(3 << 20), "ok.jpg": picture_bytes(10)}))
    entries = _by_path(iter_sources([str(export)], Limits(max_ratio=100, ratio_min_bytes=1 << 20, max_entry_bytes=2 << 20)))
    assert entries["bomb.bmp"].reason in ("bomb_ratio", "entry_too_large") and entries["bomb.bmp"].data is None
    assert entries["big.png"].reason == "entry_too_large"
    assert entries["ok.jpg"].status == "pending"
    only_ratio = _by_path(iter_sources([str(export)], Limits(max_ratio=100, ratio_min_bytes=1 << 20)))
    assert only_ratio["bomb.bmp"].reason == "bomb_ratio"


def test_an_entry_that_lies_about_its_size_is_cut_off_at_the_declared_size(tmp_path):
    data = _zip_bytes({"liar.jpg": picture_bytes(11)})
    info_at = data.rfind(b"PK\x01\x02")  # central directory: patch the declared uncompressed size to 10 bytes
    patched = bytearray(data)
    patched[info_at + 24: info_at + 28] = (10).to_bytes(4, "little")
    export = tmp_path / "liar.zip"
    export.write_bytes(bytes(patched))
    entry = _by_path(iter_sources([str(export)]))["liar.jpg"]
    assert entry.data is None and entry.status in ("skipped", "error")


def test_the_archive_budget_stops_a_many_member_bomb(tmp_path):
    export = tmp_path / "many.zip"
    export.write_bytes(_zip_bytes({f"p{n}.jpg": picture_bytes(n) for n in range(6)}))
    entries = list(iter_sources([str(export)], Limits(max_archive_bytes=len(picture_bytes(0)) * 3)))
    assert [e.reason for e in entries].count("archive_budget") >= 2
    assert sum(e.status == "pending" for e in entries) <= 3


def test_a_duplicate_entry_name_is_listed_once_as_a_duplicate(tmp_path):
    export = tmp_path / "dup.zip"
    with zipfile.ZipFile(export, "w") as zf:
        zf.writestr("same.jpg", picture_bytes(12))
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            zf.writestr("same.jpg", picture_bytes(13))
    entries = list(iter_sources([str(export)]))
    assert [(e.path, e.status, e.reason) for e in entries] == [("same.jpg", "pending", ""), ("same.jpg", "skipped", "duplicate_name")]
    assert entries[0].data == picture_bytes(12)


def test_an_encrypted_entry_is_skipped_not_guessed(tmp_path):
    data = bytearray(_zip_bytes({"secret.jpg": picture_bytes(14)}))
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # set the "encrypted" bit in both headers
        at = data.find(signature)
        data[at + offset] |= 0x1
    export = tmp_path / "enc.zip"
    export.write_bytes(bytes(data))
    (entry,) = iter_sources([str(export)])
    assert (entry.status, entry.reason) == ("skipped", "encrypted")


def test_a_damaged_archive_and_a_tar_gz_are_rows_not_crashes(tmp_path):
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 not really a zip")
    with tarfile.open(tmp_path / "chat.tar.gz", "w:gz") as tf:
        body = picture_bytes(15)
        member = tarfile.TarInfo("chat/x.jpg")
        member.size = len(body)
        tf.addfile(member, io.BytesIO(body))
    entries = _by_path(iter_sources([str(tmp_path)]))
    assert entries["broken.zip"].status == "error" and entries["broken.zip"].reason == "archive_unreadable"
    assert entries["chat.tar.gz" + NEST + "chat/x.jpg"].data == picture_bytes(15)
