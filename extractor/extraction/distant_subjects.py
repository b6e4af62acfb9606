"""Units that stand apart from their duty: inside a clause (州政府授权州数据资源主管部门负责…), at
the head of a sentence whose modal comes after a comma (房地产开发企业销售…时,应当…), named as the
responsible one (市府办为该职位选派的责任单位), or listed as a group's members (成员由A、B组成).

>>> from extractor.structure.sentences import Sentence
>>> text = "县财政局为配合单位。"
>>> [(r.unit, r.role) for r in designated(text, text, Sentence(text, 0, len(text)))]
[('县财政局', 'support')]
"""
from __future__ import annotations

import re

from extractor.lexicon import LABEL_FRAGMENT, unit_name_endings
from extractor.models import Responsibility
from extractor.extraction.dates import TIME_EXPRESSION
from extractor.extraction.duty_grammar import LIST_GOES_ON, MODAL, POST, WINDOW, predicates
from extractor.extraction.organisations import MAX_NAME, is_organisation
from extractor.extraction.responsibility_lists import unit_record
from extractor.extraction.unit_lists import split_unit_list
from extractor.structure.sentences import Sentence

OWN_MODAL = re.compile(
    r"""应当|应该|必须|不得                                  # a modal inside a clause
      | (?<![重主只必纲摘想简供需])要(?![求素点件闻害务案么是])  # 要, not 重要 or 要求
      | (?<![响适反供效相对呼感])应(?![用急对届收付答征聘试变有])  # 应, not 响应 or 应用
      | 须(?!知)                                               # 须, not 须知
    """,
    re.VERBOSE,
)
DESIGNATION = re.compile(
    r"""(?:为|是|作为)[^,;。:]{0,16}?           # 为该职位选派的 …
        (?P<role>牵头|责任|主责|配合)(?:单位|部门)  # … 责任单位: the role the unit is given
        (?![:])                                  # (not a label: 责任单位:)
    """,
    re.VERBOSE,
)
COMMA_MODAL = re.compile(r",[^,;。]{0,12}?(?:要|应|须|不得)")  # …时,应当…: a duty after a comma
ACTOR_ENDINGS = ("企业", "单位", "机构", "部门", "机关")  # 建设单位申报…时,应当…
LABEL = re.compile(
    rf"""(?:\s+                                  # spaces
        | 第[一二三四五六七八九十百零\d]+[章节]\s*[^\s第]{{0,16}}\s+  # 第二章 规划建设: a chapter and its name
        | {LABEL_FRAGMENT}                       # 第二十条, 一、, (一), 1., ①
        | [一二三四五六七八九十]是                 # 一是
        | 其[一二三四五六七八九十]                 # 其一
        | 首先|其次|最后|同时|此外|另外            # connectives
        | (?:{TIME_EXPRESSION.pattern})(?:[前起]|以前|之前|开始)  # a time limit before the subject: 9月21日前
        )*""",
    re.VERBOSE,
)
MEMBERS = re.compile(
    r"""成员(?:单位)?(?:由|为|包括)           # 成员由 …
        (?P<list>[^。;:]{2,300}?)             # the member units
        (?:等(?:部门|单位))?(?:组成|构成|$|。)  # 等部门组成
    """,
    re.VERBOSE,
)
HANDOVER = re.compile(
    r"""(?:的|授权|由|成立了?|设立|组建)  # what may precede a unit inside a clause
    """,
    re.VERBOSE,
)


def designated(masked: str, text: str, sentence: Sentence) -> list[Responsibility]:
    """A unit named as the responsible one: 市府办为该职位选派的责任单位 leads (a 配合单位 supports)."""
    found = []
    for named in DESIGNATION.finditer(masked, sentence.start, sentence.end):
        hit = list_ending_at(masked, clause_start_before(masked, named.start(), sentence), named.start())
        if hit:
            begin, units = hit
            role = "support" if named.group("role") == "配合" else "lead"
            found += [unit_record(u, role, text[begin:named.end()], sentence, begin) for u in units]
    return found


def members(masked: str, text: str, sentence: Sentence) -> list[Responsibility]:
    """The members of a working group or joint meeting support it: 成员由A、B等部门组成."""
    found = []
    for members in MEMBERS.finditer(masked, sentence.start, sentence.end):
        units = split_unit_list(members.group("list"), listed=True) or []
        begin = members.start("list")
        found += [unit_record(u, "support", text[members.start():members.end()], sentence, begin) for u in units]
    return found


def distant_subjects(masked: str, text: str, sentence: Sentence) -> list[Responsibility]:
    """The unit opening a sentence whose duty comes after a comma: 房地产开发企业销售…时,应当…
    (the unit ends like an actor: 企业, 单位, 机构, 部门)."""
    if not COMMA_MODAL.search(masked, sentence.start, sentence.end) or not any(
            ending in sentence.text for ending in ACTOR_ENDINGS):
        return []
    pattern, _ = predicates()
    found = []
    for comma in re.finditer(",", masked[sentence.start:sentence.end]):
        after = LABEL.match(masked, sentence.start + comma.end()).end()
        modal = pattern.match(masked, after, sentence.end)
        clause_start = clause_start_before(masked, sentence.start + comma.start(), sentence)
        if not modal or not MODAL.fullmatch(modal.group()) or masked[clause_start - 1] == ",":
            continue
        opener = LABEL.match(masked, clause_start).end()
        found += _leading_actor(masked, text, sentence, opener, sentence.start + comma.start())
    return found


def _leading_actor(masked: str, text: str, sentence: Sentence, start: int, stop: int):
    """The actor names opening ``masked[start:stop]`` up to their own predicate (not 企业名称,
    not 企业主要负责人, and not when the clause has a modal of its own)."""
    if "了" in masked[start:stop] or stop - start > 2 * MAX_NAME or OWN_MODAL.search(masked, start, stop):
        return []
    for end in range(start + 2, min(stop, start + MAX_NAME)):
        phrase, rest = masked[start:end], masked[end:stop]
        if not phrase.endswith(ACTOR_ENDINGS) or rest[0] in LIST_GOES_ON or is_organisation(phrase + rest[0]):
            continue
        units = split_unit_list(phrase, strict=True)
        if not units or POST.match(rest):
            return []
        return [unit_record(u, "subject", text[start:stop + 4], sentence, start) for u in units]
    return []


def clause_start_before(masked: str, position: int, sentence: Sentence) -> int:
    """Where the clause holding ``position`` starts."""
    low = max(sentence.start, position - WINDOW)
    for at in range(position - 1, low - 1, -1):
        if masked[at] in ",;:。!?\n":
            return at + 1
    return low


def list_ending_at(masked: str, start: int, stop: int):
    """(begin, units) for the unit list that ends at ``stop``, opened by a clause start or 的/由…"""
    text = masked[start:stop].rstrip(" :")
    if not text or text[-1] not in unit_name_endings():
        return None
    opens = [start] + [start + m.end() for m in HANDOVER.finditer(text)]
    for begin in sorted(set(opens), reverse=True):
        begin = LABEL.match(masked, begin).end()
        units = split_unit_list(masked[begin:start + len(text)])
        if units:
            return begin, units
    return None
