"""Where a figure stands: in a review of the past (kind ``fact``) or in a plan (kind ``target``).

Three levels of evidence, cues from ``data/target_fact_cues.txt``:

- sections: a heading with 回顾/成效 opens a review, one with 安排/目标/今年 a plan, a ``篇N``
  separator starts a new document;
- paragraphs opening with 过去的一年/近年来 report the past, and a stretch of text told
  mostly as a report (了, 累计, 比上年 without plan wording: a news story, a statistical
  bulletin, an experience report) is a review;
- clauses: past cues (已经, 累计, 同比) against plan cues (要, 力争, 确保).

>>> context = TextContext("一、2017年工作回顾\\n全年完成投资46.9亿元。\\n二、2018年工作安排\\n新建2所幼儿园。")
>>> context.section_at(12), context.section_at(32)
('review', 'plan')
>>> is_reported("累计投资16711万元"), is_reported("力争同比增长8%"), is_reported("建成了2所")
(True, False, True)
>>> is_reported("比上年增长8%"), is_reported("比上年增长8%", "plan"), is_reported("新建2所", "review")
(True, False, True)
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from extractor.lexicon import rows, SENTENCE_MARKS

FALSE_FRIENDS = re.compile(
    r"""需要|主要|重要|要求|要素|要点|纪要|摘要|概要|只要|必要|不要   # 要 that sets no duty
      | 相应|适应|供应|响应|对应|效应|反应|应急|应用|应对        # 应 that is no modal
      | 为了|除了|了解|不了|了如                               # 了 that is no past tense
      | (?:累计|总计|共计)(?=达到?|不少于|不低于|超过|约)         # 累计达到67.4万户, 总计达60个, 总计约1.5%: a cumulative aim
    """,
    re.VERBOSE,
)
PAST_TENSE = re.compile(r"[\u4e00-\u9fff]了")  # 完成了, 建成了
SEGMENT_BREAK = re.compile(r"^[^\n]{0,60}篇\s*\d+\s*$", re.MULTILINE)  # 实施方案 篇2
HEADING = re.compile(
    r"""^(?:[一二三四五六七八九十]+[、.]           # 一、2017年工作回顾 (sub-headings (一) do not count)
          |第[一二三四五六七八九十]+[部分章节]       # 第一部分
         )[^\n。]{0,40}
      | ^[^\n。,;:!?]{2,20}$                     # a short line of its own: 过去五年工作回顾
    """,
    re.VERBOSE | re.MULTILINE,
)
REPORT_GENRES = ("报告", "公报", "总结", "情况", "汇报", "简报", "纪要")  # genres that report as well as plan
OPENING_REACH = 2000  # a paragraph opening is looked for this far back (a long line has none nearby)
NARRATIVE_MIN = 10  # sentences needed before a stretch of text can be called a report
NARRATIVE_SHARE = 0.2  # share of reporting sentences above which a stretch of text is a report
SENTENCE_END = re.compile(f"[{SENTENCE_MARKS}\n]")


@lru_cache(maxsize=1)
def cues() -> dict[str, tuple[str, ...]]:
    """Cue words by what they mark (past, plan, duty, review-heading, …)."""
    found: dict[str, list[str]] = {}
    for word, mark in rows("target_fact_cues.txt"):
        found.setdefault(mark, []).append(word)
    return {mark: tuple(words) for mark, words in found.items()}


@lru_cache(maxsize=None)
def cue_pattern(mark: str) -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(cues()[mark], key=len, reverse=True))))


def _clean(text: str) -> str:
    return FALSE_FRIENDS.sub("", text)


def has_plan_cue(text: str) -> bool:
    """Whether ``text`` sets something to be done next (要, 将, 力争, 今年 …)."""
    return bool(cue_pattern("plan").search(_clean(text)))


def _past_strength(clean: str) -> int:
    """2: done (已经, 累计, 了); 1: past wording (同比, 以来); 0: none."""
    if cue_pattern("done").search(clean) or PAST_TENSE.search(clean):
        return 2
    return 1 if cue_pattern("past").search(clean) else 0


def is_reported(clause: str, section: str = "neutral") -> bool:
    """Whether ``clause`` reports a figure (a fact) rather than setting one, in its section."""
    clean = _clean(clause)
    if cue_pattern("plan").search(clean):
        return False
    if section == "review":
        return True
    if cue_pattern("duty").search(clean):
        return False
    return _past_strength(clean) >= (2 if section == "plan" else 1)


def _narrative(text: str) -> bool:
    """Whether most of ``text`` is told as a report: 了, 累计, 比上年 and no plan wording."""
    sentences = [s for s in SENTENCE_END.split(text) if len(s) > 8]
    reported = sum(1 for s in sentences if _past_strength(_clean(s)) and not has_plan_cue(s))
    return len(sentences) >= NARRATIVE_MIN and reported / len(sentences) > NARRATIVE_SHARE


def _heading_mode(heading: str) -> str | None:
    if cue_pattern("review-heading").search(heading):
        return "review"
    if cue_pattern("plan-heading").search(heading):
        return "plan"
    return None


def plans(genre: str | None) -> bool:
    """Whether a document of ``genre`` sets what is to be done (方案, 办法, 意见 …), not a report
    (报告, 公报, 总结, 情况) whose figures may be either.

    >>> plans("实施方案"), plans("政府工作报告"), plans(None)
    (True, False, False)
    """
    return bool(genre) and not genre.endswith(REPORT_GENRES)


class TextContext:
    """Section modes of a text: ``review``, ``plan`` or ``neutral`` at every offset; a
    ``planning`` document's text is a plan where it does not read as a report."""

    def __init__(self, text: str, *, planning: bool = False):
        self.text = text
        self._plain = "plan" if planning else "neutral"
        self._starts: list[int] = [0]
        self._modes: list[str] = ["neutral"]
        breaks = [m.start() for m in SEGMENT_BREAK.finditer(text)] + [len(text)]
        start = 0
        for end in breaks:
            self._add_segment(start, end)
            start = end

    def _set(self, offset: int, mode: str) -> None:
        self._starts.append(offset)
        self._modes.append(mode)

    def _add_segment(self, start: int, end: int) -> None:
        default = "review" if _narrative(self.text[start:end]) else self._plain
        self._set(start, default)
        for heading in HEADING.finditer(self.text, start, end):
            mode = _heading_mode(heading.group())
            if mode:
                self._set(heading.start(), mode)

    def section_at(self, offset: int) -> str:
        """The mode of the section holding ``offset``."""
        return self._modes[bisect.bisect_right(self._starts, offset) - 1]

    def paragraph_opening(self, offset: int) -> str:
        """The first characters of the paragraph (line) holding ``offset``."""
        line_start = self.text.rfind("\n", max(0, offset - OPENING_REACH), offset) + 1
        return self.text[line_start:line_start + 12]

    def section(self, offset: int) -> str:
        """``review``, ``plan`` or ``neutral``: a paragraph opening 过去的一年 is a review."""
        if cue_pattern("review-opening").search(self.paragraph_opening(offset)):
            return "review"
        return self.section_at(offset)


def condition_spans(text: str, sections) -> list[tuple[int, int]]:
    """Stretches whose figures say who qualifies: a section headed 申报条件/参与条件 …, and what
    follows 需符合以下条件: to the end of its section.

    >>> from extractor.structure.outline import read_sections
    >>> text = "一、补贴标准\\n每千瓦补贴1元。\\n二、参与条件\\n日申报量不低于3000千瓦时。\\n三、流程\\n申报。"
    >>> [text[a:b] for a, b in condition_spans(text, read_sections(text))]
    ['参与条件\\n日申报量不低于3000千瓦时。\\n']
    """
    spans = [(s.body_start, s.end) for s in sections if cue_pattern("condition-heading").search(s.title)]
    for lead in cue_pattern("condition-lead").finditer(text):
        holding = [s for s in sections if s.start <= lead.start() < s.end]
        spans.append((lead.end(), max(holding, key=lambda s: s.depth).end if holding else lead.end()))
    return spans
