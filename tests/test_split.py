"""Splitting a source file into the documents it holds."""
from __future__ import annotations

import pytest

from extractor.extraction.pipeline import extract_file
from extractor.structure.parts import split_documents

BODY = "一、目标\n到2025年,全县建成一批义务教育优质均衡示范学校,全面提升办学水平。\n二、任务\n改造操场,配齐教师。\n"

NOTICE_WITH_PLAN = "县政府关于印发工作方案的通知\n现将《工作方案》印发给你们,请认真贯彻执行。\n县人民政府\n2023年4月27日\n工作方案\n" + BODY

PLAN_WITH_ATTACHMENT = ("工作方案\n" + BODY + "附件:托管帮扶工作方案\n县教育局\n2023年4月27日\n"
                        "附件\n托管帮扶工作方案\n" + BODY + "附件:\n扫一扫在手机打开当前页\n")

RUN_IN_ATTACHMENT = ("行动方案为深入贯彻部署,制定本方案。" + BODY.replace("\n", "")
                     + "附件:1.市“新强师工程”实施方案2 .市帮扶实施方案附件1市“新强师工程”实施方案根据省实施办法精神,"
                     + BODY.replace("\n", ""))

TWO_ATTACHMENTS = ("通知正文,请遵照执行。\n附件:1.信息宣传联络员登记表\n2.宣传申报单\n附件1:\n信息宣传联络员登记表\n"
                   + BODY + "附件2:\n宣传申报单\n" + BODY)

SIGNED_NOTICES = ("各县活动汇总\n甲县\n现将有关事项公告如下:\n一、活动时间\n2025年10月27日至12月31日。\n二、活动对象\n"
                  "在本县购买新建商品住房的个人。\n甲县住房和城乡建设局\n2025年10月24日\n乙县\n现将有关事项公告如下:\n"
                  "一、活动时间\n2025年11月1日至12月31日。\n二、活动对象\n在本县购买新建商品住房的个人。\n")
NOTICE_WITH_REQUESTS = ("关于印发《市场运营规则(试行)》的通知\n现将《市场运营规则(试行)》印发给你们,并就有关事项通知如下:\n"
                        "一、请电力公司做好准备。\n二、请各企业积极参与。\n某监管局\n2020年6月4日\n市场运营规则(试行)\n"
                        "第一章 总则\n第一条 为建立市场机制,制定本规则。\n第二条 本规则适用于全省电网。\n")
COMPILATION = ("义务教育均衡发展工作实施方案(共3篇)\n义务教育均衡发展工作实施方案 篇1\n" + BODY
               + "义务教育均衡发展工作实施方案 篇2\n临洮县:为农村孩子开启幸福之门\n近年来,临洮县实施改薄项目,改善办学条件。" + BODY
               + "义务教育均衡发展工作实施方案 篇3\n迎接督导评估工作实施方案\n" + BODY)

VOLUMES = "规划纲要\n第一篇 指导思想\n" + BODY + "第二篇 调整结构\n" + BODY


@pytest.mark.parametrize("text, titles", [
    pytest.param(BODY, [None], id="one-document"),
    pytest.param(NOTICE_WITH_PLAN, [None], id="notice-and-the-plan-it-issues-stay-one"),
    pytest.param(PLAN_WITH_ATTACHMENT, [None, "托管帮扶工作方案"], id="attachment-heading-line"),
    pytest.param(RUN_IN_ATTACHMENT, [None, "市“新强师工程”实施方案"], id="run-in-attachment-named-in-list"),
    pytest.param(TWO_ATTACHMENTS, [None, "信息宣传联络员登记表", "宣传申报单"], id="numbered-attachments"),
    pytest.param(COMPILATION, [None, "义务教育均衡发展工作实施方案 篇2", "迎接督导评估工作实施方案"],
                 id="compilation-pian-1-to-n"),
    pytest.param(VOLUMES, [None], id="volumes-of-one-plan-are-not-a-compilation"),
    pytest.param(SIGNED_NOTICES, [None, "乙县"], id="a-signature-and-date-then-a-fresh-outline"),
    pytest.param(NOTICE_WITH_REQUESTS, [None, "市场运营规则(试行)"],
                 id="a-notice-with-its-own-items-then-the-titled-document-it-issues"),
])
def test_parts_and_titles(text, titles):
    assert [part.title for part in split_documents(text)] == titles


@pytest.mark.parametrize("text", [PLAN_WITH_ATTACHMENT, RUN_IN_ATTACHMENT, COMPILATION])
def test_parts_keep_their_offsets_and_the_first_starts_the_file(text):
    parts = split_documents(text)
    assert parts[0].start == 0
    for part in parts:
        assert text[part.start:part.end] == part.text


def test_the_attachment_list_stays_with_the_main_document():
    main, attachment = split_documents(PLAN_WITH_ATTACHMENT)
    assert "附件:托管帮扶工作方案" in main.text
    assert attachment.text.startswith("附件\n托管帮扶工作方案")


def test_an_attachment_reads_its_years_by_its_parents_date():
    found = extract_file("关于印发某县节水措施的通知\n各乡镇:\n现印发给你们。\n某县人民政府\n2021年9月18日\n附件\n"
                         "某县节水措施\n一、推广节水器具\n1.推广节水器具。2025年新建公共建筑节水器具普及率达到100%。\n"
                         "2.推进农业节水。2023年完成灌区改造。")
    attachment = found.documents[-1].extraction
    assert {d.date for d in attachment.deadlines} >= {"2025-12-31", "2023-12-31"}


def test_a_letterhead_and_its_文号_further_down_open_a_document():
    text = ("某监管办关于贯彻落实《风险管控办法》的通知\n各单位:\n现将有关事项通知如下。\n一、认真学习\n要组织学习。\n"
            "二、完善制度\n要修订制度。\n附件:国家能源局关于印发《风险管控办法》的通知\n某监管办\n2024年12月31日印发\n"
            "国家能源局文件\n国能发安全规〔2024〕85号\n国家能源局关于印发《风险管控办法》的通知\n"
            "风险管控办法\n第一章 总则\n第一条 为了防范电网风险,制定本办法。\n第二条 电网企业负主体责任。\n")
    parts = split_documents(text)
    assert len(parts) == 2 and parts[1].text.startswith("国家能源局文件")
