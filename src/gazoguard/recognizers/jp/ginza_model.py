"""GiNZA (``ja_ginza``, spaCy) loaded once per process, lazily: ~120 MB and ~0.5 s CPU to load.

Only what the named-entity recogniser reads is loaded (measured in docs/performance.md,
"Memory"): the ``tok2vec`` and ``ner`` pipes, the static vectors, and the Sudachi tokenizer
(its dictionary is memory-mapped).  Two things the NER never reads are left out:

* the model's string table (``vocab/strings.json``, ~600,000 strings, ~115 MB in memory):
  features and vector rows are looked up by hash, and the tokenizer adds the strings of the
  text it reads; the entity labels come with the ``ner`` pipe;
* the vectors' key → row table is kept as two sorted arrays instead of a Python dict of
  ~480,000 entries (~50 MB less); see :class:`CompactKeyToRow`.

Entities and even the ``tok2vec`` output are bit-identical to the full load (checked on
~6,000 lines: OCR text of the eval set, Japanese strings of the repository, name-like fragments).

:func:`load_in_background` starts that load on a thread and returns at once, so
warm-up does not wait for it; the first :func:`nlp` call waits for the load (or
retries it and raises when it failed), so results never differ.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

import numpy as np

from gazoguard.core.lazy import load_once
from gazoguard.core.memory import drop_mapped_pages

#: pipes of ja_ginza that named entities do not need (tok2vec and ner stay)
EXCLUDED_PIPES = ("parser", "morphologizer", "compound_splitter", "bunsetu_recognizer")

_loader_lock = threading.Lock()
_loader: threading.Thread | None = None


@load_once
def nlp() -> Any:
    """The shared GiNZA pipeline (NER only: the parser and morphologizer are not needed)."""
    return load_pipeline()


def load_pipeline(light: bool = True) -> Any:
    """ja_ginza with only the NER's pipes; ``light`` also leaves out what the NER never reads (see above)."""
    import spacy

    if not light:
        return spacy.load("ja_ginza", exclude=list(EXCLUDED_PIPES))
    # "strings" is not a pipe: spaCy passes the exclude list on to Vocab.from_disk, which skips strings.json
    pipeline = spacy.load("ja_ginza", exclude=[*EXCLUDED_PIPES, "strings"])
    compact_vector_keys(pipeline.vocab.vectors)
    return pipeline


def compact_vector_keys(vectors: Any) -> None:
    """Replace a spaCy ``Vectors`` table's key → row dict by a :class:`CompactKeyToRow` (no-op if not a dict)."""
    if isinstance(getattr(vectors, "key2row", None), dict) and vectors.key2row:
        vectors.key2row = CompactKeyToRow(vectors.key2row)


class CompactKeyToRow(Mapping):
    """A read-only ``{hash: row}`` mapping as two sorted arrays (12 bytes an entry instead of ~100).

    spaCy's ``Vectors`` only reads its ``key2row`` at inference (``get`` in ``find``, ``in``,
    iteration); adding vectors to a loaded pipeline is not supported (it raises ``TypeError``).
    """

    def __init__(self, table: Mapping[int, int]) -> None:
        keys = np.fromiter(table.keys(), dtype=np.uint64, count=len(table))
        rows = np.fromiter(table.values(), dtype=np.int64, count=len(table))
        order = np.argsort(keys, kind="stable")
        self._keys = keys[order]
        self._rows = rows[order].astype(np.int32 if len(rows) == 0 or rows.max() < 2**31 else np.int64)

    def _index(self, key: Any) -> int:
        try:
            wanted = np.uint64(key)
        except (TypeError, ValueError, OverflowError):
            return -1
        i = int(np.searchsorted(self._keys, wanted))
        return i if i < len(self._keys) and self._keys[i] == wanted else -1

    def __getitem__(self, key: Any) -> int:
        i = self._index(key)
        if i < 0:
            raise KeyError(key)
        return int(self._rows[i])

    def get(self, key: Any, default: Any = None) -> Any:
        i = self._index(key)
        return default if i < 0 else int(self._rows[i])

    def __contains__(self, key: object) -> bool:
        return self._index(key) >= 0

    def __iter__(self) -> Iterator[int]:
        return (int(k) for k in self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def load_in_background() -> None:
    """Start loading GiNZA on a thread unless it is loaded or loading (never raises here)."""
    global _loader
    with _loader_lock:
        if nlp.is_made or (_loader is not None and _loader.is_alive()):
            return
        # not a daemon: a process that ends early waits for the import instead of killing it halfway
        _loader = threading.Thread(target=_load_quietly, name="gazoguard-ginza-load", daemon=False)
        _loader.start()


def _load_quietly() -> None:
    try:
        nlp()
    except Exception:  # noqa: BLE001 - the next nlp() call retries and raises where a check can report it
        pass


def loaded() -> bool:
    """Whether GiNZA is loaded in this process (nothing here loads it)."""
    return nlp.is_made


def release_dictionary_pages() -> int:
    """Drop the Sudachi dictionary's pages from this process's resident memory; bytes released.

    SudachiPy memory-maps its 217 MB dictionary read-only: every page a text touches stays
    resident (and counts in RSS) until the process ends, so a long-running process slowly
    holds most of the file.  ``madvise(MADV_DONTNEED)`` unmaps those pages; the next lookup
    maps them again from the page cache (a minor fault, no disk read while the file is cached).
    Safe for a read-only mapping: there is nothing to lose.  Linux only; elsewhere a no-op.
    """
    return drop_mapped_pages(_dictionary_mappings())


def _dictionary_mappings() -> list[tuple[int, int]]:
    """Address ranges of the read-only mappings of Sudachi dictionaries, read afresh each time
    (~0.5 ms): an address kept from an earlier call could by now belong to other memory."""
    if not sys.platform.startswith("linux") or not nlp.is_made:
        return []
    ranges = []
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                parts = line.split(maxsplit=5)
                if len(parts) < 6 or "w" in parts[1]:
                    continue
                path = parts[5].strip()
                if path.endswith(".dic") and "sudachi" in path.lower():
                    start, end = (int(v, 16) for v in parts[0].split("-"))
                    ranges.append((start, end))
    except OSError:
        return []
    return ranges


@lru_cache(maxsize=4096)
def _reading(words: str) -> tuple[tuple[tuple[int, int], ...], tuple[str, ...]]:
    """One GiNZA pass over a short text (memoised: OCR repeats lines): its Person spans and the
    dictionary's part-of-speech tag of each word."""
    doc = nlp()(words)
    spans = tuple((e.start_char, e.end_char) for e in doc.ents if e.label_ == "Person")
    return spans, tuple(t.tag_ for t in doc if not t.is_space)


def person_spans(line: str) -> tuple[tuple[int, int], ...]:
    """Character spans GiNZA labels Person in one short line."""
    return _reading(line)[0]


def tags_person(words: str) -> bool:
    """Whether GiNZA's entity model tags a Person over all of ``words``."""
    return any(a <= 0 and b >= len(words) - 1 for a, b in person_spans(words))


def reads_as_person_name(words: str) -> bool:
    """Whether the dictionary reads ``words`` as nothing but a person's names, family name first
    (Sudachi's 人名-姓 / 人名-名 tags): 岡田光 is 岡田 (姓) + 光 (名) even where GiNZA's entity
    model, which wants context, tags no Person."""
    tags = _reading(words)[1]
    return bool(tags) and tags[0].endswith("人名-姓") and all("固有名詞-人名" in tag for tag in tags)


@lru_cache(maxsize=4096)
def dictionary_words(text: str) -> tuple[tuple[int, int, str], ...]:
    """``(start, end, part-of-speech tag)`` of every word of ``text`` as Sudachi's dictionary reads it
    (the tokenizer only: no entity model, ~1 ms a line)."""
    return tuple((t.idx, t.idx + len(t.text), t.tag_) for t in nlp().tokenizer(text))


#: parts of speech a name never consists of alone: a form's words (クレジット, 番号, 担当, ご利用日)
_FORM_WORD_TAGS = ("名詞-普通名詞", "名詞-数詞", "接頭辞", "接尾辞", "助詞", "助動詞", "補助記号", "空白", "動詞", "形容詞", "副詞", "代名詞")


def only_common_words(words: str) -> bool:
    """Whether the dictionary reads ``words`` as common words only (no proper noun among them):
    クレジット, お客様番号 and 合計 are words of a form, never a name."""
    if re.search(r"\S[ \u3000]\S", words):
        return False  # two words with a space between are how names are written (ワン シャオミン: unknown words read as common)
    tags = [tag for _, _, tag in dictionary_words(words)]
    return bool(tags) and all(tag.startswith(_FORM_WORD_TAGS) for tag in tags)
