"""What an archive scan reads: folders, ``.zip`` / ``.tar(.gz)`` chat exports and the intake store, in place.

Nothing is ever unpacked to disk.  Each entry becomes an :class:`Entry`: an image to check (its bytes
read with a hard cap), or a *skipped* / *error* entry with a reason code from :data:`REASONS`.  Hostile
archives are expected: names that climb out (``../``), absolute names, symlinks and hard links,
nested archives past :attr:`Limits.max_depth`, entries that inflate past a size or ratio cap (zip
bombs), duplicate names, encrypted entries — each is one clear row, never a crash, never a file.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import posixpath
import stat
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from gazoguard.imaging.picture import MAX_FILE_BYTES

# the suffixes cli/_paths.py walks folders for; spelled here too because scan sits below cli on the ladder
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".jpe", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff", ".heic", ".heif", ".avif"})
NEST = "!/"  # "export.zip!/photos/a.jpg": the entry a.jpg inside export.zip
ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz")

#: reason code → (Japanese, English); skipped entries are not images or must not be read, errors failed
REASONS: dict[str, tuple[str, str]] = {
    "not_an_image_type": ("画像ではないファイルです。", "Not an image file."),
    "symlink": ("シンボリックリンクは辿りません。", "Symbolic links are not followed."),
    "hardlink": ("ハードリンクは辿りません。", "Hard links are not followed."),
    "not_a_regular_file": ("通常のファイルではありません。", "Not a regular file."),
    "unsafe_name": ("上位フォルダを指す名前です（zip-slip）。", "The name climbs out of the archive (zip-slip)."),
    "absolute_name": ("絶対パスの名前です。", "The name is an absolute path."),
    "duplicate_name": ("同じ名前のエントリが前にあります（最初のものを確認）。", "An earlier entry has the same name (the first one is checked)."),
    "encrypted": ("暗号化されたエントリは読めません。", "Encrypted entries cannot be read."),
    "nested_too_deep": ("入れ子のアーカイブが深すぎます。", "Archives are nested too deeply."),
    "entry_too_large": ("展開後のサイズが上限を超えます。", "The entry is larger than the limit once unpacked."),
    "bomb_ratio": ("圧縮率が異常です（zip 爆弾の可能性）。", "The compression ratio is abnormal (possibly a zip bomb)."),
    "archive_budget": ("アーカイブ全体の展開量の上限を超えました。", "The archive exceeded its total unpacked budget."),
    "archive_unreadable": ("アーカイブを開けません。", "The archive cannot be opened."),
    "entry_unreadable": ("エントリを読めません（壊れたデータ）。", "The entry cannot be read (damaged data)."),
    "file_unreadable": ("ファイルを読み込めません。", "The file cannot be read."),
    "vault_unreadable": ("保管庫のファイルを復号できません。", "The vault file cannot be decrypted."),
}
ERROR_REASONS = frozenset({"archive_unreadable", "entry_unreadable", "file_unreadable", "vault_unreadable"})


@dataclass(frozen=True)
class Limits:
    """Caps for hostile archives; the defaults fit chat exports, tests pass smaller ones."""

    max_depth: int = 2  # archives inside archives inside the source
    max_entry_bytes: int = MAX_FILE_BYTES
    max_ratio: float = 200.0  # unpacked / packed, checked from ratio_min_bytes up
    ratio_min_bytes: int = 1 << 20
    max_archive_bytes: int = 64 << 30  # everything unpacked from one top-level archive


@dataclass(frozen=True)
class Entry:
    """One thing found in a source: image bytes to check, or a reason it is skipped / an error."""

    source: str
    path: str
    size: int = 0
    mtime: float | None = None  # the file date (seconds since the epoch, UTC)
    data: bytes | None = field(default=None, repr=False)
    reason: str = ""  # set for skipped and error entries

    @property
    def status(self) -> str:
        if not self.reason:
            return "pending"
        return "error" if self.reason in ERROR_REASONS else "skipped"


def iter_sources(sources: list[str], limits: Limits = Limits()) -> Iterator[Entry]:
    """Every entry of every SOURCE (a folder, an archive or one image file), in a stable order."""
    for raw in sources:
        path = Path(raw)
        source = str(path)
        if path.is_dir() and not path.is_symlink():
            yield from _walk_folder(path, source, limits)
        elif _is_archive(path.name):
            yield from _archive_entries(source, "", _Budget(limits), 1, path=path, mtime=_mtime(path))
        else:
            yield from _file_entry(path, source, path.name, limits)


def _walk_folder(root: Path, source: str, limits: Limits) -> Iterator[Entry]:
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs.sort()
        for name in list(dirs):
            if (Path(folder) / name).is_symlink():
                dirs.remove(name)
                yield Entry(source, _rel(root, Path(folder) / name), reason="symlink")
        for name in sorted(files):
            path = Path(folder) / name
            rel = _rel(root, path)
            if _is_archive(name) and not path.is_symlink():
                yield from _archive_entries(source, rel + NEST, _Budget(limits), 1, path=path, mtime=_mtime(path))
            else:
                yield from _file_entry(path, source, rel, limits)


def _file_entry(path: Path, source: str, rel: str, limits: Limits) -> Iterator[Entry]:
    try:
        info = path.lstat()
    except OSError:
        yield Entry(source, rel, reason="file_unreadable")
        return
    if stat.S_ISLNK(info.st_mode):
        yield Entry(source, rel, reason="symlink")
    elif not stat.S_ISREG(info.st_mode):
        yield Entry(source, rel, reason="not_a_regular_file")
    elif not _is_image(rel):
        yield Entry(source, rel, size=info.st_size, mtime=info.st_mtime, reason="not_an_image_type")
    elif info.st_size > limits.max_entry_bytes:
        yield Entry(source, rel, size=info.st_size, mtime=info.st_mtime, reason="entry_too_large")
    else:
        try:
            with open(path, "rb", buffering=0) as fh:
                data = fh.read(limits.max_entry_bytes + 1)
        except OSError:
            yield Entry(source, rel, size=info.st_size, mtime=info.st_mtime, reason="file_unreadable")
            return
        yield Entry(source, rel, size=len(data), mtime=info.st_mtime, data=data)


class _Budget:
    """Bytes unpacked so far from one top-level archive (nested archives share it)."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.used = 0

    def take(self, size: int) -> bool:
        if self.used + size > self.limits.max_archive_bytes:
            return False
        self.used += size
        return True


def _archive_entries(source: str, prefix: str, budget: _Budget, depth: int, *, path: Path | None = None,
                     data: bytes | None = None, mtime: float | None = None) -> Iterator[Entry]:
    """The entries of one archive given by ``path`` or, when nested, by its ``data``."""
    name = (path.name if path is not None else prefix.rstrip("!/").rsplit("/", 1)[-1]).lower()
    label = prefix[: -len(NEST)] if prefix.endswith(NEST) else (path.name if path else prefix)
    try:
        if name.endswith(".zip"):
            handle = zipfile.ZipFile(path if path is not None else io.BytesIO(data or b""))
            reader: Iterator[Entry] = _zip_entries(handle, source, prefix, budget, depth)
        else:
            opened = tarfile.open(name=str(path), mode="r:*") if path is not None else tarfile.open(fileobj=io.BytesIO(data or b""), mode="r:*")
            reader = _tar_entries(opened, source, prefix, budget, depth)
    except (OSError, zipfile.BadZipFile, tarfile.TarError, EOFError, ValueError):
        yield Entry(source, label, mtime=mtime, reason="archive_unreadable")
        return
    try:
        yield from reader
    except (OSError, zipfile.BadZipFile, tarfile.TarError, EOFError, ValueError):
        yield Entry(source, label, mtime=mtime, reason="archive_unreadable")


def _zip_entries(zf: zipfile.ZipFile, source: str, prefix: str, budget: _Budget, depth: int) -> Iterator[Entry]:
    with zf:
        seen: set[str] = set()
        for info in zf.infolist():
            if info.is_dir():
                continue
            mtime = _zip_time(info.date_time)
            shown, problem = _name_problem(info.filename, seen)
            rel = prefix + shown
            mode = info.external_attr >> 16
            if problem:
                yield Entry(source, rel, info.file_size, mtime, reason=problem)
            elif stat.S_ISLNK(mode):
                yield Entry(source, rel, info.file_size, mtime, reason="symlink")
            elif info.flag_bits & 0x1:
                yield Entry(source, rel, info.file_size, mtime, reason="encrypted")
            else:
                yield from _member(source, rel, info.file_size, info.compress_size, mtime, budget, depth,
                                   lambda info=info: zf.open(info))


def _tar_entries(tf: tarfile.TarFile, source: str, prefix: str, budget: _Budget, depth: int) -> Iterator[Entry]:
    with tf:
        seen: set[str] = set()
        for member in tf:
            if member.isdir():
                continue
            mtime = float(member.mtime) if member.mtime else None
            shown, problem = _name_problem(member.name, seen)
            rel = prefix + shown
            if problem:
                yield Entry(source, rel, member.size, mtime, reason=problem)
            elif member.issym():
                yield Entry(source, rel, 0, mtime, reason="symlink")
            elif member.islnk():
                yield Entry(source, rel, 0, mtime, reason="hardlink")
            elif not member.isreg():
                yield Entry(source, rel, 0, mtime, reason="not_a_regular_file")
            else:
                # a tar is not compressed per entry: the whole stream's ratio is caught by the budget
                yield from _member(source, rel, member.size, member.size, mtime, budget, depth,
                                   lambda member=member: tf.extractfile(member))


def _member(source: str, rel: str, size: int, packed: int, mtime: float | None, budget: _Budget, depth: int,
            opener: Any) -> Iterator[Entry]:
    """One regular archive member: checked against every limit before (and while) it is read."""
    limits = budget.limits
    archive, image = _is_archive(rel), _is_image(rel)
    if not archive and not image:
        yield Entry(source, rel, size, mtime, reason="not_an_image_type")
        return
    if archive and depth + 1 > limits.max_depth:
        yield Entry(source, rel, size, mtime, reason="nested_too_deep")
        return
    if size > limits.max_entry_bytes:
        yield Entry(source, rel, size, mtime, reason="entry_too_large")
        return
    if size >= limits.ratio_min_bytes and size > limits.max_ratio * max(packed, 1):
        yield Entry(source, rel, size, mtime, reason="bomb_ratio")
        return
    if not budget.take(size):
        yield Entry(source, rel, size, mtime, reason="archive_budget")
        return
    try:
        data = _read_capped(opener(), limits.max_entry_bytes)
    except (OSError, zipfile.BadZipFile, tarfile.TarError, EOFError, ValueError, RuntimeError):
        yield Entry(source, rel, size, mtime, reason="entry_unreadable")
        return
    if data is None or len(data) > max(size, 0):  # declared sizes can lie: never read past them
        yield Entry(source, rel, size, mtime, reason="entry_too_large")
        return
    if archive:
        yield from _archive_entries(source, rel + NEST, budget, depth + 1, data=data, mtime=mtime)
    else:
        yield Entry(source, rel, len(data), mtime, data=data)


def _read_capped(fh: IO[bytes] | None, cap: int) -> bytes | None:
    """At most ``cap`` bytes; None when there is more (the entry is larger than it may be)."""
    if fh is None:
        raise OSError("no data")
    with fh:
        data = fh.read(cap + 1)
    return None if len(data) > cap else data


def _name_problem(raw: str, seen: set[str]) -> tuple[str, str]:
    """The name shown in rows, and a reason code when the name itself is hostile."""
    name = raw.replace("\\", "/")
    shown = "".join(ch if ch.isprintable() else "?" for ch in name)
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return shown, "absolute_name"
    if ".." in name.split("/"):
        return shown, "unsafe_name"
    norm = posixpath.normpath(name)
    if norm in seen:
        return shown, "duplicate_name"
    seen.add(norm)
    return shown, ""


def iter_intake(gateway: Any, source: str = "intake") -> Iterator[Entry]:
    """The pictures the intake gateway keeps (originals, masked copies, quarantine), read from its vault."""
    from sqlalchemy import select

    from gazoguard.store.models import Case, CaseImage

    with gateway.store.session() as session:
        query = (select(CaseImage.file_name, CaseImage.public_id, Case.public_id, CaseImage.created_at)
                 .join(Case, CaseImage.case_id == Case.id).where(CaseImage.file_name.is_not(None))
                 .order_by(Case.public_id, CaseImage.public_id))
        rows = session.execute(query).all()
    for file_name, image_id, case_id, created in rows:
        rel = f"{case_id}/{image_id}"
        mtime = created.replace(tzinfo=dt.timezone.utc).timestamp() if created else None
        try:
            data = gateway.vault.get(file_name)
        except Exception:  # noqa: BLE001 - a damaged or foreign vault file is an error row, not a crash
            yield Entry(source, rel, mtime=mtime, reason="vault_unreadable")
            continue
        yield Entry(source, rel, len(data), mtime, data=data)


def _is_image(name: str) -> bool:
    return posixpath.splitext(name.lower())[1] in IMAGE_SUFFIXES


def _is_archive(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _mtime(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


def _zip_time(parts: tuple[int, int, int, int, int, int]) -> float | None:
    try:
        return dt.datetime(*parts, tzinfo=dt.timezone.utc).timestamp()
    except ValueError:
        return None


def estimate_total(sources: list[str]) -> int:
    """How many entries the sources hold, counted by name only (for the progress bar's ETA)."""
    total = 0
    for raw in sources:
        path = Path(raw)
        files = [path] if not path.is_dir() else [Path(d) / f for d, _, fs in os.walk(path) for f in fs]
        for file in files:
            total += _count_archive(file) if _is_archive(file.name) else 1
    return total


def _count_archive(path: Path) -> int:
    try:
        if path.name.lower().endswith(".zip"):
            with zipfile.ZipFile(path) as zf:
                return sum(1 for i in zf.infolist() if not i.is_dir())
        with tarfile.open(name=str(path), mode="r:*") as tf:
            return sum(1 for m in tf if not m.isdir())
    except (OSError, zipfile.BadZipFile, tarfile.TarError, EOFError, ValueError):
        return 1
