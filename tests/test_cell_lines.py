"""Tables flattened to one cell a line (web copies, Markdown) are joined back into rows."""
from __future__ import annotations

import pytest

from extractor.extraction.pipeline import extract_file
from extractor.structure.cell_lines import rejoin_cell_tables

MERGED = """附件
重点任务清单
类别

序号

工作任务

责任单位

完成时限

一、教育提升
基础教育
1
新建幼儿园3所
县教育局、县财政局
2024年底
2
改造学校操场10个
3
组建教育集团
县教育局
2025年6月
医疗卫生
4
建设县域医共体
县卫健局
"""


@pytest.mark.parametrize("text, expected", [
    pytest.param("序号\n任务\n牵头单位\n1\n建成平台\n县发改局\n2\n修订办法\n县司法局",
                 "序号 | 任务 | 牵头单位\n1 | 建成平台 | 县发改局\n2 | 修订办法 | 县司法局", id="three-columns"),
    pytest.param("序号\n任务\n牵头单位\n1\n建成平台\n2\n修订办法\n县司法局",
                 "序号 | 任务 | 牵头单位\n1 | 建成平台 |\n2 | 修订办法 | 县司法局", id="a-unit-cell-merged-away"),
    pytest.param("序号\n任务\n完成时限\n1\n建成平台\n2024年6月\n2\n修订办法\n长期坚持",
                 "序号 | 任务 | 完成时限\n1 | 建成平台 | 2024年6月\n2 | 修订办法 | 长期坚持", id="time-column"),
    pytest.param("序号\n任务名称\n任务内容\n牵头部门\n完成时限\n1\n加强领导\n召开动员大会。\n区政府办公室\n2019年3月\n"
                 "2\n纳入绩效评价。\n区委组织部\n2019年",
                 "序号 | 任务名称 | 任务内容 | 牵头部门 | 完成时限\n1 | 加强领导 | 召开动员大会。 | 区政府办公室 | 2019年3月\n"
                 "2 |  | 纳入绩效评价。 | 区委组织部 | 2019年", id="a-first-column-merged-down"),
    pytest.param("序号\n任务\n责任单位\n1\n建成平台\n县发改局\n2\n新建9座口袋公园\n3\n修订办法\n县司法局",
                 "序号 | 任务 | 责任单位\n1 | 建成平台 | 县发改局\n2 | 新建9座口袋公园 |\n3 | 修订办法 | 县司法局",
                 id="a-count-is-no-unit-cell"),
    pytest.param("序号\n任务\n牵头单位\n1\n建成平台\n县发改局\n本方案自印发之日起施行。",
                 "序号\n任务\n牵头单位\n1\n建成平台\n县发改局\n本方案自印发之日起施行。", id="one-row-is-no-table"),
    pytest.param("一、序号\n任务很多。\n1\n建成平台\n2\n修订办法",
                 "一、序号\n任务很多。\n1\n建成平台\n2\n修订办法", id="no-header-run"),
    pytest.param("序号 | 任务 | 牵头单位\n1 | 建成平台 | 县发改局\n2 | 修订办法 | 县司法局",
                 "序号 | 任务 | 牵头单位\n1 | 建成平台 | 县发改局\n2 | 修订办法 | 县司法局", id="rows-left-alone"),
])
def test_rejoined_text(text, expected):
    assert rejoin_cell_tables(text) == expected


def test_columns_before_the_number_and_group_rows():
    lines = rejoin_cell_tables(MERGED).split("\n")
    assert lines[2] == "序号 | 类别 | 工作任务 | 责任单位 | 完成时限"
    assert lines[3:6] == [" |  | 一、教育提升 |  |", "1 | 基础教育 | 新建幼儿园3所 | 县教育局、县财政局 | 2024年底",
                          "2 |  | 改造学校操场10个 |  |"]
    assert lines[-2] == "4 | 医疗卫生 | 建设县域医共体 | 县卫健局 |"


def test_a_rejoined_task_table_gives_measures_units_and_times():
    found = extract_file("青山县教育工作方案\n一、目标\n办好教育。\n二、措施\n加强领导。\n" + MERGED, file_name="x.txt")
    extraction = found.documents[-1].extraction
    assert [m.label for m in extraction.measures][-4:] == ["1", "2", "3", "4"]
    units = {(r.unit, r.role) for r in extraction.responsibilities}
    assert {("县教育局", "lead"), ("县财政局", "support"), ("县卫健局", "lead")} <= units
    assert "2024-12-31" in {d.date for d in extraction.deadlines}
