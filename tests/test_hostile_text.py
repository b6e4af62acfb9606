"""Texts shaped to defeat a careless extractor still read in full: one line of two million
characters, a flood of a hundred thousand outline labels or task tags. Their time is measured
by ``benchmarks/extraction_scaling.py`` (it must grow linearly); these tests check the result."""
from __future__ import annotations

from extractor.extraction.pipeline import extract_file

REPEATS = 125_000  # "新建学校3所,投入资金50万元," is 16 characters: two million in all


def test_a_two_million_character_line_full_of_figures():
    text = "新建学校3所,投入资金50万元," * REPEATS
    assert len(text) == 2_000_000
    found = extract_file(text).documents[0].extraction
    assert sum(t.unit == "所" and t.value == 3 for t in found.targets) == REPEATS


def test_a_hundred_thousand_outline_labels():
    text = "(一)加强领导。(二)落实责任。\n" * 50_000
    found = extract_file(text).documents[0].extraction
    assert {m.label for m in found.measures} == {"(一)", "(二)"}
    assert len(found.measures) == 100_000


def test_a_flood_of_task_tags():
    text = "建设平台。(责任单位:县教育局;配合单位:县财政局)\n" * 20_000
    found = extract_file(text).documents[0].extraction
    assert sum(r.unit == "县财政局" and r.role == "support" for r in found.responsibilities) == 20_000


def test_a_text_shattered_into_a_hundred_thousand_pieces_is_joined_into_one_sentence():
    text = "补贴标准为\n" + "3\n元,\n" * 50_000 + "按年发放。"
    found = extract_file(text)
    assert found.text.count("\n") == 0
    assert found.text.startswith("补贴标准为3元,3元,")


def test_a_flood_of_flattened_table_rows():
    table = "序号\n工作任务\n牵头单位\n" + "".join(f"{n}\n新建学校\n县教育局\n" for n in range(1, 1_000))
    found = extract_file(table * 20).documents[0].extraction
    assert sum(r.unit == "县教育局" and r.role == "lead" for r in found.responsibilities) == 999 * 20
