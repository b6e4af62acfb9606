"""The normalised text every extractor reads."""
from __future__ import annotations

import pytest

from extractor.reading.normalize import normalize, to_simplified
from extractor.reading.shattered import join_shattered_lines


@pytest.mark.parametrize("raw, expected", [
    pytest.param("（一）优化资源配置", "(一)优化资源配置", id="NFKC full-width brackets"),
    pytest.param("巩固率达到９８％以上，满意度８５％。", "巩固率达到98%以上,满意度85%。", id="NFKC digits percent comma"),
    pytest.param("工作目标：到２０２５年", "工作目标:到2025年", id="NFKC colon"),
    pytest.param("ＡＢＣ级景区", "ABC级景区", id="NFKC full-width letters"),
    pytest.param("義務教育優質均衡發展", "义务教育优质均衡发展", id="traditional to simplified"),
    pytest.param("為鞏固縣域義務教育", "为巩固县域义务教育", id="traditional to simplified 2"),
    pytest.param("義務(wù)教育優(yōu)質(zhì)", "义务教育优质", id="converter pinyin removed"),
    pytest.param("發(fā)展規(guī)劃(草案)", "发展规划(草案)", id="pinyin removed, brackets kept"),
    pytest.param("情形(a)和标准(pc)", "情形(a)和标准(pc)", id="letters without tone marks kept"),
    pytest.param("加快推进　　义务教育", "加快推进 义务教育", id="full-width spaces collapsed"),
    pytest.param("万载县统计局\u00a0\u00a0\u00a0国家统计局", "万载县统计局 国家统计局", id="no-break spaces collapsed"),
    pytest.param("索\u2002引\u2002号", "索 引 号", id="en spaces collapsed"),
    pytest.param("第一行\r\n第二行\r第三行", "第一行\n第二行\n第三行", id="line endings"),
    pytest.param("　　一、总则　\n　　第一条", "一、总则\n第一条", id="indents and trailing spaces"),
    pytest.param("一、总则\n\n\n\n二、目标", "一、总则\n\n二、目标", id="blank lines collapsed"),
    pytest.param("\ufeff方案", "方案", id="byte-order mark dropped"),
    pytest.param("1\ue010突破关键技术。", "1 突破关键技术。", id="a web font's private-use glyph is a space"),
])
def test_normalize(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw", [
    pytest.param("義務(wù)教育　　優質均衡（草案）\r\n到２０２５年，達到９８％。", id="mixed"),
    pytest.param("一、工作目标\n\n\n到2025年, 巩固率 98%", id="already normal"),
])
def test_normalize_is_idempotent(raw):
    assert normalize(normalize(raw)) == normalize(raw)


def test_simplified_text_is_unchanged():
    text = "青山县推进义务教育优质均衡发展实施方案"
    assert to_simplified(text) == text


SHATTERED_HEAD = "存量项目是指\n2025\n年\n6\n月\n1\n日前投产的项目。\n补贴\n2\n年,每年\n3\n月申报。\n"


@pytest.mark.parametrize("lines, expected", [
    pytest.param("电价为\n0.4012\n元\n/\n千瓦时。", "电价为0.4012元/千瓦时。", id="a number and its unit"),
    pytest.param("补贴价格为\n1.2元/千瓦时,上限为\n2.0元/千瓦时。", "补贴价格为1.2元/千瓦时,上限为2.0元/千瓦时。",
                 id="a line opening with the number a sentence was waiting for"),
    pytest.param("补贴价格为\n\n1.2\n\n元/千瓦时。", "补贴价格为1.2元/千瓦时。", id="blank lines between the pieces"),
    pytest.param("第九条\n市工业和信息化局应\n积极推动节能技术推广。", "第九条\n市工业和信息化局应积极推动节能技术推广。",
                 id="a line ending in a modal"),
    pytest.param("以\n“\n报量不报价\n”\n的方式参与。", "以“报量不报价”的方式参与。", id="quotation marks"),
    pytest.param("(发改价格〔\n2025\n〕\n136\n号)", "(发改价格〔2025〕136号)", id="a document number"),
    pytest.param("项目(不含甘孜州\n2020年基地)确定。", "项目(不含甘孜州2020年基地)确定。", id="a break inside brackets"),
    pytest.param("青山县发展改革局\n2025\n年\n9\n月\n29\n日", "青山县发展改革局\n2025年9月29日", id="a signature keeps its line"),
    pytest.param("一、目标\n(一)提升质量\n1.\n机制电量", "一、目标\n(一)提升质量\n1.\n机制电量", id="labels keep their lines"),
])
def test_shattered_lines_joined(lines, expected):
    assert join_shattered_lines(SHATTERED_HEAD + lines).endswith("\n" + expected)


def test_a_text_with_a_few_short_lines_is_left_alone():
    text = "一、目标\n到2025年,达到\n90\n%。\n二、任务\n建设学校。"
    assert join_shattered_lines(text) == text


WRAPPED = ("为加强电网安全风险管控,根据有关规定,结合本省实际,现将有关事项通知如下。省电力公司及调度机构"
           "应对四级以上的电网安全风险制定风险控制方案;对于其他风险,应明确判定标准和控制措施,做好监视。")


def test_text_wrapped_at_a_fixed_width_is_joined_into_paragraphs():
    from extractor.reading.wrapped import join_hard_wrapped

    lines = [WRAPPED[i:i + 28] for i in range(0, len(WRAPPED), 28)]
    text = "\n".join(lines * 4 + ["-2一", "", "四、做好报告工作", "省电力公司要按年度报告。"])
    joined = join_hard_wrapped(text).split("\n")
    assert joined[:4] == [WRAPPED] * 4
    assert joined[-2:] == ["四、做好报告工作", "省电力公司要按年度报告。"]


def test_a_text_of_short_and_long_lines_keeps_its_lines():
    from extractor.reading.wrapped import join_hard_wrapped

    text = "\n".join(["一、目标", WRAPPED, "二、任务", WRAPPED[:30], "三、保障", WRAPPED[:50]] * 5)
    assert join_hard_wrapped(text) == text


def test_table_rows_of_one_width_are_no_wrapped_text():
    from extractor.reading.wrapped import join_hard_wrapped

    text = "\n".join(["1 | 新建学校3所 | 县教育局 | 2024年6月"] * 30)
    assert join_hard_wrapped(text) == text
