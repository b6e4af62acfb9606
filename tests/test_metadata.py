"""Document metadata: title, issuer, 文号, date of issue, genre and locality from real-looking heads."""
from __future__ import annotations

import pytest

from extractor.extraction.doc_dates import find_issued_date
from extractor.extraction.metadata import extract_metadata, find_doc_number, find_title, genre_in_body, genre_of, head_lines

DOWNLOAD_PAGE = ("欢迎来到三一办公! | 帮助中心 三一办公31ppt.com(应用文档模板下载平台)\n全部分类\n"
                 "• 办公文档>\n首页 三一办公 > 资源分类 > DOCX文档下载\n关于推动基础教育高质量发展行动方案.docx\n"
                 "• 资源ID:7274448 资源大小:67.67KB 全文页数:53页\n温馨提示:\n")
GOVERNMENT_PAGE = ("无障碍 | 长者版\n当前位置: 首页>政府信息公开>部门文件\n"
                   "索 引 号:116401000100860987/2023-00181 效力状态:有效\n"
                   "发布机构:某市教育局 成文日期:2023-04-27\n责任部门:某市教育局 发布日期:2023-04-28\n"
                   "名 称:某市教育局等八部门关于印发《县域普通高中发展提升三年行动实施方案(2023-2025)》的通知\n"
                   "某市教育局等八部门关于印发《县域普通高中发展提升三年行动实施方案(2023-2025)》的通知\n"
                   "各县(市)教育局:\n现将《县域普通高中发展提升三年行动实施方案(2023-2025)》印发给你们。\n"
                   "一、总体要求\n")
PKULAW_EXPORT = ("【法宝引证码】 CLI.12.4792728\n原文链接:https://www.pkulaw.com/lar/f06f.html\n"
                 "阿坝州人民政府办公室关于印发《阿坝州政务数据资源管理暂行办法》的通知\n"
                 "阿坝州人民政府办公室关于印发《阿坝州政务数据资源管理暂行办法》的通知\n"
                 "阿府办发〔2021〕21号\n各县(市)人民政府、州级各部门:\n"
                 "现将《阿坝州政务数据资源管理暂行办法》印发你们,请认真遵照执行。\n"
                 "阿坝州人民政府办公室\n2021年10月11日\n阿坝州政务数据资源管理暂行办法\n第一章 总则\n")
WORK_REPORT = ("政 府 工 作 报 告\n—2018年3月7日在海拉尔区第十五届人民代表大会第二次会议上\n"
               "海拉尔区人民政府区长 某某\n各位代表:\n现在,我代表海拉尔区人民政府向大会报告工作,请予审议。\n"
               "一、2017年工作回顾\n")
CRAWLED_BODY = ("各市、县(区)人民政府,省政府各部门:\n为促进全省婴幼儿照护服务事业健康发展,根据《国务院办公厅"
                "关于促进3岁以下婴幼儿照护服务发展的指导意见》(国办发〔2019〕15号)精神,经省政府同意,"
                "结合我省实际,制定本实施意见。\n一、总体要求\n")
FORWARDED = ("仙桃市义务教育均衡发展工作实施方案\n2024-09-27\n仙桃市义务教育均衡发展工作实施方案 来源:仙政办发[2009]78号\n"
             "市人民政府办公室关于转发市教育局仙桃市义务教育均衡发展工作实施方案的通知\n各镇人民政府:\n"
             "市教育局制定的《仙桃市义务教育均衡发展工作实施方案》已经市人民政府同意,现转发给你们。\n"
             "二OO九年七月三十日\n一、指导思想\n坚持原则。\n抄送:市委各部门。\n仙桃市人民政府办公室\n"
             "2009年7月30日印发\n")
BARE_NOTICE = ("某执行小组办公室关于印发安徽省关于对接区域全面经济伙伴关系协定(RCEP)新规则实施意见的通知\n"
               "(皖开放办〔2022〕6号)\n省有关单位:\n"
               "《安徽省关于对接〈区域全面经济伙伴关系协定〉(RCEP)新规则 实施意见》现印发给你们,请认真贯彻执行。\n"
               "某执行小组办公室\n2022年3月23日\n"
               "安徽省关于对接《区域全面经济伙伴关系协定》(RCEP)新规则实施意见\n")
FORM_ATTACHMENT = ("附件2:\n\n某局各单位(部门)宣传报道申报单\n申请部门(单位):\n宣传报道时间:\n"
                   "部门领导意见\n(签章)\n年 月 日\n")


@pytest.mark.parametrize("text, expected", [
    pytest.param(DOWNLOAD_PAGE + "正文。", "关于推动基础教育高质量发展行动方案", id="download-page-furniture"),
    pytest.param(GOVERNMENT_PAGE, "县域普通高中发展提升三年行动实施方案(2023-2025)", id="名称-field-印发-notice"),
    pytest.param(PKULAW_EXPORT, "阿坝州政务数据资源管理暂行办法", id="pkulaw-duplicated-notice"),
    pytest.param(WORK_REPORT, "政府工作报告", id="spaced-work-report"),
    pytest.param(CRAWLED_BODY, None, id="no-title-on-page"),
    pytest.param("近日,昌平区教委公布了《昌平区实施方案》,供家长查看。\n昌平区加快推进义务教育优质均衡发展实施方案\n一、",
                 "昌平区加快推进义务教育优质均衡发展实施方案", id="news-sentence-first"),
    pytest.param("安徽省某办公室关于印发安徽省推进高水平开放实施意见的通知\n(皖开放办〔2022〕6号)\n",
                 "安徽省推进高水平开放实施意见", id="印发-without-《》"),
    pytest.param("江西省人民政府办公厅关于促进3岁以下婴幼儿照护服务发展的实施意见\n各市人民政府:\n",
                 "江西省人民政府办公厅关于促进3岁以下婴幼儿照护服务发展的实施意见", id="title-keeps-issuer"),
    pytest.param("《关于金融支持防控疫情的若干措施》已经省政府同意,现印发给你们,请认真贯彻执行。\n2020年2月9日\n",
                 "关于金融支持防控疫情的若干措施", id="issued-in-first-sentence"),
    pytest.param("(一)工作方案\n内容。", None, id="outline-heading-is-not-a-title"),
    pytest.param(BARE_NOTICE, "安徽省关于对接〈区域全面经济伙伴关系协定〉(RCEP)新规则实施意见",
                 id="bare-印发-name-spelled-as-in-《》"),
    pytest.param("某局关于印发某县学校建设实施方案的通知\n现将《某县学校建设方案》印发给你们。\n",
                 "某县学校建设实施方案", id="bare-印发-name-differs-from-《》"),
    pytest.param(FORM_ATTACHMENT, "某局各单位(部门)宣传报道申报单", id="form-attachment-not-a-field-label"),
    pytest.param("首页\n通知公告\n法定主动公开目录\n某局关于印发某县行动方案的通知\n各县:\n", "某县行动方案",
                 id="site-sections-made-of-genre-words-are-no-titles"),
    pytest.param("某区办公室关于转发区建设管理委《某区更新行动方案》的通知\n各街道:\n", "某区更新行动方案",
                 id="转发-a-body's-document"),
    pytest.param("某区办公室关于印发贯彻《某市管理条例》推进分类体系建设实施方案的通知\n各镇:\n",
                 "贯彻《某市管理条例》推进分类体系建设实施方案", id="a-cited-law-inside-the-issued-title"),
    pytest.param("关于印发《某省改革实施方案》的通知(某发改〔2025〕480号)\n各市:\n", "某省改革实施方案",
                 id="notice-title-with-its-文号-after-it"),
    pytest.param("附件1:\n填报单位:\n部门领导意见\n", None, id="form-attachment-without-title"),
    pytest.param("附件\n促进婴幼儿照护服务发展\n工作部门职责分工\n省教育厅负责人才培养。\n",
                 "促进婴幼儿照护服务发展工作部门职责分工", id="attachment-title-on-two-lines"),
    pytest.param("附件1:某县学校建设实施方案\n一、目标\n", "某县学校建设实施方案", id="attachment-title-run-in"),
    pytest.param("某局关于印发 | 2024-2026 | 年某省农机补贴实施方案的通知\n各市县:\n", "2024-2026年某省农机补贴实施方案",
                 id="title-laid-out-in-boxes"),
    pytest.param("关于印发进一步做好近期促进消费工作\n若干措施的通知\n各市人民政府:\n", "进一步做好近期促进消费工作若干措施",
                 id="genre-word-wrapped-onto-the-next-line"),
    pytest.param("索引号:113301000024896398/2025-1010413967\n我市开展购房补贴活动\n发布日期:2025-10-24 17:55\n为进一步…",
                 "我市开展购房补贴活动", id="web-headline-above-its-date"),
    pytest.param("中共某市委关于制定某市国民经济和社会发展第十五个五年规划的建议\n(2025年12月8日通过)\n",
                 "中共某市委关于制定某市国民经济和社会发展第十五个五年规划的建议", id="a-建议"),
    pytest.param("某市绿化和市容管理局关于下发《某市白玉兰推广应用三年行动计划(2024-2026年)》的通知\n各区绿化局:\n",
                 "某市白玉兰推广应用三年行动计划(2024-2026年)", id="a-notice-that-下发-a-plan"),
    pytest.param("转发某市教育局关于开展有偿补课专项治理工作的通知\n各学校:\n",
                 "某市教育局关于开展有偿补课专项治理工作的通知", id="a-forwarded-notice-keeps-its-的通知"),
    pytest.param("中共某市委宣传部\n某宣通字〔2019〕12号\n中共某市委宣传部\n关于开展读书月活动的\n通      知\n各县委宣传部:\n",
                 "中共某市委宣传部关于开展读书月活动的通知", id="a-red-header-title-over-three-lines-spaced-通知"),
])
def test_title(text, expected):
    assert find_title(head_lines(text))[0] == expected


@pytest.mark.parametrize("head, expected", [
    pytest.param(["阿坝州人民政府办公室关于印发《办法》的通知", "阿府办发〔2021〕21号"], "阿府办发〔2021〕21号",
                 id="own-line"),
    pytest.param(["新余市人民政府办公室关于印发《办法》的通知", "(余府发〔2012〕3号)"], "余府发〔2012〕3号",
                 id="in-brackets"),
    pytest.param(["仙桃市义务教育均衡发展工作实施方案 来源:仙政办发[2009]78号"], "仙政办发[2009]78号",
                 id="来源-field-square-brackets"),
    pytest.param(["发文字号: 京经信发〔2022〕87号"], "京经信发〔2022〕87号", id="文号-field"),
    pytest.param(["根据《国务院关于推进开发区创新提升的意见》(国发〔2019〕11号),现提出以下意见。"], None,
                 id="cited-after-根据"),
    pytest.param(["省政府《实施意见》(冀政字〔2017〕6号)"], None, id="cited-after-《》"),
    pytest.param(["宁ICP备20000045号-2", "宁公网安备 64010402000987号"], None, id="site-licence-numbers"),
])
def test_doc_number(head, expected):
    assert find_doc_number(head) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("正文。\n2020年8月7日", "2020-08-07", id="date-line-at-end"),
    pytest.param("正文。\n二〇二〇年八月七日\n", "2020-08-07", id="chinese-numerals"),
    pytest.param("现转发给你们。\n二OO九年七月三十日\n", "2009-07-30", id="letter-O-for-zero"),
    pytest.param("通知\n二○一二年一月九日\n", "2012-01-09", id="circle-for-zero"),
    pytest.param("仙桃市人民政府办公室\n2009年7月30日印发", "2009-07-30", id="印发-line"),
    pytest.param("发布机构:某局 成文日期:2023-04-27\n发布日期:2023-04-28", "2023-04-27", id="成文日期-field"),
    pytest.param("页面\n发布日期:2023-04-28\n", "2023-04-28", id="发布日期-fallback"),
    pytest.param("索引号:014742224A/2023-0043406\n生成日期:2023-05-11\n某县统计公报\n(2023年5月)\n", "2023-05-11",
                 id="生成日期-last-resort"),
    pytest.param("生成日期:2023-05-11\n发布日期:2023-05-12\n公报\n", "2023-05-12", id="发布日期-before-生成日期"),
    pytest.param("生成日期:2023-05-11 发布日期:2023-05-12\n正文。\n县统计局\n2023年5月10日\n", "2023-05-10",
                 id="signature-date-before-page-fields"),
    pytest.param("生成日期:2023-05-11 成文日期:2023-05-09\n正文。\n县统计局\n2023年5月10日\n", "2023-05-09",
                 id="成文日期-first"),
    pytest.param(WORK_REPORT, "2018-03-07", id="work-report-meeting-line"),
    pytest.param("纲要\n(2 0 0 1年2月1 6日云南省第九届人民代表大会第四次会议通过)\n", "2001-02-16",
                 id="spaced-digits-meeting"),
    pytest.param("方案\n2024-09-27\n自2022年12月1日开始实施。", None, id="page-date-and-start-date"),
    pytest.param("公告期为2020年3月1日-2020年3月31日。", None, id="dates-inside-sentences"),
])
def test_issued_date(text, expected):
    assert find_issued_date(text) == expected


@pytest.mark.parametrize("title, genre", [
    pytest.param("深泽县义务教育优质均衡发展创建规划(草案)", "规划", id="规划-with-draft"),
    pytest.param("关于推动基础教育高质量发展行动方案", "行动方案", id="行动方案"),
    pytest.param("阿坝州政务数据资源管理暂行办法", "暂行办法", id="暂行办法"),
    pytest.param("江西省人民政府办公厅关于促进照护服务发展的实施意见", "实施意见", id="实施意见"),
    pytest.param("政府工作报告", "政府工作报告", id="政府工作报告"),
    pytest.param("新疆维吾尔自治区质监局关于进一步加强新闻宣传工作的通知", "通知", id="通知"),
    pytest.param("云南省国民经济和社会发展第十个五年计划纲要", "计划纲要", id="纲要"),
    pytest.param("义务教育均衡发展资料汇编", "汇编", id="汇编"),
    pytest.param("2024—2026年农机购置与应用补贴实施操作要求", "要求", id="要求"),
    pytest.param("昌平区教育现状", None, id="no-genre"),
])
def test_genre_of_title(title, genre):
    assert genre_of(title) == genre


@pytest.mark.parametrize("text, genre", [
    pytest.param(CRAWLED_BODY, "实施意见", id="制定本实施意见"),
    pytest.param("为破解障碍,现结合我省实际,提出以下意见。\n", "意见", id="提出以下意见"),
    pytest.param(WORK_REPORT, "政府工作报告", id="向大会报告工作"),
    pytest.param("各位代表:现在,我代表区政府向大会作工作报告,请予审议。", "政府工作报告", id="向大会作工作报告"),
    pytest.param("为加强管理,特作如下安排。", None, id="nothing-named"),
])
def test_genre_in_body(text, genre):
    assert genre_in_body(text) == genre


FIELDS = ("title", "issuer", "doc_number", "issued_date", "doc_type", "province", "city", "county", "adcode")


@pytest.mark.parametrize("text, expected", [
    pytest.param(PKULAW_EXPORT, ("阿坝州政务数据资源管理暂行办法", "阿坝州人民政府办公室", "阿府办发〔2021〕21号",
                                 "2021-10-11", "暂行办法", "四川省", "阿坝藏族羌族自治州", None, "513200"),
                 id="pkulaw-notice"),
    pytest.param(GOVERNMENT_PAGE, ("县域普通高中发展提升三年行动实施方案(2023-2025)", "某市教育局等八部门", None,
                                   "2023-04-27", "实施方案", "宁夏回族自治区", "银川市", None, "640100"),
                 id="government-page-索引号"),
    pytest.param(WORK_REPORT, ("政府工作报告", "海拉尔区人民政府", None, "2018-03-07", "政府工作报告",
                               "内蒙古自治区", "呼伦贝尔市", "海拉尔区", "150702"), id="work-report"),
    pytest.param(FORWARDED, ("仙桃市义务教育均衡发展工作实施方案", "仙桃市人民政府办公室", "仙政办发[2009]78号",
                             "2009-07-30", "实施方案", "湖北省", None, "仙桃市", "429004"), id="forwarded-plan"),
    pytest.param(CRAWLED_BODY, (None, None, None, None, "实施意见", None, None, None, None), id="crawled-body"),
    pytest.param("", (None,) * 9, id="empty"),
])
def test_extract_metadata(text, expected):
    meta = extract_metadata(text)
    assert tuple(getattr(meta, name) for name in FIELDS) == expected
    assert meta.locality_reason


@pytest.mark.parametrize("text, province", [
    pytest.param("进一步做好近期促进消费工作若干措施\n为贯彻落实安徽省委、省政府部署,全省各地要……", "安徽省",
                 id="a-provincial-text-naming-its-province"),
    pytest.param("关于开展专项检查的通知\n江苏省、浙江省、上海市共同推进长三角……", None, id="several-provinces-none"),
])
def test_a_province_the_body_names_when_the_head_names_none(text, province):
    assert extract_metadata(text).province == province


def test_a_letter_asking_to_confirm_a_plan_takes_the_plans_title():
    text = "关于请确认《某省新一轮三年行动方案(2021-2023年)》目标指标的函\n省有关部门:\n现将方案送上,请确认。\n"
    assert extract_metadata(text).title == "某省新一轮三年行动方案(2021-2023年)"


def test_first_part_borrows_the_page_head():
    part = FORWARDED[FORWARDED.index("市人民政府办公室关于转发"):]
    meta = extract_metadata(part, file_text=FORWARDED)
    assert (meta.doc_number, meta.issued_date, meta.county) == ("仙政办发[2009]78号", "2009-07-30", "仙桃市")


def test_later_part_keeps_only_page_fields():
    later = "胡市中学义务教育均衡发展工作方案\n一、指导思想\n坚持原则。\n"
    file_text = GOVERNMENT_PAGE + "二、目标\n" + "很长的正文。\n" * 80 + later
    meta = extract_metadata(later, file_text=file_text)
    assert (meta.title, meta.doc_number, meta.issued_date, meta.city) == (
        "胡市中学义务教育均衡发展工作方案", None, "2023-04-27", "银川市")
