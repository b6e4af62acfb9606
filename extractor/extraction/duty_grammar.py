"""The grammar of duty sentences: which words open a predicate and what kind of duty each gives,
which endings close a unit's name, and which predicates give a firm a duty.

>>> pattern, kinds = predicates()
>>> kinds[pattern.match("要加强").group()], kinds[pattern.match("牵头制定").group()]
('duty', 'lead')
>>> pattern.match("要求") is None
True
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractor.lexicon import SENTENCE_MARKS, unit_name_endings
from extractor.extraction.organisations import UnitName, word_list
from extractor.structure.sentences import Sentence

WINDOW = 300  # a subject list and its predicate fit in this many characters
CLAUSE_END = re.compile(f"[,;{SENTENCE_MARKS}\n]")
FALSE_PREDICATES = {  # a predicate word that is only the start of another word
    "要": "求素点件闻害务案么是", "应": "用急对届收付答征聘试变有", "将": "来近军",
    "负责": "人同", "须": "知", "可": "能行靠控信视", "是": "否", "对": "于接口外标照比象待",
    "经": "济费营验常典纬办销委信贸发", "在": "于校编岗读职建", "按": "期时", "需": "求", "全面": "的",
    "领导": "职班干小岗层体人同的者", "研究": "生院所",
    "自": "治然身己查筹", "完成": "率度情", "进行": "中", "组织": "部",
}
MODAL = re.compile(
    r"""(?:一定|都|也|还|均)?                 # 都要, 也应
        (?:要(?:切实)?|应当?|应该|须|必须|务必|需要?|不得)  # a modal verb: the subject has a duty
      | (?:具体|主要)?负责|承担|牵头                     # or a duty verb (电网企业负责组织…)
    """,
    re.VERBOSE,
)
ENTERPRISE = ("企业", "主体")  # a firm (市场主体) is the subject of a duty only before a modal, else a beneficiary
POST = re.compile(
    r"""(?:主要|分管|有关|相关)?(?:领导|负责人|负责同志)  # 市政府主要领导, 企业主要负责人: a person
      | 副?[省市县区乡镇局厅处科校院]长            # 县政府副县长: a post
    """,
    re.VERBOSE,
)
LIST_GOES_ON = "的、,和与及或等("  # a unit followed by one of these is not yet complete


@lru_cache(maxsize=1)
def predicates() -> tuple[re.Pattern, dict[str, str]]:
    """The predicate words (longest first, each guarded against longer words) and their kinds."""
    kinds = dict(line.split()[:2] for line in word_list("duty_predicates.txt"))
    words = sorted(kinds, key=len, reverse=True)
    guarded = (re.escape(w) + (f"(?![{FALSE_PREDICATES[w]}])" if w in FALSE_PREDICATES else "")
               for w in words)
    return re.compile("|".join(guarded)), kinds


@lru_cache(maxsize=1)
def ending_pattern() -> re.Pattern:
    """A character a unit list can end with (or the colon or space after it)."""
    return re.compile("[" + re.escape("".join(sorted(unit_name_endings()))) + ": ]")


def fits_predicate(units: list[UnitName], predicate: str) -> bool:
    """Firms are given a duty only by a modal or a duty verb: 企业要…, 企业负责…, not 企业将获得…
    or 企业享受….

    >>> fits_predicate([UnitName("外贸企业", 0, 4)], "将"), fits_predicate([UnitName("外贸企业", 0, 4)], "要")
    (False, True)
    """
    firms = any(u.name.endswith(ENTERPRISE) for u in units)
    return not firms or MODAL.fullmatch(predicate) is not None


def opens_with_duty(masked: str, start: int) -> bool:
    pattern, kinds = predicates()
    predicate = pattern.match(masked, start)
    return bool(predicate) and kinds[predicate.group()] == "duty"


def predicate_at(masked: str, start: int) -> bool:
    """Whether a predicate word (落实, 会同, 负责…) opens the text at ``start``."""
    pattern, _ = predicates()
    return pattern.match(masked, start) is not None


def clause_end(masked: str, start: int, sentence: Sentence) -> int:
    end = CLAUSE_END.search(masked, start, sentence.end)
    return min(end.start() if end else sentence.end, start + WINDOW)
