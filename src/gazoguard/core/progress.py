"""A quiet progress line on stderr for long runs (only when stderr is a terminal or forced)."""

from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, total: int, label: str = "", *, enabled: bool | None = None, min_items: int = 5) -> None:
        self.total = total
        self.label = label
        self.done = 0
        self.started = time.perf_counter()
        if enabled is None:
            enabled = sys.stderr.isatty() and total >= min_items
        self.enabled = enabled

    def step(self, note: str = "") -> None:
        self.done += 1
        if not self.enabled:
            return
        elapsed = time.perf_counter() - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        remaining = (self.total - self.done) / rate if rate > 0 else 0.0
        width = 24
        filled = int(width * self.done / max(1, self.total))
        bar = "█" * filled + "·" * (width - filled)
        sys.stderr.write(
            f"\r{self.label} {bar} {self.done}/{self.total} {rate:4.1f}/s 残り約 {remaining:4.0f}s {note[:30]:<30}"
        )
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")
            sys.stderr.flush()
