"""Texts whose line breaks were lost: where breaks are put back, and where not."""
from __future__ import annotations

import pytest

from extractor.extraction.metadata import extract_metadata
from extractor.extraction.pipeline import document_text
from extractor.reading.unbroken import restore_line_breaks

RUN_ON = ("某县发展和改革局文件某发改发〔2023〕7号关于印发某县节水行动方案的通知各乡镇人民政府,县直各单位:"
          "现将《某县节水行动方案》印发给你们,请认真贯彻执行。某县发展和改革局2023年6月1日某县节水行动方案"
          "一、总体要求到2025年,全县用水总量控制在1.5亿立方米以内。二、重点任务1.推进农业节水。"
          "统一、规范灌溉计量。(责任单位:县水利局)2.推进工业节水。(责任单位:县工业和信息化局)"
          "三、保障措施(一)加强组织领导。各乡镇要落实责任。(二)强化资金保障。县财政局负责。")
TAGGED_RUN_ON = ("某县文化遗产保护方案 一、主要任务 1.开展普查。组建普查小组,摸清资源。责任单位:县文旅局,各乡镇 "
                 "2.建设档案库。做好资料整理归档。责任单位:县文旅局,县档案馆3.完善名录。开展推荐申报工作。"
                 "责任单位:县文旅局 4.培养传承人。健全认定制度。责任单位:县文旅局,县文化中心5.推进宣传。"
                 "创新方式方法。责任单位:县融媒体中心二、保障措施 加强组织领导,落实各方责任,确保取得实效。" * 3)


def lines_of(text: str) -> list[str]:
    return restore_line_breaks(text, min_run_on=200).split("\n")


@pytest.mark.parametrize("line", [
    pytest.param("某县发展和改革局文件", id="letterhead"),
    pytest.param("某发改发〔2023〕7号", id="文号-on-its-own"),
    pytest.param("关于印发某县节水行动方案的通知", id="title"),
    pytest.param("各乡镇人民政府,县直各单位:", id="addressees-up-to-their-colon"),
    pytest.param("某县发展和改革局", id="signing-body-after-a-full-stop"),
    pytest.param("2023年6月1日", id="signature-date"),
    pytest.param("二、重点任务", id="a-heading-before-the-first-label-under-it"),
    pytest.param("一、总体要求到2025年,全县用水总量控制在1.5亿立方米以内。", id="label-after-a-title"),
    pytest.param("2.推进工业节水。(责任单位:县工业和信息化局)", id="label-after-a-closing-bracket"),
    pytest.param("(二)强化资金保障。县财政局负责。", id="bracketed-numeral"),
])
def test_a_lost_break_is_put_back(line):
    assert line in lines_of(RUN_ON)


def test_a_plan_title_run_into_its_first_sentence_is_a_line_and_a_cited_notice_is_not():
    text = ("附件某公司2022年服务保障工作方案根据上级《关于做好2022年有关工作安排的通知》要求,特制定此方案。"
            "一、建议提案服务工作(一)建立联系机制。加强沟通汇报。(二)做好服务保障。落实责任。" * 8)
    lines = restore_line_breaks(text, min_run_on=200).split("\n")
    assert lines[1] == "某公司2022年服务保障工作方案" and lines[2].startswith("根据上级《关于做好")


@pytest.mark.parametrize("line", [
    pytest.param("2.建设档案库。做好资料整理归档。责任单位:县文旅局,县档案馆", id="a-label-after-a-space"),
    pytest.param("3.完善名录。开展推荐申报工作。责任单位:县文旅局", id="a-label-run-into-a-tag-before-an-opened-one"),
    pytest.param("5.推进宣传。创新方式方法。责任单位:县融媒体中心", id="the-next-number-after-an-opened-label"),
    pytest.param("二、保障措施 加强组织领导,落实各方责任,确保取得实效。", id="the-next-section-after-an-opened-one"),
])
def test_labels_run_into_trailing_tags_open_lines(line):
    assert line in [piece.strip() for piece in restore_line_breaks(TAGGED_RUN_ON, min_run_on=200).split("\n")]


@pytest.mark.parametrize("piece", [
    pytest.param("1.5亿立方米", id="a-decimal-is-no-label"),
    pytest.param("推进农业节水。统一、规范灌溉计量", id="统一、-is-no-label"),
])
def test_no_break_inside(piece):
    assert any(piece in line for line in lines_of(RUN_ON))


def test_a_text_with_its_line_breaks_is_left_alone():
    text = RUN_ON.replace("。", "。\n")
    assert restore_line_breaks(text, min_run_on=200) == text


def test_metadata_of_a_run_on_notice():
    meta = extract_metadata(document_text(RUN_ON * 4))
    assert (meta.title, meta.doc_number, meta.issued_date) == ("某县节水行动方案", "某发改发〔2023〕7号", "2023-06-01")


def test_articles_spaced_from_their_text_open_lines_and_citations_do_not():
    text = ("某市储备粮管理办法第一章  总    则第一条  为加强管理,制定本办法。第二条  本办法适用于本市。"
            "第三条  依照本办法第二条规定执行。第二章  储存第四条  承储企业应当执行制度。") * 3
    lines = restore_line_breaks(text, min_run_on=100).split("\n")
    assert "第三条  依照本办法第二条规定执行。" in lines and "第二章  储存" in lines
