"""Hide document numbers, index numbers and cited titles before looking for numbers and dates.

Masking keeps every offset: masked characters become ``#``.

>>> mask_references("按照《2025年行动计划》(冀政字〔2017〕6号)要求,到2025年")
'按照《#########》(###########)要求,到2025年'
>>> mask_references("参照新一轮“美丽街区”三年行动计划(2024—2026),打造3个街区")
'参照##########################,打造3个街区'
>>> mask_references("(国能发监管\\n[2023]1217号)")
'(国能发监管\\n###########)'
>>> mask_references("(住房城乡建设部公告2019年第237号)")
'(住房城乡建设部公告##########)'
>>> mask_references("情况如下。表1 2020-2022年度隐患点变化情况表")
'情况如下。######################'
"""
from __future__ import annotations

import re

from extractor.lexicon import BRACKETED_YEAR, DOC_SERIAL

MASK = "#"
REFERENCES = re.compile(
    r"[\u4e00-\u9fff]{1,12}" + BRACKETED_YEAR + DOC_SERIAL + r"""  # a 文号: 冀政字〔2017〕6号
      | [〔\[【]\s*(?:19|20)\d{2}\s*[〕\]】]\s*第?\s*\d+\s*号  # the same, its issuer on the line before
      | (?<![\d年])(?:19|20)\d{2}\s*年\s*第\s*\d+\s*号  # a numbered 公告 or 令: 公告2019年第2号
      | 索引号\s*[:：]?\s*[0-9A-Za-z/\-_.]+    # a 索引号 and its code
      | (?<=《)[^《》\n]{1,80}(?=》)           # the inside of a cited title
      | (?<![\u4e00-\u9fff\d])附?表\s?\d{1,2}\s?[:：.、]?\s?  # a table's caption: 表1 ...
        [^。;；,，\n]{2,40}?(?:情况表|统计表|一览表|汇总表|清单)     # ... 2020-2022年度隐患点变化情况表
      | (?<=参照|按照|根据|依据|对照)           # a plan cited without 《》 ...
        [^,。;:()\n]{2,30}?(?:计划|规划|方案|纲要|意见|要点)”?  # ... by its name
        \((?:19|20)\d{2}\s*[—\-–~至到]{1,2}\s*(?:19|20)\d{2}\s*年?\)  # and its period: (2024—2026)
    """,
    re.VERBOSE,
)


def mask_references(text: str) -> str:
    """``text`` with 文号, 索引号, the insides of 《》 titles and tables' captions replaced by ``#``."""
    return REFERENCES.sub(lambda m: MASK * len(m.group()), text)
