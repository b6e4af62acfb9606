"""Organisation names in policy text: is a phrase a body that can be given a duty, and which
bodies does a written list name.

Levels and kinds written together are split, fields listed before 等部门 get the ending:

>>> [u.name for u in split_unit_list("市、县(区)教育部门")]
['市教育部门', '县(区)教育部门']
>>> [u.name for u in split_unit_list("发展改革、财政等部门")]
['发展改革部门', '财政部门']
>>> [u.name for u in split_unit_list("各旗、县、区人民政府")]
['各旗人民政府', '各县人民政府', '各区人民政府']
>>> [u.name for u in split_unit_list("托管学校与帮扶县中")]
['托管学校', '帮扶县中']
>>> split_unit_list("校长和教师") is None
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
MAX_NAME = 32  # longer "names" are clauses, not organisations

LEVEL = r"""(?:省|市|州|县|区|旗|盟|乡|镇)    # an administrative level
            (?:\((?:[市区县旗镇乡]、?)+\))?     # the kinds beside it: 县(市、区)
            级?                                 # 县级
"""
LOCALITY = re.compile(
    rf"""(?:各|所有|全省所有|全市所有|全州所有)?{LEVEL}   # 市, 县(区), 各县(市), 县级
       | 各(?:地区?|地市|设区市|盟市|乡镇|乡\(镇\)|镇办|街道|村|社区)  # every place of a kind
       | (?:省|市|县)里                                    # 省里
    """,
    re.VERBOSE,
)
LEVEL_PREFIX = re.compile(
    rf"""(?P<level>{LEVEL})                 # 市 in 市教育部门
         (?!场|民|域|块|容|貌|政(?!府))      # not 市场, 区域, 县域, 市政
    """,
    re.VERBOSE,
)
CONCATENATED_LEVELS = re.compile(
    rf"""({LEVEL})({LEVEL})$   # 市县(区): two levels with no separator
    """,
    re.VERBOSE,
)
FIELD_HEAD = re.compile(
    r"""(?P<head>部门|机构|机关)     # the ending a bare field list shares
        (?:\([^()]{1,6}\))?$         # 部门(单位)
    """,
    re.VERBOSE,
)
GROUP_HEAD = re.compile(
    r"""^(?P<last>.*?)等                                     # the last field before 等
        (?P<head>[\u4e00-\u9fff]{0,4}?(?:部门|单位|机构|机关|组织|方面))  # 等部门, 等群团组织
        (?:\([^()]{1,6}\))?$                                 # 部门(单位)
    """,
    re.VERBOSE,
)
SEPARATOR = re.compile(
    r"""\s*(?:[、,;]                # list punctuation
         | 以及 | 及 | 和 | 与 | 或  # conjunctions, unless inside a name
        )\s*""",
    re.VERBOSE,
)
NOT_A_NAME = re.compile(
    r"""^[对在向从把将由让给被以按凡若]   # a clause opened by a preposition
      | [的\d#《》<>:]                      # modifiers, numbers, masked titles, tags
    """,
    re.VERBOSE,
)
TRAILING_NOTE = re.compile(r"(?<=.)\([^()]{1,12}\)$")  # 政府(管委会), 单位(学校)
BARE_BODIES = ("政府", "人民政府", "党委", "人大", "政协", "纪委", "管委会")
AGENCY_ENDINGS = ("部门", "机构", "机关", "局", "委", "厅", "办", "部", "会", "中心")


@dataclass(frozen=True)
class UnitName:
    """One organisation of a written list; ``start``/``end`` is its written span."""

    name: str
    start: int
    end: int


def _words(name: str) -> tuple[str, ...]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return tuple(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def _suffixes() -> tuple[str, ...]:
    return tuple(sorted(_words("organisation_suffixes.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _non_organisations() -> tuple[str, ...]:
    return _words("non_organisations.txt")


@lru_cache(maxsize=1)
def _protected_names() -> re.Pattern:
    return re.compile("|".join(map(re.escape, _words("department_fields.txt"))))


@lru_cache(maxsize=1)
def _verbs() -> tuple[str, ...]:
    words = (line.split()[0] for line in _words("duty_predicates.txt"))
    return tuple(w for w in words if len(w) >= 2)


def is_locality(phrase: str) -> bool:
    """A level or every place of a kind: 市, 县(区), 各县(市), 各地.

    >>> is_locality("各县(区)"), is_locality("县域")
    (True, False)
    """
    return LOCALITY.fullmatch(phrase) is not None


def is_organisation(phrase: str) -> bool:
    """Whether ``phrase`` names a body: it ends like one and is not a place, post or clause.

    >>> [is_organisation(p) for p in ("市教育局", "各学校", "学校布局", "组织托管学校", "局")]
    [True, True, False, False, False]
    """
    if not phrase or len(phrase) > MAX_NAME or NOT_A_NAME.search(phrase):
        return False
    phrase = TRAILING_NOTE.sub("", phrase)
    suffix = next((s for s in _suffixes() if phrase.endswith(s)), None)
    if suffix is None or (len(suffix) == 1 and len(phrase) == 1):
        return False
    if any(phrase.endswith(word) for word in _non_organisations()):
        return False
    opener = next((v for v in _verbs() if phrase.startswith(v)), None)
    return opener is None or len(phrase) == len(opener) + len(suffix)


def is_member(phrase: str) -> bool:
    """An organisation or a locality."""
    return is_locality(phrase) or is_organisation(phrase)


def _pieces(phrase: str) -> list[tuple[str, int]]:
    """``phrase`` cut at list separators (not at a 和 inside a department name)."""
    protected = [m.span() for m in _protected_names().finditer(phrase)]
    pieces, start = [], 0
    for sep in SEPARATOR.finditer(phrase):
        if any(a < sep.start() < b for a, b in protected) or sep.start() == start:
            continue
        pieces.append((phrase[start:sep.start()], start))
        start = sep.end()
    pieces.append((phrase[start:], start))
    return [(text, at) for text, at in pieces if text] if all(t for t, _ in pieces) else []


def _split_each(pieces: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Split run-together kinds: 各地各学校 -> 各地, 各学校; 市县(区) -> 市, 县(区)."""
    out = []
    for text, at in pieces:
        cut = text.find("各", 1)
        levels = CONCATENATED_LEVELS.fullmatch(text)
        if cut > 0 and is_member(text[:cut]) and is_member(text[cut:]):
            out += [(text[:cut], at), (text[cut:], at + cut)]
        elif levels:
            out += [(levels.group(1), at), (levels.group(2), at + levels.start(2))]
        else:
            out.append((text, at))
    return out


def _groups(pieces: list[tuple[str, int]]) -> list[tuple[list[tuple[str, int]], str | None]]:
    """Pieces grouped by the 等HEAD that closes them (发展改革、财政等部门)."""
    groups, current = [], []
    for text, at in pieces:
        closing = GROUP_HEAD.match(text)
        if closing and closing.group("last"):
            current.append((closing.group("last"), at))
            groups.append((current, closing.group("head")))
            current = []
        else:
            current.append((text, at))
    if current:
        groups.append((current, None))
    return groups


def _field_list(members, head: str, span: tuple[int, int]) -> list[UnitName] | None:
    """Bare fields sharing an ending: 各级教育、财政等部门 -> 教育部门, 财政部门."""
    first = members[0][0]
    level = LEVEL_PREFIX.match(first)
    prefix = "" if first.startswith("各级") or not level else level.group("level")
    generic = FIELD_HEAD.search(head)
    units = []
    for text, at in members:
        bare = text[2:] if text.startswith("各级") else text
        if prefix and not bare.startswith(prefix):
            bare = prefix + bare
        if generic and not bare.endswith(AGENCY_ENDINGS):
            bare += generic.group("head")
        if len(bare) > MAX_NAME or NOT_A_NAME.search(bare):
            return None
        units.append(UnitName(bare, *span) if len(members) > 1 else UnitName(bare, at, at + len(text)))
    return units


def _named_list(members, span: tuple[int, int]) -> list[UnitName] | None:
    """Organisations and localities; bare levels take the body of the next member."""
    if not all(is_member(text) for text, _ in members):
        return None
    units, waiting = [], []
    every = "各" if members[0][0].startswith("各") and is_locality(members[0][0]) else ""
    for text, at in members:
        level = LEVEL_PREFIX.match(text)
        if is_locality(text) and text != members[-1][0]:
            waiting.append((text, at))
            continue
        body = text[level.end():] if level and not is_locality(text) else ""
        if body and waiting:
            units += [UnitName(_every(every, w) + body, *span) for w, _ in waiting]
        else:
            units += [UnitName(w, at_w, at_w + len(w)) for w, at_w in waiting]
        units.append(UnitName(_every(every, text), at, at + len(text)))
        waiting = []
    units += [UnitName(w, at_w, at_w + len(w)) for w, at_w in waiting]
    return _share_level(units)


def _every(every: str, text: str) -> str:
    return every + text if every and not text.startswith("各") else text


def _share_level(units: list[UnitName]) -> list[UnitName]:
    """县(区)党委、政府 -> 县(区)党委, 县(区)政府: a bare body takes the first member's level."""
    level = LEVEL_PREFIX.match(units[0].name) if units else None
    if not level or is_locality(units[0].name):
        return units
    return [UnitName(level.group("level") + u.name, u.start, u.end)
            if u.name.startswith(BARE_BODIES) and u is not units[0] else u for u in units]


def split_unit_list(phrase: str, *, listed: bool = False) -> list[UnitName] | None:
    """The organisations ``phrase`` names, or None when it is not a list of organisations.

    With ``listed`` (a 责任单位: list) every member counts as an organisation.

    >>> [u.name for u in split_unit_list("县(区)党委、政府(管委会)")]
    ['县(区)党委', '县(区)政府(管委会)']
    >>> [u.name for u in split_unit_list("各级妇幼保健、疾病预防控制、卫生监督机构")]
    ['妇幼保健机构', '疾病预防控制机构', '卫生监督机构']
    >>> [u.name for u in split_unit_list("市、县(区)和各中小学校")]
    ['市', '县(区)', '各中小学校']
    """
    pieces = _split_each(_pieces(phrase.strip()))
    if not pieces:
        return None
    units = []
    for members, head in _groups(pieces):
        span = (members[0][1], members[-1][1] + len(members[-1][0]) + (len(head) + 1 if head else 0))
        named = _group_units(members, head, span, listed)
        if not named:
            return None
        units += named
    return units


def _group_units(members, head, span, listed) -> list[UnitName] | None:
    if head:
        return _field_list(members, head, span)
    last = FIELD_HEAD.search(members[-1][0])
    bare = [t for t, _ in members[:-1] if not is_member(t)]
    if last and len(members) > 1 and len(bare) == len(members) - 1 and is_organisation(members[-1][0]):
        text, at = members[-1]
        return _field_list(members[:-1] + [(text[:last.start()], at)], last.group(), span)
    if listed:
        return [UnitName(t, at, at + len(t)) for t, at in members
                if 1 < len(t) <= MAX_NAME and not NOT_A_NAME.search(t)] or None
    return _named_list(members, span)
