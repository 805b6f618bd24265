"""Byte and text mutations of seed inputs as hypothesis strategies (flip, insert, delete, truncate, splice)."""

from __future__ import annotations

from hypothesis import strategies as st

_OPS = ("flip", "insert", "delete", "truncate", "duplicate", "interesting")
_INTERESTING = (b"\x00", b"\xff", b"\xff\xff\xff\xff", b"\x7f\xff\xff\xff", b"\x80\x00\x00\x00", b"\x00\x00\x00\x00")


def _apply(seed: bytes, edits: list[tuple[str, int, bytes]]) -> bytes:
    data = bytearray(seed)
    for op, where, blob in edits:
        pos = where % (len(data) + 1)
        if op == "flip" and data:
            data[min(pos, len(data) - 1)] ^= (blob[:1] or b"\x01")[0] or 1
        elif op == "insert":
            data[pos:pos] = blob
        elif op == "delete":
            del data[pos : pos + 1 + len(blob) * 8]
        elif op == "truncate":
            del data[pos:]
        elif op == "duplicate":
            data[pos:pos] = data[pos : pos + 1 + len(blob) * 16]
        elif op == "interesting":
            value = _INTERESTING[len(blob) % len(_INTERESTING)]
            data[pos : pos + len(value)] = value
    return bytes(data)


def mutated_bytes(seeds: list[bytes], *, max_edits: int = 8) -> st.SearchStrategy[bytes]:
    """A seed with up to ``max_edits`` random edits, or (now and then) plain random bytes."""
    edit = st.tuples(st.sampled_from(_OPS), st.integers(0, 1 << 20), st.binary(max_size=16))
    mutated = st.builds(_apply, st.sampled_from(seeds), st.lists(edit, max_size=max_edits))
    return st.one_of(mutated, mutated, mutated, st.binary(max_size=2048))


def mutated_text(seeds: list[str], *, max_edits: int = 6) -> st.SearchStrategy[str]:
    """A seed text with random line and character edits, or random text."""

    def apply(seed: str, edits: list[tuple[int, int, str]]) -> str:
        lines = seed.splitlines(keepends=True)
        for kind, where, text in edits:
            if not lines:
                lines = [text]
                continue
            i = where % len(lines)
            if kind == 0:
                del lines[i]
            elif kind == 1:
                lines.insert(i, text + "\n")
            elif kind == 2:
                lines[i] = lines[i][: where % (len(lines[i]) + 1)] + text + lines[i][where % (len(lines[i]) + 1) :]
            else:
                lines.insert(i, lines[where % len(lines)])
        return "".join(lines)

    edit = st.tuples(st.integers(0, 3), st.integers(0, 1 << 16), st.text(max_size=40))
    return st.one_of(st.builds(apply, st.sampled_from(seeds), st.lists(edit, max_size=max_edits)), st.text(max_size=400))
