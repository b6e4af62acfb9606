"""Split a source file's text into the documents it holds.

A file holds several documents when it is a compilation (``… 篇1`` … ``… 篇8`` markers), when
a document carries attachments (a line ``附件`` / ``附件2`` / ``附件2:`` above the attachment, or
``附件N`` run in before a title that the document's 附件 list names), or when a letterhead and its
文号 (``国家能源局文件`` / ``国能发安全规〔2024〕85号``) open another document further down. The first
part always starts at the file's start, so it keeps the page header (索引号, 成文日期) and any
notice that issues the main document.

>>> text = ("关于印发方案的通知\\n现将方案印发。\\n附件:工作方案\\n县政府\\n附件\\n工作方案\\n"
...         "一、目标\\n到2025年,全县建成一批义务教育示范学校,全面提升办学水平,满足群众需要。")
>>> [(p.title, p.text[:6]) for p in split_documents(text)]
[(None, '关于印发方案'), ('工作方案', '附件\\n工作方')]
>>> text = ("汇编\\n方案 篇1\\n一、目标\\n建成示范学校,全面提升办学水平,满足群众需要。\\n方案 篇2\\n"
...         "临洮县经验材料\\n近年来,全县实施全面改薄项目182个,涉及学校260所,改善了全县中小学办学条件。")
>>> [p.title for p in split_documents(text)]
[None, '临洮县经验材料']
"""
from __future__ import annotations

import re

from extractor.lexicon import BRACKETED_YEAR, DOC_SERIAL, LABEL_AT_START, LETTERHEAD_END, longest_first
from extractor.structure.bounds import DATE_LINE, ISSUER_LINE, SIGNATURE_REACH
from extractor.models import DocumentPart
from extractor.extraction.numerals import parse_number

COMPILATION_MARKER = re.compile(
    r"""^[ \t]*(?P<prefix>[^\n]{0,80}?)[ \t]*      # the compilation's name, if repeated
        篇[ \t]*(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})  # 篇1 / 篇一
        [ \t]*(?:[::][ \t]*(?P<title>[^\n]{2,80}))?  # 篇一:TITLE
        [ \t]*$""",
    re.VERBOSE | re.MULTILINE,
)
ATTACHMENT_HEADING = re.compile(
    r"""^[ \t]*附件[ \t]*(?P<n>\d{0,2})           # 附件 / 附件2 on a line of its own
        [ \t]*(?P<colon>:)?[ \t]*$""",
    re.VERBOSE | re.MULTILINE,
)
ATTACHMENT_LIST = re.compile(
    r"""附件[ \t]*:[ \t]*                         # 附件: then the listed titles
        (?P<items>[^\n]*(?:\n[ \t]*\d{1,2}[ \t]*[.、][^\n]*)*)  # further numbered lines
    """,
    re.VERBOSE,
)
LIST_NUMBER = re.compile(r"(?:^|\n|(?<=[^\d]))\s*\d{1,2}\s*[.、]\s*")  # 1. / 2 . / 3、 in a list
TITLE_LINE = re.compile(r"[^。;,,:!?\n]{4,60}")  # a line that can be a document title
BODY_PUNCTUATION = re.compile(r"[。;,,!?]")  # a line with these is body text, not a title
# a line ending in a genre word is a complete title, not the first line of a wrapped one
GENRE_END = re.compile(r"(?:方案|办法|意见|通知|规划|计划|细则|规定|清单|表|单|书|函)$")
SHORT_LINE = 20  # a title's second line (工作部门职责分工) is at most this long
FRESH_OUTLINE = re.compile(r"^[ \t]*(?:一\s*[、.．]|第一[章条])", re.MULTILINE)  # a document's first item
ISSUING = re.compile(
    r"""(?:现将|现予|予以|现)[^。\n]{0,60}?(?:印发|转发|批转|下发)  # 现将《…》印发给你们
      | (?:印发|转发|下发)给你们                                 # …印发给你们
    """,
    re.VERBOSE,
)  # a notice issuing the document after it
ISSUING_REACH = 3000  # how far back a signature's notice is read
FRESH_OUTLINE_REACH = 600  # how soon after a signature a fresh outline must begin
LETTERHEAD = re.compile(
    r"^[ \t]*[^\s。,;:]{4,60}?" + LETTERHEAD_END + r"""[ \t]*\n  # 国家能源局文件 on a line of its own
        [ \t]*[\u4e00-\u9fff]{2,12}""" + BRACKETED_YEAR + DOC_SERIAL + r"""  # then its 文号: a document's head
    """,
    re.VERBOSE | re.MULTILINE,
)
MIN_HEAD = 200  # characters: a letterhead this near the file's start is the file's own
MIN_PART_CHARS = 40  # an attachment with less text than this is page furniture


def split_documents(text: str) -> list[DocumentPart]:
    """The documents inside ``text``; a file with one document gives one part."""
    listed = attachment_titles(text)
    pieces = set(compilation_starts(text))
    signed = set(signed_starts(text)) - pieces
    letterheads = [m.start() for m in LETTERHEAD.finditer(text) if m.start() >= MIN_HEAD]
    starts = sorted({0, *pieces, *attachment_starts(text), *listed, *signed, *letterheads})
    parts = []
    for start, end in zip(starts, starts[1:] + [len(text)]):
        body = text[start:end].rstrip()
        if parts and len("".join(body.split())) < MIN_PART_CHARS:
            continue
        title = (listed.get(start) or part_title(body)) if start else None
        kind = "main" if not start else "piece" if start in pieces else "attachment"
        parts.append(DocumentPart(text=body, start=start, end=start + len(body), title=title, kind=kind))
    return parts


def compilation_starts(text: str) -> list[int]:
    """Starts of 篇2, 篇3 … when the file numbers its documents 篇1, 篇2 … in order."""
    markers = [(m.start(), _ordinal(m.group("n"))) for m in COMPILATION_MARKER.finditer(text)]
    starts, expected = [], 1
    for start, number in markers:
        if number == expected:
            starts.append(start)
            expected += 1
    return starts[1:] if len(starts) >= 2 else []


def signed_starts(text: str) -> list[int]:
    """Where a document follows another that ends with its signature and date, as pages that
    collect several notices do: an issuer line, a date line, then a fresh outline (一、…) soon.
    A notice that issues the document after it (现将…印发给你们) stays one with it, unless the
    notice has an outline of its own and that document opens with its title (then it is the
    notice's attachment: the notice's body ends at its signature)."""
    starts, previous = [], 0
    for date in DATE_LINE.finditer(text):
        above = text[max(0, date.start() - SIGNATURE_REACH):date.start()].rstrip().rsplit("\n", 1)[-1].strip()
        following = text[date.end():date.end() + FRESH_OUTLINE_REACH]
        issues_next = ISSUING.search(text, max(previous, date.start() - ISSUING_REACH), date.start())
        if ISSUER_LINE.fullmatch(above) and FRESH_OUTLINE.search(following) and (
                not issues_next or _issues_an_attachment(text, previous, date, following)):
            start = date.end() + 1
            if len("".join(text[start:].split())) >= MIN_PART_CHARS:
                starts.append(start)
                previous = start
    return starts


def attachment_starts(text: str) -> list[int]:
    """Starts of attachment heading lines: 附件, 附件2, 附件2: (附件: alone heads a list)."""
    return [m.start() + len(m.group()) - len(m.group().lstrip())
            for m in ATTACHMENT_HEADING.finditer(text) if m.group("n") or not m.group("colon")]


def attachment_titles(text: str) -> dict[int, str]:
    """Where each title named in a 附件 list reappears after 附件 (or 附件N), with the title."""
    starts = {}
    for listing in ATTACHMENT_LIST.finditer(text):
        for title in _listed_titles(listing.group("items")):
            spaced = r"\s*".join(map(re.escape, title))
            found = re.compile(r"附件\s*\d{0,2}\s*:?\s*" + spaced).search(text, listing.start() + 1)
            if found:
                starts[found.start()] = title
    return starts


def part_title(body: str) -> str | None:
    """The title of an attachment or compilation piece: its first title-like line."""
    header, *lines = [line.strip() for line in body.splitlines()[:8] if line.strip()] or [""]
    marker = COMPILATION_MARKER.match(header)
    if marker and marker.group("title"):
        return marker.group("title").strip()
    titles = []
    for line in lines:
        if BODY_PUNCTUATION.search(line):
            break
        if _title_like(line):
            titles.append(line)
    if not titles:
        return header or None
    wrapped = len(titles) > 1 and len(titles[1]) <= SHORT_LINE and not GENRE_END.search(titles[0])
    return titles[0] + titles[1] if wrapped else titles[0]


def _issues_an_attachment(text: str, previous: int, date: re.Match, following: str) -> bool:
    """Whether a notice that issues the document after its signature has items of its own (一、…)
    and that document opens with its title: then the document is the notice's attachment."""
    own_outline = FRESH_OUTLINE.search(text, previous, date.start())
    return bool(own_outline) and _issued_title(following.lstrip().split("\n", 1)[0].strip())


def _issued_title(line: str) -> bool:
    """Whether a line after a notice's signature is the title of the document it issues: a
    title-like line holding a genre word (湖北电力调峰辅助服务市场运营规则(试行))."""
    return _title_like(line) and any(genre in line for genre in longest_first("doc_genres.txt"))


def _title_like(line: str) -> bool:
    chinese = sum("\u4e00" <= c <= "\u9fff" for c in line)
    return bool(TITLE_LINE.fullmatch(line)) and not LABEL_AT_START.match(line) and chinese >= 0.8 * len(line)


def _listed_titles(items: str) -> list[str]:
    titles = [t.strip() for t in LIST_NUMBER.split(items) if t.strip()]
    return [t for t in titles if len(t) >= 4]


def _ordinal(digits: str) -> int:
    return int(digits) if digits.isdigit() else int(parse_number(digits) or 0)
