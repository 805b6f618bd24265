"""The locker keeps originals byte for byte and verify names the entry that broke."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gazoguard.core.errors import GazoError
from gazoguard.evidence import ItemDetails, Locker, verify_path


def _flip_byte(path: Path, offset: int) -> None:
    os.chmod(path, 0o644)
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def _chain_lines(locker: Locker) -> list[bytes]:
    return (locker.root / "chain.jsonl").read_bytes().splitlines(keepends=True)


def test_fresh_locker_verifies(locker: Locker, sources: dict[str, Path]) -> None:
    result = verify_path(locker.root)
    assert result.ok, [p.message_en for p in result.problems]
    assert result.entries == 4
    first = locker.entries()[0]
    assert (locker.root / first["file"]["stored_as"]).read_bytes() == sources["photo"].read_bytes()
    assert first["recorded_at"].endswith("Z") and first["recorded_at_local"] and "timezone" in first


def test_originals_are_untouched_and_copies_read_only(locker: Locker, sources: dict[str, Path]) -> None:
    assert all(p.exists() for p in sources.values())
    for entry in locker.entries():
        path = locker.item_path(entry)
        if path is not None:
            assert not os.access(path, os.W_OK) or os.geteuid() == 0


@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_single_changed_byte_in_any_file_is_detected(locker: Locker, where: str) -> None:
    files = [p for p in locker.root.rglob("*") if p.is_file() and p.name != ".lock"]
    assert len(files) >= 6
    for path in files:
        original = path.read_bytes()
        offset = {"start": 0, "middle": len(original) // 2, "end": len(original) - 1}[where]
        _flip_byte(path, offset)
        assert not verify_path(locker.root).ok, f"a changed byte in {path.relative_to(locker.root)} went unnoticed"
        path.write_bytes(original)
    assert verify_path(locker.root).ok


def test_changed_file_names_its_entry(locker: Locker) -> None:
    entry = locker.entries()[1]
    _flip_byte(locker.item_path(entry), 10)
    result = verify_path(locker.root)
    assert [(p.code, p.seq) for p in result.problems] == [("file_changed", 2)]
    assert result.first_broken_seq == 2


def test_removed_file_is_reported(locker: Locker) -> None:
    path = locker.item_path(locker.entries()[2])
    path.unlink()
    result = verify_path(locker.root)
    assert [(p.code, p.seq) for p in result.problems] == [("file_missing", 3)]


def test_removed_entry_in_the_middle(locker: Locker) -> None:
    lines = _chain_lines(locker)
    (locker.root / "chain.jsonl").write_bytes(b"".join(lines[:1] + lines[2:]))
    result = verify_path(locker.root)
    codes = {(p.code, p.seq) for p in result.problems}
    assert ("entry_missing", 2) in codes and ("link_broken", 3) in codes
    assert result.first_broken_seq == 2


def test_removed_last_entry(locker: Locker) -> None:
    lines = _chain_lines(locker)
    (locker.root / "chain.jsonl").write_bytes(b"".join(lines[:-1]))
    result = verify_path(locker.root)
    assert [(p.code, p.seq) for p in result.problems] == [("entries_removed", 4)]


def test_reordered_entries(locker: Locker) -> None:
    lines = _chain_lines(locker)
    lines[1], lines[2] = lines[2], lines[1]
    (locker.root / "chain.jsonl").write_bytes(b"".join(lines))
    result = verify_path(locker.root)
    codes = {(p.code, p.seq) for p in result.problems}
    assert ("out_of_order", 3) in codes and ("out_of_order", 2) in codes
    assert not result.ok


def test_edited_entry_even_with_rehashed_entry_is_caught(locker: Locker) -> None:
    from gazoguard.evidence.chain import canonical_json, compute_entry_hash

    lines = _chain_lines(locker)
    import json

    entry = json.loads(lines[0])
    entry["sender"] = "@someone_else"
    entry["entry_hash"] = compute_entry_hash(entry)
    lines[0] = canonical_json(entry) + b"\n"
    (locker.root / "chain.jsonl").write_bytes(b"".join(lines))
    result = verify_path(locker.root)
    assert ("link_broken", 2) in {(p.code, p.seq) for p in result.problems}


def test_planted_file_is_reported(locker: Locker) -> None:
    (locker.root / "items" / "000001" / "extra.jpg").write_bytes(b"x")
    result = verify_path(locker.root)
    assert [p.code for p in result.problems] == ["unexpected_file"]


def test_add_after_init_keeps_chain(locker: Locker, sources: dict[str, Path]) -> None:
    reopened = Locker.open(locker.root)
    reopened.add_files([sources["png"]], ItemDetails(note="再送 / sent again"))
    assert verify_path(locker.root).ok
    assert len(reopened.entries()) == 5


def test_errors_are_gazo_errors(tmp_path: Path, locker: Locker) -> None:
    with pytest.raises(GazoError) as missing_locker:
        Locker.open(tmp_path / "nowhere")
    assert missing_locker.value.code == "locker_not_found" and "見つかりません" in missing_locker.value.message_ja
    with pytest.raises(GazoError) as missing_file:
        locker.add_files([tmp_path / "no.jpg"], ItemDetails())
    assert missing_file.value.code == "evidence_file_unreadable"
    with pytest.raises(GazoError):
        locker.add_record(ItemDetails())
    with pytest.raises(GazoError):
        Locker.init(locker.root)
    assert len(locker.entries()) == 4


def test_safe_file_name_keeps_japanese_and_drops_separators() -> None:
    from gazoguard.evidence.locker import safe_file_name

    assert safe_file_name("../証拠:1.png") == "_証拠_1.png"
    assert "/" not in safe_file_name("a/b\\c.jpg")
    assert len(safe_file_name("あ" * 300 + ".jpg").encode()) <= 150
