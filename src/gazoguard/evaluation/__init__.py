"""Scoring the engine on a labelled image set (``gazoguard eval``)."""
