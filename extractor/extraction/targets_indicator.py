"""What a target measures: a short noun phrase in the document's own words.

``before`` is the clause text ahead of the number (up to its comparator word), ``after`` the
text behind the unit. Conjunctions, adverbs and modal words are dropped (且, 原则上, 应当, 到);
when the text ahead ends in a verb, the measured noun follows the number (培养30名专家型校长,
确定1所初中); a time limit names who must act and what they do (数源部门…5个工作日内予以答复).

>>> indicator_of("确保特殊教育学校生均公用经费", "。")
('特殊教育学校生均公用经费', 2, 0)
>>> indicator_of("实施专家型校长工程,培养", "专家型校长,")
('培养专家型校长', 10, 5)
>>> indicator_of("各镇办原则上确定", "初中和1所小学")[0]
'初中'
>>> indicator_of("数源部门应当在", "予以答复。", unit="个工作日")[0]
'数源部门予以答复'
>>> split_subjects("小学、初中所有班级学生数", 2)
['小学所有班级学生数', '初中所有班级学生数']
>>> subject_count("城乡居民人均可支配收入")
2
>>> split_subjects("城乡居民人均可支配收入", 2)
['城镇居民人均可支配收入', '农村居民人均可支配收入']
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractor.extraction.targets_rules import comparator_words
from extractor.lexicon import rows

LEADING_FILLER = re.compile(
    r"""^(?:[,;:、,;:\s((]
        |(?:以上|以下|左右|以内)?(?:[、和及与]|以及)                                # 4.2人以上、初中…: a list goes on
        |(?:到|至|在)?(?:\d{4}|[〇一二三四五六七八九O○]{4})年(?:底|末|前|内)?(?:前)?  # 到2025年底
        |今年|明年|年内|其中|同时|并且|而且|并|且|也|还|都|均|即|又|另外|为
        |要|应当|应|须|必须|将|可以|力争|努力|争取|确保|保证|务必
        |原则上|进一步|切实|全面|积极|重点|逐步|基本|使|推动|实现
        |全力|大力|着力|加快|继续|认真|严格|不断|持续
        |(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:底|末|初|上旬|中旬|下旬)?(?:前)?      # 6月底前
        |按照|依照|按|由|对(?!外|象|口)|到(?!达|位|期)|在(?![校园岗编职读册线])      # 在校生 is a noun
        |第[一二三四五六七八九十百零〇\d]+条\s*                                     # 第十二条: an article label
        )+""",
    re.VERBOSE,
)
INNER_FILLER = re.compile(
    r"""原则上|应当|必须|力争|确保|务必                                   # modal words inside a clause
      | (?:都|均|也)?(?<![需主重只必])(?:要|应|须)(?=[按在自从于将把对有达接参保完开具])  # 各地都要按照, 应有
    """,
    re.VERBOSE,
)
LIST_JOINER = re.compile(r"[、和及与]$")
TRAILING_PARTICLE = re.compile(r"(?:的|为|是|按照|按|达|在|分别|均|都|要|应|须|应当|必须|原则上|一般|总数|以)+$")
NOUN_END = re.compile(
    r"""[,;:。、()(),;:!?|]
      | \s+(?=\||$)                 # the end of a table cell
      | 的(?!比例)                   # 的 ends a noun, except 的比例
      | (?<=..)(?:和|及|与)          # 初中和1所小学: the next list item
      | (?<![作行认成])为             # 小学为永久性保留学校: a predicate follows
      | \d
    """,
    re.VERBOSE,
)
LAST_CLAUSE = re.compile(r"[^,;:,;:]*$")
TIME_ANCHOR = re.compile(r"(?:自|在|从|于)[^,;:,;:]*?(?:之日起|之日|起|后)$")  # 自收到申请之日起
DISPOSAL = re.compile(r"^(?:将|把|对|向)")  # 将…报…审定: the act is the clause's last verb
TIME_LIMIT_UNITS = ("个工作日", "工作日", "日", "天", "小时", "个月", "周")
MAX_INDICATOR = 40
MAX_NOUN = 16
MAX_ACT = 12
SHORT_HEAD = 4  # a head this short (培养, 新建) always takes the noun behind the number
COMPOUND_SUBJECTS = {"城乡": ("城镇", "农村"), "中小学": ("中学", "小学"), "市县": ("市", "县"),
                     "省市": ("省", "市"), "县乡": ("县", "乡"), "市区": ("市", "区")}


@lru_cache(maxsize=1)
def _verbs() -> dict[str, str]:
    """Verb -> ``light`` or ``action``: the quota verbs and data/target_indicator_verbs.txt."""
    verbs = {}
    for name in ("target_quota_verbs", "target_indicator_verbs"):
        for word, *kind in rows(f"{name}.txt"):
            verbs[word] = kind[0] if kind and kind[0] else "action"
    return verbs


@lru_cache(maxsize=1)
def _verb_at_end() -> re.Pattern:
    return re.compile("(?:%s)$" % "|".join(map(re.escape, sorted(_verbs(), key=len, reverse=True))))


def strip_filler(text: str) -> str:
    """``text`` without the adverbs and dates that open a clause (确保, 到2025年, 力争)."""
    lead = LEADING_FILLER.match(text)
    return text[lead.end():] if lead else text


def _noun_after(after: str) -> tuple[str, int]:
    """The noun phrase right behind the unit, and how many characters of ``after`` it takes."""
    noun = after.lstrip("的")
    if noun.startswith("为") and not NOUN_END.match(noun[1:]):
        noun = noun[1:]  # 以半年至一年为周期: the noun behind 为
    if not noun or noun[0] in "和及与、为":
        return "", 0  # 45人、50人; 以5年为一届: no noun follows
    skipped = len(after) - len(noun)
    end = NOUN_END.search(noun)
    comparator = comparator_words().search(noun)
    cut = min(end.start() if end else len(noun), comparator.start() if comparator else len(noun))
    noun = noun[:min(cut, MAX_NOUN)]
    return noun, skipped + len(noun) if noun else 0


def _act_after(after: str) -> tuple[str, int]:
    """What must be done within a time limit (予以答复, or the last verb of 将…报…审定), its length."""
    clause = re.split(r"[,;:。,;:!?]", after, maxsplit=1)[0]
    if DISPOSAL.match(clause):
        return clause[-2:], 0
    noun, taken = _noun_after(clause)
    return noun[:MAX_ACT], min(taken, MAX_ACT)


def _unbalanced(head: str) -> str:
    """``head`` without an opening bracket whose closing one is not there: 专家型校长(培养周期."""
    for opening, closing in (("(", ")"), ("(", ")")):
        if head.count(opening) > head.count(closing):
            head = head.replace(opening, "", 1)
    return head


def _clean_head(clause: str) -> tuple[str, int]:
    """The clause without its opening filler, inner modals and trailing particles; its start."""
    lead = LEADING_FILLER.match(clause)
    skip = lead.end() if lead else 0
    head = TRAILING_PARTICLE.sub("", INNER_FILLER.sub("", clause[skip:]))
    return _unbalanced(TRAILING_PARTICLE.sub("", strip_filler(head))), skip


def _with_noun(head: str, noun: str) -> str | None:
    """Head and the noun behind the number, when the head ends in a verb (or is a bare verb)."""
    if not noun:
        return None
    verb = _verb_at_end().search(head)
    if verb and _verbs()[verb.group()] == "light":
        return noun  # 确定1所初中: 初中
    if LIST_JOINER.search(head):
        return noun  # 学前教育公办学位、约9.9万个义务教育公办学位
    if verb or len(head) <= SHORT_HEAD:
        return head + noun  # 培养30名专家型校长, 从事1年以上教育教学工作
    return None


def indicator_of(before: str, after: str, unit: str | None = None) -> tuple[str, int, int]:
    """The indicator, where it starts in ``before``, and how much of ``after`` it takes."""
    clause = LAST_CLAUSE.search(before).group()
    offset = len(before) - len(clause)
    head, skip = _clean_head(clause)
    act, act_taken = _act_after(after) if unit in TIME_LIMIT_UNITS else ("", 0)
    if act:  # 数源部门应当在答复之日起5个工作日内完成数据共享
        return TRAILING_PARTICLE.sub("", TIME_ANCHOR.sub("", head)) + act, offset + skip, act_taken
    noun, taken = _noun_after(after)
    combined = _with_noun(head, noun)
    if combined is not None:
        return combined, offset + skip, taken
    if not head:
        return noun, offset + skip, taken
    return head[-MAX_INDICATOR:], offset + skip + max(0, len(head) - MAX_INDICATOR), 0


def subject_count(subject: str) -> int:
    """How many subjects a 分别 subject names: 小学、初中 -> 2, 城乡 -> 2."""
    items = subject.split("、")
    if len(items) > 1:
        return len(items)
    return next((len(parts) for compound, parts in COMPOUND_SUBJECTS.items() if compound in subject), 1)


SUBJECT_JOINER = re.compile(r"、|和|及|与")


def split_subjects(subject: str, count: int) -> list[str]:
    """A 分别 subject split into ``count`` subjects: 小学、初中…学生数 -> 小学…, 初中…."""
    items = [item.strip() for item in subject.split("、")]
    if len(items) != count:
        items = [item.strip() for item in SUBJECT_JOINER.split(subject)]
    if len(items) == count and count > 1:
        first, last = items[0], items[-1]
        tail = last[len(first):] if len(last) > len(first) else ""
        return [item + tail for item in items[:-1]] + [last]
    for compound, parts in COMPOUND_SUBJECTS.items():
        at = subject.find(compound)
        if at >= 0 and len(parts) == count:
            return [subject[:at] + part + subject[at + len(compound):] for part in parts]
    return [subject] * count
