"""Responsible units: the organisations a document gives a duty, as lead, support or subject.

Units come from 责任单位/牵头单位/配合单位 lists (the first of a 责任单位 list leads, the rest
support), from parenthesised assignments (省商务厅牵头,省财政厅配合), and from duty sentences:
the subject of 要/应/将/负责/承担 or of a predicate opening its clause (``subject``), the subject
of 牵头 (``lead``), the partner after 会同 (``support``) and the unit after 由 (with any verb).
Regulations also give duties to a unit opening a sentence whose modal comes after a comma
(建设单位申报…时,应当…); firms (…企业) have a duty only before a modal (要/应当/须…).
The lists and parenthesised assignments are read in ``responsibility_lists``, units after 由 in
``agents``, units apart from their duty in ``distant_subjects``; the predicate words and what they
give are ``duty_grammar``.

>>> [(r.unit, r.role) for r in extract_responsibilities("市、县教育部门要加强统筹。")]
[('市教育部门', 'subject'), ('县教育部门', 'subject')]
>>> [(r.unit, r.role) for r in extract_responsibilities("<责任单位:各县(市)人民政府,市教育局>")]
[('各县(市)人民政府', 'lead'), ('市教育局', 'support')]
>>> [(r.unit, r.role) for r in extract_responsibilities("由省卫生健康部门牵头,会同财政部门落实。")]
[('省卫生健康部门', 'lead'), ('财政部门', 'support')]
>>> extract_responsibilities("校长要加强学校管理。")
[]
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from extractor.structure.masking import mask_references
from extractor.lexicon import LABEL_FRAGMENT, unit_name_endings
from extractor.models import Responsibility
from extractor.extraction.agents import agent_after_by
from extractor.extraction.distant_subjects import (LABEL, clause_start_before, designated, distant_subjects,
                                                   list_ending_at, members)
from extractor.extraction.duty_grammar import (WINDOW, clause_end, ending_pattern, fits_predicate, opens_with_duty,
                                               predicate_at, predicates)
from extractor.extraction.organisations import UnitName, is_locality
from extractor.extraction.unit_lists import split_unit_list
from extractor.extraction.responsibility_lists import assigned_units, listed_units, unit_record
from extractor.structure.sentences import Sentence, split_sentences
from extractor.structure.tags import Tag, find_tags

ROLES = {"lead": "lead", "support": "support"}
SET_UP = re.compile(r"成立|设立|组建")  # a body being set up before its duty: 成立…小组,负责…
ASIDE = re.compile(
    r"""(?:\((?:以下)?简称[^()]{1,24}\)                      # (以下简称“区县教育考试机构”)
         | 在[^,;。:()“”]{1,24}?(?:时|后|前|期间|过程中)\s?,?  # 在发放档案时, 在录取工作结束后,
        )\s?(?:具体|主要)?                                    # 具体负责
    """,
    re.VERBOSE,
)
BARE_FIRMS = ("企业", "公司", "集团")  # firms in general: 由企业自主制定… grants a freedom, not a duty
BARE_GOVERNMENT = ("政府", "人民政府")  # government in general, with no level or place
ONE_LABEL = re.compile(LABEL_FRAGMENT, re.VERBOSE)  # the label opening a 职责分工 line: (一)市工信局:
PREPOSITIONS = ("根据", "按照", "依照", "依据", "结合", "参照", "通过", "对", "在", "从", "按")
CLAUSE_OPENER = re.compile(r"[,;:]")  # a new clause starts after these
BY = re.compile(
    r"""(?<![理自经缘来因])由(?![于此衷来])   # 由 assigning a duty, not 由于, 理由
    """,
    re.VERBOSE,
)
NOUN_HEAD = re.compile(r"(?:要求|精神|意见|决定)(?:[,;。、]|$)")  # 部署要求, 决策部署精神: a verb made a modifier
REQUEST = re.compile(r"(?:(?<=^)|(?<=[。;:,\n、)]))请(?=[\u4e00-\u9fff])")  # 请国网…公司高度重视: a notice's request
JOINTLY = re.compile(r"会同|协同|(?<![或和与])联合(?![会国体办])")  # partners after 会同, 协同, 联合 (not 单独或联合) support
MODAL_BEFORE = re.compile(r"(?:要|应|应当|须|需|将)$")  # a modal ending the predicate: 要配合 is a duty of its own
ROLE_AFTER = re.compile(
    r"""(?:组织)?(?:(?P<lead>牵头)|(?P<support>配合))                 # 负责牵头…, 负责配合… (负责参与 stays subject)
      | (?:各自职责|职责分工|职责|分工|主动|积极|密切|全力|共同|认真)+  # 按照各自职责主动配合, (not 配合市发展改革委…:
        (?:(?P<lead_>牵头)|(?P<support_>配合|协助))                     #   then it is the other unit's task)
        (?=[,;。、]|做好|开展|落实|完成|推进|实施|抓好|相关)
    """,
    re.VERBOSE,
)
LINE_HEADING = re.compile(
    r"""(?P<unit>[^:;,。\n]{2,40}?)\s?:\s?   # 市城乡建设局: at a line start (a 职责分工 line)
    """,
    re.VERBOSE,
)
OPENING_ROLE = re.compile(r"(?:负责|具体负责)?(?:(?P<lead>牵头)|(?P<support>配合|协助|参与))")  # ;牵头制定…
DUTY_OPENER = re.compile(r"(?:专门|具体|主要)?负责")  # 成立…领导小组, 负责…


def extract_responsibilities(text: str, *, masked: str | None = None, tags: tuple[Tag, ...] | None = None,
                             sentences: tuple[Sentence, ...] | None = None) -> list[Responsibility]:
    """Organisations given a duty in ``text``, one record per unit and mention (``tags``: the
    task tags of ``text``; ``sentences``: its sentences)."""
    masked = mask_references(text) if masked is None else masked
    tags = [tag for tag in (find_tags(text) if tags is None else tags) if tag.role != "deadline"]
    sentences = split_sentences(masked) if sentences is None else sentences
    duty_masked = _without_tags(masked, tags)  # a tag's units are read from the tag alone
    context, sites = _TagContext(text, sentences), _Sites(duty_masked)
    tag_starts = [tag.tag_start for tag in tags]
    found = []
    for sentence in _pieces(text, sentences, tags):
        inside = tags[bisect.bisect_left(tag_starts, sentence.start):bisect.bisect_left(tag_starts, sentence.end)]
        found += listed_units(text, sentence, inside, context) if inside else []
        found += assigned_units(masked, text, sentence)
        found += _duty_subjects(duty_masked, text, sentence, sites)
    return _unique(found)


def _without_tags(masked: str, tags: list[Tag]) -> str:
    """``masked`` with the task tags hidden: 市委组织部 in a tag is no 市委 that 组织s."""
    if not tags:
        return masked
    pieces, at = [], 0
    for tag in tags:
        if tag.tag_start >= at:
            pieces += [masked[at:tag.tag_start], "#" * (tag.end - tag.tag_start)]
            at = tag.end
    return "".join(pieces) + masked[at:]


class _Sites:
    """Where a unit's name ends right before a predicate (局要, 政府负责, 中心:负责), found in
    one pass: a clause without one names no subject, and is not read character by character."""

    def __init__(self, masked: str) -> None:
        self.starts = [m.start() for m in _site_pattern().finditer(masked)]

    def within(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.starts, start)
        return index < len(self.starts) and self.starts[index] < end


@lru_cache(maxsize=1)
def _site_pattern() -> re.Pattern:
    pattern, _ = predicates()
    return re.compile("[" + re.escape("".join(sorted(unit_name_endings()))) + "](?=[:, ]{0,2}(?:" + pattern.pattern + "))")


class _TagContext:
    """The sentence a tag's units are quoted in: the tag's own, with the task sentence before
    it when the tag opens a sentence of its own (任务。(责任单位:…))."""

    def __init__(self, text: str, sentences) -> None:
        self.text, self.sentences = text, sentences
        self.starts = [s.start for s in sentences]

    def __call__(self, tag: Tag) -> Sentence:
        index = max(0, bisect.bisect_right(self.starts, tag.tag_start) - 1)
        sentence = self.sentences[index] if self.sentences else Sentence(self.text, 0, len(self.text))
        begin = sentence.start
        if index and not self.text[begin:_tag_opening(self.text, tag)].strip(" (<[【"):
            begin = self.sentences[index - 1].start
        end = max(sentence.end, tag.end + (tag.end < len(self.text) and self.text[tag.end] in ")>]】"))
        return Sentence(self.text[begin:end], begin, end)


def _pieces(text: str, sentences, tags: list[Tag]) -> list[Sentence]:
    """Sentences, with every 责任单位: list cut off as a sentence of its own."""
    pieces = []
    starts = sorted(_tag_opening(text, tag) for tag in tags)
    for sentence in sentences:
        sentence = Sentence(text[sentence.start:sentence.end], sentence.start, sentence.end)
        low, high = bisect.bisect_right(starts, sentence.start), bisect.bisect_left(starts, sentence.end)
        cuts = [at - sentence.start for at in starts[low:high]]
        bounds = [0, *cuts, len(sentence.text)]
        for a, b in zip(bounds, bounds[1:]):
            body = sentence.text[a:b].strip()
            if body:
                at = sentence.start + a + sentence.text[a:b].index(body[0])
                pieces.append(Sentence(body, at, at + len(body)))
    return pieces



def _tag_opening(text: str, tag: Tag) -> int:
    """Where a tag begins: its opening bracket, else its label."""
    return tag.tag_start - 1 if tag.tag_start and text[tag.tag_start - 1] in "(<[【" else tag.tag_start


def _duty_subjects(masked: str, text: str, sentence: Sentence, sites: "_Sites") -> list[Responsibility]:
    """Subjects of duty clauses, units after 由 and partners after 会同."""
    found = []
    openers = CLAUSE_OPENER.finditer(masked, sentence.start, sentence.end)
    starts = [sentence.start] + [m.end() for m in openers]
    for start, end in zip(starts, starts[1:] + [sentence.end]):
        if sites.within(start, end):
            found += _clause_subject(masked, text, sentence, LABEL.match(masked, start).end())
    for by in BY.finditer(masked, sentence.start, sentence.end):
        found += (_clause_subject(masked, text, sentence, by.end(), after_by=True)
                  or agent_after_by(masked, text, sentence, by.end()))
    for request in REQUEST.finditer(masked, sentence.start, sentence.end):
        found += (_clause_subject(masked, text, sentence, request.end())
                  or agent_after_by(masked, text, sentence, request.end()))
    for jointly in JOINTLY.finditer(masked, sentence.start, sentence.end):
        found += _clause_subject(masked, text, sentence, jointly.end(), role="support")
    found += _inner_subjects(masked, text, sentence) if sites.within(sentence.start, sentence.end) else []
    found += distant_subjects(masked, text, sentence)
    found += members(masked, text, sentence) + _heading_unit_roles(masked, text, sentence, starts)
    return found + designated(masked, text, sentence)


def _heading_unit_roles(masked: str, text: str, sentence: Sentence, starts: list[int]) -> list[Responsibility]:
    """In a 职责分工 line (``市城乡建设局:负责…;牵头制定…``), a later clause that opens with
    牵头 or 配合 has the line's unit for its subject."""
    line_start = masked.rfind("\n", max(0, sentence.start - WINDOW), sentence.start) + 1
    opened = line_start or sentence.start < WINDOW
    label = ONE_LABEL.match(masked, line_start)  # one label, not a run of them: (一)(一)… stays linear
    heading = LINE_HEADING.match(masked, label.end() if label else line_start) if opened else None
    units = heading and split_unit_list(heading.group("unit"), strict=True)
    if not units:
        return []
    found = []
    for start in starts:
        role = start > heading.end() and OPENING_ROLE.match(masked, start)
        if role and role.lastgroup:  # the record points at the role word: the name is the line's
            quote = text[start:clause_end(masked, start, sentence)]
            found += [unit_record(UnitName(u.name, 0, role.end() - start), role.lastgroup, quote, sentence, start)
                      for u in units]
    if sentence.start <= heading.end() < sentence.end and predicate_at(masked, heading.end()):
        quote = text[heading.start():clause_end(masked, heading.end(), sentence)]
        found += [unit_record(u, "subject", quote, sentence, heading.start()) for u in units]  # 市工信局:落实…
    return found


def _clause_subject(masked, text, sentence, start, *, after_by=False, role=None) -> list[Responsibility]:
    """The unit list that opens the clause at ``start`` and the predicate after it; the
    partner after 会同 (``role`` support) may also end the clause."""
    end = clause_end(masked, start, sentence)
    hit = _list_before_predicate(masked, start, end, after_by, partner=role == "support")
    if hit is None and role == "support":
        units = split_unit_list(masked[start:end])
        hit = units and not all(is_locality(u.name) for u in units) and (units, "support", end)  # not 会同县 alone
    if not hit:
        return []
    units, kind, after = hit
    quote = text[start:min(end, after + 12)]
    role = role or _role_after(masked, after) or ROLES.get(kind, "subject")
    return [unit_record(u, role, quote, sentence, start) for u in units]


def _role_after(masked: str, after: int) -> str | None:
    """负责牵头 leads, 负责配合 supports: a role word right after the duty verb. After a modal
    (要配合, 应当积极配合) the unit is the subject of a duty sentence, as the GUIDE reads it."""
    found = ROLE_AFTER.match(masked, after)
    role = found and found.lastgroup.rstrip("_")
    return None if role == "support" and MODAL_BEFORE.search(masked, max(0, after - 2), after) else role


def _list_before_predicate(masked: str, start: int, end: int, after_by: bool = False, partner: bool = False):
    """(units, predicate kind, predicate end) for the first unit list followed by a predicate
    (after 由, not 向/到: 由A向B转移 is a movement; a ``partner`` after 会同 may be a firm)."""
    pattern, kinds = predicates()
    for ending in ending_pattern().finditer(masked, start, end - 1):
        at = ending.end()
        predicate = pattern.match(masked, at, end) or _duty_after_aside(masked, at)
        if not predicate or masked[predicate.end():predicate.end() + 1] in ("的", "等"):
            continue
        kind = kinds[predicate.group()]
        if after_by and predicate.group() in ("向", "到"):
            continue
        phrase = masked[start:at].rstrip(": ")
        if _holds_duty(phrase):
            break  # 市考试院负责组(建): a name never holds a duty verb; the list ended before it
        if ":" in phrase or (masked[at - 1] in ": " and kind not in ("duty", "lead", "support")):
            continue
        units = split_unit_list(phrase, strict=kind != "duty")
        named_firms = after_by and bool(units) and not any(u.name.lstrip("各") in BARE_FIRMS for u in units)  # 由省级电网企业出具
        if units and _plausible(masked, units, kind, predicate, end, partner or named_firms):
            return units, kind, predicate.end()
    return None


def _duty_after_aside(masked: str, at: int) -> re.Match | None:
    """A duty word after an aside between the subject and its predicate: 报名点在发放档案时要…,
    各高校在录取工作结束后,须…, 考试机构(以下简称“…”)具体负责…."""
    aside = ASIDE.match(masked, at)
    pattern, kinds = predicates()
    duty = aside and pattern.match(masked, aside.end())
    return duty if duty and kinds[duty.group()] == "duty" else None


def _holds_duty(phrase: str) -> bool:
    """Whether a duty verb (要, 应, 负责 …) or 会同 stands inside ``phrase`` (牵头部门 is a name)."""
    pattern, kinds = predicates()
    return any(kinds[found.group()] == "duty" or found.group() == "会同"
               for found in pattern.finditer(phrase, 1))


def _plausible(masked: str, units: list[UnitName], kind: str, predicate: re.Match, end: int,
               assigned: bool = False) -> bool:
    """Whether a unit list and its predicate state a duty: not a past report (…了), not a
    modifier (统一部署的工作), not a condition (…的, with no duty after it), not a bare 市
    with a mere verb; a firm needs a modal unless it is ``assigned`` (the partner after 会同,
    a firm named after 由)."""
    rest = masked[predicate.end():end]
    if predicate.group().endswith("负责") and rest[:1] in ("人", "同"):
        return False  # 企业负责人, 负责同志: a person, not a duty
    if kind == "verb" and NOUN_HEAD.match(rest):
        return False  # 区委、区政府部署要求: the verb modifies a noun; the bodies are authors
    modifier = rest[:1] == "的" or (rest[2:3] == "的" and predicate.group() not in PREPOSITIONS)
    if kind != "duty" and ("了" in rest or modifier or rest[:1] == "被"):
        return False
    if rest.endswith("的") and not opens_with_duty(masked, end + 1):
        return False
    if not assigned and not fits_predicate(units, predicate.group()):
        return False
    single = len(units) == 1 and (is_locality(units[0].name) and not units[0].name.startswith("各")
                                  or units[0].name in BARE_GOVERNMENT)  # 政府可调度…: no body in particular
    return kind == "duty" or not single


def _inner_subjects(masked: str, text: str, sentence: Sentence) -> list[Responsibility]:
    """Units right before a duty word inside a clause (州政府授权州数据资源主管部门负责…), and
    the unit ending the clause before a bare 负责 (成立…领导小组,负责…)."""
    pattern, kinds = predicates()
    found = []
    for predicate in pattern.finditer(masked, sentence.start, sentence.end):
        kind = kinds[predicate.group()]
        if kind == "verb":
            continue
        clause_start = clause_start_before(masked, predicate.start(), sentence)
        opener = LABEL.match(masked, clause_start).end()
        if DUTY_OPENER.fullmatch(masked, opener, predicate.end()):
            before = clause_start_before(masked, clause_start - 1, sentence)
            set_up = clause_start > sentence.start and SET_UP.search(masked, sentence.start, clause_start)
            hit = set_up and list_ending_at(masked, before, clause_start - 1)
        else:
            hit = list_ending_at(masked, clause_start, predicate.start())
            hit = hit if hit and hit[0] > opener else None  # a clause opener is handled above
        if hit and fits_predicate(hit[1], predicate.group()):
            begin, units = hit
            quote = text[begin:min(predicate.end() + 12, sentence.end)]
            role = _role_after(masked, predicate.end()) or ROLES.get(kind, "subject")  # 负责配合: supports
            found += [unit_record(u, role, quote, sentence, begin) for u in units]
    return found


def _unique(found: list[Responsibility]) -> list[Responsibility]:
    """One record per unit and place (the first found: lists before sentences), in text order;
    never a name that holds a duty verb (市考试院会同市卫健委: two units and a predicate), nor
    the tail of a longer name found with the same role."""
    seen, unique = set(), []
    for record in found:
        if (record.unit, record.start) not in seen and not _holds_duty(record.unit):
            seen.add((record.unit, record.start))
            unique.append(record)
    longest = {}
    for record in unique:
        key = (record.end, record.role)
        if key not in longest or record.start < longest[key].start:
            longest[key] = record
    whole = [r for r in unique if not _tail_of(r, longest[(r.end, r.role)])]  # not 业主单位 of 其他…的业主单位
    return sorted(whole, key=lambda r: (r.start, r.end))


def _tail_of(record: Responsibility, longer: Responsibility) -> bool:
    return longer.start < record.start and longer.unit.endswith("的" + record.unit)
