"""Records read from tables by their columns' roles (``structure.tables``).

A task-division table gives each row's responsible units (牵头/配合/责任单位 columns) and its time
(完成时限 column, read as a deadline); an indicator table gives a target per target-year cell, dated
by that year, with its 约束性/预期性 attribute, and a fact per baseline cell.

>>> from extractor.structure.document import read_document
>>> view = read_document("指标 | 单位 | 2020年 | 2025年 | 属性\\n城镇化率 | % | 55 | ≥60 | 预期性\\n", document_year=2021)
>>> [(t.indicator, t.comparator, t.value, t.unit, t.deadline, t.kind, t.attribute) for t in table_targets(view)]
[('城镇化率', '=', 55.0, '%', None, 'fact', '预期性'), ('城镇化率', '>=', 60.0, '%', '2025-12-31', 'target', '预期性')]
>>> view = read_document("序号 | 任务 | 牵头单位 | 配合单位\\n1 | 建成平台 | 县发改局 | 县财政局、县工信局\\n")
>>> [(r.unit, r.role) for r in table_responsibilities(view)]
[('县发改局', 'lead'), ('县财政局', 'support'), ('县工信局', 'support')]
"""
from __future__ import annotations

import re

from extractor.extraction.unit_lists import split_unit_list
from extractor.extraction.quantities import find_quantities
from extractor.extraction.responsibility_lists import assignment, unit_record
from extractor.extraction.targets_rules import comparator_of
from extractor.models import Responsibility, Target
from extractor.structure.document import DocumentView
from extractor.structure.outline import heading_title
from extractor.structure.sentences import Sentence
from extractor.structure.tables import UNIT_IN_BRACKETS, VALUE_ROLES, RoleCell, TableLayout, column_unit, header_unit

ATTRIBUTE = re.compile(r"约束性|预期性")
FIGURE = re.compile(r"\d+(?:\.\d+)?")
NUMBER = re.compile(
    rf"""{FIGURE.pattern}                            # a figure
         (?:\s*[-~～—至]\s*{FIGURE.pattern})?          # and the end of its range: 2-3 (the unit goes after)
    """,
    re.VERBOSE,
)
UNIT_ROLES = ("lead", "support", "first")
NAME_ROLES = ("task", "category", "label")  # cells that can name what a value measures


def task_titles(view: DocumentView) -> dict[int, str]:
    """Row start -> the heading phrase of its task cell, for the rows of task tables."""
    titles = {}
    for layout in view.tables:
        for row in layout.data_rows if layout.kind == "task" else ():
            task = next((c for c in layout.cells(row) if c.role == "task"), None)
            if task is not None:
                titles[row.start] = heading_title("cn", task.text)
    return titles


def time_spans(view: DocumentView) -> tuple[tuple[int, int], ...]:
    """Where a time is stated as such: table time cells and the values of time tags."""
    cells = [(c.start, c.end) for layout in view.tables for row in layout.data_rows
             for c in layout.cells(row) if c.role == "deadline"]
    return tuple(cells + [(tag.start, tag.end) for tag in view.tags if tag.role == "deadline"])


def table_responsibilities(view: DocumentView) -> list[Responsibility]:
    """Units named in the who columns of task tables."""
    found = []
    for layout in view.tables:
        for row in layout.data_rows:
            sentence = Sentence(view.text[row.start:row.end], row.start, row.end)
            for cell in layout.cells(row):
                if cell.role in UNIT_ROLES:
                    found += _cell_units(cell, sentence)
    return found


def _cell_units(cell: RoleCell, sentence: Sentence) -> list[Responsibility]:
    if re.search("牵头|配合|负责", cell.text):
        return assignment(cell.text, cell.start, cell.text, sentence)
    units = split_unit_list(cell.text, listed=True) or []
    roles = [("lead" if i == 0 else "support") if cell.role == "first" else cell.role for i in range(len(units))]
    return [unit_record(unit, role, cell.text, sentence, cell.start) for unit, role in zip(units, roles)]


def table_targets(view: DocumentView) -> list[Target]:
    """Targets (and baseline facts) of indicator tables, one per value cell; a value repeated
    down its column beside the same label (a merged cell the loader copied) counts once."""
    found = []
    for layout in view.tables:
        if layout.kind == "indicator":
            seen: set[tuple] = set()
            for row in layout.data_rows:
                for target in _row_targets(view.text, layout, row):
                    key = (target.indicator, target.value, target.unit, target.deadline)
                    found += [] if key in seen else [target]
                    seen.add(key)
    return found


def _row_targets(text: str, layout: TableLayout, row) -> list[Target]:
    cells = layout.cells(row)
    named = {cell.role: cell for cell in cells if cell.role not in VALUE_ROLES}
    unit = named["unit"].text if "unit" in named else ""
    attribute = ATTRIBUTE.search(named["attribute"].text) if "attribute" in named else None
    found = []
    for cell in cells:
        indicator = (named.get("indicator") or _nearest_name(cells, cell)) if cell.role in VALUE_ROLES else None
        if indicator is None:
            continue
        column = layout.columns[_column_of(row, cell)]
        cell_unit = unit or header_unit(indicator.text) or column_unit(column)  # 面积(公顷), 计划投资(万元)
        if indicator.role == "label" and not cell_unit:
            continue  # a bare figure beside a label says nothing measurable
        name = _indicator_name(indicator, cell, column)
        target = _cell_target(text, row, indicator, cell, name, cell_unit, attribute and attribute.group())
        found += [target] if target else []
    return found


def _nearest_name(cells: list[RoleCell], value: RoleCell) -> RoleCell | None:
    """The task, category or label cell nearest before ``value`` (else the first after it)."""
    names = [cell for cell in cells if cell.role in NAME_ROLES]
    before = [cell for cell in names if cell.start < value.start]
    return before[-1] if before else next(iter(names), None)


def _indicator_name(indicator: RoleCell, cell: RoleCell, column) -> str:
    """What a value cell measures: the row's indicator or task, or a label or category with its
    column's header (绍兴一中 + 计划数(人) -> 绍兴一中计划数)."""
    name = indicator.text
    if indicator.role in ("label", "category") and not column.year:
        name += "".join(UNIT_IN_BRACKETS.sub("", column.header).split())
    return name + ("年均增长" if cell.role == "growth" and "增长" not in name else "")


def _column_of(row, cell: RoleCell) -> int:
    return next(i for i, c in enumerate(row.cells) if c.start == cell.start)


def _cell_target(text: str, row, indicator: RoleCell, cell: RoleCell, name: str, unit: str, attribute) -> Target | None:
    """The target (or, in a baseline column, the fact) one value cell states."""
    value = _cell_value(cell.text, unit)
    if value is None:
        return None
    comparator, number, number_max, base_unit = value
    deadline = f"{cell.year}-12-31" if cell.role == "target" and cell.year else None
    return Target(quote=_cells_between(row, indicator, cell), sentence=text[row.start:row.end], start=cell.start,
                  end=cell.end, indicator=name, comparator=comparator, value=number, value_max=number_max,
                  unit=base_unit, deadline=deadline, kind="fact" if cell.role == "baseline" else "target",
                  deadline_source="table" if deadline else None, attribute=attribute)


def _cells_between(row, first: RoleCell, last: RoleCell) -> str:
    """The cells from ``first`` to ``last`` as a reader sees them: the texts, spaced, without the
    separators the loader wrote between them."""
    return " ".join(c.text for c in row.cells if first.start <= c.start <= last.start and c.text)


def _cell_value(cell: str, unit: str) -> tuple[str, float, float | None, str] | None:
    """(comparator, value, value_max, unit) of a value cell: ``≥60``, ``5.5左右``, ``[5]``, ``3-5``."""
    number = NUMBER.search(cell)
    if number is None:
        return None
    written = cell if find_quantities(cell) else cell[:number.end()] + unit + cell[number.end():]
    quantities = find_quantities(written)
    if quantities:
        quantity = quantities[0]
        comparator, _ = comparator_of(written[:quantity.start], written[quantity.end:],
                                      ranged=quantity.value_max is not None, more=quantity.more)
        return comparator, quantity.value, quantity.value_max, quantity.unit
    comparator, _ = comparator_of(cell[:number.start()], cell[number.end():])
    return comparator, float(FIGURE.match(number.group()).group()), None, unit
