"""Reading policy files: encodings, web pages, PDFs (text layer and scans), Word files."""
from __future__ import annotations

import re
import zipfile
import zlib
from collections import Counter
from functools import lru_cache
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from extractor.reading.loaders import LoadError, load
from extractor.reading.loaders.ocr import OCR_NOTE, OCR_UNAVAILABLE, tesseract_available

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
CORPUS_FILES = sorted(path for path in (ROOT / "corpus").rglob("*")
                      if path.is_file() and path.name not in ("SOURCES.tsv", "PROVENANCE.md"))



@lru_cache(maxsize=None)
def load_once(path: Path):
    """Each real file is read once for all the tests that look at it."""
    return load(path)


SIMPLIFIED = ("青山县推进义务教育优质均衡发展实施方案\n"
              "为巩固县域义务教育基本均衡发展成果，加快推进义务教育优质均衡发展，结合我县实际，制定本方案。\n"
              "一、工作目标\n"
              "到2025年，全县义务教育学校办学条件全部达到省定标准，义务教育巩固率保持在98%以上。\n")
TRADITIONAL = ("青山縣推進義務教育優質均衡發展實施方案\n"
               "為鞏固縣域義務教育基本均衡發展成果，加快推進義務教育優質均衡發展，結合我縣實際，制定本方案。\n"
               "一、工作目標\n"
               "到2025年，全縣義務教育學校辦學條件全部達到省定標準，義務教育鞏固率保持在98%以上。\n")


# --- plain text in every encoding researchers meet -----------------------------------------

@pytest.mark.parametrize("text, encoding", [
    pytest.param(SIMPLIFIED, "utf-8", id="utf-8"),
    pytest.param(SIMPLIFIED, "utf-8-sig", id="utf-8 with BOM"),
    pytest.param(SIMPLIFIED, "gb18030", id="gb18030"),
    pytest.param(SIMPLIFIED, "gbk", id="gbk"),
    pytest.param(SIMPLIFIED, "gb2312", id="gb2312"),
    pytest.param(TRADITIONAL, "big5", id="big5"),
    pytest.param(SIMPLIFIED, "utf-16", id="utf-16 with BOM"),
    pytest.param(SIMPLIFIED, "utf-16-le", id="utf-16-le without BOM"),
    pytest.param(SIMPLIFIED, "utf-16-be", id="utf-16-be without BOM"),
])
def test_text_file_is_decoded(tmp_path, text, encoding):
    path = tmp_path / "方案.txt"
    path.write_bytes(text.encode(encoding))
    loaded = load(path)
    assert (loaded.raw_text, loaded.format) == (text, "txt")


# --- web pages --------------------------------------------------------------------------------

FIXTURE_PAGE_TEXT = """\
索引号：011357820/2023-00181 | 发布机构：青山县教育局
成文日期：2023-04-27 | 文\u3000\u3000号：青教发〔2023〕12号
青山县教育局关于印发《青山县推进义务教育优质均衡发展实施方案》的通知
发布时间:2023-04-27 10:30 来源:青山县教育局
各乡镇人民政府，县直有关单位：
现将《青山县推进义务教育优质均衡发展实施方案》印发给你们，请认真贯彻执行。
青山县推进义务教育优质均衡发展实施方案
一、工作目标
到2025年，全县义务教育学校办学条件全部达到省定标准，每百名学生拥有县级以上骨干教师数达到1人以上，义务教育巩固率保持在98%以上。
二、主要任务
（一）优化教育资源配置
1.加快学校建设。新建、改扩建中小学校5所，新增学位3000个。
2.提升装备水平。生均教学仪器设备值小学达到2000元以上。
三、任务分工
序号 | 任务 | 责任单位 | 完成时限
1 | 新建、改扩建中小学校 | 县教育局 | 2024年12月
2 | 教师全员培训 | 县人社局 | 2025年6月
青山县教育局
2023年4月27日"""


def test_fixture_page_keeps_the_document_and_nothing_else():
    loaded = load(FIXTURES / "policy_page_gbk.html")
    assert loaded.format == "html"
    assert loaded.raw_text.split("\n") == FIXTURE_PAGE_TEXT.split("\n")


def test_page_without_charset_declaration_is_detected(tmp_path):
    page = f"<html><body><div>{SIMPLIFIED.replace(chr(10), '<br>')}</div></body></html>"
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("gbk"))
    assert load(path).raw_text == SIMPLIFIED.strip()


@pytest.mark.parametrize("suffix", [".jsp", ".shtml", ".aspx", ".php"])
def test_a_page_a_site_serves_under_its_own_suffix_is_html(tmp_path, suffix):
    page = ('<%@ page contentType="text/html;charset=UTF-8" %>\n<html><body><div>'
            f"{SIMPLIFIED.replace(chr(10), '<br>')}</div></body></html>")
    path = tmp_path / f"page{suffix}"
    path.write_bytes(page.encode("utf-8"))
    loaded = load(path)
    assert loaded.format == "html" and SIMPLIFIED.strip().split("\n")[0] in loaded.raw_text


def test_page_with_a_wrong_charset_declaration_is_detected(tmp_path):
    page = f'<html><head><meta charset="gb2312"></head><body><p>{SIMPLIFIED}</p></body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("utf-8"))
    assert "义务教育巩固率保持在98%以上" in load(path).raw_text


WANZAI = ROOT / "corpus" / "extra" / "wanzai_county_stat_bulletin_2022.html"


@pytest.mark.parametrize("line", [
    pytest.param("索\u2002引\u2002号：014742224A/2023-0043406", id="index number kept"),
    pytest.param("责任部门：万载县统计局", id="responsible department kept"),
    pytest.param("万载县2022年国民经济和社会发展统计公报", id="title"),
    pytest.param("一、综合", id="heading"),
    pytest.param("5.万元GDP能耗按2020年不变价格计算。", id="note"),
])
def test_statistics_page_lines(line):
    assert line in load_once(WANZAI).raw_text.split("\n")


@pytest.mark.parametrize("furniture", [
    pytest.param("您当前所在位置", id="breadcrumb"),
    pytest.param("政务公开", id="menu"),
    pytest.param("网站无障碍", id="accessibility link"),
    pytest.param("访问量", id="hit counter"),
    pytest.param("关联稿件", id="related articles"),
    pytest.param("扫一扫", id="QR code"),
    pytest.param("关闭本页", id="close button"),
    pytest.param("ICP备", id="ICP filing number"),
    pytest.param("公网安备", id="police filing number"),
    pytest.param("即将离开", id="leaving-site pop-up"),
    pytest.param("window", id="script"),
])
def test_statistics_page_furniture_is_gone(furniture):
    assert furniture not in load_once(WANZAI).raw_text


def test_statistics_page_sentences_are_whole():
    text = load_once(WANZAI).raw_text
    assert "死亡人口4083人，死亡率为8.36‰；人口自然增长率为1.2‰。" in text


# --- PDF with a text layer --------------------------------------------------------------------

@pytest.fixture(scope="module")
def text_pdf_lines() -> list[str]:
    loaded = load(FIXTURES / "policy_text.pdf")
    assert (loaded.format, loaded.notes) == ("pdf", "")
    return loaded.raw_text.split("\n")


@pytest.mark.parametrize("line", [
    pytest.param("青山县推进义务教育优质均衡发展实施方案", id="title"),
    pytest.param("一、工作目标", id="heading keeps its line"),
    pytest.param("（一）优化教育资源配置", id="sub-heading keeps its line"),
    pytest.param("到2025年，全县义务教育学校办学条件全部达到省定标准，每百名学生拥有县级以上骨干"
                 "教师数达到1人以上，义务教育巩固率保持在98%以上，群众对义务教育的满意度达到85%以上，"
                 "全县所有义务教育学校通过省级优质均衡督导评估。", id="wrapped target sentence joined"),
    pytest.param("2.促进校长教师交流。每年交流轮岗教师的比例不低于符合交流条件教师总数的10%，"
                 "其中骨干教师不低于交流轮岗教师总数的20%。", id="sentence across the page break joined"),
    pytest.param("序号 | 任务 | 责任单位 | 完成时限", id="table header row"),
    pytest.param("1 | 新建、改扩建中小学校 | 县教育局 | 2024年12月", id="table row"),
])
def test_text_pdf_lines(text_pdf_lines, line):
    assert line in text_pdf_lines


@pytest.mark.parametrize("furniture", [
    pytest.param("— 1 —", id="page number page 1"),
    pytest.param("— 2 —", id="page number page 2"),
    pytest.param("青山县人民政府办公室文件", id="running header"),
])
def test_text_pdf_furniture_is_gone(text_pdf_lines, furniture):
    assert not any(furniture in line for line in text_pdf_lines)


def test_text_pdf_table_text_is_not_repeated(text_pdf_lines):
    assert sum("教师全员培训" in line for line in text_pdf_lines) == 1


CHECKLIST = ROOT / "corpus" / "extra" / "jx_prov_investment_approval_checklist_attachment.pdf"


def test_landscape_table_pdf_rows():
    lines = load_once(CHECKLIST).raw_text.split("\n")
    assert lines[:2] == ["附件1", "江西省投资项目“容缺审批+承诺制”办理模式事项清单"]
    assert sum(line.startswith("序号 | 事项名称 | 事项类别") for line in lines) == 1  # header once
    assert "1 | 企业投资项目核准 | 行政许可" in lines[3]
    assert not any(re.fullmatch(r"[—\s]*\d+[—\s]*", line) for line in lines)  # page numbers gone


# --- scanned PDF --------------------------------------------------------------------------------

SCANNED_PAGE_TEXT = ("青山县推进义务教育优质均衡发展实施方案"
                     "为进一步推进全县义务教育优质均衡发展，办好人民满意的教育，结合我县实际，制定本方案。"
                     "一、工作目标到2025年，全县义务教育学校办学条件全部达到省定标准，每百名学生拥有县级以上骨干"
                     "教师数达到1人以上，义务教育巩固率保持在98%以上，群众对义务教育的满意度达到85%以上。")


@pytest.mark.skipif(not tesseract_available(), reason="needs tesseract-ocr with chi_sim")
def test_scanned_pdf_is_read_by_ocr():
    loaded = load(FIXTURES / "policy_scanned.pdf")
    assert loaded.notes == OCR_NOTE
    expected, found = Counter(SCANNED_PAGE_TEXT), Counter(loaded.raw_text)
    assert sum((expected & found).values()) >= 0.8 * sum(expected.values())
    assert not re.search(r"[\u4e00-\u9fff] +[\u4e00-\u9fff]", loaded.raw_text)  # no OCR gaps


@pytest.fixture
def no_tesseract(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine without the tesseract program
    tesseract_available.cache_clear()
    yield
    tesseract_available.cache_clear()


def test_scanned_pdf_without_ocr_is_an_error(no_tesseract):
    with pytest.raises(LoadError, match=re.escape(OCR_UNAVAILABLE)):
        load(FIXTURES / "policy_scanned.pdf")


# --- Word -----------------------------------------------------------------------------------

def test_docx_paragraphs_and_tables_in_order(tmp_path):
    document = docx.Document()
    document.add_paragraph("青山县推进义务教育优质均衡发展实施方案")
    document.add_paragraph("一、工作目标")
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(table.rows, [("序号", "任务", "责任单位"), ("1", "新建学校", "县教育局"),
                                         ("2", "教师培训", "")]):
        for cell, value in zip(row.cells, values):
            cell.text = value
    table.cell(2, 1).merge(table.cell(2, 2)).text = "教师全员培训"
    document.add_paragraph("二、保障措施")
    path = tmp_path / "方案.docx"
    document.save(path)
    assert load(path).raw_text.split("\n") == [
        "青山县推进义务教育优质均衡发展实施方案", "一、工作目标", "序号 | 任务 | 责任单位",
        "1 | 新建学校 | 县教育局", "2 | 教师全员培训 |", "二、保障措施"]


def test_docx_automatic_numbers_are_written_out(tmp_path):
    document = docx.Document()
    for text in ("加快学校建设。", "提升装备水平。"):
        document.add_paragraph(text, style="List Number")
    path = tmp_path / "numbered.docx"
    document.save(path)
    assert load(path).raw_text == "1.加快学校建设。\n2.提升装备水平。"


def test_docx_from_the_corpus():
    lines = load(ROOT / "corpus" / "extra" / "yichun_civil_servant_selection_posts_2016.docx").raw_text.split("\n")
    assert lines[:2] == ["附件1：", "2016年宜春市市直机关遴选公务员（参照管理单位工作人员）职位表"]
    assert lines[4].startswith("1 | 宜春市中级人民法院 | 文秘岗科员")


# --- tables keep their columns, in every format ----------------------------------------------

TABLES_DOCUMENT = """\
青山县教育事业发展规划
为推进教育优质均衡发展，结合我县实际，制定本规划。
一、主要任务
到2025年，全县义务教育学校办学条件全部达到省定标准，每百名学生拥有县级以上骨干教师数达到1人以上，义务教育巩固率保持在98%以上，群众对义务教育的满意度达到85%以上。各项任务的分工如下表。
表1 重点任务分工
序号 | 任务 | 牵头单位 | 配合单位 | 完成时限
（一）改善办学条件
1 | 新建、改扩建中小学校5所 | 县教育局 | 县发改委、县财政局 | 2024年12月
2 | 更新教学仪器设备 | 县教育局 | 县财政局 | 2025年6月
3 | 落实教师培训经费 | 县财政局 |  | 每年
4 | 建设智慧校园/数字教室 | 县教育局 | 县科技局/县工信局 | 2025年底
5 | 健全督导评估机制 | 县政府教育督导室 | 长期坚持 |
各牵头单位要制定具体方案，每季度报送一次进展情况。
表2 主要指标
指标 | 单位 | 2020年 | 2025年 | 属性
学前教育毛入园率 | % | 90.2 | ≥92 | 预期性
九年义务教育巩固率 | % | 96.5 | 98 | 约束性
每千人口拥有3岁以下婴幼儿托位数 | 个 |  | 4.5 | 预期性
高中阶段教育毛入学率 | % | 92 | ≥95 | 预期性
县教育局会同有关部门对指标完成情况进行年度监测。"""


@pytest.fixture(scope="module", params=[".docx", ".html", ".pdf"], ids=["docx", "html", "pdf"])
def table_lines(request) -> list[str]:
    """tables.* (tests/fixtures/make_renderings.py): Word merges, HTML spans, a ruled PDF table."""
    return load(FIXTURES / f"tables{request.param}").raw_text.split("\n")


def test_tables_come_out_aligned(table_lines):
    assert table_lines == TABLES_DOCUMENT.split("\n")


@pytest.mark.parametrize("row, cells", [
    pytest.param("2 | 更新教学仪器设备", ["2", "更新教学仪器设备", "县教育局", "县财政局", "2025年6月"],
                 id="cell merged down repeats its text"),
    pytest.param("3 | 落实教师培训经费", ["3", "落实教师培训经费", "县财政局", "", "每年"], id="empty cell stays"),
    pytest.param("5 | 健全督导评估机制", ["5", "健全督导评估机制", "县政府教育督导室", "长期坚持", ""],
                 id="cell merged across fills its first column"),
    pytest.param("4 | 建设智慧校园", ["4", "建设智慧校园/数字教室", "县教育局", "县科技局/县工信局", "2025年底"],
                 id="bars inside cells replaced"),
    pytest.param("高中阶段教育毛入学率", ["高中阶段教育毛入学率", "%", "92", "≥95", "预期性"],
                 id="indicator row under a merged 属性 cell"),
])
def test_table_row_cells(table_lines, row, cells):
    line = next(line for line in table_lines if line.startswith(row))
    assert [cell.strip() for cell in line.split("|")] == cells


def test_docx_numbering_restarts_where_the_list_says(tmp_path):
    """A list instance may start a level at another number (Word's "restart numbering at")."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.findall(qn("w:num"))[0].addprevious(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1条"/></w:lvl></w:abstractNum>'))
    for num_id, start in (("91", None), ("92", "8")):
        override = f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>' if start else ""
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="90"/>'
                                   f'{override}</w:num>'))
    for num_id, text in (("91", "为了规范管理。"), ("91", "本办法适用于全县。"), ("92", "数据共享。"), ("92", "数据开放。")):
        properties = document.add_paragraph(text)._p.get_or_add_pPr().get_or_add_numPr()
        properties.get_or_add_ilvl().val, properties.get_or_add_numId().val = 0, int(num_id)
    path = tmp_path / "办法.docx"
    document.save(path)
    assert load(path).raw_text.split("\n") == ["第一条 为了规范管理。", "第二条 本办法适用于全县。",
                                                 "第八条 数据共享。", "第九条 数据开放。"]


# --- files that cannot be read --------------------------------------------------------------

def _zip_without_word_document(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a Word document")


@pytest.mark.parametrize("name, content, reason", [
    pytest.param("bad.pdf", b"this is not a PDF", "not a valid PDF file", id="pdf garbage"),
    pytest.param("cut.pdf", (FIXTURES / "policy_text.pdf").read_bytes()[:1500], "not a valid PDF file",
                 id="pdf truncated"),
    pytest.param("bad.docx", b"PK\x03\x04 broken zip", "not a valid .docx file", id="docx garbage"),
    pytest.param("zip.docx", None, "not a valid .docx file", id="docx zip without document"),
    pytest.param("old.doc", b"\xd0\xcf\x11\xe0", "not a valid Word .doc file", id="doc garbage"),
    pytest.param("ole.doc", bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600, "not a readable Word .doc file",
                 id="doc broken ole"),
    pytest.param("sheet.xls", b"\xd0\xcf\x11\xe0", "unsupported file type '.xls'", id="spreadsheet"),
    pytest.param("empty.txt", b"   \n", "no text found", id="empty text"),
])
def test_unreadable_file_gives_a_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    if content is None:
        _zip_without_word_document(path)
    else:
        path.write_bytes(content)
    with pytest.raises(LoadError, match=re.escape(reason)):
        load(path)


# --- every real file in the corpus ------------------------------------------------------------

@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda path: path.name)
def test_corpus_file_loads_or_says_why(path):
    loaded = load_once(path)
    assert len(loaded.raw_text) > 200
    assert "\ufffd" not in loaded.raw_text  # decoded without replacement characters


def test_running_text_over_ruled_boxes_is_no_table():
    text = load(FIXTURES / "boxed_text.pdf").raw_text
    assert "|" not in text
    assert "补贴额测算比例不超过30%,单台补贴额不超过5万元。" in text


def test_a_pdf_stream_with_bytes_after_its_end_is_measured_once():
    from extractor.reading.loaders.guards import _inflated_size

    body = zlib.compress("到2025年,全县学校办学条件全部达到省定标准。".encode() * 200) + b"\r\n"
    assert _inflated_size(body, 10 ** 9) == len("到2025年,全县学校办学条件全部达到省定标准。".encode()) * 200
