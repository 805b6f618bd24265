"""Perceptual hashes (PDQ, pHash) of one's own pictures, and a registry platforms match uploads against."""

from __future__ import annotations

from gazoguard.hashes.compute import CROPS, DIHEDRAL, LOW_QUALITY, VARIANTS, ImageHashes, compute_hashes, pdq_hash
from gazoguard.hashes.hashfile import HashFile, HashItem
from gazoguard.hashes.registry import DEFAULT_THRESHOLD, Match, Registry, Submission

__all__ = [
    "CROPS", "DEFAULT_THRESHOLD", "DIHEDRAL", "LOW_QUALITY", "VARIANTS", "HashFile", "HashItem", "ImageHashes", "Match",
    "Registry", "Submission", "compute_hashes", "pdq_hash",
]
