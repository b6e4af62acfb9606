"""Outline label candidates: every place that looks like 一、 (一) 1. (1) 1) ① 1.1 第X条 第X章 第X部分.

Candidates are only proposals; :mod:`extractor.structure.outline` keeps those whose numbering is
consistent. ① arrives here as a bare ``1`` (NFKC), so a bare number counts only at a line or
sentence start. ``kind`` names the numbering style, ``rank`` orders styles from outer to inner.

>>> [(c.kind, c.number, c.label) for c in find_candidates("一、目标\\n(一)加强领导1.建机制。2 .配人员")]
[('cn', 1, '一、'), ('paren_cn', 1, '(一)'), ('arabic', 1, '1.'), ('arabic', 2, '2.')]
>>> [c.kind for c in find_candidates("增长1.5万,达到3.2%,2025年完成")]
[]
>>> [(c.kind, c.number, c.strength) for c in find_candidates("第一章 总则 第一条 为规范管理")]
[('chapter章', 1, 'line'), ('article', 1, 'sentence')]
>>> [(c.kind, c.number, c.label) for c in find_candidates("1 发展基础\\n1.1 主要成就\\n2.3.1 推进")]
[('arabic', 1, '1'), ('decimal2', 1, '1.1'), ('decimal3', 1, '2.3.1')]
>>> [(c.kind, c.number, c.label) for c in find_candidates("序号 | 任务\\n1 | 新建学校 | 1.选址 2.施工")]
[('row', 1, '1')]
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from extractor.structure.masking import mask_references
from extractor.extraction.numerals import parse_number
from extractor.lexicon import COUNTED, SENTENCE_MARKS
from extractor.reading.loaders.tables import CELL_SEPARATOR

CN_DIGITS = "一二三四五六七八九十百零〇"
RANK = {"chapter篇": 0, "chapter部分": 0.5, "chapter章": 1, "chapter节": 2, "article": 3, "cn": 4,
        "paren_cn": 5, "arabic": 6, "decimal2": 6.2, "decimal3": 6.4, "decimal4": 6.6,
        "paren_arabic": 7, "half_paren": 7.5, "bare": 8, "row": 9}

PATTERNS = {
    "chapter": re.compile(
        r"""第[ ]?(?P<n>[一二三四五六七八九十百零〇]{1,4}|\d(?:[ ]?\d){0,2})[ ]?  # 第 + a numeral (第 1 0 章)
            (?P<unit>[篇章节]|部分)                     # 篇, 部分, 章 or 节
            (?=\s?[\u4e00-\u9fff“"])                   # then the heading text
        """, re.VERBOSE),
    "article": re.compile(
        r"""第[ ]?(?P<n>[一二三四五六七八九十百零〇]{1,5}|\d(?:[ ]?\d){0,3})[ ]?条  # 第 + a numeral + 条 (第 1 0 条)
            (?=\s|[\u4e00-\u9fff“"(])                  # then a space or the text
            (?![的之第款项规所中])                       # not a reference: 第十条规定, 第三条第二款
        """, re.VERBOSE),
    "cn": re.compile(
        r"""(?<![第\u4e00-\u9fff])                    # not 第一、 nor 统一、
            (?P<n>[一二三四五六七八九十]{1,3})          # a Chinese numeral
            \s?[、,.．](?![、,.])                       # then 、 (or , . ．)
            (?=\s?[\u4e00-\u9fff“"《(\d])              # then the heading text
        """, re.VERBOSE),
    "paren_cn": re.compile(
        r"""(?<!第)\(\s?(?P<n>[一二三四五六七八九十]{1,3})\s?\)  # (一), not 第(一)项
            [、.,]?                                     # a stray 、 after it: (二)、
            (?=\s?[\u4e00-\u9fff“"《(\d])              # then the heading text
        """, re.VERBOSE),
    "arabic": re.compile(
        r"""(?<![\d.A-Za-z#%/\-第表图款项录])           # not inside a number or reference (附录1)
            (?P<n>\d{1,2})                              # 1 to 99
            \s?(?:、|[.．。](?!(?!(?:19|20)\d\d年|\d{1,2}月)[\d.]))  # then 、, or . ． or a slipped 。 (not a decimal point) …
            (?=\s?[\u4e00-\u9fff“"《(]|(?:19|20)\d\d年|\d{1,2}月)  # then the heading text, or a date: 1.2024年8月底前, 1、11月1日
        """, re.VERBOSE),
    "paren_arabic": re.compile(
        r"""(?<![A-Za-z\d])\(\s?(?P<n>\d{1,2})\s?\)     # (1)
            (?=\s?[\u4e00-\u9fff“"《])                 # then the heading text
        """, re.VERBOSE),
    "half_paren": re.compile(
        r"""(?<![A-Za-z\d(.])(?P<n>\d{1,2})\s?\)         # 1) without its opening bracket
            (?=\s?[\u4e00-\u9fff“"《])                 # then the heading text
        """, re.VERBOSE),
    "spaced": re.compile(
        rf"""^[ \t]*(?P<n>[1-9]\d?)[ \t]+              # 1 发展基础: a number and a space at a line start
            (?=[\u4e00-\u9fff“"《])(?![{COUNTED}])      # then heading text, not a count
        """, re.VERBOSE | re.MULTILINE),
    "decimal": re.compile(
        rf"""^[ \t]*(?P<prefix>\d{{1,2}}(?:\.\d{{1,2}}){{0,2}})  # 1.  2.3.  at a line start
            \.(?P<n>\d{{1,2}})(?![\d.])                # the item's own number: 1.1, 2.3.1
            [ \t]?(?=[\u4e00-\u9fff“"《])(?![{COUNTED}]) # then heading text, not 1.5万
        """, re.VERBOSE | re.MULTILINE),
    "bare": re.compile(
        rf"""(?:(?<=^)|(?<=[。;]))                       # at a line or sentence start
            (?P<n>[1-9]\d?)                             # ① after NFKC: a bare number
            (?=[\u4e00-\u9fff])                         # right before the text
            (?![{COUNTED}])                             # that is not what it counts: 3所
        """, re.VERBOSE | re.MULTILINE),
    "lost_article": re.compile(
        r"""^[ \t]*第[ ]?(?P<n>[一二三四五六七八九十百零〇]{1,5}|\d{1,3})[ \t]*$  # 第1 alone on its line (a page lost 条)
            (?=\n[ \t]*[\u4e00-\u9fff“"(\d])                          # then the article's text (24小时内…)
        """, re.VERBOSE | re.MULTILINE),
    "lost_paren": re.compile(
        r"""^[ \t]*\((?P<n>\d{1,2})[ \t]*$                # (1 alone on its line (a page lost its closing bracket)
            (?=\n[ \t]*[\u4e00-\u9fff“"《])                 # then the item's text
        """, re.VERBOSE | re.MULTILINE),
    "row": re.compile(
        r"""^[ \t]*(?:[^|\n\d]{1,12}?[ \t]*\|[ \t]*)?  # a short category cell (基础指标 | 1 | …)
            (?P<n>\d{1,3})[ \t]*\|[ \t]*                # a table row numbered in its first or second cell
            (?=(?:[ \t]*\|)*[ \t]*[^\s|])                # then a cell with text (empty ones skipped)
        """, re.VERBOSE | re.MULTILINE),
}
NEEDS_SENTENCE_START = {"cn", "half_paren"}
NEEDS_LINE_START = {"chapter部分"}
NEWLINE = re.compile("\n")
SENTENCE_END = SENTENCE_MARKS + ";:"  # a label after one of these opens a sentence


@dataclass(frozen=True)
class Candidate:
    """A possible outline label: ``start``..``end`` covers the label and its separator."""

    kind: str
    number: int
    start: int
    end: int
    label: str
    strength: str  # line (at a line start), sentence (after 。;:) or inline


def strength_at(text: str, start: int, line_start: int | None = None) -> str:
    """How a label at ``start`` sits: at a line start, after a sentence end, or inline."""
    if line_start is None:
        line_start = text.rfind("\n", 0, start) + 1
    at = start
    while at > line_start and text[at - 1] in " \t":
        at -= 1
    if at == line_start:
        return "line"
    return "sentence" if text[at - 1] in SENTENCE_END or at < start else "inline"


class _Lines:
    """Line starts of a text, and which lines are table rows, found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in NEWLINE.finditer(text)]
        self._rows: dict[int, bool] = {}

    def start_of(self, offset: int) -> int:
        return self.starts[bisect.bisect_right(self.starts, offset) - 1]

    def in_table_row(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset) - 1
        if index not in self._rows:
            end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
            self._rows[index] = self.text.find(CELL_SEPARATOR, self.starts[index], end) >= 0
        return self._rows[index]


def find_candidates(text: str, masked: str | None = None) -> list[Candidate]:
    """Every label candidate in ``text`` (``masked``: the same text with references hidden)."""
    masked = mask_references(text) if masked is None else masked
    lines = _Lines(text)
    found = []
    for family, pattern in PATTERNS.items():
        for match in pattern.finditer(masked):
            candidate = _candidate(text, family, match, lines.start_of(match.start()))
            if candidate is not None and (family == "row" or not lines.in_table_row(match.start())):
                found.append(candidate)
    return sorted(found, key=lambda c: c.start)


def _kind(family: str, match: re.Match) -> str:
    """The numbering style: 第X章 and 第X部分 differ by their unit, 1.1 and 1.1.1 by their depth."""
    if family == "chapter":
        return family + match.group("unit")
    if family == "decimal":
        return f"decimal{match.group('prefix').count('.') + 2}"
    return {"spaced": "arabic", "lost_article": "article", "lost_paren": "paren_arabic"}.get(family, family)


def _candidate(text: str, family: str, match: re.Match, line_start: int) -> Candidate | None:
    digits = "".join(match.group("n").split())  # 第 1 0 条: spaces a PDF put between digits
    number = int(digits) if digits.isdigit() else parse_number(digits)
    if not number:
        return None
    strength = strength_at(text, match.start(), line_start)
    if family in NEEDS_SENTENCE_START and strength == "inline":
        return None
    kind = _kind(family, match)
    if kind in NEEDS_LINE_START and strength != "line":
        return None
    end = match.end()
    while end < len(text) and text[end] in " 、|":
        end += 1
    label = digits if family == "row" else "".join(text[match.start():match.end()].split())
    return Candidate(kind, int(number), match.start(), end, label, strength)
