"""The outline parser: which numbered items are measures, with which labels and titles."""
from __future__ import annotations

import pytest

from extractor.structure.outline import parse_outline

PLAN = """深泽县义务教育发展规划
为推进义务教育优质均衡发展,制定本规划。
一、指导思想
以习近平新时代中国特色社会主义思想为指引。
二、主要任务
(一)优化教育资源配置,提升办学条件
1.健全教育投入长效机制。坚持教育优先发展战略。
2.加快标准化学校建设。扎实推进中小学标准化建设。
(二)加强教师队伍建设
1.加强师德师风建设。实施师德师风建设工程。
2.加强教师培训学习。实施教师全员培训制度。
三、保障机制
(一)加强领导,强化责任。各乡镇要制定工作计划。
(二)加大投入,强化保障。进一步加大教育投入。
深泽县人民政府
2020年8月7日
"""

RUN_IN = ("关于推动基础教育高质量发展行动方案为深入贯彻决策部署,制定本方案。一,总体要求聚焦教师队伍建设。"
          "1.加强教师队伍建设。建立健全强师工作机制。2 .增加公办优质学位供给。加强统筹协调,到2025年新增1.5万个学位。"
          "二、工作措施(一)压实县(区)主体责任3 .逐步理顺教育管理体制。调整优化责任分工,占比3.2%。"
          "4 .强化县(区)主责意识。要将基础教育列为一把手工程。(二)提升校长、教师能力素质"
          "5 .提高校长办学治校能力。加大校长培训力度。6 .加强骨干教师培养。培养本地骨干教师。")

REGULATION = """阿坝州政务数据资源管理暂行办法
第一章 总则 第一条 为规范政务数据资源管理,推进政务信息系统互联互通,制定本办法。
第二条 本办法适用于本州行政区域内政务数据资源管理活动。
第二章 目录管理 第三条 政务部门应当对本部门的政务数据资源目录进行动态管理。有下列情形之一的,应当更新:
(一)法律、法规、规章等依据发生变化的;
(二)行政管理职能发生变化的。
第四条 依照本办法第三条规定更新的目录,报州数据资源主管部门备案。
"""

ENUMERATIONS = """一、主要任务
推进均衡发展,一是加强学校建设,二是加强师资配备。第一,抓好落实;第二,强化考核。
二、保障措施
加强领导,2025年完成,投入1.5万元,增长3.2%。
"""

INCONSISTENT = """一、工作目标
到2025年,全面建成优质均衡发展县。
3.加快学校建设。本条编号不连续,不是大纲项。
二、主要任务
(一)加强领导。各部门要制定计划。
(三)加大投入。编号跳过了(二)。
(二)强化督导。县政府将开展督导。
"""

HEADINGS_LOST = """为促进婴幼儿照护服务发展,提出以下意见。
1.加强家庭健康育儿指导。家庭对婴幼儿照护负主体责任。
2.大力发展社区照护服务。各级政府采取政府补贴。
1.实行登记和备案制度。举办婴幼儿照护服务机构应登记。
2.规范安全管理制度。各类机构开展安全管理。
"""

TABLE = """一、重点任务
序号 | 任务 | 牵头单位
1 | 新建幼儿园3所 | 县教育局
2 | 改造学校操场 | 县财政局
二、保障措施
加强组织领导,县政府定期研究。
"""

ENDNOTES = """一、综合
全年实现生产总值262.6亿元,同比增长5.3%。
二、资源和环境保护
全县空气质量优良率90.1%。
注释:
1.本公报中数据均为初步统计数。
2.地区生产总值按现价计算。
资料来源:
本公报中财政数据来自县财政局。
"""

TABLE_NOTE = """一、目标
序号 | 指标 | 目标值
1 | 学位数 | 1.5万个
注:
1.学位数含民办学校。
2.目标值为累计数。
二、任务
(一)新建学校。县政府负责。
(二)改造操场。县教育局负责。
"""


def labels(text: str) -> list[str]:
    return [m.label for m in parse_outline(text)]


def titles(text: str) -> list[str]:
    return [m.title for m in parse_outline(text)]

DECIMAL = """青山县教育发展规划
1 发展基础
1.1 主要成就
全县共有学校50所。
1.2 面临形势
人口持续增长。
2 主要任务
2.1 扩大学前教育资源
到2025年,新建幼儿园10所。
2.2 提升义务教育质量
2.2.1 推进集团化办学
组建教育集团5个。
2.2.2 加强教师队伍建设
每年培训教师1000人次。
"""


@pytest.mark.parametrize("text, expected", [
    pytest.param(PLAN, ["一、", "1.", "2.", "1.", "2.", "(一)", "(二)"], id="plan-three-levels"),
    pytest.param(RUN_IN, ["1.", "2.", "3.", "4.", "5.", "6."], id="run-in-numbering-across-sections"),
    pytest.param(REGULATION, ["第一条", "第二条", "(一)", "(二)", "第四条"], id="articles-with-items"),
    pytest.param(ENUMERATIONS, ["一、", "二、"], id="yishi-ershi-and-numbers-ignored"),
    pytest.param(INCONSISTENT, ["一、", "(一)", "(二)"], id="inconsistent-numbering-refused"),
    pytest.param(HEADINGS_LOST, ["1.", "2.", "1.", "2."], id="lists-restart-after-lost-headings"),
    pytest.param(TABLE, ["1", "2", "二、"], id="numbered-table-rows"),
    pytest.param(ENDNOTES, ["一、", "二、"], id="endnotes-under-注释-are-no-items"),
    pytest.param(TABLE_NOTE, ["一、", "(一)", "(二)"], id="outline-resumes-after-注-block"),
    pytest.param("一、目标\n建成示范校。\n二、任务\n改造操场。\n备注:1.数据为初步数。2.单位为万元。\n",
                 ["一、", "二、"], id="run-in-notes-after-备注"),
    pytest.param("一、任务\n(一)新建学校。\n注:数据为初步数。\n(二)改造操场。\n1.拆除旧操场。\n2.铺设跑道。\n",
                 ["(一)", "1.", "2."], id="sibling-after-a-note-continues"),
    pytest.param("一、总体要求\n加强领导。\n二、重点任务\n(一)优化配置\n1.新建学校。\n(二)加强队伍\n2.补充教师。\n"
                 "(三)完善保障\n3.加强督查。\n三、保障措施\n加强领导。\n",
                 ["一、", "1.", "2.", "3.", "三、"], id="one-item-a-section-numbered-straight-through"),
    pytest.param("第 1 条 为规范管理,制定本办法。\n第 2 条 本办法适用于全县。\n第 3 条 本办法自发布之日起施行。\n",
                 ["第1条", "第2条", "第3条"], id="articles-in-spaced-digits"),
    pytest.param("第一条 为规范管理。\n第 二 条 适用于全县。\n第三条 自发布之日起施行。\n",
                 ["第一条", "第二条", "第三条"], id="article-with-stray-spaces"),
    pytest.param("附件\n类别 | 序号 | 指标 | 分值\n基础指标 | 1 | 合法稳定住所 | 每满1年计8分\n基础指标 | 2 | 年龄 | 30分\n"
                 "加分指标 | 1 | 文化程度 | 30分\n加分指标 | 2 | 创新能力 | 20分\n", ["1", "2", "1", "2"],
                 id="rows-numbered-in-their-second-cell"),
    pytest.param("指标 | 单位 | 2020年 | 2025年\n学校数 | 所 | 12 | 15\n班额 | 人 | 45 | 40\n", [],
                 id="values-in-an-indicator-table-are-no-numbers"),
    pytest.param("目录\n一、实施背景..........\n.........\n- 1 -\n二、实施方式..........- 2 -\n一、实施背景\n"
                 "为保障供电。\n二、实施方式\n(一)实施时间\n2月13日。\n(二)参与条件\n符合条件。\n",
                 ["一、", "(一)", "(二)"], id="a-table-of-contents-is-no-outline"),
    pytest.param(DECIMAL, ["1.1", "1.2", "2.1", "2.2.1", "2.2.2"], id="decimal-numbering-1.1-and-1.1.1"),
    pytest.param("1.5万人参加培训。\n2.5亿元用于改造。\n1.2 万所学校\n", [], id="decimal-counts-are-no-labels"),
    pytest.param("一、任务\n1)加强领导。要落实。\n2)加大投入。要投入。\n二、保障\n1)强化督查。\n2)严格考核。\n",
                 ["1)", "2)", "1)", "2)"], id="numbers-with-a-closing-bracket-only"),
    pytest.param("一、任务\n详见附件1)。要落实2)的要求。\n二、保障\n加强督查。\n", ["一、", "二、"],
                 id="closing-bracket-inside-a-sentence-is-no-label"),
    pytest.param("第一部分 总体要求\n一、指导思想\n坚持。\n二、目标\n达标。\n第二部分 主要任务\n一、加强领导\n"
                 "按本方案第一部分要求落实。\n二、加大投入\n要投入。\n", ["一、", "二、", "一、", "二、"],
                 id="parts-第一部分-above-sections"),
    pytest.param("一、加强领导。\n要落实责任。\n", [], id="a-single-item-is-no-outline"),
    pytest.param("一、建设水利\n1.加大投入。\n二、健全机制\n1.总结经验。\n三、提高装备\n1.发展产业。\n2.建设队伍。\n",
                 ["1.", "1.", "1.", "2."], id="a-lone-1-under-a-heading-whose-siblings-hold-lists"),
    pytest.param("一、任务\n1.加强培训。(省人社厅牵头负责)2。强化生态帮扶。(省林业局牵头负责)3.加强基础设施建设。\n"
                 "二、保障\n加强领导。\n", ["1.", "2。", "3.", "二、"], id="a-label-whose-full-stop-slipped-to-。-in-its-sequence"),
    pytest.param("一、实施流程\n方案实施流程图见附录1。申报参与固定补贴价格模式的用户需在规定时间内申报。\n二、补贴价格\n按标准补贴。\n",
                 ["一、", "二、"], id="附录1。-is-a-reference"),
    pytest.param("第一章 总则\n第1\n为建立机制,制定本规则。\n第2\n24小时内完成申报。\n第3\n主要职责是:\n(1\n管理市场;\n"
                 "(2\n建设平台。\n第二章 附则\n第4\n本规则自发布之日起实施。\n",
                 ["第1", "第2", "(1", "(2", "第4"], id="articles-and-items-whose-条-and-bracket-a-page-lost"),
    pytest.param("一、时间安排\n选派工作时间安排如下:\n1、11月1日召开动员会,进行宣传发动。\n2、11月2—4日,进行报名推荐。\n"
                 "二、工作要求\n加强领导。\n", ["1、", "2、", "二、"], id="items-opening-with-a-month-and-day"),
    pytest.param("房源库信息情况表\n序号 | 房企名称 | 项目名称\n备注:1.本表将动态更新。2.填预售证号,表示在建。\n", [],
                 id="numbered-notes-before-any-item"),
    pytest.param("", [], id="empty-text"),
])
def test_leaf_labels(text, expected):
    assert labels(text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param(PLAN, ["指导思想", "健全教育投入长效机制", "加快标准化学校建设", "加强师德师风建设",
                        "加强教师培训学习", "加强领导,强化责任", "加大投入,强化保障"], id="heading-up-to-full-stop"),
    pytest.param(REGULATION, ["为规范政务数据资源管理", "本办法适用于本州行政区域内政务数据资源管理活动",
                              "法律、法规、规章等依据发生变化的", "行政管理职能发生变化的",
                              "依照本办法第三条规定更新的目录"], id="article-first-clause"),
    pytest.param(TABLE, ["新建幼儿园3所", "改造学校操场", "保障措施"], id="row-first-cell"),
])
def test_titles(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize("text", [pytest.param(RUN_IN, id="run-in"), pytest.param(REGULATION, id="articles")])
def test_text_starts_right_after_the_label(text):
    for measure in parse_outline(text):
        assert not measure.text[0].isspace()
        assert text[measure.end - len(measure.text):measure.end] == measure.text
        assert text[measure.start:measure.end].replace(" ", "").startswith(measure.label)


def test_paths_list_the_ancestors():
    measure = parse_outline(PLAN)[1]
    assert measure.path == ("二、主要任务", "(一)优化教育资源配置,提升办学条件")
    assert measure.level == 3


@pytest.mark.parametrize("text, last_text", [
    pytest.param(PLAN, "加大投入,强化保障。进一步加大教育投入。", id="signature-and-date"),
    pytest.param("一、目标\n建成示范校。\n二、任务\n改造操场。\n附件:1.任务清单\n2.责任分工\n", "任务\n改造操场。",
                 id="attachment-list"),
    pytest.param("一、目标\n建成示范校。\n二、任务\n改造操场。\n主题词:教育 方案\n抄送:县委各部门。\n", "任务\n改造操场。",
                 id="closing-block"),
    pytest.param("1、首页\n一、目标\n建成示范校。\n二、任务\n改造操场。\n上一篇:其他\n1、相关文章\n2、热门文章",
                 "任务\n改造操场。", id="page-furniture"),
    pytest.param(ENDNOTES, "资源和环境保护\n全县空气质量优良率90.1%。", id="note-heading"),
])
def test_last_measure_ends_with_the_body(text, last_text):
    assert parse_outline(text)[-1].text == last_text


@pytest.mark.xfail(strict=True, reason="a heading lost by the page makes the item before a list its parent")
def test_item_before_a_list_that_lost_its_heading_stays_a_leaf():
    text = "(一)确诊病例应集中收治。\n(二)密切接触者应集中隔离。\n1.落实主体责任。压实各方责任。\n2.推进联防联控。\n"
    assert labels(text) == ["(一)", "(二)", "1.", "2."]


def test_decimal_items_nest_under_the_numbers_they_extend():
    measure = parse_outline(DECIMAL)[-1]
    assert measure.path == ("2主要任务", "2.2提升义务教育质量")
    assert (measure.label, measure.title) == ("2.2.2", "加强教师队伍建设")
