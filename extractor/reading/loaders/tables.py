"""How every loader writes a table: one line a row, cells joined by `` | ``, columns kept in place.

The .docx, .html and .pdf readers place a table's cells on its grid of rows and columns
and write each row with ``table_row``, by the same rules:

- every row has one cell per grid column, so an empty cell stays an empty cell
  (``1 |  | 县财政局`` has three cells);
- a cell merged down a column (Word's vMerge, HTML's rowspan, a PDF cell spanning rows)
  repeats its text in every row it spans: each row names its 牵头单位;
- a cell merged across columns (gridSpan, colspan, a PDF cell spanning columns) counts once
  per grid column it covers: its text stands in the first of them and the others are empty,
  so the row keeps the table's width without saying the same thing twice;
- but a row that is a single cell across the whole table (a caption such as 附件1：, a
  section heading inside the table) is written as its text alone: it has no columns;
- a bar inside a cell (``|`` or the full-width ``｜``, which NFKC turns into ``|``) becomes
  ``/``: a row can be split at its bars;
- a row whose cells are all empty is left out, and trailing spaces are trimmed;
- a table's rows stand on lines of their own: no text before or after a table shares a
  line with one of its rows.

>>> table_row(["1", "", "县财政局"])
'1 |  | 县财政局'
>>> table_row(["(一)办学条件", "", ""])
'(一)办学条件 |  |'
>>> table_row(["县教育局|县科技局", " 2025年 "])
'县教育局/县科技局 | 2025年'
>>> table_row(["", " "])
''
>>> rows = fill_grid([[("序号", 1, 1), ("牵头单位", 1, 1)], [("1", 1, 1), ("县教育局", 2, 1)], [("2", 1, 1)]])
>>> [grid_line(row) for row in rows]
['序号 | 牵头单位', '1 | 县教育局', '2 | 县教育局']
>>> rows = fill_grid([[("附表", 1, 3)], [("合计", 1, 2), ("100", 1, 1)], [("a", 1, 1), ("b", 1, 1)]])
>>> [grid_line(row) for row in rows]
['附表', '合计 |  | 100', 'a | b |']
"""
from __future__ import annotations

import re
from collections.abc import Hashable

CELL_BAR = re.compile(r"[|｜]")
CELL_SEPARATOR = " | "  # what joins the cells of a row
MAX_SPAN = 1000  # a larger rowspan or colspan is a broken page, not a table


def table_row(cells: list[str]) -> str:
    """One row as a line: cells stripped, bars inside them replaced, joined by `` | ``."""
    cells = [CELL_BAR.sub("/", cell.strip()) for cell in cells]
    return CELL_SEPARATOR.join(cells).rstrip() if any(cells) else ""


def grid_line(row: list[tuple[Hashable, str]]) -> str:
    """A row given as (cell, text) for each grid column, ``cell`` naming the cell that covers it."""
    owners = [owner for owner, _ in row]
    if len(row) > 1 and len(set(owners)) == 1 and owners[0] is not None:
        return table_row([row[0][1]])
    return table_row([text if c == 0 or owners[c - 1] != owner else "" for c, (owner, text) in enumerate(row)])


def fill_grid(rows: list[list[tuple[str, int, int]]]) -> list[list[tuple[Hashable, str]]]:
    """The (cell, text) of every grid position of a table given as HTML writes it.

    ``rows`` holds each row's cells as (text, rowspan, colspan); a position covered by a
    cell above has no cell of its own. Rows come out as long as the widest row.
    """
    grid: list[list[tuple[Hashable, str] | None]] = [[] for _ in rows]
    for r, row in enumerate(rows):
        column = 0
        for index, (text, rowspan, colspan) in enumerate(row):
            while column < len(grid[r]) and grid[r][column] is not None:
                column += 1
            for dr in range(min(max(rowspan, 1), MAX_SPAN, len(rows) - r)):
                for dc in range(min(max(colspan, 1), MAX_SPAN)):
                    _put(grid[r + dr], column + dc, ((r, index), text))
            column += max(colspan, 1)
    width = max((len(row) for row in grid), default=0)
    return [[cell or (None, "") for cell in row] + [(None, "")] * (width - len(row)) for row in grid]


def _put(row: list, column: int, cell: tuple[Hashable, str]) -> None:
    row.extend([None] * (column + 1 - len(row)))
    if row[column] is None:
        row[column] = cell
