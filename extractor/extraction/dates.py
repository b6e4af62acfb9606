"""Calendar expressions in policy text: points (2025年, 2023年4月25日, 二OO九年七月, 6月底) and
ranges between them (2023年2月—2025年10月, 2014~2018年, 6月16日—30日).

``TIME_EXPRESSION`` finds them; ``read_time`` turns a match into one or two ``TimePoint``s.
A point may lack its year (6月15日前); the caller supplies it from the document.

>>> start, end = read_time(TIME_EXPRESSION.search("(12月1日—2015年4月30日)"))
>>> start, end
(TimePoint(year=None, month=12, day=1, part=None), TimePoint(year=2015, month=4, day=30, part=None))
>>> first_day(with_year(start, infer_year(start, end))), last_day(end)
('2014-12-01', '2015-04-30')
>>> read_time(TIME_EXPRESSION.search("到二OO九年七月底"))
(TimePoint(year=2009, month=7, day=None, part='底'), None)
>>> last_day(TimePoint(2024, 2, None, None)), last_day(TimePoint(2025, None, None, "上半年"))
('2024-02-29', '2025-06-30')
>>> [last_day(p) for p in read_time(TIME_EXPRESSION.search("2014年6月16日—30日"))]
['2014-06-16', '2014-06-30']
>>> read_time(TIME_EXPRESSION.search("完成时限:2023.12.31前"))
(TimePoint(year=2023, month=12, day=31, part=None), None)
>>> TIME_EXPRESSION.search("产值2023.12亿元") is None
True
>>> [last_day(p) for p in read_time(TIME_EXPRESSION.search("2023年11月至次年2月"))]
['2023-11-30', '2024-02-29']
>>> precision(TimePoint(2025, 11, None, None))
'month'
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace

from extractor.extraction.numerals import parse_number

YEAR_NUMBER = r"(?:1[ ]?9|2[ ]?0)[ ]?\d[ ]?\d|[一二][〇零Oo○一二三四五六七八九]{3}"  # PDFs may space digits
MONTH_NUMBER = r"1[ ]?[0-2]|(?:0[ ]?)?[1-9]|十[一二]?|[一二三四五六七八九]"
DAY_NUMBER = r"3[ ]?[01]|[12][ ]?\d|(?:0[ ]?)?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
YEAR_PART = r"上半年|下半年|第?[一二三四1-4]季度末?|年底|年末|底|末"
MONTH_PART = r"上、?中旬|中、?下旬|上旬|中旬|下旬|初|底|末|中"  # 7月上、中旬: two parts written together
POINT = r"""
    (?<![\d〇零一二三四五六七八九十])             # not inside a longer number,
    (?:(?<!\.)|(?<=\d\.)(?=(?:19|20)\d\d\s?年))  #   nor after a decimal point (1.2024年: a label, then a year)
    (?:“?(?P<plan{n}>{plan})五”?(?:规划)?(?:期末|末)  # the end of a five-year plan: “十四五”期末
     |(?:(?P<year{n}>{year})\s{{0,2}}年               # the year: 2025年, 二〇二五年 (a page may space it)
       (?P<ypart{n}>{ypart})?)?                      # its part: 上半年, 底, 第一季度
    (?:(?<!\d)(?P<month{n}>{month})\s?月份?          # the month
       (?:\s?(?P<day{n}>{day})\s?                    # the day (a page may space it: 5月 24日),
                                                     #   日 dropped only before 前 or a dash
          (?:[日号]|(?=前|之前|以前|[—\-~～至到]))
         |(?P<mpart{n}>{mpart}))?                    # or the month's part: 底, 下旬
     |(?P<holiday{n}>{holiday})                      # or a holiday of a fixed date: “七一”
    )?)
"""
HOLIDAY = r"""(?:“(?:五一|七一|八一|十一)”|(?:五一|七一)(?=建党节|劳动节|国际劳动节)|国庆节?|元旦)
              (?:建党节|劳动节|国际劳动节|节)?"""
HOLIDAY_DATES = {"五一": (5, 1), "七一": (7, 1), "八一": (8, 1), "十一": (10, 1), "国庆": (10, 1), "元旦": (1, 1)}
NUMERIC_POINT = r"""
    (?<![\d.])(?P<nyear{n}>(?:19|20)\d{{2}})         # 2023.12.31, 2023/12, 2023-12-31
    (?P<nsep{n}>[./-])(?P<nmonth{n}>1[0-2]|0?[1-9])
    (?:(?P=nsep{n})(?P<nday{n}>3[01]|[12]\d|0?[1-9]))?
    (?=\s?(?:前|之前|以前|底|起|止|[\s,,。;;)|—~～至到-]|$))  # then a cue or a break, not 2023.12亿元
"""
POINT_START = (r"(?=(?:{year})\s{{0,2}}年|(?:{month})\s?月|“(?:五一|七一|八一|十一)”|(?:五一|七一)(?:建党节|劳动节)|国庆|元旦"
               r"|“?(?:{plan})五”?(?:规划)?(?:期末|末))")
RANGE_SEPARATOR = r"\s?(?:—{1,2}|–|-{1,2}|~|～|(?:起|开始)?\s?(?:至|到))\s?"  # 1月1日起至
BARE_YEAR = r"(?P<bare{n}>(?:1[ ]?9|2[ ]?0)[ ]?\d[ ]?\d)"

FIVE_YEAR_NUMERAL = r"十[一二三四五六七八九]?|[一二三四五六七八九]"  # the N of 十四五, 第十五个五年规划

def _point(n: int) -> str:
    return POINT.format(n=n, year=YEAR_NUMBER, ypart=YEAR_PART, month=MONTH_NUMBER,
                        day=DAY_NUMBER, mpart=MONTH_PART, holiday=HOLIDAY, plan=FIVE_YEAR_NUMERAL)


_STARTS = POINT_START.format(year=YEAR_NUMBER, month=MONTH_NUMBER, plan=FIVE_YEAR_NUMERAL)
TIME_EXPRESSION = re.compile(
    rf"""(?:{BARE_YEAR.format(n=1)}                 # a range opened by a bare year: 2014~2018年
            (?={RANGE_SEPARATOR}(?:{YEAR_NUMBER}))
          |{NUMERIC_POINT.format(n=1)}              # or by a point in figures: 2023.12.31
          |{_STARTS}{_point(1)})                    # or by a point in words
         (?:(?P<separator>{RANGE_SEPARATOR})        # the dash, 至 or 到 of a range
            (?:{BARE_YEAR.format(n=2)}(?=\))        # closed by a bare year in brackets: (2023-2025)
              |(?P<dayonly2>{DAY_NUMBER})\s?[日号]  # or by a day of the same month: 6月16日—30日
              |{NUMERIC_POINT.format(n=2)}          # or by a point in figures
              |(?P<next_year>次年|翌年)?             # or by a point (its year or month may be implied,
               {_STARTS}{_point(2)}))?              #   or be the next year's: 11月至次年2月)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class TimePoint:
    """A calendar point; ``part`` is a written sub-period such as 底, 上半年 or 下旬."""

    year: int | None
    month: int | None
    day: int | None
    part: str | None = None


def _number(text: str | None) -> int | None:
    if not text:
        return None
    text = text.replace(" ", "")
    if text.isascii() and text.isdigit():
        return int(text)
    value = parse_number(text)
    return int(value) if value is not None else None


def _read_point(match: re.Match, n: int) -> TimePoint | None:
    bare, day_only = match.groupdict().get(f"bare{n}"), match.groupdict().get(f"dayonly{n}")
    if bare:
        return TimePoint(_number(bare), None, None)
    if day_only:
        return TimePoint(None, None, _number(day_only))
    if match.groupdict().get(f"nyear{n}"):
        return TimePoint(*(_number(match.group(f"{field}{n}")) for field in ("nyear", "nmonth", "nday")))
    year, month, day = (_number(match.group(f"{field}{n}")) for field in ("year", "month", "day"))
    plan = match.group(f"plan{n}")
    if plan:
        return TimePoint(five_year_plan_years(plan)[1], None, None, "末")
    holiday = match.group(f"holiday{n}")
    if holiday:
        month, day = next(date for name, date in HOLIDAY_DATES.items() if name in holiday)
    part = (match.group(f"ypart{n}") or match.group(f"mpart{n}") or "").replace("、", "") or None
    if year is None and month is None and day is None:
        return None
    return TimePoint(year, month, day, part)


def read_time(match: re.Match) -> tuple[TimePoint | None, TimePoint | None]:
    """The point (or the two ends of the range) that ``match`` wrote; invalid ends are None."""
    first = _read_point(match, 1)
    second = _read_point(match, 2) if match.group("separator") else None
    if match.group("bare1") and second is None:
        return None, None
    if second is not None and first is not None:
        if match.group("next_year") and first.year is not None:
            second = replace(second, year=first.year + 1)
        second = _complete_end(first, second)
    return (first if _valid(first) else None), (second if second is None or _valid(second) else None)


def _complete_end(first: TimePoint, second: TimePoint) -> TimePoint:
    """The end of a range with what it leaves out taken from its start (6月16日—30日)."""
    if second.month is None and second.year is None:
        return replace(second, year=first.year, month=first.month)
    if second.year is None and first.year is not None:
        rolls = second.month is not None and first.month is not None and second.month < first.month
        return replace(second, year=first.year + rolls)
    return second


def _valid(point: TimePoint | None) -> bool:
    if point is None or (point.month is None and point.year is None):
        return False
    if point.month is not None and not 1 <= point.month <= 12:
        return False
    if point.day is not None:
        days = calendar.monthrange(point.year or 2000, point.month or 1)[1]
        return point.month is not None and 1 <= point.day <= days
    return True


def infer_year(point: TimePoint, anchor: TimePoint, *, anchor_first: bool = False) -> int | None:
    """The year of ``point`` when a dated ``anchor`` follows it (or, with ``anchor_first``,
    precedes it) in a sequence of steps: 12月 before 2015年4月 is 2014."""
    if anchor.year is None:
        return None
    if point.month is None or anchor.month is None:
        return anchor.year
    if anchor_first:
        return anchor.year + (point.month < anchor.month)
    return anchor.year - (point.month > anchor.month)


def with_year(point: TimePoint, year: int | None) -> TimePoint:
    return point if point.year is not None else replace(point, year=year)


def _iso(year: int | None, month: int, day: int) -> str:
    return f"{year or 0:04d}-{month:02d}-{day:02d}"


def first_day(point: TimePoint) -> str:
    """The first day of ``point``: 2023年2月 -> 2023-02-01, 2025年下半年 -> 2025-07-01."""
    part = point.part or ""
    month = point.month or {"下半年": 7}.get(part) or _quarter_first_month(part) or 1
    day = point.day or {"中旬": 11, "下旬": 21, "中下旬": 11}.get(part, 1)
    return _iso(point.year, month, day)


def last_day(point: TimePoint) -> str:
    """The last day of ``point``: 2025年11月 -> 2025-11-30, 2025年上半年 -> 2025-06-30."""
    part = point.part or ""
    quarter_start = _quarter_first_month(part)
    month = point.month or (6 if part == "上半年" else quarter_start + 2 if quarter_start else 12)
    if point.day:
        return _iso(point.year, month, point.day)
    days = calendar.monthrange(point.year or 2000, month)[1]
    return _iso(point.year, month, {"上旬": 10, "初": 10, "中旬": 20, "中": 15, "上中旬": 20}.get(part, days))


def _quarter_first_month(part: str) -> int | None:
    found = re.search(r"[一二三四1-4]", part) if "季度" in part else None
    return 3 * int(parse_number(found.group())) - 2 if found else None


def precision(point: TimePoint) -> str:
    """``day``, ``month`` or ``year``: how finely ``point`` is written."""
    if point.day or point.part in ("上旬", "中旬", "下旬", "上中旬", "中下旬", "初", "中"):
        return "day"
    if point.month or (point.part and "半年" in point.part) or (point.part and "季度" in point.part):
        return "month"
    return "year"


def five_year_plan_years(numeral: str) -> tuple[int, int]:
    """The first and last year of the Nth five-year plan (十三五: 2016–2020).

    >>> five_year_plan_years("十三"), five_year_plan_years("十五")
    ((2016, 2020), (2026, 2030))
    """
    last = 1955 + 5 * int(parse_number(numeral) or 0)
    return last - 4, last
