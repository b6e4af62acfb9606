"""Time frames: the dates that govern stretches of a document, and a target's horizon.

A reader dates a target by the nearest frame that governs its sentence, looking outward (see
the GUIDE's ``horizon``): the measure's heading or opening clause (``到2025年,`` before a list of
figures); a section whose heading or lead-in sets a time (``(三)2024年目标``, ``二、工作目标``
then ``到2025年,…``); a date set inside a goal section, carried to the rest of it; the document's
own period (a title ``(2023—2025年)``, a ``三年行动计划`` issued in 2023, the single goal year of its
目标 section, the end of its last 实施步骤 phase, the year a 政府工作报告 or 工作要点 plans); for an
attachment, its parent's period. A policy's validity (有效期, 失效) is no frame.

>>> from extractor.structure.outline import read_sections
>>> text = "一、工作目标\\n到2026年,全县达标。\\n二、主要任务\\n(一)建校\\n新建3所。\\n(二)2024年任务\\n扩建2所。\\n"
>>> frames = find_frames(text, read_sections(text))
>>> frames.document.date, frames.document.source
('2026-12-31', 'document')
>>> [(f.date, f.source) for f in frames.sections]
[('2026-12-31', 'section'), ('2024-12-31', 'heading')]
>>> frames.horizon(text.index("扩建")).date, frames.horizon(text.index("新建")).date
('2024-12-31', '2026-12-31')
>>> frames.year_at(text.index("扩建"))
2024
"""
from __future__ import annotations

import bisect
import heapq
import re
from dataclasses import dataclass, replace
from functools import cached_property

from extractor.extraction.dates import (FIVE_YEAR_NUMERAL, TIME_EXPRESSION, TimePoint, first_day,
                                       five_year_plan_years, last_day, read_time)
from extractor.extraction.deadlines import extract_deadlines
from extractor.extraction.numerals import parse_number
from extractor.lexicon import rows, SENTENCE_MARKS
from extractor.models import Deadline, HorizonSource
from extractor.structure.outline import Section

GOAL_HEADING = re.compile(r"目标")  # 工作目标, 发展目标, 主要目标, 目标任务
PHASE_HEADING = re.compile(r"步骤|阶段|进度安排|时间安排|实施安排|时间节点")  # 实施步骤, 推进阶段
CAMPAIGN_HEADING = re.compile(r"^(?:活动|实施|开展|响应)(?:时间|期间)(?:安排|[及和与][^,。]{1,6})?$")  # 活动时间, 实施时间及规模
REPORT_GENRES = re.compile(r"工作报告|工作要点|工作计划|工作安排|工作思路")  # the year they plan
MAX_OPENER = 3  # characters before a date that still opens its paragraph: 至, 到, 力争到
VISION_YEARS = 10  # a goal year further than this after the year of issue is a long-range vision (2035)
STANDING_GENRES = re.compile(r"办法|规定|细则|条例|规则|措施|政策|标准|指引|指南|清单|目录")
BARE_TITLE_YEAR = re.compile(r"(?P<year>(?:19|20)\d{2})(?=[\u4e00-\u9fff])(?!年)")  # 2007宁波市…: a year opening a title
PLAN_YEARS = re.compile(r"(?P<n>[一二两三四五六七八九十\d]{1,2})\s*年(?:行动|攻坚|计划|规划|专项|提升|工程)")
FIVE_YEAR_PLAN = re.compile(
    rf"""“?(?P<n>{FIVE_YEAR_NUMERAL})五”?(?:时期|期间|规划|发展)  # 十四五规划
      | 第(?P<nth>{FIVE_YEAR_NUMERAL})个五年规划               # 第十五个五年规划
    """,
    re.VERBOSE,
)
WORK_OF_A_YEAR = re.compile(
    r"""^[^\n。《]{0,40}?                      # the opening purpose clause, before any cited 《》
        (?:做好|开展|组织|推进|实施|完成)         # 为认真做好, 为切实开展
        [^\n。《]{0,12}?                        # 我市, 全县
        (?P<year>(?:19|20)\d{2})\s*年(?:度)?     # the year of the work
        (?!以来|来|以前)                          # not a history (2014年以来)
        [^\n。《0-9]{0,30}?工作                   # 普通高等学校招生工作
    """,
    re.VERBOSE,
)
OPENING = 400  # characters of a document's start its purpose clause lies within
HISTORY_AFTER = re.compile(r"^(?:以来|来|年?以前的|的)")  # 2014年以来, 2020年的: not a frame
SENTENCE_END = re.compile(f"[{SENTENCE_MARKS}\n]")
MAX_LEAD = 6  # a lead-in's date opens its first sentence (力争到2025年, …)
MIN_PERIOD_START = 1949


@dataclass(frozen=True)
class Frame:
    """A date that governs ``start``..``end`` of the text; ``date`` is its end (ISO)."""

    start: int
    end: int
    date: str
    first: str | None
    source: HorizonSource
    quote: str

    @property
    def year(self) -> int:
        return int(self.date[:4])


class Innermost:
    """For any offset, the innermost of some frames that holds it (the shortest; of equal ones
    the latest to start), found by bisection in segments computed once by a sweep."""

    def __init__(self, frames) -> None:
        frames = sorted(frames, key=lambda f: f.start)
        self.bounds = sorted({f.start for f in frames} | {f.end for f in frames})
        self.winners: list[Frame | None] = []
        active: list[tuple[int, int, int, Frame]] = []
        index = 0
        for bound in self.bounds:
            while index < len(frames) and frames[index].start <= bound:
                frame = frames[index]
                heapq.heappush(active, (frame.end - frame.start, -frame.start, index, frame))
                index += 1
            while active and active[0][3].end <= bound:
                heapq.heappop(active)
            self.winners.append(active[0][3] if active else None)

    def at(self, offset: int) -> Frame | None:
        segment = bisect.bisect_right(self.bounds, offset) - 1
        return self.winners[segment] if segment >= 0 else None


@dataclass(frozen=True)
class Frames:
    """A document's frames: its own period, and those of its sections (innermost wins)."""

    document: Frame | None
    sections: tuple[Frame, ...]
    planned_year: int | None  # the year a month written without one belongs to

    @cached_property
    def _innermost(self) -> Innermost:
        return Innermost(self.sections)

    @cached_property
    def _innermost_single_year(self) -> Innermost:
        return Innermost(f for f in self.sections if _single_year(f))

    def horizon(self, offset: int) -> Frame | None:
        """The frame that governs ``offset``: the innermost section frame, else the document's."""
        return self._innermost.at(offset) or self.document

    def year_at(self, offset: int) -> int | None:
        """The year of a month or day written without one at ``offset``."""
        return self.framed_year_at(offset) or self.planned_year

    def framed_year_at(self, offset: int) -> int | None:
        """The year a section's single-year frame sets at ``offset``, if any."""
        holding = self._innermost_single_year.at(offset)
        return holding.year if holding else None

    def carried(self, extra: list[Frame]) -> Frames:
        """These frames with ``extra`` ones (dates carried forward inside goal sections)."""
        return Frames(self.document, tuple(sorted(self.sections + tuple(extra), key=lambda f: f.start)),
                      self.planned_year)


def _single_year(frame: Frame) -> bool:
    return frame.first is None or frame.first[:4] == frame.date[:4]


def find_frames(text: str, sections: tuple[Section, ...], *, title: str | None = None,
                genre: str | None = None, issued_year: int | None = None,
                parent: Frame | None = None) -> Frames:
    """The frames of a document's ``text`` given its outline and what its metadata says."""
    section_frames = tuple(frame for i in range(len(sections))
                           for frame in _section_frames(text, sections, i, issued_year))
    document = _document_frame(text, sections, section_frames, title, genre, issued_year)
    if document is None and parent is not None:
        document = replace(parent, start=0, end=len(text), source="parent")
    planned = _planned_year(title, genre, issued_year, document)
    return Frames(document, section_frames, planned)


def _section_frames(text: str, sections: tuple[Section, ...], index: int, year: int | None) -> list[Frame]:
    """A date in the section's heading, else one opening its lead-in, governs the section."""
    section = sections[index]
    if _is_review(section.title):
        return []
    heading = _dated_heading(text[section.start:section.body_start] + section.title)
    if heading:
        return [_frame(heading, section.start, section.end, "heading")]
    at = _lead_in_start(text, section)
    opening = next(iter(_deadlines_in(text, at, _sentence_end(text, at, section.end), year)), None)
    if opening and opening.start - at <= MAX_LEAD and opening.kind in ("by", "period"):
        return [Frame(section.start, section.end, opening.date, opening.start_date, "section", opening.quote)]
    return []


def _lead_in_start(text: str, section: Section) -> int:
    """Where a section's text begins after its heading phrase."""
    at = section.body_start + len(section.title)
    while at < section.end and text[at] in "。.:;, \n":
        at += 1
    return at


def _sentence_end(text: str, start: int, end: int) -> int:
    found = SENTENCE_END.search(text, start, end)
    return found.start() + 1 if found else end


def _deadlines_in(text: str, start: int, end: int, year: int | None) -> list[Deadline]:
    """The dated deadlines of ``text[start:end]`` (offsets into ``text``)."""
    if not TIME_EXPRESSION.search(text, start, end):
        return []
    found = extract_deadlines(text[start:end], reference_year=year)
    return [replace(d, start=d.start + start, end=d.end + start) for d in found if not d.date.startswith("0000")]


def _dated_heading(heading: str) -> tuple[TimePoint | None, TimePoint, str] | None:
    """(first, last, quote) of a time written anywhere in a heading, not a history (以来)."""
    for match in TIME_EXPRESSION.finditer(heading):
        first, last = read_time(match)
        last = last or first
        if last is None or last.year is None or (first and first.year is None):
            continue
        if not HISTORY_AFTER.match(heading[match.end():]):
            return (first if match.group("separator") else None), last, match.group()
    return None


def _frame(dated, start: int, end: int, source: HorizonSource) -> Frame:
    first, last, quote = dated
    return Frame(start, end, last_day(last), first_day(first) if first else None, source, quote)


def _is_review(heading: str) -> bool:
    return any(word in heading for word in _review_words())


def _review_words() -> tuple[str, ...]:
    return tuple(word for word, mark in rows("target_fact_cues.txt") if mark == "review-heading")


def _document_frame(text: str, sections, section_frames, title, genre, issued_year) -> Frame | None:
    """The document's own period: its title, its 目标 section's single year, its last phase,
    the year a report plans; none for standing rules (办法, 若干措施) without a period."""
    whole = (0, len(text))
    found = (_title_period(title, issued_year) or _report_year(title, genre, issued_year)
             or _year_of_work(text))
    if found:
        campaign = _campaign_period(text, sections, issued_year) if found[0].endswith("-12-31") else None
        if campaign and campaign.date[:4] == found[0][:4]:  # 2021年春节期间…: its 实施时间 says when
            return Frame(*whole, campaign.date, campaign.first, "document", campaign.quote)
        return Frame(*whole, *found, "document", title or "")
    if genre and STANDING_GENRES.search(genre):
        return None
    goal = (_goal_period(text, sections, section_frames, issued_year)
            or _phase_period(text, sections, section_frames, issued_year)
            or _campaign_period(text, sections, issued_year))
    return replace(goal, start=0, end=len(text), source="document") if goal else None


def _title_period(title: str | None, issued_year: int | None) -> tuple[str, str | None] | None:
    """A period written in the title ((2023-2025年), 2024年…; of several, the one ending last:
    2016年…执行情况及2017年…计划 plans 2017), a 三年行动 from the year of issue, or a 十四五 plan."""
    if not title:
        return None
    periods = []
    for match in TIME_EXPRESSION.finditer(title):
        first, last = read_time(match)
        last = last or first
        if last is not None and last.year and (first is None or first.year):
            periods.append((last_day(last), first_day(first) if match.group("separator") and first else None))
    if periods:
        return max(periods, key=lambda period: period[0])
    bare = BARE_TITLE_YEAR.match(title)
    if bare and (issued_year is None or abs(int(bare.group("year")) - issued_year) <= 1):
        return f"{bare.group('year')}-12-31", None  # 2007宁波市…评价办法: a headline that dropped 年
    years = PLAN_YEARS.search(title)
    if years and issued_year:
        count = int(parse_number(years.group("n")) or 0)
        if 1 <= count <= 10:
            return f"{issued_year + count - 1}-12-31", f"{issued_year}-01-01"
    five = FIVE_YEAR_PLAN.search(title)
    if five:
        start, last = five_year_plan_years(five.group("n") or five.group("nth"))
        return (f"{last}-12-31", f"{start}-01-01") if start >= MIN_PERIOD_START else None
    return None


def _year_of_work(text: str) -> tuple[str, None] | None:
    """The year whose work a document's opening purpose clause names: 为做好我市2020年…工作.

    >>> _year_of_work("招生工作办法\\n为认真做好我市2020年普通高等学校招生工作,根据《…》,制定本办法。")
    ('2020-12-31', None)
    """
    for line in text[:OPENING].split("\n"):
        found = WORK_OF_A_YEAR.match(line.strip())
        if found:
            return f"{found.group('year')}-12-31", None
    return None


def _report_year(title: str | None, genre: str | None, issued_year: int | None) -> tuple[str, None] | None:
    """A 政府工作报告 or 工作要点 plans the year it is given in."""
    if issued_year and REPORT_GENRES.search((title or "") + (genre or "")):
        return f"{issued_year}-12-31", None
    return None


def _goal_period(text: str, sections, section_frames, issued_year: int | None) -> Frame | None:
    """The date of the first goal section, when every year it names (a long-range vision, such
    as 2035 in a plan of 2021, aside) is that one: its lead-in's date, or its one year where a
    paragraph of the section opens with it (至2025年,…)."""
    for section in sections:
        if not GOAL_HEADING.search(section.title) or section.depth > 1:
            continue
        named = [m for m in TIME_EXPRESSION.finditer(text, section.start, section.end)
                 if m.group("year1") and m.group("year1").isdigit()
                 and not (issued_year and int(m.group("year1")) > issued_year + VISION_YEARS)]
        years = {int(m.group("year1")) for m in named}
        frame = next((f for f in section_frames if f.start == section.start), None)
        if frame is not None:
            return frame if years <= {frame.year} | ({int(frame.first[:4])} if frame.first else set()) else None
        opening = [m for m in named if _opens_paragraph(text, m.start())]
        if len(years) == 1 and opening and (issued_year is None or min(years) >= issued_year):
            return Frame(section.start, section.end, f"{min(years)}-12-31", None, "section", opening[0].group())
        return None
    return None


def _opens_paragraph(text: str, at: int) -> bool:
    """Whether no more than a word (至, 到, 力争到) stands between ``at`` and its line's start."""
    return len(text[text.rfind("\n", 0, at) + 1:at].strip()) <= MAX_OPENER


def _phase_period(text: str, sections, section_frames, year: int | None) -> Frame | None:
    """The end of the last dated phase under a 实施步骤 section (its phases' headings, or the
    periods its text names: 从2009年到2011年,分3步推进)."""
    for section in sections:
        if not PHASE_HEADING.search(section.title):
            continue
        inside = [f for f in section_frames if section.start <= f.start < section.end and f.start > section.start]
        inside += [Frame(section.start, section.end, d.date, d.start_date, "section", d.quote)
                   for d in _deadlines_in(text, section.body_start, section.end, year)
                   if d.kind in ("by", "period")]
        if inside:
            return max(inside, key=lambda f: f.date)
    return None


def _campaign_period(text: str, sections, year: int | None) -> Frame | None:
    """The first period a 活动时间 section gives: a campaign's own time (not a rule's validity)."""
    for section in sections:
        if CAMPAIGN_HEADING.search(section.title):
            dated = [d for d in _deadlines_in(text, section.body_start, section.end, year) if d.kind in ("by", "period")]
            if dated:
                return Frame(section.start, section.end, dated[0].date, dated[0].start_date, "section", dated[0].quote)
    return None


def _planned_year(title, genre, issued_year, document: Frame | None) -> int | None:
    """The year a yearless month belongs to: a one-year document's, else the year of issue."""
    if document is not None and _single_year(document):
        return document.year
    return issued_year


def carried_frames(sections: tuple[Section, ...], dated: list[tuple[int, str]]) -> list[Frame]:
    """A date set inside a goal section (``(一)…到2025年…``) governs the rest of that section.

    ``dated`` holds (offset, ISO date) of the section's by-deadlines, in text order.
    """
    frames = []
    for section in sections:
        if not GOAL_HEADING.search(section.title) or section.leaf and section.depth > 1:
            continue
        inside = [(at, date) for at, date in dated if section.start <= at < section.end]
        for (at, date), following in zip(inside, inside[1:] + [(section.end, None)]):
            frames.append(Frame(at, following[0], date, None, "carried", ""))
    return frames
