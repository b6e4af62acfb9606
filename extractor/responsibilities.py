"""Responsible units: the organisations a document gives a duty, as lead, support or subject.

Units come from 责任单位/牵头单位/配合单位 lists (the first of a 责任单位 list leads, the rest
support), from parenthesised assignments (省商务厅牵头,省财政厅配合), and from duty sentences:
the subject of 要/应/将/负责/承担 or of a predicate opening its clause (``subject``), the subject
of 牵头 (``lead``), the partner after 会同 (``support``) and the unit after 由.

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

import re
from functools import lru_cache

from .masking import mask_references
from .models import Responsibility
from .organisations import UnitName, is_locality, split_unit_list, word_list
from .sentences import Sentence, split_sentences

WINDOW = 140  # a subject list and its predicate fit in this many characters
ROLES = {"lead": "lead", "support": "support"}
LIST_ROLES = {"责任": "first", "实施": "first", "牵头": "lead", "主办": "lead",
              "配合": "support", "参与": "support", "协办": "support", "承办": "support"}
FALSE_PREDICATES = {  # a predicate word that is only the start of another word
    "要": "求素点件闻害务案么是", "应": "用急对届收付答征聘试变有", "将": "来近军",
    "负责": "人同", "须": "知", "可": "能行靠控信视", "是": "否", "对": "于接口外标照比象待",
    "经": "济费营验常典纬办销", "在": "于校编岗读职建", "按": "期时", "需": "求", "全面": "的",
    "领导": "职班干小岗层体人同的者", "研究": "生院所",
}
SET_UP = re.compile(r"成立|设立|组建")  # a body being set up before its duty: 成立…小组,负责…
TAG = re.compile(
    r"""(?P<open>[<(【\[])?\s*                                   # an optional opening bracket
        (?P<kind>(?:责任|牵头|配合|参与|协办|实施|主办|承办)(?:单位|部门)|责任主体)  # the list's name
        \s*:\s*
        (?P<list>(?:[^<>()\[\]【】。\n;:]|\([^()\n]{1,12}\))+?)     # the units, 县(市) allowed
        (?=\s*(?:[<>)\]】。\n;:]|$|(?:责任|牵头|配合|参与|协办|实施|主办|承办)(?:单位|部门)))
        [>)\]】]?                                                 # the closing bracket
    """,
    re.VERBOSE,
)
PARENTHESIS = re.compile(
    r"""\((?P<body>(?:[^()\n]|\([^()\n]{1,12}\)){2,100})\)   # (省商务厅牵头,省财政厅配合)
    """,
    re.VERBOSE,
)
ASSIGNMENT = re.compile(
    r"""^(?P<list>.+?)等?                                        # the units
        (?P<verb>牵头|配合|参与|协助|(?:按职责)?(?:分工)?负责|共同负责|分别负责)$  # their part
    """,
    re.VERBOSE,
)
LABEL = re.compile(
    r"""(?:\s+                                  # spaces
        | 第[一二三四五六七八九十百零\d]+[章节]\s*[^\s第]{0,16}\s+  # 第二章 规划建设
        | 第[一二三四五六七八九十百零\d]+条       # 第二十条
        | [一二三四五六七八九十]+、               # 一、
        | \(\s*[一二三四五六七八九十\d]+\s*\)     # (一) (1)
        | \d+\s*[.、．](?!\d)                    # 1. 1、
        | [①-⑳]                                 # ①
        | [一二三四五六七八九十]是                 # 一是
        | 其[一二三四五六七八九十]                 # 其一
        | 首先|其次|最后|同时|此外|另外            # connectives
        )*""",
    re.VERBOSE,
)
PAGE_FIELD = re.compile(
    r"""\s(?:发布|发文|成文)(?:日期|时间):   # 责任部门:X 发布日期:… is page furniture
      | \s(?:信息)?来源: | \s浏览次数: | \s索引号:
    """,
    re.VERBOSE,
)
PREPOSITIONS = ("根据", "按照", "依照", "依据", "结合", "参照", "通过", "对", "在", "从", "按")
CLAUSE_OPENER = re.compile(r"[,;:]")  # a new clause starts after these
CLAUSE_END = re.compile(r"[,;。!?\n]")
BY = re.compile(
    r"""(?<![理自经缘来因])由(?![于此衷来])   # 由 assigning a duty, not 由于, 理由
    """,
    re.VERBOSE,
)
JOINTLY = re.compile(r"会同")
HANDOVER = re.compile(
    r"""(?:的|授权|由|成立了?|设立|组建)  # what may precede a unit inside a clause
    """,
    re.VERBOSE,
)
DUTY_OPENER = re.compile(r"(?:专门|具体|主要)?负责")  # 成立…领导小组, 负责…


@lru_cache(maxsize=1)
def _predicates() -> tuple[re.Pattern, dict[str, str]]:
    """The predicate words (longest first, each guarded against longer words) and their kinds."""
    kinds = dict(line.split()[:2] for line in word_list("duty_predicates.txt"))
    words = sorted(kinds, key=len, reverse=True)
    guarded = (re.escape(w) + (f"(?![{FALSE_PREDICATES[w]}])" if w in FALSE_PREDICATES else "")
               for w in words)
    return re.compile("|".join(guarded)), kinds


@lru_cache(maxsize=1)
def _name_endings() -> frozenset[str]:
    """Characters a unit list can end with: the last characters of organisation endings."""
    endings = {w[-1] for w in word_list("organisation_suffixes.txt")}
    return frozenset(endings | set("市州县区旗盟乡镇省里地)”级"))


def extract_responsibilities(text: str) -> list[Responsibility]:
    """Organisations given a duty in ``text``, one record per unit and mention."""
    masked = mask_references(text)
    found = []
    for sentence in _sentences(text):
        found += _listed_units(text, sentence)
        found += _assigned_units(masked, text, sentence)
        found += _duty_subjects(masked, text, sentence)
    return _unique(found)


def _sentences(text: str) -> list[Sentence]:
    """Sentences, with every 责任单位: list cut off as a sentence of its own."""
    pieces = []
    for sentence in split_sentences(text):
        cuts = [m.start() for m in TAG.finditer(sentence.text) if m.start() > 0]
        bounds = [0, *cuts, len(sentence.text)]
        for a, b in zip(bounds, bounds[1:]):
            body = sentence.text[a:b].strip()
            if body:
                at = sentence.start + a + sentence.text[a:b].index(body[0])
                pieces.append(Sentence(body, at, at + len(body)))
    return pieces


def _record(unit: UnitName, role: str, quote: str, sentence: Sentence, offset: int) -> Responsibility:
    return Responsibility(unit=unit.name, role=role, quote=quote, sentence=sentence.text,
                          start=offset + unit.start, end=offset + unit.end)


def _listed_units(text: str, sentence: Sentence) -> list[Responsibility]:
    """Units of 责任单位/牵头单位/配合单位 lists."""
    found = []
    for tag in TAG.finditer(sentence.text):
        body, at = tag.group("list"), sentence.start + tag.start("list")
        body = re.split(r"(?<![、,])\s", body.strip())[0]
        if PAGE_FIELD.search(sentence.text, tag.start("list")):
            continue
        quote = tag.group().strip()
        if re.search("牵头|配合|负责", body):
            found += _assignment(body, at, quote, sentence)
            continue
        units = split_unit_list(body, listed=True) or []
        part = LIST_ROLES[tag.group("kind")[:2]]
        for i, unit in enumerate(units):
            role = ("lead" if i == 0 else "support") if part == "first" else part
            found.append(_record(unit, role, quote, sentence, at))
    return found


def _assigned_units(masked: str, text: str, sentence: Sentence) -> list[Responsibility]:
    """Units of parenthesised assignments: (省商务厅牵头,省发展改革委等按职责分工负责)."""
    found = []
    for paren in PARENTHESIS.finditer(masked, sentence.start, sentence.end):
        body = text[paren.start("body"):paren.end("body")]
        found += _assignment(body, paren.start("body"), paren.group(), sentence)
    return found


def _assignment(body: str, at: int, quote: str, sentence: Sentence) -> list[Responsibility]:
    """``X牵头,Y、Z配合``: who leads, who supports, who is responsible."""
    found, offset, led = [], at, False
    for part in re.split(r"([,;])", body):
        match = ASSIGNMENT.match(part.strip())
        units = match and split_unit_list(match.group("list"))
        if units:
            verb = match.group("verb")
            helps = led or verb in ("配合", "参与", "协助")
            role = "lead" if verb == "牵头" else "support" if helps else "subject"
            led = led or role == "lead"
            start = offset + part.index(match.group("list")[0])
            found += [_record(u, role, quote, sentence, start) for u in units]
        offset += len(part)
    return found


def _duty_subjects(masked: str, text: str, sentence: Sentence) -> list[Responsibility]:
    """Subjects of duty clauses, units after 由 and partners after 会同."""
    found = []
    openers = CLAUSE_OPENER.finditer(masked, sentence.start, sentence.end)
    starts = [sentence.start] + [m.end() for m in openers]
    for start in starts:
        found += _clause_subject(masked, text, sentence, LABEL.match(masked, start).end())
    for by in BY.finditer(masked, sentence.start, sentence.end):
        found += _clause_subject(masked, text, sentence, by.end(), after_by=True)
    for jointly in JOINTLY.finditer(masked, sentence.start, sentence.end):
        found += _clause_subject(masked, text, sentence, jointly.end(), role="support")
    found += _inner_subjects(masked, text, sentence)
    return found


def _clause_end(masked: str, start: int, sentence: Sentence) -> int:
    end = CLAUSE_END.search(masked, start, sentence.end)
    return min(end.start() if end else sentence.end, start + WINDOW)


def _clause_subject(masked, text, sentence, start, *, after_by=False, role=None) -> list[Responsibility]:
    """The unit list that opens the clause at ``start`` and the predicate after it; the
    partner after 会同 (``role`` support) may also end the clause."""
    end = _clause_end(masked, start, sentence)
    hit = _list_before_predicate(masked, start, end, after_by)
    if hit is None and role == "support":
        units = split_unit_list(masked[start:end])
        hit = units and (units, "support", end)
    if not hit:
        return []
    units, kind, after = hit
    quote = text[start:min(end, after + 12)]
    role = role or ROLES.get(kind, "subject")
    return [_record(u, role, quote, sentence, start) for u in units]


def _list_before_predicate(masked: str, start: int, end: int, after_by: bool = False):
    """(units, predicate kind, predicate end) for the first unit list followed by a predicate
    (after 由, not 向/到: 由A向B转移 is a movement)."""
    pattern, kinds = _predicates()
    endings = _name_endings()
    for at in range(start + 1, end):
        if masked[at - 1] not in endings and masked[at - 1] not in ": ":
            continue
        predicate = pattern.match(masked, at, end)
        if not predicate or masked[predicate.end():predicate.end() + 1] in ("的", "等"):
            continue
        kind = kinds[predicate.group()]
        if after_by and predicate.group() in ("向", "到"):
            continue
        phrase = masked[start:at].rstrip(": ")
        if ":" in phrase or (masked[at - 1] in ": " and kind != "duty"):
            continue
        units = split_unit_list(phrase, strict=kind != "duty")
        if units and _plausible(masked, units, kind, predicate, end):
            return units, kind, predicate.end()
    return None


def _plausible(masked: str, units: list[UnitName], kind: str, predicate: re.Match, end: int) -> bool:
    """Whether a unit list and its predicate state a duty: not a past report (…了), not a
    modifier (统一部署的工作), not a condition (…的, with no duty after it), not a bare 市
    with a mere verb."""
    rest = masked[predicate.end():end]
    modifier = rest[:1] == "的" or (rest[2:3] == "的" and predicate.group() not in PREPOSITIONS)
    if kind != "duty" and ("了" in rest or modifier or rest[:1] == "被"):
        return False
    if rest.endswith("的") and not _opens_with_duty(masked, end + 1):
        return False
    single = len(units) == 1 and is_locality(units[0].name) and not units[0].name.startswith("各")
    return kind == "duty" or not single


def _opens_with_duty(masked: str, start: int) -> bool:
    pattern, kinds = _predicates()
    predicate = pattern.match(masked, start)
    return bool(predicate) and kinds[predicate.group()] == "duty"


def _inner_subjects(masked: str, text: str, sentence: Sentence) -> list[Responsibility]:
    """Units right before a duty word inside a clause (州政府授权州数据资源主管部门负责…), and
    the unit ending the clause before a bare 负责 (成立…领导小组,负责…)."""
    pattern, kinds = _predicates()
    found = []
    for predicate in pattern.finditer(masked, sentence.start, sentence.end):
        kind = kinds[predicate.group()]
        if kind == "verb":
            continue
        clause_start = _clause_start_before(masked, predicate.start(), sentence)
        opener = LABEL.match(masked, clause_start).end()
        if DUTY_OPENER.fullmatch(masked, opener, predicate.end()):
            before = _clause_start_before(masked, clause_start - 1, sentence)
            set_up = clause_start > sentence.start and SET_UP.search(masked, sentence.start, clause_start)
            hit = set_up and _list_ending_at(masked, before, clause_start - 1)
        else:
            hit = _list_ending_at(masked, clause_start, predicate.start())
            hit = hit if hit and hit[0] > opener else None  # a clause opener is handled above
        if hit:
            begin, units = hit
            quote = text[begin:min(predicate.end() + 12, sentence.end)]
            found += [_record(u, ROLES.get(kind, "subject"), quote, sentence, begin) for u in units]
    return found


def _clause_start_before(masked: str, position: int, sentence: Sentence) -> int:
    """Where the clause holding ``position`` starts."""
    low = max(sentence.start, position - WINDOW)
    for at in range(position - 1, low - 1, -1):
        if masked[at] in ",;:。!?\n":
            return at + 1
    return low


def _list_ending_at(masked: str, start: int, stop: int):
    """(begin, units) for the unit list that ends at ``stop``, opened by a clause start or 的/由…"""
    text = masked[start:stop].rstrip(" :")
    if not text or text[-1] not in _name_endings():
        return None
    opens = [start] + [start + m.end() for m in HANDOVER.finditer(text)]
    for begin in sorted(set(opens), reverse=True):
        begin = LABEL.match(masked, begin).end()
        units = split_unit_list(masked[begin:start + len(text)])
        if units:
            return begin, units
    return None


def _unique(found: list[Responsibility]) -> list[Responsibility]:
    """One record per unit and place (the first found: lists before sentences), in text order."""
    seen, unique = set(), []
    for record in found:
        if (record.unit, record.start) not in seen:
            seen.add((record.unit, record.start))
            unique.append(record)
    return sorted(unique, key=lambda r: (r.start, r.end))
