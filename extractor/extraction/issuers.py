"""Who issues a document: a notice's first words, a 发布机构 field, a 令, a head of government, a
page's 发布 line, a 责任部门 field, a letterhead (…局文件), else the signature above its date.
"""
from __future__ import annotations

import re

from extractor.extraction.doc_dates import DATE_LINE
from extractor.lexicon import LETTERHEAD_END

FIELD = r"(?:{})\s*:\s*([^\s].*?)(?=\s{{2,}}|\s+\S{{2,6}}\s*:|$)"  # LABEL: value, up to the next label
ISSUER_FIELD = re.compile(FIELD.format(r"发文机关|发布机构|发文单位|发布单位|制发机关"), re.MULTILINE)
ISSUED_BY_NOTICE = re.compile(
    r"""^([^,。;:!?《》\s]{2,60}?           # the issuing body
        (?:政府|办公室|办公厅|局|委|委员会|厅|部门|小组|中心|院|会|办|署|处))
        (?:关于|印发|转发|批转)               # then what it issues
    """,
    re.VERBOSE,
)
RESPONSIBLE_FIELD = re.compile(FIELD.format(r"责任部门|责任单位"), re.MULTILINE)
ORDER = re.compile(r"^(\S{2,30}?(?:人民政府|政府))令")                       # 广东省人民政府令
HEAD_OF_GOVERNMENT = re.compile(r"^(\S{2,30}?人民政府)代?(?:省长|市长|区长|县长|州长|旗长|主席)")
LETTERHEAD = re.compile(r"^(\S{4,80}?)" + LETTERHEAD_END + "$")  # 龙岩市工业和信息化局文件: the body's letterhead
UNNAMED_LEVEL = "省市县区州旗"  # an issuer written 市人民政府办公室 leaves its place unnamed
PUBLISHED_BY = re.compile(
    r"([^,。\s]{2,20}?(?:局|委|厅|政府|办公室))(?:公布|发布|印发)了?《")      # 近日,昌平区教委公布了《…》
SEAL_NOTE = re.compile(r"\((?:代章|印章|盖章|公章)\)$")  # 某联席会议(代章): who signs for the body
SIGNATURE = re.compile(r"^[^\s,。;:!?、()《》]{2,40}(?:政府|办公室|办公厅|局|委|委员会|厅|部门|小组|中心|院|会|办)$")


def find_issuer(head: list[str], text: str, title_line: str | None) -> str | None:
    """The issuing body: a notice's first words, a 发布机构 field, a 令, a signature.

    >>> find_issuer([], "", "江西省人民政府办公厅关于促进婴幼儿照护服务发展的实施意见")
    '江西省人民政府办公厅'
    >>> find_issuer(["政府工作报告", "海拉尔区人民政府区长 杨国宏"], "", "政府工作报告")
    '海拉尔区人民政府'
    >>> find_issuer([], "请认真执行。\\n仙桃市人民政府办公室\\n2009年7月30日印发", "市人民政府办公室关于转发方案的通知")
    '仙桃市人民政府办公室'
    """
    notice = ISSUED_BY_NOTICE.match(title_line or "")
    issuer = notice.group(1) if notice else _issuer_in_head(head)
    signature = find_signature(text)
    if issuer and signature and issuer[0] in UNNAMED_LEVEL and signature.endswith(issuer):
        return signature
    return issuer or signature


def _issuer_in_head(head: list[str]) -> str | None:
    for pattern in (ISSUER_FIELD, ORDER, HEAD_OF_GOVERNMENT, PUBLISHED_BY, RESPONSIBLE_FIELD, LETTERHEAD):
        for line in head:
            found = pattern.search(line)
            if found:
                return found.group(1).strip()
    return None


def find_signature(text: str) -> str | None:
    """The body's name on the line right above the first date line that has one.

    >>> find_signature("请认真执行。\\n江西省市场监管局\\n2020年2月14日\\n")
    '江西省市场监管局'
    """
    for date in DATE_LINE.finditer(text):
        line_end = date.start()
        while line_end and text[line_end - 1].isspace():
            line_end -= 1
        above = SEAL_NOTE.sub("", text[text.rfind("\n", 0, line_end) + 1:line_end].strip())
        if SIGNATURE.match(above):
            return above
    return None
