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
from extractor.lexicon import entries

MAX_NAME = 32  # longer "names" are clauses, not organisations
CHUNK = re.compile(r"(?:[^,;()]|\([^()]*\))+")  # the stretches between commas, brackets kept whole
TRAILING_ETC = re.compile(r"等$")  # 省商务厅、省财政厅等: the list is open, its names are not

LEVEL = r"""(?:地级以上市|地级市|设区的市            # a city level
             |(?:省|市|州|县|区|旗|盟|乡|镇)          # an administrative level
              (?:\((?:(?:[市区县旗镇乡]|街道)、?)+\))?  # the kinds beside it: 县(市、区), 镇(街道)
              (?:级(?:以上|以下)?)?                     # 县级, 县级以上
            )
"""
LOCALITY = re.compile(
    rf"""(?:各|所有|全省所有|全市所有|全州所有)?{LEVEL}   # 市, 县(区), 各县(市), 县级
       | 各(?:地区?|地市|设区市|盟市|乡镇|乡\(镇\)|镇办|街道|村|社区)  # every place of a kind
       | (?:省|市|县)里                                    # 省里
    """,
    re.VERBOSE,
)
LEVEL_PREFIX = re.compile(
    rf"""(?P<level>(?>{LEVEL}))                    # 市 in 市教育部门
         (?!场|民(?!政|族)|域|块|容|貌|政(?:公用|设施|工程))  # not 市场, 市民, 区域, 县域, 市政工程
    """,
    re.VERBOSE,
)
CONCATENATED_LEVELS = re.compile(
    rf"""({LEVEL})({LEVEL})$   # 市县(区): two levels with no separator
    """,
    re.VERBOSE,
)
PROVINCE_SUFFIX = re.compile(r"(?:省|市|(?:壮族|回族|维吾尔)?自治区|特别行政区)$")  # 海南省 -> 海南
BARE_LEVEL = re.compile(r"[省市县区镇乡](?!场|民(?!政|族)|域|政(?:公用|设施|工程))")  # 市 of 市、区民政部门
LEVEL_COUNT = re.compile(r"^[两三四五]级")  # 市、区两级财政: the levels counted
FIELD_HEAD = re.compile(
    r"""(?P<head>(?:主管|行政主管|管理)?(?:部门|机构|机关))  # the ending a bare field list shares
        (?:\([^()]{1,6}\))?$                          # 部门(单位)
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
    r"""\s*(?:(?P<mark>[、,;])           # list punctuation
         | 以及 | 及其 | 及 | 和 | 与 | 或者 | 或  # conjunctions, unless inside a name
        )\s*""",
    re.VERBOSE,
)
NOT_A_NAME = re.compile(
    r"""^[对在向从把将让给被以按凡若或并且而但及和与为据不我除逐报可者仅是就]  # a preposition…
      | ^其(?!他)                                 # 其 (but 其他部门)
      | ^经(?![济信贸])                            # 经…同意
      | ^(?:年初|年底|年内|今年|明年|目前|当前|近年|今后|原则上)      # a time or hedge
      | [的了们被把向给每按\d#《》<>:]               # modifiers, aspect, 每年, 按…, numbers, masked titles
      | 分别
      | (?<![自理经缘])由                          # 由 inside: the unit after it is the subject
    """,
    re.VERBOSE,
)
ABBREVIATION_PREFIX = re.compile(
    rf"""{LEVEL}(?!场|民|域|内|外|里|委|政府)   # 省 in 省贸促会, not 市场, 省内, 市委
    """,
    re.VERBOSE,
)
MAX_ABBREVIATION = 7  # 市红十字会; longer phrases are clauses
GENERIC = ("部门", "单位", "机构", "机关", "中心", "小组", "组织")  # too vague alone
TRAILING_NOTE = re.compile(r"(?<=.)\([^()]{1,12}\)$")  # 政府(管委会), 单位(学校)
BARE_BODIES = ("政府", "人民政府", "党委", "人大", "政协", "纪委", "管委会")
AGENCY_ENDINGS = ("部门", "机构", "机关", "局", "委", "厅", "办", "部", "会", "中心")
EVERY_LEVEL = re.compile(r"(?P<level>各(?:市县|县市|地区|市|县|区|地|州|旗|乡镇|街道)(?:\([^()]{1,6}\))?|同级|本级)"
                         r"(?=[\u4e00-\u9fff])")  # 各市县(区)…, 同级…: a level every field of a list shares
MAX_BARE_AGENCY = 7  # 国资委, 卫生健康委, 机关事务局: an agency named without its level


@dataclass(frozen=True)
class UnitName:
    """One organisation of a written list; ``start``/``end`` is its written span."""

    name: str
    start: int
    end: int


def word_list(name: str) -> tuple[str, ...]:
    """The words of ``extractor/data/NAME``, one a line, without its # header."""
    return entries(name)


@lru_cache(maxsize=1)
def _suffixes() -> tuple[str, ...]:
    return tuple(sorted(word_list("organisation_suffixes.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _short_endings() -> tuple[str, ...]:
    return word_list("organisation_short_endings.txt")


@lru_cache(maxsize=1)
def _people() -> tuple[str, ...]:
    return word_list("people_words.txt")


@lru_cache(maxsize=1)
def _non_organisations() -> tuple[str, ...]:
    return word_list("non_organisations.txt")


@lru_cache(maxsize=1)
def _verbs() -> tuple[str, ...]:
    words = (line.split()[0] for line in word_list("duty_predicates.txt"))
    return tuple(w for w in words if len(w) >= 2)


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    return frozenset(word_list("predicate_openers.txt")) | frozenset(_verbs())


def is_locality(phrase: str) -> bool:
    """A level or every place of a kind: 市, 县(区), 各县(市), 各地.

    >>> is_locality("各县(区)"), is_locality("县域")
    (True, False)
    """
    return LOCALITY.fullmatch(phrase) is not None


@lru_cache(maxsize=8192)
def is_organisation(phrase: str, *, strict: bool = False) -> bool:
    """Whether ``phrase`` names a body: it ends like one and is not a place, post or clause.
    ``strict`` also rejects a phrase opened by any common verb or adverb (支持学校).

    >>> [is_organisation(p) for p in ("市教育局", "各学校", "学校布局", "组织托管学校", "局")]
    [True, True, False, False, False]
    >>> is_organisation("支持学校"), is_organisation("支持学校", strict=True)
    (True, False)
    """
    if not phrase or len(phrase) > MAX_NAME or NOT_A_NAME.search(phrase) or phrase in GENERIC:
        return False
    if phrase.count("(") != phrase.count(")") or phrase.startswith("("):
        return False
    phrase = TRAILING_NOTE.sub("", phrase)
    suffix = next((s for s in _suffixes() if phrase.endswith(s)), None)
    if suffix is None and _is_abbreviation(phrase):
        return True
    if suffix is None or (len(suffix) == 1 and len(phrase) == 1):
        return False
    if any(phrase.endswith(word) for word in _non_organisations()):
        return False
    if strict:
        return not any(phrase[:n] in _openers() for n in (2, 3, 4))
    opener = next((phrase[:n] for n in (2, 3, 4) if phrase[:n] in _verbs()), None)
    return opener is None or len(phrase) == len(opener) + len(suffix)


def _is_abbreviation(phrase: str) -> bool:
    """A short name after a level prefix ending in a one-character body word: 省贸促会,
    省工商联 — but not 社会, 省内旅行, 市里开会 or 省商务厅会(同).

    >>> [_is_abbreviation(p) for p in ("省贸促会", "省工商联", "省内旅行", "全社会", "省商务厅会")]
    [True, True, False, False, False]
    """
    level = ABBREVIATION_PREFIX.match(phrase)
    if not level or not phrase.endswith(_short_endings()) or len(phrase) > MAX_ABBREVIATION:
        return False
    inner = phrase[level.end():]
    words = {inner[i:i + 2] for i in range(len(inner) - 1)}
    return (len(inner) >= 2 and not words & _openers() and not is_organisation(phrase[:-1])
            and not any(phrase.endswith(word) for word in _non_organisations()))


def looks_like_name(phrase: str) -> bool:
    """Whether a member of a responsibility list reads as the name of a body even when its
    kind is unknown: not a person, post or beneficiary, not a clause, of a name's length.

    >>> [looks_like_name(p) for p in ("某某工作专班", "学生家长", "加强监管", "工作人员", "市委召开会")]
    [True, False, False, False, False]
    """
    if is_member(phrase):
        return True
    if not 1 < len(phrase) <= MAX_NAME or NOT_A_NAME.search(phrase) or phrase in GENERIC:
        return False
    if phrase.count("(") != phrase.count(")") or phrase.startswith("("):
        return False
    bare = TRAILING_NOTE.sub("", phrase)
    words = {bare[i:i + 2] for i in range(len(bare) - 1)}
    return (not is_person(bare) and not any(bare.endswith(w) for w in _non_organisations())
            and not any(bare[:n] in _openers() for n in (2, 3, 4)) and not words & set(_verbs()))


def opens_predicate(text: str) -> bool:
    """Whether ``text`` starts with a common verb, adverb or preposition (组成…, 负责…).

    >>> opens_predicate("组成领导小组"), opens_predicate("局长任主任")
    (True, False)
    """
    return any(text[:n] in _openers() for n in (2, 3, 4))


def is_person(phrase: str) -> bool:
    """Whether ``phrase`` ends like a person, post or beneficiary: 局长, 小学生, 工作人员.

    >>> is_person("县教体局局长"), is_person("小学生"), is_person("县教体局")
    (True, True, False)
    """
    return phrase.endswith(_people())


def is_member(phrase: str, *, strict: bool = False) -> bool:
    """An organisation or a locality."""
    return is_locality(phrase) or is_organisation(phrase, strict=strict)


def is_field(phrase: str, *, first: bool = False, strict: bool = False) -> bool:
    """A bare field of government work in a list of departments: 发展改革, 机构编制.
    The ``first`` member of a list must not open with a verb (any common one if ``strict``).

    >>> is_field("人力资源社会保障"), is_field("编制"), is_field("发挥市", first=True)
    (True, True, False)
    """
    bare = phrase[2:] if phrase.startswith("各级") else phrase
    verbs = (_openers() if strict else _verbs()) if first else ()
    return (1 < len(bare) <= 10 and not NOT_A_NAME.search(bare)
            and not any(bare[:n] in verbs for n in (2, 3, 4)) and "部门" not in bare)


def _pieces(phrase: str) -> list[tuple[str, int]]:
    """``phrase`` cut at list punctuation, and at conjunctions after a unit (党委和政府, but
    not 公共管理和服务机构 or 住房和城乡建设部门)."""
    pieces, start = [], 0
    for sep in SEPARATOR.finditer(phrase):
        left = phrase[start:sep.start()]
        if not sep.group("mark") and not (is_member(left) or GROUP_HEAD.match(left)):
            continue
        if not left:
            return []
        pieces.append((left, start))
        start = sep.end()
    pieces.append((phrase[start:], start))
    return pieces if pieces[-1][0] else []


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


def _field_list(members, head: str, span: tuple[int, int], strict: bool) -> list[UnitName] | None:
    """Bare fields sharing an ending: 各级教育、财政等部门 -> 教育部门, 财政部门; levels listed
    before them go with each: 市、区发展改革、财政等部门 -> 市发展改革部门, 区发展改革部门, …"""
    levels, members = _levels_before_fields(members)
    if not levels:
        return _fields(members, head, span, strict)
    fields = _fields([(levels[0] + text, at) for text, at in members], head, span, strict)  # 市残联 stays
    return fields and [UnitName(level + unit.name[len(levels[0]):], *span) for unit in fields for level in levels]


def _levels_before_fields(members) -> tuple[list[str], list]:
    """The bare levels that open a list (市、区…) and the fields after them, the first of which
    carries the last level (区发展改革): ([市, 区], [发展改革, …]); else ([], members)."""
    count = next((i for i, (text, _) in enumerate(members) if not BARE_LEVEL.fullmatch(text)), len(members))
    if not count or count == len(members):
        return [], members
    text, at = members[count]
    level = BARE_LEVEL.match(text)
    if not level:
        return [], members
    rest = LEVEL_COUNT.sub("", text[level.end():])
    return [t for t, _ in members[:count]] + [level.group()], [(rest, at + len(text) - len(rest))] + members[count + 1:]


def _fields(members, head: str, span: tuple[int, int], strict: bool) -> list[UnitName] | None:
    if not all(is_field(t, first=i == 0, strict=strict) or is_member(t, strict=strict and i == 0)
               for i, (t, _) in enumerate(members)):
        return None
    first = members[0][0]
    level = EVERY_LEVEL.match(first) or LEVEL_PREFIX.match(first)
    prefix = "" if first.startswith("各级") or not level else level.group("level")
    generic = FIELD_HEAD.search(re.sub(r"^(?:相关|有关|其他)", "", head).replace("单位", "部门"))  # 财政等单位
    units = []
    for text, at in members:
        bare = text[2:] if text.startswith("各级") else text
        if prefix and not bare.startswith(prefix):
            bare = prefix + bare
        if generic and not bare.endswith(AGENCY_ENDINGS) and not _is_abbreviation(bare):
            bare += generic.group("head")  # 财政、教育等部门 -> 财政部门 (not 省工商联部门)
        units.append(UnitName(bare, *span) if len(members) > 1 else UnitName(bare, at, at + len(text)))
    return _split_every_level(units, prefix)


def _split_every_level(units: list[UnitName], prefix: str) -> list[UnitName]:
    """各市县农业农村部门 -> 各市农业农村部门, 各县农业农村部门: levels written together are split."""
    levels = CONCATENATED_LEVELS.fullmatch(prefix[1:]) if prefix.startswith("各") else None
    if not levels:
        return units
    return [UnitName("各" + level + unit.name[len(prefix):], unit.start, unit.end)
            for unit in units for level in levels.groups()]


def _named_list(members, span: tuple[int, int], strict: bool) -> list[UnitName] | None:
    """Organisations and localities; bare levels take the body of the next member."""
    if not all(is_member(text, strict=strict and i == 0) for i, (text, _) in enumerate(members)):
        return None
    units, waiting = [], []
    for text, at in members:
        level = LEVEL_PREFIX.match(text)
        if is_locality(text) and text != members[-1][0]:
            waiting.append((text, at))
            continue
        body = text[level.end():] if level and not is_locality(text) else ""
        every = "各" if waiting and waiting[0][0].startswith("各") else ""
        if body and waiting:
            body = LEVEL_COUNT.sub("", body)  # 市、区两级财政 -> 市财政, 区财政
            units += [UnitName(_every(every, w) + body, *span) for w, _ in waiting]
            text = level.group("level") + body
        else:
            units += [UnitName(w, at_w, at_w + len(w)) for w, at_w in waiting]
        units.append(UnitName(_every(every, text), at, at + len(text)))
        waiting = []
    units += [UnitName(w, at_w, at_w + len(w)) for w, at_w in waiting]
    return _share_level(units)


def _every(every: str, text: str) -> str:
    return every + text if every and not text.startswith("各") else text


def _share_level(units: list[UnitName]) -> list[UnitName]:
    """县(区)党委、政府 -> 县(区)党委, 县(区)政府, and 市发展改革委、国资委 -> 市国资委: a bare
    body, or a short agency name without a level, takes the first member's level."""
    level = LEVEL_PREFIX.match(units[0].name) if units else None
    if not level or is_locality(units[0].name):
        return units
    return [UnitName(level.group("level") + u.name, u.start, u.end)
            if u is not units[0] and _lacks_level(u.name) else u for u in units]


def _lacks_level(name: str) -> bool:
    """A bare body (政府) or a short agency name with no level or place of its own (国资委)."""
    if name.startswith(BARE_BODIES):
        return True
    return (len(name) <= MAX_BARE_AGENCY and name.endswith(AGENCY_ENDINGS) and not LEVEL_PREFIX.match(name)
            and not name.startswith(("各", "有关", "相关", "其他", "其它", "国家", "中国", "中央"))
            and not _is_abbreviation(name) and not any(place in name for place in _province_names()))  # 民航海南监管局


@lru_cache(maxsize=1)
def _province_names() -> tuple[str, ...]:
    """The provinces' short names (海南, 内蒙古): a name holding one has a place of its own."""
    from extractor.extraction.localities import divisions

    return tuple(PROVINCE_SUFFIX.sub("", d.name) for d in divisions() if d.level == "province")


def split_unit_list(phrase: str, *, listed: bool = False, strict: bool = False) -> list[UnitName] | None:
    """The organisations ``phrase`` names, or None when it is not a list of organisations.

    With ``listed`` (a 责任单位: list or a (…牵头,…配合) tag) the list itself is the evidence:
    every member that reads as a name counts, and an unknown one does not lose the others;
    ``strict`` rejects members opened by any common verb or adverb.

    >>> [u.name for u in split_unit_list("县(区)党委、政府(管委会)")]
    ['县(区)党委', '县(区)政府(管委会)']
    >>> [u.name for u in split_unit_list("各级妇幼保健、疾病预防控制、卫生监督机构")]
    ['妇幼保健机构', '疾病预防控制机构', '卫生监督机构']
    >>> [u.name for u in split_unit_list("各市县农业农村、财政部门")]
    ['各市农业农村部门', '各县农业农村部门', '各市财政部门', '各县财政部门']
    >>> [u.name for u in split_unit_list("市、县(区)和各中小学校")]
    ['市', '县(区)', '各中小学校']
    >>> split_unit_list("发挥市、县(区)级教师发展机构") is None
    True
    >>> [u.name for u in split_unit_list("某某工作专班、省商务厅、学生家长", listed=True)]
    ['某某工作专班', '省商务厅']
    """
    units = _unit_list(phrase, listed, strict)
    return None if units is None else list(units)


@lru_cache(maxsize=8192)
def _unit_list(phrase: str, listed: bool, strict: bool) -> tuple[UnitName, ...] | None:
    """``split_unit_list``, remembered: the same phrases recur in a document's tags. Commas part
    lists of their own (各镇(街道),区级相关部门: a level before a comma lends nothing after it)."""
    phrase = TRAILING_ETC.sub("", phrase.strip())
    chunks = [m for m in CHUNK.finditer(phrase) if m.group().strip()]
    if len(chunks) > 1:
        parts = [_unit_list(m.group(), listed, strict) for m in chunks]
        if any(part is None for part in parts):
            return None
        return tuple(UnitName(u.name, u.start + m.start(), u.end + m.start()) for m, part in zip(chunks, parts)
                     for u in part)
    pieces = _split_each(_pieces(phrase))
    if not pieces:
        return None
    units = []
    for members, head in _groups(pieces):
        span = (members[0][1], members[-1][1] + len(members[-1][0]) + (len(head) + 1 if head else 0))
        named = _group_units(members, head, span, listed, strict)
        if not named:
            return None
        units += named
    return tuple(units)


def _group_units(members, head, span, listed, strict) -> list[UnitName] | None:
    if head:
        return _field_list(members, head, span, strict)
    last = FIELD_HEAD.search(members[-1][0])
    bare = [t for t, _ in members[:-1] if not is_member(t) and not is_locality(t)]
    if last and len(members) > 1 and len(bare) == len(members) - 1 and is_organisation(members[-1][0]):
        text, at = members[-1]
        return _field_list(members[:-1] + [(text[:last.start()], at)], last.group(), span, strict)
    named = _named_list(members, span, strict)
    if named or not listed:
        return named
    return [UnitName(t, at, at + len(t)) for t, at in members if looks_like_name(t)] or None
