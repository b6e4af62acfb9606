"""The outline of a policy document and its measures (the leaves).

Label candidates (:mod:`extractor.structure.labels`) become outline items only when their
numbering is consistent: a sibling continues its list (1 after 2 is refused), a new list starts
at 1 (or continues the numbering of the list closed before it, as plans numbered 1-21 across
sections do), and a list needs a second item. A list that restarts at 1 on a new line
counts as a new list (pages that lost the headings between lists). A label run into the middle of a line opens a
new list only right after a heading that has no sentence end yet (``(三)加强建设1.提高…``).
An unnumbered note heading (``注释:``) closes the open items: its numbered notes are no
items, and the outline resumes only with a label that continues an open list.

>>> text = "一、目标\\n到2025年达标。\\n二、任务\\n(一)加强领导,强化责任。要落实。\\n(二)加大投入。一是增投入,二是…\\n"
>>> [(m.label, m.title, m.path) for m in parse_outline(text)]
[('一、', '目标', ()), ('(一)', '加强领导,强化责任', ('二、任务',)), ('(二)', '加大投入', ('二、任务',))]
>>> parse_outline(text)[1].text
'加强领导,强化责任。要落实。'
>>> [m.label for m in parse_outline("制定本方案。一,总体要求1.加强队伍。2 .增加学位。二、工作措施(一)压实责任3 .理顺体制。")]
['1.', '2.', '3.']
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from extractor.models import Measure
from extractor.structure.bounds import body_end, note_starts
from extractor.structure.labels import RANK, Candidate, find_candidates
from extractor.lexicon import CLAUSE_MARKS, SENTENCE_MARKS

MAX_PASSES = 12  # rounds of dropping single-item lists
MAX_HEADING = 40  # a first sentence longer than this is body text, not a heading phrase
MAX_RUN_ON_HEADING = 60  # a heading that a run-in sub-list may follow has at most this length
RUN_IN_SIBLINGS = {"paren_cn", "arabic", "paren_arabic", "bare"}  # may follow a sibling mid-line
SENTENCE_END = re.compile(f"[{SENTENCE_MARKS};]")  # a heading phrase ends at its 。 or ;
CLAUSE_END = re.compile(f"[{SENTENCE_MARKS}{CLAUSE_MARKS}]")
LEADERS = re.compile(r"[.…·．]{6,}")  # the dots that lead a contents line to its page number
CONTENTS_TAIL = re.compile(r"[\s.…·．\-—\d]*")  # what follows a contents entry: leaders, page numbers
CONTENTS_LINE = re.compile(r"[.…·．]{6,}\s*[-—]?\s*\d{1,3}\s*[-—]?\s*$")  # 实施背景…… 1 on one line


@dataclass(frozen=True)
class Item:
    """An accepted outline label, its depth (0 = outermost) and its parent's index."""

    candidate: Candidate
    depth: int
    parent: int | None
    head: int  # start of the first item of the item's list


@dataclass(frozen=True)
class Section:
    """An outline item and the stretch of text it heads (its children included)."""

    label: str
    title: str
    start: int  # of the label
    body_start: int  # after the label
    end: int  # where the next item of its level or above begins, or the body ends
    depth: int  # 0 = outermost
    parent: int | None  # index of the parent section
    leaf: bool


def parse_outline(text: str) -> list[Measure]:
    """Measures of ``text`` in document order."""
    return measures_of(text, read_sections(text))


def read_sections(text: str, masked: str | None = None) -> tuple[Section, ...]:
    """Every outline item of ``text`` with the span it heads, in document order."""
    items = outline_items(text, masked)
    if not items:
        return ()
    notes = note_starts(text)
    closing = min(body_end(text, items[0].candidate.end), len(text))
    following = _next_at_or_above(items)
    sections = []
    for i, item in enumerate(items):
        title = heading_title(item.candidate.kind, text[item.candidate.end:_next_start(items, i, len(text))])
        at = bisect.bisect_right(notes, item.candidate.end)
        note = notes[at] if at < len(notes) else len(text)
        end = min(following[i] if following[i] is not None else closing, closing, note)
        leaf = not (i + 1 < len(items) and items[i + 1].depth > item.depth)
        sections.append(Section(item.candidate.label, title, item.candidate.start, item.candidate.end, end,
                                item.depth, item.parent, leaf))
    return tuple(sections)


def _next_at_or_above(items: list[Item]) -> list[int | None]:
    """For each item, where the next item of its level or above starts (None: no such item)."""
    found: list[int | None] = [None] * len(items)
    waiting: list[Item] = []  # later items, each shallower than the ones after it
    for index in range(len(items) - 1, -1, -1):
        while waiting and waiting[-1].depth > items[index].depth:
            waiting.pop()
        found[index] = waiting[-1].candidate.start if waiting else None
        waiting.append(items[index])
    return found


def measures_of(text: str, sections: tuple[Section, ...]) -> list[Measure]:
    """The leaves of the outline as measures: each runs to the next item (or its own end)."""
    measures = []
    for i, section in enumerate(sections):
        if section.leaf:
            end = min(section.end, sections[i + 1].start) if i + 1 < len(sections) else section.end
            measures.append(_measure(text, sections, i, end))
    return measures


def outline_items(text: str, masked: str | None = None) -> list[Item]:
    """The consistent outline labels of ``text``, cut off where its body ends."""
    candidates = _without_contents_entries(text, find_candidates(text, masked))
    items = _select(text, candidates)
    if not items:
        return []
    end = body_end(text, items[0].candidate.end)
    return _select(text, [c for c in candidates if c.start < end])


def _without_contents_entries(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Candidates that are no lines of a table of contents (一、实施背景 …… - 1 -): a heading
    followed, up to the next candidate, only by leader dots and a page number."""
    kept = []
    for candidate, following in zip(candidates, [*candidates[1:], None]):
        rest = text[candidate.end:following.start if following else len(text)]
        lines = rest.split("\n", 1)
        if not (LEADERS.search(rest) and CONTENTS_TAIL.fullmatch(lines[1] if len(lines) > 1 else "")
                or CONTENTS_LINE.search(lines[0])):
            kept.append(candidate)
    return kept


def _select(text: str, candidates: list[Candidate]) -> list[Item]:
    """Consistent items; lists of a single item are dropped until none is left (a flood of
    labels that keeps revealing new single items is settled after ``MAX_PASSES``)."""
    candidates = _without_lonely_starts(candidates)
    refused: set[int] = set()
    for _ in range(MAX_PASSES):
        items = _consistent(text, [c for c in candidates if c.start not in refused])
        lonely = _lonely_items(items)
        if not lonely:
            return items
        refused |= lonely
    kept = {item.candidate.start for item in items} - lonely
    return _consistent(text, [c for c in candidates if c.start in kept])


def _without_lonely_starts(candidates: list[Candidate]) -> list[Candidate]:
    """Candidates without the 1s of a style that has no 2 after them: they can open no list."""
    later_twos: set[str] = set()
    kept = []
    for candidate in reversed(candidates):
        if candidate.number != 1 or candidate.kind in later_twos:
            kept.append(candidate)
        if candidate.number == 2:
            later_twos.add(candidate.kind)
    return kept[::-1]


def _consistent(text: str, candidates: list[Candidate]) -> list[Item]:
    items: list[Item] = []
    stack: list[int] = []
    closed: dict[str, int] = {}
    closed_heads: dict[str, int] = {}  # the list a closed item belonged to, for numbering that runs on
    notes, in_notes = note_starts(text), False
    for candidate in candidates:
        in_notes = in_notes or _note_between(notes, items, candidate)
        if in_notes and not _continues(candidate, items, stack):
            continue
        depth = _fit(text, candidate, items, stack, closed)
        if depth is None:
            continue
        in_notes = False
        sibling = items[stack[depth]] if depth < len(stack) else None
        for index in stack[depth:]:
            closed[items[index].candidate.kind] = items[index].candidate.number
            closed_heads[items[index].candidate.kind] = items[index].head
        del stack[depth:]
        follows = sibling is not None and sibling.candidate.kind == candidate.kind and candidate.number > 1
        runs_on = not follows and candidate.number > 1 and closed.get(candidate.kind) == candidate.number - 1
        head = sibling.head if follows else closed_heads[candidate.kind] if runs_on else candidate.start
        items.append(Item(candidate, depth, stack[-1] if stack else None, head))
        stack.append(len(items) - 1)
    return items


def _fit(text: str, candidate: Candidate, items: list[Item], stack: list[int],
         closed: dict[str, int]) -> int | None:
    """The depth ``candidate`` takes in the open outline, or None when it does not fit."""
    kinds = [items[i].candidate.kind for i in stack]
    if candidate.kind in kinds:
        depth = kinds.index(candidate.kind)
        follows = candidate.number == items[stack[depth]].candidate.number + 1
        restarts = candidate.number == 1 and candidate.strength == "line"
        heading_only = candidate.kind not in RUN_IN_SIBLINGS and candidate.strength == "inline"
        return depth if (follows or restarts) and not heading_only else None
    depth = len(kinds)
    while depth and RANK[kinds[depth - 1]] > RANK[candidate.kind]:
        depth -= 1
    if candidate.number not in (1, closed.get(candidate.kind, -1) + 1):
        return None
    if candidate.strength == "inline":
        parent = items[stack[depth - 1]].candidate if depth else None
        if parent is None or not _runs_on(text[parent.end:candidate.start]):
            return None
    return depth


def _note_between(notes: list[int], items: list[Item], candidate: Candidate) -> bool:
    """Whether a note heading stands between the last accepted item (or, before any, the
    text's start) and ``candidate``."""
    index = bisect.bisect_right(notes, items[-1].candidate.start) if items else 0
    return index < len(notes) and notes[index] < candidate.start


def _continues(candidate: Candidate, items: list[Item], stack: list[int]) -> bool:
    """Whether ``candidate`` is the next sibling of an open item (十三、 after 十二、)."""
    return any(items[i].candidate.kind == candidate.kind and items[i].candidate.number + 1 == candidate.number
               for i in stack)


def _runs_on(heading: str) -> bool:
    """Whether a sub-list may run on after ``heading``: a short phrase with no sentence end."""
    return len(heading) <= MAX_RUN_ON_HEADING and not SENTENCE_END.search(heading)


def _lonely_items(items: list[Item]) -> set[int]:
    """Starts of items that open a list and have no sibling after them, unless lists of their
    style stand under other items of their parent's style (一、…1.…二、…1.…2.…: each 1. is an item)."""
    lists = Counter(item.head for item in items)
    parent_kind = [items[i.parent].candidate.kind if i.parent is not None else None for i in items]
    listed = {(parent_kind[n], item.candidate.kind) for n, item in enumerate(items) if lists[item.head] > 1}
    return {item.candidate.start for n, item in enumerate(items) if item.candidate.number == 1
            and lists[item.head] == 1 and (parent_kind[n] is None or (parent_kind[n], item.candidate.kind) not in listed)}


def heading_title(kind: str, heading: str) -> str:
    """The item's heading phrase (up to its 。) or, with no heading phrase, its first clause.

    >>> heading_title("paren_cn", "加强领导,强化责任。各乡镇要…")
    '加强领导,强化责任'
    >>> heading_title("article", "为规范政务数据资源管理,推进共享,制定本办法。")
    '为规范政务数据资源管理'
    >>> heading_title("cn", "教育督导要注意以下几个方面:\\n1、强化督导")
    '教育督导要注意以下几个方面'
    """
    first_line = heading.strip().split("\n", 1)[0].strip()
    if kind == "row":
        return first_line.split("|", 1)[0].strip()
    sentence = SENTENCE_END.split(first_line, 1)[0].strip().rstrip("::")
    if kind != "article" and len(sentence) <= MAX_HEADING and len(CLAUSE_END.findall(sentence)) <= 1:
        return sentence
    return CLAUSE_END.split(first_line, 1)[0].strip()


def _next_start(items: list[Item], index: int, default: int) -> int:
    return items[index + 1].candidate.start if index + 1 < len(items) else default


def section_path(sections: tuple[Section, ...], index: int) -> tuple[str, ...]:
    """Label and title of each ancestor of ``sections[index]``, outermost first."""
    path, parent = [], sections[index].parent
    while parent is not None:
        path.insert(0, sections[parent].label + sections[parent].title)
        parent = sections[parent].parent
    return tuple(path)


def _measure(text: str, sections: tuple[Section, ...], index: int, end: int) -> Measure:
    section = sections[index]
    start = section.body_start
    body = text[start:end]
    start += len(body) - len(body.lstrip())
    body = body.strip()
    return Measure(path=section_path(sections, index), label=section.label, title=section.title or body[:20],
                   text=body, start=section.start, end=start + len(body), level=section.depth + 1)
