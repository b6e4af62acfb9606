"""Texts whose line breaks were lost, broken again where a reader sees a new line.

Some datasets keep a whole notice on one line: its 文号, title, addressees, outline, signature
and attachment run together. Only a text that is mostly such run-on lines is repaired. A break
goes before an outline label that follows a full stop, a colon or a closing bracket, before a
parenthesised Chinese numeral, and before the label a later one continues (``方案一、…。二、``);
around the 文号 and the title of the header, after the addressees' colon; around a signature's
date; before 附件 and 抄送.

>>> print(restore_line_breaks("青山县人民政府文件青政发〔2024〕3号关于印发青山县实施方案的通知各乡镇："
...       "现印发给你们。青山县人民政府2024年3月1日附件青山县实施方案一、总体要求(一)目标。到2025年建成。"
...       "(二)原则。依法推进。二、主要任务1.建校。新建3所。2.扩校。扩建2所。", min_run_on=100))
青山县人民政府文件
青政发〔2024〕3号
关于印发青山县实施方案的通知
各乡镇：
现印发给你们。
青山县人民政府
2024年3月1日
附件青山县实施方案
一、总体要求
(一)目标。到2025年建成。
(二)原则。依法推进。
二、主要任务
1.建校。新建3所。
2.扩校。扩建2所。
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from extractor.extraction.numerals import parse_number
from extractor.lexicon import BRACKETED_YEAR, DOC_SERIAL, alternation

MIN_RUN_ON = 800  # characters: a line this long is a run of lines whose breaks were lost
RUN_ON_SHARE = 0.6  # the text is repaired when this share of it stands in run-on lines
HEADER = 600  # characters: where a notice's 文号, title and addressees stand
LABEL = re.compile(
    r"""第(?P<chapter>[一二三四五六七八九十百零]{1,5})[章节](?=\s)   # 第一章  总则 (spaced from its name)
      | 第(?P<article>[一二三四五六七八九十百零]{1,5})条(?=\s)       # 第一条  为… (not 第三条规定)
      | (?P<chinese>[一二三四五六七八九十]{1,3})、             # 一、
      | [(（](?P<bracketed>[一二三四五六七八九十]{1,3})[)）]     # (一)
      | [(（](?P<bracketed_digit>\d{1,2})[)）]                   # (1)
      | (?<![\d.])(?P<digit>\d{1,2})[.．、。](?![\d%])            # 1. 1、 11。 (a slip; not 2.5)
    """,
    re.VERBOSE,
)
SPACED_KINDS = ("chapter", "article")
AFTER_BREAK = "。;；:：!?！？)）】 "  # what a label may follow to open a line
WORD_BEFORE = "统唯之单同逐万第其"  # 统一、, 第一、: 一 inside a word
HEADING_WORD = re.compile(r"(?<=文件|纪要|明电|稿纸)(?=\S)")  # …局文件 | 文号
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{2,8}" + BRACKETED_YEAR + DOC_SERIAL)  # 青政发〔2024〕3号
MAX_HEADING = 40  # characters: a heading run into the first label under it (一、总体要求1.…)
SENTENCE_MARK = re.compile("[。;；!?！？]")
LIST_MARK = re.compile("[,，、:：《]")  # a stretch holding these is more than the names of signing bodies
MAX_SIGNATURE = 100  # characters: the signing bodies above a date
TITLE = re.compile(r"关于[^\n]{2,120}?的(?:通知|函|意见|决定|批复|报告|请示|公告|纪要)")  # 关于印发…的通知
ADDRESSEES = re.compile(r"[^\s。;；]{2,300}?[:：]")  # the addressees of a notice, up to their colon
SIGNATURE_DATE = re.compile(
    r"""(?<=[会局厅室府委办司心院部])[ ]?               # after the signing body (a space between)
        (?P<date>(?:19|20)\d{2}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日)  # its date
        (?![前后起以内至到,，。;；:：、)）])                # not a date inside a sentence
    """,
    re.VERBOSE,
)
TRAILER = re.compile(r"(?<=[。)）日])(?=附件|抄送|抄报)")  # the attachment and distribution lines


def restore_line_breaks(text: str, *, min_run_on: int = MIN_RUN_ON) -> str:
    """``text`` with line breaks put back where they were lost, when most of it runs on; lines
    that kept their breaks (a page's header fields) are left as they are."""
    spans = _run_on_lines(text, min_run_on)
    if not text or sum(end - start for start, end in spans) < RUN_ON_SHARE * len(text):
        return text
    cuts = _label_cuts(text) | _header_cuts(text, spans[0][0]) | _signature_cuts(text)
    cuts |= {m.start() for m in TRAILER.finditer(text)}
    starts = [start for start, _ in spans]
    inside = [c for c in sorted(cuts) if _within(spans, starts, c) and text[c - 1] != "\n"]
    pieces, at = [], 0
    for cut in inside:
        pieces.append(text[at:cut])
        at = cut
    return "\n".join(pieces + [text[at:]])


def _within(spans: list[tuple[int, int]], starts: list[int], at: int) -> bool:
    """Whether ``at`` lies inside one of the (sorted, disjoint) ``spans``."""
    index = bisect.bisect_left(starts, at) - 1
    return index >= 0 and spans[index][0] < at < spans[index][1]


def _run_on_lines(text: str, min_run_on: int) -> list[tuple[int, int]]:
    """(start, end) of each line at least ``min_run_on`` characters long."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.end() - m.start() >= min_run_on]


def _label_cuts(text: str) -> set[int]:
    """Where outline labels open lines: after a break mark, a bracketed Chinese numeral anywhere,
    and the label before an opening one when it is its predecessor (方案一、…。二、)."""
    found: dict[str, list[tuple[int, int, bool]]] = {}
    for match in LABEL.finditer(text):
        kind = match.lastgroup
        number = int(parse_number(match.group(kind)) or 0)
        before = text[match.start() - 1] if match.start() else "。"
        opens = before in AFTER_BREAK or kind in ("bracketed", "chapter", "article")
        if kind == "chinese" and before in WORD_BEFORE:
            continue
        found.setdefault(kind, []).append((match.start(), number, opens))
    cuts = set()
    for kind, labels in found.items():  # articles open by their spacing alone, cited ones have none
        cuts |= {at for at, _, opens in labels if opens} if kind in SPACED_KINDS else _with_predecessors(text, labels)
    firsts = [at for labels in found.values() for at, number, _ in labels if number == 1 and at not in cuts]
    ordered = sorted(cuts)
    return cuts | {at for at in firsts if _under_heading(text, at, ordered)}


def _under_heading(text: str, at: int, ordered_cuts: list[int]) -> bool:
    """Whether a first label follows an opened label's heading closely (一、总体要求1.…)."""
    index = bisect.bisect_left(ordered_cuts, at) - 1
    heading = ordered_cuts[index] if index >= 0 and ordered_cuts[index] >= at - MAX_HEADING else None
    return heading is not None and not SENTENCE_MARK.search(text, heading, at)


def _with_predecessors(text: str, labels: list[tuple[int, int, bool]]) -> set[int]:
    """The opening labels, and for each the nearest earlier label numbered one less (and so on
    back: 三、 opens, so the 二、 before it does, and the 一、 before that), in linear time; and
    the labels that go on an opened run."""
    opened = {at for at, _, opens in labels if opens}
    last_of: dict[int, int] = {}
    previous: list[int | None] = []  # for each label, the nearest earlier one numbered one less
    for at, number, _ in labels:
        previous.append(last_of.get(number - 1))
        last_of[number] = at
    for (at, number, _), earlier in zip(reversed(labels), reversed(previous)):
        if at in opened and number >= 2 and earlier is not None:
            opened.add(earlier)
    return opened | _successors(text, labels, opened)


def _successors(text: str, labels: list[tuple[int, int, bool]], opened: set[int]) -> set[int]:
    """Labels that go on an opened run: the next label of the kind, numbered one more, after a
    sentence mark (…区文旅发展集团五、工作保障 after 四、, …融媒体中心15.推进… after 14.)."""
    found = set()
    for (before, previous, _), (at, number, _) in zip(labels, labels[1:]):
        if number == previous + 1 and (before in opened or before in found) and SENTENCE_MARK.search(text, before, at):
            found.add(at)
    return found


def _header_cuts(text: str, start: int) -> set[int]:
    """Breaks around the 文号 and the title of a notice's header (in the first run-on line, from
    ``start``), and after its addressees."""
    cuts = {m.start() for m in HEADING_WORD.finditer(text, start, start + HEADER)}
    for number in DOC_NUMBER.finditer(text, start, start + HEADER):
        if text[number.start() - 1:number.start()] in "((》":
            continue  # a cited document's 文号: (国办发〔2022〕15号)
        inner = text.rfind("文件", number.start(), number.end())
        cuts |= {inner + 2 if inner >= 0 else number.start(), number.end()}
    title = next((t for t in TITLE.finditer(text, start, start + HEADER) if text[t.start() - 1:t.start()] != "《"), None)
    if title:
        cuts.add(title.start())
        addressees = ADDRESSEES.match(text, title.end())
        if addressees:
            cuts |= {title.end(), addressees.end()}
    plan = _plan_title().match(text, start)
    if plan and not title:
        cuts |= {plan.start("title"), plan.end("title")}  # 附件 | 某某工作方案 | 根据…
    return cuts


@lru_cache(maxsize=1)
def _plan_title() -> re.Pattern:
    """A plan's own title opening the text and running into its first sentence."""
    return re.compile(
        rf"""\s*(?:附件\s?\d{{0,2}}\s?)?                                   # 附件
             (?P<title>[^。;；,，、:：《》\n]{{4,60}}?(?:{alternation("doc_genres.txt")}))  # 某某工作方案
             (?=根据|为了|为|按照|依据|结合|近年来)                         # 根据…: the body's first words
        """,
        re.VERBOSE,
    )


def _signature_cuts(text: str) -> set[int]:
    """Breaks before and after the date under a signature (…委员会2021年7月23日加强…), and
    before the signing body when a full stop ends the text above it (…落实。龙岩市…局)."""
    cuts = set()
    for date in SIGNATURE_DATE.finditer(text):
        cuts |= {date.start("date"), date.end()}
        stop = max(text.rfind(mark, max(0, date.start() - MAX_SIGNATURE), date.start()) for mark in "。;；!?！？")
        if stop >= 0 and not LIST_MARK.search(text, stop + 1, date.start()):
            cuts.add(stop + 1 + (text[stop + 1:stop + 2] == " "))
    return cuts
