"""Plain text wrapped at a fixed width (OCR output, text copied from a PDF), joined into paragraphs.

Such a text shows its width: most of its long lines have nearly the same number of characters.
A line that reaches that width was wrapped, so the next line goes on it, unless that line opens
with an outline label or is a page number or page marker (kept on a line of its own).

>>> line = "省电力公司及调度机构应对四级以上的电网安全风险制定风险控制方案"
>>> text = "\\n".join([line[:20], line[20:] + "。"] * 12 + ["四、做好报告工作", "省电力公司要按年度报告。"])
>>> print("\\n".join(join_hard_wrapped(text).split("\\n")[-3:]))
省电力公司及调度机构应对四级以上的电网安全风险制定风险控制方案。
四、做好报告工作
省电力公司要按年度报告。
"""
from __future__ import annotations

import re
from collections import Counter

from extractor.lexicon import LABEL_AT_START
from extractor.reading.loaders.pdf_lines import is_page_number
from extractor.reading.loaders.tables import CELL_SEPARATOR

MIN_WIDTH = 16  # narrower "widths" are lists and tables, not wrapped prose
MIN_WRAPPED = 12  # lines at the width needed before a text counts as wrapped
WRAPPED_SHARE = 0.4  # share of the long lines that must stand at the width
SLACK = 3  # a wrapped line may end this many characters short (wide punctuation, a word that did not fit)
OCR_PAGE_MARK = re.compile(r"^(?:-+\s*第\s*\d+\s*页.*-+|[-—–]\s*\d+\s*一)$")  # --- 第 3 页 OCR ---, -2一 (— read as 一)


def join_hard_wrapped(text: str) -> str:
    """``text`` with the lines it was wrapped into joined again, when it was wrapped."""
    lines = text.split("\n")
    width = _wrap_width(lines)
    if width is None:
        return text
    out: list[list[str]] = []
    last_text, carry = -1, False  # the last line of text, and whether it reached the width
    for line in lines:
        piece = line.strip()
        if not piece or _is_page_line(piece):
            out.append([line])  # blank lines and page furniture stand apart; a paragraph goes on past them
            continue
        row = CELL_SEPARATOR in piece  # a table row is no wrapped prose: it stands alone
        if carry and not row and not LABEL_AT_START.match(piece):
            out[last_text].append(piece)
        else:
            out.append([line])
            last_text = len(out) - 1
        carry = not row and len(piece) >= width - SLACK
    return "\n".join("".join(pieces) for pieces in out)


def _is_page_line(piece: str) -> bool:
    return is_page_number(piece) or OCR_PAGE_MARK.match(piece) is not None


def _wrap_width(lines: list[str]) -> int | None:
    """The width the text was wrapped at, or None when it was not wrapped."""
    lengths = [len(line.strip()) for line in lines if len(line.strip()) >= MIN_WIDTH and CELL_SEPARATOR not in line]
    if len(lengths) < MIN_WRAPPED:
        return None
    width, _ = Counter(lengths).most_common(1)[0]
    at_width = sum(width - SLACK <= n <= width + 1 for n in lengths)
    longer = sum(n > width + SLACK for n in lengths)
    if at_width < MIN_WRAPPED or at_width < WRAPPED_SHARE * len(lengths) or longer > 0.1 * len(lengths):
        return None
    return width
