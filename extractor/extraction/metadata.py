"""What a document says about itself: title, issuer, 文号, date, genre, locality.

Everything is read from the document's head (title lines, 索引号 blocks, the 文号 line), its
signature and date lines, and a few fixed forms of the first paragraph; never from the body.

>>> meta = extract_metadata("阿坝州人民政府办公室关于印发《阿坝州政务数据资源管理暂行办法》的通知\\n"
...                         "阿府办发〔2021〕21号\\n各县(市)人民政府:\\n现将《阿坝州政务数据资源管理暂行办法》"
...                         "印发你们,请认真遵照执行。\\n阿坝州人民政府办公室\\n2021年10月11日\\n第一条 为规范管理。")
>>> meta.title, meta.issuer, meta.doc_number, meta.issued_date, meta.doc_type
('阿坝州政务数据资源管理暂行办法', '阿坝州人民政府办公室', '阿府办发〔2021〕21号', '2021-10-11', '暂行办法')
>>> meta.city, meta.county
('阿坝藏族羌族自治州', None)
"""
from __future__ import annotations

import io
import re
from functools import lru_cache

from extractor.extraction.doc_dates import date_in_fields, find_issued_date
from extractor.extraction.issuers import FIELD, find_issuer
from extractor.extraction.localities import (Resolution, code_in_index_number, province_from_cited_numbers,
                         province_named_in, resolve_locality)
from extractor.extraction.organisations import is_organisation
from extractor.models import DocumentMeta
from extractor.lexicon import BRACKETED_YEAR, DOC_SERIAL, LABEL_AT_START as OUTLINE_START, longest_first


HEAD_LINES = 60  # how many non-empty lines a document's head may span (web pages put furniture first)

TITLE_FIELD = re.compile(FIELD.format(r"名\s*称|标\s*题|文件名称"), re.MULTILINE)
NUMBER_FIELD = re.compile(FIELD.format(r"文\s*号|发文字号|来\s*源"), re.MULTILINE)
DOC_NUMBER = re.compile(
    rf"""[\u4e00-\u9fff]{{1,12}}?   # issuer abbreviation: 仙政办发, 阿府办发
        {BRACKETED_YEAR}            # the bracketed year, kept as written
        {DOC_SERIAL}                # the serial number
    """,
    re.VERBOSE,
)
ISSUER_BEFORE_NUMBER = re.compile(r"^[\u4e00-\u9fff]*?(?:厅|局|政府|办公室|委员会)(?=[\u4e00-\u9fff]+[〔\[(［【])")  # 某厅鲁环便函〔…: the issuer run into it
CITED_BEFORE = re.compile(r"(?:》|的通知|意见|办法|方案)\s*\(?\s*$")  # a 文号 right after a cited title
NOTICE = re.compile(
    r"""(?:印发|转发|批转|下发|颁发|颁布|发布|公布|会签|征求|确认)\s*  # the notice issues, forwards or sends a draft of ...
        (?:(?:[^《》,。\s]{2,20}?(?=《))?     # (the body whose document it forwards: 转发区建设管理委《…》)
           《([^《》]{4,})》(?=\s*(?:[^《》,。]{0,6}的|等|和|及|意见|$))  # ... a titled document (…》目标指标的函; not 贯彻《条例》推进…方案)
         | (.{4,})的(?:通知|公告))           # ... or one named without 《》 around it all
    """,
    re.VERBOSE,
)
ISSUED_IN_BODY = re.compile(
    r"""《([^《》]{4,80})》                 # the document issued
        (?:已经[^,。]{0,20}同意,)?\s*       # 已经省政府同意,
        (?:现将其?|现)?(?:予以|予)?印发      # 现印发给你们
    """,
    re.VERBOSE,
)
PUBLISHED_LINE = re.compile(r"^(?:发布日期|发布时间|发文日期|来源|信息来源|时间)\s*:")  # under a page's headline
CELL_BARS = re.compile(r"\s*\|\s*")  # a title a page laid out in boxes reads as a table row
FILE_SUFFIX = re.compile(r"\.(?:docx?|pdf|wps|txt|html?)$", re.IGNORECASE)
SPACED_TITLE = re.compile(r"^(?:[\u4e00-\u9fff] )+[\u4e00-\u9fff]$")          # 政 府 工 作 报 告
LEADING_NOTE = re.compile(r"^(?:\([^()]{1,10}\)|[\u4e00-\u9fff]{2,6}:)")  # (此件公开发布), 文件状态: before a title
QUOTED_AFTER_ISSUER = re.compile(r"[^<>《》]{2,40}?[<《](?P<title>[^<>《》]{4,})[>》]")  # 某省委办公厅<关于…若干措施>
SECTION_WORDS = re.compile(r"^(?:法定)?(?:主动|依申请)?(?:公开|信息公开|政府信息公开)")  # 法定主动公开目录
TRAILING_BRACKETS = re.compile(r"(?:\s*\([^()]{1,20}\))+$")                    # (草案) (2023-2025)
ATTACHMENT_MARKER = re.compile(r"^附件\s*\d{0,2}\s*:?\s*(.*)$")  # 附件 / 附件2: / 附件1:TITLE
COMPLETE_NAME = re.compile(r"[表单书函证卡册]$")  # a form's name ends here: 登记表, 申报单, 通知书
WRAPPED_TITLE_ENDS = ("关于", "印发", "转发", "批转")  # a notice's title line that goes on
NOTICE_OPENING = re.compile(r"^(?:[^,。;:]{0,30}?)关于(?:印发|转发|批转)?")  # 关于印发…, 某局关于…
REGION_FIELD = re.compile(r"地区\s*:\s*(?P<place>\S.{0,30})$")  # a page's 地区 field (a front matter's region)
MAX_TITLE = 120
MAX_ISSUER_LINE = 24  # an issuer's name on a line of its own above 关于…
MAX_BARE_GENRE = 4  # characters: a genre word this short alone (会议纪要, 通知) names no document
NOT_A_TITLE_LINE = re.compile(r"[。;!?]|:$")  # a body sentence or a salutation (各县区:)
WRAPPED_LINE = 20  # the second line of a wrapped attachment title (工作部门职责分工) is at most this long
BOOK_TITLE = re.compile(r"《([^《》]{4,120})》")                       # a name in 《》
BOOK_MARKS = re.compile(r"[《》〈〉\s]")                                # what spellings of one name differ in
CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")  # a stray space inside a name
NOT_A_TITLE = re.compile(r"[,。;!?]|^(?:•|首页|当前位置|上一篇|下一篇|根据|按照|为了?|现将|附件)")
BODY_GENRE = re.compile(
    r"""(?:制定|印发|提出|出台)(?:本|以下|如下)   # 制定本意见, 提出以下实施意见
        ([\u4e00-\u9fff]{0,4}?)                 # an optional qualifier
        (?=[,。:;]|$)                           # up to the clause end
      | (向大会(?:作|报告)(?:政府)?工作)           # a government work report: 向大会作工作报告
    """,
    re.VERBOSE | re.MULTILINE,
)


@lru_cache(maxsize=1)
def genres() -> tuple[str, ...]:
    """Genre words from ``data/doc_genres.txt``, longest first."""
    return longest_first("doc_genres.txt")


def extract_metadata(text: str, *, file_text: str = "", file_name: str = "") -> DocumentMeta:
    """Metadata of the document ``text``; ``file_text`` is the whole source file for context.

    The head of ``file_text`` (a web page's 索引号 block) backs up every document of the file;
    its signature, date and 文号 back up only a document that opens the file.
    """
    head = head_lines(text)
    file_head = head_lines(file_text) if file_text and file_text != text else []
    opening = _opens_file(text, file_text, file_head)
    title, title_line = find_title(head)
    issuer = (find_issuer(head, text, title_line)
              or find_issuer(file_head, file_text if opening else "", None))
    issued = (find_issued_date(text)
              or (find_issued_date(file_text) if opening else date_in_fields("\n".join(file_head))))
    doc_number = find_doc_number(head) or (find_doc_number(file_head) if opening else None)
    resolution = find_locality(text, head + file_head, issuer, title_line)
    return DocumentMeta(title=title, issuer=issuer, doc_number=doc_number, issued_date=issued,
                        doc_type=genre_of(title) if title else genre_in_body(text),
                        **_locality_fields(resolution))


def find_locality(text: str, head: list[str], issuer: str | None, title_line: str | None) -> Resolution:
    """Locality from a 索引号, the issuer, the title line, a page's 地区 field, else a cited
    provincial 文号, else the one province the text names in full."""
    index_code = code_in_index_number("\n".join(head))
    region = next((found.group("place") for line in head if (found := REGION_FIELD.match(line))), "")
    resolution = resolve_locality([("issuer", issuer or ""), ("title", title_line or ""), ("地区", region)],
                                  index_code)
    for fallback in (province_from_cited_numbers, province_named_in):
        if resolution.locality is None:
            found = fallback(text)
            resolution = found if found.locality else resolution
    return resolution


def _opens_file(text: str, file_text: str, file_head: list[str]) -> bool:
    """Whether ``text`` is the file's first document (it starts within the file's head, or at the
    file's start when the file has no head)."""
    start = file_text.find(text.strip()[:80])
    if not file_head:
        return 0 <= start <= len(file_text) - len(file_text.lstrip())
    head_end = file_text.find(file_head[-1]) + len(file_head[-1])
    return 0 <= start <= head_end


def _locality_fields(resolution: Resolution) -> dict:
    locality = resolution.locality
    names = ("province", "city", "county", "adcode", "level")
    values = {name: getattr(locality, name) if locality else None for name in names}
    return values | {"locality_reason": resolution.reason}


def head_lines(text: str) -> list[str]:
    """The non-empty lines before the outline begins (at most ``HEAD_LINES``), stripped.

    >>> head_lines("标题\\n\\n正文开头。\\n一、总体要求\\n二、")
    ['标题', '正文开头。']
    """
    lines = []
    for line in io.StringIO(text):  # read lazily: only the head is needed, however long the file
        line = line.strip()
        if OUTLINE_START.match(line) or len(lines) >= HEAD_LINES:
            break
        if line:
            lines.append(line)
    return _join_wrapped_titles(lines)


def _notice_goes_on(previous: str, line: str) -> bool:
    """``关于印发…工作`` then ``若干措施的通知``: a notice's title whose genre word is on the next line."""
    return (NOTICE_OPENING.match(previous) is not None and genre_of(previous) is None
            and genre_of(line) is not None and len(line) <= WRAPPED_LINE)


def _join_wrapped_titles(lines: list[str]) -> list[str]:
    """A title a page wrapped over several lines, as one line: a line with a 《 still open, or
    one that ends in 关于/印发 (…局关于 / 印发《…), goes on in the next line.

    >>> _join_wrapped_titles(["某局关于", "印发《某市2026年度", "试行工作方案》的通知", "各区:"])
    ['某局关于印发《某市2026年度试行工作方案》的通知', '各区:']
    >>> _join_wrapped_titles(["关于印发进一步做好促进消费工作", "若干措施的通知", "各市人民政府:"])
    ['关于印发进一步做好促进消费工作若干措施的通知', '各市人民政府:']
    >>> _join_wrapped_titles(["某市委组织部", "关于开展主题活动的", "通    知", "各县委组织部:"])
    ['某市委组织部关于开展主题活动的通知', '各县委组织部:']
    """
    joined: list[str] = []
    for line in lines:
        previous, compact = (joined[-1] if joined else ""), CJK_SPACE.sub("", line)  # 通    知
        open_title = previous.count("《") > previous.count("》") or previous.endswith(WRAPPED_TITLE_ENDS)
        open_title = open_title or _notice_goes_on(previous, compact) or _issuer_before(previous, compact)
        if open_title and len(previous) + len(compact) <= MAX_TITLE and not NOT_A_TITLE_LINE.search(compact):
            joined[-1] = previous + compact
        else:
            joined.append(line)
    return joined


def _issuer_before(previous: str, line: str) -> bool:
    """``中共某市委组织部`` then ``关于开展…的``: the issuer's line that opens a notice's title."""
    return (line.startswith("关于") and len(previous) <= MAX_ISSUER_LINE and is_organisation(previous)
            and not NOT_A_TITLE_LINE.search(previous))


def clean_title_line(line: str) -> str:
    """A head line as a possible title: file suffix dropped, spaced-out letters joined.

    >>> clean_title_line("政 府 工 作 报 告"), clean_title_line("关于推动基础教育高质量发展行动方案.docx")
    ('政府工作报告', '关于推动基础教育高质量发展行动方案')

    A note or a page's field label before it goes, and a title quoted after its issuers is the
    quoted name:

    >>> clean_title_line("(此件公开发布)某市储备粮管理办法"), clean_title_line("某省委办公厅<关于推动绿色发展的若干措施>")
    ('某市储备粮管理办法', '关于推动绿色发展的若干措施')
    """
    line = CELL_BARS.sub("", FILE_SUFFIX.sub("", line.strip()))
    line = line.replace(" ", "") if SPACED_TITLE.match(line) else line
    bare = LEADING_NOTE.sub("", line)
    quoted = QUOTED_AFTER_ISSUER.fullmatch(bare)
    bare = quoted.group("title") if quoted else bare
    return bare if bare != line and genre_of(bare) else line


def genre_of(title: str) -> str | None:
    """The genre word that ends ``title`` (brackets such as (草案) ignored).

    >>> genre_of("必威体育县域普通高中发展提升三年行动实施方案(2023-2025)")
    '实施方案'
    >>> genre_of("深泽县义务教育优质均衡发展创建规划(草案)"), genre_of("今天的天气")
    ('规划', None)
    """
    bare = TRAILING_BRACKETS.sub("", title).rstrip("》\"”")
    return next((genre for genre in genres() if bare.endswith(genre)), None)


def find_title(head: list[str]) -> tuple[str | None, str | None]:
    """The title and the head line it came from (a notice's line for a 《》 title).

    >>> find_title(["无障碍", "名 称:某局关于印发《某县行动方案》的通知", "正文。"])
    ('某县行动方案', '某局关于印发《某县行动方案》的通知')
    >>> find_title(["各市、县(区)人民政府,省政府各部门:", "为促进发展,制定本意见。"])
    (None, None)
    >>> find_title(["《关于金融支持企业的若干措施》已经省政府同意,现印发给你们,请认真贯彻执行。"])
    ('关于金融支持企业的若干措施', None)
    >>> find_title(["附件2:", "某局宣传报道申报单", "部门领导意见"])
    ('某局宣传报道申报单', '某局宣传报道申报单')
    """
    marker = ATTACHMENT_MARKER.match(head[0]) if head else None
    if marker:
        return attachment_title(([marker.group(1)] if marker.group(1) else []) + head[1:3])
    for line in head:
        field = TITLE_FIELD.search(line)
        candidate = clean_title_line(field.group(1) if field else line)
        if field or looks_like_title(candidate):
            return _issued_title(candidate, head), candidate
    for line in head:
        issued = ISSUED_IN_BODY.search(line)
        if issued:
            return issued.group(1), None
    return _headline(head)


def _headline(head: list[str]) -> tuple[str | None, str | None]:
    """A web page's headline: the line right above its 发布日期 / 来源 line.

    >>> _headline(["索引号:1133", "我市开展购房补贴活动", "发布日期:2025-10-24 17:55", "为进一步…"])
    ('我市开展购房补贴活动', '我市开展购房补贴活动')
    """
    for line, following in zip(head, head[1:]):
        candidate = clean_title_line(line)
        if PUBLISHED_LINE.match(following) and _reads_as_title(candidate):
            return candidate, candidate
    return None, None


def attachment_title(lines: list[str]) -> tuple[str | None, str | None]:
    """An attachment's title: the line after its 附件N marker if that reads as a title, else None.

    A title wrapped onto a short second line is joined; a form's field labels (部门领导意见,
    填报单位) never stand in for the title nor continue it.

    >>> attachment_title(["县域普通高中发展提升三年行动实施方案", "一、总体要求"])[0]
    '县域普通高中发展提升三年行动实施方案'
    >>> attachment_title(["促进婴幼儿照护服务发展", "工作部门职责分工", "省教育厅负责培养人才。"])[0]
    '促进婴幼儿照护服务发展工作部门职责分工'
    >>> attachment_title(["某局信息宣传联络员登记表", "填报单位"])[0]
    '某局信息宣传联络员登记表'
    >>> attachment_title(["填报单位:"]), attachment_title(["为做好宣传工作,请各单位填写本表。"])
    ((None, None), (None, None))
    """
    first, second = (clean_title_line(line) for line in (lines + ["", ""])[:2])
    if not _reads_as_title(first):
        return None, None
    if len(second) <= WRAPPED_LINE and _reads_as_title(second) and not (genre_of(first) or COMPLETE_NAME.search(first)):
        first += second
    return _issued_title(first, []), first


def _reads_as_title(line: str) -> bool:
    """A line with no sentence punctuation, colon or outline label, of a title's length."""
    return 4 <= len(line) <= 120 and not (NOT_A_TITLE.search(line) or OUTLINE_START.match(line) or ":" in line)


def looks_like_title(line: str) -> bool:
    """A line of a title's length, with no sentence punctuation, that ends in a genre word and
    is more than a section name made of genre words (通知公告)."""
    if not 4 <= len(line) <= 120 or NOT_A_TITLE.search(line) or _names_only_genres(line):
        return False
    return genre_of(line) is not None


def _names_only_genres(line: str) -> bool:
    """A web page's section name made of genre words (通知公告, 通知通告, 主动公开目录): no title.

    >>> _names_only_genres("通知公告"), _names_only_genres("法定主动公开目录"), _names_only_genres("某县实施方案")
    (True, True, False)
    >>> _names_only_genres("政府工作报告"), _names_only_genres("会议纪要")
    (False, True)
    """
    rest, pieces = SECTION_WORDS.sub("", line), 0
    while rest:
        genre = genre_of(rest)
        if genre is None:
            return False
        rest, pieces = rest[:-len(genre)], pieces + 1
    short = pieces == 1 and len(line) <= MAX_BARE_GENRE  # 会议纪要 alone is a letterhead
    return pieces > 1 or short or SECTION_WORDS.match(line) is not None  # 政府工作报告 alone is a title


def _issued_title(line: str, head: list[str]) -> str:
    """The name of the document a 印发/转发 notice issues, else the line itself.

    A name the notice line gives without 《》 is taken in the spelling of a 《》 name of the head
    that differs from it only in book marks (〈〉 inside) and spaces.

    >>> _issued_title("某区办公室关于转发区建设管理委《某区更新行动方案(2023-2025年)》的通知(某府办〔2023〕13号)", [])
    '某区更新行动方案(2023-2025年)'
    >>> _issued_title("某区办公室关于印发贯彻《某市管理条例》推进分类体系建设实施方案的通知", [])
    '贯彻《某市管理条例》推进分类体系建设实施方案'
    >>> _issued_title("转发某市教育局关于开展有偿补课专项治理工作的通知", [])
    '某市教育局关于开展有偿补课专项治理工作的通知'
    >>> _issued_title("某办公室关于印发关于对接协定(RCEP)新规则实施意见的通知",
    ...               ["《关于对接〈协定〉(RCEP)新规则 实施意见》现印发给你们。"])
    '关于对接〈协定〉(RCEP)新规则实施意见'
    """
    notice = NOTICE.search(line)
    if not (notice and TRAILING_BRACKETS.sub("", line).endswith(("通知", "公告", "函"))):  # …的通知(川发改〔2025〕480号)
        return line
    if notice.group(1):
        quoted = QUOTED_AFTER_ISSUER.fullmatch(notice.group(1).strip())  # 《某省委办公厅<关于…措施>》
        return quoted.group("title") if quoted else notice.group(1).strip()
    bare = notice.group(2).strip()
    if notice.group().startswith("转发") and "关于" in bare and not genre_of(bare):
        bare += line[notice.end(2):notice.end()]  # 转发某局关于开展…工作的通知: what is forwarded is that 通知
    return next(_same_name_in_book_marks(bare, head), bare)


def _same_name_in_book_marks(bare: str, head: list[str]):
    """The 《》 names of ``head`` that spell ``bare`` (book marks and spaces aside)."""
    for line in head:
        for name in BOOK_TITLE.findall(line):
            if BOOK_MARKS.sub("", name) == BOOK_MARKS.sub("", bare):
                yield CJK_SPACE.sub("", name.strip())


def find_doc_number(head: list[str]) -> str | None:
    """The document's own 文号: alone on a head line or in a 文号/来源 field, not a cited one.

    >>> find_doc_number(["新余市人民政府办公室关于印发《办法》的通知", "(余府发〔2012〕3号)"])
    '余府发〔2012〕3号'
    >>> find_doc_number(["根据《国务院关于…的意见》(国发〔2019〕11号),现提出以下意见。"]) is None
    True
    >>> find_doc_number(["山东省生态环境厅鲁环便函〔2021〕1202号"])
    '鲁环便函〔2021〕1202号'
    """
    for line in head:
        field = NUMBER_FIELD.search(line)
        scope = field.group(1) if field else line
        for found in DOC_NUMBER.finditer(scope):
            rest = len(scope) - len(found.group())
            if (field or rest <= 4) and not CITED_BEFORE.search(scope[:found.start()]):
                return ISSUER_BEFORE_NUMBER.sub("", found.group().replace(" ", ""))
    return None


def genre_in_body(text: str) -> str | None:
    """The genre the first paragraphs name when there is no title (制定本意见 -> 意见).

    >>> genre_in_body("为促进发展,现提出以下实施意见:\\n一、")
    '实施意见'
    >>> genre_in_body("现在,我代表区政府向大会作工作报告,请予审议。")
    '政府工作报告'
    """
    for found in BODY_GENRE.finditer(text[:3000]):
        if found.group(2):
            return "政府工作报告"
        genre = genre_of(found.group(1) or "")
        if genre:
            return genre
    return None
