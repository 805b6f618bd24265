"""Fuzzing targets for gazoguard's parsers of untrusted input (hypothesis-driven; see ``fuzz/run.py``)."""
