"""The document model: task tags, tables read by their headers, and the frames that date targets.

Every case is a short document written for these tests in the style of county and city plans;
each checks what a reader would take from it.
"""
from __future__ import annotations

import pytest

from extractor.extraction.pipeline import extract_file
from extractor.structure.blocks import read_blocks
from extractor.structure.tables import read_layout
from extractor.structure.tags import find_tags


def tag_roles(text: str) -> list[tuple[str, str]]:
    return [(tag.role, tag.value) for tag in find_tags(text)]


@pytest.mark.parametrize("text, expected", [
    pytest.param("(牵头单位:县发改局;配合单位:县财政局、县自然资源局)",
                 [("lead", "县发改局"), ("support", "县财政局、县自然资源局")], id="牵头-and-配合"),
    pytest.param("(主责单位:县卫健局,协办单位:县医保局)", [("lead", "县卫健局"), ("support", "县医保局")],
                 id="unseen-labels-主责-协办"),
    pytest.param("责任部门:县住建局 完成时限:2024年12月底", [("first", "县住建局"), ("deadline", "2024年12月底")],
                 id="trailing-tag-with-a-time-label"),
    pytest.param("(2024年9月底前完成,责任单位:县卫健局)", [("deadline", "2024年9月底前完成"), ("first", "县卫健局")],
                 id="unlabelled-time-before-a-label"),
    pytest.param("(责任单位:县教育局,2025年6月底前完成)", [("first", "县教育局"), ("deadline", "2025年6月底前完成")],
                 id="unlabelled-time-after-a-list"),
    pytest.param("(牵头责任单位:区人社局;责任单位:区财政局)", [("lead", "区人社局"), ("support", "区财政局")],
                 id="stacked-role-words-and-a-list-after-a-leader"),
    pytest.param("时间节点:2023年10月", [("deadline", "2023年10月")], id="时间节点"),
    pytest.param("责任主体:各乡(镇)人民政府", [("first", "各乡(镇)人民政府")], id="责任主体-with-a-bracket-in-a-name"),
    pytest.param("加强领导,明确责任单位和完成时限。", [], id="labels-without-a-colon-are-no-tags"),
    pytest.param("完善课程体系。(基教处、装备信息中心、各区市)推进资源建设。",
                 [("first", "基教处、装备信息中心、各区市")], id="a-bracket-of-bodies-after-a-full-stop"),
    pytest.param("起到积极作用。(某县信息中心)\n", [], id="a-single-body-closing-an-article-is-its-byline"),
])
def test_task_tags(text, expected):
    assert tag_roles(text) == expected


TASK_TABLE = """二、重点任务分工
序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限
1 | 建成县域医共体信息平台,实现检查结果互认 | 县卫健局 | 县财政局、县医保局 | 2024年6月底前
2 | 新建乡镇卫生院3所 | 县卫健局 | 县自然资源局 | 9月底前
3 | 培训乡村医生500人次 | 县卫健局 | 各乡镇人民政府 | 2024年12月
"""
INDICATOR_TABLE = """主要指标
指标 | 单位 | 2020年 | 2025年 | 属性
城镇化率 | % | 55.2 | ≥60 | 预期性
森林覆盖率 | % | 38 | 40 | 约束性
"""


def test_a_task_table_row_is_a_measure_with_units_and_a_deadline():
    found = extract_file("关于印发某县医疗服务提升行动方案的通知\n" + TASK_TABLE).documents[0].extraction
    assert [m.title for m in found.measures] == ["建成县域医共体信息平台,实现检查结果互认", "新建乡镇卫生院3所",
                                                 "培训乡村医生500人次"]
    roles = {(r.unit, r.role) for r in found.responsibilities}
    assert {("县卫健局", "lead"), ("县财政局", "support"), ("县医保局", "support"), ("各乡镇人民政府", "support")} <= roles
    assert [d.date for d in found.deadlines] == ["2024-06-30", "2024-09-30", "2024-12-31"]


def test_a_task_row_dates_the_targets_of_its_task():
    found = extract_file("关于印发某县医疗服务提升行动方案的通知\n" + TASK_TABLE).documents[0].extraction
    dated = {(t.value, t.deadline, t.deadline_source) for t in found.targets}
    assert {(3.0, "2024-09-30"), (500.0, "2024-12-31")} <= {(value, date) for value, date, _ in dated}
    assert {source for _, _, source in dated} <= {"sentence", "table"}


def test_an_indicator_table_gives_targets_by_year_and_facts_for_baselines():
    text = "某市国民经济和社会发展第十四个五年规划纲要\n某市人民政府\n2021年3月1日\n" + INDICATOR_TABLE
    found = extract_file(text).documents[0].extraction
    rows = {(t.indicator, t.comparator, t.value, t.kind, t.deadline, t.attribute) for t in found.targets}
    assert ("城镇化率", ">=", 60.0, "target", "2025-12-31", "预期性") in rows
    assert ("城镇化率", "=", 55.2, "fact", None, "预期性") in rows
    assert ("森林覆盖率", "=", 40.0, "target", "2025-12-31", "约束性") in rows


def test_an_indicator_table_with_its_units_in_brackets_and_a_five_year_plan_baseline():
    text = ("某市教育事业发展规划\n某市教育局\n2021年3月1日\n一级 | 二级 | 十三五期间 | 2025目标\n"
            "更公平的教育 | 普惠性幼儿园覆盖面(%) | 93.94 | 95\n更高质量的教育 | 城乡教育共同体数量(个) | 102 | 120\n")
    found = extract_file(text).documents[0].extraction
    rows = {(t.value, t.unit, t.kind, t.deadline) for t in found.targets}
    assert {(95.0, "%", "target", "2025-12-31"), (93.94, "%", "fact", None), (120.0, "个", "target", "2025-12-31")} <= rows


def test_a_project_table_gives_each_projects_planned_investment():
    text = "某市重大项目表\n序号 | 区域 | 项目名称 | 计划投资(万元)\n1 | 越城区 | 新建学校 | 5000\n2 | 柯桥区 | 改造操场 | 800\n"
    found = extract_file(text).documents[0].extraction
    assert {(t.indicator, t.value, t.unit) for t in found.targets} >= {("新建学校", 50_000_000, "元"), ("改造操场", 8_000_000, "元")}


QUOTA_TABLE = "2024年某市普通高中招生计划\n行政区 | 学校 | 计划数(人)\n甲区 | 第一中学 | 216\n乙区 | 第二中学 | 162\n"
GROUPED_TABLE = ("某省普通高中课程与学分结构\n必修 |  |  | 选修 |  |\n学习领域 | 科目 | 学分 | 类别 | 学分\n"
                 "语言与文学 | 语文 | 10 | 知识拓展类 | 至少48\n语言与文学 | 外语 | 10 | 知识拓展类 | 至少48\n")


@pytest.mark.parametrize("text, expected", [
    pytest.param(QUOTA_TABLE, {("第一中学计划数", "=", 216.0, "人"), ("第二中学计划数", "=", 162.0, "人")},
                 id="quota-rows-labelled-by-text-columns"),
    pytest.param(GROUPED_TABLE, {("语文必修学分", "=", 10.0, "学分"), ("外语必修学分", "=", 10.0, "学分"),
                                 ("知识拓展类选修学分", ">=", 48.0, "学分")},
                 id="group-names-above-the-header-and-a-merged-cell-counted-once"),
    pytest.param("某市重大项目表\n序号 | 区域 | 项目名称 | 计划投资(万元)\n1 | 甲区 | 东城小学新建工程:新建24班 | 5000\n",
                 {("新建", "=", 24.0, "班"), ("东城小学新建工程:新建24班", "=", 50_000_000.0, "元")},
                 id="a-figure-inside-a-project-name-is-read-too"),
    pytest.param("主要指标\n指标 | 2020年 | 2025年\n教育支出(万元)(全市) | 120 | 150\n",
                 {("教育支出(万元)(全市)", "=", 1_200_000.0, "元"), ("教育支出(万元)(全市)", "=", 1_500_000.0, "元")},
                 id="a-unit-in-brackets-before-a-note"),
    pytest.param("主要指标\n指标 | 2020年 | 2025年\n海外办学机构数(所) | 1 | 2-3\n",
                 {("海外办学机构数(所)", "=", 1.0, "所"), ("海外办学机构数(所)", "range", 2.0, "所")},
                 id="a-range-cell-takes-the-unit-after-it"),
    pytest.param("某县项目表\n乡镇 | 项目 | 备注\n甲镇 | 3 | 新建\n", set(), id="no-quantity-column-no-targets"),
    pytest.param("某县名单\n乡镇 | 村 | 计划数\n甲镇 | 东村 | 3\n", set(), id="a-bare-figure-beside-labels-is-no-target"),
])
def test_tables_of_values_labelled_by_their_rows(text, expected):
    found = extract_file(text).documents[0].extraction
    assert {(t.indicator, t.comparator, t.value, t.unit) for t in found.targets if "|" in t.sentence} == expected


@pytest.mark.parametrize("header, roles", [
    pytest.param("序号 | 重点任务 | 责任单位 | 完成时间", ["number", "task", "first", "deadline"], id="task-table"),
    pytest.param("序号 | 具体工作任务 | 牵头单位(部门) | 协同单位 | 时间节点", ["number", "task", "lead", "support", "deadline"],
                 id="headers-with-notes-and-synonyms"),
    pytest.param("考核项目 | 分值 | 考核内容 | 评分标准", ["category", "score", "content", "content"], id="assessment-table"),
])
def test_header_roles(header, roles):
    layout = read_layout(read_blocks(header + "\n1 | a | b | c | d\n")[0])
    assert [column.role for column in layout.columns][:len(roles)] == roles


def horizons(text: str) -> list[tuple[float, str | None, str | None]]:
    found = extract_file(text).documents
    return [(t.value, t.deadline, t.deadline_source) for d in found for t in d.extraction.targets
            if t.kind == "target"]


@pytest.mark.parametrize("text, expected", [
    pytest.param("某县义务教育提升三年行动计划(2023-2025年)\n一、主要任务\n(一)新建学校\n新建小学3所。\n(二)补充教师\n"
                 "补充教师100名。\n", [(3.0, "2025-12-31", "document"), (100.0, "2025-12-31", "document")],
                 id="the-titles-period"),
    pytest.param("某县学前教育三年行动计划\n某县人民政府\n2023年5月1日\n一、主要任务\n(一)新建幼儿园\n新建幼儿园5所。\n"
                 "(二)补充教师\n补充教师60名。\n", [(5.0, "2025-12-31", "document"), (60.0, "2025-12-31", "document")],
                 id="a-three-year-plan-from-its-year-of-issue"),
    pytest.param("某县实施方案\n一、工作目标\n到2026年,全县学校全部达标。\n二、主要任务\n(一)新建学校\n新建小学3所。\n"
                 "(二)补充教师\n补充教师100名。\n", [(3.0, "2026-12-31", "document"), (100.0, "2026-12-31", "document")],
                 id="the-single-year-of-the-goal-section"),
    pytest.param("某县实施意见\n一、发展目标\n到2020年,建成示范点2个。到2025年,建成示范点10个。\n二、主要任务\n(一)培训\n"
                 "每年培训教师200名。\n(二)保障\n落实经费。\n",
                 [(2.0, "2020-12-31", "sentence"), (10.0, "2025-12-31", "sentence"), (200.0, None, None)],
                 id="milestones-govern-only-their-own-sentences"),
    pytest.param("某县工作方案\n一、主要任务\n(一)新建学校\n新建小学3所。\n(二)补充教师\n补充教师100名。\n二、实施步骤\n"
                 "(一)部署阶段(2023年3月)\n制定方案。\n(二)验收阶段(2023年11月—12月)\n组织验收。\n",
                 [(3.0, "2023-12-31", "document"), (100.0, "2023-12-31", "document")], id="the-end-of-the-last-phase"),
    pytest.param("中共某市委关于制定某市国民经济和社会发展第十五个五年规划的建议\n一、主要目标\n(一)经济\n"
                 "新增就业岗位50万个。\n(二)民生\n新建学校30所。\n",
                 [(500000.0, "2030-12-31", "document"), (30.0, "2030-12-31", "document")],
                 id="the-nth-five-year-plan"),
    pytest.param("某县2024年工作要点\n一、重点工作\n(一)建设\n新建公厕30座。\n(二)培训\n培训农民1000人次。\n",
                 [(30.0, "2024-12-31", "document"), (1000.0, "2024-12-31", "document")], id="the-year-a-工作要点-plans"),
    pytest.param("某县实施方案\n一、主要任务\n(一)2024年目标\n新建小学3所。\n(二)2025年目标\n新建小学5所。\n",
                 [(3.0, "2024-12-31", "heading"), (5.0, "2025-12-31", "heading")], id="a-headings-year"),
    pytest.param("某县实施方案\n一、工作目标\n(一)队伍结构优化。到2025年,本科学历教师达到70%。\n(二)素质提升。"
                 "平均每年新增骨干教师30名。\n二、具体措施\n(一)培训\n每年培训校长50名。\n(二)保障\n落实经费。\n",
                 [(70.0, "2025-12-31", "sentence"), (30.0, "2025-12-31", "carried"), (50.0, None, None)],
                 id="a-date-carried-through-the-goal-section"),
    pytest.param("某县购房补贴活动公告\n一、活动时间\n购房时间:2025年10月27日-12月31日。\n二、活动额度\n每套补贴5万元。\n"
                 "三、活动名额\n名额限100名。\n", [(50000.0, "2025-12-31", "document"), (100.0, "2025-12-31", "document")],
                 id="a-campaign's-time"),
    pytest.param("某市2021年春节期间电力需求响应实施细则\n一、实施方式\n(一)实施时间及规模\n实施时间为2021年2月13日至2021年2月15日。\n"
                 "(二)补贴\n补贴价格为1.2元/千瓦时。\n二、流程\n申报。\n", [(1.2, "2021-02-15", "document")],
                 id="a-titles-year-narrowed-by-its-实施时间"),
    pytest.param("2007某市商贸流通服务业评价与奖励办法\n一、评价内容\n(一)发展奖\n社会消费品零售总额增长13%。\n(二)特别奖\n"
                 "新增限上企业10家。\n", [(13.0, "2007-12-31", "document"), (10.0, "2007-12-31", "document")],
                 id="a-year-opening-a-headline-that-dropped-年"),
    pytest.param("某市政务数据管理暂行办法\n第一条 为规范管理,制定本办法。\n第二条 部门应当在10个工作日内答复。\n"
                 "第三条 本办法自发布之日起施行,有效期2年。\n", [(10.0, None, None)],
                 id="standing-rules-and-a-validity-clause-date-nothing"),
    pytest.param("关于某县2016年国民经济和社会发展计划执行情况及2017年国民经济和社会发展计划(草案)的报告\n"
                 "一、主要预期目标\n做好今年的经济工作,力争全年新增城镇就业3000人。\n",
                 [(3000.0, "2017-12-31", "sentence")], id="a-title-naming-a-year-reviewed-and-a-year-planned"),
    pytest.param("某市人工智能若干举措\n一、总体要求\n坚持创新驱动。到2026年,全市人工智能产业总体水平处于全国前列。\n"
                 "——创新能力。打造3个开放创新平台。\n——集群发展。培育20家左右企业。\n二、重点任务\n(一)建设平台\n"
                 "支持企业建设平台,给予最高100万元奖励。\n",
                 [(3.0, "2026-12-31", "section"), (20.0, "2026-12-31", "section"), (1_000_000.0, None, None)],
                 id="a-dated-lead-in-governs-its-dash-items"),
])
def test_target_horizons(text, expected):
    found = horizons(text)
    assert [item for item in found if item[0] in {e[0] for e in expected}] == expected


def test_an_attachment_takes_its_parents_period():
    text = ("关于印发某县教育提升三年行动计划(2023-2025年)的通知\n现将计划印发给你们。\n附件:某县学校建设任务清单\n某县人民政府\n"
            "2023年3月1日\n附件\n某县学校建设任务清单\n一、新建\n新建小学3所,全面改善办学条件。\n二、改扩建\n"
            "改扩建初中2所,增加学位。\n")
    documents = extract_file(text).documents
    assert documents[-1].part.kind == "attachment"
    assert [(t.value, t.deadline, t.deadline_source) for t in documents[-1].extraction.targets] == [
        (3.0, "2025-12-31", "parent"), (2.0, "2025-12-31", "parent")]


def test_a_yearless_deadline_takes_the_year_of_the_document():
    text = "某县2024年工作要点\n一、重点工作\n(一)建设\n5月底完成方案编制。\n(二)验收\n确保10月底前完成验收。\n"
    dates = [d.date for d in extract_file(text).documents[0].extraction.deadlines]
    assert "2024-10-31" in dates


@pytest.mark.parametrize("heading", ["(一)发展基础", "(一)工作基础", "(二)发展趋势", "(一)2016年计划执行情况"])
def test_figures_under_a_background_heading_are_facts(heading):
    text = f"某区养老服务实施方案\n一、实施背景\n{heading}\n全区建成养老机构15家,养老床位数2944张。\n二、主要任务\n(三)完善设施\n新建养老机构3家。\n"
    kinds = {(t.value, t.kind) for t in extract_file(text).documents[0].extraction.targets}
    assert kinds == {(15.0, "fact"), (2944.0, "fact"), (3.0, "target")}


def test_assessment_points_are_no_targets_but_the_requirement_they_score_is():
    text = ("某县教育督导考核细则\n序号 | 考核项目 | 分值 | 考核内容 | 评分标准\n1 | 组织领导 | 10分 | 每年至少专题研究2次教育工作 | 少一次扣2分\n"
            "2 | 经费保障 | 20分 | 生均公用经费不低于650元 | 未达标不得分\n")
    targets = [t for d in extract_file(text).documents for t in d.extraction.targets if t.kind == "target"]
    assert {(t.comparator, t.value, t.unit) for t in targets} == {(">=", 2.0, "次"), (">=", 650.0, "元")}
