"""Lines shattered at every inline element, joined again.

Some crawlers write each ``<span>`` of a page on a line of its own, so numbers, dates and quoted
words stand alone: ``上网电价为 / 0.4012 / 元/千瓦时``, ``2025 / 年 / 9 / 月``, ``以 / “ / 报量不报价 / ”``.
Only a text that shows the pattern several times is repaired, and only at breaks that cannot
end a line of running text: a number between words, a unit after a number, a bracket or
quotation mark and what it encloses, a character alone, a break inside brackets or after a long
line with no full stop. A line that opens with an outline label stays a line.

>>> print(join_shattered_lines("标准为\\n0.4012\\n元/千瓦时。\\n2025\\n年\\n6\\n月\\n1\\n日前投产的项目。\\n"
...       "以\\n“\\n报量不报价\\n”\\n参与市场。\\n青山县发展改革局\\n2025\\n年\\n9\\n月\\n29\\n日\\n青山县实施方案"))
标准为0.4012元/千瓦时。
2025年6月1日前投产的项目。
以“报量不报价”参与市场。
青山县发展改革局
2025年9月29日
青山县实施方案
"""
from __future__ import annotations

import re

from extractor.lexicon import LABEL_AT_START, unit_name_endings

SHATTERED = re.compile(r"[^。;:!?\n]\n(?:\d+(?:\.\d+)?%?|[“”《》()〔〕])\n")  # a number or mark alone mid-sentence
MIN_SHATTERS = 5  # a text with fewer such numbers keeps its lines
NUMBER = re.compile(r"[\d.,]+%?")  # a line that is only a number
AFTER_NUMBER = "年月日号〕)%‰元万亿千百个家所项人次倍小分秒"  # what follows a number: 2025 / 年
BEFORE_NUMBER = "为于到至达过的在按约近及和"  # what stands before a number inside a sentence: 价格为 / 1.2元
OPENERS = "“《(〔‘「/"
CLOSERS = "”》)〕’」,、。;:/"
SENTENCE_END = "。;!?:"
MID_SENTENCE = "应要须将和与及或并对向在从由把被为于的地得之以而"  # a line ending in these goes on
LONG_LINE = 40  # a line this long that ends without a full stop is a paragraph broken off


def join_shattered_lines(text: str) -> str:
    """``text`` with its shattered lines joined, when it has them (in time linear in the text)."""
    if len(SHATTERED.findall(text)) < MIN_SHATTERS:
        return text
    out: list[_Line | str] = []
    last_piece, blanks = "", 0  # blank lines may stand between the pieces too
    for line in text.split("\n"):
        piece = line.strip()
        if not piece:
            blanks += 1
            continue
        current = out[-1] if out and isinstance(out[-1], _Line) else None
        if current is not None and _continues(current, last_piece, piece):
            current.add(piece)
        else:
            out += [""] * blanks + [_Line(line)]
        last_piece, blanks = piece, 0
    return "\n".join([str(line) for line in out] + [""] * blanks)


class _Line:
    """A line being rebuilt from pieces, with what the joining rules ask of it kept up to date."""

    def __init__(self, first: str) -> None:
        self.pieces, self.length, self.depth, self.comma = [], 0, 0, False
        self.add(first)

    def add(self, piece: str) -> None:
        self.pieces.append(piece)
        self.length += len(piece)
        self.depth += piece.count("(") - piece.count(")")  # brackets still open
        self.comma = self.comma or "," in piece

    @property
    def last(self) -> str:
        return self.pieces[-1].rstrip()[-1:]

    def __str__(self) -> str:
        return "".join(self.pieces)


def _continues(line: _Line, last_piece: str, piece: str) -> bool:
    """Whether ``piece`` goes on ``line`` (whose last piece is ``last_piece``)."""
    end = line.last
    if not end or end in SENTENCE_END:
        return False
    if NUMBER.fullmatch(piece) and piece[-1] not in ".,":  # 1.2 is a number, 1. a label
        return end not in unit_name_endings()
    if LABEL_AT_START.match(piece):
        return False
    if piece[0].isdigit() and end in BEFORE_NUMBER:
        return True  # 补贴价格为 / 1.2元/千瓦时
    return (end.isdigit() and piece[0] in AFTER_NUMBER
            or end in OPENERS or piece[0] in CLOSERS or piece in OPENERS
            or (len(last_piece) == 1 and last_piece in CLOSERS)
            or len(piece) == 1 or (len(last_piece) == 1 and last_piece not in AFTER_NUMBER)  # 跨 / 越
            or (line.length > LONG_LINE and line.comma)  # a paragraph (not a title) broken off
            or end in MID_SENTENCE  # 市工业和信息化局应 / 积极推动…
            or line.depth > 0)  # the break falls inside brackets
