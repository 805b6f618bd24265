"""``gazoguard evidence`` exit codes: 0 intact, 1 changed, 2 error — never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

from gazoguard.cli.main import main


def test_cli_flow_and_exit_codes(tmp_path: Path, sources: dict[str, Path], capsys) -> None:  # noqa: ANN001
    box = tmp_path / "box"
    assert main(["evidence", "init", str(box)]) == 0
    assert main(["evidence", "add", str(box), str(sources["photo"]), "--sender", "@x", "--note", "メモ"]) == 0
    assert main(["evidence", "add", str(box), str(sources["png"]), "--sensitive", "minor"]) == 0
    assert main(["evidence", "add", str(box), "--url", "https://example.com/p", "--report-no", "R-1"]) == 0
    assert main(["evidence", "list", str(box)]) == 0
    assert "R-1" in capsys.readouterr().out
    assert main(["evidence", "keygen", "-o", str(tmp_path / "k.pem")]) == 0
    bundle = tmp_path / "b.zip"
    assert main(["evidence", "export", str(box), "-o", str(bundle), "--sign-key", str(tmp_path / "k.pem")]) == 0
    assert main(["evidence", "verify", str(bundle)]) == 0
    assert main(["evidence", "verify", str(box)]) == 0
    capsys.readouterr()

    stored = next((box / "items" / "000001").iterdir())
    os.chmod(stored, 0o644)
    stored.write_bytes(stored.read_bytes() + b"\0")
    assert main(["evidence", "--lang", "en", "verify", str(box)]) == 1
    assert "Entry 1" in capsys.readouterr().out


def test_cli_errors_exit_2_with_ja_en_message(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    assert main(["evidence", "list", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert "見つかりません" in err and "No evidence locker" in err and "Traceback" not in err
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"garbage")
    assert main(["evidence", "verify", str(bad)]) == 2
    box = tmp_path / "box"
    assert main(["evidence", "init", str(box)]) == 0
    assert main(["evidence", "add", str(box), str(tmp_path / "nope.jpg")]) == 2
    assert main(["evidence", "add", str(box)]) == 2
