"""Units after 由: the body a duty is handed to (由市建设主管部门报…, 由省农业农村厅、省财政厅与民航局
协商确定), not members (由A组成), movements (由A向B) or causes (由…引起).

>>> from extractor.structure.sentences import Sentence
>>> text = "由县教育局负责组织实施。"
>>> [(r.unit, r.role) for r in agent_after_by(text, text, Sentence(text, 0, len(text)), 1)]
[('县教育局', 'subject')]
"""
from __future__ import annotations

import re

from extractor.lexicon import unit_name_endings
from extractor.models import Responsibility
from extractor.extraction.duty_grammar import LIST_GOES_ON, POST, clause_end, fits_predicate, predicates
from extractor.extraction.organisations import MAX_NAME, UnitName, is_organisation, is_person, opens_predicate
from extractor.extraction.responsibility_lists import unit_record
from extractor.extraction.unit_lists import split_unit_list
from extractor.structure.sentences import Sentence

MAX_AGENT_LIST = 80  # characters of a list of units after 由
NOT_AN_AGENT = re.compile(
    rf"""(?:组成|构成|引起|导致|造成|产生|所致)  # 由A组成, 由B引起: members and causes
      | .{{0,8}}?[向到至转变]                    # 由A向B, 由A转为B: a movement
      | .{{0,10}}?了                             # 由A成立了…: a past event
      | [^,;。]{{1,8}}?的                        # 由A保障的机关: a modifier, not a duty
      | {POST.pattern}                          # 由市政府主要领导担任组长: a person
    """,
    re.VERBOSE,
)
QUOTES = "“”\"‘’「"  # a name does not open with a quotation mark


def agent_after_by(masked: str, text: str, sentence: Sentence, start: int) -> list[Responsibility]:
    """The unit after 由 before any verb: 由市建设主管部门报…, 由具备资质的检测机构出具…
    (a 的 modifier is dropped, unless it has an agent of its own: 由我区承担的…); not 由A组成
    or 由A向B."""
    end = clause_end(masked, start, sentence)
    for stop in range(start + 2, min(end, start + MAX_NAME)):
        modifier, _, name = masked[start:stop].rpartition("的")
        if not _complete_unit(masked, stop - len(name), stop, end):
            continue
        unit, rest = UnitName(name, stop - len(name) - start, stop - start), masked[stop:end]
        if rest[:1] in "、和与及" and not modifier:
            return _listed_agents(masked, text, sentence, start, end)
        if (rest[:1] in LIST_GOES_ON or NOT_AN_AGENT.match(rest) or not fits_predicate([unit], "")
                or predicates()[0].search(modifier)):
            return []
        return [unit_record(unit, "subject", text[start:min(end, stop + 12)], sentence, start)]
    return []


def _listed_agents(masked: str, text: str, sentence: Sentence, start: int, end: int) -> list[Responsibility]:
    """The units of a list after 由, before any verb: 由省农业农村厅、省财政厅与民航局协商确定."""
    for stop in range(start + 3, min(end, start + MAX_AGENT_LIST)):  # where the list ends
        if masked[stop - 1] not in unit_name_endings() or masked[stop:stop + 1] in LIST_GOES_ON:
            continue
        units = split_unit_list(masked[start:stop], strict=True)
        if not units or len(units) < 2 or not _complete_unit(masked, start + units[-1].start, stop, end):
            continue
        if NOT_AN_AGENT.match(masked[stop:end]):
            return []
        return [unit_record(u, "subject", text[start:min(end, stop + 12)], sentence, start) for u in units]
    return []


def _complete_unit(masked: str, begin: int, stop: int, end: int) -> bool:
    """Whether ``masked[begin:stop]`` names a body that does not go on: not 部 of 部门,
    局 of 局长 or 小学 of 小学生."""
    name = masked[begin:stop]
    if stop >= end or not is_organisation(name, strict=True) or name[0] in QUOTES or re.search("[:、,]", name):
        return False
    longer = [masked[begin:stop + n] for n in (1, 2) if stop + n <= end]
    return not any(is_person(w) or is_organisation(w) for w in longer) or opens_predicate(masked[stop:end])
