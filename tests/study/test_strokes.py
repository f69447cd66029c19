"""The stroke-order loader every view uses: counts a teacher knows, and characters it lacks."""

from __future__ import annotations

import pytest

from lianxi.core.strokes import STROKE_BOX
from lianxi.study.strokes import ATTRIBUTION, stroke_order, stroke_orders


# stroke counts from the standard writing of each character (simplified, then traditional)
@pytest.mark.parametrize(("char", "strokes"), [
    ("一", 1), ("人", 2), ("口", 3), ("女", 3), ("好", 6), ("你", 7), ("我", 7), ("谢", 12),
    ("謝", 17), ("再", 6), ("见", 4), ("見", 7), ("学", 8), ("學", 16), ("国", 8), ("國", 11),
])
def test_stroke_counts_are_the_standard_ones(char, strokes):
    data = stroke_order(char)
    assert data is not None and data.char == char and data.count == strokes
    assert len(data.medians) == strokes
    for median in data.medians:
        assert len(median) >= 2
        assert all(-200 <= v <= STROKE_BOX + 200 for point in median for v in point)


def test_the_first_stroke_goes_the_way_it_is_written():
    # 一 is written left to right; the first stroke of 人 (丿) runs from top to bottom-left (y points up)
    (line,) = stroke_order("一").medians
    assert line[0][0] < line[-1][0]
    pie = stroke_order("人").medians[0]
    assert pie[0][1] > pie[-1][1] and pie[0][0] > pie[-1][0]


def test_characters_the_data_lacks_and_things_that_are_not_hanzi():
    assert stroke_order("獃") is None  # not in hanzi-writer-data
    assert stroke_order("a") is None
    assert list(stroke_orders("你好, 獃!")) == ["你", "好", "獃"]
    assert stroke_orders("獃")["獃"] is None
    assert "Make Me a Hanzi" in ATTRIBUTION and "ARPHIC" in ATTRIBUTION
