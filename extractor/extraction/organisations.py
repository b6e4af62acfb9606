"""Organisation names in policy text: is a phrase a body that can be given a duty (a name, a
level, a field, a person or post). Lists of names are split in :mod:`extractor.extraction.unit_lists`.

>>> is_organisation("市教育局"), is_organisation("学校布局"), is_person("县教体局局长")
(True, False, True)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from extractor.lexicon import entries, rows

MAX_NAME = 32  # longer "names" are clauses, not organisations
MAX_OWNER = 8  # characters of the owner in a body named by whose it is (其他并网主体的业主单位)

LEVEL = r"""(?:地级以上市|地级市|设区的市            # a city level
             |(?:区县|县区|市县|县市|区市|旗县|市州|行政区  # two levels or kinds written as one: 各区县, 各区市, 各行政区
                |省|市|州|县|区|旗|盟|乡|街镇|镇)      # an administrative level (街镇: streets and towns)
              (?:\((?:(?:[市区县旗镇乡街州]|街道|园区|自治县)、?)+\))?  # the kinds beside it: 县(市、区), 市(州), 镇(街)
              (?:级(?:及?以上|及?以下)?)?               # 县级, 县级以上, 省级及以下
            )
"""
LOCALITY = re.compile(
    rf"""(?:各|有关|相关|所有|全省所有|全市所有|全州所有)?{LEVEL}   # 市, 县(区), 各县(市), 有关区, 县级
       | 各(?:地区?|地市|设区市|盟市|乡镇|乡\(镇\)|镇办|街道|村|社区)  # every place of a kind
       | (?:省|市|县)里                                    # 省里
    """,
    re.VERBOSE,
)
IN_PROVINCE = "".join(abbreviation for abbreviation, _ in rows("province_abbreviations.tsv"))  # 川 of 在川
NOT_A_NAME = re.compile(
    rf"""^[对向从把将让给被以按凡若或并且而但及和与为据我除逐报可者仅是就请]  # a preposition… (请: a request)
      | ^在(?![{IN_PROVINCE}])                    # 在 (but 在川能源企业, 在渝招生高校: firms based there)
      | ^不(?!动产)                               # a negation (but 不动产登记)
      | ^使(?!用)                                 # a causative: 使俱乐部成为… (but 使用单位)
      | ^其(?!他)                                 # 其 (but 其他部门)
      | ^[需须](?!求)                              # 需有关部门…: a modal (but 需求侧…)
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
AUTONOMOUS = re.compile(r"^(?:各)?自治[区州县旗]")  # an autonomous level opening a name
MAX_ABBREVIATION = 7  # 市红十字会; longer phrases are clauses
MIN_NAMED_BODY = 4  # a listed ending this long names a body even when a verb opens it (领导小组)
MODIFIER_MAKERS = ("式", "性", "型")  # a verb before these is a modifier: 集中式, 综合性, 服务型
GENERIC = ("部门", "单位", "机构", "机关", "中心", "小组", "组织")  # too vague alone
TRAILING_NOTE = re.compile(r"(?<=.)\([^()]{1,12}\)$")  # 政府(管委会), 单位(学校)


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
    if not phrase or len(phrase) > MAX_NAME or phrase in GENERIC:
        return False
    if phrase.count("的") == 1 and not strict:
        return _possessed(*phrase.split("的"))
    if len(phrase) > 1 and phrase in _suffixes() and (len(phrase) >= MIN_NAMED_BODY or not _opening_verb(phrase, _verbs())):
        return True  # a listed name on its own: 并网主体 (并 opens no clause here), 学校, 领导小组
    if NOT_A_NAME.search(phrase) or phrase.count("(") != phrase.count(")") or phrase.startswith("("):
        return False
    phrase = TRAILING_NOTE.sub("", phrase)
    suffix = next((s for s in _suffixes() if phrase.endswith(s)), None)
    if suffix is None and is_abbreviation(phrase):
        return True
    if suffix is None or (len(suffix) == 1 and len(phrase) == 1):
        return False
    if any(phrase.endswith(word) for word in _non_organisations()):
        return False
    if strict:
        phrase = AUTONOMOUS.sub("", phrase)  # 自治区能源局: 自治 opens a level, not a verb
        return _opening_verb(phrase, _openers()) is None
    opener = None if _opens_with_named_body(phrase) else _opening_verb(phrase, _verbs())
    return opener is None or len(phrase) == len(opener) + len(suffix)


def _opens_with_named_body(phrase: str) -> bool:
    """领导小组办公室, 工作专班办公室: the office of a body whose name a verb opens."""
    return any(phrase.startswith(body) and len(phrase) > len(body) for body in _suffixes() if len(body) >= MIN_NAMED_BODY)


def _opening_verb(phrase: str, verbs) -> str | None:
    """The verb opening ``phrase``, unless a 式/性/型 makes it a modifier (集中式…企业, 综合性…).

    >>> _opening_verb("支持学校", {"支持"}), _opening_verb("集中式发电企业", {"集中"})
    ('支持', None)
    """
    return next((phrase[:n] for n in (2, 3, 4) if phrase[:n] in verbs and phrase[n:n + 1] not in MODIFIER_MAKERS),
                None)


def _possessed(owner: str, body: str) -> bool:
    """A body named by whose it is: 其他并网主体的业主单位 (the owner a short noun phrase, no
    clause: not 负责的单位, 已建成的学校)."""
    return (2 <= len(owner) <= MAX_OWNER and not NOT_A_NAME.search(owner) and owner[:2] not in _openers()
            and body.endswith(("单位", "(单位)")) and len(body) >= 3 and not NOT_A_NAME.search(body))


def is_abbreviation(phrase: str) -> bool:
    """A short name after a level prefix ending in a one-character body word: 省贸促会,
    省工商联 — but not 社会, 省内旅行, 市里开会 or 省商务厅会(同).

    >>> [is_abbreviation(p) for p in ("省贸促会", "省工商联", "省内旅行", "全社会", "省商务厅会")]
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
