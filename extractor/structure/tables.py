"""Tables read by their headers: task-division tables, indicator tables, assessment tables.

A header row names each column's role: the lexicon of task tags (``data/task_labels.txt``) gives
the who and when columns (牵头单位 lead, 配合单位 support, 责任单位 first, 完成时限 deadline) and
``data/table_headers.txt`` the others (序号, 任务, 指标, 单位, 属性, 分值 …); a header with a year
(2020年, 2025年目标) is a value column of that year, a baseline when it comes before the
document's year (or is called 基期/现状) and a target otherwise.

>>> from extractor.structure.blocks import read_blocks
>>> text = "序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限\\n1 | 建成平台 | 县发改局 | 县财政局 | 2024年6月\\n"
>>> layout = read_layout(read_blocks(text)[0])
>>> layout.kind, [c.role for c in layout.columns]
('task', ['number', 'task', 'lead', 'support', 'deadline'])
>>> [(c.role, c.text) for c in layout.cells(layout.data_rows[0])]
[('number', '1'), ('task', '建成平台'), ('lead', '县发改局'), ('support', '县财政局'), ('deadline', '2024年6月')]
>>> text = "指标 | 单位 | 2020年 | 2025年 | 属性\\n城镇化率 | % | 55 | 60 | 预期性\\n"
>>> layout = read_layout(read_blocks(text)[0], document_year=2021)
>>> layout.kind, [(c.role, c.year) for c in layout.columns]
('indicator', [('indicator', None), ('unit', None), ('baseline', 2020), ('target', 2025), ('attribute', None)])
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from extractor.extraction.dates import FIVE_YEAR_NUMERAL, five_year_plan_years
from extractor.extraction.quantities import is_unit
from extractor.lexicon import rows
from extractor.structure.blocks import Row, Table
from extractor.structure.tags import label_role

ColumnRole = Literal["number", "task", "content", "indicator", "unit", "baseline", "target", "growth", "attribute",
                     "score", "category", "note", "lead", "support", "first", "deadline", "label"]
TableKind = Literal["task", "indicator", "assessment", "other"]
YEAR_HEADER = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年?")  # 2025年, 2025年目标, 2020(基期)
FIVE_YEAR_HEADER = re.compile(rf"“?(?P<n>{FIVE_YEAR_NUMERAL})五”?(?:期间|末|时期|规划)?")  # 十三五期间
BASELINE_WORDS = re.compile(r"基期|基数|基准|现状|实际|完成|现有")
TARGET_WORDS = re.compile(r"目标|预期|规划|计划|力争")
BRACKETED_UNIT = re.compile(r"\((?P<unit>[^()/]{1,4})(?:/[^()]{1,4})?\)")  # 支出(万元)(全市): a unit in any bracket
UNIT_IN_BRACKETS = re.compile(BRACKETED_UNIT.pattern + "$")  # 面积(公顷), 比例(%), 数量(所/个): at the end
TRAILING_NOTE = re.compile(r"[((][^()()]*[))]$|[*※注]+$")  # 牵头单位(部门), 指标*
MAX_HEADER = 16  # a header cell is a short name
MAX_HEADER_ROWS = 3
DIGIT = re.compile(r"\d")
WHO_AND_WHEN = ("lead", "support", "first", "deadline")
VALUE_ROLES = ("baseline", "target", "growth")


@dataclass(frozen=True)
class Column:
    """A column of a table: its role, the year its header names (if any) and the header."""

    index: int
    role: ColumnRole | None
    year: int | None
    header: str


@dataclass(frozen=True)
class RoleCell:
    """A cell of a data row with the role of its column."""

    role: ColumnRole
    year: int | None
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class TableLayout:
    """A table whose header was understood: its kind, columns and data rows."""

    table: Table
    kind: TableKind
    columns: tuple[Column, ...]
    data_rows: tuple[Row, ...]

    def cells(self, row: Row) -> list[RoleCell]:
        """The non-empty cells of ``row`` whose column has a role."""
        found = []
        for column in self.columns:
            cell = row.cell(column.index)
            if column.role and cell is not None and cell.text:
                found.append(RoleCell(column.role, column.year, cell.text, cell.start, cell.end))
        return found

    def column(self, role: ColumnRole) -> Column | None:
        return next((c for c in self.columns if c.role == role), None)


@lru_cache(maxsize=1)
def _header_words() -> dict[str, ColumnRole]:
    return {word: role for word, role in rows("table_headers.txt")}


def header_role(header: str) -> tuple[ColumnRole | None, int | None]:
    """The role and year of one header cell.

    >>> header_role("牵头单位(部门)"), header_role("2025年目标值"), header_role("备 注")
    (('lead', None), ('target', 2025), ('note', None))
    """
    name = "".join(header.split())
    plan = FIVE_YEAR_HEADER.search(name)
    if plan and not YEAR_HEADER.search(name):  # 十三五期间: the plan's last year
        return ("baseline" if BASELINE_WORDS.search(name) else None), five_year_plan_years(plan.group("n"))[1]
    year = YEAR_HEADER.search(name)
    if year:
        rest = name[:year.start()] + name[year.end():]
        role = "baseline" if BASELINE_WORDS.search(rest) else "target" if TARGET_WORDS.search(rest) else None
        return role, int(year.group("year"))
    return known_role(name) or _contained_role(name) or _quantity_role(name), None


def _quantity_role(name: str) -> ColumnRole | None:
    """A header naming a unit of measure, in brackets or alone, heads a column of planned quantities.

    >>> _quantity_role("面积(公顷)"), _quantity_role("学分"), _quantity_role("位置(街道)")
    ('target', 'target', None)
    """
    return "target" if header_unit(name) else None


def header_unit(name: str) -> str:
    """The unit a header (or an indicator) names: in brackets at its end, or the whole header.

    >>> header_unit("计划投资(万元)"), header_unit("数量(所/个)"), header_unit("学分"), header_unit("(一期)")
    ('万元', '所', '学分', '')
    >>> header_unit("教育支出(万元)(全市)")
    '万元'

    """
    bracketed = (found.group("unit") for found in BRACKETED_UNIT.finditer(name))
    return next((unit for unit in bracketed if is_unit(unit)), name if is_unit(name) else "")


def known_role(header: str) -> ColumnRole | None:
    """The role of a header that is a known header word or label (a note in brackets aside).

    >>> known_role("牵头单位(部门)"), known_role("具体工作任务")
    ('lead', None)
    """
    name = "".join(header.split())
    for candidate in (name, TRAILING_NOTE.sub("", name)):
        role = label_role(candidate) or _header_words().get(candidate)
        if role:
            return role
    return None


def _contained_role(name: str) -> ColumnRole | None:
    """The role of the longest known header word inside ``name`` (具体工作任务 -> task)."""
    known = [(word, role) for word, role in _header_words().items() if word in name and len(word) > 1]
    known += [(name[i:j], label_role(name[i:j])) for i in range(len(name)) for j in range(i + 2, len(name) + 1)
              if label_role(name[i:j])]
    return max(known, key=lambda pair: len(pair[0]))[1] if known else None


def read_layout(table: Table, *, document_year: int | None = None) -> TableLayout | None:
    """The layout of ``table`` when its first rows are a header that names column roles.

    A row of group names above the header (``必修 |  | 选修 |``) heads the columns it spans; in a
    table of values, the columns no header word names are the rows' labels:

    >>> from extractor.structure.blocks import read_blocks
    >>> layout = read_layout(read_blocks("必修 |  | 选修\\n科目 | 学分 | 学分\\n语文 | 10 | 4\\n")[0])
    >>> [(c.role, c.header) for c in layout.columns]
    [('label', '必修 科目'), ('target', '必修 学分'), ('target', '选修 学分')]
    """
    header_rows = _header_rows(table)
    if not header_rows:
        return None
    width = max(len(row.cells) for row in table.rows)
    headers = _spread_group_names(header_rows, width)
    columns = [_column(index, headers[index]) for index in range(width)]
    columns = _years_to_roles(columns, document_year)
    data_rows = table.rows[len(header_rows):]
    columns = _labels_of_values(columns, data_rows)
    return TableLayout(table, _kind({column.role for column in columns}), tuple(columns), data_rows)


def _header_rows(table: Table) -> list[Row]:
    """The leading rows of ``table`` that read as headers (short cells, two or more roles),
    with a row of group names above them."""
    found = []
    for row in table.rows[:MAX_HEADER_ROWS]:
        if not _reads_as_header(row):
            if found or row is not table.rows[0] or not _groups_columns(table):
                break
        found.append(row)
    return found


def _reads_as_header(row: Row) -> bool:
    """Short cells, two or more of them named, or one naming a quantity with its unit in
    brackets beside names without figures (行政区 | 学校 | 计划数(人))."""
    texts = [cell.text for cell in row.cells if cell.text]
    if not all(len(t) <= MAX_HEADER for t in texts):
        return False
    named = [t for t in texts if any(header_role(t))]
    measured = [t for t in named if UNIT_IN_BRACKETS.search(t) and header_unit(t)]
    return len(named) >= min(2, len(texts)) or (len(measured) == 1 and not any(DIGIT.search(t) for t in texts))


def _groups_columns(table: Table) -> bool:
    """Whether the first row names groups of the columns of a header below it: short names
    without figures, some cells left empty for the columns they span."""
    first = table.rows[0]
    texts = [cell.text for cell in first.cells if cell.text]
    return (len(table.rows) > 2 and len(texts) < len(first.cells) and _reads_as_header(table.rows[1])
            and all(len(t) <= MAX_HEADER and not DIGIT.search(t) for t in texts))


def _spread_group_names(header_rows: list[Row], width: int) -> list[list[str]]:
    """Each column's header texts, top down; a name above the last header row also heads the
    empty cells on its right (the columns a merged cell spans)."""
    last = header_rows[-1]
    headers: list[list[str]] = [[] for _ in range(width)]
    for row in header_rows:
        spanning = ""
        for index in range(width):
            cell = row.cell(index)
            text = cell.text if cell is not None else ""
            below = last.cell(index)
            spanning = text or (spanning if row is not last and below is not None and below.text else "")
            if spanning:
                headers[index].append(spanning)
    return headers


def _labels_of_values(columns: list[Column], data_rows: tuple[Row, ...]) -> list[Column]:
    """In a table of values, the columns of text no header word names label the rows
    (行政区 | 学校 | 计划数(人)); elsewhere they stay unnamed."""
    if not any(column.role in VALUE_ROLES for column in columns):
        return columns
    return [Column(c.index, "label", c.year, c.header) if c.role is None and not c.year and _holds_text(c, data_rows)
            else c for c in columns]


def _holds_text(column: Column, data_rows: tuple[Row, ...]) -> bool:
    texts = [cell.text for row in data_rows if (cell := row.cell(column.index)) is not None and cell.text]
    return bool(texts) and not all(DIGIT.fullmatch(text[:1]) for text in texts)


def _column(index: int, headers: list[str]) -> Column:
    role, year = None, None
    for header in headers:
        found_role, found_year = header_role(header)
        role, year = found_role or role, found_year or year
    return Column(index, role, year, " ".join(dict.fromkeys(headers)))


def column_unit(column: Column) -> str:
    """The unit the headers of ``column`` name, the lowest first (必修 学分 -> 学分)."""
    return next((unit for header in reversed(column.header.split(" ")) if (unit := header_unit(header))), "")


def _years_to_roles(columns: list[Column], document_year: int | None) -> list[Column]:
    """Year columns without a baseline/target word: before the document's year a baseline,
    else a target; with no document year the earliest of several is the baseline."""
    open_years = sorted(c.year for c in columns if c.year and c.role is None)
    decided = []
    for column in columns:
        if column.year and column.role is None:
            if document_year:
                role = "baseline" if column.year < document_year else "target"
            else:
                role = "baseline" if len(open_years) > 1 and column.year == open_years[0] else "target"
            column = Column(column.index, role, column.year, column.header)
        decided.append(column)
    return decided


def _kind(roles: set) -> TableKind:
    if "task" in roles and roles & set(WHO_AND_WHEN):
        return "task"
    if roles & {"indicator", "category", "task", "label"} and roles & set(VALUE_ROLES):
        return "indicator"  # 指标 | 2025年目标, and 项目名称 | 计划投资(万元)
    if "score" in roles:
        return "assessment"
    return "task" if roles & set(WHO_AND_WHEN) else "other"


def consumed_cells(layout: TableLayout) -> list[RoleCell]:
    """Cells the table reader takes in full, hidden from sentence-level extraction: who and
    when, numbers, units, values, attributes, scores and indicators of an indicator table."""
    kept = {"task", "content", "note", "category", "label"} if layout.kind != "indicator" else {"note", "content", "label", "task"}
    return [cell for row in layout.data_rows for cell in layout.cells(row) if cell.role not in kept]
