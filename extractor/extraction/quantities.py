"""Quantities in policy text: a number (Arabic, Chinese, with 万/亿) followed by a unit.

The unit list is data (``data/target_units.txt``); the number grammar is code.
Values are multiplied out and keep the base unit: ``2.5万个`` is 25000 个.

>>> [(q.value, q.value_max, q.unit, q.text) for q in find_quantities("新增约2.5万个学位,6-7所学校")]
[(25000.0, None, '个', '2.5万个'), (6.0, 7.0, '所', '6-7所')]
>>> [(q.value, q.unit) for q in find_quantities("达到百分之八十,15%o,不超过半年,一至两所")]
[(80.0, '%'), (15.0, '%'), (0.5, '年'), (1.0, '所')]
>>> [(q.value, q.value_max, q.unit) for q in find_quantities("以半年至一年为周期")]
[(0.5, 1.0, '年')]
>>> [(q.value, q.unit) for q in find_quantities("年均增长1 2 %左右")]
[(12.0, '%')]
>>> find_quantities("1700多名教师")[0].more
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractor.extraction.numerals import parse_number
from extractor.lexicon import longest_first

CHINESE_NUMERAL = "〇零一二两三四五六七八九十百千O○"  # O and ○: zeros of years typed as letters


@lru_cache(maxsize=1)
def units() -> tuple[str, ...]:
    """The known units, longest first so that 个工作日 wins over 个."""
    return longest_first("target_units.txt")


@lru_cache(maxsize=1024)
def is_unit(word: str) -> bool:
    """Whether ``word`` is a unit a quantity may carry, a multiplier written out included.

    >>> is_unit("万元"), is_unit("m2"), is_unit("一期")
    (True, True, False)
    """
    found = find_quantities("1" + word)
    return len(found) == 1 and found[0].start == 0 and found[0].end == len(word) + 1


def _number(name: str) -> str:
    return rf"""(?P<{name}>
          (?:\d(?:\ \d)+(?!\d)|\d+(?:,\d{{3}})*)     # Arabic: 1,200; single digits spaced: 2 5 %
          (?:\ ?\.\ ?\d+(?:\ \d)*)?                # decimals: 2.5, 1 2 . 5
        | [{CHINESE_NUMERAL}]+                          # Chinese numerals
        | 半                                            # a half: 半年
        )(?P<{name}_mult>[万亿]|千万|百万)?              # a multiplier written out
        """


@lru_cache(maxsize=1)
def quantity_pattern() -> re.Pattern:
    unit_alternation = "|".join(re.escape(u) for u in units())
    return re.compile(
        rf"""(?<![\d.{CHINESE_NUMERAL}])                 # not the tail of a longer number
        (?:百分之(?P<percent>[{CHINESE_NUMERAL}\d.]+)     # 百分之八十
          |{_number("low")}
           (?:\s*[-—–~～至到]\s*{_number("high")})?      # a range: 6-7所, 一至两所
           (?P<more>多|余|几)?                           # 1700多名, 70余年: more than
           \s*(?P<unit>{unit_alternation})
           (?P<ocr>o(?![A-Za-z]))?                      # OCR slip: 15%o
        )""",
        re.VERBOSE,
    )


@dataclass(frozen=True)
class Quantity:
    text: str
    start: int
    end: int
    value: float
    value_max: float | None
    unit: str
    chinese: bool  # written in Chinese numerals (一所, 两项)
    more: bool  # 多/余: more than the value


MULTIPLIERS = {"万": 1e4, "亿": 1e8, "千万": 1e7, "百万": 1e6}


def _value(match: re.Match, name: str, multiplier: str | None) -> float | None:
    number = match.group(name)
    if number is None:
        return None
    value = 0.5 if number == "半" else parse_number(number.replace(" ", ""))
    if value is not None and multiplier:
        value = round(value * MULTIPLIERS[multiplier], 6)  # 287.9亿: no float noise
    return value


def _quantity(match: re.Match) -> Quantity | None:
    if match.group("percent"):
        value = parse_number(match.group("percent"))
        return None if value is None else Quantity(match.group(), match.start(), match.end(),
                                                   value, None, "%", True, False)
    high_multiplier = match.group("high_mult")
    low = _value(match, "low", match.group("low_mult") or high_multiplier)  # 1-2万: both 万
    high = _value(match, "high", high_multiplier)
    if low is None or (match.group("high") and high is None):
        return None
    chinese = not match.group("low")[0].isdigit()  # 一所, 两项
    return Quantity(match.group(), match.start(), match.end(), low, high, match.group("unit"),
                    chinese, bool(match.group("more")))


RANGE_SEPARATOR = re.compile(r"\s*[-—–~～至到]\s*")
ABOVE = re.compile(r"\s*(?:以上|及以上)\s*")  # the low end of a bounded range …
BELOW_AFTER = re.compile(r"\s*(?:以下|及以下)")  # … and its high end


def _merge_ranges(found: list[Quantity], text: str) -> list[Quantity]:
    """``半年至一年``, ``3人-5人``, ``五千元以上二万元以下``: two quantities of one unit joined into a
    range.

    >>> [(q.value, q.value_max, q.unit) for q in find_quantities("处五千元以上二万元以下罚款")]
    [(5000.0, 20000.0, '元')]
    """
    merged: list[Quantity] = []
    for quantity in found:
        last = merged[-1] if merged else None
        between = text[last.end:quantity.start] if last else ""
        bounded = ABOVE.fullmatch(between) and BELOW_AFTER.match(text, quantity.end)  # 五千元以上二万元以下
        if (last and last.value_max is None and quantity.value_max is None and last.unit == quantity.unit
                and (RANGE_SEPARATOR.fullmatch(between) or bounded)):
            merged[-1] = Quantity(text[last.start:quantity.end], last.start, quantity.end, last.value,
                                  quantity.value, quantity.unit, last.chinese, quantity.more)
        else:
            merged.append(quantity)
    return merged


def find_quantities(text: str) -> list[Quantity]:
    """Every number-with-unit in ``text`` (dates and names included: callers filter)."""
    found = (_quantity(m) for m in quantity_pattern().finditer(text))
    return _merge_ranges([q for q in found if q is not None], text)


RATIO_VALUE = re.compile(
    r"""(?:系数|指数|比值|拆建比|容积率|pH值)                  # the name of a measure with no unit
        (?:\(暂定为|暂定为|[^\d,;。:()]{0,6}?)               # a comparator or 暂定为 between
        (?<![A-Za-z])(?P<low>\d+(?:\.\d+)?)                  # the figure (not the 1 of k1)
        (?:\s?[-—~至]\s?(?P<high>\d+(?:\.\d+)?))?          # the top of a range: 0.6-0.8
        (?![\d.%‰])(?![^\W\d_以左上下])                       # no unit after it (以上, 左右 may follow)
    """,
    re.VERBOSE,
)


def find_ratio_values(text: str) -> list[Quantity]:
    """Figures without a unit that a ratio, coefficient or index is set to (拆建比不大于2,
    惩罚系数暂定为0.2, 面积比值控制在0.6-0.8).

    >>> [(q.value, q.value_max) for q in find_ratio_values("拆建比不大于2,面积比值控制在0.6-0.8,系数为5倍")]
    [(2.0, None), (0.6, 0.8)]
    """
    found = []
    for match in RATIO_VALUE.finditer(text):
        high = float(match.group("high")) if match.group("high") else None
        start = match.start("low")
        found.append(Quantity(text[start:match.end()], start, match.end(), float(match.group("low")), high,
                              "", False, False))
    return found
