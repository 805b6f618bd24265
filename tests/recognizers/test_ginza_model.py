"""GiNZA loaded light (no string table, compact vector keys) reads exactly as the full load, in less memory."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from gazoguard.recognizers.jp import ginza_model
from gazoguard.recognizers.jp.ginza_model import CompactKeyToRow

# forms, cards, name tags and prose, as OCR gives them (names, places, companies, dates)
LINES = [
    "山田太郎",
    "氏名 佐藤花子",
    "日本花子様",
    "鈴木一郎さんは東京都千代田区霞が関2-1-2に住んでいます。",
    "株式会社サンプル 代表取締役 田中健二",
    "昭和61年5月1日生",
    "大阪府大阪市北区梅田1丁目",
    "担当：高橋",
    "いつもお世話になっております。渡辺です。",
    "ヤマダ タロウ",
    "東京駅で伊藤さんと会った",
    "運転免許証 第012345678900号",
    "横浜市立大学附属病院 小林医師",
    "Microsoft Japan 中村",
]


def test_compact_key_to_row_answers_like_the_dict():
    table = {2**63 + 5: 3, 17: 0, 2**64 - 1: 7, 123456789: 3}
    compact = CompactKeyToRow(table)
    assert len(compact) == 4
    assert dict(compact) == table
    for key, row in table.items():
        assert compact[key] == row and compact.get(key, -1) == row and key in compact
    for missing in (0, 18, 2**63, -1, 2**64, "Person", None):
        assert compact.get(missing, -1) == -1
        assert missing not in compact
    with pytest.raises(KeyError):
        compact[18]
    with pytest.raises(TypeError):
        compact[5] = 1  # type: ignore[index]  # read-only: vectors cannot be added to a loaded pipeline


@pytest.mark.slow
def test_light_load_finds_the_same_entities_with_the_same_features():
    light = ginza_model.load_pipeline()
    full = ginza_model.load_pipeline(light=False)
    assert light.pipe_names == full.pipe_names == ["tok2vec", "ner"]
    assert isinstance(light.vocab.vectors.key2row, CompactKeyToRow)
    assert len(light.vocab.strings) < 10_000 < len(full.vocab.strings)  # the ~600,000-string table is not loaded
    for line in LINES:
        a, b = light(line), full(line)
        assert [(e.start_char, e.end_char, e.label_) for e in a.ents] == [(e.start_char, e.end_char, e.label_) for e in b.ents], line
        assert np.array_equal(a.tensor, b.tensor), line  # the static vectors are found for the same tokens
    assert any(e.label_ == "Person" for e in light(LINES[0]).ents)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc and madvise")
def test_dictionary_pages_are_released_and_read_again():
    def file_rss_kb() -> int:
        with open("/proc/self/status") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("RssFile:"))

    nlp = ginza_model.nlp()
    before = [[(e.text, e.label_) for e in nlp(line).ents] for line in LINES]
    resident = file_rss_kb()
    assert ginza_model.release_dictionary_pages() > 100 * 2**20  # the whole mapped dictionary (~217 MB)
    assert file_rss_kb() < resident - 1024  # its touched pages left the resident set
    assert [[(e.text, e.label_) for e in nlp(line).ents] for line in LINES] == before
