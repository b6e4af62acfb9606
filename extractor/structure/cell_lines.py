"""Tables flattened to one cell a line, joined back into rows.

A table copied from a web page into text (or saved as Markdown) often loses its rows: each cell
becomes a line of its own — ``序号 / 工作任务 / 推进单位 / 1 / 建成平台 / 区建设管理委 / 2 / …``.
Where a run of header words with a number column (序号, 编号) is followed by lines that count
1, 2, 3 …, the lines are joined back into ``|`` rows (number first), so the table is read like
any other (:mod:`extractor.structure.tables`).

Cells merged across rows appear once: a cell that does not fit its column (a line that names no
organisation under 推进单位) is left empty and opens the next row instead. Lines before a row's
number fill the columns that stand before the number column; any more of them are group rows
(``行动一:…``) kept in the task column of a row of their own.

>>> text = "附件\\n序号\\n工作任务\\n牵头单位\\n1\\n建成平台\\n县发改局\\n2\\n培训教师100人次\\n3\\n修订办法\\n县司法局"
>>> print(rejoin_cell_tables(text))
附件
序号 | 工作任务 | 牵头单位
1 | 建成平台 | 县发改局
2 | 培训教师100人次 |
3 | 修订办法 | 县司法局
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations

from extractor.lexicon import rows as data_rows
from extractor.lexicon import unit_name_endings
from extractor.reading.loaders.tables import CELL_SEPARATOR
from extractor.structure.tables import MAX_HEADER, VALUE_ROLES, header_role, known_role

ROW_NUMBER = re.compile(r"(?P<n>\d{1,3})[.、]?")  # a line that is only a row's number
DATE_WORDS = re.compile(r"\d{1,4}\s*[年月]|年底|年内|季度|长期|持续|常态|每年|每月|前|底")  # a time cell
TRAILING_BRACKETS = re.compile(r"\([^()]*\)$")  # 区教育局(牵头), 行动三:…(…行动)
NOT_IN_UNITS = re.compile(r"[。,的\d]")  # a sentence, a 的 phrase or a count (新建9座公园) names no unit
BARE_NUMBER = re.compile(r"\d+(?:\.\d+)?")  # 450, 3.75: a quantity, never a name or a place
VALUE_CELL = re.compile(
    r"""[≥≤><＞＜约]?\s*\d+(?:\.\d+)?           # a number, after a comparator if any
        (?:\s*[-—~～至]\s*\d+(?:\.\d+)?)?        # the top of a range
        [^\d]{0,4}                                # its unit or 左右/以上
      | [—\-/／无]+                               # an empty value
    """, re.VERBOSE)
TOTAL_ROW = re.compile(r"合\s*计|总\s*计|小\s*计|共\s*计")  # a table's sum row ends its numbered rows
UNKNOWN_HEADER = re.compile(r"[^。,;:，；：、|]{1,16}")  # 位置, 面积(公顷), 级别(市级/区级): a short name, no clause
TEXT_ROLES = (None, "task", "content", "indicator", "category")
QUANTITY_ROLES = (*VALUE_ROLES, "score")  # columns whose cells are figures
MAX_PLACED_COLUMNS = 10  # wider rows are filled from the right without weighing each placement
MAX_HEADER_RUN = 12  # lines (blank ones included) a header may span
SPANNING_ROWS = 3  # group lines allowed between two rows before the table counts as ended
UNIT_ROLES = ("lead", "support", "first")


@dataclass
class _Table:
    """A header found in the lines and the rows gathered under it."""

    headers: list[str]
    roles: list[str | None]
    number_at: int
    rows: list[list[str]] = field(default_factory=list)

    def before(self) -> int:
        return self.number_at

    def width_after(self) -> int:
        """How many columns stand after the number column."""
        return len(self.headers) - self.number_at - 1

    def lines(self) -> list[str]:
        order = [self.number_at, *range(self.number_at), *range(self.number_at + 1, len(self.headers))]
        return [CELL_SEPARATOR.join(row[i] for i in order).rstrip() for row in [self.headers, *self.rows]]


def rejoin_cell_tables(text: str) -> str:
    """``text`` with every table written one cell a line joined back into rows."""
    if "\n" not in text or not any(word in text for word in _number_headers()):
        return text
    lines = text.split("\n")
    starts = _header_starts(lines)
    out, at = [], 0
    while at < len(lines):
        table, end = _table_at(lines, at) if at in starts else (None, at)
        if table is None:
            out.append(lines[at])
            at += 1
        else:
            out += table.lines()
            at = end
    return "\n".join(out)


def _number_headers() -> frozenset[str]:
    return frozenset(word for word, role in data_rows("table_headers.txt") if role == "number")


def _header_starts(lines: list[str]) -> set[int]:
    """Lines where a header run may start: each run of header words that reaches a 序号 line."""
    numbers, starts = _number_headers(), set()
    for index, line in enumerate(lines):
        if line.strip() in numbers:
            start = index
            while start > 0 and index - start < MAX_HEADER_RUN and _is_header(lines[start - 1]):
                start -= 1
            starts.add(next(i for i in range(start, index + 1) if lines[i].strip()))
    return starts


def _is_header(line: str) -> bool:
    line = line.strip()
    return not line or (len(line) <= MAX_HEADER and "|" not in line and known_role(line) is not None)


def _table_at(lines: list[str], at: int) -> tuple[_Table | None, int]:
    """The table whose header starts at line ``at`` and the line after its last row."""
    header, after_header = _header_at(lines, at)
    if header is None:
        return None, at
    rows, end = _rows(lines, after_header, header)
    if len(rows) < 2 and not (rows and _totalled(lines, end)):
        return None, at
    header.rows = rows
    return header, end


def _totalled(lines: list[str], at: int) -> bool:
    """Whether the first line from ``at`` that holds text is a table's sum row (合计)."""
    following = next((line.strip() for line in lines[at:] if line.strip()), "")
    return TOTAL_ROW.match(following) is not None


def _header_at(lines: list[str], at: int) -> tuple[_Table | None, int]:
    """A run of header words (blank lines between them allowed) holding a number column."""
    headers, index = [], at
    while index < len(lines) and index - at < MAX_HEADER_RUN and _is_header(lines[index]):
        headers += [lines[index].strip()] if lines[index].strip() else []
        index += 1
    headers, index = _unknown_headers(lines, index, headers)
    roles = [header_role(h)[0] for h in headers]
    if len(headers) < 3 or "number" not in roles:
        return None, at
    return _Table(headers, roles, roles.index("number")), index


def _unknown_headers(lines: list[str], at: int, headers: list[str]) -> tuple[list[str], int]:
    """Headers no lexicon knows (位置, 面积(公顷)) after the known ones, taken only when the run
    ends at the first row's number, so a title or a sentence is never read as a header."""
    extra, index = [], at
    while index < len(lines) and index - at < MAX_HEADER_RUN:
        line = lines[index].strip()
        found = ROW_NUMBER.fullmatch(line)
        if found:
            return (headers + extra, index) if found.group("n") == "1" and extra else (headers, at)
        if line and (not UNKNOWN_HEADER.fullmatch(line) or BARE_NUMBER.fullmatch(line)):
            break
        extra += [line] if line else []
        index += 1
    return headers, at


def _rows(lines: list[str], at: int, table: _Table) -> tuple[list[list[str]], int]:
    """Rows numbered 1, 2, 3 … from line ``at``; the line after the last one taken."""
    rows, expected, end = [], 1, at
    number, after = None, []  # the open row's number line and the lines after it: (index, text)
    for index in range(at, len(lines)):
        line = lines[index].strip()
        if not line:
            continue
        if TOTAL_ROW.match(line):
            break
        found = ROW_NUMBER.fullmatch(line)
        if found and int(found.group("n")) == expected:
            taken, rest = _close(number, after, table, rows)
            end = max(end, taken)
            rows += _group_rows(rest[:-table.before() or None] if table.before() else rest, table)
            leading = rest[-table.before():] if table.before() else []
            number, after, expected, end = _opened(table, line, leading), [], expected + 1, index + 1
        else:
            after.append((index, line))
            if len(after) > table.width_after() + table.before() + SPANNING_ROWS:
                break
    taken, _ = _close(number, after, table, rows)
    return rows, max(end, taken)


def _opened(table: _Table, number: str, leading: list[tuple[int, str]]) -> list[str]:
    """A new row: its number, and the cells of the columns before the number column."""
    cells = [""] * len(table.headers)
    cells[table.number_at] = number.rstrip(".、")
    for offset, (_, value) in enumerate(leading):
        cells[table.before() - len(leading) + offset] = value
    return cells


def _close(cells: list[str] | None, after: list[tuple[int, str]], table: _Table,
           rows: list[list[str]]) -> tuple[int, list[tuple[int, str]]]:
    """Give the open row the lines after its number that fit its columns; returns the line after
    the last one taken and the lines left for the next row (its leading cells, group rows)."""
    if cells is None:
        return 0, after
    rows.append(cells)
    texts = [text for _, text in after]
    for count in range(min(len(after), table.width_after()), 0, -1):
        placed = _placed(texts[:count], table)
        if placed is not None:
            count, placed = _wrapped_cells(texts, count, table) or (count, placed)
            for column, text in placed.items():
                cells[column] = text
            return after[count - 1][0] + 1, after[count:]
    return 0, after


def _wrapped_cells(texts: list[str], count: int, table: _Table) -> tuple[int, dict[int, str]] | None:
    """When a figure is left over after the ``count`` texts placed (a quantity table whose name
    or place cell was wrapped onto two lines), the placement of the first lines with wrapped
    pieces joined, and how many lines it takes."""
    if not any(role in QUANTITY_ROLES for role in table.roles) or count >= len(texts):
        return None
    if not VALUE_CELL.fullmatch(texts[count]):
        return None
    for taken in range(min(len(texts), table.width_after() + 2), count, -1):
        placed = _joined_placement(texts[:taken], table)
        if placed is not None:
            return taken, placed
    return None


def _joined_placement(texts: list[str], table: _Table) -> dict[int, str] | None:
    """Join neighbouring text pieces (a bracket opening the second first, then the shortest
    pair) until the pieces fit the row's columns."""
    pieces = list(texts)
    while True:
        pairs = [i for i in range(len(pieces) - 1) if not any(VALUE_CELL.fullmatch(p) for p in pieces[i:i + 2])]
        if not pairs:
            return None
        at = min(pairs, key=lambda i: (not pieces[i + 1].startswith("("), len(pieces[i]) + len(pieces[i + 1])))
        pieces[at:at + 2] = [pieces[at] + pieces[at + 1]]
        placed = _placed(pieces, table) if len(pieces) <= table.width_after() else None
        if placed is not None:
            return placed


def _placed(texts: list[str], table: _Table) -> dict[int, str] | None:
    """Columns for ``texts`` in order, each text fitting its column: of the placements that
    leave fewest columns empty (a remarks column left empty costs nothing), the rightmost,
    since a cell merged away is one of the first columns (任务名称 merged down)."""
    columns = range(table.number_at + 1, len(table.headers))
    if len(columns) > MAX_PLACED_COLUMNS:
        return _right_aligned(texts, table)
    best, best_key = None, None
    for chosen in combinations(columns, len(texts)):
        if all(_fits(table.roles[c], text) for c, text in zip(chosen, texts)):
            empty = sum(1 for c in columns if c not in chosen and table.roles[c] != "note")
            key = (empty, [-c for c in reversed(chosen)])
            if best_key is None or key < best_key:
                best, best_key = dict(zip(chosen, texts)), key
    return best


def _right_aligned(texts: list[str], table: _Table) -> dict[int, str] | None:
    """Columns for ``texts`` in order, filled from the right: a cell merged away is one of the
    first columns (任务名称 merged down), and each text must fit its column's role."""
    placed, column = {}, len(table.headers) - 1
    for text in reversed(texts):
        while column > table.number_at and not _fits(table.roles[column], text):
            column -= 1
        if column <= table.number_at:
            return None
        placed[column] = text
        column -= 1
    return placed


def _group_rows(lines: list[tuple[int, str]], table: _Table) -> list[list[str]]:
    """Lines that stand between rows and fit no column: group headings, one row each."""
    task = next((i for i, role in enumerate(table.roles) if role in ("task", "content")), table.number_at + 1)
    return [[line if i == task else "" for i in range(len(table.headers))] for _, line in lines]


def _fits(role: str | None, line: str) -> bool:
    """Whether ``line`` can be a cell of a column of ``role``."""
    if role in UNIT_ROLES:
        name = TRAILING_BRACKETS.sub("", line).rstrip("等")
        return not NOT_IN_UNITS.search(line) and name[-1:] in unit_name_endings()
    if role == "deadline":
        return len(line) <= 40 and DATE_WORDS.search(line) is not None
    if role in QUANTITY_ROLES:
        return VALUE_CELL.fullmatch(line) is not None
    if role in TEXT_ROLES:
        return BARE_NUMBER.fullmatch(line) is None
    return role != "number"
