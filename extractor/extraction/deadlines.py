"""Deadlines: by when (``by``), during which (``period``) or from when (``start``) something happens.

A time expression (``dates.TIME_EXPRESSION``) is a deadline when a cue says so: 到/至/确保 before
it, 前/内/失效 after it, 从…起 around it, a range, a phase dated in brackets, or a year that heads a
clause setting a plan. Years in 文号 and cited titles are masked first. History (以来, 了, a year
before the document's own), baselines (由2010年的, 比上年) and recurring dates (每年9月) are not
deadlines. A month or day written without its year takes it from the nearest fully dated step of
the document, else from ``reference_year``.

>>> [(d.quote, d.date, d.kind) for d in extract_deadlines("到2025年,全县建成10所学校。")]
[('到2025年', '2025-12-31', 'by')]
>>> [(d.date, d.start_date, d.kind) for d in extract_deadlines("推进实施阶段(2023年2月—2025年10月)。")]
[('2025-10-31', '2023-02-01', 'period')]
>>> [(d.date, d.start_date, d.kind) for d in extract_deadlines("从2009年开始,用3年左右时间使学校基本均衡。")]
[('2011-12-31', '2009-01-01', 'period')]
>>> [(d.date, d.kind) for d in extract_deadlines("从2009年起,每年安排50名教师。")]
[('2009-01-01', 'start')]
>>> extract_deadlines("自2014年项目启动以来,全县共投入资金3亿元。由2010年的9.2平方米提高到20平方米。")
[]
>>> [d.date for d in extract_deadlines("宣传发动阶段(6月15日前)。年内建成公厕30座。", reference_year=2014)]
['2014-06-15', '2014-12-31']
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Callable

from extractor.extraction.dates import TIME_EXPRESSION, TimePoint, first_day, last_day, precision, read_time
from extractor.structure.masking import mask_references
from extractor.models import Deadline
from extractor.extraction.metadata import looks_like_title
from extractor.extraction.numerals import parse_number
from extractor.extraction.relative_dates import current_year_spans, relative_spans
from extractor.extraction.targets_rules import comparator_words
from extractor.extraction.undated import METADATA_CELL, DateContext, step_anchors, with_years
from extractor.lexicon import entries, LABEL_FRAGMENT, SENTENCE_MARKS

ATTACHMENT_LABEL = re.compile(r"(?:附件\s*\d{0,2}\s*:?\s*)?(?:\d{1,2}\s*[.、]\s*)?")  # 附件:1. before a title
MAX_TITLE_LINE = 60  # characters: a title line a time may open
TITLE_WINDOW = 300  # how far into the text a title's period (2023-2025) may stand
PRE_CUE = re.compile(
    r"""(?:(?P<since>从|自)                                        # 从2009年起, 自2022年12月1日
          |(?P<baseline>由|比|较|与|同比|每年?|每学期|每季度|每月|近|关于)  # 由2010年的, 每年9月
          |(?P<by>截止到|截止至|截止|到|(?<![乃甚以截])至               # 到2025年 (截至: as of)
             |(?<=报名|申报|申请|受理|征集|报送|登记|提交)截至              # 报名截至11月3日: when applying closes
             |(?<![关对由基属位等用处鉴在])于|确保|力争|争取|完成|展望  # 于…前, 完成2018年的
             |安排)                                              # 安排在7月9日进行
        )\s?(?:在\s?)?$                                              # just before; 力争在2025年
    """,
    re.VERBOSE,
)
POST_CUE = re.compile(
    r"""\s?(?:(?P<by>(?:之|以)?前(?![一二三两四五六七八九十几\d])  # 2025年前 (not 前三季度)
                 |内|为止                                     # 2018年内, 6月30日为止
                 |(?:全面|基本)?完成(?!了)                       # 7月底完成, 7月份完成评估 (not 完成了)
                 |(?<=[日号])(?=[0-2]?\d:[0-5]\d))                # 7月7日9:00: a scheduled hour (not 2021-10-01 09:45)
          |(?P<start>起(?![草步来])|开始|以后|及之后|之后)       # 2023年起, 从2009年开始, 2028年及之后
          |(?P<since>以来|来)                                   # 2014年以来: history
          |(?P<expiry>失效|废止|截止|止)                         # 2027年11月30日失效
        )""",
    re.VERBOSE,
)
SPAN_AFTER_START = re.compile(
    r"""\s?,?\s?(?:用|利用|经过|再用)\s?                   # 从2009年开始, 用
        (?P<count>\d{1,2}|[一二两三四五六七八九十]{1,2})\s?年  # 3年
        (?:左右)?的?(?:时间)?                              # 左右时间
    """,
    re.VERBOSE,
)
OPEN_PHASE_END = re.compile(
    r"""\s?(?:至|到|—{1,2}|-)     # 2013年6月至
        [^\d()\n]{1,8}\)           # an event, not a date: 迎检)
    """,
    re.VERBOSE,
)
RECURRING = re.compile(
    r"""(?:每(?:年|个?月|季度?|半年|学期|学年|周)|当年)  # 每年, 每学期; 当年的1月1日至12月31日: any year
        [^,,。;;\n]{0,6}$                        # shortly before the date: 每年于6月底前
    """,
    re.VERBOSE,
)
PHASE_LEAD = re.compile(
    r"""(?:阶段|步|完成时间|截止时间|截止日期|时限|期限|节点)   # 动员部署阶段, 完成时限 (not 会议时间)
        \s?(?:[::]|为|是)\s?$            # then a colon: 完成时限:2023年6月, 截止时间为…
    """,
    re.VERBOSE,
)
OUTLINE_LABEL = re.compile(
    rf"""\s*(?:{LABEL_FRAGMENT}                  # 一、, (一), 1.
          |[一二三四五六七八九十\d]{{1,3}}\)       # 1)
          |第[一二三四五六七八九十]{{1,3}}[,、]?    # 第一,
          )?\s*""",
    re.VERBOSE,
)
LAUNCHED = re.compile(r"\s?[\u4e00-\u9fff]{0,8}?(?:启动|开始)")  # 从2010年12月启动, 从2023年普通高考开始: a start
PERIOD_CLOSE = re.compile(r"\s?(?:启动|开始|起)?\s?[,,]?\s?")  # 从…启动, 到…: between a period's two times
PERIOD_TO = re.compile(PERIOD_CLOSE.pattern + "[到至]")  # …启动, 到: the period goes on to a second time
SENTENCE_END = re.compile(f"[{SENTENCE_MARKS}\n]")
CLAUSE_END = re.compile(f"[{SENTENCE_MARKS}\n;]")
CLAUSE_START = re.compile(r"[。!?\n;,:][^。!?\n;,:]*\Z")  # the clause a position is in (\Z: not before a final newline)
FIGURE = re.compile(r"\s?\d")  # a figure right after a comparator: 达90%
TIME_WITHIN_YEAR = re.compile(r"\s?(?:春节|元旦|国庆|汛期|暑期|暑假|寒假|[春夏秋冬]季|[^,;。]{0,4}期间)")  # 2021年春节期间
AIM_AFTER = re.compile(r"\s?(?:确保|力争|争取)")  # 2021年确保达到: the year a level is to be secured by
DATED_LIST_BEFORE = re.compile(r"(?:19|20)\d{2}\s?年[^,;。、\n]{1,12}、$")  # 2022年70%以上、(2025年…)
CUMULATIVE = re.compile(r"累计|共计")  # a total: reported, unless a time it is to be reached by comes first
GROWTH = re.compile(r"同比|比上年")  # a growth: reported, unless a time it is aimed at comes first
ATTRIBUTIVE_PAST = re.compile(r"(?:已经|已)[\u4e00-\u9fff]{1,3}的")  # 已缴纳的个人所得税: a modifier
FROM_TODAY = re.compile(r"(?:从|自)?即日起\s?$")  # 从即日起至…: from the day of issue
TIMESTAMP = re.compile(r"-?\d{0,2}T\d{2}:\d{2}")  # 2026-04-25T11:07: a page's time stamp, not a date set
AIM_WORDS = ("到", "至", "确保", "力争", "争取")  # cues of a time aimed at (not 于, which also dates a report)
SPANNING_PARTS = ("上中旬", "中下旬")  # two parts of a month written together: a period within it
LOOK_BACK = 400  # how far back (in characters) a sentence or clause start is looked for


@lru_cache(maxsize=None)
def _words(name: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The words of ``data/NAME.txt`` and the false friends marked with ``!``."""
    words = entries(f"{name}.txt")
    return (frozenset(w for w in words if not w.startswith("!")),
            tuple(w[1:] for w in words if w.startswith("!")))


def _mentions(clause: str, name: str) -> bool:
    """Whether ``clause`` holds a word of the list ``name`` (its false friends removed)."""
    words, false_friends = _words(name)
    for friend in false_friends:
        clause = clause.replace(friend, "")
    return any(word in clause for word in words)


def extract_deadlines(text: str, *, masked: str | None = None, reference_year: int | None = None,
                      year_at: Callable[[int], int | None] | None = None, plan_start: int | None = None,
                      stated: tuple[tuple[int, int], ...] = (),
                      framed_year: Callable[[int], int | None] | None = None,
                      issued: str | None = None) -> list[Deadline]:
    """Deadlines in ``text``; ``reference_year`` is the document's year, ``year_at`` the year a
    month/day written without one belongs to at an offset (``framed_year``: only where a section
    sets it), ``plan_start`` the first year of the document's period, ``issued`` its date of
    issue (the day 即日起 means); every time inside a ``stated`` span (a task tag's or a table's
    time) is one.

    >>> [(d.quote, d.start_date, d.date) for d in extract_deadlines("从即日起至2024年12月底开展专项行动。", issued="2024-04-16")]
    [('从即日起至2024年12月底', '2024-04-16', '2024-12-31')]
    """
    masked = mask_references(text) if masked is None else masked
    matches = list(TIME_EXPRESSION.finditer(masked))
    stated_matches = [m for start, end in stated for m in TIME_EXPRESSION.finditer(text, start, end)]
    anchors = step_anchors(masked, sorted(matches + stated_matches, key=lambda m: m.start()))
    context = DateContext(anchors, reference_year, year_at, framed_year, issued)
    found = {}
    for match in matches:
        deadline = _from_time(text, masked, match, context)
        if deadline is not None:
            found.setdefault((deadline.start, deadline.end), deadline)
    for deadline in _stated(text, stated, context):
        if not any(start < deadline.end and deadline.start < end for start, end in found):
            found[(deadline.start, deadline.end)] = deadline
    title_start = _title_start(matches) or plan_start
    opened = [d for d in found.values() if d.quote[:1] in "从自" and d.precision == "year"]
    current = current_year_spans(masked, context.planned_year(0)) if context.planned_year(0) else []
    for span in relative_spans(masked, title_start, opened, reference_year) + current:
        taken = any(start < span.end and span.start < end or 0 <= start - span.end <= 1 for start, end in found)
        ahead = CUMULATIVE.sub("", _clause_after(masked, span.end))  # 三年内累计培育: a total to reach
        if not taken and not _mentions(ahead, "deadline_past_markers"):
            found[(span.start, span.end)] = _record(text, span.start, span.end, span.first, span.last, span.kind)
    return _joined_periods(text, masked, sorted(found.values(), key=lambda d: d.start))


def _joined_periods(text: str, masked: str, found: list[Deadline]) -> list[Deadline]:
    """从2010年12月启动,到2011年5月结束: a time after 从 and one after 到 close by are one period."""
    joined, skip = [], False
    for first, last in zip(found, found[1:] + [None]):
        if skip:
            skip = False
            continue
        opening = first.start - (first.quote[:1] not in "从自")
        if last and masked[opening:opening + 1] in "从自" and PERIOD_CLOSE.fullmatch(masked, first.end, last.start) \
                and last.quote[:1] in "到至" and last.kind == "by":
            joined.append(Deadline(quote=text[opening:last.end], sentence=last.sentence, start=opening,
                                   end=last.end, date=last.date, start_date=_first_date(first),
                                   precision=last.precision, kind="period"))
            skip = True
        else:
            joined.append(first)
    return joined


def _first_date(deadline: Deadline) -> str:
    """The first day of the time a deadline names (2010年12月 -> 2010-12-01)."""
    if deadline.start_date or deadline.kind == "start":
        return deadline.start_date or deadline.date
    return deadline.date[:5] + "01-01" if deadline.precision == "year" else (
        deadline.date[:8] + "01" if deadline.precision == "month" else deadline.date)


def _title_start(matches: list[re.Match]) -> int | None:
    """The first year of a period of years in the title: 三年行动实施方案(2023-2025)."""
    for match in matches:
        first, last = read_time(match)
        if match.start() > TITLE_WINDOW:
            break
        if match.group("separator") and first and last and first.month is None and last.month is None:
            return first.year
    return None


def _stated(text: str, spans: tuple[tuple[int, int], ...], context: DateContext) -> list[Deadline]:
    """Every time written in a task tag's or a table's time span: by it, during it, or from it."""
    found = []
    for start, end in spans:
        for match in TIME_EXPRESSION.finditer(text, start, end):
            first, last = read_time(match)
            ranged = match.group("separator") is not None
            if first is None or (ranged and last is None) or RECURRING.search(text, max(0, match.start() - 14),
                                                                              match.start()):
                continue
            post = POST_CUE.match(text, match.end())
            kind = "period" if ranged else "start" if _cue(post) == "start" else "by"
            first, last = with_years(first, last if ranged else first, match.start(), context)
            if first is not None and last is not None:
                stop = post.end() if post and _cue(post) in ("by", "start") else match.end()
                found.append(_record(text, match.start(), stop, first, last, kind))
    return found


def _from_time(text: str, masked: str, match: re.Match, context: DateContext) -> Deadline | None:
    """The deadline that the time expression ``match`` sets, if its context makes it one."""
    first, last = read_time(match)
    ranged = match.group("separator") is not None
    if first is None or (ranged and last is None):
        return None
    if RECURRING.search(masked, max(0, match.start() - 14), match.start()) or TIMESTAMP.match(masked, match.end()):
        return None
    if _opens_a_title(masked, match.start()):
        return None
    pre = PRE_CUE.search(masked, max(0, match.start() - 6), match.start())
    post = POST_CUE.match(masked, match.end())
    kind = _kind(masked, match, _cue(pre), _cue(post), ranged, context.reference_year)
    if kind is None:
        return None
    start = pre.start() if pre else match.start()
    end = post.end() if post and _cue(post) != "since" else match.end()
    span = SPAN_AFTER_START.match(masked, end) if kind == "start" and _cue(pre) == "since" else None
    first, last = with_years(first, last if ranged else first, match.start(), context)
    if first is None or last is None:
        return None
    if span:
        kind, end = "period", span.end()
        last = TimePoint(first.year + _count(span.group("count")) - 1, None, None)
    today = _from_today(masked, start, context) if _cue(pre) == "by" else None
    if today:
        start, first, kind = today.start(), _issue_day(context.issued), "period"
    closed = kind == "start" and PERIOD_TO.match(masked, end)  # 从2010年12月启动,到2011年5月: one period
    aimed = _cue(pre) == "by"
    ahead = aimed and pre.group().strip().startswith(AIM_WORDS)
    if not closed and not _plausible(masked, match, end, last, context.reference_year, aimed=aimed, ahead=ahead):
        return None
    return _record(text, start, end, first, last, kind)


def _opens_a_title(masked: str, position: int) -> bool:
    """Whether the time at ``position`` opens a line that is a document's or an attachment's
    title (2018年市区中职学校招生计划, 附件:1.2024—2026年某省补贴实施方案): it names, it sets nothing."""
    line_start = masked.rfind("\n", 0, position) + 1
    line_end = masked.find("\n", position)
    line = masked[line_start:len(masked) if line_end < 0 else line_end]
    label = ATTACHMENT_LABEL.match(line, len(line) - len(line.lstrip()))
    title = line[label.end():].rstrip()
    return (line_start + label.end() == position and len(title) <= MAX_TITLE_LINE and ":" not in title
            and looks_like_title(title))


def _from_today(masked: str, start: int, context: DateContext) -> re.Match | None:
    """从即日起 right before 至…: a period from the day of issue (when the document gives it)."""
    found = FROM_TODAY.search(masked, max(0, start - 6), start)
    return found if found and context.issued else None


def _issue_day(issued: str) -> TimePoint:
    day = date.fromisoformat(issued)
    return TimePoint(day.year, day.month, day.day)


def _cue(found: re.Match | None) -> str | None:
    return found.lastgroup if found else None


def _kind(masked: str, match: re.Match, pre: str | None, post: str | None, ranged: bool,
          reference_year: int | None) -> str | None:
    """by, period or start, from the cues around the expression; None when it sets nothing."""
    if pre == "baseline" or post == "since":
        return None
    if ranged:
        return "period"
    if post == "start":
        return "start"
    if post in ("by", "expiry") or pre == "by":
        return "by"
    if pre == "since":
        return "start" if LAUNCHED.match(masked, match.end()) else None  # 从2010年12月启动
    bracketed = _after_phase_name(masked, match.start())
    if bracketed and masked.startswith(")", match.end()):
        return "by"
    if bracketed and OPEN_PHASE_END.match(masked, match.end()):
        return "start"
    if PHASE_LEAD.search(masked, max(0, match.start() - 8), match.start()) or _fills_cell(masked, match):
        return "by"
    if _aims(masked, match):
        return "by"
    return "by" if _heads_plan_clause(masked, match, reference_year) else None


def _aims(masked: str, match: re.Match) -> bool:
    """A year followed by what is to be secured then (能力2021年确保达到…), or one of a list of
    dated figures (2022年70%以上、2025年80%以上…)."""
    first, _ = read_time(match)
    if first.year is None or first.month is not None or first.part or match.group("separator"):
        return False
    return bool(AIM_AFTER.match(masked, match.end())
                or DATED_LIST_BEFORE.search(masked, max(0, match.start() - 24), match.start()))


COMPLETES = re.compile(r"\s?(?:前)?(?:完成|实现|建成|启动|开工|出台|制定|形成|全面|基本|全部|竣工|投用|投入使用|上线)")


def _heads_plan_clause(masked: str, match: re.Match, reference_year: int | None) -> bool:
    """A year opening a clause that plans rather than reports: 2010年,重点解决好…"""
    first, _ = read_time(match)
    if first.year is not None and first.part and not match.group("separator") and COMPLETES.match(masked, match.end()):
        return True  # 2019年上半年完成改造, 2024年底建成: a part of a year the work is done in
    if first.year is None or first.day is not None or first.part or match.group("separator"):
        return False  # 2022年末,户籍人口… is a statistic; a plan writes 到2025年底
    if not OUTLINE_LABEL.fullmatch(masked[_clause_start(masked, match.start()):match.start()]):
        return False
    following = masked[match.end():match.end() + 8].replace(" ", "")
    if following.startswith(","):
        return following[1:2] not in "是为"
    following = following[:1]
    if not re.match(r"[\u4e00-\u9fff]", following) or following in "是为的度":
        return False
    ahead = reference_year is not None and first.year > reference_year
    behind = reference_year is not None and first.year < reference_year
    phrase = re.split(r"[,,::]", _clause_after(masked, match.end()))[0]
    return ahead or _mentions(phrase, "deadline_obligation_words") or (not behind and _sets_level(phrase))


def _sets_level(phrase: str) -> bool:
    """Whether a clause sets a level to reach: a comparator before a figure (…改造率达90%以上),
    not one about a time within the year (2021年春节期间…申报量不低于3000千瓦时)."""
    if TIME_WITHIN_YEAR.match(phrase):
        return False
    return any(FIGURE.match(phrase, found.end()) for found in comparator_words().finditer(phrase))


def _fills_cell(masked: str, match: re.Match) -> bool:
    """Whether the expression is all a cell of a task table holds (rows are ``a | b | c``):
    dated to the month, the row's only date, in a row that is not a page's own dates."""
    line_start = masked.rfind("\n", max(0, match.start() - LOOK_BACK), match.start()) + 1
    line_end = masked.find("\n", match.end(), match.end() + LOOK_BACK)
    line_end = min(len(masked), match.end() + LOOK_BACK) if line_end < 0 else line_end
    before, after = masked[line_start:match.start()].strip(" "), masked[match.end():line_end].strip(" ")
    if "|" not in before + after or METADATA_CELL.search(masked, line_start, line_end):
        return False
    if not any(cell.strip() for cell in (before + "|" + after).split("|")):
        return False  # the month labels an empty row of a form (| 4月 |  |  |)
    first, _ = read_time(match)
    if first.month is None and first.part is None or TIME_EXPRESSION.search(before + " " + after):
        return False
    return (not before or before.endswith("|")) and (not after or after.startswith("|"))


def _after_phase_name(masked: str, position: int) -> bool:
    """Whether ``position`` opens a bracket right after a name: 安排部署阶段(2023年1月)."""
    return position > 1 and masked[position - 1] == "(" and "\u4e00" <= masked[position - 2] <= "\u9fff"


def _plausible(masked: str, match: re.Match, end: int, last: TimePoint, reference_year, aimed: bool = False,
               ahead: bool = False) -> bool:
    """Not history: no past marker after it (已缴纳的税款 modifies a noun: no report; after 到, a
    total is an aim: 到2025年累计建成…; a time ``ahead`` of the document that 到 or 力争 aims at is
    never a report), and not before the document's year unless obliged."""
    clause = _clause_after(masked, end)
    if ahead and reference_year and last.year is not None and last.year >= reference_year:
        return True  # 到2025年,实现老城区和已建居住区…全覆盖: a time ahead aimed at is no report
    reported = ATTRIBUTIVE_PAST.sub("", clause)
    reported = GROWTH.sub("", CUMULATIVE.sub("", reported)) if aimed else reported
    if not _after_phase_name(masked, match.start()) and _mentions(reported, "deadline_past_markers"):
        return False
    if reference_year and last.year < reference_year:
        return _mentions(clause, "deadline_obligation_words")
    return True


def _count(numeral: str) -> int:
    return int(parse_number(numeral) or 1)


def _clause_start(masked: str, position: int) -> int:
    found = CLAUSE_START.search(masked, max(0, position - LOOK_BACK), position)
    return found.start() + 1 if found else max(0, position - LOOK_BACK)


def _clause_after(masked: str, position: int) -> str:
    found = CLAUSE_END.search(masked, position)
    return masked[position:found.start() if found else len(masked)]


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole sentence around ``text[start:end]``, its closing mark included."""
    window = max(0, start - LOOK_BACK)
    marks = [m.end() for m in SENTENCE_END.finditer(text, window, start)]
    left = marks[-1] if marks else window
    found = SENTENCE_END.search(text, end)
    right = found.start() if found else len(text)
    return left, right + (right < len(text) and text[right] != "\n")


def _record(text: str, start: int, end: int, first: TimePoint, last: TimePoint, kind: str) -> Deadline:
    left, right = _sentence_span(text, start, end)
    spanning = first == last and last.part in SPANNING_PARTS and not text[start:end].rstrip().endswith(("前", "内"))
    kind = "period" if kind == "by" and spanning else kind  # 7月上、中旬 (not 8月中下旬前)
    date = first_day(first) if kind == "start" else last_day(last)
    return Deadline(
        quote=text[start:end].strip(), sentence=text[left:right].strip(), start=start, end=end,
        date=date, start_date=first_day(first) if kind == "period" else None,
        precision=precision(first if kind == "start" else last), kind=kind)
