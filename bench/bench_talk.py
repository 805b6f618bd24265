"""Conversation check speed: 200 messages through ``check_conversation`` vs a naive baseline, same run.

Load = import + compiling the act frames and the older patterns (target ≤ 2 s);
then the median of ``--runs`` checks of one 200-message chat (target ≤ 200 ms).

Baseline: for every message, every regex source of every pattern file through
``re.search`` (uncompiled, re's own cache) on the folded text, no early stop.
``--ginza`` also times GiNZA lemmatisation of the same messages (the optional
normalisation the issue suggests), to show why it is not used.

Target: < 200 ms for 200 messages.

    .venv/bin/python bench/bench_talk.py [--runs 20] [--ginza]
"""

from __future__ import annotations

import argparse
import itertools
import re
import statistics
import time
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data" / "talk"
TARGET_MS = 200.0


def sample_messages(n: int = 200) -> list[tuple[str, str]]:
    import json

    rows = []
    corpus = DATA / "corpus" / "heldout" / "conversations.jsonl"
    for line in corpus.read_text(encoding="utf-8").splitlines():
        rows += [(m["role"], m["text"]) for m in json.loads(line)["messages"]]
    for name in ("tune.toml", "heldout.toml", "tune2.toml", "unseen.toml"):
        for conv in tomllib.loads((DATA / name).read_text(encoding="utf-8"))["conversation"]:
            rows += [(speaker, text) for speaker, text, _ in conv["messages"]]
    return list(itertools.islice(itertools.cycle(rows), n))


def time_ms(fn, runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples), max(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--ginza", action="store_true")
    args = parser.parse_args()

    messages = sample_messages()
    t0 = time.perf_counter()
    from gazoguard.talk import check_conversation, load_lexicon, load_patterns
    from gazoguard.talk.fold import FoldedText, fold_pattern

    patterns = load_patterns()
    lexicon = load_lexicon()
    load_ms = (time.perf_counter() - t0) * 1000
    result = check_conversation(messages)
    cold_ms = (time.perf_counter() - t0) * 1000
    assert len(result.messages) == 200

    sources = []
    for label in patterns.labels.values():
        for pattern in label.patterns:
            sources += [fold_pattern(rx.pattern) for rx in pattern.regexes]

    def naive() -> None:
        for _, text in messages:
            folded = FoldedText.of(text).folded
            for source in sources:
                re.search(source, folded, re.IGNORECASE)

    ours_med, ours_max = time_ms(lambda: check_conversation(messages), args.runs)
    base_med, base_max = time_ms(naive, args.runs)
    print(f"messages: {len(messages)}  frames: {len(lexicon.frames)}  older patterns: {len(patterns.patterns)}  runs: {args.runs}")
    print(f"load (import + compile frames and patterns): {load_ms:.1f} ms  (target <= 2000 ms: {'OK' if load_ms <= 2000 else 'MISSED'})")
    print(f"cold (load + first check): {cold_ms:.1f} ms")
    print(f"check_conversation:          median {ours_med:.1f} ms  max {ours_max:.1f} ms  (target < {TARGET_MS:.0f} ms: {'OK' if ours_med < TARGET_MS else 'MISSED'})")
    print(f"baseline (older patterns only, naive re.search):  median {base_med:.1f} ms  max {base_max:.1f} ms")
    print(f"ratio baseline / ours: {base_med / ours_med:.2f}x")

    if args.ginza:
        t0 = time.perf_counter()
        import spacy

        nlp = spacy.load("ja_ginza")
        load_ms = (time.perf_counter() - t0) * 1000
        texts = [t for _, t in messages]
        lem_med, _ = time_ms(lambda: [" ".join(tok.lemma_ for tok in doc) for doc in nlp.pipe(texts)], 3)
        print(f"GiNZA: load {load_ms:.0f} ms, lemmatising 200 messages {lem_med:.0f} ms ({lem_med / ours_med:.0f}x the whole check)")


if __name__ == "__main__":
    main()
