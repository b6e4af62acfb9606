"""Listed and tagged units: 责任单位:/牵头单位:/配合单位: lists and parenthesised assignments.

The first unit of a 责任单位 (or 实施单位) list leads and the rest support; a 牵头单位 list
leads and a 配合单位 list supports. A parenthesis or list that names the parts itself
(省商务厅牵头,省财政厅配合) is read as an assignment: who leads, who supports, who is
responsible. A tag followed by page furniture (发布日期:, 来源:) is not a list.

>>> from extractor.structure.sentences import Sentence
>>> text = "推进外贸发展(省商务厅牵头,省财政厅配合)。"
>>> [(r.unit, r.role) for r in assigned_units(text, text, Sentence(text, 0, len(text)))]
[('省商务厅', 'lead'), ('省财政厅', 'support')]
>>> from extractor.structure.tags import find_tags
>>> text = "<牵头单位:市教育局、市财政局>"
>>> [(r.unit, r.role) for r in listed_units(text, Sentence(text, 0, len(text)), find_tags(text))]
[('市教育局', 'lead'), ('市财政局', 'lead')]
"""
from __future__ import annotations

import re

from extractor.models import Responsibility
from extractor.extraction.organisations import UnitName
from extractor.extraction.unit_lists import split_unit_list
from extractor.structure.sentences import Sentence
from extractor.structure.tags import Tag

PARENTHESIS = re.compile(
    r"""\((?P<body>(?:[^()\n]|\([^()\n]{1,12}\)){2,300}?)\)   # (省商务厅牵头,省财政厅配合。以下…)
    """,
    re.VERBOSE,
)
PAREN_REACH = 300  # a tag's parenthesis may run past its sentence's 。
ASSIGNMENT = re.compile(
    r"""^(?P<list>.+?)等?                                  # the units
        (?:按照?职责分工|按照?职责|按照?分工|分工|共同|分别|具体)?  # how they share the work
        (?P<verb>牵头负责|牵头|配合|参与|协助|负责)$           # their part
    """,
    re.VERBOSE,
)
SUPPORT_VERBS = ("配合", "参与", "协助")  # (A、B负责,C配合): beside a supporting part, 负责 leads
LIST_END = re.compile(
    r"""(?<![、,])\s                                   # a space ends a listed value (…中心 2.开展…),
        (?!(?:局|委|办|厅|院|部|中心)(?:[,、;]|$))  # unless a name's ending was broken off after it (各片区管理 局)
    """,
    re.VERBOSE,
)
PAGE_FIELD = re.compile(
    r"""\s(?:发布|发文|成文)(?:日期|时间):   # 责任部门:X 发布日期:… is page furniture
      | \s(?:信息)?来源: | \s浏览次数: | \s索引号:
    """,
    re.VERBOSE,
)


def unit_record(unit: UnitName, role: str, quote: str, sentence: Sentence, offset: int) -> Responsibility:
    """The record of ``unit`` found in a span that starts at ``offset`` of the text."""
    return Responsibility(unit=unit.name, role=role, quote=quote, sentence=sentence.text,
                          start=offset + unit.start, end=offset + unit.end)


def listed_units(text: str, sentence: Sentence, tags: list[Tag], context=None) -> list[Responsibility]:
    """Units of the task tags (责任单位:/牵头单位:/配合单位: lists) found in ``sentence``;
    ``context`` gives the sentence a tag's records quote (default: ``sentence``)."""
    found = []
    for tag in tags:
        if tag.role == "deadline" or not sentence.start <= tag.tag_start < sentence.end:
            continue
        body = LIST_END.split(tag.value)[0]
        if PAGE_FIELD.search(text, tag.start, sentence.end):
            continue
        quote = text[tag.tag_start:tag.end]
        quoted = context(tag) if context else sentence
        if re.search("牵头|配合|负责", body):
            found += assignment(body, tag.start, quote, quoted)
            continue
        for i, unit in enumerate(split_unit_list(body, listed=True) or []):
            role = ("lead" if i == 0 else "support") if tag.role == "first" else tag.role
            found.append(unit_record(unit, role, quote, quoted, tag.start))
    return found


def assigned_units(masked: str, text: str, sentence: Sentence) -> list[Responsibility]:
    """Units of parenthesised assignments: (省商务厅牵头,省发展改革委等按职责分工负责)."""
    found = []
    for paren in PARENTHESIS.finditer(masked, sentence.start, min(len(masked), sentence.end + PAREN_REACH)):
        if paren.start() >= sentence.end:
            break
        body = text[paren.start("body"):paren.end("body")]
        quoted = Sentence(text[sentence.start:max(sentence.end, paren.end())], sentence.start,
                          max(sentence.end, paren.end()))
        found += assignment(body, paren.start("body"), paren.group(), quoted)
    return found


def assignment(body: str, at: int, quote: str, sentence: Sentence) -> list[Responsibility]:
    """``X牵头,Y、Z配合``: who leads, who supports. A list that is only responsible
    (``A、B等按职责分工负责``) reads as a 责任单位 list: A leads, the others support; beside a
    supporting part (``A、B负责,C配合``) every responsible unit leads.

    >>> text = "(省商务厅、省财政厅等按职责分工负责)"
    >>> [(r.unit, r.role) for r in assignment(text[1:-1], 1, text, Sentence(text, 0, len(text)))]
    [('省商务厅', 'lead'), ('省财政厅', 'support')]
    >>> text = "(区资源生态局、区农业农村局,平潭海关等按职责分工负责)"
    >>> [(r.unit, r.role) for r in assignment(text[1:-1], 1, text, Sentence(text, 0, len(text)))]
    [('区资源生态局', 'lead'), ('区农业农村局', 'support'), ('平潭海关', 'support')]
    """
    found, offset, led, pending = [], at, False, []
    parts = re.split(r"([,;。])", body)
    supported = any(m and m.group("verb") in SUPPORT_VERBS for m in map(ASSIGNMENT.match, map(str.strip, parts)))
    for part in parts:
        stripped = part.strip()
        match = ASSIGNMENT.match(stripped)
        units = match and split_unit_list(match.group("list"), listed=True)
        if units:
            verb = match.group("verb")
            listed = pending + [(u, offset + part.index(match.group("list")[0])) for u in units]
            roles = _roles("牵头" if verb == "负责" and supported and not led else verb, led, len(listed))
            led = led or "lead" in roles
            found += [unit_record(u, role, quote, sentence, start) for (u, start), role in zip(listed, roles)]
            pending = []
        elif stripped != ",":  # (A、B,C等按职责分工负责): units before a comma share the part after it
            bare = stripped and split_unit_list(stripped, listed=True, strict=True)
            pending = pending + [(u, offset + part.index(stripped[0])) for u in bare] if bare else []
        offset += len(part)
    return found


def _roles(verb: str, led: bool, count: int) -> list[str]:
    """The roles of ``count`` units given ``verb``: 牵头 leads, 配合/参与/协助 support, and 负责
    after a leader supports; a list that is only 负责 leads with its first unit."""
    if verb.startswith("牵头"):
        return ["lead"] * count
    if led or verb != "负责":
        return ["support"] * count
    return ["lead"] + ["support"] * (count - 1)
