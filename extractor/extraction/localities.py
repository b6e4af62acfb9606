"""Where a document comes from: province, city and county found in its title, issuer or 索引号.

Names are looked up in ``data/divisions.tsv`` (adcode, name, level, province, city, aliases) and
in ``data/special_areas.tsv`` (zones such as 平潭综合实验区 that documents name as their place).
Only a few parts of a document are read (the caller chooses them), never its body: 提高县中 is
not 高县 and 新建 is not 新建区.

>>> locality_from_code("110114")
Locality(province='北京市', city='北京市', county='昌平区', adcode='110114', level='county')
>>> resolve_locality([("title", "深泽县义务教育优质均衡发展创建规划(草案)")]).locality.county
'深泽县'
>>> resolve_locality([("title", "关于提高县中教育质量的意见")]).locality is None
True
>>> code_in_index_number("索引号:116401000100860987/2023-00181")
'640100'
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from extractor.models import DocumentMeta
from extractor.lexicon import rows

LEVELS = ("province", "city", "county")
MAX_DIVISION_NAME = 12  # characters of the longest division name looked for at a name's start
BODY_READ = 20_000  # characters of a text read for the provinces it names

INDEX_NUMBER = re.compile(
    r"""索\s*引\s*号\s*:?\s*        # the 索引号 field
        [0-9A-HJ-NP-RTUWXY]         # registration authority of a unified social credit code
        [0-9A-Z]                    # kind of organisation (1 = government body)
        (\d{6})                     # the area code of the issuing body
        [0-9A-Z]{10}                # organisation code and check character
        (?![0-9A-Z])
    """,
    re.VERBOSE,
)
# A division name counts only where a name can begin: the start, after punctuation, after
# another division name or after one of these words that introduce the subject of a title.
NAME_OPENERS = ("关于", "印发", "转发", "批转", "中共", "年", "国网")  # 中共郑州市委, 2024-2026年海南省…, 国网陕西省电力
# Words that continue a name's last character into another word: 新建区域 is not 新建区.
NAME_CONTINUATIONS = ("区域", "县域")
# A short name (深泽 for 深泽县) counts only when a body of government follows it.
GOVERNMENT_WORDS = re.compile(
    r"""人民政府 | 政府           # the government
      | [县市区州旗]委 | 党委      # the party committee
      | 人大 | 政协               # the congress and the consultative conference
      | 教育局 | 教体局           # the education bureau
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Division:
    """One row of the division table."""

    adcode: str
    name: str
    level: str
    province: str
    city: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Locality:
    """A document's locality: the unit (``adcode``, ``level``) and the names above it."""

    province: str | None
    city: str | None
    county: str | None
    adcode: str
    level: str


@dataclass(frozen=True)
class Resolution:
    """The locality found (or None) and how it was found, or why not."""

    locality: Locality | None
    reason: str


@dataclass(frozen=True)
class Mention:
    """A name found in a piece of text, with every unit it may stand for."""

    name: str
    start: int
    end: int
    candidates: tuple[Division, ...]


@lru_cache(maxsize=1)
def divisions() -> tuple[Division, ...]:
    """The rows of ``data/divisions.tsv``, then the zones of ``data/special_areas.tsv``."""
    return _read_divisions("divisions.tsv") + _read_divisions("special_areas.tsv")


@lru_cache(maxsize=None)
def _read_divisions(file_name: str) -> tuple[Division, ...]:
    found = []
    for fields in rows(file_name):
        if fields[0] == "adcode":
            continue
        adcode, name, level, province, city, aliases = (fields + ("",) * 6)[:6]
        found.append(Division(adcode, name, level, province, city or None,
                              tuple(a for a in aliases.split(",") if a)))
    return tuple(found)


@lru_cache(maxsize=1)
def _by_code() -> dict[str, Division]:
    return {d.adcode: d for d in _read_divisions("divisions.tsv")}  # a zone's code is its division's


@lru_cache(maxsize=1)
def _by_name() -> dict[str, tuple[Division, ...]]:
    """Every full name and short name with the units it stands for."""
    table: dict[str, list[Division]] = {}
    for division in divisions():
        for name in (division.name, *division.aliases):
            table.setdefault(name, []).append(division)
    return {name: tuple(units) for name, units in table.items()}


@lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern:
    names = sorted(_by_name(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})


def locality_of(division: Division) -> Locality:
    """The locality record of a table row."""
    county = division.name if division.level == "county" else None
    city = division.city if division.level != "province" else None
    if division.level == "province" and division.name in MUNICIPALITIES:
        city = division.name  # a municipality is its own city
    return Locality(division.province, city, county, division.adcode, division.level)


def locality_from_code(adcode: str) -> Locality | None:
    """The locality of a 6-digit adcode, or None for a code the table does not have.

    >>> locality_from_code("429004")
    Locality(province='湖北省', city=None, county='仙桃市', adcode='429004', level='county')
    >>> locality_from_code("110000").city
    '北京市'
    >>> locality_from_code("999999") is None
    True
    """
    division = _by_code().get(str(adcode).strip())
    return locality_of(division) if division else None


def apply_locality_override(meta: DocumentMeta, adcode: str) -> DocumentMeta:
    """``meta`` with the locality a researcher set; ValueError for an unknown adcode.

    >>> apply_locality_override(DocumentMeta(), "110114").locality_reason
    'set by the researcher (--locality 110114)'
    """
    locality = locality_from_code(adcode)
    if locality is None:
        raise ValueError(f"unknown adcode {adcode!r}: not in the division table")
    return replace(meta, province=locality.province, city=locality.city, county=locality.county,
                   adcode=locality.adcode, level=locality.level,
                   locality_reason=f"set by the researcher (--locality {locality.adcode})")


def code_in_index_number(text: str) -> str | None:
    """The area code a 索引号 embeds (a unified social credit code's digits 3-8), if known."""
    for found in INDEX_NUMBER.finditer(text):
        if found.group(1) in _by_code():
            return found.group(1)
    return None


def find_mentions(text: str) -> list[Mention]:
    """Division names in ``text`` that stand where a name can begin, longest first.

    >>> [m.name for m in find_mentions("河北省石家庄市深泽县人民政府")]
    ['河北省', '石家庄市', '深泽县']
    >>> [m.name for m in find_mentions("加快新建区域医疗中心")]
    []
    """
    mentions: list[Mention] = []
    for found in _name_pattern().finditer(text):
        name, start, end = found.group(), found.start(), found.end()
        chained = bool(mentions) and mentions[-1].end == start
        if not (chained or _opens_name(text, start)) or text.startswith(NAME_CONTINUATIONS, end - 1):
            continue
        candidates = tuple(d for d in _by_name()[name]
                           if name == d.name or _short_name_counts(d, text, end))
        if candidates:
            mentions.append(Mention(name, start, end, candidates))
    return mentions


def _opens_name(text: str, start: int) -> bool:
    before = text[:start]
    return not before or not _is_han(before[-1]) or before.endswith(NAME_OPENERS)


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


def _short_name_counts(division: Division, text: str, end: int) -> bool:
    """A province's short name always counts; other short names need a government after them."""
    if division.level == "province" or text[end - 1] in "州盟":
        return True
    return bool(GOVERNMENT_WORDS.match(text, end))


def _within(unit: Division, outer: Division) -> bool:
    if outer.level == "province":
        return unit.province == outer.name
    if outer.level == "city":
        return unit.city == outer.name and unit.province == outer.province
    return unit.adcode == outer.adcode


def _chain(mentions: list[Mention]) -> tuple[Division, ...]:
    """The units of the first name, narrowed by the names inside it that follow."""
    units = mentions[0].candidates
    for mention in mentions[1:]:
        inner = tuple(d for d in mention.candidates if any(_within(d, u) for u in units))
        if not inner:
            break
        units = inner
    return units


def _disambiguate(units: tuple[Division, ...], others: list[Mention]) -> tuple[Division, ...]:
    """Keep the units that lie inside a unit some other name stands for."""
    outer = [d for m in others for d in m.candidates]
    inside = tuple(u for u in units if any(o.adcode != u.adcode and _within(u, o) for o in outer))
    return inside or units


def resolve_locality(sources: list[tuple[str, str]], index_code: str | None = None) -> Resolution:
    """The locality from ``(where, text)`` pairs, most trusted first, and an area code.

    >>> resolve_locality([("issuer", "城关区人民政府")]).locality is None
    True
    >>> resolve_locality([("issuer", "城关区人民政府"), ("title", "兰州市城关区教育规划")]).locality.adcode
    '620102'
    """
    if index_code and index_code in _by_code():
        division = _by_code()[index_code]
        return Resolution(locality_of(division),
                          f"the 索引号 embeds the area code {index_code} ({division.name})")
    found = [(where, text, find_mentions(text)) for where, text in sources if text]
    every = [m for _, _, mentions in found for m in mentions]
    for where, text, mentions in found:
        if mentions:
            units = _disambiguate(_chain(mentions), [m for m in every if m not in mentions])
            return _resolution(units, mentions[0].name, where, text)
    places = ", ".join(where for where, _ in sources) or "the places read"
    return Resolution(None, f"no division name in {places}")


def _resolution(units: tuple[Division, ...], written: str, where: str, text: str) -> Resolution:
    if len(units) == 1:
        return Resolution(locality_of(units[0]), f"{units[0].name} from the {where} ({text[:40]})")
    names = "; ".join(f"{u.adcode} {u.province}{u.city or ''}{u.name}" for u in units[:4])
    return Resolution(None, f"{written} in the {where} names {len(units)} units ({names}) "
                            "and nothing read names their province or city")


CITED_NUMBER = re.compile(
    r"""(?:^|[^\u4e00-\u9fff]|根据|按照|落实|贯彻|和|及)  # where a reference begins
        (?:省|自治区)                                    # the own province, left unnamed
        (?:委|人民政府|政府|[\u4e00-\u9fff]{1,8}?[厅局])  # one of its bodies
        [^。\n,;]{0,120}?                                # the cited document's name, one clause
        [(〔\[]\s*(?P<abbreviation>[\u4e00-\u9fff])       # its 文号 opens with the abbreviation
        [\u4e00-\u9fff]{0,6}?[〔\[(]\s*(?:19|20)\d{2}     # then the bracketed year
    """,
    re.VERBOSE | re.MULTILINE,
)
OPENING_CHARS = 3000  # the first paragraphs, where a document names what it implements


@lru_cache(maxsize=1)
def province_abbreviations() -> dict[str, str]:
    """Abbreviation -> adcode, from ``data/province_abbreviations.tsv``."""
    return {abbreviation: adcode for abbreviation, adcode in rows("province_abbreviations.tsv")
            if abbreviation != "abbreviation"}


def province_from_cited_numbers(text: str) -> Resolution:
    """The province whose own documents the opening cites as 省…(粤府〔2021〕55号).

    >>> province_from_cited_numbers("根据省人民政府关于印发省行动方案的通知(粤府(2021)55号)精神").locality.province
    '广东省'
    >>> province_from_cited_numbers("根据《国务院关于…的意见》(国发〔2019〕11号)").locality is None
    True
    """
    codes = {}
    for found in CITED_NUMBER.finditer(text[:OPENING_CHARS]):
        code = province_abbreviations().get(found.group("abbreviation"))
        if code:
            codes.setdefault(code, found.group().strip("(,、 "))
    if len(codes) != 1:
        return Resolution(None, "no cited provincial 文号" if not codes else "cited 文号 of several provinces")
    code, quote = codes.popitem()
    return Resolution(locality_from_code(code),
                      f"the unnamed 省 cites its own 文号 ({quote[-30:]}), which names {_by_code()[code].name}")


def province_named_in(text: str) -> Resolution:
    """The province a text names in full far more than any other (twice as often at least):
    where a provincial document names no place in its title or issuer (省…联席会议).

    >>> province_named_in("为贯彻落实安徽省委部署,全省各地……").locality.province
    '安徽省'
    >>> province_named_in("江苏省与浙江省共同推进").locality is None
    True
    """
    ranked = Counter(found.group() for found in _province_pattern().finditer(text[:BODY_READ])).most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return Resolution(None, "no province named in full" if not ranked else "several provinces named")
    name, count = ranked[0]
    division = next(d for d in _by_name()[name] if d.level == "province")
    return Resolution(locality_of(division), f"the text names {name} ({count}×) and no other province as often")


@lru_cache(maxsize=1)
def _province_pattern() -> re.Pattern:
    names = sorted((d.name for d in divisions() if d.level == "province"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def division_name_at_start(text: str) -> str:
    """The longest full name of a city or county-level division that opens ``text``.

    >>> division_name_at_start("上街区城乡规划行政主管部门"), division_name_at_start("市教育局")
    ('上街区', '')
    """
    for length in range(min(len(text), MAX_DIVISION_NAME), 1, -1):
        if any(d.name == text[:length] and d.level in ("city", "county") for d in _by_name().get(text[:length], ())):
            return text[:length]
    return ""
