"""What a target measures: a short noun phrase in the document's own words.

``before`` is the clause text ahead of the number (up to its comparator word), ``after`` the
text behind the unit. A plain quota (培养30名专家型校长) names its object after the number.

>>> indicator_of("确保特殊教育学校生均公用经费", "。")
('特殊教育学校生均公用经费', 2, 0)
>>> indicator_of("实施专家型校长工程,培养", "专家型校长,")
('培养专家型校长', 10, 5)
>>> split_subjects("小学、初中所有班级学生数", 2)
['小学所有班级学生数', '初中所有班级学生数']
>>> subject_count("城乡居民人均可支配收入")
2
>>> split_subjects("城乡居民人均可支配收入", 2)
['城镇居民人均可支配收入', '农村居民人均可支配收入']
"""
from __future__ import annotations

import re

LEADING_FILLER = re.compile(
    r"""^(?:[,;:、,;:\s]
        |(?:到|至|在)?(?:\d{4}|[〇一二三四五六七八九O○]{4})年(?:底|末|前|内)?(?:前)?  # 到2025年底
        |今年|明年|年内|其中|同时|并且|并|要|应当|应|须|必须|将|力争|努力|争取|确保|保证
        |原则上|进一步|切实|全面|积极|重点|逐步|基本|使|推动|实现
        |第[一二三四五六七八九十百零〇\d]+条\s*                                   # 第十二条: an article label
        )+""",
    re.VERBOSE,
)
TRAILING_PARTICLE = re.compile(r"(?:的|为|是|按照|按|达|在|分别|均|都|要|应|须|应当|必须|原则上|一般|总数)+$")
NOUN_END = re.compile(r"[,;:。、()(),;:!?]|的(?!比例)")
LAST_CLAUSE = re.compile(r"[^,;:,;:]*$")
MAX_INDICATOR = 40
MAX_NOUN = 16
COMPOUND_SUBJECTS = {"城乡": ("城镇", "农村"), "中小学": ("中学", "小学"), "市县": ("市", "县"),
                     "省市": ("省", "市"), "县乡": ("县", "乡"), "市区": ("市", "区")}


def strip_filler(text: str) -> str:
    """``text`` without the adverbs and dates that open a clause (确保, 到2025年, 力争)."""
    lead = LEADING_FILLER.match(text)
    return text[lead.end():] if lead else text


def _noun_after(after: str) -> str:
    after = after.lstrip("的")
    end = NOUN_END.search(after)
    return after[: min(end.start() if end else len(after), MAX_NOUN)]


def indicator_of(before: str, after: str) -> tuple[str, int, int]:
    """The indicator, where it starts in ``before``, and how much of ``after`` it takes."""
    clause = LAST_CLAUSE.search(before).group()
    offset = len(before) - len(clause)
    lead = LEADING_FILLER.match(clause)
    skip = lead.end() if lead else 0
    head = TRAILING_PARTICLE.sub("", clause[skip:])
    noun = _noun_after(after)
    if len(head) <= 4 and noun:  # 培养30名专家型校长: the object follows the number
        return head + noun, offset + skip, len(after) - len(after.lstrip("的")) + len(noun)
    if not head:
        return noun, offset + skip, len(noun)
    return head[-MAX_INDICATOR:], offset + skip + max(0, len(head) - MAX_INDICATOR), 0


def subject_count(subject: str) -> int:
    """How many subjects a 分别 subject names: 小学、初中 -> 2, 城乡 -> 2."""
    items = subject.split("、")
    if len(items) > 1:
        return len(items)
    return next((len(parts) for compound, parts in COMPOUND_SUBJECTS.items() if compound in subject), 1)


SUBJECT_JOINER = re.compile(r"、|和|及|与")


def split_subjects(subject: str, count: int) -> list[str]:
    """A 分别 subject split into ``count`` subjects: 小学、初中…学生数 -> 小学…, 初中…."""
    items = [item.strip() for item in subject.split("、")]
    if len(items) != count:
        items = [item.strip() for item in SUBJECT_JOINER.split(subject)]
    if len(items) == count and count > 1:
        first, last = items[0], items[-1]
        tail = last[len(first):] if len(last) > len(first) else ""
        return [item + tail for item in items[:-1]] + [last]
    for compound, parts in COMPOUND_SUBJECTS.items():
        at = subject.find(compound)
        if at >= 0 and len(parts) == count:
            return [subject[:at] + part + subject[at + len(compound):] for part in parts]
    return [subject] * count
