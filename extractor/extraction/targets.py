"""Numeric targets: indicator, comparator, value, unit, deadline; reported figures as facts.

Every quantity (number + unit, ``units.find_quantities``) of every sentence is judged in its
clause (``targets_rules``): dates, names and conditions are dropped; a comparator word
(不低于, 以上, 左右 …) or a plain quota (培养30名, 每年一次, 60%用于) makes a requirement.
Requirements in a review of the past are kind ``fact`` (``targets_context``).

>>> [(t.indicator, t.comparator, t.value, t.unit) for t in extract_targets(
...     "确保小学、初中所有班级学生数分别不超过45人、50人。")]
[('小学所有班级学生数', '<=', 45.0, '人'), ('初中所有班级学生数', '<=', 50.0, '人')]
>>> t = extract_targets("到2025年,全市新增约2.5万个学前教育公办学位。")[0]
>>> (t.quote, t.comparator, t.value, t.unit, t.deadline)
('全市新增约2.5万个学前教育公办学位', 'approx', 25000.0, '个', '2025-12-31')
>>> [t.kind for t in extract_targets("过去的一年,全年新增就业6435人,增长8%。")]
['fact', 'fact']
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from extractor.extraction.deadlines import extract_deadlines
from extractor.structure.masking import mask_references
from extractor.models import Deadline, Target
from extractor.structure.sentences import Sentence, split_sentences
from extractor.extraction.targets_context import TextContext, is_reported, plans
from extractor.extraction.targets_indicator import indicator_of, split_subjects, strip_filler, subject_count
from extractor.extraction.targets_rules import (after_comparator, comparator_of, grants_permission, is_excluded, is_interval,
                                               is_requirement, quota_verb_touches, sets_new_value, PERMITTED_RAISE, TIME_UNITS)
from extractor.extraction.quantities import Quantity, find_quantities, find_ratio_values
from extractor.lexicon import CLAUSE_MARKS, SENTENCE_MARKS

CLAUSE_BREAK = re.compile(f"[{CLAUSE_MARKS}{SENTENCE_MARKS}|]")  # a table cell ends a clause too
SETS_VALUE = re.compile(r"[\u4e00-\u9fff]为")  # 价格为…: a clause that sets what a value is
MAX_CLAUSE = 300  # characters: a longer stretch without a break is read in windows, never whole
LIST_GAP = re.compile(
    r"""^(?:/[^、,;:。/]{1,3})*(?:以上|以下|左右)?(?:[、和及与]|以及)[^,;:,;:。]{0,16}$  # 4.2人以上、初中5.3人; 5000元/月、…
      | ^[^,;:,;:。]{0,16}[、和及与]$                           # 20名卓越校长培养对象、200名
    """,
    re.VERBOSE,
)
LIST_JOINT = re.compile(r"(?:/[^、,;:。/]{1,3})*(?:以上|以下|左右)?(?:[、和及与]|以及)")  # /月、 between items
BARE_RUN = re.compile(r"(?<=[\u4e00-\u9fff])(?:\d+(?:\.\d+)?、)+$")  # the 60、 of 60、80天: numbers sharing the next unit
BARE_NUMBER = re.compile(r"\d+(?:\.\d+)?")
HAN = re.compile(r"[\u4e00-\u9fff]")
BREAKDOWN = re.compile(r"(?:其中(?:含|包括)?|含|包括)(?=[\u4e00-\u9fff“”]{0,12}$)")  # (其中旧城区7座, 含景区公厕14座): a share
BARE_HEAD = re.compile(
    r"""(?!.*[可仅只须应要])       # no modal: 每人仅可申请一次 is a permission
        [\u4e00-\u9fff“”]{2,12}   # a clause that is only a noun before its figure: 特色道路10条
    """,
    re.VERBOSE,
)
NUMERAL = re.compile(r"[\d一二两三四五六七八九十百千半]")  # a sentence without one sets no target
BY_YEAR = re.compile(
    r"""(?:到|至)(\d{4})年(?:底|末)?       # 到2025年, 到2025年底
      | (\d{4})年(?:底|末)?(?:前|以前)     # 2025年前, 2020年底前
    """,
    re.VERBOSE,
)
# 地区生产总值增长 -> 地区生产总值: the measure a bare 达到… in the next clause refers to
CHANGE_WORD = re.compile(r"(?:年均|同比|比上年)?(?:增长|增加|提高|下降|降低)$")
EXPLICIT = (">=", "<=", ">", "<", "range", "approx")
HEDGED = ("approx", "range")


@dataclass(frozen=True)
class Found:
    """A quantity judged a requirement, with what its clause says about it."""

    quantity: Quantity
    comparator: str
    indicator: str
    start: int  # in the sentence
    end: int
    group: int  # quantities of one list (45人、50人) share a group
    respectively: str | None  # the subject before 分别, if any


def _clause_start(text: str, offset: int) -> int:
    """Where the clause holding ``offset`` starts (a clause is read at most ``MAX_CLAUSE`` back)."""
    low = max(0, offset - MAX_CLAUSE)
    last = None
    for last in CLAUSE_BREAK.finditer(text, low, offset):
        pass
    return last.end() if last else low


def _clause_end(text: str, offset: int) -> int:
    """Where the clause holding ``offset`` ends (at most ``MAX_CLAUSE`` on)."""
    match = CLAUSE_BREAK.search(text, offset, offset + MAX_CLAUSE)
    return match.start() if match else min(len(text), offset + MAX_CLAUSE)


def _bare_list_items(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """``60、80天``: the bare 60 takes the unit of 80天, and its multiplier (10、20万元: 100000 元)."""
    extra = []
    for quantity in quantities:
        run = BARE_RUN.search(text, max(0, quantity.start - 30), quantity.start)
        if not run:
            continue
        written = BARE_NUMBER.match(quantity.text)
        offset, shared = run.start(), quantity.text[written.end():] if written else ""  # 万元 of 30万元
        for item in BARE_NUMBER.finditer(run.group()):
            value = find_quantities(item.group() + shared)
            extra.append(Quantity(item.group(), offset + item.start(), offset + item.end(),
                                  value[0].value if value else float(item.group()), None, quantity.unit, False, False))
    return sorted(quantities + extra, key=lambda q: q.start)


def _comparator(text: str, quantity: Quantity, before: str, after: str, continues: Found | None,
                after_quota: bool = False, first: bool = False) -> tuple[str, int | None] | None:
    """The comparator (and where its word starts) if ``quantity`` states a requirement; ``after_quota``
    (an earlier plain quota in the sentence), the ``first`` figure of a bare clause (特色道路10条 after
    新增…30个;) or a share of it (其中旧城区7座) shares that quota."""
    clause = text[_clause_start(text, quantity.start):quantity.start]
    if (is_excluded(before, quantity.text, quantity.unit, after, clause)
            or grants_permission(text[quantity.end:quantity.end + MAX_CLAUSE]) or _stands_alone(text, quantity)):
        return None
    if quantity.unit == "年" and quantity.value >= 1900:
        return None  # a year
    comparator, at = comparator_of(before, after, ranged=quantity.value_max is not None,
                                   more=quantity.more)
    if continues and comparator == "=":
        comparator = continues.comparator  # 不超过45人、50人
    if sets_new_value(before) and not after_comparator(after):
        comparator, at = "=", None  # 从19%降低到16%: the rate is set to 16%
    if comparator == ">=" and PERMITTED_RAISE.search(before):
        comparator = "<="  # 比例可提高至35%: it may be raised that far, no further
    if quantity.unit in TIME_UNITS and is_interval(before, after):
        comparator, at = "=", None  # 超过设计使用年限后每5年进行一次: the interval, whatever came before
    if comparator in EXPLICIT or continues or _plain_requirement(text, quantity, before, after):
        return comparator, at
    share = BREAKDOWN.search(before) if after_quota else None
    head = before[share.end():] if share else before  # (其中旧城区)7座: a share of the quota before it
    bare = BARE_HEAD.fullmatch(head) or (share and not head)  # 其中含1个示范村: the noun comes after
    if after_quota and (first or share) and comparator == "=" and bare and quantity.unit not in TIME_UNITS:
        return comparator, at
    return None


def _judge(text: str, quantity: Quantity, window: int, previous: Found | None,
           group: int, after_quota: bool = False, first: bool = False) -> Found | None:
    """The requirement ``quantity`` states, or None."""
    before, after = text[window:quantity.start], text[quantity.end:_clause_end(text, quantity.end)]
    gap = text[previous.quantity.end:quantity.start] if previous else ""
    continues = previous if previous and LIST_GAP.match(gap) else None
    judged = _comparator(text, quantity, before, after, continues, after_quota, first)
    if judged is None:
        return None
    comparator, at = judged
    post = after_comparator(after)
    end = quantity.end + (post[1] if post else 0)
    head = before[:at] if at is not None else before
    respectively = continues.respectively if continues else _respectively(head)
    indicator, lead, taken = indicator_of(head.split("分别")[0] if respectively else head,
                                          text[end:quantity.end + len(after)], quantity.unit)
    if not indicator and previous:
        indicator = CHANGE_WORD.sub("", previous.indicator)  # 增长7.5%,达到326.4亿元: the same measure
    indicator = _setting_restated(text, quantity, before) or indicator  # …价格为…,即210.35元: that 价格
    return Found(quantity, comparator, indicator, window + lead, end + taken,
                 continues.group if continues else group, respectively)


def _stands_alone(text: str, quantity: Quantity) -> bool:
    """A figure with no words around it in its table cell or line (``-0.97%``, ``1571.9点``):
    a value of a table the reader did not understand, not a requirement."""
    low, high = max(0, quantity.start - MAX_CLAUSE), min(len(text), quantity.end + MAX_CLAUSE)
    left = text.rfind("|", low, quantity.start) + 1 or low
    right = text.find("|", quantity.end, high)
    around = text[left:quantity.start] + text[quantity.end:right if right >= 0 else high]
    return not HAN.search(around)


def _setting_restated(text: str, quantity: Quantity, before: str) -> str | None:
    """即210.35元 after a clause that sets a value (…价格为基准价×(w1-1),即210.35元): the figure
    that clause works out to. The words before its 为 name it (峰段上浮价格); None when the
    figure restates no setting."""
    if before.strip(" ") != "即":
        return None
    start = _clause_start(text, quantity.start) - 1
    clause = text[_clause_start(text, max(0, start)):start]
    found = SETS_VALUE.search(clause)
    return clause[:found.start() + 1].strip() if found else None


def _plain_requirement(text: str, quantity: Quantity, before: str, after: str) -> bool:
    if _setting_restated(text, quantity, before) is not None:
        return True
    if quantity.chinese and quantity.value == 1 and quantity.unit == "支":
        return False  # 建设一支高素质教师队伍: a figure of speech
    if quantity.chinese and quantity.unit not in ("次", "届", "年", "%"):
        return quota_verb_touches(before)
    return is_requirement(before, quantity.unit, after, text[max(0, quantity.start - MAX_CLAUSE):quantity.start],
                          text[quantity.end:quantity.end + MAX_CLAUSE])


def _respectively(head: str) -> str | None:
    if "分别" not in head:
        return None
    subject, _, rest = head.rpartition("分别")
    if any(ch.isdigit() for ch in rest):
        return None  # 分别…达到10其中…40%: the list was left behind
    return strip_filler(re.split(r"[,;:,;:]", subject)[-1])


def _sentence_found(text: str) -> list[Found]:
    found: list[Found] = []
    quantities = _bare_list_items(text, find_quantities(text))
    taken = [(q.start, q.end) for q in quantities]
    quantities = sorted(quantities + [q for q in find_ratio_values(text)
                                      if not any(a < q.end and q.start < b for a, b in taken)], key=lambda q: q.start)
    for number, quantity in enumerate(quantities):
        clause_start = _clause_start(text, quantity.start)
        previous = found[-1] if found and found[-1].quantity.end >= clause_start - 1 else None
        window = max(clause_start, previous.quantity.end) if previous else clause_start
        joint = LIST_JOINT.match(text, window) if previous else None
        window = joint.end() if joint else window  # 5000元/月、2型…: the next item starts after 、
        first = not previous or previous.quantity.end < clause_start  # the clause's first figure
        after_quota = any(f.comparator == "=" for f in found)  # an earlier plain quota of the sentence
        judged = _judge(text, quantity, window, previous, number, after_quota, first)
        if judged:
            found.append(judged)
    return found


def _spread_respectively(found: list[Found]) -> list[tuple[Found, str]]:
    """Each found quantity with its indicator; a 分别 list pairs subjects with values."""
    paired = []
    groups: dict[int, list[Found]] = {}
    for item in found:
        groups.setdefault(item.group, []).append(item)
    for members in groups.values():
        subject = members[0].respectively
        if subject and len(members) > 1:
            names = split_subjects(subject, len(members))
            tails = [m.indicator[len(subject):] if m.indicator.startswith(subject) else "" for m in members]
            paired += [(m, name + tail) for m, name, tail in zip(members, names, tails)]
        elif subject and subject_count(subject) > 1:
            names = split_subjects(subject, subject_count(subject))
            rest = members[0].indicator[len(subject):] if members[0].indicator.startswith(subject) else ""
            paired += [(members[0], name + rest) for name in names]
        else:
            paired += [(m, m.indicator) for m in members]
    return paired


def _sentence_deadlines(deadlines: list[Deadline], starts: list[int], sentence: Sentence) -> list[Deadline]:
    """The dates inside ``sentence`` by which it asks something to be done."""
    index, found = bisect.bisect_left(starts, sentence.start), []
    while index < len(deadlines) and deadlines[index].start < sentence.end:
        found += [deadlines[index]] if deadlines[index].kind in ("by", "period") else []
        index += 1
    return found


def _deadline_of(dated: list[Deadline], at: int) -> str | None:
    """The date a figure at ``at`` is due by: the nearest one before it in its sentence, else the
    sentence's only one (上半年完成10%,下半年完成20%: each half its own figure)."""
    before = [d for d in dated if d.start < at]
    if before:
        return before[-1].date
    return dated[0].date if len(dated) == 1 else None


@dataclass(frozen=True)
class SentenceMood:
    """What a whole sentence says about its figures, read once: its section, whether it dates an
    aim (到2025年) and whether it reports as a whole."""

    section: str
    dated_aim: bool
    reported: bool


def _mood(context: TextContext, sentence: Sentence) -> SentenceMood:
    section = context.section(sentence.start)
    return SentenceMood(section, bool(BY_YEAR.search(sentence.text)), is_reported(sentence.text, section))


def _kind(mood: SentenceMood, text: str, item: Found) -> str:
    clause = text[_clause_start(text, item.quantity.start):_clause_end(text, item.quantity.end)]
    section = mood.section
    if section == "neutral" and (item.comparator in HEDGED or mood.dated_aim):
        section = "plan"  # 增长7%左右, 到2025年…: aims, even beside 比上年
    if is_reported(clause, section):
        return "fact"
    if section == "neutral" and item.comparator == "=" and mood.reported:
        return "fact"  # 2019年全市完成投资50亿元,同比增长8%: the sentence reports
    return "target"


def extract_targets(text: str, *, masked: str | None = None, sentences: tuple[Sentence, ...] | None = None,
                    deadlines: list[Deadline] | None = None, genre: str | None = None) -> list[Target]:
    """Targets (and reported facts) in ``text``; offsets index ``text``. A target's ``deadline``
    is the by/period deadline of its sentence nearest before it (``deadlines``: those found in
    ``text``). A plan's or a rule's ``genre`` (方案, 办法 …) makes its text a plan unless it
    reads as a report."""
    masked = mask_references(text) if masked is None else masked
    sentences = split_sentences(masked) if sentences is None else sentences
    deadlines = sorted(extract_deadlines(text, masked=masked) if deadlines is None else deadlines,
                       key=lambda d: d.start)
    starts = [d.start for d in deadlines]
    context = TextContext(masked, planning=plans(genre))
    targets = []
    for sentence in sentences:
        if not NUMERAL.search(sentence.text):
            continue
        original = text[sentence.start:sentence.end]
        dated = _sentence_deadlines(deadlines, starts, sentence)
        found = _spread_respectively(_sentence_found(sentence.text))
        mood = _mood(context, sentence) if found else None
        for item, indicator in found:
            quantity = item.quantity
            targets.append(Target(
                quote=original[item.start:item.end], sentence=original,
                start=sentence.start + item.start, end=sentence.start + item.end,
                indicator=indicator, comparator=item.comparator, value=quantity.value,
                value_max=quantity.value_max, unit=quantity.unit,
                deadline=_deadline_of(dated, sentence.start + quantity.start),
                kind=_kind(mood, sentence.text, item)))
    return targets
