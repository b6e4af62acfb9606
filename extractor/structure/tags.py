"""Task tags: ``label:value`` segments that say who carries a task out and by when.

A tag stands in brackets after a task (``(牵头单位:县发展改革局;配合单位:县财政局)``,
``(2024年9月底前完成,责任单位:县卫健局)``) or trails it (``责任单位:县教育局 完成时限:2023年底``).
One grammar reads them all, over one label lexicon (``data/task_labels.txt``): a label is a role
word and a head noun (牵头+单位, 主责+部门, 协办+单位 …) or a time label (完成时限, 时间节点 …),
then a colon and the value; a bracketed group may also hold an unlabelled time (2024年9月底前完成).
Table headers use the same lexicon (:func:`label_role`).

>>> [(t.role, t.value) for t in find_tags("推进改革。(牵头单位:县发改局;配合单位:县财政局、县自然资源局)")]
[('lead', '县发改局'), ('support', '县财政局、县自然资源局')]
>>> [(t.role, t.value) for t in find_tags("建成平台(2024年9月底前完成,主责单位:县卫健局)")]
[('deadline', '2024年9月底前完成'), ('lead', '县卫健局')]
>>> [(t.role, t.value) for t in find_tags("责任单位:各县(市、区)人民政府,县教育局 完成时限:长期坚持")]
[('first', '各县(市、区)人民政府,县教育局'), ('deadline', '长期坚持')]
>>> [(t.role, t.value) for t in find_tags("(牵头责任单位:区人社局;责任单位:区财政局、区税务局)")]
[('lead', '区人社局'), ('support', '区财政局、区税务局')]
>>> label_role("协办部门"), label_role("时间节点"), label_role("单位")
('support', 'deadline', None)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from extractor.extraction.dates import TIME_EXPRESSION
from extractor.lexicon import rows
from extractor.structure.labels import PATTERNS

TagRole = Literal["lead", "support", "first", "deadline"]
CLOSING = ")]】>"
OPENING = "([【<"
MAX_BARE_TIME = 24  # an unlabelled piece of a bracketed tag longer than this is no time
PIECE_SEPARATOR = re.compile(r"[,;]")
BARE_LIST = re.compile(r"(?<=[。;])\s?\((?P<value>[^()]{2,80})\)")  # 。(基教处、教科院): units with no label
LIST_MARK = re.compile(r"[、,]")
LINE_CLOSE = re.compile(r"[ \t'\"”]*(?:\n|$)")  # nothing more on the line
RUN_ON_LABELS = ("arabic", "cn")  # item labels a page that lost its line breaks runs into a tag
RUN_ON_LABEL_STARTS = "0123456789一二三四五六七八九十"


@dataclass(frozen=True)
class Tag:
    """One ``label:value`` segment (or an unlabelled time in a tag); offsets index the text."""

    role: TagRole
    label: str
    value: str
    start: int  # of the value
    end: int
    tag_start: int  # of the whole segment, its label included
    tag_end: int


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, TagRole], tuple[str, ...], dict[str, TagRole]]:
    """Role words and their roles, head nouns (longest first), and the labels complete in themselves."""
    entries = rows("task_labels.txt")
    roles = {word: role[0] for word, kind, *role in entries if kind == "role"}
    heads = tuple(sorted((word for word, kind, *_ in entries if kind == "head"), key=len, reverse=True))
    labels = {word: role[0] for word, kind, *role in entries if kind == "label"}
    return roles, heads, labels | {"责任主体": "first"}


def _spaced(words) -> str:
    """An alternation of ``words`` (longest first) that allows spaces between characters."""
    return "|".join(r"\s*".join(map(re.escape, w)) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _label_pattern() -> re.Pattern:
    roles, heads, labels = _lexicon()
    return re.compile(
        rf"""(?P<label>(?:{_spaced(roles)})(?:\s*(?:{_spaced(roles)}))?  # one or two role words
                       \s*(?:{_spaced(heads)})                          # and a head noun
                     | {_spaced(labels)})                               # or a label of its own
            \s*:\s*                                                     # then its colon
        """,
        re.VERBOSE,
    )


def label_role(label: str) -> TagRole | None:
    """The role a label (or a table header) names: lead, support, first or deadline. Of two
    role words the more specific one wins over 责任 (牵头责任单位 leads, 配合责任单位 supports)."""
    roles, heads, labels = _lexicon()
    name = "".join(label.split())
    if name in labels:
        return labels[name]
    head = next((h for h in heads if name.endswith(h)), None)
    words = _role_words(name[:len(name) - len(head)], roles) if head else None
    if not words:
        return None
    specific = [roles[w] for w in words if roles[w] != "first"]
    return specific[0] if specific else "first"


def _role_words(prefix: str, roles: dict[str, TagRole]) -> list[str] | None:
    """``prefix`` read as one or two role words, or None."""
    if prefix in roles:
        return [prefix]
    cuts = [(prefix[:cut], prefix[cut:]) for cut in range(1, len(prefix))]
    return next(([a, b] for a, b in cuts if a in roles and b in roles), None)


def find_tags(text: str, start: int = 0, end: int | None = None) -> list[Tag]:
    """The task tags of ``text[start:end]``, in order."""
    end = len(text) if end is None else end
    labels = list(_label_pattern().finditer(text, start, end))
    tags: list[Tag] = []
    for index, label in enumerate(labels):
        stop = _value_end(text, label.end(), end)
        if index + 1 < len(labels):
            stop = min(stop, labels[index + 1].start())
        tags += _bare_times_before(text, label, tags, start)
        tags += _segment(text, label, stop)
    tags = sorted(tags + _bare_unit_lists(text, start, end, tags), key=lambda tag: tag.tag_start)
    return _after_leads(text, tags)


def _bare_unit_lists(text: str, start: int, end: int, tags: list[Tag]) -> list[Tag]:
    """A bracket after a task's full stop that holds nothing but bodies is its list of
    responsible units, with no label: 加强课程建设。(基教处、装备信息中心、教科院、各区市).

    >>> [(tag.role, tag.value) for tag in find_tags("完善课程体系。(装备信息中心、教科院)推进…")]
    [('first', '装备信息中心、教科院')]
    >>> find_tags("完善课程体系。(以下简称体系)"), find_tags("起到积极作用。(某县信息中心)")
    ([], [])
    """
    from extractor.extraction.organisations import is_member
    from extractor.extraction.unit_lists import split_unit_list

    found = []
    for bracket in BARE_LIST.finditer(text, start, end):
        value = bracket.group("value")
        units = split_unit_list(value, strict=True)
        members = [piece for piece in LIST_MARK.split(value) if piece]
        byline = len(units or ()) == 1 and LINE_CLOSE.match(text, bracket.end()) is not None  # (某县信息中心) closing an article
        if (units and not byline and all(is_member(piece) for piece in members)
                and not any(tag.tag_start <= bracket.start("value") < tag.tag_end for tag in tags)):
            found.append(Tag("first", "", value, bracket.start("value"), bracket.end("value"),
                             bracket.start("value"), bracket.end("value")))
    return found


def _after_leads(text: str, tags: list[Tag]) -> list[Tag]:
    """A 责任单位 list after a 牵头单位 list of the same tag supports it: all its units support."""
    found = []
    for tag in tags:
        led = found and found[-1].role == "lead" and _same_group(text, found[-1], tag)
        found.append(replace(tag, role="support") if led and tag.role == "first" else tag)
    return found


def _same_group(text: str, earlier: Tag, later: Tag) -> bool:
    """Whether two tags stand together: only separators and spaces between them."""
    return not text[earlier.end:later.tag_start].strip(" ,;、")


def _segment(text: str, label: re.Match, stop: int) -> list[Tag]:
    """The tag a label opens, and any unlabelled time that trails its value (…,2024年底前完成)."""
    value_start, value = label.end(), text[label.end():stop]
    role = label_role(label.group("label"))
    pieces = [(m.start(), m.end()) for m in PIECE_SEPARATOR.finditer(value)]
    times = []
    while pieces and role != "deadline" and _is_bare_time(value[pieces[-1][1]:].strip()):
        cut = pieces.pop()
        times.insert(0, _tag(text, "deadline", "", value_start + cut[1], value_start + len(value)))
        value = value[:cut[0]]
    found = [_tag(text, role, label.group("label"), value_start, value_start + len(value), label.start())]
    return [tag for tag in found + times if tag.value]


def _bare_times_before(text: str, label: re.Match, tags: list[Tag], floor: int) -> list[Tag]:
    """Unlabelled times between a tag's opening bracket and its first label: (2024年底前完成,责任单位:…)."""
    floor = max(floor, label.start() - MAX_BARE_TIME * 3, tags[-1].tag_end if tags else floor)
    opening = max(text.rfind(mark, floor, label.start()) for mark in OPENING)
    if opening < floor or "\n" in text[opening:label.start()]:
        return []
    found, at = [], opening + 1
    for piece in PIECE_SEPARATOR.split(text[opening + 1:label.start()]):
        if _is_bare_time(piece.strip()):
            lead = len(piece) - len(piece.lstrip())
            found.append(_tag(text, "deadline", "", at + lead, at + lead + len(piece.strip())))
        at += len(piece) + 1
    return found


def _is_bare_time(piece: str) -> bool:
    found = TIME_EXPRESSION.search(piece)
    return bool(found) and len(piece) <= MAX_BARE_TIME and not _label_pattern().search(piece)


def _value_end(text: str, start: int, end: int) -> int:
    """Where a value ends: a closing bracket of its tag, 。, a line end, a wide space or the next
    item's label run into it (…,各区属国企18.强化风险防控); a short bracket inside a name
    (各县(市、区)) does not end it.

    >>> text = "责任单位:区国资局,各区属国企18.强化风险防控。"
    >>> text[5:_value_end(text, 5, len(text))]
    '区国资局,各区属国企'
    """
    depth, at = 0, start
    while at < end:
        char = text[at]
        if char in OPENING:
            depth += 1
        elif char in CLOSING:
            if depth == 0:
                return at
            depth -= 1
        elif char in "。\n" or text.startswith("  ", at) or _next_label_at(text, at, start):
            return at
        at += 1
    return end


def _next_label_at(text: str, at: int, start: int) -> bool:
    """Whether an item label run into the text (国企18.强化) begins at ``at``."""
    return (at > start and "\u4e00" <= text[at - 1] <= "\u9fff" and text[at] in RUN_ON_LABEL_STARTS
            and any(PATTERNS[family].match(text, at) for family in RUN_ON_LABELS))


def _tag(text: str, role: TagRole, label: str, start: int, end: int, tag_start: int | None = None) -> Tag:
    value = text[start:end]
    stripped = value.strip(" ,;、")
    lead = len(value) - len(value.lstrip(" ,;、"))
    start += lead
    end = start + len(stripped)
    return Tag(role, "".join(label.split()), stripped, start, end,
               start if tag_start is None else tag_start, end)
