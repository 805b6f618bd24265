"""Evidence locker for victims of leaks and threats: untouched originals, a hash chain, a verifiable bundle."""

from __future__ import annotations

from gazoguard.evidence.locker import ItemDetails, Locker
from gazoguard.evidence.verify import Problem, VerifyResult, verify_path

__all__ = ["ItemDetails", "Locker", "Problem", "VerifyResult", "verify_path", "export_bundle"]


def export_bundle(locker: Locker, out, **kwargs):  # noqa: ANN001, ANN201 - thin lazy re-export
    from gazoguard.evidence.bundle import export_bundle as _export

    return _export(locker, out, **kwargs)
