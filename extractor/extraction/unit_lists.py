"""Lists of organisations split into one name each (tests/gold/GUIDE.md, "responsibilities"):
levels and kinds written together are split, fields listed before 等部门 get the ending, levels
listed before fields go with each, a bare body takes the level of the first name.

>>> [u.name for u in split_unit_list("市、县(区)教育部门")]
['市教育部门', '县(区)教育部门']
>>> [u.name for u in split_unit_list("发展改革、财政等部门")]
['发展改革部门', '财政部门']
>>> [u.name for u in split_unit_list("市、区发展改革、财政等部门")]
['市发展改革部门', '区发展改革部门', '市财政部门', '区财政部门']
>>> [u.name for u in split_unit_list("各旗、县、区人民政府")]
['各旗人民政府', '各县人民政府', '各区人民政府']
>>> [u.name for u in split_unit_list("托管学校与帮扶县中")]
['托管学校', '帮扶县中']
>>> split_unit_list("校长和教师") is None
True
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractor.lexicon import words
from extractor.extraction.organisations import (LEVEL, UnitName, is_abbreviation, is_field, is_locality, is_member,
                                                is_organisation, looks_like_name)

CHUNK = re.compile(r"(?:[^,;()]|\([^()]*\))+")  # the stretches between commas, brackets kept whole
TRAILING_ETC = re.compile(r"等$")  # 省商务厅、省财政厅等: the list is open, its names are not
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
BARE_LEVEL = re.compile(
    r"""[省市县区镇乡](?:\([市区县旗、]{1,5}\))?    # 市 of 市、区民政部门, 县(区) of 市、县(区)教育部门
        (?!场|民(?!政|族)|域|政(?:公用|设施|工程))  # not 市场, 市民, 区域, 市政工程
    """,
    re.VERBOSE,
)
LEVEL_COUNT = re.compile(r"^[两三四五]级")  # 市、区两级财政: the levels counted
FIELD_HEAD = re.compile(
    r"""(?P<head>(?:行业)?(?:主管|行政主管|管理)?(?:部门|机构|机关))  # the ending a bare field list shares
        (?:\([^()]{1,6}\))?$                                 # 部门(单位)
    """,
    re.VERBOSE,
)
FIRM_HEAD = re.compile(r"(?P<head>企业|公司)$")  # 发电、电储能企业: the firms of each field listed
GROUP_HEAD = re.compile(
    r"""^(?P<last>.*?)等                                     # the last field before 等
        (?P<head>[\u4e00-\u9fff]{0,4}?(?:部门|单位|机构|机关|组织|方面|企业|公司))  # 等部门, 等群团组织
        (?:\([^()]{1,6}\))?$                                 # 部门(单位)
    """,
    re.VERBOSE,
)
GENERIC_KIND = re.compile(r"(?:有关|相关|其他)?(?:部门|单位|机构|组织)")  # a kind of body, no body named
SEPARATOR = re.compile(
    r"""\s*(?:(?P<mark>[、,;])           # list punctuation
         | 以及 | 及其 | 及 | 和 | 与 | 或者 | 或  # conjunctions, unless inside a name
        )\s*""",
    re.VERBOSE,
)
PLACE_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}")  # 岚城, 澳前: a place's own name
PLACE_KIND_BODY = re.compile(
    r"""(?P<place>[\u4e00-\u9fff]{2,3}?)                    # 澳前
        (?P<kind>片区|开发区|园区|镇|乡|街道|社区|村)            # 片区: the kind of place they all are
        (?P<body>[\u4e00-\u9fff]*)                           # 开发管理局: the body each has
    """,
    re.VERBOSE,
)
OWN_OFFICES = re.compile(r"各(?:有关|相关)?(?:部门|单位|成员单位|处室|科室)")  # 市政府各有关部门: a body's own offices
RELATIONAL = re.compile(r"(?:派出|下属|直属|所属)(?:机构|单位|部门)")  # 派出机构 of 国家能源局及其派出机构
BARE_BODIES = ("政府", "人民政府", "党委", "人大", "政协", "纪委", "管委会")
AGENCY_ENDINGS = ("部门", "机构", "机关", "局", "委", "厅", "办", "部", "会", "联", "中心")
EVERY_LEVEL = re.compile(r"(?P<level>各(?:市县|县市|地区|市|县|区|地|州|旗|乡镇|街道)(?:\([^()]{1,6}\))?|同级|本级)"
                         r"(?=[\u4e00-\u9fff])")  # 各市县(区)…, 同级…: a level every field of a list shares
FIRM_ENDINGS = ("公司", "企业", "集团", "银行")  # a firm's name: its level is no government's
SHORT_NAME_ASIDE = re.compile(r"\((?:(?:以下)?简称[^()]*|(?:成员)?名单附后|名单见附件\d?)\)$")  # (以下简称广西中调), (名单附后)
NAME_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s(?=[\u4e00-\u9fff])")  # a stray space inside a name: 各片区管理 局
MAX_PREFIX = 8  # characters before a field that a list may share: 各区县(自治县), 省级及以下
WHOSE = ("各", "有关", "相关", "其他", "其它", "国家", "中央")  # words opening a name that say whose it is
LIST_WHOSE = ("各", "有关", "相关")  # 各县、区, 有关区、市政府: the first level's word goes with every level
OWN_PREFIXES = (*WHOSE, "本", "该")  # 本单位, 该省…: a name with a prefix of its own
MAX_BARE_AGENCY = 7  # 国资委, 卫生健康委, 机关事务局: an agency named without its level


def _pieces(phrase: str) -> list[tuple[str, int]]:
    """``phrase`` cut at list punctuation outside brackets, and at conjunctions after a unit
    (党委和政府, but not 公共管理和服务机构 or 住房和城乡建设部门)."""
    pieces, start = [], 0
    for sep in SEPARATOR.finditer(phrase):
        if phrase.count("(", 0, sep.start()) > phrase.count(")", 0, sep.start()):
            continue  # inside a bracket: 县(市、区)
        left = phrase[start:sep.start()]
        if not sep.group("mark") and not (is_member(left) or GROUP_HEAD.match(left)):
            continue
        if phrase.startswith(("以上", "以下"), sep.end()):
            continue  # 省级及以下: a range of levels, not two members
        if not left:
            return []
        pieces.append((left, start))
        start = sep.end()
    pieces.append((phrase[start:], start))
    return pieces if pieces[-1][0] else []


def _split_each(pieces: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Split run-together kinds: 各地各学校 -> 各地, 各学校; 市县(区) -> 市, 县(区); but not a body's
    own offices (国家能源局各区域派出机构, 市政府各有关部门)."""
    out = []
    for text, at in pieces:
        cut = text.find("各", 1)
        levels = CONCATENATED_LEVELS.fullmatch(text)
        own_offices = RELATIONAL.search(text[cut:]) or OWN_OFFICES.fullmatch(text[cut:])
        if cut > 0 and is_member(text[:cut]) and is_member(text[cut:]) and not own_offices:
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
        if groups and not current and GENERIC_KIND.fullmatch(text):
            continue  # 财政等有关部门和机构: the kinds of body named once more
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
    prefix = "" if first.startswith("各级") else level.group("level") if level else _prefix_before_field(first)
    ending = _shared_ending(head)
    units = []
    for text, at in members:
        bare = text[2:] if text.startswith("各级") else text
        if prefix and not bare.startswith(prefix) and not _holds_place(bare):
            bare = prefix + bare  # 省发改委、财政厅等部门 -> 省财政厅 (not 省山东黄河河务局)
        named = bare.endswith(FIRM_ENDINGS) if FIRM_HEAD.search(ending) else _named_body(bare)
        if ending and not named:
            bare += ending  # 财政、教育等部门 -> 财政部门 (not 省工商联部门); 百色、桂东等地方电网公司
        units.append(UnitName(bare, *span) if len(members) > 1 else UnitName(bare, at, at + len(text)))
    return _split_every_level(units, prefix)


def _shared_ending(head: str) -> str:
    """What each bare field of a list takes from the ending they share: 部门 of 等有关部门 or of
    等单位, the whole firm of 等地方电网公司.

    >>> _shared_ending("有关部门"), _shared_ending("单位"), _shared_ending("地方电网公司"), _shared_ending("方面")
    ('部门', '部门', '地方电网公司', '')
    """
    own = re.sub(r"^(?:相关|有关|其他)", "", head)
    if FIRM_HEAD.search(own):
        return own
    generic = FIELD_HEAD.search(own.replace("单位", "部门"))
    return generic.group() if generic else ""


def _named_body(name: str) -> bool:
    """A member of a field list that names a body already: 省工商联, 市红十字会, 省消防救援总队
    (a level and a body), 上海辰山植物园 (a name holding a place), not a bare field (财政, 市财政)
    that takes the list's ending."""
    level = LEVEL_PREFIX.match(name)
    leveled_body = level and is_organisation(name, strict=True) and name[level.end():] not in _government_fields()
    return bool(name.endswith(AGENCY_ENDINGS) or is_abbreviation(name) or leveled_body or _holds_place(name))


def _holds_place(name: str) -> bool:
    """Whether a name holds a province's or a city's name (民航海南监管局, 山东黄河河务局)."""
    return _place_pattern().search(name) is not None


def _split_every_level(units: list[UnitName], prefix: str) -> list[UnitName]:
    """各市县农业农村部门 -> 各市农业农村部门, 各县农业农村部门: levels written together are split."""
    levels = CONCATENATED_LEVELS.fullmatch(prefix[1:]) if prefix.startswith("各") else None
    if not levels:
        return units
    return [UnitName("各" + level + unit.name[len(prefix):], unit.start, unit.end)
            for unit in units for level in levels.groups()]


def _named_list(members, span, strict: bool) -> list[UnitName] | None:
    """Organisations and localities; bare levels take the body of the next member and lend
    their levels to the bodies after it (市、区民政、残联: 市残联, 区残联); a level with a bare
    field names its department as written (区民政)."""
    if not all(is_member(text, strict=strict and i == 0) or _is_department(text)
               for i, (text, _) in enumerate(members)):
        return None
    units, waiting, levels = [], [], []
    for text, at in members:
        width = len(text)  # the written span, whatever the name becomes
        level = LEVEL_PREFIX.match(text)
        if is_locality(text) and text != members[-1][0]:
            waiting.append((text, at))
            continue
        named = "" if level else _division_prefix(text)  # 上街区城乡规划…部门: a named district's body
        body = text[level.end():] if level and not is_locality(text) else text[len(named):] if named else ""
        every = next((whose for whose in LIST_WHOSE if waiting and waiting[0][0].startswith(whose)), "")
        if body and waiting:
            body = LEVEL_COUNT.sub("", body)  # 市、区两级财政 -> 市财政, 区财政
            grade = "级" if level and level.group("level").endswith("级") else ""  # 市、县级政府 -> 市级政府, 县级政府
            levels = [_every(every, w) + (grade if not w.endswith("级") else "") for w, _ in waiting]
            levels.append(level.group("level") if level else named)
            text = body
        elif not levels or not _lacks_level(text):
            units += [UnitName(w, at_w, at_w + len(w)) for w, at_w in waiting]
            levels = []
        units += [UnitName(level + text, *span) for level in levels[:-1]]
        units.append(UnitName(_every(every, levels[-1] + text) if levels else text, at, at + width))
        waiting = []
    units += [UnitName(w, at_w, at_w + len(w)) for w, at_w in waiting]
    return _share_level(_relational(units))


def _division_prefix(text: str) -> str:
    """The name of a city or county opening ``text`` before a body (上街区 of 上街区城乡规划局)."""
    from extractor.extraction.localities import division_name_at_start

    name = division_name_at_start(text)
    return name if name and len(text) > len(name) and is_organisation(text[len(name):]) else ""


def _is_department(text: str) -> bool:
    """区民政: a level and a bare field of government work name its department."""
    level = LEVEL_PREFIX.match(text)
    return bool(level) and text[level.end():] in _government_fields()


@lru_cache(maxsize=1)
def _government_fields() -> frozenset[str]:
    return words("government_fields.txt")


def _relational(units: list[UnitName]) -> list[UnitName]:
    """国家能源局及其派出机构 -> 国家能源局派出机构: a body named by its relation to the one before."""
    return [UnitName(units[i - 1].name + u.name, u.start, u.end) if i and RELATIONAL.match(u.name) else u
            for i, u in enumerate(units)]


def _every(every: str, text: str) -> str:
    return every + text if every and not text.startswith(every) else text


def _share_level(units: list[UnitName]) -> list[UnitName]:
    """县(区)党委、政府 -> 县(区)党委, 县(区)政府, and 县民政、残联 -> 县民政, 县残联: a bare body
    (政府, 党委), or any short name after a level and a bare field, takes the first member's level.
    A name after a named agency is kept as written (市发展改革委、国资委: 国资委), as the GUIDE asks."""
    every = EVERY_LEVEL.match(units[0].name) if units else None
    if every and not is_locality(units[0].name):  # 各市党委、政府 -> 各市政府: every level lends itself to a bare body
        return [UnitName(every.group("level") + u.name, u.start, u.end) if u is not units[0]
                and u.name.startswith(BARE_BODIES) else u for u in units]
    level = LEVEL_PREFIX.match(units[0].name) if units else None
    if not level or is_locality(units[0].name) or units[0].name.endswith(FIRM_ENDINGS):
        return units  # 省电力公司及电力调度机构: a firm lends no level
    fields = not units[0].name.endswith(AGENCY_ENDINGS)  # 县民政、…: a level written once for its fields
    return [UnitName(level.group("level") + u.name, u.start, u.end)
            if u is not units[0] and (u.name.startswith(BARE_BODIES) or fields and _lacks_level(u.name)) else u
            for u in units]


def _lacks_level(name: str) -> bool:
    """A bare body (政府) or a short agency name with no level or place of its own (国资委)."""
    if name.startswith(BARE_BODIES):
        return True
    return (len(name) <= MAX_BARE_AGENCY and name.endswith(AGENCY_ENDINGS) and not LEVEL_PREFIX.match(name)
            and not name.startswith((*WHOSE, "中国"))
            and not is_abbreviation(name) and not _holds_place(name))  # 民航海南监管局


@lru_cache(maxsize=1)
def _place_pattern() -> re.Pattern:
    """The short names of provinces and cities (海南, 内蒙古, 杭州), any of them: a name holding one
    has a place of its own."""
    from extractor.extraction.localities import divisions

    names = {PROVINCE_SUFFIX.sub("", d.name) for d in divisions() if d.level in ("province", "city")}
    return re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))


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
    return None if units is None else [UnitName(_clean_name(u.name), u.start, u.end) for u in units]


def _clean_name(name: str) -> str:
    """A name without a stray space inside (各片区管理 局), its short name's aside
    (广西电力调度控制中心(以下简称广西中调)) or the quotes of a string it was kept in ('县政协)."""
    return SHORT_NAME_ASIDE.sub("", NAME_GAP.sub("", name)).strip("'\"") or name


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
    return tuple(_share_prefix(phrase, units))


def _share_prefix(phrase: str, units: list[UnitName]) -> list[UnitName]:
    """该省农业农村部门、财政部门 -> 该省财政部门: a field's office named by its kind alone (部门,
    机构) right after one with a prefix before its field takes that prefix (not after 与 or 和,
    which may join bodies of other levels)."""
    prefix = _prefix_before_field(units[0].name) if units and FIELD_HEAD.search(units[0].name) else ""
    if not prefix:
        return units
    shared = [units[0]]
    for previous, unit in zip(units, units[1:]):
        if phrase[previous.end:unit.start].strip() != "、":
            return shared + units[len(shared):]  # the run of 、 the prefix reaches has ended
        own = LEVEL_PREFIX.match(unit.name) or unit.name.startswith(OWN_PREFIXES) or _holds_place(unit.name)
        lend = FIELD_HEAD.search(unit.name) and not own
        shared.append(UnitName(prefix + unit.name, unit.start, unit.end) if lend else unit)
    return shared


def _prefix_before_field(name: str) -> str:
    """What stands before the field of a name (该省 of 该省农业农村部门, 试点省份 of 试点省份农业农村).

    >>> _prefix_before_field("该省农业农村部门"), _prefix_before_field("各区县(自治县)教育部门"), _prefix_before_field("财政部门")
    ('该省', '各区县(自治县)', '')
    """
    body = FIELD_HEAD.sub("", name)
    field = max((f for f in _government_fields() if body.endswith(f)), key=len, default="")
    whose = next((w for w in LIST_WHOSE if body.startswith(w) and len(body) > len(w) + 1), "")  # 有关发电
    prefix = body[:len(body) - len(field)] if field else whose
    return prefix if len(prefix) <= MAX_PREFIX else ""


def _group_units(members, head, span, listed, strict) -> list[UnitName] | None:
    if head:
        return _field_list(members, head, span, strict)
    last = FIELD_HEAD.search(members[-1][0]) or FIRM_HEAD.search(members[-1][0])
    if last and len(members) > 1 and _bare_before_last(members) and is_organisation(members[-1][0]):
        text, at = members[-1]
        return _field_list(members[:-1] + [(text[:last.start()], at)], last.group(), span, strict)
    shared = _shared_place_kind(members, span)
    if shared:
        return shared
    named = _named_list(members, span, strict)
    if named or not listed:
        return named
    return [UnitName(t, at, at + len(t)) for t, at in members if looks_like_name(t)] or None


def _bare_before_last(members) -> bool:
    """Whether the members before the last are bare fields (财政 of 财政、审计部门, 市财政 of
    市财政、审计部门), after any bare levels that open the list (市、县(区)教育、财政部门)."""
    levels, fields = _levels_before_fields(members)
    return all(_is_department(t) or not (is_member(t) or is_locality(t))
               for t, _ in (fields if levels else members)[:-1])


def _shared_place_kind(members, span) -> list[UnitName] | None:
    """岚城、澳前片区开发管理局 -> 岚城片区开发管理局, 澳前片区开发管理局: place names listed before the
    kind of place and the body that the last of them names."""
    last = PLACE_KIND_BODY.fullmatch(members[-1][0]) if len(members) > 1 else None
    if not last or not is_organisation(members[-1][0]):
        return None
    places = [t for t, _ in members[:-1]]
    if not all(PLACE_NAME.fullmatch(t) and not is_member(t) for t in places):
        return None
    kind, body = last.group("kind"), last.group("body")
    return [UnitName(p + (body if p.endswith(kind) else kind + body), *span) for p in places] + [
        UnitName(members[-1][0], *span)]  # 流水镇、平原镇人民政府 -> 流水镇人民政府, …
