"""Verified redaction: a clean copy that provably leaks nothing the report found.

    >>> from gazoguard.redaction import redact
    >>> result = redact("photo.jpg")            # writes photo.redacted.jpg
    >>> result.verified, [c.kind for c in result.covers]

Steps: check (or reuse a given report) → plan covers from the findings (no
re-detection) → paint them on the sRGB, oriented pixels → downscale if asked →
encode a fresh file → re-check the bytes with the detectors for the redacted
kinds (one extra solid-fill pass on leftovers is allowed) → write atomically.
Any failure raises :class:`RedactionError` (a GazoError) and leaves no output.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from gazoguard.imaging.picture import ImageInput, Picture, load_picture
from gazoguard.profiles import Profile, load_profile
from gazoguard.redaction.atomic import check_writable, write_atomic
from gazoguard.redaction.cover import apply_covers
from gazoguard.redaction.encode import default_format, default_output_path, downscale, encode, format_for_path, srgb_image
from gazoguard.redaction.errors import RedactionError
from gazoguard.redaction.plan import Cover, Method, Plan, plan_redaction, resolve_kinds
from gazoguard.redaction.result import RedactionResult
from gazoguard.redaction.verify import Verification, raise_for, verification_detectors, verify
from gazoguard.pipeline.report import Report

__all__ = ["Cover", "Method", "Plan", "RedactionError", "RedactionResult", "Verification", "redact"]


def redact(
    source: ImageInput | Picture,
    output: str | os.PathLike[str] | None = None,
    *,
    profile: str | Profile = "personal",
    kinds: list[str] | str | None = None,
    max_side: int | None = None,
    engine: Any = None,
    preview_dir: str | os.PathLike[str] | None = None,
    solid: bool = False,
    report: Report | None = None,
    output_format: str | None = None,
) -> RedactionResult:
    """Redact ``source`` into ``output`` (default: ``<stem>.redacted<suffix>`` next to a file source).

    ``kinds`` restricts what is covered (kind or category names, list or comma-separated);
    ``solid`` fills faces and bodies instead of blurring them; ``report`` reuses an
    existing check of the same picture.  With an in-memory source and no ``output``,
    nothing is written and the bytes are in ``result.data``.
    """
    started = time.perf_counter()
    timings: dict[str, float] = {}
    prof = profile if isinstance(profile, Profile) else load_profile(profile)
    wanted = resolve_kinds(kinds.split(",") if isinstance(kinds, str) else kinds)
    source_path = _path_of(source)
    target = Path(output) if output is not None else (default_output_path(source_path) if source_path else None)
    if target is not None:
        fmt = format_for_path(target)
        _refuse_same_file(source_path, target)

    picture = source if isinstance(source, Picture) else load_picture(source)  # type: ignore[arg-type]
    if target is not None:
        check_writable(target)  # before any detection work
    else:
        fmt = (output_format or default_format(picture)).upper().replace("JPG", "JPEG")
    if engine is None:
        from gazoguard.pipeline.engine import default_engine

        engine = default_engine()
    if report is None:
        tick = time.perf_counter()
        report = engine.check(picture, profile=prof, detectors=_check_detectors(engine, wanted))
        timings["check"] = (time.perf_counter() - tick) * 1000
    if report.error is not None:
        raise RedactionError("check_failed", detail=report.error.message_en)
    if report.verdict is not None and report.verdict.must_not_store:
        raise RedactionError("must_not_store")  # covering regions cannot make a red-line picture storable

    tick = time.perf_counter()
    plan = plan_redaction(report.findings, picture.image.size, kinds=wanted, solid=solid, max_side=max_side)
    image = downscale(apply_covers(srgb_image(picture), plan.covers), max_side)
    data = encode(image, fmt)
    timings["redact"] = (time.perf_counter() - tick) * 1000

    kinds_to_check = plan.redacted_kinds
    detectors = verification_detectors(engine.registry, report.findings, kinds_to_check)
    verification = verify(engine, data, prof, kinds_to_check, detectors)
    timings["verify"] = verification.elapsed_ms
    covers, passes = plan.covers, 1
    if _second_pass_possible(verification):
        tick = time.perf_counter()
        extra = plan_redaction(verification.leftovers, image.size, solid=True, pass_no=2)
        if extra.covers and not (extra.stripped or extra.not_covered):
            image = apply_covers(image, extra.covers)
            data = encode(image, fmt)
            timings["redact"] += (time.perf_counter() - tick) * 1000
            covers, passes = covers + extra.covers, 2
            verification = verify(engine, data, prof, kinds_to_check, detectors)
            timings["verify"] += verification.elapsed_ms
    raise_for(verification)

    if target is not None:
        tick = time.perf_counter()
        write_atomic(target, data)
        timings["write"] = (time.perf_counter() - tick) * 1000
    preview = _write_preview(picture, image, covers, preview_dir, source_path) if preview_dir else None
    timings["total"] = (time.perf_counter() - started) * 1000
    return RedactionResult(
        source=str(source_path) if source_path else picture.path,
        output=str(target) if target is not None else None,
        format=fmt,
        profile=prof.name,
        size_in=picture.image.size,
        size_out=image.size,
        covers=covers,
        stripped=plan.stripped,
        downscaled=plan.downscaled,
        not_covered=plan.not_covered,
        unchecked=tuple(r for r in report.runs if r.status.value in ("failed", "timeout")),
        verification=verification,
        passes=passes,
        timings_ms=timings,
        preview=preview,
        data=data,
    )


def _path_of(source: object) -> Path | None:
    if isinstance(source, (str, os.PathLike)):
        return Path(source)
    if isinstance(source, Picture) and source.path:
        return Path(source.path)
    return None


def _refuse_same_file(source: Path | None, target: Path) -> None:
    if source is None:
        return
    same = source.resolve() == target.resolve()
    if not same and target.exists() and source.exists():
        same = os.path.samefile(source, target)  # hard links
    if same:
        raise RedactionError("same_path")


def _check_detectors(engine: Any, wanted: frozenset[str] | None) -> list[str] | None:
    """With ``kinds`` given, the check only needs the detectors that can emit them."""
    if wanted is None:
        return None
    return verification_detectors(engine.registry, (), wanted) or None


def _second_pass_possible(verification: Verification) -> bool:
    return bool(verification.leftovers) and not verification.incomplete and not verification.container


def _write_preview(
    picture: Picture,
    after: Any,
    covers: tuple[Cover, ...],
    preview_dir: str | os.PathLike[str],
    source_path: Path | None,
) -> str:
    from gazoguard.redaction.preview import render_preview

    folder = Path(preview_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise RedactionError("output_unwritable", path=str(folder)) from None
    image = render_preview(picture.image, after, covers)  # must_not_store pictures never get here
    target = folder / f"{(source_path.stem if source_path else 'image')}.redact-preview.png"
    check_writable(target)
    write_atomic(target, encode(image, "PNG"))
    return str(target)
